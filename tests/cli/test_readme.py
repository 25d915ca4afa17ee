"""What README.md shows a new user is what wxlint prints: the demo's findings on the bundled
examples, every line and in order ("..." in the README stands for the rest of a message)."""
import os
import re
import unittest

from cli_support import REPO, TempDirTest, fresh_copy, main, run


def readme_block(first_line_prefix):
    """The lines of the README's first plain ``` block whose first line starts with the prefix."""
    block = None
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as f:
        text = f.read()
    for line in text.splitlines():
        if line.startswith("```"):
            if block is None:
                block = [] if line == "```" else ["(not plain)"]
                continue
            if block and block[0].startswith(first_line_prefix):
                return block
            block = None
        elif block is not None:
            block.append(line)
    raise AssertionError(f"no README block starting with {first_line_prefix!r}")


class ReadmeDemoTest(TempDirTest):
    def test_the_demo_prints_the_readme_block_line_for_line(self):
        # A fresh copy: the snapshot's age comes from its files' time (no manifest), so an old
        # checkout would add WX0020 to every file.
        fresh_copy(os.path.join(REPO, "examples"), self.path("examples"))
        r = run("check", "--no-config", "--snapshot", "examples/snapshot", "examples/", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stderr, "")
        expected, printed = readme_block("examples/"), r.stdout.splitlines()
        self.assertEqual(len(expected), len(printed), "\n".join(printed))
        for doc, out in zip(expected, printed):
            self.assertRegex(out, "^" + ".*".join(map(re.escape, doc.split("..."))) + "$")


if __name__ == "__main__":
    main()
