"""The example of docs/python.md: it stops before calling the API when wxlint finds an error,
printing what the document says it prints, and calls the API once the payload is clean."""
import contextlib
import io
import json
import re
import urllib.request

import pytest

from conftest import ROOT

DOC = (ROOT / "docs" / "python.md").read_text()


def block(after):
    """The first ``` block after the line `after`."""
    start = DOC.index(after)
    return re.search(r"```[a-z]*\n(.*?)```", DOC[start:], re.S).group(1)


EXAMPLE = block("<!-- example:")
PRINTED = block("so the script prints")


class FakeApi:
    def __init__(self):
        self.requests = []

    def urlopen(self, request):
        self.requests.append(request)
        return contextlib.closing(io.BytesIO(b'{"response": "accepted"}'))


def run(source, monkeypatch):
    api = FakeApi()
    monkeypatch.setattr(urllib.request, "urlopen", api.urlopen)
    monkeypatch.setenv("WEBEX_TOKEN", "token")
    err, out = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "docs/python.md", "exec"), {"__name__": "__main__"})
        except SystemExit as e:
            # sys.exit(message) prints the message on stderr and exits 1
            print(e.code, file=err)
            code = 1 if isinstance(e.code, str) else e.code
    return code, out.getvalue(), err.getvalue(), api.requests


def test_the_example_stops_before_the_api(project, monkeypatch):
    code, out, err, requests = run(EXAMPLE, monkeypatch)
    assert (code, out, err, requests) == (1, "", PRINTED, [])


def test_the_example_calls_the_api_once_the_payload_is_clean(project, monkeypatch):
    fixed = EXAMPLE.replace('"extension": "2001"},\n    ],', '"extension": "2002"},\n    ],')
    assert fixed != EXAMPLE
    code, out, err, requests = run(fixed, monkeypatch)
    assert (code, out, err) == (0, "{'response': 'accepted'}\n", "")
    [request] = requests
    assert request.full_url == "https://webexapis.com/v1/telephony/config/jobs/person/moveLocation"
    assert json.loads(request.data)["usersList"][0]["users"][1]["extension"] == "2002"
