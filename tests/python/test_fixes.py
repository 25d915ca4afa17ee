"""Fixes: each diagnostic's `fix` as the CLI's JSON report gives it (checked on every golden
case by test_golden_vs_cli.py), and apply_fixes(), whose passes reproduce `wxlint check --fix`
on every case of testdata/fix/."""
import json

import pytest
import wxlint

from conftest import ROOT

FIX_CASES = sorted(p for p in (ROOT / "testdata" / "fix").glob("*.json") if ".expected." not in p.name and ".fixed." not in p.name)


def test_there_are_fix_cases():
    assert len(FIX_CASES) >= 12


def fix_until_done(linter, text, name, unsafe):
    """Lint and apply until nothing changes: what Linter::fix (check --fix) does."""
    for _ in range(100):
        fixed = wxlint.apply_fixes(text, linter.lint(text, name=name), unsafe=unsafe)
        if fixed == text:
            return text
        text = fixed
    raise AssertionError("fixing did not settle")


@pytest.mark.parametrize("case", FIX_CASES, ids=lambda p: p.name)
def test_apply_fixes_passes_give_the_fixed_case(case):
    linter = wxlint.Linter(config=False)
    unsafe = case.stem.endswith("-unsafe")
    before = case.read_bytes()
    expected = case.with_suffix(".fixed.json").read_bytes()
    assert fix_until_done(linter, before, str(case), unsafe) == expected
    assert fix_until_done(linter, before.decode(), str(case), unsafe) == expected.decode()


def test_a_fix_and_its_edits():
    case = ROOT / "testdata" / "fix" / "enum-case.json"
    fixes = [d.fix for d in wxlint.lint_file(case, config=False) if d.fix]
    assert fixes, "enum-case offers fixes"
    for fix in fixes:
        assert isinstance(fix, wxlint.Fix) and fix.applicability == "safe" and fix.edits
        for edit in fix.edits:
            assert isinstance(edit, wxlint.Edit)
            assert case.read_bytes()[edit.offset:edit.offset + edit.length] != edit.content.encode()


def test_unsafe_fixes_only_on_request():
    case = ROOT / "testdata" / "fix" / "enum-did-you-mean-unsafe.json"
    text = case.read_text()
    diagnostics = wxlint.lint(text, name=str(case), config=False)
    assert {d.fix.applicability for d in diagnostics if d.fix} == {"unsafe"}
    assert wxlint.apply_fixes(text, diagnostics) == text
    assert wxlint.apply_fixes(text, diagnostics, unsafe=True) != text


def test_a_dict_is_fixed_in_its_indented_form():
    case = ROOT / "testdata" / "fix" / "enum-case.json"
    payload = json.loads(case.read_text())
    diagnostics = wxlint.lint(payload, config=False)
    fixed = wxlint.apply_fixes(payload, diagnostics)
    assert fixed == wxlint.apply_fixes(json.dumps(payload, indent=2), diagnostics)
    assert json.loads(fixed) == json.loads((ROOT / "testdata" / "fix" / "enum-case.fixed.json").read_text())


def test_a_dict_too_deep_for_the_library_layout_is_linted_and_fixed_as_one_line():
    # 40,000 numbers 20 levels deep: the library declines to lay it out (past 3x + 1 MB; the
    # layout grows with the depth squared), so the one-line json.dumps(payload) is linted, as
    # wxlint_lint_reindented does; lines, columns and fixes point into that text.
    case = ROOT / "testdata" / "fix" / "enum-case.json"
    payload = json.loads(case.read_text())
    deep = [0] * 40000
    for _ in range(19):
        deep = [deep]
    payload["contacts"][0]["extra"] = deep
    text = json.dumps(payload)
    assert wxlint.lint(payload, config=False) == wxlint.lint(text, config=False)
    diagnostics = [d for d in wxlint.lint(payload, config=False) if d.fix]
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("WX3012", 1, 167), ("WX3013", 1, 245), ("WX3011", 1, 281)]
    assert text[166:173] == '"WORK",'
    fixed = wxlint.apply_fixes(payload, diagnostics)
    assert fixed == wxlint.apply_fixes(text, diagnostics)
    assert "\n" not in fixed and json.loads(fixed)["contacts"][0]["emails"][0]["type"] == "work"


def test_apply_fixes_wants_diagnostics():
    with pytest.raises(TypeError, match="diagnostics must be wxlint.Diagnostic, not dict"):
        wxlint.apply_fixes("{}", [{"fix": None}])
    assert wxlint.apply_fixes("{}", []) == "{}"
    with pytest.raises(TypeError, match="text must be a dict, list, str or bytes, not int"):
        wxlint.apply_fixes(5, [])
