"""Round 23's conventions (a batch of twelve new styles: a farm-weather page, a children's
science paper, a calligraphy supplement, a securities daily, a police bulletin, a seniors'
university paper, a 1980s county paper, a music page, an environmental NGO's newsletter, a
puzzle page, a logistics paper, a local-history page), each on text invented for the
test."""

from __future__ import annotations

from qa.evaluate import article_body
from tests.segpages import arts as _arts

LETTER = "\n".join(
    [
        "青川报　一九八六年五月十四日　星期三　第二版",
        "",
        "县农机站培训拖拉机手",
        "本报讯（通讯员　黄德贵）",
        "　　五月六日至十二日，县农机站举办拖拉机手培训班，",
        "七十九人考核合格，领取了驾驶证。",
        "",
        "读者来信",
        "村里的水井为啥常干？",
        "编辑同志：",
        "　　我们村去年打了一口水井，",
        "可一到夏天就干，请问该由谁来管？",
        "石桥乡五村　张志明",
        "　　编者附言：张志明同志反映的问题，",
        "本报已转请县水利局调查处理。",
    ]
)


def test_a_readers_letter_under_a_question_with_its_salutation_and_the_editors_reply():
    arts = _arts(LETTER)
    heads = [a.headline for a in arts]
    assert "村里的水井为啥常干？" in heads  # a question over a salutation is a headline
    assert "石桥乡五村张志明" not in heads  # the signature is no headline of the reply
    news = next(a for a in arts if a.headline == "县农机站培训拖拉机手")
    assert article_body(LETTER, news).endswith("领取了驾驶证。")
    letter = next(a for a in arts if a.headline == "村里的水井为啥常干？")
    assert article_body(LETTER, letter).startswith("编辑同志：")
    assert letter.byline == "石桥乡五村张志明"


ART = "\n".join(
    [
        "澄江日报　2025年6月6日　星期五　第11版　翰墨",
        "",
        "《春江》　何远舟　68×136cm",
        "",
        "《山居》　何远舟　96×178cm",
        "",
        "笔墨深处见性情",
        "——记画家何远舟",
        "文/苏念白",
        "初见何远舟，是在老城区一条小巷深处的画室里。满墙的山水小品，墨色清润。",
        "何远舟1951年生于澄江县一个教书先生之家，自幼随祖父临帖习画，六十年不辍。",
        "退休后，他把更多的精力放在书画教育上，十余年来义务授课的学生已有三百多人。",
        "谈及今后的打算，他说想把几十年的心得整理成书，留给喜欢书画的年轻人。",
        "",
        "丰禾有机肥",
        "一次施肥　全季供肥",
        "养分缓慢释放，肥效长达90天。",
        "各乡镇农资服务店均有销售",
        "丰川农资有限公司　服务热线：0739-5526188",
    ]
)


def test_artwork_captions_and_a_short_ad_with_one_line_of_copy():
    arts = _arts(ART)
    caps = [a for a in arts if a.kind == "caption"]
    assert len(caps) == 2 and all(not a.headline for a in caps)
    assert article_body(ART, caps[0]) == "《春江》何远舟68×136cm"
    ad = next(a for a in arts if "服务热线" in article_body(ART, a))
    assert ad.kind == "ad" and "《山居》" not in article_body(ART, ad)


def test_a_label_over_an_issuers_notice_title_is_dropped():
    page = "\n".join(
        [
            "平安东川　2025年5月9日　星期五　第6版",
            "",
            "警情通报",
            "东川市公安局关于近期电信网络诈骗警情的通报",
            "近期，我市电信网络诈骗警情有所上升，现将典型案例通报如下。",
            "一、4月27日，市民王某接到自称购物平台“客服”的电话，被骗4万余元。",
            "二、4月30日，市民陈某接到自称“民警”的电话，被骗12万余元。",
            "请广大市民提高警惕，如遇可疑情况请及时拨打110报警。",
            "东川市公安局",
            "2025年5月8日",
            "",
            "社区民警上门讲防骗",
            "本报讯（通讯员　周　凯）5月7日，城东派出所民警走进社区，为居民讲解防骗知识。",
            "民警结合近期案例，提醒居民不要轻信陌生来电，不要向陌生账户转账。",
        ]
    )
    notice = _arts(page)[0]
    assert notice.headline == "东川市公安局关于近期电信网络诈骗警情的通报"
