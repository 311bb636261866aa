import io
import unicodedata

import pytest

from analyzer.errors import FrontMatterError
from analyzer.reader import ReadOptions, Source, parse_text, read_bytes, read_limited, read_path
from tests.conftest import EDGE, FOXCONN, SAMPLES


def doc_of(text: str, **options):
    return parse_text(text, Source("<test>", "utf-8", 0, "0" * 64), ReadOptions(**options))


def sentence_texts(doc):
    return [doc.text[s.start : s.end] for s in doc.sentences]


def assert_offsets_point_into_source(doc):
    """Every analysis character comes from the source span it claims."""
    for i, ch in enumerate(doc.text):
        start, end = doc.textmap.start_of(i), doc.textmap.end_of(i)
        if start == end:
            assert ch == "\n"  # a block separator, not in the source
            continue
        assert ch in unicodedata.normalize("NFKC", doc.source_text[start:end])


def test_markdown_becomes_plain_text_without_markup():
    doc = doc_of(
        "# 見出し\n\n**NVIDIA**は*好調*だ。[詳細](https://example.com/x)を参照。\n\n"
        "* 項目1\n* 項目2\n\n```\ncode block\n```\n"
    )
    assert sentence_texts(doc) == ["見出し", "NVIDIAは好調だ。", "詳細を参照。", "項目1", "項目2"]
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list_item", "list_item"]
    assert [doc.text[e.start : e.end] for e in doc.emphasis] == ["NVIDIA", "好調"]
    assert_offsets_point_into_source(doc)


def test_unbalanced_bold_trailer_and_repeated_paragraph_are_cleaned():
    repeated = "この段落は記事の中で二回貼り付けられてしまった段落である。"
    doc = doc_of(f"**タイトル行が閉じない\n\n{repeated}\n\n{repeated}\n\n---END---\n")
    assert sentence_texts(doc) == ["タイトル行が閉じない", repeated]
    assert any("repeats an earlier one" in w for w in doc.warnings)


def test_a_trailer_ending_a_paragraph_is_left_out():
    doc = doc_of("財務の健全化が課題だ。\n---END---\n\n次の段落。\n=== 以上 ===\n**END**\n")
    assert sentence_texts(doc) == ["財務の健全化が課題だ。", "次の段落。"]
    assert_offsets_point_into_source(doc)


def test_bold_names_alone_on_a_line_are_prose_not_trailers():
    doc = doc_of("**まとめ**\n\n* **楽天証券**\n* __トヨタ自動車__\n* **NVIDIA**\n")
    assert sentence_texts(doc) == ["まとめ", "楽天証券", "トヨタ自動車", "NVIDIA"]
    assert [doc.text[e.start : e.end] for e in doc.emphasis] == sentence_texts(doc)


def test_title_and_excerpt_are_analysed_with_source_offsets():
    post = FOXCONN.read_text(encoding="utf-8")
    doc = doc_of(post)
    title = doc.sentences[0]
    assert title.zone == "title"
    start, end = doc.source_span(title.start, title.end)
    assert post[start:end] == doc.meta.title
    assert doc.sentences[1].zone == "excerpt"


def test_full_width_text_is_normalised_but_offsets_stay_in_the_source():
    source = "ＮＶＩＤＩＡの売上高は４４１億ドル、ｶﾞｿﾘﾝ車も。"
    doc = doc_of(source)
    assert doc.text == "NVIDIAの売上高は441億ドル、ガソリン車も。\n"
    start = doc.text.index("ガソリン")
    s, e = doc.source_span(start, start + 4)
    assert source[s:e] == "ｶﾞｿﾘﾝ"
    assert_offsets_point_into_source(doc)


def test_crlf_line_endings_and_front_matter():
    source = "---\r\ntitle: 改行テスト\r\n---\r\n一行目。\r\n\r\n二行目。\r\n"
    doc = doc_of(source)
    assert doc.meta.title == "改行テスト"
    assert sentence_texts(doc) == ["改行テスト", "一行目。", "二行目。"]
    assert_offsets_point_into_source(doc)


def test_plain_text_files_are_not_read_as_markdown():
    doc = read_path(EDGE / "plain-note.txt")
    assert "字下げした行もMarkdownのコードではなく本文として読む。" in sentence_texts(doc)


def test_broken_front_matter_is_an_error_unless_lenient():
    source = "---\ntitle: [unclosed\n---\n本文です。\n"
    with pytest.raises(FrontMatterError):
        doc_of(source)
    doc = doc_of(source, lenient=True)
    assert "本文です。" in sentence_texts(doc)
    assert any("--lenient" in w for w in doc.warnings)


