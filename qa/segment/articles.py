"""Split a layout-extracted newspaper page into articles.

Pages come from layout extraction: lines are broken at the column width, blank lines may fall
mid-sentence, and a page prints headlines either after their bodies or before them. The rules
below are general reading cues (sentence-final punctuation, line width, byline and marker
patterns, shared vocabulary), never lists of known headlines.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import asdict, dataclass, field

from qa.ingest.pages import page_key
from qa.segment import stack
from qa.segment.draft import Draft
from qa.segment.fold import as_printed, find_spaced, simplified, traditional_print
from qa.segment.headcheck import check_headline
from qa.segment.layout import (
    Block,
    column_width,
    ends_sentence,
    flat,
    headlike,
    is_furniture,
    mark_ads,
    raw_blocks,
    read_blocks,
)
from qa.segment.regroup import move_fragments, place_notes, swap_far_headlines
from qa.segment.spacing import compose, fragments, respace
from qa.segment.unwrap import remap, unwrap


@dataclass
class Article:
    """One article of a page, with where it stands in the page's text.

    ``body_spans`` are the [start, end) character ranges of the body text in the page,
    in reading order, without headline and byline; passages are cut only inside them.
    ``char_start``/``char_end`` cover everything attributed to the article.
    """

    id: str
    source: str
    seq: int
    kind: str  # news | caption | briefs | continuation | editorial | ad | other
    headline: str
    subheadlines: list[str] = field(default_factory=list)
    byline: str = ""
    publication: str = ""
    date: str = ""  # the event date the text gives (a dateline's), not the issue's
    issue_date: str = ""  # YYYY-MM-DD, from the catalogue or the page's furniture
    page: str = ""  # 版次, likewise
    char_start: int = 0
    char_end: int = 0
    body_spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["body_spans"] = [list(s) for s in self.body_spans]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Article:
        d = dict(d)
        d["body_spans"] = [tuple(s) for s in d.get("body_spans", [])]
        return cls(**d)


_DATE = re.compile(r"(?<![\d月])\d{1,2}月\d{1,2}日")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_PAPER = re.compile(r"([\u4e00-\u9fff]{2,6}(?:日报|晚报|时报))/")
# The day a signer dated the piece, closing its signature (某某局 / 2024年3月20日, 某某法院 /
# 二〇二四年三月十八日): when it was signed, not who signed it.
# (or the month alone: 某某编辑部 / 2024年6月)
_SIGNED_DAY = re.compile(
    r"(?:(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?)$"
)


def _signed_day(byline: str) -> str:
    """A signature's byline without the day it was signed (the day stays in the piece's
    span; the date field keeps the day the text reports on)."""
    m = _SIGNED_DAY.search(byline)
    if m and m.start() == 0 and m.end() == len(byline):
        return ""  # (a notice dated, not signed: the day alone, no one's name)
    return byline[: m.start()] if m and m.start() > 0 else byline


def printed_span(page: str, article: Article, value: str) -> tuple[int, int] | None:
    """Where a field of the article (its headline, its byline) is printed, if it is.

    Fields are stored without whitespace; on the page they may run over line breaks.
    """
    if not value:
        return None
    inside = find_spaced(page, value, article.char_start, article.char_end)
    return inside or find_spaced(page, value)


def segment_page(source: str, text: str) -> list[Article]:
    """Split one page into articles, in reading order, with exact body spans.

    The page is read in its folded copy (traditional characters as simplified, see
    fold.py), one character for one, so the spans are the page's; the fields a citation
    shows are then read back as the page prints them.
    """
    folded = simplified(text)
    traditional = traditional_print(text, folded)
    # a blank line after every line says nothing: the page is read without them, line by
    # line, unless its paragraphs break mid-clause (a layout extraction's boxes, spacing.py),
    # which the block reader joins; a page with no header of its own (no furniture: a
    # layout extraction's cut-out, not a web copy or a page's export) keeps the block
    # reading where that knows every headline and the line reading does not
    spaced = respace(folded)
    if spaced and not stack.applies(folded) and fragments(folded):
        spaced = None
    arts = _read(source, folded, traditional, spaced)
    if spaced and not stack.applies(folded) and not _has_furniture(folded) and _unknown(arts):
        block = _read(source, folded, traditional, None)
        if not _unknown(block):
            arts = block
    arts = _join_crossheads(folded, arts)
    if folded != text:
        for a in arts:
            at = (text, folded)
            a.headline = as_printed(*at, a.headline, a.char_start, a.char_end)
            a.subheadlines = [as_printed(*at, x, a.char_start, a.char_end) for x in a.subheadlines]
            a.byline = as_printed(*at, a.byline, a.char_start, a.char_end)
            a.publication = as_printed(*at, a.publication)
    return arts


# A report's own byline set on a line of its own, unbracketed (本报记者 某某 实习生 某某), as
# features and investigations print it; a dateline or a bracketed credit (（记者某某整理）)
# opens a news item or a column's answers instead
_OWN_BYLINE = re.compile(
    # (a writer's and photographer's credit: 文／图; a solid square before it: ■本报记者)
    r"■?(?:(?:文[／/]图|图[／/]文|文|图)[／/:：]?)?"
    r"(?:本报|本刊|[\u4e00-\u9fff]{2,8}报)?(?:特约|首席|见习)?(?:记者|通讯员).*"
    # (or a writer's credit before the name, as reviews and features print it: 文／某某)
    r"|(?:文|撰文)\s*[／/:：]\s*[\u4e00-\u9fff·]{2,4}"
)
_CROSSHEAD_LEN = (5, 12)
# A crosshead of a label, its colon and a phrase (现场：某某, 追问：某某).
_LABELLED_HEAD = re.compile(r"[\u4e00-\u9fff]{2,4}[:：]\S")
# A box's label opening it (【数据】, ■链接, ·背景·): what follows is a box, no section.
_BOX_MARK = r"[【〔〖\[［（(·•■◆▲★]"


def _join_crossheads(text: str, arts: list[Article]) -> list[Article]:
    """A feature's crossheads (小标题) read as headlines of pieces of their own: join them.

    A long report under its own-line byline (本报记者 某某) is followed by two or more
    pieces each under a short headline of its own (five to twelve characters), with no
    byline, dateline, kicker or subtitle: the sections of that report under its crossheads,
    not new pieces (a new piece carries its own credit, a column's label is shorter, and
    nothing stands between a section and the one before it). Each crosshead stays in the
    report's text, where the page prints it. An essay signed at its end (某某　某某 /
    （作者单位：…）) carries no byline at its top: its last section carries the signature,
    which closes it and is the essay's byline."""
    out: list[Article] = []
    k = 0
    while k < len(arts):
        a = arts[k]
        out.append(a)
        m = k + 1
        heads: list[tuple[int, int]] = []  # each section's crosshead, where it is printed
        own = bool(_OWN_BYLINE.fullmatch(a.byline))
        if a.kind in ("news", "editorial") and a.body_spans and (own or not a.byline):
            while m < len(arts) and (at := _crosshead(text, arts[m - 1], arts[m])):
                if own and arts[m].byline:
                    break  # (a piece signed at its end under a credited report: a new one)
                heads.append(at)
                m += 1
                if arts[m - 1].byline:
                    break  # (the signature closes the essay)
        if not heads and a.kind in ("news", "editorial") and a.body_spans:
            # a case report's sections under their labels (案情回顾 / 法官说法), whatever its
            # credit: its own, short as a column's label
            while m < len(arts) and (at := _case_section(text, arts[m - 1], arts[m])):
                heads.append(at)
                m += 1
            if heads:
                _absorb(a, heads, arts[k + 1 : m])
                k = m
                continue
        signed = not own and len(heads) >= 2 and bool(arts[m - 1].byline)
        # (crossheads each a label and its phrase, 现场：… / 追问：… / 回应：…, are a
        # report's sections whatever its credit)
        labelled = len(heads) >= 2 and all(
            _LABELLED_HEAD.match(x.headline) for x in arts[k + 1 : m]
        )
        own = own or labelled
        # (an essay signed at its end: no section under a kicker, a new piece's stack)
        kicked = any(x.subheadlines for x in arts[k + 1 : m])
        if len(heads) < 2 or not (own or signed) or (signed and kicked):
            k += 1
            continue
        if signed:
            a.byline = arts[m - 1].byline
        _absorb(a, heads, arts[k + 1 : m])
        k = m
    for seq, a in enumerate(out, 1):
        a.seq = seq
        a.id = f"{a.id.rsplit('-', 1)[0]}-{seq:02d}"
    return out


