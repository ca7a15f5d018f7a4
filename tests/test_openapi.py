"""The OpenAPI description at /api/openapi.json: real responses match it, and schemathesis
fuzzes the app in-process against it (no input may get a 5xx)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from openapi_schema_validator import OAS30Validator

from qa.service import Service
from qa.settings import load_settings
from qa.web.app import create_app
from tests.test_api import BAD_POSTS

QUESTION = "张店区光荣牌应挂多少户？"


@pytest.fixture()
def spec(client) -> dict:
    resp = client.get("/api/openapi.json")
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    return resp.get_json()


def check(spec: dict, path: str, method: str, resp) -> None:
    """Validate a real response against the schema the spec gives for its status."""
    op = spec["paths"][path][method]
    status = str(resp.status_code)
    assert status in op["responses"], f"{method.upper()} {path} answered {status}: undocumented"
    documented = op["responses"][status]
    assert resp.mimetype == "application/json"
    schema = {**documented["content"]["application/json"]["schema"], **spec}
    OAS30Validator(schema).validate(resp.get_json())
    for name in documented.get("headers", {}):
        assert name in resp.headers, f"{status} must carry {name}"


def test_spec_states_the_configured_limits(spec):
    assert spec["openapi"].startswith("3.")
    s = spec["components"]["schemas"]
    assert s["AskRequest"]["properties"]["top_k"]["maximum"] == 20
    assert s["AskRequest"]["properties"]["question"]["maxLength"] == 500
    ask = spec["paths"]["/api/ask"]
    for method in ("get", "post"):
        assert {"200", "400", "413", "429", "503"} <= set(ask[method]["responses"])
    assert "Retry-After" in ask["post"]["responses"]["429"]["headers"]
    assert "/api/health" in spec["paths"] and "/api/articles/{article_id}" in spec["paths"]


def test_the_validator_really_rejects(spec):
    """The check below can fail: a response missing a field does not pass."""
    schema = {**spec["components"]["schemas"]["Error"], **spec}
    with pytest.raises(Exception, match="required"):
        OAS30Validator(schema).validate({"error": {"code": "x"}})


def test_real_responses_match_the_spec(client, spec):
    check(spec, "/api/ask", "post", client.post("/api/ask", json={"question": QUESTION}))
    resp = client.get("/api/ask", query_string={"q": QUESTION, "top_k": 2})
    check(spec, "/api/ask", "get", resp)
    art = resp.get_json()["passages"][0]["citation"]["article_id"]
    check(spec, "/api/articles/{article_id}", "get", client.get(f"/api/articles/{art}"))
    check(spec, "/api/articles/{article_id}", "get", client.get("/api/articles/nope"))
    check(spec, "/api/health", "get", client.get("/api/health"))
    for _, kwargs, status, _ in BAD_POSTS:
        resp = client.post("/api/ask", **kwargs)
        assert resp.status_code == status
        check(spec, "/api/ask", "post", resp)
    for query in ({}, {"q": ""}, {"q": QUESTION, "top_k": "0"}, {"q": "问" * 501}):
        check(spec, "/api/ask", "get", client.get("/api/ask", query_string=query))
    paged = {"question": QUESTION, "top_k": 3, "offset": 3, "date_from": "2000", "date_to": "2099"}
    check(spec, "/api/ask", "post", client.post("/api/ask", json=paged))
    none = client.get("/api/ask", query_string={"q": QUESTION, "publication": "没有这份报纸"})
    assert none.get_json()["passages"] == []
    check(spec, "/api/ask", "get", none)
    check(spec, "/api/archive", "get", client.get("/api/archive"))


def test_every_field_of_both_methods_is_documented(spec):
    from qa.web.shapes import ASK_FIELDS

    ask = spec["paths"]["/api/ask"]
    assert [p["name"] for p in ask["get"]["parameters"]] == list(ASK_FIELDS)
    assert all(p.get("description") for p in ask["get"]["parameters"])
    request = spec["components"]["schemas"]["AskRequest"]
    assert set(request["properties"]) == set(ASK_FIELDS)  # JSON keys come sorted
    assert request["additionalProperties"] is False
    response = spec["components"]["schemas"]["AskResponse"]["properties"]
    assert {"confidence", "top_k", "offset", "next_offset", "filters"} <= set(response)
    assert response["confidence"]["description"]
    assert "/api/archive" in spec["paths"]


def test_429_and_503_match_the_spec(index_dir, service, embedder, tmp_path, spec):
    limited = create_app(
        {"INDEX_DIR": str(index_dir), "RATE_LIMIT": 1, "RATE_LIMIT_BURST": 1}, service=service
    ).test_client()
    assert limited.get("/api/articles/nope").status_code == 404
    resp = limited.post("/api/ask", json={"question": QUESTION})
    assert resp.status_code == 429
    check(spec, "/api/ask", "post", resp)

    settings = load_settings({"INDEX_DIR": str(tmp_path / "none")}, environ={})
    missing = create_app(settings, service=Service(settings, embedder)).test_client()
    for path, method, resp in [
        ("/api/ask", "get", missing.get("/api/ask", query_string={"q": QUESTION})),
        ("/api/health", "get", missing.get("/api/health")),
        ("/api/articles/{article_id}", "get", missing.get("/api/articles/x")),
    ]:
        assert resp.status_code == 503
        check(spec, path, method, resp)


# --- fuzzing --------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    derandomize=True,  # the same cases every run: a failure reproduces
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_fuzz_the_api_no_input_gets_a_5xx(app, mode):
    import schemathesis
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    seen: list[int] = []

    @FUZZ
    @given(case=schema.as_strategy(generation_mode=GenerationMode(mode)))
    def run(case):
        response = case.call()
        seen.append(response.status_code)
        assert response.status_code < 500, (case.method, case.path, case.body, case.query)
        case.validate_response(response, checks=checks)

    run()
    assert len(seen) >= 100
    if mode == "positive":
        assert 200 in seen  # valid questions got answers, not only errors
    else:
        assert 400 in seen
