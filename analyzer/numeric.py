"""Numeric expressions by rule: MONEY, PERCENT, DATE, QUANTITY, with normalised values.

Runs on NFKC analysis text, so full-width digits and ％ are already ASCII.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from analyzer.startup import regex

# Every pattern starts where no digit or kanji multiplier precedes (the lookbehind fails
# at once inside a number) and matches numbers possessively, one way only, so matching
# stays linear even on a line of 100,000 digits.
_START = r"(?<![\d.,兆億万千])"
_NUM = r"\d++(?:,\d{3})*+(?:\.\d+)?+"
_KANJI_UNIT = {"京": 1e16, "兆": 1e12, "億": 1e8, "万": 1e4, "千": 1e3}
# "About" before a number: 約, not the end of a word in 約 (契約1000万回線, 予約100万台,
# 成約500件; 総額約5000億円 is "about").
_ABOUT = r"(?:(?<![契予節集要条規公制誓解成盟確婚違特協])約|およそ)?"
# 千 may go before another unit: 5千万 (5 × 千 × 万), 3千億; 京 (10^16) after digits only,
# 1京円 (a market's yearly turnover; 京 is no number in kanji: 東京, 第一京浜).
_UNIT = "(?:千[京兆億万]?|[京兆億万])"
_ARABIC_AMOUNT = rf"{_NUM}(?:{_UNIT}(?:{_NUM}{_UNIT})*+(?:{_NUM})?+)?+"
# Kanji numerals (三社, 五十億ドル, 二〇二五): they start with a digit, 十, 百 or 千, and
# not inside a word (統一, 同一人物), though 約 and 計 may stand before them; at most
# 16 characters (a longer run is no number anyone writes, and would overflow a float).
_KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_AMOUNT = (
    r"(?:(?<=[約計])|(?<![\u3005\u4e00-\u9fff]))"
    rf"[{_KANJI_DIGITS[1:]}十百千][{_KANJI_DIGITS}十百千万億兆]{{0,15}}+"
)
_AMOUNT = rf"(?:{_ARABIC_AMOUNT}|{_KANJI_AMOUNT})"
_CURRENCY = {
    "円": "JPY",
    "米ドル": "USD",
    "ドル": "USD",
    "ユーロ": "EUR",
    "人民元": "CNY",
    "元": "CNY",
    "ポンド": "GBP",
    "ウォン": "KRW",
    "台湾ドル": "TWD",
    "香港ドル": "HKD",
    "豪ドル": "AUD",
    "カナダドル": "CAD",
    "シンガポールドル": "SGD",
    "ルピー": "INR",
    "バーツ": "THB",
    "ルーブル": "RUB",
    "スイスフラン": "CHF",
    "ルピア": "IDR",
    "リンギット": "MYR",
    "ドン": "VND",
    "レアル": "BRL",
    "リラ": "TRY",
    "メキシコペソ": "MXN",
    "フィリピンペソ": "PHP",
    "NZドル": "NZD",
    "ニュージーランドドル": "NZD",
    # crypto assets, as investment posts count holdings (3万BTC): their tickers
    "BTC": "BTC",
    "ビットコイン": "BTC",
    "ETH": "ETH",
}
# The currencies as the money pattern tries them: longest first (台湾ドル before ドル).
_CURRENCIES = "|".join(sorted(_CURRENCY, key=len, reverse=True))
_SYMBOL = {"$": "USD", "¥": "JPY", "€": "EUR", "£": "GBP"} | {
    code: code
    for code in ("USD", "EUR", "JPY", "GBP", "CNY")  # USD 5 billion
}
# Dollars with their country's letters (NT$1000億, US$500 million, HK$2 billion).
_DOLLARS = {
    "US$": "USD",
    "NT$": "TWD",
    "HK$": "HKD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "S$": "SGD",
    "NZ$": "NZD",
}
_SYMBOL |= _DOLLARS
_DOLLAR_PREFIXES = "|".join(re.escape(p) for p in sorted(_DOLLARS, key=len, reverse=True))
_SCALE = {
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "t": 1e12,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_COUNTERS = (
    "基|社|台|人|件|個|枚|機|隻|店舗|店|棟|冊|本|名|銘柄|カ国|か国|ヵ国|ケ国|カ所|か所|箇所|倍|世帯|種類|回線|拠点|"
    "TWh|GWh|MWh|kWh|TW|GW|MW|kW|テラワット時|ギガワット時|メガワット時|キロワット時|テラワット|"
    "ギガワット|メガワット|キロワット|"
    "TB|GB|PB|nm|km|kg|平方メートル|キロメートル|メートル|キログラム|ヘクタール|トン|ドル分|株|"
    "ポイント|"
    # a device's specifications: 45W, 5000mAh, 4.2GHz, 120Hz, 6.3インチ, 5000万画素, 8.5mm,
    # 215g, 8コア; a drug's dose, 2.4mg (lower case: 5G is a generation, no quantity)
    "mAh|Wh|W|GHz|MHz|Hz|インチ|画素|グラム|mm|cm|mg|g|mL|ml|コア"
)
# Units written out in katakana, as their symbols: 6ギガワット and 6GW are one amount.
_UNIT_SYMBOLS = {
    "テラワット": "TW",
    "ギガワット": "GW",
    "メガワット": "MW",
    "キロワット": "kW",
    "テラワット時": "TWh",
    "ギガワット時": "GWh",
    "メガワット時": "MWh",
    "キロワット時": "kWh",
    "キロメートル": "km",
    "キログラム": "kg",
    "平方メートル": "m2",
    "メートル": "m",
    "ヘクタール": "ha",
    "グラム": "g",
    "mL": "ml",
}

# Each pattern first looks at the character it could start with, so that the many
# positions where no number starts fail at once.
_NUMERAL = f"\\d{_KANJI_DIGITS[1:]}十百千"
_MONEY = regex(
    rf"(?=[{_NUMERAL}約お$¥€£UEJGCNHAS]){_ABOUT}{_START}(?:(?P<low>{_AMOUNT})\s?[〜~]\s?)?(?P<amount>{_AMOUNT})\s*(?P<cur>{_CURRENCIES})(?:(?<=円)(?P<sen>\d{{1,2}})銭)?"
    rf"|(?P<sym>[$¥€£]|(?<![A-Za-z])(?:{_DOLLAR_PREFIXES}|(?:USD|EUR|JPY|GBP|CNY)(?=\s?\d)))\s?{_START}(?P<samount>{_NUM})(?:\s?(?P<scale>bn|[kKmMbBtT](?![A-Za-z0-9])|[Mm]illion|[Bb]illion|[Tt]rillion|兆|億|万))?"
)
# Several of a unit (数千億円, 数十億ドル, 数兆円): two to nine of it, as a range.
_SEVERAL_MONEY = regex(
    rf"(?=数)(?<![\u4e00-\u9fff])数(?=[十百千兆億万])(?P<tens>[十百千]?)(?P<scale>[兆億万]?)"
    rf"(?P<cur>{_CURRENCIES})"
)
# A sign before a percentage is its value's (-1.8%, △5.2%, as tables write a fall), but
# not a hyphen between numbers or letters (2025-26%, ABC-5%).
_PERCENT = regex(
    rf"(?=[{_NUMERAL}約お+\-−▲△]){_ABOUT}{_START}"
    rf"(?:(?P<sign>(?<![0-9A-Za-z])[+\-−▲△])?"
    # a range, the unit maybe after its low end too (2.5〜3%, 2%〜3%)
    rf"(?:(?P<plow>{_NUM})\s?(?:%|パーセント)?\s?[〜~]\s?)?(?P<num>{_NUM})\s*(?:%|パーセント)"
    # tenths, perhaps a range of them (2〜3割, 2割〜3割)
    r"|(?:(?P<wlow>\d+|(?<![\u4e00-\u9fff])[一二三四五六七八九十])割?\s?[〜~]\s?)?"
    r"(?P<wari>\d+|(?<![\u4e00-\u9fff])[一二三四五六七八九十])割)"
)
# Parts of a year as business writing names them: halves, quarters, and fiscal
# periods by the months they span or end in (3月期: the year ending in March). After a
# year also its halves in plain words and its end (2026年前半, 2025年度末); a part
# named alone (上半期) has no year and no value.
_PART = r"(?:上半期|下半期|上期|下期|第[1-4]四半期)"


def _part(name: str) -> str:
    return (
        rf"(?P<{name}>上半期|下半期|上期|下期|前半|後半|第[1-4]四半期|末|半ば|{_EARLY}|{_SEASON})"
    )


# The start of a year or a month (2026年初め, 3月初め), not "for the first time" (初めて).
_EARLY = r"初め(?!て)|初頭"
# A season after a year (2026年秋, 来年春): not the first kanji of a word (2026年春闘,
# 2024年秋冬), but 2026年秋以降 and 来年春頃.
_SEASON = r"[春夏秋冬](?:(?![\u4e00-\u9fff])|(?=以降|以来|頃))"


_MONTHS = r"(?P<{0}>\d{{1,2}})\s?[〜~\-]\s?(?P<{1}>\d{{1,2}})月期?"
# The last day of a span of days within one month: 1月22〜23日, 1月22日〜23日.
_DAYS = r"(?:日?\s?[〜~\-]\s?(?P<{0}>\d{{1,2}}))?"
# A year named by its distance from the article's (昨年12月, 来年度) or from the year
# the text last named (2019年に設立、翌年3月に上場).
_RELATIVE_YEARS = {"一昨年": -2, "昨年": -1, "去年": -1, "今年": 0, "本年": 0, "来年": 1}
_NARRATIVE_YEARS = {"前年": -1, "同年": 0, "翌年": 1}
_SEASON_YEARS = {"昨": -1, "今": 0, "来": 1}
_MONTH_OFFSETS = {"先月": -1, "今月": 0, "来月": 1}
_DATE = regex(
    rf"(?=[\d令平昭第上下一昨去今本来前同翌先FQ{_KANJI_DIGITS}])"
    + _START
    # a fiscal year or a quarter as English-style notes write them (FY2025, FY25, Q3, 3Q)
    + r"(?:(?<![A-Za-z0-9])FY(?P<fyear>(?:19|20)?\d\d)(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?:Q[1-4]|[1-4]Q)(?![A-Za-z0-9])"
    + r"|"
    # in kanji numerals, as print writes dates: the year digit by digit (二〇二五年), the
    # month and day in words (十二月二十五日), or a fiscal year's end (二〇二五年三月期)
    + rf"(?:(?<![{_KANJI_DIGITS}十百])(?P<ky>[{_KANJI_DIGITS}]{{4}})年"
    + rf"(?:(?P<km>[{_KANJI_DIGITS}十]{{1,3}})月(?:(?P<kd>[{_KANJI_DIGITS}十]{{1,3}})日|期)?)?"
    + r"|(?P<rel>一昨年|昨年|去年|今年|本年|来年)"
    + rf"(?:(?P<rfy>度)?{_part('rpart')}|度|(?P<rm>\d{{1,2}})月(?:(?P<rd>\d{{1,2}})日)?)?"
    r"|(?P<nar>前年|同年|翌年)(?:(?P<nm>\d{1,2})月(?:(?P<nd>\d{1,2})日)?"
    # or a part of it (同年末, 翌年春, 翌年度上期; not 前年末比, a comparison)
    + rf"|(?P<nfy>度)?{_part('npart')}(?!比))"
    # this month, the next or the last, maybe its start, middle or end (来月中旬, 今月末;
    # not 先月比, a comparison)
    + rf"|(?P<mrel>今月|来月|先月)(?:[上中下]旬|末|半ば|{_EARLY}|(?!比))"
    # a season of this year, the next or the last, as news writes it (今秋にも, 来春)
    rf"|(?P<srel>今|来|昨)(?P<season>{_SEASON})"
    + rf"|(?P<era>令和|平成|昭和)(?P<eyear>\d{{1,2}}|元)年(?P<efy>度)?{_part('epart')}?"
    # a year of this century in two digits, as headlines write it (26年にも, 27年度,
    # 26年3月期), where what follows makes it a time: not 創業26年の, 26年ぶり, 26年間
    + r"|(?P<yy>[1-3]\d)年(?:(?P<yym>\d{1,2})月期|(?P<yyfy>度)(?![ぶ間目])"
    + rf"{_part('yyfpart')}?|{_part('yypart')}|(?=に(?!わた)|中に|以降|まで))"
    # a span of years, the last maybe in two digits (2025〜26年度, 2030〜2035年)
    + r"|(?P<y1>(?:19|20)\d\d)\s?[〜~]\s?(?P<y2>(?:19|20)?\d\d)年度?(?![\d月])"
    # a decade, maybe its first or second half (2030年代, 1990年代後半)
    + r"|(?P<decade>(?:19|20)\d0)年代(?P<half>前半|後半)?"
    # a year, not the name of an issue (2024年問題, the drivers' overtime cap)
    + rf"|(?P<year>\d{{4}})年(?!問題)(?:(?P<fy>度)?{_part('ypart')}|度|{_MONTHS.format('m1', 'm2')}"
    rf"|(?P<month>\d{{1,2}})月(?:(?P<day>\d{{1,2}}){_DAYS.format('day2')}日"
    rf"|期{_part('mpart')}?|[上中下]旬|末|半ば|{_EARLY})?)?"
    r"|(?P<iso>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})"
    rf"|(?P<md_m>\d{{1,2}})月(?P<md_d>\d{{1,2}}){_DAYS.format('md_d2')}日"
    rf"|{_MONTHS.format('r1', 'r2')}|\d{{1,2}}月期|{_PART}"
    rf"|(?P<mo>1[0-2]|0?[1-9])月(?P<mo_part>上旬|中旬|下旬|末|半ば|{_EARLY}|第\d週)?"
    # 19日の会見: a day of the month; not 3日間, 10日以内, 1日当たり, 2日目, 5日後,
    # 3日続伸, 2日遅れ, 10日余り, 発売から3日で, 発売4日で, 1日で15%下落 (how long, where
    # 19日で閉店 and 同19日で終了 are days)
    # and a span of days (18〜19日に開いた会合; not 2〜3日で届く, how long)
    r"|(?<![月\d〜~])(?P<do>3[01]|[12]\d|0?[1-9])"
    r"(?:日?\s?[〜~]\s?(?P<do2>3[01]|[12]\d|0?[1-9])(?=日(?!で|ほど|程度|前後|かか)))?"
    r"日(?![間目以当あ後前連ぶ分続遅余])"
    r"(?:(?<!から\d日)(?<!から\d\d日)(?<!(?<!\d)1日)"
    r"(?<!(?!同)[\u4e00-\u9fff]\d日)(?<!(?!同)[\u4e00-\u9fff]\d\d日)|(?!で))"
    "))"
)
# 人員, 社員, 台湾, 本社, 一本化...: a counter character that starts a word is not a counter,
# nor is a unit that a word continues (2千メートルレース, 100メートル走: a race's name).
# A range's low end in Arabic digits only (800万〜1000万台): a second kanji numeral, with
# its CJK lookbehind, would cost ~2.5 ms to compile at every start. A number after 第
# is an ordinal (第2棟). Nor is a rate per unit (1人当たり, 1株600ドル) a quantity, nor a
# number before 株価, 株主, 株式 or 本塁打 (50本|塁打).
# A counter and what may not follow it: a word it starts (社員, 台湾), a longer katakana
# word, a unit in Latin letters that a Latin word or a number goes on from (5GBps, 5W1H),
# a rate per unit (1人当たり).
_COUNTED = (
    rf"(?P<unit>{_COUNTERS})(?![員湾数内外長化走価主式塁])(?!(?<=[\u30a1-\u30fa])[\u30a1-\u30fc])"
    r"(?!(?<=[A-Za-z])[A-Za-z0-9])(?!当たり|あたり)"
)
# 一人で, 一本で: alone, only one (オルカン一本で運用), no count.
_QUANTITY = regex(
    rf"(?=[{_NUMERAL}約お])(?!一[人本]で){_ABOUT}{_START}(?<!第)"
    rf"(?:(?P<low>{_ARABIC_AMOUNT})\s?[〜~]\s?)?"
    rf"(?P<amount>{_AMOUNT})\s?{_COUNTED}"
    r"(?<!(?<![\d,.])1株)"  # 1株当たり: per share
)
# A few per cent (数%, 数十%): two to nine of it, as a range.
_SEVERAL_PERCENT = regex(r"(?=数)(?<![\u4e00-\u9fff])数(?P<tens>十?)(?:%|パーセント)")
# Several of a counted thing (数十社, 数百人, 数十万基): two to nine of it, as a range,
# as several of a unit of money is.
_SEVERAL_QUANTITY = regex(
    r"(?=数)(?<![\u4e00-\u9fff])数(?P<tens>[十百千]?)(?P<scale>[億万]?)(?<=[十百千億万])" + _COUNTED
)
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}


@dataclass(frozen=True, slots=True)
class NumericSpan:
    start: int
    end: int
    type: str
    value: dict[str, Any] | None


@dataclass(slots=True)
class Timeline:
    """What a date that names no year is read against: the article's date
    (``reference``) and the last date the text named with its year (``year``, with
    ``month`` and ``day`` where it named them), which the caller forgets at the end of
    a paragraph."""

    reference: dt.date | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    # The last day this text named (its end offset and value): a day right after it
    # (12月10日から12日まで) is of its month.
    recent: tuple[int, dict[str, Any]] | None = None

    def named(self, year: int, month: int | None = None, day: int | None = None) -> None:
        self.year, self.month, self.day = year, month, day


def find_numeric(
    text: str, reference: dt.date | None = None, timeline: Timeline | None = None
) -> list[NumericSpan]:
    """Non-overlapping numeric expressions, earlier rules first (money before quantity).
    ``reference`` (the article's date) dates what names no year (``10月3日``, ``4月``,
    ``19日``): the nearest such date to it, flagged ``year_inferred``, unless the
    ``timeline`` of the paragraph so far named a year and month shortly before it
    (``2025年9月に…。10月には``: 2025-10). A ``timeline`` passed in carries on from
    one sentence to the next."""
    found: list[NumericSpan] = []
    taken = bytearray(len(text))
    if timeline is None:
        timeline = Timeline(reference)
    timeline.recent = None
    for kind, pattern, value_of in (
        ("MONEY", _MONEY, _money_value),
        ("MONEY", _SEVERAL_MONEY, _several_value),
        ("PERCENT", _PERCENT, _percent_value),
        ("PERCENT", _SEVERAL_PERCENT, _several_percent),
        ("DATE", _DATE, lambda match: _date_value(match, timeline)),
        ("QUANTITY", _QUANTITY, _quantity_value),
        ("QUANTITY", _SEVERAL_QUANTITY, _several_value),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or (
                pattern is _QUANTITY and (_inside_word(text, match) or _model_number(text, match))
            ):
                continue
            if pattern is _MONEY and _rate_base(text, match):
                continue  # 1ドル=161円: a rate, whose sum is the yen
            if (
                kind == "DATE"
                and (
                    match.group("rel")
                    or match.group("nar")
                    or match.group("srel")
                    or match.group("mrel")
                )
                and _after_kanji(text, start)
            ):
                continue  # 日本年金, 将来年度, 一昨年's 昨年 alone
            taken[start:end] = b"\x01" * (end - start)
            found.append(NumericSpan(start, end, kind, value_of(match)))
    found.sort(key=lambda span: span.start)
    return found


_RATE_AFTER = regex(r"\s?(?:=|\d|[はが]約?\d|あたり|当たり)")


def _rate_base(text: str, match: re.Match[str]) -> bool:
    """One unit of a currency written before its price in another, an exchange rate's
    base: ``1ドル=161円台``, ``1ドル160円``, ``1ユーロ=170円``, ``1台湾ドルは約5円``,
    ``1ドルあたり6銭``."""
    amount = match.group("amount") or match.group("samount")
    return (
        amount in ("1", "一")
        and not match.group("low")
        and _RATE_AFTER.match(text, match.end()) is not None
    )


def _after_kanji(text: str, start: int) -> bool:
    return start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"


_LATIN_LETTER = regex("[A-Za-zＡ-Ｚａ-ｚ]")


def _model_number(text: str, match: re.Match[str]) -> bool:
    """Digits right after a Latin letter name a model or a building, not a count
    (F35機, 北上工場K2棟), but for a multiple (PBR1倍, a ratio written so)."""
    start = match.start("amount") if match.group("low") is None else match.start("low")
    return (
        start > 0
        and text[start].isdigit()
        and _LATIN_LETTER.match(text, start - 1) is not None
        and match.group("unit") != "倍"
    )


def _inside_word(text: str, match: re.Match[str]) -> bool:
    """A kanji numeral and counter that a kanji word goes on from: 六本木, 三本松."""
    end = match.end()
    return (
        match.group("amount")[0] in _KANJI_VALUE
        and end < len(text)
        and "\u4e00" <= text[end] <= "\u9fff"
    )


def parse_amount(text: str) -> float:
    """``1兆4000億`` → 1.4e12, ``3,000万`` → 3e7, ``5千万`` → 5e7, ``1.5`` → 1.5,
    ``三千五百億`` → 3.5e11."""
    if text[:1] in _KANJI_VALUE:
        return _parse_kanji(text)
    total = 0.0
    for number, units in re.findall(rf"({_NUM})([京兆億万千]*)", text):
        value = float(number.replace(",", ""))
        for unit in units:  # 5千万: 5 × 1,000 × 10,000
            value *= _KANJI_UNIT[unit]
        total += value
    return total


_KANJI_VALUE = {ch: n for n, ch in enumerate(_KANJI_DIGITS)} | {"十": 10, "百": 100, "千": 1000}


def _parse_kanji(text: str) -> float:
    """``五十億`` → 5e9, ``三千五百`` → 3500, ``二〇二五`` → 2025 (digit by digit)."""
    total = section = digits = 0
    for ch in text:
        if ch in _KANJI_UNIT and ch != "千":  # 万, 億, 兆 close a section
            total += (section + digits) * int(_KANJI_UNIT[ch])
            section = digits = 0
            continue
        value = _KANJI_VALUE[ch]
        if value >= 10:  # 十, 百, 千 multiply the digit before them (十 alone is 10)
            section += (digits or 1) * value
            digits = 0
        else:
            digits = digits * 10 + value
    return float(total + section + digits)


def _money_value(match: re.Match[str]) -> dict[str, Any]:
    if match.group("amount"):
        value = _amounts(match, _CURRENCY[match.group("cur")])
        if match.group("sen"):  # 158円40銭: sen are hundredths of a yen (of a range's top)
            value["amount_max" if "amount_max" in value else "amount"] += (
                int(match.group("sen")) / 100
            )
        return value
    amount = float(match.group("samount").replace(",", ""))
    scale = match.group("scale")
    if scale:
        amount *= _KANJI_UNIT.get(scale) or _SCALE[scale.lower()]
    return {"amount": amount, "unit": _SYMBOL[match.group("sym")]}


def _several_value(match: re.Match[str]) -> dict[str, Any]:
    """数千億円 → 2e11 to 9e11 yen; 数百社 → 200 to 900 社."""
    size = _KANJI_UNIT.get(match.group("scale"), 1.0) * _KANJI_VALUE.get(match.group("tens"), 1)
    if "cur" in match.re.groupindex:
        unit = _CURRENCY[match.group("cur")]
    else:
        unit = _UNIT_SYMBOLS.get(match.group("unit"), match.group("unit"))
    return {"amount": 2 * size, "amount_max": 9 * size, "unit": unit}


def _several_percent(match: re.Match[str]) -> dict[str, Any]:
    """数% → 2 to 9 per cent; 数十% → 20 to 90."""
    size = 10.0 if match.group("tens") else 1.0
    return {"percent": 2 * size, "percent_max": 9 * size}


def _percent_value(match: re.Match[str]) -> dict[str, Any]:
    if match.group("wari"):
        value = parse_amount(match.group("wari")) * 10
        low = parse_amount(match.group("wlow")) * 10 if match.group("wlow") else value
        return {"percent": low, "percent_max": value} if low < value else {"percent": value}
    value = float(match.group("num").replace(",", ""))
    negative = match.group("sign") in ("-", "−", "▲", "△")
    if match.group("plow"):  # 2.5〜3%: from the low end to the high; △3〜5%: -5 to -3
        low = float(match.group("plow").replace(",", ""))
        if negative:
            low, value = -value, -low
        return {"percent": low, "percent_max": value} if low < value else {"percent": value}
    return {"percent": -value if negative else value}


def _date_value(match: re.Match[str], timeline: Timeline) -> dict[str, Any] | None:
    """The date's value; one the text names with its year (not inferred) is what a date
    after it in the paragraph may be read against. A fiscal period (2026年3月期,
    2025年10〜12月期) or a part of a year (2026年上半期) names its year, not a month."""
    value = _day_after_day(match, timeline) or _date_of(match, timeline)
    if value is not None and len(value["date"]) == 10:
        timeline.recent = (match.end(), value)
    if value is not None and not value.get("year_inferred"):
        period = match.group(0).endswith("期") or any(
            match.group(part)
            for part in (
                *("rpart", "epart", "ypart", "yypart", "yyfpart", "mpart", "npart"),
                *("y1", "srel", "decade"),
            )
        )
        date = value["date"][:4] if period else value["date"]
        timeline.named(  # 2027-01-22/2027-01-23: from its first day
            int(date[:4]),
            int(date[5:7]) if len(date) >= 7 else None,
            int(date[8:10]) if len(date) >= 10 else None,
        )
    return value


# What joins two days of one span or list: 10日から12日, 10日〜12日, 10日と12日.
_DAY_JOINERS = frozenset({"から", "〜", "~", "-", "、", "と", "・", "及び", "および"})


def _day_after_day(match: re.Match[str], timeline: Timeline) -> dict[str, Any] | None:
    """A day alone right after a day the text named (``12月10日から12日まで``,
    ``10月3日と5日``): that day's month, or the month after where the day is earlier
    (``1月30日から2日``: 2 February); inferred as that day was."""
    if not match.group("do") or timeline.recent is None:
        return None
    end, before = timeline.recent
    if match.string[end : match.start()] not in _DAY_JOINERS:
        return None
    year, month, first = (int(part) for part in before["date"].split("-"))
    day = int(match.group("do"))
    if day <= first:
        year, month = divmod(year * 12 + month, 12)  # the month after
        month += 1
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    value = _through({"date": date.isoformat()}, match.group("do2")) or {}
    return value | {"year_inferred": True} if before.get("year_inferred") else value


def _date_of(match: re.Match[str], timeline: Timeline) -> dict[str, Any] | None:
    reference = timeline.reference
    if match.group("fyear"):  # FY2025, FY25: the fiscal year, as 2025年度
        year = match.group("fyear")
        return {"date": year if len(year) == 4 else f"20{year}"}
    if match.group("ky"):  # 二〇二五年十二月二十五日
        month, day = match.group("km"), match.group("kd")
        return _iso(
            str(int(_parse_kanji(match.group("ky")))).zfill(4),
            month and str(int(_parse_kanji(month))),
            day and str(int(_parse_kanji(day))),
        )
    if match.group("rel"):
        if reference is None:
            return None
        year = reference.year + _RELATIVE_YEARS[match.group("rel")]
        if match.group("rpart"):
            return _period(year, match.group("rfy"), match.group("rpart"))
        return _iso(f"{year:04d}", match.group("rm"), match.group("rd"))
    if match.group("mrel"):  # 来月中旬: the month after the article's
        if reference is None:
            return None
        month = reference.year * 12 + reference.month - 1 + _MONTH_OFFSETS[match.group("mrel")]
        return {"date": f"{month // 12:04d}-{month % 12 + 1:02d}"}
    if match.group("srel"):  # 今秋: this year's autumn; 今冬 in January, this winter
        if reference is None:
            return None
        year = reference.year + _SEASON_YEARS[match.group("srel")]
        if match.group("season") == "冬" and reference.month <= 2:
            year -= 1
        return _period(year, None, match.group("season"))
    if match.group("nar"):
        if timeline.year is None:
            return None
        year = timeline.year + _NARRATIVE_YEARS[match.group("nar")]
        if match.group("npart"):  # 同年末: the end of the year the text last named
            return _period(year, match.group("nfy"), match.group("npart"))
        return _iso(f"{year:04d}", match.group("nm"), match.group("nd"))
    if reference is not None and (match.group("md_m") or match.group("mo") or match.group("do")):
        last_day = match.group("md_d2") or match.group("do2")
        return _through(_nearest(match, reference, timeline), last_day)
    if reference is not None and match.group("r1"):  # 7〜9月期: the months before the last
        last = _nearest(match, reference)
        if last is None:
            return None
        year, end = int(last["date"][:4]), int(match.group("r2"))
        start = int(match.group("r1"))
        if not 1 <= start <= 12:
            return None
        first = f"{year - (start > end):04d}-{start:02d}"
        return {"date": f"{first}/{last['date']}", "year_inferred": True}
    if match.group("yy"):  # 26年にも, 27年度, 26年3月期, 25年末, 26年度上期
        part = match.group("yyfpart") or match.group("yypart")
        if part:
            return _period(2000 + int(match.group("yy")), match.group("yyfy"), part)
        return _iso(f"20{match.group('yy')}", match.group("yym"), None)
    if match.group("era"):
        year = match.group("eyear")
        first = _ERA_START[match.group("era")] + (1 if year == "元" else int(year))
        if match.group("epart"):
            return _period(first, match.group("efy"), match.group("epart"))
        return {"date": f"{first}"}
    if match.group("iso"):
        return _iso(match.group("iso"), match.group("im"), match.group("id"))
    if match.group("decade"):  # 2030年代: 2030/2039; 前半 its first five years
        first = int(match.group("decade"))
        first += 5 if match.group("half") == "後半" else 0
        last = first + (4 if match.group("half") else 9)
        return {"date": f"{first}/{last}"}
    if match.group("y1"):  # 2025〜26年度: an ISO 8601 interval of years
        first, last = match.group("y1"), match.group("y2")
        last = first[:2] + last if len(last) == 2 else last
        return {"date": f"{first}/{last}" if last > first else first}
    if match.group("m1"):  # 2025年10〜12月期: an ISO 8601 interval of months
        first = _iso(match.group("year"), match.group("m1"), None)
        last = _iso(match.group("year"), match.group("m2"), None)
        if first is None or last is None or first["date"] > last["date"]:
            return {"date": match.group("year")}
        return {"date": f"{first['date']}/{last['date']}"}
    if match.group("ypart"):
        return _period(int(match.group("year")), match.group("fy"), match.group("ypart"))
    if match.group("mpart"):  # 2027年3月期第2四半期: the year ending in March 2027
        last = int(match.group("month"))
        if not 1 <= last <= 12:
            return None
        return _period(int(match.group("year")), None, match.group("mpart"), last - 11)
    if match.group("year"):
        first = _iso(match.group("year"), match.group("month"), match.group("day"))
        return _through(first, match.group("day2"))
    return None


# A part of a year: its first month counted from the year's first and its length.
_PART_MONTHS = {
    "上半期": (0, 6),
    "上期": (0, 6),
    "前半": (0, 6),
    "下半期": (6, 6),
    "下期": (6, 6),
    "後半": (6, 6),
    "末": (11, 1),
    # its start and its middle as news writes them: 2026年初頭 the first quarter, 半ば
    # the middle half (April to September)
    "初め": (0, 3),
    "初頭": (0, 3),
    "半ば": (3, 6),
    # seasons as the Japan Meteorological Agency counts them: spring March to May,
    # winter December to February (2026年冬 → 2026-12/2027-02)
    "春": (2, 3),
    "夏": (5, 3),
    "秋": (8, 3),
    "冬": (11, 3),
} | {f"第{n}四半期": (3 * n - 3, 3) for n in range(1, 5)}


def _period(
    year: int, fiscal: str | None, part: str, first_month: int = 1
) -> dict[str, Any] | None:
    """The months of a part of a year, as an ISO 8601 interval (one month for 末): of
    the calendar year or of a year beginning in ``first_month`` (0 or less: of the
    year before), 2026年上半期 → 2026-01/2026-06, 2027年3月期第1四半期 →
    2026-04/2026-06, 2026年末 → 2026-12. A part of a fiscal year (``fiscal``: 年度)
    is its year alone, 2025年度下期 → 2025: a Japanese firm's 年度 mostly begins in
    April, NVIDIA's 2026年度 in February 2025."""
    if not 1 <= year <= 9999:
        return None
    if fiscal:
        return {"date": f"{year:04d}"}
    offset, length = _PART_MONTHS[part]
    start = year * 12 + first_month - 1 + offset
    end = start + length - 1
    if start < 12 or end >= 10000 * 12:  # no ISO year 0 or 10000
        return None
    first = f"{start // 12:04d}-{start % 12 + 1:02d}"
    last = f"{end // 12:04d}-{end % 12 + 1:02d}"
    return {"date": first if length == 1 else f"{first}/{last}"}


