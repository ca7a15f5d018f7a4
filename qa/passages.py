"""Turn article bodies into passages: unwrap lines, split sentences, pack into passages.

Every passage keeps ``char_start``/``char_end`` into the page text, and its ``text`` differs
from ``page_text[char_start:char_end]`` only in whitespace: this is what a citation points at.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from qa.segment.articles import Article
from qa.segment.layout import CLOSING, TERMINAL

_SENT_END = re.compile(rf"[{TERMINAL}]+[{CLOSING}]*")
_CLAUSE_END = re.compile(rf"[，,、：:{TERMINAL}]+[{CLOSING}]*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass
class Sentence:
    """A sentence of unwrapped text, with its [start, end) in the page."""

    text: str
    char_start: int
    char_end: int
    paragraph_start: bool = False


@dataclass
class Passage:
    """A few consecutive sentences of one article: the unit we retrieve and cite."""

    id: int
    article_id: str
    source: str
    text: str
    char_start: int
    char_end: int
    # Its sentences as the answer stage reads them, [char_start, char_end, text] each: cut
    # once at build time (cut_sentences), not on every query.
    sentences: list[list] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Passage:
        return cls(**d)

    def sentence_spans(self) -> list[Sentence]:
        return [Sentence(text, a, b) for a, b, text in self.sentences]


def cut_sentences(page: str, start: int, end: int) -> list[list]:
    """The sentences of a passage's page span, as stored with the passage."""
    return [[s.char_start, s.char_end, s.text] for s in split_sentences(page, start, end)]


