"""Score the service on a question file (dev.jsonl format) through its JSON answers.

``ask(question, top_k)`` returns the API's JSON shape, so the same scoring runs against
the in-process searcher and against a running service over HTTP.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import unicodedata
from collections.abc import Callable
from pathlib import Path

from qa.errors import BadRequest
from qa.ingest.catalog import page_label
from qa.segment.articles import Article
from qa.segment.layout import flat

Ask = Callable[[str, int], dict]
TYPES = ("lookup", "paraphrase", "headline", "unanswerable")


def bad_file(message: str) -> BadRequest:
    """The error for a question or gold file that cannot be read, or a malformed line."""
    return BadRequest(message, code="bad_file")


# Fields each row of a file must have; answerable questions also need ANSWER_FIELDS.
QUESTION_FIELDS = ("question", "type")
ANSWER_FIELDS = ("answer", "source")
ARTICLE_FIELDS = ("source", "seq", "body_start", "body_end")


def load_jsonl(
    path: str | Path,
    required: tuple[str, ...] = (),
    check: Callable[[dict], str | None] | None = None,
) -> list[dict]:
    """Read one JSON object a line; a bad file or line fails naming the file and line.

    ``check`` returns what is wrong with a row (or None), to be reported at its line.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise bad_file(f"cannot read {path}: {exc.strerror or exc}") from None
    rows = []
    for n, raw in enumerate(data.splitlines(), 1):
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            raise bad_file(f"{path} line {n}: not UTF-8 text (save the file as UTF-8)") from None
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            reason = f"{exc.msg}, column {exc.colno}" if hasattr(exc, "colno") else str(exc)
            raise bad_file(f"{path} line {n}: not valid JSON ({reason})") from None
        if not isinstance(row, dict):
            raise bad_file(f"{path} line {n}: not a JSON object")
        missing = [f for f in required if f not in row]
        if missing:
            raise bad_file(f"{path} line {n}: missing field {', '.join(map(repr, missing))}")
        if check is not None and (wrong := check(row)):
            raise bad_file(f"{path} line {n}: {wrong}")
        rows.append(row)
    return rows


def load_questions(path: str | Path) -> list[dict]:
    """Read a question file (dev.jsonl format), checking each line has what scoring reads."""
    return load_jsonl(path, QUESTION_FIELDS, _question_problem)


def _question_problem(row: dict) -> str | None:
    if not isinstance(row["question"], str):
        return "'question' must be a string"
    missing = [f for f in ANSWER_FIELDS if f not in row]
    if row["type"] != "unanswerable" and missing:
        return (
            f"missing field {', '.join(map(repr, missing))} (a {row['type']!r} question "
            "needs it; only an 'unanswerable' one does not)"
        )
    return None


def load_articles(path: str | Path) -> list[dict]:
    """Read a gold article file (articles-dev.jsonl format)."""
    return load_jsonl(path, ARTICLE_FIELDS)


def squash(text: str) -> str:
    """Compare answers as a reader would: ignore whitespace, width and case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _found(passage: dict, item: dict) -> bool:
    """The passage, or its citation's headline (标题是什么), shows the gold answer."""
    shown = passage["text"] + "\n" + (passage["citation"].get("headline") or "")
    return passage["citation"]["source"] == item["source"] and squash(item["answer"]) in squash(
        shown
    )


def gold_headline(item: dict, articles: list[dict], pages: dict[str, str]) -> str | None:
    """Headline of the gold article holding the question's evidence, if the gold has it.

    Gold articles give only the first and last 20 characters of their bodies: locate them in
    the page (whitespace removed) and see which body range the evidence falls in.
    """
    page = flat(pages.get(item.get("source", ""), ""))
    at = page.find(flat(item.get("evidence", ""))) if item.get("evidence") else -1
    if at < 0:
        return None
    for g in articles:
        if g["source"] != item["source"]:
            continue
        a = page.find(g["body_start"])
        b = page.find(g["body_end"], max(a, 0))
        if 0 <= a <= at < b + len(g["body_end"]):
            return flat(g["headline"])
    return None


