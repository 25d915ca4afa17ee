"""scripts/openapi_schema.py on a tiny OpenAPI spec: $refs inlined with their descriptions, recursion
turned into a definition, OpenAPI-only keywords converted, `pattern` and date formats dropped with a
note, refusals with exit 1 and nothing written. The schema it writes is loaded by wxlint
(--rules-dir) and checks a payload."""
import json
import os
import subprocess
import sys

from cli_support import REPO, TempDirTest, main, run, write

SCRIPT = os.path.join(REPO, "scripts", "openapi_schema.py")

SPEC = {
    "openapi": "3.0.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/widgets": {
            "post": {"operationId": "Create a Widget", "summary": "Create a Widget",
                     "requestBody": {"content": {"application/json": {
                         "example": {"name": "w"}, "schema": {"$ref": "#/components/schemas/Widget"}}}}},
            "get": {"operationId": "listWidgets"},
        },
        "/widgets/{id}": {
            "put": {"operationId": "updateWidget",
                    "requestBody": {"$ref": "#/components/requestBodies/WidgetBody"}},
        },
        "/trees": {"post": {"operationId": "createTree", "requestBody": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Tree"}}}}}},
        "/bad": {"post": {"operationId": "badRef", "requestBody": {"content": {"application/json": {
            "schema": {"$ref": "other.json#/Widget"}}}}}},
        "/regex": {"post": {"operationId": "regexKeys", "requestBody": {"content": {"application/json": {
            "schema": {"type": "object", "patternProperties": {"^(x)\\1": {"type": "string"}}}}}}}},
        "/form": {"post": {"operationId": "formOnly", "requestBody": {"content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}}},
        "/twin": {"post": {"operationId": "twin", "requestBody": {}}, "put": {"operationId": "twin"}},
    },
    "components": {
        "requestBodies": {"WidgetBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}}}},
        "schemas": {
            "Widget": {
                "type": "object", "required": ["name"], "description": "A widget.",
                "properties": {
                    "name": {"type": "string", "example": "w1", "description": "Its name.", "pattern": "^[a-z]+$"},
                    "code": {"type": "string", "pattern": "^(?!x)([a-z])\\1$"},
                    "tags": {"type": "object", "patternProperties": {"^t[0-9]+$": {"type": "string"}}},
                    "size": {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 10},
                    "note": {"type": "string", "nullable": True},
                    "made": {"type": "string", "format": "date-time"},
                    "colour": {"$ref": "#/components/schemas/Colour", "description": "The widget's colour."},
                    "legacy": {"type": "string", "deprecated": True, "x-internal-flag": 1},
                },
            },
            "Colour": {"type": "string", "enum": ["red", "blue"], "description": "A colour."},
            "Tree": {"type": "object", "properties": {
                "label": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}},
        },
    },
}


def all_keys(node):
    if isinstance(node, dict):
        return set(node).union(*(all_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(all_keys(v) for v in node))
    return set()


class OpenApiSchema(TempDirTest):
    def setUp(self):
        super().setUp()
        self.spec = write(self.path("spec.json"), SPEC)

    def script(self, *args):
        return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, cwd=self.dir, timeout=60)

    def extract(self, *args):
        r = self.script(self.spec, *args, "-o", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout), r.stderr

    def test_refs_inlined_and_keywords_converted(self):
        schema, notes = self.extract("--operation-id", "Create a Widget")
        self.assertEqual(schema["$schema"], "http://json-schema.org/draft-07/schema#")
        self.assertEqual(schema["$id"], "https://wxlint.dev/schemas/createAWidget.request.schema.json")
        self.assertEqual(schema["title"], "Create a Widget: request body")
        self.assertEqual(schema["description"], "POST /widgets (Create a Widget), from #/components/schemas/Widget of "
                                                "spec.json, extracted by scripts/openapi_schema.py. A widget.")
        props = schema["properties"]
        self.assertEqual(props["name"], {"type": "string", "description": "Its name.", "pattern": "^[a-z]+$"})
        self.assertEqual(props["code"], {"type": "string", "description": "The spec gives the pattern "
                                         "\"^(?!x)([a-z])\\\\1$\", checked by rules, not by this schema."})
        self.assertEqual(props["tags"], {"type": "object", "patternProperties": {"^t[0-9]+$": {"type": "string"}}})
        self.assertEqual(props["size"], {"type": "integer", "exclusiveMinimum": 0, "maximum": 10})
        self.assertEqual(props["note"], {"type": ["string", "null"]})
        self.assertEqual(props["made"], {"type": "string", "description": "The spec gives the format \"date-time\", "
                                         "checked by rules, not by this schema."})
        self.assertEqual(props["colour"], {"type": "string", "enum": ["red", "blue"], "description": "The widget's colour."})
        self.assertEqual(props["legacy"], {"type": "string", "description": "Deprecated."})
        self.assertNotIn("format", all_keys(schema))
        self.assertNotIn("additionalProperties", schema)
        self.assertEqual(notes.splitlines(), [
            f"{self.spec}: note: /properties/code/pattern: pattern \"^(?!x)([a-z])\\\\1$\" dropped (it uses lookaround, which RE2 cannot run): check it with a rule",
            f"{self.spec}: note: /properties/made/format: format \"date-time\" dropped (evaluated with a regex): check it with a rule",
        ])

    def test_method_and_path_request_body_ref_and_closed(self):
        schema, _ = self.extract("--method", "PUT", "--path", "/widgets/{id}", "--name", "putWidget", "--closed")
        self.assertEqual(schema["$id"], "https://wxlint.dev/schemas/putWidget.request.schema.json")
        self.assertIs(schema["additionalProperties"], False)
        self.assertEqual(schema["required"], ["name"])

    def test_recursion_becomes_a_definition(self):
        schema, _ = self.extract("--operation-id", "createTree")
        self.assertEqual(schema["properties"]["children"]["items"], {"$ref": "#/definitions/Tree"})
        self.assertEqual(schema["definitions"]["Tree"]["properties"]["children"]["items"], {"$ref": "#/definitions/Tree"})

    def test_refusals_write_nothing(self):
        cases = [
            (["--operation-id", "createWidgit"], 'no operation with operationId "createWidgit" in the spec; did you mean: Create a Widget, updateWidget'),
            (["--operation-id", "listWidgets"], "GET /widgets has no requestBody"),
            (["--operation-id", "badRef"], '$ref "other.json#/Widget" is not a local reference (#/...); only references inside the spec are resolved'),
            (["--operation-id", "regexKeys"], "/patternProperties: the member-name pattern \"^(x)\\\\1\" uses a backreference, which RE2 cannot run; express it as a rule"),
            (["--operation-id", "formOnly"], "POST /form has no application/json request body (it has: application/x-www-form-urlencoded)"),
            (["--operation-id", "twin"], 'operationId "twin" is used by 2 operations: POST /twin, PUT /twin; give --method and --path'),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = self.script(self.spec, *args)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", f"{self.spec}: refused: {message}\n"))
        self.assertFalse(os.path.exists(self.path("schemas")))

    def test_usage_and_unreadable_spec(self):
        self.assertEqual(self.script(self.spec).returncode, 2)
        self.assertEqual(self.script(self.spec, "--method", "POST").returncode, 2)
        r = self.script(write(self.path("swagger.json"), {"swagger": "2.0"}), "--operation-id", "x")
        self.assertEqual((r.returncode, r.stderr), (2, f"{self.path('swagger.json')}: not an OpenAPI 3 document (no \"openapi\": \"3.x\")\n"))
        r = self.script(write(self.path("broken.json"), "{"), "--operation-id", "x")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith(f"{self.path('broken.json')}: cannot read the spec: "), r.stderr)

    def test_wxlint_loads_the_written_schema(self):
        os.makedirs(self.path("cat", "schemas"))
        os.makedirs(self.path("cat", "rules"))
        r = self.script(self.spec, "--operation-id", "Create a Widget", "--name", "createWidget", "--closed",
                        "-o", self.path("cat", "schemas", "createWidget.request.schema.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        write(self.path("cat", "rules", "createWidget.rules.json"), {
            "operation": {"id": "Create a Widget", "method": "POST", "path": "/widgets", "summary": "Create a Widget",
                          "schema": "createWidget.request.schema.json"},
            "rules": []})
        payload = write(self.path("w.json"), '{"name": "a", "size": 0, "colour": "green"}\n')
        r = run("check", "--no-config", "--rules-dir", self.path("cat"), "--operation", "Create a Widget", "-q", payload)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.splitlines(), [
            f"{payload}:1:23: error[WX1009]: Number out of range: 0 must be greater than 0. (schema/range)",
            f"{payload}:1:36: error[WX1004]: \"green\" is not an allowed value; use one of: red, blue. (schema/enum)",
        ])


if __name__ == "__main__":
    main()
