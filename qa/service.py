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
from qa.index import current_build, load_index
from qa.keyword import tokenize
from qa.search import Searcher

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: dict[str, Any], embedder: Embedder | None = None):
        self.settings = settings
        self._embedder = embedder
        self._searcher: Searcher | None = None
        self._loaded_from: Path | None = None
        self._failed: Path | None = None  # a build that did not load; not retried
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings["MODEL"], self.settings["ENGINE"])
            return self._embedder

    def searcher(self) -> Searcher:
        """The searcher over the current build, loading a newer build if one appeared."""
        root = Path(self.settings["INDEX_DIR"])
        wanted = current_build(root)
        current = self._searcher
        if current is not None and wanted in (self._loaded_from, self._failed):
            return current
        embedder = self.embedder
        with self._lock:
            if self._searcher is not None and wanted in (self._loaded_from, self._failed):
                return self._searcher
            try:
                index = load_index(root, self.settings["MODEL"])
            except Exception:
                if self._searcher is not None:
                    # A broken build must not take the service down: keep the old one.
                    self._failed = wanted
                    log.exception(
                        "index %s did not load; still serving %s", wanted, self._loaded_from
                    )
                    return self._searcher
                raise
            tokenize("预热")  # load jieba's dictionary now, not in a user's request
            self._searcher = Searcher(index, embedder, self.settings)
            self._loaded_from = index.path
            log.info("serving index %s (%d passages)", index.id, len(index.passages))
            return self._searcher
