"""Configuration (.wxlint.json and --config), --allowed-sources, and baselines."""
import json
import os

from cli_support import BAD, GOOD, LOCATION, USER_2, TempDirTest, main, move_users, write

# A rule directory with one operation whose rule reads the allowedSources setting, so the
# test does not depend on which operations the built-in catalogue has.
CONTACTS_RULES = {
    "operation": {"id": "contactsDemo", "method": "POST", "path": "/contacts", "detect": ["contacts"]},
    "settings": {"allowedSources": ["CH", "Webex4Broadworks"]},
    "rules": [{
        "id": "contacts-demo/source-allowed", "code": "DEMO1", "severity": "error", "check": "enum",
        "at": "/contacts/*/source", "params": {"values": {"$setting": "allowedSources"}},
        "message": "Source {value} is not allowed here: {allowed}.", "summary": "A source the organisation may not use.",
        "description": "Sources are limited by the setting allowedSources.",
    }],
}
W4B_CONTACT = {"contacts": [{"source": "Webex4Broadworks"}]}


def codes(result):
    return [line.split("[")[1].split("]")[0] for line in result.stdout.splitlines() if "[" in line]


class Discovery(TempDirTest):
    def test_found_by_searching_upward(self):
        write(self.path(".wxlint.json"), {"rules": {"move-users/extension-emergency": "off"}})
        write(self.path("a", "b", "bad.json"), BAD)
        r = self.wxlint("check", "bad.json", cwd=self.path("a", "b"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("no findings", r.stdout)
        # --no-config and an explicit --config both bypass the search.
        self.assertEqual(self.wxlint("check", "--no-config", "bad.json", cwd=self.path("a", "b")).returncode, 1)
        write(self.path("empty.json"), {})
        r = self.wxlint("check", "--config", self.path("empty.json"), "bad.json", cwd=self.path("a", "b"))
        self.assertEqual(r.returncode, 1)


class Rules(TempDirTest):
    def test_disable_by_code_and_change_severity_by_id(self):
        payload = move_users("2001", "911")
        payload["usersList"][0]["users"][1]["userId"] = "not-a-webex-id"
        write(self.path("bad.json"), payload)
        before = codes(self.wxlint("check", "--no-config", "bad.json"))
        self.assertIn("WX2002", before)
        write(self.path(".wxlint.json"), {"rules": {"WX2002": "off", "move-users/extension-emergency": "warning"}})
        r = self.wxlint("check", "bad.json")
        self.assertNotIn("WX2002", codes(r))
        self.assertIn("warning[4911]", r.stdout)
        self.assertEqual(r.returncode, 0 if set(before) == {"WX2002", "4911"} else 1, r.stdout)

    def test_a_rule_id_has_the_last_word_over_its_code_and_a_later_entry_over_an_earlier(self):
        # 4911: an emergency number as extension (move-users/extension-emergency). The code
        # used to win over the id, whatever the order, and "off" over everything.
        write(self.path("bad.json"), move_users("2001", "911"))
        for rules, shown in [
                ({"4911": "off", "move-users/extension-emergency": "warning"}, ["warning[4911]"]),
                ({"move-users/extension-emergency": "warning", "4911": "off"}, ["warning[4911]"]),
                ({"4911": "info", "move-users/extension-emergency": "warning"}, ["warning[4911]"]),
                ({"4911": "warning", "move-users/extension-emergency": "off"}, []),
                ([{"4911": "off"}, {"4911": "warning"}], ["warning[4911]"]),
                ([{"4911": "warning"}, {"4911": "off"}], []),
                ([{"4911": "off"}, {"4911": "on"}], ["error[4911]"])]:
            with self.subTest(rules=rules):
                write(self.path(".wxlint.json"), {"rules": rules})
                r = self.wxlint("check", "-q", "bad.json")
                self.assertEqual([line.split(" ")[1].rstrip(":") for line in r.stdout.splitlines()], shown, r.stderr)

    def test_per_operation_limit(self):
        write(self.path("good.json"), GOOD)  # two users
        write(self.path(".wxlint.json"), {"operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": 1}}})
        r = self.wxlint("check", "good.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(codes(r), ["1026018"])

    def test_the_operations_own_value_wins_over_the_global_one(self):
        # maxUsers is move-users' alone: the global value, overridden there, is no unknown setting.
        write(self.path("good.json"), GOOD)  # two users
        op = "validateOrInitiateMoveUsersJob"
        for config, expected in [({"settings": {"maxUsers": 100}, "operations": {op: {"maxUsers": 1}}}, ["1026018"]),
                                 ({"settings": {"maxUsers": 1}, "operations": {op: {"maxUsers": 100}}}, []),
                                 ({"settings": {"maxUsers": 100, op + "/maxUsers": 1}}, ["1026018"]),
                                 ({"settings": {"maxUsers": 1, op + "/maxUsers": 100}}, [])]:
            with self.subTest(config=config):
                write(self.path(".wxlint.json"), config)
                r = self.wxlint("check", "-q", "good.json")
                self.assertEqual((r.returncode, codes(r), r.stderr), (1 if expected else 0, expected, ""))

    def test_an_operation_by_its_rule_file_name(self):
        # As --operation and the file globs of "operations" take it: createContact is "Create a Contact".
        contact = {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "displayName": "Ada Lovelace",
                   "companyName": "Analytical Engines", "source": "CH",
                   "emails": [{"value": "ada@example.com", "type": "work", "primary": True}]}
        write(self.path("c.json"), contact)
        r = self.wxlint("check", "-q", "--operation", "createContact", "c.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        for config in [{"operations": {"createContact": {"maxNameLength": 5}}},
                       {"operations": {"Create a Contact": {"maxNameLength": 5}}},
                       {"settings": {"createContact/maxNameLength": 5}},
                       {"settings": {"maxNameLength": 256}, "operations": {"createContact": {"maxNameLength": 5}}}]:
            with self.subTest(config=config):
                write(self.path(".wxlint.json"), config)
                r = self.wxlint("check", "-q", "--operation", "createContact", "c.json")
                self.assertEqual((r.returncode, codes(r), r.stderr), (0, ["WX3144"] * 2, ""))


class Ignore(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("payloads", "team", "bad.json"), BAD)
        write(self.path("other", "bad.json"), BAD)

    def lint(self, entry):
        write(self.path(".wxlint.json"), {"ignore": [entry]})
        r = self.wxlint("check", "-f", "json", "payloads", "other")
        return {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(r.stdout)["files"]}

    def test_by_glob_and_pointer(self):
        got = self.lint({"files": "payloads/**/*.json", "pointer": "/usersList/*/users/*/extension"})
        self.assertEqual(got, {"payloads/team/bad.json": [], "other/bad.json": ["4911"]})

    def test_pointer_covers_what_is_inside(self):
        got = self.lint({"pointer": "/usersList/0/users/1"})
        self.assertEqual(got, {"payloads/team/bad.json": [], "other/bad.json": []})

    def test_glob_classes_and_single_characters(self):
        got = self.lint({"files": "payloads/t?am/[a-c]ad.json"})
        self.assertEqual(got, {"payloads/team/bad.json": [], "other/bad.json": ["4911"]})
        got = self.lint({"files": "*/[!p]*/bad.json"})  # * stays within one segment
        self.assertEqual(got, {"payloads/team/bad.json": [], "other/bad.json": ["4911"]})

    def test_for_one_rule_only(self):
        self.assertEqual(self.lint({"files": "other/*", "rule": "4910"})["other/bad.json"], ["4911"])
        self.assertEqual(self.lint({"files": "other/*", "rule": "move-users/extension-emergency"})["other/bad.json"], [])

    def test_globs_are_relative_to_the_config_file(self):
        write(self.path(".wxlint.json"), {"ignore": [{"files": "payloads/team/bad.json"}]})
        r = self.wxlint("check", "bad.json", cwd=self.path("payloads", "team"))
        self.assertEqual(r.returncode, 0, r.stdout)


class AllowedSources(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("rules", "rules", "contactsDemo.rules.json"), CONTACTS_RULES)
        write(self.path("contact.json"), W4B_CONTACT)

    def lint(self, *args):
        return self.wxlint("check", "--rules-dir", "rules", *args, "contact.json")

    def test_default_allows_both(self):
        self.assertEqual(self.lint("--no-config").returncode, 0)

    def test_flag(self):
        r = self.lint("--no-config", "--allowed-sources", "CH")
        self.assertEqual((r.returncode, codes(r)), (1, ["DEMO1"]))
        self.assertEqual(self.lint("--no-config", "--allowed-sources", "CH,Webex4Broadworks").returncode, 0)

    def test_a_source_no_rule_can_allow_is_a_config_error(self):
        # The built-in bulk contacts rule allows only CH and Webex4Broadworks: "ch" would fail
        # every CH contact, so it is refused where it is given.
        write(self.path("c.json"), '{"allowedSources": ["Webex4Broadworks", "ch"]}')
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--config", "c.json", "good.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: c.json:1:20: /allowedSources: "ch" is not one of CH, Webex4Broadworks '
                                   '(did you mean "CH"?); rule contacts/source-not-allowed uses it as "values"\n')
        r = self.wxlint("check", "--no-config", "--allowed-sources", "CH,Webex4broadworks", "good.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, 'wxlint: --allowed-sources: "Webex4broadworks" is not one of CH, Webex4Broadworks '
                                   '(did you mean "Webex4Broadworks"?); rule contacts/source-not-allowed uses it as "values"\n')

    def test_config_and_the_flag_wins(self):
        write(self.path(".wxlint.json"), {"allowedSources": ["CH"]})
        self.assertEqual(codes(self.lint()), ["DEMO1"])
        self.assertEqual(self.lint("--allowed-sources", "Webex4Broadworks").returncode, 0)


