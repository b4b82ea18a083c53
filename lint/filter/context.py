"""Claim context: is the claim denied, asked about, supposed, or reported as someone else's?

After NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009): trigger terms before
or after the claim, a scope that ends at clause boundaries and a few words away, and
pseudo-triggers that look like negations but are not ("not only", "no doubt"). The
trigger lists are data (`rulesets/context.yaml`); a rule lists the contexts that defuse
it in `defused_by`.
"""
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping, NamedTuple, Sequence

import regex

from lint.errors import RuleError
from lint.models import Document, Finding, Rule
from lint.rules.loader import builtin_dir, read_yaml
from lint.rules.patterns import FLAGS, budget, compile_patterns, finditer, search
from lint.compiled import compile as cached_regex

LOG = logging.getLogger(__name__)

ORDER = ("negated", "question", "hypothetical", "attributed")
_SCOPED = ("negated", "hypothetical", "attributed")
_KEYS = {"window", "terminators", "pseudo", "question", *_SCOPED}
_WORD = cached_regex(r"\w+")
_CLOSERS = "\"')]*_ \t\r\n"
#: Words between a trigger and a claim that form a list ending in "or": "pill, injection or therapy".
_LIST = cached_regex(r"(?:\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*,)+\s*(?:[\w'’-]+\s+){0,3}?(?:or|nor)(?:\s+[\w'’-]+){0,3}\s*")
#: How far before and after a claim its triggers are looked for (characters): far beyond `window`
#: words in any real sentence, and it keeps a page that is one endless sentence linear in time.
REACH = 1000


class Triggers(NamedTuple):
    window: int
    terminators: regex.Pattern[str]
    pseudo: regex.Pattern[str] | None
    pre: Mapping[str, regex.Pattern[str]]
    post: Mapping[str, regex.Pattern[str]]
    rhetorical: regex.Pattern[str] | None
    affirmed: regex.Pattern[str] | None
    reported: regex.Pattern[str] | None = None


def load_triggers(extra: Sequence[Path] = ()) -> Triggers:
    """The bundled trigger lists, extended by each file in `extra` (lists add up, window overrides)."""
    lists: dict[str, list[str]] = {}
    window = 6
    for path in (builtin_dir() / "context.yaml", *extra):
        if not path.is_file():
            raise RuleError("context trigger file not found", origin=str(path))
        data = read_yaml(path, cached=True) or {}
        if not isinstance(data, dict):
            raise RuleError("expected a mapping of trigger lists", origin=f"{path}:1")
        for key, value in data.items():
            if key not in _KEYS:
                raise RuleError(f"unknown key {key!r}; expected {', '.join(sorted(_KEYS))}", origin=str(path))
            if key == "window":
                if not isinstance(value, int) or not 0 < value <= 50:
                    raise RuleError("window: expected a number of words from 1 to 50", origin=str(path))
                window = value
            elif isinstance(value, list):
                lists.setdefault(key, []).extend(_strings(value, key, path))
            elif isinstance(value, dict):
                for sub, items in value.items():
                    lists.setdefault(f"{key}.{sub}", []).extend(_strings(items, f"{key}.{sub}", path))
            else:
                raise RuleError(f"{key}: expected a list or a mapping of lists", origin=str(path))

    def pattern(key: str, *, bounded: bool = True) -> regex.Pattern[str] | None:
        items = lists.get(key)
        if not items:
            return None
        try:
            return compile_patterns(items, bounded=bounded)
        except ValueError as exc:
            raise RuleError(f"{key}: {exc}", origin="context triggers") from None

    return Triggers(
        window=window,
        terminators=pattern("terminators", bounded=False) or regex.compile(r"[;:]", FLAGS),
        pseudo=pattern("pseudo"),
        pre={c: p for c in _SCOPED if (p := pattern(f"{c}.pre"))},
        post={c: p for c in _SCOPED if (p := pattern(f"{c}.post"))},
        rhetorical=pattern("question.rhetorical"),
        affirmed=pattern("question.affirmed_by"),
        reported=pattern("attributed.quoted_by"),
    )


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if not isinstance(value, list):
        raise RuleError(f"{key}: expected a list of patterns", origin=str(path))
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise RuleError(f"{key}: {item!r} is not a pattern (quote words YAML reads as values: \"no\", \"yes\", \"on\")",
                            origin=str(path))
    return value


