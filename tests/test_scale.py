"""The parts that let an archive grow: on-disk records, BM25 postings in segments, the
approximate vector index, appending a day's pages, and the format check. Small synthetic
archives only (the 1M-passage figures come from bench/scale.py, not from tests)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from qa import build as build_module
from qa import keyword, store
from qa.build import build_index
from qa.docstore import DocStore
from qa.errors import IndexCorrupt
from qa.keyword import KeywordIndex, tokenize
from qa.search import Searcher
from qa.settings import load_settings
from qa.vectors import choose_kind, load_vector_index, make_vector_index
from tests.conftest import SEEDS
from tests.fakes import FAKE_MODEL

TEXTS = [
    "滨州市召开全市经济工作会议，部署明年重点工作。",
    "魏桥创业集团与滨州学院联合申建省级重点实验室。",
    "市中心医院拟与华润集团通过IOT模式合作建设医院。",
    "",
    "经济 经济 经济 工作 会议",
    "！？。",
    "邹平市举办农民丰收节，展示特色农产品。",
    "滨州学院新校区建设进展顺利，预计明年投入使用。",
]


def _settings(seeds: Path, root: Path, **extra) -> dict:
    return load_settings({"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root), **extra}, environ={})


def _two_pages(tmp_path: Path) -> Path:
    """A pages folder holding copies of the first two seed pages."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(p, seeds)
    return seeds


# --- BM25 postings --------------------------------------------------------------------------


def test_bm25_scores_match_bm25s_the_reference(tmp_path):
    """Our postings give bm25s's Lucene BM25 (k1 1.5, b 0.75) to float32 precision."""
    bm25s = pytest.importorskip("bm25s")
    ours = KeywordIndex.build(TEXTS, tmp_path / "kw")
    ref = bm25s.BM25()
    ref.index([tokenize(t) or [keyword.EMPTY] for t in TEXTS], show_progress=False)
    for q in ["滨州学院 实验室", "经济 工作", "医院", "明年 明年", "不存在的词"]:
        tokens = tokenize(q)
        ids = ref.get_tokens_ids(tokens)
        want = ref.get_scores_from_ids(ids) if ids else np.zeros(len(TEXTS))
        assert np.allclose(ours.scores(tokens), want, rtol=1e-5, atol=1e-6), q
    assert ours.count == len(TEXTS)


def test_segments_and_appends_score_as_one_index_would(tmp_path, monkeypatch):
    """Small segments, and passages appended later, change nothing about the scores."""
    whole = KeywordIndex.build(TEXTS, tmp_path / "whole")
    monkeypatch.setattr(keyword, "SEGMENT_DOCS", 3)
    parts = KeywordIndex.build(TEXTS[:5], tmp_path / "parts")
    parts.append(TEXTS[5:])
    parts = KeywordIndex.load(tmp_path / "parts")
    assert len(parts.meta["segments"]) == 3
    for q in ["滨州学院 实验室", "经济", "农产品 丰收", "明年"]:
        t = tokenize(q)
        assert np.allclose(parts.scores(t), whole.scores(t), rtol=1e-6)
        assert parts.idf(t) == pytest.approx(whole.idf(t))
        assert parts.top(t, 3)[0].tolist() == whole.top(t, 3)[0].tolist()


@pytest.mark.parametrize("n", [0, 5, 300, 100_000])
@pytest.mark.parametrize("k", [1, 10, 200])
def test_top_k_is_exactly_a_stable_sort_cut_at_k(n, k):
    """The sampled floor only saves work: ids, order and ties are a full stable sort's."""
    rng = np.random.default_rng(n + k)
    scores = rng.integers(0, 40, n).astype(np.float32) / 8  # many ties, many zeros
    ids, got = keyword.top_k(scores, k)
    order = np.argsort(-scores, kind="stable")
    want = order[scores[order] > 0][:k]
    assert ids.tolist() == want.tolist()
    assert got.tolist() == scores[want].tolist()


