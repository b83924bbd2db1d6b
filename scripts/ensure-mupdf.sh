#!/usr/bin/env bash
# The ingest draws page PDFs and joins an issue's pages with MuPDF's `mutool` (Debian's
# mupdf-tools; see README, Print edition). Finds it, installs Debian's package when missing and
# allowed (root with apt-get), or says how to get it.
set -euo pipefail
if command -v mutool >/dev/null 2>&1; then exit 0; fi
. "$(dirname "$0")/apt-install.sh"
echo "mutool not found"
if apt_install mupdf-tools && command -v mutool >/dev/null 2>&1; then exit 0; fi
echo "Rendering print pages needs mutool: sudo apt-get install -y mupdf-tools" >&2
exit 1