def _through(first: dict[str, Any] | None, last_day: str | None) -> dict[str, Any] | None:
    """``1月22〜23日``: the day's date as an ISO 8601 interval to ``last_day`` of its
    month; the first day alone where that day is not after it."""
    if first is None or last_day is None:
        return first
    start = dt.date.fromisoformat(first["date"])
    try:
        last = start.replace(day=int(last_day))
    except ValueError:  # 2月27〜30日
        return first
    return first | {"date": f"{start}/{last}"} if last > start else first


def _nearest(
    match: re.Match[str], reference: dt.date, timeline: Timeline | None = None
) -> dict[str, Any] | None:
    """A month and day, a month or a day without what comes before it, as the date of
    that description nearest to ``reference``: in a post of 2026-01-20, ``12月25日`` is
    2025-12-25 and ``19日`` 2026-01-19; or, where the paragraph named a year and month
    before it, no later than ``reference``, the first such date from then if it is at
    most half a year on (a story told in order: ``2025年9月に…10月には``) and on the
    side of ``reference`` its tense points to. (After a plan, ``9月に発表する予定。2月
    には``, the article's date is what a month is read against.) A day of the week
    written after a day (``1月5日（月）``) decides: the nearest such day that falls on it."""
    weekday = _WEEKDAY_AFTER.match(match.string, match.end())
    if weekday is not None and (match.group("do") or match.group("md_d")):
        on_it = [
            option
            for option in _day_options(match, reference)
            if "月火水木金土日"[option[0].weekday()] == weekday.group(1)
        ]
        if on_it:
            date = min(on_it, key=lambda option: abs((option[0] - reference).days))[0]
            return {"date": date.isoformat(), "year_inferred": True}
    tense = _tense(match.string, match.end())
    if (
        timeline is not None
        and timeline.year is not None
        and timeline.month is not None
        and (timeline.year, timeline.month) <= (reference.year, reference.month)
    ):
        after = _after(match, timeline)
        if after is not None and not (
            (tense == "past" and after > reference)
            or (tense is None and after > reference and match.group("do"))
            or (tense == "future" and after < reference)
        ):
            precision = "month" if match.group("mo") else "day"
            text = after.isoformat() if precision == "day" else after.isoformat()[:7]
            return {"date": text, "year_inferred": True}
    options = _day_options(match, reference)
    if tense is not None:  # 4月に報じた: up to the article's date; 4月に上場する予定: on
        now = (reference.year, reference.month, reference.day)

        def when(option: tuple[dt.date, str]) -> tuple[int, ...]:
            date, precision = option
            return (date.year, date.month, date.day if precision == "day" else now[2])

        if tense == "past":
            # not a month of last year far back (12月 in a post of November: the
            # coming one, 12月の利上げに含みを持たせた; news writes 昨年12月 for the other)
            options = [
                o
                for o in options
                if when(o) <= now and (o[0].year == reference.year or (reference - o[0]).days <= 92)
            ] or options
        elif tense == "future":
            options = [o for o in options if when(o) >= now] or options
        else:  # soon: ahead, at most six months on
            months = reference.year * 12 + reference.month
            options = [
                o for o in options if when(o) >= now and o[0].year * 12 + o[0].month - months <= 6
            ] or options
    if not options:
        return None

    def distance(option: tuple[dt.date, str]) -> int:
        days = (option[0] - reference).days
        # news tells of what happened: with no tense to go by, a day ahead counts double
        # (in a post of 11-28, 12日に… is 11-12, not 12-12; 3日に… is 12-03)
        return 2 * days if days > 0 and tense is None and match.group("do") else abs(days)

    date, precision = min(options, key=distance)
    text = date.isoformat() if precision == "day" else date.isoformat()[:7]
    return {"date": text, "year_inferred": True}


