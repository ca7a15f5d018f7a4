"""Round 31: conventions from the tune half's remaining wrong headlines and the 31st blind
batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import lines_page, with_filler

_page = with_filler
_flat = lines_page  # (a web copy set a paragraph to a line, no blank line between pieces)


def test_a_labelled_recommenders_credit_closes_a_book_note():
    page = _flat(
        "湘楚晚报数字报",
        "2023年10月18日 星期三",
        "第11版：家教周刊",
        "《慢慢来，孩子》：给焦虑的父母松松绑",
        "与许多育儿书不同，作者很少给出“三步搞定”式的技巧，而是反复提醒父母先看清自己的情绪。",
        "这本书文字浅白，每章末尾附有给父母的小练习，适合3至10岁孩子的家长阅读。",
        "推荐人：朱雯",
        "“晒晒我家的家风故事”征文启事",
        "家风是一个家庭的精神底色。即日起，本报联合市妇联开展征文活动，欢迎广大读者参与。",
        "来稿请注明姓名、地址和联系电话，截稿日期为11月30日。",
        "家教资讯",
        "●市图书馆少儿分馆“周末故事会”恢复举办，每周六上午开讲。",
        "●10月21日，市心理卫生协会将在人民公园举行青少年心理健康咨询活动。",
        "●市妇联家庭教育指导中心开通咨询热线，工作日接听家长来电。",
        "本版责任编辑：孟岚　版式设计：胡杨　校对：易文",
    )
    found = _by_head(_arts(page))
    assert found["《慢慢来，孩子》：给焦虑的父母松松绑"].byline == "推荐人：朱雯"
    assert "“晒晒我家的家风故事”征文启事" in found


def test_a_comments_genre_set_before_its_title_with_a_bar_is_a_tag():
    assert stack._split_stack(["编辑点评｜小巷改造，改的是“里子”"], True) == (
        "小巷改造，改的是“里子”",
        ["编辑点评"],
    )
    # a bar after other words is the title's own
    title = "五一特惠｜青岚山古镇三日游"
    assert stack._split_stack([title], True)[0] == title


def test_classified_ads_label_over_the_ads_is_no_headline():
    assert stack._STACK_LABEL.fullmatch("分类广告")
    assert stack._STACK_LABEL.fullmatch("广　告")


def test_where_the_page_names_its_paper():
    body = "\n社区食堂开进老小区\n本报讯（记者　舒远）5月8日，社区食堂在老城区开门迎客。\n"
    # a weekly's name between the date and its page on the header line
    top = "2024年3月22日　星期五　　　　南川酒业周刊　　　　第3版\n市场·产区　　责任编辑：李青\n"
    assert stack.masthead(top + body) == "南川酒业周刊"
    # a company paper's name over its section's name over the date line
    top = "岚州烟草\n综合新闻\n2024年7月15日 星期一\n第2版\n"
    assert stack.masthead(top + body) == "岚州烟草"
    # whose organ the paper is, under its name, is no name
    top = "红色前锋\n赣江省苏维埃政府机关报\n第六十二期\n一九三三年九月六日\n"
    assert stack.masthead(top + body) == "红色前锋"


def test_a_copyright_line_opening_with_its_sign_and_year_is_furniture():
    line = "© 2024 枫桥周报 版权所有，未经授权不得转载。"
    assert stack._furniture(stack._lines(line)[0])


def test_a_stack_running_into_its_byline_under_a_lists_last_item_opens_a_piece():
    page = _flat(
        "邮递时报",
        "2024年5月14日 星期二 第2版",
        "数据速览",
        "■4月全省快递业务量：4.86亿件，同比增长21.7%",
        "■4月全省快递业务收入：38.2亿元，同比增长15.3%",
        "■全省已建成村级寄递物流综合服务站：1.46万个",
        "快递进村",
        "大山里的“最后一公里”变短了",
        "——青峦县“客货邮”融合发展见闻",
        "本报记者 贺帆 通讯员 苏雯",
        "上午十点，一辆印着“客货邮”字样的中巴车停在村口，村民们围上来取自己的包裹。",
        "“以前取个快递要跑二十多里山路，现在在家门口就能拿到。”村民说。",
        "县邮政管理部门相关负责人介绍，全县已有一百二十个村通了客货邮。",
    )
    found = _by_head(_arts(page))
    assert found["数据速览"].kind == "briefs"
    feature = found["大山里的“最后一公里”变短了"]
    assert feature.byline == "本报记者贺帆通讯员苏雯"


def test_a_short_kicker_over_a_headline_and_its_wider_subtitle():
    assert stack._split_stack(
        [
            "春节旺季复盘",
            "次高端动销承压光瓶酒逆势走俏",
            "多地经销商反映：节后库存消化仍需一个季度",
        ],
        True,
    ) == (
        "次高端动销承压光瓶酒逆势走俏",
        ["春节旺季复盘", "多地经销商反映：节后库存消化仍需一个季度"],
    )


def test_a_notices_title_its_number_and_its_addressee():
    page = _page(
        "华东商品交易所关于调整部分合约\n"
        "交易保证金标准的公告\n"
        "华商交所公告〔2024〕17号\n"
        "各会员单位：\n"
        "　　根据《华东商品交易所风险控制管理办法》，经研究决定，自3月15日起调整部分合约\n"
        "的交易保证金标准。请各会员单位及时通知客户，维护市场平稳运行。特此公告。"
    )
    a = _arts(page)[-1]
    assert a.headline == "华东商品交易所关于调整部分合约交易保证金标准的公告"
    assert a.subheadlines == ["华商交所公告〔2024〕17号"]


def test_an_orders_number_under_its_title_and_its_signers_by_role():
    assert stack._DOC_MARK.fullmatch("第十九号")
    assert stack._SIGN_ROLE.fullmatch("副主席 陈启明 赖有福")


def test_round_32_feet_and_a_masthead_romanised_with_diacritics():
    for line in (
        "版权所有 © 云州日报社　未经书面授权不得转载、摘编",
        "准印证号：临内资准字（2024）第017号",
        "广告经营许可证：2224004000012　零售每份1.00元　海兰日报社印务中心印刷",
        "LÜYUAN TONGXUN",
    ):
        assert stack._furniture(stack._lines(line)[0]), line
