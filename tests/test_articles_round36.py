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


def test_the_page_foots_block_under_a_blank_line_is_furniture_field_by_field():
    from tests.segpages import arts, body, with_filler

    page = with_filler(
        "要闻简报\n"
        "■3月14日，县人大常委会组织代表视察烟花爆竹企业安全生产工作。（邹建国）\n"
        "■3月15日，县应急管理局举办企业主要负责人安全培训，共210人参训。（李明）",
        "地址：瑶泉县城关镇花炮大道88号\n邮编：410399\n新闻热线：0731-83226518\n瑶泉县印务中心印刷",
    )
    found = arts(page)
    briefs = next(a for a in found if a.headline == "要闻简报")
    assert body(page, briefs).endswith("共210人参训。（李明）")
    assert not any("印务中心" in body(page, a) for a in found)


def test_a_columns_line_holding_publish_or_host_mid_sentence_is_no_furniture():
    assert not stack.page_furniture("第三辑出版该书收录本市47个")
    assert not stack.page_furniture("本次活动由市妇联主办，共有")
    assert stack.page_furniture("中共某某市委机关报　某某日报社出版")
    assert stack.page_furniture("某某市天文爱好者协会主办")


def test_a_notices_title_over_whoever_it_addresses_closes_the_list_above():
    from tests.segpages import arts, body, by_head, with_filler

    page = with_filler(
        "客讯速递\n"
        "●梅岗县客家话进课堂试点启动，首批十所小学开设客家童谣课。\n"
        "●《客家姓氏源流》第三辑出版，收录本市四十七个姓氏的族谱序言。（罗丽）\n"
        "\n"
        "丰溪叶氏宗祠重光庆典暨祭祖公告\n"
        "海内外叶氏宗亲：\n"
        "　　丰溪叶氏宗祠始建于清康熙年间，修缮工程已于本年十月竣工，兹定于农历十一月\n"
        "初八举行重光庆典暨祭祖大典，敬请各地宗亲届时莅临。\n"
    )
    found = by_head(arts(page))
    assert body(page, found["客讯速递"]).endswith("族谱序言。（罗丽）")
    assert found["丰溪叶氏宗祠重光庆典暨祭祖公告"].kind == "notice"
