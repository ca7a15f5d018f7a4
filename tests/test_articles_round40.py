"""Round 40: conventions read from the tune half's pages and the round-40 blind batch.
Every text here is invented."""

from __future__ import annotations

import pytest

from qa.ingest.catalog import PageMeta, page_furniture
from qa.segment import stack
from qa.segment.headcheck import check_headline
from tests.segpages import arts, body, by_head, with_filler


@pytest.mark.parametrize(
    "text,meta",
    [
        # a page set without blank lines: its header is its leading lines of fields
        (
            "某某日报｜国内｜A8\n2024年3月12日　星期二\n三条接驳巴士路线下月启用\n"
            "（某埠11日讯）为改善公共交通，当局推出三条新路线。\n",
            PageMeta("", "2024-03-12", "A8"),
        ),
        # dots standing between the fields
        (
            "某某日报 · 2023年11月14日 星期二 · 新闻 · 本地 4\n某某组屋电梯两周坏三次\n"
            "报道：某某\n一座组屋的电梯在两周内三度故障，居民叫苦。\n",
            PageMeta("", "2023-11-14", "4"),
        ),
        # a page number after a field: 2024年06月14日　星期五　A12版：美食
        (
            "某某都市报数字版\n2024年06月14日　星期五　A12版：美食·生活\n\n【菜谱】\n",
            PageMeta("", "2024-06-14", "A12"),
        ),
        # a news agency's sheets are numbered by page
        (
            "某某社新闻稿　　国内　　2024年5月7日（星期二）　　第3页\n\n"
            "标题\n某某社北京5月7日电，正文。\n",
            PageMeta("", "2024-05-07", "3"),
        ),
        # guards: a masthead alone over a headline is no header of fields; a headline's
        # number is no page; a sentence's date is an event's
        ("某某日报\n3条新线路启用\n正文说，新线路下月启用。\n", PageMeta()),
        ("2024年3月12日，某某县召开大会。\n正文。\n", PageMeta()),
    ],
)
def test_a_header_without_a_blank_line_under_it(text, meta):
    assert page_furniture(text) == meta


def test_a_display_ad_set_in_groups_apart_by_blank_lines_is_one_ad_each():
    ads = (
        "某某地产 MOUMOU PROPERTY\n卖房找某某　专业团队　华人首选\n\n春季拍卖　免费估价\n\n"
        "销售热线：0412 558 906（罗先生）",
        "某某中医针灸\n腰颈肩痛　失眠　运动损伤\n\n注册中医师　保险即时报销\n\n"
        "某某中心对面　预约：0433 207 516",
        "某某海鲜酒家\n中秋月饼火热预订中　双黄白莲蓉 | 奶黄流心\n\n每日早茶　港式点心\n\n"
        "地址：某某街112号　订座：02 9763 8828",
    )
    page = with_filler(_LONG, *ads)
    found = [a for a in arts(page) if a.kind == "ad"]
    ends = ["558906（罗先生）", "0433207516", "97638828"]
    assert [body(page, a)[-len(e) :] for a, e in zip(found, ends)] == ends
    assert len(found) == 3
    assert [a.headline for a in found][1:] == ["某某中医针灸", "某某海鲜酒家"]


def test_a_stack_over_its_byline_and_a_contact_in_the_text_is_no_ad():
    story = (
        "某某诊所开设夜间门诊\n方便上班族就医\n\n本报记者　某某\n\n"
        "　　某某诊所自本月起开设夜间门诊，每晚开到九点。预约：0433 207 516。"
    )
    page = with_filler(_LONG, story)
    assert "某某诊所开设夜间门诊" in by_head(arts(page))
    assert not [a for a in arts(page) if a.kind == "ad"]


# a long report, so that blank lines stay few among the page's lines (stack.applies)
_LONG = "某某区老旧小区改造全面开工\n" + "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五个月。\n" for n in range(1, 13)
)


def test_an_ad_disclaimer_and_a_reprint_warning_are_furniture():
    assert stack.page_furniture("本报所刊广告内容由广告客户负责，读者请自行核实。")
    assert stack.page_furniture("未经许可，不得转载本报文章及图片。")
    assert stack.page_furniture("本报所刊广告内容由广告客户负责。未经授权，不得转载。")
    assert not stack.page_furniture("他说，未经许可不得转载别人的文章。")


_SECTION = "　　{0}的第一段写得很长，讲的是山里的事，一句接着一句，读来不觉得累。\n" * 3


