#!/usr/bin/env bash
# Installs what wxlint needs to build and test, idempotently; silent when all is there.
# Debian packages via apt; valijson's headers are unpacked from its .deb into .deps/
# (its package dependencies, Qt and Poco, are not needed for the RapidJSON adapter).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
# Tests: git and pre-commit (test_precommit.py), pkg-config (test_package.py); npm for the SARIF validator.
WXLINT_TEST_PACKAGES="git pre-commit pkg-config"
command -v npm >/dev/null 2>&1 || WXLINT_TEST_PACKAGES+=" npm"
# Sanitizer build and libFuzzer harnesses (scripts/test.sh steps 2 and 3).
WXLINT_TEST_PACKAGES+=" clang libclang-rt-14-dev"
for p in cmake g++ make rapidjson-dev libcli11-dev catch2 python3 $WXLINT_TEST_PACKAGES ${WXLINT_EXTRA_PACKAGES:-}; do
  have "$p" || need+=("$p")
done
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
updated=""
apt_update() { [ -n "$updated" ] || { $sudo apt-get update -qq >/dev/null; updated=1; }; }
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

vj="$root/.deps/valijson"
if [ ! -f "$vj/include/valijson/validator.hpp" ]; then
  echo "setup: unpacking valijson headers into .deps/valijson" >&2
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  apt_update
  (cd "$tmp" && apt-get download -qq libvalijson-dev >/dev/null 2>&1) || { echo "setup: apt-get download libvalijson-dev failed" >&2; exit 1; }
  dpkg-deb -x "$tmp"/libvalijson-dev_*.deb "$tmp/x"
  mkdir -p "$vj/include"
  cp -r "$tmp/x/usr/include/valijson" "$vj/include/"
fi

# Microsoft's SARIF validator (tests/cli/test_formats.py), from the npm registry.
sm="$root/.deps/node"
if [ ! -x "$sm/node_modules/.bin/sarif-multitool" ]; then
  echo "setup: installing @microsoft/sarif-multitool into .deps/node" >&2
  mkdir -p "$sm"
  npm install --prefix "$sm" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1 ||
    { echo "setup: npm install @microsoft/sarif-multitool failed" >&2; exit 1; }
fi