def unwrap(page: str, start: int, end: int) -> tuple[str, list[int]]:
    """Join the line breaks that column wrapping made, keep paragraph breaks.

    Returns the unwrapped text and, for each of its characters, the page offset it came
    from (``-1`` for an inserted paragraph break). A break is a paragraph break when the
    text before it ends a sentence, or when the line before it is much shorter than the
    column, at most 30 characters (an in-article heading such as "强化党的领导，落实双拥政策");
    otherwise the lines are one sentence cut by the column.
    """
    out: list[str] = []
    pos: list[int] = []
    lines = [
        (m.start() + start, m.group())
        for m in re.finditer(r"[^\n]+", page[start:end])
        if m.group().strip()
    ]
    # Judge a line by its whole printed width, even where the span starts or ends inside it.
    widths = [_width(_full_line(page, off)) for off, _ in lines]
    column = sorted(widths)[len(widths) // 2] if widths else 0.0
    prev_width = column
    for (off, line), width in zip(lines, widths):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if out:
            prev = out[-1]
            if _ends_sentence(out) or prev_width < min(0.5 * column, 30):
                out.append("\n")
                pos.append(-1)
            elif _ASCII_WORD.match(prev) and _ASCII_WORD.match(stripped[0]):
                # "2140\n余人": digits and letters across a wrap join without a gap,
                # but two Latin words keep one space.
                if prev.isalpha() and stripped[0].isalpha():
                    out.append(" ")
                    pos.append(-1)
        base = off + lead
        for i, ch in enumerate(stripped):
            out.append(ch)
            pos.append(base + i)
        prev_width = width
    return "".join(out), pos


def _full_line(page: str, offset: int) -> str:
    start = page.rfind("\n", 0, offset) + 1
    end = page.find("\n", offset)
    return page[start : end if end >= 0 else len(page)]


def _width(line: str) -> float:
    """Printed width of a line: Latin letters and digits are about half a Han character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in line if not ch.isspace())


def _ends_sentence(chars: list[str]) -> bool:
    """True when ``chars`` ends with sentence-final punctuation (closers allowed after)."""
    return bool(re.search(rf"[{TERMINAL}][{CLOSING}]*$", "".join(chars[-4:])))


def split_sentences(page: str, start: int, end: int, max_chars: int = 200) -> list[Sentence]:
    """Split a body span into sentences, each with its exact page span.

    Closing quotes and brackets stay with their sentence. A sentence longer than
    ``max_chars`` is cut at clause punctuation so no passage is forced to be huge.
    """
    text, pos = unwrap(page, start, end)
    sentences: list[Sentence] = []
    para_start = True
    for para in re.finditer(r"[^\n]+", text):
        cuts = [m.end() for m in _SENT_END.finditer(para.group())]
        bounds = _bounds(para.group(), cuts)
        for a, b in bounds:
            for a2, b2 in _cut_long(para.group(), a, b, max_chars):
                seg = para.group()[a2:b2]
                if not seg.strip():
                    continue
                ga, gb = para.start() + a2, para.start() + b2
                first = next(i for i in range(ga, gb) if pos[i] >= 0)
                last = next(i for i in range(gb - 1, ga - 1, -1) if pos[i] >= 0)
                sentences.append(Sentence(seg.strip(), pos[first], pos[last] + 1, para_start))
                para_start = False
        para_start = True
    return sentences


def _bounds(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    edges = [0] + [c for c in cuts if 0 < c < len(text)] + [len(text)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def _cut_long(text: str, a: int, b: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut a too-long sentence at clause punctuation; cut hard where there is none."""
    if b - a <= max_chars:
        return [(a, b)]
    pieces: list[tuple[int, int]] = []
    start = a
    last_cut = None
    for m in _CLAUSE_END.finditer(text, a, b):
        if m.end() - start > max_chars and last_cut and last_cut > start:
            pieces += _cut_hard(start, last_cut, max_chars)
            start = last_cut
        last_cut = m.end()
    return pieces + _cut_hard(start, b, max_chars)


def _cut_hard(a: int, b: int, max_chars: int) -> list[tuple[int, int]]:
    pieces = []
    while b - a > max_chars * 2:  # no punctuation at all
        pieces.append((a, a + max_chars))
        a += max_chars
    return pieces + [(a, b)]


def pack(sentences: list[Sentence], target_chars: int, overlap: int = 0) -> list[list[Sentence]]:
    """Group consecutive sentences into chunks of about ``target_chars`` characters.

    A chunk closes once adding the next sentence would pass the target; ``overlap``
    sentences are carried into the next chunk so an answer split across a boundary is
    still whole somewhere.
    """
    chunks: list[list[Sentence]] = []
    cur: list[Sentence] = []
    size = 0
    for s in sentences:
        n = len(s.text)
        if cur and size + n > target_chars:
            chunks.append(cur)
            cur = cur[len(cur) - overlap :] if overlap and len(cur) > overlap else []
            size = sum(len(x.text) for x in cur)
        cur.append(s)
        size += n
    if cur and not (chunks and all(s in chunks[-1] for s in cur)):
        chunks.append(cur)
    return chunks


def chunk_text(page: str, group: list[Sentence]) -> str:
    """Text of a chunk: its sentences, with paragraph breaks kept as newlines."""
    parts: list[str] = []
    for s in group:
        if parts and s.paragraph_start:
            parts.append("\n")
        parts.append(s.text)
    return "".join(parts)


def article_passages(
    page: str, article: Article, target_chars: int, overlap: int = 0, first_id: int = 0
) -> list[Passage]:
    """Cut one article's body spans into passages; none crosses the article's edge."""
    out: list[Passage] = []
    for start, end in article.body_spans:
        sents = split_sentences(page, start, end, max_chars=max(target_chars, 80))
        for group in pack(sents, target_chars, overlap):
            out.append(
                Passage(
                    id=first_id + len(out),
                    article_id=article.id,
                    source=article.source,
                    text=chunk_text(page, group),
                    char_start=group[0].char_start,
                    char_end=group[-1].char_end,
                    sentences=cut_sentences(page, group[0].char_start, group[-1].char_end),
                )
            )
    return out


def strip_ws(s: str) -> str:
    """Remove all whitespace: the form in which citations are compared."""
    return re.sub(r"\s+", "", s)
