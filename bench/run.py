#!/usr/bin/env python3
"""Benchmark healthlint end to end, as users run it, and print a table of figures.

    python bench/run.py [--runs 5] [--scenarios page,site,large] [--work DIR] [--peers]

Each scenario generates its corpus once (bench/corpus.py, deterministic) and times the
whole `healthlint` process, interpreter start included: wall seconds (min/median/max over
the runs), MB/s, the peak memory of the process tree and the number of findings. Memory is
sampled from /proc in one extra run, not timed (reading smaps takes CPU from the run). Peak
memory is PSS, the memory the run really uses: each page counts once, split between the
processes that share it (forked workers share most of the parent's), where summing RSS would
count a shared page once per process; the RSS sum is shown beside it. With --peers, textlint
and proselint run on the same corpus when they are installed. Figures, not assertions:
machines differ, CI stays deterministic.
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

TARGETS = {"page": "≤ 0.150 s wall", "site": "≥ 5 MB/s (cold)", "large": "peak PSS < 150 MB"}
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
    peak_pss_mb: float
    peak_rss_mb: float
    findings: int

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def row(self) -> str:
        walls = f"{min(self.walls):.3f} / {self.median:.3f} / {max(self.walls):.3f}"
        rate = self.megabytes / self.median if self.median else 0.0
        return (f"| {self.scenario} | {self.tool} | {self.files:,} | {self.megabytes:.1f} | {walls} | "
                f"{rate:.2f} | {self.peak_pss_mb:.0f} | {self.peak_rss_mb:.0f} | {self.findings:,} |")


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; both its RSS where the kernel has no smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            values = dict(line.split()[:2] for line in fh if line.startswith(("Pss:", "Rss:")))
        return int(values["Pss:"]), int(values["Rss:"])
    except (OSError, KeyError, ValueError):
        with open(f"/proc/{pid}/status") as fh:
            rss = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        return rss, rss


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            found += [int(c) for c in fh.read().split()]
    return found


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) summed over a process and all its descendants, from /proc (0 if gone)."""
    pss = rss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            one_pss, one_rss = _memory_kb(current)
            stack += _children(current)
        except (OSError, ValueError):
            continue
        pss, rss = pss + one_pss, rss + one_rss
    return pss, rss


def timed(command: list[str], cwd: Path, *, sample: bool = False) -> tuple[float, tuple[float, float], str]:
    """Wall seconds, peak tree (PSS, RSS) in MB (with `sample`, else zeros), and stdout of one
    run. The wall clock stops when the process is reaped. Memory is sampled from a thread, and
    reading smaps costs CPU the run then lacks, so runs that sample are not the timed ones."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0, 0]

        def sampler() -> None:  # every 5 ms, then every 20 ms
            while proc.poll() is None:
                pss, rss = _tree_memory_kb(proc.pid)
                peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
                time.sleep(0.005 if time.perf_counter() - start < 1 else 0.02)

        thread = threading.Thread(target=sampler, daemon=True) if sample else None
        if thread is not None:
            thread.start()
        proc.wait()
        wall = time.perf_counter() - start
        if thread is not None:
            thread.join()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return wall, (peak[0] / 1024, peak[1] / 1024), text


def measure(scenario: str, tool: str, command: list[str], root: Path, runs: int) -> Measure:
    """One run that samples memory, then `runs` timed runs that do not."""
    linted = [root / a for a in command[1:] if not a.startswith("-") and (root / a).exists()] or [root]
    files = [p for top in linted for p in ([top] if top.is_file() else top.rglob("*")) if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    _, peak, output = timed(command, root, sample=True)
    walls = [timed(command, root)[0] for _ in range(runs)]
    findings = sum(1 for line in output.splitlines() if line.strip())
    return Measure(scenario, tool, len(files), size, walls, peak[0], peak[1], findings)


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
    print("| scenario | tool | files | MB | wall s (min / median / max) | MB/s | peak PSS MB | peak RSS MB (summed) | findings |")
    print("|---|---|---|---|---|---|---|---|---|")
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
