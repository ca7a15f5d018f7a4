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
