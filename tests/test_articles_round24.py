"""Round 24's conventions (a batch of twelve new styles: a 1940s commercial daily, a
Southeast Asian Chinese daily, an e-sports page, a pets page, an auction and court-notice
page, a pupils' composition page, a readers' hotline page, a two-sessions special, a
workers' daily, a county anniversary issue, a chemical-industry trade paper, a reading
page), each on text invented for the test."""

from __future__ import annotations

from qa.evaluate import article_body
from tests.segpages import arts as _arts
from tests.segpages import by_start as _by_start

CLASSIFIEDS = "\n".join(
    [
        "申　江　商　報",
        "中華民國三十六年六月二日",
        "",
        "尋人啟事",
        "小女李秀英，年十二歲，江蘇無錫人，",
        "於五月三十日在北站附近走失，迄今未",
        "歸。如有仁人君子知其下落，請通知本",
        "宅，當酬謝法幣三十萬元，決不食言。",
        "父　李德明謹啟",
        "遺　失",
        "敝號於五月三十一日不慎遺失同業公會",
        "會員證一紙，特此登報聲明作廢。",
        "恆興五金號啟",
        "脫離關係啟事",
        "張阿三與王小妹於民國三十年結婚，今",
        "經雙方同意脫離夫妻關係，特此聲明。",
        "張阿三　王小妹　同啟",
        "",
        "本報社址：上海福州路一二〇號",
        "營業部電話：九二三四五",
    ]
)


def test_classified_notices_closed_by_their_signers_without_blank_lines():
    # a notice's 某某启 closes it: the next line opens another, blank line or none; the
    # office's address and telephone under the last are furniture
    arts = _arts(CLASSIFIEDS)
    assert len(arts) == 3
    first = _by_start(CLASSIFIEDS, arts, "小女李秀英")
    assert first.headline == "尋人啟事" and first.byline == "父李德明謹啟"
    assert article_body(CLASSIFIEDS, first).endswith("決不食言。")
    lost = _by_start(CLASSIFIEDS, arts, "敝號於五月三十一日")
    assert lost.headline == "遺失" and lost.byline == "恆興五金號啟"
    last = _by_start(CLASSIFIEDS, arts, "張阿三與王小妹")
    assert last.byline == "張阿三王小妹同啟"
    assert article_body(CLASSIFIEDS, last).endswith("特此聲明。")


NANYANG = "\n".join(
    [
        "南洋晨报｜地方｜A6",
        "2024年5月7日　星期二",
        "槟城老街区启动修复计划",
        "报道：陈美华　摄影：林志强",
        "（槟城6日讯）槟城州政府今日宣布，将拨款500万令吉修复乔治市一带的老店屋。",
        "州行政议员说，修复工程将分三期进行，首期明年初完成。",
        "州行政议员（左二）在推介礼上与业主交流。",
        "摄影：林志强",
        "居民盼改善排水系统",
        "（北海6日讯）北海一带居民反映，每逢大雨住家就会淹水。",
        "市议会表示将在下月召开对话会，听取居民意见。",
        "报道：黄永发",
        "社论",
        "老街修复须兼顾住户",
        "老街修复是好事，但不能只顾门面，也要照顾住在里面的人。",
        "南洋晨报版权所有，未经许可不得转载",
    ]
)


def test_a_southeast_asian_page_labelled_credits_header_and_copyright():
    arts = _arts(NANYANG)
    story = _by_start(NANYANG, arts, "（槟城6日讯）")
    assert story.byline == "报道：陈美华摄影：林志强"
    assert article_body(NANYANG, story).endswith("首期明年初完成。")
    caption = _by_start(NANYANG, arts, "州行政议员（左二）")
    assert caption.kind == "caption" and caption.byline == "摄影：林志强"
    second = _by_start(NANYANG, arts, "（北海6日讯）")
    assert second.byline == "报道：黄永发"  # the reporter labelled under the text
    assert article_body(NANYANG, second).endswith("听取居民意见。")
    editorial = _by_start(NANYANG, arts, "老街修复是好事")
    assert article_body(NANYANG, editorial).endswith("住在里面的人。")
    assert all("南洋晨报｜" not in (a.headline or "") for a in arts)  # the header is furniture


