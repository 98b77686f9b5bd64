#!/usr/bin/env bash
# Whole-process timings of `draht status` (it runs every few seconds from a
# status bar; target ≤ 5 ms) on a synthetic database of 2,000 contacts,
# beside the floor of starting a process that opens the same file
# (`sqlite3` counting the contacts). Prints a markdown table of medians,
# user + sys CPU time and the ratio to the floor.
#
#   bench/status.sh [--contacts N] [--touches M] [--jourfixe K] [--runs R] [--dir DIR]
#
# Needs hyperfine, sqlite3 and python3; builds draht and examples/synth in
# release mode. Timings taken while other builds run are noisy: the user +
# sys column and the ratio to the floor, measured in the same run, say more.
set -euo pipefail
cd "$(dirname "$0")/.."

contacts=2000
touches=200000
jourfixe=""
runs=50
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
        -h|--help) usage ;;
        *) echo "status.sh: unknown argument $1" >&2; usage ;;
    esac
done

for tool in hyperfine sqlite3 python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "status.sh: please install $tool (Debian package $tool), then run again" >&2
        exit 1
    }
done

cargo build --release --quiet --bin draht --example synth
root=$(pwd)
draht="$root/target/release/draht"
synth="$root/target/release/examples/synth"
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/config"

db="$work/status-$contacts-$touches-${jourfixe:-default}.db"
if [ ! -f "$db" ]; then
    # synth's default mix: the realistic one where synth has --now (a
    # handful due at 2,000 contacts), else the stress mix
    jf_arg=()
    [ -n "$jourfixe" ] && jf_arg=(--jourfixe "$jourfixe")
    "$synth" --db "$db" --contacts "$contacts" --touches "$touches" --until "$until_day" \
        "${jf_arg[@]}" >&2
fi

export DRAHT_DB="$db" DRAHT_NOW="${until_day}T09:50:00Z" TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
unset XDG_RUNTIME_DIR
"$draht" status >&2
"$draht" status --format waybar >&2

# A status bar's run: the answer remembered from the run before (the
# database and the minute unchanged) ...
hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$work/status.json" \
    -n "draht status" "$draht status" \
    -n "draht status --format waybar" "$draht status --format waybar" \
    -n "draht status --format i3status-rust" "$draht status --format i3status-rust" \
    -n "floor: sqlite3 count" "sqlite3 -readonly $db 'SELECT count(*) FROM contacts'" >&2
# ... and the run after a change, which computes the agenda.
hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$work/status-computed.json" \
    --prepare "rm -rf $work/cache" \
    -n "draht status (computed)" "$draht status" >&2

load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work/status.json" "$work/status-computed.json" "$contacts" "$touches" "$jourfixe" "$(nproc)" "$load" <<'PY'
import json, sys
path, computed, contacts, touches, jourfixe, nproc, load = sys.argv[1:]
results = json.load(open(path))["results"] + json.load(open(computed))["results"]
floor = next(r["median"] for r in results if r["command"].startswith("floor"))
print(f"\n`draht status` at {int(contacts):,} contacts, {int(touches):,} touches, "
      f"{jourfixe or 'the default number of'} Jour fixe; {nproc} CPUs, load average {load}.\n")
print("| command | median | user + sys | × floor | target |")
print("|---|---:|---:|---:|---|")
for r in results:
    name = r["command"]
    # the target holds for a status bar's every-few-seconds run; the
    # computed one comes once a minute, or after a change
    target = "" if name.startswith("floor") or "computed" in name else "≤ 5 ms"
    print(f"| `{name}` | {r['median'] * 1000:.1f} ms | {(r['user'] + r['system']) * 1000:.1f} ms | "
          f"{r['median'] / floor:.2f} | {target} |")
PY
