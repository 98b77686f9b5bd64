#!/usr/bin/env bash
# `draht sync` at 10,000 contacts and 100,000 touches (examples/synth, the
# realistic mix; issue 22): the first pass into empty folders (every card
# and every journal file written), a pass with nothing changed, and a pass
# after 10 cards were edited as khard would, beside `vdirsyncer sync` on
# the same folders against a Radicale server on 127.0.0.1 (stopped at the
# end). Every command takes its turn in each round (the machine is shared;
# drift hits all alike), with an untimed step before it where it needs one
# (a fresh database and empty folders, the 10 edits). Prints a markdown
# table of medians, CPU time, peak RSS and the targets.
#
#   bench/sync.sh [--contacts N] [--touches M] [--runs R] [--first-runs F]
#                 [--peer-runs P] [--no-peer] [--dir DIR] [--draht PATH]
#                 [--synth PATH]
#
# The peer's first `vdirsyncer sync` uploads every item once (untimed; with
# --dir it is kept for the next run). Needs sqlite3, GNU time and python3
# (Debian packages), radicale and vdirsyncer (pip); installed when missing
# and running as root. Builds draht in release mode unless --draht and
# --synth name binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

contacts=10000
touches=100000
runs=10
first_runs=3
peer_runs=3
peer=yes
work=""
draht=""
synth=""

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --contacts) contacts=$2; shift 2 ;;
        --touches) touches=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --first-runs) first_runs=$2; shift 2 ;;
        --peer-runs) peer_runs=$2; shift 2 ;;
        --no-peer) peer=no; shift ;;
        --dir) work=$2; shift 2 ;;
        --draht) draht=$2; shift 2 ;;
        --synth) synth=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "sync.sh: unknown argument $1" >&2; usage ;;
    esac
done

missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "sync.sh: please install ${missing[*]} (Debian packages), then run again" >&2
        exit 1
    fi
    echo "sync.sh: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "$peer" = yes ] && ! { command -v radicale && command -v vdirsyncer; } >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "sync.sh: please install radicale and vdirsyncer (pip install radicale vdirsyncer), or pass --no-peer" >&2
        exit 1
    fi
    echo "sync.sh: installing radicale and vdirsyncer" >&2
    python3 -m pip install -q radicale vdirsyncer
fi

