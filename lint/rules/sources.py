"""What counts as citing a source in page prose: markers, author-year, PMID/DOI, links to papers,
and the page's own reference list (so a marker like [3] can be checked against it)."""
from typing import Iterator, NamedTuple
from urllib.parse import urlsplit

import regex

from lint.models import Document, Span
from lint.compiled import compile as cached_regex

# [1] [1, 2] [1-3] [^1] and superscript digits ¹²³; and Markdown's named footnotes [^trials]
MARKER = cached_regex(r"\[\^?(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]|([\u00b9\u00b2\u00b3\u2070-\u2079]+)|\[\^([\w-]+)\]")
_FOOTNOTE_DEFINITION = cached_regex(r"^\s*\[\^([\w-]+)\]:")
# (Smith et al., 2019) (Smith 2019) (Smith and Jones, 2019; Lee 2020) Smith et al. (2019) Smith (2019)
# (Smith et al., Am J Psychiatry, 2013) (Smith et al., 2013, Lancet): a journal's name may stand beside the year
AUTHOR_YEAR = cached_regex(
    r"""
    \(\s*(?:see\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?
        (?:,\s*\p{Lu}[^();\d]{1,60}?)?,?\s+(?:19|20)\d\d[a-z]?
        (?:\s*[;,]\s*[^()]{0,80}?(?:19|20)\d\d[a-z]?)*(?:,\s*\p{Lu}[^();]{0,60})?\s*\)
  | \b\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?\s+\((?:19|20)\d\d[a-z]?\)
    """,
    regex.VERBOSE,
)
IDENTIFIER = cached_regex(r"(?i)\b(?:PMID:?\s*\d{6,9}|PMC\d{5,9}|doi:\s*10\.\d{4,9}/\S+|10\.\d{4,9}/[^\s\"<>]+|NCT\d{8})\b")
PAPER_HOSTS = (
    "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "europepmc.org", "doi.org", "dx.doi.org",
    "clinicaltrials.gov", "cochranelibrary.com", "nejm.org", "jamanetwork.com", "thelancet.com", "bmj.com",
    "nature.com", "sciencedirect.com", "link.springer.com", "springer.com", "onlinelibrary.wiley.com",
    "academic.oup.com", "journals.lww.com", "tandfonline.com", "journals.sagepub.com", "journals.plos.org",
    "frontiersin.org", "mdpi.com", "biomedcentral.com", "karger.com", "cureus.com", "medrxiv.org",
    "biorxiv.org", "psychiatryonline.org", "ahajournals.org", "painphysicianjournal.com", "jpain.org",
    "ajp.psychiatryonline.org", "cambridge.org", "scholar.google.com", "semanticscholar.org",
    "researchgate.net", "thieme-connect.com", "dovepress.com", "hindawi.com", "jci.org", "pnas.org",
)
_REFERENCES_HEADING = cached_regex(
    r"(?i)^\W*(?:references?|sources?|citations?|bibliography|works cited|footnotes|notes|"
    r"studies cited|research cited|further reading|literature)\W*$"
)
_NUMBERED_ENTRY = cached_regex(r"^\s*(?:\[\^?(\d{1,3})\]:?|(\d{1,3})[.)])\s+\S")
_BIBLIOGRAPHIC = cached_regex(
    r"(?i)(?:\bdoi\b|\bpmid\b|\bpmc\d|10\.\d{4,9}/|\bet al\.|\(\s*(?:19|20)\d\d[a-z]?\s*\)|"
    r"\b(?:19|20)\d\d\s*;\s*\d+|\bjournal\b|\bjama\b|\blancet\b|\bpain\s+(?:med|res|physician)\b)"
)
_SUPERSCRIPT = str.maketrans("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", "1230456789")


class ReferenceList(NamedTuple):
    """The page's own reference entries: explicit numbers, and a count of unnumbered ones."""

    numbers: frozenset[int]
    unnumbered: int
    footnotes: frozenset[str] = frozenset()

    def has(self, number: int) -> bool:
        return number in self.numbers or 0 < number <= self.unnumbered


