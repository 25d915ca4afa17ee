"""Issue 12's operations through the command: every new code has its `wxlint explain` page,
the bundled examples give their findings at their places, operations are chosen by envelope,
--operation (id or rule file name) or shape, settings and the org snapshot reach their rules."""
import json
import os

from cli_support import REPO, TempDirTest, fresh_copy, main, run, write

OPERATIONS = {"Create a Contact", "Update a Contact", "Bulk Delete Contacts", "Add Phone Numbers to a location",
              "Initiate Number Jobs", "createLocation", "createWorkspace"}
LOCATION = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA"
SNAPSHOT = os.path.join(REPO, "examples", "snapshot")


def example(name):
    return os.path.join(REPO, "examples", name)


class Operations(TempDirTest):
    def test_every_new_code_is_explained_with_examples(self):
        r = run("rules", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rules = [x for x in json.loads(r.stdout) if x["operation"] in OPERATIONS]
        self.assertEqual({x["operation"] for x in rules}, OPERATIONS)
        self.assertGreaterEqual(len(rules), 140)
        for code in sorted({x["code"] for x in rules}):
            with self.subTest(code=code):
                e = run("explain", code)
                self.assertEqual(e.returncode, 0, e.stderr)
                self.assertIn("\nFails:\n", e.stdout)
                self.assertIn("\nPasses:\n", e.stdout)

    def test_bundled_examples_of_the_new_operations(self):
        snapshot = fresh_copy(SNAPSHOT, self.path("snapshot"))  # its age: the files' (no manifest)
        r = run("check", "--no-config", "-q", "--snapshot", snapshot, example("create-workspace.envelope.json"),
                example("manage-numbers-job.envelope.json"), example("create-location.envelope.json"),
                example("add-phone-numbers.envelope.json"), example("bulk-delete-contacts.envelope.json"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([l.split(": ", 1)[0] + " " + l.rsplit(" ", 1)[1] for l in r.stdout.splitlines()], [
            example("create-workspace.envelope.json") + ":12:23 (workspace/location-id-malformed)",
            example("create-workspace.envelope.json") + ":13:32 (workspace/workspace-location-id-malformed)",
            example("create-workspace.envelope.json") + ":14:20 (workspace/floor-id-malformed)",
            example("create-workspace.envelope.json") + ":22:27 (workspace/calling-location-id-malformed)",
            example("create-workspace.envelope.json") + ":24:15 (workspace/license-id-malformed)",
            example("manage-numbers-job.envelope.json") + ":10:22 (numbers-job/operation-value)",
            example("manage-numbers-job.envelope.json") + ":11:23 (numbers-job/number-list-empty)",
        ])

    def test_allowed_sources_reach_the_single_contact_operations(self):
        for name, line in (("create-contact.envelope.json", 19), ("update-contact.envelope.json", 19)):
            r = run("check", "--no-config", "-q", "--allowed-sources", "CH", example(name))
            self.assertIn(f"{example(name)}:{line}:19: error[external.non.privilege]: Caller is not authorized for source "
                          "Webex4Broadworks", r.stdout)

    def test_operation_by_id_and_by_rule_file_name_with_a_snapshot(self):
        payload = json.dumps({"displayName": "Room 1", "locationId": LOCATION,
                              "calling": {"type": "webexCalling", "webexCalling": {"extension": "28544"}}})
        snapshot = fresh_copy(SNAPSHOT, self.path("snapshot"))
        r = run("check", "--no-config", "--operation", "createWorkspace", "--snapshot", snapshot, "--stdin-filename",
                "ws.json", "-", stdin=payload)
        self.assertEqual((r.returncode, r.stdout), (1,
            "ws.json:1:193: error[WX9120]: The extension 28544 is already taken in this location: the org snapshot "
            "shows Mark Zand (PEOPLE) holding it. (workspace/extension-taken)\n"
            "1 file checked: 1 error, 0 warnings, 0 infos\n"))
        self.assertEqual(run("check", "--no-config", "-q", "--operation", "createWorkspace", "-", stdin=payload).returncode, 0)
        for op in ("Initiate Number Jobs", "initiateNumberJobs"):
            r = run("check", "--no-config", "-q", "--operation", op, "-",
                    stdin=json.dumps({"operation": "MOVE", "numberList": [{"locationId": LOCATION, "numbers": ["+14085550101"]}]}))
            self.assertEqual((r.returncode, r.stdout), (1, "<stdin>:1:1: error[WX7203]: A MOVE job needs targetLocationId: "
                                                           "the location the numbers move to. (numbers-job/move-needs-target)\n"))

    def test_a_bare_numbers_job_is_recognised_by_its_shape(self):
        path = write(self.path("job.json"), {"operation": "NUMBER_USAGE_CHANGE", "numberList": [
            {"locationId": LOCATION, "numbers": ["+14085550101"]}]})
        r = run("check", "--no-config", "--format", "json", path)
        f = json.loads(r.stdout)["files"][0]
        self.assertEqual((r.returncode, f["operation"], [d["rule"] for d in f["diagnostics"]]),
                         (1, "Initiate Number Jobs", ["numbers-job/usage-change-needs-type"]))

    def test_numbers_to_add_of_another_location_need_the_path_and_the_snapshot(self):
        numbers = write(self.path("snap", "numbers.json"), {"phoneNumbers": [
            {"phoneNumber": "+14085550201", "state": "ACTIVE", "mainNumber": False,
             "location": {"id": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ", "name": "Denver"}}]})
        env = {"operationId": "Add Phone Numbers to a location", "method": "POST",
               "path": f"https://webexapis.com/v1/telephony/config/locations/{LOCATION}/numbers",
               "requestExamples": [{"example": {"phoneNumbers": ["+14085550201", "+14085550202"]}}]}
        path = write(self.path("add.json"), env)
        r = run("check", "--no-config", "-q", "--snapshot", numbers, path)
        self.assertEqual((r.returncode, r.stdout), (1,
            f"{path}:9:11: error[WX7110]: +14085550201 already belongs to another location, Denver, in the org snapshot: "
            "a number can be in one location only. Move it with the Manage Numbers job instead (a number with an owner must be unassigned first). (add-numbers/number-in-other-location)\n"))
        self.assertEqual(run("check", "--no-config", "-q", path).returncode, 0)
        env["path"] = "/telephony/config/locations/{locationId}/numbers"
        write(path, env)
        self.assertEqual(run("check", "--no-config", "-q", "--snapshot", numbers, path).returncode, 0)


if __name__ == "__main__":
    main()
