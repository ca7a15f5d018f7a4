"""Article segmentation: the dev gold (pages 000-002), the two other seed pages, and small
invented pages under tests/pages/ with their own gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from qa.build import read_articles
from qa.evaluate import coverage, score_segmentation
from qa.ingest.catalog import read_catalog
from qa.passages import article_passages
from qa.segment.articles import Article, segment_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT / "tests" / "eval"
GOLD = EVAL / "articles-dev.jsonl"
PAGES = ROOT / "tests" / "pages"
BYLINE_BITS = ("讯（记者", "讯(记者", "本报讯", "摄影）", "摄影)", "本报记者", "□", "上接第")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in _read(path).splitlines() if line.strip()]


def _seed(prefix: str) -> tuple[str, str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.name, _read(path)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[Article]]]:
    out = {}
    catalog = read_catalog(SEEDS)[0]  # as a build reads them: with the seeds' catalogue
    for path in sorted(SEEDS.glob("*.txt")):
        text = _read(path)
        out[path.name] = (text, read_articles(path.name, text, catalog))
    return out


def _score(rows: list[dict], pages: dict[str, tuple[str, list[Article]]]) -> dict:
    return score_segmentation(
        rows, {k: v[1] for k, v in pages.items()}, {k: v[0] for k, v in pages.items()}
    )


def test_dev_gold_holds_exactly(seeds):
    # Pages 000-002 (23 gold articles): every measure 1.00, and it must stay so (the
    # customer's gold; a change that moves one field of one article fails here).
    res = _score(_rows(GOLD), seeds)
    assert res["recall"] == res["precision"] == 1.0
    assert res["boundary_start"] == res["boundary_end"] == 1.0
    for f in ("headline", "byline", "subheadlines", "date", "publication", "kind"):
        assert res[f"{f}_acc_all"] == 1.0, (f, res["errors"])


def test_gold_of_pages_003_004_by_another_reader(seeds):
    # tests/eval/articles-003-004.jsonl: 14 articles annotated by a colleague who had not
    # seen our output, following articles-dev.jsonl's conventions. First run: recall 13/14,
    # precision 13/15, body start/end 1.00 of found; headline 12/13, byline 13/13,
    # subheadlines 9/13, date 13/13, publication 12/13, kind 13/13 of found. Since then an
    # editor's note that says 本报 takes the page's paper (publication 13/13). The misses are
    # readings a rule cannot settle: whether 百城千校… (no byline, same subject) ends the
    # continuation or stands alone; whether 对年度任务进行一次“回头看” is a kicker or the
    # first line of the headline; which article each column label belongs to.
    gold = _rows(EVAL / "articles-003-004.jsonl")
    res = _score(gold, {k: v for k, v in seeds.items() if k.startswith(("003", "004"))})
    assert res["recall"] >= 0.9 and res["precision"] >= 0.85
    assert res["boundary_start"] >= 0.95 and res["boundary_end"] >= 0.95
    for f, floor in (("headline", 0.9), ("byline", 0.95), ("date", 0.95), ("kind", 0.95)):
        assert res[f"{f}_acc"] >= floor, (f, res["errors"])
    assert res["publication_acc"] >= 0.95 and res["subheadlines_acc"] >= 0.65


@pytest.mark.parametrize(
    "stem",
    [
        "pa_after_narrow",
        "pb_before_wide",
        "pc_continuation_ad",
        "pd_fragments",
        "pe_fragment_order",
        "pf_column_note",
    ],
)
def test_invented_pages(stem):
    # Measured: every invented page scores 1.00 on every measure. Not all are held out:
    # pb/pc/pd were written while the rules were tuned; pe was written after its rule;
    # pf's first run exposed a bug (a column's width judged across the next article).
    text = _read(PAGES / f"{stem}.txt")
    rows = _rows(PAGES / f"{stem}.jsonl")
    res = _score(rows, {f"{stem}.txt": (text, segment_page(f"{stem}.txt", text))})
    assert res["recall"] == 1.0 and res["precision"] == 1.0, res["errors"]
    for f in ("headline", "byline", "subheadlines", "date", "publication", "kind"):
        assert res[f"{f}_acc_all"] >= 0.75, (f, res["errors"])


def test_stranded_fragments_are_joined_in_reading_order():
    # pe_fragment_order: three fragments of the second article printed before its headline,
    # in the page order 朐县评选..., 260人取得..., 念好“用”字经...同时，临
    text = _read(PAGES / "pe_fragment_order.txt")
    art = segment_page("pe_fragment_order.txt", text)[1]
    body = "".join("".join(text[s:e].split()) for s, e in art.body_spans)
    assert "其中260人取得" in body and "樱桃种植面积扩大到1.2万亩。念好“用”字经" in body
    assert "同时，临朐县评选" in body and body.endswith("尊才爱才的浓厚氛围。")


def _all_pages(seeds) -> list[tuple[str, list[Article]]]:
    pages = list(seeds.values())
    for path in sorted(PAGES.glob("*.txt")):
        text = _read(path)
        pages.append((text, segment_page(path.name, text)))
    return pages


def test_spans_exact_and_disjoint(seeds):
    for text, arts in _all_pages(seeds):
        spans = sorted(s for a in arts for s in a.body_spans)
        for s, e in spans:
            assert 0 <= s < e <= len(text)
            assert not text[s].isspace() and not text[e - 1].isspace()
        for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, "body spans of different articles overlap"
        for a in arts:
            assert a.char_start <= min(s for s, _ in a.body_spans or [(a.char_start, 0)])
            assert a.id == f"{a.source.rsplit('.', 1)[0]}-{a.seq:02d}"


def test_no_byline_inside_body(seeds):
    for text, arts in _all_pages(seeds):
        for a in arts:
            if a.kind == "ad":
                continue
            for s, e in a.body_spans:
                body = "".join(text[s:e].split())
                assert not any(bit in body for bit in BYLINE_BITS), (a.id, body[:40])
                if a.byline:
                    assert a.byline not in body, a.id
                if a.headline and len(a.headline) > 6:
                    assert not body.startswith(a.headline), a.id


def test_coverage(seeds):
    # Measured: 000 0.998, 001 1.000, 002 0.998, 003 1.000, 004 0.999 (the rest are markers
    # such as 上接第一版 and datelines, attributed to an article but not body/headline/byline).
    for text, arts in _all_pages(seeds):
        assert coverage(text, arts) >= 0.97


def test_page_003_before_layout_fragments_and_ad(seeds):
    text, arts = seeds[_seed("003")[0]]
    assert arts[0].byline == "□王新端"
    assert arts[0].headline == "坚持党建引领助推军民融合"
    ad = [a for a in arts if a.kind == "ad"]
    assert len(ad) == 1 and "8900元" in "".join(text[s:e] for s, e in ad[0].body_spans)
    assert ad[0].date == ""  # its 2019年11月30日 is an offer's deadline
    feixian = next(a for a in arts if a.byline == "□赵箫")
    body = "".join("".join(text[s:e].split()) for s, e in feixian.body_spans)
    assert "“先锋贷”" in body and "县积极用好" in body  # stranded paragraphs reattached
    # ... in reading order: 青年人才 + “先锋贷”..., 激活“科技潮”。费 + 县积极用好..., end.
    assert "开发青年人才“先锋贷”" in body and "激活“科技潮”。费县积极用好" in body
    assert body.endswith("累计培训达到了3万多人次。")
    first = "".join("".join(text[s:e].split()) for s, e in arts[0].body_spans)
    assert "县积极用好" not in first and first.endswith("赵晨光说。")


def test_page_004_after_layout(seeds):
    text, arts = seeds[_seed("004")[0]]
    conts = [a for a in arts if a.kind == "continuation"]
    assert len(conts) == 1 and conts[0].headline == "家校社共育在滨州走向“全民共建”"
    first = arts[0]
    assert first.headline.startswith("群众因大病等返贫致贫可获救助金")
    assert first.byline == "滨州日报/滨州网记者葛肇敏通讯员孟渤"
    # headline printed far from its body (best effort: vocabulary shared with the body)
    patent = next(a for a in arts if "臧玉希" in a.byline)
    assert patent.headline == "我市政银企达成专利权质押融资合作意向金额近6亿元"
    assert all(a.publication == "滨州日报" for a in arts if a.byline.startswith("滨州日报"))
    # ·开栏的话· is printed apart from the unsigned column introduction it heads
    note = next(a for a in arts if a.kind == "editorial")
    assert note.headline == "开栏的话" and note.byline == ""
    body = "".join("".join(text[s:e].split()) for s, e in note.body_spans)
    assert body.startswith("“千名干部联千企”是市委") and "本报开设" in body
    assert not any("开栏的话" in sub for a in arts for sub in a.subheadlines)


def test_page_000_continuations_and_briefs(seeds):
    _, arts = seeds[_seed("000")[0]]
    kinds = [a.kind for a in arts]
    assert kinds.count("continuation") == 2 and kinds.count("briefs") == 1
    briefs = arts[kinds.index("briefs")]
    assert briefs.headline == "标题新闻" and briefs.date == "3月18日、3月19日"


def test_empty_and_trivial_pages():
    assert segment_page("x.txt", "") == []
    assert segment_page("x.txt", "\n\n  \n") == []
    one = segment_page("x.txt", "今天天气很好。\n")
    assert len(one) == 1 and one[0].body_spans == [(0, 7)]


def _page_path(stem: str) -> Path:
    tune = ROOT / "corpus" / "tune" / f"{stem}.txt"  # pages the line reader (stack.py) takes
    return next(SEEDS.glob(f"{stem}_*.txt"), tune if tune.exists() else PAGES / f"{stem}.txt")


def _counted_work(text: str) -> tuple[int, list[Article]]:
    """Segment a page and cut its passages (what a build does per page), counting the Python
    function calls made: a measure of the work that, unlike a clock, is the same every run."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    old = sys.getprofile()
    sys.setprofile(count)
    try:
        arts = segment_page("long.txt", text)
        for a in arts:
            article_passages(text, a, 150, 1)
    finally:
        sys.setprofile(old)
    return calls, arts


@pytest.mark.parametrize(
    ("stems", "copies"),
    [
        (("000",), 7),  # headlines before
        (("pa_after_narrow", "pf_column_note"), 40),  # headlines after
        (("national-1",), 12),  # headline stacks on their bodies: the line reader
        (("notices-1",), 12),  # notices signed by their issuers, display ads: the line reader
    ],
)
def test_long_pages_are_segmented_with_linear_work(stems, copies):
    # Pages printed end to end, `copies` times (~130 KB) and twice as many times (~260 KB):
    # each copy of each article is found where it is printed, and twice the text takes about
    # twice the work. Work is counted (function calls), never timed. Measured: 2.03 times the
    # work on both; 3.7 (000) and 4.0 (pa+pf) when each headline candidate re-measured the
    # whole page's width and every article was compared with every other.
    texts = [_read(_page_path(stem)).strip("\n") + "\n\n\n" for stem in stems]
    alone = [segment_page("x.txt", t) for t in texts]
    expected: list[dict] = []
    offset = 0
    for _ in range(2 * copies):
        for text, arts in zip(texts, alone):
            for a in arts:
                seq = len(expected) + 1
                d = a.to_dict()
                d.update(id=f"long-{seq:02d}", source="long.txt", seq=seq)
                d["char_start"], d["char_end"] = a.char_start + offset, a.char_end + offset
                d["body_spans"] = [[s + offset, e + offset] for s, e in a.body_spans]
                expected.append(d)
            offset += len(text)
    small, _ = _counted_work("".join(texts) * copies)
    large, arts = _counted_work("".join(texts) * (2 * copies))
    assert len(expected) >= 2 * copies * 4 and all(alone)
    assert [a.to_dict() for a in arts] == expected
    assert large <= 2.3 * small, (small, large)


