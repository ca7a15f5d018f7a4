"""Round 33: conventions from the tune half's remaining wrong headlines and the 33rd blind
batch's tune pages, each on invented text."""

from __future__ import annotations

from qa.segment import stack
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import with_filler as _page


def test_a_first_line_the_lead_restates_is_the_headline_over_its_subtitle():
    page = _page(
        "南川电力公司召开迎峰度夏动员会\n"
        "部署六月至九月电网运行保障重点任务\n"
        "　　本报讯（通讯员　闻笛）6月12日，南川电力公司召开迎峰度夏动员会，\n"
        "对今年夏季用电高峰期间的电网运行保障工作作出安排。会议要求各单位提前\n"
        "完成主变增容和线路消缺，落实二十四小时值班制度，确保高峰时段不拉闸。\n"
        "　　会上，调度中心通报了今年负荷预测情况，预计全市最高用电负荷同比增长\n"
        "百分之七左右，部分老城区配电线路压力较大，需重点关注。\n"
    )
    a = _by_head(_arts(page))["南川电力公司召开迎峰度夏动员会"]
    assert a.subheadlines == ["部署六月至九月电网运行保障重点任务"]


def test_a_kicker_the_lead_does_not_restate_stays_over_the_headline():
    page = _page(
        "打好碧水保卫战　守护城市母亲河\n"
        "白沙河流域水质连续三年稳定达标\n"
        "　　本报讯（记者　柯然）记者从市生态环境局获悉，白沙河流域六个国控断面\n"
        "水质已连续三年稳定达到二类标准。近年来，沿线各区县关停搬迁污染企业四\n"
        "十余家，新建污水处理厂五座，河道两岸的生态缓冲带也已基本建成。\n"
        "　　市生态环境局负责人表示，下一步将推进入河排污口整治，巩固治理成效。\n"
    )
    a = _by_head(_arts(page))["白沙河流域水质连续三年稳定达标"]
    assert a.subheadlines == ["打好碧水保卫战守护城市母亲河"]


def test_the_leads_share_of_a_lines_pairs():
    assert stack._lead_share("召开会议", "今天召开会议") == 1.0
    assert stack._lead_share("守护碧水", "白沙河水质达标") == 0.0
    assert stack._lead_share("", "任何导语") == 0.0


def test_a_features_crossheads_stay_in_the_feature():
    page = _page(
        "上学路，重新变长了\n"
        "本报记者　周文远\n"
        "　　凌晨五点半，天还没有亮，十二岁的小雨已经背着书包出了门。从家到乡中心学\n"
        "校有将近九公里山路，去年她每天坐校车，二十分钟就能到校，今年三月以后，那\n"
        "辆校车再也没有来过。记者在三个乡镇走访了十余个村庄，跟着学生走了一段路。\n"
        "山路上的一个半小时\n"
        "　　村口到学校的路，前五公里是盘山的水泥路，后四公里接上县道，一路要过两座\n"
        "没有护栏的漫水桥。孩子们约好在老樟树下集合，年纪最大的读初二，最小的才上\n"
        "三年级。记者跟着他们走完全程，用了一小时五十分钟，到校时早读课刚刚开始。\n"
        "一纸通知，校车停了\n"
        "　　客运公司的停运通知是在二月底发到各学校的，只有短短一页，称运营成本持续\n"
        "上涨、补贴迟迟不到位，公司无力继续承担校车服务，自三月一日起停止运营。\n"
        "谁来为上学路兜底\n"
        "　　县教育局有关负责人表示，县里正在研究由公交公司接手部分线路的方案，力争\n"
        "秋季开学前恢复全部校车线路，其间将组织车辆在雨天接送路途最远的学生。\n"
    )
    found = _arts(page)
    feature = _by_head(found)["上学路，重新变长了"]
    crossheads = {"山路上的一个半小时", "一纸通知，校车停了", "谁来为上学路兜底"}
    assert not crossheads & set(_by_head(found))
    text = "".join(page[s:e] for s, e in feature.body_spans)
    assert "一纸通知，校车停了" in text and text.rstrip().endswith("学生。")


