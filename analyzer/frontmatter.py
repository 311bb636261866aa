"""Front matter (YAML between ``---``, as Jekyll writes it, or TOML between ``+++``, as
Hugo does): find the block, parse it safely, normalise what we report."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from analyzer.encoding import valid_unicode
from analyzer.errors import FrontMatterError
from analyzer.startup import regex

_OPEN = regex(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = regex(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)")
_TOML_OPEN = regex(r"\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = regex(r"(?<=[\r\n])\+\+\+[ \t]*(?=\r\n|\r|\n|\Z)")
_TOML_LINE = regex(r"\(at line (\d+), column \d+\)")
_KNOWN = ("title", "date", "categories", "tags", "author", "excerpt")


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, but a timestamp that is no real date or time
    (``date: 2025-02-30``, ``title: 2025-13-45``) stays the text as written instead of
    raising ValueError from deep inside the parser, and an escaped lone surrogate
    (``"\\ud800"``) is U+FFFD, which JSON output can carry."""

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_scalar(node)
        return valid_unicode(value) if isinstance(value, str) else value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        if not self.timestamp_regexp.match(node.value):  # !!timestamp on any text
            return self.construct_scalar(node)
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Where the front matter block sits in the source, and its parsed mapping."""

    values: dict[str, Any]
    start: int  # offset of the YAML text (after the opening ---)
    end: int  # offset just past the YAML text (before the closing ---)
    body_start: int  # offset where the Markdown body begins


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None = None
    date: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    author: str | None = None
    excerpt: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date,
            "tags": list(self.tags),
            "categories": list(self.categories),
            "author": self.author,
            "excerpt": self.excerpt,
            "extra": self.extra,
        }


def split_front_matter(text: str) -> FrontMatter | None:
    """Locate and parse a leading ``---`` (or ``+++``) block; None when the text has none."""
    if toml := _TOML_OPEN.match(text):
        return _toml_front_matter(text, toml)
    opening = _OPEN.match(text)
    if not opening:
        return None
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise FrontMatterError("front matter opened with --- on line 1 is never closed")
    yaml_text = text[opening.end() : closing.start()]
    try:
        values = yaml.load(yaml_text, Loader=_Loader)  # a SafeLoader: no Python objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"invalid YAML in front matter{where}: {problem}") from None
    except RecursionError:  # PyYAML composes nested lists and mappings recursively
        raise FrontMatterError("invalid YAML in front matter: nested too deeply") from None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise FrontMatterError(
            f"front matter is a YAML {type(values).__name__}, not a mapping of keys to values"
        )
    return FrontMatter(values, opening.end(), closing.start(), _after_line(text, closing.end()))


def _toml_front_matter(text: str, opening: re.Match[str]) -> FrontMatter:
    import tomllib  # the standard library's (Python 3.11), loaded only for such posts

    closing = _TOML_CLOSE.search(text, opening.end())
    if closing is None:
        raise FrontMatterError("front matter opened with +++ on line 1 is never closed")
    try:
        values = tomllib.loads(text[opening.end() : closing.start()])
    except tomllib.TOMLDecodeError as exc:
        problem = str(exc)
        where = _TOML_LINE.search(problem)
        if where:
            problem = problem[: where.start()].strip()
            problem = f"at line {int(where.group(1)) + 1}: {problem}"
        raise FrontMatterError(f"invalid TOML in front matter {problem}") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise FrontMatterError("invalid TOML in front matter: nested too deeply") from None
    return FrontMatter(values, opening.end(), closing.start(), _after_line(text, closing.end()))


def _after_line(text: str, at: int) -> int:
    """The offset past the line end at ``at``, if there is one."""
    if text.startswith("\r\n", at):
        return at + 2
    if text.startswith(("\n", "\r"), at):
        return at + 1
    return at


def meta_from_values(values: dict[str, Any]) -> Meta:
    """Normalise the fields we report; everything else is kept JSON-safe in ``extra``."""
    _check_size(values)
    return Meta(
        title=_text(values.get("title")),
        date=normalise_date(values.get("date")),
        tags=_string_list(values.get("tags")),
        categories=_string_list(values.get("categories")),
        author=_text(values.get("author")),
        excerpt=_text(values.get("excerpt")),
        extra={str(k): _json_safe(v) for k, v in values.items() if str(k) not in _KNOWN},
    )


_DATE_FORMATS = (
    "%Y-%m-%d",  # 2025-1-5: YAML leaves it a string, Jekyll reads it as a date
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
    "%Y/%m/%d %H:%M:%S %z",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y年%m月%d日",
    "%Y年%m月%d日 %H:%M",
    "%Y.%m.%d",  # 2025.11.23, as Japanese sites write dates
    "%Y.%m.%d %H:%M",
    "%b %d, %Y",  # Nov 23, 2025 and November 23, 2025, as Jekyll reads them
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
)


def normalise_date(value: Any) -> str | None:
    """A front matter date as ISO 8601; odd strings are kept as written."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):  # date: [2025-01-01]
        return ", ".join(filter(None, map(normalise_date, value))) or None
    raw = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(raw)
    except ValueError:
        pass
    else:  # '2025-11-23' quoted, or 20251123: a day, as the same date unquoted is
        return parsed.date().isoformat() if len(raw) <= 10 else parsed.isoformat()
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(raw, fmt)
        except ValueError:
            continue
        if "%H" not in fmt:  # a day, no time
            return parsed.date().isoformat()
        return parsed.isoformat()
    return raw


def calendar_date(value: str | None) -> dt.date | None:
    """The day of a normalised front matter date (None when it names no day)."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    """A front matter field as text, without the line break a YAML block scalar
    (``excerpt: >``) ends with."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def _string_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # Jekyll accepts "a b c"; people also write "a, b, c".
        parts = re.split(r"\s*,\s*|\s+", value.strip()) if "," in value else value.split()
        return tuple(p for p in parts if p)
    if isinstance(value, (list, tuple, set)):
        return tuple(str(v) for v in value if v is not None and str(v) != "")
    return (str(value),)


_MAX_NODES = 10_000


def _check_size(values: Any) -> None:
    """Refuse YAML whose aliases expand into a huge tree (the "billion laughs" pattern).

    PyYAML shares aliased objects, so loading is cheap; walking the expanded
    tree is what explodes. Count nodes as the walk would, and stop early.
    """
    budget = _MAX_NODES
    stack = [values]
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            raise FrontMatterError(
                f"front matter expands to more than {_MAX_NODES:,} values (YAML aliases?)"
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # .nan and .inf are valid YAML but not JSON
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_json_safe(v) for v in value]
    return str(value)
