"""Properties that must hold for any input, not just the examples we thought of."""

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analyzer import analyze_text, reader
from analyzer.encoding import decode
from analyzer.errors import KijiError
from analyzer.pipeline import analyze_document
from analyzer.reader import ReadOptions, Source, parse_text, read_bytes
from tests.conftest import validate

JAPANESE = st.sampled_from(
    [
        *"あいうえおかきアイウエオｶﾞﾊﾟ日本語半導体。、！？「」『』（）ＡＢＣ１２３％㈱①",
        "**",
        "\n",
        "\n\n",
        "# ",
        "* ",
        "---\n",
        " ",
        "\u3000",
        "\xa0",
        "\\ ",
        "ﾞ",
        "US$9",
        "\u200b",
        "😀",
        "e\u0301",
        "\r\n",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(JAPANESE, max_size=80).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("「 00」")  # a quoted title's head after a space: the name kept the space
def test_any_text_analyses_to_valid_json_with_offsets_inside_the_source(text):
    try:
        analysis = analyze_text(text, options=ReadOptions(lenient=True))
    except KijiError:
        return
    record = analysis.to_dict()
    validate(record)
    for entity in record["entities"]:
        assert entity["text"] == entity["text"].strip()
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            surface = text[m["start"] : m["end"]]
            assert surface == surface.strip()  # no name starts or ends with a space
    for s in record["sentiment"]["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)


def _hidden(text: str) -> set[int]:
    """Where the reader hides markup as spaces (README, "What kiji reads"): Liquid,
    kramdown's attribute lists and math, footnote labels."""
    return {
        k
        for pattern in (reader._LIQUID, reader._KRAMDOWN, reader._FOOTNOTE)
        for match in pattern.finditer(text)
        for k in range(*match.span())
    }


@settings(max_examples=150, deadline=None)
@given(TEXT)
@example("0[^0]")  # a footnote's label, read as spaces
def test_every_analysis_character_comes_from_its_source_span(text):
    try:
        doc = parse_text(text, Source("<p>", "utf-8", 0, "0" * 64), ReadOptions(lenient=True))
    except KijiError:
        return
    hidden = _hidden(text)
    for i, ch in enumerate(doc.text):
        start, end = doc.textmap.start_of(i), doc.textmap.end_of(i)
        if start != end:
            source = text[start:end]
            # control characters are read as spaces (README, "Bad input"), as is markup
            # the reader hides
            assert ch in unicodedata.normalize("NFKC", source) or (
                ch == " " and (not source.isprintable() or start in hidden)
            )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.booleans())
def test_arbitrary_bytes_analyse_or_raise_our_own_error(data, lenient):
    try:
        text, _ = decode(data)
        doc = read_bytes(data, "fuzz.md", ReadOptions(lenient=lenient))
    except KijiError:
        return
    assert doc.source_text == text
    record = analyze_document(doc).to_dict()
    validate(record)
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            surface = text[m["start"] : m["end"]]
            assert surface == surface.strip()
