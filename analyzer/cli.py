"""The kiji command line: parse options, call the library, render. No analysis here."""

from __future__ import annotations

import itertools
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from analyzer import DEFAULT_MAX_BYTES
from analyzer.errors import ExitCode
from analyzer.launch import json_text, write_stdout

if TYPE_CHECKING:  # imported lazily at run time: `kiji --help` must start fast
    from rich.console import Console

    from analyzer.reader import Document, ReadOptions


class OutputFormat(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"


app = typer.Typer(
    name="kiji",
    help="Keywords, named entities and sentiment of Japanese articles.\n\n"
    "Exit codes: 0 ok, 1 some input failed, 2 usage error, 130 interrupted.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

# Options shared by the commands that analyse articles: defined once, reused.
TopOption = Annotated[
    int, typer.Option("--top", min=0, help="How many keywords to report.", show_default=True)
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table for people, json for tools; auto: table on a terminal, JSON in a pipe.",
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
EntitiesFileOption = Annotated[
    str | None,
    typer.Option(
        "--entities-file",
        metavar="TSV",
        help="Your own names, always found and typed as you say: one per line, "
        "name<TAB>TYPE[<TAB>alias...] (TYPE: PERSON, COMPANY, POLITICAL_ORG, ORG, "
        "LOCATION, FACILITY, PRODUCT, EVENT).",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Force an encoding (utf-8, utf-16, shift_jis, euc-jp) instead of detecting it.",
    ),
]
LenientFlag = Annotated[
    bool,
    typer.Option(
        "--lenient", help="Read a broken front matter block as body text, with a warning."
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse files larger than this.")
]


def _versions() -> list[str]:
    from analyzer.resources import SHIPPED_LEXICONS
    from analyzer.versions import versions

    found = versions()
    lexicons = ", ".join(
        f"{name} v{found[name]}" for name in (n.removesuffix(".tsv") for n in SHIPPED_LEXICONS)
    )
    return [
        f"kiji {found['kiji']}",
        f"fugashi {found['fugashi']} (MeCab {found['mecab']})",
        f"unidic-lite {found['unidic_lite']} (UniDic {found['unidic']})",
        f"lexicons: {lexicons}",
        "models: "
        + ", ".join(f"{name} {found[name]}" for name in found if name.endswith("_model")),
    ]


def _version_callback(value: bool) -> None:
    if value:
        for line in _versions():
            typer.echo(line)
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show kiji's version and the tokenizer, dictionary and model versions.",
        ),
    ] = None,
) -> None:
    """Keywords, named entities and sentiment of Japanese articles."""


def _fail(message: str, code: ExitCode = ExitCode.ERROR) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def _wants_json(fmt: OutputFormat, json_flag: bool) -> bool:
    if json_flag:
        return True
    if fmt is OutputFormat.auto:
        return not sys.stdout.isatty()
    return fmt is OutputFormat.json


def _console() -> Console:
    from rich.console import Console

    return Console()


def _read_options(encoding: str | None, lenient: bool, max_bytes: int) -> ReadOptions:
    from analyzer.encoding import normalise_encoding_name
    from analyzer.errors import KijiError
    from analyzer.reader import ReadOptions

    if encoding:
        try:
            normalise_encoding_name(encoding)
        except KijiError as exc:
            raise _fail(exc.message, ExitCode.USAGE) from None
    return ReadOptions(encoding=encoding, lenient=lenient, max_bytes=max_bytes)


def _load(path: str, encoding: str | None, lenient: bool, max_bytes: int) -> Document:
    """Read one article (``-`` is stdin) or exit with the one-line error."""
    from dataclasses import replace

    from analyzer.errors import KijiError
    from analyzer.reader import read_bytes, read_limited, read_path

    options = _read_options(encoding, lenient, max_bytes)
    try:
        if path == "-":
            data = read_limited(sys.stdin.buffer, options.max_bytes)
            return read_bytes(data, "<stdin>", replace(options, markup="markdown"))
        return read_path(path, options)
    except KijiError as exc:
        raise _fail(str(exc)) from None


def _names(path: str | None):
    """The user's entities file, read and checked; a problem is a usage error."""
    if path is None:
        return None
    from analyzer.entities import read_names

    try:
        return read_names(path)
    except OSError as exc:
        message = f"{path}: cannot read the entities file: {exc.strerror}"
        raise _fail(message, ExitCode.USAGE) from None
    except ValueError as exc:
        raise _fail(f"{path}: bad entities file: {exc}", ExitCode.USAGE) from None


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="A Markdown or text file, or - for stdin.")],
    top: TopOption = 10,
    fmt: FormatOption = OutputFormat.auto,
    json_flag: JsonFlag = False,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    entities_file: EntitiesFileOption = None,
) -> None:
    """Analyse one article: keywords, entities and sentiment.

    Example:

        kiji analyze posts/2025-11-23-foxconn.md

        cat post.md | kiji analyze - --json | jq '.entities[].text'
    """
    from analyzer.pipeline import analyze_document

    names = _names(entities_file)
    doc = _load(path, encoding, lenient, max_bytes)
    try:
        analysis = analyze_document(doc, top=top, names=names)
    except Exception as exc:  # a bug in kiji, not in the input: still one line, no traceback
        if os.environ.get("KIJI_DEBUG"):
            raise
        message = f"internal error: {type(exc).__name__}: {exc} (KIJI_DEBUG=1 shows the traceback)"
        raise _fail(f"{doc.source.path}: {message}") from None
    if _wants_json(fmt, json_flag):
        _write_stdout(json_text(analysis.to_dict()))
    else:
        from analyzer.render import render_analysis

        render_analysis(analysis, doc.source_text, _console())


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Folders (searched recursively) or files.")],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write OUT/<relative path>.json per article instead of JSON Lines on stdout.",
        ),
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="File name pattern to include (repeatable). Default: *.md, *.markdown, *.txt.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: one per CPU."),
    ] = None,
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Emit results as they finish, not in path order.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="With -o: skip articles whose result is there for the same bytes and versions.",
        ),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first article that fails.")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            min=0.1,
            metavar="SECONDS",
            help="Fail an article still being analysed after this many seconds; the run goes on.",
        ),
    ] = None,
    top: TopOption = 10,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    entities_file: EntitiesFileOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, summary or error lines on stderr.")
    ] = False,
) -> None:
    """Analyse every article under folders: JSON Lines on stdout, or one file each with -o.

    Articles run in parallel and come out in a stable order (sorted by path). An
    article that cannot be analysed gives an error record instead of a result; the
    others go on, and the exit code is 1. Progress shows on stderr when it is a
    terminal; a summary always ends the run (unless --quiet).

    Example:

        kiji batch posts/ > results.jsonl

        kiji batch posts/ | jq -r 'select(.error == null) | .meta.title'

        kiji batch posts/ -o out/ --resume
    """
    from analyzer import batch as runner
    from analyzer.errors import KijiError

    if resume and not output:
        raise _fail(
            "--resume needs -o OUT: it keeps the results already written there", ExitCode.USAGE
        )
    options = _read_options(encoding, lenient, max_bytes)
    _names(entities_file)  # a bad file stops the run before any article
    try:
        found, problems = runner.discover(paths, tuple(globs) if globs else runner.DEFAULT_GLOBS)
        folder = runner.OutputFolder(output) if output else None
    except KijiError as exc:
        raise _fail(str(exc)) from None
    if not found and not problems:
        if not quiet:
            typer.echo("kiji: no matching files found", err=True)
        return
    settings = runner.Settings(
        top=top,
        read=options,
        pretty=folder is not None,
        resume_from=output if resume else None,
        names_file=entities_file,
    )
    summary = runner.Summary(total=len(found) + len(problems))
    workers = jobs or os.cpu_count() or 1
    outcomes = runner.run(found, settings, workers=workers, ordered=not unordered, timeout=timeout)
    progress = None if quiet or not sys.stderr.isatty() else _BatchProgress(summary)
    interrupted = False
    try:
        for outcome in itertools.chain(problems, outcomes):
            if folder is not None and not outcome.folder and not outcome.skipped:
                try:
                    folder.write(outcome)
                except KijiError as exc:
                    outcome = runner.Outcome(outcome.job, "", error=(exc.kind, exc.message))
            elif folder is None and not outcome.skipped:
                _write_stdout(outcome.text + "\n")
            summary.count(outcome)
            if outcome.failed and not quiet:
                line = f"Error: {outcome.job.path}: {outcome.error[1]}"
                if progress:
                    progress.console.print(line, markup=False, highlight=False)
                else:
                    typer.echo(line, err=True)
            if progress:
                progress.update()
            if outcome.failed and fail_fast:
                break
    except KeyboardInterrupt:
        interrupted = True
    finally:
        outcomes.close()  # stops the workers if we left early
        if progress:
            progress.stop()
    if not quiet:
        typer.echo(summary.line(interrupted), err=True)
    if interrupted:
        raise typer.Exit(ExitCode.INTERRUPTED)
    if summary.failed:
        raise typer.Exit(ExitCode.ERROR)


