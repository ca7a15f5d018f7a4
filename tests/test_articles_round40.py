"""Round 40: conventions read from the tune half's pages and the round-40 blind batch.
Every text here is invented."""

from __future__ import annotations

import pytest

from qa.ingest.catalog import PageMeta, page_furniture


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
