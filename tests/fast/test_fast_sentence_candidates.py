"""Passages found by their one close sentence (retrieval.sentence_ranking): a passage whose
vector is diluted by sentences on other things is still a candidate when one of its sentences
is among the closest to the question. Vectors made up for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from assistant.answering import retrieval


def _index(sentences: np.ndarray, passages: list[list[int]]):
    """A stand-in index: passage i holds the sentence rows ``passages[i]``."""
    derived: dict = {}
    ps = [SimpleNamespace(rows=rows) for rows in passages]
    return SimpleNamespace(
        sentence_keys={i: i for i in range(len(sentences))},
        sentence_vectors=sentences,
        passages=ps,
        sentence_rows=lambda p: p.rows,
        derive=lambda key, make: derived.setdefault(key, make()),
    )


def test_the_passage_of_the_closest_sentence_is_a_candidate():
    eye = np.eye(4, dtype=np.float32)
    # passage 0 holds sentences 0 and 1, passage 1 sentence 1 too (overlap), passage 2 sentences 2, 3
    index = _index(eye, [[0, 1], [1], [2, 3]])
    rows = retrieval.sentence_ranking(index, eye[3])
    assert rows[0] == 2  # the passage holding sentence 3
    assert sorted(rows) == [0, 2]  # a sentence shared by two passages brings its first one only


def test_a_filter_keeps_its_documents_only():
    eye = np.eye(3, dtype=np.float32)
    index = _index(eye, [[0], [1], [2]])
    allowed = np.array([True, True, False])
    assert 2 not in retrieval.sentence_ranking(index, eye[2], allowed)


def test_a_large_index_is_not_scanned(monkeypatch):
    eye = np.eye(3, dtype=np.float32)
    monkeypatch.setattr(retrieval, "SENTENCE_SCAN", 2)
    assert retrieval.sentence_ranking(_index(eye, [[0], [1], [2]]), eye[0]) == []
