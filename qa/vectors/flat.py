"""Exact search: FAISS ``IndexFlatIP`` over normalised vectors (``dense.faiss``)."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from qa.vectors.base import VectorIndex

FILE = "dense.faiss"

# One query against a flat index is a single matrix-vector product: FAISS's own OpenMP
# team gains nothing there and its idle threads spin against the embedding engine's.
faiss.omp_set_num_threads(1)


class FaissIndex(VectorIndex):
    """What every FAISS-backed kind shares: search, count, save and a mapped load."""

    def __init__(self, dim: int, index: faiss.Index):
        super().__init__(dim)
        self._index = index

    def add(self, vectors: np.ndarray) -> None:
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim))

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        k = min(int(k), self.count() if allowed is None else len(allowed))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        if allowed is None:
            scores, ids = self._index.search(q, k)
        else:  # a filter: only these ids are scored (FAISS skips the rest as it scans)
            sel = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            scores, ids = self._index.search(q, k, params=self._params(sel))
        keep = ids[0] >= 0  # FAISS pads with -1; callers never see it
        return ids[0][keep].astype(np.int64), scores[0][keep].astype(np.float32)

    def _params(self, sel):
        return faiss.SearchParameters(sel=sel)

    def count(self) -> int:
        return int(self._index.ntotal)

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros((0, self.dim), dtype=np.float32)
        self._before_reconstruct()
        return self._index.reconstruct_batch(ids)

    def _before_reconstruct(self) -> None:
        """What a kind must set up before its vectors can be read back by id."""

    def save(self, folder: Path) -> None:
        faiss.write_index(self._index, str(Path(folder) / FILE))

    @classmethod
    def load(cls, folder: Path, mmap: bool = True):
        # IO_FLAG_MMAP_IFC maps the codes and inverted lists in place: loading is instant
        # and memory holds only what searches touch (the OS may drop it again).
        flags = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY if mmap else 0
        index = faiss.read_index(str(Path(folder) / FILE), flags)
        return cls(index.d, index)


class FlatIndex(FaissIndex):
    kind = "flat"
    exact = True

    def __init__(self, dim: int, index: faiss.Index | None = None):
        super().__init__(dim, index if index is not None else faiss.IndexFlatIP(int(dim)))
