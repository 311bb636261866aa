import unicodedata

import pytest

from analyzer import analyze_path, analyze_text
from analyzer.keywords import normalize, stopwords
from tests.conftest import ROOT, SAMPLES

ARTICLES = sorted((ROOT / "corpus" / "articles").glob("*.md"))
POSTS = SAMPLES + ARTICLES


def keywords_of(text: str, top: int = 10) -> list[str]:
    return [k.text for k in analyze_text(text, top=top).keywords]


@pytest.mark.parametrize("path", POSTS, ids=lambda p: p.name)
def test_keywords_on_real_posts_are_clean_ranked_and_located(path):
    analysis = analyze_path(path)
    source = path.read_text(encoding="utf-8")
    keywords = analysis.keywords
    assert 5 <= len(keywords) <= 10
    scores = [k.score for k in keywords]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    keys = [normalize(k.text) for k in keywords]
    assert len(set(keys)) == len(keys)
    for keyword in keywords:
        assert normalize(keyword.text) not in stopwords()
        assert not keyword.text.isdigit()
        # `first` is where the keyword starts in the source file.
        window = unicodedata.normalize("NFKC", source[keyword.first : keyword.first + 80])
        assert normalize(window.replace("*", "")).startswith(normalize(keyword.text))


def test_a_fragment_is_not_listed_beside_its_compound():
    text = (
        "AIデータセンターの建設が進む。AIデータセンターは電力を大量に使う。"
        "各社はAIデータセンターの増設を急ぐ。液冷システムの採用も広がる。"
    )
    keywords = keywords_of(text)
    assert "AIデータセンター" in keywords
    assert "データセンター" not in keywords
    assert "センター" not in keywords


def test_two_fragments_of_one_chain_are_not_both_listed():
    text = (
        "# 任天堂「Switch 2」が好調\n\n## Switch 2の販売は想定以上\n\n"
        "**Nintendo Switch 2**の累計販売台数は1520万台に達した。任天堂は増産する。"
    )
    keywords = keywords_of(text)
    assert "Switch 2" in keywords
    assert "Nintendo Switch" not in keywords  # only ever inside Nintendo Switch 2


def test_a_model_number_before_what_is_made_for_it_stays_with_its_name():
    text = (
        "任天堂のSwitch 2が売れている。カプコンはSwitch 2向けに旧作を移植する。"
        "「ポケモン」のSwitch 2版も控える。Switch 2用のソフトも増えた。"
    )
    counts = {k.text: k.count for k in analyze_text(text).keywords}
    assert counts.get("Switch 2") == 4  # Switch 2|向け had read Switch and a counted 2
    assert "Switch" not in counts


def test_a_holding_companys_short_and_long_names_are_one_keyphrase():
    text = (
        "## 東京電力HD：柏崎刈羽の行方\n\n東京電力ホールディングスは再稼働を目指す。"
        "東京電力HDの株価は上昇した。関西電力と東京電力HDを比べる。東京海上HDも上がった。"
    )
    keywords = keywords_of(text)
    assert len({"東京電力HD", "東京電力ホールディングス"} & set(keywords)) == 1
    assert "HD" not in keywords and "海上HD" not in keywords  # fragments


def test_a_fragment_of_one_firms_names_is_not_listed_beside_it():
    text = (
        "# ソフトバンクG、OpenAIに追加出資\n\n"
        "ソフトバンクグループ（SBG）はOpenAIに出資する。SBGの株価は下落した。"
        "OpenAIの赤字は続く。"
    )
    keywords = keywords_of(text)
    assert "SBG" in keywords or "ソフトバンクグループ" in keywords
    # only ever inside ソフトバンクG and ソフトバンクグループ, two names of one firm
    assert "ソフトバンク" not in keywords


def test_what_the_writer_tagged_the_post_with_ranks_higher():
    body = (
        "\n\n日銀は政策金利を据え置いた。円安が続き、物価は上がった。"
        "住宅ローンの金利も上昇し、家計の負担は重い。賃上げの勢いが焦点だ。\n"
    )

    def score(text: str) -> float:
        return next(k.score for k in analyze_text(text, top=20).keywords if k.text == "住宅ローン")

    plain = score("---\ntitle: 日銀の判断\n---" + body)
    tagged = score("---\ntitle: 日銀の判断\ntags: [住宅ローン]\n---" + body)
    assert tagged > plain + 0.1


