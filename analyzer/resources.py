"""Where shipped data lives: lexicons (edited in corpus/lexicons) and models."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

try:
    # CPython's own SHA-256, not hashlib's: hashlib loads OpenSSL, ~3 MB more RSS in
    # every worker and ~2 ms more start-up, to hash a few kilobytes per article.
    import _sha256 as _sha  # Python 3.11
except ImportError:  # pragma: no cover - other Pythons
    try:
        import _sha2 as _sha  # Python 3.12+
    except ImportError:
        import hashlib as _sha
sha256 = _sha.sha256

_PACKAGE = Path(__file__).resolve().parent
MODEL_DIR = _PACKAGE / "models"
# A wheel carries corpus/lexicons as analyzer/lexicons; a checkout reads them in place.
_LEXICON_DIRS = (_PACKAGE / "lexicons", _PACKAGE.parent / "corpus" / "lexicons")


def lexicon_path(name: str) -> Path:
    for folder in _LEXICON_DIRS:
        path = folder / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"lexicon {name!r} is missing from this installation")


@cache
def lexicon_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon; ``#`` lines are its header (source, license)."""
    rows = []
    with lexicon_path(name).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


@cache
def lexicon_version(name: str) -> str:
    """The ``# version:`` line of a lexicon's header."""
    with lexicon_path(name).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.lower().startswith("# version:"):
                return line.split(":", 1)[1].strip()
    return "unversioned"


SHIPPED_LEXICONS = (
    "stopwords.tsv",
    "polarity.tsv",
    "reversals.tsv",
    "gazetteer.tsv",
    "generic_terms.tsv",
)


def read_model(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A model file of ``analyzer/models``: (its header line, its data line), both JSON.
    The header names the data, license, command and version; ``kiji --version`` and
    ``versions`` read only that line."""
    with (MODEL_DIR / name).open(encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        data = json.loads(handle.readline())
    return header, data


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path``, written to a temporary file beside it and renamed over it,
    so that no reader, and no run that is interrupted, ever leaves half a file. The file
    is readable by all (0644), as files are with the usual umask."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_model(path: Path, header: dict[str, Any], data: dict[str, Any]) -> None:
    """Write a model file that ``read_model`` reads back (the training scripts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    path.write_text(
        "".join(json.dumps(x, **compact) + "\n" for x in (header, data)), encoding="utf-8"
    )
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
