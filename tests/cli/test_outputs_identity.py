"""Where -o and --generate-baseline may not write: into the run's snapshot or --rules-dir, and
two reports into one file by any of its names (a symbolic or hard link). Refused (exit 2)
before anything is written, --fix's files included."""
import os
import shutil

from test_fix import read
from cli_support import BAD, REPO, TempDirTest, main, write

SNAPSHOT = os.path.join(REPO, "examples", "snapshot", "numbers.json")
FIX_CASE = os.path.join(REPO, "testdata", "fix", "enum-case.json")


class NotIntoWhatTheRunReads(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("p.json"), BAD)
        os.makedirs(self.path("snap"))
        self.numbers = shutil.copy(SNAPSHOT, self.path("snap", "numbers.json"))

    def refused(self, stderr, *args):
        before = sorted(os.listdir(self.dir)), sorted(os.listdir(self.path("snap")))
        r = self.wxlint("check", "--no-config", *args)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", stderr), args)
        self.assertEqual(read(self.numbers), read(SNAPSHOT))
        self.assertEqual((sorted(os.listdir(self.dir)), sorted(os.listdir(self.path("snap")))), before)

    def test_a_report_over_a_snapshot_file(self):
        self.refused("wxlint: snap/numbers.json: cannot write: it is inside the input directory snap\n",
                     "--snapshot", "snap", "-f", "json", "-o", "snap/numbers.json", "p.json")
        self.refused("wxlint: snap/numbers.json: cannot write: it is the input snap/numbers.json\n",
                     "--snapshot", "snap/numbers.json", "-o", "snap/numbers.json", "p.json")

    def test_a_new_report_inside_the_snapshot_directory(self):
        # The next run would read it as part of the snapshot.
        self.refused("wxlint: snap/sub/../r.json: cannot write: it is inside the input directory snap/\n",
                     "--snapshot", "snap/", "--output-format", "json=snap/sub/../r.json", "p.json")

    def test_a_baseline_into_the_snapshot(self):
        self.refused("wxlint: snap/numbers.json: cannot write: it is inside the input directory snap\n",
                     "--snapshot", "snap", "--generate-baseline", "snap/numbers.json", "p.json")

    def test_the_config_snapshot_counts_too(self):
        write(self.path(".wxlint.json"), {"snapshot": ["snap"]})
        os.chmod(self.path(".wxlint.json"), 0o644)
        r = self.wxlint("check", "-o", "snap/numbers.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, "wxlint: snap/numbers.json: cannot write: it is inside the input directory "
                                   + self.path("snap") + "\n")  # the config's paths are absolute
        self.assertEqual(read(self.numbers), read(SNAPSHOT))

    def test_a_report_into_the_rules_dir(self):
        os.makedirs(self.path("catalogue"))
        for part in ("rules", "schemas"):
            shutil.copytree(os.path.join(REPO, part), self.path("catalogue", part))
        self.refused("wxlint: catalogue/rules/r.sarif: cannot write: it is inside the input directory catalogue\n",
                     "--rules-dir", "catalogue", "-f", "sarif", "-o", "catalogue/rules/r.sarif", "p.json")

    def test_fix_writes_nothing_when_a_report_is_refused(self):
        a = shutil.copy(FIX_CASE, self.path("a.json"))
        self.refused("wxlint: snap/numbers.json: cannot write: it is inside the input directory snap\n",
                     "--fix", "--snapshot", "snap", "-o", "snap/numbers.json", "a.json")
        self.assertEqual(read(a), read(FIX_CASE))

    def test_a_report_beside_the_snapshot_is_written(self):
        r = self.wxlint("check", "--no-config", "--snapshot", "snap", "-f", "json", "-o", "snapshot.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertTrue(os.path.exists(self.path("snapshot.json")))


class TwoReportsOneFile(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("p.json"), BAD)

    def refused(self, name, *args):
        before = sorted(os.listdir(self.dir))
        r = self.wxlint("check", "--no-config", *args, "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", f"wxlint: two reports would be written to {name}\n"))
        self.assertEqual(sorted(os.listdir(self.dir)), before)

    def test_a_symbolic_link_to_a_file_not_written_yet(self):
        os.symlink("r.sarif", self.path("r-link.json"))
        self.refused("r-link.json", "-f", "sarif", "-o", "r.sarif", "-f", "json", "-o", "r-link.json")

    def test_a_symbolic_link_to_an_existing_report(self):
        write(self.path("r.sarif"), "old\n")
        os.symlink("r.sarif", self.path("r-link.json"))
        self.refused("r-link.json", "-f", "sarif", "-o", "r.sarif", "-f", "json", "-o", "r-link.json")
        self.assertEqual(read(self.path("r.sarif")), b"old\n")

    def test_a_hard_link(self):
        write(self.path("r.sarif"), "old\n")
        os.link(self.path("r.sarif"), self.path("r.json"))
        self.refused("r.json", "--output-format", "sarif=r.sarif", "--output-format", "json=r.json")
        self.assertEqual(read(self.path("r.sarif")), b"old\n")

    def test_a_linked_directory(self):
        os.makedirs(self.path("out"))
        os.symlink("out", self.path("out2"))
        self.refused("out2/r.json", "-f", "sarif", "-o", "out/r.json", "-f", "json", "-o", "out2/r.json")
        self.assertEqual(os.listdir(self.path("out")), [])

    def test_different_files_are_written(self):
        write(self.path("elsewhere.json"), "old\n")
        os.symlink("elsewhere.json", self.path("r-link.json"))
        r = self.wxlint("check", "--no-config", "-f", "sarif", "-o", "r.sarif", "-f", "json", "-o", "r-link.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertIn(b'"runs"', read(self.path("r.sarif")))
        self.assertIn(b'"files"', read(self.path("elsewhere.json")))


if __name__ == "__main__":
    main()
