"""wxlint check --fix / --unsafe-fixes / --diff: the golden fix cases through the CLI, stdin,
the diff, idempotence, and an atomic write that kill -9 cannot tear."""
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import time
import unittest

from cli_support import REPO, WXLINT, TempDirTest, env, main, write

CASES = sorted(p for p in glob.glob(os.path.join(REPO, "testdata", "fix", "*.json"))
               if ".expected." not in p and ".fixed." not in p)


def fixed_path(case):
    return case[:-len(".json")] + ".fixed.json"


def unsafe(case):
    return os.path.basename(case)[:-len(".json")].endswith("-unsafe")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def changes(case):
    return read(case) != read(fixed_path(case))


def remaining_errors(case):
    """Errors left after fixing: the golden findings of the fixed text."""
    with open(case[:-len(".json")] + ".fixed.expected.json", encoding="utf-8") as f:
        return sum(d["severity"] == "error" for d in json.load(f)["diagnostics"])


def apply_diff(text, diff):
    """Applies a unified diff of one file, checking every context and removed line."""
    lines = text.splitlines(keepends=True)
    out, at = [], 0
    body = diff.splitlines(keepends=True)
    assert body[0].startswith("--- a/") and body[1].startswith("+++ b/"), body[:2]
    i = 2
    while i < len(body):
        m = re.match(r"@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n", body[i])
        assert m, body[i]
        start = int(m.group(1)) - (1 if int(m.group(2)) else 0)
        out += lines[at:start]
        at = start
        i += 1
        while i < len(body) and not body[i].startswith("@@"):
            mark, line = body[i][0], body[i][1:]
            if i + 1 < len(body) and body[i + 1].startswith("\\ No newline"):
                line = line[:-1]
                i += 1
            if mark in " -":
                assert lines[at] == line, (lines[at], line)
                at += 1
            if mark in " +":
                out.append(line)
            i += 1
    return "".join(out + lines[at:])


