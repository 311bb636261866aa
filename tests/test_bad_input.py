"""Every kind of bad input from issue 7: a clear error or a warning, never a traceback."""

import codecs
import json
import os
import time

import pytest

from analyzer import analyze_text, batch
from analyzer.errors import FrontMatterError
from analyzer.reader import ReadOptions, read_bytes
from tests.conftest import SAMPLES, validate


def analyse_bytes(data: bytes, **options):
    from analyzer.pipeline import analyze_document

    return analyze_document(read_bytes(data, "t.md", ReadOptions(**options)))


# --- empty and partial files -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t\n\u3000\n", "---\ntitle: 下書き\ntags: [a]\n---\n", "本文だけの記事です。"],
    ids=["empty", "whitespace", "front-matter-only", "body-only"],
)
def test_empty_and_partial_files_analyse_to_valid_results(kiji, tmp_path, text):
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    record = kiji.json("analyze", path)
    validate(record)
    if not text.strip() or text.startswith("---"):
        assert record["stats"]["sentences"] == (1 if "下書き" in text else 0)


def test_an_empty_file_says_there_is_nothing_to_analyse():
    assert "no text to analyse" in analyze_text("").warnings


# --- binary and encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
        "記事の途中に\x00NULがある".encode(),
        ("長い記事の本文です。" * 1000 + "最後に\x00NUL").encode(),
    ],
    ids=["png", "jpeg", "nul-in-text", "nul-past-the-first-block"],
)
def test_binary_files_are_error_kind_binary(kiji, tmp_path, data):
    (tmp_path / "image.md").write_bytes(data)
    result = kiji("batch", tmp_path)
    record = json.loads(result.stdout)
    assert record["error"]["kind"] == "binary"
    assert result.exit_code == 1


TEXT = "㈱日立製作所と①NECの提携、売上高は前年比１２％増。ｶﾀｶﾅも。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp932"), "cp932"),
        (TEXT.replace("㈱", "").replace("①", "").encode("euc-jp"), "euc-jp"),
    ],
)
def test_encodings_decode_right_and_offsets_slice_the_decoded_source(data, encoding):
    analysis = analyse_bytes(data)
    assert analysis.source.encoding == encoding
    text = data.decode({"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding))
    percent = next(e for e in analysis.entities if e.type == "PERCENT")
    m = percent.mentions[0]
    assert text[m.start : m.end] == "１２％"


def test_undecodable_bytes_name_the_offset_and_encoding_can_be_forced(kiji, tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes("記事".encode() + b"\xff\xfe\xfd" + "本文".encode())
    result = kiji("analyze", path)
    assert result.exit_code == 1
    assert "byte offset 6" in result.stderr
    path.write_bytes("半導体の記事".encode("euc-jp"))
    forced = kiji.json("analyze", path, "--encoding", "euc-jp")
    assert forced["source"]["encoding"] == "euc-jp"


# --- odd characters keep offsets exact ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "一行目はNVIDIAの話。\r\n二行目はIntelの話。\r\n",
        "一行目はNVIDIAの話。\r二行目はIntelの話。\r",
        "タブ\tとNVIDIA\u3000全角空白と\u200bゼロ幅とNVIDIAの話。",
        "😀絵文字の後のNVIDIAと𠮷野家の話。🚀NVIDIAは好調。",
        "結合文字 e\u0301 とが\u3099とNVIDIAの話。",
        "ﾊﾝｶｸｶﾀｶﾅのﾃﾞｰﾀとNVIDIAの話。",
    ],
    ids=["crlf", "cr", "spaces", "emoji", "combining", "half-width"],
)
def test_every_span_slices_the_source_whatever_the_characters(text):
    record = analyze_text(text).to_dict()
    validate(record)
    nvidia = next(e for e in record["entities"] if e["text"] == "NVIDIA")
    for m in nvidia["mentions"]:
        assert text[m["start"] : m["end"]] == "NVIDIA"
    for s in record["sentiment"]["sentences"]:
        assert text[s["start"] : s["end"]].strip()
    assert len(record["sentiment"]["sentences"]) == text.count("。")


def test_half_width_katakana_is_read_as_full_width():
    analysis = analyze_text("ﾃﾞｰﾀｾﾝﾀｰの建設。ﾃﾞｰﾀｾﾝﾀｰの電力。")
    assert "データセンター" in [k.text for k in analysis.keywords]


# --- front matter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: x\n本文\n", "never closed"),
        ("---\ntitle: ok\ntags: [a, b]]\n---\n本文\n", "invalid YAML in front matter at line 3"),
        ("---\n- a\n- b\n---\n本文\n", "not a mapping"),
        ("---\nx: !!python/object/apply:os.system ['true']\n---\n本文\n", "invalid YAML"),
    ],
    ids=["unclosed", "invalid", "list", "python-tag"],
)
def test_broken_front_matter_is_error_kind_front_matter(kiji, tmp_path, text, message):
    (tmp_path / "post.md").write_text(text, encoding="utf-8")
    result = kiji("batch", tmp_path)
    record = json.loads(result.stdout)
    assert record["error"]["kind"] == "front_matter"
    assert message in record["error"]["message"]
    lenient = kiji("batch", tmp_path, "--lenient")
    record = json.loads(lenient.stdout)
    assert "error" not in record
    assert any("--lenient" in w for w in record["warnings"])


