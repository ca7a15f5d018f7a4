"""Pick the sentence that answers the question, with its own exact page span.

A careful reader scans the top passages for the sentence that (1) shares the question's
distinctive words, above all the words right next to the question word (哪位**站长**,
**占地**约多少), and (2) holds the kind of thing asked for: a year for 哪一年, a time for
几点, an amount of money for 多少钱, a count with the asked unit for 多少户. Sentences of
higher-ranked passages are preferred when the evidence is otherwise equal.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from qa.keyword import pos_tags, tokenize
from qa.passages import Passage, split_sentences

# A person is named next to a title or role (副县长王某某, 村支书李某, 张某某教授).
_TITLES = (
    "书记|[省市县区镇乡村]长|主任|局长|处长|科长|院长|校长|主席|经理|部长|厅长|委员|负责人|"
    "董事长|总监|所长|站长|队长|馆长|行长|社长|会长|秘书长|主编|教授|医生|老师|记者|通讯员|"
    "老人|大爷|代表|同志|先生|女士"
)
_NAME = r"[\u4e00-\u9fff]{2,3}"  # 杜玉杰 before or after its title: 常亚青教授
# What names end in: an organisation (某某集团, 红星小学) and a place (滨河路, 东风广场).
_ORGS = (
    "公司|集团|银行|学校|小学|中学|大学|学院|医院|队|协会|中心|厂|社|店|馆|局|委员会|院|站|所|园|"
    "合作社|超市|酒店|餐厅|村|社区|乐团|剧团"
)
_PLACES = "路|街|道|巷|号|区|县|镇|乡|村|广场|公园|园|楼|中心|馆|社区|大厦|市|省|州|岛|湾|港"
_NUM = r"[0-9０-９][0-9０-９.,，]*|[一二两三四五六七八九十百千万亿]+"
# (question cue, what an answer to it contains)
ANSWER_KINDS: tuple[tuple[str, re.Pattern, re.Pattern], ...] = tuple(
    (name, re.compile(q), re.compile(a))
    for name, q, a in (
        ("time", r"几点|什么时间|几时", r"\d{1,2}[:：]\d{2}|[上下]午\s*\d|\d{1,2}\s*[点时]"),
        ("date", r"哪一?天|几月几[日号]|哪一?日|什么日子", r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]"),
        ("year", r"哪一?年|何年|什么年份", r"(?:19|20)\d{2}\s*年"),
        (
            "when",
            r"什么时[候间]|何时",
            r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月|[今去前明]年|近日|日前|当天|[上下]午",
        ),
        ("month", r"几月|哪个?月", r"\d{1,2}\s*月"),
        (
            # a rate or a share: 年利率, 所占比重, 增速
            "percent",
            r"比例|比重|占比|[利费税汇]率|增速|增幅|增长率|百分之|几成",
            r"\d[\d.]*\s*[%％‰]|百分之|个百分点|[一二三四五六七八九]成",
        ),
        (
            # what something costs, earns or is worth: 多少钱, 门票价格, 月薪, 总投资, 补助
            "money",
            r"钱|[多几]少?元|资金|金额|价值|多少万|多少亿|[价费薪]|(?<![多少几])款|投资|补助|补贴|奖金|救助金"
            r"|收入|营收|利润|产值|额度|[出进]口额|[^名]额[是有为达]",
            rf"(?:{_NUM})\s*(?:多)?\s*(?:万|亿)?\s*(?:美)?元",
        ),
        (
            "area",
            r"多大(?!年纪|岁)|面积|用地|占地|多少\s*(?:平方|亩|公顷)",
            rf"(?:{_NUM})\s*(?:平方米|平方公里|亩|公顷|m2|㎡)",
        ),
        ("age", r"多少岁|几岁|年龄|岁数|年纪", rf"(?:{_NUM})\s*(?:周)?岁"),
        ("person", r"谁|哪一?位|什么人", rf"(?:{_TITLES})\s*{_NAME}|{_NAME}\s*(?:{_TITLES})"),
        (
            # the name of a thing (哪所学校, 叫什么, which brand) - a name in quotes
            # or title marks, or one ending in what names an organisation or a place
            "name",
            r"哪[家所支座款部首]|哪个(?:单位|企业|公司|学校|地区|品牌|部门|项目)"
            r"|什么(?:名字|名称|牌子?|品牌)|叫什么|名称",
            rf"“[^”]{{2,20}}”|《[^》]{{1,30}}》|[\u4e00-\u9fff]{{2,12}}(?:{_ORGS})",
        ),
        ("road", r"哪条(?:路|街|大道)", r"[\u4e00-\u9fff]{1,8}(?:路|街|大道|巷)"),
        (
            "place",
            r"哪里|在哪|什么地[方点]|哪个?地[方点]|位于|地址",
            rf"[\u4e00-\u9fff]{{1,8}}(?:{_PLACES})",
        ),
        ("count", r"多少|(?<!哪)几", rf"(?:{_NUM})"),
    )
)
_WH = re.compile(r"多少|几|哪[一个位里年天些家所]?|谁|什么|何|怎么|如何|多大|多久|多长|多高")
_UNIT_Q = re.compile(  # 哪几家 asks which ones, not how many
    r"(?:多少|(?<!哪)几)\s*余?\s*(个小时|小时|分钟|公里|平方米|万元|亿元|"
    r"[个名人家份次户项倍亩斤岁台件场批所处辆位部门张座天年月吨支根条只棵艘架套本册])"
)
_PEOPLE = "名人位"
# Counters a page uses for one another: 多少名 ~ 120人, 多少家商户 ~ 300户.
_SAME_COUNTERS = (_PEOPLE, "户家")
# Questions about the article itself, answered from its citation, not from its text:
# 标题 / 题目 wants the headline, 记者是谁 / 谁写的 the byline, 哪份报纸 the
# publication.
ARTICLE_FIELDS = (
    ("headline", re.compile(r"标题|题目|篇名|(?:报道|文章|消息|新闻|图片)的?(?:名字|名称)")),
    (
        "byline",
        re.compile(
            r"(?:记者|作者|通讯员|摄影|撰稿人?)(?:是谁|是哪位|叫什么|姓名|的名字)"
            r"|哪(?:一)?位(?:记者|作者|通讯员)|谁(?:写|撰写|采写|拍摄|摄)"
        ),
    ),
    ("publication", re.compile(r"哪(?:一)?[份家张]报|什么报|(?:刊登|刊发|发表|登)在哪")),
)
# Counters that fit almost anything: finding one proves little about the answer.
GENERIC_KINDS = {"count", "month", "person", "name", "place"}
GENERIC_UNITS = set("个名人位次项")
# The same unit written differently: what the question says vs. what the page prints.
SYNONYMS = {"平方米": ("m2", "㎡", "平米"), "元": ("块",), "人": ("名", "位")}


@dataclass
class Candidate:
    text: str
    passage: Passage
    char_start: int
    char_end: int
    score: float


class _FoldTable(dict):
    """Code point -> its fold, worked out the first time a character is met (str.translate
    then reads known characters at C speed). Bounded: text made of every code point there
    is gets folded all the same, just without remembering the rare ones."""

    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        f = unicodedata.normalize("NFKC", ch).lower()
        f = f if len(f) == 1 else ch
        if len(self) < self.LIMIT:
            self[code] = f
        return f


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Per-character NFKC + lower case, keeping length so offsets stay valid."""
    return text.translate(_FOLD)


