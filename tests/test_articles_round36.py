"""Round 36: conventions from the 36th blind batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts, body, by_head, lines_page, pieces, with_filler


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


def test_the_day_a_notice_was_signed_closes_it_before_the_next_title():
    page = lines_page(
        "某某日报　2025年6月12日　星期四",
        "第11版　公告",
        "某某市城区老旧供水管网改造项目中标结果公示",
        "　　一、项目名称：城区老旧供水管网改造项目（二期），编号SW-2025-021。",
        "　　二、中标人：某某建设工程有限公司，中标价1862万元。",
        "　　三、公示期：2025年6月12日至2025年6月16日。投标人对中标结果有异议",
        "的，应当在公示期内提出，逾期不予受理。",
        "　　四、联系方式：招标代理机构某某项目管理有限公司　联系人：宋先生　电话：",
        "0745-2270419",
        "某某市自来水有限责任公司",
        "2025年6月12日",
        "某某市卫生健康局2025年7月至8月政府采购意向",
        "　　为便于供应商及时了解政府采购信息，根据财政部关于开展政府采购意向",
        "公开工作的有关规定，现将我单位2025年7月至8月采购意向公开如下：",
        "　　一、基层医疗卫生机构健康体检设备采购项目，预算金额320万元，预计",
        "7月采购。",
        "　　本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目",
        "情况以相关采购公告和采购文件为准。",
    )
    found = pieces(page)
    assert any(a.headline == "某某市卫生健康局2025年7月至8月政府采购意向" for a in found)


def test_an_answering_lawyer_labelled_or_by_role_is_the_columns_byline():
    assert stack._own_byline("解答：嘉平市法律援助中心律师钟敏")
    assert stack._own_byline("特约律师　许文涛（澜海律师事务所）")
    assert not stack._own_byline("解答：这种情况属于工伤，应当由用人单位承担责任。")
