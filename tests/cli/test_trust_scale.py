"""Input at scale (issue 10): a wide object is placed in linear time, a file lists at most
maxFindingsPerRule findings of a rule while the summary and the exit code count them all,
and memory stays within 4x the input + 64 MB. Run as `python3 test_trust_scale.py /path/to/wxlint`."""
import json
import os
import resource
import subprocess
import sys

from cli_support import LOCATION, USER_1, TempDirTest, WXLINT, main, write

MB = 1 << 20
# A sanitizer build (scripts/test.sh) is several times slower and hungrier.
SANITIZED = bool(os.environ.get("WXLINT_SANITIZED"))
SLOW = 5 if SANITIZED else 1

# Runs wxlint from a small Python that never held this test's memory (a child forked from
# a big process keeps its pre-exec RSS) and prints the children's peak RSS in KiB.
MEASURE = """
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(rc, u.ru_maxrss, u.ru_utime + u.ru_stime)
"""


def measured(*args, cwd, timeout, stdin=None):
    """(exit code, peak RSS in bytes, CPU seconds) of one wxlint run; `stdin`: a file it reads."""
    p = subprocess.run([sys.executable, "-c", MEASURE, WXLINT, *args], cwd=cwd, capture_output=True, text=True,
                       timeout=timeout * SLOW, stdin=stdin)
    rc, kib, cpu = p.stdout.split()
    return int(rc), int(kib) * 1024, float(cpu)


def cpu_seconds():
    """CPU time of this process's finished children: a loaded machine does not fail a test of complexity."""
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def payload(users):
    return {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]}


def dumps(value):
    return json.dumps(value, separators=(",", ":"))


def column_of(text, needle, start=0):
    """1-based column of needle in a one-line text (ASCII)."""
    return text.index(needle, start) + 1


