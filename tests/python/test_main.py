"""`python -m wxlint` (and the `wxlint` script the package installs) is the wxlint command:
same output, same exit code, for findings, usage errors and the other subcommands."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

RUNS = [
    ["check", "--no-config", "--snapshot", ROOT / "examples" / "snapshot", ROOT / "examples"],
    ["check", "--no-config", "--format", "json", ROOT / "testdata" / "core"],
    ["check", "--no-config", ROOT / "examples" / "no-such-file.json"],
    ["check", "--no-config", "--operation", "noSuchOperation", ROOT / "examples"],
    ["explain", "1026016"],
    ["rules"],
    ["--version"],
    ["frobnicate"],
    ["snapshot", "pull", "--help"],  # the script installed beside the command
]


def run(command, args, stdin=None):
    p = subprocess.run([*command, *map(str, args)], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(map(str, a[:2])))
def test_python_m_wxlint_is_the_command(args):
    expected = run_cli(*args)
    assert run([sys.executable, "-m", "wxlint"], args) == expected
    assert run([str(Path(sys.executable).with_name("wxlint"))], args) == expected


def test_the_runs_cover_every_exit_code():
    assert sorted({run_cli(*args)[0] for args in RUNS}) == [0, 1, 2]


def test_stdin_reaches_the_command():
    payload = (ROOT / "examples" / "move-users.envelope.json").read_bytes()
    args = ["check", "--no-config", "--stdin-filename", "move.json", "-"]
    p = subprocess.run([sys.executable, "-m", "wxlint", *args], capture_output=True, input=payload)
    q = subprocess.run([os.environ["WXLINT_CLI"], *args], capture_output=True, input=payload)
    assert (p.returncode, p.stdout, p.stderr) == (q.returncode, q.stdout, q.stderr)
    assert p.returncode == 1 and b"move.json:16:27: error[WX2002]" in p.stdout
