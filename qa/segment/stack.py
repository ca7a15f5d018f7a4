"""Line-level segmentation for pages whose headline stacks touch their bodies.

Most printed pages set a headline stack (kicker / headline / subtitle) directly above the
article's opening: a dateline (本报讯（记者…）, 本报某地5月7日电, 新华社某地…电), a byline on its
own line (□ 某某, 文/图 本报记者 某某, 本报评论员) or the first paragraph, which is indented on
pages that indent paragraphs. Such a page is read line by line here: the cues are the
conventions below, never words of any particular page.

Every table and pattern names the newspaper convention it encodes.
"""

from __future__ import annotations

import collections
import re
import statistics
from dataclasses import dataclass, field

from qa.segment.layout import (
    CLOSING,
    EDITOR,
    HEADER_SPLIT,
    PAGE_MARK,
    PAGE_NO,
    TERMINAL,
    ends_sentence,
    flat,
    is_furniture,
)
from qa.segment.spacing import CREDIT_END

# --- conventions -------------------------------------------------------------------------

_H = r"\u4e00-\u9fff"
_NUM_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_PAREN = r"(?:\s*[（(][^（）()]{1,80}?[）)])?"
# Who files a dispatch: this paper (本报), a news agency (新华社, 中新社, any 某某社), or a
# paper by name (某某日报, 某某晚报, 某某报; a paper's website after a slash: 某某日报/某某网),
# or by the short name it calls itself in its own datelines (晨报讯, 晚报讯, 商报讯); an
# older paper's local news is 本埠讯 (news of this port or city); a site's own, 本网讯.
_SOURCE = (
    rf"(?:本报|本刊|本埠|本网|本站|[{_H}]{{1,4}}社|[{_H}]{{2,8}}(?:日报|晚报|时报|都市报|商报|报)|[{_H}]报"
    rf"(?:/[{_H}]{{1,8}}网)?)"
)
# The reporters named after a dateline without brackets, closed by 报道：
# (本报讯 记者某某、特约记者某某报道：), the form of papers that print no brackets.
_REPORTED_BY = (
    rf"(?:[\s　]*[{_H}]{{0,4}}(?:记者|通讯员)[^。！？：:（）()【】]{{1,40}}?报道[\s　]*[：:])"
)
# A dispatch may name its reporter between the paper and the place (本报特派记者 某某
# 某地11月4日电, as papers print a correspondent's report from abroad): role and name,
# the name perhaps spaced out.
_DISPATCHER = rf"(?:特派|特约|驻[{_H}]{{1,6}})?记者[\s　]*[{_H}·](?:[\s　]?[{_H}·]){{1,3}}"
_ROLE_X = r"(?:特派|特约|首席|见习|实习|学生|融媒|全媒体)?(?:记者|通讯员)|实习生"
_NAME_X = rf"[{_H}·](?:[ \t　]?[{_H}·]){{1,3}}"  # a name, perhaps spaced out (秦　朗)
_NAMES_X = rf"{_NAME_X}(?:[ \t　]+{_NAME_X}){{0,3}}"
# A dateline opening the first paragraph: 本报讯 / 某某日报讯 (the paper's own news; in
# brackets too, 【本报讯】, as Hong Kong papers print it, and 【本报消息】 as Macau's do),
# 本报某地5月7日电 / 新华社某地5月7日电
# / 某某日报某地5月7日电 (a dated dispatch; 专电, 急电 a special or urgent one), with the
# reporters in brackets or closed by 报道：. A paper's own news may be dated and placed the
# same way and still say 讯 (本报某地6月4日讯（记者…）).
DATELINE = re.compile(
    # a tabloid's dateline with its reporters set apart by spaces, no brackets, the line
    # to itself or its text run on after a space: 本报讯　记者 某某　通讯员 某某　6月12日…
    rf"{_SOURCE}[ \t　]*讯(?:[ \t　]+(?:{_ROLE_X})[ \t　]*{_NAMES_X}){{1,4}}"
    rf"(?=[ \t　]*(?:\n|$)|[ \t　]+\S[^\n]*[，。：；！？])|"
    # (or in round brackets, as Hong Kong papers print it: （本报讯）)
    rf"(?:【?{_SOURCE}\s*(?:特|专)?讯】?|【{_SOURCE}\s*消息】|[（(]{_SOURCE}\s*(?:特|专)?讯[）)])"
    rf"(?:{_REPORTED_BY}|{_PAREN})"
    # an overseas or Hong Kong paper's reporter and place in brackets, opening the first
    # paragraph: 【本报记者 某某某地报道】, 【本报某地电】, 【本报某地七日讯】
    rf"|【{_SOURCE}[^【】。！？，,：:]{{0,24}}?(?:报道|专?电|讯)】"
    # a Taiwan paper's reporter and place (報導): 【记者 某某／某地报导】
    rf"|【(?:{_SOURCE})?记者[^【】。！？，,：:]{{1,24}}?(?:报道|报导)】"
    rf"|{_SOURCE}(?:{_DISPATCHER}[\s　]+)?[{_H}]{{0,8}}\s*"
    rf"(?:(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月)?{_NUM_DAY}\s*日\s*(?:(?:专|急|特)?电|讯)(?:{_REPORTED_BY}|{_PAREN})"
    # an older paper's wire dateline names no sender, only the place and the day, and is set
    # apart from the text by a space (北京七日電　…, 漢口七日專電　…): the telegraph's
    # dispatch of papers before the 1950s
    rf"|[{_H}]{{2,4}}(?:{_NUM_DAY}月)?{_NUM_DAY}日(?:专|急|特)?电(?=[ 　]|[（(])(?:{_PAREN})"
    # (or in square brackets, run into the text: 【北平二十日专电】…)
    rf"|【[{_H}]{{2,4}}(?:{_NUM_DAY}月)?{_NUM_DAY}日(?:专|急|特)?电】"
    # a news agency's or paper's flash, labelled before its one paragraph: 新华社快讯：…
    rf"|{_SOURCE}快讯[：:]"
    # a correspondent's report from a place, in brackets before its text, as papers of the
    # 1930s-40s label it: （某地通讯）
    rf"|[（(][{_H}]{{2,6}}通讯[）)]"
    # the paper's own news placed but not dated, its reporters in brackets: 本报某地讯（某某）
    # (the bracket perhaps wrapped onto the next line: opened on the line, by its reporter)
    rf"|(?:本报|本刊)[{_H}]{{2,6}}讯(?:\s*[（(](?:[^（）()]{{0,10}}(?:记者|通讯员))[^（）()]{{1,60}}[）)]"
    rf"|(?=\s*[（(][^（）()\n]{{0,10}}(?:记者|通讯员)[^（）()\n]*$))"
)
# A byline set on its own line under the headline: □ 某某, 文/图 某某, 文/某某 图/某某,
# 本报记者 某某, 本报评论员, a county media centre's reporter (…融媒体 中心记者 某某), 记者 某某
# 通讯员 某某 (a student paper's 学生记者, an intern 实习生), 新华社记者 某某.
# A name is up to four characters, or a name transliterated from a minority or foreign
# language, its parts joined by middle dots (某某某·某某某), however long.
_NAME = r"(?:[" + _H + r"]{1,8}(?:·[" + _H + r"]{1,8}){1,3}|[" + _H + r"·]{1,4})"
_NAMES = _NAME + r"(?:[\s　]+" + _NAME + r"){0,5}"
_ROLE = r"(?:特派|特约|首席|见习|实习|学生|融媒|全媒体)?(?:记者|通讯员|评论员)|实习生"
_CREDIT = (  # 文/某某　图/某某: who wrote, who photographed (a name may be spaced out)
    # (each name perhaps after its role, several for one work: 文/记者 某某 通讯员 某某)
    r"(?:文|图|摄影|视频|制图)\s*[/／｜|]\s*(?:(?:本报)?(?:" + _ROLE + r")[\s　]*)?"
    r"[" + _H + r"·](?:[\s　]?[" + _H + r"·A-Z]){1,3}"
    # (the writer's unit or title in brackets after the name: 文/某某（某某研究室）)
    r"(?:[（(][^（）()]{2,24}[）)])?"
    r"(?:[\s　]+(?:" + _ROLE + r")[\s　]*[" + _H + r"·](?:[\s　]?[" + _H + r"·]){1,3}){0,3}"
)
_CREDIT_LINE = re.compile(_CREDIT + r"(?:[\s　]+" + _CREDIT + r")*")
# A credit labelled with the work each did, as oral histories, interviews and features
# print it: 口述：某某　整理：某某, 采写：某某, 撰文：某某, 执笔：某某; a theory or opinion
# page's author under the title, with the unit in brackets: 作者：某某（某某大学教授）; a
# Q&A's expert (答疑专家：某某大学某某处处长　某某, 嘉宾：某某); a case's reviewer
# (点评法官：某某（某某法院）).
# A content system's export labels the field in brackets instead: 【作者】本报记者 某某.
_LABELLED = (
    r"(?:(?:口述|整理|采写|采访|撰文|文字|执笔|执教|记录|编译|翻译|作者|(?:答疑|解答|点评|特邀)?专家|嘉宾"
    r"|解答|答疑|主答|点评(?:法官|律师|嘉宾|人)|(?:解答|答疑|主答|特邀)(?:律师|医生|医师|法官))\s*[：:]"
    # (整理 and its like before a slash too: 整理／本报数据组)
    r"|(?:口述|整理|采写|撰文|执笔|编译|翻译)\s*[/／]"
    r"|[【\[［](?:作者|撰稿|撰文|记者)[】\]］])\s*[" + _H + r"·]"
    r"[^。！？，,；;]{0,30}"
    # (a column's contributor by role, a space before the name and the unit and title in
    # brackets after it: 特约专家　某某（某某大学副教授）)
    r"|(?:特约|特邀|本期|本版)(?:专家|嘉宾|撰稿人?|主持人?|律师|医生|医师)[\s　]+["
    + _H
    + r"·]{2,4}"
    r"(?:[（(][^（）()。！？]{2,30}[）)])?"
)
# Reporters and camera crew each labelled with a colon, names only (记者：某某　通讯员：某某,
# 拍摄：某某　剪辑：某某, 文：某某), as an app's story credits them: a line of names, never
# an interview's question (记者：这个角色有原型吗？).
# (Southeast Asian papers label the reporter 报道：某某, over the text or under it.)
_ROLE_COLON = r"(?:记者|通讯员|实习生|摄影|拍摄|摄像|剪辑|报道|文|图)[ \t]*[：:][ \t　]*"
_LABELLED_NAMES = (
    _ROLE_COLON
    + r"["
    + _H
    + r"·]{2,4}(?:[ \t　]+(?:"
    + _ROLE_COLON
    + r")?["
    + _H
    + r"·]{2,4}){0,4}"
)
_NAMES_LINE = re.compile(_LABELLED_NAMES)
# A book's credit under an excerpt's title (书摘): the author, 著 (编著, 主编, 译), the
# publisher and the edition (某某　著　某某出版社2024年3月版): the excerpt's byline. With the
# book's title before it (《某某》　某某　著　某某出版社) it is an item of a list of new books.
_BOOK_CREDIT = (
    r"[" + _H + r"·]{2,8}(?:[\s　、]+[" + _H + r"·]{2,8}){0,3}[\s　]*(?:等\s*)?"
    r"(?:著|编著|主编|译|编译|绘)(?:[\s　]+[^\s　。！？，]{2,16}(?:出版社|书局|书店|出版公司)"
    r"[^\s　。！？，]{0,12})?"
)
_BOOK_LINE = re.compile(r"(?:《[^《》]{1,30}》[\s　]*)?" + _BOOK_CREDIT)
# A collective author, as papers of the 1960s-70s credit a unit's reporting or writing
# group (某某公社报道组, 某某厂工人写作组), alone or under 本报通讯员.
# A pupil's class: 初二（3）班, 高一2班, 七年级（5）班.
_CLASS = r"(?:[初高][一二三]|[一二三四五六七八九]年级)\s*[（(]?\d{1,2}[）)]?\s*班"
_COLLECTIVE = r"[" + _H + r"]{2,16}(?:报道组|写作组|通讯组|理论组|调查组)"
# A reporter's credit after a solid square (■本报记者 某某): a byline, no list item.
_SQUARE_CREDIT = re.compile(r"■(?:本报|本刊)?(?:特约|首席|见习)?(?:记者|通讯员)[" + _H + r"·]{2,}$")
OWN_BYLINE = re.compile(
    r"□\s*\S.{0,24}"
    # a reporter's credit after a solid square: ■本报记者　某某　特约通讯员　某某
    r"|■\s*(?:本报|本刊)?(?:特约|首席|见习)?(?:记者|通讯员)[\s　]*["
    + _H
    + r"·][^。！？，：:]{0,40}"
    # a tabloid columnist's pen name after a double circle, on its own line: ◎某某
    r"|◎\s*[" + _H + r"·]{2,5}"
    # a Southeast Asian paper's reporter before 报道, set apart by a space: 某某　报道
    r"|[" + _H + r"·]{2,4}(?:[\s　]+[" + _H + r"·]{2,4}){0,2}[\s　]+报道"
    # a song's or an opera's lyricist and composer under its title: 某某　词, 某某　曲
    r"|["
    + _H
    + r"·]{2,4}[\s　]+(?:作?词|作?曲)(?:[\s　]+["
    + _H
    + r"·]{2,4}[\s　]+(?:作?词|作?曲))?"
    # (an artwork's maker under its title: 某某　作, 某某　绘, a calligrapher's 某某　书)
    r"|[" + _H + r"·]{2,4}[\s　]+(?:作|绘|书)"
    # (an overseas paper's reporter and the place reported from: 记者某某　某地报道)
    r"|(?:本报)?记者[\s　]*[" + _H + r"·]{2,4}[\s　]+[" + _H + r"]{2,6}报道"
    # a classical poem's poet under its title, the dynasty in brackets: 〔唐〕某某
    r"|[〔［\[（(][" + _H + r"]{1,2}[〕］\]）)]\s*" + _NAME + r""
    r"|" + _COLLECTIVE + r""
    # a writer's name with a note on the author in brackets: 某某（作者为某某大学教授）
    r"|[" + _H + r"·]{2,4}[\s　]*[（(]作者(?:为|系|是|单位)[^（）()]{2,40}[）)]"
    r"|" + _LABELLED + r""
    r"|" + _LABELLED_NAMES + r""
    r"|" + _BOOK_CREDIT + r""
    r"|(?:文\s*[/／]\s*图|图\s*[/／]\s*文)[\s　：:]*\S.{1,24}"
    r"|" + _CREDIT + r"(?:[\s　]+" + _CREDIT + r")*"
    # (a periodical's, a site's or a station's own: 本刊记者 某某, 本网记者, 本台记者)
    r"|(?:本报|本刊|本网|本台|[" + _H + r"]{1,8}报|新华社|[" + _H + r"]{0,6}融媒体\s*中心)"
    r"(?:" + _ROLE + r")"
    # (the role followed by 文章 names a commentary's genre over it, a kicker: no name)
    r"(?:[\s　]*(?!文章$)" + _NAMES + r")?(?:[\s　]+(?:文\s*[/／]\s*图|图\s*[/／]\s*文))?"
    r"|(?:" + _ROLE + r")[\s　]+" + _NAMES + r""
    # (several credits set apart by a slash: 记者 某某 / 实习生 某某)
    r"(?:[\s　]*[/／][\s　]*(?:" + _ROLE + r")[\s　]*" + _NAMES + r")*"
    # a Taiwan paper's reporter and place on a line of their own: 記者 某某／某地報導
    r"|(?:本报)?(?:"
    + _ROLE
    + r")[\s　]*"
    + _NAMES
    + r"[\s　]*[／/][\s　]*["
    + _H
    + r"]{2,8}(?:报道|报导)"
    # a translator's or compiler's credit over a foreign story retold: 编译　某某, 翻译　某某
    r"|(?:编译|翻译|摘译|编写)[\s　]*[:：]?[\s　]*" + _NAMES + r""
    # a school paper's pupil reporter with the class: 学生记者　初二（3）班　某某
    r"|(?:"
    + _ROLE
    + r")[\s　]*"
    + _CLASS
    + r"[\s　]*"
    + _NAMES
    # a pupil's composition signed under its title with the school and class, and the
    # teacher who guided it: 某某小学三年级（2）班　某某, 指导老师：某某
    + r"|["
    + _H
    + r"]{0,24}"
    + _CLASS
    + r"[\s　]*"
    + _NAMES
    + r"|[（(]?\s*指导(?:教师|老师)\s*[：:]\s*"
    + _NAMES
    + r"\s*[）)]?"
)
# A pupil's school and class, the name after it or wrapped onto the next line.
_PUPIL = re.compile(r"[" + _H + r"]{0,24}" + _CLASS + r"(?:[\s　]*(" + _NAMES + r"))?")
_BARE_NAME = re.compile(r"[" + _H + r"·]{2,4}")
# A person's name of three characters opening with a common family name (王某某, 欧阳某):
# under a finished text it signs it, whatever follows (a caption's title, a column's name
# or a headline is rarely a name).
_FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝"
)
_SIGNED_NAME = re.compile(rf"[{_FAMILY}][{_H}]{{2}}")
# An author's note under a poem or essay: 作者简介：… (or the label alone over the note).
_AUTHOR_NOTE = re.compile(r"作者(?:简介|小传|简历)")
# A line of prose ends or breaks a sentence; a line of verse carries no punctuation.
_VERSE_END = re.compile(r"[。！？；，、：:,;…]")
# The rest of a byline's names wrapped onto a line of their own: one to three characters,
# or a further reporter's name transliterated with a middle dot (某某·某某某).
_NAME_WRAP = re.compile(
    r"[" + _H + r"·](?:[\s　]*[" + _H + r"·]){0,2}|[" + _H + r"]{1,8}(?:·[" + _H + r"]{1,8})+"
)
# The name's rest wrapped onto the next line with the next credit after it (本报记者　某 /
# 某　通讯员　某某某): the byline runs on over both lines.
_NAME_WRAP_ON = re.compile(
    r"[" + _H + r"·](?:[\s　]*[" + _H + r"·]){0,2}[\s　]+(?:" + _ROLE + r")[\s　]*" + _NAMES
)
_ROLE_END = re.compile(r"(?:记者|通讯员|实习生|摄影)\s*$")
# A line of a page foot's block (see segment): a field (地址：…, 电话：…), the imprint
# (某某印刷厂印刷, 某某印务中心印刷) or the paper's registration (某内登字第×号), no sentence.
_FOOT_LINE = re.compile(
    r"[" + _H + r"]{1,8}[：:][^。！？]{1,40}|[^。！？，\s]{2,20}印刷"
    r"|.{0,24}(?:登字|准印证)[^。！？]{0,24}"
)
# The paper's own credit naming no one (本报评论员, 本刊编辑部): a commentary's, set over
# its headline or under it.
_HOUSE_CREDIT = re.compile(r"(?:本报|本刊|本台|本网)(?:特约)?(?:评论员|编辑部|评论部)")
# The paper itself signing a piece under its text, as an anniversary's address to readers,
# a statement or a 献辞 is signed (本报编辑部, 本刊编辑部, 本报评论部, 《某某》编辑部): no
# text of that piece follows it.
_HOUSE_SIGN = re.compile(r"(?:本报|本刊|本台|《[^《》]{2,12}》)?(?:编辑部|评论部)")
# A signature closing a piece: （作者为…）/（作者系…）/（作者：…）/（作者单位：…）, a
# reader's 某地读者 某某, a commentator's name in brackets （某某）, the paper's commentator
# signing under the piece (本报评论员 某某), a bare name of two or three characters
# (spaced or not) on its own line, or the paper itself (_HOUSE_SIGN, above).
SIGNATURE = re.compile(
    r"[（(]\s*作者[为：:单系].{1,60}[）)]"
    r"|[（(](?!未完待续|待续|未完|全文完)[" + _H + r"]{2,4}[）)]"  # not a serial's （未完待续）
    r"|[" + _H + r"]{2,16}读者[\s　]*[" + _H + r"]{0,4}(?:先生|女士)?"
    r"|(?:本报)?(?:特约)?评论员[\s　]*" + _NAMES + r"|[" + _H + r"](?:[\s　]*[" + _H + r"]){1,2}"
    r"|[" + _H + r"·]{2,8}[（(][^（）()]{2,40}[）)]"  # 某某（影评人）, 某某（作者系…）
    r"|□[" + _H + r"·]{2,8}"  # □某某 under the last paragraph, as over the first
    # a letter's sign-off after a dash, the writer's country or place perhaps in brackets:
    # ——某某, ——某某·某某（德国）
    r"|——[" + _H + r"·]{2,12}(?:[（(][" + _H + r"]{1,10}[）)])?"
    r"|" + _HOUSE_SIGN.pattern + r""
    # a labelled credit closing a column's piece: who recommended the book, who compiled
    # or supplied the text (推荐人：某某, 整理：某某)
    r"|(?:推荐人|整理|撰稿|执笔)\s*[:：]\s*[" + _H + r"·]{2,4}"
)
# A list compiled by the paper from several sources credits it so under its heading:
# 本报综合, 综合报道, 本刊综合整理.
_COMPILED = re.compile(r"(?:本报|本刊|本网|本台)?综合(?:报道|整理|消息)?|(?:本报|本刊|本网)综述")
# A translator's credit under a letter or article retold: （某某 译）, （本报编辑 某某 译）.
_TRANSLATED = re.compile(r"[（(][^（）()]{1,16}译[）)]")
# A contributor's signature on the line under the last paragraph: where the writer lives or
# works, a space, the name (浙江某市　某某, a reader's; 某某党委　某某, 某厂工会主席
# 某某, a cadre's): words, then a name of two or three characters set apart by a space. A
# pupil's class is numbered in brackets (某某中学高二（3）班　某某), a student's year in
# figures (某某学院2021级　某某).
_SIGN_PLACE = re.compile(
    # (an alumnus's class alone before the name: 1985级　某某)
    r"(?:\d{2,4}[级届]|[" + _H + r"](?:[" + _H + r"]|[（(]\d{1,2}[）)]|\d{2,4}(?=[级届])){1,19})"
    r"[\s　]+[" + _H + r"](?:[\s　]?[" + _H + r"]){1,2}"
)
# A writer named with where they work or study, the unit and role before a space and the
# name after it: 某某大学某某专业学生　某某, 某某医院某某科　某某, 某公司仓储管理员　某某 (two
# titles joined by 、: 省政协委员、某某大学教授　某某; the unit set apart from the title:
# 某某学校　高级教师　某某; words, not characters spaced out as a heading's are). Set
# under the headline it is the byline of an expert's column; after the text, a signature.
# (班: a pupil's class, 高二（3）班; a resident: 某某新村12幢居民　某某)
_UNIT_END = (
    "公司", "集团", "局", "委员会", "中心", "学校", "大学", "学院", "中学", "小学", "医院",
    "研究院", "研究所", "科", "系", "专业", "生", "员", "师", "长", "者", "人", "家", "工",
    "主任", "年级", "教授", "院士", "博士", "代表", "项目部", "班", "居民", "村民",
)  # fmt: skip
# The day a letter was written, on its own line under the signature: 2024年6月5日.
_LETTER_DATE = re.compile(r"(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日")
# A pupil's teacher named under the pupil's signature: （指导教师：某某）
_TEACHER = re.compile(
    r"[（(]\s*指导(?:教师|老师)\s*[：:][^（）()]{1,12}[）)]|指导(?:教师|老师)\s*[：:]["
    + _H
    + r"·　 ]{2,12}"
)
_UNIT_CH = r"[" + _H + r"（）()·\d、]"
AFFILIATION = re.compile(
    rf"(?:{_UNIT_CH}{{2,20}}[\s　]+)?{_UNIT_CH}{{1,30}}?(?:" + "|".join(_UNIT_END) + r")[\s　]+"
    r"[" + _H + r"](?:[\s　]*[" + _H + r"]){1,2}"
)
# A unit's name and the names of several who sign for it (某某公社某某大队　某某　某某).
_SIGNERS = re.compile(
    rf"{_UNIT_CH}{{2,20}}?(?:"
    + "|".join((*_UNIT_END, "队", "村", "组", "站", "场", "厂", "社"))
    + ")"
    r"(?:[\s　]+[" + _H + r"]{2,3}){1,3}"
)
# A writer's unit and title on a line of their own, the name on the next (某某总工会法律顾问).
_TITLED = re.compile(
    r"[" + _H + r"（）()·\d、]{2,30}?(?:" + "|".join(_UNIT_END) + r"|顾问|律师|医师|记者)"
)
# A reporter's credit in brackets closing the last paragraph (county and district papers
# print the byline there): （记者 某某 通讯员 某某）, （通讯员 某某）; a compiler's under a
# list of briefs: （本报记者 某某 整理）. A post's topic tags (#某某#) close its text as a
# full stop does.
_TAIL_CREDIT = re.compile(
    r"(?:^|(?<=[。！？”」…#]))\s*[（(]\s*(?:(?:本报)?(?:" + _ROLE + r")[^（）()]{1,50}"
    # (or a collective's: （某某厂工人通讯组）, （某某公社报道组）)
    r"|" + _COLLECTIVE + r")[）)]\s*$"
)
# A short signature in brackets ending the last paragraph of a commentary: 。（某某）
# (after a finished sentence, or alone on the last line; the name may be spaced out). A
# bracketed name after a phone number is a notice's contact person, not a signature; a
# serial's instalment closes with （未完待续）, no name.
_TAIL_NAME = re.compile(
    r"(?:^|(?<=[。！？”」…]))\s*[（(](?!\s*(?:未完待续|待续|未完|续完|全文完)\s*[）)])"
    r"\s*[" + _H + r"](?:[\s　]*[" + _H + r"]){1,3}\s*[）)]\s*$"
)
# A photo credit ending a caption: （记者 某某 摄）, or the picture's source when the paper
# did not take it (（某某档案馆供图）, a unit's or reader's picture supplied to the paper; a
# news agency's distributed, （新华社发）, or its copy, as pages of the 1950s-70s credit it:
# （新华社稿）). A pupil's class may stand in brackets inside
# it: （学生记者 初二（1）班 某某 摄）.
# An artwork's credit in brackets closes its caption too, the maker's verb set apart by a
# space (（某某厂　某某　作）, （某某　绘）), as under it on a line of its own (_ART_CREDIT).
_PHOTO = re.compile(
    # (a news agency's picture, distributed, names the agency before it: 新华社发（某某摄）)
    r"(?:(?<![" + _H + r"])[" + _H + r"]{1,4}社发[\s　]*)?"
    r"[（(](?:(?:[^（）()]|[（(][^（）()]{1,6}[）)]){1,40}"
    r"(?:摄|供图|社发|社稿|资料图片|资料照片|[\s　](?:作|绘|画|书))|资料图片|资料照片"
    # (or the photographer named after the word: （摄影　某某）, （摄影：某某）)
    # (a club member's handle may hold a Latin letter: 老K)
    r"|摄影[\s　:：/／]*[" + _H + r"·A-Z]{2,4}(?:[\s　]+[" + _H + r"·A-Z]{2,4})?)\s*[）)]\s*$"
)
# A quotation's or a letter's sign-off closing a line: ——某某代表, ——某某（德国）.
_SIGNOFF_END = re.compile(r"——[^—。！？，]{2,40}$")
# A content system's field labels in brackets (【标题】某某, 【副题】某某, 【作者】某某).
_FIELD_LABEL = re.compile(r"【(?:标题|主题|副题|引题|肩题|作者|来源|编辑|责编|记者|摄影)】")
# A review's kicker naming the work it reviews: 评电影《某某》, 读《某某》有感, 观《某某》.
_REVIEW_KICKER = re.compile(
    r"(?:评|读|观|看|听)[^《》，。]{0,6}《[^《》]{1,20}》(?:有感|随想|札记)?"
)
# The years of a life in brackets closing a name (某某（1921—1947）, 某某（1919-1947年）).
_LIFESPAN = re.compile(
    r"[（(](?:1[6-9]|20)\d\d\s*[—–\-－~～]+\s*(?:(?:1[6-9]|20)\d\d)?\s*年?[）)]$"
)
# A greeting's dedication under its word (寿诞志庆 / 恭祝某某先生八十华诞): its subtitle.
_DEDICATION = re.compile(r"(?:热烈)?(?:恭祝|恭贺|敬贺|祝贺|庆贺|敬祝)")
# A recruitment ad's word alone under the unit's name: 诚聘, 招聘, 急聘.
_HIRING = re.compile(r"(?:诚|急|高薪)?聘|招聘|诚聘英才|招贤纳士")
# A box's label in brackets opening its heading line (【赛果】, 【数据】, 【链接】).
_BOX_LABEL = re.compile(r"【[^【】]{1,6}】")
# A photo credit's role set after a caption's last sentence, its name wrapped onto the
# next line: …。　本报记者 (or the role itself cut at the width: …。　本 / 报记者　某某　摄)
_ROLE_TAIL = re.compile(
    r"(?<=[。！？”」])(?:[\s　]*["
    + _H
    + r"]{0,4}(?:记者|通讯员|实习生)|[\s　]+(?:本报?记?|通讯?|实习?))"
    r"\s*$"
)
# The photographer alone on a line, labelled (摄影：某某, 图：某某): a picture's credit.
# (Or who supplied it, alone on its line: 受访者供图, 某某档案馆供图, 资料图片.)
_PHOTO_LABEL = re.compile(
    r"(?:摄影|摄|图片|图)[ \t]*[：:][ \t　]*[" + _H + r"·]{2,4}"
    r"|[（(](?:[" + _H + r"]{2,12}供图|(?:本报|本刊)?资料(?:图片|照片))[）)]"
    r"|(?:[" + _H + r"]{2,12}供图|(?:本报|本刊)?资料(?:图片|照片))"
)
# A question labelled with who asks it, opening a line of a Q&A column: 读者问：, 问：.
_ASKED = re.compile(r"(?:读者|网友|市民|听众|观众|职工|家长|患者)?问\s*[:：]")
# A price alone on a line (价58元, 定价：86元): a wrapped line's rest, never a headline.
_PRICE_ALONE = re.compile(r"(?:定|售|单)?价[:：]?\s*[\d.]+\s*元|[\d.]+\s*元")
_PHOTO_WORD = re.compile(r"摄|供图|社发|社稿|[\s　](?:作|绘|画|书)\s*[）)]")
# A photo group (组图): a title, a lead paragraph and the pictures' captions numbered with
# circled figures (①…, ②…), one credit under them all: the credit closes the whole group.
_NUMBERED = re.compile(r"[①-⑳]")
# The same credit without brackets, set apart by a space after the caption's last
# sentence, as older pages print it: 。　新华社记者摄, 。　本报记者 某某摄, 。　某某 摄 (a
# credit naming the role may follow the sentence straight: 。本报记者　某某　摄)
_PHOTO_BARE = re.compile(
    # (the role itself perhaps wrapped at the column's width: 。　本报记 / 者　某某　摄)
    r"(?<=[。！？”」])(?:[\s　]*[" + _H + r"]{0,4}(?:记\n?者|通\n?讯\n?员)(?:[\s　]*[" + _H + r"·]"
    r"(?:[\s　]{0,2}[" + _H + r"·]){1,3})?"
    # (the photographer's unit before the name: 。　某某宣传部　某某　摄)
    r"|[\s　]+(?:[" + _H + r"]{2,10}[\s　]+)?[" + _H + r"·](?:[\s　]{0,2}[" + _H + r"·]){1,3})"
    r"[\s　]*摄\s*$"
    # a news agency's picture, distributed (新华社发), set straight after the caption, the
    # photographer perhaps named after it (新华社发（某某摄）)
    r"|(?<=[。！？”」])[\s　]*[" + _H + r"]{1,4}社发\s*(?:[（(][^（）()]{1,20}摄\s*[）)])?\s*$"
    # a lifestyle page's credit set a space after the caption: 图/本报记者　某某, 受访者供图
    r"|(?<=[。！？”」])[\s　]+(?:图|图片|摄影)\s*[/／]\s*(?:[" + _H + r"]{0,4}(?:记者|通讯员))?"
    r"[\s　]*[" + _H + r"·](?:[\s　]{0,2}[" + _H + r"·]){1,3}\s*$"
    r"|(?<=[。！？”」])[\s　]+[" + _H + r"]{2,12}供图\s*$"
)
# A bare photo credit alone on the caption's last line: 本报记者　某某　摄, 通讯员 某某 摄.
_CREDIT_ALONE = re.compile(
    r"(?:["
    + _H
    + r"]{0,4}(?:记者|通讯员|摄影|实习生))?[\s　]*["
    + _H
    + r"·](?:[\s　]{0,2}["
    + _H
    + r"·]){1,3}[\s　]*[/／]?[\s　]*摄"  # (某某/摄, as some papers set it)
    # (or the paper's staff unnamed: 本刊特约记者摄, 本报摄影记者摄)
    r"|(?:本报|本刊)(?:特约)?(?:摄影)?记者[\s　]*摄"
    # (or a news agency's picture, distributed: 新华社发（某某摄）, 新华社发)
    r"|[" + _H + r"]{1,4}社发[\s　]*(?:[（(][^（）()]{1,20}摄\s*[）)])?"
)
_AGENCY_PHOTO = re.compile(rf"(?<=[。！？”」])[{_H}]{{1,4}}社发(?:[（(][^（）()]{{1,20}}摄[）)])?$")
# The period a list covers, in brackets under its heading: （6月13日—6月19日）.
_PERIOD = re.compile(
    r"[（(](?:\d{4}年)?\d{1,2}月\d{1,2}日\s*[—–\-~～至]+\s*(?:\d{1,2}月)?\d{1,2}日[）)]"
)
# A correction or erratum labelled before its text, run in: 更正：本报…, 勘误：….
_CORRECTION = re.compile(r"\s*(更正|更正启事|更正声明|勘误)\s*[：:]\s*")
# A chart's source under its caption's text: 数据来源：某某, 资料来源：某某.
_CHART_SOURCE = re.compile(r"(?:数据|资料)来源\s*[：:]")
# A caption's opening words, saying what the picture shows: 图为…, 上图：…, 左图…
_PICTURE_SAYS = re.compile(r"(?:图为|[上下左右]图[：:为]?|图[①②③④⑤⑥]|图[：:])")
# A photo note wholly in brackets saying what the picture shows (（图为…。　某某　摄）): a
# caption whole in itself, set in a story's text.
_PICTURE_NOTE = re.compile(r"[（(]\s*" + _PICTURE_SAYS.pattern)
# An artwork's credit on its own line under its caption: 某某　作 (a painting), 某某　绘,
# 某某　书 (calligraphy); the space between name and verb marks the credit; a cartoon's or
# an illustration's before a slash: 漫画／某某, 插图/某某.
_ART_CREDIT = re.compile(
    r"[" + _H + r"·]{2,4}[\s　]+(?:作|绘|画|书|摄)"
    r"|(?:漫画|插图|插画|绘图|图)\s*[/／]\s*[" + _H + r"·](?:[\s　]*[" + _H + r"·]){1,5}"
    # a chart's maker under its caption: 制图　某某, 制图：某某
    r"|制图[\s　]*[：:/／]?[\s　]*[" + _H + r"·](?:[\s　]?[" + _H + r"·]){1,3}"
    r"(?:[\s　]+[" + _H + r"·](?:[\s　]?[" + _H + r"·]){1,3}){0,2}"  # (or two, three)
)
# Continuation markers: (上接第一版) opens a continued piece, (下转第三版) closes one (as
# （未完待续） closes a serial's instalment, continued in the next issue, and a wire story
# ends with （完）); a
# paper that numbers its pages by section names the page by its letter and number, with
# or without 第: (下转A05版), (上接第B2版).
_CONT_IN = re.compile(r"[（(]\s*(?:上接|接)" + PAGE_NO + r"\s*[）)]")
# A serial's instalment continued from the last issue opens on its marker: （续昨）, （续前）,
# （接上期）, （续上期）.
_SERIAL_ON = re.compile(r"\s*[（(]\s*(?:续昨|续前|续上期|接上期|续完?)\s*[）)]\s*")
_CONT_OUT = re.compile(
    r"[（(]\s*(?:(?:下转|转)" + PAGE_NO + r"|未完待续|待续|未完|全文完|完)\s*[）)]\s*$"
)
# The date an article gives: a dispatch's (新华社北京5月7日电, 本报某地十一日电), else the
# date its first paragraph opens with (5月7日上午，…); a date further into the text is not
# the article's.
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DISPATCH_DATE = re.compile(rf"((?:{_DAY}月)?{_DAY}日)\s*(?:(?:专|急|特)?电|讯)")
_OPENING_DATE = re.compile(r"(\d{1,2}月\d{1,2}日)")
# An artwork's caption: its title in 《》, its maker, its size (《松风》　某某　68×136cm), the
# medium perhaps after the size.
# An artwork's size: 96×178厘米, 68x136cm.
_WORK_SIZE = re.compile(r"\d{1,4}(?:\.\d)?\s*[×xX*]\s*\d{1,4}(?:\.\d)?\s*(?:cm|厘米|CM|mm|毫米)")
_WORK_CAPTION = re.compile(
    r"《[^《》]{1,20}》[ \t　]+[^\s　]{2,10}(?:[ \t　]+[^\s　]{1,10})?[ \t　]+"
    + _WORK_SIZE.pattern
    + r"(?:[ \t　]+[^\s　]{1,10})?"
)
# An artwork's caption naming its medium in brackets after its title, its maker set apart
# after it with 作, 绘, 画, 书 or 刻 (某某晚渡（中国画）　　某某　作): the title is the
# caption's text, the maker its credit.
_WORK_CREDIT = re.compile(
    r"((?:《[^《》]{1,20}》|[" + _H + r"]{2,16})[（(](?:中国画|国画|油画|版画|水彩画?|水墨画?|书法"
    r"|篆刻|剪纸|素描|漫画|木刻|年画|宣传画|雕塑|彩墨|工笔画?|写意)[）)])[ \t　]+"
    r"([" + _H + r"·](?:[ \t　]{0,2}[" + _H + r"·]){1,3}[ \t　]*(?:作|绘|画|书|刻))"
)
# A work's title with its maker, the maker's age and school or class after spaces
# (《我的妈妈》　某某　7岁　某某小学一年级): a child's drawing or writing on its
# page.
_MAKER_LINE = re.compile(
    r"(《[^《》]{1,20}》)[ \t　]+(["
    + _H
    + r"·]{2,4}[ \t　]+\d{1,2}岁(?:[ \t　]+[^\s　]{2,20}){0,2})"
)
# A section's label in brackets (【裁判要旨】, 【案情】): a crosshead right over its paragraph.
_SECTION_LABEL = re.compile(r"【[^【】]{2,6}】")
# A late-Qing or early-Republic paper's standing column headings (上谕恭录, 专电, 论说,
# 各省要闻, 京师近事, 本埠新闻, 来函, 告白): each opens the column's texts under it.
_OLD_COLUMN = re.compile(
    r"上谕(?:恭录)?|谕旨|宫门抄|(?:专|要|紧要|译)电|电报|论说|社说|时评|来函|来稿|杂俎|告白"
    r"|(?:本埠|各省|外埠|京师|外国|紧要|地方)?(?:新闻|要闻|近事)|商情|行情"
)
# The formula closing such a paper's text: an edict's 钦此, a notice's 谨启 / 谨白, the
# telegrams' 以上均某日到.
_OLD_CLOSING = re.compile(r"(?:钦此|谨启|谨白|敬启|以上[^\s]{0,8}到)$")
# A column's name, a word or two: 工人来信, 一线风采, 灯下漫笔 (_COLUMN_NAME4: four at most).
_COLUMN_NAME = re.compile(rf"[{_H}·]{{2,6}}")
_COLUMN_NAME4 = re.compile(rf"[{_H}·]{{2,4}}")
# A notice's genre word alone, as a label over untitled notices: 公告, 启事.
_NOTICE_GENRE = re.compile("公告|通告|启事|声明|通知")
# A letter's salutation on a line of its own: 编辑同志：, 尊敬的编辑：, 各位读者：.
# A notice's addressee on a line of its own under its title: 各会员单位：, 各有关单位：.
# (several, set apart by 、 and a unit's kind in brackets: 各分（子）公司、各部门：)
_ADDRESSEE = re.compile(
    rf"各[{_H}（）()、]{{1,16}}[:：]|[{_H}]{{2,12}}(?:单位|部门|会员|企业|公司)[:：]"
)
# (or the paper's desk it writes to: 某某报编辑部：, 晚报编辑部：)
_SALUTATION = re.compile(
    rf"(?:尊敬的)?(?:[{_H}]{{1,6}}(?:同志|先生|女士|老师|朋友|读者)(?:们)?|[{_H}]{{0,8}}编辑部"
    rf"|[{_H}]{{1,6}}您好)[:：]"
    # (whoever a letter thanks or asks by office: 尊敬的某某医院领导：, 某某院长：)
    rf"|尊敬的[{_H}]{{2,16}}[:：]"
    rf"|[{_H}]{{1,8}}(?:领导|院长|书记|主任|经理|局长|校长|医生|大夫|护士|师傅)(?:们)?[:：]"
)
# An editor's note after a piece, headed alone: 编者附言, 编后, 编后语.
# (or the reply to a reader's letter under it, labelled: 【编者回复】, 编辑回复：, 记者回复：)
_NOTE_LABEL = re.compile(r"编者附言|编后语?|编者的话|[【\[［]?(?:编者|编辑|记者)(?:回复|答复)")
# A column tag over a headline: 【某某来信】, ·评论·, ·某某时评·
# (other papers bracket it 〔某某〕 or 〖某某〗; a column of voices is 某某之声: 读者之声)
# A genre label standing alone over a headline is a tag too: 社论, 短评, a commentator's
# article (评论员 文章), 编者按.
# A short label after a square or diamond bullet is a tag as well (■数据, ◆观察): a brief
# item after a bullet is a sentence, not two to six characters alone.
# A genre label naming a kind of piece, standing alone over its headline (or in brackets on
# a line of its own in the stack: （记者手记）, （专家点评）): a word of genre
# after at most two characters saying whose (a reader's or the public's letter, 某某来信; an
# expert's answer, 某某答疑; a reporter's notes, 某某手记), an observation or analysis, a
# close-up, an interview, background (链接, 背景), a writer's notes on study or reading
# (某某札记), an expert's clinic answering readers (专家坐诊, like 答疑).
GENRE_WORDS = (
    "来信", "答疑", "手记", "观察", "分析", "特写", "速写", "专访", "访谈", "链接", "背景",
    "综述", "点评", "快评", "微评", "札记", "坐诊", "档案", "通讯", "之声",
    "来稿", "随笔", "杂谈", "漫谈", "习作",
)  # fmt: skip
_TAG = re.compile(
    r"【[^【】]{1,16}】|〔[^〔〕]{1,16}〕|〖[^〖〗]{1,16}〗|[·•][^·•]{1,12}[·•]|社论|社评|短评|时评|述评|评论员\s*文章|编者按|编辑手记"
    r"|[" + _H + r"]{1,4}(?:时评|短评|述评)|(?:图片|摄影)新闻|新闻图片"
    r"|[（(][^（）()]{0,6}(?:" + "|".join(GENRE_WORDS) + r"|社论|短评|时评|述评|编后语?)[）)]"
    r"|[■◆▲★]\s*[^\s，。,、：:；;！？]{2,6}"
    # a column of readers' discussion: 读者讨论, 群众议论, 大家谈
    r"|(?:读者|群众|社员|职工|网友)(?:讨论|议论|论坛)|大家谈"
    # a serial's label over its title: 小说连载, 连载
    r"|(?:长篇|中篇)?(?:小说|纪实)?连载"
    r"|[" + _H + r"]{0,3}(?:" + "|".join(GENRE_WORDS) + ")"
)
# Genre labels that make a piece commentary: 社论, 短评, 时评, 述评, 评论员 文章, 编辑手记,
# and column tags naming commentary (·某某时评·, 【某某论坛】).
# A stack line labelled with its role, as an e-paper or a content system exports a story's
# headline stack: 【标题】/【主题】 the headline, 【引题】/【肩题】 the kicker over it,
# 【副题】/【副标题】 the subtitle under it. The label says which line is the headline.
_ROLE_LABEL = re.compile(r"[【\[［](主?标题|主题|引题|肩题|眉题|副题|副标题|小标题)[】\]］]\s*")
_ROLE_HEAD = ("标题", "主标题", "主题")
_OPINION_TAG = re.compile(
    r"社论|社评|短评|时评|述评|评论员\s*文章|编辑手记|编后语?|[" + _H + r"]{1,4}(?:时评|短评|述评)"
    r"|[（(][^（）()]{0,6}(?:评|论|杂谈|随笔|手记)[）)]"
    r"|[·•【][^·•【】]{0,8}(?:评|论|杂谈|随笔|手记)[^·•【】]{0,4}[·•】]"
)
# A writer's signature rather than a reporter's credit: □ 某某, a bare name, （某某）, or a
# line naming the author (作者：…, 作者单位：…, 作者为…); 记者/通讯员/讯/电/摄/文/图 mark a
# report instead.
_PERSONAL = re.compile(
    r"□?[" + _H + r"·]{2,4}|[（(][" + _H + r"·]{2,4}[）)]|.{0,8}[（(]?作者[为：:单系].{1,60}"
)
_REPORTED = re.compile(r"记者|通讯员|讯|电|摄|报道|文\s*[/／]|[/／]\s*文|图\s*[/／]|[/／]\s*图")
# A headline's line that stops on a word which cannot end a phrase (a particle, a
# preposition, a conjunction: 外婆的 / 腌菜坛) wraps: the next line is the rest of it; so
# does one that stops on a comma (与一座城， / 共写七十年): a column's name has none.
_WRAPS_ON = re.compile(r"[的之与和及在对把被向从为让给将，,]$")
# A bare name of two or three characters under a headline is its byline; a name never ends
# with a sentence particle or aspect marker (了, 吗, 呢, 吧, 啊): such a line is the rest
# of a wrapped headline (某某的账该 / 公开了).
# Two characters set apart by a space (何　远): a name spaced to three characters' width.
_SPACED_NAME = re.compile(rf"[{_H}][ 　]{{1,2}}[{_H}]")
_BARE_NAME = re.compile(rf"[{_H}]{{1,2}}[^\W\d_了吗呢吧啊啦么]")
# A kicker reporting who said the headline (引题): 某某在某地调研时强调, 某某会议指出, 某某寄语
# 青年: the line under it is what was said, the headline.
_SPEECH_KICKER = re.compile(r"(?:强调|指出|表示|要求|提出|寄语[" + _H + r"]{0,4})$")
# An interview's line in a headline stack names who was interviewed (专访某某, 访某某,
# 对话某某), set over the headline or under it without a dash: never the headline itself.
_INTERVIEW = re.compile(r"(?:专访|对话|访)[" + _H + r"《“][^，,。！？]{2,28}$")
# A line of two phrases set apart by a space (对仗: 保畅通　战高温) is whole: a kicker or a
# headline of its own, never the first half of a wrapped one.
_COUPLET = re.compile(r"[^\s　]{2,}[\s　]+[^\s　]{2,}")
# A meeting's report names the meeting in its headline (某某常委会召开会议, 某某大会隆重
# 举行, 召开某某推进会议) and lists its agenda under it (传达学习…, 研究部署…, 听取…).
_MEETING = re.compile(
    r"(?:召开|举行)[^，。！？]{0,16}(?:会议|大会|全会|常委会|座谈会|推进会)$"
    r"|(?:会议|大会|全会|常委会|座谈会|推进会)(?:隆重)?(?:召开|举行|开幕|闭幕)$"
)
_AGENDA = re.compile(r"(?:传达|学习|研究|部署|听取|审议|讨论|安排|分析|贯彻|通报)")
# A genre label in brackets after a headline is not part of it: 某某（编辑手记）, a paper's
# commentary column named by its genre word (某某（某某时评）, （专家点评）)
_GENRE_SUFFIX = re.compile(
    rf"[（(](?:编辑手记|编后|编后语|社论|[{_H}]{{0,6}}"
    r"(?:时评|短评|快评|述评|点评|评论|评说|手记|随笔|杂谈|漫谈))[）)]$"
)
# A telephone number alone (0739-8826101, (010)12345678).
_PHONE_ALONE = re.compile(r"[（(]?\d{3,4}[）)]?[-－—]?\d{7,8}(?:[-－]\d{1,4})?")
# A row of a list of names set apart by spaces (陈某某　李某某　赵某某), as a decision lists
# those it honours under 附：…名单: the list closes the text, as a finished sentence does.
_NAME_ROW = re.compile(r"[" + _H + r"·]{1,4}(?:[ \t　]+[" + _H + r"·]{1,4}){2,}")
# A list's labels after a double circle head sections of a few lines (◎常用电话 / 2 lines /
# ◎本周天气); a pen name after one (◎某某) heads a column's text, longer than that.
_PEN_TEXT = 5
# An item of a brief list opens with a bullet.
_ITEM = re.compile(r"[●△■★▲◆◇○☆◎]")
# A document's numbered section or clause (一、收入部分, 1．某某, 2、某某): the opening of a
# paragraph of running text (a notice's, a report's), never a headline stack's line; on a
# page that indents its paragraphs it may be set flush left.
_SECTION_NO = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[．、]|\d{1,2}\.(?!\d))")
# A brief-list heading: 简讯, 要闻简报, 新闻速览, 市县传真, 一周要闻, 来信摘编, 新书架…
_BRIEFS = re.compile(r".{0,6}(?:简讯|简报|速览|速递|快讯|传真|一周|要闻|摘编|书架|短讯|集锦|动态)")
# A heading of something a paper prints for readers rather than reports: 导读, 天气, 热线.
_SERVICE = re.compile(r".{0,4}(?:导读|天气|热线|数据|指标)")
# A notice's heading ends with its genre: 遗失声明, 公告, 通告, 通知, 启事, 招聘; a service
# notice to readers, 温馨提示, 安全提示 (提示: a reminder); a school's or employer's
# prospectus, 招生简章, 招聘简章 (简章: the terms of enrolment or hiring).
# An official document's title: the issuing body, 关于 and the matter, and the genre of
# document (某某市人民政府关于印发《…》的通知, …关于召开…会议的决定); often longer than a
# headline is set.
_DOC_TITLE = re.compile(
    r"[^。！？；]{2,40}关于[^。！？；]{2,70}的(?:通知|决定|意见|批复|通报|公告|报告|决议|办法|规定|函)"
)
# A document's title names what it is (某某统计公报, 政府工作报告, 某某实施办法); the bodies
# issuing it may stand under it, set apart by spaces, and the day in brackets under them.
_DOC_NAMED = re.compile(
    r"(?:公报|报告|决定|决议|通知|公告|通告|意见|办法|规定|纲要|规划|条例|细则)$"
)
# The period a table covers, in brackets under its title: （3月7日—3月13日）,
# （2024年1月1日起执行）, （十九日收盘）; no unit named in it.
_TABLE_PERIOD = re.compile(r"[（(](?![^（）()]*单位)[^（）()]{0,20}[年月日][^（）()]{0,10}[）)]")
_BRACKET_DATE = re.compile(r"[（(](?:19|20)\d\d年\d{1,2}月\d{1,2}日[）)]")
# Under a document's title its number (文号: 某政发〔2024〕7号, [2024], 【2024】) and a note in
# brackets saying when and by whom it was adopted (（2024年3月20日…会议通过）): lines of
# its heading, set as subtitles.
_DOC_MARK = re.compile(
    r"[" + _H + r"]{1,10}[〔\[【（(](?:19|20)\d\d[〕\]】）)]\s*第?\s*\d{1,4}\s*号"
    # (an announcement's number of the year in brackets: （2023年第152号）, or an order's
    # number alone under its title: 某某政府命令 / 第十九号)
    r"|[（(](?:19|20)\d\d\s*年\s*第\s*\d{1,4}\s*号[）)]"
    r"|第[一二三四五六七八九十百〇零\d]{1,6}号"
    r"|[（(][^（）()]{4,80}(?:通过|批准|发布|公布|修订|修正|施行)[）)]"
    # (a proclamation's number in brackets: （某字第三号）; a notice's series number
    # （第一号） closes its title instead)
    r"|[（(][" + _H + r"]{1,4}第[一二三四五六七八九十百〇零\d]{1,6}号[）)]"
    # (a court's case number: （2024）某0421民初1157号)
    r"|[（(〔](?:19|20)\d\d[）)〕][" + _H + r"]{1,2}\d{0,6}[" + _H + r"]{1,4}\d{1,6}号"
)
# A document's list of attachments closing its text, before the signature: 附件：1.某某
# (its further items numbered on lines of their own). Text, never a heading.
_ANNEX = re.compile(r"附\s*件\s*\d{0,2}\s*[：:]")
# A poet's or writer's signature after a bullet, unit and rank before the name set apart by
# a space (■某边防连上等兵　某某, □某某单位　某某)
_BULLET_SIGNATURE = re.compile(
    r"[■□]\s*[\u4e00-\u9fff（）()]{1,20}[\s　]+[\u4e00-\u9fff](?:[\s　]*[\u4e00-\u9fff]){1,3}"
)
# A classified advertisement's heading: what is let, sold, sought (旺铺招租, 饭店转让, 寻人)
_CLASSIFIED = re.compile(r".{0,6}(?:招租|转让|出租|出售|求租|求购|寻人|寻物|遗失)")
# A notice's (启事's) signers, closing it: a name or names, a shop, a family member and
# name, ending with the notice's closing word (某某谨启, 某某号启, 某某　某某　同启, 父　某某谨启).
# Nothing of the notice follows it: the next line opens another, blank line or none.
# An obituary's family signs it the same way (某府孝眷　泣告, 全家敬告), and a family's or
# friends' greeting or thanks (某某　携全家　敬邀, 某某　率孙辈　敬贺, 某某全家　鞠躬).
_CLOSING_WORD = (
    r"(?:谨启|敬启|同启|泣告|哀告|敬告|泣启|敬邀|敬贺|恭贺|同贺|鞠躬|叩谢|拜谢|敬谢|泣谢|同谢)"
)
_QISHI_SIGN = re.compile(
    r"[" + _H + r"·](?:[\s　]*[" + _H + r"·\d（）()]){1,24}?"
    r"(?:[\s　]*" + _CLOSING_WORD + r""
    r"|[\s　]+[启贺]|(?<=[号行店厂庄社馆局会司府房楼堂铺])启)"
)
# A diarist's team and name in brackets alone under the text, on a page printing a
# paragraph a line: （某某服务队　某某）.
_BRACKET_SIGN = re.compile(r"[（(][^（）()\s　。！？，]{2,30}[ \t　]+[" + _H + r"·]{2,4}[）)]")
# The office answering a reader's letter, labelled under its reply: 回复单位：某某局.
_REPLY_UNIT = re.compile(r"(?:回复|答复|办理)(?:单位|部门)[：:][^。！？，]{2,30}")
# Who compiled or supplied a piece, in brackets alone under it (（县委党史研究室　整理）,
# （县志办供稿）): it closes the piece as a signature does, blank line or none.
_CLOSING_CREDIT = re.compile(r"[（(][^（）()]{2,30}(?:整理|供稿|辑录)[）)]")
# An obituary's first line: the deceased, named with the family's word for them (先严
# 某公某某老大人, 先慈某母某某老夫人, 显考…): the notice's text, under its genre heading.
_OBIT_NAME = re.compile(
    r"(?:先严|先慈|先父|先母|先夫|先室|显考|显妣)[\s　]*[" + _H + r"·\s　]{2,16}"
)
# The genre word alone over a notice of thanks, an obituary or a correction: set under
# another piece's signature, it opens a notice of its own.
_OWN_GENRE = re.compile(r"讣告|鸣谢|致谢|更正(?:启事)?")
# A comment's genre before its title, set apart by a bar: 编辑点评｜某某, 观察｜某某 (a
# bar after other words may be the title's own: 早安某地｜5月8日…, 五一特惠｜某某游).
_BAR_TAG = re.compile(
    rf"([{_H}]{{0,4}}(?:点评|评论|时评|快评|短评|述评|观察|手记))[｜|](.{{6,40}})"
)
# (an older order's number names its series first: （商字第三号）, （秘字第十二号）)
_SERIES_NO = re.compile(r"[（(](?:[\u4e00-\u9fff]{1,2}字)?第[\d一二三四五六七八九十]{1,3}号[）)]")


