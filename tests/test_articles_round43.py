"""Round 43: conventions read from the tune half's pages and the round-43 blind batch.
Every text here is invented."""

from __future__ import annotations

import pytest

from qa.segment import stack
from tests.segpages import arts, body, with_filler

_LONG = "某某区老旧小区改造全面开工\n" + "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五个月。\n" for n in range(1, 13)
)


def test_an_issuer_under_a_contact_number_wrapped_at_the_columns_width_signs():
    notice = (
        "关于缴纳年度会费的通知\n"
        "　　各位会员：根据协会章程，请于本月底前缴纳年度会费，逾期视为自动退会。\n"
        "　　联系人：某某　办公室电话：\n"
        "6215437\n"
        "　　某某省铁路爱好者\n"
        "　　　　协会秘书处\n"
        "　　　2024年6月10日"
    )
    page = with_filler(_LONG, notice)
    a = next(x for x in arts(page) if "会费" in body(page, x))
    assert a.byline == "某某省铁路爱好者协会秘书处"
    assert body(page, a).endswith("办公室电话：6215437")


# a report wrapped at 32 characters, as an e-paper exports its pages
_WIDE = "".join(
    f"　　第{n}批改造的小区今年全部开工，涉及居民一千余户，工期约五\n个月，居民可以就近办理手续，"
    "社区还为行动不便的老人上门服务。\n"
    for n in range(1, 9)
)


def test_a_name_with_a_note_on_the_author_under_a_title_is_the_byline():
    column = (
        "算法治理要走在前面\n"
        "某某某（作者为某某大学法学院教授）\n"
        "　　从写诗作画到辅助诊疗，人工智能正以前所未有的速度走进生产生活，治理也要跟上。\n"
        "　　鼓励创新与防范风险并重，才能行稳致远。"
    )
    page = with_filler(_WIDE, column)
    a = next(x for x in arts(page) if "治理也要跟上" in body(page, x))
    assert a.headline == "算法治理要走在前面"
    assert a.byline == "某某某（作者为某某大学法学院教授）"


def test_a_bare_name_under_a_whole_title_on_a_wide_page_is_the_writers():
    column = (
        "【某某时评】\n"
        "让社区服务更有温度\n"
        "韩某某\n"
        "　　前不久，城东一个社区把闲置的物业用房改造成共享空间，老人和孩子都有了去处。\n"
        "　　小事办好了，群众的幸福感就会多一分。"
    )
    page = with_filler(_WIDE, column)
    a = next(x for x in arts(page) if "共享空间" in body(page, x))
    assert a.headline == "让社区服务更有温度"
    assert a.byline == "韩某某"


# a supplement's essay set in narrow columns, as the page around the pieces under test
_ESSAY = "老屋的檐\n□林某某\n" + "".join(
    f"　　老屋是祖父手上盖起来的，第{n}年\n檐下的燕子窝年年有燕子回来。\n" for n in range(1, 10)
)


def test_a_name_of_three_under_a_column_label_and_title_is_the_writers():
    essay = (
        "读书札记\n重读《某某散记》\n王某某\n"
        "　　年轻时读这本散记，只觉得\n是一部游记，读着新鲜。\n"
        "　　人到中年再读，才慢慢读出\n了其中的温厚与悲悯。"
    )
    page = with_filler(_ESSAY, essay)
    a = next(x for x in arts(page) if "温厚与悲悯" in body(page, x))
    assert a.headline == "重读《某某散记》"
    assert a.byline == "王某某"


def test_a_poets_name_under_the_title_and_an_artworks_caption_under_the_poems():
    poems = (
        "秋天的几个侧面（组诗）\n江某\n稻田\n风一吹，整片田野\n就弯下腰去\n向土地致谢\n\n"
        "晒秋\n辣椒和南瓜\n把屋顶染成一幅画\n母亲站在梯子上"
    )
    picture = "秋江晚渡（中国画）　　何某某　作"
    page = with_filler(_ESSAY, poems, picture)
    found = arts(page)
    poem = next(x for x in found if "弯下腰去" in body(page, x))
    assert poem.byline == "江某" and body(page, poem).startswith("稻田")
    assert body(page, poem).endswith("母亲站在梯子上")
    cap = next(x for x in found if x.kind == "caption")
    assert body(page, cap) == "秋江晚渡（中国画）" and cap.byline == "何某某作"


