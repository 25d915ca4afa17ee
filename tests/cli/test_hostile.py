"""Hostile inputs: each must give a located finding or a clear error with the right exit
code (0 clean, 1 findings, 2 IO/usage/config), never a crash, a hang, or memory out of
proportion to the input. Run as `python3 test_hostile.py /path/to/wxlint`."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from cli_support import main, others_may_run

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WXLINT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(REPO, "build", "wxlint")
MB = 1 << 20
LOCATED = re.compile(r":\d+:\d+: (error|warning|info)\[")
# A sanitizer build (scripts/test.sh) is several times slower and hungrier.
SANITIZED = bool(os.environ.get("WXLINT_SANITIZED"))
SLOW = 5 if SANITIZED else 1
USER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE"
LOCATION = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA"
GOOD = {"usersList": [{"locationId": LOCATION, "validate": False, "users": [{"userId": USER, "extension": "2001"}]}]}


class Result:
    def __init__(self, rc, out, err, peak):
        self.rc, self.out, self.err, self.peak = rc, out, err, peak


def run(*args, cwd=None, timeout=60, prefix=()):
    """Runs wxlint with a timeout; returns its exit code and output."""
    proc = subprocess.Popen([*prefix, WXLINT, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(timeout=timeout * SLOW)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"wxlint {' '.join(args)} did not finish in {timeout * SLOW} s")
    return Result(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), None)


# Peak RSS must be measured in a process that never held this test's memory: Linux keeps
# the pre-exec RSS of a child forked from a big parent. A small Python in between forks
# wxlint and reports its ru_maxrss (KiB) from wait4.
MEASURE = """
import os, signal, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    signal.alarm(int(sys.argv[1]))  # survives exec: a hang ends in SIGALRM
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(code, usage.ru_maxrss)
"""


def run_measured(*args, cwd=None, timeout=60):
    """Runs wxlint with stdout discarded; returns its exit code, stderr and peak RSS in bytes."""
    p = subprocess.run([sys.executable, "-c", MEASURE, str(timeout * SLOW), WXLINT, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=timeout * SLOW + 10)
    code, kib = p.stdout.split()
    if int(code) < 0:
        raise AssertionError(f"wxlint {' '.join(args)} died with signal {-int(code)}: {p.stderr}")
    return Result(int(code), "", p.stderr, int(kib) * 1024)


class Hostile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="wxlint-hostile-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def file(self, name, data):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def check(self, path, *extra, timeout=60):
        return run("check", "--no-config", "-j", "1", *extra, path, cwd=self.dir, timeout=timeout)

    def assert_finding(self, r, rule):
        self.assertEqual(r.rc, 1, r.out + r.err)
        self.assertTrue(LOCATED.search(r.out), r.out)
        self.assertIn(f"({rule})", r.out)
        self.assertNotIn("internal error", r.err)

    def assert_error(self, r, *needles):
        self.assertEqual(r.rc, 2, r.out + r.err)
        self.assertTrue(r.err.startswith("wxlint: "), r.err)
        for n in needles:
            self.assertIn(n, r.err)

    # --- payloads --------------------------------------------------------------------
    def test_truncated(self):
        text = json.dumps(GOOD, indent=1)
        for cut in (1, len(text) // 3, len(text) - 1):
            with self.subTest(cut=cut):
                self.assert_finding(self.check(self.file("t.json", text[:cut])), "json/syntax")

    def test_nesting_a_million_deep(self):
        n = 1_000_000
        for data, col in (("[" * n + "]" * n, 513), ('{"a":' * n + "1" + "}" * n, 512 * 5 + 1), ("[" * n, 513)):
            with self.subTest(start=data[:5]):
                r = self.check(self.file("deep.json", data), timeout=30)
                self.assert_finding(r, "json/too-deep")
                self.assertIn(f":1:{col}:", r.out)  # the first bracket past the limit

    def test_hundred_megabyte_string(self):
        path = self.file("big.json", b'{"usersList": "' + b"x" * (100 * MB) + b'"}')
        r = run_measured("check", "--no-config", "-j", "1", "-q", path, cwd=self.dir, timeout=60)
        self.assertEqual(r.rc, 1, r.err)
        # The text, the DOM's copy of the string and some slack; not a multiple of it.
        if not SANITIZED:  # ASan's shadow and quarantine are not ours
            self.assertLess(r.peak, 4 * 100 * MB + 64 * MB, f"peak {r.peak // MB} MB")

    def test_invalid_utf8(self):
        for data in (b'{"usersList": "\xff"}', b'{"\xc3\x28": 1}', b'{"a": "\xed\xa0\x80"}', b'\xfe{}'):
            with self.subTest(data=data):
                r = self.check(self.file("u.json", data))
                self.assertEqual(r.rc, 1, r.out + r.err)
                self.assertTrue(LOCATED.search(r.out), r.out)
                self.assertRegex(r.out, r"\(json/(invalid-utf8|syntax)\)")

    def test_bom(self):
        r = self.check(self.file("bom.json", b"\xef\xbb\xbf" + json.dumps(GOOD).encode()))
        self.assertEqual(r.rc, 0, r.out + r.err)
        r = self.check(self.file("bom2.json", b"\xef\xbb\xbf" + b'{"usersList": []}'))
        self.assert_finding(r, "move-users/users-list-empty")
        self.assertIn(":1:15:", r.out)  # columns start after the BOM

    def test_nul_bytes(self):
        for data in (b'{"usersList": [\x00]}', b'{"a\x00b": 1}', json.dumps(GOOD).encode() + b"\x00", b"\x00"):
            with self.subTest(data=data[:20]):
                r = self.check(self.file("nul.json", data))
                self.assertEqual(r.rc, 1, r.out + r.err)
                self.assertTrue(LOCATED.search(r.out), r.out)

    def test_numbers_beyond_double(self):
        for num in ("1e400", "-1e99999", "1" * 5000, "0." + "1" * 5000 + "e-99999"):
            with self.subTest(num=num[:10]):
                r = self.check(self.file("n.json", '{"usersList": [' + num + "]}"))
                self.assertEqual(r.rc, 1, r.out + r.err)
                self.assertTrue(LOCATED.search(r.out), r.out)

    def test_hundred_thousand_duplicate_keys(self):
        body = ",".join(['"userId": "x"'] * 100_000)
        path = self.file("dup.json", '{"usersList": [{"users": [{' + body + "}]}]}")
        r = run_measured("check", "--no-config", "-j", "1", "-q", path, cwd=self.dir, timeout=30)
        self.assertEqual(r.rc, 1, r.err)
        if not SANITIZED:
            self.assertLess(r.peak, 100 * MB, f"peak {r.peak // MB} MB")
        r = self.check(path, "-q", timeout=30)
        self.assert_finding(r, "json/duplicate-key")

    def test_empty(self):
        for data in (b"", b"   \n\t", b"\xef\xbb\xbf"):
            with self.subTest(data=data):
                self.assert_finding(self.check(self.file("e.json", data)), "json/empty")

    # --- paths -----------------------------------------------------------------------
    def test_directory_as_file(self):
        # A directory is a search root for *.json; one named like a file is no exception.
        d = os.path.join(self.dir, "d.json")
        os.makedirs(d)
        r = self.check(d)
        self.assertEqual(r.rc, 2, r.out + r.err)  # nothing to lint: a usage error, not a silent pass
        self.assertIn("no *.json files found", r.err)
        self.file("d.json/inner.json", "{")
        self.assert_finding(self.check(d), "json/syntax")

    def test_unreadable_file(self):
        path = self.file("secret.json", json.dumps(GOOD))
        os.chmod(path, 0)
        os.chmod(self.dir, 0o755)
        if os.geteuid() != 0:
            self.assert_error(self.check(path), "secret.json", "Permission denied")
            return
        setpriv = shutil.which("setpriv")
        if not setpriv or not os.access(WXLINT, os.X_OK):
            self.skipTest("running as root and setpriv is missing: root can read anything")
        if not others_may_run(WXLINT):  # and the sanitizers' suppressions beside it
            self.skipTest("the wxlint binary is not reachable as nobody (a checkout under /root)")
        r = run("check", "--no-config", path, cwd=self.dir,
                prefix=(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"))
        self.assert_error(r, "secret.json", "Permission denied")

    def test_fifo(self):
        path = os.path.join(self.dir, "pipe.json")
        os.mkfifo(path)
        self.assert_error(self.check(path, timeout=10), "pipe.json", "not a regular file")

    @unittest.skipUnless(os.access("/proc/kmsg", os.R_OK), "/proc/kmsg cannot be read here")
    def test_a_kernel_file_that_looks_regular_but_waits_for_data(self):
        # stat() calls /proc/kmsg a regular file of 0 bytes; a blocking read of it waits for the
        # next kernel message. (A message already there is read, as any reader of it would.)
        for args in (("check", "--no-config", "/proc/kmsg"), ("snapshot", "info", "/proc/kmsg")):
            r = run(*args, cwd=self.dir, timeout=20)
            self.assertEqual(r.rc, 2, args)
            self.assertIn("wxlint: /proc/kmsg: cannot read: it waits for data that may never come (a kernel or device "
                          "file, not JSON)\n", r.err)

    def test_a_line_break_in_a_file_name_starts_no_line_of_its_own(self):
        # A name met by a directory search is shown with its control characters escaped: a line
        # break in it would print a line that seems wxlint's own.
        os.makedirs(os.path.join(self.dir, "tree"))
        os.symlink("/gone", os.path.join(self.dir, "tree", "x\nwxlint: forged.json:1:1: error\ty.json"))
        with open(os.path.join(self.dir, "tree", "b\x1b[2J.json"), "w") as f:
            f.write("{")
        for args in (("check", "--no-config", "tree"), ("snapshot", "info", "tree")):
            r = run(*args, cwd=self.dir, timeout=20)
            self.assertEqual(r.rc, 2, args)
            self.assertIn("wxlint: tree/x\\nwxlint: forged.json:1:1: error\\ty.json: a link to /gone, which does not "
                          "exist\n", r.err, args)
            self.assertNotIn("\nwxlint: forged", r.err, args)
        # A snapshot page that is not JSON is named with its escapes too.
        os.remove(os.path.join(self.dir, "tree", "x\nwxlint: forged.json:1:1: error\ty.json"))
        r = run("snapshot", "info", "tree", cwd=self.dir, timeout=20)
        self.assertEqual(r.rc, 2)
        self.assertTrue(r.err.startswith("wxlint: tree/b\\x1b[2J.json:1:2: "), r.err)

    def test_missing_file(self):
        self.assert_error(self.check(os.path.join(self.dir, "nope.json")), "nope.json")

    # --- catalogue and config --------------------------------------------------------
    def rules_dir(self, rules=None, schema=None):
        d = os.path.join(self.dir, "catalogue")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(os.path.join(d, "rules"))
        os.makedirs(os.path.join(d, "schemas"))
        name = "validateOrInitiateMoveUsersJob"
        with open(os.path.join(REPO, "rules", name + ".rules.json")) as f:
            r = f.read()
        with open(os.path.join(REPO, "schemas", name + ".request.schema.json")) as f:
            s = f.read()
        with open(os.path.join(d, "rules", name + ".rules.json"), "w") as f:
            f.write(rules(r) if rules else r)
        with open(os.path.join(d, "schemas", name + ".request.schema.json"), "w") as f:
            f.write(schema(s) if schema else s)
        return d

    def lint_with(self, d):
        return self.check(self.file("p.json", json.dumps(GOOD)), "--rules-dir", d)

    def test_bad_catalogue(self):
        self.assertEqual(self.lint_with(self.rules_dir()).rc, 0)
        rules = "rules/validateOrInitiateMoveUsersJob.rules.json"
        schema = "schemas/validateOrInitiateMoveUsersJob.request.schema.json"
        cases = [
            ("rules: bad JSON", dict(rules=lambda t: t[: len(t) // 2]), rules + ":"),
            ("rules: wrong type", dict(rules=lambda t: t.replace('"severity": "error"', '"severity": 3', 1)), rules + ":"),
            ("rules: unknown kind", dict(rules=lambda t: t.replace('"check": "count"', '"check": "nosuch"', 1)), rules + ":11:"),
            ("rules: deep", dict(rules=lambda t: t.replace('"params": {"min": 1}', '"params": ' + "[" * 100000, 1)), rules + ":"),
            ("schema: bad JSON", dict(schema=lambda t: t + "}"), schema + ":"),
            ("schema: not an object", dict(schema=lambda t: "[]"), schema),
            # A backreference (exponential to match): RE2 has none, so it is refused at load.
            ("schema: pattern", dict(schema=lambda t: t.replace('"type": "string", "description": "User ID',
                                                                '"type": "string", "pattern": "^(a+)\\\\1$", "description": "User ID', 1)),
             "/definitions/user/properties/userId/pattern"),
        ]
        for label, change, needle in cases:
            with self.subTest(label):
                r = self.lint_with(self.rules_dir(**change))
                self.assert_error(r, needle)
                self.assertRegex(r.err, r"\.json(:\d+:\d+)?: ")

    def test_bad_config(self):
        p = self.file("p.json", json.dumps(GOOD))
        cases = [("{", ".wxlint.json:1:2"), ('{"settings": 5}', ".wxlint.json:1:14"),
                 ('{"settings": {"nosuch": 1}}', ".wxlint.json:1:"), ("\xff", ".wxlint.json:1:1"),
                 ('{"a": ' * 100000, ".wxlint.json:1:")]
        for text, needle in cases:
            with self.subTest(text=text[:20]):
                cfg = self.file(".wxlint.json", text.encode("latin-1"))
                self.assert_error(run("check", "--config", cfg, p, cwd=self.dir), needle)
                self.assert_error(run("check", p, cwd=self.dir), needle)  # found by search too

    def test_nul_in_a_config_key(self):
        # An error message is a C string (what()): a NUL quoted from the file is shown as
        # \x00, as the reports show a control character, and the message goes on past it.
        p = self.file("p.json", json.dumps(GOOD))
        cases = [('{"rules": {"a\\u0000b\\u001b": "off"}}',
                  '.wxlint.json:1:30: /rules/a\\x00b\\x1b: unknown rule id or code "a\\x00b\\x1b"\n'),
                 ('{"settings": {"x\\u0000y": 1}}', '.wxlint.json:1:27: /settings/x\\x00y: unknown setting "x\\x00y"\n')]
        for text, tail in cases:
            with self.subTest(text=text):
                self.file(".wxlint.json", text.encode())
                r = run("check", p, cwd=self.dir)
                self.assertEqual(r.rc, 2, r.err)
                self.assertEqual(r.out, "")
                self.assertTrue(r.err.startswith("wxlint: ") and r.err.endswith(tail), r.err)


if __name__ == "__main__":
    main()
