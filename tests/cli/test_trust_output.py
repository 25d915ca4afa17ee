"""Trusting wxlint's output and its use of the machine (issue 10): -o replaces only a regular
file, never an input, keeps its mode and owner and leaves no temp file even under SIGKILL;
a failed write to stdout is exit 2; an unreadable directory is exit 2; -j survives a thread
limit and refuses values it cannot use. The tests run as root, so the permission and thread
limit cases drop to an unprivileged uid in the child."""
import json
import os
import re
import pty
import resource
import signal
import socket
import stat
import subprocess
import time
import unittest

from cli_support import BAD, GOOD, LOCATION, USER_1, WXLINT, TempDirTest, env, main, others_may_run, write

NOBODY = 65534
# RLIMIT_NPROC counts every process of a uid: one that nothing else on the machine uses.
THREAD_LIMITED_UID = 47011
STDOUT_FAILS = "wxlint: cannot write the report to stdout: {}\n"


as_root = unittest.skipUnless(os.geteuid() == 0 and others_may_run(WXLINT),
                              "needs root, to act as another uid, and a wxlint that uid may run")


def drop_to(uid, nproc=None):
    """A preexec_fn: become `uid` (no groups), optionally with RLIMIT_NPROC = nproc."""
    def become():
        if nproc is not None:
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    return become


def read(path):
    with open(path, "rb") as f:
        return f.read()


def popen_run(args, cwd, **kw):
    p = subprocess.Popen([WXLINT, *args], cwd=cwd, env=env(), stderr=subprocess.PIPE, text=True, **kw)
    _, err = p.communicate(timeout=120)
    return p.returncode, err


