#!/usr/bin/env bash
# The README's first run, on a fresh copy of the repository (scripts/test.sh, step 4):
# - the main command (scripts/demo.sh) exits 0 and prints every line of the README's demo
#   output block ("..." in the README stands for the rest of a message);
# - `cmake --install build` works after the demo alone;
# - the test command after the demo configures the test suite (a build/ left by the demo
#   once made test.sh run no test at all), and its ctest refuses to pass on no test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
copy=$(mktemp -d); trap 'rm -rf "$copy"' EXIT
fail() { echo "first run: FAILED: $*" >&2; exit 1; }

(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$copy" 2>/dev/null) ||
  fail "cannot copy the repository"
ln -s "$root/.deps" "$copy/.deps"  # the unpacked valijson headers: setup.sh would fetch the same

set +e
(cd "$copy" && bash scripts/demo.sh) >"$copy/demo.out" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || { cat "$copy/demo.out" >&2; fail "scripts/demo.sh exited $rc"; }
python3 - "$root/README.md" "$copy/demo.out" <<'PY' || fail "the demo's output differs from the README's"
import re, sys
readme, out = open(sys.argv[1]).read(), open(sys.argv[2]).read().splitlines()
# The README's first plain ``` block whose lines name the examples is the demo's output.
blocks, lines, lang = [], None, ""
for line in readme.splitlines():
    if line.startswith("```"):
        if lines is None:
            lines, lang = [], line[3:].strip()
        else:
            blocks.append((lang, lines))
            lines = None
    elif lines is not None:
        lines.append(line)
blocks = [b for lang, b in blocks if not lang and b and b[0].startswith("examples/")]
if not blocks:
    sys.exit("no demo output block in README.md")
expected = [l for l in blocks[0] if l.strip()]
missing = [l for l in expected
           if not any(re.fullmatch(".*".join(map(re.escape, l.split("..."))), o) for o in out)]
for l in missing:
    print("README line not in the demo's output:", l, file=sys.stderr)
if missing:
    print("the demo printed:", *out, sep="\n", file=sys.stderr)
sys.exit(1 if missing else 0)
PY

cmake --install "$copy/build" --prefix "$copy/installed" >/dev/null || fail "cmake --install build after the demo"
[ -f "$copy/installed/lib/libwxlint.so" ] || ls "$copy"/installed/lib*/libwxlint.so >/dev/null 2>&1 ||
  fail "cmake --install installed no libwxlint.so"

# What scripts/test.sh configures, on the demo's build dir: the tests must be there.
grep -q -- '-DWXLINT_BUILD_TESTS=ON' "$root/scripts/test.sh" || fail "scripts/test.sh does not turn the tests on"
cmake -S "$copy" -B "$copy/build" -DCMAKE_BUILD_TYPE=Release -DWXLINT_BUILD_TESTS=ON >/dev/null
n=$(ctest --test-dir "$copy/build" -N | sed -n 's/^Total Tests: //p')
[ "${n:-0}" -gt 0 ] || fail "after the demo, the test configuration holds no test"
# And a ctest run that finds no test fails, as scripts/test.sh calls it.
cmake -S "$copy" -B "$copy/build-none" -DWXLINT_BUILD_TESTS=OFF >/dev/null
if ctest --test-dir "$copy/build-none" --no-tests=error >/dev/null 2>&1; then fail "ctest passed on no test"; fi
echo "first run: demo exit 0 with the README's findings, install works, $n tests configured after it" >&2
