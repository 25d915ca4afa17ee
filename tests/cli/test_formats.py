"""Output formats: sarif (checked by Microsoft's SARIF validator), github, junit, --output,
--statistics and the automatic github format under GitHub Actions."""
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

from cli_support import BAD, GOOD, REPO, WARN, TempDirTest, env, main, move_users, write

MULTITOOL = os.path.join(REPO, ".deps", "node", "node_modules", ".bin", "sarif-multitool")


class Sarif(TempDirTest):
    def sarif(self, *paths):
        r = self.wxlint("check", "--no-config", "-f", "sarif", *paths)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return r.stdout

    def test_microsoft_validator_reports_no_errors_or_warnings(self):
        self.assertTrue(os.path.exists(MULTITOOL), "run scripts/setup.sh: it installs @microsoft/sarif-multitool")
        write(self.path("sub", "bad.json"), BAD)
        write(self.path("warn.json"), WARN)
        write(self.path("broken.json"), '{"usersList": [')
        write(self.path("sarif", "in.sarif"), self.sarif("sub/bad.json", "warn.json", "broken.json"))
        out = self.path("sarif", "validation.sarif")
        # The npm wrapper runs the tool through a shell: plain arguments only.
        r = subprocess.run([MULTITOOL, "validate", "in.sarif", "-o", "validation.sarif"], cwd=self.path("sarif"),
                           capture_output=True, text=True, timeout=300,
                           env=env(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(out, encoding="utf-8") as f:
            results = json.load(f)["runs"][0].get("results", [])
        problems = [(x["ruleId"], x.get("level", "warning"), x["message"]) for x in results
                    if x.get("level", "warning") in ("error", "warning")]
        self.assertEqual(problems, [])

    def test_driver_rules_results_and_locations(self):
        write(self.path("sub", "bad.json"), BAD)
        log = json.loads(self.sarif("sub/bad.json"))
        self.assertEqual(log["version"], "2.1.0")
        run = log["runs"][0]
        driver = run["tool"]["driver"]
        self.assertEqual(driver["name"], "wxlint")
        self.assertTrue(driver["version"] and driver["informationUri"].startswith("https://"))
        catalogue = json.loads(self.wxlint("rules", "-f", "json").stdout)
        self.assertEqual([r["id"] for r in driver["rules"]], [r["id"] for r in catalogue])
        for rule in driver["rules"]:
            for key in ("shortDescription", "fullDescription", "help"):
                self.assertTrue(rule[key]["text"], (rule["id"], key))
            self.assertIn("docs/rules.md#", rule["helpUri"])
            self.assertIn(rule["defaultConfiguration"]["level"], ("error", "warning", "note"))
        [result] = run["results"]
        self.assertEqual(result["ruleId"], "move-users/extension-emergency")
        self.assertEqual(driver["rules"][result["ruleIndex"]]["id"], result["ruleId"])
        self.assertEqual(result["level"], "error")
        self.assertIn("emergency", result["message"]["text"])
        loc = result["locations"][0]["physicalLocation"]
        self.assertEqual(loc["artifactLocation"]["uri"], "sub/bad.json")
        self.assertEqual(set(loc["region"]), {"startLine", "startColumn", "endLine", "endColumn"})

    def test_fingerprints_survive_moved_lines(self):
        write(self.path("bad.json"), BAD)
        first = json.loads(self.sarif("bad.json"))["runs"][0]["results"][0]
        write(self.path("bad.json"), "\n\n\n" + json.dumps(BAD, indent=2))
        moved = json.loads(self.sarif("bad.json"))["runs"][0]["results"][0]
        self.assertNotEqual(first["locations"][0]["physicalLocation"]["region"]["startLine"],
                            moved["locations"][0]["physicalLocation"]["region"]["startLine"])
        self.assertEqual(first["partialFingerprints"], moved["partialFingerprints"])
        self.assertTrue(first["partialFingerprints"])


    def test_levels_follow_severities(self):
        # error -> "error", warning -> "warning", info -> "note", as results and as the rules' defaults.
        with open(os.path.join(REPO, "examples", "bulk-contacts.envelope.json"), encoding="utf-8") as f:
            write(self.path("contacts.json"), json.load(f))
        run = json.loads(self.sarif("contacts.json"))["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        levels = {(x["ruleId"], x["level"], rules[x["ruleIndex"]]["defaultConfiguration"]["level"]) for x in run["results"]}
        self.assertIn(("contacts/source-broadworks-entitlement", "note", "note"), levels)
        self.assertIn(("contacts/phone-e164", "warning", "warning"), levels)
        self.assertIn(("contacts/sip-format", "error", "error"), levels)

    def test_fingerprints_tell_files_apart(self):
        # The same finding in two files is two findings to code scanning.
        write(self.path("a.json"), BAD)
        write(self.path("b.json"), BAD)
        a, b = json.loads(self.sarif("a.json", "b.json"))["runs"][0]["results"]
        self.assertEqual((a["ruleId"], a["message"]), (b["ruleId"], b["message"]))
        self.assertNotEqual(a["partialFingerprints"], b["partialFingerprints"])


    def test_findings_of_one_rule_at_one_place_get_fingerprints_of_their_own(self):
        # Two unknown keys of one embedded address: one alert each, in SARIF and GitLab alike.
        with open(os.path.join(REPO, "testdata", "bulk-contacts", "address.json"), encoding="utf-8") as f:
            write(self.path("a.json"), json.load(f))
        results = json.loads(self.sarif("a.json"))["runs"][0]["results"]
        at = [x for x in results if x["properties"]["pointer"] == "/contacts/2/address"]
        self.assertEqual(len({x["ruleId"] for x in at}), 1)
        self.assertGreater(len(at), 1)
        prints = [x["partialFingerprints"]["wxlintKey/v2"] for x in results]
        self.assertEqual(len(set(prints)), len(prints))
        issues = json.loads(self.wxlint("check", "--no-config", "-f", "gitlab", "a.json").stdout)
        self.assertEqual([i["fingerprint"] for i in issues], prints)
        # A finding alone at its place keeps the fingerprint of its rule, key and file, whatever its wording.
        write(self.path("bad.json"), BAD)
        [one] = json.loads(self.sarif("bad.json"))["runs"][0]["results"]
        write(self.path("bad.json"), json.dumps(BAD).replace('"911"', '"112"'))
        [two] = json.loads(self.sarif("bad.json"))["runs"][0]["results"]
        self.assertNotEqual(one["message"], two["message"])
        self.assertEqual(one["partialFingerprints"], two["partialFingerprints"])

class GitHub(TempDirTest):
    def test_annotation_lines_and_escaping(self):
        # A file name with , and : and a value with % and a newline, all quoted in the output.
        write(self.path("a,b:c.json"), move_users("2001", "1%2\n3"))
        write(self.path("warn.json"), WARN)
        r = self.wxlint("check", "--no-config", "-f", "github", "a,b:c.json", "warn.json")
        self.assertEqual(r.returncode, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 2, r.stdout)
        self.assertRegex(lines[0], r"^::error file=a%2Cb%3Ac\.json,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,"
                                   r"title=4910 move-users/extension-digits::")
        self.assertIn('"1%252%0A3"', lines[0])  # data: % and newline escaped, percent first
        self.assertTrue(lines[1].startswith("::warning file=warn.json,"), lines[1])

    def test_columns_only_for_a_finding_on_one_line(self):
        # GitHub takes col/endColumn only when line == endLine: a user object spanning lines.
        p = os.path.join(REPO, "testdata", "validateOrInitiateMoveUsersJob", "number-or-extension.json")
        r = self.wxlint("check", "--no-config", "-f", "github", p)
        self.assertEqual(r.returncode, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], f"::error file={p},line=10,endLine=14,title=1026016 move-users/number-or-extension::"
                                   "User should have either phone number or extension: both are given empty, which "
                                   "removes them both; give this user an extension or an E.164 phoneNumber, or leave "
                                   "both out to keep the current ones.")
        self.assertTrue(lines[-1].startswith(f"::error file={p},line=17,endLine=17,col=24,endColumn=29,title=4910 "),
                        lines[-1])

    def test_chosen_under_github_actions_unless_format_given(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "bad.json", environ=env(GITHUB_ACTIONS="true"))
        self.assertTrue(r.stdout.startswith("::error file=bad.json,"), r.stdout)
        r = self.wxlint("check", "--no-config", "-f", "text", "bad.json", environ=env(GITHUB_ACTIONS="true"))
        self.assertEqual(r.stdout.split("\n")[1][:9], "bad.json:", r.stdout)  # after ::stop-commands::
        r = self.wxlint("check", "--no-config", "bad.json", environ=env(GITHUB_ACTIONS="false"))
        self.assertTrue(r.stdout.startswith("bad.json:"), r.stdout)

    def test_diff_under_github_actions_pauses_workflow_commands(self):
        # A diff prints payload lines: "##[cmd]" in one of them would reach the runner.
        payload = {"schemas": "urn:cisco:codev:identity:contact:core:1.0",
                   "contacts": [{"displayName": "##[warning]x", "source": "ch",
                                 "emails": [{"value": "a@example.com", "type": "work", "primary": True}]}]}
        write(self.path("c.json"), payload)
        r = self.wxlint("check", "--no-config", "--diff", "c.json", environ=env(GITHUB_ACTIONS="true"))
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: 1 fix would apply to 1 file\n"))
        lines = r.stdout.split("\n")
        token = re.fullmatch(r"::stop-commands::(wxlint-[0-9a-f]{32})", lines[0])
        self.assertTrue(token, r.stdout)
        self.assertEqual(lines[1:3], ["--- a/c.json", "+++ b/c.json"])
        self.assertEqual(lines[-2:], [f"::{token.group(1)}::", ""])
        self.assertIn('##[warning]x', r.stdout)
        # Elsewhere the diff is as it was.
        r = self.wxlint("check", "--no-config", "--diff", "c.json", environ=env(GITHUB_ACTIONS=""))
        self.assertTrue(r.stdout.startswith("--- a/c.json\n"), r.stdout)

    def test_text_under_github_actions_pauses_workflow_commands(self):
        # The runner acts on "::cmd::" at a line's start and on "##[cmd]" anywhere: a file
        # name and a value would forge an annotation and stop the step's own commands.
        name = "::warning::x.json"
        payload = {"schemas": "urn:cisco:codev:identity:contact:core:1.0",
                   "contacts": [{"displayName": "X", "source": "CH",
                                 "emails": [{"value": "a@example.com", "type": "##[stop-commands]t", "primary": True}]}]}
        write(self.path(name), payload)
        write(self.path("good.json"), GOOD)
        runs = [self.wxlint("check", "--no-config", "-f", "text", "--output-format", "sarif=r.sarif", "--statistics",
                            name, environ=env(GITHUB_ACTIONS="true")) for _ in range(2)]
        tokens = []
        for r in runs:
            self.assertEqual(r.returncode, 1, r.stderr)
            lines = r.stdout.split("\n")
            token = re.fullmatch(r"::stop-commands::(wxlint-[0-9a-f]{32})", lines[0])
            self.assertTrue(token, r.stdout)
            tokens.append(token.group(1))
            self.assertEqual(lines[1:], [
                name + ':10:19: error[WX3012]: emails type "##[stop-commands]t" is not allowed; '
                'use one of: work, home, room, other. (contacts/email-type)',
                "1 file checked: 1 error, 0 warnings, 0 infos",
                "     1  WX3012  contacts/email-type",
                f"::{tokens[-1]}::", ""])
        self.assertNotEqual(tokens[0], tokens[1])  # random: no input can end the pause
        # Nothing to pause for without findings, nor outside GitHub Actions.
        r = self.wxlint("check", "--no-config", "-f", "text", "good.json", environ=env(GITHUB_ACTIONS="true"))
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"))
        r = self.wxlint("check", "--no-config", "-f", "text", name)
        self.assertTrue(r.stdout.startswith(name + ":10:19: error[WX3012]"), r.stdout)


class JUnit(TempDirTest):
    def test_parses_with_one_suite_per_file(self):
        write(self.path("bad.json"), move_users("2001", "9<1&"))
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "-f", "junit", "bad.json", "good.json")
        self.assertEqual(r.returncode, 1)
        root = ET.fromstring(r.stdout)
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites], ["bad.json", "good.json"])
        failures = suites[0].findall("testcase/failure")
        self.assertEqual(len(failures), 1)
        self.assertRegex(failures[0].get("message"), r"^bad\.json:\d+:\d+: .*9<1&")
        self.assertIn("/usersList/0/users/1/extension", failures[0].text)
        self.assertEqual(suites[1].get("failures"), "0")
        self.assertEqual(len(suites[1].findall("testcase")), 1)


