#!/usr/bin/env bash
# Installs what is missing, idempotently; silent when everything is there.
#   scripts/setup.sh           what building and running wxlint needs (the demo)
#   scripts/setup.sh --test    that, plus the test tools (the test suite)
# Debian packages via apt; valijson's headers are unpacked from its .deb into .deps/
# (its package dependencies, Qt and Poco, are not needed for the RapidJSON adapter), and so
# are libphonenumber's headers (see below).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tests=""
case "${1:-}" in
  "") ;;
  --test) tests=1 ;;
  *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

# Runs a command quietly; when it fails, shows what it said and stops.
quietly() {
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    echo "setup: this failed: $*" >&2
    tail -40 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# Runs apt-get quietly, waiting (up to 10 minutes) while another package manager holds its
# lock: a fresh machine often runs unattended-upgrades at boot. apt 2.6 waits for dpkg's
# lock when told (DPkg::Lock::Timeout) but not for the package lists' lock, hence the loop.
apt_get() {
  local log; log=$(mktemp)
  for _ in $(seq 120); do
    if $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@" >"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
    grep -q "Could not get lock" "$log" || break
    [ -n "${waited:-}" ] || { echo "setup: waiting for another package manager to finish ($(grep -m1 -o 'held by process.*' "$log" || echo 'apt is locked'))" >&2; waited=1; }
    sleep 5
  done
  echo "setup: this failed: apt-get $*" >&2
  tail -40 "$log" >&2
  rm -f "$log"
  exit 1
}

# libphonenumber: `apt-get install libphonenumber-dev` adds 20 packages, 221 MB, almost all of
# it Boost headers (a hard dependency of the -dev package that wxlint does not use). Instead,
# the run-time library (libphonenumber8, metadata compiled in) and what its headers include
# (libabsl-dev, libprotobuf-dev) come from apt: 4 new packages, 19 MB, ~20 s on a machine that
# had ICU, protobuf, Abseil and zlib1g-dev (else those too, ~43 MB more); libphonenumber-dev's
# headers alone are unpacked into .deps/phonenumber (1.3 MB download). Its static library is
# not position-independent, so it cannot go into wxlint's numbering-plan module.
# python3: `wxlint snapshot pull` is a Python script (wxlint itself links no HTTP client).
packages="cmake g++ make rapidjson-dev libcli11-dev libre2-dev python3 libphonenumber8 libabsl-dev libprotobuf-dev"
if [ -n "$tests" ]; then
  # Catch2 (unit tests), python3 (CLI tests), git and pre-commit (test_precommit.py),
  # pkg-config (test_package.py), clang with its sanitizer and libFuzzer runtime (steps 2
  # and 3 of scripts/test.sh), ccache (step 4 rebuilds a fresh copy), npm for Microsoft's SARIF validator (test_formats.py),
  # venv, pip, setuptools, wheel and pytest (tests/python: `pip install .` into a fresh environment).
  packages+=" catch2 git pre-commit pkg-config clang libclang-rt-14-dev ccache"
  packages+=" python3-venv python3-pip python3-setuptools python3-wheel python3-pytest"
  # zsh and fish: the completions are loaded in each shell (test_completions_shells.py).
  packages+=" zsh fish"
  command -v npm >/dev/null 2>&1 || packages+=" npm"
fi
need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
for p in $packages ${WXLINT_EXTRA_PACKAGES:-}; do have "$p" || need+=("$p"); done
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
updated=""
apt_update() { [ -n "$updated" ] || { apt_get update; updated=1; }; }
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  apt_update
  apt_get install -y --no-install-recommends "${need[@]}"
fi

# unpack PACKAGE DIR PATH...: copies PATHs (relative to the package's root) of a Debian
# package, downloaded but not installed, into DIR.
unpack() {
  local pkg=$1 dir=$2; shift 2
  local tmp; tmp=$(mktemp -d)
  apt_update
  (cd "$tmp" && quietly apt-get download "$pkg")
  dpkg-deb -x "$tmp"/"$pkg"_*.deb "$tmp/x"
  rm -rf "$dir"
  for p in "$@"; do
    mkdir -p "$dir/$(dirname "$p")"
    cp -r "$tmp/x/$p" "$dir/$p"
  done
  rm -rf "$tmp"
}

vj="$root/.deps/valijson"
if [ ! -f "$vj/include/valijson/validator.hpp" ]; then
  echo "setup: unpacking valijson headers into .deps/valijson" >&2
  unpack libvalijson-dev "$vj" usr/include/valijson
  mv "$vj/usr/include" "$vj/include" && rmdir "$vj/usr"
fi
pn="$root/.deps/phonenumber"
if [ ! -f "$pn/.unpacked" ]; then
  echo "setup: unpacking libphonenumber headers into .deps/phonenumber" >&2
  unpack libphonenumber-dev "$pn" usr/include/phonenumbers
  touch "$pn/.unpacked"
fi

[ -n "$tests" ] || exit 0
# Microsoft's SARIF validator (tests/cli/test_formats.py), from the npm registry.
sm="$root/.deps/node"
if [ ! -x "$sm/node_modules/.bin/sarif-multitool" ]; then
  echo "setup: installing @microsoft/sarif-multitool into .deps/node" >&2
  mkdir -p "$sm"
  quietly npm install --prefix "$sm" --no-audit --no-fund @microsoft/sarif-multitool@5.7.0
fi
