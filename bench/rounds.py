"""The interleaved rounds every bench shares: bench/compare.py (and so
bench/compare.sh), bench/capture.sh and bench/phone.sh.

On a shared machine wall times drift by ±10 % within minutes, so commands
timed one after the other can differ by more than a change between them.
Here every command takes its turn in each round, after an untimed step
where it needs one (a fresh database, a removed index), so the drift
reaches all of them alike. The first rounds warm the caches and are not
kept. Each run gives its wall time, its CPU time (user + sys: the steadier
figure when other processes compete for the processors) and, where asked,
its peak RSS as GNU time reports it (a child's own rusage would start from
this interpreter's, which Linux carries across exec). Standard library
only.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Callable, Optional


@dataclass
class Case:
    label: str
    # The command; None when `measure` times it.
    argv: Optional[list]
    env: Optional[dict] = None
    # Untimed, before each of its runs (a fresh copy of a database).
    prepare: Optional[Callable[[], None]] = None
    # Fewer timed rounds than the others (a slow peer); None: all of them.
    rounds: Optional[int] = None
    # Peak RSS through GNU time (/usr/bin/time).
    rss: bool = False
    # Times the case itself: returns (wall, cpu or None).
    measure: Optional[Callable[[], tuple]] = None


@dataclass
class Result:
    """A case's timed runs: (wall s, cpu s or None, peak RSS KiB or None)."""

    runs: list

    @property
    def median(self) -> float:
        return statistics.median(r[0] for r in self.runs)

    @property
    def cpu(self) -> Optional[float]:
        cpus = [r[1] for r in self.runs if r[1] is not None]
        return statistics.median(cpus) if cpus else None

    @property
    def rss_kib(self) -> Optional[int]:
        rss = [r[2] for r in self.runs if r[2] is not None]
        return max(rss) if rss else None

    @property
    def rss_mb(self) -> Optional[float]:
        rss = self.rss_kib
        return None if rss is None else rss / 1024


def once(case: Case, tag: str = "bench") -> tuple:
    """One run of `case`; stops the bench with the command's last line of
    error output when it fails."""
    if case.measure is not None:
        wall, cpu = case.measure()
        return wall, cpu, None
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = os.path.join(tmp, "rss")
        err_file = os.path.join(tmp, "err")
        argv = case.argv
        if case.rss:
            argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file, *argv]
        with open(err_file, "wb") as err:
            start = time.perf_counter()
            child = subprocess.Popen(argv, env=case.env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            lines = open(err_file, errors="replace").read().strip().splitlines()
            raise SystemExit(f"{tag}: {case.label} failed ({code}): {(lines or [''])[-1]}")
        rss = int(open(rss_file).read().split()[-1]) if case.rss else None
        return wall, usage.ru_utime + usage.ru_stime, rss


def interleaved(cases: list, runs: int, warmup: int = 1, tag: str = "bench") -> dict:
    """`warmup` rounds, then `runs` timed ones, each case once per round in
    turn. Returns a Result per label."""
    samples = {c.label: [] for c in cases}
    total = warmup + runs
    for r in range(total):
        for c in cases:
            if c.rounds is not None and r >= warmup + c.rounds:
                continue
            if c.prepare is not None:
                c.prepare()
            one = once(c, tag)
            if r >= warmup:
                samples[c.label].append(one)
        print(f"{tag}: round {r + 1} of {total}", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return {label: Result(got) for label, got in samples.items()}


def load() -> str:
    """The load average now, as the tables quote it."""
    return " ".join(f"{v:.2f}" for v in os.getloadavg())
