"""Retrieval: hybrid retrieval, dense (the vector store) and BM25 candidates fused into one ranking."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.answering import answertypes
from assistant.index.lexical import tokenize, words
from assistant.index.store import Index
from assistant.ingest import library
from assistant.ingest.passages import Passage
from assistant.settings import Fusion, default


@dataclass
class Hit:
    row: int
    passage: Passage
    fused: float  # the fusion score that orders results
    dense: float  # cosine similarity of question and passage
    sentence: float  # best cosine similarity of question and one sentence of the passage
    bm25: float
    coverage: float  # idf-weighted share of the question's content words found in the passage

    @property
    def similarity(self) -> float:
        return max(self.dense, self.sentence)


EXACT_SUBSET = 50_000  # allowed passages up to which a filtered search scores them all exactly


def dense_ranking(
    index: Index, qvec: np.ndarray, n: int, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``n`` passages closest to the question; ``allowed`` (a mask over rows) restricts the
    search itself: a small subset is scored exactly, a large one by the store's own filter,
    so a filter never needs over-fetching and dropping."""
    q = qvec.reshape(-1).astype(np.float32)
    if allowed is None:
        return index.dense.search(q, n)
    subset = np.flatnonzero(allowed)
    n = min(n, subset.size)
    if n <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    if subset.size > EXACT_SUBSET:
        return index.dense.search(q, n, allowed)
    sims = np.asarray(index.passage_vectors[subset]) @ q
    top = np.argpartition(-sims, n - 1)[:n]
    top = top[np.argsort(-sims[top], kind="stable")]
    return subset[top].astype(np.int64), sims[top].astype(np.float32)


def bm25_ranking(
    index: Index, query: str | list[str], n: int, extra: list[str] | tuple = (), allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    scores = index.bm25.scores(query, extra)
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)  # only the allowed passages can rank
    positive = np.flatnonzero(scores > 0)
    if positive.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    n = min(n, positive.size)
    top = positive[np.argpartition(-scores[positive], n - 1)[:n]]
    top = top[np.argsort(-scores[top], kind="stable")]
    return top, scores[top]


def back_count(index: Index) -> int:
    """How many passages of the index are back matter (counted once per loaded index)."""
    if "back_count" not in index.derived:
        index.derived["back_count"] = sum(1 for p in index.passages if p.back)
    return index.derived["back_count"]


# How an imprint says who issued a document and when: "Issued by ...", "Published May 2021",
# "Last updated 2 October 2023", an edition or issue number, a copyright line ("Published reviews
# stay online" is not one: the word must be followed by who or when).
_ISSUED = re.compile(
    r"\b(?:published|issued|updated|reissued|revised|printed)\s+(?:(?:on|in)\s+)?"
    r"(?:by\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:spring|summer|autumn|winter)\b)"
    r"|\b(?:edition|issue)\s+\d+|©|\bcopyright\b",
    re.I,
)
IMPRINT_CHARS = 400  # an imprint is a line or two, not a paragraph of the body


def imprint(index: Index, passage: Passage) -> bool:
    """Is ``passage`` its document's imprint: the short first or last passage that says who
    issued the document and when ("Issued by Kelderside Police, February 2024", "Riverford
    Partnership. Published September 2022")? It holds a date, and the issuer's name or the
    wording of an imprint. It answers when a document came out or is due for review, and it
    holds the document's names, so it matches any question naming the document."""
    if passage.end - passage.start > IMPRINT_CHARS:
        return False
    if passage.seq != 0 and index.neighbours(passage.id, before=0)[-1].id != passage.id:
        return False  # neither the first nor the last passage of its document
    doc = index.documents[passage.doc_id]
    text = doc.text[passage.start : passage.end]
    if not answertypes.has_date(words(text)):
        return False
    issuers = [n.lower() for n in (doc.meta.author, doc.meta.publisher) if n and len(n) > 3]
    return bool(_ISSUED.search(text)) or any(n in text.lower() for n in issuers)


