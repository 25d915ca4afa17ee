"""wxlint check basics: exit codes, text and json, stdin, directories, -q, --fail-on."""
import json
import os
import stat
import unittest

from cli_support import BAD, GOOD, REPO, WARN, TempDirTest, main, write


class ExitCodes(TempDirTest):
    def test_clean_file_exits_0(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "good.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 file checked: no findings", r.stdout)

    def test_findings_exit_1(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "bad.json")
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"bad\.json:\d+:\d+: error\[4911\]: .*\(move-users/extension-emergency\)")

    def test_missing_file_exits_2_and_others_are_still_linted(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "missing.json", "bad.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("missing.json", r.stderr)
        self.assertIn("error[4911]", r.stdout)

    def test_a_missing_file_of_an_option_is_named_by_the_option(self):
        # "wxlint: x.json: No such file or directory" read as a missing payload.
        write(self.path("good.json"), GOOD)
        for args, said in ((["--config", "c.json"], "--config c.json: No such file or directory"),
                           (["--baseline", "b.json"], "--baseline b.json: No such file or directory"),
                           (["--rules", "r.json"], "--rules r.json: No such file or directory"),
                           (["--snapshot", "org"], "--snapshot org: No such file or directory"),
                           (["--rules-dir", "good.json"], "--rules-dir good.json: not a directory")):
            with self.subTest(args=args):
                r = self.wxlint("check", *args, "good.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", f"wxlint: {said}\n"))
        r = self.wxlint("rules", "--rules", "r.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: --rules r.json: No such file or directory\n"))

    def test_a_run_with_a_failed_path_does_not_read_as_clean(self):
        # "0 files checked: no findings" alone, or a json summary of zeros, read as a pass.
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "--exit-zero", "missing.json", "good.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: missing.json: No such file or directory\n"))
        self.assertEqual(r.stdout, "1 file checked: no findings\n1 path failed (see above): exit code 2\n")
        r = self.wxlint("check", "--no-config", "-f", "json", "missing.json", "good.json")
        report = json.loads(r.stdout)
        self.assertEqual((r.returncode, report["notLinted"]), (2, ["missing.json: No such file or directory"]))
        self.assertEqual(report["summary"], {"files": 1, "errors": 0, "warnings": 0, "infos": 0, "notLinted": 1})
        r = self.wxlint("check", "--no-config", "-f", "json", "good.json")  # a clean run's report is as it was
        self.assertEqual(set(json.loads(r.stdout)), {"version", "files", "summary"})

    @unittest.skipIf(os.geteuid() == 0, "root reads any file")
    def test_unreadable_file_exits_2(self):
        p = write(self.path("secret.json"), GOOD)
        os.chmod(p, 0)
        r = self.wxlint("check", "--no-config", "secret.json")
        os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
        self.assertEqual(r.returncode, 2)
        self.assertIn("secret.json", r.stderr)

    def test_path_that_cannot_be_read_even_by_root_exits_2(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", os.path.join("good.json", "inner.json"))  # ENOTDIR
        self.assertEqual(r.returncode, 2)
        self.assertIn("inner.json", r.stderr)

    def test_unknown_operation_exits_2_and_lists_known_ones(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--no-config", "--operation", "noSuchOperation", "good.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("noSuchOperation", r.stderr)
        self.assertIn("validateOrInitiateMoveUsersJob", r.stderr)

    def test_bad_flag_exits_2(self):
        r = self.wxlint("check", "--format", "yaml", "x.json")
        self.assertEqual(r.returncode, 2)

    def test_fail_on_warning(self):
        write(self.path("warn.json"), WARN)
        self.assertEqual(self.wxlint("check", "--no-config", "warn.json").returncode, 0)
        r = self.wxlint("check", "--no-config", "--fail-on", "warning", "warn.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("warning[WX0012]", r.stdout)


class Formats(TempDirTest):
    def test_json_contract(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "-f", "json", "bad.json")
        self.assertEqual(r.returncode, 1)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["summary"], {"files": 1, "errors": 1, "warnings": 0, "infos": 0})
        f = doc["files"][0]
        self.assertEqual((f["path"], f["operation"]), ("bad.json", "validateOrInitiateMoveUsersJob"))
        d = f["diagnostics"][0]
        self.assertEqual(set(d), {"code", "severity", "rule", "pointer", "line", "column", "endLine", "endColumn", "message"})
        self.assertEqual((d["code"], d["pointer"]), ("4911", "/usersList/0/users/1/extension"))

    def test_a_place_at_the_end_of_the_text_has_a_1_based_end(self):
        # An empty file, and JSON cut short: the range is empty at the end, not line 0.
        write(self.path("empty.json"), "")
        write(self.path("cut.json"), '{"a":')
        r = self.wxlint("check", "--no-config", "-f", "json", "empty.json", "cut.json")
        places = [(f["path"], d["code"], d["line"], d["column"], d["endLine"], d["endColumn"])
                  for f in json.loads(r.stdout)["files"] for d in f["diagnostics"]]
        self.assertEqual(places, [("empty.json", "WX0004", 1, 1, 1, 1), ("cut.json", "WX0001", 1, 6, 1, 6)])

    def test_quiet_drops_the_summary(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "-q", "bad.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        self.assertNotIn("checked", r.stdout)


class Inputs(TempDirTest):
    def test_stdin(self):
        r = self.wxlint("check", "--no-config", "-", stdin=json.dumps(BAD))
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("<stdin>:"), r.stdout)

    def test_directory_is_searched_recursively_for_json(self):
        write(self.path("tree", "a", "deep", "bad.json"), BAD)
        write(self.path("tree", "good.json"), GOOD)
        write(self.path("tree", "notes.txt"), "not json")
        write(self.path("tree", ".hidden", "bad.json"), BAD)
        write(self.path("tree", ".hidden.json"), BAD)
        os.symlink("root@host.12345:1700000000", self.path("tree", ".#good.json"))  # an editor's lock file
        r = self.wxlint("check", "--no-config", "-f", "json", "tree")
        paths = [f["path"] for f in json.loads(r.stdout)["files"]]
        self.assertEqual(paths, [os.path.join("tree", "a", "deep", "bad.json"), os.path.join("tree", "good.json")])
        self.assertEqual(r.returncode, 1)

    def test_repository_examples_without_the_snapshot(self):
        # test_readme.py checks the run with --snapshot examples/snapshot line by line. Without
        # it the snapshot's findings go, and its file is searched as one more JSON file: no payload.
        r = self.wxlint("check", "--no-config", "-q", "-f", "json", "examples", cwd=REPO)
        self.assertEqual(r.returncode, 1, r.stderr)
        report = json.loads(r.stdout)
        rules = {f["path"]: [d["rule"] for d in f["diagnostics"]] for f in report["files"]}
        self.assertEqual(len(rules), 14)
        self.assertEqual(rules["examples/snapshot/numbers.json"], ["operation/undetected"])
        self.assertEqual(rules["examples/move-users.envelope.json"],
                         ["move-users/user-id-malformed", "move-users/location-id-malformed", "move-users/phone-number-plan"])
        self.assertEqual(report["summary"], {"files": 14, "errors": 20, "warnings": 5, "infos": 4})


if __name__ == "__main__":
    main()
