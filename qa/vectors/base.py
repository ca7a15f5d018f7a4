"""The vector-index interface every backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np


class VectorIndex(ABC):
    """Passage vectors by id (0, 1, 2... in the order added); inner-product search.

    Vectors are L2-normalised float32 rows, so a score is a cosine similarity. An index
    that learns from the data (an approximate one) is trained on a sample before the
    first ``add``; ``needs_training`` says whether it still has to be.
    """

    kind: str
    exact: bool = True  # whether ``reconstruct`` gives back the vectors exactly as added

    def __init__(self, dim: int):
        self.dim = int(dim)

    @property
    def needs_training(self) -> bool:
        return False

    def train(self, sample: np.ndarray) -> None:  # noqa: B027 - most indexes learn nothing
        """Learn from a sample of the vectors to come (approximate indexes only)."""

    @abstractmethod
    def add(self, vectors: np.ndarray) -> None:
        """Append rows; they get the next ids in order."""

    @abstractmethod
    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best ids (int64) and scores (float32) for one query, best first.

        Fewer than ``k`` when the index holds fewer; never a placeholder id. With
        ``allowed`` (sorted ids, e.g. of one paper's passages), only those are candidates.
        """

    @abstractmethod
    def count(self) -> int:
        """How many vectors the index holds."""

    @abstractmethod
    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        """The vectors of ``ids`` (a rebuild reuses them); approximate unless ``exact``."""

    @abstractmethod
    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (which exists)."""

    @classmethod
    @abstractmethod
    def load(cls, folder: Path, mmap: bool = True) -> VectorIndex:
        """Read an index that ``save`` wrote into ``folder``; with ``mmap`` the file is
        mapped read-only (nothing read until searched), else read into memory (to add)."""
