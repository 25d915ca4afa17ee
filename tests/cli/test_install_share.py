"""`cmake --install` puts the JSON Schemas (config, rule files, every request schema)
under share/wxlint/schemas, as docs/editors.md says, and the shell completions (bash, zsh,
fish) and the man page generated from the command-line definitions."""
import glob
import json
import os
import re
import subprocess

from cli_support import REPO, WXLINT, TempDirTest, main


class Schemas(TempDirTest):
    def test_installed_under_share_wxlint(self):
        prefix = os.path.join(self.dir, "prefix")
        r = subprocess.run(["cmake", "--install", os.path.dirname(WXLINT), "--prefix", prefix],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        installed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(prefix, "share", "wxlint", "schemas", "*")))
        expected = sorted(os.path.basename(p) for p in glob.glob(os.path.join(REPO, "schemas", "*.json")))
        self.assertEqual(installed, expected)
        self.assertIn("wxlint.config.schema.json", installed)
        self.assertIn("wxlint.rules.schema.json", installed)
        self.assertIn("validateOrInitiateMoveUsersJob.request.schema.json", installed)
        for name in installed:
            with open(os.path.join(prefix, "share", "wxlint", "schemas", name), encoding="utf-8") as f:
                self.assertIsInstance(json.load(f), dict, name)
        # docs/editors.md names only schemas that are installed.
        with open(os.path.join(REPO, "docs", "editors.md"), encoding="utf-8") as f:
            doc = f.read()
        for url in set(re.findall(r"share/wxlint/schemas/([\w.]+\.json)", doc)):
            self.assertIn(url, installed)

        share = os.path.join(prefix, "share")
        for rel, args in [("bash-completion/completions/wxlint", ["completions", "bash"]),
                          ("zsh/site-functions/_wxlint", ["completions", "zsh"]),
                          ("fish/vendor_completions.d/wxlint.fish", ["completions", "fish"]),
                          ("man/man1/wxlint.1", ["man"])]:
            with open(os.path.join(share, rel), encoding="utf-8") as f:
                self.assertEqual(f.read(), subprocess.run([WXLINT, *args], capture_output=True, text=True).stdout, rel)

    def test_bash_completion_completes_commands_and_options(self):
        script = subprocess.run([WXLINT, "completions", "bash"], capture_output=True, text=True).stdout
        probe = script + (
            "COMP_WORDS=(wxlint chec); COMP_CWORD=1; _wxlint; echo \"${COMPREPLY[*]}\"\n"
            "COMP_WORDS=(wxlint check --output-f); COMP_CWORD=2; _wxlint; echo \"${COMPREPLY[*]}\"\n"
            "COMP_WORDS=(wxlint snapshot i); COMP_CWORD=2; _wxlint; echo \"${COMPREPLY[*]}\"\n")
        r = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "check\n--output-format\ninfo\n", ""))

    def test_man_page_and_fish_list_every_check_option(self):
        help_text = subprocess.run([WXLINT, "check", "--help"], capture_output=True, text=True).stdout
        longs = sorted(set(re.findall(r"(?<![\w-])--([a-z][a-z-]+)", help_text.split("Output formats")[0])))
        man = subprocess.run([WXLINT, "man"], capture_output=True, text=True).stdout
        fish = subprocess.run([WXLINT, "completions", "fish"], capture_output=True, text=True).stdout
        self.assertTrue(man.startswith(".TH WXLINT 1 "), man[:40])
        for name in longs:
            self.assertIn("\\-\\-" + name.replace("-", "\\-"), man, name)
            self.assertIn("'__fish_seen_subcommand_from check' -l " + name, fish, name)
        self.assertIn("select", longs)
        # What the environment changes, and the config file, are in it too.
        for section in (".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", ".SH EXIT STATUS"):
            self.assertIn("\n" + section + "\n", man, section)
        for variable in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR",
                         "WEBEX_ACCESS_TOKEN", "WXLINT_PLAN_MODULE"):
            self.assertIn("\\fB" + variable + "\\fR", man, variable)
        # Hidden: not listed, not suggested.
        self.assertEqual(self.wxlint("frobnicate").stderr,
                         'wxlint: unknown command "frobnicate"; commands: check, rules, explain, snapshot\n')


if __name__ == "__main__":
    main()