def test_a_name_the_entity_stage_found_ranks_higher():
    from analyzer.entities import extract_entities
    from analyzer.keywords import extract_keywords
    from analyzer.reader import Source, parse_text
    from analyzer.tokenizer import tokenize_sentences

    text = (
        "半導体の需要が伸びている。ラピダスは北海道で工場を建てる。"
        "半導体の国産化は政府の方針だ。量産は2027年を目指す。半導体の人材も足りない。"
    )
    doc = parse_text(text, Source("<test>", "utf-8", len(text), ""))
    sentences = tokenize_sentences(doc.text, doc.sentences)
    entities = extract_entities(doc, sentences)
    assert any(e.text == "ラピダス" for e in entities)

    def score(**kwargs) -> float:
        keywords, _ = extract_keywords(doc, sentences, top=20, **kwargs)
        return next(k.score for k in keywords if k.text == "ラピダス")

    assert score(entities=entities) > score() + 0.05


def test_a_one_letter_noun_and_a_suffix_is_no_keyphrase():
    text = (
        "## QQQ：成長重視ならこれ\n\nQQQは値動きが大きいので、**長期で保有できる人向け**です。"
        "QQQは人気だ。"
    )
    keywords = keywords_of(text)
    assert "QQQ" in keywords
    assert "人向け" not in keywords  # the tail of a phrase, in bold


def test_a_fragment_that_also_stands_alone_may_stay():
    text = (
        "生成AIの導入が進む。生成AIエージェントも広がる。"
        "生成AIは業務を変える。生成AIの費用も下がった。生成AIエージェントの実証も進む。"
    )
    keywords = keywords_of(text)
    assert "生成AI" in keywords


def test_one_phrase_per_concept():
    text = (
        "NVIDIAはAIインフラを売る。エヌビディアの決算は好調だった。NVIDIAの株価。"
        "AIインフラストラクチャへの投資が続く。AIインフラの需要は強い。"
    )
    keys = [normalize(k) for k in keywords_of(text)]
    assert not {"nvidia", "エヌビディア"} <= set(keys)
    assert not {"aiインフラ", "aiインフラストラクチャ"} <= set(keys)


def test_english_prose_gives_names_not_words():
    keywords = keywords_of(
        "Microsoft and Google raised their capital expenditure plans for data centers. "
        "Microsoft said demand for NVIDIA GB300 NVL72 racks was strong."
    )
    assert "Microsoft" in keywords
    assert "NVIDIA GB300 NVL72" in keywords
    assert not any(k.islower() for k in keywords)
    assert not any(k.lower().startswith(("and ", "for ", "the ")) for k in keywords)


def test_an_english_headings_words_are_no_keywords_of_a_japanese_post():
    post = (
        "# 生成AIの現在地\n\n## Key Takeaways\n\n生成AIの導入が進む。\n\n## Before / After\n\n"
        "生成AIで作業時間が減った。\n\n## Anthropic\n\nAnthropicは新モデルを出した。\n\n"
        "## Conclusion\n\n生成AIの活用は続く。\n"
    )
    keywords = keywords_of(post)
    assert "Anthropic" in keywords  # a name the post says again
    assert not {"Key Takeaways", "Before", "After", "Conclusion"} & set(keywords)


def test_a_plans_tier_alone_is_no_keyword():
    post = (
        "Claude Codeの料金を整理する。\n\n| プラン | 料金 |\n|---|---|\n| Pro | $20/月 |\n"
        "| Max | $100/月 |\n\nClaude CodeはProでも十分使える。MaxならClaude Codeを長く使える。\n"
    )
    keywords = keywords_of(post)
    assert "Claude Code" in keywords
    assert not {"Pro", "Max"} & set(keywords)


def test_a_long_line_of_english_is_prose_not_a_heading():
    from analyzer.entities import english_heading

    line = "Kubernetes and Docker " * 20  # 440 characters, no full stop
    text = f"日本語の記事。\n{line}\n## Key Takeaways\n"
    start = text.index("Kubernetes")
    assert not english_heading(text, start, start + 10, "paragraph")  # too long a line
    heading = text.index("Key")
    assert english_heading(text, heading, heading + 13, "heading")


