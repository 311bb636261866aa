"""The pipeline: reader → tokenizer → entities, keywords (which read the entities),
sentiment → Analysis."""

from __future__ import annotations

import os

from analyzer.entities import NameList, extract_entities
from analyzer.keywords import extract_keywords
from analyzer.reader import Document, ReadOptions, Source, parse_text, read_path
from analyzer.resources import sha256
from analyzer.result import Analysis, Stats
from analyzer.sentiment import analyze_sentiment, entity_sentiments, probabilities_of
from analyzer.tokenizer import tokenize_sentences

CHARS_PER_MINUTE = 500  # a common estimate for reading Japanese prose


def analyze_document(doc: Document, top: int = 10, names: NameList | None = None) -> Analysis:
    """Analyse a read document; ``names`` are the user's own entities (``read_names``)."""
    sentences = tokenize_sentences(doc.text, doc.sentences)
    entities = extract_entities(doc, sentences, names)
    keywords, suggested_tags = extract_keywords(doc, sentences, top=top, entities=entities)
    probabilities = probabilities_of(doc, sentences)
    sentiment = analyze_sentiment(doc, sentences, probabilities)
    chars = sum(s.end - s.start for s in doc.sentences)
    stats = Stats(
        chars=chars,
        sentences=len(doc.sentences),
        tokens=sum(len(t) for t in sentences),
        reading_time_min=round(chars / CHARS_PER_MINUTE, 1),
    )
    return Analysis(
        source=doc.source,
        meta=doc.meta,
        stats=stats,
        keywords=tuple(keywords),
        entities=tuple(entity_sentiments(doc, sentences, entities, probabilities)),
        sentiment=sentiment,
        warnings=doc.warnings,
        suggested_tags=tuple(suggested_tags),
        extra_versions=(("entities_file", names.version),) if names is not None else (),
    )


def warm_up() -> None:
    """Load the tagger and every lexicon now rather than on the first article."""
    analyze_text("NVIDIAは2025年に好調だった。")


def analyze_text(
    text: str,
    path: str = "<text>",
    *,
    top: int = 10,
    options: ReadOptions | None = None,
    names: NameList | None = None,
) -> Analysis:
    """Analyse a string (Markdown with optional front matter)."""
    data = text.encode("utf-8")
    source = Source(path, "utf-8", len(data), sha256(data).hexdigest())
    return analyze_document(parse_text(text, source, options), top=top, names=names)


def analyze_path(
    path: str | os.PathLike[str],
    *,
    top: int = 10,
    options: ReadOptions | None = None,
    names: NameList | None = None,
) -> Analysis:
    """Read and analyse one file."""
    return analyze_document(read_path(path, options), top=top, names=names)
