"""Round 29: conventions from the tune half of the 29th blind batch (a bank's in-house paper,
a shipping paper, an archaeology page, a tea weekly, a work-safety web copy, a family-education
page, a social-security page, a flower trade paper, an e-commerce page, a Philippine Chinese
daily, a fire-service paper...), each on invented text."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment import stack
from qa.segment.layout import is_furniture
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import by_start as _by_start
from tests.segpages import lines_page, with_filler

_page = with_filler
_unspaced = lines_page


NEWS = (
    "社区食堂开进老小区\n"
    "　　本报讯（记者　舒远）6月16日，南川首家社区食堂在老城区开门迎客，每天供应"
    "早中晚三餐，老年人就餐可享八折优惠。"
)


def test_a_foots_printer_days_out_and_not_for_sale_lines_are_furniture():
    page = _page(
        NEWS,
        "\n".join(
            [
                "主办：南川农商银行　编辑出版：《南川农商》编辑部",
                "地址：南川市河西大道18号　邮编：410011　电话：0731-8452116",
                "内部资料　免费交流　印刷：南川市彩印厂",
                "广告经营许可证：南工商广字第0127号　每周二、四出版　零售价：1.50元",
                "本报地址：南川市五四北路218号　邮编：350003　广告热线：",
                "0591-87660215",
            ]
        ),
    )
    found = _arts(page)
    assert [a.headline for a in found][-1] == "社区食堂开进老小区"
    assert article_body(page, found[-1]).endswith("可享八折优惠。")


def test_a_copyright_line_whose_warning_names_mirroring_is_furniture():
    page = _page(NEWS, "南川日报社版权所有　未经书面授权不得转载或建立镜像")
    found = _arts(page)
    assert len(found) == 3 and article_body(page, found[-1]).endswith("可享八折优惠。")


def test_a_page_note_wrapped_over_two_lines_at_the_foot_is_furniture():
    page = _page(
        "\n".join(
            [
                "老人跌入枯井",
                "消防员绳索救援",
                "本报讯（通讯员　程立）1月12日",
                "凌晨，一名老人不慎跌入枯井，消",
                "防员赶到后用绳索将其救出。",
            ]
        ),
        "本版图片除署名外均由南川市消防\n救援支队提供",
    )
    found = _arts(page)
    assert len(found) == 3
    assert article_body(page, found[-1]).endswith("用绳索将其救出。")


def test_three_whole_lines_on_a_wide_page_are_kicker_headline_and_subtitle():
    page = _page(
        "聚焦“五篇大文章”\n"
        "南川科技金融贷款余额突破三百亿元\n"
        "较年初增长一成八，服务科技型企业超两千户\n"
        "　　本报讯（记者　叶青）6月17日，记者从南川农商银行获悉，截至5月末，该行科技金融"
        "贷款余额突破三百亿元，较年初增长一成八。该行表示，下一步将继续加大对科技型中小企业"
        "的信贷支持力度。"
    )
    a = _arts(page)[-1]
    assert a.headline == "南川科技金融贷款余额突破三百亿元"
    assert a.subheadlines == ["聚焦“五篇大文章”", "较年初增长一成八，服务科技型企业超两千户"]


def test_a_line_of_clauses_under_a_plain_line_is_its_subtitle():
    page = _page(
        "老城区背街小巷改造全面开工\n"
        "计划年底前完工，惠及居民一万余户\n"
        "　　本报讯（记者　邵钧）6月17日，老城区十二条背街小巷改造工程全面开工，计划年底前"
        "全部完工。此次改造将同步实施雨污分流和管线入地。"
    )
    a = _arts(page)[-1]
    assert a.headline == "老城区背街小巷改造全面开工"
    assert a.subheadlines == ["计划年底前完工，惠及居民一万余户"]
    # a comma inside a quotation is no clause: the quoted line is the headline under its kicker
    quoted = _page(
        "扎根草原三十年\n"
        "“这片草原，来了就不想走”\n"
        "　　本报讯（记者　邵钧）6月17日，记者来到草原深处的牧业站，见到了在这里工作三十年"
        "的兽医梁远。"
    )
    b = _arts(quoted)[-1]
    assert b.headline == "“这片草原，来了就不想走”"


def test_a_familys_signature_over_several_lines_closes_an_obituary():
    page = _page(
        "\n".join(
            [
                "訃告",
                "　　先嚴王公文煥老大人，痛於公元二〇二四年十一月五日壽終，享壽八十六歲。",
                "謹擇於本月十日出殯，安葬於華僑義山。",
                "孤哀子　王志強　王志明",
                "孤哀女　王麗華",
                "暨孫男女、外孫男女等　泣告",
                "鳴謝",
                "　　先慈林母許太夫人治喪期間，承蒙各界親友惠賜花圈，隆情厚誼，存歿均感。",
                "孝男　林建華　林建國　暨全家　敬謝",
            ]
        ),
        head="岷江僑報\n2024年11月8日　星期五　第5版\n\n",
    )
    found = _by_head(_arts(page))
    assert found["訃告"].byline == "孤哀子王志強王志明孤哀女王麗華暨孫男女、外孫男女等泣告"
    assert article_body(page, found["訃告"]).endswith("安葬於華僑義山。")
    assert found["鳴謝"].byline == "孝男林建華林建國暨全家敬謝"


def test_a_web_e_papers_page_tools_are_furniture():
    for line in ("上一版　　下一版　　PDF版下载", "返回目录　　返回顶部"):
        assert stack._furniture(stack._lines(line)[0])
    page = _page(NEWS, "返回目录　　返回顶部")
    assert len(_arts(page)) == 3


def test_a_column_contributor_by_role_is_the_byline():
    page = _page(
        "【专家坐诊】\n"
        "孩子写作业磨蹭，家长别急着“陪坐”\n"
        "特约专家　周慧（南川师范大学教育学院副教授）\n"
        "问：孩子上三年级，一篇作业写两个小时，怎么办？\n"
        "答：先别急着下结论。家长可以先观察孩子卡在哪里，再和老师一起想办法。"
    )
    a = _arts(page)[-1]
    assert a.headline == "孩子写作业磨蹭，家长别急着“陪坐”"
    assert a.byline == "特约专家周慧（南川师范大学教育学院副教授）"


def test_an_editors_line_naming_the_page_and_its_layout_is_furniture():
    assert is_furniture("本版责任编辑：孟岚　版式设计：胡杨　校对：易文")


def test_a_paper_named_in_brackets_signs_its_own_notice():
    page = _page(
        "征稿启事\n"
        "　　《南川农商》是本行主办的内部报纸，欢迎全行员工踊跃投稿。来稿一经刊用，按有关规定"
        "支付稿酬。\n"
        "《南川农商》编辑部",
        "主办：南川农商银行　编辑出版：《南川农商》编辑部",
    )
    a = _arts(page)[-1]
    assert a.byline == "《南川农商》编辑部"
    assert article_body(page, a).endswith("按有关规定支付稿酬。")


def test_a_notices_series_number_under_its_title_closes_the_title():
    page = _page(
        NEWS,
        "\n".join(
            [
                "第三届南川流域考古",
                "学术研讨会通知",
                "（第一号）",
                "  为交流南川流域考古研究的最新",
                "成果，定于2024年11月召开第三届",
                "学术研讨会。现将有关事项通知如",
                "下：",
                "  一、会议主题：早期城址与社会。",
                "  二、会议时间：11月17日至19日。",
                "  三、会议地点：南川市枫岭宾馆。",
                "  四、参会人员：高校、科研院所的",
                "专家学者。",
            ]
        ),
    )
    found = _by_head(_arts(page))
    note = found["第三届南川流域考古学术研讨会通知（第一号）"]
    assert article_body(page, note).startswith("为交流南川流域考古研究")


HEADER = (
    "南川茶业周刊　2024年4月18日　星期四",
    "第3版　产业·市场",
    "责任编辑：林秋　美术编辑：黄山　校对：许静",
)
STORY = (
    "春茶上市量增价稳",
    "本报记者　郑兰",
    "　　清明前后，各主产区春茶陆续大量上市。记者近日走访南川多个茶叶市场了解到，",
    "今年春茶总体呈现量增价稳的态势，不同品类、不同档次之间价格分化明显。",
    "　　业内人士分析，消费端对品质的要求越来越高，建议茶企加强品牌建设和线上渠道",
    "拓展，避免同质化低价竞争。",
)
FEATURE = (
    "一片叶子富了一方百姓",
    "云雾深处白岩茶",
    "——清源县白岩村生态茶园建设见闻",
    "本报记者　陈远",
    "　　四月的白岩村，云雾绕着山腰走。沿着新修的产业路上山，层层叠叠的茶垄顺着山势",
    "铺开，采茶工背着竹篓在茶行间穿梭。",
    "　　十年前，这片山上种的还是杉木和毛竹，如今全村茶园面积已发展到三千二百亩，",
    "村民人均可支配收入达到两万六千元。",
)


def test_a_tables_source_line_ends_its_note_and_the_next_stack_opens_a_piece():
    page = _unspaced(
        *HEADER,
        *STORY,
        "本周主要茶叶市场参考价格",
        "（单位：元/500克　统计时间：4月11日—4月17日）",
        "品名　　　　产地　　等级　　　均价　　环比",
        "明前龙芽　　南山　　特级　　　1380　　持平",
        "明前龙芽　　南山　　一级　　　860　　　-2%",
        "白岩毛尖　　清源　　特级　　　720　　　+3%",
        "炒青绿茶　　清源　　大宗　　　46　　　　-5%",
        "数据来源：本报市场信息部",
        *FEATURE,
    )
    found = _by_head(_arts(page))
    table = found["本周主要茶叶市场参考价格"]
    assert article_body(page, table).endswith("数据来源：本报市场信息部")
    assert article_body(page, found["春茶上市量增价稳"]).endswith("避免同质化低价竞争。")
    feature = _by_start(page, _arts(page), "四月的白岩村")
    assert feature.byline == "本报记者陈远"
    assert "本报市场信息部" not in article_body(page, feature)


def test_a_notices_issuer_under_its_contact_line_closes_it_over_a_tables_title():
    page = _unspaced(
        *HEADER,
        *STORY,
        "春季专场招聘会公告",
        "　　为促进高校毕业生就业，南川人才交流服务中心定于3月30日上午举办专场招聘会，现",
        "将有关事项公告如下：",
        "　　一、地点：南川人才市场一楼大厅。",
        "　　二、参会单位：预计二百余家用人单位进场招聘，提供岗位五千余个。",
        "　　咨询电话：0791-86231457（工作日）",
        "南川人才交流服务中心",
        "全省各市失业保险金标准一览",
        "（2024年1月1日起执行）",
        "单位：元/月",
        "设区市　　　失业保险金标准　　　上年度标准",
        "南川市　　　1980　　　1890",
        "北川市　　　1790　　　1710",
        "东川市　　　1650　　　1580",
        "注：失业保险金标准按当地最低工资标准的90%确定。",
        "（数据来源：南川市人力资源和社会保障局）",
        *FEATURE,
    )
    found = _by_head(_arts(page))
    notice = found["春季专场招聘会公告"]
    assert notice.byline == "南川人才交流服务中心"
    assert article_body(page, notice).endswith("0791-86231457（工作日）")
    assert "南川市" not in article_body(page, notice)
    # the table: its period in brackets a subtitle, its unit line its text, its source in
    # brackets under the note its credit
    table = found["全省各市失业保险金标准一览"]
    assert table.subheadlines == ["（2024年1月1日起执行）"]
    assert article_body(page, table).startswith("单位：元/月")
    assert article_body(page, table).endswith("最低工资标准的90%确定。")
    assert table.byline == "（数据来源：南川市人力资源和社会保障局）"


def test_a_page_with_traditional_headlines_over_simplified_text_sets_the_headline_first():
    page = _unspaced(
        "南洋僑聲報",
        "2024年11月8日　星期五　第5版　華社新聞",
        "責任編輯：陳文",
        "菲華商會第三十八屆理事就職",
        "新任理事長蔡德誓言深化經貿往來　次長到場致賀",
        "　　【本報馬尼拉七日訊】菲华商会第三十八届理事就职典礼昨晚在王城酒店举行，各界",
        "嘉宾三百余人出席。新任理事长蔡德在致辞中表示，将继续推动菲中经贸往来。",
        "　　典礼上，贸工部次长到场致贺，并代表政府感谢华社多年来对地方发展的贡献。",
        "宗親會赴災區賑災",
        "捐贈大米一千包及生活物資",
        "　　【本報訊】吴氏宗亲会日前组团前往受台风影响的北部省份赈灾，捐赠大米一千包及",
        "一批生活物资，宗长们冒雨将物资逐户送到灾民手中。",
        "　　当地镇长对华社的善举表示由衷感谢，宗亲会表示将继续关注灾区重建。",
    )
    found = _arts(page)
    assert found[0].headline == "菲華商會第三十八屆理事就職"
    assert found[0].byline == "【本報馬尼拉七日訊】"
    assert found[0].subheadlines == ["新任理事長蔡德誓言深化經貿往來次長到場致賀"]


QING = (
    "申江時報",
    "光緒三十四年五月初九日",
    "西曆一千九百零八年六月初七號",
    "禮拜日　第一千二百零三號",
    "上諭恭錄",
    "五月初八日內閣奉上諭江西布政",
    "使著沈芳補授欽此",
    "又奉上諭戶部奏各省清理財政辦",
    "理情形一摺所有出力各員著交部",
    "從優議敘欽此",
    "京師近事",
    "○學部定期考試　學部本屆考試",
    "遊學畢業生定於本月中旬分場舉",
    "行應考者計一百餘人",
    "○巡警部整頓街道　巡警部以京",
    "城街道積穢甚多擬派員分段督率",
    "清道夫役按日打掃以重衛生",
    "本埠新聞",
    "○絲業集議　本埠絲業公所於初",
    "八日午後邀集同業會議以各廠虧",
    "折甚鉅擬聯名稟請減釐",
    "○浚河招工　工部局以城河淤塞",
    "有礙衛生擬於月內招工挑浚所需",
    "經費約銀六千兩",
)


def test_a_late_qing_pages_standing_columns_open_pieces_where_no_punctuation_tells():
    page = _unspaced(*QING)
    found = _arts(page)
    assert [a.headline for a in found] == ["上諭恭錄", "京師近事", "本埠新聞"]
    # the reign date, its Western date and weekday are the masthead's, no piece's
    assert article_body(page, found[0]).startswith("五月初八日內閣奉上諭")
    assert article_body(page, found[0]).endswith("從優議敘欽此")
    assert article_body(page, found[1]).endswith("清道夫役按日打掃以重衛生")
    # (the weekday line with the number is furniture wherever it stands)
    assert is_furniture("礼拜一　第二千四百十七号")
