"""Round 36: conventions from the 36th blind batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack


def test_a_newsletters_name_over_its_society_line_over_the_issue_number_is_the_masthead():
    page = (
        "星野通讯\n"
        "某某市天文爱好者协会会刊\n"
        "2024年8月25日　第8期（总第87期）　本期4版\n"
        "内部资料　免费交流\n"
        "卷首语\n"
    )
    assert stack.masthead(page) == "星野通讯"
