"""Round 14's conventions, each on a page invented for the test."""

from __future__ import annotations

from qa.segment.articles import segment_page


def _body(page: str, a) -> str:
    return "".join(page[s:e] for s, e in a.body_spans).replace("\n", "")


BRACKET_DISPATCH_PAGE = """\
港湾书展今日开幕
【本报记者 林小舟东港报道】第九届港湾书展今天上午在会展中心开幕，两百多家出版社参展。
书展为期七天，主办方预计入场人次将超过十万。

新航线下月开通
【本报北岸电】北岸机场下月起新增两条国际航线，每周各飞三班。
"""


def test_a_bracketed_reporter_and_place_opening_the_text_is_the_byline():
    # 【本报记者 某某某地报道】 / 【本报某地电】 opening the first paragraph is the dispatch's
    # credit, as overseas and Hong Kong papers print it: the byline, not text
    arts = segment_page("x.txt", BRACKET_DISPATCH_PAGE)
    assert [a.byline for a in arts] == ["【本报记者林小舟东港报道】", "【本报北岸电】"]
    assert _body(BRACKET_DISPATCH_PAGE, arts[0]).startswith("第九届港湾书展")
    assert [a.headline for a in arts] == ["港湾书展今日开幕", "新航线下月开通"]


WEB_NOTICE_PAGE = """\
东川区图书馆新馆开放
发布时间：2025-02-11 08:30　来源：东川晚报
本报讯（记者 叶青）2月10日，东川区图书馆新馆对读者开放，馆内藏书二十万册，设有少儿阅览区和自习区。
新馆每周二至周日开放，周一闭馆维护，读者凭身份证即可免费办理借阅证。
编辑：罗小云

东川区自来水有限公司关于部分路段停水检修期间临时供水安排的通知
发布时间：2025-02-11 09:40　来源：东川晚报
因主干管道检修需要，2月13日8时至20时，滨江路、花园街一带将暂停供水，请用户提前储水。
检修期间将在各小区门口设置临时供水点，给您带来的不便，敬请谅解。
东川区自来水有限公司
2025年2月11日

【打印本页】　【关闭窗口】
"""


def test_a_web_title_over_its_publication_line_and_the_sites_print_tools():
    # a web copy's title over its publication line is a title however wide it is set
    # (a notice's long title here); 【打印本页】【关闭窗口】 are the site's tools, not text
    arts = segment_page("x.txt", WEB_NOTICE_PAGE)
    assert len(arts) == 2
    assert arts[1].headline.startswith("东川区自来水有限公司关于")
    assert arts[1].kind == "notice"
    assert arts[1].byline == "东川区自来水有限公司"
    assert _body(WEB_NOTICE_PAGE, arts[1]).endswith("敬请谅解。")
    assert _body(WEB_NOTICE_PAGE, arts[0]).endswith("免费办理借阅证。")


NOTICE_SIGNED_PAGE = """\
东港海关关于暂停部分业务窗口的公告
因办公系统升级，东港海关业务大厅第3至第6号窗口将于3月2日暂停办理业务。
其余窗口照常办理，企业也可通过网上平台办理相关手续。
特此公告。
东港海关
2025年2月26日

南湖水文署关于汛期水位观测点迁移的公告
根据防汛工作需要，南湖二号水位观测点自4月1日起迁至下游三百米处。
请沿岸单位和居民注意观测点新的位置标志。
特此公告。
南湖水文署
2025年3月20日
"""


def test_a_notice_is_signed_by_a_name_line_over_the_date_whatever_the_name_ends_with():
    # the issuer's name (no punctuation) set flush over the date after the notice's last
    # sentence signs it, whatever word the name ends with (某某海关, 某某署)
    arts = segment_page("x.txt", NOTICE_SIGNED_PAGE)
    assert [a.byline for a in arts] == ["东港海关", "南湖水文署"]
    assert all(_body(NOTICE_SIGNED_PAGE, a).endswith("特此公告。") for a in arts)


def test_genre_labels_and_column_tags_over_a_title_are_never_its_headline():
    # 社评 (a traditional-print paper's 社论), 通讯 (a feature's genre label) and a column
    # of letters named by up to three characters (群众来信) over a title are tags
    from qa.segment.stack import _TAG, _split_stack

    for tag in ("社评", "通讯", "人物通讯", "群众来信", "读者来信"):
        assert _TAG.fullmatch(tag), tag
    assert _split_stack(["社评", "老街改造　贵在倾听"], True, True)[0] == "老街改造贵在倾听"
    assert _split_stack(["通讯", "大山深处的乡村邮递员"], True)[0] == "大山深处的乡村邮递员"
