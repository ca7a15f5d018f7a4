"""Approximate search for large archives: FAISS IVF with 8-bit scalar-quantised vectors.

The vectors are split into ``nlist`` clusters (k-means on a sample); a query scans the
``nprobe`` clusters nearest to it, comparing 8-bit codes (a quarter of float32's memory).
Measured in ``bench/scale.py``; the settings are IVF_NLIST and IVF_NPROBE.
"""

from __future__ import annotations

import contextlib
import math
import os

import faiss
import numpy as np

from qa.vectors.flat import FaissIndex

TRAIN_PER_LIST = 40  # k-means wants at least ~39 points per centroid


def default_nlist(n: int) -> int:
    """About 4·√n clusters, the usual choice: 4,000 for a million vectors."""
    return max(16, int(4 * math.sqrt(max(n, 1))))


class IVFIndex(FaissIndex):
    kind = "ivf"
    exact = False

    def __init__(self, dim: int, index: faiss.Index | None = None, nlist: int = 1024):
        if index is None:
            quantizer = faiss.IndexFlatIP(int(dim))
            index = faiss.IndexIVFScalarQuantizer(
                quantizer,
                int(dim),
                int(nlist),
                faiss.ScalarQuantizer.QT_8bit,
                faiss.METRIC_INNER_PRODUCT,
            )
        super().__init__(dim, index)
        self._ivf = faiss.extract_index_ivf(self._index)

    @property
    def nlist(self) -> int:
        return int(self._ivf.nlist)

    @property
    def nprobe(self) -> int:
        return int(self._ivf.nprobe)

    @nprobe.setter
    def nprobe(self, value: int) -> None:
        self._ivf.nprobe = max(1, min(int(value), self.nlist))

    def _params(self, sel):
        return faiss.SearchParametersIVF(sel=sel, nprobe=self.nprobe)

    @property
    def needs_training(self) -> bool:
        return not self._index.is_trained

    def train(self, sample: np.ndarray) -> None:
        with _all_cores():
            self._index.train(np.ascontiguousarray(sample, dtype=np.float32))

    def add(self, vectors: np.ndarray) -> None:
        with _all_cores():  # assigning vectors to clusters is a matrix product
            super().add(vectors)

    def _before_reconstruct(self) -> None:
        if self._ivf.direct_map.type == faiss.DirectMap.NoMap:
            self._ivf.make_direct_map()  # ids -> (list, offset); built once, on first use


@contextlib.contextmanager
def _all_cores():
    """Training and adding (a build's work) use every core; a search keeps to one."""
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(1)
