"""Round 30: conventions from the tune half of the 30th blind batch (a 1970s Taiwan daily, a
nuclear plant's paper, an expressway group's paper, a pharmaceutical paper, a Chinese paper in
Japan, a US Chinese community paper, a 1930s pictorial, an art market weekly, a public-health
web copy, an alumni newsletter...), each on invented text."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment import stack
from qa.segment.fold import simplified
from qa.segment.layout import is_furniture
from tests.segpages import arts as _arts
from tests.segpages import by_head as _by_head
from tests.segpages import lines_page, with_filler

_page = with_filler
_unspaced = lines_page


def _furn(line: str) -> bool:
    return stack._furniture(stack._lines(simplified(line))[0])


def test_a_reporter_and_the_place_reported_from_is_a_byline():
    page = _page(
        "市议会通过华埠停车新规\n"
        "路边咪表延长至晚间八时　商户忧客流流失\n"
        "记者陈敏　橡景报道\n"
        "橡景市议会4月9日晚以五票赞成、两票反对，通过华埠商业区路边停车新规。\n"
        "市交通局表示，华埠近年晚间用餐客流增加，路边车位周转率偏低。"
    )
    a = _arts(page)[-1]
    assert a.byline == "记者陈敏橡景报道"
    # a stack of two lines, its second two phrases: kicker and headline, or headline and
    # subtitle? not the byline's line for a third: never the subtitle as the headline
    assert a.headline != "路边咪表延长至晚间八时商户忧客流流失"


def test_an_alumnus_signs_with_the_class_and_a_thanks_notice_follows_unspaced():
    page = _unspaced(
        "南屿大学校友通讯",
        "2023年12月15日　第3版",
        "梧桐道上的灯光",
        "文／葛舒",
        "那年冬天，宿舍楼前的路灯坏了好几盏，晚自习",
        "回来，总要摸黑走一段。看门的周师傅就在门口",
        "支起一盏马灯，一直等到最后一个学生回来。",
        "去年回校，路灯换成了新式的，比从前亮了许多",
        "。我在长椅上坐了很久，想起周师傅。有些光，",
        "照亮的不只是一段路。",
        "1985级　葛舒",
        "鸣　谢",
        "2023年9月1日至11月30日，以下校友及单位向",
        "南屿大学教育发展基金会捐赠，谨致谢忱：",
        "澄州校友会　30万元",
        "卢承志（1986级机械）　20万元",
        "如有遗漏，敬请指正。",
        "南屿大学教育发展基金会",
        "讣　告",
        "我校1956级物理系校友沈鹤先生，因病医治无效，",
        "于2023年12月6日在南屿逝世，享年89岁。",
    )
    found = _by_head(_arts(page))
    assert found["梧桐道上的灯光"].byline.endswith("1985级葛舒")
    assert found["鸣谢"].byline == "南屿大学教育发展基金会"
    assert article_body(page, found["讣告"]).startswith("我校1956级物理系校友")


def test_a_credit_naming_the_staff_unnamed_closes_a_caption():
    assert stack._CREDIT_ALONE.fullmatch("本刊特约记者摄")
    assert stack._PHOTO.search("装前检查。（摄影　王泽宇）")


def test_page_numbers_staff_lines_nav_and_registration_are_furniture():
    assert is_furniture("第三页")
    assert is_furniture("本版责任编辑：彭雯　　版式：唐静")
    for line in (
        "<<上一版　下一版>>",
        "中華郵政臺字第一○三三號執照登記為第一類新聞紙類",
        "行政院新聞局出版事業登記證局版臺字第○一二七號",
        "主办：东岚核电有限公司　　内部资料　免费交流　　准印证号：（辽）D0213",
        "日华新报　THE NIKKA SHIMPO　　　　第1187期",
        "日华新报社　〒171-0014 东京都丰岛区池袋2-47-3",
    ):
        assert _furn(line), line
    # a sentence naming a registration is text
    assert not _furn("该报去年取得出版事业登记证，今年正式发行。")


def test_an_announcements_number_of_the_year_under_its_title_is_a_subtitle():
    page = _page(
        "国家药监局关于注销十八个药品注册证书的公告\n"
        "（2023年第152号）\n"
        "　　根据《中华人民共和国药品管理法》有关规定，国家药品监督管理局决定注销十八个药品\n"
        "注册证书。特此公告。"
    )
    a = _arts(page)[-1]
    assert a.headline == "国家药监局关于注销十八个药品注册证书的公告"
    assert article_body(page, a).startswith("根据《中华人民共和国药品管理法》")


def test_a_titled_notices_issuer_and_date_over_a_blank_line_sign_it():
    page = _page(
        "关于中秋节假期小型客车免费通行的通告\n"
        "　　根据有关规定，现将集团所辖高速公路中秋节假期小型客车免费通行有关事项通告如下：\n"
        "　　一、免费时段：9月29日0时至10月6日24时。\n"
        "　　特此通告。\n"
        "　　　楚通高速公路集团有限公司\n"
        "　　　　　　　2023年9月25日",
        "假期出行安全提示\n　　出行前请检查车况，合理安排行程，避免疲劳驾驶。",
    )
    found = _by_head(_arts(page))
    notice = found["关于中秋节假期小型客车免费通行的通告"]
    assert notice.byline.startswith("楚通高速公路集团有限公司")
    assert article_body(page, notice).endswith("特此通告。")


def test_a_writers_name_set_well_to_the_right_closes_the_text():
    page = _unspaced(
        "江海艺术报　2023年11月17日　星期五　第7版　收藏周刊",
        "责任编辑：许朗　美术编辑：陈立",
        "在留白处看见时间",
        "　　正在鹭江美术馆展出的当代水墨展，集中呈现了十二位画家近五年的新作。与其说",
        "这是一次技法的展示，不如说是一次关于时间与心性的回望。",
        "　　总体而言，这是一个诚恳的展览。展览将持续至12月20日。",
        "　　　　　　　　　　　　彭书晏",
        "秋拍季古籍善本受追捧",
        "　　本报讯　今秋各大拍卖行的古籍善本专场成交率普遍超过八成，多件明清刻本拍出",
        "高价，业内人士认为这与近年藏家结构的变化有关。",
    )
    found = _by_head(_arts(page))
    review = found["在留白处看见时间"]
    assert review.byline == "彭书晏"
    assert article_body(page, review).endswith("展览将持续至12月20日。")
    assert article_body(page, found["秋拍季古籍善本受追捧"]).startswith("今秋各大拍卖行")


def test_a_placed_dispatch_of_the_papers_own_news_with_its_reporters_is_a_dateline():
    m = stack.DATELINE.match("本报横滨讯（通讯员　郑华）端午将至，同乡会举办包粽会。")
    assert m and m.group() == "本报横滨讯（通讯员　郑华）"
    # a paper's own 讯 without reporters in brackets is no such dateline
    m = stack.DATELINE.match("本报横滨讯端午将至")
    assert not m or m.group() != "本报横滨讯"


def test_a_wrapped_pages_masthead_line_with_its_romanised_name_stays_whole():
    from qa.segment.unwrap import unwrap

    text = "东京华侨华人联合总会举行年度会员大会在池袋一家酒店举行来自关东地区各华人团体的代表出席"
    cut = []
    for k in range(12):  # cut at 35 characters, some lines opening with a comma (禁则)
        line = ("，" if k % 3 == 1 else "") + text
        cut.append(line[:35])
    masthead = "日华新报　THE NIKKA SHIMPO　　　　　　　　第1187期"
    masthead += "　" * (35 - len(masthead))
    header = "2024年5月16日　星期四　　　　　第3版　华人社区・生活"
    page = "\n".join([masthead, header, *cut]) + "\n"
    joined, _back = unwrap(page)
    assert joined.split("\n")[0].rstrip() == masthead.rstrip()
