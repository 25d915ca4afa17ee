"""Reports stay valid and terminals stay safe whatever the file names and payload values hold:
names that are not UTF-8 (Linux allows any bytes but '/' and NUL), names and values with
line breaks, ESC sequences, DEL and C1 controls (docs/output-formats.md, "File names and
control characters")."""
import json
import os
import re
import shutil
import subprocess
import urllib.parse
import xml.dom.minidom
import xml.etree.ElementTree as ET

from cli_support import REPO, WXLINT, TempDirTest, env, main

# File names: not UTF-8, a line break, an ESC sequence, a C1 control (U+009B, 8-bit CSI).
NAMES = [b"bad\xff\xfe.json", b"new\nline.json", b"esc\x1b[31m.json", b"c1\xc2\x9b.json"]
# How the text and github formats show them.
SHOWN = ["bad\\xff\\xfe.json", "new\\nline.json", "esc\\x1b[31m.json", "c1\\u009b.json"]

# A value that clears the screen, sends 8-bit CSI, fakes a finding line, and ends in DEL, a
# tab and U+FFFE (which XML 1.0 forbids).
VALUE = "\x1b[2J\u009b31m\nfake.json:1:1: error[WX0000]: forged (x)\x7f\t\ufffe"
VALUE_SHOWN = "\\x1b[2J\\u009b31m\\nfake.json:1:1: error[WX0000]: forged (x)\\x7f\\t\ufffe"
MESSAGE = 'emails type "{}" is not allowed; use one of: work, home, room, other.'


def contacts(*types):
    """A bulk-contacts payload, one contact per email type (one finding WX3012 each)."""
    return {"schemas": "urn:cisco:codev:identity:contact:core:1.0",
            "contacts": [{"displayName": "X", "source": "CH",
                          "emails": [{"value": f"a{i}@example.com", "type": t, "primary": True}]}
                         for i, t in enumerate(types)]}


def wxlint_bytes(*args, cwd):
    """Runs wxlint with arguments that may be bytes; stdout and stderr stay bytes."""
    return subprocess.run([os.fsencode(WXLINT), *[os.fsencode(a) for a in args]], cwd=cwd,
                          capture_output=True, env=env(), timeout=120)


def assert_terminal_safe(test, out):
    """No control byte but the line ends, no ESC, no C1 control: nothing a terminal acts on."""
    test.assertEqual([b for b in out if (b < 0x20 and b != 0x0A) or b == 0x7F], [], out)
    text = out.decode("utf-8")  # strictly
    test.assertEqual(re.findall("[\u0080-\u009f]", text), [], text)


class Fixture(TempDirTest):
    def setUp(self):
        super().setUp()
        self.bdir = os.fsencode(self.dir)
        for name in NAMES:
            self.put(name, contacts(VALUE))

    def put(self, name, payload):
        with open(os.path.join(self.bdir, name), "w", encoding="utf-8") as f:
            json.dump(payload, f, indent=2)

    def check(self, *args):
        return wxlint_bytes("check", "--no-config", *args, *NAMES, cwd=self.bdir)


