"""The records of a build in one SQLite file: pages, articles and passages, read on demand.

A search needs a few dozen passages, their articles and pages; an archive holds millions.
So nothing is loaded up front: :class:`DocStore` answers look-ups by key from the file
(each serving thread has its own read-only connection, and recent records are cached),
and :class:`DocWriter` streams a build's records in. Articles are indexed by publication
and issue date and passages by article, so a filter on either is a look-up, not a scan.

Tables::

    pages(source UNIQUE, sha256, text)                               text: UTF-8, zlib
    articles(id PRIMARY KEY, source, publication, issue_date, data)   data: Article JSON, zlib
    passages(id PRIMARY KEY, article_id, source, key, data)           data: Passage JSON, zlib,
                                                                      its sentences as spans

``key`` is the first 16 bytes of the SHA-256 of the text that was embedded for the
passage: a rebuild finds the vectors it can reuse through it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from qa.passages import Passage
from qa.readonly import ReadOnlyDB
from qa.segment.articles import Article

FILE = "store.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (source TEXT UNIQUE, sha256 TEXT, text BLOB);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT, publication TEXT, issue_date TEXT, data BLOB
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, article_id TEXT, source TEXT, key BLOB, data BLOB
);
"""
# Made once the rows are in: building an index at the end is faster than keeping it up.
INDEXES = """
CREATE INDEX IF NOT EXISTS articles_by_paper ON articles (publication, issue_date);
CREATE INDEX IF NOT EXISTS passages_by_article ON passages (article_id);
CREATE INDEX IF NOT EXISTS passages_by_key ON passages (key);
"""


class DocWriter:
    """Writes records into ``folder``'s store (a new file, or one copied from a build)."""

    def __init__(self, folder: str | Path):
        self.path = Path(folder) / FILE
        self._db = sqlite3.connect(self.path)
        # 8 KiB pages: most compressed page texts fit in one (a rowid table keeps a record
        # of up to a page's size in place; an index-organised one spills it at ~2 KiB).
        self._db.executescript(
            "PRAGMA page_size=8192; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA
        )
        self.passages = self._db.execute("SELECT count(*) FROM passages").fetchone()[0]

    def add_page(self, source: str, sha256: str, text: str) -> None:
        packed = zlib.compress(text.encode("utf-8"), 6)  # Chinese text: about half the size
        self._db.execute("INSERT INTO pages VALUES (?, ?, ?)", (source, sha256, packed))

    def add_articles(self, articles: Iterable[Article]) -> None:
        self._db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
            ((a.id, a.source, a.publication, a.issue_date, _dump(a.to_dict())) for a in articles),
        )

    def add_passages(self, passages: Iterable[Passage], keys: Iterable[bytes]) -> None:
        """Passages in id order, numbered on from the last one written."""
        rows = []
        for p, key in zip(passages, keys, strict=True):
            if p.id != self.passages + len(rows):
                raise ValueError(f"passage {p.id} written out of order")
            d = p.to_dict()
            del d["id"], d["article_id"], d["source"]
            d["sentences"] = _pack_sentences(p.text, p.sentences)
            rows.append((p.id, p.article_id, p.source, key, _dump(d)))
        self._db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?)", rows)
        self.passages += len(rows)

    def close(self) -> None:
        self._db.executescript(INDEXES)
        self._db.commit()
        self._db.close()


class DocStore:
    """Read-only look-ups into a build's store; safe to share between threads."""

    def __init__(self, folder: str | Path):
        self.path = Path(folder) / FILE
        if not self.path.is_file():
            raise FileNotFoundError(f"no {FILE} in {folder}")
        self._file = ReadOnlyDB(self.path)
        self.passages = PassageView(self)
        self.articles = ArticleView(self)
        self.pages = PageView(self)

    def db(self) -> sqlite3.Connection:
        return self._file.db()

    def count(self, table: str) -> int:
        assert table in ("pages", "articles", "passages")
        return self.db().execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def passage_ids_by_key(self, keys: list[bytes]) -> dict[bytes, int]:
        """For each key found, one passage embedded from that text."""
        sql = "SELECT key, min(id) FROM passages WHERE key IN ({marks}) GROUP BY key"
        return self._file.lookup(sql, keys)

    def page_hashes(self) -> dict[str, str]:
        return dict(self.db().execute("SELECT source, sha256 FROM pages"))

    def passage_ids_where(
        self, publication: str | None = None, since: str = "", until: str = ""
    ) -> list[int]:
        """Ids of the passages of articles of ``publication`` issued in [since, until]:
        what a filter hands the indexes (both look-ups use the store's indexes)."""
        sql = "SELECT p.id FROM articles a JOIN passages p ON p.article_id = a.id WHERE 1"
        args: list[str] = []
        if publication is not None:
            sql += " AND a.publication = ?"
            args.append(publication)
        if since:
            sql += " AND a.issue_date >= ?"
            args.append(since)
        if until:
            sql += " AND a.issue_date <= ?"
            args.append(until)
        return sorted(r[0] for r in self.db().execute(sql, args))

    def publications(self) -> list[tuple[str, int, int]]:
        """Each publication ('' for unknown) with its article and page counts."""
        sql = (
            "SELECT publication, count(*), count(DISTINCT source) FROM articles "
            "GROUP BY publication ORDER BY count(*) DESC, publication"
        )
        return [(p or "", a, n) for p, a, n in self.db().execute(sql)]

    def first_article_ids(self, n: int) -> list[str]:
        """The ``n`` first article ids in id order (page file, then reading order)."""
        sql = "SELECT id FROM articles ORDER BY id LIMIT ?"
        return [r[0] for r in self.db().execute(sql, (n,))]

    def issue_dates(self) -> tuple[str, str] | None:
        """The first and last issue dates the articles carry, or None when none does."""
        sql = "SELECT min(issue_date), max(issue_date) FROM articles WHERE issue_date > ''"
        first, last = self.db().execute(sql).fetchone()
        return (first, last) if first else None

    def iter_passages(self) -> Iterator[Passage]:
        """Every passage in id order (for checks and exports; a search never does this)."""
        sql = "SELECT id, article_id, source, data FROM passages ORDER BY id"
        for row in self.db().execute(sql):
            yield _passage(row)


