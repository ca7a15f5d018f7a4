"""Read a page whose blank lines stand between all its lines as the page it copies.

An export sets blank lines as it pleases: a web copy may put one after every line, its
headline's, its dateline's and each paragraph's, where the page sets them only between its
pieces. A page's use of blank lines is measured on the page: where (almost) every pair of
lines has a blank line between them, a blank line says nothing and the page is read without
them, as a page that sets none (its pieces told apart by what a reader sees: stacks,
datelines, signatures). A page whose gaps differ (one blank line between paragraphs, three
here and there) keeps them: its spacing is its own. ``back`` maps each offset of the
reading copy to the page's, so spans stay the page's.
"""

from __future__ import annotations

import re

# the fewest lines a page must set, and the largest share of line pairs with no blank line
# between them, for its blank lines to be read as set after every line
_MIN_LINES = 6
_TIGHT_SHARE = 0.1
# a line cut mid-clause after a finished sentence (…。同时，临): a layout extraction's box
# broken where its column ends, its rest elsewhere on the page; two make the page one. The
# clause runs straight on from the sentence's end in words and in-clause marks only: what a
# line adds after a sentence of its own (a quote's ”——speaker, a caption's glued credit
# 本报记者某某摄, a post's #tag#) finishes the line, it is not cut
_CUT = re.compile(r".*[。！？][\u4e00-\u9fff0-9A-Za-z][^。！？”’」』）)】#—]*[\u4e00-\u9fff]")
CREDIT_END = re.compile(r".*(?:摄|供图|制图|绘|整理|报道)")
_CUT_MIN = 20
_CUTS = 2


def fragments(text: str) -> bool:
    """Does the page break its paragraphs mid-clause (two lines or more of 20 characters or
    more that finish a sentence and stop in the next: …。同时，临)? A layout extraction
    leaves its boxes so, their rest elsewhere (a fragment, the block reader's, articles.py);
    a web copy's paragraph ends its sentence, and a page cut at a width is joined first
    (unwrap.py)."""
    n = 0
    for ln in text.split("\n"):
        f = "".join(ln.split())
        n += len(f) >= _CUT_MIN and bool(_CUT.fullmatch(f)) and not CREDIT_END.fullmatch(f)
    return n >= _CUTS


def respace(text: str) -> tuple[str, list[int]] | None:
    """The page without the blank lines it sets after every line, and each reading
    offset's page offset (one more for the end); None when its blank lines stand only here
    and there, or when its gaps differ (one blank line here, three there: the page's own
    spacing, which the block reader weighs, articles.py)."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(full) < _MIN_LINES:
        return None
    gaps = [b - a - 1 for a, b in zip(full, full[1:])]
    if sum(1 for g in gaps if g == 0) > _TIGHT_SHARE * len(gaps) or len(set(gaps) - {0}) != 1:
        return None
    out: list[str] = []
    back: list[int] = []
    for k, i in enumerate(full):
        out.append(lines[i])
        back.extend(range(starts[i], starts[i] + len(lines[i])))
        if k + 1 < len(full):
            out.append("\n")
            back.append(starts[i] + len(lines[i]))
    back.append(len(text))
    return "".join(out), back


def compose(outer: list[int], inner: list[int]) -> list[int]:
    """The page offsets of a reading copy made of another (``inner`` maps into the copy
    ``outer`` maps to the page)."""
    return [outer[i] for i in inner]