def test_yaml_anchors_work_but_alias_bombs_are_refused():
    ok = analyze_text("---\nbase: &b {author: 佐藤}\nmeta: *b\ntitle: x\n---\n本文。")
    assert ok.meta.extra["meta"] == {"author": "佐藤"}
    laughs = "---\na: &a [" + ",".join(["lol"] * 10) + "]\n"
    for level in "bcdefg":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 10) + "]\n"
    with pytest.raises(FrontMatterError, match="expands"):
        analyze_text(laughs + "---\n本文。")


def test_front_matter_nested_too_deeply_is_a_front_matter_error(kiji, tmp_path):
    (tmp_path / "post.md").write_text("---\ntitle: " + "[" * 5000 + "\n---\n本文。\n")
    result = kiji("batch", tmp_path)
    record = json.loads(result.stdout)
    assert record["error"]["kind"] == "front_matter"  # not an internal error
    assert "nested too deeply" in record["error"]["message"]


def test_control_characters_and_terminal_codes_are_read_as_spaces():
    text = '---\ntitle: "色\x1b[31m付き"\n---\nソニー\x1b[1;31mは増益\x07だ。日立\x0bは好調だ。\n'
    analysis = analyze_text(text)
    assert analysis.meta.title == "色     付き"
    found = {e.text: e for e in analysis.entities}
    assert {"ソニーグループ", "日立製作所"} <= set(found)  # listed names, whole
    assert not any("m" in name or "31" in name for name in found)
    for entity in analysis.entities:  # offsets still index the decoded source
        for mention in entity.mentions:
            assert text[mention.start : mention.end] in ("ソニー", "日立")
    # a colour code opening a line does not indent it into a code block (lost text)
    opened = analyze_text("\x1b[31m赤い\x1b[0m文字で書かれた記事です。ソニーは増益だ。")
    assert opened.stats.sentences == 2 and not opened.warnings
    assert "ソニーグループ" in {e.text for e in opened.entities}
    # a NUL in given text (a file with one is binary) is a space too, not a lost paragraph
    nul = analyze_text("前の文です。\x00ソニーは増益だ。")
    assert nul.stats.sentences == 2 and "ソニーグループ" in {e.text for e in nul.entities}


def test_odd_dates_and_string_tags_are_normalised():
    analysis = analyze_text("---\ndate: 2025年8月20日\ntags: AI, 半導体\n---\n本文。")
    assert analysis.meta.date == "2025-08-20"
    assert analysis.meta.tags == ("AI", "半導体")
    written = {
        "2025.08.20": "2025-08-20",  # as Japanese sites write dates
        "Aug 20, 2025": "2025-08-20",
        "August 20, 2025": "2025-08-20",
        "'2025-08-20'": "2025-08-20",  # quoted: a day, as unquoted
        "2025-08-20 10:30": "2025-08-20T10:30:00",
    }
    read = {raw: analyze_text(f"---\ndate: {raw}\n---\n本文。").meta.date for raw in written}
    assert read == written
    odd = analyze_text("---\ndate: 来週のどこか\n---\n本文。")
    assert odd.meta.date == "来週のどこか"
    assert any("is not a date" in w for w in odd.warnings)


