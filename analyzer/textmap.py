"""Analysis text that remembers where each of its characters came from.

Models read NFKC-normalised plain text; users need offsets into the file they
have. Every character of the analysis text carries the source span it was made
from, so any span of analysis text maps back to a span of the decoded source
that slices it exactly (``source[start:end]``).
"""

from __future__ import annotations

import unicodedata

# Marks NFKC folds into the previous character (half-width and combining voicing).
_JOINERS = frozenset("\uff9e\uff9f\u3099\u309a")


class TextMap:
    """Analysis text plus, per character, the source span it stands for."""

    __slots__ = ("_parts", "ends", "starts", "text")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.text = ""

    def __len__(self) -> int:
        return len(self.starts)

    def add_source(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]``, NFKC-normalised, each character mapped back."""
        piece = source[start:end]
        if not piece:
            return
        if unicodedata.is_normalized("NFKC", piece):
            self._parts.append(piece)
            self.starts.extend(range(start, end))
            self.ends.extend(range(start + 1, end + 1))
            return
        i = 0
        n = len(piece)
        while i < n:
            j = i + 1
            while j < n and (unicodedata.combining(piece[j]) or piece[j] in _JOINERS):
                j += 1
            folded = unicodedata.normalize("NFKC", piece[i:j])
            self._parts.append(folded)
            self.starts.extend([start + i] * len(folded))
            self.ends.extend([start + j] * len(folded))
            i = j

    def add_replacement(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (an entity such as ``&amp;``)."""
        folded = unicodedata.normalize("NFKC", text)
        self._parts.append(folded)
        self.starts.extend([start] * len(folded))
        self.ends.extend([end] * len(folded))

    def add_break(self, at: int) -> None:
        """Append a line break that is not in the source (between blocks)."""
        self._parts.append("\n")
        self.starts.append(at)
        self.ends.append(at)

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def freeze(self) -> TextMap:
        self.text = "".join(self._parts)
        self._parts = [self.text]
        return self

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span for analysis text ``[start, end)`` (``end > start``)."""
        return self.starts[start], self.ends[end - 1]