def evaluate(
    ask: Ask,
    questions: list[dict],
    top_k: int = 5,
    articles: list[dict] | None = None,
    pages: dict[str, str] | None = None,
) -> dict:
    """Return overall and per-type figures plus one row per question.

    With a gold article file (``articles``) and the page texts, it also scores whether the
    top passage's citation names the gold article's headline.
    """
    rows = []
    for item in questions:
        res = ask(item["question"], top_k)
        answerable = item["type"] != "unanswerable"
        rank = None
        if answerable:
            for i, p in enumerate(res["passages"], 1):
                if _found(p, item):
                    rank = i
                    break
        answer_text = (res.get("answer") or {}).get("text", "")
        rows.append(
            {
                "id": item.get("id"),
                "type": item["type"],
                "answerable": answerable,
                "rank": rank,
                "no_answer": bool(res["no_answer"]),
                "answer_ok": answerable and squash(item["answer"]) in squash(answer_text),
                "top_headline": (res["passages"][0]["citation"]["headline"] or "")
                if res["passages"]
                else "",
                "took_ms": res.get("took_ms", 0.0),
            }
        )
        gold = gold_headline(item, articles, pages or {}) if articles and answerable else None
        if gold is not None and res["passages"]:
            rows[-1]["headline_ok"] = flat(rows[-1]["top_headline"]) == gold
    report = {"all": summarize(rows)}
    for t in dict.fromkeys([*TYPES, *(r["type"] for r in rows)]):  # the usual four first
        sub = [r for r in rows if r["type"] == t]
        if sub:
            report[t] = summarize(sub)
    report["questions"] = rows
    return report


def passed_checks(row: dict) -> list[str]:
    """Which checks one question's row passes: a question-by-question record to compare."""
    checks = []
    if row["answerable"]:
        if row["rank"] == 1:
            checks.append("hit@1")
        if row["rank"] is not None and row["rank"] <= 5:
            checks.append("hit@5")
        if row["answer_ok"]:
            checks.append("answer")
        if row.get("headline_ok"):
            checks.append("headline")
    if row["no_answer"] != row["answerable"]:  # flagged exactly when it should be
        checks.append("no_answer")
    return checks


