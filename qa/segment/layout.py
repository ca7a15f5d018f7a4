"""Read a layout-extracted page as typed blocks: the first stage of article segmentation.

A block is a run of non-blank lines, cut further where a marker or byline starts. Each block
gets a kind (body, byline, photo credit, continuation marker, brief-list heading, item,
editor's note, column label, ad marker, ad) from general cues: sentence-final punctuation,
line width, byline and marker patterns. ``articles.py`` decides which blocks form an article.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

# Sentence-final punctuation, and what may follow it and still belong to the sentence:
# the one definition segmentation (here) and sentence splitting (passages.py) share.
TERMINAL = "。！？!?；;…"
CLOSING = "”’」』）)》】〉\"'"
WS = re.compile(r"\s+")
_INLINE_BY = re.compile(
    r"[^\s，。,；;：:“”（）()]{1,20}?讯\s*[（(][^（）()]{0,60}?[）)]"  # 本报讯(记者 X 报道)
    r"|[^\s，。,；;：:“”（）()]{1,12}讯(?=\s)"  # dateline: 东昌府讯 ...
)
_BY_WORDS = re.compile(r"记者|通讯员|融媒体|报道|摄|供稿|撰稿")
_TAIL_BY = re.compile(r"[（(]([^（）()]{2,50})[）)]\s*$")
_BY_LINE = re.compile(
    r"□\s*\S.{0,24}|本报(?:记者|通讯员|特约记者)\s*\S.{0,40}"
    r"|(?:融媒体\s*中心|记者|通讯员|特约通讯员)\s.{1,40}|\S{0,16}记者\s.{1,40}"
)
# A page named in a jump line: 第3版, 三版, A05版.
PAGE_NO = r"第?\s*[\d一二三四五六七八九十A-Z]{1,4}\s*版"
# A page number set between marks, as a bulletin or a PDF foot prints it: ·3·, —4—.
PAGE_MARK = r"[·•—－-]\s*(?P<mark>\d{1,3})\s*[·•—－-]"
_CONT = re.compile(r"[（(]\s*(?:上接|下转)" + PAGE_NO + r"\s*[）)]")
# An editor's note: 编者按：..., or a label of its own such as ·开栏的话· over a new column.
EDITOR_LABELS = ("编者按", "编者的话", "开栏的话", "开栏语", "编后语", "编后", "卷首语")
EDITOR = re.compile(rf"[·•]?(?:{'|'.join(EDITOR_LABELS)})[·•]?\s*[:：]?")
_COLUMN = re.compile(r"[·•][^·•\s]{1,12}[·•]")
BRIEFS = {"标题新闻", "简讯", "新闻简讯", "要闻简报", "简明新闻", "新闻速览", "短讯"}
# Page furniture: what a page prints about itself, never part of an article. A header with
# the issue date and weekday (2024年5月8日 星期三 第3版 要闻; 2024年5月8日（星期三） set apart
# by spaces or bars, as a header sets it, not in a sentence), a page label (03版：要闻,
# 第07版：副刊), an e-paper tag (《某某日报》（2024年05月08日 第 03 版）), a staff line
# (责任编辑：某某, or in brackets on a line of its own: （责任编辑：某某）), a web copy's
# source line (来源：某某网), the staff footer naming the page's editors and proof-reader
# without colons (责任编辑 某某　美术编辑 某某 校对 某某), the page number standing
# alone (5, - 5 -), a header dated in the Republic's years (中华民国二十五年…) or
# numbering its page in Chinese numerals (第三版).
# One short line, not a sentence.
# The words of a page header or masthead line: set apart by spaces (full-width too) or bars
# (某某日报｜2024年5月8日｜第3版).
HEADER_SPLIT = re.compile(r"[\s　｜|]+")
_FURNITURE = re.compile(
    r".{0,30}?(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天].{0,50}"
    r"|(?:.{0,30}?[\s　｜|])?(?:19|20)\d\d([./])\d{1,2}\1\d{1,2}"
    r"[\s　]+(?:星期|周)[一二三四五六日天]"
    r"(?:[\s　｜|].{0,50})?"
    r"|(?:.{0,30}?[\s　｜|])?(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[（(](?:星期|周)"
    r"[一二三四五六日天][）)](?:[\s　｜|].{0,50})?"
    r"|第?\s*[A-Z]?\d{1,3}\s*版\s*[:：].{0,30}"
    r"|.{0,20}第\s*(?:[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:[\s:：].{0,30})?"
    # (a header sets its fields apart by spaces: a line with a comma is running text that
    # names a Republic year, 某某与某某于民国三十年结婚，…)
    r"|(?!.*[，、；])"
    r".{0,20}?(?:中华)?民国\s*(?:元|[一二三四五六七八九十]{1,3}|\d{1,3})\s*年.{0,50}"
    # (or in an emperor's reign, as a late-Qing paper dates its issue, with the Western
    # date and the weekday under it: 宣统三年八月初四日 / 西历一千九百十一年九月廿五号
    # / 礼拜一　第二千四百十七号)
    r"|(?!.*[，、；])(?:光绪|宣统|同治)\s*(?:元|[一二三四五六七八九十]{1,3})\s*年.{0,40}"
    r"|西[历曆]\s*[一二三四五六七八九十百千〇零\d]{2,8}\s*年.{0,30}"
    r"|礼拜[一二三四五六日天](?:[\s　]+.{0,20})?"
    r"|《[^《》]{2,12}》\s*[（(][^（）()]{0,20}?第\s*\d{1,3}\s*版\s*[）)]"
    r"|(?:(?:本版)?责任编辑|(?:本版)?责编|本版编辑|编辑|美编|校对|版式设计|版式|来源|图片来源)\s*[:：].{0,30}"
    # (the editors named after a slash: 责任编辑/某某　美编/某某, 責任編輯／某某)
    r"|(?:(?:责任编辑|本版编辑|美术编辑|美编|校对|版式)\s*[/／][^/／\s　]{2,12}[\s　]*){1,4}"
    # the editors' line naming three or more, labelled (责任编辑：某某　英文编辑：某某　美编：某某)
    r"|(?:(?:[^\s　:：]{0,4}编辑|美编|校对|版式(?:设计)?|摄影)[ \t]*[:：][^:：]{1,16}?[\s　]*){3,5}"
    r"|[（(](?:责任编辑|本版编辑|编辑|美编|校对)\s*[:：][^（）()]{1,20}[）)]"
    r"|(?:(?:责任编辑|本版编辑|美术编辑|美编|校对|版式设计|版式|组版)[\s　:：]+[^\s　:：]"
    r"(?:[\s　]?[^\s　:：]){0,3}[\s　]*){2,5}"
    # (one of them alone on its line, no colon: 版式设计 某某, 美编 某某)
    r"|(?:责任编辑|本版编辑|美术编辑|美编|校对|版式设计|组版|图片编辑)[ \t　]+[\u4e00-\u9fff]"
    r"(?:[ \t　]?[\u4e00-\u9fff]){1,3}"
    r"|[-—－]?\s*[A-Z]?\d{1,3}\s*[-—－]?"
    # (an old pictorial's page number: 第三页)
    r"|第[一二三四五六七八九十\d]{1,3}页"
)
_AD_CUE = re.compile(r"元\s*/\s*(?:m²|㎡|平方米)|(?<!\d)\d{8}(?!\d)|项目地址|售楼|热线")


def flat(s: str) -> str:
    return WS.sub("", s)


def ends_sentence(s: str) -> bool:
    """True when text ends a sentence (closing quotes/brackets after 。！？ count too)."""
    s = s.rstrip().rstrip(CLOSING)
    return bool(s) and s[-1] in TERMINAL


@dataclass
class Block:
    """A run of non-blank lines; ``pre``/``post`` are marker or byline spans at its edges."""

    s: int
    e: int
    lines: list[tuple[int, int]]
    kind: str = "body"  # body|head|byline|credit|cont|briefs|item|editor|column|admark|ad|furniture
    pre: tuple[int, int] | None = None
    post: tuple[int, int] | None = None
    bs: int = 0
    be: int = 0


def raw_blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, each line as its stripped (start, end)."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            if cur:
                runs.append(cur)
                cur = []
            continue
        cur.append((start + len(line) - len(line.lstrip()), start + len(line.rstrip())))
    if cur:
        runs.append(cur)
    return runs


def is_furniture(line: str) -> bool:
    """A line of page furniture (see _FURNITURE): short, not a sentence."""
    f = flat(line)
    return (
        len(f) <= 70 and not re.search("[。！？]", f) and bool(_FURNITURE.fullmatch(line.strip()))
    )


def _marker(line: str) -> str:
    """Kind of a line that opens a block of its own; '' for ordinary text."""
    f = flat(line)
    tests = [
        ("furniture", "\n" not in line.strip() and is_furniture(line)),
        ("briefs", f in BRIEFS), ("admark", f == "广告"), ("editor", EDITOR.match(line)),
        ("column", _COLUMN.fullmatch(f)), ("item", f.startswith("●")),
        ("cont", _CONT.match(line)), ("byline", _INLINE_BY.match(line)),
    ]  # fmt: skip
    return next((k for k, ok in tests if ok), "")


def read_blocks(text: str, wide: bool) -> list[Block]:
    """Cut the page into blocks, splitting runs where a marker/byline line starts something new."""
    out: list[Block] = []
    for run in raw_blocks(text):
        cur: list[tuple[int, int]] = []
        for ln in run:
            line = text[ln[0] : ln[1]]
            prev = text[cur[-1][0] : cur[-1][1]] if cur else ""
            if cur and (wide or _marker(line) or flat(prev) in BRIEFS or is_furniture(prev)):
                out.append(Block(cur[0][0], cur[-1][1], cur))
                cur = []
            cur.append(ln)
        out.append(Block(cur[0][0], cur[-1][1], cur))
    for b in out:
        _classify(text, b)
    return out


def _classify(text: str, b: Block) -> None:
    """Set the block's kind, its marker/byline edges and its body range."""
    t = text[b.s : b.e]
    f = flat(t)
    b.bs, b.be = b.s, b.e
    kind = _marker(t)
    if kind in ("briefs", "admark", "column", "item", "furniture"):
        b.kind = kind
    elif kind in ("cont", "editor"):
        b.kind, m = kind, (_CONT if kind == "cont" else EDITOR).match(t)
        b.pre = (b.s, b.s + m.end())
    elif kind and (m := _INLINE_BY.match(t)) and (_BY_WORDS.search(m[0]) or "(" not in m[0]):
        b.pre = (b.s, b.s + m.end())
    if not b.pre and len(b.lines) <= 2 and len(f) <= 50 and not ends_sentence(f):
        if _BY_LINE.fullmatch(WS.sub(" ", t).strip()):
            b.kind = "byline"
    if b.kind == "body" and (m := _TAIL_BY.search(t)) and _BY_WORDS.search(m.group(1)):
        if m.start() == 0:
            b.kind = "credit" if "摄" in m.group(1) else "byline"
        else:
            b.post = (b.s + m.start(), b.s + m.end())
    if b.pre:
        rest = text[b.pre[1] : b.e]
        b.bs = b.pre[1] + len(rest) - len(rest.lstrip())
    if b.post:
        b.be = b.s + len(text[b.s : b.post[0]].rstrip())
    if b.bs >= b.be and b.kind in ("cont", "editor"):
        b.bs = b.be = b.pre[1] if b.pre else b.e


