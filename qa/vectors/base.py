"""The vector-index interface every backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Where:
    """A filter on passages: their article's paper, issue dates in [since, until] (ISO
    dates; '' is open), and/or explicit passage ids. None means no condition."""

    publication: str | None = None
    since: str = ""
    until: str = ""
    ids: list[int] | None = None


@dataclass
class Ranking:
    """One question's fused candidates: passage id -> fused score (best first when sorted),
    and each candidate's dense (cosine) and keyword (BM25) score where it has one."""

    fused: dict[int, float]
    dense: dict[int, float]
    keyword: dict[int, float]


class VectorIndex(ABC):
    """Passage vectors by id (0, 1, 2... in the order added); inner-product search.

    Vectors are L2-normalised float32 rows, so a score is a cosine similarity. An index
    that learns from the data (an approximate one) is trained on a sample before the
    first ``add``; ``needs_training`` says whether it still has to be.
    """

    kind: str
    exact: bool = True  # whether ``reconstruct`` gives back the vectors exactly as added
    appendable: bool = True  # whether a build may add a day's pages to a copy of it
    hybrid: bool = False  # whether it also searches the keyword text and fuses (``rank``)

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

    def add_passages(
        self, vectors: np.ndarray, passages: list, articles: list, tokens: list[list[str]]
    ) -> None:
        """Append a page's passages (with their articles and each one's keyword tokens, as
        the keyword index got them); most kinds keep only the vectors."""
        self.add(vectors)

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

    def rank(
        self, question: str, qvec: np.ndarray, tokens: list[str], k: int, where: Where | None
    ) -> Ranking:
        """Dense and keyword candidates (``k`` of each), fused: a hybrid index only."""
        raise NotImplementedError(f"the {self.kind} index searches vectors only")

    def location(self) -> dict[str, Any]:
        """What a build's manifest records to find the index besides its folder."""
        return {}

    def publish(self) -> None:  # noqa: B027 - an index in the build folder is served with it
        """The build is complete and about to become current: make it what is served."""

    def discard(self) -> None:  # noqa: B027 - the build folder is removed with it
        """The build failed: remove what it wrote outside its folder."""

    def retain(self, keep: set[str]) -> None:  # noqa: B027 - old folders are pruned with it
        """Remove older builds' data outside their folders, but what ``keep`` names."""
