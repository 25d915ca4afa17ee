"""`--snapshot -`: stdin is for payloads; a snapshot is read from files, and "-" is refused
(exit 2) instead of being read as one more snapshot file."""
import os

from cli_support import GOOD, TempDirTest, main, write

REFUSED = "wxlint: -: a snapshot is read from files, not from stdin: give its files or their directory\n"


class SnapshotFromStdin(TempDirTest):
    def test_check_refuses_snapshot_from_stdin(self):
        write(self.path("move.json"), GOOD)
        for args in (["--snapshot", "-", "move.json"], ["--snapshot", "-"]):
            r = self.wxlint("check", "--no-config", *args, stdin='{"phoneNumbers": []}')
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", REFUSED), args)

    def test_snapshot_info_refuses_stdin(self):
        r = self.wxlint("snapshot", "info", "-", stdin='{"phoneNumbers": []}')
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", REFUSED))

    def test_a_fifo_is_refused_without_pointing_at_stdin(self):
        os.mkfifo(self.path("snap.json"))
        r = self.wxlint("snapshot", "info", "snap.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, "wxlint: snap.json: not a regular file (a FIFO, socket or device): "
                                   "a snapshot is files or their directory\n")

    def test_a_file_named_dash_is_still_a_file(self):
        write(self.path("-"), {"phoneNumbers": []})
        r = self.wxlint("snapshot", "info", "./-")
        self.assertEqual((r.returncode, r.stderr), (0, ""))


if __name__ == "__main__":
    main()
