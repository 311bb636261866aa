"""Keyphrases an editor would tag or index an article by.

1. Candidates: compound nouns from the token stream (noun chains with prefixes
   and noun-like suffixes; Latin words joined across one space and digits or
   hyphens inside a Latin name, so ``NVIDIA GB300 NVL72`` and ``GPT-5`` stay
   whole), and every shorter chain inside them (``AIインフラ`` inside
   ``フルスタックAIインフラ``), up to six tokens; ``AのB`` phrases that name an
   action on a concept (``AIの民主化``). Numbers, counters and the empty nouns
   of ``corpus/lexicons/stopwords.tsv`` are left out.
2. Features of each candidate in its article: how often it occurs, alone and
   inside longer chains; how often it is only ever part of one longer chain
   (a fragment); inverse document frequency from a background corpus
   (``analyzer/models/idf.json``); how productive its component nouns are in the
   article's compounds (TermExtract's FLR); where it occurs (title, excerpt,
   headings, bold, the lead paragraph; first and last position); whether the front
   matter tags it (or another name of it); whether the entity stage found it named;
   its shape (length, script, proper noun, known name, generic term).
3. A logistic regression over those features, trained on our gold set
   (``corpus/gold/keywords.json``, ``make train-keywords``) and shipped as plain
   weights (``analyzer/models/keywords.json``): a keyphrase's score is its
   probability of being one an editor chose, comparable across articles.
4. Redundancy control: one phrase per concept (spelling variants, aliases from
   the gazetteer, ``AIインフラ``/``AIインフラストラクチャ``), and no phrase next
   to its own fragment unless both also occur on their own.
"""

from __future__ import annotations

import bisect
import math
import operator
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from analyzer.entities import (
    COUNTRY_KANJI,
    DESCRIPTORS,
    JAPANESE_CHAR,
    NUMERIC_TYPES,
    RELATIONS,
    TITLE_PREFIXES,
    TITLES,
    english_heading,
    gazetteer,
    generic_terms,
    spelled_out,
)
from analyzer.reader import Document
from analyzer.resources import lexicon_lines, read_model
from analyzer.result import Entity, Keyword
from analyzer.startup import regex
from analyzer.tokenizer import Token

MAX_TOKENS = 6
MAX_CHARS = 32
_STANDS_ALONE = 2  # occurrences outside any longer candidate that make a phrase stand alone
_LEAD_BLOCKS = 1  # body paragraphs that count as the lead
_KATAKANA = regex(r"[\u30a0-\u30ff]+")
# A question's or answer's number (Q1, A3), a FAQ's label (keys are lower case)
_QA_LABEL = regex(r"[qa][0-9]{1,2}")
# What may end a name after a compound stopped: katakana, or digits (鉄拳|8)
_NAME_TAIL = regex(r"[\u30a0-\u30ff]+|[0-9]+(?![0-9.,])")
_DROP = str.maketrans("", "", " ・·")
_TAG = frozenset({"tag"})
_NAMED = frozenset({"entity"})
_KEPT = _TAG | _NAMED  # an English heading's words that are a subject all the same


def normalize(text: str) -> str:
    """The matching key of a phrase: NFKC, lower case, no spaces or middle dots."""
    return unicodedata.normalize("NFKC", text).lower().translate(_DROP)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(normalize(row[0]) for row in lexicon_lines("stopwords.tsv"))


@dataclass(slots=True)
class Candidate:
    """One keyphrase candidate of an article, with what the features need."""

    key: str
    forms: dict[str, int] = field(default_factory=dict)
    count: int = 0  # occurrences, alone or inside longer chains
    standalone: int = 0  # occurrences as a whole compound
    first: int = -1  # analysis-text offset of the first occurrence
    last: int = -1
    # One shared set for the zones of a sentence (most have none), not one per candidate.
    zones: frozenset[str] = frozenset()
    components: tuple[str, ...] = ()  # the normalised surfaces of its tokens
    proper: bool = False
    phrase: bool = False  # an AのB phrase
    in_prose: bool = False  # said in a sentence other than an English heading
    extensions: dict[str, int] = field(default_factory=dict)  # one token longer → count

    @property
    def text(self) -> str:
        """The form the article uses most (the earliest on a tie)."""
        return max(self.forms, key=self.forms.__getitem__)


# --- candidates ----------------------------------------------------------------------


def _is_english_word(token: Token) -> bool:
    surface = token.surface
    return surface.isascii() and surface.isalpha() and surface.islower()


def _is_latin(token: Token) -> bool:
    """A Latin name or model number (``NVIDIA``, ``iPhone``, ``GB300``); lower-case words
    (``raised``, ``their``) are English prose, not names."""
    surface = token.surface
    return surface.isascii() and any(c.isalpha() for c in surface) and not _is_english_word(token)


def _is_number(token: Token) -> bool:
    return token.pos[1] == "数詞"


def _is_content(token: Token) -> bool:
    pos = token.pos
    return (pos[0] == "名詞" and pos[1] != "数詞") or (token.unknown and _is_latin(token))


# Formal nouns in hiragana, never part of a compound (感謝祭の|ため|米国市場は休場).
_FORMAL_NOUNS = frozenset(
    [
        "ため",
        "こと",
        "もの",
        "よう",
        "ところ",
        "とき",
        "わけ",
        "はず",
        "まま",
        "つもり",
        "おかげ",
        "せい",
        "たび",
        "ほう",
        "ほか",
    ]
)


