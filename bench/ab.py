#!/usr/bin/env python3
"""Interleaved timing of whole commands: each run of every command in turn.

    bench/ab.py RUNS 'COMMAND A' 'COMMAND B' ...

On a shared machine wall times drift by ±10 % within minutes, so two
builds timed one after the other (as hyperfine does) can differ by more
than the change between them. Taking turns exposes every command to the
same drift. Each command runs three times first to warm the caches; then
RUNS rounds. Prints each command's median and its ratio to the first one.
Commands are split like a shell would (shlex), without a shell; their
output goes to /dev/null. Standard library only.
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


def timed(runs: int, commands: list[list[str]]) -> int:
    times: list[list[float]] = [[] for _ in commands]
    with open(os.devnull, "wb") as null:
        for command in commands:
            for _ in range(3):
                subprocess.run(command, stdout=null, stderr=null, check=False)
        for _ in range(runs):
            for k, command in enumerate(commands):
                start = time.perf_counter()
                subprocess.run(command, stdout=null, stderr=null, check=False)
                times[k].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times[0])
    for k, command in enumerate(commands):
        median = statistics.median(times[k])
        print(f"{median:8.2f} ms  (x{median / base:.3f})  {shlex.join(command)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
