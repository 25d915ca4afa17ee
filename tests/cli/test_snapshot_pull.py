"""`wxlint snapshot pull`: the wxlint-snapshot-pull script, run through wxlint, against a local
HTTP server that replays recorded list responses (testdata/pull-replay.snapshot/): paging, a 429
with Retry-After, a people next link that lost callingData, HTTP errors, an unreachable server,
the files and manifest written, and the token kept out of every file and message."""
import base64
import email.utils
import http.server
import importlib.machinery
import importlib.util
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

from cli_support import REPO, WXLINT, TempDirTest, env, main, run, write

REPLAY = os.path.join(REPO, "testdata", "pull-replay.snapshot")
TOKEN = "wx-test-token-Zq7XvN3p-0123456789abcdef"
ORG_UUID = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
PREFIX = "wxlint snapshot pull: "


def licence_id(n):
    """The Webex id of licence n, as the API gives it."""
    return base64.b64encode(f"ciscospark://us/LICENSE/{uuid.UUID(int=n + 1)}".encode()).decode().rstrip("=")
SCRIPT = os.path.join(os.path.dirname(WXLINT), "wxlint-snapshot-pull")  # the build's copy
# Runs the script with a mishap at publishing time: Ctrl-C as the first page is renamed into
# --out, or a full disk when the manifest is written.
MISHAP = r"""
import builtins, os, runpy, shutil, signal, sys, tempfile
script, mishap, out = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
sys.argv = [script, "--out"] + sys.argv[3:]
real_replace, real_mkstemp, real_rmtree, real_open = os.replace, tempfile.mkstemp, shutil.rmtree, builtins.open
def staged(path):  # in the pull's staging directory itself (not in a directory inside it)
    return os.path.basename(os.path.dirname(os.path.abspath(path))).startswith(".wxlint-pull-")
if mishap == "ctrl-c":
    def replace(src, dst):
        real_replace(src, dst)
        if os.path.dirname(os.path.abspath(dst)) == out:
            os.kill(os.getpid(), signal.SIGINT)
    os.replace = replace
if mishap == "full":
    def mkstemp(*args, prefix=None, **kwargs):
        if prefix and prefix.startswith(".manifest.json."):
            raise OSError(28, "No space left on device")
        return real_mkstemp(*args, prefix=prefix, **kwargs)
    tempfile.mkstemp = mkstemp
if mishap in ("sigterm-then-ctrl-c", "ctrl-c-while-cleaning-up"):
    # SIGTERM as the first page is written (or not: the server's error ends the pull), and a
    # Ctrl-C as the staging directory is being removed.
    def mkstemp(*args, prefix=None, **kwargs):
        if mishap == "sigterm-then-ctrl-c" and prefix and prefix.startswith(".licences-001.json."):
            os.kill(os.getpid(), signal.SIGTERM)
        return real_mkstemp(*args, prefix=prefix, **kwargs)
    tempfile.mkstemp = mkstemp
    def rmtree(path, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        return real_rmtree(path, *args, **kwargs)
    shutil.rmtree = rmtree
if mishap == "unreadable-manifest":
    def open_(path, *args, **kwargs):
        if isinstance(path, str) and os.path.abspath(path) == os.path.join(out, "manifest.json"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)
    builtins.open = open_
if mishap.startswith("rename-fails"):
    # The second page cannot be renamed into out; with "-twice", nor the earlier manifest put back.
    def replace(src, dst):
        if staged(src) and os.path.dirname(os.path.abspath(dst)) == out and \
                os.path.basename(dst) == "locations-001.json":
            raise PermissionError(13, "Permission denied")
        if mishap.endswith("-twice") and os.path.basename(os.path.dirname(src)) == "earlier" and \
                os.path.basename(src) == "manifest.json":
            raise OSError(30, "Read-only file system")
        return real_replace(src, dst)
    os.replace = replace
runpy.run_path(script, run_name="__main__")
"""


def recorded(name):
    with open(os.path.join(REPLAY, name), "rb") as f:
        return f.read()


def webex(api, path, query):
    """The organisation of testdata/pull-replay.snapshot/, as the API pages it."""
    q = dict(urllib.parse.parse_qsl(query))
    base = api.base
    if path == "/v1/people":
        if "cursor" not in q:
            # As seen in the wild: the next link keeps max but drops callingData.
            return 200, {"Link": f'<{base}/people?max=100>; rel="first", <{base}/people?max=100&cursor=Y3Vyc29yMg>; '
                                 'rel="next"'}, recorded("people-1.json")
        return 200, {}, recorded("people-2.json" if q.get("callingData") == "true" else "people-2-no-calling-data.json")
    if path == "/v1/telephony/config/numbers":
        if "start" in q:
            return 200, {}, recorded("numbers-2.json")
        if api.count(path) == 1:
            return 429, {"Retry-After": api.retry_after}, b'{"message": "Too Many Requests"}'
        return 200, {"Link": f'<{base}/telephony/config/numbers?start=3&max=3>; rel="next"'}, recorded("numbers-1.json")
    files = {"/v1/licenses": "licences.json", "/v1/locations": "locations.json",
             "/v1/telephony/config/locations": "calling-locations.json",
             "/v1/telephony/config/callParkExtensions": "call-park-extensions.json",
             "/v1/telephony/config/virtualExtensions": "virtual-extensions.json",
             f"/v1/contacts/organizations/{ORG_UUID}/contacts/search": "contacts.json"}
    if path in files:
        return 200, {}, recorded(files[path])
    return 404, {}, b'{"message": "The requested resource could not be found."}'