def _is_part(token: Token, run: list[Token]) -> bool:
    pos = token.pos
    if (  # Pixel 10|a, iPhone 17|e, GPT-4|o: a model's letter glued to its number (not
        # "a", a word)
        len(run) >= 2
        and _model_letter(token)
        and _is_number(run[-1])
        and run[-1].end == token.start
        and (_is_latin(run[-2]) or run[-2].surface == "-")
    ):
        return True
    if _is_english_word(token) or token.surface in _FORMAL_NOUNS:
        return False
    if pos[0] == "名詞":
        return pos[1] != "数詞" or (
            (bool(run) and _is_latin(run[-1])) or _is_hyphen(run) or _version_point(run)
        )
    if pos[0] == "接頭辞":
        return True
    if pos[0] == "接尾辞":  # not one in hiragana: 石破首相|とも|会談, 孫|さん
        return pos[1] == "名詞的" and bool(run) and not _all_hiragana(token.surface)
    if token.surface in ("-", ".") and run and _is_latin(run[-1]):
        return True
    if (  # GPT-5.1, Claude 3.5: a version's point after a model's number
        token.surface == "."
        and len(run) >= 2
        and _is_number(run[-1])
        and (_is_latin(run[-2]) or run[-2].surface == "-")
    ):
        return True
    if token.surface in ("・", "&") and run:  # ゴールドマン・サックス, セブン&アイ
        return True
    if (  # アフォ|ー|ダブル: a long vowel MeCab read as a symbol, inside the katakana word
        token.surface == "ー"
        and run
        and run[-1].end == token.start
        and _KATAKANA.fullmatch(run[-1].surface) is not None
    ):
        return True
    if pos[0] == "形状詞":  # フル in フルスタック
        return _KATAKANA.fullmatch(token.surface) is not None
    return token.unknown and _is_latin(token)


def _latin_colon(tokens: Sequence[Token], k: int) -> bool:
    """One or two Latin letters, a colon and a Latin word, glued (``re:Invent``,
    ``J:COM``): one name, as the entity stage reads it; the letters and the colon are
    part of it (``re`` alone is an English word, no part of a compound). Not a label's
    colon (``Q:``, ``VOO:迷ったら``)."""
    if tokens[k].surface == ":":
        k -= 1
    if not 0 <= k < len(tokens) - 2:
        return False
    letters, colon, word = tokens[k], tokens[k + 1], tokens[k + 2]
    return (
        colon.surface == ":"
        and letters.end == colon.start
        and colon.end == word.start
        and letters.surface.isascii()
        and letters.surface.isalpha()
        and len(letters.surface) <= 2
        and _is_latin(word)
        and len(word.surface) >= 3
    )


def _all_hiragana(text: str) -> bool:
    return all("\u3041" <= ch <= "\u309f" for ch in text)


def _modifies(token: Token, run: list[Token], after: Token | None) -> bool:
    """An adjectival noun in kanji (``重要|鉱物``, ``特定|重要|物資``) or ``的`` after a
    noun (``能動|的|サイバー|防御``) glued to the noun after it: part of the compound,
    which it would otherwise cut in two (``鉱物`` and ``サイバー防御`` alone)."""
    if after is None or after.start != token.end or after.pos[1] == "数詞":
        return False
    if after.pos[0] != "名詞" and not (  # 能動|的|サイバー: katakana MeCab reads adjectival
        after.pos[0] == "形状詞" and _KATAKANA.fullmatch(after.surface) is not None
    ):
        return False
    if token.pos[0] == "形状詞":
        return all("\u4e00" <= ch <= "\u9fff" for ch in token.surface)
    return token.surface == "的" and token.pos[0] == "接尾辞" and bool(run)


def _split_katakana(token: Token, after: Token | None) -> bool:
    """``ウー|ブン・バイ・トヨタ``, ``ア|リーン``: katakana MeCab read as a filler, an
    interjection or a symbol right before a katakana noun is the start of that word, not a
    word of its own."""
    return (
        after is not None
        and after.start == token.end
        and after.pos[0] == "名詞"
        and token.pos[0] in ("感動詞", "副詞", "連体詞", "接続詞", "記号")  # ア|リーン
        and _KATAKANA.fullmatch(token.surface) is not None
        and _KATAKANA.fullmatch(after.surface) is not None
    )


def _is_counter_of(token: Token, previous: Token | None) -> bool:
    """``社`` in ``230社``, or ``年上`` in MeCab's ``2026|年上|半期``: what sticks to a number
    is its counter, not the start of a keyword."""
    return previous is not None and _is_number(previous) and previous.end == token.start


def _list_dot(tokens: Sequence[Token], k: int) -> bool:
    """A middle dot between two listed names separates a list (``マツダ・スバル``), the
    second ending its word (not ``ソニー・ホンダ|モビリティ``, one firm's name)."""
    if tokens[k].surface != "・" or not 0 < k < len(tokens) - 1:
        return False
    known = _known_names()
    if not (tokens[k - 1].surface.lower() in known and tokens[k + 1].surface.lower() in known):
        return False
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    return after is None or after.start != tokens[k + 1].end or after.pos[0] != "名詞"


def _is_hyphen(run: list[Token]) -> bool:
    return bool(run) and run[-1].surface == "-"


def _version_point(run: list[Token]) -> bool:
    """Whether ``run`` ends in a model's number and a point (``GPT-5.``)."""
    return len(run) >= 2 and run[-1].surface == "." and _is_number(run[-2])


def _joins(text: str, left: Token, right: Token, after: Token | None) -> bool:
    """Adjacent tokens join; Latin words also join across one space, and so does a
    model number after one (``Switch 2``, ``PlayStation 5``) that no counter or
    noun follows (not ``Apple 3社``) but a word for what is made for or of the model
    (``Switch 2版``, ``Switch 2向け``) or its letter (``Pixel 10a``)."""
    if left.end == right.start:
        return True
    gap = text[left.end : right.start]
    if gap != " " or not (left.surface.isascii() and left.surface.isalnum()):
        return False
    if _is_latin(right):
        return True
    return (
        _is_number(right)
        and right.surface.isdigit()
        and len(right.surface) <= 4
        and not (
            after is not None
            and after.start == right.end
            and after.pos[0] in _NOUNS
            and after.surface not in _FOR_MODEL
            and not _model_letter(after)
        )
    )


