"""Prose offset → source offset → 1-based line:column. The only position arithmetic there is."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from lint.compiled import compile as cached_regex

_LINE_BREAK = cached_regex(r"\r\n|\r|\n")


def line_starts(source: str) -> list[int]:
    """Offsets where each line begins; `\\r\\n`, `\\r` and `\\n` each end a line, as editors count.

    Without a `\\r` only `\\n` ends lines, and adding up the lengths of `str.split`'s pieces
    is four times faster than a regex match object per line."""
    if "\r" in source:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
    return [0, *accumulate(len(line) + 1 for line in source.split("\n")[:-1])]


class SourceMap:
    """Maps prose offsets back to source offsets, and source offsets to line:column.

    Extractors record segments as they emit prose; nothing ever searches the source
    again for a match (re-locating text afterwards is how positions drift).
    A segment is verbatim (one prose character per source character) or a
    replacement (an entity such as `&rsquo;`, or a synthetic block break) whose
    prose maps onto the whole source range.
    """

    __slots__ = ("_prose_starts", "_source_starts", "_source_ends", "_verbatim", "_line_starts", "_source_len",
                 "_line_texts")

    def __init__(self, segments: list[tuple[int, int, int, bool]], source: str,
                 starts: list[int] | None = None) -> None:
        """`starts`: the source's line_starts, if the extractor has them already."""
        columns = zip(*segments) if segments else ((), (), (), ())
        self._prose_starts, self._source_starts, self._source_ends, self._verbatim = columns
        self._line_starts = line_starts(source) if starts is None else starts
        self._source_len = len(source)
        self._line_texts: dict[int, str] = {}

    def _segment(self, offset: int) -> int:
        return max(bisect_right(self._prose_starts, offset) - 1, 0)

    def source_offset(self, offset: int) -> int:
        """Source offset of the prose character at `offset`."""
        if not self._prose_starts:
            return 0
        i = self._segment(offset)
        if self._verbatim[i]:
            return min(self._source_starts[i] + offset - self._prose_starts[i], self._source_len)
        return self._source_starts[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source range covering the prose range [start, end)."""
        if not self._prose_starts:
            return (0, 0)
        src_start = self.source_offset(start)
        last = max(end - 1, start)
        i = self._segment(last)
        if self._verbatim[i]:
            src_end = self._source_starts[i] + last - self._prose_starts[i] + 1
        else:
            src_end = self._source_ends[i]
        return src_start, max(min(src_end, self._source_len), src_start)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        line = bisect_right(self._line_starts, source_offset)
        return line, source_offset - self._line_starts[line - 1] + 1

    def end_line_col(self, source_end: int) -> tuple[int, int]:
        """Line and column just past the last character of a range ending at `source_end`.

        The end stays on the line of the last character even when the range ends
        right before a line break, so `end_column` is never column 1 of the next line.
        """
        if source_end <= 0:
            return 1, 1
        line, col = self.line_col(source_end - 1)
        return line, col + 1

    def line_text(self, source: str, line: int) -> str:
        """A 1-based line of `source` (the text this map is of), without its line break.

        One copy per line, however many findings stand on it: a minified page is one line
        of megabytes, and a copy per finding would exhaust memory.
        """
        text = self._line_texts.get(line)
        if text is None:
            start, end = self.line_span(line)
            text = self._line_texts[line] = source[start:end].rstrip("\r\n")
        return text

    def line_span(self, line: int) -> tuple[int, int]:
        """Source range of a 1-based line, line break included."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else self._source_len
        return start, end
