"""Round 17b's conventions (a page read whatever its blank lines say, second pass), each
on a page invented for the test."""

from __future__ import annotations

from qa.segment import stack
from qa.segment.articles import segment_page
from qa.segment.layout import flat
from qa.segment.spacing import fragments

INTERVIEW_PAGE = "\n".join(
    [
        "临溪晚报　2025年4月19日　星期六　第5版",
        "对话馆长",
        "让老房子里的书香飘得更远",
        "——访临溪市图书馆馆长程雨",
        "本报记者　邱　南",
        "一座百年老宅改成的分馆，每天要接待上千名读者。记者日前走进这座老宅，和馆长聊了聊。",
        "记者：老宅改图书馆，最难的是什么？",
        "程馆长：最难的是既要保护老建筑，又要满足读者的需要，很多改造方案都推翻重来过。",
        "记者：今后还有什么打算？",
        "程馆长：我们想把阅读活动办到社区去，让更多人走进图书馆。",
        "慢一点，才能读进去",
        "现在的年轻人读书，常常是一目十行，读完就忘。其实，读书最怕的就是赶时间。",
        "慢下来读一本书，把书里的道理放进生活里想一想，才算是真正读过。",
        "林青（作者系临溪市第三中学语文教师）",
        "青溪河两岸新添休闲步道",
        "本报讯（记者 方晓雯）4月8日，青溪河滨水步道二期工程完工，沿河两岸新增多处休闲步道。",
        "附近居民说，晚饭后终于有地方散步了，孩子骑车，老人遛弯，都方便。",
    ]
)


def _spread(page: str) -> str:
    """A web copy's page: a blank line after each of its lines."""
    return "\n\n".join(ln for ln in page.split("\n") if ln.strip()) + "\n"


def _read(page: str) -> list[tuple[str, str, str]]:
    out = []
    for a in segment_page("p.txt", page):
        body = flat("".join(page[s:e] for s, e in a.body_spans))
        out.append((a.headline or "", body[:6], body[-6:]))
    return out


def test_a_spread_page_the_block_reader_would_take_is_read_without_its_blanks():
    # one blank line after every line, and long lines that finish no sentence (a header,
    # a subtitle): the line-by-line reader would not take the page as set, yet its blank
    # lines say nothing; read as set, the block reader voted headlines below their bodies
    # and named the essay's signature a headline
    spread = _spread(INTERVIEW_PAGE)
    assert stack.applies(INTERVIEW_PAGE) and not stack.applies(spread)
    want = _read(INTERVIEW_PAGE)
    assert [w[0] for w in want] == [
        "对话馆长让老房子里的书香飘得更远",
        "慢一点，才能读进去",
        "青溪河两岸新添休闲步道",
    ]
    assert _read(spread) == want


def test_paragraphs_cut_mid_clause_mark_a_layout_extraction():
    # two lines that finish a sentence and stop inside the next: boxes cut where their
    # column ends, their rest elsewhere (the block reader joins them)
    cut = [
        "老街书场每逢周六开讲，听书的老人越来越多。今年起，书场还将增设",
        "新馆的阅览区已全部对外开放，周末人流明显增多。下一步，馆方计划在",
    ]
    assert fragments("\n\n".join(["山城书香", *cut, "慢一点，才能读进去"]))
    assert not fragments("\n\n".join(["山城书香", cut[0]]))  # one says nothing
    # a web copy's paragraphs finish their sentences; a headline holds none
    assert not fragments(_spread(INTERVIEW_PAGE))
