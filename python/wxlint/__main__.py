"""`python -m wxlint ARGS...` runs the wxlint command that this package installs (the same
binary as `wxlint`, built with the library), with the same arguments, output and exit code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

COMMAND = Path(__file__).with_name("_native") / "wxlint"


def main() -> None:
    """Replaces this process with the wxlint command."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(COMMAND, ["wxlint", *sys.argv[1:]])


if __name__ == "__main__":
    main()
