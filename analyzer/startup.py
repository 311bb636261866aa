"""What kiji builds at every start, kept between starts as Python keeps byte code.

Two things cost a cold ``kiji analyze`` about a fifth of its time, and both depend
only on files that change when kiji changes:

- **Regular expressions** (~35 ms): ``re`` fills the table of a character class entry
  by entry, 21,000 entries for ``[一-鿿]``, and the numeric patterns are long. What
  CPython's compiler makes of a pattern (its ``_sre`` code) depends only on the
  pattern, its flags and the Python build; ``regex`` keeps that code, keyed by the
  pattern itself, and builds a pattern from it in microseconds. The patterns PyYAML,
  markdown-it and the standard library compile as they are imported (~20 ms more) are
  kept the same way and put into ``re``'s own cache before they are imported
  (``preload_library_patterns``, from ``analyzer/__init__.py``).
- **Models and lexicons as the extractors look them up** (~16 ms): packing the
  sentiment weights, pairing the word clusters, building the gazetteer's tables.
  ``kept`` keeps what a loader returns (plain dicts, tuples, numbers and strings),
  keyed by the size and modification time of its sources: the data files and the
  module that builds from them, as Python checks a ``.pyc`` against its ``.py``. (A
  table that is only a decoded JSON dict, such as the IDF table, is not kept:
  ``marshal`` builds a dict no faster than ``json`` does.)

Both live in ``__pycache__`` as ``marshal`` data (no pickle: loading it runs no code),
with the Python build that wrote them. Nothing can go stale or break a start: a pattern
or table not kept, a file another Python wrote, one that cannot be read and code
``_sre`` refuses are all built as usual. ``make compile`` (``main``) writes them; so
does a start that built something of kiji's anew, where Python may write byte code (no
``PYTHONDONTWRITEBYTECODE``), atomically.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from re import _parser  # the compiler ``re.compile`` runs, step by step
from typing import Any, TypeVar

from analyzer import resources

# Which build wrote a file: marshal's format and _sre's code change with them.
_BUILD = (
    sys.implementation.cache_tag,
    sys.version,
    marshal.version,
    _sre.MAGIC,
    _sre.CODESIZE,
)
FOLDER = Path(__file__).resolve().parent / "__pycache__"
PATTERNS = FOLDER / f"patterns.{sys.implementation.cache_tag}.marshal"
LIBRARY_PATTERNS = FOLDER / f"library_patterns.{sys.implementation.cache_tag}.marshal"

T = TypeVar("T")
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]  # a pattern and its flags
# The kept code not built yet: each pattern's is dropped once it is built (~1.5 MB).
_stored: dict[Key, Compiled] | None = None
_built: dict[Key, re.Pattern[str]] = {}  # every pattern built, one object each
_compiled: dict[Key, Compiled] = {}  # the code of those compiled here, not kept before
_missed = False
_always_write = False  # main(): make compile
# Every loader reads its file through resources.py: its parsing is a source of all.
_RESOURCES = Path(resources.__file__)


def _may_write() -> bool:
    return _always_write or not sys.dont_write_bytecode


def _read(path: Path) -> Any:
    """What ``_write`` stored at ``path`` under this build, or None."""
    try:
        build, value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return value if build == _BUILD else None


def _write(path: Path, value: Any) -> Path:
    """Store ``value`` at ``path``, atomically: no start ever reads half a file."""
    path.parent.mkdir(exist_ok=True)
    resources.write_atomically(path, marshal.dumps((_BUILD, value)))
    return path


# --- regular expressions --------------------------------------------------------------


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
    """``re.compile(pattern, flags)``, from the kept code when there is some."""
    global _stored, _missed
    if _stored is None:
        stored = _read(PATTERNS)
        _stored = stored if isinstance(stored, dict) else {}
        if _may_write():
            atexit.register(_write_patterns_if_missed)
    key = (pattern, int(flags))
    built = _built.get(key)
    if built is not None:
        return built
    compiled = _stored.pop(key, None)
    if compiled is not None:
        # _sre refuses code it did not make: compiled below
        with contextlib.suppress(TypeError, ValueError, RuntimeError):
            built = _sre.compile(pattern, *compiled)
    if built is None:
        try:
            compiled = _code(pattern, int(flags))
            built = _sre.compile(pattern, *compiled)
        except Exception:  # an internal of re changed: compile as everyone does
            return re.compile(pattern, flags)
        _compiled[key] = compiled
        _missed = True
    _built[key] = built
    return built


def preload_library_patterns() -> int:
    """Put the kept code of the patterns other modules compile as kiji starts (PyYAML's,
    markdown-it's, the standard library's: ~20 ms) into ``re``'s own cache, where their
    ``re.compile`` looks first. Returns how many were put there.

    ``re`` keys that cache by the pattern's type, the pattern and its flags (Python 3.11
    to 3.13); a Python that keeps it otherwise finds nothing and compiles as usual, and
    the file is only read under the build that wrote it."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    # Written by main() only: at the end of any other run, re's cache would also hold
    # the patterns of whatever program imported kiji.
    table = _read(LIBRARY_PATTERNS)
    if not isinstance(table, dict):
        return 0
    count = 0
    for (pattern, flags), compiled in table.items():
        key = (str, pattern, flags)
        if key in cache:
            continue
        try:
            cache[key] = _sre.compile(pattern, *compiled)
        except (TypeError, ValueError, RuntimeError):  # _sre refuses code it did not make
            continue
        count += 1
    return count


