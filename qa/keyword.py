"""Keyword index: jieba search-mode tokens scored with BM25 (bm25s), saved as plain files."""

from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
from pathlib import Path

import numpy as np

# Function words and question words carry no evidence about where an answer is.
STOPWORDS = frozenset(
    """的 了 是 在 和 与 及 或 也 都 就 而 并 被 把 对 从 向 为 以 于 之 其 这 那 这个 那个 该
    有 个 上 中 下 里 吗 呢 吧 啊 么 多少 哪些 什么 哪 哪个 哪里 哪儿 哪位 哪年 哪天 哪家 几 谁
    怎么 怎样 如何 为何 为什么 是否 是不是 请问 一共 总共 共 到底 还 又 等""".split()
)
_WORDISH = re.compile(r"\w", re.UNICODE)

_jieba_lock = threading.Lock()
_jieba = None


def _tokenizer():
    """One jieba tokenizer per process, created on first use (it loads a dictionary)."""
    global _jieba
    with _jieba_lock:
        if _jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            _jieba = tok
    return _jieba


def normalize(text: str) -> str:
    """Fold full-width forms to half-width and case to lower, so ＩＯＴ matches IOT."""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens without punctuation and stopwords."""
    return [
        t
        for t in _tokenizer().lcut_for_search(normalize(text))
        if t.strip() and _WORDISH.search(t) and t not in STOPWORDS
    ]


class KeywordIndex:
    """BM25 over passage tokens; ``scores`` gives every passage a score for a query."""

    def __init__(self, bm25=None):
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> KeywordIndex:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs each build at DEBUG
        bm25 = bm25s.BM25()
        bm25.index([tokenize(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(bm25)

    def save(self, folder: str | Path) -> None:
        self._bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: str | Path) -> KeywordIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), show_progress=False))

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        n = int(self._bm25.scores["num_docs"])
        ids = self._bm25.get_tokens_ids(query_tokens)
        if not ids:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores_from_ids(ids), dtype=np.float32)

    def top(self, query_tokens: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best passages with a positive score: ids and scores, best first.

        Ties keep passage order (as a stable sort of every score would), but only the
        best ``k`` are sorted: linear in the number of passages, not n log n.
        """
        return top_k(self.scores(query_tokens), k)

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Inverse document frequency of each token (unknown tokens count as rarest)."""
        n = int(self._bm25.scores["num_docs"])
        df = np.diff(self._bm25.scores["indptr"])
        out = {}
        for t in tokens:
            i = self._bm25.vocab_dict.get(t)
            d = int(df[i]) if i is not None and i < len(df) else 0
            out[t] = math.log(1 + (n - d + 0.5) / (d + 0.5))
        return out


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids and scores of the ``k`` best positive scores, best first, ties in id order."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k > 0:
        cut = np.partition(scores[positive], len(positive) - k)[len(positive) - k]
        above = positive[scores[positive] > cut]
        tied = positive[scores[positive] == cut][: k - len(above)]
        positive = np.sort(np.concatenate([above, tied]))
    elif k <= 0:
        positive = positive[:0]
    ids = positive[np.argsort(-scores[positive], kind="stable")]
    return ids.astype(np.int64), scores[ids].astype(np.float32)
