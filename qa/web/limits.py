"""A per-client rate limit: one token bucket per remote address, shared by all threads.

Each client's bucket holds up to ``burst`` tokens and refills at ``per_minute / 60`` tokens a
second; a request takes one token or is refused with the seconds until the next one. Idle
clients' buckets (full again) are dropped once there are many, so memory stays bounded.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

PRUNE_AT = 10_000  # buckets kept before idle ones are dropped


class RateLimiter:
    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
    ):
        if per_minute <= 0:
            raise ValueError("per_minute must be positive; use no limiter to turn it off")
        self.rate = per_minute / 60.0  # tokens a second
        self.burst = max(1, int(burst))
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float:
        """Take one token for ``key``: 0.0 if allowed, else the seconds to wait (> 0)."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > PRUNE_AT:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate >= self.burst
        ]
        for k in full:
            del self._buckets[k]

    def __len__(self) -> int:
        return len(self._buckets)


def retry_after_header(wait_s: float) -> str:
    """Retry-After in whole seconds, never 0 (a client retrying at once would be refused)."""
    return str(max(1, math.ceil(wait_s)))


def make_limiter(settings) -> RateLimiter | None:
    per_minute = float(settings["RATE_LIMIT"])
    if per_minute <= 0:
        return None
    return RateLimiter(per_minute, int(settings["RATE_LIMIT_BURST"]))