class GoldenCasesThroughTheCli(TempDirTest):
    def test_every_case_fixes_in_place_to_its_fixed_text(self):
        self.assertGreaterEqual(len(CASES), 12)
        for case in CASES:
            with self.subTest(case=os.path.basename(case)):
                p = shutil.copy(case, self.path(os.path.basename(case)))
                args = ["check", "--no-config", "--fix"] + (["--unsafe-fixes"] if unsafe(case) else [])
                r = self.wxlint(*args, os.path.basename(p))
                self.assertEqual(read(p), read(fixed_path(case)))
                self.assertEqual(r.returncode, 1 if remaining_errors(case) else 0, r.stdout + r.stderr)
                if os.path.basename(case) == "overlap-unsafe.json":
                    # The duplicate's removal and its type's case fix overlap: the removal
                    # comes first, and the next pass has nothing left to fix.
                    self.assertEqual(r.stderr, "wxlint: fixed 2 findings in 1 file "
                                               "(1 fix overlapped an earlier one and waited for the next pass)\n")
                elif changes(case):
                    self.assertRegex(r.stderr, r"^wxlint: fixed \d+ findings? in 1 file\n$")
                else:  # only unsafe fixes, and no --unsafe-fixes
                    self.assertEqual(r.stderr, "")
                # A second --fix changes nothing and says nothing about fixing.
                again = self.wxlint(*args, os.path.basename(p))
                self.assertEqual(read(p), read(fixed_path(case)))
                self.assertNotIn("fixed", again.stderr)
                self.assertEqual(again.stdout, r.stdout)

    def test_diff_writes_nothing_and_applies_to_the_fixed_text(self):
        for case in CASES:
            with self.subTest(case=os.path.basename(case)):
                name = os.path.basename(case)
                p = shutil.copy(case, self.path(name))
                args = ["check", "--no-config", "--diff"] + (["--unsafe-fixes"] if unsafe(case) else [])
                r = self.wxlint(*args, name)
                self.assertEqual(read(p), read(case))
                if not changes(case):
                    self.assertEqual((r.returncode, r.stdout), (0, ""))
                    continue
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertTrue(r.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n@@ -"), r.stdout[:200])
                self.assertRegex(r.stderr, r"wxlint: \d+ fix(es)? would apply to 1 file\n")
                with open(case, encoding="utf-8", newline="") as f:
                    before = f.read()
                with open(fixed_path(case), encoding="utf-8", newline="") as f:
                    self.assertEqual(apply_diff(before, r.stdout), f.read())

    def test_diff_of_a_name_with_a_space_applies_with_patch(self):
        # As git writes it: a tab ends the name, else GNU patch reads "a/my" as the file.
        case = os.path.join(REPO, "testdata", "fix", "enum-case.json")
        shutil.copy(case, self.path("my file.json"))
        r = self.wxlint("check", "--no-config", "--diff", "my file.json")
        self.assertTrue(r.stdout.startswith("--- a/my file.json\t\n+++ b/my file.json\t\n@@ -"), r.stdout[:100])
        if shutil.which("patch"):
            p = subprocess.run(["patch", "-p1", "--dry-run"], input=r.stdout, cwd=self.dir, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(p.stdout, "checking file 'my file.json'\n")

    def test_diff_quotes_a_name_with_controls_as_git_does(self):
        # Raw, the line break would end the header and the ESC reach the terminal: C-quoted,
        # as git writes such names, and as git apply and GNU patch read them back.
        case = os.path.join(REPO, "testdata", "fix", "enum-case.json")
        name = b'e\x1b[2J\nx "q\\\xff.json'
        shutil.copy(case, os.path.join(os.fsencode(self.dir), name))
        r = subprocess.run([WXLINT, "check", "--no-config", "--diff", name], cwd=self.dir, capture_output=True,
                           env=env(), timeout=60)
        self.assertEqual(r.returncode, 1, r.stderr)
        quoted = b'e\\033[2J\\nx \\"q\\\\\\377.json"\n'
        self.assertTrue(r.stdout.startswith(b'--- "a/' + quoted + b'+++ "b/' + quoted + b"@@ -"), r.stdout[:100])
        self.assertNotIn(b"\x1b", r.stdout)
        if shutil.which("patch"):
            p = subprocess.run(["patch", "-p1", "--dry-run"], input=r.stdout, cwd=self.dir, capture_output=True)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(p.stdout, b"checking file '" + name + b"'\n")
        if shutil.which("git"):
            p = subprocess.run(["git", "apply", "--check", "-"], input=r.stdout, cwd=self.dir, capture_output=True)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_diff_of_an_absolute_name_drops_the_leading_slash_as_git_does(self):
        # "a//tmp/x.json" named no file: patch -p1 read "/tmp/x.json" from it and refused it.
        p = shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("abs.json"))
        r = self.wxlint("check", "--no-config", "--diff", os.path.abspath(p))
        rel = os.path.abspath(p).lstrip("/")
        self.assertTrue(r.stdout.startswith(f"--- a/{rel}\n+++ b/{rel}\n@@ -"), r.stdout[:200])
        if shutil.which("git"):
            g = subprocess.run(["git", "apply", "--check", "-"], input=r.stdout, cwd="/", capture_output=True, text=True)
            self.assertEqual(g.returncode, 0, g.stdout + g.stderr)

    def test_diff_of_a_name_going_up_gives_the_absolute_name_as_git_does(self):
        # "a/../data/x.json" is a path git apply refuses and patch -p1 cannot find.
        os.makedirs(self.path("sub"))
        os.makedirs(self.path("data"))
        p = shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("data", "x.json"))
        r = self.wxlint("check", "--no-config", "--diff", "../data/x.json", cwd=self.path("sub"))
        rel = os.path.realpath(p).lstrip("/")
        self.assertTrue(r.stdout.startswith(f"--- a/{rel}\n+++ b/{rel}\n@@ -"), r.stdout[:200])
        if shutil.which("git"):
            g = subprocess.run(["git", "apply", "--check", "-"], input=r.stdout, cwd="/", capture_output=True, text=True)
            self.assertEqual(g.returncode, 0, g.stdout + g.stderr)
        # Going up and down again inside the working directory stays relative.
        r = self.wxlint("check", "--no-config", "--diff", "sub/../data/x.json")
        self.assertTrue(r.stdout.startswith("--- a/data/x.json\n+++ b/data/x.json\n@@ -"), r.stdout[:200])

    def test_diff_of_a_directory_named_dot_applies_with_git(self):
        # `check --diff .` names the files ./x.json: "a/./x.json" is a path git apply refuses.
        os.makedirs(self.path("req"))
        shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("req", "x.json"))
        r = self.wxlint("check", "--no-config", "--diff", ".")
        self.assertTrue(r.stdout.startswith("--- a/req/x.json\n+++ b/req/x.json\n@@ -"), r.stdout[:200])
        if shutil.which("git"):
            g = subprocess.run(["git", "apply", "--check", "-"], input=r.stdout, cwd=self.dir, capture_output=True, text=True)
            self.assertEqual(g.returncode, 0, g.stdout + g.stderr)

    def test_diff_through_a_symbolic_link_names_the_file_it_leads_to(self):
        # "a/link.json": patch refuses a link, git apply takes it for the link itself.
        os.makedirs(self.path("req"))
        shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("req", "x.json"))
        os.symlink("req/x.json", self.path("link.json"))
        r = self.wxlint("check", "--no-config", "--diff", "link.json")
        self.assertTrue(r.stdout.startswith("--- a/req/x.json\n+++ b/req/x.json\n@@ -"), r.stdout[:200])
        if shutil.which("git"):
            g = subprocess.run(["git", "apply", "--check", "-"], input=r.stdout, cwd=self.dir, capture_output=True, text=True)
            self.assertEqual(g.returncode, 0, g.stdout + g.stderr)

    def test_a_file_name_of_255_bytes_is_fixed(self):
        # The temporary file beside it is named within NAME_MAX too.
        name = "p" * 250 + ".json"
        shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path(name))
        r = self.wxlint("check", "--no-config", "-q", "--fix", name)
        self.assertEqual(r.stderr, "wxlint: fixed 3 findings in 1 file\n")
        self.assertEqual(read(self.path(name)), read(os.path.join(REPO, "testdata", "fix", "enum-case.fixed.json")))
        self.assertEqual(os.listdir(self.dir), [name])

    def test_diff_with_exit_zero_exits_0_with_the_diff(self):
        p = shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("z.json"))
        r = self.wxlint("check", "--no-config", "--diff", "--exit-zero", "z.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("--- a/z.json\n+++ b/z.json\n@@ -"), r.stdout[:100])
        self.assertEqual(r.stderr, "wxlint: 3 fixes would apply to 1 file\n")

    def test_diff_of_a_one_line_payload_takes_linear_time(self):
        # Minified: 40,000 fixes on one 4 MB line. Each change's line was scanned for its
        # start and end: 26 s of CPU, now about 1 s.
        users = [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE",
                  "extension": 5000 + i % 4000} for i in range(40000)]
        payload = {"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
                                  "validate": False, "users": users}]}
        with open(self.path("min.json"), "w") as f:
            json.dump(payload, f, separators=(",", ":"))
        before = os.times()
        r = self.wxlint("check", "--no-config", "-q", "--diff", "min.json")
        after = os.times()
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: 40000 fixes would apply to 1 file\n"))
        # The header, one hunk: its - and + lines, each saying the file ends without a line break.
        self.assertEqual(r.stdout.count("\n"), 2 + 1 + 2 * 2)
        took = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        self.assertLess(took, 8 * (5 if os.environ.get("WXLINT_SANITIZED") else 1), f"{took:.1f} s of CPU")

    def test_diff_of_a_clean_file_is_empty_and_exits_0(self):
        p = shutil.copy(fixed_path(os.path.join(REPO, "testdata", "fix", "enum-case.json")), self.path("clean.json"))
        r = self.wxlint("check", "--no-config", "--diff", p)
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        self.assertEqual(r.stderr, "wxlint: 0 fixes would apply to 0 files\n")


