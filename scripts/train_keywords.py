"""Build kiji's keyword tables: analyzer/models/idf.json and analyzer/models/keywords.json.

    make train-keywords

1. Document frequencies of every keyphrase candidate (analyzer/keywords.py) in a
   background corpus, train splits only: the Japanese Wikipedia leads of
   ../shared/data/wikipedia_leads (CC BY-SA 4.0) and the chABSA train reports
   (CC BY 4.0), one document each. Our own articles are left out: they are the
   gold set, and an article must not count towards its own IDF.
2. A logistic regression over the candidates' features, labelled by
   corpus/gold/keywords.json (a candidate is positive when it equals a gold phrase
   after normalisation). Weights are tuned on that gold set by article-wise
   cross-validation (``--folds``); the shipped model is then fitted on every article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from analyzer import keywords
from analyzer.entities import extract_entities
from analyzer.reader import read_path
from analyzer.resources import write_model
from analyzer.tokenizer import tokenize, tokenize_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "corpus" / "gold" / "keywords.json"
IDF = ROOT / "analyzer" / "models" / "idf.json"
MODEL = ROOT / "analyzer" / "models" / "keywords.json"
DEFAULT_C = 0.3
MIN_DF = 2  # rarer terms are left out of the table: their IDF is the maximum anyway


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def background_documents() -> list[str]:
    """The texts of the background corpus, train splits only."""
    leads = [
        row["text"]
        for row in read_jsonl(DATA / "wikipedia_leads" / "documents.jsonl")
        if row.get("split", "train") == "train"
    ]
    reports: dict[str, list[tuple[int, str]]] = defaultdict(list)
    train_docs = set()
    for row in read_jsonl(DATA / "chabsa" / "sentences.train.jsonl"):
        train_docs.add(row["doc_id"])
        reports[row["doc_id"]].append((int(row["id"].rsplit("-", 1)[1]), row["text"]))
    for row in read_jsonl(DATA / "chabsa" / "no_opinion.jsonl"):
        if row["doc_id"] in train_docs:
            reports[row["doc_id"]].append((int(row["id"].rsplit("-", 1)[1]), row["text"]))
    texts = ["。".join(t for _, t in sorted(rows)) for _, rows in sorted(reports.items())]
    return leads + texts


def document_keys(text: str) -> list[str]:
    """The keys of every keyphrase candidate of a plain text."""
    import unicodedata

    keys: set[str] = set()
    text = unicodedata.normalize("NFKC", text)
    for line in text.replace("。", "。\n").splitlines():
        tokens = tokenize(line)
        for i, j in keywords.compound_runs(line, tokens):
            for a, b in keywords.sub_ranges(tokens, i, j):
                keys.add(keywords.normalize(line[tokens[a].start : tokens[b - 1].end]))
    return sorted(keys)


def build_idf() -> keywords.Background:
    """Document frequencies with scikit-learn's CountVectorizer over our candidates."""
    documents = background_documents()
    vectorizer = CountVectorizer(analyzer=document_keys, min_df=MIN_DF, binary=True)
    counts = vectorizer.fit_transform(documents)
    df = np.asarray(counts.sum(axis=0)).ravel()
    table = {key: int(df[column]) for key, column in sorted(vectorizer.vocabulary_.items())}
    version = hashlib.sha256(json.dumps([len(documents), table]).encode()).hexdigest()[:12]
    print(f"background: {len(documents):,} documents, {len(table):,} terms with df >= {MIN_DF}")
    return keywords.Background(len(documents), table, version)


def write_idf(idf: keywords.Background) -> None:
    header = {
        "table": "kiji keyphrase document frequencies",
        "documents": idf.documents,
        "min_df": MIN_DF,
        "command": "make train-keywords (scripts/train_keywords.py)",
        "trained": dt.date.today().isoformat(),
        "data": [
            "Japanese Wikipedia article leads (train split of "
            "../shared/data/wikipedia_leads), CC BY-SA 4.0",
            "chABSA-dataset by chakki-works (train split reports), CC BY 4.0",
        ],
        "license": "CC BY-SA 4.0 (derived from Wikipedia text; attribution: Wikipedia "
        "contributors, chakki-works)",
        "version": idf.version,
        "format": "line 1: this header; line 2: {documents, df: {term key: documents}}",
    }
    data = {"documents": idf.documents, "df": idf.df}
    write_model(IDF, header, data)


# --- the gold set ----------------------------------------------------------------------


