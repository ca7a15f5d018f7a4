"""The last check on an article's headline before it is given: does it read as one?

A citation under a wrong headline misleads; one under no headline (标题未识别) does not.
The rules that pick a headline from a stack (stack.py, articles.py) were tuned on pages
they had seen; on new pages their mistakes fall into a few classes a careful reader guards
against on any page. ``check_headline`` is that reader, applied once to every headline
both readers give (``articles.segment_page``). Where a headline fails, it is left unknown
(''), never replaced by a guess; the only repairs are a label that is not headline (an
export's 【标题】 field label, a genre label on a line of its own over the headline).

Every list here is a convention, not a page's text: the field labels e-paper and content
system exports put on a story's lines, the genre and column labels papers set over a
piece (stack.GENRE_WORDS, stack._TAG), the function characters of Chinese that cannot end
a phrase.
"""

from __future__ import annotations

import re

from qa.segment import stack
from qa.segment.fold import simplified

_H = r"\u4e00-\u9fff"

# An export's field label in brackets (【标题】, [副题], ［作者］) or before a colon (标题：).
# The headline's own labels are dropped; a label naming another field (the kicker, the
# subtitle, the author, the source, the date...) says the line is not the headline.
_OWN_LABELS = ("标题", "主标题", "主题", "大标题", "题目", "正题")
_OTHER_LABELS = (
    "副题", "副标题", "引题", "肩题", "眉题", "小标题", "作者", "记者", "通讯员", "来源",
    "日期", "时间", "版次", "版面", "版名", "栏目", "专栏", "正文", "摘要", "导语", "编辑",
    "责任编辑", "图片", "摄影", "图", "文", "撰文", "口述", "整理", "通讯员", "关键词",
)  # fmt: skip
_LABELS = "|".join(sorted(_OWN_LABELS + _OTHER_LABELS, key=len, reverse=True))
_BRACKET_LABEL = re.compile(rf"[【\[［]\s*(?:{_LABELS})\s*[】\]］]")
_FIELD_LABEL = re.compile(rf"(?:[【\[［]\s*({_LABELS})\s*[】\]］]|({_LABELS})\s*[：:])\s*")

# A web copy's or app's field label with its colon inside a headline (…口袋来源：某某日报
# 2024-05-08): the source line under the title, cut in narrow columns, run into it.
_META_LABEL = re.compile(r"(?:来源|稿源|作者|责任编辑|编辑|发布时间|发布日期)\s*[：:]")

# A date or a dateline, never a headline: 2024年3月20日 (星期三), 2024-03-20, 二〇二四年三月
# 二十日, 3月20日, 本报某地3月20日电, 新华社某地3月20日电.
_NUM = r"[\d０-９〇零一二三四五六七八九十百两]"
_DATE = re.compile(
    rf"(?:{_NUM}{{2,4}}\s*年\s*)?{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,3}}\s*[日号]"
    rf"(?:\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?)?"
    rf"|{_NUM}{{4}}\s*[-./]\s*{_NUM}{{1,2}}\s*[-./]\s*{_NUM}{{1,2}}"
    rf"|{_NUM}{{4}}\s*年(?:\s*{_NUM}{{1,3}}\s*月)?"
)
_DATELINE = re.compile(rf".{{0,16}}?{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,3}}\s*日\s*(?:电|讯)")

# A byline or credit: 本报记者 某某, 记者 某某 通讯员 某某, □某某, 文/某某, 某某　摄,
# 新华社记者 某某, 本报特约评论员 — names after a reporter's title, nothing else.
_TITLE = (
    r"(?:本报|新华社|中新社|[" + _H + r"]{2,6}(?:日报|晚报|时报|报社))?(?:特约|实习|首席)?"
    r"(?:记者|通讯员|评论员)"
)
_NAMES = rf"[{_H}·]{{2,4}}(?:(?:、|{_TITLE})[{_H}·]{{2,4}}){{0,6}}"
_BYLINE = re.compile(
    rf"{_TITLE}(?![节站证会们]){_NAMES}|□\s*[{_H}·]{{2,4}}|(?:文|图|文图|图文|摄影)\s*[/／|｜]\s*{_NAMES}"
    rf"|{_NAMES}\s*(?:摄|报道|供稿|撰稿|整理)"
    # a paper's credit for a piece compiled from several sources (本报综合, 综合报道)
    r"|(?:本报|本刊|本网|本台)?综合(?:报道|整理|消息)?|(?:本报|本刊|本网)综述"
)

