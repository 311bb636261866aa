"""Evaluate kiji's keyphrases against two baselines, in one run; write BENCHMARKS.md.

    make eval-keywords

Gold: corpus/gold/keywords.json (40 of our articles, 8-15 synonym groups each).
A predicted phrase matches a group when, after NFKC, lower-casing and removing
spaces and middle dots, it equals one of the group's phrases (exact) or one
contains the other (lenient); each group is matched at most once. P@5, P@10,
R@10 and F1@10 are computed per article and averaged over articles.

Systems, all over the same candidates and the same IDF table:
- kiji, cross-validated: each article ranked by a model trained on the other folds
  (the honest figure: the shipped model has seen every gold article);
- kiji, shipped model (trained on all the gold articles: an upper bound);
- TF-IDF over compound nouns (whole noun chains, count x IDF);
- compound-noun frequency.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_keywords as training
from bench import replace_section

from analyzer import keywords


def _hits(predicted: list[str], groups: list[list[str]], lenient: bool) -> list[bool]:
    """For each prediction, whether it matched a group not matched before."""
    used: set[int] = set()
    out = []
    for text in predicted:
        key = keywords.normalize(text)
        hit = False
        for g, group in enumerate(groups):
            if g in used:
                continue
            if key in group or (
                lenient and any(len(m) >= 2 and (m in key or key in m) for m in group)
            ):
                used.add(g)
                hit = True
                break
        out.append(hit)
    return out


def score_table(
    predictions: dict[str, list[str]], gold: dict[str, list[list[str]]]
) -> dict[str, float]:
    """Macro-averaged P@5, P@10, R@10, F1@10, exact and lenient."""
    totals: dict[str, float] = {}
    for lenient, suffix in ((False, ""), (True, " lenient")):
        p5 = p10 = r10 = f10 = 0.0
        for path, groups in gold.items():
            hits = _hits(predictions.get(path, [])[:10], groups, lenient)
            at5, at10 = sum(hits[:5]), sum(hits)
            precision, recall = at10 / 10, at10 / len(groups)
            p5 += at5 / 5
            p10 += precision
            r10 += recall
            f10 += 2 * precision * recall / (precision + recall) if at10 else 0.0
        n = len(gold)
        totals |= {
            f"P@5{suffix}": p5 / n,
            f"P@10{suffix}": p10 / n,
            f"R@10{suffix}": r10 / n,
            f"F1@10{suffix}": f10 / n,
        }
    return totals


def baseline(article: training.Article, idf: keywords.Background, use_idf: bool) -> list[str]:
    """Top 10 whole compounds by count (x IDF when ``use_idf``)."""
    whole = [c for c in article.found.values() if c.standalone and not c.phrase]
    whole.sort(key=lambda c: (-(c.standalone * (idf.idf(c.key) if use_idf else 1.0)), c.first))
    return [c.text for c in whole[:10]]


def main() -> None:
    idf = keywords.background()
    articles = [training.Article(entry, idf) for entry in training.read_gold()]
    gold = {a.path: a.groups for a in articles}
    shipped = keywords.model()
    started = time.perf_counter()
    cross = training.cross_validated(articles, 4, c=training.DEFAULT_C)
    print(f"cross-validation: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    systems = {
        "kiji, 4-fold cross-validated by article": cross,
        "kiji, shipped model (has seen these articles)": {
            a.path: training.predict(a, shipped, 10) for a in articles
        },
        "TF-IDF over compound nouns": {a.path: baseline(a, idf, True) for a in articles},
        "compound-noun frequency": {a.path: baseline(a, idf, False) for a in articles},
    }
    columns = ["P@5", "P@10", "R@10", "F1@10"]
    rows = []
    for name, predictions in systems.items():
        figures = score_table(predictions, gold)
        rows.append(
            f"| {name} | "
            + " | ".join(f"{figures[c]:.3f}" for c in columns)
            + " | "
            + " | ".join(f"{figures[c + ' lenient']:.3f}" for c in columns)
            + " |"
        )
        print(rows[-1])
    groups = sum(len(g) for g in gold.values())
    example = articles[-1]
    report = f"""## Keywords (`make eval-keywords`)

Gold: `corpus/gold/keywords.json`, {len(articles)} of our articles, {groups} synonym
groups. Exact: equal after NFKC, lower-casing and removing spaces and middle dots;
lenient: one contains the other; one hit per group; averaged over articles. Model
`analyzer/models/keywords.json` {shipped.version}, IDF table {idf.version}
({idf.documents:,} background documents).

| system | P@5 | P@10 | R@10 | F1@10 | P@5 lenient | P@10 lenient | R@10 lenient | F1@10 lenient |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

kiji's top 10 for `{example.path}` (cross-validated):
{", ".join(cross[example.path])}
"""
    print(report)
    replace_section("keywords", report)
    print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