def _absorb(a: Article, heads: list[tuple[int, int]], sections: list[Article]) -> None:
    """Take ``sections`` into ``a``'s text, each under its heading printed at ``heads``."""
    for at, x in zip(heads, sections):
        a.body_spans.append(at)
        a.body_spans.extend(x.body_spans)
        a.char_end = max(a.char_end, x.char_end)


def _crosshead(text: str, prev: Article, x: Article) -> tuple[int, int] | None:
    """Where ``x``'s headline is printed, if ``x`` is a section of the report ``prev`` ends,
    under a crosshead; else None. Nothing stands between them (a page's furniture, a box's
    label such as 【数据】, dropped from the pieces, closes the report)."""
    lo, hi = _CROSSHEAD_LEN
    if _LABELLED_HEAD.match(x.headline):
        hi = 2 * hi  # (a label and its phrase: 回应：将督促整改，必要时另行引入运营企业)
    if not (
        x.kind in ("news", "editorial")
        and x.body_spans
        # (its length in words, quotation marks and commas not counted)
        and lo <= len(re.sub("[“”‘’「」，、]", "", x.headline)) <= hi
        # (a crosshead may print a short line over it: 管线入地 / “看不见的工程”最费工夫)
        and not (
            len(x.subheadlines) > 1
            or any(len(h) > hi or h.startswith(("—", "－")) for h in x.subheadlines)
        )
    ):
        return None
    at = printed_span(text, x, x.headline)
    if x.byline and not (at and x.body_spans and not text[at[1] : x.body_spans[0][0]].strip()):
        return None  # (a byline under its headline: a new piece's; a signature at its end)
    over = text[x.char_start : at[0]].strip() if at else ""
    if over and "\n" not in over and len(flat(over)) <= 8 and not re.match(_BOX_MARK, over):
        if "\n\n" in text[prev.body_spans[-1][1] : x.char_start]:
            return None  # (a box's label and title set apart by a blank line: 小知识 / 某某)
        at = (x.char_start, at[1])  # (with a short line printed over it, no box's label)
    return at if at and not text[prev.body_spans[-1][1] : at[0]].strip() else None


