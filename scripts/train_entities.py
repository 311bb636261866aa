"""Train kiji's named-entity tagger: analyzer/models/entities.crfsuite (+ entities.json).

    make train-entities

Data: the Stockmark Wikipedia NER train split (../shared/data/ner_wikipedia/
ner.train.jsonl, CC BY-SA 3.0). Texts are NFKC-normalised character by character
(the length kept), as kiji normalises articles, and tokenised by kiji's tokenizer;
gold character spans become BIO labels on the tokens. Where a gold boundary falls
inside a MeCab token the entity cannot be represented exactly: it is counted and
labelled on the tokens it overlaps most (see ``align``). A dev slice of the train
pages (by page id) chooses the regularisation; ner.test.jsonl is never read here.

First it builds the word clusters the tagger uses as features
(analyzer/models/word_clusters.json): PPMI of each word's neighbours (two tokens
either side, by position) in raw text (the Wikipedia leads and chABSA reports of
the train splits, and the NER train sentences), reduced to 100 dimensions with
scikit-learn's TruncatedSVD and grouped by k-means at two granularities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pycrfsuite
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD

from analyzer import ner
from analyzer.resources import write_model
from analyzer.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DATA = SHARED / "ner_wikipedia"
CLUSTER_SIZES = (100, 500)
VOCABULARY = 30_000  # words seen at least MIN_COUNT times, most frequent first
MIN_COUNT = 3
CONTEXTS = 5_000
SHIFT = 5


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def same_length_nfkc(text: str) -> str:
    return "".join(c if len(n := unicodedata.normalize("NFKC", c)) != 1 else n for c in text)


def raw_sentences() -> list[list[str]]:
    """Token surfaces of every sentence of the raw corpus for the clusters."""
    texts = [
        row["text"]
        for row in read_jsonl(SHARED / "wikipedia_leads" / "documents.jsonl")
        if row.get("split", "train") == "train"
    ]
    texts += [row["text"] for row in read_jsonl(DATA / "ner.train.jsonl")]
    texts += [row["text"] for row in read_jsonl(SHARED / "chabsa" / "sentences.train.jsonl")]
    sentences = []
    for text in texts:
        for line in unicodedata.normalize("NFKC", text).replace("。", "。\n").splitlines():
            if line.strip():
                sentences.append([t.surface for t in tokenize(line)])
    return sentences


def build_clusters() -> dict[str, tuple[int, int]]:
    sentences = raw_sentences()
    counts = Counter(w for s in sentences for w in s)
    vocabulary = [w for w, c in counts.most_common(VOCABULARY) if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocabulary)}
    context = {w: i for i, w in enumerate(vocabulary[:CONTEXTS])}
    rows, columns = [], []
    for sentence in sentences:
        for i, word in enumerate(sentence):
            if word not in index:
                continue
            for slot, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                if 0 <= j < len(sentence) and sentence[j] in context:
                    rows.append(index[word])
                    columns.append(context[sentence[j]] * 4 + slot)
    ones = np.ones(len(rows))
    shape = (len(vocabulary), len(context) * 4)
    matrix = sparse.coo_matrix((ones, (rows, columns)), shape=shape).tocsr().tocoo()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    # Context counts smoothed with the usual 0.75 power: PMI = log n(w,c) Σ n(c)^.75
    # / (n(w) n(c)^.75).
    smoothed = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    pmi = np.log(matrix.data * smoothed.sum() / (row_sums[matrix.row] * smoothed[matrix.col]))
    pmi -= np.log(SHIFT)  # shifted PPMI: only clearly associated contexts count
    keep = pmi > 0
    ppmi = sparse.coo_matrix((pmi[keep], (matrix.row[keep], matrix.col[keep])), shape=shape)
    vectors = TruncatedSVD(100, random_state=0).fit_transform(ppmi.tocsr())
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [
        MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096).fit(vectors).labels_
        for k in CLUSTER_SIZES
    ]
    print(f"clusters: {len(sentences):,} sentences, {len(vocabulary):,} words")
    return {w: (int(a), int(b)) for w, a, b in zip(vocabulary, *labels, strict=True)}


def write_clusters(table: dict[str, tuple[int, int]]) -> None:
    header = {
        "table": "word clusters for the entity tagger: k-means over shifted-PPMI SVD vectors",
        "sizes": list(CLUSTER_SIZES),
        "command": "make train-entities (scripts/train_entities.py)",
        "data": [
            "Japanese Wikipedia leads (train split of ../shared/data/wikipedia_leads), "
            "CC BY-SA 4.0",
            "Stockmark NER sentences (train split), CC BY-SA 3.0",
            "chABSA reports (train split), CC BY 4.0",
        ],
        "license": "CC BY-SA 4.0 (attribution: Wikipedia contributors, Stockmark Inc., "
        "chakki-works)",
        "version": hashlib.sha256(json.dumps(sorted(table.items())).encode()).hexdigest()[:12],
        "format": "line 1: this header; line 2: {words, coarse, fine}: parallel lists, "
        "cluster numbers as strings",
    }
    words = list(table)
    data = {
        "words": words,
        "coarse": [str(table[w][0]) for w in words],
        "fine": [str(table[w][1]) for w in words],
    }
    write_model(ner.CLUSTERS, header, data)
    ner.clusters.cache_clear()


def gold_spans(row: dict) -> list[tuple[int, int, str]]:
    return [(e["span"][0], e["span"][1], ner.TYPES[e["type"]]) for e in row["entities"]]


def align(tokens, entities) -> tuple[list[str], int]:
    """BIO labels for ``tokens``, and how many entities have a boundary inside a token
    (those are labelled on every token they overlap)."""
    labels = ["O"] * len(tokens)
    inexact = 0
    for start, end, kind in sorted(entities):
        inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        if not inside:
            inexact += 1
            continue
        if tokens[inside[0]].start != start or tokens[inside[-1]].end != end:
            inexact += 1
        if any(labels[i] != "O" for i in inside):
            continue
        labels[inside[0]] = "B-" + kind
        for i in inside[1:]:
            labels[i] = "I-" + kind
    return labels, inexact


def examples(rows: list[dict]):
    """(tokens, features, labels, gold spans) per sentence, and the inexact count."""
    out = []
    inexact = 0
    for row in rows:
        text = same_length_nfkc(row["text"])
        tokens = tokenize(text)
        entities = gold_spans(row)
        labels, bad = align(tokens, entities)
        inexact += bad
        out.append((tokens, ner.token_features(tokens), labels, entities))
    return out, inexact


def dev_split(row: dict, seed: str = "ner-dev") -> bool:
    key = f"{seed}:{row['curid']}"
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 100 < 15


def train(data, c1: float, c2: float, path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _, features, labels, _ in data:
        trainer.append(features, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def evaluate(path: Path, data) -> dict[str, float]:
    """Strict (span and type) micro P/R/F1 of the model at ``path`` on ``data``."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    right = predicted = gold = 0
    for tokens, features, _, entities in data:
        found = set(ner.spans(tokens, tagger.tag(features))) if tokens else set()
        right += len(found & set(entities))
        predicted += len(found)
        gold += len(entities)
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--dry-run", action="store_true", help="train on train-dev, report dev")
    parser.add_argument(
        "--dev-seed",
        default="ner-dev",
        help="which train pages form the dev slice (by hash); others show how much a "
        "dev figure moves by chance",
    )
    parser.add_argument(
        "--reuse-clusters", action="store_true", help="keep the shipped word_clusters.json"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"train: {DATA} not found (../shared/data must sit beside the project)")
    started = time.perf_counter()
    if not args.reuse_clusters:
        write_clusters(build_clusters())
    rows = read_jsonl(DATA / "ner.train.jsonl")
    train_rows = [r for r in rows if not dev_split(r, args.dev_seed)]
    dev_rows = [r for r in rows if dev_split(r, args.dev_seed)]
    train_data, inexact = examples(train_rows)
    dev_data, _ = examples(dev_rows)
    n_entities = sum(len(e) for *_, e in train_data)
    print(
        f"{len(train_data):,} train sentences, {n_entities:,} entities, {inexact} with a "
        f"boundary inside a MeCab token; {len(dev_data):,} dev sentences "
        f"({time.perf_counter() - started:.0f} s)"
    )
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "dev.crfsuite"
        train(train_data, args.c1, args.c2, trial, args.iterations)
        dev = evaluate(trial, dev_data)
    print("dev: " + ", ".join(f"{k} {v:.3f}" for k, v in dev.items()))
    if args.dry_run:
        return
    all_data = train_data + dev_data
    train(all_data, args.c1, args.c2, ner.MODEL, args.iterations)
    digest = hashlib.sha256(ner.MODEL.read_bytes()).hexdigest()[:12]
    header = {
        "model": "kiji named-entity tagger: linear-chain CRF (CRFsuite) over MeCab tokens, "
        "BIO labels",
        "labels": sorted(ner.TYPES.values()),
        "features": "analyzer/ner.py (token_features)",
        "command": "make train-entities (scripts/train_entities.py "
        f"--c1 {args.c1} --c2 {args.c2} --iterations {args.iterations})",
        "trained": dt.date.today().isoformat(),
        "data": [
            "Stockmark Wikipedia NER dataset (train split of ../shared/data/ner_wikipedia), "
            "CC BY-SA 3.0, https://github.com/stockmarkteam/ner-wikipedia-dataset"
        ],
        "license": "CC BY-SA 3.0 (a derivative of the Stockmark NER dataset; attribution: "
        "Stockmark Inc.)",
        "dev": {k: round(v, 4) for k, v in dev.items()},
        "inexact_train_entities": inexact,
        "version": digest,
        "format": "line 1: this header; the model is entities.crfsuite (CRFsuite's binary "
        "format, read with python-crfsuite)",
    }
    ner.HEADER.write_text(json.dumps(header, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {ner.MODEL} ({ner.MODEL.stat().st_size:,} bytes) and {ner.HEADER}")


if __name__ == "__main__":
    main()
