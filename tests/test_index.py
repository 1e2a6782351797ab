"""The index folder: manifest, atomic builds, reuse of unchanged documents, checks on load."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from assistant.index import store as index_mod
from assistant.index.build import check_sources, ingest
from assistant.index.store import ChunkSettings, IndexProblem
from assistant.ingest.documents import DocumentError
from assistant.settings import BUNDLED_CORPUS, MODEL_NAME


def test_manifest_describes_the_build(corpus_index, embedder):
    folder = index_mod.current_build(corpus_index)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["model"] == MODEL_NAME == embedder.name
    assert manifest["dimensions"] == 384
    assert manifest["chunking"]["passage_max_words"] == 80
    assert manifest["chunking"]["segmenter"].startswith("pysbd")
    assert manifest["counts"]["documents"] == 1
    doc = manifest["documents"]["panel-annual-report-2020-news"]
    assert len(doc["content_hash"]) == 64 and len(doc["source_hash"]) == 64
    assert manifest["package_version"]
    # Plain files only, each listed with its size and checksum.
    for name in ("documents.jsonl", "passages.jsonl", "sentences.jsonl", "passage_vectors.npy", "dense.faiss"):
        assert name in manifest["files"]
    vectors = np.load(folder / "passage_vectors.npy")
    assert vectors.shape == (manifest["counts"]["passages"], 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_unchanged_documents_are_not_embedded_again(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    root = tmp_path / "index"
    first = ingest([str(corpus)], root, embedder, ChunkSettings())
    assert first.stats.documents_embedded == 1
    (corpus / "extra.md").write_text("# Extra\n\nA second document about neglect and thresholds.", encoding="utf-8")
    second = ingest([str(corpus)], root, embedder, ChunkSettings())
    assert second.stats.documents_reused == 1
    assert second.stats.documents_embedded == 1
    assert sorted(second.documents) == ["extra", "panel-annual-report-2020-news"]
    before = index_mod.load(root, embedder.name, embedder.dimensions)
    (corpus / "extra.md").unlink()
    third = ingest([str(corpus)], root, embedder, ChunkSettings())
    assert third.removed == ["extra"] and third.stats.passages_embedded == 0
    after = index_mod.load(root, embedder.name, embedder.dimensions)
    news = [i for i, p in enumerate(after.passages) if p.doc_id == "panel-annual-report-2020-news"]
    old = [before.by_id[after.passages[i].id] for i in news]
    assert np.array_equal(after.passage_vectors[news], before.passage_vectors[old])
    assert check_sources(root, ChunkSettings(), embedder.name).reason is None
    assert "chunking" in check_sources(root, ChunkSettings(passage_max_words=50), embedder.name).reason


def test_a_failed_ingest_leaves_the_previous_index_in_place(tmp_path, embedder):
    root = tmp_path / "index"
    ingest([str(BUNDLED_CORPUS)], root, embedder, ChunkSettings())
    live = (root / "CURRENT").read_text()
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    with pytest.raises(DocumentError, match="nothing to index"):
        ingest([str(bad)], root, embedder, ChunkSettings())
    assert (root / "CURRENT").read_text() == live
    assert index_mod.load(root, embedder.name, embedder.dimensions).passages


def test_a_source_that_breaks_keeps_its_previous_version(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    doc = corpus / "note.txt"
    doc.write_text("Practitioners should record their reasoning when they close a case.", encoding="utf-8")
    root = tmp_path / "index"
    ingest([str(corpus)], root, embedder, ChunkSettings())
    doc.write_bytes(b"\x00\x00binary junk")
    report = ingest([str(corpus)], root, embedder, ChunkSettings())
    assert report.kept == ["note"]
    assert report.problems and "binary" in report.problems[0][1]
    loaded = index_mod.load(root, embedder.name, embedder.dimensions)
    assert "record their reasoning" in loaded.documents["note"].text


def _copy_index(src, tmp_path):
    dst = tmp_path / "copy"
    shutil.copytree(src, dst)
    return dst


def test_missing_index_names_the_fix(tmp_path, embedder):
    with pytest.raises(IndexProblem, match="assistant ingest"):
        index_mod.load(tmp_path / "nothing", embedder.name, embedder.dimensions)


def test_index_built_with_another_model_is_refused(corpus_index, tmp_path, embedder):
    root = _copy_index(corpus_index, tmp_path)
    folder = index_mod.current_build(root)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["model"] = "some/other-model"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexProblem, match="other-model.*Rebuild it with: assistant ingest"):
        index_mod.load(root, embedder.name, embedder.dimensions)


def test_corrupt_index_file_is_refused(corpus_index, tmp_path, embedder):
    root = _copy_index(corpus_index, tmp_path)
    folder = index_mod.current_build(root)
    path = folder / "passages.jsonl"
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01  # same size, different content
    path.write_bytes(bytes(data))
    with pytest.raises(IndexProblem, match="corrupt"):
        index_mod.load(root, embedder.name, embedder.dimensions)


def test_truncated_manifest_is_refused(corpus_index, tmp_path, embedder):
    root = _copy_index(corpus_index, tmp_path)
    (index_mod.current_build(root) / "manifest.json").write_text('{"format_version": ')
    with pytest.raises(IndexProblem, match="manifest"):
        index_mod.load(root, embedder.name, embedder.dimensions)


def test_tokenizer_is_safe_on_many_threads():
    """Questions are tokenized on the server's worker threads; each gets its own stemmer."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.index.lexical import _stemmer, tokenize

    texts = [f"safeguarding partnerships reviewing children's notifications {i} practitioners" for i in range(400)]
    expected = [tokenize(t) for t in texts]
    seen: set[int] = set()

    def work(t: str) -> list[str]:
        seen.add(id(_stemmer()))
        return tokenize(t)

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(work, texts * 5)) == expected * 5
    assert len(seen) >= 2 and id(_stemmer()) not in seen  # one stemmer a thread, none shared
    assert expected[0][:3] == ["safeguard", "partnership", "review"]