class _BatchProgress:
    """Files done/total, characters/s, ETA and errors so far, on stderr."""

    def __init__(self, summary: Any) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.summary = summary
        self.console = Console(stderr=True)
        self.bar = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[errors]}"),
            console=self.console,
            transient=True,
        )
        self.task = self.bar.add_task("batch", total=summary.total, rate="", errors="")
        self.bar.start()

    def update(self) -> None:
        summary = self.summary
        seconds = summary.seconds
        rate = f"{summary.chars / seconds:,.0f} chars/s" if seconds > 0 else ""
        errors = f"[red]{summary.failed} failed[/]" if summary.failed else ""
        self.bar.update(self.task, completed=summary.done, rate=rate, errors=errors)

    def stop(self) -> None:
        self.bar.stop()


@app.command()
def tokens(
    path: Annotated[str, typer.Argument(help="A Markdown or text file, or - for stdin.")],
    fmt: FormatOption = OutputFormat.auto,
    json_flag: JsonFlag = False,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show the tokenizer's view of an article: surface, lemma, POS, reading, offsets.

    Offsets index the decoded source file, like every offset kiji reports.

    Example:

        kiji tokens post.md

        kiji tokens post.md --json | jq -r '.tokens[] | select(.unknown) | .surface'
    """
    from analyzer.tokenizer import tokenize_sentences

    doc = _load(path, encoding, lenient, max_bytes)
    rows = []
    for index, sentence_tokens in enumerate(tokenize_sentences(doc.text, doc.sentences)):
        for token in sentence_tokens:
            rows.append((index, token, *doc.source_span(token.start, token.end)))
    if _wants_json(fmt, json_flag):
        payload = {
            "source": doc.source.to_dict(),
            "tokens": [
                {
                    "sentence": index,
                    "surface": token.surface,
                    "lemma": token.lemma,
                    "pos": [p for p in token.pos if p != "*"],
                    "reading": token.reading,
                    "start": start,
                    "end": end,
                    "unknown": token.unknown,
                }
                for index, token, start, end in rows
            ],
        }
        _write_stdout(json_text(payload))
    else:
        from analyzer.render import render_tokens

        render_tokens(rows, _console())


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of kiji's output records.

    Example:

        kiji schema > kiji.schema.json
    """
    from analyzer.schema import json_schema

    _write_stdout(json_text(json_schema()))


def _write_stdout(text: str) -> None:
    if not write_stdout(text):  # the reader went away (`kiji batch posts/ | head`)
        raise typer.Exit(ExitCode.OK)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("kiji: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