class Api:
    """A local server on 127.0.0.1 (a free port) that answers through `route`."""

    def __init__(self, route=webex):
        self.route = route
        self.retry_after = "0"
        self.requests = []  # (path?query, Authorization header)
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urllib.parse.urlsplit(self.path)
                api.requests.append((self.path, self.headers.get("Authorization")))
                status, headers, body = api.route(api, parts.path, parts.query)
                if status is None:  # a dropped connection: closed without an answer
                    self.close_connection = True
                    return
                if status == "raw":  # body writes the whole answer itself, as it likes
                    self.close_connection = True
                    try:
                        body(self.wfile)
                    except OSError:  # the client hung up
                        pass
                    return
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def count(self, path):
        return sum(1 for p, _ in self.requests if urllib.parse.urlsplit(p).path == path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# The first page of each list, then the lists' further pages.
ALL_REQUESTS = [
    "/v1/people?callingData=true&max=100",
    "/v1/licenses", "/v1/locations", "/v1/telephony/config/locations",
    "/v1/telephony/config/numbers", "/v1/telephony/config/numbers",
    "/v1/telephony/config/callParkExtensions", "/v1/telephony/config/virtualExtensions",
    f"/v1/contacts/organizations/{ORG_UUID}/contacts/search",
    "/v1/people?max=100&cursor=Y3Vyc29yMg&callingData=true",
    "/v1/telephony/config/numbers?start=3&max=3",
]
# ALL_REQUESTS (but the 429's) in the manifest's order: by kind
MANIFEST_REQUESTS = [ALL_REQUESTS[i] for i in (0, 9, 1, 2, 3, 5, 10, 6, 7, 8)]
# file written <- recorded page, in the order pulled
ALL_PAGES = [("people-001.json", "people-1.json"), ("people-002.json", "people-2.json"),
             ("licences-001.json", "licences.json"), ("locations-001.json", "locations.json"),
             ("callingLocations-001.json", "calling-locations.json"), ("numbers-001.json", "numbers-1.json"),
             ("numbers-002.json", "numbers-2.json"), ("callParkExtensions-001.json", "call-park-extensions.json"),
             ("virtualExtensions-001.json", "virtual-extensions.json"), ("contacts-001.json", "contacts.json")]
INFO_KINDS = ["  numbers                   2 pages        5 items",
              "  locations                 1 page         2 items",
              "  licences                  1 page         2 items",
              "  people                    2 pages        3 items",
              "  callingLocations          1 page         2 items",
              "  callParkExtensions        1 page         1 item",
              "  virtualExtensions         1 page         1 item",
              "  contacts                  1 page         1 item"]


class Pull(TempDirTest):
    def setUp(self):
        super().setUp()
        self.api = Api()
        self.addCleanup(self.api.close)

    def pull(self, *args, token=TOKEN, binary=WXLINT):
        environ = env()
        environ.pop("WEBEX_ACCESS_TOKEN", None)
        if token is not None:
            environ["WEBEX_ACCESS_TOKEN"] = token
        r = subprocess.run([binary, "snapshot", "pull", *args], cwd=self.dir, capture_output=True, text=True,
                           env=environ, timeout=60)
        self.assertNotIn(TOKEN, r.stdout + r.stderr)
        return r

    def files(self, top="out"):
        """Every file under top, hidden ones too, with the token looked for in each."""
        found = []
        for root, _, names in os.walk(self.path(top)):
            for name in names:
                p = os.path.join(root, name)
                with open(p, "rb") as f:
                    self.assertNotIn(TOKEN.encode(), f.read(), p)
                found.append(os.path.relpath(p, self.path(top)))
        return sorted(found)

    def manifest(self):
        with open(self.path("out", "manifest.json"), encoding="utf-8") as f:
            return json.load(f)

    def pages(self, requests):
        """The manifest's pages for recorded pages pulled by these requests."""
        counts = {"people-1.json": 2, "people-2.json": 1, "people-2-no-calling-data.json": 1, "licences.json": 2,
                  "locations.json": 2, "calling-locations.json": 2, "numbers-1.json": 3, "numbers-2.json": 2,
                  "call-park-extensions.json": 1, "virtual-extensions.json": 1, "contacts.json": 1}
        base = self.api.base[:-len("/v1")]
        totals = {"contacts.json": 1}  # the contacts search says how many it has
        return [{"file": f, "kind": f.split("-")[0], "url": base + url, "items": counts[src],
                 **({"total": totals[src]} if src in totals else {})}
                for (f, src), url in zip(ALL_PAGES, requests)]

    def test_pull_writes_every_page_and_the_manifest(self):
        self.api.retry_after = "1"
        before = int(time.time())
        start = time.monotonic()
        r = self.pull("--out", "out", "--base-url", self.api.base + "/")
        elapsed = time.monotonic() - start
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreaterEqual(elapsed, 1.0)  # it waited for Retry-After
        requests = [p for p, _ in self.api.requests]
        self.assertEqual(requests, ALL_REQUESTS)
        self.assertEqual({a for _, a in self.api.requests}, {"Bearer " + TOKEN})
        self.assertEqual(self.files(), sorted([f for f, _ in ALL_PAGES] + ["manifest.json"]))
        for written, source in ALL_PAGES:
            with open(self.path("out", written), "rb") as f:
                self.assertEqual(f.read(), recorded(source), written)  # byte for byte as served
        m = self.manifest()
        captured = m.pop("capturedAt")
        self.assertRegex(captured, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        at = int(time.mktime(time.strptime(captured, "%Y-%m-%dT%H:%M:%SZ"))) - time.timezone
        self.assertTrue(before <= at <= time.time(), captured)
        self.assertEqual(m, {"source": "wxlint snapshot pull", "baseUrl": self.api.base,
                             "pages": self.pages(MANIFEST_REQUESTS),
                             "notes": ["people page 2: the next link lost callingData=true; added it back"]})
        numbers = self.api.base + "/telephony/config/numbers"
        self.assertEqual(r.stderr.splitlines(), [PREFIX + line for line in [
            "people page 2: the next link lost callingData=true; added it back",
            "licences: 1 page, 2 items", "locations: 1 page, 2 items", "callingLocations: 1 page, 2 items",
            f"numbers page 1: GET {numbers}: HTTP 429 Too Many Requests: retry 1 of 5 in 1 s",
            "callParkExtensions: 1 page, 1 item", "virtualExtensions: 1 page, 1 item", "contacts: 1 page, 1 item",
            "people: 2 pages, 3 items", "numbers: 2 pages, 5 items",
            "wrote 10 pages of 8 kinds and manifest.json to out"]])
        self.assertEqual(r.stdout.splitlines(), [
            f"snapshot: 10 pages of 8 kinds, captured {captured} (0 days ago, from the manifest)", *INFO_KINDS,
            "no inconsistencies found"])
        # What check --snapshot reads: the manifest's time, not the files'.
        info = run("snapshot", "info", self.path("out"))
        self.assertEqual((info.returncode, info.stdout.splitlines()[0]), (0, r.stdout.splitlines()[0]))

    def test_keep_links_reports_the_people_page_without_calling_data(self):
        r = self.pull("--out", "out", "--base-url", self.api.base, "--keep-links", "--kinds", "people,locations")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([p for p, _ in self.api.requests], [
            "/v1/people?callingData=true&max=100", "/v1/locations", "/v1/people?max=100&cursor=Y3Vyc29yMg"])
        self.assertEqual(self.files(), ["locations-001.json", "manifest.json", "people-001.json", "people-002.json"])
        with open(self.path("out", "people-002.json"), "rb") as f:
            self.assertEqual(f.read(), recorded("people-2-no-calling-data.json"))
        self.assertEqual(self.manifest()["notes"], [])
        lines = r.stdout.splitlines()
        self.assertEqual(lines[1:], [
            "  locations                 1 page         2 items",
            "  people                    2 pages        3 items",
            "1 inconsistency:",
            "  out/people-002.json:3:5: /items/0: this page of people has no locationId or extension: its request "
            "lacked callingData=true (its url in the manifest)"])
        self.assertEqual(r.stderr.splitlines()[-1],
                         PREFIX + "out: written, but the snapshot contradicts itself (above)")

    def test_licenses_as_the_api_spells_it(self):
        # /licenses and spark-admin:licenses_read: the kind is licences either way.
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licenses")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])

    def test_a_second_pull_replaces_the_first(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])
        self.assertEqual([p["file"] for p in self.manifest()["pages"]], ["licences-001.json"])

    def test_an_earlier_manifest_removes_only_page_files_inside_out(self):
        write(self.path("victim.json"), {"keep": True})
        write(self.path("out", "manifest.json"), {"capturedAt": "2026-01-01T00:00:00Z", "source": "wxlint snapshot pull",
                                                  "pages": [{"file": "../victim.json"}, {"file": "people-009.json"}]})
        write(self.path("out", "people-009.json"), {"items": []})
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(self.path("victim.json")))
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])

    def test_other_json_files_in_out_are_refused(self):
        write(self.path("out", "notes", "mine.json"), {"a": 1})
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, PREFIX + "out: holds notes/mine.json, which no earlier pull wrote: wxlint would "
                                            "load it with the snapshot; pull into an empty directory\n")
        self.assertEqual(self.api.requests, [])

    def test_401_names_the_request_and_leaves_nothing(self):
        def refuse(api, path, query):
            # A hostile error body that echoes the token: it must still not be shown.
            body = json.dumps({"message": "bad token " + TOKEN, "trackingId": "ROUTER_6750A1B2-0001"}).encode()
            return 401, {}, body
        self.api.route = refuse
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual((r.returncode, r.stdout), (6, ""))
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + f"people page 1: GET {self.api.base}/people?callingData=true&max=100: HTTP 401 Unauthorized: "
                     "the token was refused (expired, revoked or not a token): set a fresh one in WEBEX_ACCESS_TOKEN "
                     "(the API says: bad token <token>; trackingId ROUTER_6750A1B2-0001)",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertFalse(os.path.exists(self.path("out")))  # it did not exist before

    def test_http_errors_name_the_endpoint_and_status(self):
        cases = {404: "HTTP 404 Not Found: no such list here: check --base-url and --org-id",
                 501: "HTTP 501 Not Implemented: the server failed: try again later"}
        for status, message in cases.items():
            self.api.route = lambda api, path, query, status=status: (
                (status, {}, b"<html>oops</html>") if "numbers" in path else webex(api, path, query))
            r = self.pull("--out", "out", "--base-url", self.api.base, "--org-id", "Y2lzY29zcGFyazovL3VzL09SRw",
                          "--kinds", "licences,numbers")
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn(PREFIX + f"numbers page 1: GET {self.api.base}/telephony/config/numbers?orgId="
                          f"Y2lzY29zcGFyazovL3VzL09SRw: {message}\n", r.stderr)
            self.assertEqual(self.files(), [])

    def test_403_names_the_scope_and_the_kinds_without_it(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = {name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}

        def forbid(api, path, query):
            if path.startswith("/v1/telephony/config/"):
                # The Webex error shape: the reason is in errors[].description (and a hostile escape).
                return 403, {}, json.dumps({"message": "Forbidden", "errors": [
                    {"errorCode": 0, "description": "Missing scope\x1b[2J spark-admin:telephony_config_read"}],
                    "trackingId": "ROUTER_1"}).encode()
            return webex(api, path, query)
        self.api.route = forbid
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual((r.returncode, r.stdout), (6, ""))
        self.assertEqual(r.stderr.splitlines()[-2:], [
            PREFIX + f"callingLocations page 1: GET {self.api.base}/telephony/config/locations: HTTP 403 Forbidden: "
                     "the token may not read callingLocations: it needs the scope spark-admin:telephony_config_read "
                     "and an admin role; to pull the lists that do not need it: --kinds people,licences,locations,"
                     "contacts (the API says: Forbidden; Missing scope [2J spark-admin:telephony_config_read; "
                     "trackingId ROUTER_1)",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        # As the docs say: the lists pulled before the 403 are not written; the earlier snapshot stays.
        self.assertEqual({name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}, before)
        # Every list's first page comes first: a token without Identity:contact stops the pull
        # before people's further pages (a thousand, in a large organisation).
        self.api.route = lambda api, path, query: (
            (403, {}, b'{"message": "Forbidden"}') if "/contacts/" in path else webex(api, path, query))
        self.api.requests.clear()
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual(r.returncode, 6)
        self.assertEqual([p for p, _ in self.api.requests], ALL_REQUESTS[:9])
        self.assertTrue(r.stderr.splitlines()[-2].endswith(
            "the token may not read contacts: it needs the scope Identity:contact and an admin role; to pull the "
            "lists that do not need it: --kinds people,licences,locations,callingLocations,numbers,"
            "callParkExtensions,virtualExtensions (the API says: Forbidden)"), r.stderr)
        self.api.route = forbid
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "numbers")
        self.assertEqual(r.returncode, 6)
        self.assertTrue(r.stderr.splitlines()[-2].endswith(
            "and an admin role; pull with another token (the API says: Forbidden; Missing scope [2J "
            "spark-admin:telephony_config_read; trackingId ROUTER_1)"), r.stderr)

    def test_an_answer_that_is_no_list_response_is_an_error(self):
        cases = [(b"<html>Maintenance</html>", "the answer is not JSON"),
                 (b"\xff\xfe{}", "the answer is not JSON"),
                 (b"[" * 100000, "the answer is JSON nested too deep to be a list response"),
                 (b'[{"items": []}]', 'the answer has no "items" list: not the list response wxlint expects'),
                 (b'{"items": {"id": 1}}', 'the answer has no "items" list: not the list response wxlint expects')]
        for body, message in cases:
            self.api.route = lambda api, path, query, body=body: (200, {}, body)
            r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
            self.assertEqual((r.returncode, r.stdout), (3, ""), body[:20])
            self.assertEqual(r.stderr.splitlines(), [PREFIX + f"licences page 1: GET {self.api.base}/licenses: {message}",
                                                     PREFIX + "out: left as it was (nothing of this pull written)"])
            self.assertFalse(os.path.exists(self.path("out")))

    def test_429_past_the_retries_is_an_error(self):
        self.api.route = lambda api, path, query: (429, {"Retry-After": "0"}, b"{}")
        r = self.pull("--out", "out", "--base-url", self.api.base, "--max-retries", "2")
        self.assertEqual(r.returncode, 3, r.stderr)
        url = self.api.base + "/people?callingData=true&max=100"
        self.assertEqual(r.stderr.splitlines()[:3], [
            PREFIX + f"people page 1: GET {url}: HTTP 429 Too Many Requests: retry 1 of 2 in 0 s",
            PREFIX + f"people page 1: GET {url}: HTTP 429 Too Many Requests: retry 2 of 2 in 0 s",
            PREFIX + f"people page 1: GET {url}: HTTP 429 Too Many Requests, still after 2 retries: try again later"])
        self.assertEqual(len(self.api.requests), 3)
        # A Retry-After longer than --max-wait is not waited for.
        self.api.route = lambda api, path, query: (429, {"Retry-After": "3600"}, b"{}")
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"people page 1: GET {url}: HTTP 429 Too Many Requests, "
                                                            "Retry-After 3600 s is longer than --max-wait 120 s")

    def test_5xx_is_retried(self):
        def flaky(api, path, query):
            if path == "/v1/people" and "cursor" in query and api.count(path) < 4:
                return ((503, {"Retry-After": "0"}, b'{"message": "Service Unavailable"}') if api.count(path) == 2
                        else (504, {}, b"<html>Gateway Timeout</html>"))
            return webex(api, path, query)
        self.api.route = flaky
        # No Retry-After: 1, 2, 4 ... s, but never more than --max-wait.
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "people", "--max-wait", "0")
        self.assertEqual(r.returncode, 0, r.stderr)
        page2 = "/v1/people?max=100&cursor=Y3Vyc29yMg&callingData=true"
        self.assertEqual([p for p, _ in self.api.requests], ["/v1/people?callingData=true&max=100"] + [page2] * 3)
        label = f"people page 2: GET {self.api.base}{page2[3:]}: "
        self.assertEqual(r.stderr.splitlines()[1:3], [
            PREFIX + label + "HTTP 503 Service Unavailable: retry 1 of 5 in 0 s",
            PREFIX + label + "HTTP 504 Gateway Timeout: retry 2 of 5 in 0 s"])
        self.assertEqual(self.files(), ["manifest.json", "people-001.json", "people-002.json"])
        # Bounded: --max-retries, then the error, with what the API said.
        self.api.route = lambda api, path, query: (500, {}, b'{"message": "Internal error", "trackingId": "T1"}')
        r = self.pull("--out", "out", "--base-url", self.api.base, "--max-retries", "1", "--max-wait", "0")
        self.assertEqual(r.returncode, 3, r.stderr)
        label = f"people page 1: GET {self.api.base}/people?callingData=true&max=100: "
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + label + "HTTP 500 Internal Server Error: retry 1 of 1 in 0 s",
            PREFIX + label + "HTTP 500 Internal Server Error, still after 1 retry: the server failed: try again later "
                             "(the API says: Internal error; trackingId T1)",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(self.files(), ["manifest.json", "people-001.json", "people-002.json"])

    def test_a_dropped_connection_after_the_first_answer_is_retried(self):
        def dropping(api, path, query):
            if path == "/v1/locations" and api.count(path) == 1:
                return None, {}, b""
            return webex(api, path, query)
        self.api.route = dropping
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences,locations", "--max-wait", "0")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p for p, _ in self.api.requests], ["/v1/licenses", "/v1/locations", "/v1/locations"])
        self.assertEqual(r.stderr.splitlines()[1], PREFIX + f"locations page 1: GET {self.api.base}/locations: the "
                         "connection failed (Remote end closed connection without response): retry 1 of 5 in 0 s")
        self.assertEqual(self.files(), ["licences-001.json", "locations-001.json", "manifest.json"])
        # Bounded: after --max-retries, exit 4; the first request is not retried (a wrong --base-url).
        self.api.route = lambda api, path, query: (None, {}, b"") if path == "/v1/locations" else webex(api, path, query)
        self.api.requests.clear()
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences,locations", "--max-wait", "0",
                      "--max-retries", "2")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertEqual(len(self.api.requests), 4)
        self.assertEqual(r.stderr.splitlines()[-2], PREFIX + f"locations page 1: GET {self.api.base}/locations: the "
                         "connection failed (Remote end closed connection without response), still after 2 retries: "
                         "try again later")
        self.api.requests.clear()
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "locations")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertEqual(len(self.api.requests), 1)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"locations page 1: GET {self.api.base}/locations: cannot "
                         "reach the server: Remote end closed connection without response")

    def test_a_server_that_sends_a_byte_now_and_then_is_cut_off_at_the_timeout(self):
        def trickle(head):
            def write(out):
                out.write(head)
                for _ in range(150):  # 30 s, far past --timeout
                    out.write(b" ")
                    out.flush()
                    time.sleep(0.2)
            return write
        slow_body = trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
        slow_headers = trickle(b"HTTP/1.1 200 OK\r\nX-Slow:")

        def slow(api, path, query):
            if path == "/v1/locations" and api.count(path) == 1:
                return "raw", {}, slow_body
            return webex(api, path, query)
        self.api.route = slow
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences,locations", "--max-wait", "0",
                      "--timeout", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.splitlines()[1], PREFIX + f"locations page 1: GET {self.api.base}/locations: the "
                         "connection failed (no complete answer within --timeout 1 s): retry 1 of 5 in 0 s")
        self.assertEqual(self.files(), ["licences-001.json", "locations-001.json", "manifest.json"])
        # Headers that never end, past the retries: exit 4.
        self.api.route = lambda api, path, query: (
            ("raw", {}, slow_headers) if path == "/v1/locations" else webex(api, path, query))
        start = time.monotonic()
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences,locations", "--max-wait", "0",
                      "--timeout", "1", "--max-retries", "1")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertLess(time.monotonic() - start, 25)  # two requests of 1 s, not the server's 30 s each
        self.assertEqual(r.stderr.splitlines()[-2], PREFIX + f"locations page 1: GET {self.api.base}/locations: the "
                         "connection failed (no complete answer within --timeout 1 s), still after 1 retry: try again "
                         "later")

    def test_an_answer_longer_than_a_list_page_can_be_is_not_read(self):
        self.api.route = lambda api, path, query: ("raw", {}, lambda out: out.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 67108865\r\n\r\n{"))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the "
                         "answer is 67,108,865 bytes, more than a list page can be (64 MiB): not read")

        def endless(out):  # no Content-Length: the body ends when the connection does
            out.write(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n[")
            block = b" " * (1 << 20)
            for _ in range(80):
                out.write(block)
        self.api.route = lambda api, path, query: ("raw", {}, endless)
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the "
                         "answer is longer than a list page can be (64 MiB): not read further")
        self.assertFalse(os.path.exists(self.path("out")))

    def test_plain_http_only_to_this_machine_and_not_through_a_proxy(self):
        r = self.pull("--out", "out", "--base-url", "http://webexapis.example/v1")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.endswith(
            "wxlint snapshot pull: error: --base-url: http:// would send the access token unencrypted: use https:// "
            "(http:// is only for a server on this machine: localhost, 127.0.0.1, ::1)\n"), r.stderr)
        self.assertEqual(self.api.requests, [])
        # A proxy would see the token, and serves no server of this machine: not asked.
        environ = env(WEBEX_ACCESS_TOKEN=TOKEN, http_proxy="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
        environ.pop("no_proxy", None)
        environ.pop("NO_PROXY", None)
        r = subprocess.run([WXLINT, "snapshot", "pull", "--out", "out", "--base-url", self.api.base, "--kinds",
                            "licences"], cwd=self.dir, capture_output=True, text=True, env=environ, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p for p, _ in self.api.requests], ["/v1/licenses"])

    def test_a_name_that_starts_like_a_loopback_address_is_not_this_machine(self):
        for host in ("127.0.0.1.evil.example", "127.evil.example", "localhost.evil.example"):
            r = self.pull("--out", "out", "--base-url", f"http://{host}/v1")
            self.assertEqual((r.returncode, r.stdout), (2, ""), host)
            self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "error: --base-url: http:// would send the access "
                             "token unencrypted: use https:// (http:// is only for a server on this machine: "
                             "localhost, 127.0.0.1, ::1)")
            self.assertFalse(os.path.exists(self.path("out")))
        # Any loopback address is this machine: 127.0.0.2 is asked (nothing listens there).
        r = self.pull("--out", "out", "--base-url", "http://127.0.0.2:9/v1", "--kinds", "licences")
        self.assertEqual(r.returncode, 4, r.stderr)

    def test_next_link_to_another_server_is_not_followed(self):
        self.api.route = lambda api, path, query: (
            200, {"Link": '<https://elsewhere.example/v1/licenses?page=2>; rel="next"'}, recorded("licences.json"))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the next "
                         "link leads to another server (elsewhere.example): not followed, so that the token goes to "
                         "the --base-url server only")
        self.assertEqual(len(self.api.requests), 1)

    def test_ctrl_c_while_pulling_leaves_out_as_it_was(self):
        asked, release = threading.Event(), threading.Event()

        def slow(api, path, query):
            if "numbers" in path:
                asked.set()
                release.wait(30)
                return None, {}, b""  # the client is gone
            return webex(api, path, query)
        self.api.route = slow
        self.addCleanup(release.set)
        environ = env(WEBEX_ACCESS_TOKEN=TOKEN)
        p = subprocess.Popen([WXLINT, "snapshot", "pull", "--out", "out", "--base-url", self.api.base], cwd=self.dir,
                             env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertTrue(asked.wait(30))
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
        release.set()
        self.assertEqual((p.returncode, out), (130, ""))
        self.assertEqual(err.splitlines()[-2:], [PREFIX + "interrupted",
                                                 PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertFalse(os.path.exists(self.path("out")))  # it did not exist before
        self.api.route = webex
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)

    def stop_while_pulling(self, signum):
        """Sends `signum` to a pull while the server holds its numbers request."""
        asked, release = threading.Event(), threading.Event()

        def slow(api, path, query):
            if "numbers" in path:
                asked.set()
                release.wait(30)
                return None, {}, b""
            return webex(api, path, query)
        self.api.route = slow
        self.addCleanup(release.set)
        # SIGHUP as a terminal would send it: not ignored, even if this test runs under nohup.
        p = subprocess.Popen([WXLINT, "snapshot", "pull", "--out", "out", "--base-url", self.api.base], cwd=self.dir,
                             env=env(WEBEX_ACCESS_TOKEN=TOKEN), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
        self.assertTrue(asked.wait(30))
        p.send_signal(signum)
        out, err = p.communicate(timeout=30)
        release.set()
        self.api.route = webex
        return p.returncode, out, err

    def test_sigterm_or_sighup_while_pulling_leaves_out_as_it_was(self):
        # SIGTERM (kill): as Ctrl-C, a directory the pull created is removed, staging and all.
        code, out, err = self.stop_while_pulling(signal.SIGTERM)
        self.assertEqual((code, out), (143, ""))
        self.assertEqual(err.splitlines()[-2:], [PREFIX + "interrupted (SIGTERM)",
                                                 PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(os.listdir(self.dir), [])
        # SIGHUP (the terminal closed): an earlier snapshot stays, and no .wxlint-pull-*/ beside it.
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = {name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}
        code, out, err = self.stop_while_pulling(signal.SIGHUP)
        self.assertEqual((code, out), (129, ""))
        self.assertEqual(err.splitlines()[-2:], [PREFIX + "interrupted (SIGHUP)",
                                                 PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual({name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}, before)
        self.assertEqual(os.listdir(self.dir), ["out"])

    def mishap(self, mishap, *args, wxlint=WXLINT):
        r = subprocess.run([sys.executable, "-c", MISHAP, SCRIPT, mishap, *args], cwd=self.dir, capture_output=True,
                           text=True, env=env(WEBEX_ACCESS_TOKEN=TOKEN, WXLINT_EXECUTABLE=wxlint), timeout=60)
        self.assertNotIn(TOKEN, r.stdout + r.stderr)
        return r

    def test_ctrl_c_or_a_full_disk_while_publishing_leaves_a_snapshot_a_rerun_replaces(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = {name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}
        # A full disk: the manifest is staged with the pages, so nothing in out has changed yet.
        r = self.mishap("full", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr.splitlines()[-2:], [PREFIX + "out: cannot write: No space left on device",
                                                      PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual({name: pathlib.Path(self.path("out", name)).read_bytes() for name in self.files()}, before)
        # Ctrl-C: held back until out holds the new snapshot, complete.
        r = self.mishap("ctrl-c", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (130, ""))
        self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "interrupted: out holds the new snapshot, not checked "
                                                             "(wxlint snapshot info)")
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])
        self.assertEqual([p["file"] for p in self.manifest()["pages"]], ["licences-001.json"])
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.files(), sorted([f for f, _ in ALL_PAGES] + ["manifest.json"]))

    def test_next_links_that_loop_are_stopped(self):
        # A cursor that changes at every page while the page is the first one again; then a
        # link that differs from the first page's only in its #fragment, which is not sent.
        for link in ("{base}/licenses?cursor={n}", "{base}/licenses#{n}"):
            def looping(api, path, query, link=link):
                if len(api.requests) > 20:
                    return 200, {}, b'{"items": []}'  # the test's own bound
                return 200, {"Link": f'<{link.format(base=api.base, n=len(api.requests))}>; rel="next"'}, \
                    recorded("licences.json")
            self.api.route = looping
            self.api.requests.clear()
            r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
            self.assertEqual((r.returncode, r.stdout), (3, ""), r.stderr)
            self.assertEqual(len(self.api.requests), 2 if "cursor" in link else 1)  # the page 2 asked for, or not
            second = link.format(base=self.api.base, n=1)
            self.assertEqual(r.stderr.splitlines(), [
                PREFIX + f"licences page 2: GET {second}: " + (
                    "the answer repeats an earlier page's (the next links loop): stopped" if "cursor" in link else
                    "the next link repeats an earlier page's: stopped"),
                PREFIX + "out: left as it was (nothing of this pull written)"])

    def test_a_list_past_max_pages_is_stopped(self):
        # Paging that never ends: each page a new next link and new items.
        def endless(api, path, query):
            n = len(api.requests)
            return 200, {"Link": f'<{api.base}/licenses?cursor={n}>; rel="next"'}, \
                json.dumps({"items": [{"id": licence_id(n), "name": "Webex Calling", "totalUnits": 1}]}).encode()
        self.api.route = endless
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences", "--max-pages", "3")
        self.assertEqual((r.returncode, r.stdout), (3, ""), r.stderr)
        self.assertEqual(len(self.api.requests), 3)
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + f"licences page 3: GET {self.api.base}/licenses?cursor=2: the next link leads past --max-pages 3: "
                     "stopped; if licences has more pages, give a larger --max-pages",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertFalse(os.path.exists(self.path("out")))
        # A list of exactly --max-pages pages is whole.
        self.api.route = lambda api, path, query: endless(api, path, query) if len(api.requests) < 3 else \
            (200, {}, b'{"items": []}')
        self.api.requests.clear()
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences", "--max-pages", "3")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.files(), ["licences-001.json", "licences-002.json", "licences-003.json", "manifest.json"])

    def test_a_token_echoed_by_the_server_is_not_written(self):
        def echo(api, path, query):
            if "page" not in query:  # its next link carries the token, as some APIs' do
                return 200, {"Link": f'<{api.base}/licenses?page=2&access_token={TOKEN}>; rel="next"'}, \
                    recorded("licences.json")
            return 200, {}, b'{"items": []}'
        self.api.route = echo
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.files()  # looks for the token in each
        self.assertEqual([p["url"] for p in self.manifest()["pages"]],
                         [self.api.base + "/licenses", self.api.base + "/licenses?page=2&access_token=<token>"])
        self.api.route = lambda api, path, query: (200, {}, json.dumps({"items": [{"id": TOKEN}]}).encode())
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the "
                                                            "answer holds the access token: not written")
        self.assertEqual(self.files(), ["licences-001.json", "licences-002.json", "manifest.json"])

    def test_a_short_token_is_hidden_only_where_it_stands_alone(self):
        # WEBEX_ACCESS_TOKEN=x (a try-out) was masked inside words ("ma<token>=100", "out-<token>")
        # and refused every page with an x in it as echoing the token.
        r = self.pull("--out", "out-x", "--base-url", self.api.base, "--kinds", "licences", token="x")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.splitlines(), [PREFIX + "licences: 1 page, 2 items",
                                                 PREFIX + "wrote 1 page of 1 kind and manifest.json to out-x"])
        self.assertEqual(self.files("out-x"), ["licences-001.json", "manifest.json"])
        self.api.route = lambda api, path, query: (200, {}, b'{"items": [{"id": "x"}]}')
        r = self.pull("--out", "out-x", "--base-url", self.api.base, "--kinds", "licences", token="x")
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (3, PREFIX + f"licences page 1: GET {self.api.base}"
                                                                           "/licenses: the answer holds the access "
                                                                           "token: not written"))
        # An echo: a short token alone is masked; one of 8 characters or more even inside a word.
        self.api.route = lambda api, path, query: (401, {}, json.dumps(
            {"message": "bad token x for max, abcdefg, zzabcdefghzz"}).encode())
        for token, said in [("x", "bad token <token> for max, abcdefg, zzabcdefghzz"),
                            ("abcdefg", "bad token x for max, <token>, zzabcdefghzz"),
                            ("abcdefgh", "bad token x for max, abcdefg, zz<token>zz")]:
            with self.subTest(token=token):
                r = self.pull("--out", "out-x", "--base-url", self.api.base, "--kinds", "licences", token=token)
                self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (6, PREFIX + (
                    f"licences page 1: GET {self.api.base}/licenses: HTTP 401 Unauthorized: the token was refused "
                    f"(expired, revoked or not a token): set a fresh one in WEBEX_ACCESS_TOKEN (the API says: {said})")))

    def test_unreachable_server(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]  # closed again: nothing listens there
        r = self.pull("--out", "out", "--base-url", f"http://127.0.0.1:{port}/v1")
        self.assertEqual((r.returncode, r.stdout), (4, ""))
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + f"people page 1: GET http://127.0.0.1:{port}/v1/people?callingData=true&max=100: cannot reach "
                     "the server: [Errno 111] Connection refused",
            PREFIX + "out: left as it was (nothing of this pull written)"])

    def test_an_answer_that_is_not_http_is_exit_3(self):
        # The server was reached: it answered, but not in HTTP (another service at --base-url).
        self.api.route = lambda api, path, query: ("raw", {}, lambda out: out.write(b"HTTP/1.1 abc\r\n\r\n"))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (3, ""))
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + f"licences page 1: GET {self.api.base}/licenses: the answer is not HTTP (its first line is "
                     "'HTTP/1.1 abc'): check --base-url",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(len(self.api.requests), 1)  # not retried: the first request
        self.api.route = lambda api, path, query: ("raw", {}, lambda out: out.write(b"x" * 70000 + b"\r\n\r\n"))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (3, ""))
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the "
                         "answer is not HTTP (got more than 65536 bytes when reading status line): check --base-url")
        # Once the server has answered: retried, as a dropped connection is; exit 3 past the retries.
        self.api.route = lambda api, path, query: (
            ("raw", {}, lambda out: out.write(b"HTTP/1.1 abc\r\n\r\n")) if path == "/v1/locations"
            else webex(api, path, query))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences,locations", "--max-wait", "0",
                      "--max-retries", "1")
        self.assertEqual((r.returncode, r.stdout), (3, ""))
        label = f"locations page 1: GET {self.api.base}/locations: the answer was not HTTP (its first line is " \
                "'HTTP/1.1 abc')"
        self.assertEqual(r.stderr.splitlines(), [PREFIX + "licences: 1 page, 2 items",
                                                 PREFIX + label + ": retry 1 of 1 in 0 s",
                                                 PREFIX + label + ", still after 1 retry: try again later",
                                                 PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertFalse(os.path.exists(self.path("out")))

    def test_every_directory_the_pull_created_is_removed(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]  # closed again: nothing listens there
        r = self.pull("--out", "deep/a/b/c", "--base-url", f"http://127.0.0.1:{port}/v1")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertEqual(r.stderr.splitlines()[-1],
                         PREFIX + "deep/a/b/c: left as it was (nothing of this pull written)")
        self.assertEqual(os.listdir(self.dir), [])
        # Only those it created: deep/a was there before, and stays.
        os.makedirs(self.path("deep", "a"))
        r = self.pull("--out", "deep/a/b/c", "--base-url", f"http://127.0.0.1:{port}/v1")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertEqual([os.path.relpath(root, self.dir) for root, _, _ in os.walk(self.dir)], [".", "deep", "deep/a"])

    def test_an_empty_value_is_a_usage_error(self):
        # An unset shell variable: --out "" would write into the current directory, --org-id "" pull
        # the token's own organisation.
        cases = [("--out", "a directory"), ("--base-url", "an https:// URL"), ("--org-id", "an organisation id"),
                 ("--kinds", "comma-separated kinds"), ("--max-retries", "a whole number of at least 0"),
                 ("--max-pages", "a whole number of at least 1"),
                 ("--max-wait", "a number of seconds from 0 to 86400"),
                 ("--timeout", "a number of seconds above 0, at most 86400")]
        for option, wanted in cases:
            for given in ([option, ""], [option + "="]):
                args = ["--base-url", self.api.base] + (["--out", "out"] if option != "--out" else [])
                r = self.pull(*args, *given)
                self.assertEqual((r.returncode, r.stdout), (2, ""), given)
                self.assertTrue(r.stderr.startswith("usage: wxlint snapshot pull"), r.stderr)
                self.assertEqual(r.stderr.splitlines()[-1],
                                 PREFIX + f"error: {option}: the value is empty: give {wanted}")
                self.assertEqual(os.listdir(self.dir), [])  # nothing written, here or in out
        self.assertEqual(self.api.requests, [])

    def test_numbers_must_be_finite_and_in_range(self):
        cases = [("--timeout", "nan", "a number of seconds above 0, at most 86400"),
                 ("--timeout", "inf", "a number of seconds above 0, at most 86400"),
                 ("--timeout", "0", "a number of seconds above 0, at most 86400"),
                 ("--timeout", "86401", "a number of seconds above 0, at most 86400"),
                 ("--max-wait", "nan", "a number of seconds from 0 to 86400"),
                 ("--max-wait", "-1", "a number of seconds from 0 to 86400"),
                 ("--max-wait", "1e400", "a number of seconds from 0 to 86400"),
                 ("--max-retries", "-1", "a whole number of at least 0"),
                 ("--max-retries", "1.5", "a whole number of at least 0"),
                 ("--max-pages", "0", "a whole number of at least 1"),
                 ("--max-pages", "many", "a whole number of at least 1")]
        for option, value, wanted in cases:
            r = self.pull("--out", "out", "--base-url", self.api.base, option + "=" + value)
            self.assertEqual((r.returncode, r.stdout), (2, ""), (option, value))
            self.assertEqual(r.stderr.splitlines()[-1], PREFIX + f"error: {option}: {value!r} is not {wanted}")
        self.assertEqual((os.listdir(self.dir), self.api.requests), ([], []))
        # The bounds themselves are taken.
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences", "--timeout", "86400",
                      "--max-wait", "0", "--max-retries", "0", "--max-pages", "1")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_usage_errors_exit_2(self):
        r = self.pull("--out", "out", "--base-url", self.api.base, token=None)
        self.assertEqual((r.returncode, r.stderr), (2, PREFIX + "WEBEX_ACCESS_TOKEN is not set: export an admin "
                                                                "access token in it (never on the command line)\n"))
        r = self.pull("--out", "out", "--base-url", self.api.base, token="two words")
        self.assertEqual((r.returncode, r.stderr), (2, PREFIX + "WEBEX_ACCESS_TOKEN holds a character no access token "
                                                                "has (a space, a control or non-ASCII character)\n"))
        r = self.pull("--out", "out", "--kinds", "people,devices")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.endswith("wxlint snapshot pull: error: --kinds: unknown kind devices; the kinds are: "
                                          "people, licences, locations, callingLocations, numbers, "
                                          "callParkExtensions, virtualExtensions, contacts\n"), r.stderr)
        r = self.pull("--out", "out", "--kinds", "peeple")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--kinds: unknown kind peeple (did you mean people?); the kinds are: ", r.stderr)
        r = self.pull("--base-url", self.api.base)
        self.assertEqual(r.returncode, 2)
        self.assertIn("the following arguments are required: --out", r.stderr)
        self.assertEqual(self.api.requests, [])

    def test_help_says_what_it_does(self):
        r = self.pull("--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("usage: wxlint snapshot pull [-h] --out DIR"), r.stdout)
        for text in ("WEBEX_ACCESS_TOKEN", 'Link: rel="next"', "people-001.json", "manifest.json",
                     "  3  the API answered with an error", "  4  the server could not be reached"):
            self.assertIn(text, r.stdout)
        r = run("snapshot", "--help")
        self.assertIn("pull                        Take a snapshot: save the org's Webex list responses into --out DIR",
                      r.stdout)

    def test_installed_wxlint_runs_the_installed_script(self):
        with tempfile.TemporaryDirectory(prefix="wxlint-prefix-") as prefix:
            subprocess.run(["cmake", "--install", os.path.dirname(WXLINT), "--prefix", prefix], check=True,
                           capture_output=True)
            self.assertTrue(os.access(os.path.join(prefix, "bin", "wxlint-snapshot-pull"), os.X_OK))
            r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences",
                          binary=os.path.join(prefix, "bin", "wxlint"))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])

    def test_missing_script_is_a_clear_error(self):
        os.makedirs(self.path("bin"))
        copy = self.path("bin", "wxlint")
        with open(WXLINT, "rb") as src, open(copy, "wb") as dst:
            dst.write(src.read())
        os.chmod(copy, 0o755)
        r = self.pull("--out", "out", binary=copy)
        self.assertEqual(r.returncode, 2)
        script = self.path("bin", "wxlint-snapshot-pull")
        self.assertEqual(r.stderr, f"wxlint: {script}: cannot run it (No such file or directory): `wxlint snapshot "
                                   "pull` runs this script, installed beside wxlint\n")

    # --- A second signal, a closed stderr, file modes, ... (the audit's findings) ---

    def snapshot(self, top="out"):
        """Every file under top, hidden ones too, and its bytes."""
        return {name: pathlib.Path(self.path(top, name)).read_bytes() for name in self.files(top)}

    def test_a_second_signal_does_not_stop_the_clean_up(self):
        # SIGTERM as the first page is written, then Ctrl-C while the staging directory is removed:
        # the clean-up still ends, and out (which the pull created) is gone, staging and all.
        r = self.mishap("sigterm-then-ctrl-c", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (143, ""), r.stderr)
        self.assertEqual(r.stderr.splitlines(), [PREFIX + "interrupted (SIGTERM)",
                                                 PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(os.listdir(self.dir), [])
        # After an error: its exit code stays, and an earlier snapshot stays as it was.
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = self.snapshot()
        self.api.route = lambda api, path, query: (404, {}, b"{}") if "locations" in path else webex(api, path, query)
        r = self.mishap("ctrl-c-while-cleaning-up", "out", "--base-url", self.api.base, "--kinds", "licences,locations")
        self.assertEqual((r.returncode, r.stdout), (3, ""), r.stderr)
        self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "out: left as it was (nothing of this pull written)")
        self.assertEqual(self.snapshot(), before)

    def test_a_staging_directory_a_killed_pull_left_is_removed(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences").returncode, 0)
        stale = ".wxlint-pull-ab_cd123"
        write(self.path("out", stale, "people-001.json"), {"items": []})
        write(self.path("out", stale, ".people-002.json.x1y2z3w4.tmp"), {"items": []})
        # Not ours, or not clearly: another name, a file a pull does not write, a pull running now.
        write(self.path("out", ".wxlint-pull-mine", "people-001.json"), {"items": []})
        write(self.path("out", ".wxlint-pull-notes123", "notes.txt"), "mine")
        write(self.path("out", ".wxlint-pull-running1", "people-001.json"), {"items": []})
        fd = os.open(self.path("out", ".wxlint-pull-running1"), os.O_RDONLY)
        self.addCleanup(os.close, fd)
        import fcntl  # pylint: disable=import-outside-toplevel
        fcntl.flock(fd, fcntl.LOCK_EX)
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.splitlines(), [
            PREFIX + "out: removed .wxlint-pull-ab_cd123, the staging directory of a pull that did not finish (2 files)",
            PREFIX + "licences: 1 page, 2 items", PREFIX + "wrote 1 page of 1 kind and manifest.json to out"])
        self.assertEqual(self.files(), [".wxlint-pull-mine/people-001.json", ".wxlint-pull-notes123/notes.txt",
                                        ".wxlint-pull-running1/people-001.json", "licences-001.json", "manifest.json"])

    def run_with(self, *args, **popen):
        """A pull with stderr as the test gives it (a broken pipe, closed); its stdout and exit code."""
        p = subprocess.Popen([WXLINT, "snapshot", "pull", *args], cwd=self.dir, env=env(WEBEX_ACCESS_TOKEN=TOKEN),
                             stdout=subprocess.PIPE, text=True, **popen)
        out, _ = p.communicate(timeout=60)
        return p.returncode, out

    def test_a_closed_or_broken_stderr_changes_nothing(self):
        reader, writer = os.pipe()
        os.close(reader)  # as `2>&1 | head -2` once head has gone
        self.addCleanup(os.close, writer)
        for how, popen in [("broken", {"stderr": writer}), ("closed", {"preexec_fn": lambda: os.close(2)})]:
            with self.subTest(stderr=how):
                code, out = self.run_with("--out", "out", "--base-url", self.api.base, "--kinds", "licences", **popen)
                self.assertEqual(code, 0, how)
                self.assertEqual(out.splitlines()[1:], ["  licences                  1 page         2 items",
                                                        "no inconsistencies found"])
                self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])
                # An error: its exit code, and nothing of it left, the staging directory neither.
                code, out = self.run_with("--out", "new", "--base-url", self.api.base, "--kinds", "licences,contacts",
                                          "--org-id", "Y2lzY29zcGFyazovL3VzL09SRw", **popen)
                self.assertEqual((code, out), (3, ""), how)
                self.assertFalse(os.path.exists(self.path("new")))

    def test_files_are_made_as_the_umask_says(self):
        for umask, mode in [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)]:
            r = subprocess.run([WXLINT, "snapshot", "pull", "--out", "out", "--base-url", self.api.base, "--kinds",
                                "licences"], cwd=self.dir, env=env(WEBEX_ACCESS_TOKEN=TOKEN), capture_output=True,
                               text=True, timeout=60, preexec_fn=lambda umask=umask: os.umask(umask))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual({name: oct(os.stat(self.path("out", name)).st_mode & 0o777) for name in self.files()},
                             {"licences-001.json": oct(mode), "manifest.json": oct(mode)})

    def test_an_unreadable_manifest_is_said_so(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = self.snapshot()
        self.api.requests.clear()
        r = self.mishap("unreadable-manifest", "out", "--base-url", self.api.base)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr, PREFIX + "out: cannot read out/manifest.json: Permission denied: it names the "
                                            "files of the earlier pull that this one replaces\n")
        self.assertEqual((self.snapshot(), self.api.requests), (before, []))

    def test_a_list_shorter_than_its_total_is_an_inconsistency(self):
        # A proxy that dropped the Link header: the search said 250 contacts, the pull got 1.
        self.api.route = lambda api, path, query: (
            (200, {}, recorded("contacts.json").replace(b'"total": 1', b'"total": 250')) if path.endswith("/search")
            else webex(api, path, query))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "contacts", "--org-id", ORG_UUID)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.splitlines()[-2:], [
            "1 inconsistency:",
            "  out/manifest.json:12:16: /pages/0/total: the contacts list's answer says it holds 250 items, its pages 1: "
            "it ended early (a next link lost on the way?); take the snapshot again"])
        # Linting with it, the contacts judge nothing missing, and each file says why.
        write(self.path("bulk.json"), {"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{
            "displayName": "Logan Zhang", "source": "CH", "primaryContactMethod": "EMAIL",
            "contactId": "6847ee0f-5e9c-4403-9f0e-0aa8552f7828",
            "emails": [{"type": "work", "value": "simizhan@example.com", "primary": True}]}]})
        lint = run("check", "--no-config", "-q", "--operation", "Bulk Create or Update Contacts", "--snapshot", self.path("out"),
                   self.path("bulk.json"))
        self.assertEqual((lint.returncode, [line.split(": ")[1] for line in lint.stdout.splitlines()]), (0, ["warning[WX0022]"]))
        # Whole, the same snapshot finds the contactId missing.
        with open(self.path("out", "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        manifest["pages"][0]["total"] = 1
        write(self.path("out", "manifest.json"), manifest)
        lint = run("check", "--no-config", "-q", "--operation", "Bulk Create or Update Contacts", "--snapshot", self.path("out"),
                   self.path("bulk.json"))
        self.assertEqual((lint.returncode, [line.split(": ")[1] for line in lint.stdout.splitlines()]), (1, ["error[WX3048]"]))

    def test_contacts_without_an_organisation_are_an_error(self):
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "contacts")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "error: --kinds contacts: the contacts are listed for an "
                         "organisation, and none is known: give --org-id, or pull people too (their orgId names it)")
        self.assertEqual((os.listdir(self.dir), self.api.requests), ([], []))
        # People without an orgId: the earlier snapshot stays, contacts and all.
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = self.snapshot()
        self.api.route = lambda api, path, query: (
            (200, {}, recorded("people-1.json").replace(b'"orgId"', b'"org"')) if path == "/v1/people"
            else webex(api, path, query))
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr.splitlines()[-2:], [
            PREFIX + "contacts: the contacts are listed for an organisation, and none is known: no person of people "
                     "page 1 has an orgId; give --org-id",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(self.snapshot(), before)

    def test_json_that_wxlint_cannot_load_is_not_written(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences").returncode, 0)
        before = self.snapshot()
        deep = b'{"items": [], "x": ' + b"[" * 512 + b"]" * 512 + b"}"
        cases = [(b'{"items": [{"id": "x", "totalUnits": NaN}]}', "NaN, which is no JSON value"),
                 (b'{"items": [{"id": "x", "totalUnits": -Infinity}]}', "-Infinity, which is no JSON value"),
                 (b'{"items": [{"id": "x", "id": "y"}]}', 'the key "id" twice in one object'),
                 (b'{"items": [{"id": "x", "totalUnits": 1e400}]}',
                  "a number too big for a JSON reader (past about 1.8e308)"),
                 (b'{"items": [{"id": "x", "totalUnits": ' + b"9" * 400 + b"}]}",
                  "a number too big for a JSON reader (past about 1.8e308)"),
                 ('{"items": []}'.encode("utf-16"), "UTF-16 (little-endian) text, not UTF-8"),
                 ('{"items": []}'.encode("utf-16-be"), "UTF-16 (big-endian) text, not UTF-8"),
                 (b'{"items": [{"name": "Caf\xe9"}]}', "bytes that are not UTF-8 (0xe9 at offset 24)"),
                 (b'{"items": [], "x": ' + b"[" * 600 + b"]" * 600 + b"}", "nesting deeper than 512 levels"),
                 (deep, "nesting deeper than 512 levels"),
                 (b'{"items": [{"name": "a\\ud800b"}]}', "a lone surrogate (\\ud800) in a string: not Unicode text"),
                 (b'{"items": [{"\\udc00": 1}]}', "a lone surrogate (\\udc00) in a string: not Unicode text")]
        for body, problem in cases:
            with self.subTest(problem=problem, body=body[:30]):
                self.api.route = lambda api, path, query, body=body: (200, {}, body)
                r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
                self.assertEqual((r.returncode, r.stdout), (3, ""), r.stderr)
                self.assertEqual(r.stderr.splitlines(), [
                    PREFIX + f"licences page 1: GET {self.api.base}/licenses: the answer is JSON wxlint cannot load: "
                             f"{problem}; not written",
                    PREFIX + "out: left as it was (nothing of this pull written)"])
                self.assertEqual(self.snapshot(), before)
        # What the loader does read: 512 levels, a surrogate pair, a byte order mark, a long integer.
        for body in (b'{"items": [], "x": ' + b"[" * 511 + b"]" * 511 + b"}",
                     json.dumps({"items": [{"id": licence_id(1), "name": "Webex Calling \U0001f600",
                                            "totalUnits": 1}]}).encode(), b'\xef\xbb\xbf{"items": []}',
                     b'{"items": [], "n": 123456789012345678901234567890}'):
            with self.subTest(body=body[:30]):
                self.api.route = lambda api, path, query, body=body: (200, {}, body)
                r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(pathlib.Path(self.path("out", "licences-001.json")).read_bytes(), body)

    def test_an_out_that_begins_with_a_dash(self):
        r = self.pull("--out=-x", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[1:], ["  licences                  1 page         2 items",
                                                     "no inconsistencies found"])
        self.assertEqual(self.files("-x"), ["licences-001.json", "manifest.json"])
        r = self.pull("--out", "-", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "error: --out: - is no directory: a snapshot is files, "
                                                             "not standard output (for a directory named -, give ./-)")
        self.assertEqual(os.listdir(self.dir), ["-x"])

    def test_ctrl_c_after_publishing_says_the_snapshot_is_there(self):
        # During the check: a wxlint whose `snapshot info` is interrupted (Ctrl-C reaches the pull).
        fake = self.path("bin", "wxlint")
        os.makedirs(os.path.dirname(fake))
        with open(fake, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\nkill -INT $PPID\nsleep 10\n")
        os.chmod(fake, 0o755)
        r = self.mishap("none", "out", "--base-url", self.api.base, "--kinds", "licences", wxlint=fake)
        self.assertEqual((r.returncode, r.stdout), (130, ""), r.stderr)
        self.assertEqual(r.stderr.splitlines()[-2:], [
            PREFIX + "wrote 1 page of 1 kind and manifest.json to out",
            PREFIX + "interrupted: out holds the new snapshot; its check (wxlint snapshot info) did not finish"])
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])
        # While the staging directory is removed, after publishing.
        r = self.mishap("ctrl-c-while-cleaning-up", "out", "--base-url", self.api.base, "--kinds", "locations")
        self.assertEqual((r.returncode, r.stdout), (130, ""), r.stderr)
        self.assertEqual(r.stderr.splitlines()[-1], PREFIX + "interrupted: out holds the new snapshot, not checked "
                                                             "(wxlint snapshot info)")
        self.assertEqual(self.files(), ["locations-001.json", "manifest.json"])

    def test_link_headers_read_as_rfc_8288_says(self):
        # A rel=next inside a quoted title is no next link; rel='next' (single quotes) is one.
        self.api.route = lambda api, path, query: (200, {"Link": f'<{api.base}/licenses?page=2>; title="a;rel=next"; '
                                                                 'rel="prev"'}, recorded("licences.json"))
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p for p, _ in self.api.requests], ["/v1/licenses"])
        # To the same server, its port spelt out or not.
        self.api.route = lambda api, path, query: (
            (200, {}, b'{"items": []}') if "page" in query else
            (200, {"Link": f"<{api.base}/licenses?page=2>; rel='next'"}, recorded("licences.json")))
        self.api.requests.clear()
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p for p, _ in self.api.requests], ["/v1/licenses", "/v1/licenses?page=2"])

    def test_a_first_request_that_times_out_is_retried(self):
        release = threading.Event()
        self.addCleanup(release.set)

        def slow(api, path, query):
            if api.count(path) == 1:
                release.wait(10)  # connected, but no answer within --timeout
            return webex(api, path, query)
        self.api.route = slow
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "licences", "--timeout", "1",
                      "--max-wait", "0")
        release.set()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"licences page 1: GET {self.api.base}/licenses: the "
                         "connection failed (no complete answer within --timeout 1 s): retry 1 of 5 in 0 s")
        self.assertEqual(self.files(), ["licences-001.json", "manifest.json"])

    def test_an_empty_or_blank_token_is_said_so(self):
        for token, said in [("", "is empty"), ("  \t", "is blank (white space only)")]:
            r = self.pull("--out", "out", "--base-url", self.api.base, token=token)
            self.assertEqual((r.returncode, r.stderr), (2, PREFIX + f"WEBEX_ACCESS_TOKEN {said}: export an admin "
                                                                    "access token in it (never on the command line)\n"))
        self.assertEqual((os.listdir(self.dir), self.api.requests), ([], []))

    def test_without_python3_on_path_the_message_says_so(self):
        os.makedirs(self.path("bin"))
        r = self.wxlint("snapshot", "pull", "--out", "out", environ=env(PATH=self.path("bin"), WEBEX_ACCESS_TOKEN="t"))
        script = os.path.join(os.path.dirname(WXLINT), "wxlint-snapshot-pull")
        self.assertEqual((r.returncode, r.stderr), (2,
            f"wxlint: snapshot pull: python3 is not on PATH: `wxlint snapshot pull` runs {script}, a Python 3 script "
            "(standard library only); install python3 (Debian: apt-get install python3)\n"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["bin"])

    def test_a_lost_parameter_is_noted_once_a_list(self):
        def people(api, path, query):
            if path != "/v1/people":
                return webex(api, path, query)
            page = int(dict(urllib.parse.parse_qsl(query)).get("page", "1"))
            link = {"Link": f'<{api.base}/people?max=100&page={page + 1}>; rel="next"'} if page < 4 else {}
            person = {"id": base64.b64encode(f"ciscospark://us/PEOPLE/{uuid.UUID(int=page)}".encode()).decode(),
                      "emails": [f"p{page}@example.com"], "displayName": f"P {page}", "extension": f"10{page}"}
            return 200, link, json.dumps({"items": [person]}).encode()
        self.api.route = people
        r = self.pull("--out", "out", "--base-url", self.api.base, "--kinds", "people")
        self.assertEqual(r.returncode, 0, r.stderr)
        notes = ["people page 2: the next link lost callingData=true; added it back",
                 "people: 3 next links lost callingData=true (pages 2 to 4); added it back to each"]
        self.assertEqual(r.stderr.splitlines(), [PREFIX + n for n in notes] + [
            PREFIX + "people: 4 pages, 4 items", PREFIX + "wrote 4 pages of 1 kind and manifest.json to out"])
        self.assertEqual(self.manifest()["notes"], notes)

    def test_a_failed_rename_while_publishing_puts_the_earlier_snapshot_back(self):
        self.assertEqual(self.pull("--out", "out", "--base-url", self.api.base).returncode, 0)
        before = self.snapshot()
        r = self.mishap("rename-fails", "out", "--base-url", self.api.base, "--kinds", "licences,locations")
        self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
        self.assertEqual(r.stderr.splitlines()[-2:], [
            PREFIX + "out: cannot publish the snapshot: locations-001.json: Permission denied",
            PREFIX + "out: left as it was (nothing of this pull written)"])
        self.assertEqual(self.snapshot(), before)  # the staging directory gone too
        # Nor can the earlier manifest be put back: where it is, said; nothing of it lost.
        r = self.mishap("rename-fails-twice", "out", "--base-url", self.api.base, "--kinds", "licences,locations")
        self.assertEqual((r.returncode, r.stdout), (2, ""), r.stderr)
        staging = [n for n in os.listdir(self.path("out")) if n.startswith(".wxlint-pull-")]
        self.assertEqual(len(staging), 1)
        self.assertEqual(r.stderr.splitlines()[-2:], [
            PREFIX + "out: cannot publish the snapshot: locations-001.json: Permission denied",
            PREFIX + "out: not as it was: 1 file of the earlier snapshot could not be put back (manifest.json): it is "
                     f"in out/{staging[0]}/earlier; move it back into out"])
        after = self.snapshot()
        self.assertEqual(after.pop(f"{staging[0]}/earlier/manifest.json"), before.pop("manifest.json"))
        self.assertEqual(after, before)
        # A later pull says where it is, and leaves it.
        r = self.pull("--out", "out", "--base-url", self.api.base)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.splitlines()[0], PREFIX + f"out/{staging[0]}/earlier: holds files of an earlier "
                         "snapshot that a pull could not put back: move them back into out")


