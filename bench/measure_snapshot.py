#!/usr/bin/env python3
"""Measures the org snapshot side by side (called by bench/snapshot.sh) and prints a table.

Each cell is the median of N runs of the whole process: wall time, CPU time (user + sys,
from rusage through wait4: microseconds, where GNU time gives hundredths) and peak RSS
(GNU time's %M, which does not count the Python that forked it). On a shared machine the CPU time is the steadier figure; the targets are
judged on both."""
import argparse
import glob
import os
import statistics
import subprocess
import tempfile
import time

p = argparse.ArgumentParser()
p.add_argument("--root", required=True)
p.add_argument("--out", required=True)
p.add_argument("--reps", type=int, default=3)
p.add_argument("--spectral", help="the spectral executable (skipped when absent)")
p.add_argument("--wxlint", help="the wxlint to measure (default: build-bench/wxlint)")
p.add_argument("--simdjson", help="the simdjson parse program (skipped when absent)")
p.add_argument("--passes", type=int, default=1,
               help="lint the batch this many times in one process (the snapshot's load, ~1.4 s, varies by more "
                    "than 1,000 files cost: more passes, less noise in the per-file figure)")
p.add_argument("--instructions", type=int, metavar="N", default=0,
               help="also count, with callgrind, the instructions of the walk (the rules) over batch files N+1 to "
                    "2N, with and without the snapshot: a steady figure on a noisy machine (100: ~5 min)")
a = p.parse_args()

data = os.path.join(a.out, "data")
snapshot = os.path.join(data, "snapshot")
snap_files = sorted(glob.glob(os.path.join(snapshot, "*.json")))
batch = sorted(glob.glob(os.path.join(data, "snap-batch", "*.json")))
wxlint = a.wxlint or os.path.join(a.root, "build-bench", "wxlint")
lint = [wxlint, "check", "--no-config", "-q", "-j", "1"]
ruleset = os.path.join(a.out, "spectral-move-users.json")


def mb(paths):
    return sum(os.path.getsize(f) for f in paths) / 1e6


def run(cmd):
    """(wall s, cpu s, peak MB, exit) of one run."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # GNU time's usage includes the tool's
        wall = time.perf_counter() - start
        err.seek(0)
        peak = int(err.read().decode().strip().splitlines()[-1])
    return wall, usage.ru_utime + usage.ru_stime, peak / 1024, os.waitstatus_to_exitcode(status)


def measure(cmd, reps=None):
    runs = [run(cmd) for _ in range(reps or a.reps)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs), runs[-1][3])


rows = []  # (data, MB, tool, wall, cpu, peak, exit)


def row(name, size, tool, cmd, reps=None):
    wall, cpu, peak, code = measure(cmd, reps)
    rows.append((name, size, tool, wall, cpu, peak, code))
    return wall, cpu, peak


snap_mb, batch_mb = mb(snap_files), mb(batch)
floor = row("snapshot", snap_mb, "floor (RapidJSON)", [os.path.join(a.out, "parse_floor"), *snap_files])
if a.simdjson:
    row("snapshot", snap_mb, "simdjson", [a.simdjson, *snap_files])
load = row("snapshot", snap_mb, "wxlint snapshot info", [wxlint, "snapshot", "info", snapshot])
# Per file: a batch less the same command on its first file alone (start, catalogue and,
# with the snapshot, its load: paid once).
# A copy of the batch a pass: wxlint lints a file named twice once (bench/passes.sh).
runs_of = batch if a.passes == 1 else sorted(
    f for d in subprocess.run([os.path.join(a.root, "bench", "passes.sh"), os.path.join(data, "snap-batch"),
                               str(a.passes)], check=True, capture_output=True, text=True).stdout.split()
    for f in glob.glob(os.path.join(d, "*.json")))
label = f"batch-{len(runs_of)}x100"
without = row(label, batch_mb * a.passes, "wxlint", [*lint, *runs_of])
without_1 = row("batch-1x100", mb(batch[:1]), "wxlint", [*lint, batch[0]])
with_ = row(label, batch_mb * a.passes, "wxlint --snapshot", [*lint, "--snapshot", snapshot, *runs_of])
with_1 = row("batch-1x100", mb(batch[:1]), "wxlint --snapshot", [*lint, "--snapshot", snapshot, batch[0]])
if a.spectral:
    row("batch-1000x100", batch_mb, "spectral", [a.spectral, "lint", "-q", "-r", ruleset, "-f", "text",
                                                 os.path.join(data, "snap-batch", "*.json")], reps=1)

print(f"{'data':<15}{'MB':>7} {'tool':<22}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}{'peak/in':>8} exit")
for name, size, tool, wall, cpu, peak, code in rows:
    print(f"{name:<15}{size:>7.1f} {tool:<22}{wall:>8.3f}{cpu:>8.3f}{peak:>9.1f}{peak / size:>8.2f} {code:>4}")
print()
print(f"load / floor:       wall {load[0] / floor[0]:.2f}x  cpu {load[1] / floor[1]:.2f}x   (target <= 2x)")
print(f"load peak / input:  {load[2] / snap_mb:.2f}x                (target <= 3x)")
n = len(runs_of)
for label, i in (("wall", 0), ("cpu", 1)):
    per_without = (without[i] - without_1[i]) / (n - 1) * 1e3
    per_with = (with_[i] - with_1[i]) / (n - 1) * 1e3
    print(f"per file, {label:<4}     {per_with:.3f} ms with the snapshot, {per_without:.3f} ms without: "
          f"{per_with / per_without:.2f}x   (target <= 1.2x; {n:,} files less the first alone)")
if a.instructions:
    def walk_instructions(extra, files):
        """Instructions in RuleWalker::run (the rules; the parse, schema and load left out)."""
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "cg.out")
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                            "--toggle-collect=wxlint::RuleWalker::run*", *lint, *extra, *files],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(out) as f:
                return next(int(line.split()[1]) for line in f if line.startswith("summary:"))

    # The second N files less the first N: lazy set-up (the numbering plans' patterns, compiled as
    # numbers of each country first come) falls in the first ones.
    n = a.instructions
    users = 100 * n
    per_user = [(walk_instructions(extra, batch[:2 * n]) - walk_instructions(extra, batch[:n])) / users
                for extra in ([], ["--snapshot", snapshot])]
    print(f"walk, instructions a user: {per_user[1]:,.0f} with the snapshot, {per_user[0]:,.0f} without "
          f"(+{per_user[1] - per_user[0]:,.0f}, {per_user[1] / per_user[0]:.2f}x; callgrind, files {n + 1}-{2 * n})")
print(f"runs: median of {a.reps} (Spectral: 1); machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