# Characters that cannot end a Chinese phrase (a particle, a preposition, a conjunction,
# an adverb waiting for its verb): a headline ending with one is cut short, its rest taken
# for another line. The words such a character ends (转让, 作为, 存在, 方向...) are whole.
_NO_END = "的之和与及在对把被让从向为该更也都还就又而或将给跟于并且但使令若因比很再才曾须"
_WORD_ENDS = (
    "转让 出让 礼让 谦让 退让 忍让 作为 行为 成为 认为 以为 因为 有为 无为 难为 存在 现在 "
    "实在 所在 自在 健在 内在 外在 潜在 何在 不在 好在 面对 反对 应对 核对 配对 绝对 相对 "
    "一对 首都 成都 古都 京都 归还 偿还 生还 交还 退还 送还 成就 造就 迁就 将就 早就 温和 "
    "平和 缓和 柔和 调和 祥和 共和 饱和 总和 暖和 讲和 附和 随和 谦和 中和 人和 参与 给与 "
    "赠与 授与 普及 涉及 波及 危及 顾及 来得及 来不及 不及 推及 殃及 遍及 惠及 埃及 企及 "
    "提及 服从 随从 跟从 盲从 方向 走向 动向 去向 导向 倾向 意向 取向 志向 风向 转向 流向 "
    "定向 双向 单向 逆向 横向 纵向 指向 外向 内向 一向 棉被 变更 打更 三更 五更 总之 反之 "
    "久之 随之 原因 病因 成因 基因 诱因 起因 内因 外因 对比 相比 无比 评比 类比 一再 人才 "
    "英才 天才 口才 奇才 刚才 方才 秀才 胡须 触须 供给 补给 配给 自给 大将 老将 干将 猛将 "
    "主将 名将 悍将 战将 勇将 小将 女将 合并 兼并 吞并 归并 姑且 大使 公使 天使 特使 信使 "
    "命令 法令 指令 口令 禁令 司令 政令 夏令 冬令 时令 号令 活该 应该 目的 有的 似的 打的 "
    "终于 至于 等于 属于 过于 善于 敢于 勇于 乐于 便于 易于 难于 急于 基于 鉴于 由于 对于 "
    "关于 在于 位于 处于 出于 限于 忙于 重于 大于 小于 高于 低于 多于 少于 而已 然而 从而 "
    "因而 进而 继而 反而 故而 偶而 幸而 也好 也罢"
).split()
# 的 ends a phrase in 是…的 (红星社是怎样增产的, 是沾着泥土的).
_SHI_DE = re.compile(r"是.*的$")

_PAIRS = ("“”", "《》", "（）", "【】", "「」", "『』", "‘’", "〈〉")


def _cut_short(h: str) -> bool:
    """Does the headline stop on a character that needs the next line to finish it, or
    on punctuation that leads on (a colon, a comma, an enumeration comma, a dash)?"""
    if re.search(r"[：:，,、—\-－]$", h):
        return True
    if h[-1] not in _NO_END:
        return False
    if any(h.endswith(w) for w in _WORD_ENDS):
        return False
    return not (h[-1] == "的" and _SHI_DE.search(h))


def _unbalanced(h: str) -> bool:
    """Is a quote or bracket opened and not closed (or closed and never opened)?"""
    return any(h.count(o) != h.count(c) for o, c in _PAIRS)


def _label(line: str) -> bool:
    """Is the line a genre or column label (通讯, 某某来信, 专家坐诊, 社论…)?"""
    return bool(stack._TAG.fullmatch(line))


def _over_headline(line: str) -> bool:
    """Is the line a label set over a headline, not a line of it: a genre or column label,
    or a section's name over the pieces under it (综合新闻, 专电, 本埠新闻), or a column's
    (新股速递)?"""
    return (
        _label(line)
        or bool(stack._SECTION_WORD.fullmatch(line))
        or bool(_COLUMN_WORD.fullmatch(line))
    )


# A column's name set over its pieces, read into the headline under it: 新股速递, 一线传真,
# 社区动态 (alone over a list it is the list's heading, and never joined to a line); a
# serial's genre over its title (长篇说部 / 某某, 连载小说).
_COLUMN_WORD = re.compile(
    rf"[{_H}]{{2,4}}(?:速递|快递|传真|快讯|简讯|动态|视点|聚焦)"
    r"|长篇(?:说部|小说|连载)|(?:连载|章回)小说|小说连载"
)


def check_headline(headline: str, lines: list[str], subs: list[str], col: float) -> str:
    """The headline as given, or '' where it does not read as one (see ``verdict``)."""
    return verdict(headline, lines, subs, col)[0]


