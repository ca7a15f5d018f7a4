"""How far a running build has got: pages read, passages embedded, and the time left.

A build reports through ``progress(stage, done, total, **counts)`` (qa.build.Progress);
``BuildProgress`` is such a callable that remembers the latest report, for a service that
answers "building" while its first index is made.
"""

from __future__ import annotations

import threading
import time
from typing import Any


class BuildProgress:
    """The state of one build, safe to read from request threads while it runs."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._started = clock()
        self._stage_started = self._started
        self.stage = "starting"
        self.done = 0
        self.total = 0
        self.passages = 0
        self.pages_done = 0
        self.pages_total = 0
        self.error: str | None = None  # set when the build failed
        self.finished = False

    def __call__(self, stage: str, done: int, total: int, **counts: int) -> None:
        with self._lock:
            if stage != self.stage:
                self.stage = stage
                self._stage_started = self._clock()
            self.done, self.total = done, total
            if stage == "pages":
                self.pages_done, self.pages_total = done, total
            if "passages" in counts:
                self.passages = int(counts["passages"])

    def fail(self, message: str) -> None:
        with self._lock:
            self.error = message
            self.finished = True

    def finish(self) -> None:
        with self._lock:
            self.finished = True

    def eta_s(self) -> float | None:
        """Seconds left in the current stage at its rate so far (pages dominate a build)."""
        with self._lock:
            return self._eta()

    def _eta(self) -> float | None:
        if self.finished or self.done <= 0 or self.total <= 0:
            return None
        rate = self.done / max(self._clock() - self._stage_started, 1e-6)
        return round((self.total - self.done) / rate, 1)

    def snapshot(self) -> dict[str, Any]:
        """The state for /api/health and the page: plain numbers, no paths."""
        with self._lock:
            return {
                "stage": self.stage,
                "pages_done": self.pages_done,
                "pages_total": self.pages_total,
                "passages_embedded": self.passages,
                "stage_done": self.done,
                "stage_total": self.total,
                "elapsed_s": round(self._clock() - self._started, 1),
                "eta_s": self._eta(),
                "failed": self.error is not None,
            }
