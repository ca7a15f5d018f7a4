"""Read a page cut mechanically at a fixed width as its paragraphs: the lines an export (an
e-paper's text, a PDF's text layer) cut at its width are joined back, so the page reads as
it would with a paragraph a line.

A page's conventions do not change with its shape: the same headline stacks, datelines and
signatures stand in it whether it was exported a paragraph a line, wrapped at 30 characters
or cut into columns of 10-20. The width is the page's own: the width most of its lines are
set to (any width, from 8 up). A page is cut mechanically when no line runs wider than that
width (a typesetter hangs a comma or stop past the column, a headline across columns) and
lines open with a stop or comma (，。、：) that no typesetter sets at a line's start: its
line breaks say nothing of its layout. A typeset column keeps its lines: its short lines
(headline stacks, datelines, signatures) are read as set (stack.py's narrow-column rules).

On a page cut mechanically, a line set to the full width that stops mid-sentence runs on into
the next; a shorter line, or one ending its sentence, ends its paragraph (a wrapped
paragraph's last line, a headline, a byline); a line opening with a full-width indent (　　)
starts a paragraph, never continues one. The page is read without the breaks joined;
``back`` maps each offset of the reading copy to the page's, so spans stay the page's.
"""

from __future__ import annotations

import collections
import re

from qa.segment.layout import ends_sentence, flat
from qa.segment.stack import DATELINE, NOTICE, OWN_BYLINE, WEB_META, page_furniture

# punctuation a typesetter never puts at a line's start (禁则): a closing stop, comma, bracket
NO_START = frozenset("。，、；：？！）》」』】…%’”.,;:?!)")
# and one never left at a line's end: an opening quote or bracket goes down with its word
NO_END = frozenset("“‘（《「『【([")
# how many lines, and what share of them, the width must hold; how many lines must open with
# a stop or comma for the cut to be mechanical
_MIN_FULL = 8
_FULL_SHARE = 0.3
_MIN_CUT = 2
# the most characters a heading line runs to, wrapped
_HEAD_MAX = 40
# punctuation a heading line carries none of (quotes, book-title marks and dashes it may)
_PHRASE = re.compile(r"[，。；：？！、,;:?!]")
# a sentence's end inside a line: a headline may hold a comma or colon, never a full stop
_SENTENCE = re.compile(r"[。！？!?]")
# a web copy's labelled field opening a line (来源：…, 编辑：…)
_FIELD = re.compile(r"(?:来源|稿源|作者|编辑|责任编辑|(?:发布)?(?:时间|日期))\s*[:：]")


def _width(line: str) -> int:
    """A line's width as set: its characters, the indent included, trailing space not."""
    return len(line.rstrip())


def _indented(line: str) -> bool:
    return line.startswith(("\u3000", "  ", "\t"))


def _opens_article(ln: str, nxt: str) -> bool:
    """Is ``nxt`` the dateline, own-line byline or web publication line under a headline
    or subtitle ``ln`` that happens to fill the width? ``ln`` holds no sentence end, closes
    its brackets (a body line cut inside a credit, （本报 / 记者 某某 摄）, runs on) and is
    no labelled field of a web copy's publication line (来源：… / 编辑：…)."""
    line = ln.strip()
    if _SENTENCE.search(line) or line.count("（") != line.count("）"):
        return False
    if line.count("(") != line.count(")") or WEB_META.match(line) or _FIELD.match(line):
        return False
    nxt = nxt.strip()
    return bool(DATELINE.match(nxt) or OWN_BYLINE.fullmatch(nxt) or WEB_META.match(nxt))


def cut_width(lines: list[str]) -> int:
    """The width a page's lines were cut at mechanically, 0 when they were not: the
    commonest width of its lines, when that width (or one less) holds a good share of them,
    no line runs wider, and some lines break where no typesetter does (禁则): a line opening
    with a stop or comma, a full line ending with an opening quote or bracket."""
    widths = [_width(ln) for ln in lines if ln.strip()]
    count = collections.Counter(w for w in widths if w >= 8)
    if not count:
        return 0
    col = max(count, key=lambda w: (count[w], w))
    full = sum(1 for w in widths if col - 1 <= w <= col)
    if full < _MIN_FULL or full < _FULL_SHARE * len(widths) or max(widths) > col:
        return 0
    cut = sum(1 for ln in lines if ln.lstrip()[:1] in NO_START)
    cut += sum(1 for ln in lines if _width(ln) == col and ln.rstrip()[-1:] in NO_END)
    return col if cut >= _MIN_CUT else 0