def test_an_advertisers_website_under_its_contact_line_is_the_ads():
    ad = (
        "某某电缆　传输光明\n某某电缆有限公司\n主导产品：电力电缆　控制电缆\n"
        "电话：0510-87216688　　传真：0510-87216699\n网址：www.moumoucable.com"
    )
    page = with_filler(_LONG, ad) + "\n主编：某某　　责任编辑：某某\n本版邮箱：news@moumou.cn\n"
    a = next(x for x in arts(page) if "电力电缆" in body(page, x))
    assert body(page, a).endswith("网址：www.moumoucable.com")
    assert "news@moumou.cn" not in "".join(body(page, x) for x in arts(page))


def test_a_tables_compiler_is_no_header_row_and_its_wrapped_note_runs_on():
    table = (
        "省城批发市场\n蔬菜价格（5月20日）\n本报记者　某某　整理\n"
        "大白菜　　　1.60元/公斤\n上海青　　　3.20元/公斤\n菠　菜　　　5.40元/公斤\n"
        "芹　菜　　　4.80元/公斤\n黄　瓜　　　3.60元/公斤\n"
        "注：以上为批发均价。本周叶\n菜类价格小幅回落，瓜果类价\n格基本持平。"
    )
    page = with_filler(_ESSAY, table, _ESSAY)
    found = arts(page)
    a = next(x for x in found if "1.60元" in body(page, x))
    assert body(page, a).startswith("大白菜") and body(page, a).endswith("格基本持平。")
    assert a.byline == "本报记者某某整理"
    assert not any(body(page, x).startswith("菜类价格") for x in found)


def test_a_front_pages_long_masthead_block_and_its_contents_box_are_furniture():
    head = (
        "某州日报\nMOUZHOU RIBAO\n中共某州市委机关报\n某州日报社出版\n国内统一连续出版物号\n"
        "CN 43-0000\n第9821期　今日8版\n2024年5月16日\n星期四\n农历甲辰年四月初九\n"
        "天气：多云转阵雨\n21℃～28℃　南风2～3级\n新闻热线：0745-0000000\nA1\n\n"
    )
    box = "今日导读\nA2　市政府常务会议\n　　研究部署防汛工作\nA3　某某工匠评选\n　　结果揭晓"
    page = with_filler(_ESSAY, box, _ESSAY, head=head)
    found = arts(page)
    assert len(found) == 4  # the filler's two reports and the two essays
    assert not any("CN43" in body(page, x) or "防汛" in body(page, x) for x in found)


@pytest.mark.parametrize(
    "top,name",
    [
        ("第三版　　　　　　某　江　报\n一九六二年五月八日　星期二\n", "某江报"),
        ("某江报　　　　第三版\n一九六二年五月八日　星期二\n", "某江报"),
        # guard: a name alone on its line, spaced out, is still the name
        ("某　江　报\n一九六二年五月八日　星期二　第三版\n", "某江报"),
        # guard: a menu's words set apart by single spaces are no spaced-out name
        ("要闻　专题　数字报　　　某某区新闻\n2024年5月8日　星期三\n", ""),
    ],
)
def test_a_papers_name_among_the_headers_fields_is_read_alone(top, name):
    assert stack.masthead(top + "\n某队早稻追肥普遍完成\n　　正文说，早稻长势喜人。\n") == name


def test_a_dateline_in_round_brackets_opens_the_text():
    assert stack.DATELINE.match("（本报讯）港铁观塘线昨日早上发生信号故障。")
    assert not stack.DATELINE.match("（本报记者）某某")


def test_two_whole_lines_in_traditional_print_are_headline_and_subtitle():
    assert stack._split_stack(
        ["偽造糧單騙貸逾百萬", "無業漢判囚十八個月"], False, traditional=True
    ) == ("偽造糧單騙貸逾百萬", ["無業漢判囚十八個月"])
    # elsewhere: kicker and headline, headline and subtitle, or one headline? unknown
    assert stack._split_stack(["伪造工资单骗贷逾百万", "无业男子被判囚十八个月"], False)[0] == ""


def test_clauses_over_a_line_wrapped_after_its_comma_leave_the_headline_unknown():
    stack_lines = ["春暖花开，鼻子却“罢工”了", "花粉过敏，", "为何偏偏找上你"]
    assert stack._split_stack(stack_lines, False)[0] == ""
    # guard: a plain line over clauses is the headline over its subtitle
    assert stack._split_stack(["某某路改造全面开工", "计划年底完工，", "惠及居民一万户"], False)[
        0
    ] == ("某某路改造全面开工")