# A case report's section labels: 案情回顾, 法官说法, 法院审理, 裁判要旨, 评析, 警方提示.
_CASE_SECTION = re.compile(
    r"(?:基本)?(?:案情|案件|案例)(?:回顾|回放|简介|介绍|经过)?"
    r"|(?:法官|律师|检察官|警方|民警)(?:说法|释法|点评|提醒|提示|支招)"
    r"|法院(?:审理|判决|认为)|审理(?:结果|经过)?|裁判(?:结果|要旨|要点)|以案(?:说|释)法"
    r"|(?:案件|案例)?评析|庭审现场|判决结果"
)


def _case_section(text: str, prev: Article, x: Article) -> tuple[int, int] | None:
    """Where ``x``'s label is printed, if ``x`` is a section of the case report ``prev``
    ends, under one of a case report's section labels (see _CASE_SECTION), with no
    credit, no other heading and nothing between them; else None."""
    if x.kind not in ("news", "editorial", "notice") or not x.body_spans or x.byline:
        return None
    if x.subheadlines or not (x.headline and _CASE_SECTION.fullmatch(x.headline)):
        return None
    at = printed_span(text, x, x.headline)
    gap = text[prev.body_spans[-1][1] : at[0]] if at else "-"
    # (the police's tip, 警方提示, 民警提醒, is the report's where no blank line parts
    # them; set apart by one, it heads a notice of its own)
    apart = "\n\n" in re.sub(r"[ \t　]", "", gap)
    if gap.strip() or (apart and (x.kind == "notice" or x.headline.startswith(("警方", "民警")))):
        return None
    return at


