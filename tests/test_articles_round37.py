"""Round 37: conventions from the 37th blind batch's tune pages (inner pages, newsletters and
their mastheads), each on invented text."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment import stack
from tests.segpages import arts, body, by_head, with_filler


def test_a_name_over_a_block_of_masthead_lines_is_the_masthead_whatever_its_ending():
    page = (
        "小画廊\n"
        "某某市美术馆馆刊\n"
        "《某某美术》少儿增刊\n"
        "2024年3月15日\n"
        "星期五\n"
        "第3期（总第12期）\n"
        "本期4版\n"
        "\n"
        "春天来了\n"
        "　　三月的美术馆里，孩子们在展厅里写生。\n"
    )
    assert stack.masthead(page) == "小画廊"


def test_the_name_on_top_wins_over_the_line_naming_whose_paper_it_is():
    page = (
        "青　松\n"
        "某某县第一中学校报\n"
        "2023年春季刊　总第20期\n"
        "2023年4月28日\n"
        "第1版　要闻\n"
        "校报编辑部主办　内部交流\n"
        "\n"
        "做一个会读书的人\n"
        "　　同学们，四月是读书月。\n"
    )
    assert stack.masthead(page) == "青松"


# A temple's bulletin: its masthead block, the name over who runs it, its mark as free, the
# issue and the dates.
_TEMPLE = "妙音\n某某山某某寺主办\n内部资料　免费结缘\n第20期\n2024年4月15日\n佛历二五六八年\n"


def test_a_temples_mark_that_its_bulletin_is_free_is_furniture_not_its_name():
    page = _TEMPLE + "\n浴佛节法会圆满\n　　四月初八，本寺举行浴佛节法会。\n"
    assert stack.page_furniture("内部资料　免费结缘")
    assert stack.masthead(page) == "妙音"


def test_a_section_name_over_a_running_head_naming_the_paper_is_no_masthead():
    page = (
        "文　博\n"
        "2023年9月15日　星期五\n"
        "某某文物报　第5版\n"
        "责任编辑：某某\n"
        "\n"
        "古城遗址出土陶器\n"
        "　　记者从省考古研究院获悉，遗址出土陶器百余件。\n"
    )
    assert stack.masthead(page) == "某某文物报"


def test_a_jump_line_names_another_page_not_this_one():
    page = (
        "小画廊\n"
        "2024年3月15日\n"
        "第3期\n"
        "\n"
        "春天来了\n"
        "　　三月的美术馆里，孩子们在展厅里写生，画下了玉兰和迎春。\n"
        "（下转第2版）\n"
    )
    # (its masthead block makes it the front page; the jump line's 第2版 is another)
    assert page_furniture(page).page == "1"


def test_a_masthead_block_of_nine_lines_still_gives_the_page():
    page = (
        _TEMPLE + "农历三月初七\n"
        "本期四版\n"
        "第一版　寺务要闻\n"
        "\n"
        "浴佛节法会圆满\n"
        "　　四月初八，本寺举行浴佛节法会。（转第二版）\n"
    )
    assert page_furniture(page).page == "1"


def test_a_credit_with_a_full_width_slash_closes_the_headline_stack():
    assert stack.OWN_BYLINE.fullmatch("本刊通讯员　周某某　文／图")
    page = with_filler(
        "老站房修缮完工\n"
        "本刊通讯员　周某某　文／图\n"
        "　　6月1日，建于1936年的老站房修缮工程通过验收。修缮中保留了原有的木\n"
        "结构屋架和青砖外墙，更换了损坏的门窗，站前广场也恢复了旧时的石板铺装。\n"
    )
    found = by_head(arts(page))
    assert found["老站房修缮完工"].byline == "本刊通讯员周某某文／图"


def test_a_table_under_a_short_line_over_its_title_is_a_piece_of_its_own():
    page = with_filler(
        "运价\n"
        "本周主要线路运价一览\n"
        "（2024年6月10日—16日）\n"
        "线路　　　　运价　　环比\n"
        "甲港—乙港　1200　　+2.1%\n"
        "甲港—丙港　1350　　-0.8%\n"
        "乙港—丁港　 980　　+0.5%\n",
    )
    found = arts(page)
    table = next(a for a in found if a.headline == "本周主要线路运价一览")
    assert table.subheadlines == ["（2024年6月10日—16日）"]
    assert body(page, table).startswith("线路运价环比")
    assert not any("甲港" in body(page, a) for a in found if a is not table)
