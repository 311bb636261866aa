import datetime as dt
import unicodedata

import pytest

from analyzer import analyze_text
from analyzer.entities import NUMERIC_TYPES, gazetteer
from analyzer.numeric import Timeline, find_numeric, parse_amount


def entities_of(text: str) -> dict[str, str]:
    """Name → type of the entities found in ``text``: their names and every spelling
    the text uses for them."""
    found = {}
    for e in analyze_text(text).entities:
        found[e.text] = e.type
        for m in e.mentions:
            found.setdefault(text[m.start : m.end], e.type)
    return found


def polarities(text: str) -> list[float]:
    """The polarity of every lexicon word found in ``text``, after negation and reversal."""
    from analyzer.sentiment import polarity_lexicon
    from analyzer.sentiment_features import lexicon_hits
    from analyzer.tokenizer import tokenize

    return [p for _, p, _ in lexicon_hits(tokenize(text), polarity_lexicon())]


def dates_of(post: str) -> dict[str, dict | None]:
    """Text → value of the dates found in ``post``."""
    return {e.text: e.value for e in analyze_text(post).entities if e.type == "DATE"}


def keywords_of(text: str, top: int = 10) -> list[str]:
    return [k.text for k in analyze_text(text, top=top).keywords]


def test_compound_nouns_are_kept_whole():
    text = (
        "AIデータセンターの建設が進む。AIデータセンターは電力を大量に使う。"
        "NVIDIA GB300 NVL72を採用したAIデータセンターもある。GPT-5の推論にも使う。"
    )
    keywords = keywords_of(text)
    # whole and near the top (GPT-5, a named model, scores within 0.01 of it)
    assert "AIデータセンター" in keywords[:2]
    assert "NVIDIA GB300 NVL72" in keywords
    assert "GPT-5" in keywords
    assert "データ" not in keywords and "センター" not in keywords


def test_empty_nouns_and_numbers_are_never_keywords():
    text = (
        "今回の可能性について。今回は場合によっては2025年の問題になる。今回も一方で。"
        "前回から横ばいだった。前回と同じく、次回も次回の会合で決める。"
    )
    keywords = keywords_of(text)
    for empty in ("今回", "前回", "次回", "可能性", "場合", "問題", "一方", "2025", "年"):
        assert empty not in keywords


def test_names_written_with_a_middle_dot_or_ampersand_are_one_keyword():
    found = keywords_of(
        "ゴールドマン・サックスはセブン&アイ・ホールディングスを分析した。"
        "ゴールドマン・サックスによると、セブン&アイ・ホールディングスの株価は上がる。"
        "マツダ・スバル・トヨタの3社も上がる。"
    )
    assert "ゴールドマン・サックス" in found and "セブン&アイ・ホールディングス" in found
    assert not {"ゴールドマン", "サックス", "ホールディングス"} & set(found)
    assert "マツダ・スバル・トヨタ" not in found  # a list of listed names
    assert "マツダ" in found


def test_keyword_first_offset_points_at_the_first_occurrence():
    text = "前置きの文。半導体工場が増える。半導体工場の投資。"
    keyword = next(k for k in analyze_text(text).keywords if k.text == "半導体工場")
    assert text[keyword.first : keyword.first + 5] == "半導体工場"
    assert keyword.count == 2


def test_a_listed_entity_is_called_by_its_list_name_in_every_article():
    for text in ("日銀は利上げを決めた。", "日本銀行の総裁が会見した。日銀は慎重だ。"):
        banks = [e for e in analyze_text(text).entities if e.type == "POLITICAL_ORG"]
        assert [e.text for e in banks] == ["日本銀行"]
    unlisted = entities_of("ホゲラボ株式会社の株式会社ホゲラボは")
    assert any("ホゲラボ" in name for name in unlisted)


def test_names_in_other_widths_and_aliases_are_one_entity():
    analysis = analyze_text("NVIDIAは強い。ＮＶＩＤＩＡの決算。エヌビディアの株価。")
    nvidia = [e for e in analysis.entities if e.type == "COMPANY"]
    assert len(nvidia) == 1
    assert nvidia[0].count == 3
    assert nvidia[0].text == "NVIDIA"


def test_a_listed_name_written_without_its_middle_dots_or_spaces_is_the_same_entity():
    found = entities_of(
        "ドンキホーテを運営する会社。ウェルズファーゴの決算。ユニチャームが値上げ。"
    )
    assert found["ドンキホーテ"] == found["ウェルズファーゴ"] == found["ユニチャーム"] == "COMPANY"
    text = "ドン・キホーテは好調だ。ドンキホーテの新店。"
    (store,) = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
    assert (store.text, store.count) == ("ドン・キホーテ", 2)
    text = "eMAXIS Slim全世界株式は人気だ。eMAXIS Slim 全世界株式の純資産。"
    (fund,) = [e for e in analyze_text(text).entities if e.type == "PRODUCT"]
    assert (fund.text, fund.count) == ("eMAXIS Slim 全世界株式", 2)  # with or without the space


def test_a_group_or_holding_company_shortened_to_g_or_hd_is_the_same_company():
    names = [e.text for e in analyze_text("ソニーGは分社化する。ソニーグループの株価。").entities]
    assert names == ["ソニーグループ"]  # listed: its list name
    text = "ツルハHDは増益。ツルハホールディングスの社長。"
    (tsuruha,) = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
    assert tsuruha.count == 2  # not listed: one company all the same
    text = "三井住友フィナンシャルグループは増益。三井住友FGの中島達社長は語った。"
    assert [e.text for e in analyze_text(text).entities if e.type == "COMPANY"] == [
        "三井住友フィナンシャルグループ"
    ]  # FG: its financial group
    found = entities_of("ふくおかFGは増益。株価はめぶきFGが上回った。")
    assert found.get("ふくおかFG") == "COMPANY"  # typed an organisation
    assert found.get("めぶきFG") == "COMPANY"  # FG alone, a product


def test_one_sum_written_two_ways_is_one_entity():
    analysis = analyze_text("約200億円を調達した。200億円の使い道。出資比率は3割、つまり30%だ。")
    sums = {e.text: (e.count, e.value) for e in analysis.entities if e.type != "DATE"}
    assert sums == {
        "約200億円": (2, {"amount": 2e10, "unit": "JPY"}),
        "3割": (2, {"percent": 30.0}),
    }
    dates = analyze_text("2026年に始め、2026年度に終える。").entities
    assert len(dates) == 2  # a year and a fiscal year: one value, two periods


def test_a_short_name_in_parentheses_is_the_same_entity():
    analysis = analyze_text(
        "Preferred Networks(PFN)は資金を調達した。PFNは増員する。トヨタ(愛知県豊田市)も出資した。"
    )
    pfn = [e for e in analysis.entities if e.type == "COMPANY" and e.count == 3]
    assert len(pfn) == 1
    assert pfn[0].text == "プリファードネットワークス"  # the gazetteer's name for it
    entities = {e.text: e.type for e in analysis.entities}
    assert entities.get("愛知県豊田市") == "LOCATION"  # a place in parentheses is no short name
    places = entities_of("ブリュッセル(ベルギー)で会合が開かれた。ベルギーは賛成した。")
    assert places.get("ブリュッセル") == "LOCATION" and places.get("ベルギー") == "LOCATION"
    # A reading in the other script is the same name, called by its listed name if any.
    read = analyze_text("「Stargate（スターゲート）」計画を進める。Stargateは巨大だ。").entities
    assert [(e.text, e.count) for e in read] == [("Stargate", 3)]
    apple = analyze_text("Apple Inc.（アップル）は発表した。").entities
    assert [(e.text, e.count) for e in apple] == [("Apple", 2)]


def test_a_surname_or_a_company_name_without_its_form_is_the_full_names_entity():
    analysis = analyze_text(
        "楽天グループの三木谷浩史会長は強調した。三木谷氏は黒字化を急ぐ。"
        "ベインキャピタルが買収した。ベインは株式の5割を持つ。"
        "ブラックロックのラリー・フィンクCEOは語った。フィンク氏は強調した。"
        "AMDのリサ・スーCEOが登壇した。スー氏は語った。"
        "ホゲラボホールディングスは上場した。ホゲラボの株価は上がった。"
    )
    by_text = {e.text: e for e in analysis.entities}
    assert by_text["三木谷浩史"].type == "PERSON" and by_text["三木谷浩史"].count == 2
    assert by_text["ベインキャピタル"].type == "COMPANY" and by_text["ベインキャピタル"].count == 2
    assert by_text["ラリー・フィンク"].count == 2
    assert by_text["リサ・スー"].count == 2  # a listed full name takes its short form too
    assert by_text["ホゲラボホールディングス"].type == "COMPANY"
    assert by_text["ホゲラボホールディングス"].count == 2
    assert not {"三木谷", "ベイン", "フィンク", "スー", "ホゲラボ"} & set(by_text)
    son = analyze_text("孫正義会長は語った。孫氏は強調した。").entities
    assert [(e.text, e.count) for e in son] == [("孫正義", 2)]  # a one-kanji surname
    # Two listed companies stay two, and a short form that fits two names joins neither.
    two = {e.text for e in analyze_text("ソフトバンクとソフトバンクグループが動いた。").entities}
    assert {"ソフトバンク", "ソフトバンクグループ"} <= two
    both = analyze_text("佐藤一郎と佐藤次郎が会った。佐藤氏は笑った。").entities
    assert {e.text for e in both if e.type == "PERSON"} >= {"佐藤一郎", "佐藤次郎"}


def test_a_company_name_without_its_industry_word_is_the_companys_entity():
    # News shortens 小野薬品工業 to 小野 (which alone reads as a surname), 参天製薬 to 参天.
    analysis = analyze_text(
        "小野薬品工業は発表した。小野の株価は上がった。"
        "参天製薬は増益となった。参天の株価は上がった。"
        "九州電力は再稼働した。九州の電力需要は増えた。"
    )
    by_text = {e.text: e for e in analysis.entities}
    assert (by_text["小野薬品工業"].type, by_text["小野薬品工業"].count) == ("COMPANY", 2)
    assert (by_text["参天製薬"].type, by_text["参天製薬"].count) == ("COMPANY", 2)
    assert "小野" not in by_text and "参天" not in by_text
    assert by_text["九州"].type == "LOCATION"  # a place stays a place


def test_company_with_kabushiki_kaisha_is_kept_whole():
    text = "株式会社ホゲラボは新製品を発表した。"
    analysis = analyze_text(text)
    company = next(e for e in analysis.entities if e.type == "COMPANY")
    m = company.mentions[0]
    assert text[m.start : m.end] == "株式会社ホゲラボ"
    entities = entities_of(
        "映像制作企業フューチャー・プラネット株式会社と株式会社東武百貨店、"
        "株式会社サラブレッド・ブリーダーズ・クラブが提携した。"
    )
    for name in ("フューチャー・プラネット株式会社", "株式会社東武百貨店"):
        assert entities.get(name) == "COMPANY", name
    assert entities.get("株式会社サラブレッド・ブリーダーズ・クラブ") == "COMPANY"


def test_a_legal_form_joins_its_name_not_the_words_around_it():
    # Stockmark train sentences, shortened.
    entities = entities_of("同年、東京瓦斯株式会社初代社長を務めていた渋沢栄一から懇請された。")
    assert entities.get("東京瓦斯株式会社") == "COMPANY"
    assert not any("社長" in name for name in entities)
    entities = entities_of("株式会社ユーザベース代表取締役CEOに就いた。")
    assert entities.get("株式会社ユーザベース") == "COMPANY"
    assert not any("代表" in name for name in entities)
    for text in (
        "銀行は株式会社化した。",
        "合同会社形式で設立された。",
        "株式会社等の法人組織が多い。",
    ):
        assert not any("会社" in name for name in entities_of(text)), text
    # One-kanji words MeCab reads as suffixes still name a company after its form.
    assert entities_of("株式会社孔官堂は大阪府にある。").get("株式会社孔官堂") == "COMPANY"
    # Where the tagger's company with the form reaches further, it is the name.
    dotted = entities_of("株式会社ミライ・トラベル・サービスは、松山市に本社を置く旅行会社。")
    assert dotted.get("株式会社ミライ・トラベル・サービス") == "COMPANY"


def test_listed_company_mention_takes_its_legal_form_and_keeps_its_list_name():
    text = "トヨタ自動車株式会社と(株)キーエンスが提携した。トヨタは好調だ。"
    analysis = analyze_text(text)
    spans = {e.text: [text[m.start : m.end] for m in e.mentions] for e in analysis.entities}
    assert spans["トヨタ自動車"] == ["トヨタ自動車株式会社", "トヨタ"]
    assert spans["キーエンス"] == ["(株)キーエンス"]


def test_person_name_excludes_the_honorific():
    entities = entities_of("植田和男総裁と岸田氏が会談した。")
    assert entities.get("植田和男") == "PERSON"
    assert "岸田氏" not in entities


def test_an_official_before_the_country_and_office_is_a_person():
    # news style: the name, its country's prefix, the office (the tagger: one firm)
    found = entities_of("ベッセント米財務長官とラトニック米商務長官が来日した。")
    assert found == {"ベッセント": "PERSON", "ラトニック": "PERSON"}
    assert entities_of("大阪府の吉村洋文知事はIRの開業を急ぐ。") == {
        "大阪府": "LOCATION",
        "吉村洋文": "PERSON",
    }  # IR, a resort's abbreviation, is a generic term


def test_a_surname_may_begin_with_a_kanji_numeral():
    # MeCab cuts 十|倉 and reads 四元 as 4 yuan; the tagger's person goes on after them
    assert entities_of("経団連の十倉雅和会長は賃上げを求めた。")["十倉雅和"] == "PERSON"
    found = entities_of("同社の四元正弘氏が述べた。")
    assert found == {"四元正弘": "PERSON"}
    assert entities_of("同社は四億円を投じた。") == {"四億円": "MONEY"}


def test_ranks_boards_question_marks_and_quoted_names_in_news_and_posts():
    entities = entities_of("自衛隊の山田陸将は記者会見した。六本木ヒルズ屋上の庭園で式を挙げた。")
    assert entities.get("山田") == "PERSON" and "山田陸将" not in entities  # a rank
    assert entities.get("六本木ヒルズ") == "FACILITY"  # 屋上: where on it
    glasses = entities_of("Metaは、スマートグラス「Ray-Ban Meta」の新型を発表した。")
    assert glasses == {"Meta": "COMPANY", "Ray-Ban Meta": "PRODUCT"}  # a longer quoted name
    chief = entities_of("国際原子力機関（IAEA）のグロッシ事務局長が懸念を示した。")
    assert chief.get("グロッシ") == "PERSON"  # the tagger took グロッシ事務局, not 長
    governors = entities_of("小池百合子都知事は会見した。北海道の鈴木直道知事。東京都知事選。")
    assert governors == {
        "小池百合子": "PERSON",
        "北海道": "LOCATION",
        "鈴木直道": "PERSON",  # 道 his name's
        "東京都": "LOCATION",
    }
    secretaries = entities_of("ベッセント財務長官は証言した。イエレン前財務長官も講演した。")
    assert secretaries == {"ベッセント": "PERSON", "イエレン": "PERSON"}  # 財務|長官 cut
    renamed = entities_of("マイクロストラテジー（現ストラテジー）は9%安。")
    assert "ストラテジー" in renamed and "現ストラテジー" not in renamed
    (renamed,) = analyze_text(
        "ビットコインを大量に保有する米ストラテジー（旧マイクロストラテジー）の株価も11%安。"
    ).entities[:1]
    assert renamed.type == "COMPANY" and len(renamed.mentions) == 2  # its new and old names
    (x,) = analyze_text("セイラー会長はX（旧ツイッター）に投稿した。").entities[:1]
    assert (x.text, x.type, len(x.mentions)) == ("X", "PRODUCT", 2)  # one entity, two names
    answer = entities_of("Q. 新NISAで何を買えばいい？ A. まずはオルカンから。")
    assert "Q." not in answer and "A." not in answer  # a question's and an answer's marks
    board = entities_of("FRBのウォラー理事は、利下げを支持した。")
    assert board.get("ウォラー") == "PERSON"  # typed a body, as 理事会 reads; ラー a place
    board = entities_of("FRBのウォラー理事は述べた。IMFのゲオルギエワ専務理事は指摘した。")
    assert board.get("ウォラー") == board.get("ゲオルギエワ") == "PERSON"  # typed a firm, none
    assert entities_of("ユネスコ事務局長が来日した。").get("ユネスコ") != "PERSON"  # a known word
    officer = entities_of("ArmのRene Haas CEOは、自社設計のチップを認めた。")
    assert officer == {"Arm": "COMPANY", "Rene Haas": "PERSON"}  # typed a firm
    officer = entities_of("IntelのLip-Bu Tan CEOは語った。")
    assert officer.get("Lip-Bu Tan") == "PERSON"  # a hyphen in the given name
    officer = entities_of("Rene Haas CEOは決算説明会で述べた。")
    assert officer == {"Rene Haas": "PERSON"}  # no firm before him
    holder = entities_of("Acme Robotics CEOのジョン・スミス氏が語った。")
    assert holder == {"Acme Robotics": "COMPANY", "ジョン・スミス": "PERSON"}  # his firm


def test_what_a_firm_buys_is_a_firm():
    entities = entities_of(
        "Qualcommは2021年、エンジニアが創業したNuviaを約14億ドルで買収した。"
        "GoogleはWizを320億ドルで買収すると発表した。"
    )
    assert entities.get("Nuvia") == entities.get("Wiz") == "COMPANY"  # typed products


def test_camps_keys_and_tiers_are_no_names_but_factions_are():
    entities = entities_of(
        "Claude Codeはターミナル派、Cursorはエディタ派に向いている。Tabキーで補完する。"
        "料金はPro、Ultraの2プラン。安倍派の議員が集まった。"
    )
    assert entities.get("Cursor") == "PRODUCT"  # listed: typed a person here
    assert not {"ターミナル派", "エディタ派", "Tabキー", "Tab", "Pro", "Ultra"} & set(entities)
    assert entities.get("安倍派") == "POLITICAL_ORG"  # the faction; 安倍 alone was found


def test_a_union_a_chain_of_shops_and_a_new_plants_place_are_typed_as_news_reads_them():
    entities = entities_of(
        "労働組合IGメタルは強く反発した。全米鉄鋼労働組合（USW）も反対した。"
        "BYDのハンガリー新工場が稼働した。"
    )
    assert entities.get("IGメタル") == entities.get("全米鉄鋼労働組合") == "ORG"  # firms
    assert entities.get("USW") == "ORG"  # its short name, of its type
    assert entities.get("ハンガリー") == "LOCATION"  # no facility named ハンガリー新工場
    assert "ハンガリー新工場" not in entities
    chain = entities_of("傘下のホームセンター「島忠」との共同仕入れも拡大する。")
    assert chain.get("島忠") == "COMPANY"  # a chain of shops, typed a person or a facility


def test_a_count_after_a_product_is_no_part_of_its_name():
    entities = entities_of(
        "iPhone 17 Pro Max 2か月レビュー。Galaxy S26 2台目を買った。"
        "Final Cut Proで編集した。ahamoの割引を使った。Claude Sonnet 4.5も試した。"
    )
    assert entities.get("iPhone 17 Pro Max") == entities.get("Galaxy S26") == "PRODUCT"
    assert not any(name.endswith(("2", "2か月", "2台目")) for name in entities)
    assert entities.get("Final Cut Pro") == "PRODUCT"  # an edition ends it; typed ORG
    assert entities.get("ahamo") == "PRODUCT"
    disney = entities_of("ウォルト・ディズニーは「Disney+」の値上げを発表した。")
    assert disney.get("ウォルト・ディズニー") == "COMPANY"  # listed: the tagger read a person
    assert entities.get("Claude Sonnet 4.5") == "PRODUCT"  # a version is


def test_funds_named_after_their_firm_and_measures_in_brackets():
    fund = entities_of("楽天・全米株式インデックス・ファンド（楽天VTI）は純資産が2兆円を突破した。")
    assert fund.get("楽天・全米株式インデックス・ファンド") == "PRODUCT"  # not 楽天, a firm
    assert "楽天" not in fund
    survey = entities_of("日銀短観では、大企業製造業の業況判断指数（DI）が改善した。")
    assert survey == {}  # a survey and its measure: no firm's names
    assert entities_of("ABEMAの黒字化を宣言した。").get("ABEMA") == "PRODUCT"


def test_person_name_excludes_offices_and_professions_news_writes_after_it():
    entities = entities_of(
        "東洋証券の安田秀樹アナリストは指摘した。第一生命経済研究所の永浜利広首席エコノミストは"
        "懸念する。大谷翔平選手が契約した。加藤勝信財務相は否定した。"
        "ニッセイ基礎研究所の上野剛志上席エコノミストは指摘した。"
        "野村総合研究所の木内登英エグゼクティブ・エコノミストは指摘する。"
    )
    for name in ("安田秀樹", "永浜利広", "大谷翔平", "加藤勝信", "上野剛志", "木内登英"):
        assert entities.get(name) == "PERSON", name
    assert not any(
        name.endswith(("アナリスト", "エコノミスト", "首席", "上席", "選手", "相", "・"))
        for name in entities
    )
    # A title ends a compound only where it ends (米国|大統領|選挙 is one name).
    assert entities_of("米国大統領選挙の行方。").get("米国大統領選挙") == "EVENT"


def test_money_percent_dates_and_quantities_are_normalised():
    text = unicodedata.normalize(
        "NFKC",
        "約1兆4000億ドルを投じ、3,000万円を寄付。売上は７５％増え、3割が海外。"
        "2026年10月3日に72基を納入。",
    )
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["約1兆4000億ドル"] == ("MONEY", {"amount": 1.4e12, "unit": "USD"})
    assert spans["3,000万円"] == ("MONEY", {"amount": 3e7, "unit": "JPY"})
    assert spans["75%"] == ("PERCENT", {"percent": 75.0})
    assert spans["3割"] == ("PERCENT", {"percent": 30.0})
    sums = "寄付は5千万円、予算は5,000億ルピー、調達は2億香港ドル。"
    assert [(sums[s.start : s.end], s.value) for s in find_numeric(sums)] == [
        ("5千万円", {"amount": 5e7, "unit": "JPY"}),  # 千 before 万
        ("5,000億ルピー", {"amount": 5e11, "unit": "INR"}),
        ("2億香港ドル", {"amount": 2e8, "unit": "HKD"}),
    ]
    (several,) = find_numeric("数千億円を投じる")
    assert several.value == {"amount": 2e11, "amount_max": 9e11, "unit": "JPY"}  # 2 to 9
    assert find_numeric("数円の差") == [] and find_numeric("多数億円") == []
    counted = "数百社が参加し、GPUが数十万基規模で入る。数人が残り、人数百人、数十年かかる。"
    assert [(counted[s.start : s.end], s.type, s.value) for s in find_numeric(counted)] == [
        ("数百社", "QUANTITY", {"amount": 200.0, "amount_max": 900.0, "unit": "社"}),
        ("数十万基", "QUANTITY", {"amount": 2e5, "amount_max": 9e5, "unit": "基"}),
    ]  # not 数人 (no size), 人数百人 (数 of 人数), 数十年 (a time, not counted)
    specs = (
        "最大45W、5000mAh、4.2GHz、120Hz、6.3インチ、5000万画素、約190グラム、8.5mm、5GBps、5W1H"
    )
    assert [(specs[s.start : s.end], s.value) for s in find_numeric(specs)] == [
        ("45W", {"amount": 45.0, "unit": "W"}),
        ("5000mAh", {"amount": 5000.0, "unit": "mAh"}),
        ("4.2GHz", {"amount": 4.2, "unit": "GHz"}),
        ("120Hz", {"amount": 120.0, "unit": "Hz"}),
        ("6.3インチ", {"amount": 6.3, "unit": "インチ"}),
        ("5000万画素", {"amount": 5e7, "unit": "画素"}),
        ("約190グラム", {"amount": 190.0, "unit": "g"}),
        ("8.5mm", {"amount": 8.5, "unit": "mm"}),
    ]  # not 5GB of 5GBps, a rate, nor 5W of 5W1H
    weights = "重さ215gで、2.4mgを注射し、500mLを飲む。5Gと4Gの通信、3gppの規格。8コア。"
    assert [(weights[s.start : s.end], s.value) for s in find_numeric(weights)] == [
        ("215g", {"amount": 215.0, "unit": "g"}),
        ("2.4mg", {"amount": 2.4, "unit": "mg"}),
        ("500mL", {"amount": 500.0, "unit": "ml"}),
        ("8コア", {"amount": 8.0, "unit": "コア"}),
    ]  # not 5G, a generation, nor 3g of 3gpp
    assert entities_of("CPU 8コアを搭載。") == {"8コア": "QUANTITY"}  # was a product
    few = "上昇は数%にとどまり、数十%の値上げもあった。多数%は何でもない。"
    assert [(few[s.start : s.end], s.value) for s in find_numeric(few)] == [
        ("数%", {"percent": 2.0, "percent_max": 9.0}),
        ("数十%", {"percent": 20.0, "percent_max": 90.0}),
    ]
    (stocks,) = find_numeric("約580銘柄に分散し、銘柄数は多い")
    assert stocks.value == {"amount": 580.0, "unit": "銘柄"}
    cut = "約1割を削減"
    assert [cut[s.start : s.end] for s in find_numeric(cut)] == ["約1割"]
    lines = "契約1000万回線を突破し、総額約5000億円を投じた。"
    assert [lines[s.start : s.end] for s in find_numeric(lines)] == [
        "1000万回線",  # 契約's 約 is no "about"
        "約5000億円",
    ]
    assert spans["2026年10月3日"] == ("DATE", {"date": "2026-10-03"})
    assert spans["72基"] == ("QUANTITY", {"amount": 72.0, "unit": "基"})
    assert parse_amount("1.5") == 1.5
    power = "6ギガワット分のGPU、出力135万キロワット、年100億キロワット時、1.5GW。"
    values = [s.value for s in find_numeric(power)]
    assert values == [
        {"amount": 6.0, "unit": "GW"},  # written out, as its symbol
        {"amount": 1.35e6, "unit": "kW"},
        {"amount": 1e10, "unit": "kWh"},
        {"amount": 1.5, "unit": "GW"},
    ]


def test_dates_in_kanji_numerals():
    text = (
        "二〇二一年に落札し、二〇二五年三月期に減損。二〇二五年十二月二十五日に発表し、2月に上場。"
    )
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text, dt.date(2026, 1, 8))}
    assert spans == {
        "二〇二一年": {"date": "2021"},
        "二〇二五年三月期": {"date": "2025-03"},
        "二〇二五年十二月二十五日": {"date": "2025-12-25"},
        "2月": {"date": "2026-02", "year_inferred": True},  # the article's, as before
    }
    assert find_numeric("二〇二五年二月三十日")[0].value is None  # no such day
    assert find_numeric("統一三四年") == []  # inside a word


def test_an_exchange_rate_is_its_price_not_its_unit():
    text = "円相場は1ドル=161円台、1ユーロ=170円をつけた。1ドル160円を超え、株価は1ドル上がった。"
    spans = [(text[s.start : s.end], s.value["amount"]) for s in find_numeric(text)]
    assert spans == [("161円", 161.0), ("170円", 170.0), ("160円", 160.0), ("1ドル", 1.0)]
    text = "円相場は一時1ドル=158円40銭前後と、日米金利差が意識された。"
    spans = [(text[s.start : s.end], s.value["amount"]) for s in find_numeric(text)]
    assert spans == [("158円40銭", 158.4)]  # sen, hundredths of a yen
    (band,) = find_numeric("1ドル=157〜158円40銭")
    assert band.value == {"amount": 157.0, "amount_max": 158.4, "unit": "JPY"}
    entities = entities_of(text + "外貨預金やFXの利用者には追い風だ。")
    assert "日米金利差" not in entities and "FX" not in entities  # common nouns


def test_fiscal_periods_are_dates_with_their_months():
    text = "2026年3月期の営業利益は、2025年10〜12月期に伸び、2025年度下期も堅調。1〜3月期は減益。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["2026年3月期"] == ("DATE", {"date": "2026-03"})
    assert spans["2025年10〜12月期"] == ("DATE", {"date": "2025-10/2025-12"})
    assert spans["2025年度下期"] == ("DATE", {"date": "2025"})
    assert spans["1〜3月期"] == ("DATE", None)
    assert find_numeric("2025年12〜3月期")[0].value == {"date": "2025"}  # no backwards interval
    text = "4月に始め、1月第2週に買い越した。3カ月で13月はない。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans == {"4月": ("DATE", None), "1月第2週": ("DATE", None)}
    text = "会合は2025年11月下旬に開かれ、2026年3月末までに決める。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {"2025年11月下旬": {"date": "2025-11"}, "2026年3月末": {"date": "2026-03"}}
    text = "2026年半ばに納車し、2027年初頭に増産、3月半ばに決める。2026年初めて黒字化した。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "2026年半ば": {"date": "2026-04/2026-09"},  # the middle half of the year
        "2027年初頭": {"date": "2027-01/2027-03"},
        "3月半ば": None,  # no year named
        "2026年": {"date": "2026"},  # 初めて: for the first time
    }


def test_parts_of_a_year_are_their_months():
    reference = dt.date(2026, 11, 5)
    text = (
        "2026年上半期に増え、2025年後半に減った。2025年度第2四半期、令和7年度末、"
        "2027年3月期第1四半期、今年下期、来年度上期、2026年末。上半期は堅調。"
    )
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text, reference)}
    assert spans == {
        "2026年上半期": {"date": "2026-01/2026-06"},  # a calendar year from January
        "2025年後半": {"date": "2025-07/2025-12"},
        "2025年度第2四半期": {"date": "2025"},  # whose 年度? NVIDIA's begins in February
        "令和7年度末": {"date": "2025"},
        "2027年3月期第1四半期": {"date": "2026-04/2026-06"},  # the year ending in March
        "今年下期": {"date": "2026-07/2026-12"},
        "来年度上期": {"date": "2027"},
        "2026年末": {"date": "2026-12"},
        "上半期": None,  # no year named
    }
    text = "FY2025のQ3決算、FY26の3Q決算。IQ3とFY2025Xは型番。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text, reference)}
    assert spans == {"FY2025": {"date": "2025"}, "Q3": None, "FY26": {"date": "2026"}, "3Q": None}
    text = "2026年秋以降、来年春に稼働。2025年冬の賞与。2026年春闘。2024年秋冬物。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text, reference)}
    assert spans == {
        "2026年秋": {"date": "2026-09/2026-11"},
        "来年春": {"date": "2027-03/2027-05"},
        "2025年冬": {"date": "2025-12/2026-02"},  # winter runs into the next year
        "2026年": {"date": "2026"},  # 春闘, the wage talks: a word, not the season
        "2024年": {"date": "2024"},
    }
    # a part names its year, not a month, for a month after it
    text = "2026年上半期に、10月に発表。0000年上半期。2026年13月期上期。"
    values = [s.value for s in find_numeric(text, reference, Timeline(reference))]
    assert values == [
        {"date": "2026-01/2026-06"},
        {"date": "2026-10", "year_inferred": True},
        None,  # no ISO year 0
        None,  # no 13th month
    ]


def test_dates_without_a_year_take_it_from_the_article_date():
    post = (
        "---\ndate: 2026-01-20\n---\n\n19日の会見で、12月25日と4月の計画に触れた。3日間の日程。"
        "株価は5日続伸した。発売から7日で完売した。店は28日で閉める。\n"
    )
    dates = dates_of(post)
    assert dates["19日"] == {"date": "2026-01-19", "year_inferred": True}
    assert dates["12月25日"] == {"date": "2025-12-25", "year_inferred": True}  # the nearest
    assert dates["4月"] == {"date": "2026-04", "year_inferred": True}
    assert "3日" not in dates and "5日" not in dates and "7日" not in dates  # durations
    assert dates["28日"] == {"date": "2026-01-28", "year_inferred": True}  # a day after all
    late = dates_of(
        "---\ndate: 2026-11-28\n---\n\n11月は新製品が相次いだ。A社は18日に、B社は12日に、"
        "C社は24日に公開した。\n\nD社の新製品は3日に発売する予定だ。\n"
    )
    assert late["12日"] == {"date": "2026-11-12", "year_inferred": True}  # not 2026-12-12
    assert late["3日"] == {"date": "2026-12-03", "year_inferred": True}  # a plan: ahead
    coming = dates_of("---\ndate: 2026-06-10\n---\n\n新製品は9月に発売。会議は12月に開かれる。\n")
    assert coming["9月"] == {"date": "2026-09", "year_inferred": True}  # a month: the nearest
    assert coming["12月"] == {"date": "2026-12", "year_inferred": True}  # non-past: ahead
    undated = {e.text: e.value for e in analyze_text("19日の会見。").entities}
    assert undated["19日"] is None


def test_the_tense_after_a_date_without_a_year_says_which_side_of_the_article_it_is():
    post = (
        "---\ndate: 2025-10-20\n---\n\n"
        "ブルームバーグが4月に報じた。新会社は2月に上場する予定だ。"
        "7〜9月期の売上収益は伸び、25日に発表した。\n"
    )
    dates = dates_of(post)
    assert dates["4月"] == {"date": "2025-04", "year_inferred": True}  # past: not 2026-04
    assert dates["2月"] == {"date": "2026-02", "year_inferred": True}  # a plan: not 2025-02
    assert dates["7〜9月期"] == {"date": "2025-07/2025-09", "year_inferred": True}
    assert dates["25日"] == {"date": "2025-09-25", "year_inferred": True}


