"""Round 20's conventions (a batch of twelve new styles: a paper's Weibo posts, its public
account's articles, a news agency's wire printout, a southern tabloid, an advertorial page,
a 1960s page, a classical-poetry page...), each on text invented for the test."""

from __future__ import annotations

from qa.segment.headcheck import check_headline
from tests.segpages import body as _body
from tests.segpages import pieces as _arts

POSTS = "\n".join(
    [
        "云江日报",
        "@云江日报",
        "云江日报社官方微博　|　微博存档　2025年4月2日",
        "",
        "云江日报",
        "【云江大桥今日起夜间限行】因桥面检修，4月2日至10日每晚22时至次日5时，云江大桥"
        "禁止货车通行，小客车单向放行。#云江交通# 网页链接",
        "4月2日 07:10 来自 微博 weibo.com",
        "转发 86 评论 40 赞 512",
        "",
        "云江日报",
        "【城东公园樱花进入盛花期】连日晴好，城东公园的樱花进入盛花期，吸引大批市民前来"
        "赏花。#云江春色#（记者 林　岚）",
        "4月2日 09:30 来自 微博 weibo.com",
        "转发 20 评论 11 赞 301",
    ]
)


def test_a_papers_posts_with_their_bracketed_headlines_and_residue():
    arts = [a for a in _arts(POSTS) if a.body_spans]
    heads = [a.headline for a in arts]
    assert "云江大桥今日起夜间限行" in heads
    assert "城东公园樱花进入盛花期" in heads
    first = arts[heads.index("云江大桥今日起夜间限行")]
    assert _body(POSTS, first).startswith("因桥面检修")
    assert _body(POSTS, first).endswith("#云江交通#")  # 网页链接 is the post's link
    second = arts[heads.index("城东公园樱花进入盛花期")]
    assert second.byline == "（记者林岚）"  # the topic tag closes the text before it
    assert not any("来自" in _body(POSTS, a) or "转发" in _body(POSTS, a) for a in arts)


WIRE = "\n".join(
    [
        "某某社新闻稿　　国内　　2025年4月2日（星期三）",
        "━━━━━━━━━━━━━━━━━━━━",
        "",
        "一季度全国港口货物吞吐量稳步增长",
        "新华社北京4月1日电（记者　王　平）记者1日从交通运输部获悉，一季度全国港口完成",
        "货物吞吐量41亿吨，同比增长4.2%。",
        "（完）",
        "",
        "新华社快讯：国家统计局1日发布数据，3月份制造业采购经理指数为50.5%。",
        "（完）",
        "",
        "━━━━━━━━━━━━━━━━━━━━",
        "某某社国内新闻编辑部　第2页　共6页",
    ]
)


def test_a_wire_printouts_end_marks_flash_and_rules():
    arts = _arts(WIRE)
    bodies = [_body(WIRE, a) for a in arts]
    assert bodies[0].endswith("同比增长4.2%。")  # （完） ends the story
    flash = next(a for a, b in zip(arts, bodies) if b.startswith("国家统计局1日"))
    assert flash.byline == "新华社快讯："
    assert not any("第2页" in b or "━" in b for b in bodies)


TABLOID = "\n".join(
    [
        "某某都市报",
        "2025年4月3日　星期四",
        "A08",
        "城事",
        "责任编辑：李　明　美编：王　芳",
        "",
        "专题报道",
        "广告",
        "老字号的新味道",
        "文/本报记者　何　静",
        "　　开了六十年的老茶楼换了新装，点心还是老",
        "师傅的手艺。",
        "　　店里的年轻人说，老味道要守住，新客人也",
        "要留住。",
        "",
        "街角小店“长”出新花样",
        "　　社区里的小店越开越有心思，修鞋的兼卖鞋",
        "垫，理发的顺带修眉。",
        "　　街坊们说，这样的小店让人觉得亲切，走几",
        "步就能办成事。",
        "文/记者 周小川 通讯员 陈　立　图/记者 赵　强",
        "",
        "读者讨论",
        "小区的公共空间谁来管？",
        "　　编辑同志：我们小区的架空层被堆满了杂物，",
        "大家都说该管，可谁也不管。",
    ]
)


def test_labels_over_a_headline_a_closing_credit_and_a_question_headline():
    arts = _arts(TABLOID)
    heads = [a.headline for a in arts]
    assert heads[:3] == ["老字号的新味道", "街角小店“长”出新花样", "小区的公共空间谁来管？"]
    assert arts[0].byline == "文/本报记者何静"
    assert arts[1].byline == "文/记者周小川通讯员陈立图/记者赵强"
    assert _body(TABLOID, arts[1]).endswith("就能办成事。")


def test_an_agencys_copy_credits_a_caption_and_a_poets_dynasty_signs_the_poem():
    page = "\n".join(
        [
            "某某日报",
            "一九六六年五月六日　星期五　第三版",
            "",
            "春耕大忙",
            "　　本报讯　各公社社员抢晴天、战雨天，春耕",
            "进度比去年同期快了一成。",
            "　　县农机站组织技术人员下乡，帮助修理农具",
            "二百多件。",
            "",
            "　　社员们在新修的梯田里插秧。（新华社稿）",
            "",
            "山行",
            "〔唐〕杜牧",
            "远上寒山石径斜，",
            "白云生处有人家。",
            "停车坐爱枫林晚，",
            "霜叶红于二月花。",
        ]
    )
    arts = _arts(page)
    caption = next(a for a in arts if a.kind == "caption")
    assert caption.byline == "（新华社稿）"
    assert _body(page, caption).endswith("插秧。")
    poem = next(a for a in arts if a.headline == "山行")
    assert poem.byline == "〔唐〕杜牧"


def test_a_columns_name_read_into_a_headline_is_dropped():
    lines = ["新股速递", "某某食品下周一招股"]
    assert check_headline("".join(lines), lines, [], 15.0) == "某某食品下周一招股"
    lines = ["一线传真", "总装车间抢出二十天工期"]
    assert check_headline("".join(lines), lines, [], 15.0) == "总装车间抢出二十天工期"
