#!/usr/bin/env python3
"""Interleaved timing of whole commands: each run of every command in turn.

    bench/ab.py RUNS 'COMMAND A' 'COMMAND B' ...

On a shared machine wall times drift by ±10 % within minutes, so two
builds timed one after the other (as hyperfine does) can differ by more
than the change between them. Taking turns exposes every command to the
same drift. Each command runs three times first to warm the caches; then
RUNS rounds. Prints each command's median wall time and median CPU time
(user + sys: the steadier figure when other processes compete for the
processors), each with its ratio to the first command's. Commands are split
like a shell would (shlex), without a shell; their output goes to
/dev/null. Standard library only.
"""

import os
import shlex
import statistics
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    runs = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    if any(not c for c in commands):
        print("ab.py: an empty command; give each as one quoted argument", file=sys.stderr)
        return 2
    try:
        return timed(runs, commands)
    except OSError as e:
        print(f"ab.py: cannot run {e.filename}: {e.strerror}", file=sys.stderr)
        return 2


def sample(argv: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """One run of `argv`: wall seconds, CPU seconds (user + sys) and exit code."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, child.returncode


def timed(runs: int, commands: list[list[str]]) -> int:
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for command in commands:
        for _ in range(3):
            sample(command)
    for _ in range(runs):
        for k, command in enumerate(commands):
            wall, cpu, _ = sample(command)
            walls[k].append(wall * 1000)
            cpus[k].append(cpu * 1000)
    wall0, cpu0 = statistics.median(walls[0]), statistics.median(cpus[0])
    print("    wall (ratio)          cpu (ratio)")
    for k, command in enumerate(commands):
        wall, cpu = statistics.median(walls[k]), statistics.median(cpus[k])
        print(f"{wall:8.2f} ms (x{wall / wall0:.3f})  {cpu:8.2f} ms (x{cpu / cpu0:.3f})  "
              f"{shlex.join(command)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