def _titled(h: str) -> bool:
    """A heading line that is part of a notice's title: no column tag, but its series
    number is."""
    return not _TAG.fullmatch(h) or bool(_SERIES_NO.fullmatch(h))


NOTICE = re.compile(
    r".{0,40}(?:声明|公告|通告|通报|通知|启事|招聘|诚聘|招生|简章|讣告|公示|提示|鸣谢|布告|命令|训令)"
    # (one of a series, its number after it: 某某会议通知（第一号）)
    r"(?:" + _SERIES_NO.pattern + r")?|更正|勘误|" + _DOC_TITLE.pattern
)


def _head_len_ok(f: str) -> bool:
    """A heading line's length: at most 40 characters, but an official document's title
    or a subtitle opened by a dash (——某某) may run longer."""
    return len(f) <= 40 or (
        len(f) <= 90 and (bool(_DOC_TITLE.fullmatch(f)) or f.startswith(("——", "—")))
    )


# A notice's signature: the issuing body (a name ending in 公司, 局, 委员会, 中心, 学校…; a
# shop's 某某庄, 某某号, an older notice's 某某谨启) and the date it was issued (2024年5月8日 /
# 一九六〇年三月五日), each on a line of its own.
_ISSUER_END = (
    r"(?:公司|集团|局|厅|委员会|委|办公室|办|指挥部|支队|大队|调查队|中心|部"
    r"|处|院|学校|大学|学院|中学|小学|幼儿园|学会|协会|商会|会|所|站|馆|行|社|店|厂|庄|号"
    r"|政府|小组|团|(?<=[监督察检查])室|科)"
)
_ISSUER = re.compile(r"[" + _H + r"（）()·\d“”]{2,30}" + _ISSUER_END + r"(?:谨启|敬启|启)?")
_ISSUERS = re.compile(_ISSUER.pattern + r"(?:[ \t　]+(?:" + _ISSUER.pattern + r"))*")
# Where a piece comes from, in brackets closing its last paragraph: a reprint's source
# (（摘自《某某》某某文）, （据某某网）, （选自…）, （来源：…）), a text a unit supplied to the
# paper (（某某局供稿）, （某某协会提供）), a labelled writer or expert
# (（解答律师：某某）, （整理：某某）), or, alone on the last line, the issuing body
# (（某某公司安全监察部）): a credit, not text. The labels name a source or a role, and a
# source is named without a sentence: a note (（注：…）) or an aside (（据介绍，…。）) is text.
_CREDIT_LABELS = (
    "来源", "稿源", "作者", "撰稿", "撰文", "整理", "供稿", "编译", "翻译", "口述", "讲述",
    "律师", "医生", "专家", "嘉宾", "记者", "通讯员",
)  # fmt: skip
_TAIL_SOURCE = re.compile(
    r"(?:^|(?<=[。！？”」…]))\s*[（(]\s*(?:(?:摘自|选自|转自|转载自|原载|据)\s*[^（）()，。；！？,;]{1,40}"
    r"|[^（）()，。；！？,;：:]{2,30}(?:供稿|提供)"
    r"|[" + _H + r"]{0,4}(?:" + "|".join(_CREDIT_LABELS) + r")\s*[：:][^（）()。！？]{1,60})"
    r"[）)]\s*$"
    r"|^\s*[（(][" + _H + r"·]{2,30}" + _ISSUER_END + r"[）)]\s*$"
)
# An expert's signature in brackets closing the last paragraph, naming the unit, the role
# and, after a space, the name (a Q&A column's answer: （某某律师事务所律师　某某）,
# （某某医院主任医师　某某）); the unit may wrap onto the last line. No sentence inside.
_TAIL_AFFIL = re.compile(
    r"(?:^|(?<=[。！？”」…]))\s*[（(]\s*[" + _H + r"][" + _H + r"\s·\d]{1,30}?"
    r"(?:" + "|".join(_UNIT_END) + r")[\s　]+[" + _H + r"](?:[\s　]*[" + _H + r"]){1,2}\s*[）)]\s*$"
)
# Who signs for the issuing body, on a line of their own under its name: 主席 某某.
_SIGN_ROLE = re.compile(
    r"副?(?:主席|主任|会长|理事长|董事长|总经理|经理|负责人|法定代表人|校长|院长|局长|司令员|政委)"
    r"[\s　]*" + _NAMES
)
_ISSUE_DATE = re.compile(
    r"(?:(?:19|20)\d\d|[一二三四五六七八九〇○零]{4})年[\d一二三四五六七八九十]{1,2}月"
    r"[\d一二三四五六七八九十]{1,3}日"
)
# The same date, or its month alone (2023年4月), under an issuer's name closing a text.
_ISSUE_MONTH = re.compile(_ISSUE_DATE.pattern + r"|(?:19|20)\d\d年\d{1,2}月")
# A notice issuer's name on a line of its own over the date: a unit's name, no punctuation.
_NAME_LINE = re.compile(r"[" + _H + r"（）()·\d]{2,24}")
# An obituary's bereaved, who announce it, by their relation to the dead (妻：某某　子：某某
# 女：某某), and the line closing their names (率全体亲属泣告).
_BEREAVED = re.compile(
    rf"(?:(?:妻|夫|[长次三]?[子女]|孙|孙女|外孙女?|儿媳|女婿)\s*[:：]\s*[{_H}·]{{2,4}}[\s　]*)+"
    rf"|[{_H}]{{0,10}}(?:泣告|哀告|泣启|泣叩|叩告)"
)
_SIGN_LINE = re.compile(
    _ISSUER.pattern + "|" + _ISSUE_DATE.pattern + "|" + _SIGN_ROLE.pattern + "|" + _BEREAVED.pattern
)
# A contact line, as advertisements and notices print it: 电话：…, 热线：…, 咨询热线 0518-…
_CONTACT_WORDS = r"(?:电话|热线|专线|手机|咨询|联系|预约|订座|订餐|订房|订票)"
_CONTACT = re.compile(
    _CONTACT_WORDS + r"[^，。]{0,6}[:：]?\s*"
    r"(?:[（(]\d{2,4}[）)]\s*)?"
    r"(?:\d{3,}|[〇○零一二三四五六七八九]{4,})|^\d{7,}"
)  # (a line's area code in brackets: 预约专线：（06）235-8800; an old page's number in
# Chinese numerals: 电话九四二一七; a restaurant's or clinic's booking line: 订座：…, 预约：…)
# A website's or mailbox's field alone on its line (网址：…, 邮箱：…).
_SITE_FIELD = re.compile(r"(?:网址|官网|网站|邮箱|电子邮箱|E-?mail)[:：]\S{4,60}", re.I)
# A contact line's label whose number the column's width sent to the next line (电话：).
_CONTACT_LABEL = re.compile(_CONTACT_WORDS + r"[^，。:：]{0,6}[:：]$")
# A notice's address or contact field: 地址：…, 公司地址：…, 联系人：….
_ADDRESS = re.compile(r"[" + _H + r"]{0,4}(?:地址|联系人|邮编)\s*[:：]")
# A phone number's rest wrapped onto a line of its own, under a contact line ending in a
# digit (电话：13 / 5 7480 2291), perhaps with the contact's name in brackets.
_DIGITS_REST = re.compile(r"[\d\s　\-－]+(?:[（(][^（）()]{1,8}[）)])?")
_CONTACT_WORD = re.compile(r"电话|热线|手机|联系|咨询|电[:：]")
# A property ad's caveat closing it (本广告仅为要约邀请，…最终以合同约定为准。): its fine
# print, no sentence of copy.
_AD_CAVEAT = re.compile(r"要约邀请|(?:合同|文件|实物|现场)[^。！？]{0,8}为准。?$|解释权归")
# A list's or a box's bullet opening a line: no table's title or unit line follows it.
_LIST_MARK = re.compile("[◎●■▲◆★☆○□△※]")
# A hotline's call to readers after its number: 欢迎提供新闻线索，一经采用即付报料费.
_CALL = re.compile(
    r"欢迎提供新闻线索[^。！？\s　]{0,16}"
    # (or the newsroom's promise: 晚报记者24小时为您服务)
    r"|[" + _H + r"\d]{0,10}(?:24|二十四)小时(?:为您服务|值班|在线|受理)"
)
# A box's field row: a short label and its colon opening the line (开放时间：…).
# (not a dialogue's speaker: 问：, 答：, 记者：; not a title's colon: 《某某》：)
_FIELD_ROW = re.compile(r"(?!问|答|记者|主持人)[^，。；！？：:\s《》【】“”]{1,8}[：:]")
# An advertisement is marked 广告.
_AD = re.compile(r"广\s*告")
# A work named alone before a colon (《某某》：): the first half of a review's headline.
_WORK_COLON = re.compile(r"《[^《》]{1,15}》[：:]")
# A paper's call for subscriptions: 欢迎订阅…, 订阅…, 某某征订 (征订启事).
_SUBSCRIBE = re.compile(r"(?:欢迎订阅|敬请订阅|.{0,16}征订)(?![。！？，])")
# An editor's lead ends with ——编者.
_EDITOR_END = re.compile(r"[—－-]{1,2}\s*编\s*者\s*$")
# Page furniture a page prints beyond what layout.is_furniture knows: a masthead's
# romanised name, the Party committee's organ line, 主办/出版 lines, the issue number,
# the lunar date, the CN serial number, an e-paper's breadcrumbs (首页 > 数字报 > …) and
# its page links (上一版 下一版 返回目录).
_NAV = r"(?:上一版|下一版|上一篇|下一篇|返回目录|返回首页|返回顶部|PDF版(?:下载|阅读)?|版面导航)"
# A web copy's article tools left under its text: 【纠错】【打印】【关闭】, the editor in
# brackets (【责任编辑：某某】), the share buttons (分享到：微信 微博), the QR prompt (扫一扫…).
_WEB_TOOLS = (
    # (its usual spellings: 【打印本页】【关闭窗口】【返回顶部】)
    r"(?:【\s*(?:纠错|打印(?:本页|此页|本文)?|关闭(?:窗口|本页)?|收藏|返回顶部|字号\s*[:：][大中小\s]{1,8}"
    r"|(?:责任)?编辑\s*[:：][^【】]{1,12})\s*】[\s　]*){1,4}"
    r"|分享到\s*[:：]?.{0,30}"
    # the prompt to scan the QR code, in its usual spellings (扫一扫, 扫码阅读, 扫描二维码),
    # perhaps after the page number at the foot
    r"|(?:\d{1,3}[\s　]+)?"
    r"(?:扫一扫|扫码(?:阅读|关注|下载|收听|观看)|扫描(?:上方|下方)?二维码)[^，。！？]{0,30}"
)
# A web copy's lines under its title: when and where it was published (2024-03-05 07:12
# 来源：某某日报) and the title it first ran under (原标题：…): about the copy, neither
# headline nor subtitle.
WEB_META = re.compile(
    # the time may be labelled (时间：, 发布时间：, 日期：)
    r"(?:(?:发布|更新)?(?:时间|日期)\s*[:：]\s*)?"
    r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?.{0,40}"
    r"|原标题\s*[:：].{1,80}"
    # a site's labelled line under the title: 来源：某某　作者：某某　编辑：某某　发布时间：…
    r"|(?:来源|稿源|作者|编辑)\s*[:：].{0,60}发布(?:时间|日期)\s*[:：].{0,30}"
    # the same fields set apart by bars (来源：某某日报 | 2024-09-10 08:47 | 编辑：某某,
    # 来源：某某 | 作者：某某 | 编辑：某某): two or more fields, the first labelled
    r"|(?:来源|稿源|作者|编辑|(?:发布)?(?:时间|日期))\s*[:：][^|｜]{1,30}"
    r"(?:[ \t　]*[|｜][ \t　]*[^|｜]{1,30}){1,4}"
    # a public account's line under its title: 原创, the author, the account, when and
    # where it was posted (原创　某某　某某日报　2024-05-08 07:00　发表于某省)
    r"|原创[ \t　]+.{0,40}(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t　]+\d{1,2}[:：]\d\d)?.{0,20}"
    # a news app's source line: the paper, then when the story went out (来源：某某日报
    # 2024-05-08 07:30)
    r"|(?:来源|稿源)\s*[:：][^|｜\d]{1,30}?[ \t　]*(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"(?:[ \t　]*\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?"
)
_APP_BUTTON = r"(?:分享|点赞|收藏|评论|转发|在看|赞)"
# A staff field under a web or app story: the role labelled, then the name (a name may be
# spaced out: 郑　磊).
_APP_STAFF = (
    r"(?:编辑|责编|责任编辑|审核|审校|校对|签发|终审|复审|初审|监制|制作|主编)[:：][ \t　]*"
    r"[^\s　:：，。]{1,6}(?:[ \t　][^\s　:：，。]{1,3})?"
)
# An internal bulletin's mark that it is not for sale.
# (本刊为内部交流资料, 内部发行　不得外传, 阅后请转赠: a bulletin not sold, passed on)
_NOT_FOR_SALE = (
    r"(?:(?:本报|本刊)为?)?(?:内部资料|内部刊物|内部交流(?:资料)?|免费交流|免费赠阅|免费结缘|注意保存"
    r"|内部发行|不得外传|阅后请?转赠[^\s　]{0,4})"
)
# The days a paper comes out, in its foot (每周二、四出版, 逢周三出版)
_DAYS_OUT = re.compile(r"(?:每周|每逢|逢)[^\s　，。]{1,10}出版")
# A field of the page foot's service lines (地址：…, 邮政编码：…, 投稿邮箱：…, 新闻热线：…,
# 零售价：…), or the line's imprint (某某社出版).
_FOOT_FIELD = (
    r"[" + _H + r"]{0,6}(?:地址|社址|邮政编码|邮编|网址|电子版|邮箱|信箱|E-?mail|热线|零售价?|定价"
    r"|连续出版物号|刊号|许可证|准印证号?|传真|法律顾问|印刷|承印|出版|发行|主办|主管|编印|订阅|征订|邮发代号|编辑"
    r"|广告部|发行部|编辑部|总编室"
    # (the paper's own telephone: 编辑部电话, 本版联系电话; a notice's 联系电话 is its own)
    r"|(?<![" + _H + r"])(?:本报|本版|本刊|编辑部|[" + _H + r"]{2,8}报社)[" + _H + r"]{0,4}电话)"
    # (a field's number may be wrapped onto the next line, leaving its label at the end)
    r"[ \t]*[:：][ \t]*(?:[^\s　]{1,40}(?: \d{2,8})*|$)|[" + _H + r"]{2,12}出版"
    # (an address abroad, its words set apart by spaces: Suite 5, 18 Station Street…)
    r"|[" + _H + r"]{0,4}地址[ \t]*[:：][ \t]*[0-9A-Za-z][0-9A-Za-z,.#/\-]*"
    r"(?: [0-9A-Za-z,.#/\-]+){1,12}"
    # the days it comes out (每周二、四出版), its mark that it is not for sale
    r"|" + _DAYS_OUT.pattern + r"|" + _NOT_FOR_SALE + r""
    # the price of a copy and the printing house (零售每份1.00元, 某某印务中心印刷)
    r"|零售(?:每份|价)?[:：]?[\d.]+元|[" + _H + r"]{2,16}印刷"
    # a service line's number without a colon (读者服务专线（06）221-5678), the site's address
    r"|[" + _H + r"]{0,6}(?:热线|专线)[（(]?\d[\d（）()\-]{5,20}|(?:www\.|https?://)\S{3,60}"
    # the paper's name among them, or its owner's (某某集团公司)
    r"|[" + _H + r"]{2,8}(?:日报|晚报|时报|报)(?:社)?|[" + _H + r"]{2,16}(?:公司|集团)"
    # a tip-off channel (报料微信：…) and the note on contributions (来稿请注明“副刊”字样)
    r"|报料(?:微信|短信|邮箱|QQ)[:：][ \t]*\S{3,40}|来稿请注明[^。！？\s　]{1,14}"
    # a site's line for reporting unlawful content (违法和不良信息举报电话：…)
    r"|违法和?不良信息举报[" + _H + r"]{0,4}[:：][ \t]*\S{1,40}"
    # the paper's accounts (晚报微信公众号：某某晚报, 官方微博：@某某)
    r"|[" + _H + r"]{0,6}(?:微信公众号|公众号|官方微博|微博|抖音号|视频号|客户端)"
    r"[:：][ \t]*\S{2,30}"
    # how to subscribe (全国各地邮局均可订阅)
    r"|[" + _H + r"]{0,6}邮局[" + _H + r"]{0,4}订阅"
)
# A site's breadcrumbs: three to six short names joined by > (＞, ›, »), no sentence.
_CRUMBS = (
    r"(?:当前位置\s*[:：]\s*)?"
    r"[^>＞›»，。；：:！？\s]{1,10}(?:\s*[>＞›»]\s*[^>＞›»，。；：:！？\s]{1,10}){2,5}"
)
# A site's menu: four to ten short names set apart by bars, the first 首页 (首页 | 时政 |
# 本地 | 民生), or after the copyright line (关于我们 | 联系我们 | 网站地图)
_MENU = r"[^|｜，。；：:！？\s]{2,6}(?:[ \t　]*[|｜][ \t　]*[^|｜，。；：:！？\s]{2,6}){2,9}"
# A web copy's related links' label, bracketed (【延伸阅读】) or closed by a colon.
_RELATED = re.compile(r"[【\[［]?(?:相关|延伸|推荐)(?:阅读|新闻|报道|链接)[】\]］]?\s*[:：]?")
_FURN_EXTRA = re.compile(
    r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ\s]{3,40}"
    # the masthead's name with its romanised name beside it (某某新报　THE SOMETHING NEWS
    # 第1187期), the address under a Japanese postal mark (〒171-0014 某某区…), a paper's
    # registration as printed matter at its foot (…登记为第一类新闻纸类, 出版事业登记证…)
    r"|[" + _H + r"]{2,10}(?:报|刊)[\s　]+[A-Z][A-Z \t]{3,40}(?:[\s　].{0,30})?"
    r"|.{0,20}〒\s*\d{3}-?\d{4}.{0,60}"
    r"|.{0,40}(?:新闻纸类|登记证).{0,30}"
    # (a publisher, 某某出版社, is a book's; …出版的, …主办的 a sentence's: 某日出版的《某某》;
    # the word closes its field, before a space, a colon or the line's end (某某社出版, 主办：…,
    # or names it: 出版日期, 出版事业登记证, 出版物号),
    # not a column's line running on, 第三辑出版该书收录…, 由某某主办，共有…)
    # (出版 closing the line after its publisher, 某某社出版, not after a book's title: 某某的
    # 小说《某某》出版 is a headline)
    r"|.{0,20}(?:机关报|主办(?=$|[\s　：:（(]|单位)"
    r"|(?<=[社司团心局部会所辑办])出版(?=$|[\s　（(])|出版(?=[\s　]*[：:]|[日时事物许单]))"
    r".{0,30}"
    r"|.{0,10}第?\s*\d{2,6}\s*期.{0,20}"
    # the issue number in Chinese numerals (第三百二十一期), as old mastheads print it
    r"|.{0,10}第[一二三四五六七八九十百千〇○零]{1,8}期.{0,20}"
    # the masthead's address and price (社址：某某街, 零售每份…, 定价…元)
    r"|(?:本报)?(?:社址|报社地址)\s*[:：].{1,40}"
    # a page's service hours for its hotline or letters (本版热线受理时间：每日9:00—21:00…)
    r"|(?:本版|本报|本栏)[^，。！？]{0,8}(?:受理|接听|服务)时间\s*[:：].{1,60}"
    # and its offices' numbers under it (营业部电话：…, 编辑部电话：…), as old mastheads print them
    # (a department named without the paper, 发行部电话：…, may close its own notice)
    r"|(?:(?:本报|报社)(?:营业部|发行部|广告部|编辑部|总机)|营业部|总机)电话\s*[:：]\s*"
    r"[\d一二三四五六七八九〇○零\-—]{4,20}"
    # (or the paper named with its office and that office's number on one line: 某某报编辑部
    # 电话：…, 某某报社　电话：…)
    r"|[" + _H + r"]{2,10}报(?:社|编辑部)[\s　]+(?:电话|热线|地址)\s*[:：].{4,40}"
    # the imprint at the page foot: who printed it and who distributes it (某某印刷厂印刷,
    # 全国各地邮局发行)
    r"|.{0,20}印刷(?:厂|公司)?印刷.{0,30}|.{0,20}(?:邮局|邮政局?)发行.{0,20}"
    # the page foot's address with its postcode (地址：某某街18号　邮编：330102) and the
    # page's or paper's mailbox for contributions (本版投稿邮箱：…@…)
    r"|(?:本报|报社)?(?:编辑部|社)?(?:地址|通讯地址)\s*[:：].{1,40}邮编\s*[:：]?\s*\d{6}.{0,40}"
    r"|(?:本版|本刊|本报)?(?:投稿|来稿|来信|联系)(?:邮箱|信箱|电子邮箱|E-?mail)\s*[:：]\s*\S{1,40}@\S{1,40}"
    r"|农历.{0,20}"
    r"|.{0,6}今日\s*[\d一二三四五六七八九十]+\s*版.{0,10}"
    r"|(?:当前位置\s*[:：]\s*)?首页\s*[>＞].{0,60}"
    # a site's breadcrumbs from any level (某某网 > 本地 > 社会): short names, no sentence,
    # joined by > (＞, ›, »)
    r"|" + _CRUMBS + r""
    r"|" + _WEB_TOOLS + r""
    r"|[<《‹«\s　]*" + _NAV + r"(?:[\s　]*" + _NAV + r"){1,4}[>》›»\s　]*"
    # a web copy's links to its neighbours (上一篇：某某　下一篇：某某) and its copyright line
    r"|上一篇\s*[:：].{1,40}下一篇\s*[:：].{1,40}"
    # a slogan set between pieces in stars (★增加生产　厉行节约★), as papers of the 1950s-70s
    # print them: no piece's text
    r"|[★☆][^★☆。]{2,30}[★☆]"
    # an internal bulletin's mark that it is not for sale (内部资料　免费交流)
    r"|" + _NOT_FOR_SALE + r"(?:[ \t　]+" + _NOT_FOR_SALE + r")*"
    # (after what the bulletin is: 某某协会会刊　内部交流, 某某寺主办　内部资料)
    r"|[" + _H + r"]{2,24}(?:会刊|内刊|院刊|校刊|主办|编印)(?:[ \t　]+" + _NOT_FOR_SALE + r")+"
    # a government site's disclosure section named over a document (政府信息公开)
    r"|(?:政府|政务)?信息公开(?:目录|专栏)?"
    # a site's registration at its foot (网站标识码…, 某ICP备…号, 某公网安备…号) and who runs it
    # (主办：…　承办：…)
    r"|.{0,30}(?:ICP备|公网安备|网站标识码).{0,60}"
    r"|主办[ \t]*[:：].{1,30}(?:承办|协办|技术支持)[ \t]*[:：].{1,40}"
    r"|(?:版权所有|Copyright|©).{0,80}"
    # a printout's rules (━━━, ───, ═══) and its sheet count (第3页　共8页)
    r"|[━─═—－\-_=]{6,}"
    r"|.{0,30}第\s*\d{1,4}\s*页[ \t　]*共\s*\d{1,4}\s*页.{0,10}"
    # a public account's line over its post: the account, when and where it was posted
    # (某某融媒　2023-05-12 18:06　发表于某省)
    r"|.{0,30}(?:19|20)\d\d-\d{1,2}-\d{1,2}[ \t　]+\d{1,2}[:：]\d\d[ \t　]*发表于.{1,8}"
    # a public account's prompt to follow it (点击蓝字　关注我们, 点击上方蓝字…关注)
    r"|点击(?:上方|下方)?蓝字.{0,24}"
    # a social-media post's time and client under it (5月8日 06:35 来自 微博 weibo.com)
    r"|(?:(?:19|20)\d\d[-年])?\d{1,2}[-月]\d{1,2}日?[ \t　]*\d{1,2}[:：]\d\d[ \t　]*来自.{0,30}"
    # a news app's or site's tail under a story: its staff in labelled fields (编辑：某某
    # 审核：某某), its counters (阅读 1.2万, 浏览量：3056) and its buttons
    # (分享　点赞　收藏)
    r"|(?:" + _APP_STAFF + r"[ \t　]*){1,5}"
    # (one field a line too, and the copy's source alone: 来源：某某日报)
    r"|(?:来源|稿源)[:：][ \t　]*[^，。！？\s]{2,20}"
    r"|(?:阅读|浏览|播放)(?:量|数|次数)?[ \t　]*[:：]?[ \t　]*[\d.]+[ \t　]*[万亿]?\+?"
    # (all its counters on one line: 阅读 1.2万　点赞 386　分享 92)
    r"|(?:(?:阅读|浏览|播放|"
    + _APP_BUTTON[3:-1]
    + r")(?:量|数)?[ \t　]*[:：]?[ \t　]*[\d.]+[万亿]?\+?"
    r"[ \t　]*){2,6}"
    # a video's length over its caption (▶ 视频时长 01:26)
    r"|▶?[ \t　]*视频时长[ \t　]*[:：]?[ \t　]*\d{1,2}[:：]\d\d(?:[:：]\d\d)?"
    r"|" + _APP_BUTTON + r"(?:[ \t　]*(?:" + _APP_BUTTON + r"|\d+)){1,6}"
    # the site's name before its copyright (某某网版权所有　关于我们 | 联系我们), its
    # menu opening with 首页
    r"|[^，。；：:！？\s]{2,12}(?:版权所有|Copyright|©)[\s　]*(?:" + _MENU + r")?"
    # a page header's fields set apart by bars, the paper's name and the page among them
    # (某某日报｜国内｜A8, A8｜国内｜某某日报)
    r"|(?=.*(?:^|[｜|])[ \t　]*第?[A-Z]?\d{1,3}版?[ \t　]*(?:[｜|]|$))"
    r"(?=[^｜|]*(?:报|刊)[ \t　]*(?:[｜|]|$)|.*[｜|][^｜|]*(?:报|刊)[ \t　]*$)"
    r"[^｜|\s]{1,12}(?:[ \t　]*[｜|][ \t　]*[^｜|\s]{1,12}){1,3}"
    r"|(?=(?:网站|网|返回)?首页)" + _MENU + r""
    # (its items set apart by spaces: 首页　新闻　本地　民生　财经　数字报)
    r"|(?:网站|返回)?首页(?:[ \t　]+[^\s　，。；：:！？|｜]{2,6}){3,14}"
    # a site's footer menu naming its service pages (关于我们 | 联系我们 | 违法和不良信息举报 |
    # 网站地图), items of up to ten characters
    r"|(?=.*(?:关于我们|联系我们|网站地图|广告服务|版权声明|隐私政策))"
    r"[^|｜，。；：:！？\s]{2,10}(?:[ \t　]*[|｜][ \t　]*[^|｜，。；：:！？\s]{2,10}){3,9}"
    # a content system's labelled source or editor field under a story (【来源】某某日报,
    # 【责任编辑】某某): about the copy, not its text
    r"|[【\[［](?:来源|稿源|(?:责任)?编辑|校对)[】\]］]\s*[^，。！？]{1,30}"
    # the paper's own service lines at the page foot: its advertising, distribution or
    # newsroom hotline (广告热线：…, 发行热线：…; a short service number: 新闻热线　96118),
    # perhaps with 免费赠阅 (a free paper)
    # (a hotline may give two numbers or more: 新闻热线：8826-1730　8826-1731; the paper's
    # name may open the line: 某某周刊　新闻热线：…　广告热线：…)
    r"|(?:[" + _H + r"]{2,12}[ \t　]+)?(?:本报|本刊)?"
    r"(?:(?:(?:广告|发行|订阅|订报|新闻|报料)热线|(?:短信|微信)报料)"
    r"\s*[:：]?\s*[\d\-—－()（）]{3,20}"
    r"(?: \d{3,4})?(?:[\s　]+[\d\-—－()（）]{5,20}(?: \d{3,4})?)*[\s　]*"
    # (its hours in brackets and its call to readers: （24小时）　报料有奖　欢迎来电)
    r"(?:[（(][^（）()]{1,8}[）)])?"
    r"(?:[\s　]+(?:报料有奖|有奖报料|欢迎来电|欢迎报料|" + _CALL.pattern + r")){0,2}"
    r"[\s　]*){1,3}"
    r"(?:免费赠阅|赠阅)?"
    # the page foot's service lines: two fields or more set apart by spaces (本报地址：…
    # 邮政编码：…, 新闻热线：…　网址：…, 本版邮箱：…　某某社出版　广告热线：…), or one that
    # only the paper prints (邮政编码, 网址, a contributions mailbox, its licence, its price)
    # (an ad's own contact line, 服务热线：…　地址：…, is the ad's: one field at least is the
    # paper's)
    r"|(?=.*(?:邮政编码|邮编|网址|电子版|邮箱|信箱|许可证|准印证|零售价?|定价|出版|本报|本版|新闻热线|读者热线|邮发代号"
    r"|总编室|广告部|发行部"
    r"|读者服务|印刷|" + _NOT_FOR_SALE + r"|www\.))"
    r"(?:" + _FOOT_FIELD + r")(?:[ \t　]+(?:" + _FOOT_FIELD + r"))+"
    r"|[" + _H + r"]{0,4}(?:邮政编码|邮编|网址|电子版|邮箱|许可证|准印证号?|零售价?|定价|邮发代号"
    r"|印刷|承印)[ \t]*[:：][ \t]*\S{1,40}"
    r"|第?\s*[A-Z]?\d{1,3}\s*版\s*[:：].{0,30}"
    r"|[A-Z]?\d{1,3}\s+\S{1,6}(?:\s+\S{1,8})?"
    # a page foot naming the paper, the section and the page (某某日报　马经　24)
    r"|[" + _H + r"]{2,8}报(?:[ \t　]+[^\s　，。]{1,8}){0,2}[ \t　]+[A-Z]?\d{1,3}"
    # (the page set between marks: 某某日报　—4—, 某某通讯　·3·)
    r"|[" + _H + r"]{2,10}(?:[ \t　]+[^\s　，。]{1,8}){0,2}[ \t　]+" + PAGE_MARK + r""
    r"|" + r"[一二三四五六七八九十○〇零]{4}年.{1,12}日.{0,24}"
)
# An e-paper's navigation: its breadcrumbs (首页 > 数字报 > 城市).
_FURN_NAV = re.compile(r"首页\s*[>＞].{0,40}|" + _CRUMBS)
# A masthead: the paper's name standing alone or opening the header line; an edition may
# follow the name (某某日报海外版, 某某报农村版).
# A word ending in 报 that names a genre of text, not a paper (通报, 简报, 汇报, 喜报, 捷报,
# 预报, 举报, 公报, 情报, 海报), is no masthead: 警情通报 over a text is a notice's heading.
# the editors' line of a page header: who edited, laid out and proof-read the page
_STAFF_LINE = re.compile(r"责任编辑|责编|美术编辑|美编|校对|版式|本版编辑|编辑[:：]")
_MASTHEAD = re.compile(
    r"([" + _H + r"]{2,8}(?:日报|晚报|时报|都市报|商报|(?<![通简汇喜捷预举公情海])报)"
    r"(?:[" + _H + r"]{1,3}版)?)"
)
# A media centre's or a weekly's paper is named 某某新闻 / 某某周刊: such a name is the
# paper's only where it opens the page's header line, before the issue date, and is not
# a section label (综合新闻, 国际新闻: a section word before the genre word).
_MEDIA_NAME = re.compile(r"[" + _H + r"]{2,6}(?:新闻|周刊|画刊|文摘)")
_STACK_LABEL = re.compile(
    r"(?:分类)?广\s*告|(?:专题|企业|商务|消费|地产|健康)?(?:专版|专题报道|专题|特刊|资讯)"
    # a contest's prize over a winning work's title (一等奖 / 某某): its rank, no title
    r"|[一二三特]等奖|优秀奖|(?:金|银|铜)奖|入围奖|提名奖|最佳[" + _H + r"]{1,4}奖"
)
_SECTION_WORD = re.compile(
    r"(?:综合|要闻|国际|国内|本地|地方|社会|经济|财经|体育|文化|文体|教育|科技|法治|时政|城市|民生"
    r"|农村|军事|健康|旅游|娱乐|图片|专题|视觉|房产|楼市|汽车|理财|读书|生活|消费|家居|美食"
    r"|女性|青年|少儿|老年|周末|时尚|艺术)(?:新闻|周刊|画刊|文摘)"
    # an older paper's sections: its wires (专电, 要电, 电讯) and its local or outside
    # news (本埠新闻, 外埠要闻, 地方通信)
    r"|专电|要电|(?:国内|国外|外埠)?电讯|(?:本埠|外埠|地方|各地)(?:新闻|要闻|通信|通讯)"
)
# A paper's digital edition names itself after the paper (某某日报数字报, 某某晚报电子版):
# the paper is the name without it.
_DIGITAL = re.compile(r"(?<=报)(?:数字报|电子报|数字版|电子版|网络版|手机报)$")
# A note under a table, labelled: 注：…, 说明：…, 数据来源：…, 资料来源：… (its source, units
# and caveats), or saying what the figures above are (以上价格由…提供): the table's, however
# many lines it wraps over.
# A table's unit line under its title: 单位：元/公斤, 单位：万元.
_TABLE_UNIT = re.compile(r"[（(]?(?:单位|计量单位)[:：][^。，；！？]{1,12}[）)]?")
# (the label opening it: 注：, 说明：, 数据来源：)
_TABLE_NOTE_LABEL = r"(?:注|说明|备注|[数资]?[据料]?来源)\s*[：:]"
_TABLE_NOTE = re.compile(_TABLE_NOTE_LABEL + r"|以上(?:价格|数据|报价|信息|成绩)")
_NOTE_LABEL_AT = re.compile("^" + _TABLE_NOTE_LABEL)
# A table's header row: three or more short cells set apart by spaces, no sentence.
_CELLS = re.compile(r"[^\s　，。、；：:]{1,10}(?:[\s　]+[^\s　，。、；：:]{1,10}){2,7}")
# A schedule's row opens with a clock time: 19:30　电视剧…, 15:30 某队—某队.
# A programme listing's row may name the days before the time (周一　19:30, 周二至周五,
# 周六、周日, 每日): a weekly listing's row; a listing of coming events names the date
# (3月23日　19:30, 3月26日至27日　19:30): a programme of performances, of matches.
_DAYS = (
    r"(?:(?:周|星期)[一二三四五六日天](?:[至到、](?:周|星期)?[一二三四五六日天])?"
    r"|每日|每天|每晚|工作日|双休日"
    r"|\d{1,2}月\d{1,2}日(?:[至到—－\-](?:\d{1,2}月)?\d{1,2}日)?)"
)
_CLOCK_ROW = re.compile(_DAYS + r"?[0-2]?\d[:：][0-5]\d(?![\d:：])")
_DATE_WORD = re.compile(r"(?:19|20)\d\d\s*年")
_EPAPER = re.compile(
    r"《([^《》]{2,12}?报)》\s*[（(]|《([^《》]{2,12})》\s*(?:电子版|数字报|电子报)"
    # any name in an e-paper's tag that carries the issue's date and page (《某某周刊》（2024年
    # 04月15日 第 04 版）), or a periodical's name before its issue (《某某》2024年第5期)
    r"|《([^《》]{2,12})》\s*(?:[（(]\s*(?:19|20)\d\d\s*年[^）)]{0,12}第\s*\d{1,3}\s*版"
    r"|(?:19|20)\d\d\s*年\s*第\s*\d{1,3}\s*期)"
)
# A source field set among a web story's other fields on one line (发布时间：…　来源：某某日报
# 　作者：…): the paper it names, where that name is a paper's
_SOURCE_AMONG = re.compile(
    r"(?:^|[ \t　])(?:来源|稿源)[ \t　]*[:：][ \t　]*([^\s　:：]{2,12})(?=[ \t　]|$)", re.M
)
# A masthead set with its edition or supplement after a dot (某某晚报·周末版)
_EDITION = re.compile(r"[·・•][" + _H + r"]{1,5}$")
_SOURCE_FIELD = re.compile(
    r"^[ \t　]*(?:[【\[［](?:来源|稿源)[】\]］]|(?:来源|稿源)[ \t　]*[:：])[ \t　]*(\S{2,12}?)"
    # a news app's or site's source line dates the story after the paper's name
    r"(?:[ \t　]+(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t　]+\d{1,2}[:：]\d\d)?)?"
    r"[ \t　]*$",
    re.M,
)


