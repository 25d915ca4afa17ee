"""Trust in configuration: numeric settings and rule parameters out of range are exit 2 at
their place (.wxlint.json, or the --rules-dir rule file); a .wxlint.json found by the upward
search that is not yours, or that others may write, is refused; ignore globs and many ignore
entries cost time in proportion, and ignore the same findings."""
import json
import os
import resource
import shutil
import unittest

from cli_support import BAD, GOOD, LOCATION, REPO, TempDirTest, main, write

MOVE_USERS = "rules/validateOrInitiateMoveUsersJob.rules.json"
RANGE = "must be an integer from {} to 1000000000, not {}"
MAX_USERS = '; rule move-users/too-many-users uses it as "max"'


def position(text, marker, offset=0):
    """1-based line:column of text.index(marker) + offset (ASCII text)."""
    at = text.index(marker) + offset
    line = text.count("\n", 0, at) + 1
    return "{}:{}".format(line, at - (text.rfind("\n", 0, at) + 1) + 1)


class Refused(TempDirTest):
    def assert_refused(self, expected, *args, cwd=None):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", *args, self.path("good.json"), cwd=cwd or self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: " + expected + "\n"))


class BadBaselines(Refused):
    """A baseline file that is not one: exit 2 at its place, each problem in words."""

    def test_each_problem_at_its_place(self):
        finding = '{"file": "a", "rule": "r", "pointer": "/x", "messageHash": "h", "count": %s}'
        for text, said in [
                ('[]', 'b.json:1:1: (root): a baseline is an object {"version": 3, "findings": [...]}'),
                ('{"version": 4, "findings": []}', "b.json:1:13: /version: unsupported baseline version (expected 1, 2 or 3)"),
                ('{"version": 1}', 'b.json:1:1: (root): needs an array "findings"'),
                ('{"version": 1, "findings": {}}', "b.json:1:28: /findings: must be an array of findings, not an object"),
                ('{"version": 1, "findings": [3]}', "b.json:1:29: /findings/0: each finding is an object"),
                ('{"version": 1, "findings": [%s]}' % (finding % "0"),
                 "b.json:1:102: /findings/0/count: must be a whole number from 1 to 4294967295, not 0"),
                ('{"version": 1, "findings": [%s]}' % (finding % "18446744073709551615"),
                 "b.json:1:102: /findings/0/count: must be a whole number from 1 to 4294967295, not 18446744073709551615")]:
            with self.subTest(text=text):
                write(self.path("b.json"), text)
                self.assert_refused(said, "--no-config", "--baseline", "b.json")


