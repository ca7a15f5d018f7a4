"""Round 21's conventions (a batch of twelve new styles: a city tabloid, a county archives
bulletin, a campus weekly, a provincial portal, a fishery paper, a livelihood page, a Taiwan
daily, a bilingual city paper, a hospital's paper, a night-reading supplement, a technology
weekly, a railway paper), each on text invented for the test."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment.articles import segment_page
from qa.segment.layout import flat


def _arts(page: str):
    return segment_page("p.txt", page)


def _body(page: str, a) -> str:
    return flat("".join(page[s:e] for s, e in a.body_spans))


def _by_head(page: str) -> dict:
    return {a.headline: a for a in _arts(page) if a.headline}


NARROW = "\n".join(
    [
        "沙洲水产报",
        "2025年3月4日　星期二",
        "第2版　综合",
        "",
        "沙洲港开渔节吸引游客三万人",
        "本报讯（记者 周 航）",
        "　　3月2日，沙洲港第十届开渔",
        "节开幕，来自各地的游客三万余",
        "人涌入港区，观看祭海仪式和渔",
        "船巡游。当天渔港周边餐馆座无",
        "虚席，海鲜市场交易额创下新高。",
        "",
        "　　3月2日，沙洲港码头，渔民",
        "将一筐筐刚卸下的梭子蟹搬上冷",
        "藏车。开渔节期间，港区每天有",
        "两百余艘渔船进出作业。",
        "本报记者　何　帆　摄",
        "",
        "海岛小学迎来新校舍",
        "本报讯（通讯员 陈 露）",
        "　　3月3日，沙洲镇海岛小学新",
        "校舍投入使用，全校学生告别了",
        "建于上世纪的旧教室。",
    ]
)


def test_a_caption_of_five_full_lines_closed_by_a_bare_credit_alone():
    # narrow columns wrap a two-sentence caption over more than four lines; the credit on a
    # line of its own (本报记者　某某　摄) closes it, no byline of the story above
    arts = _arts(NARROW)
    story = next(a for a in arts if a.headline == "沙洲港开渔节吸引游客三万人")
    assert _body(NARROW, story).endswith("交易额创下新高。")
    assert "摄" not in story.byline
    cap = next(a for a in arts if a.kind == "caption")
    assert _body(NARROW, cap).startswith("3月2日，沙洲港码头")
    assert _body(NARROW, cap).endswith("两百余艘渔船进出作业。")


def test_a_header_date_in_figures_with_dots_and_a_republic_year_of_three_figures():
    assert page_furniture("2025.3.8　星期六　东港快报\nA06　城事\n").issue_date == "2025-03-08"
    assert page_furniture("焦點　A3\n中華民國114年3月8日　星期六\n").issue_date == "2025-03-08"
    # a date with dots inside a sentence dates nothing
    assert page_furniture("本报讯　2025.3.8 星期六举行的活动，吸引了市民。\n").issue_date == ""


TABLOID = "\n".join(
    [
        "2025.3.8　星期六　东港快报",
        "A06　城事",
        "责任编辑/许 晴　美编/罗 安　校对/董 明",
        "",
        "暴雨夜被困车内！民警破窗救出母子",
        "本报讯 记者 秦 朗 通讯员 郑 岩",
        "　　3月7日晚，东港市普降暴雨，城西隧道积水超过一米，一辆小轿车在隧道口熄火，"
        "车内一对母子被困。",
        "　　巡逻民警赶到后破窗施救，将母子二人背出积水区，送往附近医院检查，二人均无大碍。",
        "",
        "一线风采",
        "十五年坚守城西路口的“老交警”",
        "本报记者　秦　朗",
        "　　每天早上七点，交警钱卫东准时出现在城西路口。十五年来，他在这里指挥交通，风雨无阻。",
        "",
        "本报地址：东港市海滨路6号　邮政编码：222000",
        "新闻热线：0518-8888 6666　网址：www.dgkb.example.cn",
    ]
)


def test_a_tabloids_dateline_set_with_spaces_and_a_columns_name_over_a_headline():
    heads = _by_head(TABLOID)
    first = heads["暴雨夜被困车内！民警破窗救出母子"]
    assert first.byline == "本报讯记者秦朗通讯员郑岩"  # the reporters, not the text
    assert _body(TABLOID, first).startswith("3月7日晚")
    # 一线风采 names the column: neither the headline nor a kicker
    assert "十五年坚守城西路口的“老交警”" in heads
    assert not any(h.startswith("一线风采") for h in heads)


def test_the_page_foots_service_lines_are_no_piece():
    arts = _arts(TABLOID)
    assert not any("邮政编码" in _body(TABLOID, a) or "网址" in _body(TABLOID, a) for a in arts)
    assert len([a for a in arts if a.body_spans]) == 2
    # an ad's own contact line (服务热线：…　地址：…) stays the ad's
    ad = "\n".join(
        [
            "邻家洗衣店",
            "衣物干洗　皮具护理　上门取送",
            "新店开业全场八折",
            "服务热线：400-123-4567　地址：海滨路18号",
        ]
    )
    assert any("服务热线" in _body(ad, a) for a in _arts(ad))


ESSAY = "\n".join(
    [
        "夜读",
        "",
        "灯下的旧信",
        "□ 苏 晚",
        "　　编者按：读者来信说起家中珍藏的旧信，本期选登一篇，与大家分享那些手写的牵挂。",
        "——编者",
        "　　整理旧物时，我翻出一沓父亲写给母亲的信。信纸已经发黄，字迹却依然清楚。",
        "　　那些信里没有什么大事，不过是天气、庄稼和孩子，却是我读过最动人的文字。",
        "",
        "操场边的那棵槐树",
        "　　毕业那年夏天，我们在操场边的槐树下拍了最后一张合影。如今槐树还在，人已散落天涯。",
        "文学院2022级　沈小禾",
    ]
)


def test_an_editors_note_under_its_pieces_byline_and_a_students_year_in_a_signature():
    heads = _by_head(ESSAY)
    letter = heads["灯下的旧信"]
    body = _body(ESSAY, letter)
    assert body.startswith("编者按：") and body.endswith("最动人的文字。")
    tree = heads["操场边的那棵槐树"]
    assert tree.byline == "文学院2022级沈小禾"
    assert _body(ESSAY, tree).endswith("人已散落天涯。")


TAIWAN = "\n".join(
    [
        "焦點　A3",
        "中華民國114年3月8日　星期六",
        "",
        "寒流來襲　北部低溫探8度",
        "山區可能降雪　氣象署：週日起回暖",
        "記者陳志明／台北報導",
        "強烈大陸冷氣團今南下，氣象署預",
        "估北部平地低溫可能降至8度，山區",
        "有機會降雪，提醒民眾注意保暖。",
    ]
)


def test_a_taiwan_reporters_line_and_a_narrow_stack_of_phrase_pairs():
    arts = [a for a in _arts(TAIWAN) if a.body_spans]
    assert len(arts) == 1
    a = arts[0]
    assert a.byline == "記者陳志明／台北報導"
    assert a.headline == "寒流來襲北部低溫探8度"
    assert a.subheadlines == ["山區可能降雪氣象署：週日起回暖"]
