"""Every error code the API can answer with is listed in the README and the OpenAPI
description: the codes are found in the code (and in real responses), not in a list."""

from __future__ import annotations

import ast
import json

from tests.conftest import ROOT, parse_python

# The modules a request to /api/ passes through, and the errors they raise.
API_MODULES = [
    "qa/errors.py",
    "qa/service.py",
    "qa/store.py",
    "qa/search.py",
    "qa/retrieve.py",
    "qa/web/app.py",
    "qa/web/api.py",
    "qa/web/shapes.py",
    "qa/web/archive.py",
    "qa/web/limits.py",
    "qa/web/server.py",
]
ERROR_BUILDERS = {"_error_response", "error_body"}  # (status,) code, message


def _str(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def codes_in_code() -> set[str]:
    """Codes as the code writes them: code="..." arguments, ``code = "..."`` class
    attributes, the code argument of the functions that build an error body, and the
    values of the table of the HTTP server's codes."""
    found: set[str] = set()
    for rel in API_MODULES:
        tree = parse_python((ROOT / rel).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found.update(_str(k.value) for k in node.keywords if k.arg == "code")
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ERROR_BUILDERS:
                    found.update(_str(a) for a in node.args[:2])
            elif isinstance(node, ast.Assign):
                targets = [getattr(t, "id", "") for t in node.targets]
                if "code" in targets:
                    found.add(_str(node.value))
                if "WAITRESS_CODES" in targets:
                    found.update(_str(v) for v in node.value.values)
    return {c for c in found if c}


def test_the_walk_finds_the_codes_it_should():
    found = codes_in_code()
    for code in ("invalid_top_k", "unknown_field", "payload_too_large", "header_too_large"):
        assert code in found
    assert {"index_missing", "too_many_connections", "internal_error"} <= found


def test_every_code_is_in_the_readme_and_the_openapi_description(fake_client):
    codes = codes_in_code()
    # codes the web framework names (werkzeug's exceptions), seen in real responses
    for resp in (fake_client.get("/api/nothing"), fake_client.put("/api/ask")):
        codes.add(resp.get_json()["error"]["code"])
    readme = (ROOT / "README.md").read_text("utf-8")
    api_part = readme[readme.index("**JSON API**") : readme.index("**Command line**")]
    spec = json.dumps(fake_client.get("/api/openapi.json").get_json())
    missing_readme = sorted(c for c in codes if f"`{c}`" not in api_part)
    missing_spec = sorted(c for c in codes if c not in spec)
    assert not missing_readme, (
        f"error codes missing from the README's API section: {missing_readme}"
    )
    assert not missing_spec, f"error codes missing from the OpenAPI description: {missing_spec}"


def test_each_code_in_the_description_has_its_status():
    from qa.web.openapi import ERROR_CODES

    assert codes_in_code() <= set(ERROR_CODES)
    for code, (status, why) in ERROR_CODES.items():
        assert 400 <= status < 600 and why, code
