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


def test_bytes_in_no_supported_encoding_are_an_error_with_the_offset():
    with pytest.raises(DecodeError, match=r"byte offset 3"):
        decode(b"caf\xe9 au lait")


def test_forced_encoding_wins_over_detection():
    data = "半導体".encode("euc-jp")
    assert decode(data, "euc-jp") == ("半導体", "euc-jp")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(data, "klingon")