def test_a_page_in_traditional_print_folds_its_fields_back_with_one_map():
    # The fields of a page in traditional print are read in its simplified copy and folded
    # back as printed; the map from folded to printed characters is made once per page, not
    # once per field (which made a long page quadratic: 2 MB took 3.2 times as long as 1 MB).
    from qa.segment.fold import _printed_forms

    text = (_read(_page_path("hkdaily-1")).strip("\n") + "\n\n\n") * 30
    _printed_forms.cache_clear()
    arts = segment_page("x.txt", text)
    assert len(arts) >= 30 and any(a.headline for a in arts)
    assert _printed_forms.cache_info().misses <= 1


def test_a_field_is_found_over_the_line_breaks_the_page_sets_in_it():
    # Fields are stored without whitespace; the page may break a headline over lines or
    # space a name. find_spaced finds the printed run within the bounds it is given, and
    # the page without whitespace is worked out once per page, not a pattern per field.
    from qa.segment.fold import _solid, find_spaced

    page = "报头\n\n滨州召开\n大会\n本报记者　王　明\n正文。\n\n滨州召开大会\n"
    assert find_spaced(page, "滨州召开大会") == (4, 11)
    assert page[slice(*find_spaced(page, "王明"))] == "王　明"
    assert find_spaced(page, "滨州召开大会", 12) == (page.rindex("滨州"), len(page) - 1)
    assert find_spaced(page, "滨州召开大会", 0, 10) is None
    assert find_spaced(page, "不在页上") is None and find_spaced(page, "") is None
    assert find_spaced(page, "记者　王") == (page.index("记者"), page.index("王") + 1)
    _solid.cache_clear()
    for value in ("滨州召开大会", "王明", "正文"):
        find_spaced(page, value)
    assert _solid.cache_info().misses == 1


ODD_PAGES = {
    "only an ad": "广告\n\n恒大城\n\n8900元/m²起\n\n"
    "上述价格按照一次性付款方式计算，优惠截止日期至2019年11月30日，售完即止。\n",
    "only briefs": "标题新闻\n\n●3月18日，滨州市巩固国家卫生城市长效管理工作调度会议召开。\n\n"
    "●3月19日，全市工业经济指挥部第二次调度会议召开。\n",
    "only a headline": "滨州召开大会\n",
    "only a caption": "送新兵激壮志\n\n日前，无棣县举行入伍新兵欢送仪式。（通讯员高士东摄影）\n",
}


@pytest.mark.parametrize("name", ODD_PAGES)
def test_pages_without_a_news_article(name):
    # These once raised IndexError (fragment moving assumed some news article).
    text = ODD_PAGES[name]
    arts = segment_page("x.txt", text)
    assert arts
    for a in arts:
        assert 0 <= a.char_start <= a.char_end <= len(text)
        assert all(a.char_start <= s < e <= a.char_end for s, e in a.body_spans)
    kinds = {"only an ad": "ad", "only briefs": "briefs", "only a caption": "caption"}
    if name in kinds:
        assert [a.kind for a in arts] == [kinds[name]]


def test_roundtrip_dict(seeds):
    _, arts = next(iter(seeds.values()))
    a = arts[0]
    assert Article.from_dict(json.loads(json.dumps(a.to_dict()))) == a


# An invented page in the line reader's form (blank lines only between pieces): a stack whose
# subtitle wraps after a comma and ends at an own-line byline, a commentary signed （某某）,
# a notice signed by its issuer and date, a poem in two stanzas signed by a bare name, its
# author's note, and a display ad with a contact line. No words of any real page.
STACK_PAGE = (
    "青禾晚报　2025年3月4日　星期二\n07　社区\n\n"
    "河畔步道\n今起全线开放\n沿线增设座椅、照明和饮水点，\n夜跑市民有了好去处\n"
    "□ 本报记者　顾　言\n　　3月3日，河畔步道改造工程\n通过验收，今起向市民全线开放。\n"
    "　　步道全长六公里，沿线新设休\n息座椅四十余处。\n\n"
    "【街谈】\n步道开放之后\n　　好设施还要有好管理，才能长\n久地方便居民。\n（林　舟）\n\n"
    "停气通知\n因燃气管网检修，定于3月6日9时\n至17时暂停供气，敬请谅解。\n"
    "青禾燃气有限公司\n2025年3月4日\n\n"
    "春　夜\n风从河上来\n吹亮一盏一盏灯\n我在桥头等你\n\n等到星星\n落进水里\n何　川\n\n"
    "作者简介：何川，青禾人，写诗多年。\n\n"
    "鲜果配送　当日送达\n整箱优惠　满百包邮\n订购电话：0577-5551234\n"
)


def test_line_reader_conventions():
    arts = segment_page("x.txt", STACK_PAGE)
    got = [(a.kind, a.headline, a.byline, a.date) for a in arts]
    assert got == [
        ("news", "河畔步道今起全线开放", "□本报记者顾言", "3月3日"),
        ("editorial", "步道开放之后", "（林舟）", ""),
        ("notice", "停气通知", "青禾燃气有限公司", ""),
        ("other", "春夜", "何川", ""),
        ("other", "", "", ""),
        ("ad", "鲜果配送当日送达", "", ""),
    ]
    assert arts[0].subheadlines == ["沿线增设座椅、照明和饮水点，夜跑市民有了好去处"]
    bodies = ["".join(STACK_PAGE[s:e].split()) for a in arts for s, e in a.body_spans[:1]]
    assert bodies[3].startswith("风从河上来") and "等到星星" in "".join(
        "".join(STACK_PAGE[s:e].split()) for s, e in arts[3].body_spans
    )
    assert bodies[4].startswith("作者简介") and bodies[5].startswith("整箱优惠")


# Writers named with their unit (under the headline and as a signature), a cartoon's credit,
# a digital edition's masthead, the staff footer and a lone page number. No real page's words.
_PARA = "　　春季气温多变，饮食宜清淡，少吃生冷，\n多喝温水，早睡早起，适当运动。\n"
UNIT_PAGE = (
    "青禾健康报数字报\n2025年3月4日　星期二\n\n"
    "春天护好脾胃\n青禾市人民医院\n消化内科　林　舟\n" + _PARA * 3 + "\n"
    "慢一点也无妨\n" + _PARA * 2 + "青禾大学中文系学生　何　川\n\n"
    "“打卡”之后\n　　调研不能只拍照，也要听听群众的心里话。\n漫画／顾　言\n\n"
    "责任编辑 林舟　美术编辑 何川　校对 顾言\n5\n"
)


def test_writers_units_credits_and_footer():
    arts = segment_page("x.txt", UNIT_PAGE)
    assert [(a.kind, a.headline, a.byline, a.publication) for a in arts] == [
        ("news", "春天护好脾胃", "青禾市人民医院消化内科林舟", "青禾健康报"),
        ("editorial", "慢一点也无妨", "青禾大学中文系学生何川", "青禾健康报"),
        ("caption", "“打卡”之后", "漫画／顾言", "青禾健康报"),
    ]
    assert UNIT_PAGE[arts[-1].body_spans[-1][1] - 1] == "。"  # the footer is no body


def test_a_page_in_traditional_characters_is_read_by_the_same_conventions():
    # fold.py: 【本報訊】（記者…）, 本報評論員 are matched as their simplified forms; what a
    # citation shows (headline, byline, body) stays as the page prints it, at its offsets.
    text = (
        "某某日報｜要聞｜2024年6月12日（星期三）｜A6版\n\n"
        "舊樓維修須限期完成\n"
        "【本報訊】（記者 陳某）屋宇署昨日向業主發出修葺令，要求限期展開工程。\n"
        "業主表示會盡快處理，並已聯絡顧問公司檢驗外牆。\n"
        "區議員促請當局加快審批資助申請，協助長者業主。\n"
        "屋宇署發言人呼籲舊樓業主定期檢查外牆及簷篷。\n\n"
        "·短評·\n"
        "舊樓維修不能再拖\n"
        "舊樓問題不會自行消失，拖得愈久，代價愈大。\n"
        "當局除了發出修葺令，更應主動協助業主成立法團。\n"
        "與其事後補救，不如及早未雨綢繆，定期保養。\n"
        "本報評論員　方某\n"
    )
    arts = segment_page("hk.txt", text)
    assert [a.headline for a in arts] == ["舊樓維修須限期完成", "舊樓維修不能再拖"]
    assert arts[0].byline == "【本報訊】（記者陳某）"
    assert arts[1].byline == "本報評論員方某" and arts[1].kind == "editorial"
    s, _e = arts[0].body_spans[0]
    assert text[s:].startswith("屋宇署")


# Round 4's conventions on invented pages (no real page's words): a reprint's source closing
# it, an oral history's labelled credits, a genre label in brackets under the headline; an
# official document (title, number, attachments, signature) and court notices each signed
# by the court and a date, set with a blank line between them.
_LINE = "　　{}\n"
DIGEST_PAGE = (
    "青禾文摘报　2025年3月4日　星期二\n\n"
    "老街的新书店\n"
    + _LINE.format("老街上新开了一家书店，店主每天清晨开门，傍晚打烊。")
    + _LINE.format("书店不大，只有两排书架，却总是坐满了人。")
    + _LINE.format("来往的居民常常进去坐一坐，翻几页书。（摘自《青禾晚报》　林舟文）")
    + "\n那年我回到村小\n口述：何川　整理：本报记者　\n顾　言\n"
    + _LINE.format("我在村小教了十年书，后来离开，又回来了。")
    + _LINE.format("回来以后，我又站上了讲台。")
    + _LINE.format("孩子们的笑声，一直留在我心里。")
    + "\n桥下的一夜\n（记者手记）\n"
    + _LINE.format("凌晨两点，检修队员已经在桥下忙碌。")
    + _LINE.format("他们要在五个小时里换下十二块桥板。")
    + _LINE.format("天亮时，桥面重新通车。")
)
NOTICE_PAGE = (
    "青禾法治报　2025年3月4日　第7版\n\n"
    "青禾市人民政府关于做好春季防火工作的通知\n青政发〔2025〕3号\n"
    "各区县人民政府，市政府各部门：\n"
    "当前正值春季防火关键期，各地要落实责任，加强巡查。\n"
    "附件：1.春季防火重点区域名单\n2.春季防火值班安排表\n"
    "青禾市人民政府\n2025年3月1日\n\n"
    "青禾市中级人民法院公告\n"
    "林某：本院受理原告何某诉你借款合同纠纷一案，因你下落不明，现依法向你公告送达起诉状副本。\n"
    "特此公告。\n青禾市中级人民法院\n二〇二五年二月二十日\n\n"
    "青禾市东区人民法院公告\n"
    "顾某：本院受理申请人林某申请支付令一案，现依法向你公告送达支付令。\n"
    "特此公告。\n青禾市东区人民法院\n二〇二五年二月二十一日\n"
)


def test_reprint_sources_labelled_credits_and_bracketed_genre_tags():
    arts = segment_page("x.txt", DIGEST_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "老街的新书店", "（摘自《青禾晚报》林舟文）"),
        ("news", "那年我回到村小", "口述：何川整理：本报记者顾言"),
        ("editorial", "桥下的一夜", ""),
    ]
    first = "".join(DIGEST_PAGE[s:e] for s, e in arts[2].body_spans)
    assert "记者手记" not in first


def test_official_documents_and_court_notices_signed_by_issuer_and_date():
    arts = segment_page("x.txt", NOTICE_PAGE)
    assert [(a.kind, a.headline, a.subheadlines, a.byline) for a in arts] == [
        (
            "notice",
            "青禾市人民政府关于做好春季防火工作的通知",
            ["青政发〔2025〕3号"],
            "青禾市人民政府",
        ),
        ("notice", "青禾市中级人民法院公告", [], "青禾市中级人民法院"),
        ("notice", "青禾市东区人民法院公告", [], "青禾市东区人民法院"),
    ]
    annex = "".join(NOTICE_PAGE[s:e] for s, e in arts[0].body_spans)
    assert annex.rstrip().endswith("2.春季防火值班安排表")