class BadConfig(TempDirTest):
    def check(self, config_text, *expected):
        write(self.path(".wxlint.json"), config_text)
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "good.json")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        for e in expected:
            self.assertIn(e, r.stderr)

    def test_syntax_error_names_line_and_column(self):
        self.check('{"rules": {\n  "WX2002": "off",\n}\n}', ".wxlint.json:3:1:")

    def test_schema_violation_names_the_pointer(self):
        self.check('{\n  "rules": {"WX2002": "of"}\n}', ".wxlint.json:2:23: /rules/WX2002:", "off")
        self.check('{"colour": 1}', ".wxlint.json", '"colour"')

    def test_unknown_rule_setting_and_ignored_rule(self):
        self.check('{"rules": {"no/such-rule": "off"}}', ".wxlint.json:1:28: /rules/no~1such-rule:", "no/such-rule")
        self.check('{"settings": {"maxUserz": 5}}', "/settings/maxUserz", "unknown setting")
        self.check('{"operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": "5"}}}',
                   "/operations/validateOrInitiateMoveUsersJob/maxUsers")
        self.check('{"ignore": [{"rule": "WX9999"}]}', "/ignore/0/rule", "WX9999")

    def refused(self, config_text, expected):
        write(self.path(".wxlint.json"), config_text)
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "good.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: " + self.path(".wxlint.json") + expected + "\n"))

    def test_a_setting_no_operation_has_is_still_unknown(self):
        self.refused('{"settings": {"maxUserz": 5}, "operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": 5}}}',
                     ':1:27: /settings/maxUserz: unknown setting "maxUserz"')
        self.refused('{"operations": {"createContact": {"maxUsers": 5}}}',
                     ':1:47: /operations/createContact/maxUsers: unknown setting "createContact/maxUsers"')
        # Overridden everywhere it applies, a global value must still be of the setting's type.
        self.refused('{"settings": {"maxUsers": "5"}, "operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": 5}}}',
                     ':1:27: /settings/maxUsers: must be an integer like the default 100, not a string')

    def test_an_unknown_operation_is_said_as_such(self):
        known = ('known operations: "Add Phone Numbers to a location" (addPhoneNumbersToLocation), '
                 '"Assign_Licenses_to_Users" (assignLicensesToUsers), "Bulk Create or Update Contacts" '
                 '(bulkCreateOrUpdateContacts), "Bulk Delete Contacts" (bulkDeleteContacts), "Create a Contact" '
                 '(createContact), "createLocation", "Create a Person" (createPerson), "createWorkspace", '
                 '"Initiate Number Jobs" (initiateNumberJobs), "User bulk API" (scimBulk), "Update a Contact" '
                 '(updateContact), "Update a Person" (updatePerson), "validateOrInitiateMoveUsersJob"')
        self.refused('{"operations": {"createContactz": {"maxNameLength": 50}}}',
                     ':1:53: /operations/createContactz/maxNameLength: unknown operation "createContactz" '
                     '(did you mean "createContact"?); ' + known)
        self.refused('{"settings": {"nosuch/maxUsers": 5}}',
                     ':1:34: /settings/nosuch~1maxUsers: unknown operation "nosuch"; ' + known)

    def test_one_operations_setting_under_both_its_names(self):
        self.refused('{"operations": {"Create a Contact": {"maxNameLength": 50}, "createContact": {"maxNameLength": 40}}}',
                     ':1:95: /operations/createContact/maxNameLength: the same setting as '
                     '"Create a Contact/maxNameLength" (one operation, two names); give it once')

    def test_one_setting_in_settings_and_under_its_operation(self):
        # One would win unseen, whichever it is.
        self.refused('{"settings": {"validateOrInitiateMoveUsersJob/maxUsers": 1}, '
                     '"operations": {"validateOrInitiateMoveUsersJob": {"maxUsers": 5}}}',
                     ':1:124: /operations/validateOrInitiateMoveUsersJob/maxUsers: the same setting as '
                     '/settings/validateOrInitiateMoveUsersJob~1maxUsers ("validateOrInitiateMoveUsersJob/maxUsers"); '
                     'give it once')
        self.refused('{"settings": {"allowedSources": ["CH"]}, "allowedSources": ["CH"]}',
                     ':1:60: /allowedSources: the same setting as /settings/allowedSources ("allowedSources"); give it once')

    def test_missing_explicit_config(self):
        write(self.path("good.json"), GOOD)
        r = self.wxlint("check", "--config", "nowhere.json", "good.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nowhere.json", r.stderr)


