#!/usr/bin/env python3
"""The timings behind bench/compare.sh (which builds the binaries and runs this).

    bench/compare.py --draht PATH --synth PATH [--contacts N] [--touches M]
        [--jourfixe K] [--runs R] [--mix both|realistic|stress] [--dir DIR]
        [--no-scaling]

Makes a synthetic database of each mix (examples/synth; realistic: its own
count of Jour fixe, stress: --jourfixe), then times whole runs of draht on
both, side by side with the floor (the sqlite3 shell answering the agenda
query of bench/agenda.sql, the check-ins, on the same file), the whole
agenda's floor (bench/agenda.sql with bench/agenda_rest.sql: follow-ups
and birthdays too) and a peer (khard listing the same contacts as a vdir). Every command runs once per round, in turn, so
that the drift of a shared machine reaches all of them alike; the TUI's
first frame is timed as bench/first_frame.py does. Prints markdown: medians
with their ratio to the floor of the same mix, CPU time and peak RSS, the
budget of issue 15 as pass/fail lines, and how `today --json` scales with
the touch log. Standard library only.
"""

import argparse
import os
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_frame  # noqa: E402
from ab import sample  # noqa: E402
from rounds import Case, interleaved  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-06-01"
MIXES = ("realistic", "stress")
FLOOR = "floor: sqlite3 agenda query"
WHOLE = "floor: sqlite3 whole agenda (+ follow-ups, birthdays)"
TUI = "draht (TUI): first frame"
KHARD = "peer: khard list"
TARGETS = {
    "draht today": "≤ 0.75 × floor, ≤ 25 MB",
    "draht today --json": "",
    "draht log NAME call": "≤ 10 ms",
    "draht show NAME": "≤ 10 ms",
    "draht list": "≤ khard list / 100",
    "draht export json": "≤ 2 s",
    TUI: "≤ 50 ms",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draht", required=True)
    parser.add_argument("--synth", required=True)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--touches", type=int, default=1_000_000)
    parser.add_argument("--jourfixe", type=int, default=1_000, help="Jour fixe of the stress mix")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--mix", choices=("both",) + MIXES, default="both")
    parser.add_argument("--dir", help="keep the databases here (and reuse them)")
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args()
    mixes = MIXES if args.mix == "both" else (args.mix,)
    if args.dir:
        work = Path(args.dir)
        work.mkdir(parents=True, exist_ok=True)
        return run(args, mixes, work)
    with tempfile.TemporaryDirectory() as tmp:
        return run(args, mixes, Path(tmp))


def run(args, mixes, work: Path) -> int:
    (work / "config").mkdir(exist_ok=True)
    load_start = os.getloadavg()
    dbs = {mix: make_db(args, work, mix, args.touches, vdir=(mix == mixes[-1])) for mix in mixes}
    khard_conf = write_khard_conf(work, work / f"vdir-{mixes[-1]}")
    commands = []  # (mix, label, argv, env)
    for mix in mixes:
        env = environment(work, dbs[mix])
        sql = work / f"agenda-{mix}.sql"
        checkins = (ROOT / "bench/agenda.sql").read_text().replace(":today", f"'{NOW}'")
        sql.write_text(checkins)
        whole = work / f"agenda-whole-{mix}.sql"
        rest = (ROOT / "bench/agenda_rest.sql").read_text().replace(":today", f"'{NOW}'")
        whole.write_text(checkins + rest)
        name = log_name(dbs[mix], args.contacts)
        d = args.draht
        for label, argv in [
            ("draht today", [d, "today"]),
            ("draht today --json", [d, "today", "--json"]),
            ("draht log NAME call", [d, "log", name, "call"]),
            ("draht show NAME", [d, "show", name]),
            ("draht list", [d, "list"]),
            ("draht export json", [d, "export", "json"]),
            (FLOOR, ["sqlite3", "-readonly", str(dbs[mix]), "-cmd", f".read {sql}", ".quit"]),
            (WHOLE, ["sqlite3", "-readonly", str(dbs[mix]), "-cmd", f".read {whole}", ".quit"]),
            (TUI, None),
        ]:
            commands.append((mix, label, argv, env))
    busy = Busy()
    results = rounds(commands, args.runs, args.draht)
    for mix, label, argv, env in commands:
        if argv is not None:
            results[mix, label]["rss"] = peak_rss(argv, env)
    # khard takes seconds per run: three runs after the rounds.
    khard_env = environment(work, dbs[mixes[-1]])
    khard = [run_once(["khard", "-c", str(khard_conf), "list"], khard_env) for _ in range(4)][1:]
    other = busy.others()
    scaling = {}
    if not args.no_scaling:
        scaling = scale(args, work, mixes)
    report(args, mixes, results, khard, load_start, other, scaling)
    return 0


def make_db(args, work: Path, mix: str, touches: int, vdir: bool = False) -> Path:
    jourfixe = args.jourfixe if mix == "stress" else None
    db = work / f"draht-{mix}-{args.contacts}-{touches}-{jourfixe or 'default'}.db"
    cards = work / f"vdir-{mix}"
    if db.exists() and (not vdir or cards.exists()):
        return db
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    argv = [args.synth, "--db", str(db), "--contacts", str(args.contacts),
            "--touches", str(touches), "--now", NOW]
    if mix == "stress":
        argv += ["--stress", "--jourfixe", str(jourfixe)]
    if vdir:
        argv += ["--vdir", str(cards)]
    subprocess.run(argv, check=True)
    return db


def write_khard_conf(work: Path, vdir: Path) -> Path:
    conf = work / "khard.conf"
    conf.write_text(
        f"[addressbooks]\n[[synth]]\npath = {vdir}\n\n[general]\ndebug = no\n"
        "default_action = list\neditor = vi\nmerge_editor = vimdiff\n\n"
        "[contact table]\ndisplay = formatted_name\n"
    )
    return conf


def environment(work: Path, db: Path) -> dict:
    env = dict(os.environ)
    env.update(DRAHT_DB=str(db), DRAHT_NOW=NOW, TZ="UTC", NO_COLOR="1",
               XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    return env


def log_name(db: Path, contacts: int) -> str:
    """An active contact four tenths into the file, as in earlier rounds."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT name FROM contacts WHERE archived = 0 ORDER BY id LIMIT 1 OFFSET ?",
            (contacts * 4 // 10,),
        ).fetchone()
    return row[0]


def peak_rss(argv, env) -> int:
    """The largest peak RSS of three runs, in KiB, as GNU time reports it.
    (A child of this process would count the interpreter it was forked
    from, since Linux carries the high-water mark across exec.)"""
    peak = 0
    for _ in range(3):
        out = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], env=env, check=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).stderr
        peak = max(peak, int(out.decode().strip().splitlines()[-1]))
    return peak


def run_once(argv, env):
    """One run (bench/ab.py's `sample`): wall and CPU seconds; stops with
    the command's last line of error output if it fails."""
    wall, cpu, code = sample(argv, env)
    if code != 0:
        err = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        line = err.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise SystemExit(f"compare.py: {shlex.join(argv)} failed ({code}): {line[0]}")
    return wall, cpu


def rounds(commands, runs: int, draht: str):
    """Each command once per round, in turn (bench/rounds.py, the loop
    capture.sh and phone.sh share); three rounds of warm-up first."""
    cases = []
    for k, (mix, label, argv, env) in enumerate(commands):
        if argv is None:
            def frame(env=env):
                return first_frame.one_run(draht, 200, 50, env), None
            cases.append(Case(str(k), None, env, measure=frame))
        else:
            cases.append(Case(str(k), argv, env))
    got = interleaved(cases, runs, warmup=3, tag="compare.py")
    results = {}
    for k, (mix, label, _, _) in enumerate(commands):
        r = got[str(k)]
        results[mix, label] = {"median": r.median, "cpu": r.cpu, "rss": None}
    return results


class Busy:
    """How much of the machine other processes took while this ran: all
    busy CPU time (from /proc/stat) less that of our own children."""

    def __init__(self):
        self.start = time.monotonic(), busy_seconds(), children_seconds()

    def others(self):
        wall0, busy0, ours0 = self.start
        wall = time.monotonic() - wall0
        theirs = (busy_seconds() - busy0) - (children_seconds() - ours0)
        return max(0.0, theirs) / (wall * os.cpu_count())


def busy_seconds() -> float:
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def children_seconds() -> float:
    t = os.times()
    return t.children_user + t.children_system


def scale(args, work: Path, mixes):
    """`today --json` at 100k, 1M and 5M touches, interleaved."""
    commands = []
    for mix in mixes:
        for touches in (100_000, 1_000_000, 5_000_000):
            db = make_db(args, work, mix, touches)
            commands.append((mix, touches, [args.draht, "today", "--json"], environment(work, db)))
    return rounds(commands, args.runs, args.draht)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"


def report(args, mixes, results, khard, load_start, other, scaling):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), "unknown CPU")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load_end = os.getloadavg()
    jf = {"realistic": "one Jour fixe per 250 contacts", "stress": f"{args.jourfixe:,} Jour fixe"}
    print(f"{args.contacts:,} contacts and {args.touches:,} touches per mix "
          f"({'; '.join(f'{m}: {jf[m]}' for m in mixes)}); {args.runs} interleaved rounds; "
          f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GiB RAM; load average "
          f"{load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end; other "
          f"processes kept {other:.0%} of the CPUs busy during the rounds.\n")
    labels = list(dict.fromkeys(label for (_, label) in results))
    floor = {m: results[m, FLOOR]["median"] for m in mixes}
    khard_median = statistics.median(s[0] for s in khard)

    head = "| command |" + "".join(f" {m} | × floor |" for m in mixes) + " target |"
    print(head)
    print("|---|" + "---:|---:|" * len(mixes) + "---|")
    for label in labels:
        cells = "".join(f" {ms(results[m, label]['median'])} | "
                        f"{results[m, label]['median'] / floor[m]:.2f} |" for m in mixes)
        print(f"| `{label}` |{cells} {TARGETS.get(label, '')} |")
    print(f"| `{KHARD}` ({args.contacts:,} cards, 3 runs) | {ms(khard_median)} |"
          + " |" * (2 * len(mixes) - 1) + " |")

    print("\nCPU time (user + sys, median; steadier than wall time on a busy "
          "machine) with its ratio to the floor's, and peak RSS (largest of three runs):\n")
    print("| command |" + "".join(f" {m} CPU | × floor | RSS |" for m in mixes))
    print("|---|" + "---:|---:|---:|" * len(mixes))
    for label in labels:
        if label == TUI:
            continue  # killed after its first frame: no CPU or RSS figure
        cells = "".join(f" {ms(results[m, label]['cpu'])} | "
                        f"{results[m, label]['cpu'] / results[m, FLOOR]['cpu']:.2f} | "
                        f"{results[m, label]['rss'] / 1024:.1f} MB |" for m in mixes)
        print(f"| `{label}` |{cells}")

    print("\nBudget (issue 15), this run:\n")
    checks = [
        ("`draht today` ≤ 0.75 × the floor",
         {m: results[m, "draht today"]["median"] / floor[m] for m in mixes},
         lambda v: v <= 0.75, lambda v: f"{v:.2f}"),
        ("`draht list` ≥ 100 × faster than `khard list`",
         {m: khard_median / results[m, "draht list"]["median"] for m in mixes},
         lambda v: v >= 100, lambda v: f"{v:.0f} ×"),
        ("TUI first frame ≤ 50 ms",
         {m: results[m, TUI]["median"] for m in mixes},
         lambda v: v <= 0.050, ms),
        ("`draht export json` ≤ 2 s",
         {m: results[m, "draht export json"]["median"] for m in mixes},
         lambda v: v <= 2.0, ms),
        ("`draht log` and `draht show` ≤ 10 ms, `draht today` ≤ 25 MB (issue 6)",
         {m: (results[m, "draht log NAME call"]["median"], results[m, "draht show NAME"]["median"],
              results[m, "draht today"]["rss"]) for m in mixes},
         lambda v: v[0] <= 0.010 and v[1] <= 0.010 and v[2] <= 25 * 1024,
         lambda v: f"{ms(v[0])}, {ms(v[1])}, {v[2] / 1024:.1f} MB"),
    ]
    for text, values, ok, show in checks:
        verdict = "PASS" if all(ok(v) for v in values.values()) else "FAIL"
        print(f"- **{verdict}** {text}: "
              + ", ".join(f"{m} {show(v)}" for m, v in values.items()))
    print("\nFor reading the first line: `draht today` against the whole agenda's floor "
          + ", ".join(f"{m} {results[m, 'draht today']['median'] / results[m, WHOLE]['median']:.2f}"
                      for m in mixes)
          + "; in CPU time against the floor "
          + ", ".join(f"{m} {results[m, 'draht today']['cpu'] / results[m, FLOOR]['cpu']:.2f}"
                      for m in mixes) + ".")

    if scaling:
        print(f"\n`draht today --json` at {args.contacts:,} contacts by size of the touch log:\n")
        print("| touches |" + "".join(f" {m} | × 100k |" for m in mixes))
        print("|---:|" + "---:|---:|" * len(mixes))
        for touches in (100_000, 1_000_000, 5_000_000):
            cells = "".join(f" {ms(scaling[m, touches]['median'])} | "
                            f"{scaling[m, touches]['median'] / scaling[m, 100_000]['median']:.2f} |"
                            for m in mixes)
            print(f"| {touches:,} |{cells}")


if __name__ == "__main__":
    sys.exit(main())
