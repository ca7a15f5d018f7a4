"""Round 28: conventions from the tune half of the 28th blind batch (a data-journalism page,
a photography contest, a lifestyle page, a textile firm's paper, a nature page...), each on
invented text."""

from __future__ import annotations

from qa.evaluate import article_body
from tests.segpages import arts as _arts

CHARTS = "\n".join(
    [
        "江城日报",
        "2024年5月16日 星期四",
        "第07版 数读",
        "责任编辑：韩一 美术编辑：苏二",
        "充电桩够用吗？",
        "本报记者 蒋帆 数据整理 邵雯",
        "5月14日，市发展改革委发布一季度新能源汽车充换电设施运行情况。",
        "记者梳理了全市充电服务平台的公开数据，发现充电桩的分布并不均衡。",
        "市发展改革委负责人介绍，今年全市计划新建公共充电桩2.5万个。",
        "2019—2023年全市公共充电桩数量（万个）",
        "2019年底，全市公共充电桩仅0.63万个；截至今年3月底，这一数字增至3.2万个。",
        "数据来源：江城市发展和改革委员会",
        "制图：邵雯",
        "各区县每平方公里公共充电桩数量（个）",
        "高新区、东湖区位列前三，主城区与县域最大相差约58倍。",
        "数据来源：江城统计年鉴2023 本报整理",
        "制图：邵雯 詹航",
        "数字速览",
        "■ 3.2万个：全市公共充电桩总数。",
        "■ 1∶6.4：全市公共桩车比。",
        "别让充电桩只“长”在地图的一边",
        "充电设施首先是一门生意，但电动车不会只在主城区跑。",
        "补短板，既要靠规划留出点位，也要在补贴方式上多动脑筋。",
        "闻远",
        "江城日报社出版　社址：江城市江岸路18号　广告热线：6201888　本报法律顾问：江明律师事务所",
    ]
)


def test_a_charts_title_text_and_source_over_its_makers_credit_is_a_caption():
    found = _arts(CHARTS)
    lead = next(a for a in found if a.headline == "充电桩够用吗？")
    assert article_body(CHARTS, lead).endswith("新建公共充电桩2.5万个。")
    first = next(a for a in found if article_body(CHARTS, a).startswith("2019年底"))
    assert first.kind == "caption"
    assert first.headline == "2019—2023年全市公共充电桩数量（万个）"
    assert article_body(CHARTS, first).endswith("数据来源：江城市发展和改革委员会")
    assert first.byline == "制图：邵雯"
    # a chart made by two: both named after 制图
    second = next(a for a in found if article_body(CHARTS, a).startswith("高新区"))
    assert second.kind == "caption" and second.byline == "制图：邵雯詹航"
    # the foot's imprint, office, ad line and legal adviser are furniture, no ad
    assert all("法律顾问" not in article_body(CHARTS, a) for a in found)


def test_a_prize_over_a_winning_works_title_is_no_part_of_it():
    page = "\n".join(
        [
            "岭南日报",
            "2022年11月6日 星期日",
            "第6版 影像",
            "摄影大赛揭晓",
            "本报讯（记者 覃满）11月4日，第五",
            "届摄影大赛颁奖仪式在省美术馆举",
            "行。本届大赛共收到投稿作品2.3万",
            "余幅，经初评、复评和终评，评出一",
            "等奖1幅、二等奖3幅、三等奖6幅。",
            "获奖作品将在省美术馆展出至11月",
            "20日，市民可免费参观。本报今日选",
            "登部分获奖作品。",
            "一等奖",
            "晨雾里的梯田",
            "清晨的薄雾笼罩着层层梯田，农人",
            "牵牛走过田埂，开始新一季的春耕。",
            "层层梯田顺着山势铺展开来，田埂",
            "的曲线在晨光中若隐若现。",
            "（邓岚 摄）",
            "二等奖",
            "云端合龙",
            "大桥主跨合龙的瞬间，工人们在百",
            "米高空挥手致意，身后是连绵的群",
            "山和翻涌的云海，场面十分壮观。",
            "（梁桥 摄）",
            "三等奖",
            "夜市烟火",
            "夜幕降临，老街夜市人头攒动，烟",
            "火气扑面而来，摊主们忙着招呼客",
            "人，孩子们举着糖画在人群中穿行。",
            "（黄灯 摄）",
        ]
    )
    found = _arts(page)
    heads = {a.headline for a in found}
    assert "晨雾里的梯田" in heads and "云端合龙" in heads and "夜市烟火" in heads
    assert not any(h and h.startswith(("一等奖", "二等奖", "三等奖")) for h in heads)


