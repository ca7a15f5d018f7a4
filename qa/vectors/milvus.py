"""A build's passages in a Milvus collection: vectors, keyword text and the filter fields,
searched dense and BM25 in Milvus and fused there by RRF (``QA_BACKEND=milvus``).

Each build writes a new collection, ``<MILVUS_COLLECTION>_<time>_<random>``; the alias
``MILVUS_COLLECTION`` is switched to it only when the build is complete (:meth:`publish`),
and a failed build drops its own collection, so the served one is never touched. The
service searches the collection its build folder names (the passage ids in the build's
record store are that collection's), never the alias: the alias is for everyone else.

BM25 runs on the passage's keyword tokens (``qa.keyword.tokenize``: full-width folded,
no punctuation, no stopwords) joined by spaces, analysed by Milvus's jieba tokenizer in
exact mode, which gives back nearly the same tokens: Milvus and the faiss backend then
differ in BM25 statistics (Milvus keeps them per segment), not in what a word is.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import BackendUnavailable, QAError
from qa.vectors.base import Ranking, VectorIndex, Where

log = logging.getLogger(__name__)

INSTALL = "pip install '.[milvus]' -c constraints.txt"
# The form Milvus Lite and the Milvus server both accept (Lite knows no {"type": "chinese"}).
ANALYZER = {"tokenizer": {"type": "jieba", "mode": "exact"}}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,199}")
MAX_TEXT_BYTES = 65535  # Milvus's longest VARCHAR
MAX_FIELD_BYTES = 512
INSERT_BATCH = 2000
# A dense index for archives this large is HNSW (graph search); below, FLAT (exact).
HNSW = {"index_type": "HNSW", "metric_type": "IP", "params": {"M": 16, "efConstruction": 200}}
FLAT = {"index_type": "FLAT", "metric_type": "IP", "params": {}}


def require_pymilvus():
    """The pymilvus module, or an error that says how to install it."""
    try:
        import pymilvus
    except ImportError as exc:
        raise BackendUnavailable(
            f"QA_BACKEND=milvus needs pymilvus: {INSTALL}", detail=str(exc)
        ) from None
    return pymilvus


def uri_of(settings: dict[str, Any]) -> str:
    """The configured Milvus: MILVUS_URI, or Milvus Lite in the index folder."""
    return settings.get("MILVUS_URI") or str(Path(settings["INDEX_DIR"]) / "milvus.db")


def check_name(name: str) -> str:
    if not NAME.fullmatch(name or ""):
        raise QAError(
            f"setting QA_MILVUS_COLLECTION={name!r} is not valid: it must start with a "
            "letter or underscore and hold only letters, digits and underscores (at most 200)",
            code="bad_setting",
            status=400,
        )
    return name


_clients: dict[tuple[str, str], Any] = {}
_clients_lock = threading.Lock()


def connect(settings: dict[str, Any]):
    """One client per Milvus per process (thread-safe; Lite allows one process per file)."""
    pymilvus = require_pymilvus()
    uri, token = uri_of(settings), settings.get("MILVUS_TOKEN", "")
    with _clients_lock:
        client = _clients.get((uri, token))
        if client is None:
            if uri.endswith(".db"):
                # Milvus Lite serves in this process; pymilvus's client asks it for calls it
                # does not implement (AllocTimestamp) and falls back, and gRPC logs each as a
                # server traceback: noise in a build's output, not an error.
                logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
            try:
                client = pymilvus.MilvusClient(uri=uri, token=token)
            except Exception as exc:  # noqa: BLE001 - any failure to connect is one error
                raise BackendUnavailable(
                    "cannot reach Milvus: check QA_MILVUS_URI and QA_MILVUS_TOKEN",
                    detail=f"{uri}: {type(exc).__name__}: {exc}",
                ) from exc
            _clients[(uri, token)] = client
    return client


def disconnect(settings: dict[str, Any]) -> None:
    """Close this process's client of the configured Milvus (and its Lite server, if any)."""
    uri = uri_of(settings)
    with _clients_lock:
        client = _clients.pop((uri, settings.get("MILVUS_TOKEN", "")), None)
    if client is not None:
        client.close()
    if uri.endswith(".db"):
        from milvus_lite.server_manager import server_manager_instance

        server_manager_instance.release_server(uri)


def literal(value: str) -> str:
    """``value`` as a Milvus string literal (quotes, backslashes and line ends escaped)."""
    escaped = "".join(
        {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c, c) for c in value
    )
    return f'"{escaped}"'


def expression(where: Where | None) -> str:
    """A Milvus filter expression for ``where`` ('' for none)."""
    if where is None:
        return ""
    parts = []
    if where.publication is not None:
        parts.append(f"publication == {literal(where.publication)}")
    if where.since:
        parts.append(f"issue_date >= {literal(where.since)}")
    if where.until:
        parts.append(f"issue_date <= {literal(where.until)}")
    if where.ids is not None:
        parts.append(f"pid in [{', '.join(str(int(i)) for i in where.ids)}]")
    return " and ".join(parts)


