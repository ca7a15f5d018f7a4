"""Round 27: conventions from the tune half of the 27th blind batch (a 1940s tabloid, an
investigation page, a construction firm's paper, a statistics bulletin, a poll page...),
each on invented text; and two from the tune half's blank-line copies."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.spacing import fragments, respace
from tests.segpages import arts as _arts
from tests.segpages import body as _body

LINES = [
    "南湖日报　2025年3月6日　第3版　两会特刊",
    "代表委员热议政府工作报告",
    "本报北京3月5日电（记者 林海）",
    "5日上午，十四届全国人大三次会议在人民大会堂开幕，代表委员们认真听取政府工作报告，纷纷表示报告鼓舞人心、催人奋进，为今年工作指明了方向。",
    "大家表示，要把报告确定的各项任务落到实处，以实干实绩推动高质量发展迈出新步伐。",
    "代表声音",
    "◆“要持续优化营商环境，让民营企业敢投敢闯，在发展中找到更大空间。”——全国人大代表、南湖机械有限公司总经理许振华",
    "◆“建议将更多慢性病用药纳入医保报销范围，切实减轻患者看病负担。”——全国人大代表、南湖第一医院院长陶静",
    "3月5日，代表们步入人民大会堂，准备参加十四届全国人大三次会议开幕会。本报记者 陈立军 摄",
    "我省代表团提交议案建议86件",
    "本报北京3月6日电（记者 林海）",
    "截至6日，我省代表团共提交议案5件、建议81件，内容涉及科技创新、乡村振兴、生态保护等方面。",
    "春耕时节农机忙",
    "本报讯（记者 周丽 通讯员 王强）",
    "连日来，我市各地抢抓农时开展春耕生产，田间地头处处是农机穿梭的繁忙景象。",
    "市农业农村局负责人介绍，今年全市投入春耕的各类农机具超过两万台套，机耕面积预计达到九成以上。",
    "为保障农资供应，各地供销社提前备足化肥、种子和农膜，确保不误农时。",
    "城区新增三处口袋公园",
    "本报讯（记者 许晴）",
    "近日，我市城区新建的三处口袋公园陆续开放，为周边居民提供了休闲健身的好去处。",
    "这些口袋公园利用闲置地块改造而成，配有步道、座椅和儿童游乐设施。",
    "市民李女士说，以前这里是一片荒地，现在每天晚饭后都会带孩子来散步。",
]
PAGE = "\n\n".join(LINES) + "\n"


def test_a_quotes_speaker_or_a_glued_credit_is_no_line_cut_mid_clause():
    # a web copy with a blank line after every line is read line by line; a layout
    # extraction's boxes cut mid-clause (…。同时，临) are not, and these lines are no such cut
    assert respace(PAGE) is not None and not fragments(PAGE)
    heads = [a.headline for a in _arts(PAGE)]
    assert "春耕时节农机忙" in heads and "城区新增三处口袋公园" in heads, heads


def test_a_bulleted_list_on_a_page_set_a_paragraph_to_a_line_ends_at_its_last_item():
    for page in (PAGE, PAGE.replace("\n\n", "\n")):
        found = _arts(page)
        voices = next(a for a in found if a.headline == "代表声音")
        assert article_body(page, voices).endswith("南湖第一医院院长陶静")


TABLOID = "\n".join(
    [
        "明星報",
        "中華民國三十七年三月四日",
        "星期四　第二版",
        "【影壇雜碎】",
        "新人紅得發紫",
        "◎阿木林",
        "新近從香港來滬之女明星某",
        "某，一部新片尚未殺青，各報",
        "已爭相刊其玉照，片商更捧出",
        "大把鈔票搶簽合同，可謂紅得",
        "發紫矣。據知情人言，此姝在",
        "港時本是歌女出身，一口粵語",
        "尚未改過，拍片時全靠配音。",
        "【書場漫步】",
        "老聽客的脾氣",
        "◎半瓶醋",
        "書場裏的老聽客，大抵脾氣古",
        "怪，坐慣了的位子旁人坐不得，",
        "聽慣了的先生換不得，茶要泡",
        "得釅，瓜子要炒得香，稍不如",
        "意便拂袖而去，書場老闆也只",
        "好賠著笑臉，不敢得罪。",
        "便民服務",
        "◎常用電話",
        "火警　〇九　匪警　一一〇",
        "◎本週天氣",
        "晴轉多雲，氣溫回升。",
    ]
)


def test_a_pen_name_after_a_double_circle_is_the_columns_byline():
    found = _arts(TABLOID)
    by_head = {a.headline: a for a in found}
    assert by_head["新人紅得發紫"].byline == "◎阿木林"
    assert _body(TABLOID, by_head["新人紅得發紫"]).startswith("新近從香港來滬")
    assert by_head["老聽客的脾氣"].byline == "◎半瓶醋"
    # a list whose items each open with a double circle: its first is no pen name
    assert by_head["便民服務"].byline == ""
    assert _body(TABLOID, by_head["便民服務"]).startswith("◎常用電話")