def read_gold() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["articles"]


class Article:
    """A gold article with its candidates, their features and their labels."""

    def __init__(self, entry: dict, idf: keywords.Background) -> None:
        self.path = entry["path"]
        self.groups = [[keywords.normalize(m) for m in group] for group in entry["groups"]]
        self.doc = read_path(ROOT / self.path)
        self.sentences = tokenize_sentences(self.doc.text, self.doc.sentences)
        entities = extract_entities(self.doc, self.sentences)
        named = keywords.entity_keys(self.doc, entities)
        self.aliases = keywords.concept_aliases(self.doc, entities)
        self.found = keywords.candidates(self.doc, self.sentences, named)
        self.features = keywords.features(self.found, len(self.doc.text), idf)
        gold = {member for group in self.groups for member in group}
        self.labels = {key: int(key in gold) for key in self.found}


def fold_of(path: str, folds: int) -> int:
    return int(hashlib.sha256(path.encode()).hexdigest()[:8], 16) % folds


def fit(articles: list[Article], c: float) -> keywords.KeywordModel:
    names = keywords.FEATURES
    rows, labels = [], []
    for article in articles:
        for key, f in article.features.items():
            rows.append([f[n] for n in names])
            labels.append(article.labels[key])
    x = np.array(rows)
    scaler = StandardScaler().fit(x)
    classifier = LogisticRegression(C=c, max_iter=5000)
    classifier.fit(scaler.transform(x), labels)
    # Fold the scaling into the weights: the shipped model reads raw features.
    coef = classifier.coef_[0] / scaler.scale_
    bias = float(classifier.intercept_[0] - np.sum(coef * scaler.mean_))
    weights = {n: round(float(w), 6) for n, w in zip(names, coef, strict=True)}
    version = hashlib.sha256(json.dumps([bias, weights], sort_keys=True).encode()).hexdigest()
    return keywords.KeywordModel(round(bias, 6), weights, version[:12])


def predict(article: Article, model: keywords.KeywordModel, top: int) -> list[str]:
    ranked = [
        (article.found[k], model.score([f[n] for n in keywords.FEATURES]))
        for k, f in article.features.items()
    ]
    ranked.sort(key=lambda pair: (-pair[1], pair[0].first))
    chosen = keywords.select(ranked, top, article.aliases)
    return [candidate.text for candidate, _ in chosen]


def cross_validated(articles: list[Article], folds: int, c: float) -> dict[str, list[str]]:
    """Each article's top 10 from a model that never saw it."""
    out = {}
    for fold in range(folds):
        train = [a for a in articles if fold_of(a.path, folds) != fold]
        model = fit(train, c)
        for article in articles:
            if fold_of(article.path, folds) == fold:
                out[article.path] = predict(article, model, 10)
    return out


def main() -> None:
    from eval_keywords import score_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--c", type=float, default=DEFAULT_C, help="inverse regularisation strength"
    )
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--dry-run", action="store_true", help="evaluate, do not write")
    parser.add_argument("--reuse-idf", action="store_true", help="keep the shipped idf.json")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"train: {DATA} not found (../shared/data must sit beside the project)")
    if args.reuse_idf:
        idf = keywords.background()
    else:
        idf = build_idf()
        if not args.dry_run:
            write_idf(idf)
    articles = [Article(entry, idf) for entry in read_gold()]
    predictions = cross_validated(articles, args.folds, args.c)
    gold = {a.path: a.groups for a in articles}
    figures = score_table(predictions, gold)
    summary = ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
    print(f"{args.folds}-fold cross-validated on {len(articles)} articles: {summary}")
    if args.dry_run:
        return
    model = fit(articles, args.c)
    header = {
        "model": "kiji keyphrase scorer: logistic regression over candidate features",
        "features": "analyzer/keywords.py (features)",
        "command": f"make train-keywords (scripts/train_keywords.py --c {args.c})",
        "trained": dt.date.today().isoformat(),
        "data": ["corpus/gold/keywords.json (all articles), written by the kiji team, MIT"],
        "idf": idf.version,
        "cross_validated": {k: round(v, 4) for k, v in figures.items()},
        "license": "MIT",
        "version": model.version,
        "format": "line 1: this header; line 2: {bias, weights: {feature: weight}}; "
        "score = 1 / (1 + exp(-(bias + sum of weight * feature)))",
    }
    write_model(MODEL, header, {"bias": model.bias, "weights": model.weights})


if __name__ == "__main__":
    main()
