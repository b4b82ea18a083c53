"""Verify that workers and the result cache change nothing but speed."""
from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint import datafile
from lint.compiled import PatternCache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 40 pages plus the repository's example and dev-set pages."""
    root = tmp_path_factory.mktemp("site")
    corpus.write("custom", root / "gen", pages=40, page_kb=4, seed=7)
    shutil.copytree(ROOT / "examples", root / "examples")
    shutil.copytree(ROOT / "tests" / "devset", root / "devset")
    return root


def run(cli, site: Path, *args: str) -> str:
    result = cli("--format", "json", "--exit-zero", "--isolated", *args, ".", cwd=site)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_jobs_and_cache_give_identical_output(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    serial = run(cli, site, "-j", "1", "--no-cache")
    assert serial.count('"code"') > 100
    assert run(cli, site, "-j", "2", "--no-cache") == serial
    assert run(cli, site, "-j", "2") == serial  # writes the cache
    assert any((tmp_path / "cache" / "results").rglob("results-*.marshal"))
    assert run(cli, site, "-j", "2") == serial  # served from it
    assert run(cli, site, "-j", "1") == serial


def test_an_edited_file_is_linted_again(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    page = site / "edited.txt"
    page.write_text("Nothing to report here.\n")
    assert '"edited.txt"' not in run(cli, site, "edited.txt")
    page.write_text("Our infusions cure fibromyalgia.\n")
    os.utime(page, ns=(page.stat().st_mtime_ns + 10**9,) * 2)
    assert '"path": "edited.txt"' in run(cli, site, "edited.txt")


def test_changing_the_settings_does_not_reuse_results(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    everything = run(cli, site, "examples")
    assert run(cli, site, "--select", "HL101", "examples") != everything
    assert run(cli, site, "examples") == everything


# --------------------------------------------------------------------------- corrupted caches


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1:]


def _old_format(data: bytes) -> bytes:
    return marshal.dumps({"a page": "from a release that stored bare marshal"})


#: Ways a cache file goes bad: every one is ignored, and the file is written afresh.
CORRUPTIONS = {
    "empty": lambda data: b"",
    "truncated": _truncated,
    "garbage": lambda data: os.urandom(len(data)),
    "one flipped bit": _flipped,
    "bare marshal": _old_format,
    "a directory": None,
}


@pytest.mark.parametrize("how", sorted(CORRUPTIONS))
def test_a_damaged_cache_file_reads_as_nothing(tmp_path, how):
    path = tmp_path / "cache.marshal"
    assert datafile.save(path, ({("pattern", 2): ("pattern", 2, [1, 2, 3])}, {}))
    _corrupt(path, how)
    assert datafile.load(path) is None


def _corrupt(path: Path, how: str) -> None:
    damage = CORRUPTIONS[how]
    if damage is None:
        path.unlink()
        path.mkdir()
    else:
        path.write_bytes(damage(path.read_bytes()))


def test_damaged_caches_are_ignored_and_rewritten(site, tmp_path):
    """The compiled-pattern cache (its index and blobs, in the user cache folder) and the result
    cache (.healthlint_cache) go bad between runs: each run reports exactly what the first did,
    and writes them afresh."""
    project = tmp_path / "project"
    shutil.copytree(site / "examples", project)
    env = {k: v for k, v in os.environ.items() if k != "HEALTHLINT_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")

    def lint() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lint", "--isolated", "--format", "json", "-j", "1", "."],
                              cwd=project, env=env, capture_output=True, text=True, timeout=120)

    first = lint()
    files = [*(tmp_path / "user-cache" / "healthlint").glob("patterns-*"), *(project / ".healthlint_cache").glob("results-*")]
    assert len(files) == 3 and first.stdout.count('"code"') > 10
    for how in ("one flipped bit", "garbage"):
        for path in files:
            _corrupt(path, how)
        again = lint()
        assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
        assert all(datafile.load(path) for path in files)


#: Damage to the blobs file alone; a flipped last bit hits the last section only (the derived facts).
SECTION_DAMAGE = {"garbage": CORRUPTIONS["garbage"], "truncated": _truncated,
                  "last bit flipped": lambda data: data[:-1] + bytes([data[-1] ^ 1])}


@pytest.mark.parametrize("how", sorted(SECTION_DAMAGE))
def test_a_damaged_pattern_section_is_rebuilt_not_used(tmp_path, how):
    """The index is intact but the sections it points to are not: each is computed afresh."""
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.compile("cures? (?:pain|fatigue)", 2)
    cache.derived("length", "pattern", len)
    cache.save()
    blobs = path.with_suffix(".blobs")
    blobs.write_bytes(SECTION_DAMAGE[how](blobs.read_bytes()))
    again = PatternCache(path)
    assert again.compile("cures? (?:pain|fatigue)", 2).search("It CURES pain")
    assert again.derived("length", "pattern", lambda _: 99) == 99


def _cache_with(path, patterns, *, complete: bool) -> PatternCache:
    cache = PatternCache(path)
    for pattern in patterns:
        cache.compile(pattern, 2)
    cache.complete = complete
    cache.save()
    return PatternCache(path)


def test_only_a_run_that_warmed_every_pattern_prunes_the_pattern_cache(tmp_path):
    """Patterns compile on first search: a one-page run uses a few, and must not drop the
    others (the next site run would compile them all again); a warmed run knows what is stale."""
    path = tmp_path / "patterns.marshal"
    many = [f"claim{i} (?:a|b)" for i in range(300)]
    _cache_with(path, many, complete=True)
    assert all(PatternCache(path).holds(p, 2) for p in many)
    _cache_with(path, many[:5] + ["new one"], complete=False)  # a one-page run
    assert all(PatternCache(path).holds(p, 2) for p in many)
    _cache_with(path, many[:5] + ["newer one"], complete=True)  # the packs changed
    assert not PatternCache(path).holds(many[-1], 2)


def test_a_run_reads_only_the_parsed_packs_it_uses(tmp_path, monkeypatch):
    """Parsed packs are kept per file: packs of other installs sharing the cache are not read."""
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.for_content("yaml", "/venv-a/core.yaml", b"rules: []", lambda: {"from": "/venv-a/core.yaml"})
    cache.for_content("yaml", "/venv-b/core.yaml", b"rules: []", lambda: {"big": "x" * 100_000})
    cache.save()
    again = PatternCache(path)
    reads = []
    original = type(again._blobs).read
    monkeypatch.setattr(type(again._blobs), "read", lambda self, *where: reads.append(where) or original(self, *where))
    assert again.for_content("yaml", "/venv-a/core.yaml", b"rules: []", lambda: {"computed": True}) == {"from": "/venv-a/core.yaml"}
    assert len(reads) == 1 and reads[0][1] < 1000  # (offset, length, checksum): A's section alone
    assert again.for_content("yaml", "/venv-a/core.yaml", b"rules: [1]", lambda: {"computed": True}) == {"computed": True}


def test_a_finding_crosses_from_a_worker_whole():
    """Findings are pickled on their way from a worker to the parent: every field survives."""
    import pickle

    from lint.models import Citation, Finding

    finding = Finding(path="a.md", line=3, column=4, end_line=3, end_column=9, code="HL101", name="cure-claim",
                      category="claims", severity="error", message="m", fix="f",
                      citations=(Citation("ftc-act-5", "FTC Act §5", "https://example.org"),), evidence="e",
                      text="cures", source_line="It cures.", source_line_start=0, start=3, end=8,
                      suppressed="negated", replacement="may help", fingerprint="abc")
    assert pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL)) == finding
