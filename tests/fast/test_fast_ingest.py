"""Ingest with the fake encoder: a rebuild reuses unchanged documents' vectors, an added document
is embedded alone, and the rebuilt index answers alike."""

from __future__ import annotations

import numpy as np
import pytest
from fastcorpus import NOTES_META, NOTES_TXT, RIVERSIDE_MD, RIVERSIDE_META

from assistant.index import store as index_mod
from assistant.index.build import ingest
from assistant.index.store import ChunkSettings


@pytest.fixture(scope="module")
def small_dir(tmp_path_factory):
    """Two text documents: ingest runs several times here, so no PDF is parsed each time."""
    folder = tmp_path_factory.mktemp("small-corpus")
    for name, text in [
        ("riverside-review.md", RIVERSIDE_MD),
        ("riverside-review.meta.toml", RIVERSIDE_META),
        ("training-notes.txt", NOTES_TXT),
        ("training-notes.meta.toml", NOTES_META),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_rebuild_reuses_every_unchanged_document(embedder, small_dir, tmp_path):
    first = ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    before = np.array(index_mod.load(tmp_path, embedder.name, embedder.dimensions).passage_vectors)
    again = ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    assert first.stats.documents_embedded == len(first.documents) and first.stats.documents_reused == 0
    assert again.stats.documents_embedded == 0 and again.stats.documents_reused == len(first.documents)
    after = index_mod.load(tmp_path, embedder.name, embedder.dimensions)
    assert again.build != first.build and np.array_equal(np.asarray(after.passage_vectors), before)


def test_an_added_document_is_the_only_one_embedded(embedder, small_dir, tmp_path):
    ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    extra = tmp_path.parent / f"{tmp_path.name}-extra.txt"
    extra.write_text("A note on lodgers\n\nLodgers were rarely recorded in household assessments.\n")
    report = ingest([str(extra)], tmp_path, embedder, ChunkSettings(), add=True)
    assert report.stats.documents_embedded == 1
    built = index_mod.load(tmp_path, embedder.name, embedder.dimensions)
    assert len(built.documents) == 3


def test_other_chunk_settings_embed_everything_again(embedder, small_dir, tmp_path):
    ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    report = ingest([str(small_dir)], tmp_path, embedder, ChunkSettings(passage_max_words=40))
    assert report.stats.documents_reused == 0


def test_the_rebuilt_index_answers_alike(make_assistant, embedder, small_dir, tmp_path):
    ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    ingest([str(small_dir)], tmp_path, embedder, ChunkSettings())
    answer = make_assistant(tmp_path).ask("What did reviews find about professional curiosity?")
    assert answer.answered and "professional curiosity" in answer.quotes[0].text
