"""Tokenizer stage: MeCab (fugashi) with UniDic-lite, one Tagger per process.

Tokens are small slotted objects with offsets into the analysis text. MeCab
prints only the fields kiji reads, one line per token, and one ``parse`` string
per sentence is split in Python: faster than reading fugashi's nodes (see
BENCHMARKS.md), and this stage sets the pace of everything after it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import fugashi

from analyzer.sentences import Sentence

_tagger: fugashi.GenericTagger | None = None
# UniDic's files as MeCab maps them into this process: (address, length) of each
# read-only mapping, found once after the Tagger is made (None: not looked yet).
_mappings: list[tuple[int, int]] | None = None


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


# MeCab prints each token as one line of tab-separated fields we ask for: the
# preceding white space and the surface, the four POS levels joined by commas,
# orthBase (the lemma) and kana (the reading); unknown words have no lemma or
# reading and end in "U". Splitting one string per sentence costs a fifth less than
# walking fugashi's node objects. `%f[N]` prints "" for UniDic's "*".
_FIELDS = r"%pS%m\\t%f[0],%f[1],%f[2],%f[3]"
_NODE_FORMAT = _FIELDS + r"\\t%f[10]\\t%f[17]\\n"
_UNKNOWN_FORMAT = _FIELDS + r"\\t\\t\\tU\\n"
_TAGGER_ARGS = (
    f"--node-format={_NODE_FORMAT} --unk-format={_UNKNOWN_FORMAT} "
    "--eos-format=EOS --output-format-type="  # the empty type: our formats, not UniDic's
)
# MeCab skips tabs, line feeds and vertical tabs like spaces; as spaces they cannot
# break the lines of its output. Variant kanji of names that NFKC keeps and UniDic does
# not know (髙橋, 山﨑, 𠮷野家, 喜㔟) it reads as their common forms, one character for
# one, so that 髙橋 is the surname 高橋 to it, not an unknown common noun (the tagger
# typed 髙橋誠 a firm); a token's offsets are unchanged, its surface is the common form.
_FOR_MECAB = str.maketrans(
    "\t\n\v髙﨑𠮷㔟德邉邊栁桒瀨濵曻淸舩曵黑",
    "   高崎吉勢徳辺辺柳桑瀬浜昇清船曳黒",
)
# One tuple per distinct POS (a few hundred), shared by every token that has it.
_POS: dict[str, tuple[str, str, str, str]] = {}


def _pos(field: str) -> tuple[str, str, str, str]:
    """The POS tuple of MeCab's ``名詞,普通名詞,一般,`` (empty levels are ``*``)."""
    a, b, c, d = (level or "*" for level in field.split(","))
    return _POS.setdefault(field, (a, b, c, d))


def tagger() -> fugashi.GenericTagger:
    """The process's Tagger, created on first use (it costs a dictionary load)."""
    global _tagger
    if _tagger is None:
        import unidic_lite

        dicdir = unidic_lite.DICDIR
        _tagger = fugashi.GenericTagger(f'-r "{dicdir}/mecabrc" -d "{dicdir}" {_TAGGER_ARGS}')
    return _tagger


def release_dictionary() -> None:
    """Unmap the dictionary pages this process has read; the next read maps them again.

    MeCab maps UniDic's 260 MB of files, and every page a text has touched stays
    counted in the process's resident memory: a batch worker would grow to ~200 MB of
    them over a few hundred articles. The pages stay in the kernel's page cache (one
    copy for all the workers), so reading one again costs a minor fault, not a disk
    read. Batch workers call this after each article. Linux only; elsewhere, or if
    the mappings cannot be found, it does nothing.
    """
    global _mappings
    if _tagger is None:
        return
    if _mappings is None:
        _mappings = _dictionary_mappings()
    if not _mappings:
        return
    import ctypes
    import mmap

    madvise = ctypes.CDLL(None).madvise
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    for address, length in _mappings:
        madvise(address, length, mmap.MADV_DONTNEED)


def _dictionary_mappings() -> list[tuple[int, int]]:
    if not sys.platform.startswith("linux"):
        return []
    import os

    import unidic_lite

    folder = os.path.realpath(unidic_lite.DICDIR) + "/"  # /proc names files by real path
    found = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(maxsplit=5)
                # read-only mappings of the dictionary's files: nothing there to lose
                read_only = len(fields) == 6 and fields[1].startswith("r-")
                if read_only and fields[5].startswith(folder):
                    start, end = (int(x, 16) for x in fields[0].split("-"))
                    found.append((start, end - start))
    except OSError:
        return []
    return found


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``, with offsets shifted by ``offset``."""
    tokens: list[Token] = []
    pos = offset
    lines = tagger().parse(text.translate(_FOR_MECAB)).split("\n")
    lines.pop()  # EOS
    known = _POS
    for line in lines:
        fields = line.split("\t")
        spaced = fields[0]
        surface = spaced.lstrip(" ")
        pos += len(spaced) - len(surface)
        tag = fields[1]
        tokens.append(
            Token(
                surface,
                pos,
                known.get(tag) or _pos(tag),
                fields[2] or surface,
                fields[3],
                len(fields) == 5,
            )
        )
        pos += len(surface)
    return tokens


def tokenize_sentences(text: str, sentences: Iterable[Sentence]) -> list[list[Token]]:
    """Tokens of each sentence of the analysis text, in document offsets."""
    return [tokenize(text[s.start : s.end], s.start) for s in sentences]
