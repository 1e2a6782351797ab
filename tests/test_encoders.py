"""Encoder backends: the chosen one agrees with fp32, the setting switches them, the ONNX
export is deterministic and cached safely, and ingest keeps its quality."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from assistant.answering.evaluation import DEFAULT_QUESTIONS, evaluate, load_questions
from assistant.encoding import encoders
from assistant.encoding.embeddings import Embedder, shared_embedder
from assistant.settings import ENCODER, Settings

QUESTIONS = load_questions(DEFAULT_QUESTIONS)


@pytest.fixture(scope="module")
def fp32():
    return shared_embedder(encoder="torch-fp32")


def one_by_one(embedder, texts):
    return np.vstack([embedder.encode([t]) for t in texts])


def test_chosen_encoder_agrees_with_fp32_on_every_eval_question(embedder, fp32):
    assert embedder.encoder == ENCODER == "onnx-int8"
    texts = [q.question for q in QUESTIONS] + [h for q in QUESTIONS for h in q.history]
    cos = np.einsum("ij,ij->i", one_by_one(embedder, texts), one_by_one(fp32, texts))
    assert cos.min() >= 0.99, f"lowest cosine {cos.min():.4f}"
    # Batched and alone give the same vectors: batch-mates and padding change nothing.
    for name in ("onnx-int8", "onnx-fp32"):
        e = shared_embedder(encoder=name)
        np.testing.assert_allclose(e.encode(texts[:8]), one_by_one(e, texts[:8]), atol=1e-5)


def test_int8_questions_run_on_one_thread_side_by_side(embedder):
    """One int8 question is too small to split across threads; concurrent questions each run
    on their own caller's thread instead, and get the vectors they would get alone."""
    from concurrent.futures import ThreadPoolExecutor

    assert embedder.model.session.get_session_options().intra_op_num_threads == 1
    texts = [q.question for q in QUESTIONS[:16]]
    alone = one_by_one(embedder, texts)
    with ThreadPoolExecutor(8) as pool:
        together = np.vstack(list(pool.map(lambda t: embedder.encode([t]), texts)))
    np.testing.assert_array_equal(together, alone)


def test_onnx_fp32_equals_torch_fp32(fp32):
    onnx = shared_embedder(encoder="onnx-fp32")
    texts = [q.question for q in QUESTIONS[:10]]
    np.testing.assert_allclose(onnx.encode(texts), fp32.encode(texts), atol=1e-4)


@pytest.mark.model  # loads both fp32 backends itself
def test_the_setting_switches_the_backend(monkeypatch):
    for name, kind in (("torch-fp32", encoders.TorchBackend), ("onnx-fp32", encoders.OnnxBackend)):
        monkeypatch.setenv("ASSISTANT_ENCODER", name)
        assert Settings().encoder == name
        chosen = shared_embedder()
        assert chosen.encoder == name and isinstance(chosen.model, kind) and chosen.model.name == name
    monkeypatch.setenv("ASSISTANT_ENCODER", "onnx-int4")
    with pytest.raises(ValueError):
        Settings()
    with pytest.raises(ValueError, match="unknown encoder"):
        Embedder(encoder="onnx-int4")


def test_passages_are_encoded_in_fp32_whatever_encodes_questions(embedder, corpus_index):
    manifest = json.loads(next(corpus_index.glob("builds/*/manifest.json")).read_text())
    assert embedder.passage_encoder == "onnx-fp32"
    assert manifest["vectors"] == {"passages": "onnx-fp32", "sentences": "each alone"}


def test_export_is_deterministic_atomic_and_recorded(embedder, tmp_path):
    embedder.encode(["load"])  # the shared cache holds the exported files by now
    cached = encoders.onnx_file("fp32")
    fresh = encoders.onnx_file("fp32", tmp_path)
    assert fresh.read_bytes() == cached.read_bytes()
    record = json.loads(fresh.with_suffix(".json").read_text())
    assert record["sha256"] == hashlib.sha256(fresh.read_bytes()).hexdigest()
    assert not list(tmp_path.rglob("*.tmp"))  # written under a temporary name, then renamed
    assert encoders.onnx_file("fp32", tmp_path) == fresh  # found, not made again


def test_ingest_keeps_its_quality_on_the_bundled_eval(assistant, fp32):
    result = evaluate(assistant, QUESTIONS)
    # Figures before this ingest path: hit@1 0.88, hit@3 0.97 (abstention depends on the
    # calibration, which answers.py owns; the vectors below are what ingest changed). Since the
    # quote order also weighs coverage (answers.shown_order, chosen on the fit set, 6 December
    # 2026) hit@1 here is 0.82 with the same vectors: the floor is the one test_answers.py keeps.
    # hit@3 counts a refusal as a miss: the default fit on the development sets refuses two here.
    assert result["hit@3"] >= 32 / 34 and result["hit@1"] >= 0.8
    # The stored vectors are the ones sentence-transformers' fp32 model gives the same texts.
    from assistant.index.store import embedding_input

    index = assistant.index
    texts = [embedding_input(index.documents[p.doc_id], p) for p in index.passages[:8]]
    np.testing.assert_allclose(np.asarray(index.passage_vectors[:8]), fp32.encode(texts), atol=1e-4)
    keys = list(index.sentence_keys.items())[:8]
    sentences = [index.documents[d].text[s:e] for (d, s, e), _ in keys]
    rows = [r for _, r in keys]
    np.testing.assert_allclose(np.asarray(index.sentence_vectors[rows]), fp32.encode(sentences), atol=1e-4)
