"""Repeated -f/-o: the i-th -f goes to the i-th -o, as `--output-format FORMAT=FILE` does;
counts that cannot pair up are a usage error (exit 2) before anything is written."""
import json
import os
import subprocess

from cli_support import BAD, WXLINT, TempDirTest, env, main, write

TEXT = ('bad.json:13:24: error[4911]: Invalid extension. The extension cannot be an emergency number: "911". '
        "(move-users/extension-emergency)\n1 file checked: 1 error, 0 warnings, 0 infos\n")
PAIRING = ("each -f pairs with the -o at the same position (-f sarif -o a.sarif -f junit -o b.xml), "
           "and one -f without -o sets the terminal's format\n")


class Pairing(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("bad.json"), BAD)

    def check(self, *args):
        return self.wxlint("check", "--no-config", *args, "bad.json")

    def read(self, name):
        with open(self.path(name), encoding="utf-8") as f:
            return f.read()

    def reference(self, fmt):
        """The report --output-format writes for this format."""
        self.assertEqual(self.check("--output-format", f"{fmt}=ref.{fmt}").returncode, 1)
        text = self.read(f"ref.{fmt}")
        os.remove(self.path(f"ref.{fmt}"))
        return text

    def test_pairs_in_order_while_the_terminal_gets_text(self):
        r = self.check("-f", "sarif", "-o", "a.sarif", "-f", "junit", "-o", "b.xml")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, TEXT, ""))
        self.assertEqual(json.loads(self.read("a.sarif"))["runs"][0]["results"][0]["ruleId"],
                         "move-users/extension-emergency")
        self.assertEqual(self.read("a.sarif"), self.reference("sarif"))
        self.assertEqual(self.read("b.xml"), self.reference("junit"))

    def test_the_ith_format_goes_to_the_ith_output_in_any_order(self):
        r = self.check("-o", "a.json", "-o", "b.xml", "-f", "json", "--format", "junit")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, TEXT, ""))
        self.assertEqual(self.read("a.json"), self.reference("json"))
        self.assertEqual(self.read("b.xml"), self.reference("junit"))

    def test_a_pair_with_dash_is_standard_output(self):
        r = self.check("-f", "sarif", "-o", "a.sarif", "-f", "json", "-o", "-")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout, self.reference("json"))
        self.assertEqual(self.read("a.sarif"), self.reference("sarif"))

    def test_one_of_each_is_as_before(self):
        r = self.check("-f", "json", "-o", "a.json")
        self.assertEqual((r.returncode, r.stdout), (1, TEXT))
        self.assertEqual(self.read("a.json"), self.reference("json"))
        r = self.check("-f", "json")
        self.assertEqual(r.stdout, self.reference("json"))
        r = self.check("-o", "a.txt")
        self.assertEqual((r.stdout, self.read("a.txt")), (TEXT, TEXT))

    def test_with_output_format(self):
        r = self.check("-f", "sarif", "-o", "a.sarif", "-f", "gitlab", "-o", "b.json", "--output-format", "junit=c.xml")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, TEXT, ""))
        self.assertEqual([self.read(n) for n in ("a.sarif", "b.json", "c.xml")],
                         [self.reference("sarif"), self.reference("gitlab"), self.reference("junit")])

    def test_counts_that_cannot_pair_are_a_usage_error(self):
        cases = [
            (("-f", "sarif", "-o", "a.sarif", "-f", "junit"), "-f/--format given 2 times and -o/--output 1 time: "),
            (("-f", "sarif", "-f", "junit"), "-f/--format given 2 times and -o/--output 0 times: "),
            (("-o", "a.sarif", "-o", "b.xml"), "-f/--format given 0 times and -o/--output 2 times: "),
            (("-f", "sarif", "-o", "a.sarif", "-o", "b.xml"), "-f/--format given 1 time and -o/--output 2 times: "),
        ]
        for args, start in cases:
            r = self.check(*args)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: " + start + PAIRING), args)
            self.assertEqual(sorted(os.listdir(self.dir)), ["bad.json"], args)

    def test_two_reports_to_one_place_are_refused(self):
        r = self.check("-f", "json", "-o", "-", "-f", "sarif", "-o", "-")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: -o: only one report can go to standard output (-)\n"))
        r = self.check("-f", "json", "-o", "a", "-f", "sarif", "-o", "./a")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: two reports would be written to ./a\n"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["bad.json"])

    def test_an_unknown_format_among_several_is_refused(self):
        r = self.check("-f", "sarif", "-o", "a.sarif", "-f", "pdf", "-o", "b.pdf")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("--format: pdf not in {text,json,sarif,github,gitlab,junit}", r.stderr)


    def test_the_file_stdout_is_redirected_to_is_written_to_not_replaced(self):
        """-o /dev/stdout >> ci.log: the report is appended as -o - would write it; the log stays."""
        json_report = self.reference("json")
        write(self.path("ci.log"), "earlier\n")
        with open(self.path("ci.log"), "a", encoding="utf-8") as log:
            r = subprocess.run([WXLINT, "check", "--no-config", "-f", "json", "-o", "/dev/stdout", "bad.json"],
                               cwd=self.dir, stdout=log, stderr=subprocess.PIPE, text=True, env=env(), timeout=60)
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(self.read("ci.log"), "earlier\n" + json_report)

    def test_the_file_stderr_is_redirected_to_is_refused(self):
        write(self.path("err.log"), "earlier\n")
        with open(self.path("err.log"), "a", encoding="utf-8") as log:
            r = subprocess.run([WXLINT, "check", "--no-config", "-f", "json", "-o", "/dev/stderr", "bad.json"],
                               cwd=self.dir, stdout=subprocess.PIPE, stderr=log, text=True, env=env(), timeout=60)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(self.read("err.log"), "earlier\nwxlint: /dev/stderr is the file standard error is written to: "
                         "a report written there would replace it (for standard output: -o -)\n")

    def test_under_github_actions_the_terminal_gets_annotations_whichever_way_files_are_named(self):
        github = self.check("-f", "github").stdout
        self.assertTrue(github.startswith("::error file=bad.json,line=13,"), github)
        for args in (("-f", "sarif", "-o", "a.sarif"), ("--output-format", "sarif=a.sarif"), ("-o", "a.txt")):
            r = self.wxlint("check", "--no-config", *args, "bad.json", environ=env(GITHUB_ACTIONS="true"))
            self.assertEqual((r.returncode, r.stdout), (1, github), args)

if __name__ == "__main__":
    main()