class EmptyValues(TempDirTest):
    """An empty value (an unset shell variable) is refused, not taken as "not given": a
    `--baseline "$B"` would report every finding, a `--generate-baseline "$B"` write nothing."""

    def test_each_option_that_names_something(self):
        write(self.path("good.json"), GOOD)
        cases = [("check", "--config", "a config file"), ("check", "--baseline", "a baseline file"),
                 ("check", "--generate-baseline", "a file, or - for stdout"),
                 ("check", "-o", "a file, or - for stdout", "--output"), ("check", "--operation", "an operationId"),
                 ("check", "--rules", "a rule file"), ("check", "--rules-dir", "a directory"),
                 ("check", "--stdin-filename", "a name"), ("check", "--region", "a region code (US, GB...)"),
                 ("rules", "--rules", "a rule file"), ("rules", "--rules-dir", "a directory"),
                 ("explain", "--rules", "a rule file"), ("explain", "--rules-dir", "a directory"),
                 ("snapshot info", "--region", "a region code (US, GB...)")]
        cases += [("check", "-j", "a whole number of at least 1", "--jobs")]
        # Options taking one of a few words: CLI11 alone said "--format:  not in {...}".
        cases += [("check", "-f", "text, json, sarif, github, gitlab or junit", "--format"),
                  ("check", "--fail-on", "error, warning or info"), ("check", "--color", "auto, always or never"),
                  ("rules", "--format", "text, json or markdown"), ("snapshot info", "--format", "text or json")]
        for command, option, what, *shown in cases:
            long_name = shown[0] if shown else option
            # "--name=$UNSET" too: CLI11 alone would take the next argument as the value.
            for given in [[option, ""], [long_name + "="]]:
                with self.subTest(command=command, given=given):
                    operand = {"check": ["good.json"], "explain": ["WX0001"], "snapshot info": [REPO + "/examples/snapshot"]}
                    r = self.wxlint(*command.split(), *given, *operand.get(command, []))
                    self.assertEqual((r.returncode, r.stdout), (2, ""))
                    self.assertEqual(r.stderr, "wxlint: {}: the value is empty: give {}\nRun with --help for more information.\n"
                                     .format(long_name, what))
        r = self.wxlint("completions", "")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: shell: the value is empty: give bash, zsh or fish\nRun with --help for more information.\n"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["good.json"])  # nothing written

    def test_a_list_of_only_commas_is_empty_and_takes_no_payload(self):
        # CLI11 split "," into no item and took good.json as --select's value.
        write(self.path("good.json"), GOOD)
        for given in (["--select", ","], ["--select=,,"], ["--ignore", ","]):
            with self.subTest(given=given):
                r = self.wxlint("check", "--no-config", *given, "good.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: {}: the value is empty: give rule "
                                 "ids or codes\n".format(given[0].split("=")[0])))

    def test_an_empty_snapshot_after_an_equals_sign_takes_no_payload(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--snapshot=", "good.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: the snapshot path is empty: give its files or their directory\n"))

    def test_a_flag_after_a_bare_double_dash_is_a_path(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "-q", "--", "--jobs=")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: --jobs=: No such file or directory\n"))

    def test_operands_after_a_double_dash_are_the_commands_wherever_it_stands(self):
        """`check a.json -- -b.json`: CLI11 alone refused -b.json once check had an operand."""
        write(self.path("good.json"), GOOD)
        write(self.path("-bad.json"), BAD)
        for args in [["good.json", "--", "-bad.json"], ["--", "good.json", "-bad.json"]]:
            with self.subTest(args=args):
                r = self.wxlint("check", "--no-config", "-f", "json", *args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual([f["path"] for f in json.loads(r.stdout)["files"]], ["good.json", "-bad.json"])
        r = self.wxlint("explain", "WX0001", "--", "x")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: the operand x was not expected: only check and snapshot info take paths after --\n"))

    def test_usage_errors_are_worded_as_wxlints_own(self):
        """An argument error is prefixed as every other error is, so a log shows whose it is."""
        for args, said in [(["check", "--bogus"], "The following argument was not expected: --bogus"),
                           (["check", "-f", "pdf"], "--format: pdf not in {text,json,sarif,github,gitlab,junit}"),
                           ([], "A subcommand is required")]:
            with self.subTest(args=args):
                r = self.wxlint(*args)
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", "wxlint: " + said + "\nRun with --help for more information.\n"))
        r = self.wxlint("snapshot")  # the command's commands named
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", 'wxlint: "snapshot" needs a command: info, pull\n'))

    def test_an_empty_path(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "", "good.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: a path is empty: name a file\n"))
        self.assertEqual(r.stdout, "1 file checked: no findings\n1 path failed (see above): exit code 2\n")  # the other files are still linted


class PathsWithANul(Refused):
    """A config path holding NUL would be read only up to it, and name another file."""

    def test_snapshot_and_rules_paths(self):
        os.makedirs(self.path("org"))
        for config, said in [('{"snapshot": "org\\u0000junk"}', ":1:14: /snapshot"),
                             ('{"snapshot": ["org", "org\\u0000"]}', ":1:22: /snapshot/1"),
                             ('{"rules": ["a\\u0000.json"]}', ":1:12: /rules/0")]:
            write(self.path(".wxlint.json"), config)
            self.assert_refused(".wxlint.json" + said + ": a path cannot hold a NUL character (\\u0000)",
                                "--config", ".wxlint.json")


class NumericSettings(Refused):
    """.wxlint.json settings, at their place in .wxlint.json."""

    def check_setting(self, config, pointer, problem):
        write(self.path(".wxlint.json"), config)
        member = '"{}": '.format(pointer.rsplit("/", 1)[-1])  # the value follows it
        self.assert_refused("{}:{}: {}: {}".format(
            self.path(".wxlint.json"), position(config, member, len(member)), pointer, problem))

    def test_negative_zero_and_huge(self):
        for value in ("-1", "-9223372036854775808", "9223372036854775807", "18446744073709551615", "1000000001",
                      "1e300", "2.5"):
            with self.subTest(value=value):
                self.check_setting('{\n  "settings": {"maxUsers": %s}\n}\n' % value, "/settings/maxUsers",
                                   RANGE.format(0, value) + MAX_USERS)
        self.check_setting('{"settings": {"maxNameLength": 0}}', "/settings/maxNameLength",
                           RANGE.format(1, 0) + '; rule contacts/name-too-long uses it as "max"')

    def test_a_string_where_an_integer_is_expected(self):
        self.check_setting('{"settings": {"maxUsers": "100"}}', "/settings/maxUsers",
                           "must be an integer like the default 100, not a string")

    def test_per_operation(self):
        op = "validateOrInitiateMoveUsersJob"
        self.check_setting('{"operations": {"%s": {"maxUsers": -1}}}' % op,
                           "/operations/{}/maxUsers".format(op), RANGE.format(0, -1) + MAX_USERS)
        config = '{"settings": {"%s/maxUsers": 9223372036854775807}}' % op
        write(self.path(".wxlint.json"), config)
        self.assert_refused("{}:{}: /settings/{}~1maxUsers: {}".format(
            self.path(".wxlint.json"), position(config, "92233"), op, RANGE.format(0, 9223372036854775807) + MAX_USERS))

    def test_min_above_max_blames_the_setting_the_user_chose(self):
        self.check_setting('{"settings": {"minExtensionLength": 12}}', "/settings/minExtensionLength",
                           'is greater than max (10); rule assign-licenses/extension-length uses it as "min"')
        self.check_setting('{"settings": {"maxExtensionLength": 1}}', "/settings/maxExtensionLength",
                           'is less than min (2); rule assign-licenses/extension-length uses it as "max"')

    def test_edges_of_the_range_lint(self):
        write(self.path("good.json"), GOOD)  # two users
        write(self.path(".wxlint.json"), {"settings": {"maxUsers": 0}})
        r = self.wxlint("check", "-q", "good.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("error[1026018]: Selected Users list exceeds the maximum limit: 2 users in one request, at most 0",
                      r.stdout)
        write(self.path(".wxlint.json"), {"settings": {"maxUsers": 1000000000}})
        self.assertEqual(self.wxlint("check", "good.json").returncode, 0)


class RulesDirParameters(Refused):
    """Rule files loaded by --rules-dir, at their place in the rule file (named where they were read)."""

    def rules_dir(self, old, new):
        d = self.path("catalogue")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(os.path.join(d, "rules"))
        shutil.copytree(os.path.join(REPO, "schemas"), os.path.join(d, "schemas"))
        with open(os.path.join(REPO, MOVE_USERS), encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text.count(old), 1, old)
        text = text.replace(old, new)
        write(os.path.join(d, MOVE_USERS), text)
        return d, text

    def rule_index(self, rule_id):
        with open(os.path.join(REPO, MOVE_USERS), encoding="utf-8") as f:
            return [r["id"] for r in json.load(f)["rules"]].index(rule_id)

    def test_count_max_out_of_range(self):
        index = self.rule_index("move-users/validate-single-user")
        for value, problem in (("-1", RANGE.format(0, -1)),
                               ("9223372036854775807", RANGE.format(0, 9223372036854775807)),
                               ("-9223372036854775808", RANGE.format(0, -9223372036854775808)),
                               ('"1"', RANGE.format(0, "a string"))):
            with self.subTest(value=value):
                old = '"params": {"of": "/usersList/*/users/*", "max": 1}'
                d, text = self.rules_dir(old, old.replace('"max": 1', '"max": ' + value))
                self.assert_refused("{}:{}: /rules/{}/params/max: {}".format(
                    os.path.join(d, MOVE_USERS), position(text, '"max": ' + value, 7), index, problem), "--rules-dir", d)

    def test_a_rule_files_setting_is_reported_at_the_setting(self):
        d, text = self.rules_dir('"maxUsers": 100', '"maxUsers": -1')
        self.assert_refused("{}:{}: /settings/maxUsers: {}".format(
            os.path.join(d, MOVE_USERS), position(text, '"maxUsers": -1', 12), RANGE.format(0, -1) + MAX_USERS), "--rules-dir", d)

    def test_the_users_setting_is_reported_in_wxlint_json(self):
        d, _ = self.rules_dir('"maxUsers": 100', '"maxUsers": 50')
        config = '{"settings": {"maxUsers": 9223372036854775807}}'
        write(self.path(".wxlint.json"), config)
        self.assert_refused("{}:{}: /settings/maxUsers: {}".format(
            self.path(".wxlint.json"), position(config, "92233"), RANGE.format(0, 9223372036854775807) + MAX_USERS),
            "--rules-dir", d)


@unittest.skipUnless(hasattr(os, "geteuid"), "POSIX ownership")
class Ownership(Refused):
    """A .wxlint.json found by searching upward must be yours and writable by you alone."""

    def setUp(self):
        super().setUp()
        # Everything ignored, as an attacker would plant it: a failing payload then passes.
        self.config = write(self.path(".wxlint.json"), {"ignore": [{"files": "**"}]})
        os.makedirs(self.path("work"))
        write(self.path("work", "bad.json"), {"usersList": [{"locationId": LOCATION, "users": [{"userId": "x"}]}]})

    def message(self, why):
        return "refusing {0}: {1}; name it to use it (--config {0}, or the library's \"config\" option)".format(self.config, why)

    def run_in_work(self, *args):
        return self.wxlint("check", *args, "bad.json", cwd=self.path("work"))

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give the file away")
    def test_another_users_file_is_refused_and_config_trusts_it(self):
        os.chown(self.config, 65534, -1)
        self.assert_refused(self.message("it is owned by uid 65534, not by you (uid {})".format(os.geteuid())),
                            cwd=self.path("work"))
        self.assertEqual(self.run_in_work("--config", self.config).returncode, 0)
        self.assertEqual(self.run_in_work("--no-config").returncode, 1)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give the link away")
    def test_a_link_planted_by_another_user_is_refused(self):
        os.rename(self.config, self.path("real.json"))
        os.symlink(self.path("real.json"), self.config)
        os.lchown(self.config, 65534, -1)
        self.assert_refused(self.message("it is a symbolic link owned by uid 65534, not by you (uid {})".format(
            os.geteuid())), cwd=self.path("work"))

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give the file away")
    def test_a_link_to_another_users_file_is_refused(self):
        os.rename(self.config, self.path("real.json"))
        os.chown(self.path("real.json"), 65534, -1)
        os.symlink(self.path("real.json"), self.config)
        self.assert_refused(self.message("it links to a file owned by uid 65534, not by you (uid {})".format(
            os.geteuid())), cwd=self.path("work"))

    def test_a_file_others_may_write_is_refused(self):
        for mode, who in ((0o666, "anyone"), (0o602, "anyone"), (0o664, "its group"), (0o620, "its group")):
            with self.subTest(mode=oct(mode)):
                os.chmod(self.config, mode)
                self.assert_refused(self.message("{} may write it (mode {:04o})".format(who, mode)),
                                    cwd=self.path("work"))
                self.assertEqual(self.run_in_work("--config", self.config).returncode, 0)

    def test_your_own_file_is_used(self):
        os.chmod(self.config, 0o644)
        r = self.run_in_work()
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_its_rule_files_and_their_schemas_others_may_write_are_refused(self):
        # A planted policy could raise a limit (maxUsers) or bring a schema that never ends.
        os.chmod(self.config, 0o644)
        os.makedirs(self.path("policy"))
        write(self.config, {"rules": ["policy/*.rules.json"]})
        rules = write(self.path("policy", "own.rules.json"), {
            "operation": {"id": "ownOp", "method": "POST", "path": "/own", "schema": "own.request.schema.json",
                          "detect": ["ownMember"]}, "rules": []})
        schema = write(self.path("policy", "own.request.schema.json"), {"type": "object"})
        # Named as the config's rules name them: outside the working directory, in full.
        for path, what in ((rules, " (a rule file {} names)".format(self.config)),
                           (schema, " (the schema of {}, a rule file {} names)".format(rules, self.config))):
            with self.subTest(path=path):
                os.chmod(path, 0o666)
                r = self.run_in_work()
                os.chmod(path, 0o644)
                self.assertEqual((r.returncode, r.stderr), (2, "wxlint: refusing {}{}: anyone may write it (mode 0666); "
                                 "name the configuration to use it (--config {}, or the library's \"config\" "
                                 "option)\n".format(path, what, self.config)))
        self.assertEqual(self.run_in_work().returncode, 1)

    def test_its_snapshot_files_others_may_write_are_refused(self):
        # A planted page could add the person a move names, and User Not Found would not be said.
        os.chmod(self.config, 0o644)
        write(self.config, {"snapshot": ["org"]})
        page = write(self.path("org", "people.json"), {"items": []})
        os.chmod(page, 0o666)
        r = self.run_in_work()
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: refusing {} (a snapshot file {} names): anyone may write it "
                         "(mode 0666); name the configuration to use it (--config {}, or the library's \"config\" "
                         "option)\n".format(page, self.config, self.config)))
        os.chmod(page, 0o644)
        self.assertEqual(self.run_in_work().returncode, 1)


