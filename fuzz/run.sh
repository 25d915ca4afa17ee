#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a fixed time.
#   fuzz/run.sh [SECONDS_PER_HARNESS] [BUILD_DIR]      (defaults: 15, build-fuzz)
# Every fuzz/NAME_fuzzer.cpp is a harness. Its seeds: fuzz/seeds/NAME_fuzzer/* (small inputs
# that reach each known class of defect at once, so a short run catches a regression), plus
# testdata/, examples/, rules/ or schemas/ as listed below; its dictionary, when there is
# one: fuzz/dicts/NAME_fuzzer.dict. The corpus grows in a temp dir per run. A crash leaves
# its input in BUILD_DIR/artifacts/ and fails the script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-15}
build=${2:-$root/build-fuzz}
cd "$root"

harnesses=()
for f in fuzz/*_fuzzer.cpp; do harnesses+=("$(basename "$f" .cpp)"); done

# An existing build dir is kept as configured (scripts/test.sh shares its sanitizer build).
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWXLINT_BUILD_FUZZERS=ON -DWXLINT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target "${harnesses[@]}" >/dev/null

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
seed fix_fuzzer testdata/fix/*.json examples/*.json
seed rules_fuzzer rules/*.rules.json
seed schema_fuzzer schemas/*.json
# Config seeds: the documented example.
mkdir -p "$work/config_fuzzer"
sed -n '/^```json/,/^```/p' docs/configuration.md 2>/dev/null | sed '/^```/d' > "$work/config_fuzzer/doc.json" || true

status=0
for name in "${harnesses[@]}"; do
  bin="$build/fuzz/$name"
  if [ ! -x "$bin" ]; then echo "fuzz: $bin was not built" >&2; status=1; continue; fi
  [ -d "fuzz/seeds/$name" ] && seed "$name" $(find "fuzz/seeds/$name" -type f | sort)
  mkdir -p "$work/$name"
  dict=()
  [ -f "fuzz/dicts/$name.dict" ] && dict=(-dict="fuzz/dicts/$name.dict")
  echo "fuzz: $name for ${secs}s" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory out of proportion.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$root/fuzz/ubsan.supp" \
      "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${dict[@]}" \
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
