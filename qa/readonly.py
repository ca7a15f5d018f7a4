"""An SQLite file opened read-only, one connection per thread, with batched key look-ups.

A build's record store (qa.docstore) and the keyword vocabulary (qa.keyword) are both read
this way while a build is served: many threads, look-ups by key, never a write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

BATCH = 500  # keys per query: well under SQLite's limit on bound parameters


class ReadOnlyDB:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()

    def db(self) -> sqlite3.Connection:
        """This thread's connection (the URI wants an absolute path: `index` is relative)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._local.db = db
        return db

    def lookup(self, sql: str, keys: Sequence) -> dict:
        """``sql`` holds ``IN ({marks})`` and selects (key, value) rows: every row found for
        ``keys``, asked in batches."""
        keys = list(keys)
        out: dict = {}
        for i in range(0, len(keys), BATCH):
            part = keys[i : i + BATCH]
            out.update(self.db().execute(sql.format(marks=",".join("?" * len(part))), part))
        return out
