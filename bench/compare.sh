#!/usr/bin/env bash
# Whole-process timings of draht on a synthetic database, side by side with
# the floor (the sqlite3 shell answering the agenda query on the same file)
# and a peer (khard listing the same contacts as a vdir). Prints a markdown
# table of medians, ratios to the floor and peak RSS, then how the agenda's
# cost changes with the size of the touch log.
#
#   bench/compare.sh [--contacts N] [--touches M] [--jourfixe K] [--runs R] [--dir DIR] [--no-scaling]
#
# Needs hyperfine, khard, sqlite3, GNU time and python3 (Debian packages;
# installed when missing and running as root). Builds draht in release mode.
# The TUI's first frame is timed by bench/first_frame.py.
set -euo pipefail
cd "$(dirname "$0")/.."

contacts=10000
touches=1000000
jourfixe=1000
runs=30
scaling=1
work=""
until_day=2026-06-01

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --contacts) contacts=$2; shift 2 ;;
        --touches) touches=$2; shift 2 ;;
        --jourfixe) jourfixe=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --dir) work=$2; shift 2 ;;
        --no-scaling) scaling=0; shift ;;
        -h|--help) usage ;;
        *) echo "compare.sh: unknown argument $1" >&2; usage ;;
    esac
done

# --- tools -----------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v khard >/dev/null 2>&1 || missing+=(khard)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "compare.sh: please install ${missing[*]} (Debian packages), then run again" >&2
        exit 1
    fi
    echo "compare.sh: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build and data ----------------------------------------------------------
cargo build --release --quiet --bin draht --example synth
root=$(pwd)
draht="$root/target/release/draht"
synth="$root/target/release/examples/synth"

if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/config"

make_db() { # PATH TOUCHES [VDIR]
    [ -f "$1" ] && return 0
    local vdir=()
    [ $# -ge 3 ] && vdir=(--vdir "$3")
    "$synth" --db "$1" --contacts "$contacts" --touches "$2" --jourfixe "$jourfixe" \
        --until "$until_day" "${vdir[@]}" >&2
}

db="$work/draht-$contacts-$touches-$jourfixe.db"
make_db "$db" "$touches" "$work/vdir"
cat > "$work/khard.conf" <<EOF
[addressbooks]
[[synth]]
path = $work/vdir

[general]
debug = no
default_action = list
editor = vi
merge_editor = vimdiff

[contact table]
display = formatted_name
EOF
sed "s/:today/'$until_day'/g" bench/agenda.sql > "$work/agenda.sql"

export DRAHT_DB="$db" DRAHT_NOW="$until_day" TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
name=$(sqlite3 "$db" "SELECT name FROM contacts WHERE archived = 0 ORDER BY id LIMIT 1 OFFSET $((contacts * 4 / 10))")

labels=(
    "draht today"
    "draht today --json"
    "draht log NAME call"
    "draht show NAME"
    "draht list"
)
commands=(
    "$draht today"
    "$draht today --json"
    "$draht log '$name' call"
    "$draht show '$name'"
    "$draht list"
)
if "$draht" export --help >/dev/null 2>&1; then
    labels+=("draht export json")
    commands+=("$draht export json")
fi
labels+=("floor: sqlite3 agenda query" "peer: khard list")
commands+=(
    "sqlite3 -readonly $db -cmd '.read $work/agenda.sql' .quit"
    "khard -c $work/khard.conf list"
)

# --- timings -----------------------------------------------------------------
# One hyperfine per command; khard takes seconds per run, so it gets three.
: > "$work/times.tsv"
for i in "${!labels[@]}"; do
    n=$runs
    case "${labels[$i]}" in peer:*) n=3 ;; esac
    hyperfine -N --style none --warmup 1 --runs "$n" --export-json "$work/time-$i.json" \
        -n "${labels[$i]}" "${commands[$i]}" >&2
    printf '%s\n' "$work/time-$i.json" >> "$work/times.tsv"
