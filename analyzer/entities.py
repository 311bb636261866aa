"""Entities, first version: a gazetteer, UniDic proper nouns, unknown words, numeric rules.

Sources of mentions, in order of trust (a later one never overlaps an earlier):
numeric rules (MONEY, DATE, PERCENT, QUANTITY), names from
``corpus/lexicons/gazetteer.tsv``, then runs of UniDic proper nouns and unknown
Latin or katakana words, typed by UniDic's subclass and by affixes (株式会社,
社, 氏, CEO). Mentions are grouped per article: the same name in another width
or case, or another name of the same gazetteer entry (``エヌビディア`` for
``NVIDIA``), is one entity, typed by the majority of its mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from analyzer.numeric import find_numeric
from analyzer.reader import Document
from analyzer.resources import lexicon_lines
from analyzer.result import Entity, Mention
from analyzer.tokenizer import Token

_COMPANY_PREFIXES = frozenset({"株式会社", "有限会社", "合同会社"})
_LEGAL_FORM = re.compile("|".join(_COMPANY_PREFIXES))
_COMPANY_SUFFIXES = frozenset(
    {"株式会社", "社", "ホールディングス", "HD", "グループ", "Inc", "Corp"}
)
TITLES = frozenset(
    {
        "氏",
        "さん",
        "様",
        "君",
        "CEO",
        "CFO",
        "社長",
        "副社長",
        "会長",
        "頭取",
        "首相",
        "大統領",
        "総裁",
        "長官",
        "知事",
        "市長",
        "委員長",
        "理事長",
        "教授",
        "議員",
    }
)
NUMERIC_TYPES = frozenset({"MONEY", "DATE", "PERCENT", "QUANTITY"})
_PROPER_TYPES = {"人名": "PERSON", "地名": "LOCATION", "組織名": "ORG", "一般": "PRODUCT"}


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int  # analysis-text offsets
    end: int
    type: str
    value: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    pattern: re.Pattern[str]
    types: dict[str, str]  # lower-cased name → type
    canonical: dict[str, str]  # lower-cased name (spaces removed) → canonical key


@cache
def gazetteer() -> Gazetteer:
    types: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for kind, *names in lexicon_lines("gazetteer.tsv"):
        for name in names:
            types[name.lower()] = kind
            canonical[_key(name)] = names[0].lower()
    alternatives = "|".join(re.escape(n) for n in sorted(types, key=len, reverse=True))
    return Gazetteer(re.compile(f"(?:{alternatives})", re.IGNORECASE), types, canonical)


@cache
def generic_terms() -> frozenset[str]:
    return frozenset(row[0].lower() for row in lexicon_lines("generic_terms.tsv"))


def _key(name: str) -> str:
    return name.lower().replace(" ", "").replace("・", "")


def extract_entities(doc: Document, sentences: Sequence[Sequence[Token]]) -> list[Entity]:
    text = doc.text
    taken = bytearray(len(text))
    mentions: list[EntityMention] = []

    def claim(mention: EntityMention) -> None:
        if not any(taken[mention.start : mention.end]):
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            mentions.append(mention)

    for sentence in doc.sentences:
        for span in find_numeric(text[sentence.start : sentence.end]):
            if _is_enumerator(doc, span.start + sentence.start):
                continue
            claim(
                EntityMention(
                    span.start + sentence.start, span.end + sentence.start, span.type, span.value
                )
            )
    names = gazetteer()
    for sentence in doc.sentences:
        for match in names.pattern.finditer(text, sentence.start, sentence.end):
            if _whole_word(text, match.start(), match.end()):
                claim(EntityMention(match.start(), match.end(), names.types[match.group().lower()]))
    for tokens in sentences:
        for mention in company_affix_mentions(text, tokens):
            claim(mention)
    generic = generic_terms()
    for tokens in sentences:
        for mention in proper_noun_mentions(text, tokens):
            if text[mention.start : mention.end].lower() not in generic:
                claim(mention)
    return group_mentions(doc, mentions)


def _is_enumerator(doc: Document, start: int) -> bool:
    """①, ⑴, ❶ become digits under NFKC, but in the source they number list items."""
    source_start = doc.textmap.start_of(start)
    return "\u2460" <= doc.source_text[source_start] <= "\u24ff" or (
        "\u2776" <= doc.source_text[source_start] <= "\u2793"
    )


def _script(ch: str) -> str:
    if ch.isascii():
        return "latin" if ch.isalnum() else ""
    if "\u30a0" <= ch <= "\u30ff":
        return "katakana"
    return ""


def _whole_word(text: str, start: int, end: int) -> bool:
    """Latin and katakana names must not continue into a longer word (メタ in メタバース)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    first, last = _script(text[start]), _script(text[end - 1])
    return not (
        (before and first and _script(before) == first)
        or (after and last and _script(after) == last)
    )


