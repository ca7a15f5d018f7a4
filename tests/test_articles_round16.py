"""Round 16's conventions (the text shapes), each on a page invented for the test."""

from __future__ import annotations

from qa.segment.articles import segment_page
from qa.segment.unwrap import cut_width, unwrap
from tests.segpages import body as _body

FLAT_PAGE = "\n".join(
    [
        "青溪晚报　2025年4月9日　星期三　第5版",
        "",
        "青溪河两岸新添十二处休闲步道",
        "本报讯（记者 方晓雯）4月8日，青溪河滨水步道二期工程完工，"
        "沿河两岸新增十二处休闲步道，总长约六公里，串联起沿线的五个社区公园。",
        "步道沿用原有的堤岸走向，铺设透水砖，并在每隔五百米处设置了饮水点和休息座椅。"
        "附近居民说，晚饭后终于有地方散步了。",
        "",
        "老茶馆里的周末书场",
        "本报讯（记者 邱南）每逢周六下午，城西老街的茶馆里总是坐满了听书的老人，"
        "一壶清茶、一段评书，成了不少老街坊最惦记的周末时光。",
        "书场由社区和一家文化公司合办，至今已经连续开讲两年，共说了四十多部书。"
        "茶馆老板说，来听书的人越来越多，有时连门口都站满了人，他又添了二十把竹椅。",
        "说书的老先生今年七十三岁，年轻时在县剧团唱过戏，退休后重新拾起了评书，"
        "他说只要还有人愿意听，就会一直讲下去。",
        "",
    ]
)


def _cut(page: str, width: int, indent: bool = False) -> str:
    out: list[str] = []
    for line in page.split("\n"):
        if indent and line.endswith("。"):
            line = "\u3000\u3000" + line
        out += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def test_a_page_cut_mechanically_at_any_width_reads_as_its_flat_copy():
    # an export cut every N characters, whatever N, breaks lines before commas and stops
    # (no typesetter does): its full lines that stop mid-sentence run on, and the page reads
    # as with a paragraph a line, its spans the page's
    want = [(a.headline, a.byline, _body(FLAT_PAGE, a)) for a in segment_page("f.txt", FLAT_PAGE)]
    assert [h for h, _, _ in want] == ["青溪河两岸新添十二处休闲步道", "老茶馆里的周末书场"]
    shapes = ((10, False), (11, False), (17, False), (20, False), (12, True), (18, True))
    for width, indent in shapes:
        page = _cut(FLAT_PAGE, width, indent)
        assert cut_width(page.split("\n")) == width
        got = [(a.headline, a.byline, _body(page, a)) for a in segment_page("w.txt", page)]
        assert got == want, (width, indent)


def test_a_full_line_runs_on_only_mid_sentence_and_never_into_an_indent():
    page = "\n".join(
        ["甲乙丙丁戊己庚辛壬癸", "，子丑寅卯辰巳午未。"] * 5  # mid-sentence: runs on
        + ["天地玄黄宇宙洪荒日月", "　　盈昃辰宿列张寒来", "秋收冬藏。"]  # an indent opens
    )
    text, back = unwrap(page)
    assert text.split("\n")[:2] == ["甲乙丙丁戊己庚辛壬癸，子丑寅卯辰巳午未。"] * 2
    assert text.split("\n")[-2:] == ["天地玄黄宇宙洪荒日月", "　　盈昃辰宿列张寒来秋收冬藏。"]
    assert len(back) == len(text) + 1 and all(page[back[i]] == text[i] for i in range(len(text)))


def test_a_typeset_column_keeps_its_lines():
    # a typeset column hangs its stops past the width and never opens a line with a comma:
    # its short lines (a headline stack over the text) are read as set, not joined
    lines = ["甲乙丙丁戊己庚辛壬癸"] * 10 + ["子丑寅卯辰巳午未申酉，"]
    assert cut_width(lines) == 0
    assert unwrap("\n".join(["短标题"] + lines)) is None


INDENTED_FLAT_PAGE = "\n".join(
    [
        "柳塘社区报　2025年5月6日　星期二　第2版",
        "",
        "柳塘社区新开一家便民理发室",
        "　　本报讯（记者 闻秋）5月5日，柳塘社区便民理发室在活动中心一楼开门，"
        "每周二、周五上午为辖区老人免费理发。",
        "　　理发室由六名志愿者轮流值守，开门第一天就接待了三十多位老人。",
        "　　社区负责人说，下一步还将请来志愿者为行动不便的老人上门服务。",
        "",
        "关于柳塘社区停水检修的通知",
        "各位居民：",
        "　　因供水管网检修，5月8日8时至18时柳塘社区一至六栋将暂停供水，请提前储水。",
        "　　给您带来的不便，敬请谅解。",
        "柳塘社区居委会",
        "2025年5月6日",
        "",
    ]
)


def test_a_flush_paragraph_on_a_page_printing_a_paragraph_a_line_that_indents_the_rest():
    # on a page printing a paragraph a line and indenting its paragraphs, a flush line that
    # is no heading (a notice's salutation ending with a colon) opens text under the stack,
    # as an indented paragraph does: the notice's title is its headline, not the story's text
    arts = segment_page("i.txt", INDENTED_FLAT_PAGE)
    heads = ["柳塘社区新开一家便民理发室", "关于柳塘社区停水检修的通知"]
    assert [a.headline for a in arts] == heads
    assert _body(INDENTED_FLAT_PAGE, arts[0]).endswith("上门服务。")


def test_a_stop_opening_the_next_line_is_the_full_line_s_own():
    # a full line ending a sentence runs on when the next line opens with a stop, a comma or
    # a closing quote cut from it (……, 。”): the cut fell inside the punctuation
    page = "\n".join(
        ["甲乙丙丁戊己庚辛壬癸", "，子丑寅卯辰巳午未。"] * 5 + ["天地玄黄宇宙洪荒日…", "…月盈昃。"]
    )
    text, _back = unwrap(page)
    assert text.split("\n")[-1] == "天地玄黄宇宙洪荒日……月盈昃。"


def test_a_dash_subtitle_keeps_its_own_line_under_a_full_headline():
    # a headline that happens to fill the width does not run on into the dash subtitle
    lines = ["甲乙丙丁戊己庚辛壬癸", "，子丑寅卯辰巳午未。"] * 5
    page = "\n".join(lines + ["天地玄黄宇宙洪荒日月", "——盈昃辰宿"])
    text, _back = unwrap(page)
    assert text.split("\n")[-2:] == ["天地玄黄宇宙洪荒日月", "——盈昃辰宿"]
