"""kiji's speed, measured in one run and written to BENCHMARKS.md.

    make bench

1. Builds a deterministic corpus of 2,000 articles (2,000-10,000 characters, Jekyll
   front matter, Markdown body) in .bench/corpus from ../shared/data: chABSA report
   sentences in report order and Japanese Wikipedia leads.
2. Tokenization only (fugashi + unidic-lite reading feature_raw: the ceiling) and the
   full pipeline (reader, tokenizer, keywords, entities, sentiment, JSON), with 1 worker
   on every 4th article and with N workers on all of them; characters are characters of
   the decoded files, the same count for both.
3. Per-stage times in one process, cold start of `kiji analyze --json` against a bare
   `python -c` that tokenizes the same file, and peak RSS per worker.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = ROOT / ".bench" / "corpus"
ARTICLES = 2000
SEED = 20251123


# --- the corpus ---------------------------------------------------------------------


def build_corpus(folder: Path = CORPUS, count: int = ARTICLES) -> list[Path]:
    """Write the benchmark articles (idempotent: same seed, same bytes)."""
    marker = folder / f".complete-{count}-{SEED}"
    paths = [folder / f"{i // 100:02d}" / f"article-{i:04d}.md" for i in range(count)]
    if marker.exists():
        return paths
    reports: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name in ("sentences.jsonl", "no_opinion.jsonl"):
        with (DATA / "chabsa" / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                number = int(row["id"].rsplit("-", 1)[1])
                reports[row["doc_id"]].append((number, row["text"].strip() + "。"))
    report_texts = [[t for _, t in sorted(rows)] for _, rows in sorted(reports.items())]
    with (DATA / "wikipedia_leads" / "documents.jsonl").open(encoding="utf-8") as handle:
        leads = [json.loads(line)["text"] for line in handle]
    rng = random.Random(SEED)
    for i, path in enumerate(paths):
        target = rng.randint(2000, 10000)
        report = rng.choice(report_texts)
        at = rng.randrange(len(report))
        paragraphs: list[str] = []
        size = 0
        while size < target:
            if rng.random() < 0.6:
                take = report[at : at + rng.randint(1, 4)] or report[:2]
                at = (at + len(take)) % len(report)
                paragraph = "".join(take)
            else:
                paragraph = rng.choice(leads)
            if rng.random() < 0.1:
                paragraph = f"**{paragraph[:40]}**{paragraph[40:]}"
            if rng.random() < 0.08:
                paragraph = "\n".join(f"* {s}" for s in re.split(r"(?<=。)", paragraph) if s)
            if paragraphs and rng.random() < 0.15:
                paragraphs.append(f"## {paragraph[:24].rstrip('。')}")
            paragraphs.append(paragraph)
            size += len(paragraph)
        body = "\n\n".join(paragraphs)
        title = re.split(r"[。、]", re.sub(r"^[#*\s]+", "", body), maxsplit=1)[0][:40]
        front = (
            f'---\nlayout: post\ntitle: "{title}"\n'
            f"date: 2025-{1 + i % 12:02d}-{1 + i % 28:02d} 09:00:00 +0900\n"
            f"categories: [ベンチマーク]\ntags: [記事{i % 7}, 分析]\nauthor: kiji bench\n---\n"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + body + "\n", encoding="utf-8")
    marker.touch()
    return paths


# --- runs ----------------------------------------------------------------------------


def _tokenize_file(path: str) -> int:
    global _bare_tagger
    if _bare_tagger is None:
        import fugashi
        import unidic_lite

        d = unidic_lite.DICDIR
        _bare_tagger = fugashi.GenericTagger(f'-r "{d}/mecabrc" -d "{d}"')
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for node in _bare_tagger.parseToNodeList(text):
        node.feature_raw  # noqa: B018 - reading the features is what we time
    return len(text)


_bare_tagger = None


def bare_tokenizer_rss(paths: list[Path]) -> tuple[float, float]:
    """Peak RSS and anonymous RSS at the end (MB) of a bare fugashi loop over ``paths``:
    what the dictionary alone costs."""
    code = (
        "import fugashi, unidic_lite, resource, sys; d = unidic_lite.DICDIR; "
        't = fugashi.GenericTagger(f\'-r "{d}/mecabrc" -d "{d}"\')\n'
        "for p in sys.argv[1:]:\n"
        "    [n.feature_raw for n in t.parseToNodeList(open(p, encoding='utf-8').read())]\n"
        "anon = [l.split()[1] for l in open('/proc/self/status') if l.startswith('RssAnon')]\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, int(anon[0]) / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True, text=True
    )
    peak, anon = out.stdout.split()
    return float(peak), float(anon)


def _anonymous_mb(pid: int) -> dict[int, float]:
    """Anonymous RSS (MB) of process ``pid`` and its children: a process's own memory,
    without the file pages (UniDic's memory-mapped dictionary) it shares."""
    found = {}
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            pids += [int(p) for p in handle.read().split()]
    except OSError:
        return found
    for each in pids:
        try:
            with open(f"/proc/{each}/status") as handle:
                for line in handle:
                    if line.startswith("RssAnon:"):
                        found[each] = int(line.split()[1]) / 1024
        except OSError:
            pass
    return found


def tokenize_rate(paths: list[Path], workers: int) -> float:
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    files = [str(p) for p in paths]
    start = time.perf_counter()
    if workers == 1:
        for path in files:
            _tokenize_file(path)
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for _ in pool.imap(_tokenize_file, files, chunksize=8):
                pass
    return chars / (time.perf_counter() - start)


def pipeline_run(paths: list[Path], targets: list[str], workers: int) -> tuple[float, float, float]:
    """Run `kiji batch` as a user would; return its rate, the peak RSS (MB) of any kiji
    process so far (the parent and its workers) and the largest anonymous RSS (MB) of
    any of its processes, sampled every 0.1 s."""
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    command = [str(ROOT / ".venv" / "bin" / "kiji"), "batch", *targets, "--jobs", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--quiet"], stdout=subprocess.DEVNULL)
    anonymous = 0.0
    while process.poll() is None:
        anonymous = max([anonymous, *_anonymous_mb(process.pid).values()])
        time.sleep(0.1)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    rate = chars / (time.perf_counter() - start)
    return rate, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, anonymous


def stage_times(paths: list[Path]) -> dict[str, float]:
    from analyzer.entities import extract_entities
    from analyzer.keywords import extract_keywords
    from analyzer.pipeline import warm_up
    from analyzer.reader import read_path
    from analyzer.result import Analysis, Stats
    from analyzer.sentiment import analyze_sentiment, entity_sentiments, probabilities_of
    from analyzer.tokenizer import tokenize_sentences

    warm_up()
    times: dict[str, float] = defaultdict(float)

    def timed(stage: str, function, *args, **kwargs):
        start = time.perf_counter()
        value = function(*args, **kwargs)
        times[stage] += time.perf_counter() - start
        return value

    for path in paths:
        doc = timed("reader (decode, front matter, Markdown, sentences)", read_path, path)
        sentences = timed("tokenizer", tokenize_sentences, doc.text, doc.sentences)
        entities = timed("entities", extract_entities, doc, sentences)
        keywords, _ = timed("keywords", extract_keywords, doc, sentences, entities=entities)
        probabilities = timed("sentiment", probabilities_of, doc, sentences)
        sentiment = timed("sentiment", analyze_sentiment, doc, sentences, probabilities)
        entities = timed("sentiment", entity_sentiments, doc, sentences, entities, probabilities)
        analysis = Analysis(
            doc.source,
            doc.meta,
            Stats(0, 0, 0, 0.0),
            tuple(keywords),
            tuple(entities),
            sentiment,
            doc.warnings,
        )
        timed("JSON", json.dumps, analysis.to_dict(), ensure_ascii=False)
    return dict(times)


def cold_start(path: Path, runs: int = 21) -> tuple[float, float]:
    kiji = [str(ROOT / ".venv" / "bin" / "kiji"), "analyze", str(path), "--json"]
    bare = [
        sys.executable,
        "-c",
        "import fugashi, unidic_lite, sys; d = unidic_lite.DICDIR; "
        't = fugashi.GenericTagger(f\'-r "{d}/mecabrc" -d "{d}"\'); '
        "[n.feature_raw for n in t.parseToNodeList(open(sys.argv[1], encoding='utf-8').read())]",
        str(path),
    ]

    def median(command: list[str]) -> float:
        for _ in range(2):  # warm the page cache and the .pyc files
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    return median(kiji), median(bare)


# --- report --------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}"
    )


def replace_section(name: str, text: str, path: Path = ROOT / "BENCHMARKS.md") -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{text.rstrip()}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        _, after = rest.split(end, 1)
        current = before + block + after
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    path.write_text(current, encoding="utf-8")


def _row(name: str, one: float, many: float) -> str:
    return f"| {name} | {one:,.0f} chars/s | {many:,.0f} chars/s | {many / one:.2f}× |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    if not (DATA / "chabsa").is_dir():
        sys.exit(f"bench: {DATA} not found (../shared/data must sit beside the project)")
    n = args.workers
    paths = build_corpus()
    subset = paths[::4]
    corpus_chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    subset_chars = sum(len(p.read_text(encoding="utf-8")) for p in subset)
    print(f"corpus: {len(paths):,} articles, {corpus_chars:,} characters in {CORPUS}")

    # Cold start first, on a quiet machine; then the pipeline, because RSS is the peak
    # over every child process so far and the tokenization pools would count too.
    post = min(paths, key=lambda p: abs(len(p.read_text(encoding="utf-8")) - 6500))
    kiji_cold, bare_cold = cold_start(post)
    print(f"cold start: kiji analyze --json {kiji_cold:.3f} s, bare tokenize {bare_cold:.3f} s")
    pipe1, rss1, anon1 = pipeline_run(subset, [str(p) for p in subset], 1)
    print(f"pipeline, 1 worker:  {pipe1:,.0f} chars/s (peak RSS {rss1:.0f} MB, own {anon1:.0f})")
    pipen, rssn, anonn = pipeline_run(paths, [str(CORPUS)], n)
    print(f"pipeline, {n} workers: {pipen:,.0f} chars/s (peak RSS {rssn:.0f} MB, own {anonn:.0f})")
    bare_rss, bare_anon = bare_tokenizer_rss(subset)
    print(f"bare fugashi: peak RSS {bare_rss:.0f} MB, own {bare_anon:.0f}")
    tok1 = tokenize_rate(subset, 1)
    print(f"tokenize, 1 worker:  {tok1:,.0f} chars/s")
    tokn = tokenize_rate(paths, n)
    print(f"tokenize, {n} workers: {tokn:,.0f} chars/s")
    stages = stage_times(paths[:200])
    total = sum(stages.values())
    for stage, seconds in stages.items():
        print(f"  {stage:50s} {seconds:6.2f} s {seconds / total:6.1%}")

    post_chars = len(post.read_text(encoding="utf-8"))
    rows = "\n".join(
        f"| {stage} | {seconds:.2f} | {seconds / total:.0%} |" for stage, seconds in stages.items()
    )

    def verdict(ok: bool) -> str:
        return "met" if ok else "not yet"

    ratio = f"{pipe1 / tok1:.0%} (1 worker), {pipen / tokn:.0%} ({n})"
    ratio_ok = min(pipe1 / tok1, pipen / tokn) >= 0.5
    flat = verdict(rssn <= rss1 * 1.1)
    rss_cell = f"{rssn:.0f} MB (a bare fugashi loop: {bare_rss:.0f} MB)"
    targets = f"""| target (batch issue) | measured in this run | |
|---|---|---|
| cold start `kiji analyze --json` ≤ 0.3 s | {kiji_cold:.3f} s | {verdict(kiji_cold <= 0.3)} |
| full pipeline ≥ 50% of tokenization-only, same workers | {ratio} | {verdict(ratio_ok)} |
| {n} workers ≥ 1.7× one worker | {pipen / pipe1:.2f}× | {verdict(pipen / pipe1 >= 1.7)} |
| peak RSS per worker ≤ 250 MB | {rss_cell} | {verdict(rssn <= 250)} |
| memory flat as the corpus grows | {rss1:.0f} → {rssn:.0f} MB for 4× the articles | {flat} |
"""
    report = f"""## Speed (`make bench`)

{targets}

Machine: {machine()}. Corpus: {len(paths):,} generated articles, {corpus_chars:,}
characters (`.bench/corpus`, built by `scripts/bench.py` from chABSA report sentences
and Wikipedia leads, seed {SEED}); 1-worker runs use every 4th article
({len(subset):,} articles, {subset_chars:,} characters). Characters are those of the
decoded files, for every row.

| run | 1 worker | {n} workers | scaling |
|---|---:|---:|---:|
{_row("tokenization only (fugashi + unidic-lite, `feature_raw`)", tok1, tokn)}
{_row("full pipeline (reader → tokenizer → extractors → JSON)", pipe1, pipen)}
| pipeline / tokenization | {pipe1 / tok1:.0%} | {pipen / tokn:.0%} | |

Peak RSS of any kiji process (the parent or a worker): {rss1:.0f} MB after the
{len(subset):,}-article run with 1 worker, {rssn:.0f} MB after the {len(paths):,}-article
run with {n} workers. For comparison, a bare fugashi loop over the same
{len(subset):,} articles peaks at {bare_rss:.0f} MB: most of a worker's memory is
UniDic's memory-mapped dictionary (`sys.dic` and `matrix.bin`, 260 MB on disk), file
pages shared between the workers and with the page cache, of which a process maps more
when more of the files sit in the cache (a fresh install has them all there), so this
figure moves between machines and days with no change to kiji. A process's own memory,
its anonymous RSS (largest of its processes, sampled every 0.1 s): {anon1:.0f} MB with 1
worker, {anonn:.0f} MB with {n}, against {bare_anon:.0f} MB for the bare fugashi loop at
its end.

Cold start, median of 21 runs (after 2 warm-up runs) on a {post_chars:,}-character article:
`kiji analyze post.md --json` **{kiji_cold:.3f} s**; a bare `python -c` that loads
fugashi and tokenizes the same file: {bare_cold:.3f} s.

Per stage, one process, first 200 articles ({total:.1f} s in all):

| stage | seconds | share |
|---|---:|---:|
{rows}
"""
    print()
    print(report)
    if not args.no_write:
        replace_section("bench", report)
        print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