def _feature(byline_top: str, signature: str) -> str:
    out = "深秋寻迹某某古道\n某某村：一片红叶落进古道\n" + byline_top
    out += "　　从市区出发，向西驱车两个小时，山势渐高，公路两旁的树红了。\n"
    for head in ("古道：石阶上的时光", "村落：晒秋的人家", "夜宿：枕着溪声入眠"):
        out += head + "\n" + _SECTION.format(head[:2])
    return out + signature


def test_a_features_crossheads_under_a_writer_and_photographers_credit_stay_in_it():
    page = with_filler(_LONG, _feature("文／图　本报记者　某某某\n", ""))
    found = by_head(arts(page))
    assert "某某村：一片红叶落进古道" in found
    assert not any(h.startswith(("古道", "村落", "夜宿")) for h in found)
    assert body(page, found["某某村：一片红叶落进古道"]).endswith("读来不觉得累。")


def test_an_essay_signed_at_its_end_keeps_its_crossheads_and_its_signature():
    signature = (
        "　　　　　　　　　　　刘某某　赵　某\n　　（作者单位：某某省委党校政治\n学教研部）\n"
    )
    page = with_filler(_LONG, _feature("", signature))
    found = by_head(arts(page))
    essay = found["某某村：一片红叶落进古道"]
    assert not any(h.startswith(("古道", "村落", "夜宿")) for h in found)
    assert essay.byline.startswith("刘某某")
    assert "作者单位" in essay.byline
    assert body(page, essay).endswith("读来不觉得累。")


def test_an_ads_items_under_its_name_are_its_slogans():
    ad = (
        "某某·某某湾\n一线江景　品质人居\n建面约98—143㎡江景洋房\n均价约12800元/㎡起\n"
        "■地铁2号线某某站约500米\n■约3.2万㎡中央园林　人车分流\n售楼热线：0579-8899 6666\n"
        "项目地址：某某区望江路188号\n本广告仅为要约邀请，最终以合同约定为准"
    )
    page = with_filler(_LONG, ad)
    found = [a for a in arts(page) if a.kind == "ad"]
    assert len(found) == 1 and body(page, found[0]).endswith("以合同约定为准")
    assert found[0].headline == "某某·某某湾"
    briefs = "本地快讯\n■某某路今起封闭施工。电话：0579-1234 5678\n■某某公园新增停车位。"
    assert not [a for a in arts(with_filler(_LONG, briefs)) if a.kind == "ad"]


def test_the_issues_contents_box_is_furniture():
    box = (
        "今日导读\n■全县秋季征兵体检工作启动　　　　2版\n■某某二中学子获佳绩　　　　2版\n"
        "■山乡“夜经济”点亮群众新生活　　3版"
    )
    page = with_filler(box, _LONG)
    assert not [a for a in arts(page) if "征兵" in body(page, a) or a.headline == "今日导读"]


def test_a_compilers_credit_before_a_slash_opens_a_box_of_its_own():
    assert stack._own_byline("整理／本报数据组")
    assert stack._own_byline("点评法官：某某某（某某区人民法院）")
    assert not stack._own_byline("点评：本案的争议焦点在于房屋归属")


_FLAT = "".join(
    f"第{n}段正文写的是一件事，有头有尾，说得清清楚楚，读者一看就懂。\n" for n in range(1, 9)
)


def test_a_question_under_a_columns_label_and_over_a_case_label_is_the_headline():
    case = (
        "以案说法\n婚前父母出资买房，离婚时房子归谁？\n【案情】\n"
        "2019年，小周与小吴经人介绍相识恋爱，婚前由小周父母全额出资购买了一套住房，登记在小周名下。\n"
        "法院审理认为，该房屋系婚前由一方父母全额出资购买，应认定为小周的个人财产。\n"
        "点评法官：某某某（某某区人民法院家事审判庭）"
    )
    page = "某某法制报　2024年5月14日　第5版\n\n" + _FLAT + "\n" + case + "\n\n" + _FLAT
    found = by_head(arts(page))
    assert "婚前父母出资买房，离婚时房子归谁？" in found
    assert "以案说法" not in found
    assert found["婚前父母出资买房，离婚时房子归谁？"].byline.startswith("点评法官：某某某")


def test_a_court_notices_case_number_is_no_byline_and_its_signers_set_deep_sign_it():
    notice = (
        "某某市某某区人民法院公告\n（2024）某0421民初1157号\n"
        "　　孙某某：本院受理原告某某公司与你借款合同纠纷一案，因你下落不明，\n"
        "依法向你公告送达起诉状副本。自公告之日起经过三十日，即视为送达。\n"
        "逾期将依法缺席判决。\n"
        "　　　某某市某某区人民法院\n"
        "　　　　二〇二四年三月七日"
    )
    page = with_filler(_LONG, notice)
    a = by_head(arts(page))["某某市某某区人民法院公告"]
    assert a.byline == "某某市某某区人民法院"
    assert body(page, a).endswith("逾期将依法缺席判决。")
    assert stack._DOC_MARK.fullmatch("（商字第三号）")


