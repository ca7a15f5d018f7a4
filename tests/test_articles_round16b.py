"""Round 16b's conventions (narrow columns cut mechanically), each on a page invented for
the test and cut at several widths."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment.articles import segment_page
from qa.segment.layout import flat
from qa.segment.unwrap import _opens_article, cut_width, unwrap

BODY = (
    "4月8日，青溪河滨水步道二期工程完工，沿河两岸新增多处休闲步道，总长约六公里，"
    "串联起沿线的五个社区公园。步道铺了透水砖，每隔五百米有饮水点，有座椅，有路灯，"
    "也有指示牌。附近居民说，晚饭后终于有地方散步了，孩子骑车，老人遛弯，都方便。"
    "下一步，二期向东延伸，年底前完工，届时步道全长将超过九公里。"
)
BODY2 = (
    "每逢周六下午，城西老街的茶馆里总是坐满了听书的老人，一壶清茶、一段评书，"
    "成了不少老街坊最惦记的周末时光。书场至今已经连续开讲两年，共说了四十多部书，"
    "来听的人越来越多，有时连门口都站满了人。老板又添了二十把竹椅，还装了风扇，"
    "说书的老先生七十三岁，他说，只要有人听，就一直讲下去。"
)


def _cut(page: str, width: int, indent: bool = False) -> str:
    """The page cut every ``width`` characters; with ``indent``, each paragraph that ends
    with a stop or a closing quote opens with 　　, as an export indents it."""
    out: list[str] = []
    for line in page.split("\n"):
        if indent and line.endswith(("。", "”")):
            line = "\u3000\u3000" + line
        out += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def _read(page: str) -> list[tuple[str, str, str]]:
    return [
        (a.headline or "", a.byline, flat("".join(page[s:e] for s, e in a.body_spans))[:6])
        for a in segment_page("p.txt", page)
    ]


def test_a_header_cut_mid_date_gives_the_issue_date():
    # the header line cut inside its date (2025年4月1 / 9日) is read joined, as the page is
    header = "临溪晚报　2025年4月19日　星期六　第5版"
    page = "\n".join([header, "", "步道完工", BODY, "", "书场开讲", BODY2])
    for width in (11, 13, 17):
        cut = _cut(page, width)
        assert cut_width(cut.split("\n")) == width
        assert page_furniture(cut).issue_date == "2025-04-19", width


def test_a_headline_filling_the_width_stands_over_its_dateline():
    # a headline exactly as wide as the cut does not end a sentence, yet never runs on into
    # the dateline or byline under it: each width gets a headline of its own width
    for width in (11, 13, 15, 20):
        head = "青溪河两岸新添休闲步道沿线社区公园串联成片"[:width]
        page = "\n".join(
            [
                "临溪晚报　第5版",
                "",
                head,
                "本报讯（记者 方晓雯）" + BODY,
                "",
                "书场开讲",
                "本报记者　邱南",
                BODY2,
            ]
        )
        cut = _cut(page, width)
        assert cut_width(cut.split("\n")) == width
        got = _read(cut)
        assert got[0][0] == head, (width, got)
        assert got[0][1] == "本报讯（记者方晓雯）", (width, got)
        assert got[1][:2] == ("书场开讲", "本报记者邱南"), (width, got)


def test_a_body_line_cut_inside_a_credit_still_runs_on():
    # a full line holding a comma or an open bracket is text: it runs on into 记者 某某 (摄)
    assert _opens_article("青溪河两岸新添十二处步道", "本报讯（记者 方晓雯）4月8")
    assert _opens_article("——记老街书场的说书人", "本报记者　邱南")
    assert not _opens_article("晚饭后散步的人多了（本报", "记者 方晓雯 摄）")
    # a headline may hold a comma or colon, never a sentence's end; a web field is no headline
    assert _opens_article("步道修好了，散步去哪儿", "本报记者　方晓雯")
    assert not _opens_article("附近居民说。步道修好了", "本报讯（记者 方晓雯）4月8")
    assert not _opens_article("来源：临溪晚报　作者：方", "本报记者　方晓雯")


def test_an_indented_heading_under_a_blank_line_is_read_flush():
    # an export indenting every paragraph that ends with a stop or quote indents a headline
    # ending with ” too: under a blank line (or a column tag) it is a headline, not text
    page = "\n".join(
        [
            "临溪晚报　第5版",
            "",
            "老街书场里的“评书迷”",
            BODY2,
            "",
            "【社区来信】",
            "让步道多一些“歇脚处”",
            BODY,
        ]
    )
    want = [
        ("老街书场里的“评书迷”", "", "每逢周六下午"),
        ("让步道多一些“歇脚处”", "", "4月8日，青"),
    ]
    for width in (12, 14, 18, 21):
        cut = _cut(page, width, indent=True)
        assert cut_width(cut.split("\n")) == width
        assert "\u3000\u3000老街书场" in cut
        assert _read(cut) == want, (width, _read(cut))


def test_indented_rows_under_a_heading_keep_their_indent():
    # a run of indented lines without punctuation under a heading is a table's rows, and the
    # lines under a notice's heading are the notice's (its issuer): neither is read flush
    lines = "\n".join(["公告", "\u3000\u3000临溪区人民法院", "\u3000\u3000张某某：" + BODY])
    page = "\n".join(["临溪晚报", "", lines, "", "书场开讲", BODY2])
    rows = "\n".join(["数据一览", "\u3000\u30002.1万户　今年新增用户", "\u3000\u300062%　老年占比"])
    page2 = "\n".join(["临溪晚报", "", "书场开讲", BODY2, "", rows, "\u3000\u3000" + BODY])
    for width in (11, 13, 16):
        joined = unwrap(_cut(page, width))
        assert joined is not None, width
        assert "\n\u3000\u3000临溪区人民法院\n" in joined[0]
        joined = unwrap(_cut(page2, width))
        assert joined is not None, width
        assert "\n\u3000\u30002.1万户" in joined[0]
