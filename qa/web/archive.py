"""What an archive holds, for a first page and /api/archive: papers, dates, counts, examples.

An index is read-only, so its summary is computed once per loaded build and kept.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any

from qa.segment.layout import EDITOR_LABELS
from qa.store import Index

EXAMPLES = 5
SCANNED = 400  # articles read (in id order) to find example headlines
KEPT = 4  # summaries of recently loaded builds kept
_HAN = re.compile(r"[\u4e00-\u9fff]")

_lock = threading.Lock()
_cache: OrderedDict[str, dict[str, Any]] = OrderedDict()


def archive_summary(index: Index) -> dict[str, Any]:
    """The archive's publications, issue-date range, counts, build time and example questions."""
    key = f"{index.path}:{index.id}"
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    summary = _summarise(index)
    with _lock:
        _cache[key] = summary
        while len(_cache) > KEPT:
            _cache.popitem(last=False)
    return summary


def _summarise(index: Index) -> dict[str, Any]:
    docs = index.docs
    dates = docs.issue_dates()
    return {
        "publications": [
            {"name": name, "articles": articles, "pages": pages}
            for name, articles, pages in docs.publications()
            if name
        ],
        "issue_dates": {"first": dates[0], "last": dates[1]} if dates else None,
        "counts": {t: docs.count(t) for t in ("pages", "articles", "passages")},
        "build": {"id": index.id, "built_at": index.manifest.get("built_at")},
        "examples": example_questions(index),
    }


def example_questions(index: Index, n: int = EXAMPLES) -> list[str]:
    """Up to ``n`` questions about news articles of different pages, from their headlines."""
    out: list[str] = []
    pages: set[str] = set()
    for article_id in index.docs.first_article_ids(SCANNED):
        art = index.articles[article_id]
        headline = " ".join((art.headline or "").split())
        if art.source in pages or art.kind != "news" or not _usable(headline):
            continue
        pages.add(art.source)
        out.append(f"关于「{headline}」，报道说了什么？")
        if len(out) == n:
            break
    return out


def _usable(headline: str) -> bool:
    """A headline that reads as a story's name: known, not an editor's label, of fair length."""
    return (
        4 <= len(headline) <= 30
        and len(_HAN.findall(headline)) >= 4
        and headline.strip("·•：: ") not in EDITOR_LABELS
    )
