"""The `snapshot info` example of docs/snapshot.md (`<!-- example: snapshot-info -->`): its files,
written as the page shows them, give the page's output (but the age, which is the clock's), and
without its locations list the person's locationId is not looked for."""
import calendar
import os
import re
import shlex
import textwrap
import time

from cli_support import REPO, TempDirTest, main, write

with open(os.path.join(REPO, "docs", "snapshot.md"), encoding="utf-8") as f:
    DOC = f.read()
EXAMPLE = textwrap.dedent(re.search(r"<!-- example: snapshot-info -->\n( *)```sh\n(.*?)\1```", DOC, re.S).group(2))
# "$ command" and the lines it printed, in the page's order.
STEPS = [(m.group(1), m.group(2)) for m in re.finditer(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", EXAMPLE, re.M)]
AGE = re.compile(r'"ageSeconds": -?\d+')


class SnapshotInfoExample(TempDirTest):
    def setUp(self):
        super().setUp()
        *files, (command, self.shown) = STEPS
        for cat, text in files:
            name = shlex.split(cat)
            self.assertEqual(name[0], "cat")
            write(self.path(name[1]), text)
        self.args = shlex.split(command)
        self.assertEqual(self.args[0], "wxlint")

    def test_the_page_shows_what_it_prints(self):
        before = int(time.time())
        r = self.wxlint(*self.args[1:], cwd=self.dir)
        after = int(time.time())
        self.assertEqual((r.returncode, r.stderr), (1, ""))  # "It exits 1."
        self.assertEqual(AGE.sub('"ageSeconds": AGE', r.stdout), AGE.sub('"ageSeconds": AGE', self.shown))
        captured = calendar.timegm(time.strptime(re.search(r'"capturedAt": "(.*?)"', r.stdout).group(1),
                                                 "%Y-%m-%dT%H:%M:%SZ"))
        age = int(AGE.search(r.stdout).group(0).split()[-1])
        self.assertTrue(before - captured <= age <= after - captured, age)

    def test_without_the_locations_list_the_person_is_not_checked(self):
        os.remove(self.path("org", "locations.json"))
        r = self.wxlint(*self.args[1:], cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertIn('"inconsistencies": []', r.stdout)


if __name__ == "__main__":
    main()