def retrieval(settings) -> dict:
    """hybrid()'s ranking options from the settings: the chat and the finder rank alike."""
    return {
        "candidates": settings.candidates,
        "rrf_k": settings.rrf_k,
        "fusion": settings.fusion,
        "bm25_weight": settings.bm25_weight,
    }


# Passages whose one sentence is closest in meaning join the dense candidates: a passage's vector
# is its sentences' mean, so one sentence that answers ("The full review is on the partnership
# website.") among others on other things leaves it far down the passage ranking. Sentences are
# scanned exactly, so only on an index of up to SENTENCE_SCAN sentences (a few ms at most).
SENTENCE_KEPT = 5
SENTENCE_SCAN = 20_000
DENSE_KEPT = 0.5  # the share of the dense candidates sure of a place after fusion (hybrid())


def sentence_passages(index: Index) -> np.ndarray:
    """For each sentence row, the first passage (row) holding it (made once per loaded index)."""

    def make() -> np.ndarray:
        owner = np.full(len(index.sentence_keys), -1, np.int64)
        for row, p in enumerate(index.passages):
            for s in index.sentence_rows(p):
                if owner[s] < 0:
                    owner[s] = row
        return owner

    return index.derive("sentence_passages", make)


def sentence_ranking(index: Index, qvec: np.ndarray, allowed: np.ndarray | None = None) -> list[int]:
    """Rows of the passages holding the ``SENTENCE_KEPT`` sentences closest to the question."""
    if not 0 < len(index.sentence_keys) <= SENTENCE_SCAN:
        return []
    owner = sentence_passages(index)
    sims = np.asarray(index.sentence_vectors) @ qvec.reshape(-1).astype(np.float32)
    rows: list[int] = []
    top = min(sims.size, 4 * SENTENCE_KEPT)  # enough for overlapping passages and a filter's mask
    best = np.argpartition(-sims, top - 1)[:top]
    for s in best[np.argsort(-sims[best], kind="stable")]:
        row = int(owner[s])
        if row >= 0 and (allowed is None or allowed[row]) and row not in rows:
            rows.append(row)
            if len(rows) == SENTENCE_KEPT:
                break
    return rows


def _allowed(index: Index, doc_ids) -> np.ndarray | None:
    """A mask over rows for a filter's documents; None when every document is allowed."""
    everything = doc_ids is None or (len(doc_ids) >= len(index.documents) and doc_ids >= index.documents.keys())
    return None if everything or doc_ids is None else library.row_mask(index, doc_ids)


def _rankings(index: Index, qvec: np.ndarray, q_tokens: list[str], candidates: int, mode, doc_ids, extra, back_matter):
    """The dense and the BM25 ranking, (rows, scores) each, both within ``doc_ids``."""
    wanted = candidates
    if not back_matter:
        wanted += min(back_count(index), candidates)  # room for the back matter dropped after
    none = (np.zeros(0, np.int64), np.zeros(0, np.float32))
    allowed = _allowed(index, doc_ids)
    dense = dense_ranking(index, qvec, wanted, allowed) if mode != "bm25" else none
    bm25 = bm25_ranking(index, q_tokens, wanted, extra, allowed) if mode != "dense" else none
    return dense, bm25


