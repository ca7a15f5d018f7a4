"""Round 21's conventions (a batch of twelve new styles: a city tabloid, a county archives
bulletin, a campus weekly, a provincial portal, a fishery paper, a livelihood page, a Taiwan
daily, a bilingual city paper, a hospital's paper, a night-reading supplement, a technology
weekly, a railway paper), each on text invented for the test."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.ingest.catalog import page_furniture
from tests.segpages import by_head
from tests.segpages import pieces as _arts


def _by_head(page: str) -> dict:
    return by_head(_arts(page))


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
    assert article_body(NARROW, story).endswith("交易额创下新高。")
    assert "摄" not in story.byline
    cap = next(a for a in arts if a.kind == "caption")
    assert article_body(NARROW, cap).startswith("3月2日，沙洲港码头")
    assert article_body(NARROW, cap).endswith("两百余艘渔船进出作业。")


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
    assert article_body(TABLOID, first).startswith("3月7日晚")
    # 一线风采 names the column: neither the headline nor a kicker
    assert "十五年坚守城西路口的“老交警”" in heads
    assert not any(h.startswith("一线风采") for h in heads)


def test_the_page_foots_service_lines_are_no_piece():
    arts = _arts(TABLOID)
    bodies = [article_body(TABLOID, a) for a in arts]
    assert not any("邮政编码" in b or "网址" in b for b in bodies)
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
    assert any("服务热线" in article_body(ad, a) for a in _arts(ad))


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
    body = article_body(ESSAY, letter)
    assert body.startswith("编者按：") and body.endswith("最动人的文字。")
    tree = heads["操场边的那棵槐树"]
    assert tree.byline == "文学院2022级沈小禾"
    assert article_body(ESSAY, tree).endswith("人已散落天涯。")


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


BULLETIN = "\n".join(
    [
        "白沙县文化馆馆讯",
        "2025年第2期（总第31期）",
        "白沙县文化馆编印",
        "2025年4月2日",
        "",
        "院务公开",
        "关于调整周末开放时间的公告",
        "　　自4月5日起，本馆周末开放时间调整为9:00至18:00，节假日另行通知。",
        "",
        "白沙县文化馆",
        "2025年4月1日",
        "",
        "内部资料　免费交流",
    ]
)


def test_a_bulletins_name_a_column_over_a_notice_and_its_issuer_set_apart():
    from qa.segment.stack import masthead

    assert masthead(BULLETIN) == "白沙县文化馆馆讯"  # the name over its issue number
    arts = [a for a in _arts(BULLETIN) if a.body_spans]
    assert len(arts) == 1
    notice = arts[0]
    assert notice.headline == "关于调整周末开放时间的公告"  # 院务公开 names the column
    assert notice.byline.startswith("白沙县文化馆")  # the issuer under a blank line signs it
    assert article_body(BULLETIN, notice).endswith("节假日另行通知。")


PORTAL = "\n".join(
    [
        "临川市人民政府门户网站",
        "首页 | 政务公开 | 政务服务 | 互动交流",
        "",
        "政府信息公开",
        "索引号：113600000012345678/2025-00031",
        "主题分类：城乡建设、环境保护",
        "发布机构：临川市人民政府办公室",
        "成文日期：2025年03月20日",
        "临川市人民政府办公室关于做好春季城乡环境整治工作的通知",
        "各县（区）人民政府，市直各单位：",
        "为改善城乡人居环境，现就做好春季城乡环境整治工作通知如下。",
        "临川市人民政府办公室",
        "2025年3月20日",
        "（此件公开发布）",
        "",
        "市区新增公共停车泊位两千个",
        "本网讯（记者 丁 宁）3月19日，记者从市城管局获悉，一季度市区新增公共停车泊位两千个。",
        "",
        "网站标识码：3610000001　临ICP备05001234号",
    ]
)


def test_a_government_portals_disclosure_fields_and_its_sites_dateline():
    from qa.segment.stack import masthead

    assert masthead(PORTAL) == "临川市人民政府门户网站"  # the site's name over its menu
    heads = _by_head(PORTAL)
    notice = heads["临川市人民政府办公室关于做好春季城乡环境整治工作的通知"]
    body = article_body(PORTAL, notice)
    assert body.startswith("各县（区）人民政府") and "索引号" not in body
    assert "此件公开发布" not in body
    news = heads["市区新增公共停车泊位两千个"]
    assert news.byline == "本网讯（记者丁宁）"  # a site's own dateline
    assert not any("ICP" in article_body(PORTAL, a) for a in _arts(PORTAL))


TABLE = "\n".join(
    [
        "海港渔业报　2025年4月2日　星期三　第2版",
        "",
        "价格行情",
        "本周主要水产品价格",
        "单位：元/公斤",
        "品种　　均价　　环比",
        "带鱼　　58.0　↑1.2%",
        "鲳鱼　　66.5　↓0.8%",
        "黄鱼　　45.2　持平",
        "梭子蟹　92.0　↑3.1%",
        "注：数据来源于本市三家批发市场。",
        "",
        "行业动态",
        "本报综合",
        "■本市首个海洋牧场示范区通过验收。",
        "■远洋渔业基地一期工程开工建设。",
        "■水产品冷链物流中心投入试运营。",
    ]
)


def test_a_tables_unit_line_and_rows_and_a_list_compiled_by_the_paper():
    arts = [a for a in _arts(TABLE) if a.body_spans]
    table = next(a for a in arts if a.kind == "other")
    assert "梭子蟹" in article_body(TABLE, table)  # the rows after the unit line are the table's
    briefs = next(a for a in arts if a.kind == "briefs")
    assert briefs.byline == "本报综合"
    assert article_body(TABLE, briefs).startswith("■本市首个海洋牧场")


def test_a_unit_alone_under_the_text_before_a_blank_line_signs_it():
    page = "\n".join(
        [
            "安全警示",
            "汛期行车谨防山洪塌方",
            "近期降雨增多，沿线山区易发山洪和塌方，各单位要加强巡查，发现险情及时报告。",
            "东山铁路公司安全监察室",
            "",
            "小站新貌",
            "东山站候车室完成改造，新增座椅两百个。",
        ]
    )
    warn = _by_head(page)["汛期行车谨防山洪塌方"]
    assert warn.byline == "东山铁路公司安全监察室"
    assert article_body(page, warn).endswith("及时报告。")