def _unknown(arts: list[Article]) -> int:
    """How many of the pieces read carry no headline."""
    return sum(1 for a in arts if not a.headline)


def _has_furniture(text: str) -> bool:
    """Does the page print a header or furniture line of its own (date, page, editor)?"""
    return any(is_furniture(ln) for ln in text.split("\n") if ln.strip())


def _read(
    source: str, folded: str, traditional: bool, spaced: tuple[str, list[int]] | None
) -> list[Article]:
    """The page read as ``spaced`` gives it (its copy without the blank lines it sets after
    every line) or as set, its cut lines joined where it is cut at a width (unwrap.py)."""
    base = spaced[0] if spaced else folded
    joined = unwrap(base)
    if joined and spaced:
        joined = (joined[0], compose(spaced[1], joined[1]))
    joined = joined or spaced
    if joined:
        return _read_unwrapped(source, base, folded, joined, traditional)
    arts = _segment(source, folded, traditional)
    _check_headlines(folded, arts)
    return arts


def _read_unwrapped(
    source: str, base: str, folded: str, joined: tuple[str, list[int]], traditional: bool
) -> list[Article]:
    """The page read with its wrapped lines joined (unwrap.py) or its blank lines after
    every line left out (spacing.py): its blank lines and column width as ``base`` (the page,
    or its copy without those blank lines) sets them, its spans the page's."""
    arts = _segment(source, joined[0], traditional, stack.applies(base))
    for a in arts:
        a.char_start, a.char_end = remap(joined[1], a.char_start, a.char_end)
        a.body_spans = [remap(joined[1], s, e) for s, e in a.body_spans]
    _check_headlines(folded, arts)
    return arts


def _check_headlines(text: str, arts: list[Article]) -> None:
    """Give each headline only if it reads as one (headcheck.check_headline), from its
    lines as the (folded) page prints them and the page's column width."""
    widths = [len(flat(ln)) for ln in text.split("\n") if ln.strip()]
    col = statistics.median(widths) if widths else 0.0
    for a in arts:
        if not a.headline:
            continue
        at = printed_span(text, a, a.headline)
        lines = [x for x in map(flat, text[at[0] : at[1]].split("\n")) if x] if at else []
        a.headline = check_headline(a.headline, lines, a.subheadlines, col)


def _segment(
    source: str,
    text: str,
    traditional: bool = False,
    by_line: bool | None = None,
) -> list[Article]:
    """Split one (folded) page into articles; traditional: the page is set in traditional
    characters (see stack._split_stack); by_line: read it line by line (stack.applies),
    decided on the page as set where this is a copy of it unwrapped."""
    stem = page_key(source)  # ids go into URLs: safe whatever the file name
    if stack.applies(text) if by_line is None else by_line:
        return _from_stack(stem, source, text, traditional)
    col = column_width(text, [Block(0, 0, ln) for ln in raw_blocks(text)])
    wide = col > 30
    blocks = read_blocks(text, wide)
    if not blocks:
        return []
    _mark_datelines(text, blocks)
    mark_ads(text, blocks, col, wide)
    like = [headlike(text, b, col, wide) for b in blocks]
    heads = list(like)
    for i in range(1, len(blocks)):  # text right after an unfinished paragraph continues it
        p = blocks[i - 1]
        if heads[i] and p.kind == "body" and not like[i - 1] and not p.post:
            nxt_head = i + 1 < len(blocks) and like[i + 1]
            if not (ends_sentence(text[p.bs : p.be]) or nxt_head or _followed_by_byline(blocks, i)):
                heads[i] = False
    after = _headline_after(text, blocks, heads)
    arts = _walk(text, blocks, heads, after, wide)
    move_fragments(text, arts)
    if after:
        swap_far_headlines(text, arts)
    place_notes(text, arts)
    return _finish(stem, source, text, arts, after)


