"""The Chinese web pages: the form (/), an article (/articles/<id>), a page (/pages/<source>)."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, render_template, request

from qa.answer import find_spans, highlight_terms
from qa.errors import BadRequest, NotFound
from qa.passages import unwrap
from qa.web.marks import lines, runs
from qa.web.reference import display_byline, page_number, reference
from qa.web.shapes import (
    ARTICLE_ID,
    article_dict,
    check_query_string_utf8,
    result_to_dict,
    validate_question,
)

bp = Blueprint("web", __name__)

# A page's source: a file name in the pages folder, never a path.
SOURCE = re.compile(r"^(?!\.)[\w.\-]{1,200}$")

# What a reader is told, by error code, then by status: the codes stay in the JSON API.
MESSAGES = {
    "empty_question": "请输入问题。",
    "question_too_long": "问题太长了，最多 {limit} 个字。",
    "invalid_question": "问题里有无法识别的字符，请重新输入。",
    "invalid_utf8": "网址里有无法识别的字符（不是 UTF-8 编码）。",
    "invalid_span": "引文位置的写法不对，应是“120-340”这样用短横连接的两个数字，且在本版文字之内。",
    "unknown_article": "档案里没有这篇文章，链接可能有误或已过期。",
    "unknown_source": "档案里没有这一版，链接可能有误或已过期。",
    "article_not_on_page": "这篇文章不在这一版上。",
}
STATUS_MESSAGES = {
    400: "请求有误，请检查网址。",
    404: "找不到这个网页，请检查网址。",
    405: "这个网址不接受这种请求方式。",
    413: "请求的内容太大了。",
    429: "请求太频繁了，请稍后再试。",
    503: "档案索引暂时不可用，请稍后再试。",
}
FALLBACK_MESSAGE = "服务出了点问题，请稍后再试。"


def chinese_message(status: int, code: str) -> str:
    """Return what the page tells a reader for an error of ``status`` and ``code``."""
    message = MESSAGES.get(code) or STATUS_MESSAGES.get(status, FALLBACK_MESSAGE)
    return message.format(limit=current_app.config["MAX_QUESTION_CHARS"])


@bp.app_template_filter("reference")
def _reference(citation: dict) -> str:
    return reference(citation)


@bp.app_template_filter("byline")
def _byline(byline: str | None) -> str:
    return display_byline(byline)


@bp.app_template_filter("page_no")
def _page_no(page: str | None) -> str:
    return page_number(page)


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
        message = chinese_message(exc.status, exc.code)
        return render_template("index.html", q=q, data=None, error=message), 400
    data = result_to_dict(result, searcher.index)
    mark_passages(data)
    return render_template(
        "index.html", q=question, data=data, error=None, calibrated=searcher.calibrated
    )


def mark_passages(data: dict) -> None:
    """Give each passage its runs: question words marked; the answer sentence marked in the
    first passage that holds it, and left out of any later one (it would only repeat)."""
    answer = None if data["no_answer"] else data["answer"]
    shown = False
    for p in data["passages"]:
        span = _answer_in(p, answer)
        kind = "ans" if span and not shown else "elided"
        p["holds_answer"] = bool(span) and not shown
        shown = shown or bool(span)
        layers = [("hit", p["highlights"]), (kind, [span] if span else [])]
        p["runs"] = list(_drop_repeats(runs(p["text"], layers, ("ans", "answer-in-passage"))))
    data["marks"] = _kinds(r for p in data["passages"] for r in p["runs"])


def _kinds(pieces) -> set[str]:
    """The mark classes used by ``pieces`` (for the legend)."""
    return {k for _, kind, _ in pieces for k in kind.split()}


def _drop_repeats(pieces):
    """Replace the runs of a repeated answer with one 'elided' placeholder run."""
    before = ""
    for piece, kind, ident in pieces:
        if "elided" not in kind.split():
            yield (piece, kind, ident)
        elif before != "elided":
            yield ("", "elided", ident)
        before = "elided" if "elided" in kind.split() else kind


def _answer_in(passage: dict, answer: dict | None) -> tuple[int, int] | None:
    """The answer's span in ``passage``'s text when the passage holds the cited answer."""
    if not answer:
        return None
    c, a = passage["citation"], answer["citation"]
    if c["source"] != a["source"] or not c["char_start"] <= a["char_start"] < c["char_end"]:
        return None
    i = passage["text"].find(answer["text"])
    return (i, i + len(answer["text"])) if i >= 0 else None


@bp.get("/articles/<article_id>")
def article(article_id: str):
    """A whole article: the cited passage (?p=start-end), the answer (?a=) and the words of
    the question (?q=) marked, with a link back to that question."""
    check_query_string_utf8(request.query_string)
    searcher = current_app.extensions["qa"].searcher()
    art = article_dict(searcher.index, article_id)
    page = searcher.index.pages.get(art["source"], "")
    cited = _span_arg("p", len(page))
    answer = _span_arg("a", len(page))
    limit = int(current_app.config["MAX_QUESTION_CHARS"])
    q = " ".join((request.args.get("q") or "").split())[:limit]
    terms = highlight_terms(q) if q else []
    paragraphs = []
    for a, b in art["body_spans"]:
        text, pos = unwrap(page, a, b)
        layers = [
            ("cited", _chars_in(pos, cited)),
            ("ans", _chars_in(pos, answer)),
            ("hit", find_spans(text, terms) if terms else []),
        ]
        paragraphs.extend(lines(runs(text, layers)))
    _anchor_first(paragraphs, "cited", "cited")
    return render_template(
        "article.html",
        art=art,
        paragraphs=paragraphs,
        q=q,
        marks=_kinds(r for para in paragraphs for r in para),
    )


def _chars_in(pos: list[int], span: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The stretches of unwrapped text whose page offsets fall inside ``span``."""
    if span is None:
        return []
    inside = [i for i, off in enumerate(pos) if off >= 0 and span[0] <= off < span[1]]
    return [(i, i + 1) for i in inside]