ESPORTS = "\n".join(
    [
        "青年科技报　2024年5月9日　星期四　第06版　电竞",
        "本版编辑：王一　校对：李二",
        "城市联赛第三周",
        "先丢一局连胜两局　星火2:1逆转远航",
        "锁定小组第一",
        "本报记者　方舟",
        "　　本报讯　5月7日晚，城市联赛第三周焦点战在江城电竞中心打响。星火战",
        "队在先丢一局的情况下连胜两局，以2:1逆转远航战队，锁定小组第一。",
        "【赛果】星火战队　2:1　远航战队",
        "第一局　远航胜　用时28分14秒",
        "第二局　星火胜　用时31分02秒",
        "第三局　星火胜　用时24分47秒",
        "　　首局比赛，远航凭借前期入侵野区建立经济优势，打野选手全场参与了",
        "11次击杀，星火在第22分钟的主宰争夺中团灭，随后被一波推平基地。",
        "　　第二局星火调整了阵容思路，放弃前期对抗，转而围绕中单打后期。比赛",
        "进入第30分钟，中单在龙坑绕后开团，帮助球队扳平总比分。",
        "　　赛后，星火战队队长说，第一局输在开局节奏，后两局队员们执行得很好，",
        "但离冠军还有距离。",
        "　　5月7日，星火战队队员赛后在舞台上向现场观众致意。",
        "本报记者　方舟　摄",
        "校园赛事",
        "江城大学2:0横扫海川理工　晋级决赛",
        "见习记者　周宁",
        "　　本报讯　5月5日，高校联赛《星穹射击》项目半决赛在线上进行。江城大",
        "学队以2:0战胜海川理工大学队，晋级决赛。",
        "　　江城大学队5名队员均为大二学生，平时利用课余时间训练。队长说，队",
        "伍每周固定训练三个晚上，期中考试周就停训，学习优先。",
    ]
)


def test_a_box_inside_a_story_and_a_credit_alone_under_a_caption():
    arts = _arts(ESPORTS)
    story = _by_start(ESPORTS, arts, "5月7日晚")
    body = article_body(ESPORTS, story)
    assert "【赛果】" in body and body.endswith("离冠军还有距离。")  # the box is the story's
    # three whole lines, the middle the widest, set apart by a space: the headline's tiers
    assert story.headline == "先丢一局连胜两局星火2:1逆转远航"
    assert story.subheadlines == ["城市联赛第三周", "锁定小组第一"]
    caption = _by_start(ESPORTS, arts, "5月7日，星火战队")
    assert caption.kind == "caption"
    assert article_body(ESPORTS, _by_start(ESPORTS, arts, "5月5日")).endswith("学习优先。")


CHESS = "\n".join(
    [
        "江城晚报　2024年3月12日　第15版　棋牌",
        "",
        "青川队夺得联赛冠军",
        "本报记者　沈砚",
        "　　3月10日，城市围棋联赛在市棋院",
        "落幕，青川队五轮全胜夺冠。",
        "团体成绩（前四名）",
        "名次　队名　积分",
        "1　青川队　10",
        "2　鹿鸣队　8",
        "3　临溪队　6",
        "4　石湾队　6",
        "　　据悉，联赛明年将试行升降级",
        "制度，排名后两位的队伍降级。",
    ]
)


def test_a_table_between_a_storys_paragraphs_is_the_storys():
    arts = _arts(CHESS)
    assert len(arts) == 1
    body = article_body(CHESS, arts[0])
    assert "团体成绩（前四名）" in body and body.endswith("的队伍降级。")