def _mark_datelines(text: str, blocks: list[Block]) -> None:
    """Mark a paragraph that opens with a dateline in any of its forms (本报某地5月7日电
    （记者某某）, 新华社某地…电, 【本报某地七日讯】: stack.DATELINE) as opening a piece, as
    the block reader marks 本报讯（…） (layout.read_blocks): its dateline is its byline."""
    for b in blocks:
        if b.kind != "body" or b.pre is not None:
            continue
        if (m := stack.DATELINE.match(text, b.s)) and m.end() < b.e:
            b.pre = (b.s, m.end())
            rest = text[m.end() : b.e]
            b.bs = m.end() + len(rest) - len(rest.lstrip())


def _from_stack(stem: str, source: str, text: str, traditional: bool = False) -> list[Article]:
    """Articles of a page read line by line (see stack.py); the paper is the one the page
    prints (its masthead or e-paper tag), else the one a dateline on it names (某某日报讯:
    its own reports), else none."""
    pieces = stack.segment(text, traditional)
    paper = stack.masthead(text) or next((d["publication"] for d in pieces if d["publication"]), "")
    out: list[Article] = []
    for d in pieces:
        seq = len(out) + 1
        d["publication"] = paper or d["publication"]
        d["byline"] = _signed_day(d["byline"])
        out.append(Article(id=f"{stem}-{seq:02d}", source=source, seq=seq, **d))
    return out


def _followed_by_byline(blocks: list[Block], i: int) -> bool:
    n = blocks[i + 1] if i + 1 < len(blocks) else None
    return n is not None and (n.kind == "byline" or (n.kind == "body" and n.pre is not None))


def _headline_after(text: str, blocks: list[Block], heads: list[bool]) -> bool:
    """Does this page print headlines below their bodies? Judge by what opens and ends it."""
    first = next((i for i, b in enumerate(blocks) if b.kind not in ("ad", "admark")), 0)
    last = max((i for i, b in enumerate(blocks) if b.kind not in ("ad", "admark")), default=0)
    vote = 0
    fb = blocks[first]
    if fb.kind == "body" and not heads[first]:
        vote += 3  # a page opening with body text (or an inline byline) puts headlines after
    elif heads[first]:
        vote -= 3
    if heads[last]:
        vote += 2
    for i, b in enumerate(blocks[:-1]):  # own-line byline followed by another article's byline
        if b.kind == "byline" and i > 0 and heads[i - 1]:
            vote += 1 if _followed_by_byline(blocks, i) else -1
    return vote > 0


def _opener(b: Block) -> bool:
    return b.kind in ("cont", "briefs", "editor", "admark", "ad") or (
        b.kind == "body" and b.pre is not None
    )


def _run_end(blocks: list[Block], heads: list[bool], i: int, cols: bool) -> int:
    j = i
    while j < len(blocks) and (heads[j] or (cols and blocks[j].kind == "column")):
        j += 1
    return j


