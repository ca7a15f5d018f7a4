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
from itertools import permutations

from qa.segment.draft import Draft
from qa.segment.layout import Block, ends_sentence, flat

_HAN = re.compile(r"[\u4e00-\u9fff]")

# The repairs below pair articles (a stranded fragment with the article it continues, a
# headline with the body it names, an editor's-note label with its text). A reader does that
# within one page, and a newspaper page carries a few dozen articles at most (the seed pages
# hold at most 12), so each article is compared only with the NEAR articles either side of
# it (a note label: the NEAR articles after it). On any page of up to NEAR + 1 articles the
# window holds the whole page, so the result is exactly that of comparing every pair; on a
# very long text the work stays linear.
NEAR = 30


def _bigrams(s: str) -> set[str]:
    h = "".join(_HAN.findall(s))
    return {h[i : i + 2] for i in range(len(h) - 1)}


def _sim(a: str, b: str) -> float:
    """Share of a's Han bigrams that also occur in b."""
    return _share(_bigrams(a), _bigrams(b))


def _share(ga: set[str], gb: set[str]) -> float:
    """``_sim`` over bigram sets already made: each text's set is made once, not per pair."""
    return len(ga & gb) / len(ga) if ga else 0.0


def _body_text(text: str, blocks: list[Block]) -> str:
    return "".join(flat(text[b.bs : b.be]) for b in blocks)


def move_fragments(text: str, arts: list[Draft]) -> None:
    """Paragraphs stranded at an article's end mid-sentence (a column's overflow printed before
    its headline) go to the article whose vocabulary they share, after its unfinished part."""

    def ref(a: Draft, blocks: list[Block]) -> str:
        return "".join(flat(text[b.s : b.e]) for b in a.heads) + _body_text(text, blocks)

    grams: dict[int, set[str]] = {}  # id(article) -> bigrams of its headline and whole body

    def whole(o: Draft) -> set[str]:
        if id(o) not in grams:
            grams[id(o)] = _bigrams(ref(o, o.body))
        return grams[id(o)]

    news = [a for a in arts if a.kind not in ("ad", "briefs") and a.body]
    for n, a in enumerate(news[:-1] if news and arts[-1] is news[-1] else news):
        if len(a.body) < 2 or ends_sentence(text[a.body[-1].bs : a.body[-1].be]):
            continue
        own = _bigrams(ref(a, a.body[: max(1, len(a.body) // 2)]))
        tail = _bigrams(text[a.body[-1].bs : a.body[-1].be])
        near = news[max(0, n - NEAR) : n + NEAR + 1]  # the page around it: see NEAR
        target = max(
            (o for o in near if o is not a), key=lambda o: _share(tail, whole(o)), default=None
        )
        if target is None:
            continue
        other = whole(target)
        moved: list[Block] = []
        while len(a.body) > 1:
            pt = _bigrams(text[a.body[-1].bs : a.body[-1].be])
            if _share(pt, other) <= _share(pt, own):
                break
            moved.append(a.body.pop())
        moved.reverse()  # back to page order
        open_ends = [k for k, b in enumerate(target.body) if not ends_sentence(text[b.bs : b.be])]
        at = open_ends[-1] + 1 if open_ends else len(target.body)
        target.body[at:at] = _reading_order(text, target.body[:at], moved, target.body[at:])
        grams.pop(id(a), None)  # both bodies may have changed
        grams.pop(id(target), None)


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

    news = [a for a in arts if a.heads and a.kind not in ("ad", "briefs")]
    bodies = [_bigrams(_body_text(text, a.body)) for a in news]
    # Headlines move between articles as whole lists: key their bigrams by the list.
    heads = {id(a.heads): _bigrams("".join(flat(text[b.s : b.e]) for b in a.heads)) for a in news}
    for i, x in enumerate(news):
        for k in range(max(0, i - NEAR), min(len(news), i + NEAR + 1)):  # see NEAR
            if k == i:
                continue
            y = news[k]
            hx, hy = heads[id(x.heads)], heads[id(y.heads)]
            keep = _share(hx, bodies[i]) + _share(hy, bodies[k])
            swap = _share(hx, bodies[k]) + _share(hy, bodies[i])
            if swap > keep + 0.6 and _share(hx, bodies[k]) > 0.5:
                x.heads, y.heads = y.heads, x.heads


def place_notes(text: str, arts: list[Draft]) -> None:
    """An editor's-note label printed apart from its text (·开栏的话· over a new column)
    takes the next piece of unsigned text on the page: a note from the editors carries no
    byline, unlike the reports around it. Headings that piece had become subtitles."""
    taken: set[int] = set()  # ids of the pieces notes took, dropped from arts at the end
    for n, note in enumerate(arts):
        if note.kind != "editorial" or note.body:
            continue
        after_note = (a for a in arts[n + 1 : n + 1 + NEAR] if id(a) not in taken)  # see NEAR
        text_of = next(
            (a for a in after_note if a.kind == "news" and a.body and not a.bylines), None
        )
        if text_of is None:
            continue
        note.body = text_of.body
        note.subs_pre += text_of.subs_pre + [flat(text[b.s : b.e]) for b in text_of.heads]
        taken.add(id(text_of))
    if taken:
        arts[:] = [a for a in arts if id(a) not in taken]
