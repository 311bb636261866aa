"""JSON Schema (draft 2020-12) of kiji's output: an analysis result or a batch error record."""

from __future__ import annotations

from typing import Any

from analyzer.result import ENTITY_TYPES, SCHEMA_VERSION, SENTIMENT_LABELS

_OFFSET = {"type": "integer", "minimum": 0}
_SPAN = {
    "type": "object",
    "required": ["start", "end"],
    "properties": {"start": _OFFSET, "end": _OFFSET},
    "additionalProperties": False,
}
_NULLABLE_STRING = {"type": ["string", "null"]}
_SCORE = {"type": "number", "minimum": -1, "maximum": 1}


def json_schema() -> dict[str, Any]:
    source = {
        "type": "object",
        "required": ["path", "encoding", "bytes", "sha256"],
        "properties": {
            "path": {"type": "string", "description": "as given; '-' or '<stdin>' for stdin"},
            "encoding": {"enum": ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc-jp"]},
            "bytes": {"type": "integer", "minimum": 0},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
        "additionalProperties": False,
    }
    result = {
        "type": "object",
        "description": "The analysis of one article. Offsets index the decoded source text.",
        "required": [
            "schema_version",
            "versions",
            "source",
            "meta",
            "stats",
            "keywords",
            "suggested_tags",
            "entities",
            "sentiment",
            "warnings",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "versions": {
                "type": "object",
                "description": "what produced the result: kiji (and kiji_code, a hash "
                "of its modules), fugashi, mecab, unidic, unidic_lite and each lexicon or "
                "model, name → version",
                "additionalProperties": {"type": "string"},
                "required": ["kiji", "fugashi", "unidic"],
            },
            "source": source,
            "meta": {
                "type": "object",
                "required": ["title", "date", "tags", "categories", "author", "excerpt", "extra"],
                "properties": {
                    "title": _NULLABLE_STRING,
                    "date": {
                        "type": ["string", "null"],
                        "description": "ISO 8601 when the front matter date could be read",
                    },
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "categories": {"type": "array", "items": {"type": "string"}},
                    "author": _NULLABLE_STRING,
                    "excerpt": _NULLABLE_STRING,
                    "extra": {"type": "object", "description": "other front matter keys"},
                },
                "additionalProperties": False,
            },
            "stats": {
                "type": "object",
                "required": ["chars", "sentences", "tokens", "reading_time_min"],
                "properties": {
                    "chars": {"type": "integer", "minimum": 0},
                    "sentences": {"type": "integer", "minimum": 0},
                    "tokens": {"type": "integer", "minimum": 0},
                    "reading_time_min": {"type": "number", "minimum": 0},
                },
                "additionalProperties": False,
            },
            "keywords": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["text", "score", "count", "first"],
                    "properties": {
                        "text": {"type": "string", "minLength": 1},
                        "score": {"type": "number", "minimum": 0, "maximum": 1},
                        "count": {"type": "integer", "minimum": 1},
                        "first": _OFFSET,
                    },
                    "additionalProperties": False,
                },
            },
            "suggested_tags": {
                "type": "array",
                "description": "strong keyphrases that no front matter tag names",
                "items": {"type": "string", "minLength": 1},
            },
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["text", "type", "count", "mentions", "sentiment"],
                    "properties": {
                        "text": {"type": "string", "minLength": 1},
                        "type": {"enum": list(ENTITY_TYPES)},
                        "count": {"type": "integer", "minimum": 1},
                        "mentions": {"type": "array", "minItems": 1, "items": _SPAN},
                        "sentiment": {
                            "description": "what the article says about it (null for "
                            "MONEY, DATE, PERCENT, QUANTITY)",
                            "oneOf": [
                                {
                                    "type": "object",
                                    "required": ["label", "score"],
                                    "properties": {
                                        "label": {"enum": list(SENTIMENT_LABELS)},
                                        "score": _SCORE,
                                    },
                                    "additionalProperties": False,
                                },
                                {"type": "null"},
                            ],
                        },
                        "value": {
                            "type": "object",
                            "description": "MONEY/QUANTITY: amount, unit (a range: amount is its "
                            "low end, amount_max its high end); PERCENT: percent (a "
                            "range: percent_max its high end); "
                            "DATE: date (ISO 8601, as precise as the text; a part of a year, "
                            "2026年上半期, as the interval of its months; a span of "
                            "years, 2025〜26年度, as 2025/2026), and "
                            "year_inferred: true where the text names no year and it was "
                            "taken from the article's date (the nearest such date to it)",
                        },
                    },
                    "additionalProperties": False,
                },
            },
            "sentiment": {
                "type": "object",
                "required": ["label", "score", "shares", "sentences"],
                "properties": {
                    "label": {"enum": list(SENTIMENT_LABELS)},
                    "score": _SCORE,
                    "shares": {
                        "type": "object",
                        "description": "fraction of sentences with each label",
                        "required": list(SENTIMENT_LABELS),
                        "properties": {
                            label: {"type": "number", "minimum": 0, "maximum": 1}
                            for label in SENTIMENT_LABELS
                        },
                        "additionalProperties": False,
                    },
                    "sentences": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["start", "end", "label", "score"],
                            "properties": {
                                "start": _OFFSET,
                                "end": _OFFSET,
                                "label": {"enum": list(SENTIMENT_LABELS)},
                                "score": _SCORE,
                            },
                            "additionalProperties": False,
                        },
                    },
                },
                "additionalProperties": False,
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
        },
        "additionalProperties": False,
    }
    error = {
        "type": "object",
        "description": "Written by batch mode for an article that could not be analysed.",
        "required": ["schema_version", "source", "error"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "source": {
                "type": "object",
                "required": ["path"],
                "properties": {"path": {"type": "string"}},
            },
            "error": {
                "type": "object",
                "required": ["kind", "message"],
                "properties": {
                    "kind": {
                        "enum": [
                            "not_found",
                            "unreadable",
                            "binary",
                            "decode",
                            "front_matter",
                            "too_large",
                            "output",
                            "timeout",
                            "internal",
                        ]
                    },
                    "message": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kiji.invalid/schema/v{SCHEMA_VERSION}.json",
        "title": "kiji output",
        "description": "One object per article: an analysis result or a batch error record.",
        "oneOf": [{"$ref": "#/$defs/result"}, {"$ref": "#/$defs/error"}],
        "$defs": {"result": result, "error": error},
    }