# The most lines a headline stack closed by a byline or dateline holds (kicker, a
# headline and a subtitle, each wrapped once); one more under a column tag.
STACK_LINES = 6


@dataclass
class _Line:
    s: int
    e: int
    text: str  # stripped
    f: str  # without whitespace
    indent: bool


@dataclass
class _Piece:
    kind: str = "news"
    heads: list[int] = field(default_factory=list)  # line indexes of the headline stack
    bylines: list[tuple[int, int]] = field(default_factory=list)
    body: list[tuple[int, int]] = field(default_factory=list)
    meta: list[tuple[int, int]] = field(default_factory=list)
    headline: str | None = None  # set directly for briefs, notices, markers
    verse: int = 0  # body lines read as verse (short, unpunctuated) and as prose
    prose: int = 0
    signed: bool = False  # closed by a writer's signature (not a reporter's credit)
    listing: bool = False  # a schedule's rows: a bracketed last row is a venue, no credit


def applies(text: str) -> bool:
    """Do the page's blank lines stand between articles (not after every paragraph, not
    at random points inside sentences)?

    Layout extraction of some pages leaves a blank line after every paragraph and heading,
    or breaks text boxes mid-sentence; such pages are read block by block (articles.py).
    Where blank lines are few and fall between finished pieces, the page is read line by
    line here, by its headline stacks, datelines and bylines.
    """
    lines = text.split("\n")
    nonblank = [flat(ln) for ln in lines if ln.strip()]
    if not nonblank:
        return False
    col = statistics.median(len(f) for f in nonblank)
    blanks = mid = stanzas = 0
    run: list[int] = []  # the widths of the lines above, up to the last blank line
    for prev, ln in zip(lines, lines[1:]):
        run = run + [len(flat(prev))] if prev.strip() else []
        if ln.strip() or not prev.strip():
            continue
        blanks += 1
        p = flat(prev)
        if _CONTACT.search(p) or is_furniture(prev) or _SIGN_LINE.fullmatch(p):
            continue  # an ad's or notice's contact line, a signature (issuer, date), the
            # page's own header: no sentence, yet a finished piece
        if _ragged(run[-5:]):
            stanzas += 1
            continue  # a stanza's end: verse is set ragged, a column's lines all full
        if not ends_sentence(p) and len(p) >= 0.85 * col and p[-1] not in CLOSING:
            mid += 1  # a full line cut off mid-sentence by a blank line
    long = [f for f in nonblank if len(f) >= 20]
    flat_copy = len(long) >= 5 and (
        sum(ends_sentence(f) for f in long) >= 0.9 * len(long)
        or not any(_cut_prose(f) for f in long)
    )
    if blanks >= 0.5 * len(nonblank) and not flat_copy:
        return False  # a blank line after every paragraph
    if col <= 20 and blanks - stanzas >= 0.26 * len(nonblank):
        return False  # narrow columns broken into short boxes every few lines (a poem's
        # stanzas are no boxes)
    return not (mid >= 5 and mid >= 0.2 * blanks)


def _cut_prose(f: str) -> bool:
    """Is a long line prose cut off mid-clause (its sentence or clause begun, a character
    last: …，市民可免费领)? A headline, a table's row, a contact line, a labelled field or
    a credit is no such line."""
    return (
        not ends_sentence(f)
        and bool(re.search("[，。；]", f))
        and bool(re.fullmatch(rf".*[{_H}]", f))
        and not CREDIT_END.fullmatch(f)
        and not _FIELD_OPEN.match(f)
    )


# A labelled field (地点：某某), perhaps a list's item (一、地点：…): no sentence cut short.
_FIELD_OPEN = re.compile(rf"(?:[{_H}\d]{{1,3}}、)?[^，。：:]{{1,8}}[:：]")


def _ragged(widths: list[int]) -> bool:
    """Are the lines above a blank set ragged, as verse is (lines of any width), not to a
    column's width (a column's lines are all full but a paragraph's last)? Three lines or
    more, those before the last spread over four characters or more."""
    return len(widths) >= 3 and max(widths[:-1]) - min(widths[:-1]) >= 4


def _opens_bracket(f: str) -> bool:
    """Does the line open a bracket it does not close?"""
    return len(re.findall("[（(]", f)) > len(re.findall("[）)]", f))


def _closes_bracket(f: str) -> bool:
    """Is the line the short rest of a bracket opened above: it ends with the bracket
    closing, opens none, and holds no sentence?"""
    return (
        len(f) <= 20
        and bool(re.fullmatch(r"[^（()]*[）)]", f))
        and not re.search("[。！？；，]", f)
    )


# A title in English: words in Latin letters (two to fourteen), a title's punctuation, no
# Chinese.
# A serial's chapter or instalment line: 第十七章　某某, 第三回, 第12集.
_CHAPTER = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}[章回节集篇卷](?:[ 　].{1,24})?")
_LATIN_WORD = r"[A-Za-z0-9'’‘“”\"()&.,:;!?\-–]"
_LATIN_TITLE = re.compile(
    r"[A-Za-z0-9\"“‘'(]" + _LATIN_WORD + r"*(?:[ \t]+" + _LATIN_WORD + r"+){1,13}"
)


# A social-media post's headline in brackets opening its text: 【江州地铁5号线今日起试运营】5月
# 8日6时，…; eight characters or more, no sentence inside (a column tag is shorter: 【民生】).
_INLINE_HEAD = re.compile(r"[ \t　]*【([^【】。]{8,40})】(?=[ \t　]*\S)")
# A web copy's or post's link left at the end of its text: 网页链接, 阅读原文, 展开全文, a
# picture's or video's placeholder ([图片]).
_LINK_TAIL = re.compile(
    r"[ \t　]*(?:网页链接|阅读原文|展开全文|查看全文|原文链接|\[图片\]|\[视频\])[ \t　]*$"
)


def _link_title(f: str) -> bool:
    """A linked story's title in a related-reading list: short, no sentence."""
    return 4 <= len(f) <= 40 and not re.search("[。！？；]", f)


def _open_note(f: str) -> bool:
    """A line opening a note in brackets that it does not close (（《某某》　某某著 / …）)."""
    return f.startswith(("（", "(")) and not re.search("[）)]", f)


def _bare_credit(t: str) -> re.Match | None:
    """A picture's credit alone on a line (本报记者　某某　摄, 摄影：某某, 受访者供图)."""
    return _CREDIT_ALONE.fullmatch(t) or _PHOTO_LABEL.fullmatch(t)


def _own_byline(line: str) -> bool:
    """A whole line that is a byline (see OWN_BYLINE); names keep their spacing here."""
    f = flat(line)
    t = line.strip()
    return len(f) <= 30 and not re.search("[。！？，、；]", f) and bool(OWN_BYLINE.fullmatch(t))


# The end of a line saying who runs a paper or what it is to them, under its name (某某协会
# 主办, 某某委机关报, 某某协会会刊): never the name itself.
_SPONSOR_END = re.compile("(?:主办|主管|承办|出版|机关报|会刊|内刊|院刊|校刊)$")
# The lines of a masthead block under the name: the issue's date (2024年8月15日, 一九五六年
# 三月二日) and number (第7期, 总第31期, 2023年秋季刊), the weekday, the lunar or Buddhist
# calendar's date, how many pages the issue has (本期4版, 今日八版), the page (第1版　要闻), what
# the bulletin is and whose (某某博物馆馆刊, 某某中学校报, 《某某》少儿增刊)
_BLOCK_DATE = re.compile(
    r"(?:(?:19|20)\d\d|[一二三四五六七八九〇○零]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?"
)
_BLOCK_ISSUE = re.compile(r"第\s*[\d一二三四五六七八九十百千〇○零]{1,8}\s*期|\d{4}年\S{0,4}刊")
_BLOCK_WORD = re.compile(
    r"(?:星期|周|礼拜)[一二三四五六日天]"
    r"|(?:农历|佛历|夏历|阴历|旧历).{0,20}"
    r"|(?:本期|今日)[\d一二三四五六七八九十]{1,2}版"
    r"|第?\s*[A-Z]?[\d一二三四五六七八九十]{1,3}\s*版.{0,12}"
    r"|《[^《》]{2,12}》.{0,4}(?:增刊|副刊|专刊|特刊|子刊)"
    r"|[" + _H + r"]{2,20}(?:会刊|内刊|院刊|校刊|馆刊|所刊|校报|院报|厂报|刊物|会讯|简讯|通讯)"
)
_BLOCK_OWNER = re.compile(
    r"[" + _H + r"]{2,20}(?:会刊|内刊|院刊|校刊|馆刊|所刊|校报|院报|厂报|主办|主管|编印)"
    r"(?:[ \t　]+\S{2,12})*"
)


def masthead_block(text: str) -> str:
    """The name on the first line of a block of masthead lines near the page top: every
    line under it down to a blank line or the first line that is none of them (a page
    without blank lines runs on into its first headline) is the masthead's (_BLOCK_WORD,
    page furniture, a line of who runs it, its name in Latin letters, its registration), two
    at least, its issue number or whose bulletin it is among them: a masthead of any name,
    小探馆家 / 某某博物馆馆刊 / 2024年8月15日 / 第7期. The block may stand under a box of
    quotations (最高指示 / …). A bare genre word under the name is the name's (某某总会 /
    会讯). A block whose header line names a paper beside its page or date (某某报　第5版)
    is a running head under a section's name: the paper is that one."""
    lines = [ln.strip() for ln in text.split("\n")[:16]]
    for k, first in enumerate(lines):
        if first and (k == 0 or not lines[k - 1]) and (name := _block_name(lines, k)):
            return name
    return ""


# A masthead line's registration (准印证号：…, 准证号：PP 1234/05/2013, 刊号：CN…, 国内统一
# 连续出版物号：…) and its name in Latin letters (THE … ASSOCIATION BULLETIN)
_BLOCK_FIELD = re.compile(
    r"(?:准印证号?|准证号|刊号|(?:国内)?统一连续出版物号|登记号|CN)\s*[:：]?.{0,50}"
    r"|[A-Z0-9][A-Z0-9 &.,'()\-/·]{2,80}"
)
_BARE_GENRE = re.compile("会讯|简讯|简报|通讯|会刊")


_HEAD_PAGE = re.compile(r"第?\s*[A-Z]?\d{1,3}\s*版|第[一二三四五六七八九十]{1,3}版|[A-Z]\d{1,2}")
_DOTTED_DATE = r"(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}"  # 2024-05-06, 2024.5.6
_HEAD_FIELD = re.compile(
    r"(?:(?:本版|责任|美术|图片)?编辑|责编|美编|校对|版式(?:设计)?|组版|主编|监制)[:：/／]\S{1,8}"
    r"|(?:星期|周|礼拜)[一二三四五六日天]|(?:农历|夏历|阴历).{2,12}"
    r"|" + _DOTTED_DATE
)


def running_head(line: str) -> bool:
    """A running head printed over an inner page: three fields or more set apart by spaces,
    each the paper's or the section's name, the issue's date (in any numerals) or number,
    the weekday, the page, an editor's field (某某院报　第152期　2024年6月28日　第2版
    医疗动态　责任编辑：某某; 某某日报　一九五六年三月十日　星期六　第2版), with the date and
    the page or issue number among them; two names at most."""
    words = [w for w in HEADER_SPLIT.split(line.strip()) if w]
    if len(words) < 3 or re.search("[。！？，；]", line):
        return False
    dated = paged = False
    names = 0
    for w in words:
        if header_date(w):
            dated = True
        elif header_page(w):
            paged = True
        elif re.fullmatch(rf"[{_H}]{{2,14}}", w):
            names += 1
        elif not header_field(w):
            return False
    return dated and paged and names <= 2


def header_date(word: str) -> bool:
    """A running head's date field, in any numerals (2024年5月6日, 一九五六年三月十日,
    2024.5.6)."""
    return bool(_BLOCK_DATE.fullmatch(word) or re.fullmatch(_DOTTED_DATE, word))


def header_page(word: str) -> bool:
    """A running head's page (第3版, A3) or issue number (第152期)."""
    return bool(_HEAD_PAGE.fullmatch(word) or _BLOCK_ISSUE.fullmatch(word))


def header_field(word: str) -> bool:
    """A running head's other fields: an editor's (责任编辑：某某), the weekday, the lunar
    date."""
    return bool(_HEAD_FIELD.fullmatch(word))


def _block_line(b: str) -> bool | None:
    """Is this line a masthead's (see masthead_block)? None: a header line naming a paper
    beside its page or date, no masthead block's."""
    words = [w for w in HEADER_SPLIT.split(b) if w]
    if len(words) > 1 and any(_MASTHEAD.fullmatch(w) for w in words):
        return None

    def word(w: str) -> bool:
        if m := re.fullmatch(r"[（(]([^（）()]{2,20})[）)]", w):  # （会员通讯·非卖品）
            return all(
                re.fullmatch(_NOT_FOR_SALE + "|非卖品", x) or _BLOCK_WORD.fullmatch(x)
                for x in re.split("[·・、]", m.group(1))
            )
        return bool(_BLOCK_DATE.match(w) or _BLOCK_ISSUE.search(w) or _BLOCK_WORD.fullmatch(w))

    return (
        all(word(w) for w in words)
        or page_furniture(b)
        or bool(_SPONSOR_END.search(flat(b)))
        or bool(_BLOCK_FIELD.fullmatch(b))
        or bool(_BARE_GENRE.fullmatch(flat(b)))
    )


def _block_name(lines: list[str], k: int) -> str:
    name = flat(lines[k])
    if (
        not re.fullmatch(rf"[{_H}]{{2,14}}", name)
        or _SECTION_WORD.fullmatch(name)
        or page_furniture(lines[k])
    ):
        return ""
    under: list[str] = []
    for b in lines[k + 1 : k + 11]:
        if not b:
            break
        if (ok := _block_line(b)) is None:
            return ""
        if not ok:
            break
        under.append(b)
    # (its issue number or a line of whose bulletin it is: a date and page alone under a
    # name are a running head's, under the section's name as often as the paper's)
    if len(under) < 2 or not any(
        _BLOCK_ISSUE.search(b) or _BLOCK_OWNER.fullmatch(b) for b in under
    ):
        return ""
    if _BARE_GENRE.fullmatch(flat(under[0])):
        name += flat(under[0])
    return _DIGITAL.sub("", name)


# A paper's product named without the paper (数字报, 电子报, 手机报): no name.
_GENERIC = re.compile("(?:数字|电子|手机|网络)(?:报|版)")


