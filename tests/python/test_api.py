"""The package's API: payload kinds, options, the catalogue, errors and threads."""
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import wxlint

from conftest import MOVE_USERS, ROOT, cli_json, run_cli

LOCATION = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA"
USER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE"
NUMBER_OR_EXTENSION = ("User should have either phone number or extension: both are given empty, which removes them both; "
                       "give this user an extension or an E.164 phoneNumber, or leave both out to keep the current ones.")
# A user whose extension and phone number the move would both remove: 1026016.
EMPTIED = {"userId": USER, "extension": "", "phoneNumber": ""}


def move(*users):
    return {"usersList": [{"locationId": LOCATION, "validate": False, "users": list(users)}]}


def test_the_installed_package_is_under_test():
    assert Path(wxlint.__file__).resolve().is_relative_to(Path(os.environ["WXLINT_VENV"]).resolve())
    assert (Path(wxlint.__file__).parent / "py.typed").is_file()
    assert run_cli("--version")[1].splitlines()[0] == f"wxlint {wxlint.__version__}"


def test_the_source_tree_without_its_library_says_how_to_install(tmp_path):
    shutil.copytree(ROOT / "python" / "wxlint", tmp_path / "wxlint", ignore=shutil.ignore_patterns("_native"))
    p = subprocess.run([sys.executable, "-c", "import wxlint"], capture_output=True, text=True, cwd=tmp_path,
                       env=dict(os.environ, PYTHONPATH=str(tmp_path)))
    assert p.returncode == 1
    assert p.stderr.splitlines()[-1] == (
        f"ImportError: wxlint's library is not installed with this package ({tmp_path}/wxlint/_native/libwxlint.so is "
        "missing): install the package with pip, which builds it (docs/python.md), rather than importing it from a "
        "source checkout")


def test_the_package_judges_numbers_with_its_own_numbering_plan_module():
    # A module found only in the build tree would be gone with it: WX0021 on every number.
    native = (Path(wxlint.__file__).parent / "_native").resolve()
    code = ("import wxlint\n"
            "d = wxlint.lint_file(%r, config=False)\n"
            "print([x.code for x in d])\n"
            "print([l.split()[-1] for l in open('/proc/self/maps') if 'wxlint-numbering-plan' in l][0])\n"
            % str(ROOT / "examples" / "move-users.envelope.json"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != "WXLINT_PLAN_MODULE"})
    codes, module = p.stdout.splitlines()
    assert codes == "['WX2002', 'WX2004', 'WX2007']", p.stderr
    assert module == str(native / "wxlint-numbering-plan.so")


def test_a_dict_is_linted_pretty_printed():
    [d] = wxlint.lint(move(EMPTIED), config=False)
    assert d == wxlint.Diagnostic(
        code="1026016", severity="error", rule="move-users/number-or-extension", pointer="/usersList/0/users/0",
        line=7, column=9, end_line=11, end_column=10, message=NUMBER_OR_EXTENSION, related=(), fix=None)
    assert str(d) == f"7:9: error[1026016]: {NUMBER_OR_EXTENSION} (move-users/number-or-extension)"


def test_text_and_bytes_are_linted_as_given():
    text = json.dumps(move(EMPTIED), separators=(",", ":"))
    column = text.index('{"userId"') + 1
    width = len(json.dumps(EMPTIED, separators=(",", ":")))
    for payload in (text, text.encode(), bytearray(text.encode()), memoryview(text.encode())):
        [d] = wxlint.lint(payload, config=False)
        assert (d.code, d.line, d.column, d.end_line, d.end_column) == ("1026016", 1, column, 1, column + width)


def test_a_clean_payload_has_no_diagnostic():
    assert wxlint.lint(move({"userId": USER, "extension": "2001"}), config=False) == []


def test_related_places():
    [d] = wxlint.lint(move({"userId": USER, "extension": "2001"}, {"userId": USER, "phoneNumber": "+14085550100"}),
                      config=False)
    assert (d.code, d.pointer, d.line, d.column) == ("1026019", "/usersList/0/users/1/userId", 12, 21)
    assert d.message == ("Duplicate entry for user is not allowed: this userId is also at "
                         "/usersList/0/users/0/userId (line 8).")
    assert d.related == (wxlint.Location("/usersList/0/users/0/userId", 8, 21),)


