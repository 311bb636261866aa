"""Terminal rendering of an Analysis with rich: a summary a person can read."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analyzer.frontmatter import split_front_matter
from analyzer.result import Analysis, SentenceSentiment
from analyzer.startup import regex
from analyzer.tokenizer import Token

_LABEL_STYLE = {"positive": "green", "negative": "red", "neutral": "dim"}
_EXCERPT = 90


_LEVEL_ONE_HEADING = regex(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def heading_title(source_text: str) -> str | None:
    """The body's first line where it is a level-1 heading (``# 日銀、追加利上げを見送り``):
    what names a post whose front matter gives no title."""
    front = split_front_matter(source_text)
    body = source_text[front.body_start :] if front else source_text
    for line in body.lstrip("\ufeff").splitlines():
        if line.strip():
            heading = _LEVEL_ONE_HEADING.match(line)
            return heading.group(1) if heading else None
    return None


def render_analysis(analysis: Analysis, source_text: str, console: Console) -> None:
    meta = analysis.meta
    header = Text()
    header.append(meta.title or heading_title(source_text) or analysis.source.path, style="bold")
    details = [
        ("date", meta.date),
        ("author", meta.author),
        ("tags", ", ".join(meta.tags) or None),
        ("categories", ", ".join(meta.categories) or None),
        (
            "source",
            f"{analysis.source.path} ({analysis.source.encoding}, {analysis.source.bytes:,} bytes)",
        ),
    ]
    for name, value in details:
        if value:
            header.append(f"\n{name}: ", style="dim")
            header.append(value)
    stats = analysis.stats
    header.append(
        f"\n{stats.chars:,} characters · {stats.sentences:,} sentences · "
        f"{stats.tokens:,} tokens · about {stats.reading_time_min:g} min to read",
        style="dim",
    )
    console.print(Panel(header, expand=False))

    keywords = Table(title="Keywords", title_justify="left", show_edge=False)
    keywords.add_column("#", justify="right", style="dim")
    keywords.add_column("keyword")
    keywords.add_column("score", justify="right")
    keywords.add_column("count", justify="right")
    for rank, keyword in enumerate(analysis.keywords, 1):
        keywords.add_row(str(rank), keyword.text, f"{keyword.score:.2f}", str(keyword.count))

    entities = Table(title="Entities", title_justify="left", show_edge=False)
    entities.add_column("entity")
    entities.add_column("type")
    entities.add_column("count", justify="right")
    entities.add_column("sentiment", justify="right")
    for entity in analysis.entities:
        score = "" if entity.sentiment is None else _score_text(entity.sentiment.score)
        entities.add_row(entity.text, entity.type, str(entity.count), score)

    console.print(keywords if analysis.keywords else Text("No keywords found.", style="dim"))
    if analysis.suggested_tags:
        line = Text("Suggested tags (not in the front matter): ", style="dim")
        line.append(", ".join(analysis.suggested_tags), style="bold cyan")
        console.print(line)
    console.print()
    console.print(entities if analysis.entities else Text("No entities found.", style="dim"))
    console.print()
    console.print(_sentiment_summary(analysis, source_text))
    for warning in analysis.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))


def _score_text(score: float) -> Text:
    style = "green" if score > 0.1 else "red" if score < -0.1 else "dim"
    return Text(f"{score:+.2f}", style=style)


def _sentiment_summary(analysis: Analysis, source_text: str) -> Group:
    sentiment = analysis.sentiment
    line = Text("Sentiment: ", style="bold")
    line.append(sentiment.label, style=_LABEL_STYLE[sentiment.label])
    line.append(f" ({sentiment.score:+.2f})")
    counts = dict.fromkeys(_LABEL_STYLE, 0)
    for sentence in sentiment.sentences:
        counts[sentence.label] += 1
    line.append(
        f" · {counts['positive']} positive, {counts['negative']} negative, "
        f"{counts['neutral']} neutral sentences",
        style="dim",
    )
    parts: list[Text] = [line]
    ranked = sorted(sentiment.sentences, key=lambda s: s.score)
    # Quoted only where the sentence is labelled so: a heading at -0.01 is not "most
    # negative" of an article with no negative sentence.
    if ranked and ranked[-1].label == "positive":
        parts.append(_quote("most positive", ranked[-1], source_text))
    if ranked and ranked[0].label == "negative":
        parts.append(_quote("most negative", ranked[0], source_text))
    return Group(*parts)


def _quote(title: str, sentence: SentenceSentiment, source_text: str) -> Table:
    """The sentence beside its title, wrapped in its own column: Japanese has no spaces
    to break at, and as one text the whole sentence would start on the next line."""
    words = " ".join(source_text[sentence.start : sentence.end].split())
    if len(words) > _EXCERPT:
        words = words[: _EXCERPT - 1] + "…"
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(
        Text(f"  {title} ({sentence.score:+.2f}):", style="dim"),
        Text(words, style=_LABEL_STYLE[sentence.label]),
    )
    return grid


def render_tokens(rows: list[tuple[int, Token, int, int]], console: Console) -> None:
    table = Table(show_edge=False)
    for name, justify in (
        ("sent", "right"),
        ("surface", "left"),
        ("lemma", "left"),
        ("part of speech", "left"),
        ("reading", "left"),
        ("start", "right"),
        ("end", "right"),
        ("unk", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for index, token, start, end in rows:
        table.add_row(
            str(index),
            token.surface,
            token.lemma,
            "-".join(p for p in token.pos if p != "*"),
            token.reading,
            str(start),
            str(end),
            "yes" if token.unknown else "",
        )
    console.print(table)
