"""Read newspaper pages (one ``*.txt`` file a page) from a folder."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ENCODINGS = ("utf-8", "gb18030")


@dataclass(frozen=True)
class Page:
    """One page: its file name, decoded text and a hash of its bytes."""

    source: str
    text: str
    sha256: str
    encoding: str


def decode(raw: bytes) -> tuple[str, str] | None:
    """Return (text, encoding), trying UTF-8 then GB18030; None if neither decodes."""
    for enc in ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        return text, enc
    return None


def read_pages(folder: str | Path) -> tuple[list[Page], list[str]]:
    """Read every ``*.txt`` page in ``folder``, sorted by name.

    Returns the pages and a list of warnings for files that were skipped, so a build
    over thousands of pages goes on past one bad file and still says which it was.
    """
    folder = Path(folder)
    pages: list[Page] = []
    warnings: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            warnings.append(f"skipped {path.name}: cannot read ({exc.strerror or exc})")
            continue
        decoded = decode(raw)
        if decoded is None:
            warnings.append(f"skipped {path.name}: neither UTF-8 nor GB18030")
            continue
        text, enc = decoded
        pages.append(Page(path.name, text, hashlib.sha256(raw).hexdigest(), enc))
    for w in warnings:
        log.warning(w)
    return pages, warnings


def read_page_text(path: str | Path) -> str:
    """Decode one page file the way the build does (for citation checks)."""
    decoded = decode(Path(path).read_bytes())
    if decoded is None:
        raise ValueError(f"{path}: neither UTF-8 nor GB18030")
    return decoded[0]