def test_top_limits_the_keywords_but_not_the_tag_suggestions():
    text = (
        "---\ntitle: 液冷の時代\ntags: [NVIDIA]\n---\n"
        "NVIDIAのGB300 NVL72は液冷システムが前提になる。**液冷システム**の歩留まりが課題だ。\n\n"
        "液冷システムの部材を供給するメーカーの受注が増えている。NVIDIAの出荷も液冷システム次第だ。"
    )
    analysis = analyze_text(text, top=1)
    assert len(analysis.keywords) == 1
    assert "液冷システム" in analysis.suggested_tags
    assert all(normalize(t) != "nvidia" for t in analysis.suggested_tags)
    assert analyze_text(text, top=0).keywords == ()


def test_keyphrases_leave_out_country_prefixes_titles_and_the_counters_of_numbers():
    keywords = keywords_of(
        "米Googleは新モデルを発表した。米Googleの宮崎洋一副社長兼CFOが説明した。"
        "2025年7〜9月期決算と2025年度予算が焦点だ。決算は増益、予算は増額。",
        top=50,
    )
    assert "Google" in keywords and "宮崎洋一" in keywords
    assert not {"米Google", "宮崎洋一副社長兼", "期決算", "度予算"} & set(keywords)
    keywords = keywords_of(
        "みずほ証券の上野泰也チーフマーケットエコノミストは予想する。上野泰也氏は慎重だ。",
        top=50,
    )
    assert "上野泰也" in keywords  # the words of the title go with it
    assert not [k for k in keywords if k.startswith("上野泰也") and k != "上野泰也"]
    keywords = keywords_of(
        "片山さつき財務相と赤沢亮正経済再生担当相が会談した。片山さつき財務相は述べた。", top=50
    )
    assert "片山さつき" in keywords and "赤沢亮正" in keywords  # 財務|相: a title in words
    assert not [k for k in keywords if k.endswith(("財務相", "担当相", "担当"))]
    keywords = keywords_of("決算発表後の時間外取引で株価は下落した。決算発表後に反発した。", top=50)
    assert "決算発表" in keywords and "決算発表後" not in keywords  # 後: when, not what
    (person,) = analyze_text("上野泰也チーフマーケットエコノミストは語った。").entities
    assert person.text == "上野泰也"
    keywords = keywords_of(
        "山本雅文チーフ為替・外債ストラテジストは語った。三村淳財務官は述べた。"
        "山本雅文氏は円安をみる。三村淳財務官は重ねて述べた。",
        top=50,
    )
    assert "山本雅文" in keywords and "三村淳" in keywords  # a title's field goes with it
    assert not [k for k in keywords if k.startswith(("山本雅文", "三村淳")) and len(k) > 4]
    keywords = keywords_of("松下電器社長が語った。松下電器社長は続けた。", top=50)
    assert "松下電器" in keywords  # a surname alone starts a firm's name


def test_katakana_mecab_reads_as_a_filler_starts_the_word_after_it():
    keywords = keywords_of(
        "子会社のウーブン・バイ・トヨタが開発する。ウーブン・バイ・トヨタは新興企業だ。"
    )
    assert "ウーブン・バイ・トヨタ" in keywords  # MeCab: ウー (a filler) | ブン
    assert not any(k.startswith("ブン") for k in keywords)


def test_a_model_number_after_a_latin_name_is_part_of_the_keyphrase():
    keywords = keywords_of(
        "「Nintendo Switch 2」は好調で、「PlayStation 5」は減速した。Apple 3社が動いた。",
        top=50,
    )
    assert "Nintendo Switch 2" in keywords and "PlayStation 5" in keywords
    assert "Nintendo Switch" not in keywords and "Apple 3社" not in keywords


def test_a_listed_firms_shares_are_the_firm_but_kinds_of_share_stay():
    keywords = keywords_of(
        "テスラ株は上昇し、アップル株は下落した。テスラ株を買い増した。"
        "米国株と銀行株が上がった。米国株が人気。",
        top=50,
    )
    assert {"テスラ", "アップル", "米国株", "銀行株"} <= set(keywords)
    assert not {"テスラ株", "アップル株"} & set(keywords)


