#!/usr/bin/env bash
# The publish repository's pre-receive hook (installed by `npm run publish:setup`): a push to the
# publish branch is accepted only when its content/ passes `npm run content:check`; the editor sees
# each error as `content/<file>:<line> [field]`. Other branches are stored without checks.
# Settings come from hooks/publish.env: SITE_DIR, BRANCH, NODE_DIR and the site's own settings.
set -euo pipefail
export GIT_DIR="$(cd "${GIT_DIR:-.}" && pwd)"
export PATH="$NODE_DIR:$PATH"
zero=0000000000000000000000000000000000000000
status=0
while read -r old new ref; do
  [ "$ref" = "refs/heads/$BRANCH" ] || continue
  if [ "$new" = "$zero" ]; then
    echo "拒绝：不能删除发布分支 $BRANCH (the publish branch cannot be deleted)." >&2
    status=1
    continue
  fi
  if ! git cat-file -e "$new:content" 2>/dev/null; then
    echo "拒绝：推送的提交里没有 content/ 文件夹 (no content/ in the pushed commit)." >&2
    status=1
    continue
  fi
  # Checked where the site's code is, in a folder named like the editor's: the messages name content/…
  work="$SITE_DIR/.publish/check-$$"
  rm -rf "$work" && mkdir -p "$work"
  git archive "$new" content | tar -x -C "$work"
  set +e
  (cd "$SITE_DIR" && node_modules/.bin/tsx scripts/content-check.ts "$work/content" 2>&1) | sed "s#$work/##g"
  checked=${PIPESTATUS[0]}
  set -e
  rm -rf "$work"
  if [ "$checked" != 0 ]; then
    echo "拒绝推送 (push refused)：content/ 没有通过检查，网站没有任何改变。改正上面的错误，提交后再推送。" >&2
    status=1
  elif [ "$old" != "$zero" ] && [ -n "$(git diff --name-only "$old" "$new" -- . ':(exclude)content')" ]; then
    echo "注意：content/ 以外的改动已保存，但不会发布到网站 (only content/ is published)."
  fi
done
exit "$status"
