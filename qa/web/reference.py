"""How a citation reads to a librarian: the byline as shown, 版次, a GB/T 7714 reference."""

from __future__ import annotations

import re

# The print convention's byline marker (□王新端): a glyph on screen, not part of the name.
_MARKER = re.compile(r"[□■◇◆]\s*")
# A newsroom's credit around the names: 本报讯(记者某某报道), 滨州日报/滨州网讯（记者某某）.
_WIRE = re.compile(r"^(?:本报讯|[^（(\s]{0,20}讯(?=\s*[（(]))\s*")
_ROLES = re.compile(
    r"本报记者|本报通讯员|特约记者|见习记者|记者|通讯员|(?:文|图)\s*[/／]\s*(?:图|文)?"
)
_CREDIT_TAIL = re.compile(r"(?:报道|摄影|摄|供稿)$")
_PAGE = re.compile(r"^第?\s*(.+?)\s*版?$")


def display_byline(byline: str | None) -> str:
    """Return the byline as printed, without the print marker □."""
    return " ".join(_MARKER.sub(" ", byline or "").split())


def page_number(page: str | None) -> str:
    """Return the 版次 without 第 and 版 around it: '第3版' -> '3'."""
    m = _PAGE.match((page or "").strip())
    return m.group(1) if m else ""


def authors(byline: str | None) -> str:
    """Return the writers' names of a byline, comma-separated, without roles and credits."""
    text = display_byline(byline)
    text = _WIRE.sub("", text).strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1]
    names = []
    for part in _ROLES.split(text):
        part = _CREDIT_TAIL.sub("", part.strip(" ，,、：:"))
        if part:
            names.extend(part.split())
    return ", ".join(names)


def reference(citation: dict) -> str:
    """Return a GB/T 7714-2015 reference for a newspaper article, unknown parts left out:
    作者. 标题[N]. 报纸名, 2024-05-08(3)."""
    who = authors(citation.get("byline"))
    title = citation.get("headline") or "[标题未识别]"
    paper = citation.get("publication") or ""
    page = page_number(citation.get("page"))
    where = ", ".join(p for p in (paper, citation.get("issue_date") or "") if p)
    where += f"({page})" if page else ""
    parts = [who, f"{title}[N]", where]
    return " ".join(f"{p}." for p in parts if p)
