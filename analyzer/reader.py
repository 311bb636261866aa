"""Reader: bytes in, Document out (encoding, front matter, plain text, sentences)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from analyzer import DEFAULT_MAX_BYTES
from analyzer.encoding import decode, valid_unicode
from analyzer.errors import (
    FrontMatterError,
    KijiError,
    NotFoundError,
    TooLargeError,
    UnreadableError,
)
from analyzer.frontmatter import Meta, calendar_date, meta_from_values, split_front_matter
from analyzer.markdown import Block, Emphasis, render_body
from analyzer.resources import sha256
from analyzer.sentences import Sentence, split_sentences
from analyzer.startup import regex
from analyzer.textmap import HIDDEN, TextMap

PLAIN_SUFFIXES = frozenset({".txt", ".text"})
_NEWLINE = regex(r"\r\n?|\n")
# Kana, not kanji, tell Japanese from Chinese: Japanese prose is rarely under a fifth kana.
_KANA = regex(r"[\u3040-\u30ff\uff66-\uff9f]")
_LETTER = regex(r"[^\W\d_]")
_MIN_KANA_SHARE = 0.05
_MIN_LETTERS = 20
_READ_PIECE = 1 << 20
# Control characters but tab and line ends (a terminal colour code pasted into a post,
# ESC [31m, whole; a bell; C1 codes): no word holds one, and none should reach a
# terminal. Each character is read as a space, so every offset still points into the
# decoded source. In the body, Markdown first reads them as HIDDEN, a character that
# is nothing to it, then the analysis text has spaces there: as spaces, a colour code
# opening a line would indent it into a code block, and its text would be lost. NUL
# too (a file with one is binary, but text given to analyze_text or decoded with a
# forced encoding may hold one): Markdown makes it U+FFFD, and its paragraph was lost.
_CONTROLS = regex(r"\x1b\[[0-9;:?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Jekyll's Liquid in a post's body: a block of code or a comment between its tags
# (highlight, raw, comment), then any other tag or output ({% include x.html %},
# {{ page.title }}): hidden as control characters are, so no tag's words are read as
# prose and none indents a line; line ends stay, so lines keep their numbers.
_LIQUID = regex(
    r"\{%-?\s*(highlight|raw|comment)\b[^%]{0,200}%\}.*?\{%-?\s*end\1\s*-?%\}"
    r"|\{%.{0,500}?%\}|\{\{.{0,500}?\}\}",
    re.DOTALL,
)


# kramdown's attribute lists ({: .notice--info} under a paragraph, **x**{: .big}) and
# its math ($$E = mc^2$$, inline or a block of lines), as Jekyll themes write them: no
# prose, hidden as Liquid is.
_KRAMDOWN = regex(r"\{:[^{}\n]{0,200}\}|\$\$[^$]{1,2000}?\$\$")


# Markdown footnotes (as GitHub, Jekyll's kramdown and Hugo write them): a reference
# ``[^1]`` and the label that opens its definition ``[^1]: text``. Hidden, so that a
# definition is read as the paragraph it is (Markdown would take it for a link's
# definition and drop its text) and a reference adds no ``^1`` to the prose.
_FOOTNOTE = regex(r"\[\^[^\]\s\[]{1,40}\]:?")


def _hidden(match: re.Match[str]) -> str:
    return _NEWLINES_KEPT.sub(HIDDEN, match.group())


_NEWLINES_KEPT = regex(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    encoding: str
    bytes: int
    sha256: str

    def to_dict(self) -> dict[str, object]:
        return {
            "path": valid_unicode(self.path),
            "encoding": self.encoding,
            "bytes": self.bytes,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class ReadOptions:
    encoding: str | None = None  # force one instead of detecting
    lenient: bool = False  # a broken front matter block becomes body text, with a warning
    max_bytes: int = DEFAULT_MAX_BYTES
    markup: str | None = None  # "markdown" or "plain"; None decides by file suffix


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: the source text and the plain text the models read."""

    source: Source
    source_text: str
    meta: Meta
    text: str  # NFKC-normalised plain text: title, excerpt, then body blocks
    textmap: TextMap
    blocks: tuple[Block, ...]
    emphasis: tuple[Emphasis, ...]
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map an analysis-text span to the decoded source (``source_text[s:e]``)."""
        return self.textmap.source_span(start, end)


def read_path(path: str | os.PathLike[str], options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    shown = str(path)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise UnreadableError("not a regular file (a device or socket?)", shown)
        with open(path, "rb") as handle:
            data = read_limited(handle, options.max_bytes, os.fstat(handle.fileno()).st_size)
    except FileNotFoundError:
        raise NotFoundError("no such file", shown) from None
    except IsADirectoryError:
        raise UnreadableError("is a directory (use 'kiji batch' for folders)", shown) from None
    except PermissionError:
        raise UnreadableError("permission denied", shown) from None
    except OSError as exc:
        raise UnreadableError(exc.strerror or str(exc), shown) from None
    markup = options.markup or (
        "plain" if Path(shown).suffix.lower() in PLAIN_SUFFIXES else "markdown"
    )
    return read_bytes(data, shown, replace(options, markup=markup))


def read_limited(handle: BinaryIO, limit: int, size: int = 0) -> bytes:
    """Up to ``limit + 1`` bytes of ``handle`` (one more than allowed tells "too large").

    ``handle.read(limit + 1)`` would allocate the whole limit (20 MB) for every article
    however small it is; this reads what is there, in pieces, with ``size`` (a regular
    file's length) as the first guess.
    """
    pieces: list[bytes] = []
    left = limit + 1
    want = min(left, size + 1 if size > 0 else _READ_PIECE)
    while left > 0:
        piece = handle.read(min(left, want))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
        want = _READ_PIECE
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def read_bytes(data: bytes, path: str, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    try:
        if len(data) > options.max_bytes:
            raise TooLargeError(
                f"larger than the {options.max_bytes:,}-byte limit (raise it with --max-bytes)"
            )
        text, encoding = decode(data, options.encoding)
        source = Source(path, encoding, len(data), sha256(data).hexdigest())
        return parse_text(text, source, options)
    except KijiError as exc:
        raise exc.with_path(path) from None


def parse_text(text: str, source: Source, options: ReadOptions | None = None) -> Document:
    """Build a Document from already-decoded text."""
    options = options or ReadOptions()
    warnings: list[str] = []
    decoded = text  # what offsets index; controls are read from it as spaces
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(lambda m: " " * len(m.group()), text)
    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        if not options.lenient:
            raise
        warnings.append(f"{exc.message}; read as body text (--lenient)")
        front = None
    meta = meta_from_values(front.values) if front else Meta()
    if meta.date and calendar_date(meta.date) is None:
        warnings.append(
            f"front matter date {meta.date!r} is not a date; "
            "dates the text gives without a year (昨年, 10月3日) are left without one"
        )
    body_start = front.body_start if front else 0
    if text is not decoded:  # controls: hidden from Markdown in the body (see _CONTROLS)
        body = _CONTROLS.sub(_hidden, decoded[body_start:])
        text = text[:body_start] + body
    if "{%" in text or "{{" in text:  # Jekyll's Liquid tags: no prose (see _LIQUID)
        text = text[:body_start] + _LIQUID.sub(_hidden, text[body_start:])
    if "{:" in text or "$$" in text:  # kramdown's attributes and math (see _KRAMDOWN)
        text = text[:body_start] + _KRAMDOWN.sub(_hidden, text[body_start:])
    if "[^" in text:  # footnotes: their text is prose, their labels are not (_FOOTNOTE)
        text = text[:body_start] + _FOOTNOTE.sub(_hidden, text[body_start:])

    out = TextMap()
    blocks: list[Block] = []
    if front:
        for key, value in (("title", meta.title), ("excerpt", meta.excerpt)):
            block = _front_matter_field(text, front.start, front.end, key, value, out)
            if block:
                blocks.append(block)
    if options.markup == "plain":
        body_blocks, emphasis = _render_plain(text, body_start, out), []
    else:
        body_blocks, emphasis = render_body(text, body_start, out, warnings)
    blocks.extend(body_blocks)
    out.freeze(blank=HIDDEN)
    sentences = split_sentences(out.text, blocks)
    _warn_if_not_japanese(out.text, warnings)
    return Document(
        source=source,
        source_text=decoded,
        meta=meta,
        text=out.text,
        textmap=out,
        blocks=tuple(blocks),
        emphasis=tuple(emphasis),
        sentences=tuple(sentences),
        warnings=tuple(warnings),
    )


def _front_matter_field(
    text: str, start: int, end: int, key: str, value: str | None, out: TextMap
) -> Block | None:
    """Add a front matter string (title, excerpt) to the analysis text if found verbatim."""
    if not value or "\n" in value:
        return None
    line = re.search(rf"^{key}[ \t]*[:=][ \t]*(.*)$", text[start:end], re.MULTILINE)
    if not line:
        return None
    at = text.find(value, start + line.start(1), start + line.end(1))
    if at < 0:
        return None
    first = len(out)
    out.add_source(text, at, at + len(value))
    out.add_break(at + len(value))
    return Block(first, len(out) - 1, key, text.count("\n", 0, at) + 1)


def _render_plain(text: str, body_start: int, out: TextMap) -> list[Block]:
    blocks = []
    line_no = text.count("\n", 0, body_start) + 1
    pos = body_start
    for match in [*_NEWLINE.finditer(text, body_start), None]:
        end = match.start() if match else len(text)
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            left = pos + line.index(stripped[0])
            first = len(out)
            out.add_source(text, left, left + len(stripped))
            blocks.append(Block(first, len(out), "paragraph", line_no))
            out.add_break(left + len(stripped))
        if match:
            pos = match.end()
            line_no += 1
    return blocks


def _warn_if_not_japanese(text: str, warnings: list[str]) -> None:
    if not text.strip():
        warnings.append("no text to analyse")
        return
    letters = len(_LETTER.findall(text))
    if letters < _MIN_LETTERS:
        return
    share = len(_KANA.findall(text)) / letters
    if share < _MIN_KANA_SHARE:
        warnings.append(f"little Japanese text found ({share:.0%} kana); results may be poor")
