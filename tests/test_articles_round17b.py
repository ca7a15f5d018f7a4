"""Round 17b's conventions (a page read whatever its blank lines say, second pass), each
on a page invented for the test."""

from __future__ import annotations

from qa.segment import stack
from qa.segment.articles import segment_page
from qa.segment.layout import flat
from qa.segment.spacing import fragments

INTERVIEW_PAGE = "\n".join(
    [
        "临溪晚报　2025年4月19日　星期六　第5版",
        "对话馆长",
        "让老房子里的书香飘得更远",
        "——访临溪市图书馆馆长程雨",
        "本报记者　邱　南",
        "一座百年老宅改成的分馆，每天要接待上千名读者。记者日前走进这座老宅，和馆长聊了聊。",
        "记者：老宅改图书馆，最难的是什么？",
        "程馆长：最难的是既要保护老建筑，又要满足读者的需要，很多改造方案都推翻重来过。",
        "记者：今后还有什么打算？",
        "程馆长：我们想把阅读活动办到社区去，让更多人走进图书馆。",
        "慢一点，才能读进去",
        "现在的年轻人读书，常常是一目十行，读完就忘。其实，读书最怕的就是赶时间。",
        "慢下来读一本书，把书里的道理放进生活里想一想，才算是真正读过。",
        "林青（作者系临溪市第三中学语文教师）",
        "青溪河两岸新添休闲步道",
        "本报讯（记者 方晓雯）4月8日，青溪河滨水步道二期工程完工，沿河两岸新增多处休闲步道。",
        "附近居民说，晚饭后终于有地方散步了，孩子骑车，老人遛弯，都方便。",
    ]
)


def _spread(page: str) -> str:
    """A web copy's page: a blank line after each of its lines."""
    return "\n\n".join(ln for ln in page.split("\n") if ln.strip()) + "\n"


def _read(page: str) -> list[tuple[str, str, str]]:
    out = []
    for a in segment_page("p.txt", page):
        body = flat("".join(page[s:e] for s, e in a.body_spans))
        out.append((a.headline or "", body[:6], body[-6:]))
    return out


def test_a_spread_page_the_block_reader_would_take_is_read_without_its_blanks():
    # one blank line after every line, and long lines that finish no sentence (a header,
    # a subtitle): the line-by-line reader would not take the page as set, yet its blank
    # lines say nothing; read as set, the block reader voted headlines below their bodies
    # and named the essay's signature a headline
    spread = _spread(INTERVIEW_PAGE)
    assert stack.applies(INTERVIEW_PAGE) and not stack.applies(spread)
    want = _read(INTERVIEW_PAGE)
    assert [w[0] for w in want] == [
        # the column's name over the headline (对话馆长) is no part of it (round 21)
        "让老房子里的书香飘得更远",
        "慢一点，才能读进去",
        "青溪河两岸新添休闲步道",
    ]
    assert _read(spread) == want


def test_paragraphs_cut_mid_clause_mark_a_layout_extraction():
    # two lines that finish a sentence and stop inside the next: boxes cut where their
    # column ends, their rest elsewhere (the block reader joins them)
    cut = [
        "老街书场每逢周六开讲，听书的老人越来越多。今年起，书场还将增设",
        "新馆的阅览区已全部对外开放，周末人流明显增多。下一步，馆方计划在",
    ]
    assert fragments("\n\n".join(["山城书香", *cut, "慢一点，才能读进去"]))
    assert not fragments("\n\n".join(["山城书香", cut[0]]))  # one says nothing
    # a web copy's paragraphs finish their sentences; a headline holds none
    assert not fragments(_spread(INTERVIEW_PAGE))


