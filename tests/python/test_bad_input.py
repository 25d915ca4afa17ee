"""Bad input costs time in proportion to it and ends in a finding or a wxlint exception: payloads
nested past every limit, values JSON has no text for, file names that are not UTF-8 or hold a
NUL, files nested too deep to read back, and directories holding entries that cannot be read."""
import json
import os
import subprocess
import sys
import time

import pytest
import wxlint

from conftest import ROOT, run_cli

TOO_DEEP = "Nesting deeper than 512 levels: no Webex request nests this deep; the file is likely generated wrongly."


def nested(depth):
    x = []
    for _ in range(depth):
        x = [x]
    return x


def test_a_payload_nested_past_the_recursion_limit_is_wx0003_at_once():
    # json.dumps refuses it (RecursionError): it is written without recursion, one line, and
    # the library reports it too deep at once, as for that text.
    payload = nested(20000)
    text = "[" * 20001 + "]" * 20001
    [d] = wxlint.lint(payload, config=False)
    assert (d.code, d.rule, d.pointer, d.line, d.column, d.message) == \
        ("WX0003", "json/too-deep", "/0" * 512, 1, 513, TOO_DEEP)
    assert wxlint.lint(text, config=False) == [d]
    assert wxlint.apply_fixes(payload, [d]) == text  # what was linted


def test_a_payload_too_deep_to_lay_out_is_linted_as_one_line_in_time_proportional_to_it():
    # With a recursion limit high enough for json.dumps, json.dumps(indent=2) would be 400 MB
    # (the depth squared): the one-line text is linted instead, as wxlint_lint_reindented does.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100000)
    try:
        start = time.monotonic()
        [d] = wxlint.lint(nested(20000), config=False)
        took = time.monotonic() - start
    finally:
        sys.setrecursionlimit(limit)
    assert (d.code, d.pointer, d.line, d.column) == ("WX0003", "/0" * 512, 1, 513)
    assert took < 5, took  # 44 s and 2 GB when json.dumps(indent=2) laid it out


def test_a_payload_written_without_recursion_is_json_dumps_text():
    # Every kind of value and key at each of 1,500 levels: the same text as json.dumps's.
    payload = inner = {}
    for i in range(1500):
        inner["k"] = [i, -1.5, 1e300, float("nan"), None, True, "é\ud800\n\"", (), {1: 2, 2.5: 3, None: 4, False: 5}]
        inner["next"] = inner = {}
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        expected = json.dumps(payload)
    finally:
        sys.setrecursionlimit(limit)
    with pytest.raises(RecursionError):
        json.dumps(payload)
    assert wxlint.apply_fixes(payload, []) == expected
    assert wxlint.lint(payload, config=False) == wxlint.lint(expected, config=False)


def test_a_cycle_or_an_int_python_will_not_write_is_an_options_error():
    cycle = []
    cycle.append(cycle)
    deep_cycle = nested(5000)  # a cycle longer than the recursion limit: found, not followed forever
    inner = deep_cycle
    while inner:
        inner = inner[0]
    inner.append(deep_cycle)
    try:
        str(10 ** 5000)
    except ValueError as e:
        too_long = str(e)
    for payload, reason in ((cycle, "Circular reference detected"), ({"a": deep_cycle}, "Circular reference detected"),
                            ({"n": 10 ** 5000}, too_long)):
        for call in (lambda: wxlint.lint(payload, config=False), lambda: wxlint.apply_fixes(payload, [])):
            with pytest.raises(wxlint.OptionsError) as e:
                call()
            assert str(e.value) == f"the payload cannot be written as JSON: {reason}"
            assert isinstance(e.value, ValueError)


def test_a_value_of_a_type_json_has_none_for_is_a_type_error():
    with pytest.raises(TypeError) as e:
        wxlint.lint({(1, 2): 1}, config=False)
    assert str(e.value) == "keys must be str, int, float, bool or None, not tuple"
    with pytest.raises(TypeError) as e:
        wxlint.lint(nested(3000) + [{1, 2}], config=False)  # past the recursion limit too
    assert str(e.value) == "Object of type set is not JSON serializable"


