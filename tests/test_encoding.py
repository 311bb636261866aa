import codecs

import pytest

from analyzer.encoding import decode
from analyzer.errors import BinaryInputError, DecodeError

TEXT = "㈱東芝の再建計画、①から③の論点。ｶﾀｶﾅも含む。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp932"), "cp932"),
        ("日本銀行は政策金利を据え置いた。円相場は152円台で推移。".encode("euc-jp"), "euc-jp"),
    ],
)
def test_japanese_encodings_are_detected_and_decoded_exactly(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "\ufeff" not in text
    assert text in (TEXT, "日本銀行は政策金利を据え置いた。円相場は152円台で推移。")


def test_nul_bytes_mean_binary():
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_text_not_binary(codec):
    post = "---\ntitle: 決算速報\n---\nソニーの決算は好調だった。\n一方で課題も残る。\n"
    assert decode(post.encode(codec)) == (post, "utf-16")
    assert decode(b"h\x00i\x00\n\x00") == ("hi\n", "utf-16")  # ASCII only


def test_binary_with_few_nul_bytes_is_not_taken_for_utf16():
    for data in (b"abc\x00def\x00\x00ghi", b"\x7fELF\x02\x01\x01\x00" * 8, bytes(range(256))):
        with pytest.raises(BinaryInputError):
            decode(data)


def test_bytes_in_no_supported_encoding_are_an_error_with_the_offset():
    with pytest.raises(DecodeError, match=r"byte offset 3"):
        decode(b"caf\xe9 au lait")


def test_forced_encoding_wins_over_detection():
    data = "半導体".encode("euc-jp")
    assert decode(data, "euc-jp") == ("半導体", "euc-jp")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(data, "klingon")
