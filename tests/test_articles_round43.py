"""Round 43: conventions read from the tune half's pages and the round-43 blind batch.
Every text here is invented."""

from __future__ import annotations

from tests.segpages import arts, body, with_filler

_LONG = "某某区老旧小区改造全面开工\n" + "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五个月。\n" for n in range(1, 13)
)


def test_an_issuer_under_a_contact_number_wrapped_at_the_columns_width_signs():
    notice = (
        "关于缴纳年度会费的通知\n"
        "　　各位会员：根据协会章程，请于本月底前缴纳年度会费，逾期视为自动退会。\n"
        "　　联系人：某某　办公室电话：\n"
        "6215437\n"
        "　　某某省铁路爱好者\n"
        "　　　　协会秘书处\n"
        "　　　2024年6月10日"
    )
    page = with_filler(_LONG, notice)
    a = next(x for x in arts(page) if "会费" in body(page, x))
    assert a.byline == "某某省铁路爱好者协会秘书处"
    assert body(page, a).endswith("办公室电话：6215437")


# a report wrapped at 32 characters, as an e-paper exports its pages
_WIDE = "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五\n个月，居民可以就近办理手续，"
    "社区还为行动不便的老人上门服务。\n"
    for n in range(1, 9)
)


def test_a_name_with_a_note_on_the_author_under_a_title_is_the_byline():
    column = (
        "算法治理要走在前面\n"
        "某某某（作者为某某大学法学院教授）\n"
        "　　从写诗作画到辅助诊疗，人工智能正以前所未有的速度走进生产生活，治理也要跟上。\n"
        "　　鼓励创新与防范风险并重，才能行稳致远。"
    )
    page = with_filler(_WIDE, column)
    a = next(x for x in arts(page) if "治理也要跟上" in body(page, x))
    assert a.headline == "算法治理要走在前面"
    assert a.byline == "某某某（作者为某某大学法学院教授）"


def test_a_bare_name_under_a_whole_title_on_a_wide_page_is_the_writers():
    column = (
        "【某某时评】\n"
        "让社区服务更有温度\n"
        "韩某某\n"
        "　　前不久，城东一个社区把闲置的物业用房改造成共享空间，老人和孩子都有了去处。\n"
        "　　小事办好了，群众的幸福感就会多一分。"
    )
    page = with_filler(_WIDE, column)
    a = next(x for x in arts(page) if "共享空间" in body(page, x))
    assert a.headline == "让社区服务更有温度"
    assert a.byline == "韩某某"
