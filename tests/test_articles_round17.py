"""Round 17's conventions (a page read whatever its blank lines say), each on a page
invented for the test, as written, with its blank lines dropped and with one after every
line."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment.articles import segment_page
from qa.segment.layout import flat
from qa.segment.spacing import respace

BODY = (
    "4月8日，青溪河滨水步道二期工程完工，沿河两岸新增多处休闲步道，总长约六公里，"
    "串联起沿线的五个社区公园。"
)
BODY_B = "附近居民说，晚饭后终于有地方散步了，孩子骑车，老人遛弯，都方便。"
BODY2 = (
    "每逢周六下午，城西老街的茶馆里总是坐满了听书的老人，一壶清茶、一段评书，"
    "成了不少老街坊最惦记的周末时光。"
)
BODY2_B = "说书的老先生七十三岁，他说，只要有人听，就一直讲下去。"
HEADER = "临溪晚报　2025年4月19日　星期六　第5版"
PAGE = "\n".join(
    [
        HEADER,
        "",
        "青溪河两岸新添休闲步道",
        "本报讯（记者 方晓雯）" + BODY,
        BODY_B,
        "",
        "老街书场开讲两周年",
        "本报记者　邱南",
        BODY2,
        BODY2_B,
    ]
)


def _spread(page: str) -> str:
    """A web copy's page: a blank line after each of its lines."""
    return "\n\n".join(ln for ln in page.split("\n") if ln.strip()) + "\n"


def _read(page: str) -> list[tuple[str, str, str, str]]:
    out = []
    for a in segment_page("p.txt", page):
        body = flat("".join(page[s:e] for s, e in a.body_spans))
        out.append((a.headline or "", a.byline, body[:6], body[-6:]))
    return out


def test_a_blank_line_after_every_line_says_nothing():
    # the page read with a blank line after each line reads as the page itself: its spans
    # are the spread page's own
    want = _read(PAGE)
    assert [w[0] for w in want] == ["青溪河两岸新添休闲步道", "老街书场开讲两周年"]
    spread = _spread(PAGE)
    assert _read(spread) == want
    for a in segment_page("p.txt", spread):
        assert spread[a.char_start : a.char_end].strip()
    assert page_furniture(spread).issue_date == "2025-04-19"


def test_gaps_that_differ_are_the_pages_own_spacing():
    # one blank line between paragraphs, three between some pieces: the page spaces itself,
    # its blank lines are kept for the reader that weighs them
    lines = [ln for ln in PAGE.split("\n") if ln.strip()]
    spread = "\n\n".join(lines[:3]) + "\n\n\n\n" + "\n\n".join(lines[3:])
    assert respace(spread) is None
    text, back = respace(_spread(PAGE))
    assert text.split("\n") == lines
    assert len(back) == len(text) + 1
    assert all(_spread(PAGE)[back[i]] == text[i] for i in range(len(text)))


def test_a_page_setting_blank_lines_between_pieces_is_read_as_set():
    assert respace(PAGE) is None
    assert respace("标题\n\n正文一句。\n") is None  # too few lines to measure


def test_the_editors_line_closes_a_header_no_blank_line_closes():
    # a page set without blank lines: the header runs to its editors' line, the section's
    # name over it (城事·特写, with the page number) is the header's, not the headline stack's
    page = "\n".join(
        [
            HEADER,
            "B6　城事·特写",
            "责编　苏　禾　美编　林　一",
            "青溪河两岸新添休闲步道",
            "本报记者　方晓雯",
            BODY,
            BODY_B,
            "老街书场开讲两周年",
            "本报讯（记者 邱南）" + BODY2,
            BODY2_B,
        ]
    )
    got = segment_page("p.txt", page)
    assert [(a.headline, a.subheadlines) for a in got] == [
        ("青溪河两岸新添休闲步道", []),
        ("老街书场开讲两周年", []),
    ]
    assert got[0].byline == "本报记者方晓雯"
    # a web copy's source line naming its editor (来源：… | 编辑：某某) closes no header
    web = "\n".join(
        [
            "首页 | 时政 | 本地 | 民生 | 视频",
            "当前位置：临溪网 > 新闻 > 本地",
            "青溪河两岸新添休闲步道",
            "来源：临溪晚报 | 2025-04-19 09:20 | 编辑：方晓",
            "本报讯（记者 方晓雯）" + BODY,
            BODY_B,
        ]
    )
    assert segment_page("p.txt", web)[0].headline == "青溪河两岸新添休闲步道"


def test_a_notices_issuer_and_date_close_it_without_a_blank_line():
    # a page of notices set without blank lines: the issuer's name and the date under
    # 特此公告。 sign the notice; the next notice's heading is its own headline
    text = "当事人应于公告期满后十日内到本局领取决定书，逾期视为送达。特此公告。"
    units = ["临溪市水务局", "临溪市林业局", "临溪市交通运输局", "临溪市商务局", "临溪市体育局"]
    date = "二〇二五年四月十八日"
    lines = [HEADER]
    for k, unit in enumerate(units):
        case = f"某某公司：本局对你单位第{k + 1}号案件作出处理决定。"
        lines += [unit + "公告", case, text, unit, date]
    got = segment_page("p.txt", "\n".join(lines))
    assert [a.headline for a in got] == [u + "公告" for u in units]
    assert [a.byline for a in got] == units  # (the day signed is no author)