def test_captions_closed_by_a_credit_set_a_space_after_them():
    page = "\n".join(
        [
            "海城都市报　2024年3月23日　星期六",
            "第B6版　周末·时尚　　责任编辑：沈意　美术编辑：柯乔",
            "今春流行“松弛感”",
            "文/本报记者　林馨",
            "　　如果要用一个词概括今年春天的穿衣风向，很多业内人士给出的",
            "答案是“松弛感”。走进城区几家大型商场，宽松西装正当其时。",
            "　　业内人士提醒，宽松单品要注意肩线和衣长，才显得精神。",
            "　　宽松米白色西装搭配直筒牛仔裤和乐福鞋，是今春通勤穿搭的",
            "“安全牌”。　图/本报记者　严朗",
            "　　白领许阳用黄油色针织开衫搭配白色半身裙，温柔又显气色。",
            "　受访者供图",
            "潮流速递",
            "　　◆“城市骑行”带火功能风。防泼水夹克等单品走俏，部分户外品",
            "牌门店三月销售额同比增长超四成。",
            "　　◆复古发夹重回梳妆台。不少饰品店将其作为春季主推款。",
            *[
                f"　　◆第{k}条速递的内容从略，这里只是填充的文字，以免页面过短。"
                for k in range(1, 12)
            ],
        ]
    )
    found = _arts(page)
    feature = next(a for a in found if a.byline.startswith("文/"))
    assert article_body(page, feature).endswith("才显得精神。")
    suit = next(a for a in found if article_body(page, a).startswith("宽松米白色西装"))
    assert suit.kind == "caption"


NOTEBOOK = "\n".join(
    [
        "禾川报　2025年8月8日　星期五",
        "第3版　城建　责任编辑：林素",
        "记者手记",
        "图纸上的“针脚”",
        "采访中，记者在文昌小区看到一张贴",
        "在楼道口的改造图纸，上面密密麻麻",
        "写满了居民的批注，施工队长说，这",
        "张图已经改了七稿。",
        "老旧小区改造不是大拆大建，而是一",
        "针一线的“绣花功夫”，要紧的是最后",
        "那一稿，是居民自己愿意签字的那一",
        "稿。",
        "黄小溪",
        "8月5日，施工人员在城北新区纬三",
        "路项目现场铺设雨水管道。　本报记",
        "者　周川　摄",
        "县城新建成3处“口袋公园”",
        "本报讯（记者 邱芳）8月6日，位于城",
        "关镇解放路的“榕荫园”口袋公园正",
        "式对外开放。至此，我县今年计划建",
        "设的3处口袋公园已全部建成。",
        "这3处口袋公园均利用城区闲置地块",
        "改造而成，配有步道、座椅和儿童游",
        "乐设施，受到周边居民欢迎。",
    ]
)


def test_a_name_signing_a_notebook_over_a_caption_whose_credit_breaks_mid_role():
    found = _arts(NOTEBOOK)
    note = next(a for a in found if a.headline == "图纸上的“针脚”")
    # a name of three opening with a family name, under the finished text, signs it
    assert note.byline == "黄小溪"
    assert article_body(NOTEBOOK, note).endswith("愿意签字的那一稿。")
    # the credit's role cut at the width (…。　本报记 / 者　某某　摄) closes the caption
    cap = next(a for a in found if article_body(NOTEBOOK, a).startswith("8月5日"))
    assert cap.kind == "caption" and cap.headline == ""
    assert article_body(NOTEBOOK, cap).endswith("铺设雨水管道。")


READERS = "\n".join(
    [
        "江城晚报　2024年6月20日　星期四",
        "14　读者·更正与说明",
        "责任编辑：方若　美编：许蔓",
        "　　更正：本报6月13日第5版《城东片区今夏新增3处公共泳池》一文",
        "中，“滨湖路游泳馆”应为“滨河路游泳馆”。特此更正，并向读者致歉。",
        "本报编辑部",
        "电梯又转起来了",
        "本报记者　贺禾",
        "　　5月28日，本报报道了小区电梯停运的情况。6月18日，记者回访",
        "看到，该小区电梯已恢复运行，居民上下楼不再犯愁。",
        "　　物业公司承诺，今后每月在各单元楼道公示电梯维保记录，遇故障",
        "停运超过3天的，将在单元门口张贴维修进度。",
        "读者热线",
        "（6月13日—6月19日）",
        "　　■6月14日，读者胡先生来电反映，樟树湾路段多个窨井盖破损，",
        "夜间行车存在隐患。记者已将情况转至区城管部门。",
        "　　■6月18日，读者钱先生反映，地铁3号线青枫站扶梯停运多日。",
        "地铁运营公司回复，该扶梯正在更换部件，预计6月底恢复使用。",
        *[
            f"　　■6月1{k}日，读者来电反映的第{k}件事，内容从略，这里只是填充。"
            for k in range(1, 9)
        ],
        "读者热线：0000-8600110（9:00—21:00）　电子信箱：jcwb@example.com",
    ]
)


