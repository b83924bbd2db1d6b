#!/usr/bin/env bash
# The browser tests' screenshots (docs/screenshots) need a Chinese font, or every character is a box.
# Installs Debian's fonts-wqy-microhei when no CJK font is found and allowed (root with apt-get); otherwise
# says how, and goes on: the tests measure boxes either way, only the pictures need the font.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q .; then exit 0; fi
. "$(dirname "$0")/apt-install.sh"
echo "No Chinese font found"
if apt_install fonts-wqy-microhei; then exit 0; fi
echo "No Chinese font found: screenshots will show boxes. Install one with: sudo apt-get install -y fonts-wqy-microhei" >&2
