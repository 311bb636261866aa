"""Bytes to text for the encodings Japanese posts come in.

A BOM decides outright. Bytes with NULs are binary, but for UTF-16 written without
its BOM, told by where the NULs fall. Otherwise UTF-8 is tried strictly, then the legacy
Japanese encodings; when more than one of those decodes the bytes, the one whose
text looks most like Japanese wins. Nothing is ever decoded with replacement
characters: bytes that fit none of the encodings are an error.
"""

from __future__ import annotations

import codecs

from analyzer.errors import BinaryInputError, DecodeError
from analyzer.startup import regex

_SURROGATE = regex("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD, so that JSON output is valid UTF-8.
    Article text never has them; names can: a file name whose bytes are not UTF-8
    (Python keeps such bytes as surrogates) or a YAML escape such as ``"\\ud800"``."""
    return _SURROGATE.sub("\ufffd", text)


SUPPORTED = ("utf-8", "utf-8-sig", "utf-16", "cp932", "euc-jp")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_LEGACY = ("cp932", "euc-jp")
# Names users type for --encoding, mapped to what Python calls them.
_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16-le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "utf-16-be": "utf-16-be",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "cp932": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "euc-jp": "euc-jp",
    "eucjp": "euc-jp",
}
_SNIFF = 8192


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding name)`` for ``data``, or raise DecodeError/BinaryInputError."""
    if forced:
        return _decode_forced(data, forced)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Checked before UTF-16, whose little-endian BOM is a prefix of UTF-32's.
        raise DecodeError("UTF-32 text is not supported; convert it to UTF-8")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(_describe(exc, name, len(bom))) from None
            if "\x00" in text:
                raise BinaryInputError("binary file (NUL characters after a text BOM), not text")
            return text, name
    if _looks_binary(data):
        found = _utf16_without_bom(data)
        if found is None:
            raise BinaryInputError("binary file (contains NUL bytes), not text")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        candidates = []
        for codec in _LEGACY:
            try:
                text = data.decode(codec)
                candidates.append((_japanese_score(text[:65536]), codec, text))
            except UnicodeDecodeError:
                continue
        if not candidates:
            raise DecodeError(
                _describe(utf8_error, "UTF-8", 0)
                + "; not Shift_JIS/CP932 or EUC-JP either (use --encoding to force one)"
            ) from None
        _, codec, text = max(candidates, key=lambda c: c[0])
        return text, codec


def normalise_encoding_name(name: str) -> str:
    codec = _ALIASES.get(name.strip().lower())
    if codec is None:
        raise DecodeError(
            f"unknown encoding {name!r}; use one of utf-8, utf-16, shift_jis (cp932), euc-jp"
        )
    return codec


def _decode_forced(data: bytes, name: str) -> tuple[str, str]:
    codec = normalise_encoding_name(name)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return data.decode(codec), codec.removesuffix("-le").removesuffix("-be")
    except UnicodeDecodeError as exc:
        raise DecodeError(_describe(exc, codec, 0)) from None


def _describe(exc: UnicodeDecodeError, label: str, shift: int) -> str:
    offset = exc.start + shift
    bad = exc.object[exc.start : exc.start + 4].hex(" ")
    return f"cannot decode as {label}: invalid byte sequence {bad} at byte offset {offset}"


def _looks_binary(data: bytes) -> bool:
    """Whether ``data`` has a NUL byte anywhere (not only near its start: a NUL past the
    first block made an article's whole text vanish, with no error)."""
    return b"\x00" in data


_CONTROL = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 written without its byte-order mark (some Windows tools), or
    None. The NUL bytes of its ASCII characters (line feeds at least) fall on odd
    offsets in little-endian and even in big-endian; the text must then read as
    Japanese or ASCII prose, with no control characters: binary data does not."""
    if len(data) % 2:
        return None
    head = data[:_SNIFF]
    codec = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    sample = text[:65536]
    if _CONTROL.search(text) or _japanese_score(sample) < 0.9:
        return None
    # Japanese prose has kana among its kanji; pairs of ASCII bytes read as UTF-16 are
    # kanji-like characters alone (abc\0def\0 → 扡c敤f)
    wide = [ch for ch in sample if ord(ch) >= 0x80]
    kana = sum(0x3040 <= ord(ch) <= 0x30FF for ch in wide)
    if len(wide) > len(sample) / 10 and kana < len(wide) / 20:
        return None
    return text, "utf-16"


def _japanese_score(text: str) -> float:
    """Share of characters typical of Japanese prose; mojibake scores low."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if (
            code < 0x80
            or 0x3040 <= code <= 0x30FF  # hiragana, katakana
            or 0x4E00 <= code <= 0x9FFF  # common kanji
            or 0x3000 <= code <= 0x303F  # Japanese punctuation
            or 0xFF01 <= code <= 0xFF5E  # full-width ASCII
        ):
            good += 1
        elif 0xFF61 <= code <= 0xFF9F:  # half-width katakana: rare in real text
            good -= 1
    return good / len(text)
