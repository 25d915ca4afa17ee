"""The org snapshot: --snapshot (files and directories), the config's "snapshot", exit codes,
the stale-snapshot finding, and `wxlint snapshot info`."""
import base64
import json
import os
import time

from cli_support import TempDirTest, main, write


def wid(kind, uuid, pad=True):
    s = base64.b64encode(f"ciscospark://us/{kind}/{uuid}".encode()).decode()
    return s if pad else s.rstrip("=")


TARGET = wid("LOCATION", "aaaaaaaa-0000-4000-8000-000000000002")
ALICE = wid("PEOPLE", "bbbbbbbb-0000-4000-8000-000000000001")
BOB = wid("PEOPLE", "bbbbbbbb-0000-4000-8000-000000000002")
NUMBERS = {"phoneNumbers": [{"phoneNumber": "", "extension": "7593", "state": "ACTIVE", "mainNumber": False,
                             "location": {"id": TARGET, "name": "Boston"},
                             "owner": {"id": BOB, "type": "PEOPLE", "firstName": "Bob", "lastName": "Birch"}}]}
PEOPLE_1 = {"items": [{"id": ALICE, "displayName": "Alice Ash", "emails": ["alice@example.com"],
                       "locationId": wid("LOCATION", "aaaaaaaa-0000-4000-8000-000000000001"), "extension": "1001"}]}
PEOPLE_2 = {"items": [{"id": BOB, "displayName": "Bob Birch", "emails": ["bob@example.com"]}]}
# The target and the user in other spellings than the snapshot's (unpadded ids).
PAYLOAD = {"usersList": [{"locationId": wid("LOCATION", "aaaaaaaa-0000-4000-8000-000000000002", False), "validate": False,
                          "users": [{"userId": wid("PEOPLE", "bbbbbbbb-0000-4000-8000-000000000001", False),
                                     "extension": "7593"}]}]}
LINE_4202 = ("move.json:9:24: error[4202]: The extension is not available. It is already assigned to a user: 7593. "
             "The org snapshot shows Bob Birch (PEOPLE) holding it in the target location. (move-users/extension-taken)")


