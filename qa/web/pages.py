"""The Chinese web form at / and the article page at /articles/<id>."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from qa.errors import BadRequest
from qa.passages import unwrap
from qa.web.shapes import (
    article_dict,
    check_query_string_utf8,
    result_to_dict,
    validate_question,
)

bp = Blueprint("web", __name__)

FORM_MESSAGES = {
    "empty_question": "请输入问题。",
    "question_too_long": "问题太长了，最多 {limit} 个字。",
}


def marked(text: str, spans: list[list[int]], answer: tuple[int, int] | None = None):
    """Split text into (piece, kind) runs: kind is '', 'hit' or 'answer'; Jinja escapes them."""
    kinds = [""] * len(text)
    for a, b in spans:
        for i in range(max(a, 0), min(b, len(text))):
            kinds[i] = "hit"
    if answer:
        for i in range(max(answer[0], 0), min(answer[1], len(text))):
            kinds[i] = "ans" if kinds[i] != "hit" else "ans hit"
    runs: list[tuple[str, str]] = []
    for ch, k in zip(text, kinds):
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0] + ch, k)
        else:
            runs.append((ch, k))
    return runs


def _answer_in(passage_text: str, answer_text: str) -> tuple[int, int] | None:
    i = passage_text.find(answer_text)
    return (i, i + len(answer_text)) if i >= 0 else None


@bp.get("/")
def index():
    """The search form; with ?q= it also shows the answer and passages, best first."""
    check_query_string_utf8(request.query_string)
    q = request.args.get("q")
    if q is None:
        return render_template("index.html", q="", data=None, error=None)
    try:
        question = validate_question(q, current_app.config)
        searcher = current_app.extensions["qa"].searcher()
        result = searcher.search(question, int(current_app.config["TOP_K"]))
    except BadRequest as exc:
        message = FORM_MESSAGES.get(exc.code, exc.message).format(
            limit=current_app.config["MAX_QUESTION_CHARS"]
        )
        return render_template("index.html", q=q, data=None, error=message), 400
    data = result_to_dict(result, searcher.index)
    answer = None if data["no_answer"] else data["answer"]
    for p in data["passages"]:
        span = None
        if answer and p["citation"]["source"] == answer["citation"]["source"]:
            c = p["citation"]
            if c["char_start"] <= answer["citation"]["char_start"] < c["char_end"]:
                span = _answer_in(p["text"], answer["text"])
        p["runs"] = marked(p["text"], p["highlights"], span)
        p["answer_span"] = span
    return render_template(
        "index.html", q=question, data=data, error=None, calibrated=searcher.calibrated
    )


@bp.get("/articles/<article_id>")
def article(article_id: str):
    """A whole article, with the cited passage (?p=start-end) and answer (?a=) marked."""
    searcher = current_app.extensions["qa"].searcher()
    art = article_dict(searcher.index, article_id)
    page = searcher.index.pages.get(art["source"], "")
    cited = _span_arg("p")
    answer = _span_arg("a")
    paragraphs = []
    for a, b in art["body_spans"]:
        text, pos = unwrap(page, a, b)
        kinds = []
        for off in pos:
            k = ""
            if cited and off >= 0 and cited[0] <= off < cited[1]:
                k = "cited"
            if answer and off >= 0 and answer[0] <= off < answer[1]:
                k = "ans"
            kinds.append(k)
        for para in _paragraph_runs(text, kinds):
            paragraphs.append(para)
    return render_template("article.html", art=art, paragraphs=paragraphs)


def _paragraph_runs(text: str, kinds: list[str]):
    runs: list[tuple[str, str]] = []
    for ch, k in zip(text, kinds):
        if ch == "\n":
            yield runs
            runs = []
            continue
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0] + ch, k)
        else:
            runs.append((ch, k))
    if runs:
        yield runs


def _span_arg(name: str) -> tuple[int, int] | None:
    raw = request.args.get(name, "")
    parts = raw.split("-")
    if len(parts) == 2 and all(p.isdigit() and len(p) < 10 for p in parts):
        return int(parts[0]), int(parts[1])
    if raw:
        raise BadRequest(f"'{name}' must look like 120-340", code="invalid_span")
    return None


def error_page(status: int, code: str, message: str):
    return render_template("error.html", status=status, code=code, message=message), status


def building_page():
    """The page while the first index is built: what is done, what is left; reloads itself."""
    service = current_app.extensions["qa"]
    snap = service.build.snapshot() if service.build is not None else None
    return render_template("building.html", build=snap), 503, {"Retry-After": "5"}