def test_fixes_that_cut_a_character_of_the_text_are_an_options_error():
    edit = wxlint.Fix("safe", "f", (wxlint.Edit(offset=2, length=1, content="x"),))
    d = wxlint.Diagnostic("X", "error", "r", "", 1, 1, 1, 2, "m", (), edit)
    with pytest.raises(wxlint.OptionsError) as e:
        wxlint.apply_fixes('"é"', [d])  # é is bytes 1 and 2
    assert str(e.value) == ("the fixes cut a UTF-8 character in two (byte 1 of the fixed text): "
                            "the diagnostics were not found in this text")
    assert wxlint.apply_fixes('"é"'.encode(), [d]) == b'"\xc3x"'  # bytes are given back as they are


def test_an_option_path_that_is_not_utf8_is_refused(tmp_path, monkeypatch):
    # The options are JSON: "\udcff" there would name the bytes ED B3 BF, another file.
    monkeypatch.chdir(tmp_path)
    (tmp_path / os.fsdecode(b"\xff.json")).write_text("{}")
    for name in (b"\xff.json", os.fsdecode(b"\xff.json")):
        calls = {
            "config": [lambda: wxlint.Linter(config=name), lambda: wxlint.lint({}, config=name),
                       lambda: wxlint.rules(config=name)],
            "snapshot": [lambda: wxlint.Linter(config=False, snapshot=[name]),
                         lambda: wxlint.lint({}, config=False, snapshot=name), lambda: wxlint.snapshot_info(name)],
            "rules": [lambda: wxlint.Linter(config=False, rules=name), lambda: wxlint.explain("1", config=False, rules=[name])],
            "baseline": [lambda: wxlint.Linter(config=False, baseline=name)],
        }
        for argument, tries in calls.items():
            for call in tries:
                with pytest.raises(wxlint.OptionsError) as e:
                    call()
                assert str(e.value) == (f"{argument}: the path b'\\xff.json' is not valid UTF-8, and the library takes "
                                        "it in JSON options, which cannot carry it; rename it")
    # Paths linted go to the library as bytes; a report names a file as the report's JSON can.
    assert [d.code for d in wxlint.lint_file(b"\xff.json", config=False)] == ["WX0011"]
    [report] = wxlint.lint_paths(".", config=False)
    assert report.path == "./\\xff.json"


def test_module_functions_refuse_a_path_as_linter_does(project):
    (project / "nul.json").write_text('{"rules": ["a\\u0000*"]}')
    cases = [("a\0", "embedded null byte in 'a\\x00'"),
             ("\ud800.json", "'\\ud800.json' cannot be encoded as a file system name: surrogates not allowed")]
    for config, message in cases:
        for call in (lambda: wxlint.Linter(config=config), lambda: wxlint.lint({}, config=config),
                     lambda: wxlint.lint_file("x.json", config=config), lambda: wxlint.lint_paths(".", config=config),
                     lambda: wxlint.rules(config=config), lambda: wxlint.explain("1026016", config=config),
                     lambda: wxlint.lint({}, config=False, rules=[config]),
                     lambda: wxlint.lint({}, config=False, snapshot=config)):
            with pytest.raises(wxlint.OptionsError) as e:
                call()
            assert str(e.value) == message
    # A config naming such a rule file: the library's error, whichever way it is built.
    with pytest.raises(wxlint.WxlintError) as by_linter:
        wxlint.Linter(config="nul.json")
    with pytest.raises(type(by_linter.value)) as by_function:
        wxlint.lint({}, config="nul.json")
    assert by_function.value.message == by_linter.value.message


def test_a_file_nested_too_deep_to_read_back_still_names_its_place(project):
    config = project / "deep1.json"
    config.write_text('{"settings": {"a: b: c": ' + "[" * 5000 + "]" * 5000 + "}}")
    for call in (lambda: wxlint.Linter(config=config), lambda: wxlint.lint({}, config=config)):
        with pytest.raises(wxlint.ConfigError) as e:
            call()
        code, _, err = run_cli("check", "--config", config, ROOT / "examples")
        assert code == 2 and err == f"wxlint: {e.value}\n"
        assert e.value.message.endswith(": nesting deeper than 512 levels")
        # The message clips the pointer: of the ways to cut it, the shortest.
        assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(config), 1, 536, "/settings/a")


