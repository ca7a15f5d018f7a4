"""Vector indexes behind one narrow interface: train, add, search, count, reconstruct, save,
load.

Search code and tests talk to :class:`VectorIndex` only; each implementation is a module
of its own (``flat``: exact FAISS inner product; ``ivf``: FAISS IVF over 8-bit codes, for
large archives), picked by name from the settings or from what a build recorded, so
another backend needs no change to the search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qa.vectors.base import VectorIndex

KINDS = ("flat", "ivf")


def choose_kind(n: int, settings: dict[str, Any]) -> str:
    """The kind a build of ``n`` passages gets: VECTOR_INDEX, or by size when 'auto'."""
    kind = settings.get("VECTOR_INDEX", "auto")
    if kind == "auto":
        return "ivf" if n >= int(settings.get("IVF_MIN_PASSAGES", 200_000)) else "flat"
    return kind


def make_vector_index(kind: str, dim: int, n: int = 0, settings: dict | None = None):
    """An empty index of ``kind`` for about ``n`` vectors of ``dim`` floats."""
    settings = settings or {}
    if kind == "ivf":
        from qa.vectors.ivf import IVFIndex, default_nlist

        nlist = int(settings.get("IVF_NLIST", 0)) or default_nlist(n)
        return IVFIndex(dim, nlist=nlist)
    return _class(kind)(dim)


def load_vector_index(
    kind: str, folder: str | Path, settings: dict | None = None, mmap: bool = True
) -> VectorIndex:
    """The index of ``kind`` saved in ``folder``, set up for searching with ``settings``."""
    index = _class(kind).load(Path(folder), mmap=mmap)
    if kind == "ivf":
        index.nprobe = int((settings or {}).get("IVF_NPROBE", 384))
    return index


def _class(kind: str) -> type[VectorIndex]:
    if kind == "flat":
        from qa.vectors.flat import FlatIndex

        return FlatIndex
    if kind == "ivf":
        from qa.vectors.ivf import IVFIndex

        return IVFIndex
    raise ValueError(f"unknown vector index {kind!r}; choose one of {', '.join(KINDS)}")


__all__ = ["KINDS", "VectorIndex", "choose_kind", "load_vector_index", "make_vector_index"]