# Round 6 conventions, on invented pages. A plain line over two phrases set apart by a
# space: in traditional print the headline and its subtitle; in simplified print kicker +
# headline as often as headline + subtitle, so the headline is unknown.
_PAIR_STACK = (
    "{paper}　2025年4月2日　星期三\n\n"
    "{head}\n{pair}\n"
    "{dateline}市政部门昨日表示，{street}下月起逢周末试行步行街，为期两个月，届时公交改道。\n"
    "部门又称，试行期间将增设座椅和指示牌，并安排人员在路口维持秩序，欢迎市民提出意见。\n"
    "有商户认为步行街有助吸引游客驻足消费，也有居民担心夜间噪音，希望加强管理。\n"
)


def test_a_pair_of_phrases_under_a_plain_line_is_a_subtitle_only_in_traditional_print():
    simplified = _PAIR_STACK.format(
        paper="青禾日报",
        head="老城区周末试行步行街",
        pair="为期两个月　公交线路改道",
        dateline="本报讯　",
        street="老城区",
    )
    a = segment_page("x.txt", simplified)[0]
    assert (a.headline, a.subheadlines) == ("", ["老城区周末试行步行街", "为期两个月公交线路改道"])
    traditional = _PAIR_STACK.format(
        paper="青禾日報",
        head="舊城區週末試行步行街",
        pair="為期兩個月　巴士路線改道",
        dateline="【本報訊】",
        street="舊城區",
    )
    b = segment_page("x.txt", traditional)[0]
    assert (b.headline, b.subheadlines) == ("舊城區週末試行步行街", ["為期兩個月巴士路線改道"])


def test_a_byline_names_a_transliterated_name_joined_by_middle_dots():
    page = (
        "青禾日报　2025年4月2日　星期三\n\n"
        "【边境小镇】\n口岸小镇的早市\n本报记者　阿依古丽·买买提\n"
        "清晨，口岸小镇的早市已经热闹起来，摊主们摆出新鲜的瓜果和奶制品。\n"
        "镇上的居民说，这几年口岸开放，来往的客商多了，早市一年比一年红火。\n"
        "一位卖馕的老人告诉记者，他在早市摆摊已经二十年，如今每天能卖出两百多个。\n"
        "镇里还在早市旁建起了停车场和公共厕所，方便远道而来的客商。\n"
    )
    a = segment_page("x.txt", page)[0]
    assert (a.headline, a.byline) == ("口岸小镇的早市", "本报记者阿依古丽·买买提")


def test_a_labelled_author_with_a_wrapped_unit_and_a_notes_column_label():
    # a theory page: 作者：某某（unit） under the title, the bracket wrapped onto a second
    # line; a column label ending in 札记 over an essay's title is a tag
    body = "　　{}\n"
    page = (
        "青禾日报　理论　2025年4月2日　第9版\n\n"
        "把功夫下在平时\n作者：林青山（青禾市委\n党校副教授）\n"
        + body.format("干部的本领不是一天练成的，")
        + "靠的是平时一点一滴的积累。\n"
        + body.format("要在日常工作中多读书、多思考。")
        + body.format("只有这样，遇到难题才能从容应对。")
        + "\n读书札记\n慢读的乐趣\n□ 顾　言\n"
        + body.format("读书不必求快，慢一点，")
        + "才能读出书里的滋味。\n"
        + body.format("一本好书值得反复读上几遍。")
    )
    arts = segment_page("x.txt", page)
    assert [(a.kind, a.headline, a.subheadlines, a.byline) for a in arts] == [
        ("editorial", "把功夫下在平时", [], "作者：林青山（青禾市委党校副教授）"),
        ("editorial", "慢读的乐趣", [], "□顾言"),
    ]


# A morning paper's front page: a masthead block of seven lines ending with the page
# (B01: section letter and number), a story jumping to a page named by letter and number
# without 第, and a dateline by the paper's short name (晚报讯) with its bracket wrapped.
MORNING_PAGE = (
    "青禾晚报\nQINGHE EVENING NEWS\n2025年4月2日　星期三\n农历乙巳年三月初五\n"
    "今日16版　第3021期\n国内统一连续出版物号 CN 99-0001\nB01\n\n"
    "城东新建三座口袋公园\n晚报记者 林 舟\n"
    "城东三座口袋公园昨日同时开放，\n附近居民步行五分钟即可到达。\n"
    "公园里设有健身器材和儿童游乐区，\n晚上开放到十点。\n（下转B03版）\n\n"
    "雨夜护送迷路孩童\n晚报讯（记者 顾 言 通讯员\n 何 川）4月1日晚，一名迷路\n"
    "的孩童在车站哭泣，巡逻民警\n将他安全送回家中。\n"
)


def test_letter_numbered_pages_jump_markers_and_a_short_name_dateline():
    from qa.ingest.catalog import page_furniture

    assert page_furniture(MORNING_PAGE).page == "B1"  # (the section letter is the page's)
    arts = segment_page("x.txt", MORNING_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("城东新建三座口袋公园", "晚报记者林舟"),
        ("雨夜护送迷路孩童", "晚报讯（记者顾言通讯员何川）"),
    ]
    first = "".join(MORNING_PAGE[s:e] for s, e in arts[0].body_spans)
    assert first.rstrip().endswith("晚上开放到十点。")
    second = "".join(MORNING_PAGE[s:e] for s, e in arts[1].body_spans)
    assert second.startswith("4月1日晚")


# A 1970s page: a header of a date in Chinese numerals and the paper and page, longer than
# twelve characters after the date; a collective author (某某报道组) under 本报通讯员; a
# caption closed by a photo credit without brackets after a space.
_OLD = "　　{}\n"
SEVENTIES_PAGE = (
    "一九七六年五月四日　星期二　　青禾日报　　第三版\n\n"
    "青禾公社抢种早稻八千亩\n本报通讯员\n青禾公社东风大队报道组\n"
    + _OLD.format("青禾公社各大队抓住晴好天气，")
    + "组织劳力抢插早稻，进度比去年\n同期快了一周。\n"
    + _OLD.format("社员们起早贪黑，田间地头")
    + "一片繁忙。\n\n"
    "渠水流进新稻田\n" + _OLD.format("新修的水渠已经通水，") + "两岸稻田一片新绿。　新华社记者摄\n"
)


def test_an_old_page_header_a_collective_author_and_a_bare_photo_credit():
    arts = segment_page("x.txt", SEVENTIES_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "青禾公社抢种早稻八千亩", "本报通讯员青禾公社东风大队报道组"),
        ("caption", "渠水流进新稻田", "新华社记者摄"),
    ]


# A Q&A column printed a paragraph a line: a question headline ending in a word that also
# ends a unit's name (…怎么办) over 本报记者 某某; a reminder (某某提示) is a notice; a
# display ad of slogans and a phone number on one line after a blank line is a piece.
QA_PAGE = (
    "青禾晚报　2025年4月2日　星期三　第8版　民生问答\n\n"
    "社保卡丢了怎么办\n本报记者　林舟\n"
    "　　问：我的社保卡不小心丢了，补办需要多长时间？\n"
    "　　答：市人社局工作人员介绍，社保卡丢失后应先挂失，"
    "再到任一合作银行网点申请补办，一般当场就能领到新卡。\n"
    "　　工作人员提醒，挂失可以通过电话或手机应用办理，十分方便。\n\n"
    "用电安全提示\n"
    "　　夏季用电量大，市民外出时请关闭不用的电器，发现电线老化要及时请专业人员更换。\n\n"
    "　　青禾搬家　长途短途　家具拆装　钢琴搬运　日式保洁　电话：5566××××\n"
)


def test_a_question_headline_over_a_byline_a_reminder_notice_and_a_one_line_ad():
    arts = segment_page("x.txt", QA_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "社保卡丢了怎么办", "本报记者林舟"),
        ("notice", "用电安全提示", ""),
        ("ad", "", ""),
    ]


# A culture page: a list's heading (新书架) over items without bullets, each a book's
# title line over an indented note, after a caption closed by its photo credit.
BOOKS_PAGE = (
    "青禾文化周刊　2025年4月2日　星期三\n第5版　读书\n\n"
    "老城书店的新主人\n本报记者　林舟\n"
    "　　老城那家开了三十年的书店换了新主人。新店主是一位刚毕业的\n"
    "大学生，她保留了旧书架，又添了一间小小的阅读室。\n"
    "　　开业第一周，不少老街坊专程来看，说书店还是原来的味道。有人\n"
    "带来了自家的旧书，说要放在这里给更多的人读；有人坐在窗边，\n"
    "一坐就是一下午。新店主说，她想让书店成为街坊们的客厅，每个\n"
    "周末都请一位作者来和读者聊聊天。\n\n"
    "春日书市\n"
    "　　4月1日，市民在青禾书城挑选新书。近日，全市多家书店推出春季\n"
    "书市，吸引不少读者。（记者 林 舟 摄）\n\n"
    "新书架\n"
    "《河边的茶馆》　顾言 著　青禾出版社\n"
    "　　作者用十年时间记录一座茶馆里的人来人往，笔调温和。\n"
    "《山里的学校》　何川 著　青禾少年儿童出版社\n"
    "　　讲述一位乡村教师和学生们的故事，适合亲子共读。\n"
)


def test_a_list_heading_governs_unbulleted_items_up_to_the_blank_line():
    arts = segment_page("x.txt", BOOKS_PAGE)
    kinds = [(a.kind, a.headline) for a in arts]
    assert kinds[1:] == [("caption", "春日书市"), ("briefs", "新书架")]
    books = "".join(BOOKS_PAGE[s:e] for s, e in arts[2].body_spans)
    assert books.startswith("《河边的茶馆》") and books.rstrip().endswith("适合亲子共读。")


def test_an_updates_list_is_briefs_dated_by_its_first_item_and_keeps_item_credits():
    # 某某动态 (updates) heads a list like 简讯; its first item opens with a date; the
    # credit closing the last item is that item's
    page = BOOKS_PAGE.split("新书架")[0] + (
        "行业动态\n"
        "3月28日，青禾市首家社区书店联盟成立，十二家书店\n"
        "将共享会员和活动资源。（林舟）\n"
        "日前，青禾图书馆推出夜间阅览服务，每周五开放到晚上\n"
        "九点。（顾言）\n"
    )
    a = segment_page("x.txt", page)[-1]
    assert (a.kind, a.headline, a.date) == ("briefs", "行业动态", "3月28日")
    items = "".join(page[s:e] for s, e in a.body_spans)
    assert items.rstrip().endswith("（顾言）")


# A legal Q&A column: a reader's question, the answer, and the lawyer's signature in
# brackets naming the firm, the role and (after a space) the name; the firm may wrap.
LAW_PAGE = (
    "青禾法治周刊　2025年5月6日　星期二\n第4版　法律服务\n\n"
    "邻居装修噪音扰民怎么办\n"
    "　　读者王先生问：楼上邻居装修，每天早上七点就开始敲打，我该怎\n"
    "么办？\n"
    "　　答：装修应当遵守物业管理规约规定的作业时间。协商不成的，可以\n"
    "请物业出面调解，也可以向有关部门反映。\n"
    "（青禾明德律师事务所律师　林　舟）\n\n"
    "网购商品降价能否退差价\n"
    "　　读者小李问：刚买的电饭锅第二天就降价了，能要求退差价吗？\n"
    "　　答：商家承诺过价格保护的，可以按约定申请。（青禾明德律师事\n"
    "务所律师　顾言）\n"
)


