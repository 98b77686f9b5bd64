#!/usr/bin/env python3
"""The floor of a first `draht sync` pass at 10,000 contacts and 100,000
touches (docs/performance.md, issue 22): creating 110,000 files of 500
bytes in one folder as vdir writers do — each a temporary file renamed
into place — with no sync and nothing else. Prints wall, user and system
seconds.

    bench/floor_files.py DIR [--files N]

DIR is removed and made afresh.
"""
import argparse
import os
import shutil
import time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("dir")
parser.add_argument("--files", type=int, default=110_000)
args = parser.parse_args()

shutil.rmtree(args.dir, ignore_errors=True)
os.makedirs(args.dir)
body = b"x" * 500
t0, c0 = time.perf_counter(), os.times()
for i in range(args.files):
    temp = os.path.join(args.dir, f".{i:06d}.ics.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, body)
    os.close(fd)
    os.rename(temp, os.path.join(args.dir, f"{i:06d}-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee.ics"))
t1, c1 = time.perf_counter(), os.times()
print(f"wall {t1 - t0:.2f} s user {c1.user - c0.user:.2f} s sys {c1.system - c0.system:.2f} s")
