"""Answer a question from a loaded index: retrieve, fuse, diversify, pick the answer.

Dense (e5 cosine) and keyword (BM25 over jieba tokens) rankings are fused with weighted
reciprocal-rank fusion. The top passages' sentences are scored for the answer sentence, and
an evidence score decides whether the archive answers the question at all.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qa.answer import (
    Cues,
    best_sentence,
    counted_focus_found,
    focus_coverage,
    fold,
    read_cues,
    specific_kind_found,
)
from qa.articles import printed_span
from qa.embed import Embedder
from qa.index import Index
from qa.keyword import tokenize
from qa.passages import Passage

ANSWER_POOL = 5
NEAR_COPY = 0.8  # a passage this much already shown adds too little to show again


@dataclass
class Hit:
    passage: Passage
    score: float
    dense: float
    keyword: float
    highlights: list[list[int]] = field(default_factory=list)


@dataclass
class Answer:
    text: str
    passage: Passage
    char_start: int
    char_end: int
    score: float


@dataclass
class Result:
    question: str
    hits: list[Hit]
    answer: Answer | None
    no_answer: bool
    evidence: float
    took_ms: float


class Searcher:
    """Searches one loaded index with one embedder; both are read-only, so thread-safe."""

    def __init__(self, index: Index, embedder: Embedder, settings: dict[str, Any]):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._pages = index.pages
        self._headings = {
            a.id: " ".join([a.headline, *a.subheadlines]) for a in index.articles.values()
        }

    def search(self, question: str, top_k: int = 5) -> Result:
        t0 = time.perf_counter()
        s = self.settings
        n = len(self.index.passages)
        cand = min(int(s["CANDIDATES"]), n)
        qvec = self.embedder.queries([question])
        dense_scores, dense_ids = self.index.dense.search(qvec, cand)
        dense_scores, dense_ids = dense_scores[0], dense_ids[0]
        q_tokens = tokenize(question)
        kw_all = self.index.keyword.scores(q_tokens)
        kw_ids = np.argsort(-kw_all, kind="stable")[:cand]
        kw_ids = kw_ids[kw_all[kw_ids] > 0]

        dense_of = {
            pid: sc for pid, sc in zip(dense_ids.tolist(), dense_scores.tolist()) if pid >= 0
        }
        if s["FUSION"] == "linear":
            fused = linear_fusion(dense_of, kw_all, kw_ids, s)
        else:
            fused = rrf_fusion(list(dense_of), kw_ids.tolist(), s)
        order = sorted(fused, key=lambda p: -fused[p])

        idf = self.index.keyword.idf(q_tokens)
        depth = max(top_k, ANSWER_POOL, int(s["RERANK_DEPTH"]))
        pool = self._diversify(order, fused, dense_of, kw_all, depth)
        best = pool[:ANSWER_POOL]  # the answer and no_answer are judged on the fused order
        cues = read_cues(question)  # read once, used for every passage below
        ranked = self._rerank(cues, pool, idf)
        hits = ranked[:top_k]
        terms = highlight_terms(question, q_tokens)
        for h in hits:
            h.highlights = find_spans(h.passage.text, terms)
        # The answer is read from the passage shown first, then the fused top five: the
        # rerank may lift a passage whose sentence answers from below the fused top five.
        lead = [h for h in ranked[:1] if h.passage.id not in {b.passage.id for b in best}]
        answer = self._answer(cues, lead + best, idf) if best else None
        if cues.field and hits:
            answer = self._article_field(hits[0].passage, cues.field) or answer
        evidence = self._evidence(q_tokens, best, kw_all)
        no_answer = evidence < float(s["NO_ANSWER_THRESHOLD"]) or (
            not cues.field and self._detail_missing(cues, best, answer)
        )
        took = (time.perf_counter() - t0) * 1000
        return Result(question, hits, answer, no_answer, evidence, took)

    def _diversify(self, order, fused, dense_of, kw_all, top_k) -> list[Hit]:
        """Keep at most MAX_PER_ARTICLE passages of an article and no near copies.

        Neighbouring passages share a sentence by design; a neighbour is dropped only
        when the reader would see almost the same text twice (NEAR_COPY of its characters
        already in kept passages, or of a kept passage's in it), since a neighbour's new
        part may hold the answer. The test is symmetric because the rerank may reorder.
        """
        cap = int(self.settings["MAX_PER_ARTICLE"])
        per_article: dict[str, int] = {}
        kept: list[Hit] = []
        for pid in order:
            p = self.index.passages[pid]
            if per_article.get(p.article_id, 0) >= cap:
                continue
            shown = [h.passage for h in kept]
            if _covered(p, shown) >= NEAR_COPY or any(_covered(q, [p]) >= NEAR_COPY for q in shown):
                continue
            per_article[p.article_id] = per_article.get(p.article_id, 0) + 1
            kept.append(Hit(p, fused[pid], dense_of.get(pid, 0.0), float(kw_all[pid])))
            if len(kept) == top_k:
                break
        return kept

    def _rerank(self, cues: Cues, pool: list[Hit], idf: dict[str, float]) -> list[Hit]:
        """Prefer passages holding a sentence that answers: fused score plus the score of
        the passage's best answer sentence (question type, focus words, IDF overlap)."""
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
        return Answer(best.text, best.passage, best.char_start, best.char_end, best.score)

    def _article_field(self, passage: Passage, field: str) -> Answer | None:
        """For 标题是什么 / 记者是谁: that field of the article shown first, where printed."""
        article = self.index.articles[passage.article_id]
        value = getattr(article, field)
        span = printed_span(self._pages[passage.source], article, value)
        if span is None:
            return None
        return Answer(value, passage, span[0], span[1], 1.0)

    def _detail_missing(self, cues: Cues, pool: list[Hit], answer: Answer | None) -> bool:
        """The story is there but not the detail asked for.

        A question names the thing it wants right next to its question word (院长是谁,
        办公地址在哪里, 在保余额有多少). Unless a count in the asked unit names one of them
        right after it, when those focus words are (nearly) absent from every
        passage found, and no sentence holds the specific kind of value asked for (a year,
        an amount of money, an area...), the archive does not answer it. Nor does it when
        a specific kind is asked for and no passage found holds one at all.
        """
        text = "".join(h.passage.text for h in pool)
        if cues.specific_kinds and not specific_kind_found(cues, text):
            return True  # 多少钱, and not one sum of money in sight
        if counted_focus_found(cues, text):
            return False  # 多少位退伍军人 ... 1070名优秀退役军人
        idf = self.index.keyword.idf(list(cues.focus))
        if focus_coverage(cues, text, idf) >= float(self.settings["FOCUS_MIN"]):
            return False
        return not (answer and specific_kind_found(cues, answer.text))

    def _evidence(self, q_tokens: list[str], hits: list[Hit], kw_all: np.ndarray) -> float:
        """How strongly the best passage supports the question, from 0 to 1.

        Combines the dense cosine of the top passage with how much of the question's
        keyword weight (IDF-like: rarer words count more) the top passages contain.
        """
        if not hits:
            return 0.0
        dense_top = max(h.dense for h in hits[:3])
        text = fold("".join(h.passage.text for h in hits[:3]))
        toks = [t for t in dict.fromkeys(q_tokens) if len(t) >= 2]
        if toks:
            weights = [math.log(1 + len(t)) for t in toks]
            covered = sum(w for t, w in zip(toks, weights) if t in text) / sum(weights)
        else:
            covered = 0.0
        dense_part = min(max((dense_top - 0.78) / 0.12, 0.0), 1.0)
        return 0.5 * dense_part + 0.5 * covered


def rrf_fusion(dense_ids: list[int], kw_ids: list[int], s: dict) -> dict[int, float]:
    """Weighted reciprocal-rank fusion: robust to the two scores' different scales."""
    k = float(s["RRF_K"])
    fused: dict[int, float] = {}
    for weight, ids in (
        (float(s["DENSE_WEIGHT"]), dense_ids),
        (float(s["KEYWORD_WEIGHT"]), kw_ids),
    ):
        for rank, pid in enumerate(ids):
            fused[pid] = fused.get(pid, 0.0) + weight / (k + rank + 1)
    return fused


def linear_fusion(
    dense_of: dict[int, float], kw_all: np.ndarray, kw_ids: np.ndarray, s: dict
) -> dict[int, float]:
    """Weighted sum of min-max-normalised scores over the union of both candidate lists."""
    cands = set(dense_of) | set(kw_ids.tolist())
    d = np.array(list(dense_of.values()) or [0.0])
    d_lo, d_hi = float(d.min()), float(d.max())
    k_hi = float(kw_all.max()) or 1.0
    out = {}
    for pid in cands:
        dn = (dense_of.get(pid, d_lo) - d_lo) / ((d_hi - d_lo) or 1.0)
        kn = float(kw_all[pid]) / k_hi
        out[pid] = float(s["DENSE_WEIGHT"]) * dn + float(s["KEYWORD_WEIGHT"]) * kn
    return out


def highlight_terms(question: str, q_tokens: list[str]) -> list[str]:
    """Words worth marking in a passage: question tokens of two or more characters."""
    terms = {t for t in q_tokens if len(t) >= 2}
    return sorted(terms, key=len, reverse=True)


def find_spans(text: str, terms: list[str]) -> list[list[int]]:
    """Non-overlapping [start, end) spans of ``terms`` in ``text``, in order."""
    folded = fold(text)
    taken = [False] * len(text)
    spans: list[list[int]] = []
    for t in terms:
        for m in re.finditer(re.escape(t), folded):
            a, b = m.span()
            if not any(taken[a:b]):
                spans.append([a, b])
                for i in range(a, b):
                    taken[i] = True
    return sorted(spans)


def _covered(p: Passage, shown: list[Passage]) -> float:
    """Share of ``p``'s page span that the ``shown`` passages already cover."""
    taken = set()
    for q in shown:
        if q.source == p.source:
            taken.update(range(max(p.char_start, q.char_start), min(p.char_end, q.char_end)))
    return len(taken) / max(1, p.char_end - p.char_start)