class OutputFile(TempDirTest):
    """-o FILE (and --generate-baseline FILE): what may be replaced, and how."""

    def setUp(self):
        super().setUp()
        write(self.path("in.json"), BAD)
        self.input = read(self.path("in.json"))

    def refused(self, out_arg, *more, message):
        r = self.wxlint("check", "--no-config", "-o", out_arg, *more)
        self.assertEqual((r.returncode, r.stderr, r.stdout), (2, message, ""))

    def test_dev_stdout_on_a_pipe_is_named_a_fifo(self):
        # /proc's link for a pipe names no path: it is still no regular file, and "-" is the way.
        self.refused("/dev/stdout", "in.json",
                     message="wxlint: /dev/stdout: cannot write: it is a FIFO, not a regular file (for standard output: -o -)\n")

    def test_character_device_is_refused(self):
        dev = self.path("null")
        try:
            os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
        except PermissionError:
            self.skipTest("mknod is not permitted here")
        self.refused("null", "in.json", message="wxlint: null: cannot write: it is a character device, not a regular file\n")
        self.assertTrue(stat.S_ISCHR(os.lstat(dev).st_mode))
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.json", "null"])

    def test_fifo_is_refused(self):
        os.mkfifo(self.path("pipe"))
        self.refused("pipe", "in.json", message="wxlint: pipe: cannot write: it is a FIFO, not a regular file\n")
        self.assertTrue(stat.S_ISFIFO(os.lstat(self.path("pipe")).st_mode))

    def test_socket_is_refused(self):
        s = socket.socket(socket.AF_UNIX)
        s.bind(self.path("sock"))
        try:
            self.refused("sock", "in.json", message="wxlint: sock: cannot write: it is a socket, not a regular file\n")
            self.assertTrue(stat.S_ISSOCK(os.lstat(self.path("sock")).st_mode))
        finally:
            s.close()

    def test_directory_is_refused(self):
        os.mkdir(self.path("reports"))
        self.refused("reports", "in.json", message="wxlint: reports: cannot write: it is a directory, not a regular file\n")
        self.assertEqual(os.listdir(self.path("reports")), [])

    def test_baseline_into_a_fifo_is_refused(self):
        os.mkfifo(self.path("pipe"))
        r = self.wxlint("check", "--no-config", "--generate-baseline", "pipe", "in.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: pipe: cannot write: it is a FIFO, not a regular file\n"))
        self.assertTrue(stat.S_ISFIFO(os.lstat(self.path("pipe")).st_mode))

    def test_symlink_replaces_its_target_and_stays_a_link(self):
        os.mkdir(self.path("real"))
        target = write(self.path("real", "report.json"), "old\n")
        os.chmod(target, 0o600)
        os.symlink("real/report.json", self.path("out.json"))
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "out.json", "in.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(os.readlink(self.path("out.json")), "real/report.json")
        self.assertEqual(json.loads(read(target))["files"][0]["path"], "in.json")
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        self.assertEqual(sorted(os.listdir(self.path("real"))), ["report.json"])
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.json", "out.json", "real"])

    def test_dangling_symlink_is_refused(self):
        os.symlink("missing/report.json", self.path("out.json"))
        self.refused("out.json", "in.json",
                     message="wxlint: out.json: cannot write: it is a symbolic link to a file that does not exist\n")
        self.assertEqual(os.readlink(self.path("out.json")), "missing/report.json")

    def test_symlink_to_a_fifo_is_refused(self):
        os.mkfifo(self.path("pipe"))
        os.symlink("pipe", self.path("out.json"))
        self.refused("out.json", "in.json", message="wxlint: out.json: cannot write: it is a FIFO, not a regular file\n")
        self.assertEqual(os.readlink(self.path("out.json")), "pipe")

    def assert_input_kept(self):
        self.assertEqual(read(self.path("in.json")), self.input)

    def test_input_is_refused_however_it_is_spelt(self):
        os.mkdir(self.path("sub"))
        os.link(self.path("in.json"), self.path("hard.json"))
        os.symlink("in.json", self.path("soft.json"))
        for out in ("in.json", "./sub/../in.json", self.path("in.json"), "hard.json", "soft.json"):
            with self.subTest(out=out):
                self.refused(out, "in.json", message=f"wxlint: {out}: cannot write: it is the input in.json\n")
                self.assert_input_kept()
        self.assertTrue(os.path.islink(self.path("soft.json")))

    def test_input_found_in_a_directory_is_refused(self):
        write(self.path("data", "a.json"), GOOD)
        write(self.path("data", "b.json"), BAD)
        before = read(self.path("data", "b.json"))
        self.refused("data/b.json", "in.json", "data",
                     message="wxlint: data/b.json: cannot write: it is the input data/b.json\n")
        self.assertEqual(read(self.path("data", "b.json")), before)

    def test_stdin_file_is_refused(self):
        with open(self.path("in.json"), "rb") as f:
            p = subprocess.run([WXLINT, "check", "--no-config", "-o", "in.json", "-"], cwd=self.dir, env=env(),
                               stdin=f, capture_output=True, text=True, timeout=60)
        self.assertEqual((p.returncode, p.stderr, p.stdout), (2, "wxlint: in.json: cannot write: it is the input <stdin>\n", ""))
        self.assert_input_kept()

    def test_baseline_input_and_generate_baseline_over_an_input_are_refused(self):
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base.json", "in.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        base = read(self.path("base.json"))
        self.refused("base.json", "--baseline", "base.json", "in.json",
                     message="wxlint: base.json: cannot write: it is the input base.json\n")
        self.assertEqual(read(self.path("base.json")), base)
        r = self.wxlint("check", "--no-config", "--generate-baseline", "in.json", "in.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: in.json: cannot write: it is the input in.json\n"))
        self.assert_input_kept()

    def test_mode_of_an_existing_file_is_kept_and_a_new_file_gets_the_umask_mode(self):
        out = write(self.path("out.json"), "old\n")
        os.chmod(out, 0o600)
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "out.json", "in.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        self.assertEqual(json.loads(read(out))["summary"]["errors"], 1)
        umask = os.umask(0o022)
        os.umask(umask)
        r = self.wxlint("check", "--no-config", "-o", "new.json", "in.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("new.json")).st_mode), 0o666 & ~umask)
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.json", "new.json", "out.json"])

    @as_root
    def test_owner_and_group_of_an_existing_file_are_kept(self):
        out = write(self.path("out.json"), "old\n")
        os.chown(out, NOBODY, NOBODY)
        os.chmod(out, 0o640)
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "out.json", "in.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        st = os.stat(out)
        self.assertEqual((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)), (NOBODY, NOBODY, 0o640))

    def test_dash_is_stdout(self):
        plain = self.wxlint("check", "--no-config", "-f", "json", "in.json")
        r = self.wxlint("check", "--no-config", "-f", "json", "-o", "-", "in.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout, plain.stdout)
        self.assertEqual(json.loads(r.stdout)["summary"]["errors"], 1)
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.json"])


class KilledWhileWriting(TempDirTest):
    """SIGKILL in the middle of -o: the old report or the new one, whole; no temp file but, from a
    kill in the microseconds between naming the finished file and renaming it, one named as
    wxlint's (.NAME.wxlint-XXXXXXXX.tmp). A file wxlint did not make is never removed."""

    def test_sigkill_leaves_old_or_new_and_no_temp_file(self):
        users = [{"userId": USER_1, "extension": "911"} for _ in range(12000)]
        write(self.path("big.json"), {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]})
        old = b'{"old report": true}\n'
        write(self.path("all.json"), {"settings": {"maxFindingsPerRule": 100000}})  # every finding listed: a big report
        args = [WXLINT, "check", "--config", "all.json", "-q", "-j", "1", "-f", "json", "-o", "out.json", "big.json"]
        subprocess.run(args, cwd=self.dir, env=env(), stdout=subprocess.DEVNULL, check=False, timeout=120)
        new = read(self.path("out.json"))
        self.assertGreater(len(new), 6 << 20)
        self.assertEqual(json.loads(new)["summary"]["files"], 1)

        killed_mid_write = 0
        for delay in (0, 0, 0.002, 0.01, 0.04, 0.15, 0.5):
            with open(self.path("out.json"), "wb") as f:
                f.write(old)
            p = subprocess.Popen(args, cwd=self.dir, env=env(), stdout=subprocess.DEVNULL)
            writing = self.wait_for_output_fd(p)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=60)
            with self.subTest(delay=delay):
                left = [n for n in os.listdir(self.dir) if re.fullmatch(r"\.out\.json\.wxlint-[0-9a-f]{8}\.tmp", n)]
                self.assertLessEqual(len(left), 1)
                self.assertEqual(sorted(set(os.listdir(self.dir)) - set(left)), ["all.json", "big.json", "out.json"])
                for n in left:
                    os.remove(self.path(n))
                now = read(self.path("out.json"))
                self.assertIn(now, (old, new), f"a mix of {len(now)} bytes")
                killed_mid_write += writing and now == old
        self.assertGreater(killed_mid_write, 0, "no kill landed while the report was being written")
        subprocess.run(args, cwd=self.dir, env=env(), stdout=subprocess.DEVNULL, check=False, timeout=120)
        self.assertEqual(sorted(os.listdir(self.dir)), ["all.json", "big.json", "out.json"])
        # A file of the user's that looks like a temporary one stays.
        write(self.path(".out.json.tmp"), "the user's")
        subprocess.run(args, cwd=self.dir, env=env(), stdout=subprocess.DEVNULL, check=False, timeout=120)
        self.assertEqual(sorted(os.listdir(self.dir)), [".out.json.tmp", "all.json", "big.json", "out.json"])
        self.assertEqual(read(self.path(".out.json.tmp")), b"the user's")

    def wait_for_output_fd(self, p):
        """Until wxlint holds a file in the directory open for writing (not big.json)."""
        fds = f"/proc/{p.pid}/fd"
        deadline = time.monotonic() + 60
        while p.poll() is None and time.monotonic() < deadline:
            try:
                for fd in os.listdir(fds):
                    link = os.readlink(os.path.join(fds, fd))
                    if link.startswith(self.dir + "/") and not link.endswith("/big.json"):
                        return True
            except OSError:
                pass
            time.sleep(0.0002)
        return False


