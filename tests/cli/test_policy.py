"""Organisation policies: rule files layered on the built-in rules (--rules, "rules" in
.wxlint.json), their errors, and the cookbook in docs/policies.md run entry by entry."""
import json
import os
import re

from cli_support import REPO, TempDirTest, main, move_users, write

# The story: one organisation rule, added to the built-in move-users operation.
POLICY = {
    "operation": "validateOrInitiateMoveUsersJob",
    "rules": [{
        "id": "org/extension-format", "code": "ORG001", "severity": "error", "check": "pattern",
        "at": "/usersList/*/users/*/extension", "params": {"regex": "^2[0-9]{3}$", "skipEmpty": True},
        "message": "Extension \"{value}\" is not one of ours.",
        "summary": "An extension outside the 2xxx range.", "description": "The dial plan gives users 2000 to 2999.",
    }],
}
FINDING = ('payload.json:13:24: error[ORG001]: Extension "3001" is not one of ours. (org/extension-format)\n'
           "1 file checked: 1 error, 0 warnings, 0 infos\n")


def policy_text(**changes):
    """The policy as the docs show it, one member per line, with text replaced."""
    text = json.dumps(POLICY, indent=2)
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + "\n"


# A policy with one mistake each, and what wxlint says (docs/policies.md shows these).
ERROR_CASES = [
    (policy_text(validateOrInitiateMoveUsersJob="validateOrInitiateMoveUserJob"),
     'org.rules.json:2:16: /operation: unknown operation "validateOrInitiateMoveUserJob"; did you mean '
     '"validateOrInitiateMoveUsersJob"? (known: Add Phone Numbers to a location, Assign_Licenses_to_Users, Bulk Create or Update Contacts, Bulk Delete Contacts, Create a Contact, createLocation, Create a Person, createWorkspace, Initiate Number Jobs, User bulk API, Update a Contact, Update a Person, validateOrInitiateMoveUsersJob)'),
    (policy_text(**{'"pattern"': '"patern"'}),
     'org.rules.json:8:16: /rules/0/check: unknown check kind "patern"; did you mean "pattern"? (known: required, '
     "require-any, count, unique, format, length, deny, enum, webex-id, type, forbidden, requires, uuid, "
     "path-param, text, embedded-json, snapshot-lookup, pattern, reference, differs)"),
    (policy_text(**{"^2[0-9]{3}$": "^2([0-9]{3}$"}),
     "org.rules.json:11:18: /rules/0/params/regex: is not a valid RE2 regular expression: missing ): ^2([0-9]{3}$"),
    (policy_text(**{"org/extension-format": "move-users/extension-emergency"}),
     'org.rules.json:5:13: /rules/0/id: rule id "move-users/extension-emergency" is used twice '
     "(first in rules/validateOrInitiateMoveUsersJob.rules.json)"),
    (policy_text(**{'"/usersList/*/users/*/extension"': '"/usersList/*/users/*/extention"'}),
     'org.rules.json:9:13: /rules/0/at: "/usersList/*/users/*/extention" matches nothing: the request schema allows '
     'no "extention" at /usersList/*/users/*; did you mean "extension"? (the rule would never apply)'),
    (policy_text(**{"{value}": "{valeu}"}),
     'org.rules.json:14:18: /rules/0/message: unknown placeholder {valeu}; did you mean {value}? (a pattern rule\'s '
     "message can use {value}, {pointer}, {other}, {pattern}, {match})"),
    (policy_text(**{'"skipEmpty": true': '"skipEmpty": true, "flags": "i"'}),
     "org.rules.json:12:37: /rules/0/params/flags: unknown parameter for this check"),
    # A built-in setting of the wrong type for the parameter: said at the use, in this file (the
    # built-in rule file that declares the setting is not on disk).
    (policy_text(**{'"^2[0-9]{3}$"': '{"$setting": "maxUsers"}'}),
     'org.rules.json:11:18: /rules/0/params/regex: must be a string; it is {"$setting": "maxUsers"}, 100'),
    (policy_text(**{'"operation": "validateOrInitiateMoveUsersJob",\n': ""}),
     'org.rules.json:1:1: (root): a rule file added on top of the catalogue names the operation it adds rules '
     'to: "operation": "<operationId>" (known: Add Phone Numbers to a location, Assign_Licenses_to_Users, Bulk Create or Update Contacts, Bulk Delete Contacts, Create a Contact, createLocation, Create a Person, createWorkspace, Initiate Number Jobs, User bulk API, Update a Contact, Update a Person, validateOrInitiateMoveUsersJob)'),
]

