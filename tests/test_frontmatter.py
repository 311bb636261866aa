import pytest

from analyzer.errors import FrontMatterError
from analyzer.frontmatter import meta_from_values, normalise_date, split_front_matter

POST = """---
layout: post
title: "FoxconnとNVIDIA、OpenAIが手を組む真意とは？"
date: 2025-11-23 02:33:17 +0000
categories: [投資分析]
tags: [AI, NVIDIA]
author: 佐藤健一
excerpt: "三社連携の意味"
reading_time: 9
---
本文です。
"""


def test_jekyll_front_matter_becomes_meta():
    front = split_front_matter(POST)
    meta = meta_from_values(front.values)
    assert meta.title == "FoxconnとNVIDIA、OpenAIが手を組む真意とは？"
    assert meta.date == "2025-11-23T02:33:17+00:00"
    assert meta.tags == ("AI", "NVIDIA")
    assert meta.categories == ("投資分析",)
    assert meta.extra == {"layout": "post", "reading_time": 9}
    assert POST[front.body_start :] == "本文です。\n"


def test_a_block_scalar_excerpt_ends_without_its_line_break():
    front = split_front_matter("---\ntitle: x\nexcerpt: >\n  決算を\n  まとめます。\n---\n本文。\n")
    assert meta_from_values(front.values).excerpt == "決算を まとめます。"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-11-23 02:33:17 +0000", "2025-11-23T02:33:17+00:00"),
        ("2025/04/03 18:00", "2025-04-03T18:00:00"),
        ("2025年8月20日", "2025-08-20"),
        ("いつか", "いつか"),
    ],
)
def test_dates_become_iso_8601_when_readable(raw, iso):
    assert normalise_date(raw) == iso


def test_tags_written_as_a_string_become_a_list():
    assert meta_from_values({"tags": "関税, 自動車, トヨタ"}).tags == ("関税", "自動車", "トヨタ")
    assert meta_from_values({"tags": "AI NVIDIA"}).tags == ("AI", "NVIDIA")


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(FrontMatterError, match="never closed"):
        split_front_matter("---\ntitle: x\n本文\n")


def test_invalid_yaml_names_the_line():
    with pytest.raises(FrontMatterError, match="line 3"):
        split_front_matter("---\ntitle: ok\ntags: [a, b]]\n---\n本文\n")


def test_yaml_that_is_not_a_mapping_is_an_error():
    with pytest.raises(FrontMatterError, match="not a mapping"):
        split_front_matter("---\n- a\n- b\n---\n本文\n")


def test_python_tags_are_never_executed():
    with pytest.raises(FrontMatterError):
        split_front_matter("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n")


def test_an_impossible_date_is_kept_as_written():
    # PyYAML reads these as timestamps and would raise ValueError building them.
    front = split_front_matter("---\ntitle: 2025-13-45\ndate: 2025-02-30 25:61:00\n---\n本文\n")
    meta = meta_from_values(front.values)
    assert meta.title == "2025-13-45"
    assert meta.date == "2025-02-30 25:61:00"
    assert split_front_matter("---\ndate: 2025-02-28\n---\n").values["date"].day == 28


@pytest.mark.parametrize(
    ("yaml_text", "date"),
    [
        ("date: !!timestamp notatime", "notatime"),
        ("date: 2025-1-5", "2025-01-05"),  # YAML leaves it a string; Jekyll reads a date
        ("date: [2025-01-01]", "2025-01-01"),
    ],
)
def test_odd_date_forms(yaml_text, date):
    assert meta_from_values(split_front_matter(f"---\n{yaml_text}\n---\n").values).date == date


def test_an_escaped_lone_surrogate_becomes_a_replacement_character():
    front = split_front_matter('---\ntitle: "\\ud800です"\n---\n本文\n')
    assert front.values["title"] == "\ufffdです"


def test_hugo_toml_front_matter_becomes_meta():
    text = (
        '+++\ntitle = "ソニーの決算"\ndate = 2025-01-01T09:00:00+09:00\n'
        'tags = ["決算", "ソニー"]\ndraft = false\n+++\nソニーは増益だった。'
    )
    front = split_front_matter(text)
    meta = meta_from_values(front.values)
    assert meta.title == "ソニーの決算" and meta.tags == ("決算", "ソニー")
    assert meta.date == "2025-01-01T09:00:00+09:00"
    assert meta.extra == {"draft": False}
    assert text[front.body_start :] == "ソニーは増益だった。"
    with pytest.raises(FrontMatterError, match=r"invalid TOML in front matter at line 2"):
        split_front_matter('+++\ntitle = "unclosed\n+++\n本文。')
    with pytest.raises(FrontMatterError, match=r"\+\+\+ on line 1 is never closed"):
        split_front_matter('+++\ntitle = "x"\n本文。')
    with pytest.raises(FrontMatterError, match="nested too deeply"):
        split_front_matter("+++\na = " + "[" * 100_000 + "]" * 100_000 + "\n+++\n本文。")
