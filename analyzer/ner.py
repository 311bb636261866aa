"""The named-entity tagger: a linear-chain CRF (CRFsuite) over MeCab tokens.

Trained by ``make train-entities`` on the Stockmark Wikipedia NER train split
(``scripts/train_entities.py``) with BIO labels over the tokenizer's tokens, and
shipped as CRFsuite's own binary model (``analyzer/models/entities.crfsuite``,
memory-mapped, never unpickled) beside a JSON header naming its data and license
(``analyzer/models/entities.json``). The features of a token, all from the
tokenizer stage: its surface and lemma, UniDic's POS levels, the shape of its
characters, its first and last characters, the unknown-word flag, the same for
two tokens either side, surface bigrams around it, and the distributional word
clusters (``analyzer/models/word_clusters.tsv``, two granularities) of it and its
neighbours: words used alike (company names, place names, counters) share a
cluster, so the model generalises beyond the names it saw.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

from analyzer.resources import MODEL_DIR
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
CLUSTERS = MODEL_DIR / "word_clusters.tsv"


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Surface → (coarse cluster, fine cluster)."""
    out = {}
    with CLUSTERS.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, coarse, fine = line.rstrip("\n").split("\t")
                out[word] = (coarse, fine)
    return out


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


@cache
def shape(surface: str) -> str:
    """The classes of the characters, repeats collapsed: ``トヨタ自動車`` → ``TK``."""
    out = []
    for ch in surface:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:4])


def token_features(tokens: Sequence[Token]) -> list[list[str]]:
    """The CRF features of every token of one sentence."""
    own = []
    table = clusters()
    for t in tokens:
        surface = t.surface
        pos = t.pos
        own.append((surface, f"{pos[0]}-{pos[1]}-{pos[2]}", shape(surface), table.get(surface)))
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        surface, pos, kind, cluster = own[i]
        f = [
            "b",
            "w=" + surface,
            "p=" + pos,
            "p1=" + t.pos[0],
            "s=" + kind,
            "f=" + surface[0],
            "e=" + surface[-1],
            "e2=" + surface[-2:],
            "n=" + str(min(len(surface), 6)),
        ]
        if t.lemma != surface:
            f.append("l=" + t.lemma)
        if t.unknown:
            f.append("u")
        if cluster:
            f.append("c=" + cluster[0])
            f.append("cc=" + cluster[1])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                w, p, k, c = own[j]
                f.append(f"w{d}={w}")
                f.append(f"p{d}={p}")
                f.append(f"s{d}={k}")
                if c and -1 <= d <= 1:
                    f.append(f"c{d}={c[0]}")
                    f.append(f"cc{d}={c[1]}")
            else:
                f.append(f"w{d}=#")
        if i > 0:
            f.append(f"w-1|w={own[i - 1][0]}|{surface}")
        if i + 1 < n:
            f.append(f"w|w+1={surface}|{own[i + 1][0]}")
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
    """The entities of one sentence's tokens: (start, end, type), token offsets."""
    if not tokens:
        return []
    return spans(tokens, _tagger().tag(token_features(tokens)))


def version() -> str:
    with HEADER.open(encoding="utf-8") as handle:
        return json.loads(handle.readline())["version"]