def _clip(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


class MilvusIndex(VectorIndex):
    """One build's collection: the vector-index interface, plus a hybrid search (rank)."""

    kind = "milvus"
    exact = True  # the vectors are stored as given
    appendable = False  # a build always writes a new collection: the served one is never written
    hybrid = True  # dense and BM25 both run in Milvus, fused there

    def __init__(self, client, collection: str, dim: int, settings: dict[str, Any]):
        super().__init__(dim)
        self.client, self.collection, self.settings = client, collection, settings
        self._rows: list[dict] = []
        self._written = 0

    # --- building ------------------------------------------------------------------------

    @classmethod
    def create(cls, dim: int, settings: dict[str, Any]) -> MilvusIndex:
        """A new, empty collection named after MILVUS_COLLECTION."""
        pymilvus = require_pymilvus()
        alias = check_name(settings["MILVUS_COLLECTION"])
        client = connect(settings)
        import datetime as dt

        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        name = f"{alias}_{stamp}_{uuid.uuid4().hex[:8]}"
        dtype, schema = pymilvus.DataType, client.create_schema(auto_id=False)
        schema.add_field("pid", dtype.INT64, is_primary=True)
        for field in ("article_id", "source", "publication"):
            schema.add_field(field, dtype.VARCHAR, max_length=MAX_FIELD_BYTES)
        schema.add_field("issue_date", dtype.VARCHAR, max_length=16)
        schema.add_field(
            "text",
            dtype.VARCHAR,
            max_length=MAX_TEXT_BYTES,
            enable_analyzer=True,
            analyzer_params=ANALYZER,
        )
        schema.add_field("sparse", dtype.SPARSE_FLOAT_VECTOR)
        schema.add_field("vector", dtype.FLOAT_VECTOR, dim=int(dim))
        schema.add_function(
            pymilvus.Function(
                name="bm25",
                function_type=pymilvus.FunctionType.BM25,
                input_field_names=["text"],
                output_field_names=["sparse"],
            )
        )
        client.create_collection(name, schema=schema, consistency_level="Strong")
        return cls(client, name, dim, settings)

    def add(self, vectors: np.ndarray) -> None:
        raise TypeError("a Milvus collection stores passages with their text: use add_passages")

    def add_passages(self, vectors, passages, articles, tokens) -> None:
        by_id = {a.id: a for a in articles}
        rows = zip(passages, np.asarray(vectors, dtype=np.float32), tokens, strict=True)
        for p, v, words in rows:
            art = by_id[p.article_id]
            self._rows.append(
                {
                    "pid": int(p.id),
                    "article_id": _clip(p.article_id, MAX_FIELD_BYTES),
                    "source": _clip(p.source, MAX_FIELD_BYTES),
                    "publication": _clip(art.publication or "", MAX_FIELD_BYTES),
                    "issue_date": _clip(art.issue_date or "", 16),
                    "text": _clip(" ".join(words), MAX_TEXT_BYTES),
                    "vector": v.tolist(),
                }
            )
        if len(self._rows) >= INSERT_BATCH:
            self._insert()

    def _insert(self) -> None:
        if self._rows:
            self.client.insert(self.collection, self._rows)
            self._written += len(self._rows)
            self._rows = []

    def save(self, folder: Path) -> None:
        """Write what is buffered, flush, index and load the collection (nothing in
        ``folder``: the build's manifest names the collection)."""
        self._insert()
        self.client.flush(self.collection)
        params = self.client.prepare_index_params()
        big = self._written >= int(self.settings.get("IVF_MIN_PASSAGES", 200_000))
        params.add_index(field_name="vector", **(HNSW if big else FLAT))
        params.add_index(
            field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25"
        )
        self.client.create_index(self.collection, params)
        self.client.load_collection(self.collection)

    def publish(self) -> None:
        """Point the alias at this collection: it is what is served from now on."""
        alias = self.settings["MILVUS_COLLECTION"]
        if self._served(alias) is None:
            self.client.create_alias(self.collection, alias)
        else:
            self.client.alter_alias(self.collection, alias)

    def _served(self, alias: str) -> str | None:
        """The collection ``alias`` points at, or None when there is no such alias."""
        if alias not in self.client.list_aliases().get("aliases", []):
            return None
        return self.client.describe_alias(alias)["collection_name"]

    def discard(self) -> None:
        """Drop this (failed) build's collection."""
        self._rows = []
        try:
            self.client.drop_collection(self.collection)
        except Exception as exc:  # noqa: BLE001 - the next build's retain drops it then
            log.warning("could not drop collection %s: %s", self.collection, exc)

    def retain(self, keep: set[str]) -> None:
        """Drop this archive's other collections except ``keep`` and the aliased one."""
        alias = self.settings["MILVUS_COLLECTION"]
        served = self._served(alias)
        prefix = re.compile(re.escape(alias) + r"_\d{14}_[0-9a-f]{8}")
        for name in self.client.list_collections():
            if prefix.fullmatch(name) and name not in keep | {served, self.collection}:
                log.info("dropping collection %s of an older build", name)
                self.client.drop_collection(name)

    def location(self) -> dict[str, Any]:
        return {"collection": self.collection}

    # --- reading -------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, settings: dict[str, Any]) -> MilvusIndex:
        """The collection the build in ``folder`` wrote, loaded for searching."""
        manifest = json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8"))
        client = connect(settings)
        name = manifest["collection"]
        client.load_collection(name)  # fails when it is gone; a no-op when loaded
        return cls(client, name, int(manifest["dim"]), settings)

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> VectorIndex:
        raise TypeError("a Milvus collection is opened with the settings: MilvusIndex.open")

    def count(self) -> int:
        rows = self.client.query(self.collection, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"]) + len(self._rows)

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        ids = [int(i) for i in np.asarray(ids).ravel()]
        if not ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self.client.query(self.collection, ids=ids, output_fields=["vector"])
        by_id = {int(r["pid"]): r["vector"] for r in rows}
        return np.array([by_id[i] for i in ids], dtype=np.float32).reshape(-1, self.dim)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        where = None if allowed is None else Where(ids=np.asarray(allowed).tolist())
        if int(k) <= 0 or (where is not None and not where.ids):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        hits = self.client.search(
            self.collection,
            data=[np.asarray(query, dtype=np.float32).ravel().tolist()],
            anns_field="vector",
            search_params=self._dense_params(k),
            limit=int(k),
            filter=expression(where),
            output_fields=["pid"],
        )[0]
        ids = np.array([int(h["pid"]) for h in hits], dtype=np.int64)
        return ids, np.array([float(h["distance"]) for h in hits], dtype=np.float32)

    def _dense_params(self, k: int) -> dict[str, Any]:
        return {"metric_type": "IP", "params": {"ef": max(int(k), 128)}}

    def rank(
        self, question: str, qvec: np.ndarray, tokens: list[str], k: int, where: Where | None
    ) -> Ranking:
        """Dense and BM25 search in Milvus, fused there by RRF (RRF_K); each candidate's
        dense score is its cosine to the question, its keyword score its BM25 in Milvus."""
        from pymilvus import AnnSearchRequest, RRFRanker

        expr = expression(where)
        if k <= 0 or (where is not None and where.ids is not None and not where.ids):
            return Ranking({}, {}, {})
        qv = np.asarray(qvec, dtype=np.float32).ravel()
        requests = [
            AnnSearchRequest(
                data=[qv.tolist()],
                anns_field="vector",
                param=self._dense_params(k),
                limit=k,
                expr=expr,
            )
        ]
        text = " ".join(tokens)
        if text:
            requests.append(
                AnnSearchRequest(
                    data=[text],
                    anns_field="sparse",
                    param={"metric_type": "BM25"},
                    limit=k,
                    expr=expr,
                )
            )
        hits = self.client.hybrid_search(
            self.collection,
            requests,
            ranker=RRFRanker(int(self.settings["RRF_K"])),
            limit=2 * k,
            output_fields=["vector"],
        )[0]
        fused = {int(h["pid"]): float(h["distance"]) for h in hits}
        vecs = np.array([h["entity"]["vector"] for h in hits], dtype=np.float32)
        dense = dict(zip(fused, (vecs.reshape(-1, self.dim) @ qv).tolist()))
        return Ranking(fused, dense, self._keyword_shares(fused, dense, k) if text else {})

    def _keyword_shares(
        self, fused: dict[int, float], dense: dict[int, float], k: int
    ) -> dict[int, float]:
        """Each hit's share of its fused score that the BM25 route gave it.

        Milvus returns only the fused score. The dense route's ``k`` hits are all among
        the ``2k`` returned, so their dense ranks are their cosines' order; what RRF gave
        the rest of the score came from BM25: positive exactly when BM25 found the passage
        (what the answer stage asks of a keyword score), larger the higher it ranked it.
        """
        rrf_k = int(self.settings["RRF_K"])
        by_cosine = sorted(dense, key=lambda p: -dense[p])[:k]
        share = {p: 1.0 / (rrf_k + r + 1) for r, p in enumerate(by_cosine)}
        out = {p: f - share.get(p, 0.0) for p, f in fused.items()}
        return {p: v for p, v in out.items() if v > 1e-6}
