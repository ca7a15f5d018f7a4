"""Build folders on disk: the manifest, CURRENT, the build lock, loading, rollback.

Layout of ``index/``::

    CURRENT                 name of the build being served (replaced atomically)
    builds/<id>/            one complete build:
        manifest.json       id, built_at, model, engine, dim, counts, settings, format
        dense.faiss         the vector index (qa.vectors: "flat" exact, "ivf" approximate)
        keyword/            BM25 postings over jieba tokens (qa.keyword)
        store.sqlite        pages, articles and passages (qa.docstore)

Nothing of a build is read into memory when it loads: the vector index and the postings
are memory-mapped and the records are looked up in SQLite, so loading takes milliseconds
and a reload never holds two builds in memory.

A build writes ``builds/.tmp-<id>`` (:func:`start_build`), and :func:`commit_build`
checks that it loads, renames it into place and only then rewrites ``CURRENT``: a failed
or interrupted build leaves the served index as it was.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.docstore import DocStore
from qa.errors import BackendUnavailable, BuildError, IndexCorrupt, IndexMissing, ModelMismatch
from qa.keyword import KeywordIndex
from qa.vectors import VectorIndex, load_vector_index

log = logging.getLogger(__name__)

# 3: keyword postings carry a code of count and passage length (was 2: counts alone).
# 2: records in SQLite, postings in segments, the vector kind chosen by size (was 1: JSON
# lines and bm25s files read whole into memory).
FORMAT = 3
# Builds of these formats have records and vectors this version reads: a rebuild from one
# reuses its vectors instead of embedding everything again.
VECTORS_READABLE = (2, 3)


@dataclass
class Index:
    """A loaded build: the vector index, the keyword index and the records, all on disk.

    ``passages[i]``, ``articles[id]`` and ``pages[source]`` read what they are asked for.
    """

    path: Path
    manifest: dict[str, Any]
    docs: DocStore
    dense: VectorIndex
    keyword: KeywordIndex | None  # None in a build opened only for its vectors

    @property
    def id(self) -> str:
        return self.manifest["id"]

    @property
    def passages(self):
        return self.docs.passages

    @property
    def articles(self):
        return self.docs.articles

    @property
    def pages(self):
        return self.docs.pages


def start_build(root: Path) -> tuple[str, Path]:
    """A new build id (its time first, so names sort by age) and its temporary folder."""
    build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]
    tmp = root / "builds" / f".tmp-{build_id}"
    tmp.mkdir(parents=True)
    return build_id, tmp


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def commit_build(
    root: Path, tmp: Path, build_id: str, model: str, settings: dict | None = None
) -> None:
    """Check the build loads, move it into place, then make it current (atomically)."""
    built = load_build(tmp, model, settings)  # never swap in what would not load
    os.replace(tmp, root / "builds" / build_id)
    built.dense.publish()  # an index outside the folder (a Milvus alias) switches first
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


def outdated_format(root: str | Path) -> int | None:
    """The format of the current build when it is older than this version reads, else None
    (also when there is no build, or its manifest is unreadable: loading says why)."""
    path = current_build(root)
    try:
        found = json.loads((path / "manifest.json").read_text(encoding="utf-8"))["format"]
    except Exception:  # noqa: BLE001 - not ours to diagnose here
        return None
    return found if isinstance(found, int) and found < FORMAT else None


def load_index(root: str | Path, model: str, settings: dict | None = None) -> Index:
    """Load the current build, checking it is whole and made with ``model``."""
    path = current_build(root)
    if path is None:
        raise IndexMissing("there is no index yet: run `qa build` first", detail=str(root))
    if not path.is_dir():
        raise IndexCorrupt(
            f"the current build {path.name} is missing: rebuild with `qa build`", detail=str(path)
        )
    index = load_build(path, model, settings)
    backend = "milvus" if index.manifest["vectors"] == "milvus" else "faiss"
    if settings and settings.get("BACKEND", backend) != backend:
        raise ModelMismatch(
            f"the index was built for QA_BACKEND={backend}, but the service is configured "
            f"for QA_BACKEND={settings['BACKEND']}: rebuild it with `qa build`, or set "
            f"QA_BACKEND={backend}.",
            detail=str(path),
        )
    return index


def load_build(
    path: Path,
    model: str,
    settings: dict | None = None,
    mmap: bool = True,
    vectors_only: bool = False,
) -> Index:
    """Load one build folder, checking that it is whole and made with ``model``.

    ``settings`` tune the search (IVF_NPROBE); ``mmap=False`` reads the vector index into
    memory, as adding to it needs. ``vectors_only`` opens the records and vectors of a
    build of any format in VECTORS_READABLE, without its keyword index (for reuse).
    """
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        readable = VECTORS_READABLE if vectors_only else (FORMAT,)
        if manifest.get("format") not in readable:
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
        docs = DocStore(path)
        dense = load_vector_index(manifest["vectors"], path, settings, mmap=mmap)
        keyword = None if vectors_only else KeywordIndex.load(path / "keyword")
        stored = len(docs.passages)
        # Look-ups of the first and last records: a damaged file fails here, not mid-query.
        ends = [docs.passages[i] for i in {0, n - 1} if 0 <= i < stored]
        cited_ok = all(p.article_id in docs.articles and p.source in docs.pages for p in ends)
    except (ModelMismatch, IndexCorrupt, BackendUnavailable):
        raise
    except Exception as exc:  # noqa: BLE001 - any damage to the files is one error to the user
        raise IndexCorrupt(
            f"build {path.name} is damaged or incomplete: rebuild with `qa build`",
            detail=f"{path}: {type(exc).__name__}: {exc}",
        ) from exc
    why = None
    keyword_n = n if keyword is None else keyword.count
    if dense.count() != n or stored != n or keyword_n != n or dense.dim != dim:
        why = "is incomplete: its counts disagree"
    elif not cited_ok:
        why = "cites unknown articles or pages"
    if why:
        raise IndexCorrupt(f"build {path.name} {why}: rebuild with `qa build`", detail=str(path))
    return Index(path, manifest, docs, dense, keyword)


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
