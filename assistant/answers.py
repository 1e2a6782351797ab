"""Answers: the Assistant and its rules: verbatim quotes with highlights, or a plain abstention.

The shapes it returns are in models.py, their citations in citations.py."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass

import numpy as np

from assistant import privacy, signpost
from assistant.index import Index
from assistant.models import Answer, make_quote
from assistant.passages import Passage
from assistant.search import Hit, hybrid

ANSWERED = (
    "These passages from the report match your question. They are quoted exactly, "
    "with where they come from; read them in context before relying on them."
)
ABSTAINED = (
    "The report does not seem to cover this. Try rephrasing your question with the "
    "words the report might use, or browse the report's sections."
)

# A follow-up leans on the question before it: it is short, or opens like a continuation.
_FOLLOW_UP_START = re.compile(
    r"^(and|but|or|so|also|then|what about|how about|what of|same for|what if|why|how|for)\b", re.I
)
_PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those|he|she|him|her)\b", re.I)


def clean_question(text: str) -> str:
    """Drop control characters and collapse whitespace; keep every printable script and emoji."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf" or c in "\u200d")
    return re.sub(r"\s+", " ", text).strip()


def effective_query(question: str, history: list[str] | None) -> str | None:
    """The follow-up rule: a short or continuing question is read with the previous one.

    A question of five words or fewer, or one that opens with "and", "what about", "how
    about", ... or of ten words or fewer that refers back with a pronoun ("it", "they",
    "this"...) is searched together with the last question in ``history``.
    """
    previous = next((clean_question(h) for h in reversed(history or []) if clean_question(h)), "")
    if not previous:
        return None
    n = len(question.split())
    if n <= 5 or _FOLLOW_UP_START.match(question) or (n <= 10 and _PRONOUN.search(question)):
        return f"{previous} {question}"
    return None


def highlight(index: Index, sentences: list[tuple[int, int]], doc_id: str, qvec: np.ndarray, start: int, margin: float) -> list[list[int]]:
    """Mark the sentence that best matches the question and any within ``margin`` of it."""
    rows = [index.sentence_keys[(doc_id, s, e)] for s, e in sentences]
    scores = np.asarray(index.sentence_vectors[rows]) @ qvec.reshape(-1)
    best = float(scores.max())
    return [
        [s - start, e - start]
        for (s, e), score in zip(sentences, scores)
        if score >= best - margin
    ]


@dataclass
class Chosen:
    """A span picked for the answer: one or more overlapping passages of one section."""

    doc: str
    start: int
    end: int
    section: str | None  # section id
    sentences: list[tuple[int, int]]
    score: float
    row: int  # of the first passage, in the index's vectors
    id: str  # of the first passage


def select(hits: list[Hit], index: Index, k: int, max_chars: int = 900) -> list[Chosen]:
    """Merge overlapping passages of one section (up to ``max_chars``), drop near-duplicates; keep ``k``."""
    chosen: list[Chosen] = []
    for hit in hits:
        p: Passage = hit.passage
        absorbed = False
        for c in chosen:
            if c.doc == p.doc_id and p.start < c.end and p.end > c.start:
                lo, hi = min(c.start, p.start), max(c.end, p.end)
                if c.section == p.section_id and hi - lo <= max_chars:
                    c.start, c.end = lo, hi
                    c.sentences = sorted(set(c.sentences) | set(p.sentences))
                absorbed = True  # merged, or overlapping text already shown
                break
            if float(index.passage_vectors[c.row] @ index.passage_vectors[hit.row]) > 0.97:
                absorbed = True  # the same words in another document or edition
                break
        if not absorbed and len(chosen) < k:
            chosen.append(
                Chosen(p.doc_id, p.start, p.end, p.section_id, list(p.sentences), hit.confidence, hit.row, p.id)
            )
    return chosen


class Assistant:
    """The core object: an index, a query encoder and the answering rules."""

    def __init__(self, settings, index: Index, encoder):
        self.settings = settings
        self.index = index
        self.encoder = encoder  # anything with encode_query(text) -> unit vector
        self.counters = privacy.Counters()  # aggregate figures only
        self.question_log = privacy.QuestionLog.from_settings(settings)  # None unless the operator opted in

    def ask(
        self, question: str, k: int | None = None, history: list[str] | None = None, threshold: float | None = None
    ) -> Answer:
        """Answer with quotes, or abstain below ``threshold`` (default: the calibrated setting)."""
        started = time.perf_counter()
        answer = self._answer(question, k, history, threshold)
        answer.signpost = signpost.for_answer(self.settings, answer.question, answer.answered)
        privacy.record(self, answer, time.perf_counter() - started)
        return answer

    def _answer(self, question: str, k: int | None, history: list[str] | None, threshold: float | None) -> Answer:
        question = clean_question(question)
        bar = self.settings.min_confidence if threshold is None else threshold
        k = k or self.settings.k
        query = effective_query(question, history)
        index = self.index  # one consistent index for the whole answer, even during a reload
        qvec = self.encoder.encode_query(query or question)
        s = self.settings
        hits = hybrid(index, qvec, query or question, s.candidates, s.rrf_k, fusion=s.fusion, bm25_weight=s.bm25_weight)
        confidence = max((h.confidence for h in hits), default=0.0)
        if confidence < bar or not hits:
            return Answer(question, False, ABSTAINED, [], query, round(confidence, 4))
        # Only passages that clear the bar on their own are shown as the answer.
        strong = [h for h in hits if h.confidence >= bar]
        quotes = []
        for c in select(strong, index, k):
            marks = highlight(index, c.sentences, c.doc, qvec, c.start, self.settings.highlight_margin)
            quotes.append(make_quote(index.documents[c.doc], c.start, c.end, marks, c.score, c.id))
        return Answer(question, True, ANSWERED, quotes, query, round(confidence, 4))


def load_assistant(settings, embedder=None) -> Assistant:
    """Load the index named by ``settings`` with the shared model (IndexProblem if unusable)."""
    from assistant import index as index_mod
    from assistant.batching import BatchingEncoder
    from assistant.embeddings import shared_embedder

    embedder = embedder or shared_embedder(settings.torch_threads)
    index = index_mod.load(settings.index, embedder.name, embedder.dimensions)
    encoder = BatchingEncoder(
        embedder, settings.batch_window_ms, settings.batch_max, settings.cache_size, settings.batching
    )
    encoder.warm_up()  # the first request should not pay for loading the model
    return Assistant(settings, index, encoder)
