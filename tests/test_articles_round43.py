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
