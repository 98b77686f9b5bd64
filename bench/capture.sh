#!/usr/bin/env bash
# `draht capture` on a synthetic mailbox (examples/synth-mail: a maildir and
# an mbox of the same messages, 30 % lists, threads, 2,000 correspondents,
# half of them contacts), side by side with the floor (`mail-parser` alone
# iterating the same files with its own readers: examples/mail-floor) and a
# peer (`notmuch new` indexing the same maildir). Every command takes its
# turn in each round (the machine is shared; drift hits all alike), with an
# untimed step before it where it needs one (a fresh database, a removed
# notmuch index). Prints a markdown table of medians, CPU, peak RSS and the
# ratios the targets are stated in.
#
#   bench/capture.sh [--messages N] [--runs R] [--peer-runs P] [--dir DIR]
#
# Needs notmuch, sqlite3, GNU time and python3 (Debian packages; installed when
# missing and running as root). Builds draht in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=100000
runs=5
peer_runs=2
work=""

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --messages) messages=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --peer-runs) peer_runs=$2; shift 2 ;;
        --dir) work=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "capture.sh: unknown argument $1" >&2; usage ;;
    esac
done

missing=()
command -v notmuch >/dev/null 2>&1 || missing+=(notmuch)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "capture.sh: please install ${missing[*]} (Debian packages), then run again" >&2
        exit 1
    fi
    echo "capture.sh: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin draht --example synth-mail --example mail-floor
root=$(pwd)
draht="$root/target/release/draht"
synth="$root/target/release/examples/synth-mail"
floor="$root/target/release/examples/mail-floor"

if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
until_day=2026-06-01
data="$work/mail-$messages"
if [ ! -d "$data/maildir" ]; then
    mkdir -p "$data"
    "$synth" --out "$data" --messages "$messages" --until "$until_day" >&2
fi

export DRAHT_NOW="$until_day" TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME/draht"
cp "$data/config.toml" "$XDG_CONFIG_HOME/draht/config.toml"

# The contacts, once; each first capture starts from a copy of this file.
base="$work/base.db"
if [ ! -f "$base" ]; then
    DRAHT_DB="$base" "$draht" import "$data/contacts.csv" >/dev/null
    sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi
# The re-run databases: captured once, then left until their folders'
# times are old enough to be trusted as watermarks (2 s).
for kind in maildir mbox; do
    db="$work/rerun-$kind.db"
    if [ ! -f "$db" ]; then
        cp "$base" "$db"
        src="$data/maildir"
        [ "$kind" = mbox ] && src="$data/mail.mbox"
        DRAHT_DB="$db" "$draht" capture "$src" >/dev/null
    fi
done
sleep 3

cat > "$work/notmuch-config" <<EOF
[database]
path=$work/notmuch-db
mail_root=$data/maildir
[user]
name=Alex Example
primary_email=alex.example@example.org
[new]
tags=unread;inbox;
[maildir]
synchronize_flags=false
EOF

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
python3 - "$work" "$data" "$draht" "$floor" "$base" "$runs" "$peer_runs" "$messages" "$(nproc)" "$cpu" <<'PY'
import os, shutil, sys

sys.path.insert(0, "bench")
from rounds import Case, interleaved, load

work, data, draht, floor, base, runs, peer_runs, messages, nproc, cpu = sys.argv[1:]
runs, peer_runs = int(runs), int(peer_runs)
maildir, mbox = f"{data}/maildir", f"{data}/mail.mbox"

def fresh_db():
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(f"{work}/run.db{suffix}")
        except FileNotFoundError:
            pass
    shutil.copy(base, f"{work}/run.db")

def no_index():
    shutil.rmtree(f"{work}/notmuch-db", ignore_errors=True)
    os.makedirs(f"{work}/notmuch-db")

env = dict(os.environ)
run_db = {**env, "DRAHT_DB": f"{work}/run.db"}
cases = [
    Case("floor: mail-parser, maildir", [floor, "maildir", maildir], env, rounds=runs, rss=True),
    Case("draht capture maildir (first)", [draht, "capture", maildir], run_db, fresh_db,
         rounds=runs, rss=True),
    Case("draht capture maildir (unchanged)", [draht, "capture", maildir],
         {**env, "DRAHT_DB": f"{work}/rerun-maildir.db"}, rounds=runs, rss=True),
    Case("floor: mail-parser, mbox", [floor, "mbox", mbox], env, rounds=runs, rss=True),
    Case("draht capture mbox (first)", [draht, "capture", mbox], run_db, fresh_db,
         rounds=runs, rss=True),
    Case("draht capture mbox (unchanged)", [draht, "capture", mbox],
         {**env, "DRAHT_DB": f"{work}/rerun-mbox.db"}, rounds=runs, rss=True),
    Case("peer: notmuch new, maildir", ["notmuch", "new", "--quiet"],
         {**env, "NOTMUCH_CONFIG": f"{work}/notmuch-config"}, no_index, rounds=peer_runs, rss=True),
]
# One warm-up round (page cache), then the timed rounds in turn.
results = interleaved(cases, max(runs, peer_runs), warmup=1, tag="capture.sh")

def median(label, i=0):
    return results[label].median if i == 0 else results[label].cpu

targets = {
    "draht capture maildir (first)": "≤ 1.5 × floor, ≥ 3 × faster than notmuch, ≤ 64 MB",
    "draht capture mbox (first)": "≤ 1.5 × floor, ≥ 3 × faster than notmuch, ≤ 64 MB",
    "draht capture maildir (unchanged)": "≤ 200 ms",
    "draht capture mbox (unchanged)": "≤ 200 ms",
}
floors = {"maildir": "floor: mail-parser, maildir", "mbox": "floor: mail-parser, mbox"}
print(f"{int(messages):,} messages; {nproc} CPUs ({cpu}); load average at the end {load()}; "
      f"medians of {runs} interleaved rounds ({peer_runs} for notmuch).\n")
print("| command | median | user + sys | peak RSS | × floor | target |")
print("|---|---:|---:|---:|---:|---|")
for c in cases:
    label = c.label
    wall, cpu_s, rss = median(label), median(label, 1), results[label].rss_mb
    kind = "mbox" if "mbox" in label else "maildir"
    ratio = wall / median(floors[kind])
    print(f"| `{label}` | {wall * 1000:.0f} ms | {cpu_s * 1000:.0f} ms | {rss:.1f} MB | "
          f"{ratio:.2f} | {targets.get(label, '')} |")
nm = median("peer: notmuch new, maildir")
print()
for kind in ("maildir", "mbox"):
    first = results[f"draht capture {kind} (first)"]
    unchanged = median(f"draht capture {kind} (unchanged)")
    ratio = first.median / median(floors[kind])
    print(f"- **{'PASS' if ratio <= 1.5 else 'FAIL'}** {kind}, first capture ≤ 1.5 × the floor: "
          f"{ratio:.2f} × (CPU {first.cpu / median(floors[kind], 1):.2f} ×)")
    print(f"- **{'PASS' if nm / first.median >= 3 else 'FAIL'}** {kind}, first capture ≥ 3 × faster "
          f"than notmuch new (on the maildir): {nm / first.median:.1f} ×")
    print(f"- **{'PASS' if unchanged <= 0.2 else 'FAIL'}** {kind}, unchanged re-run ≤ 200 ms: "
          f"{unchanged * 1000:.0f} ms")
    print(f"- **{'PASS' if first.rss_mb <= 64 else 'FAIL'}** {kind}, peak RSS ≤ 64 MB: "
          f"{first.rss_mb:.1f} MB")
PY
