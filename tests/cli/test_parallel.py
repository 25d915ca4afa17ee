"""Many files and editors: -j gives the same report as one thread, in input order; the
progress line only goes to a terminal; --stdin-filename names stdin in reports."""
import json
import os
import pty
import subprocess

from cli_support import BAD, GOOD, WARN, WXLINT, TempDirTest, env, main, move_users, write


class Parallel(TempDirTest):
    def setUp(self):
        super().setUp()
        samples = [GOOD, BAD, WARN, move_users("2001", "12a"), '{"usersList": [']
        for i in range(60):
            write(self.path("tree", f"d{i % 7}", f"f{i:03}.json"), samples[i % len(samples)])

    def test_any_jobs_gives_the_same_report(self):
        for fmt in ("text", "json", "sarif", "junit", "github"):
            one = self.wxlint("check", "--no-config", "-f", fmt, "-j", "1", "tree")
            two = self.wxlint("check", "--no-config", "-f", fmt, "-j", "2", "tree")
            many = self.wxlint("check", "--no-config", "-f", fmt, "-j", "8", "tree")
            self.assertEqual(one.returncode, 1)
            self.assertEqual((two.returncode, two.stdout), (one.returncode, one.stdout), fmt)
            self.assertEqual(many.stdout, one.stdout, fmt)

    def test_order_is_input_order(self):
        r = self.wxlint("check", "--no-config", "-f", "json", "-j", "2", "tree/d3", "tree/d1")
        paths = [f["path"] for f in json.loads(r.stdout)["files"]]
        d3 = sorted(p for p in paths if p.startswith("tree/d3/"))
        d1 = sorted(p for p in paths if p.startswith("tree/d1/"))
        self.assertEqual(paths, d3 + d1)

    def test_bad_jobs_value_exits_2(self):
        self.assertEqual(self.wxlint("check", "-j", "0", "tree").returncode, 2)

    def test_no_progress_when_stderr_is_not_a_terminal(self):
        r = self.wxlint("check", "--no-config", "-q", "tree")
        self.assertEqual(r.stderr, "")

    def test_progress_on_a_terminal(self):
        leader, follower = pty.openpty()
        p = subprocess.Popen([WXLINT, "check", "--no-config", "-q", "tree"], cwd=self.dir, env=env(),
                             stdout=subprocess.DEVNULL, stderr=follower)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        p.wait(timeout=60)
        os.close(leader)
        self.assertIn(b"/60 files checked", seen)
        self.assertTrue(seen.endswith(b"\r\x1b[K"), seen[-40:])  # the line is cleared at the end


class StdinFilename(TempDirTest):
    def test_names_stdin_in_every_format(self):
        args = ("check", "--no-config", "--stdin-filename", "requests/move.json", "-")
        text = self.wxlint(*args, stdin=json.dumps(BAD))
        self.assertTrue(text.stdout.startswith("requests/move.json:"), text.stdout)
        doc = json.loads(self.wxlint(*args, "-f", "json", stdin=json.dumps(BAD)).stdout)
        self.assertEqual(doc["files"][0]["path"], "requests/move.json")
        sarif = json.loads(self.wxlint(*args, "-f", "sarif", stdin=json.dumps(BAD)).stdout)
        uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        self.assertEqual(uri, "requests/move.json")

    def test_config_ignores_apply_to_the_name(self):
        write(self.path(".wxlint.json"), {"ignore": [{"files": "requests/*.json"}]})
        r = self.wxlint("check", "--stdin-filename", "requests/move.json", "-", stdin=json.dumps(BAD))
        self.assertEqual(r.returncode, 0, r.stdout)
        r = self.wxlint("check", "--stdin-filename", "other/move.json", "-", stdin=json.dumps(BAD))
        self.assertEqual(r.returncode, 1, r.stdout)


if __name__ == "__main__":
    main()