def test_an_experts_bracketed_signature_naming_unit_role_and_name_closes_the_answer():
    arts = segment_page("x.txt", LAW_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("邻居装修噪音扰民怎么办", "（青禾明德律师事务所律师林舟）"),
        ("网购商品降价能否退差价", "（青禾明德律师事务所律师顾言）"),
    ]
    last = "".join(LAW_PAGE[s:e] for s, e in arts[1].body_spans)
    assert last.rstrip().endswith("可以按约定申请。")


# A humour or Party-building page: contributors sign under the last paragraph with where
# they live or work, a space and the name; a □ name signs there as well, with the
# writer's note in brackets under it.
SIGNED_PAGE = (
    "青禾晚报　2025年6月3日　星期二\n第9版　副刊\n\n"
    "我家的扫地机\n"
    "　　扫地机买回来第三天，就学会了躲进沙发底下不出来。我趴在地上\n"
    "找了半天，它在里面说：“电量不足，请带我回家。”我只好把它抱出来，\n"
    "放回充电座上。从那以后，家里谁找不到东西，都先去沙发底下看看，\n"
    "十回有八回能找到。\n"
    "江西赣州　林小川\n\n"
    "下好基层这盘棋\n"
    "　　到村里工作五年，我最深的体会是，群众的事再小也是大事。修一\n"
    "段路、装一盏灯，看起来不起眼，却是乡亲们天天挂在嘴边的心事。\n"
    "青山镇石桥村党支部书记　何　川\n\n"
    "市场短期或维持震荡\n"
    "　　五月以来，市场成交温和，板块轮动较快，投资者宜控制仓位，关\n"
    "注业绩稳定、现金流较好的公司，不宜追涨杀跌。\n"
    "□ 顾言\n"
    "（作者系青禾证券分析师）\n"
)


def test_a_contributors_place_and_name_or_a_box_name_signs_under_the_last_paragraph():
    arts = segment_page("x.txt", SIGNED_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("editorial", "我家的扫地机", "江西赣州林小川"),
        ("editorial", "下好基层这盘棋", "青山镇石桥村党支部书记何川"),
        ("editorial", "市场短期或维持震荡", "□顾言（作者系青禾证券分析师）"),
    ]


# A column tag over a one-line title leaves the title the headline (not a bare name);
# a headline's rest wrapped onto a short line ending on a particle is no name either.
TAGGED_PAGE = (
    "青禾晚报　2025年6月4日　星期三\n第10版　副刊\n\n"
    "【小小说】\n"
    "钥匙\n"
    "　　老林退休那天，把办公室的钥匙放在桌上，看了很久才转身出门。\n"
    "　　第二天早上，他还是七点就醒了，穿好衣服走到门口，才想起不用\n"
    "再去上班了。他站在门口笑了笑，转身去菜市场买了一把青菜。\n"
    "　　从那以后，他每天早上都去菜市场，和卖菜的老张聊上几句。\n\n"
    "读者来信\n"
    "巷口的路灯该\n"
    "修好了\n"
    "　　编辑同志：我家住在青禾路的小巷里，巷口的路灯坏了快两个月，\n"
    "晚上老人孩子进出很不方便。\n"
    "　　希望有关部门能来看一看。\n"
    "青禾市读者　何川\n"
)


def test_a_tag_over_a_one_line_title_and_a_wrapped_rest_ending_on_a_particle_stay_headline():
    arts = segment_page("x.txt", TAGGED_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("钥匙", ""),
        ("巷口的路灯该修好了", "青禾市读者何川"),
    ]


# A reading page: a book excerpt under a column tag, its title, the source line and the
# book's credit (author 著, publisher and edition: not page furniture); a list of new books
# headed 新书速递.
EXCERPT_PAGE = (
    "青禾日报　2025年4月23日　星期三\n第8版　读书\n\n"
    "【书摘】\n"
    "井台边的夏天\n"
    "——摘自《小城旧事》\n"
    "何川　著　青禾文艺出版社2025年3月版\n"
    "　　小时候，巷子口有一口老井，夏天的傍晚，大人们都爱到井台边乘凉。\n"
    "　　井水凉得冰手，西瓜在水桶里泡上半个时辰，切开来满院子都是甜味。\n"
    "　　后来家家通了自来水，井口盖上了石板，井台边也就慢慢冷清了。\n\n"
    "新书速递\n"
    "　　《海边的灯塔》　顾言　著　青禾出版社\n"
    "　　一位守塔人三十年的日记，写海，也写守望。\n"
    "　　《山路弯弯》　林舟　著　青禾少年儿童出版社\n"
    "　　讲述山区孩子上学路上的故事，适合亲子共读。\n"
)


def test_a_book_excerpt_is_credited_to_its_book_and_a_new_books_list_is_briefs():
    arts = segment_page("x.txt", EXCERPT_PAGE)
    assert [(a.kind, a.headline, a.subheadlines, a.byline) for a in arts] == [
        ("other", "井台边的夏天", ["——摘自《小城旧事》"], "何川著青禾文艺出版社2025年3月版"),
        ("briefs", "新书速递", [], ""),
    ]
    books = "".join(EXCERPT_PAGE[s:e] for s, e in arts[1].body_spans)
    assert books.lstrip().startswith("《海边的灯塔》") and books.rstrip().endswith("亲子共读。")


# A price list: a heading over rows in cells, closed by a labelled note (注：…) that wraps
# over lines and names the data's source; the note is the table's, not a piece.
PRICES_PAGE = (
    "青禾商报　2025年1月20日　星期一\n第6版　市场\n\n"
    "本周蔬菜零售价格\n"
    "品名　价格　涨跌\n"
    "白菜　1.30　持平\n"
    "萝卜　1.20　↑\n"
    "芹菜　3.60　↑\n"
    "茄子　4.80　↓\n"
    "辣椒　5.20　↓\n"
    "土豆　1.90　持平\n"
    "注：单位为元/500克，涨跌与上\n"
    "周相比。数据来源：青禾市物价\n"
    "监测中心\n\n"
    "春节前菜价总体平稳\n"
    "本报记者　林舟\n"
    "　　记者近日走访市区几家农贸市场发现，春节临近，蔬菜供应充足，价格总体平稳。\n"
    "　　市场管理方表示，节前将延长营业时间，方便市民采购年货。\n"
)


def test_a_labelled_note_under_a_price_table_belongs_to_the_table():
    arts = segment_page("x.txt", PRICES_PAGE)
    assert [(a.kind, a.headline) for a in arts] == [
        ("other", "本周蔬菜零售价格"),
        ("news", "春节前菜价总体平稳"),
    ]
    table = "".join(PRICES_PAGE[s:e] for s, e in arts[0].body_spans)
    assert table.rstrip().endswith("监测中心")


# A bulleted list of market news ends at the blank line after its last finished item: the
# shop's notice past it, ending with its hotline and then its address, is an ad.
AFTER_LIST_PAGE = PRICES_PAGE + (
    "\n市场快讯\n"
    "●1月18日起，青禾市三个农贸市场设立平价菜专柜，每天供应十种以上\n"
    "常用蔬菜。\n"
    "●春节期间，全市主要农贸市场正常营业，市民可提前做好采购安排。\n\n"
    "团圆饭不用愁！青禾小厨推出六道菜、十道菜两款半成品套餐，除夕前\n"
    "免费配送到家。订购热线：0700-6655443\n"
    "地址：青禾市东门路18号\n"
)


def test_a_bulleted_list_ends_at_a_blank_line_after_a_finished_item():
    arts = segment_page("x.txt", AFTER_LIST_PAGE)
    assert [(a.kind, a.headline) for a in arts[-2:]] == [("briefs", "市场快讯"), ("ad", "")]
    ad = "".join(AFTER_LIST_PAGE[s:e] for s, e in arts[-1].body_spans)
    assert ad.startswith("团圆饭不用愁") and ad.rstrip().endswith("东门路18号")


# A headline that asks a question, ending with ？, over its byline, right after a notice.
QUESTION_PAGE = (
    "青禾晚报　2025年11月6日　星期四\n第7版　天气\n\n"
    "气象提示\n"
    "青禾市气象台今天发布大风蓝色预警信号：预计明后两天我市将出现6至7级偏北大风，请市民注意防范。\n"
    "请有关单位和市民注意：一、加固户外广告牌；二、减少户外活动；三、海上船舶回港避风。\n\n"
    "霜降和立冬，哪个更冷？\n"
    "文/林　舟\n"
    "每到深秋，不少读者来问：霜降和立冬，哪个节气更冷一些？\n"
    "简单地说，两个节气前后气温都在下降，立冬一般比霜降冷，但各地情况不尽相同。\n"
    "在南方一些地方，立冬时节还暖意未消，人们习惯把这段天气叫作“小阳春”。\n"
    "在北方，立冬前后常有冷空气南下，早晚温差大，要注意及时添衣保暖。\n"
)


def test_a_question_headline_ending_with_a_question_mark_over_its_byline():
    arts = segment_page("x.txt", QUESTION_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("notice", "气象提示", ""),
        ("news", "霜降和立冬，哪个更冷？", "文/林舟"),
    ]


# An obituary on a classified page: its contact line's phone number wraps, and the digits
# on the next line (set apart in groups) are the number's rest, not a page number.
OBIT_PAGE = (
    "青禾晚报　2025年4月23日　星期三\n第15版　分类广告\n\n"
    "讣　告\n"
    "青禾市第二中学退休教师何川同志，因病医治无效，于2025年4月21\n"
    "日在青禾逝世，享年八十二岁。遵照其生前遗愿，丧事从简。遗体告\n"
    "别仪式定于4月24日上午9时在青禾市殡仪馆举行。\n"
    "特此讣告。\n"
    "联系人：何小舟　电话：13\n"
    "9 0000 1234\n\n"
    "旺铺招租\n"
    "青禾大道临街门面一间，面积约120平方米，水电齐全，适合餐饮、超市\n"
    "等经营。租金面议，可长期合作。\n"
    "有意者请电：186 0000 5678（林女士）\n"
)


def test_a_phone_numbers_digits_wrapped_under_its_contact_line_are_not_furniture():
    arts = segment_page("x.txt", OBIT_PAGE)
    assert [(a.kind, a.headline) for a in arts][0] == ("notice", "讣告")
    obit = "".join(OBIT_PAGE[s:e] for s, e in arts[0].body_spans)
    assert obit.rstrip().endswith("9 0000 1234")


# Narrow columns: two whole lines of nine characters or more over a byline may be a kicker
# over the headline or one headline wrapped: unknown. 专家坐诊 over a title is a column tag.
NARROW_PAGE = (
    "青禾农民报　2025年3月12日　星期三\n第4版　农技\n\n"
    "守护山间苗圃十五年\n"
    "护林员的“两本账”\n"
    "本报记者　林舟\n"
    "清晨六点，何川已经走在苗圃的\n"
    "小路上。十五年来，他每天都要\n"
    "把这片苗圃走上一遍，哪棵苗长\n"
    "得好，哪棵苗生了病，他心里都\n"
    "有一本账。另一本账记在纸上，\n"
    "写满了每年补种的苗木数量。\n\n"
    "专家坐诊\n"
    "油菜春季管理要点\n"
    "本报记者　顾言\n"
    "本期专家：县农技中心农艺师何\n"
    "川。眼下油菜进入抽薹期，要及\n"
    "时追施薹肥，清沟排渍，防止渍\n"
    "害。发现菌核病要及早喷药防治，\n"
    "做到早发现、早防治。\n"
)


def test_two_whole_lines_in_narrow_columns_give_unknown_and_a_clinic_tag_is_dropped():
    arts = segment_page("x.txt", NARROW_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("", "本报记者林舟"),
        ("油菜春季管理要点", "本报记者顾言"),
    ]


