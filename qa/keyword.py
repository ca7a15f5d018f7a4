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
