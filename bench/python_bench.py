#!/usr/bin/env python3
"""The Python package on a 100-user move-users payload given as a dict, side by side with the
dict's own json.dumps and with python3-jsonschema validating the same dict against the same
schema (schemas/validateOrInitiateMoveUsersJob.request.schema.json).

Usage: PYTHON bench/python_bench.py [--reps N]   (PYTHON: an environment with wxlint installed,
e.g. tests/python/run_tests.sh's; python3-jsonschema from Debian). Not a timed test.
Prints the best time per call of each, and whether the targets of issue 14 hold:
lint(dict) < json.dumps(dict) + 0.1 ms, and lint(dict) at least 10x faster than jsonschema.
"""
import argparse
import importlib.metadata
import json
import random
import sys
import time
import timeit
from pathlib import Path

import jsonschema
import wxlint

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen  # noqa: E402  (bench/gen.py: the payload generator of bench/run.sh)

SCHEMA = HERE.parent / "schemas" / "validateOrInitiateMoveUsersJob.request.schema.json"


def payloads():
    defective = gen.move_users(100, random.Random("python"))
    rate, gen.RATE = gen.RATE, 1e-9  # every user takes the defect-free branch
    clean = gen.move_users(100, random.Random("python"))
    gen.RATE = rate
    return {"clean": clean, "defects": defective}


def per_call(fn, reps):
    """Best of `reps` rounds, in microseconds of this process's CPU time per call: on a shared,
    loaded machine wall time measures the other processes too. (wxlint's native code may use a
    second thread; its CPU time counts as well, so this never flatters wxlint.)"""
    number = 200
    return min(timeit.Timer(fn, timer=time.process_time).repeat(number=number, repeat=reps)) / number * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    reps = parser.parse_args().reps
    linter = wxlint.Linter(config=False)
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text()))
    ok = True
    print(f"wxlint {wxlint.__version__}, jsonschema {importlib.metadata.version('jsonschema')}, Python {sys.version.split()[0]}")
    print(f"{'payload':8} {'findings':>8} {'dumps':>8} {'dumps(indent=2)':>16} {'Linter.lint':>12} "
          f"{'wxlint.lint':>12} {'jsonschema':>11}   (CPU microseconds per call, best of {reps})")
    for name, d in payloads().items():
        findings = len(linter.lint(d))
        dumps = per_call(lambda: json.dumps(d), reps)
        pretty = per_call(lambda: json.dumps(d, indent=2, ensure_ascii=False), reps)
        lint = per_call(lambda: linter.lint(d), reps)
        module = per_call(lambda: wxlint.lint(d, config=False), reps)
        schema = per_call(lambda: list(validator.iter_errors(d)), reps)
        print(f"{name:8} {findings:>8} {dumps:>8.1f} {pretty:>16.1f} {lint:>12.1f} {module:>12.1f} {schema:>11.1f}")
        fast = lint < dumps + 100
        tenfold = schema >= 10 * lint
        print(f"         lint < dumps + 100 us: {'yes' if fast else 'NO'} ({lint:.1f} vs {dumps + 100:.1f}); "
              f"jsonschema / lint = {schema / lint:.1f}x: {'yes' if tenfold else 'NO'}")
        ok = ok and fast and tenfold
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
