import json
import os

import jsonschema
import pytest

from analyzer.schema import json_schema
from tests.conftest import EDGE, FOXCONN, SAMPLES, validate


def test_analyze_prints_one_json_object_that_matches_the_schema(kiji):
    result = kiji.json("analyze", FOXCONN, "--json")
    validate(result)
    assert result["meta"]["title"].startswith("FoxconnとNVIDIA")
    assert result["source"]["encoding"] == "utf-8"
    names = {e["text"]: e["type"] for e in result["entities"]}
    assert names["NVIDIA"] == "COMPANY"
    assert names["Foxconn"] == "COMPANY"


def test_every_reported_offset_slices_the_source(kiji):
    source = FOXCONN.read_text(encoding="utf-8")
    result = kiji.json("analyze", FOXCONN)
    for entity in result["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(source)
        first = entity["mentions"][0]
        assert source[first["start"] : first["end"]].strip()
    for sentence in result["sentiment"]["sentences"]:
        assert source[sentence["start"] : sentence["end"]].strip()
    for keyword in result["keywords"]:
        assert 0 <= keyword["first"] < len(source)


def test_table_output_is_a_readable_summary(kiji):
    result = kiji("analyze", FOXCONN, "--format", "table")
    assert result.exit_code == 0
    for heading in ("FoxconnとNVIDIA", "Keywords", "Entities", "Sentiment:", "2025-11-23"):
        assert heading in result.stdout
    calm = "---\ntitle: 決算\n---\n## 企業による購入\n\n売上高は好調で、利益も大きく伸びた。\n"
    table = kiji("analyze", "-", "--format", "table", input=calm.encode("utf-8")).stdout
    assert "most positive" in table
    assert "most negative" not in table  # no sentence is negative


def test_a_post_with_no_title_in_front_matter_is_named_by_its_first_heading(kiji):
    post = "# 日銀、追加利上げを見送り\n\n日本銀行は政策金利を据え置いた。\n"
    table = kiji("analyze", "-", "--format", "table", input=post.encode("utf-8")).stdout
    assert "日銀、追加利上げを見送り" in table.splitlines()[1]  # the panel's first line
    assert kiji.json("analyze", "-", input=post.encode("utf-8"))["meta"]["title"] is None
    later = "---\nauthor: 山本\n---\n\n本文。\n\n# 見出し\n"  # not the first line
    table = kiji("analyze", "-", "--format", "table", input=later.encode("utf-8")).stdout
    assert "見出し" not in table.splitlines()[1] and "<stdin>" in table.splitlines()[1]


def test_stdin_is_read_with_a_dash(kiji):
    text = "---\ntitle: 標準入力\n---\nソニーグループの業績は好調だ。\n"
    result = kiji.json("analyze", "-", input=text.encode("utf-8"))
    assert result["meta"]["title"] == "標準入力"
    assert result["source"]["path"] == "<stdin>"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.md", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
        (lambda d: _write(d / "latin1.md", b"caf\xe9 au lait"), "byte offset 3"),
        (lambda d: _write(d / "fm.md", b"---\ntitle: x\n"), "never closed"),
    ],
)
def test_bad_input_is_one_error_line_and_a_non_zero_exit(kiji, tmp_path, make, reason):
    path = make(tmp_path)
    result = kiji("analyze", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {path}: ")
    assert reason in lines[0]
    assert "Traceback" not in result.stderr


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_bad_options_are_usage_errors(kiji):
    assert kiji("analyze", FOXCONN, "--encoding", "klingon").exit_code == 2
    assert kiji("analyze", FOXCONN, "--top", "-1").exit_code == 2


def test_batch_streams_json_lines_in_path_order(kiji, tmp_path):
    posts = tmp_path / "posts"
    (posts / "2025").mkdir(parents=True)
    (posts / ".git").mkdir()
    for path in SAMPLES[:2]:
        (posts / "2025" / path.name).write_bytes(path.read_bytes())
    (posts / "b.txt").write_text("楽天グループは黒字を確保した。", encoding="utf-8")
    (posts / "skip.json").write_text("{}", encoding="utf-8")
    (posts / ".git" / "HEAD.md").write_text("隠しフォルダ", encoding="utf-8")
    result = kiji("batch", posts)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        validate(record)
    paths = [os.path.relpath(r["source"]["path"], posts) for r in records]
    assert paths == sorted(paths) and len(paths) == 3
    assert "\\u" not in result.stdout  # UTF-8, not ASCII escapes
    assert "3 ok, 0 failed" in result.stderr


def test_batch_keeps_going_past_a_bad_file_and_exits_1(kiji, tmp_path):
    (tmp_path / "a.md").write_text("NVIDIAの決算は好調だった。", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.md").write_text("Intelは苦戦している。", encoding="utf-8")
    result = kiji("batch", tmp_path)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in r) for r in records] == [False, True, False]
    assert records[1]["error"]["kind"] == "binary"
    validate(records[1])
    assert "2 ok, 1 failed" in result.stderr


