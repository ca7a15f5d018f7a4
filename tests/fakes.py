"""Test doubles that run the real code around them: an embedder of deterministic random vectors.

A build, a store, the API's shapes and the settings need vectors, not meaning: these come
from a hash of the text, so the same text always gets the same unit vector, and nothing
loads a model.
"""

from __future__ import annotations

import hashlib

import numpy as np

FAKE_MODEL = "test/random-vectors"


class RandomEmbedder:
    """Deterministic random unit vectors by text; the interface of qa.embed.Embedder."""

    model = FAKE_MODEL
    engine = "fake"

    def __init__(self, dim: int = 32):
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8", "replace")).digest()[:8], "big")
        v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector("query: " + t) for t in texts]).reshape(-1, self.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector("passage: " + t) for t in texts]).reshape(-1, self.dim)
