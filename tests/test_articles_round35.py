"""Round 35: conventions from the tune half's pages and the 35th blind batch's tune pages,
each on invented text."""

from __future__ import annotations

from qa.segment import stack
from qa.segment.headcheck import check_headline
from tests.segpages import arts as _arts
from tests.segpages import body as _body
from tests.segpages import by_head as _by_head
from tests.segpages import lines_page
from tests.segpages import with_filler as _page


def _column(*tail: str) -> str:
    """A page set in a narrow column with no blank line: a report, then ``tail``."""
    return lines_page(
        "南川日报　2024年2月6日　第3版",
        "责任编辑：何梅",
        "年宵花市场量增价稳",
        "本报讯（记者　黄坚）春节临近，",
        "全市年宵花市场进入销售旺季。",
        "记者走访多个花卉批发市场发现，",
        "今年年宵花品种丰富、货源充足，",
        "整体价格与去年基本持平，部分小",
        "盆栽品种价格略有上涨，蝴蝶兰、",
        "大花蕙兰等传统品种依然最受市民",
        "青睐，线上订单明显增多，不少商",
        "户开通了同城配送服务，市民足不",
        "出户就能买到心仪的年宵花卉。据",
        "市场管理方介绍，今年交易量同比",
        "增长约两成，其中线上占比超三成",
        "。预计交易高峰将持续至除夕前。",
        *tail,
        "南川观叶植物出口开门红",
        "本报讯（记者　黄坚）记者从海关",
        "获悉，1月份本市出口观叶植物货",
        "值同比增长百分之十五，创历年同",
        "期新高，主要销往东南亚和欧洲。",
    )


def test_a_caption_over_a_credit_alone_on_its_line_leaves_the_report_above():
    # the report's last line runs full to the column's width, the caption is set flush
    page = _column("2月3日，市民在花卉批发市场挑选", "年宵花。", "本报记者　林颖　摄")
    found = _arts(page)
    report = next(a for a in found if a.headline == "年宵花市场量增价稳")
    assert _body(page, report).endswith("预计交易高峰将持续至除夕前。")
    caption = next(a for a in found if a.kind == "caption")
    assert _body(page, caption) == "2月3日，市民在花卉批发市场挑选年宵花。"
    assert caption.byline == "本报记者林颖摄"


def test_a_bracketed_credit_alone_on_its_line_closes_the_caption_the_same_way():
    page = _column("市民在花卉批发市场挑选年宵花。", "（林颖　摄）")
    caption = next(a for a in _arts(page) if a.kind == "caption")
    assert _body(page, caption) == "市民在花卉批发市场挑选年宵花。"


def test_a_list_signed_by_its_issuer_and_date_keeps_them_out_of_its_text():
    page = _page(
        "2023年度助学金获奖名单\n"
        "经各校推荐、评审委员会审核，2023年度共有12名学生获得助学金，现将名单公布如下。\n"
        "李明远　南川师范大学　5000元\n"
        "赵一凡　南川第二中学　3000元\n"
        "南川县教育基金会评审委员会\n"
        "2023年4月5日\n",
        "捐款芳名录（第四批）\n"
        "修缮工程启动以来，承蒙各界慷慨解囊，现将第四批捐款芳名刊登如下。\n"
        "李文华　20000元\n"
        "王建国　10000元\n"
        "南川县教育基金会财务组\n"
        "2023年4月\n",
    )
    found = _by_head(_arts(page))
    names = found["2023年度助学金获奖名单"]
    assert _body(page, names).endswith("3000元")
    assert names.byline == "南川县教育基金会评审委员会"
    gifts = found["捐款芳名录（第四批）"]
    assert _body(page, gifts).endswith("10000元")
    assert gifts.byline == "南川县教育基金会财务组"


def test_a_question_alone_over_a_long_paragraph_on_a_flat_page_is_a_letters_title():
    page = lines_page(
        "南川日报　2024年9月18日　第5版　民生热线",
        "小区门口路灯坏了两个月，何时能修好？",
        "我家住在城南新村，小区门口的三盏路灯从七月起就不亮了，晚上出行很不方便，老人孩子摔倒过好几次。",
        "城南区　读者　吴女士",
        "回复：经查，该路段路灯线路老化，我局已安排维修，本月底前将全部恢复照明。",
        "回复单位：南川市城市管理局",
        "早高峰公交“满载甩站”，能否加密班次？",
        "我每天早上在城南新村站乘坐公交车去市中心上班，早高峰车辆经常满载不停靠，等车超过二十分钟是常事。",
        "城南区　读者　李先生",
        "回复：自9月9日起，我公司已在早高峰加开区间车四班，发车间隔缩短至六分钟。",
        "回复单位：南川公交集团有限公司",
    )
    heads = [a.headline for a in _arts(page)]
    assert "早高峰公交“满载甩站”，能否加密班次？" in heads


