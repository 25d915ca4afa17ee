"""Choosing the operation: --operation by operationId or by rule file name, and WX0011's
did-you-mean for a misspelt top-level member."""
import json

from cli_support import GOOD, TempDirTest, main, write

KNOWN = ('"Add Phone Numbers to a location" (addPhoneNumbersToLocation), "Assign_Licenses_to_Users" '
         '(assignLicensesToUsers), "Bulk Create or Update Contacts" (bulkCreateOrUpdateContacts), "Bulk Delete Contacts" '
         '(bulkDeleteContacts), "Create a Contact" (createContact), "createLocation", "Create a Person" (createPerson), '
         '"createWorkspace", "Initiate Number Jobs" (initiateNumberJobs), "User bulk API" (scimBulk), "Update a Contact" '
         '(updateContact), "Update a Person" (updatePerson), "validateOrInitiateMoveUsersJob"')
PASS = 'pass --operation, or map the file to an operation in .wxlint.json "operations", with one of: '
CONTACTS = {"schemas": "urn:cisco:codev:identity:contact:core:1.0",
            "contacts": [{"contactId": "x", "source": "CH", "firstName": 5}]}


class OperationChoice(TempDirTest):
    def lint_json(self, *args):
        r = self.wxlint("check", "--no-config", "-f", "json", *args)
        return r, json.loads(r.stdout)["files"][0] if r.stdout else None

    def test_rule_file_name_is_accepted_and_reported_as_the_operation_id(self):
        write(self.path("c.json"), CONTACTS)
        by_id, a = self.lint_json("--operation", "Bulk Create or Update Contacts", "c.json")
        by_name, b = self.lint_json("--operation", "bulkCreateOrUpdateContacts", "c.json")
        self.assertEqual(by_name.returncode, 1, by_name.stderr)
        self.assertEqual(b["operation"], "Bulk Create or Update Contacts")
        self.assertEqual(a, b)

    def test_unknown_operation_lists_ids_and_file_names(self):
        write(self.path("g.json"), GOOD)
        r = self.wxlint("check", "--no-config", "--operation", "bulkContacts", "g.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, 'wxlint: unknown --operation "bulkContacts"; known operations: ' + KNOWN + "\n")
        r = self.wxlint("check", "--no-config", "--operation", "validateOrInitiateMoveUserJob", "g.json")
        self.assertEqual((r.returncode, r.stderr), (2, 'wxlint: unknown --operation "validateOrInitiateMoveUserJob" (did you '
                                                       'mean "validateOrInitiateMoveUsersJob"?); known operations: ' +
                                                       KNOWN + "\n"))

    def test_misspelt_top_level_member_gets_a_did_you_mean_at_its_place(self):
        write(self.path("u.json"), '{\n  "userList": [\n    {"locationId": "x", "users": []}\n  ]\n}\n')
        r = self.wxlint("check", "--no-config", "-q", "u.json")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout,
                         'u.json:2:15: error[WX0011]: Cannot tell which Webex request this payload is for: did you '
                         'mean "usersList" (of validateOrInitiateMoveUsersJob) instead of "userList"? Or ' + PASS +
                         KNOWN + '. (operation/undetected)\n')

    def test_misspelt_contacts_member(self):
        write(self.path("c.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contact": []})
        r, f = self.lint_json("c.json")
        self.assertEqual([(d["code"], d["pointer"]) for d in f["diagnostics"]], [("WX0011", "/contact")])
        self.assertIn('did you mean "contacts" (of Bulk Create or Update Contacts) instead of "contact"?',
                      f["diagnostics"][0]["message"])

    def test_nothing_close_keeps_the_plain_message_at_the_root(self):
        write(self.path("x.json"), {"items": [{"id": "x"}]})
        r, f = self.lint_json("x.json")
        self.assertEqual([(d["pointer"], d["message"]) for d in f["diagnostics"]],
                         [("", "Cannot tell which Webex request this payload is for; " + PASS + KNOWN + ".")])


if __name__ == "__main__":
    main()
