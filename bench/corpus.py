#!/usr/bin/env python3
"""Write a deterministic synthetic clinic website for benchmarks.

    python bench/corpus.py SIZE OUT [--seed N] [--claim-rate R]

SIZE: `page` (one ~5 KB HTML page), `site` (1,000 pages, ~10 MB: half HTML, half
Markdown), `large` (10,000 pages, ~100 MB), or `custom` with --pages and --page-kb.

Prose comes from this project's own words only: every rule's flag/pass examples, the
example pages and the labelled dev set, mixed with generated neutral clinic filler. The
markup is what real static sites carry: head and meta tags, inline styles and scripts,
JSON-LD, navigation, entities, claims split by inline tags, Markdown front matter, code
blocks and HTML comments. Same arguments, same bytes.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"page": (1, 5.0), "site": (1000, 10.0), "large": (10000, 10.0)}  # pages, mean KB

FILLER = [
    "Our clinic is open Monday to Friday from 8am to 6pm.",
    "Parking is available behind the building.",
    "Please bring a photo ID and a list of your current medications.",
    "Appointments last about two hours, including time to rest afterwards.",
    "You will need someone to drive you home after your visit.",
    "Our front desk can help with forms and scheduling questions.",
    "The waiting room has water, tea and quiet seating.",
    "We send a reminder by text the day before each visit.",
    "Forms can be completed online before your first appointment.",
    "Our nurses will check your blood pressure when you arrive.",
    "Wear comfortable clothing with sleeves that roll up easily.",
    "Let us know 24 hours ahead if you need to reschedule.",
]
HEADINGS = ["About the treatment", "What to expect", "Your first visit", "Frequently asked questions",
            "Our team", "Costs and insurance", "Safety", "Patient stories", "Research", "Getting here"]
STYLE = "body{font-family:system-ui;margin:0}nav a{padding:0 .5em}.hero{background:#eef;padding:2em}"
SCRIPT = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"


def sentences() -> list[str]:
    """Sentences in our own words: rule examples, example pages, and the dev set (markers removed)."""
    import yaml

    found: list[str] = []
    for pack in sorted((ROOT / "rulesets").glob("*.yaml")):
        data = yaml.safe_load(pack.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules") or []:
            for key in ("flag", "pass"):
                found += [s for s in (rule.get("examples") or {}).get(key, []) if len(s) < 300]
    pages = [*ROOT.glob("examples/**/*.txt"), *ROOT.glob("tests/devset/*.txt")]
    for page in sorted(pages):
        text = re.sub(r"\[\[[^|\]]*\|([^\]]*)\]\]", r"\1", page.read_text(encoding="utf-8"))
        text = "\n".join(line for line in text.splitlines() if not line.startswith("%%"))
        found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if 20 < len(s.strip()) < 300]
    return sorted(set(found))


class Writer:
    def __init__(self, rng: random.Random, claims: list[str], claim_rate: float) -> None:
        self.rng, self.claims, self.claim_rate = rng, claims, claim_rate

    def paragraph(self) -> str:
        parts = self.rng.sample(FILLER, self.rng.randint(2, 5))
        if self.claims and self.rng.random() < self.claim_rate:
            parts.insert(self.rng.randrange(len(parts) + 1), self.rng.choice(self.claims))
        return " ".join(parts)

    def html_page(self, title: str, kb: float) -> str:
        body: list[str] = []
        while sum(map(len, body)) < kb * 1000 - 1500:
            text = html.escape(self.paragraph(), quote=False).replace("'", "&rsquo;")
            words = text.split(" ")
            if len(words) > 6 and self.rng.random() < 0.3:  # inline markup splitting a sentence
                i = self.rng.randrange(1, len(words) - 2)
                words[i] = f"<strong>{words[i]}</strong>"
                words[i + 1] = f"<em>{words[i + 1]}</em>"
            if self.rng.random() < 0.2:
                body.append(f"<h2>{self.rng.choice(HEADINGS)}</h2>")
            body.append(f"<p>{' '.join(words)}</p>" if self.rng.random() > 0.2 else
                        f"<ul><li>{' '.join(words[:8])}</li><li>{' '.join(words[8:]) or 'More soon.'}</li></ul>")
        ld = json.dumps({"@context": "https://schema.org", "@type": "MedicalClinic", "name": "Example Clinic"})
        return (
            f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f'<meta name="description" content="{html.escape(self.rng.choice(self.claims or FILLER))}">\n'
            f"<style>{STYLE}</style>\n<script>{SCRIPT}</script>\n"
            f'<script type="application/ld+json">{ld}</script>\n</head>\n<body>\n'
            '<nav><a href="/">Home</a> <a href="/treatments/">Treatments</a> <a href="/contact/">Contact</a></nav>\n'
            f'<main class="hero">\n<h1>{title}</h1>\n' + "\n".join(body) +
            '\n<!-- tracking pixel: ketamine cures everything -->\n</main>\n'
            "<footer>&copy; Example Clinic &middot; 1 Harbour St</footer>\n</body>\n</html>\n"
        )

    def markdown_page(self, title: str, kb: float) -> str:
        body: list[str] = []
        while sum(map(len, body)) < kb * 1000 - 400:
            if self.rng.random() < 0.2:
                body.append(f"## {self.rng.choice(HEADINGS)}")
            text = self.paragraph()
            body.append(f"- {text}" if self.rng.random() < 0.15 else text)
            if self.rng.random() < 0.05:
                body.append("```\nketamine cures fibromyalgia  # code is never linted\n```")
        summary = self.rng.choice(self.claims or FILLER).replace('"', "'")
        return f'---\ntitle: "{title}"\ndescription: "{summary}"\ntags: [ketamine, pain]\n---\n\n# {title}\n\n' + \
            "\n\n".join(body) + "\n\n<!-- draft note: not linted -->\n"


def write(size: str, out: Path, *, seed: int = 1, claim_rate: float = 0.15, pages: int = 0, page_kb: float = 0) -> int:
    count, mean_kb = SIZES.get(size, (pages, page_kb))
    rng = random.Random(seed)
    writer = Writer(rng, sentences(), claim_rate)
    total = 0
    for n in range(count):
        kb = mean_kb if count == 1 else max(3.0, rng.gauss(mean_kb, mean_kb / 3))
        title = f"{rng.choice(['Ketamine', 'IV therapy', 'Chronic pain', 'Depression care'])} guide {n}"
        if count == 1 or n % 2 == 0:
            path, text = out / "public" / f"section{n % 20}" / f"page{n}.html", writer.html_page(title, kb)
        else:
            path, text = out / "content" / f"section{n % 20}" / f"post{n}.md", writer.markdown_page(title, kb)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=[*SIZES, "custom"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claim-rate", type=float, default=0.15)
    parser.add_argument("--pages", type=int, default=100, help="custom size: number of pages")
    parser.add_argument("--page-kb", type=float, default=10.0, help="custom size: mean page size in KB")
    args = parser.parse_args(argv)
    total = write(args.size, args.out, seed=args.seed, claim_rate=args.claim_rate, pages=args.pages, page_kb=args.page_kb)
    print(f"wrote {total / 1e6:.1f} MB to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
