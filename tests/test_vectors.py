"""Dense index chosen by size: exact when small, IVF-SQ8 at scale with high recall."""

from __future__ import annotations

import numpy as np

from assistant.index import vectors


def clustered(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Unit vectors around random topics, the way embeddings of many passages cluster."""
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((200, dim)).astype(np.float32)
    x = topics[rng.integers(0, 200, n)] + 0.5 * rng.standard_normal((n, dim)).astype(np.float32)
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_choice_by_size():
    assert vectors.choose(1000) == {"type": "flat-ip"}
    assert vectors.choose(vectors.FLAT_MAX)["type"] == "flat-ip"
    big = vectors.choose(1_000_000)
    assert big["type"] == "ivf-sq8" and 1000 <= big["nlist"] <= 16384 and big["nprobe"] >= 16


def test_flat_is_exact():
    x = clustered(2000)
    index = vectors.make_dense(x)
    assert vectors.describe(index) == {"type": "flat-ip"}
    assert vectors.recall_at_k(index, x, x[:50]) == 1.0


def test_ivf_recall_and_memory():
    data = clustered(30_200, seed=1)
    x, queries = data[:30_000], data[30_000:]  # held-out queries on the same topics
    spec = {"type": "ivf-sq8", "nlist": 128, "nprobe": 16}
    index = vectors.make_dense(x, spec)
    assert vectors.describe(index) == spec
    assert index.ntotal == len(x)
    assert vectors.recall_at_k(index, x, queries) >= 0.95
    # 8-bit codes: about a quarter of the float32 vectors.
    assert vectors.memory_bytes(index) < 0.4 * x.nbytes


def test_index_build_records_the_dense_type(corpus_index):
    import json

    from assistant.index.store import current_build

    manifest = json.loads((current_build(corpus_index) / "manifest.json").read_text())
    assert manifest["dense"] == {"type": "flat-ip"}


def test_ivf_settings_survive_save_and_load(tmp_path):
    import faiss

    x = clustered(5000, seed=3)
    spec = {"type": "ivf-sq8", "nlist": 64, "nprobe": 12}
    faiss.write_index(vectors.make_dense(x, spec), str(tmp_path / "dense.faiss"))
    loaded = faiss.read_index(str(tmp_path / "dense.faiss"))
    vectors.tune(loaded, spec)
    assert vectors.describe(loaded) == spec


def test_index_loads_memory_mapped(corpus_index, embedder):
    from assistant.index import store as index_mod

    idx = index_mod.load(corpus_index, embedder.name, embedder.dimensions, mmap=True)
    assert isinstance(idx.passage_vectors, np.memmap)
    eager = index_mod.load(corpus_index, embedder.name, embedder.dimensions)
    assert not isinstance(eager.passage_vectors, np.memmap)  # small indexes are read in
    q = embedder.encode(["Who chairs the Panel?"])[0]
    assert np.array_equal(idx.bm25.scores("Panel chair"), eager.bm25.scores("Panel chair"))
    assert np.allclose(np.asarray(idx.passage_vectors) @ q, eager.passage_vectors @ q)
