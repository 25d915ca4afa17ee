"""The package reports exactly what `wxlint check --format json` reports, on every golden case
in testdata/ (with the org snapshot the case uses, as tests/unit/test_golden.cpp chooses it)."""
import json

import pytest
import wxlint

from conftest import ROOT, cli_json


def cases():
    found = []
    for path in sorted((ROOT / "testdata").rglob("*.json")):
        if path.name.endswith(".expected.json") or any(p.endswith(".snapshot") for p in path.parts):
            continue
        own = path.with_suffix(".snapshot")
        shared = path.parent / "org.snapshot"
        snapshot = own if own.is_dir() else shared if shared.is_dir() else None
        found.append(pytest.param(path, snapshot, id=str(path.relative_to(ROOT / "testdata"))))
    return found


CASES = cases()


def test_there_are_golden_cases():
    assert len(CASES) >= 50


def snapshot_args(snapshot):
    return ["--snapshot", snapshot] if snapshot else []


@pytest.mark.parametrize("path,snapshot", CASES)
def test_lint_paths_matches_the_cli(path, snapshot):
    expected = cli_json("--no-config", *snapshot_args(snapshot), path)["files"]
    linter = wxlint.Linter(config=False, snapshot=snapshot)
    assert [r.to_dict() for r in linter.lint_paths([path])] == expected
    # The same through lint_file and lint(bytes), named as the CLI names the file.
    assert [d.to_dict() for d in linter.lint_file(path)] == expected[0]["diagnostics"]
    assert [d.to_dict() for d in linter.lint(path.read_bytes(), name=str(path))] == expected[0]["diagnostics"]


@pytest.mark.parametrize("path,snapshot", CASES)
def test_a_dict_is_linted_as_json_dumps_indent_2(path, snapshot, tmp_path):
    try:
        payload = json.loads(path.read_bytes())
    except ValueError:
        pytest.skip("not JSON that Python reads: linted as bytes above")
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(payload, indent=2))
    expected = cli_json("--no-config", *snapshot_args(snapshot), pretty)["files"][0]["diagnostics"]
    got = wxlint.Linter(config=False, snapshot=snapshot).lint(payload, name=str(pretty))
    assert [d.to_dict() for d in got] == expected


def test_the_whole_testdata_tree_in_one_call(project):
    # Directories are searched as the CLI searches them: same files, same order.
    expected = cli_json("--no-config", ROOT / "testdata" / "core", ROOT / "testdata" / "bulk-contacts")["files"]
    got = wxlint.lint_paths([ROOT / "testdata" / "core", ROOT / "testdata" / "bulk-contacts"], config=False)
    assert [r.to_dict() for r in got] == expected
    assert len(got) > 10
