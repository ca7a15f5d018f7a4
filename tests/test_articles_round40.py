"""Round 40: conventions read from the tune half's pages and the round-40 blind batch.
Every text here is invented."""

from __future__ import annotations

import pytest

from qa.ingest.catalog import PageMeta, page_furniture
from tests.segpages import arts, body, by_head, with_filler


@pytest.mark.parametrize(
    "text,meta",
    [
        # a page set without blank lines: its header is its leading lines of fields
        (
            "某某日报｜国内｜A8\n2024年3月12日　星期二\n三条接驳巴士路线下月启用\n"
            "（某埠11日讯）为改善公共交通，当局推出三条新路线。\n",
            PageMeta("", "2024-03-12", "8"),
        ),
        # dots standing between the fields
        (
            "某某日报 · 2023年11月14日 星期二 · 新闻 · 本地 4\n某某组屋电梯两周坏三次\n"
            "报道：某某\n一座组屋的电梯在两周内三度故障，居民叫苦。\n",
            PageMeta("", "2023-11-14", "4"),
        ),
        # a page number after a field: 2024年06月14日　星期五　A12版：美食
        (
            "某某都市报数字版\n2024年06月14日　星期五　A12版：美食·生活\n\n【菜谱】\n",
            PageMeta("", "2024-06-14", "12"),
        ),
        # a news agency's sheets are numbered by page
        (
            "某某社新闻稿　　国内　　2024年5月7日（星期二）　　第3页\n\n"
            "标题\n某某社北京5月7日电，正文。\n",
            PageMeta("", "2024-05-07", "3"),
        ),
        # guards: a masthead alone over a headline is no header of fields; a headline's
        # number is no page; a sentence's date is an event's
        ("某某日报\n3条新线路启用\n正文说，新线路下月启用。\n", PageMeta()),
        ("2024年3月12日，某某县召开大会。\n正文。\n", PageMeta()),
    ],
)
def test_a_header_without_a_blank_line_under_it(text, meta):
    assert page_furniture(text) == meta


def test_a_display_ad_set_in_groups_apart_by_blank_lines_is_one_ad_each():
    ads = (
        "某某地产 MOUMOU PROPERTY\n卖房找某某　专业团队　华人首选\n\n春季拍卖　免费估价\n\n"
        "销售热线：0412 558 906（罗先生）",
        "某某中医针灸\n腰颈肩痛　失眠　运动损伤\n\n注册中医师　保险即时报销\n\n"
        "某某中心对面　预约：0433 207 516",
        "某某海鲜酒家\n中秋月饼火热预订中　双黄白莲蓉 | 奶黄流心\n\n每日早茶　港式点心\n\n"
        "地址：某某街112号　订座：02 9763 8828",
    )
    page = with_filler(_LONG, *ads)
    found = [a for a in arts(page) if a.kind == "ad"]
    ends = ["558906（罗先生）", "0433207516", "97638828"]
    assert [body(page, a)[-len(e) :] for a, e in zip(found, ends)] == ends
    assert len(found) == 3
    assert [a.headline for a in found][1:] == ["某某中医针灸", "某某海鲜酒家"]


def test_a_stack_over_its_byline_and_a_contact_in_the_text_is_no_ad():
    story = (
        "某某诊所开设夜间门诊\n方便上班族就医\n\n本报记者　某某\n\n"
        "　　某某诊所自本月起开设夜间门诊，每晚开到九点。预约：0433 207 516。"
    )
    page = with_filler(_LONG, story)
    assert "某某诊所开设夜间门诊" in by_head(arts(page))
    assert not [a for a in arts(page) if a.kind == "ad"]


# a long report, so that blank lines stay few among the page's lines (stack.applies)
_LONG = "某某区老旧小区改造全面开工\n" + "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五个月。\n" for n in range(1, 13)
)