def wilson(k: float, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95% Wilson score interval of a proportion k/n (sound for small n and 0 or 1)."""
    if not n:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def mean_interval(xs: list[float], z: float = 1.96) -> tuple[float, float] | None:
    """A normal 95% interval of a mean (for MRR), clipped to [0, 1]."""
    if len(xs) < 2:
        return None
    m, sd = statistics.fmean(xs), statistics.stdev(xs)
    half = z * sd / math.sqrt(len(xs))
    return round(max(0.0, m - half), 4), round(min(1.0, m + half), 4)


def summarize(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    lat = sorted(r["took_ms"] for r in rows)
    shares = {
        "hit@1": [r["rank"] == 1 for r in ans],
        "hit@5": [r["rank"] is not None and r["rank"] <= 5 for r in ans],
        "answer_contains_gold": [r["answer_ok"] for r in ans],
        "top_headline_is_gold": [r["headline_ok"] for r in ans if "headline_ok" in r],
        "no_answer_on_unanswerable": [r["no_answer"] for r in una],
        "no_answer_on_answerable": [r["no_answer"] for r in ans],
    }
    rr = [1 / r["rank"] if r["rank"] else 0.0 for r in ans]

    def frac(xs):
        return round(sum(xs) / len(xs), 4) if xs else None

    out = {"n": len(rows)}
    for name, xs in shares.items():
        out[name] = frac(xs)
    out["mrr"] = frac(rr)
    out["latency_p50_ms"] = round(statistics.median(lat), 1) if lat else None
    out["latency_p95_ms"] = round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1) if lat else None
    # 95% intervals: with 40 questions, one question moves a share by 2.5 points
    out["ci95"] = {name: wilson(sum(xs), len(xs)) for name, xs in shares.items()}
    out["ci95"]["mrr"] = mean_interval(rr)
    return out


def compare(old: dict, new: dict) -> dict[str, list[str]]:
    """By question id: the checks gained ("better") and lost ("worse") since ``old``."""
    before = {r["id"]: set(passed_checks(r)) for r in old["questions"]}
    out: dict[str, list[str]] = {"better": [], "worse": []}
    for r in new["questions"]:
        if r["id"] not in before:
            continue
        now = set(passed_checks(r))
        if gained := sorted(now - before[r["id"]]):
            out["better"].append(f"{r['id']}: +{', +'.join(gained)}")
        if lost := sorted(before[r["id"]] - now):
            out["worse"].append(f"{r['id']}: -{', -'.join(lost)}")
    return out


def format_table(report: dict) -> str:
    """A plain-text table: one row per question type, then all."""
    cols = [
        ("n", "n"),
        ("hit@1", "hit@1"),
        ("hit@5", "hit@5"),
        ("mrr", "MRR"),
        ("answer_contains_gold", "answer"),
        ("top_headline_is_gold", "headline"),
        ("no_answer_on_unanswerable", "NA|unans"),
        ("no_answer_on_answerable", "NA|ans"),
        ("latency_p50_ms", "p50 ms"),
        ("latency_p95_ms", "p95 ms"),
    ]
    lines = ["type          " + "".join(f"{h:>10}" for _, h in cols)]
    for name in [k for k in report if k not in ("all", "questions")] + ["all"]:
        vals = report[name]
        cells = "".join(f"{('-' if vals[k] is None else vals[k]):>10}" for k, _ in cols)
        lines.append(f"{name:<14}{cells}")
    ci = report["all"].get("ci95", {})
    shown = [(k, h) for k, h in cols if ci.get(k)]
    if shown:
        lines.append(
            "95% intervals (all): " + ", ".join(f"{h} {ci[k][0]}–{ci[k][1]}" for k, h in shown)
        )
    return "\n".join(lines)


# --- article segmentation against a gold file (articles-dev.jsonl format) ---


def coverage(text: str, articles: list[Article]) -> float:
    """Share of the page's non-whitespace characters attributed to an article's body,
    headline, subheadlines or byline (markers such as 上接第一版 are not counted)."""
    total = len(flat(text))
    if not total:
        return 1.0
    body = sum(len(flat(text[s:e])) for a in articles for s, e in a.body_spans)
    meta = sum(len(a.headline) + len(a.byline) + sum(map(len, a.subheadlines)) for a in articles)
    return min(1.0, (body + meta) / total)


def article_body(text: str, a: Article) -> str:
    """An article's body with all whitespace removed (the form of the gold files)."""
    return "".join(flat(text[s:e]) for s, e in a.body_spans)


def score_segmentation(
    gold_rows: list[dict], predicted: dict[str, list[Article]], texts: dict[str, str]
) -> dict:
    """Match gold articles to predicted ones by body start/end and report accuracies.

    A gold article is *found* when one predicted body (whitespace removed) starts with its
    ``body_start`` and ends with its ``body_end``; the boundary measures count starts and
    ends separately. Field accuracies are given over found articles and over all gold rows.
    """
    fields = ("headline", "byline", "subheadlines", "date", "publication", "kind")
    optional = ("issue_date", "page")  # scored where the gold has them
    n = len(gold_rows)
    found = start_ok = end_ok = 0
    right = dict.fromkeys(fields + optional, 0)
    scored = dict.fromkeys(fields + optional, 0)
    wrong_headline = unknown_headline = 0
    matched_ids: set[str] = set()
    errors: list[dict] = []
    for g in gold_rows:
        src = g["source"]
        preds = predicted.get(src, [])
        bodies = [(a, article_body(texts[src], a)) for a in preds]
        hit = next(
            (a for a, b in bodies if b.startswith(g["body_start"]) and b.endswith(g["body_end"])),
            None,
        )
        start_ok += any(b.startswith(g["body_start"]) for _, b in bodies)
        end_ok += any(b.endswith(g["body_end"]) for _, b in bodies)
        if hit is None:
            errors.append(
                {
                    "source": src,
                    "seq": g["seq"],
                    "field": "body",
                    "gold": g["body_start"] + "…" + g["body_end"],
                }
            )
            continue
        found += 1
        matched_ids.add(hit.id)
        if hit.headline and hit.headline != g.get("headline", ""):
            wrong_headline += 1  # a citation that names the wrong headline
        elif not hit.headline and g.get("headline"):
            unknown_headline += 1  # one that says it does not know
        for f in fields + optional:
            if f in optional and f not in g:
                continue
            scored[f] += 1
            want = g.get(f, [] if f == "subheadlines" else "")
            if f == "page":
                want = page_label(want)  # the gold as printed (A05), the citation's form (A5)
            if getattr(hit, f) == want:
                right[f] += 1
            else:
                errors.append(
                    {
                        "source": src,
                        "seq": g["seq"],
                        "field": f,
                        "gold": g.get(f),
                        "pred": getattr(hit, f),
                    }
                )
    srcs = {g["source"] for g in gold_rows}
    n_pred = sum(len(predicted.get(s, [])) for s in srcs)
    res: dict = {
        "gold": n,
        "predicted": n_pred,
        "found": found,
        "recall": found / n if n else 0.0,
        "precision": len(matched_ids) / n_pred if n_pred else 0.0,
        "boundary_start": start_ok / n if n else 0.0,
        "boundary_end": end_ok / n if n else 0.0,
        "coverage": {s: round(coverage(texts[s], predicted.get(s, [])), 4) for s in sorted(srcs)},
        "errors": errors,
    }
    res["headline_wrong"] = wrong_headline / found if found else 0.0
    res["headline_unknown"] = unknown_headline / found if found else 0.0
    for f in fields:
        res[f"{f}_acc"] = right[f] / found if found else 0.0
        res[f"{f}_acc_all"] = right[f] / n if n else 0.0
    for f in optional:
        if scored[f]:
            res[f"{f}_acc"] = right[f] / scored[f]
    return res
