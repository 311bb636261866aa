"""kiji's regular expressions, compiled once per install instead of at every start.

Compiling kiji's ~100 patterns took ~35 ms of every start, a tenth of ``kiji analyze``
on one post: ``re`` fills its table of a character class entry by entry, 21,000 entries
for ``[一-鿿]``, and the numeric patterns are long. What CPython's compiler makes of a
pattern (its ``_sre`` code) depends only on the pattern, its flags and the Python build,
so, as Python keeps byte code in ``__pycache__``, kiji keeps that code there too, keyed
by the pattern itself, and builds a pattern from it in microseconds.

Nothing can go stale: a pattern that is not in the file, a file another Python wrote or
one that cannot be read are compiled as usual. The file is written, atomically, by
``make compile`` (``python -m analyzer.patterns``) and, where Python may write byte code
(no ``PYTHONDONTWRITEBYTECODE``), after a start that compiled a pattern anew.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from re import _parser  # the compiler ``re.compile`` runs, step by step

# Which build wrote the file: the code's format changes with MAGIC and CODESIZE.
_BUILD = (sys.implementation.cache_tag, sys.version, _sre.MAGIC, _sre.CODESIZE)
CACHE = (
    Path(__file__).resolve().parent
    / "__pycache__"
    / (f"patterns.{sys.implementation.cache_tag}.marshal")
)

Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_stored: dict[tuple[str, int], Compiled] | None = None
_used: dict[tuple[str, int], Compiled] = {}
_missed = False


def _read() -> dict[tuple[str, int], Compiled]:
    try:
        build, table = marshal.loads(CACHE.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if build == _BUILD and isinstance(table, dict) else {}


def _code(pattern: str, flags: int) -> Compiled:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for this pattern."""
    from re import _compiler

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        dict(groups),
        tuple(names),
    )


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored code when there is some."""
    global _stored, _missed
    if _stored is None:
        _stored = _read()
        if not sys.dont_write_bytecode:
            atexit.register(_write_if_missed)
    key = (pattern, int(flags))
    compiled = _stored.get(key)
    if compiled is not None:
        try:
            built = _sre.compile(pattern, *compiled)
        except (TypeError, ValueError, RuntimeError):  # _sre refuses code it did not make
            compiled = None
        else:
            _used[key] = compiled
            return built
    try:
        compiled = _code(pattern, int(flags))
        built = _sre.compile(pattern, *compiled)
    except Exception:  # an internal of re changed: compile as everyone does
        return re.compile(pattern, flags)
    _used[key] = compiled
    _missed = True
    return built


def write(keep_stored: bool = False) -> Path:
    """Store the code of every pattern compiled so far, and with ``keep_stored`` that
    of the patterns already in the file, which other commands use (atomically: a
    temporary file renamed over the old one, so no start reads half a file)."""
    import tempfile

    table = {**(_stored or {}), **_used} if keep_stored else dict(_used)
    CACHE.parent.mkdir(exist_ok=True)
    data = marshal.dumps((_BUILD, table))
    handle, temporary = tempfile.mkstemp(dir=CACHE.parent, prefix=".patterns-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # as Python's byte code: readable by every user
        os.replace(temporary, CACHE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return CACHE


def _write_if_missed() -> None:
    if _missed:
        with contextlib.suppress(OSError):  # a read-only install compiles as before
            write(keep_stored=True)


def main() -> None:
    """Import every kiji module, so that each pattern is compiled, and store them."""
    import analyzer.batch
    import analyzer.cli
    import analyzer.pipeline
    import analyzer.render  # noqa: F401

    # run as ``python -m``, this file is __main__; kiji's modules imported another copy
    imported = sys.modules["analyzer.patterns"]
    print(f"stored {len(imported._used)} patterns in {imported.write()}")


if __name__ == "__main__":
    main()
