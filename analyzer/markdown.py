"""Markdown body to plain analysis text, keeping every character's source offset.

markdown-it-py parses the body; we walk its tokens and copy each text run from
the source into the TextMap, so offsets stay exact. What is not prose for a
reader (code blocks, raw HTML, images, bare URLs, stray ``**``, trailer lines
such as ``---END---``, a paragraph repeated verbatim) is left out.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken

from analyzer.startup import regex
from analyzer.textmap import HIDDEN, TextMap

_NEWLINE = regex(r"\r\n?|\n")
# A trailer line: a short word between rules (``---END---``, ``=== 以上 ===``). Between
# emphasis markers only words that end a post: ``**楽天証券**`` alone is a name.
_TRAILER = regex(
    r"[-=~#]{2,}\s*[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{0,12}\s*[-=~#]{2,}"
    r"|([*_]{2,})\s*(?i:the\s+end|end|eof|fin|以上|終わり|おわり|完|了)?\s*\1"
)
# Inside text runs: leftover emphasis markers (an unbalanced ``**``), bare URLs and
# e-mail addresses (a press release's contact: ``pr@example.jp``, typed an event).
_NOISE = regex(
    r"\*{2,}|_{2,}|https?://[^\s<>()（）「」]+"
    r"|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
)
_SKIPPED_BLOCKS = frozenset({"fence", "code_block"})
# Raw HTML in a post (<div class="note">…</div>, <p>…</p>, <details>): its text is
# prose. Scripts, styles, comments and tags are not; a block-level tag ends a run.
_HTML_PIECE = regex(
    r"<(script|style|textarea)\b|<!--|<[A-Za-z/!?][^<>]{0,2000}>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.IGNORECASE,
)
# Where what _HTML_PIECE opened ends (unclosed, it runs to the block's end, as browsers
# read it): found once from where it opened, so nothing is scanned twice.
_HTML_CLOSE = {
    "script": regex(r"</script\s*>", re.IGNORECASE),
    "style": regex(r"</style\s*>", re.IGNORECASE),
    "textarea": regex(r"</textarea\s*>", re.IGNORECASE),
    "<!--": regex(r"-->"),
}
_HTML_BREAKS = regex(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|aside|details"
    r"|summary|figure|figcaption|dl|dt|dd|header|footer|nav|hr|pre)\b",
    re.IGNORECASE,
)
_HIDDEN_WHITE = HIDDEN + " \t\n"  # what the reader hides from Markdown, and white space
_MIN_DUPLICATE = 20

_md: MarkdownIt | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A run of analysis text that came from one Markdown block (or front matter field)."""

    start: int
    end: int
    kind: str  # title, excerpt, heading, paragraph, list_item, quote, table
    line: int  # 1-based line in the source where the block starts


@dataclass(frozen=True, slots=True)
class Emphasis:
    start: int
    end: int


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        # text_join off: escapes and entities stay separate tokens we can place.
        _md = (
            MarkdownIt("commonmark", {"html": True})
            .enable(["table", "strikethrough"])
            .disable("text_join")
        )
    return _md


class _LineIndex:
    """Offsets of the body's lines in the source (markdown-it counts lines the same way)."""

    def __init__(self, source: str, body_start: int) -> None:
        self.starts = [body_start]
        self.ends = []
        for match in _NEWLINE.finditer(source, body_start):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(source))
        self.first_line = source.count("\n", 0, body_start) + 1

    def span(self, first: int, last: int) -> tuple[int, int]:
        last = min(last, len(self.ends)) - 1
        first = min(first, last)
        return self.starts[first], self.ends[last]


def render_body(
    source: str, body_start: int, out: TextMap, warnings: list[str]
) -> tuple[list[Block], list[Emphasis]]:
    """Append the body's prose to ``out``; return its blocks and emphasised spans."""
    lines = _LineIndex(source, body_start)
    tokens = _parser().parse(source[body_start:])
    blocks: list[Block] = []
    emphasis: list[Emphasis] = []
    seen: set[str] = set()
    walker = _InlineWalker(source, out, emphasis)
    heading = table = 0
    quote = items = 0
    for tok in tokens:
        kind = tok.type
        if kind == "inline":
            if tok.map is None:
                continue
            text = tok.content.strip()
            if not text.strip(_HIDDEN_WHITE):  # Liquid tags or control characters alone
                continue
            line = lines.first_line + tok.map[0]
            if all(_TRAILER.fullmatch(part.strip()) for part in text.split("\n")):
                continue
            if len(text) >= _MIN_DUPLICATE and not heading and not table:
                if text in seen:
                    warnings.append(f"line {line}: paragraph repeats an earlier one; counted once")
                    continue
                seen.add(text)
            start = len(out)
            walker.walk(tok, *lines.span(tok.map[0], tok.map[1]))
            if len(out) > start:
                block_kind = (
                    "heading"
                    if heading
                    else "table"
                    if table
                    else "quote"
                    if quote
                    else "list_item"
                    if items
                    else "paragraph"
                )
                blocks.append(Block(start, len(out), block_kind, line))
                out.add_break(out.last_source_end())
        elif kind in _SKIPPED_BLOCKS:
            continue
        elif kind == "html_block" and tok.map is not None:
            line = lines.first_line + tok.map[0]
            for start, end in _html_runs(source, *lines.span(tok.map[0], tok.map[1]), out):
                blocks.append(Block(start, end, "quote" if quote else "paragraph", line))
        elif kind == "heading_open":
            heading += 1
        elif kind == "heading_close":
            heading -= 1
        elif kind == "table_open":
            table += 1
        elif kind == "table_close":
            table -= 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "list_item_open":
            items += 1
        elif kind == "list_item_close":
            items -= 1
    return blocks, emphasis


