"""Regular expressions built from their stored code behave as compiled ones."""

from __future__ import annotations

import marshal
import re

import pytest

from analyzer import patterns

SAMPLES = (
    (r"(?<![\u3005\u4e00-\u9fff])(?P<n>[一二三四五六七八九十]+)社", 0),
    (r"(?P<amount>\d++(?:,\d{3})*+)\s*(?P<cur>ドル|円)", 0),
    (r"\b(?:inc|ltd)\b\.?", re.IGNORECASE),
    (r"^---\s*$", re.MULTILINE),
)
TEXTS = ("統一三社と、五社。", "約3,000円と12ドル", "Acme Inc. and Foo LTD", "---\nx\n--- \n")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty store in a temporary folder, and the module's state afresh."""
    monkeypatch.setattr(patterns, "CACHE", tmp_path / "patterns.marshal")
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_missed", False)
    return tmp_path / "patterns.marshal"


def fresh(monkeypatch) -> None:
    """As a new process would start: nothing read, nothing used."""
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_missed", False)


def same(built: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert (built.pattern, built.flags, built.groups) == (
        expected.pattern,
        expected.flags,
        expected.groups,
    )
    assert built.groupindex == expected.groupindex
    for text in TEXTS:
        assert [m.span() for m in built.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]
        assert [m.groupdict() for m in built.finditer(text)] == [
            m.groupdict() for m in expected.finditer(text)
        ]


def test_patterns_built_from_the_store_match_as_compiled_ones(store, monkeypatch):
    for pattern, flags in SAMPLES:
        same(patterns.regex(pattern, flags), pattern, flags)
    assert patterns._missed  # compiled, so the store would be written
    patterns.write()
    fresh(monkeypatch)
    for pattern, flags in SAMPLES:
        same(patterns.regex(pattern, flags), pattern, flags)
    assert not patterns._missed  # every one came from the store


def test_a_pattern_not_stored_or_a_broken_store_compiles_as_usual(store, monkeypatch):
    patterns.regex(*SAMPLES[0])
    patterns.write()
    fresh(monkeypatch)
    same(patterns.regex(*SAMPLES[1]), *SAMPLES[1])  # not in the file
    assert patterns._missed
    for content in (
        store.read_bytes()[:100],  # cut short
        b"not marshal data",
        marshal.dumps((("another", "build", 0, 0), {})),  # another Python's
    ):
        store.write_bytes(content)
        fresh(monkeypatch)
        same(patterns.regex(*SAMPLES[0]), *SAMPLES[0])
        assert patterns._missed


def test_stored_code_that_python_refuses_is_compiled_again(store, monkeypatch):
    pattern, flags = SAMPLES[1]
    patterns.regex(pattern, flags)
    patterns.write()
    build, table = marshal.loads(store.read_bytes())
    final_flags, code, groups, index, names = table[(pattern, flags)]
    table[(pattern, flags)] = (final_flags, code[: len(code) // 2], groups, index, names)
    store.write_bytes(marshal.dumps((build, table)))
    fresh(monkeypatch)
    same(patterns.regex(pattern, flags), pattern, flags)


def test_each_of_kijis_patterns_built_from_its_code_finds_what_re_finds(store):
    import importlib
    from pathlib import Path

    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(Path(__file__).parents[1].glob("corpus/articles/*.md"))[:6]
    )
    found = 0
    for name in ("encoding", "entities", "frontmatter", "keywords", "markdown", "numeric"):
        module = importlib.import_module(f"analyzer.{name}")
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                flags = value.flags & ~re.UNICODE
                built = patterns.regex(value.pattern, flags)
                expected = re.compile(value.pattern, flags)
                assert built.flags == expected.flags and built.groupindex == expected.groupindex
                spans = [m.span() for m in built.finditer(text)]
                assert spans == [m.span() for m in expected.finditer(text)], value.pattern
                found += 1
    assert found > 50