def _contains(text: str, term: str) -> bool:
    return term in text or any(s in text for s in SYNONYMS.get(term, ()))


def answer_kinds(question: str) -> list[tuple[str, re.Pattern]]:
    """What an answer must hold, most specific first (a unit the question names comes first)."""
    kinds: list[tuple[str, re.Pattern]] = []
    if m := _UNIT_Q.search(question):
        unit = m.group(1).removeprefix("个") if m.group(1) == "个小时" else m.group(1)
        same = next((c for c in _SAME_COUNTERS if unit in c), None)
        units = f"[{same}]" if same else re.escape(unit)
        name = "unit" if unit in GENERIC_UNITS else "specific unit"
        kinds.append((name, re.compile(rf"(?:{_NUM})\s*余?\s*(?:多)?\s*{units}")))
    asked = _asked_windows(question)
    for name, q, a in ANSWER_KINDS:
        if any(_near(m.span(), asked) for m in q.finditer(question)):
            roles = [r for r in _roles_asked(question) if r not in _ANY_OFFICE]
            if name == "person" and roles:
                # 哪位局长: a name after that title is specific, and its absence telling
                role = "|".join(roles)
                name, a = "role", re.compile(rf"(?:{role})\s*{_NAME}|{_NAME}\s*(?:{role})")
            kinds.append((name, a))
    return kinds


