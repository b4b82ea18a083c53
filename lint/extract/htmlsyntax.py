"""HTML as a prose reader sees it: the token patterns, and which elements and attributes hold prose.

Tokens are found by regexes over the source (no DOM, no per-character loop): every
match carries exact offsets. The patterns follow the HTML tokenizer's rules where they
matter for text: a `<` not followed by a letter, `/`, `!` or `?` is text; comments end
at the first `-->` (or run to the end of the file); a tag's quoted attribute values may
contain `>`; an unterminated tag at the end of the file is dropped.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from lint.compiled import compile as cached_regex

_ATTRS = r"""(?:[\s/]++|[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+)*+"""

#: Any markup at a `<`. Text is what lies between matches.
MARKUP = cached_regex(
    rf"""<(?:
        (?P<start>[A-Za-z][^\s/>]*+)(?P<attrs>{_ATTRS})>
      | /(?P<end>[A-Za-z][^\s/>]*+)[^>]*+>
      | !--(?P<comment>>|->|.*?(?:--!?>|\Z))
      | !\[CDATA\[.*?(?:\]\]>|\Z)
      | [!?][^>]*+(?:>|\Z)
      | /[^A-Za-z>][^>]*+(?:>|\Z)
      | /> | (?P<unterminated>[A-Za-z/])
    )""",
    regex.VERBOSE | regex.DOTALL,
)

#: One attribute in a tag's attribute text: name, and the value with its offsets.
ATTRIBUTE = cached_regex(
    r"""(?P<name>[^\s/>][^\s/>=]*)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s>]*)))?"""
)
#: Cheap test: does a tag's attribute text hold any attribute we read?
WANTED_ATTRIBUTE = cached_regex(r"(?i)(?:title|alt|label|placeholder|href|content|value)\s*=")

#: `<sup>` holding only a footnote number (digits, commas, dashes, spaces), maybe inside a link.
FOOTNOTE_SUP = cached_regex(
    r"""<sup\b[^>]*>\s*(?:<a\b(?P<attrs>[^>]*)>\s*)?(?P<n>[0-9][0-9,\s\-\u2013\u2014]*?)\s*(?:</a\s*>\s*)?</sup\s*>""",
    regex.IGNORECASE,
)
#: `<br>`s following one another (whitespace between): a paragraph break, not a line break.
MORE_BREAKS = cached_regex(r"(?:\s*<br\b[^>]*>)+", regex.IGNORECASE)

#: Elements whose content is not markup (the tokenizer's raw text and RCDATA elements);
#: skipped whole, except <title>, whose text is read.
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "plaintext", "title"})

#: Elements whose content a visitor does not read as prose: code, and content never rendered.
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "template", "canvas", "math"})
#: Of those, the ones that are phrasing content: a block's end tag also ends them.
SKIPPED_INLINE = frozenset({"code", "kbd", "samp"})

#: Elements that do not break the flow of a sentence. Everything else (blocks, and unknown
#: or custom elements, which are usually components) ends the current block.
INLINE = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "label", "mark", "nobr", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "picture", "source", "meta", "link",
    "input", "area", "map", "output", "meter", "progress", "slot",
})

#: Attributes read as prose on any element, and a few element-specific ones.
TEXT_ATTRIBUTES = frozenset({"title", "aria-label", "placeholder"})
ALT_ELEMENTS = frozenset({"img", "area", "input"})
BUTTON_INPUT_TYPES = frozenset({"submit", "button", "reset"})
#: <meta name|property=…> whose content a visitor reads (search results, social cards).
META_NAMES = frozenset({
    "description", "og:description", "og:title", "og:image:alt",
    "twitter:description", "twitter:title", "twitter:image:alt",
})

BLOCK_ENDS = ("p", "li", "dd", "dt", "td", "th", "tr", "div", "section", "article", "aside", "header",
              "footer", "main", "nav", "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4",
              "h5", "h6", "ul", "ol", "table", "body", "html", "form", "details", "summary")


@lru_cache(maxsize=64)
def closing(name: str) -> regex.Pattern[str]:
    """The end tag of a raw-text element (`</script>`), case-insensitive. An end tag cut off by the end
    of the text ends there (trying every `</script` of a long tail with no `>` would be quadratic)."""
    return regex.compile(rf"</{regex.escape(name)}(?=[\s/>])[^>]*+(?:>|\Z)", regex.IGNORECASE)


@lru_cache(maxsize=64)
def nested(name: str) -> regex.Pattern[str]:
    """Start and end tags of a skipped element (to count nesting); for phrasing elements, also
    any block end tag, which closes them as it closes a browser's open inline elements."""
    blocks = "|".join(BLOCK_ENDS) if name in SKIPPED_INLINE else ""
    stop = rf"|</(?P<block>{blocks})(?=[\s/>])[^>]*+(?:>|\Z)" if blocks else ""
    return regex.compile(
        rf"<!--.*?(?:-->|\Z)|<(?P<close>/)?{regex.escape(name)}(?=[\s/>])[^>]*+(?:>|\Z){stop}",
        regex.IGNORECASE | regex.DOTALL,
    )
