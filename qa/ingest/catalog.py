"""Page metadata: which paper, issue date and page (版次) each file is.

An archive usually knows this for every file; it says so in ``catalog.csv`` beside the
pages (``file,publication,issue_date,page``, a header row, UTF-8; every column but
``file`` may be empty). What the catalogue leaves empty is read from the page's own
furniture where the page prints it: a page header (``2024年5月8日 星期三 第3版``,
``03版：要闻``) or an e-paper tag (``《某某日报》（2024年05月08日 第 03 版）``). Nothing is
guessed: what neither says stays empty.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

CATALOG = "catalog.csv"
FIELDS = ("publication", "issue_date", "page")

# An issue date as furniture prints it: a full date with a weekday, or inside an e-paper
# tag with a page number. A date in running text (3月5日) is an event, not the issue.
_DATE = r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_HEADER_DATE = re.compile(_DATE + r"[\s　]*(?:星期|周)[一二三四五六日天]")
_TAG = re.compile(
    r"《(?P<pub>[^《》\n]{2,12}?(?:日报|晚报|时报|商报|报))》\s*[（(]\s*"
    + _DATE
    + r"\s*第\s*(?P<page>\d{1,3})\s*版\s*[）)]"
)
# 第3版 / 第 03 版 in a header line; 03版：要闻 / A3版 at a line's start
_PAGE = re.compile(r"第\s*(?P<page>\d{1,3})\s*版|^\s*[A-Z]?(?P<page2>\d{1,3})\s*版\s*[:：]", re.M)


@dataclass(frozen=True)
class PageMeta:
    publication: str = ""
    issue_date: str = ""  # YYYY-MM-DD
    page: str = ""  # the page number as printed, without leading zeros

    def over(self, other: PageMeta) -> PageMeta:
        """This, with what it leaves empty taken from ``other``."""
        return PageMeta(*(getattr(self, f) or getattr(other, f) for f in FIELDS))


def read_catalog(folder: str | Path) -> tuple[dict[str, PageMeta], list[str]]:
    """The catalogue beside the pages ({file: PageMeta}) and warnings for bad rows."""
    path = Path(folder) / CATALOG
    if not path.is_file():
        return {}, []
    out: dict[str, PageMeta] = {}
    warnings: list[str] = []
    try:
        rows = list(csv.DictReader(path.read_text("utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [f"ignored {CATALOG}: cannot read it ({exc})"]
    for n, row in enumerate(rows, 2):
        name = (row.get("file") or "").strip()
        if not name:
            warnings.append(f"{CATALOG} line {n}: no file name; row ignored")
            continue
        date = (row.get("issue_date") or "").strip()
        if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            warnings.append(f"{CATALOG} line {n}: issue_date {date!r} is not YYYY-MM-DD")
            date = ""
        page = (row.get("page") or "").strip().lstrip("0") or ""
        out[name] = PageMeta((row.get("publication") or "").strip(), date, page)
    return out, warnings


def page_furniture(text: str) -> PageMeta:
    """What the page's own header or e-paper tag says of its paper, date and page."""
    head = text[:2000]  # furniture stands at the top (a tag may repeat below: the first)
    m = _TAG.search(text)
    if m:
        return PageMeta(m["pub"].strip(), _iso(m), m["page"].lstrip("0"))
    date = _HEADER_DATE.search(head)
    page = _PAGE.search(head)
    return PageMeta(
        "",
        _iso(date) if date else "",
        (page["page"] or page["page2"]).lstrip("0") if page else "",
    )


def _iso(m: re.Match) -> str:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"
