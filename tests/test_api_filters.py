"""The API's filters, paging, one request shape for GET and POST, the archive summary,
CORS and the interactive docs, over a random-vector build of the seeds with a catalogue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS

QUESTION = "滨州的经济发展怎么样？"
# Two papers and three issue dates over the five seed pages.
CATALOG = {
    "000_4aea86586ab16aa7.txt": ("甲日报", "2021-03-05"),
    "001_be3ff700a7403fc6.txt": ("甲日报", "2021-07-20"),
    "002_5f9f883e554d2686.txt": ("乙晚报", "2022-01-10"),
    "003_54c9fe256b89c4a1.txt": ("乙晚报", "2022-01-10"),
    "004_e698e91fc0ebeaed.txt": ("甲日报", "2022-11-30"),
}


@pytest.fixture(scope="module")
def catalogued_index(tmp_path_factory, fake_embedder) -> Path:
    from qa.build import build_index
    from qa.settings import load_settings

    seeds = tmp_path_factory.mktemp("seeds")
    lines = ["file,publication,issue_date,page"]
    for name, (paper, date) in CATALOG.items():
        shutil.copy(SEEDS / name, seeds / name)
        lines.append(f"{name},{paper},{date},1")
    (seeds / "catalog.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("index")
    settings = load_settings({"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root)}, environ={})
    build_index(settings, fake_embedder)
    return root


def make_client(index_dir: Path, embedder, **config):
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    settings = load_settings({"INDEX_DIR": str(index_dir), "TESTING": True, **config}, environ={})
    return create_app(settings, service=Service(settings, embedder)).test_client()


@pytest.fixture()
def api(catalogued_index, fake_embedder):
    return make_client(catalogued_index, fake_embedder)


def ask(api, method="post", **fields):
    resp = (
        api.post("/api/ask", json=fields)
        if method == "post"
        else api.get("/api/ask", query_string=fields)
    )
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()


def papers_and_dates(api, data) -> list[tuple[str, str]]:
    return [(p["citation"]["publication"], p["citation"]["issue_date"]) for p in data["passages"]]


def spans(data) -> list[tuple[str, int]]:
    return [(p["citation"]["source"], p["citation"]["char_start"]) for p in data["passages"]]


def error_of(resp, status=400) -> dict:
    assert resp.status_code == status, resp.data
    return resp.get_json()["error"]


@pytest.fixture()
def summary(api) -> dict:
    resp = api.get("/api/archive")
    assert resp.status_code == 200
    return resp.get_json()


# --- filters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "get"])
def test_publication_filter_keeps_to_one_paper_before_the_cut(api, summary, method):
    papers = [p["name"] for p in summary["publications"]]
    whole = ask(api, method, q=QUESTION, top_k=20)
    for paper in papers:
        data = ask(api, method, q=QUESTION, top_k=5, publication=paper)
        assert data["filters"] == {"publication": paper, "date_from": None, "date_to": None}
        assert data["passages"] and {p for p, _ in papers_and_dates(api, data)} == {paper}
    # the smallest paper: the unfiltered list holds few of its passages, the filtered one five
    small = papers[-2] if len(papers) > 1 else papers[-1]
    unfiltered = [p for p, _ in papers_and_dates(api, whole)][:5].count(small)
    filtered = ask(api, method, q=QUESTION, top_k=5, publication=small)
    assert len(filtered["passages"]) == 5 > unfiltered


@pytest.mark.parametrize("method", ["post", "get"])
def test_issue_date_range_whole_year_month_and_day(api, method):
    data = ask(api, method, question=QUESTION, top_k=20, date_from="2022", date_to="2022-12")
    assert data["filters"]["date_from"] == "2022-01-01"
    assert data["filters"]["date_to"] == "2022-12-31"
    dates = {d for _, d in papers_and_dates(api, data)}
    assert dates and all("2022-01-01" <= d <= "2022-12-31" for d in dates)
    day = ask(
        api, method, question=QUESTION, top_k=20, date_from="2021-03-05", date_to="2021-03-05"
    )
    assert {d for _, d in papers_and_dates(api, day)} == {"2021-03-05"}
    since = ask(api, method, question=QUESTION, top_k=20, date_from="2021-07")
    assert since["filters"]["date_from"] == "2021-07-01" and since["filters"]["date_to"] is None
    assert all(d >= "2021-07-01" for _, d in papers_and_dates(api, since))
    assert "2021-03-05" not in {d for _, d in papers_and_dates(api, since)}


@pytest.mark.parametrize(
    "fields", [{"publication": "没有这份报纸"}, {"date_to": "1990"}, {"date_from": "2030-01-01"}]
)
def test_a_filter_nothing_matches_gives_no_hits_and_no_answer(api, fields):
    data = ask(api, question=QUESTION, **fields)
    assert data["passages"] == [] and data["no_answer"] is True
    assert data["answer"] is None and data["next_offset"] is None


def test_empty_filters_filter_nothing(api):
    plain = ask(api, "get", q=QUESTION)
    empty = ask(api, "get", q=QUESTION, publication="", date_from="", date_to=" ")
    assert spans(empty) == spans(plain)
    assert empty["filters"] == {"publication": None, "date_from": None, "date_to": None}


# --- paging -----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "get"])
def test_pages_are_slices_of_one_list_with_the_same_answer(api, method):
    whole = ask(api, method, q=QUESTION, top_k=12)
    first = ask(api, method, q=QUESTION, top_k=4)
    assert first["offset"] == 0 and first["next_offset"] == 4
    pages = [first]
    while pages[-1]["next_offset"] is not None and len(pages) < 3:
        pages.append(ask(api, method, q=QUESTION, top_k=4, offset=pages[-1]["next_offset"]))
    assert [p["offset"] for p in pages] == [0, 4, 8]
    assert sum((spans(p) for p in pages), []) == spans(whole)  # across the rerank's depth too
    assert spans(pages[1]) and not set(spans(pages[1])) & set(spans(pages[0]))
    for page in pages[1:]:
        for key in ("answer", "no_answer", "confidence"):
            assert page[key] == first[key], key


def test_the_last_page_says_there_is_no_more(api):
    offset, seen = 0, []
    while offset is not None:
        data = ask(api, question=QUESTION, top_k=20, offset=offset)
        seen += spans(data)
        offset = data["next_offset"]
        assert len(seen) < 500
    assert len(seen) == len(set(seen)) > 20
    past = ask(api, question=QUESTION, top_k=5, offset=len(seen))
    assert past["passages"] == [] and past["next_offset"] is None


# --- one request shape ------------------------------------------------------------------------


def test_q_and_question_in_both_methods(api):
    answers = [
        ask(api, "post", question=QUESTION)["passages"],
        ask(api, "post", q=QUESTION)["passages"],
        ask(api, "get", q=QUESTION)["passages"],
        ask(api, "get", question=QUESTION)["passages"],
        ask(api, "post", q=QUESTION, question=QUESTION)["passages"],
    ]
    assert all(a == answers[0] for a in answers) and answers[0]
    assert (
        error_of(api.post("/api/ask", json={"q": "甲", "question": "乙"}))["code"]
        == "conflicting_question"
    )
    resp = api.get("/api/ask", query_string={"q": "甲", "question": "乙"})
    assert error_of(resp)["code"] == "conflicting_question"
    assert (
        error_of(api.post("/api/ask", json={"top_k": 3, "publication": "x"}))["code"]
        == "missing_question"
    )
    assert error_of(api.get("/api/ask?offset=3"))["code"] == "missing_question"


@pytest.mark.parametrize("method", ["post", "get"])
def test_unknown_fields_are_refused_by_name(api, method):
    fields = {"question": QUESTION, "topk": 3}
    resp = (
        api.post("/api/ask", json=fields)
        if method == "post"
        else api.get("/api/ask", query_string=fields)
    )
    err = error_of(resp)
    assert err["code"] == "unknown_field"
    assert (
        "'topk'" in err["message"] and "top_k" in err["message"] and "date_from" in err["message"]
    )


def test_a_repeated_query_field_is_refused(api):
    assert error_of(api.get("/api/ask?q=甲&q=乙"))["code"] == "repeated_field"


@pytest.mark.parametrize("field,lo", [("top_k", 1), ("offset", 0)])
def test_integral_numbers_read_alike_in_both_methods(api, field, lo):
    for value in (3, "3", 3.0, " 3 ", "3.0"):
        data = ask(api, question=QUESTION, **{field: value})
        assert data[field] == 3
    data = ask(api, "get", q=QUESTION, **{field: "3"})
    assert data[field] == 3
    for value in (3.5, "3.5", True, "", "three", [3], {"n": 3}, lo - 1, 10**30, "1e1"):
        err = error_of(api.post("/api/ask", json={"question": QUESTION, field: value}))
        assert err["code"] == f"invalid_{field}" and f"'{field}'" in err["message"]
    for value in ("3.5", "", "true", str(lo - 1)):
        err = error_of(api.get("/api/ask", query_string={"q": QUESTION, field: value}))
        assert err["code"] == f"invalid_{field}" and f"'{field}'" in err["message"]


@pytest.mark.parametrize(
    "value", ["2021-13-01", "2021-02-30", "20210101", "21-01-01", "昨天", 2021, "0000"]
)
@pytest.mark.parametrize("field", ["date_from", "date_to"])
def test_bad_dates_are_refused_by_name(api, field, value):
    err = error_of(api.post("/api/ask", json={"question": QUESTION, field: value}))
    assert err["code"] == "invalid_date" and f"'{field}'" in err["message"]
    if isinstance(value, str):
        resp = api.get("/api/ask", query_string={"q": QUESTION, field: value})
        assert error_of(resp)["code"] == "invalid_date"


def test_a_range_that_ends_before_it_starts_is_refused(api):
    for method in ("post", "get"):
        fields = {"q": QUESTION, "date_from": "2022-02", "date_to": "2022-01-31"}
        resp = (
            api.post("/api/ask", json=fields)
            if method == "post"
            else api.get("/api/ask", query_string=fields)
        )
        assert error_of(resp)["code"] == "invalid_date_range"
    assert (
        ask(api, q=QUESTION, date_from="2022-01", date_to="2022-01")["filters"]["date_to"]
        == "2022-01-31"
    )


@pytest.mark.parametrize("value", [42, ["甲日报"], "报" * 201, "\ud800"])
def test_a_bad_publication_is_refused(api, value):
    body = json.dumps({"question": QUESTION, "publication": value})  # "\ud800" escaped
    err = error_of(api.post("/api/ask", data=body, content_type="application/json"))
    assert err["code"] == "invalid_publication"


def test_the_response_keeps_every_field_it_had(api):
    data = ask(api, question=QUESTION)
    old = {"question", "no_answer", "confidence", "answer", "passages", "took_ms"}
    assert set(data) == old | {"top_k", "offset", "next_offset", "filters"}


# --- the archive summary ----------------------------------------------------------------------


def test_the_archive_summary_states_what_the_index_holds(api, summary, catalogued_index):
    from qa.store import current_build

    manifest = json.loads((current_build(catalogued_index) / "manifest.json").read_text("utf-8"))
    assert summary["counts"] == {
        k: manifest["counts"][k] for k in ("pages", "articles", "passages")
    }
    assert summary["build"] == {"id": manifest["id"], "built_at": manifest["built_at"]}
    assert summary["issue_dates"] == {"first": "2021-03-05", "last": "2022-11-30"}
    names = [p["name"] for p in summary["publications"]]
    assert "甲日报" in names and "" not in names
    for p in summary["publications"]:  # each count agrees with what a filter finds
        data = ask(api, question=QUESTION, top_k=20, publication=p["name"])
        assert 1 <= len({c for c, _ in spans(data)}) <= p["pages"] <= p["articles"]
    assert summary["publications"] == sorted(summary["publications"], key=lambda p: -p["articles"])


def test_example_questions_come_from_known_headlines(api, summary):
    import re

    examples = summary["examples"]
    assert 1 <= len(examples) <= 5 and len(set(examples)) == len(examples)
    for q in examples:
        headline = re.fullmatch(r"关于「(.+)」，报道说了什么？", q).group(1)
        assert ask(api, question=q)["passages"]  # a question the API takes
        assert (
            any(
                p["citation"]["headline"] == headline
                for p in ask(api, question=q, top_k=20)["passages"]
            )
            or len(headline) >= 4
        )
    assert api.get("/api/archive").get_json() == summary  # deterministic


def test_no_example_from_an_unknown_headline():
    from types import SimpleNamespace

    from qa.web.archive import example_questions

    def art(source, headline, kind="news"):
        return SimpleNamespace(source=source, headline=headline, kind=kind)

    articles = {
        "a": art("p1", ""),  # unknown
        "b": art("p1", None),
        "c": art("p2", "编者按"),
        "d": art("p3", "图片新闻说明文字很长", kind="caption"),
        "e": art("p4", "滨河新区　建成十座公园"),
        "f": art("p4", "同一版面的另一篇报道"),  # one example a page
        "g": art("p5", "短题"),
    }
    docs = SimpleNamespace(first_article_ids=lambda n: list(articles)[:n])
    index = SimpleNamespace(articles=articles, docs=docs)
    assert example_questions(index) == ["关于「滨河新区 建成十座公园」，报道说了什么？"]


# --- CORS -------------------------------------------------------------------------------------


def test_cors_is_off_by_default(api):
    resp = api.post(
        "/api/ask", json={"question": QUESTION}, headers={"Origin": "https://x.example"}
    )
    assert "Access-Control-Allow-Origin" not in resp.headers and "Origin" not in resp.vary
    pre = api.options("/api/ask", headers={"Origin": "https://x.example"})
    assert pre.status_code != 204 and "Access-Control-Allow-Methods" not in pre.headers


def test_cors_for_listed_origins(catalogued_index, fake_embedder):
    api = make_client(
        catalogued_index, fake_embedder, CORS_ORIGINS="https://a.example, https://b.example/"
    )
    for origin in ("https://a.example", "https://b.example"):
        resp = api.get("/api/ask", query_string={"q": QUESTION}, headers={"Origin": origin})
        assert resp.headers["Access-Control-Allow-Origin"] == origin and "Origin" in resp.vary
    bad = api.post("/api/ask", json={}, headers={"Origin": "https://a.example"})  # errors too
    assert (
        bad.status_code == 400 and bad.headers["Access-Control-Allow-Origin"] == "https://a.example"
    )
    other = api.get("/api/archive", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers and "Origin" in other.vary
    pre = api.options(
        "/api/ask",
        headers={
            "Origin": "https://a.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert pre.status_code == 204 and not pre.data
    assert {"GET", "POST"} <= {
        m.strip() for m in pre.headers["Access-Control-Allow-Methods"].split(",")
    }
    assert pre.headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert pre.headers["Access-Control-Allow-Origin"] == "https://a.example"
    page = api.get("/", headers={"Origin": "https://a.example"})  # the web page: no CORS
    assert "Access-Control-Allow-Origin" not in page.headers


def test_cors_for_any_origin(catalogued_index, fake_embedder):
    api = make_client(catalogued_index, fake_embedder, CORS_ORIGINS="*")
    resp = api.get("/api/archive", headers={"Origin": "https://x.example"})
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


# --- the interactive docs ---------------------------------------------------------------------


def test_the_docs_page_is_served_with_its_own_script_and_no_external_url(api):
    import re

    page = api.get("/api/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script src="/static/docs/docs.js" defer>']
    assert re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S) == [""]  # no inline code
    assert not re.search(r"\sstyle=|\son[a-z]+=", html)  # CSP: no inline style or handler
    assert 'data-spec="/api/openapi.json"' in html and 'data-archive="/api/archive"' in html
    assert re.search(r'href="/static/docs/docs.css"', html)
    bodies = [html]
    for path in ("/static/docs/docs.js", "/static/docs/docs.css"):
        resp = api.get(path)
        assert resp.status_code == 200
        bodies.append(resp.get_data(as_text=True))
        resp.close()
    js = bodies[1]
    assert "dataset.spec" in js and "fetch(" in js and "innerHTML" not in js
    for text in bodies:
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), "an external URL"
    assert len(js) < 20_000