# Round 8. A masthead printed over its name in romanised letters, with the line naming who
# runs it under that, names the paper even when the name does not end in 报.
ROMAN_MASTHEAD_PAGE = (
    "清河时讯\n"
    "QINGHE SHIXUN\n"
    "中共清河县委宣传部主管　清河县融媒体中心主办\n"
    "2025年5月9日　星期五\n"
    "第1版　要闻\n\n"
    "县里新建五座口袋公园\n"
    "本报讯（记者　柯然）近日，县城新建的五座口袋公园\n"
    "陆续开放，附近居民有了散步的新去处。\n"
)


def test_a_masthead_over_its_romanised_name_names_the_paper():
    arts = segment_page("x.txt", ROMAN_MASTHEAD_PAGE)
    assert [(a.headline, a.publication) for a in arts] == [("县里新建五座口袋公园", "清河时讯")]


# Web copy: the breadcrumbs after 当前位置：, the time-and-source line and the original title
# under the title, the article tools (【纠错】, 分享到：, 扫一扫…) are neither headline nor text;
# 某某时评 over a title is a column tag naming commentary.
WEB_COPY_PAGE = (
    "当前位置：首页 > 数字报 > 第02版：民生\n\n"
    "河堤步道夜间亮灯\n"
    "2025-04-02 08:15　来源：某某网\n"
    "原标题：步道亮了，散步的人多了\n"
    "　　本报讯（记者 范舟）4月1日起，沿河步道的路灯每晚亮到十一点，附近居民夜里散步更安心了。\n"
    "【纠错】　【责任编辑：秦川】\n"
    "分享到：　微信　微博\n\n"
    "城西时评\n"
    "路灯亮了，服务也要跟上\n"
    "2025-04-02 09:30　来源：某某网\n"
    "作者：苗禾\n"
    "　　步道亮灯是件好事。亮灯之后，保洁、巡查也要跟上，让好事办得更好。\n"
    "扫一扫在手机打开当前页\n"
)


def test_web_copy_meta_lines_and_article_tools_are_no_headline_and_no_piece():
    arts = segment_page("x.txt", WEB_COPY_PAGE)
    assert [(a.kind, a.headline, a.subheadlines) for a in arts] == [
        ("news", "河堤步道夜间亮灯", []),
        ("editorial", "路灯亮了，服务也要跟上", []),
    ]


# A profile column (某某档案) and a picture-news label (图片新闻) over a title are column tags;
# a headline's short rest wrapped over a dateline is no bare-name byline; a notice's genre
# word (诚聘) set under the company's name is part of its heading; 更正 is a notice.
TAGS_AND_WRAPS_PAGE = (
    "东岭晚报　2025年6月3日　星期二\n第7版　综合\n\n"
    "人物档案\n"
    "老船工：\n"
    "把渡口守成了家\n"
    "□ 本报记者　石泉\n"
    "　　老船工今年六十八岁，在渡口撑了四十\n"
    "年船，送过的乘客数也数不清。每天天不\n"
    "亮，他就把船收拾干净，等第一班乘客。\n"
    "　　去年渡口通了桥，坐船的人少了，他还\n"
    "是每天来看看，说这里就是他的家。\n\n"
    "图片新闻\n"
    "油菜花开映山村\n"
    "　　6月1日，游客在东岭村赏花拍照。（记者　韦岚　摄）\n\n"
    "某中学“少年讲坛”讲出新\n"
    "气象\n"
    "本报讯（记者 顾远）近日，某中学开设“少\n"
    "年讲坛”，学生轮流上台讲读书心得。\n"
    "　　讲坛每周一期，至今已有三十多名学生\n"
    "走上讲台，讲身边的故事。\n\n"
    "东岭顺达快运公司\n"
    "诚聘\n"
    "　　本公司现招聘分拣员五名，待遇面议。电话：12345678\n\n"
    "更正\n"
    "　　本报6月1日第3版一文中的数字有误，特此更正。\n"
)


def test_profile_and_picture_tags_a_wrapped_rest_over_a_dateline_and_a_hiring_notice():
    arts = segment_page("x.txt", TAGS_AND_WRAPS_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "老船工：把渡口守成了家", "□本报记者石泉"),
        ("caption", "油菜花开映山村", "（记者韦岚摄）"),
        ("news", "某中学“少年讲坛”讲出新气象", "本报讯（记者顾远）"),
        # a unit's name over 诚聘: one title or a name with its label? unknown since round
        # 25 (the corpus's gold reads it both ways), never a headline that may be wrong
        ("notice", "", ""),
        ("notice", "更正", ""),
    ]
    hiring = next(a for a in arts if a.kind == "notice" and not a.headline)
    assert hiring.subheadlines == ["东岭顺达快运公司", "诚聘"]


# A kicker saying who said it (某某在某地调研时强调) stands over what was said: the headline.
SPEECH_KICKER_PAGE = (
    "青川日报　2025年3月4日　星期二\n第1版　要闻\n\n"
    "市长在港区调研时强调\n"
    "稳住外贸基本盘　拓展发展新空间\n"
    "本报讯（记者　甘霖）3月3日，市长到港区\n"
    "调研外贸企业生产经营情况。他强调，要稳\n"
    "订单、拓市场，帮助企业解决实际困难。\n"
    "　　市领导陪同调研。\n"
)


def test_a_speech_kicker_stands_over_the_headline():
    arts = segment_page("x.txt", SPEECH_KICKER_PAGE)
    assert [(a.headline, a.subheadlines) for a in arts] == [
        ("稳住外贸基本盘　拓展发展新空间".replace("　", ""), ["市长在港区调研时强调"])
    ]


# A short paragraph of its own after a blank line, closed by a photo credit in brackets
# (wrapped or not), is the photo's caption; a bare credit wrapped over two lines closes one.
CAPTION_PAGE = (
    "南岭晚报　2025年5月6日　星期二\n第8版　城事\n\n"
    "老街茶馆又热闹了\n"
    "本报记者　余舟　文/图\n"
    "　　清早六点，老街茶馆的门就开了。街坊们\n"
    "端着茶碗坐下来，聊起了家长里短。\n"
    "　　茶馆的老板说，今年来喝茶的年轻人也\n"
    "多了起来，周末常常坐满。有人带着电脑来\n"
    "办公，也有人专门来听老人讲老街的故事。\n"
    "　　老板打算在二楼添几张桌子，再请人来\n"
    "唱几段评弹，让老街的茶馆更有味道。\n\n"
    "　　茶客在老街茶馆里聊天。（本报记者\n"
    "　余舟　摄）\n\n"
    "江边晨练正当时\n"
    "　　5月5日，市民在江边公园晨练，打太极\n"
    "拳、跳健身操。　郑　\n"
    "云摄\n"
)


def test_a_short_paragraph_closed_by_a_photo_credit_is_a_caption():
    arts = segment_page("x.txt", CAPTION_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "老街茶馆又热闹了", "本报记者余舟文/图"),
        ("caption", "", "（本报记者余舟摄）"),
        ("caption", "江边晨练正当时", "郑云摄"),
    ]


# A stack may hold an exclaiming line (某某！) in the middle when a byline closes it; two
# whole lines over a dash subtitle are kicker and headline (three tiers).
TIERS_PAGE = (
    "星河体育报　2025年9月8日　星期一\n第3版　篮球\n\n"
    "联赛第五轮\n"
    "压哨绝杀！\n"
    "东港队主场逆转\n"
    "——替补后卫最后一秒三分命中\n"
    "本报记者　宁远\n"
    "　　9月7日晚，联赛第五轮一场焦点战在东\n"
    "港体育馆进行，东港队最后一秒逆转取胜。\n\n"
    "坚守山村小站十五年\n"
    "一位站长的“三件事”\n"
    "——记某线路某某站站长\n"
    "本报记者　岳川\n"
    "　　这座小站每天只停两趟车，站长却把每\n"
    "一件小事都做得很认真。\n"
)


def test_an_exclaiming_line_inside_a_stack_and_three_tiers_over_a_dash_subtitle():
    arts = segment_page("x.txt", TIERS_PAGE)
    assert [(a.headline, a.subheadlines) for a in arts] == [
        ("压哨绝杀！东港队主场逆转", ["联赛第五轮", "——替补后卫最后一秒三分命中"]),
        ("一位站长的“三件事”", ["坚守山村小站十五年", "——记某线路某某站站长"]),
    ]


# An expert's bracketed signature may name the role 主任 (某某医院某某科主任　某某); a weekly's
# name (某某周刊) alone over a header line opening with the date is the paper's.
EXPERT_PAGE = (
    "青苗健康周刊\n"
    "2025年7月1日　星期二　第4版　健康\n\n"
    "夏天吃瓜有讲究\n"
    "　　西瓜清甜解渴，但一次不宜吃太多，刚从冰箱\n"
    "里拿出的瓜最好放一会儿再吃。\n"
    "　　肠胃不好的人更要少吃冰瓜，以免引起腹泻。\n"
    "　　切开的西瓜要用保鲜膜封好，放进冰箱冷藏，\n"
    "最好当天吃完，隔夜的瓜容易滋生细菌。\n"
    "　　糖尿病患者吃瓜要控制分量，可以放在两餐\n"
    "之间吃，吃了瓜就要相应减少主食。\n"
    "（某某医院营养科主任　柯　敏）\n"
)


def test_an_experts_signature_naming_a_director_and_a_weeklys_name_over_the_date():
    arts = segment_page("x.txt", EXPERT_PAGE)
    assert [(a.headline, a.byline, a.publication) for a in arts] == [
        ("夏天吃瓜有讲究", "（某某医院营养科主任柯敏）", "青苗健康周刊")
    ]


# Verse is set ragged: its stanzas end at blank lines on lines of any width, a comma may
# pause inside a line (一条路，留给), the last line may end the sentence. A page of poems
# is read line by line, each poem one piece over all its stanzas (up to the next byline or
# the e-paper tag closing it); 第N版：副刊 is furniture.
VERSE_PAGE = (
    "第05版：文艺·诗页\n\n"
    "小满\n"
    "□ 田一禾\n"
    "麦穗鼓起了肚子\n"
    "河水涨到石阶第三级\n"
    "一条路，留给\n"
    "赶集的人\n\n"
    "蛙声先于雨点\n"
    "落在晒场的边上\n"
    "奶奶说，今年的雨\n"
    "来得正是时候。\n\n"
    "《北岭晚报》（2025年05月21日 第 05 版）\n\n"
    "旧井\n"
    "井绳磨出沟\n"
    "水桶还挂在那架老辘轳上\n"
    "小时候，我往里喊\n"
    "井也跟着喊我\n\n"
    "如今井口盖上了石板\n"
    "喊声，都沉在底下\n"
    "再也没有人\n"
    "来打捞\n"
    "林　晓\n\n"
    "《北岭晚报》（2025年05月21日 第 05 版）\n\n"
    "山路\n"
    "□ 陈砚\n"
    "山路绕了九道弯\n"
    "每一道，都有人等\n"
    "挑担的人\n"
    "把月亮挑回了家\n\n"
    "如今通了车\n"
    "弯还在，等的人\n"
    "换成了我\n"
)


def test_a_poems_stanzas_stay_one_piece_under_its_title():
    from qa.segment import stack
    from qa.segment.layout import is_furniture

    assert is_furniture("第05版：文艺·诗页")
    assert stack.applies(VERSE_PAGE)
    arts = segment_page("x.txt", VERSE_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("other", "小满", "□田一禾"),
        ("other", "旧井", "林晓"),
        ("other", "山路", "□陈砚"),
    ]
    body = "".join(VERSE_PAGE[s:e] for s, e in arts[0].body_spans)
    assert "来得正是时候。" in body and "赶集的人" in body
    assert "换成了我" in "".join(VERSE_PAGE[s:e] for s, e in arts[2].body_spans)