def test_what_else_decides_the_year_of_a_month_or_day_without_one():
    post = (
        "---\ndate: 2026-11-20\n---\n\n"
        "安川電機も10月に通期の業績予想を下方修正しており、回復は遅れている。"
        "同社は2月に上場する予定だ。\n"
    )
    dates = dates_of(post)
    assert dates["10月"] == {"date": "2026-10", "year_inferred": True}  # not 2027-10
    assert dates["2月"] == {"date": "2027-02", "year_inferred": True}  # a plan: ahead

    post = (
        "---\ndate: 2026-11-18\n---\n\n"
        "植田和男総裁は「好循環は続いている」と話し、12月の利上げに含みを持たせた。"
        "同社は1月に新製品を発表した。\n"
    )
    dates = dates_of(post)
    # past tense, but news writes 昨年12月 for last year's: the coming December
    assert dates["12月"] == {"date": "2026-12", "year_inferred": True}
    assert dates["1月"] == {"date": "2026-01", "year_inferred": True}  # this year's, past

    post = "---\ndate: 2026-11-20\n---\n\n説明会は1月5日（月）と12月3日(水・祝)に開く。\n"
    dates = dates_of(post)
    # the day of the week decides the year: 2026-01-05 was a Monday, 2027-01-05 is not
    assert dates["1月5日"] == {"date": "2026-01-05", "year_inferred": True}
    assert dates["12月3日"] == {"date": "2025-12-03", "year_inferred": True}


def test_a_season_or_a_month_named_from_the_article_date():
    post = (
        "---\ndate: 2025-11-20\n---\n\n"
        "今秋にも発売し、来春に開業する。昨秋から値上げした。今春闘は続く。"
    )
    dates = dates_of(post)
    assert dates == {
        "今秋": {"date": "2025-09/2025-11"},
        "来春": {"date": "2026-03/2026-05"},
        "昨秋": {"date": "2024-09/2024-11"},
    }  # 今春闘 is the wage talks, no date
    months = "---\ndate: 2025-12-05\n---\n\n来月中旬に発表し、今月末に締める。先月比で増えた。"
    dates = {e.text: e.value for e in analyze_text(months).entities if e.type == "DATE"}
    assert dates == {"来月中旬": {"date": "2026-01"}, "今月末": {"date": "2025-12"}}
    winter = "---\ndate: 2026-01-10\n---\n\n今冬の電力需給は厳しい。"
    dates = {e.text: e.value for e in analyze_text(winter).entities if e.type == "DATE"}
    assert dates == {"今冬": {"date": "2025-12/2026-02"}}  # the winter under way


def test_a_year_named_from_the_article_or_the_story_dates_what_follows():
    post = (
        "---\ndate: 2026-11-05\n---\n\n"
        "昨年12月に発表した。今年は増益を見込み、来年度の予算も増える。日本年金機構は将来年金が減ると見る。"
        "\n\n2025年9月にアサヒが攻撃を受けた。10月にはアスクルも攻撃を受け、5日後に復旧した。"
        "\n\n2019年に設立し、翌年3月に上場した。\n\n2024年3月に上場した。決算の発表は11月14日。"
        "\n\n2027年9月に発売する予定だ。2月には試作した。"
    )
    dates = dates_of(post)
    assert dates["昨年12月"] == {"date": "2025-12"}
    assert dates["今年"] == {"date": "2026"} and dates["来年度"] == {"date": "2027"}
    assert not any("年金" in name for name in dates)  # 日本|年金, 将来|年金
    assert dates["10月"] == {"date": "2025-10", "year_inferred": True}  # the story's year
    assert dates["翌年3月"] == {"date": "2020-03"}
    assert dates["11月14日"] == {"date": "2026-11-14", "year_inferred": True}  # too far on
    assert dates["2月"] == {"date": "2026-02", "year_inferred": True}  # after a plan
    paragraphs = "---\ndate: 2026-11-05\n---\n\n2025年9月に受けた。\n\n10月には受けた。"
    dates = {e.text: e.value for e in analyze_text(paragraphs).entities if e.type == "DATE"}
    assert dates["10月"] == {"date": "2026-10", "year_inferred": True}  # another paragraph
    dates = dates_of("2019年に設立し、同年末に上場した。翌年春に増資し、前年末比で伸びた。")
    assert dates["同年末"] == {"date": "2019-12"}  # was found with no value
    assert dates["翌年春"] == {"date": "2020-03/2020-05"}
    assert "前年末" not in dates  # 前年末比: a comparison


def test_a_products_generation_is_no_event():
    found = entities_of("キオクシアは北上工場で第8世代BiCS FLASHの量産を始めた。")
    assert found["BiCS FLASH"] == "PRODUCT"  # the tagger read 第8世代BiCS FLASH as an event
    assert entities_of("第3回日本AI会議が開かれた。") == {"第3回日本AI会議": "EVENT"}
    assert "HBM4" not in entities_of("サムスン電子はHBM4の量産を始めた。")  # a generic term's
    models = entities_of("新型CX-5と新型RAV4、新型N-BOX、新型プリウスが並ぶ。新型AIも。")
    assert models == dict.fromkeys(("CX-5", "RAV4", "N-BOX", "プリウス"), "PRODUCT")
    meeting = entities_of("新型コロナウイルス感染症対策専門家会議が開かれた。")
    assert meeting == {"新型コロナウイルス感染症対策専門家会議": "EVENT"}


def test_headlines_two_digit_years_and_unnamed_firms():
    # 26年にも, 27年度, 26年3月期: years of this century as headlines write them
    text = "子会社の上場を検討　26年にも。27年度に黒字化。26年3月期の純利益。"
    dates = {text[s.start : s.end]: s.value for s in find_numeric(text) if s.type == "DATE"}
    assert dates == {
        "26年": {"date": "2026"},
        "27年度": {"date": "2027"},
        "26年3月期": {"date": "2026-03"},
    }
    text = "25年末までに完成。26年前半に発売。26年春にも上場。"  # and a part of the year
    dates = {text[s.start : s.end]: s.value for s in find_numeric(text) if s.type == "DATE"}
    assert dates == {
        "25年末": {"date": "2025-12"},  # was 25年, the end left out
        "26年前半": {"date": "2026-01/2026-06"},
        "26年春": {"date": "2026-03/2026-05"},
    }
    text = "創業26年の老舗。26年ぶりの高値。26年間勤めた。過去26年にわたり伸びた。"
    assert not find_numeric(text)  # an age, a span of years
    found = entities_of("日立、英社を買収　鉄道信号で欧州攻勢")
    assert found == {"日立製作所": "COMPANY", "日立": "COMPANY", "欧州": "LOCATION"}


def test_model_numbers_and_ordinals_are_no_counts():
    text = "北上工場K2棟でF35機を整備する。第2棟も建てる。PBR1倍割れ、TSMC一社、3棟。"
    spans = {text[s.start : s.end] for s in find_numeric(text)}
    assert spans == {"1倍", "一社", "3棟"}  # a multiple after a Latin ratio is one


def test_money_after_a_currency_code_or_a_countrys_dollar_sign():
    text = (
        "USD 5 billion の融資枠、EUR1.2mの契約、JPY100億の社債。USDの需要、CNY建て。"
        "NT$1000億の投資、US$500 millionの社債、HK$2 billionの調達。USの企業。"
    )
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "USD 5 billion": {"amount": 5e9, "unit": "USD"},
        "EUR1.2m": {"amount": 1.2e6, "unit": "EUR"},
        "JPY100億": {"amount": 1e10, "unit": "JPY"},
        "NT$1000億": {"amount": 1e11, "unit": "TWD"},
        "US$500 million": {"amount": 5e8, "unit": "USD"},
        "HK$2 billion": {"amount": 2e9, "unit": "HKD"},
    }
    found = entities_of("US$500 millionの社債を発行した。")
    assert found == {"US$500 million": "MONEY"}  # was 米国 and $500 million


def test_money_in_emerging_markets_currencies():
    text = "総事業費は約466兆ルピア。フォーは5万ドン、運賃は30リンギット、3億メキシコペソ。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "約466兆ルピア": {"amount": 4.66e14, "unit": "IDR"},
        "5万ドン": {"amount": 5e4, "unit": "VND"},
        "30リンギット": {"amount": 30.0, "unit": "MYR"},
        "3億メキシコペソ": {"amount": 3e8, "unit": "MXN"},
    }
    assert entities_of("ドン・キホーテで買った。").get("ドン・キホーテ") == "COMPANY"


def test_crypto_holdings_are_money_in_their_tickers():
    text = "保有量を3万BTCに増やした。0.5ビットコインを送った。2万ETHを売った。ビットコインは上昇。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "3万BTC": {"amount": 3e4, "unit": "BTC"},
        "0.5ビットコイン": {"amount": 0.5, "unit": "BTC"},
        "2万ETH": {"amount": 2e4, "unit": "ETH"},
    }


def test_a_countrys_currency_is_no_name():
    found = entities_of("韓国ウォンで3兆ウォン規模。トルコリラが急落し、メキシコペソも売られた。")
    assert found == {"3兆ウォン": "MONEY"}  # 韓国ウォン was a place, メキシコペソ a product
    assert entities_of("米ドルは対円で上昇した。") == {}  # ドル was a firm, 米 cut off
    yen = entities_of("日本円建てステーブルコイン「JPYC」の発行が始まった。日本の円相場。")
    assert yen == {"JPYC": "PRODUCT", "日本": "LOCATION"}  # the yen's 日本 was a place
    assert [e.mentions[0].start for e in analyze_text("日本円建てと日本の円。").entities] == [6]
    assert entities_of("ドン・キホーテは好調。") == {"ドン・キホーテ": "COMPANY"}
    assert entities_of("ロンドンとアイルランドで会合。") == {
        "ロンドン": "LOCATION",
        "アイルランド": "LOCATION",
    }


def test_money_ranges_and_more_counters():
    text = "売上収益は1兆8000億〜2兆円、投資は3〜5億円。契約は950万回線、国内に12拠点。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["1兆8000億〜2兆円"] == (
        "MONEY",
        {"amount": 1.8e12, "amount_max": 2e12, "unit": "JPY"},
    )
    assert spans["3〜5億円"] == ("MONEY", {"amount": 3e8, "amount_max": 5e8, "unit": "JPY"})
    assert spans["950万回線"] == ("QUANTITY", {"amount": 9.5e6, "unit": "回線"})
    assert spans["12拠点"] == ("QUANTITY", {"amount": 12.0, "unit": "拠点"})
    text = "LNG船を40隻、本を3冊。ヴァンラーレ八戸に移籍。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["40隻"] == ("QUANTITY", {"amount": 40.0, "unit": "隻"})
    assert "3冊" in spans and len(spans) == 2  # 八戸 is a city: no 戸 counter
    text = "高さ約160メートル、床は3万平方メートル、用地は300ヘクタール。約束の3社。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["約160メートル"] == ("QUANTITY", {"amount": 160.0, "unit": "m"})
    assert spans["3万平方メートル"] == ("QUANTITY", {"amount": 3e4, "unit": "m2"})
    assert spans["300ヘクタール"] == ("QUANTITY", {"amount": 300.0, "unit": "ha"})
    assert "3社" in spans  # 約束 is a promise, not 約
    text = "「第11A級2千メートルレース」で1着。100メートル走。"
    assert not find_numeric(text)  # a race's name goes on past the unit
    (energy,) = find_numeric("消費量は約945テラワット時に増える")
    assert energy.value == {"amount": 945.0, "unit": "TWh"}
    (power,) = find_numeric("100メガワット級のデータセンター")
    assert power.value == {"amount": 100.0, "unit": "MW"}  # a class of power, still power
    text = "出荷は800万〜1000万台、提携は3〜5社。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["800万〜1000万台"] == (
        "QUANTITY",
        {"amount": 8e6, "amount_max": 1e7, "unit": "台"},
    )
    assert spans["3〜5社"] == ("QUANTITY", {"amount": 3.0, "amount_max": 5.0, "unit": "社"})


def test_a_span_of_days_is_an_interval_and_a_date_that_does_not_exist_has_no_value():
    text = "会合は2027年1月22〜23日、説明会は2027年2月4日〜5日。2026年2月30日は誤記。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "2027年1月22〜23日": {"date": "2027-01-22/2027-01-23"},
        "2027年2月4日〜5日": {"date": "2027-02-04/2027-02-05"},
        "2026年2月30日": None,
    }
    post = "---\ndate: 2026-12-19\n---\n\n次回は1月22〜23日。利上げは1月以来、11カ月ぶり。\n"
    dates = dates_of(post)
    assert dates["1月22〜23日"] == {"date": "2027-01-22/2027-01-23", "year_inferred": True}
    assert dates["1月"] == {"date": "2026-01", "year_inferred": True}  # 以来: the past
    post = "---\ndate: 2026-12-19\n---\n\n日銀は18〜19日の会合で決めた。荷物は2〜3日で届く。\n"
    dates = dates_of(post)
    # days without their month: this month's; a span of days after で, how long
    assert dates == {"18〜19日": {"date": "2026-12-18/2026-12-19", "year_inferred": True}}


def test_government_councils_are_political_bodies():
    found = entities_of("経済財政諮問会議で議論された。米国家安全保障会議（NSC）の報道官が語った。")
    assert found.get("経済財政諮問会議") == "POLITICAL_ORG"  # was missed
    assert found.get("NSC") == "POLITICAL_ORG" and "米国家安全保障" not in found


def test_a_range_of_percentages_keeps_both_ends():
    text = "年率2.5〜3%の成長、前年比2%〜3%増、△3〜5%。株価は2〜3割、利益は二〜三割増えた。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {  # was 3% alone
        "2.5〜3%": {"percent": 2.5, "percent_max": 3.0},
        "2%〜3%": {"percent": 2.0, "percent_max": 3.0},
        "△3〜5%": {"percent": -5.0, "percent_max": -3.0},
        "2〜3割": {"percent": 20.0, "percent_max": 30.0},  # was 3割
        "二〜三割": {"percent": 20.0, "percent_max": 30.0},
    }


def test_a_listed_name_before_a_headlines_move_is_found():
    found = entities_of("レーザーテック急落、受注見通し下振れ。アドバンテスト続伸。")
    assert found.get("レーザーテック") == found.get("アドバンテスト") == "COMPANY"  # missed
    assert "ハイテク" not in entities_of("米ハイテク急落が波及した。")  # no firm's name


def test_shows_fairs_and_summits_are_events():
    found = entities_of(
        "「東京モーターショー」は「ジャパンモビリティショー」に名称を変えた。"
        "「G7広島サミット」では、生成AIのルール作りで合意した。"
    )
    assert found.get("ジャパンモビリティショー") == "EVENT"  # typed a product
    assert found.get("G7広島サミット") == "EVENT"  # typed a product


def test_a_kanji_short_name_in_brackets_is_the_same_entity():
    analysis = analyze_text(
        "日本自動車工業会（自工会）の片山正則会長は、関税の影響を懸念した。"
        "日本労働組合総連合会（連合）は賃上げを求めた。東京大学（東大）が発表した。"
    )
    names = {e.text: e.count for e in analysis.entities if e.type != "PERSON"}
    assert len(names) == 3  # each with its short name, not six
    assert sum(names.values()) == 6


def test_a_legal_form_takes_a_dotted_latin_name_whole():
    assert entities_of("合同会社DMM.comは、AI事業に参入した。").get("合同会社DMM.com") == "COMPANY"


def test_a_name_after_a_funds_or_an_activists_no_is_a_firm():
    found = entities_of("米投資ファンドのサード・ポイントは、ソニー株を売却した。")
    assert found.get("サード・ポイント") == "COMPANY"  # the description and name, a product
    assert entities_of("アクティビストの村上世彰氏は語った。").get("村上世彰") == "PERSON"


def test_a_katakana_word_between_a_firms_no_and_its_office_is_a_person():
    found = entities_of(
        "テスラのマスクCEOは、アップルのクックCEOと会った。グループのトップCEOも来た。"
    )
    assert found.get("マスク") == found.get("クック") == "PERSON"  # mask and cook to MeCab
    assert "トップ" not in found


def test_a_plan_is_a_product_but_a_un_programme_a_body():
    found = entities_of("政府は第7次エネルギー基本計画で、原子力の比率を2割程度とする。")
    assert found.get("第7次エネルギー基本計画") == "PRODUCT"  # typed a political body
    assert entities_of("国連環境計画が報告した。").get("国連環境計画") != "PRODUCT"


def test_a_span_of_years_is_an_interval_of_years():
    text = "目標を2025〜26年度に先送りし、2030〜2035年ごろの実現を目指す。1〜2年で回収する。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text) if s.type == "DATE"}
    assert spans == {  # was 26年度 and nothing
        "2025〜26年度": {"date": "2025/2026"},
        "2030〜2035年": {"date": "2030/2035"},
    }
    text = "発着枠は2030年代に拡大される。1990年代後半の危機を経て。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text) if s.type == "DATE"}
    assert spans == {"2030年代": {"date": "2030/2039"}, "1990年代後半": {"date": "1995/1999"}}
    text = "物流の2024年問題が深刻だ。規制は2024年に始まった。"
    spans = {text[s.start : s.end] for s in find_numeric(text) if s.type == "DATE"}
    assert spans == {"2024年"} and text.count("2024年") == 2  # 2024年問題: an issue's name
    assert [s.start for s in find_numeric(text)] == [text.index("2024年に")]


def test_kanji_numerals_count_and_words_made_with_them_do_not():
    text = "三社は約三千五百億円を投じ、五十億ドルの受注の三割を二人で担う。"
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["三社"] == ("QUANTITY", {"amount": 3.0, "unit": "社"})
    assert spans["約三千五百億円"] == ("MONEY", {"amount": 3.5e11, "unit": "JPY"})
    assert spans["五十億ドル"] == ("MONEY", {"amount": 5e9, "unit": "USD"})
    assert spans["三割"] == ("PERCENT", {"percent": 30.0})
    assert spans["二人"] == ("QUANTITY", {"amount": 2.0, "unit": "人"})
    assert parse_amount("一千万") == 1e7
    assert parse_amount("二〇二五") == 2025
    for word in ("三菱商事の統一", "同一人物", "千葉県", "百貨店", "計画の一本化", "四半期"):
        assert find_numeric(word) == [], word
    text = "同社は$1.5Bの資金調達を発表し、$5Millionを追加した。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans == {
        "$1.5B": {"amount": 1.5e9, "unit": "USD"},  # before kana too, not only a space
        "$5Million": {"amount": 5e6, "unit": "USD"},
    }


def test_generic_latin_terms_are_not_entities():
    entities = entities_of("AIとGPUの需要が増え、NVIDIAが潤う。")
    assert "AI" not in entities and "GPU" not in entities
    assert entities["NVIDIA"] == "COMPANY"
    assets = entities_of("金価格は4000ドルを突破し、ソラナやイーサリアムの価格も上昇した。")
    assert set(assets) == {"4000ドル"}  # gold and crypto assets: the tagger said persons
    boj = entities_of("日銀は金融政策決定会合で利上げを決めた。次の決定会合は3月だ。")
    assert boj["金融政策決定会合"] == boj["決定会合"] == "EVENT"  # listed, with its short form
    drug = entities_of("ノボ・ノルディスクの肥満症薬「ウゴービ」は保険適用となった。")
    assert drug["ノボ・ノルディスク"] == "COMPANY"  # listed; the tagger: ノボ・ノル, a person
    assert entities_of("森ビルの麻布台ヒルズは開業1年。")["森ビル"] == "COMPANY"  # not a place
    assert entities_of("LayerXは三井物産と合弁会社を設立した。")["LayerX"] == "COMPANY"
    fed = entities_of("米連邦公開市場委員会（FOMC）は利下げを決めた。G7サミットも開かれた。")
    assert fed["FOMC"] == "POLITICAL_ORG" and fed["G7サミット"] == "EVENT"  # a firm, a product
    assert entities_of("エルメスは増益。ショッピファイは上場した。") == {
        "Hermès": "COMPANY",
        "エルメス": "COMPANY",
        "Shopify": "COMPANY",
        "ショッピファイ": "COMPANY",
    }  # the tagger: persons
    title = entities_of("日本では「エルメスの道」として刊行された。")
    assert title.get("エルメスの道") == "PRODUCT"  # a listed name opening a title is the title's
    words = entities_of("日本製鉄の橋本英二会長は「USスチールの再建に自信がある」と語った。")
    assert words.get("US Steel") == "COMPANY"  # quoted words, not a title
    assert entities_of("【決算速報】ソフトバンクG、4〜9月期は黒字転換") == {
        "ソフトバンクグループ": "COMPANY",
        "ソフトバンクG": "COMPANY",
        "4〜9月期": "DATE",
    }  # 黒字転換 is no event
    oil = entities_of("WTI原油先物は60ドル前後。高配当株やJ-REITも人気だ。")
    assert oil == {"60ドル": "MONEY"}  # a benchmark and an asset class, no firm
    assert not entities_of("シリコンウエハーの供給が逼迫する。")  # a material, no product
    signage = entities_of("ファミリーマートは、デジタルサイネージの設置店舗を広げる。")
    assert "デジタルサイネージ" not in signage  # the tagger said a person


def test_sentence_sentiment_follows_polarity_words():
    analysis = analyze_text("業績は好調で売上は増加した。\n一方で損失が拡大し、懸念が残る悪化だ。")
    first, second = analysis.sentiment.sentences
    assert first.label == "positive"
    assert second.label == "negative"


def test_negation_flips_polarity():
    positive = analyze_text("この計画は成功する。").sentiment.sentences[0]
    negated = analyze_text("この計画は成功しない。").sentiment.sentences[0]
    assert positive.score > 0 > negated.score


def test_lexicon_words_mecab_cuts_into_several_tokens_are_found():
    from analyzer.sentiment import polarity_lexicon
    from analyzer.sentiment_features import lexicon_hits
    from analyzer.tokenizer import tokenize

    def hits(text: str) -> list[tuple[str, float]]:
        tokens = tokenize(text)
        return [(tokens[i].surface, p) for i, p, _ in lexicon_hits(tokens, polarity_lexicon())]

    assert hits("業績予想を上方修正した。") == [("修正", 1.0)]  # 上方|修正, at its end
    assert hits("通期予想を下方修正した。") == [("修正", -1.0)]
    assert hits("株価は急反発した。") == [("反発", 0.6)]  # not 反発 (opposition) alone
    assert hits("同社株はストップ安となった。") == [("安", -1.0)]
    assert hits("大株主であることも安心材料だ。") == [("材料", 0.8)]  # 安心|材料
    assert hits("今期は黒字化できなかった。") == [("化", -1.0)]  # the negation after it
    assert hits("年率リターンは約13%と優秀です。") == [("優秀", 1.0)]  # lexicon v16
    assert hits("含み損を抱える。") == [("含み損", -0.8)]
    assert hits("予想を大幅に上方修正した。")[0][1] > 1.0  # a word of degree before it
    assert hits("大幅な減益となった。")[0][1] < -1.0  # 大幅な, as 大幅に
    assert hits("予測してくれるのは本当に便利です。")[0][1] > 0.7  # a blog's words of degree
    assert hits("とても重い。")[0][1] < hits("重い。")[0][1]
    assert hits("悪影響は小さい。")[0][1] > 0  # a bad thing of two words said to be small
    assert hits("成長は止まらない。") == [("成長", 0.8)]  # it goes on: not flipped
    assert [p for _, p in hits("夜景でもノイズが少なく、文字がつぶれません。")] == [0.4, 0.6]
    assert hits("下落が止まった。") == [("下落", 0.8)]  # it is over: good news
    assert hits("上昇サイクルはまだ終わっていない。") == [("上昇", 0.8)]
    assert hits("減益は織り込み済みで、下値は限定的だ。") == [("減益", 1.0), ("下値", 0.4)]
    assert hits("上方修正は織り込み済みだ。") == [("修正", 0.0)]  # good news already in the price
    lexicon = polarity_lexicon()
    unfound = [w for w in lexicon if not lexicon_hits(tokenize(w), lexicon)]
    assert unfound == []  # every word of the lexicon is found, written alone


def test_contrast_weighs_the_clause_after_ga():
    sentence = analyze_text("売上は好調だが、利益は悪化した。").sentiment.sentences[0]
    assert sentence.label == "negative"


def test_contrast_after_monono_and_signed_percentages():
    from analyzer.sentiment_features import last_contrast
    from analyzer.tokenizer import tokenize

    tokens = tokenize("売上高は予想を上回ったものの、利益は悪化した。")
    assert tokens[last_contrast(tokens)].surface == "の"  # もの|の, MeCab's cut of ものの
    assert last_contrast(tokenize("彼のものの見方は鋭い。")) == -1  # a noun and の
    down, up = analyze_text(
        "売上高は増えたものの、利益は減った。\n利益は減ったものの、売上高は増えた。"
    ).sentiment.sentences
    assert down.label == "negative" and up.label == "positive"  # the clause after ものの

    assert polarities("レーザーテック:-7.5%") == [-0.6]
    assert polarities("営業利益は+12%") == [0.6]
    assert polarities("費用は△3%") == [0.6]  # a cost that fell
    assert polarities("2025-26年の計画") == []  # a range, no sign
    # a ratio to the period before, near 100 with no change word: a fall or a rise
    assert polarities("経常利益は320億円(前期比98.5%)") == [-0.6]
    assert polarities("営業利益は(同103.2%)") == [0.6]
    assert polarities("売上高は前年同期比5.8%増") == [0.6]  # 増 says it, not the ratio
    assert polarities("インフレ率は前年比3.0%") == []  # a rate of change, not a ratio
    # a figure before the change word is inside its clause: the subject is before it
    assert polarities("事業費は前期比2.8%増加しました") == [-0.8]  # a cost that rose
    # a cost MeCab cuts into several tokens (失業|率, 不良|債権, 借入|金)
    assert polarities("失業率が上昇した") == [-0.8]
    assert polarities("不良債権が増加した") == [0.0, -0.8]  # 不良, a bad word, counts nothing
    assert polarities("借入金は減少した") == [0.8]
    from analyzer.resources import lexicon_lines
    from analyzer.sentiment_features import _is_cost, _is_market

    for kind, word in lexicon_lines("reversals.tsv"):  # each word found, written alone
        tokens = tokenize("研究" + word[1:] if word.startswith("*") else word)
        if kind == "cost":
            assert _is_cost(tokens, len(tokens) - 1), word
        elif kind == "market":
            assert _is_market(tokens, len(tokens) - 1), word
    assert polarities("事業費は、1,370億円(同2.8%増)となりました") == [-0.6]
    assert polarities("売上高は12%増の100億円") == [0.6]


def test_a_word_of_degree_strengthens_the_word_after_it_and_says_nothing_itself():
    from analyzer.sentiment import polarity_lexicon
    from analyzer.sentiment_features import lexicon_hits
    from analyzer.tokenizer import tokenize

    tokens = tokenize("利益は大きく減った。")
    assert [(p, h) for _, p, h in lexicon_hits(tokens, polarity_lexicon())] == [
        (pytest.approx(-0.7 * 1.5), (2,))
    ]  # 大きく hidden: its n-grams had learnt 大きく増加
    (sentence,) = analyze_text("売上は伸びたが、利益は大きく減った。").sentiment.sentences
    assert sentence.label == "negative"


def test_a_negation_flips_the_nearest_polarity_word_before_it():
    from analyzer.sentiment import polarity_lexicon
    from analyzer.sentiment_features import lexicon_hits
    from analyzer.tokenizer import tokenize

    tokens = tokenize("鴻海の優位は当面揺るがない。")
    hits = {tokens[i].surface: p for i, p, _ in lexicon_hits(tokens, polarity_lexicon())}
    assert hits == {"優位": 0.8, "揺るが": 0.6}  # not wavering: 優位 stays good
    tokens = tokenize("同社の成長ストーリーに死角は見当たらない。")
    assert [p for _, p, _ in lexicon_hits(tokens, polarity_lexicon())] == [0.8, 0.5]  # 死角 negated
    tokens = tokenize("成長には大口顧客が欠かせない。")
    assert [p for _, p, _ in lexicon_hits(tokens, polarity_lexicon())] == [0.8, 0.6]  # needed
    indispensable = analyze_text("脱炭素には再エネの拡大が欠かせない。")
    assert indispensable.sentiment.sentences[0].label == "positive"
    tokens = tokenize("この計画は成功しない。")
    assert [p for _, p, _ in lexicon_hits(tokens, polarity_lexicon())] == [-0.9]


def test_a_good_thing_that_slows_or_falls_is_bad_news():
    assert polarities("成長鈍化が鮮明になった。") == [0.0, -0.8]  # 成長 is what slows
    assert polarities("成長が鈍化している。") == [0.0, -0.8]
    assert polarities("増益幅が縮小した。") == [0.0, -0.6]
    assert polarities("売上高が増加し、利益も拡大した。") == [0.8, 0.7]  # rises stay
    assert analyze_text("成長鈍化が鮮明になってきました。").sentiment.label == "negative"


def test_a_polite_or_copular_negation_reaches_further_over_particles_only():
    assert polarities("バッテリー持ちは期待ほどではありませんでした。") == [-0.7]
    assert polarities("前モデルからほとんど進化していません。") == [-0.6]
    assert polarities("初心者でも迷うことがありません。") == [0.4]
    assert polarities("以前ほどお得感はありません。") == [-0.6]
    # another word between: the negation is that word's, the deficit stays bad
    assert polarities("依然として赤字から抜け出せていない。") == [-0.9]
    reviews = {
        "夜景モードは強力で、他社の最上位機種と比べても遜色ありません。": "positive",
        "正直、期待外れでした。": "negative",  # not 期待, good
        "アップデート後に不具合が多発しています。": "negative",
        "キーボードの打鍵感が心地よく、長時間でも疲れません。": "positive",
    }
    assert {text: analyze_text(text).sentiment.label for text in reviews} == reviews


def test_a_market_moves_in_its_own_direction():
    from analyzer.sentiment import polarity_lexicon
    from analyzer.sentiment_features import lexicon_hits
    from analyzer.tokenizer import tokenize

    def hits(text: str) -> list[tuple[float, bool]]:
        found = lexicon_hits(tokenize(text), polarity_lexicon())
        return [(p, bool(hidden)) for _, p, hidden in found]

    # chABSA's reports write 値下がり of what a firm buys (good news): under a market
    # its n-grams are hidden and the lexicon says what is meant
    assert hits("半導体関連株が大きく値下がりした。") == [(pytest.approx(-0.7 * 1.5), True)]
    assert hits("日経平均は大幅反発した。") == [(pytest.approx(0.9), True)]  # a rebound, 大幅
    assert hits("野党が反発した。") == [(-0.6, False)]  # a backlash
    assert hits("原材料コストが急騰した。") == [(-0.9, True)]  # a cost that rose
    fall, rebound = analyze_text(
        "半導体関連株が大きく値下がりした。\n東京株式市場で日経平均は大幅反発した。"
    ).sentiment.sentences
    assert fall.label == "negative" and rebound.label == "positive"


def test_entities_get_the_sentiment_of_sentences_mentioning_them():
    analysis = analyze_text(
        "NVIDIAの業績は好調で過去最高を更新した。\nIntelは赤字が続き低迷している。"
    )
    labels = {e.text: e.sentiment.label for e in analysis.entities}
    assert labels["NVIDIA"] == "positive"
    assert labels["Intel"] == "negative"


def test_names_in_sentences_of_plain_fact_are_neutral():
    # The target model, trained on chABSA's opinions (none neutral), gave Google −0.59.
    facts = analyze_text(
        "グーグルの親会社アルファベットは、自動運転子会社ウェイモに50億ドルを追加投資する。\n"
        "ルネサスエレクトロニクスは28日、米アルテラとの提携を発表した。"
    )
    assert {e.sentiment.label for e in facts.entities if e.sentiment} == {"neutral"}


def test_foreign_names_join_at_the_middle_dot_and_drop_the_title():
    entities = entities_of("NVIDIAのジェンスン・フアンCEOは「推論の需要が増えている」と語った。")
    assert entities["ジェンスン・フアン"] == "PERSON"
    assert not any("CEO" in name for name in entities)


def test_unlisted_foreign_names_keep_the_given_name():
    # Neither is in the gazetteer: the tagger splits the first at the middle dot and
    # tags only the family name of the second.
    entities = entities_of(
        "ナンシー・ペロシ氏は記者会見で方針を明らかにした。パット・ゲルシンガー氏が退任した。"
    )
    assert entities.get("ナンシー・ペロシ") == "PERSON"
    assert entities.get("パット・ゲルシンガー") == "PERSON"
    assert not {"ナンシー", "ペロシ", "ゲルシンガー"} & entities.keys()


