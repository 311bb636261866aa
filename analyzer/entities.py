"""Entities: numeric rules, name lists and a trained tagger, grouped per article.

Sources of mentions, in order of trust (a later one never overlaps an earlier):
numeric rules (MONEY, DATE, PERCENT, QUANTITY; ``analyzer/numeric.py``), the
user's own names (``--entities-file``), the names of
``corpus/lexicons/gazetteer.tsv``, company names marked by a legal form
(株式会社), then the CRF tagger (``analyzer/ner.py``) trained on the Stockmark
Wikipedia NER data. Mentions are grouped per article: the same name in another
width or case, or another name of the same list entry (``エヌビディア`` for
``NVIDIA``), is one entity, typed by the majority of its mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from analyzer.frontmatter import calendar_date
from analyzer.ner import TYPES, tag
from analyzer.numeric import Timeline, find_numeric
from analyzer.reader import Document
from analyzer.resources import lexicon_lines, lexicon_path, sha256
from analyzer.result import Entity, Mention
from analyzer.startup import kept, regex
from analyzer.tokenizer import Token, tokenize

# Legal forms; a real estate investment trust's, 投資法人, comes after its name only; an
# audit firm's before it or after (有限責任監査法人トーマツ, あずさ監査法人).
_COMPANY_PREFIXES = frozenset(
    {"株式会社", "有限会社", "合同会社", "投資法人", "有限責任監査法人", "監査法人"}
)
_KANA_OR_LATIN = regex(r"[\u30a1-\u30fa\u30fcA-Za-z]")
_LEGAL_FORM = regex("|".join(_COMPANY_PREFIXES))


def _words(text: str) -> frozenset[str]:
    """A set of words written as space-separated text (long word lists read better)."""
    return frozenset(text.split())


# What news writes after a name: honorifics, offices, ministers, professions. None is
# the end of a name in the Stockmark train gold but 氏 and さん (甲斐武田氏, プーさん).
TITLES = _words(
    """
    氏 さん 様 君
    CEO CFO COO CTO CIO CMO 最高経営責任者 最高財務責任者
    社長 副社長 会長 副会長 頭取 副頭取 取締役 代表取締役 社外取締役 専務 常務 執行役員
    部長 本部長 所長 室長 支店長 工場長 店長 理事長 副理事長 理事 事務局長 事務総長 創業者
    共同創業者 会頭 副会頭 代表幹事 相談役 顧問 名誉会長 共同代表 代表理事 参与 内閣官房参与
    董事長 総経理
    首相 大統領 副大統領 総裁 副総裁 長官 次官 財務官 大臣 知事 市長 町長 村長 区長 議員 議長
    都知事 府知事 県知事
    通商代表 報道官 大使 特使
    財務長官 国務長官 商務長官 国防長官 司法長官 内務長官 農務長官 運輸長官 エネルギー長官
    委員長 幹事長 政調会長 総務会長
    外相 財務相 経産相 防衛相 経済再生相 農相 法相 厚労相 文科相 国交相 総務相
    経済産業相 国土交通相 厚生労働相 文部科学相 農林水産相 環境相 デジタル相 復興相 経済安保相
    経済再生担当相 経済安全保障担当相 経済財政担当相 少子化担当相 地方創生担当相 万博担当相
    経済財政政策担当相 金融担当相 こども政策担当相 官房副長官 経済財政相 金融相 外務相
    アナリスト エコノミスト ストラテジスト 研究員 記者 編集長 教授 准教授 博士 弁護士 会計士
    監督 選手 投手
    初段 二段 三段 四段 五段 六段 七段 八段 九段 二冠 三冠 四冠 五冠 六冠 七冠 八冠
    元帥 大将 中将 少将 大佐 中佐 少佐 大尉 中尉 少尉 提督 陸将 海将 空将 参謀
    """
)
# Longest first, so that 副社長 goes whole, not as 社長 leaving 副.
_TITLES_LONGEST_FIRST = tuple(sorted(TITLES, key=len, reverse=True))
# What may stand before such a title: 上野剛志|上席|エコノミスト, longest first.
TITLE_PREFIXES = (
    "エグゼクティブ・",  # 木内登英|エグゼクティブ・エコノミスト
    "エグゼクティブ",
    "チーフ・",
    "シニア・",
    "チーフマーケット",
    "チーフテクニカル",
    "マーケット",
    "テクニカル",
    "チーフ",
    "シニア",
    "首席",
    "主席",
    "上席",
    "主任",
    "名誉",  # 山中伸弥|名誉|所長
    "特任",
    "客員",
    "駐日米",  # グラス駐日米大使
    "駐日",
    "駐米",
)
# ... those of them in kanji, which the tagger may end a name with (宮坂力特任|教授)
_KANJI_TITLE_PREFIXES = tuple(
    p for p in TITLE_PREFIXES if all("\u4e00" <= c <= "\u9fff" for c in p)
)
NUMERIC_TYPES = frozenset({"MONEY", "DATE", "PERCENT", "QUANTITY"})
# Countries as news prefixes them to names, one kanji each (米アップル, 英アーム).
_COUNTRIES = "米英独仏中韓日豪台露印加蘭伊"
# No name is longer: the longest Stockmark train gold name has 83 characters (a book's
# English title).
_LONGEST_NAME = 100


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int  # analysis-text offsets
    end: int
    type: str
    value: dict[str, Any] | None = None
    # Typed by what the text says of the name (株式会社, 大手の, AIスタートアップの), not by
    # the tagger: an entity with such a mention takes its type from them.
    described: bool = False


@dataclass(frozen=True, slots=True)
class NameList:
    """Names with their type and aliases: the gazetteer, or a user's entities file.

    The gazetteer's names are looked up where a token starts and ends (a listed name
    that splits a token is part of a longer word); a user's names are found anywhere,
    with a regular expression (fine for the few names of a file, slow for hundreds).
    """

    types: dict[str, str]  # lower-cased name → type
    canonical: dict[str, str]  # lower-cased name (spaces, middle dots removed) → entry key
    lengths: dict[str, tuple[int, ...]]  # first two characters, lower-cased → name lengths
    cased: dict[str, frozenset[str]]  # short Latin names (WHO, Arm, Meta) → their spellings
    pattern: re.Pattern[str] | None = None  # the user's names, anywhere
    version: str = ""  # of a user's file: the start of its sha256
    display: dict[str, str] = field(default_factory=dict)  # entry key → its first name

    @classmethod
    def of(
        cls,
        entries: Sequence[tuple[str, Sequence[str]]],
        version: str = "",
        anywhere: bool = False,
    ) -> NameList:
        """From (type, [name, alias, ...]) entries; the first name keys the entry."""
        types: dict[str, str] = {}
        canonical: dict[str, str] = {}
        display: dict[str, str] = {}
        lengths: dict[str, set[int]] = {}
        cased: dict[str, set[str]] = {}
        for kind, names in entries:
            display.setdefault(names[0].lower(), names[0])
            dotless = _without_dots(names)
            for name in names:
                types[name.lower()] = kind
            for name in dotless:  # a name listed as written comes first
                types.setdefault(name.lower(), kind)
            for name in (*names, *dotless):
                canonical[_key(name)] = names[0].lower()
                lengths.setdefault(name[:2].lower(), set()).add(len(name))
                if len(name) <= _CASED_LENGTH and name.isascii():
                    cased.setdefault(name.lower(), set()).add(name)
        pattern = None
        if anywhere and types:
            alternatives = "|".join(re.escape(n) for n in sorted(types, key=len, reverse=True))
            pattern = re.compile(f"(?:{alternatives})", re.IGNORECASE)
        by_prefix = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        spellings = {k: frozenset(v) for k, v in cased.items()}
        return cls(types, canonical, by_prefix, spellings, pattern, version, display)

    def _type_of(self, written: str) -> str | None:
        """The type of a name as written, if listed: any case for longer names
        (``Nvidia``), the listed case for short Latin ones (``WHO``, not ``who``)."""
        key = written.lower()
        kind = self.types.get(key)
        if kind is not None and key in self.cased and written not in self.cased[key]:
            return None
        return kind

    def find(self, text: str, tokens: Sequence[Token], start: int, end: int) -> list[Match]:
        """(start, end, type) of the names in text[start:end], longest first where they
        overlap: anywhere for a user's names, else from a token start to a token end."""
        found = []
        if self.pattern is not None:
            for match in self.pattern.finditer(text, start, end):
                kind = self._type_of(match.group())
                if kind is not None:
                    found.append((*match.span(), kind))
            return found
        ends = {t.end for t in tokens}
        at = start
        for token in tokens:
            s = token.start
            if s < at:
                continue
            for key in (text[s : s + 2].lower(), text[s].lower()):
                for n in self.lengths.get(key, ()):
                    kind = self._type_of(text[s : s + n]) if s + n in ends else None
                    if kind is not None:
                        found.append((s, s + n, kind))
                        at = s + n
                        break
                else:
                    continue
                break
        return found


def _without_dots(names: Sequence[str]) -> list[str]:
    """Names with middle dots, as also written without them: news and blogs differ
    (ゴールドマン・サックス and ゴールドマンサックス, ドン・キホーテ and ドンキホーテ), and
    names with a space between Latin letters and Japanese script, as also written
    without it (eMAXIS Slim 全世界株式 and eMAXIS Slim全世界株式)."""
    out = [name.replace("・", "") for name in names if "・" in name]
    out += [
        joined
        for name in (*names, *out)
        if " " in name and (joined := _SCRIPT_SPACE.sub("", name)) != name
    ]
    return out


# A space between Latin letters or digits and Japanese script, either way round.
_SCRIPT_SPACE = regex(
    r"(?<=[A-Za-z0-9]) (?=[\u3041-\u30ff\u4e00-\u9fff])"
    r"|(?<=[\u3041-\u30ff\u4e00-\u9fff]) (?=[A-Za-z0-9])"
)


Match = tuple[int, int, str]
_CASED_LENGTH = 4  # Latin names this short match only as listed: WHO is not "who"


@cache
def gazetteer() -> NameList:
    path = lexicon_path("gazetteer.tsv")
    return NameList(*kept("gazetteer", _gazetteer_tables, path, Path(__file__)))


def _gazetteer_tables() -> tuple[Any, ...]:
    listed = NameList.of([(kind, names) for kind, *names in lexicon_lines("gazetteer.tsv")])
    return tuple(getattr(listed, f.name) for f in fields(NameList))


NAME_TYPES = tuple(TYPES.values())


@cache
def read_names(path: str) -> NameList:
    """A user's entities file: one name per line, ``name<TAB>TYPE[<TAB>alias...]``;
    blank lines and lines starting with # are skipped. Raises ValueError naming the
    line of the first problem."""
    entries = []
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from None
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or not fields[0]:
            raise ValueError(f"line {number}: expected name<TAB>TYPE[<TAB>alias...]")
        kind = fields[1].upper()
        if kind not in NAME_TYPES:
            raise ValueError(
                f"line {number}: unknown type {fields[1]!r} (one of {', '.join(NAME_TYPES)})"
            )
        names = [fields[0], *(a for a in fields[2:] if a)]
        if any(len(name) > _LONGEST_NAME for name in names):
            raise ValueError(f"line {number}: a name longer than {_LONGEST_NAME} characters")
        entries.append((kind, names))
    return NameList.of(entries, sha256(data).hexdigest()[:12], anywhere=True)


@cache
def generic_terms() -> frozenset[str]:
    """The generic terms, each also in its other katakana spelling: with or without a
    last long vowel mark (サーバー and サーバ, メモリー and メモリ, as style guides differ)."""
    terms = {row[0].lower() for row in lexicon_lines("generic_terms.tsv")}
    return frozenset(
        terms
        | {t[:-1] for t in terms if len(t) > 3 and t.endswith("ー")}
        | {t + "ー" for t in terms if len(t) >= 3 and _is_katakana(t[-1]) and t[-1] != "ー"}
    )


def _key(name: str) -> str:
    """What names one entity: case, spaces and middle dots aside, and 原発 the short
    form of 原子力発電所 (柏崎刈羽原発 and 柏崎刈羽原子力発電所 are one plant)."""
    return name.lower().replace(" ", "").replace("・", "").replace("原子力発電所", "原発")


_GOVERNMENTS = ("政権", "内閣")  # after a person's name: a government


def _source_mention(doc: Document, mention: EntityMention) -> Mention:
    """Where ``mention`` is in the source, without the spaces a Markdown escape or a
    normalised character mapped to may hold at its ends (``エ\\ ``)."""
    start, end = doc.source_span(mention.start, mention.end)
    source = doc.source_text
    while end - start > 1 and source[end - 1].isspace():
        end -= 1
    while end - start > 1 and source[start].isspace():
        start += 1
    return Mention(start, end)


def extract_entities(
    doc: Document, sentences: Sequence[Sequence[Token]], names: NameList | None = None
) -> list[Entity]:
    """The article's entities; ``names`` are the user's own (``read_names``)."""
    text = doc.text
    taken = bytearray(len(text))
    mentions: list[EntityMention] = []

    def claim(mention: EntityMention) -> None:
        if mention.end - mention.start > _LONGEST_NAME:
            return  # a run of text the tagger took whole (50,000 あ in a bad file)
        if text[mention.start].isspace() or text[mention.end - 1].isspace():
            # no name starts or ends with a space (a no-break space NFKC made one)
            stripped = text[mention.start : mention.end].strip()
            if not stripped:
                return
            start = text.index(stripped, mention.start)
            mention = replace(mention, start=start, end=start + len(stripped))
        if not any(taken[mention.start : mention.end]):
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            mentions.append(mention)

    reference = _article_date(doc)
    timeline = Timeline(reference)
    previous_end = 0
    tagged = [tag(tokens) for tokens in sentences]
    for sentence, found in zip(doc.sentences, tagged, strict=True):
        if "\n" in text[previous_end : sentence.start]:  # a new paragraph, heading or item
            timeline = Timeline(reference)
        previous_end = sentence.end
        for span in find_numeric(text[sentence.start : sentence.end], reference, timeline):
            start, end = span.start + sentence.start, span.end + sentence.start
            if (
                _is_enumerator(doc, start)
                or _starts_a_person(text, start, end, found)
                or (span.type == "QUANTITY" and _inside_a_product(start, end, found))
            ):
                continue
            claim(EntityMention(start, end, span.type, span.value))
    for code in _TICKER_AFTER.finditer(text):  # (NASDAQ: CRWV), （6789）: no name of its own
        word = _LATIN_WORD_BEFORE.search(text, max(0, code.start() - 40), code.start())
        if _is_stock_code(code, word.group() if word else ""):
            taken[code.start("code") : code.end("code")] = b"\x01" * len(code.group("code"))
    for start, end in code_words(doc):  # `expect` / `actual`: a program's words, no names
        taken[start:end] = b"\x01" * (end - start)
    for reading in _READING.finditer(text):  # 毛籠勝弘（もろ・まさひろ）: no name of its own
        taken[reading.start("kana") : reading.end("kana")] = b"\x01" * len(reading["kana"])
    product_lines: list[tuple[int, int]] = []  # listed products named further: Gemini 2.5 Pro
    named_further: list[tuple[int, int]] = []  # listed names left to the tagger's longer one
    # names quoted after a kind of product or place (ホテル「ジャヌ東京」): no listed name
    # inside them is one of its own
    products_quoted = quoted_products(text, generic_terms())
    facilities_quoted = quoted_facilities(text, generic_terms())
    kind_quotes = products_quoted + facilities_quoted
    # ... nor inside a firm's name its legal form marks (日本|ビルファンド投資法人)
    affixed = [company_affix_mentions(text, tokens) for tokens in sentences]
    kind_quotes += [(m.start, m.end) for found in affixed for m in found]
    for match in _FUND_NAME.finditer(text):  # NEXT FUNDS 日経平均…上場投信, cut by the tagger
        claim(EntityMention(match.start(), match.end(), "PRODUCT"))
    for match in _POWER_BRAND.finditer(text):  # 楽天でんき, before the listed 楽天 in it
        claim(EntityMention(match.start(), match.end(), "PRODUCT"))
    for listed, trusted in ((names, True), (gazetteer(), False)):
        if listed is None or not listed.types:
            continue
        for sentence, tokens, by_tagger in zip(doc.sentences, sentences, tagged, strict=True):
            for start, end, kind in listed.find(text, tokens, sentence.start, sentence.end):
                if kind == "LOCATION" and _opens_tagged_name(text, tokens, start, end, by_tagger):
                    continue  # 台湾・中華職業棒球大聯盟, 東京・麻布台ヒルズの森JPタワー: one name
                if kind == "LOCATION" and _BEST_IN.match(text, end):
                    continue  # 日本一となった: the best in Japan, no place named
                if (
                    kind == "LOCATION"
                    and text[end - 1] in "都道府県"
                    and end - start >= 3  # a prefecture's whole name, not 京都|などの大都市
                    and (city := _KANA_CITY_AFTER.match(text, end)) is not None
                ):
                    end = city.end()  # 沖縄県|うるま市: one place, as the tagger's below
                if kind == "COMPANY" and _FUND_NAMED_AFTER.match(text, end):
                    continue  # 楽天・全米株式インデックス・ファンド: the fund's name, the tagger's
                if kind == "EVENT" and (year := _EVENT_YEAR.match(text, end)):
                    end = year.end()  # WWDC25: that year's
                elif kind == "EVENT" and (
                    year := _YEAR_BEFORE.search(text, max(0, start - 5), start)
                ):
                    # 2026年春闘, as a tagged event keeps its year (2008年北京オリンピック)
                    _release_dates(text, mentions, taken, year.start(), start)
                    if not any(taken[year.start() : start]):
                        start = year.start()
                if kind == "COMPANY" and (short := _GROUP_SHORT_FORM_AFTER.match(text, end)):
                    end = short.end()  # キリン|HD、…: a headline's holding company
                if not (_whole_word(text, start, end) or _dotted_list(text, start, end, listed)):
                    continue
                # A listed name inside a longer one (日本 in 日本製鉄) is left to the
                # tagger, but for a company's shares, results, founders, offices or units
                # (ドイツテレコム株, テスラ決算, アマゾン創業者, typed a place); the user's
                # own names are always taken.
                of_the_firm = (
                    kind == "COMPANY"
                    and text.startswith(_OF_THE_FIRM, end)
                    and (  # not 日本|マイクロソフト本社, a longer name's
                        start == 0
                        or text[start - 1] in COUNTRY_KANJI
                        or not (
                            _kanji(text[start - 1])
                            or _is_katakana(text[start - 1])
                            or (text[start - 1].isascii() and text[start - 1].isalnum())
                        )
                    )
                )
                if kind == "PERSON" and text.startswith(_GOVERNMENTS, end):
                    # トランプ政権 (トランプ, a common noun to MeCab, the tagger misses):
                    # 32 of 33 Stockmark train names ending so are political bodies
                    claim(EntityMention(start, end + 2, "POLITICAL_ORG"))
                    continue
                if kind == "PRODUCT" and not trusted and (tail := _VERSION_TAIL.match(text, end)):
                    product_lines.append((start, tail.end()))
                if (
                    kind == "PRODUCT"
                    and not trusted
                    and (named := _LATIN_MODEL_AFTER.match(text, end)) is not None
                    and named.group(1) not in TITLES
                    and not any(s < named.end() and start < e for s, e, _ in by_tagger)
                ):  # Gemini CLI, which the tagger missed: the listed product named further
                    claim(EntityMention(start, named.end(), "PRODUCT"))
                    continue
                if (
                    kind == "PRODUCT"
                    and not trusted
                    and _is_katakana(text[end - 1])
                    and (drive := _POWERTRAIN_AFTER.match(text, end)) is not None
                    and not any(s < drive.end() and start < e for s, e, _ in by_tagger)
                ):  # プリウスPHEV, missed: a listed model and its powertrain, one product
                    claim(EntityMention(start, drive.end(), "PRODUCT"))
                    continue
                longer = kind in ("PRODUCT", "COMPANY") and _longer_product_name(text, start, end)
                if longer:
                    named_further.append((start, end))
                if not trusted and any(
                    b + 1 == start
                    and text[b] == " "
                    and any(s <= a and end <= e for s, e, _ in by_tagger)
                    for a, b in named_further[-1:]
                ):  # Amazon Aurora PostgreSQL: the end of a listed product named further
                    continue
                if trusted or not (
                    (_inside_compound(text, tokens, start, end) and not of_the_firm)
                    or (
                        kind == "POLITICAL_ORG"
                        and _kanji(text[start:end])  # 財務省; not 米|FRB, the US body
                        and _after_a_country(text, tokens, start)
                    )
                    or longer
                    or _opens_a_title(text, start, end)
                    or _one_of_a_kind(text, tokens, start, end)  # …を中心とする|連合は
                    or _in_longer_quoted_name(text, start, end)
                    or _LATIN_NAME_GOES_ON.match(text, end) is not None  # Nintendo of America
                    or any(a <= start and end <= b and b - a > end - start for a, b in kind_quotes)
                ):
                    if kind == "COMPANY" and _quoted_after_product_kind(text, start):
                        kind = "PRODUCT"  # 決済サービス「PayPay」: the firm's service
                    elif kind == "COMPANY":  # トヨタ自動車株式会社: the legal form is the name's
                        start, end = _with_legal_form(text, start, end)
                    claim(EntityMention(start, end, kind))
    for tokens, found, formed in zip(sentences, tagged, affixed, strict=True):
        for mention in formed:
            claim(_as_tagged(text, mention, found))
        for mention in holding_companies(tokens):
            claim(mention)
        for mention in officers_missed(text, tokens, found):
            claim(mention)
        for mention in described_company_mentions(text, tokens):
            claim(mention)
        for mention in abbreviated_bodies(text, tokens):
            claim(mention)
        for mention in policy_headquarters(text, tokens):
            claim(mention)
        for start, end in route_ends(tokens):  # 羽田―ニューヨーク線: two places
            claim(EntityMention(start, end, "LOCATION"))
    for start, end in self_introduced(text, doc.meta.author):  # こんにちは、みなとです
        claim(EntityMention(start, end, "PERSON"))
    for start, end in dotted_firms(text):  # ロベコ・グループ, before the tagger's マキシム|・…
        claim(EntityMention(start, end, "COMPANY"))
    for match in _NAMED_GROUP.finditer(text):  # 武装組織フーシ派, missed
        claim(EntityMention(match.start(), match.end(), "ORG"))
    for match in _TYPHOON.finditer(text):  # 台風10号, missed: the storm, an event
        claim(EntityMention(match.start(), match.end(), "EVENT"))
    for match in _DIET_SESSION.finditer(text):  # 臨時国会, read as the Diet: its session
        claim(EntityMention(match.start(), match.end(), "EVENT"))
    for match in _TERMINAL.finditer(text):  # 第1ターミナル, missed: an airport's building
        claim(EntityMention(match.start(), match.end(), "FACILITY"))
    for match in _NATIONAL_ROAD.finditer(text):  # 国道58号, missed: a road, a facility
        claim(EntityMention(match.start(), match.end(), "FACILITY"))
    for start, end in firms_listed(text, generic_terms()):  # テラチャージやエネチェンジなどの企業
        claim(EntityMention(start, end, "COMPANY", described=True))
    for start, end, kind in head_offices(text, generic_terms()):  # ポケトーク（東京・港）
        claim(EntityMention(start, end, kind, described=kind == "COMPANY"))
    generic = generic_terms()
    known = gazetteer()
    rice = _RICE_WORDS.search(text) is not None
    # 比亜迪(BYD): before the tagger, which may take part of the kanji for another name,
    # and again after it, beside the Latin names it found
    for start, end in kanji_names_of_firms(text, sentences, list(mentions), generic):
        claim(EntityMention(start, end, _firm_or_site(text, start, end)))
    for sentence, tokens, found in zip(doc.sentences, sentences, tagged, strict=True):
        zone = sentence.zone
        # The tagger's spans, mended in turn (each pass's docstring says what it mends).
        spans = _subsidiaries(text, found)
        spans = _given_names(tokens, spans)
        spans = _titled_persons(text, tokens, spans)
        spans = _representatives(tokens, spans)
        spans = _joined_bodies(text, tokens, spans)
        spans = _split_at_and(text, tokens, spans)
        spans = _split_at_route_dash(text, spans)
        spans = _split_at_particles(text, tokens, spans)
        spans = _split_tagged(text, spans)
        spans = _full_foreign_names(text, spans)
        for start, end, kind in _person_and_office(text, spans, known):
            if _kanji_list(text[start:end]):  # 千代田・中央・港・新宿・渋谷: places, listed
                for part_start, part_end in _list_places(text, tokens, start, end):
                    claim(EntityMention(part_start, part_end, "LOCATION"))
                continue
            if kind != "LOCATION" and (places := _town_and_district(text, tokens, start, end)):
                for part_start, part_end in places:  # 鎌倉・由比ヶ浜, typed an organisation
                    claim(EntityMention(part_start, part_end, "LOCATION"))
                continue
            start = _word_start(tokens, start)
            if kind == "PERSON":
                start = _numeral_head(tokens, start)
            tagged_kind = kind
            for part_start, part_end in _clean(text, start, end):
                kind = tagged_kind  # each part from the tagger's type, whatever came before
                if _after_speaker_label(text, start, part_start):
                    # 竹増:|auショップ, typed an event with the label: what the speaker says,
                    # tagged again on its own (田村:|九州大学, a university)
                    if (retagged := _retagged(text, part_start, part_end)) is None:
                        continue
                    kind = retagged
                elif (
                    kind == "EVENT"
                    and (part_start, part_end) != (start, end)
                    and ":" in text[start:end]
                ):
                    kind = _retagged_between_marks(text, part_start, part_end) or kind
                part_start = _after_spaced_word(text, tokens, part_start, part_end)
                part_start = _after_inflection(text, tokens, part_start, part_end)
                if (after := _after_listed_place(text, mentions, taken, part_start, part_end)) > (
                    part_start
                ):
                    part_start = after
                    if _one_place(tokens, part_start, part_end):  # 東京・|銀座, typed ORG
                        claim(EntityMention(part_start, part_end, "LOCATION"))
                        continue
                    if "の" in text[part_start:part_end] and not _FACILITY_END.search(
                        text, part_start, part_end
                    ):  # 浅草公園六区の帝国館: two names (not 麻布台ヒルズの森JPタワー, one site)
                        continue
                if (
                    (kind_word := _KIND_OF_FIRM.match(text, part_start, part_end))
                    and part_end - kind_word.end() >= 2
                    and not _quoted_whole(text, part_start, part_end)  # 「スタートアップ育成…計画」
                    and _PLAN_END.search(text[part_start:part_end]) is None  # nor unquoted
                ):  # 日本法人|アンソロピック・ジャパン: what the firm is, then its name
                    part_start = kind_word.end()
                elif (
                    kind == "PRODUCT"
                    and (device := _DEVICE_BEFORE_MODEL.match(text, part_start, part_end))
                    and part_end - device.end() >= 2
                ):  # ワイヤレスヘッドホン|WH-1000XM6: a kind of device, then its model
                    part_start = device.end()
                elif (
                    kind == "COMPANY"
                    and (country := _COUNTRY_BEFORE_FIRM.match(text, part_start, part_end))
                    and part_end - country.end() >= 2
                ):  # 中国|アリババ集団: the country, then the firm
                    claim(EntityMention(part_start, country.end(), "LOCATION"))
                    part_start = country.end()
                elif (
                    kind == "FACILITY"
                    and (site := _PLACE_OF_SITE.match(text, part_start, part_end))
                    and part_end - site.end() >= 3
                    and _one_place(tokens, part_start, site.end("place"))
                ):  # 長崎の|ピーススタジアム: the place, then the site (the train's one
                    # facility so named, 帯広の森運動公園, goes on in kanji)
                    claim(EntityMention(part_start, site.end("place"), "LOCATION"))
                    part_start = site.end()
                if guest := _firm_then_person(text, tokens, part_start, part_end, generic):
                    # ゲスト：ログラス|布川さん, typed a facility: the firm, then its person
                    claim(EntityMention(part_start, guest, "COMPANY"))
                    claim(EntityMention(guest, part_end, "PERSON"))
                    continue
                if part_start >= part_end or any(
                    line_start == part_start and part_end < line_end
                    for line_start, line_end in product_lines
                ):  # I/OでGemini| 2.5 Pro, typed a firm: the listed product's whole line
                    continue
                part_end = _without_full_stop(
                    text, part_start, _hyphened_tail(text, part_end, kind)
                )
                if (count := _SPACED_COUNT_END.search(text, part_start, part_end)) is not None:
                    part_end = count.start()  # Galaxy S26| 2台目, iPhone 17| 2か月: a count
                if text.endswith("インデックス", part_start, part_end) and (
                    fund := _FUND_AFTER.match(text, part_end)
                ):
                    part_end = fund.end()  # 楽天・全米株式インデックス|・ファンド: the fund's
                cut_to_place = bus_firm = False
                if kind not in ("PRODUCT", "EVENT") or not (
                    text[part_start] in "「『" or text[part_start - 1 : part_start] in ("「", "『")
                ):  # 米ウルフスピード|は破産法; only a quoted title may hold は or を
                    # (「…愛をさけぶ」: 11 of the 12 such train names are quoted, the other
                    # starts with a quote)
                    before = part_end
                    part_end = _before_topic_or_object(text, tokens, part_start, part_end)
                    # 千歳|で2号棟を計画, typed a product: what is left is one place
                    cut_to_place = part_end < before and _one_place(tokens, part_start, part_end)
                part_end, user_of = _without_user_word(text, part_start, part_end, known)
                part_end, acted = _before_act_word(text, tokens, part_start, part_end, known)
                place_only = cut_to_place
                if (
                    text.startswith("産業", part_end)
                    and _kanji(text[part_end - 1])
                    and not _kanji(text[part_end + 2 : part_end + 3])
                ):
                    part_end += 2  # 岩谷|産業, typed as the person 岩谷: a firm (_FIRM_WORD_END)
                elif kind == "PERSON" and (firm := _firm_word_after(text, part_start, part_end)):
                    part_end = firm  # 田中貴|金属工業, typed as the person 田中貴: a firm
                elif (
                    kind == "COMPANY"
                    and _is_katakana(text[part_end - 1])
                    and (tail := _ONE_KATAKANA_WORD.match(text, part_end)) is not None
                    and tail.end() - part_end >= 3
                ):  # 京セラ|コミュニケーションシステム: the firm's arm, one name
                    part_end = tail.end()
                elif text[part_end - 1] == "便" and _one_place(tokens, part_start, part_end - 1):
                    # シアトル|便, typed a person: flights there, the place (the train's
                    # two names ending in 便 are flights by number, 575便)
                    part_end, place_only = part_end - 1, True
                elif kind == "PERSON":
                    part_start = _with_surname(text, tokens, part_start, part_end)
                    part_end = _with_given_name(text, tokens, part_end)
                    part_end = _with_last_kanji(text, tokens, part_end)
                    part_end = _after_given_name(tokens, part_start, part_end)
                    part_end = _before_country_office(text, tokens, part_start, part_end)
                    part_end = _with_katakana_tail(text, part_start, part_end)
                    part_end = _before_katakana_office(text, part_start, part_end)
                    if part_end - part_start > 3 and text.endswith("人気", part_start, part_end):
                        part_end -= 2  # a headline's 角田|人気: the person's popularity
                elif kind == "COMPANY" and (
                    code := _SPACED_CODE.search(text, part_start, part_end)
                ):
                    part_end = code.start()  # 東京エレクトロン 8035: its Tokyo code after it
                elif (
                    kind != "PERSON"
                    and (new := text.rfind("新", part_start, part_end)) > part_start
                    and _SITE_AFTER.fullmatch(text, new + 1, part_end)
                    and _one_place(tokens, part_start, new)
                ):  # ハンガリー|新工場: where a new plant is, no plant's name
                    part_end, place_only = new, True
                elif (
                    kind == "FACILITY"
                    and text[part_end - 1] == "線"
                    and _abroad(tokens, part_start, part_end - 1)
                ):  # 北米|線, アジア|線: an airline's routes there, the place (not 東海道線)
                    part_end, place_only = part_end - 1, True
                elif (
                    situation := _SITUATION.search(text, part_start, part_end)
                ) is not None and _one_place(tokens, part_start, situation.start()):
                    # ウクライナ|情勢しだい, typed an event: the place (no train name ends so)
                    part_end, place_only = situation.start(), True
                elif (
                    kind != "LOCATION"
                    and (place := _place_then_generic(text, tokens, part_start, part_end, generic))
                    is not None
                ):  # ニューヨーク|市場, typed a facility: the place (the train gold's 日本|市場)
                    part_end, place_only = place, True
                elif (
                    kind == "EVENT"
                    and (longer := _event_runs_on(text, tokens, part_start, part_end)) > part_end
                ):  # 第103回東京箱根|間往復大学駅伝競走: the tagger stopped short
                    part_end = longer
                elif (
                    kind == "LOCATION"
                    and text[part_end - 1] in "都道府県"
                    and part_end - part_start >= 3
                    and (city := _KANA_CITY_AFTER.match(text, part_end)) is not None
                ):  # 沖縄県|うるま市: a prefecture and its city in hiragana, one place
                    part_end = city.end()
                elif (
                    kind == "LOCATION"
                    and text.endswith("都心", part_start, part_end)
                    and _one_place(tokens, part_start, part_end - 2)
                ):  # 東京|都心の, one place read on into 都心 (the city centre)
                    part_end -= 2
                elif (
                    kind == "LOCATION"
                    and part_end - part_start > 3
                    and text.endswith("方面", part_start, part_end)
                ):  # 嵐山|方面への列車: the place (the train gold leaves 方面 out 4 times of 5)
                    part_end -= 2
                elif (
                    kind == "LOCATION"
                    and text[part_end - 1] in "都道府県"
                    and (police := _POLICE_AFTER.match(text, part_end)) is not None
                ):  # 神奈川県|警察: the prefecture's police (_PREFECTURAL_POLICE, below)
                    part_end = police.end()
                elif (
                    kind == "LOCATION"
                    and text[part_end - 1] in "都道府県市"
                    and _TRANSPORT_FIRM_AFTER.match(text, part_end) is not None
                ):  # 岩手県|交通のバス: a bus firm named after its prefecture (the 10 train
                    part_end += 2  # names ending in 交通 are firms)
                    bus_firm = True
                elif kind == "LOCATION" and (street := _STREET_AFTER.match(text, part_end)):
                    part_end = street.end()  # オックスフォード|・ストリート: the street, a place
                elif kind == "LOCATION" and (site := _SITE_AFTER.match(text, part_end)):
                    # スリーマイル島|原発, 熊本|第2工場: a place and a site after it are the
                    # site's name, a facility's (_FACILITY_END, below)
                    part_end = site.end()
                name = text[part_start:part_end]
                if (
                    not any(ch.isalnum() for ch in name)  # a table's |
                    or _clause(text, tokens, part_start, part_end)  # VOO:|迷ったらこれ
                    or _kind_after_title(text, tokens, part_start, part_end)  # 『…』シリーズ
                    or _generic_phrase(text, tokens, part_start, part_end, generic)
                    or _in_generic_term(text, tokens, part_start, part_end, generic)
                    or _generic_list(tokens, part_start, part_end)
                    or (kind == "PRODUCT" and _common_phrase(text, tokens, part_start, part_end))
                    # 5000席以上のアリーナ (MeCab's given name): a kind of place alone,
                    # no name (横浜アリーナ is one, so no generic term)
                    or _FACILITY_KIND_ALONE.fullmatch(name) is not None
                    or _SIGNED_NUMBER.fullmatch(name) is not None  # DIはプラス33で
                    # ふるさと納税でお|米, a heading's end typed a place: rice, the
                    # honorific お or ご before one kanji (no train gold name so placed)
                    or (len(name) == 1 and text[part_start - 1 : part_start] in ("お", "ご"))
                    or _FUNDING_ROUND.fullmatch(name) is not None  # シリーズEで調達
                    or (name.endswith("会社") and text.startswith("員", part_end))  # 会社員
                    # 「#SaaSTalk」: a hashtag's word (no train gold name follows a #)
                    or text[part_start - 1 : part_start] in ("#", "＃")
                    or "○" in name  # 「第○条」の単位, ○○社: a placeholder, no name
                    or "◯" in name
                    or "→" in name  # メモリー:1024MB → 256MB: a change, no name
                    # みずほ証券のチーフ為替|ストラテジスト: a title's words (no train person
                    # starts so)
                    or (kind == "PERSON" and name.startswith(TITLE_PREFIXES))
                    or _COUNTRY_SUBSIDIARY.fullmatch(name) is not None  # 米子会社 (米子 a city)
                    # サンフレッチェ広島(株): the legal form in brackets after a name
                    or (name in ("株", "有") and text[part_start - 1 : part_start] == "(")
                    or _VERSION_ALONE.fullmatch(name) is not None  # React Router（v7）
                    # 日英伊の共同開発 (typed a firm): three countries or more in one kanji
                    # each, no name (not 中日, a baseball team in two train sentences)
                    or (len(name) >= 3 and all(ch in COUNTRY_KANJI for ch in name))
                    or _MAJOR.match(text, part_end) is not None  # 半導体大手: an industry
                    or (_kanji(text[part_end - 1]) and _FIELD.match(text, part_end) is not None)
                    or (  # 三菱電機:鉄道向け, a list item's label run on: no name after it
                        part_start > 0
                        and text[part_start - 1] == ":"
                        and _one_known_common_noun(tokens, part_start, part_end)
                    )
                    or (  # 椅子:|アーロンチェア, a heading's label run into a name
                        text.startswith(":", part_end)
                        and part_end < end
                        and _one_known_common_noun(tokens, part_start, part_end)
                    )
                    or (  # 米バイオ|企業: a field before 企業 or メーカー is no name
                        _INDUSTRY_AFTER.match(text, part_end) is not None
                        and _one_known_common_noun(tokens, part_start, part_end)
                    )
                    or _described_foreign_firm(tokens, part_start, part_end)
                    or _LAW.search(name)  # スマホ新法, typed PERSON too
                    or (
                        _FEDERAL.fullmatch(name) is not None
                        and _kanji(text[part_end : part_end + 1])
                    )
                    or _DIVISION.search(name)  # ウェルスマネジメント部門: part of a firm
                    or _ONE_LETTER.fullmatch(name) is not None  # Q. and A. of a Q&A
                    or (  # 株価は6.5%高: a price's move, a surname to MeCab
                        len(name) == 1 and part_start > 0 and text[part_start - 1] in "%0123456789"
                    )
                    or _short_for_generic(text, tokens, part_start, part_end, generic)
                    or not _whole_word(text, part_start, part_end, dot_ends=True)  # ランサム|ウェア
                    or (len(name) == 1 and _COUNTRY_PREFIX.match(text, part_start) is not None)
                    or name in _DIVISION_WORDS  # 州ごとの規制: no place of its own
                    or _english_prose(name)
                    # Hi, I'm Emily: a greeting or a sentence's subject, not a title quoted
                    or (
                        _ENGLISH_OPENING.match(name)
                        and not _quoted_whole(text, part_start, part_end)
                    )
                    or _KEYBOARD_KEY.fullmatch(name) is not None  # Tabキー, Enterキー
                    or _camp(tokens, part_start, part_end)  # エディタ派
                    or _nickname(text, tokens, part_start, part_end)  # 「日本車の牙城」と呼ばれ
                    or _heading_words(text, part_start, part_end, zone)  # ## Key Takeaways
                    or (  # 地方銀行株, a kind of share; not セブン銀行株, a firm's
                        _kind_of_share(text, tokens, part_start, part_end)
                        and (_kanji(name[0]) or _FIRM_WORD_END.search(name) is None)
                    )
                    or _VISIT.fullmatch(name) is not None
                    or (kind == "LOCATION" and _BEST_IN.match(text, part_end) is not None)
                    or (  # 魚沼市で米を作る: rice, in a post about rice (no US)
                        name == "米" and rice and _RICE_AFTER.match(text, part_end) is not None
                    )
                    or (
                        kind == "PERSON"
                        and _KANA_CAPITALS.search(name) is not None
                        and _HOLDING.search(name) is None  # ツルハHD: a firm, typed a person
                    )
                    or (text.startswith("各", part_start) and _each_of(tokens, part_start))
                    or _currency_of_country(tokens, part_start, part_end)  # 韓国ウォン
                    or (kind == "PERSON" and _given_name_as_word(tokens, part_start, part_end))
                    or _COUNTRY_FIRM.fullmatch(name) is not None
                    or _COUNTRY_DESCRIPTION.fullmatch(name) is not None
                    or _STARTUP_END.search(name) is not None  # 東大発ベンチャー
                    # アルツハイマー|病, パーキンソン病: a disease named after a person (no
                    # Stockmark train gold name ends in 病, 症, がん or 癌: HER2陽性の乳がん)
                    or (kind == "PERSON" and text.startswith(("病", "症"), part_end))
                    or name.endswith(("病", "症", "症候群", "がん", "癌"))
                    # トレジャリー企業: a kind of firm (no train gold name ends in 企業),
                    # and 無限城編| 第一章: a part of a work, no name of its own
                    or name.endswith("企業")
                    or (  # 「…、どっちがお得?」
                        name.endswith(("?", "？")) and _question(tokens, part_start, part_end)
                    )
                    or _PART_OF_WORK.fullmatch(name) is not None
                    # 新球場, 新工場: a new site of someone's, no name (no train gold name
                    # is 新 and a site's word alone; 新政府, 新幹線 are not sites)
                    or _NEW_SITE.fullmatch(name) is not None
                    # 会社|名:株式会社…: a field's label cut at its colon (no train gold
                    # name of one character comes before a colon)
                    or (len(name) == 1 and text.startswith(":", part_end))
                    # ビールは減税, typed a firm: a kind of product alone (no train gold
                    # name is one but ビル, a person)
                    or _PRODUCT_KIND.fullmatch(name) is not None
                    or name in _KINDS_OF_FIRM_ALONE  # 集めたい|銀行が, typed a firm
                    or (kind == "PERSON" and _after_verb_stem(text, tokens, part_start, part_end))
                    or _function_word(text, tokens, part_start, part_end, kind)  # 辻：|まず
                    # 大崎1-2-3, TEL 03-1234-5678, typed products: an address's or a phone's
                    # numbers, perhaps after a generic label; the train's two names of
                    # digits alone (1968, 501®) have no separator
                    or _numbers_only(name, generic)
                    # **1489**と**1478**, ETFs' codes typed events: digits alone are no
                    # name but a product's (the train's one such gold name, 1968, a record)
                    or (name.isdigit() and kind != "PRODUCT")
                ):
                    continue
                if kind == "EVENT":  # 2010年バンクーバーオリンピック: the year is the name's
                    _release_dates(text, mentions, taken, part_start, part_end)
                # パナソニックコネクト: a listed company's name and more is a company,
                # eMAXIS Slim 米国株式 a listed product's a product; a listed name cut
                # from a word for its users (iPhone|ユーザー) is of the listed type.
                prefix = user_of or _listed_prefix(text, part_start, part_end, known, tokens)
                company = (
                    (  # not 日立|市, a city named as a firm is: a place's unit ends it
                        kind in ("PERSON", "LOCATION")
                        and prefix == "COMPANY"
                        and not (kind == "LOCATION" and name[-1] in _PLACE_SUFFIXES)
                    )
                    or (
                        (
                            kind in ("ORG", "PRODUCT", "FACILITY")
                            # 欧州エアバス, typed a political body whole (no katakana name
                            # after such a prefix is one in the train gold)
                            or (kind == "POLITICAL_ORG" and _KATAKANA_NAME.fullmatch(name))
                        )
                        and _prefixed_foreign(text, part_start, part_end)
                    )
                    or (  # 米ウェスチングハウス, 仏EDF; not 米ブリンケン国務長官
                        kind == "PERSON"
                        and _prefixed_foreign(text, part_start, part_end)
                        and not _titled(text, part_end)
                    )
                    or (  # 米リップル, 米アルティウム; not 米テキサス, a place to MeCab
                        kind == "LOCATION"
                        and _prefixed_foreign(text, part_start, part_end)
                        and (
                            _common_words(tokens, part_start, part_end)
                            or _ONE_LATIN_WORD.fullmatch(name) is not None  # 米Moveworks
                            # 米ディア・アンド・カンパニー: a firm's word ends it
                            or _FIRM_NAME_END.search(name) is not None
                            or name.endswith("カンパニー")
                        )
                        and _PLACE_AFTER.match(text, part_end) is None
                    )
                    or (  # not 「…大手」, an event; but ノンバンク大手シュリラム・ファイナンス
                        (kind != "EVENT" or _FIRM_NAME_END.search(name) is not None)
                        # Galaxy AI: a listed product's, not a firm named so (Sakana AI)
                        and not (prefix == "PRODUCT" and _LATIN_AI_END.search(name))
                        and _described_as_company(text, part_start, part_end)
                        and not (
                            kind == "PRODUCT"
                            and prefix == "COMPANY"
                            and _firms_quoted_product(text, part_start, part_end)
                        )
                    )
                    or (  # 米バイオ企業のアイベリック・バイオ, typed a person; not the
                        # firm's 社長 or 氏 (IT企業の|山田太郎|社長) nor a listed place where
                        # firms go (日本企業の|インド進出)
                        _FIRM_OF.search(text, max(0, part_start - 6), part_start) is not None
                        and not _titled(text, part_end)
                        and known.types.get(name.lower()) != "LOCATION"
                    )
                    or _ticker_after(text, part_start, part_end)  # Vertiv（VRT）
                    or (  # ポケトーク（東京・港）, typed a person: a firm and its head office
                        kind in ("PERSON", "PRODUCT", "ORG")
                        and _HEAD_OFFICE_AFTER.match(text, part_end) is not None
                    )
                    or (  # ロビンフッドのブラッド・テネフCEO, typed a person
                        kind in ("PERSON", "PRODUCT")
                        and _OFFICER_AFTER.match(text, part_end) is not None
                    )
                    or (  # レオパレス21の宮尾文也社長, typed an organisation: only a
                        # firm has a 社長 or CEO (an organisation's 会長 is its own)
                        kind == "ORG"
                        and (officer := _OFFICER_AFTER.match(text, part_end)) is not None
                        and officer.group().endswith(_CHIEF_OFFICES)
                    )
                    or (  # カナダのアリマンタシォン・クシュタールからの買収提案: a buyer
                        kind in ("PERSON", "LOCATION")
                        and _CORPORATE_ACT.match(text, part_end) is not None
                        and not _read_as(tokens, part_start, part_end, ("人名", "地名"))
                    )
                    or (  # 日立造船はカナデビアに社名を変更, typed a place
                        kind in ("PERSON", "LOCATION", "PRODUCT")
                        and _RENAMED.match(text, part_end) is not None
                    )
                    or (  # 「SB OpenAI Japan」を設立: what is founded is no product
                        kind in ("PRODUCT", "PERSON") and _FOUNDED.match(text, part_end) is not None
                    )
                    or (  # SMRを開発するX-energy: a maker is a firm (7 of 8 train names;
                        # not a person, iPS細胞を開発した山中伸弥教授)
                        kind in ("PRODUCT", "ORG", "FACILITY")
                        and _AFTER_MAKER.search(text, max(0, part_start - 8), part_start)
                        is not None
                    )
                    or (  # 鉄道信号事業を手掛けるタレス, typed a person; not 店を運営する
                        # 山田太郎さん
                        kind == "PERSON"
                        and _RUNS_BUSINESS.search(text, max(0, part_start - 8), part_start)
                        is not None
                        and not _titled(text, part_end)
                    )
                )
                part_kind = kind  # per part: the next part of the span starts afresh
                if text.startswith(("株", "法人"), part_end) and _one_place(
                    tokens, part_start, part_end
                ):  # 「日本株は割安だ」, typed a product, 子会社の日本法人, typed a firm: the
                    # country's shares or firm (the train gold's 日本 in 日本法人 is a place)
                    part_kind, company = "LOCATION", False
                elif place_only:
                    part_kind = "LOCATION"  # ハンガリー|新工場, typed a firm whole; 北米|線
                elif _PREFECTURAL_POLICE.search(name):
                    part_kind = "POLITICAL_ORG"  # 大阪府警, typed a place: the police
                elif bus_firm:
                    part_kind = "COMPANY"  # 岩手県交通, the tagger's 岩手県
                elif kind in ("COMPANY", "ORG") and _YEAR_END.search(name):
                    part_kind = "EVENT"  # SusHi Tech Tokyo 2027, typed a firm: no firm's
                    # name ends in a year (the 27 train names that do are 21 events and
                    # 6 products)
                elif kind in ("COMPANY", "PRODUCT") and (
                    name.endswith(_UNIONS)
                    or _UNION_BEFORE.search(text, max(0, part_start - 5), part_start)
                ):
                    part_kind = "ORG"  # 労働組合IGメタル, 全米自動車労働組合: a union, no firm
                elif company and kind != "COMPANY" and _SOFTWARE_OR_PLAN_END.search(name):
                    part_kind = "PRODUCT"  # Google Pay, typed a person: the firm's wallet
                elif company:
                    part_kind = "COMPANY"
                elif kind in ("COMPANY", "PRODUCT", "ORG") and text.startswith(
                    ("氏", "さん"), part_end
                ):
                    part_kind = "PERSON"  # HIKAKINさん, typed a firm (21 of 21 train names)
                elif kind != "PRODUCT" and _quoted_after_product_kind(text, part_start):
                    part_kind = "PRODUCT"  # バイオ燃料「サステオ」, typed a company
                elif (
                    kind != "COMPANY"
                    and text[part_start - 1 : part_start] in ("「", "『")
                    and _CHAIN_KIND_BEFORE.search(text, max(0, part_start - 9), part_start)
                    and not name.endswith(("店", "館"))
                ):  # ホームセンター「島忠」, typed a person: a chain of shops, a firm (not
                    # 百貨店「伊勢丹新宿店」, one shop)
                    part_kind = "COMPANY"
                elif (
                    kind != "COMPANY"
                    and text[part_start - 1 : part_start] in ("「", "『")
                    and _FIRM_KIND_BEFORE_QUOTE.search(text, max(0, part_start - 6), part_start)
                ):  # 合弁「SB OAI Japan」, typed a product: a firm (the 2 train names quoted
                    part_kind = "COMPANY"  # after 子会社 or 新会社 are firms)
                elif (
                    kind == "PRODUCT"
                    and text[part_start - 1 : part_start] in ("「", "『")
                    and text.endswith(("団体", "集団"), max(0, part_start - 3), part_start - 1)
                ):  # 業界団体「IOWN Global Forum」, ハッカー集団「Qilin」, typed a product: a
                    # body (the train's 5 names quoted after 団体 are 3 法人名 and 2 その他の
                    # 組織名, no product)
                    part_kind = "ORG"
                elif kind in ("PRODUCT", "COMPANY", "ORG", "PERSON") and (
                    _quoted_after_facility_kind(text, part_start, part_end)
                ):
                    part_kind = "FACILITY"  # 新エリア「ファンタジースプリングス」, a product
                elif kind not in ("COMPANY", "POLITICAL_ORG") and _FIRM_WORD_END.search(name):
                    part_kind = "COMPANY"  # 「PayPay銀行」, typed as PayPay, a product
                elif kind == "PERSON" and "a" <= name[0] <= "z":
                    part_kind = "PRODUCT"  # pgvector: no train person starts lower-case;
                    # of the 26 names that do, 12 are products (iOS, amiibo), 8 firms
                elif kind != "COMPANY" and _CHINESE_FIRM_END.search(name):
                    part_kind = "COMPANY"  # 広州汽車集団, typed a political body
                elif kind in ("EVENT", "POLITICAL_ORG", "PRODUCT", "PERSON") and name.endswith(
                    ("協会", "連合会")
                ):  # 日本国際博覧会協会, typed an event: 26 of the 27 Stockmark train names
                    part_kind = "COMPANY"  # ending in 協会 are firms (法人名), one ORG
                elif kind == "PRODUCT" and len(name) > 4 and name.endswith("ジャパン"):
                    part_kind = "COMPANY"  # DiDiモビリティジャパン: a firm's Japanese arm (7 of
                    # the 9 train names ending so are firms, 2 teams, no product)
                elif kind not in ("COMPANY", "POLITICAL_ORG", "ORG") and _LATIN_FIRM_END.search(
                    name
                ):
                    part_kind = "COMPANY"  # Taiwan Semiconductor Manufacturing Company
                elif prefix == "PRODUCT" and (
                    kind in ("COMPANY", "ORG", "PERSON", "LOCATION")
                    or (kind == "EVENT" and not _YEAR_END.search(name))
                ):  # Windows NT: 11 of 11 Stockmark train names; Galaxy Z Fold7 レビュー
                    part_kind = "PRODUCT"  # typed an event
                elif kind in ("COMPANY", "ORG") and _SOFTWARE_OR_PLAN_END.search(name):
                    part_kind = "PRODUCT"  # Codex CLI, Unreal Engine, Maxプラン, typed a firm
                elif (
                    kind == "COMPANY"
                    and prefix == "COMPANY"
                    and (named := _LATIN_FIRM_THEN_WORD.fullmatch(name)) is not None
                    and named["word"].lower() not in _LATIN_FIRM_WORDS
                ):  # Amazon Nova, typed a firm: a listed firm's Latin name and a word of
                    # its own, a product (6 of the 7 Stockmark train names so written:
                    # Google Now, Facebook Messenger; Honda FC, a club); not Sony Group.
                    # On the train sentences it retypes one gold firm, Grab Taxi
                    part_kind = "PRODUCT"
                elif kind == "EVENT" and _NTH_GENERATION_BEFORE.search(
                    text, max(0, part_start - 8), part_start
                ):
                    part_kind = "PRODUCT"  # 第8世代BiCS FLASH: a product's generation
                elif name.endswith("政府") and kind in ("COMPANY", "ORG"):
                    part_kind = "POLITICAL_ORG"  # 日米両政府; 37 of 41 Stockmark train names
                elif kind == "POLITICAL_ORG" and _KATAKANA_PROVINCE.fullmatch(name):
                    part_kind = "LOCATION"  # バクニン省: a province (ministries are kanji)
                elif kind in ("FACILITY", "COMPANY", "ORG", "PRODUCT") and _AGENCY_END.search(name):
                    part_kind = "POLITICAL_ORG"  # 英競争・市場庁, typed a facility
                elif kind in ("FACILITY", "ORG", "PRODUCT") and _OFFSHORE.search(name):
                    part_kind = "LOCATION"  # ガイアナ沖, typed FACILITY: the sea off a place
                elif kind != "COMPANY" and _KATAKANA_FIRM_SHA.fullmatch(name):
                    part_kind = "COMPANY"  # 米ガマ社の, typed a place (42 of 42 train names)
                elif kind == "LOCATION" and _firm_of_a_region(name):
                    part_kind = "COMPANY"  # イオン九州, typed a place: a listed firm's arm
                elif kind in ("COMPANY", "ORG", "PRODUCT", "PERSON") and _AREA_END.search(name):
                    part_kind = "LOCATION"  # 水道橋エリア, typed COMPANY; see _AREA_END
                elif kind != "LOCATION" and _country_dot_place(text, tokens, part_start, part_end):
                    part_kind = "LOCATION"  # (スイス・チューリッヒ), a head office, typed a firm
                elif kind != "FACILITY" and _FACILITY_END.search(name):
                    part_kind = "FACILITY"  # 柏崎刈羽原発, typed EVENT; see _FACILITY_END
                elif kind == "LOCATION" and _CASTLE_END.search(name):
                    part_kind = "FACILITY"  # 名古屋城; see _CASTLE_END
                elif kind in ("PERSON", "LOCATION", "PRODUCT", "EVENT") and _VISITED_END.search(
                    name
                ):
                    part_kind = "FACILITY"  # 田中病院, typed PERSON; see _VISITED_END
                elif kind in ("POLITICAL_ORG", "ORG", "COMPANY") and _PLAN_END.search(name):
                    part_kind = "PRODUCT"  # 第7次エネルギー基本計画, typed a political body
                elif kind != "PRODUCT" and (_INDEX_END.search(name) or _FORM_END.search(name)):
                    part_kind = "PRODUCT"  # 東証REIT指数, typed FACILITY; a form, a document
                elif kind in ("FACILITY", "COMPANY", "LOCATION", "PERSON") and _TEAM_END.search(
                    name
                ):
                    part_kind = "ORG"  # 横浜DeNAベイスターズ, typed a facility; see _TEAM_END
                elif kind != "EVENT" and _ELECTION_END.search(name):
                    part_kind = "EVENT"  # 自民党総裁選, typed a political body
                elif kind in ("PRODUCT", "ORG", "COMPANY") and _EVENT_END.search(name):
                    part_kind = "EVENT"  # AWS Summit Japan, typed PRODUCT
                elif kind in ("PRODUCT", "ORG", "COMPANY", "FACILITY", "LOCATION", "PERSON") and (
                    _EVENT_WORD_END.search(name)
                ):
                    part_kind = "EVENT"  # 箱根駅伝, typed FACILITY; see _EVENT_WORD_END
                elif kind in ("ORG", "COMPANY", "FACILITY", "LOCATION", "PERSON") and (
                    _INCIDENT_END.search(name)
                ):
                    part_kind = "EVENT"  # ミュンヘン会談, typed COMPANY; see _INCIDENT_END
                elif (
                    kind in ("PRODUCT", "ORG", "COMPANY", "FACILITY")
                    and _HELD_BEFORE.search(text, max(0, part_start - 8), part_start)
                    and not _NOT_HELD_AFTER.match(text, part_end)
                ):
                    part_kind = "EVENT"  # パリで開かれたVivaTechnology; see _HELD_BEFORE
                elif (
                    kind in ("PRODUCT", "ORG", "COMPANY", "FACILITY")
                    and _HELD_AFTER.match(text, part_end) is not None
                    and not text.endswith("展「", 0, part_start)  # 特別展「…」が開かれた: a title
                ):
                    part_kind = "EVENT"  # 「楽天スーパーSALE」を開催, typed a company
                elif kind in ("PRODUCT", "ORG") and _BOUGHT.match(text, part_end):
                    part_kind = "COMPANY"  # Nuviaを約14億ドルで買収: a firm (11 of 11 train
                    # names so placed are firms)
                elif kind != "PRODUCT" and name[-1] in "編篇" and len(name) >= 3:
                    part_kind = "PRODUCT"  # 無限城編, typed a facility: a work's arc (3 of 3
                    # train names ending so are products: 古代バビロン篇, 復活篇)
                elif kind in ("PRODUCT", "FACILITY") and _YEAR_END.search(name):
                    # 東京ゲームショウ2007: of the Stockmark train names ending in a year 21
                    # are events and 5 products, no facility (東京ゲームショウ2026, typed so)
                    part_kind = "EVENT"
                elif (
                    kind == "PERSON"
                    and _ONE_KATAKANA_WORD.fullmatch(name) is not None
                    and _PLACE_CASE.match(text, part_end) is not None
                    and not (  # 監督はスミスで、: what the topic is
                        text[part_start - 1 : part_start] in ("は", "が")
                        and text.startswith("で、", part_end)
                    )
                ):
                    part_kind = "LOCATION"  # 事業をオースティンで拡大, typed a person
                elif (
                    kind == "PERSON"
                    and _ONE_KATAKANA_WORD.fullmatch(name) is not None
                    and _COUNTRY_OF.search(text, max(0, part_start - 12), part_start)
                    and not _office_after(text, part_end)
                ):  # インドのベンガルールに, typed a person: a place; フランスのネクサンスや
                    # イタリアのプリスミアンが, a firm, the subject or listed (of the train
                    # gold names so placed before に or で 5 of 6 are places, before が, と
                    # or 、 3 of 3 firms)
                    # (中国のミホヨ（miHoYo）や: after its name in Latin letters too)
                    alias = _LATIN_ALIAS.match(text, part_end)
                    case_at = alias.end() if alias else part_end
                    part_kind = "COMPANY" if _FIRM_CASE.match(text, case_at) else "LOCATION"
                elif kind != "PERSON" and (
                    _person_by_office(text, tokens, part_start, part_end, kind)
                    or _local_head(text, part_start, part_end)
                    or _firms_officer(text, part_start, part_end, kind)
                ):
                    part_kind = "PERSON"  # ベッセント財務長官, 新浪剛史社長, 広島県の湯崎英彦知事
                if (
                    kind != "PERSON"
                    and part_end - part_start >= 4
                    and name.endswith("大会")
                    and text.startswith("長", part_end)
                    and _kanji(name)
                ):  # 松本|大会|長: MeCab read 松本大 and 会長 as a tournament and 長; the
                    # person and the office (no train sentence has 大会長)
                    part_end -= 1
                    part_kind = "PERSON"
                if kind == "PERSON" and _FACTION_AFTER.match(text, part_end):
                    part_end += 1  # 安倍|派: a party's faction (9 of 9 train names
                    part_kind = "POLITICAL_ORG"  # ending in 派 are political bodies)
                if acted is not None:  # ソフトバンク|上場, typed ORG: the listed name's type
                    part_kind = acted
                elif user_of is not None and part_kind != user_of:
                    part_kind = user_of  # 日本|車, typed a firm: the listed place's
                described = (
                    company
                    or (part_kind == "PRODUCT" and (part_start, part_end) in products_quoted)
                    or (  # テーマパーク「ジャングリア沖縄」 over a headline's, typed a person
                        part_kind == "FACILITY"
                        and _quoted_after_facility_kind(text, part_start, part_end)
                    )
                )  # 抗がん剤「エンハーツ」: what the text says it is outweighs bare mentions
                claim(EntityMention(part_start, part_end, part_kind, described=described))
    officers: list[tuple[int, int]] = []  # サティア・ナデラ|最高経営責任者, typed a firm
    for tokens in sentences:  # what the tagger missed: メルツ首相, whom MeCab split
        foreign = titled_foreign_names(text, tokens)
        officers += [(start, end) for start, end in foreign if "・" in text[start:end]]
        for start, end in (
            foreign + titled_kanji_names(text, tokens) + titled_hiragana_names(text, tokens)
        ):
            claim(EntityMention(start, end, "PERSON"))
        for start, end in firms_after_makers(text, tokens, generic):  # …を運営するトラストバンク
            claim(EntityMention(start, end, "COMPANY"))
    for chip in _CHIP_NAMED.finditer(text):  # 自社開発チップTrainium3, missed
        claim(EntityMention(chip.start(1), chip.end(1), "PRODUCT"))
    for start, end in places_beside_places(text, mentions):  # サンフランシスコやフェニックス
        claim(EntityMention(start, end, "LOCATION"))
    for start, end in firms_beside_firms(text, sentences, mentions, generic):  # …、クラスメソッド
        claim(EntityMention(start, end, "COMPANY"))
    for match in _AND_FIRM.finditer(text):  # マヒンドラ・アンド・マヒンドラ, missed
        claim(EntityMention(match.start(), match.end(), "COMPANY"))
    for start, end in places_after_dots(text, sentences, mentions):  # 韓国・釜山
        claim(EntityMention(start, end, "LOCATION"))
    for start, end in sites_named_after_towns(text, mentions):  # 北上市の|北上工場
        claim(EntityMention(start, end, "FACILITY"))
    for start, end in kanji_names_of_firms(text, sentences, mentions, generic):  # 比亜迪(BYD)
        claim(EntityMention(start, end, _firm_or_site(text, start, end)))
    for start, end in prefixed_latin_firms(text, generic):  # 仏LVMH, which it missed
        claim(EntityMention(start, end, "COMPANY"))
    for start, end in new_models(text, generic):  # 新型CX-5, which it missed
        claim(EntityMention(start, end, "PRODUCT"))
    for tokens in sentences:  # 浜岡原発, which the tagger missed
        for start, end in sites_of_places(text, tokens):
            claim(EntityMention(start, end, "FACILITY"))
    for start, end in product_lines:  # a listed product and its version the tagger missed
        claim(EntityMention(start, end, "PRODUCT"))
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
    for start, end in officers:  # a foreign name of katakana words before a firm's office
        i = by_span.get((start, end), -1)
        if i >= 0 and mentions[i].type == "COMPANY":
            mentions[i] = replace(mentions[i], type="PERSON")
    for start, end in surnames_titled(text, mentions):  # 楠見雄規社長 … 楠見社長
        i = by_span.get((start, end), -1)
        if i >= 0 and mentions[i].type != "PERSON":
            mentions[i] = replace(mentions[i], type="PERSON")  # typed a firm
        claim(EntityMention(start, end, "PERSON"))  # or missed
    # The mentions by where they start, so that what a quote holds is looked up in the
    # quote, not in every mention (a post of thousands of quotes).
    starting: dict[int, list[EntityMention]] = {}
    for m in mentions:
        starting.setdefault(m.start, []).append(m)

    def within(start: int, end: int) -> list[EntityMention]:
        return [m for at in range(start, end) for m in starting.get(at, ()) if m.end <= end]

    def unclaim(m: EntityMention) -> None:
        mentions.remove(m)
        starting[m.start].remove(m)
        taken[m.start : m.end] = bytes(m.end - m.start)

    def claim_quote(mention: EntityMention) -> None:
        count = len(mentions)
        claim(mention)
        if len(mentions) > count:
            starting.setdefault(mentions[-1].start, []).append(mentions[-1])

    for start, end in _works_quoted(text, mentions, generic):  # 小学館「ちゃお」, missed
        inside = within(start, end)
        if all(m.type not in NUMERIC_TYPES and (m.start, m.end) != (start, end) for m in inside):
            for m in inside:  # 岩波書店「日本の思想」: the title, not the place in it
                unclaim(m)
        for m in inside:  # オカムラの「シルフィー」, found: a product the text says it is,
            if (m.start, m.end) == (start, end) and m.type == "PRODUCT":  # over a heading's
                unclaim(m)
        claim_quote(EntityMention(start, end, "PRODUCT", described=True))
    for start, end in products_quoted:  # 洗剤「アタック」, which it missed
        # 船「すいそ |ふろんてぃあ」: the tagger found the quote's last word; the whole quote's
        for m in within(start + 1, end):
            if m.type == "PRODUCT" and m.end == end:
                unclaim(m)
        claim_quote(EntityMention(start, end, "PRODUCT", described=True))
    for start, end in facilities_quoted:  # 複合施設「…」, which it missed
        claim(EntityMention(start, end, "FACILITY"))
    for start, end in quoted_after_kinds(_QUOTED_FIRM, text, generic):  # 会社「刀」, missed
        claim(EntityMention(start, end, "COMPANY", described=True))
    for start, end in firms_before_officers(text):  # ストライプのX CEO, missed
        claim(EntityMention(start, end, "COMPANY"))
    for match in _ANNOUNCER.finditer(text):  # カゴメは25日、…と発表した: MeCab's common noun
        if match["name"].lower() not in generic:
            claim(EntityMention(match.start("name"), match.end("name"), "COMPANY"))
    for start, end, kind in _latin_names_renamed(text, mentions):  # X(旧ツイッター)
        claim(EntityMention(start, end, kind))
    for i, mention in enumerate(mentions):  # GPT-5|.1, Claude Sonnet| 4.5: the version too
        if mention.type == "PRODUCT":
            tail = _VERSION_TAIL.match(text, mention.end)
            if tail is not None and not any(taken[mention.end : tail.end()]):
                taken[mention.end : tail.end()] = b"\x01" * (tail.end() - mention.end)
                mentions[i] = replace(mention, end=tail.end())
            elif (head := _quoted_title_head(text, mention.start, mention.end)) is not None and (
                not any(taken[head : mention.start])
            ):  # 「ウマ娘 |プリティーダービー」: the whole title
                taken[head : mention.start] = b"\x01" * (mention.start - head)
                mentions[i] = replace(mention, start=head)
        elif mention.type == "EVENT" and (year := _EVENT_YEAR.match(text, mention.end)):
            if not any(taken[mention.end : year.end()]):  # CES| 2026: that year's
                taken[mention.end : year.end()] = b"\x01" * (year.end() - mention.end)
                mentions[i] = replace(mention, end=year.end())
        elif (
            mention.type == "COMPANY"
            and (tail := _dotted_tail(text, mention))
            and not any(taken[mention.end : tail])
        ):  # 米アンペア|・コンピューティング
            taken[mention.end : tail] = b"\x01" * (tail - mention.end)
            mentions[i] = replace(mention, end=tail)
        elif (
            mention.type == "COMPANY"
            and (head := _dotted_head(text, mention)) is not None
            and not any(taken[head : mention.start])
        ):  # クレディ・|アグリコル証券
            taken[head : mention.start] = b"\x01" * (mention.start - head)
            mentions[i] = replace(mention, start=head)
    for start, end in firm_stems(text, mentions, generic, sentences):  # コメダ of コメダHD
        claim(EntityMention(start, end, "COMPANY"))
    _type_aliases(text, mentions, sentences, names)
    return group_mentions(doc, mentions, names)


def firm_stems(
    text: str,
    mentions: Sequence[EntityMention],
    generic: frozenset[str],
    sentences: Sequence[Sequence[Token]],
) -> list[tuple[int, int]]:
    """Where a firm found as a katakana name and ホールディングス or a legal form is named
    by that name alone, standing as a word: before a particle, punctuation or a space
    (``コメダの独自路線`` after ``コメダホールディングス``: MeCab reads コメ|ダ, and the
    tagger misses it; ``スマートドライブの車両管理サービス`` after ``株式会社スマート
    ドライブ``, two common nouns to MeCab), but for generic terms and for a name MeCab
    reads as one word, which the tagger is left to (``ポケモンが好きな人`` after ``株式会社
    ポケモン``: the games); grouped with the firm (``_short_keys``). The first 20 such
    firms of a post are looked for."""
    stems: list[str] = []
    for m in mentions:
        stem = _firm_stem(text[m.start : m.end]) if m.type == "COMPANY" else ""
        if (
            len(stem) >= 3
            and _ONE_KATAKANA_WORD.fullmatch(stem) is not None
            and stem.lower() not in generic
            and stem not in stems
        ):
            stems.append(stem)
            if len(stems) == 20:
                break
    found: list[tuple[int, int]] = []
    if not stems:
        return found
    starts = {t.start for tokens in sentences for t in tokens}
    for stem in stems:
        at = 0
        while (at := text.find(stem, at)) >= 0:
            end = at + len(stem)
            if (
                (at == 0 or not _KANA_LATIN_OR_KANJI.match(text, at - 1))
                and (
                    end == len(text) or text[end] in _WORD_EDGE or "\u3041" <= text[end] <= "\u309f"
                )
                and any(k in starts for k in range(at + 1, end))  # コメ|ダ: two words
            ):
                found.append((at, end))
            at = end
    return found


def _firm_stem(name: str) -> str:
    """A firm's name without ホールディングス or the legal form before or after it, or ""."""
    if name.endswith("ホールディングス"):
        return name[: -len("ホールディングス")]
    bare = _bare_name(name)
    return bare if bare != name else ""


# What a firm's name standing alone follows: no katakana, Latin, digit or kanji.
_KANA_LATIN_OR_KANJI = regex(r"[\u30a1-\u30fa\u30fcA-Za-z0-9\u4e00-\u9fff々・]")


# A short Latin name or a katakana one before its former or present one in brackets:
# X(旧ツイッター), ストラテジー(旧マイクロストラテジー).
_NOW_OR_ONCE = regex(
    r"(?:(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]{0,11}|(?<![\u30a1-\u30fa\u30fc・])"
    r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]{1,15})(?=\((?:旧|現)\S)"
)


def _latin_names_renamed(text: str, mentions: list[EntityMention]) -> list[tuple[int, int, str]]:
    """A Latin or katakana name followed by the name it had or has in brackets, a name
    found, is a name of that type (``X（旧ツイッター）``: X alone is too short a word to
    tag; ``ストラテジー（旧マイクロストラテジー）``, a common noun to MeCab)."""
    found = []
    for match in _NOW_OR_ONCE.finditer(text):
        inner = match.end() + 2  # after (旧
        for m in mentions:
            if m.start == inner and text.startswith(")", m.end) and m.type in _LENDING_TYPES:
                found.append((match.start(), match.end(), m.type))
    return found


# How a fund manager's or maker's name ends, in brackets after its product
_MAKER_END = regex(
    r"(?:マネジメント|投信|投資信託|投資顧問|ジャパン|証券|株式会社|ホールディングス)$"
)
# Types a name may lend the other name in brackets right after it: not a person's (田中
# 太郎（トヨタ自動車）, a caption's firm) nor a number's.
_LENDING_TYPES = frozenset({"COMPANY", "POLITICAL_ORG", "ORG", "FACILITY", "PRODUCT", "EVENT"})


def _type_aliases(
    text: str,
    mentions: list[EntityMention],
    sentences: Sequence[Sequence[Token]],
    names: NameList | None,
) -> None:
    """A name in brackets right after another, filling them, is its other name and of its
    type (``中部国際空港（セントレア）``, セントレア typed a place), unless it is listed
    (the gazetteer's or the user's type stands) or an address (``トヨタ自動車（愛知県豊田
    市）``: where the firm is; a division's word ends it or MeCab reads two places)."""
    at = {m.start: k for k, m in enumerate(mentions)}
    listed = gazetteer().types
    users = names.types if names is not None else {}
    starts = [tokens[0].start if tokens else 0 for tokens in sentences]
    for outer in list(mentions):
        if outer.type not in _LENDING_TYPES or text[outer.end : outer.end + 1] not in "(（":
            continue
        k = at.get(outer.end + 1)
        if k is None:
            continue
        inner = mentions[k]
        name = text[inner.start : inner.end]
        if (
            inner.type == outer.type
            or inner.type in NUMERIC_TYPES
            or text[inner.end : inner.end + 1] not in (")", "）")
            or name.lower() in listed
            or name.lower() in users
            or name[-1] in _DIVISION_WORDS
        ):
            continue
        if outer.type == "PRODUCT" and _MAKER_END.search(name) is not None:
            # 上場投信（野村アセットマネジメント）, ETF（ブラックロック・ジャパン）, typed an
            # event: a fund's or product's manager or maker, a firm
            mentions[k] = replace(inner, type="COMPANY")
            continue
        tokens = sentences[max(0, bisect.bisect_right(starts, inner.start) - 1)]
        if sum(t.pos[2] == "地名" for t in _tokens_within(tokens, inner.start, inner.end)) > 1:
            continue
        mentions[k] = replace(inner, type=outer.type)


# A year after an event's name (CES 2026, COMPUTEX2025), not a date (万博 2025年), and a
# two-digit year right after Latin letters (WWDC25, as Apple writes it).
_EVENT_YEAR = regex(r" ?(?:19|20)[0-9][0-9](?![0-9年.])|(?<=[A-Za-z])[0-9][0-9](?![0-9年.%])")
# A year right before an event's name (2026年春闘, 2025年大阪・関西万博).
_YEAR_BEFORE = regex(r"(?<![0-9])(?:19|20)[0-9][0-9]年$")
_DOTTED_PART = regex(r"・([\u30a1-\u30fa\u30fc]{2,})(?![\u30a1-\u30fa\u30fc])")


# A Latin name that goes on with a particle and a capital is a longer name (Nintendo of
# America, Banco de España), the tagger's to find.
_LATIN_NAME_GOES_ON = regex(r"(?<=[A-Za-z]) (?:of|de|del|der|du|von|van) [A-Z]")


def _dotted_tail(text: str, mention: EntityMention) -> int:
    """The end of the katakana words joined by middle dots after a firm's katakana name,
    none of them listed (``アンペア|・コンピューティング``; not ``マツダ・スバル``, a list):
    of the Stockmark train gold names in katakana, no company ends before such a word,
    while 179 companies' names have a middle dot."""
    if _KATAKANA_NAME.fullmatch(text, mention.start, mention.end) is None:
        return 0
    end = mention.end
    while (part := _DOTTED_PART.match(text, end)) is not None:
        if gazetteer().types.get(part.group(1).lower()) is not None:
            return 0
        end = part.end()
    return end if end > mention.end else 0


_DOTTED_HEAD = regex(r"(?<![\u30a1-\u30fa\u30fc・])[\u30a1-\u30fa\u30fc]{2,}・$")


def _dotted_head(text: str, mention: EntityMention) -> int | None:
    """The start of one unlisted katakana word and a middle dot before a firm's name in
    katakana that ends in a firm's word (``クレディ・|アグリコル証券``, which the tagger
    cut at the dot); None if there is none (not ``マツダ・スバル``, listed, a list)."""
    name = text[mention.start : mention.end]
    if not (_is_katakana(name[0]) and _FIRM_WORD_END.search(name)):
        return None
    word = _DOTTED_HEAD.search(text, max(0, mention.start - 12), mention.start)
    if word is None or gazetteer().types.get(word.group()[:-1].lower()) is not None:
        return None
    return word.start()


# A model's version after a product's name: its decimals after a number (GPT-5|.1), or
# a number after a word (Claude Sonnet| 4.5, Gemini| 2.5 Pro), perhaps with an edition;
# not a word that goes on (GPT-5.1x) nor a year (Windows| 2025, a date); or a plus
# after a Latin name (Copilot|+ PC, Apple TV|+); or an edition alone (iPad| mini,
# **Gemini 3| Pro**, where the tagger stopped at the number).
_EDITIONS = "Pro|Max|Ultra|Plus|Mini|mini|Flash|Lite|Turbo|Opus|Sonnet|Haiku|Nano|nano"
# A number that counts (iPhone 17 Pro Max| 2か月レビュー, Pixel 10| 3台): no version.
_COUNT_WORDS = (
    "[かヶカケヵ]月|年|日|週|時間|分|秒|回|台|人|枚|個|件|位|代|歳|万|億|兆|円|ドル|%|倍|割|本|度"
)
# The rest of an index fund's name after the tagger's インデックス: ・ファンド, ファンド.
_FUND_AFTER = regex(r"・?ファンド")
# A fund named after its firm: 楽天|・全米株式インデックス・ファンド, 三菱UFJ|・純金ファンド.
_FUND_NAMED_AFTER = regex(r"・[^、。\s]{1,40}?ファンド")
# A count after a Latin name and a space, ending a name the tagger found.
_SPACED_COUNT_END = regex(rf"(?<=[A-Za-z0-9]) [0-9]+(?:{_COUNT_WORDS})[^ ]{{0,3}}$")
_VERSION_TAIL = regex(
    rf"(?:(?<=[0-9])(?:\.[0-9]+)+|(?<=[A-Za-z]) (?!(?:19|20)[0-9][0-9]\b)[0-9]+(?:\.[0-9]+)*)"
    rf"(?: (?:{_EDITIONS}))?(?![A-Za-z0-9.]|{_COUNT_WORDS})"
    r"|(?<=[A-Za-z])\+(?: PC)?(?![A-Za-z0-9+])"
    # an edition with no number (iPad mini, MacBook Air) or after the model's (Gemini 3| Pro)
    rf"|(?<=[A-Za-z0-9]) (?:{_EDITIONS}|Air)(?![A-Za-z0-9.+])"
)


# A prefecture and の before a site: 岩手県の|北上工場, 三重県の|四日市工場.
_PREFECTURE_OF = regex(r"[\u4e00-\u9fff](?:県|府|都|道)の$")
# Words that say which of a firm's sites, no place: 愛知県の本社工場, 主力工場.
_WHICH_SITE = _words(
    "本社 主力 自社 同社 国内 海外 既存 最大 中核 基幹 量産 研究 旗艦 最新 同 各 全"
)


def sites_of_places(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """A place MeCab knows, not a country, and a site's word after it, perhaps numbered
    (``浜岡原発``, ``熊本第2工場``, ``石狩データセンター``; not ``米国データセンター``), or
    any kanji noun so after a prefecture's の (``岩手県の北上工場``, where MeCab's 北上 is
    northward): a facility where nothing else was found there. On the Stockmark
    train sentences the stage found something at each of the 64 such spans without a
    number (45 of them gold facilities exactly), so this changes nothing there."""
    found = []
    for k, token in enumerate(tokens):
        if not (
            (token.pos[2] == "地名" and token.pos[3] != "国")  # 米国|データセンター: no site
            or (  # 岩手県の北上工場: a prefecture's site, MeCab's 北上 a noun (northward)
                token.pos[0] == "名詞"
                and _PREFECTURE_OF.search(text, max(0, token.start - 5), token.start)
                and _kanji(token.surface)
                and token.surface not in _WHICH_SITE
            )
        ) or not _kanji(text[token.end - 1]):
            continue
        site = _SITE_AFTER.match(text, token.end)
        if site is None or (k + 1 < len(tokens) and tokens[k + 1].start != token.end):
            continue
        first = k  # back over the places before it: 柏崎|刈羽|原発
        while first > 0 and tokens[first - 1].pos[2] == "地名":
            if tokens[first - 1].end != tokens[first].start:
                break
            first -= 1
        found.append((tokens[first].start, site.end()))
    return found


# A Latin name right after a country's one-kanji prefix and before a particle or a
# punctuation mark: news writes so before foreign firms (仏LVMHの, 独SAPは, 英BPと).
_PREFIXED_LATIN = regex(
    r"(?<![\u3005\u4e00-\u9fff0-9A-Za-z])[米英独仏中韓台蘭伊豪加印露]"
    r"([A-Z][A-Za-z0-9&]+)(?=[\u3041-\u309f、。,.)）]|$)"
)


# Which model of a product (新型N-BOX, 旧型プリウス): no Stockmark train name starts so
# but for one meeting on the new coronavirus (新型コロナウイルス感染症対策専門家会議).
_MODEL_WORDS = ("新型", "旧型", "現行", "次期")
# A new model's Latin name with a digit or a hyphen (新型CX-5, 新型RAV4, 新型N-BOX).
_NEW_MODEL = regex(r"(?:新型|次期)([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9\-])")


def new_models(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """Latin model names after ``新型`` or ``次期`` with a digit or a hyphen (``新型CX-5``,
    ``新型RAV4``, which the tagger missed): products; not a generic term (``新型GPT-4``
    is a product too, ``新型AI`` is not: no digit)."""
    found = []
    for match in _NEW_MODEL.finditer(text):
        name = match.group(1)
        if (
            any(ch.isdigit() or ch == "-" for ch in name)
            and name.lower() not in generic
            and gazetteer().types.get(name.lower(), "PRODUCT") == "PRODUCT"
        ):
            found.append(match.span(1))
    return found


def prefixed_latin_firms(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """Latin names after a country's prefix (``仏LVMHの``) that are no generic term
    (``米CPIは``, ``米GDPが``) nor a listed name of another type: firms. (The Stockmark
    train sentences, from Wikipedia, have no such name; the tagger missed 仏LVMH.)"""
    found = []
    for match in _PREFIXED_LATIN.finditer(text):
        name = match.group(1).lower()
        if name not in generic and gazetteer().types.get(name, "COMPANY") == "COMPANY":
            found.append(match.span(1))
    return found


# A katakana word, then の (and a firm's officer, _OFFICER_AFTER, for firms_before_officers).
_KATAKANA_BEFORE_OF = regex(
    r"(?<![\u30a1-\u30fa\u30fc・])[\u30a1-\u30fa][\u30a1-\u30fa\u30fc・]*[\u30a1-\u30fa\u30fc](?=の)"
)
# ... but not a word for a role or a kind of body, which is no name before の and an
# office (このグループの山田社長, グループのトップCEO), nor one pointed at (この…の).
_ROLES_AND_BODIES = _words(
    """
    グループ チーム ブランド カンパニー パートナー ライバル クライアント チェーン ホテル
    クラブ ユニット プロジェクト ファーム エージェンシー バンク ホールディングス
    コンソーシアム トップ オーナー ボス リーダー マネージャー メンバー
    """
)


def _role_word(word: str) -> bool:
    """Whether ``word`` names a role or a kind of body, or is a generic term."""
    return word in _ROLES_AND_BODIES or word.lower() in generic_terms()


_POINTED_AT = ("この", "その", "あの")  # 同|当: kanji, never a name's start here


# A katakana or Latin name opening a sentence before は and a day of the month: the news
# lead's announcer (カゴメは1月25日、…と発表した, missed: a common noun to MeCab); the 10
# such names in our articles are all firms (the Stockmark sentences have none).
_ANNOUNCER = regex(
    r"(?:^|(?<=[。\n]))(?P<name>[\u30a1-\u30fa\u30fc・]{2,15}|[A-Za-z][A-Za-z0-9&.\- ]{1,20})"
    r"は(?:[0-9]{1,4}年)?(?:[0-9]{1,2}月)?[0-9]{1,2}日、",
    re.MULTILINE,
)


def firms_before_officers(text: str) -> list[tuple[int, int]]:
    """Katakana names the tagger missed before の and a firm's officer
    (``クラウドフレアのマシュー・プリンスCEO``, ``米スノーフレークの…CEO``): firms, as
    every word so placed is on our articles, samples and fresh posts. A whole word (no
    kanji or Latin letter before it but a country's prefix), three characters or more,
    no word for a role or a kind of body nor generic term (``ファンドの…CEO``)."""
    found = []
    for match in _KATAKANA_BEFORE_OF.finditer(text):
        start, end = match.span()
        before = text[start - 1 : start]
        if before in COUNTRY_KANJI:
            before = text[start - 2 : start - 1]
        if (
            end - start < 3
            or (before and (_kanji(before) or (before.isascii() and before.isalnum())))
            or _role_word(match.group())
            or text.endswith(_POINTED_AT, 0, start)
            or _OFFICER_AFTER.match(text, end) is None
        ):
            continue
        found.append((start, end))
    return found


def _firm_or_site(text: str, start: int, end: int) -> str:
    """A firm's type, or a facility's for a name ending in a site's word
    (``国際熱核融合実験炉(ITER)``, the reactor)."""
    return "FACILITY" if _FACILITY_END.search(text, start, end) else "COMPANY"


def kanji_names_of_firms(
    text: str,
    sentences: Sequence[Sequence[Token]],
    mentions: Sequence[EntityMention],
    generic: frozenset[str],
) -> list[tuple[int, int]]:
    """A firm's name in kanji right before its Latin name in parentheses, which nothing
    found (``中国の比亜迪(BYD)``, ``寧徳時代新能源科技(CATL)``: Chinese names, which MeCab
    cuts into single characters). Not a description (``中国EV大手(BYD)``, ``同社(BYD)``):
    the kanji must be more than one word MeCab knows as a common noun, and no
    generic phrase. Where nothing found the Latin name, capitals (``長鑫存儲技術(CXMT)``)
    after kanji MeCab cuts into at least two single characters or unknown words are both
    names (not ``先端技術(AI)``, ``中国人民銀行(PBOC)``, ``米連邦準備理事会(FRB)``)."""
    found = []
    spans = [(m.start, m.end) for m in mentions if m.type == "COMPANY"]
    found_by_others = set(spans)
    taken = bytearray(len(text))  # what the mentions cover: a look per name, not per mention
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    spans += [
        latin.span(1)
        for latin in _PARENTHESISED_LATIN.finditer(text)
        if not any(taken[latin.start(1) : latin.end(1)])
    ]
    tokenized = [ts for ts in sentences if ts]
    starts = [ts[0].start for ts in tokenized]
    for mention_start, mention_end in spans:
        start = mention_start - 1
        if (
            start < 2
            or text[start] != "("
            or not text.startswith(")", mention_end)
            or _LATIN_NAME.fullmatch(text, mention_start, mention_end) is None
            or not _kanji(text[start - 1])
        ):
            continue
        first = start - 1
        while first > 0 and _kanji(text[first - 1]):
            first -= 1
        parts = _clean(text, first, start)
        if not parts or parts[-1][1] != start:
            continue
        first = parts[-1][0]
        k = bisect.bisect_right(starts, first) - 1  # the sentence the kanji are in
        if k < 0 or start > tokenized[k][-1].end:
            continue
        tokens = tokenized[k]
        inside = _tokens_within(tokens, first, start)
        if (
            start - first < 2
            or not inside
            or inside[0].start != first
            or inside[-1].end != start
            or (len(inside) == 1 and inside[0].pos[1] == "普通名詞")
            or _MAJOR.search(text, first, start) is not None
            or _generic_phrase(text, tokens, first, start, generic)
            or text.endswith(_UNIONS, first, start)  # 全米自動車労働組合(UAW): no firm
            or text.endswith(_MEASURES, first, start)  # 業況判断指数(DI): a measure
            or text.endswith(_BODY_WORDS, first, start)  # 国家経済会議(NEC): a body's
        ):
            continue
        if (mention_start, mention_end) not in found_by_others:
            # the characters of a Chinese name: not a country's prefix nor a last word
            # of one character (米|連邦|準備|理事|会(FRB))
            country = len(inside[0].surface) == 1 and inside[0].surface in _COUNTRIES
            within = inside[1:-1] if country else inside[:-1]
            if sum(len(t.surface) == 1 or t.unknown for t in within) < 2:
                continue
            found.append((mention_start, mention_end))
        found.append((first, start))
    return found


# Capitals in brackets, a short name or a ticker: (CXMT), (YMTC), or a Latin name of up
# to three capitalised words (Unitree Robotics, after 宇|樹|科技, which the tagger typed
# a person before it found the Latin name).
_PARENTHESISED_LATIN = regex(r"\(([A-Z][A-Z0-9]{1,5}|[A-Z][a-z]+(?: [A-Z][A-Za-z]+){0,2})\)")


# A katakana word listed right after a place (サンフランシスコやフェニックスなど): on the
# Stockmark train sentences 19 of the 20 such words after a gold place are gold places.
_BESIDE_PLACE = regex(r"[やと、]([\u30a1-\u30fa\u30fc]{2,})(?=など|[やと、のにでをがは])")


def places_beside_places(text: str, mentions: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """Katakana words the tagger missed in a list of places, after one it found."""
    found = []
    for mention in mentions:
        if mention.type == "LOCATION":
            beside = _BESIDE_PLACE.match(text, mention.end)
            if beside is not None:
                found.append(beside.span(1))
    return found


# Words only a text about rice uses (田んぼ, 備蓄米, 酒米; not 新米, also a novice): in one,
# 米 alone before a particle or a word of its trade is rice, not the United States (米の
# 値段, 米農家; MeCab reads both ベイ, and the tagger types every bare 米 a place). News
# names the US 米国 or 米 before a name or body (米Meta, 米政府), and writes rice コメ
# where both are about; the Stockmark train sentences have one bare 米 before a particle,
# rice (現物弁済米は、…米で).
_RICE_WORDS = regex(
    r"田んぼ|水田|稲作|稲刈り|備蓄米|精米|玄米|米価|米農家|米作り|コシヒカリ|銘柄米|炊飯|お米"
    r"|酒米|山田錦"
)
_RICE_AFTER = regex(r"[のをがはともで、。]|農家|騒動|作り|づくり|不足|離れ")


# A firm's head office in brackets after its name, as business news writes it: a city
# and its ward a middle dot apart (ポケトーク（東京・港）, スタートアップのX（大阪・北）),
# perhaps after its name's reading (Ubie（ユビー、東京・中央）).
# The Stockmark train sentences have none.
_HEAD_OFFICE = (
    r"\((?:[\u30a1-\u30fa\u30fc・A-Za-z0-9&.\- ]{2,20}、)?"  # Ubie（ユビー、東京・中央）
    r"(?P<city>東京|大阪|京都|名古屋|横浜|神戸|福岡|札幌|仙台|広島|川崎|さいたま|千葉|北九州)"
    r"・(?P<ward>[\u4e00-\u9fff]{1,4})\)"
)
_HEAD_OFFICE_AFTER = regex(_HEAD_OFFICE)
# ... and a katakana or Latin name right before one, which the tagger may miss
_NAME_BEFORE_HEAD_OFFICE = regex(  # not from inside a run: a bounded look at each
    # (nor after kanji, which may start the name: 京都|フュージョニアリング)
    r"(?<![\u30a1-\u30fa\u30fc・A-Za-z0-9&.\-\u4e00-\u9fff々])"
    r"(?P<name>[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]*|[A-Za-z][A-Za-z0-9&.\-]*)?"
    + _HEAD_OFFICE
)


# ... or its address, a prefecture and a city, ward, town or village, or a large city
# and perhaps its ward (ミドリテック（静岡県浜松市）, X（大阪市北区）), as press releases
# write it; not after a site's name (ジャングリアパーク（…）)
_NAME_BEFORE_ADDRESS = regex(
    r"(?<![\u30a1-\u30fa\u30fc・A-Za-z0-9&.\-\u4e00-\u9fff々])"
    r"(?P<name>[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]*|[A-Za-z][A-Za-z0-9&.\-]*)"
    r"\((?:本社:?)?"
    r"(?:(?:北海道|東京都|大阪府|京都府|[\u4e00-\u9fff]{2,3}県)[\u4e00-\u9fff]{1,6}?[市区町村]"
    r"|(?:東京|大阪|京都|名古屋|横浜|神戸|福岡|札幌|仙台|広島|川崎|さいたま|千葉|北九州)市"
    r"(?:[\u4e00-\u9fff]{1,3}区)?)\)"
)


def head_offices(text: str, generic: frozenset[str]) -> list[tuple[int, int, str]]:
    """The city and ward of a head office in brackets, places (not a name of their own,
    nor another name of the firm before them: ``LayerX（東京・中央）``), and the katakana
    or Latin name right before them, the firm's; the name before an address too."""
    found = []
    for match in _NAME_BEFORE_ADDRESS.finditer(text):
        start, end = match.span("name")
        if (
            end - start >= 2
            and match.group("name").lower() not in generic
            and _FACILITY_END.search(text, start, end) is None
        ):
            found.append((start, end, "COMPANY"))
    for match in _NAME_BEFORE_HEAD_OFFICE.finditer(text):
        name = match.group("name")
        if name and len(name) >= 2 and name.lower() not in generic:
            found.append((match.start("name"), match.end("name"), "COMPANY"))
        found.append((*match.span("city"), "LOCATION"))
        found.append((*match.span("ward"), "LOCATION"))
    return found


# A katakana name listed right after a firm, before another item, など, が, は or でも
# (野村総合研究所や楽天グループ、クラスメソッドなど: クラス|メソッド, two common nouns the
# tagger missed); on the Stockmark train sentences the stage finds all 24 such names
# already.
_BESIDE_FIRM = regex(
    r"[やと、]([\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]+)(?=など|[やと、がは]|でも)"
)


# Katakana words joined by ・アンド・ (or ・エンド・), as firms' names are written
# (マヒンドラ・アンド・マヒンドラ, ジョンソン・エンド・ジョンソン): 7 of the 11 such runs in the
# Stockmark train sentences are in gold firms' names (ボルチモア・アンド・オハイオ鉄道,
# where the tagger finds the longer name first), the others a club, a band, a song and
# none; not エンド・オブ, a title's words.
_AND_FIRM = regex(
    r"(?<![\u30a1-\u30fa\u30fc・])[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,})*"
    r"・(?:アンド|エンド)・(?!オブ)[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,})*"
    r"(?![\u30a1-\u30fa\u30fc・])"
)


def firms_beside_firms(
    text: str,
    sentences: Sequence[Sequence[Token]],
    mentions: Sequence[EntityMention],
    generic: frozenset[str],
) -> list[tuple[int, int]]:
    """Katakana names the tagger missed in a list of firms, after one it found; not a
    generic term nor one common noun (楽天と、データなど)."""
    found = []
    tokenized = [ts for ts in sentences if ts]
    starts = [ts[0].start for ts in tokenized]
    for mention in mentions:
        if mention.type != "COMPANY" or (beside := _BESIDE_FIRM.match(text, mention.end)) is None:
            continue
        start, end = beside.span(1)
        k = bisect.bisect_right(starts, start) - 1  # the sentence the name is in
        tokens = tokenized[k] if k >= 0 else ()
        if beside.group(1).lower() not in generic and not _one_known_common_noun(
            tokens, start, end
        ):
            found.append((start, end))
    return found


def places_after_dots(
    text: str, sentences: Sequence[Sequence[Token]], mentions: Sequence[EntityMention]
) -> list[tuple[int, int]]:
    """A place MeCab knows, and its 市, 区, 州 or 県, written after a place and a middle
    dot, which the tagger missed (韓国・釜山, 北海道・千歳市, 東京・日本橋)."""
    dotted = [m for m in mentions if m.type == "LOCATION" and text.startswith("・", m.end)]
    if not dotted:  # most articles
        return []
    starts = {t.start: (k, tokens) for tokens in sentences for k, t in enumerate(tokens)}
    found = []
    for mention in dotted:
        k, tokens = starts.get(mention.end + 1, (-1, ()))
        end = -1
        while 0 <= k < len(tokens) and tokens[k].pos[1:3] == ("固有名詞", "地名"):
            end = tokens[k].end
            k += 1
        if end < 0:
            continue
        if k < len(tokens) and tokens[k].surface in _PLACE_SUFFIXES:
            end = tokens[k].end
            k += 1
        if k == len(tokens) or not (_kanji(text[end]) or _is_katakana(text[end])):
            found.append((mention.end + 1, end))  # not 東京・大阪間, a longer word
    return found


_PLACE_SUFFIXES = frozenset("市区町村郡州県省")
# A place and の before a site's katakana or Latin name
_PLACE_OF_SITE = regex(
    r"(?P<place>[\u4e00-\u9fff]{2,4}|[\u30a1-\u30fa\u30fc]{2,8})の(?=[\u30a1-\u30faA-Za-z])"
)


def sites_named_after_towns(text: str, mentions: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """A plant or works named after the city, town or village it is in, which the tagger
    missed where MeCab reads the name a common word (岩手県北上市の|北上工場: 北上, going
    north; 三重県亀山市の亀山工場)."""
    towns = {
        _TOWN.search(text, m.start, m.end - 1)
        for m in mentions
        if m.type == "LOCATION" and text[m.end - 1] in "市町村"
    }
    names = {t.group() for t in towns if t is not None}
    if not names:  # most articles
        return []
    found = []
    for site in _SITE_AFTER.finditer(text):  # one pass, however many towns
        for length in (2, 3):  # a town's name is two or three kanji (_TOWN)
            at = site.start() - length
            if (
                at >= 0
                and text[at : site.start()] in names
                and (at == 0 or not _kanji(text[at - 1]))  # not 南北上工場
            ):
                found.append((at, site.end()))
                break
    return found


# A town's name before its 市, 町 or 村, after its prefecture if any (岩手県|北上|市)
_TOWN = regex(r"(?:(?<=都|道|府|県)|(?<=^)|(?<![\u4e00-\u9fff]))[\u4e00-\u9fff]{2,3}$")


# Public offices and honorifics: a katakana name before one is a person's (before a
# company's office, X社長, it may be the company's).
_PUBLIC_TITLES = tuple(
    sorted(
        _words(
            """
            氏 首相 大統領 副大統領 総裁 副総裁 長官 次官 大臣 議長 副議長 議員 委員長
            財務長官 国務長官 商務長官 国防長官 司法長官 内務長官 農務長官 運輸長官
            幹事長 外相 財務相 経産相 防衛相 農相 法相 事務総長 教授 准教授 博士 監督
            理事 専務理事 理事長 事務局長 通商代表 報道官 大使 特使
            """
        ),
        key=len,
        reverse=True,
    )
)
# A firm's offices: before one, a katakana name may be the firm's (トヨタ社長), so only
# one unknown word with a middle dot in it is taken for a person (リップブー・タンCEO).
_FIRM_OFFICES = tuple(
    sorted(
        _words("CEO CFO COO CTO 最高経営責任者 社長 副社長 会長 副会長 創業者 共同創業者"),
        key=len,
        reverse=True,
    )
)
_PUBLIC_TITLE_STARTS = frozenset(t[0] for t in _PUBLIC_TITLES)


# A chip's model name in Latin letters and digits right after the word for a chip
# (自社開発チップTrainium3, 新チップM5, AI半導体H20), which the tagger misses; the 2 such
# Stockmark train names are products (マイクロプロセッサIntel8080, …NS16032).
_CHIP_NAMED = regex(
    r"(?<![A-Za-z0-9])(?:チップ|GPU|CPU|プロセッサー?|半導体|アクセラレーター?) ?"
    r"([A-Z][A-Za-z]*[0-9][A-Za-z0-9]*)(?![A-Za-z0-9.])"
)
# What a firm does to what it makes, then a name: see _AFTER_MAKER, which ends so.
_MAKER_VERBS = (
    r"を(?:(?:開発|運営|製造|展開|販売|提供)(?:する|している|した)|手(?:掛|が)け(?:る|ている|た))"
)
_MAKER_VERB = regex(_MAKER_VERBS)
_PARTICLE_AFTER_NAME = frozenset("がはのやもと、")
_KIND_WORDS = _words("プロバイダー チーム サイト ブランド ショップ ストア ホテル センター ゲーム")


def firms_after_makers(
    text: str, tokens: Sequence[Token], generic: frozenset[str]
) -> list[tuple[int, int]]:
    """A katakana name right after what a firm does to what it makes and before a
    particle, not one common noun MeCab knows (``「ふるさとチョイス」を運営する|トラスト|
    バンク|や``, missed; not ``を運営するサイト``): the firm. On the Stockmark train
    sentences the 3 so placed that are not one common noun are gold companies
    (``ユニリーバ・ジャパン``, ``ノジマ``); so are the 2 of the Wikipedia leads."""
    if not tokens or "を" not in text[tokens[0].start : tokens[-1].end]:
        return []
    found = []
    starts: dict[int, int] = {}
    for verb in _MAKER_VERB.finditer(text, tokens[0].start, tokens[-1].end):
        starts = starts or {t.start: k for k, t in enumerate(tokens)}
        k = starts.get(verb.end())
        if k is None:
            continue
        j = k
        while (
            j < len(tokens)
            and _KATAKANA_NAME.fullmatch(tokens[j].surface) is not None
            and (j == k or tokens[j].start == tokens[j - 1].end)
        ):
            j += 1
        if j == k or tokens[j - 1].end >= len(text):
            continue
        start, end = verb.end(), tokens[j - 1].end
        last = tokens[j - 1].surface
        if (
            text[end] in _PARTICLE_AFTER_NAME
            and not (j - k == 1 and tokens[k].pos[1] == "普通名詞" and not tokens[k].unknown)
            # nor a kind of firm or thing named by a common noun (ソフトウェア|メーカー,
            # サービス|プロバイダー, 通販|サイト)
            and last.lower() not in generic
            and last not in _KIND_WORDS
            and text[start:end].lower() not in generic
            and text[start] != "・"
        ):
            found.append((start, end))
    return found


def titled_foreign_names(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Katakana names before a public office or an honorific that MeCab did not know:
    split into pieces (``メル|ツ首相``) or one unknown word. On the Stockmark train
    sentences all 27 such runs of katakana (the office a word of its own, not
    ``選手|権``) are gold persons. Known words (``グループ会長``) are left alone. Before
    a firm's office, katakana words joined by a middle dot, none of them a listed name
    but a person's (``リップブー・タンCEO``, ``ホック・タン|CEO``, ``リップブー・タン CEO``,
    ``サティア・ナデラ最高経営責任者``; not ``グーグル・クラウドCEO``; the 2 such runs in the
    Stockmark train sentences are gold persons), or one katakana word after a firm's
    name and の (``テスラのマスクCEO``, ``アップルのクックCEO``: words MeCab knows, mask
    and cook; the one such word of the train sentences, サマランチ会長, is a gold person),
    no listed name nor a word for a role (``グループのトップCEO``)."""
    found = []
    for k in range(1, len(tokens)):
        at = tokens[k].start
        # a space may stand before the office (リップブー・タン CEO), as in Latin script
        end = at - 1 if text[at - 1] in " \u3000" else at
        if tokens[k - 1].end in (at, end) and text.startswith(_FIRM_OFFICES, at):
            # リップブー・タン|CEO, ホック|・|タン|CEO: checked first, as such runs are few
            start = _katakana_before(text, end)
            while (
                start > 0 and text[start - 1] == "・" and _is_katakana(text[start - 2 : start - 1])
            ):
                start = _katakana_before(text, start - 1)
            parts = text[start:end].split("・")
            if (
                (len(parts) >= 2 or (end - start >= 2 and text[start - 1 : start] == "の"))
                and all(parts)
                and not (start > 0 and text[start - 1] in "=・")
                and any(t.start == start for t in tokens)
                and all(gazetteer().types.get(part.lower()) in (None, "PERSON") for part in parts)
                and (len(parts) >= 2 or not _role_word(text[start:end]))
            ):
                found.append((start, end))
                continue
        if text[at] not in _PUBLIC_TITLE_STARTS and text[at] not in _COUNTRY_OFFICE_STARTS:
            continue
        office = _COUNTRY_OFFICE.match(text, at)  # メルツ独首相
        title = next((t for t in _PUBLIC_TITLES if text.startswith(t, at)), None)
        if office is None and title is None:
            continue
        after = office.end() if office is not None else at + len(title or "")
        if after < len(text) and _kanji(text[after]):
            continue  # 選手|権, 様|式: the office is part of a longer word
        i = k  # back over the katakana tokens that end where the office starts
        while i > 0 and tokens[i - 1].end == at and _KATAKANA_NAME.fullmatch(tokens[i - 1].surface):
            i -= 1
            at = tokens[i].start
        start = tokens[i].start
        if (
            i < k
            # マスク氏: a word MeCab knows (a mask) before 氏, which no thing takes
            and (k - i >= 2 or tokens[i].unknown or title == "氏")
            and text[start] != "・"
            # ジョン・F・|ケネディ: the end of a longer name
            and not (start > 0 and (_is_katakana(text[start - 1]) or text[start - 1] == "・"))
        ):
            found.append((start, tokens[k].start))
    return found


_NAME_TITLES = tuple(
    sorted({*_PUBLIC_TITLES, *_FIRM_OFFICES, "董事長", "総経理", "主席"}, key=len, reverse=True)
)
_NAME_TITLE_STARTS = frozenset(t[0] for t in _NAME_TITLES)
# Not the first character of a name: a rank, an order or a numeral (第一副議長, 元副会長,
# 三国外相).
_NOT_NAME_KANJI = frozenset("副元前現新旧第同両各故次総全一二三四五六七八九十百千")


# A body or a place, not the end of a name, before a title: 金正恩|党|委員長, 米.
_BODY_KANJI = frozenset("党省庁府県市区町村州国軍局部課署院会社団界側")
_NAME_PIECES = ("名詞", "接尾辞", "記号")  # UniDic has rare kanji as symbols: 梁


def titled_kanji_names(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Three kanji MeCab read one by one (a name it does not know, mostly Chinese or
    Korean: ``梁|文|鋒氏``, ``王|伝|福董事長``) right before an honorific or an office,
    after no other kanji and not starting with a rank or numeral. On the Stockmark train
    sentences two runs of three such kanji stand before a title: a gold person
    (崔順実氏) and a rank (第一副議長), which the first kanji rules out."""
    found = []
    for k in range(3, len(tokens)):
        # three one-character tokens first: rare, and cheap to look at
        if len(tokens[k - 1].surface) != 1 or len(tokens[k - 2].surface) != 1:
            continue
        at = tokens[k].start
        if text[at] not in _NAME_TITLE_STARTS or not text.startswith(_NAME_TITLES, at):
            continue
        run = tokens[k - 3 : k]
        if (
            all(len(t.surface) == 1 and _kanji(t.surface) and t.pos[0] in _NAME_PIECES for t in run)
            and run[0].end == run[1].start
            and run[1].end == run[2].start
            and run[2].end == at
            and run[0].surface not in _NOT_NAME_KANJI
            and not (run[0].start > 0 and _kanji(text[run[0].start - 1]))
        ):
            found.append((run[0].start, at))
    return found


# Not a person's handle before さん: everyone (みなさん), kin and strangers (おばあさん).
_HIRAGANA_NOT_NAMES = frozenset({"みな", "みんな", "おじ", "おば", "おじい", "おばあ", "おにい"})


def titled_hiragana_names(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """A handle in hiragana before さん or 氏, as posts name bloggers and YouTubers
    (``投資家のたぱぞうさん``, ``りょうさんのブログ``): one word MeCab reads as a given
    name, or hiragana it cuts into pieces no word is made of (``た|ぱ|ぞう``: a sign or
    an auxiliary inside), after a particle or no hiragana. (The Stockmark train sentences
    hold no such name: news writes names in kanji.)"""
    found = []
    for k in range(1, len(tokens)):
        if tokens[k].surface not in ("さん", "氏") or not _HIRAGANA_RUN.fullmatch(
            tokens[k - 1].surface
        ):
            continue
        i = k  # back over the hiragana tokens that are no particle
        while (
            i > 0
            and tokens[i - 1].end == tokens[i].start
            and _HIRAGANA_RUN.fullmatch(tokens[i - 1].surface)
            and tokens[i - 1].pos[0] != "助詞"
        ):
            i -= 1
        run = tokens[i:k]
        if not run:  # a particle right before さん
            continue
        start, end = run[0].start, run[-1].end
        opened = text.rfind("(", max(0, start - 20), start)  # the analysis text is NFKC
        if (opened >= 0 and ")" not in text[opened:start]) or (
            k + 1 < len(tokens)
            and _HIRAGANA_RUN.fullmatch(tokens[k + 1].surface)
            and tokens[k + 1].pos[0] not in ("助詞", "助動詞")
        ):
            continue  # 硫酸(りゅう|さん), (おるとりん|さん): a reading
        if (
            not 2 <= end - start <= 8
            or text[start:end] in _HIRAGANA_NOT_NAMES
            or run[0].pos[0] == "接頭辞"  # お|ばあ|さん
            or (
                start > 0
                and _HIRAGANA_RUN.fullmatch(text[start - 1])
                and (i == 0 or tokens[i - 1].pos[0] != "助詞")
            )
        ):
            continue
        if (len(run) == 1 and run[0].pos[2] == "人名") or (
            len(run) > 1 and any(t.pos[0] in ("記号", "助動詞") or t.unknown for t in run)
        ):
            found.append((start, end))
    return found


_HIRAGANA_RUN = regex("[ぁ-ゖー]+")
_YEAR_END = regex(r"(?<=[^\d ]) ?(?:19|20)\d\d$")  # a name and its year, not a number
_LATIN_WORD = regex(r"[A-Za-z][A-Za-z'.]*")
_LOWER_WORD = regex(r"[a-z]+")


def _english_prose(name: str) -> bool:
    """An English sentence the tagger read as a name (``The question is who will arm
    them``): two or more lower-case words, more than half of its words. Names keep
    a lower-case word or two (``Bank of America``, ``amiibo``); 3 of the 10,503
    Stockmark train names would not (``Let it go``)."""
    words = _LATIN_WORD.findall(name)
    lower = sum(1 for w in words if _LOWER_WORD.fullmatch(w.strip(".'")))
    return lower >= 2 and lower * 2 > len(words)


# An English sentence's opening: a greeting alone or a subject and what follows (Hi,
# I'm Emily; I visited …), typed a firm or an event in bilingual posts; the one train
# gold name so begun is a song's title (I Am the Walrus).
_ENGLISH_OPENING = regex(r"(?:Hi|Hello|Thanks)$|(?:I|I'm|I've|We|We're|It's) ")


JAPANESE_CHAR = regex("[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


_HEADING_LENGTH = 200  # characters: a longer line is prose


def english_heading(text: str, start: int, end: int, zone: str) -> bool:
    """Whether the sentence at ``start:end`` is on a line with no Japanese on it that
    reads as a heading: a title's, a heading's, or one not ended as a sentence is
    (``## Key Takeaways``, ``**Step 1**``; not ``…, according to The Information.``)."""
    low, high = max(0, start - _HEADING_LENGTH), min(len(text), end + _HEADING_LENGTH)
    before, after = text.rfind("\n", low, start), text.find("\n", end, high)
    if (before < 0 and low > 0) or (after < 0 and high < len(text)):
        return False  # a long line: no heading (and no scan of a whole long line)
    line_start, line_end = before + 1, after if after >= 0 else len(text)
    if line_end - line_start > _HEADING_LENGTH or JAPANESE_CHAR.search(text, line_start, line_end):
        return False
    return zone in ("title", "heading") or not text[line_start:line_end].rstrip().endswith(
        (".", "!", "?")
    )


# What is bought is a firm: Nuviaを約14億ドルで買収, Kiva Systemsの買収.
_BOUGHT = regex(r"を(?:[^、。を]{0,14}?で)?買収|の買収")


# A key of a keyboard: Tabキー, Windowsキー.
_KEYBOARD_KEY = regex(r"[A-Za-z]+ ?キー")
# A faction after a person's name: 安倍|派の (not 派遣, 派生).
_FACTION_AFTER = regex(r"派(?![\u4e00-\u9fff])")


def _camp(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a name is katakana common nouns MeCab knows and ``派``, those who prefer
    a thing (``エディタ派``, ``ターミナル派``), which the tagger types a political body as
    it does factions; the 9 Stockmark train names ending in ``派`` are a person's,
    a place's or a cause's (``竹下派``, ``安徽派``, ``恭順派``)."""
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) >= 2
        and inside[-1].surface == "派"
        and all(
            t.pos[1] == "普通名詞" and not t.unknown and _ONE_KATAKANA_WORD.fullmatch(t.surface)
            for t in inside[:-1]
        )
    )


# What ends the name of a measure, no firm's: 業況判断指数(DI), 自己資本比率(CET1).
_MEASURES = ("指数", "率", "指標")
# A union's word, before its name (労働組合IGメタル, 産業別労働組合のUAW, 全米鉄鋼労働組合(USW))
# or ending it.
_UNIONS = ("労働組合", "労組")
_UNION_BEFORE = regex(r"(?:労働組合|労組)[の(（]?$")


# A digit, a word in capitals or a capital inside a word (GeForce)
_MODEL_LIKE = regex(r"[0-9]|\b[A-Z]{3,}\b|[a-z][A-Z]")


def _heading_words(text: str, start: int, end: int, zone: str) -> bool:
    """A name the tagger found in an English heading (``english_heading``: ``## Key
    Takeaways``, ``## Step 1``, ``## Before / After``) that the article says nowhere
    else: a heading's words, which the tagger, trained on Japanese sentences, reads as
    a name for want of context. A listed name there is found before the tagger, and a
    name the article says again (``## Anthropic`` over a section on it) stays."""
    name = text[start:end]
    if not english_heading(text, start, end, zone) or (
        zone == "table" and _MODEL_LIKE.search(name) is not None
    ):  # a table's cell that reads as a model's or a maker's name (a parts list's
        # AMD Ryzen 7 9700X), not its English column heads or words (Before, Great Value)
        return False
    at = text.find(name)
    while at >= 0:
        before, after = text[at - 1 : at], text[at + len(name) : at + len(name) + 1]
        if (
            at != start
            and not (before.isascii() and before.isalnum())
            and not (after.isascii() and after.isalnum())
        ):
            return False  # said again, as a word of its own
        at = text.find(name, at + 1)
    return True


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fc" and ch != "・"


def _katakana_before(text: str, end: int) -> int:
    """Where the run of katakana that ends at ``end`` starts (``end`` if none)."""
    start = end
    while start > 0 and _is_katakana(text[start - 1]):
        start -= 1
    return start


def _full_foreign_names(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tagger's persons with a foreign given name put back: ``ナンシー|・|ペロシ``
    tagged as two persons is one (632 katakana names in the Stockmark train gold are
    written so, 2 pairs of persons), and so is ``パット・ゲルシンガー氏`` where only
    the family name was tagged, if a title or an honorific follows the name
    (``マーク・ベニオフCEO``, where the tagger took the title with it, too)."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if out and _prefixed_firm_goes_on(text, out[-1], (start, end, kind)):
            out[-1] = (out[-1][0], end, kind)
            continue
        if kind == "PERSON" and start >= 2 and text[start - 1] in "・=":
            given = _katakana_before(text, start - 1)
            if given < start - 1 and _is_katakana(text[start]):
                previous = out[-1] if out else None
                if previous is not None and previous[2] == "PERSON" and previous[1] == start - 1:
                    out[-1] = (previous[0], end, kind)
                    continue
                if (
                    (previous is None or previous[1] <= given)
                    and text[given : start - 1] not in TITLES
                    and (  # a title after the name, or one the tagger took (ベニオフCEO)
                        text.startswith(_TITLES_LONGEST_FIRST, end)
                        or _without_title(text, start, end) < end
                    )
                ):
                    out.append((given, end, kind))
                    continue
        out.append((start, end, kind))
    return out


# A kanji name's reading in hiragana, in brackets right after it, as news gives the
# reading of a name hard to read (毛籠勝弘（もろ・まさひろ）社長, ビーエス朝日（ビーエス
# あさひ）); Stockmark's sentences have none.
# (A katakana reading is the name in another script: 劉揚偉（ヤング・リウ）, one person.)
_READING = regex(
    r"(?<=[\u3005\u4e00-\u9fff])\("
    r"(?P<kana>[\u30a1-\u30fa\u30fc・ ]*[\u3041-\u3096][\u3041-\u3096\u30a1-\u30fa\u30fc・ ]*)\)"
)
# A stock's code in brackets after a name, as investment posts write it: a ticker,
# perhaps after its exchange (Vertiv（VRT）, (NASDAQ: PLTR)), or a Tokyo code (（7203）,
# （東証プライム：7203）, 【6857】). No Stockmark train sentence has one.
# A bare four-digit code is no year (東京五輪（2020）).
_TICKER_AFTER = regex(
    r" ?[（(【](?P<code>(?P<exchange>NASDAQ|Nasdaq|NYSE|東証[^\s（()）:：]{0,6})[:：・] ?"
    r"(?:[A-Z]{1,5}|[0-9]{4}|[0-9]{3}[A-Z])|(?P<ticker>[A-Z]{1,5})|(?!19|20)[0-9]{4}|[0-9]{3}[A-Z])[）)】]"
)


_LATIN_WORD_BEFORE = regex(r"[A-Za-z0-9]+$")


def _ticker_after(text: str, start: int, end: int) -> bool:
    """Whether a stock's code follows the name text[start:end]."""
    code = _TICKER_AFTER.match(text, end)
    return code is not None and _is_stock_code(code, text[start:end])


def _is_stock_code(code: re.Match[str], name: str) -> bool:
    """Whether a ``_TICKER_AFTER`` match after ``name`` is a stock's code: a Tokyo code,
    a code after its exchange, or a bare ticker after one Latin word whose letters it
    takes in order (``Palantir（PLTR）``; not ``Model Context Protocol（MCP）`` nor
    ``ソフトバンクグループ（SBG）``, a short name)."""
    ticker = code.group("ticker")
    if ticker is None:
        return True
    name = name.upper()
    if not (name.isascii() and name.isalnum()):
        return False
    letters = iter(name)
    return all(letter in letters for letter in ticker)


# A Tokyo stock code a space after a name in Japanese script (東京エレクトロン 8035).
_SPACED_CODE = regex(r"(?<=[^\x00-\x7f]) [0-9]{4}$")


# A part of a place inside a tagged place: インド|南部|ベンガルール, 米|南部|テキサス州 are
# two places (no Stockmark train gold place has such a word inside; 北部九州 starts with
# it, 九州北部地方 ends in its region).
_INNER_DIRECTION = regex(r"(?:南東|南西|北東|北西|中西|[東西南北中])部(?=..)(?!地方|地域|沿岸)")


# A part of a country before a foreign place's name (南部カルナタカ州; no Stockmark train
# gold place follows such a word, and the one that starts with one is 北部九州, in kanji).
_LEADING_DIRECTION = regex(r"(?:南東|南西|北東|北西|[東西南北])部(?=[\u30a1-\u30fa])")


def _tokens_within(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens wholly inside text[start:end]."""
    return [t for t in tokens if start <= t.start and t.end <= end]


_SITUATION = regex(r"(?<=..)情勢(?:しだい|次第)?$")
# Kinds of firm, no firm's name alone (no Stockmark train gold name is one).
_KINDS_OF_FIRM_ALONE = frozenset({"銀行", "会社", "企業", "証券", "商社", "メーカー", "新聞社"})
_NEW_SITE = regex(
    r"新(?:工場|本社|社屋|球場|スタジアム|アリーナ|ドーム|拠点|店舗|庁舎|空港|駅|ターミナル"
    r"|施設|ビル|キャンパス|データセンター|発電所)"
)


def _firm_word_after(text: str, start: int, end: int) -> int:
    """The end of the kanji right after a kanji name that end in a firm's word within
    five characters (``田中貴|金属工業``, a firm the tagger read as the person ``田中貴``),
    else 0."""
    if not _kanji(text[end - 1]):
        return 0
    after = end
    while after < len(text) and after - end < 6 and _kanji(text[after]):
        after += 1
    if after == end or after - end > 5 or (after < len(text) and _kanji(text[after])):
        return 0
    return after if _FIRM_WORD_END.search(text, start, after) is not None else 0


def _after_inflection(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """Where a name starts that the tagger began inside a verb's inflection (``集め|たい|
    銀行``: ``たい銀行``, a firm) or at a verb in hiragana after its object (``流れを|くむ|
    銀行``): after the verb and the auxiliaries and particles in hiragana that go on from
    it (no Stockmark train gold name starts so; the five that start with a verb token to
    MeCab, ``いわてグルージャ盛岡``, have no particle before it)."""
    if not "\u3041" <= text[start] <= "\u309f":
        return start
    k = _token_at(tokens, start)
    if (  # 流れを|くむ|銀行: a verb in hiragana after its object, then what it describes
        0 < k < len(tokens) - 1
        and tokens[k].end < end
        and tokens[k].pos[0] == "動詞"
        and tokens[k - 1].pos[0] == "助詞"
        and tokens[k - 1].surface in ("を", "が", "に")
        and all("\u3041" <= ch <= "\u309f" for ch in tokens[k].surface)
    ):
        start = tokens[k].end
        k += 1
    while (
        0 < k < len(tokens) - 1
        and tokens[k].end < end
        and tokens[k].pos[0] in ("助動詞", "助詞")
        and tokens[k - 1].pos[0] in ("動詞", "助動詞")
        and tokens[k - 1].end == tokens[k].start
        and all("\u3041" <= ch <= "\u309f" for ch in tokens[k].surface)
    ):
        start = tokens[k].end
        k += 1
    return start


_NUMBERS_ONLY = regex(r"[0-9]+(?:[-‐−–/.][0-9]+)+")


def _numbers_only(name: str, generic: frozenset[str]) -> bool:
    """Digits joined by separators, alone or after a generic label (``TEL 03-…``)."""
    label, _, numbers = name.rpartition(" ")
    return _NUMBERS_ONLY.fullmatch(numbers) is not None and (not label or label.lower() in generic)


def _after_verb_stem(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """A name in hiragana glued to a verb before it (``伸び|しろ``, typed a person: MeCab's
    しろ is a name): part of a word, no name of its own."""
    if not all("\u3041" <= ch <= "\u309f" for ch in text[start:end]):
        return False
    k = _token_at(tokens, start)
    return k > 0 and tokens[k - 1].pos[0] == "動詞" and tokens[k - 1].end == start


# Parts of speech of words that are never names on their own (adverbs, conjunctions,
# adnominals, interjections).
_NOT_NAME_POS = frozenset({"副詞", "接続詞", "連体詞", "感動詞"})


def _after_speaker_label(text: str, start: int, part_start: int) -> bool:
    """Whether a tagged span opens a line with a speaker's label and its colon and the
    part at ``part_start`` comes after them (an interview's ``竹増:|auショップとの…``,
    typed an event as one span): its type is the label's, not its own. A speaker's
    label opens other lines too; a list item's (``Google:|Kairos Powerの…``) once."""
    return (
        part_start > start
        and text[part_start - 1] == ":"
        and part_start - 1 - start <= 8
        and (start == 0 or text[start - 1] == "\n")
        and _line_labels(text)[text[start:part_start]] >= 2
    )


# A line's label and its colon (竹増:), eight characters at most
_LINE_LABEL = regex(r"^[^\n:]{1,8}:", re.MULTILINE)


@lru_cache(maxsize=1)
def _line_labels(text: str) -> Counter[str]:
    """How many lines of the text open with each label and its colon: one pass over the
    text, however many spans ask (the last text's only)."""
    return Counter(label.group() for label in _LINE_LABEL.finditer(text))


def _retagged(text: str, start: int, end: int) -> str | None:
    """The type the tagger gives text[start:end] when it reads the line from there on
    (without the speaker's label before it), if it finds that name whole."""
    line_end = text.find("\n", start)
    return _tagged_in(text, start, line_end if line_end >= 0 else len(text), start, end)


def _tagged_in(text: str, low: int, high: int, start: int, end: int) -> str | None:
    """The type the tagger gives text[start:end] reading text[low:high] alone, if it
    finds that name whole there."""
    tokens = tokenize(text[low:high], low)
    return next((kind for s, e, kind in tag(tokens) if (s, e) == (start, end)), None)


# Where a stretch of text read on its own ends: a colon, a bracket, a line's end.
_STRETCH_END = regex(r"[():\n。]")


def _retagged_between_marks(text: str, start: int, end: int) -> str | None:
    """The type the tagger gives text[start:end] when it reads only the stretch between
    the colons, brackets or line ends around it, if it finds that name whole: for the
    parts of an event the tagger ran across a colon (iFreeNEXT インド株インデックス|（大和
    アセットマネジメント）|:Nifty50, a list item's fund, its firm and its index). Not for
    other types: a word alone says little (フレームワーク:|Hono, a product; alone, a
    firm), nor across brackets alone (郭魯正（クァク・ノジョン）, one person)."""
    low, high = max(0, start - 200), min(len(text), end + 200)  # a bounded look
    stretch_start = max(low - 1, *(text.rfind(mark, low, start) for mark in "():\n。")) + 1
    after = _STRETCH_END.search(text, end, high)
    return _tagged_in(text, stretch_start, after.start() if after else high, start, end)


def _function_word(
    text: str, tokens: Sequence[Token], start: int, end: int, kind: str = ""
) -> bool:
    """One hiragana word MeCab reads as an adverb, conjunction or the like, not quoted
    (``辻：|まず``, typed a person with the speaker's label before the colon); the
    Stockmark train's seven gold names so read are quoted (「たびたび」) or katakana
    (``モクモク``). So are a prefix and words MeCab knows, none a name, where the tagger
    says person (``お|すすめ|は、…``; not one common noun: the train's heroines
    ``すみれ`` and ``ゆり`` are such words to MeCab)."""
    if text[start - 1 : start] in ("「", "『") or not all(
        "\u3041" <= ch <= "\u309f" for ch in text[start:end]
    ):
        return False
    k = _token_at(tokens, start)
    if k >= 0 and tokens[k].end == end and tokens[k].pos[0] in _NOT_NAME_POS:
        return True
    if kind != "PERSON":
        return False
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) >= 2
        and inside[0].pos[0] == "接頭辞"  # お|すすめ
        and all(not t.unknown and t.pos[1] != "固有名詞" for t in inside)
    )


def _given_names(
    tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A surname the tagger found alone and the given name it ran into what follows
    (``本田|悦朗元内閣官房参与``, a political body): the given name, a name to MeCab, is
    the person's, the rest what the tagger read it as."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if out and out[-1][2] == "PERSON" and out[-1][1] == start and kind != "PERSON":
            surname = _tokens_within(tokens, out[-1][0], out[-1][1])
            inside = _tokens_within(tokens, start, end)
            if (
                len(surname) == 1
                and surname[0].pos[2:4] == ("人名", "姓")
                and len(inside) >= 2
                and inside[0].start == start
                and inside[0].pos[2:4] == ("人名", "名")
            ):
                out[-1] = (out[-1][0], inside[0].end, "PERSON")
                start = inside[0].end
        out.append((start, end, kind))
    return out


def _titled_persons(
    text: str, tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's name the tagger ran into a title that goes on past its span, typed
    otherwise (``松本|尚|デジタル|相``, a firm ``松本尚デジタル``): the name before the title
    is a person's where MeCab read it as a surname and given names."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        straddled = (  # a title may go on past the span: a word goes on after it
            kind != "PERSON"
            and _kanji(text[start])
            and end < len(text)
            and (_kanji(text[end]) or _is_katakana(text[end]))
        )
        inside = _tokens_within(tokens, start, end) if straddled else []
        cut = -1
        surname = len(inside) >= 3 and (
            inside[0].pos[2:4] == ("人名", "姓") or inside[0].pos[2] == "地名"
        )
        if surname:
            # the title may start after a piece of the given name MeCab read as no name
            # (中野|洋|昌|国土交通|相: 洋 a suffix, 中野 a place), within three characters
            # of the surname; after a place, only with a given name's piece (not 東京|都知事)
            given = inside[0].pos[2] == "人名"
            for token in inside[1:]:
                if token.start - inside[0].end > 3:
                    break
                if token.pos[2] == "人名":
                    given = True
                    continue
                title = next(
                    (t for t in _TITLES_LONGEST_FIRST if text.startswith(t, token.start)),
                    "",
                )
                if title and token.start + len(title) > end and given:
                    cut = token.start
                    break
                if token.pos[0] not in ("接尾辞", "名詞") or len(token.surface) > 1:
                    break
        if cut > 0:
            out.append((start, cut, "PERSON"))
        else:
            out.append((start, end, kind))
    return out


_PART_OF_WORK = regex(r"第[0-9一二三四五六七八九十百]+(?:章|部|話|巻|幕|弾|集)")


def _representatives(
    tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's name and ``代表`` the tagger read as a team (``日本代表``, ``カナダ代表``: the
    25 Stockmark train gold names ending in 代表 are teams) are the person, the one who
    represents a firm (``山田太郎代表``; so the train's ``萩原敏雄代表``): a surname to
    MeCab, then at most two pieces of a name."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        inside = _tokens_within(tokens, start, end) if kind == "ORG" else []
        if (
            kind == "ORG"
            and 2 <= len(inside) <= 4
            and inside[-1].surface == "代表"
            and inside[-1].end == end
            and inside[0].start == start
            and inside[0].pos[2:4] == ("人名", "姓")
            and all(
                t.pos[2] == "人名" or (_kanji(t.surface) and t.pos[0] in _NAME_PIECES)
                for t in inside[1:-1]
            )
        ):
            out.append((start, inside[-1].start, "PERSON"))
        else:
            out.append((start, end, kind))
    return out


def _subsidiaries(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A firm, a middle dot and a place in katakana that ends the name are one firm, the
    firm's arm there (``トヨタ・モーター|・|タイランド``, ``三菱モーターズ・タイランド``,
    typed a firm and a place). On the Stockmark train sentences 11 gold firms end so
    (``ユニリーバ・ジャパン``, ``グレイハウンド・カナダ``) and no gold firm is followed by a
    middle dot and a gold place."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if (
            out
            and kind == "LOCATION"
            and out[-1][2] == "COMPANY"
            and out[-1][1] + 1 == start
            and text[start - 1] == "・"
            and _ONE_KATAKANA_WORD.fullmatch(text, start, end) is not None
            and text[end : end + 1] != "・"
            and _ONE_KATAKANA_WORD.match(text, end) is None
        ):
            out[-1] = (out[-1][0], end, "COMPANY")
            continue
        out.append((start, end, kind))
    return out


# What something is called (「日本車の牙城」と呼ばれてきた), after its closing bracket
_CALLED_AFTER = regex(r"[」』]と(?:呼ば|称さ|言わ|いわ|評さ|揶揄さ)")


def _nickname(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the name is a whole quote that says what something is called, a phrase of
    the form X の common noun (``「日本車の牙城」と呼ばれてきた``, typed a product). On the
    Stockmark train sentences the two such quotes (``「流通界の革命児」と呼ばれ``,
    ``「東洋のハリウッド」と呼ばれ``) are no gold names, the second holding one."""
    if text[start - 1 : start] not in ("「", "『") or _CALLED_AFTER.match(text, end) is None:
        return False
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) >= 3
        and any(t.surface == "の" and t.pos[0] == "助詞" for t in inside[1:-1])
        and inside[-1].pos[1] == "普通名詞"
        and not inside[-1].unknown
    )


# Parts of the world, whose routes an airline flies (北米線, アジア線)
_WORLD_REGIONS = _words(
    "北米 南米 中南米 欧州 欧米 アジア 東南アジア 東アジア 中東 アフリカ オセアニア"
)


def _abroad(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one country or part of the world (``北米``, ``米国``)
    or a city abroad in katakana (``ロンドン``; not ``東海道``, whose 線 is a railway's):
    before 線, an airline's routes there. The
    Stockmark train sentences have no such name; their 5 gold names of a place and 線 are
    railways (``東海道線``, ``新宿線``)."""
    inside = _tokens_within(tokens, start, end)
    if not inside or inside[0].start != start or inside[-1].end != end:
        return False
    word = "".join(t.surface for t in inside)
    return word in _WORLD_REGIONS or (
        len(inside) == 1
        and inside[0].pos[2] == "地名"
        # ロンドン|線: a city abroad, in katakana (Japan's lines are named in kanji)
        and (inside[0].pos[3] == "国" or _KATAKANA_NAME.fullmatch(inside[0].surface) is not None)
    )


def _joined_bodies(
    text: str, tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Two tagged spans with nothing between, the first only common nouns (or adjectival
    nouns and prefixes) MeCab knows and the second ending in a body's word
    (``_BODY_HEADS``), are one body's name (``サイバー通信|情報監理委員会``, typed a firm
    and a political body), of the second's type. On the Stockmark train sentences the 4
    tagged pairs so glued whose first part names something (``住友電気工業|研究開発本部``,
    ``李万建|党中央委員会``) are two gold names; none has a first part of common nouns
    only."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if out and out[-1][1] == start and text[start:end].endswith(_BODY_WORDS):
            first_start, first_end, _ = out[-1]
            first = _tokens_within(tokens, first_start, first_end)
            if first and all(
                (t.pos[1] == "普通名詞" or t.pos[0] in ("形状詞", "接頭辞")) and not t.unknown
                for t in first
            ):  # サイバー is an adjectival noun to MeCab
                out[-1] = (first_start, end, kind)
                continue
        out.append((start, end, kind))
    return out


def _split_at_route_dash(
    text: str, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The tagger's spans cut at a dash after a station's name: a route's two ends
    (``コスモスクエア駅―夢洲駅``, one facility; the train sentences' 8 such routes,
    ``下関駅-門司駅間``, are two stations each)."""
    out = []
    for start, end, kind in found:
        for dash in range(start + 1, end - 1):
            if text[dash] in _ROUTE_DASHES and text[dash - 1] == "駅":
                out += [(start, dash, kind), (dash + 1, end, kind)]
                break
        else:
            out.append((start, end, kind))
    return out


def _split_at_and(
    text: str, tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The tagger's spans cut at a particle と inside them that joins two names: where
    MeCab read the と with the name's end as a filler, ``エーと`` (``ディー・エヌ・エーと|日本
    テレビ``, one firm; ``未知やすえと``, a firm), between two sites (``羽田空港と成田
    空港``, one facility) and after a Latin name (``OFFICE DE YASAIとオフィスおかん``). On
    the Stockmark train sentences no gold name holds such a filler, none ends in a site
    word before a と, and none holds a と after a Latin letter or a digit."""
    out = []
    for start, end, kind in found:
        if text.find("と", start + 1, end) < 0:
            out.append((start, end, kind))
            continue
        cuts = []
        for token in tokens:
            if token.start <= start or token.end > end:
                continue
            if token.pos[0] == "感動詞" and len(token.surface) > 1 and token.surface.endswith("と"):
                cuts.append(token.end - 1)  # エー|と: the name's end, then the particle
            elif (
                token.surface == "と"
                and token.pos[0] == "助詞"
                and token.end < end
                and _FACILITY_END.search(text, start, token.start)
                and _FACILITY_END.search(text, token.end, end)
            ):
                cuts.append(token.start)
            elif (
                token.surface == "と"
                and token.pos[0] == "助詞"
                and start < token.start
                and token.end < end
                and text[token.start - 1].isascii()
                and text[token.start - 1].isalnum()
                and not text[token.end].isascii()
            ):  # OFFICE DE YASAI|と|オフィスおかん: a Latin name ends at と
                cuts.append(token.start)
        at = start
        for cut in cuts:
            if cut > at:
                out.append((at, cut, kind))
            at = cut + 1
        if at < end:
            out.append((at, end, kind))
    return out


# Case particles that join two names in Latin letters or katakana, never inside one: no
# Stockmark train gold name so holds one (PostgreSQL|から|MySQL, AWS|から|Azure); and が,
# を or は after kanji (a headline's 堺工場|が|AIデータセンターに; the one train name with a
# particle between kanji and Latin letters holds から, 今日からCITY HUNTER).
_JOINT = regex(
    r"(?:(?<=[A-Za-z0-9\u30a1-\u30fa\u30fc])|(?<=[\u4e00-\u9fff])(?=[がをは]))"
    r"(から|まで|より|へ|を|が|は|に|で)(?=[A-Za-z0-9\u30a1-\u30fa])"
)


def _split_at_particles(
    text: str, tokens: Sequence[Token], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The tagger's spans cut at a case particle, a word of its own to MeCab, between
    Latin letters or katakana (``PostgreSQLからMySQLへ移行``: two products), or after
    kanji (``堺工場がAIデータセンター``, _JOINT), and ended at the particle など
    (``京都|などの大都市``)."""
    out = []
    for start, end, kind in found:
        if (etc := text.find("など", start + 1, end)) > 0:
            k = _token_at(tokens, etc)
            if k >= 0 and tokens[k].surface == "など" and tokens[k].pos[0] == "助詞":
                end = etc  # 京都|などの大都市: no train gold name holds など
        at = start
        for joint in _JOINT.finditer(text, start, end):
            k = _token_at(tokens, joint.start(1))
            if k >= 0 and tokens[k].end == joint.end(1) and tokens[k].pos[1] == "格助詞":
                out.append((at, joint.start(1), kind))
                at = joint.end(1)
        out.append((at, end, kind))
    return out


def _split_tagged(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tagger's spans cut after a prefixed foreign name joined by と to kanji words
    (``_PREFIXED_AND``), and its places split at a part of a place inside them; names
    it cut at ``&`` whole again (``_across_ampersands``)."""
    out = []
    for start, end, kind in _across_ampersands(text, found):
        if (joined := _PREFIXED_AND.match(text, start, end)) is not None:
            end = joined.end()
        if (officer := _NAME_COUNTRY_OFFICE.match(text, start, end)) is not None and (
            _office_after(text, officer.end())
        ):
            out.append((start, officer.end() - 1, "PERSON"))  # ベッセント|米|財務長官
            continue
        inner = _INNER_DIRECTION.search(text, start + 1, end) if kind == "LOCATION" else None
        if inner is None or inner.end() > end - 2:  # 北部九州: a region's name
            out.append((start, end, kind))
        else:
            out += [(start, inner.start(), kind), (inner.end(), end, kind)]
    return out


# A word of Latin letters, digits or katakana on either side of an ampersand, no space
# between (Great Artists & Mr.Children, a Stockmark train sentence's, are two names).
_WORD_BEFORE_AMPERSAND = regex(r"[A-Za-z0-9\u30a1-\u30fa\u30fc]+&$")
_WORD_AFTER_AMPERSAND = regex(r"&[A-Za-z0-9\u30a1-\u30fa\u30fc]+")
_AMPERSAND_BETWEEN = regex(
    r"(?<=[A-Za-z0-9\u30a1-\u30fa\u30fc])&(?=[A-Za-z0-9\u30a1-\u30fa\u30fc])"
)


def _across_ampersands(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tagger's spans with what an ampersand joins to them: MeCab makes ``&`` a
    token of its own, which the tagger leaves out (``S|&|P500``; ``SBI・V・S|&|P500
    インデックス・ファンド``, two spans), where 20 Stockmark train gold names hold one
    (``AT&T``, ``ポッカサッポロフード&ビバレッジ``)."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if joined and text.startswith("&", joined[-1][1]):
            between = _AMPERSAND_BETWEEN.match(text, joined[-1][1])
            if between is not None and between.end() == start:
                joined[-1] = (joined[-1][0], end, joined[-1][2])
                continue
        joined.append((start, end, kind))
    out = []
    for i, (start, end, kind) in enumerate(joined):
        if end - start < 2:  # R|&D費, Q|&Aコーナー: one letter, no name (_ONE_LETTER)
            out.append((start, end, kind))
            continue
        # the searches only where an ampersand touches the span: most spans, none
        before = text[start - 1 : start] == "&" and _WORD_BEFORE_AMPERSAND.search(
            text, max(0, start - 30), start
        )
        if before and (i == 0 or joined[i - 1][1] <= before.start()):
            start = before.start()  # S&|P500
        after = text.startswith("&", end) and _WORD_AFTER_AMPERSAND.match(text, end)
        if after and (i + 1 == len(joined) or after.end() <= joined[i + 1][0]):
            end = after.end()  # AT|&T
        out.append((start, end, kind))
    return out


def _token_at(tokens: Sequence[Token], start: int) -> int:
    """Index of the token that starts at ``start``, or -1."""
    return next((i for i, t in enumerate(tokens) if t.start == start), -1)


def _token_ending(tokens: Sequence[Token], end: int) -> int:
    """Index of the token that ends at ``end``, or -1."""
    return next((i for i, t in enumerate(tokens) if t.end == end), -1)


def _word_start(tokens: Sequence[Token], start: int) -> int:
    """Where the word a tagged span starts inside begins: no Japanese word starts with
    ん, and one does where MeCab cut がん into が|ん after a noun (国立が|ん研究センター,
    tagged from ん): the span takes the particle and the nouns before it."""
    k = _token_at(tokens, start)
    if (
        k > 0
        and tokens[k].surface in _GROUP_SHORT_FORMS
        and tokens[k].start == start
        and tokens[k - 1].end == tokens[k].start
        and tokens[k - 1].pos[0] in ("名詞", "動詞", "副詞")
        and not tokens[k - 1].surface.isascii()
    ):
        return tokens[k - 1].start  # めぶき|FG, ほくほく|FG, tagged from FG: the group's name
    if k <= 0 or not tokens[k].surface.startswith("ん"):
        return start
    k -= 1  # が
    while k > 0 and tokens[k - 1].end == tokens[k].start and tokens[k - 1].pos[0] == "名詞":
        k -= 1
    return tokens[k].start


# A holding company's or a financial group's name shortened (ニトリHD, めぶきFG).
_GROUP_SHORT_FORMS = frozenset(("HD", "FG"))
_GROUP_SHORT_FORM_AFTER = regex(r"(?:HD|FG)(?![A-Za-z0-9])")
_NUMERAL_SURNAME_HEADS = frozenset("一二三四五六七八九十百千万")
_HAS_DIGIT = regex("[0-9０-９]")


def _starts_a_person(text: str, start: int, end: int, tagged: list[tuple[int, int, str]]) -> bool:
    """Whether a sum or count in kanji numerals is the start of a tagged person
    (四元|正弘氏: 4 yuan to the numeric rules): the name goes on after it."""
    return not _HAS_DIGIT.search(text, start, end) and any(
        kind == "PERSON" and s == start and e > end for s, e, kind in tagged
    )


def _inside_a_product(start: int, end: int, tagged: list[tuple[int, int, str]]) -> bool:
    """Whether a count or size is inside a tagged product's name, which goes on on both
    sides of it (``FE 35mm F1.4 GM``, a lens; not ``メモリ64GB``, a size of memory)."""
    return any(kind == "PRODUCT" and s < start and end < e for s, e, kind in tagged)


def _numeral_head(tokens: Sequence[Token], start: int) -> int:
    """Where a tagged person starts whose surname begins with a kanji numeral that MeCab
    cut off as a number (十|倉雅和, tagged from 倉): the numeral, alone between a word
    that is no number and a one-kanji token the person starts with, is the name's."""
    k = _token_at(tokens, start)
    if k <= 0 or len(tokens[k].surface) != 1:
        return start
    numeral = tokens[k - 1]
    if numeral.surface not in _NUMERAL_SURNAME_HEADS or numeral.end != start:
        return start
    if k >= 2 and tokens[k - 2].end == numeral.start and tokens[k - 2].pos[1] == "数詞":
        return start  # 二十|倉: a number goes on
    return numeral.start


def _prefixed_firm_goes_on(
    text: str, before: tuple[int, int, str], after: tuple[int, int, str]
) -> bool:
    """Whether a firm in katakana ending in a firm's word goes on from the katakana name
    before it, after a country's prefix: ``米ジェフリーズ|・|フィナンシャル・グループ``,
    ``米ゴールドマン|・|サックス・グループ``, which the tagger, having learnt no such
    prefix from Wikipedia, cuts in two (a place or a person, then a firm)."""
    start, end, kind = after
    first = before[0] + (text[before[0]] in COUNTRY_KANJI)
    return (
        kind == "COMPANY"
        and before[1] == start - 1
        and text[start - 1] == "・"
        and first >= 1
        and text[first - 1] in COUNTRY_KANJI
        and _KATAKANA_NAME.fullmatch(text, first, before[1]) is not None
        and _KATAKANA_NAME.fullmatch(text, start, end) is not None
        and _FIRM_WORD_END.search(text[start:end]) is not None
    )


# The offices of a local government's head, named after its place.
_LOCAL_OFFICES = ("知事", "市長", "町長", "村長", "区長")
# An office and a title after a name (財務|長官, 専務理事), but not one named after
# a place (オースティン市長: the city's).
_OFFICES = tuple(t for t in _TITLES_LONGEST_FIRST if t not in _LOCAL_OFFICES)


def _office_after(text: str, end: int) -> bool:
    """Whether up to four kanji and an office follow ``end``, or the name's reading and
    then they (``毛籠勝弘（もろ・まさひろ）社長``). (A loop, not a regular expression with
    a CJK range: such a pattern not kept costs ~1 ms to compile.)"""
    if text.startswith("(", end) and (reading := _READING.match(text, end)) is not None:
        end = reading.end()
    for at in range(end, min(end + 5, len(text))):
        if text.startswith(_OFFICES, at):
            return True
        if not "\u4e00" <= text[at] <= "\u9fff":
            return False
    return False


def _clause(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is a verb's clause with no noun in it, not quoted: a
    heading's words the tagger ran on from a name (``VOO:|迷ったらこれ``). Of the Stockmark
    train gold names, 4 have a verb and no noun, all titles (``知りたがり!``)."""
    if start > 0 and text[start - 1] in "「『":
        return False
    verb = False
    for token in tokens:
        if token.end <= start:
            continue
        if token.start >= end:
            break
        if token.pos[0] in ("名詞", "接頭辞", "接尾辞") or token.unknown:
            return False
        verb = verb or token.pos[0] == "動詞"
    return verb


def _question(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is a question with a particle inside (``どっちがお得?``,
    typed a product; the one Stockmark train gold name ending in ``?`` is English, a
    title)."""
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) > 2
        and inside[-1].surface in ("?", "？")
        and any(t.surface in ("が", "を", "は") and t.pos[0] == "助詞" for t in inside)
    )


def _kind_after_title(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one katakana common noun MeCab knows right after a
    closing quote, the kind of what the quote names (``『ポケットモンスター』シリーズ``,
    typed a product): of the 55 common nouns so placed in the Stockmark train
    sentences none is a gold name (シリーズ 8 times)."""
    if start == 0 or text[start - 1] not in "」』":
        return False
    k = _token_at(tokens, start)
    return (
        k >= 0
        and tokens[k].end == end
        and not tokens[k].unknown
        and tokens[k].pos[1] == "普通名詞"
        and _ONE_KATAKANA_WORD.fullmatch(tokens[k].surface) is not None
    )


def _common_words(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one token that MeCab knows as no place nor person
    (リップル, ルノー; not テキサス, オースティン), or katakana words it knows as common
    nouns (ウルフ|スピード, ブラック|ストーン; シリコン|バレー is a listed place), or one
    katakana word it does not know at all (アルティウム: UniDic lists the places news
    names after a country's prefix, 米カンザス州, 米シアトル)."""
    k = _token_at(tokens, start)
    if k < 0:
        return False
    token = tokens[k]
    if token.end == end:
        if token.unknown:
            return _KATAKANA_NAME.fullmatch(token.surface) is not None
        return token.pos[2] not in ("地名", "人名")
    words = []
    for token in tokens[k:]:
        if token.start >= end:
            break
        words.append(token)
    return words[-1].end == end and all(
        not t.unknown and t.pos[1] == "普通名詞" and _KATAKANA_NAME.fullmatch(t.surface)
        for t in words
    )


def _after_a_country(text: str, tokens: Sequence[Token], start: int) -> bool:
    """Whether a country's one-kanji prefix or name comes right before ``start``: a
    listed body named in kanji after it is that country's (英|財務省, 中国|商務省), not
    the one listed (a Latin abbreviation is one country's body: 米|FRB)."""
    if start > 0 and text[start - 1] in COUNTRY_KANJI:
        return not (start > 1 and _kanji(text[start - 2]))  # not after kanji: 日米
    k = _token_ending(tokens, start)
    return k >= 0 and tokens[k].pos[2:4] == ("地名", "国")


def _short_for_generic(
    text: str, tokens: Sequence[Token], start: int, end: int, generic: frozenset[str]
) -> bool:
    """Whether text[start:end] is in brackets right after a generic term, its short
    form or its long one (データセンター（DC）, GX（グリーントランスフォーメーション）: no
    name, as the term is none; but a name holding a listed one is a name, 映画分野（ソニー・
    ピクチャーズ）, and a term after a proper noun ends a name, 柏崎刈羽原発（新潟県）)."""
    if not (start > 0 and text[start - 1] == "(" and text.startswith(")", end)):
        return False
    first = _token_at(tokens, start)
    if (
        first >= 0
        and tokens[first].pos[1] == "固有名詞"
        and _KATAKANA_NAME.search(text, start, end)
    ):
        return False  # 上場投信（野村アセットマネジメント）: a proper noun and katakana, a firm
    k = _token_ending(tokens, start - 1)
    term = ""
    for i in range(k, max(-1, k - 4), -1):
        if i < k and tokens[i].end != tokens[i + 1].start:
            break
        term = tokens[i].surface + term
        named = (
            i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].pos[1] == "固有名詞"
        )
        if term.lower() in generic and not named:  # not 柏崎刈羽|原発（新潟県）: a name's
            return not gazetteer().find(text, tokens, start, end)
    return False


def _one_known_common_noun(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one token MeCab knows as a common noun (バイオ)."""
    k = _token_at(tokens, start)
    return (
        k >= 0 and tokens[k].end == end and not tokens[k].unknown and tokens[k].pos[1] == "普通名詞"
    )


# A route between two places: a dash between their names, then 線, 便, 路線 or 間
# (羽田―ニューヨーク線, 成田－ロンドン便: 羽田 read as a surname and ロンドン便 typed a person).
_ROUTE_DASHES = frozenset("-‐―—–ー－")  # ー, MeCab's symbol between names: 羽田ーロンドン線
_ROUTE_WORDS = frozenset({"線", "便", "路線", "間", "航路"})


def route_ends(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The two places a route joins, each one proper noun glued to the dash between them,
    the route's word right after the second; the second may open with the prefix 新
    (``敦賀―新|大阪|間``, MeCab's reading of 新大阪)."""
    found = []
    for k in range(1, len(tokens) - 2):
        left, dash, right, word = tokens[k - 1], tokens[k], tokens[k + 1], tokens[k + 2]
        start = right.start
        if right.surface == "新" and right.pos[0] == "接頭辞" and k + 3 < len(tokens):
            right, word = tokens[k + 2], tokens[k + 3]  # 新|大阪: the station's town
        if (
            dash.surface in _ROUTE_DASHES
            and word.surface in _ROUTE_WORDS
            and left.end == dash.start
            and dash.end == start
            and right.end == word.start
            and all(t.pos[1] == "固有名詞" for t in (left, right))
        ):
            found += [(left.start, left.end), (start, right.end)]
    return found


def _each_of(tokens: Sequence[Token], start: int) -> bool:
    """Whether the span at ``start`` opens with the prefix 各 (each): ``各通信社``,
    ``各国政府`` name no one (no Stockmark train gold name starts so but 各務原, a
    place MeCab reads whole)."""
    k = _token_at(tokens, start)
    return k >= 0 and tokens[k].surface == "各" and tokens[k].pos[0] == "接頭辞"


def _country_dot_place(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is a country, a middle dot and one token MeCab reads as a
    place (``スイス・チューリッヒ``): one place, as the Stockmark train gold writes them
    (``ロシア・モスクワ``, ``イタリア・トリノ``, typed places; not a club named after a
    city, ``パリ・サンジェルマン``)."""
    dot = text.find("・", start, end)
    country = _tokens_within(tokens, start, dot) if dot > start else []
    return (
        len(country) == 1
        and (country[0].start, country[0].end) == (start, dot)
        and country[0].pos[2:4] == ("地名", "国")
        and _one_place(tokens, dot + 1, end)
    )


def _one_place(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one token MeCab reads as a place's name."""
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) == 1
        and (inside[0].start, inside[0].end) == (start, end)
        and inside[0].pos[2] == "地名"
    )


# Currencies news names after their country (韓国ウォン, トルコリラ, ブラジルレアル).
_CURRENCY_WORDS = _words(
    """
    ドル ユーロ ポンド ウォン ルピー ルピア ルーブル ペソ バーツ レアル リラ リンギット
    フラン ランド ドン 元 ディルハム リヤル クローネ クローナ ズロチ
    """
)


_COPULAS = frozenset({"だ", "だっ", "です", "でし", "で"})


def _given_name_as_word(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is one kanji word MeCab read as a given name, alone,
    as the predicate of a topic (``薄さは|正義|だった``: justice, not a person). No
    Stockmark train gold name stands so (``小僧の仁吉である`` has の before it); the
    cost is a person so named in a story's way, ``犯人は太郎だった``."""
    k = _token_at(tokens, start)
    if k < 1 or k + 1 >= len(tokens):
        return False
    word, before, after = tokens[k], tokens[k - 1], tokens[k + 1]
    return (
        word.end == end
        and word.pos[2:4] == ("人名", "名")
        and _kanji(word.surface)
        and before.surface in ("は", "も")
        and before.pos[0] == "助詞"
        and after.surface in _COPULAS
        and after.pos[0] == "助動詞"
    )


def _currency_of_country(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is a country and its currency's name, MeCab's two words
    (``韓国|ウォン``, typed a place, ``メキシコ|ペソ``, a product), or a country before
    its currency (``日本|円建て``, typed a place), or a currency after a
    country's one kanji (``米|ドルは``, typed a product, then a firm once ``米`` was cut
    off as news writes it before a firm): a currency, no name."""
    inside = _tokens_within(tokens, start, end)
    if not inside or (inside[0].start, inside[-1].end) != (start, end):
        return False
    last = inside[-1]
    k = _token_at(tokens, start)
    if len(inside) == 1 and last.pos[2:4] == ("地名", "国") and k + 1 < len(tokens):
        after = tokens[k + 1]  # 日本|円建て: the yen, no place named
        return after.start == end and (
            after.surface in _CURRENCY_WORDS or after.surface.startswith("円")
        )
    if last.surface not in _CURRENCY_WORDS or len(inside) > 2:
        return False
    if len(inside) == 2:
        return inside[0].pos[2:4] == ("地名", "国") or inside[0].surface in COUNTRY_KANJI
    return k > 0 and tokens[k - 1].end == start and tokens[k - 1].surface in COUNTRY_KANJI


def _read_as(tokens: Sequence[Token], start: int, end: int, kinds: Container[str]) -> bool:
    """Whether MeCab reads a token of text[start:end] as a name of one of ``kinds``
    (人名, 地名)."""
    return any(start <= t.start and t.end <= end and t.pos[2] in kinds for t in tokens)


_MAX_SURNAMED = 50


def surnames_titled(text: str, mentions: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """A person the article named in full, named again by the surname alone before a
    title or as an interview's speaker (``楠見雄規社長`` … ``楠見社長``, typed a firm;
    ``楠見氏``, missed; ``高宮：``): the longest
    start of the name, two kanji or more, found so (not inside a longer kanji word, nor
    the full name again)."""
    names: dict[str, None] = {}  # in the order the article names them, the first few
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type == "PERSON" and 3 <= m.end - m.start <= 6 and _kanji(text[m.start : m.end]):
            names.setdefault(text[m.start : m.end])
            if len(names) == _MAX_SURNAMED:  # a scan of the text per name: bounded
                break
    found = []
    for name in names:
        for n in range(len(name) - 1, 1, -1):
            surname, hits, at = name[:n], [], 0
            while (at := text.find(surname, at)) >= 0:
                end = at + n
                if (
                    (at == 0 or not _kanji(text[at - 1]))
                    and (
                        text.startswith(_TITLES_LONGEST_FIRST, end)
                        # an interview's speaker, a line's label (高宮：…)
                        or (text.startswith(":", end) and (at == 0 or text[at - 1] == "\n"))
                    )
                    and not text.startswith(name[n:], end)
                ):
                    hits.append((at, end))
                at = end
            if hits:
                found += hits
                break
    return found


def _titled(text: str, end: int) -> bool:
    """Whether a title (氏, 社長, 大統領, ...) follows ``end``, after at most four kanji."""
    return text.startswith(_TITLES_LONGEST_FIRST, end) or _office_after(text, end)


# A person's name in Latin letters: two or three capitalised words, each maybe two
# joined by a hyphen (Lip-Bu Tan, Jean-Pierre Dupont).
_LATIN_FULL_NAME = regex(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}")
# The same in katakana: a given name, a middle dot and a family name (リップブー・タン).
_DOTTED_KATAKANA_NAME = regex(r"[\u30a1-\u30fa\u30fc]{2,}・[\u30a1-\u30fa\u30fc]{1,}")


def _person_by_office(text: str, tokens: Sequence[Token], start: int, end: int, kind: str) -> bool:
    """Whether a name the tagger typed ``kind`` is a person's, an office or title
    after it: a katakana name read as a place where MeCab knows no place in it
    (``ベッセント財務長官``; of the Stockmark train gold names so written, 57 are
    persons, 3 companies, ``ヤフー副社長``, and none a place) or read as a body, or as
    a firm before a public office, but for one word MeCab knows (``ウォラー理事``, not
    ``ユネスコ事務局長``), or two or three capitalised Latin words typed a firm, product
    or body before an office (``ArmのRene Haas CEO``, ``Rene Haas CEOは``; not before the
    office's holder named, ``Acme Robotics CEOのジョン・スミス氏``), or three to five
    kanji that end in a name MeCab knows (``新浪剛史社長``: 28 of 28 such train names)
    or that are a surname or place MeCab
    knows and a given name it cut into one-kanji nouns (``宮田|知|秀社長``; none so in
    the Stockmark train sentences, the Wikipedia leads or the chABSA reports), or a
    surname and a given name MeCab ran into the office (``城内|実経|済財政相``)."""
    if (
        kind in ("COMPANY", "PRODUCT", "ORG")
        and text.startswith(_OFFICES, end + (text[end : end + 1] == " "))
        and (
            (
                _LATIN_FULL_NAME.fullmatch(text, start, end) is not None
                and (text[start - 1 : start] == "の" or not _holder_named_after(text, end))
            )
            or (
                kind == "COMPANY"
                and text[start - 1 : start] == "の"
                and _DOTTED_KATAKANA_NAME.fullmatch(text, start, end) is not None
            )
        )
    ):
        # ArmのRene Haas CEO, Rene Haas CEOは, インテルのリップブー・タンCEO: the officer
        # (not Hugging Face CEOの…, CEO クレム…: the firm, its officer named after)
        return True
    if not _office_after(text, end):
        return False
    inside = [t for t in tokens if start <= t.start < end]
    if _KATAKANA_NAME.fullmatch(text, start, end):
        if kind in ("POLITICAL_ORG", "ORG") or (
            kind == "COMPANY"
            and text.startswith(_PUBLIC_TITLES, end + (text[end : end + 1] in ("前", "元")))
        ):  # ウォ|ラー理事 (FRBのウォラー理事), typed a body or, before a public office (a
            # former one: イエレン前財務長官), a firm: not one word MeCab knows (ロシア大統領,
            # ユネスコ事務局長)
            return len(inside) >= 2 or (len(inside) == 1 and inside[0].unknown)
        return kind == "LOCATION" and not any(t.pos[2] == "地名" for t in inside)
    return (
        3 <= end - start <= 5
        and _kanji(text[start:end])
        and bool(inside)
        and (
            (inside[-1].end == end and (inside[-1].pos[2] == "人名" or _unknown_given_name(inside)))
            or (  # 城内|実経|済財政相: a surname, and a token MeCab ran into the office
                len(inside) == 2
                and inside[0].pos[3] == "姓"
                and inside[0].end < end < inside[1].end
            )
        )
    )


def _holder_named_after(text: str, end: int) -> bool:
    """Whether the office after ``end`` is followed by whose it is or who holds it
    (``Hugging Face CEOの…``, ``CEO クレム・…``): the name before it is the firm's."""
    at = end + (text[end : end + 1] == " ")
    office = next((o for o in _OFFICES if text.startswith(o, at)), "")
    after = text[at + len(office) : at + len(office) + 2].lstrip(" ")[:1]
    return bool(office) and (
        after == "の" or (after.isascii() and after.isalpha()) or _is_katakana(after)
    )


def _unknown_given_name(inside: Sequence[Token]) -> bool:
    """A two-kanji surname (or place) MeCab knows, then a given name it cut into
    one-kanji common nouns: ``宮田|知|秀`` (not a counter: ``大倉|組``)."""
    head, *rest = inside
    return (
        len(head.surface) == 2
        and head.pos[1] == "固有名詞"
        and head.pos[2] in ("人名", "地名")
        and 1 <= len(rest) <= 2
        and all(len(t.surface) == 1 and t.pos[:3] == ("名詞", "普通名詞", "一般") for t in rest)
    )


# A local government's head after its name and の: 広島県の|湯崎英彦|知事 (the place is
# the one before の; MeCab reads 湯崎 and 英彦 as places).
_LOCAL_GOVERNMENT_BEFORE = regex(r"[都道府県市区町村]の$")


def _local_head(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], two to five kanji, stands between a local government's
    name and の and its head's office (``広島県の湯崎英彦知事``): the head, a person."""
    return (
        2 <= end - start <= 5
        and _kanji(text[start:end])
        and text.startswith(_LOCAL_OFFICES, end)
        and _LOCAL_GOVERNMENT_BEFORE.search(text, max(0, start - 2), start) is not None
    )


def _firms_officer(text: str, start: int, end: int, kind: str) -> bool:
    """Whether three to five kanji the tagger typed a firm stand between a name and の
    and a firm's office (``ミネベアミツミの貝沼由久会長``: MeCab reads 貝沼 as a place and
    由, 久 as nouns): the firm's officer. Of the Stockmark train sentences' three to five
    kanji so placed that are gold names, 4 are persons and 1 a firm."""
    return (
        kind == "COMPANY"
        and 3 <= end - start <= 5
        and start >= 2
        and text[start - 1] == "の"
        and not _kanji(text[start - 2])  # ミネベアミツミの, NTTの; not 東洋製糖の社長's kind
        and _kanji(text[start:end])
        and text.startswith(_FIRM_OFFICES, end)
    )


def _with_last_kanji(text: str, tokens: Sequence[Token], end: int) -> int:
    """The end of a person's name whose last kanji MeCab read as a word of its own and
    the tagger left out before a title (``赤沢亮|正経済再生相``, ``武藤容|治経済産業相``):
    one kanji, no rank (``山田元社長``) nor body (``金正恩党委員長``), after a kanji
    name (not ``レーガン米大統領``), then the title, perhaps with a rank; a numeral only
    after a given name (``安倍晋|三|元首相``)."""
    if not (
        end < len(text)
        and (
            text.startswith(_TITLES_LONGEST_FIRST, end + 1)
            or _RANKED_OFFICE.match(text, end + 1) is not None
        )
    ):
        return end
    k = _token_at(tokens, end)
    if k < 1:
        return end
    after = tokens[k]
    if (
        _kanji(text[end - 1])
        and after.surface not in _BODY_KANJI
        and after.surface not in COUNTRY_KANJI
        and len(after.surface) == 1
        and _kanji(after.surface)
        # 小林鷹|之: a particle; 平将|明大臣: a prefix (a rank's, 元 前 副, is no name's)
        and (
            after.pos[0] in _NAME_PIECES
            or after.pos[0] == "接頭辞"
            or after.surface in ("之", "也")  # 曽我貴|也社長: an auxiliary verb to MeCab
        )
        and (
            after.surface not in _NOT_NAME_KANJI
            or (
                after.surface in _GIVEN_NAME_NUMERALS
                and tokens[k - 1].end == end
                and tokens[k - 1].pos[2:4] == ("人名", "名")
            )
        )
    ):
        return after.end
    return end


_GIVEN_NAME_NUMERALS = frozenset("一二三四五六七八九十")  # 晋三, 健三, 雄一


def _with_given_name(text: str, tokens: Sequence[Token], end: int) -> int:
    """The end of a person's name the tagger cut after the surname, where MeCab read
    a kanji of the given name as a word of its own (``藤戸|則|弘氏``): after a surname in
    kanji, one or two kanji words, two or three kanji in all, one of them a given name
    to UniDic, then ``氏``, ``さん`` or an office."""
    last = _token_ending(tokens, end)
    if last < 0 or tokens[last].pos[2:4] != ("人名", "姓") or not _kanji(text[end - 1]):
        return end
    k, given = last + 1, 0
    while k < len(tokens) and k - last <= 2 and tokens[k].start == tokens[k - 1].end:
        token = tokens[k]
        if text.startswith(("氏", "さん", *_TITLES_LONGEST_FIRST), token.start):
            break
        if not (
            _kanji(token.surface)
            and token.pos[0] in _NAME_PIECES
            and (token.pos[1] != "固有名詞" or token.pos[2] == "人名")
            and not any(ch in _NOT_NAME_KANJI or ch in _BODY_KANJI for ch in token.surface)
        ):
            return end
        given += token.pos[2:4] == ("人名", "名")
        k += 1
    if (
        k - last < 2
        or not given
        or not 2 <= tokens[k - 1].end - end <= 3
        or not (
            text.startswith(("氏", "さん"), tokens[k - 1].end)
            or text.startswith(_TITLES_LONGEST_FIRST, tokens[k - 1].end)
        )
    ):
        return end
    return tokens[k - 1].end


def _with_katakana_tail(text: str, start: int, end: int) -> int:
    """The end of a foreign name in katakana the tagger cut inside its last word, where
    MeCab read a kana of it as a symbol (``ケビン・ハ|セット``: ``ハ`` a symbol, ``セット`` a
    common noun): a name with a middle dot runs to the end of its katakana."""
    if "・" not in text[start:end] or not _is_katakana(text[end - 1]):
        return end
    tail = _ONE_KATAKANA_WORD.match(text, end)
    return tail.end() if tail is not None else end


_KATAKANA_END = regex(r"[\u30a1-\u30fa\u30fc]+$")
_MINISTER_AFTER = regex(r"[\u4e00-\u9fff]{0,10}(?:担当相|担当大臣|大臣|相|長官)")


def _before_katakana_office(text: str, start: int, end: int) -> int:
    """The end of a kanji name the tagger ran into the katakana start of a minister's
    office (``平将明|サイバー安全保障担当相``, ``…|デジタル相``): where the katakana starts."""
    tail = _KATAKANA_END.search(text, start, end)
    if (
        tail is None
        or tail.start() - start < 2
        or not _kanji(text[start : tail.start()])
        or _MINISTER_AFTER.match(text, end) is None
    ):
        return end
    return tail.start()


def _before_country_office(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """The end of a person's name the tagger ran into a country's office after it
    (``スターマー英|首相``, ``バイデン前米|大統領``), into the rank of an office, a word
    of its own (``オバマ元|大統領``, ``ジャオ・チャンポン前|CEO``; not ``秋元|社長``) or
    into the start of an office (``岸田政調|会長``)."""
    for cut in (2, 1):
        if end - cut > start + 1 and (
            (
                (
                    _COUNTRY_OFFICE.match(text, end - cut) is not None
                    or _RANKED_OFFICE.match(text, end - cut) is not None
                )
                and (text[end - cut] not in _RANK_STARTS or _token_at(tokens, end - cut) >= 0)
            )
            or (
                text.startswith(_TITLES_LONGEST_FIRST, end - cut)
                and any(
                    len(title) > cut and text.startswith(title, end - cut)
                    for title in _TITLES_LONGEST_FIRST
                )
            )
        ):
            return end - cut
    return end


def _after_given_name(tokens: Sequence[Token], start: int, end: int) -> int:
    """The end of a person's name at a surname and given name in kanji that the tagger
    ran into the katakana after them (``永守重信|グローバルグループ代表``): no katakana
    follows a given name in a name (it follows a surname: 土屋アンナ, 玉城デニー)."""
    inside = _tokens_within(tokens, start, end)
    for k in range(1, len(inside) - 1):
        token = inside[k]
        if (
            token.pos[3] == "名"
            and inside[k - 1].pos[3] == "姓"
            and _kanji(token.surface)
            and _KATAKANA_NAME.fullmatch(inside[k + 1].surface)
        ):
            return token.end
    return end


def _with_surname(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """The start of a person's name with the surname MeCab read as common nouns and the
    tagger left out: the first kanji of a two-kanji surname, as a one-kanji common noun
    before a one-kanji surname and a given name, after no noun (``滝|崎|武光氏``); or
    (``竹|増|貞信社長``) one or two kanji nouns, at most two kanji in
    all, right before a name that starts with a given name in kanji (UniDic's 人名-名
    or 人名-一般) and has an office after it, and after no other noun. (On the
    Stockmark train sentences, 6 gold persons start so; no other span does with an
    office after it.)"""
    first = _token_at(tokens, start)
    if (  # 滝|崎|武光氏, 加|谷|珪|一氏: a surname of two kanji MeCab read as a common noun
        # and a one-kanji surname before the given name
        0 < first < len(tokens) - 1
        and tokens[first].pos[2:4] == ("人名", "姓")
        and tokens[first + 1].pos[2:4] == ("人名", "名")
        and tokens[first - 1].end == start
        and (
            (
                len(tokens[first].surface) == 1
                and (
                    tokens[first - 1].pos[1] == "普通名詞"
                    # 永|濱|利廣: the first kanji read as a prefix, not one before a name
                    # (元, 故)
                    or (
                        tokens[first - 1].pos[0] == "接頭辞"
                        and tokens[first - 1].surface not in "元前故現新同各両全総副旧亡"
                    )
                )
            )
            # 出|澤|剛社長, 出|木場|久征社長: the first kanji read as a verb, an office or
            # an honorific after the name
            or (tokens[first - 1].pos[0] == "動詞" and _titled(text, end))
        )
        and len(tokens[first - 1].surface) == 1
        and _kanji(tokens[first - 1].surface)
        and (first == 1 or tokens[first - 2].pos[0] not in ("名詞", "接頭辞", "接尾辞"))
    ):
        return tokens[first - 1].start
    if not _office_after(text, end):
        return start
    if first < 0 or not (
        tokens[first].pos[2] == "人名"
        and tokens[first].pos[3] in ("名", "一般")
        and _kanji(tokens[first].surface)
    ):
        return start
    k = first
    while (
        k > 0
        and tokens[k - 1].end == tokens[k].start
        and tokens[k - 1].pos[1] == "普通名詞"
        and _kanji(tokens[k - 1].surface)
        and start - tokens[k - 1].start <= 2
    ):
        k -= 1
    if k == first or (
        k > 0 and tokens[k - 1].end == tokens[k].start and tokens[k - 1].pos[0] == "名詞"
    ):
        return start
    return tokens[k].start


def _common_phrase(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Kanji common nouns MeCab knows (one or two, or a prefix and one) joined by ``の``
    to a word of two kanji or more, not quoted as a title: a phrase, no product's name
    (``国の制度``, ``旧正月の贈答``; the train split's products so made are titles, quoted
    or ending in one kanji: 『野菊の墓』, 北斗の拳; its parties, facilities and events are
    names: 緑の党, 聖母の園, 壬申の乱)."""
    if _quoted_whole(text, start, end):
        return False
    inside = _tokens_within(tokens, start, end)
    if len(inside) not in (3, 4) or inside[-2].surface != "の" or len(inside[-1].surface) < 2:
        return False
    return all(
        not t.unknown and (t.pos[1] == "普通名詞" or t.pos[0] == "接頭辞") and _kanji(t.surface)
        for t in (*inside[:-2], inside[-1])
    )


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """Whether the span is all a quotation holds (「スタートアップ育成5か年計画」): a title."""
    return start > 0 and text[start - 1] in "「『" and end < len(text) and text[end] in "」』"


_HYPHENED_TAIL = regex(r"(?:-[A-Za-z0-9]+)+")
# A model's number glued to the last word of its name, not a rank or count (WBC|2位).
_MODEL_NUMBER_TAIL = regex(r"(?<=[A-Za-z])[0-9][A-Za-z0-9]*(?![A-Za-z0-9\u4e00-\u9fff])")
# A train or model series after its number: E10|系, N700S|系 (not 系列, a network's).
_SERIES_TAIL = regex(r"(?<=[A-Z][0-9]|[0-9][0-9A-Z])系(?![列統])")


def _hyphened_tail(text: str, end: int, kind: str) -> int:
    """The end of a Latin name the tagger ended at a hyphen, or of a product or event
    it ended before the number glued to its last word: ``Pokémon LEGENDS Z|-A``,
    ``Galaxy Z Fold|7``, or of a model before its series' ``系`` (``E10|系``); a name in
    Latin letters does not end inside a word (a place or body may: ``NY|1`` is a TV
    channel)."""
    if end < 1 or not text[end - 1].isascii() or not text[end - 1].isalnum():
        return end
    tail = _HYPHENED_TAIL.match(text, end)
    if tail is None and kind in ("PRODUCT", "EVENT"):
        tail = _MODEL_NUMBER_TAIL.match(text, end)
    end = tail.end() if tail is not None else end
    if kind == "PRODUCT" and (series := _SERIES_TAIL.match(text, end)) is not None:
        end = series.end()
    return end


def _kanji_list(name: str) -> bool:
    """Three or more words of one to three kanji joined by middle dots: a list
    (``千代田・中央・港``), not a name; no Stockmark train gold name is one (阪神・淡路
    大震災 has two parts and a long one)."""
    parts = name.split("・")
    return len(parts) >= 3 and all(1 <= len(part) <= 3 and _kanji(part) for part in parts)


def _town_and_district(
    text: str, tokens: Sequence[Token], start: int, end: int
) -> list[tuple[int, int]]:
    """Two place names in kanji joined by a middle dot, a town and a part of it
    (``鎌倉・由比ヶ浜``), as the stage finds ``東京・晴海``, or the places a route or plan
    runs through (``小浜・京都|ルート``): the two places; else none.
    (The Stockmark train's 5 places so joined are a country and its city in katakana,
    ``ロシア・モスクワ``, one name to its annotators, typed a place by the tagger; its
    2 organisations so written are teams, ``パリ・サンジェルマン``.)"""
    if "・" not in text[start:end]:
        return []
    inside = _tokens_within(tokens, start, end)
    if (
        len(inside) in (3, 4)
        and (inside[0].start, inside[-1].end) == (start, end)
        and inside[1].surface == "・"
        and all(t.pos[2] == "地名" for t in (inside[0], inside[2]))
        and _kanji(inside[0].surface)
        and (len(inside) == 3 or inside[3].surface in _ROUTE_PLAN_WORDS)
    ):
        return [(inside[0].start, inside[0].end), (inside[2].start, inside[2].end)]
    return []


# A route or plan named by the places it runs through (小浜・京都|ルート, typed a facility)
_ROUTE_PLAN_WORDS = frozenset({"ルート", "案", "間", "線"})


def _list_places(text: str, tokens: Sequence[Token], start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list that MeCab reads as one place name each, or every item where
    more than half are (``千代田・中央・港・新宿・渋谷``: 中央, a common noun to MeCab, is
    one of the wards listed)."""
    places = [
        (t.start, t.end)
        for t in tokens
        if start <= t.start and t.end <= end and t.pos[1] == "固有名詞" and t.pos[2] == "地名"
    ]
    items = []
    at = start
    for part in text[start:end].split("・"):
        items.append((at, at + len(part)))
        at += len(part) + 1
    return items if 2 * len(set(places) & set(items)) > len(items) else places


# What a firm or person is to another, written before the name (日本法人|アンソロピック・
# ジャパン, 子会社|Nintendo, 空売り投資家|マイケル・バーリ): no Stockmark train gold name
# starts so. The keyword stage ends a phrase there too.
RELATIONS = (
    "法人",
    "子会社",
    "親会社",
    "新会社",
    "合弁会社",
    "持ち株会社",
    "持株会社",
    "傘下",
    "投資家",
    "スタートアップ",
)
# A country's name written right before a firm's in Latin or katakana (中国アリババ集団,
# 英国BBC, typed one company): two names, as the Stockmark train gold has 4 of the 5 so
# written (英国|BBC, 米国|NASDAQ, 米国|ソニー・ミュージックエンタテインメント, 中国|Tianjin…;
# 韓国SBSテレビ whole); not
# 日本 (日本マイクロソフト and 日本IBM are firms' names), nor a katakana country before
# katakana (インド|ネシア).
_COUNTRY_BEFORE_FIRM = regex(
    r"(?:(?:中国|韓国|台湾|米国|英国|香港)(?=[ァ-ヺA-Za-z])"
    r"|(?:ドイツ|フランス|インド|イタリア|カナダ|スイス|オランダ|スウェーデン|イスラエル)(?=[A-Za-z]))"
)
_KIND_OF_FIRM = regex(rf"(?:日本|米国|中国|現地|[{_COUNTRIES}])?(?:{'|'.join(RELATIONS)})")
# A kind of device glued before a model's Latin name, no part of it (ノイズキャンセリング
# ヘッドホン|WH-1000XM6, typed a product whole; the Stockmark train gold has no name so
# begun)
_DEVICE_BEFORE_MODEL = regex(
    r"(?:ノイズキャンセリング|完全ワイヤレス|ワイヤレス)?"
    r"(?:ヘッドホン|ヘッドフォン|イヤホン|スマホ|スマートフォン|タブレット|ノートパソコン"
    r"|スピーカー|ヘッドセット|ゲーム機|掃除機|スマートウォッチ)(?=[A-Za-z])"
)


def _after_spaced_word(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """The start of a name after a common noun and a space the tagger took with it
    (a headline's ``肥満症薬で攻勢　武田は``: 攻勢 is no part of 武田). No Stockmark
    train gold name has a space after a kanji or hiragana common noun; 山田 太郎 (a
    name before the space) and ビーム サントリー stay whole, as does a quote's whole
    (「JAL国際線特典航空券 PLUS」)."""
    if " " not in text[start:end] or _quoted_whole(text, start, end):
        return start
    for token in tokens:
        if token.end >= end:
            break
        if (
            token.start >= start
            and text[token.end] == " "
            and token.pos[1] == "普通名詞"
            and _kanji_or_hiragana(token.surface[-1])
        ):
            start = token.end + 1
    while start < end and text[start].isspace():  # 擎  text: two spaces
        start += 1
    return start


_BODIES = ("POLITICAL_ORG", "ORG", "COMPANY")


def _person_and_office(
    text: str, found: list[tuple[int, int, str]], known: NameList
) -> list[tuple[int, int, str]]:
    """``ミランFRB理事``, ``ラガルドECB総裁``, ``塚越大介ユニクロ社長``: a name, a
    listed body and an office, which the tagger read as one name, are a person and the
    body. The name is the katakana at the start or, in what the tagger read as a
    person, what comes before the longest listed body at the end."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        split, body = None, None
        if _office_after(text, end):
            name = _KATAKANA_NAME.match(text, start, end)
            if name:
                splits: Sequence[int] = (name.end(),) if start + 2 <= name.end() < end else ()
            else:
                splits = range(start + 2, end - 1) if kind == "PERSON" else ()
            for k in splits:
                if (body := known._type_of(text[k:end])) in _BODIES:
                    split = k
                    break
        if split is None or body is None:
            out.append((start, end, kind))
        else:
            out += [(start, split, "PERSON"), (split, end, body)]
    return out


def _kind_of_share(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """``黄金株``, ``優先株``, ``米国ハイテク株``: common nouns (and places) before
    ``株`` name a kind of share, not whose shares they are (``Tモバイル株``)."""
    if not text.startswith("株", end):
        return False
    inside = _tokens_within(tokens, start, end)
    return (
        bool(inside)
        and (inside[0].start, inside[-1].end) == (start, end)
        and all((t.pos[1] == "普通名詞" and not t.unknown) or t.pos[2] == "地名" for t in inside)
        and any(t.pos[1] == "普通名詞" for t in inside)
    )


# A period of a firm's accounts: no Stockmark train event names one (2025年12月期第3四半期
# 累計 is a date and a word, not an event).
_ACCOUNTS_PERIOD = regex(r"(?:月期|四半期|半期|上期|下期)$")


def _release_dates(
    text: str, mentions: list[EntityMention], taken: bytearray, start: int, end: int
) -> None:
    """Give text[start:end] back from the dates inside it, if nothing else is there and
    none of them is a period of accounts."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.type == "DATE"]
    if not inside or sum(m.end - m.start for m in inside) != sum(taken[start:end]):
        return
    if any(_ACCOUNTS_PERIOD.search(text, m.start, m.end) for m in inside):
        return
    for mention in inside:
        mentions.remove(mention)
        taken[mention.start : mention.end] = bytes(mention.end - mention.start)


def _article_date(doc: Document) -> dt.date | None:
    """The front matter's date, which dates ``10月3日`` and ``19日`` (None if unreadable)."""
    return calendar_date(doc.meta.date)


# How the name of a piece of software ends (Codex CLI, Gemini API, Unreal Engine, HarmonyOS):
# the 4 Stockmark train gold names so ending are products (Fox Engine, iOS, PC-DOS); or a
# service's plan named in Latin letters (Maxプラン, Proプラン: the 2 train gold names that end
# in プラン, 東亜プラン and ネオプラン, are firms named so in katakana), or an app's
# (Vpassアプリ, typed a firm; no train gold name ends in アプリ).
# So does a product's edition after a space (Final Cut Pro, typed an organisation; the
# one train gold name so ending, Galaxy S20 Ultra, is a product), and a wallet (Google
# Pay, typed a person; no train gold name ends in Pay).
_SOFTWARE_OR_PLAN_END = regex(
    r"(?<=[A-Za-z0-9])(?:[ -]?(?:CLI|SDK|API|OS|Engine)| ?(?:プラン|アプリ)"
    r"| (?:Pro|Max|Ultra|Plus|Air|Pay))$"
)
# The words that end a firm's name in Latin letters after its own (Bain Capital,
# Sakana AI's kin PKSHA Technology; _FIRM_NAME_END).
_LATIN_NAME_FIRM_WORDS = sorted(
    _words(
        "Partners Capital Investments Ventures Technology Technologies Networks Robotics"
        " Therapeutics Pharmaceuticals Labs Securities Motors Industries Manufacturing"
        " Semiconductor Semiconductors Laboratories Electronics"
    )
)
# A Latin name and one word after it (Amazon Nova), and the words that make such a
# name a firm's (Sony Group, Amazon Japan, Toyota Motor) or its arm's.
_LATIN_FIRM_THEN_WORD = regex(r"[A-Za-z][A-Za-z0-9.!&'-]* (?P<word>[A-Z][A-Za-z0-9]*)")
_LATIN_FIRM_WORDS = frozenset(
    word.lower()
    for word in (
        *_LATIN_NAME_FIRM_WORDS,
        *_words(
            "Group Holdings Japan Inc Corp Corporation Company Motor Bank Financial Research"
            " Electronics Entertainment Studios Games Pictures Music Energy Health Pharma"
            " America Americas Europe China Asia India Korea Taiwan International Global"
            " Foundation Trust Services Systems Solutions Communications Media Interactive"
            " Mobility Logistics Insurance Life"
        ),
    )
)
# Stockmark's data types some laws as products (製品名); to a reader of news a law is
# not a product, and none of our types fits it. Every Stockmark name that ends so is a
# law, so a span the tagger types otherwise (スマホ新法 as a person) is dropped too. So is
# a law's English name (AI Act, CHIPS Act; no train gold name ends so).
_LAW = regex(r"(?:法|法案|条例)$|(?<=[A-Za-z] )Act$")
# 米連邦 cut from 米連邦破産法 or 米連邦議会 (typed a place): "the US federal", the start of
# a law's or a body's name, none of its own (no Stockmark train gold name is 米連邦).
_FEDERAL = regex(r"[米独豪加]?連邦")
# One Latin letter, perhaps with a period, is no name the tagger should give (Q. 新NISAで…
# A. まずは…): 2 Stockmark train gold names are one (C, a language and a person so
# called), against the questions and answers, list marks and options of posts.
_ONE_LETTER = regex(r"[A-Za-z]\.?")
# A firm's division is no name of its own: no Stockmark train gold name ends so.
_DIVISION = regex(r"(?:部門|事業部)$")
# Not a model: a period after a space (NVIDIA 5-7月期, NVIDIA 2025年).
_NO_PERIOD = r"(?![0-9]+(?:[-~〜][0-9]+)?[年月日])"
# A katakana name and 社, a firm: the 42 Stockmark train gold names so written are firms
# (ダイムラー社, アリアンスペース社).
_KATAKANA_FIRM_SHA = regex(r"[\u30a1-\u30fa\u30fc・]{2,}社")
# A city, town or village named in hiragana (and kanji) after its prefecture (沖縄県|うるま
# 市, which the tagger missed; the train gold's 福島県いわき市 and 千葉県いすみ市 are one
# place each); not a particle's start (県の…).
_KANA_CITY_AFTER = regex(
    r"(?![のはがでにをともやへ])[\u3041-\u309f]{2,5}[\u4e00-\u9fff]{0,3}[市町村](?![\u4e00-\u9fff])"
)
# A region of Japan after a listed firm's name: the firm's regional company (イオン九州,
# typed a place; NTT東日本, JR東海).
_REGION_END = regex(
    r"(?:東日本|西日本|北海道|東北|関東|首都圏|中部|関西|近畿|中国|四国|九州|沖縄|北陸|東海)$"
)


def _firm_of_a_region(name: str) -> bool:
    """Whether the name is a listed firm's (not ending in kanji) and a region's."""
    region = _REGION_END.search(name)
    if region is None or region.start() < 2:
        return False
    firm = name[: region.start()]
    return gazetteer().types.get(firm.lower()) == "COMPANY" and not _kanji(firm[-1])


# A car's powertrain glued to its model's katakana name (プリウスPHEV; the Stockmark train
# sentences have none so written).
_POWERTRAIN_AFTER = regex(r"(?:PHEV|PHV|HEV|HV|EV|FCEV|FCV)(?![A-Za-z0-9])")
# One Latin word of a product line after a space: Gemini CLI.
_LATIN_MODEL_AFTER = regex(rf" {_NO_PERIOD}([A-Z0-9][A-Za-z0-9]*)(?![A-Za-z0-9])")
# A model or product line after a space: iPhone 15, Copilot Studio, eMAXIS Slim 米国株式.
# Or a number right after it, a count or date aside (ナスダック100, an index).
_MODEL_AFTER = regex(
    rf" {_NO_PERIOD}([A-Z0-9][A-Za-z0-9]*|[\u4e00-\u9fff\u30a1-\u30fa]+)"
    r"|-([A-Z][A-Za-z0-9]*[0-9][A-Za-z0-9]*"
    r"|[A-Za-z]{2,})|(?<=[\u30a1-\u30fcA-Za-z])[0-9]+(?![0-9年月日%.,社台人件万億兆倍])"
)
# A firm's word in Latin letters that ends its name (NVIDIA Corporation, Taiwan
# Semiconductor Manufacturing Company): of the Stockmark train gold names ending so, 5
# are companies, 2 bodies the tagger types as such.
_LATIN_FIRM_END = regex(
    r"[ ,](?:Company|Companies|COMPANY|COMPANIES|Corporation|CORPORATION|Corp\.?|Inc\.?"
    r"|Incorporated|Limited|Ltd\.?|Holdings|plc|PLC|AG|LLC|GmbH)$"
)
# A number and a space before it (Microsoft 365 Copilot), or a Latin word and a hyphen
# (ELYZA-Japanese-Llama-3: a model named after Llama, not Llama).
_VERSION_BEFORE = regex(r"[0-9] |[A-Za-z0-9]-")


_GENERATION = regex(r"[0-9]+[a-z]?$")


# A Latin name's last word that ends in its own full stop (Apple Inc., Johnson & Johnson
# Co., J.P. Morgan Jr.), not a sentence's.
_ABBREVIATED_END = regex(
    r"(?:\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|Mfg|Intl|No|Dr|Mr|Ms|Mrs)|\b[A-Z])\.$"
)


def _without_full_stop(text: str, start: int, end: int) -> int:
    """The end of a Latin name without the full stop of the English sentence it ends
    (``according to The Information.``), or ``end``."""
    if (
        end - start >= 3
        and text[end - 1] == "."
        and text[end - 2].isascii()
        and text[end - 2].isalpha()
        and (end == len(text) or text[end] in " \n")
        and _ABBREVIATED_END.search(text, start, end) is None
    ):
        return end - 1
    return end


def _in_generic_term(
    text: str, tokens: Sequence[Token], start: int, end: int, generic: frozenset[str]
) -> bool:
    """Whether the name is the start of a generic term the next one or two nouns end
    (``マイナ保険|証``, typed a firm for its 保険); not a one-kanji country (``米|中``,
    two places)."""
    if end - start < 2:
        return False
    following = [t for t in tokens if t.start >= end][:2]
    at = end
    for token in following:
        if token.start != at or token.pos[0] not in ("名詞", "接尾辞"):
            return False
        at = token.end
        if text[start:at].lower() in generic:
            return True
    return False


_COUNT_END = regex(r"(?<=.)[0-9一二三四五六七八九十]+(?:行|社|店|基|台|機|人|カ国|か国)$")


_KATAKANA_THEN_KANJI = regex(
    r"[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]{1,14}(?=[\u4e00-\u9fff々]{1,4}$)"
)


def _firm_then_person(
    text: str, tokens: Sequence[Token], start: int, end: int, generic: frozenset[str]
) -> int | None:
    """Where a person's name starts that follows a katakana firm's name in one span
    before さん or 氏, as guests are introduced (``ログラス|布川さん``, ``カミナシ|諸岡裕人
    さん``, typed a facility or a person whole): the kanji open with a surname to MeCab,
    and the katakana is no generic term, no name of a person (``ダルビッシュ|有``) nor one
    common noun MeCab knows (not ``ゲスト|布川さん``); else None."""
    if not text.startswith(("さん", "氏"), end):
        return None
    firm = _KATAKANA_THEN_KANJI.match(text, start, end)
    if firm is None or firm.group().lower() in generic:
        return None
    inside = _tokens_within(tokens, start, end)
    words = [t for t in inside if t.end <= firm.end()]
    person = [t for t in inside if t.start >= firm.end()]
    if (
        not words
        or words[-1].end != firm.end()
        or not person
        or person[0].pos[3] != "姓"
        or any(t.pos[2] == "人名" for t in words)
        or (len(words) == 1 and not words[0].unknown and words[0].pos[1] == "普通名詞")
    ):
        return None
    return firm.end()


def _place_then_generic(
    text: str, tokens: Sequence[Token], start: int, end: int, generic: frozenset[str]
) -> int | None:
    """Where a place's name ends that one generic term follows to the span's end
    (``ニューヨーク|市場``, ``ロンドン|市場``), else None; not a site's name
    (``石狩|データセンター``), nor one word in one script (``ラピュタ|ロボティクス``), nor a
    Latin letter after the place (``東京A``, a team)."""
    name = text[start:end].lower()
    if not any(name[k:] in generic for k in range(1, len(name) - 1)):
        return None  # no generic term ends the span: no token looked at
    inside = _tokens_within(tokens, start, end)
    if len(inside) < 2 or inside[0].start != start or inside[0].pos[2] != "地名":
        return None
    at = inside[0].end
    rest = text[at:end].lower()
    if (
        rest in generic
        and not rest.isascii()
        and not rest.endswith(_SITES)
        and not _script(text[at - 1]) == _script(text[at]) != ""
    ):
        return at
    return None


def _generic_phrase(
    text: str, tokens: Sequence[Token], start: int, end: int, generic: frozenset[str]
) -> bool:
    """A common noun phrase, not a name: a generic term (``generic_terms.tsv``) with at
    most common nouns, prefixes or other generic terms before it, after a country or
    alone, or one place name (``AIサーバー``, ``次世代AIデータセンター``, ``日本企業``,
    ``米国AI銘柄``; not ``国際エネルギー機関``,
    whose head is no generic term, nor ``東北電力ネットワーク``)."""
    name = text[start:end].lower()
    if name in generic:
        return True
    if name[-1].isdigit() or name[-2:-1].isdigit():
        stem = _GENERATION.sub("", name)
        # HBM4, HBM3E: a generation of a generic term (not A300B: "a" is an English word)
        if stem != name and len(stem) >= 3 and stem in generic:
            return True
    count = _COUNT_END.search(name)  # メガバンク3行: how many of a generic kind
    if count is not None and name[: count.start()] in generic:
        return True
    of = name.find("の")
    if of >= 2 and name[:of] in generic:  # プロンプトエンジニアリング|の|コツ: a common noun
        after = _tokens_within(tokens, start + of + 1, end)  # of a generic term
        if len(after) == 1 and not after[0].unknown and after[0].pos[1] == "普通名詞":
            return True
    inside = _tokens_within(tokens, start, end)
    if (  # EV|電池, AI|半導体, EV|充電|器: a generic term and a kanji common noun MeCab
        # knows, perhaps with a suffix (not PC|エンジン, A|リーグ)
        len(inside) in (2, 3)
        and len(inside[0].surface) >= 2
        and inside[0].surface.lower() in generic
        and not inside[1].unknown
        and inside[1].pos[1] == "普通名詞"
        and all(map(_kanji, inside[1].surface))
        and (len(inside) == 2 or (inside[2].pos[0] == "接尾辞" and _kanji(inside[2].surface)))
    ):
        return True
    if (
        len(inside) >= 3
        and text[start : inside[-1].start].lower() in generic
        and not inside[-1].unknown
        and _kanji(inside[-1].surface)
        and (inside[-1].pos[1] == "普通名詞" or inside[-1].pos[0] == "接尾辞")
    ):
        return True  # シェール|ガス|田: a generic term MeCab cut, and a kanji word after it
    for k in range(1, len(inside)):
        head = text[inside[k].start : end].lower()
        if len(head) < 2 or head not in generic:
            continue
        if _script(text[inside[k].start]) == _script(text[inside[k].start - 1]) != "" and not (
            k >= 2 and inside[0].surface.isascii() and inside[0].surface.lower() in generic
        ):  # マイクロ|ソフト, サイバー|エージェント: one word; not AI|コーディング|ツール
            return False
        if text[start : inside[k].start].lower() in generic:
            return True  # 米国|債|ETF: a generic term MeCab cut, then another
        if k == 1 and inside[0].pos[2] == "地名":  # 日本|企業, 米国|市場
            # but a town's site is its name: 石狩|データセンター (not 米国|データセンター)
            return inside[0].pos[3] == "国" or head not in _SITES
        return all(
            t.surface.lower() in generic
            or (
                not t.surface.isascii()
                and not t.unknown  # ゴイアス|EC: a word MeCab does not know is a name
                and (t.pos[1] == "普通名詞" or t.pos[0] in ("接頭辞", "形状詞"))
            )
            or (i == 0 and t.pos[2] == "地名" and t.pos[3] == "国")  # 米国|AI|銘柄
            or (i == 0 and t.surface in COUNTRY_KANJI)  # 米|ハイテク|株安 (米 a suffix)
            for i, t in enumerate(inside[:k])
        )
    return False


# What is said of a product's or a firm's users, devices and goods right after its name
# (Chromeブラウザ, iPhoneユーザー, テスラ車): no Stockmark train gold name ends so but in
# 自動車 and 機関車.
_USER_WORDS = (
    "ユーザー",
    "ユーザ",
    "利用者",
    "ブラウザー",
    "ブラウザ",
    "パソコン",
    "端末",
    "製品",
    "会員",
    "アプリ",
    "車",
)


def _without_user_word(text: str, start: int, end: int, listed: NameList) -> tuple[int, str | None]:
    """The end and type of a listed name the tagger took with a word for its users or
    goods; else ``end`` and None."""
    word = next((w for w in _USER_WORDS if text.endswith(w, start, end)), None)
    if word is None:
        return end, None
    kind = listed.types.get(text[start : end - len(word)].lower())
    return (end - len(word), kind) if kind else (end, None)


# What befalls a firm, as headlines run it onto the name (ホンダ・日産統合破談, ソニー
# 分社化の狙い): no Stockmark train gold name holds a listed name and one of these.
_ACT_WORDS = _words(
    """
    統合 合併 買収 分社 再編 提携 連携 協業 傘下 破談 撤退 上場 決算 会見 離れ 不正
    減益 増益 減収 増収 赤字 黒字 株価
    """
)


def _before_act_word(
    text: str, tokens: Sequence[Token], start: int, end: int, listed: NameList
) -> tuple[int, str | None]:
    """The end and type of a listed name the tagger ran into a word for what befalls
    it (``日産|統合破談``), a word of its own to MeCab; else ``end`` and None."""
    for n in listed.lengths.get(text[start : start + 2].lower(), ()):  # longest first
        at = start + n
        if at < end and (kind := listed.types.get(text[start:at].lower())) is not None:
            k = _token_at(tokens, at)
            if k >= 0 and tokens[k].surface in _ACT_WORDS:
                return at, kind
    return end, None


def _listed_prefix(
    text: str, start: int, end: int, listed: NameList, tokens: Sequence[Token]
) -> str | None:
    """The type of the listed name text[start:end] begins with and goes on after, the
    name ending where a token does (``パナソニック|コネクト``, not ``アーム`` in
    ``アームストロング``) or inside a katakana word MeCab does not know, before two
    more letters of it (not ``シャオミ|ン``, a person); the longest such name's. On the
    Stockmark train gold a listed company's name and more is a company, product or
    organisation, almost never (2 of 98) a person or a place; a listed product's is a
    product (11 of 11)."""
    lengths = listed.lengths.get(text[start : start + 2].lower())
    if not lengths:  # most spans: no listed name starts so
        return None
    ends = {t.end for t in tokens}
    for n in lengths:  # longest first
        kind = listed.types.get(text[start : start + n].lower())
        if n < end - start and kind is not None:
            at = start + n
            # MeCab reads a run of katakana it does not know as one word
            # (パナソニックコネクト), so a listed name may end inside one (not シャオミ|ン)
            if at in ends or any(
                t.start < at <= t.end - 2 and t.unknown and _KATAKANA_NAME.fullmatch(t.surface)
                for t in tokens
            ):
                return kind
    return None


_FOREIGN_NAME = regex(r"[A-Za-z\u30a1-\u30fa\u30fc][A-Za-z0-9\u30a1-\u30fa\u30fc・&.\- ]*")


# One word in Latin letters, a capital first, four letters or more (Moveworks; not NY).
_ONE_LATIN_WORD = regex(r"[A-Z][A-Za-z]{3,}")


def _prefixed_foreign(text: str, start: int, end: int) -> bool:
    """A name in katakana or Latin letters after a country's one-kanji prefix
    (``米アルテラ``, ``独SAP``): news writes the prefix before foreign companies
    (``米ハーバード大学`` has kanji and stays as tagged; in ``8日クルー`` 日 is a day)."""
    if start >= 2 and text.startswith("欧州", start - 2):  # 欧州|エアバス: a region's
        return _FOREIGN_NAME.fullmatch(text, start, end) is not None
    return (
        start >= 1
        and text[start - 1] in COUNTRY_KANJI
        and not (
            start >= 2 and ("\u4e00" <= text[start - 2] <= "\u9fff" or text[start - 2].isdigit())
        )
        and _FOREIGN_NAME.fullmatch(text, start, end) is not None
    )


def _opens_a_title(text: str, start: int, end: int) -> bool:
    """Whether a listed name opens a title in quotes, joined by の to what follows
    (「エルメスの道」, a book): the title is the name, left to the tagger. Not words
    quoted, with と after them (「USスチールの再建に自信がある」と語った)."""
    if start == 0 or text[start - 1] not in "「『" or not text.startswith("の", end):
        return False
    close = text.find("」" if text[start - 1] == "「" else "』", end, end + 16)
    return (
        close > 0
        and not any(mark in text[end:close] for mark in "、。,")
        # 「USスチールの再建に…」と語った: words (not 「エルメスの道」として, a list 「…」と「…」)
        and not (
            text.startswith("と", close + 1)
            and not text.startswith(("として", "と「", "と『"), close + 1)
        )
    )


def _opens_tagged_name(
    text: str,
    tokens: Sequence[Token],
    start: int,
    end: int,
    tagged: Sequence[tuple[int, int, str]],
) -> bool:
    """Whether a listed place and a middle dot open a longer name the tagger found, of
    another type (``台湾・中華職業棒球大聯盟``, an organisation): the Stockmark train
    gold keeps such names whole (``大阪・万博記念公園・東の広場``, ``台湾・台中インター
    コンチネンタルスタジアム``), and the place claimed first lost the name. Not across
    の (``大阪・梅田のグラングリーン大阪``: the place, then the tagger's name after the dot,
    ``_after_listed_place``), nor before a listed name (``台湾・鴻海精密工業``)."""
    return (
        text.startswith("・", end)
        and any(
            s == start
            and e > end + 1
            and kind != "LOCATION"
            and "の" not in text[end:e]
            and not _one_place(tokens, end + 1, e)  # 東京・銀座, typed an organisation: two places
            # 台湾・鴻海精密工業: a place and a listed firm, two names
            and gazetteer().types.get(text[end + 1 : e].lower()) is None
            for s, e, kind in tagged
        )
    )


def _after_listed_place(
    text: str, mentions: Sequence[EntityMention], taken: bytearray, start: int, end: int
) -> int:
    """Where a tagged name starts that opens with a place already found and a middle
    dot (``東京・|麻布台ヒルズの森JPタワー``): after the dot, else ``start``."""
    dot = text.find("・", start, end)
    if dot <= start or not taken[start] or any(taken[dot + 1 : end]):
        return start
    placed = any(m.start == start and m.end == dot and m.type == "LOCATION" for m in mentions)
    return dot + 1 if placed else start


# A quoted firm's name's end, no punctuation before it in the quote
_QUOTED_FIRM_END = regex(r"[^、。,，\sのとや「」]*(?:保険|銀行|証券|生命|ホールディングス)$")


def _in_longer_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether a listed name is part of a longer name in quotes (「Ray-Ban Meta」, a
    product, not Meta; 「Rakuten最強プラン」, a plan, not the firm; 「楽天・オールカントリー
    株式インデックス・ファンド」, a fund; 「三井住友海上あいおい損害保険」, a new insurer;
    「OMO7大阪」, a hotel): the quoted name is left to the tagger."""
    if text[start - 1 : start] == "「" and text.startswith("・", end):
        close = text.find("」", end, end + 40)
        # the word after the dot, no listed name: not 「トヨタ・ホンダ・日産」, a list
        following = text[end + 1 : close].partition("・")[0]
        return (
            close > end + 1
            and not any(mark in text[end:close] for mark in "、。,")
            and gazetteer().types.get(following.lower()) is None
        )
    if not text[start].isascii():
        open_at = text.rfind("「", max(0, start - 12), start)
        if (
            open_at >= 0
            and text.startswith("」", end)
            and text[open_at + 1 : start].isascii()
            and text[open_at + 1 : start].isalnum()
        ):
            return True  # 「OMO7大阪」: a Latin name glued before a listed place, a hotel
        # 「三井住友海上あいおい損害保険」: a listed firm opening a quoted firm's name
        close = text.find("」", end, end + 30) if text[start - 1 : start] == "「" else -1
        return close > end and _QUOTED_FIRM_END.match(text, end, close) is not None
    open_at = text.rfind("「", max(0, start - 30), start)
    close = text.find("」", end, end + 30)
    if open_at < 0 or close < 0 or (open_at + 1 == start and close == end):
        return False
    inside = text[open_at + 1 : close]
    if (
        open_at + 1 == start
        and (_kanji(text[end]) or _is_katakana(text[end]))
        and not text.startswith(("社", "株", "製"), end)  # 「OpenAI社」: the firm still
        and not any(mark in inside for mark in "、。,")
    ):
        return True  # the name opens the quote, written on into kanji or katakana
    return inside.isascii() and "」" not in text[open_at:start] and any(c.isalpha() for c in inside)


def _longer_product_name(text: str, start: int, end: int) -> bool:
    """A product line named further (``iPhone 15 Pro``, ``Copilot Studio``,
    ``Microsoft 365 Copilot``, ``Apple Watch``, ``ELYZA-Japanese-Llama-3``): the listed
    name is part of a longer one, left to the tagger; a title after it (``Microsoft
    CEO``) is no product."""
    after = _MODEL_AFTER.match(text, end)  # and a model after a hyphen: DeepSeek-R1
    if after is not None and after.group(1) not in TITLES:  # Microsoft CEO: the company
        return True
    return start >= 2 and _VERSION_BEFORE.match(text, start - 2) is not None


# What news writes after an industry and before a company's name (半導体大手|ルネサス),
# and with the words for a parent's companies, the descriptions that sit before a name
# without joining it.
DESCRIPTORS = frozenset({"大手", "最大手"})
# Words before a name that never make a longer one with it: a listed name after them is
# the name (持ち株会社|アルファベット, 電力会社|東京電力; of the Stockmark train gold
# names right after 会社 or 企業, 25 of 26 are companies).
# So do the countries news writes before a foreign firm as 米 is written (韓国|SKハイニックス,
# 中国|アリババ), but not 日本: 日本マイクロソフト is Microsoft's Japanese company.
# And a former or present office's prefix (元|日本銀行|理事, 前|日本銀行|総裁), where
# MeCab reads it apart, and a former name's 旧 (旧|ツイッター); not 新 (新日本製鉄 is
# a firm of its own).
_LOOSE_PREFIXES = (
    DESCRIPTORS
    | {"傘下", "子会社", "会社", "企業", "ファンド"}
    | {"米国", "中国", "韓国", "台湾", "英国", "香港"}
    | {"元", "前", "現", "旧"}
    | set(_MODEL_WORDS)  # 新型|プリウス: the listed product, a new model of it
)
# Words after a name that never make a longer one with it (トヨタ|傘下, ソニー|製品; and a
# headline's move, レーザーテック|急落, Siri|搭載; what a post does with it, Pixel 10
# レビュー, iPhone 17|発表): none is inside a Stockmark train gold name.
_LOOSE_SUFFIXES = _words(
    """
    社 ら など 等 側 勢 製 向け 内 傘下 主導 幹部 首脳 首脳陣 経営陣 関係者 株主 株価 製品
    広報 社員 従業員 子会社 買収 店舗 効果 特需 関連 依存 頼み 離れ 攻勢
    急落 急騰 続落 続伸 反発 反落 急伸 暴落 高騰 上昇 下落 増益 減益 増収 減収 搭載
    屋上 制覇 連覇 築城
    レビュー 速報 まとめ 比較 解説 感想 開封 実機 使用感 発表 発売 おすすめ クラスタ クラスター
    """
)
# Kanji that make a listed name a meeting of its members, an event's name (APEC|首脳会議,
# NATO|首脳会議, IOC|総会).
_MEETING_TAILS = ("首脳会議", "首脳会合", "閣僚会議", "閣僚会合", "総会")
# Kanji that make a Latin name into another company's (PayPay|銀行, NTT|東日本), where
# other kanji do not glue onto it (Alphabet|傘下).
_FIRM_TAILS = tuple(
    _words(
        """
        銀行 証券 生命 損保 信託 総研 研究所 総合研究所 経済研究所 電機 工業 製作所 自動車
        商事 物産 建設 電力 化学 製薬 保険 不動産 都市開発 運輸 航空 鉄道 放送 通信 電気 重工 貨物
        東日本 西日本 東海 九州 北海道
        """
    )
)
# ... and those of them a tagged span may end in (日立|子会社); not 社 (新潮社), ら, 等.
_LOOSE_END = regex(
    "(?:" + "|".join(sorted((w for w in _LOOSE_SUFFIXES if len(w) >= 2), key=len)[::-1]) + ")$"
)
_NOUNS = ("名詞", "接尾辞")


def _one_of_a_kind(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a listed name is one kanji word MeCab knows as a common noun, after
    ``とする`` or ``などの``, which make it one of a kind (``大林組を中心とする|連合は``,
    ``竹中工務店などの|連合``: a consortium, not the listed trade-union body ``連合``; but
    ``委員を務める連合の幹部``, ``中央組織である連合（…）`` are the body)."""
    if not text.endswith(("とする", "などの"), 0, start) or not _kanji(text[start:end]):
        return False  # (the words looked at first: the tokens only where they are there)
    k = _token_at(tokens, start)
    return (
        k > 1
        and tokens[k].end == end
        and tokens[k].pos[1] == "普通名詞"
        and (tokens[k - 2].surface, tokens[k - 1].surface) in (("と", "する"), ("など", "の"))
    )


def _inside_compound(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] is part of a longer noun compound: it splits a token, or
    a noun, prefix or noun suffix written in kanji, katakana or Latin letters touches
    it (``日本|製鉄``, ``米国|市場``, ``US|スチール``, ``日本|選手|権``; not a title
    ending the compound, ``トヨタ|社長``). Kanji do not glue onto a name in
    Latin letters (``Alphabet|傘下``) but for a firm's word (``PayPay|銀行``) and
    ``日本`` before (``日本|IBM``), nor does a country's one-kanji prefix
    (``米|アプライド・マテリアルズ``)."""
    before = after = following = None
    for token in tokens:
        if token.start < start < token.end or token.start < end < token.end:
            return True
        if token.end == start:
            before = token
        elif token.start == end:
            after = token
        elif after is not None:
            following = token if token.start == after.end else None
            break
    latin = text[start].isascii() and text[end - 1].isascii()
    if latin and before is not None and before.surface == "日本":
        return True  # 日本|IBM, 日本|HP: a foreign firm's Japanese arm, a firm of its own
    if (
        before is not None
        and before.surface not in COUNTRY_KANJI
        and before.surface not in _LOOSE_PREFIXES
        and before.pos[0] in ("名詞", "接頭辞")
        and _written_as_name(before, latin)
        and before.pos[1] != "数詞"  # G20|大阪|サミット: what comes after decides
    ):
        return True
    if (
        before is not None
        and (before.pos[0] == "接尾辞" or before.surface in ("企業", "会社"))
        and _kanji(before.surface)
        and _kanji(text[start:end])
    ):
        return True  # 国際天文|学|連合, 企業|連合: kanji glued before a kanji name, one word
    if text.startswith(_MEETING_TAILS, end):
        return True  # APEC|首脳会議: a meeting of its members, an event
    if after is None or after.surface in _LOOSE_SUFFIXES:
        return False
    title = next((t for t in _TITLES_LONGEST_FIRST if text.startswith(t, end)), "")
    if (
        len(title) > len(after.surface)
        and (len(after.surface) == 1 or after.surface in TITLES)  # not 上海|支店|長
        and not _kanji(text[end + len(title) : end + len(title) + 1])
        and any(t.end == end + len(title) for t in tokens)
    ):
        return False  # 劉揚偉|董|事|長, 五神真|理事|長: a title MeCab cut ends the compound
    if after.surface in TITLES and (
        following is None
        or following.pos[0] not in _NOUNS
        or following.surface in TITLES
        or following.surface == "兼"
        # アルトマン|CEO|来日, トヨタ|社長|交代: a firm's office and an act (not 参議院|
        # 議員|選挙, 商務省|長官|直轄, where a public office's word goes on)
        or (after.surface in _FIRM_OFFICES and following.pos[2] == "サ変可能")
    ):
        return False  # トヨタ|社長, 十時裕樹|社長|兼, not 日本|選手|権
    if _COUNTRY_OFFICE.match(text, end) is not None or _RANKED_OFFICE.match(text, end):
        return False  # トランプ|米大統領, バイデン|前米大統領, トランプ|前大統領: an office
    if latin and text.startswith(_FIRM_TAILS, end):
        return True
    if not _written_as_name(after, latin):
        return False
    if after.pos[0] == "名詞":
        return after.pos[1] != "数詞"
    # 東京|高等|商業学校, ドイツ|再|統一: an adjectival noun or a prefix goes on.
    return after.pos[0] in ("接尾辞", "接頭辞", "形状詞")


def _written_as_name(token: Token, beside_latin: bool = False) -> bool:
    """Kanji, katakana or Latin letters: what compound names are made of (a stray
    combining mark or a hiragana noun is not); beside a Latin name, kanji are not."""
    return any(
        ("\u4e00" <= ch <= "\u9fff" and not beside_latin)
        or "\u30a1" <= ch <= "\u30fa"
        or (ch.isascii() and ch.isalnum())
        for ch in token.surface
    )


# Legal forms after a company's Latin name (Meta Platforms, Inc.; Ricoh Company, Ltd.),
# and the same as key endings (keys have no spaces: metaplatforms,inc.); "Co" only with
# its dot there (costco is no Co).
_LATIN_LEGAL = (
    *("Inc", "Ltd", "LLC", "Corp", "Co", "GmbH", "plc", "PLC", "AG", "N.V", "S.A", "L.P"),
    "PBC",  # a public benefit corporation: OpenAI Group PBC
)
_LATIN_LEGAL_ALTERNATIVES = "|".join(map(re.escape, _LATIN_LEGAL))
_LATIN_LEGAL_KEYS = tuple(
    comma + form + dot
    for form in sorted({f.lower() for f in _LATIN_LEGAL} | {"co.,ltd"})
    for comma in ("", ",")
    for dot in (".", "")
    if dot or form != "co"
)
# A comma before a legal form is part of the name.
# A colon breaks a name but after one or two Latin letters and before a third (re:Invent,
# Re:Nissan, J:COM); Google:Kairos Power, a list item's full-width colon, is two names.
# A hyphen after kanji joins names (東村山駅-高田馬場駅, 吉田茂-白洲): no Stockmark
# train gold name has one; after katakana it may be one name's (セブン-イレブン,
# NARUTO-ナルト-外伝).
_BREAKS = regex(
    rf"[()\[\]「」『』【】;、。|｜]|(?<![A-Za-z0-9]):|:(?![A-Za-z])|(?<=[A-Za-z0-9]{{3}}):"
    rf"|,(?! ?(?:{_LATIN_LEGAL_ALTERNATIVES})\b)"
    r"|(?<=[\u4e00-\u9fff])[-‐](?=[\u3040-\u30ff\u4e00-\u9fff])"
    # a slash or a plus between spaces lists names (Cursor / Claude Code, Cloudflare
    # Workers + Supabase; no Stockmark train gold name holds one: DC-9/MD-80 has none)
    r"| [/+] "
    # pictographs (Weekly Market Recap 🚀 米国株: two names at most, never one), but the
    # stars and notes names hold (遊☆戯☆王, Ange☆Reve: 4 Stockmark train gold names)
    r"|[\u2600-\u2604\u2607-\u2669\u266c-\u27bf\u2b50\u2b55\U0001f000-\U0001faff]"
)
_PICKS = regex(r"\d+選$")  # no Stockmark train gold name ends so
_CALLED = ("通称", "愛称", "略称")  # nor starts so
_NTH_GENERATION = regex("第[0-9０-９一二三四五六七八九十]{1,3}世代の?")
_NTH_GENERATION_BEFORE = regex("第[0-9０-９一二三四五六七八九十]{1,3}世代の?$")
_NUMBER_HYPHEN = regex(r"(?<![0-9A-Za-z])[0-9]+-$")  # 7-|Eleven
# A foreign firm after its country's prefix, then と and kanji: 米カイロス・パワー|と小型
# モジュール炉 is a firm and what else was named with it.
_PREFIXED_AND = regex(rf"[{_COUNTRIES}][\u30a1-\u30fa\u30fc・]{{3,}}(?=と[\u4e00-\u9fff])")
# A division's word alone (州ごと, 各県): no Stockmark train gold name is one.
_DIVISION_WORDS = frozenset("州県市区町村都道府郡")
COUNTRY_KANJI = frozenset(_COUNTRIES)
# 訪米 (a visit to the US), which the tagger reads as a place: no Stockmark train gold
# name starts with 訪.
_VISIT = regex(f"訪[{_COUNTRIES}欧]")
# 英社, 米社: "a British firm", unnamed (日立、英社を買収), which the tagger takes for one.
_COUNTRY_FIRM = regex(f"[{_COUNTRIES}]社")
# A foreign name, its country's prefix and an office, as news writes officials
# (ベッセント米財務長官, ラトニック米商務長官), which the tagger reads as one firm (a
# person it ran into the prefix, バイデン前米|大統領, is _before_country_office's).
_NAME_COUNTRY_OFFICE = regex(f"[\u30a1-\u30fa\u30fc・]{{2,}}[{_COUNTRIES}]")
# A rank before an office: former, present, next (オバマ元大統領, トランプ次期大統領).
_RANK = "(?:[前元現]|次期)"
_RANK_STARTS = "前元現次"
# A country's office after a name, perhaps with a rank, or a public office with a rank
# (トランプ米大統領, バイデン前米大統領, トランプ前大統領): the 3 Stockmark train gold
# names before such words are persons (プッチダモン元首相).
_COUNTRY_OFFICE = regex(
    f"(?:{_RANK}[{_COUNTRIES}]?|[{_COUNTRIES}])"
    f"(?:{'|'.join(t for t in _PUBLIC_TITLES if len(t) > 1)})"
)
_COUNTRY_OFFICE_STARTS = frozenset(_RANK_STARTS + _COUNTRIES)
# Any office with a rank (ジャオ・チャンポン前CEO, トヨタ元社長: Toyota's former
# president, the firm a name of its own); no honorific has one (山崎元さん: 元 is his
# given name).
_RANKED_OFFICE = regex(
    f"{_RANK}(?:{'|'.join(t for t in _TITLES_LONGEST_FIRST if len(t) > 1 and t != 'さん')})"
)
# What a district's name ends with: of the Stockmark train gold names so ending, 地区 19
# of 19 are places and エリア 1 of 3 (the others パーキングエリア, facilities), and a
# street's, 通り (朝市通り, typed a product; 銀座通り a place, 栄通り a facility).
_AREA_END = regex(r"(?<=.)(?<!パーキング)(?<!サービス)(?:エリア|地区|(?<=..)通り)$")
# What follows a place, not a firm: 米ロング|ビーチ市, 米パーム|ビーチ近郊.
_PLACE_AFTER = regex(r"州|市|郡|町|村|島|湾|沖|地区|地域|近郊|郊外|周辺")
# 米|アップル; and 欧州|エアバス (typed a political body whole), a region's the same way
_COUNTRY_PREFIX = regex(f"(?:欧州|[{_COUNTRIES}])(?=[A-Za-z\u30a0-\u30ff])")
# ``Alphabet傘下のWaymo``, ``SMRのX-energy``: a tagged span joined by の to a name in
# Latin letters is a description and its name; the name is the part after the last の.
_OF_LATIN = regex(r"(?<=[A-Za-z0-9])の|の(?=[A-Za-z0-9])")
_WITHIN = regex(r"(?<=[都道府県市区町村州国])内$")
# ``コンビニ大手アリマンタシォン・クシュタール``: news describes a company before its
# name; 大手町 and 大手前 are names.
_MAJOR = regex(r"大手(?![町前])")
# A field after kanji makes a common noun of them (光通信|技術, typed as the company
# 光通信): no Stockmark train gold name is followed by these words.
_FIELD = regex(r"技術|分野|業界|産業")
# 米バイオ|企業, 独化学|メーカー: one common noun before these is a field, not a name (the
# two Stockmark train gold names right before them are places: スウェーデン企業).
_INDUSTRY_AFTER = regex(r"企業|メーカー")
# ``半導体会社ラピダス``, ``米投資銀行グリーンヒル``: a description ending in 会社 before
# a katakana or Latin name, or after a word in 銀行 or 企業 before one that is all such
# a name (株式会社ラピダス keeps its legal form; 大和銀行ニューヨーク支店巨額損失事件, the
# one Stockmark train gold name with 銀行 or 企業 before katakana, is whole), or such a
# name and a bank's word (中堅銀行|イエス銀行); so is a fund (政府系ファンドMGX, 米投資
# ファンドKKR), a venture capital firm (米ベンチャーキャピタルのジェネラル・カタリスト,
# typed a person), a union (労働組合|IGメタル) or a startup (AIスタートアップ|Sakana AI): no
# Stockmark train gold name is so written;
# and so are they with の (米投資ファンドの|サード・ポイント, typed a product whole).
_FIRM = regex(
    r"(?:(?:(?<!株式|有限|合同|相互)会社|銀行|企業|ファンド|組合|スタートアップ"
    r"|(?<![\u30a1-\u30fa\u30fc・])ベンチャーキャピタル|(?<![A-Za-z])VC)の?"
    r"|(?:メーカー|アクティビスト)の)"
    r"(?=[A-Za-z\u30a1-\u30fa])"
)
_BANK_WORD = regex(r"(?:銀行|証券|信託|保険)")
# A country and common nouns ending in 会社, 企業 or メーカー: a foreign firm described, no
# name (a headline's 日立、米鉄道信号会社を買収, typed a firm); no Stockmark train gold
# name is so written (ヴュルテンベルク鉄道会社 and 北西会社 start otherwise).
_KIND_OF_FIRM_WORDS = frozenset({"会社", "企業", "メーカー"})


def _described_foreign_firm(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the span is a country's one kanji, common nouns and a kind of firm."""
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) >= 3
        and inside[0].surface in COUNTRY_KANJI
        and inside[-1].surface in _KIND_OF_FIRM_WORDS
        and all(not t.unknown and t.pos[1] == "普通名詞" for t in inside[1:-1])
    )


# A description of a young firm (東大発ベンチャー, 宇宙スタートアップ, 米バイオ新興,
# 日本発AIユニコーン): no Stockmark train gold name ends so (firms' names say ベンチャーズ).
_STARTUP_END = regex(r"(?:ベンチャー|スタートアップ|ユニコーン|新興(?:企業)?)$")
# ``米新興``, ``米大手``: a country and a description, which the tagger may read as a
# place before the name they describe (米新興の|Figure AI).
_COUNTRY_DESCRIPTION = regex(
    f"[{_COUNTRIES}](?:新興(?:企業)?|スタートアップ|大手|企業|会社|メーカー)"
)
# A name ending in a firm's word: of the Stockmark train gold names ending so, 航空 46 of
# 47 are companies, 銀行 43 of 45 (the others central banks, political bodies: not
# retyped), グループ 41 of 42, 工業 18 of 18, 自動車 16 of 17, 放送 14 of 14, 電力 13
# of 13, 通信 7 of 7, 商事 5, 製薬 5, 証券 4, 製作所 4, 産業 6 of 6, ホールディングス 8 of
# 8, 信託 4, 建設 3, 電機 3, 保険 2, 化学 2, キャピタル 2 of 2, and 総研, the think
# tanks' word news writes (大和総研, typed an event; none in the train gold), and 取引所
# 1 of 1 (ロンドン金属取引所 was a facility); 電鉄 11 of 11, 電気 9, 製紙 8, 製菓 4, 商会 3,
# 興業 2, 物産, 精機, 電工, 紡績 1 each, and their kin 農機, 重工, 運輸, 海運, 汽船, 製鋼
# (井関農機, 四国汽船, typed persons; none in the train gold). (Not 鉄道 nor 新聞: a
# railway line is a facility, a newspaper a product, and the tagger tells them apart.)
_FIRM_WORD_END = regex(
    r"(?<=.)(?:銀行|証券|電力|製薬|商事|グループ|航空|工業|自動車|放送|通信|製作所|産業"
    r"|ホールディングス|信託|建設|電機|保険|化学|キャピタル|総研|汽車|取引所"
    r"|インベスト|インベストメント|インベストメンツ"
    r"|電鉄|電気|製紙|製菓|農機|重工|精機|物産|運輸|海運|汽船|興業|商会|電工|紡績|製鋼|工務店"
    r"|(?<=[\u4e00-\u9fff])フーズ)$"  # 松屋フーズ, typed a person
    r"|(?<=[^\x00-\x7f])(?:HD|FG)$"  # ニトリHD, ふくおかFG (the train's one such: 源吉兆庵HD)
)
# A Chinese maker of cars (汽車) or a holding company (控股), or its group (集団).
_CHINESE_FIRM_END = regex(r"(?<=..)(?:汽車|控股)(?:集団)?$")
# The sea off a place is a place (the one such Stockmark train gold name, イスラエル沖).
_OFFSHORE = regex(r"(?<=..)沖$")
# After a place, a site's word makes the place's name the site's: on the Stockmark train
# sentences 116 of the 117 such words that touch a gold name are inside it (the other a
# company's 工場); a town's data centre too (石狩|データセンター, none in that data).
_SITES = (
    "原子力発電所",
    "発電所",
    "原発",
    "データセンター",
    "空港",
    "駅",
    "工場",
    "製鉄所",
    "製油所",
    "製錬所",
    "精錬所",
)
# A site's name and の: what follows is of the site, not its name (羽田空港|の新ターミナル;
# no Stockmark train gold name holds one).
_SITE_THEN_OF = regex(rf"(?:{'|'.join(_SITES)})(?=の)")
# An exchange and its market segment: the exchange is the name (東京証券取引所|プライム市場,
# typed a facility; the Stockmark train gold types its one exchange a company). 東証プライム
# and the like are generic terms (corpus/lexicons), so 東証|プライム市場 names none.
_EXCHANGE_SEGMENT = regex(
    r"(?:(?<=取引所)|(?<=東証))(?:(?:プライム|スタンダード|グロース)(?:市場)?|市場(?:第[一二12]部)?)$"
)
# ... perhaps numbered (福島|第一原発, 熊本|第2工場)
_SITE_AFTER = regex(rf"(?:第[0-9一二三四五六七八九十]+)?(?:{'|'.join(_SITES)})")
# After a place, a street's word in katakana makes it the street's name, a place (the
# train gold's マディソン・アベニュー350番地; not ウォール・ストリート・ジャーナル, a firm)
_STREET_AFTER = regex(r"・?(?:ストリート|アベニュー)(?![・\u30a1-\u30fa\u30fc])")
# A name ending in a kind of building or site is a facility's: of the Stockmark train
# gold names ending so, 工場 12 of 12, 駅 67, 空港 11, スタジアム 11, ビルディング 6,
# 発電所 4, 基地 4, タワー 4, ヒルズ 1, パーキングエリア 2, 球場 7, アリーナ 4, ドーム 3
# (原発 is short for 原子力発電所, 製鉄所 and 製油所 are works; サービスエリア the same as
# a パーキングエリア), and a plant's numbered unit (敦賀原発2号機, typed a product; no
# train name ends so).
_FACILITY_END = regex(
    rf"(?<=.)(?:{'|'.join(_SITES)}|基地|タワー|スタジアム|球場|ドーム|アリーナ|ビルディング|ヒルズ"
    # a building after kanji (新丸ビル; 6 of 6 train names: 大手町本部ビル, 新朝日ビル), not
    # a town after katakana (ナッシュビル, a place)
    r"|(?<=[\u4e00-\u9fff])ビル"
    r"|(?<![電戦視])線|市役所|区役所|町役場|村役場"
    # a reactor (国際熱核融合実験炉, typed a firm; the train names have none)
    r"|(?<=..)(?:実験炉|原子炉|研究炉|増殖炉)"
    # a port (神戸港, typed a place; 12 of 12 train names ending in 港 are facilities, but
    # 香港, a place, and a quoted title, 「真夏の港」)
    r"|(?<![香の])港"
    # a hospital (北海道大学病院, typed a firm; 7 of the 8 train names ending so)
    r"|(?<=..)病院"
    r"|パーキングエリア|サービスエリア)"
    r"(?:[0-9０-９]+号機)?$"
    r"|(?<=[A-Za-z0-9] )Tower$"
)
# A castle after two characters or more, typed a place (名古屋城): 18 of the 20 such train
# names are facilities (the others a product and a TV show, so only a place is retyped;
# not 宮城 or 茨城, places).
_CASTLE_END = regex(r"(?<=..)城$")
# A Latin name whose last word (before a place or year) says event: TED Conference and
# MTV Video Music Awards are the Stockmark train gold names ending so, both events; and
# an expo's EXPO after katakana, perhaps with its year's season (AI・DXビジネスEXPO 2027
# 秋, typed a product).
_EVENT_END = regex(
    r"(?:(?<=[A-Za-z0-9] )(?:Summit|Conference|Expo|EXPO|Festival|Awards|Week|Cup"
    r"|Championships?)|(?<=[\u30a1-\u30fc])(?:EXPO|Expo))"
    r"(?: (?:Japan|Tokyo|Asia|\d{4}))?(?: ?[春夏秋冬])?$"
)


def _event_runs_on(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """Where an event's name the tagger stopped short of ends: the end of the noun
    compound after it, up to six nouns or suffixes in kanji, if that ends in an event's
    word (``第103回東京箱根|間|往復|大学|駅伝|競走``; not ``…名人位戦|トーナメント``,
    which a train sentence's gold leaves out); else ``end``."""
    k = _token_at(tokens, end)
    longest = end
    for token in tokens[k : k + 6] if k >= 0 else ():
        if (
            token.start != end
            or token.pos[0] not in ("名詞", "接尾辞")
            or not _kanji(token.surface)
        ):
            break
        end = token.end
        if _EVENT_WORD_END.search(text, start, end):
            longest = end
    return longest


# Places people visit, which a firm or a body may also run: of the Stockmark train gold
# names ending so 公園 22 of 22 are facilities, 神社 16 of 17, 美術館 8, 病院 7 of 8 (the
# others companies, which the tagger types right), 博物館 4, アリーナ 4, ドーム 3; so a
# name typed a person, a place, a product or an event is a facility (田中病院, a person).
# So are halls, libraries, shrines and forts: 会館 11 of 12, 図書館 7, 神宮 4, 砦 6,
# 記念館 2, 楼 2, 公会堂 1 (日比谷公会堂, typed a firm; 久保田楼, a person); and a
# garden's, ガーデン (羽田エアポートガーデン, typed a person; no train name ends so).
_VISITED_END = regex(
    r"(?<=.)(?:公園|神社|美術館|病院|博物館|アリーナ|ドーム|会館|図書館|神宮|砦|記念館|楼|公会堂"
    r"|(?<=..)ガーデン)$"
)
# A name ending in a kind of contest or show is an event's: of the Stockmark train gold
# names ending so, 大会 53 of 54 (the other a party's, 民主党党大会, typed a political
# body, which keeps its type), 選手権 38 of 38, 映画祭 and 博覧会 or 万博 all, マラソン 4,
# グランプリ 4 (駅伝, as マラソン, though no train name ends so), オリンピック 34 of 34,
# ワールドカップ 13 of 13, 五輪 2, W杯 2, パラリンピック 1 (パリ五輪 was typed a place),
# a market's shock 3 of 3 (アタリショック; ニクソンショック was typed a person), 祭 25 of
# 25, フェスティバル 11 of 11, フェア 3, 見本市 1, a contest's word, コンクール 5 of 5,
# コンテスト 5, トーナメント 5, 杯 10 (ショパン国際ピアノコンクール, typed a facility),
# a final's or a Grand Prix's, ファイナル 2 of 2, GP 4 (ハンガリーGP, a place), and a
# contest named after the high schools' baseball one, 甲子園 2 of 2 (黒板アート甲子園),
# a sale, セール (感謝セール, typed a product; no train name ends so), a race, 競走 2 of 2
# (東京優駿大競走),
# a show in katakana 9 of 11 (モーターショー; with a year after, all 4 so written,
# 東京ゲームショウ2007, あいち国際女性映画祭2002;
# the others a club, FCソショー, and a person); and a summit after a group's letters or
# digits or a place in kanji (G20サミット, G7広島サミット, typed products; not プロモント
# リー・サミット, a place).
_EVENT_WORD_END = regex(
    r"(?:(?<=.)(?:駅伝|マラソン|選手権|大会|祭|博覧会|万博|グランプリ|オリンピック"
    r"|パラリンピック|ワールドカップ|五輪|W杯|ショック|フェスティバル|フェア|見本市"
    r"|コンクール|コンテスト|トーナメント|杯|ファイナル|(?<=..)甲子園|(?<=[^ ])GP|(?<=..)フェス"
    r"|(?<=..)セール|(?<=..)競走)"
    r"|(?<=[\u30a1-\u30fc]{3})(?:ショー|ショウ)|(?<=[A-Z0-9\u4e00-\u9fff])サミット)"
    r"(?:\s?(?:19|20)[0-9]{2})?$"  # that year's, 東京ゲームショウ2026 (typed an organisation)
)
# Katakana run into capitals (イクシスLNG, a project's name): no person's name is written
# so (none of the Stockmark train gold persons is).
_KANA_CAPITALS = regex(r"[\u30a1-\u30fa\u30fc][A-Z]{2,}")
# The best in a place (日本一となった, 世界一の): no place named (the Stockmark train
# sentences have 3 such, none a gold name).
_BEST_IN = regex(r"一(?=[のにとをはがでもだ、。」)\s]|$)")
# ... and a headline's name and the best it became, run on (ホークス日本一で, typed an
# organisation whole; no Stockmark train gold name ends so)
_BEST_AFTER = regex(r"(?:日本|世界)一$")
# A sports team is an organisation: of the Stockmark train gold names ending in a
# baseball team's nickname 28 of 29 are (the other a product, a title, which keeps its
# type), of those ending in FC 32 of 33 (横浜DeNAベイスターズ, typed a facility).
_TEAM_END = regex(
    r"(?<=.)(?:ジャイアンツ|タイガース|ドラゴンズ|スワローズ|カープ|ベイスターズ|ファイターズ"
    r"|ホークス|ライオンズ|マリーンズ|バファローズ|イーグルス|アントラーズ|(?<=[^A-Za-z] )FC"
    r"|(?<=[\u30a1-\u30fc\u4e00-\u9fff])FC)$"
)
# So is an election: all 42 Stockmark train gold names ending in 選挙 or 選 are events
# (参院選, FIFA会長選, 第44回衆議院議員総選挙), whatever the party or office in them
# (自民党総裁選, typed a political body); not a winner's or a pick's word (当選, 厳選).
_ELECTION_END = regex(r"(?<=..)(?<![当落入再互人特精厳])(?:選挙|選)$")
# So are wars, incidents and talks, but for a title the tagger typed a product (the book
# 「太平洋戦争」): of the Stockmark train gold names ending so 戦争 36 of 37 are events
# (the other a product), 事件 31 of 32, の戦い 24 of 25, 作戦 18 of 18, 革命 8, の乱 7,
# 紛争 4, 会談 3, 国体 3, 事変 2, all (ミュンヘン会談 was typed a company).
_INCIDENT_END = regex(r"(?<=.)(?:戦争|事件|の戦い|作戦|革命|の乱|紛争|会談|国体|事変)$")
# A kind of product, then a quoted name: of the Stockmark train gold names right after
# such words, 68 of 69 are products (映画「ノルウェイの森」, 小説, 番組, アルバム, ...);
# of the 71 quoted words so placed there, 67 are gold names and the other 4 gold names
# without their quotation marks (小説「"Condition"」). So is a new model's (新型「プレリュ
# ード」, missed; the train sentences quote none after 新型), and a site's (サイト「m3.com」,
# missed; both train names quoted after サイト are products: Webサイト「PRESIDENT Online」),
# and a train's (車両「400系」, missed), and software's (AIエージェント「フレームAI」, 生成AI
# 環境「都庁AI」, 開発基盤「Isaac」: all 11 names so quoted in our articles; none in the
# train sentences).
_PRODUCT_KINDS = (
    r"(?:映画|アルバム|小説|番組|雑誌|アニメ|シングル|システム|作品|ソフト|サービス|ロケット"
    r"|薬|剤|モデル|シリーズ|燃料|アプリ|素材|衛星|ワクチン|ゲーム|ブランド|製品|商品|端末"
    r"|スマートフォン|スマホ|ツール|チャットボット|AI|洗剤|飲料|化粧品|ビール|菓子|家電|機|車"
    r"|車両|船|ボート|探査機|ロボット|ドローン|新型|サイト|フィルム|材料|部品|チップ"
    r"|エージェント|プラットフォーム|基盤|環境)"
)
_PRODUCT_KIND_BEFORE = regex(_PRODUCT_KINDS + "[「『]$")
_PRODUCT_KIND = regex(_PRODUCT_KINDS)
# ... which the tagger may miss (洗剤「アタック」): a short name, no clause; a title may
# end in a full stop or a mark (アニメ「君の名は。」).
_QUOTED = (
    r"(?:「(?P<a>[^「」『』、。!?\n]{1,20}[。!?]?)」|『(?P<b>[^「」『』、。!?\n]{1,20}[。!?]?)』)"
)
_QUOTED_PRODUCT = regex(_PRODUCT_KINDS + _QUOTED)
# So is a kind of place people go to, then a quoted name, that place's: 商業施設「グラン
# グリーン大阪」, 新エリア「ファンタジースプリングス」, 複合施設「…」 and 実験都市「ウーブン・
# シティ」 (typed products and missed; the Stockmark train sentences have 2 gold names
# quoted right after these words, both facilities, 複合施設「品川シーサイドフォレスト」 and
# センター「町田プレジャーキャッスル」; not 工場: ガラス工場「マリエンヒュッテ」 is a firm).
# So is a school's (高等専門学校「神山まるごと高専」, typed a product): the 50 Stockmark
# train names ending 学校 are facilities. So is a site's or warehouse's (物流拠点
# 「ZOZOBASE習志野1st」, typed a product), and a plant's after its owner or town and の
# (千歳市の工場「IIM-1」, typed a product in 5 of our articles; not ガラス工場「…」), and a
# block of flats's (タワーマンション「パークタワー晴海ベイ」, typed a product), and an eating
# place's (カフェ「ヨリミチ珈琲」, typed a product; the train's 3 names quoted after
# レストラン are facilities).
_FACILITY_KINDS = (
    r"(?:施設|ホテル|旅館|エリア|テーマパーク|旗艦店|直営店|専門店|店舗|モール|スタジアム|アリーナ|劇場"
    r"|美術館|博物館|データセンター|ビル|タワー|リゾート|(?<!ホーム)センター|都市|キャンパス|拠点|倉庫"
    r"|学校|高校|高専|(?<=の)工場|マンション|カフェ|レストラン|パン屋(?:さん)?|喫茶店|居酒屋|食堂)"
)
# A version alone (React Router（v7）, typed a product): the product's, no name of its own
# (lower-case v only: V8 may be an engine's name)
_VERSION_ALONE = regex(r"v[0-9]+(?:\.[0-9]+)*")
# A prefecture's police (大阪府警, 神奈川県警察), which the tagger types a place: a body
# of the state (the one Stockmark train gold name so ending is a 政治的組織名).
_PREFECTURAL_POLICE = regex(r"(?<=.[都道府県])警(?:察(?:本部)?)?$|^道警$")
_POLICE_AFTER = regex(r"警(?:察(?:本部)?)?(?![\u4e00-\u9fff])")
_TRANSPORT_FIRM_AFTER = regex(r"交通(?![\u4e00-\u9fff])")
# A start-up's funding round (SmartHR：シリーズEで…調達, a list item's colon crossed and the
# part typed an event): no name (no Stockmark train gold name is one)
_FUNDING_ROUND = regex(r"(?:シリーズ|Series ?)[A-H](?:ラウンド)?")
# A number with its sign in words (業況判断指数はプラス33, typed an organisation): no name
# (no Stockmark train gold name is so written)
_SIGNED_NUMBER = regex(r"(?:プラス|マイナス)[0-9０-９.．]+(?:ポイント|pt)?")
# A kind of facility alone is no name, but ビル (Bill Clinton, in a Stockmark train
# sentence).
_FACILITY_KIND_ALONE = regex("(?!ビル$)新?" + _FACILITY_KINDS)  # 直島の|新美術館
# 施設の「…」 too (eスポーツ施設の「コナミクリエイティブフロント」, typed a product), and
# テーマパークの「サンリオピューロランド」, typed a product (the train sentences quote no
# name after such a kind and の).
_FACILITY_KIND_THEN = _FACILITY_KINDS + "(?:(?:(?<=施設)|(?<=テーマパーク)|(?<=リゾート))の)?"
_FACILITY_KIND_BEFORE = regex(_FACILITY_KIND_THEN + "[「『]$")
# A kind of firm before a quoted name: the firm's (合弁「SB OAI Japan」, 新会社「…」).
# Any …会社 (マーケティング会社「刀」, missed): found where the tagger found nothing too,
# but after a legal form's 会社.
_FIRM_KINDS = r"(?:合弁|会社)"
_FIRM_KIND_BEFORE_QUOTE = regex(_FIRM_KINDS + "[「『]$")
_QUOTED_FIRM = regex(r"(?<![株式有限合同])" + _FIRM_KINDS + _QUOTED)
# A kind of chain of shops before a quoted name: the chain's firm (ホームセンター「島忠」).
_CHAIN_KIND_BEFORE = regex(
    r"(?:ホームセンター|スーパー|コンビニ|ドラッグストア|量販店|百貨店|チェーン)[「『]$"
)
_QUOTED_FACILITY = regex(_FACILITY_KIND_THEN + _QUOTED)


# Words someone said, not a title: an object or a subject marked (「AIを使え」), or a
# predicate's ending (「強くなる」, 「値上げしない」, 「最高だ」).
_SAID = regex(r"[をが]|(?<=[\u3041-\u309f])[るただいすねよかう][。!?]?$")
# Verbs of saying, after the words said and と (と述べた, と語った; sentiment.py's
# speakers too).
SAYING = r"(?:述べ|語|話|言|説明|強調|指摘|分析|明か|コメント|予想|予測|見て|みて|訴え|主張|表明)"
_SAID_AFTER = regex(r"と(?:も)?" + SAYING)
# What calls a quote words said (「長期で持てないなら10分も持つな」という言葉, read as a
# work after バフェットの): a saying, no title.
_WORDS_CALLED = regex(r"という(?:言葉|発言|名言|格言|考え|話|声|メッセージ|教え)")
# A short quoted name, no clause in it, right where the match starts.
_QUOTED_NAME = regex(_QUOTED)


def _works_quoted(
    text: str, mentions: Sequence[EntityMention], generic: frozenset[str]
) -> list[tuple[int, int]]:
    """A name quoted right after a firm's, a person's or a product's name, nothing
    between or の: their work (``小学館「ちゃお」``, ``江上波夫「騎馬民族国家」``,
    ``カプコンの『バイオハザード』``, missed), a product's feature (``Galaxy AIの「かこって
    検索」``; no train sentence quotes a name after a product's). On the Stockmark
    train sentences 11 of the 12 quoted names right after a firm or a person are gold
    products (the other a facility, ``円谷プロ「怪獣館」``, left to the facility rules),
    and 18 of the 22 after one and の (``サンリオの「みんなのたあ坊」``, ``北条司の「シティー
    ハンター」``; the others a company, an organisation and two words). Not words said: a
    predicate's ending or a subject or object marked inside, ``と述べた`` after, or no
    particle after the quote (a headline's speaker: ``トヨタ「全方位戦略」``)."""
    found = []
    for mention in mentions:
        if mention.type not in ("COMPANY", "PERSON", "PRODUCT"):
            continue
        quoted = _QUOTED_NAME.match(text, mention.end + text.startswith("の", mention.end))
        if quoted is None:
            continue
        group = "a" if quoted.group("a") is not None else "b"
        name = quoted.group(group)
        if (
            name.strip().lower() in generic
            or _SAID.search(name) is not None  # トヨタ「強くなる」: words said
            or _SAID_AFTER.match(text, quoted.end()) is not None
            or _WORDS_CALLED.match(text, quoted.end()) is not None  # 「…」という言葉
            or not _WORK_FOLLOWS.match(text, quoted.end())
        ):
            continue
        found.append(quoted.span(group))
    return found


# What follows a work's title in a sentence: a particle or a comma (小学館「ちゃお」で,
# 「騎馬民族国家」の) or など (キリンの「氷結」など); a headline's quote runs to its end or
# into more words.
_WORK_FOLLOWS = regex(r"[でのをにはがとやも、]|など")


def quoted_products(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """Names quoted right after a kind of product (``洗剤「アタック」``), but for the
    generic terms (``AI「エージェント」``)."""
    return quoted_after_kinds(_QUOTED_PRODUCT, text, generic)


def quoted_facilities(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """Names quoted right after a kind of facility (``商業施設「グラングリーン大阪」``)."""
    return quoted_after_kinds(_QUOTED_FACILITY, text, generic)


def quoted_after_kinds(
    pattern: re.Pattern[str], text: str, generic: frozenset[str]
) -> list[tuple[int, int]]:
    """The quoted names ``pattern`` finds after its kind words (groups ``a`` and ``b``),
    but for the generic terms."""
    found = []
    for match in pattern.finditer(text):
        group = "a" if match.group("a") is not None else "b"
        name = match.group(group).strip()
        if name and any(ch.isalnum() for ch in name) and name.lower() not in generic:
            start = match.start(group) + (
                len(match.group(group)) - len(match.group(group).lstrip())
            )
            found.append((start, start + len(name)))
    return found


def _quoted_after_product_kind(text: str, start: int) -> bool:
    """Whether the name at ``start`` is quoted right after a kind of product."""
    return text[start - 1 : start] in ("「", "『") and bool(
        _PRODUCT_KIND_BEFORE.search(text, max(0, start - 9), start)
    )


def _quoted_after_facility_kind(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is all of a quote right after a kind of
    facility."""
    return (
        text[start - 1 : start] in ("「", "『")
        and text[end : end + 1] in ("」", "』")
        and bool(_FACILITY_KIND_BEFORE.search(text, max(0, start - 9), start))
    )


# What was held is an event (パリで開かれたVivaTechnology, typed PRODUCT): on the
# Stockmark train sentences 21 of the 23 gold names right after such words, and not
# before の (開かれたコブクロのライブ) or 主催, are events; so is a name quoted after a kind
# of event (開発者会議「Build」, typed PRODUCT; the 2 such train gold names are events).
_HELD_BEFORE = regex(
    r"(?:開催された|開かれた|開催中の|開催される|で開かれる)「?$"
    r"|(?:会議|カンファレンス|展示会|見本市|イベント|フォーラム|祭典)[「『]$"
)
_NOT_HELD_AFTER = regex(r"[」』]?(?:の|主催|主宰)")
# ... as is one right before such words (「楽天スーパーSALE」を12月4日から開催する, typed a
# company; 7 of the 8 train gold names before を開催, を開く, が開催され or が開かれ are
# events, the other a product, an exhibition's title, 特別展「社寺参詣曼荼羅」, left so).
# Not before が開催 (a host), nor を開く (a shop: 「ユニクロ銀座店」を開いた).
_HELD_AFTER = regex(r"[」』]?(?:を[^、。をがにはの]{0,12}?開催|が(?:開催さ|開か))")
# A plan is a product as the Stockmark data types them (7 of its 10 train gold names
# ending in 計画, and its one 構想): 第7次エネルギー基本計画 and スターゲート計画, typed
# political bodies or organisations; not the UN's programmes, bodies (国連環境計画, the
# other 2 train names, 世界食糧計画).
_PLAN_END = regex(r"^(?!国連|国際連合|世界|国際).+(?:計画|構想)$")
# A ministry or an agency is a government body: of the Stockmark train gold names ending
# in 庁 22 of 23 are (the other a branch office, 支庁, left alone), in 省 72 of 74 (the
# others Chinese provinces, typed places, which keep their type).
_AGENCY_END = regex(r"(?<=.)(?:(?<!支)庁|省)$")
# A province in katakana, of Vietnam or elsewhere (バクニン省, タイグエン省, typed political
# bodies; no Stockmark train name is katakana and 省, Japan's and China's ministries are
# written in kanji).
_KATAKANA_PROVINCE = regex(r"[\u30a1-\u30fa\u30fc・]{2,}省")
# A market index is a product, as the gazetteer lists TOPIX and 日経平均株価, and so is an
# index fund or a listed fund as it lists eMAXIS Slim 米国株式 and VOO (楽天・オールカン
# トリー株式インデックス・ファンド, typed a firm for its 楽天; no train name ends so).
_INDEX_END = regex(r"(?<=.)(?:指数|インデックス・?ファンド|上場投信|投資信託)$")
# So is a form or a report filed (簡易課税制度選択届出書, typed an event): the 4 Stockmark
# train gold names ending in 書 are products (documents, 東京優駿編成趣意書).
_FORM_END = regex(r"(?<=..)(?:届出書|申告書|申請書|報告書|証明書|計画書|趣意書)$")
_SHARES = regex(r"(?<=.)株$")  # Tモバイル株: the company's shares (no gold name ends in 株)


# Hiragana and a space at the start of a tagged span: the end of the phrase before it.
_KANA_BEFORE_SPACE = regex(r"[\u3041-\u309f]+\s+")
# A country's prefix before 子会社, a subsidiary there (米子会社: MeCab's 米子, a city)
_COUNTRY_SUBSIDIARY = regex(f"[{_COUNTRIES}]子会社")
# A headline's count of things before a space (新たに3島　直島の…, typed one place with
# the island after it): the count is no part of a name (no Stockmark train name starts so)
_COUNT_BEFORE_SPACE = regex(r"[0-9]+[\u4e00-\u9fff]\s+")


# When news speaks of, then の, at the start of a span: no name starts so (the Stockmark
# train gold names that start with such a noun and の are titles of works, みんなのうた,
# 夏の花, whose first words are none of these).
_WHEN_OF = regex(
    r"(?:今回|前回|次回|今年|昨年|去年|来年|今月|先月|来月|今週|先週|来週|今後|当時|現在"
    r"|同年|同月|前年|今期|前期|来期|今年度|昨年度|来年度)の"
)


# What news says a firm is (老舗, 同業; _FIRM_OF types the name after it a firm), and words
# that say where or how known something is; then の, before its name (老舗の丸久小山園, typed
# a product whole; no Stockmark train gold name starts so).
_FIRM_DESCRIPTIONS = r"老舗|中堅|同業|競合|外資系?"
_DESCRIBED_OF = regex(rf"(?:{_FIRM_DESCRIPTIONS}|名門|新興|地元|国内|海外)の")


def _clean(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a tagged span that are names: split at brackets and punctuation
    (``国際エネルギー機関(IEA`` is two names), without a description joined by の to
    a Latin name (``Alphabet傘下のWaymo``) or a description ending in 大手
    (``コンビニ大手セブン``), a country prefix glued to a foreign name
    (``米Alphabet``), when it speaks of (``今回の|インボイス制度``), ``内`` after a place
    (``東京都内``), ``株`` (shares) after a
    name (``Tモバイル株``), a title (``フアンCEO``, ``安田秀樹アナリスト``) or a word that
    never ends a name (``日立子会社``); a number and hyphen before a Latin name are
    its own (``7-Eleven``), a comma before a legal form too (``Meta Platforms, Inc.``)."""
    parts = []
    at = start
    for found in _BREAKS.finditer(text, start, end):
        parts.append((at, found.start()))
        at = found.end()
    parts.append((at, end))
    out = []
    for a, b in parts:
        if (lead := _KANA_BEFORE_SPACE.match(text, a, b)) or (
            lead := _COUNT_BEFORE_SPACE.match(text, a, b)
        ):
            a = lead.end()  # どこ|か|　電力・冷却: a headline's particle, then a space
        elif b - a > 2 and text[a] == "の" and a > 0 and text[a - 1] not in "「『(":
            a += 1  # 映画祭|の銀熊賞: the particle, not the name (「のばらちゃん」 is one)
        if (part := _LEADING_DIRECTION.match(text, a, b)) and b - part.end() >= 2:
            a = part.end()  # 南部|カルナタカ州: which part of the country, then the place
        if (when := _WHEN_OF.match(text, a, b)) and b - when.end() >= 2:
            a = when.end()  # 今回の|インボイス制度: when, not the name
        elif (what := _DESCRIBED_OF.match(text, a, b)) and b - what.end() >= 2:
            a = what.end()  # 老舗の|丸久小山園: what it is, not the name
        if b - a > 3 and text.startswith(_CALLED, a):
            a += 2  # 通称オルカン: what it is called, then the name
        elif b - a > 2 and text[a] in "現旧" and a > 0 and text[a - 1] == "(":
            a += 1  # マイクロストラテジー(現|ストラテジー): now or formerly, then the name
        if (generation := _NTH_GENERATION.match(text, a, b)) and b - generation.end() >= 2:
            a = generation.end()  # 第8世代|BiCS FLASH: no event, the product's generation
        elif b - a > 3 and text.startswith(_MODEL_WORDS, a) and text[a + 2].isascii():
            a += 2  # 新型|N-BOX: a new model of the product, not its name (not 新型コロナ…)
        for joined in _OF_LATIN.finditer(text, a, b):
            a = joined.end()
        for major in _MAJOR.finditer(text, a, b):
            if b - major.end() >= 2:
                a = major.end()
        for firm in _FIRM.finditer(text, a, b):  # 国策半導体会社|ラピダス
            if text[firm.end() : b].lower() in _COMPANY_WORDS:  # グループ alone: no name
                if text[a : firm.end()].lower() in generic_terms():
                    a = b  # 地方銀行|グループ: a kind of group
                    break
                continue  # 三井住友銀行|グループ: the group's whole name
            if b - firm.end() >= 2 and (
                firm.group() == "会社"
                or (firm.start() > a and _foreign_name_or_bank(text, firm.end(), b))
            ):
                a = firm.end()
        if (prefix := _COUNTRY_PREFIX.match(text, a, b)) and (
            prefix.end() == a + 1
            or (b - prefix.end() >= 4 and _FOREIGN_NAME.fullmatch(text, prefix.end(), b))
        ):  # 米|Alphabet; 欧州|エアバス, but not 欧州サッカー連盟 nor 欧州カップ, whole names
            a = prefix.end()
        if a < b and text[a].isascii() and text[a].isalpha():
            number = _NUMBER_HYPHEN.search(text, max(0, a - 6), a)
            a = number.start() if number else a
        site = _SITE_THEN_OF.search(text, a, b)  # 羽田空港|の新ターミナル: the site's
        if site and site.end() - a >= 3:
            b = site.end()
        segment = _EXCHANGE_SEGMENT.search(text, a, b)
        if segment and segment.start() - a >= 2:
            b = segment.start()
        picks = _PICKS.search(text, a, b)  # 米国ハイテク株|5選: a list's title
        if picks and picks.start() - a >= 2:
            b = picks.start()
        best = _BEST_AFTER.search(text, a, b)  # a headline's ホークス|日本一で
        if best and best.start() - a >= 2:
            b = best.start()
        if b - a > 2 and (_WITHIN.search(text, a, b) or _SHARES.search(text, a, b)):
            b -= 1
        b = _without_title(text, a, b)
        while (loose := _LOOSE_END.search(text, a, b)) and loose.start() - a >= 2:
            b = loose.start()  # Pixel 10|速報|まとめ: each word off
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():  # Microsoft CEO → Microsoft
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _society_by_deed(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the span ends in 会 after a verb (学校を|つくる|会, 日本の森を守る会)."""
    inside = _tokens_within(tokens, start, end)
    return (
        len(inside) >= 2
        and inside[-1].surface == "会"
        and inside[-1].end == end
        and inside[-2].pos[0] in ("動詞", "助動詞")
    )


def _before_topic_or_object(text: str, tokens: Sequence[Token], start: int, end: int) -> int:
    """Where a tagged span ends before the topic or object particle は or を inside it
    (ピストンズ|は|リーグ, 東萊温泉|は|温泉川), or before a で that comes before them (a
    headline's 千歳|で|2号棟を計画; 2 unquoted Stockmark train names hold a で alone, A列車
    で行こう and ほくでん, MeCab's で), the particle and what follows being the
    sentence's; ``end`` if none. Not in a quoted name (「日本のイルカを救いましょう」)
    nor in a society named by what it does (学校をつくる会: 3 Stockmark train names; not
    ``補正予算案を今国会``, whose 国会 is one word)."""
    if _society_by_deed(tokens, start, end) or (
        start > 0 and text[start - 1] in "「『" and text.startswith(("」", "』"), end)
    ):
        return end
    at = None  # the first で, which ends the span only before a は or を
    for token in tokens:
        if start < token.start < end and token.pos[0] == "助詞":
            if token.surface in ("は", "を"):
                return token.start if at is None else at
            if token.surface == "で" and at is None:
                at = token.start
    return end


def _foreign_name_or_bank(text: str, start: int, end: int) -> bool:
    """``IGメタル``, ``イエス銀行``: all a katakana or Latin name, or one and a bank's word."""
    name = _FOREIGN_NAME.match(text, start, end)
    return name is not None and (
        name.end() == end or _BANK_WORD.fullmatch(text, name.end(), end) is not None
    )


# Titles of three or more characters whose last characters MeCab may leave out of a
# tagged span (グロッシ事務局|長, ベッセント財務|長官): after a katakana name, the span
# ends where the title starts. (All kanji, tested inline: _kanji is defined further down.)
_STRADDLED_TITLES = tuple(
    t for t in _TITLES_LONGEST_FIRST if len(t) >= 3 and all("\u4e00" <= c <= "\u9fff" for c in t)
)


# (Not 道知事 here: many given names end in 道, 鈴木直道|知事.)
_GOVERNORS = frozenset({"都知事", "府知事", "県知事"})
# The 47 prefectures with their suffixes: 東京都|知事選 is the place's office.
_PREFECTURES = (
    "北海道",
    "東京都",
    "大阪府",
    "京都府",
    *(
        f"{name}県"
        for name in _words(
            """
            青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 神奈川 新潟 富山 石川 福井
            山梨 長野 岐阜 静岡 愛知 三重 滋賀 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 山口 徳島
            香川 愛媛 高知 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄
            """
        )
    ),
)


def _without_title(text: str, start: int, end: int) -> int:
    """The end of a name without a title the tagger took with it (``フアンCEO``,
    ``永浜利広首席エコノミスト``)."""
    name = text[start:end]
    if not name.endswith(_TITLES_LONGEST_FIRST):  # one C-level test for most names
        if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
            return end  # no kanji after the span: no title it cuts
        if name.endswith(_KANJI_TITLE_PREFIXES) and text.startswith(_TITLES_LONGEST_FIRST, end):
            prefix = next(p for p in _KANJI_TITLE_PREFIXES if name.endswith(p))
            if len(name) > len(prefix) + 1:  # 宮坂力特任|教授: the title's first word
                return end - len(prefix)
        for title in _STRADDLED_TITLES:  # グロッシ事務局|長, ベッセント財務|長官: a title
            for inside in range(len(title) - 1, 0, -1):  # the span cuts
                at = end - inside
                if text.startswith(title, at) and (
                    _KATAKANA_NAME.fullmatch(text, start, at)
                    # 小池百合子都|知事: a governor's, after any name but a prefecture's
                    or (
                        title in _GOVERNORS
                        and at - start >= 2
                        and not text.endswith(_PREFECTURES, start, at + 1)
                    )
                ):
                    return at
        return end
    for title in _TITLES_LONGEST_FIRST:
        if name.endswith(title) and len(name) > len(title) + 1:
            name = name[: -len(title)]
            for prefix in TITLE_PREFIXES:
                if name.endswith(prefix) and len(name) > len(prefix) + 1:
                    return start + len(name) - len(prefix)
            return start + len(name)
    return end


_LATIN_RUN = regex(r"(?<![A-Za-z0-9_])[A-Za-z]+(?![A-Za-z0-9_])")


def code_words(doc: Document) -> list[tuple[int, int]]:
    """Lower-case words a post writes only as inline code (`` `expect` ``, `` `shared` ``
    モジュール): a program's identifiers, which the tagger types as events or products;
    not a word written elsewhere too (`` `terraform` `` beside Terraform, a product)."""
    if "`" not in doc.source_text:  # most articles
        return []
    text, source = doc.text, doc.source_text
    words = [(m.start(), m.end(), m.group().lower()) for m in _LATIN_RUN.finditer(text)]
    coded: list[tuple[int, int, str]] = []
    for start, end, word in words:
        source_start, source_end = doc.source_span(start, end)
        if (
            word == text[start:end]
            and source[source_start - 1 : source_start] == "`"
            and source[source_end : source_end + 1] == "`"
        ):
            coded.append((start, end, word))
    everywhere = Counter(word for _, _, word in words)
    in_code = Counter(word for _, _, word in coded)
    return [(start, end) for start, end, word in coded if in_code[word] == everywhere[word]]


def _is_enumerator(doc: Document, start: int) -> bool:
    """①, ⑴, ❶ become digits under NFKC, but in the source they number list items."""
    source_start = doc.textmap.start_of(start)
    return "\u2460" <= doc.source_text[source_start] <= "\u24ff" or (
        "\u2776" <= doc.source_text[source_start] <= "\u2793"
    )


def _script(ch: str) -> str:
    if ch.isascii():
        return "latin" if ch.isalnum() else ""
    if "\u30a0" <= ch <= "\u30ff":  # with the middle dot: ジョージ・ワシントン is one name
        return "katakana"
    return ""


def _whole_word(text: str, start: int, end: int, dot_ends: bool = False) -> bool:
    """Latin and katakana names must not continue into a longer word (メタ in メタバース).
    With ``dot_ends`` a middle dot ends a word: where the tagger split ``Jリーグ・
    カターレ富山`` or ``マーガレット・フォード`` at the dot, it read two names."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if dot_ends:
        before, after = before.replace("・", ""), after.replace("・", "")
    first, last = _script(text[start]), _script(text[end - 1])
    return not (
        (before and first and _script(before) == first)
        or (after and last and _script(after) == last)
    )


def _dotted_list(text: str, start: int, end: int, listed: NameList) -> bool:
    """Whether the listed name at text[start:end] is one item of a list of listed names
    joined by middle dots (``マツダ・スバル``, ``楽天・ソフトバンク``); in ``ジョージ・ワシントン``
    the dot joins one name."""
    while start > 0 and _in_dotted_run(text[start - 1]):
        start -= 1
    while end < len(text) and _in_dotted_run(text[end]):
        end += 1
    parts = [part for part in text[start:end].split("・") if part]
    return len(parts) > 1 and all(part.lower() in listed.types for part in parts)


def _in_dotted_run(ch: str) -> bool:
    """Katakana, kanji (``楽天・ソフトバンク``) or Latin letters and digits."""
    return "\u30a0" <= ch <= "\u30ff" or _kanji(ch) or (ch.isascii() and ch.isalnum())


def _with_legal_form(text: str, start: int, end: int) -> tuple[int, int]:
    """A company's name with the legal form written before or after it."""
    for form in _LEGAL_FORMS:
        if text.startswith(form, end):
            return start, end + len(form)
        if text.endswith(form, 0, start):
            return start - len(form), end
    return start, end


# What news shortens a group's or a holding company's name to (ソニーG, パナソニックHD,
# 三井住友FG).
_SHORTENED = (("hd", "ホールディングス"), ("fg", "フィナンシャルグループ"), ("g", "グループ"))


def spelled_out(key: str, canonical: dict[str, str]) -> str:
    """The key of a company's name with ``HD`` or ``G`` written out, or its listed name
    without them (``パナソニックHD``: the listed パナソニック); ``key`` if neither."""
    for short, full in _SHORTENED:
        stem = key.removesuffix(short)
        if stem != key and stem and not stem[-1].isascii():
            if stem + full not in canonical and stem in canonical:
                return stem
            return stem + full
    return key


def _bare_name(name: str) -> str:
    """A company's name without the legal form written before or after it."""
    for form in _LEGAL_FORMS:
        if name.startswith(form):
            return name[len(form) :]
        if name.endswith(form):
            return name[: -len(form)]
    return name


def _as_tagged(
    text: str, mention: EntityMention, found: Sequence[tuple[int, int, str]]
) -> EntityMention:
    """A company the legal form marks, as far as the tagger's company with the same form
    goes where it reaches further or stops sooner (``トーコー設備株式会社``, where the
    words before the form are common nouns, ``株式会社PLUS SOCIAL``, and not
    ``株式会社サンエー・インターナショナル|資産管理``): on the Stockmark train sentences
    the rule's mentions become 138 gold spans and 5 others, against 122 and 21."""
    form = _LEGAL_FORM.search(text, mention.start, mention.end)
    for start, end, kind in found:
        if (
            kind == "COMPANY"
            and form is not None
            and start <= form.start()
            and form.end() <= end
            and (start, end) != (mention.start, mention.end)
            and _BREAKS.search(text, start, end) is None
        ):
            end = _without_title(text, start, end)
            space = text.find(" ", mention.end, end)
            if space >= 0 and not text[space + 1 : space + 2].isascii():
                end = space  # 株式会社ヘラルボニー| 広報: not a word after a space (PLUS SOCIAL is)
            return replace(mention, start=start, end=end)
    return mention


def company_affix_mentions(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    """``株式会社ホゲラボ`` and ``ホゲラボ株式会社``: the legal form marks a company name."""
    if not tokens:
        return []
    found = []
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    for form in _LEGAL_FORM.finditer(text, tokens[0].start, tokens[-1].end):
        if form.group() == "投資法人":  # a REIT's: after its name, which is no common word
            k = by_end.get(form.start())
            start = form.start()
            while k is not None and k >= 0 and _is_reit_part(tokens[k]):
                start = tokens[k].start
                k = k - 1 if k > 0 and tokens[k - 1].end == start else None
            if _KANA_OR_LATIN.search(text, start, form.start()):  # not 不動産投資法人
                found.append(EntityMention(start, form.end(), "COMPANY", described=True))
            continue
        first = j = by_start.get(form.end())
        end = form.end()
        if j is not None and tokens[j].surface in _AFTER_LEGAL_FORM:
            j = None  # 株式会社化, 合同会社形式: the form, not a name
        while j is not None and j < len(tokens) and _is_company_part(tokens, j, +1):
            end = tokens[j].end
            j = j + 1 if j + 1 < len(tokens) and tokens[j + 1].start == end else None
        k = by_end.get(form.start())
        start = form.start()
        while k is not None and k >= 0 and _is_company_part(tokens, k, -1):
            start = tokens[k].start
            k = k - 1 if k > 0 and _glued_or_latin_space(text, tokens[k - 1], tokens[k]) else None
        # 東京瓦斯株式会社|初代社長: with a name before the legal form, common words after
        # it are not the name (株式会社ラピダス, 株式会社孔官堂: nothing before).
        if end > form.end() and not (start < form.start() and not _starts_a_name(tokens[first])):
            while (shorter := _without_title(text, form.start(), end)) < end:
                end = shorter  # 株式会社ユーザベース|代表取締役|CEO
            found.append(EntityMention(form.start(), end, "COMPANY", described=True))
        elif start < form.start():
            found.append(EntityMention(start, form.end(), "COMPANY", described=True))
    return found


def _glued_or_latin_space(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are one name's words: glued, or Latin words one space apart
    (``PwC Japan有限責任監査法人``)."""
    if left.end == right.start:
        return True
    return (
        text[left.end : right.start] == " "
        and left.surface.isascii()
        and left.surface.isalnum()
        and right.surface.isascii()
        and right.surface.isalnum()
    )


def officers_missed(
    text: str, tokens: Sequence[Token], found: Sequence[tuple[int, int, str]]
) -> list[EntityMention]:
    """Three to five kanji between a firm's name and の and its office, where the tagger
    found nothing (``T2の熊部雅友社長``: MeCab reads 熊|部|雅友 as common nouns): the
    firm's officer. In our articles all 23 such runs are persons; in the Stockmark train
    sentences, the chABSA reports and the Wikipedia leads the others are boards and
    offices (``の代表取締役|社長``, ``取締役会|会長``, ``評議委員|会長``) or a rank
    (``現``, ``前``), which are left."""
    if not tokens:
        return []
    out = []
    for match in _OFFICER_RUN.finditer(text, tokens[0].start, tokens[-1].end):
        start, end = match.span("name")
        if _NOT_A_NAME_IN_RUN.search(match["name"]) is None and not any(
            s < end and start < e for s, e, _ in found
        ):
            out.append(EntityMention(start, end, "PERSON"))
    return out


_OFFICER_RUN = regex(
    r"(?<=[^\u4e00-\u9fff々\s]の)(?P<name>[\u4e00-\u9fff々]{3,5})"
    rf"(?=(?:{'|'.join(_FIRM_OFFICES)}))"
)
# Boards, offices and ranks that come between の and an office (の代表取締役社長,
# の取締役会会長, の現社長 ...): no name.
_NOT_A_NAME_IN_RUN = regex(r"取締役|代表|委員|執行|役員|会|社|部長|^[現前元新旧次初同当副]")


def holding_companies(tokens: Sequence[Token]) -> list[EntityMention]:
    """``すかいらーくホールディングス:``: one word of a name (or up to three katakana words,
    ``プロ|クレア``) and ホールディングス, where the word starts the name (after a particle,
    a mark or nothing), is a company. The tagger
    learnt the form from names in running text and missed some before a colon or a
    full stop; all 8 Stockmark train gold names ending so are companies. So is a katakana
    word and 生命, a life insurer (``米国のプロテクティブ生命``, missed)."""
    found = []
    for k in range(1, len(tokens)):
        form, word = tokens[k], tokens[k - 1]
        if word.end != form.start or not (
            form.surface == "ホールディングス"
            or (form.surface == "生命" and _ONE_KATAKANA_WORD.fullmatch(word.surface))
        ):
            continue
        first = k - 1  # プロ|クレア|ホールディングス: up to three katakana words of the name
        while (
            form.surface == "ホールディングス"
            and first > 0
            and k - first < 3
            and tokens[first - 1].end == tokens[first].start
            and _ONE_KATAKANA_WORD.fullmatch(tokens[first].surface)
            and _ONE_KATAKANA_WORD.fullmatch(tokens[first - 1].surface)
        ):
            first -= 1
        word = tokens[first]
        before = tokens[first - 1] if first >= 1 else None
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and after.start == form.end and after.pos[0] == "名詞":
            continue  # ソニー生命|保険, キオクシアホールディングス|株: the name goes on
        if (
            _starts_a_name(word)
            and _is_name_word(word)
            and (
                before is None
                or before.end != word.start
                or (before.pos[0] in _NO_NAME_POS and before.surface not in _NAME_JOINERS)
            )
        ):  # not ドトール・|日レスホールディングス, セブン&|アイ・ホールディングス: one name
            found.append(EntityMention(word.start, form.end, "COMPANY", described=True))
    return found


_NO_NAME_POS = frozenset({"助詞", "補助記号", "助動詞", "空白"})


# A body's name before its abbreviation in parentheses (情報処理推進機構(IPA)), typed by
# its last word as the Stockmark train gold types the names that end so (機構: 9 of 13
# 法人名, 協会 26 of 27, 機関 9 of 10 政治的組織名, 委員会 34 of 38, 省 72 of 74).
_BODY_HEADS = {
    "労働組合": "ORG",  # 全米鉄鋼労働組合(USW): a union, no firm (see _UNIONS)
    **dict.fromkeys(("機構", "協会", "財団", "組合", "公社", "学会"), "COMPANY"),
    **dict.fromkeys(("機関", "委員会", "庁", "省", "本部"), "POLITICAL_ORG"),
    # 国家経済会議(NEC): a council with its abbreviation (unabbreviated, 会議 is more often
    # a conference: 21 of the 26 train names ending in it are events)
    "会議": "POLITICAL_ORG",
}
_BODY_WORDS = tuple(_BODY_HEADS)
_ABBREVIATED = regex(r"\([A-Z][A-Za-z&]{1,7}\)")


def abbreviated_bodies(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    """``情報処理推進機構(IPA)``, ``電力広域的運営推進機関(OCCTO)``: three or more words
    that end in a body's word (機構, 協会, 機関, 委員会, ...) and come before an
    abbreviation in capitals in parentheses name the body, which the tagger may miss
    (MeCab reads each word as a common noun)."""
    found = []
    for i, head in enumerate(tokens):
        if not text.startswith("(", head.end) or not _ABBREVIATED.match(text, head.end):
            continue
        joined = i > 0 and tokens[i - 1].end == head.start  # the word may be two: 委員|会
        since = tokens[i - 1].start if joined else head.start
        word = next((w for w in _BODY_HEADS if text.endswith(w, since, head.end)), None)
        if word is None:
            continue
        k = i
        while k > 0 and tokens[k - 1].end == tokens[k].start and _is_body_word(tokens[k - 1]):
            k -= 1
        while k < i and (
            tokens[k].pos[0] == "接尾辞"  # a suffix starts no name
            or (  # ケビン・ハ|セット|国家: the end of a name
                tokens[k].start > 0
                and _is_katakana(text[tokens[k].start])
                and _is_katakana(text[tokens[k].start - 1])
            )
        ):
            k += 1
        if i - k >= 2 and head.end - tokens[k].start > len(word):
            found.append(EntityMention(tokens[k].start, head.end, _BODY_HEADS[word]))
    return found


# A government's headquarters for a policy: 知的財産戦略本部, 新型コロナウイルス感染症対策
# 本部 (MeCab reads each word as a common noun; 6 of the 8 Stockmark train names ending
# in 本部 are political bodies, the others a firm's 営業本部 and 研究開発本部).
_POLICY_WORDS = frozenset({"戦略", "対策", "推進", "再生", "競争", "創生", "改革"})


def policy_headquarters(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    """``知的財産戦略本部``, ``デジタル市場競争本部``, ``「AI戦略本部」``: words before a
    policy's word and 本部 name a government body when they say what of (four characters
    or more; ``災害対策本部`` is any such office) or the name is quoted."""
    found = []
    for i in range(2, len(tokens)):
        head, policy = tokens[i], tokens[i - 1]
        if head.surface != "本部" or policy.surface not in _POLICY_WORDS:
            continue
        if policy.end != head.start:
            continue
        k = i - 1
        while k > 0 and tokens[k - 1].end == tokens[k].start and _is_policy_word(tokens[k - 1]):
            k -= 1
        while k < i - 1 and tokens[k].pos[0] == "接尾辞":  # a suffix starts no name
            k += 1
        start = tokens[k].start
        marks = (text[start - 1 : start], text[head.end : head.end + 1])
        quoted = marks in (("「", "」"), ("『", "』"))
        if policy.start - start >= 4 or (quoted and policy.start > start):
            found.append(EntityMention(start, head.end, "POLITICAL_ORG"))
    return found


def _is_policy_word(token: Token) -> bool:
    return _is_body_word(token) or (token.pos[0] == "形状詞" and _written_as_name(token))  # 知的


def _is_body_word(token: Token) -> bool:
    return (
        token.pos[0] in ("名詞", "接頭辞", "接尾辞")
        and token.pos[1] != "数詞"
        and _written_as_name(token)
    )


_NAME_JOINERS = frozenset("-・&.=")
# After an industry and one of these words, news names a company (電池メーカーCATL).
_COMPANY_DESCRIPTORS = DESCRIPTORS | {"会社", "企業", "メーカー"}
# ... and what news writes before a company's name with の between: a parent company
# (SBIホールディングス傘下の|SBI VCトレード), a startup (AIスタートアップの|Sakana AI).
# So is a kind of firm and の (米バイオ企業の|アイベリック・バイオ; see _FIRM_OF).
_COMPANY_OF = frozenset({"傘下", "子会社", "スタートアップ", "新興", "企業", "メーカー"})


def described_company_mentions(text: str, tokens: Sequence[Token]) -> list[EntityMention]:
    """``コンビニ大手アリマンタシォン・クシュタール``, ``半導体大手ルネサス``,
    ``電池メーカーCATL``, ``米調査会社ガートナー``: after an industry and 大手, 会社,
    企業 or メーカー, news names a company. The name starts with a proper or unknown
    noun (``国内大手スーパー`` names none) and runs on through katakana and Latin nouns
    (``電機大手パナソニックホールディングス``, ``Sakana AI``); where it goes on past
    that (``合弁会社U-Tacs``) the tagger reads it. On the Stockmark train sentences, all
    4 names so found after 会社, 企業 or メーカー are gold companies (23 more follow a
    legal form, 株式会社, and are found with it). So are names after a parent company
    or a startup and の (``SBIホールディングス傘下のSBI VCトレード``)."""
    found = []
    for i in range(1, len(tokens) - 1):
        descriptor, k = tokens[i], i + 1
        if descriptor.surface in _COMPANY_OF and tokens[k].surface == "の":
            k += 1  # 傘下の|SBI VCトレード
        elif descriptor.surface not in _COMPANY_DESCRIPTORS:
            continue
        if k == len(tokens):
            continue
        first = tokens[k]
        if (
            tokens[i - 1].pos[0] != "名詞"
            or tokens[i + 1].start != descriptor.end
            or first.start != tokens[k - 1].end
            or not (first.unknown or first.pos[1] == "固有名詞")
            or not _FOREIGN_NAME.fullmatch(first.surface)
        ):
            continue
        end, last, k = first.end, first.surface, k + 1
        while k < len(tokens):
            token = tokens[k]
            # Sakana AI: Latin words a space apart are one name, but for a title after it;
            # so are katakana words (パナソニック エナジー, which the tagger reads whole)
            spaced = token.start == end + 1 and (
                (last.isascii() and token.surface.isascii())
                or (_is_katakana(last[-1]) and _is_katakana(token.surface[0]))
            )
            if (token.start != end and not spaced) or token.pos[0] != "名詞":
                break
            if not _FOREIGN_NAME.fullmatch(token.surface) or token.surface in TITLES:
                break
            end, last, k = token.end, token.surface, k + 1
        if k < len(tokens) and tokens[k].start == end and tokens[k].surface in _NAME_JOINERS:
            continue  # U|-Tacs: the name goes on past what this rule follows; the tagger's
        if k > i + 1 and (
            _titled(text, end)  # IT企業の|ジョン・スミス社長: the firm's person
            or (k < len(tokens) and tokens[k].start == end and tokens[k].pos[0] == "名詞")
        ):
            continue  # 企業の|AI予算: a word of a compound, no name
        if _LEGAL_FORM_AFTER.match(text, end) is not None:
            continue  # Cell Genesys|, Inc.: the legal form is the name's; the tagger's
        found.append(EntityMention(first.start, end, "COMPANY", described=True))
    return found


# What a holding company's name or a legal name ends with: ``キオクシアホールディングス``
# and ``Square, Inc.`` are companies whatever the tagger read (as all 11 and 4 such names
# of the Stockmark train gold are).
# What is founded, right after its name: on the Stockmark train sentences 23 of the 28
# gold names before these words are companies, none a product or a person.
_FOUNDED = regex(r"[」』]?を(?:設立|創業|創設)")
# After a company's name, what is the company's (see extract_entities).
_OF_THE_FIRM = (
    "株",
    "決算",
    "創業",
    "傘下",
    "子会社",
    "幹部",
    "社員",
    "社長",
    "会長",
    "本社",
    "出身",
)
# What firms do to firms, right after a name: on the Stockmark train sentences 21 of the
# 24 gold names before these words are companies, the others organisations, none a
# person or a place.
_CORPORATE_ACT = regex(
    r"(?:を|の|による|からの)買収|(?:に|への|から)出資|と(?:資本|業務)?提携|を子会社化"
    r"|と(?:経営統合|合併)"
)
# A firm's new name before these: the 2 such Stockmark train gold names are companies
# (セイコーエプソン株式会社に商号を変更), whatever MeCab reads in them.
_RENAMED = regex(r"に(?:社名|商号)を?変更")
# The firm's officer after a name and の: ロビンフッドのブラッド・テネフCEO (typed a
# person). On the Stockmark train sentences the 6 gold names so followed are companies.
_OFFICER_AFTER = regex(
    rf"の(?:{_DOTTED_KATAKANA_NAME.pattern}|[\u4e00-\u9fff]{{2,5}}|[A-Z][a-z]+ [A-Z][a-z]+)"
    rf" ?(?:{'|'.join(_FIRM_OFFICES)})"
)
_CHIEF_OFFICES = ("CEO", "CFO", "COO", "CTO", "最高経営責任者", "社長")
# What a firm does to what it makes, right before its name: on the Stockmark train
# sentences 7 of the 8 gold names after such words are companies (the other a place,
# which is not retyped). A person's name after them is a firm's when it runs a business
# (鉄道信号事業を手掛けるタレス, typed a person; the 5 train gold names after を展開する,
# を運営する or 事業を手掛ける are companies) and no title follows.
_AFTER_MAKER = regex(_MAKER_VERBS + "$")
_RUNS_BUSINESS = regex(r"(?:事業を手(?:掛|が)け|を(?:展開|運営)す)る$")
_HOLDING = regex(
    rf"(?:ホールディングス|ホールディング|HD|Holdings|[ ,](?:{_LATIN_LEGAL_ALTERNATIVES})\.?)$"
)
_LEGAL_FORM_AFTER = regex(rf",? (?:{_LATIN_LEGAL_ALTERNATIVES})\b")
_AFTER_MAJOR = regex(r"大手の?$")  # and 最大手
_AFTER_SUBSIDIARY = regex(r"(?:合弁会社|新会社|子会社|持株会社|持ち株会社)(?:の|である)?[「『]?$")
_AFTER_FIRM = regex(  # 米投資会社|バークシャー, AIスタートアップの|Sakana AI, 米新興の
    r"(?:会社(?:である)?|企業|(?:スタートアップ|新興企業|ベンチャー(?:企業)?)(?:の|である)?|新興の"
    r"|ファンド)[「『、]?$"
)
# A kind of firm and の, right before a name: news names the firm (米バイオ企業の|アイベリック
# ・バイオ, 電池メーカーの|CATL); on the Stockmark train gold the one name after 企業の
# and the one after メーカーの are companies (after 会社の 12 of 15, 2 persons: not kept);
# so are names after a fund's or an activist's の (none in the train sentences).
# So are names after what news says a firm is (老舗の丸久小山園, typed a product; the one
# train name so placed is a firm, 同業のイエローハット), and after 傘下の, a group's firm
# (傘下の島忠, typed a person; none in the train sentences), and after a university's 発の,
# its startup (京都大学発のiPSポータル, typed a product; none in the train sentences),
# and after a venture capital firm's (米ベンチャーキャピタルのジェネラル・カタリスト,
# typed a person; none in the train sentences).
_FIRM_OF = regex(
    rf"(?:企業|メーカー|ファンド|アクティビスト|傘下|大学?発|(?<=ベンチャー)キャピタル"
    rf"|(?<![A-Za-z])VC|{_FIRM_DESCRIPTIONS})の$"
)
# What only a firm's name ends with (MBKパートナーズ, サン・マイクロシステムズ; 8 of
# 8 Stockmark train gold names that end so and are more than the word are companies;
# コーポレーション 6 of 6, エンジニアリング 3, エナジー 2, エレクトロニクス 1, and the
# plurals news writes in firms' names alone, インダストリーズ, ソリューションズ; not
# インターナショナル, 5 of 5 but also アムネスティ・インターナショナル, nor システム, a
# product's word),
# and the same in other spellings (インターステラテクノロジズ) or a Chinese firm's
# (宇樹科技, "technology"; no Stockmark train gold name ends so), and a lender's
# (シュリラム・ファイナンス, typed an event; none in the train gold), an entertainment
# firm's (14 of 14 train names ending in エンタテインメント or its other spellings), a
# carmaker's, a drugmaker's or a retailer's in English (モーターズ, ファーマ, リテイリング:
# no train gold name ends so; ロイバント・ファーマ, ファーストリテイリング).
# In Latin letters, a last word that names a firm (Khosla Ventures, PKSHA Technology,
# Sakana AI, Palo Alto Networks): the Stockmark train split has few Latin names (both
# ending so are companies; not Systems, as in IBM's product Power Systems), news many.
_KATAKANA_FIRM_WORDS = (
    r"ストアーズ|パートナーズ|キャピタル|インベストメンツ|ベンチャーズ|テクノロジー?ズ|システムズ"
    r"|ロボティクス|ネットワークス|セラピューティクス|コーポレーション|エンジニアリング|エナジー"
    r"|エレクトロニクス|インダストリーズ|ソリューションズ|コミュニケーションズ"
    r"|ファイナンス|フィナンシャル|ファイナンシャル|エンタ[ー]?テイン?メント|モーターズ|ファーマ"
    r"|リテイリング|セミコンダクターズ?|ラボラトリーズ|インターナショナル"
)
_LATIN_AI_END = regex(r"(?<=[A-Za-z0-9] )AI$")
_FIRM_NAME_END = regex(
    rf"(?<=.)(?:{_KATAKANA_FIRM_WORDS}|科技)$"
    rf"|(?<=[A-Za-z0-9] )(?:{'|'.join(_LATIN_NAME_FIRM_WORDS)}|AI)$"
)


# A foreign firm's name in katakana, its words joined by middle dots, whose last word
# names a firm (シュリラム・ファイナンス, ロベコ・グループ, マキシム・コミュニケーションズ:
# missed, or マキシム typed a person), standing alone: after the start, kana,
# punctuation or a country's prefix, before kana or punctuation (not フェニックス・キャピタル|
# 株式会社, whose legal form is its name's). On the Stockmark train sentences all 12
# names so placed are gold companies (リオ・ティント・グループ, ニューズ・コーポレーション).
_KATAKANA_WORD = r"[\u30a1-\u30fa\u30fc]{2,}"
_DOTTED_FIRM = regex(
    r"(?:^|(?<=[\u3041-\u309f、。，．「『（(\s])"
    rf"|(?<=[\u3041-\u309f、。，．「『（(\s][{_COUNTRIES}])|(?<=^[{_COUNTRIES}]))"
    rf"{_KATAKANA_WORD}(?:・{_KATAKANA_WORD})*・(?:グループ|ホールディングス|{_KATAKANA_FIRM_WORDS})"
    r"(?=[\u3041-\u309f、。，．」』）)\s]|$)",
    re.MULTILINE,
)


# A blog's writer introducing themselves after a greeting (こんにちは、みなとです。,
# はじめまして、投資ブロガーのみなとと申します, どうも、ゆうたい太郎です, ペソ太郎です, げーまーゆう
# with its long vowels, はいとう父さん with a parent's さん): the name, a person's,
# whatever MeCab makes of it (みなと, a harbour to it).
_SELF_INTRO = regex(
    r"(?:こんにちは|こんばんは|はじめまして|初めまして|おはようございます|どうも(?=[、,]))"
    r"[、,!！]?\s*"
    r"(?:(?![\u3041-\u309f]+の)[^\s、。!！?？「」]{1,20}の)?"  # not うみの|すけ: a name's の
    r"(?P<name>[\u3041-\u309f][\u3041-\u309fー]{1,7}|[\u30a1-\u30fa\u30fc]{2,10}"
    r"|[\u4e00-\u9fff々]{0,5}[父母兄姉]さん|[\u4e00-\u9fff々]{1,6}"  # 高配当父さん
    # くりぷとパパ, はいとう父さん
    r"|[\u3041-\u309f]{2,6}(?:[父母兄姉]さん|[\u30a1-\u30fa\u30fc\u4e00-\u9fff々]{1,6})"
    r"|[\u30a1-\u30fa\u30fc]{2,8}(?:[父母兄姉]さん|[\u4e00-\u9fff々]{1,4})"  # ペソ太郎
    r"|[A-Za-z][A-Za-z0-9_.]{1,15}(?:-[A-Za-z0-9_.]+)*)"  # crypto-taro
    r"(?:です|と申します|といいます)(?=[。!！、]|$)",
    re.MULTILINE,
)
# Greetings' own words, no names (お久しぶりです)
_NO_NAMES = frozenset({"おひさしぶり", "ひさしぶり", "お久しぶり", "久しぶり", "よろしく"})
_WORD_EDGE = "、。,.!！?？「」『』()（）:：・ \t\n"


_INTRO_AFTER = ("です", "でした", "さん", "は", "が", "も", "の", "と")
_MAX_INTRODUCED = 3  # writers of one post (each costs a look through the text)


# Katakana or Latin names listed before など and a kind of firm (テラチャージやエネチェンジ
# などの新興企業, missed; the train sentences' one such list is 3 gold firms, フィアット、
# カミンズ、マルコポーロなどの企業).
# Bounded (a name of 30 characters at most, ten names at most), so that a long run of
# names with no kind of firm after it costs a bounded look from each name, not the rest
# of the run from each (``アイや`` 16,000 times took 4.3 s unbounded).
_LISTED_NAME = r"[\u30a1-\u30fa\u30fcA-Za-z][\u30a1-\u30fa\u30fc・A-Za-z0-9&\-]{1,29}"
_FIRMS_LISTED = regex(
    rf"(?<![\u30a1-\u30fa\u30fc・A-Za-z0-9&\-])(?:{_LISTED_NAME})"
    rf"(?:[やと、](?:{_LISTED_NAME})){{1,9}}"
    r"(?=など(?:の|、)?(?:新興|大手|ベンチャー|外資)?(?:企業|会社|メーカー|スタートアップ))"
)
_LIST_JOINERS = regex(r"[やと、]")


def firms_listed(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """The names of a list of two or more Katakana or Latin names before など and a kind of
    firm, but for generic terms (``AIやIoTなどの企業``)."""
    found = []
    for match in _FIRMS_LISTED.finditer(text):
        at = match.start()
        for part in _LIST_JOINERS.split(match.group()):
            start = text.index(part, at)
            at = start + len(part)
            if part.lower() not in generic:
                found.append((start, at))
    return found


# A typhoon named by its number in the year (台風10号; the Stockmark train sentences have
# none, the tagger missed it), not a count of them (台風3個).
_TYPHOON = regex(r"台風[0-9]{1,2}号")
# A session of the Diet (臨時国会に提出, where the tagger found the Diet, 国会, a political
# body): an event, as the train gold's 第78回国会外務委員会 is (no train sentence names a
# session so).
_DIET_SESSION = regex(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fcA-Za-z0-9])(?:第[0-9０-９]+回)?(?:臨時|通常|特別)国会(?!議)"
)
# An airport's or a port's terminal by its number (第1ターミナルと第2ターミナル, missed;
# the train gold's 2 names ending in ターミナル are facilities).
# Not glued to a name before it (羽田空港第1ターミナル: the tagger's, whole).
# So is a works' numbered building (北上工場の第2製造棟, missed).
_TERMINAL = regex(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fcA-Za-z0-9])第[0-9０-９一二三四五](?:(?:旅客)?ターミナル|製造棟)"
)
# A national road by its number (国道58号, 国道2号線): 3 of the 5 on the Stockmark train
# sentences are gold facilities, the others no name.
_NATIONAL_ROAD = regex(r"(?<![\u4e00-\u9fff])国道[0-9]{1,3}号(?:線|バイパス)?")


# A group news introduces by what it is, then its katakana name (武装組織フーシ派による,
# イスラム組織ハマスが): an organisation (the Stockmark train sentences have none so
# written; the tagger missed フーシ派).
_NAMED_GROUP = regex(
    r"(?<=組織)[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・]+派?"
    r"(?=[はがをにのとやも、。]|による)"
)


# A retail electricity plan named after its seller, でんき in hiragana (楽天でんき,
# ENEOSでんき, auでんき: not the listed firm, whose plan it is).
_POWER_BRAND = regex(
    r"(?<![A-Za-z0-9\u30a1-\u30fa\u30fc\u4e00-\u9fff])"
    r"(?:[A-Za-z][A-Za-z0-9]*|[\u30a1-\u30fa\u30fc]{2,}|[\u4e00-\u9fff]{2,4})でんき"
)
# A fund's full name: a fund series', then words with no kana (but okurigana between
# kanji: 利回り) nor punctuation to a fund's word (NEXT FUNDS 日経平均高配当株50指数
# 連動型上場投信, iシェアーズ MSCI ジャパン高配当利回り ETF, iFreeNEXT インド株インデックス,
# which the tagger cuts or misses, as lists name funds); not glued after a name.
_FUND_NAME = regex(
    r"(?<![A-Za-z0-9\u30a1-\u30fa\u30fc\u4e00-\u9fff])"
    r"(?:NEXT FUNDS|SBI・iシェアーズ|iシェアーズ|iShares|eMAXIS Slim|eMAXIS|MAXIS|Global X"
    r"|グローバルX|SBI・V|たわらノーロード|iFreeNEXT|iFreePlus|iFree)"
    r"[ ・](?:[^\u3041-\u309f、。,()「」『』\n*:]"
    r"|(?<=[\u4e00-\u9fff])[りきしけえ](?=[\u4e00-\u9fff ])){1,40}?"
    r"(?:連動型上場投信|上場投信|ETF|インデックス(?:・?ファンド)?|ファンド)"
    r"(?![A-Za-z0-9\u30a1-\u30fa\u30fc\u4e00-\u9fff])"
)


# The post's author field's name or its last word, kana or Latin (author 米株ホルダーけん:
# けん; tkdev), introducing themselves with no greeting (都内の会社でバックエンドを書いて
# いるtkdevです。, typed a firm); not a desk's or a group's word (地域経済リポート,
# 半導体ニュース).
_AUTHOR_NAME = regex(
    r"(?:^|(?<=[^\u3041-\u309f])(?=[\u3041-\u309f])|(?<=[^\u30a1-\u30fa\u30fc])(?=[\u30a1-\u30fa])"
    r"|(?<=[^A-Za-z0-9_.])(?=[A-Za-z]))"
    r"(?:[\u3041-\u309f][\u3041-\u309fー]{1,7}|[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]{1,9}"
    r"|[A-Za-z][A-Za-z0-9_.]{1,15})$"
)
_NO_WRITER = regex(r"(?:ニュース|リポート|レポート|ウォッチ|ラボ|チーム|ブログ|メディア|マガジン)$")
# ... and the words that say so, before a stop, a comma or a line's end
# A handle of Latin words joined by hyphens (author: crypto-taro)
_HYPHENED_HANDLE = regex(r"[A-Za-z][A-Za-z0-9_.]*(?:-[A-Za-z0-9_.]+)+")
_INTRO_WORDS = r"(?:です|と申します|といいます)(?=[。!！、]|$)"
_INTRO_END = regex(_INTRO_WORDS, re.MULTILINE)


def _name_script(ch: str) -> str:
    """A writer's name's script (``_AUTHOR_NAME``): hiragana, katakana or Latin."""
    if "\u3041" <= ch <= "\u309f":
        return "hiragana"
    if _is_katakana(ch):
        return "katakana"
    return "latin" if ch.isascii() and (ch.isalnum() or ch in "_.") else ""


def _author_intro(text: str, author: str | None) -> tuple[str, int, int] | None:
    """Where the post's author (its name or its name's last word) first says that is
    them: the name and its span. A hiragana last word may hold the author field's
    の (総務担当の|はるか, マイル好きの|けんじ), or the name may (のりこ): both are tried;
    the field's words before the name may come before it (二児の母|ゆか)."""
    word = _AUTHOR_NAME.search(author.strip()) if author else None
    if word is None or _NO_WRITER.search(word.group()) or word.group().lower() in generic_terms():
        return None  # not a desk's name, nor an author called AI
    field = author.strip() if author else ""
    names = [word.group()]
    if field != names[0] and _HYPHENED_HANDLE.fullmatch(field):
        names.insert(0, field)  # crypto-taro, the whole handle, before its last word
    if (of := names[0].rfind("の")) >= 0 and len(names[0]) - of > 2:
        # のりこ, the whole field, may be a name: tried first; マイル好|きの|けんじ, ポイ活
        # 会社員の|りく: the name after the field's の first
        after = names[0][of + 1 :]
        names = [*names, after] if names[0] == field else [after, *names]
    for name in names:
        prefix = field[: -len(name)] if field.endswith(name) else ""
        at = 0
        while (at := text.find(name, at)) >= 0:
            end = at + len(name)
            before = text[at - 1] if at else "、"
            starts = (
                before in _WORD_EDGE
                or (prefix != "" and text.endswith(prefix, 0, at))  # 二児の母|ゆかです
                or (before == "の" and text[at - 2 : at - 1] not in "こそあど")  # ホルダーの|けん
                or text[max(0, at - 3) : at] in ("ている", "でいる")  # 担当している|はるか
                or (_name_script(name[0]) == "latin" and _name_script(before) != "latin")
            )  # not 危|けん, この|けん
            if starts and _INTRO_END.match(text, end):
                return name, at, end
            at = end
    return None


# A surname in kanji saying it is the writer's, at a line's start or after a team's の
# (インフラチームの|中村です。, 森です。)
_KANJI_INTRO = regex(
    r"(?:^|(?<=[、\n]|の))(?P<name>[\u4e00-\u9fff々]{1,4})" + _INTRO_WORDS, re.MULTILINE
)
_KANA_ROMAN = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ"
        "ワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォ",
        re.findall(
            r"\w+",
            "a i u e o ka ki ku ke ko sa si su se so ta ti tu te to na ni nu ne no ha hi hu he"
            " ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za zi zu ze zo da"
            " zi zu de do ba bi bu be bo pa pi pu pe po a i u e o",
        ),
        strict=True,
    )
)
# Hepburn spellings and long vowels, as handles write them, in one plain form
_ROMAN_FORMS = (
    ("shi", "si"),
    ("chi", "ti"),
    ("tsu", "tu"),
    ("fu", "hu"),
    ("ji", "zi"),
    ("sh", "sy"),
    ("ch", "ty"),
    ("j", "zy"),
    ("ou", "o"),
    ("oo", "o"),
    ("uu", "u"),
    ("oh", "o"),
)


def _plain_roman(word: str) -> str:
    for spelled, plain in _ROMAN_FORMS:
        word = word.replace(spelled, plain)
    return word


def _romanized(reading: str) -> str:
    """A katakana reading in plain romaji (ナカムラ → nakamura, サトウ → sato)."""
    out = ""
    for ch in reading:
        if ch in "ャュョ" and out.endswith("i"):
            out = out[:-1] + _KANA_ROMAN["ヤユヨ"["ャュョ".index(ch)]]  # キョ: kyo
        elif ch == "ッ":
            out += "~"  # doubles the next consonant
        elif ch in _KANA_ROMAN:
            roman = _KANA_ROMAN[ch]
            out = out[:-1] + roman[0] + roman if out.endswith("~") else out + roman
        elif ch != "ー":
            return ""
    return _plain_roman(out)


def _romanized_author_intro(text: str, author: str | None) -> tuple[str, int, int] | None:
    """Where a writer whose author field ends in their surname in romaji (infra-nakamura,
    ml-engineer-mori) introduces themselves by it in kanji (中村です。): the name and its
    span, read by MeCab."""
    word = _AUTHOR_NAME.search(author.strip()) if author else None
    if word is None or not word.group().isascii() or len(word.group()) < 3:
        return None
    handle = _plain_roman(word.group().lower())
    for intro in _KANJI_INTRO.finditer(text):
        tokens = tokenize(intro.group("name"))
        if _romanized("".join(t.reading for t in tokens)) == handle:
            return intro.group("name"), *intro.span("name")
    return None


# A name of kana or kanji at a line's start saying it is the writer's (たくです。)
_LINE_INTRO = regex(
    r"^(?P<name>[\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff々]{2,6}?)" + _INTRO_WORDS,
    re.MULTILINE,
)


def _field_end_intro(text: str, author: str | None) -> tuple[str, int, int] | None:
    """Where a writer introduces themselves at a line's start by the name their author
    field ends with, after words the field's own name pattern does not part from it
    (``author: 週休3日を目指すたく`` with ``たくです。``: a verb's kana run into the name)."""
    field = author.strip() if author else ""
    if len(field) < 3:
        return None
    for intro in _LINE_INTRO.finditer(text):
        name = intro.group("name")
        if field.endswith(name) and len(field) > len(name):
            return name, *intro.span("name")
    return None


def self_introduced(text: str, author: str | None = None) -> list[tuple[int, int]]:
    """Where a writer who introduced themselves after a greeting, or the post's author
    with no greeting, is named: the introduction and every mention of the name standing
    alone after it (after a start, punctuation or space, and before punctuation, a
    particle or an honorific); the first few writers only."""
    found: list[tuple[int, int]] = []
    names: set[str] = set()
    intros = [(m.group("name"), *m.span("name")) for m in _SELF_INTRO.finditer(text)]
    if (by_author := _author_intro(text, author)) is not None:
        intros.append(by_author)
    elif (by_reading := _romanized_author_intro(text, author)) is not None:
        intros.append(by_reading)
    elif (by_field_end := _field_end_intro(text, author)) is not None:
        intros.append(by_field_end)
    for name, start, at in sorted(intros, key=lambda intro: intro[1]):
        if name in _NO_NAMES or name in names:
            continue
        names.add(name)
        if len(names) > _MAX_INTRODUCED:
            break
        found.append((start, at))
        while (at := text.find(name, at)) >= 0:
            end = at + len(name)
            if (at == 0 or text[at - 1] in _WORD_EDGE) and (
                end == len(text) or text[end] in _WORD_EDGE or text.startswith(_INTRO_AFTER, end)
            ):
                found.append((at, end))
            at = end
    return found


def dotted_firms(text: str) -> list[tuple[int, int]]:
    """Katakana names with middle dots ending in a firm's word (``ロベコ・グループ``,
    ``シュリラム・ファイナンス``) that the gazetteer lists as no other type: firms."""
    listed = gazetteer().types
    return [
        match.span()
        for match in _DOTTED_FIRM.finditer(text)
        if listed.get(match.group().lower(), "COMPANY") == "COMPANY"
    ]


# The start of a title quoted in full whose last words the tagger typed a product:
# words, spaces and dots and no kana but の and と, up to an opening bracket.
_TITLE_HEAD = regex(r"[「『](?:[^\u3041-\u309f「」『』、。,.!?()\n]|[のと]){1,15}$")


def _quoted_title_head(text: str, start: int, end: int) -> int | None:
    """Where a quoted title starts that a product found at ``start``-``end`` ends
    (``「ウマ娘 プリティーダービー」``, ``「Mの悲劇」``, ``「パパとムスメの7日間」``: the
    tagger's last words; the 3 such Stockmark train gold names are the whole quote),
    or None. A product's name in Latin letters after ``の`` is no title's end but what
    the words before it say of it (``「過去最高のiPhone」と言う``)."""
    if text[end : end + 1] not in ("」", "』") or start == 0 or text[start - 1] in "「『":
        return None
    if text[start - 1] == "の" and text[start:end].isascii():
        return None
    head = _TITLE_HEAD.search(text, max(0, start - 16), start)
    if head is None or (text[head.start()] == "「") != (text[end] == "」"):
        return None
    first = head.start() + 1
    while first < start and text[first].isspace():  # 「 00」: no name starts with a space
        first += 1
    return first


def _firms_quoted_product(text: str, start: int, end: int) -> bool:
    """A listed firm's name and a word, quoted and typed a product (``「Rakuten AI」を
    組み込む``, ``「LINE AI」``): the firm's product, though ``AI`` ends firms' names
    (``Sakana AI``), unless a word for a firm comes before it (``子会社「…」``) or it ends
    in a legal form (``「OpenAI Group PBC」``)."""
    return (
        _HOLDING.search(text, start, end) is None
        and text[start - 1 : start] in ("「", "『")
        and text[end : end + 1] in ("」", "』")
        and _AFTER_SUBSIDIARY.search(text, max(0, start - 8), start) is None
        and _AFTER_FIRM.search(text, max(0, start - 11), start) is None
    )


def _described_as_company(text: str, start: int, end: int) -> bool:
    """A name after ``大手`` (``ホテル大手の星野リゾート``, where 星野 reads as a
    surname), after ``合弁会社``, ``新会社`` or ``子会社`` (``合弁会社「SB OpenAI
    Japan」``), right after a kind of company (``米投資会社バークシャー・ハサウェイ``,
    ``IT企業``, ``サイバーセキュリティー企業、ウィズ``), or ending in a holding company's or
    a legal form (``Square, Inc.``), is a company; on the Stockmark train gold such names
    are (2 of 2, 17 of 18, 40 of 42 and 5 of 5 after a comma, 11 of 11 and 4 of 4).
    So is one after a startup (``AIスタートアップのSakana AI``) or ending as only a
    firm's name does (``MBKパートナーズ``)."""
    return (
        _HOLDING.search(text, start, end) is not None
        or _FIRM_NAME_END.search(text[start:end]) is not None
        or _AFTER_MAJOR.search(text, max(0, start - 3), start) is not None
        or _AFTER_SUBSIDIARY.search(text, max(0, start - 8), start) is not None
        or _AFTER_FIRM.search(text, max(0, start - 11), start) is not None
    )


def _generic_list(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Common nouns joined by middle dots, one of them in kanji (``航空・ホテル``,
    ``金融・保険``, ``電力・冷却・光|通信``): a list of industries, not a name.
    (Katakana common nouns so joined often are one: ``ウェスタン・デジタル``; with
    kanji, no Stockmark train gold name is.)"""
    inside = _tokens_within(tokens, start, end)
    groups: list[list[Token]] = [[]]
    for t in inside:
        if t.surface == "・":
            groups.append([])
        else:
            groups[-1].append(t)
    words = [t for group in groups for t in group]
    return (
        len(groups) >= 2
        and all(groups)
        and all(t.pos[1] == "普通名詞" and not t.unknown for t in words)
        and (
            # one word each, one in kanji; or one or two words of kanji only each
            # (光|通信; not ワゴン・リ|社, ブラック・ダリア|事件)
            (
                all(len(group) == 1 for group in groups)
                and any(_kanji(ch) for t in words for ch in t.surface)
            )
            or (
                all(len(group) <= 2 for group in groups)  # not 大学設置・学校法人審議会
                and all(_kanji(t.surface) for t in words)
            )
        )
    )


def _is_reit_part(token: Token) -> bool:
    """Whether ``token`` may be part of a REIT's name before 投資法人: nouns but numbers,
    prefixes, and the dots between words (``オリックス不動産``, ``日本ビルファンド``,
    ``星野リゾート・リート``)."""
    return (
        token.pos[0] in ("名詞", "接頭辞", "接尾辞") and token.pos[1] != "数詞"
    ) or token.surface in ("・", "&")


def _is_company_part(tokens: Sequence[Token], k: int, step: int) -> bool:
    """Whether tokens[k] continues a company name away from its legal form (``step``:
    +1 after ``株式会社``, -1 before it): nouns, noun suffixes (``東武百貨|店``), and
    a middle dot or ``&`` with more of the name beyond it (``フェニックス・キャピタル``),
    or a dot between Latin words (``DMM.com``), glued to both."""
    token = tokens[k]
    if token.surface == ".":  # DMM.com: a dot between Latin words, glued to both
        behind, beyond = k - step, k + step
        return (
            0 <= behind < len(tokens)
            and 0 <= beyond < len(tokens)
            and all(
                t.surface.isascii() and t.surface.isalnum()
                for t in (tokens[behind], tokens[beyond])
            )
            and tokens[min(behind, beyond)].end == token.start
            and token.end == tokens[max(behind, beyond)].start
        )
    if token.surface in ("・", "&"):
        beyond = k + step
        return (
            0 <= beyond < len(tokens)
            and token.surface != tokens[beyond].surface
            and _is_name_word(tokens[beyond])
        )
    return _is_name_word(token) or (token.pos[0] == "接尾辞" and token.pos[1] == "名詞的")


def _starts_a_name(token: Token) -> bool:
    """Whether ``token`` reads as the start of a name: a proper or unknown noun, or a
    word with a character that is not kanji or hiragana (``ラピダス``, ``PLUS``), not
    a common kanji word (``初代``, ``代表``)."""
    return (
        token.unknown
        or token.pos[1] == "固有名詞"
        or (token.pos[0] == "名詞" and not all(map(_kanji_or_hiragana, token.surface)))
    )


def _kanji_or_hiragana(ch: str) -> bool:
    # No regular expression: one with a CJK range costs ~1 ms to compile at every start.
    return "\u3041" <= ch <= "\u309f" or "\u4e00" <= ch <= "\u9fff" or ch in "々〆ヶ"


# What follows a legal form that speaks of the form itself (MeCab reads many one-kanji
# words of names after 株式会社 as suffixes too: 株式会社|孔|官|堂).
_AFTER_LEGAL_FORM = frozenset({"化", "等", "形式", "形態", "組織"})


def _is_name_word(token: Token) -> bool:
    """A word of a company's name: a noun, but no number, no part of a legal form and
    no generic term (``映像制作企業|XYZ株式会社``)."""
    return (
        token.pos[0] == "名詞"
        and token.pos[1] != "数詞"
        and token.surface not in ("株式", "会社", "有限", "合同")
        and token.surface.lower() not in generic_terms()
    ) or (token.unknown and token.surface.isalnum())


_ABBREVIATION = regex(r"[A-Z]")
_CAPITALS = regex(r"[A-Z]{2,6}")
# What follows a company's short name in its full one: a holding or legal form, or a
# word companies add to a name (ベイン|キャピタル, マイクロン・|テクノロジー).
_LEGAL_FORMS = (*sorted(_COMPANY_PREFIXES), "(株)")  # after a name or before it
_HOLDING_FORMS = (
    "ホールディングス",
    "ホールディング",
    "hd",
    "holdings",
    "corporation",  # NVIDIA Corporation
    "incorporated",
    *_LEGAL_FORMS,
    *_LATIN_LEGAL_KEYS,
)
_COMPANY_WORDS = (
    *_HOLDING_FORMS,
    "グループ",
    "group",
    "キャピタル",
    "capital",
    "パートナーズ",
    "partners",
    "コーポレーション",
    "corporation",
    "テクノロジー",
    "テクノロジーズ",
    "technologies",
    "technology",
    "&カンパニー",  # マツキヨココカラ of マツキヨココカラ&カンパニー
    "&company",
)


# What a company's name adds to the name news calls it by after the first mention:
# 武田|薬品工業, 塩野義|製薬, 住友|商事. The short form joins the company only where one
# company of the article so shortens and the short form is not read as a place
# (東京|電力, 日本|航空).
_INDUSTRY_WORDS = _words(
    """
    薬品工業 薬品 製薬 自動車 工業 重工業 商事 物産 電機 電気 製作所 化学 製鉄 建設
    不動産 地所 海運 郵船 汽船 鉄道 電鉄 電力 石油 食品 製菓 乳業 航空 通信 産業 精機
    精工 電子 製紙 証券 銀行 生命 運輸 百貨店
    """
)


def _majority(members: Sequence[EntityMention]) -> str:
    """The type most mentions have, the first one's on a tie; of the mentions the text
    describes where there are any (``Sakana AI、200億円を調達`` in a title, then
    ``AIスタートアップのSakana AI``: a company)."""
    members = [m for m in members if m.described] or members
    types = Counter(m.type for m in members)
    return max(types, key=lambda t: (types[t], t == members[0].type))


def _short_forms(
    text: str,
    groups: dict[str, list[EntityMention]],
    listed: set[str],
    is_maker: Callable[[str], bool],
) -> dict[str, str]:
    """Short forms of a longer name of the same article, as news writes them after the
    first mention: a person's surname (``三木谷`` of ``三木谷浩史``, ``アルトマン`` of
    ``サム・アルトマン``) and a company's name without its holding or legal form or an
    added word (``キオクシア`` of ``キオクシアホールディングス``, ``ベイン`` of
    ``ベインキャピタル``) or its industry word (``小野`` of ``小野薬品工業``), a
    product's name without its maker's (``Switch 2`` of ``Nintendo Switch 2``), an
    event's without its year, a place's without its prefecture or its ``市``, ``県`` and
    the like (``北広島市``, ``北広島`` of ``北海道北広島市``). Only where one longer name
    fits; a listed name takes
    only its own holding or legal form, unlisted
    (``ソフトバンク`` is not the listed ``ソフトバンクグループ``;
    ``キオクシアホールディングス`` joins the listed ``キオクシア``). Returns the key
    of each name that joins another → that one's key."""
    kinds = {key: _majority(members) for key, members in groups.items()}
    # a listed name's key is its list name as written (大阪・関西万博), a short form's the
    # plain key (大阪関西万博): the one for the other
    plain = {_key(key): key for key in kinds if key in listed}
    shortened: dict[str, set[str]] = {}  # a short form's key → the keys it may shorten
    for long, kind in kinds.items():
        written = {text[m.start : m.end] for m in groups[long]}
        for short in _short_keys(long, kind, written, is_maker):
            short = plain.get(short, short)
            if short and short != long:
                shortened.setdefault(short, set()).add(long)
    out = {}
    several: dict[str, list[str]] = {}  # a short form that fits more than one longer name
    for key, longer in shortened.items():
        kind = kinds.get(key)
        if kind is None or kind in NUMERIC_TYPES or (len(key) < 2 and kind != "PERSON"):
            continue  # 孫 of 孫正義: a one-kanji surname, but no other one-character name
        if key in listed:  # キオクシア (listed) and キオクシアホールディングス: the list's
            for other in longer:
                if other not in listed and kinds[other] == "COMPANY" and _holding_form(key, other):
                    out[other] = key
            places = [o for o in longer if kinds[o] == "LOCATION"]
            if kind == "LOCATION" and len(places) == 1 and places[0] not in listed:
                out[places[0]] = key  # 横浜市 joins the listed 横浜 (not 大阪府 and 大阪市)
            events = [o for o in longer if kinds[o] == "EVENT" and o not in listed]
            if kind == "EVENT" and len(events) == 1:
                out[events[0]] = key  # 2025年大阪・関西万博 joins the listed 大阪・関西万博
            continue
        found = [
            other
            for other in longer
            if (kinds[other] == "PERSON" and kind in ("PERSON", "ORG", "LOCATION"))
            or (kinds[other] == "COMPANY" and kind != "LOCATION")
            or (kinds[other] == kind and kind in ("PRODUCT", "EVENT", "LOCATION"))
            # ECS of Amazon ECS typed a firm: the product's name without its maker's
            # (not フェラーリ of フェラーリ・チャレンジ, the maker's name in its product's)
            or (kinds[other] == "PRODUCT" and kind == "COMPANY" and other.endswith(key))
        ]
        if len(found) == 1:
            out[key] = found[0]
        elif found:
            several[key] = found
    for key, found in several.items():  # 北広島 of 北広島市, itself of 北海道北広島市
        if len(ends := {out.get(other, other) for other in found}) == 1:
            out[key] = ends.pop()
    return out


_YEAR_START = regex(r"(?:19|20)\d\d年(?=.{2})")
_LATIN_FIRST_WORD = regex(r"[A-Z][A-Za-z]{2,}")


def _short_keys(
    long: str, kind: str, written: set[str], is_maker: Callable[[str], bool]
) -> list[str]:
    """The keys of the short forms news may use for the name keyed ``long``: a person's
    surname (one to three kanji less: 三木谷|浩史) or the last part of a foreign name
    (サム・|アルトマン); a company's name without a holding or legal form or an added
    word (ベイン|キャピタル, 株式会社|ラピダス) or its industry word (小野|薬品工業) or its
    first katakana word before a space or a dot (ノボ| ノルディスク) or its first Latin
    word before a space (Wasabi| Sushi & Bento), its Latin capitals
    before katakana words (MGM|リゾーツ・インターナショナル) or the end of its
    katakana name (イーライ|リリー); a
    product's without a listed company's or product's
    name before it (Nintendo |Switch 2, GKE |Autopilot) or without ``Service`` after it
    (Azure OpenAI| Service) or its first katakana word before a middle dot (ソニック|・ザ・
    ヘッジホッグ); an event's without its year (CES| 2026, 2025年|大阪・関西万博)."""
    if kind == "PRODUCT":
        parts = [w.split(" ", 1) for w in written if " " in w]
        service = [long[: -len("service")]] if long.endswith("service") else []
        return (
            [_key(rest) for maker, rest in parts if is_maker(maker)]
            + _after_maker(written, is_maker, _katakana_name)
            + service  # Azure OpenAI of Azure OpenAI Service
            + [  # ソニック of ソニック・ザ・ヘッジホッグ: a katakana title's first word
                _key(first)
                for w in written
                if (first := w.split("・", 1)[0]) != w
                and _ONE_KATAKANA_WORD.fullmatch(first) is not None
            ]
        )
    if kind == "EVENT":  # ジャパンモビリティショー|2025, 2025年|大阪・関西万博
        return [_key(w[: year.start()]) for w in written if (year := _YEAR_END.search(w))] + [
            _key(w[year.end() :]) for w in written if (year := _YEAR_START.match(w))
        ]
    if kind == "LOCATION":  # 北海道|北広島市 and 北広島|市, 沖縄|県: not 港|区 nor 北海|道
        prefecture = next((p for p in _PREFECTURES if long.startswith(p)), "")
        rest = long[len(prefecture) :] if len(long) - len(prefecture) >= 3 else long
        keys = [rest] if rest != long else []
        return keys + ([rest[:-1]] if len(rest) >= 3 and rest[-1] in "市町村都府県" else [])
    if kind == "PERSON":
        keys = [long[:-n] for n in (1, 2, 3) if n < len(long)] if _kanji(long) else []
        return keys + [
            _key(w.replace(" ", "・").rsplit("・", 1)[1]) for w in written if "・" in w or " " in w
        ]
    if kind == "COMPANY":
        keys = [long[: -len(e)] for e in _COMPANY_WORDS if long.endswith(e)]
        keys += [
            long[: -len(e)] for e in _INDUSTRY_WORDS if long.endswith(e) and len(long) > len(e) + 1
        ]
        keys += [  # ノボ of ノボ ノルディスク, a foreign firm's first word in katakana
            _key(first)
            for w in written
            if (first := w.replace(" ", "・").split("・", 1)[0]) != w
            and _ONE_KATAKANA_WORD.fullmatch(first) is not None
        ]
        keys += [  # Wasabi of Wasabi Sushi & Bento: a Latin name's first word, capitalised
            _key(first)
            for w in written
            if (first := w.split(" ", 1)[0]) != w and _LATIN_FIRST_WORD.fullmatch(first)
        ]
        keys += [  # MGM of MGMリゾーツ・インターナショナル: Latin capitals before a
            # foreign name of katakana words (not NTT of NTTドコモ, one word: a subsidiary)
            _key(latin["first"])
            for w in written
            if (latin := _LATIN_THEN_KATAKANA.fullmatch(w)) is not None
        ]
        keys += _after_maker(written, is_maker, _firm_or_katakana)  # SBI|新生銀行, NTT|ドコモ
        keys += [  # ANAHD of ANAホールディングス, ふくおかFG of ふくおかフィナンシャルグループ
            long[: -len(full)] + short
            for short, full in _SHORTENED
            if long.endswith(full) and len(long) > len(full)
        ]
        keys += [  # リリー of イーライリリー: the end of a katakana name, three or more
            _key(w[k:])
            for w in written
            if _ONE_KATAKANA_WORD.fullmatch(w) is not None
            for k in range(2, len(w) - 2)
        ]
        return keys + [long[len(f) :] for f in _LEGAL_FORMS if long.startswith(f)]
    return []


def _after_maker(
    written: set[str], is_maker: Callable[[str], bool], rest_is: Callable[[str], bool]
) -> list[str]:
    """The keys of what follows a listed firm's or product's name glued before the rest
    of a name, where that rest (three characters or more) is ``rest_is``: the name news
    writes alone (``新生銀行`` of ``SBI新生銀行``, ``サクラ`` of ``日産サクラ``)."""
    return [
        _key(w[k:])
        for w in written
        for k in range(2, len(w) - 2)
        if rest_is(w[k:]) and is_maker(w[:k])
    ]


def _katakana_name(name: str) -> bool:
    return _KATAKANA_NAME.fullmatch(name) is not None


def _firm_or_katakana(name: str) -> bool:
    return _FIRM_WORD_END.search(name) is not None or _katakana_name(name)


def _holding_form(short: str, long: str) -> bool:
    """Whether the key ``long`` is ``short`` with a holding or legal form."""
    if long.startswith(short):
        return long[len(short) :] in _HOLDING_FORMS
    return long.endswith(short) and long[: -len(short)] in _LEGAL_FORMS


def _kanji(name: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch in "々ヶ" for ch in name)


_LATIN_NAME = regex(r"[A-Za-z][A-Za-z0-9 .&'-]*")
_KATAKANA_NAME = regex(r"[\u30a1-\u30fa\u30fc・]+")
_ONE_KATAKANA_WORD = regex(r"[\u30a1-\u30fa\u30fc]+")
_LATIN_THEN_KATAKANA = regex(
    r"(?P<first>[A-Z]{2,})[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]*[・ ][\u30a1-\u30fa\u30fc・ ]+"
)
# Where something is done (パリで暮らす): of the Stockmark train gold names of one katakana
# word before で (not a copula's であ, でし, です), 55 are places, 7 companies, 4 events
# and no person; a person's name there is a place (オースティンで拡大, typed a person).
_PLACE_CASE = regex(r"で(?![あしす])")
# A country and の before one katakana word with no office after it (インドの|ベンガルール):
# of the Stockmark train gold names so placed 5 are places, none a person (the 8 persons
# after a country and の have an office after them or a middle dot in them).
# What follows a firm named after its country and の: the subject, or a list (が, や, と;
# not は, which a place takes as often: インドのチェンナイは)
_FIRM_CASE = regex(r"[がやと](?![いう])")
_LATIN_ALIAS = regex(r"[（(][A-Za-z][A-Za-z0-9 .&'-]{0,30}[）)]")
_COUNTRY_OF = regex(
    "(?:アメリカ|米国|中国|韓国|北朝鮮|台湾|香港|インド|英国|イギリス|フランス|ドイツ|ロシア"
    "|ウクライナ|イタリア|スペイン|オランダ|スイス|スウェーデン|ポーランド|トルコ|イスラエル"
    "|イラン|サウジアラビア|エジプト|南アフリカ|ブラジル|アルゼンチン|メキシコ|カナダ"
    "|オーストラリア|ベトナム|タイ|インドネシア|マレーシア|フィリピン|シンガポール|日本)の$"
)


def _readings(one: str, other: str) -> bool:
    """Whether two names are one in Latin letters and the other in katakana."""
    return bool(
        (_LATIN_NAME.fullmatch(one) and _KATAKANA_NAME.fullmatch(other))
        or (_KATAKANA_NAME.fullmatch(one) and _LATIN_NAME.fullmatch(other))
    )


def _other_name(name: str, written: str) -> bool:
    """Whether ``written``, in parentheses after the company ``name``, is its name in
    another script, one of them in kanji."""
    bare = _bare_name(name)
    foreign = (_LATIN_NAME, _KATAKANA_NAME)
    return bool(
        (_kanji(written) and any(p.fullmatch(bare) for p in foreign))
        or (_kanji(bare) and any(p.fullmatch(written) for p in foreign))
        # サムスン電子(Samsung Electronics): Latin letters beside a name with none
        or (_LATIN_NAME.fullmatch(written) and not _has_latin(bare))
        or (_LATIN_NAME.fullmatch(bare) and not _has_latin(written))
    )


def _in_order(short: str, name: str) -> bool:
    """Whether every character of ``short`` is in ``name``, in that order."""
    rest = iter(name)
    return all(ch in rest for ch in short)


def _initials(name: str) -> str:
    """The capitals that start the words of a Latin name of three words or more
    (``Taiwan Semiconductor Manufacturing Company`` → ``TSMC``), else ""."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def _long_form(text: str, short: EntityMention, written: str) -> str:
    """``written`` if the name ``short`` is its initials (TSMC and Taiwan Semiconductor
    Manufacturing Company), else ""."""
    return written if _initials(written) == text[short.start : short.end] else ""


def _has_kanji(name: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in name)


def _has_latin(name: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in name)


def _short_names(
    text: str, ordered: Sequence[EntityMention], keys: list[str], listed: Container[str]
) -> tuple[dict[str, str], set[str]]:
    """``Preferred Networks(PFN)``, ``東京大学協創プラットフォーム開発(東大IPC)``: a name
    in parentheses right after another is its short name in this article if it is
    shorter, has capitals and is no place nor a listed name (``ブリュッセル(ベルギー)``,
    ``eMAXIS Slim 米国株式(S&P500)`` name two things); a name's reading in the other
    script is the same name (``Stargate(スターゲート)``, ``Apple Inc.(アップル)``, a
    place's kanji and its katakana reading, ``清州(チョンジュ)``),
    and so is a firm's or a product's name in kanji beside its Latin or katakana one
    (``Unitree Robotics(宇樹科技)``, ``騰訊控股(テンセント)``, ``鴻蒙(HarmonyOS)``), as is a
    person's name in
    kanji beside its reading (``劉揚偉(ヤング・リウ)``), a short name in kanji beside the
    full one (``名鉄(名古屋鉄道)``) and a facility beside the katakana name it goes by
    (``中部国際空港(セントレア)``); a former name is grouped before (``_FORMERLY``).
    A body's abbreviation in capitals is its own here even where a firm is listed so
    (``国家経済会議(NEC)``).
    Returns the key of the name in parentheses → the key of the name before them
    (the other way round where only the name in parentheses is listed), and the keys of
    the bodies whose abbreviations those are, which name and type their entities."""
    short: dict[str, str] = {}
    defined: set[str] = set()
    for i in range(len(ordered) - 1):
        a, b = ordered[i], ordered[i + 1]
        if (
            a.type in NUMERIC_TYPES
            or b.type in NUMERIC_TYPES
            or text[a.end : b.start] != "("
            or text[b.end : b.end + 1] not in (")", "、")  # Ubie(ユビー、東京・中央)
            or keys[i] == keys[i + 1]
        ):
            continue
        written = text[b.start : b.end]
        if a.type == "PRODUCT" and _MAKER_END.search(written) is not None:
            continue  # eMAXIS Slim 米国株式(三菱UFJアセットマネジメント): its manager
        if (
            a.type in ("POLITICAL_ORG", "ORG")
            and b.type != a.type
            and _CAPITALS.fullmatch(written) is not None
        ):  # 国家経済会議(NEC): the article's own abbreviation, not the listed firm NEC
            short[keys[i + 1]] = short.get(keys[i], keys[i])
            defined.add(short[keys[i + 1]])
        elif (
            (
                b.type != "LOCATION"
                and keys[i + 1] not in listed  # eMAXIS Slim 米国株式(S&P500): two things
                and b.end - b.start < a.end - a.start
                and _ABBREVIATION.search(written)
                # MacBook Pro(M5 Max、…): a Latin name's short name takes its letters
                # in order (Preferred Networks(PFN)); this is what it holds
                and (
                    not text[a.start : a.end].isascii()
                    or _in_order(written.lower().replace(" ", ""), text[a.start : a.end].lower())
                )
            )
            # 株式会社IHI(アイ・エイチ・アイ): the reading is the name's, not its legal form's
            or _readings(_bare_name(text[a.start : a.end]), written)
            # Taiwan Semiconductor Manufacturing Company(TSMC): its initials, listed or not,
            # either way round (TSMC(Taiwan Semiconductor Manufacturing Company))
            or (
                a.type == b.type != "LOCATION"
                and written in (_initials(text[a.start : a.end]), _long_form(text, a, written))
            )
            # 日本自動車工業会(自工会), 理化学研究所(理研): kanji taken in order from the
            # name before, its short name (not a person's or a place's); so too kanji and
            # more of the same type, unlisted (損害保険ジャパン(損保ジャパン))
            or (
                a.type not in ("PERSON", "LOCATION")
                and b.type != "LOCATION"
                and (
                    _kanji(written)
                    or (a.type == b.type and keys[i + 1] not in listed and _has_kanji(written))
                )
                and 2 <= len(written) < a.end - a.start
                and _in_order(written, text[a.start : a.end])
            )
            # 清州(チョンジュ), 平沢(ピョンテク): a place in kanji and its reading, no listed
            # place (not 中東(イスラエル))
            or (
                a.type == b.type == "LOCATION"
                and _kanji(text[a.start : a.end])
                and _KATAKANA_NAME.fullmatch(written) is not None
                and keys[i + 1] not in listed
            )
            # Unitree Robotics(宇樹科技), 騰訊控股(テンセント): a firm's (or a product's)
            # name in its own country's kanji and in Latin letters or katakana
            or (  # 劉揚偉(ヤング・リウ): one person; 鴻蒙(HarmonyOS): one product
                a.type in ("COMPANY", "PERSON", "PRODUCT")
                and (
                    a.type == b.type
                    # 吉利汽車(ジーリー): the reading of a firm's kanji, typed otherwise
                    or (a.type == "COMPANY" and b.type in ("PERSON", "PRODUCT", "ORG"))
                )
                and _other_name(text[a.start : a.end], written)
            )
            # 名鉄(名古屋鉄道): a short name in kanji and, in brackets, the full one it is
            # taken from in order, of the same type (not a person's or a place's)
            or (
                a.type == b.type
                and a.type not in ("PERSON", "LOCATION")
                and _kanji(text[a.start : a.end])
                and _kanji(written)
                and 2 <= a.end - a.start < len(written)
                and _in_order(text[a.start : a.end], written)
            )
            # 中部国際空港(セントレア): a facility and the katakana name it goes by, unlisted
            or (
                a.type == b.type == "FACILITY"
                and _KATAKANA_NAME.fullmatch(written) is not None
                and keys[i + 1] not in listed
            )
        ):
            if keys[i + 1] in listed and keys[i] not in listed:
                short[keys[i]] = keys[i + 1]
            else:
                short[keys[i + 1]] = short.get(keys[i], keys[i])
    return short, defined


# A country's one-kanji name, as news writes it alone (日米, 米最大), and its listed name.
_COUNTRY_NAMES = {
    "米": "米国",
    "英": "英国",
    "独": "ドイツ",
    "仏": "フランス",
    "中": "中国",
    "韓": "韓国",
    "日": "日本",
    "豪": "オーストラリア",
    "台": "台湾",
    "露": "ロシア",
    "印": "インド",
    "加": "カナダ",
    "蘭": "オランダ",
    "伊": "イタリア",
}


# A former name in brackets right after a name (the analysis text is NFKC): with 旧 in
# the span or before it (旧|ツイッター, where a listed name is taken without it).
_FORMERLY = frozenset({"(旧", "(旧・", "(旧社名", "(旧社名・", "(旧社名:"})


# What a name in ``AことB`` may be: the one train sentence so written gives one person's
# two names (澤木千尋こと夏井真琴).
_ALSO_KNOWN_TYPES = frozenset({"PERSON", "COMPANY", "PRODUCT", "ORG"})


def _known_as(text: str, a: EntityMention, b: EntityMention) -> bool:
    """Whether ``a`` is a name that ``b`` also goes by (``ホリエモンこと堀江貴文``)."""
    return text[a.end : b.start] == "こと" and a.type == b.type in _ALSO_KNOWN_TYPES


def _former_name(text: str, a: EntityMention, b: EntityMention) -> bool:
    """Whether ``b`` is the former name of ``a`` (``ストラテジー(旧マイクロストラテジー)``,
    ``ニデック(旧日本電産)``): the same type, or a firm's, typed otherwise."""
    between = text[a.end : b.start]
    return (
        a.type == b.type or (a.type == "COMPANY" and b.type in ("PERSON", "PRODUCT", "ORG"))
    ) and (
        between in _FORMERLY
        or (between == "(" and text.startswith("旧", b.start) and b.end - b.start > 1)
    )


def group_mentions(
    doc: Document, mentions: Sequence[EntityMention], names: NameList | None = None
) -> list[Entity]:
    listing = gazetteer()
    canonical, display, listed_types = listing.canonical, listing.display, listing.types
    if names is not None:
        canonical = {**canonical, **names.canonical}
        display = {**display, **names.display}
        listed_types = {**listed_types, **names.types}
    ordered = sorted(mentions, key=lambda m: m.start)
    keys = []
    listed: dict[str, str] = {}  # group key → the list entry's name (a group of a listed entity)
    for mention in ordered:
        name = _key(doc.text[mention.start : mention.end])
        if mention.type == "COMPANY" and (bare := _bare_name(name)) in canonical:
            name = bare  # トヨタ自動車株式会社: the listed トヨタ自動車
        elif mention.type == "COMPANY" and name not in canonical:
            name = spelled_out(name, canonical)  # ソニーG: ソニーグループ
        if mention.type in NUMERIC_TYPES and mention.value and mention.type != "DATE":
            # 約200億円 and 200億円, 3千万円 and 3,000万円: one sum (not so dates: 2026年
            # and 2026年度 have one value but are not one period)
            keys.append(f"{mention.type}:{sorted(mention.value.items())}")
        elif mention.type in NUMERIC_TYPES:
            keys.append(f"{mention.type}:{name}")
        elif mention.type == "LOCATION" and _COUNTRY_NAMES.get(name, "") in canonical:
            key = canonical[_COUNTRY_NAMES[name]]  # 米 (米最大, 日米) is 米国
            keys.append(key)
            listed[key] = display.get(key, "")
        elif name in canonical:
            keys.append(canonical[name])
            listed[canonical[name]] = display.get(canonical[name], "")
        else:
            keys.append(name)
    # 米ストラテジー（旧マイクロストラテジー）: a former name, in brackets right after the
    # name, is the same entity's, wherever the article uses it; so is a name it also goes
    # by, before こと (ホリエモンこと堀江貴文). Neither names the entity.
    formerly = {}
    renamed: dict[str, str] = {}  # a new name's key → the listed type of its former name
    for (a, key_a), (b, key_b) in pairwise(zip(ordered, keys, strict=True)):
        if key_a != key_b and _former_name(doc.text, a, b):
            formerly[key_b] = key_a
            if key_b in listed_types:  # ストラテジー(旧マイクロストラテジー): a listed firm's
                renamed[key_a] = listed_types[key_b]
        elif key_a != key_b and _known_as(doc.text, a, b):
            formerly[key_a] = key_b
    former = {id(m) for m, key in zip(ordered, keys, strict=True) if key in formerly}
    keys = [formerly.get(key, key) for key in keys]
    short, defined = _short_names(doc.text, ordered, keys, listed)
    groups: dict[str, list[EntityMention]] = {}
    for mention, key in zip(ordered, keys, strict=True):
        groups.setdefault(short.get(key, key), []).append(mention)
    # A short form joins the full name it shortens (三木谷 → 三木谷浩史, ベイン →
    # ベインキャピタル); the full name's mentions give the entity its name and type.
    named_by: dict[str, list[EntityMention]] = {}  # a full name's own mentions
    for mention, key in zip(ordered, keys, strict=True):
        if key in defined:  # 国家経済会議(NEC): the body's own name and type
            named_by.setdefault(key, []).append(mention)

    def is_maker(word: str) -> bool:  # a listed firm, or a listed product (GKE Autopilot)
        key = _key(word)
        return listed_types.get(canonical.get(key, key)) in ("COMPANY", "PRODUCT")

    merges = _short_forms(doc.text, groups, set(listed), is_maker)
    for key, into in merges.items():
        seen = {key}
        while into in merges and into not in seen:  # a chain: the last name takes all
            seen.add(into)
            into = merges[into]
        if key in groups and into in groups and into != key:
            named_by.setdefault(into, groups[into])
            groups[into] = sorted(groups[into] + groups.pop(key), key=lambda m: m.start)
    entities = []
    for key, members in groups.items():
        named = named_by.get(key, members)
        named = [m for m in named if id(m) not in former] or named  # called by its name now
        written = Counter(doc.text[m.start : m.end] for m in named)
        first_name = doc.text[named[0].start : named[0].end]
        kind = renamed.get(key) or _majority(named)
        # A listed entity is called by its list name (日銀 and 日本銀行: 日本銀行), the
        # same in every article; others, and a listed name read as something else
        # (the person フォード, not Ford), by their most frequent spelling here.
        text = listed.get(key) if listed_types.get(key) == kind else None
        entities.append(
            Entity(
                text=text or max(written, key=lambda n: (written[n], n == first_name)),
                type=kind,
                count=len(members),
                mentions=tuple(_source_mention(doc, m) for m in members),
                value=members[0].value,
                spans=tuple((m.start, m.end) for m in members),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return entities
