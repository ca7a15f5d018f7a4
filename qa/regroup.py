"""Page-level repairs after the first pass over a page's blocks.

The first pass (``articles._walk``) reads blocks in page order. Three layouts need the
whole page to mend: a column's overflow printed before its headline (fragments go back to
the article they continue, in reading order), a headline printed far from its body (two
articles swap headlines when each shares the other's vocabulary), and an editor's-note
label printed apart from its text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import permutations

from qa.layout import Block, ends_sentence, flat

_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Draft:
    """An article while its page is being read: blocks and spans, not yet text."""

    kind: str = "news"
    heads: list[Block] = field(default_factory=list)
    bylines: list[tuple[int, int]] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    meta: list[tuple[int, int]] = field(default_factory=list)
    subs_pre: list[str] = field(default_factory=list)
    headline: str = ""


def _bigrams(s: str) -> set[str]:
    h = "".join(_HAN.findall(s))
    return {h[i : i + 2] for i in range(len(h) - 1)}


def _sim(a: str, b: str) -> float:
    """Share of a's Han bigrams that also occur in b."""
    ga = _bigrams(a)
    return len(ga & _bigrams(b)) / len(ga) if ga else 0.0


def _body_text(text: str, blocks: list[Block]) -> str:
    return "".join(flat(text[b.bs : b.be]) for b in blocks)


def move_fragments(text: str, arts: list[Draft]) -> None:
    """Paragraphs stranded at an article's end mid-sentence (a column's overflow printed before
    its headline) go to the article whose vocabulary they share, after its unfinished part."""

    def ref(a: Draft, blocks: list[Block]) -> str:
        return "".join(flat(text[b.s : b.e]) for b in a.heads) + _body_text(text, blocks)

    news = [a for a in arts if a.kind not in ("ad", "briefs") and a.body]
    for a in news[:-1] if news and arts[-1] is news[-1] else news:
        if len(a.body) < 2 or ends_sentence(text[a.body[-1].bs : a.body[-1].be]):
            continue
        own = ref(a, a.body[: max(1, len(a.body) // 2)])
        tail = text[a.body[-1].bs : a.body[-1].be]
        target = max(
            (o for o in news if o is not a), key=lambda o: _sim(tail, ref(o, o.body)), default=None
        )
        if target is None:
            continue
        other = ref(target, target.body)
        moved: list[Block] = []
        while len(a.body) > 1:
            pt = text[a.body[-1].bs : a.body[-1].be]
            if _sim(pt, other) <= _sim(pt, own):
                break
            moved.insert(0, a.body.pop())
        open_ends = [k for k, b in enumerate(target.body) if not ends_sentence(text[b.bs : b.be])]
        at = open_ends[-1] + 1 if open_ends else len(target.body)
        target.body[at:at] = _reading_order(text, target.body[:at], moved, target.body[at:])


def _reading_order(
    text: str, before: list[Block], moved: list[Block], after: list[Block]
) -> list[Block]:
    """Order moved fragments as a reader would join them (page order when nothing tells).

    A fragment's order is judged by three cues: a line that stops mid-word joins the piece
    whose first character completes a word found elsewhere in the article (费 + 县积极 ->
    费县); a paragraph that opens like other paragraphs of the article (打好“乡情牌” ...
    打好“竞技牌”) follows a finished sentence, not an unfinished one; and the article ends
    with a finished sentence.
    """
    if len(moved) < 2 or len(moved) > 5:
        return moved
    han = {id(b): "".join(_HAN.findall(text[b.bs : b.be])) for b in before + moved + after}
    paras = list(han.values())
    openings = Counter(p[:2] for p in paras if len(p) >= 2)

    def words(a: str, b: str) -> int:
        """1 when the characters either side of a join form a bigram used in the article."""
        return int(bool(a and b) and any(a[-1] + b[0] in p for p in paras))

    def score(order: tuple[Block, ...]) -> int:
        seq = before[-1:] + list(order) + after[:1]
        total = 0
        for prev, nxt in zip(seq, seq[1:]):
            hp, hn = han[id(prev)], han[id(nxt)]
            finished = ends_sentence(text[prev.bs : prev.be])
            opens = openings[hn[:2]] >= 2
            total += 0 if finished else words(hp, hn)
            total += (1 if finished else -1) if opens else 0
        last = (list(order) + after)[-1]
        return total + int(ends_sentence(text[last.bs : last.be]))

    best = max(permutations(moved), key=score)  # max keeps the first (page order) on ties
    return list(best)


def swap_far_headlines(text: str, arts: list[Draft]) -> None:
    """On a headline-after page a headline may be printed far from its body: swap two
    articles' headlines when each shares clearly more vocabulary with the other's body."""

    def h(a: Draft) -> str:
        return "".join(flat(text[b.s : b.e]) for b in a.heads)

    news = [a for a in arts if a.heads and a.kind not in ("ad", "briefs")]
    for x in news:
        for y in news:
            if x is y:
                continue
            bx, by = _body_text(text, x.body), _body_text(text, y.body)
            keep = _sim(h(x), bx) + _sim(h(y), by)
            swap = _sim(h(x), by) + _sim(h(y), bx)
            if swap > keep + 0.6 and _sim(h(x), by) > 0.5:
                x.heads, y.heads = y.heads, x.heads


def place_notes(text: str, arts: list[Draft]) -> None:
    """An editor's-note label printed apart from its text (·开栏的话· over a new column)
    takes the next piece of unsigned text on the page: a note from the editors carries no
    byline, unlike the reports around it. Headings that piece had become subtitles."""
    for note in [a for a in arts if a.kind == "editorial" and not a.body]:
        after_note = arts[arts.index(note) + 1 :]
        text_of = next(
            (a for a in after_note if a.kind == "news" and a.body and not a.bylines), None
        )
        if text_of is None:
            continue
        note.body = text_of.body
        note.subs_pre += text_of.subs_pre + [flat(text[b.s : b.e]) for b in text_of.heads]
        arts.remove(text_of)
