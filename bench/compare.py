#!/usr/bin/env python3
"""Runs `handbook build`, `hugo` and the Markdig-only floor alternately on the same pages and prints medians and ratios (called
by whole-process.sh). The floor (bench/MarkdigFloor) only converts the pages with Markdig and writes them: what no generator
built on Markdig can go below.

Each run is one whole process: wall time from start to exit, CPU time (user + system) and peak resident memory from the
kernel's accounting of that child (wait4), and the size of the output folder it wrote.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{child.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(folder) for name in names)


def seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value):
    return f"{value / 1048576:.0f} MB" if value >= 10 * 1048576 else f"{value / 1048576:.1f} MB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--handbook", required=True)
    parser.add_argument("--floor", required=True, help="the published bench/MarkdigFloor")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("projects", nargs="+", help="SIZE=PROJECT")
    args = parser.parse_args()

    rows = []
    for spec in args.projects:
        size, project = spec.split("=", 1)
        handbook_out = os.path.join(args.work, f"out-{size}")
        hugo_out = os.path.join(args.work, f"hugo-out-{size}")
        hugo_site = os.path.join(args.work, f"hugo-{size}")
        floor_out = os.path.join(args.work, f"floor-out-{size}")
        tools = {
            "handbook": [args.handbook, "build", project, "-o", handbook_out, "--force"],
            "hugo": ["hugo", "--quiet", "--source", hugo_site, "--destination", hugo_out],
            "floor": [args.floor, project, floor_out],
        }
        samples = {name: [] for name in tools}
        # One warm-up of each (page cache, disk), then alternate so both see the same machine load.
        for round_ in range(args.runs + 1):
            for name, command in tools.items():
                if name == "hugo":
                    shutil.rmtree(hugo_out, ignore_errors=True)
                measured = run_once(command)
                if round_ > 0:
                    samples[name].append(measured)
                # Progress on stderr: on a busy machine a size can take minutes.
                print(f"{size} {name} {'warm-up' if round_ == 0 else f'run {round_}'}: {seconds(measured[0])} wall, "
                      f"{seconds(measured[1])} CPU, {megabytes(measured[2])}", file=sys.stderr, flush=True)
        medians = {}
        for name, values in samples.items():
            medians[name] = [statistics.median(v[i] for v in values) for i in range(3)]
        out = {"handbook": folder_bytes(handbook_out), "hugo": folder_bytes(hugo_out)}
        pages = sum(1 for root, _, names in os.walk(handbook_out) for name in names if name.endswith(".html"))
        rows.append((size, pages, medians, out))

    print()
    print(f"median of {args.runs} alternating runs after a warm-up (ratio = Handbook / Hugo; floor ratio = Handbook / Markdig-only floor)")
    # The floor's wall time rides on the file system more than anything (it deletes and writes every page as fast as it can):
    # its CPU time is the steadier floor, so both ratios are shown.
    print()
    print("| size | HTML pages | wall: Handbook / Hugo / ratio | wall: floor / floor ratio | CPU: Handbook / Hugo / ratio | CPU: floor / floor ratio | peak memory: Handbook / Hugo | output: Handbook / Hugo / ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for size, pages, m, out in rows:
        hb, hu, fl = m["handbook"], m["hugo"], m["floor"]
        label = "the repository's handbook" if size == "repo" else f"{int(size):,} pages"
        print(f"| {label} | {pages:,} | {seconds(hb[0])} / {seconds(hu[0])} / **{hb[0] / hu[0]:.2f}** "
              f"| {seconds(fl[0])} / {hb[0] / fl[0]:.2f} "
              f"| {seconds(hb[1])} / {seconds(hu[1])} / {hb[1] / hu[1]:.2f} "
              f"| {seconds(fl[1])} / {hb[1] / fl[1]:.2f} "
              f"| {megabytes(hb[2])} / {megabytes(hu[2])} "
              f"| {megabytes(out['handbook'])} / {megabytes(out['hugo'])} / {out['handbook'] / out['hugo']:.2f} |")


if __name__ == "__main__":
    main()