# How far from the question word a cue of what is asked may stand: 造价多少, 年薪有多少
# - not the 钱 of 捐钱建桥 at the far end of a 哪位 question (谁最先捐钱建桥).
CUE_REACH = 6


def _asked_windows(question: str) -> list[tuple[int, int]]:
    return [(m.start() - CUE_REACH, m.end() + CUE_REACH) for m in _WH.finditer(question)]


def _near(span: tuple[int, int], windows: list[tuple[int, int]]) -> bool:
    """Does the cue at ``span`` overlap the reach of a question word (or is there none)?"""
    return not windows or any(span[0] < b and span[1] > a for a, b in windows)


# A title that names no particular office: who the 负责人 is, a page tells by their office
# (工会主席王某).
_ANY_OFFICE = ("负责人",)


def _roles_asked(question: str) -> list[str]:
    """The titles a 谁 question names (哪位副局长 -> 局长): the answer names that one."""
    return [m.group() for m in re.finditer(_TITLES, question)]


def near_terms(question: str) -> list[str]:
    """Words within six characters of the question word: they pick the answering sentence."""
    terms: list[str] = []
    for m in _WH.finditer(question):
        window = question[max(0, m.start() - 6) : m.start()] + " " + question[m.end() : m.end() + 6]
        terms += [t for t in tokenize(window) if len(t) >= 2]
    return list(dict.fromkeys(terms))


@dataclass(frozen=True)
class Cues:
    """What a question tells about its answer, read once per question."""

    terms: tuple[str, ...]  # its words
    near: tuple[str, ...]  # the words next to its question word
    kinds: tuple[tuple[str, re.Pattern], ...]  # what the answer holds, most specific first
    field: str = ""  # asks for the article's "headline", "byline" or "publication"

    @property
    def specific_kinds(self) -> list[tuple[str, re.Pattern]]:
        """Kinds of value that prove an answer (a year, money, ...), not any number or name."""
        return [(n, p) for n, p in self.kinds if n not in GENERIC_KINDS | {"unit"}]


def asked_kind(cues: Cues) -> tuple[str, re.Pattern] | None:
    """The kind of value the answer must hold: the most specific one the question asks for
    (money over a bare count), else its first kind; None when it asks for none."""
    return next(iter(cues.specific_kinds), cues.kinds[0] if cues.kinds else None)


def kind_found(cues: Cues, text: str) -> bool:
    """Does ``text`` hold a value of the kind asked for (True when none is asked)?

    A role asked for (哪位局长) is found as a name next to that role; a person asked for
    without one (谁牵的头, who the 负责人 is: pages print the office, 工会主席王某) as a
    name next to any title, or where jieba tags a personal name (本地选手李某某).
    """
    kind = asked_kind(cues)
    if kind is None:
        return True
    name, pattern = kind
    folded = fold(text)
    if pattern.search(folded):
        return True
    return name == "person" and _names_a_person(text)  # the pattern wants a title


def _names_a_person(text: str) -> bool:
    return any(flag == "nr" and len(word) >= 2 for word, flag in pos_tags(text))


_YEAR_Q = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")


def names_year(question: str) -> bool:
    return bool(_YEAR_Q.search(fold(question)))


def years_missing(question: str, text: str) -> list[str]:
    """The years the question names (2019年, 2021某某杯) that ``text`` never prints, in
    digits or in characters (一九五六年)."""
    years = dict.fromkeys(_YEAR_Q.findall(fold(question)))
    if not years:
        return []
    folded = fold(text)
    printed = set(_YEAR_Q.findall(folded))
    printed |= {m.group().translate(_CN_DIGITS) for m in _CN_YEAR.finditer(folded)}
    return [y for y in years if y not in printed]


