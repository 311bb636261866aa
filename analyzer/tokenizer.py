"""Tokenizer stage: MeCab (fugashi) with UniDic-lite, one Tagger per process.

Tokens are small slotted objects with offsets into the analysis text. Reading
``feature_raw`` and splitting it once is about twice as fast as fugashi's
named-tuple ``feature`` (see BENCHMARKS.md), and this stage sets the pace of
everything after it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

import fugashi

from analyzer.sentences import Sentence

_tagger: fugashi.GenericTagger | None = None

# Index of each field in UniDic's feature CSV (unidic-lite 2.1.2).
_POS_FIELDS = 4
_READING = 17  # kana: the reading of the surface form
_BASE = 10  # orthBase: dictionary form as written
_NEEDED = _READING + 1


class Token:
    """One MeCab token; ``start``/``end`` index the analysis text."""

    __slots__ = ("end", "lemma", "pos", "reading", "start", "surface", "unknown")

    def __init__(
        self,
        surface: str,
        start: int,
        pos: tuple[str, str, str, str],
        lemma: str,
        reading: str,
        unknown: bool,
    ) -> None:
        self.surface = surface
        self.start = start
        self.end = start + len(surface)
        self.pos = pos
        self.lemma = lemma
        self.reading = reading
        self.unknown = unknown

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.start}, {'-'.join(p for p in self.pos if p != '*')})"


def tagger() -> fugashi.GenericTagger:
    """The process's Tagger, created on first use (it costs a dictionary load)."""
    global _tagger
    if _tagger is None:
        import unidic_lite

        dicdir = unidic_lite.DICDIR
        _tagger = fugashi.GenericTagger(f'-r "{dicdir}/mecabrc" -d "{dicdir}"')
    return _tagger


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``, with offsets shifted by ``offset``."""
    tokens: list[Token] = []
    pos = offset
    for node in tagger().parseToNodeList(text):
        surface = node.surface
        pos += len(node.white_space)
        raw = node.feature_raw
        fields = raw.split(",", _NEEDED) if '"' not in raw else next(csv.reader([raw]))
        unknown = len(fields) <= _BASE
        tokens.append(
            Token(
                surface,
                pos,
                (fields[0], fields[1], fields[2], fields[3]),
                surface if unknown else (fields[_BASE] or surface),
                "" if unknown else fields[_READING],
                unknown,
            )
        )
        pos += len(surface)
    return tokens


def tokenize_sentences(text: str, sentences: Iterable[Sentence]) -> list[list[Token]]:
    """Tokens of each sentence of the analysis text, in document offsets."""
    return [tokenize(text[s.start : s.end], s.start) for s in sentences]
