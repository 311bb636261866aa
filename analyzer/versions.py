"""What produced a result: kiji, the tokenizer, the dictionary and every shipped lexicon.

Recorded in every result (``versions``) so that stored results can be told
apart and ``kiji batch --resume`` redoes articles analysed by another version.
"""

from __future__ import annotations

import ctypes
import glob
import json
import os
from functools import cache

from analyzer import __version__
from analyzer.resources import MODEL_DIR, SHIPPED_LEXICONS, lexicon_version, sha256


@cache
def versions() -> dict[str, str]:
    import fugashi
    import unidic_lite

    with open(os.path.join(unidic_lite.DICDIR, "version"), encoding="utf-8") as handle:
        unidic = handle.read().strip()
    found = {
        "kiji": __version__,
        "kiji_code": code_version(),
        "fugashi": _distribution_version("fugashi", fugashi.__file__),
        "mecab": _mecab_version(fugashi.__file__),
        "unidic": unidic,
        "unidic_lite": _distribution_version("unidic_lite", unidic_lite.__file__),
    }
    for name in SHIPPED_LEXICONS:
        found[name.removesuffix(".tsv")] = lexicon_version(name)
    found.update(model_versions())
    return found


def code_version() -> str:
    """A hash of kiji's own modules: rules change with the code between releases of
    ``__version__``, and ``--resume`` must redo what older rules produced (~1 ms)."""
    digest = sha256()
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read())
    return digest.hexdigest()[:12]


def model_versions() -> dict[str, str]:
    """The version in the header of every shipped model (a hash of its weights)."""
    versions = {}
    for path in sorted(MODEL_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
        versions[f"{path.stem}_model"] = header["version"]
    return versions


def _distribution_version(name: str, module_file: str) -> str:
    """The installed version, read from the ``NAME-VERSION.dist-info`` folder beside the
    package: importlib.metadata would scan all of site-packages (50 ms of start-up)."""
    site = os.path.dirname(os.path.dirname(module_file))
    found = glob.glob(os.path.join(site, f"{name}-*.dist-info"))
    if len(found) == 1:
        return os.path.basename(found[0])[len(name) + 1 : -len(".dist-info")]
    from importlib.metadata import version

    return version(name)


def _mecab_version(fugashi_file: str) -> str:
    """fugashi bundles libmecab; ask it, since fugashi does not say."""
    folder = os.path.join(os.path.dirname(fugashi_file), "..", "fugashi.libs")
    for path in glob.glob(os.path.join(folder, "*mecab*")):
        try:
            lib = ctypes.CDLL(path)
            lib.mecab_version.restype = ctypes.c_char_p
            return lib.mecab_version().decode()
        except (OSError, AttributeError):
            continue
    return "unknown"
