"""The long-lived state of a running service: one embedder and the current index.

The index is re-read when a new build becomes current (``index/CURRENT`` changes), so a
rebuild is picked up without a restart; requests keep using the old index until the new
one has loaded completely.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from qa.embed import Embedder, make_embedder
from qa.errors import IndexBuilding, IndexCorrupt, IndexMissing, QAError
from qa.keyword import pos_tags, tokenize
from qa.progress import BuildProgress
from qa.search import Searcher
from qa.store import Index, builds_newest_first, current_build, load_build, load_index
from qa.vectors import require_backend

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: dict[str, Any], embedder: Embedder | None = None):
        require_backend(settings)  # a missing client fails at start, naming the install
        self.settings = settings
        self._embedder = embedder
        self._searcher: Searcher | None = None
        self._loaded_from: Path | None = None
        self._failed: Path | None = None  # a build that did not load; not retried
        self._state_lock = threading.Lock()  # the embedder and the loader thread
        self._load_lock = threading.Lock()  # one index load at a time
        self._loader: threading.Thread | None = None  # the background reload, if running
        # Set when the current build is damaged and an older intact one is served instead:
        # {"current": id, "serving": id, "reason": message}; shown by /api/health.
        self.fallback: dict[str, str] | None = None
        # The first build, when the service started without an index and builds it itself.
        self.build: BuildProgress | None = None
        self._builder: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        """Whether an index is loaded and answering."""
        return self._searcher is not None

    @property
    def embedder(self) -> Embedder:
        with self._state_lock:
            if self._embedder is None:
                self._embedder = make_embedder(
                    self.settings["MODEL"],
                    self.settings["ENGINE"],
                    self.settings.get("DEVICE", "cpu"),
                )
            return self._embedder

    def searcher(self) -> Searcher:
        """The searcher over the current build, loading a newer build if one appeared.

        The first load happens in the caller. A later one (a rebuild) happens in a
        background thread when RELOAD_IN_BACKGROUND is on: until it is complete, every
        request, including the one that noticed it, is answered from the old build.
        """
        current = self._searcher
        if current is None and self.build is not None:
            self._refuse_while_building(self.build)
        wanted = current_build(self.settings["INDEX_DIR"])
        if current is not None and wanted in (self._loaded_from, self._failed):
            return current
        if current is not None and self.settings.get("RELOAD_IN_BACKGROUND", True):
            self._reload_in_background()
            return current
        return self._load()

    def build_in_background(self) -> BuildProgress:
        """Build the first index in a thread while the service already listens.

        Until it is done, searcher() raises IndexBuilding (503 with Retry-After) and
        /api/health reports the progress; then the new index loads like any rebuild.
        """
        progress = BuildProgress()
        _import_before_threads()
        with self._state_lock:
            self.build = progress
            builder = threading.Thread(
                target=self._first_build, args=(progress,), name="qa-first-build", daemon=True
            )
            builder.start()
            self._builder = builder
        return progress

    def wait_for_build(self, timeout: float | None = None) -> None:
        """Block until a background build (if any) has finished: for tests and tools."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)

    def _first_build(self, progress: BuildProgress) -> None:
        from qa.build import build_index  # imported already: _import_before_threads

        def report(stage: str, done: int, total: int, **counts: int) -> None:
            progress(stage, done, total, **counts)
            step = max(1, total // 20)  # the console gets a line every 5%
            if done == total or done % step == 0:
                log.info("building the index: %s %d/%d", stage, done, total)

        try:
            build_index(self.settings, self.embedder, report)
        except QAError as exc:
            log.error("the first build failed: %s (%s)", exc.message, exc.detail or "-")
            progress.fail(exc.message)
            return
        except Exception:  # noqa: BLE001 - a background thread has no caller to tell
            log.exception("the first build failed")
            progress.fail("unexpected error")
            return
        progress.finish()
        log.info("the first build is done in %.0f s", progress.snapshot()["elapsed_s"])
        try:
            self._load()
        except Exception:  # noqa: BLE001 - requests will try again and report it
            log.exception("the new index did not load")

    @staticmethod
    def _refuse_while_building(progress: BuildProgress) -> None:
        if progress.error is not None:
            # The operator's log has the reason (it may name paths); the client gets none.
            raise IndexMissing(
                "there is no index: the first build failed; the service's log says why"
            )
        if not progress.finished:
            eta = progress.eta_s()
            wait = 5 if eta is None else min(max(eta, 2), 30)
            raise IndexBuilding(
                "the index is being built; ask again later (see /api/health for progress)",
                retry_after=int(wait),
            )

    def wait_for_reload(self, timeout: float | None = None) -> None:
        """Block until a background reload (if any) has finished: for tests and tools."""
        loader = self._loader
        if loader is not None:
            loader.join(timeout)

    def _reload_in_background(self) -> None:
        _import_before_threads()
        with self._state_lock:
            if self._loader is not None and self._loader.is_alive():
                return
            loader = threading.Thread(target=self._reload, name="qa-index-reload", daemon=True)
            loader.start()
            # Published only once started: wait_for_reload (no lock) may join it at any time,
            # and joining a thread not yet started raises.
            self._loader = loader

    def _reload(self) -> None:
        try:
            self._load()
        except Exception:  # noqa: BLE001 - a background thread has no caller to tell
            log.exception("reloading the index failed; still serving %s", self._loaded_from)

    def _load(self) -> Searcher:
        embedder = self.embedder
        root = Path(self.settings["INDEX_DIR"])
        with self._load_lock:
            wanted = current_build(root)
            if self._searcher is not None and wanted in (self._loaded_from, self._failed):
                return self._searcher
            fallback = None
            try:
                # The index must come from the model the embedder runs (an exported copy of
                # the bundled model counts as that model, whichever engine runs it).
                index = load_index(root, embedder.model, self.settings)
            except Exception as exc:
                if self._searcher is not None:
                    # A broken build must not take the service down: keep the old one.
                    self._failed = wanted
                    log.exception(
                        "index %s did not load; still serving %s", wanted, self._loaded_from
                    )
                    return self._searcher
                if not isinstance(exc, IndexCorrupt):
                    raise
                # Nothing served yet: the newest intact build is better than no answer.
                index = self._newest_intact(root, wanted, embedder.model, self.settings)
                if index is None:
                    raise
                fallback = {"current": wanted.name, "serving": index.id, "reason": exc.message}
                log.warning(
                    "the current build %s is damaged (%s; %s): serving the newest intact "
                    "build %s instead until the next build",
                    wanted.name,
                    exc.message,
                    exc.detail,
                    index.id,
                )
            tokenize("预热")  # load jieba's dictionary now, not in a user's request
            pos_tags("预热")  # and its part-of-speech tags (谁 questions read names)
            searcher = Searcher(index, embedder, self.settings)
            # One assignment swaps it in: a request sees the old searcher or the new one.
            self._searcher = searcher
            self._loaded_from = index.path
            self._failed = wanted if fallback else None
            self.fallback = fallback
            log.info("serving index %s (%d passages)", index.id, len(index.passages))
            return searcher

    @staticmethod
    def _newest_intact(
        root: Path, damaged: Path | None, model: str, settings: dict
    ) -> Index | None:
        for path in builds_newest_first(root):
            if damaged is not None and path.name == damaged.name:
                continue
            try:
                return load_build(path, model, settings)
            except Exception as exc:  # noqa: BLE001 - try the next older one
                log.warning("build %s does not load either: %s", path.name, exc)
        return None


def _import_before_threads() -> None:
    """Import what a background build or reload runs, in the calling thread, before the
    thread starts. CPython 3.11 raises ``SystemError: AST constructor recursion depth
    mismatch`` when two threads compile code at once (gh-106905: an import compiles a
    module without its .pyc; a dataclass compiles its methods); seen once in the test
    suite as a reload that failed to load a sound index."""
    import qa.build  # noqa: F401 - the import is the point
    from qa.vectors import vector_class

    for kind in ("flat", "ivf"):
        vector_class(kind)
