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
