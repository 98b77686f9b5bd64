#!/usr/bin/env bash
# Whole-process timings of draht on synthetic databases of both mixes
# (realistic and stress, examples/synth), side by side with the floor (the
# sqlite3 shell answering the agenda query on the same file) and a peer
# (khard listing the same contacts as a vdir), in interleaved rounds.
# Prints markdown: medians and ratios to the floor, CPU and peak RSS, the
# budget of issue 15 as PASS/FAIL lines, and how `today --json` scales with
# the touch log. docs/performance.md keeps the record.
#
#   bench/compare.sh [--contacts N] [--touches M] [--jourfixe K] [--runs R]
#                    [--mix both|realistic|stress] [--dir DIR] [--no-scaling]
#                    [--draht PATH] [--synth PATH]
#
# Builds draht and the generator in release mode unless --draht / --synth
# name binaries to use; without --draht it then runs bench/capture.sh,
# bench/phone.sh, bench/status.sh and bench/sync.sh too.
# --dir keeps the databases (and capture.sh's and phone.sh's data, in
# DIR/capture and DIR/phone) for the next run.
# --jourfixe is the stress mix's count (the realistic one has one per 250
# contacts). Needs khard, sqlite3, python3, GNU time, (for status.sh)
# hyperfine, (for capture.sh) notmuch and (for phone.sh) libxml2-utils
# (Debian packages; installed when missing and running as root).
# The generator's own check (each mix gives the agenda it promises) runs in
# `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

draht=""
synth=""
runs=30
dir=""
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --draht) draht=$2; shift 2 ;;
        --synth) synth=$2; shift 2 ;;
        --runs) runs=$2; pass+=("$1" "$2"); shift 2 ;;
        --dir) dir=$2; pass+=("$1" "$2"); shift 2 ;;
        --contacts|--touches|--jourfixe|--mix) pass+=("$1" "$2"); shift 2 ;;
        --no-scaling) pass+=("$1"); shift ;;
        -h|--help) usage ;;
        *) echo "compare.sh: unknown argument $1" >&2; usage ;;
    esac
done

# --- tools -----------------------------------------------------------------
missing=()
command -v khard >/dev/null 2>&1 || missing+=(khard)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
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

# --- build -------------------------------------------------------------------
given_draht=$draht
targets=()
[ -n "$draht" ] || targets+=(--bin draht)
[ -n "$synth" ] || targets+=(--example synth)
if [ ${#targets[@]} -gt 0 ]; then
    cargo build --release --quiet "${targets[@]}"
fi
draht=${draht:-$(pwd)/target/release/draht}
synth=${synth:-$(pwd)/target/release/examples/synth}

python3 bench/compare.py --draht "$draht" --synth "$synth" "${pass[@]}"

# `draht capture` (mail and the phone's exports), `draht status` (a
# status bar's run) and `draht sync` have their own scripts and data;
# capture and phone share the interleaved rounds of bench/rounds.py; they
# time the binary they build, so only when no --draht was given.
if [ -z "$given_draht" ]; then
    echo
    keep=()
    [ -z "$dir" ] || { mkdir -p "$dir/capture" "$dir/phone"; keep=(--dir "$dir/capture"); }
    bench/capture.sh "${keep[@]}" # draht capture on a 100,000-message mailbox
    echo
    [ -z "$dir" ] || keep=(--dir "$dir/phone")
    bench/phone.sh "${keep[@]}" # draht capture on a 1M-text SMS backup
    echo
    bench/status.sh --runs "$runs"
    echo
    # draht sync at 10,000 contacts and 100,000 touches: its own table;
    # vdirsyncer beside it at 200 contacts and 1,000 touches, since its
    # first upload of the full 110,000 items to Radicale takes about 90
    # minutes here (docs/performance.md)
    bench/sync.sh --no-peer
    echo
    bench/sync.sh --contacts 200 --touches 1000 --runs 5 --peer-runs 3
fi
