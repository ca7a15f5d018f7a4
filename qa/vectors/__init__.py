"""Vector indexes behind one narrow interface: train, add, search, count, reconstruct, save,
load.

Search code and tests talk to :class:`VectorIndex` only; each implementation is a module
of its own (``flat``: exact FAISS inner product; ``ivf``: FAISS IVF over 8-bit codes, for
large archives; ``milvus``: a Milvus collection, which also searches the keyword text and
fuses, with ``QA_BACKEND=milvus``), picked by name from the settings or from what a build
recorded, so another backend needs no change to the search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qa.errors import QAError
from qa.vectors.base import Ranking, VectorIndex, Where

KINDS = ("flat", "ivf", "milvus")


def choose_kind(n: int, settings: dict[str, Any]) -> str:
    """The kind a build of ``n`` passages gets: 'milvus' with BACKEND=milvus, else
    VECTOR_INDEX, or by size when 'auto'."""
    if settings.get("BACKEND") == "milvus":
        return "milvus"
    kind = settings.get("VECTOR_INDEX", "auto")
    if kind == "auto":
        return "ivf" if n >= int(settings.get("IVF_MIN_PASSAGES", 200_000)) else "flat"
    return kind


def make_vector_index(kind: str, dim: int, n: int = 0, settings: dict | None = None):
    """An empty index of ``kind`` for about ``n`` vectors of ``dim`` floats."""
    settings = settings or {}
    cls = vector_class(kind)
    if kind == "milvus":  # a new collection, named when it is created
        return cls.create(dim, settings)
    if kind == "ivf":
        from qa.vectors.ivf import default_nlist

        return cls(dim, nlist=int(settings.get("IVF_NLIST", 0)) or default_nlist(n))
    return cls(dim)


def load_vector_index(
    kind: str, folder: str | Path, settings: dict | None = None, mmap: bool = True
) -> VectorIndex:
    """The index of ``kind`` saved in ``folder``, set up for searching with ``settings``."""
    cls = vector_class(kind)
    if kind == "milvus":  # the collection the folder's manifest names, in the configured Milvus
        return cls.open(Path(folder), settings or {})
    index = cls.load(Path(folder), mmap=mmap)
    if kind == "ivf":
        index.nprobe = int((settings or {}).get("IVF_NPROBE", 384))
    return index


def vector_class(kind: str) -> type[VectorIndex]:
    """The class of ``kind`` (what it can do: ``appendable``, ``exact``), imported on first
    use: each backend's library loads only when a build or search needs it."""
    if kind == "flat":
        from qa.vectors.flat import FlatIndex

        return FlatIndex
    if kind == "ivf":
        from qa.vectors.ivf import IVFIndex

        return IVFIndex
    if kind == "milvus":
        from qa.vectors.milvus import MilvusIndex

        return MilvusIndex
    raise ValueError(f"unknown vector index {kind!r}; choose one of {', '.join(KINDS)}")


def streaming_index(dim: int, settings: dict[str, Any]) -> VectorIndex | None:
    """A new index that takes a build's passages as they stream in (with BACKEND=milvus, a
    new collection), or None: a FAISS kind is chosen by the final count, from a scratch file."""
    if settings.get("BACKEND") == "milvus":
        return make_vector_index("milvus", dim, 0, settings)
    return None


def require_backend(settings: dict[str, Any]) -> None:
    """Fail at start, naming the install command, when the backend's client is missing."""
    if settings.get("BACKEND") == "milvus":
        from qa.vectors.milvus import check_name, require_pymilvus

        require_pymilvus()
        check_name(settings["MILVUS_COLLECTION"])
        if settings["FUSION"] != "rrf" or settings["DENSE_WEIGHT"] != settings["KEYWORD_WEIGHT"]:
            raise QAError(
                "QA_BACKEND=milvus fuses dense and BM25 with RRF (QA_RRF_K) in Milvus: "
                "QA_FUSION=linear and unequal QA_DENSE_WEIGHT / QA_KEYWORD_WEIGHT work with "
                "QA_BACKEND=faiss only",
                code="bad_setting",
                status=400,
            )


__all__ = [
    "KINDS",
    "Ranking",
    "VectorIndex",
    "Where",
    "choose_kind",
    "load_vector_index",
    "make_vector_index",
    "require_backend",
    "streaming_index",
    "vector_class",
]
