"""Evaluate kiji's entities, in one run; write BENCHMARKS.md.

    make eval-entities

1. The Stockmark Wikipedia NER test split (../shared/data/ner_wikipedia/ner.test.jsonl):
   strict (span and type) and partial (overlapping span, same type) precision,
   recall and F1, micro and per type, for the CRF tagger alone and for kiji's
   whole entity stage (numeric rules, the gazetteer, legal forms, then the tagger;
   its MONEY, DATE, PERCENT and QUANTITY mentions are not scored, Stockmark has
   none), with characters per second (tokenizer included).
2. Our articles (corpus/gold/entities.json): the distinct entities kiji reports per
   article against the hand-annotated ones, by name and type (strict) and by name.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import json

import train_entities as training
from bench import replace_section

from analyzer import analyze_path, ner
from analyzer.entities import NUMERIC_TYPES, extract_entities, gazetteer
from analyzer.keywords import normalize
from analyzer.reader import Source, parse_text
from analyzer.tokenizer import tokenize, tokenize_sentences

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold" / "entities.json"
NAME_TYPES = tuple(ner.TYPES.values())

Span = tuple[int, int, str]


def prf(right: float, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def partial_hits(found: list[Span], gold: list[Span]) -> int:
    """Predictions overlapping a gold span of the same type, each gold span used once."""
    used: set[int] = set()
    hits = 0
    for start, end, kind in found:
        for k, (g_start, g_end, g_kind) in enumerate(gold):
            if k not in used and g_kind == kind and start < g_end and g_start < end:
                used.add(k)
                hits += 1
                break
    return hits


def score(pairs: list[tuple[list[Span], list[Span]]]) -> dict[str, tuple[float, float, float]]:
    """'strict', 'partial' and each type (strict): (P, R, F1)."""
    strict = partial = predicted = gold = 0
    by_type: dict[str, Counter] = {t: Counter() for t in NAME_TYPES}
    for found, expected in pairs:
        exact = set(found) & set(expected)
        strict += len(exact)
        partial += partial_hits(found, expected)
        predicted += len(found)
        gold += len(expected)
        for _, _, kind in found:
            by_type[kind]["predicted"] += 1
        for _, _, kind in expected:
            by_type[kind]["gold"] += 1
        for _, _, kind in exact:
            by_type[kind]["right"] += 1
    out = {"strict": prf(strict, predicted, gold), "partial": prf(partial, predicted, gold)}
    for kind, c in by_type.items():
        out[kind] = prf(c["right"], c["predicted"], c["gold"])
    return out


def run(rows: list[dict], find: Callable[[str], list[Span]]) -> tuple[list, float]:
    """(found, gold) spans per sentence, and ``find``'s speed in characters/s."""
    pairs = []
    chars = 0
    started = time.perf_counter()
    for row in rows:
        text = training.same_length_nfkc(row["text"])
        chars += len(text)
        pairs.append((find(text), training.gold_spans(row)))
    return pairs, chars / (time.perf_counter() - started)


def tagger_alone(text: str) -> list[Span]:
    return ner.tag(tokenize(text))


def whole_stage(text: str) -> list[Span]:
    """kiji's entity stage on the sentence, its name mentions as source spans."""
    doc = parse_text(text, Source("<test>", "utf-8", len(text), ""))
    sentences = tokenize_sentences(doc.text, doc.sentences)
    found = []
    for entity in extract_entities(doc, sentences):
        if entity.type not in NUMERIC_TYPES:
            found += [(m.start, m.end, entity.type) for m in entity.mentions]
    return found


