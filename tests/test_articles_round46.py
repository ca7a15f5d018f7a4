"""Round 46: conventions read from the round-46 blind batch's tune pages (a 1950s page and a
1980s workers' daily set in narrow columns, each title apart from its text by a blank line).
Every text here is invented."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts, body

_HEAD = "某某日报　　一九五五年六月九日　星期四　　第二版\n\n"


def _col(*paragraphs: str, width: int = 13) -> str:
    """Paragraphs set in a narrow column: the first line indented by two spaces."""
    out = []
    for p in paragraphs:
        text = "　　" + p
        out.extend(text[k : k + width] for k in range(0, len(text), width))
    return "\n".join(out)


_REPORT = "县里的小麦试验田\n\n" + _col(
    "【本报讯】县农业技术推广站今年在城郊办了三块小麦试验田，试种新良种，"
    "每亩比老品种多收四十多斤，附近的农民都来参观学习。",
    "试验田由推广站的技术员管理，从选种、整地到施肥、浇水，都有一套新办法。",
    "参观的农民说，过去种麦全凭老经验，现在看到了科学种田的好处。",
    "有的互助组已经向推广站要求明年换种，推广站答应秋后统一调剂。",
    "推广站准备明年把新良种推广到全县各区，帮助农民增产增收。",
)
_LETTER = (
    "粮站收粮应当公平\n\n"
    "编辑同志：\n"
    + _col(
        "上个月我到区粮站去交公粮，过秤的人不按规矩办事，同去的几个农民都有意见，"
        "希望有关部门检查改进。",
    )
    + "\n某某县城关区农民　张某某"
)


def test_a_title_over_a_letters_salutation_after_a_blank_line_heads_the_letter():
    page = _HEAD + _REPORT + "\n\n" + _LETTER + "\n"
    found = arts(page)
    letter = next(a for a in found if "过秤" in body(page, a))
    assert letter.headline == "粮站收粮应当公平"
    assert body(page, letter).startswith("编辑同志：")
    assert letter.byline == "某某县城关区农民张某某"
    report = next(a for a in found if "试验田" in body(page, a))
    assert body(page, report).endswith("帮助农民增产增收。")


def test_a_column_label_alone_between_blank_lines_heads_no_piece():
    # (读者来信 over a title set apart from its letter: the label closes the report above)
    page = _HEAD + _REPORT + "\n\n读者来信\n\n" + _LETTER + "\n"
    found = arts(page)
    report = next(a for a in found if "试验田" in body(page, a))
    assert body(page, report).endswith("帮助农民增产增收。")
    letter = next(a for a in found if "过秤" in body(page, a))
    assert letter.headline == "粮站收粮应当公平"


def test_a_genre_label_over_a_title_set_apart_from_its_text_opens_a_piece():
    comment = "短评\n办社要靠民主\n\n" + _col(
        "社员的意见应当认真听取，社里的大事要由社员商量着办，这样合作社才能越办越好。"
    )
    page = _HEAD + _REPORT + "\n\n" + _LETTER + "\n\n" + comment + "\n"
    found = arts(page)
    c = next(a for a in found if "商量着办" in body(page, a))
    assert c.headline == "办社要靠民主"
    letter = next(a for a in found if "过秤" in body(page, a))
    assert "商量着办" not in body(page, letter)


def test_a_correction_heading_alone_is_no_signature():
    correction = "更正\n\n" + _col(
        "本报六月七日第二版一则消息中的数字有误，应为百分之八十六，特此更正。"
    )
    page = _HEAD + _REPORT + "\n\n" + correction + "\n"
    found = arts(page)
    c = next(a for a in found if "特此更正" in body(page, a))
    assert (c.headline, c.kind) == ("更正", "notice")
    report = next(a for a in found if "试验田" in body(page, a))
    assert report.byline == "【本报讯】"


def test_a_title_under_a_signed_letter_set_apart_from_its_text_opens_a_piece():
    second = (
        "托儿所应当延长时间\n\n"
        + _col("我是纺织厂的倒班女工，孩子没有人照看，希望厂里办一个全日制托儿所。")
        + "\n某某纺织厂细纱车间　李某某"
    )
    page = _HEAD + _REPORT + "\n\n" + _LETTER + "\n\n" + second + "\n"
    found = arts(page)
    a = next(x for x in found if "倒班女工" in body(page, x))
    assert a.headline == "托儿所应当延长时间"
    assert body(page, a).startswith("我是纺织厂")


def test_a_stack_of_three_unpunctuated_lines_apart_from_its_dateline_is_one_stack():
    text = _col(
        "某某机床厂推行承包责任制一年来，企业活力明显增强，产值和利润都比去年同期有较大增长。",
        "去年四月，这个厂被列为全省第一批试点单位，厂长上任后从改革内部管理入手。",
        "厂里还通过职工代表大会，制定了干部聘任办法，聘任了一批年轻人担任车间主任。",
        width=15,
    )
    lead = (
        "推行承包责任制一年来\n某某机床厂产值利润双双增长\n上缴利税比去年同期增长百分之二十八\n\n"
        "　　本报讯（通讯员　某某　某　某）\n" + text[2:]
    )
    page = _HEAD + lead + "\n\n" + _REPORT + "\n"
    a = next(x for x in arts(page) if "企业活力" in body(page, x))
    assert a.byline == "本报讯（通讯员某某某某）"
    assert body(page, a).startswith("某某机床厂推行")
    assert not any("双双增长" in body(page, x) for x in arts(page))  # the stack heads it


# an e-paper's page wrapped at 34 characters with no blank line anywhere
_NEWS = (
    "某某县夏粮收获进度过半\n"
    "　　新华社某地6月11日电（记者　某某）记者11日从某某县农业农村局获悉，截至10\n"
    "日，全县已收获冬小麦二十万亩，收获进度过半，各乡镇进度均超过四成。\n"
    "　　今年各地共投入联合收割机两千余台，主产区小麦机收率保持在较高水平，农\n"
    "业部门已指导各地提前调度烘干设备，组织应急抢收队伍，确保颗粒归仓。\n"
    "　　目前，已收获地区正抓紧开展夏播，全县已播种夏玉米、夏大豆等作物五万亩，\n"
    "进度较上年同期略快，县里派出工作组分赴各乡镇督促指导。\n"
)


def test_a_commentary_columns_name_in_brackets_after_the_headline_is_no_part_of_it():
    comment = (
        "让社区食堂更有温度（某某时评）\n"
        "林　某\n"
        "　　买菜、修鞋、配钥匙，走几步就能办好，不少居民实实在在感受到了生活的便利，\n"
        "社区食堂也要把饭菜做得可口，把价格定得实惠。\n"
    )
    page = "某某日报　2024年6月12日　星期三　第2版：要闻\n" + _NEWS + comment
    a = next(x for x in arts(page) if "修鞋" in body(page, x))
    assert (a.headline, a.subheadlines, a.kind) == ("让社区食堂更有温度", [], "editorial")


def test_a_news_agencys_picture_credit_on_its_own_line_closes_the_caption():
    caption = (
        "　　6月10日，某某县一处麦田里，农机手驾驶收割机抢收小麦。\n　　新华社发（某某某摄）\n"
    )
    page = "某某日报　2024年6月12日　星期三　第2版：要闻\n" + _NEWS + caption + _NEWS
    found = arts(page)
    c = next(a for a in found if "农机手" in body(page, a))
    assert c.kind == "caption" and c.byline == "新华社发（某某某摄）"
    assert body(page, c).endswith("抢收小麦。")
    news = next(a for a in found if "颗粒归仓" in body(page, a) and a is not c)
    assert "农机手" not in body(page, news)


def test_an_editors_note_under_a_storys_own_headline_and_byline_is_the_storys():
    story = (
        "一线调研·山乡新貌\n"
        "山里的竹编工坊开到了家门口\n"
        "本报记者　某某　某　某\n"
        "　　产业兴旺是乡村振兴的重点。即日起，本版推出“一线调研·山乡新貌”系列报\n"
        "道，记录各地发展特色产业的生动实践。——编者\n"
        "　　清晨7点，某某村的竹编工坊里已是一片忙碌，二十多名村民围坐在长桌旁，将\n"
        "一根根竹篾编成果篮、茶盘，工坊带动周边五个村三百余人就业。\n"
    )
    page = "某某日报　2024年6月12日　星期三　第2版：要闻\n" + _NEWS + story + _NEWS
    a = next(x for x in arts(page) if "竹篾" in body(page, x))
    assert body(page, a).startswith("产业兴旺是乡村振兴的重点。")
    assert a.byline == "本报记者某某某某"
    # (the story's headline is read against the story's lead, not the note's)
    assert a.headline == "山里的竹编工坊开到了家门口"


def test_a_photo_note_in_brackets_saying_what_the_picture_shows_stays_in_the_story():
    # a web copy printing a paragraph a line: the note (（图为…。　某某　摄）) is a caption
    # whole in itself, set in the story's text, mid-story or closing it
    story = (
        "某某夜市改造后重新开街\n"
        "　　本报讯（记者　某某）5月12日晚，经过两个多月改造提升的老街夜市重新开街，"
        "原先随意摆放的摊位被统一规划。\n"
        "　　据了解，此次改造由街道牵头实施，新增公共座椅二百余个，并在夜市两端设置了临时停车区。\n"
        "　　（图为5月12日晚，市民在老街夜市选购小吃。　记者　某某　摄）\n"
        "　　“摊位费没涨，环境好了，生意反而更好做了。”经营了十多年小吃摊的摊主笑着说。\n"
        "　　（图为夜市入口的新牌坊。　记者　某某　摄）"
    )
    other = (
        "某某公园荷花陆续开放\n"
        "　　本报讯（记者　某某）初夏时节，某某公园荷塘里的荷花陆续绽放，吸引不少市民前来观赏拍照。"
    )
    page = "来源：某某晨报　发布时间：2024-05-14 07:30\n\n" + story + "\n\n" + other + "\n"
    a = next(x for x in arts(page) if "改造提升" in body(page, x))
    assert a.kind == "news" and a.byline == "本报讯（记者某某）"
    assert "摊主笑着说" in body(page, a)
    assert body(page, a).endswith("新牌坊。记者某某摄）")


_REVIEW_HEAD = "某某日报　　读书周刊\n2024年4月20日　星期六　　第7版　　责任编辑：某某\n\n"


def test_a_review_signed_at_its_top_keeps_its_crossheads():
    review = (
        "一条河的记忆，一座城的来路\n"
        "——读长篇小说《某某往事》\n"
        "文／某某某\n"
        "　　很少有一部小说，能让人在合上书页之后，仍然听得见河水的声音。小说以一座小镇\n"
        "为舞台，三代船工、渡口人家和码头商户的悲欢离合，随着潮涨潮落一一铺展开来。\n"
        "河流作为方法\n"
        "　　在这部小说里，河不只是背景，而是一种结构故事的方法。全书分为三部，每一部\n"
        "都对应着小镇的一段命运起伏，读者跟着这些物件走，不知不觉便走进了人物的内心。\n"
        "小人物的史诗\n"
        "　　小说里没有大英雄。老船工一辈子只会撑船，妻子守着一间豆腐坊，这些人物平凡\n"
        "得就像我们身边的长辈，却在时代的每一次转折中做出了各自的选择。\n"
        "未竟的追问\n"
        "　　当然，这部小说并非无可挑剔，第三部节奏略显仓促，但这或许正是作者有意留下\n"
        "的空白，值得读者在某个安静的夜晚，认真想一想。\n"
    )
    page = _REVIEW_HEAD + review + "\n" + _NEWS
    a = next(x for x in arts(page) if "河水的声音" in body(page, x))
    assert a.byline == "文／某某某"
    assert body(page, a).endswith("认真想一想。")


def test_a_new_books_list_keeps_each_books_credit_with_its_item():
    books = (
        "新书速递\n"
        "《纸上山河》\n"
        "某某某　著　某某人民出版社\n"
        "　　本书从百余幅古代舆图入手，讲述古人如何认识和描绘自己生活的世界。\n"
        "《稻作千年》\n"
        "某某某　著　某某科学技术出版社\n"
        "　　农史学者以通俗笔法梳理稻作农业的起源与传播，兼及各地的农事习俗。\n"
    )
    page = _REVIEW_HEAD + _NEWS + "\n" + books + "\n" + _NEWS
    a = next(x for x in arts(page) if "舆图" in body(page, x))
    assert (a.kind, a.headline) == ("briefs", "新书速递")
    assert body(page, a).endswith("兼及各地的农事习俗。")


def test_a_dated_notice_and_the_papers_office_line_at_the_foot():
    # (a lost-property notice dated and unsigned; under it the paper's office and number)
    notice = (
        "寻物启事\n"
        + _col("本人于6月2日上午在镇集市不慎遗失金手镯一只，如有拾到者，请与本人联系，定当面重谢！")
        + "\n　　联系人：某某某\n　　电话：15807461379\n2024年6月3日"
    )
    foot = "某某镇报编辑部　电话：7321568\n内部资料　免费交流"
    page = _HEAD + _REPORT + "\n\n" + notice + "\n\n" + foot + "\n"
    a = next(x for x in arts(page) if "金手镯" in body(page, x))
    assert (a.kind, a.headline, a.byline) == ("notice", "寻物启事", "")
    assert body(page, a).endswith("电话：15807461379")
    assert not any("7321568" in body(page, x) for x in arts(page))


def test_the_polices_tip_closing_a_case_report_is_the_reports_where_no_blank_line_parts():
    report = (
        "七旬老人险被骗走养老钱\n"
        "通讯员　某某某　记者　某　某\n"
        "案情回放\n"
        "　　“阿姨，您千万别转账，这是诈骗！”5月8日下午，民警赶到市民家中时，她正按\n"
        "照对方指示，准备将银行卡里的钱转入所谓的“安全账户”，民警及时劝阻。\n"
        "警方提示\n"
        "　　凡是自称“客服”要求“退赔”并索要验证码的，都是诈骗，请及时拨打110报警。\n"
    )
    page = "某某警察报　2024年5月14日　星期二　第3版　警事\n" + report + _NEWS
    a = next(x for x in arts(page) if "安全账户" in body(page, x))
    assert body(page, a).endswith("请及时拨打110报警。")
    # (set apart by a blank line, the tip heads a notice of its own)
    apart = page.replace("\n警方提示\n", "\n\n警方提示\n")
    assert not any("安全账户" in body(apart, x) and "110" in body(apart, x) for x in arts(apart))


def test_a_public_accounts_posting_line_is_furniture():
    assert stack.page_furniture("某某融媒 2023-05-12 18:06 发表于湖南")
    assert not stack.page_furniture("2023-05-12 18:06，某某县发布了暴雨预警。")


def test_a_meetings_headline_over_its_agenda():
    report = (
        "县委常委会召开会议\n"
        "传达学习省委有关会议精神\n"
        "研究部署近期重点工作\n"
        "　　本报讯（记者　某某）4月17日，县委书记某某某主持召开县委常委会会议，传达学习省\n"
        "委有关会议精神，研究部署近期重点工作。会议强调，要抓好春耕生产和安全生产。\n"
    )
    page = "某某日报　2024年6月12日　星期三　第2版：要闻\n" + _NEWS + report + _NEWS
    a = next(x for x in arts(page) if "主持召开" in body(page, x))
    assert a.headline == "县委常委会召开会议"
    assert a.subheadlines == ["传达学习省委有关会议精神", "研究部署近期重点工作"]


def test_a_serials_label_and_an_artworks_maker():
    page = (
        _REVIEW_HEAD
        + "长篇小说连载\n某某湾\n第十七章　渡口\n某某某　著\n"
        + _col("天刚蒙蒙亮，河面上起了雾，老艄公把船撑离了岸，河水拍着船帮，一下一下。" * 3)
        + "\n\n春山听泉\n某某某　作\n　　题识：山静似太古，日长如小年。\n\n"
        + _REPORT
        + "\n"
    )
    found = arts(page)
    serial = next(a for a in found if "老艄公" in body(page, a))
    assert serial.headline == "某某湾"  # (the serial's label no part of it)
    work = next(a for a in found if "题识" in body(page, a))
    assert (work.headline, work.byline) == ("春山听泉", "某某某作")


def test_a_picture_groups_captions_each_closed_by_its_credit_at_the_line_end():
    group = (
        "图片新闻\n"
        "　　5月12日，游客在某某县景区观赏高山杜鹃。近日，万亩杜鹃进入盛花期，吸引各\n"
        "地游客前来赏花踏青。　　通讯员　某　某　摄\n"
        "　　5月11日，某某港区集装箱码头一派繁忙景象。今年以来，该港区新开辟外贸航\n"
        "线4条，集装箱吞吐量稳步增长。　　本报记者　某　某　摄\n"
    )
    page = "某某日报　2024年6月12日　星期三　第2版：要闻\n" + _NEWS + group + _NEWS
    found = arts(page)
    first = next(a for a in found if "杜鹃" in body(page, a))
    assert "集装箱" not in body(page, first)
    second = next(a for a in found if "集装箱" in body(page, a))
    assert second.kind == "caption" and second.byline == "本报记者某某摄"


def test_a_letter_signed_deep_by_a_unit_over_who_the_writer_is_and_the_name():
    letter = (
        "来信照登\n建议供销社送货下乡\n　　编辑同志：\n"
        + _col(
            "眼下正是夏收夏种大忙季节，社员们需要的镰刀、木杈和草绳很多，我们建议供销社组织货郎担送货下乡。"
        )
        + "\n　　　　某某公社前进大队\n　　　　贫下中农　某某某\n\n"
    )
    page = _HEAD + _REPORT + "\n\n" + letter + _REPORT + "\n"
    a = next(x for x in arts(page) if "货郎担" in body(page, x))
    assert a.byline == "某某公社前进大队贫下中农某某某"
    assert body(page, a).endswith("送货下乡。")


def test_signers_under_a_notices_contact_lines():
    # a web copy printing a paragraph a line indents its issuer and date as it does all
    outage = (
        "停电检修公告\n"
        "　　为保障电网安全稳定运行，我局将于5月15日8:00至18:00对10千伏某某线进行检修，"
        "届时沿线商户停电。\n"
        "　　服务热线：95598\n"
        "　　某某供电局\n"
        "　　2024年5月12日\n"
    )
    page = "来源：某某日报　发布时间：2024-05-12 07:30\n\n" + outage + "\n" + _NEWS
    a = next(x for x in arts(page) if "检修" in body(page, x))
    assert a.byline == "某某供电局" and body(page, a).endswith("服务热线：95598")
    # a mailbox wrapped at the column's width over the secretariat that signs
    meeting = (
        "学术研讨会通知（第一号）\n"
        + _col(
            "本会定于今年十月在某某市召开第五届学术研讨会，欢迎各位会员踊跃投稿，会议不收会务费。"
        )
        + "\n  联系人：某某　电话：0578-8823416  邮箱：hy2023@l\nxkg.org.cn\n某某研究会秘书处\n"
    )
    page = _HEAD + _REPORT + "\n\n" + meeting + "\n" + _REPORT + "\n"
    a = next(x for x in arts(page) if "研讨会" in body(page, x))
    assert a.byline == "某某研究会秘书处"


def test_an_obituarys_bereaved_sign_it():
    obituary = (
        "讣告\n"
        + _col(
            "某某同志因病医治无效，于2024年3月9日逝世，享年八十六岁。定于3月12日上午在殡仪馆举行遗体告别仪式。"
        )
        + "\n　　特此讣告。\n　　　　　　　　妻：某某某\n　　子：某某某　女：某某某\n"
        "　　　　　　率全体亲属泣告\n　　　2024年3月11日\n\n"
    )
    page = _HEAD + _REPORT + "\n\n" + obituary + _REPORT + "\n"
    a = next(x for x in arts(page) if "遗体告别" in body(page, x))
    assert body(page, a).endswith("特此讣告。")
    assert a.byline.startswith("妻：某某某子：某某某女：某某某率全体亲属泣告")


def test_a_box_of_fields_wrapped_over_many_lines_is_a_piece_of_its_own():
    box = (
        "参观须知\n"
        "开放时间：周二至周日9:00—\n17:00（16:00停止入馆），周一闭\n馆（法定节假日除外）。\n"
        "预约方式：关注本馆微信公众号\n点击“参观预约”，可预约7日内\n参观场次。\n"
        "团体预约：10人以上团体请提前3\n个工作日致电0533-8261170。\n"
        "讲解服务：每日10:00、14:30在一\n楼大厅提供免费定时讲解，特展讲\n解需另行预约。\n"
        "温馨提示：馆内禁止使用闪光灯及\n自拍杆，请勿携带食品饮料入馆。\n"
    )
    page = _HEAD + _REPORT + "\n\n" + box + "\n" + _REPORT + "\n"
    a = next(x for x in arts(page) if "开放时间" in body(page, x))
    assert a.headline == "参观须知"
    assert body(page, a).startswith("开放时间：") and body(page, a).endswith("饮料入馆。")


def test_labelled_crossheads_are_a_reports_sections_whatever_its_credit():
    # a web copy's report whose credit is its source line (来源：…　作者：…), its sections
    # under crossheads of a label and a phrase
    report = (
        "小区门口的充电柜，为何成了摆设？\n"
        "来源：某某晚报　作者：记者　某某\n"
        "近段时间，不少读者向本报反映，自家小区门口的电动自行车充电柜“中看不中用”，记者走访了十余个小区。\n"
        "现场：十个柜子三个“躺平”\n"
        "5月10日上午，记者来到某某小区，小区南门外一字排开立着4组充电柜，扫码后页面显示“设备离线”。\n"
        "追问：收费标准为何说不清\n"
        "除了设备故障，收费问题也让居民困惑，不少居民说充电一次的费用前后差了一倍。\n"
        "回应：将督促整改，必要时另行引入运营企业\n"
        "对此，街道城管科工作人员表示，将督促运营企业限期整改。本报将持续关注此事进展。\n"
    )
    other = "某某公园荷花陆续开放\n本报讯（记者　某某）初夏时节，某某公园荷塘里的荷花陆续绽放。\n"
    page = "某某晚报数字报\n\n" + report + "\n" + other
    a = next(x for x in arts(page) if "中看不中用" in body(page, x))
    assert body(page, a).endswith("本报将持续关注此事进展。")