def test_a_line_of_eight_over_a_wider_line_and_a_dash_subtitle_gives_unknown():
    # kicker over headline, or one headline wrapped? Over a dash subtitle a first line of
    # eight under a line at least as wide could be either: unknown beats a wrong headline.
    from qa.segment.stack import _split_stack

    stack = ["老街深处的手艺人", "一把锉刀修好了半城的钟", "——记一家开了五十年的小铺"]
    assert _split_stack(stack, wide=False) == ("", [*[stack[0], stack[1]], stack[2]])
    # a second line narrower than the first is the headline's wrapped rest, as before
    wrapped = ["老街深处的手艺人", "守着铺子五十年", "——记一家开了五十年的小铺"]
    assert _split_stack(wrapped, wide=False) == ("老街深处的手艺人守着铺子五十年", [wrapped[2]])


# A correspondent's dispatch names the reporter between the paper and the place: 本报特派
# 记者 某某 某地X月X日电 (the name may be spaced out) is a dateline, the article's byline,
# and the date it gives is the article's.
DISPATCH_PAGE = (
    "河湾晚报　2025年3月2日　星期日　第6版　体育\n\n"
    "雪道上的三秒\n"
    "　　本报特派记者　苗　禾　奥斯陆3月1日电　在今天结束的越野滑雪邀请赛中，北方\n"
    "青年队的两名队员分获男女组第二名，比冠军只慢了三秒。\n"
    "　　赛后，教练说队员们还要在这里练上一周。\n\n"
    "冰壶队出征\n"
    "　　本报驻柏林记者　左一川　3月1日电　冰壶队今天抵达柏林，将参加下周的公开赛。\n"
)


def test_a_dispatch_naming_its_reporter_is_a_dateline():
    arts = segment_page("x.txt", DISPATCH_PAGE)
    assert [(a.headline, a.byline, a.date) for a in arts] == [
        ("雪道上的三秒", "本报特派记者苗禾奥斯陆3月1日电", "3月1日"),
        ("冰壶队出征", "本报驻柏林记者左一川3月1日电", "3月1日"),
    ]


# A picture or a text the paper did not make itself is credited to who supplied it, in
# brackets closing it: （某某馆供图） closes a caption like （记者 某某 摄）; （某某局供稿）
# closes a supplied text. Both are credits, not text.
SUPPLIED_PAGE = (
    "河湾日报　2025年4月2日　星期三　第7版　文史\n\n"
    "【老城旧影】\n"
    "石桥边的早市\n"
    "每天天不亮，石桥边就摆满了菜担。挑担的人从四乡赶来，天亮前卖完就回村下地。\n"
    "早市上最热闹的是豆腐摊，一板豆腐不到半个时辰就卖光了。\n"
    "（县农业农村局供稿）\n\n"
    "上世纪五十年代的石桥早市。（县档案馆\n"
    "供图）\n"
)


def test_supplied_texts_and_pictures_are_credited_to_who_supplied_them():
    arts = segment_page("x.txt", SUPPLIED_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("石桥边的早市", "（县农业农村局供稿）"),
        ("", "（县档案馆供图）"),
    ]
    assert arts[1].kind == "caption"
    caption = "".join(SUPPLIED_PAGE[s:e] for s, e in arts[1].body_spans)
    assert caption == "上世纪五十年代的石桥早市。"


# A subtitle opened by a dash (——某某) is a heading however wide it is set: in narrow
# columns it may fill the line, yet it stays in the stack over the essay, and the title
# over it is the headline (no column name over a title: the dash says which is which).
DASH_PAGE = (
    "河湾日报\n2025年4月2日　星期三\n文史\n\n"
    "北门老街的钟声\n"
    "——一座钟楼的百年\n"
    "北门老街上的钟楼建于\n"
    "光绪年间，钟声曾是全城\n"
    "人起居作息的依凭。后来\n"
    "钟停了，楼也旧了。\n"
    "前年修缮后，钟声又在\n"
    "老街上响起来了。\n"
    "林　远\n"
)


def test_a_dash_subtitle_filling_a_narrow_line_stays_in_the_stack():
    arts = segment_page("x.txt", DASH_PAGE)
    assert [(a.headline, a.subheadlines, a.byline) for a in arts] == [
        ("北门老街的钟声", ["——一座钟楼的百年"], "林远"),
    ]
    assert "".join(DASH_PAGE[s:e] for s, e in arts[0].body_spans).startswith("北门老街上")


# A photo group (组图): a title, a lead paragraph, the pictures' captions numbered ①②③ and
# one credit under them all is one caption piece, on a page printing a paragraph a line.
PHOTO_GROUP_PAGE = (
    "河湾日报　2025年4月2日　星期三　第8版　视觉\n\n"
    "春到果园\n"
    "连日来，南坡村的梨园进入盛花期，果农们忙着疏花、授粉，为丰收打下基础。\n"
    "①梨花开满了南坡村的山坡。\n"
    "②果农在梨树下进行人工授粉。\n"
    "（本报记者　程　远　摄）\n\n"
    "老桥换新颜\n"
    "本报讯　城南老桥加固工程昨日完工，桥面拓宽至十二米。\n"
    "工程历时八个月。\n"
)


def test_a_photo_groups_numbered_captions_share_one_credit():
    arts = segment_page("x.txt", PHOTO_GROUP_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("caption", "春到果园", "（本报记者程远摄）"),
        ("news", "老桥换新颜", "本报讯"),
    ]
    assert "②果农" in "".join(PHOTO_GROUP_PAGE[s:e] for s, e in arts[0].body_spans)


# A school's prospectus (招生简章) or an employer's (招聘简章) is a notice, its heading the
# headline; a staff line in brackets on a line of its own at the page foot (（责任编辑：某某）)
# is page furniture, never the last piece's text.
PROSPECTUS_PAGE = (
    "河湾教育周刊　2025年5月6日　星期二　第4版\n\n"
    "城南小学开放日迎来千名家长\n"
    "本报讯（记者 林 溪）5月4日，城南小学举行校园开放日，一千多名家长走进课堂，\n"
    "旁听了语文、科学等课程，还参观了学校新建的图书馆和科创教室。\n"
    "校长介绍，开放日每学期举办一次，家长可以在现场填写意见卡，\n"
    "学校将逐条回复。不少家长表示，这样的活动让他们更了解孩子在校的情况。\n\n"
    "河湾市卫生学校2025年招生简章\n"
    "一、招生对象　2025年应届初中毕业生。\n"
    "二、招生专业　护理、药剂、医学检验技术，共三百人。\n"
    "三、学制　三年，学生毕业后可参加护士执业资格考试。\n"
    "四、报名方式　即日起到学校招生办现场报名。\n"
    "咨询电话：0571-86001234。\n\n"
    "（责任编辑：程　远）\n"
)


def test_a_prospectus_is_a_notice_and_a_bracketed_staff_line_is_furniture():
    from qa.segment.layout import is_furniture

    assert is_furniture("（责任编辑：程　远）")
    arts = segment_page("x.txt", PROSPECTUS_PAGE)
    assert [(a.kind, a.headline) for a in arts] == [
        ("news", "城南小学开放日迎来千名家长"),
        ("notice", "河湾市卫生学校2025年招生简章"),
    ]
    body = "".join(PROSPECTUS_PAGE[s:e] for s, e in arts[1].body_spans)
    assert body.endswith("0571-86001234。") and "责任编辑" not in body


# A byline's name broken at the line's end with the next credit after its rest (本报记者
# 某 / 某　通讯员　某某某) runs on over both lines: the second line is no paragraph.
WRAPPED_NAME_PAGE = (
    "河湾日报\n2025年6月3日　星期二\n城建\n\n"
    "西街雨污分流完工\n"
    "本报记者　程\n"
    "远　通讯员　孟晓川\n"
    "“下大雨再也不怕门口积\n"
    "水了。”昨日，西街雨污\n"
    "分流改造工程完工，沿街\n"
    "两百多户居民告别了污水\n"
    "漫街的日子。\n"
)


def test_a_bylines_name_wrapped_with_the_next_credit_after_it():
    arts = segment_page("x.txt", WRAPPED_NAME_PAGE)
    assert [(a.headline, a.byline) for a in arts] == [
        ("西街雨污分流完工", "本报记者程远通讯员孟晓川"),
    ]
    assert "".join(WRAPPED_NAME_PAGE[s:e] for s, e in arts[0].body_spans).startswith("“下大雨")


# A page set without blank lines between its pieces (a culture page exported as one run of
# lines): its header names the section between the date and the editors' line; a signed
# review runs straight into the next headline; a programme schedule (rows opening with a
# clock time) stands between pieces; an interview's line (专访某某) is a kicker over the
# quoted headline; a short title over a caption closed by a photo credit is the caption's.
UNSPACED_PAGE = (
    "北岭晚报\n"
    "2025年1月10日　星期五\n"
    "C3\n"
    "文化\n"
    "责任编辑：方　舟\n"
    "【书评】\n"
    "《河灯》：一部写给小城的书\n"
    "《河灯》写的是一座小城，七十\n"
    "年间的变化，作者没有写大事\n"
    "件，写的是河边放灯的人家。\n"
    "全书四十篇短文，每篇只写一\n"
    "户人家，合起来却是一部小城\n"
    "的编年史，值得慢慢读。\n"
    "周一苇\n"
    "（作者单位：北岭师范学院）\n"
    "市图书馆迎来新春书展\n"
    "本报讯（记者 孟 川）记者昨\n"
    "日获悉，市图书馆新春书展将\n"
    "于1月15日开幕，展出图书三\n"
    "千余种，市民可免费参观。\n"
    "今晚节目\n"
    "北岭卫视\n"
    "19:30　电视剧《灯火》\n"
    "（7、8）\n"
    "21:10　综艺《去远方》\n"
    "北岭文旅频道\n"
    "20:00　纪录片《河灯》\n"
    "（2）\n"
    "专访作家周一苇\n"
    "“小城的故事写不完”\n"
    "本报记者　孟　川\n"
    "周一苇在北岭生活了四十多\n"
    "年，新书《河灯》出版后，记\n"
    "者到他家中做了专访。\n"
    "问：为什么只写河边的人家？\n"
    "答：河是小城的根，河边的人\n"
    "家最能看出小城的变化。\n"
    "雪后古桥\n"
    "1月8日，一场小雪过后，北\n"
    "岭古桥银装素裹，吸引不少市\n"
    "民前来拍照。（记者　程　远\n"
    "摄）\n"
)


def _unspaced():
    return segment_page("x.txt", UNSPACED_PAGE)


def test_a_section_name_in_the_page_header_is_furniture():
    from qa.ingest.catalog import page_furniture

    # the editors' line closes a header that no blank line closes: its page (C3) is read
    meta = page_furniture(UNSPACED_PAGE)
    assert (meta.issue_date, meta.page) == ("2025-01-10", "C3")
    first = _unspaced()[0]
    assert first.headline == "《河灯》：一部写给小城的书"
    assert not any("文化" == h for h in [first.headline, *first.subheadlines])


def test_a_signature_closes_its_piece_without_a_blank_line():
    arts = _unspaced()
    assert arts[0].byline == "周一苇（作者单位：北岭师范学院）"
    assert "".join(UNSPACED_PAGE[s:e] for s, e in arts[0].body_spans).endswith("值得慢慢读。")
    assert arts[1].byline == "本报讯（记者孟川）"


def test_a_programme_schedule_is_a_piece_of_its_own():
    arts = _unspaced()
    listing = arts[2]
    assert (listing.kind, listing.headline, listing.byline) == ("other", "今晚节目", "")
    body = "".join(UNSPACED_PAGE[s:e] for s, e in listing.body_spans)
    assert body.startswith("北岭卫视") and body.rstrip().endswith("（2）")