def own_articles() -> tuple[dict[str, tuple[float, float, float]], list[str], int]:
    """Distinct entities per article against the gold: strict, by name; misses; how
    many gold entities the gazetteer lists (those are found by lookup, not learned)."""
    gold_doc = json.loads(GOLD.read_text(encoding="utf-8"))
    right = named = predicted = gold = listed = 0
    listed_names = gazetteer().types
    misses = []
    for article in gold_doc["articles"]:
        analysis = analyze_path(ROOT / article["path"])
        source = (ROOT / article["path"]).read_text(encoding="utf-8")
        # An entity goes by its name and by every spelling the article uses for it
        # (日銀 for 日本銀行); the gold names one of them.
        entities = [e for e in analysis.entities if e.type in NAME_TYPES or e.type == "MONEY"]
        found = {
            (normalize(name), e.type)
            for e in entities
            for name in [e.text, *(source[m.start : m.end] for m in e.mentions)]
        }
        predicted += len(entities)
        for entry in article["entities"]:
            names = {normalize(n) for n in [entry["text"], *entry.get("aliases", [])]}
            gold += 1
            listed += any(
                n.lower() in listed_names for n in [entry["text"], *entry.get("aliases", [])]
            )
            typed = any((n, entry["type"]) in found for n in names)
            right += typed
            named += typed or any(n == name for n in names for name, _ in found)
            if not typed:
                misses.append(f"{entry['text']} ({entry['type']})")
    return (
        {
            "strict": prf(right, predicted, gold),
            "name": prf(named, predicted, gold),
        },
        misses,
        listed,
    )


def row(name: str, figures: tuple[float, float, float]) -> str:
    return f"| {name} | " + " | ".join(f"{v:.3f}" for v in figures) + " |"


def main() -> None:
    rows = training.read_jsonl(training.DATA / "ner.test.jsonl")
    ner.tag(tokenize("準備"))  # load the model before timing
    alone, alone_rate = run(rows, tagger_alone)
    stage, stage_rate = run(rows, whole_stage)
    alone_scores, stage_scores = score(alone), score(stage)
    own, misses, listed = own_articles()
    own_articles_gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    own_gold = sum(len(a["entities"]) for a in own_articles_gold)
    n_gold = sum(len(e) for _, e in alone)
    lines = [
        row("CRF tagger alone, strict", alone_scores["strict"]),
        row("CRF tagger alone, partial overlap", alone_scores["partial"]),
        row("kiji entity stage, strict", stage_scores["strict"]),
        row("kiji entity stage, partial overlap", stage_scores["partial"]),
    ]
    per_type = [
        f"| {kind} | "
        + " | ".join(f"{v:.3f}" for v in alone_scores[kind])
        + " | "
        + " | ".join(f"{v:.3f}" for v in stage_scores[kind])
        + " |"
        for kind in NAME_TYPES
    ]
    header = json.loads(ner.HEADER.read_text(encoding="utf-8"))
    report = f"""## Entities (`make eval-entities`)

Model `analyzer/models/entities.crfsuite` {header["version"]} (dev F1 on a slice of
the train pages: {header["dev"]["f1"]:.3f}). Stockmark Wikipedia NER test split:
{len(rows):,} sentences, {n_gold:,} entities, never used in training or tuning.

| system (ner.test.jsonl) | precision | recall | F1 |
|---|---:|---:|---:|
{chr(10).join(lines)}

Speed, one process, tokenizer included: CRF tagger {alone_rate:,.0f} characters/s;
whole entity stage {stage_rate:,.0f} characters/s (GiNZA's rate, measured on the same
machine, is in the `make bench-peers` section). Training: {header["inexact_train_entities"]}
train entities have a boundary inside a MeCab token and are labelled on the tokens
they overlap.

Per type, strict (tagger alone: P, R, F1; whole stage: P, R, F1):

| type | P | R | F1 | P | R | F1 |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(per_type)}

Our articles (`corpus/gold/entities.json`, {len(own_articles_gold)} articles, distinct entities per
article, names and MONEY; an entity matches a gold entry by its name or by any
spelling the article uses for it; {listed} of the {own_gold} gold entities are names of
`corpus/lexicons/gazetteer.tsv`, which the same team wrote, so this set is not
independent of that list; the Stockmark figures above are):

| match | precision | recall | F1 |
|---|---:|---:|---:|
{row("name and type", own["strict"])}
{row("name only", own["name"])}

Missed or mistyped ({len(misses)}): {", ".join(misses)}
"""
    print(report)
    replace_section("entities", report)
    print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
