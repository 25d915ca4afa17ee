"""Shared helpers for the CLI tests: each test_*.py runs as `python3 FILE /path/to/wxlint`."""
import json
import os
import subprocess
import sys
import tempfile
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
    e = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PRE_COMMIT")}
    e.update(extra)
    return e


def run(*args, cwd=None, stdin=None, environ=None):
    return subprocess.run([WXLINT, *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          env=environ or env(), timeout=120)


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


def main():
    unittest.main(argv=[sys.argv[0]], verbosity=2)
