"""What `check --fix` may touch: only the findings the report would show (--select, --ignore,
the config's ignores, the baseline), only once every argument is known good, never a
read-only file, each file once; and "fixed N" counts only what was written."""
import ctypes
import ctypes.util
import os
import resource
import select
import shutil
import signal
import stat
import subprocess
import unittest

from test_fix import read
from cli_support import REPO, WXLINT, TempDirTest, main, write

CASE = os.path.join(REPO, "testdata", "fix", "enum-case.json")  # WX3012 "WORK", WX3013 "Mobile", WX3011 "email"
with open(CASE, "rb") as f:
    BAD = f.read()
FIXED = {  # what each fix changes
    "WX3012": (b'"type": "WORK"', b'"type": "work"'),
    "WX3013": (b'"type": "Mobile"', b'"type": "mobile"'),
    "WX3011": (b'"primaryContactMethod": "email"', b'"primaryContactMethod": "EMAIL"'),
}
CLEAN = "1 file checked: no findings\n"


def unfixed(name):
    """CASE's findings, as a file whose fixes were not written reports them."""
    return (f'{name}:7:55: error[WX3012]: emails type "WORK" is not allowed; use one of: work, home, room, other. '
            'Did you mean "work"? (contacts/email-type)\n'
            f'{name}:8:58: error[WX3013]: phoneNumbers type "Mobile" is not allowed; use one of: work, home, mobile, '
            'work_extension, fax, pager, other. Did you mean "mobile"? (contacts/phone-type)\n'
            f'{name}:9:31: error[WX3011]: primaryContactMethod "email" is not allowed; use one of: SIPADDRESS, EMAIL, '
            'PHONE, IMS. Did you mean "EMAIL"? (contacts/primary-contact-method-value)\n')


def fixed(*codes):
    """BAD with the fixes of these codes applied."""
    text = BAD
    for code in codes:
        old, new = FIXED[code]
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