def test_a_question_under_a_paragraph_stays_a_crosshead_of_the_text():
    page = lines_page(
        "南川日报　2024年9月18日　第5版",
        "冬季为何易发心脑血管病",
        "本报讯（记者　林方）入冬以来，市第一人民医院心内科门诊量比上月增加了两成，"
        "其中老年患者占七成以上。",
        "寒冷刺激会使血管收缩、血压升高，心脏负担随之加重，这是冬季心脑血管病高发的主要原因。",
        "那么，老年人冬季该怎样预防？",
        "专家建议，老年人应注意保暖，外出时戴好帽子和围巾，清晨不宜过早锻炼，饮食要清淡，按时服药。",
    )
    found = _arts(page)
    assert len(found) == 1
    assert _body(page, found[0]).endswith("按时服药。")


def test_a_correspondents_report_labelled_in_brackets_opens_its_text():
    page = _page(
        "东乡合作社扩大股金\n"
        "　　（东乡通讯）东乡合作社成立半年以来，因为能够替群众买到便宜的盐和布，\n"
        "群众都很拥护，纷纷要求入股，现在已有社员一千二百余人。\n"
    )
    a = _by_head(_arts(page))["东乡合作社扩大股金"]
    assert a.byline == "（东乡通讯）"
    assert _body(page, a).startswith("东乡合作社成立半年以来")


def test_a_caption_set_inside_a_long_piece_between_blank_lines_is_split_off_by_its_credit():
    # blank lines part the pieces, not the paragraphs: the caption sits under the review's
    # last paragraph and its writer's signature, closed by the picture's credit
    page = _page(
        "青衣有骨　一折见心\n"
        "　　上周末，市京剧团青年版《锁麟囊》在大剧院连演两场，上座率都在九成以上。\n"
        "这出程派名剧素以唱腔繁难著称，由一群平均年龄不到三十岁的青年演员挑梁。\n"
        "　　两场看下来，我的回答是：立住了，而且有几处让人眼前一亮。饰演薛湘灵的\n"
        "青年演员嗓音清亮，唱到“春秋亭外风雨暴”一段，满堂彩声不断。\n"
        "　　老戏要传下去，靠的终究是人。给年轻人舞台，也给他们一点时间，这出戏\n"
        "还会越唱越好。\n"
        "韩素秋\n"
        "青年版《锁麟囊》剧照。\n"
        "市京剧团供图\n"
    )
    found = _arts(page)
    review = _by_head(found)["青衣有骨一折见心"]
    assert _body(page, review).endswith("这出戏还会越唱越好。")
    assert review.byline == "韩素秋"
    caption = next(a for a in found if a.kind == "caption")
    assert _body(page, caption) == "青年版《锁麟囊》剧照。"


def test_a_pupils_teacher_named_on_a_line_of_its_own_closes_the_composition():
    # a paragraph a line: the composition, the pupil's school and name, the editor's note,
    # the teacher; then the next composition's title
    page = lines_page(
        "南川日报　2024年5月10日　第8版　小荷尖尖",
        "我家的小菜园",
        "我家楼顶有一个小菜园，是爷爷用泡沫箱一个一个搭起来的，春天一到，爷爷就带着我种菜。",
        "现在，小番茄已经结果了，绿绿的，像一颗颗小玻璃珠，我天天盼着它们快点变红。",
        "城关实验小学三年级（2）班　陈思远",
        "【点评】小作者用心观察生活，把种菜的过程写得真实有趣，结尾写出了祖孙之间的深厚感情。",
        "指导老师：赵丽华",
        "会跳舞的风筝",
        "星期天，爸爸带我去江边放风筝。我的风筝是一只大蝴蝶，翅膀上的花纹漂亮极了。",
        "风越来越大，蝴蝶风筝在天上一会儿向左转，一会儿向右转，好像在跳舞。",
        "东风路小学二年级（3）班　刘雨桐",
        "【点评】文章按照事情发展的顺序来写，条理清楚，结尾由放风筝想到做事要讲方法。",
        "指导老师：孙梅",
    )
    heads = [a.headline for a in _arts(page)]
    assert "会跳舞的风筝" in heads