def test_a_foreign_person_before_a_body_and_an_office_is_a_person():
    # The tagger reads ミランFRB as one company and ベッセント as a place.
    entities = entities_of(
        "ミランFRB理事が利下げを主張した。ゲオルギエワIMF専務理事が警告した。"
        "ベッセント財務長官と会談した。"
    )
    assert entities.get("ミラン") == "PERSON" and entities.get("FRB") == "POLITICAL_ORG"
    assert entities.get("ゲオルギエワ") == "PERSON"
    assert entities.get("国際通貨基金") == "POLITICAL_ORG"  # IMF, by its list name
    assert entities.get("ベッセント") == "PERSON"
    # MeCab splits メルツ into メル and a particle; the tagger finds nothing there.
    titled = entities_of("ドイツのメルツ首相は訪日した。ソフトバンクグループ会長は語った。")
    assert titled.get("メルツ") == "PERSON"
    assert titled.get("ソフトバンクグループ") == "COMPANY"  # a known word before an office
    honorific = entities_of("マスク氏は承認されたと明らかにした。ママさんは来た。")
    assert honorific == {"マスク": "PERSON"}  # a common noun to MeCab, before 氏
    kanji = entities_of("後継候補の塚越大介ユニクロ社長は語った。")  # read as one person
    assert kanji.get("塚越大介") == "PERSON" and kanji.get("ユニクロ") == "COMPANY"
    assert "LOCATION" not in entities_of("訪米中の首相は語った。").values()  # a visit
    # 博士|課程: the office is part of a longer word, and データサイエンス no person
    assert "PERSON" not in entities_of("データサイエンス博士課程に進んだ。").values()
    # 新浪 is a Chinese company to MeCab: the tagger typed the whole name COMPANY.
    assert entities_of("新浪剛史社長は語った。").get("新浪剛史") == "PERSON"
    assert not any(name.endswith(("FRB", "IMF")) and len(name) > 3 for name in entities)


def test_a_case_particle_between_latin_names_parts_them():
    moved = entities_of("PostgreSQLからMySQLへ移行した。")
    assert moved.get("PostgreSQL") == moved.get("MySQL") == "PRODUCT"  # one span to the tagger
    assert not any("から" in name for name in moved)


def test_a_latin_name_ending_in_a_kind_of_software_is_a_product():
    tools = entities_of("Codex CLIから使うと速い。")
    assert tools.get("Codex CLI") == "PRODUCT"  # typed a firm by the tagger
    plans = entities_of("ProプランとMaxプランがある。東亜プランのゲーム。")
    assert plans.get("Proプラン") == plans.get("Maxプラン") == "PRODUCT"  # typed firms
    assert plans.get("東亜プラン") == "COMPANY"


def test_generic_business_words_are_no_names():
    meeting = entities_of("トヨタ自動車の豊田章男会長は、株主総会で再任された。")
    assert "株主総会" not in meeting  # generic, typed a company by the tagger
    assert entities_of("市場では「AIバブル」への警戒感も根強い。") == {}  # typed a product
    memory = entities_of("NAND型フラッシュメモリの需要が伸びた。")
    assert memory == {}  # listed as フラッシュメモリー: the other spelling, typed an organisation
    attack = entities_of("アスクルは、ランサムウエア攻撃を受けて受注を停止した。")
    assert attack == {"アスクル": "COMPANY"}  # ランサムウエア, the other spelling, a firm
    headline = entities_of("日経平均、一時1000円超安　米ハイテク株安が波及")
    assert "EVENT" not in headline.values()  # 米ハイテク株安, typed an event
    headline = entities_of("ホンダ・日産統合破談の舞台裏　ソニー分社化の狙い")
    assert headline.get("日産") == headline.get("ソニー") == "COMPANY"  # not 日産統合破談
    assert not any(name.endswith(("統合破談", "分社")) for name in headline)
    games = entities_of("サードパーティー製のタイトルも伸びている。")
    assert games == {}  # third parties, typed a company
    assert entities_of("物流施設の大手。Eコマースの拡大が追い風だ。") == {}  # typed a firm
    tools = entities_of("画像生成やプラグインは多機能だ。GmailやGoogleドキュメントと連携できる。")
    assert "プラグイン" not in tools  # typed a product
    tips = entities_of("プロンプトエンジニアリングのコツは、具体的な指示を出すことです。")
    assert tips == {}  # a generic term, の and a common noun, typed a product
    assert tools.get("Gmail") == tools.get("Googleドキュメント") == "PRODUCT"  # firms
    brands = entities_of("ダイソンとバルミューダが新製品を出した。弁護士ドットコムは増収。")
    assert set(brands.values()) == {"COMPANY"}  # persons, and ドットコム alone
    assert set(brands) == {"ダイソン", "バルミューダ", "弁護士ドットコム"}
    assert entities_of("ジェームズ・ダイソン氏は語った。") == {"ジェームズ・ダイソン": "PERSON"}
    parks = entities_of("香港ディズニーランドとUSJは好調だ。")
    assert parks.get("香港ディズニーランド") == parks.get("USJ") == "FACILITY"  # a person, a firm
    towers = entities_of("三井不動産は高さ230メートルの超高層ビルを建て、タワーマンションも売る。")
    assert set(towers) == {"三井不動産", "230メートル"}  # kinds of building, no names
    assert "ユーロ円" not in entities_of("ユーロ円は1ユーロ＝165円台。")  # a currency pair
    assert "コスパ" not in entities_of("Metaの「Quest 3」はコスパが良い。")  # typed a firm
    assert entities_of("NANDフラッシュの価格が上がった。") == {}  # typed a firm
    assert "EUVマスク" not in entities_of("同社の主力はEUVマスク検査装置だ。")  # typed a firm
    assert "MLCC" not in entities_of("太陽誘電は、MLCCの新工場をマレーシアに建設する。")


def test_a_name_quoted_after_a_kind_of_product_is_a_product():
    fuel = entities_of("ユーグレナは、バイオ燃料「サステオ」の供給を拡大した。")
    assert fuel.get("サステオ") == "PRODUCT"  # typed a company
    service = entities_of("LINEヤフーの決済サービス「PayPay」の登録者数は増えた。")
    assert service.get("PayPay") == "PRODUCT"  # a listed company: here its service
    founded = entities_of("合弁会社「SB OpenAI Japan」を設立した。")
    assert founded.get("SB OpenAI Japan") == "COMPANY"


def test_a_names_reading_in_hiragana_is_no_name_and_the_office_after_it_counts():
    text = "マツダの毛籠勝弘（もろ・まさひろ）社長は述べた。設楽元文（しだら・もとふみ）社長も。"
    assert entities_of(text) == {
        "マツダ": "COMPANY",
        "毛籠勝弘": "PERSON",  # typed a product: the reading hid the office
        "設楽元文": "PERSON",  # its reading gave the person ふみ
    }
    assert entities_of("しまむら（さいたま市）は増収。").get("さいたま市") == "LOCATION"
    text = "清州（チョンジュ）の工場を稼働。中東（イスラエル）情勢。"
    places = {e.text: len(e.mentions) for e in analyze_text(text).entities}
    assert places == {"清州": 2, "中東": 1, "イスラエル": 1}  # a reading; a listed place


def test_a_young_firms_description_is_no_name_and_describes_a_firm():
    firms = entities_of("東大発ベンチャーのPKSHA Technologyと宇宙ベンチャーのispaceが組んだ。")
    assert firms == {"PKSHA Technology": "COMPANY", "ispace": "COMPANY"}


def test_a_listed_name_is_cut_from_what_is_said_of_its_firm_or_users():
    users = entities_of("iPhoneユーザーはChromeブラウザを使う。テスラ車のリコール。")
    assert users == {
        "iPhone": "PRODUCT",
        "Google Chrome": "PRODUCT",
        "Chrome": "PRODUCT",  # the name as written
        "Tesla": "COMPANY",
        "テスラ": "COMPANY",
    }
    founder = entities_of("アマゾン創業者のジェフ・ベゾス氏。日本マイクロソフト本社に移転した。")
    assert founder.get("アマゾン") == "COMPANY"  # the firm (Amazon), not the river
    assert founder.get("日本マイクロソフト") == "COMPANY" and "Microsoft" not in founder


def test_a_listed_persons_government_is_a_political_body():
    # トランプ is a common noun to MeCab (playing cards): the tagger alone finds nothing.
    entities = entities_of("トランプ政権が承認した。トランプ氏は語った。")
    assert entities.get("トランプ政権") == "POLITICAL_ORG"
    assert entities.get("ドナルド・トランプ") == "PERSON"


def test_negated_and_hedged_sentences_read_as_a_reader_would():
    def label(text: str) -> str:
        return analyze_text(text).sentiment.sentences[0].label

    assert label("決算の内容は決して悪くない。") != "negative"  # litotes: not yet positive
    assert label("この水準の成長が来年も続くとは思えない。") == "negative"
    assert label("売上は伸びたが、利益は大きく減った。") == "negative"
    assert label("前半は苦戦したが、後半は一気に持ち直した。") == "positive"
    assert label("同社は2025年8月に5〜7月期の決算を発表する予定である。") == "neutral"


def test_a_source_of_a_report_gets_no_sentiment_from_it():
    analysis = analyze_text(
        "野村證券によると、海外投資家は日本株を大幅に売り越し、株価は急落した。"
    )
    source = next(e for e in analysis.entities if e.text == "野村證券")
    assert source.sentiment is not None and source.sentiment.score == 0.0
    assert source.sentiment.label == "neutral"
    quoted = analyze_text(
        "調査会社「INITIAL」によると、国内スタートアップの資金調達額は前年から大きく減少した。"
    )
    (source,) = [e for e in quoted.entities if e.text == "INITIAL"]
    assert source.sentiment is not None and source.sentiment.score == 0.0  # after its 」


def test_each_entity_gets_the_sentiment_of_its_own_clause():
    analysis = analyze_text("NVIDIAは過去最高の売上を記録したが、Intelは赤字が続き苦戦している。")
    scores = {e.text: e.sentiment.score for e in analysis.entities}
    assert scores["NVIDIA"] > 0 > scores["Intel"]


def test_a_rising_cost_is_bad_news_and_a_rising_profit_good():
    analysis = analyze_text(
        "トヨタ自動車は営業利益が大きく増加した。ソニーグループは原材料コストが大きく増加した。"
    )
    labels = {e.text: e.sentiment.label for e in analysis.entities}
    assert labels["トヨタ自動車"] == "positive"
    assert labels["ソニーグループ"] == "negative"
    rising_cost = analyze_text("人件費の増加が続いている。").sentiment.sentences[0]
    falling_cost = analyze_text("物流費用が大幅に減少した。").sentiment.sentences[0]
    assert rising_cost.score < 0 < falling_cost.score
    for text, label in (
        ("受注が急増した。", "positive"),
        ("損失が急増した。", "negative"),  # read positive when 急増 was no change word
        ("費用が膨らんだ。", "negative"),
        ("利益が半減した。", "negative"),
        ("コストが半減した。", "positive"),
        # a bad word whose change is the news counts once, through the change
        ("赤字幅が縮小した。", "positive"),
        ("懸念が後退した。", "positive"),
        ("赤字が拡大した。", "negative"),
        ("景気が後退した。", "negative"),
    ):
        assert analyze_text(text).sentiment.sentences[0].label == label, text


def test_names_in_a_list_share_the_clause_that_follows_them():
    analysis = analyze_text("ソニーやパナソニック、シャープは業績が悪化した。")
    labels = {e.text: e.sentiment.label for e in analysis.entities if e.type == "COMPANY"}
    assert labels and set(labels.values()) == {"negative"}, labels


def test_numbers_have_no_sentiment():
    analysis = analyze_text("NVIDIAの売上高は300億ドルに増加した。")
    assert all(
        (e.sentiment is None) == (e.type in ("MONEY", "DATE", "PERCENT", "QUANTITY"))
        for e in analysis.entities
    )


def test_the_sentiment_model_loads_without_scikit_learn():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from analyzer import analyze_text\n"
        "print(analyze_text('業績は好調だ。').sentiment.sentences[0].label)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.stdout.strip() == "positive", result.stderr


def test_article_sentiment_reports_the_share_of_each_label():
    text = "業績は好調だった。\n損失が拡大し、業績は低迷した。\n決算は5月に発表される。"
    analysis = analyze_text(text)
    assert [s.label for s in analysis.sentiment.sentences] == ["positive", "negative", "neutral"]
    shares = analysis.to_dict()["sentiment"]["shares"]
    assert shares == {"positive": 0.3333, "negative": 0.3333, "neutral": 0.3333}


def test_the_trained_tagger_finds_people_places_and_companies_in_news():
    text = (
        "北陸精機の山田太郎社長は富山市の工場を視察した。"
        "デンソーテンの加藤洋一会長は記者会見を開いた。"
    )
    entities = entities_of(text)
    listed = gazetteer().types
    assert not any(name.lower() in listed for name in entities)  # the tagger's own finds
    assert entities.get("山田太郎") == "PERSON"
    assert entities.get("加藤洋一") == "PERSON"
    assert entities.get("富山市") == "LOCATION"
    assert entities.get("北陸精機") == "COMPANY"
    assert entities.get("デンソーテン") == "COMPANY"
    assert "山田太郎社長" not in entities


def test_well_known_names_are_found_and_typed_from_the_gazetteer():
    entities = entities_of(
        "米アプライド・マテリアルズと東京エレクトロンの株価が上昇した。"
        "Alphabet傘下のWaymoは東京都内で走行試験を始め、日銀と金融庁も注目する。"
    )
    assert entities.get("アプライド・マテリアルズ") == "COMPANY"  # 米 is a country prefix
    assert entities.get("東京エレクトロン") == "COMPANY"
    assert entities.get("Alphabet") == "COMPANY"  # kanji after a Latin name: no compound
    assert entities.get("Waymo") == "COMPANY"
    assert entities.get("東京都") == "LOCATION"
    assert entities.get("日銀") == "POLITICAL_ORG"
    assert entities.get("金融庁") == "POLITICAL_ORG"
    # Names the tagger misses or reads as persons, alone and with little context.
    for name in ("ワークマン", "ロッキード・マーチン", "ローム", "太陽誘電", "コインチェック"):
        assert entities_of(f"{name}が発表した。").get(name) == "COMPANY", name
    vinfast = entities_of("ベトナムのビンファストは、米ノースカロライナ州の工場建設を延期した。")
    assert vinfast.get("ビンファスト") == "COMPANY"  # a product to the tagger
    screen = entities_of("東京エレクトロン（8035）とスクリーンHD（7735）も上昇した。")
    assert screen.get("スクリーンHD") == "COMPANY"  # a screen to MeCab
    text = "欧州委員会はメタに制裁金を科した。メタバースとメタデータの話。"
    (meta,) = [e for e in analyze_text(text).entities if e.text == "Meta"]
    assert meta.type == "COMPANY" and len(meta.mentions) == 1  # not inside a longer word
    assert entities_of("アップルは6月のWWDC25で発表した。").get("WWDC25") == "EVENT"
    spelled = entities_of("フアン氏によると、ブラックウェルの需要は供給を上回っている。")
    assert spelled.get("Blackwell") == "PRODUCT"  # its katakana spelling, a person to the tagger
    show = entities_of("東京ゲームショウ2026は、幕張メッセで9月に開催される。")
    assert show.get("東京ゲームショウ2026") == "EVENT"  # a name and its year: no facility
    years = entities_of("連合は2026年春闘で賃上げを求める。2026年の春闘は進んだ。")
    assert years.get("2026年春闘") == "EVENT"  # the year written on a listed event
    assert years.get("春闘") == "EVENT" and years.get("2026年") == "DATE"  # not after の


def test_wars_incidents_and_talks_the_tagger_mistypes_are_events(monkeypatch):
    from analyzer import entities

    tagged = entities.tag

    def mistyped(tokens):  # as the tagger types them on unseen text, now and then
        return [(s, e, "COMPANY" if k == "EVENT" else k) for s, e, k in tagged(tokens)]

    monkeypatch.setattr(entities, "tag", mistyped)
    found = entities_of("ミュンヘン会談で割譲が決まった。天安門事件から36年がたった。")
    assert found.get("ミュンヘン会談") == found.get("天安門事件") == "EVENT"


def test_the_gazetteer_lists_each_name_in_one_entry():
    from analyzer.resources import lexicon_lines

    entries = [{n.lower() for n in names} for _, *names in lexicon_lines("gazetteer.tsv")]
    names = [name for entry in entries for name in entry]  # NVIDIA and Nvidia: one entry
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_listed_names_joined_by_middle_dots_are_a_list_but_a_dotted_name_is_one():
    entities = entities_of("マツダ・スバル・トヨタの3社と、ジョージ・ワシントン記念館。")
    assert {entities.get(n) for n in ("マツダ", "スバル", "トヨタ")} == {"COMPANY"}
    assert "ワシントン" not in entities  # ジョージ is no listed name: one dotted name


def test_a_listed_company_name_and_more_is_a_company_and_its_shares_are_the_company():
    entities = entities_of("パナソニックコネクトの社長は、KDDI株を買い増した。")
    assert entities.get("パナソニックコネクト") == "COMPANY"
    assert not any(name.endswith("株") for name in entities)
    # MeCab read it as one word it does not know here; the tagger said person
    unknown = entities_of("パナソニックコネクトも社内AIアシスタントの利用で、時間を削減した。")
    assert unknown.get("パナソニックコネクト") == "COMPANY"
    # A kind of share is no name; words after a name are not part of it.
    assert set(entities_of("米政府は「黄金株」を取得し、優先株も買った。")) == {"米政府"}
    loose = entities_of("ソフトバンク傘下のPayPayと日立子会社が動いた。トヨタ幹部は語った。")
    assert loose.get("ソフトバンク") == "COMPANY"
    assert not any(name.endswith(("傘下", "子会社", "幹部")) for name in loose)
    reliance = entities_of("テスラ依存からの脱却：マツダやスバルとの供給契約を獲得")
    assert reliance.get("テスラ依存") is None and reliance.get("Tesla") == "COMPANY"


def test_latin_company_names_keep_their_legal_form_and_join_the_short_name():
    analysis = analyze_text(
        "北米子会社「7-Eleven, Inc.」を上場させる。Ricoh Company, Ltd.も動いた。"
        "Apple Inc.は新製品を発表した。Appleの株価は上昇した。"
    )
    by_text = {e.text: e for e in analysis.entities}
    assert by_text["7-Eleven, Inc."].type == "COMPANY"
    assert by_text["Ricoh Company, Ltd."].type == "COMPANY"
    assert by_text["Apple"].count == 2
    assert not {"Inc.", "Ltd.", "Eleven", "Apple Inc."} & set(by_text)


def test_a_product_without_its_makers_name_is_the_same_product():
    analysis = analyze_text(
        "任天堂「Switch 2」好発進。新型ゲーム機「Nintendo Switch 2」の販売台数は582万台に達した。"
    )
    products = [(e.text, e.count) for e in analysis.entities if e.type == "PRODUCT"]
    assert products == [("Nintendo Switch 2", 2)]
    show = analyze_text(
        "「ジャパンモビリティショー2025」で初公開する。ジャパンモビリティショーは29日に開幕する。"
    )
    events = [(e.text, e.type, e.count) for e in show.entities if e.type not in NUMERIC_TYPES]
    assert events == [("ジャパンモビリティショー2025", "EVENT", 2)]  # a name and its year


def test_news_descriptions_before_a_company_name_are_not_part_of_it():
    entities = entities_of(
        "コンビニ大手アリマンタシォン・クシュタールと半導体大手ルネサス、"
        "電機大手パナソニックホールディングスが組む。国内大手スーパーも参加した。"
        "ルネサスエレクトロニクスが米アルテラを買収した。"
    )
    companies = (
        "アリマンタシォン・クシュタール",
        "ルネサス",
        "パナソニックホールディングス",
        "アルテラ",
    )
    for name in companies:
        assert entities.get(name) == "COMPANY", name
    assert not any("大手" in name or name == "米" for name in entities)
    assert "スーパー" not in entities
    described = entities_of(
        "中国の電池メーカーCATLは増産する。ベンチャー企業Sakana AIが資金を調達した。"
        "英投資会社ピアソンが出資した。合弁会社U-Tacsが受注した。"
        "同社は自動車メーカーとして知られる。"
    )
    for name in ("CATL", "Sakana AI", "ピアソン", "U-Tacs"):  # ピアソン alone reads as a person
        assert described.get(name) == "COMPANY", name
    assert "U" not in described and "自動車メーカー" not in described
    # A headline names it first with nothing said of it; the body says it is a startup.
    titled = analyze_text(
        "# Sakana AI、200億円を調達\n\nAIスタートアップのSakana AIは調達した。"
        "MBKパートナーズが出資した。"
    )
    types = {e.text: e.type for e in titled.entities}
    assert types["Sakana AI"] == "COMPANY" and types["MBKパートナーズ"] == "COMPANY"
    parent = entities_of("SBIホールディングス傘下のSBIネオトレードが発表した。")  # not listed
    assert parent.get("SBIネオトレード") == "COMPANY"  # the tagger finds nothing there
    # After a kind of firm and の a name is the firm's (the tagger read a person), but
    # not a person titled after it.
    of_a_kind = entities_of(
        "アステラス製薬は、米バイオ企業のアイベリック・バイオを買収した。"
        "IT企業の山田太郎社長とIT企業のジョン・スミス社長は語った。企業のAI予算は増えた。"
    )
    assert of_a_kind.get("アイベリック・バイオ") == "COMPANY"
    assert of_a_kind.get("山田太郎") == "PERSON" and of_a_kind.get("ジョン・スミス") == "PERSON"
    assert "AI" not in of_a_kind


def test_descriptions_around_a_name_are_not_the_name():
    entities = entities_of(
        "米新興のFigure AIは資金を調達した。米投資銀行グリーンヒルを買収した。"
        "中国ではUnitree Robotics（宇樹科技）が発売した。"
        "インターステラテクノロジズは開発中だ。ローソン店舗でAIを使う。"
    )
    for name in ("Figure AI", "グリーンヒル", "宇樹科技", "インターステラテクノロジズ", "ローソン"):
        assert entities.get(name) == "COMPANY", name
    assert not {"米新興", "米投資銀行グリーンヒル", "ローソン店舗"} & entities.keys()
    entities = entities_of("インドの中堅銀行イエス銀行に出資した。VWは労働組合IGメタルと合意した。")
    assert {"イエス銀行", "IGメタル"} <= entities.keys()
    assert not {"中堅銀行イエス銀行", "労働組合IGメタル"} & entities.keys()


def test_a_surname_mecab_reads_as_common_nouns_joins_the_name():
    entities = entities_of("ローソンの竹増貞信社長は話した。弟俊介が帰国した。")
    assert entities.get("竹増貞信") == "PERSON" and "貞信" not in entities
    assert "弟俊介" not in entities  # no office after it: 弟 is no surname
    entities = entities_of("キーエンス創業者の滝崎武光氏と、評論家の加谷珪一氏が語った。")
    assert entities.get("滝崎武光") == entities.get("加谷珪一") == "PERSON"  # 滝|崎|武光
    officers = entities_of("LINEヤフーの出澤剛社長と、リクルートの出木場久征社長が語った。")
    assert officers.get("出澤剛") == officers.get("出木場久征") == "PERSON"  # 出, a verb


def test_a_body_before_its_abbreviation_is_found():
    entities = entities_of(
        "情報処理推進機構（IPA）は注意を呼びかけた。IPAによると被害は増えた。"
        "電力広域的運営推進機関（OCCTO）は需要を見込む。"
    )
    assert entities.get("情報処理推進機構") == entities.get("IPA") == "ORG"  # listed
    assert entities.get("電力広域的運営推進機関") == "ORG"  # listed, a public body


def test_names_news_introduces_as_companies_or_governments_are_typed_so():
    entities = entities_of(
        "ホテル大手の星野リゾートは開業する。フラッシュメモリー大手のキオクシアが上場した。"
        "航空・ホテル株に明暗が出た。"
    )
    assert entities.get("星野リゾート") == "COMPANY"  # 星野 alone reads as a surname
    assert "フラッシュメモリー" not in entities and "航空・ホテル" not in entities
    assert entities_of("大手町で会見した。").get("大手町") == "LOCATION"
    named = entities_of(
        "ソフトバンクがOpenAIと合弁会社「SB OpenAI Japan」を設立した。日米両政府は合意した。"
    )
    assert named.get("SB OpenAI Japan") == "COMPANY"
    assert named.get("日米両政府") == "POLITICAL_ORG"
    firms = entities_of("国策半導体会社ラピダスが量産する。SBGはドイツテレコム株を売却した。")
    assert firms.get("ラピダス") == "COMPANY" and firms.get("ドイツテレコム") == "COMPANY"
    assert not any("会社" in name for name in firms)


def test_names_the_tagger_splits_at_a_dot_and_event_names_with_their_year_are_kept():
    entities = entities_of("Jリーグ・カターレ富山に所属し、2008年北京オリンピックに出た。")
    assert entities.get("Jリーグ") and entities.get("カターレ富山")
    assert entities.get("2008年北京オリンピック") == "EVENT"
    assert "2008年" not in entities
    assert "六本" not in entities_of("東京・六本木の美術館で、三本の映画を観た。")
    assert find_numeric("三本の映画")[0].value == {"amount": 3.0, "unit": "本"}


def test_a_period_of_accounts_is_no_event_and_a_spaced_headline_word_no_name():
    entities = entities_of("中外製薬は2025年12月期第3四半期累計の決算を発表した。")
    assert entities.get("2025年12月期第3四半期") == "DATE"
    assert not any(name.endswith("累計") for name in entities)
    entities = entities_of("中外製薬が過去最高益、肥満症薬で攻勢　武田は再編を急ぐ")
    assert not any(name.startswith("攻勢") for name in entities)
    assert entities_of("首相に山田 太郎が就任した。").get("山田 太郎") == "PERSON"
    universities = entities_of("東京大学と熊本大学が共同で研究する。")
    assert universities.get("東京大学") == universities.get("熊本大学") == "COMPANY"


