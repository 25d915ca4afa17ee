"""python3-jsonschema (Debian) peer for bench/run.sh: draft-07, every error of every file."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema)
errors = 0
for path in sys.argv[2:]:
    with open(path) as f:
        errors += sum(1 for _ in validator.iter_errors(json.load(f)))
print(f"jsonschema: {errors} errors", file=sys.stderr)
sys.exit(1 if errors else 0)