def test_a_list_heading_set_apart_from_its_items_by_a_blank_line_heads_the_list():
    # a web copy setting a blank line after every paragraph, but not between a stack's lines
    # (so its blank lines are kept): 简讯 / (blank) / ◎item, and a notice's title / (blank) /
    # its addressee
    page = "\n\n".join(
        [
            "武苑周报　2024年5月15日　第4版",
            "武苑短评\n比赛之外，更要看见传承\n□秦岭风",
            "一场传统武术赛事，一百多个拳种同台，这个数字比金牌榜更值得关注。",
            "传统武术的根在民间，很多地方拳种靠师徒口传身授延续至今，断了传承就很难再续上。",
            "比赛终究只是几分钟的展示，真正让拳种活下去的，是每天坚持练拳的普通人。",
            "让老拳种走上赛场，更要让老拳种走进生活，这是赛事之外更长久的功课。",
            "武林快讯",
            "◎5月10日至11日，北川县形意拳研究会在县文化馆举办形意拳史料展，展出实物资料200余件。",
            "◎西岚市太极拳协会日前启动“太极进社区”公益教学活动，今年计划设立60个免费教学点。",
            "关于举办太极拳推手邀请赛的通知",
            "各有关单位、武术团体：",
            "为推动太极拳推手运动的普及与交流，本报社定于7月在青崖市举办邀请赛。现将有关事项通知如下：",
            "一、比赛时间：2024年7月12日至14日。",
        ]
    )
    found = _by_head(_arts(page + "\n"))
    assert found["武林快讯"].kind == "briefs"
    assert found["关于举办太极拳推手邀请赛的通知"].kind == "notice"


def test_a_credit_glued_to_a_captions_last_line_closes_it_before_a_list_heading():
    page = _column(
        "　　村民在屋顶晾晒辣椒、玉米等农作",
        "物，一派丰收景象。　通讯员　杨帆　摄",
        "致富经",
        "　　■沙洲村：稻虾共养“一水两用”，",
        "今年小龙虾亩产达150公斤。",
        "　　■石桥村：林下种植中药材三百亩。",
    )
    found = _arts(page)
    assert _by_head(found)["致富经"].kind == "briefs"


def test_units_names_stacked_are_who_signs_not_a_headline():
    assert stack_headline("共青团江岭市委员会", ["扫码报名", "江岭市志愿服务联合会"]) == ""
    # (a question ending in 办 over a column's name ending in 院 is no unit's)
    assert stack_headline("小麦返青期叶片发黄怎么办", ["庄稼医院"]) == "小麦返青期叶片发黄怎么办"


def stack_headline(h: str, subs: list[str]) -> str:
    return check_headline(h, [h], subs, 16)


def test_a_jump_marker_wrapped_at_the_columns_width_still_closes_the_part():
    page = _column(
        "　　列车长说：“旅客满意，比啥都强。”（下转第4",
        "版）",
        "客运段开展暑运应急演练",
        "　　本报讯（通讯员　李婧）6月25",
        "日，客运段联合南站开展应急演练。",
    )
    assert "客运段开展暑运应急演练" in _by_head(_arts(page))


def test_a_headline_over_a_dateline_under_a_verses_short_line_opens_a_piece():
    page = lines_page(
        "南川日报　2024年3月21日　第6版　戏曲",
        "唱词欣赏",
        "新编黄梅戏《青弋渡》“夜渡”选段",
        "邬明川　词",
        "　　（阿秀唱）",
        "　　月照青弋水茫茫",
        "　　一篙撑开两岸霜",
        "　　你撑稳了篙抓紧了桨",
        "　　渡过这一江风浪再思量",
        "戏曲进校园今年将演出120场",
        "　　本报讯（记者　夏蔚）3月20日，记者从市文化",
        "馆获悉，今年全市“戏曲进校园”活动将走进百所",
        "学校，演出剧目以黄梅戏、京剧和庐剧为主。",
        "　　据介绍，演出将从4月持续到11月，每所学校",
        "安排一场专场演出和一次戏曲知识讲座，并向学生",
        "赠送戏曲普及读本。",
        "　　市文化馆负责人表示，希望通过这样的活动让",
        "更多孩子走近传统戏曲，培养新一代观众。",
        "　　另据了解，市京剧团还将为有兴趣的学生开设",
        "周末兴趣班，首批招收学员五十名，免费教学。",
        "　　活动期间，主办方还将评选十所戏曲特色学校，",
        "给予经费和师资支持。",
    )
    found = _by_head(_arts(page))
    assert found["新编黄梅戏《青弋渡》“夜渡”选段"].byline == "邬明川词"
    assert found["戏曲进校园今年将演出120场"].byline == "本报讯（记者夏蔚）"


def test_a_lyricist_under_a_songs_title_is_its_byline():
    assert stack._own_byline("邬明川　词")
    assert stack._own_byline("林夕　词　　陈光　曲")
    assert not stack._own_byline("宋词")


