"""Findings that keep their identity: baseline entries and SARIF fingerprints name array
items by their identity (userId, contactId, ...) or content, not by index, so inserting or
reordering items leaves the other findings' entries and fingerprints alone; fixed baseline
entries are reported; a number a message quotes may change; version 1 and 2 baselines are
still read."""
import base64
import json

from cli_support import LOCATION, TempDirTest, main, write


def user_id(n):
    text = "ciscospark://us/PEOPLE/00000000-0000-4000-8000-%012d" % n
    return base64.b64encode(text.encode()).decode().rstrip("=")


def payload(users):
    return {"usersList": [{"locationId": LOCATION, "validate": False,
                           "users": [{"userId": user_id(n), "extension": ext} for n, ext in users]}]}


# Each user's extension is a finding of its own: letters, too short, an emergency number.
USERS = [(1, "a234"), (2, "1"), (3, "911"), (4, "2004")]
NEW_USER = (9, "b999")  # a finding of its own too


def message_hash(message):
    """FNV-1a 64 of the text, as 16 hex digits: the messageHash of versions 1 and 2, whose
    messages here quote no line and no pointer."""
    h = 1469598103934665603  # wxlint's basis (src/document/stable_hash.hpp)
    for b in message.encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def contacts(items):
    return {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [dict(c, source="CH") for c in items]}


