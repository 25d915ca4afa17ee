"""The example .wxlint.json of docs/configuration.md (`<!-- example: config -->`), copied into a
project: each of its entries does what the page's table says, and the table names the keys the
config schema has."""
import base64
import json
import os
import re
import uuid

from cli_support import LOCATION, REPO, TempDirTest, main, write

with open(os.path.join(REPO, "docs", "configuration.md"), encoding="utf-8") as f:
    DOC = f.read()
CONFIG = re.search(r"<!-- example: config -->\n```json\n(.*?)```", DOC, re.S).group(1)


def person_id(i):
    return base64.b64encode(f"ciscospark://us/PEOPLE/{uuid.UUID(int=i + 1)}".encode()).decode().rstrip("=")


def move_users(*extensions):
    users = [{"userId": person_id(i), "extension": e} for i, e in enumerate(extensions)]
    return {"usersList": [{"locationId": LOCATION, "validate": False, "users": users}]}


# A malformed userId (WX2002) with "999" (an emergency number by default: 4911), "911" (4911)
# and "20a1" (4910).
MOVE = move_users("999", "911", "20a1")
MOVE["usersList"][0]["users"][0]["userId"] = person_id(0)[:-10] + "XXXXXXXXXX"
CONTACTS = {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
    {"displayName": "Ada Lovelace", "source": "Webex4Broadworks", "avatarURL": "ftp://example.com/a.png",
     "emails": [{"value": "ada@example.com", "type": "work", "primary": True}]}]}


class ExampleConfig(TempDirTest):
    def setUp(self):
        super().setUp()
        for name in ("requests/move.json", "requests/legacy-move.json", "fixtures/old/move.json"):
            write(self.path(name), MOVE)
        write(self.path("requests", "contacts.json"), CONTACTS)
        write(self.path("requests", "many.json"), move_users(*(str(2000 + i) for i in range(51))))

    def findings(self, *args):
        r = self.wxlint("check", "-f", "json", *args, "requests", "fixtures")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        return {f["path"]: [(d["line"], d["severity"], d["code"]) for d in f["diagnostics"]]
                for f in json.loads(r.stdout)["files"]}

    def test_each_entry_does_what_the_table_says(self):
        write(self.path(".wxlint.json"), CONFIG)
        self.assertEqual(self.findings(), {
            "fixtures/old/move.json": [],                       # ignore: files
            "requests/contacts.json": [(6, "error", "external.non.privilege")],  # allowedSources; avatarURL ignored
            "requests/legacy-move.json": [(13, "warning", "4911")],  # 4910 ignored at that pointer
            "requests/many.json": [(207, "error", "1026018")],  # operations: maxUsers 50
            # WX2002 off, 999 no emergency number (settings), 4911 a warning (rules)
            "requests/move.json": [(13, "warning", "4911"), (17, "error", "4910")],
        })

    def test_without_it(self):
        move = [(8, "error", "WX2002"), (9, "error", "4911"), (13, "error", "4911"), (17, "error", "4910")]
        self.assertEqual(self.findings("--no-config"), {
            "fixtures/old/move.json": move,
            "requests/contacts.json": [(6, "info", "WX3008"), (7, "error", "WX3037")],
            "requests/legacy-move.json": move,
            "requests/many.json": [],
            "requests/move.json": move,
        })

    def test_the_table_names_the_schema_keys(self):
        with open(os.path.join(REPO, "schemas", "wxlint.config.schema.json"), encoding="utf-8") as f:
            keys = set(json.load(f)["properties"]) - {"$schema"}
        table = re.search(r"\| key \| meaning \|\n\| --- \| --- \|\n((?:\|.*\n)+)", DOC).group(1)
        self.assertEqual({re.match(r"\| `([^`]+)` \|", row).group(1) for row in table.splitlines()}, keys)
        self.assertEqual(set(json.loads(CONFIG)) - {"$schema"}, keys - {"region", "snapshot"})


if __name__ == "__main__":
    main()