# A day of the week in brackets after a date: 1月5日（月）, 12月3日(水・祝).
_WEEKDAY_AFTER = regex(r" ?[(（]([月火水木金土日])(?:曜日?)?(?:[・･][祝休]日?)?[)）]")


def _day_options(match: re.Match[str], reference: dt.date) -> list[tuple[dt.date, str]]:
    """The dates ``match`` may name near ``reference``: a day in this month, the month
    before or the month after; a month (and day) in this year, the one before or after."""
    options: list[tuple[dt.date, str]] = []
    if match.group("do"):
        day = int(match.group("do"))
        for shift in (-1, 0, 1):
            year, month = divmod(reference.year * 12 + reference.month - 1 + shift, 12)
            options += _valid(year, month + 1, day, "day")
    else:
        month = int(match.group("md_m") or match.group("mo") or match.group("r2"))
        day = int(match.group("md_d") or 0)
        for year in (reference.year - 1, reference.year, reference.year + 1):
            options += _valid(year, month, day, "day" if day else "month")
    return options


def _after(match: re.Match[str], timeline: Timeline) -> dt.date | None:
    """The first date on or after the timeline's that ``match`` (a month, a month and
    day, or a day, which needs a day named before it) describes, if at most half a year
    on: a month is read as its first day."""
    assert timeline.year is not None and timeline.month is not None
    try:
        since = dt.date(timeline.year, timeline.month, timeline.day or 1)
    except ValueError:  # 0000年1月 is no date
        return None
    candidates: list[tuple[int, int, int]] = []
    if match.group("do"):
        if timeline.day is None:
            return None
        for shift in (0, 1):  # this month or the next
            year, month = divmod(since.year * 12 + since.month - 1 + shift, 12)
            candidates.append((year, month + 1, int(match.group("do"))))
    else:
        month = int(match.group("md_m") or match.group("mo"))
        candidates.append(
            (since.year + (month < since.month), month, int(match.group("md_d") or 1))
        )
    for year, month, day in candidates:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date >= since or (match.group("mo") and (year, month) == (since.year, since.month)):
            return date if (date - since).days <= 183 else None
    return None


