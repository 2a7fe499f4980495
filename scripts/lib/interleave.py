#!/usr/bin/env python3
"""Times whole processes, interleaved: the benchmark scripts' runner.

    interleave.py --runs N [--warmup W] [--prepare CMD] --json OUT NAME=COMMAND ...

Every round runs each case once, in a new random order (seeded, so rounds
repeat between runs of the script), after CMD (run through sh, untimed).
Run one case after another, as hyperfine does, a case measured while the
machine was busier looks slower; interleaved, load that comes and goes falls
on every case alike. For each run it records the wall time and, from
wait4(2), the CPU time (user + system) and minor page faults of that child
alone; it reports the median of each, per case.

COMMAND is split as a shell would split it (shlex), without a shell: a
leading VAR=value sets the child's environment, as with env(1) but without
starting env. OUT is JSON shaped like hyperfine's (results[].command and
.median, in seconds), plus cpu_median (seconds) and faults_median.
"""
import argparse
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def parse_case(spec):
    name, sep, command = spec.partition("=")
    if not sep or not name or not command:
        sys.exit(f"interleave: a case is NAME=COMMAND, not {spec!r}")
    words = shlex.split(command)
    env = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith("="):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    if not words:
        sys.exit(f"interleave: case {name} has no command")
    return name, words, env


def run_once(argv, env):
    # stderr goes to a file, not a pipe: a child that wrote more than a
    # pipe holds would block, with wait4 waiting for it.
    with tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errf)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        # Reaped here, for its rusage: Popen must not wait for it again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errf.seek(0)
            err = errf.read().decode(errors="replace")
            sys.exit(f"interleave: {shlex.join(argv)} exited {proc.returncode}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_minflt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--prepare", default="")
    ap.add_argument("--json", required=True)
    ap.add_argument("cases", nargs="+")
    args = ap.parse_args()
    cases = [parse_case(c) for c in args.cases]
    order = random.Random(1)
    samples = {name: [] for name, _, _ in cases}
    for round_ in range(args.warmup + args.runs):
        for name, argv, env in order.sample(cases, len(cases)):
            if args.prepare:
                subprocess.run(args.prepare, shell=True, check=True)
            sample = run_once(argv, env)
            if round_ >= args.warmup:
                samples[name].append(sample)
    results = []
    for name, _, _ in cases:
        s = samples[name]
        results.append({
            "command": name,
            "median": statistics.median(x[0] for x in s),
            "cpu_median": statistics.median(x[1] for x in s),
            "faults_median": statistics.median(x[2] for x in s),
        })
    with open(args.json, "w") as f:
        json.dump({"runs": args.runs, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
