"""patternProperties in a policy's schema, beside keywords only valijson evaluates (oneOf,
minProperties): findings with code, place and message; a bad regex stops wxlint with exit 2
at the schema file's line:col; a pathological regex and member name finish at once."""
import json
import time

from cli_support import TempDirTest, main, write

RULES = {
    "operation": {"id": "orgDirectory", "method": "POST", "path": "/directory", "schema": "dir.schema.json",
                  "detect": ["entries"]},
    "rules": [],
}

# Each entry is a person or a room: x-* members are custom attributes (strings without digits).
SCHEMA = {
    "type": "object", "required": ["entries"],
    "properties": {"entries": {"type": "array", "items": {
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "oneOf": [{"required": ["ext"]}, {"required": ["room"]}],
        "properties": {"ext": {"type": "string"}, "room": {"type": "string"}},
        "patternProperties": {"^x-[a-z]+$": {"type": "string", "pattern": "^[^0-9]*$"}}}}},
}


def column(line, text):
    """The 1-based column of text in line."""
    return line.index(text) + 1


def place(text, needle):
    """line:col of the value of the member named needle (its first line holding it)."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return "%d:%d" % (number, line.index("{", line.index(needle)) + 1)
    raise AssertionError(needle)


class PatternProperties(TempDirTest):
    def setUp(self):
        super().setUp()
        write(self.path("policy", "dir.rules.json"), RULES)
        self.schema(json.dumps(SCHEMA, indent=2) + "\n")

    def schema(self, text):
        write(self.path("policy", "dir.schema.json"), text)

    def check(self, payload):
        write(self.path("p.json"), payload)
        return self.wxlint("check", "--no-config", "--rules", "policy/dir.rules.json", "p.json")

    def test_findings(self):
        entry = '  {"ext": "2001", "x-team": "Agent 007", "x-floor": 4, "x-Desk": "a"},'
        r = self.check('{"entries": [\n' + entry + '\n  {"room": "Oak", "x-team": "blue"},\n'
                       '  {"ext": "2002", "room": "Elm"}\n]}\n')
        self.assertEqual((r.returncode, r.stderr), (1, ""))
        self.assertEqual(r.stdout.splitlines(), [
            'p.json:2:%d: error[WX1010]: "Agent 007" does not match the pattern ^[^0-9]*$. (schema/pattern)'
            % column(entry, '"Agent 007"'),
            "p.json:2:%d: error[WX1001]: x-floor must be a string, not an integer. (schema/type)" % column(entry, "4,"),
            'p.json:2:%d: error[WX1003]: Unknown property "x-Desk": the API does not accept it. (schema/unknown-property)'
            % column(entry, '"x-Desk"'),
            "p.json:4:3: error[WX1099]: Does not match the schema: Failed to validate against exactly one child schema. "
            "(schema/other)",
            "1 file checked: 4 errors, 0 warnings, 0 infos"])
        r = self.check('{"entries": [{"ext": "2001", "x-team": "blue"}, {"room": "Oak"}]}\n')
        self.assertEqual((r.returncode, r.stdout.strip(), r.stderr),
                         (0, "1 file checked: no findings", ""))

    def test_a_bad_regex_is_refused_at_its_place(self):
        text = json.dumps(SCHEMA, indent=2) + "\n"
        for regex, reason in (("^x-(?=[a-z])", "invalid perl operator: (?="), ("^x-([a-z]+$", "missing ): ^x-([a-z]+$")):
            with self.subTest(regex=regex):
                bad = text.replace("^x-[a-z]+$", regex)
                self.schema(bad)
                r = self.check('{"entries": []}\n')
                self.assertEqual((r.returncode, r.stdout), (2, ""))
                self.assertEqual(r.stderr, "wxlint: policy/dir.schema.json:%s: /properties/entries/items/"
                                           "patternProperties/%s: not a valid RE2 regular expression: %s\n"
                                 % (place(bad, json.dumps(regex)), regex, reason))

    def test_a_pathological_regex_is_linear(self):
        # (a+)+$ against a...a! takes 2^n steps with a backtracking engine.
        self.schema(json.dumps(SCHEMA).replace("^x-[a-z]+$", "(a+)+$"))
        name = "a" * 1_000_000 + "!"
        start = time.monotonic()
        payload = '{"entries": [{"ext": "1", "%s": 1}]}\n' % name
        r = self.check(payload)
        elapsed = time.monotonic() - start
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.splitlines(), [
            'p.json:1:%d: error[WX1003]: Unknown property "%s": the API does not accept it. (schema/unknown-property)'
            % (column(payload, '"aaa'), name), "1 file checked: 1 error, 0 warnings, 0 infos"])
        self.assertLess(elapsed, 5.0)


if __name__ == "__main__":
    main()
