"""The build pipeline: read pages, segment, cut passages, embed (reusing what it can),
and write the records, postings and vectors of a new build, then swap it in.

Pages stream through one at a time (read, segmented, embedded, written), so a build's
memory does not grow with the archive; the vectors wait in a scratch file until the
vector index, chosen by the archive's size, is trained and filled from it.

A build is one of two kinds. **Append**: when every page of the served build is still
there unchanged and nothing that shapes passages changed (model, engine, settings,
catalogue, package version), the new build is the served one plus the new pages: its
records, postings and vector index are copied and added to, so a day's pages cost time
in proportion to themselves. **Full**: otherwise, or with ``qa build --full``; it still
takes each passage's vector from the served build when the same text was embedded there
(REUSE_VECTORS), so only new or changed text is embedded.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from qa import __version__, store
from qa.docstore import FILE as STORE_FILE
from qa.docstore import DocWriter
from qa.embed import Embedder
from qa.errors import BuildError, ModelMismatch
from qa.ingest.catalog import PageMeta, page_furniture, read_catalog
from qa.ingest.pages import Page, file_sha256, iter_pages, page_files, read_pages
from qa.keyword import KeywordIndex, KeywordWriter, tokenize
from qa.passages import Passage, article_passages
from qa.segment.articles import Article, segment_page
from qa.segment.fold import simplified
from qa.vectors import (
    VectorIndex,
    choose_kind,
    load_vector_index,
    make_vector_index,
    require_backend,
    streaming_index,
    vector_class,
)

log = logging.getLogger(__name__)

# progress(stage, done, total, **counts): "pages" (read, segment, embed; with the count of
# passages embedded so far as passages=), "training" (an approximate index only), then
# "vectors" (filling the index). qa.progress.BuildProgress is one; the CLI's bar another.
Progress = Callable[..., None]
# What shapes passages and their vectors: a build may add to another only if all agree.
SHAPING = ("PASSAGE_CHARS", "PASSAGE_OVERLAP", "EMBED_HEADLINE", "INDEX_ADS")
ADD_CHUNK = 65536  # vectors moved from the scratch file into the index at a time
MAX_TRAIN = 256 * 1024  # at most this many vectors train the approximate index


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
    catalog, more = read_catalog(seeds_dir)
    articles, passages, kept, most = segment_pages(pages, settings, catalog)
    return articles, passages, kept, warnings + more + most


def read_articles(
    source: str, text: str, catalog: dict[str, PageMeta] | None = None
) -> list[Article]:
    """A page's articles, each with the paper, issue date and page it was printed in.

    The paper an article prints itself (a masthead or tag on its page, a byline naming a
    paper, as a reprint's does) comes first; an article of the paper's own (its byline
    says 本报, "this paper") takes the catalogue's paper; else the page's e-paper tag. The
    issue date and page come from the catalogue, then the furniture. Never a guess.
    """
    listed = (catalog or {}).get(source, PageMeta())
    printed = page_furniture(text)
    meta = listed.over(printed)
    articles = segment_page(source, text)
    for art in articles:
        own = listed.publication if "本报" in simplified(art.byline) else ""
        art.publication = art.publication or own or printed.publication
        art.issue_date, art.page = meta.issue_date, meta.page
    return articles


def doubts(source: str, text: str, articles: list[Article]) -> list[str]:
    """What looks doubtful in a page's segmentation, for the administrator to check."""
    out = []
    size = len("".join(text.split()))
    if not articles and size > 200:
        out.append(f"{source}: no article found in {size} characters")
    headless = [a.seq for a in articles if not a.headline and a.kind != "continuation"]
    if headless:
        out.append(f"{source}: no headline recognised for article(s) {headless}")
    for a in articles:
        body = sum(len("".join(text[s:e].split())) for s, e in a.body_spans)
        if size > 3000 and len(articles) > 0 and body > 0.6 * size:
            out.append(f"{source}: article {a.seq} covers {body} of {size} characters")
    return out


def segment_pages(
    pages: list[Page], settings: dict[str, Any], catalog: dict[str, PageMeta] | None = None
) -> tuple[list[Article], list[Passage], list[Page], list[str]]:
    """Segment pages into articles and passages; a page that fails is skipped, named."""
    articles: list[Article] = []
    passages: list[Passage] = []
    kept: list[Page] = []
    warnings: list[str] = []
    for page in pages:
        cut = segment_one(page, settings, catalog, len(passages), warnings)
        if cut is None:
            continue
        page_articles, page_passages = cut
        kept.append(page)
        articles += page_articles
        passages += page_passages
    return articles, passages, kept, warnings


def segment_one(
    page: Page,
    settings: dict[str, Any],
    catalog: dict[str, PageMeta] | None,
    first_id: int,
    warnings: list[str],
) -> tuple[list[Article], list[Passage]] | None:
    """One page's articles and passages (ids from ``first_id``); None, with a warning
    naming the page, when it cannot be segmented."""
    try:
        articles = read_articles(page.source, page.text, catalog)
        passages: list[Passage] = []
        for art in articles:
            if art.kind == "ad" and not settings["INDEX_ADS"]:
                continue
            passages += article_passages(
                page.text,
                art,
                int(settings["PASSAGE_CHARS"]),
                int(settings["PASSAGE_OVERLAP"]),
                first_id=first_id + len(passages),
            )
    except Exception as exc:  # noqa: BLE001 - one odd page must not stop a rebuild
        msg = f"skipped {page.source}: cannot segment it ({type(exc).__name__}: {exc})"
        log.warning(msg)
        warnings.append(msg)
        return None
    for doubt in doubts(page.source, page.text, articles):
        log.warning("segmentation looks doubtful: %s", doubt)
    return articles, passages


class PageFailed(Exception):
    """A page whose text the engine cannot embed: the build skips it, naming it."""


def embed_page(
    texts: list[str],
    keys: list[bytes],
    embedder: Embedder,
    reuse: Callable[[list[bytes]], dict[bytes, np.ndarray]],
    batch_size: int,
) -> tuple[np.ndarray, int]:
    """The vectors of one page's passage texts, and how many were reused.

    A batch that fails is embedded again one text at a time, to find the text that
    fails: the page is then skipped (PageFailed). If a plain text fails as well, the
    engine itself is broken and the batch's error is raised: the build fails and the
    served index stays.
    """
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    known = reuse(keys)
    todo = [i for i, k in enumerate(keys) if k not in known]
    for i, k in enumerate(keys):
        if k in known:
            out[i] = known[k]
    for b in range(0, len(todo), batch_size):
        rows = todo[b : b + batch_size]
        try:
            out[rows] = embedder.passages([texts[i] for i in rows])
        except Exception as batch_error:  # noqa: BLE001 - find the text that fails
            for i in rows:
                try:
                    out[i] = embedder.passages([texts[i]])[0]
                except Exception as exc:  # noqa: BLE001
                    if not _engine_works(embedder):
                        raise batch_error from None
                    raise PageFailed(f"{type(exc).__name__}: {exc}") from None
    return out, len(texts) - len(todo)


class BuildWriter:
    """Writes a build's records, postings and vectors as pages stream through.

    ``base`` (the served build, appended to) is copied first: its store and keyword
    files are copied (the keyword segments, never rewritten, are hard-linked), and its
    vector index is read into memory to be added to. Without ``base`` the vectors go to a
    scratch file, and :meth:`close` makes the index the final count calls for; or, for an
    index outside the folder (a Milvus collection), straight into a new one.
    """

    def __init__(self, tmp: Path, dim: int, settings: dict[str, Any], base=None):
        self.tmp, self.dim, self.settings = tmp, dim, settings
        self.dense: VectorIndex | None = streaming_index(dim, settings) if base is None else None
        if base is not None:
            shutil.copyfile(base.path / STORE_FILE, tmp / STORE_FILE)
            _copy_keyword(base.path / "keyword", tmp / "keyword")
            # read into memory (not mapped): it is added to, then written into the new build
            self.dense = load_vector_index(base.manifest["vectors"], base.path, mmap=False)
        self.docs = DocWriter(tmp)
        kw_base = KeywordIndex.load(tmp / "keyword") if base is not None else None
        self.keyword = KeywordWriter(tmp / "keyword", base=kw_base)
        self._scratch = None if self.dense is not None else open(tmp / "vectors.scratch", "wb")
        self.pages = self.articles = 0

    @property
    def passages(self) -> int:
        return self.docs.passages

    def add(
        self,
        page: Page,
        articles: list[Article],
        passages: list[Passage],
        keys: list[bytes],
        vectors: np.ndarray,
    ) -> None:
        self.docs.add_page(page.source, page.sha256, page.text)
        self.docs.add_articles(articles)
        self.docs.add_passages(passages, keys)
        tokens = [tokenize(p.text) for p in passages]  # once: jieba is most of a build
        for t in tokens:
            self.keyword.add(t)
        if self._scratch is not None:
            self._scratch.write(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
        elif len(vectors):
            self.dense.add_passages(vectors, passages, articles, tokens)
        self.pages += 1
        self.articles += len(articles)

    def close(self, progress: Progress | None = None) -> VectorIndex:
        """Finish every file; returns the vector index (written into the build too)."""
        self.docs.close()
        self.keyword.close()
        if self._scratch is not None:
            self._scratch.close()
            self.dense = _index_from_scratch(
                self.tmp / "vectors.scratch", self.passages, self.dim, self.settings, progress
            )
            os.unlink(self.tmp / "vectors.scratch")
        self.dense.save(self.tmp)
        return self.dense

    def abort(self) -> None:
        if self._scratch is not None:
            self._scratch.close()
        if self.dense is not None:
            self.dense.discard()


def _copy_keyword(src: Path, dst: Path) -> None:
    """Copy a keyword folder; its segments, never modified once written, are hard links."""
    dst.mkdir()
    for item in src.iterdir():
        if item.is_dir():
            (dst / item.name).mkdir()
            for f in item.iterdir():
                try:
                    os.link(f, dst / item.name / f.name)
                except OSError:  # another file system, or no links there: copy
                    shutil.copyfile(f, dst / item.name / f.name)
        else:
            shutil.copyfile(item, dst / item.name)


def _index_from_scratch(
    path: Path, n: int, dim: int, settings: dict[str, Any], progress: Progress | None
) -> VectorIndex:
    """The vector index for ``n`` vectors in the scratch file, its kind chosen by ``n``."""
    dense = make_vector_index(choose_kind(n, settings), dim, n, settings)
    if dense.needs_training and n:
        rows = np.sort(np.random.default_rng(0).choice(n, size=min(n, MAX_TRAIN), replace=False))
        sample = np.concatenate(
            [
                chunk[rows[(rows >= a) & (rows < a + len(chunk))] - a]
                for a, chunk in _chunks(path, n, dim)
            ]
        )  # read in order, in chunks: no mapping of the whole file into memory
        if progress:
            progress("training", 0, 1)
        dense.train(sample)
        if progress:
            progress("training", 1, 1)
        del sample
    for start, chunk in _chunks(path, n, dim):
        dense.add(chunk)
        if progress:
            progress("vectors", start + len(chunk), n)
    return dense


def _chunks(path: Path, n: int, dim: int):
    """(first row, rows) of the scratch file, ADD_CHUNK rows at a time."""
    with open(path, "rb") as fh:
        for start in range(0, n, ADD_CHUNK):
            count = min(ADD_CHUNK, n - start)
            yield start, np.fromfile(fh, dtype=np.float32, count=count * dim).reshape(count, dim)


def build_index(
    settings: dict[str, Any],
    embedder: Embedder,
    progress: Progress | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Build an index of ``SEEDS_DIR`` into ``INDEX_DIR`` and make it current.

    Returns the new manifest. Raises BuildError, leaving the current index untouched.
    """
    seeds_dir = Path(settings["SEEDS_DIR"])
    root = Path(settings["INDEX_DIR"])
    if not seeds_dir.is_dir():
        raise BuildError(f"seeds folder {seeds_dir} does not exist", status=400)
    require_backend(settings)
    (root / "builds").mkdir(parents=True, exist_ok=True)
    with store.build_lock(root):
        served = store.current_build(root)  # the rollback copy, whatever else builds/ holds
        catalog, warnings = read_catalog(seeds_dir)
        files = page_files(seeds_dir)
        shaping = _shaping(settings, embedder, seeds_dir)
        previous = _previous(root, embedder, settings) if settings["REUSE_VECTORS"] else None
        base, files = _appendable(previous, shaping, files, seeds_dir, settings)
        build_id, tmp = store.start_build(root)
        writer = None
        try:
            writer = BuildWriter(tmp, embedder.dim, settings, base)
            reused = 0
            reuse = _reuser(previous) if previous is not None and base is None else _nothing
            for i, page in enumerate(
                iter_pages(files, seeds_dir, int(settings["MAX_PAGE_BYTES"]), warnings)
            ):
                cut = segment_one(page, settings, catalog, writer.passages, warnings)
                if cut is not None:
                    articles, passages = cut
                    texts = _embed_texts(articles, passages, settings)
                    keys = [_text_key(t) for t in texts]
                    try:
                        vectors, n_reused = embed_page(texts, keys, embedder, reuse, batch_size)
                    except PageFailed as exc:
                        msg = f"skipped {page.source}: cannot embed it ({exc})"
                        log.warning(msg)
                        warnings.append(msg)
                    else:
                        writer.add(page, articles, passages, keys, vectors)
                        reused += n_reused
                if progress:
                    progress("pages", i + 1, len(files), passages=writer.passages)
            if not writer.passages:
                raise BuildError(f"no readable page with text in {seeds_dir}", status=400)
            dense = writer.close(progress)
            manifest = _manifest(build_id, embedder, writer, dense, warnings, shaping, reused, base)
            store.write_manifest(tmp, manifest)
            store.commit_build(root, tmp, build_id, embedder.model, settings)
        except BaseException as exc:
            if writer is not None:
                writer.abort()
            store.discard_build(tmp)
            if isinstance(exc, BuildError) or not isinstance(exc, Exception):
                raise  # ours already, or an interrupt: pass it on as it is
            raise BuildError(f"build failed, current index kept: {exc}") from exc
        store.prune(root, keep={build_id, served.name if served else build_id})
        _retain(dense, root)
        return manifest


def _manifest(
    build_id, embedder, writer, dense, warnings, shaping, reused=0, base=None
) -> dict[str, Any]:
    """The new build's manifest; appended to ``base``, its counts are the sum of both."""
    counts = {
        "pages": writer.pages,
        "articles": writer.articles,
        "passages": writer.passages,
        "skipped_pages": len(warnings),
        "reused_vectors": reused,
    }
    trained_on = writer.passages if dense.kind != "flat" else 0
    if base is not None:
        counts["added_pages"] = writer.pages
        for key in ("pages", "articles"):
            counts[key] += base.manifest["counts"][key]
        counts["reused_vectors"] += base.manifest["counts"]["passages"]
        trained_on = base.manifest.get("trained_on", 0)
        warnings = base.manifest["warnings"] + warnings
    return {
        "id": build_id,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "model": embedder.model,
        "engine": embedder.engine,
        "dim": embedder.dim,
        "counts": counts,
        "warnings": warnings,
        "settings": shaping["settings"],
        "catalog": shaping["catalog"],
        "shaping_code": shaping["shaping_code"],
        "vectors": dense.kind,
        **dense.location(),
        "trained_on": trained_on,
        "appended_to": base.id if base is not None else None,
        "package_version": __version__,
        "format": store.FORMAT,
    }


def _shaping(settings: dict[str, Any], embedder: Embedder, seeds_dir: Path) -> dict[str, Any]:
    """Everything a build's passages and vectors depend on besides the pages."""
    catalog = seeds_dir / "catalog.csv"
    return {
        "model": embedder.model,
        "engine": embedder.engine,
        "dim": embedder.dim,
        "settings": {k: settings[k] for k in SHAPING},
        "catalog": _file_hash(catalog) if catalog.is_file() else None,
        "package_version": __version__,
        "shaping_code": shaping_code(),
    }


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The code that turns a page into passages and tokens: reading and cataloguing pages,
# segmenting, cutting passages, tokenising. Its hash is part of what an append must match.
SHAPING_CODE = ("ingest", "segment", "passages.py", "keyword.py")


@functools.cache
def shaping_code() -> str:
    """A hash of the source of SHAPING_CODE: new segmentation rules (a new release, or a
    checkout between releases, whose version number has not moved) mean a full build, so
    old pages are cut again by the new rules instead of keeping the old cut."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in SHAPING_CODE:
        path = root / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _appendable(previous, shaping, files, seeds_dir, settings) -> tuple[Any, list[Path]]:
    """The served build to add to and the files to add, or (None, every file).

    Adding is right when the served build was shaped as this one would be and every one
    of its pages is still there, byte for byte: then its passages are what a full build
    would cut, and only the new files need reading. An approximate index is retrained
    (a full build) once the archive has grown to 4x what it was trained on, and the
    size-chosen kind must still be the one in use.
    """
    if previous is None or previous.manifest.get("format") != store.FORMAT:
        return None, files
    if not vector_class(previous.manifest["vectors"]).appendable:
        return None, files
    m = previous.manifest
    same = all(m.get(k) == v for k, v in shaping.items() if k != "settings")
    if not same or m.get("settings") != shaping["settings"]:
        return None, files
    old = previous.docs.page_hashes()
    by_name = {f.name: f for f in files}
    if not all(name in by_name for name in old):
        return None, files  # a page was removed
    limit = int(settings["MAX_PAGE_BYTES"])  # read as the pages reader would: no FIFO, no link out
    changed = [n for n, sha in old.items() if file_sha256(by_name[n], seeds_dir, limit) != sha]
    if changed:
        return None, files
    new = [f for f in files if f.name not in old]
    total = m["counts"]["passages"] * (1 + len(new) / max(1, len(old)))
    if choose_kind(int(total), settings) != m["vectors"]:
        return None, files
    if m["vectors"] != "flat" and total > 4 * max(1, m.get("trained_on", 0)):
        return None, files
    return previous, new


def _nothing(keys: list[bytes]) -> dict[bytes, np.ndarray]:
    return {}


def _reuser(previous) -> Callable[[list[bytes]], dict[bytes, np.ndarray]]:
    """Look-ups of the served build's vectors by embedded-text key."""

    def reuse(keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found = previous.docs.passage_ids_by_key(keys)
        if not found:
            return {}
        ids = np.array(list(found.values()), dtype=np.int64)
        return dict(zip(found, previous.dense.reconstruct(ids)))

    return reuse


def _engine_works(embedder: Embedder) -> bool:
    try:
        embedder.passages(["报纸"])
    except Exception:  # noqa: BLE001 - any failure on a plain text: the engine is broken
        return False
    return True


def _embed_texts(articles: list[Article], passages: list[Passage], settings) -> list[str]:
    by_id = {a.id: a for a in articles}
    return [embed_text(p, by_id[p.article_id], settings["EMBED_HEADLINE"]) for p in passages]


def _text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def _retain(dense: VectorIndex, root: Path) -> None:
    """Remove older builds' data outside their folders (collections), as prune did folders."""
    keep = set()
    for path in store.builds_newest_first(root):
        try:
            keep.add(json.loads((path / "manifest.json").read_text("utf-8")).get("collection"))
        except (OSError, ValueError):
            continue
    try:
        dense.retain(keep - {None})
    except Exception as exc:  # noqa: BLE001 - the build is in; the next one tries again
        log.warning("could not remove older builds' collections: %s", exc)


def _previous(root: Path, embedder: Embedder, settings: dict[str, Any]):
    """The served build, when its vectors can be reused: same model, engine and size.

    Anything unreadable (an older format included) just means embedding everything.
    """
    path = store.current_build(root)
    if path is None:
        return None
    try:
        # checks the model and the files; an older format's vectors are as good
        old = store.load_build(path, embedder.model, settings, vectors_only=True)
    except ModelMismatch:
        return None  # another model: nothing to reuse, and nothing wrong
    except Exception as exc:  # noqa: BLE001 - a damaged old build only costs time
        log.warning("not reusing vectors of build %s: %s", path.name, getattr(exc, "message", exc))
        return None
    if (old.manifest["engine"], old.dense.dim) != (embedder.engine, embedder.dim):
        return None
    return old
