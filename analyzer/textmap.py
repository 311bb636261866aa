"""Analysis text that remembers where each of its characters came from.

Models read NFKC-normalised plain text; users need offsets into the file they
have. Every character of the analysis text carries the source span it was made
from, so any span of analysis text maps back to a span of the decoded source
that slices it exactly (``source[start:end]``).

The map is stored as segments, not per character: a run copied unchanged from
the source is one segment however long, so memory grows with the number of
Markdown pieces and normalised characters, not with the size of the text.
"""

from __future__ import annotations

import bisect
import unicodedata

# Marks NFKC folds into the previous character (half-width and combining voicing).
_JOINERS = frozenset("\uff9e\uff9f\u3099\u309a")


# A character the reader puts in the source's place where Markdown must see nothing
# (control characters, Liquid tags; a Unicode noncharacter, in no text): the frozen
# analysis text has a space there.
HIDDEN = "\ufdd0"


class TextMap:
    """Analysis text plus, per character, the source span it stands for."""

    __slots__ = (
        "_identity",
        "_length",
        "_parts",
        "_source_ends",
        "_source_starts",
        "_text_starts",
        "text",
    )

    def __init__(self) -> None:
        self._parts: list[str] = []
        # Segment k covers analysis text [_text_starts[k], _text_starts[k + 1]).
        # An identity segment maps character i to source _source_starts[k] + (i - start);
        # any other maps each of its characters to [_source_starts[k], _source_ends[k]).
        self._text_starts: list[int] = []
        self._source_starts: list[int] = []
        self._source_ends: list[int] = []
        self._identity: list[bool] = []
        self._length = 0
        self.text = ""

    def __len__(self) -> int:
        return self._length

    def add_source(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]``, NFKC-normalised, each character mapped back."""
        piece = source[start:end]
        if not piece:
            return
        if unicodedata.is_normalized("NFKC", piece):
            self._append_identity(piece, start)
            return
        i = 0
        n = len(piece)
        plain_from = 0  # start of the current run of characters NFKC leaves alone
        while i < n:
            j = i + 1
            # A mark joins the character before it, but for a space, which NFKC leaves
            # alone before one: a name starting at the mark maps to no space.
            while (
                j < n
                and (unicodedata.combining(piece[j]) or piece[j] in _JOINERS)
                and not piece[i].isspace()
            ):
                j += 1
            group = piece[i:j]
            folded = unicodedata.normalize("NFKC", group)
            if folded != group:
                if plain_from < i:
                    self._append_identity(piece[plain_from:i], start + plain_from)
                self._append_group(folded, start + i, start + j)
                plain_from = j
            i = j
        if plain_from < n:
            self._append_identity(piece[plain_from:], start + plain_from)

    def add_replacement(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (an entity such as ``&amp;``)."""
        self._append_group(unicodedata.normalize("NFKC", text), start, end)

    def add_break(self, at: int) -> None:
        """Append a line break that is not in the source (between blocks)."""
        self._append_group("\n", at, at)

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def last_source_end(self) -> int:
        """Source offset just past the last character added (0 when empty)."""
        return self.end_of(self._length - 1) if self._length else 0

    def freeze(self, blank: str | None = None) -> TextMap:
        """Join the text; ``blank`` characters in it become spaces (same offsets)."""
        self.text = "".join(self._parts)
        if blank is not None and blank in self.text:
            self.text = self.text.replace(blank, " ")
        self._parts = [self.text] if self.text else []
        return self

    def start_of(self, i: int) -> int:
        """Source offset where analysis character ``i`` starts."""
        k = bisect.bisect_right(self._text_starts, i) - 1
        if self._identity[k]:
            return self._source_starts[k] + (i - self._text_starts[k])
        return self._source_starts[k]

    def end_of(self, i: int) -> int:
        """Source offset just past analysis character ``i``."""
        k = bisect.bisect_right(self._text_starts, i) - 1
        if self._identity[k]:
            return self._source_starts[k] + (i - self._text_starts[k]) + 1
        return self._source_ends[k]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span for analysis text ``[start, end)`` (``end > start``)."""
        return self.start_of(start), self.end_of(end - 1)

    def _append_identity(self, piece: str, source_start: int) -> None:
        if (
            self._identity
            and self._identity[-1]
            and self._source_starts[-1] + (self._length - self._text_starts[-1]) == source_start
        ):
            pass  # continues the previous identity segment in both texts
        else:
            self._new_segment(source_start, source_start, identity=True)
        self._parts.append(piece)
        self._length += len(piece)

    def _append_group(self, folded: str, source_start: int, source_end: int) -> None:
        self._new_segment(source_start, source_end, identity=False)
        self._parts.append(folded)
        self._length += len(folded)

    def _new_segment(self, source_start: int, source_end: int, identity: bool) -> None:
        self._text_starts.append(self._length)
        self._source_starts.append(source_start)
        self._source_ends.append(source_end)
        self._identity.append(identity)
