"""Build the index into a fresh folder, swap it in atomically, and load it back.

Layout of ``index/``::

    CURRENT                 name of the build being served (replaced atomically)
    builds/<id>/            one complete build:
        manifest.json       id, built_at, model, engine, dim, counts, corpus hashes, version
        dense.faiss         FAISS IndexFlatIP over L2-normalised passage vectors
        keyword/            bm25s files over jieba tokens
        passages.jsonl      passages with their citations
        articles.jsonl      articles with headline, byline, spans
        pages.jsonl         the page texts that citations point into

A build writes ``builds/.tmp-<id>``, checks that it loads, renames it into place and only
then rewrites ``CURRENT``: a failed or interrupted build leaves the served index as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa import __version__
from qa.articles import Article, segment_page
from qa.embed import Embedder
from qa.errors import BuildError, IndexCorrupt, IndexMissing, ModelMismatch
from qa.keyword import KeywordIndex
from qa.pages import Page, read_pages
from qa.passages import Passage, article_passages

log = logging.getLogger(__name__)

FORMAT = 1
Progress = Callable[[int, int], None]


@dataclass
class Index:
    """A loaded build: everything a search needs, in memory."""

    path: Path
    manifest: dict[str, Any]
    passages: list[Passage]
    articles: dict[str, Article]
    pages: dict[str, str]
    dense: Any  # faiss.Index
    keyword: KeywordIndex

    @property
    def id(self) -> str:
        return self.manifest["id"]


def embed_text(passage: Passage, article: Article, with_headline: bool) -> str:
    """What the model sees for a passage: its article's headline gives it context."""
    if with_headline and article.headline:
        return f"{article.headline}\n{passage.text}"
    return passage.text


def collect(
    seeds_dir: str | Path, settings: dict[str, Any]
) -> tuple[list[Article], list[Passage], list[Page], list[str]]:
    """Read pages, segment them into articles and cut the passages to index."""
    pages, warnings = read_pages(seeds_dir, int(settings["MAX_PAGE_BYTES"]))
    articles, passages, kept, more = segment_pages(pages, settings)
    return articles, passages, kept, warnings + more


def segment_pages(
    pages: list[Page], settings: dict[str, Any]
) -> tuple[list[Article], list[Passage], list[Page], list[str]]:
    """Segment pages into articles and passages; a page that fails is skipped, named."""
    articles: list[Article] = []
    passages: list[Passage] = []
    kept: list[Page] = []
    warnings: list[str] = []
    for page in pages:
        try:
            page_articles = segment_page(page.source, page.text)
            page_passages: list[Passage] = []
            for art in page_articles:
                if art.kind == "ad" and not settings["INDEX_ADS"]:
                    continue
                page_passages += article_passages(
                    page.text,
                    art,
                    int(settings["PASSAGE_CHARS"]),
                    int(settings["PASSAGE_OVERLAP"]),
                    first_id=len(passages) + len(page_passages),
                )
        except Exception as exc:  # noqa: BLE001 - one odd page must not stop a rebuild
            msg = f"skipped {page.source}: cannot segment it ({type(exc).__name__}: {exc})"
            log.warning(msg)
            warnings.append(msg)
            continue
        kept.append(page)
        articles += page_articles
        passages += page_passages
    return articles, passages, kept, warnings


def _embed_missing(
    texts: list[str],
    sources: list[str],
    known: dict[str, np.ndarray],
    embedder: Embedder,
    progress: Progress | None,
    batch_size: int,
) -> dict[str, str]:
    """Embed every text ``known`` lacks into it; return {page: error} for pages that fail.

    A batch that fails is embedded again one text at a time, so one bad passage costs
    only its own page, which the caller skips with a warning naming it. When a text fails
    alone, a plain text is tried too: if that fails as well, the engine itself is broken
    and the batch's error is raised (the build fails, the served index stays).
    """
    todo = sorted({t: i for i, t in enumerate(texts) if _text_key(t) not in known}.values())
    failed: dict[str, str] = {}
    for b in range(0, len(todo), batch_size):
        rows = [i for i in todo[b : b + batch_size] if sources[i] not in failed]
        try:
            pairs = list(zip(rows, embedder.passages([texts[i] for i in rows])))
        except Exception as batch_error:  # noqa: BLE001 - find the text (and page) that fails
            pairs = []
            for i in rows:
                try:
                    pairs.append((i, embedder.passages([texts[i]])[0]))
                except Exception as exc:  # noqa: BLE001
                    if not _engine_works(embedder):
                        raise batch_error from None
                    failed.setdefault(sources[i], f"{type(exc).__name__}: {exc}")
        for i, v in pairs:
            known[_text_key(texts[i])] = v
        if progress:
            progress(min(b + batch_size, len(todo)), len(todo))
    return failed