class Identity(TempDirTest):
    def baseline(self, name="base.json"):
        r = self.wxlint("check", "--no-config", "--generate-baseline", name, "p.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path(name), encoding="utf-8") as f:
            return json.load(f)

    def fingerprints(self):
        r = self.wxlint("check", "--no-config", "-f", "sarif", "p.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        results = json.loads(r.stdout)["runs"][0]["results"]
        return {(x["properties"]["pointer"], x["ruleId"]): x["partialFingerprints"]["wxlintKey/v2"] for x in results}

    def test_user_inserted_at_index_0_keeps_every_other_entry_and_fingerprint(self):
        write(self.path("p.json"), payload(USERS))
        before = self.baseline()
        self.assertEqual(before["version"], 3)
        self.assertEqual(len(before["findings"]), 3)
        for e in before["findings"]:
            self.assertNotIn("pointer", e)
            self.assertRegex(e["key"], r"^/usersList/\[locationId=Y2lz[^\]]+\]/users/\[userId=Y2lz[^\]]+\]/extension$")
        prints_before = self.fingerprints()

        write(self.path("p.json"), payload([NEW_USER] + USERS))
        after = self.baseline("after.json")
        new_entries = [e for e in after["findings"] if e not in before["findings"]]
        self.assertEqual(len(after["findings"]), 4)
        self.assertEqual([e["key"] for e in new_entries],
                         ["/usersList/[locationId=%s]/users/[userId=%s]/extension" % (LOCATION, user_id(9))])
        prints_after = self.fingerprints()
        # Same findings, one index further down: same fingerprints.
        for (pointer, rule), fp in prints_before.items():
            moved = pointer.replace("/users/%s/" % pointer.split("/")[4], "/users/%d/" % (int(pointer.split("/")[4]) + 1))
            self.assertEqual(prints_after[(moved, rule)], fp, pointer)
        self.assertEqual(len(set(prints_after.values())), 4)

        # The old baseline holds every old finding: only the new user's is reported.
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout.splitlines()[0],
                         'p.json:9:24: error[4910]: Invalid extension. The extension can only contain characters 0-9: '
                         '"b999" contains characters other than 0-9. (move-users/extension-digits)')
        self.assertEqual(len(r.stdout.splitlines()), 2)

    def test_reordered_users_keep_the_baseline(self):
        write(self.path("p.json"), payload(USERS))
        self.baseline()
        write(self.path("p.json"), payload(list(reversed(USERS))))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def test_fixed_entries_are_reported(self):
        write(self.path("p.json"), payload(USERS))
        self.baseline()
        write(self.path("p.json"), payload([(1, "1234"), (2, "12"), (3, "911"), (4, "2004")]))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"))
        self.assertEqual(r.stderr, "wxlint: 2 baseline entries are fixed: regenerate the baseline to drop them\n")
        write(self.path("p.json"), payload([(1, "1234"), (2, "1"), (3, "911"), (4, "2004")]))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual(r.stderr, "wxlint: 1 baseline entry is fixed: regenerate the baseline to drop it\n")

    def test_entries_the_run_could_not_find_again_are_not_fixed(self):
        # USERS: 4910 (a234), 4911 (911) and one more; none is fixed.
        write(self.path("p.json"), payload(USERS))
        self.baseline()
        # --select or --ignore leaves the other rules' findings out: their entries are not fixed.
        for narrow in (("--select", "4910"), ("--ignore", "4910,4911")):
            r = self.wxlint("check", "--no-config", *narrow, "--baseline", "base.json", "p.json")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""), narrow)
        # A file that no longer parses tells nothing of its entries: regenerating the baseline
        # now would lose them.
        write(self.path("p.json"), json.dumps(payload(USERS))[:-1])
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "")
        self.assertRegex(r.stdout, r"^p.json:1:\d+: error\[WX0001\]: ")
        # One fixed for real under --select is still counted.
        write(self.path("p.json"), payload([(1, "1234"), (2, "1"), (3, "911"), (4, "2004")]))
        r = self.wxlint("check", "--no-config", "--select", "4910", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"))
        self.assertEqual(r.stderr, "wxlint: 1 baseline entry is fixed: regenerate the baseline to drop it\n")

    def test_entries_of_rules_the_config_turns_off_or_ignores_are_not_fixed(self):
        write(self.path("p.json"), payload(USERS))
        self.baseline()
        for config in ({"rules": {"4910": "off", "move-users/extension-emergency": "off"}},
                       {"ignore": [{"rule": "4910"}, {"rule": "4911", "files": "p.json"}]}):
            write(self.path(".wxlint.json"), config)
            r = self.wxlint("check", "--baseline", "base.json", "p.json")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""), config)

    def test_entries_of_files_not_linted_are_not_fixed(self):
        write(self.path("p.json"), payload(USERS))
        write(self.path("q.json"), payload(USERS))
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base.json", "p.json", "q.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def test_items_without_an_identity_member_are_named_by_their_content(self):
        # Contacts without contactId: named by their own scalars; emails by their value.
        bad = {"displayName": "Ann", "emails": [{"value": "ann@example.com", "type": "fax"}]}
        other = {"displayName": "Bob", "emails": [{"value": "bob@example.com", "type": "work"}]}
        write(self.path("p.json"), contacts([bad, other]))
        [entry] = self.baseline()["findings"]
        self.assertRegex(entry["key"], r"^/contacts/\[#[0-9a-f]{16}\]/emails/\[value=ann@example.com\]/type$")
        # Another contact first, and an email added to Ann's: her finding is still known.
        bad["emails"].insert(0, {"value": "ann@example.org", "type": "work", "primary": True})
        cy = {"displayName": "Cy", "emails": [{"value": "cy@example.com", "type": "work"}]}
        write(self.path("p.json"), contacts([other, cy, bad]))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def test_duplicates_are_numbered_by_occurrence(self):
        write(self.path("p.json"), payload([(1, "2001"), (2, "2002"), (1, "2003")]))
        keys = [e["key"] for e in self.baseline()["findings"]]
        self.assertEqual(keys, ["/usersList/[locationId=%s]/users/[userId=%s]*2/userId" % (LOCATION, user_id(1))])
        # A user inserted at the top does not renumber them.
        write(self.path("p.json"), payload([(5, "2005"), (1, "2001"), (2, "2002"), (1, "2003")]))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def messages(self):
        r = self.wxlint("check", "--no-config", "-f", "json", "p.json")
        return {d["pointer"]: d for d in json.loads(r.stdout)["files"][0]["diagnostics"]}

    def test_past_max_findings_per_rule_the_baseline_holds_every_finding(self):
        # Five letters-in-extension findings, two listed: the baseline records all five.
        write(self.path(".wxlint.json"), {"settings": {"maxFindingsPerRule": 2}})
        bad = [(n, "x%d" % n) for n in range(1, 6)]
        write(self.path("p.json"), payload(bad))
        r = self.wxlint("check", "--generate-baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: recorded 5 findings in base.json\n"))
        # The first one fixed: no other is new (the third is not listed in its place).
        write(self.path("p.json"), payload([(1, "2001")] + bad[1:]))
        r = self.wxlint("check", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"), r.stderr)
        # Four new ones: the first two listed, the rest summed up as without a baseline.
        write(self.path("p.json"), payload(bad + [(n, "y%d" % n) for n in range(6, 10)]))
        r = self.wxlint("check", "--baseline", "base.json", "-f", "json", "p.json")
        self.assertEqual(r.returncode, 1, r.stderr)
        found = [(d["rule"], d["message"][-60:]) for d in json.loads(r.stdout)["files"][0]["diagnostics"]]
        self.assertEqual(len(found), 3, found)
        self.assertEqual(json.loads(r.stdout)["files"][0]["diagnostics"][2]["message"],
                         "... and 2 more findings of this rule in this file; only the first 2 are listed "
                         "(setting maxFindingsPerRule).")
        self.assertIn('"y6"', json.loads(r.stdout)["files"][0]["diagnostics"][0]["message"])

    def test_version_1_baselines_are_still_read(self):
        write(self.path("p.json"), payload(USERS))
        entries = [{"file": "p.json", "rule": d["rule"], "messageHash": message_hash(" " + d["message"]), "count": 1,
                    "pointer": pointer} for pointer, d in self.messages().items()]
        write(self.path("v1.json"), {"version": 1, "findings": entries})
        r = self.wxlint("check", "--no-config", "--baseline", "v1.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"))
        self.assertEqual(r.stderr, "wxlint: v1.json is a version 1 baseline (findings keyed by array index): it still "
                                   "works; regenerate it with --generate-baseline to key findings by item identity\n")

    def test_version_2_baselines_are_still_read(self):
        write(self.path("p.json"), payload(USERS))
        keys = {e["rule"]: e["key"] for e in self.baseline()["findings"]}
        entries = [{"file": "p.json", "rule": d["rule"], "messageHash": message_hash(" " + d["message"]), "count": 1,
                    "key": keys[d["rule"]]} for d in self.messages().values()]
        self.assertEqual(len(entries), 3)
        write(self.path("v2.json"), {"version": 2, "findings": entries})
        r = self.wxlint("check", "--no-config", "--baseline", "v2.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
        # Version 2 kept counts in the hash: a message whose number changes is new.
        write(self.path("p.json"), payload([(1, "a2345"), (2, "1"), (3, "911"), (4, "2004")]))
        r = self.wxlint("check", "--no-config", "--baseline", "v2.json", "p.json")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)

    def test_a_count_the_message_quotes_may_change(self):
        # 1026018 quotes the request's number of users: one more clean user changes it.
        write(self.path(".wxlint.json"), {"settings": {"maxUsers": 3}})
        users = [(1, "2001"), (2, "2002"), (3, "2003"), (4, "2004")]
        write(self.path("p.json"), payload(users))
        r = self.wxlint("check", "--generate-baseline", "base.json", "p.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        write(self.path("p.json"), payload(users + [(5, "2005")]))
        r = self.wxlint("check", "-f", "json", "p.json")
        self.assertIn("5 users in one request, at most 3", r.stdout)
        r = self.wxlint("check", "--baseline", "base.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

if __name__ == "__main__":
    main()
