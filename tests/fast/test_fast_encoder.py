"""The fake encoder itself: deterministic unit vectors with no model, chosen like the real
backends (ASSISTANT_ENCODER), and an index built with it is never read with the real model."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from assistant.encoding import encoders
from assistant.encoding.batching import BatchingEncoder
from assistant.encoding.embeddings import DIMENSIONS, Embedder, model_name
from assistant.index import store as index_mod
from assistant.settings import MODEL_NAME, Settings

TEXTS = [
    "Neglect is the persistent failure to meet a child's basic needs.",
    "Teachers often notice neglect first.",
    "The partnership will publish a briefing on escalation.",
    "",
]


def test_vectors_are_unit_float32_of_the_model_dimensions(embedder):
    vecs = embedder.encode(TEXTS[:3])
    assert vecs.shape == (3, DIMENSIONS) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_an_empty_text_is_a_finite_vector(embedder):
    assert np.isfinite(embedder.encode([""])).all()


def test_the_same_text_gets_the_same_vector_in_any_instance_and_batch(embedder):
    other = Embedder(encoder="fake")
    alone = other.encode([TEXTS[0]])[0]
    batched = embedder.encode(TEXTS, batch_size=2)[0]
    assert np.array_equal(alone, batched)


def test_shared_words_bring_texts_closer(embedder):
    a, b, c = embedder.encode(["neglect of a baby at home", "neglect at home", "partnerships publish briefings"])
    assert a @ b > 0.5 > abs(a @ c)
    assert a @ a == pytest.approx(1.0)


def test_words_in_another_order_are_the_same_bag(embedder):
    a, b = embedder.encode(["neglect of children at home", "at home children of neglect"])
    assert a @ b == pytest.approx(1.0, abs=1e-5)


def test_passages_and_their_sentences(embedder):
    texts = ["One sentence. Two sentence.", "Alone."]
    spans = [[(0, 13), (14, 27)], [(0, 6)]]
    passages, parts = embedder.encode_passages(texts, spans)
    assert passages.shape == (2, DIMENSIONS) and [p.shape for p in parts] == [(2, DIMENSIONS), (1, DIMENSIONS)]
    assert np.allclose(parts[1][0], embedder.encode(["Alone."])[0])


def test_the_fake_is_named_apart_from_the_model(embedder):
    assert embedder.name == model_name("fake") == encoders.FAKE_MODEL != MODEL_NAME
    assert embedder.passage_encoder == "fake" and embedder.per_row is False
    assert model_name("onnx-int8") == MODEL_NAME


@pytest.mark.parametrize("name", ["fake", "onnx-int8", "torch-fp32"])
def test_the_setting_accepts_each_encoder(name):
    assert Settings(encoder=name).encoder == name


@pytest.mark.parametrize("name", ["fake-int8", "onnx", "FAKE", ""])
def test_the_setting_refuses_other_names(name):
    with pytest.raises(ValueError):
        Settings(encoder=name)


def test_the_environment_chooses_the_fake(monkeypatch):
    monkeypatch.setenv("ASSISTANT_ENCODER", "fake")
    assert Settings().encoder == "fake"


def test_an_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="fake"):
        encoders.load("fake-int8", 1)


def test_the_backend_is_loaded_on_first_use():
    fresh = Embedder(encoder="fake")
    assert not fresh.loaded
    fresh.encode(["warm"])
    assert fresh.loaded and isinstance(fresh.model, encoders.FakeBackend)


def test_the_index_records_the_fake_model(corpus_index):
    manifest = index_mod.read_manifest(index_mod.current_build(corpus_index))
    assert manifest["model"] == encoders.FAKE_MODEL
    assert manifest["vectors"]["passages"] == "fake"


def test_the_real_model_refuses_an_index_built_with_the_fake(corpus_index):
    with pytest.raises(index_mod.IndexProblem, match="fake"):
        index_mod.load(corpus_index, MODEL_NAME, DIMENSIONS)


def test_batched_questions_get_the_vectors_encoded_alone(embedder):
    batcher = BatchingEncoder(embedder, window_ms=5, max_batch=8, cache_size=0)
    questions = [f"question number {i} about neglect" for i in range(12)]
    out: dict[str, np.ndarray] = {}

    def run(q):
        out[q] = batcher.encode_query(q)

    threads = [threading.Thread(target=run, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    batcher.close()
    for q in questions:
        assert np.allclose(out[q], embedder.encode([q])[0], atol=1e-6)


def test_another_process_makes_the_same_vectors(embedder):
    """An index built by one process (the CLI) is read by another (the server)."""
    import hashlib
    import subprocess
    import sys

    from tests.conftest import child_env

    code = (
        "import hashlib; from assistant.encoding.embeddings import Embedder; "
        "print(hashlib.sha256(Embedder(encoder='fake').encode(['Neglect at home.']).tobytes()).hexdigest())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hashlib.sha256(embedder.encode(["Neglect at home."]).tobytes()).hexdigest()
