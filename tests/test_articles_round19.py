"""Round 19's conventions (a batch of twelve new styles: an older paper's wires, a news app's
copy, a school paper, a bilingual page, a serial, a CPPCC paper...), each on text invented
for the test."""

from __future__ import annotations

from qa.ingest.catalog import page_furniture
from qa.segment.headcheck import check_headline
from tests.segpages import body as _body
from tests.segpages import pieces as _arts


def test_an_older_papers_wire_dateline_and_local_news_under_section_labels():
    page = "\n".join(
        [
            "申江日報",
            "中華民國十五年三月四日　星期四",
            "第二版",
            "專電",
            "鐵路運輸漸復",
            "南京三日電　京滬路自上月停駛以來、",
            "商旅不便、近經路局與各方商定、",
            "自本日起恢復客車對開。",
            "本埠新聞",
            "米價回落",
            "本埠訊　連日洋米到埠甚多、米價",
            "漸趨平穩、市民稱便。",
        ]
    )
    arts = _arts(page)
    assert [a.headline for a in arts] == ["鐵路運輸漸復", "米價回落"]
    assert [a.byline for a in arts] == ["南京三日電", "本埠訊"]
    assert arts[0].date == "三日"
    assert _body(page, arts[0]).startswith("京滬路自上月")
    assert _body(page, arts[1]).startswith("連日洋米")


APP_PAGE = "\n".join(
    [
        "云州新闻　|　本地",
        "",
        "城北公园改造完成　本周六开园",
        "来源：云州日报　2025-04-10 07:20",
        "作者：周　宁",
        "城北公园改造工程日前完工，新增步道3公里、健身场地4处，本周六起向市民开放。",
        "公园管理处负责人说，开园后将延长夜间照明时间。",
        "编辑：李　想　审核：王　立",
        "阅读 2.1万",
        "分享　点赞",
        "相关阅读",
        "城南公园夜间照明延长一小时",
        "",
        "社区图书室开到家门口",
        "来源：云州日报　2025-04-10 08:05",
        "作者：陈　默",
        "今年以来，全市新建社区图书室20个，居民步行十分钟即可借书还书。",
        "编辑：李　想　审核：王　立",
        "阅读 9630",
        "分享　点赞",
    ]
)


def test_a_news_apps_source_lines_staff_counters_buttons_and_related_titles():
    arts = _arts(APP_PAGE)
    heads = [a.headline for a in arts if a.headline]
    assert heads == ["城北公园改造完成本周六开园", "社区图书室开到家门口"]
    first = next(a for a in arts if a.headline == heads[0])
    assert _body(APP_PAGE, first).endswith("将延长夜间照明时间。")
    last = next(a for a in arts if a.headline == heads[1])
    assert _body(APP_PAGE, last).endswith("即可借书还书。")
    assert first.publication == "云州日报"  # the paper two source lines name
    assert page_furniture(APP_PAGE).issue_date == "2025-04-10"


def test_issue_date_from_a_header_line_never_from_a_notices_sentence():
    page = "\n".join(
        [
            "停水通知",
            "因管网改造，定于2025年6月3日（星期二）9:00至18:00暂停供水，敬请谅解。",
            "活动时间：2025年6月8日上午",
        ]
    )
    assert page_furniture(page).issue_date == ""
    web = "学校开放日\n时间：2025-05-20 10:12　来源：某某晚报\n正文一句话。"
    assert page_furniture(web).issue_date == "2025-05-20"


def test_column_tags_in_other_brackets_and_a_column_of_voices():
    page = "\n".join(
        [
            "某某政协报　2025年5月6日　星期二",
            "第3版",
            "",
            "〔议政建言〕",
            "小菜园撬动大民生",
            "本报讯　市政协委员张明去年提出的",
            "社区菜园提案已经落地见效。",
            "",
            "代表之声",
            "让夜市亮起来",
            "市人大代表、某某学院副教授　刘　青",
            "　　夜市是城市的烟火气，也是消费",
            "的新场景，管理要跟上。",
        ]
    )
    arts = _arts(page)
    assert [a.headline for a in arts] == ["小菜园撬动大民生", "让夜市亮起来"]
    assert arts[1].byline == "市人大代表、某某学院副教授刘青"


def test_a_pupil_reporters_class_and_a_teachers_unit_set_apart():
    page = "\n".join(
        [
            "某某中学校报　2025年1月6日　星期一",
            "第2版　校园新闻",
            "",
            "校园科技节开幕",
            "学生记者　初一（2）班　陈小雨",
            "　　1月3日，第五届校园科技节开",
            "幕，同学们展示了自制的机器人。",
            "",
            "阅读要读出自己",
            "某某外国语学校　高级教师　孙　岚",
            "　　读书不能只读别人的结论，还要",
            "读出自己的思考。",
        ]
    )
    arts = _arts(page)
    assert [a.headline for a in arts] == ["校园科技节开幕", "阅读要读出自己"]
    assert arts[0].byline == "学生记者初一（2）班陈小雨"
    assert arts[1].byline == "某某外国语学校高级教师孙岚"


def test_a_dash_line_is_a_reports_subtitle_never_a_notice_titles_rest():
    page = "\n".join(
        [
            "某某日报　2025年3月2日　星期日",
            "第1版",
            "",
            "依法治市　共建平安",
            "市人大常委会会议闭幕",
            "——通过关于加强物业管理的决定",
            "　　本报讯（记者　王　平）市人大常",
            "委会会议今天闭幕。",
        ]
    )
    arts = _arts(page)
    assert arts[0].headline != "依法治市共建平安市人大常委会会议闭幕——通过关于加强物业管理的决定"
    assert "——通过关于加强物业管理的决定" in arts[0].subheadlines


