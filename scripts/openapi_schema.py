#!/usr/bin/env python3
"""Extract an operation's request-body JSON Schema from an OpenAPI 3.0 file into a draft-07 schema
that wxlint's loader accepts (schemas/<name>.request.schema.json).

    scripts/openapi_schema.py SPEC --operation-id "Create a Contact" [--name createContact] [--closed]
    scripts/openapi_schema.py SPEC --method POST --path /locations -o schemas/createLocation.request.schema.json

Local $refs (#/components/...) are inlined, descriptions kept; a $ref that refers back to a schema
being inlined becomes a draft-07 definition instead, so recursion stays finite. OpenAPI-only keywords
are converted (nullable, boolean exclusiveMinimum/Maximum, example) or dropped with a note. `pattern`
and `patternProperties` are kept: wxlint evaluates them with RE2, in linear time. A pattern that
needs what RE2 lacks (lookaround, backreferences) is dropped with a note, its text kept in the
description; so are the date/time formats, which valijson would check with a backtracking regex.
What cannot be converted (an external $ref, patternProperties RE2 cannot run, no JSON request
body, an unknown or ambiguous operation) is refused: exit 1, nothing written.
Exit 2 for a usage error or an unreadable spec.
"""
import argparse
import difflib
import json
import os
import re
import sys

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REGEX_FORMATS = ("date", "time", "date-time")
# OpenAPI annotations with no draft-07 meaning that matter here; dropped silently.
DROPPED_SILENTLY = ("xml", "externalDocs", "example", "x-internal")


# ECMA-262 regex features RE2 lacks (RE2 guarantees linear time by leaving them out).
NOT_RE2 = ((re.compile(r"\(\?<?[=!]"), "lookaround"), (re.compile(r"\\[1-9]|\\k<"), "a backreference"))


def not_re2(pattern):
    """What in this pattern RE2 cannot run, or None."""
    if not isinstance(pattern, str):
        return "a non-string pattern"
    return next((what for rx, what in NOT_RE2 if rx.search(pattern)), None)


class Refused(Exception):
    """A part of the spec that cannot be turned into a schema wxlint accepts."""


