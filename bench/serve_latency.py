#!/usr/bin/env python3
"""`handbook serve` edit latency: save a page (then a story) and time until a client polling the served page sees the change.

Prints the median and the worst of N saves for each kind of edit (called by whole-process.sh). The project is edited in place
and restored at the end.
"""
import argparse
import os
import re
import statistics
import subprocess
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def measure(path, url, edit, saves):
    original = open(path, encoding="utf-8").read()
    latencies = []
    try:
        for i in range(saves):
            token = f"edit{i}x{os.getpid()}"
            with open(path, "w", encoding="utf-8") as file:
                file.write(edit(original, token))
            start = time.perf_counter()
            while token not in fetch(url):
                if time.perf_counter() - start > 120:
                    raise SystemExit(f"the change to {path} never showed on {url}")
                time.sleep(0.001)
            latencies.append(time.perf_counter() - start)
            time.sleep(0.3)
    finally:
        with open(path, "w", encoding="utf-8") as file:
            file.write(original)
    return latencies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--handbook", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()

    server = subprocess.Popen([args.handbook, "serve", args.project, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = None
        for line in server.stdout:
            if match := re.search(r" at (http://\S+)", line):
                base = match.group(1)
                break
        if base is None:
            raise SystemExit("handbook serve did not start")
        os.set_blocking(server.stdout.fileno(), False)
        page = os.path.join(args.project, "content", "part-001", "page-01.md")
        story = os.path.join(args.project, "content", "stories", "flaky-ci-race.yml")
        results = {
            "a saved page": measure(page, base + "part-001/page-01.html", lambda text, token: text + f"\n\nEdited: {token}.\n", args.saves),
            "a saved story": measure(story, base + "archetypes/production-debugging.html",
                                     lambda text, token: text.replace("\ntitle: ", f"\ntitle: {token} ", 1), args.saves),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)

    print()
    print(f"handbook serve on {args.project}: time from saving a file to a polling client seeing the change ({args.saves} saves each)")
    print()
    print("| edit | median | worst |")
    print("|---|---|---|")
    for name, values in results.items():
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