def test_a_headline_alone_between_blank_lines_over_a_dateline_opens_a_piece():
    paras = [
        "培训内容包括段位制技术规范、考评标准和考评程序等，考核合格者将获颁考评员证书。",
        "该负责人说，下一步将编写适合中小学生的武术段位教材，推动段位制进校园。",
    ]
    page = "\n\n".join(
        [
            "武苑周报　2024年5月15日　第2版",
            "武苑短评\n比赛之外，更要看见传承\n□秦岭风",
            "一场传统武术赛事，一百多个拳种同台，这个数字比金牌榜更值得关注。",
            *paras,
            "全省武术段位制考评员培训班开班",
            "本报讯（通讯员　曲文斌）5月13日，全省武术段位制考评员培训班在青崖开班。",
            *paras,
        ]
    )
    a = _by_head(_arts(page + "\n"))["全省武术段位制考评员培训班开班"]
    assert a.byline == "本报讯（通讯员曲文斌）"


def _club_page(*pieces: str) -> str:
    """A club newsletter's web copy: a blank line after every line."""
    head = [
        "山友通讯",
        "岷川山友户外俱乐部会刊　内部交流",
        "2023年第6期（总第58期）　2023年6月1日　第1版",
        "本期导读：五一三天，我们在老鹰岭等到了云海／青嶂山东坡环线线路指南",
    ]
    return "\n\n".join([*head, *pieces]) + "\n"


def test_a_newsletters_name_over_its_sponsor_line_is_the_masthead():
    page = _club_page("队员们的一次雨中穿越")
    assert stack.masthead(page) == "山友通讯"
    assert stack.page_furniture("本期导读：五一三天，我们在老鹰岭等到了云海／青嶂山东坡环线")
    assert stack.page_furniture("岷川山友户外俱乐部会刊　内部交流")


def test_a_members_handle_with_a_latin_letter_credits_a_text_and_a_picture():
    paras = [
        "出发前一周，天气预报一直在阴转小雨和多云之间摇摆，领队老K在群里反复叮嘱大家带好雨具。",
        "第二天凌晨五点，我被帐篷外的一阵欢呼声吵醒，钻出帐篷一看，脚下是翻滚的云海。",
        "这次活动全程约26公里，累计爬升1700米，十四名队员全部安全往返，山还在那里，我们下次再见。",
    ]
    page = _club_page(
        "五一三天，我们在老鹰岭等到了云海",
        "文／山猫　图／老K　阿土",
        *paras,
        "▲五一期间，老鹰岭主峰上，队员们展开俱乐部队旗合影。（摄影：老K）",
        "关于缴纳2023年度会费的提醒",
        *[
            f"第{k}条：尚未缴纳2023年度会费的会员，请于6月30日前通过俱乐部账户缴纳。"
            for k in "一二三四五六七八九十"
        ],
        "俱乐部会员部",
    )
    found = _arts(page)
    a = _by_head(found)["五一三天，我们在老鹰岭等到了云海"]
    assert a.publication == "山友通讯"
    assert _body(page, a).endswith("我们下次再见。")
    caption = next(x for x in found if x.kind == "caption")
    assert _body(page, caption) == "五一期间，老鹰岭主峰上，队员们展开俱乐部队旗合影。"


def test_a_caption_credited_by_unit_and_name_between_blank_lines_is_its_own():
    # a page keeping its blank lines (a stack's lines stand tight), a blank line after
    # every paragraph: a two-line stack over the dateline, and a caption paragraph closed by
    # a bare credit naming the photographer's unit (。　某某宣传部　某某　摄)
    paras = [
        "中国驻德使馆教育处代表、埃尔芬堡大学副校长等嘉宾与千余名师生一同观看了演出。",
        "晚会在开场舞中拉开帷幕，整台晚会历时三个小时，共有十八个节目。",
        "晚会结束后，不少观众仍留在礼堂合影留念，久久不愿离去。",
    ]
    page = "\n\n".join(
        [
            "埃尔芬堡学联报\n2019年2月25日　星期一　第38期",
            "春节联欢晚会成功举办\n千余名华人学子异乡共庆新春",
            "本报讯（记者　林雨桐）2月16日晚，学联主办的春节联欢晚会在大学礼堂举行。",
            *paras,
            "图为晚会开场舞《鼓舞新春》。　学联宣传部　刘畅　摄",
            "大学新设中德联合硕士项目",
            "本报讯（通讯员　周子航）记者从大学国际处获悉，该校将新设中德联合硕士项目。",
            *paras,
        ]
    )
    found = _arts(page + "\n")
    report = next(a for a in found if a.byline == "本报讯（记者林雨桐）")
    assert _body(page, report).endswith("久久不愿离去。")
    caption = next(a for a in found if a.kind == "caption")
    assert _body(page, caption) == "图为晚会开场舞《鼓舞新春》。"
    assert caption.byline == "学联宣传部刘畅摄"


