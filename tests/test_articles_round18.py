"""Round 18's conventions (pages without blank lines, third pass), each on text invented
for the test."""

from __future__ import annotations

from qa.segment.articles import segment_page
from qa.segment.layout import flat
from qa.segment.stack import _split_stack


def _read(page: str) -> list[tuple[str, str, str]]:
    out = []
    for a in segment_page("p.txt", page):
        body = flat("".join(page[s:e] for s, e in a.body_spans))
        out.append((a.headline or "", body[:6], body[-6:]))
    return out


def test_three_line_stack_widening_to_its_last_line_is_unknown():
    # a two-line headline over its subtitle: the last line is the widest, so it is no
    # wrapped headline's rest and the last two lines are not joined under a kicker
    stack = ["前三季度全市完成", "造林面积2.4万亩", "城市绿地面积同比增长一成"]
    head, subs = _split_stack(stack, wide=False)
    assert head == ""
    assert subs == stack
    # a short kicker over a headline wrapped on two lines keeps its reading
    stack = ["雨夜救援", "三名驴友被困", "消防员连夜搜救"]
    assert _split_stack(stack, wide=False) == ("三名驴友被困消防员连夜搜救", ["雨夜救援"])
    # a dash subtitle under it: the three lines are read as before
    stack = ["秋粮收购", "新粮陆续上市", "收购价格保持平稳", "——记者走访城郊粮站"]
    head, subs = _split_stack(stack, wide=False)
    assert head == "新粮陆续上市收购价格保持平稳"


def test_short_line_over_a_line_twice_as_wide_over_a_dash_subtitle_is_unknown():
    stack = [
        "守住一方净土",
        "城郊湿地鸟类种群数量五年翻了一番",
        "——湿地公园今年迎来越冬候鸟三万多只",
    ]
    head, subs = _split_stack(stack, wide=False)
    assert head == ""
    assert subs == stack
    # halves near in width over a dash subtitle: one headline broken at a phrase, joined
    stack = ["让老街坊", "住上“暖心房”", "——城南片区改造见闻"]
    assert _split_stack(stack, wide=False)[0] == "让老街坊住上“暖心房”"


CLASSIFIED_PAGE = "\n".join(
    [
        "青禾晚报　2025年3月4日　星期二",
        "第12版　分类广告",
        "寻物启事",
        "本人于3月1日上午在青禾公园东门",
        "附近不慎遗失棕色钱包一个，内有身",
        "份证及银行卡数张，如有拾到者请与",
        "本人联系，定当面谢。",
        "联系电话：137 0000 1234",
        "周女士",
        "讣　告",
        "青禾县农机站退休职工张守诚同志，",
        "因病医治无效，于2025年3月2日逝",
        "世，享年八十二岁。遗体告别仪式定",
        "于3月5日上午在县殡仪馆举行。",
        "门面招租",
        "青禾大道与学府路交会处临街门面一",
        "间，面积约80平方米，水电齐全，适",
        "合开设餐饮、便利店等，租金面议。",
        "有意者请电：135 0000 5678（李先生）",
        "茶楼转让",
        "因本人另有发展，现将经营多年的茶",
        "楼整体转让，设包间五间，设施齐全，",
        "接手即可营业，非诚勿扰。",
        "咨询热线：0000-6543210",
        "本周天气",
        "本周我县以多云天气为主，周四前后",
        "有一次降雨过程，请注意添衣保暖。",
    ]
)


def test_a_contact_line_closes_a_classified_notice_on_a_page_without_blank_lines():
    # the contact line and the contact's name under it are the notice's; the genre heading
    # under them (讣告), a let or sale heading (门面招租, 茶楼转让) and a heading under a
    # contact line (本周天气) each open a piece of their own
    heads = [h for h, _, _ in _read(CLASSIFIED_PAGE)]
    assert heads == ["寻物启事", "讣告", "门面招租", "茶楼转让", "本周天气"]
    ends = [e for _, _, e in _read(CLASSIFIED_PAGE)]
    assert ends[0].endswith("周女士") or ends[0].endswith("1234")


