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


class FlatIndex(VectorIndex):
    kind = "flat"

    def __init__(self, dim: int, index: faiss.Index | None = None):
        super().__init__(dim)
        self._index = index if index is not None else faiss.IndexFlatIP(self.dim)

    def add(self, vectors: np.ndarray) -> None:
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim))

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(int(k), self.count())
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        scores, ids = self._index.search(q, k)
        keep = ids[0] >= 0  # FAISS pads with -1; callers never see it
        return ids[0][keep].astype(np.int64), scores[0][keep].astype(np.float32)

    def count(self) -> int:
        return int(self._index.ntotal)

    def vectors(self) -> np.ndarray:
        return self._index.reconstruct_n(0, self.count())

    def save(self, folder: Path) -> None:
        faiss.write_index(self._index, str(Path(folder) / FILE))

    @classmethod
    def load(cls, folder: Path) -> FlatIndex:
        index = faiss.read_index(str(Path(folder) / FILE))
        return cls(index.d, index)
