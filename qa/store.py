"""Build folders on disk: the manifest, CURRENT, the build lock, loading, rollback.

Layout of ``index/``::

    CURRENT                 name of the build being served (replaced atomically)
    builds/<id>/            one complete build:
        manifest.json       id, built_at, model, engine, dim, counts, corpus hashes, version
        dense.faiss         the vector index (qa.vectors; "flat": FAISS IndexFlatIP)
        keyword/            bm25s files over jieba tokens
        passages.jsonl      passages with their citations
        articles.jsonl      articles with headline, byline, spans
        pages.jsonl         the page texts that citations point into

A build writes ``builds/.tmp-<id>`` (:func:`start_build`, :func:`write_build`), and
:func:`commit_build` checks that it loads, renames it into place and only then rewrites
``CURRENT``: a failed or interrupted build leaves the served index as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.errors import BuildError, IndexCorrupt, IndexMissing, ModelMismatch
from qa.keyword import KeywordIndex
from qa.passages import Passage, cut_sentences
from qa.segment.articles import Article
from qa.vectors import VectorIndex, load_vector_index

log = logging.getLogger(__name__)

FORMAT = 1
VECTOR_KIND = "flat"  # builds before the manifest named it were all flat


@dataclass
class Index:
    """A loaded build: everything a search needs, in memory."""

    path: Path
    manifest: dict[str, Any]
    passages: list[Passage]
    articles: dict[str, Article]
    pages: dict[str, str]
    dense: VectorIndex
    keyword: KeywordIndex

    @property
    def id(self) -> str:
        return self.manifest["id"]


def start_build(root: Path) -> tuple[str, Path]:
    """A new build id (its time first, so names sort by age) and its temporary folder."""
    build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]
    tmp = root / "builds" / f".tmp-{build_id}"
    tmp.mkdir(parents=True)
    return build_id, tmp


def write_build(
    tmp: Path,
    manifest: dict[str, Any],
    dense: VectorIndex,
    keyword: KeywordIndex,
    passages: Iterable[Passage],
    articles: Iterable[Article],
    pages: Iterable[tuple[str, str]],
) -> None:
    """Write every file of a build into its temporary folder."""
    dense.save(tmp)
    keyword.save(tmp / "keyword")
    _write_jsonl(tmp / "passages.jsonl", (p.to_dict() for p in passages))
    _write_jsonl(tmp / "articles.jsonl", (a.to_dict() for a in articles))
    _write_jsonl(tmp / "pages.jsonl", ({"source": s, "text": t} for s, t in pages))
    (tmp / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def commit_build(root: Path, tmp: Path, build_id: str, model: str) -> None:
    """Check the build loads, move it into place, then make it current (atomically)."""
    load_build(tmp, model)  # never swap in what would not load
    os.replace(tmp, root / "builds" / build_id)
    _set_current(root, build_id)


def discard_build(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)


def current_build(root: str | Path) -> Path | None:
    """The folder of the build being served, or None if there is none yet."""
    root = Path(root)
    try:
        name = (root / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return root / "builds" / name if name else None


def index_exists(root: str | Path) -> bool:
    path = current_build(root)
    return bool(path and (path / "manifest.json").exists())


def load_index(root: str | Path, model: str) -> Index:
    """Load the current build, checking it is whole and made with ``model``."""
    path = current_build(root)
    if path is None:
        raise IndexMissing("there is no index yet: run `qa build` first", detail=str(root))
    if not path.is_dir():
        raise IndexCorrupt(
            f"the current build {path.name} is missing: rebuild with `qa build`", detail=str(path)
        )
    return load_build(path, model)


def load_build(path: Path, model: str) -> Index:
    """Load one build folder, checking that it is whole and made with ``model``."""
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise IndexCorrupt(
                f"build {path.name} has format {manifest.get('format')}, need {FORMAT}: "
                "rebuild with `qa build`",
                detail=str(path),
            )
        if manifest["model"] != model:
            raise ModelMismatch(
                f"the index was built with model {manifest['model']!r}, "
                f"but the service is configured for {model!r}. Rebuild it with "
                f"`qa build --model {model}`, or set QA_MODEL={manifest['model']}.",
                detail=str(path),
            )
        n, dim = int(manifest["counts"]["passages"]), int(manifest["dim"])
        passages = [Passage.from_dict(d) for d in _read_jsonl(path / "passages.jsonl")]
        articles = {a.id: a for a in map(Article.from_dict, _read_jsonl(path / "articles.jsonl"))}
        pages = {d["source"]: d["text"] for d in _read_jsonl(path / "pages.jsonl")}
        dense = load_vector_index(manifest.get("vectors", VECTOR_KIND), path)
        keyword = KeywordIndex.load(path / "keyword")
        for p in passages:
            if not p.sentences:  # a build from before sentences were stored
                p.sentences = cut_sentences(pages[p.source], p.char_start, p.char_end)
    except (ModelMismatch, IndexCorrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - any damage to the files is one error to the user
        raise IndexCorrupt(
            f"build {path.name} is damaged or incomplete: rebuild with `qa build`",
            detail=f"{path}: {type(exc).__name__}: {exc}",
        ) from exc
    why = None
    if dense.count() != n or len(passages) != n or dense.dim != dim:
        why = "is incomplete: its counts disagree"
    elif any(p.article_id not in articles for p in passages):
        why = "cites unknown articles"
    elif any(p.source not in pages for p in passages):
        why = "cites unknown pages"
    if why:
        raise IndexCorrupt(f"build {path.name} {why}: rebuild with `qa build`", detail=str(path))
    return Index(path, manifest, passages, articles, pages, dense, keyword)


@contextlib.contextmanager
def build_lock(root: Path):
    """One build at a time per index folder; a second one fails at once, clearly."""
    with open(root / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build of {root} is running", status=409) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _set_current(root: Path, build_id: str) -> None:
    tmp = root / f".CURRENT.{build_id}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(build_id + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / "CURRENT")


def prune(root: Path, keep: set[str]) -> None:
    """Drop every build but the new one and the one served before it (the rollback copy),
    and every leftover of a killed build: half-written folders, builds that were moved in
    but never made current, and CURRENT files never renamed into place."""
    for old in (root / "builds").iterdir():
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in root.glob(".CURRENT.*"):
        stale.unlink(missing_ok=True)


def builds_newest_first(root: str | Path) -> list[Path]:
    """Every complete build in ``root``, newest first (build ids begin with their time)."""
    folder = Path(root) / "builds"
    if not folder.is_dir():
        return []
    done = [p for p in folder.iterdir() if not p.name.startswith(".") and p.is_dir()]
    return sorted(done, key=lambda p: p.name, reverse=True)


def _write_jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