def test_a_news_items_own_credit_keeps_it_apart():
    # two short items under a bracketed credit are a column's answers, not crossheads
    page = _page(
        "社保政策问答\n"
        "（记者　沈冰　整理）\n"
        "　　近期，不少读者来电咨询社保政策，本报记者就读者关心的几个问题请教了市医保\n"
        "局和市民政局的工作人员，现将部分问题的解答整理如下，供读者参考。\n"
        "孩子的医保卡能给父母用吗\n"
        "　　职工医保个人账户可以为配偶、父母、子女支付在定点医疗机构就医产生的个人\n"
        "负担费用，需先在医保服务平台办理家庭共济绑定，绑定后即可使用。\n"
        "高龄老人津贴怎么申领\n"
        "　　年满八十周岁的本市户籍老人，可由本人或家属持身份证、户口簿到户籍所在地\n"
        "社区服务中心申请，审核通过后津贴按月发放到老人的社保卡上。\n"
    )
    assert {"孩子的医保卡能给父母用吗", "高龄老人津贴怎么申领"} <= set(_by_head(_arts(page)))


def test_the_block_reader_knows_a_dated_dispatch_opening_a_paragraph():
    from qa.segment import articles, layout

    text = (
        "首部拳种档案编纂工作启动\n\n"
        "本报北川5月14日电（记者　孟晓川）由全国传统武术研究会牵头编纂的档案第一卷编纂工\n"
        "作14日在北川县正式启动。\n"
    )
    blocks = layout.read_blocks(text, False)
    articles._mark_datelines(text, blocks)
    b = next(b for b in blocks if text[b.s :].startswith("本报北川"))
    assert text[b.pre[0] : b.pre[1]] == "本报北川5月14日电（记者　孟晓川）"
    assert text[b.bs :].startswith("由全国")


def test_prose_cut_mid_clause_is_told_from_rows_headlines_and_credits():
    assert stack._cut_prose("市民可于本周起到各社区服务中心办理，工作人员将现场指导填")
    assert not stack._cut_prose("长拳｜青年男子组｜周一航（东岭）｜韦烨（江州）｜宋嘉树（青崖）")
    assert not stack._cut_prose("春季拍卖季提前升温　西北区清盘率回升至七成")
    assert not stack._cut_prose("5月11日，代表队在集体项目比赛中表演少儿长拳。本报记者杜振南摄")


def test_a_web_copy_with_a_blank_line_after_each_paragraph_and_a_table_is_read_by_line():
    rows = "\n\n".join(
        f"{k}｜青年组｜选手甲（东岭）｜选手乙（江州）｜选手丙（青崖）" for k in "长南剑枪刀棍"
    )
    para = "本届比赛设少年组、青年组、成年组和中老年组四个年龄组别，参赛选手中年龄最小的八岁。"
    page = "\n\n".join(
        ["精英赛在青崖落幕\n本报讯（记者 杜振南）为期五天的精英赛十二日落幕。", para, para]
        + ["部分项目获奖名单", rows, "武术课进校园\n本报记者 孟晓川", para, para, para]
    )
    assert stack.applies(page)


def test_a_bare_credit_after_a_captions_last_sentence_closes_it_on_a_wrapped_page():
    page = _page(
        "东江监狱劳动现场推行“6S”管理\n"
        "　　本报东江6月12日电（通讯员　马骏）走进东江监狱第三监区服装加工车间，工位\n"
        "标识清晰，物料摆放整齐。今年以来，东江监狱在劳动现场全面推行整理、整顿、\n"
        "清扫、清洁、素养、安全管理，生产效率明显提升。\n"
        "　　6月10日，青湖监狱组织服刑人员开展消防应急疏散演练，进一步提升监区安\n"
        "全防范和应急处置能力。　通讯员　周　斌　摄\n"
        "狱务简讯\n"
        "　　▲6月5日，省监狱管理局召开安全生产月活动动员部署视频会议，要求各单位全\n"
        "面排查劳动现场安全隐患。\n"
        "　　▲近日，东江监狱与所在地人社部门签订刑释人员就业安置合作协议。\n"
    ).replace("\n\n", "\n")
    found = _arts(page)
    news = _by_head(found)["东江监狱劳动现场推行“6S”管理"]
    assert "".join(page[s:e] for s, e in news.body_spans).rstrip().endswith("生产效率明显提升。")
    cap = next(a for a in found if a.kind == "caption")
    assert cap.byline.replace("　", "") == "通讯员周斌摄"