class Options(TempDirTest):
    def test_unsafe_fixes_alone_is_a_usage_error(self):
        write(self.path("a.json"), {"usersList": []})
        r = self.wxlint("check", "--no-config", "--unsafe-fixes", "a.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "wxlint: --unsafe-fixes needs --fix or --diff\n")

    def test_unsafe_fixes_are_left_without_the_flag_and_listed_in_json(self):
        case = os.path.join(REPO, "testdata", "fix", "duplicate-entry.json")
        p = shutil.copy(case, self.path("dup.json"))
        r = self.wxlint("check", "--no-config", "--fix", "--format", "json", "dup.json")
        self.assertEqual(read(p), read(case))  # the only fix is unsafe
        diags = json.loads(r.stdout)["files"][0]["diagnostics"]
        fixes = [d["fix"] for d in diags if "fix" in d]
        self.assertEqual(len(fixes), 1)
        self.assertEqual(fixes[0]["applicability"], "unsafe")
        edit = fixes[0]["edits"][0]
        text = read(case)
        removed = text[edit["offset"]:edit["offset"] + edit["length"]].decode()
        self.assertEqual(removed.strip(), ',\n        {"value": "ada@example.com", "type": "work", "primary": true}'.strip())
        self.assertEqual(edit["content"], "")

    def test_stdin_fixed_text_goes_to_stdout_and_the_report_to_stderr(self):
        case = os.path.join(REPO, "testdata", "fix", "enum-case.json")
        with open(case, encoding="utf-8") as f:
            text = f.read()
        r = self.wxlint("check", "--no-config", "--fix", "--stdin-filename", "in.json", "-", stdin=text)
        with open(fixed_path(case), encoding="utf-8") as f:
            self.assertEqual(r.stdout, f.read())
        self.assertIn("1 file checked", r.stderr)
        self.assertIn("wxlint: fixed 3 findings in 1 file", r.stderr)
        self.assertEqual(r.returncode, 0)

    def test_stdin_without_fixes_is_echoed(self):
        text = '{"usersList": []}\n'
        r = self.wxlint("check", "--no-config", "--fix", "-", stdin=text)
        self.assertEqual(r.stdout, text)
        self.assertEqual(r.returncode, 1)  # 1026011: usersList is empty

    def test_stdin_over_max_file_size_prints_nothing_and_exits_2(self):
        write(self.path("small.json"), {"settings": {"maxFileSize": 100}})
        with open(os.path.join(REPO, "testdata", "fix", "enum-case.json"), encoding="utf-8") as f:
            text = f.read()
        r = self.wxlint("check", "--config", "small.json", "--fix", "-", stdin=text)
        self.assertEqual((r.returncode, r.stdout), (2, ""))  # no empty "fixed" text down the pipe
        self.assertTrue(r.stderr.startswith("wxlint: <stdin>: not fixed: larger than the setting maxFileSize"), r.stderr)
        self.assertIn("error[WX0006]", r.stderr)

    def test_files_whose_names_share_200_bytes_keep_their_own_text_under_j(self):
        with open(os.path.join(REPO, "testdata", "fix", "enum-case.json"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Ada Lovelace", text)
        prefix = "p" * 205
        for attempt in range(5):
            for i in range(24):
                write(self.path(f"{prefix}_{i}.json"), text.replace("Ada Lovelace", f"N{i}"))
            self.wxlint("check", "--no-config", "--fix", "-j", "16", "-q", ".")
            for i in range(24):
                with self.subTest(attempt=attempt, file=i):
                    self.assertIn(f'"N{i}"', read(self.path(f"{prefix}_{i}.json")).decode())
        self.assertEqual(sorted(n for n in os.listdir(self.dir) if not n.startswith(prefix)), [])

    def test_a_users_file_named_like_a_temporary_one_stays(self):
        shutil.copy(os.path.join(REPO, "testdata", "fix", "enum-case.json"), self.path("d.json"))
        write(self.path(".d.json.tmp"), "my notes")
        self.wxlint("check", "--no-config", "--fix", "d.json")
        self.assertEqual(read(self.path(".d.json.tmp")), b"my notes")
        self.assertEqual(sorted(os.listdir(self.dir)), [".d.json.tmp", "d.json"])

    def test_mode_is_kept(self):
        case = os.path.join(REPO, "testdata", "fix", "enum-case.json")
        p = shutil.copy(case, self.path("m.json"))
        os.chmod(p, 0o640)
        self.wxlint("check", "--no-config", "--fix", "m.json")
        self.assertEqual(os.stat(p).st_mode & 0o777, 0o640)
        self.assertEqual(read(p), read(fixed_path(case)))


def enum_rule(rule_id, code, value):
    return {"id": rule_id, "code": code, "severity": "error", "check": "enum", "fix": "did-you-mean",
            "at": "/usersList/*/users/*/extension", "params": {"values": [value]}, "message": "{value}{hint}",
            "summary": "s", "description": "d"}


def users_with_extension(n, extension):
    return {"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
                           "validate": False, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE",
                                                         "extension": extension}] * n}]}