def test_broken_json_is_a_finding_not_an_exception():
    [d] = wxlint.lint('{"usersList": [', config=False)
    assert (d.code, d.rule, d.line, d.column) == ("WX0001", "json/syntax", 1, 16)


def test_operation_is_forced_or_refused():
    assert [d.code for d in wxlint.lint({}, config=False)] == ["WX0011"]
    assert "1026016" in [d.code for d in wxlint.lint({"usersList": [{"users": [{"extension": "", "phoneNumber": ""}]}]},
                                                      operation=MOVE_USERS, config=False)]
    with pytest.raises(wxlint.UnknownOperationError) as e:
        wxlint.lint({}, operation="noSuchOperation", config=False)
    assert str(e.value).startswith('unknown operation "noSuchOperation"; known operations: ')
    assert isinstance(e.value, ValueError) and e.value.file is None


def test_a_payload_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="payload must be a dict, list, str or bytes, not int"):
        wxlint.lint(3, config=False)


def test_diagnostics_are_frozen():
    [d] = wxlint.lint(move(EMPTIED), config=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.line = 1  # type: ignore[misc]


def test_rules_are_the_cli_catalogue():
    code, out, _ = run_cli("rules", "--format", "json")
    assert code == 0
    keys = ("id", "code", "severity", "operation", "check", "summary", "description", "fix", "file")
    assert [{k: v for k in keys if (v := getattr(r, k)) is not None} for r in wxlint.rules()] == json.loads(out)


def test_explain():
    [rule] = wxlint.explain("1026016")
    assert rule.id == "move-users/number-or-extension" and rule.operation == MOVE_USERS
    assert rule.message.startswith("User should have either phone number or extension")
    assert json.loads(rule.fail_example) and json.loads(rule.pass_example)
    assert [r.id for r in wxlint.explain("move-users/number-or-extension")] == [rule.id]
    assert len(wxlint.explain("4202")) == len([r for r in wxlint.rules() if r.code == "4202"]) > 1
    with pytest.raises(wxlint.UnknownRuleError, match='no rule with code or id "nope"'):
        wxlint.explain("nope")
    for wrong in (None, True, 1026016.0, ["1026016"]):
        with pytest.raises(TypeError, match=r"^explain\(\) takes a code or rule id \(str or int\), not "):
            wxlint.explain(wrong)
    assert wxlint.explain(1026016) == [rule]  # a numeric code as a number
    with pytest.raises(wxlint.UnknownRuleError, match="no rule with that code"):
        wxlint.explain(10 ** 5000)  # past the digits str() may make


def test_names_and_paths_as_str_bytes_or_pathlike(tmp_path):
    payload = tmp_path / "p.json"
    payload.write_text('{"usersList": [{"locationId": "x", "validate": false, "users": [{"userId": "y"}]}]}')
    by_str = wxlint.lint_paths(str(tmp_path), config=False)
    assert wxlint.lint_paths(os.fsencode(tmp_path), config=False) == by_str
    assert wxlint.lint_paths([payload], config=False) == by_str
    text = payload.read_text()
    assert wxlint.lint(text, name=payload, config=False) == wxlint.lint(text, name=str(payload), config=False)
    with pytest.raises(TypeError):
        wxlint.lint(text, name=5, config=False)


def test_every_path_option_takes_bytes(project):
    config = write_config(project, {"rules": {"1026016": "warning"}})
    payload = move(EMPTIED)
    expected = wxlint.Linter(config=config).lint(payload)
    assert [(d.code, d.severity) for d in expected] == [("1026016", "warning")]
    assert wxlint.Linter(config=os.fsencode(config)).lint(payload) == expected
    assert wxlint.lint(payload, config=os.fsencode(config)) == expected
    (project / "move.json").write_text(json.dumps(payload, indent=2))
    assert run_cli("check", "--generate-baseline", "baseline.json", "move.json", cwd=project)[0] == 0
    assert wxlint.Linter(baseline=b"baseline.json").lint_file(b"move.json") == []


def test_a_nul_in_a_path_or_name_is_refused_not_cut(project):
    # The library reads a char* up to its NUL: "move.json\0.bak" would lint move.json.
    (project / "move.json").write_text(json.dumps(move({"userId": USER}), indent=2))
    policy = ROOT / "docs" / "policies" / "extension-format.rules.json"
    calls = [
        (lambda: wxlint.lint_file("move.json\0.bak"), "'move.json\\x00.bak'"),
        (lambda: wxlint.lint_paths(["move.json\0.bak"]), "'move.json\\x00.bak'"),
        (lambda: wxlint.Linter(rules=f"{policy}\0.bak"), repr(f"{policy}\0.bak")),
        (lambda: wxlint.Linter(snapshot=b"snap\0"), "'snap\\x00'"),
        (lambda: wxlint.Linter(config="c\0.json"), "'c\\x00.json'"),
        (lambda: wxlint.lint({}, operation=MOVE_USERS + "\0x"), repr(MOVE_USERS + "\0x")),
        (lambda: wxlint.lint({}, name="a\0b"), "'a\\x00b'"),
    ]
    for call, shown in calls:
        with pytest.raises(wxlint.OptionsError) as e:
            call()
        assert isinstance(e.value, ValueError) and str(e.value) == f"embedded null byte in {shown}"


def test_a_lone_surrogate_in_a_name_is_an_options_error():
    # No bytes name it: an OptionsError like a NUL's, not a UnicodeEncodeError from deep inside.
    for call in (lambda: wxlint.lint({}, operation="\ud800"), lambda: wxlint.lint_file("a\ud800.json")):
        with pytest.raises(wxlint.OptionsError) as e:
            call()
        assert str(e.value).endswith("cannot be encoded as a file system name: surrogates not allowed")


def test_options_settings_disabled_severities():
    payload = move(*[{"userId": USER, "extension": str(2000 + i)} for i in range(3)], EMPTIED)
    assert [(d.line, d.severity, d.code) for d in wxlint.Linter(config=False).lint(payload)] == [
        (12, "error", "1026019"), (16, "error", "1026019"), (19, "error", "1026016"), (20, "error", "1026019")]
    linter = wxlint.Linter(config=False, settings={"maxUsers": 2}, disabled=["1026019"],
                           severities={"move-users/number-or-extension": "warning"})
    assert [(d.line, d.severity, d.code) for d in linter.lint(payload)] == [
        (15, "error", "1026018"), (19, "warning", "1026016")]


def test_bad_options_raise_options_or_config_errors():
    with pytest.raises(wxlint.OptionsError, match='severity of "1026016" must be error, warning or info, not "fatal"'):
        wxlint.Linter(config=False, severities={"1026016": "fatal"})
    with pytest.raises(wxlint.ConfigError, match='unknown rule id or code "no-such-rule"'):
        wxlint.Linter(config=False, disabled=["no-such-rule"])


def write_config(directory, config):
    path = directory / ".wxlint.json"
    path.write_text(json.dumps(config, indent=2))
    os.chmod(path, 0o644)
    return path


def test_the_config_is_found_as_the_cli_finds_it(project):
    payload = project / "payloads" / "move.json"
    payload.parent.mkdir()
    payload.write_text(json.dumps(move(EMPTIED, {"userId": USER, "extension": "1"}), indent=2))
    write_config(project, {"ignore": [{"files": "payloads/*.json", "rule": "1026016"}]})
    expected = cli_json("payloads/move.json")["files"][0]["diagnostics"]
    assert expected and "1026016" not in [d["code"] for d in expected]
    assert [d.to_dict() for d in wxlint.lint_file("payloads/move.json")] == expected
    assert [r.to_dict() for r in wxlint.lint_paths(["payloads"])] == cli_json("payloads")["files"]
    assert [d.to_dict() for d in wxlint.lint(payload.read_text(), name="payloads/move.json")] == expected
    # config=False: none; config=PATH: that one, from anywhere.
    assert "1026016" in [d.code for d in wxlint.lint_file(payload, config=False)]
    os.chdir(payload.parent)
    assert [d.to_dict() for d in wxlint.lint_file(payload, config=project / ".wxlint.json")] == \
        cli_json("--config", project / ".wxlint.json", payload)["files"][0]["diagnostics"]


def test_a_bad_config_names_its_place(project):
    path = write_config(project, {"rules": {"1026016": "loud"}})
    code, _, err = run_cli("check", "--config", path, ROOT / "examples")
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=path)
    assert code == 2 and err == f"wxlint: {e.value}\n"
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(path), 3, 16, "/rules/1026016")
    with pytest.raises(wxlint.ConfigError):
        wxlint.lint({}, config=None)  # found in the working directory


