"""The pre-commit hook, end to end: a temporary git project uses this repository's
.pre-commit-hooks.yaml (from a temporary clone with the working tree's hook file
committed), with the built wxlint on PATH. A bad payload is blocked with its findings
printed; a good one is committed."""
import json
import os
import shutil
import subprocess

from cli_support import BAD, GOOD, REPO, WXLINT, TempDirTest, env, main, write


def git_env(bin_dir, home):
    e = {k: v for k, v in env().items() if not k.startswith("GIT_")}  # no outer hook's repository
    e.update(PATH=bin_dir + os.pathsep + e.get("PATH", ""), PRE_COMMIT_HOME=os.path.join(home, "pre-commit-cache"),
             HOME=home, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
             GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return e


class PreCommit(TempDirTest):
    def sh(self, *args, cwd, check=True):
        r = subprocess.run(args, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=300)
        if check:
            self.assertEqual(r.returncode, 0, f"{args}: {r.stdout}{r.stderr}")
        return r

    def setUp(self):
        super().setUp()
        for tool in ("git", "pre-commit"):
            self.assertTrue(shutil.which(tool), f"{tool} is missing: scripts/setup.sh installs it")
        bin_dir = self.path("bin")
        os.makedirs(bin_dir)
        os.symlink(WXLINT, os.path.join(bin_dir, "wxlint"))
        self.env = git_env(bin_dir, self.dir)
        # The hook repository: this repository's HEAD plus the working tree's hook file.
        hooks = self.path("hooks")
        if self.sh("git", "clone", "--quiet", REPO, hooks, cwd=self.dir, check=False).returncode:
            self.sh("git", "init", "--quiet", hooks, cwd=self.dir)
        shutil.copy(os.path.join(REPO, ".pre-commit-hooks.yaml"), hooks)
        self.sh("git", "add", ".pre-commit-hooks.yaml", cwd=hooks)
        self.sh("git", "commit", "--quiet", "--allow-empty", "--no-verify", "-m", "hook file", cwd=hooks)
        rev = self.sh("git", "rev-parse", "HEAD", cwd=hooks).stdout.strip()
        # The project that uses it.
        self.project = self.path("project")
        self.sh("git", "init", "--quiet", self.project, cwd=self.dir)
        self.hook_config = f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: wxlint\n"
        write(os.path.join(self.project, ".pre-commit-config.yaml"), self.hook_config)
        self.sh("pre-commit", "install", cwd=self.project)
        self.sh("git", "add", ".pre-commit-config.yaml", cwd=self.project)
        self.sh("git", "commit", "--quiet", "-m", "pre-commit config", cwd=self.project)

    def commits(self):
        return int(self.sh("git", "rev-list", "--count", "HEAD", cwd=self.project).stdout)

    def test_bad_payload_blocked_good_payload_committed(self):
        write(os.path.join(self.project, "requests", "move.json"), BAD)
        self.sh("git", "add", "requests/move.json", cwd=self.project)
        r = self.sh("git", "commit", "-m", "bad payload", cwd=self.project, check=False)
        out = r.stdout + r.stderr
        self.assertNotEqual(r.returncode, 0, out)
        self.assertIn("wxlint", out)
        self.assertIn("Failed", out)
        self.assertIn("requests/move.json", out)
        self.assertIn("error[4911]", out)  # the finding itself is shown
        self.assertEqual(self.commits(), 1)

        write(os.path.join(self.project, "requests", "move.json"), GOOD)
        self.sh("git", "add", "requests/move.json", cwd=self.project)
        r = self.sh("git", "commit", "-m", "good payload", cwd=self.project, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("Passed", r.stdout + r.stderr)
        self.assertEqual(self.commits(), 2)

    def test_strict_project_commits_its_config_and_baseline(self):
        # Strict (every JSON file a payload) with a baseline: wxlint's own staged files, the
        # config and the baseline, are not payloads; the payload's known finding passes.
        write(os.path.join(self.project, ".pre-commit-config.yaml"),
              self.hook_config + "        args: [--baseline, wxlint-baseline.json]\n")
        write(os.path.join(self.project, ".wxlint.json"), {"rules": {"operation/undetected": "error"}})
        write(os.path.join(self.project, "requests", "move.json"), BAD)
        self.sh("wxlint", "check", "--generate-baseline", "wxlint-baseline.json", "requests", cwd=self.project)
        self.sh("git", "add", ".", cwd=self.project)
        r = self.sh("git", "commit", "-m", "adopt wxlint", cwd=self.project, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.commits(), 2)
        # A commit of the config alone passes too; a new payload's finding is still blocked.
        write(os.path.join(self.project, ".wxlint.json"), {"rules": {"operation/undetected": "error", "WX2002": "off"}})
        self.sh("git", "add", ".wxlint.json", cwd=self.project)
        r = self.sh("git", "commit", "-m", "config", cwd=self.project, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        write(os.path.join(self.project, "requests", "other.json"), {"not": "a payload"})
        self.sh("git", "add", ".", cwd=self.project)
        r = self.sh("git", "commit", "-m", "other", cwd=self.project, check=False)
        self.assertNotEqual(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout + r.stderr
        self.assertIn("\nrequests/other.json:1:1: error[WX0011]: Cannot tell which Webex request", out)
        self.assertNotIn("wxlint-baseline.json:", out)
        self.assertEqual(self.commits(), 3)

    def test_dash_file_name_is_a_file_and_jsonc_configs_are_not_passed(self):
        # "-oimportant.json" read as "-o important.json" would write the report over that file.
        write(os.path.join(self.project, "important.json"), {"precious": True})
        write(os.path.join(self.project, "-oimportant.json"), GOOD)
        with open(os.path.join(self.project, "tsconfig.json"), "w") as f:
            f.write('{\n  // comments: JSON with comments, never a payload\n  "compilerOptions": {}\n}\n')
        self.sh("git", "add", "--", "important.json", "-oimportant.json", "tsconfig.json", cwd=self.project)
        r = self.sh("git", "commit", "-m", "files", cwd=self.project, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(os.path.join(self.project, "important.json")) as f:
            self.assertEqual(json.load(f), {"precious": True})
        self.assertEqual(self.commits(), 2)
        # The same name with a finding is linted as a file: its finding blocks the commit.
        write(os.path.join(self.project, "-oimportant.json"), BAD)
        self.sh("git", "add", "--", "-oimportant.json", cwd=self.project)
        r = self.sh("git", "commit", "-m", "bad", cwd=self.project, check=False)
        self.assertNotEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("-oimportant.json:", r.stdout + r.stderr)
        self.assertIn("error[4911]", r.stdout + r.stderr)

    def test_non_json_files_are_not_passed(self):
        write(os.path.join(self.project, "notes.txt"), json.dumps(BAD))
        self.sh("git", "add", "notes.txt", cwd=self.project)
        r = self.sh("git", "commit", "-m", "notes", cwd=self.project, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("Skipped", r.stdout + r.stderr)


if __name__ == "__main__":
    main()
