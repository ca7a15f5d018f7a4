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


# Two reports set in wrapped lines, as the page around a piece under test (rounds 29-31)
FILLER = (
    "河西新建五座口袋公园\n"
    "　　本报讯（记者　柯然）近日，河西区新建的五座口袋公园陆续开放，附近居\n"
    "民有了散步的新去处。公园利用边角空地建成，配有健身器材和休息座椅，夜\n"
    "间照明一直开到晚上十点，附近的老人和孩子每天傍晚都会来这里走走坐坐。\n"
    "　　区住建局负责人介绍，今年全区计划再建口袋公园十座，优先安排在老旧小\n"
    "区集中的街道，建成后将由所在社区负责日常管护，保洁和维修费用由区财政\n"
    "统一列支，确保公园建得好、管得住、用得久。\n"
    "\n"
    "南川港开通第二条外贸航线\n"
    "　　本报讯（记者　葛涛）6月15日，南川港开通第二条外贸集装箱航线，每周\n"
    "一班往返东南亚三个港口。航线开通后，本地企业的货物出海时间可缩短三天\n"
    "左右，每个标准箱的物流成本也能节省数百元，外贸企业普遍表示欢迎。\n"
    "　　港务集团负责人表示，下半年还将争取开通一条近洋航线，并加快建设港区\n"
    "铁路专用线，进一步打通海铁联运通道，降低企业的综合物流成本。\n"
)


def with_filler(*pieces: str, head: str = "南川日报\n2024年6月18日　星期二　第2版\n\n") -> str:
    """A page of the header, FILLER and ``pieces``, a blank line between pieces."""
    return head + FILLER + "\n" + "\n\n".join(pieces) + "\n"


def lines_page(*lines: str) -> str:
    """A page that sets no blank line: its lines, one after another."""
    return "\n".join(lines) + "\n"
