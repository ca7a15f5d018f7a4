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

from qa.segment.layout import ends_sentence, flat

# punctuation a typesetter never puts at a line's start (禁则): a closing stop, comma, bracket
NO_START = frozenset("。，、；：？！）》」』】…%’”.,;:?!)")
# how many lines, and what share of them, the width must hold; how many lines must open with
# a stop or comma for the cut to be mechanical
_MIN_FULL = 8
_FULL_SHARE = 0.3
_MIN_CUT = 2


def _width(line: str) -> int:
    """A line's width as set: its characters, the indent included, trailing space not."""
    return len(line.rstrip())


def _indented(line: str) -> bool:
    return line.startswith(("\u3000", "  ", "\t"))


def cut_width(lines: list[str]) -> int:
    """The width a page's lines were cut at mechanically, 0 when they were not: the
    commonest width of its lines, when that width (or one less) holds a good share of them,
    no line runs wider, and some lines open with a stop or comma."""
    widths = [_width(ln) for ln in lines if ln.strip()]
    count = collections.Counter(w for w in widths if w >= 8)
    if not count:
        return 0
    col = max(count, key=lambda w: (count[w], w))
    full = sum(1 for w in widths if col - 1 <= w <= col)
    if full < _MIN_FULL or full < _FULL_SHARE * len(widths) or max(widths) > col:
        return 0
    cut = sum(1 for ln in lines if ln.lstrip()[:1] in NO_START)
    return col if cut >= _MIN_CUT else 0


def unwrap(text: str) -> tuple[str, list[int]] | None:
    """The page with its cut lines joined, and each reading offset's page offset (one more
    for the end); None when the page was not cut mechanically at a width."""
    lines = text.split("\n")
    col = cut_width(lines)
    if not col:
        return None
    out: list[str] = []
    back: list[int] = []
    pos = 0
    for i, ln in enumerate(lines):
        start, pos = pos, pos + len(ln) + 1
        out.append(ln)
        back.extend(range(start, start + len(ln)))
        if i + 1 == len(lines):
            break
        nxt = lines[i + 1]
        # a stop or comma opening the next line is this line's own, cut from it
        runs_on = _width(ln) == col and (not ends_sentence(ln) or nxt[:1] in NO_START)
        # a line opening with a dash (——某某) is a subtitle set on a line of its own
        if not (runs_on and flat(nxt) and not _indented(nxt) and not nxt.startswith("——")):
            out.append("\n")
            back.append(start + len(ln))
    back.append(len(text))
    return "".join(out), back


def remap(back: list[int], s: int, e: int) -> tuple[int, int]:
    """A span of the reading copy as the page's."""
    if e <= s:
        return back[s], back[s]
    return back[s], back[e - 1] + 1
