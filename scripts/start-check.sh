#!/usr/bin/env bash
# CI: `npm start` as the README runs it, on the database given, until it serves an article;
# it must say that SITE_ORIGIN is unset. Usage: scripts/start-check.sh <DATABASE_URL> [port]
set -euo pipefail
url="$1"
port="${2:-3000}"
# Print pages are rendered with MuPDF's mutool, which the README names.
command -v mutool >/dev/null || { echo "mutool is missing: apt-get install mupdf-tools (README, Print edition)" >&2; exit 1; }
grep -q "mupdf-tools" README.md || { echo "README does not name the PDF renderer (mupdf-tools)" >&2; exit 1; }
log=$(mktemp)
DATABASE_URL="$url" PORT="$port" SITE_ORIGIN="" setsid npm start >"$log" 2>&1 &
pid=$!
trap 'kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 900); do
  if curl -fsS "http://127.0.0.1:$port/articles/jinyu-shuini-chuangxin" 2>/dev/null | grep -q "创新引领发展"; then
    curl -fsS "http://127.0.0.1:$port/issues/2022-12-20/pages/1" | grep -q "第1版 要闻" ||
      { cat "$log"; echo "npm start did not serve the source issue's print page" >&2; exit 1; }
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
