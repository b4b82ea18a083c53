#!/usr/bin/env python3
"""Benchmark healthlint end to end, as users run it, and print a table of figures.

    python bench/run.py [--runs 5] [--scenarios page,site,large] [--work DIR] [--peers]

Each scenario generates its corpus once (bench/corpus.py, deterministic) and times the
whole `healthlint` process, interpreter start included: wall seconds (min/median/max over
the runs), MB/s, the peak resident memory of the process tree (sampled from /proc), and the
number of findings. With --peers, textlint and proselint run on the same corpus when they
are installed. Figures, not assertions: machines differ, CI stays deterministic.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

TARGETS = {"page": "≤ 0.150 s wall", "site": "≥ 5 MB/s (cold)", "large": "peak RSS < 150 MB"}
#: scenario → (corpus size, use the result cache). Cold runs pass --no-cache; the warm one
#: primes the cache once and then times re-runs over the unchanged site.
SCENARIOS = {"page": ("page", False), "site": ("site", False), "site-warm": ("site", True), "large": ("large", False)}


@dataclass
class Measure:
    scenario: str
    tool: str
    files: int
    megabytes: float
    walls: list[float]
    peak_mb: float
    findings: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def row(self) -> str:
        walls = f"{min(self.walls):.3f} / {self.median:.3f} / {max(self.walls):.3f}"
        rate = self.megabytes / self.median if self.median else 0.0
        return (f"| {self.scenario} | {self.tool} | {self.files:,} | {self.megabytes:.1f} | {walls} | "
                f"{rate:.2f} | {self.peak_mb:.0f} | {self.findings:,} |")


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 if gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak tree RSS in MB, and stdout of one run. The wall clock stops when the
    process is reaped; memory is sampled from a thread meanwhile, so sampling adds no time."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0]

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
                time.sleep(0.005)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        wall = time.perf_counter() - start
        sampler.join()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return wall, peak[0] / 1024, text


def measure(scenario: str, tool: str, command: list[str], root: Path, runs: int) -> Measure:
    linted = [root / a for a in command[1:] if not a.startswith("-") and (root / a).exists()] or [root]
    files = [p for top in linted for p in ([top] if top.is_file() else top.rglob("*")) if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    walls, peaks, output = [], [], ""
    for _ in range(runs):
        wall, peak, output = timed(command, root)
        walls.append(wall)
        peaks.append(peak)
    findings = sum(1 for line in output.splitlines() if line.strip())
    return Measure(scenario, tool, len(files), size, walls, max(peaks), findings)


def peers(root: Path) -> list[tuple[str, list[str]]]:
    found = []
    if shutil.which("textlint"):
        found.append(("textlint", ["textlint", "public", "content"]))
    if shutil.which("proselint"):  # proselint 0.16: `proselint check PATHS` (Markdown only)
        found.append(("proselint (content/ only)", ["proselint", "check", "content"]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenarios", default="page,site,site-warm,large")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "healthlint-bench")
    parser.add_argument("--jobs", default=None, help="passed to healthlint -j")
    parser.add_argument("--peers", action="store_true", help="also time textlint/proselint if installed")
    args = parser.parse_args(argv)

    healthlint = shutil.which("healthlint") or sys.exit("healthlint is not installed (pip install .)")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"command: python bench/run.py --runs {args.runs} --scenarios {args.scenarios}\n")
    print("| scenario | tool | files | MB | wall s (min / median / max) | MB/s | peak RSS MB | findings |")
    print("|---|---|---|---|---|---|---|---|")
    for scenario in args.scenarios.split(","):
        size, warm = SCENARIOS[scenario]
        root = args.work / size
        if not root.exists():
            corpus.write(size, root)
        command = [healthlint, "--exit-zero", "--quiet"]
        command += ["-j", args.jobs] if args.jobs else []
        command += [] if warm else ["--no-cache"]
        command += ["public", "content"] if size != "page" else [str(next(root.rglob("*.html")))]
        if warm:
            subprocess.run(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs = max(1, args.runs if size != "large" else min(args.runs, 3))
        print(measure(scenario, "healthlint", command, root, runs).row(), flush=True)
        if args.peers and size != "large" and not warm:
            for name, peer in peers(root):
                print(measure(scenario, name, peer, root, max(1, runs // 2)).row(), flush=True)
    print("\ntargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
