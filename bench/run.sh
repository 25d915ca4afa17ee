#!/usr/bin/env bash
# The benchmark: generates its data, builds wxlint and the parse floor, installs the peers
# (ajv, ajv-cli into bench/node_modules; python3-jsonschema from Debian) and prints a table.
#   bench/run.sh [--quick] [--reps N]    (--quick: skip the 1M-user and 100k-contact files)
# Not run by CI. Method and latest numbers: bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=$here/out
mkdir -p "$out"

# Build: a Release wxlint of its own, and the floor against the same RapidJSON headers.
cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DWXLINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build-bench" -j"$(nproc)" --target wxlint >/dev/null
g++ -O2 -std=c++17 -o "$out/parse_floor" "$here/parse_floor.cpp"

# Peers. ajv and ajv-cli from npm into bench/node_modules (git-ignored).
if [ ! -x "$here/node_modules/.bin/ajv" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
fi
if ! /usr/bin/python3 -c "import jsonschema" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null
fi
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 2; }

/usr/bin/python3 "$here/gen.py" "$out/data"
exec /usr/bin/python3 "$here/measure.py" --root "$root" --out "$out" "$@"