def test_batch_writes_one_file_per_article_with_o(kiji, tmp_path):
    posts = tmp_path / "posts"
    (posts / "sub").mkdir(parents=True)
    (posts / "sub" / "a.md").write_text("ソニーの業績は好調だ。", encoding="utf-8")
    (posts / "bad.md").write_bytes(b"\xff\xfe\xff\xfe\x00")
    out = tmp_path / "out"
    result = kiji("batch", posts, "-o", out, "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""
    validate(json.loads((out / "sub" / "a.md.json").read_text(encoding="utf-8")))
    error = json.loads((out / "bad.md.error.json").read_text(encoding="utf-8"))
    assert error["error"]["kind"] in ("decode", "binary")
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temporary files left


def test_batch_glob_selects_files(kiji, tmp_path):
    (tmp_path / "a.md").write_text("記事A。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("記事B。", encoding="utf-8")
    result = kiji("batch", tmp_path, "--glob", "*.txt")
    assert [json.loads(x)["source"]["path"] for x in result.stdout.splitlines()] == [
        str(tmp_path / "b.txt")
    ]


def test_batch_over_an_empty_folder_says_so_and_succeeds(kiji, tmp_path):
    result = kiji("batch", tmp_path)
    assert result.exit_code == 0
    assert "no matching files" in result.stderr


def test_batch_refuses_an_unwritable_output_folder_before_any_work(kiji, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = kiji("batch", EDGE, "-o", blocker / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert " ok, " not in result.stderr


def test_tokens_shows_the_tokenizer_view(kiji):
    result = kiji.json("tokens", EDGE / "no-front-matter.md", "--json")
    source = (EDGE / "no-front-matter.md").read_text(encoding="utf-8")
    tokens = result["tokens"]
    assert tokens
    for token in tokens:
        assert source[token["start"] : token["end"]] == token["surface"]
    assert {"surface", "lemma", "pos", "reading", "unknown", "sentence"} <= set(tokens[0])
    table = kiji("tokens", EDGE / "no-front-matter.md", "--format", "table")
    assert "植田" in table.stdout and "lemma" in table.stdout


def test_schema_is_valid_draft_2020_12(kiji):
    schema = kiji.json("schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json_schema()


def test_version_names_tokenizer_dictionary_and_lexicons(kiji):
    result = kiji("--version")
    assert result.exit_code == 0
    for part in (
        "kiji 0.1.0",
        "fugashi",
        "MeCab 0.996",
        "UniDic 2.1.2",
        "polarity v",
        "sentiment_model",
    ):
        assert part in result.stdout


@pytest.mark.parametrize("command", ["analyze", "batch", "tokens", "schema"])
def test_every_command_has_help_with_an_example(kiji, command):
    result = kiji(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


@pytest.mark.parametrize("path", [*SAMPLES, *sorted(EDGE.iterdir())], ids=lambda p: p.name)
def test_every_corpus_file_analyses_to_valid_json(kiji, path):
    validate(kiji.json("analyze", path))


def test_a_bug_during_analysis_is_still_one_line_without_a_traceback(kiji, monkeypatch):
    def broken(doc, top=10, names=None):
        raise ValueError("boom")

    monkeypatch.setattr("analyzer.pipeline.analyze_document", broken)
    result = kiji("analyze", FOXCONN)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "internal error: ValueError: boom" in result.stderr


def test_entities_file_forces_names_in_analyze_and_batch(kiji, tmp_path):
    names = tmp_path / "names.tsv"
    names.write_text("Omniverse\tPRODUCT\nヒューストン工場\tFACILITY\n", encoding="utf-8")
    result = kiji.json("analyze", FOXCONN, "--json", "--entities-file", str(names))
    validate(result)
    found = {e["text"]: e["type"] for e in result["entities"]}
    assert found["Omniverse"] == "PRODUCT"
    assert found["ヒューストン工場"] == "FACILITY"
    assert "entities_file" in result["versions"]
    batch = kiji("batch", str(FOXCONN.parent), "--entities-file", str(names), "--quiet")
    assert batch.exit_code == 0
    for line in batch.stdout.splitlines():
        assert json.loads(line)["versions"]["entities_file"] == result["versions"]["entities_file"]


@pytest.mark.parametrize(
    "content, problem",
    [("Omniverse\n", "line 1: expected name<TAB>TYPE"), ("A\tB\tC\n", "line 1: unknown type")],
)
def test_a_bad_entities_file_is_a_usage_error_naming_the_file(kiji, tmp_path, content, problem):
    names = tmp_path / "names.tsv"
    names.write_text(content, encoding="utf-8")
    for command in (["analyze", str(FOXCONN)], ["batch", str(FOXCONN.parent)]):
        result = kiji(*command, "--entities-file", str(names))
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(names) in lines[0] and problem in lines[0]


def test_a_quoted_sentence_starts_beside_its_title_and_wraps_under_itself():
    from rich.console import Console

    from analyzer.pipeline import analyze_text
    from analyzer.render import render_analysis

    text = "一方、米食品医薬品局の承認審査は遅れる可能性もあり、投資家の間では慎重な見方も根強い。"
    analysis = analyze_text(text)
    console = Console(width=60, record=True, color_system=None)
    render_analysis(analysis, text, console)
    lines = console.export_text().splitlines()
    title = next(i for i, line in enumerate(lines) if "most negative" in line)
    assert "一方" in lines[title]  # not pushed to the next line whole
    assert lines[title + 1].startswith(" " * 10)  # the rest under the sentence


@pytest.mark.parametrize(
    ("argv", "path"),
    [
        (["analyze", "post.md", "--json"], "post.md"),
        (["analyze", "--json", "post.md"], "post.md"),
        (["analyze", "-", "--json"], None),  # stdin: the full CLI must read it itself
        (["analyze", "post.md"], None),
        (["analyze", "post.md", "--json", "--top", "5"], None),
        (["analyze", "--top", "--json"], None),
        (["batch", "posts", "--json"], None),
    ],
)
def test_only_a_plain_analyze_json_takes_the_quick_way(argv, path):
    from analyzer.launch import quick_path

    assert quick_path(argv) == path


def test_the_quick_way_writes_what_the_full_cli_writes(kiji, tmp_path):
    import subprocess
    import sys

    def run(*args):
        command = [sys.executable, "-m", "analyzer", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    quick = run("analyze", FOXCONN, "--json")
    assert quick.returncode == 0 and quick.stderr == ""
    assert json.loads(quick.stdout) == kiji.json("analyze", FOXCONN, "--json")
    # a file it cannot read goes to the full CLI: the usual one line, nothing on stdout
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    failed = run("analyze", bad, "--json")
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr == f"Error: {bad}: binary file (contains NUL bytes), not text\n"


def test_a_bug_on_the_quick_way_is_still_one_line(monkeypatch, capsys):
    from analyzer import launch

    def broken(doc, top=10, names=None):
        raise ValueError("boom")

    monkeypatch.setattr("analyzer.pipeline.analyze_document", broken)
    monkeypatch.setattr("sys.argv", ["kiji", "analyze", str(FOXCONN), "--json"])
    with pytest.raises(SystemExit) as exited:
        launch.main()
    assert exited.value.code == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "internal error: ValueError: boom" in err
