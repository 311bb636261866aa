"""kiji against GiNZA, one process each, in one run.

    make bench-peers

GiNZA (ja_ginza, spaCy) is installed by the Makefile into its own virtual
environment (.bench/ginza-venv) so that it never touches kiji's.

1. Whole pipelines: both read the same sample of the `make bench` corpus (every
   100th article) as whole files.
2. Named entities on the Stockmark Wikipedia NER test split, sentence by sentence:
   strict and partial-overlap micro P/R/F1 and characters/s of GiNZA (as shipped, and
   with only the components its NER needs) against kiji's CRF tagger and whole
   entity stage. GiNZA's ~190 ENE labels are mapped to the 8 Stockmark types by the
   train split alone (`ginza_mapping`): each label to the type its exact matches
   have most often there, then labels dropped while that raises the train F1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ROOT, build_corpus, replace_section
from train_entities import DATA, gold_spans, read_jsonl

GINZA_PYTHON = ROOT / ".bench" / "ginza-venv" / "bin" / "python"
GINZA_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import spacy
nlp = spacy.load("ja_ginza")
loaded = time.perf_counter() - start
chars = 0
start = time.perf_counter()
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    chars += len(text)
    doc = nlp(text)
    [(e.text, e.label_) for e in doc.ents]
print(json.dumps({"load": loaded, "chars": chars, "seconds": time.perf_counter() - start,
                  "version": spacy.__version__}))
"""


# What the NER needs of ja_ginza: tok2vec, ner (and the morphologizer, which sets
# the tokens' tags; kept so that the NER reads the same tokens as shipped).
NER_ONLY = ("parser", "compound_splitter", "bunsetu_recognizer")
GINZA_NER_SCRIPT = """
import json, sys, time
import spacy
nlp = spacy.load("ja_ginza", exclude=[c for c in sys.argv[2].split(",") if c])
nlp("準備")
spans, chars = [], 0
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        text = json.loads(line)["text"]
        chars += len(text)
        spans.append([(e.start_char, e.end_char, e.label_) for e in nlp(text).ents])
print(json.dumps({"seconds": time.perf_counter() - start, "chars": chars, "spans": spans}))
"""

Span = tuple[int, int, str]


def ginza_ner(path: Path, exclude: tuple[str, ...] = ()) -> tuple[list[list[Span]], float]:
    """GiNZA's entities (ENE labels) for each sentence of ``path``, and its characters/s."""
    result = subprocess.run(
        [str(GINZA_PYTHON), "-c", GINZA_NER_SCRIPT, str(path), ",".join(exclude)],
        check=True,
        capture_output=True,
        text=True,
    )
    out = json.loads(result.stdout.strip().splitlines()[-1])
    found = [[tuple(span) for span in spans] for spans in out["spans"]]
    return found, out["chars"] / out["seconds"]


def ginza_mapping(found: list[list[Span]], gold: list[list[Span]]) -> dict[str, str]:
    """ENE label → Stockmark type, from the train split: each label to the type its
    exact-span matches have most often, then, one at a time, the label whose removal
    raises the strict micro-F1 most is dropped, until none does."""
    matches: dict[str, Counter] = defaultdict(Counter)
    predicted: Counter = Counter()
    for spans, expected in zip(found, gold, strict=True):
        types = {(start, end): kind for start, end, kind in expected}
        for start, end, label in spans:
            predicted[label] += 1
            if (start, end) in types:
                matches[label][types[start, end]] += 1
    mapping = {label: c.most_common(1)[0][0] for label, c in matches.items()}
    hits = {label: matches[label][kind] for label, kind in mapping.items()}
    n_gold = sum(map(len, gold))

    def f1(labels) -> float:
        right = sum(hits[label] for label in labels)
        return 2 * right / (sum(predicted[label] for label in labels) + n_gold)

    while True:
        best = max(mapping, key=lambda label: f1(mapping.keys() - {label}))
        if f1(mapping.keys() - {best}) <= f1(mapping.keys()):
            return mapping
        del mapping[best]


