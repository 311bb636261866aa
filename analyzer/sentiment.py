"""Sentiment, first version: a polarity lexicon with negation and contrast.

Each token whose lemma is in ``corpus/lexicons/polarity.tsv`` adds its
polarity; a negation (ない, ず, ぬ, ません) within the next few tokens flips it;
after a contrastive conjunction (が, しかし, ものの, けど) the clause weighs more,
because that is where a Japanese writer puts the point. A sentence's score is
its signed sum squashed into [-1, 1]; the article's is the mean of its
sentences weighted by the square root of their length, with the title and the
closing fifth of the body weighing double.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from analyzer.reader import Document
from analyzer.resources import lexicon_lines
from analyzer.result import SentenceSentiment, Sentiment
from analyzer.tokenizer import Token

_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ", "ん"})
_CONTRAST = frozenset({"しかし", "ものの", "けれど", "けれども", "けど", "だが", "ところが"})
_NEGATION_REACH = 4
_AFTER_CONTRAST = 1.5
_BEFORE_CONTRAST = 0.6
SENTENCE_THRESHOLD = 0.2
ARTICLE_THRESHOLD = 0.1


@cache
def polarity_lexicon() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in lexicon_lines("polarity.tsv")}


def sentence_score(tokens: Sequence[Token]) -> float:
    lexicon = polarity_lexicon()
    hits: list[tuple[int, float]] = []
    contrast_at = -1
    for i, token in enumerate(tokens):
        if _is_contrast(token):
            contrast_at = i
        polarity = lexicon.get(token.lemma) or lexicon.get(token.surface)
        if polarity:
            if _negated(tokens, i):
                polarity = -polarity
            hits.append((i, polarity))
    if not hits:
        return 0.0
    total = 0.0
    for i, polarity in hits:
        if contrast_at >= 0:
            polarity *= _AFTER_CONTRAST if i > contrast_at else _BEFORE_CONTRAST
        total += polarity
    return round(math.tanh(total), 4)


def _is_contrast(token: Token) -> bool:
    if token.pos[0] == "助詞" and token.pos[1] == "接続助詞":
        return token.surface in ("が", "けど", "けれど", "けれども", "ものの")
    return token.surface in _CONTRAST


def _negated(tokens: Sequence[Token], i: int) -> bool:
    for token in tokens[i + 1 : i + 1 + _NEGATION_REACH]:
        if token.pos[0] == "補助記号" or _is_contrast(token):
            return False
        if token.lemma in _NEGATORS and token.pos[0] in ("助動詞", "形容詞"):
            return True
    return False


def label_of(score: float, threshold: float = SENTENCE_THRESHOLD) -> str:
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


def analyze_sentiment(doc: Document, sentences: Sequence[Sequence[Token]]) -> Sentiment:
    scored: list[SentenceSentiment] = []
    weighted = 0.0
    weights = 0.0
    body = [i for i, s in enumerate(doc.sentences) if s.zone not in ("title", "excerpt")]
    closing = set(body[-max(1, len(body) // 5) :]) if body else set()
    for i, (sentence, tokens) in enumerate(zip(doc.sentences, sentences, strict=True)):
        score = sentence_score(tokens)
        start, end = doc.source_span(sentence.start, sentence.end)
        scored.append(SentenceSentiment(start, end, label_of(score), score))
        weight = math.sqrt(sentence.end - sentence.start)
        if sentence.zone == "title" or i in closing:
            weight *= 2
        weighted += weight * score
        weights += weight
    article = round(weighted / weights, 4) if weights else 0.0
    return Sentiment(label_of(article, ARTICLE_THRESHOLD), article, tuple(scored))