def test_a_tables_rows_under_a_blank_line_and_its_numbered_note_stay_the_tables():
    page = _page(
        "本周主要蜂产品产地收购参考价\n"
        "（2025年5月9日—5月15日　单位：元/公斤）\n"
        "\n"
        "品种　　产地　　价格　　涨跌\n"
        "洋槐蜜　河南　　26.0　　↑1.5\n"
        "油菜蜜　江西　　11.5　　↓0.5\n"
        "荔枝蜜　广东　　22.0　　↑0.5\n"
        "注：1.以上价格由本报市场信息部综合主产区收购点报价整理，仅供参考。\n"
        "2.“涨跌”为与上周均价相比的变动，单位：元/公斤。\n"
    )
    table = _by_head(_arts(page))["本周主要蜂产品产地收购参考价"]
    body = _body(page, table)
    assert "洋槐蜜河南26.0" in body
    assert body.endswith("单位：元/公斤。")


def test_a_numbered_orders_title_over_flush_text_opens_a_notice():
    # an older page: paragraphs indented, a military government's order set flush under its
    # title and number (佈告 folded as 布告)
    page = lines_page(
        "汴阳日报　一九四八年十一月二十日　第一版",
        "迅速恢复生产安定城市秩序",
        "　　汴阳解放已经一月了。一月来，在市军管会领导下，全",
        "市工商业陆续开门营业，社会秩序迅速恢复，市面日渐繁",
        "荣，人民生活逐步安定下来。",
        "　　我们希望全市工商业者安心营业，积极恢复生产；希望",
        "全市工人兄弟努力护厂，早日开工。只要大家团结一致，汴",
        "阳的市面一定会一天比一天好起来。",
        "",
        "汴陽市軍事管制委員會佈告",
        "（商字第三號）",
        "為維護市場秩序，保障人民生活，特規定如下：",
        "一、本市各糧行、布莊、雜貨店及攤販，一律照常營業。",
        "二、嚴禁囤積居奇、哄抬物價。",
        "以上各條，仰全市軍民人等一體遵照。此佈。",
        "　　　　　主　任　韓振西",
        "一九四八年十一月十七日",
    )
    found = _arts(page)
    notice = next(a for a in found if a.kind == "notice")
    assert _body(page, notice).startswith("為維護市場秩序")
    editorial = _by_head(found)["迅速恢复生产安定城市秩序"]
    assert _body(page, editorial).endswith("一天比一天好起来。")


def test_the_commentators_genre_line_is_a_kicker_not_a_byline():
    assert not stack._own_byline("本报评论员文章")
    assert stack._own_byline("本报评论员")
    page = _page(
        "本报评论员文章\n"
        "让口岸红利更多惠及边城百姓\n"
        "本报评论员\n"
        "　　三百万吨，这是口岸开放三十多年来从未有过的数字。口岸的红利，要更多转化为边城\n"
        "百姓的获得感，让群众在家门口就能分享开放带来的实惠。\n"
    )
    a = _by_head(_arts(page))["让口岸红利更多惠及边城百姓"]
    assert a.byline == "本报评论员"
    assert a.subheadlines == ["本报评论员文章"]


def test_the_commentators_credit_over_the_headline_leaves_the_headline_its_own():
    page = _page(
        "本报评论员\n"
        "让绿色成为青柳最厚重的底色\n"
        "在青柳，每一片绿都来之不易。从上世纪六七十年代起，一代代青柳人扛着铁锹走进沙\n"
        "窝，硬是在风沙口种下了一道道绿色屏障。\n"
    )
    a = _by_head(_arts(page))["让绿色成为青柳最厚重的底色"]
    assert a.byline == "本报评论员"
    assert _body(page, a).startswith("在青柳，每一片绿")


def test_a_readers_contributions_label_is_a_column_tag_over_a_full_width_headline():
    assert stack._TAG.fullmatch("读者来稿")
    page = _column(
        "读者来稿",
        "外婆说的“夜饭”和“点心”",
        "我外婆是白荡人，一辈子说澄溪话。",
        "小时候在她家过暑假，最让我糊涂",
        "的是她说的“夜饭”和“点心”。",
    )
    assert "外婆说的“夜饭”和“点心”" in _by_head(_arts(page))
