#!/usr/bin/env python3
"""Writes a Spectral ruleset that does what a JSON Schema does: one rule applying the
schema (its local $refs inlined: Spectral would resolve them against the ruleset) to
the whole document, every error reported.

  bench/spectral_ruleset.py SCHEMA OUT
"""
import json
import sys


def inline(node, root, seen=()):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref in seen:
                sys.exit(f"spectral_ruleset: recursive $ref {ref}")
            target = root
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            return inline(target, root, seen + (ref,))
        return {k: inline(v, root, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [inline(v, root, seen) for v in node]
    return node


def main():
    schema_path, out = sys.argv[1], sys.argv[2]
    with open(schema_path) as f:
        schema = json.load(f)
    body = inline(schema, schema)
    for key in ("definitions", "$defs", "$id", "$schema"):  # inlined, or Spectral's to decide
        body.pop(key, None)
    ruleset = {"rules": {"request-schema": {
        "description": schema.get("title", "the request's JSON Schema"),
        "given": "$", "severity": "error",
        "then": {"function": "schema",
                 "functionOptions": {"schema": body, "dialect": "draft7", "allErrors": True}}}}}
    with open(out, "w") as f:
        json.dump(ruleset, f, indent=1)


if __name__ == "__main__":
    main()