def _anchor_first(paragraphs: list[list[tuple[str, str, str]]], kind: str, ident: str) -> None:
    """Give the first run of ``kind`` the id ``ident``, the target of a link's #fragment."""
    for para in paragraphs:
        for i, (piece, k, _) in enumerate(para):
            if kind in k.split():
                para[i] = (piece, k, ident)
                return


@bp.get("/pages/<source>")
def page_view(source: str):
    """A whole page as printed, with an article (?article=<id>) or a span (?p=start-end) marked."""
    check_query_string_utf8(request.query_string)
    index = current_app.extensions["qa"].searcher().index
    if not SOURCE.match(source) or source not in index.pages:
        raise NotFound(f"no page {source[:80]!r} in the archive", code="unknown_source")
    text = index.pages[source]
    span = _span_arg("p", len(text))
    art = None
    article_id = request.args.get("article")
    if article_id is not None:
        if not ARTICLE_ID.match(article_id) or article_id not in index.articles:
            raise NotFound("no article with that id", code="unknown_article")
        art = index.articles[article_id]
        if art.source != source:
            raise NotFound("that article is on another page", code="article_not_on_page")
        span = span or (art.char_start, art.char_end)
    pieces = runs(text, [("cited", [span] if span else [])], ("cited", "marked"))
    return render_template("page.html", source=source, pieces=pieces, art=art, marked=bool(span))


def _span_arg(name: str, limit: int) -> tuple[int, int] | None:
    """The ``name`` argument as a (start, end) span inside a text of ``limit`` characters."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    parts = raw.split("-")
    if len(parts) == 2 and all(p.isdigit() and len(p) < 10 for p in parts):
        a, b = int(parts[0]), int(parts[1])
        if a < b <= limit:
            return a, b
    raise BadRequest(f"'{name}' must look like 120-340, inside the page", code="invalid_span")


def error_page(status: int, code: str, message: str):
    """The error page: a Chinese message for the reader; the English ``message`` and the
    code are for the JSON API and the log only."""
    message = chinese_message(status, code)
    return render_template("error.html", status=status, message=message), status


def building_page():
    """The page while the first index is built: what is done, what is left; reloads itself."""
    service = current_app.extensions["qa"]
    snap = service.build.snapshot() if service.build is not None else None
    return render_template("building.html", build=snap), 503, {"Retry-After": "5"}
