"""Answers: verbatim quotes with highlights and citations, or a plain abstention."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from assistant import privacy, signpost
from assistant.documents import Document
from assistant.index import Index
from assistant.passages import Passage
from assistant.search import Hit, hybrid

if TYPE_CHECKING:
    from assistant.embeddings import QueryEncoder

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


@dataclass
class Quote:
    id: str
    text: str
    highlights: list[list[int]]
    document: dict
    section: str | None
    section_id: str | None
    page: str | None  # printed page(s), "23" or "12–13"
    pdf_page: int | None  # PDF page index for #page=N links
    start: int
    end: int
    score: float
    citation: str
    link: str


@dataclass
class Answer:
    question: str
    answered: bool
    message: str
    quotes: list[Quote] = field(default_factory=list)
    interpreted_as: str | None = None
    confidence: float = 0.0
    missing: list[str] = field(default_factory=list)  # content words no quote holds (filled by the scoring)
    signpost: dict | None = None  # where to get help now: on abstentions and urgent questions (signpost.py)

    def to_dict(self) -> dict:
        return asdict(self)


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


def page_text(labels: tuple[str | None, str | None]) -> str | None:
    first, last = labels
    if not first:
        return None
    return first if not last or last == first else f"{first}–{last}"


def cite(doc: Document, section: str | None, page: str | None, style: str = "harvard") -> str:
    """Harvard-like: Author (Year) *Title*, p. 23, "Section". Plain: Title, p. 23, Section."""
    meta = doc.meta
    pages = None if not page else (f"pp. {page}" if "–" in page else f"p. {page}")
    inner = section.split(" › ")[-1] if section else None
    if inner == meta.title:
        inner = None
    if style == "plain":
        kind = f"{meta.title} [{meta.kind}]" if meta.kind and meta.kind != "report" else meta.title
        return ", ".join(x for x in (kind, pages, inner) if x)
    author = meta.author or meta.publisher
    head = f"{author} ({meta.year}) *{meta.title}*" if author else f"*{meta.title}* ({meta.year})"
    if meta.kind and meta.kind != "report":  # a news item is not to be credited as the report
        head += f" [{meta.kind}]"
    tail = "".join(f", {x}" for x in (pages, f"“{inner}”" if inner else None) if x)
    return head + tail


def safe_url(url: str | None) -> str:
    """Only http(s) links leave the server: a ``javascript:`` or ``data:`` source becomes no link."""
    url = (url or "").strip()
    return url if re.match(r"https?://", url, re.I) else ""


def source_link(doc: Document, pdf_page: int | None) -> str:
    url = safe_url(doc.meta.source_url)
    if url and doc.format == "pdf" and pdf_page:
        return f"{url.split('#')[0]}#page={pdf_page}"
    return url


def document_info(doc: Document) -> dict:
    m = doc.meta
    return {
        "id": m.id, "title": m.title, "source": safe_url(m.source_url), "author": m.author,
        "publisher": m.publisher, "date": m.date, "licence": m.licence, "format": doc.format,
        # Which edition of the text offsets refer to: a basket export checks it.
        "edition": doc.content_hash[:12],
    }


def make_quote(index: Index, doc: Document, start: int, end: int, highlights, score: float, qid: str) -> Quote:
    """A quote is always the exact slice ``doc.text[start:end]``."""
    section = doc.section_at(start)
    pages = doc.pages_for(start, end)
    page = page_text((pages[0].label, pages[-1].label)) if pages else None
    section_path = " › ".join(section.path) if section else None
    pdf_page = pages[0].index if pages else None
    return Quote(
        id=qid,
        text=doc.text[start:end],
        highlights=highlights,
        document=document_info(doc),
        section=section_path,
        section_id=section.id if section else None,
        page=page,
        pdf_page=pdf_page,
        start=start,
        end=end,
        score=round(float(score), 4),
        citation=cite(doc, section_path, page),
        link=source_link(doc, pdf_page),
    )


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


def select(hits: list[Hit], index: Index, k: int, max_chars: int = 900) -> list[dict]:
    """Merge overlapping passages of one section (up to ``max_chars``), drop near-duplicates; keep ``k``."""
    chosen: list[dict] = []
    for hit in hits:
        p: Passage = hit.passage
        absorbed = False
        for c in chosen:
            if c["doc"] == p.doc_id and p.start < c["end"] and p.end > c["start"]:
                lo, hi = min(c["start"], p.start), max(c["end"], p.end)
                if c["section"] == p.section_id and hi - lo <= max_chars:
                    c["start"], c["end"] = lo, hi
                    c["sentences"] = sorted(set(c["sentences"]) | set(p.sentences))
                absorbed = True  # merged, or overlapping text already shown
                break
            if float(index.passage_vectors[c["row"]] @ index.passage_vectors[hit.row]) > 0.97:
                absorbed = True  # the same words in another document or edition
                break
        if not absorbed and len(chosen) < k:
            chosen.append({
                "doc": p.doc_id, "start": p.start, "end": p.end, "section": p.section_id,
                "sentences": list(p.sentences), "score": hit.confidence, "row": hit.row, "id": p.id,
            })
    return chosen


class Assistant:
    """The core object: an index, a query encoder and the answering rules."""

    def __init__(self, settings, index: Index, encoder: QueryEncoder):
        self.settings = settings
        self.index = index
        self.encoder = encoder
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
            marks = highlight(index, c["sentences"], c["doc"], qvec, c["start"], self.settings.highlight_margin)
            quotes.append(make_quote(index, index.documents[c["doc"]], c["start"], c["end"], marks, c["score"], c["id"]))
        return Answer(question, True, ANSWERED, quotes, query, round(confidence, 4))


def load_assistant(settings, embedder=None) -> Assistant:
    """Load the index named by ``settings`` with the shared model (IndexProblem if unusable)."""
    from assistant import index as index_mod
    from assistant.batching import BatchingEncoder
    from assistant.embeddings import shared_embedder

    embedder = embedder or shared_embedder(settings.torch_threads)
    index = index_mod.load(settings.index, embedder.name, embedder.dimensions)
    encoder = BatchingEncoder(
        embedder, settings.batch_window_ms, settings.batch_max, settings.cache_size,
        settings.batching and not getattr(embedder, "per_row", False),
    )
    encoder.warm_up()  # the first request should not pay for loading the model
    return Assistant(settings, index, encoder)
