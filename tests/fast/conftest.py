"""The fast loop's fixtures: the same real ingest, index, assistant and app as tests/conftest.py,
but encoded by the fake encoder (no model: hashed word pieces, assistant/encoding/encoders.py), over a
small corpus written here. Tests in this folder are never marked ``model``.

These fixtures override the parent's by name, so a test here asking for ``client`` gets the
app over the fake index; the parent's session fixtures (the real model's) are never shared.
"""

from __future__ import annotations

from pathlib import Path

import logwatch
import pytest
from fastcorpus import write_corpus


@pytest.fixture(scope="session")
def embedder():
    from assistant.encoding.embeddings import shared_embedder

    return shared_embedder(encoder="fake")


@pytest.fixture(scope="session")
def build_index(embedder, tmp_path_factory):
    """``build_index(sources, **chunk settings)``: the real ingest with the fake encoder."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings

    def build(sources: list, name: str = "fast-index", **kwargs) -> Path:
        root = tmp_path_factory.mktemp(name)
        report = ingest([str(s) for s in sources], root, embedder, ChunkSettings(**kwargs))
        assert not report.problems, report.problems
        return root

    return build


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("fast-corpus"))


@pytest.fixture(scope="session")
def corpus_index(build_index, corpus_dir) -> Path:
    return build_index([corpus_dir], "fast-corpus-index")


@pytest.fixture(scope="session")
def make_assistant(embedder, make_settings):
    from assistant.answering.answers import load_assistant

    def make(index: Path, **kwargs):
        return load_assistant(make_settings(index, encoder="fake", **kwargs), embedder)

    return make


@pytest.fixture(scope="session")
def assistant(make_assistant, corpus_index):
    return make_assistant(corpus_index)


@pytest.fixture(scope="session")
def make_app(make_assistant):
    from assistant.server.app import create_app

    def make(index: Path, **kwargs):
        helper = make_assistant(index, **kwargs)
        return create_app(helper.settings, helper)

    return make


@pytest.fixture(scope="session")
def app(make_app, corpus_index):
    return make_app(corpus_index)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        c.event_hooks["request"].append(logwatch.remember)  # no question text in any log
        yield c


@pytest.fixture(scope="session")
def index(assistant):
    return assistant.index
