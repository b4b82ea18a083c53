#!/usr/bin/env python3
"""Long fuzzing runs: hostile pages, arbitrary text and arbitrary bytes through every extractor
and the rules, checking that nothing raises, every finding lies inside its file, and the same
input always gives the same findings (the properties of tests/fuzzing.py).

    python scripts/fuzz.py [--examples N] [--seed S] [--target NAME]... [--save DIR]

Targets: pages-KIND (hostile markup), text-KIND (arbitrary text, surrogates included) and
bytes-KIND (decoded as files are), for KIND in text, html, markdown, mdx. The test suite
runs the same targets with few examples; run this for thousands. A failing input is
shrunk by hypothesis, saved to DIR (default tests/fixtures/regressions) as
`<target>-<hash>.<ext>`, and from then on replayed by every test run.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lint.config import Settings  # noqa: E402
from lint.pipeline import Linter  # noqa: E402
from tests.fuzzing import KINDS, lint_both_ways, lint_bytes, pages  # noqa: E402

SUFFIX = {"text": "txt", "html": "html", "markdown": "md", "mdx": "mdx"}


def targets(linter: Linter) -> dict[str, tuple[Any, Callable[[Any], object]]]:
    """Target name → (strategy, check)."""
    out: dict[str, tuple[Any, Callable[[Any], object]]] = {}
    for kind in KINDS:
        out[f"pages-{kind}"] = (pages(), lambda text, k=kind: lint_both_ways(linter, k, text))
        out[f"text-{kind}"] = (st.text(st.characters(codec=None), max_size=400),
                               lambda text, k=kind: lint_both_ways(linter, k, text))
        out[f"bytes-{kind}"] = (st.binary(max_size=400), lambda data, k=kind: lint_bytes(linter, k, data))
    return out


def run(name: str, strategy: Any, check: Callable[[Any], object], *, examples: int, seed_value: int,
        save: Path) -> bool:
    """Fuzz one target; True if it held. A failure's (shrunk) input is saved for the tests."""
    failing: list[Any] = []

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(value: Any) -> None:
        try:
            check(value)
        except BaseException:
            failing.append(value)
            raise

    started = time.perf_counter()
    try:
        fuzz()
    except Exception as exc:  # noqa: BLE001 - report, save, go on with the other targets
        path = _save(save, name, failing[-1])
        print(f"{name}: FAILED ({type(exc).__name__}: {str(exc)[:200]}); input saved to {path}")
        return False
    print(f"{name}: {examples} examples held ({time.perf_counter() - started:.1f} s)")
    return True


def _save(folder: Path, name: str, value: Any) -> Path:
    data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    kind = name.split("-", 1)[1]
    path = folder / f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.{SUFFIX[kind]}"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--target", action="append", help="run only these targets (repeatable)")
    parser.add_argument("--save", type=Path, default=ROOT / "tests" / "fixtures" / "regressions")
    args = parser.parse_args()
    linter = Linter.from_settings(Settings())
    chosen = {k: v for k, v in targets(linter).items() if not args.target or k in args.target}
    held = [run(name, *target, examples=args.examples, seed_value=args.seed, save=args.save)
            for name, target in chosen.items()]
    return 0 if all(held) else 1


if __name__ == "__main__":
    raise SystemExit(main())
