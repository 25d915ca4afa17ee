"""The pre-commit hook with JSON files that are not payloads (package.json, tsconfig.json)
and with runs that pre-commit splits over several processes; --only-payloads directly."""
import json
import os
import unittest

import test_precommit
from cli_support import BAD, TempDirTest, main, write

PACKAGE = {"name": "x", "version": "1.0.0", "scripts": {"test": "true"}}
TSCONFIG = {"compilerOptions": {"strict": True}}


class Hook(test_precommit.PreCommit):
    def commit(self, *files):
        self.sh("git", "add", *files, cwd=self.project)
        r = self.sh("git", "commit", "-m", "x", cwd=self.project, check=False)
        return r.returncode, r.stdout + r.stderr

    def test_non_payload_json_is_passed_over_quietly(self):
        write(os.path.join(self.project, "package.json"), PACKAGE)
        write(os.path.join(self.project, "tsconfig.json"), TSCONFIG)
        rc, out = self.commit("package.json", "tsconfig.json")
        self.assertEqual(rc, 0, out)
        self.assertNotIn("WX0011", out)
        self.assertIn("Passed", out)

    def test_a_config_that_sets_operation_undetected_is_strict(self):
        write(os.path.join(self.project, ".wxlint.json"), {"rules": {"operation/undetected": "error"}})
        os.chmod(os.path.join(self.project, ".wxlint.json"), 0o644)
        write(os.path.join(self.project, "package.json"), PACKAGE)
        rc, out = self.commit(".wxlint.json", "package.json")
        self.assertNotEqual(rc, 0, out)
        self.assertIn("package.json:1:1: error[WX0011]", out)

    def test_split_run_prints_each_finding_once_and_no_summaries(self):
        names = ["requests/r%03d.json" % i for i in range(40)]
        for n in names:
            write(os.path.join(self.project, n), BAD)
        self.sh("git", "add", "requests", cwd=self.project)
        r = self.sh("pre-commit", "run", "--files", *names, cwd=self.project, check=False,)
        out = r.stdout + r.stderr
        self.assertNotEqual(r.returncode, 0, out)
        findings = [line for line in out.splitlines() if "error[4911]" in line]
        self.assertEqual(sorted(line.split(":")[0] for line in findings), names)
        self.assertNotIn("files checked", out)


class OnlyPayloads(TempDirTest):
    def test_cli(self):
        write(self.path("package.json"), PACKAGE)
        write(self.path("bad.json"), BAD)
        write(self.path("broken.json"), '{"name": ')
        r = self.wxlint("check", "--no-config", "--only-payloads", "package.json", "bad.json", "broken.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([line.split(":")[0] for line in r.stdout.splitlines()], ["bad.json", "broken.json", "2 files checked"])
        r = self.wxlint("check", "--no-config", "package.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("error[WX0011]", r.stdout)

    def test_a_file_too_large_to_read_that_no_operation_names(self):
        # A lockfile over maxFileSize cannot be told from a payload without reading it: passed
        # over, unless --operation or the config's "operations" name it a payload.
        write(self.path("package-lock.json"), {"name": "x", "packages": {"p%d" % i: {"version": "1.0.0"} for i in range(100)}})
        write(self.path("big", "move.json"), BAD)
        write(self.path(".wxlint.json"), {"settings": {"maxFileSize": 64}})
        r = self.wxlint("check", "-q", "--only-payloads", "package-lock.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        r = self.wxlint("check", "-q", "--only-payloads", "--operation", "validateOrInitiateMoveUsersJob", "package-lock.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("error[WX0006]", r.stdout)
        with open(self.path("package-lock.json"), encoding="utf-8") as f:  # piped in, it is given as a payload
            r = self.wxlint("check", "-q", "--only-payloads", "-", stdin=f.read())
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("<stdin>:1:1: error[WX0006]: "), r.stdout)
        write(self.path(".wxlint.json"), {"settings": {"maxFileSize": 64},
                                          "operations": {"big/*.json": "validateOrInitiateMoveUsersJob"}})
        r = self.wxlint("check", "-q", "--only-payloads", "package-lock.json", os.path.join("big", "move.json"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual([line.split(": ")[1] for line in r.stdout.splitlines()], ["error[WX0006]"])


def load_tests(loader, tests, pattern):
    # Only this file's tests: Hook inherits PreCommit's, which test_precommit.py runs.
    names = [n for n in loader.getTestCaseNames(Hook) if n in Hook.__dict__]
    return unittest.TestSuite([*(Hook(n) for n in names), loader.loadTestsFromTestCase(OnlyPayloads)])


if __name__ == "__main__":
    main()
