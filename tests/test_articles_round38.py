"""Round 38: conventions from the 38th blind batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts, body, by_head, lines_page


def test_a_masthead_block_on_a_page_without_blank_lines_ends_at_the_first_headline():
    page = (
        "某某药讯\n"
        "会员通讯\n"
        "某某省药学会主办\n"
        "内部资料　免费交流\n"
        "2024年第3期（总第40期）　2024年6月20日出版\n"
        "省药学会召开第七届理事会第二次会议\n"
        "本刊讯（通讯员　某某）6月12日，省药学会第七届理事会第二次会议召开。\n"
    )
    assert stack.masthead(page) == "某某药讯"


def test_a_masthead_block_under_a_box_of_quotations_names_the_paper():
    page = (
        "最高指示\n"
        "\n"
        "　　抓革命，促生产。\n"
        "\n"
        "青松岭战报\n"
        "青松岭国营农场革命委员会政治部主办\n"
        "1971年5月12日　星期三\n"
        "第201期　　今日四版\n"
        "\n"
        "我场春播全面展开\n"
        "　　本报讯　连日来，全场各连队抢晴天、战雨天，春播进度过半。\n"
    )
    assert stack.masthead(page) == "青松岭战报"


def test_a_bare_genre_word_under_a_societys_name_is_part_of_the_bulletins_name():
    page = (
        "某某中华商会\n"
        "会讯\n"
        "THE SOMEWHERE CHINESE CHAMBER OF COMMERCE BULLETIN\n"
        "第42期　　2024年6月　　（会员通讯·非卖品）\n"
        "准证号：PP 12345/06/2012(030001)\n"
        "\n"
        "会长献词\n"
        "　　各位会员：时光荏苒，本会成立已届七十周年。\n"
    )
    assert stack.masthead(page) == "某某中华商会会讯"


def test_a_running_head_of_spaced_fields_is_furniture_in_any_numerals():
    assert stack.page_furniture(
        "某某医院院报　　第152期　　2024年6月28日　　第2版　　医疗动态　　责任编辑：某某"
    )
    assert stack.page_furniture("某某日报　　一九五六年三月十日　星期六　　第2版")
    assert not stack.page_furniture("张三　李四　王五　2024年5月")


def test_three_tiers_the_outer_lines_two_phrases_each_put_the_headline_in_the_middle():
    assert stack._split_stack(
        ["第11轮　主场2比1逆转对手", "某某三连胜杀入前三", "某某梅开二度　某某扑出点球"], False
    ) == ("某某三连胜杀入前三", ["第11轮主场2比1逆转对手", "某某梅开二度某某扑出点球"])


def test_a_stack_set_apart_by_blank_lines_from_its_byline_and_text_is_theirs():
    page = lines_page(
        "某某晚报　2024年5月6日　星期一　第14版　体育　责任编辑：某某",
        "",
        "第11轮　主场2比1逆转对手",
        "某某三连胜杀入前三",
        "某某梅开二度　某某扑出点球",
        "",
        "本报记者　刘某",
        "",
        "　　昨晚，联赛第11轮一场焦点战在奥体中心打响。主场作战的某某队在先丢一球的情况下，",
        "凭借外援的两粒进球，以2比1逆转击败对手，取得联赛三连胜。积分升至22分的某某队暂列",
        "积分榜第三位。",
        "　　赛后，主教练表示，球队在落后的情况下没有乱了阵脚，队员们坚决执行了赛前",
        "布置的战术，下半场的两次换人起到了关键作用。他同时提醒队员，联赛还有很长的",
        "路要走，球队必须保持清醒的头脑，认真总结每一场比赛的得失，不能因为一场胜利就",
        "放松对自己的要求。下一轮比赛球队将客场挑战积分榜领头羊，这将是一场硬仗。",
        "",
        "　　当晚到场球迷超过四万人。比赛开始后，客队率先进球，主队在下半场连扳两球。",
        "",
        "某某队客场逼出“抢七”",
        "",
        "本报记者　赵某",
        "",
        "　　昨晚，半决赛第六场在客场进行。某某队以98比95险胜对手，将总比分扳成3比3。",
    )
    found = by_head(arts(page))
    lead = found["某某三连胜杀入前三"]
    assert lead.byline == "本报记者刘某"
    assert body(page, lead).startswith("昨晚，联赛第11轮")
    assert body(page, lead).endswith("主队在下半场连扳两球。")


def test_a_kicker_of_two_phrases_over_a_blank_line_and_a_dateline_is_the_stacks():
    page = lines_page(
        "某某院报　　第152期　　2024年6月28日　　第2版　　医疗动态　　责任编辑：某某",
        "",
        "填补县域空白　惠及百姓就医",
        "我院新型CT正式投入使用",
        "冠脉成像“一次心跳”即可完成",
        "",
        "　　本报讯（通讯员　何某）6月18日，我院新引进的宽体探测器螺旋CT在医技楼放射科",
        "正式投入临床使用。这是目前全县配置最高的CT设备，标志着我院医学影像诊断能力迈上",
        "新台阶。",
        "　　据介绍，这是该院今年引进的第三台大型设备。设备投入使用后，检查预约时间由",
        "原来的一周左右缩短到两天以内，患者不必再到市里的医院排队，检查费用也比以往降低",
        "了三成左右。院方还安排了专人负责设备的日常维护和操作培训，确保设备安全运行，",
        "并计划在下半年开通面向乡镇卫生院的远程影像会诊服务，让群众在家门口看上好病。",
        "",
        "我院胸痛中心通过认证",
        "　　本报讯（记者　某某）日前，我院胸痛中心通过国家标准版认证，成为全县首家。",
    )
    found = by_head(arts(page))
    ct = found["我院新型CT正式投入使用"]
    assert ct.byline == "本报讯（通讯员何某）"
    assert body(page, ct).startswith("6月18日，我院新引进")


def test_a_notice_title_alone_between_blank_lines_opens_the_notice_under_it():
    page = lines_page(
        "某某保护区简讯　　2023年第3期　　第2版",
        "",
        "巡护日记",
        "　　7月3日，晴。早上五点出船，梅雨刚过，湖水涨了不少，芦苇荡里的水鸟比往年多。",
        "巡到北汊港时，看见一对白鹭正在给幼鸟喂食，我们远远地停了船，没有靠近打扰。",
        "　　守着这一汪水，日子过得一点也不空。",
        "　　　　　　　　　　　　　　　　　　　　北汊港管护站　熊某某",
        "",
        "关于延长核心区封闭管理的通告",
        "",
        "　　为保护珍稀水鸟的繁殖及幼鸟育成，根据有关规定，决定将核心区封闭管理期限延长",
        "至2023年9月30日。封闭期间，除经批准的科研监测、巡护执法人员外，禁止任何单位",
        "和个人进入核心区。",
        "　　特此通告。",
        "　　　　　　　　　　　　　　　　　　某某省级湿地自然保护区管理局",
        "　　　　　　　　　　　　　　　　　　　　　　　　2023年7月28日",
    )
    found = by_head(arts(page))
    notice = found["关于延长核心区封闭管理的通告"]
    assert body(page, notice).startswith("为保护珍稀水鸟的繁殖")
    assert not body(page, found["巡护日记"]).endswith("特此通告。")


def test_a_documents_number_with_its_ordinal_is_a_document_mark():
    assert stack._DOC_MARK.fullmatch("云价农字〔1996〕第17号")


def test_a_short_title_over_a_salutation_by_office_opens_a_letter_after_a_signed_notice():
    assert stack._SALUTATION.fullmatch("尊敬的某某大药房领导：")
    page = lines_page(
        "关于进一步规范处方药销售的通知",
        "各门店、各区域质量管理员：",
        "　　近期，省、市药品监督管理部门对全市零售药店开展了处方药销售专项",
        "检查。检查中发现，个别门店存在执业药师不在岗仍销售处方药等问题。现",
        "就有关事项通知如下：",
        "　　一、严格执行处方药凭处方销售制度。顾客购买处方药须提供有效处",
        "方，经执业药师审核签字后方可调配、销售。",
        "　　二、落实执业药师在岗制度。门店营业期间执业药师须在岗，因故离",
        "岗的，应在门店显著位置挂出告示牌。",
        "　　三、加强检查考核。质量管理部将于4月起对全部门店开展飞行检查，",
        "检查结果纳入门店季度考核。",
        "　　请各区域质量管理员于4月10日前组织所辖门店完成自查，并将自查情",
        "况报质量管理部。",
        "质量管理部",
        "2024年3月20日",
        "深夜的一盏灯，一杯温水",
        "尊敬的某某大药房领导：",
        "　　我是住在滨江花园的一名普通居民。2月26日晚上十一点多，我八岁的",
        "儿子突然发烧，店里的值班药师耐心地询问了孩子的情况，给了我们很多帮",
        "助。在此表示衷心的感谢！",
        "滨江花园居民　罗某某",
    )
    found = by_head(arts(page))
    letter = found["深夜的一盏灯，一杯温水"]
    assert body(page, letter).startswith("尊敬的某某大药房领导：")
    assert body(page, found["关于进一步规范处方药销售的通知"]).endswith("报质量管理部。")


def test_the_day_a_notice_was_signed_is_not_its_byline():
    page = lines_page(
        "某某日报　2024年5月14日　星期二　第5版　城事",
        "停水通知",
        "　　因供水管网改造施工，定于5月16日8时至20时对城东片区暂停供水，请用户提前做好",
        "储水准备。给您带来的不便，敬请谅解。",
        "某某市自来水有限公司",
        "2024年5月13日",
    )
    found = by_head(arts(page))
    assert found["停水通知"].byline == "某某市自来水有限公司"


def test_a_signature_dated_by_month_alone_keeps_the_month_out_of_the_byline():
    page = lines_page(
        "某某日报　2024年6月18日　星期二　第8版　副刊",
        "征稿启事",
        "　　本版长期征集散文、随笔、诗歌等原创作品，来稿请注明真实姓名和联系方式，一经",
        "采用即付稿酬。投稿邮箱见本版底部。",
        "某某日报文化副刊部",
        "2024年6月",
    )
    assert by_head(arts(page))["征稿启事"].byline == "某某日报文化副刊部"


def test_a_sites_menus_at_its_top_and_foot_are_furniture():
    assert stack.page_furniture("网站首页 | 时政 | 本地新闻 | 经济 | 民生 | 视频")
    assert stack.page_furniture("关于我们 | 联系我们 | 广告服务 | 违法和不良信息举报 | 网站地图")
    assert not stack.page_furniture("甲队 | 乙队 | 丙队 | 丁队")


def test_short_lines_set_flush_right_under_the_text_are_its_signature():
    page = lines_page(
        "某某会讯　第118期　2024年6月",
        "",
        "会员常年大会通告",
        "　　兹通告本会订于2024年7月13日上午10时正，假本会大厦三楼礼堂召开第七十八届会员",
        "常年大会，恭请全体会员准时出席。会员如有提案，请于6月28日或之前以书面形式呈交秘",
        "书处。如届时法定人数不足，大会将延迟半小时举行。",
        "　　　　　　　　　　　　　　　　　　　　　　秘书长",
        "　　　　　　　　　　　　　　　　　　　　拿督黄某某",
        "　　　　　　　　　　　　　　　　　　2024年6月10日",
        "",
        "会员喜庆与哀思",
        "▲本会名誉会长某某于5月2日欢度八秩晋一华诞，本会致送寿屏祝贺。",
        "▲会员王某某于6月1日欢度六十大寿。",
    )
    found = by_head(arts(page))
    notice = found["会员常年大会通告"]
    assert body(page, notice).endswith("大会将延迟半小时举行。")
    assert notice.byline == "秘书长拿督黄某某"


def test_a_bulletins_distribution_lines_and_print_run_are_furniture():
    assert stack.page_furniture("报：区委、区政府，市教育局")
    assert stack.page_furniture("发：各镇（街道）中心学校，区直各学校、幼儿园，局机关各科室")
    assert stack.page_furniture("共印120份")
    assert stack.page_furniture("印数：600份")
    assert not stack.page_furniture("记者：你们今年的目标是什么？")


def test_a_name_with_its_title_in_brackets_signs_the_piece_over_the_next_headline():
    page = lines_page(  # (a page set without blank lines, twenty lines and more)
        "农谚里的立冬",
        "　　“立冬晴，一冬晴；立冬雨，一冬雨。”老辈人常说，立冬这天",
        "的天气能看出整个冬天的冷暖干湿。（某某镇　吴某某）",
        "　　“立冬不砍菜，必定受冻害。”立冬前后要抓紧把大白菜收回家，",
        "晚了就要挨冻。（某某乡　陈某某）",
        "　　“立了冬，把地耕。”趁土还没冻上，把地深翻一遍，来年虫害",
        "少。（某某镇　王某某）",
        "　　（本栏长期征集各地节气农谚俗语，来稿请注明乡镇和姓名。）",
        "养生信箱",
        "老伴夜里总腿抽筋，怎么办？",
        "　　编辑同志：我老伴今年73岁，入冬以后夜里常常小腿抽筋，疼",
        "得直哼哼，吃了钙片也不见好。请问该怎么调理？（某某市读者　赵",
        "某某）",
        "　　答：老年人冬季夜间小腿抽筋，除了缺钙，还与受凉、白天活动",
        "过量、下肢血液循环不好等有关。建议睡前用温水泡脚，被子盖好小",
        "腿；如果频繁发作，应及时到医院检查，排除下肢血管疾病。",
        "黄某某（某某市中医院骨伤科副主任医师）",
        "“立冬送健康”义诊活动预告",
        "　　为帮助老年读者科学过冬，本报联合某某市中医院于11月9日",
        "上午在人民公园南门广场开展义诊活动。届时，中医内科、针灸推拿",
        "等科室的10余名专家将现场提供健康咨询、血压血糖测量等服务。",
    )
    found = by_head(arts(page))
    assert found["老伴夜里总腿抽筋，怎么办？"].byline == "黄某某（某某市中医院骨伤科副主任医师）"
    assert found["“立冬送健康”义诊活动预告"].subheadlines == []