def _credit_ahead(
    text: str, blocks: list[Block], heads: list[bool], photo_only: bool
) -> list[bool]:
    """For each block j: does the text from j up to the next headline-like block or opener
    carry its own credit/byline?

    One pass back from the page end answers it for every j at once. Asked afresh for each
    headline candidate it read the same text again for each column label (which starts a
    candidate but does not end the text), quadratic on a long page of labelled columns.
    """
    ahead = [False] * (len(blocks) + 1)
    for j in range(len(blocks) - 1, -1, -1):
        b = blocks[j]
        if heads[j] or _opener(b):
            continue
        own = b.kind == "credit" or bool(b.post and "摄" in text[b.post[0] : b.post[1]])
        own = own or (not photo_only and (b.kind == "byline" or bool(b.post)))
        ahead[j] = own or ahead[j + 1]
    return ahead


def _width_changes(
    text: str, blocks: list[Block], heads: list[bool], i: int, j: int, wide: bool
) -> bool:
    """Body set at a clearly different column width than the text before belongs elsewhere.

    ``wide`` is the page's own judgement (median line over 30 characters), made once in
    ``segment_page``: measuring the whole page again for every headline candidate made
    segmentation quadratic in page size.
    """

    def seg_width(k: int, step: int) -> float:
        lens: list[int] = []
        while 0 <= k < len(blocks) and not heads[k] and blocks[k].kind == "body" and len(lens) < 12:
            if lens and step > 0 and blocks[k].pre is not None:
                break  # a byline opens the next article: its width is not this text's
            lens += [len(flat(text[s:e])) for s, e in blocks[k].lines]
            k += step
        return statistics.median(lens) if lens else 0.0

    if wide:  # lines are whole paragraphs: width says nothing
        return False
    a, b = seg_width(i - 1, -1), seg_width(j, 1)
    return a > 0 and b > 0 and max(a, b) > 1.8 * min(a, b)


def _is_headline(
    text: str,
    blocks: list[Block],
    heads: list[bool],
    span: tuple[int, int, int],
    bys: bool,
    after: bool,
    cur: Draft | None,
    wide: bool,
    credited: list[bool],
) -> bool:
    """Is the head-like run an article's headline rather than an in-article heading?

    It is when what follows starts something new: a byline, a marker, text carrying its own
    credit, text set at another width, the page end (headline-after), or when the run has
    several groups or opens the page (headline-before).
    """
    i, j, n = span
    nxt = blocks[j] if j < len(blocks) else None
    new_text = credited[j] or bys or _width_changes(text, blocks, heads, i, j, wide)
    if after:
        starts = nxt is None or _opener(nxt) or nxt.kind == "column"
        return bool(cur and cur.body) and (new_text or starts)
    return new_text or cur is None or n >= 2 or (nxt is not None and nxt.pre is not None)


