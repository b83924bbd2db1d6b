#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (installing Debian's package if it is missing, as root)
# and creates the role and database the portal uses by default:
#   postgresql://portal:portal@127.0.0.1:5432/portal   (the role may create the test databases)
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  else
    echo "PostgreSQL is not installed: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
psql_su() { if [ "$(id -u)" = "0" ]; then su postgres -c "psql -v ON_ERROR_STOP=1 -q $*"; else psql -v ON_ERROR_STOP=1 -q "$@"; fi; }
psql_su "-c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB; END IF; END \\\$\\\$;\""
if ! psql_su "-tAc \"SELECT 1 FROM pg_database WHERE datname = 'portal'\"" | grep -q 1; then
  psql_su "-c \"CREATE DATABASE portal OWNER portal\""
fi
# Settings that take effect on a restart; the server is restarted once, when any changed.
restart=false
# Every search reads GIN index pages and story texts: PostgreSQL's default buffer cache (128MB)
# holds too little of a large archive. A quarter of the memory, at most 2GB (what bench:search
# measures with); production servers are sized the same way (README).
want_mb=$(awk '/MemTotal/ { m = int($2 / 1024 / 4); print (m > 2048 ? 2048 : m) }' /proc/meminfo)
have_mb=$(psql_su "-tAc \"SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'\"")
if [ "$have_mb" -lt "$want_mb" ]; then
  if psql_su "-c \"ALTER SYSTEM SET shared_buffers = '${want_mb}MB'\"" 2>/dev/null; then
    restart=true
  else
    echo "note: shared_buffers is ${have_mb}MB; searches over a large archive want ${want_mb}MB (ALTER SYSTEM needs a superuser)" >&2
  fi
fi
# A restarted server would start with an empty cache and read the index from disk search by
# search: pg_prewarm's autoprewarm (shipped with the server) reloads what was cached before.
# Set only where nothing else is preloaded: a list set here would replace the machine's own.
if ! preload=$(psql_su "-tAc \"SHOW shared_preload_libraries\"" 2>/dev/null); then
  echo "note: preloading pg_prewarm, so a restarted server starts with its cache, needs a superuser" >&2
elif [ -f "/usr/lib/postgresql/$version/lib/pg_prewarm.so" ] && [ -z "$preload" ]; then
  psql_su "-c \"ALTER SYSTEM SET shared_preload_libraries = 'pg_prewarm'\"" 2>/dev/null && restart=true
elif ! grep -q pg_prewarm <<<"$preload"; then
  echo "note: shared_preload_libraries is '$preload'; add pg_prewarm to it so a restarted server starts with its cache" >&2
fi
if [ "$restart" = true ]; then
  pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
fi
echo "PostgreSQL ready: postgresql://portal:portal@127.0.0.1:5432/portal"
