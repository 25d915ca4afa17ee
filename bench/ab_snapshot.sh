#!/usr/bin/env bash
# Per-file CPU (user + sys) of two or more wxlint binaries on the snapshot batch, with and
# without the snapshot, their runs alternated so that the machine's drift falls on each alike:
#   bench/ab_snapshot.sh [--hot] REPS BIN [BIN...]
# Per binary and rep: one file with the snapshot (the load), the batch PASSES times (default
# 20) with it, and as often without it; the minimum of REPS of each. With = (the passes -
# load) / their files. The load's own CPU varies by +-0.3 s from run to run on this VM: more
# passes (PASSES=100) make that a smaller part of the figure. Needs the data of
# bench/snapshot.sh (bench/out/data). Numbers: bench/README.md.
# --hot: the batch is the first 10 files copied 100 times (snap-hot/), so the 1,000 people they
# move, and their rows, stay in the cache: what is left of the difference is instructions.
set -euo pipefail
hot=""
[ "${1:-}" = --hot ] && { hot=1; shift; }
[ $# -ge 2 ] || { echo "usage: bench/ab_snapshot.sh [--hot] REPS BIN [BIN...]" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 2; }
reps=$1
shift
data=$(cd "$(dirname "$0")" && pwd)/out/data
[ -d "$data/snap-batch" ] || { echo "bench: no $data/snap-batch: run bench/snapshot.sh first" >&2; exit 2; }
dir=$data/snap-batch
if [ -n "$hot" ]; then
  dir=$data/snap-hot
  if [ ! -f "$dir/0999.json" ]; then
    mkdir -p "$dir"
    for i in $(seq 0 999); do cp "$data/snap-batch/$(printf %04d $((i % 10))).json" "$dir/$(printf %04d "$i").json"; done
  fi
fi
passes=${PASSES:-20}
mapfile -t batch < <("$(dirname "$0")/passes.sh" "$dir" "$passes")  # a copy a pass: see passes.sh
times=$(mktemp -d)
trap 'rm -rf "$times"' EXIT

cpu() {  # cpu FILE COMMAND...: appends the command's user + sys seconds to FILE
  local file=$1
  shift
  /usr/bin/time -o "$times/t" -f "%U %S" "$@" >/dev/null 2>&1 || true  # findings exit 1
  awk '!/Command/ {print $1 + $2}' "$times/t" >>"$file"
}

for _ in $(seq "$reps"); do
  i=0
  for bin in "$@"; do
    i=$((i + 1))
    lint=("$bin" check --no-config -q -j1)
    cpu "$times/$i.load" "${lint[@]}" --snapshot "$data/snapshot" "$data/snap-batch/0000.json"
    cpu "$times/$i.with" "${lint[@]}" --snapshot "$data/snapshot" "${batch[@]}"
    cpu "$times/$i.without" "${lint[@]}" "${batch[@]}"
  done
done

i=0
for bin in "$@"; do
  i=$((i + 1))
  min() { sort -n "$times/$i.$1" | head -1; }
  echo "$bin $(min load) $(min with) $(min without) $((passes * 1000))" |
    awk '{w = ($3 - $2) / $5 * 1e6; o = $4 / $5 * 1e6;
          printf "%s: with the snapshot %.1f us a file, without %.1f: %.2fx\n", $1, w, o, w / o}'
done