def _walk(
    text: str, blocks: list[Block], heads: list[bool], after: bool, wide: bool
) -> list[Draft]:
    """Assign blocks to articles in page order."""
    credited = _credit_ahead(text, blocks, heads, not after)
    arts: list[Draft] = []
    cur: Draft | None = None
    pending_cols: list[str] = []
    i = 0

    def new(kind: str = "news") -> Draft:
        nonlocal cur, pending_cols
        cur = Draft(kind=kind, subs_pre=pending_cols)
        pending_cols = []
        arts.append(cur)
        return cur

    while i < len(blocks):
        b = blocks[i]
        if heads[i] or (b.kind == "column" and not after):
            j = _run_end(blocks, heads, i, not after)
            run = blocks[i:j]
            bys: list[Block] = []
            while j < len(blocks) and blocks[j].kind == "byline":
                bys.append(blocks[j])
                j += 1
            name = _NAME.fullmatch(flat(text[run[-1].s : run[-1].e]))
            if not after and len(run) >= 2 and not bys and name:
                bys, run = [run[-1]], run[:-1]  # a bare author name under the headline
            if after and len(run) >= 2 and cur and cur.body and _last_body_run(blocks, heads, j):
                # The page's last text has no headline below it: on a headline-after page the
                # lowest group above it is that text's headline, printed before it.
                cur.heads += run[:-1]
                cur.bylines += [(x.s, x.e) for x in bys]
                new().heads = run[-1:]
                i = j
                continue
            span = (i, j, len(run))
            if _is_headline(text, blocks, heads, span, bool(bys), after, cur, wide, credited):
                if after:
                    cur.heads += run
                else:
                    new().heads = run
                cur.bylines += [(x.s, x.e) for x in bys]
                cur = None if after else cur
                i = j
                continue
            for x in run + bys:
                (cur or new()).body.append(x)
            i = j
            continue
        if b.kind == "furniture":
            pass  # the page's own header, tag or staff line: no article's text
        elif b.kind == "column":
            pending_cols.append(flat(text[b.s : b.e]))
        elif b.kind in ("admark", "ad"):
            if cur is None or cur.kind != "ad":
                new("ad")
            if b.kind == "admark":
                cur.headline = flat(text[b.s : b.e])
                cur.meta.append((b.s, b.e))
            else:
                cur.body.append(b)
        elif b.kind == "briefs":
            new("briefs").headline = flat(text[b.s : b.e])
            cur.meta.append((b.s, b.e))
        elif b.kind == "item" and cur is not None and cur.kind == "briefs":
            cur.body.append(b)
        elif b.kind in ("cont", "editor"):
            new("continuation" if b.kind == "cont" else "editorial")
            cur.meta.append(b.pre)
            if b.kind == "editor":
                cur.headline = re.sub(r"[·•:：]", "", flat(text[b.pre[0] : b.pre[1]]))
            if b.bs < b.be:
                cur.body.append(b)
        elif b.kind in ("byline", "credit"):
            (cur or new()).bylines.append((b.s, b.e))
            if b.kind == "credit":
                cur.kind = "caption"
        else:
            if cur is not None and cur.kind == "briefs" and cur.body:
                if ends_sentence(text[cur.body[-1].bs : cur.body[-1].be]):
                    cur = None
            if b.pre is not None and (cur is None or cur.body or cur.kind == "ad" or after):
                new()
            elif cur is None or cur.kind == "ad":
                new()
            if b.pre is not None:
                cur.bylines.append(b.pre)
            if b.post is not None:
                cur.bylines.append(b.post)
                if "摄" in text[b.post[0] : b.post[1]]:
                    cur.kind = "caption"
            cur.body.append(b)
        i += 1
    return [a for a in arts if a.body or a.heads or a.headline]


def _last_body_run(blocks: list[Block], heads: list[bool], j: int) -> bool:
    """True when body text follows j and runs to the page end with no heading or opener.

    Reads in place from j (no copy of the rest of the page) and stops at the first block that
    is not such text, so the walk's calls read each block about once.
    """
    return j < len(blocks) and all(
        not heads[k] and not _opener(blocks[k]) and blocks[k].kind in ("body", "byline", "credit")
        for k in range(j, len(blocks))
    )


def _split_groups(text: str, a: Draft, after: bool) -> tuple[str, list[str]]:
    """Pick the main headline among the headline groups; the rest are kicker/subtitles.

    Subtitles open with ——; a group with a comma explains rather than names the story; with
    three groups the middle one is the main headline (kicker above, subtitle below); with two,
    the lower one on headline-after pages and the upper one on headline-before pages.
    """
    cols = [flat(text[b.s : b.e]) for b in a.heads if b.kind == "column"]
    groups = [g for b in a.heads if b.kind != "column" for g in _elements(text[b.s : b.e])]
    while len(groups) >= 2 and len(flat(groups[0])) <= 5 < len(flat(groups[1])):
        cols.append(flat(groups.pop(0)))  # a short label above a headline is a column name
    flats = [flat(g) for g in groups]
    if len(groups) == 1 and "\n" not in groups[0]:
        parts = groups[0].split()
        if len(parts) >= 2 and (len(parts[0]) >= 14 or re.search("[，,]", parts[0])):
            return "".join(parts[1:]), a.subs_pre + cols + [parts[0]]
    if not flats:
        return a.headline, a.subs_pre + cols
    dash = next((i for i, g in enumerate(flats) if g.startswith("——")), None)
    plain = [i for i in range(len(flats)) if not re.search("[，,]", flats[i])] or [0]
    if dash:
        main = dash - 1
    elif len(flats) >= 3:
        main = 1
    else:
        main = plain[-1] if after else plain[0]
    return flats[main], a.subs_pre + cols + [g for i, g in enumerate(flats) if i != main]