def test_news_firms_by_their_last_word_their_country_prefix_or_their_kanji_name():
    entities = entities_of(
        "PKSHA Technologyの上坂優太社長。三菱UFJや米Khosla Venturesが出資した。"
        "米ウェスチングハウスや仏EDFも関心を示す。米ブリンケン国務長官が訪日した。"
    )
    assert entities.get("PKSHA Technology") == "COMPANY"
    assert entities.get("Khosla Ventures") == "COMPANY"
    assert entities.get("ウェスチングハウス") == entities.get("EDF") == "COMPANY"
    assert entities.get("ブリンケン") == "PERSON"  # a title after the name
    events = entities_of("「AWS Summit Japan」で話した。World Economic Forumが発表した。")
    assert events.get("AWS Summit Japan") == "EVENT"
    assert events.get("World Economic Forum") == "ORG"  # a body, as the gazetteer says
    founded = entities_of("米OpenAIと合弁で「SB OpenAI Japan」を設立した。ATMも増やす。")
    assert founded.get("SB OpenAI Japan") == "COMPANY" and "ATM" not in founded
    makers = entities_of("SMRを開発するX-energyに出資した。iPS細胞を開発した山中伸弥教授も語った。")
    assert makers.get("X-energy") == "COMPANY" and makers.get("山中伸弥") == "PERSON"
    runners = entities_of(
        "日立製作所は、英国の鉄道信号事業を手掛けるタレスの部門を買収した。"
        "店を運営する山田太郎さんは語った。"
    )
    assert runners.get("タレス") == "COMPANY"  # typed a person
    assert runners.get("山田太郎") == "PERSON"  # titled
    listed = entities_of("Waymoは、サンフランシスコやフェニックスなどで走る。")
    assert listed.get("フェニックス") == "LOCATION"  # a place listed after a place
    line = entities_of("名古屋港-四日市港の航路が再開した。セブン-イレブンは増益だ。")
    assert line.get("名古屋港") == line.get("四日市港") == "FACILITY"  # split at the hyphen
    assert line.get("セブン-イレブン") == "COMPANY"  # katakana before it: one name
    from analyzer.entities import _before_topic_or_object
    from analyzer.tokenizer import tokenize

    def cut(text: str, start: int = 0, end: int | None = None) -> str:
        end = len(text) if end is None else end
        return text[start : _before_topic_or_object(text, tokenize(text), start, end)]

    assert cut("ピストンズはリーグ") == "ピストンズ"  # a span the tagger ran on: the topic's
    assert cut("東萊温泉は温泉川") == "東萊温泉"
    assert cut("学校をつくる会") == "学校をつくる会"  # a society named by what it does
    assert cut("「日本のイルカを救いましょう」", 1, 14) == "日本のイルカを救いましょう"  # quoted
    bankrupt = entities_of("米ウルフスピードは破産法の適用を申請した。")
    assert bankrupt == {"ウルフスピード": "COMPANY"}  # a product run on into は|破産法
    dotted = entities_of("首脳会談は韓国・釜山で開かれ、新工場は北海道・千歳市に建つ。")
    assert dotted.get("釜山") == dotted.get("千歳市") == "LOCATION"  # after a place and ・
    assert "大阪間" not in entities_of("東京・大阪間を結ぶ。")
    places = entities_of("SBIは米リップルと組み、米テキサス州と米オースティンに拠点を置く。")
    assert places.get("リップル") == "COMPANY"
    unknown = entities_of("ルネサスは米アルティウムの買収効果で設計ソフト事業が伸びた。")
    assert unknown.get("アルティウム") == "COMPANY"  # a word UniDic does not know
    head = entities_of("クレディ・アグリコル証券の会田卓司チーフエコノミストは訴えた。")
    assert head.get("クレディ・アグリコル証券") == "COMPANY"  # cut at the dot by the tagger
    tank = entities_of("大和総研の熊谷亮丸副理事長は、財政の持続性に懸念を示した。")
    assert tank.get("大和総研") == "COMPANY" and tank.get("熊谷亮丸") == "PERSON"
    dotted = entities_of("三井住友銀行は、米ジェフリーズ・フィナンシャル・グループに出資した。")
    assert dotted.get("ジェフリーズ・フィナンシャル・グループ") == "COMPANY"  # not cut at a dot
    engineering = entities_of("独シーメンスは、米アルテアエンジニアリングを買収した。")
    assert engineering.get("アルテアエンジニアリング") == "COMPANY"  # a firm's word ends it
    countries = entities_of("韓国SKハイニックスは量産を始め、日本マイクロソフトは発表した。")
    assert countries.get("SK hynix") == "COMPANY"  # a country's name before a listed firm
    assert countries.get("日本マイクロソフト") == "COMPANY"  # Microsoft's Japanese company
    tickers = entities_of("**Vertiv（VRT）**：冷却装置の需要が急増。北陸精機（6789）は増益。")
    assert tickers.get("Vertiv") == "COMPANY"  # a ticker after it: a listed firm
    assert tickers.get("北陸精機") == "COMPANY" and "6789" not in tickers and "VRT" not in tickers
    exchange = entities_of("コアウィーブ（NASDAQ：CRWV）は上場した。")
    assert "Nasdaq" not in exchange and "CRWV" not in exchange  # where it is listed
    codes = entities_of("* アドバンテスト【6857】：AI向け\n* 東京エレクトロン 8035 は反発\n")
    assert codes == {"アドバンテスト": "COMPANY", "東京エレクトロン": "COMPANY"}  # no codes
    field = entities_of(
        "武田薬品工業は28日、米バイオ企業のネクサス・セラピューティクスを買収する。"
    )
    assert "バイオ" not in field  # a field before 企業, not a firm after 米
    assert field.get("ネクサス・セラピューティクス") == "COMPANY"
    buyer = entities_of(
        "セブン&アイはカナダのアリマンタシォン・クシュタールからの買収提案を巡り委員会を設けた。"
    )
    assert buyer.get("アリマンタシォン・クシュタール") == "COMPANY"  # a buyer, not a place
    startup = entities_of("米スタートアップAnysphereは、オランダのNXPセミコンダクターズと組む。")
    assert startup.get("Anysphere") == "COMPANY"  # was スタートアップAnysphere, a product
    assert startup.get("NXPセミコンダクターズ") == "COMPANY"  # typed an organisation
    renamed = entities_of("日立造船はカナデビアに社名を変更した。")
    assert renamed.get("カナデビア") == "COMPANY"  # a firm's new name, typed a place
    words = entities_of("ルネサスは米ウルフスピードとの契約で損失を計上した。")
    assert words.get("ウルフスピード") == "COMPANY"  # ウルフ|スピード, two common nouns
    beach = entities_of("米ロングビーチ近郊の港で荷役が滞った。")
    assert beach.get("ロングビーチ") == "LOCATION"  # what follows it is a place's word
    label = entities_of(
        "* **三菱電機**：鉄道向けSiCモジュールが好調だった\n\n炭化ケイ素（SiC）の市況は軟調だ。"
    )
    assert label.get("三菱電機") == "COMPANY"
    assert "鉄道" not in label and "SiC" not in label  # a label's run-on word; a material
    division = entities_of("野村ホールディングスは、ウェルスマネジメント部門が好調だと語った。")
    assert list(division) == ["野村ホールディングス"]  # a division is part of the firm
    automaker = entities_of("独フォルクスワーゲンは、中国の小鵬汽車と共同でEVを開発する。")
    assert automaker.get("XPeng") == "COMPANY"  # listed; MeCab reads 小 as a prefix
    headline = entities_of("パナソニックHD、EV電池の新工場稼働を延期　アルトマンCEO来日")
    assert "EV電池" not in headline  # a generic term and a common noun
    assert headline.get("サム・アルトマン") == "PERSON"  # a firm's office, then an act
    line = entities_of("JR東海、リニア中央新幹線の開業時期を2034年以降に")
    assert line.get("リニア中央新幹線") == "FACILITY"  # a railway line
    headline = entities_of("AIデータセンター投資の「次の主役」はどこか　電力・冷却・光通信を読む")
    assert not headline  # a particle before a space starts no name; a list of fields
    short = entities_of("データセンター（DC）への投資が膨らむ。国際エネルギー機関（IEA）は述べた。")
    assert "DC" not in short  # the short form of a generic term
    assert short.get("IEA") == short.get("国際エネルギー機関") == "POLITICAL_ORG"  # a body
    bodies = entities_of("中国商務省は輸出を禁止した。英財務省は予算を発表し、財務省も続いた。")
    assert bodies.get("中国商務省") == bodies.get("英財務省") == "POLITICAL_ORG"
    assert "米商務省" not in bodies  # the listed 商務省 is the US one; this one is China's
    assert entities_of("米FRBは利下げを決めた。") == {"FRB": "POLITICAL_ORG"}  # the US body
    treasuries = [e.text for e in analyze_text("英財務省は発表した。財務省も続いた。").entities]
    assert treasuries == ["英財務省", "財務省"]  # two bodies, not Japan's twice
    exchange = entities_of("ロンドン金属取引所（LME）の銅相場は最高値を更新した。")
    assert exchange.get("ロンドン金属取引所") == "COMPANY"  # an exchange is a firm
    short = entities_of("北陸精機（HSK）は増益。HSKの社長は語った。")
    assert short.get("HSK") == "COMPANY"  # a short name, not a ticker: still the firm's
    funds = entities_of("アブダビの政府系ファンドMGXは、AIインフラ投資ファンドに参加した。")
    assert funds.get("MGX") == "COMPANY"  # the tagger took the fund with it, as a product
    funds = entities_of("サウジアラビアの政府系ファンドPIFは投資する。")
    assert funds.get("PIF") == "COMPANY"  # listed, after the fund
    assert places.get("テキサス州") == places.get("オースティン") == "LOCATION"
    assert entities_of("Power Systemsを採用した。").get("Power Systems") != "COMPANY"
    assert (
        entities_of("スリーマイル島原発1号機を再稼働する。").get("スリーマイル島原発") == "FACILITY"
    )
    text = "柏崎刈羽原発が前進した。柏崎刈羽原子力発電所の6号機は動く。コールセンター向けAI。"
    (plant,) = [e for e in analyze_text(text).entities if e.type == "FACILITY"]
    assert len(plant.mentions) == 2  # one plant, and a call centre is no facility's name
    sites = entities_of("浜岡原発の再稼働と、TSMCの熊本第2工場。")
    assert sites.get("浜岡原発") == sites.get("熊本第2工場") == "FACILITY"  # the tagger missed
    centres = entities_of(
        "さくらインターネットは石狩データセンターを増強し、米国データセンターも持つ。"
    )
    assert centres.get("石狩データセンター") == "FACILITY"  # a town's data centre, named
    assert "米国データセンター" not in centres  # a country's: a common noun phrase
    plants = entities_of("岩手県の北上工場で増産する。愛知県の本社工場も動く。")
    assert plants.get("北上工場") == "FACILITY"  # a prefecture's site; MeCab's 北上 a noun
    assert "本社工場" not in plants  # which of the firm's sites, no place
    budget = entities_of("政府・与党は2025年度補正予算案を今国会で成立させる方針だ。")
    assert not any("を" in name for name in budget)  # 国会 is one word, no 会 of a society
    firms = entities_of("ソフトバンクは米アンペア・コンピューティングを買収。マツダ・スバルも。")
    assert firms.get("アンペア・コンピューティング") == "COMPANY"  # the whole dotted name
    assert firms.get("マツダ") == "COMPANY" and "マツダ・スバル" not in firms  # a list
    firms = entities_of("仏LVMHの会長と独SAPは語った。米CPIは上昇し、米PCEも伸びた。")
    assert firms.get("LVMH") == firms.get("SAP") == "COMPANY"  # after a country's prefix
    assert "CPI" not in firms and "PCE" not in firms  # generic terms
    assert entities_of("シェブロンはガイアナ沖の油田を開発する。").get("ガイアナ沖") == "LOCATION"
    states = entities_of("* EU：包括的な規制\n* 米国：州ごとの規制が中心")
    assert "州" not in states and states.get("米国") == "LOCATION"  # a division's word alone
    tools = entities_of("AIコーディングツールの市場で、イオンクレジットサービスが提携した。")
    assert "AIコーディングツール" not in tools  # a generic term and common nouns
    assert tools.get("イオンクレジットサービス") == "COMPANY"  # katakana run: one word
    (usa,) = [
        e
        for e in analyze_text("ダイモンCEOは米経済に触れた。米国は強い。").entities
        if e.type == "LOCATION"
    ]
    assert usa.text == "米国" and len(usa.mentions) == 2  # 米, the country's one kanji
    events = entities_of("ラスベガスで開かれたCES 2026で発表した。COMPUTEX2025にも出た。")
    assert events.get("CES 2026") == events.get("COMPUTEX2025") == "EVENT"  # the year's
    facilities = entities_of("東京電力は柏崎刈羽原発を再稼働し、元町工場も動く。")
    assert facilities.get("柏崎刈羽原発") == facilities.get("元町工場") == "FACILITY"
    unit = entities_of("原子力規制委員会は、敦賀原発2号機の再稼働を認めない判断を下した。")
    assert unit.get("敦賀原発2号機") == "FACILITY"  # a plant's unit, typed a product
    castle = entities_of("名古屋市の広沢一郎市長は、名古屋城の木造復元について言及した。宮城も。")
    assert castle.get("名古屋城") == "FACILITY" and castle.get("宮城") == "LOCATION"
    works = entities_of(
        "ENEOSホールディングスの宮田知秀社長は、和歌山製油所の跡地で合成燃料の製造を"
        "検討していると述べた。甲子園球場と京セラドーム大阪で試合。"
    )
    assert works.get("和歌山製油所") == "FACILITY"  # typed a company
    assert works.get("甲子園球場") == "FACILITY"
    hospital = entities_of(
        "エーザイのアルツハイマー病治療薬。パーキンソン病の患者。田中病院に入院。"
    )
    assert hospital == {"エーザイ": "COMPANY", "田中病院": "FACILITY"}  # diseases, no persons
    text = "中国のUnitree Robotics（宇樹科技）は人型ロボットを開発する。宇樹科技は上場を目指す。"
    firms = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
    assert len(firms) == 1 and len(firms[0].mentions) == 3
    text = "華為技術は新OS「鴻蒙（HarmonyOS）」を発表した。鴻蒙の搭載端末を増やす。"
    products = [e for e in analyze_text(text).entities if e.type == "PRODUCT"]
    assert [(e.text, len(e.mentions)) for e in products] == [("鴻蒙", 3)]  # one product
    for text in (
        "騰訊控股（テンセント）のCEOは語った。",  # and a listed katakana name
        "米ストラテジー（旧マイクロストラテジー）の会長は語った。",  # a former name
    ):
        (firm,) = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
        assert len(firm.mentions) == 2, text
    text = (
        "NVIDIA Corporation は伸びた。NVIDIAは強い。"
        "Taiwan Semiconductor Manufacturing Company（TSMC）も。"
    )
    firms = {e.text: (e.type, len(e.mentions)) for e in analyze_text(text).entities}
    assert firms == {"NVIDIA": ("COMPANY", 2), "TSMC": ("COMPANY", 2)}  # a firm's word, initials
    race = entities_of("箱根駅伝は、青山学院大学が2年連続で総合優勝した。")
    assert race.get("箱根駅伝") == "EVENT"  # a contest's word ends it (typed a facility)
    games = entities_of("パリ五輪で金メダルを獲得した。G20サミットはヨハネスブルクで開かれた。")
    assert games.get("パリ五輪") == games.get("G20サミット") == "EVENT"  # a place, a product
    shock = entities_of("ニクソン・ショックとは、1971年の出来事だ。")
    assert shock.get("ニクソン・ショック") == "EVENT"  # a market's shock, typed a person
    chain = entities_of("寿司店を運営するGOOD FOOD COMPANIESは、海外店舗数を増やす。")
    assert chain == {"GOOD FOOD COMPANIES": "COMPANY"}  # capitals: the tagger said an event
    text = "中国のBYDや吉利汽車（ジーリー）が低価格車を投入した。"
    firms = {e.text: len(e.mentions) for e in analyze_text(text).entities}
    assert firms == {"中国": 1, "BYD": 1, "吉利汽車": 2}  # the tagger: a person, read so
    found = entities_of("テスラ決算、EV値下げ競争で利益率が低下")
    assert found == {"Tesla": "COMPANY", "テスラ": "COMPANY"}  # its results; 競争 no event
    text = "鴻海の劉揚偉（ヤング・リウ）会長は語った。劉氏は強気だ。"
    (person,) = [e for e in analyze_text(text).entities if e.type == "PERSON"]
    assert person.text == "劉揚偉" and len(person.mentions) == 3  # its reading, 劉氏
    for text in (
        "中国の比亜迪（BYD）は軽自動車を投入する。",  # kanji MeCab cuts into characters
        "北京字節跳動科技（ByteDance）は上場を目指す。",  # not an event of the tagger's
        "韓国のサムスン電子（Samsung Electronics）は増益だった。",  # katakana and kanji
    ):
        firms = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
        assert len(firms) == 1 and len(firms[0].mentions) == 2, text
    firms = entities_of("米グーグルの持ち株会社アルファベットと、米アマゾン・ドット・コム。")
    assert firms.get("Alphabet") == firms.get("Amazon") == "COMPANY"  # listed, after 会社
    assert "ドット・コム" not in firms
    models = entities_of(
        "GPT-5.1はGemini 2.5 ProとClaude Sonnet 4.5を上回り、GPT-5は2025年に出た。"
    )
    for name in ("GPT-5.1", "Gemini 2.5 Pro", "Claude Sonnet 4.5", "GPT-5"):
        assert models.get(name) == "PRODUCT", name  # a version is the model's name
    assert entities_of("「Copilot+ PC」を発売した。").get("Copilot+ PC") == "PRODUCT"
    held = entities_of("パリで開かれたVivaTechnologyには50社が出展した。")
    assert held.get("VivaTechnology") == "EVENT"  # what was held, typed PRODUCT
    held = entities_of("開発者会議「Build」で新しいAIエージェントを発表した。")
    assert held.get("Build") == "EVENT"  # quoted after a kind of event, typed PRODUCT
    held = entities_of("楽天は、楽天市場で「楽天スーパーSALE」を12月4日から開催する。")
    assert held.get("楽天スーパーSALE") == "EVENT"  # what it holds, typed a company
    shop = entities_of("ファーストリテイリングは「ユニクロ銀座店」を開いた。")
    assert shop.get("ユニクロ銀座店") == "FACILITY"  # a shop opened, no event
    series = entities_of("任天堂は、『ポケットモンスター』シリーズの新作を発表した。")
    assert series.get("ポケットモンスター") == "PRODUCT"
    assert "シリーズ" not in series  # the kind of what the quote names, typed a product
    bodies = entities_of("中国の先端技術（AI）と米連邦準備理事会（FRB）。")
    assert "COMPANY" not in bodies.values()  # no Chinese firm: common nouns, a US body


def test_names_joined_by_an_ampersand_are_whole():
    fund = entities_of("「SBI・V・S&P500インデックス・ファンド」が人気だ。")
    assert fund == {"SBI・V・S&P500インデックス・ファンド": "PRODUCT"}  # cut at & by the tagger
    drinks = entities_of("ポッカサッポロフード&ビバレッジは新商品を発売した。R&D費が増えた。")
    assert drinks == {"ポッカサッポロフード&ビバレッジ": "COMPANY"}  # R&D: no name


def test_capitals_nothing_found_after_a_chinese_firms_kanji_are_its_names():
    from analyzer.entities import generic_terms, kanji_names_of_firms
    from analyzer.reader import Source, parse_text
    from analyzer.tokenizer import tokenize_sentences

    def firms(text: str) -> list[str]:
        doc = parse_text(text, Source("post.md", "utf-8", 0, ""), None)
        sentences = tokenize_sentences(doc.text, doc.sentences)
        found = kanji_names_of_firms(doc.text, sentences, [], generic_terms())
        return sorted(doc.text[start:end] for start, end in found)

    # the tagger misses both (CXMT is listed now, so the rule is called directly)
    assert firms("中国の長鑫存儲技術（CXMT）が攻勢をかける。") == ["CXMT", "長鑫存儲技術"]
    assert firms("中国の先端技術（AI）と米連邦準備理事会（FRB）。") == []
    described = entities_of("中国EV大手（BYD）が値下げした。同社（BYD）も続いた。")
    assert "大手" not in described and "同社" not in described  # descriptions, no names
    table = "| 順位 | 買い手 | 対象 |\n|---|---|---|\n| 2 | NTT | NTTデータグループ |\n"
    assert entities_of(table).get("NTTデータグループ") == "COMPANY"
    assert not any(name.strip("|- ") == "" for name in entities_of(table))
    mizuho = entities_of("みずほの木原正裕社長は語った。みずほ銀行も増益。")
    assert mizuho.get("みずほフィナンシャルグループ") == "COMPANY"  # みずほ alone: the group
    assert mizuho.get("みずほ銀行") == "COMPANY"  # the bank is another company
    banks = entities_of("ソフトバンクは「PayPay銀行」を傘下に持つ。イングランド銀行が利下げした。")
    assert banks.get("PayPay銀行") == "COMPANY"  # PayPay is a listed product
    lab = entities_of("KDDI総合研究所が開発した。KDDI総合力を示した。")
    assert lab.get("KDDI総合研究所") == "COMPANY" and lab.get("KDDI") == "COMPANY"  # was KDDI
    assert banks.get("イングランド銀行") == "POLITICAL_ORG"  # a central bank stays
    assert "リストラ" not in entities_of("## 日産：リストラの痛み\n\n本文。")  # a generic term
    assert "光通信" not in entities_of("NTTは光通信技術「IOWN」を急ぐ。")  # a field, no firm
    firms = entities_of("筆頭株主は岩谷産業となった。日本の自動車産業は強い。")
    assert firms.get("岩谷産業") == "COMPANY" and "自動車産業" not in firms
    memory = entities_of("SKハイニックスはHBM4とHBM3Eを量産し、A300Bは飛んだ。")
    assert "HBM4" not in memory and "HBM3E" not in memory  # a generic term's generations
    assert memory.get("A300B") == "PRODUCT"  # its stem is the English "a": no generic term


def test_a_ceo_unknown_to_mecab_sites_indexes_and_a_list_of_wards():
    people = entities_of(
        "インテルのリップブー・タンCEOが就任した。タン氏は語った。トヨタ社長も来た。"
    )
    assert people.get("リップブー・タン") == people.get("タン") == "PERSON"
    (tan,) = analyze_text("リップブー・タンCEOが就任した。タン氏は語った。").entities
    assert len(tan.mentions) == 2  # the surname joins the full name
    for space in (" ", "\u3000"):  # a space before the office, as in Latin script
        spaced = entities_of(f"米インテルのリップブー・タン{space}CEOは延期を表明した。")
        assert spaced.get("リップブー・タン") == "PERSON"
    assert "トヨタ" not in [name for name, kind in people.items() if kind == "PERSON"]
    people = entities_of("ブロードコムのホック・タンCEOと、セールスフォースのマーク・ベニオフCEO。")
    assert people.get("ホック・タン") == people.get("マーク・ベニオフ") == "PERSON"
    assert entities_of("グーグル・クラウドCEOが語った。").get("グーグル・クラウド") != "PERSON"
    ministers = entities_of("赤沢亮正経済再生相と武藤容治経済産業相、山田元社長。金正恩党委員長。")
    assert ministers.get("赤沢亮正") == ministers.get("武藤容治") == "PERSON"
    assert "赤沢亮正" in entities_of("赤沢亮正経済再生担当相はワシントンを訪れた。")
    assert "山田元" not in ministers and "金正恩党" not in ministers
    ministers = entities_of("デジタル庁の平将明大臣と田中副大臣、佐藤新社長。")
    assert ministers.get("平将明") == "PERSON"  # 平|将|明大臣: MeCab reads 明 a prefix
    assert not {"田中副", "佐藤新"} & set(ministers)
    people = entities_of("日本商工会議所の小林健会頭と、経済同友会の新浪剛史代表幹事。")
    assert people.get("小林健") == people.get("新浪剛史") == "PERSON"  # not 小林健会頭
    people = entities_of("ニデックの永守重信グローバルグループ代表と、歌手の土屋アンナさん。")
    assert people.get("永守重信") == people.get("土屋アンナ") == "PERSON"  # not the katakana
    people = entities_of("トランプ米大統領とメルツ独首相、スターマー英首相が会談した。")
    assert people.get("トランプ") == people.get("メルツ") == people.get("スターマー") == "PERSON"
    assert "スターマー英" not in people  # the country's office is not the name's
    people = entities_of(
        "トランプ前大統領とオバマ元大統領、マクロン現大統領、安倍晋三元首相が並んだ。"
        "バイナンスのジャオ・チャンポン前CEOと秋元社長。"
    )
    for name in ("トランプ", "オバマ", "マクロン", "安倍晋三", "ジャオ・チャンポン", "秋元"):
        assert people.get(name) == "PERSON", name  # the rank is the office's, not the name's
    assert not {"トランプ前", "オバマ元", "マクロン現", "ジャオ・チャンポン前", "秋"} & set(people)
    people = entities_of("経済評論家の山崎元さんは語った。")
    assert people == {"山崎元": "PERSON"}  # no rank before an honorific: 元 is his name
    officer = entities_of("ミネベアミツミの貝沼由久会長は、芝浦電子の買収について語った。")
    assert officer.get("貝沼由久") == "PERSON"  # typed a firm: 貝沼 a place to MeCab
    officers = entities_of("ENEOSは、宮田知秀社長のもとで投資を拡大する。大倉組社長も来た。")
    assert officers.get("宮田知秀") == "PERSON"  # typed a firm: MeCab cut 知|秀 as nouns
    assert officers.get("大倉組") == "COMPANY"  # a counter's kanji is no given name
    chair = entities_of("マネックスグループの松本大会長は語った。松本大会は中止された。")
    assert chair.get("松本大") == "PERSON"  # MeCab: 松本|大会|長, an event
    assert chair.get("松本大会") == "EVENT"  # a tournament, no office after it
    governor = entities_of("広島県の湯崎英彦知事は、G7サミットの経済効果を強調した。")
    assert governor.get("湯崎英彦") == "PERSON"  # typed a place: 湯崎 and 英彦 are places too
    players = entities_of("将棋の藤井聡太七冠は、竜王戦で佐々木勇気八段を破った。")
    assert players.get("藤井聡太") == players.get("佐々木勇気") == "PERSON"  # not the rank
    people = entities_of("創業者の梁文鋒氏と、BYDの王伝福董事長が語った。第一副議長も来た。")
    assert people.get("梁文鋒") == people.get("王伝福") == "PERSON"
    assert not any(name.startswith("第一") for name in people)
    entities = entities_of(
        "森ビルの「麻布台ヒルズ」と「Torch Tower（トーチタワー）」。東証REIT指数は下落した。"
        "米OpenAIは営利部門を「OpenAI Group PBC」に移行した。"
    )
    assert entities.get("麻布台ヒルズ") == entities.get("Torch Tower") == "FACILITY"
    assert entities.get("東証REIT指数") == "PRODUCT"
    assert entities.get("OpenAI Group PBC") == "COMPANY"
    wards = entities_of(
        "都心5区（千代田・中央・港・新宿・渋谷）の空室率。阪神・淡路大震災から30年。"
    )
    assert wards.get("千代田") == wards.get("渋谷") == "LOCATION"
    assert wards.get("中央") == "LOCATION"  # a common noun to MeCab, in a list of wards
    assert not any(name.count("・") >= 2 for name in wards)
    assert entities_of("航空・ホテル・金融の株が上がった。") == {}  # no place among them
    assert wards.get("阪神・淡路大震災") == "EVENT"  # two parts: a name
    colon = entities_of("AWSは年次イベント「re:Invent」を開いた。J:COM春日部で見た。AWS:発表")
    assert colon.get("re:Invent") == "EVENT" and "J:COM春日部" in colon
    assert "re" not in colon and "Invent" not in colon and "AWS:発表" not in colon
    listed = entities_of("* Google：Kairos PowerのSMRから電力を調達")  # a list item's colon
    assert "Google" in listed and "Kairos Power" in listed
    model = entities_of("DeepSeekが公開した推論モデル「DeepSeek-R1」は衝撃を与えた。")
    assert model.get("DeepSeek") == "COMPANY" and model.get("DeepSeek-R1") == "PRODUCT"
    game = entities_of("ポケモンの新作『Pokémon LEGENDS Z-A』は10月16日に発売された。")
    assert "Pokémon LEGENDS Z-A" in game and "Pokémon LEGENDS Z" not in game


def test_a_katakana_name_after_what_a_firm_runs_is_the_firm():
    found = entities_of("「ふるさとチョイス」を運営するトラストバンクや、楽天が伸びた。")
    assert found.get("トラストバンク") == "COMPANY"  # missed: two common nouns to MeCab
    for kind in (
        "旅行サイトを運営するサイトが増えた。",
        "AIを開発するソフトウェアメーカーの多くは赤字だ。",
    ):
        assert entities_of(kind) == {}, kind  # a kind of firm or thing, no name


def test_a_startup_and_a_unicorn_describe_a_firm_and_are_no_names():
    found = entities_of("東京のAIスタートアップSakana AIが資金を集めた。日本発AIユニコーンの勝算。")
    assert found.get("Sakana AI") == "COMPANY"
    assert not any("スタートアップ" in name or "ユニコーン" in name for name in found)


def test_a_chips_model_name_after_the_word_for_a_chip_is_a_product():
    found = entities_of("AWSは自社開発チップTrainium3を発表した。アップルは新チップM5を搭載した。")
    assert found.get("Trainium3") == found.get("M5") == "PRODUCT"  # both missed
    assert entities_of("GPU 2基を搭載。") == {"2基": "QUANTITY"}  # a count, no model


def test_a_works_arc_is_a_product():
    found = entities_of("劇場版「鬼滅の刃」無限城編は、興行収入が1000億円を超えた。")
    assert found.get("無限城編") == "PRODUCT"  # typed a facility (城)


def test_a_building_after_kanji_and_a_quoted_city_are_facilities():
    found = entities_of("東京・丸の内の新丸ビルで説明会を開いた。ナッシュビルに本社を置く。")
    assert found.get("新丸ビル") == "FACILITY"  # was a product
    assert found.get("ナッシュビル") == "LOCATION"  # a town
    city = entities_of("トヨタは、静岡県裾野市の実験都市「ウーブン・シティ」を公開した。")
    assert city.get("ウーブン・シティ") == "FACILITY"  # was a product


def test_a_listed_product_named_further_is_found_where_the_tagger_missed_it():
    found = entities_of("OpenAIのCodex CLIやGoogleのGemini CLIも無料枠がある。")
    assert found.get("Gemini CLI") == "PRODUCT"  # the tagger found nothing there
    assert "Gemini" not in found
    assert entities_of("Gemini 2.5 Proを使う。") == {"Gemini 2.5 Pro": "PRODUCT"}


def test_a_posts_kind_is_no_part_of_a_products_name():
    # a review's title: the tagger took レビュー into an event, or ended at Fold|7
    for title in ("Galaxy Z Fold7 レビュー", "Galaxy Z Fold7 レビュー：薄さが武器だった"):
        assert entities_of(title) == {"Galaxy Z Fold7": "PRODUCT"}, title
    assert entities_of("Pixel 10速報まとめ") == {"Pixel 10": "PRODUCT"}  # each word off
    picks = entities_of("米国株ETFおすすめ5選｜VOO・VTI・QQQを比較")
    assert picks == {"VOO": "PRODUCT", "VTI": "PRODUCT", "QQQ": "PRODUCT"}  # no event
    results = entities_of("【決算】NVIDIA 5-7月期、売上高56%増の467億ドル")
    assert results.get("NVIDIA") == "COMPANY"  # a period after it, no model: was lost
    ranked = entities_of("11月1日、地元のアクロス福岡にて元IBF王者でWBC2位の選手を迎えた。")
    assert "WBC2" not in ranked  # a rank, not a model's number


def test_a_word_mecab_reads_as_a_given_name_is_no_person_as_a_predicate():
    assert entities_of("Galaxy Z Fold7 レビュー：薄さは正義だった") == {
        "Galaxy Z Fold7": "PRODUCT"
    }  # 正義, justice, was a person
    assert entities_of("社長は山田太郎だ。").get("山田太郎") == "PERSON"  # a full name


def test_a_listed_products_ai_is_a_product_and_its_quoted_feature_too():
    found = entities_of("Galaxy AIの「かこって検索」やGoogleのGeminiも使えます。")
    assert found.get("Galaxy AI") == "PRODUCT"  # AI ends firms' names, not this one
    assert found.get("かこって検索") == "PRODUCT"
    assert entities_of("AIスタートアップのSakana AIが資金を集めた。").get("Sakana AI") == "COMPANY"


def test_a_place_and_a_generic_term_is_no_name():
    entities = entities_of("日本企業の投資が増え、米国市場で売れた。")
    assert "日本企業" not in entities and "米国市場" not in entities
    entities = entities_of("東京株式市場では日産株が下落し、東京外国為替市場では円が売られた。")
    assert not any(name.endswith("市場") for name in entities)
    entities = entities_of("Netflixは日本アニメへの投資を増やし、東映アニメーションと組む。")
    assert "日本アニメ" not in entities and entities.get("東映アニメーション") == "COMPANY"
    picks = entities_of("2026年注目の米国AI銘柄5選")
    assert set(picks) == {"2026年"}  # a country, a generic term, a common noun: no event
    local = entities_of("北海道千歳市、ラピダス効果で地価上昇率全国トップに")
    assert local.get("ラピダス") == "COMPANY" and "ラピダス効果" not in local
    assert entities_of("東京映画が製作した。").get("東京映画") == "COMPANY"  # a film company


def test_a_prefixed_firm_and_what_is_named_with_it_are_not_one_name():
    text = "グーグルも米カイロス・パワーと小型モジュール炉（SMR）の電力購入で合意した。"
    entities = entities_of(text)
    assert entities.get("カイロス・パワー") == "COMPANY"
    assert not any("と" in name for name in entities)


def test_a_part_of_a_place_inside_a_tagged_place_splits_it():
    places = entities_of("インド南部ベンガルールには、多くのIT企業が拠点を置く。")
    assert places.get("インド") == places.get("ベンガルール") == "LOCATION"
    assert "インド南部ベンガルール" not in places
    assert "九州北部地方" in entities_of("九州北部地方で大雨が降った。")  # a region's name


def test_laws_are_not_names_whatever_the_tagger_calls_them():
    entities = entities_of("公正取引委員会は、スマホ新法に基づきアップルとグーグルに報告を求めた。")
    assert not any(name.endswith("法") for name in entities)  # the tagger said PERSON
    assert entities.get("公正取引委員会") == "POLITICAL_ORG"


def test_a_listed_name_and_a_number_on_it_are_left_to_the_tagger():
    entities = entities_of("ナスダック100も最高値を更新し、ボーイング707が飛んだ。")
    assert entities.get("ナスダック100") == "PRODUCT"  # an index, not the exchange
    assert entities.get("ボーイング707") == "PRODUCT"  # a plane, not the maker
    assert "マグニフィセント・セブン" not in entities_of("マグニフィセント・セブンが高い。")


def test_a_listed_name_joined_by_hyphens_into_a_longer_one_is_left_to_the_tagger():
    entities = entities_of("ELYZAは、日本語LLM「ELYZA-Japanese-Llama-3」を公開した。")
    assert entities.get("ELYZA-Japanese-Llama-3") == "PRODUCT"
    assert "Llama" not in entities  # the listed model, inside the name of another


def test_a_name_starts_where_a_word_does():
    entities = entities_of("国立がん研究センター東病院は、画像診断の実証を始めた。")
    assert "国立がん研究センター東病院" in entities  # MeCab read が|ん; tagged from ん
    called = entities_of("全世界株式に投資する投信、通称オルカンと、米国株の投信が人気だ。")
    assert not any(name.startswith("通称") for name in called)  # what it is called: no name


def test_short_latin_names_match_only_as_listed():
    entities = entities_of("WHOとArmが発表した。The question is who will arm them, he said.")
    assert entities.get("WHO") == "POLITICAL_ORG"
    assert entities.get("Arm") == "COMPANY"
    assert "who" not in entities and "arm" not in entities
    assert not any(" " in name for name in entities)  # no English sentence as a name
    assert entities_of("Nvidiaの決算。").get("Nvidia") == "COMPANY"  # longer: any case


def test_english_headings_are_no_names_unless_the_post_names_them_again():
    post = (
        "# 生成AIの現在地\n\n## Key Takeaways\n\nまず要点から。\n\n## Before / After\n\n"
        "導入前後で比べた。\n\n### Step 1\n\n設定する。\n\n## Anthropic\n\n"
        "Anthropicは新モデルを出した。\n\n## Conclusion\n\n以上です。\n"
    )
    entities = entities_of(post)
    assert entities.get("Anthropic") == "COMPANY"  # the heading's name, said again below
    for words in ("Key Takeaways", "Before", "After", "Step 1", "Conclusion"):
        assert words not in entities


def test_product_lines_laws_and_common_nouns_are_read_as_a_news_reader_would():
    entities = entities_of(
        "AppleはiPhone 15 Proを発表した。道路交通法の改正が議論され、"
        "クラウドとランサムウェア対策への投資も増える。"
    )
    assert entities.get("iPhone 15 Pro") == "PRODUCT"
    assert "iPhone" not in entities
    assert not any(name.endswith("法") for name in entities)
    assert not any(name.startswith(("クラウド", "ランサム")) for name in entities)
    entities = entities_of(
        "AppleはApple Watchを発表し、Microsoft CEOのサティア・ナデラ氏も語った。"
    )
    assert entities.get("Apple Watch") == "PRODUCT" and entities.get("Apple") == "COMPANY"
    assert entities.get("Microsoft") == "COMPANY"  # a title after a company is no product


def test_common_noun_phrases_are_not_names_but_organisations_made_of_them_are():
    entities = entities_of(
        "次世代AIデータセンターとAIサーバーの需要について、国際エネルギー機関が報告した。"
        "マイクロソフトも投資を増やす。"
    )
    assert not any("サーバー" in name or "データセンター" in name for name in entities)
    assert "国際エネルギー機関" in entities
    assert "マイクロソフト" in entities  # ソフト is generic, but not inside one katakana word


def test_a_listed_name_inside_a_longer_name_is_not_taken_alone():
    entities = entities_of("日本製鉄はUSスチールの買収を完了した。日本の鉄鋼需要は縮小している。")
    assert "日本製鉄" in entities
    assert "US" not in entities
    assert entities.get("日本") == "LOCATION"
    assert not any(name.startswith("日本製鉄") and name != "日本製鉄" for name in entities)


def test_brackets_split_a_tagged_name_and_its_abbreviation():
    entities = entities_of("国際エネルギー機関(IEA)は需要が増えると予測した。")
    assert not any("(" in name or ")" in name for name in entities)


def test_the_users_own_names_win_and_merge_their_aliases(tmp_path):
    from analyzer.entities import read_names

    names_file = tmp_path / "names.tsv"
    names_file.write_text(
        "# name\ttype\taliases\nラピダス\tCOMPANY\tRapidus\n千歳\tLOCATION\n", encoding="utf-8"
    )
    names = read_names(str(names_file))
    text = "ラピダスは千歳で試作を始めた。Rapidusの量産は2027年の予定だ。"
    analysis = analyze_text(text, names=names)
    found = {e.text: (e.type, e.count) for e in analysis.entities}
    assert found["ラピダス"] == ("COMPANY", 2)
    assert found["千歳"][0] == "LOCATION"
    assert analysis.to_dict()["versions"]["entities_file"] == names.version


