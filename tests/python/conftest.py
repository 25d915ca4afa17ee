"""Shared fixtures: the source tree, the CLI built beside the installed package, and helpers
to run it and compare with the package."""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("WXLINT_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLI = Path(os.environ.get("WXLINT_CLI", ROOT / "build" / "wxlint"))
MOVE_USERS = "validateOrInitiateMoveUsersJob"


def run_cli(*args, cwd=None, stdin=None):
    """The wxlint command: (exit code, stdout, stderr)."""
    p = subprocess.run([str(CLI), *map(str, args)], capture_output=True, cwd=cwd, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def cli_json(*args, cwd=None):
    """`wxlint check --format json ARGS`, parsed."""
    code, out, err = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert code in (0, 1), err
    return json.loads(out)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty directory as the working directory, so that no .wxlint.json above applies."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".wxlint.json").write_text("{}")
    os.chmod(tmp_path / ".wxlint.json", 0o644)
    return tmp_path