def test_snapshot(project):
    case = ROOT / "testdata" / "snapshot" / "extension-taken.json"
    snapshot = ROOT / "testdata" / "snapshot" / "org.snapshot"
    with_snapshot = wxlint.lint_file(case, snapshot=snapshot)
    assert [d.to_dict() for d in with_snapshot] == cli_json("--snapshot", snapshot, case)["files"][0]["diagnostics"]
    assert len(with_snapshot) > len(wxlint.lint_file(case))
    # From the config file, relative to it.
    write_config(project, {"snapshot": [str(snapshot)]})
    assert wxlint.lint_file(case) == with_snapshot


def test_snapshot_info_is_what_the_command_says(project):
    snapshot = ROOT / "testdata" / "snapshot" / "org.snapshot"
    info = wxlint.snapshot_info(snapshot)
    code, out, err = run_cli("snapshot", "info", "--format", "json", snapshot)
    said = json.loads(out)
    assert abs(info.age_seconds - said.pop("ageSeconds")) <= 5  # read a moment apart
    assert {k: v for k, v in info.to_dict().items() if k != "ageSeconds"} == said
    assert code == (1 if info.inconsistencies else 0), err
    assert [k.kind for k in info.kinds] == [k["kind"] for k in said["kinds"]] and info.pages == said["pages"]
    # The config's snapshot; none at all; a bad file; a region that is none.
    write_config(project, {"snapshot": [str(snapshot)]})
    assert wxlint.snapshot_info().kinds == info.kinds
    with pytest.raises(wxlint.OptionsError, match="no snapshot given"):
        wxlint.snapshot_info(config=False)
    (project / "bad.json").write_text('{"items": [{"id": 5}]}')
    with pytest.raises(wxlint.SnapshotError) as e:
        wxlint.snapshot_info(project / "bad.json")
    assert (e.value.file, e.value.line, e.value.pointer) == (str(project / "bad.json"), 1, "/items/0")
    with pytest.raises(wxlint.ConfigError, match='region: "XX" is not a region code'):
        wxlint.snapshot_info(snapshot, region="XX")
    # Paths given, config None: no config is read, as `wxlint snapshot info PATH` reads none.
    (project / ".wxlint.json").write_text('{"snapshot": [')
    assert wxlint.snapshot_info(snapshot).kinds == info.kinds
    with pytest.raises(wxlint.ConfigError):
        wxlint.snapshot_info(snapshot, config=True)
    write_config(project, {"snapshot": [str(snapshot)]})
    # docs/python.md's example: a consistent snapshot of today passes; an old one stops the script.
    doc = (ROOT / "docs" / "python.md").read_text()
    example = re.search(r"```python\n(info = wxlint.snapshot_info.*?)```", doc, re.S).group(1)
    shutil.copy(ROOT / "testdata" / "snapshot" / "org.snapshot" / "locations.json", project / "locations.json")

    def run_example():
        exec(example.replace('"org-snapshot/"', repr(str(project / "locations.json"))), {"wxlint": wxlint})

    run_example()
    old = os.path.getmtime(project / "locations.json") - 2 * 86400
    os.utime(project / "locations.json", (old, old))
    with pytest.raises(SystemExit, match="take the snapshot again: it is a day old"):
        run_example()