def test_an_impossible_front_matter_date_is_a_warning_not_an_error(kiji, tmp_path):
    (tmp_path / "post.md").write_text("---\ndate: 2025-02-30\n---\nトヨタは4月に発表した。\n")
    analysis = kiji.json("analyze", tmp_path / "post.md", "--json")
    assert analysis["meta"]["date"] == "2025-02-30"
    assert analysis["warnings"] == [
        "front matter date '2025-02-30' is not a date; "
        "dates the text gives without a year (昨年, 10月3日) are left without one"
    ]
    april = next(e for e in analysis["entities"] if e["text"] == "4月")
    assert "value" not in april or april["value"] is None


# --- pathological text: time grows linearly ----------------------------------------------


def _seconds(text: str) -> float:
    start = time.perf_counter()
    analyze_text(text)
    return time.perf_counter() - start


@pytest.mark.parametrize(
    "make",
    [
        lambda n: ("半導体の需要が拡大しNVIDIAの株価が上昇し" * n)[: n * 20],
        lambda n: "あ" * (n * 20),
        lambda n: "1" * (n * 20),
        lambda n: "1兆" * (n * 10),
        lambda n: "".join("  " * (i % 12) + "* 項目\n" for i in range(n)),
        lambda n: "".join(">" * (i % 30) + " 引用\n" for i in range(n)),
        lambda n: "参照 https://example.com/" + "a" * (n * 20) + " の記事。",
        lambda n: "<div>\n" + "<p>段落</p>\n" * n + "</div>\n\n本文。",
        lambda n: "<div>\n" + "<script>x" * n + "<!--y" * n + "</div>\n\n本文。",
        lambda n: "{% include " * n + "{{ x" * n + "\n\n本文。",
    ],
    ids=[
        "no-punctuation",
        "one-char",
        "digits",
        "kanji-numbers",
        "nested-lists",
        "nested-quotes",
        "long-url",
        "html-block",
        "unclosed-scripts",
        "unclosed-liquid",
    ],
)
def test_pathological_text_takes_time_roughly_linear_in_its_size(make):
    _seconds(make(50))  # warm up the tagger and lexicons
    small = min(_seconds(make(500)) for _ in range(3))
    large = min(_seconds(make(5000)) for _ in range(2))
    # 10x the input: linear is ~10x; quadratic would be ~100x.
    assert large / max(small, 1e-3) < 30


def test_a_two_megabyte_line_without_punctuation_finishes():
    text = "半導体の需要が拡大しNVIDIAの株価が上昇し" * 100_000
    analysis = analyze_text(text)
    assert analysis.stats.chars == len(text)


def test_files_over_max_bytes_are_error_kind_too_large(kiji, tmp_path):
    (tmp_path / "big.md").write_text("あ" * 1000, encoding="utf-8")
    result = kiji("batch", tmp_path, "--max-bytes", "100")
    assert json.loads(result.stdout)["error"]["kind"] == "too_large"
    single = kiji("analyze", tmp_path / "big.md", "--max-bytes", "100")
    assert single.exit_code == 1 and "limit" in single.stderr


@pytest.mark.parametrize(
    "text",
    [
        "NVIDIA reported record revenue this quarter, driven by demand for Blackwell.",
        "中国人民银行周五宣布下调存款准备金率，以支持经济增长，市场普遍认为这将提振信心。",
    ],
    ids=["english", "chinese"],
)
def test_text_that_is_not_japanese_is_analysed_with_a_warning(text):
    analysis = analyze_text(text)
    assert any("little Japanese" in w for w in analysis.warnings)
    assert analysis.stats.sentences >= 1


# --- folders --------------------------------------------------------------------------