class Check(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("move.json"), PAYLOAD)
        write(self.path("org", "numbers.json"), NUMBERS)
        write(self.path("org", "people-1.json"), PEOPLE_1)
        write(self.path("org", "people-2.json"), PEOPLE_2)
        write(self.path("org", "notes.txt"), "not a snapshot file")

    def test_without_a_snapshot_the_rules_find_nothing(self):
        r = self.wxlint("check", "--no-config", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"), r.stderr)

    def test_snapshot_file(self):
        r = self.wxlint("check", "--no-config", "--snapshot", "org/numbers.json", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, LINE_4202 + "\n1 file checked: 1 error, 0 warnings, 0 infos\n")

    def test_a_baselined_snapshot_finding_is_not_fixed_on_a_run_without_the_snapshot(self):
        r = self.wxlint("check", "--no-config", "--snapshot", "org", "--generate-baseline", "base.json", "move.json",
                        cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: recorded 1 finding in base.json\n"))
        # Without the snapshot the rule cannot find it: the entry is not said to be fixed.
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
        # With the snapshot and the extension freed, it is.
        write(self.path("org", "numbers.json"), {"phoneNumbers": []})
        r = self.wxlint("check", "--no-config", "--snapshot", "org", "--baseline", "base.json", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr),
                         (0, "wxlint: 1 baseline entry is fixed: regenerate the baseline to drop it\n"))

    def test_snapshot_directory_merges_pages_and_is_not_linted(self):
        # The snapshot's files are inside the linted directory: they are not payloads.
        r = self.wxlint("check", "--no-config", "-q", "--snapshot", "org", ".", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (1, "./" + LINE_4202 + "\n"), r.stderr)

    def test_config_snapshot_is_relative_to_the_config_file(self):
        write(self.path(".wxlint.json"), {"snapshot": ["org"]})
        os.makedirs(self.path("sub"))
        write(self.path("sub", "move.json"), PAYLOAD)
        r = self.wxlint("check", "-q", "move.json", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stdout), (1, LINE_4202 + "\n"), r.stderr)
        # --snapshot replaces the config's list.
        write(self.path("other", "people.json"), PEOPLE_1)
        r = self.wxlint("check", "-q", "--snapshot", "../other", "move.json", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)

    def test_config_snapshot_may_be_one_path(self):
        write(self.path(".wxlint.json"), {"snapshot": "org"})
        r = self.wxlint("check", "-q", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (1, LINE_4202 + "\n"), r.stderr)
        write(self.path(".wxlint.json"), {"snapshot": "nowhere"})
        r = self.wxlint("check", "-q", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, "wxlint: " + self.path(".wxlint.json") + ":2:15: /snapshot: no snapshot file or directory "
                         + self.path("nowhere") + "\n")
        write(self.path(".wxlint.json"), {"snapshot": ""})
        r = self.wxlint("check", "-q", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn(".wxlint.json:2:15: /snapshot: ", r.stderr)

    def test_bad_snapshot_file_exits_2_with_its_place(self):
        write(self.path("bad", "people.json"), '{"items": [\n  {"id": "x", "displayName": [7]}]}')
        r = self.wxlint("check", "--no-config", "--snapshot", "bad/people.json", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "wxlint: bad/people.json:2:30: /items/0/displayName: expected a string, not an array\n")
        write(self.path("bad", "people.json"), '{"items": [1,]}')
        r = self.wxlint("check", "--no-config", "--snapshot", "bad", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("wxlint: bad/people.json:1:14: "), r.stderr)

    def test_unknown_kind_names_the_kinds(self):
        write(self.path("odd.json"), {"devices": []})
        r = self.wxlint("check", "--no-config", "--snapshot", "odd.json", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith(
            "wxlint: odd.json:1:1: (root): not a snapshot file of a known kind; the kinds are: numbers "
            '({"phoneNumbers": [...]} from GET /telephony/config/numbers); locations'), r.stderr)

    def test_missing_snapshot_path_exits_2(self):
        r = self.wxlint("check", "--no-config", "--snapshot", "nowhere", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: --snapshot nowhere: No such file or directory\n"))

    def test_an_unusable_config_snapshot_path_is_reported_where_the_config_names_it(self):
        os.makedirs(self.path("empty"))
        write(self.path(".wxlint.json"), {"snapshot": ["org", "empty"]})
        said = (f"wxlint: {self.path('.wxlint.json')}:4:5: /snapshot/1: {self.path('empty')}: "
                "no *.json snapshot files in this directory\n")
        for args in [["check", "move.json"], ["snapshot", "info"]]:
            with self.subTest(args=args):
                r = self.wxlint(*args, cwd=self.dir)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", said))
        write(self.path(".wxlint.json"), {"snapshot": "/dev/null"})
        r = self.wxlint("check", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            f"wxlint: {self.path('.wxlint.json')}:2:15: /snapshot: /dev/null: not a regular file (a FIFO, socket or "
            "device): a snapshot is files or their directory\n")))

    def test_missing_config_snapshot_path_is_reported_where_the_config_names_it(self):
        write(self.path(".wxlint.json"), {"snapshot": ["org", "gone"]})
        r = self.wxlint("check", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
        self.assertEqual(r.stderr, f"wxlint: {self.path('.wxlint.json')}:4:5: /snapshot/1: "
                                   f"no snapshot file or directory {self.path('gone')}\n")
        # --snapshot takes the config's list's place: its missing entry no longer matters.
        r = self.wxlint("check", "-q", "--snapshot", "org", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (1, LINE_4202 + "\n"), r.stderr)

    def test_a_page_list_that_is_not_an_array_is_named(self):
        write(self.path("odd.json"), {"phoneNumbers": {"phoneNumber": "+14085551234"}})
        r = self.wxlint("check", "--no-config", "--snapshot", "odd.json", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr),
                         (2, "wxlint: odd.json:2:19: /phoneNumbers: expected an array (a page's list), not an object\n"))

    def test_stale_snapshot_gives_an_info_finding_per_file(self):
        old = time.time() - 10 * 86400
        os.utime(self.path("org", "numbers.json"), (old, old))
        write(self.path("other.json"), {"usersList": [{"locationId": TARGET, "validate": False,
                                                        "users": [{"userId": ALICE, "extension": "2000"}]}]})
        r = self.wxlint("check", "--no-config", "-q", "--snapshot", "org/numbers.json", "move.json", "other.json",
                        cwd=self.dir)
        stale = (":1:1: info[WX0020]: The org snapshot was captured 10 days ago (setting snapshotMaxAgeDays: 7): "
                 "the organisation may have changed since; take a new snapshot. (snapshot/stale)")
        self.assertEqual(r.stdout, "move.json" + stale + "\n" + LINE_4202 + "\nother.json" + stale + "\n")
        # A limit beyond any age (a natural way to turn it off) is none: its days in seconds
        # overflowed, and past 2^63 it fell back to 7.
        for days in [30, 2**63 - 1, 2**64 - 1]:
            with self.subTest(days=days):
                write(self.path("cfg.json"), "{\"settings\": {\"snapshotMaxAgeDays\": %d}}" % days)
                r = self.wxlint("check", "--config", "cfg.json", "-q", "--snapshot", "org/numbers.json", "other.json",
                                cwd=self.dir)
                self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)


