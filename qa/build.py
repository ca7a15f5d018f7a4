"""The build pipeline: read pages, segment, cut passages, embed (reusing what it can),
and hand the result to the store to swap in."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from qa import __version__, store
from qa.embed import Embedder
from qa.errors import BuildError, ModelMismatch
from qa.ingest.catalog import PageMeta, page_furniture, read_catalog
from qa.ingest.pages import Page, read_pages
from qa.keyword import KeywordIndex
from qa.passages import Passage, article_passages
from qa.segment.articles import Article, segment_page
from qa.vectors import make_vector_index

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


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
        own = listed.publication if "本报" in art.byline else ""
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
        try:
            page_articles = read_articles(page.source, page.text, catalog)
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
        for doubt in doubts(page.source, page.text, page_articles):
            log.warning("segmentation looks doubtful: %s", doubt)
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
    seeds_dir = Path(settings["SEEDS_DIR"])
    root = Path(settings["INDEX_DIR"])
    if not seeds_dir.is_dir():
        raise BuildError(f"seeds folder {seeds_dir} does not exist", status=400)
    (root / "builds").mkdir(parents=True, exist_ok=True)
    with store.build_lock(root):
        served = store.current_build(root)  # the rollback copy, whatever else builds/ holds
        articles, passages, pages, warnings = collect(seeds_dir, settings)
        build_id, tmp = store.start_build(root)
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
                    [p for p in pages if p.source not in failed],
                    settings,
                    read_catalog(seeds_dir)[0],
                )
                warnings += more
                texts = _embed_texts(articles, passages, settings)
            if not passages:
                raise BuildError(f"no readable page with text in {seeds_dir}", status=400)
            dense = make_vector_index(store.VECTOR_KIND, embedder.dim)
            dense.add(np.stack([known[_text_key(t)] for t in texts]))
            manifest = {
                "id": build_id,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "model": embedder.model,
                "engine": embedder.engine,
                "dim": embedder.dim,
                "counts": {
                    "pages": len(pages),
                    "articles": len(articles),
                    "passages": len(passages),
                    "skipped_pages": len(warnings),
                    "reused_vectors": reused,
                },
                "corpus": {p.source: p.sha256 for p in pages},
                "warnings": warnings,
                "settings": {
                    k: settings[k] for k in ("PASSAGE_CHARS", "PASSAGE_OVERLAP", "EMBED_HEADLINE")
                },
                "vectors": dense.kind,
                "package_version": __version__,
                "format": store.FORMAT,
            }
            store.write_build(
                tmp,
                manifest,
                dense,
                KeywordIndex.build([p.text for p in passages]),
                passages,
                articles,
                ((p.source, p.text) for p in pages),
            )
            store.commit_build(root, tmp, build_id, embedder.model)
        except BaseException as exc:
            store.discard_build(tmp)
            if isinstance(exc, BuildError) or not isinstance(exc, Exception):
                raise  # ours already, or an interrupt: pass it on as it is
            raise BuildError(f"build failed, current index kept: {exc}") from exc
        store.prune(root, keep={build_id, served.name if served else build_id})
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
    path = store.current_build(root)
    if path is None:
        return {}
    try:
        old = store.load_build(path, embedder.model)  # checks the model and the files' integrity
        if (old.manifest["engine"], old.dense.dim) != (embedder.engine, embedder.dim):
            return {}
        with_headline = old.manifest["settings"]["EMBED_HEADLINE"]
        vectors = old.dense.vectors()
        return {
            _text_key(embed_text(p, old.articles[p.article_id], with_headline)): vectors[i]
            for i, p in enumerate(old.passages)
        }
    except ModelMismatch:
        return {}  # another model: nothing to reuse, and nothing wrong
    except Exception as exc:  # noqa: BLE001 - a damaged old build only costs time
        log.warning("not reusing vectors of build %s: %s", path.name, exc)
        return {}