def test_a_boxs_label_and_title_after_a_blank_line_are_no_crosshead_of_the_report():
    report = (
        "花粉过敏为何找上你\n本报记者　某某\n"
        + "".join(f"　　第{n}段，很多人把症状当成\n感冒，自行吃药，越拖越重。\n" for n in range(4))
        + "不是所有花粉\n都“惹事”\n"
        + "".join(f"　　第{n}段，风媒植物的花粉\n又轻又多，能随风飘散。\n" for n in range(4))
        + "免疫系统“反应过度”\n"
        + "".join(f"　　第{n}段，同样吸入花粉，\n有人没事，有人过敏。\n" for n in range(4))
    )
    box = "小知识\n花粉浓度预报怎么看\n　　花粉浓度预报通常分为五级，\n达到四级时应减少户外活动。"
    page = with_filler(_ESSAY, report.rstrip("\n"), box)
    found = arts(page)
    a = next(x for x in found if "五级" in body(page, x))
    assert body(page, a).startswith("花粉浓度预报通常分为五级")


def test_a_quoted_exclamation_under_a_blank_line_heads_a_stack_over_its_byline():
    first = (
        "电梯为啥修不好？\n晚报记者　某某\n"
        "　　电梯又坏了，居民天天爬楼。\n　　街道表示，本周内启动维修。"
    )
    second = (
        "“叔叔，我家着火了！”\n8岁男孩冷静报警　消防员救出老人\n晚报记者　某某　通讯员　某某\n"
        "　　“叔叔，我家着火了，奶奶还在屋里！”男孩在电话里说。\n　　消防员10分钟救出老人。"
    )
    page = with_filler(_ESSAY, first, second)
    found = arts(page)
    a = next(x for x in found if "本周内启动维修" in body(page, x))
    assert body(page, a).endswith("本周内启动维修。")
    b = next(x for x in found if "奶奶还在屋里" in body(page, x))
    assert b.byline == "晚报记者某某通讯员某某"


@pytest.mark.parametrize(
    "line",
    [
        "晚报微信公众号：某某晚报　　邮箱：news@moumou.cn",
        "新闻热线：0738-96160　　晚报记者24小时为您服务",
    ],
)
def test_the_papers_accounts_and_its_newsrooms_promise_are_its_foot(line):
    assert stack.page_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "本版文章仅代表作者个人观点，不构成投资建议。据此入市，风险自担。",
        "某某证券报社　地址：某某市滨江大道1288号　邮编：200120",
        "国内统一连续出版物号：CN31-0000　广告经营许可证：某工商广字第0032号",
    ],
)
def test_a_finance_pages_disclaimer_and_its_publishers_lines_are_its_foot(line):
    assert stack.page_furniture(line)


def test_a_list_ends_at_a_blank_line_under_an_item_closed_by_its_writer():
    briefs = (
        "公司速递\n"
        "　　▲某某科技：公司5月20日公告，拟以不超过1.2亿元回购公司股份，回购价\n"
        "格上限为每股28元，回购股份将用于员工持股计划。（某某）\n"
        "　　▲某某食品：公司控股子公司与某连锁零售商签订年度供货协议，预计\n"
        "合同金额约3.6亿元，约占公司去年营业收入的14%。（某某）"
    )
    ad = (
        "某某稳健增利债券型证券投资基金\n5月22日起正式发售\n"
        "基金管理人：某某基金管理有限公司　基金托管人：某某银行股份有限公司\n"
        "客服热线：400-888-6699　网址：www.moumoufund.com.cn\n"
        "风险提示：基金有风险，投资需谨慎。"
    )
    page = with_filler(_WIDE, briefs, ad)
    found = arts(page)
    a = next(x for x in found if "回购" in body(page, x))
    assert body(page, a).endswith("营业收入的14%。（某某）")


def test_letters_signed_set_deep_by_their_unit_and_names_close_over_the_next_title():
    letters = (
        "读　者　来　信\n供销社应当及时供应小农具\n"
        "　　编辑同志：\n　　眼下正是早稻田间管理的紧\n张季节，社员们需要大量的耘耙。\n"
        "　　希望供销社把小农具及时送\n到农村来。\n"
        "　　　　某某公社东风大队社员　陈某某\n"
        "我们队的会计账目清楚\n　　我们大队第五生产队的会\n计工作认真负责，账目笔笔清楚。\n"
        "　　这样的好会计值得表扬。\n"
        "　　　　某某公社白石大队　张某某　刘某某"
    )
    page = with_filler(_ESSAY, letters, _ESSAY)
    found = arts(page)
    a = next(x for x in found if "小农具" in body(page, x))
    assert body(page, a).endswith("到农村来。") and a.byline == "某某公社东风大队社员陈某某"
    b = next(x for x in found if "会计" in body(page, x))
    assert b.headline == "我们队的会计账目清楚"
    assert body(page, b).endswith("值得表扬。") and b.byline == "某某公社白石大队张某某刘某某"


