"""Sentence splitting on the analysis text: 。！？!?, line breaks, quotes kept whole."""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.markdown import Block
from analyzer.startup import regex

# After NFKC, ！？ are ! ? and （） are (); 「」『』 stay as they are.
_CLOSERS = {"「": "」", "『": "』", "(": ")", "“": "”", "【": "】"}
_ENDERS = "。!?"
_TRAILING = "。!?」』)”】'\"…"
# An exclamation mark inside a name ends no sentence: after a Latin letter and before
# katakana or a Latin letter (Yahoo!ニュース, Yahoo!Japan) or a space and a word in capitals
# (Yahoo! JAPAN).
_EVENTS = regex(
    r"[。?\n「」『』()“”【】]|\.(?=\s)"
    r"|(?<![A-Za-z])!|!(?![\u30a1-\u30fa\u30fcA-Za-z]| [A-Z]{2,}(?![A-Za-z]))"
)
_MAX_QUOTE = 400  # a quote still open after this many characters was never closed
_MAX_SENTENCE = 1000  # longer runs without an ender are cut (at a comma or space if any)
_WHOLE = frozenset(
    {"title", "heading"}
)  # longer runs without an ender are cut (at a comma or space if any)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    zone: str  # the kind of block it came from: title, heading, paragraph, ...


# What an investment post's disclaimer says (本記事は投資助言ではありません, 投資は自己責任
# で, 投資判断はご自身で): boilerplate, not what the post is about.
_DISCLAIMER = regex(
    r"投資助言|投資勧誘|勧誘を目的|売買を推奨するもの|自己責任(?:で|にて|において)|免責|"
    r"投資判断は.{0,12}(?:自身|ご自身|ご自分)|正確性.{0,12}保証するもの|情報提供を目的"
)
_DISCLAIMER_LENGTH = 120  # a disclaimer is a short sentence
_DISCLAIMER_PLACES = (0, 1, -3, -2, -1)  # at a post's start or end


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block in blocks:
        # A title or heading is one unit even when it asks a question mid-way.
        whole = block.kind in _WHOLE and block.end - block.start <= _MAX_SENTENCE
        spans = [(block.start, block.end)] if whole else _split_block(text, block.start, block.end)
        for start, end in spans:
            start, end = _trim(text, start, end)
            if end > start and any(ch.isalnum() for ch in text[start:end]):
                sentences.append(Sentence(start, end, block.kind))
    return _with_disclaimers(text, sentences)


def _with_disclaimers(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences, a disclaimer's zone ``disclaimer``: a short sentence of the body
    among its first two or last three that says what an investment post's disclaimer
    says (``本記事は投資助言ではありません``), which keywords and the article's sentiment
    leave out."""
    body = [k for k, s in enumerate(sentences) if s.zone not in ("title", "excerpt", "heading")]
    for place in _DISCLAIMER_PLACES:
        if -len(body) <= place < len(body):
            k = body[place]
            sentence = sentences[k]
            if (
                sentence.end - sentence.start <= _DISCLAIMER_LENGTH
                and _DISCLAIMER.search(text, sentence.start, sentence.end) is not None
            ):
                sentences[k] = Sentence(sentence.start, sentence.end, "disclaimer")
    return sentences


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    expected: list[str] = []  # closers of the quotes open at this point
    opened_at = 0
    sentence_start = start
    for match in _EVENTS.finditer(text, start, end):
        ch = match.group()
        at = match.start()
        if expected and at - opened_at > _MAX_QUOTE:
            expected.clear()
        if ch in _CLOSERS:
            if not expected:
                opened_at = at
            expected.append(_CLOSERS[ch])
            continue
        if expected and ch == expected[-1]:
            expected.pop()
            continue
        if ch == "\n":
            expected.clear()
            spans.extend(_cut_long(text, sentence_start, at))
            sentence_start = at + 1
            continue
        if expected or (ch not in _ENDERS and ch != "."):
            continue
        stop = at + 1
        while stop < end and text[stop] in _TRAILING:
            stop += 1
        if stop <= sentence_start:
            continue
        spans.extend(_cut_long(text, sentence_start, stop))
        sentence_start = stop
    if sentence_start < end:
        spans.extend(_cut_long(text, sentence_start, end))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > _MAX_SENTENCE:
        window = text[start + _MAX_SENTENCE // 2 : start + _MAX_SENTENCE]
        cut = max(window.rfind("、"), window.rfind(","), window.rfind(" "))
        stop = start + _MAX_SENTENCE // 2 + cut + 1 if cut >= 0 else start + _MAX_SENTENCE
        spans.append((start, stop))
        start = stop
    spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