COMPOSITIONS = "\n".join(
    [
        "晨光少年报",
        "2024年4月10日　星期三",
        "第3版　小作文",
        "",
        "我家的小菜园",
        "南屏市实验小学三年级（2）班　林小满",
        "指导老师：周红",
        "　　我家阳台上有一个小菜园，",
        "种着青菜和小葱。",
        "放风筝",
        "南屏市育才小学",
        "三年级（5）班　陈思远",
        "指导老师：黄丽萍",
        "　　星期天，爸爸带我去公园",
        "放风筝，风筝飞得好高。",
        "一次有趣的实验",
        "南屏市滨江小学三年级（1）班",
        "王梓涵",
        "指导老师：孙静",
        "　　科学课上，老师教我们做",
        "了一个会跳舞的盐的实验。",
    ]
)


def test_a_pupils_school_class_and_teacher_are_the_byline_not_the_headline():
    arts = _arts(COMPOSITIONS)
    assert [a.headline for a in arts] == ["我家的小菜园", "放风筝", "一次有趣的实验"]
    assert _by_start(COMPOSITIONS, arts, "星期天").byline.startswith("南屏市育才小学三年级")


TWO_SESSIONS = "\n".join(
    [
        "海岳日报",
        "2025年3月8日　星期六　第5版",
        "【两会之声】",
        "全国人大代表、海岳港务集团董事长　周立新",
        "港口是开放的窗口，我们将加快自动化码头改造，推动海铁联运。",
        "（本报记者　许晴　整理）",
        "代表声音",
        "◆“要持续优化营商环境。”——全国人大代表、东港市工商联主席王海",
        "◆“要加强海洋生态保护。”——全国政协委员、海洋大学教授李岚",
        "我省代表团提交议案建议86件",
        "本报北京3月7日电　（记者　赵明远）",
        "截至3月7日，海岳代表团共提交议案5件、建议81件。",
    ]
)


def test_a_speakers_line_under_a_column_tag_and_a_stack_after_a_quotes_sign_off():
    arts = _arts(TWO_SESSIONS)
    remarks = _by_start(TWO_SESSIONS, arts, "港口是开放的窗口")
    assert article_body(TWO_SESSIONS, remarks).endswith("推动海铁联运。")
    quotes = next(a for a in arts if a.headline == "代表声音")
    assert article_body(TWO_SESSIONS, quotes).endswith("海洋大学教授李岚")
    news = _by_start(TWO_SESSIONS, arts, "截至3月7日")
    assert news.headline == "我省代表团提交议案建议86件"


AUCTIONS = "\n".join(
    [
        "南屏法治报",
        "2024年3月22日　星期五　第7版",
        "拍卖公告",
        "　　受委托，本公司定于2024年4月2日上午",
        "10时公开拍卖住宅一套，参考价168万元，",
        "竞买保证金20万元。",
        "　　展示时间：2024年3月28日至3月29日。",
        "　　报名办法：有意竞买者请于2024年4月",
        "1日下午5时前持有效身份证件办理竞买登",
        "记手续。",
        "　　联系电话：0890-86317725",
        "　　公司地址：南屏市青峡区解放北路209号华",
        "源大厦9楼",
        "南屏市恒信拍卖有限公司",
        "2024年3月22日",
        "拍卖公告",
        "　　受委托，本公司定于2024年3月30日上午",
        "9时30分公开拍卖公务车辆23台，车辆",
        "按现状拍卖，过户所涉税费由买受人承担。",
        "　　展示时间：2024年3月27日至3月28日。",
        "　　联系人：刘先生　电话：0890-8653301",
        "南屏市公信拍卖行有限责任公司",
        "2024年3月22日",
    ]
)


def test_notices_signed_under_their_address_or_contact_field_without_blank_lines():
    arts = _arts(AUCTIONS)
    assert len(arts) == 2
    first = _by_start(AUCTIONS, arts, "受委托，本公司定于2024年4月2日")
    assert article_body(AUCTIONS, first).endswith("源大厦9楼")
    assert first.byline.startswith("南屏市恒信拍卖有限公司")
    second = _by_start(AUCTIONS, arts, "受委托，本公司定于2024年3月30日")
    assert second.byline.startswith("南屏市公信拍卖行有限责任公司")