def _model_letter(token: Token) -> bool:
    """One Latin letter, as a model's number ends in (``Pixel 10|a``, ``iPhone 17|e``)."""
    return len(token.surface) == 1 and token.surface.isascii() and token.surface.isalpha()


# What is made for or of a model (Switch 2|向け, Switch 2|版), after its number
_FOR_MODEL = frozenset({"向け", "版", "用", "専用", "対応"})


# Words of a title before its last (チーフ|マーケット|エコノミスト, 上席|エコノミスト).
_TITLE_WORDS = frozenset(TITLE_PREFIXES)
# Inside a compound, never at its ends; 兼 joins two titles (社長兼CEO).
_JOINERS = ("-", ".", "・", "&", "兼", ":")


def _may_start(token: Token) -> bool:
    return not (_is_number(token) or token.surface in _JOINERS or token.pos[0] == "接尾辞")


# What makes a number the start of a term rather than a quantity: a generation, a
# resolution or a dimension (5G, 4K, 3D), a chip's process node (2ナノ, 3nm).
_NUMBERED_HEADS = frozenset({"g", "k", "d", "ナノ", "nm"})


def _numbered(tokens: Sequence[Token], k: int) -> bool:
    """Whether the number ``tokens[k]`` starts a term: a short number and one of
    ``_NUMBERED_HEADS`` (``5G``, ``4K``, ``3D``, ``2ナノ``, not ``45W`` or ``10GB``), or
    a year and ``年問題`` (``物流の2024年問題``)."""
    number = tokens[k].surface
    if not number.isdigit() or k + 1 >= len(tokens) or tokens[k + 1].start != tokens[k].end:
        return False
    head = tokens[k + 1].surface
    if len(number) <= 2 and head.lower() in _NUMBERED_HEADS:
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        # the head ends the word: not one running on into Latin letters or digits (3D2)
        return after is None or after.start != tokens[k + 1].end or not after.surface.isascii()
    return (
        len(number) == 4
        and head == "年"
        and k + 2 < len(tokens)
        and tokens[k + 2].surface == "問題"
        and tokens[k + 2].start == tokens[k + 1].end
    )


# When, relative to something (決算発表|後, 開発|中): the thing is the keyphrase.
_WHEN_AFTER = frozenset({"後", "前", "中", "時", "以降", "以来", "直後", "直前", "頃"})


# Words the words before them are the keyphrase of: what a post's heading or label calls
# itself (ポイントまとめ, 決算速報), what a firm is to the name before it (Alphabet|傘下)
# and what is related to a field (生成AI|関連の企業; 関連 inside a chain stays: AI関連銘柄),
# or what something goes through (Vertex AI|経由で).
_NEVER_LAST = frozenset({"まとめ", "速報", "傘下", "関連", "経由"})


def _may_end(token: Token) -> bool:
    """A keyphrase does not end in a prefix, a hyphen, a title (``社長``, ``CEO``: the
    name before it is the keyphrase), a word of time after a noun (``決算発表後``), a
    post's label for itself (``ポイントまとめ``), ``傘下`` (``Alphabet傘下``) or
    ``関連`` (``生成AI関連``)."""
    return (
        token.pos[0] not in ("接頭辞", "形状詞")
        and token.surface not in _JOINERS
        and token.surface not in TITLES
        and token.surface not in _NEVER_LAST
        and not (token.pos[0] == "接尾辞" and token.surface in _WHEN_AFTER)
    )


def _after_full_name(tokens: Sequence[Token], i: int, j: int) -> int:
    """The end of the last surname and given name (UniDic's 人名-姓, 人名-名) in
    tokens[i:j] that a title's first word follows, else ``j``: the words between that
    and the title are the title's field (山本|雅文|チーフ|為替|・|外債|ストラテジスト);
    not a name's last kanji split off (赤沢|亮|正), nor a surname that starts a firm's
    name (松下|電器|社長)."""
    for k in range(j - 2, i, -1):
        if (
            tokens[k].pos[2:4] == ("人名", "名")
            and tokens[k - 1].pos[2:4] == ("人名", "姓")
            and tokens[k + 1].surface in _TITLE_WORDS
        ):
            return k + 1
    return j