def unwrap(text: str) -> tuple[str, list[int]] | None:
    """The page with its cut lines joined, and each reading offset's page offset (one more
    for the end); None when the page was not cut mechanically at a width."""
    lines = text.split("\n")
    col = cut_width(lines)
    if not col:
        return None
    groups: list[list[int]] = [[0]]
    for i in range(len(lines) - 1):
        ln, nxt = lines[i], lines[i + 1]
        # a stop or comma opening the next line is this line's own, cut from it
        # (a line cut right after a space is full too: the space is the line's last character)
        full = _width(ln) == col or len(ln.rstrip("\r")) == col
        runs_on = full and (not ends_sentence(ln) or nxt[:1] in NO_START)
        # a line opening with a dash (——某某) is a subtitle set on a line of its own; a
        # headline filling the width stands over its dateline or byline, never runs into it
        runs_on = runs_on and flat(nxt) and not _indented(nxt) and not nxt.startswith("——")
        # (a header's line is whole, however wide: 某某报　THE … NEWS　第1187期, unless it
        # was cut inside its field: 某某晚报　2025年4 / 月19日　星期六)
        header = i < 3 and not any(ends_sentence(x) for x in lines[: i + 1])
        whole = page_furniture(ln) and not page_furniture(ln.rstrip() + nxt)
        runs_on = runs_on and not (header and whole)
        if runs_on and not _opens_article(ln, nxt):
            groups[-1].append(i + 1)
        else:
            groups.append([i + 1])
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    paras = ["".join(lines[i] for i in g) for g in groups]
    out: list[str] = []
    back: list[int] = []
    for k, g in enumerate(groups):
        skip = _indent_skip(paras, k)
        for n, i in enumerate(g):
            ln = lines[i]
            lo = skip if n == 0 else 0
            out.append(ln[lo:])
            back.extend(range(starts[i] + lo, starts[i] + len(ln)))
        if k + 1 < len(groups):
            out.append("\n")
            back.append(starts[g[-1]] + len(lines[g[-1]]))
    back.append(len(text))
    return "".join(out), back


def _heading(para: str) -> bool:
    """A paragraph that reads as a heading line (a headline, kicker or subtitle): short, no
    sentence punctuation, no sentence end, no dateline or byline."""
    p = flat(para)
    return (
        0 < len(p) <= _HEAD_MAX
        and not _PHRASE.search(p)
        and not ends_sentence(p)
        and not DATELINE.match(p)
        and not OWN_BYLINE.fullmatch(p)
    )


def _indent_skip(paras: list[str], k: int) -> int:
    """How much of paragraph k's indent to leave out of the reading copy. An export that
    indents each paragraph (　　) may indent a heading too; the indent then says nothing and
    the line is read flush, as a heading is set: under a blank line (or the page's start),
    or under another heading line when no heading-like indented line follows it (a run of
    them is a table's rows) and that line is no notice's heading (法院公告: the lines under
    it are the notice's, its issuer, its addressee)."""
    para = paras[k]
    indent = len(para) - len(para.lstrip())
    if indent < 2 or not _heading(para):
        return 0
    above = paras[k - 1] if k else ""
    if not above.strip():
        return indent
    below = paras[k + 1] if k + 1 < len(paras) else ""
    run = len(below) - len(below.lstrip()) >= 2 and _heading(below)
    return indent if _heading(above) and not NOTICE.fullmatch(flat(above)) and not run else 0


def remap(back: list[int], s: int, e: int) -> tuple[int, int]:
    """A span of the reading copy as the page's."""
    if e <= s:
        return back[s], back[s]
    return back[s], back[e - 1] + 1