# a page set in narrow columns with no blank line anywhere (20 lines or more)
UNSPACED_PAGE = "\n".join(
    [
        "临溪晚报",
        "2025年4月19日　星期六　第5版　城事　责任编辑：林　某",
        "青溪河两岸新添休闲步道",
        "本报讯（记者 方晓雯）4月8日，青溪河滨水步道二期工程完工，沿",
        "河两岸新增多处休闲步道，总长约六公里，串联起沿线的五个社",
        "区公园。附近居民说，晚饭后终于有地方散步了。",
        "步道沿线还设置了健身器材和休息座椅，方便居民锻炼身体，",
        "也方便老人歇脚。",
        "清晨的青溪河步道上，不少市民在散步、慢跑。",
        "（本报记者 方晓雯 摄）",
        "老街书场开讲两周年",
        "本报讯（记者 邱南）每逢周六下午，城西老街的茶馆里总是坐满",
        "了听书的老人，一壶清茶、一段评书，成了老街坊的周末时光。",
        "说书的老先生七十三岁，他说，只要有人听，就一直讲",
        "下去。",
        "书场里座无虚席，老人们听得津津有味。（本报记者",
        "邱南 摄）",
        "少儿足球联赛周末开踢",
        "本报讯（记者 方晓雯）临溪市少儿足球联赛将于本周六开赛，共",
        "有来自全市的四十支球队报名参赛，比赛将持续两个月。",
    ]
)