def specific_kind_found(cues: Cues, text: str) -> bool:
    """Does the text hold a value of the specific kind asked for (a year, money, ...)?"""
    kinds = cues.specific_kinds
    return bool(kinds) and bool(kinds[0][1].search(fold(text)))


def read_cues(question: str) -> Cues:
    terms = [t for t in dict.fromkeys(tokenize(question)) if len(t) >= 2 or t.isdigit()]
    return Cues(
        tuple(terms),
        tuple(near_terms(question)),
        tuple(answer_kinds(question)),
        next((name for name, cue in ARTICLE_FIELDS if cue.search(question)), ""),
    )


def best_sentence(
    cues: Cues,
    passages: list[Passage],
    pages: dict[str, str],
    headings,  # Mapping-like: .get(article_id, default)
    idf: dict[str, float] | None = None,
) -> Candidate | None:
    """The best-scoring sentence among ``passages`` (given best first).

    ``headings`` maps an article id to its headline and subheadlines: question words that
    merely name the story (they stand in its headline) say little about which sentence
    answers, so they count less there. ``idf`` weighs rare words (a name) over common ones.
    """
    terms, near, kinds = cues.terms, cues.near, cues.kinds
    best: Candidate | None = None
    for rank, p in enumerate(passages):
        heading = fold(headings.get(p.article_id, ""))
        weights = {
            t: (idf or {}).get(t, math.log(1 + len(t))) * (0.3 if t in heading else 1.0)
            for t in terms
        }
        total = sum(weights.values()) or 1.0
        # cut at build time; a passage made by hand (tests) is cut here
        sentences = p.sentence_spans() or split_sentences(pages[p.source], p.char_start, p.char_end)
        for sent in sentences:
            text = fold(sent.text)
            score = sum(w for t, w in weights.items() if _contains(text, t)) / total
            if near:
                score += 0.5 * sum(_contains(text, t) for t in near) / len(near)
            for i, (_, pattern) in enumerate(kinds):
                if pattern.search(text):
                    score += 0.6 if i == 0 else 0.3
                    break
            score -= 0.12 * rank + 0.0015 * len(sent.text)
            if best is None or score > best.score:
                best = Candidate(sent.text, p, sent.char_start, sent.char_end, score)
    return best


def with_value_beside(cues: Cues, best: Candidate) -> Candidate:
    """Read on from the sentence that answers when it names the thing asked about but not
    the value asked for.

    A reader who finds the sentence about the thing asked (典礼就在这里举行, 比赛在某地揭幕)
    without the date, the place or the count asked reads the sentence just before or after
    it: the one that pronoun points back to (这里, 该, 此), or the next that gives the figures.
    Where the best sentence holds no value of the kind asked and a sentence right beside it
    in the same passage does, the answer spans both, its page span running from the first
    one's start to the second one's end. Where both neighbours hold one, the one sharing
    more of the question's words is read.
    """
    if asked_kind(cues) is None or kind_found(cues, best.text):
        return best
    sentences = best.passage.sentence_spans()
    at = next(
        (
            i
            for i, s in enumerate(sentences)
            if (s.char_start, s.char_end) == (best.char_start, best.char_end)
        ),
        None,
    )
    if at is None:
        return best
    beside = [
        (i, sentences[i])
        for i in (at - 1, at + 1)
        if 0 <= i < len(sentences) and kind_found(cues, sentences[i].text)
    ]
    if not beside:
        return best

    def shared(text: str) -> int:
        folded = fold(text)
        return sum(_contains(folded, t) for t in cues.terms)

    i, other = max(beside, key=lambda b: (shared(b[1].text), b[0]))
    first, second = (other, sentences[at]) if i < at else (sentences[at], other)
    # the text as the passage shows it, with a paragraph break between the two kept
    shown = best.passage.text
    a = shown.find(first.text)
    b = shown.find(second.text, a + len(first.text)) if a >= 0 else -1
    text = shown[a : b + len(second.text)] if b >= 0 else first.text + second.text
    return Candidate(text, best.passage, first.char_start, second.char_end, best.score)
