"""The JSON API contract, and every kind of bad input answered with a 4xx JSON error."""

from __future__ import annotations

import pytest

from qa.web.shapes import CITATION_FIELDS

CITATION_KEYS = set(CITATION_FIELDS)


def _check_answer_shape(data: dict, top_k: int) -> None:
    assert set(data) == {
        *("question", "no_answer", "confidence", "answer", "passages", "took_ms"),
        *("top_k", "offset", "next_offset", "filters"),  # what the request applied
    }
    assert data["top_k"] == top_k and data["offset"] == 0
    assert isinstance(data["no_answer"], bool)
    assert isinstance(data["took_ms"], int | float)
    assert 1 <= len(data["passages"]) <= top_k
    for p in data["passages"]:
        assert set(p) == {"text", "score", "citation", "highlights"}
        assert set(p["citation"]) == CITATION_KEYS
        for a, b in p["highlights"]:
            assert 0 <= a < b <= len(p["text"])
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)
    if data["answer"] is not None:
        assert set(data["answer"]) == {"text", "citation"}
        assert set(data["answer"]["citation"]) == CITATION_KEYS


def test_post_ask_answers_with_citations(client):
    resp = client.post(
        "/api/ask", json={"question": "魏桥的两家单位一起申建的省级实验室叫什么名字？"}
    )
    assert resp.status_code == 200
    data = resp.get_json()
    _check_answer_shape(data, 5)
    assert "铝新材料智能制造山东省实验室" in data["passages"][0]["text"]
    assert data["passages"][0]["citation"]["source"] == "001_be3ff700a7403fc6.txt"
    assert "铝新材料智能制造山东省实验室" in data["answer"]["text"]


def test_get_ask_with_top_k(client):
    resp = client.get("/api/ask", query_string={"q": "张店区光荣牌应挂多少户？", "top_k": "3"})
    assert resp.status_code == 200
    data = resp.get_json()
    _check_answer_shape(data, 3)
    assert len(data["passages"]) == 3
    assert "31904" in data["answer"]["text"]


def test_answer_citation_points_at_its_text(client, index_dir):
    from qa.ingest.pages import read_page_text
    from qa.passages import strip_ws
    from tests.conftest import SEEDS

    data = client.post(
        "/api/ask", json={"question": "恒大城每平方米起价多少？", "top_k": 5}
    ).get_json()
    for item in [data["answer"], *data["passages"]]:
        c = item["citation"]
        page = read_page_text(SEEDS / c["source"])
        assert strip_ws(page[c["char_start"] : c["char_end"]]) == strip_ws(item["text"])


def test_health_reports_the_manifest(client):
    resp = client.get("/api/health")
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["status"] == "ok"
    for key in ("id", "built_at", "model", "engine", "dim", "counts", "package_version"):
        assert key in data["index"]
    assert data["index"]["model"] == "intfloat/multilingual-e5-small"
    assert data["index"]["dim"] == 384


def test_article_endpoint_and_unknown_id(client):
    data = client.post("/api/ask", json={"question": "张店区光荣牌应挂多少户？"}).get_json()
    art_id = data["passages"][0]["citation"]["article_id"]
    resp = client.get(f"/api/articles/{art_id}")
    assert resp.status_code == 200
    art = resp.get_json()
    assert art["id"] == art_id and art["body"]
    for bad in ("nope", "..%2F..%2Fetc%2Fpasswd", "x" * 300):
        resp = client.get(f"/api/articles/{bad}")
        assert resp.status_code == 404
        assert resp.get_json()["error"]["code"]


