"""Score the service on a question file (dev.jsonl format) through its JSON answers.

``ask(question, top_k)`` returns the API's JSON shape, so the same scoring runs against
the in-process searcher and against a running service over HTTP.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections.abc import Callable
from pathlib import Path

Ask = Callable[[str, int], dict]
TYPES = ("lookup", "paraphrase", "headline", "unanswerable")


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def squash(text: str) -> str:
    """Compare answers as a reader would: ignore whitespace, width and case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _found(passage: dict, item: dict) -> bool:
    return passage["citation"]["source"] == item["source"] and squash(item["answer"]) in squash(
        passage["text"]
    )


def evaluate(ask: Ask, questions: list[dict], top_k: int = 5) -> dict:
    """Return overall and per-type figures plus one row per question."""
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
                "top_headline": res["passages"][0]["citation"]["headline"]
                if res["passages"]
                else "",
                "took_ms": res.get("took_ms", 0.0),
            }
        )
    report = {"all": summarize(rows)}
    for t in TYPES:
        sub = [r for r in rows if r["type"] == t]
        if sub:
            report[t] = summarize(sub)
    report["questions"] = rows
    return report


def summarize(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    lat = sorted(r["took_ms"] for r in rows)

    def frac(xs):
        return round(sum(xs) / len(xs), 4) if xs else None

    return {
        "n": len(rows),
        "hit@1": frac([r["rank"] == 1 for r in ans]),
        "hit@5": frac([r["rank"] is not None and r["rank"] <= 5 for r in ans]),
        "mrr": frac([1 / r["rank"] if r["rank"] else 0.0 for r in ans]),
        "answer_contains_gold": frac([r["answer_ok"] for r in ans]),
        "no_answer_on_unanswerable": frac([r["no_answer"] for r in una]),
        "no_answer_on_answerable": frac([r["no_answer"] for r in ans]),
        "latency_p50_ms": round(statistics.median(lat), 1) if lat else None,
        "latency_p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1) if lat else None,
    }


def format_table(report: dict) -> str:
    """A plain-text table: one row per question type, then all."""
    cols = [
        ("n", "n"),
        ("hit@1", "hit@1"),
        ("hit@5", "hit@5"),
        ("mrr", "MRR"),
        ("answer_contains_gold", "answer"),
        ("no_answer_on_unanswerable", "NA|unans"),
        ("no_answer_on_answerable", "NA|ans"),
        ("latency_p50_ms", "p50 ms"),
        ("latency_p95_ms", "p95 ms"),
    ]
    lines = ["type          " + "".join(f"{h:>10}" for _, h in cols)]
    for name in (*TYPES, "all"):
        if name not in report:
            continue
        vals = report[name]
        cells = "".join(f"{('-' if vals[k] is None else vals[k]):>10}" for k, _ in cols)
        lines.append(f"{name:<14}{cells}")
    return "\n".join(lines)
