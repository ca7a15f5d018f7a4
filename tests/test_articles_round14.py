"""Round 14's conventions, each on a page invented for the test."""

from __future__ import annotations

from qa.segment.articles import segment_page


def _body(page: str, a) -> str:
    return "".join(page[s:e] for s, e in a.body_spans).replace("\n", "")


BRACKET_DISPATCH_PAGE = """\
港湾书展今日开幕
【本报记者 林小舟东港报道】第九届港湾书展今天上午在会展中心开幕，两百多家出版社参展。
书展为期七天，主办方预计入场人次将超过十万。

新航线下月开通
【本报北岸电】北岸机场下月起新增两条国际航线，每周各飞三班。
"""


def test_a_bracketed_reporter_and_place_opening_the_text_is_the_byline():
    # 【本报记者 某某某地报道】 / 【本报某地电】 opening the first paragraph is the dispatch's
    # credit, as overseas and Hong Kong papers print it: the byline, not text
    arts = segment_page("x.txt", BRACKET_DISPATCH_PAGE)
    assert [a.byline for a in arts] == ["【本报记者林小舟东港报道】", "【本报北岸电】"]
    assert _body(BRACKET_DISPATCH_PAGE, arts[0]).startswith("第九届港湾书展")
    assert [a.headline for a in arts] == ["港湾书展今日开幕", "新航线下月开通"]
