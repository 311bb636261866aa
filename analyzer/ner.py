"""The named-entity tagger: a linear-chain CRF (CRFsuite) over MeCab tokens.

Trained by ``make train-entities`` on the Stockmark Wikipedia NER train split
(``scripts/train_entities.py``) with BIO labels over the tokenizer's tokens, and
shipped as CRFsuite's own binary model (``analyzer/models/entities.crfsuite``,
memory-mapped, never unpickled) beside a JSON header naming its data and license
(``analyzer/models/entities.json``). The features of a token, all from the
tokenizer stage: its surface and lemma, UniDic's POS levels, the shape of its
characters, its first and last characters, the unknown-word flag; the surfaces
of two tokens either side and the POS and shape of one; surface bigrams around
it; and the distributional word
clusters (``analyzer/models/word_clusters.json``, two granularities) of it and its
neighbours: words used alike (company names, place names, counters) share a
cluster, so the model generalises beyond the names it saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from analyzer.resources import MODEL_DIR, read_model
from analyzer.startup import kept
from analyzer.tokenizer import Token

# Stockmark's types, in our names.
TYPES = {
    "人名": "PERSON",
    "法人名": "COMPANY",
    "政治的組織名": "POLITICAL_ORG",
    "その他の組織名": "ORG",
    "地名": "LOCATION",
    "施設名": "FACILITY",
    "製品名": "PRODUCT",
    "イベント名": "EVENT",
}
MODEL = MODEL_DIR / "entities.crfsuite"
HEADER = MODEL_DIR / "entities.json"
CLUSTERS = MODEL_DIR / "word_clusters.json"


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Surface → (coarse cluster, fine cluster), the numbers as strings."""
    return kept("word_clusters", _read_clusters, CLUSTERS, Path(__file__))


def _read_clusters() -> dict[str, tuple[str, str]]:
    _, data = read_model(CLUSTERS.name)
    # One object per distinct pair (~2,000), not per word (~11,000): 1.4 MB less.
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    labels = list(zip(data["coarse"], data["fine"], strict=True))
    return {
        word: pairs.setdefault(pair, pair) for word, pair in zip(data["words"], labels, strict=True)
    }


def _char_class(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〆ヶ":
        return "K"
    if "\u3040" <= ch <= "\u309f":
        return "H"
    if "\u30a0" <= ch <= "\u30ff":
        return "T"
    if ch.isascii():
        if ch.isupper():
            return "A"
        if ch.isalpha():
            return "a"
        if ch.isdigit():
            return "D"
    return "O"


def shape(surface: str) -> str:
    """The classes of the characters, repeats collapsed: ``トヨタ自動車`` → ``TK``."""
    out = []
    for ch in surface:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:4])


# A word gives its neighbours its surface two tokens either side, and its POS, shape
# and clusters one token either side. Beyond either end of a sentence: "#".
_OFFSETS = (-2, -1, 1, 2)
_AROUND = tuple(f"w{d}=".encode() for d in _OFFSETS)
_BEYOND = tuple((name + b"#",) for name in _AROUND)

# Features are bytes, not str: CRFsuite reads UTF-8, and bytes spare it encoding each
# of a token's ~22 strings on every call (its time ~15% less; the same model).
Features = tuple[bytes, ...]


# ~1 KB a word: ~2 MB at most. 2,048 words answer 90% of lookups on the bench
# articles; 1,024 (86%) saved 2 MB of peak RSS but made the entity stage ~15% slower.
@lru_cache(maxsize=1 << 11)
def _word(
    surface: str, pos: tuple[str, str, str, str], lemma: str, unknown: bool
) -> tuple[Features, tuple[Features, ...], bytes]:
    """A token's own features, the features it gives its neighbours at each offset
    (in the order of ``_OFFSETS``; a tuple, not a dict: ~0.5 KB less a word), and its
    surface in UTF-8. A word's features never change, so they are built once per
    process. Those that do not spell the word (POS, shape, clusters) are shared by
    many words: ``_shared`` keeps one copy of each."""
    word = surface.encode()
    tag = _shared("p", f"{pos[0]}-{pos[1]}-{pos[2]}")
    kind = _shared("s", shape(surface))
    own = [b"w=" + word, b"b", tag[0], kind[0]]
    own += (
        b"f=" + surface[0].encode(),
        b"e=" + surface[-1].encode(),
        b"e2=" + surface[-2:].encode(),
    )
    if unknown:
        own.append(b"u")
    # What it gives the token after it (it is the left neighbour) and the one before it.
    left, right = [_AROUND[1] + word, tag[1], kind[1]], [_AROUND[2] + word, tag[2], kind[2]]
    cluster = clusters().get(surface)
    if cluster:
        coarse, fine = _shared("c", cluster[0]), _shared("cc", cluster[1])
        own += (coarse[0], fine[0])
        left += (coarse[1], fine[1])
        right += (coarse[2], fine[2])
    if lemma != surface:
        own.append(b"l=" + lemma.encode())
    around = ((_AROUND[0] + word,), tuple(left), tuple(right), (_AROUND[3] + word,))
    return tuple(own), around, word