class StdoutFails(TempDirTest):
    """Every command that writes to stdout: /dev/full, a closed stdout, EPIPE."""

    COMMANDS = [
        ("check", "--no-config", "in.json"),
        ("check", "--no-config", "-f", "json", "in.json"),
        ("check", "--no-config", "-f", "sarif", "in.json"),
        ("check", "--no-config", "-f", "github", "in.json"),
        ("check", "--no-config", "-f", "junit", "in.json"),
        ("check", "--no-config", "--statistics", "in.json"),
        ("check", "--no-config", "-o", "report.json", "-f", "json", "in.json"),
        ("check", "--no-config", "good.json"),
        ("rules",),
        ("rules", "-f", "json"),
        ("rules", "-f", "markdown"),
        ("explain", "4911"),
        ("--version",),
        ("completions", "bash"),
        ("man",),
    ]

    def setUp(self):
        super().setUp()
        write(self.path("in.json"), BAD)
        write(self.path("good.json"), GOOD)

    def test_dev_full(self):
        for args in self.COMMANDS:
            with self.subTest(args=args), open("/dev/full", "w") as full:
                rc, err = popen_run(args, self.dir, stdout=full)
                self.assertEqual((rc, err), (2, STDOUT_FAILS.format("No space left on device")))

    def test_dev_full_after_statistics_on_stderr(self):
        with open("/dev/full", "w") as full:
            rc, err = popen_run(("check", "--no-config", "-f", "json", "--statistics", "in.json"), self.dir, stdout=full)
        self.assertEqual(rc, 2)
        self.assertTrue(err.endswith(STDOUT_FAILS.format("No space left on device")), err)
        self.assertIn("4911", err)

    def test_closed_stdout(self):
        for args in self.COMMANDS:
            with self.subTest(args=args):
                rc, err = popen_run(args, self.dir, preexec_fn=lambda: os.close(1))
                self.assertEqual((rc, err), (2, STDOUT_FAILS.format("Bad file descriptor")))

    def test_closed_stdout_does_not_leak_into_the_output_file(self):
        rc, err = popen_run(("check", "--no-config", "-f", "json", "-o", "report.json", "in.json"), self.dir,
                            preexec_fn=lambda: os.close(1))
        self.assertEqual((rc, err), (2, STDOUT_FAILS.format("Bad file descriptor")))
        self.assertEqual(json.loads(read(self.path("report.json")))["summary"]["errors"], 1)

    def test_broken_pipe_with_sigpipe_ignored(self):
        def ignore_sigpipe():
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        for args in self.COMMANDS:
            with self.subTest(args=args):
                r, w = os.pipe()
                os.close(r)
                try:
                    rc, err = popen_run(args, self.dir, stdout=w, preexec_fn=ignore_sigpipe, restore_signals=False)
                finally:
                    os.close(w)
                self.assertEqual((rc, err), self.after_broken_pipe(args))

    def test_broken_pipe_is_exit_2_not_sigpipe(self):
        # `wxlint check . | head` with SIGPIPE at its default: exit 2 and the reason, not death by signal (141).
        for args in self.COMMANDS:
            with self.subTest(args=args):
                r, w = os.pipe()
                os.close(r)
                try:
                    rc, err = popen_run(args, self.dir, stdout=w)
                finally:
                    os.close(w)
                self.assertEqual((rc, err), self.after_broken_pipe(args))

    @staticmethod
    def after_broken_pipe(args):
        """A report cut short fails; a listing (`wxlint rules | head`) was read as far as wanted."""
        if args[0] == "check":
            return 2, STDOUT_FAILS.format("Broken pipe")
        return 0, ""