# Two spaces or more, or a bar: what sets a header line's fields apart.
_WIDE_GAP = re.compile(r"[ \t　]{2,}|[｜|]")


def _paper_word(w: str) -> bool:
    """Is this word of a header or foot line a paper's name (某某日报, 某某报), not its
    product's (数字报)?"""
    return bool(_MASTHEAD.fullmatch(w)) and len(w) <= 10 and not _GENERIC.fullmatch(w)


def _weekly_name(w: str) -> bool:
    """Is this word of a header line a paper's or a weekly's name (某某日报, 某某周刊), not a
    section's (体育周刊)?"""
    named = _MEDIA_NAME.fullmatch(w) or _MASTHEAD.fullmatch(w)
    return bool(named) and not _SECTION_WORD.fullmatch(w)


def masthead(text: str) -> str:
    """The paper's name as the page prints it: an e-paper tag 《某某日报》（…） or
    《某某》电子版, or a masthead line at the page top (the name alone, or opening the
    header line), or the name standing in the page header; a top line followed by
    主办/出版/机关报 is the masthead."""
    m = _EPAPER.search(text)
    if m:
        return m.group(1) or m.group(2) or m.group(3)  # (or its e-paper's name: 《某某》电子版)
    # a content system's export names the paper in each story's source field (【来源】某某日报,
    # a news app's 来源：某某日报　2024-05-08 07:30):
    # the paper most of them name is the page's (a wire story's 【来源】新华社 is no paper)
    named = collections.Counter(
        m.group(1) for m in _SOURCE_FIELD.finditer(text) if _MASTHEAD.fullmatch(m.group(1))
    )
    if not named:
        named = collections.Counter(
            m.group(1) for m in _SOURCE_AMONG.finditer(text) if _MASTHEAD.fullmatch(m.group(1))
        )
    if named and named.most_common(1)[0][1] >= 2:
        return named.most_common(1)[0][0]
    if name := masthead_block(text):
        return name
    top = [
        ln.strip()
        for ln in text.split("\n")[:8]
        if ln.strip() and not _FURN_NAV.fullmatch(ln.strip())  # a site's path is no masthead
    ]
    for ln in top[:4]:
        words = [_EDITION.sub("", w) for w in HEADER_SPLIT.split(ln) if w]
        f = _EDITION.sub("", flat(ln))
        if f.endswith("机关报"):
            continue  # whose organ the paper is (某某政府机关报), under its name: no name
        # (fields set apart by wide spaces, a name spaced out among them: 第三版　　澧　江　报)
        # (a field is read whole only where it is one word or a word spaced out letter by
        # letter: 某　江　报; 首页　专题 or 某某日报 第三版 are several words)
        fields = [
            flat(x)
            for x in _WIDE_GAP.split(ln)
            if x.strip() and (len(x.split()) == 1 or all(len(w) == 1 for w in x.split()))
        ]
        named = [x for x in fields if _paper_word(_EDITION.sub("", x))]
        menu = bool(re.match("(?:网站|返回)?首页[ \t　]", ln))
        if len(fields) > 1 and named and not menu:
            return _DIGITAL.sub("", _EDITION.sub("", named[0]))
        if _MASTHEAD.fullmatch(f) and len(f) <= 10:
            return _DIGITAL.sub("", f)
        if menu:
            continue  # a site's menu (首页　新闻　…　数字报): its items name no paper
        for w in words:
            if _paper_word(w) and len(words) > 1:
                return _DIGITAL.sub("", w)
    words = [w for w in HEADER_SPLIT.split(top[0]) if w] if top else []
    if (
        len(words) >= 2
        and (
            _MEDIA_NAME.fullmatch(words[0])
            # a name of any ending opening the page's first line before the full issue
            # date and its weekday (世界参考　2019年3月14日　星期四), as a masthead prints
            # it: the paper's, whatever it ends with
            or (
                re.fullmatch(rf"[{_H}]{{3,8}}", words[0])
                and len(words) >= 3
                and re.search("星期|周[一二三四五六日天]", words[2])
            )
        )
        and not _SECTION_WORD.fullmatch(words[0])
        and _DATE_WORD.match(words[1])
    ):
        return words[0]
    if (
        len(top) >= 2
        and _MEDIA_NAME.fullmatch(flat(top[0]))
        and not _SECTION_WORD.fullmatch(flat(top[0]))
        and _DATE_WORD.match(top[1])
    ):
        return flat(top[0])  # a weekly's name alone over the header line that opens with the date
    # a weekly's name between the issue's date and its page on the header line (2024年3月22日
    # 星期五　某某周刊　第3版)
    for ln in top[:2]:
        words = [w for w in HEADER_SPLIT.split(ln) if w]
        if len(words) >= 3 and _DATE_WORD.match(words[0]) and re.search(r"第\s*\d{1,3}\s*版", ln):
            for w in words[1:]:
                if _weekly_name(w):
                    return _DIGITAL.sub("", w)
    # a weekly's name among a running head's fields, wherever it stands (B3　某某房产周刊
    # 2024年3月22日　星期五): the one name that is no section's
    for ln in top[:2]:
        if running_head(ln):
            names = [w for w in HEADER_SPLIT.split(ln) if _weekly_name(w)]
            if len(names) == 1:
                return _DIGITAL.sub("", names[0])
    # a site's or paper's name and who runs it on the first line (今日某某　某某区某某中心
    # 主办): the name is the masthead, whatever it ends with
    if top and (
        m := re.fullmatch(rf"([{_H}]{{2,10}})[ \t　]+[{_H}]{{2,20}}(?:主办|主管|出版)", top[0])
    ):
        if not _SECTION_WORD.fullmatch(m.group(1)):
            return m.group(1)
    # a name of any ending alone on the page's first line over the header line that opens
    # with the issue's full date and gives its page or weekday (明湖书声 / 2024年4月23日　星期二
    # 　第2版): a masthead, as the page prints it
    # (a section's name may stand between them: 某某烟草 / 综合新闻 / 2024年7月15日 星期一)
    below = top[1:2] + (top[2:3] if len(top) > 2 and _SECTION_WORD.fullmatch(flat(top[1])) else [])
    if (
        len(top) >= 2
        and re.fullmatch(rf"[{_H}]{{3,10}}", flat(top[0]))
        and not _SECTION_WORD.fullmatch(flat(top[0]))
        and any(
            re.match(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", x)
            and re.search(r"第\s*[\d一二三四五六七八九十]{1,3}\s*版|星期|周[一二三四五六日天]", x)
            for x in below
        )
    ):
        return flat(top[0])
    # a bulletin's or newsletter's name over its issue number (某某馆讯 / 2023年第3期（总第57
    # 期）), a site's name over its menu (某某门户网站 / 首页 | 政务公开 | …): the name on top
    # is the publication's, whatever it ends with
    # (a line of who runs it may stand between: 某某协会会刊　内部交流)
    for k, a in enumerate(top[:3]):
        sponsor = _SPONSOR_END.search(flat(a))  # who runs it, not its name
        between = k + 1 < len(top) and (
            page_furniture(top[k + 1]) or bool(_SPONSOR_END.search(flat(top[k + 1])))
        )
        under = top[k + 1 : k + 3] if between else top[k + 1 : k + 2]
        if (
            re.fullmatch(rf"[{_H}]{{3,14}}", flat(a))
            and not sponsor
            and not page_furniture(a)  # (内部资料　免费交流: the bulletin's mark, no name)
            and any(
                re.search(r"第[\d一二三四五六七八九十百零〇]{1,6}期", b)
                or (re.search("网站?$", a) and re.match(r"首页[ \t　]*[|｜]", b))
                for b in under
            )
        ):
            return flat(a)
    # an app's name before its channel in the first line (掌上某某 | 本地频道)
    if top and (
        m := re.fullmatch(rf"([{_H}]{{2,10}})[ \t　]*[|｜][ \t　]*[{_H}]{{1,8}}频道", top[0])
    ):
        return m.group(1)
    if (
        len(top) >= 2
        and re.search("主办|机关报|出版", top[1])
        and not re.search("[。！？，]", top[1])  # (a line of who runs it, not a sentence)
        and len(flat(top[0])) <= 8
    ):
        if not re.search(r"\d", top[0]):
            return flat(top[0])
    # a masthead set over its name in romanised letters (JINRI ANLAN), with the line naming
    # who runs it (主办, 主管, 出版) under that: the name on top is the paper's, whatever it
    # ends with
    if (
        len(top) >= 3
        and re.fullmatch(rf"[{_H}]{{2,8}}", flat(top[0]))
        and re.fullmatch(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ\s]{3,40}", top[1])
        and re.search("主办|主管|机关报|出版", top[2])
    ):
        return flat(top[0])
    for ln in top[:3]:
        if name := _issue_head(ln):
            return name
    return _foot_name(text)


def _issue_head(line: str) -> str:
    """The name opening a bulletin's running head, whatever it ends with, where the words
    after it are the issue's (its number, 2024年第7期, 总第203期; its date; the page, ·3·; a
    section's name): 某某通讯　2024年第7期　总第203期　·3·. The issue number must be among
    them: a section's name over a date and page is a paper's running head, no name."""
    words = [w for w in HEADER_SPLIT.split(line.strip()) if w]
    if len(words) < 2 or not re.fullmatch(rf"[{_H}]{{3,14}}", words[0]):
        return ""
    if _SECTION_WORD.fullmatch(words[0]) or not any(_BLOCK_ISSUE.search(w) for w in words[1:]):
        return ""
    sections = 0
    for w in words[1:]:
        if _BLOCK_DATE.match(w) or _BLOCK_ISSUE.search(w) or _HEAD_FIELD.fullmatch(w):
            continue
        if _HEAD_PAGE.fullmatch(w) or re.fullmatch(PAGE_MARK, w):
            continue
        if re.fullmatch(rf"[{_H}]{{2,6}}", w) and sections == 0:
            sections += 1
            continue
        return ""
    return _DIGITAL.sub("", words[0])


def _foot_name(text: str) -> str:
    """A paper named only at the page's foot, in a line of the page's fields (第6版
    2024年4月9日　星期二　某某日报; 某某日报　要闻　A3): the name in it."""
    tail = [ln.strip() for ln in text.rstrip().split("\n")[-6:] if ln.strip()]
    for ln in reversed(tail):
        words = [w for w in HEADER_SPLIT.split(ln) if w]
        names = [w for w in words if _paper_word(w)]
        # (page_furniture: a running head's fields or the foot's, see _furniture)
        if len(names) == 1 and page_furniture(ln) and len(words) >= 3:
            return _DIGITAL.sub("", names[0])
    return ""


def _lines(text: str) -> list[_Line | None]:
    out: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            out.append(None)
            continue
        s = start + len(raw) - len(raw.lstrip())
        e = start + len(raw.rstrip())
        st = raw.strip()
        indent = bool(re.match(r"(?:　|\s{2,})", raw)) and len(raw) - len(raw.lstrip()) >= 1
        out.append(_Line(s, e, st, flat(st), indent))
    return out


# A site's copyright notice under the last story (版权声明：凡注明…未经授权不得转载。):
# furniture, though it is a sentence
# A masthead's issue line: the issue number and how often the paper comes out
# (第321期　每逢三、六、九日出版, 第一二三期　每周三出版), its list of days set apart by 、
_ISSUE_LINE = re.compile(
    r".{0,10}第[\d一二三四五六七八九十百千〇○零]{1,8}期"
    r"(?:每逢|逢|每周|每星期|每日|每月|每旬)[^。！？]{1,16}出版.{0,10}"
)
# A government disclosure's catalogue fields over the document (索引号：…, 发布机构：…,
# 成文日期：…, 发文字号：…): about the document, not its text.
_DISCLOSURE_FIELD = re.compile(
    r"(?:索引号|主题分类|发布机构|成文日期|发文字号|发布日期|公开方式|公开范围|有效性)"
    r"[ \t]*[:：][ \t]*[^。！？\n]{1,50}"
    # and its release note under the issuer's signature: （此件公开发布）, （此件主动公开）
    r"|[（(]此件[^（）()]{2,8}[）)]"
)
# A reprint warning: 未经许可，不得转载本报文章及图片 (未经授权, 未经书面同意; 严禁, 请勿)
_REPRINT = (
    r"未经[^。！？，]{0,6}(?:许可|授权|同意)[，,]?\s*(?:任何[^。！？，]{1,6})?(?:不得|严禁|请勿)"
    r"(?:转载|复制|摘编|使用)[^。！？]{0,16}。?"
)
_COPYRIGHT_NOTICE = re.compile(
    r"(?:版权声明|免责声明)\s*[:：].{0,160}"
    # the page's disclaimer under its data (本版价格数据仅供参考，不作为交易依据)
    r"|(?:本版|本栏|本刊)[^。！？]{0,16}仅供参考[^。！？]{0,24}。?"
    # (a finance page's: 本版文章仅代表作者个人观点，不构成投资建议。据此入市，风险自担。)
    r"|(?:本版|本栏|本刊|本报)[^。！？]{0,12}(?:仅代表|不代表)[^。！？]{0,24}(?:观点|立场)"
    r"(?:[，,；;][^。！？]{0,16})?[。；]?(?:[^。！？]{0,12}风险自担。?)?"
    # (and who helped make it: 本版由某某宣传部协办)
    r"|本版由[^。！？，]{2,30}(?:协办|主办|承办|联办|合办|提供)。?"
    # (or who supplied its pictures: 本版图片由某某提供, 本版获奖作品由某某提供)
    r"|本版[^。！？，]{0,8}由[^。！？，]{2,30}提供。?"
    # (and who answers for its ads: 本版广告内容由广告主负责, 本报所刊广告内容由广告客户负责，
    # 读者请自行核实; its reprint warning may follow)
    r"|(?:本报|本版|本栏|本刊|本站)[^。！？]{0,8}广告[^。！？]{0,12}负责(?:[，,][^。！？]{2,12})?[。；]?"
    r"(?:" + _REPRINT + ")?"
    # (the reprint warning alone: 未经许可，不得转载本报文章及图片)
    r"|"
    + _REPRINT
    # the paper's copyright line with its reprint warning (某某日报版权所有，未经许可不得转载)
    + r"|(?:©[\s　]*(?:(?:19|20)\d\d[\s　]*)?)?[^，。！？\s]{2,16}[\s　]*版权所有[，,；;\s　]*"
    r"(?:未经[^。！？]{1,24}(?:转载|使用|复制|摘编)(?:或[^。！？，]{1,6})?。?)?"
    # (or the words first: 版权所有 © 某某报社　未经书面授权，不得转载、摘编)
    r"|版权所有[\s　]*©?[\s　]*[^，。！？\s]{2,16}[，,；;\s　]*"
    r"(?:未经[^。！？]{1,24}(?:转载|使用|复制|摘编)(?:[、或][^。！？，]{1,6})?。?)?"
)


# The issue's contents on a line of the header: 本期导读：某某／某某／某某 (its titles may
# hold commas).
_CONTENTS = re.compile(r"(?:本期|今日|本版)导读\s*[:：][^。！？]{2,120}")


# An official bulletin's distribution at its foot: to whom it is reported, sent and issued
# (报：某某，某某　送：…　发：…, 抄送：…), and how many copies were printed (共印120份).
_DISTRIBUTION = re.compile(
    r"(?:(?:报|送|发|抄送|抄报|主送|分送)[:：][^。！？：:]{2,80}){1,3}"
    r"|(?:共印|印数[:：]?)\s*[\d一二三四五六七八九十百千]+\s*份"
)


def _furniture(ln: _Line) -> bool:
    if _COPYRIGHT_NOTICE.fullmatch(ln.text) or _ISSUE_LINE.fullmatch(ln.f):
        return True
    if _DISTRIBUTION.fullmatch(ln.f):
        return True
    if _CONTENTS.fullmatch(ln.f):
        return True
    if _DISCLOSURE_FIELD.fullmatch(ln.text):
        return True  # its value may list with 、 (主题分类：农业、林业)
    if re.search("[。！？]", ln.f) or _BOOK_LINE.fullmatch(ln.text):
        return False  # a sentence, or a book's credit naming its publisher (某某出版社)
    return (
        is_furniture(ln.text)
        or running_head(ln.text)
        or bool(_issue_head(ln.text))
        # (no list or clause in it, but the days it comes out: 每周二、四出版)
        # (or the hotline's call to readers: 欢迎提供新闻线索，一经采用即付报料费)
        or bool(
            _FURN_EXTRA.fullmatch(ln.text)
            and not re.search("[，、]", _DAYS_OUT.sub("", _CALL.sub("", ln.f)))
        )
        or bool(_EPAPER.match(ln.text) and "版" in ln.text)
    )


def page_furniture(line: str) -> bool:
    """Is this line (of the folded page) page furniture: a header's, a foot's, a web copy's
    tools (see _furniture)?"""
    st = line.strip()
    return bool(st) and _furniture(_Line(0, len(st), st, flat(st), False))


# The issue's contents box: its heading alone on a line (今日导读, 本期要目), then its items,
# each a title with the page it stands on (■某某某某　2版, ■3版　某某, 第2版　某某, （2版）),
# perhaps wrapped over two lines.
_CONTENTS_HEAD = re.compile(r"[■●◆▲★]?(?:今日|本期|本刊|本报)?(?:导读|要目|导航)")
_CONTENTS_PAGE = re.compile(r"第?\s*[A-Z]?\d{1,2}\s*版|[（(]\s*[A-Z]?\d{1,2}\s*版\s*[）)]")
_CONTENTS_PAGE_END = re.compile(f"(?:{_CONTENTS_PAGE.pattern})$")


def contents_box(lines: list, i: int) -> int:
    """The end of the issue's contents box headed at line i (see _CONTENTS_HEAD), else i:
    up to its last item naming a page, no sentence among them, twelve lines at most; two
    items at least name their page."""
    if lines[i] is None or not _CONTENTS_HEAD.fullmatch(lines[i].f):
        return i
    k, last, paged = i + 1, i, 0
    while k < len(lines) and lines[k] is not None and k - i <= 12:
        f = lines[k].f
        if re.search("[。！？]", f):
            break
        if (
            _CONTENTS_PAGE.match(f)
            or _CONTENTS_PAGE_END.search(f)
            # (or the page alone before the title, set apart: A2　某某会议)
            or re.match(r"[A-Z]\d{1,2}[ \t　]+\S", lines[k].text.strip())
        ):
            last, paged = k, paged + 1
        k += 1
    if paged >= 2 and (k >= len(lines) or lines[k] is None) and k - last <= 2:
        last = k - 1  # (the last item's title wrapped onto a line of its own, to the blank)
    return last + 1 if paged >= 2 else i


def _line_above(lines: list, furn: list[bool], i: int) -> _Line | None:
    """The nearest line above line i that is neither blank nor furniture, looking back a
    bounded way (linear on any page): past eleven such lines, the twelfth up, whatever it is."""
    p = i - 1
    while p >= 0 and (furn[p] or lines[p] is None) and i - p < 12:
        p -= 1
    return lines[p] if p >= 0 else None


def segment(text: str, traditional: bool = False) -> list[dict]:
    """The page's pieces as dicts of Article fields (without id/source/seq); traditional:
    the page is set in traditional characters (its headline stacks put the subtitle under
    the headline, see _split_stack)."""
    lines = _lines(text)
    nonblank = [ln for ln in lines if ln]
    if not nonblank:
        return []
    col = statistics.median(len(ln.f) for ln in nonblank)
    # the width of the page's full lines, that of its widest fifth (a page of many short
    # lines, headlines, credits and rows, sets its median short of it)
    full_width = sorted(len(ln.f) for ln in nonblank)[int(0.8 * (len(nonblank) - 1))]
    # a page printing a paragraph a line: most of its longer lines finish a sentence, and
    # most lines finishing a sentence are long (in narrow columns a paragraph ends on a
    # short line: two long lines of a notice's licence number say nothing of the page)
    long = [ln for ln in nonblank if len(ln.f) >= 20]
    ended = [ln for ln in nonblank if ends_sentence(ln.f)]
    flat_page = col > 40 or (
        bool(long)
        and sum(ends_sentence(ln.f) for ln in long) >= 0.6 * len(long)
        and 2 * sum(len(ln.f) >= 20 for ln in ended) >= len(ended)
    )
    indented = sum(1 for ln in nonblank if ln.indent) >= 5
    n = len(lines)
    # a page that sets no blank line between its pieces (the header's aside): a short line
    # after a finished sentence, over a paragraph, opens a stack as a blank line would
    filled = [k for k, ln in enumerate(lines) if ln]
    unspaced = len(filled) >= 20 and sum(x is None for x in lines[filled[0] : filled[-1]]) <= 1
    # a page with hardly a mark of punctuation (a late-Qing paper's, pointed with 。 here and
    # there or not at all): its line ends say nothing of where a text ends
    unpointed = len(nonblank) >= 20 and sum(
        bool(re.search("[。，、；！？]", ln.f)) for ln in nonblank
    ) < 0.3 * len(nonblank)
    furn = [bool(ln and _furniture(ln)) for ln in lines]
    # the paper's name alone on a line, again and again down the page (an account's name
    # over each of its posts, a running head) is furniture, never a headline
    paper = masthead(text)
    named = [k for k, ln in enumerate(lines) if paper and ln and ln.f.lstrip("@") == paper]
    if len(named) >= 2:
        for k in named:
            furn[k] = True
    for i in range(min(n, 6)):  # the paper's name on a line of its own at the page top
        if lines[i] and len(lines[i].f) <= 10 and _MASTHEAD.fullmatch(lines[i].f):
            furn[i] = True
        elif lines[i] and paper and lines[i].f == paper:
            furn[i] = True  # (the name as the masthead reading found it, whatever its ending)
        # a weekly's or a media centre's name (某某周刊, 某某新闻; a place before a section
        # word: 星海体育周刊) right over the header's line (its date, its page) is the
        # paper's name too; a section word alone (体育周刊) is a label
        elif (
            lines[i]
            and i + 1 < n
            and furn[i + 1]
            and _MEDIA_NAME.fullmatch(lines[i].f)
            and not _SECTION_WORD.fullmatch(lines[i].f)
        ):
            furn[i] = True
    for i in range(1, n):
        # a foot line's number wrapped onto a line of its own (…　电话： / 0739-1234567)
        p, ln = lines[i - 1], lines[i]
        if furn[i - 1] and p and ln and p.f.endswith(("：", ":")) and _PHONE_ALONE.fullmatch(ln.f):
            furn[i] = True
    for i in range(1, n):
        # a page note wrapped over two lines in narrow columns (本版图片除署名外均由某某 /
        # 某某提供), with only furniture under it
        p, ln = lines[i - 1], lines[i]
        if (
            p
            and ln
            and not (furn[i - 1] or furn[i])
            and p.f.startswith(("本版", "本栏", "本刊"))
            and _COPYRIGHT_NOTICE.fullmatch(p.f + ln.f)
            and all(furn[x] or lines[x] is None for x in range(i + 1, min(n, i + 9)))
        ):
            furn[i - 1] = furn[i] = True
    for i in range(n):  # the issue's contents box (今日导读 / ■某某　2版 / …): furniture
        for x in range(i, contents_box(lines, i)):
            furn[x] = True
    for i in range(1, n):  # a date under an issuing body's name signs a notice: no header
        p, ln = lines[i - 1], lines[i]
        if furn[i] and p and ln and not furn[i - 1] and _ISSUE_DATE.fullmatch(ln.f):
            furn[i] = not (_ISSUER.fullmatch(p.f) or _SIGN_ROLE.fullmatch(p.text))
    # the page foot: the page's last lines, set apart by a blank line, each a field (地址：…,
    # 电话：…　每份二分), the imprint (某某印刷厂印刷) or the paper's registration, one of
    # them at least the paper's own (furniture already): all of them the foot
    end = max((k for k, ln in enumerate(lines) if ln), default=-1)
    k = end
    while (
        k >= 0
        and end - k < 8
        and lines[k] is not None
        and (furn[k] or bool(_FOOT_LINE.fullmatch(lines[k].f)))
    ):
        k -= 1
    if end >= 0 and k < end and (k < 0 or lines[k] is None) and any(furn[k + 1 : end + 1]):
        for x in range(k + 1, end + 1):
            furn[x] = True
    for i in range(1, n):
        # an advertiser's website or mailbox right under its own contact line (电话：… /
        # 网址：www.某某.com), no blank line between: the ad's, not the paper's foot
        p, ln = lines[i - 1], lines[i]
        if furn[i] and p and ln and not furn[i - 1] and _CONTACT.search(p.f):
            furn[i] = not _SITE_FIELD.fullmatch(ln.f)
    opens: set[int] = set()  # lines that open a piece whatever is above them
    # a column's label alone between blank lines (工人来信, 读者之声) over a stack and its text,
    # under a finished sentence: it names the column, it is no part of the piece above
    for i in range(2, n - 3):
        ln, nx, nx2 = lines[i], lines[i + 2], lines[i + 3]
        if (
            ln is not None
            and lines[i - 1] is None
            and lines[i + 1] is None
            and _COLUMN_NAME.fullmatch(ln.f)
            and nx is not None
            and nx2 is not None
            and not nx.indent
            and len(nx.f) <= 30
            and not re.search("[。！？；，]", nx.f)
            and (p := _line_above(lines, furn, i)) is not None
            and ends_sentence(p.f)
        ):
            furn[i] = True
        # a notice's genre alone between blank lines over notices set without titles (公　告
        # over a court's untitled notices, each signed): their label, no one's headline
        if (
            ln is not None
            and lines[i - 1] is None
            and lines[i + 1] is None
            and _NOTICE_GENRE.fullmatch(ln.f)
            and nx is not None
            and nx.indent
        ):
            furn[i] = True
            opens.add(i + 2)  # the first notice under it is a piece of its own
    # a web copy's related links: 相关阅读： (相关新闻, 延伸阅读) over the linked titles, each
    # opening with a bullet (· 某某), up to the next line without one: furniture
    # (a news app lists them without bullets: short titles, no sentence, up to a blank line)
    for i in range(n):
        if lines[i] and _RELATED.fullmatch(lines[i].f) and i + 1 < n and lines[i + 1]:
            k = i + 1
            while k < n and lines[k] and lines[k].text[:1] in "·•":
                k += 1
            if k == i + 1:
                while k < n and k - i <= 6 and lines[k] and _link_title(lines[k].f):
                    k += 1
                k = k if k >= n or lines[k] is None else i + 1
            if k > i + 1:
                furn[i:k] = [True] * (k - i)
    for i in range(1, n):  # a phone number's digits wrapped under its contact line
        p, ln = lines[i - 1], lines[i]
        if furn[i] and p and ln and _DIGITS_REST.fullmatch(ln.text):
            nx = lines[i + 1] if i + 1 < n else None
            furn[i] = not (
                (p.f[-1:].isdigit() and _CONTACT_WORD.search(p.f))
                # a number wrapped mid-paragraph (营业时间：9:00—22:0 / 0 / 热诚欢迎…):
                # digits between two lines of text, under a line ending inside a number,
                # are its rest; a page number stands at the page's edge or between blanks
                or (
                    len(ln.f) <= 3
                    and re.search(r"\d[:：.．]?$", p.f)
                    and not furn[i - 1]
                    and nx is not None
                    and not furn[i + 1]
                )
            )
    # a section's name in the page header (要闻, 文娱, 副刊·某某), set between the header's
    # other lines (the date, the page number, the editors' line): furniture too
    for i in range(1, min(n - 1, 8)):
        p, ln, nx = lines[i - 1], lines[i], lines[i + 1]
        if p and ln and nx and furn[i - 1] and furn[i + 1] and not furn[i]:
            furn[i] = len(ln.f) <= 6 and bool(re.fullmatch(rf"[{_H}·]+", ln.f))
    # the page header: the top lines up to the first blank line, when none is a sentence
    k = 0
    while k < n and lines[k] is None:
        k += 1
    j = k
    while j < n and lines[j] is not None:
        j += 1
    top = [ln for ln in lines[k:j] if ln]
    if (
        top
        and j - k <= 16
        and not any(ends_sentence(x.f) for x in top)
        and any(_furniture(x) for x in top)
    ):
        for i in range(k, j):
            furn[i] = True
    else:
        # no blank line closes the header: the editors' line (责任编辑：某某, 责编　某某　美编
        # 某某) does, within the top eight lines, when the page's own furniture opens it and
        # no line above it is a sentence (a section's name, 城事·特稿, is the header's); a web
        # copy's source line naming its editor (来源：… | 编辑：某某) heads its text, no page
        for s in range(k, min(j, k + 8)):
            x = lines[s]
            if x is None or ends_sentence(x.f) or re.search("[。！？，；]", x.f):
                break
            staff = _STAFF_LINE.search(x.f) and not WEB_META.match(x.f) and "来源" not in x.f
            if staff and len(x.f) <= 40 and any(furn[k:s]):
                furn[k : s + 1] = [True] * (s + 1 - k)
                break

    def post_start(i: int) -> bool:
        """Can line i open a piece of its own: after a blank line or furniture, or after a
        finished sentence on a page printing a paragraph a line?"""
        p = prev_line(i)
        return blank_before(i) or (flat_page and p is not None and ends_sentence(p.f))

    def blank_before(i: int) -> bool:
        p = i - 1
        while p >= 0 and furn[p] and i - p < 12:  # bounded: linear on any page
            p -= 1
        return p < 0 or lines[p] is None

    def prev_line(i: int) -> _Line | None:
        return _line_above(lines, furn, i)

    def dash_sub(i: int) -> bool:
        """A subtitle opened by a dash (——某某) set indented, under a headline line and over
        a dateline or byline: the page indents it as it does its paragraphs, but a paragraph
        never sits between a headline and the dateline that opens the text."""
        ln, pv = lines[i], lines[i - 1] if i > 0 else None
        return (
            ln is not None
            and ln.f.startswith("——")
            and not re.search("[。！？；]", ln.f)
            and pv is not None
            and not pv.indent
            and not furn[i - 1]
            and not ends_sentence(pv.f)
            and pv.f[-1:] not in TERMINAL + "，,、：:；;"
            and opener(i + 1)
        )

    def _cjk_head(i: int) -> bool:
        return not _LATIN_TITLE.fullmatch(lines[i].text.strip()) and headish(i)

    def comma_wrapped(i: int) -> bool:
        """Is line i the first of a headline wrapped after its comma in narrow columns (与一
        座城， / 共写七十年), over the text's first full line? A short line ending in a comma
        is no paragraph's (a paragraph's short line is its last, a sentence's end) and no
        verse's (whose lines run on short)."""
        if flat_page or i + 2 >= n or not all(lines[x] for x in (i, i + 1, i + 2)):
            return False
        f, nf, text_f = lines[i].f, lines[i + 1].f, lines[i + 2].f
        return (
            f[-1] in "，,"
            and "，" not in f[:-1]
            and len(f) <= 0.6 * col
            and len(nf) <= 0.6 * col
            and nf[-1] not in TERMINAL + "，,、：:；;"
            and not re.search("[。；！？，]", nf)
            and len(text_f) >= 0.8 * col
            and not lines[i].indent
            and not lines[i + 1].indent
        )

    def headish(i: int) -> bool:
        ln = lines[i]
        if ln is None or furn[i]:
            return False
        f = ln.f
        if (
            _SECTION_LABEL.fullmatch(f)
            and i > 0
            and lines[i - 1] is not None
            and i + 1 < n
            and lines[i + 1] is not None
            # (under a signature closing the piece above, the label opens the next piece:
            # a letter's signature over 【回复】)
            and not signed_above(i)
            and (
                (indented and lines[i + 1].indent)
                # on a page printing a paragraph a line: a paragraph under it
                or (flat_page and len(lines[i + 1].f) >= 20 and ends_sentence(lines[i + 1].f))
                # on a page that marks no paragraph: a numbered point under it
                or (
                    not indented
                    and not flat_page
                    and lines[i - 1] is not None
                    and not _TAG.fullmatch(lines[i - 1].f)
                    # (its first numbered point under it: 1.…, 一、…, （一）…; a column tag
                    # stands over a headline)
                    and bool(
                        re.match(
                            r"\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]",
                            lines[i + 1].f,
                        )
                    )
                )
            )
        ):
            # a section's label in brackets inside a piece, right over its indented
            # paragraph, no blank line above (【裁判要旨】, 【案情】): the piece's crosshead;
            # a column's tag stands over a headline
            return False
        if _LATIN_TITLE.fullmatch(ln.text.strip()) and not ln.indent:
            # a headline's translation under it (a bilingual page: Is "Dragon" the Right
            # Word?): a stack's line where the line above is one, its question mark no
            # sentence's end; English running text is a paragraph
            return i > 0 and lines[i - 1] is not None and _cjk_head(i - 1)
        if not f or not _head_len_ok(f) or (indented and ln.indent and not dash_sub(i)):
            return False
        if _OBIT_NAME.fullmatch(ln.text.strip()) or _PRICE_ALONE.fullmatch(f):
            return False
        if _open_note(f):
            return False  # a note in brackets wrapped onto the next line, no heading
        if _ADDRESS.match(f) or re.match(r"(?:联系|咨询|报名|服务)?(?:电话|手机|热线)\s*[:：]", f):
            return False  # a notice's or an ad's contact field (联系人：…, 电话：…, 地址：…)
        if _ASKED.match(f) and re.search("[？?]", f):
            return False  # a reader's question in a Q&A column (读者问：…？): its text
        if _WORK_COLON.fullmatch(f) and i + 1 < n and lines[i + 1] and not furn[i + 1]:
            # a review's headline names the work, a colon, then the verdict, wrapped after
            # the colon in narrow columns (《某某》： / 把某某拍成了诗): a stack's line
            nf = lines[i + 1].f
            return not (nf[-1] in TERMINAL + "，,、：:；;" or re.search("[。；！？]", nf))
        if comma_wrapped(i):
            return True  # a headline wrapped after its comma in narrow columns
        if f[-1] in TERMINAL + "，,、：:；;" or ends_sentence(f) or re.search("[。；]", f):
            return False
        if all(c in CLOSING + TERMINAL for c in f):
            return False  # a closing mark wrapped onto a line alone (”, ）。) ends the line above
        if _SECTION_NO.match(f):
            return False  # a numbered section or clause opens running text
        if (_ITEM.match(f) and not _TAG.fullmatch(f)) or DATELINE.match(ln.text):
            return False  # a list item (a bullet before a short label is a tag: ■数据)
        if _CONT_IN.match(f) or _CONT_OUT.match(f):
            return False
        if _EDITOR_END.match(f):
            return False  # ——编者 signs the editor's lead above it
        if _ANNEX.match(f):
            return False  # a document's attachments (附件：…) close its text
        if _CHART_SOURCE.match(f):
            return False  # a chart's source (数据来源：…) closes its caption
        if re.fullmatch(r"[（(][^（）()]+[）)]", f) and not (
            _DOC_MARK.fullmatch(f)
            or _TAG.fullmatch(f)
            or _PERIOD.fullmatch(f)
            # (a notice's series number under its title: 某某通知 / （第一号）)
            or (_SERIES_NO.fullmatch(f) and i > 0 and bool(lines[i - 1]) and headish(i - 1))
        ):
            return False  # a line wholly in brackets is a credit or a note, never a headline
        if (m := _PHOTO.search(f)) and m.start() == 0:
            return False
        return True

    def address_closed(i: int) -> bool:
        """Does a notice's address field (地址：…), perhaps wrapped onto a short line, end on
        the line above line i, under its contact lines?"""
        p = lines[i - 1] if i >= 1 else None
        if p is None:
            return False
        if _ADDRESS.match(p.f):
            return (
                (
                    len(p.f) < 0.85 * col  # not cut at the width: its rest would follow
                    # (or line i reads as no address's rest: no number, no 号/楼/路 ending,
                    # and more than half a line: a wrapped field's rest is short)
                    or (
                        not re.search(r"\d|[号楼室层座栋幢户弄巷路街道区]$", lines[i].f)
                        and len(lines[i].f) > 0.5 * col
                    )
                )
                and i >= 2
                and bool(lines[i - 2])
                and contact_line(i - 2)
            )
        q = lines[i - 2] if i >= 2 else None
        return (
            q is not None
            and bool(re.match(r"[" + _H + r"]{0,4}地址\s*[:：]", q.f))
            and len(q.f) >= 0.85 * col
            and len(p.f) <= 0.6 * col
            and not re.search("[:：。]", p.f)
        )

    def contact_line(i: int) -> bool:
        """A contact line (联系电话：…, 热线：…): it closes a notice or an ad."""
        ln = lines[i] if 0 <= i < n else None
        return bool(ln and _CONTACT.search(ln.f) and re.search(r"[:：]\s*[\d(（]", ln.f))

    def loose_head(i: int) -> bool:
        """A line that may stand in a stack closed by a byline or dateline: a subtitle
        wraps after a comma (，、), a kicker ends with a colon (某地：), a line may fill the
        column; only a finished sentence, a list item or a paragraph's indent rule it out."""
        ln = lines[i] if 0 <= i < n else None
        if ln is None or furn[i] or not ln.f or not _head_len_ok(ln.f) or (indented and ln.indent):
            return False
        if ends_sentence(ln.f) or re.search("[。！？；]", ln.f) or _ITEM.match(ln.f):
            return False
        return not (DATELINE.match(ln.text) or _CONT_IN.match(ln.f) or _CONT_OUT.match(ln.f))

    def row(i: int) -> bool:
        """A table row: figures in cells set apart by spaces, no sentence."""
        ln = lines[i] if 0 <= i < n else None
        return (
            ln is not None
            and not furn[i]
            and len(ln.f) <= 40
            and not _ITEM.match(ln.f)  # a bullet opens a list item, not a row
            and not re.search("[。！？；，]", ln.f)
            # (a line wholly in brackets, or labelled with the unit, says what the table
            # lists: （单位：元/500克　统计时间：4月11日—17日）, （2024年1月1日起执行）)
            and not re.fullmatch(r"[（(][^（）()]*[）)]", ln.f)
            and not re.match(r"[（(]?(?:计量)?单位\s*[:：]", ln.f)
            and bool(re.search(r"\d", ln.f))
            and bool(re.search(r"\S[ \t　]+\S", ln.text))
        )

    def table_note(i: int, p: _Piece) -> int:
        """Take a note in brackets set right under a table's rows (its source, a caveat)
        into the piece; the next line's index."""
        ln = lines[i] if i < n else None
        if ln is not None and re.fullmatch(r"[（(][^（）()]+[）)]", ln.f):
            p.body.append((ln.s, ln.e))
            return i + 1
        if ln is not None and _TABLE_NOTE.match(ln.f):
            # a labelled note (注：…, 数据来源：…) runs on over its wrapped lines to the
            # end of its sentence, or to the source line closing it, up to a blank line
            k = i
            while k < n and lines[k] is not None and k - i < 6:
                p.body.append((lines[k].s, lines[k].e))
                k += 1
                # (a source line, 数据来源：某某, or a line short of the column's width ends
                # the note without a full stop)
                done = (
                    ends_sentence(lines[k - 1].f)
                    or bool(re.match(r"[（(]?[数资]?[据料]?来源\s*[：:]", lines[k - 1].f))
                    # (short, unless a sentence begun in the line runs on past a comma
                    # or a full stop: 注：以上为均价。本周叶 / 菜类价格小幅回落，瓜果类价 /
                    # 格基本持平。)
                    or (
                        len(lines[k - 1].f) < 0.85 * col
                        and not re.search(
                            "[。！？；，、][^。！？；，、”’）)]+$",
                            _NOTE_LABEL_AT.sub("", lines[k - 1].f),
                        )
                    )
                )
                nxt = lines[k] if k < n else None
                if done and not (
                    nxt is not None
                    and (
                        _TABLE_NOTE.match(nxt.f)
                        # (a numbered note's next point: 注：1.… / 2.…)
                        or (
                            re.match(r"(?:注|说明|备注)\s*[：:]\s*1[.．、]", ln.f)
                            and re.match(r"\d{1,2}[.．、]", nxt.f)
                        )
                    )
                ):
                    break
            # (and the source in brackets under the note: （数据来源：某某）)
            if k < n and lines[k] is not None and re.fullmatch(r"[（(][^（）()]+[）)]", lines[k].f):
                p.body.append((lines[k].s, lines[k].e))
                k += 1
            return k
        return i

    def header_row(i: int) -> bool:
        """A table's header row: three or more cells set apart by spaces, no sentence."""
        ln = lines[i] if 0 <= i < n else None
        return (
            ln is not None
            and not furn[i]
            and not re.search("[。！？；，]", ln.f)
            and bool(_CELLS.fullmatch(ln.text.strip()))
            and not _own_byline(ln.text)  # (a compiler's credit: 本报记者　某某　整理)
        )

    def closed_note(i: int) -> bool:
        """Does a note in brackets, wrapped over up to four lines under a finished sentence,
        close on the line above line i (（《某某》　某某著 / 某某出版社 / 定价86元）: a book's
        details after a review)? The text above it is finished."""
        x = i - 1
        if x < 0 or lines[x] is None or not lines[x].f.endswith(("）", ")")):
            return False
        while x > 0 and i - x <= 4 and lines[x] is not None:
            f = lines[x].f
            if f.startswith(("（", "(")):
                above = lines[x - 1]
                run = "".join(lines[y].f for y in range(x, i))
                return (
                    above is not None
                    and ends_sentence(above.f)
                    and run.count("（") + run.count("(") == 1
                    and not re.search("[。！？]", run[:-1])
                )
            x -= 1
        return False

    def speaker_piece(i: int) -> bool:
        """A column's tag alone (【两会之声】) at line i, at a piece's start, over a line
        naming a speaker by title and name (某某代表、某某公司董事长　某某, a colon perhaps
        closing it), over a paragraph of text."""
        ln, pv = lines[i], prev_line(i)
        nx = lines[i + 1] if i + 1 < n else None
        after = lines[i + 2] if i + 2 < n else None
        return (
            bool(_TAG.fullmatch(ln.f))
            and nx is not None
            and after is not None
            and not furn[i + 1]
            and bool(AFFILIATION.fullmatch(nx.text.strip().rstrip("：:")))
            and not headish(i + 2)
            and (
                cur is None
                or pv is None
                or blank_before(i)
                or ends_sentence(pv.f)
                or credit_closed(i)
                or signed_above(i)
            )
        )

    def field_rows(i: int) -> int:
        """How many lines from line i up to a blank line open with a short label and its
        colon (开放时间：…, 今天（25日）：…), the first among them; their wrapped rests
        between them are not counted."""
        if i >= n or lines[i] is None or not _FIELD_ROW.match(lines[i].f):
            return 0
        if WEB_META.fullmatch(lines[i].text) or opener(i + 1):
            return 0  # (a web copy's publication line under its title, a dateline under it)
        k, count, said = i, 0, 0
        while k < n and lines[k] is not None and k - i < 20:
            if _FIELD_ROW.match(lines[k].f):
                if lines[k].indent:
                    return 0  # (an interview's questions and answers: 　　记者：…)
                count += 1
                said += bool(re.search("[。！？]$", lines[k].f))
            k += 1
        if k < n and lines[k] is not None:
            return 0  # (a box is set apart, a blank line under it: no feature's long text)
        # (fields, not a dialogue's sentences; a third of the lines at least: a box's rows,
        # not a stack's line with a colon over a feature's text)
        return count if 2 * said <= count and 3 * count >= k - i else 0

    def inline_box(i: int) -> int:
        """A box inside a story at line i: its label in brackets opening the line
        (【赛果】某某　3:1　某某) and its rows of figures, short lines set flush between the
        story's indented paragraphs, no blank line, the story's next paragraph right under
        them. The line after the box, else 0. (A content system's labelled title and
        byline, 【标题】某某 / 融媒记者　某某, hold no figures: no box.)"""
        ln = lines[i]
        if not (
            indented
            and cur is not None
            and cur.body
            and not ln.indent
            and not blank_before(i)
            and _BOX_LABEL.match(ln.f)
        ):
            return 0
        if _FIELD_LABEL.match(ln.f):
            return 0  # a content system's labelled title (【标题】某某), no box
        j = i + 1
        while (
            j < n
            and j - i <= 8
            and lines[j] is not None
            and not _BOX_LABEL.match(lines[j].f)
            and not furn[j]
            and not lines[j].indent
            and len(lines[j].f) < 0.85 * col
            and not re.search("[。！？]", lines[j].f)
            and re.search(r"\d", lines[j].f)  # a row of results or figures
        ):
            j += 1
        return j if j - i >= 2 and j < n and lines[j] is not None and lines[j].indent else 0

    def notice_word(i: int) -> bool:
        """Is line i the genre word alone of a notice no unit heads with its own name
        (讣　告, 鸣　谢, 更正)? A unit's name over 诚聘 or 公告 may be the notice's title."""
        ln = lines[i] if 0 <= i < n else None
        return bool(ln and _OWN_GENRE.fullmatch(ln.f) and not furn[i])

    def table_within(i: int) -> bool:
        """Does a table's title open at line i, its rows starting within three lines (under
        its period or unit line)?"""
        return any(rows_from(k, header=True) >= 3 for k in range(i + 1, min(n, i + 4)))

    def rows_from(i: int, header: bool = False) -> int:
        """How many rows of figures (up to four) run from line i; with ``header``, after a
        header row of cells if one opens the table (类　别　　历史类　　物理类)."""
        k = i + (1 if header and not row(i) and header_row(i) else 0)
        start = k
        while k < n and k - start < 4 and row(k):
            k += 1
        return k - start

    def table_head(k: int) -> tuple[int, int] | None:
        """Lines k+1.. under a heading at line k: (its unit and period lines, a
        blank line over the rows) when rows of cells follow, else None."""
        unit = k + 1 < n and lines[k + 1] is not None and _TABLE_UNIT.fullmatch(lines[k + 1].f)
        if (
            not unit
            and k + 2 < n
            and lines[k + 1] is not None
            and not re.search("[。！？]", lines[k + 1].f)
            and len(lines[k + 1].f) <= 30
            and not _ITEM.match(lines[k + 1].f)
            and not _LIST_MARK.match(lines[k + 1].f)
            and not opener(k + 1)  # (its compiler's credit: 本报记者　某某　整理)
            and rows_from(k + 1, header=True) < 3
            and (
                rows_from(k + 2, header=True) >= 3
                or (k + 3 < n and lines[k + 2] is None and rows_from(k + 3, header=True) >= 3)
            )
        ):
            # a line under the table's heading saying what it lists (某某赛（第三班）
            # 1200米　晚上10:50), over its header row: read as a unit line is
            unit = True
        # (or two such lines: its period in brackets over its unit line, 单位：元/月)
        units = int(bool(unit))
        if (
            k + 3 < n
            and lines[k + 1] is not None
            and lines[k + 2] is not None
            and _TABLE_PERIOD.fullmatch(lines[k + 1].f)
            and _TABLE_UNIT.fullmatch(lines[k + 2].f)
        ):
            units = 2
        # (a page setting a blank line after every paragraph sets one over the rows too)
        gap = int(
            units > 0
            and k + 2 + units < n
            and lines[k + 1 + units] is None
            and rows_from(k + 2 + units, header=True) >= 3
        )
        if rows_from(k + 1 + units + gap, header=True) >= 3 and len(lines[k].f) <= 20:
            return units, gap
        return None

    def verse_line(k: int) -> bool:
        """A line of verse: shorter than the column (12 characters at least), not broken
        after a comma or colon, no sentence ending inside it (a comma inside is the verse's
        own pause, in a line clearly shorter than the column's); it may end a sentence only
        right over a blank line (a stanza's end)."""
        ln = lines[k] if 0 <= k < n else None
        if ln is None or furn[k] or (indented and ln.indent) or len(ln.f) >= max(col, 12):
            return False
        if _WORK_CREDIT.fullmatch(ln.text.strip()):
            return False  # an artwork's caption under the poem, no verse
        if re.search("[，、：:]", ln.f) and len(ln.f) >= max(0.85 * col, 12):
            return False  # a comma in a line of nearly the column's width: prose
        if ln.f[-1] in "，、：:；;," or re.search("[。！？!?；;]", ln.f[:-1]):
            return False
        return ln.f[-1] not in TERMINAL or k + 1 >= n or lines[k + 1] is None

    def verse_from(i: int, poem: bool = False) -> int:
        """How many lines of verse run from line i up to a blank line or the page end (0
        when the run ends otherwise): verse lines (see verse_line), no figures in cells,
        none a byline or dateline, none a list item; a comma inside them only where the
        run is set ragged (see _ragged), never as a column sets prose, unless the run is
        the next stanza of a poem (poem)."""
        k, commas = i, False
        while k < n and k - i < 40 and lines[k] is not None:
            f = lines[k].f
            if not verse_line(k) or opener(k) or row(k) or _ITEM.match(f) or not _head_len_ok(f):
                return 0
            if DATELINE.match(lines[k].text) or _CONT_IN.match(f) or _CONT_OUT.match(f):
                return 0
            commas = commas or bool(re.search("[，、：:]", f))
            k += 1
        if k - i >= 40 or (
            commas and not poem and not _ragged([len(lines[x].f) for x in range(i, k)])
        ):
            return 0
        return k - i

    def classical_verse(i: int) -> int:
        """How many lines of classical verse run from line i: short lines set flush, each a
        line of five or seven characters closed by a comma or a stop (or a ci's line of
        such phrases), up to a blank line, the page's end or a line that is none."""
        k = i
        while k < n and lines[k] is not None and not lines[k].indent:
            f = lines[k].f
            if (
                len(f) > 16
                or f[-1] not in "，。！？；"
                or not re.fullmatch(r"(?:[^，。！？；、]{2,7}[，。！？；、])+", f)
            ):
                break
            k += 1
        return k - i

    def signed_stanza(i: int) -> int:
        """The line of the poet's signature closing a stanza of verse from line i (its own
        line, a byline or a bullet before the poet's unit and name, ■某连上等兵　某某, a
        blank line or the page's end under it), else 0."""
        k = i
        while k < n and k - i < 40 and lines[k] is not None:
            k += 1
        k -= 1  # the stanza's last line
        if k <= i:
            return 0
        sig = lines[k].text.strip()
        if not (_own_byline(sig) or _BULLET_SIGNATURE.fullmatch(sig)):
            return 0
        for x in range(i, k):
            f = lines[x].f
            if not verse_line(x) or opener(x) or row(x) or _ITEM.match(f) or not _head_len_ok(f):
                return 0
            if DATELINE.match(lines[x].text) or _CONT_IN.match(f) or _CONT_OUT.match(f):
                return 0
        return k

    def ad_block(i: int) -> int:
        """The end of a display advertisement starting at line i, else -1: three or more
        lines up to a blank line, none a byline, slogans set apart by spaces, and a contact
        line (电话/热线/地址 with a number); no sentence, or one line of copy in a short ad
        under a product's name (eight lines at most)."""
        k, contact, spaced, said = i, False, False, 0
        while k < n and lines[k] is not None and k - i < 16:
            ln = lines[k]
            if furn[k] or opener(k):
                return -1
            if _ITEM.match(ln.f) and (k == i or re.search("[。！？!?]", ln.f)):
                return -1  # (an item under the ad's name is a slogan: ■首付1成起)
            if re.search("[。！？!?]", ln.f) and not _AD_CAVEAT.search(ln.f):
                said += 1  # one sentence of copy among the slogans, at most (below)
            contact = contact or bool(_CONTACT.search(ln.f))
            spaced = spaced or len(ln.text.split()) >= 2
            k += 1
        if said and not (
            said == 1
            and k - i <= 8
            and len(lines[i].f) <= 16
            and not re.search(r"[，。、：:；！？]", lines[i].f)
        ):
            return -1
        # on a page printing a paragraph a line, the whole ad may stand on one line: four
        # or more slogans set apart by spaces
        many = flat_page and len(lines[i].text.split()) >= 5
        if (k - i < 3 and not many) or not contact or not spaced or NOTICE.fullmatch(lines[i].f):
            return -1
        return k if k >= n or lines[k] is None else -1

    def ad_groups(i: int) -> int:
        """The end of a display advertisement set in groups apart by blank lines, starting at
        line i, else -1: a brand's or venue's name first (short, unpunctuated), then groups
        of one to three lines of slogans (none a sentence), the ad closed by the group with
        its contact line (电话…, 预约：…); one line set apart by spaces at least; five groups
        and twelve lines at most."""
        if len(lines[i].f) > 24 or re.search(r"[，。、：:；！？]", lines[i].f):
            return -1
        k, groups, size, count, contact, spaced = i, 1, 0, 0, False, False
        while k < n and count < 12:
            ln = lines[k]
            if ln is None:
                if size:
                    if contact:
                        return k if groups > 1 else -1
                    groups, size = groups + 1, 0
                    if groups > 5:
                        return -1
                k += 1
                continue
            if furn[k] or opener(k) or _ITEM.match(ln.f) or re.search("[。！？!?]", ln.f):
                return -1
            if NOTICE.fullmatch(ln.f) or size == 3:
                return -1
            size, count = size + 1, count + 1
            contact = contact or bool(_CONTACT.search(ln.f))
            spaced = spaced or len(ln.text.split()) >= 2
            k += 1
        return k if k >= n and contact and spaced and groups > 1 else -1

    def ad_run(i: int) -> int:
        """On a page that sets no blank line, the end of a display advertisement starting at
        line i under a finished sentence, else -1: a short name (a venue, a brand) over
        lines of slogans short of the column's width, none a sentence, one set apart by
        spaces, up to and with its last contact line (电话…), twelve lines at most."""
        p = prev_line(i)
        if not unspaced or p is None or not ends_sentence(p.f):
            return -1
        k, last, spaced = i, -1, False
        while k < n and lines[k] is not None and k - i < 12:
            ln = lines[k]
            if furn[k] or opener(k) or _ITEM.match(ln.f) or _TAG.fullmatch(ln.f):
                break
            if re.search("[。！？!?，]", ln.f) or len(ln.f) > 0.9 * col:
                break  # (a sentence, or a line as wide as the column's text)
            if _CONTACT.search(ln.f):
                last = k
            spaced = spaced or len(ln.text.split()) >= 2
            k += 1
        if last < i + 2 or not spaced or NOTICE.fullmatch(lines[i].f) or len(lines[i].f) > 10:
            return -1  # (the ad's first line names what it sells, a venue or a brand)
        return last + 1

    def caption_block(i: int) -> int:
        """The end of a caption starting at line i, else -1: a paragraph of at most four
        lines up to a blank line (or the page end), one or two sentences, closed by a
        photo credit in brackets (（本报记者 某某 摄）, wrapped or not) or bare (…。本报记者
        某某摄, …。新华社发), no dateline."""
        k = i
        while k < n and lines[k] is not None and k - i < 9:
            last = k + 1 >= n or lines[k + 1] is None
            if furn[k] or (
                opener(k) and not (k > i and last and _CREDIT_ALONE.fullmatch(lines[k].text))
            ):
                return -1
            k += 1
        if k - i > 8 or (k < n and lines[k] is not None):
            return -1
        joined = "".join(lines[x].f for x in range(i, k))
        if k - i > 4 and (
            len(joined) > 110 or any(len(lines[x].f) < 0.75 * col for x in range(i, k - 3))
        ):
            return -1  # four lines of a wide column; more only in a narrow one, set full
            # to its width (a short first line is the photo's title over its caption)
        m = _PHOTO.search(joined) or _AGENCY_PHOTO.search(joined) or _PHOTO_BARE.search(joined)
        said = joined[: m.start()] if m else ""
        if m is None:
            # (a bare credit set apart by spaces, which the flat copy drops: 。　某某　摄)
            spaced = "".join(lines[x].text.strip() for x in range(i, k))
            m = _PHOTO_BARE.search(spaced)
            said = flat(spaced[: m.start()]) if m else ""
        if not m or not said:
            return -1
        return k if ends_sentence(said) and len(re.findall("[。！？]", said)) <= 2 else -1

    def credited_caption(i: int) -> bool:
        """Lines from i, at most four, one or two sentences closed by a photo credit at a
        line's end (…。（某某 摄）): a caption's text, whatever follows it."""
        said = ""
        for k in range(i, min(i + 4, n)):
            ln = lines[k]
            if ln is None or furn[k] or (k > i and opener(k)) or DATELINE.match(ln.text):
                return False
            said += ln.f
            m = _PHOTO.search(said)
            if m and m.end() == len(said) and m.start() > 0:
                txt = said[: m.start()]
                return ends_sentence(txt) and len(re.findall("[。！？]", txt)) <= 2
        return False

    def caption_from(i: int, p: _Piece) -> int:
        """On a page that sets no blank line, the first line of a photo's caption whose
        credit is glued to its last sentence on line i (…。（某某 摄）, wrapped or not), the
        lines above it being the last of ``p``'s body, else -1: back to a paragraph's end
        (a finished sentence on a page printing a paragraph a line, else one short of the
        column's width), a signature or a byline; at most four lines, one or two
        sentences, never the piece's whole text."""
        tail = [i]
        for s, _e in reversed(p.body):
            x = start_of.get(s)
            if x is None or x != tail[-1] - 1 or len(tail) > 4:
                break
            tail.append(x)
        # the credit on its own line under the text (（某某 摄）, 本报记者某某摄)
        alone = not _PHOTO.sub("", lines[i].f) or bool(_bare_credit(lines[i].text.strip()))

        def start(loose: bool) -> int:
            for k, x in enumerate(tail):
                if alone and k == 0:
                    continue
                above = lines[x - 1] if x > 0 else None
                inside = k + 1 < len(tail)  # the line above is the piece's text
                if inside and not (
                    ends_sentence(above.f)
                    and (
                        flat_page
                        or loose
                        or len(above.f) < max(0.9 * col, full_width - 2)
                        or (indented and lines[x].indent)  # indented as the page's paragraphs
                    )
                ):
                    continue
                whole = not inside and len(tail) - 1 == len(p.body)
                if k + 1 > 4 or (whole and (p.heads or p.bylines or p.headline is not None)):
                    return -1  # too long for a caption, or the whole text of a piece
                return x
            return -1

        x = start(False)
        if x < 0 and alone and not flat_page:
            # a column whose paragraphs' last lines run full, or a caption set flush on a
            # page indenting its paragraphs: the caption is the sentence ended on the line
            # above the credit's (a caption's one or two)
            x = start(True)
        if x < 0:
            return -1
        # (a credit's role wrapped before its name: …。　本报记者 / 某某　摄)
        said = flat(
            _ROLE_TAIL.sub(
                "",
                _PHOTO_BARE.sub(
                    "",
                    _PHOTO.sub("", "".join(lines[y].text for y in range(x, i if alone else i + 1))),
                ),
            )
        )
        if not ends_sentence(said) or len(re.findall("[。！？]", said)) > 2:
            return -1
        return x

    def stack_to_opener(i: int) -> int:
        """The end of a headline stack that runs from line i straight into a byline or
        dateline (the stack's lines need not look like headlines on their own), else -1.
        A full stack under a column tag (tag, kicker, a headline and a subtitle each
        wrapped) runs to seven lines."""
        if _open_note(lines[i].f):
            return -1  # a note in brackets wrapped over lines (a book's details), no stack
        if re.fullmatch(
            r"[（(][^（）()]{0,12}(?:记者|通讯员|摄|供稿|整理)[^（）()]{0,20}[）)]", lines[i].f
        ):
            return -1  # a reporter's credit in brackets closes the piece above, no stack
        j, most = i, (STACK_LINES + 1 if _TAG.fullmatch(lines[i].f) else STACK_LINES)
        while (
            j < n
            and j - i < most
            and not opener(j)
            and (
                loose_head(j)
                or (j == i and bool(_TAG.fullmatch(lines[j].f)))
                or (
                    # (a quotation or an exclamation under a blank line: “某某，某某了！”)
                    (question(j) or (j == i and blank_before(i) and exclaimed(j)))
                    and (
                        opener(j + 1)
                        or j > i
                        # (or over the subtitle right above the dateline: 网传某某？假的！ /
                        # 某某：… / 本报讯…)
                        or (j + 2 < n and loose_head(j + 1) and opener(j + 2))
                    )
                )
            )
        ):  # a tag after a bullet (▲某某通讯) may open the stack
            if _EDITOR_END.fullmatch(lines[j].f):
                return -1
            j += 1
        return j if j > i and j - i < most and opener(j) else -1

    def exclaimed(i: int) -> bool:
        """A headline that is a quotation or an exclamation (“叔叔，我家着火了！”,
        高速上倒车，罚！): short, no sentence inside it ended."""
        f = lines[i].f if lines[i] is not None else ""
        return len(f) <= 24 and bool(
            re.fullmatch(r"“[^“”。；]{2,22}”|[^。；！!？?“”]{2,22}[！!]", f)
        )

    def question(i: int) -> bool:
        """A headline asking a question (某某，怎么区分？) or exclaiming: a short line ending
        with ？ or ！, no full stop inside; it is a stack's last line only right over a
        byline or dateline."""
        ln = lines[i] if 0 <= i < n else None
        return (
            ln is not None
            and not furn[i]
            and 2 <= len(ln.f) <= 24
            and ln.f[-1] in "？?！!"
            and not re.search("[。；;：:]", ln.f)
            and not (indented and ln.indent)
            and not _ITEM.match(ln.f)
            and not DATELINE.match(ln.text)
        )

    def question_head(i: int) -> bool:
        """On a page printing a paragraph a line, a question alone on its line (see
        question) over a paragraph at least twice as long: a letter's or an answer's title
        (某某路段，能否加密班次？), under a line that is no running text (a signature, the
        replying unit's label): under a paragraph, it is a crosshead asking what the next
        paragraph answers."""
        nx = lines[i + 1] if i + 1 < n else None
        at = i + 1
        if nx is not None and re.fullmatch(r"【[^【】]{2,6}】", nx.f) and i + 2 < n:
            at, nx = i + 2, lines[i + 2]  # (a case's label under it: 【案情】)
        pv = prev_line(i)
        return (
            flat_page
            and question(i)
            and (pv is None or not ends_sentence(pv.f))
            and nx is not None
            and not furn[at]
            and len(nx.f) >= max(30, 2 * len(lines[i].f))
            and not question(at)
        )

    def pen_name(i: int) -> bool:
        """Is line i a columnist's pen name after a double circle (◎某某, OWN_BYLINE) over
        the column's text, not the first label of a list whose short sections each open
        with one (◎常用电话 / two lines / ◎本周天气)?"""
        ln = lines[i]
        if ln is None or not ln.f.startswith("◎") or not _own_byline(ln.text):
            return False
        ahead = range(i + 1, min(n, i + 1 + _PEN_TEXT))
        return not any(lines[x] is not None and lines[x].f.startswith("◎") for x in ahead)

    def opener(i: int) -> bool:
        ln = lines[i] if 0 <= i < n else None
        if ln is None:
            return False
        return (
            bool(DATELINE.match(ln.text))
            or (_own_byline(ln.text) and not _TAG.fullmatch(ln.f))
            or affiliation(i) > 0
        )

    def affiliation(i: int) -> int:
        """The lines of a writer's unit-and-name byline at line i (see AFFILIATION), 0 when
        none: one, or two where the unit's name fills a line of its own above the rest
        (某某医院 / 某某科　某某); a paragraph must follow it."""
        ln = lines[i] if 0 <= i < n else None
        if ln is None or len(ln.f) > 30 or re.search("[，。：:；！？]", ln.f):
            return 0
        if "、" in ln.f and not AFFILIATION.fullmatch(ln.text):
            return 0  # 、 joins two titles of one writer (委员、教授), else it lists
        if DATELINE.match(ln.text) or len(re.findall("[（(]", ln.f)) != len(
            re.findall("[）)]", ln.f)
        ):
            return 0  # a dateline, or a credit whose brackets run on
        k = 1 if AFFILIATION.fullmatch(ln.text) else 0
        nx = lines[i + 1] if i + 1 < n else None
        # a pupil's school and class, the school perhaps on a line of its own above and the
        # name wrapped onto a line of its own below (某某小学 / 三年级（5）班　某某)
        school = int(
            not k
            and nx is not None
            and bool(_ISSUER.fullmatch(ln.f))
            and bool(_PUPIL.fullmatch(nx.text.strip()))
        )
        if school or (not k and _PUPIL.fullmatch(ln.text.strip())):
            cls = lines[i + school]
            k = school + 1
            nm = lines[i + k] if i + k < n else None
            named = _PUPIL.fullmatch(cls.text.strip()).group(1)
            if not named and nm and _BARE_NAME.fullmatch(nm.f):
                k += 1
        if (
            not k
            and nx is not None
            and _ISSUER.fullmatch(ln.f)
            and len(ln.f) + len(nx.f) <= 30
            and not _own_byline(nx.text)  # a headline over a reporter's byline (本报记者 某某)
        ):
            k = 2 if AFFILIATION.fullmatch(nx.text) else 0
        after = lines[i + k] if k and i + k < n else None
        prose = after is not None and (not headish(i + k) or re.search("[，、：:]", after.f))
        return k if prose else 0

    def para_start(i: int) -> bool:
        ln = lines[i] if 0 <= i < n else None
        if ln is not None and furn[i] and i + 1 < n and lines[i + 1] and not furn[i + 1]:
            # a line of furniture between a stack and its text (an app video's ▶ 视频时长
            # 01:26): the text under it
            i, ln = i + 1, lines[i + 1]
        if ln is None or furn[i]:
            return False
        if _SALUTATION.fullmatch(ln.f):
            return True  # a letter's salutation opens its text (编辑同志：), flush or not
        if indented:
            return ln.indent or bool(_SECTION_NO.match(ln.f)) or (flat_page and not headish(i))
        return not headish(i) or flat_page or full(i)

    def classified_head(i: int) -> bool:
        """A classified notice's genre heading (遗失声明, 招聘, 寻物启事, 讣告), short and
        alone, after a finished text or a contact number closing one, over its text set
        solid (a full line, flush or not): a notice of its own, whatever the page's indent."""
        ln = lines[i] if 0 <= i < n else None
        nx = lines[i + 1] if i + 1 < n else None
        pv = prev_line(i)
        return (
            ln is not None
            and nx is not None
            and not furn[i]
            and len(ln.f) <= 8
            and bool(NOTICE.fullmatch(ln.f) or _CLASSIFIED.fullmatch(ln.f))
            and not _DOC_TITLE.fullmatch(ln.f)
            and not re.search(r"[，。：:、]", ln.f)
            and len(nx.f) >= 0.85 * col
            and not opener(i + 1)
            # a document's own title under it (某某关于…的通报): the genre word is a label
            and not _DOC_TITLE.fullmatch(nx.f)
            and (
                pv is None
                or blank_before(i)
                or ends_sentence(pv.f)
                # the notice above signed and closed
                or bool(_QISHI_SIGN.fullmatch(pv.text.strip()))
                or (i >= 2 and qishi_lines(i - 2) == 2)
                # a price box's last row above (白米　每石十一元八角): the box is closed
                or bool(
                    re.search(r"[元角分两钱枚]$", pv.f) and re.search(r"[\s　]", pv.text.strip())
                )
                or bool(re.search(r"\d$", pv.f) and not re.search(r"\d$", ln.f))
                # the contact's name under the contact line (电话：… / 刘先生), or after
                # the number in brackets (…0458（王女士）)
                or bool(re.search(r"\d[（(][^（）()]{1,6}[）)]$", pv.f))
                or (
                    len(pv.f) <= 6
                    and i >= 2
                    and lines[i - 2] is not None
                    and bool(_CONTACT.search(lines[i - 2].f))
                    and not ln.f.startswith(pv.f)
                )
            )
        )

    def full(i: int) -> bool:
        """A line set to the column's full width: running text, not a headline."""
        ln = lines[i] if 0 <= i < n else None
        return (
            bool(ln)
            and not flat_page
            and not indented
            and len(ln.f) >= 0.85 * col
            and not (i + 1 >= n or lines[i + 1] is None)
        )

    start_of = {ln.s: k for k, ln in enumerate(lines) if ln}
    pieces: list[_Piece] = []
    cur: _Piece | None = None
    i = 0

    def new(kind: str = "news") -> _Piece:
        nonlocal cur
        cur = _Piece(kind=kind)
        pieces.append(cur)
        return cur

    def qishi_lines(i: int) -> int:
        """A notice's signers closing it at line i (see _QISHI_SIGN): 1, or 2 where the
        names fill a line and the closing word is set under them (某某　某某 / 率孙辈　敬贺);
        else 0."""
        ln = lines[i] if 0 <= i < n else None
        if ln is None or re.search("[。！？，]", ln.f):
            return 0
        if _QISHI_SIGN.fullmatch(ln.text.strip()):
            return 1
        nx = lines[i + 1] if i + 1 < n else None
        if (
            nx is not None
            and len(nx.f) <= 8
            and (re.search(r"[\s　]", ln.text.strip()) or len(ln.f) >= 0.85 * col)
            and _QISHI_SIGN.fullmatch(ln.text.strip() + "　" + nx.text.strip())
        ):
            return 2
        # the family or the body signing over two to four lines under a finished text, the
        # last closed by its word (孤哀子　某某 / 孤哀女　某某 / 暨孙男女等　泣告; 某某宗亲会
        # / 理事长某某暨全体理监事　敬贺)
        p = prev_line(i)
        if p is None or not ends_sentence(p.f):
            return 0
        for k in range(i + 1, min(i + 4, n)):
            if lines[k] is None or furn[k] or re.search("[。！？，]", lines[k].f):
                return 0
            if re.search(_CLOSING_WORD + "$", lines[k].f):
                said = "　".join(lines[x].text.strip() for x in range(i, k + 1))
                return k + 1 - i if _QISHI_SIGN.fullmatch(said.replace("、", "")) else 0
        return 0

    def seals(i: int) -> bool:
        """Does the signature at line i close its piece whatever follows it, blank line or
        none: a notice's signers (某某谨启), the office answering a letter under its reply
        (回复单位：某某局, no reply text under it), the paper's own (本报编辑部), and on a
        page printing a paragraph a line a compiler's credit or a diarist's signature in
        brackets?"""
        ln = lines[i]
        return bool(
            qishi_lines(i)
            or _HOUSE_SIGN.fullmatch(ln.f)
            or (_REPLY_UNIT.fullmatch(ln.f) and not reply_follows(i + 1))
            or _CLOSING_CREDIT.fullmatch(ln.f)
            or (flat_page and _BRACKET_SIGN.fullmatch(ln.text.strip()))
        )

    def foot_from(i: int) -> bool:
        """Is everything from line i to the page's end furniture (its foot)?"""
        return n - i <= 8 and all(furn[x] or lines[x] is None for x in range(i, n))

    def author_note(i: int) -> int:
        """How many lines a note on the author in brackets at line i takes (（作者单位：某某）,
        （作者系某某教授）, wrapped onto a second line perhaps); 0 when it is none."""
        ln = lines[i] if i < n else None
        if ln is None or not re.match(r"[（(]作者(?:单位|系|为|[:：])", ln.f):
            return 0
        if re.search(r"[）)]$", ln.f):
            return 1
        nx = lines[i + 1] if i + 1 < n else None
        ok = nx is not None and len(nx.f) <= 20 and re.search(r"[）)]$", nx.f)
        return 2 if ok and not re.search("[。！？]", nx.f) else 0

    def sig_lines(i: int) -> int:
        """How many lines a signature at line i takes: 1, or 2 for a note in brackets
        wrapped onto the next line (（作者单位：某某\n某某）), with the note on the author
        under a name (某某 / （作者单位：某某）); 0 when it is none."""
        k = _sig_lines(i)
        if k and not author_note(i):
            k += author_note(i + k)
        return k

    def wrapped_issuer(i: int) -> int:
        """The lines of an issuer's name wrapped over two short lines at line i, with the
        date under it (某某省级自然保护区 / 管理局 / 2024年4月15日), closing the text above:
        2 or 3, else 0."""
        ln, nx = (lines[i] if i < n else None), (lines[i + 1] if i + 1 < n else None)
        if ln is None or nx is None or re.search(r"[，。；：:！？、\d]", ln.f + nx.f):
            return 0  # (no number: a headline's count, a phone number's rest)
        if len(ln.f) > 16 or len(nx.f) > 16 or _ISSUER.fullmatch(ln.f):
            return 0
        if not _ISSUER.fullmatch(ln.f + nx.f):
            return 0
        k = i + 2
        if k < n and lines[k] is not None and _ISSUE_DATE.fullmatch(lines[k].f):
            k += 1
        return k - i if k >= n or lines[k] is None or furn[k] else 0

    def _sig_lines(i: int) -> int:
        ln = lines[i] if 0 <= i < n else None
        if ln is None:
            return 0
        if w := wrapped_issuer(i):
            return w
        # a writer's unit on a line of its own over the title and name (某某推广中心 /
        # 高级农艺师　某某), closing the text: a signature of two lines
        nx = lines[i + 1] if i + 1 < n else None
        if (
            nx is not None
            and _ISSUER.fullmatch(ln.f)
            and (
                AFFILIATION.fullmatch(nx.text.strip())
                # (or, both lines set deep, who the writer is before the name: 某某大队 /
                # 贫下中农　某某, 某某厂 / 老工人　某某)
                or (
                    _set_deep(text, ln.s)
                    and _set_deep(text, nx.s)
                    and bool(
                        re.fullmatch(
                            rf"[{_H}]{{2,8}}[\s　]+[{_H}](?:[\s　]*[{_H}]){{1,2}}", nx.text.strip()
                        )
                    )
                )
            )
            and (i + 2 >= n or lines[i + 2] is None or furn[i + 2])
        ):
            return 2
        if (
            SIGNATURE.fullmatch(ln.f)
            or AFFILIATION.fullmatch(ln.text)
            # (set deep, the unit and several names: 某某大队　某某　某某)
            or (_set_deep(text, ln.s) and _SIGNERS.fullmatch(ln.text.strip()))
            # (in brackets under the text: （某某项目部　某某）)
            or AFFILIATION.fullmatch(ln.text.strip().lstrip("（(").rstrip("）)"))
        ):
            nx = lines[i + 1] if i + 1 < n else None
            # a pupil's teacher under the name, or the day the letter was written
            return (
                2
                if nx is not None
                and (
                    _TEACHER.fullmatch(nx.f)
                    or _LETTER_DATE.fullmatch(nx.f)
                    or _TRANSLATED.fullmatch(nx.f)
                )
                else 1
            )
        if (
            _SIGN_PLACE.fullmatch(ln.text)
            or _REPLY_UNIT.fullmatch(ln.f)
            or _CLOSING_CREDIT.fullmatch(ln.f)
            # a labelled credit over a blank line or the page's end (点评法官：某某（某某法院）)
            or (
                re.fullmatch(_LABELLED, ln.text.strip())
                and len(ln.f) <= 40
                and (i + 1 >= n or lines[i + 1] is None)
            )
            or (flat_page and _BRACKET_SIGN.fullmatch(ln.text.strip()))
        ):
            return 1
        if q := qishi_lines(i):
            return q  # a notice's signers, their closing word perhaps on the next line
        # one to three short lines set flush right, down to a blank line or the page's end: a
        # signature typeset so, whatever it says (秘书长 / 拿督某某 / 2024年6月10日)
        k = i
        while (
            k < n
            and k - i < 4
            and lines[k] is not None
            and len(lines[k].f) <= 20
            and not re.search("[。！？，；]", lines[k].f)
            and set_right(k)
        ):
            k += 1
        if 0 < k - i <= 3 and (k >= n or lines[k] is None or furn[k] or author_note(k)):
            return k - i
        nx = lines[i + 1] if i + 1 < n else None
        if (
            nx is not None
            and _TITLED.fullmatch(ln.f)
            and _BARE_NAME.fullmatch(nx.f)
            and (i + 2 >= n or lines[i + 2] is None or furn[i + 2])
        ):
            return 2  # the writer's unit and title, the name under it (某某工会法律顾问 / 某某)
        if (
            _ISSUER.fullmatch(ln.f)
            and (
                i + 1 >= n
                or lines[i + 1] is None
                or (furn[i + 1] and foot_from(i + 1))
                # (on a page without blank lines, a table's title right under it: the
                # table's rows start within three lines)
                or (unspaced and table_within(i + 1))
                # (or a notice's short title right under it: 某某基金会 / 讣　告)
                or (unspaced and notice_word(i + 1))
            )
            and not (i + 2 < n and lines[i + 2] and _ISSUE_DATE.fullmatch(lines[i + 2].f))
        ):
            return 1  # a unit alone under the text, before a blank line: the issuing office
            # (with its date under a blank line, it signs as a notice's issuer does)
        if _CREDIT_LINE.fullmatch(ln.text.strip()) or _NAMES_LINE.fullmatch(ln.text.strip()):
            return 1  # who wrote and who photographed, under the text (文/记者 某某　图/…,
            # 报道：某某　摄影：某某)
        nx = lines[i + 1] if i + 1 < n else None
        # (or a name over its title in brackets, wrapped: 某某（本报原某某部 / 主任）)
        opened = len(re.findall("[（(]", ln.f)) > len(re.findall("[）)]", ln.f))
        return 2 if opened and nx is not None and SIGNATURE.fullmatch(ln.f + nx.f) else 0

    def credit_closed(i: int) -> bool:
        """Does a reporter's or photographer's credit in brackets, wrapped over the two
        lines above line i (（记者 某某\n通讯员 某某）), close the text above it?"""
        if i >= 1 and lines[i - 1] is not None and lines[i - 1].f.startswith(("（", "(")):
            if _TAIL_CREDIT.match(lines[i - 1].f):
                return True  # the credit alone on its line: （记者 某某 整理）
            if _TAIL_SOURCE.match(lines[i - 1].f):
                return True  # a source alone on its line: （某某供稿）, （摘自《某某》）
        if i < 2 or lines[i - 1] is None or lines[i - 2] is None:
            return False
        two = lines[i - 2].f + lines[i - 1].f
        return bool(
            lines[i - 1].f.endswith(("）", ")"))
            and "（" not in lines[i - 1].f
            and (_TAIL_CREDIT.search(two) or _PHOTO.search(two) or _TAIL_SOURCE.search(two))
        )

    def signature(i: int) -> int:
        """The lines of a closing signature at line i (0 when none): after a finished
        paragraph, before a blank, a new stack or the page end."""
        ln = lines[i]
        if ln is None or cur is None or not cur.body:
            return 0
        p = prev_line(i)
        # 某某启 set short of the column's width: after any line of the notice
        q = qishi_lines(i)
        closing = (q == 1 and len(ln.f) < 0.85 * col) or q == 2
        # (a notice's issuer may sign under its contact line: 咨询电话：…（工作日）)
        contact = (
            p is not None
            and p is lines[i - 1]
            and (_ISSUER.fullmatch(ln.f) or wrapped_issuer(i))
            and (
                contact_line(i - 1)
                # (its number wrapped at the column's width under its label: 电话： / 6215437;
                # or a mailbox's or a site's rest: 邮箱：某某@l / xkg.org.cn)
                or (
                    re.fullmatch(r"[\d\-－—（）()、/]{5,}", p.f)
                    and i >= 2
                    and lines[i - 2] is not None
                    and bool(_CONTACT_LABEL.search(lines[i - 2].f))
                )
                or (
                    re.fullmatch(r"[A-Za-z0-9._\-@/:]{3,30}", p.f)
                    and i >= 2
                    and lines[i - 2] is not None
                    and bool(
                        re.search(r"(?:邮箱|信箱|E-?mail|网址|网站)\s*[:：]\s*\S+$", lines[i - 2].f)
                    )
                )
            )
        )
        if p is None or not (ends_sentence(p.f) or SIGNATURE.fullmatch(p.f) or closing or contact):
            return 0
        if len(ln.f) <= 4 and NOTICE.fullmatch(ln.f):
            return 0  # a notice's genre word alone (更正, 启事, 声明) heads the next piece
        k = sig_lines(i)
        if not k:
            return 0
        if (
            "读者" in ln.f
            or "作者" in ln.f
            or (k > 1 and author_note(i + 1))  # (a name over its author's unit)
            or seals(i)
            or _NAMES_LINE.fullmatch(ln.text.strip())  # 报道：某某, under the last paragraph
        ):
            return k
        if k == 2 and _TEACHER.fullmatch(lines[i + 1].f):
            return k  # a pupil's name and teacher close the piece, blank line or none
        if k == 1 and _SIGNED_NAME.fullmatch(ln.f) and para_start(i + 1) and not opener(i + 1):
            return k  # a writer's name of three, a family name first, over the next text
        if k == 2 and re.match(r"[" + _H + r"·]{2,8}[（(]", ln.f) and not re.search("[）)]", ln.f):
            return k  # a writer's name over a title wrapped in its brackets: a signature
        nxt = lines[i + k] if i + k < n else None
        if nxt is None or furn[i + k] or (sig_lines(i + k) and "作者" in nxt.f):
            return k
        if unspaced and _TAG.fullmatch(nxt.f) and not SIGNATURE.fullmatch(nxt.f):
            return k  # a column tag alone opens the next piece (【漫画】): no blank needed
        if _NOTE_LABEL.match(nxt.f):
            return k  # the editor's reply under a reader's signed letter (编者附言：…)
        if unspaced and _ISSUER.fullmatch(ln.f) and table_within(i + k):
            return k  # an issuer over a table's title, no blank line between
        if unspaced and notice_word(i + k):
            return k  # a signature over a notice's short title (鸣　谢, 讣　告)
        if (
            unspaced
            # (not a life's years: 某某（1925—1949） heads a memorial)
            and re.fullmatch(r"[" + _H + r"·]{2,8}[（(][^（）()\d]{2,40}[）)]", ln.f)
            and headish(i + k)
            and para_start(i + k + 1)
        ):
            return k  # a name with its unit or title in brackets, over the next headline
        if k == 1 and _BARE_NAME.fullmatch(ln.f) and set_right(i):
            return k  # a writer's name set flush right under the text closes it
        if (
            _set_deep(text, ln.s)
            and ("　" in ln.text.strip() or " " in ln.text.strip())
            and headish(i + k)
            and para_start(i + k + 1)
        ):
            return k  # a signature set deep (unit　name) over the next piece's title
        return 0

    def set_right(i: int) -> bool:
        """Is line i set toward the right edge: a third of the column's width of spaces
        before it, six characters at least (a signature typeset flush right)?"""
        return _lead(text, lines[i].s) >= max(6, 0.3 * col)

    def schedule_end(i: int) -> int:
        """The end of a schedule headed at line i (see above), else -1: three or more rows
        opening with a clock time within the lines up to a blank line, a sentence or a
        byline; the rows end at the last timed row and its bracketed rest."""
        k, timed, last = i + 1, 0, -1
        while k < n and lines[k] is not None and k - i < 60:
            f = lines[k].f
            if re.search("[。！？；]", f) or opener(k) or furn[k]:
                break
            if _CLOCK_ROW.match(f):
                timed, last = timed + 1, k
            elif last == k - 1 and re.fullmatch(r"[（(][^（）()]{1,12}[）)]", f):
                last = k  # the timed row's rest in brackets: （21、22）, an episode
            k += 1
        if timed >= 3 and (k >= n or lines[k] is None) and k - last <= 2:
            return k  # the last row's rest wrapped onto its own line, up to the blank line
        return last + 1 if timed >= 3 else -1

    def salutation_under(i: int) -> bool:
        """A letter's question title at line i over its salutation (某某，何时能管管？ /
        编辑同志：): a stack, though the question reads as a sentence."""
        return (
            i + 1 < n
            and lines[i] is not None
            and lines[i + 1] is not None
            and (
                question(i)
                # (or any short title, a phrase or two and no sentence: 深夜的一盏灯，一杯温水)
                or (len(lines[i].f) <= 16 and not re.search("[。！？：:；]", lines[i].f))
            )
            and bool(_SALUTATION.fullmatch(lines[i + 1].f))
        )

    def reply_follows(i: int) -> bool:
        """Does the reply's text run on at line i, under a 回复单位：… line that labels it
        (回复内容：…, an indented paragraph), rather than a new piece?"""
        ln = lines[i] if 0 <= i < n else None
        return ln is not None and (
            bool(re.match(rf"[{_H}]{{2,6}}[：:]", ln.f)) or (indented and bool(ln.indent))
        )

    def signed_above(i: int) -> bool:
        """Did a writer's signature (某某 / （作者单位：…）) close the piece on the line right
        above line i? What follows a signature is another piece, blank line or none."""
        p = prev_line(i)
        return (
            cur is not None
            and cur.signed
            and p is not None
            and bool(cur.bylines)
            and cur.bylines[-1][1] == p.e
        )

    def annex_run(p: _Line) -> bool:
        """Does line ``p`` close the attachments a text lists (附件：1.… / 2.…): the 附件
        line itself, or a numbered item under it (at most five lines up)?"""
        k = start_of.get(p.s)
        for x in range(k, max(k - 6, -1), -1) if k is not None else ():
            ln = lines[x]
            if ln is None:
                return False
            if _ANNEX.match(ln.f):
                return True
            if not re.match(r"\d{1,2}[.．、]", ln.f):
                return False
        return False

    def names_row(ln: _Line) -> bool:
        """Is ``ln`` a row of a list of names (_NAME_ROW), or the rest of one wrapped onto
        its own line (…　郑家 / 和　王保国)?"""
        t = ln.text.strip()
        if _NAME_ROW.fullmatch(t):
            return True
        above = prev_line(start_of[ln.s]) if ln.s in start_of else None
        return bool(
            above is not None
            and _NAME_ROW.fullmatch(above.text.strip())
            and re.fullmatch(r"[" + _H + r"·]{1,4}(?:[ \t　]+[" + _H + r"·]{1,4})+", t)
        )

    def signs_notice(i: int) -> int:
        """The date's line when line i is the issuer's name over the date (某某人民法院 /
        二〇二四年三月五日) that signs the piece above, its sentence finished, on a page that
        sets no blank line between its pieces (0 if not): what follows the date is another
        piece; the name and the date are no headline."""
        p = prev_line(i)
        if cur is None or not cur.body or p is None:
            return 0
        if not unspaced and not (
            # on a page with blank lines, where a blank line or the page's end closes the
            # date: a court's or office's notice set without a title, signed
            i + 2 < n
            and lines[i + 1]
            and _ISSUE_DATE.fullmatch(lines[i + 1].f)
            and (i + 2 >= n or lines[i + 2] is None)
            and (
                (not cur.heads and cur.headline is None)
                # (or a notice titled as one: 关于…的通告, signed under its text)
                or cur.kind == "notice"
                or bool(NOTICE.fullmatch(cur.headline or "".join(lines[x].f for x in cur.heads)))
            )
        ):
            return 0
        pp = prev_line(start_of[p.s]) if p.s in start_of else None
        if (
            not ends_sentence(p.f)
            and len(p.f) >= 0.85 * col
            and (_ADDRESS.match(p.f) or _CONTACT.search(p.f))
            and not _ISSUER.fullmatch(lines[i].f)
        ):
            return 0  # line i is the rest of a field cut at the column's width, no issuer
        if not (
            ends_sentence(p.f)
            or _CONTACT.search(p.f)
            or annex_run(p)
            or _ADDRESS.match(p.f)
            or (pp is not None and (_ADDRESS.match(pp.f) or _CONTACT.search(pp.f)))
            or names_row(p)
        ):
            return 0  # a finished sentence, the notice's contact line (服务热线：…) or the
            # attachments it lists (附件：1.… / 2.…), its address (地址：…), perhaps wrapped
        if lines[i] is None or not _NAME_LINE.fullmatch(lines[i].f):
            return 0
        if _ISSUE_DATE.fullmatch(lines[i].f) or names_row(lines[i]):
            return 0
        for x in (i + 1, i + 2):
            if x >= n or lines[x] is None:
                return 0
            if _ISSUE_DATE.fullmatch(lines[x].f):
                return x
        return 0

    def signs_apart(i: int) -> int:
        """The last line of a notice's issuer (and the date under it) set apart by a blank
        line under the notice's finished text, alone up to a blank line or the page end
        (某某公司 / 2024年5月8日), 0 if none: the notice's signature, not a piece."""
        if cur is None or not cur.body or not blank_before(i) or lines[i] is None:
            return 0
        title = cur.headline or "".join(lines[x].f for x in cur.heads)
        if not (title and NOTICE.fullmatch(title)) or not _ISSUER.fullmatch(lines[i].f):
            return 0
        p = prev_line(i)
        if p is None or not ends_sentence(p.f):
            return 0
        k = i
        for d in (i + 1, i + 2):  # the date under it, a blank line between or none
            if d < n and lines[d] is not None:
                k = d if _ISSUE_DATE.fullmatch(lines[d].f) else i
                break
        return k if k + 1 >= n or lines[k + 1] is None or furn[k + 1] else 0

    while i < n:
        ln = lines[i]
        if ln is None or furn[i]:
            if ln is not None and _EPAPER.match(ln.text):
                cur = None  # an e-paper's tag closes each article it exports: what follows is new
            i += 1
            continue
        if (
            cur is not None
            and cur.signed
            and _NOTE_LABEL.match(ln.f)
            and re.search("回复|答复", ln.f)  # (an editor's note, 编者附言, is a piece of its own)
            and len(ln.f) <= 8
            and not blank_before(i)
        ):
            # the editor's reply labelled on its own line under a reader's signed letter
            # (【编者回复】): the letter's, with the text under it
            cur.body.append((ln.s, ln.e))
            i += 1
            continue
        if i in opens:
            cur = None
        if _WORK_CAPTION.fullmatch(ln.text) and (i + 1 >= n or lines[i + 1] is None):
            # an artwork's caption alone on its line: the work's title, its maker, its size
            # (《松风》　某某　68×136cm): a caption with no headline, the line its text
            new("caption").headline = ""
            cur.body.append((ln.s, ln.e))
            cur = None
            i += 1
            continue
        if (
            blank_before(i)
            and i + 2 < n
            and lines[i + 1] is not None
            and lines[i + 2] is not None
            and (i + 3 >= n or lines[i + 3] is None)
            and re.fullmatch(
                rf"(?:《[^《》]{{1,20}}》|[{_H}]{{2,16}})(?:[（(][{_H}]{{2,6}}[）)])?", ln.f
            )
            and _NAME_WRAP.fullmatch(lines[i + 1].text.strip())
            and _WORK_SIZE.search(lines[i + 2].f)
        ):
            # an artwork's caption in three lines between blank lines: its title, its maker,
            # its medium and size (某某图（中国画） / 某某 / 纸本设色　96×178厘米　2023年)
            p = new("caption")
            p.headline = ln.f
            p.bylines.append((lines[i + 1].s, lines[i + 1].e))
            p.body.append((lines[i + 2].s, lines[i + 2].e))
            cur = None
            i += 3
            continue
        if (m := _WORK_CREDIT.fullmatch(ln.text.strip())) and (i + 1 >= n or lines[i + 1] is None):
            # an artwork's caption alone on its line, its medium named: the title its text,
            # the maker its credit
            p = new("caption")
            p.headline = ""
            off = ln.s + len(ln.text) - len(ln.text.lstrip())
            p.body.append((off + m.start(1), off + m.end(1)))
            p.bylines.append((off + m.start(2), ln.e))
            cur = None
            i += 1
            continue
        if (m := _MAKER_LINE.fullmatch(ln.text.strip())) and i + 1 < n and lines[i + 1] is not None:
            # a child's or an amateur's work over its description (《我的妈妈》　某某　7岁
            # 某某小学一年级 / 小雨把…): the title is the caption's headline, the maker its
            # byline, the lines under it to a sentence's end its text
            p = new("caption")
            p.headline = m.group(1)
            off = ln.s + len(ln.text) - len(ln.text.lstrip())
            p.bylines.append((off + m.start(2), ln.e))
            i += 1
            while i < n and lines[i] is not None and not furn[i]:
                p.body.append((lines[i].s, lines[i].e))
                i += 1
                if ends_sentence(lines[i - 1].f):
                    break
            cur = None
            continue
        # markers
        if m := _CONT_IN.match(ln.text):
            above = lines[i - 1] if i > 0 else None
            if (
                cur is not None
                and above is not None
                and not cur.bylines
                and not ends_sentence(above.f)
                and len(above.f) <= 30
                and (cur.heads == [i - 1] or (not cur.heads and cur.body == [(above.s, above.e)]))
            ):
                # the continued piece's headline repeated over the marker (某某 / （上接第1版）)
                cur.kind, cur.heads, cur.body = "continuation", [i - 1], []
            else:
                new("continuation").headline = ""
            cur.meta.append((ln.s, ln.s + m.end()))
            rest = ln.text[m.end() :].lstrip()
            if rest:
                cur.body.append((ln.e - len(rest), ln.e))
            i += 1
            continue
        if _AD.fullmatch(ln.f):
            new("ad").headline = ""
            cur.meta.append((ln.s, ln.e))
            i += 1
            continue
        # a paper's call for subscriptions (欢迎订阅…, 某某征订) after a blank line is its
        # own advertisement, up to the next blank line: its terms (出版, 订价, 邮发代号)
        # are the ad's text, not page furniture; the heading is its first line, with the
        # paper's name in 《》 on the next line when the first stops at 订阅 ... 年度
        if blank_before(i) and _SUBSCRIBE.match(ln.f) and i + 1 < n and lines[i + 1]:
            p = new("ad")
            p.heads = [i]
            k = i + 1
            if re.fullmatch(r"《[^《》]{2,20}》", lines[k].f):
                p.heads.append(k)
                k += 1
            p.headline = "".join(lines[x].f for x in p.heads)
            while k < n and lines[k] is not None and k - i < 30:
                p.body.append((lines[k].s, lines[k].e))
                k += 1
            cur = None
            i = k
            continue
        # a photo credit on its own line closes a caption: on pages printing a paragraph a
        # line, the paragraph above it is the caption, apart from the article it follows
        m = _PHOTO.search(ln.text) or _ART_CREDIT.fullmatch(ln.text)
        bare = m is None and _bare_credit(ln.text.strip()) is not None  # no brackets, no verb
        m = m or _bare_credit(ln.text.strip())
        if (
            m
            and m.start() == 0
            and cur is not None
            and cur.body
            # (a photo note, _PICTURE_NOTE: the paragraph above is the story's)
            and not _PICTURE_NOTE.match(ln.f)
        ):
            last = text[cur.body[-1][0] : cur.body[-1][1]]
            if (
                flat_page
                and len(cur.body) >= 3
                and _CHART_SOURCE.match(last.strip())
                and ends_sentence(text[cur.body[-2][0] : cur.body[-2][1]])
            ):
                # a chart's caption: its text and its source line (数据来源：某某) over
                # the maker's credit, its title on a line of its own above them (某某数量（万个）)
                cap = cur.body[-2:]
                del cur.body[-2:]
                t = start_of.get(cur.body[-1][0]) if cur.body else None
                titled = (
                    t is not None
                    and len(cur.body) >= 2
                    and cur.body[-1] == (lines[t].s, lines[t].e)
                    and not re.search("[。！？；，]", lines[t].f)
                    and len(lines[t].f) <= 30
                )
                if titled:
                    cur.body.pop()
                    new("caption").heads = [t]
                else:
                    new("caption").headline = ""
                cur.body.extend(cap)
            elif (
                flat_page
                and len(cur.body) >= 2
                # (a caption says what the picture shows, 图为…, whatever it ends on: a
                # chart's source, 数据来源：某某)
                and (ends_sentence(last) or _PICTURE_SAYS.match(last.strip()))
                and not _NUMBERED.match(last)
            ):  # a photo group's numbered captions (①…②…) share the credit under them
                last = cur.body.pop()
                new("caption").headline = ""
                cur.body.append(last)
            elif not flat_page and len(cur.body) >= 2:
                # on a page that sets blank lines between paragraphs, the credit closes the
                # short paragraph right above it (a caption), not the article before that
                k = len(cur.body) - 1
                while k > 0 and text.count("\n", cur.body[k - 1][1], cur.body[k][0]) < 2:
                    k -= 1
                if ((unspaced and cur.bylines) or len(cur.body) - k > 6) and (
                    x := caption_from(i, cur)
                ) >= 0:
                    # no blank line on the page, or none over the caption inside a piece
                    # whose paragraphs the page sets without them: the caption runs back to
                    # a paragraph's end
                    k = next(y for y, sp in enumerate(cur.body) if sp[0] >= lines[x].s)
                prev = text[cur.body[k - 1][0] : cur.body[k - 1][1]] if k > 0 else ""
                if k > 0 and len(cur.body) - k <= 6 and ends_sentence(prev):
                    cap = cur.body[k:]
                    del cur.body[k:]
                    first = start_of.get(cap[0][0])
                    if (
                        len(cap) >= 2
                        and first is not None
                        and _SIGNED_NAME.fullmatch(lines[first].f)
                    ):
                        # a bare name under the finished text above signs it: the writer's,
                        # not the picture's title
                        cur.bylines.append(cap.pop(0))
                        cur.signed = True
                        first = start_of.get(cap[0][0])
                    new("caption")
                    if (
                        len(cap) >= 2
                        and first is not None
                        and headish(first)
                        and len(lines[first].f) <= min(16, 0.7 * col)
                        and not _VERSE_END.search(lines[first].f)
                    ):
                        cur.heads = [first]  # the picture's title over its caption
                        cap = cap[1:]
                    else:
                        cur.headline = ""
                    cur.body.extend(cap)
                elif (
                    bare
                    and start_of.get(cur.body[-1][0]) is not None
                    and ends_sentence(text[cur.body[-1][0] : cur.body[-1][1]])
                    and (
                        len(flat(text[cur.body[-1][0] : cur.body[-1][1]])) <= 0.7 * col
                        # (a paragraph of one line, indented as the page's paragraphs are)
                        or (indented and bool(lines[start_of[cur.body[-1][0]]].indent))
                    )
                    and ends_sentence(prev_line(start_of[cur.body[-1][0]]).f)
                ):
                    # a credit alone (受访者供图, 摄影：某某) under a short line closing a
                    # sentence, under a finished sentence: that line is the picture's
                    # caption, set where no blank line or indent parts the paragraphs
                    last = cur.body.pop()
                    new("caption").headline = ""
                    cur.body.append(last)
            credit_from = ln.s
            if cur.body and (tail := _ROLE_TAIL.search(text[cur.body[-1][0] : cur.body[-1][1]])):
                # the credit's role at the end of the caption's last line (…。　本报记者)
                s0, e0 = cur.body[-1]
                cut = s0 + len(text[s0 : s0 + tail.start()].rstrip())
                credit_from = s0 + tail.start() + (len(tail.group()) - len(tail.group().lstrip()))
                cur.body[-1] = (s0, cut)
            cur.bylines.append((credit_from, ln.e))
            if cur.kind == "news" and not (bare and len(cur.body) > 1):
                cur.kind = "caption"
            cur = None
            i += 1
            continue
        if k := signature(i):
            cur.bylines.append((ln.s, lines[i + k - 1].e))
            cur.signed = True
            i += k
            if i < n and lines[i] is None and sig_lines(i + 1) == 0:
                cur = None  # a signature closes its piece: text past a blank is another's
            elif seals(i - k):
                cur = None  # a notice's 某某启 closes it: the next line opens another (and
                # a reply's office, a compiler's credit on a page printing a paragraph a line)
            elif unspaced and _ISSUER.fullmatch(lines[i - k].f) and table_within(i):
                cur = None  # an issuer over a table's title: the table is another piece
            continue
        # a jump marker alone on a line (（下转第二版）) closes the article's part on this
        # page: text past the blank line under it is another piece's (a photo's caption)
        if _CONT_OUT.match(ln.f) and cur is not None and cur.body:
            cur.body.append((ln.s, ln.e))
            i += 1
            if i < n and (lines[i] is None or unspaced):
                cur = None  # on a page without blank lines, whatever follows
            continue
        # an author's note (作者简介) after a poem or essay is a piece of its own
        if re.match(_AUTHOR_NOTE.pattern + "[:：]", ln.f) and cur is not None and cur.body:
            new("other").headline = ""
            cur.body.append((ln.s, ln.e))
            cur.prose += 1
            i += 1
            continue
        # a poem's next stanza after a blank line is no headline stack
        if (
            cur is not None
            and cur.verse >= 2
            and not cur.prose
            and blank_before(i)
            and (m_ := verse_from(i, poem=True)) >= 1
        ):
            for k in range(i, i + m_):
                cur.body.append((lines[k].s, lines[k].e))
                cur.verse += 1
            i += m_
            continue
        # a display advertisement: a block of slogans with a contact line, no sentence
        if (blank_before(i) and ((k := ad_block(i)) > 0 or (k := ad_groups(i)) > 0)) or (
            k := ad_run(i)
        ) > 0:
            p = new("ad")
            first = lines[i].f
            # (its first line names the advertiser or the offer: short, no sentence, no
            # number to call; the name may add its Latin form, 某某地产 SOME PROPERTY)
            han = [w for w in lines[i].text.split() if not re.fullmatch(r"[A-Za-z&.,'’\-]+", w)]
            if (
                len(first) <= 24
                and len(han) <= 2
                and not re.search(r"\d{5}|[，。；！？：:]", first)
                and not _CONTACT.search(first)
            ):
                p.heads = [i]
                p.headline = first
                i += 1
            else:
                p.headline = ""
            while i < k:
                if lines[i] is not None:  # (an ad set in groups: its blank lines)
                    p.body.append((lines[i].s, lines[i].e))
                i += 1
            cur = None
            continue
        # a table set inside an article: its header row (three or more cells set apart by
        # spaces, no sentence) right under a paragraph, the rows of figures under it and the
        # note in brackets closing it belong to the article
        if (
            cur is not None
            and cur.body
            and not blank_before(i)
            and _CELLS.fullmatch(ln.text)
            and rows_from(i + 1) >= 3
        ):
            cur.body.append((ln.s, ln.e))
            i += 1
            while i < n and row(i):
                cur.body.append((lines[i].s, lines[i].e))
                i += 1
            i = table_note(i, cur)
            continue
        # a list's heading alone on a line after a blank (简讯, 新书架, 一周快讯) over items
        # without bullets governs the block under it up to the next blank line: its items
        # (a book's title line over its note) are the list's, never headline stacks of their own;
        # a block that holds a byline or dateline is articles under a section label instead
        nx = lines[i + 1] if i + 1 < n else None
        if (
            blank_before(i)
            and len(ln.f) <= 8
            and _BRIEFS.fullmatch(ln.f)
            and nx is not None
            and not _ITEM.match(nx.f)  # bulleted items: read item by item below
            # a section's tag with its bullet (■所务动态) over a headline and its indented
            # paragraph heads a story, not a list
            and not (
                indented
                and _ITEM.match(ln.f)
                and headish(i + 1)
                and i + 2 < n
                and lines[i + 2] is not None
                and lines[i + 2].indent
            )
        ):
            k = i + 1
            while (
                k < n
                and lines[k] is not None
                and k - i < 80
                # (a new book's credit under its title, 某某　著　某某出版社, is the item's)
                and not (opener(k) and not _BOOK_LINE.fullmatch(lines[k].text.strip()))
            ):
                k += 1
            if k - i >= 3 and (k >= n or lines[k] is None):
                p = new("briefs")
                p.heads = [i]
                p.headline = ln.f
                first = i + 1
                if _COMPILED.fullmatch(lines[first].f):
                    p.bylines.append((lines[first].s, lines[first].e))  # 本报综合
                    first += 1
                # a web copy's publication line under the heading, its tools under the
                # items (【责任编辑：某某】) are the copy's, not the list's
                p.body.extend(
                    (lines[x].s, lines[x].e)
                    for x in range(first, k)
                    if not furn[x] and not WEB_META.fullmatch(lines[x].text)
                )
                cur = None
                i = k
                continue
        # a schedule (节目单, 赛程, 时刻表): a short heading over rows that open with a clock
        # time (19:30　某某), a channel's or a venue's name between them, a row's rest in
        # brackets under it; no sentence. It runs to its last timed row (and that row's
        # bracketed rest), wherever the next piece starts, blank line or none.
        if headish(i) and len(ln.f) <= 8 and (k := schedule_end(i)) > 0:
            p = new("other")
            p.heads = [i]
            p.headline = ln.f
            p.listing = True
            p.body.extend((lines[x].s, lines[x].e) for x in range(i + 1, k) if lines[x])
            cur = None
            i = k
            continue
        # the issuer's name and the date under a finished text sign it (its byline): no
        # headline stack, blank line or none; what follows the date is another piece
        if k := signs_apart(i):
            cur.bylines.extend((lines[x].s, lines[x].e) for x in range(i, k + 1) if lines[x])
            cur.signed = True
            i = k + 1
            continue
        if k := signs_notice(i):
            cur.bylines.extend((lines[x].s, lines[x].e) for x in range(i, k + 1))
            cur.signed = True
            if not unspaced:
                cur = None  # the next paragraph is the next notice's
            i = k + 1
            continue
        if speaker_piece(i):
            # a column's tag over a speaker's line (【两会之声】 / 全国人大代表、某某董事长
            # 某某：) over the text: the speaker's line heads the remarks under it
            new().heads = [i, i + 1]
            i += 2
            continue
        if (j := inline_box(i)) > 0:
            cur.body.extend((lines[x].s, lines[x].e) for x in range(i, j))
            i = j
            continue
        if (
            blank_before(i)
            and bool(_HOUSE_CREDIT.fullmatch(ln.f))
            and i + 2 < n
            and lines[i + 1] is not None
            and lines[i + 2] is not None
            and headish(i + 1)
            and not opener(i + 1)
            and not headish(i + 2)
            and (para_start(i + 2) or len(lines[i + 2].f) >= max(20, 2 * len(lines[i + 1].f)))
        ):
            # the paper's own unnamed credit set over the headline (本报评论员 / 某某某某 /
            # text), under a blank line: the line under it is the headline, not the text's
            # first line
            p = new()
            p.bylines.append((ln.s, ln.e))
            p.heads = [i + 1]
            i += 2
            continue
        # a column's label alone between blank lines (职工之声, 群众来信), under a finished
        # text and over a title set apart from its text by a blank line too: it closes the
        # piece above and heads none (the column's pieces each have their title)
        if (
            cur is not None
            and cur.body
            and blank_before(i)
            and re.fullmatch(rf"[{_H}]{{2,6}}", ln.f)
            and not (NOTICE.fullmatch(ln.f) or _BRIEFS.fullmatch(ln.f))
            and (p_ := prev_line(i)) is not None
            and ends_sentence(p_.f)
            and i + 3 < n
            and lines[i + 1] is None
            and lines[i + 2] is not None
            and headish(i + 2)
            and lines[i + 3] is None
            and i + 4 < n
            and lines[i + 4] is not None
            and (para_start(i + 4) or opener(i + 4))
        ):
            cur = None
            i += 1
            continue
        # a headline stack
        to_opener = stack_to_opener(i)
        if (
            (headish(i) or to_opener > 0 or salutation_under(i) or question_head(i))
            and not contact_line(i)
            and (
                blank_before(i)
                # a notice's or an ad's contact line closes it where no blank line does,
                # unless a field of the ad (地址：…) or the number's wrapped rest follows
                or (unspaced and contact_line(i - 1) and not re.match(r"[^：:]{1,4}[:：]|\d", ln.f))
                # (or its address, the last field, wrapped or not: 地址：某某路 / 8号)
                or (unspaced and address_closed(i) and not re.match(r"[^：:]{1,4}[:：]|\d", ln.f))
                or prev_line(i) is None
                or ends_sentence(prev_line(i).f)
                or _CONT_OUT.search(prev_line(i).f)
                # (the marker wrapped at the column's width: …（下转第4 / 版）)
                or (
                    len(prev_line(i).f) <= 3
                    and i >= 2
                    and lines[i - 2] is not None
                    and bool(_CONT_OUT.search(lines[i - 2].f + prev_line(i).f))
                )
                or bool(_PHOTO.search(prev_line(i).f))
                or bool(_PHOTO_BARE.search(prev_line(i).text))  # …。　通讯员　某某　摄
                or credit_closed(i)
                # a quotation's or a letter's sign-off closing the line above (——某某), over
                # a stack that runs to its dateline or byline
                or (
                    to_opener > 0
                    and not ln.f.startswith(("（", "("))  # not the sign-off's wrapped rest
                    and bool(_SIGNOFF_END.search(prev_line(i).f))
                )
                or closed_note(i)
                # a line or two straight over a dateline, under a short line (a verse's, a
                # table's): a headline, whatever the line above ends on
                or (
                    0 < to_opener - i <= 2
                    and bool(DATELINE.match(lines[to_opener].text))
                    and len(prev_line(i).f) < 0.8 * col
                )
                # a stack running into its byline or dateline under a list's last bulleted
                # item (■某某：1.46万个 / 快递进村 / 某某 / 本报记者　某某): the list ends there
                or (
                    to_opener > 0
                    and bool(_ITEM.match(prev_line(i).f))
                    and not lines[to_opener].f.startswith("◎")  # (a list's next label)
                )
                # a sentence closed by its contributor's name in brackets (…。（某某）)
                or bool(re.search(r"[。！？][（(][^（）()]{1,12}[）)]$", prev_line(i).f))
                or (flat_page and bool(SIGNATURE.fullmatch(prev_line(i).f)))
                or signed_above(i)
                or bool(_TEACHER.fullmatch(prev_line(i).f))  # a pupil's teacher closes the piece
                # the day a notice or a letter was signed, alone on the line above
                or (
                    cur is not None
                    and bool(cur.body)
                    and bool(_ISSUE_DATE.fullmatch(prev_line(i).f))
                )
                or (cur is None and bool(pieces))  # the piece above is closed (a schedule...)
                or (i > 0 and furn[i - 1])  # page furniture right above: no text runs on from it
                # a column tag in square brackets alone on its line (【来论】) opens a piece on a
                # page without blank lines, whatever closes the line above
                or (unspaced and bool(re.fullmatch(r"【[^【】]{1,16}】", ln.f)))
                # on a page with hardly any punctuation, a column's standing heading alone on
                # its line (专电, 论说, 本埠新闻), or a line under a text's closing formula
                # (…钦此, …谨启, 以上均初三日到)
                or (unpointed and bool(_OLD_COLUMN.fullmatch(ln.f)))
                or (unpointed and bool(_OLD_CLOSING.search(prev_line(i).f)))
                or classified_head(i)
            )
        ):
            j = i
            while (
                j < n
                and (
                    headish(j)
                    # (or under a column's label: 以案说法 / 某某，某某归谁？)
                    or (j in (i, i + 1) and question_head(j))
                    or (
                        j > i
                        and question(j)
                        and j + 1 < n
                        # (over a reader's labelled question: 读者问：…？)
                        and (headish(j + 1) or bool(lines[j + 1] and _ASKED.match(lines[j + 1].f)))
                    )
                    # a table's unit line under its title (单位：元/公斤), over its rows
                    or (
                        j > i
                        and lines[j] is not None
                        and bool(_TABLE_UNIT.fullmatch(lines[j].f))
                        and j + 1 < n
                        and headish(j + 1)
                    )
                    # or the stack's last line over an indented paragraph, under a label or
                    # a kicker (读者讨论 / 怎样对待集体的一草一木？ / 　　编辑同志：)
                    or (
                        j > i
                        and question(j)
                        and indented
                        and j + 1 < n
                        and lines[j + 1] is not None
                        and bool(lines[j + 1].indent)
                    )
                    # or over a letter's salutation on a line of its own (编辑同志：), the
                    # question the letter's whole title
                    or salutation_under(j)
                )
                and not opener(j)
                and (j - i < 6 or bool(_CELLS.fullmatch(lines[j].text.strip())))
            ):  # a line exclaiming or asking inside a stack, a headline's line under it
                # (a table's rows of cells run on past a stack's six lines)
                if (
                    j > i
                    and full(j)
                    and not _TAG.fullmatch(lines[j - 1].f)
                    and not lines[j].f.startswith(("——", "—"))
                    and not _CELLS.fullmatch(lines[j].text.strip())
                ):
                    break  # a full line is running text, unless a column tag stands over it
                    # or it opens with a dash (a subtitle: ——某某), or it is a table's row
                    # of cells set apart by spaces
                j += 1
            if classified_head(i):
                j = i + 1
            # a web copy's publication line under its title (时间：2024-05-20 16:05　来源：…)
            # belongs to the title's stack, however long: the text starts under it
            while j > i and j < n and lines[j] and WEB_META.fullmatch(lines[j].text):
                j += 1
            if to_opener > j:
                j = to_opener
            tab = table_head(i)
            # (a short line over the table's title, neither punctuated, the rows under the
            # title: its kicker or tag, 数据 / 某某价格一览)
            wrap = int(
                tab is None
                and blank_before(i)  # (set apart: not a credit closing the piece above)
                and i + 2 < n
                and lines[i + 1] is not None
                and len(lines[i].f) <= 12
                and not re.search(r"[。！？，；：:]", lines[i].f + lines[i + 1].f)
                and not _LIST_MARK.match(lines[i + 1].f)  # (a box's first item)
                and (tab := table_head(i + 1)) is not None
            )
            if tab is not None:
                units, gap = tab
                # a heading over rows of figures set in cells is a table: a piece of its own
                # (its unit line, 单位：分, under the heading)
                above = cur
                p = new("other")
                p.headline = lines[i + wrap].f
                p.heads = [i, i + 1] if wrap else [i]
                j = i + 1 + wrap
                for _ in range(units):
                    if _TABLE_PERIOD.fullmatch(lines[j].f) or re.fullmatch(
                        r"[（(][^（）()。，！？：:]{1,12}[）)]", lines[j].f
                    ):
                        # the period it covers, or a note in brackets on what it holds
                        # (（第5轮）, （前六名）): a subtitle of its heading
                        p.heads.append(j)
                    else:
                        p.body.append((lines[j].s, lines[j].e))
                    j += 1
                j += gap
                if not row(j) and header_row(j):
                    p.body.append((lines[j].s, lines[j].e))
                    j += 1
                while j < n and (
                    row(j)
                    # a second table's heading inside the same box, over rows of its own
                    or (
                        lines[j] is not None
                        and bool(lines[j].indent) == bool(lines[i + 1 + wrap].indent)
                        and len(lines[j].f) <= 20
                        and not re.search("[。！？，]", lines[j].f)
                        and rows_from(j + 1, header=True) >= 3
                    )
                ):
                    p.body.append((lines[j].s, lines[j].e))
                    j += 1
                cur = None
                i = table_note(j, p)
                nx = lines[i] if i < n else None
                if (
                    above is not None
                    and above.kind in ("news", "other")
                    and not above.listing
                    and above.body
                    and not blank_before(p.heads[0])
                    and indented
                    and nx is not None
                    and nx.indent
                    and not furn[i]
                    and re.search("[，。]", nx.f)
                    # (not a photo's caption under the table, closed by its credit)
                    and not any(
                        lines[k] is not None
                        and (
                            _PHOTO.search(lines[k].f)
                            or _CREDIT_ALONE.fullmatch(lines[k].text.strip())
                        )
                        for k in range(i, min(n, i + 5))
                    )
                ):
                    # the story's next paragraph right under the table: the table is a box
                    # inside the story, its heading a crosshead
                    pieces.remove(p)
                    above.body.extend([(lines[p.heads[0]].s, lines[p.heads[0]].e), *p.body])
                    cur = above
                continue
            if verse_from(i + 1) >= 3:
                # a title over short unpunctuated lines that end at a blank line is a poem:
                # its stanzas run on over blank lines while they stay verse (a second poem's
                # title, 外一首, among them); the poet's bare name may close it
                p = new("other")
                p.heads = [i]
                j = i + 1
                if re.fullmatch(
                    rf"[{_FAMILY}][{_H}]{{1,2}}|[{_H}][\s　]+[{_H}]", lines[j].text.strip()
                ) and (verse_from(j + 1) >= 3 or verse_from(j + 2) >= 3):
                    # the poet's name under the title, over the first stanza or the first
                    # poem's title (某某（组诗） / 江某 / 稻田 / …): a family name opens it, or
                    # it is set apart to a name's width
                    p.bylines.append((lines[j].s, lines[j].e))
                    j += 1
                while j < n:
                    if lines[j] is None:
                        k = j
                        while k < n and lines[k] is None:
                            k += 1
                        m_ = verse_from(k, poem=True)
                        if not m_ and (sig := signed_stanza(k)) > 0:
                            # the last stanza closed by the poet's signature on a line of
                            # its own (■某连上等兵　某某), a blank line or the page's end
                            # under it: no stack over a byline
                            p.body.extend((lines[x].s, lines[x].e) for x in range(k, sig))
                            p.bylines.append((lines[sig].s, lines[sig].e))
                            j = sig + 1
                            break
                        if not m_ or (k + m_ < n and lines[k + m_] is not None):
                            break
                        j = k
                    p.body.append((lines[j].s, lines[j].e))
                    j += 1
                if (
                    not p.bylines
                    and len(p.body) >= 2
                    and _NAME_WRAP.fullmatch(text[slice(*p.body[-1])])
                ):
                    p.bylines.append(p.body.pop())
                p.verse = len(p.body)
                cur = None
                i = j
                continue
            if (
                j - i >= 6
                and len(lines[i].f) <= 12
                and (
                    flat_page
                    or (
                        blank_before(i)
                        and 2 * sum(bool(re.search(r"\d", lines[x].f)) for x in range(i + 1, j))
                        >= j - i - 1
                    )
                )
            ):
                # a heading over a run of unpunctuated lines is a table (数据, 指标), not a
                # headline stack: it stands as a piece of its own; on a page of narrow
                # columns, where verse is set so too, only when half its rows carry figures
                # (a listing: 今日影讯 with its times, results, prices)
                p = new("other")
                p.headline = lines[i].f
                p.heads = [i]
                j = i + 1
                while (
                    j < n
                    and (headish(j) or (lines[j] is not None and _TABLE_UNIT.fullmatch(lines[j].f)))
                    and not opener(j)
                    and not _TABLE_NOTE.match(lines[j].f)
                ):
                    p.body.append((lines[j].s, lines[j].e))
                    j += 1
                cur = None
                i = table_note(j, p)
                continue
            stack_ok = False
            if (
                blank_before(i)
                and field_rows(i + 1) >= 2
                and len(lines[i].f) <= 12
                and not re.search(r"[，。；：:！？]", lines[i].f)
            ):
                # a box's heading under a blank line over its fields, each line opening
                # with a label and its colon (某某天气 / 今天（25日）：… / 明天：…; 参观须知
                # / 开放时间：… / 预约方式：…): the heading alone heads a piece of its own
                j, stack_ok = i + 1, True
            item_list = (
                j < n and lines[j] is not None and _ITEM.match(lines[j].f) and not pen_name(j)
            ) or (
                # (a page setting a blank line after every paragraph sets one under the
                # list's heading too: 简讯 / (blank) / ◎…)
                j + 1 < n
                and lines[j] is None
                and blank_before(i)
                and lines[j + 1] is not None
                and _ITEM.match(lines[j + 1].f)
                and not pen_name(j + 1)
            )
            if opener(j) and j - i < STACK_LINES + 1:
                stack_ok = True  # the stack_to_opener case: a byline or dateline closes it
            elif (
                j - i <= 5
                and j + 1 < n
                and lines[j] is None
                and opener(j + 1)
                and blank_before(i)
                and (
                    j - i <= 2  # (a line or two alone between blank lines over a dateline)
                    or any(
                        lines[x].f.startswith(("——", "—"))
                        or re.search("[ 　]", lines[x].text.strip())
                        for x in range(i, j)
                    )
                    # (or up to four with no mark of a sentence or a clause in them: a
                    # kicker, a headline and a subtitle, 某某一年来 / 某某双双增长 / 某某)
                    or (
                        j - i <= 4
                        and not any(
                            re.search("[，。；：！？、,:]", lines[x].f) for x in range(i, j)
                        )
                    )
                )
            ):
                # a stack set apart from its text by one blank line, the text opening with
                # its dateline or byline (【本报讯】…): the stack is the dateline's, as if
                # no blank stood between (a subtitle or a spaced pair marks it a stack)
                stack_ok = True
            elif (
                j - i <= 3
                and j + 1 < n
                and lines[j] is None
                and lines[j + 1] is not None
                and lines[j + 1].indent
                and blank_before(i)
                and (
                    NOTICE.fullmatch("".join(lines[x].f for x in range(i, j)))
                    or any(lines[x].f.startswith(("——", "—")) for x in range(i + 1, j))
                    # (or a genre's label over the title: 短评 / 某某)
                    or (j - i >= 2 and bool(_TAG.fullmatch(lines[i].f)))
                    # (or a title where the piece above is closed, as a signature closes
                    # it: a crosshead stands inside a piece)
                    or cur is None
                    or signed_above(i)
                )
            ) or (
                j - i <= 3
                and j + 1 < n
                and lines[j] is None
                and lines[j + 1] is not None
                and blank_before(i)
                and bool(_SALUTATION.fullmatch(lines[j + 1].f))
            ):
                # a notice's title (关于…的通告, 某某招募启事) or a headline over its dash
                # subtitle, alone between blank lines over an indented paragraph, or a title
                # over a letter's salutation (编辑同志：): no crosshead is any of them, the
                # stack opens a piece
                stack_ok = True
            elif j - i <= 5:
                if item_list:
                    stack_ok = True
                elif j - i == 1 and classified_head(i):
                    stack_ok = True
                elif (
                    (a := j if j < n and lines[j] is not None else j + 1 if blank_before(i) else n)
                    < n
                    and lines[a] is not None
                    and (
                        _ADDRESSEE.fullmatch(lines[a].f)
                        # (whoever it is addressed to, a line closed by its colon: 海内外宗亲：)
                        or (
                            blank_before(i)
                            and bool(re.fullmatch(r"[^，。；！？]{2,20}[：:]", lines[a].f))
                        )
                    )
                    and NOTICE.fullmatch(
                        "".join(
                            lines[x].f for x in range(i, j) if not _DOC_MARK.fullmatch(lines[x].f)
                        )
                    )
                ):
                    stack_ok = True  # a notice's title over its addressee (各会员单位：)
                elif (
                    blank_before(i)
                    and j < n
                    and lines[j] is not None
                    and any(_SERIES_NO.fullmatch(lines[x].f) for x in range(i + 1, j))
                    and NOTICE.fullmatch(
                        "".join(
                            lines[x].f for x in range(i, j) if not _SERIES_NO.fullmatch(lines[x].f)
                        )
                    )
                ):
                    stack_ok = True  # a numbered notice's title (某某布告 / （某字第三号）)
                elif indented and blank_before(i) and j - i <= 2 and classical_verse(j) >= 3:
                    # a title under a blank line over classical verse set flush on a page
                    # that indents its paragraphs (七律·某某 / 又是某某九月天，): a poem
                    stack_ok = True
                elif j < n and lines[j] is not None and para_start(j):
                    stack_ok = (
                        flat_page
                        or indented
                        or (
                            (blank_before(i) or unspaced)
                            and all(
                                len(lines[x].f) <= max(0.85 * col, 8)
                                or (x > i and lines[x].f.startswith(("——", "—")))
                                or (x > i and bool(WEB_META.fullmatch(lines[x].text)))
                                for x in range(i, j)
                            )
                        )  # a subtitle opened by a dash is a heading however wide it is set
                        # a column tag or a notice's genre makes the lines under it a
                        # heading however wide they are set
                        # (on a page without blank lines too: a tag opens a piece there)
                        or (
                            (blank_before(i) or unspaced)
                            and j - i >= 2
                            and bool(_TAG.fullmatch(lines[i].f))
                        )
                        or (blank_before(i) and bool(NOTICE.fullmatch(lines[j - 1].f)))
                        # (or on a page that sets none, under a finished sentence: a notice's
                        # title of two lines, its genre closing it: 某某工程 / 某某批前公示)
                        or (
                            unspaced
                            and j - i == 2
                            and bool(NOTICE.fullmatch(lines[j - 1].f))
                            and not re.search(r"[，、。；：:]", lines[i].f + lines[j - 1].f)
                            and ends_sentence(prev_line(i).f)
                        )
                        # an official document's title (某某关于…的公告) under a finished
                        # text opens a piece however the page sets its lines
                        or (j - i <= 2 and bool(_DOC_TITLE.fullmatch(lines[i].f)))
                        # a web copy's title over its publication line (发布时间：…　来源：…)
                        # is a title however wide it is set
                        or (
                            blank_before(i)
                            and j - i >= 2
                            and not WEB_META.fullmatch(lines[i].text)
                            and bool(WEB_META.fullmatch(lines[j - 1].text))
                        )
                    )
                    # a page that sets no blank line anywhere: a stack of short lines after a
                    # finished sentence, where the piece above has its headline (else these may
                    # be its headline, printed below its body, and the next piece's)
                    headed = (cur is None or bool(cur.heads) or cur.headline is not None) and not (
                        _ISSUER.fullmatch("".join(lines[x].f for x in range(i, j)))
                    )  # a unit's name closing a notice (某某领导小组 / 办公室) signs it
                    headed = headed and not any(
                        re.search("[，、]", lines[x].f) for x in range(i, j)
                    )  # a column's lines of running text, narrow as a stack's
                    # a column tag opening the stack opens a piece there, whatever its lines
                    headed = headed or bool(_TAG.fullmatch(lines[i].f))
                    if (
                        j - i >= 2
                        and not (flat_page or indented or (unspaced and headed))
                        and not blank_before(i)
                    ):
                        stack_ok = False
            # a bare name under a one-line headline is its byline
            if (
                not stack_ok
                and j - i >= 2
                and not item_list
                and _BARE_NAME.fullmatch(lines[j - 1].f)
            ):
                if j < n and lines[j] is not None and para_start(j):
                    stack_ok = True
            # headline printed below its body, then a column tag opening the next piece's
            # stack (a PDF text layer's order: body, its headline, ·某某评说·, the next
            # title): the lines over the tag are the body's headline, the tag starts anew
            t = next((x for x in range(i + 1, j) if _TAG.fullmatch(lines[x].f)), 0)
            if (
                t
                and t - i <= 4
                and cur is not None
                and cur.body
                and not cur.heads
                and cur.headline is None
                and not any(_TAG.fullmatch(lines[x].f) for x in range(i, t))
                and not _ISSUE_DATE.fullmatch(lines[t - 1].f)
            ):
                cur.heads = list(range(i, t))
                cur = None
                i = t
                continue
            # on a page without blank lines, a stack after a finished body with no headline,
            # over a photo's caption closed by its credit: the last line is the caption's
            # title, the lines above it the body's headline printed below it
            # a stack set in tiers (a column tag over it, a dash subtitle in it) is no
            # caption's title: the whole stack is the body's, the caption has no title
            tiered = bool(_TAG.fullmatch(lines[i].f)) or any(
                lines[x].f.startswith(("——", "—")) for x in range(i + 1, j)
            )
            if (
                unspaced
                and (not stack_ok or tiered)
                and cur is not None
                and cur.body
                and not cur.heads
                and cur.headline is None
                and 2 <= j - i <= 5
                and credited_caption(j)
                and not _ISSUE_DATE.fullmatch(lines[j - 2].f)
            ):
                cur.heads = list(range(i, j if tiered else j - 1))
                cur = None
                i = j if tiered else j - 1
                continue
            # headline printed below its body: a stack after a finished body with none
            if (
                not stack_ok
                and cur is not None
                and cur.body
                and not cur.heads
                and cur.headline is None
                and (j >= n or lines[j] is None)
                and j - i <= 4
                # a date closing the lines signs the piece (某某局 / 2024年3月20日): no title
                and not _ISSUE_DATE.fullmatch(lines[j - 1].f)
            ):
                cur.heads = list(range(i, j))
                i = j
                continue
            unsure = False
            if (
                stack_ok
                and 2 <= j - i <= 5
                and cur is not None
                and cur.body
                and not blank_before(i)
                and (
                    _BRIEFS.fullmatch(lines[j - 1].f)
                    or NOTICE.fullmatch(lines[j - 1].f)
                    or _NOTE_LABEL.fullmatch(lines[j - 1].f)
                    or (item_list and len(lines[j - 1].f) <= 6)  # over bulleted items
                )
            ):
                # a list's or a notice's heading set alone (简讯, 诚聘, 汛情通报) right under
                # text, no blank line between, is the stack's whole headline: the lines above
                # it close the piece above, the writer's name signing it (何苇 / 简讯; a
                # notice's issuer: 某某编辑部 / 诚聘), or, where that piece has no headline,
                # its headline printed below its body (a layout extraction's order)
                above = range(i, j - 1)
                if (
                    not cur.signed
                    or (
                        signed_above(i)
                        and flat(text[slice(*cur.bylines[-1])]).endswith(("读者", "作者"))
                    )  # the reader's name under the place signing the letter above
                ) and (
                    (
                        SIGNATURE.fullmatch(lines[j - 2].f)
                        and all(
                            SIGNATURE.fullmatch(lines[x].f) or lines[x].f.endswith(("读者", "作者"))
                            for x in above
                        )
                    )
                    # a writer's unit and name on one line (某某中心　某某)
                    or (j - i == 2 and bool(AFFILIATION.fullmatch(lines[i].text.strip())))
                ):  # a name, or a reader's place over it (某地读者 / 某某)
                    cur.bylines.append((lines[i].s, lines[j - 2].e))
                    cur.signed = True
                    i = j - 1
                elif cur.kind == "notice" and all(_ISSUER.fullmatch(lines[x].f) for x in above):
                    # under a notice, a body's name over 诚聘: the notice's issuer signing it
                    # (某某编辑部) or the next notice's (某某公司诚聘)? unknown
                    unsure = True
                elif (
                    not cur.heads
                    and cur.headline is None
                    and j - i <= 4
                    and not any(
                        _ISSUER.fullmatch(lines[x].f) or SIGNATURE.fullmatch(lines[x].f)
                        for x in above
                    )  # a company's name over 诚聘 is the notice's headline
                ):
                    cur.heads = list(above)
                    i = j - 1
            # a writer's name right over a column tag (梁　言 / 【某某观察】 / the title), no
            # blank line between: the name signs the piece above, the tag opens the stack
            t = next((x for x in range(i + 1, j) if _TAG.fullmatch(lines[x].f)), 0)
            if (
                stack_ok
                and t
                and cur is not None
                and cur.body
                and not cur.signed
                and not blank_before(i)
                and all(SIGNATURE.fullmatch(lines[x].f) for x in range(i, t))
            ):
                cur.bylines.append((lines[i].s, lines[t - 1].e))
                cur.signed = True
                i = t
            if (
                stack_ok
                and j - i == 1
                and unspaced
                and cur is not None
                and cur.body
                and cur.heads
                and cur.bylines
                and not cur.signed
                and j < n
                and lines[j] is not None
                and not opener(j)
                and re.fullmatch(r"[\u4e00-\u9fff]{2,4}[：:][^：:，。]{4,16}", lines[i].f)
            ):
                # a crosshead of a label and a phrase (外观：家族化设计更显年轻) inside a
                # credited piece, no byline or dateline under it: the piece's, not a new one
                cur.body.append((lines[i].s, lines[i].e))
                i += 1
                continue
            if stack_ok:
                head = [x for x in range(i, j)]
                p = new()
                p.heads = head
                if unsure:
                    p.headline = ""
                i = j
                if (
                    i + 1 < n
                    and lines[i] is None
                    and lines[i + 1]
                    and _own_byline(lines[i + 1].text)
                ):
                    i += 1  # (the stack set apart from its byline by a blank line: its byline)
                if (
                    len(head) == 1
                    and i + 1 < n
                    and lines[i] is not None
                    and lines[i + 1] is not None
                    and (
                        (
                            _COUPLET.fullmatch(lines[i].text.strip())
                            and not re.search(r"[，。、；：！？,.:;\d]", lines[i].f)
                            and full(i + 1)
                        )
                        # (a greeting's dedication under its word: 寿诞志庆 / 恭祝某某华诞)
                        or (
                            _DEDICATION.match(lines[i].f)
                            and not re.search(r"[，。；！？,.;]", lines[i].f)
                            and len(lines[i].f) <= 0.85 * col
                        )
                    )
                    and not _ITEM.match(lines[i].f)
                    and not opener(i)
                ):
                    # two phrases set apart by a space under a one-line headline, no
                    # punctuation, as wide as the column (某某某某　某某某某): the subtitle,
                    # never the text's first line
                    head.append(i)
                    i += 1
                plain = [x for x in head if not _TAG.fullmatch(lines[x].f)]
                heading = flat("".join(lines[x].f for x in plain))
                if item_list and (len(plain) == 1 or _BRIEFS.fullmatch(heading)):
                    # a list's heading, under a tag or wrapped (文艺 / 简讯)
                    p.kind = "other" if _SERVICE.fullmatch(heading) else "briefs"
                    p.headline = heading
                elif NOTICE.fullmatch(heading):
                    p.kind = "notice"
                elif _SERVICE.fullmatch(heading) and len(head) == 1:
                    p.kind = "other"
                    p.headline = heading
                if (
                    len(plain) >= 2
                    and _DOC_NAMED.search(lines[plain[0]].f)
                    and _ISSUERS.fullmatch(lines[plain[-1]].text.strip())
                    and not _DOC_MARK.fullmatch(lines[plain[-1]].f)  # (its number: no issuer)
                ):
                    # a document's issuers under its title (某某市统计局　国家统计局某某调查
                    # 队), the day in brackets under them: its byline and its date, no heading
                    x = plain.pop()
                    head.remove(x)
                    p.bylines.append((lines[x].s, lines[x].e))
                    if i < n and lines[i] is not None and _BRACKET_DATE.fullmatch(lines[i].f):
                        p.meta.append((lines[i].s, lines[i].e))
                        i += 1
                # bylines under the stack
                while (k := affiliation(i)) or (
                    i < n
                    and lines[i] is not None
                    and _own_byline(lines[i].text)
                    and not DATELINE.match(lines[i].text)
                    # a list's first item under its heading (◎某某 a label, not a pen name)
                    and not (
                        _ITEM.match(lines[i].f)
                        and not pen_name(i)
                        and not _SQUARE_CREDIT.match(lines[i].f)
                    )
                ):
                    if k:
                        p.bylines.append((lines[i].s, lines[i + k - 1].e))
                        i += k
                        continue
                    s, e = lines[i].s, lines[i].e
                    if _ROLE_END.search(lines[i].text) and i + 1 < n and lines[i + 1] is not None:
                        nx = lines[i + 1]
                        group = re.fullmatch(_COLLECTIVE, nx.f)
                        if (len(nx.f) <= 6 or group) and not ends_sentence(nx.f):
                            e = nx.e
                            i += 1
                    # names wrapped onto the next line: 新华社记者 某某\n某某 / 记者 某\n某
                    nx = lines[i + 1] if i + 1 < n else None
                    if (
                        e == lines[i].e
                        and nx is not None
                        and _opens_bracket(lines[i].f)
                        and _closes_bracket(nx.f)
                    ):
                        # a writer's unit in brackets wrapped onto the next line:
                        # 作者：某某（某某\n大学教授）
                        e = nx.e
                        i += 1
                        nx = None
                    if (
                        e == lines[i].e
                        and nx is not None
                        and not (indented and nx.indent)
                        and (_NAME_WRAP.fullmatch(nx.text) or _NAME_WRAP_ON.fullmatch(nx.text))
                        and (
                            i + 2 >= n or lines[i + 2] is None or opener(i + 2) or para_start(i + 2)
                        )
                    ):
                        e = nx.e
                        i += 1
                    p.bylines.append((s, e))
                    i += 1
                if (
                    len(plain) >= 2  # a column tag over a one-line title is no headline
                    and not p.bylines
                    and not item_list
                    and _BARE_NAME.fullmatch(lines[head[-1]].f)
                    and not NOTICE.fullmatch(lines[head[-1]].f)  # 诚聘, 启事: a genre, no name
                    and not DATELINE.match(lines[i].text if i < n and lines[i] else "")
                ):  # over a dateline (本报讯（记者…）) a short last line is the headline's rest
                    if (
                        len(plain) == 2
                        and not _SPACED_NAME.fullmatch(lines[head[-1]].text.strip())
                        # (a title line well short of the column's width is whole: the
                        # short line under it is no rest of it, as on a page set a
                        # paragraph to a line)
                        # (so too on a page wrapped wider than a column: an export)
                        and not ((flat_page or col >= 28) and len(lines[plain[0]].f) < 0.8 * col)
                        # (a name of three opening with a common family name is a name)
                        and not _SIGNED_NAME.fullmatch(lines[head[-1]].f)
                    ):
                        # one title line over two or three characters: the writer's bare
                        # name, or the title's rest (某某“某某” / 正当时)? unknown (on the
                        # tune half it was never the name); a name of two characters set
                        # apart to a name's width (何　远) is the writer's, as no title's
                        # rest is spaced
                        p.headline = ""
                    else:
                        x = head.pop()
                        y = x
                        if len(plain) >= 4 and _ISSUER.fullmatch(lines[head[-1]].f):
                            # the writer's unit over the name (某某市人民检察院 / 某某): the
                            # byline's first line, not the headline's rest
                            y = head.pop()
                        p.bylines.append((lines[y].s, lines[x].e))
                continue
        # a paragraph line
        if (
            cur is not None
            and cur.kind == "briefs"
            and cur.body
            and _ITEM.match(text[cur.body[0][0] : cur.body[0][1]])
            and not _ITEM.match(ln.f)
            and prev_line(i) is not None
            and (
                (
                    blank_before(i)
                    and (
                        ends_sentence(prev_line(i).f)
                        # (or an item's writer in brackets after its full stop: …。（某某）)
                        or bool(re.search(r"[。！？][（(][^（）()]{1,12}[）)]$", prev_line(i).f))
                    )
                )
                or (flat_page and _ITEM.match(prev_line(i).f) and len(prev_line(i).f) > 30)
            )
        ):
            # a bulleted list ends at a blank line after a finished item: a paragraph past
            # it is no item (past an item's title set alone, it is that item's text); on a
            # page set a paragraph to a line, an item is its line: past a whole item (not
            # a title alone), a line without a bullet is no item either
            cur = None
        if (
            (cur.body if cur is not None else bool(pieces))
            and blank_before(i)
            and (k := caption_block(i)) > 0
        ):
            # a short paragraph of its own closed by a photo credit in brackets is the
            # photo's caption, not the last paragraph of the article above it (nor, past a
            # piece closed above it, a bulleted list's, the text of a new piece)
            first = lines[i].f
            if (
                k - i >= 2
                and len(first) <= min(16, 0.75 * col)
                and not re.search(r"[。！？；，、：:,（(《]", first)
            ):
                # a short line with no punctuation over the caption's text is its title (a
                # line as wide as the column is the text's first, cut at the width)
                new("caption").heads = [i]
                i += 1
            else:
                new("caption").headline = ""
            cur.body.extend((lines[x].s, lines[x].e) for x in range(i, k))
            cur = None
            i = k
            continue
        # a caption on a page that sets no blank line: its credit glued to its last
        # sentence (…。（某某 摄）, the credit wrapped or not) closes the short paragraph it
        # ends, not the article above it (see caption_from)
        glued = _PHOTO.search(ln.f) or _PHOTO_BARE.search(ln.text)
        if glued is None and i > 0 and lines[i - 1] is not None and "（" not in ln.f:
            glued = _PHOTO.search(lines[i - 1].f + ln.f)
            glued = glued if glued and glued.start() < len(lines[i - 1].f) else None
            if glued is None and len(ln.f) <= 8:
                # a bare credit set after the caption's last sentence and wrapped at the
                # column's width (…敬献鲜花。　本报记者 / 某某　摄)
                above = lines[i - 1].text
                bare = _PHOTO_BARE.search(above + ln.text)
                glued = bare if bare and bare.start() < len(above) else None
        # a picture's credit alone on its line under a finished sentence (本报记者　某某　摄,
        # （某某　摄）): it closes the caption above it, glued to nothing
        alone_credit = (
            i > 0
            and lines[i - 1] is not None
            and ends_sentence(lines[i - 1].f)
            and (not _PHOTO.sub("", ln.f) or bool(_bare_credit(ln.text.strip())))
            and bool(_PHOTO_WORD.search(ln.f))
        )
        # (a photo note, _PICTURE_NOTE, is no credit of the paragraph above)
        says = bool(_PICTURE_NOTE.match(ln.f))
        if (
            unspaced
            and flat_page
            and glued is not None
            and glued.start() > 0
            and cur is None
            and bool(pieces)
            and ends_sentence(ln.f[: glued.start()])
        ):
            # a paragraph closed by its glued credit right after a closed piece (the caption
            # above it signed): a caption of its own
            new("caption").headline = ""
            cur.body.append((ln.s, ln.e))
            cur = None
            i += 1
            continue
        if (
            (
                alone_credit
                or (
                    unspaced
                    and glued is not None
                    and (glued.start() > 0 or (flat_page and _bare_credit(ln.text.strip())))
                )
            )
            and not says
            and cur is not None
            and cur.body
            and (cur.bylines or alone_credit or not (cur.heads or cur.headline is not None))
            and (k := caption_from(i, cur)) >= 0
        ):
            cap = [sp for sp in cur.body if sp[0] >= lines[k].s]
            del cur.body[len(cur.body) - len(cap) :]
            new("caption").headline = ""
            cur.body.extend(cap)
            cur.body.append((ln.s, ln.e))
            cur = None
            i += 1
            continue
        if cur is None:
            new()
        if (m := _CORRECTION.match(ln.text)) and (
            not cur.body or ends_sentence(text[cur.body[-1][0] : cur.body[-1][1]]) or cur.signed
        ):
            # a correction labelled before its text (更正：本报某月某日第某版…): the label is
            # its headline, the text after the colon its body
            new("notice").headline = m.group(1)
            cur.body.append((ln.s + m.end(), ln.e))
            i += 1
            continue
        if (m := _INLINE_HEAD.match(ln.text)) and not DATELINE.match(ln.text) and post_start(i):
            # a social-media post's headline in brackets opening its text (【某某】…), as a
            # paper's account posts it: the piece's headline, the rest of the line its text
            if cur.body or cur.heads or cur.bylines or cur.headline is not None:
                new()
            cur.headline = flat(m.group(1))
            rest = ln.s + m.end()
            if d := DATELINE.match(text, rest):
                cur.bylines.append((d.start(), d.end()))
                rest = d.end()
            if rest < ln.e:
                cur.body.append((rest, ln.e))
            i += 1
            continue
        if m := DATELINE.match(text, ln.s):
            if cur.body and cur.kind not in ("continuation",):
                new()
            cur.bylines.append((m.start(), m.end()))
            rest_s = m.end()
            while rest_s < len(text) and text[rest_s].isspace():
                rest_s += 1
            # the dateline may run over lines: skip every line it covers
            while i < n and (lines[i] is None or lines[i].e <= rest_s):
                i += 1
            if i < n and lines[i] is not None and lines[i].s <= rest_s < lines[i].e:
                cur.body.append((rest_s, lines[i].e))
                i += 1
            continue
        if _EDITOR_END.search(ln.text):
            m = _EDITOR_END.search(ln.text)
            first = flat(text[cur.body[0][0] : cur.body[0][1]]) if cur.body else ""
            between = text[cur.body[0][0] : ln.s] if cur.body else ""
            one = (
                not re.search(r"\n[ \t　]*\n|\n(?:　|[ \t]{2})", between)
                and not (flat_page and cur.body)
                and (bool(cur.body) or not blank_before(i))
            )  # (the note is the text's first paragraph, right under the byline)
            if (cur.heads or cur.bylines) and (
                EDITOR.match(first) or (cur.heads and cur.bylines and one)
            ):
                # the editor's note opens the text under the piece's own headline and byline
                # (编者按：… ——编者, or unlabelled, then the piece): it is the piece's, and so
                # is what follows
                cur.body.append((ln.s, ln.e))
                i += 1
                continue
            if (
                cur.heads
                and not cur.bylines
                and cur.body
                and not re.search(r"\n(?:　|[ \t]{2})", text[cur.body[0][0] : ln.s])
            ):
                # the editor's note is the whole text under its own headline (a topic's
                # introduction: 某某，你怎么看？ / …——编者), one paragraph: the piece's own
                cur.body.append((ln.s, ln.e))
                cur.kind = "editorial"
                cur = None
                i += 1
                continue
            if not cur.body or cur.heads or cur.bylines:
                # the lead opens the page's column: it is a piece of its own
                lead = new("editorial")
            else:
                lead = cur
                lead.kind = "editorial"
            lead.headline = lead.headline if lead.heads else ""
            if m.start() > 0:
                lead.body.append((ln.s, ln.s + len(ln.text[: m.start()].rstrip())))
            lead.bylines.append((ln.s + m.start(), ln.e))
            cur = None
            i += 1
            continue
        if verse_line(i):
            cur.verse += 1
        else:
            cur.prose += 1
        cur.body.append((ln.s, ln.e))
        i += 1
        if (
            not cur.bylines
            and not flat_page
            and len(cur.body) <= 4
            and sum(len(flat(text[a:b])) for a, b in cur.body) <= 150
            and _PHOTO_BARE.search(ln.text)
            and i < n
            and lines[i] is not None
            and lines[i].indent
        ):
            # a caption closed by its credit at its last line's end (…踏青。　　某某　摄),
            # another indented paragraph under it: a picture group's next caption
            cur = None
    done = [p for p in pieces if p.body or p.heads]
    return [_finish(text, lines, p, col, flat_page, traditional) for p in done]


def _kicker_or_subtitle(
    first: str, second: str, subs: list[str], lead: str = ""
) -> tuple[str, list[str]]:
    """Two whole lines of a wide stack: a kicker over the headline, or the headline over
    its subtitle? A first line that asks or exclaims (网传某某？假的！) is the headline over
    its subtitle, as is a first line the lead repeats far more than the second (see
    _lead_share); else the second line is the headline under its kicker. (The tune half's
    gold sets such pairs both ways, 50 kickers and 41 subtitles; leaving the headline
    unknown where no line tells the side lost about five right headlines per wrong one
    removed on the tune half, and three and a half on the test half: not kept.)"""
    if first[-1] in "？?！!" and second[-1] not in "？?！!":
        return first, [second, *subs]
    if _clauses(second) and not _clauses(first):
        # a line of clauses set apart by a comma under a plain one: the subtitle that says
        # more, under its headline (某某全面开工 / 计划年底前完工，惠及居民1.6万户)
        return first, [second, *subs]
    # the lead (导语) restates the headline's news; a kicker sets the scene and a subtitle
    # adds a later fact, in words of their own: a line whose words the lead repeats by half
    # its pairs more than the other's is the headline (某公司召开某会议 / 部署某某工作,
    # lead: 某日，公司召开某会议…)
    head, rest = _by_lead(first, second, subs, lead)
    return (head, rest) if head else (second, [first, *subs])


# (on the tune half's 95 such pairs left to this default the second line is the headline 74
# times; a margin of half the pairs made 6 right and 2 wrong, smaller margins more wrong)
_LEAD_MARGIN = 0.5


def _by_lead(first: str, second: str, subs: list[str], lead: str) -> tuple[str, list[str]]:
    """Two whole lines that no form tells apart: the line whose pairs the lead repeats by
    half more than the other's is the headline (see _kicker_or_subtitle); else unknown."""
    a, b = _lead_share(first, lead), _lead_share(second, lead)
    if a - b >= _LEAD_MARGIN:
        return first, [second, *subs]
    if b - a >= _LEAD_MARGIN:
        return second, [first, *subs]
    return "", [first, second, *subs]


_NOT_WORD = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]")


