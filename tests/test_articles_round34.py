"""Round 34: conventions from the 34th blind batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import with_filler as _page


def test_a_labelled_field_or_a_list_item_is_no_prose_cut_mid_clause():
    assert not stack._cut_prose("一、地点：云州市金湖路66号国贸中心21楼本所多功能厅")
    assert not stack._cut_prose("报名方式：请于本月20日前致电本所品牌部，名额有限")
    assert stack._cut_prose("本所律师提醒，签订租房合同前应当核实出租人的身份，并查看房屋产")


def test_two_lines_of_two_phrases_each_are_told_apart_by_the_lead():
    page = _page(
        "春季预算案出炉　国民保险再降两个百分点\n"
        "儿童福利金门槛提高　非居籍税制明年取消\n"
        "　　本报讯（记者　何方）政府3月6日公布春季预算案，国民保险税率再降两个百分点：\n"
        "从今年4月起，雇员缴纳的国民保险税率由百分之\n"
        "十降至百分之八，自雇人士的税率由百分之九降至百分之六，这是国民保险税率在短短\n"
        "几个月内第二次下调。官方估计，此次减税将使普通雇员每年少缴约四百五十英镑。\n"
    )
    a = _by_head(_arts(page))["春季预算案出炉国民保险再降两个百分点"]
    assert a.subheadlines == ["儿童福利金门槛提高非居籍税制明年取消"]


def test_two_such_lines_the_lead_does_not_tell_apart_stay_unknown():
    unknown = ("", ["甲乙丙丁", "戊己庚辛"])
    assert stack._by_lead("甲乙丙丁", "戊己庚辛", [], "无关的导语") == unknown


def test_an_addressee_line_of_several_units_and_a_greeting_salutation():
    assert stack._ADDRESSEE.fullmatch("各分（子）公司、各部门：")
    assert stack._SALUTATION.fullmatch("编辑您好：")


def test_a_bare_name_under_a_whole_title_on_a_flat_page_is_its_byline():
    # (a web copy: a paragraph to a line, a blank line after almost every line, so the
    # page is read without them: spacing.respace)
    paras = [
        "全剧不过九十分钟，唱段却有十二支，主创在曲牌的选择上颇见功夫，老戏迷听来也不觉生疏。",
        "剧院负责人表示，将根据首演反馈对剧本和舞台呈现进行修改完善，并计划明年启动巡演。",
        "另据了解，为方便学生观众，加演场次将预留两百张学生票，凭有效学生证可享受五折优惠。",
    ] * 3
    blocks = [
        "临州晚报　2025年9月19日　星期五　A14　文化·剧场　责任编辑：沈佩文",
        "《江上灯》：灯火里的三代人\n——评临州话剧院新创话剧《江上灯》\n文／顾思源",
        *paras,
        "《江上灯》一票难求　剧院宣布加演两场",
        "本报讯（记者　方晴）记者昨日从临州话剧院获悉，话剧《江上灯》首轮四场演出门票售罄。",
        *paras,
        "新编昆剧《折柳记》：旧曲新声贵在分寸\n林素秋",
        "新编昆剧《折柳记》日前在临州昆剧院小剧场连演三场，取材于唐人笔记中的一则送别故事。",
        *paras,
    ]
    page = "\n\n".join(blocks) + "\n"
    a = _by_head(_arts(page))["新编昆剧《折柳记》：旧曲新声贵在分寸"]
    assert a.byline == "林素秋"


def test_a_bare_credit_whose_role_wraps_at_the_columns_width():
    m = stack._PHOTO_BARE.search("清点刚刚出窑的瓷器。　本报记\n者　方晓岚　摄")
    assert m and m.group().strip("　") == "本报记\n者　方晓岚　摄"


def test_a_wrapped_headline_between_a_two_phrase_kicker_and_subtitle():
    lines = ["外引内联齐头并进　来料加工遍地开花", "东坑工业区两个月", "签约“三来一补”项目四十七宗"]
    lines.append("协议引进设备价值八百六十万美元　可安排就业三千人")
    assert stack._split_stack(lines, False) == (
        "东坑工业区两个月签约“三来一补”项目四十七宗",
        ["外引内联齐头并进来料加工遍地开花", "协议引进设备价值八百六十万美元可安排就业三千人"],
    )