def company_affix_mentions(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    """``株式会社ホゲラボ`` and ``ホゲラボ株式会社``: the legal form marks a company name."""
    if not tokens:
        return []
    found = []
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    for form in _LEGAL_FORM.finditer(text, tokens[0].start, tokens[-1].end):
        j = by_start.get(form.end())
        end = form.end()
        while j is not None and j < len(tokens) and _is_company_part(tokens[j]):
            end = tokens[j].end
            j = j + 1 if j + 1 < len(tokens) and tokens[j + 1].start == end else None
        if end > form.end():
            found.append(EntityMention(form.start(), end, "COMPANY"))
            continue
        k = by_end.get(form.start())
        start = form.start()
        while k is not None and k >= 0 and _is_company_part(tokens[k]):
            start = tokens[k].start
            k = k - 1 if k > 0 and tokens[k - 1].end == start else None
        if start < form.start():
            found.append(EntityMention(start, form.end(), "COMPANY"))
    return found


def _is_company_part(token: Token) -> bool:
    return (
        token.pos[0] == "名詞"
        and token.pos[1] != "数詞"
        and token.surface not in ("株式", "会社", "有限", "合同")
    ) or (token.unknown and token.surface.isalnum())


def proper_noun_mentions(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    found: list[EntityMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not _is_name_part(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _is_name_part(tokens[j]) and _adjacent(text, tokens[j - 1], tokens[j]):
                j += 1
            elif (  # ジェンスン・フアン: a middle dot joins the parts of a foreign name
                tokens[j].surface == "・"
                and j + 1 < n
                and _is_name_part(tokens[j + 1])
                and tokens[j - 1].end == tokens[j].start
                and tokens[j].end == tokens[j + 1].start
            ):
                j += 2
            else:
                break
        run = tokens[i:j]
        start, end = run[0].start, run[-1].end
        kind = _type_of(run)
        before = tokens[i - 1] if i > 0 else None
        after = tokens[j] if j < n else None
        if before is not None and before.surface in _COMPANY_PREFIXES and before.end == start:
            kind, start = "COMPANY", before.start
        elif after is not None and after.surface in _COMPANY_SUFFIXES:
            kind = "COMPANY"
            if after.surface in ("株式会社", "ホールディングス", "HD"):
                end = after.end
        elif after is not None and after.surface in TITLES and kind != "LOCATION":
            kind = "PERSON"
        found.append(EntityMention(start, end, kind))
        i = j
    return found


def _is_name_part(token: Token) -> bool:
    if token.surface in TITLES:
        return False
    if token.pos[1] == "固有名詞":
        return True
    surface = token.surface
    if not token.unknown or not surface:
        return False
    # Unknown capitalised Latin words or katakana words are mostly names in this genre;
    # lower-case Latin words are English prose.
    if surface.isascii():
        return surface[0].isupper() or (surface[0].isdigit() and any(c.isalpha() for c in surface))
    return all("\u30a0" <= c <= "\u30ff" for c in surface)


def _adjacent(text: str, left: Token, right: Token) -> bool:
    if left.end == right.start:
        return True
    return (
        text[left.end : right.start] == " " and left.surface.isascii() and right.surface.isascii()
    )


def _type_of(run: Sequence[Token]) -> str:
    kinds = [_PROPER_TYPES.get(t.pos[2], "ORG") for t in run if t.pos[1] == "固有名詞"]
    if "PERSON" in kinds:
        return "PERSON"
    if kinds and all(k == "LOCATION" for k in kinds):
        return "LOCATION"
    if "ORG" in kinds or not kinds:
        return "ORG"
    return kinds[0]


def group_mentions(doc: Document, mentions: Sequence[EntityMention]) -> list[Entity]:
    canonical = gazetteer().canonical
    groups: dict[str, list[EntityMention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        name = _key(doc.text[mention.start : mention.end])
        numeric = mention.type in NUMERIC_TYPES
        key = f"{mention.type}:{name}" if numeric else canonical.get(name, name)
        groups.setdefault(key, []).append(mention)
    entities = []
    for members in groups.values():
        names = Counter(doc.text[m.start : m.end] for m in members)
        types = Counter(m.type for m in members)
        first_name = doc.text[members[0].start : members[0].end]
        entities.append(
            Entity(
                text=max(names, key=lambda name: (names[name], name == first_name)),
                type=max(types, key=lambda t: (types[t], t == members[0].type)),
                count=len(members),
                mentions=tuple(Mention(*doc.source_span(m.start, m.end)) for m in members),
                value=members[0].value,
                spans=tuple((m.start, m.end) for m in members),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return entities
