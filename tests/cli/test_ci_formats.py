"""CI formats: gitlab, several reports in one run (--output-format FORMAT=FILE), file names
relative to the repository root (github, sarif originalUriBaseIds, gitlab), SARIF under the
multitool's GitHub rules, JUnit failures at --fail-on, and the one table of formats."""
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

from cli_support import BAD, GOOD, REPO, WARN, TempDirTest, env, main, move_users, write

MULTITOOL = os.path.join(REPO, ".deps", "node", "node_modules", ".bin", "sarif-multitool")


class GitLab(TempDirTest):
    def test_code_quality_fields(self):
        write(self.path("p", "bad.json"), move_users("911", "911"))
        write(self.path("p", "warn.json"), WARN)
        r = self.wxlint("check", "--no-config", "-f", "gitlab", "p/bad.json", "p/warn.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        issues = json.loads(r.stdout)
        self.assertEqual([(i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
                          for i in issues],
                         [("move-users/extension-emergency", "major", "p/bad.json", 9),
                          ("move-users/duplicate-extension", "major", "p/bad.json", 13),
                          ("move-users/extension-emergency", "major", "p/bad.json", 13),
                          ("envelope/no-example", "minor", "p/warn.json", 3)])
        for i in issues:
            self.assertEqual(set(i), {"description", "check_name", "fingerprint", "severity", "location"})
            self.assertRegex(i["fingerprint"], r"^[0-9a-f]{16}$")
        self.assertTrue(issues[0]["description"].startswith("4911 "), issues[0]["description"])
        self.assertEqual(len({i["fingerprint"] for i in issues}), 4)

    def test_paths_relative_to_ci_project_dir(self):
        write(self.path("repo", "payloads", "bad.json"), BAD)
        os.makedirs(self.path("repo", "tools"))
        r = self.wxlint("check", "--no-config", "-f", "gitlab", "../payloads/bad.json", cwd=self.path("repo", "tools"),
                        environ=env(CI_PROJECT_DIR=self.path("repo")))
        self.assertEqual([i["location"]["path"] for i in json.loads(r.stdout)], ["payloads/bad.json"])

    def test_clean_run_is_an_empty_array(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "-f", "gitlab", "good.json")
        self.assertEqual((r.returncode, r.stdout), (0, "[]\n"))


class SeveralReports(TempDirTest):
    def test_sarif_and_junit_files_while_the_terminal_gets_text(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "--output-format", "sarif=a.sarif", "--output-format", "junit=b.xml",
                        "--output-format", "gitlab=c.json", "bad.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stdout, r"^bad\.json:13:24: error\[4911\]: .*\n1 file checked: 1 error, 0 warnings, 0 infos\n$")
        with open(self.path("a.sarif"), encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)["runs"][0]["results"]), 1)
        self.assertEqual(len(ET.parse(self.path("b.xml")).getroot().findall("testsuite/testcase/failure")), 1)
        with open(self.path("c.json"), encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)), 1)

    def test_with_format_and_output(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "a.json", "--output-format", "junit=b.xml", "bad.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stdout.startswith("bad.json:13:24: "), r.stdout)
        with open(self.path("a.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["summary"]["errors"], 1)
        self.assertTrue(os.path.exists(self.path("b.xml")))

    def test_format_to_stdout(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "--output-format", "gitlab=-", "--output-format", "sarif=a.sarif", "bad.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(json.loads(r.stdout)[0]["check_name"], "move-users/extension-emergency")

    def test_bad_specs_exit_2_before_writing(self):
        write(self.path("bad.json"), BAD)
        for args, message in [
            (["--output-format", "pdf=a.pdf"],
             'wxlint: --output-format takes FORMAT=FILE with FORMAT one of text, json, sarif, github, gitlab, junit, '
             'not "pdf=a.pdf"\n'),
            (["--output-format", "sarif"],
             'wxlint: --output-format takes FORMAT=FILE with FORMAT one of text, json, sarif, github, gitlab, junit, '
             'not "sarif"\n'),
            (["--output-format", "sarif=a", "--output-format", "junit=./a"], "wxlint: two reports would be written to ./a\n"),
            (["--output-format", "sarif=-", "--output-format", "junit=-"],
             "wxlint: --output-format: only one report can go to standard output (-)\n"),
            # A -f alone sends its report to standard output too: not silently replaced.
            (["-f", "json", "--output-format", "sarif=-"],
             "wxlint: --output-format: only one report can go to standard output (-)\n"),
        ]:
            r = self.wxlint("check", "--no-config", *args, "bad.json")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", message), args)
        self.assertEqual(sorted(os.listdir(self.dir)), ["bad.json"])
        r = self.wxlint("check", "--no-config", "--output-format", "sarif=bad.json", "bad.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.json", r.stderr)
        with open(self.path("bad.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), BAD)


class RepositoryRoot(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("repo", "payloads", "bad.json"), BAD)
        os.makedirs(self.path("repo", "tools"))

    def test_github_names_files_from_github_workspace(self):
        r = self.wxlint("check", "--no-config", "-f", "github", "../payloads/bad.json", cwd=self.path("repo", "tools"),
                        environ=env(GITHUB_WORKSPACE=self.path("repo")))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stdout.startswith("::error file=payloads/bad.json,line=13,"), r.stdout)

    def test_github_annotates_a_path_not_linted(self):
        r = self.wxlint("check", "--no-config", "-f", "github", "payloads/bad.json", "payloads/gone.json",
                        cwd=self.path("repo"), environ=env(GITHUB_WORKSPACE=self.path("repo")))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertTrue(r.stdout.startswith("::error file=payloads/bad.json,line=13,"), r.stdout)
        self.assertTrue(r.stdout.endswith("\n::error title=not linted::payloads/gone.json: No such file or directory\n"),
                        r.stdout)

    def test_github_names_files_from_the_git_root(self):
        os.makedirs(self.path("repo", ".git"))
        r = self.wxlint("check", "--no-config", "-f", "github", "../payloads/bad.json", cwd=self.path("repo", "tools"))
        self.assertTrue(r.stdout.startswith("::error file=payloads/bad.json,line=13,"), r.stdout)

    def test_a_file_outside_the_root_is_absolute_never_dot_dot(self):
        write(self.path("elsewhere.json"), BAD)
        r = self.wxlint("check", "--no-config", "-f", "github", "../../elsewhere.json", cwd=self.path("repo", "tools"),
                        environ=env(GITHUB_WORKSPACE=self.path("repo")))
        self.assertTrue(r.stdout.startswith("::error file=%s,line=13," % self.path("elsewhere.json")), r.stdout)

    def test_a_name_that_starts_with_two_dots_is_inside_the_root(self):
        write(self.path("repo", "..draft.json"), BAD)
        r = self.wxlint("check", "--no-config", "-f", "github", "..draft.json", cwd=self.path("repo"),
                        environ=env(GITHUB_WORKSPACE=self.path("repo")))
        self.assertTrue(r.stdout.startswith("::error file=..draft.json,line=13,"), r.stdout)

    def test_a_root_named_through_a_symbolic_link(self):
        """$GITHUB_WORKSPACE through a link, the working directory physical (or the reverse)."""
        os.symlink(self.path("repo"), self.path("link"))
        for root, cwd, name in ((self.path("link"), self.path("repo", "tools"), "../payloads/bad.json"),
                                (self.path("repo"), self.path("repo"), self.path("link", "payloads", "bad.json"))):
            r = self.wxlint("check", "--no-config", "-f", "github", name, cwd=cwd, environ=env(GITHUB_WORKSPACE=root))
            self.assertTrue(r.stdout.startswith("::error file=payloads/bad.json,line=13,"), (root, name, r.stdout))

    def test_sarif_uris_relative_to_srcroot(self):
        r = self.wxlint("check", "--no-config", "-f", "sarif", "../payloads/bad.json", cwd=self.path("repo", "tools"),
                        environ=env(GITHUB_WORKSPACE=self.path("repo")))
        run = json.loads(r.stdout)["runs"][0]
        self.assertEqual(run["originalUriBaseIds"], {"SRCROOT": {"uri": "file://" + self.path("repo") + "/"}})
        self.assertEqual(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
                         {"uri": "payloads/bad.json", "uriBaseId": "SRCROOT"})


class SarifGitHubRules(TempDirTest):
    def validate(self, name):
        # The npm wrapper runs the tool through a shell: plain arguments only.
        r = subprocess.run([MULTITOOL, "validate", name, "--rule-kind", "Gh", "-o", name + ".out"],
                           cwd=self.path("sarif"), capture_output=True, text=True, timeout=300,
                           env=env(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(self.path("sarif", name + ".out"), encoding="utf-8") as f:
            results = json.load(f)["runs"][0].get("results", [])
        return [(x["ruleId"], x.get("level", "warning")) for x in results if x.get("level", "warning") in ("error", "warning")]

    def test_multitool_github_rules_report_nothing(self):
        self.assertTrue(os.path.exists(MULTITOOL), "run scripts/setup.sh: it installs @microsoft/sarif-multitool")
        write(self.path("sub", "bad.json"), BAD)
        write(self.path("warn.json"), WARN)
        os.makedirs(self.path("sarif"))
        r = self.wxlint("check", "--no-config", "--output-format", "sarif=sarif/in.sarif", "sub/bad.json", "warn.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(self.validate("in.sarif"), [])
        # The GitHub rules did run: without locations and fingerprints they object.
        with open(self.path("sarif", "in.sarif"), encoding="utf-8") as f:
            log = json.load(f)
        for result in log["runs"][0]["results"]:
            del result["locations"], result["partialFingerprints"]
        write(self.path("sarif", "broken.sarif"), log)
        self.assertIn(("GH1015", "error"), self.validate("broken.sarif"))

    def test_files_not_linted_are_a_failed_invocation(self):
        # Exit 2 with a file that could not be read: a dashboard reading the SARIF alone must
        # not see a clean run.
        write(self.path("warn.json"), WARN)
        os.makedirs(self.path("sarif"))
        r = self.wxlint("check", "--no-config", "--output-format", "sarif=sarif/in.sarif", "warn.json", "missing.json")
        self.assertEqual(r.returncode, 2, r.stderr)
        with open(self.path("sarif", "in.sarif"), encoding="utf-8") as f:
            run = json.load(f)["runs"][0]
        self.assertEqual(run["invocations"], [{"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": "missing.json: No such file or directory"}}]}])
        self.assertEqual(len(run["results"]), 1)  # warn.json's finding
        self.assertEqual(self.validate("in.sarif"), [])
        # A run that linted every file says nothing of its invocation, as before.
        r = self.wxlint("check", "--no-config", "--output-format", "sarif=sarif/ok.sarif", "warn.json")
        with open(self.path("sarif", "ok.sarif"), encoding="utf-8") as f:
            self.assertNotIn("invocations", json.load(f)["runs"][0])

    def test_policy_ids_and_blank_texts_stay_valid(self):
        # A policy's id may be one word (a name equal to it is SARIF1001) or have no ASCII
        # letter (no name at all); its message "{value}" of an empty value, or a blank summary
        # and description, would be texts GitHub requires and refuses empty (GH1015, GH2012).
        def rule(code, rule_id, message="m {value}", summary="s", description="d"):
            return {"id": rule_id, "code": code, "severity": "error", "check": "pattern",
                    "at": "/contacts/*/displayName", "params": {"regex": "^Z"}, "message": message,
                    "summary": summary, "description": description}
        write(self.path("org.rules.json"), {"operation": "bulkCreateOrUpdateContacts", "rules": [
            rule("ORG1", "extension"), rule("ORG2", "规则"), rule("ORG3", "x/y", "{value}", " ", "\n")]})
        write(self.path("p.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
            {"displayName": "", "source": "CH", "emails": [{"value": "a@example.com", "type": "work", "primary": True}]}]})
        os.makedirs(self.path("sarif"))
        r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "--output-format", "sarif=sarif/p.sarif",
                        "p.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(self.path("sarif", "p.sarif"), encoding="utf-8") as f:
            run = json.load(f)["runs"][0]
        rules = {x["id"]: x for x in run["tool"]["driver"]["rules"]}
        self.assertEqual([(rules[i].get("name"), rules[i]["shortDescription"]["text"], rules[i]["fullDescription"]["text"],
                           rules[i]["help"]["text"]) for i in ("extension", "规则", "x/y")],
                         [(None, "s", "d", "d"), (None, "s", "d", "d"), ("XY", "x/y", "x/y", "x/y")])
        # GitHub shows help.markdown in place of help.text: it falls back the same way.
        self.assertEqual([rules[i]["help"]["markdown"] for i in ("extension", "x/y")], ["s\n\nd", "x/y\n\nx/y"])
        self.assertEqual([x["message"]["text"] for x in run["results"]], ["m ", "m ", "ORG3 x/y"])
        self.assertEqual(self.validate("p.sarif"), [])  # (SARIF1001 is not a Gh rule; its check waits on the network)


class JUnitFailOn(TempDirTest):
    def junit(self, *args):
        write(self.path("warn.json"), WARN)
        r = self.wxlint("check", "--no-config", "-f", "junit", *args, "warn.json")
        return r.returncode, ET.fromstring(r.stdout)

    def test_warning_only_file_passes_when_the_exit_code_is_0(self):
        rc, root = self.junit()
        self.assertEqual(rc, 0)
        self.assertEqual(root.get("failures"), "0")
        [suite] = root.findall("testsuite")
        self.assertEqual(suite.get("failures"), "0")
        [case] = suite.findall("testcase")
        self.assertIsNone(case.find("failure"))
        self.assertRegex(case.find("system-out").text, r"^warn\.json:3:22: warning\[WX0012\]: The example envelope has no ")

    def test_a_file_not_linted_is_an_error(self):
        rc, root = self.junit("missing.json")
        self.assertEqual(rc, 2)
        self.assertEqual((root.get("tests"), root.get("failures"), root.get("errors")), ("2", "0", "1"))
        suite = root.find("testsuite")
        self.assertEqual((suite.get("name"), suite.get("tests"), suite.get("errors")), ("not linted", "1", "1"))
        [error] = suite.findall("testcase/error")
        self.assertEqual((error.get("message"), error.get("type")), ("missing.json: No such file or directory", "not linted"))
        self.assertEqual([s.get("name") for s in root.findall("testsuite")], ["not linted", "warn.json"])

    def test_it_fails_at_fail_on(self):
        rc, root = self.junit("--fail-on", "warning")
        self.assertEqual(rc, 1)
        [failure] = root.findall("testsuite/testcase/failure")
        self.assertEqual(failure.get("type"), "warning")


class FormatTable(TempDirTest):
    def test_help_docs_and_format_option_share_one_table(self):
        r = self.wxlint("check", "--help")
        self.assertEqual(r.returncode, 0)
        help_rows = re.findall(r"^  (\w+) +(.+)$", r.stdout.split("Output formats (--format, --output-format):\n")[1], re.M)
        with open(os.path.join(REPO, "docs", "output-formats.md"), encoding="utf-8") as f:
            doc_rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", f.read(), re.M)
        self.assertEqual(help_rows, doc_rows)
        self.assertEqual([n for n, _ in help_rows], ["text", "json", "sarif", "github", "gitlab", "junit"])
        write(self.path("good.json"), GOOD)
        for name, _ in help_rows:
            self.assertEqual(self.wxlint("check", "--no-config", "-q", "-f", name, "good.json").returncode, 0, name)
        self.assertEqual(self.wxlint("check", "-f", "pdf", "good.json").returncode, 2)


if __name__ == "__main__":
    main()
