#!/usr/bin/env bash
# CI: `npm start` as the README runs it, on the database given, until it serves an article;
# it must say that SITE_ORIGIN is unset. Usage: scripts/start-check.sh <DATABASE_URL> [port]
set -euo pipefail
url="$1"
port="${2:-3000}"
log=$(mktemp)
DATABASE_URL="$url" PORT="$port" SITE_ORIGIN="" setsid npm start >"$log" 2>&1 &
pid=$!
trap 'kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 900); do
  if curl -fsS "http://127.0.0.1:$port/articles/jinyu-shuini-chuangxin" 2>/dev/null | grep -q "创新引领发展"; then
    grep -q "SITE_ORIGIN is not set" "$log" || { cat "$log"; echo "npm start did not warn about SITE_ORIGIN" >&2; exit 1; }
    echo "npm start on ${url%%://*} serves the site on port $port"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
cat "$log"
echo "npm start on ${url%%://*} did not serve the site" >&2
exit 1