def verdict(headline: str, lines: list[str], subs: list[str], col: float) -> tuple[str, str]:
    """The headline to give ('' where it does not read as one) and the check that changed
    it ('' when none did).

    ``lines``: the headline's lines as the page prints them (whitespace removed; one line
    when it is set on one, [] when it is not found as one run of the page); ``subs``: the
    article's other stack lines (kicker, subtitles); ``col``: the page's median line width
    (≤ 20: set in narrow columns, where a headline wraps over lines).

    What it rejects, and why (check name as returned in brackets):

    ======================================  ===========================================
    the headline                            is given as
    ======================================  ===========================================
    opens with the export's headline label  the rest: the label names the field, it is
    (【标题】…, 标题：…)                    no headline [headline label]
    opens with another field's label        unknown: the line is that field, not the
    (【副题】, 【作者】, 作者：, 来源：…)   headline [other field's label]
    holds a field label inside (【作者】,   unknown: two fields run together
    来源：, 编辑：…)
    a date or a dateline (2024年3月20日,    unknown: the issue's or the report's date
    本报某地3月20日电), or opens with a     [date]
    full date (2024年5月20日某某…)
    a byline or credit (本报记者某某,       unknown: who wrote it, not what [byline]
    □某某, 文/某某, 某某摄, 本报综合), a
    line wholly in brackets, a credit in
    brackets opening it ((通讯员某某)…)
    ends on a function character (的, 和,   unknown: cut short, its rest went to another
    在, 把, 该, 也…) not ending a word,     line [cut short]
    or on ：，、—
    opens a quote or bracket it does not    unknown: cut short or glued to another line
    close (“…, 《…), or closes one unopened [unclosed bracket]
    a lone genre or section label (社评,    unknown: the label stands over the piece;
    通讯, 某某来信) over a piece with       its headline is another line [lone genre
    stack lines of its own                  label]
    a column tag in its brackets alone      unknown: it names the column, not the
    (【某某】, 〔某某〕)                    piece [column tag]
    a genre label or a section's name on    the lines under it: a label, not headline
    a line of its own joined to the line    [genre label line]
    under it (通讯 / 某某, 专电 / 某某)
    two lines joined in narrow columns      unknown: a headline wraps within its column;
    (≤ 20), one wider than 1.2 columns,     a line set across columns is whole (kicker
    not a notice's issuer and title         or subtitle and headline) [wide line joined]
    a box's item (【交通】…，…), or two     unknown: running text, not a title [running
    clauses or more run over 28 characters  text]
    ======================================  ===========================================
    """
    h, why = headline, ""
    if not h:
        return "", ""
    m = _FIELD_LABEL.match(h)
    if m:
        if (m.group(1) or m.group(2)) not in _OWN_LABELS:
            return "", "other field's label"
        h, why = h[m.end() :], "headline label"
        lines = []  # the label's line is no longer the headline's first
        if not h:
            return "", why
    if len(lines) >= 2 and _over_headline(lines[0]) and "".join(lines) == simplified(h):
        h, why = h[len(lines[0]) :], "genre label line"  # one folded character for one
        lines = lines[1:]
    if _DATE.fullmatch(h) or _DATELINE.fullmatch(h):
        return "", "date"
    if _ISSUE_DAY.match(h) and len(h) > _ISSUE_DAY.match(h).end():
        return "", "date"  # a full date run into a title: the date's line glued to it
    if _BYLINE.fullmatch(h):
        return "", "byline"
    if _BRACKETED.fullmatch(h) or _CREDIT_OPENING.match(h):
        return "", "byline"  # a line wholly in brackets (a signature, a note), or a
        # reporter's credit in brackets opening it: no headline
    if _BRACKET_LABEL.search(h) or _META_LABEL.search(h, 1):
        return "", "other field's label"  # a field's label inside: two fields run together
    if _cut_short(h):
        return "", "cut short"
    if _unbalanced(h):
        return "", "unclosed bracket"
    if _label(h) and subs:
        return "", "lone genre label"
    if _BRACKET_TAG.fullmatch(h):
        return "", "column tag"  # 【某某】 alone names the column, not the piece
    if _BOX_ITEM.match(h) or (len(h) >= 28 and len(re.findall("[，；]", h)) >= 2):
        return "", "running text"  # a box's item (【交通】自驾…，…), a sentence's clauses
    if _UNIT.fullmatch(h) and any(_UNIT.fullmatch(re.sub(r"\s", "", x)) for x in subs):
        return "", "signers"  # units' names stacked (某某委员会 / 某某联合会): who signs a notice
    if (
        col <= 20
        and len(lines) == 2
        and "".join(lines) == h
        and max(len(x) for x in lines) > 1.2 * col
        and not _NOTICE.search(h)
    ):
        return "", "wide line joined"
    return h, why


# A full date (2024年5月20日) opening a line: a date, whatever follows it.
_ISSUE_DAY = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# A line wholly in round brackets, and a reporter's credit in brackets opening a line.
_BRACKETED = re.compile(r"[（(][^（）()]+[）)]")
_CREDIT_OPENING = re.compile(r"[（(][^（）()]{0,8}(?:记者|通讯员|实习生|摄)[^（）()]{0,20}[）)]")
# A body's full name, as it signs a notice (某某市委员会, 某某公司, 某某联合会).
_UNIT = re.compile(
    rf"[{_H}（）()·]{{4,30}}(?:委员会|公司|集团|局|厅|办公室|人民政府|联合会|协会|学会|商会|中心)"
)
# A box's item: its label in brackets, then a clause run on past a comma (【交通】自驾从某地
# 出发，经…).
_BOX_ITEM = re.compile(r"【[^【】]{1,6}】[^，；。]{2,40}[，；]")
# A column's tag in its brackets, alone: 【词汇加油站】, 〔提案追踪〕, 〖某某〗.
_BRACKET_TAG = re.compile(r"【[^【】]{1,16}】|〔[^〔〕]{1,16}〕|〖[^〖〗]{1,16}〗")

# A notice's title: the issuer's name over 关于…的通告 (its lines wrap at any width).
_NOTICE = re.compile(r"^关于|(?:通知|通告|公告|启事|决定|声明|公示|通报|办法|规定)$")
