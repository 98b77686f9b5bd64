#!/usr/bin/env python3
"""Time from starting the TUI to its first whole frame on the terminal.

    bench/first_frame.py DRAHT [--runs N] [--size COLSxROWS] [--export-json PATH]

Starts DRAHT (no arguments: the TUI, on whatever DRAHT_DB and DRAHT_NOW the
environment names) on a fresh pseudo-terminal of the given size, reads what
it writes, and stops the clock when the first frame is complete: the first
"hide cursor" sequence, which ratatui writes after the last cell of a
frame. Then it kills the process. Prints the median; with --export-json,
writes the runs in hyperfine's JSON layout (times in seconds) so that
bench/compare.sh reports them beside the other commands. Standard library
only.
"""

import argparse
import fcntl
import json
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

FRAME_END = b"\x1b[?25l"
TIMEOUT_S = 10.0


def one_run(binary: str, cols: int, rows: int, env: dict | None = None) -> float:
    """Seconds from start to the first whole frame (`env`: the child's
    environment, by default ours)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def controlling_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    child = subprocess.Popen(
        [binary],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        preexec_fn=controlling_terminal,
        close_fds=True,
        env=env,
    )
    seen = b""
    try:
        while FRAME_END not in seen:
            ready, _, _ = select.select([master], [], [], TIMEOUT_S)
            if not ready:
                raise SystemExit(f"first_frame.py: no frame from {binary} in {TIMEOUT_S:.0f} s")
            # Keep only a tail: the marker may be split across reads.
            seen = seen[-16:] + os.read(master, 1 << 16)
        return time.perf_counter() - start
    finally:
        child.kill()
        child.wait()
        os.close(master)
        os.close(slave)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--export-json")
    parser.add_argument("--name", default="draht (TUI): first frame")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.lower().split("x"))
    one_run(args.binary, cols, rows)  # warm-up
    times = [one_run(args.binary, cols, rows) for _ in range(args.runs)]
    median = statistics.median(times)
    print(
        f"{args.name}: median {median * 1000:.1f} ms, "
        f"min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
        f"({args.runs} runs, {cols}×{rows})",
        file=sys.stderr,
    )
    if args.export_json:
        result = {
            "command": args.name,
            "mean": statistics.fmean(times),
            "median": median,
            "min": min(times),
            "max": max(times),
            "user": None,
            "system": None,
            "times": times,
        }
        with open(args.export_json, "w") as out:
            json.dump({"results": [result]}, out)


if __name__ == "__main__":
    main()