def _unspaced(*rows: str, filler: int = 18) -> str:
    return "\n".join(
        [
            "临川日报　2025年5月6日　星期二",
            "第3版　综合新闻",
            *rows,
            *["夜色中的工地灯火通明，工人们仍在"] * filler,
            "加紧施工。",
        ]
    )


HEAD_BELOW_PAGE = _unspaced(
    "本报讯（记者 钟　岚）5月5日，临",
    "川大桥主体工程顺利合龙，标志着这",
    "座跨江大桥建设进入收尾阶段。",
    "临川大桥",
    "主体工程合龙",
    "雨后江城",
    "5月4日，一场春雨过后，江边步道",
    "游人如织。（本报记者 钟　岚摄）",
    "【江城夜话】",
    "工地上的灯光照亮了一座城的期盼",
)


def test_a_stack_over_a_credited_caption_splits_off_the_caption_title():
    # on a page without blank lines the stack after a body with no headline is that body's
    # headline printed below it, all but its last line: that is the caption's title
    got = _read(HEAD_BELOW_PAGE)
    assert got[0][0] == "临川大桥主体工程合龙"
    assert got[1][0] == "雨后江城"


def test_a_column_tag_makes_a_column_wide_line_under_it_a_headline_without_blank_lines():
    got = _read(HEAD_BELOW_PAGE)
    assert got[1][2] == "道游人如织。"  # the caption ends at its credit
    assert got[2][0] == "工地上的灯光照亮了一座城的期盼"


TAG_COMMA_PAGE = _unspaced(
    "本报讯（记者 钟　岚）5月5日，临",
    "川大桥主体工程顺利合龙，标志着这",
    "座跨江大桥建设进入收尾阶段。",
    "【江城夜话】",
    "修一座桥，更要修好人心",
    "一座桥连起两岸，也连起了人心。",
)


def test_a_column_tag_over_a_headline_with_a_comma_opens_a_piece_without_blank_lines():
    # a comma marks a narrow column's running text, but not under a column tag
    got = _read(TAG_COMMA_PAGE)
    assert [h for h, _, _ in got] == ["", "修一座桥，更要修好人心"]
    assert got[0][2] == "入收尾阶段。"


SIGNED_BRIEFS_PAGE = _unspaced(
    "【家长课堂】",
    "孩子挑食，别急着上火",
    "孩子挑食是很多家长的烦恼。其实，",
    "多陪孩子一起做饭，比讲道理管用。",
    "临川市妇幼保健院营养科　何　苗",
    "校园简讯",
    "■近日，临川市实验小学举行读书节。",
)


def test_a_unit_and_name_over_a_briefs_heading_signs_the_piece_above():
    got = _read(SIGNED_BRIEFS_PAGE)
    assert [h for h, _, _ in got] == ["孩子挑食，别急着上火", "校园简讯"]
    assert got[0][2] == "讲道理管用。"


TIERED_OVER_CAPTION_PAGE = _unspaced(
    "文/程　远",
    "这盘棋的胜负手在第八十七手，黑棋",
    "一步退让，换来了全局的主动。",
    "【名局细解】",
    "退一步海阔天空",
    "——评林海对周舟之战",
    "5月3日，少年棋手在赛场上凝神",
    "落子。（本报记者 程　远摄）",
    "棋坛简讯",
    "■临川市少儿围棋赛下月开赛。",
)


def test_a_tiered_stack_over_a_credited_caption_is_the_headless_piece_above():
    # a column tag or a dash subtitle marks a piece's stack, never a caption's title: where
    # the piece above has no headline, the stack is its headline printed below its body
    got = _read(TIERED_OVER_CAPTION_PAGE)
    assert got[0] == ("退一步海阔天空", "这盘棋的胜负", "全局的主动。")
    assert got[1][0] == ""  # the caption, no title
    assert got[1][1] == "5月3日，少"