def classify(doc: Document, start: int, end: int, triggers: Triggers) -> tuple[str, ...]:
    """The contexts (in ORDER) that the claim at prose [start, end) stands in."""
    if not doc.sentences:
        return ()
    index = doc.sentence_index(start)
    sentence = doc.sentences[index]
    prose = doc.prose
    found: set[str] = set()
    first = max(sentence.start, start - REACH)  # where a trigger before the claim may start

    clause_end = min(sentence.end, end + REACH)
    if end < clause_end:
        m = search(triggers.terminators, prose, end, clause_end)
        clause_end = m.start() if m else clause_end

    def in_scope(trigger_end: int) -> bool:
        """No clause boundary and at most `window` words between a pre-trigger and the claim.
        The commas of a list are no boundary: "No pill, injection or therapy works for everyone"."""
        if len(_WORD.findall(prose, trigger_end, start)) > triggers.window:
            return False
        return (search(triggers.terminators, prose, trigger_end, start) is None
                or _LIST.fullmatch(prose, trigger_end, start) is not None)

    pseudo = [(m.start(), m.end()) for m in finditer(triggers.pseudo, prose, first, start)] if triggers.pseudo else []
    for category, pattern in triggers.pre.items():
        for m in finditer(pattern, prose, first, start):
            if any(m.start() < p_end and p_start < m.end() for p_start, p_end in pseudo):
                continue
            if in_scope(m.end()):
                found.add(category)
                break
    for category, pattern in triggers.post.items():
        m = search(pattern, prose, end, clause_end)
        if m and len(_WORD.findall(prose, end, m.start())) <= triggers.window:
            found.add(category)

    if _is_question(doc, index, start, end, triggers):
        found.add("question")
    if "attributed" not in found and _in_reported_quote(prose, sentence.start, sentence.end, start, end, triggers):
        found.add("attributed")
    return tuple(c for c in ORDER if c in found)


_FIRST_PERSON = cached_regex(r"(?i)\b(?:we|our|us|i|my)\b")


def _in_reported_quote(prose: str, lo: int, hi: int, start: int, end: int, triggers: Triggers) -> bool:
    """The claim stands inside double quotes that the rest of its sentence reports as someone
    else's words: a news story quoting an ad ("the clinic's site promised "100% safe""), a
    list of red flags ("phrases such as "clinically proven""). A sentence in the page's own
    voice ("our patients say "…"") reports nothing: testimonials stay claims."""
    if triggers.reported is None:
        return False
    lo, hi = max(lo, start - REACH), min(hi, end + REACH)
    before, after = prose[lo:start], prose[end:hi]
    if before.count('"') % 2 == 1 and '"' in after:
        opening, closing = lo + before.rindex('"'), end + after.index('"')
    elif before.rfind("“") > before.rfind("”") and "”" in after:
        opening, closing = lo + before.rindex("“"), end + after.index("”")
    else:
        return False
    outside = (lo, opening), (closing + 1, hi)
    if any(search(_FIRST_PERSON, prose, a, b) for a, b in outside):
        return False
    return any(search(triggers.reported, prose, a, b) for a, b in outside)


def _is_question(doc: Document, index: int, start: int, end: int, triggers: Triggers) -> bool:
    """A sentence ending in "?", unless a rhetorical opener leads up to the claim or starts it
    ("Tired of pain? …", "Why wait until it is too late?")."""
    sentence = doc.sentences[index]
    text = doc.prose[max(sentence.start, sentence.end - REACH):sentence.end].rstrip(_CLOSERS)
    if not text.endswith("?"):
        return False
    if triggers.rhetorical and search(triggers.rhetorical, doc.prose, max(sentence.start, start - REACH), min(end, start + REACH)):
        return False
    if triggers.affirmed and index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        if triggers.affirmed.match(doc.prose, following.start, following.end,
                                   timeout=budget(following.start, following.end)):
            return False
    return True


def apply(findings: list[Finding], doc: Document, rules: Mapping[str, Rule], triggers: Triggers) -> list[Finding]:
    """Set aside findings whose context is one their rule lists in `defused_by`."""
    out = []
    for finding in findings:
        rule = rules.get(finding.code)
        if finding.suppressed or rule is None or not rule.defused_by or finding.end <= finding.start:
            out.append(finding)
            continue
        try:
            contexts = classify(doc, finding.start, finding.end, triggers)
        except TimeoutError:
            raise RuleError(f"a trigger pattern took too long on {doc.path}; simplify it (nested repeats?)",
                            origin="context triggers") from None
        reason = next((c for c in contexts if c in rule.defused_by), "")
        out.append(replace(finding, suppressed=reason) if reason else finding)
    return out