def test_a_case_reports_section_labels_stay_in_the_report():
    report = (
        "定制商品能否“七天无理由”退货？\n法院：按消费者要求专门定作的商品不适用\n"
        "　　本报讯（记者　某某　通讯员　某某）消费者网购一款按个人尺寸定\n"
        "制的实木书桌，收货后要求七天无理由退货，商家拒绝后被诉至法院。近日，\n"
        "某某区人民法院审结此案，驳回了消费者的诉讼请求。\n"
        "案情回顾\n"
        "　　今年2月，李女士在某电商平台下单购买一张实木书桌，页面标注“定制\n"
        "商品，不支持七天无理由退货”。书桌送达后，李女士要求退货退款。\n"
        "法官说法\n"
        "　　“七天无理由退货是法律赋予消费者的权利，但并非没有边界。”承办法\n"
        "官表示，商家也应履行告知义务，避免因信息不对称引发纠纷。"
    )
    page = with_filler(_WIDE, report)
    a = next(x for x in arts(page) if "实木书桌" in body(page, x))
    assert body(page, a).endswith("避免因信息不对称引发纠纷。")
    assert "案情回顾" in body(page, a)


def test_the_papers_desks_telephones_are_its_foot():
    assert stack.page_furniture("总编室：0571-0000000　广告部：0571-0000001　发行部：0571-0000002")


def test_a_brief_items_own_credit_wrapped_after_its_text_is_the_items():
    briefs = (
        "要闻简报\n■6月17日，省政协召开专题协商\n会，省政协主席出席并讲话。（记者\n　某某）\n"
        "■某某博览会6月17日开幕，600\n余家企业参展。（记者　某某某）\n"
        "■省财政厅近日下达补助资金18.6\n亿元，重点支持产业发展。（记者\n　某某）"
    )
    page = with_filler(_ESSAY, briefs)
    a = next(x for x in arts(page) if "博览会" in body(page, x))
    assert body(page, a).endswith("重点支持产业发展。（记者某某）") and a.byline == ""


def test_a_collectives_credit_in_brackets_closing_the_text_is_the_byline():
    report = (
        "某某农机厂面向农村办厂\n　　某某农机厂的工人坚持面向\n农村、为农业服务。\n"
        "　　目前，这个厂正在抓紧试制\n小型耕整机。\n　　（某某农机厂工人通讯组）"
    )
    page = with_filler(_ESSAY, report, _ESSAY)
    a = next(x for x in arts(page) if "耕整机" in body(page, x))
    assert body(page, a).endswith("小型耕整机。") and a.byline == "（某某农机厂工人通讯组）"


def test_an_artworks_title_maker_and_size_between_blank_lines_are_its_caption():
    picture = "溪山秋霁图（中国画）\n吴某某\n纸本设色　96×178厘米　2023年"
    page = with_filler(_ESSAY, picture, _ESSAY)
    cap = next(x for x in arts(page) if x.kind == "caption")
    assert cap.headline == "溪山秋霁图（中国画）" and cap.byline == "吴某某"
    assert body(page, cap) == "纸本设色96×178厘米2023年"


def test_a_reporters_credit_after_a_solid_square_is_a_byline_and_keeps_the_crossheads():
    feature = (
        "雪线之上的“移动界碑”\n——记某边防团巡逻分队官兵\n■本报记者　冯　某　特约通讯员　杨　某\n"
        "　　海拔4800米的达坂上，六月依然飘着雪。清晨6时，巡逻分队的官兵背起\n背囊出发。\n"
        "一条走了三十年的巡逻路\n"
        "　　这条巡逻路全长86公里，要翻越3座冰达坂、蹚过5条冰河，一走就是一\n整天。\n"
        "新装备让巡逻插上“翅膀”\n"
        "　　这两年，巡逻分队陆续配发了无人机，但有些地方，还得靠官兵一步一步\n走到。"
    )
    page = with_filler(_WIDE, feature)
    a = next(x for x in arts(page) if "达坂" in body(page, x))
    assert a.byline == "■本报记者冯某特约通讯员杨某"
    assert body(page, a).endswith("一步一步走到。")


def test_a_one_item_list_closed_by_its_items_credit_reads():
    # (the wrapped-credit check once looked at the line above the last, which a one-line
    # list does not have, and the page failed to read)
    briefs = "要闻简报\n■6月17日，省政协召开专题协商会，省政协主席出席并讲话。（记者　某某）"
    page = with_filler(_ESSAY, briefs, _ESSAY)
    a = next(x for x in arts(page) if "协商会" in body(page, x))
    assert body(page, a).endswith("讲话。（记者某某）")
