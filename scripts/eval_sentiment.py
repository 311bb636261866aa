"""Evaluate kiji's sentiment against two baselines, in one run; write BENCHMARKS.md.

    make eval-sentiment

- chABSA test (../shared/data/chabsa/sentences.test.jsonl), sentences whose opinions
  all agree, positive vs negative: macro-F1 and accuracy;
- chABSA test opinions (targets with offsets), positive vs negative: accuracy of
  kiji's target model, as kiji scores entity mentions; the other systems score the
  clause that starts at the target (``clause_from``), the first version's method;
- our blog-style dev articles (corpus/gold/sentiment.tsv), three classes: macro-F1
  and the confusion matrix.

Baselines: the lexicon alone (corpus/lexicons/polarity.tsv with negation and
contrast, kiji's first version) and a model trained on chABSA only (same features,
no blog sentences), trained here from the train split.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_sentiment as training
from bench import replace_section

from analyzer import sentiment
from analyzer.sentiment import LABELS
from analyzer.sentiment_features import clause_from, is_contrast, lexicon_hits, split_features
from analyzer.tokenizer import tokenize

# A text and its tokens → (label, score in [-1, 1]).
Classifier = Callable[[str, list], tuple[str, float]]


def lexicon_only(text: str, tokens: list) -> tuple[str, float]:
    contrast = max((i for i in range(len(tokens)) if is_contrast(tokens, i)), default=-1)
    total = 0.0
    for i, polarity, _ in lexicon_hits(tokens, sentiment.polarity_lexicon()):
        if contrast >= 0:
            polarity *= 1.5 if i > contrast else 0.6
        total += polarity
    score = math.tanh(total)
    label = "positive" if score >= 0.2 else "negative" if score <= -0.2 else "neutral"
    return label, score


def model_classifier(model: sentiment.SentimentModel) -> Classifier:
    def classify(text: str, tokens: list) -> tuple[str, float]:
        lexicon = sentiment.polarity_lexicon()
        p = model.probabilities(*split_features(text, tokens, lexicon))
        return LABELS[max(range(3), key=p.__getitem__)], p[2] - p[0]

    return classify


def sentence_pos_neg(classify: Classifier, rows: list[dict]) -> tuple[float, float]:
    gold, pred = [], []
    for row in rows:
        if row["label"] in ("positive", "negative"):
            text = unicodedata.normalize("NFKC", row["text"])
            _, score = classify(text, tokenize(text))
            gold.append(row["label"])
            pred.append("positive" if score >= 0 else "negative")
    return f1_score(gold, pred, average="macro"), accuracy_score(gold, pred)


# A text, its tokens and a target span → score in [-1, 1].
TargetScorer = Callable[[str, list, tuple[int, int]], float]


def clause_scorer(classify: Classifier) -> TargetScorer:
    """Score a target by classifying the clause that starts at it."""

    def score(text: str, tokens: list, span: tuple[int, int]) -> float:
        first = next((i for i, t in enumerate(tokens) if t.end > span[0]), len(tokens))
        clause = tokens[first : clause_from(tokens, first)]
        if not clause:
            return classify(text, tokens)[1]
        return classify(text[clause[0].start : clause[-1].end], clause)[1]

    return score


def opinion_accuracy(score: TargetScorer, rows: list[dict]) -> tuple[float, int]:
    """Each positive/negative opinion judged from what its sentence says about it."""
    gold, pred = [], []
    for text, tokens, span, polarity in training.opinions(rows):
        if polarity != "neutral":
            gold.append(polarity)
            pred.append("positive" if score(text, tokens, span) >= 0 else "negative")
    return accuracy_score(gold, pred), len(gold)


def blog_three_class(classify: Classifier, rows: list[tuple[str, str]]):
    gold, pred = [], []
    for label, text in rows:
        text = unicodedata.normalize("NFKC", text)
        gold.append(label)
        pred.append(classify(text, tokenize(text))[0])
    return f1_score(gold, pred, average="macro"), confusion_matrix(gold, pred, labels=LABELS)


def main() -> None:
    test = training.read_jsonl(training.DATA / "sentences.test.jsonl")
    blog_dev = [
        (label, text)
        for article, label, text in training.read_blog()
        if training.blog_split(article) == "dev"
    ]
    print("training the chABSA-only baseline ...", file=sys.stderr)
    x, y, w, _, _ = training.load_training(use_blog=False, background_weight=0.3)
    chabsa_only = model_classifier(training.train(x, y, w, c=1.0))
    systems: dict[str, tuple[Classifier, TargetScorer]] = {
        "lexicon only (polarity.tsv, negation and contrast)": (
            lexicon_only,
            clause_scorer(lexicon_only),
        ),
        "chABSA-only model (same features)": (chabsa_only, clause_scorer(chabsa_only)),
        "kiji sentence model alone (targets: its score of their clause)": (
            sentiment.classify,
            clause_scorer(sentiment.classify),
        ),
        "kiji (sentence model with contrast blending; target model)": (
            sentiment.classify,
            sentiment.target_score,
        ),
    }
    rows = []
    matrices = {}
    for name, (classify, target_score) in systems.items():
        f1, accuracy = sentence_pos_neg(classify, test)
        opinions, n_opinions = opinion_accuracy(target_score, test)
        blog_f1, matrix = blog_three_class(classify, blog_dev)
        matrices[name] = matrix
        rows.append(f"| {name} | {f1:.3f} | {accuracy:.3f} | {opinions:.3f} | {blog_f1:.3f} |")
        print(rows[-1])
    kiji_matrix = matrices[list(systems)[-1]]
    matrix_rows = "\n".join(
        f"| **{gold}** | " + " | ".join(str(v) for v in kiji_matrix[i]) + " |"
        for i, gold in enumerate(LABELS)
    )
    n_sentences = sum(r["label"] in ("positive", "negative") for r in test)
    report = f"""## Sentiment (`make eval-sentiment`)

Models `analyzer/models/sentiment.json` {sentiment.model().version} and
`target_sentiment.json` {sentiment.target_model().version}. chABSA test:
{n_sentences} sentences whose opinions all agree (positive vs negative) and {n_opinions:,}
positive/negative opinions with their targets; blog dev: {len(blog_dev)} sentences of the
dev articles of `corpus/gold/sentiment.tsv` (three classes). Nothing here was tuned on
chABSA test.

| system | chABSA test F1 | chABSA test acc. | chABSA opinions acc. | blog dev 3-class F1 |
|---|---:|---:|---:|---:|
{chr(10).join(rows)}

kiji's confusion matrix on blog dev (rows gold, columns predicted):

| gold \\ predicted | negative | neutral | positive |
|---|---:|---:|---:|
{matrix_rows}
"""
    print(report)
    replace_section("sentiment", report)
    print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
