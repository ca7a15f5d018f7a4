"""Answer a question from a loaded index: retrieve candidates, then answer from them.

The request flows one way: the retriever (qa.retrieve) finds and fuses candidates; the
answer stage (qa.answer) reorders them, picks the answer and decides no_answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from qa.answer import ANSWER_POOL, Answer, Answerer
from qa.embed import Embedder
from qa.retrieve import Hit, Retriever
from qa.store import Index

__all__ = ["Answer", "Hit", "Result", "Searcher"]


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

    def search(self, question: str, top_k: int = 5) -> Result:
        t0 = time.perf_counter()
        depth = max(top_k, ANSWER_POOL, int(self.settings["RERANK_DEPTH"]))
        found = self._retriever.candidates(question, depth)
        out = self._answerer.answer(question, found.tokens, found.hits, top_k)
        took = (time.perf_counter() - t0) * 1000
        return Result(
            question,
            out.hits,
            out.answer,
            out.no_answer,
            out.evidence,
            took,
            out.confidence,
            out.signals,
        )