class FixesOnlyWhatIsReported(TempDirTest):
    def setUp(self):
        super().setUp()
        self.a = self.path("a.json")
        with open(self.a, "wb") as f:
            f.write(BAD)

    def fix(self, *args):
        return self.wxlint("check", "--fix", *args)

    def test_select_fixes_the_selected_rule_only(self):
        r = self.fix("--no-config", "--select", "WX3012", "a.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, "wxlint: fixed 1 finding in 1 file\n"))
        self.assertEqual(read(self.a), fixed("WX3012"))

    def test_select_by_rule_id(self):
        r = self.fix("--no-config", "--select", "contacts/phone-type", "a.json")
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: fixed 1 finding in 1 file\n"))
        self.assertEqual(read(self.a), fixed("WX3013"))

    def test_ignored_rules_are_not_fixed(self):
        r = self.fix("--no-config", "--ignore", "WX3012,WX3013", "a.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, "wxlint: fixed 1 finding in 1 file\n"))
        self.assertEqual(read(self.a), fixed("WX3011"))

    def test_config_ignore_of_a_rule_is_not_fixed(self):
        write(self.path(".wxlint.json"), {"ignore": [{"rule": "WX3013"}]})
        os.chmod(self.path(".wxlint.json"), 0o644)
        r = self.fix("a.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, "wxlint: fixed 2 findings in 1 file\n"))
        self.assertEqual(read(self.a), fixed("WX3012", "WX3011"))

    def test_a_file_the_config_ignores_is_not_rewritten(self):
        os.makedirs(self.path("proj", "fixtures", "deep"))
        write(self.path("proj", ".wxlint.json"), {"ignore": [{"files": "fixtures/**/*.json"}]})
        os.chmod(self.path("proj", ".wxlint.json"), 0o644)
        fixture = shutil.copy(CASE, self.path("proj", "fixtures", "deep", "f.json"))
        payload = shutil.copy(CASE, self.path("proj", "p.json"))
        before = os.stat(fixture)
        r = self.fix("proj")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "2 files checked: no findings\n",
                                                              "wxlint: fixed 3 findings in 1 file\n"))
        self.assertEqual(read(fixture), BAD)
        self.assertEqual(os.stat(fixture).st_ino, before.st_ino)  # not even replaced by itself
        self.assertEqual(read(payload), fixed("WX3012", "WX3013", "WX3011"))

    def test_baselined_findings_are_not_fixed(self):
        g = self.wxlint("check", "--no-config", "--generate-baseline", "b.base", "a.json")
        self.assertEqual((g.returncode, g.stderr), (0, "wxlint: recorded 3 findings in b.base\n"))
        r = self.fix("--no-config", "--baseline", "b.base", "a.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, ""))
        self.assertEqual(read(self.a), BAD)
        # A baseline of some of them: the others are fixed.
        g = self.wxlint("check", "--no-config", "--generate-baseline", "b.base", "--select", "WX3013,WX3011", "a.json")
        self.assertEqual((g.returncode, g.stderr), (0, "wxlint: recorded 2 findings in b.base\n"))
        r = self.wxlint("check", "--no-config", "--diff", "--baseline", "b.base", "a.json")
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: 1 fix would apply to 1 file\n"))
        self.assertIn('\n+      "emails": [{"value": "ada@example.com", "type": "work", "primary": true}],\n', r.stdout)
        self.assertEqual(r.stdout.count("\n+ "), 1, r.stdout)

    def test_diff_shows_only_the_selected_fix(self):
        r = self.wxlint("check", "--no-config", "--diff", "--select", "WX3011", "a.json")
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: 1 fix would apply to 1 file\n"))
        self.assertEqual(r.stdout.count("\n-"), 1, r.stdout)
        self.assertIn('\n+      "primaryContactMethod": "EMAIL"\n', r.stdout)
        self.assertEqual(read(self.a), BAD)

    def test_stdin_fixes_the_selected_rule_only(self):
        r = self.wxlint("check", "--no-config", "--fix", "--select", "WX3013", "-", stdin=BAD.decode())
        self.assertEqual(r.stdout, fixed("WX3013").decode())
        self.assertEqual(r.returncode, 0)


class NothingWrittenBeforeEveryArgumentIsChecked(TempDirTest):
    def setUp(self):
        super().setUp()
        self.a = shutil.copy(CASE, self.path("a.json"))

    def refused(self, stderr, *args):
        r = self.wxlint("check", "--no-config", "--fix", *args, "a.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", stderr))
        self.assertEqual(read(self.a), BAD)

    def test_a_broken_baseline(self):
        write(self.path("broken.base"), "garbage\n")
        self.refused("wxlint: broken.base:1:1: not a JSON value: text is written in double quotes, and the only bare words are "
                     "true, false and null\n", "--baseline", "broken.base")

    def test_a_missing_baseline(self):
        self.refused("wxlint: --baseline missing.base: No such file or directory\n", "--baseline", "missing.base")

    def test_a_directory_as_the_baseline(self):
        # Even the one holding the inputs: said as it is, not "no *.json files found".
        os.mkdir(self.path("dir"))
        self.refused("wxlint: dir: is a directory, not a JSON file\n", "--baseline", "dir")
        r = self.wxlint("check", "--no-config", "--baseline", ".", ".")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: .: is a directory, not a JSON file\n"))

    def test_an_unknown_selected_rule(self):
        self.refused('wxlint: --select: unknown rule id or code "WX9999"; `wxlint rules` lists them\n',
                     "--select", "WX9999")
        self.refused('wxlint: --ignore: unknown rule id or code "WX9999"; `wxlint rules` lists them\n',
                     "--ignore", "WX9999")

    def test_a_report_in_a_missing_directory(self):
        self.refused("wxlint: nodir/r.sarif: cannot write: No such file or directory\n", "-f", "sarif", "-o", "nodir/r.sarif")
        self.refused("wxlint: nodir/r.xml: cannot write: No such file or directory\n", "--output-format", "junit=nodir/r.xml")
        write(self.path("plain"), "")
        self.refused("wxlint: plain/r.sarif: cannot write: Not a directory\n", "-f", "sarif", "-o", "plain/r.sarif")

    def test_a_report_that_is_no_regular_file(self):
        os.mkdir(self.path("dir"))
        self.refused("wxlint: dir: cannot write: it is a directory, not a regular file\n", "-f", "sarif", "-o", "dir")
        self.refused("wxlint: dir: cannot write: it is a directory, not a regular file\n", "--output-format", "junit=dir")
        self.refused("wxlint: dir: cannot write: it is a directory, not a regular file\n", "--generate-baseline", "dir")
        os.mkfifo(self.path("fifo"))
        self.refused("wxlint: fifo: cannot write: it is a FIFO, not a regular file\n", "-o", "fifo")
        os.symlink("missing.sarif", self.path("dangling"))
        self.refused("wxlint: dangling: cannot write: it is a symbolic link to a file that does not exist\n",
                     "-f", "sarif", "-o", "dangling")

    def test_outputs_a_mode_would_not_write(self):
        # A report or baseline asked for and silently not written would fail a later step.
        diff = ("wxlint: --diff prints the diff alone: it writes no report (-o, --output-format) and no baseline "
                "(--generate-baseline)\n")
        baseline = ("wxlint: --generate-baseline records the findings and writes no report (-o, --output-format): run "
                    "check again with the baseline for the report\n")
        for args, stderr in ((["--diff", "-f", "sarif", "-o", "r.sarif"], diff),
                             (["--diff", "--output-format", "junit=r.xml"], diff),
                             (["--diff", "--generate-baseline", "b.json"], diff),
                             (["--generate-baseline", "b.json", "-f", "sarif", "-o", "r.sarif"], baseline),
                             (["--fix", "--generate-baseline", "b.json", "--output-format", "junit=r.xml"], baseline)):
            with self.subTest(args=args):
                r = self.wxlint("check", "--no-config", *args, "a.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", stderr))
        r = self.wxlint("check", "--no-config", "--fix", "--generate-baseline", "-", "-", stdin=BAD.decode())
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: --fix writes the fixed standard input to standard output: --generate-baseline "
                                 "- would be mixed into it\n"))
        self.assertEqual(os.listdir(self.dir), ["a.json"])
        self.assertEqual(read(self.a), BAD)

    @unittest.skipIf(os.geteuid() == 0 and not shutil.which("setpriv"), "root may write into any directory")
    def test_a_report_in_a_directory_one_may_not_write(self):
        # The atomic write makes a file beside the report: a directory that refuses it is
        # found before --fix writes a.json, not after.
        os.makedirs(self.path("ro"))
        os.chmod(self.path("ro"), 0o555)
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        if as_nobody:
            os.chmod(self.dir, 0o755)
            os.chown(self.dir, 65534, 65534)
            os.chown(self.a, 65534, 65534)
        for args in (["-f", "json", "-o", "ro/r.json"], ["--generate-baseline", "ro/b.json"]):
            with self.subTest(args=args):
                r = subprocess.run([*as_nobody, WXLINT, "check", "--no-config", "--fix", *args, "a.json"], cwd=self.dir,
                                   capture_output=True, text=True, timeout=120)
                if r.returncode == 126 or "Permission denied" in r.stderr and "wxlint:" not in r.stderr:
                    self.skipTest("nobody cannot run this build of wxlint")
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", "wxlint: {}: cannot write into its directory: Permission denied\n".format(args[-1])))
                self.assertEqual(read(self.a), BAD)

    def test_diff_checks_the_selection_too(self):
        r = self.wxlint("check", "--no-config", "--diff", "--select", "WX9999", "a.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: --select: unknown rule id or code "WX9999"; `wxlint rules` lists them\n')

    def test_an_unknown_rule_of_several_projects_stops_them_all(self):
        for project in ("one", "two"):
            write(self.path(project, ".wxlint.json"), {"rules": {"WX3013": "warning"}} if project == "two" else {})
            os.chmod(self.path(project, ".wxlint.json"), 0o644)
            shutil.copy(CASE, self.path(project, "p.json"))
        r = self.wxlint("check", "--fix", "--select", "WX9999", "one", "two")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: --select: unknown rule id or code "WX9999"; `wxlint rules` lists them\n')
        self.assertEqual([read(self.path(p, "p.json")) for p in ("one", "two")], [BAD, BAD])


class Writes(TempDirTest):
    def test_a_read_only_file_is_not_replaced(self):
        ro = shutil.copy(CASE, self.path("ro.json"))
        rw = shutil.copy(CASE, self.path("rw.json"))
        os.chmod(ro, 0o444)
        r = self.wxlint("check", "--no-config", "--fix", "ro.json", "rw.json")
        # Its findings are those of the file as it is, beside why it was not fixed.
        self.assertEqual((r.returncode, r.stdout), (2, unfixed("ro.json") + "2 files checked: 3 errors, 0 warnings, 0 infos\n"
                                                       "1 path failed (see above): exit code 2\n"))
        self.assertEqual(r.stderr, "wxlint: ro.json: cannot write: it is read-only (mode 0444); make it writable to fix it\n"
                                   "wxlint: fixed 3 findings in 1 file\n")
        self.assertEqual(read(ro), BAD)
        self.assertEqual(stat.S_IMODE(os.stat(ro).st_mode), 0o444)
        self.assertEqual(read(rw), fixed("WX3012", "WX3013", "WX3011"))

    def test_a_read_only_file_with_nothing_to_fix_is_only_linted(self):
        ro = write(self.path("ro.json"), fixed("WX3012", "WX3013", "WX3011").decode())
        os.chmod(ro, 0o444)
        r = self.wxlint("check", "--no-config", "--fix", "ro.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, ""))

    def test_a_read_only_file_can_be_diffed(self):
        ro = shutil.copy(CASE, self.path("ro.json"))
        os.chmod(ro, 0o444)
        r = self.wxlint("check", "--no-config", "--diff", "ro.json")
        self.assertEqual((r.returncode, r.stderr), (1, "wxlint: 3 fixes would apply to 1 file\n"))

    @unittest.skipIf(os.geteuid() == 0, "root writes into any directory")
    def test_a_file_in_a_read_only_directory_is_not_counted(self):
        os.makedirs(self.path("locked"))
        p = shutil.copy(CASE, self.path("locked", "a.json"))
        os.chmod(self.path("locked"), 0o555)
        try:
            r = self.wxlint("check", "--no-config", "--fix", "locked/a.json")
        finally:
            os.chmod(self.path("locked"), 0o755)
        self.assertEqual((r.returncode, r.stdout), (2, "0 files checked: no findings\n"))
        self.assertEqual(r.stderr, "wxlint: locked/a.json: cannot write: Permission denied\n")
        self.assertEqual(read(p), BAD)

    def test_a_failed_write_is_not_counted(self):
        # A file size limit makes the big file's write fail (EFBIG), for root too; the small
        # one is under it.
        small = write(self.path("small.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
            {"displayName": "A", "source": "CH", "emails": [{"value": "a@example.com", "type": "WORK"}]}]})
        big = self.path("big.json")
        with open(big, "wb") as f:
            f.write(BAD.replace(b'"Ada Lovelace"', b'"Ada Lovelace' + b" x" * 400 + b'"'))
        before = read(big)
        limit = 600
        self.assertLess(os.path.getsize(small), limit)

        def limited():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        import subprocess
        r = subprocess.run([WXLINT, "check", "--no-config", "--fix", "big.json", "small.json"], cwd=self.dir,
                           capture_output=True, text=True, preexec_fn=limited, timeout=120)
        self.assertEqual((r.returncode, r.stdout), (2, "big.json:5:22: warning[WX3044]: displayName is 812 characters long, "
                                                       "more than 256: shorten it. (contacts/name-too-long)\n" +
                                                       unfixed("big.json") + "2 files checked: 3 errors, 1 warning, 0 infos\n"
                                                       "1 path failed (see above): exit code 2\n"))
        self.assertEqual(r.stderr, "wxlint: big.json: cannot write: File too large\n"
                                   "wxlint: fixed 1 finding in 1 file\n")
        self.assertEqual(read(big), before)
        self.assertIn(b'"type": "work"', read(small))

    def test_a_file_saved_by_another_program_while_being_fixed_is_not_written_over(self):
        # The other program saves as soon as wxlint has read the file (inotify: closed
        # without writing); 20,000 fixes leave it far more time than that to react.
        contact = {"displayName": "A", "source": "CH", "emails": [{"value": "a@example.com", "type": "WORK"}]}
        big = write(self.path("big.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0",
                                            "contacts": [contact] * 20000})
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        watch = libc.inotify_init1(os.O_CLOEXEC)
        self.assertGreaterEqual(watch, 0, os.strerror(ctypes.get_errno()))
        in_close_nowrite = 0x10
        try:
            self.assertGreaterEqual(libc.inotify_add_watch(watch, big.encode(), in_close_nowrite), 0)
            p = subprocess.Popen([WXLINT, "check", "--no-config", "--fix", "big.json"], cwd=self.dir,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            readable, _, _ = select.select([watch], [], [], 60)
            self.assertTrue(readable, "wxlint never read big.json")
            with open(big, "wb") as f:
                f.write(BAD)
            out, err = p.communicate(timeout=120)
        finally:
            os.close(watch)
        self.assertEqual((p.returncode, out), (2, unfixed("big.json") + "1 file checked: 3 errors, 0 warnings, 0 infos\n"
                                                  "1 path failed (see above): exit code 2\n"))
        self.assertEqual(err, "wxlint: big.json: not fixed: it changed while wxlint was fixing it; run --fix again\n")
        self.assertEqual(read(big), BAD)


class EachFileOnce(TempDirTest):
    def setUp(self):
        super().setUp()
        self.d = shutil.copy(CASE, self.path("d.json"))

    def test_a_file_named_twice_is_fixed_once(self):
        r = self.wxlint("check", "--no-config", "--fix", "d.json", "./d.json", self.d)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, CLEAN, "wxlint: fixed 3 findings in 1 file\n"))
        self.assertEqual(read(self.d), fixed("WX3012", "WX3013", "WX3011"))

    def test_a_hard_link_and_a_directory_holding_the_file_are_the_same_file(self):
        os.link(self.d, self.path("e.json"))
        r = self.wxlint("check", "--no-config", "d.json", ".", "e.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.count("error[WX3012]"), 1, r.stdout)
        self.assertTrue(r.stdout.startswith("d.json:7:55: error[WX3012]"), r.stdout)
        self.assertTrue(r.stdout.endswith("1 file checked: 3 errors, 0 warnings, 0 infos\n"), r.stdout)

    def test_stdin_named_twice_is_a_usage_error(self):
        # The second reader would get an empty stream: an empty payload, config or rule file.
        for args, readers in ((["-", "-"], "2 paths"), (["--fix", "-", "d.json", "-"], "2 paths"),
                              (["--rules", "-", "-"], "a path, --rules"),
                              (["--baseline", "-", "--rules", "-", "--rules", "-", "d.json"], "--rules 2 times, --baseline"),
                              (["--rules", "-"], "the payload, as no path is given, --rules")):
            with self.subTest(args=args):
                r = self.wxlint("check", "--no-config", *args, stdin=BAD.decode())
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", "wxlint: - (standard input) is named more than once ({}): it can be read only "
                                         "once\n".format(readers)))
        r = self.wxlint("check", "--config", "-", "-", stdin="{}")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: - (standard input) is named more than once (a path, --config): it can be read "
                                 "only once\n"))
        self.assertEqual(read(self.d), BAD)


if __name__ == "__main__":
    main()