done

# The TUI: from start to its first whole frame on a 200×50 pseudo-terminal.
python3 bench/first_frame.py "$draht" --runs "$runs" --export-json "$work/time-tui.json"
printf '%s\n' "$work/time-tui.json" >> "$work/times.tsv"

# Peak RSS: the largest of three runs, in KiB.
: > "$work/rss.txt"
for i in "${!labels[@]}"; do
    peak=0
    for _ in 1 2 3; do
        kib=$(eval "/usr/bin/time -f %M ${commands[$i]}" 2>&1 >/dev/null | tail -1)
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    printf '%s\t%s\n' "${labels[$i]}" "$peak" >> "$work/rss.txt"
done

# --- scaling: the agenda at 100k / 1M / 5M touches ----------------------------
: > "$work/scaling.tsv"
if [ "$scaling" -eq 1 ]; then
    for t in 100000 1000000 5000000; do
        sdb="$work/draht-$contacts-$t-$jourfixe.db"
        make_db "$sdb" "$t"
        DRAHT_DB="$sdb" hyperfine -N --style none --warmup 1 --runs "$runs" \
            --export-json "$work/scale-$t.json" "$draht today --json" >&2
        printf '%s\t%s\n' "$t" "$work/scale-$t.json" >> "$work/scaling.tsv"
    done
fi

# --- report ------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work" "$contacts" "$touches" "$jourfixe" "$(nproc)" "$cpu" "$mem" "$load" <<'PY'
import json, sys
work, contacts, touches, jourfixe, nproc, cpu, mem, load = sys.argv[1:]
targets = {
    "draht today": "≤ 10 ms, ≤ 25 MB",
    "draht today --json": "≤ 10 ms, ≤ 25 MB",
    "draht log NAME call": "≤ 10 ms",
    "draht show NAME": "≤ 10 ms",
    "draht list": "≤ 40 ms",
    "draht export json": "≤ 2 s",
    "draht (TUI): first frame": "≤ 50 ms",
}
rss = dict(line.rstrip("\n").split("\t") for line in open(f"{work}/rss.txt"))
results = [json.load(open(path.strip()))["results"][0] for path in open(f"{work}/times.tsv")]
ms = lambda s: s * 1000
floor = next(r["median"] for r in results if r["command"].startswith("floor"))
print(f"{int(contacts):,} contacts, {int(touches):,} touches, {int(jourfixe):,} Jour fixe; "
      f"{nproc} CPUs ({cpu}), {mem} RAM; "
      f"load average at the end {load}.\n")
print("| command | median | user + sys | peak RSS | × floor | target |")
print("|---|---:|---:|---:|---:|---|")
for r in results:
    name = r["command"]
    # The TUI run is killed after its first frame: no CPU or RSS figure.
    cpu = "—" if r["user"] is None else f"{ms(r['user'] + r['system']):.1f} ms"
    peak = f"{int(rss[name]) / 1024:.1f} MB" if name in rss else "—"
    print(f"| `{name}` | {ms(r['median']):.1f} ms | {cpu} | "
          f"{peak} | {r['median'] / floor:.2f} | {targets.get(name, '')} |")
rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/scaling.tsv")]
if rows:
    print(f"\n`draht today --json` at {int(contacts):,} contacts by size of the touch log:\n")
    print("| touches | median | user + sys | × 100k |")
    print("|---:|---:|---:|---:|")
    base = None
    for t, path in rows:
        r = json.load(open(path))["results"][0]
        base = base or r["median"]
        print(f"| {int(t):,} | {ms(r['median']):.1f} ms | {ms(r['user'] + r['system']):.1f} ms | "
              f"{r['median'] / base:.2f} |")
PY
bench/capture.sh --dir "$work" # draht capture on a 100,000-message mailbox: its own table
bench/status.sh --runs "$runs"