class _InlineWalker:
    """Copies one inline token's text runs from the source into the TextMap."""

    def __init__(self, source: str, out: TextMap, emphasis: list[Emphasis]) -> None:
        self.source = source
        self.out = out
        self.emphasis = emphasis
        self.cursor = 0  # source offset: inline content is found at or after it

    def walk(self, tok: MdToken, block_start: int, block_end: int) -> None:
        content = tok.content
        self.cursor = max(self.cursor, block_start)
        # Where each line of the inline content starts, in content and in source.
        content_starts: list[int] = []
        source_starts: list[int] = []
        pos = 0
        for line in content.split("\n"):
            found = self.source.find(line, self.cursor, block_end) if line else -1
            content_starts.append(pos)
            source_starts.append(found)
            if found >= 0:
                self.cursor = found + len(line)
            pos += len(line) + 1

        def to_source(a: int) -> int:
            i = bisect.bisect_right(content_starts, a) - 1
            base = source_starts[i]
            return -1 if base < 0 else base + (a - content_starts[i])

        # A trailer on a line of its own ends a paragraph it was not parted from.
        trailers = [
            (start, start + len(line))
            for start, line in zip(content_starts, content.split("\n"), strict=True)
            if _TRAILER.fullmatch(line.strip())
        ]

        def emit(a: int, b: int) -> None:
            """Content [a, b), minus noise and trailer lines, into the TextMap."""
            if any(start <= a < end for start, end in trailers):
                return
            src = to_source(a)
            if src < 0 or self.source[src : src + (b - a)] != content[a:b]:
                return
            text = content[a:b]
            last = 0
            for noise in _NOISE.finditer(text):
                self.out.add_source(self.source, src + last, src + noise.start())
                last = noise.end()
            self.out.add_source(self.source, src + last, src + len(text))

        ccur = 0
        open_emphasis: list[int] = []
        for child in tok.children or ():
            ctype = child.type
            if ctype in ("text", "code_inline"):
                text = child.content
                if not text:
                    continue
                at = content.find(text, ccur)
                if at < 0:
                    continue
                emit(at, at + len(text))
                ccur = at + len(text)
            elif ctype == "text_special":
                at = content.find(child.markup, ccur)
                if at < 0:
                    continue
                src = to_source(at)
                if src >= 0:
                    self.out.add_replacement(child.content, src, src + len(child.markup))
                ccur = at + len(child.markup)
            elif ctype in ("softbreak", "hardbreak"):
                if len(self.out) and self.out.last_char() != "\n":
                    self.out.add_break(self.out.last_source_end())
            elif ctype in ("strong_open", "em_open"):
                open_emphasis.append(len(self.out))
            elif ctype in ("strong_close", "em_close") and open_emphasis:
                start = open_emphasis.pop()
                if len(self.out) > start:
                    self.emphasis.append(Emphasis(start, len(self.out)))


def _html_runs(source: str, start: int, end: int, out: TextMap) -> list[tuple[int, int]]:
    """Append the text of the raw HTML in ``source[start:end]`` to ``out``: the runs
    between block-level tags, each line of them on its own, entities decoded. Returns
    the runs' spans in the analysis text."""
    runs: list[tuple[int, int]] = []
    first = len(out)

    def close_run() -> None:
        nonlocal first
        if len(out) > first:
            runs.append((first, len(out)))
            out.add_break(out.last_source_end())
        first = len(out)

    def add_text(a: int, b: int) -> None:
        """source[a:b], text between tags: its lines parted by breaks, white space cut
        where a line ends or starts (inline tags join what they part: ソニーは<b>増益)."""
        pos = a
        for k, match in enumerate([*_NEWLINE.finditer(source, a, b), None]):
            left, right = pos, match.start() if match else b
            if k > 0:
                while left < right and source[left] in " \t":
                    left += 1
            if match:
                while right > left and source[right - 1] in " \t":
                    right -= 1
            if left < right:
                if k > 0 and len(out) > first and out.last_char() != "\n":
                    out.add_break(out.last_source_end())
                last = left
                for noise in _NOISE.finditer(source, left, right):
                    out.add_source(source, last, noise.start())
                    last = noise.end()
                out.add_source(source, last, right)
            if match:
                pos = match.end()

    pos = start
    while (piece := _HTML_PIECE.search(source, pos, end)) is not None:
        add_text(pos, piece.start())
        pos = piece.end()
        text = piece.group()
        if text.startswith("&"):
            out.add_replacement(html.unescape(text), piece.start(), piece.end())
            continue
        closing = _HTML_CLOSE.get((piece.group(1) or text).lower())
        if closing is not None:  # a script, a style, a comment: none of it is prose
            if text != "<!--":
                close_run()
            shut = closing.search(source, pos, end)
            pos = shut.end() if shut else end
        elif _HTML_BREAKS.match(text):
            close_run()
    add_text(pos, end)
    close_run()
    return runs
