"""Train kiji's sentiment models: analyzer/models/sentiment.json (sentences) and
analyzer/models/target_sentiment.json (what a sentence says about one thing in it).

    make train-sentiment

Training data, train splits only. The sentence model:
- chABSA (../shared/data/chabsa/sentences.train.jsonl, CC BY 4.0): sentences whose
  opinions all agree (positive, negative, neutral);
- chABSA no-opinion sentences from train reports, as weak neutral examples (a small
  weight: they are background, not gold neutral);
- our blog-style sentences (corpus/gold/sentiment.tsv), the articles of the train split.

The target model: every chABSA opinion (target span and polarity) of the same
train reports, and our blog sentences without a contrast, each read from its start
(one clause, one view).

Held out for tuning: the blog dev articles and a dev slice of chABSA train reports.
chABSA test is never read here (scripts/eval_sentiment.py reports on it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from analyzer import resources
from analyzer.sentiment import LABELS, SentimentModel, model_data, polarity_lexicon
from analyzer.sentiment_features import (
    is_contrast,
    sentence_features,
    split_features,
    target_feature_dict,
    target_features,
)
from analyzer.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "chabsa"
GOLD = ROOT / "corpus" / "gold" / "sentiment.tsv"
MODEL = ROOT / "analyzer" / "models" / "sentiment.json"
TARGET_MODEL = ROOT / "analyzer" / "models" / "target_sentiment.json"


def bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def blog_split(article: str) -> str:
    """Whole articles go to dev, about a quarter of them."""
    return "dev" if bucket(f"blog:{article}") < 25 else "train"


def chabsa_split(doc_id: str) -> str:
    return "dev" if bucket(f"chabsa-dev:{doc_id}") < 15 else "train"


def read_blog() -> list[tuple[str, str, str]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, label, text = line.split("\t")
            rows.append((article, label, text))
    return rows


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def featurise(text: str) -> dict[str, float]:
    text = unicodedata.normalize("NFKC", text)
    return sentence_features(text, tokenize(text), polarity_lexicon())


def load_training(use_blog: bool, background_weight: float):
    """(features, labels, weights) for training, and the dev sets."""
    chabsa = read_jsonl(DATA / "sentences.train.jsonl")
    x, y, w = [], [], []
    chabsa_dev = []
    for row in chabsa:
        if row["label"] not in LABELS:
            continue
        if chabsa_split(row["doc_id"]) == "dev":
            chabsa_dev.append(row)
            continue
        x.append(featurise(row["text"]))
        y.append(row["label"])
        w.append(1.0)
    if background_weight > 0:
        train_docs = {r["doc_id"] for r in chabsa if chabsa_split(r["doc_id"]) == "train"}
        for row in read_jsonl(DATA / "no_opinion.jsonl"):
            if row["doc_id"] in train_docs and len(row["text"]) >= 15:
                x.append(featurise(row["text"]))
                y.append("neutral")
                w.append(background_weight)
    blog_dev = []
    for article, label, text in read_blog():
        if blog_split(article) == "dev":
            blog_dev.append((label, text))
        elif use_blog:
            x.append(featurise(text))
            y.append(label)
            w.append(BLOG_WEIGHT)
    return x, y, w, chabsa_dev, blog_dev


def raw_offsets(text: str) -> str:
    """NFKC per character where that keeps the length, so chABSA's character offsets
    still index the text."""
    return "".join(c if len(n := unicodedata.normalize("NFKC", c)) != 1 else n for c in text)


def opinions(rows: list[dict]) -> list[tuple[str, list, tuple[int, int], str]]:
    """(text, tokens, target span, polarity) of every opinion in ``rows``."""
    out = []
    for row in rows:
        text = raw_offsets(row["text"])
        tokens = tokenize(text)
        for opinion in row["opinions"]:
            if opinion["polarity"] in LABELS:
                out.append((text, tokens, (opinion["from"], opinion["to"]), opinion["polarity"]))
    return out


def target_training() -> tuple[list, list[dict]]:
    """(train examples, chABSA dev rows) for the target model."""
    chabsa = read_jsonl(DATA / "sentences.train.jsonl")
    train_rows = [r for r in chabsa if chabsa_split(r["doc_id"]) == "train"]
    dev_rows = [r for r in chabsa if chabsa_split(r["doc_id"]) == "dev"]
    examples = [(*example, 1.0) for example in opinions(train_rows)]
    for article, label, text in read_blog():
        if blog_split(article) == "train":
            text = unicodedata.normalize("NFKC", text)
            tokens = tokenize(text)
            if tokens and not any(is_contrast(tokens, i) for i in range(len(tokens))):
                examples.append((text, tokens, (0, tokens[0].end), label, TARGET_BLOG_WEIGHT))
    return examples, dev_rows


def scorer(model: SentimentModel):
    def score(grams: set[str], features: dict[str, float]) -> float:
        p = model.probabilities(grams, features)
        return p[2] - p[0]

    return score


def train_target(sentence_model: SentimentModel, c: float) -> tuple[SentimentModel, float]:
    """The target model, and its positive-vs-negative accuracy on chABSA dev opinions."""
    examples, dev_rows = target_training()
    lexicon = polarity_lexicon()
    score = scorer(sentence_model)
    x = [target_feature_dict(t, tokens, span, lexicon, score) for t, tokens, span, *_ in examples]
    model = train(x, [e[3] for e in examples], [e[4] for e in examples], c, gram_prefix="w:")
    right = total = 0
    for text, tokens, span, label in opinions(dev_rows):
        if label != "neutral":
            p = model.probabilities(*target_features(text, tokens, span, lexicon, score))
            right += (p[2] >= p[0]) == (label == "positive")
            total += 1
    return model, right / total


PRUNE = 0.03
WEIGHT_SCALE = 10_000
BLOG_WEIGHT = 4.0  # our genre: one blog sentence counts like several report sentences
TARGET_BLOG_WEIGHT = 2.0


def train(x, y, w, c: float, gram_prefix: str = "") -> SentimentModel:
    """Fit, prune and scale: the result is the model kiji ships, used as kiji uses it."""
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(x)
    classifier = LogisticRegression(C=c, max_iter=2000)
    classifier.fit(matrix, y, sample_weight=w)
    order = [list(classifier.classes_).index(label) for label in LABELS]
    coef = classifier.coef_[order]
    weights = {}
    for name, column in vectorizer.vocabulary_.items():
        row = coef[:, column]
        if np.abs(row).max() >= PRUNE:  # drop what cannot move a decision
            weights[name] = tuple(round(float(v) * WEIGHT_SCALE) for v in row)
    bias = [round(float(v), 4) for v in classifier.intercept_[order]]
    version = hashlib.sha256(json.dumps([bias, sorted(weights.items())]).encode()).hexdigest()
    return SentimentModel.of(weights, bias, 1.0 / WEIGHT_SCALE, version[:12], gram_prefix)


def classify_with(model: SentimentModel, text: str) -> tuple[float, float, float]:
    text = unicodedata.normalize("NFKC", text)
    return model.probabilities(*split_features(text, tokenize(text), polarity_lexicon()))


def evaluate(
    model: SentimentModel, chabsa_dev: list[dict], blog_dev: list[tuple[str, str]]
) -> dict:
    gold, pred = [], []
    for row in chabsa_dev:
        if row["label"] in ("positive", "negative"):
            p = classify_with(model, row["text"])
            gold.append(row["label"])
            pred.append("positive" if p[2] >= p[0] else "negative")
    chabsa_f1 = f1_score(gold, pred, average="macro")
    gold3, pred3 = [], []
    for label, text in blog_dev:
        p = classify_with(model, text)
        gold3.append(label)
        pred3.append(LABELS[int(np.argmax(p))])
    blog_f1 = f1_score(gold3, pred3, average="macro")
    return {"chabsa_dev_pos_neg_f1": chabsa_f1, "blog_dev_3class_f1": blog_f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument(
        "--target-c", type=float, default=0.5, help="the same, for the target model"
    )
    parser.add_argument(
        "--background",
        type=float,
        default=0.3,
        help="weight of chABSA no-opinion sentences as neutral (0: unused)",
    )
    parser.add_argument("--no-blog", action="store_true", help="chABSA only (a baseline)")
    parser.add_argument("--dry-run", action="store_true", help="evaluate, do not write")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"train: {DATA} not found (../shared/data must sit beside the project)")
    x, y, w, chabsa_dev, blog_dev = load_training(not args.no_blog, args.background)
    model = train(x, y, w, args.c)
    scores = evaluate(model, chabsa_dev, blog_dev)
    kept = len(model.weights) + len(model.grams)
    print(
        f"sentence model: {len(x):,} sentences, {kept:,} features kept; "
        + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
    )
    target, target_accuracy = train_target(model, args.target_c)
    print(
        f"target model: {len(target.weights) + len(target.grams):,} features kept; "
        f"chabsa_dev_opinion_accuracy {target_accuracy:.3f}"
    )
    if args.dry_run:
        return
    command = (
        "make train-sentiment (scripts/train_sentiment.py "
        f"--c {args.c} --target-c {args.target_c} --background {args.background})"
    )
    write_model(
        MODEL,
        model,
        {
            "model": "kiji sentence sentiment: multinomial logistic regression",
            "features": "analyzer/sentiment_features.py (split_features)",
            "command": command,
            "dev": {k: round(v, 4) for k, v in scores.items()},
        },
    )
    write_model(
        TARGET_MODEL,
        target,
        {
            "model": "kiji target sentiment: multinomial logistic regression over what a "
            "sentence says about one thing named in it",
            "features": "analyzer/sentiment_features.py (target_features), with the "
            f"sentence model {model.version}",
            "command": command,
            "dev": {"chabsa_dev_opinion_accuracy": round(target_accuracy, 4)},
        },
    )


def write_model(path: Path, model: SentimentModel, header: dict) -> None:
    """The model file: its header (data, license, command, version), then its weights."""
    header = {
        **header,
        "labels": list(LABELS),
        "trained": dt.date.today().isoformat(),
        "data": [
            "chABSA-dataset by chakki-works (train split of ../shared/data/chabsa), "
            "CC BY 4.0, https://github.com/chakki-works/chABSA-dataset",
            "corpus/gold/sentiment.tsv (train articles), written by the kiji team, MIT",
        ],
        "license": "CC BY 4.0 (derived from chABSA; attribution: chakki-works)",
        "version": model.version,
        "format": "line 1: this header; line 2: {bias: [neg, neu, pos], scale, grams: "
        "[character n-grams], gram_weights: [neg - neu, pos - neu of grams[0], then of "
        "grams[1], ...], features: [other names], weights: [neg, neu, pos of features[0], "
        "...]}; weights are integers, a weight is the integer / scale",
    }
    # Integers parse several times faster than floats, and the n-gram dicts come
    # straight from the file: model loading is on the start-up path of `kiji analyze`.
    resources.write_model(path, header, model_data(model, WEIGHT_SCALE))


if __name__ == "__main__":
    main()
