"""Config discovery: each linted file uses the nearest .wxlint.json above it (as ruff and
eslint do), wherever wxlint runs from; files with none above them, and stdin, use the
working directory's (stdin named with --stdin-filename: the one above that name); --config
forces one for all."""
import json
import os

from cli_support import BAD, GOOD, TempDirTest, main, move_users, write
from test_policy import POLICY
from test_trust_scale import MB, SANITIZED, measured

MSG = 'Invalid extension. The extension cannot be an emergency number: "911". (move-users/extension-emergency)'
UNDETECTED = "error[WX0011]: Cannot tell which Webex request this payload is for"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def finding(path, severity="error"):
    return f"{path}:13:24: {severity}[4911]: {MSG}"


class Discovery(TempDirTest):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("elsewhere"))

    def project(self, name, config, *payloads):
        write(self.path(name, ".wxlint.json"), config)
        for p in payloads:
            write(self.path(name, p), BAD)

    def test_the_project_config_applies_from_another_directory(self):
        self.project("proj", {"rules": {"move-users/extension-emergency": "warning"}}, "payloads/bad.json")
        target = self.path("proj", "payloads")
        r = self.wxlint("check", "-q", target, cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, finding(target + "/bad.json", "warning") + "\n", ""))
        # Without it, the rule's own severity: the config above was what made it a warning.
        r = self.wxlint("check", "-q", "--no-config", target, cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout), (1, finding(target + "/bad.json") + "\n"), r.stderr)

    def test_a_broken_config_where_wxlint_runs_stops_only_the_files_it_serves(self):
        self.project("proj", {"rules": {"move-users/extension-emergency": "warning"}}, "bad.json")
        write(self.path("elsewhere", ".wxlint.json"), '{"rules": {"WX9999": "off"}}')
        error = (f'wxlint: {self.path("elsewhere", ".wxlint.json")}:1:22: /rules/WX9999: unknown rule id or code '
                 '"WX9999"\n')
        r = self.wxlint("check", "-q", self.path("proj", "bad.json"), cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, finding(self.path("proj", "bad.json"), "warning") + "\n", ""))
        write(self.path("elsewhere", "bad.json"), BAD)  # served by it: its error
        r = self.wxlint("check", "-q", "bad.json", cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", error))
        r = self.wxlint("check", "-q", "-", cwd=self.path("elsewhere"), stdin=json.dumps(BAD))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", error))

    def test_the_nearest_config_wins_and_is_not_merged_with_the_ones_above(self):
        self.project("proj", {"rules": {"move-users/extension-emergency": "warning"}}, "bad.json")
        # Its ignore glob is relative to its own directory: a/bad.json, not a/deep/bad.json.
        self.project("proj/a", {"ignore": [{"files": "bad.json"}]}, "bad.json", "deep/bad.json")
        r = self.wxlint("check", "proj/bad.json", "proj/a/bad.json", "proj/a/deep/bad.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()), (1, [
            finding("proj/bad.json", "warning"),
            finding("proj/a/deep/bad.json"),  # a/.wxlint.json: the rule keeps its own severity
            "3 files checked: 1 error, 1 warning, 0 infos"]), r.stderr)

    def test_a_directory_run_does_not_lint_the_configs_as_payloads(self):
        self.project("proj", {"rules": {"move-users/extension-emergency": "warning"}}, "bad.json")
        self.project("proj/a", {}, "bad.json")
        r = self.wxlint("check", "proj", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()), (1, [
            finding("proj/a/bad.json"), finding("proj/bad.json", "warning"),
            "2 files checked: 1 error, 1 warning, 0 infos"]), r.stderr)
        # Named on the command line (pre-commit names each staged file), a config the run
        # uses is passed over too; with --no-config it is linted like any file.
        r = self.wxlint("check", "-q", "proj/.wxlint.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        r = self.wxlint("check", "-q", "--no-config", "proj/.wxlint.json", cwd=self.dir)
        self.assertIn(UNDETECTED, r.stdout)

    def test_two_projects_in_one_run_each_get_their_own(self):
        self.project("one", {"rules": {"move-users/extension-emergency": "off"}}, "bad.json")
        # Operation globs are relative to the config's directory: req/empty.json is move-users.
        self.project("two", {"rules": {"move-users/extension-emergency": "warning"},
                             "operations": {"req/*.json": "validateOrInitiateMoveUsersJob"}}, "bad.json")
        write(self.path("two", "req", "empty.json"), {})
        write(self.path("one", "req", "empty.json"), {})
        r = self.wxlint("check", "-q", "one/bad.json", "one/req/empty.json", "two/bad.json", "two/req/empty.json",
                        cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 3, r.stdout)
        self.assertTrue(lines[0].startswith("one/req/empty.json:1:1: " + UNDETECTED), lines[0])
        self.assertEqual(lines[1], finding("two/bad.json", "warning"))
        self.assertEqual(lines[2], 'two/req/empty.json:1:1: error[WX1002]: Missing required member "usersList". '
                                   "(schema/required)")

    def test_rule_files_stay_relative_to_their_config_and_rules_are_listed_once(self):
        write(self.path("two", "policy", "org.rules.json"), POLICY)
        write(self.path("two", ".wxlint.json"), {"rules": ["policy/org.rules.json"]})
        write(self.path("two", "payload.json"), move_users("2001", "3001"))
        self.project("one", {"rules": {"move-users/extension-emergency": "warning"}}, "bad.json")
        args = ("check", "-q", "one", "two/payload.json")
        r = self.wxlint(*args, cwd=self.dir)
        self.assertEqual(r.stdout.splitlines()[-2:], [
            finding("one/bad.json", "warning"),
            'two/payload.json:13:24: error[ORG001]: Extension "3001" is not one of ours. (org/extension-format)'])
        # --select knows the rules of every project of the run.
        r = self.wxlint(*args, "--select", "ORG001", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()),
                         (1, ['two/payload.json:13:24: error[ORG001]: Extension "3001" is not one of ours. '
                              "(org/extension-format)"]), r.stderr)
        # SARIF describes every rule of the run once: the catalogue and the one project's policy.
        r = self.wxlint(*args, "-f", "sarif", cwd=self.dir)
        ids = [rule["id"] for rule in json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]]
        catalogue = json.loads(self.wxlint("rules", "--format", "json").stdout)
        self.assertEqual(sorted(ids), sorted([rule["id"] for rule in catalogue] + ["org/extension-format"]))

    def test_files_without_a_config_above_them_use_the_working_directorys(self):
        self.project("proj", {"rules": {"move-users/extension-emergency": "warning"}})
        write(self.path("loose", "bad.json"), BAD)
        r = self.wxlint("check", "-q", "../loose/bad.json", cwd=self.path("proj"))
        self.assertEqual((r.returncode, r.stdout), (0, finding("../loose/bad.json", "warning") + "\n"), r.stderr)

    def test_stdin_uses_the_working_directorys_or_the_one_above_its_name(self):
        self.project("one", {"rules": {"move-users/extension-emergency": "warning"}})
        self.project("two", {"rules": {"move-users/extension-emergency": "off"}})
        text = json.dumps(BAD, indent=2) + "\n"
        r = self.wxlint("check", "-q", "-", stdin=text, cwd=self.path("one"))
        self.assertEqual((r.returncode, r.stdout), (0, finding("<stdin>", "warning") + "\n"), r.stderr)
        # Named, it uses the config above its name, as the file there would: two's turns the rule off.
        r = self.wxlint("check", "-q", "-", "--stdin-filename", "../two/x.json", stdin=text, cwd=self.path("one"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        r = self.wxlint("check", "-q", "-", "--stdin-filename", "../elsewhere/x.json", stdin=text, cwd=self.path("one"))
        self.assertEqual((r.returncode, r.stdout), (0, finding("../elsewhere/x.json", "warning") + "\n"), r.stderr)
        r = self.wxlint("check", "-q", "--no-config", "-", "--stdin-filename", "../two/x.json", stdin=text,
                        cwd=self.path("one"))
        self.assertEqual((r.returncode, r.stdout), (1, finding("../two/x.json") + "\n"), r.stderr)

    def test_config_option_forces_one_config_for_all(self):
        self.project("one", {"rules": {"move-users/extension-emergency": "off"}, "ignore": [{"files": "x.json"}]},
                     "bad.json")
        self.project("two", {"rules": {"move-users/extension-emergency": "warning"}}, "bad.json")
        r = self.wxlint("check", "-q", "--config", "one/.wxlint.json", "one/bad.json", "two/bad.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_a_bad_nested_config_is_named_at_its_place(self):
        self.project("proj", {}, "bad.json")
        write(self.path("proj", "sub", ".wxlint.json"), '{\n  "rules": {"WX2002": "of"}\n}\n')
        write(self.path("proj", "sub", "bad.json"), BAD)
        nested = self.path("proj", "sub", ".wxlint.json")
        r = self.wxlint("check", self.path("proj", "bad.json"), self.path("proj", "sub", "bad.json"),
                        cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, f"wxlint: {nested}:2:23: /rules/WX2002: must be one of off, on, error, warning, info; "
                                   'did you mean "off"?\n')
        # Found when its catalogue is built: an unknown rule id.
        write(nested, '{\n  "rules": {"no/such-rule": "off"}\n}\n')
        r = self.wxlint("check", self.path("proj", "sub", "bad.json"), cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertTrue(r.stderr.startswith(f'wxlint: {nested}:2:29: /rules/no~1such-rule: unknown rule id or code '
                                            '"no/such-rule"'), r.stderr)

    def test_an_unknown_rule_turned_on_is_named_like_any_other(self):
        # "on" changes nothing of a known rule, but a misspelt one would otherwise pass unseen.
        write(self.path("proj", "bad.json"), BAD)
        config = self.path("proj", ".wxlint.json")
        for text, place, hint in [
                ('{"rules": {"WX2O02": "on"}}', "1:22: /rules/WX2O02", ' (did you mean "WX2002"?)'),
                ('{"rules": [{"WX2002": "off"}, {"WX2O02": "on"}]}', "1:42: /rules/1/WX2O02", ' (did you mean "WX2002"?)'),
                ('{"rules": {"policy/*.rules.json": "on"}}', "1:35: /rules/policy~1*.rules.json",
                 '; a rule file goes in the list form: "rules": ["policy/*.rules.json"]')]:
            write(config, text)
            r = self.wxlint("check", self.path("proj", "bad.json"), cwd=self.dir)
            key = place.rsplit("/", 1)[1].replace("~1", "/")
            self.assertEqual((r.returncode, r.stdout, r.stderr),
                             (2, "", f'wxlint: {config}:{place}: unknown rule id or code "{key}"{hint}\n'), text)
        # A later entry for the key replaces "on": then it is "off"'s to name.
        write(config, '{"rules": [{"4911": "on"}, {"4911": "off"}]}')
        r = self.wxlint("check", "-q", self.path("proj", "bad.json"), cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, ""), r.stdout)

    def test_fix_writes_nothing_when_a_later_config_is_bad(self):
        fixable = json.dumps(dict(GOOD, usersList=[dict(GOOD["usersList"][0], validate="false")]))
        write(self.path("proj", "fix.json"), fixable)
        self.project("proj/sub", {"rules": {"no/such-rule": "off"}}, "bad.json")
        r = self.wxlint("check", "--fix", "proj", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("/rules/no~1such-rule: unknown rule id or code", r.stderr)
        self.assertEqual(read(self.path("proj", "fix.json")), fixable)
        # Once the config is mended, the same run fixes the file.
        write(self.path("proj", "sub", ".wxlint.json"), {})
        r = self.wxlint("check", "--fix", "proj", cwd=self.dir)
        self.assertEqual(json.loads(read(self.path("proj", "fix.json")))["usersList"][0]["validate"], False, r.stderr)

    def test_a_bad_config_sharing_a_catalogue_is_named_at_its_place(self):
        # Both configs build the same linter; the second's ignore names an unknown rule.
        self.project("one", {"ignore": [{"files": "x.json"}]}, "bad.json")
        write(self.path("two", ".wxlint.json"), '{\n  "ignore": [{"rule": "WX9999"}]\n}\n')
        write(self.path("two", "bad.json"), BAD)
        r = self.wxlint("check", "one/bad.json", "two/bad.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, f'wxlint: {self.path("two", ".wxlint.json")}:2:23: /ignore/0/rule: unknown rule id '
                                   'or code "WX9999"\n')  # no other code offered: WX1099 is no typo of it

    def test_a_nested_config_others_may_write_is_refused(self):
        self.project("proj", {}, "bad.json")
        self.project("proj/sub", {"rules": {"move-users/extension-emergency": "off"}}, "bad.json")
        nested = self.path("proj", "sub", ".wxlint.json")
        os.chmod(nested, 0o666)
        r = self.wxlint("check", "proj", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, f"wxlint: refusing {nested}: anyone may write it (mode 0666); "
                                   f"name it to use it (--config {nested}, or the library's \"config\" option)\n")

    def test_a_nearest_config_that_cannot_be_read_is_not_passed_over(self):
        # The one above would apply in its place: a policy the project replaced.
        self.project("proj", {"rules": {"move-users/extension-emergency": "off"}}, "sub/bad.json")
        nested = self.path("proj", "sub", ".wxlint.json")
        tail = "; fix or remove it (wxlint uses the nearest .wxlint.json only, it does not fall back to one above)\n"
        cases = [(lambda: os.symlink("../../shared/wxlint.json", nested),
                  "it is a symbolic link to ../../shared/wxlint.json, which does not exist"),
                 (lambda: os.symlink(".wxlint.json", nested), "it is a symbolic link to .wxlint.json that never reaches "
                                                              "a file (a loop)"),
                 (lambda: os.symlink("/dev/zero", nested), "it links to a character device, not a file"),
                 (lambda: os.mkdir(nested), "it is a directory, not a file"),
                 (lambda: os.mkfifo(nested), "it is a FIFO, not a file")]
        for make, why in cases:
            with self.subTest(why=why):
                make()
                expected = (2, "", f"wxlint: {nested}: {why}{tail}")
                for args, cwd in [(["check", "proj/sub/bad.json"], self.dir),
                                  (["check", "-"], self.path("proj", "sub")),
                                  (["check", "--stdin-filename", self.path("proj", "sub", "p.json"), "-"], self.dir),
                                  (["snapshot", "info"], self.path("proj", "sub"))]:
                    r = self.wxlint(*args, cwd=cwd, stdin=json.dumps(BAD))
                    self.assertEqual((r.returncode, r.stdout, r.stderr), expected, args)
                (os.rmdir if os.path.isdir(nested) and not os.path.islink(nested) else os.remove)(nested)
        r = self.wxlint("check", "-q", "proj/sub/bad.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))  # mended: the one above applies

    def test_a_projects_snapshot_is_not_linted_from_elsewhere(self):
        self.project("proj", {"snapshot": ["payloads/org"]}, "payloads/bad.json")
        write(self.path("proj", "payloads", "org", "people.json"), {"items": []})
        r = self.wxlint("check", self.path("proj", "payloads"), cwd=self.path("elsewhere"))
        self.assertEqual((r.returncode, r.stdout.splitlines()), (1, [
            finding(self.path("proj", "payloads", "bad.json")), "1 file checked: 1 error, 0 warnings, 0 infos"]),
            r.stderr)

    def test_a_report_never_replaces_a_nested_config(self):
        self.project("proj", {}, "bad.json")
        nested = self.path("proj", ".wxlint.json")
        before = read(nested)
        r = self.wxlint("check", "-f", "json", "-o", nested, "proj/bad.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(".wxlint.json", r.stderr)
        self.assertEqual(read(nested), before)

    def test_many_projects_stay_small(self):
        # A distinct config is a catalogue of its own (a megabyte or two): each is freed
        # once its files are linted, so 60 projects stay far below 64 MB.
        for i in range(60):
            self.project(f"p{i:02}", {"operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": i + 1}}},
                         "bad.json")
        paths = [f"p{i:02}/bad.json" for i in range(60)]
        r = self.wxlint("check", "-q", "--select", "4911", *paths, cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()), (1, [finding(p) for p in paths]), r.stderr)
        if SANITIZED:
            self.skipTest("peak memory is measured in the release build only")
        rc, peak, _ = measured("check", "-q", *paths, cwd=self.dir, timeout=120)
        self.assertEqual(rc, 1)
        self.assertLess(peak, 48 * MB)

if __name__ == "__main__":
    main()