# After a date, a plan or forecast (4月に上場する予定) points forward; 以来 (1月以来) or
# a verb in the past tense before the clause ends (4月に報じた, 4月に開幕した万博も) back.
# A plan's or forecast's word after a noun is what the date's verb acts on: 10月に業績
# 予想を下方修正した, 4月に計画を発表した (past), not after a verb, の or と.
_FUTURE = regex(
    r"[^。、\d]{0,12}?(?:(?<=[うくぐすつぬぶむるのと])(?:予定|見通し|見込み|計画|方針|目標|予想)"
    r"|見込[むんま]|めど|目指)"
)
_PAST = regex(r"以来|[^。、]*?た(?![ぁ-ゖ])")
# A verb in the non-past that ends the sentence, no comma before it: what is to come
# (12月に開催される。), within half a year (news writes 来年10月 for a later one), or a
# story told in the present (2019年に設立。翌年3月に上場する。), not a clause that goes on.
_NON_PAST_END = regex(r"[^。、!?！？\n]{0,24}?(?:[うくぐすつぬぶむる]|ます)(?:。|$|\n)")


def _tense(text: str, end: int) -> str | None:
    if _FUTURE.match(text, end):
        return "future"
    if _PAST.match(text, end):
        return "past"
    if _NON_PAST_END.match(text, end):
        return "soon"  # ahead, if not far: news writes 来年10月 for a later one
    return None


