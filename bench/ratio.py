#!/usr/bin/env python3
"""Wall time of commands as a ratio to a baseline command (`/bin/true`), measured in the
same run, so that a loaded machine slows both sides alike.

    bench/ratio.py --target 3 -- /bin/true 'kumactl install ...' ...

The first command is the baseline. The measure is done in ROUNDS rounds; in each round
every command runs RUNS times (after a warm-up), one command after the other, and each
command's median is divided by the baseline's median of the same round. The report gives,
per command, the median of those ratios (min and max across rounds show the noise) and
its median time. With hyperfine installed it does the timing (`-N`, no shell); otherwise
the commands are started from Python, alternating run by run.

The exit status is 1 when a median ratio exceeds --target.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def hyperfine_round(commands, runs, warmup):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        # hyperfine's warnings (outliers on a busy machine) would repeat every round.
        done = subprocess.run(
            ["hyperfine", "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
             "--export-json", out.name, *commands],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"hyperfine failed:\n{done.stderr}")
        results = json.load(open(out.name))["results"]
    return [r["median"] for r in results]


def python_round(commands, runs, warmup):
    argvs = [shlex.split(c) for c in commands]
    times = [[] for _ in commands]
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1)]
    for i in range(warmup + runs):
        for j, argv in enumerate(argvs):  # alternate: A B C A B C ...
            start = time.perf_counter()
            pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
            os.waitpid(pid, 0)
            if i >= warmup:
                times[j].append(time.perf_counter() - start)
    os.close(devnull)
    return [statistics.median(t) for t in times]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, required=True, help="the highest allowed ratio")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS", 5)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 40)))
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("commands", nargs="+", help="the baseline first, then the measured commands")
    args = parser.parse_args()
    if len(args.commands) < 2:
        parser.error("give a baseline and at least one command")
    measure = hyperfine_round if shutil.which("hyperfine") else python_round
    medians = [[] for _ in args.commands]
    for _ in range(args.rounds):
        for j, m in enumerate(measure(args.commands, args.runs, args.warmup)):
            medians[j].append(m)
    tool = "hyperfine" if measure is hyperfine_round else "python"
    print(f"{args.rounds} rounds x {args.runs} runs ({tool}); baseline: {args.commands[0]} "
          f"median {statistics.median(medians[0]) * 1000:.2f} ms")
    failed = False
    for j, command in enumerate(args.commands[1:], start=1):
        ratios = [m / b for m, b in zip(medians[j], medians[0])]
        ratio = statistics.median(ratios)
        ok = ratio <= args.target
        failed |= not ok
        print(f"  {ratio:5.2f}x (min {min(ratios):.2f}, max {max(ratios):.2f}; target <= {args.target:g}x "
              f"{'ok' if ok else 'MISSED'})  median {statistics.median(medians[j]) * 1000:.2f} ms  {command}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
