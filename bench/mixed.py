#!/usr/bin/env python3
"""The mixed batch against today's move-users batch, per file: 1,000 files that cycle through
every operation (bench/gen_mixed.py) and the 1,000 move-users files of 100 users (bench/gen.py),
each linted by one wxlint process, `check --no-config -q`, with -j 1 and -j 2.

    bench/mixed.py [--wxlint PATH] [--reps N] [--data DIR]

Prints, per batch and -j: the median wall time of N runs, the time per file, MB/s, the median
CPU time (user + system), the peak RSS and the exit code; then the mixed batch's wall and CPU
time per file as multiples of the move-users batch's. The data is generated into DIR (default bench/out/data) when missing.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def size_mb(directory):
    return sum(os.path.getsize(os.path.join(directory, f)) for f in os.listdir(directory)) / 1e6


def run(cmd):
    """(wall seconds, CPU seconds (user + system), peak RSS MB, exit code) of one run. CPU time
    is the steadier figure on a loaded machine, where wall time is mostly waiting for a core."""
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(p.pid, 0)  # GNU time's usage includes the command it waited for
    wall = time.perf_counter() - t0
    peak = int(p.stderr.read().strip().splitlines()[-1]) / 1024  # GNU time: the command's own peak
    return wall, usage.ru_utime + usage.ru_stime, peak, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wxlint", default=os.path.join(os.path.dirname(HERE), "build-bench", "wxlint"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--data", default=os.path.join(HERE, "out", "data"))
    args = ap.parse_args()
    if not os.access(args.wxlint, os.X_OK):
        sys.exit(f"bench/mixed.py: no wxlint at {args.wxlint} (bench/run.sh builds build-bench/, or give --wxlint)")
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), args.data, "batch"], check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_mixed.py"), os.path.join(args.data, "mixed")], check=True)
    floor = statistics.median(run(["/bin/true"])[0] for _ in range(args.reps))  # starting a process
    per_file, cpu_per_file = {}, {}
    print(f"{'batch':<16}{'MB':>6}{'-j':>4}{'median s':>10}{'ms/file':>9}{'MB/s':>8}{'CPU s':>8}{'peak MB':>9}{'exit':>6}")
    for name in ("batch", "mixed"):
        directory = os.path.join(args.data, name)
        files = len([f for f in os.listdir(directory) if f.endswith(".json")])
        mb = size_mb(directory)
        for jobs in (1, 2):
            cmd = [args.wxlint, "check", "--no-config", "-q", "-j", str(jobs), directory]
            runs = [run(cmd) for _ in range(args.reps)]
            wall = max(statistics.median(r[0] for r in runs) - floor, 1e-6)
            cpu = statistics.median(r[1] for r in runs)
            per_file[(name, jobs)] = wall / files
            cpu_per_file[(name, jobs)] = cpu / files
            print(f"{name:<16}{mb:>6.1f}{jobs:>4}{wall:>10.3f}{wall / files * 1000:>9.3f}{mb / wall:>8.1f}{cpu:>8.3f}"
                  f"{max(r[2] for r in runs):>9.1f}{runs[0][3]:>6}")
    for jobs in (1, 2):
        print(f"mixed / move-users per file, -j {jobs}: wall {per_file[('mixed', jobs)] / per_file[('batch', jobs)]:.2f}x, "
              f"CPU {cpu_per_file[('mixed', jobs)] / cpu_per_file[('batch', jobs)]:.2f}x")
    print(f"wall times exclude starting a process: {floor * 1000:.1f} ms (/bin/true); medians of {args.reps} runs")


if __name__ == "__main__":
    main()