def headlike(text: str, b: Block, col: float, wide: bool) -> bool:
    """A short unpunctuated block: a headline, kicker, subtitle or in-article heading."""
    if b.kind != "body" or b.pre or b.post:
        return False
    f = flat(text[b.s : b.e])
    if not f or f[-1] in TERMINAL + "，,、：:" or ends_sentence(f) or re.search("[。；;]", f):
        return False
    if wide:
        return len(b.lines) <= 2 and len(f) <= 70
    widths = [len(flat(text[s:e])) for s, e in b.lines]
    if len(widths) >= 3 and min(widths) >= 0.8 * col and re.search("[，,]", f):
        return False  # three full column lines with a comma: running text cut by a blank line
    return len(b.lines) <= 3 and len(f) <= max(40, 4 * col)


def column_width(text: str, blocks: list[Block]) -> float:
    lens = [len(flat(text[s:e])) for b in blocks for s, e in b.lines]
    return statistics.median(lens) if lens else 0.0


def mark_ads(text: str, blocks: list[Block], col: float, wide: bool) -> None:
    """An advertisement runs from a 广告 marker (and the short lines just above it) onwards."""
    for k, b in enumerate(blocks):
        if b.kind != "admark":
            continue
        i = k
        while i > 0 and headlike(text, blocks[i - 1], col, wide) and _adlike(text, blocks[i - 1]):
            i -= 1
        j = k + 1
        while j < len(blocks) and not (blocks[j].pre and blocks[j].kind == "body"):
            j += 1
        for x in blocks[i:j]:
            x.kind = "admark" if x is b else "ad"
        return


def _adlike(text: str, b: Block) -> bool:
    """Prices, phone numbers, licence numbers: lines that sell rather than report."""
    t = flat(text[b.s : b.e])
    return bool(_AD_CUE.search(t)) or sum(c.isdigit() for c in t) >= 0.3 * len(t)