@cache
def _shared(name: str, value: str) -> tuple[bytes, bytes, bytes]:
    """A word's feature ``name=value`` as its own, and as it gives it to the token after
    it (``name-1=``) and the one before it (``name1=``)."""
    return f"{name}={value}".encode(), f"{name}-1={value}".encode(), f"{name}1={value}".encode()


def token_features(tokens: Sequence[Token]) -> list[list[bytes]]:
    """The CRF features of every token of one sentence (UTF-8)."""
    words = [_word(t.surface, t.pos, t.lemma, t.unknown) for t in tokens]
    near = [_BEYOND, _BEYOND, *(w[1] for w in words), _BEYOND, _BEYOND]  # near[i + 2]: word i's
    out: list[list[bytes]] = []
    previous = b""
    for i, (own, _, word) in enumerate(words):
        f = [*own, *near[i][0], *near[i + 1][1], *near[i + 3][2], *near[i + 4][3]]
        if i:  # the previous word and this one: a bigram both of them see
            pair = previous + b"|" + word
            f.append(b"w-1|w=" + pair)
            out[-1].append(b"w|w+1=" + pair)
        previous = word
        out.append(f)
    return out


def spans(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the entities that BIO ``labels`` mark on ``tokens``."""
    found: list[tuple[int, int, str]] = []
    start = end = -1
    kind = ""
    for token, label in zip(tokens, labels, strict=True):
        if label.startswith("I-") and start >= 0 and label[2:] == kind:
            end = token.end
            continue
        if start >= 0:
            found.append((start, end, kind))
            start = -1
        if label != "O":  # B-, or an I- without its B-: begin here
            start, end, kind = token.start, token.end, label[2:]
    if start >= 0:
        found.append((start, end, kind))
    return found


@cache
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def tag(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """The entities of one sentence's tokens: (start, end, type), token offsets.

    The Stockmark data has no lenticular brackets, and the tagger ran names across them
    (``【米国株】エヌビディア``, one product) or typed what they hold as a title: it reads
    a headline's label as a clause, ``【`` as nothing and ``】`` as ``、``. Nor has it
    double corner brackets, which quote the titles of works (``『鬼滅の刃』``, missed): it
    reads them as single ones, ``「鬼滅の刃」``, whose titles it learnt. Lenticular
    brackets after a word, inside a sentence, it reads as round ones (``使い比べた感想
    【Cursor / Claude Code】``: with ``【`` as nothing it ran ``感想`` into the list, an
    event)."""
    if not any(t.surface in _UNSEEN for t in tokens):
        return _tag(tokens)
    read: list[Token] = []
    inside = False  # in lenticular brackets read as round ones
    for token in tokens:
        if token.surface == "】":
            if inside:
                read.append(Token(")", token.start, _CLOSE_POS, ")", "", False))
            else:
                read.append(Token("、", token.start, _COMMA_POS, "、", "", False))
            inside = False
        elif token.surface == "【":
            if read and read[-1].pos[0] != "補助記号" and read[-1].end == token.start:
                read.append(Token("(", token.start, _OPEN_POS, "(", "", False))
                inside = True
        elif token.surface in _DOUBLE_QUOTES:
            single = _DOUBLE_QUOTES[token.surface]
            read.append(Token(single, token.start, token.pos, single, "", False))
        else:
            read.append(token)
    return _tag(read)


_DOUBLE_QUOTES = {"『": "「", "』": "」"}
_UNSEEN = ("【", "】", *_DOUBLE_QUOTES)
_COMMA_POS = ("補助記号", "読点", "*", "*")
_OPEN_POS = ("補助記号", "括弧開", "*", "*")
_CLOSE_POS = ("補助記号", "括弧閉", "*", "*")


def _tag(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    if not tokens:
        return []
    return spans(tokens, _tagger().tag(token_features(tokens)))
