#!/usr/bin/env bash
# The org snapshot benchmark: generates a large organisation's snapshot and a 1,000-file
# move-users batch (gen_snapshot.py), builds wxlint and the parse programs, installs the
# peers on demand, and prints one table (measure_snapshot.py):
#   bench/snapshot.sh [--reps N]
# Peers: the RapidJSON floor (parse_floor.cpp); simdjson (parse_simdjson.cpp, built when
# libsimdjson-dev is installed: this script installs it, a bench-only package); Spectral
# (@stoplight/spectral-cli from npm into .deps/node) with a ruleset applying the move-users
# JSON Schema (spectral_ruleset.py). Then the snapshot's per-file cost in one process
# (snapshot_ratio.cpp: no load to subtract) and its floor (snapshot_floor.cpp). Not run by
# CI. Numbers: bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=$here/out
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 2; }

cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DWXLINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build-bench" -j2 --target wxlint >/dev/null
g++ -O2 -std=c++17 -o "$out/parse_floor" "$here/parse_floor.cpp"
g++ -O2 -std=c++20 -o "$out/snapshot_floor" "$here/snapshot_floor.cpp"
g++ -O2 -std=c++20 -I"$root/include" -o "$out/snapshot_ratio" "$here/snapshot_ratio.cpp" \
  "$root/build-bench/libwxlint.a" -lre2 -ldl -lpthread

if ! dpkg-query -W -f='${Status}' libsimdjson-dev 2>/dev/null | grep -q "ok installed"; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libsimdjson-dev >/dev/null ||
    echo "bench: libsimdjson-dev not installed: no simdjson row" >&2
fi
simdjson=()
if [ -f /usr/include/simdjson.h ]; then
  g++ -O2 -std=c++17 -o "$out/parse_simdjson" "$here/parse_simdjson.cpp" -lsimdjson
  simdjson=(--simdjson "$out/parse_simdjson")
fi

node_dir=$root/.deps/node
spectral=()
if [ ! -x "$node_dir/node_modules/.bin/spectral" ] && command -v npm >/dev/null; then
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --silent @stoplight/spectral-cli >/dev/null ||
    echo "bench: could not install @stoplight/spectral-cli: no Spectral row" >&2
fi
if [ -x "$node_dir/node_modules/.bin/spectral" ]; then
  /usr/bin/python3 "$here/spectral_ruleset.py" "$root/schemas/validateOrInitiateMoveUsersJob.request.schema.json" \
    "$out/spectral-move-users.json"
  spectral=(--spectral "$node_dir/node_modules/.bin/spectral")
fi

/usr/bin/python3 "$here/gen_snapshot.py" "$out/data"
/usr/bin/python3 "$here/measure_snapshot.py" --root "$root" --out "$out" "${simdjson[@]}" "${spectral[@]}" "$@"
"$out/snapshot_ratio" "$out/data/snapshot" "$out/data/snap-batch" 10
"$out/snapshot_floor" "$out/data/snapshot" "$out/data/snap-batch" 5 30