class PassageView(Sequence):
    """``store.passages[i]``: passage ``i``, read when asked for."""

    def __init__(self, store: DocStore):
        self._store = store
        self._len: int | None = None
        self._get = lru_cache(maxsize=4096)(self._read)

    def __len__(self) -> int:
        if self._len is None:
            self._len = self._store.db().execute("SELECT max(id) + 1 FROM passages").fetchone()[0]
            self._len = self._len or 0
        return self._len

    def _read(self, i: int) -> Passage:
        row = (
            self._store.db()
            .execute("SELECT id, article_id, source, data FROM passages WHERE id = ?", (i,))
            .fetchone()
        )
        if row is None:
            raise IndexError(i)
        return _passage(row)

    def __getitem__(self, i):  # noqa: ANN001 - int, as a list's
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(len(self)))]
        return self._get(int(i))

    def __iter__(self) -> Iterator[Passage]:
        return self._store.iter_passages()


class ArticleView(Mapping):
    """``store.articles[id]``: an article, read when asked for."""

    def __init__(self, store: DocStore):
        self._store = store
        self._get = lru_cache(maxsize=4096)(self._read)

    def _read(self, article_id: str) -> Article | None:
        row = (
            self._store.db()
            .execute("SELECT data FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        return Article.from_dict(_load(row[0])) if row else None

    def __getitem__(self, article_id: str) -> Article:
        art = self._get(article_id) if isinstance(article_id, str) else None
        if art is None:
            raise KeyError(article_id)
        return art

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._get(article_id) is not None

    def __len__(self) -> int:
        return self._store.count("articles")

    def __iter__(self) -> Iterator[str]:
        for (aid,) in self._store.db().execute("SELECT id FROM articles"):
            yield aid


class PageView(Mapping):
    """``store.pages[source]``: a page's text, read when asked for."""

    def __init__(self, store: DocStore):
        self._store = store
        self._get = lru_cache(maxsize=256)(self._read)

    def _read(self, source: str) -> str | None:
        row = (
            self._store.db()
            .execute("SELECT text FROM pages WHERE source = ?", (source,))
            .fetchone()
        )
        return zlib.decompress(row[0]).decode("utf-8") if row else None

    def __getitem__(self, source: str) -> str:
        text = self._get(source) if isinstance(source, str) else None
        if text is None:
            raise KeyError(source)
        return text

    def __contains__(self, source: object) -> bool:
        return isinstance(source, str) and self._get(source) is not None

    def __len__(self) -> int:
        return self._store.count("pages")

    def __iter__(self) -> Iterator[str]:
        for (source,) in self._store.db().execute("SELECT source FROM pages"):
            yield source


def _passage(row) -> Passage:
    pid, article_id, source, data = row
    d = _load(data)
    d["sentences"] = _unpack_sentences(d["text"], d["sentences"])
    return Passage(id=pid, article_id=article_id, source=source, **d)


def _pack_sentences(text: str, sentences: list[list]) -> list[list]:
    """Sentences as [start, end, i, j] with their text ``text[i:j]`` (not stored twice);
    [start, end, text] where a sentence is not found verbatim in the passage's text."""
    out, at = [], 0
    for a, b, sentence in sentences:
        i = text.find(sentence, at)
        if i < 0:
            out.append([a, b, sentence])
        else:
            out.append([a, b, i, i + len(sentence)])
            at = i + len(sentence)
    return out


def _unpack_sentences(text: str, packed: list[list]) -> list[list]:
    return [[s[0], s[1], text[s[2] : s[3]]] if len(s) == 4 else s for s in packed]


def _dump(d: dict) -> bytes:
    """A record as compressed JSON: at two million passages, zlib saves about 200 MB."""
    return zlib.compress(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _load(data: bytes) -> dict:
    return json.loads(zlib.decompress(data))
