"""Round 31: conventions from the tune half's remaining wrong headlines and the 31st blind
batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.test_articles_round29 import FILLER


def _page(*pieces: str, head: str = "南川日报\n2024年6月18日　星期二　第2版\n\n") -> str:
    return head + FILLER + "\n" + "\n\n".join(pieces) + "\n"


def _flat(*lines: str) -> str:
    """A web copy set a paragraph to a line, no blank line between its pieces."""
    return "\n".join(lines) + "\n"


def test_a_labelled_recommenders_credit_closes_a_book_note():
    page = _flat(
        "湘楚晚报数字报",
        "2023年10月18日 星期三",
        "第11版：家教周刊",
        "《慢慢来，孩子》：给焦虑的父母松松绑",
        "与许多育儿书不同，作者很少给出“三步搞定”式的技巧，而是反复提醒父母先看清自己的情绪。",
        "这本书文字浅白，每章末尾附有给父母的小练习，适合3至10岁孩子的家长阅读。",
        "推荐人：朱雯",
        "“晒晒我家的家风故事”征文启事",
        "家风是一个家庭的精神底色。即日起，本报联合市妇联开展征文活动，欢迎广大读者参与。",
        "来稿请注明姓名、地址和联系电话，截稿日期为11月30日。",
        "家教资讯",
        "●市图书馆少儿分馆“周末故事会”恢复举办，每周六上午开讲。",
        "●10月21日，市心理卫生协会将在人民公园举行青少年心理健康咨询活动。",
        "●市妇联家庭教育指导中心开通咨询热线，工作日接听家长来电。",
        "本版责任编辑：孟岚　版式设计：胡杨　校对：易文",
    )
    found = _by_head(_arts(page))
    assert found["《慢慢来，孩子》：给焦虑的父母松松绑"].byline == "推荐人：朱雯"
    assert "“晒晒我家的家风故事”征文启事" in found


def test_a_comments_genre_set_before_its_title_with_a_bar_is_a_tag():
    assert stack._split_stack(["编辑点评｜小巷改造，改的是“里子”"], True) == (
        "小巷改造，改的是“里子”",
        ["编辑点评"],
    )
    # a bar after other words is the title's own
    title = "五一特惠｜青岚山古镇三日游"
    assert stack._split_stack([title], True)[0] == title


def test_classified_ads_label_over_the_ads_is_no_headline():
    assert stack._STACK_LABEL.fullmatch("分类广告")
    assert stack._STACK_LABEL.fullmatch("广　告")