def test_a_generation_a_resolution_or_a_process_node_keeps_its_number():
    keywords = keywords_of(
        "5Gスマホと4K放送、3Dプリンターが並ぶ。5Gの普及が進む。TSMCの3nmと2ナノの量産。"
        "物流の2024年問題が深刻だ。2024年問題への対応が急がれる。",
        top=50,
    )
    assert {"5G", "4K放送", "3Dプリンター", "3nm", "2ナノ", "2024年問題"} <= set(keywords)
    assert not {"G", "D", "Dプリンター", "nm", "ナノ", "年問題"} & set(keywords)
    # a quantity is none: a charger's watts, a memory's gigabytes, a fiscal year
    keywords = keywords_of("45Wの充電器と10GBのメモリ。2024年度の問題。", top=50)
    assert not [k for k in keywords if k[0].isdigit()]


def test_a_version_with_a_point_is_one_keyphrase():
    keywords = keywords_of(
        "OpenAIは「GPT-5.1」を公開した。GPT-5.1は速い。Claude 3.5も速い。価格は3.5ドルだ。",
        top=50,
    )
    assert "GPT-5.1" in keywords and "Claude 3.5" in keywords
    assert "GPT-5" not in keywords and "Claude 3" not in keywords


def test_a_name_after_an_industry_and_oote_is_a_keyphrase_of_its_own():
    for text in (
        "三菱UFJはノンバンク大手シュリラム・ファイナンスに20%出資すると発表した。",
        "ノンバンク大手シュリラム・ファイナンスに出資する。インドのシュリラム・ファイナンスは伸びる。",
    ):
        keywords = keywords_of(text, top=50)
        assert "シュリラム・ファイナンス" in keywords
        assert not [k for k in keywords if k.startswith("ノンバンク大手シ")], keywords


def test_a_disclaimers_boilerplate_gives_no_keyphrases():
    keywords = keywords_of(
        "**投資は余剰資金で、自己責任でお願いします。**\n\nビットコインは上昇した。"
        "ビットコインETFへの資金流入が続く。",
        top=50,
    )
    assert "ビットコイン" in keywords
    assert not {"余剰資金", "自己責任"} & set(keywords)


def test_a_name_after_what_it_is_to_another_is_a_keyphrase_of_its_own():
    keywords = keywords_of(
        "任天堂は子会社Nintendoを通じて販売する。空売り投資家マイケル・バーリ氏が批判した。",
        top=50,
    )
    assert "子会社Nintendo" not in keywords
    assert {"Nintendo", "任天堂"} & set(keywords)  # one concept: either spelling ranks it
    under = keywords_of("Alphabet傘下のWaymoが拡大する。Alphabet傘下の企業。", top=50)
    assert "Alphabet" in under and "Alphabet傘下" not in under
    assert "マイケル・バーリ" in keywords
    assert not [k for k in keywords if k.startswith("空売り投資家マ")], keywords


def test_a_suffix_in_hiragana_is_no_part_of_a_keyphrase():
    keywords = keywords_of("アルトマン氏は来日し、石破首相とも会談する。首脳会談は続く。", top=50)
    assert not [k for k in keywords if "とも" in k], keywords  # 首相|とも|会談: a suffix to MeCab


def test_a_katakana_name_after_a_kind_of_firm_is_a_keyphrase_of_its_own():
    keywords = keywords_of(
        "台湾の調査会社トレンドフォースによると、価格は上がった。トレンドフォースは予測を上げた。"
        "株式会社エフエム東京が放送する。",
        top=50,
    )
    assert "トレンドフォース" in keywords
    assert not [k for k in keywords if k.startswith("調査会社ト")], keywords
    # a legal form is no kind of firm: the name whole, shown without its legal form
    assert "エフエム東京" in keywords and "株式会社エフエム東京" not in keywords


def test_a_summary_heading_and_this_week_give_no_keyphrases():
    keywords = keywords_of(
        "## まとめ\n\n今週の日経平均株価は上昇した。来週も日経平均株価に注目だ。"
    )
    assert "まとめ" not in keywords and "今週" not in keywords
    keywords = keywords_of(
        "【決算速報】ソニー増益\n\n### ポイントまとめ\n\nゲームが好調で、ゲームの利益が伸びる。",
        top=50,
    )
    assert not [k for k in keywords if k.endswith(("まとめ", "速報"))], keywords


def test_related_to_a_field_ends_no_keyphrase():
    keywords = keywords_of(
        "けん引役は生成AI関連の企業だ。生成AI関連の投資が増え、AI関連銘柄も買われた。"
        "AI関連銘柄の上昇が続く。",
        top=50,
    )
    assert "生成AI" in keywords and "生成AI関連" not in keywords, keywords
    assert "AI関連銘柄" in keywords  # inside a chain it stays