def test_top_k_when_few_scores_reach_the_sampled_floor():
    scores = np.zeros(50_000, dtype=np.float32)
    scores[::64] = 1.0  # the sample sees only these: its floor lets 782 through
    scores[7] = 3.0  # off the sample
    ids, _ = keyword.top_k(scores, 1000)
    assert ids[0] == 7 and len(ids) == 783


def test_keyword_index_loads_without_reading_postings(tmp_path):
    KeywordIndex.build(TEXTS, tmp_path / "kw")
    kw = KeywordIndex.load(tmp_path / "kw")
    indptr, docs, codes = kw._segments[0]
    for array in (docs, codes, kw._doclen):  # views of the mapped files, not copies
        assert not array.flags.owndata and not array.flags.writeable


# --- vector indexes -------------------------------------------------------------------------


def _unit(n: int, dim: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_the_kind_follows_the_archive_size():
    s = load_settings({}, environ={})
    assert choose_kind(1000, s) == "flat"
    assert choose_kind(int(s["IVF_MIN_PASSAGES"]), s) == "ivf"
    assert choose_kind(10, {**s, "VECTOR_INDEX": "ivf"}) == "ivf"
    assert choose_kind(10**7, {**s, "VECTOR_INDEX": "flat"}) == "flat"


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_vector_index_round_trip_mapped(tmp_path, kind):
    x = _unit(3000, 32)
    dense = make_vector_index(kind, 32, len(x), {"IVF_NLIST": 16})
    if dense.needs_training:
        dense.train(x)
    dense.add(x)
    dense.save(tmp_path)
    loaded = load_vector_index(kind, tmp_path, {"IVF_NPROBE": 16})  # mapped, read-only
    ids, scores = loaded.search(x[7], 5)
    assert ids[0] == 7 and scores[0] == pytest.approx(1.0, abs=0.01)
    assert loaded.count() == 3000
    back = loaded.reconstruct(np.array([7, 8]))
    assert np.abs(back - x[7:9]).max() < (1e-6 if loaded.exact else 0.02)


def test_ivf_recall_against_exact_search(tmp_path):
    """On clustered vectors, IVF-SQ8 with a tenth of the clusters probed finds most of the
    exact top 10 (the 1M figures are bench/scale.py's)."""
    centres = _unit(50, 64, seed=1)
    rng = np.random.default_rng(2)
    x = centres[rng.integers(50, size=20000)] + rng.normal(0, 0.05, (20000, 64))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    ivf = make_vector_index("ivf", 64, len(x), {"IVF_NLIST": 64})
    ivf.train(x)
    ivf.add(x)
    ivf.nprobe = 16
    q = x[rng.integers(len(x), size=50)] + rng.normal(0, 0.02, (50, 64)).astype(np.float32)
    exact = np.argsort(-(q @ x.T), axis=1)[:, :10]
    got = [ivf.search(v, 10)[0] for v in q]
    recall = np.mean([len(set(g) & set(e)) / 10 for g, e in zip(got, exact)])
    assert recall >= 0.9


# --- builds: an approximate index, appending, the format ---------------------------------------


def test_a_build_with_the_ivf_index_searches_and_answers(tmp_path, fake_embedder):
    root = tmp_path / "index"
    s = _settings(SEEDS, root, VECTOR_INDEX="ivf", IVF_NLIST=8, IVF_NPROBE=8)
    manifest = build_index(s, fake_embedder)
    assert manifest["vectors"] == "ivf" and manifest["trained_on"] == manifest["counts"]["passages"]
    index = store.load_index(root, FAKE_MODEL, s)
    result = Searcher(index, fake_embedder, s).search(
        "魏桥的两家单位一起申建的省级实验室叫什么名字？"
    )
    assert result.hits and all(h.passage.article_id in index.articles for h in result.hits)


def test_adding_pages_appends_to_the_served_build(tmp_path, fake_embedder):
    """A day's pages: the served build is copied and added to, its segments shared, and the
    result holds what a full build of the same pages holds."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    pages = sorted(SEEDS.glob("*.txt"))
    for p in pages[:2]:
        shutil.copy(p, seeds)
    root = tmp_path / "index"
    s = _settings(seeds, root)
    first = build_index(s, fake_embedder)
    for p in pages[2:3]:
        shutil.copy(p, seeds)
    second = build_index(s, fake_embedder)
    assert second["appended_to"] == first["id"] and second["counts"]["added_pages"] == 1
    old_seg = root / "builds" / first["id"] / "keyword" / "seg-0000" / "docs.npy"
    new_seg = root / "builds" / second["id"] / "keyword" / "seg-0000" / "docs.npy"
    assert old_seg.stat().st_ino == new_seg.stat().st_ino  # shared, not copied
    appended = store.load_index(root, FAKE_MODEL, s)

    full_root = tmp_path / "full"
    full = build_index(_settings(seeds, full_root), fake_embedder)
    assert full["appended_to"] is None
    whole = store.load_index(full_root, FAKE_MODEL, s)
    assert appended.manifest["counts"] | {"added_pages": 0, "reused_vectors": 0} == whole.manifest[
        "counts"
    ] | {"added_pages": 0, "reused_vectors": 0}

    def spans(index):
        return sorted((p.source, p.char_start, p.char_end, p.text) for p in index.passages)

    assert spans(appended) == spans(whole)
    q = tokenize("滨州学院实验室")
    a, w = appended.keyword.scores(q), whole.keyword.scores(q)
    by_span_a = {(p.source, p.char_start): a[p.id] for p in appended.passages}
    by_span_w = {(p.source, p.char_start): w[p.id] for p in whole.passages}
    assert by_span_a.keys() == by_span_w.keys()
    assert all(abs(by_span_a[k] - by_span_w[k]) < 1e-5 for k in by_span_a)


@pytest.mark.parametrize(
    "change",
    [
        "edit a page",
        "remove a page",
        "another passage size",
        "another catalogue",
        "new segmentation rules",
    ],
)
def test_anything_but_new_pages_makes_a_full_build(tmp_path, fake_embedder, change, monkeypatch):
    seeds = _two_pages(tmp_path)
    root = tmp_path / "index"
    build_index(_settings(seeds, root), fake_embedder)
    extra = {}
    first = sorted(seeds.glob("*.txt"))[0]
    if change == "edit a page":
        first.write_text(first.read_text("utf-8") + "\n补记一句。\n", encoding="utf-8")
    elif change == "remove a page":
        first.unlink()
    elif change == "another passage size":
        extra = {"PASSAGE_CHARS": 200}
    elif change == "new segmentation rules":  # the same version number, other code
        monkeypatch.setattr(build_module, "shaping_code", lambda: "another")
    else:
        (seeds / "catalog.csv").write_text("file,publication\n" + first.name + ",某某日报\n")
    manifest = build_index(_settings(seeds, root, **extra), fake_embedder)
    assert manifest["appended_to"] is None


def test_records_are_read_on_demand_and_filterable(fake_index_dir):
    index = store.load_index(fake_index_dir, FAKE_MODEL)
    docs = index.docs
    assert isinstance(docs, DocStore)
    n = len(index.passages)
    assert index.passages[n - 1].id == n - 1
    with pytest.raises(IndexError):
        index.passages[n]
    assert "nope" not in index.articles and index.articles.get("nope") is None
    art = index.articles[index.passages[0].article_id]
    ids = docs.passage_ids_where(publication=art.publication)
    assert 0 in ids and all(
        index.articles[index.passages[i].article_id].publication == art.publication for i in ids
    )
    assert docs.passage_ids_where(publication="没有这份报纸") == []


def test_an_index_of_the_old_format_is_refused_with_the_way_out(tmp_path, fake_index_dir):
    root = tmp_path / "index"
    shutil.copytree(fake_index_dir, root)
    build = store.current_build(root)
    m = json.loads((build / "manifest.json").read_text("utf-8"))
    m["format"] = 1
    (build / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexCorrupt) as info:
        store.load_index(root, FAKE_MODEL)
    assert "format 1" in info.value.message and "qa build" in info.value.message


def test_records_come_back_as_they_were_cut(fake_index_dir):
    """The store packs sentences as spans of the passage's text and pages compressed:
    what comes back is exactly what the build cut."""
    from qa.build import collect

    s = load_settings({"SEEDS_DIR": str(SEEDS)}, environ={})
    articles, passages, pages, _ = collect(SEEDS, s)
    index = store.load_index(fake_index_dir, FAKE_MODEL)
    assert [p.to_dict() for p in index.passages] == [p.to_dict() for p in passages]
    assert {a.id: a.to_dict() for a in articles} == {
        a: index.articles[a].to_dict() for a in index.articles
    }
    assert {p.source: p.text for p in pages} == {s: index.pages[s] for s in index.pages}


def test_progress_reports_every_stage_in_order(tmp_path, fake_embedder):
    seen: list[tuple[str, int, int]] = []
    s = _settings(SEEDS, tmp_path / "index", VECTOR_INDEX="ivf", IVF_NLIST=8)
    manifest = build_index(s, fake_embedder, progress=lambda *a, **counts: seen.append(a))
    stages = [stage for stage, _, _ in seen]
    assert stages == sorted(stages, key=["pages", "training", "vectors"].index)
    assert seen[0][0] == "pages" and seen[-1] == ("vectors", *(manifest["counts"]["passages"],) * 2)
    pages = [(d, t) for st, d, t in seen if st == "pages"]
    assert pages[-1][0] == pages[-1][1] == len(list(SEEDS.glob("*.txt")))
    assert ("training", 1, 1) in seen


def test_a_full_build_reuses_vectors_from_an_ivf_build(tmp_path, fake_embedder):
    """Editing one old page makes a full build, but only the edited text is embedded again:
    the rest comes from the served IVF build (its 8-bit codes, decoded)."""
    seeds = _two_pages(tmp_path)
    s = _settings(seeds, tmp_path / "index", VECTOR_INDEX="ivf", IVF_NLIST=8)
    first = build_index(s, fake_embedder)
    page = sorted(seeds.glob("*.txt"))[0]
    page.write_text(page.read_text("utf-8") + "\n补记一句。\n", encoding="utf-8")
    second = build_index(s, fake_embedder)
    assert second["appended_to"] is None
    assert 0 < second["counts"]["passages"] - second["counts"]["reused_vectors"] <= 5
    assert second["counts"]["reused_vectors"] >= first["counts"]["passages"] - 5


def test_a_build_of_the_previous_format_gives_its_vectors_to_the_rebuild(tmp_path, fake_embedder):
    """A new format means a full build, but not embedding the archive again."""
    seeds = _two_pages(tmp_path)
    s = _settings(seeds, tmp_path / "index")
    first = build_index(s, fake_embedder)
    build = store.current_build(tmp_path / "index")
    m = json.loads((build / "manifest.json").read_text("utf-8"))
    (build / "manifest.json").write_text(json.dumps({**m, "format": 2}), encoding="utf-8")
    shutil.rmtree(build / "keyword")  # the old postings are not read: they changed shape
    second = build_index(s, fake_embedder)
    assert second["appended_to"] is None and second["format"] == store.FORMAT
    assert second["counts"]["reused_vectors"] == first["counts"]["passages"]


def test_a_page_turned_into_a_fifo_does_not_hang_the_append_check(tmp_path, fake_embedder):
    import os

    seeds = _two_pages(tmp_path)
    s = _settings(seeds, tmp_path / "index")
    build_index(s, fake_embedder)
    first = sorted(seeds.glob("*.txt"))[0]
    first.unlink()
    os.mkfifo(first)
    manifest = build_index(s, fake_embedder)  # must return: the FIFO is never opened to wait
    assert manifest["appended_to"] is None and manifest["counts"]["pages"] == 1


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_a_filter_restricts_both_retrievers_to_the_allowed_passages(tmp_path, fake_embedder, kind):
    from qa.retrieve import Retriever

    s = _settings(SEEDS, tmp_path / "index", VECTOR_INDEX=kind, IVF_NLIST=8, IVF_NPROBE=8)
    build_index(s, fake_embedder)
    index = store.load_index(tmp_path / "index", FAKE_MODEL, s)
    source = sorted(index.pages)[1]
    allowed = np.array([p.id for p in index.passages if p.source == source])
    found = Retriever(index, fake_embedder, s).candidates("滨州的经济发展怎么样？", 10, allowed)
    assert found.hits and {h.passage.source for h in found.hits} == {source}
    ids, _ = index.dense.search(fake_embedder.queries(["经济"])[0], 5, allowed)
    assert set(ids.tolist()) <= set(allowed.tolist())


def test_linear_fusion_filters_and_normalises_by_the_best_passage_left(tmp_path, fake_embedder):
    """With FUSION=linear the keyword side is scored once, filtered, and normalised by the
    best passage the filter leaves: that passage's keyword part is the full weight."""
    from qa.keyword import tokenize
    from qa.retrieve import Retriever

    s = _settings(SEEDS, tmp_path / "index", FUSION="linear", DENSE_WEIGHT=0.0)
    build_index(s, fake_embedder)
    index = store.load_index(tmp_path / "index", FAKE_MODEL, s)
    question = "滨州的经济发展怎么样？"
    scores = index.keyword.scores(tokenize(question))
    best = index.passages[int(scores.argmax())].source
    source = next(
        src
        for src in sorted(index.pages)
        if src != best and any(scores[p.id] > 0 for p in index.passages if p.source == src)
    )
    allowed = np.array([p.id for p in index.passages if p.source == source])
    hits = Retriever(index, fake_embedder, s).candidates(question, 10, allowed).hits
    assert hits and {h.passage.source for h in hits} == {source}
    assert max(h.score for h in hits) == pytest.approx(1.0)  # not a share of the global best


def test_a_paper_filter_with_ids_keeps_passages_meeting_both(tmp_path, fake_embedder):
    """FAISS path: where= names a paper (the store's index finds its passages) and ids; the
    candidates are the passages in both, unsorted or repeated ids notwithstanding."""
    from qa.retrieve import Retriever
    from qa.vectors import Where

    s = _settings(SEEDS, tmp_path / "index")
    build_index(s, fake_embedder)
    index = store.load_index(tmp_path / "index", FAKE_MODEL, s)
    paper = index.articles[index.passages[0].article_id].publication
    of_paper = set(index.docs.passage_ids_where(publication=paper))
    assert of_paper and len(of_paper) < len(index.passages)
    source = index.passages[0].source
    some = [p.id for p in index.passages if p.source == source][::-1] * 2
    retriever = Retriever(index, fake_embedder, s)
    both = retriever.candidates("滨州的经济发展怎么样？", 50, where=Where(paper, ids=some)).hits
    assert both and {h.passage.id for h in both} <= of_paper & set(some)
    alone = retriever.candidates("滨州的经济发展怎么样？", 50, where=Where(paper)).hits
    assert alone and {h.passage.id for h in alone} <= of_paper
    assert not retriever.candidates("经济", 5, where=Where("没有这份报纸", ids=some)).hits


def test_an_outdated_index_is_recognised_for_qa_serve_to_rebuild(tmp_path, fake_index_dir):
    root = tmp_path / "index"
    shutil.copytree(fake_index_dir, root)
    assert store.outdated_format(root) is None
    build = store.current_build(root)
    m = json.loads((build / "manifest.json").read_text("utf-8"))
    (build / "manifest.json").write_text(json.dumps({**m, "format": 1}), encoding="utf-8")
    assert store.outdated_format(root) == 1
    assert store.outdated_format(tmp_path / "nothing") is None


def test_a_relative_index_folder_builds_and_loads(tmp_path, monkeypatch, fake_embedder):
    """`make serve` uses the relative `index`: every file of a build opens from there."""
    monkeypatch.chdir(tmp_path)
    s = _settings(SEEDS, Path("index"), VECTOR_INDEX="ivf", IVF_NLIST=8)
    build_index(s, fake_embedder)
    index = store.load_index("index", FAKE_MODEL, s)
    assert index.keyword.top(tokenize("滨州学院"), 3)[0].size and index.passages[0].text
