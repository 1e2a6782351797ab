"""The batching query encoder: same vectors as one-at-a-time, cache hits, many threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from assistant.encoding.batching import LRU, BatchingEncoder

QUESTIONS = [
    "Who chairs the Panel?",
    "What happened to children during the pandemic?",
    "How many serious incident notifications were there?",
    "What are the three messages of the report?",
    "What does the Panel want from safeguarding partnerships?",
    "Is the report about adult social care?",
]


@pytest.fixture()
def batching(embedder):
    enc = BatchingEncoder(embedder, window_ms=20, max_batch=8, cache_size=0)
    yield enc
    enc.close()


def test_batched_vectors_equal_unbatched(embedder, batching):
    alone = np.vstack([embedder.encode([q])[0] for q in QUESTIONS])
    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        together = np.vstack(list(pool.map(batching.encode_query, QUESTIONS)))
    np.testing.assert_allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Concurrent questions shared encoder calls: fewer batches than questions.
    assert batching.batched == len(QUESTIONS)
    assert batching.batches < len(QUESTIONS)


def test_many_threads_get_their_own_answers(embedder, batching):
    expected = {q: embedder.encode([q])[0] for q in QUESTIONS}
    asked = QUESTIONS * 5  # duplicates inside one batch are encoded once
    with ThreadPoolExecutor(16) as pool:
        got = list(pool.map(batching.encode_query, asked))
    for q, vec in zip(asked, got, strict=False):
        np.testing.assert_allclose(vec, expected[q], atol=1e-5)
    assert batching.batched < len(asked)


def test_cache_hits_skip_the_model(embedder):
    enc = BatchingEncoder(embedder, window_ms=1, max_batch=8, cache_size=2)
    try:
        first = enc.encode_query("Who chairs the Panel?")
        calls = enc.batches
        again = enc.encode_query("Who chairs the Panel?")
        assert again is first and enc.batches == calls and enc.cache.hits == 1
        assert not again.flags.writeable  # shared vectors cannot be changed by a caller
        enc.encode_query("second question")
        enc.encode_query("third question")  # evicts the least recently used
        assert len(enc.cache) == 2 and enc.cache.get("Who chairs the Panel?") is None
    finally:
        enc.close()


def test_unbatched_uncached_mode_matches(embedder):
    enc = BatchingEncoder(embedder, batching=False, cache_size=0)
    vec = enc.encode_query("Who chairs the Panel?")
    np.testing.assert_allclose(vec, embedder.encode(["Who chairs the Panel?"])[0], atol=1e-6)
    assert enc.batches == 0 and enc._worker is None and len(enc.cache) == 0


def test_failures_reach_every_caller():
    class Broken:
        def encode(self, texts, batch_size=32):
            raise RuntimeError("model exploded")

    enc = BatchingEncoder(Broken(), window_ms=5, max_batch=4, cache_size=0)
    try:
        futures = [enc.submit(f"q{i}") for i in range(3)]
        for f in futures:
            with pytest.raises(RuntimeError, match="exploded"):
                f.result(timeout=5)
    finally:
        enc.close()


def test_lru_disabled():
    cache = LRU(0)
    cache.put("a", np.zeros(2))
    assert cache.get("a") is None and len(cache) == 0


def test_assistant_uses_batching_settings(make_assistant, corpus_index):
    helper = make_assistant(corpus_index, batching=False, cache_size=0)
    assert isinstance(helper.encoder, BatchingEncoder)
    assert helper.encoder.batching is False and helper.encoder.cache.size == 0
    assert helper.ask("Who chairs the Panel?").question


def test_torch_threads_split_between_workers(monkeypatch):
    import os

    from assistant.encoding.embeddings import default_threads

    cores = len(os.sched_getaffinity(0))
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    assert default_threads() == cores
    monkeypatch.setenv("WEB_CONCURRENCY", str(cores * 4))
    assert default_threads() == 1
