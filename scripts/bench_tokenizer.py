"""How fast the tokenizer stage can read MeCab's output, one process.

Compares fugashi's named-tuple ``feature`` (UnidicNode) with ``feature_raw``
and with kiji's own ``tokenize`` (MeCab prints only the fields kiji reads, one
string per sentence, split into slotted Tokens with offsets). Text: Japanese
Wikipedia leads from ../shared/data.

    make bench-tokenizer
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import fugashi
import unidic_lite

from analyzer.tokenizer import tokenize

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wikipedia_leads"


def best_rate(run, texts: list[str], repeat: int = 3) -> float:
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - start)
    return chars / best


def main() -> None:
    path = DATA / "documents.jsonl"
    if not path.exists():
        sys.exit(f"bench: {path} not found (../shared/data must sit beside the project)")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    dicdir = unidic_lite.DICDIR
    args = f'-r "{dicdir}/mecabrc" -d "{dicdir}"'
    unidic = fugashi.Tagger(args)
    generic = fugashi.GenericTagger(args)

    def named_tuple(batch):
        for text in batch:
            for node in unidic(text):
                node.feature.lemma  # noqa: B018 - reading the feature is what we time

    def raw(batch):
        for text in batch:
            for node in generic.parseToNodeList(text):
                node.feature_raw  # noqa: B018

    def kiji(batch):
        for text in batch:
            tokenize(text)

    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters, best of 3")
    for name, run in (
        ("fugashi Tagger, node.feature (named tuple)", named_tuple),
        ("fugashi GenericTagger, node.feature_raw", raw),
        ("kiji tokenize() (own output format → Token)", kiji),
    ):
        print(f"  {name:45s} {best_rate(run, texts):>10,.0f} chars/s")


if __name__ == "__main__":
    main()
