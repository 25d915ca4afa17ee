#!/usr/bin/env bash
# The Python package's tests (a ctest): install the package into a fresh virtual environment
# (Debian's python3 with its site packages, for pytest), then run pytest there. Fails when
# the install fails, a test fails, or no test runs (pytest exits 5).
#   tests/python/run_tests.sh BUILD_DIR    (a CMake build holding libwxlint.so and wxlint)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
python=${WXLINT_PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wxlint-python.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$python" -m venv --system-site-packages "$tmp/venv"
# The native parts come from BUILD_DIR (already built by the ctest run) instead of a new build.
WXLINT_CMAKE_BUILD_DIR=$build "$tmp/venv/bin/python" -m pip install --quiet --no-build-isolation \
  --no-index --no-cache-dir "$root"
cd "$tmp"  # not the source tree: the tests must import the installed package
WXLINT_SOURCE_DIR=$root WXLINT_CLI=$build/wxlint WXLINT_VENV=$tmp/venv \
  "$tmp/venv/bin/python" -m pytest -p no:cacheprovider -q "$root/tests/python"