NO_MATCH = 'c.json:1:12: /rules/0: no file matches "policy/*.rules.json"'


class Story(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("payload.json"), move_users("2001", "3001"))

    def test_config_glob_adds_the_rule_at_the_first_attempt(self):
        write(self.path("policy", "extensions.rules.json"), POLICY)
        write(self.path(".wxlint.json"), {"rules": ["policy/*.rules.json"]})
        r = self.wxlint("check", "payload.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, FINDING, ""))
        # From another directory: the glob is relative to the config file.
        os.makedirs(self.path("sub"))
        r = self.wxlint("check", "--config", "../.wxlint.json", "../payload.json", cwd=self.path("sub"))
        self.assertEqual((r.returncode, r.stdout), (1, FINDING.replace("payload.json", "../payload.json", 1)))
        # The built-in rules still apply beside it.
        write(self.path("payload.json"), move_users("2001", "911"))
        r = self.wxlint("check", "payload.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual([line.split("(")[-1] for line in r.stdout.splitlines()[:-1]],
                         ["move-users/extension-emergency)", "org/extension-format)"])

    def test_command_line_and_overrides(self):
        write(self.path("org.rules.json"), POLICY)
        r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "payload.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, FINDING, ""))
        # A list mixes rule files and overrides; the overrides reach the added rules.
        write(self.path(".wxlint.json"), {"rules": ["org.rules.json", {"ORG001": "warning"}]})
        r = self.wxlint("check", "payload.json")
        self.assertEqual((r.returncode, r.stdout),
                         (0, FINDING.replace("error[", "warning[").replace("1 error, 0 warnings", "0 errors, 1 warning")))
        # Named twice (config and --rules): loaded once.
        r = self.wxlint("check", "--rules", "org.rules.json", "payload.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        # rules and explain list it with the built-in rules; without --no-config, as the
        # config here makes it (a warning), and with no --rules, as the config loads it.
        r = self.wxlint("explain", "ORG001")
        self.assertEqual((r.returncode, r.stdout.splitlines()[0]),
                         (0, "ORG001 org/extension-format (warning, validateOrInitiateMoveUsersJob)"))
        r = self.wxlint("explain", "--no-config", "ORG001")
        self.assertEqual((r.returncode, r.stderr), (2, 'wxlint: no rule with code or id "ORG001"; `wxlint rules` lists them all\n'))
        r = self.wxlint("explain", "--no-config", "ORG001", "--rules", "org.rules.json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[:8], [
            "ORG001 org/extension-format (error, validateOrInitiateMoveUsersJob)", "",
            "An extension outside the 2xxx range.", "", "The dial plan gives users 2000 to 2999.", "",
            'Message: Extension "{value}" is not one of ours.', "Rule file: org.rules.json"])
        r = self.wxlint("rules", "--format", "json", "--rules", "org.rules.json")
        files = {x["id"]: x.get("file") for x in json.loads(r.stdout)}
        self.assertEqual((files["org/extension-format"], files["move-users/extension-emergency"]), ("org.rules.json", None))

    def test_sarif_links_only_wxlint_own_rules_to_its_catalogue(self):
        # docs/rules.md has no section for a policy's rule: a helpUri there was a dead link.
        write(self.path("org.rules.json"), POLICY)
        r = self.wxlint("check", "--no-config", "-f", "sarif", "--rules", "org.rules.json", "payload.json")
        rules = {x["id"]: x for x in json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]}
        self.assertNotIn("helpUri", rules["org/extension-format"])
        self.assertEqual(rules["move-users/extension-emergency"]["helpUri"],
                         "https://github.com/wxlint/wxlint/blob/main/docs/rules.md#4911-move-usersextension-emergency-error")

    def test_a_report_never_replaces_a_rule_file(self):
        write(self.path("org.rules.json"), POLICY)
        with open(self.path("org.rules.json")) as f:
            before = f.read()
        r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "-f", "json", "-o", "org.rules.json",
                        "payload.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: org.rules.json: cannot write: it is the input org.rules.json\n"))
        with open(self.path("org.rules.json")) as f:
            self.assertEqual(f.read(), before)

    def test_settings_override_the_operation_and_the_config_wins(self):
        policy = dict(POLICY, settings={"maxUsers": 1})
        write(self.path("org.rules.json"), policy)
        r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "payload.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn("(move-users/too-many-users)", r.stdout)
        write(self.path(".wxlint.json"), {"rules": ["org.rules.json"], "settings": {"maxUsers": 2}})
        r = self.wxlint("check", "payload.json")
        self.assertEqual((r.returncode, r.stdout), (1, FINDING))

    def test_errors_name_the_file_line_column_and_pointer(self):
        for text, error in ERROR_CASES:
            with self.subTest(error=error[:60]):
                write(self.path("org.rules.json"), text)
                r = self.wxlint("check", "--no-config", "--rules", "org.rules.json", "payload.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: " + error + "\n"))

    def test_a_rules_glob_that_matches_the_only_file_named_still_loads_it(self):
        # The file named is the config's rule file, so no payload: it was passed over, never
        # loaded, and the run passed with nothing linted.
        write(self.path(".wxlint.json"), {"rules": ["payload.json"]})
        r = self.wxlint("check", "payload.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr.splitlines()[-1], 'wxlint: payload.json:1:1: (root): missing required member "rules"')

    def test_config_entries_that_name_no_file(self):
        for entry, error in (("policy/*.rules.json", NO_MATCH),
                             ("nope.rules.json", "c.json:1:12: /rules/0: no rule file " + self.path("nope.rules.json"))):
            with self.subTest(entry=entry):
                write(self.path("c.json"), '{"rules": ["%s"]}' % entry)
                r = self.wxlint("check", "--config", "c.json", "payload.json")
                self.assertEqual((r.returncode, r.stderr), (2, "wxlint: " + error + "\n"))
        r = self.wxlint("check", "--no-config", "--rules", "missing.rules.json", "payload.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, "wxlint: --rules missing.rules.json: No such file or directory\n")


class Covering(TempDirTest):
    """A policy rule that finds what the schema finds explains it, so it is said once; but only
    at the schema rule's severity or above: an info rule does not hide the API's error."""
    def setUp(self):
        super().setUp()
        write(self.path("title.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
            {"displayName": "Anna Meier", "source": "CH", "title": 5,
             "emails": [{"value": "anna@example.com", "type": "work", "primary": True}]}]})

    def policy(self, severity):
        write(self.path("note.rules.json"), {"operation": "bulkCreateOrUpdateContacts", "rules": [
            {"id": "org/title-note", "code": "ORG050", "severity": severity, "check": "type", "at": "/contacts/*/title",
             "params": {"types": ["string"]}, "message": "Note: title is {actual}.", "summary": "s", "description": "d"}]})

    def test_a_rule_below_the_schema_rule_does_not_hide_its_error(self):
        self.policy("info")
        r = self.wxlint("check", "--no-config", "-q", "--rules", "note.rules.json", "title.json")
        self.assertEqual((r.returncode, r.stdout), (1,
            "title.json:7:16: info[ORG050]: Note: title is an integer. (org/title-note)\n"
            "title.json:7:16: error[WX1001]: title must be a string, not an integer. (schema/type)\n"))

    def test_a_rule_at_the_schema_rules_severity_explains_it(self):
        self.policy("error")
        r = self.wxlint("check", "--no-config", "-q", "--rules", "note.rules.json", "title.json")
        self.assertEqual((r.returncode, r.stdout), (1,
            "title.json:7:16: error[ORG050]: Note: title is an integer. (org/title-note)\n"))
        # schema/type made a warning: a warning rule explains it.
        self.policy("warning")
        write(self.path(".wxlint.json"), {"rules": ["note.rules.json", {"schema/type": "warning"}]})
        r = self.wxlint("check", "-q", "title.json")
        self.assertEqual((r.returncode, r.stdout), (0,
            "title.json:7:16: warning[ORG050]: Note: title is an integer. (org/title-note)\n"))


class ParamValues(TempDirTest):
    """A value a kind compares with what the payload holds is checked when the rules load: a
    misspelt one would make every finding wrong."""
    def test_an_id_type_or_json_type_that_can_be_none_is_refused_at_its_place(self):
        for name, operation, check, at, params, error in (
            ("w", "validateOrInitiateMoveUsersJob", "webex-id", "/usersList/*/users/*/userId",
             '{"outcome": "wrong-type", "type": "people"}',
             '3:47: /rules/0/params/type: must be a resource type in capitals, as ids spell it (PEOPLE, LOCATION, '
             'LICENSE...), not "people"'),
            ("e", "bulkCreateOrUpdateContacts", "embedded-json", "/contacts/*/address",
             '{"outcome": "value-type", "valueType": "strng"}',
             '3:52: /rules/0/params/valueType: unknown JSON type "strng" (null, boolean, object, array, string, integer, '
             'number)')):
            write(self.path(name + ".rules.json"),
                  f'{{"operation": "{operation}", "rules": [\n {{"id": "org/x", "code": "ORG060", "severity": "error", '
                  f'"check": "{check}", "at": "{at}",\n  "params": {params}, "message": "m", "summary": "s", '
                  '"description": "d"}]}\n')
            r = self.wxlint("rules", "--rules", name + ".rules.json")
            self.assertEqual((r.returncode, r.stderr), (2, f"wxlint: {name}.rules.json:{error}\n"), name)


class PolicySettings(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("payload.json"), move_users("2001", "3001"))

    def check(self, settings):
        write(self.path("org.rules.json"), '{"operation": "validateOrInitiateMoveUsersJob",\n "settings": ' + settings +
              ',\n "rules": []}\n')
        return self.wxlint("check", "--no-config", "--rules", "org.rules.json", "payload.json")

    def test_a_setting_no_rule_reads_is_an_error(self):
        r = self.check('{"maxUserz": 1}')
        self.assertEqual((r.returncode, r.stderr), (2,
            'wxlint: org.rules.json:2:27: /settings/maxUserz: no rule reads this setting; did you mean "maxUsers"? '
            '(a setting is read by a rule\'s {"$setting": "maxUserz"})\n'))

    def test_a_bad_value_for_a_built_in_setting_is_said_at_the_policys_setting(self):
        r = self.check('{"maxUsers": -5}')
        self.assertEqual((r.returncode, r.stderr), (2,
            "wxlint: org.rules.json:2:27: /settings/maxUsers: must be an integer from 0 to 1000000000, not -5; rule "
            "move-users/too-many-users uses it as \"max\"\n"))
        r = self.check('{"maxUsers": 1}')  # a good one changes the built-in rule: two users are too many
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("(move-users/too-many-users)", r.stdout)


class Names(TempDirTest):
    def test_an_id_or_code_with_a_comma_or_space_is_refused(self):
        for member, value, column in (("id", "org/ext,ra", 9), ("code", "ORG 1", 26)):
            rule = {"id": "org/x", "code": "ORG1", "severity": "error", "check": "type", "at": "/usersList",
                    "params": {"types": ["array"]}, "message": "m", "summary": "s", "description": "d"}
            rule[member] = value
            write(self.path("c.rules.json"), '{"operation": "validateOrInitiateMoveUsersJob", "rules": [\n ' +
                  json.dumps(rule) + "]}\n")
            r = self.wxlint("rules", "--no-config", "--rules", "c.rules.json")
            self.assertEqual((r.returncode, r.stderr), (2,
                f"wxlint: c.rules.json:2:{column}: /rules/0/{member}: may not hold a comma or white space: --select "
                "and --ignore take a list of ids and codes separated by commas\n"), member)


class UnfilledPlaceholders(TempDirTest):
    """A placeholder of the kind that the rule's parameters never fill would print as it is."""
    def test_each_is_refused_with_the_parameter_that_fills_it(self):
        for check, params, message, name, why in (
            ("unique", {}, "Extension {value} repeated in {group}", "group", 'it is the "groupBy" value'),
            ("text", {"outcome": "blank"}, "Extension is {length} long", "length",
             'it is filled for the "too-long" outcome'),
            ("pattern", {"regex": "^2"}, "bad part {match}", "match", 'it is the part an "expect": "no-match" rule found'),
            ("embedded-json", {"outcome": "invalid"}, "bad key {key}", "key",
             "this outcome does not fill it (see the embedded-json kind's outcomes)"),
            ("require-any", {"fields": ["a"]}, "needs a with {trigger}", "trigger", 'it is the "ifAny" member found'),
        ):
            rule = {"id": "org/x", "code": "ORG070", "severity": "error", "check": check,
                    "at": "/usersList/*/users/*/extension", "params": params, "summary": "s", "description": "d"}
            write(self.path("u.rules.json"), '{"operation": "validateOrInitiateMoveUsersJob", "rules": [\n ' +
                  json.dumps(rule)[:-1] + ',\n  "message": ' + json.dumps(message) + "}]}\n")
            r = self.wxlint("rules", "--no-config", "--rules", "u.rules.json")
            self.assertEqual((r.returncode, r.stderr), (2,
                f"wxlint: u.rules.json:3:14: /rules/0/message: placeholder {{{name}}} is never filled by this rule: "
                f"{why}; it would show as it is in every finding\n"), check)


class Schemas(TempDirTest):
    def test_an_added_operation_whose_schema_uses_property_names(self):
        write(self.path("policy", "tags.rules.json"), {
            "operation": {"id": "orgTags", "method": "POST", "path": "/tags", "schema": "tags.schema.json",
                          "detect": ["tags"]},
            "rules": []})
        write(self.path("policy", "tags.schema.json"), {
            "type": "object", "properties": {"tags": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}}}})
        write(self.path("p.json"), '{"tags": {\n  "team": 1,\n  "Floor 4": 2\n}}\n')
        r = self.wxlint("check", "--no-config", "--rules", "policy/tags.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout.splitlines(), [
            'p.json:3:3: error[WX1099]: Does not match the schema: member name "Floor 4" is not allowed: String does '
            "not match the pattern ^[a-z]+$ (schema/other)",
            "1 file checked: 1 error, 0 warnings, 0 infos"])

    def test_an_added_operations_rules_are_held_to_its_schema(self):
        rule = {"id": "org/tag-shape", "code": "ORG010", "severity": "error", "check": "pattern",
                "at": "/tags/*/name", "params": {"regex": "^[a-z]+$"}, "message": "m", "summary": "s", "description": "d"}
        write(self.path("policy", "tags.schema.json"), {
            "type": "object", "additionalProperties": False, "properties": {"tags": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "properties": {"name": {"type": "string"}, "data": {"type": "any"}}}}}})
        write(self.path("p.json"), '{"tags": [{"name": "Blue", "data": {"x": 1}}]}')

        def run(**changes):
            write(self.path("policy", "tags.rules.json"), {
                "operation": {"id": "orgTags", "method": "POST", "path": "/tags", "schema": "tags.schema.json",
                              "detect": ["tags"]},
                "rules": [dict(rule, **changes)]})
            return self.wxlint("check", "--no-config", "--rules", "policy/tags.rules.json", "p.json")

        r = run()
        self.assertEqual((r.returncode, r.stdout.splitlines()[0], r.stderr),
                         (1, 'p.json:1:20: error[ORG010]: m (org/tag-shape)', ""))
        # Below a member of "type": "any" (valijson's), anything may be.
        r = run(at="/tags/*/data/x/y")
        self.assertEqual((r.returncode, r.stderr), (0, ""), r.stdout)
        r = run(at="/tags/*/nmae")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, 'wxlint: policy/tags.rules.json:17:13: /rules/0/at: "/tags/*/nmae" matches nothing: '
                                   'the request schema allows no "nmae" at /tags/*; did you mean "name"? (the rule would '
                                   "never apply)\n")
        r = run(code="WX1001")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn('/rules/0/code: "WX1001" is a code of wxlint\'s own', r.stderr)

    def test_a_directory_run_does_not_lint_the_schema_of_an_added_operation(self):
        write(self.path("policy", "tags.rules.json"), {
            "operation": {"id": "orgTags", "method": "POST", "path": "/tags", "schema": "tags.schema.json",
                          "detect": ["tags"]},
            "rules": []})
        write(self.path("policy", "tags.schema.json"), {"type": "object", "properties": {"tags": {"type": "object"}}})
        write(self.path("p.json"), {"tags": {"team": "blue"}})
        write(self.path(".wxlint.json"), {"rules": ["policy/*.rules.json"]})
        r = self.wxlint("check", ".")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))

    def test_an_added_operation_whose_schema_uses_pattern(self):
        write(self.path("policy", "dir.rules.json"), {
            "operation": {"id": "orgDirectory", "method": "POST", "path": "/directory", "schema": "dir.schema.json",
                          "detect": ["entries"]},
            "rules": []})
        write(self.path("policy", "dir.schema.json"), {
            "type": "object", "properties": {"entries": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "properties": {"ext": {"type": "string", "pattern": "^2[0-9]{3}$"}},
                "patternProperties": {"^x-[a-z]+$": {"type": "string"}}}}}})
        write(self.path("p.json"), '{"entries": [\n  {"ext": "3001", "x-team": "blue", "x-floor": 4, "note": ""}\n]}\n')
        r = self.wxlint("check", "--no-config", "--rules", "policy/dir.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout.splitlines(), [
            'p.json:2:11: error[WX1010]: "3001" does not match the pattern ^2[0-9]{3}$. (schema/pattern)',
            "p.json:2:48: error[WX1001]: x-floor must be a string, not an integer. (schema/type)",
            'p.json:2:51: error[WX1003]: Unknown property "note": the API does not accept it. (schema/unknown-property)',
            "1 file checked: 3 errors, 0 warnings, 0 infos"])
        # A pattern RE2 cannot take is refused at its place, with RE2's reason.
        with open(self.path("policy", "dir.schema.json")) as f:
            text = f.read().replace("^2[0-9]{3}$", "^(2)\\\\1$")
        write(self.path("policy", "dir.schema.json"), text)
        r = self.wxlint("check", "--no-config", "--rules", "policy/dir.rules.json", "p.json")
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr, r"^wxlint: policy/dir.schema.json:\d+:\d+: /properties/entries/items/properties/ext/pattern: "
                                   r"not a valid RE2 regular expression: invalid escape sequence: \\1\n$")
        # A missing schema file is named where the rule file names it.
        os.remove(self.path("policy", "dir.schema.json"))
        r = self.wxlint("check", "--no-config", "--rules", "policy/dir.rules.json", "p.json")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertRegex(r.stderr, r"^wxlint: policy/dir.rules.json:\d+:\d+: /operation/schema: its schema file: "
                                   r"policy/dir.schema.json: No such file or directory\n$")


