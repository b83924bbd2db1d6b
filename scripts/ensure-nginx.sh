#!/usr/bin/env bash
# The reverse-proxy test runs Debian's nginx with deploy/nginx/zuoquan-news.conf. Finds it,
# installs Debian's package when missing and allowed (root with apt-get), or says how to get it.
set -euo pipefail
if [ -x /usr/sbin/nginx ]; then exit 0; fi
. "$(dirname "$0")/apt-install.sh"
echo "nginx not found"
if apt_install nginx; then
  # The test starts its own nginx on loopback ports; the package's service is not needed.
  (systemctl disable --now nginx || service nginx stop) >/dev/null 2>&1 || true
  [ -x /usr/sbin/nginx ] && exit 0
fi
echo "The reverse-proxy test needs nginx at /usr/sbin/nginx: sudo apt-get install -y nginx" >&2
exit 1
