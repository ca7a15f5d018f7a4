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