def _elements(group: str) -> list[str]:
    """Split a headline group whose later line is a longer, comma-bearing subtitle.

    A wrapped headline's first line is its widest; a longer line with a comma under it is a
    subtitle set in smaller type, not the headline's continuation.
    """
    lines = [ln for ln in group.split("\n") if ln.strip()]
    out = [lines[0]] if lines else []
    for ln in lines[1:]:
        comma = re.search("[，,]", ln) and not re.search("[，,]", out[-1])
        if comma and len(flat(ln)) > len(flat(lines[0])):
            out.append(ln)
        else:
            out[-1] += "\n" + ln
    return out


def _paper_of_page(text: str) -> str:
    """The paper that '本报' means: only one the page prints (a byline naming it, 某某日报/),
    never one guessed from the places the page names."""
    m = _PAPER.search(text)
    return m.group(1) if m else ""


def _finish(stem: str, source: str, text: str, arts: list[Draft], after: bool) -> list[Article]:
    out: list[Article] = []
    paper: str | None = None
    for a in arts:
        headline, subs = _split_groups(text, a, after)
        bys = [flat(text[s:e]) for s, e in a.bylines]
        named = [x for x in bys if not re.fullmatch(r"\S{1,12}讯", x)]
        byline = (named or bys or [""])[0]
        if len(named) > 1 and any(x.startswith(("(", "（")) for x in named[1:]):
            byline = next(x for x in named[1:] if x.startswith(("(", "（")))
        byline = _signed_day(byline)
        pub = ""
        if m := _PAPER.search("".join(bys)):
            pub = m.group(1)
        elif any("本报" in x for x in bys):
            paper = _paper_of_page(text) if paper is None else paper
            pub = paper
        spans: list[tuple[int, int]] = []
        for b in a.body:
            if b.bs >= b.be:
                continue
            if spans and b.bs >= spans[-1][1] and not text[spans[-1][1] : b.bs].strip():
                spans[-1] = (spans[-1][0], b.be)
            else:
                spans.append((b.bs, b.be))
        body = "".join(flat(text[s:e]) for s, e in spans)
        if not pub and a.kind == "editorial" and "本报" in body:  # the editors' own paper
            paper = _paper_of_page(text) if paper is None else paper
            pub = paper
        if a.kind == "briefs":
            date = "、".join(dict.fromkeys(_DATE.findall(body)))
        elif a.kind == "ad":
            date = ""  # an ad's dates are offers and deadlines, not when anything happened
        else:
            m = _DATE.search(body[:200])
            date = m.group() if m else ""
        if out and out[-1].kind == "editorial" and headline:
            note = "".join(flat(text[s:e]) for s, e in out[-1].body_spans)
            if f"《{headline}》" in note and (m := re.search(r"《([^》]{1,12}报)》", note)):
                a.kind, pub = "other", m.group(1)
        edges = [p for b in a.body + a.heads for p in (b.s, b.e)]
        edges += [p for s in a.bylines + a.meta for p in s]
        seq = len(out) + 1
        out.append(
            Article(
                id=f"{stem}-{seq:02d}",
                source=source,
                seq=seq,
                kind=a.kind,
                headline=headline,
                subheadlines=subs,
                byline=byline,
                publication=pub,
                date=date,
                char_start=min(edges),
                char_end=max(edges),
                body_spans=spans,
            )
        )
    return out
