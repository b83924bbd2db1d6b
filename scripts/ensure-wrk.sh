#!/usr/bin/env bash
# The page and search benchmarks load the server with Debian's wrk (a C load generator, faster
# than the server it measures; autocannon is not). Installs it when missing and allowed.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
. "$(dirname "$0")/apt-install.sh"
echo "wrk not found"
if apt_install wrk && command -v wrk >/dev/null 2>&1; then exit 0; fi
echo "The benchmarks need wrk: sudo apt-get install -y wrk" >&2
exit 1