def write_library_patterns() -> Path:
    """Keep the code of every pattern in ``re``'s cache: those compiled by the modules
    imported so far (kiji's own are built by ``regex``, not kept there)."""
    keys = [
        (key[1], key[2])
        for key in getattr(re, "_cache", {})
        if isinstance(key, tuple)
        and len(key) == 3
        and key[0] is str
        and isinstance(key[2], int)
        and not key[2] & re.DEBUG
    ]
    table = {}
    for pattern, flags in keys:
        with contextlib.suppress(Exception):  # an internal of re changed: keep none
            table[(pattern, flags)] = _code(pattern, flags)
    return _write(LIBRARY_PATTERNS, table)


def write_patterns(keep_stored: bool = False) -> Path:
    """Keep the code of every pattern built so far, and with ``keep_stored`` that of the
    patterns already kept, which other commands use. The code of those built from the
    store was dropped: it is read from the file again, or compiled afresh without
    ``keep_stored`` (``make compile``), so that nothing stale is kept."""
    if keep_stored:
        stored = _read(PATTERNS)
        table = {**(stored if isinstance(stored, dict) else {}), **_compiled}
    else:
        table = {key: _compiled.get(key) or _code(*key) for key in _built}
    return _write(PATTERNS, table)


def _write_patterns_if_missed() -> None:
    if _missed:
        with contextlib.suppress(OSError):  # a read-only install compiles as before
            write_patterns(keep_stored=True)


# --- models and lexicons ----------------------------------------------------------------


def _stamp(sources: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...] | None:
    try:
        return tuple((str(p), (s := p.stat()).st_size, s.st_mtime_ns) for p in sources)
    except OSError:
        return None


def kept(name: str, build: Callable[[], T], *sources: Path) -> T:
    """``build()``, a loader's plain data, from ``__pycache__`` while none of
    ``sources`` (the files it reads and the module it is written in) nor
    ``resources.py``, which reads them, has changed."""
    path = FOLDER / f"{name}.{sys.implementation.cache_tag}.marshal"
    stamp = _stamp((*sources, _RESOURCES))
    stored = _read(path) if stamp is not None else None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp:
        return stored[1]
    value = build()
    if stamp is not None and _may_write():
        with contextlib.suppress(OSError, ValueError):  # read-only, or not plain data
            _write(path, (stamp, value))
    return value


def main() -> None:
    """Import every kiji module and load every model, so that each pattern is compiled
    and each table built, and keep them (even under ``PYTHONDONTWRITEBYTECODE``, as
    ``compileall`` writes byte code): ``make compile``."""
    global _always_write
    _always_write = True
    # What was compiled before kiji's package preloads (json's, pathlib's) is not worth
    # keeping; what was preloaded is compiled again, so that nothing stale is kept.
    re.purge()
    import analyzer.batch
    import analyzer.cli
    import analyzer.render  # noqa: F401
    from analyzer.pipeline import warm_up

    warm_up()
    print(f"kept {len(_built)} patterns in {write_patterns()}")
    libraries = write_library_patterns()
    print(f"kept {len(_read(libraries))} other modules' patterns in {libraries}")
