#!/usr/bin/env python3
"""Rewrites rule files in the project's layout: one member per line, examples and params on one line each."""
import json
import sys


def dump(doc):
    lines = ["{"]
    top = [k for k in doc if k != "rules"]
    for k in top:
        lines.append(f"  {json.dumps(k)}: {json.dumps(doc[k], ensure_ascii=False)},")
    lines.append('  "rules": [')
    for i, r in enumerate(doc.get("rules", [])):
        lines.append("    {")
        items = list(r.items())
        for j, (k, v) in enumerate(items):
            sep = "," if j + 1 < len(items) else ""
            lines.append(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{sep}")
        lines.append("    }" + ("," if i + 1 < len(doc["rules"]) else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        f.write(dump(doc))
