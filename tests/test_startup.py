"""What kiji keeps between starts: regular expressions built from their stored code
behave as compiled ones, and kept tables are rebuilt when their sources change."""

from __future__ import annotations

import marshal
import os
import re

import pytest

from analyzer import startup

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
    monkeypatch.setattr(startup, "FOLDER", tmp_path)
    monkeypatch.setattr(startup, "PATTERNS", tmp_path / "startup.marshal")
    monkeypatch.setattr(startup, "_always_write", True)
    monkeypatch.setattr(startup, "_stored", None)
    monkeypatch.setattr(startup, "_built", {})
    monkeypatch.setattr(startup, "_compiled", {})
    monkeypatch.setattr(startup, "_missed", False)
    return tmp_path / "startup.marshal"


def fresh(monkeypatch) -> None:
    """As a new process would start: nothing read, nothing used."""
    monkeypatch.setattr(startup, "_stored", None)
    monkeypatch.setattr(startup, "_built", {})
    monkeypatch.setattr(startup, "_compiled", {})
    monkeypatch.setattr(startup, "_missed", False)


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
        same(startup.regex(pattern, flags), pattern, flags)
    assert startup._missed  # compiled, so the store would be written
    startup.write_patterns()
    fresh(monkeypatch)
    for pattern, flags in SAMPLES:
        same(startup.regex(pattern, flags), pattern, flags)
    assert not startup._missed  # every one came from the store


def test_a_pattern_not_stored_or_a_broken_store_compiles_as_usual(store, monkeypatch):
    startup.regex(*SAMPLES[0])
    startup.write_patterns()
    fresh(monkeypatch)
    same(startup.regex(*SAMPLES[1]), *SAMPLES[1])  # not in the file
    assert startup._missed
    for content in (
        store.read_bytes()[:100],  # cut short
        b"not marshal data",
        marshal.dumps((("another", "build", 0, 0), {})),  # another Python's
    ):
        store.write_bytes(content)
        fresh(monkeypatch)
        same(startup.regex(*SAMPLES[0]), *SAMPLES[0])
        assert startup._missed


