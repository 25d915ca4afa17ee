"""The terminal: colour and source excerpts (--color, NO_COLOR, FORCE_COLOR; piped output
unchanged), --select / --ignore (codes or rule ids), --exit-zero, check --version, and
did-you-mean for subcommands and for explain's codes and rule ids."""
import fcntl
import json
import os
import pty
import struct
import subprocess
import termios

from cli_support import BAD, GOOD, WARN, WXLINT, TempDirTest, env, main, move_users, run, write

LINE = ('bad.json:13:24: error[4911]: Invalid extension. The extension cannot be an emergency number: "911". '
        '(move-users/extension-emergency)\n')
SUMMARY = "1 file checked: 1 error, 0 warnings, 0 infos\n"
EXCERPT = ' 13 |           "extension": "911"\n    |                        ^^^^^\n'


class ColourAndExcerpts(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("bad.json"), BAD)

    def on_terminal(self, *args, columns=0, stream="stdout", stdin=None, **extra):
        """stdout (or stderr) on a pseudo-terminal `columns` wide (0: unknown): what a user sees."""
        main_fd, sub_fd = pty.openpty()
        if columns:
            fcntl.ioctl(sub_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        e = {k: v for k, v in env(**extra).items() if k not in ("NO_COLOR", "FORCE_COLOR") or k in extra}
        streams = {"stdout": sub_fd, "stderr": subprocess.PIPE} if stream == "stdout" else \
                  {"stdout": subprocess.PIPE, "stderr": sub_fd}
        p = subprocess.run([WXLINT, "check", "--no-config", *args], cwd=self.dir, input=stdin, env=e, timeout=60,
                           **streams)
        os.close(sub_fd)
        out = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(main_fd)
        return p.returncode, out.decode().replace("\r\n", "\n")

    def piped(self, *args, **extra):
        e = {k: v for k, v in env(**extra).items() if k not in ("NO_COLOR", "FORCE_COLOR") or k in extra}
        return self.wxlint("check", "--no-config", *args, environ=e)

    def test_piped_output_is_unchanged(self):
        r = self.piped("bad.json")
        self.assertEqual((r.returncode, r.stdout), (1, LINE + SUMMARY))
        r = self.piped("--color", "never", "bad.json", FORCE_COLOR="1")
        self.assertEqual(r.stdout, LINE + SUMMARY)
        r = self.piped("bad.json", FORCE_COLOR="0")
        self.assertEqual(r.stdout, LINE + SUMMARY)

    def test_terminal_gets_colour_and_the_source(self):
        self.assertEqual(self.on_terminal("bad.json"), (1,
            "\x1b[1mbad.json:13:24:\x1b[0m \x1b[1;31merror[4911]\x1b[0m: Invalid extension. The extension cannot be "
            "an emergency number: \"911\". \x1b[2m(move-users/extension-emergency)\x1b[0m\n"
            ' 13 |           "extension": "911"\n    |                        \x1b[1;31m^^^^^\x1b[0m\n'
            "\x1b[1m1 file checked: 1 error, 0 warnings, 0 infos\x1b[0m\n"))

    def test_no_color_keeps_the_source_without_colour(self):
        self.assertEqual(self.on_terminal("bad.json", NO_COLOR="1"), (1, LINE + EXCERPT + SUMMARY))
        self.assertEqual(self.on_terminal("--color", "never", "bad.json"), (1, LINE + EXCERPT + SUMMARY))

    def test_force_color_and_always_when_piped(self):
        for r in (self.piped("bad.json", FORCE_COLOR="1"), self.piped("--color", "always", "bad.json", NO_COLOR="1")):
            self.assertIn("\x1b[1;31merror[4911]\x1b[0m", r.stdout)
            self.assertIn(' 13 |           "extension": "911"\n', r.stdout)

    def test_quiet_keeps_one_line_per_finding(self):
        self.assertEqual(self.on_terminal("-q", "bad.json", NO_COLOR="1"), (1, LINE))

    def write_minified(self):
        """min.json: 500 users on one line, the 251st with the emergency extension 911."""
        users = [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w%05d" % i, "extension": "%d" % (3000 + i)} for i in range(500)]
        users[250]["extension"] = "911"
        with open(self.path("min.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"usersList": [{"locationId": "x", "validate": False, "users": users}]},
                               separators=(",", ":")))

    def test_long_minified_line_is_clipped_around_the_column(self):
        self.write_minified()
        rc, out = self.on_terminal("--select", "4911", "min.json", NO_COLOR="1")
        lines = out.splitlines()
        self.assertRegex(lines[0], r"^min\.json:1:(\d+): error\[4911\]")
        source, carets = lines[1], lines[2]
        self.assertTrue(source.startswith(" 1 | ...") and source.endswith("..."), source)
        self.assertLessEqual(len(source), 6 + 3 + 100 + 3)
        self.assertEqual(source[carets.index("^"):carets.index("^") + 5], '"911"')
        self.assertRegex(carets, r"^   \| +\^{5}$")

    def test_the_excerpt_takes_the_terminal_width(self):
        self.write_minified()
        for columns, shown in ((80, 64), (200, 184), (20, 40)):  # 16 beside the source; 40 at least
            rc, out = self.on_terminal("--select", "4911", "min.json", columns=columns, NO_COLOR="1")
            self.assertEqual(len(out.splitlines()[1]), len(" 1 | ...") + shown + len("..."), columns)
        rc, out = self.on_terminal("--select", "4911", "min.json", NO_COLOR="1", COLUMNS="60")  # no size: $COLUMNS
        self.assertEqual(len(out.splitlines()[1]), len(" 1 | ...") + 44 + len("..."))

    def test_with_fix_to_stdout_the_report_is_styled_for_stderr(self):
        """--fix - writes the payload to stdout and the report to stderr: stderr's terminal decides."""
        with open(self.path("bad.json"), "rb") as f:
            payload = f.read()
        rc, out = self.on_terminal("--fix", "-", stream="stderr", stdin=payload)
        self.assertEqual(out, "\x1b[1m<stdin>:13:24:\x1b[0m \x1b[1;31merror[4911]\x1b[0m: Invalid extension. The extension "
                              'cannot be an emergency number: "911". \x1b[2m(move-users/extension-emergency)\x1b[0m\n'
                              "\x1b[1m1 file checked: 1 error, 0 warnings, 0 infos\x1b[0m\n")  # stdin: no excerpt
        r = subprocess.run([WXLINT, "check", "--no-config", "--fix", "-"], cwd=self.dir, input=payload,
                           capture_output=True, env=env(), timeout=60)
        self.assertEqual(r.stderr.decode(), LINE.replace("bad.json", "<stdin>") + SUMMARY)

    def write_wide(self):
        """A line with a combining accent and CJK before the findings, and a policy whose code and
        message are not ASCII. É is E and U+0301: 1 column; 山 and 田 take 2 each."""
        def rule(rule_id, code, at, regex, message):
            return {"id": rule_id, "code": code, "severity": "warning", "check": "pattern", "at": at,
                    "params": {"regex": regex}, "message": message, "summary": "s", "description": "d"}
        write(self.path("org.rules.json"), {"operation": "bulkCreateOrUpdateContacts", "rules": [
            rule("org/last-name", "ORG0001", "/contacts/*/lastName", "^[a-z]", "m"),
            rule("org/名前", "名前01", "/contacts/*/source", "^CH$", 'ソース "{value}" は CH ではない')]})
        write(self.path("wide.json"), '{"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [\n'
                                      '{"lastName": "E\u0301山田", "source": "XX",\n'
                                      '  "emails": [{"value": "a@example.com", "type": "work", "primary": true}]}]}\n')

    def test_carets_under_the_value_after_wide_and_combining_characters(self):
        self.write_wide()
        source = ' 2 | {"lastName": "E\u0301山田", "source": "XX",\n'
        self.assertEqual(self.on_terminal("--rules", "org.rules.json", "wide.json", NO_COLOR="1"), (1,
            "wide.json:2:14: warning[ORG0001]: m (org/last-name)\n" + source +
            "   |              ^^^^^^^\n"
            'wide.json:2:32: error[WX3007]: source "XX" is not a source of contacts; use one of: CH, '
            "Webex4Broadworks. (contacts/source-value)\n" + source +
            "   |                                 ^^^^\n"
            'wide.json:2:32: warning[名前01]: ソース "XX" は CH ではない (org/名前)\n' + source +
            "   |                                 ^^^^\n"
            "1 file checked: 1 error, 2 warnings, 0 infos\n"))
        # The columns of file:line:col stay code points, as in every format.
        r = self.piped("-f", "json", "--rules", "org.rules.json", "wide.json")
        self.assertEqual([(d["line"], d["column"], d["endColumn"]) for d in json.loads(r.stdout)["files"][0]["diagnostics"]],
                         [(2, 14, 20), (2, 32, 36), (2, 32, 36)])

    def test_statistics_and_rules_align_codes_by_columns(self):
        self.write_wide()
        r = self.piped("-q", "--statistics", "--rules", "org.rules.json", "wide.json")
        self.assertEqual(r.stdout.split("\n", 3)[3], "     1  ORG0001  org/last-name\n"
                                                     "     1  WX3007   contacts/source-value\n"
                                                     "     1  名前01   org/名前\n")
        r = run("rules", "--rules", "org.rules.json", cwd=self.dir)
        self.assertEqual([line for line in r.stdout.splitlines() if "org/" in line],
                         # Aligned by columns on the widest code (external.non.privilege, 22) and rule
                         # id (45): a CJK character takes two.
                         ["ORG0001" + " " * 16 + "warning org/last-name" + " " * 33 + "s",
                          "名前01" + " " * 17 + "warning org/名前" + " " * 38 + "s"])

class SelectIgnore(TempDirTest):
    def setUp(self):
        super().setUp()
        # An emergency extension (4911) and a letter in an extension (4910), and a warning file.
        write(self.path("bad.json"), move_users("911", "a234"))
        write(self.path("warn.json"), WARN)

    def rules(self, *args):
        r = self.wxlint("check", "--no-config", "-q", *args, "bad.json", "warn.json")
        return r.returncode, [line.split("(")[-1].rstrip(")") for line in r.stdout.splitlines()], r.stderr

    def test_everything_without_them(self):
        self.assertEqual(self.rules(),
                         (1, ["move-users/extension-emergency", "move-users/extension-digits", "envelope/no-example"], ""))

    def test_select_by_code_and_rule_id(self):
        self.assertEqual(self.rules("--select", "4911,envelope/no-example"),
                         (1, ["move-users/extension-emergency", "envelope/no-example"], ""))
        self.assertEqual(self.rules("--select", "WX0012"), (0, ["envelope/no-example"], ""))

    def test_a_list_with_spaces_after_its_commas(self):
        # "4911, envelope/no-example" named " envelope/no-example", unknown.
        self.assertEqual(self.rules("--select", "4911, envelope/no-example, "),
                         (1, ["move-users/extension-emergency", "envelope/no-example"], ""))

    def test_ignore_by_code_and_rule_id(self):
        self.assertEqual(self.rules("--ignore", "move-users/extension-emergency", "--ignore", "4910"),
                         (0, ["envelope/no-example"], ""))

    def test_unknown_names_exit_2_with_a_suggestion(self):
        r = self.wxlint("check", "--no-config", "--select", "move-users/extension-emergncy", "bad.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: --select: unknown rule id or code "move-users/extension-emergncy" '
                                   '(did you mean "move-users/extension-emergency"?); `wxlint rules` lists them\n')
        r = self.wxlint("check", "--no-config", "--ignore", "nothing-like-it", "bad.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, 'wxlint: --ignore: unknown rule id or code "nothing-like-it"; `wxlint rules` lists them\n')


class ExitZeroAndVersion(TempDirTest):
    def test_exit_zero_reports_but_exits_0(self):
        write(self.path("bad.json"), BAD)
        r = self.wxlint("check", "--no-config", "--exit-zero", "bad.json")
        self.assertEqual(r.returncode, 0)
        self.assertIn("error[4911]", r.stdout)

    def test_exit_zero_keeps_exit_2_for_unreadable_files(self):
        r = self.wxlint("check", "--no-config", "--exit-zero", "missing.json")
        self.assertEqual(r.returncode, 2)

    def test_check_version(self):
        top = self.wxlint("--version")
        r = self.wxlint("check", "--version")
        self.assertEqual((r.returncode, r.stdout), (0, top.stdout))
        self.assertRegex(r.stdout, r"^wxlint \d+\.\d+\.\d+\nnumbering plans: libphonenumber [\d.]+ metadata\n$")


class DidYouMean(TempDirTest):
    def test_subcommand(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("chek", "good.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: unknown command "chek" (did you mean "check"?); '
                                   'commands: check, rules, explain, snapshot\n')
        r = self.wxlint("frobnicate")
        self.assertEqual(r.stderr, 'wxlint: unknown command "frobnicate"; commands: check, rules, explain, snapshot\n')

    def test_a_command_of_a_command_and_a_first_option(self):
        # CLI11 alone said "A subcommand is required" to both.
        r = self.wxlint("snapshot", "inf", "snap")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: unknown command "snapshot inf" (did you mean "snapshot info"?); '
                                   'commands of snapshot: info, pull\n')
        r = self.wxlint("--versio")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: unknown option "--versio" (did you mean "--version"?); give a command '
                                   'first: check, rules, explain, snapshot\n')
        self.assertEqual(self.wxlint("snapshot", "info", "--help").returncode, 0)
        self.assertEqual(self.wxlint("--version").returncode, 0)

    def test_explain_rule_id_and_code(self):
        r = self.wxlint("explain", "contacts/phone-e614")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: no rule with code or id "contacts/phone-e614" (did you mean '
                                   '"contacts/phone-e164"?); `wxlint rules` lists them all\n')
        r = self.wxlint("explain", "envelope/no-exmaple")
        self.assertIn('(did you mean "envelope/no-example"?)', r.stderr)

    def test_rule_ids_in_the_config(self):
        write(self.path("good.json"), GOOD)
        write(self.path("cfg.json"), {"rules": {"contacts/phone-e614": "off"}})
        r = self.wxlint("check", "--config", "cfg.json", "good.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: cfg.json:3:28: /rules/contacts~1phone-e614: unknown rule id or code '
                                   '"contacts/phone-e614" (did you mean "contacts/phone-e164"?)\n')
        write(self.path("cfg.json"), {"ignore": [{"rule": "envelope/no-exmaple"}]})
        r = self.wxlint("check", "--config", "cfg.json", "good.json")
        self.assertEqual(r.stderr, 'wxlint: cfg.json:4:15: /ignore/0/rule: unknown rule id or code '
                                   '"envelope/no-exmaple" (did you mean "envelope/no-example"?)\n')
        r = self.wxlint("explain", "envelope/no-exmaple")
        self.assertIn('(did you mean "envelope/no-example"?)', r.stderr)


if __name__ == "__main__":
    main()
