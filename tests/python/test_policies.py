"""An organisation's policy rule files (docs/policies.md) from Python: rules=, as --rules."""
import json
import os
from pathlib import Path

import pytest
import wxlint

from conftest import MOVE_USERS, ROOT, cli_json, run_cli
from test_api import USER, move

POLICY = {
    "operation": MOVE_USERS,
    "rules": [{
        "id": "org/extension-format", "code": "ORG001", "severity": "error", "check": "pattern",
        "at": "/usersList/*/users/*/extension", "params": {"regex": "^2[0-9]{3}$", "skipEmpty": True},
        "message": "Extension \"{value}\" is not one of ours.",
        "summary": "An extension outside the 2xxx range.", "description": "The dial plan gives users 2000 to 2999.",
    }],
}
NAMES = {
    "operation": MOVE_USERS,
    "rules": [{
        "id": "org/extension-not-9", "code": "ORG002", "severity": "warning", "check": "pattern",
        "at": "/usersList/*/users/*/extension", "params": {"regex": "^9", "expect": "no-match"},
        "message": "Extension \"{value}\" starts with 9, the outside line.",
        "summary": "An extension starting with 9.", "description": "9 dials out.",
    }],
}
ORG001 = wxlint.Diagnostic(
    code="ORG001", severity="error", rule="org/extension-format", pointer="/usersList/0/users/0/extension",
    line=9, column=24, end_line=9, end_column=30, message='Extension "3001" is not one of ours.')


def write(path, rules):
    path.write_text(json.dumps(rules, indent=2) + "\n")
    return path


def test_a_policy_finding_from_a_dict(project):
    policy = write(project / "org.rules.json", POLICY)
    payload = move({"userId": USER, "extension": "3001"})
    assert wxlint.Linter(config=False).lint(payload) == []
    for rules in (policy, str(policy), os.fsencode(policy), [policy], (p for p in [policy])):
        assert wxlint.Linter(config=False, rules=rules).lint(payload) == [ORG001]
    assert wxlint.lint(payload, config=False, rules="org.rules.json") == [ORG001]
    assert wxlint.Linter(config=False, rules=[]).lint(payload) == []


def test_the_same_findings_as_the_cli(project):
    write(project / "org.rules.json", POLICY)
    write(project / "names.rules.json", NAMES)
    (project / "p.json").write_text(json.dumps(move({"userId": USER, "extension": "3001"},
                                                    {"userId": USER, "extension": "9001"}), indent=2))
    expected = cli_json("--no-config", "--rules", "org.rules.json", "--rules", "names.rules.json", "p.json")["files"]
    assert [(d["code"], d["line"], d["column"]) for d in expected[0]["diagnostics"]] == [
        ("ORG001", 9, 24), ("1026019", 12, 21), ("ORG001", 13, 24), ("ORG002", 13, 24)]
    rules = [Path("org.rules.json"), "names.rules.json"]
    assert [d.to_dict() for d in wxlint.Linter(config=False, rules=rules).lint_file("p.json")] == \
        expected[0]["diagnostics"]
    assert [r.to_dict() for r in wxlint.lint_paths(["p.json"], config=False, rules=rules)] == expected
    assert [d.to_dict() for d in wxlint.lint_file("p.json", config=False, rules=rules)] == expected[0]["diagnostics"]


def test_added_after_the_configs_rules(project):
    write(project / "org.rules.json", POLICY)
    write(project / "names.rules.json", NAMES)
    (project / ".wxlint.json").write_text(json.dumps({"rules": ["org.rules.json", {"ORG001": "warning"}]}))
    payload = move({"userId": USER, "extension": "9001"})
    got = wxlint.Linter(rules="names.rules.json").lint(payload)
    assert [(d.code, d.severity, d.line, d.column) for d in got] == [("ORG001", "warning", 9, 24),
                                                                    ("ORG002", "warning", 9, 24)]
    # Named in both: loaded once.
    assert wxlint.Linter(rules="org.rules.json").lint(payload) == got[:1]


def test_the_policy_rules_are_in_the_catalogue(project):
    policy = write(project / "org.rules.json", POLICY)
    linter = wxlint.Linter(config=False, rules=policy)
    [rule] = linter.explain("ORG001")
    assert (rule.id, rule.severity, rule.operation, rule.check, rule.message) == (
        "org/extension-format", "error", MOVE_USERS, "pattern", 'Extension "{value}" is not one of ours.')
    assert (rule.file, linter.explain("1026016")[0].file) == (str(policy), None)
    assert len(linter.rules()) == len(wxlint.rules()) + 1
    code, out, _ = run_cli("rules", "--format", "json", "--rules", policy)
    assert code == 0 and [r["id"] for r in json.loads(out)] == [r.id for r in linter.rules()]


