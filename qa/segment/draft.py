"""The working type of segmentation: an article while its page is being read."""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.segment.layout import Block


@dataclass
class Draft:
    """An article while its page is being read: blocks and spans, not yet text."""

    kind: str = "news"
    heads: list[Block] = field(default_factory=list)
    bylines: list[tuple[int, int]] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    meta: list[tuple[int, int]] = field(default_factory=list)
    subs_pre: list[str] = field(default_factory=list)
    headline: str = ""
