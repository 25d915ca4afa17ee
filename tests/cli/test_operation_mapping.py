"""Choosing the operation of files that their shape cannot tell (a person and a contact look
alike): .wxlint.json "operations" globs, --operation over them, envelopes by method and path,
and WX0011 naming the operations a payload looks most like."""
import json

from cli_support import TempDirTest, main, write

LOCATION = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA"
LICENCE = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAx"
# A calling person without licenses: WX4106 as Create a Person, WX4206 as Update a Person.
PERSON = {"emails": ["john.andersen@example.com"], "displayName": "John Andersen", "extension": "2001",
          "locationId": LOCATION}
CONFIG = '{\n  "operations": {\n    "people/**/*.json": "Create a Person",\n    "updates/*.json": "updatePerson",\n' \
         '    "validateOrInitiateMoveUsersJob": {"maxUsers": 50}\n  }\n}\n'


class OperationMapping(TempDirTest):
    def lint(self, *args, **kw):
        r = self.wxlint("check", "-f", "json", *args, **kw)
        return r, {f["path"]: f for f in json.loads(r.stdout)["files"]} if r.stdout else None

    def codes(self, f):
        return [d["code"] for d in f["diagnostics"]]

    def test_globs_relative_to_the_config_name_the_operation(self):
        write(self.path(".wxlint.json"), CONFIG)
        for name in ("people/a/p.json", "people/p.json", "updates/u.json", "other/o.json"):
            write(self.path(name), PERSON)
        r, files = self.lint("--config", ".wxlint.json", "people", "updates", "other")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(files["people/a/p.json"]["operation"], "Create a Person")
        self.assertEqual(self.codes(files["people/a/p.json"]), ["WX4106"])
        self.assertEqual(files["people/p.json"]["operation"], "Create a Person")  # "**/" matches no directory too
        self.assertEqual(files["updates/u.json"]["operation"], "Update a Person")  # by rule file name
        self.assertEqual(self.codes(files["updates/u.json"]), ["WX4206"])
        self.assertIsNone(files["other/o.json"]["operation"])
        self.assertEqual(self.codes(files["other/o.json"]), ["WX0011"])

    def test_globs_and_ignore_files_spelt_with_dot_slash_or_absolute(self):
        """"./people/*.json" and "<the config's directory>/people/*.json" are "people/*.json"."""
        write(self.path("people", "p.json"), PERSON)
        for glob in ("./people/*.json", ".//people/*.json", self.path("people") + "/*.json"):
            write(self.path(".wxlint.json"), {"operations": {glob: "Create a Person"},
                                              "ignore": [{"files": glob.replace("*.json", "p.json"), "rule": "WX4106"}]})
            r, files = self.lint("people/p.json")
            self.assertEqual((r.returncode, files["people/p.json"]["operation"], self.codes(files["people/p.json"])),
                             (0, "Create a Person", []), glob)

    def test_a_glob_outside_the_configs_directory_is_an_error_at_its_place(self):
        write(self.path("p.json"), PERSON)
        write(self.path(".wxlint.json"), '{"ignore": [{"files": "/elsewhere/*.json"}]}')
        r = self.wxlint("check", "p.json")
        self.assertEqual((r.returncode, r.stderr), (2,
            f'wxlint: {self.path(".wxlint.json")}:1:23: /ignore/0/files: matches no file: "/elsewhere/*.json" is '
            f'outside {self.dir}, the directory of the config file, which globs of files are relative to\n'))
        write(self.path(".wxlint.json"), '{"operations": {"./": "Create a Person"}}')
        r = self.wxlint("check", "p.json")
        self.assertEqual((r.returncode, r.stderr), (2,
            f'wxlint: {self.path(".wxlint.json")}:1:23: /operations/.~1: names the config file\'s directory, not '
            'files in it (all of them: "**")\n'))

    def test_globs_hold_from_another_working_directory(self):
        write(self.path("proj", ".wxlint.json"), CONFIG)
        write(self.path("proj", "people", "p.json"), PERSON)
        r, files = self.lint("--config", "proj/.wxlint.json", "proj/people/p.json")
        self.assertEqual(files["proj/people/p.json"]["operation"], "Create a Person")

    def test_operation_option_wins_over_the_globs(self):
        write(self.path(".wxlint.json"), CONFIG)
        write(self.path("people", "p.json"), PERSON)
        r, files = self.lint("--config", ".wxlint.json", "--operation", "Update a Person", "people/p.json")
        self.assertEqual(files["people/p.json"]["operation"], "Update a Person")

    def test_stdin_is_matched_by_its_stdin_filename(self):
        write(self.path(".wxlint.json"), CONFIG)
        r, files = self.lint("--config", ".wxlint.json", "--stdin-filename", "people/x.json", "-",
                             stdin=json.dumps(PERSON))
        self.assertEqual(files["people/x.json"]["operation"], "Create a Person")

    def test_unknown_operation_is_a_config_error_at_its_place(self):
        write(self.path(".wxlint.json"), '{\n  "operations": {\n    "people/*.json": "Create Person"\n  }\n}\n')
        write(self.path("p.json"), PERSON)
        r = self.wxlint("check", "--config", ".wxlint.json", "p.json")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertTrue(r.stderr.startswith(
            'wxlint: .wxlint.json:3:22: /operations/people~1*.json: unknown operation "Create Person" (did you mean "createPerson"?); '
            'known operations: '),
            r.stderr)
        self.assertIn('"Create a Person" (createPerson)', r.stderr)

    def test_a_glob_mapped_to_a_number_is_a_config_error(self):
        write(self.path(".wxlint.json"), '{\n  "operations": {\n    "people/*.json": 5\n  }\n}\n')
        write(self.path("p.json"), PERSON)
        r = self.wxlint("check", "--config", ".wxlint.json", "p.json")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("wxlint: .wxlint.json:3:22: /operations/people~1*.json: "), r.stderr)

    def test_undetected_person_names_the_closest_operations(self):
        write(self.path("p.json"), PERSON)
        r, files = self.lint("--no-config", "p.json")
        [d] = files["p.json"]["diagnostics"]
        self.assertEqual((d["code"], d["pointer"]), ("WX0011", ""))
        self.assertTrue(d["message"].startswith(
            'Cannot tell which Webex request this payload is for: its members look most like "Create a Person" '
            'and "Update a Person"; pass --operation, or map the file to an operation in .wxlint.json '
            '"operations", with one of: '), d["message"])

    def test_envelope_without_operation_id_is_known_by_method_and_path(self):
        write(self.path("e.json"), {"method": "put", "path": "https://webexapis.com/v1/people/abc?callingData=true",
                                    "requestExamples": [{"example": PERSON}]})
        r, files = self.lint("--no-config", "e.json")
        self.assertEqual(files["e.json"]["operation"], "Update a Person")
        self.assertEqual(self.codes(files["e.json"]), ["WX4206"])

    def test_licence_assignment_is_detected_by_either_key_set(self):
        for name, who in (("a.json", {"email": "bob@example.com"}), ("b.json", {"personId": "x"})):
            write(self.path(name), dict(who, licenses=[{"id": LICENCE}]))
        r, files = self.lint("--no-config", "a.json", "b.json")
        self.assertEqual(files["a.json"]["operation"], "Assign_Licenses_to_Users")
        self.assertEqual(files["b.json"]["operation"], "Assign_Licenses_to_Users")


if __name__ == "__main__":
    main()
