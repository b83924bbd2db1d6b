# Sourced by the ensure-*.sh scripts: installs a Debian package when allowed (root with apt-get),
# quietly. Returns non-zero when it may not or could not.
apt_install() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "installing Debian's $1 package …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "$1" >/dev/null
}