def test_relative_paths_are_read_in_each_working_directory(tmp_path, monkeypatch):
    # A partner's script going from one customer org's directory to the next.
    case = ROOT / "testdata" / "snapshot" / "extension-taken.json"
    # New modification times: the snapshot's age (no manifest), as in a fresh clone.
    shutil.copytree(ROOT / "testdata" / "snapshot" / "org.snapshot", tmp_path / "a" / "snapshot", copy_function=shutil.copy)
    (tmp_path / "b" / "snapshot").mkdir(parents=True)
    shutil.copy(ROOT / "testdata" / "snapshot" / "org.snapshot" / "locations.json", tmp_path / "b" / "snapshot")
    expected = {"a": ["4202", "4202", "1026010", "4202", "4910", "1026010", "4202", "1026019", "1026019"],
                "b": ["4910", "1026019", "1026019"]}
    for org in ("a", "b", "a"):
        monkeypatch.chdir(tmp_path / org)
        assert [d.code for d in wxlint.lint_file(case, config=False, snapshot="snapshot")] == expected[org]
        assert [d.to_dict() for d in wxlint.lint_file(case, config=False, snapshot="snapshot")] == \
            cli_json("--no-config", "--snapshot", "snapshot", case)["files"][0]["diagnostics"]


def test_a_linters_own_files_stay_its_own_in_another_working_directory(tmp_path, monkeypatch):
    # Its relative snapshot path was read where the Linter was made: lint_paths must not
    # resolve it again in the working directory of the moment, and lint the snapshot's pages.
    case = ROOT / "testdata" / "snapshot" / "extension-taken.json"
    shutil.copytree(ROOT / "testdata" / "snapshot" / "org.snapshot", tmp_path / "proj" / "snap")
    shutil.copy(case, tmp_path / "proj" / "move.json")
    (tmp_path / "proj" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "proj")
    linter = wxlint.Linter(config=False, snapshot="snap")
    expected = [r.path for r in linter.lint_paths(["."])]
    assert expected == ["./move.json"]
    monkeypatch.chdir(tmp_path / "proj" / "sub")
    assert [r.path for r in linter.lint_paths([".."])] == ["../move.json"]


