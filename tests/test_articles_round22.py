"""Round 22's conventions (a batch of twelve new styles: a consumer-rights weekly, a college
entrance supplement, a village noticeboard, a court daily, a 1950s factory paper, a Hong Kong
entertainment page, an agricultural-machinery paper, a city news app, an obituary page, a
marathon special, a research institute's newsletter, a weekend food supplement), each on
text invented for the test."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.stack import masthead
from tests.segpages import arts as _arts
from tests.segpages import by_head


def _by_head(page: str) -> dict:
    return by_head(_arts(page))


APP = "\n".join(
    [
        "掌上云江 | 本地频道",
        "2025年4月2日　星期三",
        "",
        "云江大桥维修工程完工",
        "2025-04-02 09:12　来源：云江发布",
        "记者：林晓　通讯员：周岩",
        "4月1日，云江大桥维修加固工程完工，大桥恢复双向四车道通行。",
        "编辑：王悦　审核：何军",
        "阅读 1.2万　点赞 386　分享 92",
        "",
        "【视频】",
        "春日江堤，樱花如雪",
        "2025-04-01 18:45　来源：云江融媒",
        "▶ 视频时长 01:26",
        "4月1日，云江江堤的樱花进入盛花期，吸引大批市民前来赏花。",
        "拍摄：孙浩　剪辑：林帆",
        "播放 5.8万　点赞 2341　评论 167",
    ]
)


def test_a_news_apps_credits_counters_and_video_caption():
    assert masthead(APP) == "掌上云江"  # the app's name before its channel
    heads = _by_head(APP)
    story = heads["云江大桥维修工程完工"]
    assert story.byline == "记者：林晓通讯员：周岩"  # labelled with colons, names only
    assert article_body(APP, story).endswith("恢复双向四车道通行。")  # no counters
    video = next(a for a in _arts(APP) if "樱花" in article_body(APP, a))
    assert article_body(APP, video).startswith("4月1日，云江江堤")  # past ▶ 视频时长
    assert "阅读" not in article_body(APP, video) and "播放" not in article_body(APP, video)
    # an interview's question labelled 记者： is no byline
    qa_page = "\n".join(
        [
            "老木匠的新徒弟",
            "本报记者　蓝　澄",
            "记者：这门手艺现在还有年轻人学吗？",
            "许师傅：有，去年就来了两个大学生，学得很认真。",
        ]
    )
    assert _arts(qa_page)[0].byline == "本报记者蓝澄"


FACTORY = "\n".join(
    [
        "前　進　報",
        "第六十期　　每週出版",
        "一九五五年十二月三日　星期六",
        "",
        "車間開展技術革新競賽",
        "本報訊",
        "　　十二月一日，機工車間開展技術革新競賽，職工們紛紛提出合理化建議。",
        "",
        "★增加生產　厲行節約★",
        "",
        "工人來信",
        "",
        "澡堂開放時間應延長",
        "　　我們三班倒的工人下班晚，澡堂早早關了門，希望延長開放時間。",
        "鍛工車間　張大山",
    ]
)


def test_a_slogan_in_stars_and_a_columns_label_alone_between_blank_lines():
    heads = _by_head(FACTORY)
    first = heads["車間開展技術革新競賽"]
    body = article_body(FACTORY, first)
    assert body.endswith("合理化建議。")  # neither the slogan nor the label is its text
    letter = heads["澡堂開放時間應延長"]
    assert article_body(FACTORY, letter).startswith("我們三班倒")


COURT = "\n".join(
    [
        "案例精析",
        "网店拒不发货　消费者可获赔偿",
        "□ 周　琴",
        "【裁判要旨】",
        "　　经营者收取货款后拒不发货的，消费者有权要求退还货款并赔偿损失。",
        "【案情】",
        "　　2023年5月，张某在某网店购买家电一台，付款后店家迟迟不发货。",
        "【裁判】",
        "　　法院经审理认为，网店收取货款后拒不发货，构成违约，判决退还货款并赔偿损失。",
        "　　一审判决后，双方均未上诉。",
        "",
        "公　告",
        "",
        "　　王某某：本院受理原告李某诉你买卖合同纠纷一案，现依法向你公告送达起诉状副本。",
        "东川省江陵市东湖区人民法院",
        "二〇二三年十一月十日",
        "",
        "　　赵某某：本院受理原告陈某诉你民间借贷纠纷一案，现依法向你公告送达判决书。",
        "东川省临溪县人民法院",
        "二〇二三年十一月九日",
    ]
)


def test_a_case_reports_labelled_sections_and_untitled_court_notices():
    arts = _arts(COURT)
    case = next(a for a in arts if a.headline == "网店拒不发货消费者可获赔偿")
    body = article_body(COURT, case)
    assert body.startswith("【裁判要旨】") and body.endswith("双方均未上诉。")  # one piece
    notices = [a for a in arts if "公告送达" in article_body(COURT, a)]
    assert len(notices) == 2  # each closed by its court's name and date
    assert article_body(COURT, notices[0]).startswith("王某某：")
    assert notices[0].byline.startswith("东川省江陵市东湖区人民法院")
    assert article_body(COURT, notices[1]).startswith("赵某某：")


TABLES = "\n".join(
    [
        "临江晚报　2025年6月25日　星期三　第B02版",
        "",
        "2025年我省高校招生录取控制分数线",
        "单位：分",
        "类　别　　　　历史类　　物理类",
        "本科批　　　　468　　　442",
        "特殊类型　　　539　　　521",
        "专科批　　　　200　　　200",
        "注：艺术类控制分数线另行公布。",
        "",
        "专家答疑",
        "平行志愿怎么投档？",
        "答疑专家：临江师范大学招生处处长　魏　宏",
        "　　问：平行志愿是“分数优先”还是“志愿优先”？",
        "　　答：平行志愿遵循“分数优先、遵循志愿”的原则。",
        "",
        "终点线前的拥抱",
        "一名完赛跑者在终点区与前来迎接的家人相拥。（记者 林岳",
        "摄）",
    ]
)


def test_a_tables_unit_and_header_rows_an_experts_label_and_a_captions_title():
    arts = _arts(TABLES)
    table = next(a for a in arts if a.kind == "other")
    assert table.headline == "2025年我省高校招生录取控制分数线"
    assert article_body(TABLES, table).startswith("单位：分")
    qa_piece = next(a for a in arts if "分数优先" in article_body(TABLES, a))
    assert qa_piece.headline != "答疑专家：临江师范大学招生处处长魏宏"
    assert qa_piece.byline == "答疑专家：临江师范大学招生处处长魏宏"
    cap = next(a for a in arts if a.kind == "caption")
    assert cap.headline == "终点线前的拥抱"
    assert article_body(TABLES, cap).startswith("一名完赛跑者")
