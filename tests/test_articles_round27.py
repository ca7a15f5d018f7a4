"""Round 27: conventions from the tune half of the 27th blind batch (a 1940s tabloid, an
investigation page, a construction firm's paper, a statistics bulletin, a poll page...),
each on invented text; and two from the tune half's blank-line copies."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.spacing import fragments, respace
from tests.segpages import arts as _arts
from tests.segpages import body as _body

LINES = [
    "南湖日报　2025年3月6日　第3版　两会特刊",
    "代表委员热议政府工作报告",
    "本报北京3月5日电（记者 林海）",
    "5日上午，十四届全国人大三次会议在人民大会堂开幕，代表委员们认真听取政府工作报告，纷纷表示报告鼓舞人心、催人奋进，为今年工作指明了方向。",
    "大家表示，要把报告确定的各项任务落到实处，以实干实绩推动高质量发展迈出新步伐。",
    "代表声音",
    "◆“要持续优化营商环境，让民营企业敢投敢闯，在发展中找到更大空间。”——全国人大代表、南湖机械有限公司总经理许振华",
    "◆“建议将更多慢性病用药纳入医保报销范围，切实减轻患者看病负担。”——全国人大代表、南湖第一医院院长陶静",
    "3月5日，代表们步入人民大会堂，准备参加十四届全国人大三次会议开幕会。本报记者 陈立军 摄",
    "我省代表团提交议案建议86件",
    "本报北京3月6日电（记者 林海）",
    "截至6日，我省代表团共提交议案5件、建议81件，内容涉及科技创新、乡村振兴、生态保护等方面。",
    "春耕时节农机忙",
    "本报讯（记者 周丽 通讯员 王强）",
    "连日来，我市各地抢抓农时开展春耕生产，田间地头处处是农机穿梭的繁忙景象。",
    "市农业农村局负责人介绍，今年全市投入春耕的各类农机具超过两万台套，机耕面积预计达到九成以上。",
    "为保障农资供应，各地供销社提前备足化肥、种子和农膜，确保不误农时。",
    "城区新增三处口袋公园",
    "本报讯（记者 许晴）",
    "近日，我市城区新建的三处口袋公园陆续开放，为周边居民提供了休闲健身的好去处。",
    "这些口袋公园利用闲置地块改造而成，配有步道、座椅和儿童游乐设施。",
    "市民李女士说，以前这里是一片荒地，现在每天晚饭后都会带孩子来散步。",
]
PAGE = "\n\n".join(LINES) + "\n"


def test_a_quotes_speaker_or_a_glued_credit_is_no_line_cut_mid_clause():
    # a web copy with a blank line after every line is read line by line; a layout
    # extraction's boxes cut mid-clause (…。同时，临) are not, and these lines are no such cut
    assert respace(PAGE) is not None and not fragments(PAGE)
    heads = [a.headline for a in _arts(PAGE)]
    assert "春耕时节农机忙" in heads and "城区新增三处口袋公园" in heads, heads


def test_a_bulleted_list_on_a_page_set_a_paragraph_to_a_line_ends_at_its_last_item():
    for page in (PAGE, PAGE.replace("\n\n", "\n")):
        found = _arts(page)
        voices = next(a for a in found if a.headline == "代表声音")
        assert article_body(page, voices).endswith("南湖第一医院院长陶静")


TABLOID = "\n".join(
    [
        "明星報",
        "中華民國三十七年三月四日",
        "星期四　第二版",
        "【影壇雜碎】",
        "新人紅得發紫",
        "◎阿木林",
        "新近從香港來滬之女明星某",
        "某，一部新片尚未殺青，各報",
        "已爭相刊其玉照，片商更捧出",
        "大把鈔票搶簽合同，可謂紅得",
        "發紫矣。據知情人言，此姝在",
        "港時本是歌女出身，一口粵語",
        "尚未改過，拍片時全靠配音。",
        "【書場漫步】",
        "老聽客的脾氣",
        "◎半瓶醋",
        "書場裏的老聽客，大抵脾氣古",
        "怪，坐慣了的位子旁人坐不得，",
        "聽慣了的先生換不得，茶要泡",
        "得釅，瓜子要炒得香，稍不如",
        "意便拂袖而去，書場老闆也只",
        "好賠著笑臉，不敢得罪。",
        "便民服務",
        "◎常用電話",
        "火警　〇九　匪警　一一〇",
        "◎本週天氣",
        "晴轉多雲，氣溫回升。",
    ]
)


def test_a_pen_name_after_a_double_circle_is_the_columns_byline():
    found = _arts(TABLOID)
    by_head = {a.headline: a for a in found}
    assert by_head["新人紅得發紫"].byline == "◎阿木林"
    assert _body(TABLOID, by_head["新人紅得發紫"]).startswith("新近從香港來滬")
    assert by_head["老聽客的脾氣"].byline == "◎半瓶醋"
    # a list whose items each open with a double circle: its first is no pen name
    assert by_head["便民服務"].byline == ""
    assert _body(TABLOID, by_head["便民服務"]).startswith("◎常用電話")


FIRM = "\n".join(
    [
        "远航交通建设报",
        "2025年4月9日　星期三　第105期　第3版　一线传真",
        "内部资料　免费交流",
        "责任编辑：钱多多　美术编辑：孙一",
        "攻坚克难　抢抓节点",
        "沿江快速路三标段跨河主桥顺利合龙",
        "　　本报讯　通讯员　吴晓波　4月3日上午，随着最后一方混凝土浇筑完",
        "成，由集团路桥公司承建的沿江快速路三标段跨河主桥顺利合龙，比计划",
        "提前了整整二十天，为全线年内通车打下了坚实的基础。",
        "　　该主桥全长六百余米，主跨一百六十米，是全线施工难度最大的控制",
        "性工程。项目部采用挂篮悬臂浇筑工艺，组织三个班组轮流作业，先后克",
        "服了汛期水位上涨、高空作业风险大等一系列困难，保证了工程质量。",
        "　　项目经理孙立新表示，下一步将推进桥面铺装施工。",
        "4月3日，施工人员在跨河主桥合龙段浇筑混凝土，现场机械轰鸣，一片",
        "繁忙景象。",
        "通讯员　吴晓波　摄",
        "工地随笔",
        "夜班灯下的老刘",
        "　　夜里十一点，工地上的灯还亮着。钢筋班的老刘蹲在桥面上，借着头",
        "灯的光一根一根地数着绑扎好的钢筋，生怕漏掉一处。我问他累不累，他",
        "笑着说，干了二十年，早就习惯了，桥建好那天就不累了。",
        "　　那一刻我忽然明白，一座桥是一盏盏夜班的灯照出来的，也是像老刘",
        "这样的人一根钢筋一根钢筋绑出来的。",
        "（沿江快速路项目部　陈思远）",
        "关于表彰2024年度优秀班组长的决定",
        "远航建发〔2025〕7号",
        "　　集团各单位：",
        "　　2024年，集团广大班组长扎根一线、勇挑重担，涌现出一批先进典型。",
        "经集团研究决定，授予孙立新等8名同志“2024年度优秀班组长”称号。",
        "　　附：2024年度优秀班组长名单",
        "　　孙立新　刘大海　周建国　赵四海　钱立功　吴明亮　郑家",
        "和　王保国",
        "远航交通建设集团有限公司",
        "2025年3月28日",
        "工程简讯",
        "　　■集团承建的城东污水管网项目于3月31日通过竣工验收。",
        "　　■4月1日，集团中标滨湖大道改造工程，中标金额1.6亿元。",
        "编辑部地址：江城市滨湖区远航大厦8楼　邮编：430000　电话：",
        "027-88886666",
        "投稿邮箱：yhjt@yuanhang-group.com",
    ]
)


def test_a_company_papers_dateline_caption_signature_and_decision():
    found = _arts(FIRM)
    by_head = {a.headline: a for a in found}
    bridge = by_head["沿江快速路三标段跨河主桥顺利合龙"]
    # the dateline's reporter set apart by spaces, its text run on after one
    assert bridge.byline.startswith("本报讯通讯员吴晓波")
    assert article_body(FIRM, bridge).startswith("4月3日上午")
    # the unindented paragraph over the credit alone is the photo's caption
    assert article_body(FIRM, bridge).endswith("桥面铺装施工。")
    cap = next(a for a in found if article_body(FIRM, a).startswith("4月3日，施工人员"))
    assert cap.kind == "caption"
    # an essay signed in brackets with the writer's unit and name
    essay = next(a for a in found if article_body(FIRM, a).startswith("夜里十一点"))
    assert article_body(FIRM, essay).endswith("一根钢筋绑出来的。")
    # a decision closed by its list of names, its issuer and its date
    decision = by_head["关于表彰2024年度优秀班组长的决定"]
    assert article_body(FIRM, decision).endswith("和　王保国".replace("　", ""))
    assert "远航交通建设集团有限公司" in decision.byline
    # the foot's address, its number wrapped onto a line of its own, and its mailbox
    assert article_body(FIRM, by_head["工程简讯"]).endswith("中标金额1.6亿元。")


JUBILEE = "\n".join(
    [
        "江口日报",
        "2025年10月8日 星期三",
        "第8版",
        "创刊六十周年特刊",
        "责任编辑 王小川",
        "版式设计 李明",
        "六十年风雨，",
        "我们一路同行",
        "六十年前的秋天，第一张报纸",
        "从江口镇一间木板房里印出，",
        "送到渔港、盐场和公社的田头。",
        "六十年来，我们记录了这座城",
        "市的每一次出发，也记录了普",
        "通人的悲欢。感谢每一位订阅",
        "过、批评过、鼓励过我们的读",
        "者，新的起点上，我们将继续",
        "扎根这片土地。",
        "本报编辑部",
        "1965年10月1日出版的",
        "《江口日报》创刊号头版，当日",
        "对开四版，刊发了创刊词。",
        "本报资料图片",
        "排字房里的青春",
        "1978年春天，我从师范学校",
        "毕业分配到报社，第一份工作",
        "是夜班校对。那时报纸还是铅",
        "字排版，排字工人站在字架前",
        "飞快地拣字，一个熟练的师傅",
        "一小时能拣一千多个字。",
        "如今退休多年，每天早上还是",
        "要先翻一翻报纸。",
        "陈德海（本报原夜班编辑部",
        "主任）",
        "六十年大事记",
        "1965年10月1日 创刊。",
        "1980年1月 扩为对开八版。",
    ]
)


def test_an_anniversary_pages_address_caption_and_memoir_in_narrow_columns():
    found = _arts(JUBILEE)
    # an editor's line alone without a colon is furniture, no headline
    assert all("李明" not in (a.headline or "") for a in found)
    # a headline wrapped after its comma, over the text's first full line
    address = next(a for a in found if article_body(JUBILEE, a).startswith("六十年前的秋天"))
    assert address.headline == "六十年风雨，我们一路同行"
    # the paper's own signature closes the address, whatever follows it
    assert address.byline == "本报编辑部"
    assert article_body(JUBILEE, address).endswith("扎根这片土地。")
    # a date and 出版的 open a caption's sentence, no imprint; the archive's credit closes it
    cap = next(a for a in found if article_body(JUBILEE, a).startswith("1965年10月1日出版的"))
    assert cap.byline == "本报资料图片"
    # a writer's name over a title wrapped in its brackets signs the memoir
    memoir = next(a for a in found if a.headline == "排字房里的青春")
    assert memoir.byline == "陈德海（本报原夜班编辑部主任）"
    assert article_body(JUBILEE, memoir).endswith("要先翻一翻报纸。")


BULLETIN = "\n".join(
    [
        "青川日报　2026年3月18日　星期三　第4版　要闻",
        "责任编辑：王岚　校对：李明",
        "去年全市经济稳中向好",
        "本报讯（记者 周海）3月17日，市统计局发布全市统计公报，全年地区生产总值增长5.8%。",
        "市统计局负责人表示，全市工业生产稳步回升，消费市场持续恢复，就业形势总体稳定。",
        "图为2021—2025年全市地区生产总值及增长速度。数据来源：市统计局",
        "制图　王小川",
        "青川市2025年国民经济和社会发展统计公报",
        "青川市统计局　国家统计局青川调查队",
        "（2026年3月17日）",
        "2025年，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中向好。",
        "一、综合",
        "初步核算，全年全市地区生产总值2186.42亿元，比上年增长5.8%。",
        "年末全市常住人口223.06万人，比上年末增加0.64万人。",
        "二、农业",
        "全年粮食种植面积106.8万亩，粮食总产量48.94万吨，增长1.7%。",
        "三、工业",
        "全年规模以上工业增加值增长7.2%，高技术制造业增加值增长13.8%。",
        "注释：本公报中部分数据为初步统计数。",
        "夜校走红",
        "本报记者 李娜",
        "实习生 赵一",
        "今年以来，市青少年宫开设的夜校课程报名火爆，书法课名额几分钟就被抢光。",
        "青少年宫负责人介绍，夜校课程收费低、时间灵活，受到上班族的欢迎。",
        "5月13日晚，学员在市青少年宫夜校书法班上课。",
        "本报实习生 赵一/摄",
        "网友声音",
        "“下班后学点东西，比刷手机强。”",
    ]
)


def test_a_bulletins_issuers_and_day_and_a_charts_caption_on_a_flat_page():
    found = _arts(BULLETIN)
    # a caption saying what the chart shows closes on its maker's credit, not on a sentence
    chart = next(a for a in found if article_body(BULLETIN, a).startswith("图为2021"))
    assert chart.kind == "caption" and chart.byline == "制图王小川"
    news = next(a for a in found if a.headline == "去年全市经济稳中向好")
    assert article_body(BULLETIN, news).endswith("就业形势总体稳定。")
    # the bodies issuing a document under its title sign it; the day in brackets is no text
    doc = next(a for a in found if a.headline == "青川市2025年国民经济和社会发展统计公报")
    assert doc.byline == "青川市统计局国家统计局青川调查队"
    assert article_body(BULLETIN, doc).startswith("2025年，全市上下")
    # an intern's photo credit set with a slash (某某/摄) closes the picture's caption
    cap = next(a for a in found if article_body(BULLETIN, a).startswith("5月13日晚"))
    assert cap.kind == "caption"
    assert article_body(BULLETIN, next(a for a in found if a.headline == "夜校走红")).endswith(
        "受到上班族的欢迎。"
    )


NOTICES = "\n".join(
    [
        "江北报　2025年9月5日　星期五",
        "第2版　城建　责任编辑：林一",
        "城西片区规划获批",
        "本报讯（记者 黄河）近日，《城西片",
        "区控制性详细规划》经县人民政府批",
        "准正式实施。规划范围东起环城路、",
        "西至清水河，总面积约3.2平方公",
        "里。",
        "县规划局负责人表示，规划编制过程",
        "中共收集群众意见建议60条，多数",
        "已落实到图则中。",
        "江北县城南新区纬二路道路工程",
        "规划设计方案批前公示",
        "根据《中华人民共和国城乡规划法》",
        "等有关规定，现将城南新区纬二路道",
        "路工程规划设计方案予以批前公示，",
        "有关事项如下：",
        "一、建设规模：道路全长约1.2公",
        "里，规划红线宽度24米。",
        "二、公示时间：2025年9月5日至",
        "9月18日。",
        "江北县规划局",
        "2025年9月4日",
    ]
)


def test_a_notices_two_line_title_after_a_finished_text_in_narrow_columns():
    found = _arts(NOTICES)
    news = next(a for a in found if a.headline == "城西片区规划获批")
    assert article_body(NOTICES, news).endswith("已落实到图则中。")
    notice = next(a for a in found if article_body(NOTICES, a).startswith("根据《中华人民共和国"))
    assert notice.headline == "江北县城南新区纬二路道路工程规划设计方案批前公示"


SERIAL = "\n".join(
    [
        "星光報",
        "中華民國三十六年六月二日",
        "星期一　第四版",
        "長篇說部",
        "春江遺恨",
        "第五回　夜雨孤燈話舊情",
        "◎江南客",
        "（續昨）卻說秀英聽得樓下",
        "人聲嘈雜，心中一驚，忙把",
        "那封信藏入枕下，起身開門。",
        "來者並非旁人，乃是表兄阿",
        "福，手中提著一盞馬燈，滿",
        "身雨水。（未完）",
        "碼頭工人索薪",
        "本報訊　昨日上午，十六鋪碼",
        "頭工人百餘名，因欠薪三月，",
        "結隊赴公司請願，秩序尚好。",
        "公司方面允於月底以前發清，",
        "工人始各散去。",
        "大光明戲院",
        "日夜兩場　準映",
        "美國歌舞鉅片",
        "日場二時半　夜場七時半",
        "座價：樓上二萬元",
        "預定座位電話九三一二七",
        "【影壇瑣聞】",
        "新片開拍在即",
        "◎小蘇州",
        "某影業公司新片，日內即將開",
        "拍，男女主角均已簽約云。",
    ]
)


def test_a_tabloids_serial_and_a_theatres_ad_without_blank_lines():
    found = _arts(SERIAL)
    serial = next(a for a in found if a.byline == "◎江南客")
    # the genre's label over the serial's title is no part of it; its marker no text
    assert serial.headline == "春江遺恨"
    assert article_body(SERIAL, serial).startswith("卻說秀英")
    news = next(a for a in found if a.headline == "碼頭工人索薪")
    assert article_body(SERIAL, news).endswith("工人始各散去。")
    # a venue's name over slogans and its number in Chinese numerals: an advertisement
    ad = next(a for a in found if a.kind == "ad")
    assert article_body(SERIAL, ad).endswith("預定座位電話九三一二七")


def test_a_reporter_before_baodao_on_its_own_line_is_the_byline():
    page = "\n".join(
        [
            "晨光日报　2024年3月6日　本地　6",
            "德士失控撞上巴士站",
            "黄志强 报道",
            "一辆德士昨早在勿洛北四道失控，撞上路旁巴士站，两名候车乘客受轻伤。",
            "警方说，事发时德士司机正准备转入组屋区，车辆突然加速冲上人行道。",
            *[f"本地新闻第{k}段，内容从略，以免页面过短。" for k in range(1, 20)],
        ]
    )
    taxi = next(a for a in _arts(page) if article_body(page, a).startswith("一辆德士"))
    assert taxi.headline == "德士失控撞上巴士站"
    assert taxi.byline == "黄志强报道"


def test_a_compilers_credit_in_brackets_closes_its_piece_on_a_page_cut_at_a_width():
    page = "\n".join(
        [
            "宁远日报　2024年3月12日　星期二　第6版　政务服务",
            "责任编辑：李华",
            "身份证丢了，在外地也能补办",
            "　　问：我是外地户籍，在本市工作，身份证丢了能在本市补办吗？",
            "　　答：可以。居民身份证异地受理已在全国推行，可携带户口簿到",
            "本市任一户政窗口申请补领，工本费为20元。",
            "（本报记者　闵舟　整理）",
            "政策解读",
            "宁远出台稳就业“十二条”",
            "高校毕业生在宁远就业创业可享这些支持",
            "本报记者　郝嘉言",
            "　　近日，市政府办公室印发《关于进一步稳定和扩大就业的若干措",
            "施》，从支持企业吸纳就业、鼓励创业带动就业等方面推出十二条",
            "举措。",
            *[
                f"　　第{k}条举措的内容从略，以免页面过短，这里只是填充的文字。"
                for k in range(1, 16)
            ],
        ]
    )
    found = _arts(page)
    idcard = next(a for a in found if a.headline == "身份证丢了，在外地也能补办")
    assert idcard.byline == "（本报记者闵舟整理）"
    assert article_body(page, idcard).endswith("工本费为20元。")
    policy = next(a for a in found if article_body(page, a).startswith("近日，市政府办公室"))
    assert "政策解读" not in (policy.headline or "")


def test_an_exclaiming_headline_over_a_subtitle_over_the_dateline_is_a_stack():
    page = "\n".join(
        [
            "南江日报　2025年4月18日　星期五　第7版　求证",
            "编者按",
            "近来各类“内部消息”又在朋友圈流传，本版今起推出求证栏目，欢迎读者提供线索。",
            "网传“地铁3号线停运一个月”？假的！",
            "轨道集团：仅夜间分段检修，白天运营不受影响",
            "本报讯（记者 刘远）4月16日起，一张“地铁3号线停运”的图片在网上流传。",
            "记者从轨道集团获悉，网传图片系将外地旧闻改头换面而来。",
            *[f"求证栏目第{k}段，内容从略，以免页面过短。" for k in range(1, 20)],
        ]
    )
    found = _arts(page)
    lead = next(a for a in found if article_body(page, a).startswith("近来各类"))
    assert article_body(page, lead).endswith("欢迎读者提供线索。")
    rumour = next(a for a in found if article_body(page, a).startswith("4月16日起"))
    assert rumour.byline == "本报讯（记者刘远）"


def test_two_wide_lines_read_kicker_and_headline_unless_the_first_asks_or_exclaims():
    from qa.segment.stack import _split_stack

    # a first line that asks or exclaims is the headline over its subtitle
    assert _split_stack(["网传地铁停运一个月？假的！", "轨道集团：仅夜间检修"], True)[0] == (
        "网传地铁停运一个月？假的！"
    )
    # else the second line is the headline under its kicker
    assert _split_stack(["全年粮食产量58.9万吨", "我市粮食生产再获丰收"], True)[0] == (
        "我市粮食生产再获丰收"
    )
