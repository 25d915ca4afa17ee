#!/usr/bin/env bash
# The main job: install what building and running need, build wxlint, lint the bundled examples.
# Exits 0 when wxlint ran and found what the examples hold; see README "The two commands".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
# A fresh build dir leaves the tests out (their tools are the test command's to install);
# one that scripts/test.sh configured keeps them.
tests_off=()
[ -f build/CMakeCache.txt ] || tests_off=(-DWXLINT_BUILD_TESTS=OFF)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${tests_off[@]}" >/dev/null
# The command and both libraries, so that `cmake --install build` works after the demo alone.
cmake --build build -j"$(nproc)" --target wxlint wxlint_shared wxlint_static >/dev/null
echo "== wxlint check --snapshot examples/snapshot examples/"
set +e
./build/wxlint check --snapshot examples/snapshot examples/
rc=$?
set -e
case $rc in
  1) echo "== wxlint exited 1: errors found, as expected (the examples hold the real defects of Cisco's own samples)" ;;
  0) echo "== wxlint exited 0, but the examples hold errors: something is wrong" >&2; exit 1 ;;
  *) echo "== wxlint exited $rc: it could not run" >&2; exit "$rc" ;;
esac
