#!/usr/bin/env bash
# Should a cache entry hold the working tree? Restores the same clone both ways, interleaved and
# alternating which goes first, and prints the time of each:
#   with tree:    extract .git, index and working tree, then the first `git status` (which must
#                 re-hash every file: the entry's stat data belongs to another machine)
#   history only: extract .git without the index, then check out (what the action does)
# Usage: bash bench/entry-contents.sh <repository> [rounds]   (needs git, tar and zstd)
set -euo pipefail
repo=$(realpath "${1:?usage: bash bench/entry-contents.sh <repository> [rounds]}")
rounds=${2:-8}
work=$(mktemp -d "${TMPDIR:-/tmp}/clone-cache-entry-XXXXXX")
trap 'rm -rf "$work"' EXIT

git clone --quiet "$repo" "$work/clone"
tar -C "$work/clone" -cf - . | zstd -q -T0 -o "$work/with-tree.tar.zst"
tar -C "$work/clone" -cf - --exclude=./.git/index ./.git | zstd -q -T0 -o "$work/history.tar.zst"
echo "archives: with tree $(stat -c %s "$work/with-tree.tar.zst") bytes, history only $(stat -c %s "$work/history.tar.zst") bytes"

ms() {
  local start
  start=$(date +%s%N)
  "$@" >/dev/null
  echo $((($(date +%s%N) - start) / 1000000))
}
with_tree() {
  mkdir "$work/a"
  local extract status
  extract=$(ms sh -c "zstd -dc '$work/with-tree.tar.zst' | tar -xf - -C '$work/a'")
  status=$(ms git -C "$work/a" status --porcelain)
  echo "with tree:    extract ${extract} ms + first status ${status} ms = $((extract + status)) ms"
  rm -rf "$work/a"
}
history_only() {
  mkdir "$work/b"
  local extract checkout branch
  extract=$(ms sh -c "zstd -dc '$work/history.tar.zst' | tar -xf - -C '$work/b'")
  branch=$(git -C "$work/b" symbolic-ref --short HEAD)
  checkout=$(ms git -C "$work/b" -c checkout.workers=0 -c core.deltaBaseCacheLimit=256m \
    checkout --quiet --force "$branch")
  echo "history only: extract ${extract} ms + checkout ${checkout} ms = $((extract + checkout)) ms"
  rm -rf "$work/b"
}
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then history_only; with_tree; else with_tree; history_only; fi
done
