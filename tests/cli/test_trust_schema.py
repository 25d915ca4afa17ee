"""Hostile JSON Schemas from --rules-dir (issue 10): $ref cycles, shared subschemas that
multiply the work, recursion deeper than the stack can take, and uniqueItems over many
items. Each is refused at load with file:line:col: pointer: problem and exit 2, by both
`check` and `rules`, or checked in bounded time and memory.
Run as `python3 test_trust_schema.py /path/to/wxlint`."""
import json
import os
import shutil
import tempfile
import time
import unittest

from cli_support import REPO, main
from test_hostile import MB, SANITIZED, SLOW, run, run_measured

SCHEMA = "schemas/validateOrInitiateMoveUsersJob.request.schema.json"
CYCLE = " (no property or item in between, so checking a value would never end)"
MANY = (": a payload value would be checked against more than 1000 subschemas from here: allOf, anyOf, oneOf, "
        "not, if, then, else, dependencies, or a property that patternProperties match too, reach the same subschemas "
        "again and again")
DEEP_EVAL = (": subschemas nest too deeply through this $ref: checking a payload nested 512 levels deep could recurse "
             "more than 6144 steps (1 for each allOf, anyOf, oneOf, not, if, then, else or dependencies, 4 for each "
             "property or item)")
MULTIPLE_OF = '/properties/usersList/items/multipleOf: "multipleOf" must be a number greater than 0'
DEEP_PARSE = ": subschemas nest too deeply through this $ref: reading the schema would recurse through more than 128 of them"


def nested(depth):
    return '{"x": ' * depth + "1" + "}" * depth


# Checked against each hostile schema: usersList for the ones under it, and "x" nested 500
# deep for the recursive ones (the parser allows 512).
PAYLOAD = '{"usersList": [1, "a"], "x": ' + nested(499) + "}"


def shared_anyof(depth):
    """anyOf nested `depth` deep, both branches the same definition: 2^depth paths."""
    defs = {f"a{i}": {"anyOf": [{"$ref": f"#/definitions/a{i + 1}"}, {"$ref": f"#/definitions/a{i + 1}"}]}
            for i in range(depth)}
    defs[f"a{depth}"] = {"type": "string"}
    return {"properties": {"usersList": {"$ref": "#/definitions/a0"}}, "definitions": defs}


def allof_around_recursion(levels):
    """Each level of the payload passes through `levels` allOf before its member x."""
    s = {"properties": {"x": {"$ref": "#"}}}
    for _ in range(levels):
        s = {"allOf": [s]}
    return s


def definition_chain(n):
    defs = {f"d{i}": {"properties": {"x": {"$ref": f"#/definitions/d{i + 1}"}}} for i in range(n)}
    defs[f"d{n}"] = {"type": "string"}
    return {"properties": {"usersList": {"$ref": "#/definitions/d0"}}, "definitions": defs}