def test_a_tables_compiler_under_its_title_is_its_byline_not_its_unit_line():
    table = (
        "本周部分农产品批发市场价格\n本报记者　某某　整理\n品种　　　　价格　　　　较上周\n"
        "大白菜　　　1.28　　　　↓4.5%\n黄瓜　　　　3.46　　　　↓6.2%\n"
        "西红柿　　　4.12　　　　↓3.1%\n土豆　　　　2.05　　　　↑1.0%"
    )
    page = with_filler(_LONG, table)
    a = by_head(arts(page))["本周部分农产品批发市场价格"]
    assert a.byline == "本报记者某某整理"
    assert body(page, a).startswith("品种价格较上周")


@pytest.mark.parametrize(
    "headline",
    [
        "【交通】自驾从某市出发，经某某高速至某某出口下，沿县道行驶约",
        "市民从某地出发后，沿着某某路一直走，再转乘公交车，全程约两小时",
    ],
)
def test_running_text_is_no_headline(headline):
    assert check_headline(headline, [headline], [], 34) == ""
    assert check_headline("今春，衣橱里流行一点“松弛感”", [], [], 34)


def test_a_papers_name_among_its_running_heads_fields_or_beside_who_runs_it():
    page = (
        "B3　　　　某某房产周刊　　　　2024年3月22日　星期五\n市场观察　　责任编辑：某某\n\n"
        + _LONG
    )
    assert stack.masthead(page) == "某某房产周刊"
    site = "今日某某　某某区融媒体中心主办\n首页 | 时政要闻 | 乡镇街道\n" + _LONG
    assert stack.masthead(site) == "今日某某"
    section = "B3　　　　房产周刊　　　　2024年3月22日　星期五\n\n" + _LONG
    assert stack.masthead(section) == ""


def test_a_books_edition_in_a_reviews_text_is_no_page():
    page = (
        "某某晚报　2023年6月17日　星期六　　周末·文化　　B3\n\n新书过眼\n一条运河\n"
        "　　这部小说写了六代人。\n（《某某》，某某著，某某出版社2023年5月第1版，定价68元）\n"
    )
    assert page_furniture(page).page == "B3"
    assert page_furniture("某某报\n\n标题\n（《某某》，某某著，2023年5月第1版）\n").page == ""


def test_a_topics_introduction_signed_by_the_editor_is_one_piece():
    topic = (
        "青春话题\n“某某社交”，你怎么看？\n"
        "　　“饭搭子”“自习搭子”……近来，“某某社交”在校园里悄然流行。有人说它轻松\n"
        "自在，也有人担心它让人际关系变浅。本期，我们请几位大学生\n谈谈自己的看法。——编者"
    )
    page = with_filler(_LONG, topic)
    found = [a for a in arts(page) if "某某社交" in body(page, a)]
    assert len(found) == 1
    assert body(page, found[0]).endswith("谈谈自己的看法。——编者")


def test_a_pupils_school_class_and_name_sign_the_essay_and_close_it():
    essay = (
        "成长笔记\n外婆的缝纫机\n"
        "　　外婆家的阁楼上，一直放着一台老式缝纫机。黑色的机身，金色的商标已经磨得看不太清。\n"
        "　　如今外婆老了，缝纫机也不转了，可它缝起了我们祖孙之间那些说不出口的牵挂。\n"
        "某某市第一中学　高二（3）班　许某某"
    )
    page = with_filler(_FEATURE_CREDITED, essay)
    found = arts(page)
    signed = next(a for a in found if "缝纫机" in body(page, a))
    assert signed.byline == "某某市第一中学高二（3）班许某某"
    feature = next(a for a in found if a.headline == "某某村：一片红叶落进古道")
    assert "缝纫机" not in body(page, feature)


_FEATURE_CREDITED = _feature("本报记者　某某某\n", "")


