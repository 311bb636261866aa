"""Keywords, first version: compound nouns ranked by frequency and where they appear.

A compound is a maximal run of noun-like tokens (nouns, noun prefixes and
suffixes, unknown words, Latin words joined by a single space, and digits or
hyphens inside a Latin name such as ``GPT-5``). Numbers alone, one-character
nouns and the empty nouns of ``corpus/lexicons/stopwords.tsv`` are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.reader import Document
from analyzer.resources import lexicon_lines
from analyzer.result import Keyword
from analyzer.tokenizer import Token

_MAX_TOKENS = 6
_ZONE_WEIGHT = {"title": 3.0, "excerpt": 1.5, "heading": 2.0}
_EMPHASIS_WEIGHT = 1.5


@dataclass(slots=True)
class _Candidate:
    text: str
    count: int
    weight: float
    first: int  # analysis-text offset
    forms: dict[str, int]


def stopwords() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon_lines("stopwords.tsv"))


def extract_keywords(
    doc: Document, sentences: Sequence[Sequence[Token]], top: int = 10
) -> list[Keyword]:
    stop = stopwords()
    emphasis = [(e.start, e.end) for e in doc.emphasis]
    candidates: dict[str, _Candidate] = {}
    for sentence, tokens in zip(doc.sentences, sentences, strict=True):
        zone_weight = _ZONE_WEIGHT.get(sentence.zone, 1.0)
        for start, end in compound_spans(doc.text, tokens):
            text = doc.text[start:end]
            if len(text) < 2 or text in stop:
                continue
            weight = zone_weight
            if any(a <= start and end <= b for a, b in emphasis):
                weight *= _EMPHASIS_WEIGHT
            key = text.lower().replace(" ", "")
            found = candidates.get(key)
            if found is None:
                candidates[key] = _Candidate(text, 1, weight, start, {text: 1})
            else:
                found.count += 1
                found.weight += weight
                found.forms[text] = found.forms.get(text, 0) + 1
    ranked = sorted(
        candidates.values(),
        key=lambda c: (-_raw_score(c), c.first),
    )[:top]
    if not ranked:
        return []
    best = _raw_score(ranked[0])
    return [
        Keyword(
            text=max(c.forms, key=lambda f: (c.forms[f], -len(f))),
            score=round(_raw_score(c) / best, 4),
            count=c.count,
            first=doc.source_span(c.first, c.first + 1)[0],
        )
        for c in ranked
    ]


def _raw_score(candidate: _Candidate) -> float:
    # Longer compounds are more specific: a mild bonus per extra character.
    return candidate.weight * (1.0 + 0.05 * min(len(candidate.text), 12))


def compound_spans(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Analysis-text spans of the compound nouns in one sentence's tokens."""
    spans: list[tuple[int, int]] = []
    run: list[Token] = []

    def close() -> None:
        while run and not _may_end(run[-1]):
            run.pop()
        while run and not _may_start(run[0]):
            run.pop(0)
        if run and any(_is_content(t) for t in run) and len(run) <= _MAX_TOKENS:
            spans.append((run[0].start, run[-1].end))
        run.clear()

    previous: Token | None = None
    for token in tokens:
        if run and not _joins(text, run[-1], token):
            close()
        if _is_part(token, run) and not (not run and _is_counter_of(token, previous)):
            run.append(token)
        else:
            close()
        previous = token
    close()
    return spans


def _is_latin(token: Token) -> bool:
    return token.surface.isascii() and any(c.isalpha() for c in token.surface)


def _is_number(token: Token) -> bool:
    return token.pos[1] == "数詞"


def _is_content(token: Token) -> bool:
    pos = token.pos
    return (pos[0] == "名詞" and pos[1] != "数詞") or (token.unknown and _is_latin(token))


def _is_part(token: Token, run: list[Token]) -> bool:
    pos = token.pos
    if pos[0] == "名詞":
        return pos[1] != "数詞" or ((bool(run) and _is_latin(run[-1])) or _is_hyphen(run))
    if pos[0] == "接頭辞":
        return True
    if pos[0] == "接尾辞":
        return pos[1] == "名詞的" and bool(run)
    if token.surface in ("-", ".") and run and _is_latin(run[-1]):
        return True
    return token.unknown and _is_latin(token)


def _is_counter_of(token: Token, previous: Token | None) -> bool:
    """``社`` in ``230社``, or ``年上`` in MeCab's ``2026|年上|半期``: what sticks to a number
    is its counter, not the start of a keyword."""
    return previous is not None and _is_number(previous) and previous.end == token.start


def _is_hyphen(run: list[Token]) -> bool:
    return bool(run) and run[-1].surface == "-"


def _joins(text: str, left: Token, right: Token) -> bool:
    """Adjacent tokens join; Latin words also join across one space."""
    if left.end == right.start:
        return True
    gap = text[left.end : right.start]
    return gap == " " and left.surface.isascii() and left.surface.isalnum() and _is_latin(right)


def _may_start(token: Token) -> bool:
    return not (_is_number(token) or token.surface in ("-", ".") or token.pos[0] == "接尾辞")


def _may_end(token: Token) -> bool:
    return token.pos[0] != "接頭辞" and token.surface not in ("-", ".")