def test_an_english_title_under_the_headline_and_a_translators_credit():
    page = "\n".join(
        [
            "某某英语报　2025年3月7日　第5版",
            "",
            "北极熊学会了“搭便车”",
            'Polar Bears "Hitch a Ride" on Ice',
            "编译　周　末",
            "　　科学家发现，一些北极熊会趴在浮冰上随洋流漂行，以节省体力。",
            "　　研究人员说，这种行为与海冰减少有关。",
        ]
    )
    (a,) = _arts(page)
    assert a.headline == "北极熊学会了“搭便车”"
    assert a.subheadlines == ['PolarBears"HitchaRide"onIce']
    assert a.byline == "编译周末"
    assert _body(page, a).startswith("科学家发现")


def test_a_spaced_name_under_a_one_line_title_is_the_writers():
    page = "\n".join(
        [
            "某某日报　2025年4月1日　星期二",
            "第4版",
            "",
            "■书边随笔",
            "“慢读”的滋味",
            "林　川",
            "　　读书快了，往往只记住了情节；读",
            "得慢些，才尝得出字里行间的滋味。",
        ]
    )
    (a,) = _arts(page)
    assert a.headline == "“慢读”的滋味"
    assert a.byline == "林川"


def test_captions_closed_by_an_agencys_or_a_bare_reporters_credit():
    page = "\n".join(
        [
            "某某参考　2025年3月3日　星期一",
            "第3版　国际",
            "",
            "港口罢工进入第三天",
            "　　新华社某地3月2日电　当地港口工人罢工进入第",
            "三天，多艘货轮滞留港外。",
            "",
            "　　3月2日，在某地港口，货轮在锚地等",
            "待进港。新华社发",
            "",
            "　　3月1日，市民在广场观看灯展。本报记者　赵",
            "　明　摄",
        ]
    )
    arts = _arts(page)
    captions = [a for a in arts if a.kind == "caption"]
    assert [a.byline for a in captions] == ["新华社发", "本报记者赵明摄"]
    assert _body(page, captions[0]).endswith("待进港。")
    assert _body(page, captions[1]).endswith("观看灯展。")
    assert arts[0].publication == "某某参考"  # the name before the date and weekday


SUPPLEMENT = [
    "某某晚报",
    "2025年5月10日　星期六",
    "B8",
    "周末·副刊",
    "责任编辑　林　晓　　美编　周　宁",
    "",
    "【长篇连载】",
    "江上人家",
    "第九章　渡口的春天",
    "许　远",
    "　　上期提要：老艄公的儿子从城里",
    "回来了，带回一个让全家人都睡不",
    "着觉的消息。",
    "　　渡口的柳树又绿了，老艄公把船",
    "擦得锃亮，等着第一批客人。",
    "　　他知道，今年的春天和往年不一",
    "样。镇上要修桥了。",
    "　　桥修好了，渡船还摆给谁呢？他",
    "不愿意往下想。",
    "（未完待续）",
    "",
    "■随笔",
    "雨中的小巷",
    "文/陈　默",
    "　　小巷的青石板被雨洗得发亮，屋",
    "檐下的燕子叫个不停。",
    "　　巷口的老茶馆还开着，几位老人",
    "慢悠悠地下着棋。",
]


def test_a_serials_chapter_line_and_its_to_be_continued():
    page = "\n".join(SUPPLEMENT)
    arts = _arts(page)
    assert [a.headline for a in arts] == ["江上人家", "雨中的小巷"]
    assert arts[0].subheadlines == ["第九章渡口的春天"]
    assert arts[0].byline == "许远"  # （未完待续） closes the text: no signature
    assert _body(page, arts[0]).endswith("不愿意往下想。")


def test_a_letter_signed_and_dated_and_the_page_foot():
    lines = SUPPLEMENT[:20] + [
        "",
        "■来信",
        "谢谢你们送来的温暖",
        "　　尊敬的编辑同志：",
        "　　寒潮那几天，社区志愿者天天上门",
        "看望我们老两口，我们心里暖洋洋的。",
        "某某县第一小学　李强",
        "2025年1月28日",
        "",
        "新闻热线　96110",
        "本报地址：某某市某某路8号　邮编：100001　新闻热线：010-12345678",
        "本版投稿邮箱：fukan@example.com",
    ]
    page = "\n".join(lines)
    letter = _arts(page)[-1]
    assert letter.headline == "谢谢你们送来的温暖"
    assert _body(page, letter).endswith("心里暖洋洋的。")
    assert letter.byline.startswith("某某县第一小学李强")


def test_a_column_tag_alone_in_its_brackets_is_no_headline():
    assert check_headline("【词语加油站】", ["【词语加油站】"], [], 30.0) == ""
    assert check_headline("〔读者来信〕", ["〔读者来信〕"], [], 30.0) == ""
    assert check_headline("春风里的小城", ["春风里的小城"], [], 30.0) == "春风里的小城"


def test_a_source_line_run_into_a_headline_leaves_it_unknown():
    h = "让小公园真正方便居民来源：某某日报2025-04-1008:00"
    assert check_headline(h, [h], [], 15.0) == ""
    assert check_headline("专家：春季出游防过敏", ["专家：春季出游防过敏"], [], 15.0) != ""