class Terminal(Fixture):
    def test_text_one_finding_per_line_controls_shown(self):
        r = self.check("-f", "text")
        self.assertEqual(r.returncode, 1, r.stderr)
        assert_terminal_safe(self, r.stdout)
        self.assertEqual(r.stdout.decode("utf-8").split("\n"),
                         [f"{shown}:10:19: error[WX3012]: {MESSAGE.format(VALUE_SHOWN)} (contacts/email-type)"
                          for shown in SHOWN] + ["4 files checked: 4 errors, 0 warnings, 0 infos", ""])

    def test_github_one_annotation_per_line_controls_shown(self):
        r = self.check("-f", "github")
        self.assertEqual(r.returncode, 1, r.stderr)
        assert_terminal_safe(self, r.stdout)
        # The toolkit's own escapes stay for % CR LF (the runner turns them back into the
        # file's name and the message's line break); the other controls get the display form.
        files = ["bad\\xff\\xfe.json", "new%0Aline.json", "esc\\x1b[31m.json", "c1\\u009b.json"]
        message = MESSAGE.format(VALUE_SHOWN.replace("\\n", "%0A"))
        self.assertEqual(r.stdout.decode("utf-8").split("\n"),
                         [f"::error file={f},line=10,endLine=10,col=19,endColumn=95,"
                          f"title=WX3012 contacts/email-type::{message}" for f in files] + [""])

    def test_keys_with_controls_in_messages_and_pointers(self):
        key = "\x1b]0;title\x07k\nfake"
        payload = contacts("work")
        payload["contacts"][0][key] = 1
        self.put(b"k.json", payload)
        r = wxlint_bytes("check", "--no-config", "-f", "text", "k.json", cwd=self.bdir)
        assert_terminal_safe(self, r.stdout)
        self.assertIn('k.json:14:7: error[WX1003]: Unknown property "\\x1b]0;title\\x07k\\nfake": '
                      'the API does not accept it. (schema/unknown-property)\n', r.stdout.decode("utf-8"))
        # JSON keeps the real key, escaped in JSON's own syntax.
        r = wxlint_bytes("check", "--no-config", "-f", "json", "k.json", cwd=self.bdir)
        diagnostics = json.loads(r.stdout.decode("utf-8"))["files"][0]["diagnostics"]
        self.assertEqual([d["pointer"] for d in diagnostics], ["/contacts/0/" + key])


