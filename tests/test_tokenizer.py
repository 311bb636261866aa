import sys

import pytest

from analyzer import tokenizer
from analyzer.tokenizer import tokenize


def test_tokens_carry_offsets_lemma_reading_and_pos():
    text = "鴻海はNVIDIAと組み、新工場を建てた。"
    tokens = tokenize(text, offset=100)
    for token in tokens:
        assert text[token.start - 100 : token.end - 100] == token.surface
    built = next(t for t in tokens if t.surface == "建て")
    assert built.lemma == "建てる"
    assert built.pos[0] == "動詞"
    factory = next(t for t in tokens if t.surface == "工場")
    assert factory.reading == "コウジョウ"


def test_unknown_words_are_flagged():
    tokens = {t.surface: t for t in tokenize("FoxconnとNVIDIAが提携")}
    assert tokens["Foxconn"].unknown
    assert tokens["NVIDIA"].unknown
    assert not tokens["提携"].unknown


def test_whitespace_between_tokens_keeps_offsets_exact():
    text = "AI  データ\tセンター　建設"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.surface


def test_tokens_match_fugashis_own_nodes_on_awkward_text():
    """kiji reads MeCab's output as text; it must say what fugashi's nodes say."""
    import fugashi
    import unidic_lite

    dicdir = unidic_lite.DICDIR
    reference = fugashi.GenericTagger(f'-r "{dicdir}/mecabrc" -d "{dicdir}"')
    text = ' \u3000「EOS」\tは、\r\n"引用",カンマ\x0bと😀絵文字 GB300 NVL72　\t です'
    expected = []
    offset = 0
    for node in reference.parseToNodeList(text):
        offset += len(node.white_space)
        fields = node.feature_raw.split(",")
        known = len(fields) > 10
        expected.append(
            (
                node.surface,
                offset,
                tuple(fields[:4]),
                (fields[10] or node.surface) if known else node.surface,
                fields[17] if known else "",
                not known,
            )
        )
        offset += len(node.surface)
    got = [(t.surface, t.start, t.pos, t.lemma, t.reading, t.unknown) for t in tokenize(text)]
    assert got == expected


def _resident_file_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssFile:"):
                return int(line.split()[1])
    raise AssertionError("no RssFile in /proc/self/status")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")
def test_releasing_the_dictionary_unmaps_its_pages_and_tokens_stay_the_same():
    text = "東京証券取引所でエヌビディアの株価が急落し、ソフトバンクグループも続いた。" * 40
    before = [(t.surface, t.start, t.pos, t.lemma) for t in tokenize(text)]
    resident = _resident_file_kb()
    tokenizer.release_dictionary()
    assert tokenizer._mappings, "the dictionary's mappings were not found"
    # the pages MeCab read for the text are no longer counted in this process
    assert _resident_file_kb() < resident - 1024
    assert [(t.surface, t.start, t.pos, t.lemma) for t in tokenize(text)] == before
