"""Hostile requests and careless administrators: each gets a clear error and loses nothing."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from qa.build import build_index
from qa.service import Service
from qa.settings import load_settings
from qa.store import current_build
from qa.web.app import create_app
from tests.test_index import TINY_PAGE

# --- requests -----------------------------------------------------------------------------


def test_deep_nesting_is_a_400(fake_client):
    body = '{"question": ' + "[" * 5000 + "]" * 5000 + "}"
    resp = fake_client.post("/api/ask", data=body, content_type="application/json")
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("question", ["\u0000", "\x00\x01\x1f", "\x7f\x85 \t"])
def test_a_question_of_control_characters_is_empty(fake_client, question):
    resp = fake_client.post("/api/ask", json={"question": question})
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == "empty_question"


def test_control_characters_inside_a_question_read_as_spaces(fake_client):
    resp = fake_client.post("/api/ask", json={"question": "光荣牌\x00挂多少户"})
    assert resp.status_code == 200 and resp.get_json()["question"] == "光荣牌 挂多少户"


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nope"])
def test_unknown_api_paths_are_json_404s(fake_client, path):
    resp = fake_client.get(path)
    assert resp.status_code == 404 and resp.is_json
    assert set(resp.get_json()["error"]) == {"code", "message"}


def test_a_quoted_path_cannot_forge_a_log_line(fake_client, caplog):
    with caplog.at_level(logging.INFO, logger="qa.request"):
        fake_client.get("/api/articles/x%0Afake%20status=200%22%0D")
    lines = [r.getMessage() for r in caplog.records if r.name == "qa.request"]
    assert len(lines) == 1 and "\n" not in lines[0] and "\r" not in lines[0]
    assert 'path="/api/articles/x\\nfake status=200\\"\\r"' in lines[0]
    assert "status=404" in lines[0]


# --- a damaged index: messages without server paths, and falling back ----------------------


def _settings(seeds: Path, root: Path) -> dict:
    return load_settings({"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root)}, environ={})


@pytest.fixture()
def tiny(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "tiny.txt").write_text(TINY_PAGE, encoding="utf-8")
    return seeds


def _app(seeds: Path, root: Path, embedder):
    return create_app({"INDEX_DIR": str(root)}, service=Service(_settings(seeds, root), embedder))


def _damage(build: Path) -> None:
    (build / "dense.faiss").write_bytes((build / "dense.faiss").read_bytes()[:100])


def test_a_damaged_index_says_so_without_server_paths(tiny, tmp_path, fake_embedder):
    root = tmp_path / "index"
    build_index(_settings(tiny, root), fake_embedder)
    _damage(current_build(root))
    app = create_app(
        {"INDEX_DIR": str(root)}, service=Service(_settings(tiny, root), fake_embedder)
    )
    for path in ["/api/health", "/api/ask?q=图书馆", "/?q=图书馆", "/articles/tiny-01"]:
        resp = app.test_client().get(path)
        text = resp.get_data(as_text=True)
        assert resp.status_code == 503, path
        assert str(tmp_path) not in text and "faiss" not in text.lower(), text
        assert ".cpp" not in text and "Traceback" not in text
    data = app.test_client().get("/api/health").get_json()
    assert data["error"]["code"] == "index_corrupt" and "qa build" in data["error"]["message"]


def test_a_damaged_current_build_falls_back_to_the_newest_intact_one(
    tiny, tmp_path, fake_embedder, caplog
):
    root = tmp_path / "index"
    first = build_index(_settings(tiny, root), fake_embedder)["id"]
    (tiny / "more.txt").write_text(TINY_PAGE.replace("图书馆", "体育馆"), encoding="utf-8")
    second = build_index(_settings(tiny, root), fake_embedder)["id"]
    _damage(current_build(root))
    service = Service(_settings(tiny, root), fake_embedder)
    with caplog.at_level(logging.WARNING, logger="qa.service"):
        app = create_app({"INDEX_DIR": str(root)}, service=service)
        health = app.test_client().get("/api/health")
    assert health.status_code == 200
    data = health.get_json()
    assert data["status"] == "degraded" and data["index"]["id"] == first
    assert data["fallback"]["current"] == second and data["fallback"]["serving"] == first
    assert any(second in r.getMessage() and first in r.getMessage() for r in caplog.records)
    assert app.test_client().get("/api/ask?q=图书馆开放时间").status_code == 200
    # The next good build is served as usual, and the fallback is over.
    build_index(_settings(tiny, root), fake_embedder)
    service.settings["RELOAD_IN_BACKGROUND"] = False
    assert app.test_client().get("/api/health").get_json()["status"] == "ok"


# --- builds and rollback --------------------------------------------------------------------


def test_the_served_build_is_the_rollback_copy_and_leftovers_go(tiny, tmp_path, fake_embedder):
    root = tmp_path / "index"
    served = build_index(_settings(tiny, root), fake_embedder)["id"]
    builds = root / "builds"
    # A build killed after moving its folder in, before CURRENT: newer, never served.
    shutil.copytree(builds / served, builds / "99991231T000000000000-dead00")
    (root / ".CURRENT.99991231T000000000000-dead00").write_text("x\n", encoding="utf-8")
    (builds / ".tmp-99991231T000000000001-dead01").mkdir()
    new = build_index(_settings(tiny, root), fake_embedder)["id"]
    assert {p.name for p in builds.iterdir()} == {served, new}
    assert list(root.glob(".CURRENT.*")) == []
    assert current_build(root).name == new


def test_a_page_that_fails_to_embed_is_skipped_naming_it(tiny, tmp_path, fake_embedder):
    (tiny / "poison.txt").write_text(TINY_PAGE.replace("图书馆", "毒药馆"), encoding="utf-8")

    class Poisoned:
        model, engine, dim = fake_embedder.model, fake_embedder.engine, fake_embedder.dim

        def queries(self, texts):
            return fake_embedder.queries(texts)

        def passages(self, texts):
            if any("毒药" in t for t in texts):
                raise RuntimeError("the engine cannot read this text")
            return fake_embedder.passages(texts)

    manifest = build_index(_settings(tiny, tmp_path / "index"), Poisoned())
    assert manifest["counts"]["pages"] == 1
    assert any(w.startswith("skipped poison.txt: cannot embed") for w in manifest["warnings"])
    assert manifest["counts"]["passages"] > 0


# --- any file name ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["两 会.txt", 'it\'s "quoted" & <b>.txt', "..txt", "a%2F..txt"])
def test_any_file_name_gives_working_citation_links(tiny, tmp_path, fake_embedder, name):
    (tiny / "tiny.txt").rename(tiny / name)
    root = tmp_path / "index"
    build_index(_settings(tiny, root), fake_embedder)
    app = create_app(
        {"INDEX_DIR": str(root)}, service=Service(_settings(tiny, root), fake_embedder)
    )
    client = app.test_client()
    data = client.get("/api/ask?q=图书馆开放时间").get_json()
    citation = data["passages"][0]["citation"]
    assert citation["source"] == name
    article_id = citation["article_id"]
    assert client.get(f"/api/articles/{article_id}").status_code == 200
    page = client.get("/?q=图书馆开放时间").get_data(as_text=True)
    assert f'href="/articles/{article_id}' in page
    assert client.get(f"/articles/{article_id}").status_code == 200


# --- confidence ---------------------------------------------------------------------------------


def test_calibration_applies_only_to_its_own_model(tmp_path):
    from qa.answer.calibration import Calibration, load_calibration

    cal = Calibration("m", ("a", "b"), (0.0, 1.0), (1.0, 2.0), (2.0, -1.0), 0.5, 0.3)
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({**cal.to_dict(), "n": 10}), encoding="utf-8")
    assert load_calibration("m", path) == cal
    assert load_calibration("another/model", path) is None
    assert load_calibration("m", tmp_path / "missing.json") is None
    low, high = cal.probability({"a": -3, "b": 1}), cal.probability({"a": 3, "b": 1})
    assert 0 < low < 0.5 < high < 1


@pytest.mark.parametrize("mode", ["rules", "calibrated"])
def test_confidence_is_in_every_answer(tmp_path, fake_embedder, mode):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "tiny.txt").write_text(TINY_PAGE, encoding="utf-8")
    settings = load_settings(
        {"SEEDS_DIR": str(seeds), "INDEX_DIR": str(tmp_path / "i"), "NO_ANSWER_MODE": mode},
        environ={},
    )
    build_index(settings, fake_embedder)
    app = create_app(settings, service=Service(settings, fake_embedder))
    data = app.test_client().get("/api/ask?q=图书馆几点开门").get_json()
    assert 0.0 <= data["confidence"] <= 1.0
    # the fake embedder is no model a calibration was fitted for: the rules decide
    assert app.extensions["qa"].searcher().calibrated is False