class Info(TempDirTest):
    def test_consistent_snapshot(self):
        write(self.path("org", "numbers.json"), NUMBERS)
        write(self.path("org", "people-1.json"), PEOPLE_1)
        write(self.path("org", "manifest.json"), {"capturedAt": "2026-01-02T03:04:05Z"})
        r = self.wxlint("snapshot", "info", "org", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        days = int((time.time() - 1767323045) // 86400)
        self.assertEqual(r.stdout.splitlines(), [
            f"snapshot: 2 pages of 2 kinds, captured 2026-01-02T03:04:05Z ({days} days ago, from the manifest)",
            "  numbers                   1 page         1 item",
            "  people                    1 page         1 item",
            "no inconsistencies found"])

    def test_without_paths_the_nearest_configs_snapshot(self):
        r = self.wxlint("snapshot", "info", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (
            2, "", "wxlint: no snapshot given: pass its files or directories (no .wxlint.json here or above)\n"))
        config = write(self.path(".wxlint.json"), {})
        r = self.wxlint("snapshot", "info", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (
            2, f"wxlint: no snapshot given: pass its files or directories ({config} names none)\n"))
        # Its paths are relative to the config, its region applies, and a missing one is named there.
        write(self.path("org", "numbers.json"), {"phoneNumbers": [{
            "phoneNumber": "020 7946 0002", "state": "ACTIVE", "mainNumber": False,
            "owner": {"id": BOB, "type": "PEOPLE", "firstName": "Bob", "lastName": "Birch"}}]})
        write(config, {"snapshot": ["org"], "region": "GB"})
        os.makedirs(self.path("sub"))
        r = self.wxlint("snapshot", "info", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stdout.splitlines()[1:]), (0, [
            "  numbers                   1 page         1 item", "no inconsistencies found"]), r.stderr)
        write(self.path("org", "people.json"), {"items": [{"id": ALICE, "displayName": "Alice Ash", "locationId": TARGET,
                                                          "phoneNumbers": [{"type": "work", "value": "+44 20 7946 0002"}]}]})
        r = self.wxlint("snapshot", "info", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stdout.splitlines()[-2]), (1, "1 inconsistency:"), r.stderr)
        write(config, {"snapshot": ["org", "gone"]})
        r = self.wxlint("snapshot", "info", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stderr), (
            2, f"wxlint: {config}:4:5: /snapshot/1: no snapshot file or directory {self.path('gone')}\n"))

    def test_region_reads_national_numbers(self):
        # A number in national format, in no location the snapshot knows a country of.
        write(self.path("org", "numbers.json"), {"phoneNumbers": [{
            "phoneNumber": "020 7946 0002", "state": "ACTIVE", "mainNumber": False,
            "owner": {"id": BOB, "type": "PEOPLE", "firstName": "Bob", "lastName": "Birch"}}]})
        write(self.path("org", "people.json"), {"items": [{"id": ALICE, "displayName": "Alice Ash", "locationId": TARGET,
                                                          "phoneNumbers": [{"type": "work", "value": "+44 20 7946 0002"}]}]})
        # Unread, it would match no payload's E.164 number (27966 for a number the org has): said so.
        r = self.wxlint("snapshot", "info", "org", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()[-2:]), (1, [
            "1 inconsistency:",
            '  org/numbers.json:3:5: /phoneNumbers/0: "020 7946 0002" in national format cannot be read: no country '
            'for the location (the locations list gives it); give the region they are in (--region, or "region" in '
            ".wxlint.json)"]), r.stderr)
        r = self.wxlint("snapshot", "info", "--region", "GB", "org", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout.splitlines()[-2:]), (1, [
            "1 inconsistency:",
            "  org/people.json:3:5: /items/0: number +442079460002 is held by two owners: Alice Ash (PEOPLE) here and "
            "Bob Birch (PEOPLE) at org/numbers.json:3:5: /phoneNumbers/0"]), r.stderr)
        r = self.wxlint("snapshot", "info", "--region", "XX", "org", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (
            2, "", 'wxlint: --region: "XX" is not a region code of the numbering plans (two letters, such as US, GB or DE)\n'))
        # Said whether or not the snapshot has a number to read in it.
        write(self.path("e164", "numbers.json"), NUMBERS)
        r = self.wxlint("snapshot", "info", "--region", "XX", "e164", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (
            2, "", 'wxlint: --region: "XX" is not a region code of the numbering plans (two letters, such as US, GB or DE)\n'))

    def test_an_unread_national_number_matches_no_payload_number(self):
        # Ten digits in a location with no country: not guessed as +1, which would hold an
        # owner's number against a payload's number of another country; and, as the payload's
        # number may be it, not said to be missing from that location either.
        write(self.path("org", "numbers.json"), {"phoneNumbers": [{
            "phoneNumber": "4085550100", "state": "ACTIVE", "mainNumber": False, "location": {"id": TARGET},
            "owner": {"id": BOB, "type": "PEOPLE", "firstName": "Bob", "lastName": "Birch"}}]})
        write(self.path("move.json"), {"usersList": [{"locationId": TARGET, "validate": False, "users": [
            {"userId": ALICE, "phoneNumber": "+14085550100"}]}]})
        r = self.wxlint("check", "--no-config", "-q", "--snapshot", "org", "move.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
        # In another location, whose numbers were all read, it is.
        other = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwOQ"
        write(self.path("other.json"), {"usersList": [{"locationId": other, "validate": False, "users": [
            {"userId": ALICE, "phoneNumber": "+14085550100"}]}]})
        r = self.wxlint("check", "--no-config", "-q", "--snapshot", "org", "other.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (1,
            "other.json:9:26: error[27966]: The phone number, +14085550100, is not available in the new group: the org "
            "snapshot's numbers list has no such number in the target location. (move-users/number-not-in-location)\n"),
            r.stderr)
        r = self.wxlint("check", "--no-config", "-q", "--region", "US", "--snapshot", "org", "move.json", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("error[10030003]", r.stdout)

    def test_files_from_the_future_are_said_to_be(self):
        write(self.path("org", "numbers.json"), NUMBERS)
        t = time.time() + 3 * 86400
        os.utime(self.path("org", "numbers.json"), (t, t))
        r = self.wxlint("snapshot", "info", "org", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        captured = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(t)))
        self.assertEqual(r.stdout.splitlines()[0],
                         f"snapshot: 1 page of 1 kind, captured {captured} (in the future, from the files' modification time)")

    def test_inconsistencies_exit_1(self):
        write(self.path("org", "numbers.json"), NUMBERS)
        write(self.path("org", "people-1.json"), PEOPLE_1)
        write(self.path("org", "people-2.json"), PEOPLE_2)
        write(self.path("org", "locations.json"), {"items": [{"id": TARGET, "name": "Boston", "timeZone": "UTC"}]})
        t = time.time() - 3 * 86400 - 3600
        for f in os.listdir(self.path("org")):
            os.utime(self.path("org", f), (t, t))
        r = self.wxlint("snapshot", "info", "org", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        captured = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(t)))
        self.assertEqual(r.stdout.splitlines(), [
            f"snapshot: 4 pages of 3 kinds, captured {captured} (3 days ago, from the files' modification time)",
            "  numbers                   1 page         1 item",
            "  locations                 1 page         1 item",
            "  people                    2 pages        2 items",
            "2 inconsistencies:",
            "  org/people-2.json:3:5: /items/0: this page of people has no locationId or extension, while the first "
            "page had them: its request lacked callingData=true (a next link that dropped it?)",
            "  org/people-1.json:3:5: /items/0: Alice Ash has a locationId that is in no locations list of the snapshot"])

    def test_a_hundred_inconsistencies_are_listed_then_counted(self):
        # One locations page missing: every person of it is an inconsistency.
        people = [{"id": wid("PEOPLE", "bbbbbbbb-0000-4000-8000-%012d" % i), "displayName": "P%d" % i,
                   "locationId": wid("LOCATION", "aaaaaaaa-0000-4000-8000-000000000001"), "extension": str(1000 + i)}
                  for i in range(103)]
        write(self.path("org", "people.json"), {"items": people})
        write(self.path("org", "locations.json"), {"items": [{"id": TARGET, "name": "Boston", "timeZone": "UTC"}]})
        r = self.wxlint("snapshot", "info", "org", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[3], "103 inconsistencies:")
        self.assertEqual(len(lines), 4 + 100 + 1)
        self.assertTrue(lines[103].startswith("  org/people.json:") and lines[103].endswith(
            "/items/99: P99 has a locationId that is in no locations list of the snapshot"), lines[103])
        self.assertEqual(lines[104], "  ... and 3 more (`wxlint snapshot info -f json` lists them all)")
        r = self.wxlint("snapshot", "info", "-f", "json", "org", cwd=self.dir)
        self.assertEqual(len(json.loads(r.stdout)["inconsistencies"]), 103)

    def test_json_for_scripts(self):
        # The same facts as the text, for a pipeline step; the exit code is the same too.
        write(self.path("org", "numbers.json"), NUMBERS)
        write(self.path("org", "people-1.json"), PEOPLE_1)
        write(self.path("org", "locations.json"), {"items": [{"id": TARGET, "name": "Boston", "timeZone": "UTC"}]})
        write(self.path("org", "manifest.json"), {"capturedAt": "2026-01-02T03:04:05Z"})
        before = int(time.time())
        r = self.wxlint("snapshot", "info", "--format", "json", "org", cwd=self.dir)
        after = int(time.time())
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        info = json.loads(r.stdout)
        age = info.pop("ageSeconds")
        self.assertTrue(before - 1767323045 <= age <= after - 1767323045, age)
        self.assertEqual(info, {
            "pages": 3,
            "kinds": [{"kind": "numbers", "pages": 1, "items": 1}, {"kind": "locations", "pages": 1, "items": 1},
                      {"kind": "people", "pages": 1, "items": 1}],
            "capturedAt": "2026-01-02T03:04:05Z", "capturedFrom": "manifest",
            "inconsistencies": ["org/people-1.json:3:5: /items/0: Alice Ash has a locationId that is in no locations "
                                "list of the snapshot"]})
        for name in ("people-1.json", "locations.json", "manifest.json"):
            os.remove(self.path("org", name))
        t = time.time() + 3 * 86400  # a file's time ahead of this clock: a negative age
        os.utime(self.path("org", "numbers.json"), (t, t))
        r = self.wxlint("snapshot", "info", "-f", "json", "org", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        info = json.loads(r.stdout)
        self.assertLess(info.pop("ageSeconds"), -3 * 86400 + 60)
        self.assertEqual(info, {"pages": 1, "kinds": [{"kind": "numbers", "pages": 1, "items": 1}],
                                "capturedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(t))),
                                "capturedFrom": "files", "inconsistencies": []})

    def test_control_characters_in_names_are_shown_escaped(self):
        write(self.path("n.json"), {"phoneNumbers": [
            {"phoneNumber": "+14085550101", "owner": {"id": "A", "type": "PEOPLE", "firstName": "A\u001b[31m"}},
            {"phoneNumber": "+14085550101", "owner": {"id": "B", "type": "PLACE", "displayName": "B"}}]})
        r = self.wxlint("snapshot", "info", "n.json", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("held by two owners: B (PLACE) here and A\\x1b[31m (PEOPLE) at n.json:", r.stdout)
        self.assertNotIn("\u001b", r.stdout)

    def test_directory_without_json_exits_2(self):
        write(self.path("empty", "notes.txt"), "x")
        r = self.wxlint("snapshot", "info", "empty", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: empty: no *.json snapshot files in this directory\n"))

    def test_hostile_files_exit_2_with_their_place(self):
        cases = [("deep.json", '{"items": ' + "[" * 1000000 + "]" * 1000000 + "}", "deep.json:1:522: /items" + "/0" * 28 + "/0...: nesting deeper than 512 levels"),
                 ("empty.json", "", "empty.json:1:1: the file is empty"),
                 ("dup.json", '{"items": [], "items": []}', "dup.json:1:15: /items: duplicate key"),
                 ("nul.json", '{"items": [\u0000]}', "nul.json:1:")]
        for name, text, start in cases:
            write(self.path(name), text)
            r = self.wxlint("snapshot", "info", name, cwd=self.dir)
            self.assertEqual(r.returncode, 2, name)
            self.assertTrue(r.stderr.startswith("wxlint: " + start), r.stderr)
        with open(self.path("utf.json"), "wb") as f:
            f.write(b'{"items": [{"id": "a\xff", "displayName": "x"}]}')
        r = self.wxlint("snapshot", "info", "utf.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: utf.json:1:21: /items/0/id: invalid UTF-8 in string: save the file as UTF-8\n"))
        # Saved by PowerShell 5.1's Out-File: UTF-16 with its byte order mark.
        with open(self.path("utf16.json"), "wb") as f:
            f.write('{"phoneNumbers": []}'.encode("utf-16"))
        r = self.wxlint("snapshot", "info", "utf16.json", cwd=self.dir)
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: utf16.json:1:1: the file is UTF-16 (little-endian), not UTF-8, as Windows PowerShell 5.1 saves it "
                                            "by default (Out-File -Encoding utf8 writes UTF-8): save the file as UTF-8\n"))

    def test_bad_file_exits_2(self):
        write(self.path("bad.json"), "[1, 2]")
        r = self.wxlint("snapshot", "info", "bad.json", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("wxlint: bad.json:1:1: (root): a snapshot file is a JSON object"), r.stderr)