def test_an_interview_line_is_the_kicker_over_the_headline():
    from qa.segment.stack import _split_stack

    arts = _unspaced()
    assert (arts[3].headline, arts[3].subheadlines) == ("“小城的故事写不完”", ["专访作家周一苇"])
    # under the headline, without a dash, it is the subtitle: still not the headline
    assert _split_stack(["“小城的故事写不完”", "访作家周一苇"], wide=False) == (
        "“小城的故事写不完”",
        ["访作家周一苇"],
    )


def test_on_a_page_without_blank_lines_a_short_title_opens_a_caption():
    arts = _unspaced()
    assert len(arts) == 5
    last = arts[4]
    assert (last.kind, last.headline, last.byline) == ("caption", "雪后古桥", "（记者程远摄）")


def test_an_interview_line_is_never_the_headline():
    # 专访某某 / 访某某 / 对话某某 names who was interviewed: over the headline it is the
    # kicker, under it (no dash) the subtitle; the other line is the headline
    from qa.segment.stack import _split_stack

    assert _split_stack(["专访作家周一苇", "“小城的故事写不完”"], wide=False) == (
        "“小城的故事写不完”",
        ["专访作家周一苇"],
    )
    assert _split_stack(["“小城的故事写不完”", "访作家周一苇"], wide=False) == (
        "“小城的故事写不完”",
        ["访作家周一苇"],
    )


NARROW_NOTICE_PAGE = """\
河湾晚报　2025年3月4日　星期二
第6版　民生　责任编辑：丁一

河湾路口新装红绿灯
本报讯（记者 钟小禾）昨天
起，河湾路与柳岸街交叉口
的新信号灯正式启用，附近
居民出行更安心了。
住在柳岸街的退休工人老方
说，以前过马路要左右看好
几遍，现在等绿灯就行了。
交警部门介绍，路口还增设
了两处人行横道标线。

遗失声明
某某市河湾区小禾文具店遗
失营业执照副本，编号：Q12345678901234567，声明作废。
"""


def test_two_long_lines_of_a_notice_do_not_make_a_narrow_page_flat():
    # a page prints a paragraph a line only where long lines are a good share of it: in
    # narrow columns a paragraph set without indent runs on after a short finished line
    arts = segment_page("x.txt", NARROW_NOTICE_PAGE)
    assert [a.headline for a in arts] == ["河湾路口新装红绿灯", "遗失声明"]
    body = "".join(NARROW_NOTICE_PAGE[s:e] for s, e in arts[0].body_spans)
    assert body.rstrip().endswith("人行横道标线。")


def test_a_header_naming_the_pages_section_after_a_colon_is_furniture():
    # 第3版：某某 names the page's section: after the issue number and date it is still
    # the page header, never a piece of its own
    from qa.segment.layout import is_furniture

    assert is_furniture("第121期　2025年5月9日　第3版：学院动态")
    header = "北岭学院报\n第121期　2025年5月9日　第3版：学院动态\n\n"
    page = header + NARROW_NOTICE_PAGE.split("\n\n", 1)[1]
    assert [a.headline for a in segment_page("x.txt", page)] == ["河湾路口新装红绿灯", "遗失声明"]


BULLETIN_PAGE = """\
柳塘镇报
2025年4月18日　星期五
第3版　村镇

春耕物资送到田头
　　本刊讯（通讯员　方可）4月
15日，镇农技站把种子化肥
送到了各村田头。

【村务公开】
北塘村2025年一季度
财务收支情况公开
一、收入部分（合计52000元）
1．上级补助30000元；
2．山林承包款22000元。
二、支出部分（合计18000元）
1．道路维修18000元。
"""


def test_a_bulletins_own_dateline_and_a_documents_numbered_sections():
    # 本刊讯 is a bulletin's or magazine's own news, like 本报讯; a numbered section
    # (一、…, 1．…) opens running text, set flush left on a page that indents its
    # paragraphs: the stack over it (a column tag, a wrapped title) is a new piece
    arts = segment_page("x.txt", BULLETIN_PAGE)
    assert [a.headline for a in arts] == ["春耕物资送到田头", "北塘村2025年一季度财务收支情况公开"]
    assert arts[0].byline == "本刊讯（通讯员方可）"
    body = "".join(BULLETIN_PAGE[s:e] for s, e in arts[1].body_spans)
    assert body.startswith("一、收入部分")


def test_a_reporter_named_by_the_papers_short_name_is_an_own_line_byline():
    # 晚报记者 某某 (the paper called by its short name, as in 晚报讯) on its own line is
    # a byline like 本报记者 某某, never a headline
    from qa.segment.stack import _own_byline

    assert _own_byline("晚报记者　钟小禾")
    assert _own_byline("商报记者 方可")
    assert not _own_byline("晚报记者走进小巷，看到了变化。")


TITLE_AND_SHORT_LINE_PAGE = """\
河湾晚报　2025年3月4日　星期二
第6版　乡村　责任编辑：丁一

【春耕提示】
油菜“三沟”清理
要及时
近期雨水偏多，各地要抓紧清理
田间沟渠，防止油菜根系受渍。
"""


def test_one_title_line_over_a_short_line_gives_an_unknown_headline():
    # a title line over two or three characters: the writer's bare name or the title's
    # rest? unknown, and the short line is no byline
    arts = segment_page("x.txt", TITLE_AND_SHORT_LINE_PAGE)
    assert len(arts) == 1
    assert (arts[0].headline, arts[0].byline) == ("", "")


WEB_LABELLED_PAGE = """\
河湾在线 — 河湾日报社主办
首页 > 数字报 > 2025年05月06日 > 第03版：民生

老旧小区改造今年再启动六十个
涉及居民一点二万户，六月底前全部开工
来源：河湾日报　作者：丁一　编辑：方可　发布时间：2025-05-06 08:10
　　本报讯（记者 丁一）记者5日从市住建局获悉，今年全市计划改造老旧小区六十个。
　　改造内容包括管网更新、加装电梯和增设充电桩等。
【责任编辑：方可】
相关阅读：
· 去年改造小区居民满意度调查结果发布
· 加装电梯补贴标准提高

城事简讯
来源：河湾日报　编辑：方可　发布时间：2025-05-06 07:40
　　▲ 市图书馆夜间开放时间延长至晚上九点。
　　▲ 东湖公园新增三处直饮水点。
【责任编辑：方可】

上一篇：市民热线一季度受理诉求六万件　　下一篇：端午假期出行提示
版权所有：河湾日报社　未经授权禁止转载
"""


def test_a_web_copys_labelled_publication_line_related_links_and_neighbours():
    # 来源：…　作者：…　发布时间：… under a web title is about the copy; the related links
    # (相关阅读： over bulleted titles), 上一篇/下一篇 and the copyright line are furniture;
    # the two lines over the publication line give an unknown headline (kicker or subtitle?)
    arts = segment_page("x.txt", WEB_LABELLED_PAGE)
    assert len(arts) == 2
    assert arts[0].headline == ""
    body = "".join(WEB_LABELLED_PAGE[s:e] for s, e in arts[0].body_spans)
    assert body.rstrip().endswith("增设充电桩等。")
    assert arts[1].headline == "城事简讯"
    body = "".join(WEB_LABELLED_PAGE[s:e] for s, e in arts[1].body_spans)
    assert body.lstrip().startswith("▲ 市图书馆") and body.rstrip().endswith("直饮水点。")


POLICE_BULLETIN_PAGE = """\
河湾平安报　2025年6月3日　星期二　第02版　警务

火情通报
6月1日20时许，河湾区消防救援大队接报称东门一处仓库起火，消防员十分钟内到场处置，无人员伤亡。
起火原因正在进一步调查中，请广大市民注意用电安全。
河湾区消防救援大队
2025年6月2日

社区民警的一天
本报记者　方可
清晨七点，社区民警丁一已经走在巡逻的路上。
"""


def test_a_bulletins_heading_ending_in_bao_and_its_signature():
    # 某某通报 (通报, 简报: a genre of text ending in 报) heading a text is a notice's heading,
    # never the paper's masthead; the issuing body and date closing it sign it: they are
    # never a headline printed under the text
    from qa.segment.stack import _MASTHEAD

    assert not _MASTHEAD.fullmatch("火情通报")
    assert _MASTHEAD.fullmatch("河湾平安报")
    from qa.segment.stack import segment

    arts = segment(POLICE_BULLETIN_PAGE)
    assert [a["headline"] for a in arts] == ["火情通报", "社区民警的一天"]
    assert arts[0]["kind"] == "notice"


LISTINGS_PAGE = """\
河湾视听报　2025年2月6日　星期四　第5版

【剧评】
《海边小镇》：
一部慢下来的好剧
最近热播的《海边小镇》没
有大起大落，讲的是一家人
守着小渔港过日子的故事。
它好看，在于细节真实。
□ 丁一

下周节目预告
河湾卫视
周一　20:00　《海边小
镇》第9集
周二至周五　19:35
纪录片《渔港四季》
周六、周日　18:00
少儿动画展播

欢迎订阅2026年度
《河湾视听报》
每周四出版　全年订价：八十元
邮发代号：12-345
"""


def test_a_reviews_headline_a_weekly_listing_and_a_call_for_subscriptions():
    # 《某某》： over the verdict is one headline wrapped after the colon; rows naming the
    # days before the time (周一　20:00, 周二至周五) make a listing, the last row's rest
    # wrapped up to the blank line; 欢迎订阅… over the paper's name in 《》 is an ad
    from qa.segment.stack import segment

    arts = segment(LISTINGS_PAGE)
    assert [a["headline"] for a in arts] == [
        "《海边小镇》：一部慢下来的好剧",
        "下周节目预告",
        "欢迎订阅2026年度《河湾视听报》",
    ]
    body = "".join(LISTINGS_PAGE[s:e] for s, e in arts[1]["body_spans"])
    assert body.endswith("少儿动画展播")
    assert arts[2]["kind"] == "ad"


def test_a_whole_line_over_a_shorter_one_over_a_subtitle_gives_an_unknown_headline():
    # three tiers in narrow columns: a whole line of nine or more over a shorter one, a
    # subtitle after a comma under them: kicker and headline, or one headline wrapped?
    from qa.segment.stack import _split_stack

    stack = ["河湾区推行网格化管理成效明显", "邻里纠纷少了", "化解率达九成，投诉量降一半"]
    head, _ = _split_stack(stack, False)
    assert head == ""
    # a short first line over the next still joins: one headline wrapped
    head, _ = _split_stack(["本市春季", "花卉上市", "月季每枝一元，百合每枝三元"], False)
    assert head == "本市春季花卉上市"


UNIT_OVER_NAME_PAGE = """\
河湾法治报　2025年4月8日　星期二　第3版

【法官说法】
“顺手捎带”
也要担责任
河湾区人民法院
丁　一
【案情】老王帮邻居捎带一箱
货物，途中货物损坏，邻居要
求老王赔偿。
【说法】无偿帮工造成损失，
帮工人有重大过失的才担责。
本案中老王并无重大过失，法
院判决驳回邻居的诉讼请求。
【提醒】帮忙捎带贵重物品，
双方最好事先说清楚责任，
必要时可以留下书面凭据。

社区普法进小区
本报讯（记者　方可）日前，
河湾区司法局组织律师走进
十个小区开展普法宣传，发
放宣传资料两千余份，现场
解答群众咨询一百多人次。
"""


def test_the_writers_unit_over_the_name_under_a_title_is_the_byline():
    # 某某人民法院 / 丁　一 under a two-line title: the unit and the name sign the piece
    from qa.segment.stack import segment

    arts = segment(UNIT_OVER_NAME_PAGE)
    assert arts[0]["headline"] == "“顺手捎带”也要担责任"
    assert arts[0]["byline"].replace("　", "") == "河湾区人民法院丁一"


