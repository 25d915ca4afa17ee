"""`cmake --install` puts the JSON Schemas (config, rule files, every request schema)
under share/wxlint/schemas, as docs/editors.md says."""
import glob
import json
import os
import re
import subprocess

from cli_support import REPO, WXLINT, TempDirTest, main


class Schemas(TempDirTest):
    def test_installed_under_share_wxlint(self):
        prefix = os.path.join(self.dir, "prefix")
        r = subprocess.run(["cmake", "--install", os.path.dirname(WXLINT), "--prefix", prefix],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        installed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(prefix, "share", "wxlint", "schemas", "*")))
        expected = sorted(os.path.basename(p) for p in glob.glob(os.path.join(REPO, "schemas", "*.json")))
        self.assertEqual(installed, expected)
        self.assertIn("wxlint.config.schema.json", installed)
        self.assertIn("wxlint.rules.schema.json", installed)
        self.assertIn("validateOrInitiateMoveUsersJob.request.schema.json", installed)
        for name in installed:
            with open(os.path.join(prefix, "share", "wxlint", "schemas", name), encoding="utf-8") as f:
                self.assertIsInstance(json.load(f), dict, name)
        # docs/editors.md names only schemas that are installed.
        with open(os.path.join(REPO, "docs", "editors.md"), encoding="utf-8") as f:
            doc = f.read()
        for url in set(re.findall(r"share/wxlint/schemas/([\w.]+\.json)", doc)):
            self.assertIn(url, installed)


if __name__ == "__main__":
    main()