@as_root
class UnreadableDirectory(TempDirTest):
    """Run as nobody: root reads every directory."""

    def setUp(self):
        super().setUp()
        os.chmod(self.dir, 0o755)
        write(self.path("tree", "a.json"), BAD)
        write(self.path("tree", "locked", "hidden.json"), BAD)
        write(self.path("tree", "z.json"), BAD)
        os.chmod(self.path("tree", "locked"), 0)

    def tearDown(self):
        os.chmod(self.path("tree", "locked"), 0o755)
        super().tearDown()

    def as_nobody(self, *args):
        return subprocess.run([WXLINT, *args], cwd=self.dir, env=env(), capture_output=True, text=True,
                              timeout=60, preexec_fn=drop_to(NOBODY))

    def test_subdirectory_is_exit_2_and_the_rest_is_linted(self):
        expected = self.as_nobody("check", "--no-config", "tree/a.json", "tree/z.json")
        self.assertEqual(expected.returncode, 1, expected.stderr)
        r = self.as_nobody("check", "--no-config", "tree")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: tree/locked: cannot read directory: Permission denied\n"))
        self.assertEqual(r.stdout, expected.stdout + "1 path failed (see above): exit code 2\n")
        self.assertIn("tree/z.json:", r.stdout)

    def test_unreadable_directory_given_as_a_path(self):
        r = self.as_nobody("check", "--no-config", "tree/locked")
        self.assertEqual((r.returncode, r.stderr, r.stdout),
                         (2, "wxlint: tree/locked: cannot read directory: Permission denied\n", ""))


