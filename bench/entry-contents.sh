#!/usr/bin/env bash
# Should a cache entry hold the working tree? Restores the same clone both ways, interleaved and
# alternating which goes first, and prints the time of each:
#   with tree:    extract .git, index and working tree, then the first `git status` (which must
#                 re-hash every file: the entry's stat data belongs to another machine)
#   history only: extract .git without the index, then check out (what the action does)
# Usage: bash bench/entry-contents.sh <repository> [rounds]   (needs GNU tar, date and stat, git, zstd)
set -euo pipefail
shopt -s inherit_errexit # a failing command inside $(...) stops the script, never prints a time
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
extract() { # <archive> <directory>
  bash -o pipefail -c 'zstd -dc "$1" | tar -xf - -C "$2"' extract "$1" "$2"
}
with_tree() {
  mkdir "$work/a"
  local extracted status
  extracted=$(ms extract "$work/with-tree.tar.zst" "$work/a")
  status=$(ms git -C "$work/a" status --porcelain)
  echo "with tree:    extract ${extracted} ms + first status ${status} ms = $((extracted + status)) ms"
  rm -rf "$work/a"
}
history_only() {
  mkdir "$work/b"
  local extracted checkout branch
  extracted=$(ms extract "$work/history.tar.zst" "$work/b")
  branch=$(git -C "$work/b" symbolic-ref --short HEAD)
  checkout=$(ms git -C "$work/b" -c checkout.workers=0 -c core.deltaBaseCacheLimit=256m \
    checkout --quiet --force "$branch")
  echo "history only: extract ${extracted} ms + checkout ${checkout} ms = $((extracted + checkout)) ms"
  rm -rf "$work/b"
}
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then history_only; with_tree; else with_tree; history_only; fi
done
