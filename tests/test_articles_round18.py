"""Round 18's conventions (pages without blank lines, third pass), each on text invented
for the test."""

from __future__ import annotations

from qa.segment.stack import _split_stack


def test_three_line_stack_widening_to_its_last_line_is_unknown():
    # a two-line headline over its subtitle: the last line is the widest, so it is no
    # wrapped headline's rest and the last two lines are not joined under a kicker
    stack = ["前三季度全市完成", "造林面积2.4万亩", "城市绿地面积同比增长一成"]
    head, subs = _split_stack(stack, wide=False)
    assert head == ""
    assert subs == stack
    # a short kicker over a headline wrapped on two lines keeps its reading
    stack = ["雨夜救援", "三名驴友被困", "消防员连夜搜救"]
    assert _split_stack(stack, wide=False) == ("三名驴友被困消防员连夜搜救", ["雨夜救援"])
    # a dash subtitle under it: the three lines are read as before
    stack = ["秋粮收购", "新粮陆续上市", "收购价格保持平稳", "——记者走访城郊粮站"]
    head, subs = _split_stack(stack, wide=False)
    assert head == "新粮陆续上市收购价格保持平稳"


def test_short_line_over_a_line_twice_as_wide_over_a_dash_subtitle_is_unknown():
    stack = [
        "守住一方净土",
        "城郊湿地鸟类种群数量五年翻了一番",
        "——湿地公园今年迎来越冬候鸟三万多只",
    ]
    head, subs = _split_stack(stack, wide=False)
    assert head == ""
    assert subs == stack
    # halves near in width over a dash subtitle: one headline broken at a phrase, joined
    stack = ["让老街坊", "住上“暖心房”", "——城南片区改造见闻"]
    assert _split_stack(stack, wide=False)[0] == "让老街坊住上“暖心房”"
