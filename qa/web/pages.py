"""The Chinese web pages: the form (/), an article (/articles/<id>), a page (/pages/<source>)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for

from qa.answer import find_spans, highlight_terms
from qa.errors import BadRequest, NotFound
from qa.passages import unwrap
from qa.web.archive import archive_summary
from qa.web.marks import lines, runs
from qa.web.reference import display_byline, page_number, reference
from qa.web.shapes import (
    ARTICLE_ID,
    MAX_PUBLICATION_CHARS,
    AskRequest,
    article_dict,
    check_query_string_utf8,
    issue_date,
    read_ask_request,
    result_to_dict,
    single_values,
)

bp = Blueprint("web", __name__)

# The fields of a search besides its question, carried to an article and back.
SEARCH_FIELDS = ("publication", "date_from", "date_to", "top_k", "offset")

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
    "missing_question": "请输入问题。",
    "conflicting_question": "网址里的两个问题（q 和 question）不一致，请只保留一个。",
    "unknown_field": "网址里有本页不认识的参数，请检查网址。",
    "repeated_field": "网址里有参数重复出现，请检查网址。",
    "invalid_publication": "报纸名称不对：应从菜单中选择，最多 {max_publication} 个字。",
    "invalid_date": (
        "{field}的格式不对：日期格式应为 2024-05-08（也可写 2024-05 或 2024，表示整月或整年）。"
    ),
    "invalid_date_range": "起始日期晚于终止日期，请检查两个日期。",
    "invalid_top_k": "结果条数应是 1 到 {max_top_k} 之间的整数。",
    "invalid_offset": "翻页位置应是 0 到 {max_offset} 之间的整数。",
}
# The form's fields, as the reader knows them.
FIELD_NAMES = {"date_from": "起始日期", "date_to": "终止日期"}
TOP_K_CHOICES = (5, 10, 20)
STATUS_MESSAGES = {
    400: "请求有误，请检查网址。",
    404: "找不到这个网页，请检查网址。",
    405: "这个网址不接受这种请求方式。",
    413: "请求的内容太大了。",
    429: "请求太频繁了，请稍后再试。",
    503: "档案索引暂时不可用，请稍后再试。",
}
FALLBACK_MESSAGE = "服务出了点问题，请稍后再试。"


def chinese_message(status: int, code: str, field: str = "") -> str:
    """Return what the page tells a reader for an error of ``status`` and ``code``."""
    message = MESSAGES.get(code) or STATUS_MESSAGES.get(status, FALLBACK_MESSAGE)
    config = current_app.config
    return message.format(
        limit=config["MAX_QUESTION_CHARS"],
        max_top_k=config["MAX_TOP_K"],
        max_offset=config["MAX_OFFSET"],
        max_publication=MAX_PUBLICATION_CHARS,
        field=FIELD_NAMES.get(field, "日期"),
    )


@bp.app_template_filter("reference")
def _reference(citation: dict) -> str:
    return reference(citation)


@bp.app_template_filter("byline")
def _byline(byline: str | None) -> str:
    return display_byline(byline)


@bp.app_template_filter("page_no")
def _page_no(page: str | None) -> str:
    return page_number(page)


@bp.app_template_filter("built")
def _built(when: str | None) -> str:
    """Show an ISO build time as 2024-05-08 14:03 (UTC)."""
    try:
        t = dt.datetime.fromisoformat(when or "")
    except ValueError:
        return when or "时间不详"
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
    return t.strftime("%Y-%m-%d %H:%M") + (" (UTC)" if t.tzinfo is not None else "")


@bp.get("/")
def index():
    """The form; with ?q= the answer and passages, filtered and paged as the API's /api/ask
    would; without any argument, what the archive holds and example questions."""
    check_query_string_utf8(request.query_string)
    searcher = current_app.extensions["qa"].searcher()
    summary = archive_summary(searcher.index)
    params = request.args.to_dict()
    if not params:
        return render_template("index.html", form=_form(summary, params), summary=summary)
    try:
        req = read_ask_request(single_values(request.args), current_app.config)
    except BadRequest as exc:
        field = _bad_date(params) if exc.code == "invalid_date" else ""
        message = chinese_message(exc.status, exc.code, field)
        return render_template("index.html", form=_form(summary, params), error=message), 400
    result = searcher.search(req.question, req.top_k, where=req.where, offset=req.offset)
    data = result_to_dict(result, searcher.index)
    mark_passages(data)
    # The fields as the validator read them (a whole year's dates in full): shown again in
    # the form, and carried by each citation's link so 返回问题 comes back to these results.
    search = _search_args(req, req.offset)
    return render_template(
        "index.html",
        form=_form(summary, search),
        data=data,
        req=req,
        q=req.question,
        search=search,
        more=_link(req, result.next_offset) if result.next_offset is not None else None,
        prev=_link(req, max(0, req.offset - req.top_k)) if req.offset > 0 else None,
        calibrated=searcher.calibrated,
    )


def _bad_date(params: Mapping[str, Any]) -> str:
    """The first date field ``params`` hold that is not an issue date."""
    for name in ("date_from", "date_to"):
        try:
            issue_date(name, params.get(name), last=name == "date_to")
        except BadRequest:
            return name
    return ""


def _form(summary: dict, params: Mapping[str, Any]) -> dict[str, Any]:
    """What the form shows: the values asked for and the choices of its menus."""
    config = current_app.config
    papers = [p["name"] for p in summary["publications"]]
    publication = str(params.get("publication") or "")
    if publication and publication not in papers:  # kept, so the filter stays visible
        papers.append(publication)
    top_k = _as_int(params.get("top_k"), int(config["TOP_K"]))
    limit = int(config["MAX_TOP_K"])
    choices = {k for k in TOP_K_CHOICES if k <= limit} | {int(config["TOP_K"])}
    if 1 <= top_k <= limit:
        choices.add(top_k)
    return {
        "q": params.get("q", params.get("question", "")),
        "publication": publication,
        "papers": papers,
        "date_from": str(params.get("date_from") or ""),
        "date_to": str(params.get("date_to") or ""),
        "top_k": top_k,
        "top_k_choices": sorted(choices),
    }


def _as_int(value: Any, default: int) -> int:
    """``value`` as an int where it is one (as given in a URL), else ``default``."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _search_args(req: AskRequest, offset: int) -> dict[str, Any]:
    """The fields of ``req``'s results from ``offset`` on, as an address's query."""
    args = {
        "q": req.question,
        "publication": req.publication,
        "date_from": req.date_from,
        "date_to": req.date_to,
        "top_k": req.top_k,
        "offset": offset or None,
    }
    return {k: v for k, v in args.items() if v is not None}


def _link(req: AskRequest, offset: int) -> str:
    """The address of ``req``'s results from ``offset`` on, every other field kept."""
    return url_for("web.index", **_search_args(req, offset))


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
    # The search the reader came from, passed back as it came: the form checks it again.
    search = {k: request.args[k][:limit] for k in SEARCH_FIELDS if request.args.get(k)}
    if q:
        search["q"] = q
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
        search=search,
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
    # Its Retry-After comes with the IndexBuilding error that led here (qa.web.app).
    return render_template("building.html", build=snap), 503
