"""The pages folder is read safely: regular files inside it, of bounded size, with text."""

from __future__ import annotations

import os
import threading

import pytest

from qa.ingest.pages import read_pages

PAGE = "滨河新区图书馆正式开放\n\n3月5日，滨河新区图书馆正式向市民开放。\n"


def _read(folder, **kw):
    """read_pages in a thread: a read that blocks fails the test instead of hanging it."""
    out = {}
    t = threading.Thread(target=lambda: out.update(r=read_pages(folder, **kw)), daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive(), "reading the pages folder blocked"
    pages, warnings = out["r"]
    return {p.source: p for p in pages}, warnings


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "a.txt").write_text(PAGE, encoding="utf-8")
    return d


def _warned(warnings, name, words):
    return any(w.startswith(f"skipped {name}: ") and words in w for w in warnings)


def test_a_link_outside_the_folder_is_refused(folder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "etc.txt").symlink_to("/etc/passwd")
    pages, warnings = _read(folder)
    assert set(pages) == {"a.txt"}
    assert _warned(warnings, "passwd.txt", "outside the pages folder")
    assert _warned(warnings, "etc.txt", "outside the pages folder")


def test_a_link_inside_the_folder_is_read(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "b.page").write_text(PAGE, encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "sub" / "b.page")
    pages, warnings = _read(folder)
    assert set(pages) == {"a.txt", "b.txt"} and pages["b.txt"].text == PAGE
    assert warnings == []


def test_special_files_are_never_opened_for_a_blocking_read(folder):
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "dir.txt").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    pages, warnings = _read(folder)
    assert set(pages) == {"a.txt"}
    assert _warned(warnings, "fifo.txt", "not a regular file")
    assert _warned(warnings, "zero.txt", "outside the pages folder")
    assert _warned(warnings, "dir.txt", "not a regular file")
    assert _warned(warnings, "dangling.txt", "leads nowhere")
    assert _warned(warnings, "loop.txt", "leads nowhere")


def test_a_page_over_the_size_limit_is_skipped_naming_the_setting(folder):
    (folder / "big.txt").write_text(PAGE * 100, encoding="utf-8")
    size = (folder / "big.txt").stat().st_size
    pages, warnings = _read(folder, max_bytes=size - 1)
    assert set(pages) == {"a.txt"}
    assert _warned(warnings, "big.txt", f"{size} bytes, over the limit of {size - 1}")
    assert any("QA_MAX_PAGE_BYTES" in w for w in warnings)
    pages, warnings = _read(folder, max_bytes=size)
    assert set(pages) == {"a.txt", "big.txt"} and warnings == []


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", "\u3000\n".encode(), b"\xef\xbb\xbf\n"])
def test_an_empty_page_is_skipped(folder, content):
    (folder / "empty.txt").write_bytes(content)
    pages, warnings = _read(folder)
    assert set(pages) == {"a.txt"}
    assert _warned(warnings, "empty.txt", "empty")