def test_a_formal_noun_is_no_part_of_a_keyphrase():
    keywords = keywords_of("27日：感謝祭のため米国市場は休場\n\nエヌビディア株が上昇した。", top=50)
    assert "米国市場" in keywords and not [k for k in keywords if "ため" in k], keywords


@pytest.mark.parametrize(
    ("text", "empty", "kept"),
    [
        (  # how often, and what started it
            "毎月3万円の積立を続けた。毎月の積立額は同じだ。きっかけは先輩の一言で、"
            "そのきっかけで新NISAを始めた。毎月、新NISAの口座を見る。",
            ("毎月", "きっかけ"),
            "新NISA",
        ),
        (  # the comparisons every results post makes
            "# 資金調達額は過去最高に\n\n調達額は過去最高を更新した。前年同期比で2割増え、"
            "過去最高の水準だ。前年同期比の伸びは大きい。",
            ("過去最高", "前年同期比", "過去", "前年同期", "同期比"),  # nor their fragments
            "調達額",
        ),
        (  # what qualifies an amount
            "JERAは米国産LNGを年間最大550万トン購入する。年間最大の調達量は過去最大となる。"
            "受取配当金は税引き前で約48万円だった。配当金は税引き前で去年より増えた。",
            ("年間最大", "過去最大", "年間", "最大", "税引き前"),
            "受取配当金",
        ),
        (  # what is given in return
            "関税の引き下げと引き換えに、日本は対米投資を約束した。引き換えの条件は厳しい。"
            "対米投資の案件選びが本格化し、関税の影響も続く。",
            ("引き換え",),
            "対米投資",
        ),
        (  # how long since, a record count and where it was said
            "買収から半年がたった。半年で設備投資が進んだ。訪日客は過去最多を更新した。"
            "過去最多の訪日客が来た。社長は記者会見で述べた。記者会見では設備投資に触れた。",
            ("半年", "過去最多", "記者会見"),
            "設備投資",
        ),
    ],
)
def test_a_posts_empty_words_give_no_keyphrases(text, empty, kept):
    keywords = keywords_of(text, top=50)
    assert not set(empty) & set(keywords) and kept in keywords, keywords


def test_an_adjectival_noun_or_teki_inside_a_compound_keeps_it_whole():
    keywords = keywords_of(
        "政府は重要鉱物の調達を急ぐ。重要鉱物の備蓄も増やす。"
        "能動的サイバー防御を導入する。能動的サイバー防御には課題がある。",
        top=50,
    )
    assert "重要鉱物" in keywords and "能動的サイバー防御" in keywords
    assert not {"鉱物", "サイバー防御", "能動"} & set(keywords)  # the halves it was cut into


def test_an_investment_posts_disclaimer_is_no_part_of_its_keywords_or_stance():
    body = "東京エレクトロンは通期予想を上方修正した。生成AI向けの需要が強い。"
    post = f"{body}\n\n---\n\n*本記事は投資助言ではありません。投資判断はご自身の責任で。*\n"
    analysis = analyze_text(post, top=50)
    assert not [k.text for k in analysis.keywords if "投資" in k.text]
    assert len(analysis.sentiment.sentences) == 4  # still scored one by one
    assert analysis.sentiment.score == analyze_text(body).sentiment.score  # not in the mean
    kept = keywords_of(
        f"{body}\n\n金融庁は投資家の自己責任原則を強調した。\n\n"
        "同社の株価は上昇した。半導体株が買われた。日経平均も続伸した。",
        top=50,
    )
    assert "自己責任原則" in kept  # in the middle of a post: what it is about
    lead = keywords_of("自己責任原則を金融庁が強調した。\n\n" + body, top=50)
    assert "自己責任原則" in lead  # a post's first sentence about it: no disclaimer


