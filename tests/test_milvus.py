"""The Milvus backend end to end on Milvus Lite: embedded (a .db path) and through its local
gRPC server in a process of its own. Build, ask, filters, rebuilds while serving, a failed
build, the alias and the dropping of old collections; the same questions as the faiss
backend, and (with the real model) the same quality."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pymilvus")

from qa.build import build_index  # noqa: E402
from qa.errors import BackendUnavailable, BuildError, QAError  # noqa: E402
from qa.keyword import tokenize  # noqa: E402
from qa.retrieve import Retriever  # noqa: E402
from qa.service import Service  # noqa: E402
from qa.settings import load_settings  # noqa: E402
from qa.store import current_build, load_index  # noqa: E402
from qa.vectors import Where  # noqa: E402
from qa.vectors.milvus import connect, disconnect, expression  # noqa: E402
from qa.web.app import create_app  # noqa: E402
from tests.conftest import EVAL, SEEDS, FailAfter, build_seeds  # noqa: E402

QUESTIONS = [
    "魏桥的两家单位一起申建的省级实验室叫什么名字？",
    "张店区光荣牌应挂多少户？",
    "滨州学院新校区什么时候投入使用？",
    "市中心医院和哪家集团合作？",
]


def _settings(root: Path, **extra) -> dict:
    values = {"SEEDS_DIR": str(SEEDS), "INDEX_DIR": str(root / "index"), "BACKEND": "milvus"}
    return load_settings({**values, **extra}, environ={})


@pytest.fixture(scope="module")
def grpc_uri(tmp_path_factory):
    """Milvus Lite's own gRPC server, in a process of its own: the network path."""
    data = tmp_path_factory.mktemp("milvus-server")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "import sys; from milvus_lite.cmdline import main; sys.exit(main())"
    args = ["server", "--data-dir", str(data / "data"), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"milvus-lite server did not start: {proc.stderr.read()!r}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(10)


@pytest.fixture(params=["embedded", "grpc"])
def milvus(request, tmp_path):
    """Settings for a Milvus backend: Lite in the index folder, or the gRPC server (a
    collection name of its own per test, as two archives on one server would have)."""
    if request.param == "embedded":
        settings = _settings(tmp_path)
    else:
        uri = request.getfixturevalue("grpc_uri")
        name = f"qa_{request.node.name.split('[')[0][-20:]}_{tmp_path.name[-6:]}".replace("-", "_")
        settings = _settings(tmp_path, MILVUS_URI=uri, MILVUS_COLLECTION=name)
    yield settings
    disconnect(settings)


@pytest.fixture(scope="module")
def built(tmp_path_factory, fake_embedder):
    """The seeds built once on embedded Lite with random vectors, and once with faiss."""
    root = tmp_path_factory.mktemp("milvus-seeds")
    settings = _settings(root)
    build_index(settings, fake_embedder)
    faiss_root = build_seeds(root / "faiss", fake_embedder)
    yield settings, faiss_root
    disconnect(settings)


def _ids(index, hits) -> list[int]:
    return [h.passage.id for h in hits]


def _our_collections(settings) -> list[str]:
    prefix = settings["MILVUS_COLLECTION"] + "_"
    return sorted(c for c in connect(settings).list_collections() if c.startswith(prefix))


def _served(settings) -> str:
    return connect(settings).describe_alias(settings["MILVUS_COLLECTION"])["collection_name"]


def test_build_ask_and_filter(milvus, fake_embedder):
    """A build writes a collection, the alias names it, and the API answers from it."""
    manifest = build_index(milvus, fake_embedder)
    assert manifest["vectors"] == "milvus"
    assert _served(milvus) == manifest["collection"]
    assert _our_collections(milvus) == [manifest["collection"]]
    index = load_index(milvus["INDEX_DIR"], fake_embedder.model, milvus)
    assert index.dense.count() == manifest["counts"]["passages"] == len(index.passages)
    client = create_app(
        {**milvus, "TESTING": True}, service=Service(milvus, fake_embedder)
    ).test_client()
    res = client.post("/api/ask", json={"question": QUESTIONS[1], "top_k": 3})
    assert res.status_code == 200, res.get_json()
    body = res.get_json()
    assert len(body["passages"]) == 3 and "31904" in body["passages"][0]["text"]
    # Filters run in Milvus: only the paper asked for, only the issue dates asked for.
    retriever = Retriever(index, fake_embedder, milvus)
    paper = index.articles[index.passages[0].article_id].publication
    assert paper  # the seeds' catalogue names the paper of page 001
    hits = retriever.candidates(QUESTIONS[0], 10, where=Where(publication=paper)).hits
    assert hits and all(index.articles[h.passage.article_id].publication == paper for h in hits)
    assert not retriever.candidates(QUESTIONS[0], 10, where=Where(publication="没有")).hits
    assert not retriever.candidates(QUESTIONS[0], 10, where=Where(since="2999-01-01")).hits


def test_the_same_candidates_as_the_faiss_backend(built, fake_embedder):
    """Same vectors, the same tokens for BM25: the fused lists agree but for BM25's
    per-segment statistics (and tie order)."""
    settings, faiss_root = built
    milvus = load_index(settings["INDEX_DIR"], fake_embedder.model, settings)
    faiss = load_index(faiss_root, fake_embedder.model)
    for q in QUESTIONS:
        a = _ids(milvus, Retriever(milvus, fake_embedder, settings).candidates(q, 5).hits)
        b = _ids(faiss, Retriever(faiss, fake_embedder, settings).candidates(q, 5).hits)
        assert a[0] == b[0] and len(set(a) & set(b)) >= 4, q
        found = Retriever(milvus, fake_embedder, settings).candidates(q, 5).hits
        vec = fake_embedder.queries([q])[0]
        for h in found:  # the dense score is the exact cosine
            want = float(faiss.dense.reconstruct([h.passage.id])[0] @ vec)
            assert h.dense == pytest.approx(want, abs=1e-5)


def test_a_keyword_score_exactly_where_bm25_found_the_passage(built, fake_embedder):
    """Milvus returns fused scores only: the BM25 route's share is positive exactly for
    the passages Milvus's own BM25 search returns."""
    settings, _ = built
    index = load_index(settings["INDEX_DIR"], fake_embedder.model, settings)
    for q in QUESTIONS:
        tokens = tokenize(q)
        found = index.dense.rank(q, fake_embedder.queries([q])[0], tokens, 20, None)
        bm25 = connect(settings).search(
            index.dense.collection,
            data=[" ".join(tokens)],
            anns_field="sparse",
            search_params={"metric_type": "BM25"},
            limit=20,
        )[0]
        assert set(found.keyword) == {int(h["pid"]) for h in bm25}, q
        assert len(found.keyword) < len(found.fused)  # some came from the dense route only


def test_filters_match_the_record_store(built, fake_embedder):
    """Milvus's filter expressions leave exactly the passages the record store's do."""
    settings, _ = built
    index = load_index(settings["INDEX_DIR"], fake_embedder.model, settings)
    paper = index.articles[index.passages[0].article_id].publication
    qvec = fake_embedder.queries(["经济"])[0]
    allowed = index.docs.passage_ids_where(publication=paper)
    ids, _ = index.dense.search(qvec, len(index.passages), allowed)
    assert sorted(ids.tolist()) == allowed
    some = allowed[:3]
    hits = Retriever(index, fake_embedder, settings).candidates("经济", 10, allowed=some).hits
    assert {h.passage.id for h in hits} <= set(some)


@pytest.mark.parametrize(
    "value", ['滨州"日报', "a\\b", "x' or 1==1 or '", 'x" or pid >= 0 or "', "第\n版", "\t"]
)
def test_hostile_filter_values_are_literals(built, fake_embedder, value):
    """A quote, backslash or line end in a filter value never changes the expression."""
    settings, _ = built
    index = load_index(settings["INDEX_DIR"], fake_embedder.model, settings)
    where = Where(publication=value, since=value)
    assert expression(where).count(" and ") == 1
    assert not Retriever(index, fake_embedder, settings).candidates("经济", 5, where=where).hits


def test_rebuilds_while_serving_and_old_collections_dropped(milvus, fake_embedder):
    """Clients keep getting answers while builds replace the collection; the service then
    serves the new one; a build keeps the rollback copy's collection and drops older ones."""
    first = build_index(milvus, fake_embedder)["collection"]
    service = Service(milvus, fake_embedder)
    service.searcher()
    errors, answers = [], []
    stop = threading.Event()

    def ask():
        while not stop.is_set():
            try:
                answers.append(service.searcher().search(QUESTIONS[0], 3).hits[0].passage.text)
            except Exception as exc:  # noqa: BLE001 - the test counts them
                errors.append(exc)

    clients = [threading.Thread(target=ask) for _ in range(3)]
    for t in clients:
        t.start()
    try:
        second = build_index(milvus, fake_embedder)
        service.wait_for_reload(30)
        service.searcher()
        service.wait_for_reload(30)
    finally:
        stop.set()
        for t in clients:
            t.join(30)
    assert errors == [] and answers and len(set(answers)) == 1
    assert second["counts"]["reused_vectors"] == second["counts"]["passages"]  # from Milvus
    assert service.searcher().index.manifest["collection"] == second["collection"]
    assert _our_collections(milvus) == sorted([first, second["collection"]])
    third = build_index(milvus, fake_embedder)["collection"]
    assert _our_collections(milvus) == sorted([second["collection"], third])
    assert _served(milvus) == third


def test_a_failed_build_leaves_the_served_collection(milvus, fake_embedder, small_seeds):
    served = build_index(milvus, fake_embedder)["collection"]
    service = Service(milvus, fake_embedder)
    before = service.searcher().search(QUESTIONS[1], 3).hits[0].passage.text
    broken = {**milvus, "SEEDS_DIR": str(small_seeds), "REUSE_VECTORS": False}
    with pytest.raises(BuildError):
        build_index(broken, FailAfter(fake_embedder, RuntimeError("engine died"), after=2))
    assert _served(milvus) == served
    assert _our_collections(milvus) == [served]  # the failed build's collection is dropped
    assert Path(current_build(milvus["INDEX_DIR"])).name == service.searcher().index.id
    assert service.searcher().search(QUESTIONS[1], 3).hits[0].passage.text == before


def test_a_build_of_the_other_backend_is_refused_with_the_fix(built, fake_embedder):
    settings, faiss_root = built
    with pytest.raises(QAError, match="QA_BACKEND=faiss") as err:
        load_index(faiss_root, fake_embedder.model, settings)
    assert err.value.status == 503


def test_without_pymilvus_the_service_fails_at_start_naming_the_install(
    tmp_path, fake_embedder, monkeypatch
):
    monkeypatch.setitem(sys.modules, "pymilvus", None)  # import pymilvus -> ImportError
    settings = _settings(tmp_path)
    with pytest.raises(BackendUnavailable, match=r"pip install '\.\[milvus\]'"):
        Service(settings, fake_embedder)
    with pytest.raises(BackendUnavailable, match=r"pip install '\.\[milvus\]'"):
        build_index(settings, fake_embedder)
    from click.testing import CliRunner

    from qa.cli import main

    res = CliRunner().invoke(
        main, ["ask", "问题"], env={"QA_BACKEND": "milvus", "QA_INDEX_DIR": str(tmp_path)}
    )
    assert res.exit_code != 0 and "pip install '.[milvus]'" in res.output


@pytest.mark.parametrize("name", ["", "1abc", "qa-passages", "qa passages", "a" * 201, "表"])
def test_a_bad_collection_name_is_refused_at_start(tmp_path, fake_embedder, name):
    with pytest.raises(QAError, match="QA_MILVUS_COLLECTION"):
        Service(_settings(tmp_path, MILVUS_COLLECTION=name), fake_embedder)


def test_same_quality_as_faiss_on_the_dev_set(index_dir, embedder, tmp_path):
    """The real model: the dev set scores within 0.02 of the faiss backend on every measure
    (the vectors come from the faiss build: a rebuild reuses them across backends)."""
    from qa.evaluate import evaluate, load_jsonl
    from qa.web.shapes import result_to_dict

    root = tmp_path / "index"
    shutil.copytree(index_dir, root)
    settings = _settings(tmp_path)
    manifest = build_index(settings, embedder)
    assert manifest["counts"]["reused_vectors"] == manifest["counts"]["passages"]
    try:
        reports = {}
        for name, s in (("faiss", {**settings, "BACKEND": "faiss"}), ("milvus", settings)):
            if name == "faiss":
                shutil.copytree(index_dir, tmp_path / "faiss")
                s = {**s, "INDEX_DIR": str(tmp_path / "faiss")}
            searcher = Service(s, embedder).searcher()
            reports[name] = evaluate(
                lambda q, k, se=searcher: result_to_dict(se.search(q, k), se.index),
                load_jsonl(EVAL / "dev.jsonl"),
                top_k=5,
            )["all"]
        for measure in (
            "hit@1",
            "hit@5",
            "mrr",
            "answer_contains_gold",
            "no_answer_on_unanswerable",
            "no_answer_on_answerable",
        ):
            assert reports["milvus"][measure] == pytest.approx(reports["faiss"][measure], abs=0.02)
    finally:
        disconnect(settings)
