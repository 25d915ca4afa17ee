#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install, build, run every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh --test
jobs=$(nproc)

# ccache, when there, makes step 4's fresh copy (and a second run) cheap.
if command -v ccache >/dev/null 2>&1; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=/ CCACHE_NOHASHDIR=1
fi

# 1. Release build and the full ctest suite (unit, golden, CLI, integration tests).
# Tests ON explicitly: a build/ configured by the demo has them off.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWXLINT_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
# --no-tests=error: a run that finds no test fails instead of passing.
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs" -E '^python\.'
# The Python package's pytest tests, installed into a fresh venv; each of ctest and
# tests/python/run_tests.sh fails when no test runs.
ctest --test-dir build --output-on-failure --no-tests=error -R '^python\.'

# 2. The same suite built with clang under AddressSanitizer + UndefinedBehaviorSanitizer.
#    The build also holds the libFuzzer harnesses (fuzz/), which share its library.
#    fuzz/ubsan.supp silences one report inside RapidJSON's headers (see there).
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize-recover=pointer-overflow"
san+=" -fno-omit-frame-pointer"
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$san" -DCMAKE_EXE_LINKER_FLAGS="$san" -DCMAKE_SHARED_LINKER_FLAGS="$san" \
  -DCMAKE_MODULE_LINKER_FLAGS="$san" \
  -DWXLINT_BUILD_TESTS=ON -DWXLINT_BUILD_FUZZERS=ON >/dev/null
cmake --build build-asan -j"$jobs"
WXLINT_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$root/fuzz/ubsan.supp" \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs" -E '^(cli\.test_package|python\.package)$'
# (test_package builds plain consumers of the installed library, python.package loads it into
#  Python; a sanitized library needs the sanitizer runtime in every consumer, so packaging is
#  tested by the release run only. intercept_tls_get_addr=0: the __tls_get_addr interceptor of
#  the sanitizer runtime before LLVM 17 takes a dynamic TLS block (the numbering-plan module's
#  libraries, loaded with dlopen) whose address is 16 past a page for a glibc 2.19 block with a
#  header, and reads a bogus range from the words before it ("DTLS 6 at 0xe27-0x800001f29" with
#  LSAN_OPTIONS=verbosity=1): LeakSanitizer's tracer then dies of signal 11 at exit, in runs
#  where the heap's layout happens to put the block there (the phone-country cookbook entry of
#  cli.test_policy, from a directory named like the tests' own; google/sanitizers#1322). Without
#  the interceptor LeakSanitizer does not scan dynamic TLS: memory only it pointed to would be
#  reported as a leak, never missed.)

# 3. Each fuzz harness for 15 s (about a minute in all), seeded from testdata/ and examples/.
bash fuzz/run.sh 15 "$root/build-asan"

# 4. The README's main command on a fresh copy of the repository (tests/first_run.sh).
bash tests/first_run.sh
