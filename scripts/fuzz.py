"""Fuzz the whole pipeline: bytes in, valid JSON with exact offsets out, or kiji's own error.

    make fuzz                      # 100,000 inputs on every core
    .venv/bin/python scripts/fuzz.py --count 5000 --seed 7

Inputs: random bytes; random text mixing Japanese, Markdown and front matter
syntax, control and zero-width characters, emoji and combining marks; and
mutated slices of the sample posts, re-encoded in each supported encoding.
Any exception that is not a KijiError is a failure: its input is saved under
--failures and the run exits 1.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

import jsonschema

from analyzer.errors import KijiError
from analyzer.pipeline import analyze_document
from analyzer.reader import ReadOptions, read_bytes
from analyzer.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]
ALPHABET = (
    list("あいうえおかがきアイウエオカガキ日本語半導体市場投資円億兆万年月日")
    + list("。、！？「」『』（）・ー〜％＄ＡＢＣａｂｃ０１２３ｱｲｳｶﾞﾊﾟ①②㈱")
    + list("abcXYZ0123456789 .,!?%$-_*#>[]()`~|:;'\"<>/\\=+&")
    + ["**", "* ", "# ", "> ", "```", "---", "---\n", "\n", "\n\n", "\r\n", "\r", "\t"]
    + ["\u3000", "\u200b", "\ufeff", "\u00a0", "\x00", "\x1b", "\u0301", "\u3099", "\uff9e"]
    + ["😀", "𠮷", "🚀", "\U0010ffff", "&amp;", "&#x3042;", "\\*", "<div>", "</p>"]
    + ["NVIDIA", "ＮＶＩＤＩＡ", "エヌビディア", "株式会社", "14億ドル", "75%", "2026年10月3日"]
    + ["昨年12月", "翌年3月", "0000年1月", "9999年12月", "10月には", "5日に", "(IPA)", "機構"]
    + ["1ドル=161円", "2027年3月期第2四半期", "9999年末", "0000年上半期"]
    + ["今年下期", "年度上半期", "年後半", "二〇二五年十二月", "三十日", "〇〇〇〇年"]
    + ["title: ", "tags: [", "date: ", "!!python/object ", "&a ", "*a ", "https://x.jp/"]
    + ["---\ndate: 2025-02-30\n", "date: 2025-13-45 25:61:00\n", "2025-11-23 02:33:17 +0000"]
    + ["{% include x.html %}", "{%", "%}", "{{ page.title }}", "{{", "}}", "{% highlight py %}"]
    + ["{% endhighlight %}", "{% raw %}", "<script>", "</script>", "<!--", "-->", "<p>", "<br>"]
    + ["{: .notice}", "{:", "$$", "$$E = mc^2$$", "新型", "こと", "米ドル", "「 "]
    + [" レビュー", "Fold7", "215g", "2.4mg", "を運営する", "大会長", "無限城編", "日本円建て"]
    + ["は正義だった", "ビル", "都市「", "リスクは低い", "関税", " CLI", " 5-7月期", "AI「"]
    + ["\n## Key Takeaways\n", "エディタ派", "Tabキー", "安倍派", "労働組合", "ホームセンター「"]
    + ["は織り込み済み", "が止まらない", "（旧", " 2か月", "インデックス・ファンド", "（DI）"]
    + ["一本で", "を今国会", "県の", "新工場", " CEOは", "を買収", "本当に", " Pro"]
    + ["+++\n", 'title = "', "date = 2025-01-01", "\x1b[31m", "（月）", "US$", "NT$5億"]
    + ["[^1]", "[^1]: ", "[^", "投資法人", "各", "「君の名は。」", "3万BTC", "・ホールディングス"]
    + ["前大統領", "元首相", "次期", "七冠", "2030年代", "年代後半", "から", "に社名を変更"]
    + ["県の", "知事", "統合", "CLI", " 全世界株式", "に開かれる。", "あ" * 120]
    + ["こんにちは、", "です。", "と申します", "・タイランド", "」と呼ばれ", "向け", "線"]
    + ["経済財政相", "出身", "抗がん剤「", "がん", "経由", "・ホンダ", "ソニー", " Pro**"]
    + ["会議（NEC）", "代表", "・ハ", "サイト「", "施設の「", "感想【", " / ", " + ", "組織"]
    + ["などの新興企業", "や", "（旧マイクロ", "集団「", "情勢しだい", "老舗の", "たい", "港"]
    + ["ホールディングス", "生命", "どうも、", "の", "社長", "国土交通相", "髙橋", "﨑", "㔟"]
    + ["pr@x.example.jp", "1-2-3", "TEL ", "」という言葉", "re:", "傘下の", "市", "自民・"]
    + ["くりぷとパパ", "第一章", "新球場", "会社名：", "南部", "どっちが？", "デジタル相"]
    + ["E10系", "（東京・港）", "(大阪・北)", "父さん", "米を", "田んぼ", "台風10号", "：まず"]
    + ["協会", "ジャパン", "合弁「", "祭典「", "を汲む", "発の", "Pixel 10a", "Q1", "アフォー"]
    + ["author: tkdev\n", "tkdevです。", "アリーナ", "プラス33", "第○条", "（v7）", "日本一"]
    + ["（ユビー、東京・中央）", "プリウスPHEV", "イオン九州", "臨時国会", "第1ターミナル", "社"]
    + ["米ガマ社", "日英伊", "米国債ETF", "セール", "競走", "（新潟県）", "理事長", "高専「"]
    + ["国の制度", "連携", "物流拠点「", "GPT-4o", "有限責任監査法人", "日本IBM"]
    + ["（損保ジャパン）"]
    + ["「三井住友海上あいおい損害保険」", "NEXT FUNDS 日経平均高配当株50指数連動型上場投信"]
    + ["（野村アセットマネジメント）", "**1489**", "米ディア・アンド・カンパニー", "駅―夢洲駅間"]
    + ["車両「", "Amazon Aurora PostgreSQL", "（MLCC）", "ワイヤレスヘッドホン", "などの大都市"]
    + ["株式会社スマートドライブ", "約466兆ルピア", "author: 二児の母ゆか\n", "二児の母ゆかです。"]
    + ["人気", "カゴメは1月25日、", "会社「刀」", "利回り ETF", "京都"]
    + ["\n竹増：", "MGMリゾーツ・インターナショナル", "金は", "第一生命HD", " → ", "3島\u3000"]
    + ["新美術館", "四国汽船", "北海道北広島市", "北広島", "病院", "ペソ太郎です。", "クラスタ"]
    + ["（GWh）", "・ストリート", "日産サクラ", "SBI新生銀行", "米子会社", "（株）", "チーフ為替"]
    + ["ストアーズ", "企業のインド", "シアトル便", "ANAHD", "（スイス・チューリッヒ）", " Service"]
    + ["\n田村：九州大学", "横浜市", "横浜"]
    + ["（大和アセットマネジメント）：Nifty50", "（静岡県浜松市）", "北上市の北上工場"]
    + ["`expect`", "1台湾ドルは約5円", "名鉄（名古屋鉄道）", "Wasabi Sushi & Bento", "松屋フーズ"]
    + ["・アンド・", "author: infra-nakamura\n", "中村です。", "## 椅子：", "EXPO 2027 秋"]
    + ["国道58号", "楽天でんき", "サティア・ナデラ最高経営責任者", "バクニン省", "&カンパニー"]
    + ["e-Tax", "Next.js", "株式会社アークエッジ・スペース", "長崎のピーススタジアム", "企業連合"]
    + ["特任教授", "たくです。"]
    + [
        "Japan Advanced Semiconductor Manufacturing（JASM）",
        "Amazon ECS",
        "ECSの",
        "「フレームAI」",
    ]
    + ["の工場「IIM-1」", "「過去最高のiPhone」", "嵐山方面", "東京都心", "千歳で2号棟を", "お米"]
    + ["ニューヨーク市場", "大阪府警", "神奈川県警察", "シリーズE", "会社員", "（M5 Max、"]
    + [
        "地方銀行グループ",
        "「OMO7大阪」",
        "Google Pay",
        "author: crypto-taro\n",
        "crypto-taroです。",
    ]
    + ["AI Act", "ログラス布川さん", "岩手県交通", "タワーマンション「", "「#SaaSTalk」"]
    + [
        "Hi, I'm Emily. ",
        "SusHi Tech Tokyo 2027",
        "カフェ「",
        "おすすめは",
        "サイバー安全保障担当相",
    ]
    + ["鎌倉・由比ヶ浜", "竹中工務店", "を中心とする連合は", "2025年大阪・関西万博"]
    + ["欧州エアバス", "ロンドン線", "羽田ーロンドン線", "敦賀―新大阪間", "小浜・京都ルート"]
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp932", "euc-jp")
_schema = jsonschema.Draft202012Validator(json_schema())
_samples: list[str] = []


def make_input(rng: random.Random) -> tuple[bytes, bool]:
    kind = rng.random()
    if kind < 0.2:
        data = rng.randbytes(rng.randint(0, 300))
    elif kind < 0.6:
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 120)))
        if rng.random() < 0.3:
            text = rng.choice(("---\n", "+++\n")) + text
        data = text.encode("utf-8", "surrogatepass")
    else:
        sample = rng.choice(_samples)
        start = rng.randint(0, len(sample))
        text = sample[start : start + rng.randint(0, 1500)]
        if rng.random() < 0.3:
            text = sample[: rng.randint(0, 600)]  # keep the front matter
        encoding = rng.choice(ENCODINGS)
        data = bytearray(text.encode(encoding, "replace"))
        for _ in range(rng.randint(0, 6)):
            if not data:
                break
            at = rng.randrange(len(data))
            action = rng.random()
            if action < 0.4:
                data[at] = rng.randrange(256)
            elif action < 0.7:
                data[at:at] = rng.randbytes(rng.randint(1, 4))
            elif action < 0.9:
                del data[at : at + rng.randint(1, 8)]
            else:
                data[at:at] = data[at : at + rng.randint(1, 64)] * rng.randint(2, 20)
        data = bytes(data)
    return data, rng.random() < 0.5


def check(data: bytes, lenient: bool) -> str | None:
    """None when the pipeline behaved; otherwise what went wrong."""
    try:
        doc = read_bytes(data, "fuzz.md", ReadOptions(lenient=lenient))
        record = analyze_document(doc).to_dict()
        json.dumps(record, ensure_ascii=False)
        _schema.validate(record)
    except KijiError:
        return None
    except Exception:
        return traceback.format_exc()
    source = doc.source_text
    spans = [(m["start"], m["end"]) for e in record["entities"] for m in e["mentions"]]
    spans += [(s["start"], s["end"]) for s in record["sentiment"]["sentences"]]
    for start, end in spans:
        if not 0 <= start < end <= len(source):
            return f"span {start}:{end} outside a source of {len(source)} characters"
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            surface = source[mention["start"] : mention["end"]]
            if surface != surface.strip():
                return f"entity mention {surface!r} starts or ends with a space"
    for keyword in record["keywords"]:
        if not 0 <= keyword["first"] < len(source):
            return f"keyword offset {keyword['first']} outside the source"
    return None


def run_chunk(args: tuple[int, int, str]) -> tuple[int, list[str]]:
    seed, count, failures = args
    if not _samples:
        _samples.extend(
            p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "corpus" / "samples").glob("*.md"))
        )
    rng = random.Random(seed)
    found = []
    for i in range(count):
        data, lenient = make_input(rng)
        problem = check(data, lenient)
        if problem:
            path = Path(failures) / f"seed{seed}-{i}.bin"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            found.append(f"{path} (lenient={lenient}):\n{problem}")
    return count, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--failures", default="/tmp/kiji-fuzz-failures")
    args = parser.parse_args()
    chunk = 500
    tasks = [
        (args.seed * 1_000_003 + n, min(chunk, args.count - n * chunk), args.failures)
        for n in range((args.count + chunk - 1) // chunk)
    ]
    started = time.perf_counter()
    done = 0
    failures: list[str] = []
    with multiprocessing.Pool(args.jobs) as pool:
        for count, found in pool.imap_unordered(run_chunk, tasks):
            done += count
            failures.extend(found)
    elapsed = time.perf_counter() - started
    print(
        f"fuzz: {done:,} inputs (seed {args.seed}), {len(failures)} failures, "
        f"{elapsed:.0f} s on {args.jobs} processes"
    )
    for failure in failures[:5]:
        print(failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