def test_a_name_mecab_cut_before_a_particle_is_the_keyphrase_whole():
    text = (
        "第一三共の抗がん剤「エンハーツ」の勢いが止まらない。エンハーツは当初、乳がん向けに"
        "承認された。エンハーツは肺がんにも使われる。"
    )
    keywords = keywords_of(text)
    assert "エンハーツ" in keywords  # エンハー|ツ|は: MeCab's ツ a particle
    assert "エンハー" not in keywords
    games = keywords_of(
        "格闘ゲームの大会で、カプコンの『ストリートファイター6』に3000人が出た。"
        "『鉄拳8』の部門もある。ストリートファイター6の配信は500万人が見た。"
    )
    assert "ストリートファイター6" in games and "鉄拳8" in games  # a game's number, its name's
    assert "ストリートファイター" not in games


def test_names_the_entity_stage_grouped_are_one_keyphrase():
    text = (
        "日本政府観光局（JNTO）によると、訪日客は過去最多を更新した。JNTOは年間の見通しも"
        "引き上げた。JNTOの統計では、訪日客の消費額も増えた。"
    )
    keywords = keywords_of(text)
    assert "日本政府観光局" in keywords or "JNTO" in keywords
    assert not {"日本政府観光局", "JNTO"} <= set(keywords)  # one body, named two ways


def test_a_posts_section_and_what_a_service_goes_through_are_no_keyphrases():
    text = (
        "## 結論\n\nコスト重視ならGPT-5.1、品質重視ならClaude Sonnet 4.5という結論です。"
        "Google CloudのVertex AI経由でも使えます。Vertex AI経由の利用は契約次第です。"
    )
    keywords = keywords_of(text)
    assert "結論" not in keywords
    assert "Vertex AI経由" not in keywords and "Vertex AI" in keywords


def test_a_firm_named_after_two_listed_firms_is_one_keyphrase():
    text = (
        "ソニー・ホンダモビリティは「AFEELA 1」を展示する。ソニー・ホンダモビリティの社長は"
        "意気込む。マツダ・スバルも出展する。"
    )
    keywords = keywords_of(text)
    assert "ソニー・ホンダモビリティ" in keywords
    assert "ホンダモビリティ" not in keywords  # ソニー|・|ホンダ read as a list of two firms


def test_a_name_of_katakana_words_a_space_apart_is_one_keyphrase():
    text = (
        "デンマークのノボ ノルディスクは肥満症薬で首位を争う。ノボ ノルディスクの株価は下がった。"
        "ノボ ノルディスクは新薬の承認を申請した。"
    )
    keywords = keywords_of(text)
    assert "ノボ ノルディスク" in keywords
    assert "ノルディスク" not in keywords  # ranked alone, the name's second word


def test_credits_and_a_press_releases_boilerplate_make_no_keyphrase():
    text = (
        "株式会社ミライロジは在庫管理サービス「ロジミル」を提供開始します。在庫管理の負担を減らす。\n"
        "## 会社概要\n\n会社名：株式会社ミライロジ\n\n"
        "本件に関するお問い合わせ：広報担当\n\n*聞き手・構成：編集部 佐藤*\n"
    )
    keywords = keywords_of(text, top=20)
    assert "ロジミル" in keywords
    assert not {"会社概要", "提供開始", "お問い合わせ", "聞き手・構成", "編集部"} & set(keywords)


def test_a_colon_after_one_or_two_latin_letters_is_inside_a_name():
    keywords = keywords_of("J:COMの新サービス。J:COMは発表した。re:Inventで発表。\nQ:今後の戦略は?")
    assert "J:COM" in keywords and "re:Invent" in keywords
    assert "COM" not in keywords and "Invent" not in keywords
    assert not any(k.startswith("Q:") for k in keywords)  # a label's colon


def test_a_name_of_katakana_and_latin_words_a_space_apart_is_one_keyphrase():
    text = (
        "『ポケモン レジェンズ Z-A』を50時間遊んだ。『ポケモン レジェンズ Z-A』はバトルが速い。"
        "ポケモン レジェンズ Z-Aの街は広い。"
    )
    keywords = keywords_of(text)
    assert "ポケモン レジェンズ Z-A" in keywords
    assert "Z-A" not in keywords and "レジェンズ" not in keywords


def test_a_katakana_letter_mecab_reads_as_a_symbol_starts_the_word_after_it():
    text = (
        "トヨタ自動車は、車載ソフトウェア基盤「Arene（アリーン）」を、新型「RAV4」から"
        "搭載すると発表した。購入後もソフトウェアを更新できる。"
    )
    keywords = keywords_of(text, top=15)
    assert "アリーン" in keywords and "リーン" not in keywords  # MeCab's ア|リーン