ROLE_LABEL_PAGE = """\
《河湾快讯》电子版　2025年5月6日　星期二　第02版：本地

【标题】河湾区新建五座社区食堂
【引题】老人吃饭不再犯愁
【副题】每餐八元，年满七十岁减半
　　本报讯（记者 方可）日前，河湾区五座社区食堂同时开门
营业，为辖区老人提供午餐和晚餐，每天接待四百余人次。
　　社区食堂由街道提供场地，引入专业餐饮企业运营，菜品
每周更换，价格接受居民监督。

【标题】秋季运动会开幕
　　本报讯（记者 丁一）昨日，河湾区第三届全民运动会在区
体育馆开幕，两千余名运动员将参加二十个项目的比赛。
"""


def test_stack_lines_labelled_by_role_name_the_headline():
    # 【标题】/【引题】/【副题】: the label says which line is the headline; it is no part of it
    from qa.segment.stack import segment

    arts = segment(ROLE_LABEL_PAGE)
    assert arts[0]["headline"] == "河湾区新建五座社区食堂"
    assert arts[0]["subheadlines"] == ["老人吃饭不再犯愁", "每餐八元，年满七十岁减半"]
    assert arts[1]["headline"] == "秋季运动会开幕"


def test_a_whole_line_over_a_shorter_one_over_a_dash_subtitle_gives_an_unknown_headline():
    # a kicker of nine or more over a shorter headline over ——subtitle: three tiers, or one
    # headline wrapped? unknown
    from qa.segment.stack import _split_stack

    stack = ["第五届“河湾杯”少儿象棋赛落幕", "东城队包揽冠亚军", "——小棋手丁一七战全胜"]
    head, subs = _split_stack(stack, False)
    assert head == ""
    assert subs[-1] == "——小棋手丁一七战全胜"


def test_a_papers_own_news_dated_and_placed_says_xun():
    # 本报某地5月6日讯（记者…）: a dated dateline of the paper's own news, the byline and date
    from qa.segment.stack import _DISPATCH_DATE, DATELINE

    line = "本报河湾5月6日讯（记者 方可）　昨日，河湾区五座社区食堂同时开门营业。"
    m = DATELINE.match(line)
    assert m and m.group().endswith("）")
    assert _DISPATCH_DATE.search(m.group()).group(1) == "5月6日"


WRAPPED_NUMBER_PAGE = """\
河湾商报　2025年5月6日　星期二　第4版

河湾书城开业公告
河湾书城定于5月10日上午
开业，营业时间：每日9:00—21:0
0
欢迎广大读者光临！

广告热线：0512—6612000　免费赠阅
"""


def test_a_number_wrapped_mid_paragraph_and_the_papers_hotline_at_the_foot():
    # 21:0 / 0 / text: digits between two lines of text, under a line ending inside a number,
    # are its rest (not a lone page number); 广告热线：… 免费赠阅 at the foot is furniture
    from qa.segment.stack import segment

    text = WRAPPED_NUMBER_PAGE
    arts = segment(text)
    assert len(arts) == 1
    body = "".join(text[s:e] for s, e in arts[0]["body_spans"]).replace("\n", "")
    assert body.endswith("21:00欢迎广大读者光临！")


WEB_TIMED_PAGE = """\
禾川在线 > 城区 > 民生

河滨公园新添健身步道
——记者走访三处口袋公园
时间：2025-04-02 09:15　来源：禾川晨报
禾川晨报记者　安宁
清早的河滨公园里，晨练的人沿着新铺的塑胶步道慢跑，步道两旁种上了紫藤和月季。
公园管理处介绍，步道全长两公里，夜间有地灯照明，沿途设有饮水点和休息座椅。
【延伸阅读】
· 城区今年再建十个口袋公园
责任编辑：孟夏

关于西城部分路段夜间施工的公告
时间：2025-04-02 15:30　来源：禾川晨报
因管网维修需要，4月5日至4月9日每晚22时至次日6时，西城路部分路段封闭施工。
请过往车辆提前绕行，由此带来的不便，敬请谅解。
特此公告。
禾川市市政工程管理处
"""


def test_a_web_copys_breadcrumbs_timed_line_and_bracketed_related_links():
    # 某网 > 城区 > 民生 (breadcrumbs from any level) is furniture; 时间：… 来源：… under a
    # title belongs to its stack, even over a notice's text; 【延伸阅读】 over bulleted
    # links is furniture; a dash subtitle says which of two web lines is the headline
    arts = segment_page("x.txt", WEB_TIMED_PAGE)
    assert [(a.kind, a.headline, a.subheadlines) for a in arts] == [
        ("news", "河滨公园新添健身步道", ["——记者走访三处口袋公园"]),
        ("notice", "关于西城部分路段夜间施工的公告", []),
    ]
    body = "".join(WEB_TIMED_PAGE[s:e] for s, e in arts[0].body_spans)
    assert body.lstrip().startswith("清早") and body.rstrip().endswith("休息座椅。")
    body = "".join(WEB_TIMED_PAGE[s:e] for s, e in arts[1].body_spans)
    assert body.lstrip().startswith("因管网维修") and body.rstrip().endswith("特此公告。")


EXPORT_FIELDS_PAGE = """\
第B02版：综合　2025年04月08日

石桥镇新建三座农机库房
【作者】本报记者 柯远
　　近日，石桥镇三座农机库房完工投用，全
镇两百余台农机有了遮风挡雨的“家”。
　　镇农机站负责人说，库房按村分片建设，
农户存取农机不出村。
【来源】石桥日报

春雨润新苗
　　4月6日，石桥镇育苗基地里，工人在为
新苗喷水。（本报记者 柯远 摄）
【来源】石桥日报
"""


def test_a_content_systems_author_and_source_fields():
    # 【作者】某某 under a title is the byline (a labelled credit, like 作者：), never the
    # headline; 【来源】某某日报 under a story is about the copy (furniture), not its text
    arts = segment_page("x.txt", EXPORT_FIELDS_PAGE)
    assert [(a.kind, a.headline, a.byline) for a in arts] == [
        ("news", "石桥镇新建三座农机库房", "【作者】本报记者柯远"),
        ("caption", "春雨润新苗", "（本报记者柯远摄）"),
    ]
    for a in arts:
        body = "".join(EXPORT_FIELDS_PAGE[s:e] for s, e in a.body_spans)
        assert "来源" not in body


SIGNED_PIECES_PAGE = """\
南湖少年报　2025年5月8日　星期四　第3版

校园新添读书角
本报讯（记者 柳青）5月6日，南湖县实验小学的读书角正式开放，首批上架图书一千余册。
学校介绍，读书角每天课间开放，学生可自由借阅，每周还将举办一次读书分享会。

请给操场多装几盏灯
我是一名初三学生。冬天放学早，天却黑得更早，操场上只有两盏灯，跑步时常看不清脚下。
我建议学校在跑道边多装几盏灯，让大家锻炼时更安全，也方便同学们晚上来操场锻炼身体。
南湖县第一中学初三（2）班　周小禾

水墨江村
这幅作品以淡墨描绘了雨后江村的景色，远山近水浑然一体，笔墨清新。（县文化馆　许　远　作）
"""


def test_a_pupils_signature_and_an_artworks_credit():
    # 某中学初三（2）班　某某: a contributor's signature may number the class in brackets;
    # （某单位　某某　作） closes an artwork's caption like a photo credit
    arts = segment_page("x.txt", SIGNED_PIECES_PAGE)
    assert [(a.headline, a.byline) for a in arts][1:] == [
        ("请给操场多装几盏灯", "南湖县第一中学初三（2）班周小禾"),
        ("水墨江村", "（县文化馆许远作）"),
    ]
    assert arts[2].kind == "caption"


def test_a_three_tier_stack_with_its_headline_wrapped_in_large_type():
    # 引题 (long) / 主题 wrapped over two short lines / 副题 (long): the two short lines in
    # the middle are the headline, the outer lines kicker and subtitle
    from qa.segment.stack import _split_stack

    head, subs = _split_stack(
        [
            "依靠集体力量兴修水利抗旱保苗",
            "东沟大队",
            "新挖水渠四千米",
            "全队三百亩旱地变成了水浇地",
        ],
        False,
    )
    assert head == "东沟大队新挖水渠四千米"
    assert subs == ["依靠集体力量兴修水利抗旱保苗", "全队三百亩旱地变成了水浇地"]
    # middle lines nearly as wide as the outer ones: four tiers of one size, unknown
    head, _subs = _split_stack(
        ["依靠集体力量兴修水利", "东沟大队新挖水渠", "全队旱地变成水浇地", "今年夏粮有望增产"],
        False,
    )
    assert head == ""


DATED_LISTING_PAGE = """\
东岸晚报　2025年6月3日　星期二　第8版　文化

剧场里的老戏迷
本报记者　安然
　　每逢周末，东岸剧场门口总有几位老戏迷早早
等着开场。他们说，听了几十年戏，还是现场最
有味道。

近期演出
　　6月7日　19:30　东岸剧场　越剧《梁祝》
　　6月8日至9日　19:30　工人文化宫　话剧《灯塔》
　　6月12日　14:30　少儿活动中心　木偶剧《小熊过
河》
"""


def test_a_listing_of_coming_events_names_the_date_before_the_time():
    # 6月7日　19:30　venue　work: a listing's row may open with a date (a range: 6月8日至9日)
    # before the clock time, as with a weekday (周一　19:30); the last row's wrapped rest is
    # the listing's
    arts = segment_page("x.txt", DATED_LISTING_PAGE)
    assert [a.headline for a in arts] == ["剧场里的老戏迷", "近期演出"]
    body = "".join(DATED_LISTING_PAGE[s:e] for s, e in arts[1].body_spans)
    assert body.rstrip().endswith("河》")


QA_CREDITS_PAGE = """\
第C02版：健康　2025年03月04日

换季时节　这些疑问听医生说
本报记者　林　夏
整理
　　问：换季总是嗓子干痒，要不要吃
消炎药？
　　答：嗓子干痒多与空气干燥有关，
多喝温水、保持室内湿度即可，不要自
行服用消炎药。（东岸市人民医院呼吸
科主治医师 赵明）
　　问：老人换季容易失眠怎么办？
　　答：白天适当活动，晚饭不宜过饱，
睡前少看手机。（东岸市中医院老年病
科副主任医师 孙丽）
【来源】东岸日报

社区义诊进楼道
【作者】本报记者 林夏
　　3月2日，东岸市人民医院的医生走进
社区楼道，为行动不便的老人上门体检。
【来源】东岸日报
"""


def test_a_qa_pieces_last_credit_the_header_page_letter_and_the_source_field_paper():
    # 问/答 under a compiler's byline: each answer's expert credit in brackets is that
    # answer's, the last one too (not the piece's byline); 第C02版 names page C2; the paper
    # most 【来源】 fields name is the page's
    arts = segment_page("x.txt", QA_CREDITS_PAGE)
    assert [a.byline for a in arts] == ["本报记者林夏整理", "【作者】本报记者林夏"]
    body = "".join(QA_CREDITS_PAGE[s:e] for s, e in arts[0].body_spans)
    assert body.rstrip().endswith("孙丽）")
    assert {a.publication for a in arts} == {"东岸日报"}
    from qa.ingest.catalog import page_furniture

    assert page_furniture(QA_CREDITS_PAGE).page == "C2"


def test_a_bracketed_label_under_a_wide_title_is_never_the_headline():
    # two wide lines read kicker + headline, unless the second opens with a bracketed
    # field label (【撰稿】某某): then the headline is unknown, never the label's line
    from qa.segment.stack import _split_stack

    assert _split_stack(["春季植树活动在全市展开", "【撰稿】本报记者 林夏"], True)[0] == ""
    head = _split_stack(["春季植树活动在全市展开", "十万株新苗扎根山野"], True)[0]
    assert head == "十万株新苗扎根山野"
