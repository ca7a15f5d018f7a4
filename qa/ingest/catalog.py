"""Page metadata: which paper, issue date and page (版次) each file is.

An archive usually knows this for every file; it says so in ``catalog.csv`` beside the
pages (``file,publication,issue_date,page``, a header row, UTF-8; every column but
``file`` may be empty). What the catalogue leaves empty is read from the page's own
furniture where the page prints it: a page header (``2024年5月8日 星期三 第3版``,
``03版：要闻``) or an e-paper tag (``《某某日报》（2024年05月08日 第 03 版）``). Nothing is
guessed: what neither says stays empty.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from qa.segment import stack
from qa.segment.fold import simplified
from qa.segment.layout import HEADER_SPLIT, PAGE_MARK
from qa.segment.spacing import fragments, respace
from qa.segment.unwrap import unwrap

CATALOG = "catalog.csv"
FIELDS = ("publication", "issue_date", "page")

# An issue date as furniture prints it: a full date with a weekday (in brackets too:
# 2024年6月12日（星期三）), or inside an e-paper tag with a page number, or any full date
# standing in the page header (the top lines before the first blank line, none a sentence;
# older pages write it in Chinese numerals: 一九六五年十月十四日). A date in running text
# (3月5日) is an event, not the issue.
_DATE = r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_HEADER_DATE = re.compile(_DATE + r"[\s　]*[（(]?(?:星期|周)[一二三四五六日天]")
# a tabloid's header may set the date in figures with dots or slashes (2024.6.8　星期六): a
# header's only with its weekday beside it
_HEADER_DOTTED = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])"
    r"[\s　]*[（(]?(?:星期|周)[一二三四五六日天]"
)
# A web copy's or news app's source or publication line under each story dates it when no
# header does: 来源：某某日报　2024-05-08 07:30, 发布时间：2024-05-08, 时间：2024-05-20 10:12
# (a plain 时间： with the clock time; a notice's 时间：2024年6月1日上午 is its event's).
_YMD = r"(?P<y>(?:19|20)\d\d)[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})"
_SOURCE_DATES = tuple(
    re.compile(r"^[ \t　]*" + p, re.M)
    for p in (
        rf"(?:来源|稿源)[ \t　]*[:：][^\n]{{0,30}}?{_YMD}",
        rf"(?:发布|更新)(?:时间|日期)[ \t　]*[:：][ \t　]*{_YMD}",
        rf"(?:时间|日期)[ \t　]*[:：][ \t　]*{_YMD}日?[ \t　]*\d{{1,2}}[:：]\d\d",
    )
)


def _source_date(head: str) -> re.Match | None:
    """The first date a web copy's source or publication line gives (see _SOURCE_DATES)."""
    found = [m for r in _SOURCE_DATES if (m := r.search(head))]
    return min(found, key=lambda m: m.start()) if found else None