QA_COLUMN = "\n".join(
    [
        "江城晚报　2024年5月18日　第14版　宠物生活",
        "",
        "【宠物医生信箱】",
        "天热了，狗狗该不该剃光毛？",
        "江城市瑞宠动物医院主治兽医师　孔令航",
        "读者问：我家萨摩耶两岁，毛特别厚，可以剃光吗？（滨湖区　读者　陆女士）",
        "医生答：不建议剃光。犬的被毛有隔热作用，夏季可以适当修剪。",
        "读者问：猫咪夏天吃得少，要紧吗？（江北区　读者　周先生）",
        "医生答：天热时猫的食欲略有下降属正常现象。",
        "",
        "工会说法",
        "公司单方调岗降薪合法吗？",
        "读者问：公司把我从主管调为普通业务员，工资降了一半，合法吗？",
        "律师答：用人单位调岗降薪须与劳动者协商一致，否则可以申请仲裁。",
        "江海省总工会法律顾问",
        "罗静",
        "",
        "本版热线受理时间：每日9:00—21:00　　读者可关注本报微信公众号反映问题",
    ]
)


def test_a_q_and_a_columns_labelled_questions_are_its_text_and_a_titled_signature():
    arts = _arts(QA_COLUMN)
    vet = next(a for a in arts if a.headline == "天热了，狗狗该不该剃光毛？")
    assert article_body(QA_COLUMN, vet).endswith("属正常现象。")
    law = next(a for a in arts if a.headline == "公司单方调岗降薪合法吗？")
    assert article_body(QA_COLUMN, law).endswith("可以申请仲裁。")
    assert law.byline == "江海省总工会法律顾问罗静"
    assert len(arts) == 2  # the hotline hours are furniture


READING = "\n".join(
    [
        "泓城晚报　2024年6月22日　星期六",
        "A12　读书",
        "书评",
        "在时间的褶皱里打捞一座小镇",
        "——读长篇小说《雾水渡》",
        "□林一苇",
        "《雾水渡》　温敬之著　春潮文",
        "艺出版社　2024年5月　定",
        "价58元",
        "雾水渡是一座江边小镇，镇上有",
        "一座渡口、一条老街。",
        "作家访谈",
        "写作是一场漫长的返乡",
        "本报记者　杜若",
        "温敬之，1979年生于泓城郊县，",
        "现为泓城作协副主席。",
        "记者：为什么总写小镇？",
        "温敬之：离开故乡越远，越需要",
        "用文字一遍遍地回去。",
        "温敬之近照。",
        "受访者供图",
    ]
)


def test_a_price_alone_is_no_headline_and_a_supplier_credit_closes_a_caption():
    arts = _arts(READING)
    assert "价58元" not in [a.headline for a in arts]
    review = next(a for a in arts if a.headline == "在时间的褶皱里打捞一座小镇")
    assert article_body(READING, review).endswith("一条老街。")
    talk = next(a for a in arts if a.headline == "写作是一场漫长的返乡")
    assert talk.kind != "caption" and article_body(READING, talk).endswith("一遍遍地回去。")
    caption = _by_start(READING, arts, "温敬之近照。")
    assert caption.kind == "caption" and caption.byline == "受访者供图"


ANNIVERSARY = "\n".join(
    [
        "梧溪报　2024年9月26日　星期四　第02版　建县七十周年特刊",
        "责任编辑：韦一　校对：覃二",
        "梧溪县大事记（1954—1989）",
        "1954年10月　经国务院批准，设立梧溪县。",
        "1958年12月　白石滩水电站建成发电。",
        "1976年5月　县城至龙泉公路通车。",
        "1989年　全县粮食总产量首次突破5000万公斤。",
        "（县委党史研究室　整理）",
        "1958年12月，白石滩水电站建成发电，当地群众敲锣打鼓前来庆贺。（县档案馆供图）",
        "我在白石滩修电站",
        "那年我十九岁，跟着村里的青年突击队上了工地，一干就是两年。",
        "电站发电那天，全村人都跑到河边看电灯亮起来，很多老人哭了。",
        "本版价格数据仅供参考，不作为交易依据",
    ]
)


