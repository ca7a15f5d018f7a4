"""Helpers shared by the segmentation tests on invented pages (tests/test_articles_round*.py)."""

from __future__ import annotations

from qa.evaluate import article_body
from qa.segment.articles import segment_page
from qa.segment.layout import flat


def pieces(page: str):
    """Every piece of ``page``, those without a body (a headline-only stub) included."""
    return segment_page("p.txt", page)


def arts(page: str):
    """The pieces of ``page`` that have a body."""
    return [a for a in pieces(page) if a.body_spans]


def body(page: str, a) -> str:
    """The piece's body with all whitespace removed."""
    return flat("".join(page[s:e] for s, e in a.body_spans))


def by_start(page: str, found, start: str):
    """The piece of ``found`` whose body (as `qa eval` reads it) starts with ``start``."""
    return next(a for a in found if article_body(page, a).startswith(start))


def by_head(found) -> dict:
    """The pieces of ``found`` that have a headline, by headline."""
    return {a.headline: a for a in found if a.headline}