def test_stored_code_that_python_refuses_is_compiled_again(store, monkeypatch):
    pattern, flags = SAMPLES[1]
    startup.regex(pattern, flags)
    startup.write_patterns()
    build, table = marshal.loads(store.read_bytes())
    final_flags, code, groups, index, names = table[(pattern, flags)]
    table[(pattern, flags)] = (final_flags, code[: len(code) // 2], groups, index, names)
    store.write_bytes(marshal.dumps((build, table)))
    fresh(monkeypatch)
    same(startup.regex(pattern, flags), pattern, flags)


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
                built = startup.regex(value.pattern, flags)
                expected = re.compile(value.pattern, flags)
                assert built.flags == expected.flags and built.groupindex == expected.groupindex
                spans = [m.span() for m in built.finditer(text)]
                assert spans == [m.span() for m in expected.finditer(text)], value.pattern
                found += 1
    assert found > 50


def test_a_kept_table_is_built_once_and_again_when_a_source_changes(store, tmp_path):
    source = tmp_path / "model.json"
    source.write_text("{}", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"語": (1, 2)}, [0.5], "v1"

    assert startup.kept("model", build, source) == ({"語": (1, 2)}, [0.5], "v1")
    assert startup.kept("model", build, source) == ({"語": (1, 2)}, [0.5], "v1")
    assert len(builds) == 1  # the second came from the file
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    startup.kept("model", build, source)
    assert len(builds) == 2  # a newer source: built again
    (tmp_path / next(p.name for p in tmp_path.glob("model.*.marshal"))).write_bytes(b"x")
    startup.kept("model", build, source)
    assert len(builds) == 3  # an unreadable file: built again
    assert startup.kept("other", build, tmp_path / "missing.json")[2] == "v1"
    assert not list(tmp_path.glob("other.*"))  # a source that is not there: not kept


def test_kijis_loaders_give_the_same_tables_kept_or_built(store):
    from analyzer import entities, ner, sentiment

    built = (
        sentiment._tables("sentiment"),
        ner._read_clusters(),
        entities._gazetteer_tables(),
    )
    for _ in range(2):  # the first writes the files, the second reads them
        for loader in (sentiment.load_model, ner.clusters, entities.gazetteer):
            loader.cache_clear()
        model = sentiment.load_model("sentiment")
        kept = (
            (model.grams, model.weights, model.bias, model.unit, model.version),
            ner.clusters(),
            tuple(getattr(entities.gazetteer(), f) for f in entities.NameList.__slots__),
        )
        assert kept == built
    assert {p.name.split(".")[0] for p in store.parent.glob("*.marshal")} >= {
        "sentiment",
        "word_clusters",
        "gazetteer",
    }


def test_analyze_imports_nothing_heavy(tmp_path):
    """A cold `kiji analyze --json` stays light: no scikit-learn, numpy or OpenSSL
    (hashlib's, ~3 MB of every worker's RSS) on the analysis path."""
    import subprocess
    import sys

    post = tmp_path / "post.md"
    post.write_text("---\ntitle: 決算\n---\nNVIDIAの売上高は過去最高だった。\n", encoding="utf-8")
    code = (
        "import atexit, sys\n"
        "heavy = ('sklearn', 'numpy', 'scipy', '_hashlib')\n"
        "atexit.register(lambda: print('heavy:', [m for m in heavy if m in sys.modules],"
        " file=sys.stderr))\n"
        f"sys.argv = ['kiji', 'analyze', {str(post)!r}, '--json']\n"
        "from analyzer.cli import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert '"entities"' in result.stdout
    assert "heavy: []" in result.stderr


def test_other_modules_patterns_are_preloaded_into_res_cache(store, monkeypatch):
    """What PyYAML or markdown-it compile as they are imported comes from the kept code:
    ``re.compile`` finds it in its cache and it matches as a compiled pattern does."""
    library = store.parent / "library.marshal"
    monkeypatch.setattr(startup, "LIBRARY_PATTERNS", library)

    def empty_cache() -> None:
        monkeypatch.setattr(re, "_cache", {})
        if hasattr(re, "_cache2"):  # Python 3.12+ looks there first
            monkeypatch.setattr(re, "_cache2", {})

    empty_cache()
    for pattern, flags in SAMPLES:
        re.compile(pattern, flags)
    startup.write_library_patterns()
    assert set(marshal.loads(library.read_bytes())[1]) == set(SAMPLES)

    empty_cache()
    assert startup.preload_library_patterns() == len(SAMPLES)
    preloaded = {key[1:]: value for key, value in re._cache.items()}
    for pattern, flags in SAMPLES:
        assert re.compile(pattern, flags) is preloaded[(pattern, flags)]
    empty_cache()  # `same` compiles each afresh to compare
    for pattern, flags in SAMPLES:
        same(preloaded[(pattern, flags)], pattern, flags)

    for content in (b"not marshal data", marshal.dumps((("another", "build"), {}))):
        library.write_bytes(content)
        empty_cache()
        assert startup.preload_library_patterns() == 0
        assert re._cache == {}


def test_a_pattern_built_from_the_store_drops_its_code_and_the_store_keeps_it(store, monkeypatch):
    for sample in SAMPLES[:2]:
        startup.regex(*sample)
    startup.write_patterns()
    fresh(monkeypatch)
    built = startup.regex(*SAMPLES[0])
    assert SAMPLES[0] not in startup._stored  # its code is not held twice
    assert startup.regex(*SAMPLES[0]) is built  # asked again: the same pattern
    assert not startup._missed
    startup.regex(*SAMPLES[2])  # not kept: compiled, and the store written at exit
    assert startup._missed
    startup._write_patterns_if_missed()
    _, table = marshal.loads(store.read_bytes())
    assert set(table) == set(SAMPLES[:3])  # the file's own, the dropped one's, the new one
    fresh(monkeypatch)
    for sample in SAMPLES[:3]:
        same(startup.regex(*sample), *sample)
    assert not startup._missed
