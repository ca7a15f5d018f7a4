"""A service without an index builds its first one while it already listens.

Until the build is done /api/health reports its progress, /api/ask answers 503
index_building with Retry-After, and the page says so in Chinese and reloads itself.
"""

from __future__ import annotations

import logging
import os
import threading

import pytest
from click.testing import CliRunner

from qa.service import Service
from qa.settings import load_settings
from qa.web.app import create_app
from tests.fakes import RandomEmbedder


class Gated(RandomEmbedder):
    """Random vectors that wait for ``gate`` before the first passages are embedded."""

    def __init__(self):
        super().__init__()
        self.gate = threading.Event()
        self.waiting = threading.Event()

    def passages(self, texts):
        self.waiting.set()
        assert self.gate.wait(30), "the test never opened the gate"
        return super().passages(texts)


def _app(tmp_path, seeds, embedder):
    settings = load_settings(
        {"INDEX_DIR": str(tmp_path / "index"), "SEEDS_DIR": str(seeds), "TESTING": True},
        environ={},
    )
    return create_app(settings, service=Service(settings, embedder))


@pytest.fixture()
def building(tmp_path, small_seeds):
    embedder = Gated()
    app = _app(tmp_path, small_seeds, embedder)
    service = app.extensions["qa"]
    service.build_in_background()
    assert embedder.waiting.wait(30)
    yield app, embedder
    embedder.gate.set()
    service.wait_for_build(60)


def test_health_reports_progress_while_the_first_build_runs(building):
    app, _ = building
    resp = app.test_client().get("/api/health")
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["status"] == "building"
    build = body["build"]
    assert build["stage"] in ("starting", "pages")
    assert build["pages_done"] == 0 and build["passages_embedded"] == 0
    assert set(build) >= {"pages_total", "elapsed_s", "eta_s"}


def test_ask_is_refused_with_503_and_retry_after_while_building(building, caplog):
    app, _ = building
    client = app.test_client()
    caplog.set_level(logging.INFO, logger="qa.request")
    for resp in (client.get("/api/ask?q=问题"), client.post("/api/ask", json={"question": "问题"})):
        assert resp.status_code == 503
        assert resp.get_json()["error"]["code"] == "index_building"
        assert 1 <= int(resp.headers["Retry-After"]) <= 30
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # expected, no fault


def test_the_page_shows_the_progress_in_chinese_and_reloads(building):
    app, _ = building
    resp = app.test_client().get("/?q=问题")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 503 and resp.headers["Retry-After"]
    assert "正在建立索引" in html and "已嵌入段落" in html
    assert '<meta http-equiv="refresh"' in html
    assert "index_building" not in html  # codes are for the JSON API only


def test_the_service_answers_once_the_build_is_done(building):
    app, embedder = building
    service = app.extensions["qa"]
    embedder.gate.set()
    service.wait_for_build(60)
    client = app.test_client()
    health = client.get("/api/health").get_json()
    assert health["status"] == "ok" and health["index"]["counts"]["pages"] == 2
    resp = client.get("/api/ask?q=实验室")
    assert resp.status_code == 200 and resp.get_json()["passages"]
    done = service.build.snapshot()
    assert done["pages_done"] == done["pages_total"] == 2 and done["passages_embedded"] > 0


def test_a_failed_first_build_is_reported_without_paths(tmp_path):
    seeds = tmp_path / "empty-seeds"
    seeds.mkdir()
    (seeds / "blank.txt").write_text("   \n", "utf-8")
    app = _app(tmp_path, seeds, RandomEmbedder())
    service = app.extensions["qa"]
    service.build_in_background()
    service.wait_for_build(60)
    client = app.test_client()
    health = client.get("/api/health")
    assert health.status_code == 503 and health.get_json()["status"] == "build_failed"
    resp = client.get("/api/ask?q=问题")
    assert resp.status_code == 503
    error = resp.get_json()["error"]
    assert error["code"] == "index_missing"
    assert str(tmp_path) not in resp.get_data(as_text=True)
    assert str(tmp_path) not in health.get_data(as_text=True)


def test_qa_serve_listens_before_the_first_build_is_done(tmp_path, small_seeds, monkeypatch):
    """`qa serve` binds its socket and runs the server while the build still runs."""
    from qa import cli

    embedder = Gated()
    seen = {}

    class Server:
        effective_port = 8000

        def __init__(self, app):
            self.app = app

        def run(self):
            service = self.app.extensions["qa"]
            assert embedder.waiting.wait(30)  # the build has started, in the background
            seen["status"] = self.app.test_client().get("/api/health").get_json()["status"]
            embedder.gate.set()
            service.wait_for_build(60)
            seen["after"] = self.app.test_client().get("/api/health").get_json()["status"]

    monkeypatch.setattr("qa.service.make_embedder", lambda *a: embedder)
    monkeypatch.setattr("qa.web.server.create_server", lambda app, settings: Server(app))
    env = {k: None for k in os.environ if k.startswith("QA_")}
    env.update({"QA_INDEX_DIR": str(tmp_path / "index"), "QA_SEEDS_DIR": str(small_seeds)})
    result = CliRunner().invoke(cli.main, ["serve"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert seen == {"status": "building", "after": "ok"}
    assert "progress: /api/health" in result.output


def test_qa_serve_without_the_pages_folder_fails_at_once(tmp_path):
    from qa import cli

    env = {k: None for k in os.environ if k.startswith("QA_")}
    env.update({"QA_INDEX_DIR": str(tmp_path / "index"), "QA_SEEDS_DIR": str(tmp_path / "no")})
    result = CliRunner().invoke(cli.main, ["serve"], env=env, catch_exceptions=False)
    assert result.exit_code == 2
    assert "does not exist" in result.output
