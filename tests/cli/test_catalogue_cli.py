"""`wxlint rules`, `wxlint explain`, `--rules-dir` and the bare command, as users see them."""
import json
import os
import shutil
import unittest

import subprocess
import tempfile

from cli_support import REPO, WXLINT, main, run


class CatalogueCli(unittest.TestCase):
    def test_rules_lists_every_rule_with_its_code(self):
        r = run("rules")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1026016", r.stdout)
        self.assertIn("move-users/number-or-extension", r.stdout)
        self.assertIn("contacts/sip-format", r.stdout)
        rules = json.loads(run("rules", "--format", "json").stdout)
        self.assertEqual(len(rules), int(r.stdout.strip().splitlines()[-1].split()[0]))
        self.assertTrue(all(x["code"] and x["summary"] and x["description"] for x in rules))

    def test_rules_aligns_its_columns_on_the_widest_entry(self):
        rules = json.loads(run("rules", "--format", "json").stdout)
        code_width = max(len(x["code"]) for x in rules)  # external.non.privilege
        id_width = max(len(x["id"]) for x in rules)
        self.assertEqual(code_width, len("external.non.privilege"))
        lines = run("rules").stdout.splitlines()
        self.assertEqual(lines[:len(rules)], ["{:<{}} {:<7} {:<{}} {}".format(
            x["code"], code_width, x["severity"], x["id"], id_width, x["summary"]) for x in rules])

    def test_explain_by_code_and_by_id(self):
        r = run("explain", "1026016")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Message: User should have either phone number or extension", r.stdout)
        self.assertIn("Fails:", r.stdout)
        self.assertIn("Passes:", r.stdout)
        by_id = run("explain", "move-users/number-or-extension")
        self.assertEqual(by_id.stdout, r.stdout)

    def test_explain_unknown_code_exits_2(self):
        r = run("explain", "999999")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no rule", r.stderr)

    def test_rules_dir_with_the_repository_data_matches_the_embedded_catalogue(self):
        embedded = run("check", "--format", "json", "examples")
        from_dir = run("check", "--format", "json", "--rules-dir", REPO, "examples")
        self.assertEqual(from_dir.returncode, embedded.returncode, from_dir.stderr)
        self.assertEqual(json.loads(from_dir.stdout), json.loads(embedded.stdout))

    def test_bad_rule_file_is_exit_2_naming_file_line_and_place(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(os.path.join(REPO, "rules"), os.path.join(d, "rules"))
            shutil.copytree(os.path.join(REPO, "schemas"), os.path.join(d, "schemas"))
            path = os.path.join(d, "rules", "validateOrInitiateMoveUsersJob.rules.json")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace('"check": "unique"', '"check": "uniq"', 1))
            r = run("check", "--rules-dir", d, "examples/move-users.envelope.json")
            self.assertEqual(r.returncode, 2)
            self.assertRegex(r.stderr, r"rules/validateOrInitiateMoveUsersJob\.rules\.json:\d+:\d+: /rules/\d+/check: "
                                       r"unknown check kind \"uniq\"")

    def test_a_rules_dir_without_an_operation_is_exit_2(self):
        # It replaces the built-in rules: empty (a typo, or an unmounted volume), it linted
        # nothing, and with --only-payloads passed every file.
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "rules"))
            shutil.copy(os.path.join(REPO, "rules", "core.rules.json"), os.path.join(d, "rules"))
            for command in (["check", "--only-payloads", "examples/move-users.envelope.json"], ["rules"]):
                with self.subTest(command=command[0]):
                    r = run(*command, "--rules-dir", d)
                    self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
                        f"wxlint: {d}/rules: no rule file of an operation (*.rules.json) here: --rules-dir replaces "
                        "the built-in rules, so it needs DIR/rules/ (or DIR) with the operations' rule files and "
                        "DIR/schemas/ with their schemas\n")))

    def test_no_paths_on_a_terminal_is_a_usage_error_not_a_hang(self):
        master, slave = os.openpty()
        try:
            r = subprocess.run([WXLINT, "check"], stdin=slave, capture_output=True, text=True, timeout=20)
        finally:
            os.close(master)
            os.close(slave)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no paths given", r.stderr)

    def test_no_paths_and_nothing_on_stdin_is_a_usage_error_not_an_empty_payload(self):
        """`... | xargs wxlint check` with no input runs wxlint once, no paths, stdin /dev/null."""
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        empty = os.path.join(tmp.name, "empty")
        open(empty, "w").close()
        for source in (os.devnull, empty):
            with open(source, "rb") as stdin:
                r = subprocess.run([WXLINT, "check"], stdin=stdin, capture_output=True, text=True, timeout=20)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
                "wxlint: no paths given, and standard input is empty; pass files or directories, or - to lint "
                "standard input even so (with xargs, -r runs nothing when there is no input)\n")), source)
        with open(os.devnull, "rb") as stdin:  # named: linted, as asked
            r = subprocess.run([WXLINT, "check", "-q", "-"], stdin=stdin, capture_output=True, text=True, timeout=20)
        self.assertEqual((r.returncode, r.stdout[:26]), (1, "<stdin>:1:1: error[WX0004]"))

    def test_a_misspelt_option_gets_the_nearest_of_its_command(self):
        for args, said in ((("check", "--formt", "json", "x.json"), '"--formt" for check (did you mean "--format"?); '
                            "`wxlint check --help`"),
                           (("rules", "--fromat", "json"), '"--fromat" for rules (did you mean "--format"?); '
                            "`wxlint rules --help`"),
                           (("snapshot", "info", "--regoin=US"), '"--regoin" for snapshot info (did you mean '
                            '"--region"?); `wxlint snapshot info --help`')):
            r = run(*args)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", f"wxlint: unknown option {said} lists them\n"))
        r = run("check", "--zzzzzz", "x.json")  # nothing near: CLI11's own words
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]),
                         (2, "wxlint: The following argument was not expected: --zzzzzz"))

    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"wxlint \d+\.\d+\.\d+")


if __name__ == "__main__":
    main()