def hybrid(
    index: Index,
    qvec: np.ndarray,
    query: str,
    candidates: int = default("candidates"),
    rrf_k: int = default("rrf_k"),
    mode: str = "hybrid",
    doc_ids: set[str] | None = None,
    fusion: Fusion | str = default("fusion"),
    bm25_weight: float = default("bm25_weight"),
    extra: list[str] | tuple = (),
    back_matter: bool = False,
) -> list[Hit]:
    """Rank passages for a question.

    ``mode`` is hybrid, dense or bm25 (the last two are baselines). ``fusion`` is linear
    (``(1-w)·cosine + w·bm25/max bm25``, the default: better on tests/eval, see README) or
    rrf (reciprocal rank fusion with constant ``rrf_k``). ``extra`` stemmed tokens widen
    the BM25 query (the glossary's equivalents of the question's terms). ``doc_ids`` (a
    filter's documents) restricts both searches to those documents' passages. Back matter
    (reference lists, licence text: ``Passage.back``) is no answer and is left out unless
    ``back_matter`` is set.
    """
    q_tokens = tokenize(query)
    (d_rows, _), (b_rows, b_scores) = _rankings(index, qvec, q_tokens, candidates, mode, doc_ids, extra, back_matter)
    by_sentence = sentence_ranking(index, qvec, _allowed(index, doc_ids)) if mode != "bm25" else []
    rows = list(dict.fromkeys([int(r) for r in d_rows] + by_sentence + [int(r) for r in b_rows]))
    if not back_matter:
        rows = [r for r in rows if not index.passages[r].back]
    if not rows:
        return []
    q = qvec.reshape(-1).astype(np.float32)
    bm25_of = {int(r): float(s) for r, s in zip(b_rows, b_scores, strict=False)}
    top_bm25 = max(bm25_of.values(), default=0.0) or 1.0
    dense_scores = np.asarray(index.passage_vectors[rows]) @ q
    coverage = index.bm25.coverage_of(q_tokens)
    hits = []
    for row, dense in zip(rows, dense_scores, strict=False):
        passage = index.passages[row]
        sent = float((np.asarray(index.sentence_vectors[index.sentence_rows(passage)]) @ q).max())
        text = index.documents[passage.doc_id].text[passage.start : passage.end]
        bm25 = bm25_of.get(row, 0.0)
        hits.append(Hit(row, passage, 0.0, float(dense), sent, bm25, coverage(text)))
    if mode == "dense":
        for hit in hits:
            hit.fused = hit.similarity
    elif mode == "bm25":
        for hit in hits:
            hit.fused = hit.bm25
    else:
        FUSIONS[Fusion(fusion)](hits, (d_rows, b_rows), top_bm25, rrf_k, bm25_weight)
    hits.sort(key=lambda h: -h.fused)
    # A passage found by its sentence, or among the closest in meaning, stays however little BM25
    # finds in it: when many passages share the question's topic words ("strategy discussion"),
    # BM25 fills the fusion with them and the one passage on the asked part of the topic, near
    # the top by meaning, has no word to match. It takes the place of one of the last (at most a
    # quarter of them, so the best of the fusion always stay).
    kept = set(by_sentence) | {int(r) for r in d_rows[: round(candidates * DENSE_KEPT)]}
    found = [h for h in hits[candidates:] if h.row in kept][: candidates // 4]
    return hits[: candidates - len(found)] + found


def fuse_linear(hits: list[Hit], rankings, top_bm25: float, rrf_k: int, bm25_weight: float) -> None:
    """``(1-w)·cosine + w·bm25/max bm25``, ``max bm25`` being the best BM25 score of the candidates."""
    for hit in hits:
        hit.fused = (1 - bm25_weight) * hit.similarity + bm25_weight * hit.bm25 / top_bm25


def fuse_rrf(hits: list[Hit], rankings, top_bm25: float, rrf_k: int, bm25_weight: float) -> None:
    """Reciprocal rank fusion: the sum of ``1 / (rrf_k + rank)`` over the rankings a passage is in."""
    rrf: dict[int, float] = {}
    for ranking in rankings:
        for rank, row in enumerate(ranking, start=1):
            rrf[int(row)] = rrf.get(int(row), 0.0) + 1.0 / (rrf_k + rank)
    for hit in hits:
        hit.fused = rrf.get(hit.row, 0.0)


# Each fusion method (settings.Fusion) sets Hit.fused on every hit.
FUSIONS: dict[Fusion, Callable[[list[Hit], tuple, float, int, float], None]] = {
    Fusion.LINEAR: fuse_linear,
    Fusion.RRF: fuse_rrf,
}
