"""Vector indexes behind one narrow interface: add, search, count, vectors, save, load.

Search code and tests talk to :class:`VectorIndex` only; each implementation is a module
of its own (``flat``: exact FAISS inner product), picked by name from the settings or
from what a build recorded, so a second backend needs no change to the search.
"""

from __future__ import annotations

from pathlib import Path

from qa.vectors.base import VectorIndex

KINDS = ("flat",)


def make_vector_index(kind: str, dim: int) -> VectorIndex:
    """An empty index of ``kind`` for vectors of ``dim`` floats."""
    return _class(kind)(dim)


def load_vector_index(kind: str, folder: str | Path) -> VectorIndex:
    """The index of ``kind`` saved in ``folder``."""
    return _class(kind).load(Path(folder))


def _class(kind: str) -> type[VectorIndex]:
    if kind == "flat":
        from qa.vectors.flat import FlatIndex

        return FlatIndex
    raise ValueError(f"unknown vector index {kind!r}; choose one of {', '.join(KINDS)}")


__all__ = ["KINDS", "VectorIndex", "load_vector_index", "make_vector_index"]
