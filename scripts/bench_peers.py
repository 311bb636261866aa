"""kiji against GiNZA on the same articles, one process each, in one run.

    make bench-peers

GiNZA (ja_ginza, spaCy) is installed by the Makefile into its own virtual
environment (.bench/ginza-venv) so that it never touches kiji's. Both read the
same sample of the `make bench` corpus (every 100th article) as whole files.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import ROOT, build_corpus, replace_section

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
"""
    print(report)
    replace_section("peers", report)
    print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
