"""The analysis result: frozen dataclasses that serialise to the documented JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analyzer.encoding import valid_unicode
from analyzer.frontmatter import Meta
from analyzer.reader import Source

SCHEMA_VERSION = 2
ENTITY_TYPES = (
    "PERSON",
    "COMPANY",
    "POLITICAL_ORG",
    "ORG",
    "LOCATION",
    "FACILITY",
    "PRODUCT",
    "EVENT",
    "MONEY",
    "DATE",
    "PERCENT",
    "QUANTITY",
)
SENTIMENT_LABELS = ("positive", "negative", "neutral")


@dataclass(frozen=True, slots=True)
class Stats:
    chars: int
    sentences: int
    tokens: int
    reading_time_min: float


@dataclass(frozen=True, slots=True)
class Keyword:
    text: str
    score: float  # 0..1
    count: int
    first: int  # source offset of the first occurrence


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # source offsets: source_text[start:end] is the mention
    end: int


@dataclass(frozen=True, slots=True)
class EntitySentiment:
    label: str
    score: float  # -1..1, the mean over the mentions


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    type: str
    count: int
    mentions: tuple[Mention, ...]
    value: dict[str, Any] | None = None  # normalised MONEY, DATE, PERCENT, QUANTITY
    sentiment: EntitySentiment | None = None  # from the clauses about its mentions
    # The mentions as analysis-text spans, for the stages after the extractor; not output.
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    start: int
    end: int
    label: str
    score: float  # -1..1


@dataclass(frozen=True, slots=True)
class Sentiment:
    label: str
    score: float
    sentences: tuple[SentenceSentiment, ...]

    def shares(self) -> dict[str, float]:
        """The fraction of sentences with each label."""
        total = len(self.sentences)
        return {
            label: round(sum(s.label == label for s in self.sentences) / total, 4) if total else 0.0
            for label in SENTIMENT_LABELS
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    source: Source
    meta: Meta
    stats: Stats
    keywords: tuple[Keyword, ...]
    entities: tuple[Entity, ...]
    sentiment: Sentiment
    warnings: tuple[str, ...]
    suggested_tags: tuple[str, ...] = ()
    extra_versions: tuple[tuple[str, str], ...] = ()  # e.g. the user's entities file

    def to_dict(self) -> dict[str, Any]:
        from analyzer.versions import versions

        return {
            "schema_version": SCHEMA_VERSION,
            "versions": {**versions(), **dict(self.extra_versions)},
            "source": self.source.to_dict(),
            "meta": self.meta.to_dict(),
            "stats": {
                "chars": self.stats.chars,
                "sentences": self.stats.sentences,
                "tokens": self.stats.tokens,
                "reading_time_min": self.stats.reading_time_min,
            },
            "keywords": [
                {"text": k.text, "score": k.score, "count": k.count, "first": k.first}
                for k in self.keywords
            ],
            "suggested_tags": list(self.suggested_tags),
            "entities": [_entity_dict(e) for e in self.entities],
            "sentiment": {
                "label": self.sentiment.label,
                "score": self.sentiment.score,
                "shares": self.sentiment.shares(),
                "sentences": [
                    {"start": s.start, "end": s.end, "label": s.label, "score": s.score}
                    for s in self.sentiment.sentences
                ],
            },
            "warnings": list(self.warnings),
        }


def _entity_dict(entity: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": entity.text,
        "type": entity.type,
        "count": entity.count,
        "mentions": [{"start": m.start, "end": m.end} for m in entity.mentions],
        "sentiment": None,
    }
    if entity.sentiment is not None:
        out["sentiment"] = {"label": entity.sentiment.label, "score": entity.sentiment.score}
    if entity.value is not None:
        out["value"] = entity.value
    return out


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """What batch mode writes for an article it could not analyse."""

    path: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "source": {"path": valid_unicode(self.path)},
            "error": {"kind": self.kind, "message": valid_unicode(self.message)},
        }
