#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a fixed time.
#   fuzz/run.sh [SECONDS_PER_HARNESS] [BUILD_DIR]      (defaults: 15, build-fuzz)
# Seeds come from testdata/, examples/, rules/, schemas/ and docs/; the corpus grows in
# a temp dir per run. A crash leaves its input in BUILD_DIR/artifacts/ and fails the script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-15}
build=${2:-$root/build-fuzz}
cd "$root"

# An existing build dir is kept as configured (scripts/test.sh shares its sanitizer build).
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWXLINT_BUILD_FUZZERS=ON -DWXLINT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target lint_fuzzer parse_diff_fuzzer rules_fuzzer schema_fuzzer \
  $( [ -f include/wxlint/config.hpp ] && echo config_fuzzer ) >/dev/null

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"
seed() {  # seed NAME FILES...
  local name=$1; shift
  mkdir -p "$work/$name"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/$name/$(echo "$f" | tr '/' '_')"; done
  return 0
}
seed lint_fuzzer $(find testdata examples -name '*.json' | sort)
seed parse_diff_fuzzer $(find testdata examples -name '*.json' | sort)
seed rules_fuzzer rules/*.rules.json
seed schema_fuzzer schemas/*.json
# Config seeds: the documented example and a few small shapes.
mkdir -p "$work/config_fuzzer"
sed -n '/^```json/,/^```/p' docs/configuration.md 2>/dev/null | sed '/^```/d' > "$work/config_fuzzer/doc.json" || true
printf '{"rules": {"WX2002": "off"}, "ignore": [{"files": "**/*.json", "pointer": "/usersList/*", "rule": "4202"}]}' \
  > "$work/config_fuzzer/ignore.json"
printf '**/a*b?[a-z]/*.json\nx/aab1c/q.json' > "$work/config_fuzzer/glob.txt"

status=0
for name in lint_fuzzer parse_diff_fuzzer rules_fuzzer schema_fuzzer config_fuzzer; do
  bin="$build/fuzz/$name"
  if [ ! -x "$bin" ]; then
    [ "$name" = config_fuzzer ] && continue  # only once the config loader exists
    echo "fuzz: $bin was not built" >&2; status=1; continue
  fi
  echo "fuzz: $name for ${secs}s" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory out of proportion.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$root/fuzz/ubsan.supp" \
      "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=0 -artifact_prefix="$build/artifacts/$name-" "$work/$name" \
      >"$work/$name.log" 2>&1; then
    echo "fuzz: $name FAILED; its log:" >&2
    tail -60 "$work/$name.log" >&2
    status=1
  else
    grep -E "^Done [0-9]+ runs" "$work/$name.log" | tail -1 >&2 || true
  fi
done
exit $status