def test_a_property_ads_caveat_is_its_fine_print_and_the_papers_hotlines_its_foot():
    ad = (
        "某某·某某湾\n湖居洋房　二期荣耀加推\n建面约98—143㎡湖景三房　3月23日盛大开盘\n"
        "一线湖景｜地铁3号线约600米｜自带幼儿园\n售楼热线：0573-8862 9999\n"
        "项目地址：某某市滨湖大道与望湖路交会处\n开发企业：某某置业有限公司\n"
        "预售证号：某房预售证第2024017号\n本广告仅为要约邀请，所示面积均为建筑面积，最终以政府\n"
        "批准文件及买卖合同为准。"
    )
    foot = "某某房产周刊　　新闻热线：0573-8860 1234　　广告热线：0573-8860 5678"
    assert stack.page_furniture(foot)
    page = with_filler(_LONG, ad, foot)
    found = [a for a in arts(page) if a.kind == "ad"]
    assert len(found) == 1 and found[0].headline == "某某·某某湾"
    assert body(page, found[0]).endswith("买卖合同为准。")


def test_a_tables_note_in_brackets_under_its_title_is_no_row():
    table = "赛果\n（第5轮）\n某州　2∶1　某川\n某屿　1∶1　某峰\n某桥　3∶0　某沙\n某平　0∶2　某渡"
    page = with_filler(_LONG, table)
    a = by_head(arts(page))["赛果"]
    assert body(page, a).startswith("某州2∶1某川")


def test_an_ads_first_line_with_its_latin_name_is_its_headline():
    ad = (
        "某某地产 SOME PROPERTY\n卖房找某某　专业团队　华人首选\n春季拍卖　免费估价\n"
        "销售热线：0412 558 906（罗先生）"
    )
    page = with_filler(_LONG, ad)
    found = [a for a in arts(page) if a.kind == "ad"]
    assert len(found) == 1 and found[0].headline == "某某地产SOMEPROPERTY"
    assert body(page, found[0]).startswith("卖房找某某")


def test_an_issuers_name_wrapped_over_two_short_lines_signs_the_notice():
    notice = (
        "某某省级自然保护区\n管理局关于鸟类繁殖期\n核心区封闭管理的通告\n"
        "　　为保护鸟类繁殖栖息环境，根据有关规定，决定对核心区实行封闭管理。\n"
        "　　特此通告。\n"
        "　　监督电话：6612310\n"
        "某某白鹭湾省级\n自然保护区管理局\n2024年4月15日"
    )
    page = with_filler(_LONG, notice)
    a = next(x for x in arts(page) if "封闭管理" in body(page, x))
    assert a.byline == "某某白鹭湾省级自然保护区管理局"
    assert body(page, a).endswith("监督电话：6612310")


def test_a_headline_with_a_count_under_a_text_signs_nothing():
    story = (
        "某某区推进老旧小区改造\n"
        "本报讯（记者　某某）某某区今年推进老旧小区改造，解决居民的后顾之\n忧。\n"
        "老旧小区加装电梯\n今年再添120部"
    )
    page = with_filler(_LONG, story)
    a = by_head(arts(page))["某某区推进老旧小区改造"]
    assert "120部" not in a.byline


@pytest.mark.parametrize(
    "line",
    [
        "某某机场集团有限公司　　地址：某某市空港区迎宾大道1号　　新闻热线：0791-86520163",
        "编辑部电话：内线6028　投稿邮箱：tougao@example.cn",
        "本版联系电话：6381 2207　　电子信箱：waishi@example.cn",
        "全国各地邮局均可订阅　邮发代号：42-118",
        "印刷：某某日报印务中心",
        "本版责编：韦　某　校对：黄　某",
    ],
)
def test_the_papers_own_foot_lines_are_furniture(line):
    assert stack.page_furniture(line)


def test_a_notices_own_contact_line_is_no_foot():
    assert not stack.page_furniture("联系电话：0745-6231827　电子邮箱：qyfz@example.cn")
    assert not stack.page_furniture("某某公司　地址：某某路8号　电话：12345678")


def test_a_boxs_heading_over_its_field_rows_heads_a_piece_of_its_own():
    box = (
        "某某天气\n今天（25日）：多云转晴，14℃～24℃，东北风2～3级\n明天（26日）：晴，13℃～25℃，微风\n"
        "后天（27日）：晴转多云，15℃～26℃，微风\n某某县气象台10月24日16时发布"
    )
    page = with_filler(_LONG, box)
    a = by_head(arts(page))["某某天气"]
    assert body(page, a).startswith("今天（25日）")
    assert "某某天气" not in body(page, by_head(arts(page))["某某区老旧小区改造全面开工"])


def test_an_interviews_questions_and_answers_are_no_box():
    talk = (
        "对话某某导演\n　　记者：为什么选择一个这么“慢”的故事？\n"
        "　　某某：我小时候就在滩涂上长大，潮水退去后留下的东西一直让我着迷。\n"
        "　　记者：对票房有期待吗？\n　　某某：说不在乎是假的，但我更希望观众记住这些人。"
    )
    page = with_filler(_LONG, talk)
    a = by_head(arts(page))["对话某某导演"]
    assert body(page, a).endswith("记住这些人。")