class Machine(Fixture):
    def test_json_stays_utf8_json_with_real_values(self):
        r = self.check("-f", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertNotIn(b"\x1b", r.stdout)
        report = json.loads(r.stdout.decode("utf-8"))
        # A name that is not UTF-8 in its display form; valid names and values as they are.
        self.assertEqual([f["path"] for f in report["files"]],
                         ["bad\\xff\\xfe.json", "new\nline.json", "esc\x1b[31m.json", "c1\u009b.json"])
        self.assertEqual({d["message"] for f in report["files"] for d in f["diagnostics"]}, {MESSAGE.format(VALUE)})

    def test_junit_stays_well_formed_xml(self):
        r = self.check("-f", "junit")
        self.assertEqual(r.returncode, 1, r.stderr)
        assert_terminal_safe(self, r.stdout)
        xml.dom.minidom.parseString(r.stdout)
        suites = ET.fromstring(r.stdout).findall("testsuite")
        # XML 1.0 cannot hold ESC even as a reference: \u001b; U+009B can, as &#x9b;.
        self.assertEqual([s.get("name") for s in suites],
                         ["bad\\xff\\xfe.json", "new\nline.json", "esc\\u001b[31m.json", "c1\u009b.json"])
        value = "\\u001b[2J\u009b31m\nfake.json:1:1: error[WX0000]: forged (x)\\u007f\t\\ufffe"
        self.assertEqual(suites[0].find("testcase/failure").get("message"),
                         "bad\\xff\\xfe.json:10:19: " + MESSAGE.format(value))

    def test_junit_holds_no_character_xml_forbids(self):
        # U+FFFE and U+FFFF are valid UTF-8, but not XML 1.0 characters, even as references.
        self.put(b"v.json", contacts("a\ufffeb\uffff"))
        r = wxlint_bytes("check", "--no-config", "-f", "junit", "v.json", cwd=self.bdir)
        self.assertEqual(r.returncode, 1, r.stderr)
        failure = ET.fromstring(r.stdout).find("testsuite/testcase/failure")
        self.assertEqual(failure.get("message"), "v.json:10:19: " + MESSAGE.format("a\\ufffeb\\uffff"))

    def test_sarif_uris_percent_encode_the_bytes(self):
        r = self.check("-f", "sarif")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertNotIn(b"\x1b", r.stdout)
        results = json.loads(r.stdout.decode("utf-8"))["runs"][0]["results"]
        uris = [x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in results]
        for uri in uris:  # RFC 3986: unreserved characters, '/' and %XX only
            self.assertRegex(uri, r"^(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})+$")
        self.assertEqual([urllib.parse.unquote_to_bytes(u) for u in uris], NAMES)
        self.assertEqual({x["message"]["text"] for x in results}, {MESSAGE.format(VALUE)})


class Baselines(Fixture):
    def test_baseline_from_such_names_loads_and_matches_them_again(self):
        r = wxlint_bytes("check", "--no-config", "--generate-baseline", "base.json", *NAMES, cwd=self.bdir)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("base.json"), "rb") as f:
            baseline = json.loads(f.read().decode("utf-8"))
        self.assertEqual(sorted(e["file"] for e in baseline["findings"]),
                         sorted(["bad\\xff\\xfe.json", "new\nline.json", "esc\x1b[31m.json", "c1\u009b.json"]))

        r = self.check("--baseline", "base.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"4 files checked: no findings\n", b""))

        # One new finding in the file whose name is not UTF-8: only it is reported.
        self.put(NAMES[0], contacts(VALUE, "fax"))
        r = self.check("--baseline", "base.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.decode("utf-8"),
                         "bad\\xff\\xfe.json:21:19: error[WX3012]: " + MESSAGE.format("fax") +
                         " (contacts/email-type)\n4 files checked: 1 error, 0 warnings, 0 infos\n")


class RuleFiles(TempDirTest):
    """Rule files from --rules-dir are data too: `rules`, `explain` and --statistics show
    their ids, codes and texts as the text format does."""

    def setUp(self):
        super().setUp()
        rd = self.path("rd")
        for sub in ("rules", "schemas"):
            shutil.copytree(os.path.join(REPO, sub), os.path.join(rd, sub))
        path = os.path.join(rd, "rules", "bulkCreateOrUpdateContacts.rules.json")
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        rule = next(r for r in doc["rules"] if r["id"] == "contacts/email-type")
        rule.update(id="contacts/email-type\x1b[31m", code="WX3012\u009b2J",
                    summary="Bad\x1b]0;title\x07 type\nfake line", description="Clears \x1b[2J the screen.",
                    message="emails type \x1b[1m{value}")
        rule["examples"]["fail"]["contacts"][0]["emails"][0]["type"] = "\u009b2J"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
        with open(self.path("p.json"), "w", encoding="utf-8") as f:
            json.dump(contacts("\x1b[2J"), f)

    def test_rules_lists_them_escaped(self):
        r = wxlint_bytes("rules", "--rules-dir", "rd", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_terminal_safe(self, r.stdout)
        # Aligned on the widest code (external.non.privilege) and rule id, as shown escaped.
        self.assertIn("\nWX3012\\u009b2J" + " " * 9 + "error   contacts/email-type\\x1b[31m" + " " * 19 +
                      "Bad\\x1b]0;title\\x07 type\\nfake line\n",
                      r.stdout.decode("utf-8"))
        r = wxlint_bytes("rules", "--rules-dir", "rd", "--format", "markdown", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_terminal_safe(self, r.stdout)
        self.assertIn("\n### WX3012\\u009b2J `contacts/email-type\\x1b[31m` (error)\n\n"
                      "Bad\\x1b]0;title\\x07 type\\nfake line\n\nClears \\x1b[2J the screen.\n",
                      r.stdout.decode("utf-8"))

    def test_explain_shows_them_escaped(self):
        r = wxlint_bytes("explain", "--rules-dir", "rd", "WX3012\u009b2J", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_terminal_safe(self, r.stdout)
        out = r.stdout.decode("utf-8")
        self.assertTrue(out.startswith(
            "WX3012\\u009b2J contacts/email-type\\x1b[31m (error, Bulk Create or Update Contacts)\n\n"
            "Bad\\x1b]0;title\\x07 type\\nfake line\n\nClears \\x1b[2J the screen.\n\n"
            "Message: emails type \\x1b[1m{value}\nFix: did-you-mean (wxlint check --fix; docs/fixes.md)\n"
            "Rule file: rd/rules/bulkCreateOrUpdateContacts.rules.json\n\nFails:\n"), out)
        self.assertIn('"type": "\\u009b2J"', out)

    def test_check_and_statistics_show_them_escaped(self):
        r = wxlint_bytes("check", "--no-config", "--rules-dir", "rd", "--statistics", "p.json", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        assert_terminal_safe(self, r.stdout)
        self.assertEqual(r.stdout.decode("utf-8"),
                         "p.json:1:155: error[WX3012\\u009b2J]: emails type \\x1b[1m\\x1b[2J (contacts/email-type\\x1b[31m)\n"
                         "1 file checked: 1 error, 0 warnings, 0 infos\n"
                         "     1  WX3012\\u009b2J  contacts/email-type\\x1b[31m\n")


class PolicyTexts(TempDirTest):
    """A --rules file's texts in `rules --format json` whole, and its example snapshot's file
    names in `explain` and `rules --format markdown` as the text format shows them."""

    def setUp(self):
        super().setUp()
        rule = {"id": "org/n\x00x", "code": "ORG1", "severity": "error", "check": "pattern",
                "at": "/contacts/*/displayName", "params": {"regex": "^Z"}, "message": "m {value}",
                "summary": "s\x00hidden", "description": "d\x00e",
                "examples": {"fail": {"contacts": [{"displayName": "X"}]},
                             "snapshot": {"n\x1b[2J\u202e.json": {"items": []}}}}
        with open(self.path("org.rules.json"), "w", encoding="utf-8") as f:
            json.dump({"operation": "bulkCreateOrUpdateContacts", "rules": [rule]}, f)

    def test_rules_json_keeps_text_after_a_nul(self):
        r = wxlint_bytes("rules", "--rules", "org.rules.json", "--format", "json", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        rule = next(x for x in json.loads(r.stdout.decode("utf-8")) if x["code"] == "ORG1")
        self.assertEqual((rule["id"], rule["summary"], rule["description"]), ("org/n\x00x", "s\x00hidden", "d\x00e"))

    def test_snapshot_example_names_are_shown_escaped(self):
        r = wxlint_bytes("explain", "--rules", "org.rules.json", "ORG1", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_terminal_safe(self, r.stdout)
        self.assertIn("\nWith the org snapshot file n\\x1b[2J\\u202e.json:\n{\n  \"items\": []\n}\n",
                      r.stdout.decode("utf-8"))
        r = wxlint_bytes("rules", "--rules", "org.rules.json", "--format", "markdown", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_terminal_safe(self, r.stdout)
        self.assertIn("\nWith the snapshot file n\\x1b[2J\\u202e.json:\n\n```json\n{\"items\":[]}\n```\n",
                      r.stdout.decode("utf-8"))


class ErrorMessages(TempDirTest):
    """Errors on stderr quote config keys and file names: shown as the text format shows them."""

    def test_unknown_config_key_is_shown_escaped(self):
        with open(self.path(".wxlint.json"), "w", encoding="utf-8") as f:
            json.dump({"rules": {"\x1b[2J": "off"}}, f)
        with open(self.path("p.json"), "w", encoding="utf-8") as f:
            json.dump(contacts("work"), f)
        r = wxlint_bytes("check", "--config", ".wxlint.json", "p.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        assert_terminal_safe(self, r.stderr)
        self.assertEqual(r.stderr.decode("utf-8"),
                         'wxlint: .wxlint.json:1:25: /rules/\\x1b[2J: unknown rule id or code "\\x1b[2J"\n')

    def test_each_problem_of_a_rule_file_is_a_line(self):
        with open(self.path("org.rules.json"), "w", encoding="utf-8") as f:
            f.write('{"operation": "bulkCreateOrUpdateContacts",\n "rules": [{"id": "org/x"}]}')
        with open(self.path("p.json"), "w", encoding="utf-8") as f:
            json.dump(contacts("work"), f)
        r = wxlint_bytes("check", "--no-config", "--rules", "org.rules.json", "p.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        assert_terminal_safe(self, r.stderr)
        lines = r.stderr.decode("utf-8").splitlines()
        # Six members missing: five listed, then how many more.
        self.assertEqual(lines, ['wxlint: org.rules.json:2:12: /rules/0: missing required member "' + m + '"'
                                 for m in ("check", "code", "description", "message", "severity")]
                         + ["wxlint: org.rules.json: 1 more problem not listed"])

    def test_missing_file_name_is_shown_escaped(self):
        r = wxlint_bytes("check", "--no-config", b"gone\x1b[2J.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        assert_terminal_safe(self, r.stderr)
        self.assertIn(b"gone\\x1b[2J.json", r.stderr)


if __name__ == "__main__":
    main()
