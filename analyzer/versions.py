"""What produced a result: kiji, the tokenizer, the dictionary and every shipped lexicon.

Recorded in every result (``versions``) so that stored results can be told
apart and ``kiji batch --resume`` redoes articles analysed by another version.
"""

from __future__ import annotations

import ctypes
import glob
import os
from functools import cache
from importlib.metadata import version

from analyzer import __version__
from analyzer.resources import SHIPPED_LEXICONS, lexicon_version


@cache
def versions() -> dict[str, str]:
    import fugashi
    import unidic_lite

    with open(os.path.join(unidic_lite.DICDIR, "version"), encoding="utf-8") as handle:
        unidic = handle.read().strip()
    found = {
        "kiji": __version__,
        "fugashi": version("fugashi"),
        "mecab": _mecab_version(fugashi.__file__),
        "unidic": unidic,
        "unidic_lite": version("unidic-lite"),
    }
    for name in SHIPPED_LEXICONS:
        found[name.removesuffix(".tsv")] = lexicon_version(name)
    return found


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
