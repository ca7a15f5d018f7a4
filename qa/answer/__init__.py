"""The answer stage: from retrieved candidates to what the reader is shown.

It reorders the candidates so a passage that answers comes first, picks the sentence that
answers (or the article's own headline, byline or publication when that is what is asked),
marks the question's words, and decides whether the archive answers at all. It reads the
index (articles, pages, word weights) but never retrieves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from qa.answer.calibration import load_calibration
from qa.answer.sentences import (
    Cues,
    best_sentence,
    fold,
    kind_found,
    names_year,
    read_cues,
    specific_kind_found,
    with_value_beside,
    years_missing,
)
from qa.keyword import STOPWORDS, words
from qa.passages import Passage
from qa.retrieve import Hit
from qa.segment.articles import printed_span
from qa.segment.layout import EDITOR_LABELS
from qa.store import Index

ANSWER_POOL = 5
DETAIL_POOL = 3  # the passages shown first, read for the detail asked
_WORDISH = re.compile(r"\w")


@dataclass
class Answer:
    text: str
    passage: Passage
    char_start: int
    char_end: int
    score: float


@dataclass
class Answered:
    hits: list[Hit]
    answer: Answer | None
    no_answer: bool
    evidence: float
    confidence: float  # 0-1: calibrated where a calibration fits the model, else evidence
    signals: dict[str, float]


class Answerer:
    """Answers from one loaded index; read-only, so thread-safe."""

    def __init__(self, index: Index, settings: dict[str, Any]):
        self.index = index
        self.settings = settings
        self.calibration = (
            load_calibration(index.manifest["model"])
            if settings.get("NO_ANSWER_MODE", "rules") == "calibrated"
            else None
        )
        self._pages = index.pages
        self._headings = Headings(index.articles)

    def answer(self, question: str, q_tokens: list[str], pool: list[Hit], top_k: int) -> Answered:
        """The ``top_k`` hits to show, the answer, and whether the archive answers at all."""
        idf = self.index.keyword.idf(q_tokens)
        best = pool[:ANSWER_POOL]  # the answer and no_answer are judged on the fused order
        cues = read_cues(question)  # read once, used for every passage below
        ranked = self._rerank(cues, pool, idf)
        hits = ranked[:top_k]
        terms = highlight_terms(question)
        for h in hits:
            h.highlights = find_spans(h.passage.text, terms)
        # The answer is read from the passage shown first, then the fused top five: the
        # rerank may lift a passage whose sentence answers from below the fused top five.
        lead = [h for h in ranked[:1] if h.passage.id not in {b.passage.id for b in best}]
        answer = self._answer(cues, lead + best, idf) if best else None
        if cues.field and hits:
            answer = self._article_field(self._asked_about(hits), cues.field) or answer
        dense_part, covered = self._evidence(q_tokens, best)
        evidence = 0.5 * dense_part + 0.5 * covered
        # The story is there but not the detail asked for: the passages shown first that
        # stand about as close to the question as the closest of them hold no value of the
        # kind asked (no sum of money for 收费标准是多少, no rate for 利率, no name
        # beside the title for 哪位院长), or never print a year the question names.
        shown = self._closest(ranked[:DETAIL_POOL])
        kind_there = kind_found(cues, "".join(h.passage.text for h in shown))
        no_year = names_year(question) and bool(years_missing(question, self._context(shown)))
        detail_missing = not cues.field and (not kind_there or no_year)
        signals = self._signals(cues, best, answer, dense_part, covered)
        signals.update(
            kind_in_passages=float(bool(cues.kinds) and kind_there),
            year_missing=float(no_year),
            detail_missing=float(detail_missing),
        )
        if self.calibration is not None:
            confidence = self.calibration.probability(signals)
            no_answer = confidence < self.calibration.threshold
        else:
            confidence = evidence
            no_answer = evidence < float(self.settings["NO_ANSWER_THRESHOLD"]) or detail_missing
        return Answered(hits, answer, no_answer, evidence, confidence, signals)

    def _signals(self, cues, best, answer, dense_part, covered):
        """What the search measured about how well it answers: the calibration's inputs."""
        dense = sorted((h.dense for h in best), reverse=True) + [0.0, 0.0]
        kinds = bool(cues.specific_kinds)
        return {
            "dense_top": dense[0],
            "dense_margin": dense[0] - dense[1],
            "dense_part": dense_part,
            "keyword_cover": covered,
            "retrievers_agree": float(bool(best) and best[0].dense > 0 and best[0].keyword > 0),
            "answer_score": answer.score if answer else 0.0,
            "asks_kind": float(kinds),
            "kind_in_answer": float(
                kinds and answer is not None and specific_kind_found(cues, answer.text)
            ),
            "asks_article_field": float(bool(cues.field)),
        }

    def _rerank(self, cues: Cues, pool: list[Hit], idf: dict[str, float]) -> list[Hit]:
        """Prefer passages holding a sentence that answers: fused score plus the score of
        the passage's best answer sentence (question type, the words next to the question
        word, IDF overlap)."""
        w = float(self.settings["RERANK_WEIGHT"])
        if w <= 0 or not pool:
            return pool
        top = max(h.score for h in pool) or 1.0
        out = []
        for h in pool:
            best = best_sentence(cues, [h.passage], self._pages, self._headings, idf)
            score = h.score / top + w * (best.score if best else 0.0)
            out.append(Hit(h.passage, score, h.dense, h.keyword))
        return sorted(out, key=lambda h: -h.score)

    def _answer(self, cues: Cues, hits: list[Hit], idf: dict[str, float]) -> Answer | None:
        passages = [h.passage for h in hits]
        best = best_sentence(cues, passages, self._pages, self._headings, idf)
        if best is None:
            return None
        best = with_value_beside(cues, best)
        return Answer(best.text, best.passage, best.char_start, best.char_end, best.score)

    def _asked_about(self, hits: list[Hit]) -> Passage:
        """The passage of the article a question about an article (its title, its writer)
        means: the one shown first, unless that is an editor's note (编者按, 开栏的话), which
        introduces the article printed with it: then the next one shown of that page."""
        first = hits[0].passage
        if self.index.articles[first.article_id].headline not in EDITOR_LABELS:
            return first
        return next(
            (
                h.passage
                for h in hits[1:]
                if h.passage.source == first.source and h.passage.article_id != first.article_id
            ),
            first,
        )

    def _article_field(self, passage: Passage, field: str) -> Answer | None:
        """For a question about the article itself (its title, its reporter): that field of the
        article shown first, where printed."""
        article = self.index.articles[passage.article_id]
        value = getattr(article, field)
        span = printed_span(self._pages[passage.source], article, value)
        if span is None:
            return None
        return Answer(value, passage, span[0], span[1], 1.0)

    def _closest(self, hits: list[Hit]) -> list[Hit]:
        """Those of ``hits`` whose dense cosine is within DETAIL_MARGIN of the best one: the
        passages about the question's story. A larger archive puts more passages of other
        stories among the first three, and a value of the kind asked in one of them says
        nothing about this story."""
        if not hits:
            return hits
        top = max(h.dense for h in hits)
        margin = float(self.settings["DETAIL_MARGIN"])
        return [h for h in hits if h.dense >= top - margin]

    def _context(self, hits: list[Hit]) -> str:
        """The articles of ``hits`` as a reader sees them: headline, text and issue date."""
        parts = []
        for aid in dict.fromkeys(h.passage.article_id for h in hits):
            a = self.index.articles[aid]
            page = self._pages[a.source]
            parts += [a.headline, *a.subheadlines, page[a.char_start : a.char_end], a.issue_date]
        return "\n".join(parts)

    def _evidence(self, q_tokens: list[str], hits: list[Hit]) -> tuple[float, float]:
        """How strongly the best passages support the question: the dense cosine of the top
        passage rescaled to 0-1, and how much of the question's keyword weight (longer
        words count more) the top three passages contain."""
        if not hits:
            return 0.0, 0.0
        dense_top = max(h.dense for h in hits[:3])
        text = fold("".join(h.passage.text for h in hits[:3]))
        toks = [t for t in dict.fromkeys(q_tokens) if len(t) >= 2]
        if toks:
            weights = [math.log(1 + len(t)) for t in toks]
            covered = sum(w for t, w in zip(toks, weights) if t in text) / sum(weights)
        else:
            covered = 0.0
        return min(max((dense_top - 0.78) / 0.12, 0.0), 1.0), covered


