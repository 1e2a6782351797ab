"""Hybrid retrieval on its own: dense and BM25 rankings, linear and reciprocal-rank fusion."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answering.retrieval import bm25_ranking, dense_ranking, hybrid, retrieval

QUERIES = [
    "professional curiosity in supervision",
    "co-sleeping after drinking alcohol",
    "chronology of small concerns",
    "information sharing between schools",
]


@pytest.fixture(scope="module")
def qvecs(assistant):
    return {q: assistant.encoder.encode_query(q) for q in QUERIES}


@pytest.mark.parametrize("q", QUERIES)
def test_dense_mode_orders_by_similarity(index, qvecs, q):
    hits = hybrid(index, qvecs[q], q, mode="dense")
    assert hits
    assert [h.fused for h in hits] == sorted((h.fused for h in hits), reverse=True)
    assert all(h.fused == h.similarity == max(h.dense, h.sentence) for h in hits)


@pytest.mark.parametrize("q", QUERIES)
def test_bm25_mode_orders_by_bm25(index, qvecs, q):
    hits = hybrid(index, qvecs[q], q, mode="bm25")
    assert hits and all(h.bm25 > 0 for h in hits)
    assert [h.fused for h in hits] == sorted((h.fused for h in hits), reverse=True)


@pytest.mark.parametrize("q", QUERIES)
def test_linear_fusion_is_the_weighted_sum(index, qvecs, q):
    w = 0.3
    hits = hybrid(index, qvecs[q], q, fusion="linear", bm25_weight=w)
    top = max(h.bm25 for h in hits)
    for h in hits:
        assert h.fused == pytest.approx((1 - w) * h.similarity + w * h.bm25 / top)


@pytest.mark.parametrize("q", QUERIES)
def test_weight_zero_ranks_as_dense_and_one_as_bm25(index, qvecs, q):
    dense = hybrid(index, qvecs[q], q, bm25_weight=0.0)
    assert [h.fused for h in dense] == pytest.approx([h.similarity for h in dense])
    lexical = hybrid(index, qvecs[q], q, bm25_weight=1.0)
    scores = [h.bm25 for h in lexical]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("q", QUERIES)
def test_rrf_sums_reciprocal_ranks(index, qvecs, q):
    k = 60
    hits = hybrid(index, qvecs[q], q, fusion="rrf", rrf_k=k, candidates=50)
    d_rows, _ = dense_ranking(index, qvecs[q], 50)
    b_rows, _ = bm25_ranking(index, q, 50)
    for h in hits:
        expected = sum(1 / (k + r) for r, row in enumerate(d_rows, 1) if row == h.row)
        expected += sum(1 / (k + r) for r, row in enumerate(b_rows, 1) if row == h.row)
        assert h.fused == pytest.approx(expected)


@pytest.mark.parametrize("q", QUERIES)
def test_the_passage_first_in_both_rankings_is_first_fused(index, qvecs, q):
    d_rows, _ = dense_ranking(index, qvecs[q], 5)
    b_rows, _ = bm25_ranking(index, q, 5)
    if d_rows[0] == b_rows[0]:
        for fusion in ("linear", "rrf"):
            assert hybrid(index, qvecs[q], q, fusion=fusion)[0].row == d_rows[0]


@pytest.mark.parametrize("n", [1, 2, 5])
def test_candidates_caps_the_hits(index, qvecs, n):
    assert len(hybrid(index, qvecs[QUERIES[0]], QUERIES[0], candidates=n)) <= n


def test_doc_ids_keep_only_those_documents(index, qvecs):
    hits = hybrid(index, qvecs[QUERIES[0]], QUERIES[0], doc_ids={"neglect-guidance"})
    assert hits and {h.passage.doc_id for h in hits} == {"neglect-guidance"}


def test_nothing_matches_nothing(index):
    assert hybrid(index, np.zeros(384, np.float32), "zzqx", mode="bm25") == []


def test_coverage_is_a_share(index, qvecs):
    for q in QUERIES:
        for h in hybrid(index, qvecs[q], q):
            assert 0.0 <= h.coverage <= 1.0


def test_retrieval_reads_the_settings(make_settings, corpus_index):
    s = make_settings(corpus_index, fusion="rrf", rrf_k=10, candidates=7, bm25_weight=0.2)
    assert retrieval(s) == {"candidates": 7, "rrf_k": 10, "fusion": "rrf", "bm25_weight": 0.2}


@pytest.mark.parametrize("fusion", ["linear", "rrf"])
def test_the_assistant_answers_with_either_fusion(make_assistant, corpus_index, fusion):
    helper = make_assistant(corpus_index, fusion=fusion)
    answer = helper.ask("chronology of small concerns")
    assert answer.answered and "chronology" in answer.quotes[0].text


def test_the_closest_in_meaning_survives_a_fusion_crowded_by_a_shared_word(index, monkeypatch):
    """Many passages hold a common topic word and fill the fusion by BM25; the passage nearest in
    meaning, without that word, still keeps a place among the candidates (by the dense ranking
    alone: the sentence ranking is switched off here)."""
    from collections import Counter

    from assistant.answering import retrieval as retrieval_module
    from assistant.index.lexical import tokenize

    monkeypatch.setattr(retrieval_module, "sentence_ranking", lambda *args, **kw: [])

    texts = [set(tokenize(index.documents[p.doc_id].text[p.start : p.end])) for p in index.passages]
    held = Counter(w for t in texts for w in t)
    word = max((w for w in held if held[w] < len(texts)), key=lambda w: held[w])  # the most common word
    lacking = [r for r, t in enumerate(texts) if word not in t and not index.passages[r].back]
    assert held[word] > 4 and lacking
    row = lacking[0]
    qvec = np.asarray(index.passage_vectors[row], np.float32)  # the passage itself is the question's meaning
    hits = hybrid(index, qvec, word, candidates=4, bm25_weight=1.0)  # fusion by BM25 alone
    assert len(hits) == 4
    assert row in [h.row for h in hits]
    assert sum(h.bm25 > 0 for h in hits) == 3  # the best of the fusion keep most places
