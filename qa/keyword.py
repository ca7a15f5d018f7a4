"""Keyword index: jieba search-mode tokens scored with BM25, postings memory-mapped from disk."""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sqlite3
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from qa.readonly import ReadOnlyDB

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
    with _jieba_lock:
        return _tokenizer_unlocked()


def _tokenizer_unlocked():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        _jieba = tok
    return _jieba


_pos = None


def pos_tags(text: str) -> list[tuple[str, str]]:
    """jieba's words with their part-of-speech tags (nr: a personal name), read with the same
    dictionary as ``tokenize`` (one tagger per process, made on first use)."""
    global _pos
    with _jieba_lock:
        if _pos is None:
            import jieba.posseg

            _pos = jieba.posseg.POSTokenizer(_tokenizer_unlocked())
    return [(p.word, p.flag) for p in _pos.cut(text)]


def words(text: str) -> list[str]:
    """jieba's words in accurate mode (光荣牌 stays one word), with the dictionary that
    ``tokenize`` uses; every character of ``text`` is in exactly one word."""
    return _tokenizer().lcut(text)


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
    """BM25 (Lucene's variant, k1 1.5, b 0.75) over jieba tokens, read from disk on demand.

    The postings are numpy files in segments (``seg-0000``...): each lists, token by token,
    the passages holding it and, per posting, a 16-bit code of how often the token occurs
    there and how long the passage is (``code``). A build writes one segment per
    SEGMENT_DOCS passages, so its memory does not grow with the archive; adding pages adds
    segments and leaves the old ones as they are. Document frequencies and the total length
    are kept apart from the segments, and a query turns codes into BM25 weights through a
    table made from the current average length and each token's IDF, so appended passages
    change every score as a rebuild would, and a posting costs a table look-up and an add
    (no per-passage arithmetic, no random reads of passage lengths). Loading maps the files
    (nothing is read until a query needs it); the vocabulary is an SQLite table looked up
    per query.

    Files in the folder: ``meta.json``, ``vocab.sqlite`` (token, id), ``df.npy``,
    ``doclen.npy`` and per segment ``indptr.npy``, ``docs.npy``, ``codes.npy``.
    """

    K1 = 1.5
    B = 0.75

    def __init__(self, folder: Path, meta: dict, df, doclen, segments, vocab):
        self.folder = folder
        self.meta = meta
        self._df = df
        self._doclen = doclen
        self._segments = segments  # [(indptr, docs, codes)]
        self._vocab = vocab  # a _Vocab (sqlite) or a dict while building
        self._avgdl = float(meta["total_len"]) / max(1, int(meta["docs"]))
        self._weights = _weight_table(self.K1, self.B, self._avgdl)

    @property
    def count(self) -> int:
        return int(self.meta["docs"])

    @classmethod
    def build(cls, texts: Iterable[str], folder: str | Path) -> KeywordIndex:
        """Write an index of ``texts`` (in passage order) into ``folder`` and load it."""
        writer = KeywordWriter(folder)
        for text in texts:
            writer.add(tokenize(text))
        writer.close()
        return cls.load(folder)

    @classmethod
    def load(cls, folder: str | Path) -> KeywordIndex:
        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"keyword index format {meta.get('format')}, need {FORMAT}")
        segments = [
            tuple(_mapped(folder / name / f"{part}.npy") for part in _PARTS)
            for name in meta["segments"]
        ]
        df = _mapped(folder / "df.npy")
        doclen = _mapped(folder / "doclen.npy")
        if len(doclen) != int(meta["docs"]):
            raise ValueError("keyword index: passage lengths and count disagree")
        return cls(folder, meta, df, doclen, segments, _Vocab(folder / "vocab.sqlite"))

    def _ids(self, tokens: list[str]) -> list[int]:
        """Vocabulary ids of the known tokens, repeats kept (a repeated word counts twice)."""
        known = self._vocab.ids(set(tokens))
        return [known[t] for t in tokens if t in known]

    def scores(self, query_tokens: list[str], allowed: np.ndarray | None = None) -> np.ndarray:
        """Every passage's BM25 score for the query (zeros where no token matches and, with
        ``allowed`` (ids), outside those passages)."""
        n = self.count
        out = np.zeros(n, dtype=np.float32)
        for t in self._ids(query_tokens):
            weights = self._weights * np.float32(_idf(n, int(self._df[t])))
            for indptr, docs, codes in self._segments:
                if t + 1 >= len(indptr):
                    continue  # the token first appeared in a later segment
                lo, hi = int(indptr[t]), int(indptr[t + 1])
                if lo < hi:  # one posting per passage and token: no repeats within a slice
                    np.add.at(out, docs[lo:hi], weights[codes[lo:hi]])
        if allowed is not None:
            keep = np.zeros(n, dtype=bool)
            keep[np.asarray(allowed, dtype=np.int64)] = True
            out[~keep] = 0
        return out

    def top(
        self, query_tokens: list[str], k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best passages with a positive score: ids and scores, best first.

        Ties keep passage order (as a stable sort of every score would), but only the
        best ``k`` are sorted: linear in the number of passages, not n log n. With
        ``allowed`` (ids), only those passages are candidates.
        """
        return top_k(self.scores(query_tokens, allowed), k)

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Inverse document frequency of each token (unknown tokens count as rarest)."""
        n = self.count
        known = self._vocab.ids(set(tokens))
        return {t: _idf(n, int(self._df[known[t]]) if t in known else 0) for t in tokens}

    def append(self, texts: Iterable[str]) -> None:
        """Add passages after the last one (a new segment); the folder is rewritten in place."""
        writer = KeywordWriter(self.folder, base=self)
        for text in texts:
            writer.add(tokenize(text))
        writer.close()


FORMAT = 3
SEGMENT_DOCS = 250_000  # passages per segment: bounds a build's memory, not the archive
_PARTS = ("indptr", "docs", "codes")
# A posting's code: the token's count in the passage (6 bits) over the passage's length in
# tokens (10 bits). Passages are a few sentences (the longest seed passage has under 200
# tokens), so both fit; a longer one counts as 1,023 tokens, a count above 63 as 63.
TF_BITS, LEN_BITS = 6, 10
MAX_TF, MAX_LEN = (1 << TF_BITS) - 1, (1 << LEN_BITS) - 1
EMPTY = "\u2205"  # a passage without a word still counts, as one token


def _mapped(path: Path) -> np.ndarray:
    """A .npy file mapped read-only, as a plain array: a ``np.memmap`` costs ~15 µs of
    Python per slice, and a query takes hundreds of slices."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def _code(tf: int, length: int) -> int:
    return (min(tf, MAX_TF) << LEN_BITS) | min(length, MAX_LEN)


def _weight_table(k1: float, b: float, avgdl: float) -> np.ndarray:
    """BM25's term-frequency part for every code: tf / (tf + k1·(1 - b + b·len/avgdl))."""
    tf = np.arange(MAX_TF + 1, dtype=np.float32)[:, None]
    length = np.arange(MAX_LEN + 1, dtype=np.float32)[None, :]
    norm = k1 * ((1 - b) + b * length / np.float32(max(avgdl, 1e-9)))
    return (tf / (norm + tf)).astype(np.float32).ravel()


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


class _Vocab:
    """Token ids in SQLite: a query looks up its few tokens; nothing is loaded up front."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise FileNotFoundError(f"no vocabulary {path.name}")
        self._file = ReadOnlyDB(path)
        self.ids({EMPTY})  # a damaged file fails now, not in a query

    def ids(self, tokens: set[str]) -> dict[str, int]:
        return self._file.lookup("SELECT token, id FROM vocab WHERE token IN ({marks})", tokens)


class KeywordWriter:
    """Streams passages' tokens into segments; ``close`` writes the shared files.

    With ``base`` (a loaded index in the same folder) it appends after that index's
    passages, keeping its segments and vocabulary ids.
    """

    def __init__(self, folder: str | Path, base: KeywordIndex | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.folder / "vocab.sqlite")
        self._db.execute("CREATE TABLE IF NOT EXISTS vocab (token TEXT PRIMARY KEY, id INTEGER)")
        if base is not None:
            self.segments = list(base.meta["segments"])
            self.df = np.array(base._df, dtype=np.int64).tolist()
            self.doclen = array("i", np.asarray(base._doclen, dtype=np.int32).tobytes())
            self.total = int(base.meta["total_len"])
        else:
            self.segments, self.df, self.doclen, self.total = [], [], array("i"), 0
        self._new_vocab: dict[str, int] = {}
        self._start_segment()

    def _start_segment(self) -> None:
        self._first = len(self.doclen)
        self._tok, self._doc, self._code = array("i"), array("i"), array("H")

    def _id(self, token: str) -> int:
        i = self._new_vocab.get(token)
        if i is None:
            row = self._db.execute("SELECT id FROM vocab WHERE token = ?", (token,)).fetchone()
            if row is None:
                i = len(self.df)
                self.df.append(0)
                self._db.execute("INSERT INTO vocab VALUES (?, ?)", (token, i))
            else:
                i = row[0]
            self._new_vocab[token] = i
        return i

    def add(self, tokens: list[str]) -> None:
        """The next passage's tokens (as ``tokenize`` gives them)."""
        tokens = tokens or [EMPTY]
        doc = len(self.doclen)
        self.doclen.append(len(tokens))
        self.total += len(tokens)
        for token, tf in Counter(tokens).items():
            t = self._id(token)
            self.df[t] += 1
            self._tok.append(t)
            self._doc.append(doc)
            self._code.append(_code(tf, len(tokens)))
        if doc + 1 - self._first >= SEGMENT_DOCS:
            self._flush()

    def _flush(self) -> None:
        if len(self.doclen) == self._first:
            return
        tok = np.frombuffer(self._tok, dtype=np.int32)
        order = np.argsort(tok, kind="stable")  # by token, passages in order within one
        indptr = np.zeros(len(self.df) + 1, dtype=np.int64)
        np.cumsum(np.bincount(tok, minlength=len(self.df)), out=indptr[1:])
        name = f"seg-{len(self.segments):04d}"
        (self.folder / name).mkdir()
        np.save(self.folder / name / "indptr.npy", indptr)
        np.save(self.folder / name / "docs.npy", np.frombuffer(self._doc, dtype=np.int32)[order])
        np.save(self.folder / name / "codes.npy", np.frombuffer(self._code, dtype=np.uint16)[order])
        self.segments.append(name)
        del tok, order
        self._start_segment()

    def close(self) -> None:
        self._flush()
        self._db.commit()
        self._db.close()
        np.save(self.folder / "df.npy", np.asarray(self.df, dtype=np.int32))
        np.save(self.folder / "doclen.npy", np.frombuffer(self.doclen, dtype=np.int32))
        meta = {
            "format": FORMAT,
            "docs": len(self.doclen),
            "total_len": self.total,
            "segments": self.segments,
            "k1": KeywordIndex.K1,
            "b": KeywordIndex.B,
        }
        tmp = self.folder / "meta.json.tmp"
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, self.folder / "meta.json")


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids and scores of the ``k`` best positive scores, best first, ties in id order.

    Linear and exact: a strided sample's best scores give a floor that at least ``k``
    scores reach, so only the scores above it (a few hundred, not a million) are
    partitioned; when the floor lets fewer than ``k`` through, every positive score is.
    """
    if k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    floor = _sampled_floor(scores, k)
    keep = np.flatnonzero(scores >= floor) if floor > 0 else np.zeros(0, dtype=np.int64)
    if len(keep) < k:
        keep = np.flatnonzero(scores > 0)
    if len(keep) > k:
        values = scores[keep]
        cut = np.partition(values, len(keep) - k)[len(keep) - k]
        above = keep[values > cut]
        tied = keep[values == cut][: k - len(above)]
        keep = np.sort(np.concatenate([above, tied]))
    ids = keep[np.argsort(-scores[keep], kind="stable")]
    return ids.astype(np.int64), scores[ids].astype(np.float32)


SAMPLE_STRIDE = 64


def _sampled_floor(scores: np.ndarray, k: int) -> float:
    """A score that, by a 1-in-SAMPLE_STRIDE sample, about 2k of ``scores`` reach (0 when
    the sample is too small to tell)."""
    sample = scores[::SAMPLE_STRIDE]
    want = 2 * k // SAMPLE_STRIDE + 8
    if len(sample) <= want:
        return 0.0
    return float(np.partition(sample, len(sample) - want)[len(sample) - want])