class Baseline(TempDirTest):
    def test_generate_then_fail_only_on_new_findings(self):
        write(self.path("p", "old.json"), BAD)
        os.makedirs(self.path("base"))
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base/wxlint-baseline.json", "p")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("base", "wxlint-baseline.json"), encoding="utf-8") as f:
            entries = json.load(f)["findings"]
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0]["file"], "../p/old.json")
        self.assertEqual(entries[0]["key"], "/usersList/[locationId=%s]/users/[userId=%s]/extension" % (LOCATION, USER_2))
        self.assertNotIn("line", entries[0])

        # Lines move, the old finding stays known; a new file's finding is reported alone.
        write(self.path("p", "old.json"), "\n\n" + json.dumps(BAD, indent=4))
        r = self.wxlint("check", "--no-config", "--baseline", "base/wxlint-baseline.json", "p")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("no findings", r.stdout)
        write(self.path("p", "new.json"), BAD)
        r = self.wxlint("check", "--no-config", "--baseline", "base/wxlint-baseline.json", "p")
        self.assertEqual(r.returncode, 1)
        self.assertEqual([line.split(":")[0] for line in r.stdout.splitlines()[:-1]], ["p/new.json"])

    def test_generate_to_stdout(self):
        write(self.path("p", "old.json"), BAD)
        r = self.wxlint("check", "--no-config", "--generate-baseline", "-", "p")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse(os.path.exists(self.path("-")))
        self.assertEqual(r.stderr, "wxlint: recorded 1 finding in <stdout>\n")
        entries = json.loads(r.stdout)["findings"]
        self.assertEqual([e["file"] for e in entries], ["p/old.json"])
        # What went to stdout is a baseline the next run reads.
        write(self.path("base.json"), r.stdout)
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", "p")
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_baseline_in_the_linted_tree_is_not_a_payload(self):
        # `check --baseline base.json .`: the baseline is the run's own file, not a payload
        # (WX0011); regenerating it in place is no "output that is an input" either.
        write(self.path("p.json"), BAD)
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base.json", ".")
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: recorded 1 finding in base.json\n"))
        r = self.wxlint("check", "--no-config", "--baseline", "base.json", ".")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base.json", ".")
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: recorded 1 finding in base.json\n"))
        with open(self.path("base.json"), encoding="utf-8") as f:
            self.assertEqual([e["file"] for e in json.load(f)["findings"]], ["p.json"])

    def test_a_payload_is_never_replaced_by_a_baseline(self):
        # `--generate-baseline p.json .` (the file name meant as a payload): refused, exit 2, the
        # payload kept. An empty file, or a baseline, is replaced as before.
        write(self.path("p.json"), BAD)
        write(self.path("q.json"), GOOD)
        with open(self.path("p.json"), encoding="utf-8") as f:
            before = f.read()
        r = self.wxlint("check", "--no-config", "--generate-baseline", "p.json", ".")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertTrue(r.stderr.startswith("wxlint: p.json: cannot write the baseline: the file is there and is not a "
                                            "baseline (p.json:"), r.stderr)
        self.assertTrue(r.stderr.endswith("); remove it, or name another file\n"), r.stderr)
        with open(self.path("p.json"), encoding="utf-8") as f:
            self.assertEqual(f.read(), before)
        write(self.path("empty.json"), "")
        r = self.wxlint("check", "--no-config", "--generate-baseline", "empty.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (0, "wxlint: recorded 1 finding in empty.json\n"))

    def test_a_baseline_is_not_replaced_when_a_file_could_not_be_linted(self):
        # Its entries for that file would be gone: all new findings on the next run.
        write(self.path("p.json"), BAD)
        r = self.wxlint("check", "--no-config", "--generate-baseline", "base.json", "p.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("base.json"), encoding="utf-8") as f:
            before = f.read()
        for target in ("base.json", "-"):
            r = self.wxlint("check", "--no-config", "--generate-baseline", target, "p.json", "missing.json")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: missing.json: No such file or directory\n"
                                                                      "wxlint: the baseline was not written: 1 file could "
                                                                      "not be linted\n"))
        with open(self.path("base.json"), encoding="utf-8") as f:
            self.assertEqual(f.read(), before)

    def test_configs_and_rule_files_named_are_not_payloads(self):
        # As pre-commit names every staged JSON file: the run's config and its rule files are
        # passed over; a run that names only them has nothing to lint, and passes.
        write(self.path("ci", "wxlint.json"), {"rules": ["../policy/org.rules.json"]})
        write(self.path("policy", "org.rules.json"), {"operation": "validateOrInitiateMoveUsersJob", "rules": []})
        write(self.path(".wxlint.json"), {"rules": {"operation/undetected": "error"}})
        write(self.path("p.json"), GOOD)
        r = self.wxlint("check", "--config", "ci/wxlint.json", "ci/wxlint.json", "policy/org.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
        r = self.wxlint("check", ".wxlint.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "0 files checked: no findings\n", ""))
        # A directory holding no payload is still a mistake.
        r = self.wxlint("check", "--config", "ci/wxlint.json", "ci")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: no *.json files found in the given paths\n"))

    def test_baseline_and_config_named_through_a_symlinked_directory(self):
        # As $PWD names a directory on macOS (/var is /private/var): the files are found from
        # the real directory, the baseline and the config from the link; both still apply.
        write(self.path("real", "p", "bad.json"), BAD)
        write(self.path("real", "ci.json"), {"ignore": [{"files": "p/skipped.json"}]})
        write(self.path("real", "p", "skipped.json"), BAD)
        os.symlink(self.path("real"), self.path("link"))
        r = self.wxlint("check", "--no-config", "--generate-baseline", self.path("link", "base.json"), "p/bad.json",
                        cwd=self.path("real"))
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("real", "base.json"), encoding="utf-8") as f:
            self.assertEqual([e["file"] for e in json.load(f)["findings"]], ["p/bad.json"])
        r = self.wxlint("check", "--config", self.path("link", "ci.json"), "--baseline", self.path("link", "base.json"),
                        "p", cwd=self.path("real"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "2 files checked: no findings\n", ""))

    def test_a_baseline_beside_the_files_matches_them_however_they_are_reached(self):
        # ci/base.json names "../req/bad.json"; the files named through a symlinked directory
        # ($PWD's path, where getcwd gives the real one) are the same files.
        write(self.path("real", "p", "req", "bad.json"), BAD)
        os.makedirs(self.path("real", "p", "ci"))
        os.symlink(self.path("real"), self.path("link"))
        r = self.wxlint("check", "--no-config", "--generate-baseline", "ci/base.json", "req", cwd=self.path("real", "p"))
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(self.path("real", "p", "ci", "base.json"), encoding="utf-8") as f:
            self.assertEqual({e["file"] for e in json.load(f)["findings"]}, {"../req/bad.json"})
        r = self.wxlint("check", "--no-config", "--baseline", "ci/base.json", self.path("link", "p", "req"),
                        cwd=self.path("real", "p"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def test_bad_baseline_exits_2_with_place(self):
        write(self.path("good.json"), GOOD)
        write(self.path("b.json"), '{"version": 1, "findings": [{"file": "x"}]}')
        r = self.wxlint("check", "--no-config", "--baseline", "b.json", "good.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("b.json:1:29: /findings/0", r.stderr)


if __name__ == "__main__":
    main()