def test_a_box_after_a_feature_is_no_crosshead_of_it():
    page = _page(
        "小城咖啡的账本\n"
        "本刊记者　庞晓岚\n"
        "　　早上七点四十分，小城的中山路还没完全醒过来，街角的咖啡店已经亮起了灯。店\n"
        "长钟莉一边擦拭咖啡机，一边盘算今天的备货量，三年前她从省城回到家乡开店。\n"
        "选址逻辑悄然改变\n"
        "　　品牌在县域的选址逻辑已经改变：前两年追求核心商圈，如今更看重学校、医院\n"
        "和政务中心周边的稳定客流，一个县城的门店数普遍控制在两到三家。\n"
        "供应链是另一道门槛\n"
        "　　每天凌晨四点，装着咖啡豆、鲜奶和烘焙半成品的货车从区域冷链仓出发，覆盖\n"
        "周边十一个县的六十多家门店，县城门店的物流成本因此压低了一半。\n"
        "【数据】\n"
        "县域咖啡市场一览\n"
        "　　截至去年底，全国县域咖啡门店约两万一千家，连锁品牌门店占六成以上，县域门\n"
        "店平均客单价较一线城市低约四成，全年关店率接近三成。\n"
    )
    heads = _by_head(_arts(page))
    assert "供应链是另一道门槛" not in heads and "县域咖啡市场一览" in heads


def test_an_internal_bulletins_foot_is_furniture():
    for line in (
        "本报地址：省某某局宣传处　　印刷：某某印刷厂　　内部发行　不得外传",
        "本刊为内部交流资料　阅后请转赠有缘",
        "本报地址：Suite 5, 18 Station Street, Welby NSW 2149　新闻热线：02 9863 2268",
    ):
        assert stack.page_furniture(line), line


def test_a_periodicals_own_reporter_is_a_byline():
    assert stack.OWN_BYLINE.fullmatch("本刊记者　滕建新　通讯员　滕少波")
    assert stack.OWN_BYLINE.fullmatch("本网记者　林思远")


def test_a_credited_paragraph_past_a_bulleted_list_is_a_caption():
    page = _page(
        # (a blank line after each item, as a web copy sets one after every paragraph)
        "社区快讯\n● 图书馆本月起每周二上午举办免费中文读书会，适合退休长者参加，无需预约。",
        "● 市议会将于9月7日举办社区环保日，居民可免费丢弃旧电器等大件垃圾。",
        "● 华人长者协会每周四组织免费健康讲座，本月主题为骨质疏松的预防。",
        "8月17日，公立学校举行“中文周”活动，学生们身着传统服装表演诗朗诵。（本报记者 梁家豪 摄）",
        "利安地产 LIAN PROPERTY\n卖房找利安　专业团队　华人首选",
        "春季拍卖季　免费估价　一对一市场分析",
    )
    found = _arts(page)
    cap = next(a for a in found if a.kind == "caption")
    said = "".join(page[s:e] for s, e in cap.body_spans)
    assert said.startswith("8月17日") and said.endswith("朗诵。")
    briefs = next(a for a in found if a.headline == "社区快讯")
    assert "中文周" not in "".join(page[s:e] for s, e in briefs.body_spans)


def test_a_placed_dateline_whose_bracket_wraps_keeps_the_stack_over_it():
    page = _page(
        "英买力县苹果\n"
        "“触网”卖向全国\n"
        "本报英买力讯（记者 张婷 通讯\n"
        "员 买买提江·依明）“这批苹\n"
        "果今天下午发往广州，客户昨晚\n"
        "直播间下的单。”9月20日，在\n"
        "英买力县电商服务中心，主播正\n"
        "在介绍当地的冰糖心苹果，今年\n"
        "全县线上销量同比增长四成。\n"
    )
    a = _by_head(_arts(page))["英买力县苹果“触网”卖向全国"]
    assert a.byline.startswith("本报英买力讯")


def test_a_subscription_field_is_part_of_the_page_foot():
    assert stack.page_furniture("订阅：全国各地邮局　零售价：每份1.00元")


def test_a_letters_question_title_over_its_salutation_to_the_papers_desk():
    page = _page(
        "读者来信\n"
        "批发区停车难，何时能有个说法？\n"
        "南川日报编辑部：\n"
        "　　我在城北的服装批发区经营一家小店已有十多年。最近半年，附近几条街道的停车\n"
        "位陆续改为付费车位，且限停两小时，来进货的客户多是从外地开车来的，两小时根\n"
        "本不够，不少人吃了罚单后就不再来了。希望有关部门能听听商户的意见。\n"
        "城北读者　郑先生\n"
    )
    a = _by_head(_arts(page))["批发区停车难，何时能有个说法？"]
    assert page[a.body_spans[0][0] :].startswith("南川日报编辑部：")