def test_a_bad_snapshot_is_a_snapshot_error(project):
    bad = project / "snap" / "people.json"
    bad.parent.mkdir()
    bad.write_text('{"items": [\n  {"id": 5}\n]}')
    code, _, err = run_cli("check", "--snapshot", bad.parent, ROOT / "examples")
    with pytest.raises(wxlint.SnapshotError) as e:
        wxlint.Linter(snapshot=bad.parent)
    assert code == 2 and err == f"wxlint: {e.value}\n"
    assert isinstance(e.value, wxlint.ConfigError)
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(bad), 2, 3, "/items/0")
    assert str(e.value).startswith(f"{bad}:2:3: /items/0: an item of none of the kinds an \"items\" list holds: ")
    with pytest.raises(wxlint.SnapshotError, match="missing"):
        wxlint.Linter(snapshot=project / "missing")
    # A config's missing snapshot path: at its place in the config, as the CLI says it.
    config = write_config(project, {"snapshot": ["gone"]})
    with pytest.raises(wxlint.SnapshotError) as e:
        wxlint.Linter(config=config)
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(config), 3, 5, "/snapshot/0")
    assert str(e.value) == f"{config}:3:5: /snapshot/0: no snapshot file or directory {project / 'gone'}"


def test_baseline(project):
    payload = project / "move.json"
    payload.write_text(json.dumps(move(EMPTIED), indent=2))
    assert run_cli("check", "--generate-baseline", "baseline.json", "move.json", cwd=project)[0] == 0
    assert wxlint.Linter(baseline=project / "baseline.json").lint_file("move.json") == []
    payload.write_text(json.dumps(move(EMPTIED, EMPTIED), indent=2))
    got = [d.to_dict() for d in wxlint.Linter(baseline="baseline.json").lint_file("move.json")]
    assert got == cli_json("--baseline", "baseline.json", "move.json")["files"][0]["diagnostics"]
    assert len(got) >= 1