def pointer_escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def resolve_pointer(doc, ref):
    if not ref.startswith("#/"):
        raise Refused(f'$ref "{ref}" is not a local reference (#/...); only references inside the spec are resolved')
    node = doc
    for raw in ref[2:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise Refused(f'$ref "{ref}" does not resolve')
    return node


def definition_name(ref, taken):
    base = re.sub(r"[^A-Za-z0-9_.-]", "_", ref.rsplit("/", 1)[-1]) or "schema"
    name, n = base, 2
    while name in taken and taken[name] != ref:
        name, n = f"{base}_{n}", n + 1
    return name


class Converter:
    def __init__(self, spec):
        self.spec = spec
        self.notes = []           # (pointer in the output, text): reported on stderr
        self.stack = []           # refs being inlined, to spot recursion
        self.recursive = {}       # name -> ref of definitions needed for recursion
        self.definitions = {}     # name -> converted schema

    def note(self, where, text):
        self.notes.append((where or "/", text))

    def convert(self, node, where):
        if isinstance(node, list):
            return [self.convert(v, f"{where}/{i}") for i, v in enumerate(node)]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return self.convert_ref(node, where)
        out, extra = {}, []  # extra: sentences for the description about what was dropped
        for key, value in node.items():
            at = f"{where}/{pointer_escape(key)}"
            if key in ("properties", "definitions"):
                if not isinstance(value, dict):
                    raise Refused(f"{at}: {key} is not an object")
                out[key] = {k: self.convert(v, f"{at}/{pointer_escape(k)}") for k, v in value.items()}
            elif key == "patternProperties":
                if not isinstance(value, dict):
                    raise Refused(f"{at}: patternProperties is not an object")
                for k in value:
                    if not_re2(k):
                        raise Refused(f"{at}: the member-name pattern {json.dumps(k)} uses {not_re2(k)}, which RE2 "
                                      "cannot run; express it as a rule")
                out[key] = {k: self.convert(v, f"{at}/{pointer_escape(k)}") for k, v in value.items()}
            elif key == "pattern" and isinstance(value, str) and not not_re2(value):
                out[key] = value
            elif key == "pattern":
                self.note(at, f"pattern {json.dumps(value)} dropped (it uses {not_re2(value)}, which RE2 cannot run): "
                              "check it with a rule")
                extra.append(f"The spec gives the pattern {json.dumps(value)}, checked by rules, not by this schema.")
            elif key == "format" and value in REGEX_FORMATS:
                self.note(at, f"format {json.dumps(value)} dropped (evaluated with a regex): check it with a rule")
                extra.append(f"The spec gives the format {json.dumps(value)}, checked by rules, not by this schema.")
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
                bound = "minimum" if key == "exclusiveMinimum" else "maximum"
                if value and bound in node:
                    out[key] = node[bound]
            elif key in ("minimum", "maximum") and node.get("exclusive" + key[:1].upper() + key[1:]) is True:
                pass  # written as exclusiveMinimum/Maximum
            elif key == "deprecated":
                if value is True:
                    extra.append("Deprecated.")
            elif key == "discriminator":
                self.note(at, "discriminator dropped (no draft-07 equivalent; oneOf/anyOf still apply)")
            elif key in DROPPED_SILENTLY or key == "nullable" or key.startswith("x-"):
                pass  # nullable is applied below, once "type" is known
            else:
                out[key] = self.convert(value, at)
        if extra:
            out["description"] = append_sentence(out.get("description"), " ".join(extra))
        if node.get("nullable") is True:
            t = out.get("type")
            if isinstance(t, str):
                out["type"] = [t, "null"]
            elif isinstance(t, list) and "null" not in t:
                out["type"] = t + ["null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = out["enum"] + [None]
        return out

    def convert_ref(self, node, where):
        ref = node["$ref"]
        if not isinstance(ref, str):
            raise Refused(f"{where}/$ref: not a string")
        if ref in self.stack:  # recursion: refer to a definition instead of inlining forever
            name = definition_name(ref, self.recursive)
            self.recursive[name] = ref
            return {"$ref": f"#/definitions/{pointer_escape(name)}"}
        target = resolve_pointer(self.spec, ref)
        self.stack.append(ref)
        try:
            out = self.convert(target, where)
        finally:
            self.stack.pop()
        extra = {k: v for k, v in node.items() if k != "$ref"}
        if extra.get("description") and isinstance(out, dict):  # a description beside the $ref wins
            out = dict(out, description=extra["description"])
        return out

    def finish_definitions(self):
        done = set()
        while set(self.recursive) - done:
            for name in sorted(set(self.recursive) - done):
                ref = self.recursive[name]
                self.stack.append(ref)
                try:
                    self.definitions[name] = self.convert(resolve_pointer(self.spec, ref), f"/definitions/{pointer_escape(name)}")
                finally:
                    self.stack.pop()
                done.add(name)


def append_sentence(text, sentence):
    text = (text or "").rstrip()
    if not sentence:
        return text
    return f"{text} {sentence}".strip() if text else sentence


def close_objects(schema):
    """additionalProperties: false on every object schema that lists properties and says nothing else."""
    if isinstance(schema, list):
        for v in schema:
            close_objects(v)
    elif isinstance(schema, dict):
        if isinstance(schema.get("properties"), dict) and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for v in schema.values():
            close_objects(v)


def find_operation(spec, operation_id=None, method=None, path=None):
    found = []
    for p, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for m, op in item.items():
            if m not in METHODS or not isinstance(op, dict):
                continue
            if operation_id is not None and op.get("operationId") == operation_id:
                found.append((m, p, op))
            elif operation_id is None and m == method.lower() and p == path:
                found.append((m, p, op))
    if not found:
        what = f'operationId "{operation_id}"' if operation_id is not None else f"{method.upper()} {path}"
        ids = sorted({op["operationId"] for item in (spec.get("paths") or {}).values() if isinstance(item, dict)
                      for op in item.values() if isinstance(op, dict) and isinstance(op.get("operationId"), str)})
        close = difflib.get_close_matches(operation_id or "", ids, n=5, cutoff=0.6) if operation_id else []
        raise Refused(f"no operation with {what} in the spec" + (f"; did you mean: {', '.join(close)}" if close else ""))
    if len(found) > 1:
        raise Refused(f'operationId "{operation_id}" is used by {len(found)} operations: '
                      + ", ".join(f"{m.upper()} {p}" for m, p, _ in found) + "; give --method and --path")
    return found[0]


def request_schema(spec, method, path, op):
    body = op.get("requestBody")
    if body is None:
        raise Refused(f"{method.upper()} {path} has no requestBody")
    if "$ref" in body:
        body = resolve_pointer(spec, body["$ref"])
    content = body.get("content") or {}
    media = next((k for k in content if k.split(";")[0].strip() == "application/json"), None)
    if media is None:
        raise Refused(f"{method.upper()} {path} has no application/json request body (it has: {', '.join(content) or 'none'})")
    schema = content[media].get("schema")
    if schema is None:
        raise Refused(f"{method.upper()} {path}: the application/json request body has no schema")
    return schema


def extract(spec, operation_id=None, method=None, path=None, name=None, closed=False, spec_name="the spec"):
    """Returns (name, schema, notes). Raises Refused."""
    m, p, op = find_operation(spec, operation_id, method, path)
    conv = Converter(spec)
    root_ref = request_schema(spec, m, p, op)
    body = conv.convert(root_ref, "")
    conv.finish_definitions()
    if not isinstance(body, dict):
        raise Refused(f"{m.upper()} {p}: the request schema is not an object schema")
    oid = op.get("operationId") or f"{m} {p}"
    name = name or re.sub(r"[^A-Za-z0-9]+(.)?", lambda g: (g.group(1) or "").upper(), oid[:1].lower() + oid[1:])
    summary = op.get("summary") or oid
    source = f"from {root_ref['$ref']} of {spec_name}" if "$ref" in root_ref else f"from {spec_name}"
    lead = f"{m.upper()} {p} ({summary}), {source}, extracted by scripts/openapi_schema.py."
    out = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://wxlint.dev/schemas/{name}.request.schema.json",
        "title": f"{summary}: request body",
    }
    desc = append_sentence(lead, body.pop("description", ""))
    out["description"] = desc
    out.update(body)
    if conv.definitions:
        defs = dict(out.get("definitions", {}))
        defs.update(conv.definitions)
        out["definitions"] = defs
    if closed:
        close_objects(out)
    return name, out, conv.notes


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("spec", help="an OpenAPI 3.0 JSON file")
    ap.add_argument("--operation-id", help="the operation's operationId")
    ap.add_argument("--method", help="with --path, instead of --operation-id")
    ap.add_argument("--path", help="the path template, e.g. /locations")
    ap.add_argument("--name", help="the schema's name (default: the operationId in camelCase)")
    ap.add_argument("--closed", action="store_true", help="additionalProperties: false on every object with properties")
    ap.add_argument("-o", "--output", help="the output file, or - for stdout (default: schemas/NAME.request.schema.json)")
    args = ap.parse_args(argv)
    if (args.operation_id is None) == (args.method is None and args.path is None) or \
            (args.operation_id is None and (args.method is None or args.path is None)):
        ap.error("give either --operation-id, or --method and --path")
    try:
        with open(args.spec, encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"{args.spec}: cannot read the spec: {e}", file=sys.stderr)
        return 2
    if not isinstance(spec, dict) or not str(spec.get("openapi", "")).startswith("3."):
        print(f"{args.spec}: not an OpenAPI 3 document (no \"openapi\": \"3.x\")", file=sys.stderr)
        return 2
    try:
        name, schema, notes = extract(spec, args.operation_id, args.method, args.path, args.name, args.closed,
                                      os.path.basename(args.spec))
    except Refused as e:
        print(f"{args.spec}: refused: {e}", file=sys.stderr)
        return 1
    for where, text in notes:
        print(f"{args.spec}: note: {where}: {text}", file=sys.stderr)
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    out = args.output or os.path.join("schemas", f"{name}.request.schema.json")
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(out + ".tmp", out)
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