class Scale(TempDirTest):
    def config(self, value):
        write(self.path(".wxlint.json"), value)

    def test_wide_object_is_placed_in_linear_time(self):
        # 100,000 unknown members of one user, each a finding; all of them listed.
        members = ",".join(f'"x{i}":1' for i in range(100_000))
        text = dumps(payload([{"userId": USER_1, "extension": "2001"}]))[:-5] + "," + members + "}]}]}"
        write(self.path("wide.json"), text)
        self.config({"settings": {"maxFindingsPerRule": 1_000_000}})
        t0 = cpu_seconds()
        r = self.wxlint("check", "wide.json")
        took = cpu_seconds() - t0
        self.assert_exit(r, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[-1], "1 file checked: 100000 errors, 0 warnings, 0 infos")
        self.assertEqual(len(lines), 100_001)
        self.assertEqual(lines[-2], f'wide.json:1:{column_of(text, chr(34) + "x99999")}: error[WX1003]: '
                                    'Unknown property "x99999": the API does not accept it. (schema/unknown-property)')
        self.assertLess(took, 5 * SLOW, f"{took:.1f} s for 100,000 members")

    def test_wide_top_level_object_is_placed_in_linear_time(self):
        # With the default maxFindingsPerRule: 1,000 listed, all 100,000 counted.
        members = ",".join(f'"x{i}":1' for i in range(100_000))
        text = dumps(payload([{"userId": USER_1, "extension": "2001"}]))[:-1] + "," + members + "}"
        write(self.path("wide.json"), text)
        t0 = cpu_seconds()
        r = self.wxlint("check", "--no-config", "wide.json")
        took = cpu_seconds() - t0
        self.assert_exit(r, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 1000 + 1 + 1)
        self.assertEqual(lines[-2], f'wide.json:1:{column_of(text, chr(34) + "x1000" + chr(34))}: error[WX1003]: '
                                    "... and 99,000 more findings of this rule in this file; only the first 1,000 are listed "
                                    "(setting maxFindingsPerRule). (schema/unknown-property)")
        self.assertEqual(lines[-1], "1 file checked: 100000 errors, 0 warnings, 0 infos")
        self.assertLess(took, 5 * SLOW, f"{took:.1f} s for 100,000 members")

    def test_a_count_from_the_root_is_counted_once_not_per_node(self):
        # 50,000 usersList entries with validate:true: each is judged by the count of all users
        # (1026020), counted once a lint; it once took ~35 s, the payload times its entries.
        entry = dumps({"validate": True, "users": [{"extension": "2001"}]})
        text = '{"usersList":[' + ",".join([entry] * 50_000) + "]}"
        write(self.path("validate.json"), text)
        t0 = cpu_seconds()
        r = self.wxlint("check", "--no-config", "--select", "1026020", "validate.json")
        took = cpu_seconds() - t0
        self.assert_exit(r, 1)
        lines = r.stdout.splitlines()
        # One finding, at the second user, the first one past the maximum (1): every entry is
        # told of the same user.
        second = len('{"usersList":[') + len(entry + ",") + len('{"validate":true,"users":[') + 1
        self.assertEqual(lines[0], f"validate.json:1:{second}: error[1026020]: Validate 'true' is supported only for "
                                   "single user: this request moves 50000 users; validate one user per request, or set "
                                   "validate to false. (move-users/validate-single-user)")
        self.assertEqual(lines[1:], ["1 file checked: 1 error, 0 warnings, 0 infos"])
        self.assertLess(took, 5 * SLOW, f"{took:.1f} s for 50,000 entries")

    def test_one_finding_per_value_stays_within_memory_and_time(self):
        # 4 MB of [] where user objects belong: one schema finding per 3 bytes.
        n = (4 * MB) // 3
        write(self.path("small.json"), payload([{"userId": USER_1, "extension": "2001"}]))
        text = dumps(payload([[]])).replace("[[]]", "[" + ",".join(["[]"] * n) + "]")
        write(self.path("big.json"), text)
        rc, base, _ = measured("check", "--no-config", "small.json", cwd=self.dir, timeout=30)
        self.assertEqual(rc, 0)
        rc, peak, took = measured("check", "--no-config", "big.json", cwd=self.dir, timeout=60)
        self.assertEqual(rc, 1)
        if not SANITIZED:
            bound = 4 * len(text) + 64 * MB + base
            self.assertLessEqual(peak, bound, f"peak {peak // MB} MB for {len(text) // MB} MB, bound {bound // MB} MB")
        self.assertLess(took, 20 * SLOW, f"{took:.1f} s")
        r = self.wxlint("check", "--no-config", "big.json")
        lines = r.stdout.splitlines()
        self.assertEqual(lines[-1], f"1 file checked: {n + 1} errors, 0 warnings, 0 infos")  # + too many users
        self.assertEqual(len(lines), 1 + 1000 + 1 + 1)
        self.assertTrue(lines[-2].endswith(f"error[WX1001]: ... and {n - 1000:,} more findings of this rule in this file; "
                                           "only the first 1,000 are listed (setting maxFindingsPerRule). (schema/type)"),
                        lines[-2])

    def test_densest_input_under_the_size_limit_stays_within_memory(self):
        # 2 bytes per value (16 in the DOM): the densest JSON there is, just under maxFileSize.
        n = (7 * MB) // 2
        write(self.path("small.json"), payload([{"userId": USER_1, "extension": "2001"}]))
        text = dumps(payload([0])).replace("[0]", "[" + ",".join(["0"] * n) + "]")
        write(self.path("big.json"), text)
        rc, base, _ = measured("check", "--no-config", "small.json", cwd=self.dir, timeout=30)
        rc, peak, took = measured("check", "--no-config", "big.json", cwd=self.dir, timeout=120)
        self.assertEqual(rc, 1)
        if not SANITIZED:
            bound = 4 * len(text) + 64 * MB + base
            self.assertLessEqual(peak, bound, f"peak {peak // MB} MB for {len(text) // MB} MB, bound {bound // MB} MB")
        # --fix and --diff list the findings past maxFindingsPerRule that have a fix (convert-type
        # here, which none of these takes): the others are counted, not kept, as without them.
        for mode in ("--diff", "--fix"):
            rc, peak, took = measured("check", "--no-config", mode, "big.json", cwd=self.dir, timeout=120)
            if not SANITIZED:
                self.assertLessEqual(peak, bound, f"{mode}: peak {peak // MB} MB for {len(text) // MB} MB")

    def test_file_past_max_file_size_is_not_read(self):
        # Sized before it is read: a 4 GB file (sparse here) takes the memory of a small one.
        with open(self.path("huge.json"), "wb") as f:
            f.truncate(4 << 30)
        write(self.path("small.json"), dumps(payload([[]])))
        rc, base, _ = measured("check", "--no-config", "small.json", cwd=self.dir, timeout=30)
        rc, peak, _ = measured("check", "--no-config", "huge.json", cwd=self.dir, timeout=30)
        self.assertEqual(rc, 1)
        if not SANITIZED:
            self.assertLessEqual(peak, base + 16 * MB, f"peak {peak // MB} MB, a small file's {base // MB} MB")
        r = self.wxlint("check", "--no-config", "-q", "huge.json")
        self.assertEqual(r.stdout.split(": ", 2)[:2], ["huge.json:1:1", "error[WX0006]"])
        self.assertIn("The file is 4,294,967,296 bytes, more than the setting maxFileSize (8,388,608)", r.stdout)

    def test_stdin_past_max_file_size_is_read_but_not_kept(self):
        # A stream is read to its end (its size is reported), but no more of it than
        # maxFileSize is kept: 64 MB of stdin takes the memory of a small file.
        with open(self.path("huge.json"), "wb") as f:
            f.write(b" " * (64 * MB))
        write(self.path("small.json"), dumps(payload([[]])))
        rc, base, _ = measured("check", "--no-config", "small.json", cwd=self.dir, timeout=30)
        with open(self.path("huge.json"), "rb") as f:
            rc, peak, _ = measured("check", "--no-config", "-", cwd=self.dir, timeout=30, stdin=f)
        self.assertEqual(rc, 1)
        if not SANITIZED:
            self.assertLessEqual(peak, base + 16 * MB, f"peak {peak // MB} MB, a small file's {base // MB} MB")
        too_large = ("<stdin>:1:1: error[WX0006]: The file is 67,108,864 bytes, more than the setting maxFileSize "
                     "(8,388,608), so it was not linted. A Webex request body is far smaller; raise maxFileSize in "
                     ".wxlint.json to lint it anyway. (json/too-large)\n")
        with open(self.path("huge.json"), "rb") as f:
            r = subprocess.run([WXLINT, "check", "--no-config", "-q", "-"], stdin=f, capture_output=True, text=True,
                               timeout=30 * SLOW)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, too_large, ""))
        # At the start, ending there (an unread text has no end to point at).
        r = self.wxlint("check", "--no-config", "-f", "json", "-", stdin=" " * (9 * MB))
        [d] = json.loads(r.stdout)["files"][0]["diagnostics"]
        self.assertEqual((d["code"], d["line"], d["column"], d["endLine"], d["endColumn"]), ("WX0006", 1, 1, 1, 1))
        # --fix: the report, and no text to write back: exit 2, so that a pipeline does not
        # take the empty stdout for the fixed text.
        with open(self.path("huge.json"), "rb") as f:
            r = subprocess.run([WXLINT, "check", "--no-config", "-q", "--fix", "-"], stdin=f, capture_output=True,
                               text=True, timeout=30 * SLOW)
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: <stdin>: not fixed: larger than the setting maxFileSize, its text was not kept, "
                                 "and nothing is written to standard output\n" + too_large))

    def test_file_past_max_file_size_is_reported_not_parsed(self):
        text = dumps(payload([[]])).replace("[[]]", "[" + ",".join(["[]"] * (3 * MB)) + "]")
        write(self.path("big.json"), text)
        size = f"{len(text):,}"
        r = self.wxlint("check", "--no-config", "big.json")
        self.assert_exit(r, 1)
        self.assertEqual(r.stdout,
                         f"big.json:1:1: error[WX0006]: The file is {size} bytes, more than the setting maxFileSize "
                         "(8,388,608), so it was not linted. A Webex request body is far smaller; raise maxFileSize in "
                         ".wxlint.json to lint it anyway. (json/too-large)\n"
                         "1 file checked: 1 error, 0 warnings, 0 infos\n")
        self.config({"settings": {"maxFileSize": 10 * MB}})
        r = self.wxlint("check", "big.json")
        self.assert_exit(r, 1)
        self.assertTrue(r.stdout.endswith(f"1 file checked: {3 * MB + 1} errors, 0 warnings, 0 infos\n"), r.stdout[-200:])
        self.config({"settings": {"maxFileSize": 10}})
        r = self.wxlint("check", "-", stdin='{"usersList": []}')
        self.assert_exit(r, 1)
        self.assertEqual(r.stdout.splitlines()[0],
                         "<stdin>:1:1: error[WX0006]: The file is 17 bytes, more than the setting maxFileSize (10), so it "
                         "was not linted. A Webex request body is far smaller; raise maxFileSize in .wxlint.json to lint "
                         "it anyway. (json/too-large)")
        self.config({"settings": {"maxFileSize": 0}})
        r = self.wxlint("check", "big.json")
        self.assert_exit(r, 2)
        self.assertEqual(r.stderr, f"wxlint: {self.path('.wxlint.json')}:3:20: /settings/maxFileSize: "
                                   "must be a whole number of at least 1, not 0\n")

    def test_file_past_a_memory_limit_is_reported_and_the_others_linted(self):
        # Under `ulimit -v`, RapidJSON's pool returns null when memory runs out: the file that
        # does not fit is reported by name (exit 2, as an unreadable one), never a crash.
        if SANITIZED:
            self.skipTest("a sanitizer reserves terabytes of address space: no limit fits it")
        self.config({"settings": {"maxFileSize": 100 * MB}})
        write(self.path("small.json"), dumps(payload([{"userId": USER_1, "extension": "911"}])))
        users = [{"userId": USER_1, "extension": str(1000 + i % 9000)} for i in range(350_000)]
        write(self.path("big.json"), dumps(payload(users)))  # 38 MB: ~200 MB to lint
        alone = self.wxlint("check", "-j", "1", "small.json")
        self.assert_exit(alone, 1)

        def limited():
            resource.setrlimit(resource.RLIMIT_AS, (120 * MB, 120 * MB))

        # One malloc arena: a second thread's arena reserves 64 MB of address space, and when the
        # reader's came before the numbering-plan module (~65 MB) was loaded, small.json got
        # WX0021 instead of its findings, now and then.
        r = subprocess.run([WXLINT, "check", "-j", "1", "small.json", "big.json"], cwd=self.dir, capture_output=True,
                           text=True, preexec_fn=limited, timeout=120, env=dict(os.environ, MALLOC_ARENA_MAX="1"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stderr, "wxlint: big.json: out of memory while linting it; lint it alone (-j 1) or with "
                                   "more memory\n")
        # small.json's findings and summary, as linted alone, and that a path failed
        self.assertEqual(r.stdout, alone.stdout + "1 path failed (see above): exit code 2\n")

    def test_copied_strings_past_a_memory_limit_are_out_of_memory_not_a_crash(self):
        # A string with an escape is copied into the DOM's pool, and RapidJSON's copy wrote
        # through the null the pool returns when memory runs out (signal 11 at 100 MB here).
        if SANITIZED:
            self.skipTest("a sanitizer reserves terabytes of address space: no limit fits it")
        self.config({"settings": {"maxFileSize": 100 * MB}})
        users = [{"userId": USER_1, "extension": str(1000 + i % 9000)} for i in range(350_000)]
        text = dumps(payload(users)).replace(f'"{USER_1}"', '"\\u0059' + USER_1[1:] + '"')
        write(self.path("escaped.json"), text)  # 41 MB, every userId copied

        def run(limit_mb):
            def limited():
                resource.setrlimit(resource.RLIMIT_AS, (limit_mb * MB, limit_mb * MB))
            return subprocess.run([WXLINT, "check", "-j", "1", "-q", "escaped.json"], cwd=self.dir, capture_output=True,
                                  text=True, preexec_fn=limited, timeout=120, env=dict(os.environ, MALLOC_ARENA_MAX="1"))

        codes = set()
        for limit in range(60, 140, 10):
            r = run(limit)
            codes.add(r.returncode)
            if r.returncode == 2:
                self.assertEqual(r.stderr, "wxlint: escaped.json: out of memory while linting it; lint it alone (-j 1) "
                                           "or with more memory\n", limit)
            else:
                self.assertEqual(r.returncode, 1, (limit, r.returncode, r.stderr[-300:]))
        self.assertIn(2, codes)

    def test_summary_finding_counts_and_exit_code_with_the_setting(self):
        text = dumps(payload([[]] * 5))
        write(self.path("p.json"), text)
        self.config({"settings": {"maxFindingsPerRule": 2}})
        r = self.wxlint("check", "p.json")
        self.assert_exit(r, 1)
        first = column_of(text, "[[]") + 1
        self.assertEqual(r.stdout.splitlines(), [
            f"p.json:1:{first}: error[WX1001]: users[0] must be an object, not an array. (schema/type)",
            f"p.json:1:{first + 3}: error[WX1001]: users[1] must be an object, not an array. (schema/type)",
            f"p.json:1:{first + 6}: error[WX1001]: ... and 3 more findings of this rule in this file; "
            "only the first 2 are listed (setting maxFindingsPerRule). (schema/type)",
            "1 file checked: 5 errors, 0 warnings, 0 infos",
        ])
        r = self.wxlint("check", "-q", "--statistics", "p.json")
        self.assertEqual(r.stdout.splitlines()[-1], "     5  WX1001  schema/type")
        r = self.wxlint("check", "--format", "json", "p.json")
        report = json.loads(r.stdout)
        self.assertEqual(report["summary"], {"files": 1, "errors": 5, "warnings": 0, "infos": 0})
        self.assertEqual([d["pointer"] for d in report["files"][0]["diagnostics"]],
                         ["/usersList/0/users/0", "/usersList/0/users/1", "/usersList/0/users/2"])

        # As warnings: the summary finding is one too, so --fail-on decides as for the rest.
        self.config({"settings": {"maxFindingsPerRule": 1}, "rules": {"schema/type": "warning"}})
        r = self.wxlint("check", "p.json")
        self.assert_exit(r, 0)
        self.assertEqual(r.stdout.splitlines()[-2:], [
            f"p.json:1:{first + 3}: warning[WX1001]: ... and 4 more findings of this rule in this file; "
            "only the first is listed (setting maxFindingsPerRule). (schema/type)",
            "1 file checked: 0 errors, 5 warnings, 0 infos",
        ])
        self.assertEqual(self.wxlint("check", "--fail-on", "warning", "p.json").returncode, 1)

    def test_rule_findings_past_the_cap_still_explain_schema_failures(self):
        # Users without userId (BATCH-400, which explains the schema's "required") and with
        # number and extension given empty (1026016), 40 of each.
        write(self.path("p.json"), payload([{"extension": "", "phoneNumber": ""}] * 40))
        self.config({"settings": {"maxFindingsPerRule": 3}})
        r = self.wxlint("check", "p.json")
        self.assert_exit(r, 1)
        self.assertNotIn("schema/required", r.stdout)
        self.assertEqual(r.stdout.count("(move-users/user-id-required)"), 4)
        self.assertEqual(r.stdout.count("... and 37 more findings of this rule in this file"), 2)
        self.assertEqual(r.stdout.splitlines()[-1], "1 file checked: 80 errors, 0 warnings, 0 infos")

    def test_thousands_of_pointer_globs_apply_in_time_proportional_to_the_findings(self):
        # 3,000 findings (a bad extension each), 2,500 globs that differ only past their shared
        # segments: every finding is a candidate of every glob. The odd users' are ignored.
        users = [{"userId": USER_1, "extension": "x%d" % i} for i in range(3000)]
        self.config({"settings": {"maxFindingsPerRule": 5000},
                     "ignore": [{"pointer": "/usersList/*/users/*%d/extension" % (2 * i + 1), "rule": "4910"}
                                for i in range(5)] +
                               [{"pointer": "/usersList/*/users/*/ext%d*" % i, "rule": "4910"} for i in range(2500)]})
        write(self.path("p.json"), payload(users))
        before = cpu_seconds()
        r = self.wxlint("check", "-f", "json", "--select", "4910", "p.json")
        spent = cpu_seconds() - before
        self.assertEqual(r.returncode, 1, r.stderr)
        pointers = [d["pointer"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]]
        self.assertEqual(len(pointers), 1500)
        self.assertTrue(all(int(p.split("/")[4]) % 2 == 0 for p in pointers), pointers[:5])
        self.assertLess(spent, 1.0 * SLOW)  # 2.5 s glob by glob; 0.1 s as one automaton

    def test_bad_setting_is_a_config_error(self):
        write(self.path("p.json"), payload([[]]))
        for bad, problem in ((0, "must be a whole number of at least 1, not 0"),
                             (-1, "must be a whole number of at least 1, not -1"),
                             (1.5, "must be a whole number of at least 1, not 1.5"),
                             ("many", "must be an integer like the default 1000, not a string")):
            with self.subTest(bad=bad):
                self.config({"settings": {"maxFindingsPerRule": bad}})
                r = self.wxlint("check", "p.json")
                self.assert_exit(r, 2)
                self.assertEqual(r.stderr, f"wxlint: {self.path('.wxlint.json')}:3:27: /settings/maxFindingsPerRule: {problem}\n")


if __name__ == "__main__":
    main()