def entities_report() -> str:
    """GiNZA and kiji on the Stockmark test sentences, in this run."""
    from eval_entities import run, score, tagger_alone, whole_stage

    from analyzer import ner
    from analyzer.tokenizer import tokenize

    train_rows = read_jsonl(DATA / "ner.train.jsonl")
    test_rows = read_jsonl(DATA / "ner.test.jsonl")
    train_found, _ = ginza_ner(DATA / "ner.train.jsonl")
    mapping = ginza_mapping(train_found, [gold_spans(row) for row in train_rows])
    test_gold = [gold_spans(row) for row in test_rows]

    def mapped(found: list[list[Span]]) -> list[tuple[list[Span], list[Span]]]:
        return [
            ([(start, end, mapping[label]) for start, end, label in spans if label in mapping], g)
            for spans, g in zip(found, test_gold, strict=True)
        ]

    shipped, shipped_rate = ginza_ner(DATA / "ner.test.jsonl")
    ner_only, ner_only_rate = ginza_ner(DATA / "ner.test.jsonl", NER_ONLY)
    ner.tag(tokenize("準備"))  # load the model before timing
    alone, alone_rate = run(test_rows, tagger_alone)
    stage, stage_rate = run(test_rows, whole_stage)
    systems = [
        ("GiNZA `ja_ginza`, as shipped", score(mapped(shipped)), shipped_rate),
        ("GiNZA `ja_ginza`, NER components only", score(mapped(ner_only)), ner_only_rate),
        ("kiji CRF tagger alone", score(alone), alone_rate),
        ("kiji entity stage", score(stage), stage_rate),
    ]
    lines = [
        f"| {name} | "
        + " | ".join(f"{v:.3f}" for v in (*figures["strict"], figures["partial"][2]))
        + f" | {rate:,.0f} | {rate / ner_only_rate:,.0f}× |"
        for name, figures, rate in systems
    ]
    by_type: dict[str, list[str]] = defaultdict(list)
    for label, kind in sorted(mapping.items()):
        by_type[kind].append(label)
    kept = "; ".join(f"{kind}: {', '.join(labels)}" for kind, labels in sorted(by_type.items()))
    return f"""### Named entities against GiNZA

Stockmark Wikipedia NER test split ({len(test_rows):,} sentences, {sum(map(len, test_gold)):,}
entities), one sentence at a time, one process each, tokenizers included, in the same
run. GiNZA's ENE labels are mapped to the 8 types by the train split alone (each label
to the type its exact matches have most often there, then labels dropped while that
raises the train F1; {len(mapping)} labels kept: {kept}).

| system | strict P | strict R | strict F1 | partial F1 | characters/s | vs GiNZA NER only |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(lines)}
"""


def kiji_rate(paths: list[Path]) -> tuple[float, float, int]:
    start = time.perf_counter()
    from analyzer.pipeline import analyze_path, warm_up

    warm_up()
    loaded = time.perf_counter() - start
    chars = 0
    start = time.perf_counter()
    for path in paths:
        chars += len(path.read_text(encoding="utf-8"))
        json.dumps(analyze_path(path).to_dict(), ensure_ascii=False)
    return loaded, chars / (time.perf_counter() - start), chars


def main() -> None:
    if not GINZA_PYTHON.exists():
        sys.exit("bench-peers: GiNZA's environment is missing; run `make bench-peers`")
    sample = build_corpus()[::100]
    result = subprocess.run(
        [str(GINZA_PYTHON), "-c", GINZA_SCRIPT, *map(str, sample)],
        check=True,
        capture_output=True,
        text=True,
    )
    ginza = json.loads(result.stdout.strip().splitlines()[-1])
    ginza_rate = ginza["chars"] / ginza["seconds"]
    kiji_load, kiji_chars_per_s, chars = kiji_rate(sample)
    report = f"""## Against GiNZA (`make bench-peers`)

Same {len(sample)} articles ({chars:,} characters: every 100th article of the `make bench`
corpus), whole files, one process each, measured in the same run. GiNZA 5.3 `ja_ginza`
(spaCy {ginza["version"]}) runs its full pipeline (tokenizer, tagger, parser, NER); kiji
its full pipeline (reader, tokenizer, keywords, entities, sentiment, JSON).

| tool | load | characters/s | vs GiNZA |
|---|---:|---:|---:|
| GiNZA `ja_ginza` | {ginza["load"]:.2f} s | {ginza_rate:,.0f} | 1× |
| kiji | {kiji_load:.2f} s | {kiji_chars_per_s:,.0f} | {kiji_chars_per_s / ginza_rate:,.0f}× |

{entities_report()}"""
    print(report)
    replace_section("peers", report)
    print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
