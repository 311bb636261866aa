"""Features of a sentence (or clause) for the sentiment classifier.

The same function serves training (scripts/train_sentiment.py) and tagging, so the
two can never drift apart. Features are a dict of name → value:

- ``<gram>``: character 1-3-grams of the NFKC text (presence);
- ``lex+`` / ``lex-``: summed strength of the positive and negative words of
  ``corpus/lexicons/polarity.tsv``, after negation (ない, ず, ぬ) flips a word and
  a cost as the subject of a change (``コストが増加``, ``reversals.tsv``) reverses it
  (times ``LEXICON_SCALE``);
- ``lex+after`` / ``lex-after``: the same for the clause after the last contrast
  (が, しかし, ものの), where a Japanese writer puts the point;
- ``negation``, ``contrast``, ``question``: whether the sentence has them (a
  negation that flipped a lexicon word is not counted again; it, its word and a
  reversed change word are hidden from the n-grams).

``target_features`` describes what a sentence says about one thing named in it
(an entity, a chABSA opinion target), for the target model: the same features
over the target's clause (``w:``), that clause's sentence-model score, the
direction of change in it crossed with the target's last characters (a cost that
rises is bad news, a profit that rises good), and the lexicon in the next clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import cache

from analyzer.resources import lexicon_lines
from analyzer.startup import regex
from analyzer.tokenizer import Token

NGRAM_MAX = 3  # char_grams spells the sizes out: it runs on every sentence
_NEGATORS = frozenset({"ない", "無い", "ず", "ぬ", "ん"})
_CONTRAST = frozenset({"しかし", "ものの", "けれど", "けれども", "けど", "だが", "ところが"})
_CONTRAST_SURFACES = _CONTRAST | {"が", "の"}
_NEGATION_REACH = 4
# Further, where only particles and the words of a polite or copular negation come
# between: 期待|ほど|で|は|あり|ませ|ん, 進化|し|て|い|ませ|ん, 迷う|こと|が|あり|ませ|ん.
_NEGATION_GLUE = frozenset({"だ", "は", "ある", "ます", "いる", "て", "する", "こと", "感"})
_NEGATION_SPAN = 8
# The lexicon features' values are scaled so that regularisation, the same for every
# feature, holds their weights back less than the n-grams': a short sentence has few
# n-grams, and one lexicon word (上方修正, 債務超過) must be able to move it off neutral.
# Ten dev salts of scripts/train_sentiment.py (means; 1.0 → 2.0 → 3.0): chABSA dev
# 0.942 → 0.944 → 0.944, blog dev 0.850 → 0.855 → 0.853, news dev 0.770 → 0.783 → 0.791,
# target 0.888 → 0.888 → 0.889.
LEXICON_SCALE = 2.0
_SIGNED = 0.6  # the polarity of a signed percentage: -9.8% (see _signed_change)
_QUESTION_ENDS = ("か", "か。", "?", "だろうか。", "のか。", "だろうか")
_CLAUSE_ENDING_PARTICLES = frozenset({"が", "ものの", "けれど", "けれども", "ながら", "つつ"})
_PREDICATES = frozenset({"動詞", "形容詞", "助動詞"})
_TOPIC = frozenset({"は", "が", "も"})
_SUBJECT = _TOPIC | {"の"}
_CHANGE = regex("(?P<up>増|上昇|拡大|伸|改善|上回)|(?P<down>減|低下|縮小|下落|悪化|下回)")


def char_grams(text: str) -> set[str]:
    """Character 1- to 3-grams (``NGRAM_MAX``) of ``text``."""
    n = len(text)
    grams = set(text)
    grams.update([text[i : i + 2] for i in range(n - 1)])
    grams.update([text[i : i + 3] for i in range(n - 2)])
    return grams


def is_contrast(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a contrast: しかし, だが, the conjunctive が (not the subject
    marker), and ものの, which MeCab cuts into もの|の after a predicate
    (``上回ったもの|の、``; not ``彼のもの|の見方``)."""
    token = tokens[i]
    surface = token.surface
    if surface == "が":
        return token.pos[1] == "接続助詞"
    if surface == "の":
        return (
            i >= 2
            and tokens[i - 1].surface == "もの"
            and tokens[i - 2].pos[0] in _PREDICATES
            and tokens[i - 1].end == token.start
        )
    return surface in _CONTRAST


def last_contrast(tokens: Sequence[Token]) -> int:
    """Index of the last contrast in ``tokens``, or -1."""
    maybe = _CONTRAST_SURFACES
    return max(
        (i for i, t in enumerate(tokens) if t.surface in maybe and is_contrast(tokens, i)),
        default=-1,
    )


