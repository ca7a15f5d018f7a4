"""Round 15's conventions, each on a page invented for the test."""

from __future__ import annotations

from qa.segment.articles import segment_page


def _body(page: str, a) -> str:
    return "".join(page[s:e] for s, e in a.body_spans).replace("\n", "")


BAR_WEB_PAGE = """\
首页 | 要闻 | 社会 | 财经 | 图片
当前位置：南溪网 > 新闻 > 社会

南溪老街改造完工　百余商户重新开张
来源：南溪晚报 | 2025-03-02 10:15 | 编辑：何远
南溪晚报讯（记者 叶林）3月1日，南溪老街改造工程完工，一百二十家商户陆续回到街上开门营业。
改造保留了原有的青石路面，新增了消防通道和公共厕所。

渡口客船恢复夜航
来源：南溪晚报 | 作者：万青 | 编辑：何远
本报讯 从3月起，南溪渡口客船恢复夜间航班，每晚最后一班21时发船。

版权声明：凡注明“来源：南溪网”的作品，版权均属南溪网，未经许可不得转载。
南溪网版权所有　关于我们 | 联系我们 | 网站地图
"""


def test_a_web_copy_s_fields_set_apart_by_bars_its_menu_and_copyright_are_about_the_copy():
    # 来源：某某 | 2025-03-02 10:15 | 编辑：某某 under the title is the publication line (as
    # with spaces); the site's menu (首页 | 要闻 | …), its path after 当前位置：, its
    # copyright notice and the menu after 某某网版权所有 are furniture
    arts = segment_page("x.txt", BAR_WEB_PAGE)
    assert [a.headline for a in arts] == ["南溪老街改造完工百余商户重新开张", "渡口客船恢复夜航"]
    assert all("来源" not in h for a in arts for h in a.subheadlines)
    assert _body(BAR_WEB_PAGE, arts[1]).endswith("21时发船。")
    assert "首页" not in _body(BAR_WEB_PAGE, arts[0])


CLASSIFIED_PAGE = """\
东港日报　2025年1月8日　星期三　第06版　生活
一周简讯
■ 1月6日，东港市少年宫寒假兴趣班开始报名，开设书法、
围棋、舞蹈等二十个班。
■ 市气象台预计，本周后期将有一次明显降温过程，请市民
注意防寒保暖。
招　聘
东港市顺达物流有限公司因业务扩大
需要，招聘货车司机6名，持B2以上驾
驶证，待遇面议。
联系人：孙先生　电话：0532—776012
3
遗失声明
东港市南湖区丰源粮油店遗失营业执
照副本一份，声明作废。
06　　　　　扫码阅读　东港日报客户端
"""


def test_a_classified_notice_s_genre_heading_over_solid_text_is_a_notice_of_its_own():
    # 招聘 / 遗失声明 alone over text set solid (flush, on a page that indents nothing here),
    # after a finished item or a contact number closing the notice above: each a notice
    arts = segment_page("x.txt", CLASSIFIED_PAGE)
    assert [(a.kind, a.headline) for a in arts] == [
        ("briefs", "一周简讯"),
        ("notice", "招聘"),
        ("notice", "遗失声明"),
    ]
    assert _body(CLASSIFIED_PAGE, arts[1]).endswith("0532—7760123")
    # the page number and the prompt to scan the QR code at the foot are furniture
    assert _body(CLASSIFIED_PAGE, arts[2]).endswith("声明作废。")


INDENTED_DASH_PAGE = """\
西川晚报　　1996年5月9日　星期四　　第三版
文化新闻　　　　　　　　责任编辑：钱小兰

退休教师每周逛一次旧书摊
旧书摊前的老读者
　　——三十年淘书两千册
　　本报讯（记者 唐小进 实习
生 孔明）家住河西新村的退休
教师吕先生，每个星期天早上都
要到旧书摊转一转。
　　他说，淘书最大的乐趣是碰上
一本想了很久的书。
　　这些年，他淘来的旧书已经
摆满了三个书架。
　　他打算明年办一个家庭书屋，
让邻居家的孩子来读书。

菜价回落
　　本报讯 连日来，市区蔬菜价格
明显回落，青菜每斤降到三角。
　　菜农说，今年雨水均匀，各
种蔬菜都长得好。
　　工商部门提醒摊主明码标价。
"""


