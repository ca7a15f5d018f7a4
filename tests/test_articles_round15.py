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
