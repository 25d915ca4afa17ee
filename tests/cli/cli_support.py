"""Shared helpers for the CLI tests: each test_*.py runs as `python3 FILE /path/to/wxlint`."""
import json
import os
import resource
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WXLINT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(REPO, "build", "wxlint")

LOCATION = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA"
USER_1 = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE"
USER_2 = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS85YzJhMDUxMC0wOTUwLTQ1MmYtODFmZi05YTVkMjM2OTJkZTY"


def move_users(*extensions):
    """A move-users payload, one user per extension (valid ones need distinct users)."""
    users = [{"userId": uid, "extension": ext} for uid, ext in zip([USER_1, USER_2], extensions)]
    return {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]}


GOOD = move_users("2001", "2002")
BAD = move_users("2001", "911")  # 4911: an emergency number as extension
# An envelope without an example: one warning (WX0012), no error.
WARN = {"operationId": "validateOrInitiateMoveUsersJob", "requestExamples": []}


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PRE_COMMIT", "COLUMNS")}
    e.update(extra)
    return e


def binary_identity():
    """wxlint's inode, size and mtime: another value than at the start means it was rebuilt meanwhile."""
    try:
        st = os.stat(WXLINT)
        return f"inode {st.st_ino}, {st.st_size} bytes, mtime {st.st_mtime_ns}"
    except OSError as e:
        return str(e)


BINARY_AT_START = binary_identity()
# What wxlint reads from its environment, and TMPDIR and HOME, where a test's files could come from.
ENV_READ = ("COLUMNS", "WXLINT_PLAN_MODULE", "WXLINT_PLAN_REFERENCE", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR",
            "NO_COLOR", "FORCE_COLOR", "TMPDIR", "HOME")


def run(*args, cwd=None, stdin=None, environ=None):
    environ = environ or env()
    start = time.monotonic()
    r = subprocess.run([WXLINT, *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=environ,
                       timeout=120)
    # For explain(): what a failure report needs besides the output.
    r.cwd, r.stdin, r.environ, r.seconds = cwd, stdin, environ, time.monotonic() - start
    return r


def clipped(text, lines=20):
    """The first and last `lines` lines of a long output, with how many were left out."""
    all_lines = text.splitlines()
    if len(all_lines) <= 2 * lines:
        return text
    return "\n".join(all_lines[:lines] + [f"[... {len(all_lines) - 2 * lines} lines left out ...]"] + all_lines[-lines:])


def explain(r):
    """Everything needed to diagnose a run (from run()) that went wrong once and passes on a rerun:
    the command, where and how it ran, its exit code, output and time, the files it could read,
    the machine's state, and what a rerun gives."""
    cwd = r.cwd or os.getcwd()
    code = f"{r.returncode} (signal {signal.Signals(-r.returncode).name})" if r.returncode < 0 else str(r.returncode)
    files = sorted((e.name, e.stat(follow_symlinks=False).st_size) for e in os.scandir(cwd))
    configs = [os.path.join(d, ".wxlint.json") for d in ancestors(cwd) if os.path.exists(os.path.join(d, ".wxlint.json"))]
    with open("/proc/meminfo") as f:
        available = next((line.split(":")[1].strip() for line in f if line.startswith("MemAvailable")), "?")
    try:
        again = subprocess.run(r.args, cwd=r.cwd, input=r.stdin, capture_output=True, text=True, env=r.environ,
                               timeout=120)
        rerun = (f"exit {again.returncode}, {len(again.stdout.splitlines())} lines, last "
                 f"{(again.stdout.splitlines() or [''])[-1]!r}, stderr {again.stderr[-500:]!r}")
    except (OSError, subprocess.SubprocessError) as e:
        rerun = repr(e)
    return "\n".join([
        f"command: (cd {shlex.quote(cwd)} && {shlex.join(r.args)})",
        f"exit code: {code}, after {r.seconds:.2f} s",
        f"environment: { {k: r.environ[k] for k in ENV_READ if k in r.environ} }",
        f"files in the directory: {files[:20]}; .wxlint.json at or above it: {configs}",
        f"wxlint binary: {binary_identity()} (when this test file started: {BINARY_AT_START})",
        f"machine: load {os.getloadavg()}, MemAvailable {available}, RLIMIT_AS {resource.getrlimit(resource.RLIMIT_AS)}",
        f"a rerun: {rerun}",
        f"stdout ({len(r.stdout.splitlines())} lines):", clipped(r.stdout),
        "stderr:", clipped(r.stderr),
    ])


def ancestors(path):
    """path and each directory above it."""
    path = os.path.abspath(path)
    while True:
        yield path
        parent = os.path.dirname(path)
        if parent == path:
            return
        path = parent


def others_may_run(path):
    """Whether a uid that owns nothing here may run the binary: it and every directory above
    it open to others (a checkout under /root, mode 700, is not)."""
    path = os.path.abspath(path)
    while True:
        if not os.stat(path).st_mode & stat.S_IXOTH:
            return False
        parent = os.path.dirname(path)
        if parent == path:
            return True
        path = parent


def fresh_copy(src, dest):
    """A copy of the directory src with new modification times, as a fresh clone has them: a
    snapshot without a manifest is as old as its files (WX0020 after 7 days), and copytree's
    default keeps an old checkout's times."""
    return shutil.copytree(src, dest, copy_function=shutil.copy)


def write(path, content):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content if isinstance(content, str) else json.dumps(content, indent=2) + "\n")
    return path


class TempDirTest(unittest.TestCase):
    """Each test gets a fresh directory (with no .wxlint.json above it that matters:
    tests that must not see one pass --no-config)."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="wxlint-test-")
        self.dir = os.path.realpath(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def wxlint(self, *args, **kw):
        kw.setdefault("cwd", self.dir)
        return run(*args, **kw)

    def assert_exit(self, r, code):
        """r (from run()) exited with `code`; else the failure says all that explain() gathers."""
        if r.returncode != code:
            self.fail(f"exit code {r.returncode}, expected {code}\n{explain(r)}")


def main():
    """Runs the file's tests; a file that ran none (all skipped, or none found) fails."""
    result = unittest.main(argv=[sys.argv[0]], verbosity=2, exit=False).result
    ran = result.testsRun - len(result.skipped)
    if ran == 0:
        print(f"{sys.argv[0]}: no test ran", file=sys.stderr)
    sys.exit(0 if result.wasSuccessful() and ran > 0 else 1)