def test_a_place_is_read_only_where_the_message_names_a_file(project):
    with pytest.raises(wxlint.UnknownOperationError) as e:
        wxlint.lint({}, operation="x:1:2: y", config=False)
    assert e.value.message.startswith('unknown operation "x:1:2: y"; known operations: ')
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (None, None, None, None)
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=False, disabled=["x:1:2: y"])
    assert (e.value.message, e.value.file, e.value.line) == ('unknown rule id or code "x:1:2: y"', None, None)
    # A file whose name holds ":1:2: " is still the place.
    config = project / "a:1:2: b.json"
    config.write_text('{\n  "rules": {"1026016": "loud"}\n}\n')
    with pytest.raises(wxlint.ConfigError) as e:
        wxlint.Linter(config=config)
    assert (e.value.file, e.value.line, e.value.column, e.value.pointer) == (str(config), 2, 24, "/rules/1026016")


def unreadable_entries(directory, fifo=False):
    """A directory of two payloads beside a link to nowhere (and a FIFO), named *.json. A FIFO
    only in a child process with a timeout: opened for reading, it would wait for ever."""
    (directory / "sub").mkdir(parents=True)
    (directory / "a.json").write_text("{}")
    (directory / "sub" / "c.json").write_text("[]")
    os.symlink("nowhere.json", directory / "b.json")
    os.link(directory / "a.json", directory / "sub" / "same-as-a.json")  # linted once, as the CLI does
    if not fifo:
        return ["d/b.json: a link to nowhere.json, which does not exist"]
    os.mkfifo(directory / "f.json")
    return ["d/b.json: a link to nowhere.json, which does not exist",
            "d/f.json: not a regular file (a FIFO, socket or device): cannot read it as JSON"]


def test_lint_paths_lints_every_readable_file_and_names_the_others(project):
    not_linted = unreadable_entries(project / "d") + ["missing.json: No such file or directory"]
    with pytest.raises(wxlint.IoError) as e:
        wxlint.lint_paths(["d", "missing.json"], config=False)
    assert e.value.message == "\n".join(not_linted)
    said = json.loads(run_cli("check", "--no-config", "--format", "json", "d", "missing.json", cwd=project)[1])
    assert said["notLinted"] == not_linted
    assert [r.to_dict() for r in e.value.reports] == said["files"]
    assert [r.path for r in e.value.reports] == ["d/a.json", "d/sub/c.json"]
    assert list(e.value.reports) == wxlint.lint_paths(["d/a.json", "d/sub"], config=False)


def test_lint_paths_passes_over_the_linters_own_files(project):
    not_linted = unreadable_entries(project / "d")
    snapshot = project / "d" / "snapshot"
    snapshot.mkdir()
    (snapshot / "locations.json").write_bytes((ROOT / "testdata" / "snapshot" / "org.snapshot" / "locations.json").read_bytes())
    with pytest.raises(wxlint.IoError) as e:
        wxlint.lint_paths("d", config=False, snapshot=snapshot)
    assert e.value.message == "\n".join(not_linted)
    said = json.loads(run_cli("check", "--no-config", "--snapshot", snapshot, "--format", "json", "d", cwd=project)[1])
    assert [r.to_dict() for r in e.value.reports] == said["files"]
    assert [r.path for r in e.value.reports] == ["d/a.json", "d/sub/c.json"]
    os.remove(project / "d" / "a.json")
    os.remove(project / "d" / "sub" / "c.json")
    os.remove(project / "d" / "sub" / "same-as-a.json")
    os.remove(project / "d" / "b.json")
    with pytest.raises(wxlint.IoError) as e:
        wxlint.lint_paths("d", config=False, snapshot=snapshot)
    assert (e.value.message, e.value.reports) == ("no *.json files found in the given paths", ())


def test_lint_paths_opens_no_fifo_and_reads_standard_input_once(project):
    not_linted = unreadable_entries(project / "d", fifo=True)
    code = ("import json, wxlint\n"
            "try:\n"
            "    wxlint.lint_paths(['-', 'd'], config=False)\n"
            "except wxlint.IoError as e:\n"
            "    print(json.dumps([e.message, [r.to_dict() for r in e.reports]]))\n")
    stdin = '{"usersList": []}'
    p = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, cwd=project,
                       timeout=60)
    message, reports = json.loads(p.stdout)
    said = json.loads(run_cli("check", "--no-config", "--format", "json", "-", "d", cwd=project, stdin=stdin.encode())[1])
    assert message == "\n".join(not_linted) and said["notLinted"] == not_linted
    assert reports == said["files"]
    assert [(r["path"], [d["code"] for d in r["diagnostics"]]) for r in reports] == [
        ("<stdin>", ["1026011"]), ("d/a.json", ["WX0011"]), ("d/sub/c.json", ["WX0011"])]