def cookbook():
    """(name, [fenced blocks]) per entry of docs/policies.md."""
    with open(os.path.join(REPO, "docs", "policies.md"), encoding="utf-8") as f:
        text = f.read()
    parts = re.split(r"<!-- cookbook: ([a-z-]+) -->\n", text)[1:]
    return [(parts[i], re.findall(r"```[a-z]*\n(.*?)```", parts[i + 1], re.S)) for i in range(0, len(parts), 2)]


class Cookbook(TempDirTest):
    def test_the_documented_rule_file_and_config_are_the_tested_ones(self):
        # The error lines' places are in this file: the page must show it as it is.
        with open(os.path.join(REPO, "docs", "policies.md"), encoding="utf-8") as f:
            text = f.read()
        rule_file, config = re.search(r"## Adding a rule file\n.*?```json\n(.*?)```.*?```json\n(.*?)```", text,
                                      re.S).groups()
        self.assertEqual(rule_file, policy_text())
        self.assertEqual(json.loads(config), {"rules": ["policy/*.rules.json"]})  # the story's config

    def test_a_config_replaces_the_allowed_locations_as_the_entry_says(self):
        rules, failing, _, passing = dict(cookbook())["allowed-locations"]
        other = json.loads(failing)["usersList"][0]["locationId"]
        write(self.path("policy", "allowed-locations.rules.json"), rules)
        write(self.path(".wxlint.json"), {"rules": ["policy/*.rules.json"], "settings": {"allowedLocations": [other]}})
        write(self.path("fail.json"), failing)
        write(self.path("pass.json"), passing)
        r = self.wxlint("check", "fail.json", "pass.json")
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout.splitlines(), [
            "pass.json:4:21: error[ORG003]: The target locationId is not one of the locations of this migration's plan "
            "(setting allowedLocations). (org/location-allowed)", "2 files checked: 1 error, 0 warnings, 0 infos"])

    def test_the_allowed_locations_in_other_spellings_pass(self):
        rules, _, _, passing = dict(cookbook())["allowed-locations"]
        write(self.path("policy", "allowed-locations.rules.json"), rules)
        write(self.path(".wxlint.json"), {"rules": ["policy/*.rules.json"]})
        allowed = json.loads(passing)["usersList"][0]["locationId"]
        for spelling in (allowed + "==", allowed.replace("/", "_").replace("+", "-") + "=="):
            write(self.path("p.json"), passing.replace(allowed, spelling))
            r = self.wxlint("check", "-q", "--select", "ORG003", "p.json")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""), spelling)

    def test_the_documented_errors_are_the_tested_ones(self):
        with open(os.path.join(REPO, "docs", "policies.md"), encoding="utf-8") as f:
            text = f.read()
        block = re.search(r"A mistake stops wxlint.*?```\n(.*?)```", text, re.S).group(1)
        tested = {"wxlint: " + e for e in [error for _, error in ERROR_CASES] + [NO_MATCH]}
        self.assertEqual(len(block.splitlines()), 7)
        for line in block.splitlines():
            self.assertIn(line, tested)

    def test_five_entries(self):
        self.assertEqual([name for name, _ in cookbook()],
                         ["extension-format", "display-name-digits", "allowed-locations", "phone-country", "email-domain"])

    def test_each_entry_fails_and_passes_as_documented(self):
        for name, blocks in cookbook():
            with self.subTest(name):
                rules_path = os.path.join(REPO, "docs", "policies", name + ".rules.json")
                rules, failing, output, passing = blocks
                with open(rules_path, encoding="utf-8") as f:
                    self.assertEqual(rules, f.read())  # the docs show the file as it is
                command, expected = output.split("\n", 1)
                self.assertEqual(command, "$ wxlint check --rules docs/policies/%s.rules.json payload.json" % name)
                self.assertRegex(expected, r"^payload\.json:\d+:\d+: (error|warning)\[ORG00\d\]: ")
                write(self.path("payload.json"), failing)
                r = self.wxlint("check", "--no-config", "--rules", rules_path, "payload.json")
                self.assertEqual((r.stdout, r.stderr), (expected, ""))
                self.assertEqual(r.returncode, 1 if "error[" in expected else 0)
                write(self.path("payload.json"), passing)
                r = self.wxlint("check", "--no-config", "--rules", rules_path, "payload.json")
                self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "1 file checked: no findings\n", ""))
                # Without the policy, the failing payload is clean: the finding is the policy's.
                write(self.path("payload.json"), failing)
                r = self.wxlint("check", "--no-config", "payload.json")
                self.assertEqual((r.returncode, r.stdout), (0, "1 file checked: no findings\n"))


if __name__ == "__main__":
    main()
