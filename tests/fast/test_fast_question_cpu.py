"""Work a new question no longer repeats gives what repeating it gave: a text the int8 encoder
ran a moment ago is not run again (encoders.RecentRuns), and a question's words are weighed
once for all its candidate passages (BM25.coverage_of)."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.fast


class Counting:
    """A stand-in backend run: each call returns fresh token embeddings made from the ids."""

    def __init__(self):
        self.calls = 0

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        self.calls += 1
        return (ids[..., None] * np.arange(1, 4, dtype=np.float32) * mask[..., None]).astype(np.float32)


def one(*ids: int) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([ids], dtype=np.int64)
    return a, np.ones_like(a)


def test_the_same_single_text_is_run_once_and_its_output_is_shared_read_only():
    from assistant.encoding.encoders import RecentRuns

    recent, run = RecentRuns(size=2), Counting()
    first = recent.run(*one(101, 7, 102), run)
    again = recent.run(*one(101, 7, 102), run)
    assert run.calls == 1 and again is first
    assert np.array_equal(first, run(*one(101, 7, 102)))
    with pytest.raises(ValueError):
        again[0, 0, 0] = 5.0  # no caller can change what the next one reads
    recent.run(*one(101, 8, 102), run)
    assert run.calls == 3  # another text is another run


def test_only_the_last_few_texts_are_kept_and_batches_never():
    from assistant.encoding.encoders import RecentRuns

    recent, run = RecentRuns(size=2), Counting()
    for i in range(5):
        recent.run(*one(101, i, 102), run)
    assert len(recent._outputs) == 2 and run.calls == 5
    recent.run(*one(101, 0, 102), run)  # pushed out: run again
    assert run.calls == 6
    batch = np.array([[101, 3, 102], [101, 4, 102]], dtype=np.int64)
    recent.run(batch, np.ones_like(batch), run)
    recent.run(batch, np.ones_like(batch), run)
    assert run.calls == 8 and len(recent._outputs) == 2
    padded = np.array([[101, 4, 0]], dtype=np.int64)  # the same ids under another mask differ
    recent.run(padded, np.array([[1, 1, 1]]), run)
    recent.run(padded, np.array([[1, 1, 0]]), run)
    assert run.calls == 10


def test_coverage_weighed_once_is_the_share_of_the_question_words_idf():
    from assistant.index.lexical import BM25, token_set, tokenize

    texts = [
        "The duty team rang the grandmother after the school raised a worry.",
        "Grandparents who care for a child may ask the council for support.",
        "Nothing here is about the question at all.",
    ]
    bm25 = BM25.build(texts)
    for question in ["did the duty team ring the grandmother", "support for grandparents", "", "the of and"]:
        tokens = tokenize(question)
        share = bm25.coverage_of(tokens)
        wanted = set(tokens)
        total = sum(bm25.idf(t) for t in wanted)
        for text in texts:  # the share of the question's idf the passage holds, worked out afresh
            fresh = sum(bm25.idf(t) for t in wanted if t in token_set(text)) / total if total else 0.0
            assert share(text) == pytest.approx(fresh, rel=1e-12, abs=1e-15)
            assert bm25.coverage(tokens, text) == share(text)
    assert bm25.coverage_of(tokenize("duty grandmother"))(texts[0]) == 1.0