targets=()
[ -n "$draht" ] || targets+=(--bin draht)
[ -n "$synth" ] || targets+=(--example synth)
if [ ${#targets[@]} -gt 0 ]; then
    cargo build --release --quiet "${targets[@]}"
fi
root=$(pwd)
draht=${draht:-$root/target/release/draht}
synth=${synth:-$root/target/release/examples/synth}

if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
now_day=2026-06-01
export DRAHT_NOW="$now_day" TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME"

base="$work/base-$contacts-$touches.db"
if [ ! -f "$base" ]; then
    "$synth" --db "$base" --contacts "$contacts" --touches "$touches" --now "$now_day" >&2
    sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
python3 - "$work" "$base" "$draht" "$runs" "$first_runs" "$peer_runs" "$peer" \
    "$contacts" "$touches" "$(nproc)" "$cpu" <<'PY'
import os, shutil, socket, statistics, subprocess, sys, time

(work, base, draht, runs, first_runs, peer_runs, peer, contacts, touches,
 nproc, cpu) = sys.argv[1:]
runs, first_runs, peer_runs = int(runs), int(first_runs), int(peer_runs)
peer = peer == "yes"

def busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")

def folders(name):
    return f"{work}/{name}/contacts", f"{work}/{name}/calendar"

def sync_cmd(name):
    cards, cal = folders(name)
    return [draht, "--db", f"{work}/{name}.db", "sync", "--contacts", cards, "--calendar", cal]

def fresh(name):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(f"{work}/{name}.db{suffix}")
        except FileNotFoundError:
            pass
    shutil.rmtree(f"{work}/{name}", ignore_errors=True)
    shutil.copy(base, f"{work}/{name}.db")

def run(cmd, env=None, quiet=True):
    out = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL if quiet else subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        sys.exit(f"sync.sh: {' '.join(cmd)} failed: {out.stderr}")
    return out

# The kept databases: synced once, then left alone (unchanged), or with
# 10 cards edited before each of their passes.
for name in ("steady", "edits"):
    if not os.path.exists(f"{work}/{name}.db"):
        fresh(name)
        run(sync_cmd(name))
cards = sorted(os.listdir(folders("edits")[0]))[:10]
edit_round = [0]

def edit_ten(folder):
    """10 cards edited as khard would: a changed note, written to a
    temporary file renamed into place (khard's atomic_write)."""
    edit_round[0] += 1
    for name in cards:
        path = os.path.join(folder, name)
        text = open(path, newline="").read()
        lines = [l for l in text.split("\r\n") if not l.startswith("NOTE:")]
        end = lines.index("END:VCARD")
        lines.insert(end, f"NOTE:edited in round {edit_round[0]}")
        temp = os.path.join(folder, f".{name}.tmp")
        with open(temp, "w", newline="") as f:
            f.write("\r\n".join(lines))
        os.rename(temp, path)

server = None
vconf = f"{work}/vdirsyncer.conf"
if peer:
    storage = f"{work}/radicale"
    for coll, props in (("contacts", '{"tag": "VADDRESSBOOK"}'),
                        ("calendar", '{"tag": "VCALENDAR", "C:supported-calendar-component-set": "VEVENT,VTODO,VJOURNAL"}')):
        os.makedirs(f"{storage}/collection-root/u/{coll}", exist_ok=True)
        with open(f"{storage}/collection-root/u/{coll}/.Radicale.props", "w") as f:
            f.write(props)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
                               "--auth-type", "none", "--storage-filesystem-folder", storage,
                               "--logging-level", "warning"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("sync.sh: radicale did not start")
            time.sleep(0.1)
    pc, pk = folders("peer")
    if not os.path.exists(f"{work}/peer.db"):
        fresh("peer")
        run(sync_cmd("peer"))
    with open(vconf, "w") as f:
        f.write(f"""[general]
status_path = "{work}/vdirsyncer-status/"

[pair contacts]
a = "contacts_local"
b = "contacts_remote"
collections = null

[storage contacts_local]
type = "filesystem"
path = "{pc}/"
fileext = ".vcf"

[storage contacts_remote]
type = "carddav"
url = "http://127.0.0.1:{port}/u/contacts/"
username = "u"
password = "p"

[pair calendar]
a = "calendar_local"
b = "calendar_remote"
collections = null

[storage calendar_local]
type = "filesystem"
path = "{pk}/"
fileext = ".ics"

[storage calendar_remote]
type = "caldav"
url = "http://127.0.0.1:{port}/u/calendar/"
username = "u"
password = "p"
""")
    vsync = ["vdirsyncer", "-c", vconf, "sync"]
    run(["vdirsyncer", "-c", vconf, "discover"])
    started = time.perf_counter()
    run(vsync)  # the upload, once
    upload = time.perf_counter() - started
    print(f"(the peer's first vdirsyncer sync, untimed in the table: {upload:.0f} s)\n", file=sys.stderr)

time.sleep(2)  # older than the file system's time step
# the floor of a first pass: as many files created as the steady folders
# hold, each renamed into place, nothing else
steady_files = sum(len(os.listdir(d)) for d in folders("steady"))
floor_dir = f"{work}/floor-files"
floor_cmd = ["python3", f"{os.getcwd()}/bench/floor_files.py", floor_dir, "--files", str(steady_files)]
cases = [
    # label, command, prepare, rounds
    ("floor: creating the files (bench/floor_files.py)", floor_cmd,
     lambda: shutil.rmtree(floor_dir, ignore_errors=True), first_runs),
    ("draht sync (first, empty folders)", sync_cmd("first"), lambda: fresh("first"), first_runs),
    ("draht sync (nothing changed)", sync_cmd("steady"), None, runs),
    ("draht sync (10 cards changed)", sync_cmd("edits"), lambda: edit_ten(folders("edits")[0]), runs),
]
if peer:
    cases += [
        ("peer: vdirsyncer sync (nothing changed)", vsync, None, peer_runs),
        ("peer: vdirsyncer sync (10 cards changed)", vsync, lambda: edit_ten(folders("peer")[0]), peer_runs),
    ]
results = {label: [] for label, *_ in cases}
busy0, wall0, ours0 = busy(), time.monotonic(), 0.0
try:
    # one warm-up round (page cache), then the timed rounds in turn
    for round_ in range(1 + max(runs, first_runs, peer_runs)):
        for label, command, prepare, rounds in cases:
            if round_ > rounds:
                continue
            if prepare:
                prepare()
            rss_file = f"{work}/rss.txt"
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, *command],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            err = proc.stderr.read().decode(errors="replace")
            if status != 0:
                sys.exit(f"sync.sh: {label} failed: {err}")
            cpu_s = usage.ru_utime + usage.ru_stime
            ours0 += cpu_s
            if round_ > 0:
                rss = int(open(rss_file).read().split()[-1])
                results[label].append((wall, cpu_s, rss))
finally:
    if server:
        server.terminate()
        server.wait()

# the passes took the edits: the 10 contacts have the last round's note
exported = run([draht, "--db", f"{work}/edits.db", "export", "json"], quiet=False).stdout
taken = exported.count(f"edited in round {edit_round[0]}")
if taken < len(cards):
    sys.exit(f"sync.sh: the passes took {taken} of the {len(cards)} edits of the last round")

others = max(0.0, (busy() - busy0) - ours0) / ((time.monotonic() - wall0) * int(nproc))
targets = {
    "draht sync (first, empty folders)": "≤ 10 s",
    "draht sync (nothing changed)": "≤ 300 ms",
    "draht sync (10 cards changed)": "≤ 400 ms",
}
load = open("/proc/loadavg").read().split()[:3]
print(f"`draht sync` at {int(contacts):,} contacts and {int(touches):,} touches (realistic mix; "
      f"both folders); {nproc} CPUs ({cpu}); other processes kept {others:.0%} of the CPUs busy, "
      f"load average at the end {' '.join(load)}; medians of {runs} interleaved rounds "
      f"({first_runs} for the first pass, {peer_runs} for vdirsyncer).\n")
print("| command | median | user + sys | peak RSS | target |")
print("|---|---:|---:|---:|---|")
verdicts = []
for label, *_ in cases:
    got = results[label]
    wall = statistics.median(r[0] for r in got)
    cpu_s = statistics.median(r[1] for r in got)
    rss = max(r[2] for r in got)
    shown = f"{wall:.2f} s" if wall >= 10 else f"{wall * 1000:.0f} ms"
    print(f"| `{label}` | {shown} | {cpu_s * 1000:.0f} ms | {rss / 1024:.1f} MB | {targets.get(label, '')} |")
    if label in targets:
        limit = {"≤ 10 s": 10, "≤ 300 ms": 0.3, "≤ 400 ms": 0.4}[targets[label]]
        verdicts.append(f"{'PASS' if wall <= limit else 'FAIL'}: {label} {targets[label]} (wall)")
first = statistics.median(r[0] for r in results["draht sync (first, empty folders)"])
floor = statistics.median(r[0] for r in results["floor: creating the files (bench/floor_files.py)"])
print(f"\nThe first pass is {first / floor:.2f} × the floor of creating its {steady_files:,} files "
      f"({floor:.2f} s here).\n")
for v in verdicts:
    print(v)
PY
