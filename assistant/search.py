"""Search: hybrid retrieval, dense (FAISS) and BM25 fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.index import Index
from assistant.passages import Passage


@dataclass
class Hit:
    row: int
    passage: Passage
    fused: float  # reciprocal-rank-fusion score, orders the results
    dense: float  # cosine similarity of question and passage
    sentence: float  # best cosine similarity of question and one sentence of the passage
    bm25: float

    @property
    def confidence(self) -> float:
        """How well the passage answers, on the cosine scale the abstention threshold uses."""
        return max(self.dense, self.sentence)


def dense_ranking(index: Index, qvec: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    n = min(n, index.dense.ntotal)
    if n <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    scores, rows = index.dense.search(qvec.reshape(1, -1).astype(np.float32), n)
    keep = rows[0] >= 0
    return rows[0][keep], scores[0][keep]


def bm25_ranking(index: Index, query: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    scores = index.bm25.scores(query)
    positive = np.flatnonzero(scores > 0)
    if positive.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    n = min(n, positive.size)
    top = positive[np.argpartition(-scores[positive], n - 1)[:n]]
    top = top[np.argsort(-scores[top], kind="stable")]
    return top, scores[top]


def hybrid(
    index: Index,
    qvec: np.ndarray,
    query: str,
    candidates: int = 20,
    rrf_k: int = 60,
    mode: str = "hybrid",
    doc_ids: set[str] | None = None,
) -> list[Hit]:
    """Rank passages for a question. ``mode`` is hybrid, dense or bm25 (the last two for baselines)."""
    wanted = candidates if doc_ids is None else candidates * 5
    d_rows, d_scores = dense_ranking(index, qvec, wanted) if mode != "bm25" else (np.zeros(0, np.int64), [])
    b_rows, b_scores = bm25_ranking(index, query, wanted) if mode != "dense" else (np.zeros(0, np.int64), [])
    fused: dict[int, float] = {}
    for rows in (d_rows, b_rows):
        for rank, row in enumerate(rows, start=1):
            fused[int(row)] = fused.get(int(row), 0.0) + 1.0 / (rrf_k + rank)
    bm25_of = {int(r): float(s) for r, s in zip(b_rows, b_scores)}
    order = sorted(fused, key=lambda r: -fused[r])
    if doc_ids is not None:
        order = [r for r in order if index.passages[r].doc_id in doc_ids]
    order = order[:candidates]
    if not order:
        return []
    q = qvec.reshape(-1).astype(np.float32)
    dense_scores = np.asarray(index.passage_vectors[order]) @ q
    hits = []
    for row, dense in zip(order, dense_scores):
        passage = index.passages[row]
        sent = np.asarray(index.sentence_vectors[index.sentence_rows(passage)]) @ q
        hits.append(Hit(row, passage, fused[row], float(dense), float(sent.max()), bm25_of.get(row, 0.0)))
    return hits