class Passes(TempDirTest):
    def test_findings_past_max_findings_per_rule_are_fixed_too(self):
        # Only listed findings carried fixes: one a pass, 100 passes, so a second --fix fixed more.
        write(self.path("org.rules.json"), {"operation": "validateOrInitiateMoveUsersJob",
                                            "rules": [enum_rule("org/a", "ORGA", "AB12")]})
        write(self.path("m.json"), users_with_extension(300, "ab12"))
        write(self.path(".wxlint.json"), {"settings": {"maxFindingsPerRule": 1}, "rules": ["org.rules.json"]})
        r = self.wxlint("check", "--fix", "--select", "ORGA", "m.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (0, "1 file checked: no findings\n", "wxlint: fixed 300 findings in 1 file\n"))
        self.assertEqual(read(self.path("m.json")).count(b'"AB12"'), 300)

    def test_findings_past_max_findings_per_rule_are_fixed_when_the_listed_ones_have_no_fix(self):
        # The first has only an unsafe fix: the two after it, unlisted, were not fixed at all.
        write(self.path("e.json"), {"phoneNumbers": ["4085551234", "+1 (408) 555-1299", "+1 (212) 555-0123"],
                                    "numberType": "DID"})
        write(self.path(".wxlint.json"), {"settings": {"maxFindingsPerRule": 1}})
        r = self.wxlint("check", "--fix", "-q", "--operation", "addPhoneNumbersToLocation", "e.json")
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: fixed 2 findings in 1 file\n"))
        self.assertEqual(json.loads(read(self.path("e.json"))),
                         {"phoneNumbers": ["4085551234", "+14085551299", "+12125550123"], "numberType": "DID"})

    def test_fixes_that_undo_each_other_stop_where_they_began(self):
        # Two rules that disagree on a value turned it back and forth until the last pass.
        write(self.path("org.rules.json"), {"operation": "validateOrInitiateMoveUsersJob", "rules": [
            enum_rule("org/a", "ORGA", "AB12"), enum_rule("org/b", "ORGB", "ab12")]})
        before = write(self.path("m.json"), users_with_extension(2, "ab12"))
        text = read(before)
        r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "--fix", "-q", "--select", "ORGA,ORGB",
                        "m.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, (
            'm.json:9:24: error[ORGA]: ab12 Did you mean "AB12"? (org/a)\n'
            'm.json:13:24: error[ORGA]: ab12 Did you mean "AB12"? (org/a)\n'), (
            "wxlint: m.json: some of its fixes undo others (two rules that disagree on a value): fixing stopped "
            "at a text it had already had, and the report is that text's\n")))
        self.assertEqual(read(before), text)

    def test_a_policy_and_a_builtin_rule_that_disagree_leave_the_finding_of_one(self):
        # docs/fixes.md's example: OSC001 wants "WORK", WX3012 "work"; the text fixing stops at
        # is kept, and only the rule it does not satisfy is reported, not both.
        write(self.path("osc.rules.json"), {"operation": "bulkCreateOrUpdateContacts", "rules": [
            {"id": "osc/email-type-upper", "code": "OSC001", "severity": "error", "check": "enum",
             "fix": "did-you-mean", "at": "/contacts/*/emails/*/type", "params": {"values": ["WORK"]},
             "message": "emails type \"{value}\" must be WORK.{hint}", "summary": "s", "description": "d"}]})
        undone = ("wxlint: osc.json: some of its fixes undo others (two rules that disagree on a value): fixing "
                  "stopped at a text it had already had, and the report is that text's\n")
        osc = ('osc.json:5:54: error[OSC001]: emails type "work" must be WORK. Did you mean "WORK"? '
               '(osc/email-type-upper)\n')
        builtin = ('osc.json:5:54: error[WX3012]: emails type "WORK" is not allowed; use one of: work, home, room, '
                   'other. Did you mean "work"? (contacts/email-type)\n')
        for start, (stdout, stderr, settled) in {
                "work": (osc, undone, b'"work"'),
                "Work": (builtin, undone + "wxlint: fixed 1 finding in 1 file (1 fix overlapped an earlier one and "
                                          "waited for the next pass)\n", b'"WORK"')}.items():
            with self.subTest(start=start):
                text = ('{\n  "schemas": "urn:cisco:codev:identity:contact:core:1.0",\n  "contacts": [\n'
                        '    {"displayName": "Ada Lovelace", "source": "CH",\n'
                        '     "emails": [{"value": "ada@example.com", "type": "%s", "primary": true}]}\n  ]\n}\n' % start)
                write(self.path("osc.json"), text)
                r = self.wxlint("check", "--no-config", "-q", "--rules", "osc.rules.json", "--fix", "osc.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (1, stdout, stderr))
                self.assertEqual(read(self.path("osc.json")), text.encode().replace(f'"{start}"'.encode(), settled))


class SarifFixes(TempDirTest):
    def test_fixes_are_sarif_artifact_changes_the_validator_accepts(self):
        os.makedirs(self.path("sarif"))
        for name in ("enum-case.json", "duplicate-entry.json", "seed-envelope.json"):
            shutil.copy(os.path.join(REPO, "testdata", "fix", name), self.path("sarif", name))
        r = self.wxlint("check", "--no-config", "-f", "sarif", "-o", "in.sarif", "enum-case.json",
                        "duplicate-entry.json", "seed-envelope.json", cwd=self.path("sarif"))
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(self.path("sarif", "in.sarif"), encoding="utf-8") as f:
            results = json.load(f)["runs"][0]["results"]
        fixes = [x["fixes"][0] for x in results if "fixes" in x]
        self.assertEqual(len(fixes), 5)  # 3 enum cases, 1 duplicate, 1 double-escaped address
        first = fixes[0]
        self.assertEqual(first["description"]["text"], 'Replace "WORK" with "work".')
        [change] = first["artifactChanges"]
        self.assertEqual(change["artifactLocation"]["uri"], "enum-case.json")
        [rep] = change["replacements"]
        text = read(self.path("sarif", "enum-case.json"))
        region = rep["deletedRegion"]
        self.assertEqual(text[region["byteOffset"]:region["byteOffset"] + region["byteLength"]], b'"WORK"')
        self.assertEqual(rep["insertedContent"]["text"], '"work"')
        self.assertEqual(first["properties"]["safe"], True)
        removal = [f for f in fixes if f["properties"]["safe"] is False]
        self.assertEqual(len(removal), 1)
        self.assertNotIn("insertedContent", removal[0]["artifactChanges"][0]["replacements"][0])
        from test_formats import MULTITOOL
        self.assertTrue(os.path.exists(MULTITOOL), "run scripts/setup.sh: it installs @microsoft/sarif-multitool")
        v = subprocess.run([MULTITOOL, "validate", "in.sarif", "-o", "validation.sarif"], cwd=self.path("sarif"),
                           capture_output=True, text=True, timeout=300,
                           env=env(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1"))
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        with open(self.path("sarif", "validation.sarif"), encoding="utf-8") as f:
            found = json.load(f)["runs"][0].get("results", [])
        self.assertEqual([(x["ruleId"], x["message"]) for x in found if x.get("level", "warning") in ("error", "warning")], [])


class KillMidWrite(TempDirTest):
    def test_kill_9_leaves_the_old_file_or_the_new_one(self):
        # ~11 MB of contacts; the first and the last have an email type in the wrong case.
        contact = ('    {"displayName": "Contact %d", "source": "CH", "emails": [{"value": "c%d@example.com", '
                   '"type": "%s", "primary": true}]}')
        n = 80000
        body = ",\n".join(contact % (i, i, "WORK" if i in (0, n - 1) else "work") for i in range(n))
        old = ('{\n  "schemas": "urn:cisco:codev:identity:contact:core:1.0",\n  "contacts": [\n' + body + "\n  ]\n}\n").encode()
        new = old.replace(b'"type": "WORK"', b'"type": "work"')
        p = self.path("big.json")
        with open(p, "wb") as f:
            f.write(old)
        # Larger than the default maxFileSize (8 MiB), so that the write takes long enough to be hit.
        cfg = self.path("big-files.cfg")
        with open(cfg, "w") as f:
            f.write('{"settings": {"maxFileSize": 33554432}}')
        start = time.monotonic()
        done = subprocess.run([WXLINT, "check", "--config", cfg, "--fix", "-q", p], capture_output=True, timeout=300)
        whole = time.monotonic() - start
        self.assertEqual(read(p), new, done.stderr[-500:])
        seen = {"old": 0, "new": 0}
        # From early in the lint to past the rename; on a loaded machine a run can take longer
        # than the first did, so the delays go on growing until one lands after the rename.
        delays = [whole * k / 20 for k in range(1, 25)] + [whole * (2 + k) for k in range(8)]
        for k, delay in enumerate(delays):
            if k >= 24 and seen["new"]:
                break
            with open(p, "wb") as f:
                f.write(old)
            proc = subprocess.Popen([WXLINT, "check", "--config", cfg, "--fix", "-q", p],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            got = read(p)
            self.assertIn(got, (old, new), f"a torn file after SIGKILL at {delay:.2f}s")
            seen["old" if got == old else "new"] += 1
        # Both outcomes came up: kills landed before the rename and after it.
        self.assertGreater(seen["old"], 0, seen)
        self.assertGreater(seen["new"], 0, seen)
        # Whatever temporary file a kill left is not the payload: only big.json is *.json here.
        self.assertEqual(glob.glob(self.path("*.json")), [p])


if __name__ == "__main__":
    main()
