"""Sentiment per sentence, per article and per entity.

Sentences are classified by a logistic regression over character n-grams and
lexicon features (``analyzer/sentiment_features.py``), trained by
``make train-sentiment`` on chABSA and on blog-style sentences we wrote, and
shipped as plain JSON weights (``analyzer/models/sentiment.json``) that load
without scikit-learn. A sentence's score is P(positive) - P(negative), in [-1, 1].

The article's score is the mean of its sentence scores weighted by the square
root of their length, with the title and the closing fifth of the body counting
double (a conclusion states the writer's view). An entity's score is the mean,
over its mentions, of a second model's score of what its sentence says about it:
the target model (``analyzer/models/target_sentiment.json``), trained on chABSA's
opinion targets and our blog sentences, reads the clause from the mention to
where Japanese closes what is said about a subject (``売上高は増加したが、`` /
``営業利益は減少した``), with the sentence model's score of that clause among its
features. Mean scores of ±0.15 or more are labelled positive or negative.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from analyzer.entities import NUMERIC_TYPES, SAYING
from analyzer.reader import Document
from analyzer.resources import MODEL_DIR, lexicon_lines, read_model
from analyzer.result import Entity, EntitySentiment, SentenceSentiment, Sentiment
from analyzer.sentiment_features import (
    NGRAM_MAX,
    Lexicon,
    last_contrast,
    split_features,
    target_features,
    text_offset,
)
from analyzer.startup import kept, regex
from analyzer.tokenizer import Token

LABELS = ("negative", "neutral", "positive")
LABEL_THRESHOLD = 0.15
Probabilities = tuple[float, float, float]  # the sentence model's: negative, neutral, positive
AFTER_CONTRAST = 0.6


@cache
def polarity_lexicon() -> Lexicon:
    return Lexicon({row[0]: float(row[1]) for row in lexicon_lines("polarity.tsv")})


@dataclass(frozen=True, slots=True)
class SentimentModel:
    """A multinomial logistic regression with integer weights (multiply by ``unit``).

    ``probabilities`` takes character n-grams (each worth 1) and other features with
    their values. The softmax only sees differences, so an n-gram's weights are kept
    as negative − neutral and positive − neutral, both packed into one integer
    (``pack``): one dict lookup per n-gram, and one sum() in C adds both at once.
    """

    grams: dict[str, int]  # n-gram → packed (negative − neutral, positive − neutral)
    weights: dict[str, tuple[int, int, int]]  # the other features
    bias: list[float]
    unit: float
    version: str

    @classmethod
    def of(
        cls,
        rows: dict[str, tuple[int, int, int]],
        bias: list[float],
        unit: float,
        version: str,
        gram_prefix: str = "",
    ) -> SentimentModel:
        """From every feature's (negative, neutral, positive) weights; the n-grams are
        the names of at most ``NGRAM_MAX`` characters after ``gram_prefix``."""
        longest = len(gram_prefix) + NGRAM_MAX
        grams = {
            name[len(gram_prefix) :]: pack(row[0] - row[1], row[2] - row[1])
            for name, row in rows.items()
            if name.startswith(gram_prefix) and len(name) <= longest
        }
        others = {
            name: row
            for name, row in rows.items()
            if not (name.startswith(gram_prefix) and len(name) <= longest)
        }
        return cls(grams, others, bias, unit, version)

    def gram_weights(self, gram: str) -> tuple[int, int]:
        """(negative − neutral, positive − neutral) of a known n-gram."""
        return unpack(self.grams[gram], 1)

    def probabilities(
        self, grams: set[str], features: dict[str, float]
    ) -> tuple[float, float, float]:
        table = self.grams
        known = grams & table.keys()
        neg, pos = unpack(sum(map(table.__getitem__, known)), len(known))
        neu = 0
        weights = self.weights
        for name, value in features.items():
            row = weights.get(name)
            if row is not None:
                neg += row[0] * value
                neu += row[1] * value
                pos += row[2] * value
        unit = self.unit
        neg = self.bias[0] + neg * unit
        neu = self.bias[1] + neu * unit
        pos = self.bias[2] + pos * unit
        top = max(neg, neu, pos)
        e_neg, e_neu, e_pos = math.exp(neg - top), math.exp(neu - top), math.exp(pos - top)
        total_e = e_neg + e_neu + e_pos
        return e_neg / total_e, e_neu / total_e, e_pos / total_e


# Two integer weights in one: (negative + _OFFSET) << _SHIFT | (positive + _OFFSET).
# Both fields stay non-negative, so a sum of n packed values is the packed sums, each
# with n offsets, as long as the low field's sum stays under 2**_SHIFT: weights are
# under 2**24 in size and a sentence has far fewer than 2**15 distinct n-grams.
_SHIFT = 40
_OFFSET = 1 << 24
_LOW = (1 << _SHIFT) - 1


def pack(negative: int, positive: int) -> int:
    return pack_all([negative, positive])[0]


def pack_all(flat: list[int]) -> list[int]:
    """``pack`` over (negative, positive, negative, positive, ...): one range check and
    one comprehension, for the ~30,000 n-grams a model loads."""
    if flat and max(map(abs, flat)) >= _OFFSET:
        raise ValueError("an n-gram weight is too large to pack")
    pairs = zip(flat[0::2], flat[1::2], strict=True)
    return [(n + _OFFSET) << _SHIFT | (p + _OFFSET) for n, p in pairs]


def unpack(total: int, count: int) -> tuple[int, int]:
    """The (negative, positive) sums inside the sum of ``count`` packed values."""
    return (total >> _SHIFT) - count * _OFFSET, (total & _LOW) - count * _OFFSET


def model() -> SentimentModel:
    """The sentence model."""
    return load_model("sentiment")


def target_model() -> SentimentModel:
    """The target model: what a sentence says about one thing named in it."""
    return load_model("target_sentiment")


@cache
def load_model(name: str) -> SentimentModel:
    """A model file, its weights laid out as ``model_data`` writes them."""
    tables = kept(name, lambda: _tables(name), MODEL_DIR / f"{name}.json", Path(__file__))
    return SentimentModel(*tables)


def _tables(name: str) -> tuple[dict, dict, list[float], float, str]:
    header, data = read_model(f"{name}.json")
    grams = dict(zip(data["grams"], pack_all(data["gram_weights"]), strict=True))
    rows = iter(data["weights"])
    others = dict(zip(data["features"], zip(rows, rows, rows, strict=True), strict=True))
    return grams, others, data["bias"], 1.0 / data["scale"], header["version"]


def model_data(model: SentimentModel, scale: int) -> dict:
    """What ``load_model`` reads back (``scale``: the weights' integer scale)."""
    names = sorted(model.grams)
    features = sorted(model.weights)
    return {
        "bias": model.bias,
        "scale": scale,
        "grams": names,
        "gram_weights": [v for n in names for v in model.gram_weights(n)],
        "features": features,
        "weights": [v for name in features for v in model.weights[name]],
    }


def classify(text: str, tokens: Sequence[Token]) -> tuple[str, float]:
    """(label, score in [-1, 1]) of a sentence or clause of NFKC text."""
    return _label_and_score(sentence_probabilities(text, tokens))


def _label_and_score(probabilities: Probabilities) -> tuple[str, float]:
    label = LABELS[max(range(3), key=probabilities.__getitem__)]
    return label, round(probabilities[2] - probabilities[0], 4)


def sentence_probabilities(text: str, tokens: Sequence[Token]) -> Probabilities:
    """The sentence model's (negative, neutral, positive) probabilities of a sentence or
    clause of NFKC text.

    After a contrast (``好調だが、利益は悪化した``) the last clause carries the point,
    so its probabilities are blended in with weight ``AFTER_CONTRAST``.
    """
    lexicon = polarity_lexicon()
    probabilities = model().probabilities(*split_features(text, tokens, lexicon))
    contrast = last_contrast(tokens)
    if 0 <= contrast < len(tokens) - 2:
        tail = tokens[contrast + 1 :]
        clause = text[tail[0].start - text_offset(text, tokens) :]
        after = model().probabilities(*split_features(clause, tail, lexicon))
        probabilities = tuple(
            (1 - AFTER_CONTRAST) * p + AFTER_CONTRAST * q
            for p, q in zip(probabilities, after, strict=True)
        )
    return probabilities


def probabilities_of(doc: Document, sentences: Sequence[Sequence[Token]]) -> list[Probabilities]:
    """The sentence model's probabilities of each of the document's sentences."""
    return [
        sentence_probabilities(doc.text[sentence.start : sentence.end], tokens)
        for sentence, tokens in zip(doc.sentences, sentences, strict=True)
    ]


def analyze_sentiment(
    doc: Document,
    sentences: Sequence[Sequence[Token]],
    probabilities: Sequence[Probabilities] | None = None,
) -> Sentiment:
    """Each sentence's label and score and the article's; ``probabilities`` are the
    sentences' (``probabilities_of``), if the caller has them already."""
    if probabilities is None:
        probabilities = probabilities_of(doc, sentences)
    scored: list[SentenceSentiment] = []
    weighted = 0.0
    weights = 0.0
    body = [
        i for i, s in enumerate(doc.sentences) if s.zone not in ("title", "excerpt", "disclaimer")
    ]
    closing = set(body[-max(1, len(body) // 5) :]) if body else set()
    for i, (sentence, p) in enumerate(zip(doc.sentences, probabilities, strict=True)):
        label, score = _label_and_score(p)
        start, end = doc.source_span(sentence.start, sentence.end)
        scored.append(SentenceSentiment(start, end, label, score))
        if sentence.zone == "disclaimer":
            continue  # 投資は自己責任で: boilerplate, no part of the article's stance
        weight = math.sqrt(sentence.end - sentence.start)
        if sentence.zone == "title" or i in closing:
            weight *= 2
        weighted += weight * score
        weights += weight
    article = round(weighted / weights, 4) if weights else 0.0
    return Sentiment(label_of(article), article, tuple(scored))


def label_of(score: float) -> str:
    """The label of an article's or an entity's mean score."""
    if score >= LABEL_THRESHOLD:
        return "positive"
    if score <= -LABEL_THRESHOLD:
        return "negative"
    return "neutral"


def target_score(
    text: str, tokens: Sequence[Token], span: tuple[int, int], name: bool = False
) -> float:
    """Score in [-1, 1] of what the sentence ``tokens`` says about the thing at
    ``span`` (offsets into ``text``, which the tokens index), by the target model;
    a ``name``'s own characters are not read (``target_features``)."""
    lexicon = polarity_lexicon()
    sentence_model = model()

    def clause_score(grams: set[str], features: dict[str, float]) -> float:
        p = sentence_model.probabilities(grams, features)
        return p[2] - p[0]

    p = target_model().probabilities(
        *target_features(text, tokens, span, lexicon, clause_score, name)
    )
    return p[2] - p[0]


# What follows a name that news quotes as its source (によると, の調べでは), maybe
# after its quotation mark (情報プラットフォーム「INITIAL」によると).
_SOURCE = regex(
    r"(?:社|氏|さん|[」』])?(?:によると|によれば|の調べでは|の調べによると|の調査では|の調査によると"
    r"|の集計では|の集計によると|の推計では|の試算では|の予測では)"
)

# What follows a speaker whose words a sentence quotes (…アナリストは「…」と分析する):
# the quote is the speaker's view of something else, not the article's of the speaker.
# A title or the firm's person may stand between (田中誠|アナリストは, 大和証券|の田中誠…).
_SPEAKER = regex(r"[^、。「」をがにも]{0,24}?(?:は|が|も)、?「[^「」]*」(?:と|とも)" + SAYING)
# A person whose words the sentence reports without quotes (鳥取三津子社長は、燃料費の
# 高騰で通期予想を下方修正したと説明した): the rest of the sentence, after the mention.
_REPORTER = regex(
    r"[^、。「」をがにも]{0,24}?(?:は|が|も)、[^「」]*(?:と|とも)" + SAYING + r"\w{0,6}。?\s*"
)


def entity_sentiments(
    doc: Document,
    sentences: Sequence[Sequence[Token]],
    entities: Sequence[Entity],
    probabilities: Sequence[Probabilities] | None = None,
) -> list[Entity]:
    """The entities with their sentiment: the mean target-model score of the clauses
    about their mentions, leaving out mentions as a source (``野村證券によると``) or
    as the speaker of a quote (``田中誠アナリストは「…」と分析する``) or a person
    whose words are reported (``…社長は、…と説明した``), neutral when all are.
    Numbers (MONEY, DATE, ...) get none: "how does the post feel about 14億ドル?"
    means nothing.

    Each mention's score is weighed by how sure the sentence model is that its sentence
    takes a side (1 − its neutral probability; ``probabilities`` are the sentences',
    ``probabilities_of``, if the caller has them): the target model learnt from
    chABSA, whose targets are all positive or negative, so it takes a side about a name
    in a sentence of plain fact (``グーグルの親会社アルファベットは、…ウェイモに50億ドル
    を追加投資する``: −0.59 for Google)."""
    starts = [s.start for s in doc.sentences]
    neutral: dict[int, float] = {}  # sentence index → its neutral probability
    if probabilities is not None:
        neutral = {k: p[1] for k, p in enumerate(probabilities)}
    out = []
    for entity in entities:
        if entity.type in NUMERIC_TYPES or not entity.spans:
            out.append(entity)
            continue
        scores = []
        for span in entity.spans:
            if _SOURCE.match(doc.text, span[1]) or _SPEAKER.match(doc.text, span[1]):
                continue  # 野村證券によると、…, …と述べた: a source or a speaker
            k = bisect.bisect_right(starts, span[0]) - 1
            if entity.type == "PERSON" and _REPORTER.fullmatch(
                doc.text, span[1], doc.sentences[k].end
            ):
                continue  # 鳥取三津子社長は、…と説明した: whose words, not whom they are of
            if k not in neutral:
                sentence = doc.sentences[k]
                text = doc.text[sentence.start : sentence.end]
                neutral[k] = sentence_probabilities(text, sentences[k])[1]
            target = target_score(doc.text, sentences[k], span, name=True)
            scores.append(target * (1 - neutral[k]))
        score = round(sum(scores) / len(scores), 4) if scores else 0.0
        out.append(replace(entity, sentiment=EntitySentiment(label_of(score), score)))
    return out
