"""Read newspaper pages (one ``*.txt`` file a page) from a folder."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ENCODINGS = ("utf-8", "gb18030")
# A file name that can serve as its articles' id stem as it is (ids go into URLs).
PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,79}")


@dataclass(frozen=True)
class Page:
    """One page: its file name, decoded text and a hash of its bytes."""

    source: str
    text: str
    sha256: str
    encoding: str


def page_key(source: str) -> str:
    """The stem of the ids of a page's articles, safe in a URL by construction.

    The file name without its extension when that is a plain identifier (``003_54c9``),
    else ``p`` and a hash of the whole name: spaces, Chinese, quotes or ``..`` in a file
    name never reach a URL, and the citation keeps the file name as its ``source``.
    """
    stem = source.rsplit(".", 1)[0]
    if PLAIN_NAME.fullmatch(stem):
        return stem
    return "p" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


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


def read_pages(folder: str | Path, max_bytes: int = 4 << 20) -> tuple[list[Page], list[str]]:
    """Every readable page of ``folder`` (see :func:`iter_pages`) and the warnings."""
    warnings: list[str] = []
    pages = list(iter_pages(page_files(folder), folder, max_bytes, warnings))
    return pages, warnings


def page_files(folder: str | Path) -> list[Path]:
    """The ``*.txt`` files of ``folder``, sorted by name (not yet read or checked)."""
    return sorted(Path(folder).glob("*.txt"))


def iter_pages(
    paths: list[Path], folder: str | Path, max_bytes: int, warnings: list[str]
) -> Iterator[Page]:
    """Read the pages ``paths`` name, one at a time, so a build holds one page at a time.

    Only regular files inside the folder are read: a link is followed only when it leads
    to a file inside the folder, and a FIFO, device or socket is never opened for a
    blocking read. A page over ``max_bytes``, or empty, is skipped with a warning
    (appended to ``warnings`` and logged), so a build over thousands of pages goes on past
    one bad file and still says which it was.
    """
    top = Path(folder).resolve()
    for path in paths:
        why = ""
        if not path.name.isprintable() or not _utf8(path.name):
            shown = ascii(path.name)
            why = f"skipped {shown}: the file name is not printable UTF-8; rename it"
        else:
            raw, problem = _read_regular(path, top, max_bytes)
            decoded = decode(raw) if raw is not None else None
            if raw is None:
                why = f"skipped {path.name}: {problem}"
            elif decoded is None:
                why = f"skipped {path.name}: neither UTF-8 nor GB18030"
            elif not decoded[0].strip():
                why = f"skipped {path.name}: empty (no text but whitespace)"
        if why:
            log.warning(why)
            warnings.append(why)
            continue
        text, enc = decoded
        yield Page(path.name, text, hashlib.sha256(raw).hexdigest(), enc)


def file_sha256(path: Path, folder: str | Path, max_bytes: int) -> str | None:
    """The SHA-256 of a file the pages reader would read (same checks), else None."""
    raw, _ = _read_regular(path, Path(folder).resolve(), max_bytes)
    return hashlib.sha256(raw).hexdigest() if raw is not None else None


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8, kept as lone surrogates
        return False
    return True


def _read_regular(path: Path, top: Path, max_bytes: int) -> tuple[bytes | None, str]:
    """The bytes of ``path`` if it is a regular file inside ``top`` and not too large."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link, or a loop of links
        return None, "a link that leads nowhere"
    if not real.is_relative_to(top):
        return None, "a link to a file outside the pages folder"
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the path was
        # resolved above, a link swapped in since is refused.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as exc:
        return None, f"cannot read ({exc.strerror or exc})"
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, "not a regular file"
        if st.st_size > max_bytes:
            return None, (
                f"{st.st_size} bytes, over the limit of {max_bytes} a page (QA_MAX_PAGE_BYTES)"
            )
        chunks, left = [], max_bytes + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        return None, f"cannot read ({exc.strerror or exc})"
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # it grew while we read it
        return None, f"over the limit of {max_bytes} bytes a page (QA_MAX_PAGE_BYTES)"
    return raw, ""


def read_page_text(path: str | Path) -> str:
    """Decode one page file the way the build does (for citation checks)."""
    decoded = decode(Path(path).read_bytes())
    if decoded is None:
        raise ValueError(f"{path}: neither UTF-8 nor GB18030")
    return decoded[0]