def test_unreadable_paths_are_io_errors(project):
    with pytest.raises(wxlint.IoError) as e:
        wxlint.lint_file(project / "missing.json")
    assert str(project / "missing.json") in str(e.value)
    (project / "empty").mkdir()
    with pytest.raises(wxlint.IoError, match=r"^no \*\.json files found in the given paths$"):
        wxlint.lint_paths(project / "empty")


def test_one_linter_from_many_threads():
    linter = wxlint.Linter(config=False)
    payloads = [move(*[{"userId": USER, "extension": str(1000 + j)} if j % 3 else {"userId": USER}
                       for j in range(i % 7 + 1)]) for i in range(40)]
    expected = [linter.lint(p) for p in payloads]
    results = [None] * 8
    def work(k):
        results[k] = [[linter.lint(p) for p in payloads] for _ in range(5)]
    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(run == expected for r in results for run in r)


def test_an_error_pointer_holds_a_member_name_with_a_colon(project):
    config = project / "c1.json"
    config.write_text('{\n  "settings": {"a: b": 1}\n}\n')
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=config)
    assert e.value.message.startswith(f"{config}:2:")
    assert "/settings/a: b: " in e.value.message and e.value.pointer == "/settings/a: b"
    config.write_text('{\n  "settings": {"nope": 1}\n}\n')
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=config)
    assert e.value.pointer == "/settings/nope"


def test_a_rule_is_hashable_and_cannot_be_changed():
    rule = next(r for r in wxlint.rules(config=False) if r.example_settings)
    settings = dict(rule.example_settings)
    assert len({rule, rule}) == 1 and hash(rule) == hash(wxlint.explain(rule.id, config=False)[0])
    with pytest.raises(AttributeError):
        rule.example_settings.clear()  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        rule.example_settings["x"] = "1"  # type: ignore[index]
    assert dict(wxlint.explain(rule.id, config=False)[0].example_settings) == settings


def test_a_snapshot_taken_again_is_read_again(project):
    case = ROOT / "testdata" / "snapshot" / "extension-taken.json"
    old = json.dumps({"capturedAt": "2020-01-01T00:00:00Z"})
    for named_by_config in (False, True):
        snap = project / "snap"
        shutil.rmtree(snap, ignore_errors=True)
        shutil.copytree(ROOT / "testdata" / "snapshot" / "org.snapshot", snap)
        if named_by_config:
            write_config(project, {"snapshot": ["snap"]})
        lint = (lambda: wxlint.lint_file(case)) if named_by_config else (lambda: wxlint.lint_file(case, snapshot=snap))
        fresh = lint()
        assert "snapshot/stale" not in [d.rule for d in fresh]
        # As `wxlint snapshot pull` publishes: a manifest renamed into place.
        (project / "staged.json").write_text(old)
        os.replace(project / "staged.json", snap / "manifest.json")
        stale = lint()
        assert [d for d in stale if d.rule != "snapshot/stale"] == fresh and len(stale) == len(fresh) + 1


def test_region_reads_national_numbers_as_check_region_does(project):
    payload = move({"userId": USER, "phoneNumber": "020 7946 0000"})
    (project / "p.json").write_text(json.dumps(payload, indent=2))
    for region in ("GB", "us"):
        got = wxlint.Linter(config=False, region=region).lint_file("p.json")
        assert [d.to_dict() for d in got] == cli_json("--no-config", "--region", region, "p.json")["files"][0]["diagnostics"]
    [d] = wxlint.Linter(config=False, region="GB").lint(payload)
    assert d.code == "1026017" and d.message.endswith("Its E.164 form would be +442079460000.")
    with pytest.raises(wxlint.ConfigError, match='"XX" is not a region code'):
        wxlint.Linter(config=False, region="XX")
    with pytest.raises(wxlint.OptionsError):
        wxlint.Linter(config=False, region="")