SIGNED_POEM_PAGE = "\n".join(
    [
        "临川日报　2025年5月6日　星期二",
        "第8版　副刊",
        "",
        "灯塔",
        "海风吹过礁石的时候",
        "我把灯擦亮",
        "照着归来的船",
        "",
        "浪很高，夜很长",
        "船上的人在想家",
        "灯一直亮着",
        "■某海岛守备连下士　林　舟",
        "",
        "春汛",
        "本报讯（记者 钟　岚）5月5日，临川江迎来今年首次春汛，沿江各地提前做好防范。",
    ]
)


def test_a_poem_s_last_stanza_closed_by_a_bullet_signature_is_the_poem_s():
    # ■ before the poet's unit and name, a blank line under it: the poem's signature,
    # not the byline of a stack made of the last stanza's lines
    got = _read(SIGNED_POEM_PAGE)
    assert got[0] == ("灯塔", "海风吹过礁石", "家灯一直亮着")
    assert got[1][0] == "春汛"
    a = segment_page("p.txt", SIGNED_POEM_PAGE)[0]
    assert flat(a.byline) == "■某海岛守备连下士林舟"


def _wrapped(para: str, width: int = 20) -> list[str]:
    text = "　　" + para
    return [text[k : k + width] for k in range(0, len(text), width)]


CLASSICAL_POEM_PAGE = "\n".join(
    [
        "临川老年报　2025年10月9日　星期四　第4版",
        "",
        "秋天喝茶有讲究",
        "文/江　禾",
        *_wrapped("入秋以后，天气渐渐干燥，不少老人喜欢泡上一杯热茶，边喝边聊，十分惬意。"),
        "",
        *_wrapped("一是不宜空腹喝浓茶，空腹喝茶容易伤胃，引起心慌、头晕等不适。"),
        "",
        *_wrapped("二是睡前少喝，茶里的咖啡因会让人兴奋，影响睡眠，第二天没精神。"),
        "",
        *_wrapped("三是茶水不宜放置太久，隔夜茶容易变质，最好现泡现喝，喝多少泡多少。"),
        "",
        "五律·秋游江堤",
        "秋风吹柳岸，",
        "白鹭立沙洲。",
        "老友同登眺，",
        "江声入小楼。",
        "江　帆（退休教师）",
        "",
        "忆江南·晚步",
        "江岸晚，落日照渔舟。",
        "柳下闲谈听鸟语，",
        "桥边小坐看潮头。",
        "何　苇（退休职工）",
        "",
        "市老年大学秋季开学",
        *_wrapped("本报讯（记者　钟岚）10月8日，临川市老年大学秋季学期开学，共开设书法等课程。"),
    ]
)


def test_a_title_over_classical_verse_set_flush_opens_a_poem_on_an_indented_page():
    # lines of five or seven characters closed by a comma or a stop are verse, not a
    # paragraph's run-on, where the page indents its paragraphs and the verse is flush
    got = _read(CLASSICAL_POEM_PAGE)
    assert [h for h, _, _ in got] == [
        "秋天喝茶有讲究",
        "五律·秋游江堤",
        "忆江南·晚步",
        "市老年大学秋季开学",
    ]
    assert got[0][2] == "多少泡多少。"


SOURCE_CLOSED_PAGE = _unspaced(
    "垃圾分类小问答",
    "问：用过的纸巾是可回收物吗？",
    "答：不是。用过的纸巾沾有污渍，属于其他垃圾。",
    "（市环卫中心供稿）",
    "社区简讯",
    "■城南社区日前开设老年助餐点，每天为六十多位老人送餐。",
    "■城北社区组织志愿者为独居老人上门体检。",
)


def test_a_source_credit_alone_on_its_line_closes_the_piece_above_without_blank_lines():
    # （某某供稿） alone on its line closes the text above it as a reporter's credit does:
    # the short lines under it open the next piece's stack
    got = _read(SOURCE_CLOSED_PAGE)
    assert [h for h, _, _ in got] == ["垃圾分类小问答", "社区简讯"]
    assert got[0][1] == "问：用过的纸"
