#!/usr/bin/env bash
# The publish repository's post-receive hook (installed by `npm run publish:setup`): puts the
# pushed content/ of the publish branch in the site's CONTENT_DIR and runs the ingest, which
# refreshes every running server of the site's database. The pusher sees its report.
set -euo pipefail
export GIT_DIR="$(cd "${GIT_DIR:-.}" && pwd)"
export PATH="$NODE_DIR:$PATH"
zero=0000000000000000000000000000000000000000
while read -r _old new ref; do
  [ "$ref" = "refs/heads/$BRANCH" ] && [ "$new" != "$zero" ] || continue
  mkdir -p "$SITE_DIR/.publish"
  # One publication at a time: a second push waits for the first's ingest.
  exec 9>"$SITE_DIR/.publish/lock"
  flock 9
  case "$CONTENT_DIR" in /*) target="$CONTENT_DIR" ;; *) target="$SITE_DIR/$CONTENT_DIR" ;; esac
  # Unpacked next to the target, so that putting it in place is two renames on one file system.
  incoming="$(dirname "$target")/.publish-incoming-$$"
  previous="$(dirname "$target")/.publish-previous-$$"
  rm -rf "$incoming" "$previous" && mkdir -p "$incoming"
  git archive "$new" content | tar -x -C "$incoming"
  [ -e "$target" ] && mv "$target" "$previous"
  mv "$incoming/content" "$target"
  rm -rf "$incoming" "$previous"
  echo "发布 (publishing) $(git log -1 --format='%h %s' "$new") …"
  (
    unset GIT_DIR
    cd "$SITE_DIR"
    # Migrations are quiet unless they fail (a deploy normally ran them already).
    migrated=$(node_modules/.bin/tsx scripts/migrate.ts 2>&1) || { echo "$migrated"; exit 1; }
    node_modules/.bin/tsx --expose-gc scripts/ingest.ts
  ) 2>&1 || echo "导入失败 (the ingest failed): 请联系网站管理员 (tell the site's administrator)." >&2
  flock -u 9
done
