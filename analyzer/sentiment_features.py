"""Features of a sentence (or clause) for the sentiment classifier.

The same function serves training (scripts/train_sentiment.py) and tagging, so the
two can never drift apart. Features are a dict of name → value:

- ``<gram>``: character 1-3-grams of the NFKC text (presence);
- ``lex+`` / ``lex-``: summed strength of the positive and negative words of
  ``corpus/lexicons/polarity.tsv``, after negation (ない, ず, ぬ) flips a word;
- ``lex+after`` / ``lex-after``: the same for the clause after the last contrast
  (が, しかし, ものの), where a Japanese writer puts the point;
- ``negation``, ``contrast``, ``question``: whether the sentence has them (a
  negation that flipped a lexicon word is not counted again, and it and its word
  are hidden from the n-grams).
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.tokenizer import Token

NGRAM_MAX = 3  # char_grams spells the sizes out: it runs on every sentence
_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ", "ん"})
_CONTRAST = frozenset({"しかし", "ものの", "けれど", "けれども", "けど", "だが", "ところが"})
_NEGATION_REACH = 4
_QUESTION_ENDS = ("か", "か。", "?", "だろうか。", "のか。", "だろうか")


def char_grams(text: str) -> set[str]:
    """Character 1- to 3-grams (``NGRAM_MAX``) of ``text``."""
    n = len(text)
    grams = set(text)
    grams.update([text[i : i + 2] for i in range(n - 1)])
    grams.update([text[i : i + 3] for i in range(n - 2)])
    return grams


def is_contrast(token: Token) -> bool:
    surface = token.surface
    if surface == "が":  # the conjunctive particle, not the subject marker
        return token.pos[1] == "接続助詞"
    return surface in _CONTRAST


def is_negator(token: Token) -> bool:
    return token.lemma in _NEGATORS and token.pos[0] in ("助動詞", "形容詞")


def negator_of(tokens: Sequence[Token], i: int) -> int:
    """Index of the negation (ない, ず, ぬ) over the word at ``i`` within the next few
    tokens of its clause, or -1."""
    for j in range(i + 1, min(i + 1 + _NEGATION_REACH, len(tokens))):
        token = tokens[j]
        if token.pos[0] == "補助記号" or is_contrast(token):
            return -1
        if is_negator(token):
            return j
    return -1


def lexicon_hits(
    tokens: Sequence[Token], lexicon: dict[str, float]
) -> list[tuple[int, float, int]]:
    """(token index, polarity after negation, index of its negation or -1) for every
    lexicon word."""
    hits = []
    for i, token in enumerate(tokens):
        polarity = lexicon.get(token.lemma) or lexicon.get(token.surface)
        if polarity:
            negator = negator_of(tokens, i)
            hits.append((i, -polarity if negator >= 0 else polarity, negator))
    return hits


def text_offset(text: str, tokens: Sequence[Token]) -> int:
    """The offset of ``text[0]`` in the coordinates of ``tokens`` (which index the whole
    analysis text, while ``text`` may be one sentence or clause of it)."""
    if not tokens:
        return 0
    return tokens[0].start - max(text.find(tokens[0].surface), 0)


def _mask_negated(text: str, tokens: Sequence[Token], hits: list[tuple[int, float, int]]) -> str:
    """Hide negated polarity words and their negation from the n-grams: in ``悪くない``
    the characters would pull towards negative, while the lexicon feature, flipped,
    says positive."""
    base = text_offset(text, tokens)
    chars = list(text)
    for i, _, negator in hits:
        if negator >= 0:
            for token in (tokens[i], tokens[negator]):
                for k in range(max(token.start - base, 0), min(token.end - base, len(chars))):
                    chars[k] = "＿"
    return "".join(chars)


def sentence_features(
    text: str, tokens: Sequence[Token], lexicon: dict[str, float]
) -> dict[str, float]:
    """All features as one dict (training); see ``split_features`` for tagging."""
    grams, other = split_features(text, tokens, lexicon)
    features = dict.fromkeys(grams, 1.0)
    features.update(other)
    return features


def split_features(
    text: str, tokens: Sequence[Token], lexicon: dict[str, float]
) -> tuple[set[str], dict[str, float]]:
    """(character n-grams, each worth 1; the other features with their values).

    N-grams are their own names: they are at most three characters long, and every
    other feature name is longer, so the two never collide.
    """
    hits = lexicon_hits(tokens, lexicon)
    grams = char_grams(_mask_negated(text, tokens, hits))
    features: dict[str, float] = {}
    contrast_at = max((i for i, t in enumerate(tokens) if is_contrast(t)), default=-1)
    positive = negative = positive_after = negative_after = 0.0
    for i, polarity, _ in hits:
        if polarity > 0:
            positive += polarity
            if i > contrast_at >= 0:
                positive_after += polarity
        else:
            negative -= polarity
            if i > contrast_at >= 0:
                negative_after -= polarity
    for name, value in (
        ("lex+", positive),
        ("lex-", negative),
        ("lex+after", positive_after),
        ("lex-after", negative_after),
    ):
        if value:
            features[name] = value
    consumed = {negator for _, _, negator in hits}
    if any(is_negator(t) and i not in consumed for i, t in enumerate(tokens)):
        features["negation"] = 1.0  # a negation that flipped no lexicon word
    if contrast_at >= 0:
        features["contrast"] = 1.0
    if text.rstrip().endswith(_QUESTION_ENDS):
        features["question"] = 1.0
    return grams, features
