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

from qa.keyword import tokenize
from qa.passages import Passage, split_sentences

# A person is named next to a title or role (副县长王某某, 村支书李某, 张某某教授).
_TITLES = (
    "书记|[省市县区镇乡村]长|主任|局长|处长|科长|院长|校长|主席|经理|部长|厅长|委员|负责人|"
    "董事长|总监|所长|站长|队长|馆长|行长|社长|会长|秘书长|主编|教授|医生|老师|记者|通讯员|"
    "老人|大爷|代表|同志|先生|女士"
)
_NAME = r"[\u4e00-\u9fff]{2,3}"  # 杜玉杰 before or after its title: 常亚青教授
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
            "money",
            r"钱|多少元|资金|金额|[款金费]|价值|多少万|多少亿|价格|起价",
            rf"(?:{_NUM})\s*(?:万|亿)?\s*元",
        ),
        (
            "area",
            r"多大(?!年纪|岁)|面积|用地|占地|多少\s*(?:平方|亩|公顷)",
            rf"(?:{_NUM})\s*(?:平方米|平方公里|亩|公顷|m2|㎡)",
        ),
        ("age", r"多少岁|几岁|年龄|岁数|年纪", rf"(?:{_NUM})\s*(?:周)?岁"),
        ("person", r"谁|哪一?位|什么人", rf"(?:{_TITLES})\s*{_NAME}|{_NAME}\s*(?:{_TITLES})"),
        ("count", r"多少|(?<!哪)几", rf"(?:{_NUM})"),
    )
)
_WH = re.compile(r"多少|几|哪[一个位里年天些家所]?|谁|什么|何|怎么|如何|多大|多久|多长|多高")
_UNIT_Q = re.compile(  # 哪几家 asks which ones, not how many
    r"(?:多少|(?<!哪)几)\s*余?\s*(个小时|小时|分钟|公里|平方米|万元|亿元|"
    r"[个名人家份次户项倍亩斤岁台件场批所处辆位部门张座天年月吨])"
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
GENERIC_KINDS = {"count", "month", "person"}
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
    for name, q, a in ANSWER_KINDS:
        if q.search(question):
            if name == "person" and (roles := _roles_asked(question)):
                # 哪位局长: a name after that title is specific, and its absence telling
                role = "|".join(roles)
                name, a = "role", re.compile(rf"(?:{role})\s*{_NAME}|{_NAME}\s*(?:{role})")
            kinds.append((name, a))
    return kinds


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


def focus_terms(question: str) -> list[str]:
    """Words right next to the question word: what the question is really about.

    The words the question word governs (馆长 in 哪位馆长, 参赛 in 有几队参赛), or,
    when it ends the question, the noun phrase it completes after the last 的 or comma
    (站长 in 气象站的站长是谁).
    """
    terms: list[str] = []
    for m in _WH.finditer(question):
        left = re.split(r"[的，,、；;：:]", question[: m.start()])[-1]
        left = re.sub(r"[是为有在达约了共]+$", "", left)[-6:]
        right = re.split(r"[的，,、；;：:？?。]", question[m.end() :])[0][:5]
        right = re.sub(r"^余?[个名人家份次户项倍亩斤岁台件场批所处辆位张座]", "", right)
        # A question word that governs a noun (哪家银行, 多少名队员) asks about that noun;
        # one that ends the question (站长是谁) asks about the phrase before it.
        governed = [t for t in tokenize(right) if len(t) >= 2]
        terms += governed or [t for t in tokenize(left) if len(t) >= 2]
    return list(dict.fromkeys(terms))


@dataclass(frozen=True)
class Cues:
    """What a question tells about its answer, read once per question."""

    terms: tuple[str, ...]  # its words
    near: tuple[str, ...]  # the words next to its question word
    kinds: tuple[tuple[str, re.Pattern], ...]  # what the answer holds, most specific first
    field: str = ""  # asks for the article's "headline", "byline" or "publication"
    focus: tuple[str, ...] = ()  # what it is really about (focus_terms)

    @property
    def specific_kinds(self) -> list[tuple[str, re.Pattern]]:
        """Kinds of value that prove an answer (a year, money, ...), not any number or name."""
        return [(n, p) for n, p in self.kinds if n not in GENERIC_KINDS | {"unit"}]


def focus_coverage(cues: Cues, text: str, idf: dict[str, float]) -> float:
    """IDF-weighted share of the question's focus words found in ``text`` (1.0 if none)."""
    if not cues.focus:
        return 1.0
    weights = {t: idf.get(t, 1.0) for t in cues.focus}
    folded = fold(text)
    return sum(w for t, w in weights.items() if _contains(folded, t)) / sum(weights.values())


def counted_focus_found(cues: Cues, text: str) -> bool:
    """A count in the unit asked for, followed closely by a word the count is about.

    For 多少位老师, ``120名骨干教师`` counts teachers even though the page says 教师 where
    the question says 老师: the count and a word a few characters on make the detail.
    """
    units = [p for n, p in cues.kinds if n in ("unit", "specific unit")]
    if not units or not cues.focus:
        return False
    folded = fold(text)
    return any(
        any(t in folded[m.end() : m.end() + 8] for t in cues.focus)
        for m in units[0].finditer(folded)
    )


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
        tuple(focus_terms(question)),
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