# (what, schema, the located message after "SCHEMA:")
REFUSED = [
    ("$ref to itself", {"$ref": "#"}, "1:10: /$ref: $ref cycle: # -> #" + CYCLE),
    ("a -> b -> a", {"$ref": "#/definitions/a", "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}},
     "1:93: /definitions/b/$ref: $ref cycle: #/definitions/a -> #/definitions/b -> #/definitions/a" + CYCLE),
    ("allOf", {"allOf": [{"$ref": "#"}]}, "1:21: /allOf/0/$ref: $ref cycle: # -> #" + CYCLE),
    ("a -> b -> a through anyOf and allOf",
     {"properties": {"usersList": {"$ref": "#/definitions/a"}},
      "definitions": {"a": {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/b"}]}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}},
     "1:168: /definitions/b/allOf/0/$ref: $ref cycle: #/definitions/a -> #/definitions/b -> #/definitions/a" + CYCLE),
    ("not, oneOf and if", {"not": {"oneOf": [{"$ref": "#/definitions/x"}]}, "definitions": {"x": {"if": {"$ref": "#"}}}},
     "1:88: /definitions/x/if/$ref: $ref cycle: # -> #/definitions/x -> #" + CYCLE),
    ("anyOf shared 24 deep", shared_anyof(24), "1:1286: /definitions/a15" + MANY),
    ("recursion that doubles each level", {"allOf": [{"properties": {"x": {"$ref": "#"}}}, {"properties": {"x": {"$ref": "#"}}}]},
     "1:1: (root)" + MANY),
    ("100 allOf per payload level", allof_around_recursion(100),
     "1:1131: /allOf/0" + "/allOf/0" * 99 + "/properties/x/$ref" + DEEP_EVAL),
    ("5,000 definitions in a chain", definition_chain(5000), "1:39: /properties/usersList/$ref" + DEEP_PARSE),
    # valijson divided by it: SIGFPE for 0, and for -1 with -2^63.
    ("multipleOf 0", {"properties": {"usersList": {"items": {"multipleOf": 0}}}}, "1:55: " + MULTIPLE_OF),
    ("multipleOf -1", {"properties": {"usersList": {"items": {"multipleOf": -1}}}}, "1:55: " + MULTIPLE_OF),
    ("multipleOf 0.0", {"multipleOf": 0.0}, "1:16: /multipleOf: \"multipleOf\" must be a number greater than 0"),
]


class HostileSchemas(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="wxlint-schema-")
        self.payload = os.path.join(self.dir, "payload.json")
        with open(self.payload, "w") as f:
            f.write(PAYLOAD)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def catalogue(self, schema):
        """The embedded catalogue's rules/ and schemas/, with `schema` as the move-users request schema."""
        d = os.path.join(self.dir, "catalogue")
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(os.path.join(REPO, "rules"), os.path.join(d, "rules"))
        shutil.copytree(os.path.join(REPO, "schemas"), os.path.join(d, "schemas"))
        with open(os.path.join(d, SCHEMA), "w") as f:
            f.write(schema if isinstance(schema, str) else json.dumps(schema))
        return d

    def check(self, d, payload=None, timeout=30):
        return run("check", "--no-config", "-j", "1", "--operation", "validateOrInitiateMoveUsersJob",
                   "--rules-dir", d, payload or self.payload, cwd=self.dir, timeout=timeout)

    def test_refused_at_load_by_check_and_rules(self):
        for what, schema, message in REFUSED:
            d = self.catalogue(schema)
            for command in ("check", "rules"):
                with self.subTest(what, command=command):
                    r = self.check(d) if command == "check" else run("rules", "--rules-dir", d, cwd=self.dir, timeout=30)
                    self.assertEqual(r.rc, 2, r.out + r.err)
                    self.assertEqual(r.err, f"wxlint: {d}/{SCHEMA}:{message}\n")  # where it was read

    def test_recursion_through_members_is_accepted(self):
        # A $ref back to the root under a property recurses only as deep as the payload.
        for schema in ({"properties": {"x": {"$ref": "#"}}, "anyOf": [{"type": "object"}, {"type": "integer"}]},
                       allof_around_recursion(3),
                       {"properties": {"x": {"$ref": "#/definitions/node"}},
                        "definitions": {"node": {"anyOf": [{"type": "integer"}, {"properties": {"x": {"$ref": "#/definitions/node"}}}]}}}):
            with self.subTest(schema=json.dumps(schema)[:60]):
                r = self.check(self.catalogue(schema))
                self.assertEqual((r.rc, r.err), (0, ""), r.out)

    def test_ref_with_many_empty_tokens(self):
        # valijson resolved a JSON Pointer one recursive call per token, empty ones included.
        text = ('{"properties": {"usersList": {"$ref": "#/' + "/" * 200_000 +
                'definitions/a"}}, "definitions": {"a": {"type": "array", "items": {"not": {"type": "null"}}}}}')
        r = self.check(self.catalogue(text))
        self.assertEqual((r.rc, r.err), (0, ""), r.out)

    def test_anyof_nested_24_deep_literally(self):
        s = {"type": "string"}
        for _ in range(24):
            s = {"anyOf": [s, {"type": "integer"}]}
        r = self.check(self.catalogue({"properties": {"usersList": s}}))
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("payload.json:1:15: error[WX1001]: usersList must be another type, not an array. (schema/type)", r.out)

    # --- uniqueItems: valijson compared every pair of items --------------------------
    def measured(self, schema, payload, timeout=30):
        d = self.catalogue(schema)
        path = os.path.join(self.dir, "items.json")
        with open(path, "w") as f:
            f.write(payload)
        # wxlint's own footprint with this catalogue, on a payload with nothing to check.
        small = os.path.join(self.dir, "small.json")
        with open(small, "w") as f:
            f.write('{"usersList": []}')
        base = run_measured("check", "--no-config", "-j", "1", "-q", "--operation", "validateOrInitiateMoveUsersJob",
                            "--rules-dir", d, small, cwd=self.dir)
        start = time.monotonic()
        r = run_measured("check", "--no-config", "-j", "1", "-q", "--operation", "validateOrInitiateMoveUsersJob",
                         "--rules-dir", d, path, cwd=self.dir, timeout=timeout)
        elapsed = time.monotonic() - start
        self.assertLess(elapsed, 5 * SLOW, f"{elapsed:.1f} s")
        if not SANITIZED:  # ASan's shadow and quarantine are not ours
            size = len(payload) + os.path.getsize(os.path.join(d, SCHEMA))
            self.assertLess(r.peak, base.peak + 4 * size + 64 * MB, f"peak {r.peak // MB} MB, baseline {base.peak // MB} MB")
        return r

    def test_unique_items_over_20000_distinct_items(self):
        items = [f"item-{i}" for i in range(20_000)] + ["item-7"]
        r = self.measured({"properties": {"usersList": {"type": "array", "uniqueItems": True}}}, json.dumps({"usersList": items}))
        self.assertEqual(r.rc, 1, r.err)

    def test_unique_items_over_5000_equal_items(self):
        r = self.measured({"properties": {"usersList": {"uniqueItems": True}}}, json.dumps({"usersList": [{"a": [1]}] * 5000}))
        self.assertEqual(r.rc, 1, r.err)

    def test_unique_items_findings(self):
        # JSON equality: 1 == 1.0 and members in any order; a repeat is named with its first.
        d = self.catalogue({"properties": {"usersList": {"items": {"uniqueItems": True}}}})
        with open(os.path.join(self.dir, "u.json"), "w") as f:
            f.write('{"usersList": [[2, 1, 1.0],\n'
                    '  [{"a": 1, "b": [2.0]}, {"b": [2], "a": 1}],\n'
                    '  ["1", 1, true, null, {}, [], {"a": 1}, {"a": 2}, [1, 2], [2, 1]]]}')
        r = self.check(d, "u.json")
        self.assertEqual(r.rc, 1, r.err)
        found = [line for line in r.out.splitlines() if "uniqueness" in line]
        self.assertEqual(found, [
            "u.json:1:16: error[WX1099]: Does not match the schema: Elements at indexes #1 and #2 violate uniqueness constraint. (schema/other)",
            "u.json:2:3: error[WX1099]: Does not match the schema: Elements at indexes #0 and #1 violate uniqueness constraint. (schema/other)",
        ], r.out)

    # --- multipleOf: valijson divided by 0 and cast doubles to int64 -----------------------
    def test_multiple_of_findings(self):
        d = self.catalogue({"properties": {"usersList": {"items": {"multipleOf": 2}}}})
        with open(os.path.join(self.dir, "m.json"), "w") as f:
            f.write('{"usersList": [4, 2.5, -9223372036854775808,\n  9223372036854775807, 1e300, 4.0, "3"]}')
        r = self.check(d, "m.json")
        self.assertEqual(r.rc, 1, r.err)
        found = [line for line in r.out.splitlines() if "multiple" in line]
        self.assertEqual(found, [
            "m.json:1:19: error[WX1099]: Does not match the schema: Value should be a multiple of 2 (schema/other)",
            "m.json:2:3: error[WX1099]: Does not match the schema: Value should be a multiple of 2 (schema/other)",
        ], r.out)

    def test_multiple_of_minus_one_is_refused_before_any_payload(self):
        d = self.catalogue({"properties": {"usersList": {"items": {"multipleOf": -1}}}})
        with open(os.path.join(self.dir, "min.json"), "w") as f:
            f.write('{"usersList": [-9223372036854775808]}')
        r = self.check(d, "min.json")
        self.assertEqual((r.rc, r.out), (2, ""))
        self.assertEqual(r.err, f"wxlint: {d}/{SCHEMA}:1:55: {MULTIPLE_OF}\n")


if __name__ == "__main__":
    main()