def test_a_bad_entities_file_names_its_line(tmp_path):
    import pytest

    from analyzer.entities import read_names

    bad = tmp_path / "bad.tsv"
    bad.write_text("ラピダス\tCOMPANY\n\n千歳\tTOWN\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: unknown type 'TOWN'"):
        read_names(str(bad))
    bad.write_text("ラピダス\tCOMPANY\t" + "ラ" * 101 + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: a name longer than 100 characters"):
        read_names(str(bad))


def test_no_run_of_text_longer_than_any_name_is_a_name():
    found = analyze_text("あ" * 5000 + "。トヨタは好調だ。").entities
    assert all(len(e.text) <= 100 for e in found)  # the tagger took 1,000 あ for a person


def test_packed_ngram_weights_add_up_like_the_pairs_they_hold():
    import random

    from analyzer.sentiment import pack, unpack

    rng = random.Random(7)
    pairs = [(rng.randint(-20_000, 20_000), rng.randint(-20_000, 20_000)) for _ in range(3_000)]
    total = sum(pack(negative, positive) for negative, positive in pairs)
    assert unpack(total, len(pairs)) == (sum(p[0] for p in pairs), sum(p[1] for p in pairs))
    assert unpack(0, 0) == (0, 0)


def test_us_tickers_are_their_companies_and_etfs_are_products():
    entities = entities_of("NVDAとAAPLを買い増し、TSLA株は売った。VOOに積み立てる。")
    assert entities.get("NVIDIA") == entities.get("Apple") == entities.get("Tesla") == "COMPANY"
    assert entities.get("VOO") == "PRODUCT"
    indices = entities_of("オルカンはMSCI ACWIに連動する。SOX指数は急落し、MSCIコクサイも下げた。")
    assert {"MSCI ACWI", "SOX指数", "MSCIコクサイ", "オルカン"} <= set(indices)
    assert set(indices.values()) == {"PRODUCT"}  # indices, as S&P500 (ACWI was an organisation)
    platform = entities_of("日立製作所の徳永俊昭社長は、Lumadaの売上比率を高めると語った。")
    assert platform.get("Lumada") == "PRODUCT"  # Hitachi's platform, typed a firm


def test_funds_sectors_and_list_titles_of_investment_posts():
    analysis = analyze_text(
        "【2025年版】新NISAで買うべき米国ハイテク株5選\n\n"
        "つみたて投資枠では「eMAXIS Slim 米国株式（S&P500）」も人気。半導体株が下落した。"
    )
    found = {e.text: e.type for e in analysis.entities}
    assert found.get("eMAXIS Slim 米国株式") == "PRODUCT"  # a listed product's name and more
    assert found.get("S&P500") == "PRODUCT"  # a listed name in parentheses is no short name
    assert not any("ハイテク" in name or "半導体" in name or "選" in name for name in found)


def test_central_banks_are_political_bodies_by_any_of_their_names():
    text = "インド準備銀行（RBI）は政策金利を引き下げた。豪中銀とスイス国立銀行は据え置いた。"
    found = {e.text: e for e in analyze_text(text).entities}
    assert found["インド準備銀行"].type == "POLITICAL_ORG"
    assert found["インド準備銀行"].count == 2  # RBI is the same bank
    assert found["オーストラリア準備銀行"].type == found["スイス国立銀行"].type == "POLITICAL_ORG"


def test_a_lender_named_after_a_description_is_a_company():
    found = entities_of("ノンバンク大手シュリラム・ファイナンスに20%出資すると発表した。")
    assert found.get("シュリラム・ファイナンス") == "COMPANY"


def test_descriptions_and_counts_of_generic_kinds_are_no_names():
    found = entities_of(
        "武田薬品は米バイオ新興を買収する。みずほ証券はメガバンク3行の決算を比べた。"
        "日系金融機関の進出が相次ぐ。"
    )
    assert set(found) == {"武田薬品", "武田薬品工業", "みずほ証券"}, found
    found = entities_of("デジタル庁は、マイナ保険証への一本化を進める。米中の対立が続く。")
    assert "マイナ保険" not in found  # the start of a generic term, typed a firm for 保険
    assert found.get("米") == "LOCATION"  # 米中 is generic, but 米 alone a place


def test_a_name_quoted_after_a_kind_of_product_is_found_where_the_tagger_missed_it():
    found = entities_of(
        "花王は洗剤「アタック」の値上げを発表した。同社はAI「エージェント」を強化する。"
    )
    assert found.get("アタック") == "PRODUCT"
    assert "エージェント" not in found  # a generic term, quoted or not
    vessel = entities_of("日本郵船は、アンモニア燃料タグボート「魁」の実証航海を完了した。")
    assert vessel.get("魁") == "PRODUCT"  # a ship, missed
    car = entities_of("ホンダの新型「プレリュード」は、予約が殺到している。")
    assert car.get("プレリュード") == "PRODUCT"  # a new model, missed


def test_a_name_before_a_firms_officer_is_the_firm():
    found = entities_of(
        "ウィリアムズのジョン・スミス社長は語った。クラウドフレアのマシュー・プリンスCEOは、"
        "米スノーフレークのスリダー・ラマスワミCEOと会った。"
    )
    assert found.get("ウィリアムズ") == "COMPANY"  # typed a person
    assert found.get("クラウドフレア") == found.get("スノーフレーク") == "COMPANY"  # missed
    assert found.get("マシュー・プリンス") == "PERSON"
    kinds = entities_of("このグループの山田太郎社長と、ファンドのジョン・スミスCEOが語った。")
    assert "グループ" not in kinds and "ファンド" not in kinds


def test_a_listed_latin_name_opening_a_longer_quoted_name_is_not_the_firm():
    found = entities_of(
        "楽天モバイルは、「Rakuten最強プラン」の料金を改定した。「OpenAI社」が発表した。"
    )
    assert "楽天グループ" not in found  # Rakuten, listed, opens the plan's name
    assert found.get("OpenAI") == "COMPANY"  # the firm's word: still the firm


def test_a_listed_body_after_a_former_offices_prefix_keeps_its_type():
    found = entities_of("元日本銀行理事の山田太郎さんと、前日本銀行総裁の黒田東彦氏が語った。")
    assert found.get("日本銀行") == "POLITICAL_ORG"  # the tagger's firm, after 元|


def test_a_former_name_in_brackets_is_the_same_entity():
    analysis = analyze_text(
        "米ストラテジー（旧マイクロストラテジー）のセイラー会長は語った。"
        "マイクロストラテジーはビットコインを買い増した。"
    )
    firms = [(e.text, e.count) for e in analysis.entities if e.type == "COMPANY"]
    assert firms == [("ストラテジー", 3)]  # called by its name now, with its former one's
    known = analyze_text("ホリエモンこと堀江貴文さんの新刊を読んだ。堀江氏は語る。").entities
    assert [(e.text, e.count) for e in known] == [("堀江貴文", 3)]  # not two persons
    apart = analyze_text("トヨタ自動車とホンダのことを考える。").entities
    assert len(apart) == 2


def test_a_listed_name_opening_a_dotted_fund_name_is_the_funds():
    found = entities_of("楽天証券の「楽天・オールカントリー株式インデックス・ファンド」は人気だ。")
    assert found.get("楽天・オールカントリー株式インデックス・ファンド") == "PRODUCT"
    assert "楽天グループ" not in found  # the listed 楽天 opened the fund's name
    listed = entities_of("「トヨタ・ホンダ・日産」の3社が動いた。")
    assert listed.get("トヨタ自動車") == listed.get("本田技研工業") == "COMPANY"  # a list


def test_points_are_a_quantity():
    text = "TOPIXは3,000ポイントを突破し、準備率は0.5ポイント下がった。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text)}
    assert spans["3,000ポイント"] == {"amount": 3000.0, "unit": "ポイント"}
    assert spans["0.5ポイント"] == {"amount": 0.5, "unit": "ポイント"}
    assert "000ポイント" not in entities_of(text)  # the tagger's product, cut at the comma
    alone = "オルカン一本で運用し、一人で悩む。社員は一人だ。"
    assert [alone[s.start : s.end] for s in find_numeric(alone)] == ["一人"]  # a count


def test_a_ministry_or_agency_is_a_government_body():
    found = entities_of("英競争・市場庁（CMA）は買収を承認した。中国の山東省で工場を建てた。")
    assert found.get("英競争・市場庁") == "POLITICAL_ORG"  # typed a facility
    assert found.get("山東省") == "LOCATION"  # a province keeps its type


def test_the_start_of_a_federal_law_is_no_place():
    found = entities_of("ウルフスピードは6月30日に米連邦破産法11条の適用を申請した。")
    assert "米連邦" not in found  # typed a place, cut from the law's name
    assert found.get("米連邦議会") in (None, "POLITICAL_ORG")


def test_a_name_quoted_after_a_kind_of_facility_is_that_facility():
    found = entities_of(
        "オリエンタルランドは新エリア「ファンタジースプリングス」を開業した。"
        "米オラクルはデータセンター「スターゲート」を公開した。"
        "イオンモールは新たな商業施設「イオンモール豊川」を開業した。"
    )
    assert found.get("ファンタジースプリングス") == "FACILITY"  # typed a product
    assert found.get("スターゲート") == "FACILITY"
    assert found.get("イオンモール豊川") == "FACILITY"
    assert found.get("イオンモール") == "COMPANY"  # the firm itself, unquoted


def test_a_headline_label_in_lenticular_brackets_is_read_apart_from_the_headline():
    text = "【米国株】エヌビディアが最高値、【決算速報】パランティア（PLTR）が増収"
    found = entities_of(text)
    assert found.get("米国") in (None, "LOCATION")  # was a product: 米国株】エヌビディア
    assert found.get("エヌビディア") == found.get("パランティア") == "COMPANY"
    assert not any("【" in name or "】" in name for name in found)


def test_envoys_and_spokespeople_are_titles_not_part_of_the_name():
    found = entities_of(
        "ウィトコフ特使はモスクワを訪問した。山田重夫駐米大使はワシントンで語った。"
        "UAEのG42は出資を受けた。"
    )
    assert found.get("ウィトコフ") == found.get("山田重夫") == "PERSON"
    assert not any(name.endswith(("特使", "大使")) for name in found)
    assert found.get("G42") == "COMPANY"
    found = entities_of("星野リゾートはトマムに新ホテルを開く。アンペアの電流が流れる。")
    assert found.get("星野リゾート") == "COMPANY"  # 星野 reads as a surname
    assert "アンペア" not in found  # a unit, not the firm Ampere Computing


def test_price_moves_and_forecast_revisions_are_polarity_words():
    assert polarities("同社株は一時15%安となった。") == [-0.6]
    assert polarities("ダウ平均は前日比400ドル安で引けた。") == [-0.6]
    assert polarities("日経平均株価は800円安で終えた。") == [-0.6]  # 800|円安
    assert polarities("TOPIXは3.5ポイント高。") == [0.6]
    assert polarities("円安が進んだ。") == []  # the yen's move, no figure: left to the model
    assert polarities("同社は通期の業績見通しを引き上げた。") == [0.6]
    assert polarities("野村證券は目標株価を5,000円に引き上げた。") == [0.6]
    assert polarities("格付け会社は格付けを2段階引き下げた。") == [-0.6]
    assert polarities("政府は最低賃金を引き上げた。") == []  # no forecast
    down = analyze_text("同社株は一時15%安となった。").sentiment.sentences[0]
    lowered, raised = analyze_text(
        "同社は通期の業績見通しを引き下げた。\n同社は通期の業績見通しを引き上げた。"
    ).sentiment.sentences
    assert down.score < -0.15 and lowered.score < -0.15 < 0.15 < raised.score


def test_a_speaker_gets_no_sentiment_from_what_the_quote_says():
    analysis = analyze_text(
        "大和証券の田中誠アナリストは「のれん償却の負担は重いが、売上高を押し上げる」と分析する。"
        "武田薬品工業の業績は悪化した。"
    )
    found = {e.text: e.sentiment for e in analysis.entities}
    assert found["田中誠"].score == found["大和証券"].score == 0.0
    assert found["武田薬品工業"].label == "negative"  # what the article says of it
    both = analyze_text(
        "リサ・スーCEOは「数百億ドルの売上をもたらす」と述べ、"
        "サム・アルトマンCEOも「AMDとの協業は不可欠だ」と語った。"
    )
    assert {e.text: e.sentiment.score for e in both.entities if e.type == "PERSON"} == {
        "リサ・スー": 0.0,
        "サム・アルトマン": 0.0,  # も, as は
    }
    reported = analyze_text(
        "日本航空の鳥取三津子社長は、燃料費の高騰で通期予想を下方修正したと説明した。"
        "柳井正氏は経営不振の責任を取って辞任した。"
    )
    found = {e.text: e.sentiment for e in reported.entities}
    assert found["鳥取三津子"].score == 0.0  # a person whose words are reported
    assert found["日本航空"].label == "negative"  # a firm: what the words are about
    assert found["柳井正"].label == "negative"  # what the article says of him


def test_the_etfs_retail_investors_write_about_are_products():
    found = entities_of(
        "次回は米国の高配当ETF（VYM、HDV、SPYD）を比較します。VTとVOOのどちらを買うべきか。"
    )
    assert {found.get(t) for t in ("VYM", "HDV", "SPYD", "VT", "VOO")} == {"PRODUCT"}
    found = entities_of("任天堂、Switch 2が好発進。メタ、スケールAIに143億ドル出資")
    assert found.get("Switch 2") == "PRODUCT" and found.get("スケールAI") == "COMPANY"
    # a table's cell of fund managers, and a fund series
    found = entities_of(
        "| SPYD | ステート・ストリート | 0.07% |\n\nHDVはiシェアーズのETFで、約75銘柄です。"
    )
    assert found.get("State Street") == "COMPANY" and found.get("iShares") == "PRODUCT"
    # a table in plain text: a bar parts names; a sector alone is none
    found = entities_of("| XLK | テクノロジー | ウィズダムツリー |\nABCロボティクスが上場")
    assert found == {
        "XLK": "PRODUCT",
        "WisdomTree": "COMPANY",
        "ウィズダムツリー": "COMPANY",
        "ABCロボティクス": "COMPANY",
    }


def test_a_size_inside_a_products_name_is_the_names():
    found = entities_of("ソニーのFE 35mm F1.4 GMは人気のレンズだ。メモリ64GBのモデル。")
    assert found["FE 35mm F1.4 GM"] == "PRODUCT" and found["64GB"] == "QUANTITY"


def test_phone_makers_carriers_and_product_lines():
    found = entities_of(
        "XiaomiやOPPOの急速充電には及ばない。ドコモ、au、楽天モバイルで販売。"
        "来年発売予定のPixel 11に期待。au PAYで支払う。"
    )
    assert {found.get(name) for name in ("OPPO", "au", "NTTドコモ")} == {"COMPANY"}
    assert found.get("Pixel 11") == "PRODUCT" and found.get("au PAY") == "PRODUCT"


def test_a_works_title_in_double_corner_brackets_is_a_product():
    found = entities_of("『鬼滅の刃』の劇場版は好調だ。『葬送のフリーレン』の第2期が始まる。")
    assert found == {"鬼滅の刃": "PRODUCT", "葬送のフリーレン": "PRODUCT"}
    game = entities_of("ポケモンGOは、ナイアンティックが開発したスマホゲームだ。")
    assert "スマホゲーム" not in game  # a kind of game, no firm
    shop = entities_of("各社はセルフレジや省人化の投資を急ぐ。セミセルフレジも増えた。")
    assert shop == {}  # kinds of till, typed a firm and a facility
    drugs = entities_of("これらの薬はGLP-1と呼ばれるホルモンの働きを利用する。")
    assert drugs == {}  # a hormone, typed a product


def test_gadgets_points_and_shops_posts_write_about():
    found = entities_of(
        "iPad miniとMacBook Airを買い、Steam Deckも迷っている。"
        "楽天ポイントとdポイント、Vポイントのどれを貯めるか。楽天カードで楽天市場の買い物。"
    )
    products = (
        "iPad mini",  # an edition with no number, after a listed product
        "MacBook Air",
        "Steam Deck",
        "楽天ポイント",
        "dポイント",
        "Vポイント",  # not Vポイントのどれ
        "楽天カード",
        "楽天市場",
    )
    assert found == dict.fromkeys(products, "PRODUCT")


def test_headlines_shorten_holding_companies_and_banks():
    found = entities_of(
        "キリンHD、協和キリンを完全子会社化へ。パナHD、テレビ事業の売却を検討。"
        "三井住友FG、SBIHDと資本提携。セブン銀、外貨両替を開始。"
    )
    assert found.get("キリンHD") == "COMPANY" and found.get("パナHD") == "COMPANY"
    assert found.get("SBIHD") == "COMPANY" and found.get("セブン銀") == "COMPANY"
    assert found.get("協和キリン") == "COMPANY"


def test_a_carmakers_models_and_plants_are_listed():
    found = entities_of("テスラのギガテキサスでは、サイバートラックとモデル3の生産が続く。")
    assert found.get("Giga Texas") == "FACILITY" and found.get("ギガテキサス") == "FACILITY"
    assert found.get("Cybertruck") == "PRODUCT" and found.get("Model 3") == "PRODUCT"


def test_a_bloggers_handle_in_hiragana_before_san_is_a_person():
    found = entities_of("投資家のたぱぞうさんのブログと、りょうさんの記事を読んだ。")
    assert found == {"たぱぞう": "PERSON", "りょう": "PERSON"}
    # everyone, kin, a reading in brackets: no names
    assert entities_of("みなさん、おばあさんに聞いた。硫酸（りゅうさん）は酸だ。") == {}


def test_a_buildings_nickname_is_the_building():
    found = entities_of("「丸ビル」で開かれたイベントに人が集まった。丸ビルの35階の店。")
    assert found.get("丸ビル") == "FACILITY"  # was a product


def test_listed_franchises_streamers_portals_and_leagues():
    found = entities_of(
        "バンダイナムコは、ガンダムの新作ゲームを発表した。ソニーはクランチロールを傘下に持つ。"
    )
    assert found.get("機動戦士ガンダム") == "PRODUCT"  # was typed a firm
    assert found.get("Crunchyroll") == "COMPANY"
    league = entities_of("パ・リーグのソフトバンクが日本一になった。")
    assert league.get("パシフィック・リーグ") == "ORG"  # missed; a league, as Jリーグ is
    portal = entities_of("韓国のネイバーは対話AIを公開した。")
    assert portal.get("NAVER") == "COMPANY"  # missed


def test_display_technologies_are_no_firms():
    # the tagger read 有機ELディスプレイ as a firm, ELディスプレイ
    found = entities_of("有機ELディスプレイと液晶パネルを比べる。ジャパンディスプレイは赤字。")
    assert found == {"ジャパンディスプレイ": "COMPANY"}


def test_a_bad_thing_or_a_cost_done_away_with_is_good_news():
    assert polarities("赤字を解消した。") == [0.9]  # 赤字 flips
    assert polarities("リスクを分散する。") == [0.6]
    assert polarities("コストを削減した。") == polarities("費用を抑えた。") == [0.6]  # costs
    assert polarities("リスクを軽減できない。") == [-0.6]  # and a negation after it
    assert polarities("不安を払拭した。") == [0.0, 0.6]  # 払拭 says it: 不安 counts nothing
    assert polarities("価格を下げた。") == []  # no cost nor bad thing
    assert polarities("関税を引き下げた。") == [0.5]  # a tariff is a cost: cut, good news
    assert polarities("関税が上昇した。")[-1] < 0  # and its rise bad news
    (sentence,) = analyze_text("同社はコストを削減し、赤字を解消した。").sentiment.sentences
    assert sentence.label == "positive"


def test_a_bad_thing_said_to_be_small_is_good_news():
    assert polarities("減配リスクは低い。") == [0.0, 0.6]  # リスク flips, 減配 is its topic
    assert polarities("懸念は小さい。") == polarities("懸念も限定的だ。") == [0.8]
    assert polarities("下落リスクは限られる。")[-1] == 0.6
    assert polarities("減配リスクは高い。") == [-0.9, -0.6]  # high: still bad
    assert polarities("リスクが低いとは言えない。")[-1] < 0  # negated: no good news
    (sentence,) = analyze_text(
        "配当性向を掲げており、減配リスクは低いと考えています。"
    ).sentiment.sentences
    assert sentence.label == "positive"  # was negative, -0.99


def test_a_reviews_unease_reads_negative_and_none_of_it_not():
    def label(text: str) -> str:
        return analyze_text(text).sentiment.label

    assert label("操作に違和感がある。") == "negative"
    assert label("この価格でこの品質なら文句なしだ。") == "positive"  # was neutral
    assert label("初期不良で返品することになった。") == "negative"  # was neutral
    assert label("アップデート後に動作が重くなった。") == "negative"  # was neutral

    assert polarities("一番頼りになりました。") == [0.6]
    assert label("GitHub Copilotから乗り換える人には違和感がないはずです。") != "negative"


def test_shares_are_counted_but_not_a_rate_per_unit():
    text = (
        "OpenAIはAMD株を最大1億6,000万株取得できる。"
        "1株当たり利益は120円、1株600ドル、1人当たり3万ドル。"
    )
    spans = {text[s.start : s.end]: (s.type, s.value) for s in find_numeric(text)}
    assert spans["1億6,000万株"] == ("QUANTITY", {"amount": 1.6e8, "unit": "株"})
    assert not [k for k in spans if k.startswith(("1株", "1人"))], spans


def test_a_listed_product_keeps_its_version_where_the_tagger_typed_its_name_alone():
    found = {e.text: e for e in analyze_text("I/OでGemini 2.5 Proが発表された。").entities}
    assert found["Gemini 2.5 Pro"].type == "PRODUCT"  # the tagger said a firm, Gemini
    assert "Gemini" not in found


def test_initials_before_the_long_name_in_brackets_are_one_entity():
    text = "TSMC（Taiwan Semiconductor Manufacturing Company）は量産を開始した。"
    (firm,) = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
    assert firm.text == "TSMC" and firm.count == 2


def test_home_runs_are_no_count_of_things():
    text = "大谷翔平選手は「50本塁打・50盗塁」を達成した。新作を100本出荷した。"
    spans = {text[s.start : s.end] for s in find_numeric(text)}
    assert spans == {"100本"}  # 50本|塁打 is no 50 things


def test_a_latin_name_ending_an_english_sentence_leaves_its_full_stop():
    text = "OpenAI's revenue grew, according to The Information.\nApple Inc.は好調だ。"
    found = entities_of(text)
    assert "The Information" in found and "The Information." not in found
    assert found.get("Apple Inc.") == "COMPANY"  # its own full stop


def test_one_day_as_a_length_of_time_is_no_date():
    text = "10月には1日で15%下落した。1日に発表した。19日で閉店する。"
    spans = {text[s.start : s.end] for s in find_numeric(text) if s.type == "DATE"}
    assert spans == {"10月", "1日", "19日"}
    assert [text[s.start : s.end] for s in find_numeric(text)].count("1日") == 1  # 1日に


def test_a_day_right_after_a_dated_day_is_of_its_month():
    reference = dt.date(2025, 11, 20)
    text = "12月10日から12日まで開く。2026年1月30日から2日まで休む。10月3日と5日に会う。"
    dates = {
        text[s.start : s.end]: s.value for s in find_numeric(text, reference) if s.type == "DATE"
    }
    assert dates["12日"] == {"date": "2025-12-12", "year_inferred": True}  # not 2025-11-12
    assert dates["2日"] == {"date": "2026-02-02"}  # the month after; its year named
    assert dates["5日"] == {"date": "2025-10-05", "year_inferred": True}


def test_days_after_an_event_are_a_length_of_time():
    text = "発売4日で350万台、受付開始12日で定員に達した。会期は同19日で終わる。"
    spans = {text[s.start : s.end] for s in find_numeric(text) if s.type == "DATE"}
    assert spans == {"19日"}  # 同19日: the day of the month named before


def test_bitcoin_funds_and_their_issuers():
    found = entities_of(
        "「iシェアーズ・ビットコイン・トラスト（IBIT）」に資金が流入し、"
        "グレイスケールの「GBTC」からは流出した。FTX破綻の再来は避けたい。"
    )
    assert found.get("IBIT") == found.get("GBTC") == "PRODUCT"
    assert found.get("iシェアーズ・ビットコイン・トラスト") == "PRODUCT"  # was an organisation
    assert found.get("グレイスケール") == found.get("FTX") == "COMPANY"  # a person, none


def test_a_signed_percentage_keeps_its_sign():
    text = "週間騰落率はトヨタ+3.2%、ソニー-1.8%、前年同期比△5.2%。2025-26%は範囲。"
    spans = {text[s.start : s.end]: s.value for s in find_numeric(text) if s.type == "PERCENT"}
    assert spans["+3.2%"] == {"percent": 3.2}
    assert spans["-1.8%"] == {"percent": -1.8}
    assert spans["△5.2%"] == {"percent": -5.2}  # as reports write a fall
    assert "26%" in spans  # a hyphen between numbers is no sign


def test_a_latin_firm_after_a_countrys_prefix_is_a_company_not_a_place():
    found = entities_of(
        "ServiceNowは、米Moveworksを買収すると発表した。ガバメントクラウドに参入する。"
    )
    assert found.get("Moveworks") == "COMPANY"  # the tagger said a place
    assert "ガバメントクラウド" not in found  # a generic term, typed a firm


def test_a_firms_bank_is_no_kind_of_share():
    found = entities_of("セブン銀行株は上げ、地方銀行株は売られた。楽天銀行株を一部売却した。")
    assert found.get("セブン銀行") == "COMPANY"  # セブン|銀行, two common nouns to MeCab
    assert found.get("楽天銀行") == "COMPANY"  # 楽天|銀行 too, and listed
    assert "地方銀行" not in found  # a kind of share


def test_a_latin_name_that_goes_on_is_the_longer_names():
    found = entities_of("任天堂は、米国の子会社Nintendo of Americaを通じて北米で販売する。")
    assert found.get("Nintendo of America") == "COMPANY"  # not 任天堂 for its Nintendo
    assert found.get("任天堂") == "COMPANY"


def test_chinese_carmakers_and_holding_companies_are_firms():
    found = entities_of("トヨタ自動車は、中国・広州汽車集団との合弁で開発した。")
    assert found.get("広州汽車集団") == "COMPANY"  # the tagger said a political body


def test_business_terms_are_no_names():
    found = entities_of(
        "開発に応じたマイルストーンを含めると総額は220億ドルだ。"
        "ハイパースケーラーの投資はキャッシュフローを圧迫し、フィンテックにも波及する。"
    )
    assert not {"マイルストーン", "ハイパースケーラー", "キャッシュフロー", "フィンテック"} & set(
        found
    )
    science = entities_of(
        "国立がん研究センターと富士通は、がんゲノム医療の共同研究を開始した。"
        "慶應義塾大学は、iPS細胞から作った心筋シートの移植に成功した。"
        "モデルナはmRNAワクチンを開発した。"
    )
    assert not {"がんゲノム医療", "iPS細胞", "mRNAワクチン"} & set(science)  # were firms
    assert science.get("富士通") == "COMPANY" and science.get("Moderna") == "COMPANY"
    terms = entities_of(
        "SPACによる上場やRWAのトークン化、ROICの改善、OSSの活用が進む。"
        "テスラのギガファクトリーではLiDARを使わない。"
    )
    assert set(terms) == {"Tesla", "テスラ"}, terms  # the others were firms or a person
    index = entities_of("JPX日経400の構成銘柄に選ばれた。")
    assert index == {"JPX日経インデックス400": "PRODUCT", "JPX日経400": "PRODUCT"}  # not JPX
    when = entities_of("今回のインボイス制度について説明した。")
    assert "今回のインボイス制度" not in when and "インボイス制度" in when


def test_what_a_firm_is_to_another_is_not_its_name():
    found = entities_of("日本法人アンソロピック・ジャパンを東京に開設")
    assert found.get("アンソロピック・ジャパン") == "COMPANY"
    assert "日本法人アンソロピック・ジャパン" not in found
    found = entities_of("中国アリババ集団はAIモデルを公開した。日本マイクロソフトも発表した。")
    assert found.get("アリババ集団") == "COMPANY" and found.get("中国") == "LOCATION"
    assert found.get("日本マイクロソフト") == "COMPANY"  # a firm's own name
    plan = entities_of("政府は「スタートアップ育成5か年計画」を掲げる。")
    assert plan == {"スタートアップ育成5か年計画": "PRODUCT"}  # a title, quoted whole


def test_a_price_move_after_a_percentage_is_no_name():
    found = entities_of("ウォルマート：通期見通しを上方修正し、株価は6.5%高")
    assert "高" not in found  # a surname to MeCab at the end of a line


def test_shopping_days_and_holidays_are_events():
    found = entities_of(
        "来週はサンクスギビングデーの祝日。ブラックフライデーの商戦が試金石になる。"
    )
    assert found.get("サンクスギビングデー") == found.get("ブラックフライデー") == "EVENT"


def test_a_dotted_katakana_name_before_a_firms_office_is_its_officer():
    found = entities_of("米インテルのリップブー・タン最高経営責任者は、新工場の稼働を延期した。")
    assert found.get("リップブー・タン") == "PERSON"  # the tagger said a firm


def test_names_from_fresh_posts_on_markets_and_people():
    found = entities_of(
        "楽天証券経済研究所の窪田真之氏は「日本株は割安だ」と語る。"
        "第一生命経済研究所の永濱利廣首席エコノミストは指摘した。"
        "ユーチューバーのHIKAKINさんは新会社を設立した。"
    )
    assert found.get("日本") == "LOCATION"  # a country's shares, typed a product
    assert entities_of("子会社の日本法人を設立した。") == {"日本": "LOCATION"}  # not a firm
    assert found.get("永濱利廣") == "PERSON"  # 永 a prefix to MeCab
    assert found.get("HIKAKIN") == "PERSON" and "ユーチューバー" not in found
    ark = entities_of(
        "著名投資家のキャシー・ウッド氏が率いるアーク・インベストは、テスラ株を買い増した。"
    )
    assert ark.get("アーク・インベスト") == "COMPANY"  # typed a facility


def test_a_site_and_what_is_of_it_is_the_sites_name():
    found = entities_of("羽田空港の新ターミナルは2028年度に開業する予定だ。")
    assert found.get("羽田空港") == "FACILITY"  # the tagger ran on to の新ターミナル


def test_southeast_asian_platforms_are_firms():
    found = entities_of("シンガポールのグラブは、インドネシアのGoToとの合併を協議している。")
    assert found.get("Grab") == found.get("GoTo") == "COMPANY"


def test_stablecoin_issuers_are_firms_and_a_ripple_effect_is_no_name():
    found = entities_of("米Circleは上場した。米リップルは提携した。リップル効果が広がった。")
    assert found.get("Circle") == found.get("リップル") == "COMPANY"
    assert entities_of("リップル効果が広がった。") == {}


def test_an_honorary_title_is_no_part_of_the_name_and_law_firms_are_firms():
    found = entities_of(
        "京都大学iPS細胞研究所の山中伸弥名誉所長は語った。"
        "西村あさひ法律事務所の弁護士、佐藤花子氏によると影響は限定的だ。"
    )
    assert found.get("山中伸弥") == "PERSON" and "山中伸弥名誉" not in found
    assert found.get("西村あさひ法律事務所") == "COMPANY" and "西村" not in found


def test_an_exchange_is_named_without_its_market_segment():
    found = entities_of(
        "子会社のJX金属を東京証券取引所プライム市場に上場させた。"
        "東京証券取引所市場第一部に上場した。東証プライム市場に移った。"
    )
    assert found.get("東京証券取引所") == "COMPANY"
    assert not any("市場" in name for name in found)


def test_listed_products_with_marks_and_katakana_spellings():
    found = entities_of(
        "LINEヤフーは、LINEとYahoo! JAPANのIDを統合した。テスラのモデルYが売れた。"
        "Kubernetesの運用コストを下げる。ユニクロのエアリズムは定番だ。"
    )
    assert found.get("Yahoo! JAPAN") == "PRODUCT" and "JAPAN" not in found
    assert found.get("モデルY") == "PRODUCT" and found.get("エアリズム") == "PRODUCT"
    assert found.get("Kubernetes") == "PRODUCT"
    arm = analyze_text("ARMホールディングスは自社設計のチップを発表した。").entities
    assert [(e.text, e.type) for e in arm] == [("Arm", "COMPANY")]  # the listed firm's name
    # A fund's full name with its variant in brackets is one name (the variant was a firm)
    fund = analyze_text("人気なのは「eMAXIS Slim 全世界株式（オール・カントリー）」だ。").entities
    assert [(e.text, e.type, e.count) for e in fund] == [("eMAXIS Slim 全世界株式", "PRODUCT", 1)]


def test_a_katakana_name_where_something_is_done_is_a_place():
    found = entities_of("米テスラは、ロボタクシー事業をオースティンで拡大すると表明した。")
    assert found.get("オースティン") == "LOCATION"  # typed a person
    found = entities_of("監督はスミスで、主演はジョーンズだった。")
    assert found.get("スミス") == "PERSON"  # what the topic is, not where
    found = entities_of("インドのベンガルールは、IT産業の中心地だ。米国のトランプ大統領も来た。")
    assert found.get("ベンガルール") == "LOCATION"  # typed a person, after a country and の
    assert found.get("ドナルド・トランプ") == "PERSON"  # an office after him


def test_a_district_is_a_place_and_a_service_area_a_facility():
    found = entities_of(
        "三井不動産は水道橋エリアの再開発に約3000億円を投じる。海老名サービスエリアが混雑した。"
    )
    assert found.get("水道橋エリア") == "LOCATION"  # typed a firm
    assert found.get("海老名サービスエリア") == "FACILITY"


def test_common_nouns_glued_to_a_bodys_name_are_the_bodys():
    found = entities_of("政府は新たにサイバー通信情報監理委員会を設置する。")
    assert found == {"サイバー通信情報監理委員会": "POLITICAL_ORG"}  # was a firm and a body
    two = entities_of("住友電気工業研究開発本部の田中氏が語った。")
    assert two.get("住友電気工業") == "COMPANY" and "研究開発本部" in two  # a name first


def test_a_listed_person_before_a_title_mecab_cut_into_characters():
    found = entities_of("鴻海の劉揚偉董事長が来日した。アリババの馬雲氏が姿を見せた。")
    assert found.get("劉揚偉") == "PERSON"  # was 劉揚, the tagger's
    assert found.get("馬雲") == "PERSON"  # was 雲
    branch = entities_of("11月18日にはデビッド・マクリーンが上海支店長となった。")
    assert branch.get("上海支店") == "FACILITY"  # 支店|長: a word, then 長, goes on


def test_a_policy_headquarters_is_a_government_body():
    found = entities_of(
        "政府は知的財産戦略本部の会合を開いた。首相を本部長とする「AI戦略本部」を設ける。"
        "デジタル市場競争本部は評価をまとめた。県は災害対策本部を設置した。"
    )
    assert found.get("知的財産戦略本部") == "POLITICAL_ORG"  # missed: common nouns
    assert found.get("AI戦略本部") == "POLITICAL_ORG"  # quoted: typed a product
    assert found.get("デジタル市場競争本部") == "POLITICAL_ORG"
    assert "災害対策本部" not in found  # any disaster's office, no name


def test_a_persons_name_is_whole_where_mecab_cut_the_given_name_or_the_office():
    found = entities_of(
        "三菱UFJモルガン・スタンレー証券のチーフエコノミスト、藤戸則弘氏は指摘する。"
        "自民党の小林鷹之政調会長は述べた。岸田政調会長が話した。"
    )
    assert found.get("藤戸則弘") == "PERSON"  # 藤戸|則|弘: two persons
    assert found.get("小林鷹之") == "PERSON"  # 之 read as a particle: 小林鷹
    assert found.get("岸田") == "PERSON"  # not 岸田政調, the office's start
    assert not {"藤戸", "弘", "小林鷹", "岸田政調"} & set(found)


def test_a_listed_firms_quoted_name_and_word_is_its_product():
    found = entities_of(
        "楽天グループの三木谷浩史社長は「Rakuten AI」を全サービスに組み込む方針だ。"
        "AIスタートアップのSakana AIは資金を調達した。"
    )
    assert found.get("Rakuten AI") == "PRODUCT"  # AI ends firms' names: was a company
    assert found.get("Sakana AI") == "COMPANY"


def test_a_listed_place_after_a_number_in_an_events_name_is_the_events():
    found = entities_of("G20大阪サミットでは、データ流通の枠組みが議論された。")
    assert found == {"G20大阪サミット": "EVENT"}  # was 大阪, a place
    assert entities_of("2025年大阪で会議。").get("大阪") == "LOCATION"


def test_a_name_before_its_chief_officer_is_a_firm_not_an_organisation():
    found = entities_of("鹿島アントラーズの小泉文明社長は語った。経団連の筒井義信会長は述べた。")
    assert found.get("鹿島アントラーズ") == "COMPANY"  # typed an organisation: its 社長's
    assert found.get("日本経済団体連合会") == "ORG"  # an organisation's 会長 is its own


def test_a_dotted_katakana_name_ending_in_a_firms_word_is_a_firm():
    found = entities_of(
        "三菱UFJは、インドのシュリラム・ファイナンスに出資する。オリックスはオランダのロベコ・"
        "グループを売った。ソニーはドイツのマキシム・コミュニケーションズを傘下に収めた。"
        "フェニックス・キャピタル株式会社が出資した。アイドルグループが歌った。"
        "セガサミーはフィンランドのロビオ・エンターテインメントを買収した。"
    )
    assert found.get("ロビオ・エンターテインメント") == "COMPANY"  # missed
    assert found.get("シュリラム・ファイナンス") == "COMPANY"  # missed
    assert found.get("ロベコ・グループ") == "COMPANY"  # missed
    assert found.get("マキシム・コミュニケーションズ") == "COMPANY"  # マキシム, a person
    assert found.get("フェニックス・キャピタル株式会社") == "COMPANY"  # with its legal form
    assert "マキシム" not in found and "アイドルグループ" not in found


def test_an_election_is_an_event_whatever_office_or_party_it_names():
    found = entities_of(
        "石破茂首相は自民党総裁選への不出馬を表明した。米大統領選ではトランプ氏が勝った。"
    )
    assert found.get("自民党総裁選") == "EVENT"  # typed a political body
    assert found.get("米大統領選") == "EVENT"


def test_a_particle_to_inside_a_tagged_span_parts_two_names():
    found = entities_of(
        "楽天とディー・エヌ・エーと日本テレビが出資した。ANAは羽田空港と成田空港を結ぶ便を増やす。"
    )
    assert found.get("ディー・エヌ・エー") == "COMPANY"  # エーと, a filler to MeCab
    assert found.get("日本テレビ") == "COMPANY"
    assert found.get("羽田空港") == found.get("成田空港") == "FACILITY"
    assert not any("と" in name for name in found)


def test_a_quoted_title_is_whole_where_the_tagger_found_its_last_words():
    found = entities_of("サイバーエージェントは「ウマ娘 プリティーダービー」の海外展開を強化する。")
    assert found.get("ウマ娘 プリティーダービー") == "PRODUCT"  # プリティーダービー alone
    assert "プリティーダービー" not in found


def test_a_listed_place_and_a_dot_before_a_longer_name_leave_the_name_whole_or_after_it():
    found = entities_of(
        "1997年、台湾・中華職業棒球大聯盟の球団に移籍した。"
        "東京・麻布台ヒルズの森JPタワーに、外資系ホテル「ジャヌ東京」が開業した。"
        "スターバックスコーヒージャパンは、国内1,900店目を東京・銀座に出した。"
    )
    assert found.get("台湾・中華職業棒球大聯盟") == "ORG"  # whole, as the Stockmark gold
    assert found.get("麻布台ヒルズの森JPタワー") == "FACILITY"  # was lost to 東京
    assert found.get("ジャヌ東京") == "FACILITY"  # not the place 東京 inside it
    assert found.get("銀座") == "LOCATION" and found.get("東京都") == "LOCATION"
    assert "東京・銀座" not in found


def test_a_sports_team_is_an_organisation_and_the_best_in_japan_no_place():
    found = entities_of(
        "横浜DeNAベイスターズは日本シリーズでソフトバンクホークスを破り、26年ぶりの日本一となった。"
        "日本一周の旅に出た。"
    )
    assert found.get("横浜DeNAベイスターズ") == "ORG"  # typed a facility
    assert found.get("ソフトバンクホークス") == "ORG"
    assert found.get("日本シリーズ") == "EVENT"
    assert found.get("日本") == "LOCATION"  # 日本一周: a trip round Japan names it
    assert entities_of("26年ぶりの日本一となった。世界一の企業になる。") == {}  # the best in


def test_a_name_in_brackets_after_another_is_its_other_name_and_of_its_type():
    found = entities_of(
        "名古屋市の中部国際空港（セントレア）は、新たな国際線ターミナルを整備する。"
        "トヨタ自動車（愛知県豊田市）は新型車を発表した。"
    )
    assert found.get("中部国際空港") == found.get("セントレア") == "FACILITY"  # a place
    assert found.get("愛知県豊田市") == "LOCATION"  # where the firm is: an address


def test_katakana_run_into_capitals_is_no_persons_name():
    found = entities_of("INPEXはオーストラリアのイクシスLNGプロジェクトで生産を拡大した。")
    assert "イクシスLNG" not in found  # typed a person
    assert found.get("INPEX") == "COMPANY"


def test_a_name_in_brackets_after_a_generic_term_holding_a_listed_name_is_a_name():
    found = entities_of(
        "映画分野（ソニー・ピクチャーズ）は弱い。データセンター（DC）を建てる。"
        "生成AI（ジェネレーティブAI）が広がる。"
    )
    assert found.get("ソニー・ピクチャーズ") == "COMPANY"  # was taken for 分野's short form
    assert "DC" not in found and "ジェネレーティブAI" not in found  # the term's other forms


def test_a_reits_name_ends_in_its_legal_form():
    found = entities_of(
        "日本ビルファンド投資法人（8951）はビルを取得した。星野リゾート・リート投資法人の分配金は"
        "増えた。オリックス不動産投資法人は物件を売った。不動産投資法人は増えている。"
        "ジャパンリアルエステイト投資法人は、NTT都市開発から取得した。"
    )
    assert found.get("日本ビルファンド投資法人") == "COMPANY"  # was the place 日本
    assert found.get("星野リゾート・リート投資法人") == "COMPANY"  # 星野リゾート, a person
    assert found.get("オリックス不動産投資法人") == "COMPANY"
    assert found.get("NTT都市開発") == "COMPANY"  # NTT's, not NTT
    assert not [name for name in found if name.endswith("動産投資法人") and len(name) < 8]


def test_programming_acronyms_are_no_names():
    found = entities_of("Pythonの新バージョンでは、GILを無効化できるビルドが正式にサポートされた。")
    assert found.get("Python") == "PRODUCT"
    assert "GIL" not in found  # the interpreter lock, typed a firm


def test_a_contest_is_an_event_and_a_quoted_title_may_end_in_a_full_stop():
    found = entities_of(
        "ピアニストとして、ショパン国際ピアノコンクールで入賞した。"
        "劇場版アニメ「君の名は。」は、新海誠が監督を務めた。"
    )
    assert found.get("ショパン国際ピアノコンクール") == "EVENT"  # typed a facility
    assert found.get("君の名は。") == "PRODUCT"  # missed: the quote held a full stop


def test_a_name_quoted_right_after_a_firm_or_a_person_is_their_work():
    found = entities_of(
        "新潮社「波」に寄稿した。著書に岩波書店「日本の思想」がある。"
        "トヨタ「値上げしない」と佐藤社長は述べた。\n\nトヨタ「全方位戦略」堅持\n"
    )
    assert found.get("波") == "PRODUCT"  # missed
    assert found.get("日本の思想") == "PRODUCT"  # the place 日本
    assert "日本" not in found and "値上げしない" not in found  # words said, no title
    assert "全方位戦略" not in found  # a headline's quote: no particle after it
    found = entities_of(
        "カプコンの『バイオハザード レクイエム』は発売3日で200万本を売り上げた。"
        "古川社長の「供給体制は万全だ」という発言が注目された。"
    )
    assert found.get("バイオハザード レクイエム") == "PRODUCT"  # missed after の
    assert not [name for name in found if "供給体制" in name]  # words said


def test_each_of_a_kind_and_generic_kinds_name_no_one():
    found = entities_of(
        "各通信社は速報を出した。各務原市に住む。LCCが増えた。RNAが増えた。"
        "同社はインディーズレーベルを設立した。"
    )
    assert found.get("各務原市") == "LOCATION"  # a place MeCab reads whole
    assert not {"各通信社", "LCC", "RNA", "インディーズレーベル"} & set(found)  # all firms


def test_a_city_office_and_a_smelter_are_facilities():
    found = entities_of("書類は八王子市役所に提出する。住友金属鉱山は東予製錬所の生産を増やす。")
    assert found.get("八王子市役所") == "FACILITY"  # typed a place
    assert found.get("東予製錬所") == "FACILITY"  # typed a firm


def test_the_places_a_route_joins_are_places():
    found = entities_of("ANAは羽田―ニューヨーク線を増便した。成田－ロンドン便が就航した。")
    assert found.get("羽田") == found.get("ニューヨーク") == "LOCATION"  # 羽田―, a person
    assert found.get("成田") == found.get("ロンドン") == "LOCATION"  # ロンドン便, a person
    assert not [name for name in found if name.endswith(("―", "線", "便"))]


def test_well_known_agencies_are_listed_and_their_summits_are_events():
    found = entities_of(
        "FDAは新薬を承認した。ユネスコの世界遺産に登録された。ユニセフは声明を出した。"
        "NATO首脳会議でウクライナ支援を協議した。"
    )
    assert found.get("FDA") == found.get("ユネスコ") == "POLITICAL_ORG"  # typed firms
    assert found.get("ユニセフ") == "POLITICAL_ORG"  # missed
    assert found.get("NATO首脳会議") == "EVENT"  # the listed NATO inside it


def test_no_name_starts_or_ends_with_a_space():
    for source in ("擎  text", "価格はUS$91\t円だ", "ソニー\xa0は", "ｱｲ ﾞう円ｷ", "ﾊ\xa0は"):
        for entity in analyze_text(source).entities:
            assert entity.text == entity.text.strip(), (source, entity.text)
            for mention in entity.mentions:
                surface = source[mention.start : mention.end]
                assert surface and surface == surface.strip(), (source, surface)


def test_a_headings_clause_after_a_name_is_no_name():
    found = entities_of("## VOO：迷ったらこれ\n\nVOOは人気だ。\n\n番組「知りたがり!」が始まった。")
    assert found.get("VOO") == "PRODUCT"
    assert "迷ったらこれ" not in found  # the tagger's run-on, typed a product
    assert found.get("知りたがり!") == "PRODUCT"  # a quoted title keeps its verb


def test_funds_indexes_and_their_makers_in_a_holdings_list():
    found = entities_of(
        "QQQはナスダック100指数に連動し、正式名称はインベスコQQQトラストだ。"
        "ペプシコやコカ・コーラ、シェブロンなどが上位に入っています。"
    )
    assert found.get("ナスダック100") == "PRODUCT"  # missed
    rows = ["| ティッカー | 名称 | 経費率 |", "|---|---|---|"]
    rows.append("| QQQ | インベスコQQQトラスト | 0.20% |")
    table = "\n".join(rows) + "\n"
    names = {e.text: (e.type, e.count) for e in analyze_text(table).entities}
    assert names.get("QQQ") == ("PRODUCT", 2)  # its full name, typed an event, is an alias
    rows = ["| Ticker | Name | Weekly |", "|:--|:--|--:|"]
    rows.append("| PLTR | Palantir Technologies | +12% |")
    names = {e.text: (e.type, e.count) for e in analyze_text("\n".join(rows)).entities}
    assert set(names) == {"Palantir", "+12%"}  # column heads, typed a product and a firm
    assert found.get("コカ・コーラ") == "COMPANY"  # typed a facility


def test_a_pictograph_ends_a_name_but_a_star_in_one_does_not():
    found = entities_of("# Weekly Market Recap 🚀 米国株は最高値更新\n\nAnge☆Reveのメンバー。")
    assert not [name for name in found if "🚀" in name]  # one product, typed so whole
    assert found.get("米国") == "LOCATION"
    assert "Ange☆Reve" in found  # a group's name holds its star


def test_a_firms_arm_in_a_country_a_nickname_and_a_selling_season():
    found = entities_of(
        "トヨタ・モーター・タイランドの山下典昭社長は述べた。"
        "「日本車の牙城」と呼ばれてきたタイの市場が揺れる。ホリデー商戦の売り場では品薄が続く。"
    )
    assert found.get("トヨタ・モーター・タイランド") == "COMPANY"  # a firm and a place before
    assert "タイランド" not in found and found.get("タイ") == "LOCATION"
    assert "日本車の牙城" not in found  # what the market is called, typed a product
    assert not [name for name in found if "ホリデー" in name]  # a person, or a firm with 商戦
    assert found.get("山下典昭") == "PERSON"


def test_a_listed_firm_before_its_alumni_is_the_firm():
    found = entities_of(
        "クレディ・スイス出身のアナリスト、河合拓人氏は話す。ニューヨーク出身の監督。"
    )
    assert found.get("Credit Suisse") == "COMPANY"  # クレディ・スイス|出身 had given スイス
    assert "スイス" not in found
    assert found.get("ニューヨーク") == "LOCATION"


def test_a_drug_quoted_after_its_kind_types_its_entity_and_a_cancer_is_no_name():
    text = (
        "# エンハーツは売上5000億円超え\n\n第一三共の抗がん剤「エンハーツ」の勢いが止まらない。"
        "エンハーツは当初、HER2陽性の乳がん向けに承認された。ADCの開発が進む。"
    )
    found = {e.text: e.type for e in analyze_text(text).entities}
    assert found.get("エンハーツ") == "PRODUCT"  # its bare mentions read a firm
    assert not [name for name in found if name.endswith("がん")]  # typed a product
    assert "ADC" not in found  # a kind of drug, typed a firm


def test_an_airlines_routes_abroad_are_the_places_not_a_facility():
    found = entities_of("JALは羽田空港発の北米線とアジア線を増便する。JR東海道線が止まった。")
    assert found.get("北米") == "LOCATION" and found.get("アジア") == "LOCATION"
    assert "北米線" not in found and "アジア線" not in found  # typed facilities
    assert found.get("羽田空港") == "FACILITY"
    assert found.get("JR東海道線") == "FACILITY"  # a railway stays one


def test_a_minister_whose_name_mecab_ran_into_the_office_is_a_person():
    found = entities_of("城内実経済財政相は記者会見で述べた。田中製作所社長が述べた。")
    assert found.get("城内実") == "PERSON"  # 城内|実経|済財政相, typed a facility whole
    assert found.get("田中製作所") == "COMPANY"  # a firm's office: the firm


def test_a_word_of_takeovers_quoted_in_a_heading_is_no_name():
    text = "## 「ホワイトナイト」の登場\n\n牧野フライスはMBKパートナーズを買い手に検討した。"
    found = entities_of(text)
    assert "ホワイトナイト" not in found  # typed a product
    assert found.get("MBKパートナーズ") == "COMPANY"


def test_a_blogs_writer_introducing_themselves_is_a_person():
    found = entities_of("こんにちは、みなとです。今年も公開します。みなとは30代です。")
    assert found.get("みなと") == "PERSON"  # a harbour to MeCab, missed
    for text in ("こんにちは、今日は雨です。", "こんにちは、お久しぶりです。"):
        assert not [k for k in entities_of(text).values() if k == "PERSON"]
    named = analyze_text("はじめまして、投資ブロガーのみなとと申します。").entities
    assert [(e.text, e.type) for e in named] == [("みなと", "PERSON")]


def test_an_edition_after_a_model_number_and_cloud_ai_services():
    text = (
        "対象はGoogleの**Gemini 3 Pro**です。Gemini 3 Proは速い。レスポンスの速さも良い。"
        "Amazon BedrockやGoogle CloudのVertex AI経由でも使える。"
    )
    found = {e.text: (e.type, e.count) for e in analyze_text(text).entities}
    assert found.get("Gemini 3 Pro") == ("PRODUCT", 2)  # **Gemini 3| Pro** had split
    assert "Gemini 3" not in found
    assert found.get("Vertex AI") == ("PRODUCT", 1)  # typed a firm, as Sakana AI is one
    assert found.get("Amazon Bedrock") == ("PRODUCT", 1)  # a listed firm's name and more
    assert "レスポンス" not in found  # typed an organisation


def test_listed_names_in_kanji_and_katakana_joined_by_a_dot_are_a_list():
    found = entities_of("楽天・ソフトバンクの両社が参入した。マツダ・スバルも続く。")
    assert found.get("ソフトバンク") == "COMPANY"  # 楽天・ソフトバンク had given 楽天 alone
    assert found.get("楽天グループ") == "COMPANY"
    assert found.get("マツダ") == "COMPANY" and found.get("SUBARU", found.get("スバル"))


def test_only_a_posts_first_writers_are_looked_for_through_it():
    from analyzer.entities import self_introduced

    names = [f"ゆう{chr(0x3042 + i % 80)}{chr(0x3042 + i // 80)}" for i in range(2000)]
    text = "".join(f"こんにちは、{name}です。" for name in names)
    found = {text[start:end] for start, end in self_introduced(text)}
    assert found == set(names[:3])  # a writer or three, not 2,000 looks through the text


def test_a_bodys_own_abbreviation_beats_a_listed_firm_of_those_letters():
    text = (
        "後任にはケビン・ハセット国家経済会議（NEC）委員長の名前が挙がっている。"
        "NECの委員長は大統領に助言する。"
    )
    found = {e.text: (e.type, e.count) for e in analyze_text(text).entities}
    assert found.get("国家経済会議") == ("POLITICAL_ORG", 3)  # was the listed firm 日本電気
    assert "日本電気" not in found
    assert found.get("ケビン・ハセット") == ("PERSON", 1)  # ケビン・ハ|セット: ハ a symbol
    assert entities_of("NEC（日本電気）は新型PCを発売した。").get("NEC") == "COMPANY"


def test_a_persons_name_before_daihyo_is_the_person_a_country_before_it_a_team():
    found = entities_of(
        "阿部吉倫共同代表は「時間を半分にしたい」と話す。山田太郎代表は語った。"
        "サッカー日本代表の試合があった。"
    )
    assert found.get("阿部吉倫") == "PERSON"  # 阿部|吉|倫: 倫 was left out
    assert found.get("山田太郎") == "PERSON"  # typed an organisation with 代表
    assert "山田太郎代表" not in found
    assert found.get("サッカー日本代表") == "ORG"  # a team
    assert "サッカー" not in found


def test_names_quoted_after_a_site_or_a_facility_and_its_no():
    found = entities_of(
        "エムスリーは医師向けサイト「m3.com」の会員向けに、要約を始めた。"
        "eスポーツ施設の「コナミクリエイティブフロント」も話題になった。"
        "## バンダイナムコ：IPの強さ\n\nがんゲノム検査のデータを使う。"
    )
    assert found.get("m3.com") == "PRODUCT"  # missed
    assert found.get("コナミクリエイティブフロント") == "FACILITY"  # typed a product
    assert "IP" not in found and "がんゲノム" not in found  # typed firms


def test_lenticular_brackets_inside_a_heading_and_a_slash_list_of_products():
    found = entities_of(
        "# AIコーディング支援ツールを使い比べた感想【Cursor / Claude Code / GitHub Copilot】"
    )
    assert "感想" not in found  # typed an event: 【 read as nothing ran it into the list
    assert found.get("Cursor") == found.get("Claude Code") == "PRODUCT"
    assert found.get("GitHub Copilot") == "PRODUCT"  # one span with the slashes, cut


def test_a_firms_katakana_name_of_two_words_after_its_parent_is_whole():
    text = (
        "パナソニックホールディングス傘下のパナソニック エナジーは、新工場で量産を始めた。"
        "カナダのアリマンタシォン・クシュタールが買収提案を撤回した。"
    )
    found = entities_of(text)
    assert found.get("パナソニック エナジー") == "COMPANY"  # was パナソニック, the parent
    assert found.get("アリマンタシォン・クシュタール") == "COMPANY"  # typed a person


def test_a_renamed_firm_a_body_quoted_after_its_kind_and_words_that_name_no_one():
    text = (
        "こんばんは、くりぷとパパです。\n\n## 先駆者はストラテジー\n\n"
        "米ストラテジー（旧マイクロストラテジー）は社債を発行した。"
        "業界団体「IOWN Global Forum」の会員は150社を超えた。"
        "劇場版『鬼滅の刃』無限城編 第一章が公開された。"
        "今日は「ビットコイン・トレジャリー企業」について書きます。"
    )
    found = entities_of(text)
    assert found.get("くりぷとパパ") == "PERSON"  # a writer's name in two kinds of kana
    assert found.get("ストラテジー") == "COMPANY"  # the heading's person: its former
    assert found.get("IOWN Global Forum") == "ORG"  # name is a listed firm; typed a product
    assert "第一章" not in found  # typed a product
    assert not any(name.endswith("企業") for name in found)  # a kind of firm


def test_a_foreign_firms_first_or_last_katakana_word_is_its_short_name():
    text = (
        "米イーライリリーとデンマークのノボ ノルディスクが市場を独占する。"
        "リリーの新薬とノボの新薬が売れた。リリーは増産する。"
    )
    found = {e.text: (e.type, e.count) for e in analyze_text(text).entities}
    assert found.get("Eli Lilly") == ("COMPANY", 3)  # リリー was a person of its own
    assert found.get("Novo Nordisk") == ("COMPANY", 2)  # ノボ a firm of its own
    assert "リリー" not in found and "ノボ" not in found


def test_a_part_of_a_country_a_quoted_question_and_a_shopping_site():
    found = entities_of(
        "鴻海は南部カルナタカ州に新工場を建てた。"
        "よく聞かれる「楽天ポイントとPayPayポイント、どっちがお得？」という質問に答えます。"
        "ソフトバンクのユーザーなら、Yahoo!ショッピングでの還元も上乗せされます。"
    )
    assert found.get("カルナタカ州") == "LOCATION" and "南部カルナタカ州" not in found
    assert not any(name.endswith(("?", "？")) for name in found)  # typed a product
    assert found.get("Yahoo!ショッピング") == "PRODUCT" and "Yahoo" not in found


def test_a_persons_name_the_tagger_ran_into_a_title_or_cut_after_the_surname():
    found = entities_of(
        "松本尚デジタル相は一体化を進める。"
        "本田悦朗元内閣官房参与は、利上げを急ぐべきではないとの立場で知られる。"
    )
    assert found.get("松本尚") == "PERSON"  # 松本|尚|デジタル|相: a firm 松本尚デジタル
    assert found.get("本田悦朗") == "PERSON"  # 本田|悦朗元内閣官房参与, a political body
    assert "本田" not in found and "松本尚デジタル" not in found


def test_a_developers_post_its_tools_a_plus_list_and_words_that_name_no_one():
    found = entities_of(
        "# インフラ費を月5ドルに抑えた話（Cloudflare Workers + Supabase）\n\n"
        "これまでAWSでEC2とRDSを使っていました。Next.jsをCloudflare Pagesに配置した。"
        "新球場の周りには、ホテルが並ぶ。ビールは減税、第三のビールは増税になる。"
        "キリンの「氷結」など、缶チューハイの販売は好調だ。"
        "中国の宇樹科技（Unitree Robotics）は低価格機を発売した。"
    )
    assert found.get("Cloudflare Workers") == found.get("Supabase") == "PRODUCT"
    assert found.get("EC2") == found.get("RDS") == "PRODUCT"  # missed
    assert found.get("Next.js") == found.get("Cloudflare Pages") == "PRODUCT"  # firms
    assert "新球場" not in found and "ビール" not in found  # a facility, a firm
    assert found.get("氷結") == "PRODUCT"  # a work quoted after its firm, then など
    assert found.get("宇樹科技") == "COMPANY" and "宇樹" not in found  # a person


def test_a_group_named_after_what_it_is_and_a_given_name_ending_in_ya():
    found = entities_of(
        "イエメンの武装組織フーシ派による攻撃で、船が迂回した。イスラム組織ハマスが声明を出した。"
        "曽我貴也社長は「事業を増やす」と述べた。今年産の新米の仮渡し金を引き上げた。"
        "UAゼンセンは時給の引き上げを求める。"
    )
    assert found.get("フーシ派") == found.get("ハマス") == "ORG"  # missed
    assert found.get("曽我貴也") == "PERSON"  # 曽我|貴|也: 也 an auxiliary verb to MeCab
    assert "新米" not in found  # new rice, typed a place
    assert found.get("UAゼンセン") == "ORG"  # a union, typed a firm


def test_a_field_labels_last_character_before_its_colon_names_no_one():
    text = "## 会社概要\n\n* 会社名：株式会社グリーンモビリティ\n* 所在地：東京都渋谷区\n"
    found = entities_of(text)
    assert "名" not in found  # 会社|名：株式会社…, typed a firm with the name after it
    assert found.get("株式会社グリーンモビリティ") == "COMPANY"


def test_firms_listed_before_a_kind_of_firm_and_a_firms_arm_or_works_name():
    found = entities_of(
        "テラチャージやエネチェンジなどの新興企業が設置を競う。AIやIoTなどの企業が伸びた。"
        "京セラ系の京セラコミュニケーションシステムが拠点を設ける。"
        "純金積立なら、三菱マテリアルや田中貴金属工業でもできます。"
        "# EV充電器は30万口に届くか"
    )
    assert found.get("テラチャージ") == found.get("エネチェンジ") == "COMPANY"  # missed
    assert "AI" not in found and "IoT" not in found  # generic terms
    assert found.get("京セラコミュニケーションシステム") == "COMPANY"  # 京セラ| alone
    assert found.get("田中貴金属工業") == "COMPANY" and "田中貴" not in found  # a person
    assert "EV充電器" not in found  # a generic term and common nouns, typed a firm


def test_a_quoted_name_after_its_kind_is_whole_and_groups_and_ports():
    found = entities_of(
        "川崎重工業は、液化水素を運ぶ船「すいそ ふろんてぃあ」を開発し、神戸港まで運んだ。"
        "犯行声明を出したのは、ハッカー集団「Qilin（キリン）」とみられる。香港の株価も下げた。"
        "内閣サイバーセキュリティセンター（NISC）は対策を求めた。"
    )
    assert found.get("すいそ ふろんてぃあ") == "PRODUCT"  # the tagger's ふろんてぃあ alone
    assert "ふろんてぃあ" not in found
    assert found.get("Qilin") == "ORG"  # a hackers' group, typed a product
    assert found.get("神戸港") == "FACILITY" and found.get("香港") == "LOCATION"  # a place
    assert found.get("内閣サイバーセキュリティセンター") == "POLITICAL_ORG"  # a facility


def test_a_places_situation_is_the_place_and_broadcasting_words_name_no_one():
    found = entities_of(
        "ウクライナ情勢しだいでは、業績に影響が出るかもしれません。"
        "改正道路交通法で「レベル4」の自動運転が解禁された。民放キー局の広告収入は減った。"
    )
    assert found.get("ウクライナ") == "LOCATION"  # ウクライナ情勢しだい, typed an event
    assert not any(name.startswith(("ウクライナ情勢", "レベル", "民放")) for name in found)


def test_what_a_firm_is_before_its_name_and_a_kind_of_firm_alone():
    found = entities_of(
        "老舗の丸久小山園は、注文に応じきれない。預金を集めたい銀行が、金利を競っている。"
        "ネット銀行のauじぶん銀行は高金利を打ち出した。株式を分配する「パーシャル・スピンオフ」を選んだ。"
    )
    assert found.get("丸久小山園") == "COMPANY"  # 老舗の丸久小山園, typed a product whole
    assert not any(name.endswith("銀行") and name != "auじぶん銀行" for name in found)
    assert found.get("auじぶん銀行") == "COMPANY"  # au, and たい銀行 a firm
    assert "パーシャル・スピンオフ" not in found  # typed a product


def test_a_discount_chain_and_a_pc_maker_in_lower_case_are_listed():
    found = entities_of("業務スーパーでまとめ買い。dynabookは、シャープの傘下で法人向けに強い。")
    assert found.get("業務スーパー") == "COMPANY" and found.get("dynabook") == "COMPANY"  # missed


def test_firms_listed_before_a_kind_of_firm_are_looked_for_ten_at_most():
    from analyzer.entities import firms_listed

    names = ["アルファ", "ベータ", "ガンマ", "デルタ", "イプシロン", "ゼータ"]
    names += ["イータ", "シータ", "イオタ", "カッパ", "ラムダ", "ミュー"]
    text = "、".join(names) + "などの企業が参入した。"
    found = [text[start:end] for start, end in firms_listed(text, frozenset())]
    assert found == names[2:]  # the last ten: a bounded look from each name
    assert firms_listed("アイや" * 64000, frozenset()) == []  # no kind of firm after them


def test_a_holding_company_before_a_colon_and_a_verb_stems_kana_no_name():
    found = entities_of(
        "すかいらーくホールディングス:ガストやバーミヤンで使える優待カード。"
        "星野佳路代表は「地方にこそ伸びしろがある」と話す。"
    )
    assert found.get("すかいらーくホールディングス") == "COMPANY"  # missed before the colon
    insurers = entities_of("米国のプロテクティブ生命を通じて広げる。ソニー生命保険やソニー銀行も。")
    assert insurers.get("プロテクティブ生命") == "COMPANY"  # missed
    assert insurers.get("ソニー生命保険") == "COMPANY" and "ソニー生命" not in insurers
    assert "しろ" not in found  # 伸び|しろ, typed a person
    assert found.get("星野佳路") == "PERSON"


def test_a_firms_officer_the_tagger_missed_and_a_greeting_with_doumo():
    found = entities_of(
        "T2の熊部雅友社長は「商用運行を実現したい」と意気込む。EMCCの取締役会会長に就いた。"
        "トヨタの代表取締役社長が語った。"
    )
    assert found.get("熊部雅友") == "PERSON"  # 熊|部|雅友, common nouns to MeCab
    assert not any(name.startswith(("取締役", "代表")) for name in found)
    found = entities_of("どうも、ゆうたい太郎です。ゆうたい太郎のブログへ。どうもそうです。")
    assert found.get("ゆうたい太郎") == "PERSON"
    assert "そう" not in found


def test_the_capital_region_is_a_place_and_an_sier_no_firm():
    found = entities_of("首都圏の電力需要は増えた。新卒で富士通に入り、SIerとして働いた。")
    assert found.get("首都圏") == "LOCATION"
    assert found.get("富士通") == "COMPANY" and "SIer" not in found


def test_a_press_releases_contact_and_address_numbers_name_nothing():
    found = entities_of(
        "所在地：東京都品川区大崎1-2-3\nTEL 03-1234-5678\n"
        "本件に関するお問い合わせ：広報担当（pr@mirailogi.example.jp）"
    )
    assert found.get("東京都品川区大崎") == "LOCATION"
    assert set(found) == {"東京都品川区大崎"}  # 1-2-3 and TEL …, products; the address an event


def test_a_listed_firms_latin_name_and_a_word_a_product_and_firm_words_in_kanji():
    found = entities_of(
        "* **Amazon Nova**：Amazon独自の基盤モデル。Sony Groupは発表した。\n"
        "井関農機は農業用ドローンの分野に力を入れる。"
    )
    assert found.get("Amazon Nova") == "PRODUCT"  # typed a firm before the colon
    assert found.get("Amazon") == "COMPANY" and found.get("Sony Group") == "COMPANY"
    assert found.get("井関農機") == "COMPANY"  # typed a person


def test_parties_short_names_a_city_named_like_a_firm_and_a_groups_firm():
    found = entities_of(
        "自民・維新の連立1年。明治維新以来の改革だ。茨城県の日立市で震度6弱を観測した。"
        "日立製作所も点検を進める。傘下の島忠は、売り場を改装した。"
    )
    assert found.get("自民") == "POLITICAL_ORG" and found.get("維新") == "POLITICAL_ORG"
    assert "自民・維新" not in found  # typed a person
    assert "明治維新" not in found and "明治" not in found
    assert found.get("日立市") == "LOCATION"  # 日立, a listed firm: typed a company
    assert found.get("日立製作所") == "COMPANY"
    assert found.get("島忠") == "COMPANY"  # typed a person


def test_a_minister_whose_given_name_mecab_split_and_phone_plans_listed():
    found = entities_of(
        "中野洋昌国土交通相は「安全の確保は最優先だ」と述べた。東京都知事も述べた。"
        "mineoはオプテージが運営する。MNPの手数料も無料だ。"
    )
    assert found.get("中野洋昌") == "PERSON"  # 中野|洋|昌|国土交通, typed a firm
    assert found.get("東京都") == "LOCATION" and "東京" not in found
    assert found.get("mineo") == "PRODUCT" and found.get("オプテージ") == "COMPANY"
    assert "MNP" not in found  # typed a firm


def test_a_saying_quoted_after_a_name_and_a_dotted_holding_company():
    found = entities_of(
        "ウォーレン・バフェットの「長期で持てないなら10分も持つな」という言葉を胸に売らない。"
        "ドトール・日レスホールディングスが運営する。"
    )
    assert found.get("ウォーレン・バフェット") == "PERSON"
    assert not any(name.startswith("長期") for name in found)  # read as a work of his
    assert found.get("ドトール・日レスホールディングス") == "COMPANY"
    assert "日レスホールディングス" not in found  # the name's second part alone


def test_a_holding_companys_name_alone_is_the_firm():
    text = "名古屋のコメダホールディングスは支持される。\n## コメダの独自路線\n\nコメダは出店する。"
    (firm,) = [e for e in analyze_text(text).entities if e.type == "COMPANY"]
    assert firm.text == "コメダホールディングス"
    names = [text[m.start : m.end] for m in firm.mentions]
    assert names == ["コメダホールディングス", "コメダ", "コメダ"]
    assert "コメ" not in keywords_of(text)  # MeCab's コメ|ダ


def test_variant_kanji_of_names_are_read_as_their_common_forms():
    text = "髙橋誠会長は、経済圏づくりを急ぐ。山﨑拓也社長が話した。𠮷野家は値上げした。"
    found = entities_of(text)
    assert found.get("髙橋誠") == "PERSON"  # an unknown common noun to MeCab: typed a firm
    assert found.get("山﨑拓也") == "PERSON"
    assert found.get("𠮷野家") == "COMPANY"
    for e in analyze_text(text).entities:  # offsets and names are the text's own
        assert all(text[m.start : m.end] in (e.text, "𠮷野家") for m in e.mentions)


def test_the_metropolitan_expressway_and_indian_two_wheeler_makers_are_listed():
    text = (
        "東京・日本橋の上を走る首都高速道路の地下化が進む。首都高速道路会社が発表した。"
        "オラ・エレクトリックやTVSモーターが先行する。コンビニ銀行は生き残れるか。"
    )
    found = entities_of(text)
    assert found.get("首都高速道路") == "FACILITY"  # missed
    (road,) = [e for e in analyze_text(text).entities if e.text == "首都高速道路"]
    assert len(road.mentions) == 1  # not the one inside 首都高速道路会社, the firm's name
    assert found.get("TVSモーター") == "COMPANY" and found.get("オラ・エレクトリック") == "COMPANY"
    assert "コンビニ銀行" not in found  # a kind of bank, typed a firm


def test_kinds_of_leisure_facility_alone_are_no_names():
    found = entities_of(
        "万博の会場跡地の再開発では、サーキットやウォーターパークの案も出ている。"
        "テーマパーク「ジャングリア沖縄」が開業した。"
    )
    assert "ウォーターパーク" not in found  # typed a facility
    assert found.get("ジャングリア沖縄") == "FACILITY"


def test_a_writers_name_with_long_vowels_and_the_best_in_the_world_quoted():
    found = entities_of(
        "どうも、げーまーゆうです。開発はゲームフリークです。柳井氏が語る「世界一」への道。"
    )
    assert found.get("げーまーゆう") == "PERSON" and "げーまー" not in found
    assert found.get("ゲームフリーク") == "COMPANY"  # missed
    assert "世界一" not in found  # typed a product


def test_a_hiragana_name_with_no_in_it_and_japans_agencies():
    found = entities_of("はじめまして、うみのすけです。中小企業庁は下請け企業の調査を強化した。")
    assert found.get("うみのすけ") == "PERSON" and "すけ" not in found  # うみの read as a title
    assert found.get("中小企業庁") == "POLITICAL_ORG" and "小企業庁" not in found


def test_a_laptop_a_beer_and_developers_tools_are_listed():
    found = entities_of(
        "学校のパソコンはGoogleのChromebookだ。キリンビールは「一番搾り」を軸にする。"
        "ツールをPythonからRustに書き換え、pandasをやめた。東京海上の英文名はTokio Marineだ。"
    )
    assert found.get("Chromebook") == "PRODUCT" and found.get("一番搾り") == "PRODUCT"  # missed
    assert found.get("Rust") == "PRODUCT" and found.get("pandas") == "PRODUCT"
    assert found.get("Tokio Marine") == "COMPANY"


def test_ten_quadrillion_yen_is_a_sum_and_kyo_in_names_is_no_number():
    money = {e.text: e.value for e in analyze_text("取引額は1京円を超える。").entities}
    assert money == {"1京円": {"amount": 1e16, "unit": "JPY"}}
    found = entities_of("東京1000万人の都市。第2京浜で渋滞した。口座はSBI FXトレードで作った。")
    assert found.get("1000万人") == "QUANTITY" and found.get("SBI FXトレード") == "COMPANY"
    assert not any("京浜" in name or name.startswith("2京") for name in found)


def test_a_trains_series_a_firm_listed_after_firms_and_new_banks():
    series = entities_of("インド高速鉄道にE10系、日本の技術。JR東海はN700S系を投入した。")
    assert series.get("E10系") == series.get("N700S系") == "PRODUCT"  # not E10, N700S
    assert "TBS" in entities_of("TBS系列で放送された。")  # a network's 系列: no series
    firms = entities_of("AIは、野村総合研究所や楽天グループ、クラスメソッドなどが使っている。")
    assert firms.get("クラスメソッド") == "COMPANY"  # クラス|メソッド after two firms
    assert "データ" not in entities_of("楽天と、データなどを共有する。")  # one common noun
    banks = entities_of("スマホで完結するデジタル銀行を開業する。新銀行の名称は未定だ。")
    assert "デジタル銀行" not in banks and "新銀行" not in banks
    india = entities_of("インド西部のムンバイとアーメダバードを結ぶ高速鉄道だ。")
    assert india.get("ムンバイ") == india.get("アーメダバード") == "LOCATION"


def test_a_headlines_particle_after_kanji_splits_and_an_adverb_is_no_name():
    found = entities_of("シャープ堺工場がAIデータセンターに　液晶の聖地の転身")
    assert found.get("堺工場") == "FACILITY" and not any("が" in name for name in found)
    answer = entities_of("辻：まずは国内です。ベトナムのハノイに開発拠点がある。")
    assert "まず" not in answer and answer.get("ハノイ") == "LOCATION"  # 辻：|まず, a person
    quake = entities_of("政府の地震調査委員会は南海トラフ地震の発生確率を示した。")
    assert quake.get("地震調査委員会") == "POLITICAL_ORG"  # missed: listed


def test_a_writer_named_as_a_parent_and_tokyos_23_wards():
    found = entities_of("どうも、はいとう父さんです。40代の会社員です。東京23区の家賃は高い。")
    assert found.get("はいとう父さん") == "PERSON"  # a handle with 父さん
    assert found.get("東京23区") == "LOCATION" and "東京" not in found


def test_bare_kome_in_a_post_about_rice_is_no_country_and_japanese_cars():
    rice = entities_of(
        "新潟県魚沼市で米を作っています。スーパーの米の値段が上がり、政府は備蓄米を放出した。"
    )
    assert "米" not in rice and "米国" not in rice  # rice, in a post about rice
    assert rice.get("新潟県魚沼市") == "LOCATION"
    assert entities_of("米の関税引き上げで、輸出が減った。").get("米") == "LOCATION"  # the US
    novice = entities_of("新米記者が取材した。米の関税引き上げで、輸出が減った。")
    assert novice.get("米") == "LOCATION"  # 新米, a novice: no post about rice
    cars = entities_of("日本車の輸出が減った。")
    assert cars.get("日本") == "LOCATION"  # 日本|車, typed a firm: the listed place


def test_associations_and_a_firms_japanese_arm_are_firms_and_a_shop_quoted():
    expo = entities_of("運営を担った日本国際博覧会協会は、運営費の収支が黒字になった。")
    assert expo.get("日本国際博覧会協会") == "COMPANY"  # typed an event; Stockmark's 協会
    arm = entities_of("中国系のDiDiモビリティジャパンも同様の立場だ。")
    assert arm.get("DiDiモビリティジャパン") == "COMPANY"  # typed a product
    shop = entities_of("東京・渋谷の直営店「Nintendo TOKYO」は訪日客で混雑する。")
    assert shop.get("Nintendo TOKYO") == "FACILITY"
    assert "中核病院" not in entities_of("地方の中核病院で、病棟の閉鎖が相次ぐ。")


def test_a_firm_before_its_head_office_and_a_verb_after_its_object_is_no_name():
    office = entities_of("翻訳機のポケトーク（東京・港）は24日、発表した。ポケトークは売れた。")
    assert office.get("ポケトーク") == "COMPANY"  # missed, then typed a person
    assert office.get("東京") == office.get("港") == "LOCATION"
    ward = entities_of("スタートアップのLayerX（東京・中央）は、資金を調達した。")
    assert ward.get("LayerX") == "COMPANY" and ward.get("中央") == "LOCATION"
    assert "東京・中央" not in ward  # no other name of the firm
    bank = entities_of("旧長銀の流れをくむ銀行が、20年越しの宿題を片づける。")
    assert not any("くむ" in name for name in bank)  # 流れを|くむ|銀行
    events = entities_of(
        "京都のインディーゲームの祭典「BitSummit」に出展した。体験版をSteam Nextフェスで配信した。"
    )
    assert events.get("BitSummit") == events.get("Steam Nextフェス") == "EVENT"


def test_a_firm_quoted_after_joint_venture_and_rice_in_a_post_about_sake():
    venture = entities_of("ソフトバンクとOpenAIの合弁「SB OAI Japan」が、提供を始めた。")
    assert venture.get("SB OAI Japan") == "COMPANY"  # typed a product
    sake = entities_of("酒米の山田錦を使う。米の一部は米国のアーカンソー州で育てた。")
    assert sake.get("米国") == "LOCATION" and "米" not in sake  # 米の一部: rice
    assert sake.get("山田錦") == "PRODUCT"  # typed a person: listed


def test_a_reactor_before_its_abbreviation_and_a_firm_named_from_kanji_and_katakana():
    reactor = entities_of("フランスで建設中の国際熱核融合実験炉（ITER）は遅れる。")
    assert reactor.get("国際熱核融合実験炉") == reactor.get("ITER") == "FACILITY"  # a firm
    fusion = entities_of("装置を開発する京都フュージョニアリング（東京・大手町）は調達した。")
    assert fusion.get("京都フュージョニアリング") == "COMPANY"
    assert "フュージョニアリング" not in fusion  # the name starts at the kanji before it


def test_more_variant_kanji_a_holding_of_katakana_words_and_a_contacts_line():
    found = entities_of(
        "舩曵真一郎社長は説明した。合併してプロクレアホールディングスの下に入った。"
        "\n\n株式会社ヘラルボニー 広報担当"
    )
    assert found.get("舩曵真一郎") == "PERSON"  # 舩 and 曵: 船 and 曳 to MeCab
    assert found.get("プロクレアホールディングス") == "COMPANY"  # プロ|クレア, missed
    assert found.get("株式会社ヘラルボニー") == "COMPANY"
    assert not any("広報" in name for name in found)


def test_a_typhoon_by_its_number_is_an_event_and_a_private_brand_no_name():
    found = entities_of(
        "台風10号が鹿児島県に上陸した。台風3個が発生した。PB（プライベートブランド）を増やす。"
    )
    assert found.get("台風10号") == "EVENT" and found.get("3個") == "QUANTITY"
    assert "PB" not in found  # typed an organisation: a generic term


def test_a_surname_alone_before_a_title_and_a_firm_after_its_country():
    chief = entities_of("楠見雄規社長は述べた。楠見社長は強調した。楠見氏も語った。")
    assert chief.get("楠見") == "PERSON"  # typed a firm, then missed: the person's surname
    firms = entities_of("フランスのネクサンスやイタリアのプリスミアンが先行している。")
    assert firms.get("ネクサンス") == firms.get("プリスミアン") == "COMPANY"  # typed persons
    city = entities_of("インドのチェンナイに工場を建てた。")
    assert city.get("チェンナイ") == "LOCATION"


def test_a_writer_named_from_no_a_film_quoted_and_an_interviews_speaker():
    found = entities_of(
        "こんにちは、のりこです。マクドナルドやドトールでも使えます。"
        "同社は絶縁フィルム「味の素ビルドアップフィルム」を作る。新聞社が相次ぎ提訴した。"
    )
    assert found.get("のりこ") == "PERSON" and "りこ" not in found  # の is the name's
    assert found.get("ドトール") == "COMPANY"
    assert found.get("味の素ビルドアップフィルム") == "PRODUCT"  # typed a firm: 味の素 and more
    assert "新聞社" not in found  # a kind of firm alone
    talk = entities_of(
        "高宮慎一代表パートナーに聞いた。\n\n高宮：経済産業省のJ-Startupや、"
        "スタートアップ育成5か年計画で環境は良くなりました。"
    )
    assert talk.get("高宮") == "PERSON"  # the speaker, typed a political body
    assert "育成5か年計画" not in talk  # スタートアップ is no kind of firm before it


def test_a_universitys_startup_is_a_firm():
    found = entities_of("京都大学発のiPSポータルや、東京大学発のペプチドリームが提携先を探した。")
    assert found.get("iPSポータル") == "COMPANY"  # typed a product
    assert "サイバー保険" not in entities_of("サイバー保険の契約件数は前年度比4割増えた。")


def test_the_posts_author_introducing_themselves_without_a_greeting_is_a_person():
    post = (
        "---\ntitle: AIツールを比べた\nauthor: tkdev\n---\n\n"
        "都内のSaaS企業でバックエンドを書いているtkdevです。tkdevの結論は後半に書きます。"
    )
    assert entities_of(post).get("tkdev") == "PERSON"  # typed a firm
    tail = "---\ntitle: 決算メモ\nauthor: 米株ホルダーけん\n---\n\n米国株ホルダーのけんです。\n"
    assert entities_of(tail).get("けん") == "PERSON"  # the author field's last word
    kana = "---\ntitle: 決算メモ\nauthor: 米株ホルダーけん\n---\n\n本当に危けんです。\n"
    assert entities_of(kana).get("けん") is None  # no introduction: 危けん
    desk = "---\ntitle: 決算\nauthor: 半導体ニュース\n---\n\n今週の半導体ニュースです。\n"
    assert entities_of(desk).get("ニュース") is None  # a desk's word, no writer
    anyone = "---\ntitle: 比較\n---\n\n都内の会社でバックエンドを書いているtkdevです。\n"
    assert entities_of(anyone).get("tkdev") != "PERSON"  # no author field to go by


def test_a_kind_of_place_alone_is_no_name_and_a_school_quoted_is_a_facility():
    found = entities_of(
        "5000席以上のアリーナという条件が課された。アリーナは試合のない日にも使う。"
        "沖縄市の「沖縄アリーナ」は2021年に開業した。横浜アリーナで公演があった。"
    )
    assert "アリーナ" not in found  # MeCab's given name, typed a person
    assert found.get("沖縄アリーナ") == found.get("横浜アリーナ") == "FACILITY"
    school = entities_of("徳島県神山町に、高等専門学校「神山まるごと高専」が開校した。")
    assert school.get("神山まるごと高専") == "FACILITY"  # typed a product
    coast = entities_of("上海や深圳など沿海部の大都市に出店する。")
    assert "沿海部" not in coast and coast.get("上海") == "LOCATION"  # typed an organisation


def test_a_shows_year_an_apps_name_a_firm_with_its_latin_name_and_a_described_firm():
    show = entities_of("幕張メッセで開かれた「東京ゲームショウ2026」が会期を終えた。")
    assert show.get("東京ゲームショウ2026") == "EVENT"  # typed an organisation
    app = entities_of("使ったら、Vpassアプリの通知を夫婦で確認する。")
    assert app.get("Vpassアプリ") == "PRODUCT"  # typed a firm
    booth = entities_of("中国のミホヨ（miHoYo）や、韓国のネクソンが大きなブースを構えた。")
    assert booth.get("ミホヨ") == booth.get("miHoYo") == "COMPANY"  # typed a place
    headline = entities_of("日立、米鉄道信号会社を買収　北米で一括受注狙う")
    assert "米鉄道信号会社" not in headline and headline.get("日立") == "COMPANY"


def test_a_number_with_its_sign_in_words_is_no_name():
    found = entities_of("大企業非製造業のDIはプラス33で、前回から横ばいだった。")
    assert "プラス33" not in found  # typed an organisation
    assert entities_of("DIはマイナス5と悪化した。") == {}


def test_a_model_named_in_a_tables_cell_is_found_and_its_english_words_are_not():
    parts = entities_of(
        "# 構成\n\n| パーツ | 製品 | 価格 |\n|---|---|---|\n"
        "| CPU | AMD Ryzen 7 9700X | 約5万2000円 |\n"
        "| GPU | NVIDIA GeForce RTX 5070 | 約10万円 |\n\n"
        "グラフィックボードが思ったより大きかった。パーツ選びは大事です。\n"
    )
    assert parts.get("AMD Ryzen 7 9700X") == "PRODUCT"  # a cell, read as a heading
    assert parts.get("NVIDIA GeForce RTX 5070") == "PRODUCT"
    assert "グラフィックボード" not in parts and "パーツ" not in parts  # typed firms
    words = entities_of(
        "# 比較\n\n| Item | Before | After |\n|---|---|---|\n| Price | High | Great Value |\n\n"
        "表のとおりです。\n"
    )
    assert words == {}  # English column heads and words, no names


def test_a_head_office_after_a_reading_and_a_venture_capital_firm():
    found = entities_of(
        "医療AIスタートアップのUbie（ユビー、東京・中央）は7日、100億円を集めた。"
        "米ベンチャーキャピタルのジェネラル・カタリストが主導した。ユビーは伸びた。"
    )
    assert found.get("Ubie") == found.get("ユビー") == "COMPANY"
    assert found.get("東京") == found.get("中央") == "LOCATION"  # 東京・中央 typed a firm
    assert found.get("ジェネラル・カタリスト") == "COMPANY"  # typed a person
    ubie = analyze_text("Ubie（ユビー、東京・中央）は伸びた。ユビーの強み。").entities
    assert [e.type for e in ubie if e.text in ("Ubie", "ユビー")] == ["COMPANY"]  # one entity
    assert "VC" not in entities_of("米VCのアンドリーセン・ホロウィッツが出資した。")


def test_a_street_is_a_place_and_new_osaka_and_noto_airport_are_listed():
    found = entities_of("朝市があった「朝市通り」は、火災で約240棟が焼けた。")
    assert found.get("朝市通り") == "LOCATION"  # typed a product
    line = entities_of("名古屋から新大阪までの延伸は遅れる。県は、のと里山空港の便を増やす。")
    assert line.get("新大阪") == "LOCATION" and line.get("のと里山空港") == "FACILITY"
    assert "ファブレス" not in entities_of("工場を持たない「ファブレス」の形をとる。")


def test_a_form_filed_is_a_product_and_q_and_a_is_no_name():
    form = entities_of("簡易課税制度選択届出書を、期限までに税務署に出す。")
    assert form.get("簡易課税制度選択届出書") == "PRODUCT"  # typed an event
    assert "Q&A" not in entities_of("今週の注目決算Q&A｜ファナック、信越化学")  # a person
    assert entities_of("毛籠勝弘社長は述べた。").get("毛籠勝弘") == "PERSON"  # 籠勝弘: listed


def test_a_theme_park_quoted_after_its_kind_and_no_and_a_listed_name_before_a_cut_title():
    park = entities_of("テーマパークの「サンリオピューロランド」（東京都多摩市）も好調だった。")
    assert park.get("サンリオピューロランド") == "FACILITY"  # typed a product
    assert park.get("東京都多摩市") == "LOCATION"
    show = entities_of("美術館の「モネ展」に行った。")
    assert show.get("モネ展") != "FACILITY"  # an exhibition, no facility
    head = entities_of("理研の五神真理事長は「基盤にしたい」と述べた。")
    assert head.get("五神真") == "PERSON"  # 五神真|理事|長: the title ends the compound
    branch = entities_of("デビッド・マクリーンが上海支店長となった。")
    assert branch.get("上海支店") == "FACILITY"  # 上海|支店|長: 支店 is no title


def test_a_model_and_its_powertrain_a_firms_regional_arm_and_a_sale():
    car = entities_of("トヨタのプリウスPHEV（Zグレード）を買いました。")
    assert car.get("プリウスPHEV") == "PRODUCT"  # missed: プリウス|PHEV
    assert entities_of("プリウスを買った。").get("プリウス") == "PRODUCT"
    arm = entities_of("スーパーのイオン九州は、九州の約300店で総菜を半額にした。")
    assert arm.get("イオン九州") == "COMPANY" and arm.get("九州") == "LOCATION"  # a place
    sale = entities_of("ホークス日本一で「感謝セール」　福岡の百貨店に人出")
    assert sale.get("感謝セール") == "EVENT"  # typed a product
    assert sale.get("ホークス") == "ORG" and "ホークス日本一" not in sale
    assert "第○条" not in entities_of("規程のPDFを、「第○条」の単位で分けた。")  # a placeholder
    assert "ニッケル鉱山" not in entities_of("ニッケル鉱山と精錬の事業から撤退する。")


def test_a_session_of_the_diet_is_an_event_and_property_portals_are_listed():
    found = entities_of("法案を臨時国会に提出する方針を固めた。国会で審議する。")
    assert found.get("臨時国会") == "EVENT" and found.get("国会") == "POLITICAL_ORG"
    numbered = entities_of("法案は第219回臨時国会で成立した。")
    assert numbered.get("第219回臨時国会") == "EVENT"  # the session whole
    sites = entities_of("楽待や健美家で値段を調べた。")
    assert sites.get("楽待") == sites.get("健美家") == "PRODUCT"  # 健美 was a person


def test_an_events_name_run_on_a_katakana_firm_with_sha_terminals_and_a_garden():
    race = entities_of("第103回東京箱根間往復大学駅伝競走（箱根駅伝）の広告枠が完売した。")
    assert race.get("第103回東京箱根間往復大学駅伝競走") == "EVENT"  # cut at 間
    assert race.get("箱根駅伝") == "EVENT" and "第103回東京箱根" not in race
    bus = entities_of("車両は、仏ナビヤの技術を引き継いだ米ガマ社の小型バスを使う。")
    assert bus.get("ガマ社") == "COMPANY"  # typed a place
    airport = entities_of("第1ターミナルと第2ターミナル、羽田エアポートガーデンを結ぶ。")
    assert airport.get("第1ターミナル") == airport.get("第2ターミナル") == "FACILITY"
    haneda = entities_of("羽田空港第1ターミナルに到着した。")
    assert haneda.get("羽田空港第1ターミナル") == "FACILITY"  # the tagger's, whole
    assert airport.get("羽田エアポートガーデン") == "FACILITY"  # typed a person


def test_a_place_in_brackets_after_a_named_plant_and_p_and_g():
    plant = entities_of("東京電力ホールディングスの柏崎刈羽原発（新潟県）の再稼働も焦点だ。")
    assert plant.get("新潟県") == "LOCATION"  # read as a short form of the generic 原発
    assert plant.get("柏崎刈羽原発") == "FACILITY"
    assert entities_of("データセンター（DC）の電力が増える。") == {}  # a generic term's
    assert entities_of("ライバルの花王やP&Gも、生産を増やしている。").get("P&G") == "COMPANY"


def test_a_version_alone_and_generic_terms_mecab_cut_are_no_names():
    router = entities_of("フロントエンドを、Next.jsからReact Router（v7）に移しました。")
    assert "v7" not in router and router.get("React Router") == "PRODUCT"  # v7 a product
    assert entities_of("為替ヘッジ付きの米国債ETF、いま買うべきか考えた") == {}  # a person
    gas = entities_of("テキサス州東部のシェールガス田の権益を取得する。")
    assert "シェールガス田" not in gas and gas.get("テキサス州東部") == "LOCATION"
    assert "eバイク市場" not in entities_of("欧州のeバイク市場は年間約500万台だ。")


def test_three_countries_in_one_kanji_each_are_no_name_and_fire_is_generic():
    found = entities_of("日英伊の共同開発で、日本企業の役割が広がる。中日が勝った。")
    assert "日英伊" not in found  # typed a firm
    assert found.get("中日") == "ORG"  # a team, kept
    assert "サイドFIRE" not in entities_of("資産3000万円でサイドFIREした40代の1年目")


def test_a_kana_city_after_its_prefecture_a_latin_name_before_to_and_an_authors_no():
    city = entities_of("沖縄県うるま市の沖縄石油基地のタンクを借りる。福島県いわき市の酒。")
    assert city.get("沖縄県うるま市") == city.get("福島県いわき市") == "LOCATION"
    assert "沖縄県のみなと町" not in entities_of("沖縄県のみなと町。")  # a particle starts it
    meals = entities_of("比べたのは、OFFICE DE YASAIとオフィスおかんの2つ。")
    assert meals.get("OFFICE DE YASAI") == meals.get("オフィスおかん") == "PRODUCT"  # one span
    post = "---\ntitle: 社食\nauthor: 総務担当のはるか\n---\n\n総務を担当しているはるかです。\n"
    assert entities_of(post).get("はるか") == "PERSON"  # the author field's の, then the name
    plant = entities_of("北上工場の第2製造棟で量産を始めた。楽天ふるさと納税やさとふるで選ぶ。")
    assert plant.get("第2製造棟") == "FACILITY" and plant.get("さとふる") == "PRODUCT"
    assert "産油国" not in entities_of("産油国の原油を日本のタンクに置く。")


def test_a_common_phrase_an_act_after_a_listed_firm_and_a_quoted_site_after_its_kind():
    quote = entities_of("「国の制度が追いつけば財源を回せる」と話した。旧正月の贈答用に売れる。")
    assert "国の制度" not in quote and "旧正月の贈答" not in quote  # の between common nouns
    assert entities_of("『野菊の墓』を読んだ。").get("野菊の墓") == "PRODUCT"  # a quoted title
    assert entities_of("ZOZO、LINEヤフー連携で新規客が伸びる").get("LINEヤフー") == "COMPANY"
    site = entities_of("千葉県習志野市の物流拠点「ZOZOBASE習志野1st」に続き、新棟を建てる。")
    assert site.get("ZOZOBASE習志野1st") == "FACILITY"
    assert "FAQボット" not in entities_of("社内のFAQボットをGPT-4oからGemini 3 Proに替えた。")


def test_audit_firms_japanese_arms_short_names_in_brackets_and_quoted_names():
    audit = entities_of("監査人のPwC Japan有限責任監査法人は意見を出さなかった。あずさ監査法人も。")
    assert audit.get("PwC Japan有限責任監査法人") == audit.get("あずさ監査法人") == "COMPANY"
    assert "大手監査法人" not in entities_of("大手監査法人の監査報酬が上がった。")
    assert entities_of("競合では日本IBMが変換ツールを出す。").get("日本IBM") == "COMPANY"
    insurer = analyze_text("損害保険ジャパン（損保ジャパン）に命令。").entities
    assert len(insurer) == 1 and len(insurer[0].mentions) == 2  # one firm, two names
    new = entities_of("新会社の社名は「三井住友海上あいおい損害保険」とする。")
    assert new.get("三井住友海上あいおい損害保険") == "COMPANY"  # not the listed 三井住友海上
    plan = entities_of("2024年に始まった「JAL国際線特典航空券 PLUS」の変動制です。")
    assert "JAL国際線特典航空券 PLUS" in plan and "PLUS" not in plan  # a quote's whole
    post = "---\ntitle: マイル\nauthor: マイル好きのけんじ\n---\n\nマイル好きのけんじです。\n"
    assert entities_of(post).get("けんじ") == "PERSON"  # the author field's の inside a word
    listed = entities_of("COBOLのプログラムをWAONで払い、ワンワールドのビッグモーターへ。")
    assert listed.get("COBOL") == listed.get("WAON") == "PRODUCT"
    assert listed.get("ワンワールド") == "ORG" and listed.get("ビッグモーター") == "COMPANY"


def test_funds_full_names_their_managers_in_brackets_and_codes_alone():
    fund = entities_of(
        "1489：NEXT FUNDS 日経平均高配当株50指数連動型上場投信（野村アセットマネジメント）"
    )
    assert fund.get("NEXT FUNDS 日経平均高配当株50指数連動型上場投信") == "PRODUCT"
    assert fund.get("野村アセットマネジメント") == "COMPANY" and "1489" not in fund
    etf = entities_of("1478：iシェアーズ MSCI ジャパン高配当利回り ETF（ブラックロック・ジャパン）")
    assert etf.get("iシェアーズ MSCI ジャパン高配当利回り ETF") == "PRODUCT"
    assert etf.get("ブラックロック・ジャパン") == "COMPANY"  # typed an event, then the fund's
    slim = analyze_text("eMAXIS Slim 米国株式（三菱UFJアセットマネジメント）").entities
    assert len(slim) == 2  # the manager is no short name of the fund
    assert "1489" not in entities_of("人気の**1489**と**1478**を3年間持った。")
    deere = entities_of("日立建機は米ディア・アンド・カンパニーとの提携を解消した。")
    assert deere.get("ディア・アンド・カンパニー") == "COMPANY"  # typed a place


def test_a_routes_two_stations_a_trains_model_and_a_listed_product_named_further():
    route = entities_of("中央線のコスモスクエア駅―夢洲駅間で、運転士が乗務しない。")
    assert route.get("コスモスクエア駅") == route.get("夢洲駅") == "FACILITY"
    assert "コスモスクエア駅―夢洲駅" not in route
    assert entities_of("新たに導入する車両「400系」を改造する。").get("400系") == "PRODUCT"
    db = entities_of("Amazon Aurora PostgreSQL（東京リージョン、3台）を使う。")
    assert db.get("Amazon Aurora PostgreSQL") == "PRODUCT" and "PostgreSQL" not in db
    shop = entities_of("成城石井の一部店舗で扱う。日産のe-POWERで電動化する。")
    assert shop.get("成城石井") == "COMPANY" and shop.get("e-POWER") == "PRODUCT"


def test_listed_lenders_bodies_and_teams():
    found = entities_of("窓口はARUHIです。全国知事会は反発した。日本代表「侍ジャパン」は強い。")
    assert found.get("ARUHI") == "COMPANY"  # not the writer introducing themselves
    assert found.get("全国知事会") == found.get("侍ジャパン") == "ORG"


def test_a_device_kind_before_a_model_a_place_list_and_a_firms_name_without_its_form():
    found = entities_of("ソニーのワイヤレスヘッドホンWH-1000XM6を1カ月使った。")
    assert found.get("WH-1000XM6") == "PRODUCT" and "ワイヤレスヘッドホンWH-1000XM6" not in found
    cities = entities_of("訪日客の宿泊の約7割が東京、大阪、京都などの大都市に集中している。")
    assert cities.get("京都") == "LOCATION" and "京都などの大都市" not in cities
    assert "レビュー" not in entities_of("WH-1000XM6の1カ月レビュー：ノイキャンは最強")
    release = analyze_text(
        "株式会社スマートドライブ（本社：東京都千代田区）は提携した。"
        "スマートドライブの車両管理サービスを使う。"
    ).entities
    firm = next(e for e in release if e.text == "株式会社スマートドライブ")
    assert len(firm.mentions) == 2  # the name without its legal form too
    games = entities_of("発売は株式会社ポケモンです。ポケモンが好きな人なら楽しめます。")
    assert "ポケモン" not in games  # one word to MeCab: the games, left to the tagger


def test_an_authors_words_before_the_name_a_persons_popularity_and_branches_of_government():
    post = "---\ntitle: 教室\nauthor: 二児の母ゆか\n---\n\n二児の母ゆかです。教室を体験した。\n"
    assert entities_of(post).get("ゆか") == "PERSON"
    headline = entities_of("F1日本GP、鈴鹿の観客数が過去最多　角田人気と円安で海外客も")
    assert headline.get("角田") == "PERSON" and "角田人気" not in headline
    state = entities_of("立法府と司法府の機能を移す。ホンダはパワーユニット（PU）を供給する。")
    assert not {"立法府", "司法府", "PU"} & set(state)
    kids = entities_of("Scratchから始めて、Swiftでアプリを作る。レゴの「SPIKE」を使った。")
    assert kids.get("Scratch") == kids.get("Swift") == "PRODUCT" and kids.get("レゴ") == "COMPANY"


def test_a_leads_announcer_a_firm_quoted_after_its_kind_and_an_authors_name_after_the_no():
    lead = entities_of("カゴメは1月25日、トマトの調達先を広げると発表した。")
    assert lead.get("カゴメ") == "COMPANY"  # a common noun to MeCab, missed
    quoted = entities_of("企画を手がけたマーケティング会社「刀」の森岡毅CEOは語る。")
    assert quoted.get("刀") == "COMPANY"
    post = "---\ntitle: 積立\nauthor: ポイ活会社員のりく\n---\n\nポイ活会社員のりくです。\n"
    found = entities_of(post)
    assert found.get("りく") == "PERSON" and "のりく" not in found
    card = entities_of("三菱UFJ eスマート証券のau PAY カードで積み立てる。")
    assert card.get("三菱UFJ eスマート証券") == "COMPANY" and "三菱UFJ" not in card


def test_a_holding_companys_short_form_and_listed_power_retailers():
    found = analyze_text("大和証券グループ本社との提携だ。大和証券Gは筆頭株主となる。").entities
    assert len(found) == 1 and len(found[0].mentions) == 2  # not 大和証券, the broker
    power = entities_of("オクトパスエナジーとLooopでんきを比べた。")
    assert power.get("オクトパスエナジー") == "COMPANY" and power.get("Looopでんき") == "PRODUCT"


def test_listed_delivery_and_tax_services_and_local_governments_in_general():
    found = entities_of("出前館は黒字化した。国税庁のe-Taxを使う。住んでいる市区町村に申告します。")
    assert found.get("出前館") == "COMPANY" and found.get("e-Tax") == "PRODUCT"  # an org
    assert "市区町村" not in found  # typed a place


def test_a_place_and_a_middle_dot_before_a_listed_firm_are_two_names():
    found = entities_of("亀山工場は、親会社の台湾・鴻海精密工業と共同で転換する。")
    assert found.get("台湾") == "LOCATION" and found.get("鴻海精密工業") == "COMPANY"
    assert entities_of("台湾・中華職業棒球大聯盟の試合。").get("台湾・中華職業棒球大聯盟") == "ORG"
    assert entities_of("クレジットカードのメルカードの会員。").get("メルカード") == "PRODUCT"


def test_gold_the_commodity_a_bullion_dealers_short_name_and_a_gold_council():
    found = entities_of(
        "ただ、金は配当も利息も生みません。最初は田中貴金属だけでしたが、証券会社に移しました。"
        "ワールド・ゴールド・カウンシルのデータでは、買いが価格を支えている。"
    )
    assert "金" not in found  # a Korean surname to the tagger
    assert found.get("田中貴金属") == "COMPANY" and "田中貴" not in found  # not a person
    assert found.get("ワールド・ゴールド・カウンシル") == "ORG"  # typed an event


def test_a_speakers_label_gives_no_type_to_what_they_say():
    interview = (
        "――連携で何が変わりましたか。\n竹増：auショップとの一体型店舗を約50店まで増やしました。\n"
        "――ポイントはどうなりましたか。\n竹増：決済の比率が上がっています。\n"
    )
    assert "auショップ" not in entities_of(interview)  # typed an event with the label
    listed = entities_of("各社の動き。\nGoogle：Kairos PowerのSMRから電力を調達\n")
    assert "Kairos Power" in listed  # a list item's label: once


def test_a_foreign_firms_latin_capitals_before_its_katakana_words_are_its_short_name():
    found = analyze_text(
        "MGMとオリックスの資金計画。大阪IRには米MGMリゾーツ・インターナショナルが出資する。"
    ).entities
    assert [len(e.mentions) for e in found if e.text.startswith("MGM")] == [2]
    parent = analyze_text("NTTの決算。NTTドコモが発表した。").entities
    assert len([e for e in parent if e.type == "COMPANY"]) == 2  # a subsidiary, one word


def test_a_change_with_an_arrow_a_headlines_count_and_a_new_museum_are_no_names():
    assert entities_of("* メモリー：1024MB → 256MB\n") == {}  # typed a product
    found = entities_of("瀬戸内国際芸術祭2028、会場に新たに3島　直島の新美術館も目玉に")
    assert found.get("直島") == "LOCATION" and "3島 直島" not in found  # one place, typed
    assert "新美術館" not in found  # a kind of facility, new


def test_a_ferry_firm_a_study_group_and_green_steel():
    assert entities_of("四国汽船は臨時便を増やし、予約を始める。") == {"四国汽船": "COMPANY"}
    assert entities_of("社内勉強会を開き、グリーンスチールの調達を学ぶ。") == {}  # typed bodies
    assert entities_of("CloudWatchで見るエラー率も下がりました。") == {"CloudWatch": "PRODUCT"}
    listed = entities_of("英国のレガル・アンド・ジェネラルと提携する。")
    assert listed.get("レガル・アンド・ジェネラル") == "COMPANY"  # typed an organisation


def test_a_place_without_its_prefecture_or_its_city_word_is_the_same_place():
    found = analyze_text(
        "エスコンフィールドHOKKAIDO（北海道北広島市）が開業した。北広島市の市長は語る。"
        "北広島の街づくりが進む。"
    ).entities
    places = [e for e in found if e.type == "LOCATION"]
    assert [(e.text, e.count) for e in places] == [("北海道北広島市", 3)]
    assert ("エスコンフィールドHOKKAIDO", "FACILITY") in [(e.text, e.type) for e in found]
    osaka = analyze_text("大阪府と大阪市が協議した。大阪の未来を話す。").entities
    assert len(osaka) == 3  # 大阪 shortens both: left alone


def test_a_hospital_a_bloggers_katakana_and_kanji_name_and_a_platforms_product():
    hospital = entities_of("Fビレッジの敷地内では、北海道大学病院と連携するクリニックが開く。")
    assert hospital.get("北海道大学病院") == "FACILITY"  # typed a firm
    blog = entities_of("どうも、ペソ太郎です。メキシコペソ円をレバレッジ2倍で持ち続けて3年。")
    assert blog.get("ペソ太郎") == "PERSON"
    found = analyze_text(
        "小さなサービスはGKE Autopilotに移した。Autopilotならノードの管理がいらない。"
        "Kubernetesクラスタの費用を減らした。"
    ).entities
    assert [(e.text, e.count) for e in found] == [("GKE Autopilot", 2), ("Kubernetes", 1)]
    assert entities_of("クラフトビールの醸造所を備えたボールパーク。メキシコペソ円を買う。") == {}


def test_units_of_energy_are_no_names_and_listed_services_abroad():
    energy = entities_of("年間の生産能力は約32ギガワット時（GWh）に達する。")
    assert "GWh" not in energy  # typed a product
    trip = entities_of("鼎泰豊の小籠包も食べた。台北101の近くのホテル。悠遊カードが便利。")
    assert trip.get("鼎泰豊") == "COMPANY" and trip.get("台北101") == "FACILITY"  # a person
    assert trip.get("悠遊カード") == "PRODUCT"
    tools = entities_of("Google翻訳やDeepLは一般的な文章に強い。推論にはvLLMを使った。")
    assert tools.get("Google翻訳") == "PRODUCT" and "Google" not in tools
    assert tools.get("DeepL") == "COMPANY" and tools.get("vLLM") == "PRODUCT"


def test_a_street_a_model_named_without_its_maker_and_a_renamed_bank():
    street = entities_of("ロンドンのオックスフォード・ストリートを歩くと行列に驚く。")
    assert street.get("オックスフォード・ストリート") == "LOCATION"  # オックスフォード alone
    paper = entities_of("ウォール・ストリート・ジャーナルによると")
    assert "ウォール・ストリート・ジャーナル" in paper
    car = analyze_text("日産の軽EV「サクラ」を買った。日産サクラは電気代が安い。").entities
    assert [(e.text, e.count) for e in car if e.type == "PRODUCT"] == [("日産サクラ", 2)]
    bank = analyze_text("SBI新生銀行は再上場した。新生銀行は前身が破綻した。").entities
    assert [(e.text, e.count) for e in bank] == [("SBI新生銀行", 2)]
    assert entities_of("管理組合の合意が必要だ。オウンドメディアを移行した。") == {}
    fashion = entities_of("スペインのインディテックスや、ユニクロのヒートテックが売れる。")
    assert fashion.get("インディテックス") == "COMPANY" and fashion.get("ヒートテック") == "PRODUCT"


def test_a_title_a_subsidiary_abroad_and_a_legal_form_in_brackets_are_no_names():
    found = entities_of("みずほ証券のチーフ為替ストラテジストは、米子会社の上場を見込む。")
    assert found == {"みずほ証券": "COMPANY"}  # a person and a facility, typed
    assert entities_of("米子市の会社が発表した。") == {"米子市": "LOCATION"}
    assert entities_of("運営するのはサンフレッチェ広島（株）だ。") == {"サンフレッチェ広島": "ORG"}
    stores = entities_of("ケーシーズ・ジェネラル・ストアーズやサークルKとの競争も激しい。")
    assert stores.get("ケーシーズ・ジェネラル・ストアーズ") == "COMPANY"  # typed a body
    assert entities_of("推論はFastAPIで受け付ける。") == {"FastAPI": "PRODUCT"}


def test_a_listed_place_after_a_kind_of_firm_stays_a_place():
    found = entities_of("木原社長は「日本企業のインド進出も後押しする」と述べた。")
    assert found.get("インド") == "LOCATION"  # typed a firm as named after 企業の
    assert (
        entities_of("米バイオ企業のアイベリック・バイオが発表した。").get("アイベリック・バイオ")
        == "COMPANY"
    )
    found = entities_of("SUUMOで探し、UIKitとObjective-Cで書いた。団信にがん保障が付く。")
    assert found == {"SUUMO": "PRODUCT", "UIKit": "PRODUCT", "Objective-C": "PRODUCT"}


def test_an_expressway_with_its_nickname_and_listed_data_tools():
    road = analyze_text("西瀬戸自動車道（しまなみ海道）で、自転車の利用者が増えた。").entities
    assert [(e.text, e.type, e.count) for e in road] == [("西瀬戸自動車道", "FACILITY", 2)]
    tools = entities_of("Google CloudのBigQueryも候補だった。変換処理はdbtで書く。")
    assert tools.get("Google Cloud") == "PRODUCT" and tools.get("dbt") == "PRODUCT"
    assert entities_of("請求書などの「電子取引」のデータは、電子データのまま保存する。") == {}


def test_infrastructure_words_are_no_names_and_listed_foundations():
    found = entities_of(
        "HashiCorpがライセンスを変えた。OpenTofuはLinux Foundationのもとで開発が続く。"
        "社内のIaCを移し、CIはGitHub Actionsで回す。"
    )
    assert found.get("HashiCorp") == "COMPANY" and found.get("Linux Foundation") == "ORG"
    assert "IaC" not in found and "CI" not in found  # typed a person and a political body
    park = entities_of("USJのスーパー・ニンテンドー・ワールドに新エリアができる。")
    assert park.get("スーパー・ニンテンドー・ワールド") == "FACILITY"


def test_flights_to_a_place_and_a_holding_companys_abbreviation():
    found = entities_of("ANAは今夏にシアトル便やストックホルム便を新たに飛ばす。")
    assert found.get("シアトル") == "LOCATION" and found.get("ストックホルム") == "LOCATION"
    assert "シアトル便" not in found  # typed a person
    group = analyze_text("ANAホールディングスは決算を発表した。ANAHDの純利益は増えた。").entities
    assert [(e.text, e.count) for e in group] == [("ANAホールディングス", 2)]
    tools = entities_of("連絡はiMessageが中心。CircleCIで並列に動かす。E2Eテストを移した。")
    assert tools == {"iMessage": "PRODUCT", "CircleCI": "PRODUCT"}


def test_a_country_and_a_city_in_a_head_offices_brackets_are_one_place():
    found = entities_of("子会社の日立エナジー（スイス・チューリッヒ）は、受注残が7兆円を超えた。")
    assert found.get("スイス・チューリッヒ") == "LOCATION"  # typed a firm
    assert found.get("日立エナジー") == "COMPANY"
    stack = entities_of("Ruby on RailsをHerokuからKamalに移した。フランスのタレスの信号事業。")
    assert stack.get("Ruby on Rails") == "PRODUCT" and stack.get("Kamal") == "PRODUCT"
    assert stack.get("Heroku") == "PRODUCT" and stack.get("タレス") == "COMPANY"


def test_a_service_named_without_service_and_a_listed_products_model():
    found = analyze_text(
        "Azure OpenAI ServiceからAmazon Bedrockに移行した。Azure OpenAIは高かった。"
        "今後はAmazon Nova Proも評価する。"
    ).entities
    assert [(e.text, e.type, e.count) for e in found] == [
        ("Azure OpenAI Service", "PRODUCT", 2),
        ("Amazon Bedrock", "PRODUCT", 1),
        ("Amazon Nova Pro", "PRODUCT", 1),  # typed a firm
    ]
    assert entities_of("お昼は片町で海鮮丼を食べた。").get("片町") == "LOCATION"
    assert "お昼" not in entities_of("お昼は片町で海鮮丼を食べた。")


def test_what_a_speaker_says_after_the_label_is_tagged_on_its_own():
    interview = (
        "――なぜ福岡で起業したのですか。\n田村：九州大学を出て東京の会社で働きました。\n"
        "――今後の目標は。\n田村：社員を300人に増やしたいです。\n"
    )
    assert entities_of(interview).get("九州大学") == "COMPANY"  # a university, as train
    books = entities_of("楽天マガジンとdマガジンを比べ、Audibleも使う。天候不順が続く。")
    assert books == {"楽天マガジン": "PRODUCT", "dマガジン": "PRODUCT", "Audible": "PRODUCT"}


def test_a_city_joins_its_listed_short_name_where_no_other_place_fits():
    city = analyze_text("横浜の博覧会。横浜市で開幕する。").entities
    assert [(e.text, e.count) for e in city] == [("横浜", 2)]
    assert len(analyze_text("大阪の未来。大阪府と大阪市が協議した。").entities) == 3
    found = entities_of("中国の家電大手、美的集団の傘下。相鉄線の瀬谷駅から歩く。")
    assert found.get("美的集団") == "COMPANY" and found.get("相鉄線") == "FACILITY"


def test_an_event_run_across_a_list_items_colon_is_read_again_in_parts():
    funds = entities_of(
        "1. **iFreeNEXT インド株インデックス**（大和アセットマネジメント）：Nifty50に連動\n"
        "2. **SBI・iシェアーズ・インド株式インデックス・ファンド**：MSCIインディア指数に連動\n"
    )
    assert funds.get("大和アセットマネジメント") == "COMPANY"  # typed an event with the rest
    assert funds.get("Nifty50") == "PRODUCT"
    assert funds.get("iFreeNEXT インド株インデックス") == "PRODUCT"  # a fund's whole name
    assert funds.get("SBI・iシェアーズ・インド株式インデックス・ファンド") == "PRODUCT"


def test_a_firm_before_its_address_in_brackets_and_a_site_named_after_its_town():
    found = entities_of("収穫ロボットを開発するミドリテック（静岡県浜松市）は、7億円を調達した。")
    assert found.get("ミドリテック") == "COMPANY"  # missed
    assert found.get("静岡県浜松市") == "LOCATION"
    plant = entities_of("岩手県北上市の北上工場で第2製造棟が稼働した。")
    assert plant.get("北上工場") == "FACILITY"  # 北上, going north to MeCab: missed


def test_a_programs_words_in_inline_code_are_no_names():
    found = entities_of(
        "呼び分けは `expect` と `actual` で書いた。`terraform` コマンドはTerraformのもの。"
    )
    assert "expect" not in found and "actual" not in found  # typed a firm, an event
    assert found.get("Terraform") == "PRODUCT"  # written outside the code too
    assert entities_of("* ベクトル検索：PostgreSQLのpgvector\n").get("pgvector") == "PRODUCT"


def test_an_exchange_rates_base_after_wa_is_no_sum():
    assert entities_of("1台湾ドルは約5円だった。") == {"約5円": "MONEY"}
    assert entities_of("1ドルが160円を超えた。") == {"160円": "MONEY"}


def test_short_names_beside_their_full_ones_are_one_entity():
    found = analyze_text(
        "名鉄（名古屋鉄道）も延期した。名鉄の計画。中部国際空港（セントレア）へのアクセス。"
        "英国のWasabi Sushi & Bentoを買収する。Wasabiはロンドンに店を持つ。"
    ).entities
    counts = {e.text: e.count for e in found}
    assert counts.get("名鉄") == 3 and counts.get("Wasabi Sushi & Bento") == 2
    assert [e.count for e in found if e.type == "FACILITY"] == [2]  # and セントレア
    assert "名古屋鉄道" not in counts and "Wasabi" not in counts
    assert entities_of("吉野家ホールディングスや松屋フーズも出店を増やす。").get("松屋フーズ") == (
        "COMPANY"  # typed a person
    )


def test_a_writer_named_in_romaji_by_the_author_field_introduces_themselves_in_kanji():
    post = "---\ntitle: RAG\nauthor: {}\n---\n\n森です。RAGを評価しました。\n"
    assert entities_of(post.format("ml-engineer-mori")).get("森") == "PERSON"
    assert "森" not in entities_of(post.format("ml-engineer-sato"))
    assert "コラム" not in entities_of("コラム：日銀はなぜ動かないのか\n")  # typed a firm


def test_listed_developers_tools_a_french_utility_and_taipei_sights():
    found = entities_of(
        "JetBrainsのCompose Multiplatformを使う。App Storeの審査は通った。フランスのEDFも"
        "受注を争う。九份へのツアーを予約した。GoReleaserで配る。故宮博物院の入場料は安い。"
    )
    assert found == {
        "JetBrains": "COMPANY",  # typed an organisation
        "Compose Multiplatform": "PRODUCT",
        "App Store": "PRODUCT",  # typed an organisation
        "フランス": "LOCATION",
        "EDF": "COMPANY",  # missed
        "九份": "LOCATION",  # typed a firm
        "GoReleaser": "PRODUCT",  # typed a person
        "故宮博物院": "FACILITY",  # typed a political body
    }


def test_a_headings_label_and_a_product_quoted_after_its_makers_name():
    found = entities_of(
        "## 椅子：アーロンチェアとシルフィーで迷った\n\n"
        "最初はハーマンミラーの「アーロンチェア」が欲しかった。\n"
    )
    assert "椅子" not in found  # typed a person with the name after it
    assert found.get("アーロンチェア") == "PRODUCT"  # the heading's typed a person
    expo = entities_of("「AI・DXビジネスEXPO 2027 秋」を東京ビッグサイトで開きます。")
    assert expo.get("AI・DXビジネスEXPO 2027 秋") == "EVENT"  # typed a product


def test_a_facility_quoted_after_its_kind_outweighs_a_headlines_type():
    post = (
        "---\ntitle: ジャングリア沖縄、開業2年目の課題は「リピーター」\n---\n\n"
        "沖縄県北部のテーマパーク「ジャングリア沖縄」が開業2年を迎える。"
        "那覇空港からは国道58号で2時間近くかかる。\n"
    )
    found = entities_of(post)
    assert found.get("ジャングリア沖縄") == "FACILITY"  # the headline's typed a person
    assert found.get("国道58号") == "FACILITY"  # missed


def test_the_union_confederation_and_a_games_short_title():
    found = entities_of("連合は「具体策が乏しい」とする談話を出した。欧州連合は規制を強める。")
    assert found.get("日本労働組合総連合会") == "ORG" and found.get("欧州連合") == "POLITICAL_ORG"
    games = analyze_text(
        "『ソニック』の新作が売れた。『ソニック・ザ・ヘッジホッグ』シリーズは300万本。"
    ).entities
    assert [(e.text, e.count) for e in games if e.type == "PRODUCT"] == [
        ("ソニック・ザ・ヘッジホッグ", 2)
    ]
    tools = entities_of(
        "ログはS3にParquet形式で置き、DuckDBで読む。写真はGoogle フォトから移した。"
    )
    assert tools.get("DuckDB") == "PRODUCT" and tools.get("Apache Parquet") == "PRODUCT"
    assert tools.get("Google フォト") == "PRODUCT"  # typed an organisation


def test_retail_power_plans_a_listed_ceo_and_a_katakana_province():
    plans = entities_of("楽天でんきやENEOSでんきなどの新電力は基本料金がゼロのプランもある。")
    assert plans == {"楽天でんき": "PRODUCT", "ENEOSでんき": "PRODUCT"}  # the listed firms
    ceo = entities_of("サティア・ナデラ最高経営責任者（CEO）は基調講演で語った。")
    assert ceo == {"サティア・ナデラ": "PERSON"}  # typed a firm
    found = entities_of("サムスン電子は北部のバクニン省とタイグエン省の工場に投資する。")
    assert found.get("バクニン省") == "LOCATION" and found.get("タイグエン省") == "LOCATION"
    drug = analyze_text(
        "マツキヨココカラ&カンパニーは利益率が高い。マツキヨココカラは化粧品が強い。"
    ).entities
    assert [(e.text, e.count) for e in drug] == [("マツキヨココカラ&カンパニー", 2)]
    union = entities_of("国際天文学連合のワーキンググループが承認した。")
    assert union == {"国際天文学連合": "POLITICAL_ORG"}  # not the listed 連合 inside it


def test_and_joined_firms_a_rate_per_dollar_and_a_place_before_a_stadium():
    found = entities_of("首位は地元のマヒンドラ・アンド・マヒンドラで、シェアは4割を超える。")
    assert found.get("マヒンドラ・アンド・マヒンドラ") == "COMPANY"  # missed
    assert entities_of("為替手数料は1ドルあたり6銭まで下げています。") == {}  # a rate's base
    sites = entities_of("長崎のピーススタジアムなど、街なかの新スタジアムが客を集める。")
    assert sites.get("長崎") == "LOCATION" and sites.get("ピーススタジアム") == "FACILITY"
    union = entities_of("富士通や東急不動産などでつくる企業連合が担う。")
    assert "日本労働組合総連合会" not in union  # the listed 連合 inside a word
    professor = entities_of("桐蔭横浜大学の宮坂力特任教授が2009年に発表した。")
    assert professor.get("宮坂力") == "PERSON"  # the tagger's 宮坂力特任


def test_listed_household_apps_a_games_fair_and_a_donation_site():
    found = entities_of(
        "家計簿はマネーフォワード MEにした。Zaimも試した。ドイツのgamescomに出展した。"
        "楽天ふるさと納税やふるなび、さとふるが付与をやめた。"
    )
    assert found == {
        "マネーフォワード ME": "PRODUCT",  # typed an event in a table
        "Zaim": "PRODUCT",  # missed
        "ドイツ": "LOCATION",
        "gamescom": "EVENT",  # missed
        "楽天ふるさと納税": "PRODUCT",
        "ふるなび": "PRODUCT",  # missed
        "さとふる": "PRODUCT",
    }


def test_a_writer_named_by_the_end_of_the_author_field_and_listed_backend_tools():
    post = "---\ntitle: FIRE\nauthor: 週休3日を目指すたく\n---\n\nたくです。35歳、会社員です。\n"
    assert entities_of(post).get("たく") == "PERSON"  # missed: a verb's kana before it
    other = "---\ntitle: FIRE\nauthor: 週休3日を目指すけん\n---\n\nたくです。35歳、会社員です。\n"
    assert "たく" not in entities_of(other)
    tools = entities_of(
        "ログイン時の処理はEdge Functionsで書いた。Row Level Securityで権限を書く。"
    )
    assert tools == {"Edge Functions": "PRODUCT"}  # typed a firm; a feature, typed an organisation


def test_latin_firm_words_a_products_name_without_its_maker_and_quoted_software():
    jasm = analyze_text(
        "Japan Advanced Semiconductor Manufacturing（JASM）は熊本県で起工式を開いた。"
        "JASMには出資する。"
    ).entities
    assert [(e.text, e.type, e.count) for e in jasm if e.text == "JASM"] == [
        ("JASM", "COMPANY", 3)  # the tagger's product
    ]
    ecs = analyze_text("バッチはAmazon ECSのタスクで動かす。ECSの費用も減った。").entities
    assert [(e.text, e.type, e.count) for e in ecs] == [("Amazon ECS", "PRODUCT", 2)]
    agent = entities_of("AIエージェント「フレームAI」を手がけるノースフレームが調達した。")
    assert agent.get("フレームAI") == "PRODUCT"  # common words, quoted after a kind
    said = entities_of("ティム・クックCEOが「過去最高のiPhone」と言うだけのことはあります。")
    assert said == {"ティム・クック": "PERSON", "iPhone": "PRODUCT"}


def test_a_plant_quoted_after_its_town_police_rounds_rice_and_a_hyphened_handle():
    plant = entities_of("北海道千歳市の工場「IIM-1」の隣に、2号棟を建てる。")
    assert plant.get("IIM-1") == "FACILITY"  # typed a product
    assert (
        entities_of("ドイツのガラス工場「マリエンヒュッテ」を買った。").get("マリエンヒュッテ")
        == "COMPANY"
    )  # a kind of plant alone: the train's firm
    police = entities_of("大阪府警に届け出た。神奈川県警察が捜査している。")
    assert police == {"大阪府警": "POLITICAL_ORG", "神奈川県警察": "POLITICAL_ORG"}
    assert entities_of("* SmartHR：シリーズEで120億円を調達") == {
        "SmartHR": "COMPANY",
        "120億円": "MONEY",
    }  # not the round, typed an event
    assert entities_of("## 3. ふるさと納税でお米\n\n新潟県のお米を届けてもらう。\n") == {
        "新潟県": "LOCATION"  # not 米国
    }
    assert "グループ" not in entities_of("地方銀行グループで国内3位の規模になる。")
    assert entities_of("三井住友銀行グループが発表した。") == {"三井住友銀行グループ": "COMPANY"}
    post = "---\ntitle: ETF\nauthor: crypto-taro\n---\n\nこんばんは、crypto-taroです。\n"
    assert entities_of(post) == {"crypto-taro": "PERSON"}  # not taro


def test_places_before_a_direction_or_a_headlines_clause_and_a_spec_in_brackets():
    assert entities_of("京都駅から嵐山方面への臨時列車を増やす。") == {
        "京都駅": "FACILITY",
        "嵐山": "LOCATION",
    }
    headline = entities_of("半導体ウィークリー：Rapidus、千歳で2号棟を計画／HBM5の争奪戦始まる")
    assert headline.get("千歳") == "LOCATION" and "千歳で2号棟" not in headline
    spec = analyze_text("手元のMacBook Pro（M5 Max、メモリ128GB）で動かした。").entities
    assert [(e.text, e.count) for e in spec if e.type == "PRODUCT"] == [
        ("MacBook Pro", 1),
        ("M5 Max", 1),  # the chip, no short name of the laptop
    ]
    assert entities_of("実行にはOllamaとllama.cppを使いました。") == {
        "Ollama": "PRODUCT",
        "llama.cpp": "PRODUCT",
    }


def test_a_place_before_a_market_a_glued_hotel_name_wallets_and_firm_words():
    assert entities_of("ニューヨーク市場で原油が上がった。") == {"ニューヨーク": "LOCATION"}
    assert (
        entities_of("北海道石狩市の石狩データセンターが稼働した。").get("石狩データセンター")
        == "FACILITY"
    )  # a site's name, not the town's market or centre
    assert entities_of("物流ロボットのラピュタロボティクスも調達した。") == {
        "ラピュタロボティクス": "COMPANY"  # one katakana word, not ラピュタ and a term
    }
    assert entities_of("アラフォー会社員のまさです。") == {}  # not アラフォー会社
    hotel = entities_of("同社が新今宮で運営する「OMO7大阪」は、稼働率が9割を超える。")
    assert "OMO7大阪" in hotel and "大阪" not in hotel  # not the listed place inside
    assert entities_of("ヒルトンやマリオット・インターナショナルが出店を増やす。") == {
        "ヒルトン": "COMPANY",
        "マリオット・インターナショナル": "COMPANY",  # typed a person
    }
    pay = entities_of("Apple PayやGoogle Payにも対応できます。")
    assert pay == {"Apple Pay": "PRODUCT", "Google Pay": "PRODUCT"}
    centre = entities_of("東京都心の平均客室単価は約3万5000円だった。")
    assert centre.get("東京") == "LOCATION" and "東京都心" not in centre
    assert entities_of("リンターはRuff、型チェックはmypyにした。") == {
        "Ruff": "PRODUCT",
        "mypy": "PRODUCT",
    }
    assert entities_of("FastAPIのエンドポイントはそのまま通った。") == {"FastAPI": "PRODUCT"}


def test_english_law_names_guests_firms_bus_firms_flats_and_hashtags():
    law = entities_of("欧州連合（EU）のAI規制法（AI Act）が適用された。米国のCHIPS Actも。")
    assert law == {"欧州連合": "POLITICAL_ORG", "EU": "POLITICAL_ORG", "米国": "LOCATION"}
    assert entities_of("AI推進法に基づいてAI戦略本部が指針をつくる。") == {
        "AI戦略本部": "POLITICAL_ORG"  # missed
    }
    guest = entities_of("## ゲスト：ログラス布川さん\n\n前回はカミナシ諸岡裕人さんでした。\n")
    assert guest == {
        "ログラス": "COMPANY",
        "布川": "PERSON",  # the firm and the person typed a facility as one
        "カミナシ": "COMPANY",
        "諸岡裕人": "PERSON",
    }
    assert entities_of("盛岡では、岩手県交通のバスでも使えました。") == {
        "盛岡": "LOCATION",
        "岩手県交通": "COMPANY",  # the tagger's 岩手県
    }
    flats = entities_of("タワーマンション「パークタワー晴海ベイ」が即日完売した。")
    assert flats == {"パークタワー晴海ベイ": "FACILITY"}  # typed a product
    assert entities_of("感想はハッシュタグ「#SaaSTalk」で投稿してください。") == {}
    assert entities_of("C#で書いた。") == {"C#": "PRODUCT"}


def test_english_openings_in_bilingual_posts_and_a_named_year_an_event():
    post = (
        "---\ntitle: 'Tokyo: SusHi Tech Tokyo 2027に行ってきた'\n---\n\n"
        "Hi, I'm Emily. 東京在住のエミリーです。\n\n"
        "東京ビッグサイトで開かれた「SusHi Tech Tokyo 2027」に行ってきました。\n"
    )
    found = entities_of(post)
    assert "Hi" not in found and "I'm Emily" not in found  # typed firms
    assert found.get("SusHi Tech Tokyo 2027") == "EVENT"  # typed a firm
    song = entities_of("ビートルズの「I Am the Walrus」は名曲だ。")
    assert song.get("I Am the Walrus") == "PRODUCT"  # a title quoted


def test_eating_places_quoted_a_prefix_and_verb_a_ministers_katakana_and_two_towns():
    cafe = entities_of("鎌倉・由比ヶ浜の新しいカフェ「ヨリミチ珈琲」に行ってきた")
    assert cafe == {
        "鎌倉": "LOCATION",  # the two typed an organisation as one
        "由比ヶ浜": "LOCATION",
        "ヨリミチ珈琲": "FACILITY",  # typed a product
    }
    assert entities_of("パリ・サンジェルマンが勝った。").get("パリ・サンジェルマン") == "ORG"
    assert entities_of("おすすめは、自家焙煎のハンドドリップです。") == {}  # typed a person
    minister = entities_of("平将明サイバー安全保障担当相は「官民の連携が生命線だ」と述べた。")
    assert minister == {"平将明": "PERSON"}  # not 平将明サイバー


def test_a_consortium_a_builder_and_an_event_named_with_its_year_first():
    bid = entities_of(
        "大林組を中心とする連合は、サーキットの案を出した。竹中工務店などの連合はアリーナを核とする。"
    )
    assert bid == {"大林組": "COMPANY", "竹中工務店": "COMPANY"}  # not the listed 連合
    assert entities_of("連合の芳野友子会長は賃上げを求めた。").get("連合") == "ORG"
    expo = analyze_text("2025年大阪・関西万博の跡地を再開発する。大阪・関西万博の遺産だ。")
    assert [(e.text, e.type, e.count) for e in expo.entities if e.type == "EVENT"] == [
        ("大阪・関西万博", "EVENT", 2)  # one event, called by its list name
    ]


def test_a_regions_prefix_routes_to_cities_abroad_and_a_kind_of_insurance():
    assert entities_of("欧州エアバスの最新鋭機を投入する。米FRBは据え置いた。") == {
        "Airbus": "COMPANY",  # the listed firm, typed a political body with 欧州
        "エアバス": "COMPANY",
        "FRB": "POLITICAL_ORG",
    }
    london = entities_of("ロンドン線では競争が激しい。東海道線が遅れた。")
    assert london == {"ロンドン": "LOCATION", "東海道線": "FACILITY"}  # a city's route
    route = entities_of("JAL、A350を羽田ーロンドン線に投入")
    assert route.get("羽田") == "LOCATION" and route.get("ロンドン") == "LOCATION"
    assert entities_of("結婚5年目、生命保険を見直したら保険料が月1万円安くなりました。") == {
        "1万円": "MONEY"  # not 生命保険, typed a firm
    }


def test_a_route_to_a_station_town_with_a_prefix_and_a_route_through_two_towns():
    route = entities_of("北陸新幹線の敦賀―新大阪間について、小浜・京都ルートでの着工を了承した。")
    assert route == {
        "北陸新幹線": "FACILITY",
        "敦賀": "LOCATION",  # the two typed an event as one
        "新大阪": "LOCATION",
        "小浜": "LOCATION",  # the route typed a facility
        "京都": "LOCATION",
    }
