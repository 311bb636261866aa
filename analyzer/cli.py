"""The kiji command line: parse options, call the library, render. No analysis here."""

from __future__ import annotations

import itertools
import json
import os
import sys
from enum import IntEnum, StrEnum
from typing import Annotated, Any

import typer

from analyzer import __version__


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # an input could not be analysed (batch: at least one)
    USAGE = 2  # bad options or arguments
    INTERRUPTED = 130  # Ctrl-C


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
    import ctypes
    import glob
    from importlib.metadata import version

    import fugashi
    import unidic_lite

    from analyzer.resources import SHIPPED_LEXICONS, lexicon_version

    mecab = "unknown"
    libs = glob.glob(
        os.path.join(os.path.dirname(fugashi.__file__), "..", "fugashi.libs", "*mecab*")
    )
    if libs:
        try:
            lib = ctypes.CDLL(libs[0])
            lib.mecab_version.restype = ctypes.c_char_p
            mecab = lib.mecab_version().decode()
        except (OSError, AttributeError):
            pass
    with open(os.path.join(unidic_lite.DICDIR, "version"), encoding="utf-8") as handle:
        unidic = handle.read().strip()
    lexicons = ", ".join(
        f"{name.removesuffix('.tsv')} v{lexicon_version(name)}" for name in SHIPPED_LEXICONS
    )
    return [
        f"kiji {__version__}",
        f"fugashi {version('fugashi')} (MeCab {mecab})",
        f"unidic-lite {version('unidic-lite')} (UniDic {unidic})",
        f"lexicons: {lexicons}",
        "models: none (keywords, entities and sentiment use the lexicons and rules above)",
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


def _console():
    from rich.console import Console

    return Console()


def _read_options(encoding: str | None, lenient: bool, max_bytes: int):
    from analyzer.encoding import normalise_encoding_name
    from analyzer.errors import KijiError
    from analyzer.reader import ReadOptions

    if encoding:
        try:
            normalise_encoding_name(encoding)
        except KijiError as exc:
            raise _fail(exc.message, ExitCode.USAGE) from None
    return ReadOptions(encoding=encoding, lenient=lenient, max_bytes=max_bytes)


def _read_document(path: str, options: Any):
    from dataclasses import replace

    from analyzer.reader import read_bytes, read_path

    if path == "-":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return read_bytes(data, "<stdin>", replace(options, markup=options.markup or "markdown"))
    return read_path(path, options)


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="A Markdown or text file, or - for stdin.")],
    top: TopOption = 10,
    fmt: FormatOption = OutputFormat.auto,
    json_flag: JsonFlag = False,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = 20 * 1024 * 1024,
) -> None:
    """Analyse one article: keywords, entities and sentiment.

    Example:

        kiji analyze posts/2025-11-23-foxconn.md

        cat post.md | kiji analyze - --json | jq '.entities[].text'
    """
    from analyzer.errors import KijiError
    from analyzer.pipeline import analyze_document

    options = _read_options(encoding, lenient, max_bytes)
    try:
        doc = _read_document(path, options)
    except KijiError as exc:
        raise _fail(str(exc)) from None
    try:
        analysis = analyze_document(doc, top=top)
    except Exception as exc:  # a bug in kiji, not in the input: still one line, no traceback
        if os.environ.get("KIJI_DEBUG"):
            raise
        message = f"internal error: {type(exc).__name__}: {exc} (KIJI_DEBUG=1 shows the traceback)"
        raise _fail(f"{doc.source.path}: {message}") from None
    if _wants_json(fmt, json_flag):
        _write_stdout(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
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
    top: TopOption = 10,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = 20 * 1024 * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Analyse every article under folders: JSON Lines on stdout, or one file each with -o.

    Articles come out in a stable order (sorted by path). An article that cannot
    be analysed gives an error record instead of a result; the others go on, and
    the exit code is 1.

    Example:

        kiji batch posts/ > results.jsonl

        kiji batch posts/ | jq -r 'select(.error == null) | .meta.title'

        kiji batch posts/ -o out/ --glob '*.md'
    """
    from analyzer import batch as runner
    from analyzer.errors import KijiError

    options = _read_options(encoding, lenient, max_bytes)
    try:
        jobs, problems = runner.discover(paths, tuple(globs) if globs else runner.DEFAULT_GLOBS)
        folder = runner.OutputFolder(output) if output else None
    except KijiError as exc:
        raise _fail(str(exc)) from None
    if not jobs and not problems:
        if not quiet:
            typer.echo("kiji: no matching files found", err=True)
        return
    ok = failed = 0
    outcomes = runner.run(jobs, runner.Settings(top=top, read=options))
    for outcome in itertools.chain(problems, outcomes):
        if folder is not None and not outcome.folder:
            try:
                folder.write(outcome)
            except KijiError as exc:
                typer.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
        elif folder is None:
            _write_stdout(runner.to_json_line(outcome.record) + "\n")
        if outcome.failed:
            failed += 1
            if not quiet:
                error = outcome.record["error"]
                typer.echo(f"Error: {outcome.job.path}: {error['message']}", err=True)
        else:
            ok += 1
    if not quiet:
        typer.echo(f"kiji: {ok} analysed, {failed} failed", err=True)
    if failed:
        raise typer.Exit(ExitCode.ERROR)


@app.command()
def tokens(
    path: Annotated[str, typer.Argument(help="A Markdown or text file, or - for stdin.")],
    fmt: FormatOption = OutputFormat.auto,
    json_flag: JsonFlag = False,
    encoding: EncodingOption = None,
    lenient: LenientFlag = False,
    max_bytes: MaxBytesOption = 20 * 1024 * 1024,
) -> None:
    """Show the tokenizer's view of an article: surface, lemma, POS, reading, offsets.

    Offsets index the decoded source file, like every offset kiji reports.

    Example:

        kiji tokens post.md

        kiji tokens post.md --json | jq -r '.tokens[] | select(.unknown) | .surface'
    """
    from analyzer.errors import KijiError
    from analyzer.tokenizer import tokenize_sentences

    options = _read_options(encoding, lenient, max_bytes)
    try:
        doc = _read_document(path, options)
    except KijiError as exc:
        raise _fail(str(exc)) from None
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
        _write_stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
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

    _write_stdout(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


def _write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("kiji: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`kiji batch posts/ | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
