#!/usr/bin/env python3
"""Runs every tool over every data set (called by bench/run.sh) and prints the table.

Each cell is the median wall time of N runs of the whole process (read, parse, validate,
report), measured with GNU time, which also gives the peak RSS. The harness's own cost
(starting GNU time and the process from Python: about 2 ms) is measured per data set by
running /bin/true with the same arguments, and taken off every tool's time, as hyperfine
does for its shell."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

p = argparse.ArgumentParser()
p.add_argument("--root", required=True)
p.add_argument("--out", required=True)
p.add_argument("--quick", action="store_true", help="skip the largest files")
p.add_argument("--reps", type=int, default=3)
a = p.parse_args()

data = os.path.join(a.out, "data")
wxlint = os.path.join(a.root, "build-bench", "wxlint")
floor = os.path.join(a.out, "parse_floor")
bin_ = os.path.join(a.root, "bench", "node_modules", ".bin")
schemas = os.path.join(a.root, "schemas")
move_schema = os.path.join(schemas, "validateOrInitiateMoveUsersJob.request.schema.json")
contacts_schema = os.path.join(schemas, "bulkCreateOrUpdateContacts.request.schema.json")
has_jobs = "--jobs" in subprocess.run([wxlint, "check", "--help"], capture_output=True, text=True).stdout
batch = sorted(os.path.join(data, "batch", f) for f in os.listdir(os.path.join(data, "batch")))

sets = [("move-1k", [os.path.join(data, "move-1k.json")], move_schema),
        ("move-100k", [os.path.join(data, "move-100k.json")], move_schema),
        ("move-1m", [os.path.join(data, "move-1m.json")], move_schema),
        ("contacts-10k", [os.path.join(data, "contacts-10k.json")], contacts_schema),
        ("contacts-100k", [os.path.join(data, "contacts-100k.json")], contacts_schema),
        ("batch-1000x100", batch, move_schema),
        ("small-1x100", batch[:1], move_schema)]
if a.quick:
    sets = [s for s in sets if s[0] not in ("move-1m", "contacts-100k")]


def tools(files, schema):
    wx = [wxlint, "check", "--no-config", "-q", *(["-j", "1"] if has_jobs else [])]
    t = [("floor", [floor, *files]), ("wxlint", [*wx, *files])]
    if has_jobs and len(files) > 1:
        t.append(("wxlint -j2", [wxlint, "check", "--no-config", "-q", "-j", "2", *files]))
    if os.path.exists(schema):
        t.append(("ajv", ["node", os.path.join(a.root, "bench", "ajv_check.js"), schema, *files]))
        data_arg = os.path.join(os.path.dirname(files[0]), "*.json") if len(files) > 50 else files[0]
        if len(files) <= 50 and len(files) > 1:
            data_arg = "{" + ",".join(files) + "}"
        t.append(("ajv-cli", [os.path.join(bin_, "ajv"), "validate", "--spec=draft7", "--all-errors",
                              "--strict=false", "--errors=no", "-s", schema, "-d", data_arg]))
        t.append(("jsonschema", ["/usr/bin/python3", os.path.join(a.root, "bench", "jsonschema_check.py"),
                                 schema, *files]))
    return t


def measure(cmd, reps):
    """Median wall time (perf_counter: GNU time's %e has 10 ms steps) and peak RSS."""
    times, peaks, rc = [], [], None
    for _ in range(reps):
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        peaks.append(int(r.stderr.strip().splitlines()[-1]) * 1024)
        rc = r.returncode
    return statistics.median(times), max(peaks), rc


rows = []
spawns = []
for name, files, schema in sets:
    size = sum(os.path.getsize(f) for f in files)
    spawn = measure(["/bin/true", *files], max(a.reps, 11))[0]
    spawns.append(spawn)
    results = {}
    for tool, cmd in tools(files, schema):
        # The slow Python peer runs once on big inputs; everything else N times.
        reps = 1 if tool == "jsonschema" and size > 20 << 20 else a.reps
        t, peak, rc = measure(cmd, reps)
        results[tool] = (max(t - spawn, 1e-4), peak, rc, reps)
        print(f"  {name:15} {tool:11} {results[tool][0]:8.3f} s", file=sys.stderr, flush=True)
    base, ajv = results["floor"][0], results.get("ajv", (None,))[0]
    for tool, (t, peak, rc, reps) in results.items():
        rows.append((name, size, tool, t, size / t / 1e6 if t else 0, t / base if base else 0,
                     t / ajv if ajv else None, peak, rc, reps))

print(f"\n{'data':15} {'MB':>7} {'tool':11} {'median s':>9} {'MB/s':>7} {'x floor':>8} {'x ajv':>7} "
      f"{'peak MB':>8} {'peak/in':>7} {'exit':>4}")
for name, size, tool, t, mbs, xf, xa, peak, rc, reps in rows:
    xa_s = f"{xa:7.2f}" if xa is not None else "      -"
    note = "" if reps > 1 else "  (1 run)"
    print(f"{name:15} {size / 1e6:7.1f} {tool:11} {t:9.3f} {mbs:7.1f} {xf:8.2f} {xa_s} "
          f"{peak / 1e6:8.1f} {peak / size:7.2f} {rc:4}{note}")
print(f"\ntimes exclude the harness's start of each process: {min(spawns) * 1e3:.1f}-{max(spawns) * 1e3:.1f} ms "
      f"(/bin/true with the same arguments)")
print(f"machine: {os.cpu_count()} cores; {subprocess.run(['uname', '-r'], capture_output=True, text=True).stdout.strip()}; "
      f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