def is_paper_link(href: str) -> bool:
    """True for a link to a paper, trial registry or journal (not just any website)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return False
    if any(host == h or host.endswith("." + h) for h in PAPER_HOSTS):
        return True
    return "/doi/" in parts.path.lower() or bool(IDENTIFIER.search(href))


def _entries(doc: Document) -> Iterator[str]:
    """Each block's lines, stripped: a plain-text reference list is one block of lines."""
    for block in doc.blocks:
        for line in doc.prose[block.start:block.end].split("\n"):
            if line.strip():
                yield line.strip()


_last: tuple[Document | None, "ReferenceList | None"] = (None, None)


def reference_list(doc: Document) -> ReferenceList:
    """Numbered entries anywhere, plus entries under a References heading or that look
    bibliographic (read once per document: every statement of every citation rule asks)."""
    global _last
    if _last[0] is not doc:
        _last = (doc, _read_reference_list(doc))
    return _last[1]  # type: ignore[return-value]


def _read_reference_list(doc: Document) -> ReferenceList:
    numbers: set[int] = set()
    footnotes: set[str] = set()
    unnumbered = 0
    in_section = False
    for text in _entries(doc):
        if len(text) <= 40 and _REFERENCES_HEADING.match(text):
            in_section = True
            continue
        if named := _FOOTNOTE_DEFINITION.match(text):
            footnotes.add(named.group(1).lower())
        numbered = _NUMBERED_ENTRY.match(text)
        if numbered and (in_section or _BIBLIOGRAPHIC.search(text) or numbered.group(1)):
            numbers.add(int(numbered.group(1) or numbered.group(2)))
        elif in_section or (_BIBLIOGRAPHIC.search(text) and len(text) < 600 and not MARKER.search(text)):
            unnumbered += 1
    return ReferenceList(frozenset(numbers), unnumbered, frozenset(footnotes))


_VANCOUVER_START = cached_regex(r"^\s*\p{Lu}[\p{L}'’-]+\s+\p{Lu}{1,3}[,.]")


def is_reference_entry(doc: Document, offset: int) -> bool:
    """True when the line at prose `offset` is an entry of the page's reference list
    ("[3] Sigtermans MJ, et al. Ketamine produces long-term pain relief… Pain. 2009;145:304."):
    a paper's title there is a citation, not the page's claim."""
    block = doc.block_at(offset)
    start = max(block.start, doc.prose.rfind("\n", block.start, offset) + 1)
    end = doc.prose.find("\n", offset, block.end)
    text = doc.prose[start:end if end >= 0 else block.end]
    if len(text) > 600 or not (_NUMBERED_ENTRY.match(text) or _VANCOUVER_START.match(text)):
        return False
    return _BIBLIOGRAPHIC.search(text) is not None


def marker_numbers(text: str) -> list[int]:
    """The numbers a citation marker points to: [1, 3-4] → 1, 3, 4 (ranges capped)."""
    out: list[int] = []
    for part in regex.split(r"\s*,\s*", text.translate(_SUPERSCRIPT)):
        bounds = [int(n) for n in regex.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 20:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def citation_in(doc: Document, span: Span) -> tuple[bool, str]:
    """Whether prose `span` cites a source; if it only has markers the page cannot resolve, which.
    The page's reference list is read only for a marker ("[3]"): most statements have none."""
    text = doc.prose[span.start:span.end]
    if AUTHOR_YEAR.search(text) or IDENTIFIER.search(text):
        return True, ""
    if any(link.start < span.end and span.start < link.end and is_paper_link(link.href) for link in doc.links):
        return True, ""
    unresolved = ""
    for m in MARKER.finditer(text):
        refs = reference_list(doc)
        if m.group(3) is not None:
            if m.group(3).lower() in refs.footnotes:
                return True, ""
            unresolved = unresolved or m.group(0)
            continue
        numbers = marker_numbers(m.group(1) or m.group(2))
        if any(refs.has(n) for n in numbers):
            return True, ""
        unresolved = unresolved or m.group(0)
    return False, unresolved
