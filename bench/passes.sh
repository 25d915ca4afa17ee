#!/usr/bin/env bash
# Prints N directories that each hold a copy of DIR's *.json files (made once, kept beside DIR
# in DIR.passes/): wxlint lints a file named twice once (by device and inode, so a hard link
# or the same directory named N times is one pass), and a batch linted N times in one process
# needs N copies.
#   bench/passes.sh DIR N
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/passes.sh DIR N" >&2; exit 2; }
src=${1%/}
n=$2
for k in $(seq "$n"); do
  copy=$src.passes/$k
  if [ ! -f "$copy/.complete" ]; then
    rm -rf "$copy"
    mkdir -p "$copy"
    cp "$src"/*.json "$copy"/
    touch "$copy/.complete"
  fi
  echo "$copy"
done
