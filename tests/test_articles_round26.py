"""Round 26's conventions (a batch of twelve new styles: a museum's newsletter, an opera
page, a court's defaulters page, a traffic-police page, a work report, a utilities'
notices page, a memorial page, a readers' letters page, a film page, a railway timetable
page, a children's art page, a hometown page for overseas Chinese), each on text invented
for the test."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.stack import _split_stack
from tests.segpages import arts as _arts
from tests.segpages import by_start as _by_start

KIDS = "\n".join(
    [
        "春芽少儿报",
        "2024年5月17日　星期五　第4版　小画家·小作者",
        "责任编辑：林小溪　美术编辑：周一帆",
        "《我的妈妈》　李小雨　7岁　城关实验小学一年级",
        "小雨把妈妈的长头发画成了一道彩虹，她说，这样妈妈每天都会很开心。",
        "《太空菜园》　赵一鸣　10岁　青石镇中心小学四年级",
        "一鸣想在空间站里种西红柿和黄瓜，让航天员叔叔天天吃上新鲜蔬菜。",
        "我家的小菜园",
        "城关实验小学三年级（2）班　陈思远",
        "我家阳台上有一个小菜园，种着青菜、小葱和两棵西红柿。每天放学，我都要去看看它们长高了没有。",
        "上个星期，西红柿终于红了，我摘下一个最大的送给奶奶，奶奶笑得合不拢嘴。",
    ]
)


def test_a_childs_work_is_headed_by_its_title_and_signed_by_its_maker():
    arts = _arts(KIDS)
    drawing = _by_start(KIDS, arts, "小雨把妈妈的长头发")
    assert drawing.kind == "caption" and drawing.headline == "《我的妈妈》"
    assert drawing.byline == "李小雨7岁城关实验小学一年级"
    space = _by_start(KIDS, arts, "一鸣想在空间站里")
    assert space.headline == "《太空菜园》"
    assert article_body(KIDS, space).endswith("新鲜蔬菜。")


def test_stacks_of_round_26():
    # a name with the years of a life is a biography's whole headline
    assert _split_stack(["林秀英（1925—1949）", "溪源县第一位女游击队员"], False) == (
        "林秀英（1925—1949）",
        ["溪源县第一位女游击队员"],
    )
    # a word of four over a line twice as wide: a column's name over the headline
    assert _split_stack(["戏曲常识", "水袖为何有长有短"], False)[0] == "水袖为何有长有短"
    # a review's kicker naming the work
    assert _split_stack(["评电影《晚潮》", "一座小城的退潮与涨潮"], False) == (
        "一座小城的退潮与涨潮",
        ["评电影《晚潮》"],
    )
    # a kicker of two phrases wrapped onto a short line over the headline
    head, subs = _split_stack(
        ["二十六年坚守车厢　一万多个日夜陪", "伴旅客", "“老周”的车厢就是家"], False
    )
    assert head == "“老周”的车厢就是家" and subs == ["二十六年坚守车厢一万多个日夜陪伴旅客"]
    # a wrapped headline's halves stay joined
    assert _split_stack(["社区书场", "开讲两周年"], False)[0] == "社区书场开讲两周年"


LETTERS = "\n".join(
    [
        "江州日报　2024年9月12日　星期四",
        "第6版　民情信箱",
        "责任编辑：孙雅琴　美术编辑：高鹏",
        "小区门口早市占道，何时能管管？",
        "编辑同志：",
        "我家住在江北区滨河路锦绣苑小区。最近小区门口每天清晨都有早市，摊位一直摆到马路中间。",
        "早上7点前后正是上班、送孩子上学的高峰，车辆进出非常困难，希望有关部门管一管。",
        "江北区　读者　周先生",
        "【回复】",
        "周先生：您好！感谢您对市容环境的关心。经与滨河街道会商，我局已在附近设置临时便民疏导点。",
        "下一步，我们将会同街道加强巡查，对占道经营现象，欢迎拨打12345热线反映。",
        "回复单位：江北区综合行政执法局",
        "早高峰公交“满载甩站”，能否加密班次？",
        "我每天早上在城南新村站乘坐K12路公交车，经常遇到车辆满载不停靠的情况，等车要二十多分钟。",
        "希望公交公司能在早高峰加开区间车，或者缩短发车间隔。",
        "城南区　读者　吴女士",
        "【回复】",
        "吴女士：您好！您反映的情况确实存在。自9月9日起，我们已在早高峰加开区间车6班次。",
        "我们将持续跟踪客流变化，适时优化运力配置。感谢您的理解与支持。",
        "回复单位：江州公交集团有限公司",
        "本版邮箱：jzrb_mqxx@163.com",
    ]
)


def test_a_letter_and_its_reply_signed_by_the_answering_office():
    arts = _arts(LETTERS)
    reply = _by_start(LETTERS, arts, "周先生：您好")
    assert reply.byline == "回复单位：江北区综合行政执法局"
    assert article_body(LETTERS, reply).endswith("热线反映。")
    # the next letter is a piece of its own (its question title is read as its first
    # line here: a question over text on a flat page is not yet told from a sentence)
    letter = next(a for a in arts if "我每天早上在城南新村站" in article_body(LETTERS, a))
    assert article_body(LETTERS, letter).endswith("缩短发车间隔。")
    assert letter.byline == "城南区读者吴女士"
    last = _by_start(LETTERS, arts, "吴女士：您好")
    assert last.byline == "回复单位：江州公交集团有限公司"


HOTLINE = "\n".join(
    [
        "临州都市报　2024年6月18日　星期二　第A07版　民生热线",
        "【部门回复】",
        "城东路公交站台为何后移200米？",
        "　　市民来电：家住城东路新民小区的李女士来电反映，原本设在小",
        "区门口的公交站台，5月底突然搬到了200米外的路口，希望能搬回原处。",
        "　　回复单位：临州市交通运输局",
        "　　回复内容：经核实，因城东路进行雨污分流管网改造，原站台所在",
        "路段需封闭施工，施工结束后站台将恢复原位。感谢市民的关心和支持。",
    ]
)


def test_a_labelled_reply_unit_over_the_reply_is_no_signature():
    arts = _arts(HOTLINE)
    assert len(arts) == 1
    assert article_body(HOTLINE, arts[0]).endswith("感谢市民的关心和支持。")


MEMORIAL = "\n".join(
    [
        "溪源报　2024年4月3日　星期三",
        "第3版　缅怀先烈",
        "我县各界干部群众",
        "祭扫革命烈士陵园",
        "　　本报讯（记者　程立文　通",
        "讯员　王海燕）4月2日上午，溪",
        "源县革命烈士陵园松柏苍翠，庄",
        "严肃穆。县四套班子领导与驻溪",
        "部队官兵、各界群众代表一起向",
        "革命烈士敬献花篮，并在纪念碑",
        "前重温入党誓词。随后，大家依",
        "次瞻仰烈士墓，缅怀先烈事迹。",
        "　　连日来，全县各中小学也组",
        "织学生走进陵园开展主题教育，",
        "不少市民通过网络平台进行网上",
        "祭扫，寄托哀思。",
        "　　4月2日，城关中学学生在革命烈",
        "士纪念碑前敬献鲜花。　　本报记者",
        "程立文　摄",
        "陈守义（1919—1947）",
        "　　陈守义，溪源县石门镇人，1938",
        "年参加革命，1947年在战斗中牺牲。",
        "他曾三次负伤，仍坚持战斗在一线，",
        "牺牲时年仅二十八岁。",
    ]
)


def test_a_captions_bare_credit_wrapped_at_the_width_closes_the_caption():
    # (on a page that sets no blank line, as the memorial page that taught it)
    arts = _arts(MEMORIAL)
    lead = _by_start(MEMORIAL, arts, "4月2日上午")
    assert article_body(MEMORIAL, lead).endswith("寄托哀思。")
    caption = _by_start(MEMORIAL, arts, "4月2日，城关中学")
    assert caption.kind == "caption"
    assert article_body(MEMORIAL, caption).endswith("敬献鲜花。")  # the role is the credit's
    assert caption.byline == "本报记者程立文摄"


def test_a_letters_question_title_over_its_salutation():
    page = "\n".join(
        [
            "江州日报　2024年9月12日　星期四",
            "第6版　民情信箱",
            "责任编辑：孙雅琴",
            "小区门口早市占道，何时能管管？",
            "编辑同志：",
            "我家住在江北区滨河路锦绣苑小区。最近小区门口每天清晨都有早市，摊位一直摆到马路中间。",
            "早上7点前后正是上班、送孩子上学的高峰，车辆进出非常困难，希望有关部门管一管。",
            "江北区　读者　周先生",
        ]
    )
    (letter,) = _arts(page)
    assert letter.headline == "小区门口早市占道，何时能管管？"
    assert article_body(page, letter).startswith("编辑同志：")


def test_an_e_papers_name_in_its_tag_is_the_publication():
    page = "\n".join(
        [
            "《今日浔溪》电子版　2024年06月12日　星期三　第03版：民生",
            "",
            "城关镇老旧小区改造进度过半",
            "融媒记者　吴晓岚",
            "　　6月10日，记者在城关镇桂花园小区看到，施工人员正在铺设雨污分流管网。",
        ]
    )
    (story,) = _arts(page)
    assert story.publication == "今日浔溪"
    assert story.headline == "城关镇老旧小区改造进度过半"