_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_DATE = re.compile(
    rf"(?P<y>[{_CN_DIGITS}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
# A page of the Republic's years dates its issue 中华民国二十五年十一月十二日 (民国 year N is
# 1911 + N; 元年 is the first).
_ROC_DATE = re.compile(
    r"(?:中华)?民国\s*(?P<y>元|[一二三四五六七八九十]{1,3}|\d{1,3})\s*年\s*"
    r"(?P<m>[一二三四五六七八九十]{1,2}|\d{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3}|\d{1,2})\s*日"
)
_TAG = re.compile(
    r"《(?P<pub>[^《》\n]{2,12}?(?:日报|晚报|时报|商报|报))》\s*[（(]\s*"
    + _DATE
    + r"\s*第\s*(?P<sec>[A-Z]?)\s*(?P<page>\d{1,3})\s*版\s*[）)]"
)
# The page number (版次): 第3版 / 第 03 版 / 第二版 in a header line; 03版：要闻 / A3版 at a
# line's start or after a header's field; or a number standing as a word of the page header
# (06　经济, A05, A6版, 某某日报　要闻　3), set apart by spaces or bars.
# the page may be named by its section letter and number, with 第 (第A03版) or without (A03版：)
# (a jump line names another page: 下转第2版, 上接第1版, 转第二版, 详见第3版)
# (the section's letter is the page's: a paper of sections prints an A5 and a B5)
_PAGE = re.compile(
    r"(?<![转接见])第\s*(?P<sec>[A-Z]?)\s*(?P<page>\d{1,3})\s*版"
    r"|(?:^|[ \t　｜|])[ \t　]*(?P<sec2>[A-Z]?)(?P<page2>\d{1,3})\s*版\s*[:：]",
    re.M,
)
# (a pictorial numbers its sheets by page: 第三页)
_PAGE_CN = re.compile(r"(?<![转接见])第\s*(?P<page>[一二三四五六七八九十]{1,3})\s*[版页]")
# A line holding a sentence's or a clause's mark: running text, no header's.
_SENTENCE = re.compile("[。，；！？]")
_STAFF = re.compile(r"(?:责任编辑|本版编辑|编辑)\s*[:：]")
# (or set between marks, as a bulletin prints it: ·3·, —3—)
# (a news agency's or a pictorial's sheets are numbered by page: 第3页)
_PAGE_WORD = re.compile(r"(?:第\s*)?(?P<sec>[A-Z]{0,2})(?P<page>\d{1,3})\s*[版页]?|" + PAGE_MARK)


@dataclass(frozen=True)
class PageMeta:
    publication: str = ""
    issue_date: str = ""  # YYYY-MM-DD
    page: str = ""  # the page as printed, its section's letter kept (A5), leading zeros not

    def over(self, other: PageMeta) -> PageMeta:
        """This, with what it leaves empty taken from ``other``."""
        return PageMeta(*(getattr(self, f) or getattr(other, f) for f in FIELDS))


def read_catalog(folder: str | Path) -> tuple[dict[str, PageMeta], list[str]]:
    """The catalogue beside the pages ({file: PageMeta}) and warnings for bad rows."""
    path = Path(folder) / CATALOG
    if not path.is_file():
        return {}, []
    out: dict[str, PageMeta] = {}
    warnings: list[str] = []
    try:
        rows = list(csv.DictReader(path.read_text("utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [f"ignored {CATALOG}: cannot read it ({exc})"]
    for n, row in enumerate(rows, 2):
        name = (row.get("file") or "").strip()
        if not name:
            warnings.append(f"{CATALOG} line {n}: no file name; row ignored")
            continue
        date = (row.get("issue_date") or "").strip()
        if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            warnings.append(f"{CATALOG} line {n}: issue_date {date!r} is not YYYY-MM-DD")
            date = ""
        page = page_label((row.get("page") or "").strip())
        out[name] = PageMeta((row.get("publication") or "").strip(), date, page)
    return out, warnings


def page_furniture(text: str) -> PageMeta:
    """What the page's own header or e-paper tag says of its paper, date and page; a page
    cut mechanically at a width (unwrap.py) is read with its cut lines joined, as its
    segmentation is: a header line cut mid-date (2024年5月1 / 2日) is one line again; a page
    that sets a blank line after every line is read without them (spacing.py)."""
    spaced = None if fragments(text) and not stack.applies(text) else respace(text)
    if spaced:
        text = spaced[0]
    joined = unwrap(text)
    if joined:
        text = joined[0]
    folded = simplified(text)  # 第二版, 星期三 match in traditional print too
    head = folded[:2000]  # furniture stands at the top (a tag may repeat below: the first)
    m = _TAG.search(folded)
    if m:
        return PageMeta(text[m.start("pub") : m.end("pub")].strip(), _iso(m), _label(m))
    header = _header(head)
    joined = "\n".join(header)
    page = _page(header, joined, head)
    date = _dated(head, joined) or _source_date(head)
    # a page whose header prints neither names them at its foot (第6版　2024年4月9日
    # 星期二　某某日报): its last lines that are a running head's fields
    foot = [ln.strip() for ln in folded.rstrip().split("\n")[-4:] if ln.strip()]
    foot = [ln for ln in foot if stack.running_head(ln)]
    if foot and not (date and page):
        fjoined = "\n".join(foot)
        page = page or _page(foot, fjoined, fjoined)
        date = date or _dated(fjoined, fjoined)
    if _front(head, text, page) and not re.fullmatch("[A-Z]{0,2}1", page):
        page = "1"  # (a contents line's 第2版 names another page)
    if date:
        return PageMeta("", _iso(date), page)
    roc = _ROC_DATE.search(joined)
    return PageMeta("", _iso(roc, 1911) if roc else "", page)


# The issue's page count (今日8版, 本期4版, 共16版, 今日四版) is printed on its front page.
# (a printout's sheet count, 第3页　共8页, is on every sheet: no front page's)
_PAGE_COUNT = re.compile(r"(?:今日|本期|今天|共)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版")


def _front(head: str, text: str, page: str) -> bool:
    """Is this the issue's front page? Its header prints the issue's page count; or no page
    is printed and the page opens with the paper's masthead block (stack.masthead_block:
    the name with who runs it, its registration or issue number), as a bulletin's first
    page does (its inner pages may repeat the block with their page number)."""
    top = head.split("\n")[:16]
    if any(_PAGE_COUNT.search(ln) and not _SENTENCE.search(ln) for ln in top):
        return True
    return not page and bool(stack.masthead_block(text))


def _dated(head: str, header: str) -> re.Match | None:
    """The issue's date: the first with its weekday on a line of ``head`` that is no
    sentence, else any full date in ``header`` (the header's lines joined), in figures or
    in Chinese numerals."""
    return _header_date(head) or re.search(_DATE, header) or _CN_DATE.search(header)


def _header_date(head: str) -> re.Match | None:
    """The first date with its weekday on a line that is no sentence: a header's; a notice's
    text names days with their weekdays too (停水时间：2024年5月10日（星期五）22:00至…)."""
    for m in sorted(
        [*_HEADER_DATE.finditer(head), *_HEADER_DOTTED.finditer(head)], key=lambda m: m.start()
    ):
        start = head.rfind("\n", 0, m.start()) + 1
        end = head.find("\n", m.end())
        if not _SENTENCE.search(head[start : end if end >= 0 else len(head)]):
            return m
    return None


def _header(head: str) -> list[str]:
    """The page header: the top lines up to the first blank line (ten at most: a
    masthead, its romanised name, who runs it, its mark as not for sale, the date, the lunar
    date, the issue and page count, the serial number, the page), when none of them is a
    sentence."""
    lines = []
    for ln in head.lstrip("\n").split("\n")[:10]:
        if not ln.strip():
            break
        lines.append(ln.strip())
    if any(_SENTENCE.search(ln) for ln in lines[8:]):
        lines = lines[:8]  # (the ninth and tenth only where they are the header's too)
    # on a page set without blank lines the editors' line (责任编辑：某某) closes the header
    staff = next((k for k, ln in enumerate(lines) if _STAFF.match(ln)), None)
    if staff is not None and any(_SENTENCE.search(ln) for ln in lines):
        lines = lines[: staff + 1]
    if any(_SENTENCE.search(ln) for ln in lines):
        # a page set without blank lines: its header is its leading lines of header fields
        # (某某日报｜国内｜A8 / 2024年3月12日　星期二), its headline and text under them
        lines = list(itertools.takewhile(_header_line, lines))
    return lines


def _header_line(line: str) -> bool:
    """A line of a page header's fields alone, set apart by spaces, bars or dots: the
    paper's or section's name, the date in any numerals, the weekday, the page, the issue
    number, an editor's field; the date or the page among them."""
    words = _words(line)
    if not words or _SENTENCE.search(line):
        return False
    dated = paged = False
    for w in words:
        if stack.header_date(re.sub(r"[（(](?:星期|周)[一二三四五六日天][）)]$", "", w)):
            dated = True
        elif _PAGE_WORD.fullmatch(w) or stack.header_page(w):
            paged = True
        elif not (re.fullmatch(r"[\u4e00-\u9fff·・]{2,14}", w) or stack.header_field(w)):
            return False
    return dated or paged


def _words(line: str) -> list[str]:
    """The fields of a header line: split at spaces and bars, a dot standing between spaces
    dropped (某某日报 · 2023年11月14日 星期二 · 新闻)."""
    return [w for w in HEADER_SPLIT.split(line.strip()) if w and not re.fullmatch("[·・•]+", w)]


def page_label(printed: str) -> str:
    """A page as a citation gives it: its section's letter as printed, its number without
    leading zeros (A05 and A5 are one page; so are 05 and 5)."""
    m = re.fullmatch(r"(?P<sec>[A-Za-z]{0,2})\s*0*(?P<page>\d{1,3})", printed.strip())
    if not m:
        return printed.strip()
    return m["sec"].upper() + m["page"] if int(m["page"]) else ""


def _label(m: re.Match) -> str:
    """The page a match of _TAG, _PAGE or _PAGE_WORD names (see page_label)."""
    groups = m.re.groupindex
    sec = next((m[g] for g in ("sec", "sec2") if g in groups and m[g] is not None), "")
    page = next((m[g] for g in ("page", "page2", "mark") if g in groups and m[g]), "")
    return page_label(sec + page) if page else ""


def _page(header: list[str], joined: str, head: str) -> str:
    """The page the header (its lines, and joined) prints (see _PAGE and page_label)."""
    if m := _PAGE.search(joined):
        return _label(m)
    if m := _PAGE_CN.search(joined):
        return str(_cn_number(m["page"]))
    for ln in header:
        for word in _words(ln):
            if (m := _PAGE_WORD.fullmatch(word)) and _label(m):
                return _label(m)
    # (else a line of the page's top that is no sentence: a book's edition in a review's
    # text, 2023年5月第1版, is no page)
    for ln in head.split("\n"):
        if _SENTENCE.search(ln):
            continue
        if m := _PAGE.search(ln):
            return _label(m)
        if m := _PAGE_CN.search(ln):
            return str(_cn_number(m["page"]))
    return ""


def _cn_number(s: str) -> int:
    """A number in Chinese numerals: digit by digit (一九六五), or up to 九十九 with 十."""
    digit = {c: (0 if c in "〇○零" else "一二三四五六七八九".index(c) + 1) for c in _CN_DIGITS}
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digit[tens] if tens else 1) * 10 + (digit[ones] if ones else 0)
    return int("".join(str(digit[c]) for c in s))


def _iso(m: re.Match, era: int = 0) -> str:
    """The date matched as YYYY-MM-DD; ``era`` is added to the year (1911 for 民国)."""
    y, mo, d = (1 if m[k] == "元" else _as_int(m[k]) for k in ("y", "m", "d"))
    y += era
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _as_int(s: str) -> int:
    return int(s) if s.isdigit() else _cn_number(s)
