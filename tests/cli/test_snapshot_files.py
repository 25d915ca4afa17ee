"""Which files make up an org snapshot, and what is said when one cannot be used: a directory
that cannot be read, a saved error answer of the API, items without their id (snake_case
dumps), an empty path, and the config's snapshot when --snapshot replaces it."""
import json
import os
import resource
import shutil
import subprocess
import unittest

from cli_support import WXLINT, TempDirTest, env, main, run, write

from test_snapshot import LINE_4202, NUMBERS, PAYLOAD, PEOPLE_1

MB = 1 << 20
SANITIZED = bool(os.environ.get("WXLINT_SANITIZED"))


def as_nobody(*args, cwd):
    """Runs wxlint without root's right to read any directory (root: as nobody, via setpriv)."""
    if os.geteuid() != 0:
        return run(*args, cwd=cwd)
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", WXLINT, *args], cwd=cwd,
                          capture_output=True, text=True, env=env(), timeout=120)


class Files(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("move.json"), PAYLOAD)
        write(self.path("org", "numbers.json"), NUMBERS)

    @unittest.skipIf(os.geteuid() == 0 and not shutil.which("setpriv"), "root reads any directory")
    def test_a_subdirectory_that_cannot_be_read_exits_2(self):
        # A page the walk cannot see would be missing from the snapshot without a word.
        write(self.path("org", "people", "people-1.json"), PEOPLE_1)
        os.chmod(self.dir, 0o755)
        if as_nobody("--version", cwd=self.dir).returncode != 0:
            self.skipTest("nobody cannot run this build of wxlint (its directory is not theirs to enter)")
        os.chmod(self.path("org", "people"), 0)
        try:
            for args in (["snapshot", "info", "org"], ["check", "--no-config", "--snapshot", "org", "move.json"]):
                r = as_nobody(*args, cwd=self.dir)
                self.assertEqual((r.returncode, r.stdout, r.stderr),
                                 (2, "", "wxlint: org/people: cannot read directory: Permission denied\n"), args)
        finally:
            os.chmod(self.path("org", "people"), 0o755)

    def test_a_page_that_is_no_file_to_read_exits_2(self):
        # Skipped, a broken link or a FIFO among the pages would be a page missing without a
        # word, its people then "not found". Payload directories are searched the same way.
        os.symlink("/gone/people-2.json", self.path("org", "people-2.json"))
        for args in (["snapshot", "info", "org"], ["check", "--no-config", "--snapshot", "org", "move.json"]):
            r = self.wxlint(*args)
            self.assertEqual((r.returncode, r.stdout, r.stderr),
                             (2, "", "wxlint: org/people-2.json: a link to /gone/people-2.json, which does not exist\n"), args)
        os.remove(self.path("org", "people-2.json"))
        os.symlink("people-3.json", self.path("org", "people-2.json"))
        os.symlink("people-2.json", self.path("org", "people-3.json"))
        r = self.wxlint("snapshot", "info", "org")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (2, "", "wxlint: org/people-2.json: cannot read: Too many levels of symbolic links\n"))
        for name in ("people-2.json", "people-3.json"):
            os.remove(self.path("org", name))
        os.mkfifo(self.path("org", "people-2.json"))
        r = subprocess.run([WXLINT, "snapshot", "info", "org"], cwd=self.dir, capture_output=True, text=True, env=env(),
                           timeout=20)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "wxlint: org/people-2.json: not a regular file (a FIFO, "
                                                                     "socket or device): cannot read it as JSON\n"))
        # A directory of payloads: the others are linted, and the run exits 2.
        r = self.wxlint("check", "--no-config", "org", "move.json")
        self.assertEqual((r.returncode, r.stderr), (2, "wxlint: org/people-2.json: not a regular file (a FIFO, socket or "
                                                       "device): cannot read it as JSON\n"))
        self.assertTrue(r.stdout.endswith("1 path failed (see above): exit code 2\n"), r.stdout)

    def test_a_saved_error_answer_is_named_as_one(self):
        # The curl loop of docs/snapshot.md saves what the API answered, a 502's body too.
        write(self.path("org", "numbers-002.json"), {
            "message": "The server received an invalid response from an upstream server.",
            "errors": [{"description": "The server received an invalid response from an upstream server."}],
            "trackingId": "ROUTER_6512F3A1"})
        r = self.wxlint("snapshot", "info", "org")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            "wxlint: org/numbers-002.json:1:1: (root): an error answer of the Webex API, not a list page "
            "(\"The server received an invalid response from an upstream server.\", trackingId \"ROUTER_6512F3A1\"): "
            "take this page again\n")))
        write(self.path("org", "numbers-002.json"), {"message": "Not Found", "errors": [{"description": "x"}]})
        r = self.wxlint("snapshot", "info", "org")
        self.assertEqual((r.returncode, r.stderr), (2, (
            "wxlint: org/numbers-002.json:1:1: (root): an error answer of the Webex API, not a list page "
            "(\"Not Found\"): take this page again\n")))

    def test_items_without_their_id_are_refused(self):
        # Loaded, they matched no payload's id: every user of a job was "not found" (4003).
        write(self.path("snake", "people.json"), {"items": [
            {"person_id": PEOPLE_1["items"][0]["id"], "emails": ["alice@example.com"], "display_name": "Alice Ash"}]})
        r = self.wxlint("check", "--no-config", "--snapshot", "snake", "move.json")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            'wxlint: snake/people.json:3:5: /items/0: a people item without "id", with snake_case keys ("person_id"): '
            "save wxc_sdk models with model_dump_json(), whose keys are the API's\n")))
        write(self.path("snake", "people.json"), {"items": [{"emails": ["alice@example.com"], "id": ""}]})
        r = self.wxlint("snapshot", "info", "snake")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            'wxlint: snake/people.json:3:5: /items/0: a people item without "id": '
            "every item of the API's list response has one\n")))
        write(self.path("snake", "people.json"), {"result": [{"displayName": "Ann", "contact_id": "c-1"}]})
        r = self.wxlint("snapshot", "info", "snake")
        self.assertEqual((r.returncode, r.stderr), (2, (
            'wxlint: snake/people.json:3:5: /result/0: a contacts item without "contactId", with snake_case keys '
            "(\"contact_id\"): save wxc_sdk models with model_dump_json(), whose keys are the API's\n")))

    def test_items_with_snake_case_keys_are_refused_id_or_not(self):
        # A numbers item has no id, and a virtual extension's is "id" in both spellings: loaded,
        # their rows were empty, and every number was "not in the location" (27966).
        write(self.path("snake", "numbers.json"), {"phoneNumbers": [
            {"phone_number": "+16175550103", "state": "ACTIVE", "main_number": False}]})
        r = self.wxlint("snapshot", "info", "snake")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            'wxlint: snake/numbers.json:3:5: /phoneNumbers/0: a numbers item with snake_case keys ("phone_number"): '
            "save wxc_sdk models with model_dump_json(), whose keys are the API's\n")))
        write(self.path("snake", "numbers.json"), {"virtualExtensions": [
            {"id": "v-1", "extension": "1600", "level": "LOCATION", "location_id": "l-1"}]})
        r = self.wxlint("snapshot", "info", "snake")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", (
            'wxlint: snake/numbers.json:3:5: /virtualExtensions/0: a virtualExtensions item with snake_case keys '
            "(\"location_id\"): save wxc_sdk models with model_dump_json(), whose keys are the API's\n")))

    def test_an_empty_path_is_named(self):
        for args in (["snapshot", "info", ""], ["check", "--no-config", "--snapshot", "", "move.json"]):
            r = self.wxlint(*args)
            self.assertEqual((r.returncode, r.stdout, r.stderr),
                             (2, "", "wxlint: the snapshot path is empty: give its files or their directory\n"), args)

    def test_the_configs_snapshot_is_no_payload_when_snapshot_replaces_it(self):
        # The project's snapshot stays its snapshot: --snapshot only chooses another one to judge by.
        write(self.path(".wxlint.json"), {"snapshot": "org"})
        write(self.path("new", "numbers.json"), NUMBERS)
        r = self.wxlint("check", "-q", "--snapshot", "new", ".")
        self.assertEqual((r.returncode, r.stdout), (1, "./" + LINE_4202 + "\n"), r.stderr)


    def test_a_snapshot_past_a_memory_limit_is_named(self):
        # The load, not a file of the run, ran out: "lint fewer files at once" would not help.
        if SANITIZED:
            self.skipTest("a sanitizer reserves terabytes of address space: no limit fits it")
        row = NUMBERS["phoneNumbers"][0]
        rows = [dict(row, phoneNumber="+1408%07d" % i, extension=str(10000 + i)) for i in range(250_000)]
        with open(self.path("org", "numbers.json"), "w") as f:
            json.dump({"phoneNumbers": rows}, f)  # ~70 MB

        def limited():
            resource.setrlimit(resource.RLIMIT_AS, (60 * MB, 60 * MB))

        said = ("wxlint: out of memory while loading the org snapshot (org): give wxlint more memory; a snapshot "
                "takes about twice its files' size, and a single page file several times its own while it is read "
                "(save the API's pages as they come, not merged)\n")
        for args in (["snapshot", "info", "org"], ["check", "-j", "1", "--no-config", "--snapshot", "org", "move.json"]):
            r = subprocess.run([WXLINT, *args], cwd=self.dir, capture_output=True, text=True, preexec_fn=limited,
                               timeout=120, env=dict(env(), MALLOC_ARENA_MAX="1"))
            self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", said), args)


if __name__ == "__main__":
    main()