def _valid(year: int, month: int, day: int, precision: str) -> list[tuple[dt.date, str]]:
    try:
        return [(dt.date(year, month, day or 15), precision)]  # a month: its middle
    except ValueError:
        return []


def _iso(year: str, month: str | None, day: str | None) -> dict[str, Any] | None:
    if not 1 <= int(year) <= 9999:  # 0000年, or 9999年 and 翌年: no ISO year
        return None
    if month is None:
        return {"date": year}
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return {"date": f"{year}-{m:02d}"}
    try:  # 2月30日 is no date
        return {"date": dt.date(int(year), m, int(day)).isoformat()}
    except ValueError:
        return None


def _quantity_value(match: re.Match[str]) -> dict[str, Any]:
    unit = match.group("unit")
    return _amounts(match, _UNIT_SYMBOLS.get(unit, unit))


def _amounts(match: re.Match[str], unit: str) -> dict[str, Any]:
    """The amount, or a range's ``amount`` to ``amount_max``: 1兆8000億〜2兆円,
    800万〜1000万台; in 3〜5億円 the 億 is the low end's too."""
    amount = parse_amount(match.group("amount"))
    low = match.group("low")
    if low:
        scale = _KANJI_UNIT.get(match.group("amount")[-1], 1.0)
        low_amount = parse_amount(low) * (1.0 if low[-1] in _KANJI_UNIT else scale)
        if low_amount < amount:
            return {"amount": low_amount, "amount_max": amount, "unit": unit}
    return {"amount": amount, "unit": unit}