def users_payload(n=2000):
    """n users whose userId is not a Webex id: one WX2002 finding each, plus 1026018 (over 100 users)."""
    users = [{"userId": "x%d" % i, "extension": str(10000 + i)} for i in range(n)]
    return {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]}


class IgnoreCost(TempDirTest):
    """CPU time (not wall time, which a loaded machine stretches) and the findings left."""

    def lint(self, config):
        write(self.path("p.json"), users_payload())
        # Every finding listed: ignores apply to listed findings (maxFindingsPerRule).
        write(self.path("wxlint.json"), {**config, "settings": {"maxFindingsPerRule": 100000}})
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = self.wxlint("check", "--config", "wxlint.json", "--format", "json", "p.json")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        left = sorted((d["code"], d["pointer"]) for f in json.loads(r.stdout)["files"] for d in f["diagnostics"])
        return cpu, left

    def all_findings(self):
        return sorted([("WX2002", "/usersList/0/users/%d/userId" % i) for i in range(2000)] +
                      [("1026018", "/usersList/0/users/100")])

    def test_a_66_kb_pointer_glob(self):
        cpu, left = self.lint({"ignore": [{"pointer": "/*" * 33000}]})  # 66 KB, longer than any pointer
        self.assertEqual(left, self.all_findings())
        self.assertLess(cpu, 2.0)
        # The same size, matching: "**/" repeated is one "**/".
        cpu, left = self.lint({"ignore": [{"pointer": "/usersList/" + "**/" * 22000 + "userId"}]})
        self.assertEqual(left, [("1026018", "/usersList/0/users/100")])
        self.assertLess(cpu, 2.0)

    def test_ten_thousand_entries(self):
        entries = [{"pointer": "/usersList/0/users/%d" % i} for i in range(0, 8000, 2)]  # literal: 4,000
        entries += [{"pointer": "/usersList/*/users/%d/*Id" % i} for i in range(1, 8000, 4)]  # globs: 2,000
        entries += [{"pointer": "**/users/%d/nope" % i} for i in range(2000)]  # globs matching nothing
        entries += [{"files": "other/%d.json" % i, "pointer": "/usersList"} for i in range(1000)]  # other files
        entries += [{"rule": "4202", "pointer": "/usersList/0/users/%d" % i} for i in range(1000)]  # another rule
        self.assertEqual(len(entries), 10000)
        cpu, left = self.lint({"ignore": entries})
        # Even users (and 1026018 at user 100) by the literals, users 1, 5, 9... by the globs.
        self.assertEqual(left, sorted(("WX2002", "/usersList/0/users/%d/userId" % i) for i in range(3, 2000, 4)))
        self.assertLess(cpu, 2.0)

    def test_globstar_slash_stops_at_a_segment_boundary(self):
        # "**/" is any number of whole segments, or none: "**/serId" is not ".../userId".
        write(self.path("p.json"), users_payload(1))
        for pattern, left in (("**/serId", [("WX2002", "/usersList/0/users/0/userId")]), ("**/userId", [])):
            with self.subTest(pattern=pattern):
                write(self.path("wxlint.json"), {"ignore": [{"pointer": pattern}]})
                r = self.wxlint("check", "--config", "wxlint.json", "--format", "json", "p.json")
                self.assertEqual(sorted((d["code"], d["pointer"]) for f in json.loads(r.stdout)["files"]
                                        for d in f["diagnostics"]), left)

    def test_file_globs_select_entries_per_file(self):
        write(self.path("a", "p.json"), users_payload(2))
        write(self.path("b", "p.json"), users_payload(2))
        write(self.path("wxlint.json"), {"ignore": [{"files": "a/*.json", "pointer": "/usersList/0/users/0"},
                                                    {"files": "b/p.json", "rule": "WX2002", "pointer": "**/1/userId"}]})
        r = self.wxlint("check", "--config", "wxlint.json", "--format", "json", "a", "b")
        left = sorted((f["path"], d["pointer"]) for f in json.loads(r.stdout)["files"] for d in f["diagnostics"])
        self.assertEqual(left, [("a/p.json", "/usersList/0/users/1/userId"), ("b/p.json", "/usersList/0/users/0/userId")])


if __name__ == "__main__":
    main()