def test_a_compilers_credit_closes_a_list_on_a_page_printing_a_paragraph_a_line():
    arts = _arts(ANNIVERSARY)
    timeline = next(a for a in arts if a.headline == "梧溪县大事记（1954—1989）")
    assert article_body(ANNIVERSARY, timeline).endswith("首次突破5000万公斤。")
    caption = _by_start(ANNIVERSARY, arts, "1958年12月，白石滩")
    assert caption.kind == "caption"
    memoir = next(a for a in arts if a.headline == "我在白石滩修电站")
    # the disclaimer under it is furniture
    assert article_body(ANNIVERSARY, memoir).endswith("很多老人哭了。")


REVIEW_NOTE = "\n".join(
    [
        "泓城晚报　2024年6月22日　星期六",
        "A12　读书",
        "责编：苏念　美编：何川",
        "一部写给普通人的城市史",
        "□余晚舟",
        "城市史往往从城墙、衙署和名人",
        "写起，这本书却把目光投向了街",
        "巷里的普通人。",
        "作者用一支笔，为消失的老街巷",
        "留下了一份珍贵的档案。",
        "（《街巷里的泓城》　梁叔平著",
        "泓城出版社　2024年4月",
        "定价86元）",
        "新书推介",
        "城南旧事的新读法",
        "□林一苇",
        "重读一本旧书，像重访一条老街，",
        "熟悉的地方总有新的发现。",
    ]
)


def test_a_books_details_in_brackets_wrapped_under_a_review_close_it():
    arts = _arts(REVIEW_NOTE)
    review = next(a for a in arts if a.headline == "一部写给普通人的城市史")
    assert article_body(REVIEW_NOTE, review).endswith("定价86元）")
    assert _by_start(REVIEW_NOTE, arts, "重读一本旧书").byline == "□林一苇"


LABELLED_EXPORT = "\n".join(
    [
        "《今日浔溪》电子版　2024年06月12日　星期三　第02版",
        "【标题】城关镇12个老旧小区改造进度过半",
        "融媒记者　吴晓岚",
        "　　6月10日，记者在城关镇桂花园小区看到，施工人员正在铺设雨污分流管网，",
        "预计9月底前全部完工。",
        "　　今年，城关镇共有12个老旧小区纳入改造计划，涉及居民1860户，改造内容",
        "包括屋面防水、外墙保温、加装电梯等。截至目前，已有7个小区完工。",
        "　　城关镇有关负责人介绍，剩余5个小区将在10月底前完工。改造完成后，",
        "将同步引入物业服务。",
        "来源：浔溪融媒 | 作者：吴晓岚 | 编辑：周婷",
        "【标题】县人民医院开设夜间门诊",
        "【副题】内科、儿科、口腔科每晚看诊至21时",
        "　　为方便上班族和学生错峰就医，县人民医院从6月3日起开设夜间门诊，",
        "每天18时至21时接诊，节假日不休。",
        "　　医院相关负责人表示，夜间门诊运行一段时间后，将根据就诊人数调整开放",
        "科室和接诊时间。",
        "来源：浔溪融媒 | 作者：陈宇航 | 编辑：周婷",
        "征订启事",
        "　　《浔溪报》是县委机关报，每周二、五出版，全年订价120元。",
        "欢迎广大读者到当地邮局订阅，也可直接与本报发行部联系。",
        "发行部电话：0797-6821187",
    ]
)


def test_a_content_systems_labelled_titles_are_no_box_and_a_notices_own_number_stays():
    arts = _arts(LABELLED_EXPORT)
    first = _by_start(LABELLED_EXPORT, arts, "6月10日")
    assert article_body(LABELLED_EXPORT, first).endswith("将同步引入物业服务。")
    assert _by_start(LABELLED_EXPORT, arts, "为方便上班族").headline == "县人民医院开设夜间门诊"
    notice = _by_start(LABELLED_EXPORT, arts, "《浔溪报》是县委机关报")
    assert article_body(LABELLED_EXPORT, notice).endswith("0797-6821187")