def is_negator(token: Token) -> bool:
    return token.lemma in _NEGATORS and token.pos[0] in ("助動詞", "形容詞")


def negator_of(tokens: Sequence[Token], i: int) -> int:
    """Index of the negation (ない, ず, ぬ) over the word at ``i`` within the next few
    tokens of its clause, or further where only particles and the words of a polite
    or copular negation come between (``期待ほどではありません``), or -1."""
    glue_only = True
    for j in range(i + 1, min(i + 1 + _NEGATION_SPAN, len(tokens))):
        token = tokens[j]
        if token.pos[0] == "補助記号" or is_contrast(tokens, j):
            return -1
        if is_negator(token):
            return j if glue_only or j - i <= _NEGATION_REACH else -1
        # another word between (赤字から|抜け出せ|てい|ない): the negation is that word's
        glue_only = glue_only and (
            token.lemma in _NEGATION_GLUE or token.pos[0] in ("助詞", "接尾辞")  # お得|感|は…
        )
        if not glue_only and j - i >= _NEGATION_REACH:
            return -1
    return -1


@cache
def _reversals() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(cost nouns, cost suffixes, change words) of ``corpus/lexicons/reversals.tsv``."""
    rows = lexicon_lines("reversals.tsv")
    costs = [word for kind, word in rows if kind == "cost"]
    return (
        frozenset(w for w in costs if not w.startswith("*")),
        tuple(w[1:] for w in costs if w.startswith("*")),
        frozenset(word for kind, word in rows if kind == "change"),
    )


@cache
def _markets() -> tuple[tuple[str, ...], frozenset[str]]:
    """(the endings of a market's name, words that mean a rebound when a market moves)
    of ``corpus/lexicons/reversals.tsv``."""
    rows = lexicon_lines("reversals.tsv")
    return (
        tuple(word for kind, word in rows if kind == "market"),
        frozenset(word for kind, word in rows if kind == "rebound"),
    )


def _compound_tails(tokens: Sequence[Token], j: int) -> list[str]:
    """The compound noun ending at token ``j`` as its tails, shortest first, over at most
    four tokens of nouns and prefixes (``率``, ``失業率``; ``S&P500`` across its &)."""
    tails = [tokens[j].surface]
    for k in range(j - 1, max(j - 4, -1), -1):
        if tokens[k].pos[0] not in ("名詞", "接頭辞") and tokens[k].surface != "&":
            break
        tails.append(tokens[k].surface + tails[-1])
    return tails


def _is_cost(tokens: Sequence[Token], j: int) -> bool:
    """Whether the noun at ``j``, or the compound ending there, is a cost: its lemma,
    its ending (``*費``), or the last words of the compound (``失業|率``, ``不良|債権``,
    which MeCab cuts into several tokens)."""
    nouns, suffixes, _ = _reversals()
    token = tokens[j]
    return (
        token.lemma in nouns
        or token.surface.endswith(suffixes)
        or any(tail in nouns for tail in _compound_tails(tokens, j))
    )


# Marks inside a figure, which do not end a clause: 12.5%, (同2.8%増).
_FIGURE_MARKS = frozenset({"%", ".", "(", ")"})


def _subject(tokens: Sequence[Token], i: int) -> int:
    """The subject of the change word at ``i``: the noun before the は/が/も/の nearest
    before it in its clause, or -1. A figure before the word (事業費は前期比2.8%増加,
    費用は、1,370億円(同2.8%増)) and a comma right after the subject are inside it."""
    for j in range(i - 1, 0, -1):
        token = tokens[j]
        if token.surface in _FIGURE_MARKS or (
            token.surface == "、" and tokens[j - 1].surface in _TOPIC
        ):
            continue
        if token.pos[0] == "補助記号" or is_contrast(tokens, j):
            return -1
        if token.pos[0] == "助詞" and token.surface in _SUBJECT:
            return j - 1 if tokens[j - 1].pos[0] in ("名詞", "接尾辞") else -1
    return -1


def _is_market(tokens: Sequence[Token], j: int) -> bool:
    """Whether the compound noun ending at ``j`` names a market or a share price
    (半導体関連株, 日経平均, 時価総額): its moves are news in their own direction."""
    return _compound_tails(tokens, j)[-1].endswith(_markets()[0])


Hit = tuple[int, float, tuple[int, ...]]


class Lexicon(dict[str, float]):
    """Polarity words (``corpus/lexicons/polarity.tsv``) → polarity. ``starts`` holds
    what its words begin with, so that a word MeCab cuts into several tokens
    (``上方|修正``, ``黒字|化``, ``不|透明``) is found from its first token on."""

    def __init__(self, words: dict[str, float]) -> None:
        super().__init__(words)
        self.starts = frozenset(w[:k] for w in self for k in range(1, len(w)))


_NONE = (-1, 0.0)


def _compound_at(tokens: Sequence[Token], i: int, lexicon: Lexicon) -> tuple[int, float]:
    """(last token, polarity) of the longest lexicon word written by the tokens from
    ``i`` on, two or more of them; (-1, 0.0) if none."""
    written = tokens[i].surface
    found = (-1, 0.0)
    for j in range(i + 1, len(tokens)):
        if written not in lexicon.starts:
            break
        written += tokens[j].surface
        if written in lexicon:
            found = (j, lexicon[written])
    return found


# Words of degree before a polarity word (大きく減った, 大幅に増加, 著しく悪化; a blog's
# 本当に便利, とても良い, すごく重い): they make it stronger and say nothing themselves,
# though their n-grams learn a direction.
_INTENSIFIERS = frozenset(
    {"大きい", "大幅", "著しい", "大いに", "急速", "一段", "かなり"}
    | {"本当", "とても", "すごい", "非常", "極めて", "めちゃくちゃ", "めっちゃ"}
)
_INTENSITY = 1.5


def _intensifier_of(tokens: Sequence[Token], i: int) -> int:
    """Index of a word of degree right before the word at ``i`` (with the に of 大幅に,
    一段と's と, 大幅な's な: 大幅な減益), or -1."""
    j = i - 1
    if j >= 1 and tokens[j].surface in ("に", "と", "な"):
        j -= 1
    if j >= 0 and tokens[j].lemma in _INTENSIFIERS:
        return j
    return -1


def lexicon_hits(tokens: Sequence[Token], lexicon: Lexicon) -> list[Hit]:
    """(token index, polarity, tokens to hide from the n-grams) for every lexicon word.

    A signed percentage counts as a change word (``-9.8%``, ``△5.2%``). A negation
    (``悪くない``) flips the nearest polarity word before it (``優位は揺るがない``: 揺るぐ,
    not 優位), and a change word whose subject is a cost
    (``コストが増加``, ``費用は△3%``) is reversed; either way the word (and its negation) is
    hidden from the n-grams, whose characters would pull the other way while the
    lexicon feature says what is meant. So is a change word whose subject is a market
    (``株価は10%下落``), and a word of degree before a word (``大きく減った``), which
    makes it stronger. A bad thing or a cost done away with or held down is good news
    (``赤字を解消``, ``リスクを分散``, ``コストを削減``): the bad word flips, and a cost,
    no lexicon word, gives the reducing word its polarity."""
    found: list[tuple[int, float, tuple[int, ...], int]] = []
    changes = _reversals()[2]
    after = 0  # the tokens of a word of several are that word's, not words of their own
    starts = lexicon.starts
    for i, token in enumerate(tokens):
        if i < after:
            continue
        last, polarity = _compound_at(tokens, i, lexicon) if token.surface in starts else _NONE
        if last >= 0:  # 上方|修正, 急|反発 (not 反発): what the word says, at its end
            intensifier = _intensifier_of(tokens, i)
            if intensifier >= 0:  # 大幅に上方修正
                polarity *= _INTENSITY
            hidden = tuple(range(intensifier, i)) if intensifier >= 0 else ()
            if polarity < 0 and (reducer := _reducer_after(tokens, last)) >= 0:
                # 供給不足を解消: a bad thing done away with is good news
                polarity = _done_away(polarity, tokens[reducer], lexicon)
                hidden = (*hidden, *range(i, last + 1), reducer)
            elif polarity < 0 and (small := _small_after(tokens, last)) is not None:
                polarity = -polarity  # 悪|影響は小さい, as 減配リスクは低い (below)
                hidden = (*hidden, *range(i, last + 1), *range(small[0], small[1] + 1))
            elif polarity > 0 and (priced := _priced_in(tokens, last)) is not None:
                polarity = 0.0  # 上方|修正は織り込み済み, as 好調は… (below)
                hidden = (*hidden, *range(i, last + 1), *range(priced[0], priced[1] + 1))
            found.append((last, polarity, hidden, negator_of(tokens, last)))
            after = last + 1
            continue
        signed = 0.0
        polarity = lexicon.get(token.lemma) or lexicon.get(token.surface)
        if not polarity:
            polarity = signed = _signed_change(tokens, i)
            if not polarity and token.surface in _MOVE_WORDS:
                polarity = signed = _price_move(tokens, i)
            elif not polarity and token.lemma in _REVISIONS:
                polarity = _revision(tokens, i)
            if not polarity and token.lemma in _REDUCERS:
                polarity = _cost_reduced(tokens, i, lexicon)
        if polarity:
            hidden: tuple[int, ...] = ()
            if signed or token.lemma in changes:
                # a signed number's subject is looked for before its sign (punctuation)
                subject = _subject(tokens, i - bool(signed))
                if subject >= 0 and _is_cost(tokens, subject):
                    polarity = -polarity
                    hidden = (i,)
                    # 赤字(幅)が縮小, 懸念が後退: the bad word is what the change is
                    # about, no news of its own
                    found = [
                        (k, 0.0, (*hid, k), neg)
                        if subject - 3 <= k <= subject and pol < 0
                        else (k, pol, hid, neg)
                        for k, pol, hid, neg in found
                    ]
                elif subject >= 0 and _is_market(tokens, subject):
                    if token.lemma in _markets()[1]:
                        polarity = abs(polarity)
                    hidden = (i,)
            if polarity < 0 and (reducer := _reducer_after(tokens, i)) >= 0:  # リスクを軽減
                polarity = _done_away(polarity, tokens[reducer], lexicon)
                hidden = (*hidden, i, reducer)
            elif polarity < 0 and (small := _small_after(tokens, i)) is not None:
                # 減配リスクは低い: a bad thing said to be small is good news, and the
                # bad words of its compound (減配) are what it is about, no news of their own
                polarity = -polarity
                hidden = (*hidden, *range(small[0], small[1] + 1))
                head = _compound_head(tokens, i)
                found = [
                    (k, 0.0, (*hid, k), neg) if head <= k < i and pol < 0 else (k, pol, hid, neg)
                    for k, pol, hid, neg in found
                ]
            elif polarity > 0 and (priced := _priced_in(tokens, i)) is not None:
                polarity = 0.0  # 好調は織り込み済み: good news the price already holds
                hidden = (*hidden, i, *range(priced[0], priced[1] + 1))
            elif token.lemma in _REDUCERS and polarity > 0:
                hidden = (*hidden, i)  # コストを削減: the lexicon's, not 削減's n-grams
            intensifier = _intensifier_of(tokens, i)
            if intensifier >= 0:  # 大きく減った: more of what the word says, no polarity
                polarity *= _INTENSITY
                hidden = (*hidden, *range(intensifier, i))
            negator = negator_of(tokens, i)
            if (stop := _stop_after(tokens, i)) >= 0:
                if (goes_on := negator_of(tokens, stop)) >= 0:
                    # 成長は止まらない, 人気が衰えない: it goes on, as the word says
                    hidden, negator = (*hidden, stop, goes_on), -1
                else:  # 下落が止まった, 混乱が収まった: it is over, the other way
                    polarity = -polarity
                    hidden = (*hidden, i, stop)
            found.append((i, polarity, hidden, negator))
    found = _good_thing_slowing(tokens, found, changes)
    # a negation is the nearest polarity word's before it: 優位は揺るがない, not 優位 negated
    owner = {negator: i for i, _, _, negator in found if negator >= 0}
    hits = []
    for i, polarity, hidden, negator in found:
        if negator >= 0 and owner[negator] == i:
            polarity = -polarity
            hidden = (*hidden, i, negator) if i not in hidden else (*hidden, negator)
        hits.append((i, polarity, hidden))
    return hits


# Words of a slowdown, bad news of whatever good thing is their subject (成長が鈍化).
_SLOWDOWNS = frozenset({"鈍化", "減速", "遅れる", "停滞", "鈍る", "失速"})


def _good_thing_slowing(
    tokens: Sequence[Token],
    found: list[tuple[int, float, tuple[int, ...], int]],
    changes: frozenset[str],
) -> list[tuple[int, float, tuple[int, ...], int]]:
    """A good thing that falls or slows is bad news (``成長が鈍化``, ``成長鈍化``,
    ``増益幅が縮小``): the good word is what the change is about and counts for nothing,
    as a bad word does under a change whose subject is a cost."""
    good = {k for k, polarity, _, _ in found if polarity > 0}
    if not good:
        return found
    about: set[int] = set()
    for k, polarity, _, _ in found:
        lemma = tokens[k].lemma
        if polarity >= 0 or not (lemma in _SLOWDOWNS or lemma in changes):
            continue
        if k - 1 in good and tokens[k - 1].pos[0] == "名詞":
            about.add(k - 1)  # 成長|鈍化
        subject = _subject(tokens, k)
        if subject >= 0:
            about.update(j for j in range(subject - 3, subject + 1) if j in good)
    if not about:
        return found
    return [
        (k, 0.0, (*hid, k), neg) if k in about else (k, pol, hid, neg) for k, pol, hid, neg in found
    ]


_SIGNS = {"-": -_SIGNED, "−": -_SIGNED, "▲": -_SIGNED, "△": -_SIGNED, "+": _SIGNED}


def _signed_change(tokens: Sequence[Token], i: int) -> float:
    """The polarity of a signed percentage, as tables and lists write changes
    (``東京エレクトロン：-9.8%``, ``前年同期比△5.2%``, ``+12%``), at its number; or of
    a ratio to a period before, as reports write it (``前期比98.5%``: a fall)."""
    token = tokens[i]
    if token.pos[1] != "数詞" or i == 0 or not tokens[i - 1].surface:
        return 0.0
    if tokens[i - 1].surface == "比" or (  # (同95.3%): the same ratio as before
        tokens[i - 1].surface == "同" and i >= 2 and tokens[i - 2].surface == "("
    ):
        return _ratio_change(tokens, i)
    sign = _SIGNS.get(tokens[i - 1].surface[-1], 0.0)
    if not sign or (i >= 2 and tokens[i - 2].pos[1] == "数詞" and tokens[i - 1].surface == "-"):
        return 0.0  # 2025-26: a range, no sign
    for j in range(i + 1, min(i + 4, len(tokens))):
        if tokens[j].surface in ("%", "ポイント"):
            return sign
        if tokens[j].pos[1] != "数詞" and tokens[j].surface != ".":
            return 0.0
    return 0.0


# A price's move as market reports write it: a figure, its unit, then 高 or 安 (``12%安``,
# ``400ドル安``, ``3.5ポイント高``; MeCab reads ``800円安`` as 800|円安). Not ``円安``
# alone, the yen's fall, nor ``ストップ高``, a lexicon word.
_MOVE_UNITS = frozenset({"%", "ドル", "ポイント", "銭", "セント", "ユーロ", "元", "ウォン"})
_MOVES = {"高": _SIGNED, "安": -_SIGNED}
_YEN_MOVES = {"円高": _SIGNED, "円安": -_SIGNED}
_MOVE_WORDS = frozenset(_MOVES) | frozenset(_YEN_MOVES)


def _price_move(tokens: Sequence[Token], i: int) -> float:
    """The polarity of a move written after its size (``15%高``, ``800円安``), or 0."""
    surface = tokens[i].surface
    if surface in _YEN_MOVES:
        return _YEN_MOVES[surface] if i >= 1 and tokens[i - 1].pos[1] == "数詞" else 0.0
    if surface not in _MOVES or i < 2 or tokens[i - 1].surface not in _MOVE_UNITS:
        return 0.0
    return _MOVES[surface] if tokens[i - 2].pos[1] == "数詞" else 0.0


# What a firm or an analyst raises or lowers that says how things will go: a forecast,
# a guidance, a target price, a rating (業績見通しを引き上げた, 目標株価を5,000円に引き上げ).
# Prices, rates and wages raised say nothing so plain, and are left to the model.
_FORECASTS = (
    "予想",
    "見通し",
    "見込み",
    "ガイダンス",
    "目標株価",
    "株価目標",
    "計画",
    "格付け",
    "投資判断",
)
_REVISIONS = {"引き上げる": _SIGNED, "引き下げる": -_SIGNED, "上げる": _SIGNED, "下げる": -_SIGNED}


def _revision(tokens: Sequence[Token], i: int) -> float:
    """The polarity of a forecast raised or lowered, at the verb, or 0: its object, the
    noun before を, ends in a forecast's word; the figure it goes to or by how much may
    stand between (``目標株価を5,000円に引き上げ``, ``格付けを2段階引き下げ``)."""
    polarity = _REVISIONS.get(tokens[i].lemma, 0.0)
    if not polarity:
        return 0.0
    j = i - 1
    if j >= 0 and tokens[j].surface == "に":  # 5,000円に: the figure it goes to
        j -= 1
        while j >= 0 and (tokens[j].pos[1] == "数詞" or tokens[j].surface in _AMOUNT):
            j -= 1
    elif j >= 1 and tokens[j - 1].pos[1] == "数詞":  # 2段階: by how much
        j -= 2
    if j < 1 or tokens[j].surface != "を" or tokens[j - 1].pos[0] != "名詞":
        return 0.0
    return polarity if _compound_tails(tokens, j - 1)[-1].endswith(_FORECASTS) else 0.0


_AMOUNT = frozenset({",", ".", "円", "ドル", "%", "ユーロ", "万", "億", "兆", "約"})

# Words for doing away with or holding down what is done to their object (コストを削減,
# リスクを分散, 赤字を解消, 不安を払拭): a bad thing or a cost so treated is good news.
_REDUCERS = frozenset(
    {
        "削減",
        "下げる",
        "引き下げる",
        "抑える",
        "抑制",
        "低減",
        "軽減",
        "分散",
        "回避",
        "解消",
        "圧縮",
        "減らす",
        "払拭",
        "克服",
        "防ぐ",
        "防止",
        "縮減",
        "抑え込む",
    }
)


def _reducer_after(tokens: Sequence[Token], i: int) -> int:
    """Index of a reducing word whose object is the word at ``i`` (``リスク|を|軽減``,
    ``コスト|の|削減``), or -1."""
    k = i + 2
    if k < len(tokens) and tokens[i + 1].surface in ("を", "の") and tokens[k].lemma in _REDUCERS:
        return k
    return -1


# Verbs of a thing stopping or dying down, after は, が or も (成長が止まる, 混乱が収まる,
# 人気が衰える, 上昇サイクルはまだ終わっていない): the thing is over, news the other way
# round, unless they are negated, when it goes on.
_STOPS = frozenset(
    {"止まる", "終わる", "収まる", "衰える", "途切れる", "尽きる", "止む", "落ち着く"}
)
_STILL = frozenset({"まだ", "なかなか", "一向", "当面", "依然"})


def _stop_after(tokens: Sequence[Token], i: int) -> int:
    """Index of a verb of stopping whose subject is the word at ``i`` (with up to two
    more nouns of its compound, ``上昇|サイクル``, and an adverb of time before the verb,
    ``まだ``), or -1."""
    k = i + 1
    while k < len(tokens) and k - i <= 2 and tokens[k].pos[0] == "名詞":
        k += 1
    if k + 1 >= len(tokens) or tokens[k].surface not in _TOPIC:
        return -1
    k += 1
    if tokens[k].lemma in _STILL and k + 1 < len(tokens):
        k += 1
    return k if tokens[k].lemma in _STOPS else -1


# Predicates that say a thing is small or little, after は, が or も: リスクは低い,
# 懸念は小さい, 影響は限定的, 下落余地は限られる, 不安は軽微.
_SMALL = frozenset({"低い", "小さい", "少ない", "軽微", "僅か", "わずか"})


def _priced_in(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The first and last index of ``織り込み|済み`` after the word at ``i`` and its topic
    or subject particle (``減益は織り込み済み``: the market has moved on), or None."""
    k = i + 2
    if (
        k + 1 < len(tokens)
        and tokens[i + 1].surface in _TOPIC
        and tokens[k].lemma in ("織り込む", "織込む")
        and tokens[k + 1].surface == "済み"
    ):
        return k, k + 1
    return None


def _small_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The first and last index of a predicate after the word at ``i`` and its topic or
    subject particle that says the word's thing is small (``リスク|は|低い``,
    ``影響|は|限定|的``, ``余地|は|限ら|れる``) or already in the price (``減益|は|織り込み|
    済み``: the market has moved on), or None; not when negated after it
    (``リスクは低くない``)."""
    k = i + 2
    if k >= len(tokens) or tokens[i + 1].surface not in _TOPIC:
        return None
    word = tokens[k]
    then = tokens[k + 1] if k + 1 < len(tokens) else None
    if word.lemma in _SMALL:
        last = k
    elif then is not None and (
        (word.lemma == "限定" and then.surface == "的")
        or (word.lemma == "限る" and then.lemma in ("れる", "られる"))
    ):
        last = k + 1
    elif (priced := _priced_in(tokens, i)) is not None:
        last = priced[1]
    else:
        return None
    if negator_of(tokens, last) >= 0:
        return None
    return k, last


def _compound_head(tokens: Sequence[Token], i: int) -> int:
    """The first index of the noun compound that ends at ``i`` (減配|リスク: 減配's)."""
    while i > 0 and tokens[i - 1].pos[0] == "名詞" and tokens[i - 1].end == tokens[i].start:
        i -= 1
    return i


def _done_away(polarity: float, reducer: Token, lexicon: Lexicon) -> float:
    """The polarity of a bad word done away with: good, or nothing where the reducing
    word says so itself (``不安を払拭``: 払拭 is a lexicon word)."""
    return 0.0 if lexicon.get(reducer.lemma) or lexicon.get(reducer.surface) else -polarity


def _cost_reduced(tokens: Sequence[Token], i: int, lexicon: Lexicon) -> float:
    """The polarity of a reducing word at ``i`` whose object is a cost that is no
    lexicon word of its own (``コストを削減``, ``費用を抑えた``), or 0. (An object that
    is one, ``赤字を解消``, is flipped where it stands.)"""
    j = i - 2
    if j < 0 or tokens[j + 1].surface not in ("を", "の") or tokens[j].pos[0] != "名詞":
        return 0.0
    object_ = tokens[j]
    if lexicon.get(object_.lemma) or lexicon.get(object_.surface):
        return 0.0
    return _SIGNED if _is_cost(tokens, j) else 0.0


# After a ratio, a word that says the change itself (前期比5.8%増): the lexicon's.
_CHANGE_AFTER = regex("[増減]|上昇|低下|上回|下回|伸|縮小|拡大|改善|悪化|ポイント")


def _ratio_change(tokens: Sequence[Token], i: int) -> float:
    """A fall or a rise where a ratio to a period before (前期比, 前年同期比, 同) is a
    percentage between 50 and 200 with no change word after it (前期比98.5%,
    前年比103.2%); not a rate of change (前年比3.0%), nor 前期比5.8%増, whose 増 says it."""
    digits = []
    j = i
    while j < len(tokens) and (tokens[j].pos[1] == "数詞" or tokens[j].surface == "."):
        digits.append(tokens[j].surface)
        j += 1
    if j >= len(tokens) or tokens[j].surface != "%":
        return 0.0
    if j + 1 < len(tokens) and _CHANGE_AFTER.match(tokens[j + 1].surface):
        return 0.0
    try:
        ratio = float("".join(digits))
    except ValueError:
        return 0.0
    if not 50 <= ratio <= 200 or ratio == 100:
        return 0.0
    return _SIGNED if ratio > 100 else -_SIGNED


def text_offset(text: str, tokens: Sequence[Token]) -> int:
    """The offset of ``text[0]`` in the coordinates of ``tokens`` (which index the whole
    analysis text, while ``text`` may be one sentence or clause of it)."""
    if not tokens:
        return 0
    return tokens[0].start - max(text.find(tokens[0].surface), 0)


def _mask(text: str, tokens: Sequence[Token], hits: list[Hit]) -> str:
    """``text`` with the tokens the hits hide replaced by ＿."""
    hidden = [j for _, _, indices in hits for j in indices]
    if not hidden:
        return text
    base = text_offset(text, tokens)
    chars = list(text)
    for j in hidden:
        token = tokens[j]
        for k in range(max(token.start - base, 0), min(token.end - base, len(chars))):
            chars[k] = "＿"
    return "".join(chars)


def sentence_features(text: str, tokens: Sequence[Token], lexicon: Lexicon) -> dict[str, float]:
    """All features as one dict (training); see ``split_features`` for tagging."""
    grams, other = split_features(text, tokens, lexicon)
    features = dict.fromkeys(grams, 1.0)
    features.update(other)
    return features


def split_features(
    text: str, tokens: Sequence[Token], lexicon: Lexicon
) -> tuple[set[str], dict[str, float]]:
    """(character n-grams, each worth 1; the other features with their values).

    N-grams are their own names: they are at most three characters long, and every
    other feature name is longer, so the two never collide.
    """
    hits = lexicon_hits(tokens, lexicon)
    return char_grams(_mask(text, tokens, hits)), _other_features(text, tokens, hits)


def lexical_features(text: str, tokens: Sequence[Token], lexicon: Lexicon) -> dict[str, float]:
    """The features of ``split_features`` other than the n-grams."""
    return _other_features(text, tokens, lexicon_hits(tokens, lexicon))


def _other_features(text: str, tokens: Sequence[Token], hits: list[Hit]) -> dict[str, float]:
    features: dict[str, float] = {}
    contrast_at = last_contrast(tokens)
    positive = negative = positive_after = negative_after = 0.0
    for i, polarity, _ in hits:
        if polarity > 0:
            positive += polarity
            if i > contrast_at >= 0:
                positive_after += polarity
        else:
            negative -= polarity
            if i > contrast_at >= 0:
                negative_after -= polarity
    for name, value in (
        ("lex+", positive),
        ("lex-", negative),
        ("lex+after", positive_after),
        ("lex-after", negative_after),
    ):
        if value:
            features[name] = value * LEXICON_SCALE
    consumed = {j for _, _, hidden in hits for j in hidden}
    if any(
        t.lemma in _NEGATORS and is_negator(t) and i not in consumed for i, t in enumerate(tokens)
    ):
        features["negation"] = 1.0  # a negation that flipped no lexicon word
    if contrast_at >= 0:
        features["contrast"] = 1.0
    if text.rstrip().endswith(_QUESTION_ENDS):
        features["question"] = 1.0
    return features


def _ends_clause(tokens: Sequence[Token], i: int, topic: int) -> bool:
    token = tokens[i]
    if token.surface == "。" or is_contrast(tokens, i):
        return True
    if token.pos[1] == "接続助詞" and token.surface in _CLAUSE_ENDING_PARTICLES:
        return True
    if token.surface != "、" or i == 0:
        return False
    before = tokens[i - 1]
    # "…増加し、", "…により、"; or a list item "Aが92億円(3.5%増)、Bが…": the
    # target's topic particle has been passed and something was said after it.
    return before.pos[0] in _PREDICATES or before.pos[1] == "接続助詞" or 0 <= topic < i - 1


def clause_from(tokens: Sequence[Token], first: int) -> int:
    """The end (exclusive token index) of the clause that starts at token ``first``:
    what the sentence says about a thing named there. A comma inside a list of
    names (``企業業績、雇用・所得環境は改善し``) does not end it."""
    topic = -1
    last = min(len(tokens), first + _LONGEST_CLAUSE)
    for j in range(first, last):
        token = tokens[j]
        if topic < 0 and token.pos[0] == "助詞" and token.surface in _TOPIC:
            topic = j
        if j > first and _ends_clause(tokens, j, topic):
            return j + 1
    return last


# A clause is cut after this many tokens: the longest of 26,526 clauses about targets in
# our articles and 200 bench articles has 121; a line of megabytes without punctuation
# would otherwise make every name in it read the rest of its sentence chunk.
_LONGEST_CLAUSE = 128


def _subject_before(clause: Sequence[Token], k: int) -> str:
    """The noun marked by は/が/も nearest before token ``k`` (``コストが…増加``), or ""."""
    for j in range(k - 1, 0, -1):
        token = clause[j]
        if token.pos[0] == "助詞" and token.surface in _TOPIC and clause[j - 1].pos[0] == "名詞":
            return clause[j - 1].surface
    return ""


Scorer = Callable[[set[str], dict[str, float]], float]


def target_features(
    text: str,
    tokens: Sequence[Token],
    span: tuple[int, int],
    lexicon: Lexicon,
    score: Scorer,
    name: bool = False,
) -> tuple[set[str], dict[str, float]]:
    """Features of what the sentence ``tokens`` says about the thing at ``span``:
    (the clause's character n-grams, named ``w:<gram>`` in the model; the others).

    ``text`` is the text the token offsets index; ``score`` is the sentence model's
    score of a clause's ``split_features``. When the thing is a ``name`` (an entity),
    its own characters are left out of the clause: ``シャープ`` (sharp) or ``Best Buy``
    say nothing about how the post feels about the company.
    """
    features: dict[str, float] = {}
    first = bisect.bisect_right(tokens, span[0], key=_token_end)
    end = clause_from(tokens, first)
    clause = tokens[first:end]
    if name:
        clause = [t for t in clause if t.start >= span[1]]
    if not clause:
        return set(), features
    clause_text = text[clause[0].start : clause[-1].end]
    grams, other = split_features(clause_text, clause, lexicon)
    features["m:clause"] = score(grams, other)
    for feature, value in other.items():
        features["w:" + feature] = value
    if _CHANGE.search(clause_text):
        for k, token in enumerate(clause):
            found = _CHANGE.search(token.surface)
            if found:
                # What rises or falls: the subject before it, else the target itself
                # (not a name: its last characters say nothing).
                subject = _subject_before(clause, k) or ("" if name else text[span[0] : span[1]])
                if subject:
                    direction = "up×" if found.lastgroup == "up" else "down×"
                    features[direction + subject[-1:]] = 1.0
                    features[direction + subject[-2:]] = 1.0
    if end < len(tokens):
        following = tokens[end : clause_from(tokens, end)]
        following_text = text[following[0].start : following[-1].end]
        for feature, value in lexical_features(following_text, following, lexicon).items():
            features["n:" + feature] = value
    return grams, features


def target_feature_dict(
    text: str,
    tokens: Sequence[Token],
    span: tuple[int, int],
    lexicon: Lexicon,
    score: Scorer,
) -> dict[str, float]:
    """All of ``target_features`` as one dict with the model's names (training)."""
    grams, features = target_features(text, tokens, span, lexicon, score)
    out = dict.fromkeys(["w:" + g for g in grams], 1.0)
    out.update(features)
    return out


def _token_end(token: Token) -> int:
    return token.end
