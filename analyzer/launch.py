"""The ``kiji`` command: a quick way for an editor hook's call, then the full CLI.

``kiji analyze post.md --json`` is what an editor hook runs on every save, and its
cold start has a target (0.3 s). Building the Typer application costs some 35 ms of
imports before a byte is read, so that exact call is served here, with the functions
and defaults ``kiji analyze`` itself uses, and writes the same JSON. Every other
call, and any article this cannot analyse (a bad file, a bug in kiji), goes to the
full command line in ``analyzer.cli``, which reads the file again and reports as it
always does: nothing has been written by then.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    try:
        path = quick_path(sys.argv[1:])
        if path is not None and _analyze_json(path):
            return
    except KeyboardInterrupt:
        from analyzer.errors import ExitCode

        sys.stderr.write("kiji: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    from analyzer.cli import main as full

    full()


def quick_path(argv: list[str]) -> str | None:
    """The file of ``analyze FILE --json`` (in either order) and nothing else, or None.
    Standard input (``-``) is left to the full CLI, which must read it itself."""
    if len(argv) != 3 or argv[0] != "analyze" or argv.count("--json") != 1:
        return None
    path = argv[2] if argv[1] == "--json" else argv[1]
    return None if path.startswith("-") else path


def _analyze_json(path: str) -> bool:
    """Analyse ``path`` and write its JSON, as ``kiji analyze PATH --json`` does; False
    (and nothing written) where the full CLI must take over."""
    try:
        from analyzer.pipeline import analyze_document
        from analyzer.reader import read_path

        text = json_text(analyze_document(read_path(path)).to_dict())
    except Exception:  # the full CLI reads it again and says what is wrong
        return False
    write_stdout(text)
    return True


def json_text(data: dict) -> str:
    """A result as the command prints it: indented, non-ASCII kept, a line break after."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_stdout(text: str) -> bool:
    """Write to stdout; False where the reader went away (``kiji batch posts/ | head``):
    stdout then points at /dev/null, so that the exit stops quietly, as ``cat`` would."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return False
    return True