@pytest.mark.parametrize(
    "line",
    [
        "新闻热线：96118（24小时）　报料有奖　欢迎来电",
        "某某晚报社会新闻部　短信报料：106575596118",
        "地址：某某区滨江路88号　新闻热线：0576-87123456　违法和不良信息举报电话：0576-87123400",
    ],
)
def test_the_newsrooms_tip_off_lines_and_a_sites_reporting_line_are_its_foot(line):
    assert stack.page_furniture(line)
    assert not stack.page_furniture("售楼热线：0573-8862 9999")


def test_an_answering_lawyer_or_doctor_is_a_credit():
    assert stack._own_byline("解答律师：某某市某某律师事务所　卢某某")
    assert stack._own_byline("答疑医生：某某医院　王某")
    assert not stack._own_byline("解答律师：根据规定，用人单位应当支付赔偿金")


def test_a_jump_marker_wrapped_at_the_columns_width_is_no_text():
    story = (
        "某某客运段暑运见闻\n"
        "　　本报讯（记者　某某）车长说，这趟车跑的就是把人安安全全送到家的活儿，\n"
        "旅客满意，比啥都强。”（下转第4\n版）"
    )
    page = with_filler(_LONG, story)
    a = by_head(arts(page))["某某客运段暑运见闻"]
    assert body(page, a).endswith("比啥都强。”")
    assert stack.page_furniture("新闻热线：96011　报料微信：chdsb96011")
    assert stack.page_furniture("本版投稿邮箱：tougao@example.cn　来稿请注明“副刊”字样")


def test_a_note_in_brackets_under_a_title_is_its_subtitle():
    assert stack._split_stack(["农产品价格行情", "（本周全省主要批发市场均价）"], wide=False) == (
        "农产品价格行情",
        ["（本周全省主要批发市场均价）"],
    )
    assert stack._split_stack(["读者热线", "（6月13日—6月19日）"], wide=True)[0] == "读者热线"


def test_a_residents_signature_and_an_ad_desks_number_in_the_foot():
    assert stack.AFFILIATION.fullmatch("城南新村12幢居民　张某某")
    assert stack.AFFILIATION.fullmatch("某某镇某某村村民　李某")
    assert stack.page_furniture(
        "社址：某某市人民路112号  邮政编码：418000  本版电话：223311  广告部：225678"
    )


def test_the_editors_reply_under_a_signed_letter_is_the_letters():
    letter = (
        "小区楼下烧烤摊油烟扰民\n　　编辑同志：我家住在某某小区，楼下烧烤摊每晚营业到凌晨，油烟\n"
        "直往楼上飘。这种情况究竟该由哪个部门来管？\n读者　何某某\n【编者回复】\n"
        "　　根据有关规定，任何单位和个人不得在居民住宅区露天烧烤。本报已将您反映的情况\n"
        "转交城市管理部门。"
    )
    page = with_filler(_LONG, letter)
    a = by_head(arts(page))["小区楼下烧烤摊油烟扰民"]
    assert body(page, a).endswith("转交城市管理部门。")


def test_a_writers_unit_over_the_title_and_name_signs_the_column():
    column = (
        "玉米大喇叭口期防治玉米螟正当时\n"
        "　　目前，春玉米陆续进入大喇叭口期，正是防治玉米螟的关键时期。\n"
        "　　施药时注意安全间隔期，避免在高温时段和大风天气施药。\n"
        "某某市某某区农业技术推广中心\n高级农艺师　刘某某"
    )
    page = with_filler(_LONG, column)
    a = by_head(arts(page))["玉米大喇叭口期防治玉米螟正当时"]
    assert body(page, a).endswith("大风天气施药。")
    assert a.byline.endswith("刘某某")


def test_a_hotlines_call_to_readers_after_a_comma_is_still_the_foot():
    assert stack.page_furniture(
        "本报新闻热线：968000（24小时）　欢迎提供新闻线索，一经采用即付报料费"
    )
    assert not stack.page_furniture("市民可拨打热线，反映问题，一经核实即时处理")


def test_a_companys_name_over_its_announcements_title_is_one_title():
    head, subs = stack._split_stack(
        [
            "证券代码：002786　　证券简称：某某智控",
            "某某智能控制股份有限公司",
            "2023年年度权益分派实施公告（摘要）",
        ],
        wide=True,
    )
    assert head == "某某智能控制股份有限公司2023年年度权益分派实施公告（摘要）"
    assert subs == ["证券代码：002786证券简称：某某智控"]
