"""kiji: keywords, named entities and sentiment from Japanese articles.

>>> from analyzer import analyze_text
>>> analysis = analyze_text("NVIDIAの決算は好調だった。")
>>> analysis.to_dict()["sentiment"]["label"]
'positive'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analyzer import startup as _startup

# Before kiji imports PyYAML and markdown-it: their patterns from the kept code.
_startup.preload_library_patterns()

__version__ = "0.1.0"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # larger inputs are refused (--max-bytes)
__all__ = ["Analysis", "KijiError", "ReadOptions", "__version__", "analyze_path", "analyze_text"]

if TYPE_CHECKING:
    from analyzer.errors import KijiError
    from analyzer.pipeline import analyze_path, analyze_text
    from analyzer.reader import ReadOptions
    from analyzer.result import Analysis

_LAZY = {
    "analyze_text": "analyzer.pipeline",
    "analyze_path": "analyzer.pipeline",
    "Analysis": "analyzer.result",
    "ReadOptions": "analyzer.reader",
    "KijiError": "analyzer.errors",
}


def __getattr__(name: str) -> Any:
    # Imports on first use keep `import analyzer` (and `kiji --help`) fast.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
