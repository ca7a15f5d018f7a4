"""Round 39: conventions from the 39th blind batch's tune pages (where a page names its
paper, its date and its page), each on invented text."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment import stack

_STORY = (
    "一季度全市工业增加值增长6.8%\n"
    "　　本报讯（记者　某某）记者从市统计局获悉，一季度全市规模以上工业增加值同比增长\n"
    "6.8%，增速比去年同期提高1.2个百分点，其中装备制造业增长9.5%。\n"
)


def test_a_bulletins_running_head_names_it_whatever_its_name_ends_with():
    page = "某某作协通讯　2024年第7期　总第203期　　　　·3·\n\n" + _STORY
    assert stack.masthead(page) == "某某作协通讯"
    assert page_furniture(page).page == "3"
    journal = "某某人大工作通讯　2024年第5期（总第236期）　工作动态\n\n" + _STORY
    assert stack.masthead(journal) == "某某人大工作通讯"


def test_a_paper_named_only_at_the_page_foot_is_the_pages_with_its_date_and_page():
    page = (
        "经济\n\n"
        + _STORY
        + "\n第6版　2024年4月9日　星期二　某某日报\n责任编辑　某某　版式　某某　校对　某某\n"
    )
    assert stack.masthead(page) == "某某日报"
    meta = page_furniture(page)
    assert (meta.issue_date, meta.page) == ("2024-04-09", "6")


def test_a_sites_menu_set_apart_by_spaces_is_furniture_and_names_no_paper():
    menu = "首页　新闻　本地　民生　财经　教育　视频　专题　数字报"
    assert stack.page_furniture(menu)
    assert stack.page_furniture("【字号：大 中 小】【打印】【关闭】")
    page = "某某网　|　某某报业传媒集团主办\n" + menu + "\n\n" + _STORY
    assert stack.masthead(page) == ""


def test_a_line_closed_by_publish_after_a_books_title_is_a_headline_not_an_imprint():
    assert not stack.page_furniture("某某长篇小说《某某湖》出版")
    assert stack.page_furniture("某某日报社出版")
    assert stack.page_furniture("出版：某某日报社")


def test_a_bulletins_running_head_is_furniture():
    assert stack.page_furniture("某某作协通讯　2024年第7期　总第203期　　　　·3·")


def test_a_features_crossheads_with_a_short_line_over_them_or_quotation_marks_stay_its():
    from qa.segment.articles import Article, _join_crossheads

    text = (
        "巷子换了新衣裳\n本报记者　周某\n　　清晨六点半，老人推开院门。\n"
        "“一巷一策”先问居民要什么\n　　改造前逐户上门征求意见。\n"
        "管线入地\n“看不见的工程”最费工夫\n　　架空线缆全部入地。\n"
    )

    def piece(seq: int, headline: str, body: str, **kw) -> Article:
        at = text.index(body)
        start = text.index(kw.pop("top", headline))
        return Article(
            id=f"p-{seq:02d}", source="p.txt", seq=seq, kind="news", headline=headline,
            char_start=start, char_end=at + len(body), body_spans=[(at, at + len(body))], **kw,
        )  # fmt: skip

    arts = [
        piece(1, "巷子换了新衣裳", "清晨六点半，老人推开院门。", byline="本报记者周某"),
        piece(2, "“一巷一策”先问居民要什么", "改造前逐户上门征求意见。"),
        piece(
            3,
            "“看不见的工程”最费工夫",
            "架空线缆全部入地。",
            subheadlines=["管线入地"],
            top="管线入地",
        ),
    ]
    joined = _join_crossheads(text, arts)
    assert len(joined) == 1
    assert [text[s:e] for s, e in joined[0].body_spans][-2:] == [
        "管线入地\n“看不见的工程”最费工夫",
        "架空线缆全部入地。",
    ]


def test_a_headline_repeated_over_the_continuation_marker_heads_the_continuation():
    from tests.segpages import arts, body, lines_page

    page = lines_page(
        "某某日报",
        "2024年3月12日　星期二",
        "第4版　要闻",
        "责任编辑：某某　美术编辑：某某",
        "全省春耕备耕有序推进",
        "（上接第1版）",
        "各地农业农村部门组织1.2万名农技人员下沉一线，开展“科技服务春耕行”",
        "活动，帮助农户解决育秧、施肥、病虫害防治等技术难题。截至3月10日，全",
        "省已完成早稻育秧面积86万亩。",
        "",
        "我省“春风行动”提供就业岗位42万个",
        "　　本报讯（记者　吴某某）记者从省人社厅获悉，今年“春风行动”期间，全省共举办",
        "招聘活动1200余场，提供就业岗位42万个。",
        "某某日报　　　　　　　　　　　　—4—",
    )
    found = arts(page)
    cont = found[0]
    assert (cont.kind, cont.headline) == ("continuation", "全省春耕备耕有序推进")
    assert body(page, cont).startswith("各地农业农村部门")
    assert not any("—4—" in body(page, a) for a in found)


def test_an_editors_line_naming_the_layout_editor_is_furniture():
    assert stack.page_furniture("责任编辑　某某某　版式　吴　桐　校对　刘　婷")


def test_a_crosshead_is_measured_without_its_commas():
    from qa.segment.articles import Article, _join_crossheads

    text = (
        "老茶馆七十年\n本报记者　罗某\n清晨六点，茶馆开门。\n"
        "凌晨五点半，第一壶水开了\n老板今年62岁。\n"
        "“茶钱涨过几回，人情一直没涨”\n老茶客都这么说。\n"
    )

    def piece(seq: int, headline: str, body: str, byline: str = "") -> Article:
        at, start = text.index(body), text.index(headline)
        return Article(
            id=f"p-{seq:02d}", source="p.txt", seq=seq, kind="news", headline=headline,
            byline=byline, char_start=start, char_end=at + len(body),
            body_spans=[(at, at + len(body))],
        )  # fmt: skip

    arts = [
        piece(1, "老茶馆七十年", "清晨六点，茶馆开门。", byline="本报记者罗某"),
        piece(2, "凌晨五点半，第一壶水开了", "老板今年62岁。"),
        piece(3, "“茶钱涨过几回，人情一直没涨”", "老茶客都这么说。"),
    ]
    assert len(_join_crossheads(text, arts)) == 1


def test_a_hotline_giving_two_numbers_is_furniture():
    assert stack.page_furniture("新闻热线：8826-1730　8826-1731")
