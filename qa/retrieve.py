"""Retrieve: dense and keyword candidates, fused, one article not crowding out the rest.

Dense (e5 cosine) and keyword (BM25 over jieba tokens) rankings are fused with weighted
reciprocal-rank fusion (or a linear blend); going down the fused list, a passage is kept
unless its article already has MAX_PER_ARTICLE or the reader would see it twice. What
comes out is candidates with their scores: the answer stage decides what answers.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from qa.embed import Embedder
from qa.keyword import tokenize, top_k
from qa.passages import Passage
from qa.store import Index
from qa.vectors import Ranking, Where

NEAR_COPY = 0.8  # a passage this much already shown adds too little to show again


@dataclass
class Hit:
    passage: Passage
    score: float
    dense: float
    keyword: float
    highlights: list[list[int]] = field(default_factory=list)


@dataclass
class Candidates:
    """What retrieval found for one question: its tokens and the kept passages, best first."""

    tokens: list[str]
    hits: list[Hit]


class Retriever:
    """Retrieves from one loaded index with one embedder; both read-only, so thread-safe."""

    def __init__(self, index: Index, embedder: Embedder, settings: dict[str, Any]):
        self.index = index
        self.embedder = embedder
        self.settings = settings

    def candidates(
        self,
        question: str,
        depth: int,
        allowed: np.ndarray | None = None,
        where: Where | None = None,
    ) -> Candidates:
        """The ``depth`` best passages after fusion and diversity, best first; with
        ``allowed`` (passage ids) or ``where`` (a paper, issue dates) only those."""
        cand = min(int(self.settings["CANDIDATES"]), len(self.index.passages))
        qvec = self.embedder.queries([question])[0]  # first: the engine uses every core
        q_tokens = tokenize(question)
        if allowed is not None:
            where = replace(where or Where(), ids=np.asarray(allowed).tolist())
        # The retrieval backend: an index that searches text and fuses itself (Milvus), or here.
        rank = self.index.dense.rank if self.index.dense.hybrid else self._rank_here
        found = rank(question, qvec, q_tokens, cand, where)
        order = sorted(found.fused, key=lambda p: -found.fused[p])
        return Candidates(
            q_tokens, self._diversify(order, found.fused, found.dense, found.keyword, depth)
        )

    def _rank_here(self, question, qvec, q_tokens, cand, where: Where | None) -> Ranking:
        """Dense from the vector index, BM25 from the keyword index, fused here."""
        s = self.settings
        allowed = self._allowed(where)
        # The two searches overlap: each keeps to one core and lets the other run. Linear
        # fusion reads the BM25 score of every candidate, the dense ones' too: the keyword
        # side then hands over all its scores, and the top is cut from the same array.
        linear = s["FUSION"] == "linear"
        kw = self.index.keyword
        keyword = (
            _pool().submit(kw.scores, q_tokens, allowed)
            if linear
            else _pool().submit(kw.top, q_tokens, cand, allowed)
        )
        dense_ids, dense_scores = self.index.dense.search(qvec, cand, allowed)
        dense_of = dict(zip(dense_ids.tolist(), dense_scores.tolist()))
        if linear:
            kw_all = keyword.result()
            kw_ids, kw_scores = top_k(kw_all, cand)
            fused = linear_fusion(dense_of, kw_all, kw_ids, s)
        else:
            kw_ids, kw_scores = keyword.result()
            fused = rrf_fusion(list(dense_of), kw_ids.tolist(), s)
        kw_of = dict(zip(kw_ids.tolist(), kw_scores.tolist()))
        return Ranking(fused, dense_of, kw_of)

    def _allowed(self, where: Where | None) -> np.ndarray | None:
        """The passage ids ``where`` leaves (from the record store's indexes), or None."""
        if where is None:
            return None
        ids = None if where.ids is None else np.unique(np.asarray(where.ids, dtype=np.int64))
        if where.publication is not None or where.since or where.until:
            found = self.index.docs.passage_ids_where(where.publication, where.since, where.until)
            found = np.asarray(found, dtype=np.int64)  # sorted, distinct: passage ids
            ids = found if ids is None else np.intersect1d(ids, found, assume_unique=True)
        return ids  # sorted and distinct, as the indexes take them (a paper's can be millions)

    def _diversify(self, order, fused, dense_of, kw_of, top_k) -> list[Hit]:
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
            kept.append(Hit(p, fused[pid], dense_of.get(pid, 0.0), kw_of.get(pid, 0.0)))
            if len(kept) == top_k:
                break
        return kept


_pool_lock = threading.Lock()
_keyword_pool: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """The threads that run keyword searches beside dense ones: one per core, made on first
    use and shared by every index a process loads (a reload leaves no threads behind)."""
    global _keyword_pool
    with _pool_lock:
        if _keyword_pool is None:
            _keyword_pool = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="bm25")
    return _keyword_pool


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
    """Weighted sum of min-max-normalised scores over the union of both candidate lists.

    ``kw_all`` holds every passage's BM25 score, zero outside a filter, so the keyword
    side is normalised by the best passage the filter leaves."""
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


def _covered(p: Passage, shown: list[Passage]) -> float:
    """Share of ``p``'s page span that the ``shown`` passages already cover."""
    taken = set()
    for q in shown:
        if q.source == p.source:
            taken.update(range(max(p.char_start, q.char_start), min(p.char_end, q.char_end)))
    return len(taken) / max(1, p.char_end - p.char_start)
