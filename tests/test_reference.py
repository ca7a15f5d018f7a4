"""A citation as a librarian copies it: GB/T 7714-2015 for a newspaper article."""

from __future__ import annotations

import pytest

from qa.web.reference import authors, display_byline, page_number, reference

FULL = {
    "byline": "□王新端",
    "headline": "坚持党建引领助推军民融合",
    "publication": "临沂日报",
    "issue_date": "2024-05-08",
    "page": "3",
}


def test_a_full_reference():
    assert reference(FULL) == "王新端. 坚持党建引领助推军民融合[N]. 临沂日报, 2024-05-08(3)."


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ("byline", "坚持党建引领助推军民融合[N]. 临沂日报, 2024-05-08(3)."),
        ("publication", "王新端. 坚持党建引领助推军民融合[N]. 2024-05-08(3)."),
        ("issue_date", "王新端. 坚持党建引领助推军民融合[N]. 临沂日报(3)."),
        ("page", "王新端. 坚持党建引领助推军民融合[N]. 临沂日报, 2024-05-08."),
        ("headline", "王新端. [标题未识别][N]. 临沂日报, 2024-05-08(3)."),
    ],
)
def test_unknown_parts_are_left_out(missing, expected):
    assert reference({**FULL, missing: None}) == expected
    assert reference({**FULL, missing: ""}) == expected


def test_nothing_known_but_the_kind():
    assert reference({}) == "[标题未识别][N]."


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("□王新端", "王新端"),
        ("□ 王文明", "王文明"),
        ("滨州日报/滨州网讯（记者丁春贵报道）", "丁春贵"),
        ("本报讯(记者李淑霞通讯员杨雪瑞报道)", "李淑霞, 杨雪瑞"),
        ("本报记者李伟伟通讯员张玉华", "李伟伟, 张玉华"),
        ("(通讯员于俊涵摄影)", "于俊涵"),
        ("文/图 本报记者 王某 李某", "王某, 李某"),
        ("", ""),
        (None, ""),
    ],
)
def test_authors_are_the_names_without_roles(byline, names):
    assert authors(byline) == names


def test_display_byline_drops_only_the_print_marker():
    assert display_byline("□王新端") == "王新端"
    assert display_byline("本报讯(记者刘清春报道)") == "本报讯(记者刘清春报道)"
    assert display_byline(None) == ""


@pytest.mark.parametrize(("page", "number"), [("3", "3"), ("第3版", "3"), ("A03", "A03"), ("", "")])
def test_page_number(page, number):
    assert page_number(page) == number
