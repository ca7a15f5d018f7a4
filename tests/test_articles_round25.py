"""Round 25's conventions (a batch of twelve new styles: a Hong Kong racing page, a 1930s
Tianjin daily, a securities paper's announcements, a people's congress page, a discipline
inspection page, a recruitment page, a conference special, a greetings page, a seniors'
almanac page, a teachers' paper, a volunteers' page, a weekend magazine), each on text
invented for the test."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.headcheck import check_headline
from qa.segment.stack import _split_stack
from tests.segpages import arts as _arts
from tests.segpages import by_start as _by_start

TIANJIN = "\n".join(
    [
        "津　門　日　報",
        "中華民國二十三年五月八日",
        "星期二",
        "第三版",
        "平市府議決整理街道",
        "【北平七日專電】平市府七日上午",
        "舉行市政會議、議決整理東城各",
        "街道、限期兩月完工。",
        "河東大火",
        "焚燬民房十餘間　損失約萬元",
        "昨（七日）晨三時許、河東地道",
        "外某號突然起火、延燒民房十餘",
        "間、幸無人傷亡、起火原因正由",
        "警局查究中。",
        "商情",
        "七日津市行市",
        "白麵　每袋二元八角",
        "小米　每石十一元三角",
        "遺失聲明",
        "敬啟者、鄙人於本月五日在北馬",
        "路遺失存摺一扣、特此登報聲明",
        "作廢。",
        "王子和謹啟",
    ]
)


def test_an_older_papers_bracketed_wire_dateline_couplet_subtitle_and_price_box():
    arts = _arts(TIANJIN)
    wire = _by_start(TIANJIN, arts, "平市府七日上午")
    assert wire.byline == "【北平七日專電】" and wire.headline == "平市府議決整理街道"
    fire = _by_start(TIANJIN, arts, "昨（七日）晨三時許")
    assert fire.headline == "河東大火" and fire.subheadlines == ["焚燬民房十餘間損失約萬元"]
    prices = next(a for a in arts if "白麵" in article_body(TIANJIN, a))
    assert article_body(TIANJIN, prices).endswith("每石十一元三角")  # the box closes at its row
    assert prices.headline == ""  # 商情 / 七日津市行市: label and day, or one title? unknown
    notice = _by_start(TIANJIN, arts, "敬啟者")
    assert notice.headline == "遺失聲明" and notice.byline == "王子和謹啟"


JOBS = "\n".join(
    [
        "鹭湾晚报",
        "2024年2月23日",
        "星期五",
        "18",
        "招聘",
        "责编：吴晓燕　美编：黄　丹",
        "恒通物流急聘",
        "A2驾驶员 8名，两年以上驾龄，",
        "月薪9000元以上；仓管员 6名，",
        "会电脑操作，月薪5000元。",
        "电话：6597 2210 徐先生",
        "地址：港前路物流园C区12号",
        "康宁养老服务中心",
        "招聘",
        "本中心为市级示范养老机构，现",
        "招聘护理员10名，45周岁以下，",
        "持证者优先，月薪5500元起。",
        "联系人：王主任",
        "电话：0592-6075519",
        "地址：鹭湾市北郊路东林巷6号",
        "顺达驾校诚聘教练员",
        "要求：持C1以上驾驶证满5年，",
        "无重大交通事故记录，月薪面议。",
        "电话：0592-6403386",
        "地址：鹭湾市环岛西路顺达驾驶",
        "培训学校",
        "本版广告内容由广告主负责",
    ]
)


def test_recruitment_ads_closed_by_their_contact_fields_and_addresses():
    arts = _arts(JOBS)
    assert len(arts) == 3
    first = _by_start(JOBS, arts, "A2驾驶员")
    assert first.headline == "恒通物流急聘"
    assert article_body(JOBS, first).endswith("物流园C区12号")  # its fields are its text
    care = _by_start(JOBS, arts, "本中心为市级示范养老机构")
    # a unit's name over 招聘: one title or a name with its label? unknown, never wrong
    assert care.headline == "" and care.subheadlines == ["康宁养老服务中心", "招聘"]
    assert article_body(JOBS, care).endswith("东林巷6号")
    school = _by_start(JOBS, arts, "要求：持C1以上驾驶证")
    assert school.headline == "顺达驾校诚聘教练员"
    assert article_body(JOBS, school).endswith("顺达驾驶培训学校")  # the address's rest; the
    # disclaimer under it is furniture


GREETINGS = "\n".join(
    [
        "桐溪报",
        "2024年9月27日　星期五",
        "第4版　喜庆·祝福",
        "百年好合",
        "欣闻挚友郑浩先生与刘佳女士于20",
        "24年10月1日喜结良缘，特登报致",
        "贺！愿二位相亲相爱、白头偕老，早",
        "生贵子，幸福美满！",
        "县一中2008届高三（4）班全体同",
        "学　贺",
        "寿诞志庆",
        "恭祝王守仁先生八十华诞",
        "家父王守仁，1944年生于本县石门",
        "乡，执教乡村三十八载，桃李满园。",
        "兹定于9月28日在石门村老宅设宴祝",
        "寿，共祝家父福如东海，寿比南山！",
        "子　王建国　王建民　女　王秀芬",
        "　率孙辈　敬贺",
        "谢启",
        "家父方德明丧事期间，承蒙各位亲朋",
        "好友拨冗光临，谨借报端深表谢忱！",
        "城关镇　方志明　全家　鞠躬",
    ]
)


def test_greetings_closed_by_their_signers_and_a_dedication_under_the_word():
    arts = _arts(GREETINGS)
    assert len(arts) == 3
    wedding = _by_start(GREETINGS, arts, "欣闻挚友")
    assert wedding.headline == "百年好合" and wedding.byline == "县一中2008届高三（4）班全体同学贺"
    birthday = next(a for a in arts if "家父王守仁" in article_body(GREETINGS, a))
    assert birthday.headline == "寿诞志庆"  # not the dedication under it (恭祝…)
    assert birthday.byline == "子王建国王建民女王秀芬率孙辈敬贺"
    thanks = _by_start(GREETINGS, arts, "家父方德明")
    assert thanks.byline == "城关镇方志明全家鞠躬"


VOLUNTEERS = "\n".join(
    [
        "江岭青年报",
        "2024年3月5日 星期二",
        "第7版 志愿服务",
        "责任编辑：唐一鸣 美术编辑：孙可",
        "“小红帽”教银发族玩转智能手机",
        "本报记者 林晓彤 通讯员 贺子涵",
        "每周六上午九点，长宁社区活动中心的二楼总是格外热闹，十几位老人围坐在一起学用手机。",
        "“奶奶，您看，点这个绿色的图标，再点右上角的加号。”志愿者一边说，一边放慢了手上的动作。",
        "这是江岭师范学院“数字助老”志愿服务队的一次常规课，队员们已经在这里坚持了十年。",
        "“老人学得慢，忘得快，一个操作可能要教五六遍。”队长郑博文说，耐心是队员的第一课。",
        "“孩子们不嫌我们笨，比自家孙子还有耐心。”七十二岁的陈阿姨笑着说。",
        "十年间，服务队的课程也在不断升级，从最初教打电话，到如今教网上挂号、手机支付。",
        "3月2日，志愿服务队队员在长宁社区教老人使用手机挂号。 通讯员 贺子涵 摄",
        "志愿者手记",
        "一句“谢谢你”的分量",
        "在图书馆做志愿者的第一天，我的任务是把还回来的书放回书架。",
        "傍晚快闭馆时，一位老爷爷拿着纸条来找书，我陪他找到了，他连声说谢谢。",
        "（江岭市图书馆“书香”志愿服务队 韩冰）",
        "在急诊室门口",
        "周末在医院做导医，最忙的是急诊室门口，来的人大多慌慌张张。",
        "那天夜里，一位年轻妈妈抱着发烧的孩子冲进来，我带她挂号、找诊室，一路小跑。",
        "我能做的不多，但至少可以让慌乱的人少走几步路。",
        "（江岭市第一人民医院“暖心”导医志愿服务队 陈思远）",
        "本版由共青团江岭市委宣传部协办",
    ]
)


def test_a_flat_pages_bare_glued_credit_and_a_diarists_bracketed_signature():
    arts = _arts(VOLUNTEERS)
    feature = _by_start(VOLUNTEERS, arts, "每周六上午九点")
    assert article_body(VOLUNTEERS, feature).endswith("手机支付。")
    caption = _by_start(VOLUNTEERS, arts, "3月2日")
    assert caption.kind == "caption"
    diary = next(a for a in arts if a.headline == "一句“谢谢你”的分量")
    assert diary.byline == "（江岭市图书馆“书香”志愿服务队韩冰）"
    last = next(a for a in arts if a.headline == "在急诊室门口")
    assert article_body(VOLUNTEERS, last).endswith("少走几步路。")  # the co-organiser line is
    # furniture


LESSON = "\n".join(
    [
        "澄州教师报",
        "2023年10月17日 星期二",
        "第3版 教育视窗",
        "责任编辑：周晓岚 美编：顾成",
        "名师课堂",
        "《背影》：在细节里读懂父爱",
        "执教：澄州市第二中学　王建伟",
        "【教学目标】",
        "1.通过圈点批注，品读“买橘子”",
        "一段中的动作描写。",
        "2.联系自身生活，学会体察和表",
        "达亲情。",
        "【教学过程】",
        "一、情境导入",
        "播放学生提前拍摄的“家人背影”",
        "短片，引出课题。",
        "二、布置作业",
        "请同学们回家后，认真看一看家",
        "人的背影。",
        "校园简讯",
        "■10月9日，澄州市第三中学举办",
        "首届科技节。（吴迪）",
        "“我的教育故事”",
        "征文启事",
        "为展示我市广大教师潜心育人的生",
        "动实践，本报即日起开展主题征文",
        "活动，欢迎踊跃投稿。",
    ]
)


def test_a_lessons_section_labels_over_numbered_points_and_a_notice_under_a_list():
    arts = _arts(LESSON)
    lesson = next(a for a in arts if "【教学目标】" in article_body(LESSON, a))
    body = article_body(LESSON, lesson)
    assert "【教学过程】" in body and body.endswith("人的背影。")
    assert lesson.byline == "执教：澄州市第二中学王建伟"
    notice = _by_start(LESSON, arts, "为展示我市广大教师")
    assert notice.headline == "“我的教育故事”征文启事"
    briefs = next(a for a in arts if a.headline == "校园简讯")
    assert article_body(LESSON, briefs).endswith("（吴迪）")


RACECARD = "\n".join(
    [
        "港聲日報",
        "二〇二四年三月十三日　星期三",
        "馬經　第24版",
        "今晚第八場排位表",
        "金鐘讓賽（第三班）　1200米　晚上10:50",
        "馬號 馬名 騎師 練馬師 負磅",
        "1 福滿華堂 白文彬 呂國強 133",
        "2 星河戰將 鍾家樂 潘明德 131",
        "3 金帆勁旅 莫卓言 方子健 129",
        "4 駿業宏圖 何偉強 黎永昌 127",
        "註：騎師名後括號數字為見習騎師減磅。",
        "【谷草心水】",
        "「福滿華堂」回程谷草可博",
        "　　今晚八場賽事，以壓軸一場最具看頭，",
        "「福滿華堂」狀態大勇，可博一博。",
        "金針",
        "港聲日報　馬經　24",
    ]
)
# (the tipster's column is in the test only as the text above the page foot)


def test_a_race_card_under_a_line_saying_what_it_lists_and_a_page_foot():
    arts = _arts(RACECARD)
    card = next(a for a in arts if a.headline == "今晚第八場排位表")
    assert card.kind == "other"
    assert article_body(RACECARD, card).endswith("見習騎師減磅。")
    tip = next(a for a in arts if "狀態大勇" in article_body(RACECARD, a))
    assert article_body(RACECARD, tip).endswith("可博一博。")  # the page foot is furniture
    assert all(not (a.headline or "").startswith("港聲日報") for a in arts)


def test_stacks_read_as_unknown_where_the_corpus_reads_them_both_ways():
    # a word or two under a long line in wide columns; in narrow columns a short line over
    # a line twice as wide over a subtitle after a comma
    assert _split_stack(["市纪委监委公开通报4起违反中央八项规定精神", "典型问题"], True)[0] == ""
    stack = ["聚焦课堂主阵地", "我市启动“教学评一致性”改革试点", "首批42所中小学参与，试点为期两年"]
    assert _split_stack(stack, False)[0] == ""
    # a compiled piece's credit is never its headline
    assert check_headline("本报综合", ["本报综合"], [], 14) == ""