def test_an_indented_dash_subtitle_between_headline_and_dateline_is_the_subtitle():
    # a page that indents its paragraphs may indent the subtitle too (　　——某某): under a
    # headline and over the dateline it is the stack's subtitle, never a paragraph
    # (a whole line over a shorter one over a dash subtitle in narrow columns is kicker +
    # headline or one headline wrapped: unknown, round 12)
    arts = segment_page("x.txt", INDENTED_DASH_PAGE)
    assert len(arts) == 2 and arts[1].headline == "菜价回落"
    assert arts[0].headline in ("", None, "旧书摊前的老读者")
    assert arts[0].byline.startswith("本报讯")
    assert _body(INDENTED_DASH_PAGE, arts[0]).startswith("家住河")
    assert "三十年淘书" not in _body(INDENTED_DASH_PAGE, arts[0])


PDF_ORDER_PAGE = """\
南江日报　2025年6月3日　星期二　第05版　民生　责任编辑：刘一
　　本报讯（记者 秦川）6月2日，南江市
第三座城市公园在江北新区开园，园内
设有儿童游乐区和健身步道。
　　公园全天开放，市民可乘坐18路公
交车前往。
江北新区城市公园开园
——园内健身步道长3.2公里
·民生观察·
公园建好更要管好
□ 方　圆
　　一座公园建成开放，只是开始。园
区的日常养护、设施维修，都需要有人
长期负责，资金要有稳定来源。
　　管好公园，才能让市民长久受益。
"""


def test_a_headline_printed_below_its_body_before_a_column_tag_is_that_body_s():
    # a PDF text layer may give a story's text before its headline; a column tag (·某某·)
    # under that headline opens the next piece's stack: the lines over the tag are the
    # story's headline, the title under the tag the commentary's
    arts = segment_page("x.txt", PDF_ORDER_PAGE)
    assert [a.headline for a in arts] == ["江北新区城市公园开园", "公园建好更要管好"]
    assert arts[1].subheadlines == []
    assert _body(PDF_ORDER_PAGE, arts[1]).startswith("一座公园建成开放")


OLD_MASTHEAD_PAGE = """\
山　城　新　报

第一百零八期　　　每逢二、五、八日出版
一九四六年三月五日　星期二
社址：山城县北街　　零售每份二元

响应县政府春耕生产运动号召
各村普遍组织互助组和换工组
北乡春耕提前完成　十天犁地三千余亩
——妇女儿童也上地送饭　新来户也分到了土地

　　【本报讯】北乡自二月下旬
开展春耕以来，全乡组织互助
组三十个，十天之内犁地三千
余亩，比去年同期多出一倍。
　　乡长说，今年的春耕是组织
起来的结果，各村还订出了夏
锄的计划，人人都有事做。
　　妇女们组织了送饭组，孩子
们负责送水和放哨。

南村群众修好引水渠
　　【本报讯】南村群众利用农
闲，修好引水渠一条，可浇地
二百亩，全村人都很高兴。
　　村里还准备再修一条渠。
"""


def test_an_old_masthead_and_a_stack_set_apart_from_its_dateline_by_a_blank():
    # the issue line in Chinese numerals with the days of publication (第一百零八期　每逢
    # 二、五、八日出版) and the paper's address (社址：…) are the masthead's; a stack set apart
    # from its 【本报讯】 text by one blank line is still that text's; its third line, two
    # phrases set apart by a space, is whole: never joined to the line above it (unknown)
    arts = segment_page("x.txt", OLD_MASTHEAD_PAGE)
    assert len(arts) == 2
    assert arts[0].byline == "【本报讯】"
    assert _body(OLD_MASTHEAD_PAGE, arts[0]).startswith("北乡自二月下旬")
    assert arts[0].headline in ("", None)
    assert arts[1].headline == "南村群众修好引水渠"