def load_script():
    path = os.path.join(REPO, "scripts", "wxlint-snapshot-pull")
    loader = importlib.machinery.SourceFileLoader("wxlint_snapshot_pull", path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


class Helpers(TempDirTest):
    """The script's parsing of what the server sends."""

    script = load_script()

    def test_next_link(self):
        nxt = self.script.next_link
        self.assertEqual(nxt(['<https://h/v1/people?max=100&cursor=a>; rel="next"']), "https://h/v1/people?max=100&cursor=a")
        self.assertEqual(nxt(['<https://h/a>; rel="first", <https://h/b?x=1,2>; rel="next"']), "https://h/b?x=1,2")
        self.assertEqual(nxt(['<https://h/a>; rel="prev"', "<https://h/b>;rel=next"]), "https://h/b")
        self.assertEqual(nxt(['<https://h/a>; rel="prev next"']), "https://h/a")
        self.assertIsNone(nxt(['<https://h/a>; rel="prev"', "<https://h/b"]))
        self.assertIsNone(nxt(None))
        # Quoted values split nothing; single quotes are read without them; the first rel counts.
        self.assertIsNone(nxt(['<https://h/a>; title="a;rel=next"; rel="prev"']))
        self.assertIsNone(nxt(['<https://h/a>; title="x, <https://h/b>; rel=next"; rel=prev']))
        self.assertEqual(nxt(['<https://h/a>; title="say \\"hi\\", rel=next"; rel="prev", <https://h/b>; rel=next']),
                         "https://h/b")
        self.assertEqual(nxt(["<https://h/a>; rel='next'"]), "https://h/a")
        self.assertEqual(nxt(["<https://h/a>; REL = 'prev next' ; title=x"]), "https://h/a")
        self.assertIsNone(nxt(['<https://h/a>; rel="prev"; rel="next"']))

    def test_origin(self):
        same = self.script.origin
        self.assertEqual(same("https://webexapis.com/v1"), same("HTTPS://WebexAPIs.com:443/v1/people?max=1"))
        self.assertEqual(same("http://127.0.0.1/v1"), same("http://127.0.0.1:80/x"))
        for other in ("http://webexapis.com/v1", "https://webexapis.com:8443/v1", "https://x@webexapis.com/v1",
                      "https://webexapis.com:443\\@evil.example/v1", "https://webexapis.com:x/v1"):
            self.assertNotEqual(same("https://webexapis.com/v1"), same(other), other)

    def test_retry_after(self):
        wait = self.script.retry_after
        self.assertEqual([wait(v) for v in ("3", " 0.5 ", None, "", "soon", "-1", "nan", "inf", "Mon, 99 Foo 2026")],
                         [3.0, 0.5, None, None, None, None, None, float("inf"), None])
        self.assertAlmostEqual(wait(email.utils.formatdate(time.time() + 30, usegmt=True)), 30, delta=2)
        self.assertEqual(wait(email.utils.formatdate(time.time() - 30, usegmt=True)), 0.0)

    def test_org_uuid(self):
        org = self.script.org_uuid
        self.assertEqual(org("Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE"),
                         ORG_UUID)
        self.assertEqual(org(ORG_UUID), ORG_UUID)

    def test_option_defaults(self):
        args = self.script.parse_args(["--out", "o"])
        self.assertEqual((args.max_retries, args.max_pages, args.max_wait, args.timeout), (5, 20000, 120.0, 60.0))

    def test_loopback(self):
        loopback = self.script.is_loopback
        self.assertEqual([loopback(h) for h in ("localhost", "127.0.0.1", "127.0.0.2", "::1", "127.0.0.1.evil.example",
                                                "127.evil.example", "127.1", "localhost.evil.example", "", "::")],
                         [True, True, True, True, False, False, False, False, False, False])

    def test_page_names(self):
        ok = self.script.is_page_name
        self.assertEqual([ok(n) for n in ("people-001.json", "callParkExtensions-1000.json", "../people-001.json",
                                          "people-001.json.tmp", "devices-001.json", "people-x.json", "manifest.json")],
                         [True, True, False, False, False, False, False])


if __name__ == "__main__":
    main()