class Size(TempDirTest):
    def test_load_time_is_proportional_to_the_input(self):
        # 30,000 numbers (4 MB): each owner once. Looking up a place for every row (a scan of
        # its file each) made this quadratic; only reported places are looked up.
        rows = [{"phoneNumber": f"+1408{i:07d}", "extension": str(1000 + i), "state": "ACTIVE", "mainNumber": False,
                 "location": {"id": TARGET, "name": "Boston"},
                 "owner": {"id": wid("PEOPLE", f"bbbbbbbb-0000-4000-8000-{i:012d}"), "type": "PEOPLE"}}
                for i in range(30000)]
        write(self.path("numbers.json"), {"phoneNumbers": rows})
        start = time.monotonic()
        r = self.wxlint("snapshot", "info", "numbers.json", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertLess(time.monotonic() - start, 20)

    def test_a_person_with_many_esns_loads_in_proportion(self):
        # Each national-format value was searched for among the person's ESNs one by one:
        # 80,000 took 11 s, 150,000 would take 40.
        numbers = [{"type": "work_extension", "value": f"8{i:07d}"} for i in range(150000)]
        write(self.path("people.json"), {"items": [{"id": ALICE, "displayName": "Alice Ash", "locationId": TARGET,
                                                    "phoneNumbers": numbers}]})
        start = time.monotonic()
        r = self.wxlint("snapshot", "info", "people.json", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertLess(time.monotonic() - start, 20)


class Explain(TempDirTest):
    def test_explain_shows_the_examples_snapshot(self):
        r = self.wxlint("explain", "move-users/extension-taken", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("\nWith the org snapshot file numbers.json:\n{\n  \"phoneNumbers\": [", r.stdout)


if __name__ == "__main__":
    main()