def _lead_share(line: str, lead: str) -> float:
    """The share of a heading line's character pairs (letters, digits, Han characters) that
    the body's opening repeats."""
    line = _NOT_WORD.sub("", line)
    pairs = {line[k : k + 2] for k in range(len(line) - 1)}
    return len([x for x in pairs if x in lead]) / len(pairs) if pairs else 0.0


def _clauses(line: str) -> bool:
    """Does a heading line run as clauses set apart by a comma, outside a quotation?"""
    return bool(re.search("[，,]", re.sub(r"“[^”]*”|「[^」]*」", "", line)))


def _split_stack(
    raw: list[str], wide: bool, traditional: bool = False, lead: str = ""
) -> tuple[str, list[str]]:
    """The headline and the subheadlines of a stack, or '' when the stack is not clear.

    Column tags (【…】, ·…·) are neither. A line opening with —— starts the subtitle (its
    wrapped lines follow it), as does a last line much wider than the headline's lines.
    A line of two phrases set apart by a space is whole, never half of a wrapped headline.
    Two lines, the second such a pair and the first a plain line, with no dash subtitle:
    papers in traditional print (Hong Kong, Macau, Taiwan, pre-1949) set the headline first
    and the pair under it as its subtitle; elsewhere the pair is as often the headline under
    a kicker as a subtitle under the headline, so the headline is unknown.
    On pages set in narrow columns a headline wraps over lines:
    one or two lines are the headline, a third line under a kicker is the headline's second
    half. On wide pages every line is whole: one line is the headline, two are kicker and
    headline. A longer line with a comma under the headline is a subtitle.
    """
    kept = [h for h in raw if not _TAG.fullmatch(flat(h))]
    # a column's name set before the title with a bar (编辑点评｜某某): a tag, not the title's
    if len(kept) == 1 and (m := _BAR_TAG.fullmatch(flat(kept[0]))):
        return m.group(2), [m.group(1)]
    # a company's name over its announcement's title (某某股份公司 / 2023年年度权益分派实施
    # 公告（摘要）), the securities code line above perhaps: one title, as listed companies
    # print it
    flats = [flat(h) for h in kept]
    if (
        len(flats) >= 2
        and re.fullmatch(rf"[{_H}（）()]{{4,30}}(?:公司|集团)", flats[-2])
        and NOTICE.fullmatch(re.sub(r"[（(](?:摘要|更正后|修订稿|草案)[）)]$", "", flats[-1]))
    ):
        return flats[-2] + flats[-1], flats[:-2]
    # a note wholly in round brackets under the title (某某行情 / （本周全省主要批发市场均价）):
    # what it covers, a subtitle, never the title's wrapped half
    if len(flats) == 2 and re.fullmatch(r"[（(][^（）()]{2,24}[）)]", flats[1]):
        if not re.search(r"[（(）)]", flats[0]):
            return flats[0], [flats[1]]
    lines = [_GENRE_SUFFIX.sub("", flat(h)) for h in kept]
    if len(lines) >= 2 and _MEETING.search(lines[0]) and all(_AGENDA.match(x) for x in lines[1:]):
        # a meeting's report: the line naming the meeting (某某常委会召开会议) is the
        # headline, the lines under it its agenda (传达学习…, 研究部署…), subtitles
        return lines[0], lines[1:]
    dash = next((k for k, h in enumerate(lines) if h.startswith(("——", "－－", "--"))), None)
    if len(lines) == 2 and len(lines[0]) <= 6 and _DEDICATION.match(lines[1]):
        # a greeting's word over its dedication (寿诞志庆 / 恭祝某某先生八十华诞): the word
        # is the headline, the dedication its subtitle
        return lines[0], [lines[1]]
    if (
        wide
        and len(lines) == 3
        and dash is None
        and len(lines[1]) >= 6
        and not any(_COUPLET.search(h) for h in kept[:1])
        and _COLUMN_NAME.fullmatch(lines[0])
        and len(lines[2]) > len(lines[1])
    ):
        # a short first line over two whole lines, the last the widest: kicker, headline
        # and the subtitle that says more (春节旺季复盘 / 某某 / 多地经销商反映：…)
        return lines[1], [lines[0], lines[2]]
    if (
        len(lines) >= 2
        # (over a dash subtitle a line of five or six may be a kicker or the headline:
        # round 18's unknown stands; a column's name is mostly four)
        and (_COLUMN_NAME if dash is None else _COLUMN_NAME4).fullmatch(lines[0])
        and len(lines[1]) >= max(8, 2 * len(lines[0]))
        and not lines[1].startswith(("——", "－－", "--"))
        and not _WRAPS_ON.search(lines[0])
        # (in traditional print two phrases set apart by a space under it, alone, are its
        # subtitle: 河东大火 / 焚毁民房十余间　损失约万元; see below)
        and not (traditional and len(kept) == 2 and _COUPLET.fullmatch(kept[1].strip()))
    ):
        # a column's name over the piece's headline (一线风采, 史料钩沉, 院务公开): a word or
        # two, under half as wide as the line under it; a wrapped headline fills its first
        # line, a kicker is a phrase: the name is neither headline nor subheadline
        return _split_stack(kept[1:], wide, traditional, lead)
    couplet = [bool(_COUPLET.search(h)) for h in kept]  # 某某某某　某某某某
    subs: list[str] = []
    if dash is not None:
        subs.append("".join(lines[dash:]))
        lines = lines[:dash]
        couplet = couplet[:dash]
    if not lines:
        return "", subs
    if len(lines) == 2 and _SPEECH_KICKER.search(lines[0]) and not _SPEECH_KICKER.search(lines[1]):
        return lines[1], [lines[0], *subs]  # 某某在某地调研时强调 / what was stressed
    if len(lines) == 2 and dash is None:
        talk = [bool(_INTERVIEW.match(x)) for x in lines]
        if talk[0] != talk[1]:
            # an interview's line (专访某某, 访某某, 对话某某) names who was interviewed: a
            # kicker or a subtitle, whichever side it is set; the other line is the headline
            head = lines[talk.index(False)]
            return head, [lines[talk.index(True)], *subs]
    if (
        len(lines) == 3
        and couplet[1]
        and not (couplet[0] or couplet[2] or subs)
        and len(lines[1]) > max(len(lines[0]), len(lines[2]))
    ):
        # three lines, the middle one the widest and two phrases set apart by a space (a
        # whole line, never half of a wrapped headline): the headline of a stack in three
        # tiers, kicker (引题) over it, subtitle (副题) under it
        return lines[1], [lines[0], lines[2]]
    if (
        len(lines) == 3
        and couplet[0]
        and couplet[2]
        and not (couplet[1] or subs)
        and len(lines[1]) < min(len(lines[0]), len(lines[2]))
    ):
        # three lines, the outer two each two phrases set apart by a space (whole lines,
        # never a wrapped headline's half), the middle one a single phrase narrower than both:
        # the headline in the largest type, kicker over it and subtitle under it
        return lines[1], [lines[0], lines[2]]
    if wide:
        if len(lines) == 1:
            return lines[0], subs
        if len(lines) == 2:
            if couplet[0] and couplet[1] and dash is None:
                # two lines of two phrases each: traditional print sets the headline first,
                # its subtitle under it; elsewhere kicker and headline or headline and
                # subtitle? unknown
                if traditional:
                    return lines[0], [lines[1]]
                return _by_lead(lines[0], lines[1], subs, lead)
            if couplet[1] and not couplet[0] and dash is None:
                if traditional:
                    return lines[0], [lines[1]]  # two phrases under it: the subtitle
                # kicker + headline, or headline + subtitle? the lead may say
                return _by_lead(lines[0], lines[1], subs, lead)
            if len(lines[1]) <= 4 and len(lines[0]) >= 3 * len(lines[1]) and dash is None:
                # a word or two under a long line (某某公开通报4起…精神 / 典型问题): a kicker
                # over a headline of four, or one headline broken short? unknown
                return "", [*lines, *subs]
            if re.match(r"[【\[［][^】\]］]{1,6}[】\]］]", lines[1]):
                # a line opening with a bracketed label (【作者】…, 【来源】…) is a labelled
                # field, not the headline (headline audit: 4 such lines were read as the
                # headline of a wide kicker + headline): unknown
                return "", [*lines, *subs]
            return _kicker_or_subtitle(lines[0], lines[1], subs, lead)
        if len(lines) == 3 and not subs and len(lines[1]) >= 6:
            # three whole lines: the stack in three tiers, kicker (引题), headline, subtitle
            # (副题) (the tune half's gold sets 87 such stacks so, 4 otherwise); a middle line
            # of a word or two is a column's name between a section's and the headline
            return lines[1], [lines[0], lines[2]]
        return "", [*lines, *subs]
    # narrow columns: a last line half again as wide as every line above it is the
    # subtitle, set in smaller type (a wrapped headline's rest is never the widest line)
    tiers = False  # a subtitle was set apart under the lines left
    if len(lines) >= 3 and len(lines[-1]) > 1.5 * max(len(x) for x in lines[:-1]):
        subs = [lines[-1], *subs]
        lines, couplet = lines[:-1], couplet[:-1]
        tiers = True
    comma = next((k for k, h in enumerate(lines) if k > 0 and re.search("[，,]", h)), None)
    if (
        comma is not None
        and comma >= 1
        and _clauses(lines[0])
        and lines[comma].endswith(("，", ","))
        and comma + 1 < len(lines)
    ):
        # clauses over a line wrapped after its comma (某某，某某了 / 某某， / 为何…): a
        # kicker over the headline wrapped there, or the headline over its subtitle? unknown
        return "", [*lines, *subs]
    if comma is not None and comma >= 1:
        tiers = True
        main, rest = lines[:comma], ["".join(lines[comma:])]
        subs = rest + subs
        lines = main
        couplet = couplet[:comma]
    if len(lines) == 1:
        return lines[0], subs
    if len(lines) >= 2 and _LIFESPAN.search(lines[0]) and not subs:
        # a person's name with the years of their life (某某（1921—1947）): a biography's
        # whole headline, the lines under it its subtitle
        return lines[0], lines[1:]
    if len(lines) == 2:
        a, b = (len(x) for x in lines)
        if _REVIEW_KICKER.fullmatch(lines[0]) and not subs:
            # a review's kicker naming the work (评电影《某某》, 读《某某》): the line under
            # it is the headline
            return lines[1], [lines[0]]
        if a <= 4 and re.match(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日", lines[1]):
            # a box's word over the day it reports (商情 / 二十日津市行市): its label and
            # subtitle, or one headline? unknown
            return "", [*lines, *subs]
        if _WRAPS_ON.search(lines[0]):
            return "".join(lines), subs  # the first line stops mid-phrase: one headline
        if couplet[0] and not couplet[1]:
            return lines[1], [lines[0], *subs]  # a kicker of two phrases over the headline
        if couplet[1] and dash is None and traditional:
            # two phrases under a whole line, or under two phrases of its own: traditional
            # print sets the headline first, its subtitle under it (as in wide columns)
            return lines[0], [lines[1]]
        if a >= 9 and b >= 0.8 * a and dash is not None:
            # two whole lines over a dash subtitle: the stack is set in three tiers, kicker
            # (引题), headline, subtitle (副题); a wrapped headline would be a tier short
            return lines[1], [lines[0], *subs]
        if a >= 8 and b >= a and dash is not None:
            # a line of eight over a line at least as wide, over a dash subtitle: kicker and
            # headline, or one headline wrapped? unknown (on the tune half, joining them gave
            # one right and one wrong headline; reading kicker and headline, the reverse)
            return "", [*lines, *subs]
        if a >= 9 and b >= 0.8 * a:
            # two whole phrases: kicker and headline, or one? unknown (on the tune half,
            # joining lines of nine or more gave one right and one wrong headline); in
            # traditional print the headline comes first, its subtitle under it
            if traditional and not subs:
                return lines[0], [lines[1]]
            return "", [*lines, *subs]
        if couplet[1]:
            return "", [*lines, *subs]  # a whole line under a line: kicker or subtitle? unknown
        if a >= 5 and b >= 2 * a and (dash is not None or tiers):
            # a line (of five or more) less than half as wide as the line under it, over a
            # dash subtitle (a line of four, 对话馆长, is read as before: round 17b's test): a
            # headline broken at a phrase keeps its halves near in width, so the short line
            # is a kicker over the headline, or the headline over a subtitle of its own?
            # unknown rather than a join (round 18: a re-wrapped page's column-wide headline
            # under its kicker was read joined to it)
            return "", [*lines, *subs]
        if a >= 9 and (tiers or dash is not None):
            # a whole line of nine or more over a shorter one, over a subtitle set apart
            # (wider, after a comma, or opened by a dash): kicker and headline of a
            # three-tier stack, or one headline wrapped? unknown (on the tune half joining
            # them was never right: 0 right, 2 wrong; the joins right there all had a first
            # line of seven or less)
            return "", [*lines, *subs]
        return "".join(lines), subs
    if len(lines) == 3:
        if (
            couplet[0]
            and not (couplet[1] or couplet[2])
            and len(lines[1]) <= 4
            and len(lines[0]) >= 3 * len(lines[1])
        ):
            # a kicker of two phrases wrapped onto a short line (某某　某某陪 / 伴旅客) over
            # the headline: the short line is the kicker's rest, never the headline's start
            return lines[2], [lines[0] + lines[1], *subs]
        if couplet[1] or couplet[2]:
            # a line of two phrases set apart by a space is whole, never half of a wrapped
            # headline: under two lines it may be the headline under a two-line kicker, or
            # the kicker's second line: unknown rather than a join
            return "", [*lines, *subs]
        if not subs and len(lines[2]) >= 1.2 * max(len(lines[0]), len(lines[1])):
            # a last line a fifth wider than both lines above, no subtitle set apart: a
            # wrapped headline's rest is never the widest line, so the last two lines are
            # no headline under a kicker; a headline over its subtitle, or two pieces'
            # headlines run together where no blank line parts them? unknown (round 18)
            return "", [*lines, *subs]
        return "".join(lines[1:]), [lines[0], *subs]
    if len(lines) == 4 and not subs and couplet[0] and couplet[3] and not any(couplet[1:3]):
        # two tiers of two phrases each (kicker, subtitle: whole lines, never a wrapped
        # headline's halves) around two plain lines: the headline, wrapped, between them
        return "".join(lines[1:3]), [lines[0], lines[3]]
    if (
        len(lines) == 4
        and not subs
        and max(len(x) for x in lines[1:3]) <= 0.6 * min(len(lines[0]), len(lines[3]))
        and not any(re.search("[，,：:]", x) for x in lines[1:3])
    ):
        # a headline stack in three tiers, its main line set in the largest type and wrapped
        # (older pages): a long kicker (引题), two short lines, a long subtitle (副题); the
        # two short lines are the headline
        return "".join(lines[1:3]), [lines[0], lines[3]]
    return "", [*lines, *subs]


def _finish(
    text: str, lines: list, p: _Piece, col: float, flat_page: bool, traditional: bool = False
) -> dict:
    # a document's number and adoption note are subtitles under its title, whatever else
    # a web copy's publication line and original title under its title are neither
    web = bool(p.heads) and any(WEB_META.fullmatch(lines[x].text) for x in p.heads)
    p.heads = [x for x in p.heads if not WEB_META.fullmatch(lines[x].text)] if p.heads else p.heads
    # the ad mark (广告) and a section's name (专题报道, 企业专版) set over a headline are labels:
    # no line of the stack where another line is left
    labels = [x for x in p.heads or [] if _STACK_LABEL.fullmatch(lines[x].f)]
    if labels and len(labels) < len(p.heads):
        p.heads = [x for x in p.heads if x not in labels]
    # (and a headline's translation in English under it is a subtitle, never the headline)
    # (and so is a serial's chapter under its title: 第十七章　旧码头的灯)
    marks = [
        x
        for x in p.heads
        if _DOC_MARK.fullmatch(lines[x].f)
        or (p.kind == "other" and x != p.heads[0] and _TABLE_PERIOD.fullmatch(lines[x].f))
        or _LATIN_TITLE.fullmatch(lines[x].text.strip())
        or _CHAPTER.fullmatch(lines[x].text.strip())
    ]
    heads = [lines[x].f for x in p.heads if x not in marks]
    roles = [_ROLE_LABEL.match(h) for h in heads]
    if p.headline is not None:
        headline, subs = p.headline, []
    elif any(roles):
        # a stack whose lines are labelled by role: the headline line is the headline, the
        # others (kicker, subtitle) are subheadlines in print order; two headline lines or
        # none labelled as such: unknown
        named = [h[m.end() :] if m else h for h, m in zip(heads, roles)]
        top = [k for k, m in enumerate(roles) if m and m.group(1) in _ROLE_HEAD]
        headline = named[top[0]] if len(top) == 1 else ""
        subs = [h for k, h in enumerate(named) if k not in top[:1] or len(top) != 1]
        if any(m is None for m in roles):
            headline = ""  # a line without a label: the stack is not read by its labels alone
    elif marks and len(heads) == 1:
        headline, subs = heads[0], []
    elif NOTICE.fullmatch("".join(h for h in heads if _titled(h)) or "-") and not any(
        h.startswith(("——", "—")) for h in heads[1:]
    ):
        # a notice's heading is one title however it wraps (某单位 / 关于…的通告): no kicker;
        # a line opening with a dash is a report's subtitle (——通过关于…的决定), no title's rest
        # (a series number under it, （第一号）, closes the title)
        plain = [h for h in heads if _titled(h)]
        if (
            len(plain) >= 2
            and re.fullmatch(rf"[{_H}]{{2,4}}", plain[0])
            and (
                "关于" in plain[1]
                # (or over a notice's whole title twice as wide: 社团启事 / 召开某某大会通告)
                or (NOTICE.fullmatch(plain[1]) and len(plain[1]) >= 2 * len(plain[0]))
            )
            and not _ISSUER.fullmatch(plain[0])
        ):
            plain = plain[1:]  # a column's name over 关于…的公告 (院务公开), not its issuer
        if len(plain) == 2 and _HIRING.fullmatch(plain[1]) and _ISSUER.fullmatch(plain[0]):
            # a unit's name over its recruitment ad's word (某某公司 / 诚聘): one title
            # (某某公司诚聘) or the name with its label? unknown (the corpus's pages read it
            # both ways: a Hong Kong paper's gold joins them, a recruitment page's does not)
            headline, subs = "", plain
        else:
            headline, subs = "".join(plain), []
    elif (
        web
        and len(heads) == 2
        and not any(_TAG.fullmatch(h) for h in heads)
        and not heads[1].startswith(("——", "—"))  # a dash says which line is the subtitle
    ):
        # a web copy's two lines over its publication line: a site sets the print kicker
        # over the title as often as the subtitle under it, in the same type: unknown
        headline, subs = "", heads
    else:
        lead = "".join(flat(text[s:e]) for s, e in p.body[:12])
        # (an editor's note opening the text is no lead of the story: the text after it is)
        note = re.search(r"[—－-]{1,2}编者", lead[:400])
        lead = lead[note.end() if note else 0 :][:100]
        headline, subs = _split_stack(
            [lines[x].text for x in p.heads if x not in marks], col > 20, traditional, lead
        )
    subs = subs + [lines[x].f for x in marks]
    body = list(p.body)
    bylines = list(p.bylines)
    kind = p.kind
    # a notice's series number on the line under its title (某某会议通知 / （第一号）) is
    # the title's end, no text of it
    if (
        body
        and headline
        and NOTICE.fullmatch(headline)
        and _SERIES_NO.fullmatch(flat(text[body[0][0] : body[0][1]]))
    ):
        headline += flat(text[body[0][0] : body[0][1]])
        body.pop(0)
    # a serial's instalment opens on its marker (（续昨）, （接上期）): no text of it
    if body and (m := _SERIAL_ON.match(text, body[0][0], body[0][1])):
        if m.end() < body[0][1]:
            body[0] = (m.end(), body[0][1])
        else:
            body.pop(0)
    # trailing markers and credits of the body (a schedule's last row has none)
    if body and not p.listing:
        s, e = body[-1]
        seg = text[s:e]
        if m := _CONT_OUT.search(seg) or _LINK_TAIL.search(seg):
            cut = s + len(seg[: m.start()].rstrip())
            body[-1] = (s, cut)
            if cut <= s:
                body.pop()
        elif (
            len(body) >= 2 and len(flat(seg)) <= 3 and (m := _CONT_OUT.search(text, body[-2][0], e))
        ):
            # (the marker wrapped at the column's width: …”（下转第4 / 版）)
            ps = body[-2][0]
            body.pop()
            cut = ps + len(text[ps : m.start()].rstrip())
            body[-1] = (ps, cut)
            if cut <= ps:
                body.pop()
    # a question-and-answer piece (问：… 答：…) whose compiler is credited above its text
    # credits each answer's expert in brackets under that answer: the credit closing the
    # last answer is that answer's, like the others, not the piece's byline
    qa_piece = bool(bylines) and (
        sum(bool(re.match(r"\s*[问答]\s*[:：]", text[a:b])) for a, b in body) >= 4
    )
    if body and not p.listing and not qa_piece:
        s, e = body[-1]
        seg = text[s:e]
        m = (
            _PHOTO_BARE.search(seg)  # first: 新华社发（某某摄） is one credit, not its bracket
            or _PHOTO.search(seg)
            or _TAIL_NAME.search(seg)
            or _TAIL_CREDIT.search(seg)
            or _TAIL_SOURCE.search(seg)
            or _TAIL_AFFIL.search(seg)
        )
        if (
            m
            and len(body) >= 2
            and not seg[: m.start()].strip()
            and _PICTURE_NOTE.match(seg.strip())
        ):
            m = None  # a story's photo note on its own line (（图为…。　某某　摄）): its text
        if m and kind == "briefs" and seg[: m.start()].strip():
            m = None  # a credit closing a brief's item is that item's; on a line of its own,
            # under the items, it is the whole list's (（本报记者 某某 整理）)
        if m is None:
            # a credit broken over the last two lines: （记者\n　钟　磊　摄）, （记者 某某
            # 通讯员 某\n某）
            joined = text[body[-2][0] : e] if len(body) >= 2 else seg
            m2 = (
                _PHOTO.search(joined)
                or _PHOTO_BARE.search(joined)  # 。　杨　\n帆摄: a bare credit wrapped
                or _TAIL_CREDIT.search(joined)
                or _TAIL_SOURCE.search(joined)
                or _TAIL_AFFIL.search(joined)
            )
            start = body[-2][0] + m2.start() if m2 and len(body) >= 2 else -1
            if (
                start >= 0
                and kind == "briefs"
                and text[text.rfind("\n", 0, start) + 1 : start].strip()
            ):
                start = -1  # (a brief item's own credit, wrapped after its text: the item's)
            if start >= 0 and "\n" in m2.group():
                bylines.append((start, e))
                body.pop()
                ps, _pe = body[-1]
                body[-1] = (ps, ps + len(text[ps:start].rstrip()))
                if body[-1][1] <= ps:
                    body.pop()
                if _PHOTO_WORD.search(m2.group()):
                    kind = "caption" if kind == "news" else kind
        else:
            bylines.append((s + m.start(), e))
            cut = s + len(seg[: m.start()].rstrip())
            if cut <= s:
                body.pop()
            else:
                body[-1] = (s, cut)
            if _PHOTO_WORD.search(m.group()) and kind == "news":
                kind = "caption"
    # a notice signed by its issuer: the body's name (and the date) on lines of their own
    # after the text, set flush rather than indented like its paragraphs
    if kind not in ("caption", "ad") or NOTICE.fullmatch(headline or "-"):
        k = len(body)
        while k > 0 and len(body) - k < 4 and _SIGN_LINE.fullmatch(flat(text[slice(*body[k - 1])])):
            k -= 1
        # whatever the issuer's name ends with (某某海关, 某某署), a short name line without
        # punctuation right over the date closing the notice signs it (set flush, as below)
        dated = (
            len(body) >= 3
            and bool(_ISSUE_MONTH.fullmatch(flat(text[slice(*body[-1])])))
            and bool(_NAME_LINE.fullmatch(flat(text[slice(*body[-2])])))
        )
        if dated and k > len(body) - 2:
            k = len(body) - 2
        # (a notice dated and unsigned, as a lost-property notice is: the date alone on the
        # last line closes it, no text of it)
        day_only = (
            len(body) >= 2
            and NOTICE.fullmatch(headline or "-")
            and bool(_ISSUE_MONTH.fullmatch(flat(text[slice(*body[-1])])))
            and not _indented_at(text, body[-1][0])
        )
        if day_only and k == len(body):
            k = len(body) - 1
        signed = body[k:]
        if (
            0 < k < len(body)
            and (
                dated
                or day_only
                or any(
                    _ISSUER.fullmatch(flat(text[s:e])) or _BEREAVED.fullmatch(flat(text[s:e]))
                    for s, e in signed
                )
            )
            # (indented like its paragraphs; a line set deeper is set toward the right; a
            # page printing a paragraph a line indents its signer's lines as it does all)
            and (
                flat_page
                or not any(
                    _indented_at(text, s)
                    and not _set_deep(text, s)
                    and not _BEREAVED.fullmatch(flat(text[s:e]))  # (set as it comes)
                    for s, e in signed
                )
            )
            and (
                re.search(r"[。！？；）)\d]$", flat(text[slice(*body[k - 1])]).rstrip("”"))
                or any(_ANNEX.match(flat(text[a:b])) for a, b in body[max(0, k - 4) : k])
                # a list's or a table's last row over a name and a date: signed all the same
                or (dated and not re.search(r"[，、：:；（(《“]$", flat(text[slice(*body[k - 1])])))
            )
        ):
            bylines.append((signed[0][0], signed[-1][1]))
            del body[k:]
    if kind == "caption" and body and (m := re.match(r"\s*[▲△][\s　]*", text[slice(*body[0])])):
        # the mark pointing at the picture (▲某某在某地…) opens no text of the caption
        body[0] = (body[0][0] + m.end(), body[0][1])
    # merge touching spans
    spans: list[tuple[int, int]] = []
    for s, e in body:
        if e <= s:
            continue
        if spans and not text[spans[-1][1] : s].strip():
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    bys = [flat(text[s:e]) for s, e in sorted(bylines)]  # (in the page's order)
    byline = _join_bylines(bys)
    body_text = "".join(flat(text[s:e]) for s, e in spans)
    if kind == "news":
        if any("评论员" in b for b in bys):
            kind = "editorial"
        elif any("读者" in b for b in bys) or body_text.startswith("编辑同志"):
            kind = "letter"
        elif NOTICE.fullmatch(headline or "-"):
            kind = "notice"
        elif not bys and body and any(_CONTACT.search(flat(text[slice(*b)])) for b in body[-2:]):
            kind = "ad"  # no reporter, no writer: a piece that ends by giving its phone number
            # (the address may follow it on the last line)
        elif any(re.fullmatch(_BOOK_CREDIT, text[s:e].strip()) for s, e in bylines):
            kind = "other"  # an excerpt credited to its book: neither report nor commentary
        elif _AUTHOR_NOTE.fullmatch(headline or "-") or body_text.startswith("作者简介"):
            kind = "other"  # an author's note
        elif p.verse >= 3 and not p.prose:
            kind = "other"  # a poem: lines of verse, no sentence
        elif any(_OPINION_TAG.fullmatch(h) or _GENRE_SUFFIX.search(h) for h in heads):
            kind = "editorial"  # a genre label over or after the headline: 社论, 短评…
        elif (
            bys
            and (p.signed or all(_PERSONAL.fullmatch(b) for b in bys))
            and not _REPORTED.search(byline)
        ):
            kind = "editorial"  # signed by a writer, not credited to a reporter
            plain = [h for h in heads if not _TAG.fullmatch(h)]
            wraps = bool(plain) and bool(_WRAPS_ON.search(plain[0]))
            dash = len(plain) == 2 and plain[1].startswith(("——", "—"))  # title, subtitle
            if (
                p.headline is None
                and col <= 20
                and len(plain) == len(heads) == 2
                and not wraps
                and not dash
            ):
                # an essay's two short lines may be a column name (unbracketed, as literary
                # pages set them) over the title, or one title wrapped: unknown, unless the
                # first is a word or two (four characters at most) shorter than the line under
                # it by three or more (a wrapped title fills its first line): the column's
                # name over the title (灯下漫笔 / 给夜晚留一盏灯); not where a short line
                # under the stack was read as the writer's name (it may be the title's rest)
                under = p.heads[-1] + 1
                named_under = (
                    under < len(lines)
                    and lines[under] is not None
                    and bool(_BARE_NAME.fullmatch(lines[under].f))
                    and any(s <= lines[under].s < e for s, e in p.bylines)
                )
                if len(plain[0]) <= 6 and _DEDICATION.match(plain[1]):
                    # a greeting's word over its dedication (寿诞志庆 / 恭祝某某八十华诞)
                    headline, subs = plain[0], [plain[1]]
                elif (
                    _COLUMN_NAME4.fullmatch(plain[0])
                    and len(plain[1]) >= len(plain[0]) + 3
                    and not named_under
                ):
                    headline, subs = plain[1], []
                else:
                    headline, subs = "", plain
    date = ""
    if kind not in ("ad", "notice", "briefs", "other"):
        m = _DISPATCH_DATE.search("".join(bys)) if kind != "caption" else None
        m = m or _OPENING_DATE.match(body_text)
        date = m.group(1) if m else ""
    elif kind == "briefs":
        # a list whose text opens with a date (its first item, set without a bullet) is dated
        # by it, as an article by its first paragraph's date
        m = _OPENING_DATE.match(body_text)
        date = m.group(1) if m else ""
    edges = [q for s in spans + bylines + p.meta for q in s]
    edges += [q for x in p.heads for q in (lines[x].s, lines[x].e)]
    pub = ""
    if m := re.search(rf"([{_H}]{{2,8}}?报)(?:/[{_H}]{{1,8}}网)?讯", "".join(bys)):
        # a dateline naming the paper (某某日报讯, 某某生态报讯): the paper's own report
        pub = m.group(1)
    return {
        "kind": kind,
        "headline": headline,
        "subheadlines": subs,
        "byline": byline,
        "publication": pub,
        "date": date,
        "char_start": min(edges) if edges else 0,
        "char_end": max(edges) if edges else 0,
        "body_spans": spans,
    }


def _lead(text: str, s: int) -> float:
    """How far the line holding offset s (its first character) is set in, in characters of
    the column: an ideographic space is one, a space half of one (a paragraph's indent is
    two)."""
    return sum(1 if c == "　" else 0.5 for c in text[text.rfind("\n", 0, s) + 1 : s])


def _set_deep(text: str, s: int) -> bool:
    """Is the line holding offset s set deeper than a paragraph's indent (three
    ideographic spaces or more, or six spaces)?"""
    return _lead(text, s) >= 3


def _indented_at(text: str, s: int) -> bool:
    """Does the line holding offset s (its first character) start with an indent?"""
    return text[text.rfind("\n", 0, s) + 1 : s] != ""


def _join_bylines(bys: list[str]) -> str:
    """An own-line byline and the dateline under it read as one credit."""
    bys = [b for b in bys if b]
    if not bys:
        return ""
    return "".join(bys)