def test_a_correction_labelled_before_its_text_and_a_list_under_its_period():
    found = _arts(READERS)
    fix = next(a for a in found if a.headline == "更正")
    assert article_body(READERS, fix).startswith("本报6月13日第5版")
    assert fix.byline == "本报编辑部"
    story = next(a for a in found if a.headline == "电梯又转起来了")
    assert article_body(READERS, story).endswith("张贴维修进度。")
    # the list's period in brackets under its heading, the foot's hotline and mailbox
    hotline = next(a for a in found if article_body(READERS, a).startswith("■6月14日"))
    assert "电子信箱" not in article_body(READERS, hotline)


def test_a_bracketed_archive_credit_closes_a_caption_on_a_narrow_page():
    page = "\n".join(
        [
            "鹤城晚报",
            "2024年4月3日　星期三",
            "责任编辑　葛春　美编　蒋立",
            "“逆行者”祁东",
            "本报记者　阮扬",
            "特勤站的荣誉室里，一件洗得发",
            "白的抢险救援服被整整齐齐叠放",
            "在玻璃柜中。战友们说，他总是",
            "第一个冲进火场，最后一个撤出。",
            "清明前夕，战友们来到他的墓前",
            "献上鲜花：“站长，您交给我们",
            "的活儿，我们接着干。”",
            "祁东（右一）在训练中指导队员",
            "进行绳索救援。　（资料图片）",
            "人物小传",
            "祁东，1979年生，鹤城人，",
            "1998年入伍，2021年在抢险",
            "救援中牺牲，年仅42岁。",
            "被追记一等功，评为烈士。",
            "生前多次获得嘉奖和表彰。",
        ]
    )
    found = _arts(page)
    profile = next(a for a in found if a.headline == "“逆行者”祁东")
    assert article_body(page, profile).endswith("我们接着干。”")
    cap = next(a for a in found if article_body(page, a).startswith("祁东（右一）"))
    assert cap.kind == "caption"


def test_a_call_for_entries_signed_by_its_organiser_over_the_pages_picture_credit():
    page = "\n".join(
        [
            "岭南日报",
            "2022年11月6日 星期日",
            "第6版 影像",
            "摄影大赛揭晓",
            "本报讯（记者 覃满）11月4日，由",
            "岭南日报社、省摄影家协会联合",
            "主办的第五届摄影大赛颁奖仪式",
            "在省美术馆举行。本届大赛共收",
            "到投稿作品2.3万余幅。",
            "获奖作品将在省美术馆展出至11",
            "月20日，市民可免费参观。",
            "省摄影家协会负责人说，本届大",
            "赛投稿者中，基层摄影爱好者和",
            "青年学生占比超过六成，用手机",
            "拍摄的作品首次进入一等奖。",
            "第六届摄影大赛征稿启事",
            "第六届摄影大赛即日起开始征稿，",
            "征稿截止时间为明年6月30日。每",
            "位作者限投10幅（组），不收取",
            "任何费用。咨询电话：3356021",
            "“锦绣岭南”摄影大赛组委会",
            "本版获奖作品由大赛组委会提供",
        ]
    )
    found = _arts(page)
    news = next(a for a in found if a.headline == "摄影大赛揭晓")
    # 联合主办的 is a sentence's, no masthead's imprint
    assert "联合主办的第五届" in article_body(page, news)
    call = next(a for a in found if a.headline == "第六届摄影大赛征稿启事")
    assert call.byline == "“锦绣岭南”摄影大赛组委会"
    assert article_body(page, call).endswith("咨询电话：3356021")


def test_a_notices_column_name_over_its_whole_title_is_no_part_of_it():
    page = "\n".join(
        [
            "湄南日报　2024年3月12日　星期二　A4　本埠新闻",
            *[
                f"本埠新闻第{k}段，内容从略，这里只是填充的文字，以免页面过短。"
                for k in range(1, 16)
            ],
            "社团启事",
            "召开第十五届会员大会通告",
            "本会订于三月三十一日上午十时在会所礼堂召开第十五届会员大会，敬请各位会员准时出席。",
            "泰国溪洋同乡会",
            "佛历二五六七年三月十一日",
            "读者园地",
            "老街的早晨",
            "清晨的老街，摊贩们早早支起了摊子，豆浆的香气飘满了整条街。",
        ]
    )
    found = _arts(page)
    notice = next(a for a in found if article_body(page, a).startswith("本会订于"))
    assert notice.headline == "召开第十五届会员大会通告"
