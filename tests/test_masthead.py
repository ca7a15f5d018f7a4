"""Where a page names its paper (stack.masthead), on invented page tops: the conventions a
reader uses to say which paper a page is from, whatever the paper's name ends with."""

from __future__ import annotations

import pytest

from qa.segment.stack import masthead

BODY = "\n社区食堂开进老小区\n本报讯（记者　舒远）5月8日，社区食堂在老城区开门迎客。\n"


@pytest.mark.parametrize(
    ("top", "paper"),
    [
        # a masthead with its edition after a dot, alone or opening the header line
        ("柳湾晚报·周末\n2024年3月9日 星期六 第9版 生活", "柳湾晚报"),
        ("柳湾晚报·周末版  2024年3月9日 星期六  第9版", "柳湾晚报"),
        # a name of any ending over the header line with the full date and the page
        ("青萍书声\n2024年4月23日　星期二　第2版　阅读", "青萍书声"),
        ("石桥文博通讯\n2023年4月15日　第2版", "石桥文博通讯"),
        # a name over the line saying who runs it, over its issue number
        ("夕照学苑\n芦城市老年大学主办\n第58期\n2024年4月15日　星期一", "夕照学苑"),
    ],
)
def test_a_name_at_the_page_top(top, paper):
    assert masthead(top + "\n" + BODY) == paper


def test_an_e_papers_tag_with_date_and_page_names_a_paper_of_any_ending():
    page = BODY + "《南岭经营周刊》（2024年04月15日 第 04 版）\n"
    assert masthead(page) == "南岭经营周刊"


def test_a_periodicals_name_before_its_issue_in_the_breadcrumbs():
    page = "首页 > 会刊在线 > 《岭东律师》2024年第5期\n" + BODY
    assert masthead(page) == "岭东律师"


def test_a_source_field_among_a_web_storys_fields_names_the_paper_it_repeats():
    meta = "发布时间：2024-07-03 09:12　来源：苇州日报　作者：林可\n"
    page = "苇州市人民政府门户网站\n首页 > 新闻中心\n\n" + (BODY + meta) * 2
    assert masthead(page) == "苇州日报"
    # named once, it may be one story's source, not the page's
    assert masthead("苇州市人民政府门户网站\n" + BODY + meta) != "苇州日报"


@pytest.mark.parametrize(
    "top",
    [
        "综合新闻\n2024年4月23日　星期二　第2版",  # a section's name, not the paper's
        "社区食堂开进老小区\n2024年4月23日电",  # a headline over a dated line with no page
    ],
)
def test_no_masthead(top):
    assert masthead(top + "\n" + BODY) == ""