def test_legacy_encodings_from_the_corpus():
    assert read_path(EDGE / "shift-jis.md").meta.title == "㈱東芝の再建計画、①から③の論点"
    assert read_path(EDGE / "euc-jp.txt").source.encoding == "euc-jp"
    assert read_path(EDGE / "utf16-bom.md").meta.title == "UTF-16で保存された記事"


def test_english_heavy_text_gets_a_warning():
    doc = read_path(EDGE / "english-heavy.md")
    assert any("little Japanese" in w for w in doc.warnings)


def test_too_large_input_is_refused():
    with pytest.raises(Exception, match="limit"):
        read_bytes("あ".encode() * 100, "big.md", ReadOptions(max_bytes=10))


class _Trickle(io.RawIOBase):
    """A pipe that hands out a few bytes per read, as a slow writer's would."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        piece, self.data = self.data[:3], self.data[3:]
        buffer[: len(piece)] = piece
        return len(piece)


@pytest.mark.parametrize("size_hint", [0, 5, 10_000])
def test_read_limited_reads_all_of_a_small_input_and_one_byte_past_the_limit(size_hint):
    data = bytes(range(256)) * 40  # 10,240 bytes
    assert read_limited(io.BytesIO(data), 20_000, size_hint) == data
    assert read_limited(io.BytesIO(data), 100, size_hint) == data[:101]
    assert read_limited(io.BufferedReader(_Trickle(data)), 20_000, size_hint) == data
    assert read_limited(io.BytesIO(b""), 100, size_hint) == b""


def test_reading_a_small_file_does_not_allocate_the_whole_size_limit(tmp_path):
    import tracemalloc

    (tmp_path / "post.md").write_text("# 見出し\n\n本文です。\n", encoding="utf-8")
    tracemalloc.start()
    try:
        read_path(tmp_path / "post.md", ReadOptions(max_bytes=50_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_posts_read_cleanly(path):
    doc = read_path(path)
    assert doc.meta.title and doc.meta.date
    assert len(doc.text) >= 1500
    assert len(doc.sentences) >= 20
    assert_offsets_point_into_source(doc)


def test_jekyll_liquid_tags_and_code_blocks_are_not_prose():
    doc = doc_of(
        "---\ntitle: 投稿\n---\n{% include toc.html %}\n"
        "{{ page.title }}について。ソニーは増益だ。\n\n"
        "{% highlight python %}\nimport toyota  # トヨタ\n{% endhighlight %}\n\n"
        "{% comment %}\n下書きのメモ\n{% endcomment %}\n本田は減益だ。\n"
    )
    assert [s.strip() for s in sentence_texts(doc)] == [
        "投稿",
        "について。",
        "ソニーは増益だ。",
        "本田は減益だ。",
    ]
    assert [b.line for b in doc.blocks] == [2, 4, 11]  # lines keep their numbers


def test_kramdown_attribute_lists_and_math_are_not_prose():
    doc = doc_of(
        "ソニーは好調だ。\n{: .notice--info}\n\n**注意**{: .big} 数式 $$E = mc^2$$ もある。\n\n"
        "$$\n\\sum_{i=1}^n x_i\n$$\n\n本田は減益だ。\n"
    )
    texts = [s.strip() for s in sentence_texts(doc)]
    assert texts[0] == "ソニーは好調だ。" and texts[-1] == "本田は減益だ。"
    assert not any(ch in "".join(texts) for ch in "{}$^")  # no attribute list, no math
    assert [b.line for b in doc.blocks] == [1, 4, 10]  # lines keep their numbers


def test_a_footnotes_text_is_prose_but_not_its_labels():
    doc = doc_of(
        "ソニーは増益だった[^1]。\n\n[^1]: 出典はソニーグループの決算短信。\n"
        "    続く行はトヨタの話。\n\n[^note]: 任天堂の資料による。\n"
    )
    assert [s.strip() for s in sentence_texts(doc)] == [
        "ソニーは増益だった    。",  # the reference is read as spaces
        "出典はソニーグループの決算短信。",
        "続く行はトヨタの話。",
        "任天堂の資料による。",
    ]


def test_the_text_of_raw_html_is_prose_but_not_its_scripts_styles_or_comments():
    doc = doc_of(
        "<div class='note'>\n<p>ソニーは<b>増益</b>だった。&amp;トヨタも好調。</p>\n"
        "<script>\nvar name = '日立';\n</SCRIPT>\n<style>p { color: red }</style>\n"
        "<p>本田<!-- 下書き -->は減益。</p>\n</div>\n\n本文です。\n"
    )
    assert sentence_texts(doc) == [
        "ソニーは増益だった。",
        "&トヨタも好調。",
        "本田は減益。",
        "本文です。",
    ]
    assert [(b.kind, b.line) for b in doc.blocks] == [("paragraph", 1)] * 2 + [("paragraph", 10)]
    assert_offsets_point_into_source(doc)