def test_folder_walk_skips_hidden_folders_and_does_not_follow_link_loops(kiji, tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("NVIDIAの記事。", encoding="utf-8")
    (tmp_path / "posts" / "loop").symlink_to(tmp_path / "posts")
    (tmp_path / "posts" / ".git").mkdir()
    (tmp_path / "posts" / ".git" / "b.md").write_text("隠し。", encoding="utf-8")
    (tmp_path / "posts" / "notes.json").write_text("{}", encoding="utf-8")
    result = kiji("batch", tmp_path / "posts")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1


def test_unreadable_files_and_folders_are_errors_and_the_rest_goes_on(kiji, tmp_path, monkeypatch):
    (tmp_path / "ok.md").write_text("NVIDIAの記事。", encoding="utf-8")
    (tmp_path / "secret.md").write_text("秘密。", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_open = open
    real_walk = batch.os.walk

    def guarded_open(path, *args, **kwargs):  # root can read anything: simulate EACCES
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def walk(top, onerror=None, **kwargs):
        for folder, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            if "locked" in dirs:
                dirs.remove("locked")
                onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
            yield folder, dirs, files

    monkeypatch.setattr("analyzer.reader.open", guarded_open, raising=False)
    monkeypatch.setattr(batch.os, "walk", walk)
    result = kiji("batch", tmp_path)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = sorted(r["error"]["kind"] for r in records if "error" in r)
    assert kinds == ["unreadable", "unreadable"]
    assert sum("error" not in r for r in records) == 1
    assert result.exit_code == 1
    assert "1 ok, 2 failed" in result.stderr


def test_a_file_that_vanishes_mid_run_is_that_files_error(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("記事。", encoding="utf-8")
    jobs, _ = batch.discover([str(tmp_path)])
    (tmp_path / "b.md").unlink()
    outcomes = list(batch.run(jobs, batch.Settings()))
    assert [o.failed for o in outcomes] == [False, True, False]
    assert outcomes[1].record["error"]["kind"] == "not_found"


def test_a_write_error_on_one_output_fails_that_article_only(kiji, tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    for path in SAMPLES[:3]:
        (posts / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    (out / f"{SAMPLES[1].name}.json").mkdir(parents=True)  # the rename onto it will fail
    result = kiji("batch", posts, "-o", out)
    assert result.exit_code == 1
    assert (out / f"{SAMPLES[0].name}.json").is_file()
    assert (out / f"{SAMPLES[2].name}.json").is_file()
    assert "2 ok, 1 failed" in result.stderr


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(kiji, tmp_path):
    (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text("ソニーは好調。", encoding="utf-8")
    lines = kiji("batch", tmp_path, "--quiet").stdout.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        str(tmp_path / "caf\ufffd.md")
    ]
    result = kiji("batch", tmp_path, "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "out" / os.fsdecode(b"caf\xe9.md.json")).read_text(encoding="utf-8")
    assert json.loads(written)["source"]["path"].endswith("caf\ufffd.md")


def test_named_pipes_are_skipped_and_broken_links_reported(kiji, tmp_path):
    (tmp_path / "ok.md").write_text("NVIDIAの記事。", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")  # opening it would block the run forever
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    result = kiji("batch", tmp_path)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"].rsplit("/", 1)[1] for r in records] == ["gone.md", "ok.md"]
    assert records[0]["error"]["kind"] == "not_found"
    assert result.exit_code == 1


def test_a_named_pipe_or_device_given_to_batch_is_named_as_such(kiji, tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    for path in (tmp_path / "pipe.md", "/dev/null"):
        result = kiji("batch", path, "--quiet")
        assert result.exit_code == 1
        assert "not a regular file or folder" in result.stderr  # it exists


def test_devices_are_refused_by_analyze(kiji):
    result = kiji("analyze", "/dev/null")
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (codecs.BOM_UTF32_LE + "記事".encode("utf-32-le"), "UTF-32"),
        (codecs.BOM_UTF16_BE + b"\x00\x00\x00\x00binary", "binary"),
    ],
    ids=["utf-32", "nul-after-bom"],
)
def test_boms_of_unsupported_or_binary_content_are_clear_errors(data, message):
    with pytest.raises(Exception, match=message):
        analyse_bytes(data)


def test_a_huge_run_of_kanji_numerals_is_no_number_and_no_crash():
    from analyzer.numeric import find_numeric

    assert find_numeric("一" * 100_000 + "社") == []
    assert find_numeric("約" + "九" * 5_000 + "億円") == []


def test_dates_at_the_ends_of_the_calendar_are_no_crash():
    from analyzer import analyze_text

    post = (
        "---\ndate: 2026-11-05\n---\n\n"
        "0000年1月に始まり、2月に終わった。9999年12月に始まり、翌年5月に終わった。"
    )
    dates = {e.text: e.value for e in analyze_text(post).entities if e.type == "DATE"}
    assert dates["0000年1月"] is None and dates["翌年5月"] is None  # no ISO year
    assert dates["2月"] == {"date": "2026-02", "year_inferred": True}  # the article's year