def highlight_terms(question: str) -> list[str]:
    """Words worth marking in a passage: the question's own jieba words (accurate mode, so
    光荣牌 and never the 光荣 inside it) of two or more characters, stopwords left out."""
    terms = {w for w in words(fold(question)) if len(w) >= 2 and _WORDISH.search(w)}
    return sorted(terms - STOPWORDS, key=lambda t: (-len(t), t))


def find_spans(text: str, terms: list[str]) -> list[list[int]]:
    """Non-overlapping [start, end) spans of ``terms`` in ``text`` that start and end on
    jieba word boundaries (a term inside a longer word, 实验 in 实验室, is not marked), in
    order. The passage is cut into words only when a term occurs in it, with jieba's plain
    accurate cut (its part-of-speech tagger cost four times as much for the same words)."""
    folded = fold(text)
    found = [m.span() for t in terms for m in re.finditer(re.escape(t), folded)]
    if not found:
        return []
    bounds = word_bounds(folded)
    taken = [False] * len(text)
    spans: list[list[int]] = []
    for a, b in found:  # longer terms first, as ``terms`` comes
        if a in bounds and b in bounds and not any(taken[a:b]):
            spans.append([a, b])
            for i in range(a, b):
                taken[i] = True
    return sorted(spans)


def word_bounds(text: str) -> set[int]:
    """The offsets in ``text`` where a jieba word (accurate mode) starts or ends."""
    bounds, at = {0}, 0
    for word in words(text):
        at += len(word)
        bounds.add(at)
    return bounds


class Headings:
    """An article's headline and subheadlines as one text, by article id (read on demand)."""

    def __init__(self, articles):
        self._articles = articles

    def get(self, article_id: str, default: str = "") -> str:
        a = self._articles.get(article_id)
        return " ".join([a.headline, *a.subheadlines]) if a is not None else default