def _listed_firm(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` spell a company of the gazetteer (``テスラ``, ``アップル``)."""
    return gazetteer().types.get(normalize("".join(t.surface for t in tokens))) == "COMPANY"


def _country_prefix(tokens: Sequence[Token], i: int, j: int) -> bool:
    """``米`` of ``米Google``, ``独SAP``: a country's one-kanji prefix before a foreign
    name is news style, not part of the name."""
    return (
        i + 1 < j
        and tokens[i].surface in COUNTRY_KANJI
        and tokens[i + 1].start == tokens[i].end
        and _FOREIGN_START.match(tokens[i + 1].surface) is not None
    )


_NOUNS = ("名詞", "接尾辞")
_FOREIGN_START = regex(r"[A-Za-z\u30a1-\u30fa]")


def compound_runs(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of the compound nouns (maximal noun chains) of one
    sentence's tokens; ``text`` is the text the token offsets index."""
    runs: list[tuple[int, int]] = []
    start = -1  # index of the run's first token, -1 when no run is open

    def close(end: int) -> None:
        i, j = start, end
        titled = False
        for n in (4, 3, 2):  # a title MeCab cuts in words: 財務|相, 経済|再生|担当|相
            if j - n > i and "".join(t.surface for t in tokens[j - n : j]) in TITLES:
                j -= n
                titled = True
                break
        while j > i and not _may_end(tokens[j - 1]):
            titled = titled or tokens[j - 1].surface in TITLES
            j -= 1
        if j - i >= 2 and tokens[j - 1].surface == "株" and _listed_firm(tokens[i : j - 1]):
            j -= 1  # テスラ|株: the firm is the keyphrase (not 米国株 or 銀行株, kinds of share)
        # 上野泰也|チーフ|マーケット|エコノミスト: the words of the title go with it
        while titled and j > i + 1 and tokens[j - 1].surface in _TITLE_WORDS:
            j -= 1
        if titled:  # 山本|雅文|チーフ|為替|・|外債|ストラテジスト: the person, not the field
            j = _after_full_name(tokens, i, j)
        while i < j and (
            not (_may_start(tokens[i]) or _numbered(tokens, i)) or _country_prefix(tokens, i, j)
        ):
            i += 1
        if i < j and any(_is_content(tokens[k]) for k in range(i, j)):
            runs.append((i, j))

    run: list[Token] = []
    previous: Token | None = None
    counted = False  # the previous token was a number's counter
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if run and (not _joins(text, run[-1], token, after) or _after_descriptor(run, token)):
            close(k)
            run.clear()
        # 9|月|期|決算: a one-character noun goes on with the counter (月期, 年度).
        counter = not run and (
            _is_counter_of(token, previous)
            or (
                counted
                and previous is not None
                and previous.end == token.start
                and len(token.surface) == 1
                and token.pos[0] == "名詞"
            )
        )
        counted = counter
        if not run and _is_number(token) and _numbered(tokens, k):
            start = k  # 5G, 2ナノ, 2024年問題: the number starts the term
            run.append(token)
        elif len(run) == 1 and _is_number(run[0]) and start == k - 1:
            run.append(token)  # its head (nm of 3nm is no English word here)
        elif (
            (
                _is_part(token, run)
                or _split_katakana(token, after)
                or _modifies(token, run, after)
                or _latin_colon(tokens, k)
            )
            and not counter
            and not _list_dot(tokens, k)
        ):
            if not run:
                start = k
            run.append(token)
        elif run:
            close(k)
            run.clear()
        previous = token
    if run:
        close(len(tokens))
    return runs


# Words a kind of firm ends in (調査会社, 投資ファンド, IT企業), before the firm's name.
_KINDS_OF_FIRM = frozenset({"会社", "企業", "ファンド"})
_LEGAL_FORM_STARTS = frozenset({"株式", "有限", "合同", "合資", "合名"})


def _after_descriptor(run: list[Token], token: Token) -> bool:
    """Whether ``token`` starts a name right after a description ending ``run``
    (``ノンバンク大手|シュリラム・ファイナンス``, ``子会社|Nintendo``): the name is a
    phrase of its own, as the entity stage reads it."""
    return (
        (len(run) >= 2 and run[-1].surface in DESCRIPTORS)
        or "".join(t.surface for t in run[-3:]).endswith(RELATIONS)
        or (  # 調査会社|トレンドフォース: a kind of firm, then its katakana name
            len(run) >= 2
            and run[-1].surface in _KINDS_OF_FIRM
            and run[-2].surface not in _LEGAL_FORM_STARTS  # 株式会社エフエム東京 is one
            and _KATAKANA.fullmatch(token.surface) is not None
        )
    ) and (
        token.pos[1] == "固有名詞"
        or token.unknown
        or _FOREIGN_START.match(token.surface) is not None
    )


def _one_letter_and_suffix(noun: Token, suffix: Token) -> bool:
    """A one-letter common noun and a suffix (``人向け``, ``国別``): a phrase's tail."""
    return len(noun.surface) == 1 and noun.pos[1] == "普通名詞" and suffix.pos[0] == "接尾辞"


def sub_ranges(tokens: Sequence[Token], i: int, j: int) -> Iterator[tuple[int, int]]:
    """The token ranges inside the compound [i, j) that may be keyphrases: they start
    and end where a compound may, hold a noun, and are at most ``MAX_TOKENS`` long."""
    run = tokens[i:j]
    ends = [_may_end(t) for t in run]
    nouns = [_is_content(t) for t in run]
    head = -1  # the index in run of a term's head (G of 5G), which starts nothing
    for a, token in enumerate(run):
        if _is_number(token) and _numbered(tokens, i + a):
            head = a + 1
        elif not _may_start(token) or a == head:
            continue
        content = False
        for b in range(a, min(j - i, a + MAX_TOKENS)):
            content = content or nouns[b]
            if content and ends[b]:
                yield i + a, i + b + 1


def _is_action(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether the compound [i, j) names an action or change (``民主化``, ``導入``)."""
    last = tokens[j - 1]
    return j - i <= 3 and (last.pos[2] == "サ変可能" or last.surface == "化")


def _spaced_names(
    text: str, tokens: Sequence[Token], runs: list[tuple[int, int]], named: frozenset[str]
) -> list[tuple[int, int]]:
    """Compounds a space apart joined where the entity stage found them one name
    (``ノボ ノルディスク``, ``パナソニック エナジー``, ``ポケモン レジェンズ Z-A``: two or
    three keyphrases, ``ノルディスク`` or ``Z-A`` ranked alone, where Latin words a space
    apart join anyway): the longest such name of up to five compounds from each."""
    out = []
    k = 0
    while k < len(runs):
        a, _ = runs[k]
        best = m = k
        while m + 1 < len(runs) and m - k < 4:
            end, start = runs[m][1], runs[m + 1][0]
            if end != start or text[tokens[end - 1].end : tokens[start].start] != " ":
                break
            m += 1
            if normalize(text[tokens[a].start : tokens[runs[m][1] - 1].end]) in named:
                best = m
        out.append((a, runs[best][1]))
        k = best + 1
    return out


def _hyphened_names(
    text: str, tokens: Sequence[Token], runs: list[tuple[int, int]], named: frozenset[str]
) -> list[tuple[int, int]]:
    """Compounds that take in a Latin word and a hyphen or a dot before or after them,
    MeCab's tokens of their own, where the entity stage found the whole one name
    (``e-Tax``, ``Next.js``: else ``Tax`` or ``Next`` alone)."""

    def joins(a: int, b: int) -> bool:  # tokens a (a Latin word), b (its joint) glued on
        return (
            0 <= a < len(tokens)
            and tokens[b].surface in ("-", ".")
            and tokens[a].surface.isascii()
            and tokens[a].surface.isalnum()
            and (tokens[a].end == tokens[b].start if a < b else tokens[b].end == tokens[a].start)
        )

    out: list[tuple[int, int]] = []
    for i, j in runs:
        if out and i < out[-1][1]:
            continue  # taken in by the compound before
        if (
            i >= 2
            and tokens[i - 1].end == tokens[i].start
            and joins(i - 2, i - 1)
            and normalize(text[tokens[i - 2].start : tokens[j - 1].end]) in named
        ):
            if out and out[-1] == (i - 2, i - 1):
                out.pop()  # the word alone was a compound of its own
            if not out or out[-1][1] <= i - 2:
                i -= 2
        if (
            j + 1 < len(tokens)
            and tokens[j - 1].end == tokens[j].start
            and joins(j + 1, j)
            and normalize(text[tokens[i].start : tokens[j + 1].end]) in named
        ):
            j += 2
        out.append((i, j))
    return out


# A kanji numeral, which MeCab reads as a number inside a firm's name (第|一|生命,
# 八十|二|銀行, 第|一|三共), where no compound starts or goes on.
_KANJI_NUMERAL = regex("[一二三四五六七八九十百千]")


def _numbered_names(
    tokens: Sequence[Token], runs: list[tuple[int, int]], numbered: frozenset[str]
) -> list[tuple[int, int]]:
    """Compounds that take in the numbers before them where the entity stage found the
    whole one name (``第一生命ホールディングス``, ``八十二銀行``: otherwise ``ホールディングス``
    and ``銀行`` alone): the longest such name of up to eight tokens from each number
    or ``第``, with the compounds it overlaps."""
    keys = [t.surface.lower().translate(_DROP) for t in tokens]
    out = list(runs)
    for i, token in enumerate(tokens):
        if token.pos[1] != "数詞" and token.surface != "第":
            continue
        best = 0
        for j in range(i + 1, min(i + 8, len(tokens)) + 1):
            if j > i + 1 and tokens[j - 2].end != tokens[j - 1].start:  # glued
                break
            if "".join(keys[i:j]) in numbered:
                best = j
        if best:
            inside = [(a, b) for a, b in out if a < best and i < b]
            end = max([best, *(b for _, b in inside)])
            out = [run for run in out if run not in inside] + [
                (min([i, *(a for a, _ in inside)]), end)
            ]
    return sorted(out)


def candidates(
    doc: Document, sentences: Sequence[Sequence[Token]], named: frozenset[str] = frozenset()
) -> dict[str, Candidate]:
    """Every keyphrase candidate of the article, by key; ``named`` holds the keys of
    what the entity stage found named in it (``entity_keys``)."""
    stop = stopwords()
    text = doc.text
    found: dict[str, Candidate] = {}
    zone_of = _zones(doc)
    bold = sorted((e.start, e.end) for e in doc.emphasis)
    bold_starts = [x for x, _ in bold]
    numbered = frozenset(key for key in named if _KANJI_NUMERAL.search(key))
    for sentence, tokens in zip(doc.sentences, sentences, strict=True):
        if sentence.zone == "disclaimer":  # 本記事は投資助言ではありません: boilerplate
            continue
        zones = zone_of(sentence.start, sentence.zone)
        runs = compound_runs(text, tokens)
        if not runs:
            continue
        if named and len(runs) > 1:
            runs = _spaced_names(text, tokens, runs, named)
        if named and any(joint in text[sentence.start : sentence.end] for joint in "-."):
            runs = _hyphened_names(text, tokens, runs, named)
        if numbered:
            runs = _numbered_names(tokens, runs, numbered)
        prose = not english_heading(text, sentence.start, sentence.end, sentence.zone)
        # The analysis text is NFKC already: a key is its tokens' keys joined.
        keys = [t.surface.lower().translate(_DROP) for t in tokens]
        proper = [t.pos[1] == "固有名詞" for t in tokens]
        for i, j in runs:
            ranges = list(sub_ranges(tokens, i, j))
            # a stopword of several tokens (過去|最高, 前年|同期|比) gives no fragments either
            empty = [(a, b) for a, b in ranges if b - a > 1 and "".join(keys[a:b]) in stop]
            for a, b in ranges:
                key = "".join(keys[a:b])
                start, end = tokens[a].start, tokens[b - 1].end
                if (
                    b == j
                    and named
                    and (tail := _NAME_TAIL.match(text, end)) is not None
                    and (whole := key + tail.group().lower()) in named
                ):  # エンハー|ツ|は: MeCab cut a name the entity stage found, the name's;
                    # ストリートファイター|6: a number the compound stopped at, the name's
                    key, end = whole, tail.end()
                if len(key) < 2 or end - start > MAX_CHARS or key in stop:
                    continue
                if _QA_LABEL.fullmatch(key) is not None:  # **Q1. …**: a FAQ's numbering
                    continue
                if empty and any(x <= a and b <= y for x, y in empty):
                    continue
                if b - a == 2 and _one_letter_and_suffix(tokens[a], tokens[a + 1]):
                    continue  # 人|向け, 国|別: no subject of its own
                form = text[start:end]
                candidate = found.get(key)
                if candidate is None:
                    candidate = Candidate(
                        key, first=start, components=tuple(keys[a:b]), zones=zones
                    )
                    found[key] = candidate
                elif not zones <= candidate.zones:
                    candidate.zones |= zones
                candidate.count += 1
                if prose:
                    candidate.in_prose = True
                if a == i and b == j:
                    candidate.standalone += 1
                forms = candidate.forms
                forms[form] = forms.get(form, 0) + 1
                candidate.last = start
                if bold:
                    k = bisect.bisect_right(bold_starts, start) - 1
                    if k >= 0 and end <= bold[k][1] and "bold" not in candidate.zones:
                        candidate.zones |= _BOLD
                if not candidate.proper and any(proper[a:b]):
                    candidate.proper = True
                extensions = candidate.extensions
                if a > i and b - a < MAX_TOKENS:
                    extension = keys[a - 1] + key
                    extensions[extension] = extensions.get(extension, 0) + 1
                if b < j and b - a < MAX_TOKENS:
                    extension = key + keys[b]
                    extensions[extension] = extensions.get(extension, 0) + 1
        _phrases(text, tokens, runs, zones, found)
    if doc.meta.tags:  # what the writer tagged the post with
        aliases = gazetteer().canonical
        tagged = {normalize(tag) for tag in doc.meta.tags if tag.strip()}
        tagged |= {aliases[t] for t in tagged if t in aliases}
        for key, candidate in found.items():
            if key in tagged or _concept(key, aliases) in tagged:
                candidate.zones = candidate.zones | _TAG
    for key in named & found.keys():  # a name the entity stage found
        found[key].zones = found[key].zones | _NAMED
    if JAPANESE_CHAR.search(text):  # ## Key Takeaways, ## Step 1 in a post in Japanese
        for key, candidate in list(found.items()):
            if not (candidate.in_prose or candidate.zones & _KEPT or JAPANESE_CHAR.search(key)):
                del found[key]
    return found


def entity_keys(doc: Document, entities: Iterable[Entity]) -> frozenset[str]:
    """The keys of the names the entity stage found in ``doc``: each entity's name and
    every spelling of it the article uses (numbers, dates and amounts aside)."""
    source = doc.source_text
    return frozenset(
        normalize(name)
        for entity in entities
        if entity.type not in NUMERIC_TYPES
        for name in (entity.text, *(source[m.start : m.end] for m in entity.mentions))
    )


def concept_aliases(doc: Document, entities: Iterable[Entity]) -> dict[str, str]:
    """The gazetteer's aliases (``gazetteer().canonical``) and, for what it does not list,
    every spelling of one entity the entity stage found mapped to its name, so that
    names it grouped are one concept (``日本政府観光局（JNTO）``: not both listed), and a
    term's short form in brackets after it mapped to the term."""
    listed = gazetteer().canonical
    source = doc.source_text
    extra: dict[str, str] = {}
    for entity in entities:
        if entity.type in NUMERIC_TYPES or len(entity.mentions) < 2:
            continue
        head = normalize(entity.text)
        head = listed.get(head, head)
        for mention in entity.mentions:
            key = normalize(source[mention.start : mention.end])
            if key != head and key not in listed:
                extra[key] = head
    for pair in _TERM_AND_SHORT.finditer(doc.text):  # 積層セラミックコンデンサー（MLCC）
        short, term = normalize(pair["short"]), normalize(pair["term"])
        if all(key not in listed and key not in extra for key in (short, term)):
            extra[short] = term  # not named already (an entity's names map to its own)
    return {**listed, **extra} if extra else listed


# A term in katakana or kanji and its short form in Latin capitals in brackets right
# after it: one concept (積層セラミックコンデンサー（MLCC）, not both keyphrases)
_TERM_AND_SHORT = regex(
    r"(?P<term>[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{3,20})[(（](?P<short>[A-Z][A-Z0-9]{1,7})[)）]"
)


def _phrases(
    text: str,
    tokens: Sequence[Token],
    runs: list[tuple[int, int]],
    zones: frozenset[str],
    found: dict[str, Candidate],
) -> None:
    """``AのB`` phrases: a compound, の, and a short compound naming an action."""
    for (i, j), (k, m) in pairwise(runs):
        if k != j + 1 or tokens[j].surface != "の" or not _is_action(tokens, k, m):
            continue
        start, end = tokens[i].start, tokens[m - 1].end
        form = text[start:end]
        if len(form) > MAX_CHARS:
            continue
        key = normalize(form)
        candidate = found.get(key)
        if candidate is None:
            components = tuple(normalize(t.surface) for t in tokens[i:m] if t.surface != "の")
            candidate = found[key] = Candidate(key, first=start, components=components)
            candidate.phrase = True
        candidate.count += 1
        candidate.standalone += 1
        candidate.forms[form] = candidate.forms.get(form, 0) + 1
        candidate.last = start
        if not zones <= candidate.zones:
            candidate.zones |= zones


_BOLD = frozenset(("bold",))


def _zones(doc: Document):
    """A function: (sentence start, sentence zone) → the zones it counts for."""
    lead = [b for b in doc.blocks if b.kind == "paragraph"][:_LEAD_BLOCKS]
    lead_spans = [(b.start, b.end) for b in lead]

    def zones(start: int, zone: str) -> frozenset[str]:
        out = {zone} if zone in ("title", "excerpt", "heading") else set()
        if any(a <= start < b for a, b in lead_spans):
            out.add("lead")
        return frozenset(out)

    return zones


# --- features and the model ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Background:
    documents: int
    df: dict[str, int]
    version: str

    def idf(self, key: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(key, 0) + 1))


@cache
def background() -> Background:
    header, data = read_model("idf.json")  # not kept (startup.py): as fast from JSON
    return Background(data["documents"], data["df"], header["version"])


@dataclass(frozen=True, slots=True)
class KeywordModel:
    bias: float
    weights: dict[str, float]
    version: str
    vector: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        vector = tuple(self.weights.get(name, 0.0) for name in FEATURES)
        object.__setattr__(self, "vector", vector)

    def score(self, row: Sequence[float]) -> float:
        """The probability of a candidate with feature values ``row`` (``FEATURES``)."""
        z = self.bias + sum(map(operator.mul, row, self.vector))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@cache
def model() -> KeywordModel:
    header, data = read_model("keywords.json")
    return KeywordModel(data["bias"], data["weights"], header["version"])


@cache
def _generic_terms() -> frozenset[str]:
    return frozenset(normalize(term) for term in generic_terms())


@cache
def _known_names() -> frozenset[str]:
    return frozenset(gazetteer().canonical)


FEATURES = (
    "log_count",
    "log_standalone",
    "idf",
    "tf_idf",
    "flr",
    "productivity",
    "fragment",
    "first",
    "spread",
    "tokens",
    "one_token",
    "log_chars",
    "latin",
    "katakana",
    "kanji_only",
    "proper",
    "known_name",
    "generic",
    "phrase",
    "once",
    "title",
    "excerpt",
    "heading",
    "bold",
    "lead",
    "tag",
    "entity",
)
_LATIN = regex("[A-Za-z]")
_KANJI = regex("[\u4e00-\u9fff]+")


def feature_rows(
    found: dict[str, Candidate], length: int, idf: Background
) -> Iterator[tuple[str, list[float]]]:
    """(key, the feature values in ``FEATURES`` order) of every candidate; ``length`` is
    the analysis text's. One row at a time: an article's rows held at once were ~2 MB
    of floats (2,300 candidates in 9,700 characters), a worker's memory at its peak."""
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    for candidate in found.values():
        # Component productivity over the compounds as they stand (TermExtract's LR).
        if candidate.standalone and not candidate.phrase:
            parts = candidate.components
            for x, y in pairwise(parts):
                right[x] = right.get(x, 0) + candidate.standalone
                left[y] = left.get(y, 0) + candidate.standalone
    generic = _generic_terms()
    known = _known_names()
    scale = max(length, 1)
    log = math.log
    for key, c in found.items():
        parts = c.components or (key,)
        productivity = sum(log((left.get(p, 0) + 1) * (right.get(p, 0) + 1)) for p in parts) / (
            2 * len(parts)
        )
        inverse = idf.idf(key)
        frequency = log(1 + c.count)
        zones = c.zones
        yield (
            key,
            [
                frequency,
                log(1 + c.standalone),
                inverse,
                frequency * inverse,
                frequency + productivity,
                productivity,
                max(c.extensions.values(), default=0) / c.count,
                c.first / scale,
                (c.last - c.first) / scale,
                min(len(parts), MAX_TOKENS) / MAX_TOKENS,
                float(len(parts) == 1),
                log(len(key)),
                float(_LATIN.search(key) is not None),
                float(_KATAKANA.search(key) is not None),
                float(_KANJI.fullmatch(key) is not None),
                float(c.proper),
                float(key in known),
                float(key in generic),
                float(c.phrase),
                float(c.count == 1),
                float("title" in zones),
                float("excerpt" in zones),
                float("heading" in zones),
                float("bold" in zones),
                float("lead" in zones),
                float("tag" in zones),
                float("entity" in zones),
            ],
        )


def features(
    found: dict[str, Candidate], length: int, idf: Background
) -> dict[str, dict[str, float]]:
    """``feature_rows`` with the features named (training and inspection)."""
    return {
        key: dict(zip(FEATURES, row, strict=True)) for key, row in feature_rows(found, length, idf)
    }


# --- selection ---------------------------------------------------------------------------


def _stands_alone(candidate: Candidate) -> bool:
    return candidate.standalone >= _STANDS_ALONE


def _variant(short: str, long: str) -> bool:
    """``AIインフラ`` / ``AIインフラストラクチャ``: a katakana word spelled out further."""
    return (
        long.startswith(short)
        and len(long) > len(short)
        and bool(_KATAKANA.match(short[-1]))
        and bool(_KATAKANA.match(long[len(short)]))
    )


def _only_inside(candidate: Candidate) -> str:
    """The one longer chain every occurrence of ``candidate`` is part of (``Nintendo
    Switch`` of ``Nintendo Switch 2``), or ``""``."""
    if candidate.standalone or len(candidate.extensions) != 1:
        return ""
    ((extension, count),) = candidate.extensions.items()
    return extension if count == candidate.count else ""


def _fragment_of(candidate: Candidate, aliases: dict[str, str]) -> str:
    """The one thing every occurrence of ``candidate`` is part of a longer name of,
    however written (``ソフトバンク`` only ever in ``ソフトバンクグループ`` and
    ``ソフトバンクG``), as its concept, or ``""``."""
    if candidate.standalone or not candidate.extensions:
        return ""
    concepts = {_concept(extension, aliases) for extension in candidate.extensions}
    return concepts.pop() if len(concepts) == 1 else ""


def _concept(key: str, aliases: dict[str, str]) -> str:
    """One key per thing named: a listed name's, and a group's or holding company's
    whatever its short form (``東京電力HD`` and ``東京電力ホールディングス``)."""
    key = spelled_out(key, aliases)
    return aliases.get(key, key)


def select(
    ranked: Sequence[tuple[Candidate, float]], top: int, aliases: dict[str, str]
) -> list[tuple[Candidate, float]]:
    """The best ``top`` candidates with one phrase per concept, no phrase beside its
    own fragment unless both stand alone, and no two fragments of one chain (``Switch
    2`` and ``Nintendo Switch``, never alone but in ``Nintendo Switch 2``)."""
    chosen: list[tuple[Candidate, float]] = []
    concepts: set[str] = set()
    for candidate, score in ranked:
        if len(chosen) >= top:
            break
        if candidate.phrase and candidate.count < 2:
            continue
        key = candidate.key
        concept = _concept(key, aliases)
        if concept in concepts:
            continue
        form = spelled_out(key, aliases)  # 海上HD, a fragment of 東京海上ホールディングス
        clash = False
        for other, _ in chosen:
            shorter, longer = sorted((form, spelled_out(other.key, aliases)), key=len)
            if _variant(shorter, longer):
                clash = True
            elif shorter in longer:
                short = candidate if shorter == form else other
                long = other if short is candidate else candidate
                clash = not (_stands_alone(short) and _stands_alone(long))
            elif (
                other.key in _only_inside(candidate)
                or key in _only_inside(other)
                or _fragment_of(candidate, aliases) == _concept(other.key, aliases)
                or _fragment_of(other, aliases) == concept
            ):
                clash = True
            if clash:
                break
        if clash:
            continue
        concepts.add(concept)
        chosen.append((candidate, score))
    return chosen


def rank(
    doc: Document, sentences: Sequence[Sequence[Token]], named: frozenset[str] = frozenset()
) -> list[tuple[Candidate, float]]:
    """Every candidate with its score, best first."""
    found = candidates(doc, sentences, named)
    score = model().score
    rows = feature_rows(found, len(doc.text), background())
    scored = [(found[key], score(row)) for key, row in rows]
    scored.sort(key=lambda pair: (-pair[1], pair[0].first))
    return scored


SUGGEST_AT = 0.5  # a keyphrase this likely to be an editor's choice is worth a tag
SUGGEST_POOL = 10  # suggestions come from the best this many keyphrases
SUGGEST_MAX = 5


def extract_keywords(
    doc: Document,
    sentences: Sequence[Sequence[Token]],
    top: int = 10,
    entities: Iterable[Entity] = (),
) -> tuple[list[Keyword], list[str]]:
    """(the best ``top`` keyphrases; tag suggestions: strong keyphrases that no front
    matter tag names, whatever ``top`` is); ``entities``, the entity stage's, tell
    which candidates are names."""
    entities = list(entities)
    ranked = rank(doc, sentences, entity_keys(doc, entities))
    chosen = select(ranked, max(top, SUGGEST_POOL), concept_aliases(doc, entities))
    full = full_names(doc, entities)
    keywords = []
    for candidate, score in chosen[: max(top, 0)]:
        text, first = full.get(candidate.key) or _without_legal_form(doc, candidate)
        keywords.append(
            Keyword(text=text, score=round(score, 4), count=candidate.count, first=first)
        )
    return keywords, suggest_tags(chosen[:SUGGEST_POOL], doc.meta.tags)


# A firm's legal form, before or after its name, which a keyphrase shows without
# (株式会社アークエッジ・スペース: アークエッジ・スペース); not 投資法人, part of a fund's name.
_LEGAL_FORMS_SHOWN = ("株式会社", "有限会社", "合同会社")


def _without_legal_form(doc: Document, candidate: Candidate) -> tuple[str, int]:
    """A keyphrase's text and its first source offset, a firm's legal form left out."""
    text, start = candidate.text, candidate.first
    for form in _LEGAL_FORMS_SHOWN:
        if text.startswith(form) and len(text) - len(form) >= 2:
            text = text[len(form) :].lstrip()
            if doc.text.startswith(form, start):  # the first mention written with it
                start += len(form)
                while start < len(doc.text) and doc.text[start].isspace():
                    start += 1  # a space between
            break
        if text.endswith(form) and len(text) - len(form) >= 2:
            text = text[: -len(form)].rstrip()
            break
    return text, doc.source_span(start, start + 1)[0]


def full_names(doc: Document, entities: Iterable[Entity]) -> dict[str, tuple[str, int]]:
    """A person's full name and where the article first writes it, for the key of the
    surname it calls them by (an interview's ``竹増``: ``竹増貞信``), as an index lists
    people."""
    source = doc.source_text
    out: dict[str, tuple[str, int]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        names = [(source[m.start : m.end], m.start) for m in entity.mentions]
        written = [start for name, start in names if name == entity.text]
        for name, _ in names:
            if written and name != entity.text and entity.text.startswith(name):
                out[normalize(name)] = (entity.text, min(written))
    return out


def _names(tag: str, key: str) -> bool:
    """Whether a tag names a keyphrase (both normalised): it contains it (the tag
    ``AIデータセンター`` names ``データセンター``), or it makes up at least half of it
    (``データセンター`` names ``データセンター部門``; ``AI`` does not name ``AIインフラ``)."""
    return key in tag or (tag in key and 2 * len(tag) >= len(key))


def suggest_tags(chosen: Sequence[tuple[Candidate, float]], tags: Sequence[str]) -> list[str]:
    """Keyphrases scoring ``SUGGEST_AT`` or more that no tag names (see ``_names``)."""
    aliases = gazetteer().canonical
    tagged = {normalize(tag) for tag in tags if tag.strip()}
    tagged |= {aliases[t] for t in tagged if t in aliases}
    out = []
    for candidate, score in chosen:
        if score < SUGGEST_AT or len(out) >= SUGGEST_MAX:
            break
        key = candidate.key
        if _concept(key, aliases) in tagged or any(_names(t, key) for t in tagged):
            continue
        out.append(candidate.text)
    return out