def _pieces(page: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    for a in segment_page("p.txt", page):
        body = flat("".join(page[s:e] for s, e in a.body_spans))
        out.append((a.kind, a.headline or "", flat(a.byline), body[:6], body[-6:]))
    return out


def test_a_photo_credit_on_a_page_without_blank_lines_closes_the_caption_above_it():
    # no blank line tells the caption from the article it follows: the caption runs back to
    # the paragraph's end above it (a finished sentence short of the column's width); the
    # credit alone on its line or glued to the caption's last sentence, wrapped or not
    assert _pieces(UNSPACED_PAGE) == [
        ("news", "青溪河两岸新添休闲步道", "本报讯（记者方晓雯）", "4月8日，青", "便老人歇脚。"),
        ("caption", "", "（本报记者方晓雯摄）", "清晨的青溪河", "散步、慢跑。"),
        ("news", "老街书场开讲两周年", "本报讯（记者邱南）", "每逢周六下午", "一直讲下去。"),
        ("caption", "", "（本报记者邱南摄）", "书场里座无虚", "得津津有味。"),
        ("news", "少儿足球联赛周末开踢", "本报讯（记者方晓雯）", "临溪市少儿足", "持续两个月。"),
    ]


def test_a_credited_piece_alone_keeps_its_photo_credit():
    # a title over a short text closed by a photo credit, no credit of its own above: the
    # picture's title and caption, one piece (the credit does not cut its last paragraph)
    lines = UNSPACED_PAGE.split("\n")
    page = "\n".join(
        lines[:2]
        + ["河畔晨光", "清晨，青溪河步道上晨练的市民络绎不绝。"]
        + ["步道旁的樱花开了，引来不少市民拍照。"]
        + lines[8:]
    )
    got = _pieces(page)
    assert got[0][:2] == ("caption", "河畔晨光") and got[0][4] == "散步、慢跑。"


SPORTS_PAGE = "\n".join(
    [
        "临溪体育周刊",
        "2025年4月21日　星期一　第05版　足球　责任编辑：林　某",
        "乙级联赛第12轮",
        "绝地反击！",
        "临溪青年主场逆转南山",
        "——替补登场的韩小鹏梅开二度",
        "本报记者　邱",
        "南",
        "　4月19日晚，乙级联赛第12轮在临溪体育场",
        "进行，临溪青年队在先丢一球的情况下连",
        "扳两球，以2比1逆转南山队。",
        "　下半场第70分钟，替补登场的韩小鹏接队",
        "友传中头球破门，第88分钟，他又在禁区",
        "内抢点得手，帮助球队锁定胜局。",
        "少儿足球联赛周末开踢",
        "本报讯（记者 方晓雯）临溪市少儿足球联",
        "赛将于本周六开赛，共有来自全市的四十",
        "支球队报名参赛，比赛将持续两个月。",
        "　组委会介绍，比赛分为三个年龄组，所有",
        "比赛均在周末进行，不影响孩子们上课。",
    ]
)


def test_a_stack_opens_under_the_header_and_holds_an_exclaiming_line():
    # no blank line under the header: the header's line closes like one (furniture right
    # above a stack); the weekly's name over it is the paper's, no piece; a line exclaiming
    # (绝地反击！) inside the stack, a headline's line under it, is the headline's
    got = _pieces(SPORTS_PAGE)
    assert [g[:3] for g in got] == [
        ("news", "绝地反击！临溪青年主场逆转南山", "本报记者邱南"),
        ("news", "少儿足球联赛周末开踢", "本报讯（记者方晓雯）"),
    ]
    arts = segment_page("p.txt", SPORTS_PAGE)
    assert arts[0].subheadlines == ["乙级联赛第12轮", "——替补登场的韩小鹏梅开二度"]
    assert stack.masthead(SPORTS_PAGE) in ("临溪体育周刊", "")


LABEL_PAGE = "\n".join(
    [
        "临溪晚报",
        "2025年4月19日　星期六　第5版　副刊　责任编辑：林　某",
        "说“慢”",
        "　　小时候跟着外婆去赶集，一走就是大半天，",
        "路上遇见熟人，总要停下来说上几句话。",
        "　　如今出门有车，办事有网，日子快了许多，",
        "可那份慢悠悠的从容，却越来越难找了。",
        "林青",
        "简讯",
        "　　■临溪市图书馆即日起延长周末开放时间，",
        "每周六、周日开放至晚上九点。",
        "　　■临溪博物馆本月推出“老街记忆”特展，",
        "展出老照片两百余幅，免费向市民开放。",
        "　　本报讯（记者 方晓雯）4月8日，青溪河滨",
        "水步道二期工程完工，沿河两岸新增多处",
        "休闲步道，总长约六公里。",
        "青溪河步道完工",
        "停水通告",
        "　　因管网检修，4月22日8时至18时，城西片区",
        "将暂停供水，请居民提前做好储水准备。",
        "临溪市供水公司",
        "2025年4月19日",
    ]
)


def test_a_list_or_notice_heading_under_text_is_the_whole_headline():
    # no blank line: a list's or notice's heading set alone (简讯, 停水通告) under the text
    # above is the headline by itself; the writer's name over it signs the essay above, and
    # a title over it is the headline of the piece above that has none (printed below it)
    got = [g[:3] for g in _pieces(LABEL_PAGE)]
    assert got == [
        ("editorial", "说“慢”", "林青"),
        ("briefs", "简讯", ""),
        ("news", "青溪河步道完工", "本报讯（记者方晓雯）"),
        ("notice", "停水通告", "临溪市供水公司"),
    ]


def test_a_unit_over_a_notice_heading_under_a_notice_is_unknown():
    # under a notice, a unit's name over 诚聘 may sign the notice above (某某编辑部) or head
    # the next (某某公司诚聘): the headline is unknown, never a wrong one
    page = "\n".join(
        LABEL_PAGE.split("\n")[:2]
        + [
            "遗失声明",
            "　　临溪市青禾文具店不慎遗失营业执照副本，",
            "现声明作废。",
            "临溪青禾物流有限公司",
            "诚聘",
            "　　本公司因业务发展需要，现招聘货车司机五",
            "名，有意者请于4月30日前到公司面试。",
        ]
        + LABEL_PAGE.split("\n")[2:]
    )
    arts = segment_page("p.txt", page)
    assert arts[0].headline == "遗失声明"
    assert arts[1].headline == "" and "货车司机" in page[arts[1].char_start : arts[1].char_end]


LETTERS_PAGE = "\n".join(
    [
        "临溪晚报",
        "2025年4月19日　星期六　第6版　读者来信　责任编辑：林　某",
        "小区路灯何时能修好",
        "　　我家住在城西花园小区，小区里的路灯坏了",
        "快两个月了，晚上出门很不方便。",
        "临溪市城西街道读者",
        "何晓梅",
        "编者附言",
        "　　本报已将何晓梅反映的情况转给有关部门，",
        "有关部门表示将在本月内修复。",
        "方　远",
        "【城事观察】",
        "老街改造要留住烟火气",
        "　　老街改造，不能只求整齐划一，更要留住",
        "街坊们熟悉的那份烟火气。",
        "周知",
        "科技前沿",
        "　　■研究人员日前研制出一种新型储能材料，",
        "充电速度提高了三成。",
        "　　■一种可降解包装材料日前通过鉴定。",
    ]
)


def test_a_signature_glued_to_the_next_heading_signs_the_piece_above():
    # no blank line: a reader's place and name over 编者附言, a name over a column tag
    # (方　远 / 【城事观察】), a name over a short heading of bulleted items (周知 / 科技前沿)
    # sign the piece above; the heading (or the tag's title) is the next headline
    arts = segment_page("p.txt", LETTERS_PAGE)
    assert [a.headline for a in arts] == [
        "小区路灯何时能修好",
        "编者附言",
        "老街改造要留住烟火气",
        "科技前沿",
    ]
    assert [flat(a.byline) for a in arts[:3]] == ["临溪市城西街道读者何晓梅", "方远", "周知"]


def test_a_taiwan_papers_reporter_and_place_open_the_text():
    # 【記者 某某／某地報導】 opens the first paragraph as a dateline does (報導, not 報道);
    # two lines of two phrases each in traditional print: the headline, then its subtitle
    page = "\n".join(
        [
            "新溪日報　2024年3月5日　星期二　第6版　地方新聞",
            "",
            "溪口老街夜市開張　攤商湧入",
            "首月免收租金　假日延長營業",
            "【記者王雅琪／溪口報導】溪口老街夜市昨（4）日正式開張，首批六十多個攤位全部進駐。",
            "鎮公所表示，首月免收攤位租金，假日營業時間延長至凌晨一時。",
        ]
    )
    (art,) = segment_page("p.txt", page)
    assert art.headline == "溪口老街夜市開張攤商湧入"
    assert art.subheadlines == ["首月免收租金假日延長營業"]
    assert art.byline == "【記者王雅琪／溪口報導】"
    body = flat("".join(page[s:e] for s, e in art.body_spans))
    assert body.startswith("溪口老街夜市昨")


def test_two_lines_of_two_phrases_in_simplified_print_leave_the_headline_unknown():
    # kicker over headline, or headline over subtitle? Simplified print sets both
    page = "\n".join(
        [
            "临溪晚报　2025年4月19日　星期六　第5版",
            "",
            "老街夜市开张　摊商涌入",
            "首月免收租金　假日延长营业",
            "本报讯（记者 方晓雯）溪口老街夜市昨日正式开张，首批六十多个摊位全部进驻。",
            "镇政府表示，首月免收摊位租金，假日营业时间延长至凌晨一时。",
        ]
    )
    (art,) = segment_page("p.txt", page)
    assert art.headline == ""


NOTICES_PAGE = "\n".join(
    [
        "临溪晚报　2025年4月19日　星期六　第15版",
        "分类广告　责任编辑：林　某",
        "停水通知",
        "因管网检修，我公司定于4月22日8时",
        "至18时对城西片区暂停供水，请用户",
        "提前做好储水准备。",
        "服务热线：0571-96528",
        "临溪市供水有限公司",
        "2025年4月19日",
        "遗失声明",
        "临溪市青禾文具店遗失营业执照副本",
        "一份，声明作废。",
        "临溪青禾物流",
        "有限公司招聘",
        "本公司因业务发展需要，现招聘货车",
        "司机五名，有意者请于4月30日前到",
        "公司面试。",
        "电话：0571-85526730",
        "社区书场",
        "开讲两周年",
        "本报讯（记者 邱南）每逢周六下午，",
        "城西老街的茶馆里总是坐满了听书的",
        "老人。",
    ]
)


def test_a_notice_is_signed_under_its_contact_line_and_a_stack_opens_without_a_blank():
    # no blank line anywhere: the issuer and the date under the notice's contact line sign
    # it; two short lines after a finished sentence, the piece above headed, open a stack
    # (a unit's name alone, lines with commas in them, or a stack after a piece without a
    # headline do not: a unit signing a notice, a narrow column's text, a headline printed
    # below its body)
    got = [g[:3] for g in _pieces(NOTICES_PAGE)]
    assert got == [
        ("notice", "停水通知", "临溪市供水有限公司"),
        ("notice", "遗失声明", ""),
        ("notice", "临溪青禾物流有限公司招聘", ""),
        ("news", "社区书场开讲两周年", "本报讯（记者邱南）"),
    ]


def test_a_pupils_name_and_teacher_sign_the_piece_without_a_blank_line():
    # 某某小学三年级　某某 over （指导教师：某某）: the young writer's signature, closing the
    # piece whatever follows (the next title, no blank line between)
    page = "\n".join(
        [
            "临溪少年报　2025年4月19日　星期六　第4版",
            "我家的小猫",
            "我家有一只小花猫，它的眼睛圆圆的，像两颗亮晶晶的玻璃球。",
            "每天放学回家，小花猫都会跑到门口来接我。",
            "临溪市实验小学三年级　林小雨",
            "（指导教师：周　红）",
            "春天来了",
            "春天来了，柳树发芽了，小草从地里探出了头。",
            "燕子从南方飞回来了，在屋檐下忙着搭新家。",
            "城南小学二年级　方乐乐",
            "（指导教师：陈　静）",
        ]
    )
    arts = segment_page("p.txt", page)
    assert [(a.headline, flat(a.byline)) for a in arts] == [
        ("我家的小猫", "临溪市实验小学三年级林小雨（指导教师：周红）"),
        ("春天来了", "城南小学二年级方乐乐（指导教师：陈静）"),
    ]


def test_a_jump_marker_closes_the_part_on_a_page_without_blank_lines():
    # （下转第2版） ends the article's part on this page: what follows is another piece's
    # (here a photo's caption), blank line or none
    lines = UNSPACED_PAGE.split("\n")
    page = "\n".join(
        lines[:7]
        + ["（下转第2版）", "　　清晨的青溪河步道上，不少市民在散步、"]
        + ["慢跑。（本报记者　方晓雯　摄）"]
        + lines[10:]
    )
    got = _pieces(page)
    assert got[0][0] == "news" and got[0][4].endswith("锻炼身体，")
    assert got[1][:3] == ("caption", "", "（本报记者方晓雯摄）")


COMMENT_PAGE = "\n".join(
    [
        "临溪日报　2025年4月19日　星期六",
        "第05版：评论",
        "【来论】",
        "老街改造要留住烟火气",
        "老街改造，不能只求整齐划一，更要留住街坊们熟悉的那份烟火气。",
        "改造之前多问问住在这里的人，改造才能改到群众心坎上。",
        "临溪市社会科学院　方远",
        "【漫画】",
        "“盆景”式示范",
        "有的地方把示范点修得漂漂亮亮，周边却无人问津，群众并不买账。（周知　作）",
        "【来论】",
        "别让社区食堂只热闹一阵子",
        "社区食堂开张时人气很旺，可要长久办下去，还得在口味和价格上多下功夫。",
        "办好社区食堂，需要街道、企业和居民一起想办法。",
        "林青（作者单位：临溪师范学院）",
        "网友说",
        "【话题】我市多个社区食堂推出老年助餐服务，网友怎么看？",
        "“我妈以前一个人在家，常常对付一口，现在天天去食堂吃。”",
        "“希望价格能一直这么实惠。”",
        "（责任编辑：林　某）",
    ]
)


def test_a_column_tag_opens_a_piece_on_a_page_without_blank_lines():
    # a column tag in square brackets alone on its line (【漫画】, 【来论】) opens the next
    # piece whatever closes the line above (a cartoon's credit, a signature): the unit and
    # name over it sign the piece above
    spread = "\n\n".join(COMMENT_PAGE.split("\n")) + "\n"
    for page in (COMMENT_PAGE, spread):
        arts = segment_page("p.txt", page)
        assert [a.headline for a in arts][:3] == [
            "老街改造要留住烟火气",
            "“盆景”式示范",
            "别让社区食堂只热闹一阵子",
        ]
        assert flat(arts[0].byline) == "临溪市社会科学院方远"


def test_a_reporters_credit_alone_on_its_line_closes_the_piece_above_a_title():
    # （记者 某某 整理） alone on its line under the answer: the next line opens a stack
    # (a question set as a headline, 吗 without a question mark), blank line or none
    page = "\n".join(
        [
            "临溪晚报　2025年4月19日　星期六　第10版",
            "电动自行车上牌要带哪些材料",
            "　　问：我刚买了一辆电动自行车，上牌要带哪些材料？",
            "　　答：市交警支队工作人员介绍，需携带身份证、购车发票和合格证。",
            "（记者　方晓雯　整理）",
            "医保卡能给父母用吗",
            "　　问：我的医保个人账户里有余额，能给父母用吗？",
            "　　答：市医保局工作人员介绍，可以办理家庭共济，绑定后即可使用。",
        ]
    )
    arts = segment_page("p.txt", page)
    assert [a.headline for a in arts] == ["电动自行车上牌要带哪些材料", "医保卡能给父母用吗"]
    assert flat(arts[0].byline) == "（记者方晓雯整理）"


def test_a_notices_issuer_and_date_under_its_attachments_sign_it():
    # a page without blank lines (20 lines or more): the issuer and the date under the
    # attachments a notice lists (附件：1.… / 2.…) sign it; the next notice's title under
    # them is no part of them
    page = "\n".join(
        [
            "临溪日报　2025年4月19日　星期六　第7版",
            "临溪市人民政府办公室关于做好春季植树工作的通知",
            "各区县人民政府，市政府有关部门：",
            "为做好今年春季植树工作，现将有关事项通知如下。",
            "一、提高认识。各地要把春季植树作为改善城市环境的重要工作。",
            "二、落实任务。各地要把植树任务分解到具体地块和责任单位。",
            "三、科学种植。各地要因地制宜选择乡土树种，提高成活率。",
            "四、加强管护。各地要落实管护责任，做到种一棵、活一棵。",
            "五、做好宣传。各地要广泛动员市民参与义务植树活动。",
            "六、及时报送。各地要于5月10日前报送植树完成情况。",
            "附件：1.2025年春季植树任务分解表",
            "2.临溪市春季植树技术指导组名单",
            "临溪市人民政府办公室",
            "2025年4月15日",
            "临溪市人民代表大会常务委员会关于召开临溪市第十届人民代表大会第三次会议的决定",
            "（2025年4月16日临溪市第十届人民代表大会常务委员会第九次会议通过）",
            "临溪市第十届人民代表大会第三次会议定于2025年5月中旬在临溪召开。",
            "建议会议的主要议程是：审议临溪市人民政府工作报告；其他事项。",
            "会议期间，代表们将分组审议各项报告。",
            "会议将由市人民代表大会常务委员会主任会议筹备。",
        ]
    )
    arts = segment_page("p.txt", page)
    assert flat(arts[0].byline) == "临溪市人民政府办公室"
    assert arts[1].headline.startswith("临溪市人民代表大会常务委员会关于召开")


TEST_DRIVE_PAGE = "\n".join(
    [
        "临溪商报　2025年4月19日　星期六　第2版",
        "家用电动车再添新选择",
        "文/图　本报记者　方晓雯",
        "近日，临溪汽车推出一款家用电",
        "动车，记者进行了为期两天的试",
        "驾体验。",
        "外观：线条简洁显年轻",
        "新车前脸采用贯穿式灯带，侧面",
        "线条简洁，整体显得年轻。",
        "内饰：大屏加持科技感足",
        "进入车内，中控大屏反应迅速，",
        "语音助手可控制空调和座椅。",
        "总体来看，这款车适合城市通勤",
        "的家庭用户。",
        "新车后排空间宽敞，乘坐舒适。",
        "（本报记者　方晓雯　摄）",
        "周末车展人气旺",
        "本报讯（记者 邱南）周末两天，",
        "临溪车展共接待观众五万人次，",
        "现场成交车辆一千余台。",
        "多家车企推出了购车优惠活动。",
    ]
)


def test_crossheads_and_a_caption_inside_a_credited_piece_without_blank_lines():
    # a label and a phrase (外观：…) alone on a line inside a credited piece, no byline or
    # dateline under it, is the piece's crosshead; the credit alone under the last short
    # paragraph closes that paragraph as a caption, back to the paragraph's end above it
    got = _pieces(TEST_DRIVE_PAGE)
    assert [g[:3] for g in got] == [
        ("news", "家用电动车再添新选择", "文/图本报记者方晓雯"),
        ("caption", "", "（本报记者方晓雯摄）"),
        ("news", "周末车展人气旺", "本报讯（记者邱南）"),
    ]
    assert got[0][4].endswith("的家庭用户。")