def test_a_long_vowel_mecab_reads_as_a_symbol_stays_inside_its_word():
    keywords = keywords_of(
        "東京都は「アフォーダブル住宅」を供給する。アフォーダブル住宅の家賃は相場の8割だ。"
    )
    assert "アフォーダブル住宅" in keywords  # アフォ|ー|ダブル: ー a symbol to MeCab
    assert "ダブル住宅" not in keywords


def test_a_faqs_question_numbers_are_no_keyphrases():
    text = (
        "**Q1. 相続登記はしないといけないの？**\n\nA. はい。相続登記が義務になりました。\n\n"
        "**Q2. 相続税はいくらから？**\n\nA. 基礎控除を超えた分です。相続税の申告は10か月以内です。"
    )
    keywords = keywords_of(text)
    assert "相続登記" in keywords and "相続税" in keywords
    assert not {"Q1", "Q2", "q1"} & set(keywords)


def test_a_models_letter_after_its_number_is_part_of_the_keyphrase():
    keywords = keywords_of(
        "Pixel 10aとiPhone 17eを1か月使い比べた。Pixel 10aの夜景は明るい。iPhone 17eは動画が強い。"
    )
    assert "Pixel 10a" in keywords and "iPhone 17e" in keywords
    assert "Pixel" not in keywords and "iPhone" not in keywords
    hyphened = keywords_of("社内ボットをGPT-4oからGemini 3 Proに載せ替えた。GPT-4oは高い。")
    assert "GPT-4o" in hyphened and "GPT-4" not in hyphened  # after a hyphen's number too


def test_a_terms_short_form_in_brackets_is_one_keyphrase_with_it():
    keywords = keywords_of(
        "村田製作所は積層セラミックコンデンサー（MLCC）を増産する。MLCCの需要は強い。"
        "積層セラミックコンデンサーは小さい。"
    )
    assert "積層セラミックコンデンサー" in keywords and "MLCC" not in keywords


def test_a_person_called_by_the_surname_is_indexed_by_the_full_name():
    keywords = keywords_of(
        "ローソンの竹増貞信社長に聞いた。\n竹増：店舗を増やしました。\n竹増：決済が伸びています。\n"
        "竹増：人手不足は深刻です。\n竹増：商品の力では負けていません。"
    )
    assert "竹増貞信" in keywords and "竹増" not in keywords


def test_a_firms_name_with_a_kanji_numeral_is_a_keyphrase():
    keywords = keywords_of(
        "第一生命ホールディングスは英M&Gに出資する。第一生命HDは海外事業を広げる。"
        "第一生命HDの株価は下がった。第一三共の新薬も伸びた。第一三共は強い。"
    )
    assert "第一生命HD" in keywords and "第一三共" in keywords  # MeCab reads 第|一|…
    assert "ホールディングス" not in keywords and "生命" not in keywords


def test_a_subsidiary_abroad_is_no_keyphrase():
    keywords = keywords_of(
        "セブン&アイは米子会社のIPOを延期する。米子会社の既存店が落ち込む。米子会社の上場は2028年。"
    )
    assert "米子会社" not in keywords and "IPO" in keywords  # MeCab's 米子, a city


def test_a_name_with_a_hyphen_mecab_reads_apart_is_one_keyphrase():
    found = analyze_text(
        "国税庁のe-Taxは、マイナポータルと連携すると便利です。e-Taxで申告した。e-Taxは早い。"
    )
    texts = [k.text for k in found.keywords]
    assert "e-Tax" in texts and "Tax" not in texts


def test_a_keyphrase_shows_a_firm_without_its_legal_form():
    found = analyze_text(
        "株式会社アークエッジ・スペースは80億円を調達しました。引受先は三井物産株式会社です。"
        "株式会社アークエッジ・スペースは衛星を作ります。データの取得はNext.jsで書いた。"
    )
    texts = [k.text for k in found.keywords]
    assert "アークエッジ・スペース" in texts and "株式会社アークエッジ・スペース" not in texts
    source = "株式会社アークエッジ・スペースは80億円を調達しました。引受先は三井物産株式会社です。"
    shown = next(k for k in found.keywords if k.text == "アークエッジ・スペース")
    assert source[shown.first :].startswith("アークエッジ・スペース")  # where the name starts
    assert "Next" not in texts  # Next.js, a dot MeCab reads apart
