"""The vector-index interface every backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np


class VectorIndex(ABC):
    """Passage vectors by id (0, 1, 2... in the order added); inner-product search.

    Vectors are L2-normalised float32 rows, so a score is a cosine similarity.
    """

    kind: str

    def __init__(self, dim: int):
        self.dim = int(dim)

    @abstractmethod
    def add(self, vectors: np.ndarray) -> None:
        """Append rows; they get the next ids in order."""

    @abstractmethod
    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best ids (int64) and scores (float32) for one query, best first.

        Fewer than ``k`` when the index holds fewer; never a placeholder id.
        """

    @abstractmethod
    def count(self) -> int:
        """How many vectors the index holds."""

    @abstractmethod
    def vectors(self) -> np.ndarray:
        """Every vector back, in id order (a rebuild reuses them)."""

    @abstractmethod
    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (which exists)."""

    @classmethod
    @abstractmethod
    def load(cls, folder: Path) -> VectorIndex:
        """Read an index that ``save`` wrote into ``folder``."""
