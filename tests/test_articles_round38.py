"""Round 38: conventions from the 38th blind batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack


def test_a_masthead_block_on_a_page_without_blank_lines_ends_at_the_first_headline():
    page = (
        "某某药讯\n"
        "会员通讯\n"
        "某某省药学会主办\n"
        "内部资料　免费交流\n"
        "2024年第3期（总第40期）　2024年6月20日出版\n"
        "省药学会召开第七届理事会第二次会议\n"
        "本刊讯（通讯员　某某）6月12日，省药学会第七届理事会第二次会议召开。\n"
    )
    assert stack.masthead(page) == "某某药讯"


def test_a_masthead_block_under_a_box_of_quotations_names_the_paper():
    page = (
        "最高指示\n"
        "\n"
        "　　抓革命，促生产。\n"
        "\n"
        "青松岭战报\n"
        "青松岭国营农场革命委员会政治部主办\n"
        "1971年5月12日　星期三\n"
        "第201期　　今日四版\n"
        "\n"
        "我场春播全面展开\n"
        "　　本报讯　连日来，全场各连队抢晴天、战雨天，春播进度过半。\n"
    )
    assert stack.masthead(page) == "青松岭战报"


def test_a_bare_genre_word_under_a_societys_name_is_part_of_the_bulletins_name():
    page = (
        "某某中华商会\n"
        "会讯\n"
        "THE SOMEWHERE CHINESE CHAMBER OF COMMERCE BULLETIN\n"
        "第42期　　2024年6月　　（会员通讯·非卖品）\n"
        "准证号：PP 12345/06/2012(030001)\n"
        "\n"
        "会长献词\n"
        "　　各位会员：时光荏苒，本会成立已届七十周年。\n"
    )
    assert stack.masthead(page) == "某某中华商会会讯"