class OutputAndStatistics(TempDirTest):
    def test_output_file_gets_the_format_and_the_terminal_text(self):
        write(self.path("bad.json"), BAD)
        os.mkdir(self.path("out"))
        r = self.wxlint("check", "--no-config", "-f", "sarif", "--output", "out/report.sarif", "bad.json")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("bad.json:"), r.stdout)
        with open(self.path("out", "report.sarif"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["version"], "2.1.0")
        self.assertEqual(os.listdir(self.path("out")), ["report.sarif"])  # no temp file left behind

    def test_output_into_a_missing_directory_exits_2(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "nowhere/report.json", "bad.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nowhere/report.json", r.stderr)

    def test_statistics_count_per_code(self):
        write(self.path("a.json"), BAD)
        write(self.path("b.json"), BAD)
        write(self.path("c.json"), WARN)
        r = self.wxlint("check", "--no-config", "--statistics", "a.json", "b.json", "c.json")
        tail = r.stdout.splitlines()[-2:]
        self.assertEqual([line.split() for line in tail],
                         [["2", "4911", "move-users/extension-emergency"], ["1", "WX0012", "envelope/no-example"]])

    def test_statistics_of_a_clean_run_say_no_findings_once(self):
        write(self.path("good.json"), GOOD)
        self.assertEqual(self.wxlint("check", "--no-config", "--statistics", "good.json").stdout,
                         "1 file checked: no findings\n")
        self.assertEqual(self.wxlint("check", "--no-config", "-q", "--statistics", "good.json").stdout, "no findings\n")
        r = self.wxlint("check", "--no-config", "-f", "json", "--statistics", "good.json")
        self.assertEqual(r.stderr, "no findings\n")

    def test_statistics_keep_json_stdout_parseable(self):
        write(self.path("a.json"), BAD)
        r = self.wxlint("check", "--no-config", "--statistics", "-f", "json", "a.json")
        json.loads(r.stdout)
        self.assertIn("4911", r.stderr)


if __name__ == "__main__":
    main()