@as_root
class ThreadLimit(TempDirTest):
    """-j when the process may not start another thread (RLIMIT_NPROC = 1 as a plain user)."""

    def setUp(self):
        super().setUp()
        os.chmod(self.dir, 0o755)
        samples = [GOOD, BAD, '{"usersList": [']
        for i in range(12):
            write(self.path("tree", f"f{i:02}.json"), samples[i % len(samples)])
        # Over 4 MB: the linter walks some rules of a big request on a second thread.
        users = [{"userId": USER_1, "extension": str(2000 + i)} for i in range(30000)]
        big = write(self.path("tree", "big.json"), {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]})
        self.assertGreater(os.path.getsize(big), 4 << 20)
        self.expected = self.wxlint("check", "--no-config", "-j", "1", "tree")
        self.assertEqual(self.expected.returncode, 1, self.expected.stderr)

    def limited(self, *args, nproc=1, stderr=subprocess.PIPE):
        # LeakSanitizer (sanitized builds) needs a thread of its own at exit.
        environ = env(ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
        return subprocess.run([WXLINT, *args], cwd=self.dir, env=environ, stdout=subprocess.PIPE, stderr=stderr,
                              text=True, timeout=120, preexec_fn=drop_to(THREAD_LIMITED_UID, nproc=nproc))

    def test_jobs_fall_back_to_fewer_threads(self):
        # nproc 1: no thread at all; 2: one thread, then none (the pool had a thread to join).
        for nproc, jobs in ((1, ("-j", "4")), (1, ()), (2, ("-j", "4"))):
            with self.subTest(nproc=nproc, jobs=jobs):
                r = self.limited("check", "--no-config", *jobs, "tree", nproc=nproc)
                self.assertEqual((r.returncode, r.stderr), (1, ""))
                self.assertEqual(r.stdout, self.expected.stdout)

    def test_progress_on_a_terminal_falls_back_too(self):
        leader, follower = pty.openpty()
        try:
            r = self.limited("check", "--no-config", "-j", "4", "tree", stderr=follower)
        finally:
            os.close(follower)
            os.close(leader)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, self.expected.stdout)


class JobsValue(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("in.json"), GOOD)

    def test_values_below_one_or_not_numbers(self):
        for value in ("0", "00", "-1", "abc", "1.5", "2x", " 2"):
            with self.subTest(value=value):
                r = self.wxlint("check", "--no-config", f"--jobs={value}", "in.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", f'wxlint: -j takes a whole number of at least 1, not "{value}"\n'))

    def test_absurd_values_and_the_limit(self):
        for value in ("1025", "99999999999", "4294967297", "9" * 400):
            with self.subTest(value=value):
                r = self.wxlint("check", "--no-config", "-j", value, "in.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", f'wxlint: -j takes at most 1024 threads, not "{value}"\n'))
        for value in ("1", "2", "1024", "007"):
            with self.subTest(value=value):
                r = self.wxlint("check", "--no-config", "-q", "-j", value, "in.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))


if __name__ == "__main__":
    main()