def build_index(
    settings: dict[str, Any],
    embedder: Embedder,
    progress: Progress | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Build an index of ``SEEDS_DIR`` into ``INDEX_DIR`` and make it current.

    Returns the new manifest. Raises BuildError, leaving the current index untouched.
    """
    import faiss

    seeds_dir = Path(settings["SEEDS_DIR"])
    root = Path(settings["INDEX_DIR"])
    if not seeds_dir.is_dir():
        raise BuildError(f"seeds folder {seeds_dir} does not exist", status=400)
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        served = current_build(root)  # the rollback copy, whatever else builds/ holds
        articles, passages, pages, warnings = collect(seeds_dir, settings)
        build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f") + "-"
        build_id += uuid.uuid4().hex[:6]
        tmp = builds / f".tmp-{build_id}"
        tmp.mkdir()
        try:
            known = _previous_vectors(root, embedder) if settings["REUSE_VECTORS"] else {}
            texts = _embed_texts(articles, passages, settings)
            reused = sum(_text_key(t) in known for t in texts)
            failed = _embed_missing(
                texts, [p.source for p in passages], known, embedder, progress, batch_size
            )
            if failed:
                for source, why in failed.items():
                    msg = f"skipped {source}: cannot embed it ({why})"
                    log.warning(msg)
                    warnings.append(msg)
                articles, passages, pages, more = segment_pages(
                    [p for p in pages if p.source not in failed], settings
                )
                warnings += more
                texts = _embed_texts(articles, passages, settings)
            if not passages:
                raise BuildError(f"no readable page with text in {seeds_dir}", status=400)
            hashes = {p.source: p.sha256 for p in pages}
            vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
            for i, text in enumerate(texts):
                vectors[i] = known[_text_key(text)]
            dense = faiss.IndexFlatIP(embedder.dim)
            dense.add(vectors)
            faiss.write_index(dense, str(tmp / "dense.faiss"))
            KeywordIndex.build([p.text for p in passages]).save(tmp / "keyword")
            _write_jsonl(tmp / "passages.jsonl", (p.to_dict() for p in passages))
            _write_jsonl(tmp / "articles.jsonl", (a.to_dict() for a in articles))
            _write_jsonl(tmp / "pages.jsonl", ({"source": p.source, "text": p.text} for p in pages))
            manifest = {
                "id": build_id,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "model": embedder.model,
                "engine": embedder.engine,
                "dim": embedder.dim,
                "counts": {
                    "pages": len(hashes),
                    "articles": len(articles),
                    "passages": len(passages),
                    "skipped_pages": len(warnings),
                    "reused_vectors": reused,
                },
                "corpus": hashes,
                "warnings": warnings,
                "settings": {
                    k: settings[k] for k in ("PASSAGE_CHARS", "PASSAGE_OVERLAP", "EMBED_HEADLINE")
                },
                "package_version": __version__,
                "format": FORMAT,
            }
            (tmp / "manifest.json").write_text(
                json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            load_build(tmp, embedder.model)  # never swap in what would not load
            final = builds / build_id
            os.replace(tmp, final)
            _set_current(root, build_id)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, BuildError) or not isinstance(exc, Exception):
                raise  # ours already, or an interrupt: pass it on as it is
            raise BuildError(f"build failed, current index kept: {exc}") from exc
        _prune(root, keep={build_id, served.name if served else build_id})
        return manifest


def _engine_works(embedder: Embedder) -> bool:
    try:
        embedder.passages(["报纸"])
    except Exception:  # noqa: BLE001 - any failure on a plain text: the engine is broken
        return False
    return True


def _embed_texts(articles: list[Article], passages: list[Passage], settings) -> list[str]:
    by_id = {a.id: a for a in articles}
    return [embed_text(p, by_id[p.article_id], settings["EMBED_HEADLINE"]) for p in passages]


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _previous_vectors(root: Path, embedder: Embedder) -> dict[str, np.ndarray]:
    """The current build's passage vectors by the hash of the text that was embedded.

    A rebuild after adding pages then embeds only the new passages (and any whose text or
    headline changed): on a CPU, embedding is nearly all of a build's time. Only vectors of
    the same model on the same engine are reused, so a rebuild gives the same vectors a
    fresh build would. Anything unreadable just means embedding everything.
    """
    path = current_build(root)
    if path is None:
        return {}
    try:
        old = load_build(path, embedder.model)  # checks the model and the files' integrity
        if (old.manifest["engine"], old.dense.d) != (embedder.engine, embedder.dim):
            return {}
        with_headline = old.manifest["settings"]["EMBED_HEADLINE"]
        vectors = old.dense.reconstruct_n(0, old.dense.ntotal)
        return {
            _text_key(embed_text(p, old.articles[p.article_id], with_headline)): vectors[i]
            for i, p in enumerate(old.passages)
        }
    except ModelMismatch:
        return {}  # another model: nothing to reuse, and nothing wrong
    except Exception as exc:  # noqa: BLE001 - a damaged old build only costs time
        log.warning("not reusing vectors of build %s: %s", path.name, exc)
        return {}


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
    import faiss

    # One query against a flat index is a single matrix-vector product: FAISS's own OpenMP
    # team gains nothing there and its idle threads spin against the embedding engine's.
    faiss.omp_set_num_threads(1)
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
        passages = [Passage(**d) for d in _read_jsonl(path / "passages.jsonl")]
        articles = {a.id: a for a in map(Article.from_dict, _read_jsonl(path / "articles.jsonl"))}
        pages = {d["source"]: d["text"] for d in _read_jsonl(path / "pages.jsonl")}
        dense = faiss.read_index(str(path / "dense.faiss"))
        keyword = KeywordIndex.load(path / "keyword")
    except (ModelMismatch, IndexCorrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - any damage to the files is one error to the user
        raise IndexCorrupt(
            f"build {path.name} is damaged or incomplete: rebuild with `qa build`",
            detail=f"{path}: {type(exc).__name__}: {exc}",
        ) from exc
    why = None
    if dense.ntotal != n or len(passages) != n or dense.d != dim:
        why = "is incomplete: its counts disagree"
    elif any(p.article_id not in articles for p in passages):
        why = "cites unknown articles"
    elif any(p.source not in pages for p in passages):
        why = "cites unknown pages"
    if why:
        raise IndexCorrupt(f"build {path.name} {why}: rebuild with `qa build`", detail=str(path))
    return Index(path, manifest, passages, articles, pages, dense, keyword)


@contextlib.contextmanager
def _build_lock(root: Path):
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


def _prune(root: Path, keep: set[str]) -> None:
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
