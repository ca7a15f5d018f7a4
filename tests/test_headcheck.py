"""The last check on a headline (segment/headcheck.py), one test per check, on invented text."""

from __future__ import annotations

import pytest

from qa.segment.articles import segment_page
from qa.segment.headcheck import check_headline, verdict


def _one(h: str, subs: list[str] | None = None, col: float = 15) -> tuple[str, str]:
    return verdict(h, [h], subs or [], col)


def test_an_exports_headline_label_is_dropped():
    assert _one("【标题】湖畔步道今起开放") == ("湖畔步道今起开放", "headline label")
    assert _one("标题：湖畔步道今起开放")[0] == "湖畔步道今起开放"


@pytest.mark.parametrize(
    "h", ["【副题】周末每天开放至晚九时", "【作者】本报记者林小溪", "作者：周明远（某某学院教授）"]
)
def test_another_fields_label_leaves_the_headline_unknown(h):
    assert _one(h) == ("", "other field's label")


def test_a_field_label_inside_the_headline_leaves_it_unknown():
    assert _one("湖畔步道今起开放【作者】林小溪")[0] == ""


@pytest.mark.parametrize(
    "h",
    ["2025年6月3日", "2025年6月3日星期二", "二〇二五年六月三日", "2025-06-03", "本报青禾6月3日电"],
)
def test_a_date_or_dateline_is_no_headline(h):
    assert _one(h) == ("", "date")


@pytest.mark.parametrize(
    "h", ["本报记者林小溪", "记者林小溪通讯员郑大川", "□林小溪", "文/林小溪", "林小溪摄"]
)
def test_a_byline_or_credit_is_no_headline(h):
    assert _one(h) == ("", "byline")


def test_a_full_date_run_into_a_title_is_a_date_line_glued_to_it():
    # a page without blank lines glues the date line under a notice to the next title
    assert _one("2024年5月20日我所召开年度科技工作会议") == ("", "date")
    assert _one("2024年3月5日讣告") == ("", "date")
    assert _one("5月20日起公交线路调整")[0] == "5月20日起公交线路调整"  # a day in a title


@pytest.mark.parametrize(
    "h",
    [
        "（江岭市图书馆“书香”志愿服务队韩冰）",
        "（通讯员林涛）让乡村教师“留得住”",
        "（本报记者赵明摄）",
    ],
)
def test_a_line_in_brackets_or_opening_with_a_credit_is_no_headline(h):
    assert _one(h) == ("", "byline")


def test_a_bracketed_column_word_inside_a_title_is_kept():
    assert _one("对话（二）：把乡愁拍成一条河")[0] == "对话（二）：把乡愁拍成一条河"


@pytest.mark.parametrize("h", ["记者节里的坚守", "记者走进春耕一线看农机"])
def test_a_headline_about_reporters_is_kept(h):
    assert _one(h) == (h, "")


@pytest.mark.parametrize(
    "h", ["小区停车费的账该", "老街巷的", "新学期从", "菜价为何又", "河长：", "三件事，"]
)
def test_a_headline_stopping_mid_phrase_is_unknown(h):
    assert _one(h) == ("", "cut short")


@pytest.mark.parametrize(
    "h", ["老铺转让", "以实干检验担当作为", "红旗渠是怎样修成的", "问题出在哪", "五月的风向"]
)
def test_words_and_phrases_ending_on_a_function_character_are_whole(h):
    assert _one(h) == (h, "")


@pytest.mark.parametrize("h", ["“一站式服务让居民", "《乡村记忆展出", "老站长的“三本账"])
def test_an_unclosed_quote_or_bracket_leaves_the_headline_unknown(h):
    assert _one(h) == ("", "unclosed bracket")


def test_a_lone_genre_label_over_a_piece_with_its_own_headline_line_is_unknown():
    assert _one("社评", ["侨团传承贵在创新"]) == ("", "lone genre label")
    assert _one("编者按") == ("编者按", "")  # alone, nothing else to name the piece


def test_a_genre_label_line_joined_to_the_headline_is_dropped():
    lines = ["通讯", "山村里的夜校老师"]
    assert verdict("".join(lines), lines, [], 14) == ("山村里的夜校老师", "genre label line")
    lines = ["群众来信", "渡口该修一修了"]
    assert check_headline("".join(lines), lines, [], 14) == "渡口该修一修了"


def test_a_line_wider_than_the_column_joined_to_another_is_unknown():
    lines = ["各地夏收工作全面展开", "许多合作社提前完成了夏收夏种的全部任务"]
    assert verdict("".join(lines), lines, [], 13) == ("", "wide line joined")
    wrapped = ["青禾镇三千亩稻田", "请来了“田管家”"]  # wraps inside the column: kept
    assert check_headline("".join(wrapped), wrapped, [], 13) == "".join(wrapped)
    notice = ["青禾县防汛抗旱指挥部", "关于开展2025年防汛应急演练的通告"]  # issuer + title
    assert check_headline("".join(notice), notice, [], 13) == "".join(notice)
    assert check_headline("".join(lines), lines, [], 30) == "".join(lines)  # wide page


def test_the_check_is_applied_to_the_page_and_its_cited_headline():
    page = (
        "\n"
        "通讯\n"
        "山村里的夜校老师\n"
        "本报记者　林小溪\n"
        "　　晚上七点，青禾村的文化室里亮起了灯。二十多位村民围坐在一起，\n"
        "听村小老师讲怎样用手机卖土特产。这样的夜校，已经办了三年。\n"
        "　　老师说，夜校不收一分钱，只要村民愿意来，她就一直讲下去。\n"
    )
    arts = segment_page("invented-1.txt", page)
    assert arts and arts[0].headline == "山村里的夜校老师"