def test_a_bad_policy_is_a_config_error_with_its_place(project):
    text = json.dumps(POLICY, indent=2).replace('"pattern"', '"patern"', 1)
    policy = project / "org.rules.json"
    policy.write_text(text)
    code, _, err = run_cli("check", "--no-config", "--rules", policy, ROOT / "examples")
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=False, rules=policy)
    assert code == 2 and err == f"wxlint: {e.value}\n"
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(policy), 8, 16, "/rules/0/check")
    assert str(e.value).startswith(f'{policy}:8:16: /rules/0/check: unknown check kind "patern"; did you mean "pattern"?')
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.lint({}, config=False, rules=policy)
    assert e.value.pointer == "/rules/0/check"
    with pytest.raises(wxlint.IoError, match=f"^{project / 'missing.rules.json'}: No such file or directory$"):
        wxlint.Linter(config=False, rules=project / "missing.rules.json")


def test_an_edited_policy_is_read_again(project):
    policy = write(project / "org.rules.json", POLICY)
    payload = move({"userId": USER, "extension": "3001"})
    assert wxlint.lint(payload, config=False, rules=policy) == [ORG001]
    write(policy, dict(POLICY, rules=[dict(POLICY["rules"][0], params={"regex": "^3[0-9]{3}$"})]))
    assert wxlint.lint(payload, config=False, rules=policy) == []


def test_an_edited_policy_that_the_config_names_is_read_again(project):
    # The module-level functions keep their linter while the config is the same file; a rule
    # file the config names (a glob here) is part of what they watch, as rules= is.
    (project / ".wxlint.json").write_text(json.dumps({"rules": ["policy/*.rules.json"]}))
    (project / "policy").mkdir()
    policy = write(project / "policy" / "org.rules.json", POLICY)
    payload = move({"userId": USER, "extension": "3001"})
    assert wxlint.lint(payload) == [ORG001]
    write(policy, dict(POLICY, rules=[dict(POLICY["rules"][0], params={"regex": "^3[0-9]{3}$"})]))
    assert wxlint.lint(payload) == []
    write(project / "policy" / "names.rules.json", NAMES)  # a new file the glob matches
    payload = move({"userId": USER, "extension": "9001"})
    assert [d.code for d in wxlint.lint(payload)] == ["ORG001", "ORG002"]


def test_an_edited_policy_is_read_again_in_a_directory_named_like_a_glob(project, monkeypatch):
    # "[x]" in the config's directory is a name, not a character class; a BOM before the
    # config's JSON is read as the library reads it.
    home = project / "br [x]"
    (home / "policy").mkdir(parents=True)
    monkeypatch.chdir(home)
    (home / ".wxlint.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"rules": ["policy/*.rules.json"]}).encode())
    policy = write(home / "policy" / "org.rules.json", POLICY)
    payload = move({"userId": USER, "extension": "3001"})
    assert wxlint.lint(payload) == [ORG001]
    write(policy, dict(POLICY, rules=[dict(POLICY["rules"][0], params={"regex": "^3[0-9]{3}$"})]))
    assert wxlint.lint(payload) == []


def test_rules_and_explain_read_the_project_config_as_lint_does(project):
    write(project / "org.rules.json", POLICY)
    (project / ".wxlint.json").write_text(json.dumps({"rules": ["org.rules.json", {"1026016": "warning"}]}))
    [found] = wxlint.lint(move({"userId": USER, "extension": "3001"}))
    assert found == ORG001
    [rule] = wxlint.explain(found.code)
    assert rule.id == "org/extension-format" and os.path.samefile(rule.file, project / "org.rules.json")
    assert [r.severity for r in wxlint.explain("1026016")] == ["warning"]
    assert len(wxlint.rules()) == len(wxlint.rules(config=False)) + 1
    code, out, _ = run_cli("rules", "--format", "json")
    assert code == 0 and [(r["id"], r["severity"]) for r in json.loads(out)] == [(r.id, r.severity) for r in wxlint.rules()]
    # config=False: the built-in catalogue alone.
    with pytest.raises(wxlint.UnknownRuleError):
        wxlint.explain("ORG001", config=False)
    assert [r.severity for r in wxlint.explain("1026016", config=False)] == ["error"]
    assert [r.id for r in wxlint.explain("ORG001", config=False, rules="org.rules.json")] == ["org/extension-format"]
