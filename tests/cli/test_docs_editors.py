"""docs/editors.md: the VS Code settings name schemas that the install puts in place, and
"$schema" is accepted where the page says and reported where it says."""
import json
import os
import re

from cli_support import GOOD, REPO, TempDirTest, main, write

with open(os.path.join(REPO, "docs", "editors.md"), encoding="utf-8") as f:
    DOC = f.read()
SCHEMA_URL = "file:///usr/local/share/wxlint/schemas/"


class EditorsPage(TempDirTest):
    def test_the_vscode_settings_name_installed_schemas(self):
        settings = json.loads(re.search(r"## VS Code\n.*?```json\n(.*?)```", DOC, re.S).group(1))
        urls = [entry["url"] for entry in settings["json.schemas"]]
        self.assertEqual(len(urls), 4)
        for url in urls:
            self.assertTrue(url.startswith(SCHEMA_URL), url)
            # schemas/*.json is what `cmake --install` copies to share/wxlint/schemas/
            self.assertTrue(os.path.isfile(os.path.join(REPO, "schemas", url[len(SCHEMA_URL):])), url)

    def test_schema_member_in_a_config_and_a_rule_file_but_not_a_payload(self):
        write(self.path("p.json"), GOOD)
        write(self.path(".wxlint.json"), {"$schema": SCHEMA_URL + "wxlint.config.schema.json"})
        with open(os.path.join(REPO, "docs", "policies", "extension-format.rules.json"), encoding="utf-8") as f:
            write(self.path("org.rules.json"), {"$schema": SCHEMA_URL + "wxlint.rules.schema.json", **json.load(f)})
        r = self.wxlint("check", "--rules", "org.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
        write(self.path("p.json"), {"$schema": SCHEMA_URL + "validateOrInitiateMoveUsersJob.request.schema.json",
                                    **GOOD})
        r = self.wxlint("check", "--rules", "org.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout, 'p.json:2:3: error[WX1003]: Unknown property "$schema": the API does not accept it. '
                                   "(schema/unknown-property)\n1 file checked: 1 error, 0 warnings, 0 infos\n")


if __name__ == "__main__":
    main()
