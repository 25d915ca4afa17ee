#!/usr/bin/env bash
# The main job: install what is missing, build wxlint, and lint the bundled examples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWXLINT_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target wxlint >/dev/null
echo "== wxlint check examples/"
set +e
./build/wxlint check examples/
rc=$?
set -e
case $rc in
  0) echo "== exit 0: no findings at error level" ;;
  1) echo "== exit 1: findings at error level (expected: the examples carry the real defects of Cisco's own samples)" ;;
  *) echo "== exit $rc: wxlint could not run"; exit "$rc" ;;
esac