BAD_POSTS = [
    ("empty question", {"json": {"question": ""}}, 400, "empty_question"),
    ("blank question", {"json": {"question": " \t\n　"}}, 400, "empty_question"),
    ("missing question", {"json": {"top_k": 3}}, 400, "missing_question"),
    ("question not a string", {"json": {"question": 42}}, 400, "invalid_question"),
    ("question a list", {"json": {"question": ["a"]}}, 400, "invalid_question"),
    ("top_k a string", {"json": {"question": "问题", "top_k": "five"}}, 400, "invalid_top_k"),
    ("top_k a float", {"json": {"question": "问题", "top_k": 2.5}}, 400, "invalid_top_k"),
    ("top_k empty", {"json": {"question": "问题", "top_k": ""}}, 400, "invalid_top_k"),
    ("offset a float", {"json": {"question": "问题", "offset": 1.5}}, 400, "invalid_offset"),
    ("offset negative", {"json": {"question": "问题", "offset": -1}}, 400, "invalid_offset"),
    ("unknown field", {"json": {"question": "问题", "k": 3}}, 400, "unknown_field"),
    ("q and question", {"json": {"q": "甲", "question": "乙"}}, 400, "conflicting_question"),
    ("bad date", {"json": {"question": "问题", "date_from": "2024-02-30"}}, 400, "invalid_date"),
    (
        "dates reversed",
        {"json": {"question": "问题", "date_from": "2024", "date_to": "2023"}},
        400,
        "invalid_date_range",
    ),
    (
        "publication a number",
        {"json": {"question": "问题", "publication": 1}},
        400,
        "invalid_publication",
    ),
    ("top_k a bool", {"json": {"question": "问题", "top_k": True}}, 400, "invalid_top_k"),
    ("top_k zero", {"json": {"question": "问题", "top_k": 0}}, 400, "invalid_top_k"),
    ("top_k too big", {"json": {"question": "问题", "top_k": 21}}, 400, "invalid_top_k"),
    ("top_k negative", {"json": {"question": "问题", "top_k": -1}}, 400, "invalid_top_k"),
    ("too long", {"json": {"question": "问" * 501}}, 400, "question_too_long"),
    (
        "not json",
        {"data": "question=hi", "content_type": "application/json"},
        400,
        "invalid_json",
    ),
    ("json array", {"json": ["问题"]}, 400, "invalid_json"),
    ("json null", {"data": "null", "content_type": "application/json"}, 400, "invalid_json"),
    (
        "invalid utf-8",
        {"data": b'{"question": "\xff\xfe"}', "content_type": "application/json"},
        400,
        "invalid_utf8",
    ),
    ("empty body", {"data": b"", "content_type": "application/json"}, 400, "invalid_json"),
    ("huge body", {"json": {"question": "问", "pad": "x" * 20000}}, 413, "payload_too_large"),
]


@pytest.mark.parametrize("name,kwargs,status,code", BAD_POSTS, ids=[b[0] for b in BAD_POSTS])
def test_bad_post_gets_a_json_4xx(fake_client, name, kwargs, status, code):
    resp = fake_client.post("/api/ask", **kwargs)
    assert resp.status_code == status, resp.data
    body = resp.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert b"Traceback" not in resp.data


BAD_GETS = [
    ("no q", "/api/ask", 400, "missing_question"),
    ("blank q", "/api/ask?q=%20%20", 400, "empty_question"),
    ("top_k text", "/api/ask?q=abc&top_k=lots", 400, "invalid_top_k"),
    ("top_k out of range", "/api/ask?q=abc&top_k=99", 400, "invalid_top_k"),
    ("top_k a fraction", "/api/ask?q=abc&top_k=2.5", 400, "invalid_top_k"),
    ("offset text", "/api/ask?q=abc&offset=next", 400, "invalid_offset"),
    ("unknown field", "/api/ask?q=abc&topk=3", 400, "unknown_field"),
    ("q twice", "/api/ask?q=abc&q=def", 400, "repeated_field"),
    ("q and question differ", "/api/ask?q=abc&question=def", 400, "conflicting_question"),
    ("bad date", "/api/ask?q=abc&date_to=2024-13", 400, "invalid_date"),
    ("no q but filters", "/api/ask?publication=x", 400, "missing_question"),
    ("invalid utf-8", "/api/ask?q=%FF%FE", 400, "invalid_utf8"),
    ("unknown route", "/api/nothing", 404, "not_found"),
]


@pytest.mark.parametrize("name,url,status,code", BAD_GETS, ids=[b[0] for b in BAD_GETS])
def test_bad_get_gets_a_json_4xx(fake_client, name, url, status, code):
    resp = fake_client.get(url)
    assert resp.status_code == status
    assert resp.get_json()["error"]["code"] == code


def test_wrong_method_is_a_json_405(fake_client):
    resp = fake_client.put("/api/ask", json={"question": "x"})
    assert resp.status_code == 405
    assert resp.get_json()["error"]["code"] == "method_not_allowed"


def test_missing_index_is_a_clear_json_error(tmp_path, embedder):
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    settings = load_settings({"INDEX_DIR": str(tmp_path / "none")}, environ={})
    app = create_app(settings, service=Service(settings, embedder))
    resp = app.test_client().get("/api/ask?q=问题")
    assert resp.status_code == 503
    assert resp.get_json()["error"]["code"] == "index_missing"
    assert "qa build" in resp.get_json()["error"]["message"]


@pytest.mark.parametrize("path", ["/api/ask", "/"])
def test_a_method_not_allowed_says_which_are(fake_client, path):
    resp = fake_client.delete(path)
    assert resp.status_code == 405
    allowed = {m.strip() for m in resp.headers["Allow"].split(",")}
    assert "GET" in allowed and "DELETE" not in allowed
