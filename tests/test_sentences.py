from analyzer.reader import ReadOptions, Source, parse_text


def split(text: str) -> list[str]:
    doc = parse_text(text, Source("<t>", "utf-8", 0, "0" * 64), ReadOptions(markup="plain"))
    return [doc.text[s.start : s.end] for s in doc.sentences]


def test_sentences_end_at_japanese_and_ascii_enders():
    assert split("売上高は増加した。利益も伸びた！本当か？ Yes! It grew. 次へ") == [
        "売上高は増加した。",
        "利益も伸びた!",
        "本当か?",
        "Yes!",
        "It grew.",
        "次へ",
    ]


def test_an_exclamation_mark_inside_a_name_ends_no_sentence():
    assert split("LINEとYahoo! JAPANを統合した。Yahoo!ニュースで読んだ。すごいぞAI! 次へ") == [
        "LINEとYahoo! JAPANを統合した。",
        "Yahoo!ニュースで読んだ。",
        "すごいぞAI!",
        "次へ",
    ]


def test_quotes_are_kept_whole():
    assert split("社長は「需要は強い。供給が追いつかない。」と語った。次の文。") == [
        "社長は「需要は強い。供給が追いつかない。」と語った。",
        "次の文。",
    ]


def test_line_breaks_end_sentences():
    assert split("見出し\n本文の一文目。") == ["見出し", "本文の一文目。"]


def test_a_huge_line_without_punctuation_is_cut_into_bounded_pieces():
    pieces = split("あ" * 5000)
    assert "".join(pieces) == "あ" * 5000
    assert max(len(p) for p in pieces) <= 1000
