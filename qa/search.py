"""Answer a question from a loaded index: retrieve candidates, then answer from them.

The request flows one way: the retriever (qa.retrieve) finds and fuses candidates; the
answer stage (qa.answer) reorders them, picks the answer and decides no_answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from qa.answer import ANSWER_POOL, Answer, Answerer, find_spans, highlight_terms
from qa.embed import Embedder
from qa.retrieve import Hit, Retriever
from qa.store import Index
from qa.vectors import Where

__all__ = ["Answer", "Hit", "Result", "Searcher", "Where"]


@dataclass
class Result:
    question: str
    hits: list[Hit]
    answer: Answer | None
    no_answer: bool
    evidence: float
    took_ms: float
    confidence: float = 0.0
    signals: dict[str, float] | None = None
    offset: int = 0
    next_offset: int | None = None  # where the next page of hits starts; None: no more


class Searcher:
    """Searches one loaded index with one embedder; both are read-only, so thread-safe."""

    def __init__(self, index: Index, embedder: Embedder, settings: dict[str, Any]):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._retriever = Retriever(index, embedder, settings)
        self._answerer = Answerer(index, settings)

    @property
    def calibrated(self) -> bool:
        """Whether ``confidence`` is a calibrated probability (else an evidence score)."""
        return self._answerer.calibration is not None

    def search(
        self, question: str, top_k: int = 5, *, where: Where | None = None, offset: int = 0
    ) -> Result:
        """The hits ``[offset, offset + top_k)`` among those ``where`` leaves, and the answer.

        The answer-aware rerank orders the first RERANK_DEPTH passages, the rest follow in
        fused order; the answer and no_answer come from those first passages, so every page
        of one question shows the same answer.
        """
        t0 = time.perf_counter()
        head_size = max(ANSWER_POOL, int(self.settings["RERANK_DEPTH"]))
        end = offset + top_k
        # One passage past the page says whether another page exists.
        found = self._retriever.candidates(question, max(head_size, end + 1), where=where)
        head, tail = found.hits[:head_size], found.hits[head_size:]
        out = self._answerer.answer(question, found.tokens, head, min(end, len(head)))
        ranked = out.hits + self._tail(question, head, tail, end - len(out.hits))
        took = (time.perf_counter() - t0) * 1000
        return Result(
            question,
            ranked[offset:end],
            out.answer,
            out.no_answer or not head,
            out.evidence,
            took,
            out.confidence,
            out.signals,
            offset,
            end if len(found.hits) > end else None,
        )

    def _tail(self, question, head, tail, n) -> list[Hit]:
        """The first ``n`` passages past the reranked head, highlighted, their scores on
        the rerank's scale (a fused score over the best one's) so they read as lower."""
        if n <= 0:
            return []
        top = (head[0].score if head else 1.0) or 1.0
        scale = top if float(self.settings["RERANK_WEIGHT"]) > 0 else 1.0
        terms = highlight_terms(question)
        return [
            Hit(h.passage, h.score / scale, h.dense, h.keyword, find_spans(h.passage.text, terms))
            for h in tail[:n]
        ]
