#!/usr/bin/env bash
# The page and search benchmarks load the server with Debian's wrk (a C load generator, faster
# than the server it measures; autocannon is not). Installs it when missing and allowed.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "wrk not found: installing Debian's wrk package …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
  command -v wrk >/dev/null 2>&1 && exit 0
fi
echo "The benchmarks need wrk: sudo apt-get install -y wrk" >&2
exit 1
