#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
# Finds it, installs Debian's package when missing and allowed (root with apt-get), or says how to get it.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
. "$(dirname "$0")/apt-install.sh"
echo "Chromium not found at $CHROMIUM"
if apt_install chromium && [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Browser tests need Chromium at $CHROMIUM (or set CHROMIUM_PATH)." >&2
echo "Install it with: sudo apt-get install -y chromium" >&2
exit 1
