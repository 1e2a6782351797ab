"""Quotation finder: exact-phrase, all-words and meaning search, each result an exact quote.

Every result is shaped like a quote of ``POST /api/ask`` (``models.make_quote``): its
text is the slice ``doc.text[start:end]``. Phrase search folds case, curly quotes,
dashes and whitespace in a copy of the text that keeps a map back to the original
offsets, so each occurrence maps to exact offsets in the document.
"""

from __future__ import annotations

import bisect
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from assistant.errors import SearchError  # noqa: F401  (raised here; importable from here too)
from assistant.index.lexical import words
from assistant.index.store import Index
from assistant.ingest.documents import Document
from assistant.ingest.passages import Passage
from assistant.quoting.models import make_quote


class Mode(StrEnum):
    """How the finder matches (the API's ``mode``); FINDERS gives each its search."""

    PHRASE = "phrase"
    WORDS = "words"
    MEANING = "meaning"


MODES = tuple(m.value for m in Mode)
LENGTHS = ("sentence", "context", "passage")
ORDERS = ("relevance", "position")

_SINGLE = set("'‘’‚‛′`´")
_DOUBLE = set('"“”„‟″«»')
_DASHES = set("-‐‑‒–—―−")
_DROP = {"\u00ad", "\u200b"}  # soft hyphen, zero-width space


# ---------------------------------------------------------------- folding with an offset map


@dataclass
class Folded:
    """A folded copy of a text; ``starts[i]``/``ends[i]`` give the original span of folded char i.

    The offsets are machine integers (``array``), 8 bytes each instead of a list's 36, and
    invisible to Python's garbage collector, which would otherwise walk every one of them."""

    text: str
    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.starts[a], self.ends[b - 1]


def fold(text: str) -> Folded:
    """Lower case, one kind of quote and dash, single spaces, no spaces around dashes."""
    out: list[str] = []
    starts = array("q")
    ends = array("q")
    after_dash = False
    for i, c in enumerate(text):
        if c in _DROP:
            continue
        if c.isspace():
            if after_dash or (out and out[-1] == " "):
                continue
            pieces = " "
        elif c in _SINGLE:
            pieces = "'"
        elif c in _DOUBLE:
            pieces = '"'
        elif c in _DASHES:
            pieces = "-"
            if out and out[-1] == " ":  # "a – b" reads as "a-b"
                out.pop(), starts.pop(), ends.pop()
        elif c == "…":
            pieces = "..."
        else:
            pieces = unicodedata.normalize("NFKC", c).casefold()
        after_dash = pieces == "-"
        for p in pieces:
            out.append(p)
            starts.append(i)
            ends.append(i + 1)
    return Folded("".join(out), starts, ends)


def fold_query(query: str) -> str:
    return fold(unicodedata.normalize("NFC", query)).text.strip()


# ---------------------------------------------------------------- per-index tables


@dataclass
class DocTable:
    doc: Document
    folded: Folded
    sentences: list[tuple[int, int]]  # sorted, unique
    passages: list[tuple[int, Passage]]  # (row, passage), in document order
    order: int  # the document's position in the index


def tables(index: Index) -> dict[str, DocTable]:
    """Folded text, sentences and passages per document, built once per loaded index."""
    return index.derive("quote_tables", lambda: build_tables(index))


def build_tables(index: Index) -> dict[str, DocTable]:
    sentences: dict[str, set] = {d: set() for d in index.documents}
    for doc_id, s, e in index.sentence_keys:
        sentences.setdefault(doc_id, set()).add((s, e))
    passages: dict[str, list] = {d: [] for d in index.documents}
    for row, p in enumerate(index.passages):
        passages.setdefault(p.doc_id, []).append((row, p))
    return {
        doc_id: DocTable(doc, fold(doc.text), sorted(sentences[doc_id]), passages[doc_id], n)
        for n, (doc_id, doc) in enumerate(index.documents.items())
    }


def prepare(index: Index) -> None:
    """Build the finder's tables and vocabulary now (after start, before a reload's swap), so
    no request pays for them and concurrent first requests never build them each."""
    tables(index)
    vocabulary(index)


# ---------------------------------------------------------------- matches and quote lengths


@dataclass
class Match:
    doc_id: str
    start: int  # the matched words (phrase/words) or best sentence (meaning)
    end: int
    score: float
    marks: list[tuple[int, int]]  # absolute spans to highlight
    row: int | None = None  # passage row, when known
    rank: int | None = None  # retrieval rank (meaning search keeps the retrieval's order)


def sentence_span(table: DocTable, start: int, end: int) -> tuple[int, int, int, int]:
    """(first, last+1) sentence indices overlapping [start, end), with the span they cover."""
    sents = table.sentences
    i = bisect.bisect_right(sents, (start, float("inf"))) - 1
    if i < 0 or sents[i][1] <= start:
        i += 1
    j = i
    while j < len(sents) and sents[j][0] < end:
        j += 1
    if i >= len(sents) or j == i:  # not inside a sentence (a heading): take its line
        text = table.doc.text
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        return i, i, lo, len(text) if hi < 0 else hi
    return i, j, min(sents[i][0], start), max(sents[j - 1][1], end)


def passage_for(table: DocTable, start: int, end: int) -> tuple[int, Passage] | None:
    best = None
    for row, p in table.passages:
        if p.start <= start and end <= p.end:
            # Prefer the passage where the match sits most centrally.
            slack = min(start - p.start, p.end - end)
            if best is None or slack > best[0]:
                best = (slack, row, p)
    return None if best is None else (best[1], best[2])


def quote_span(table: DocTable, start: int, end: int, length: str) -> tuple[int, int]:
    """The slice to quote around [start, end): its sentence, with neighbours, or its passage."""
    i, j, lo, hi = sentence_span(table, start, end)
    if length == "context" and j > i:
        doc, sents = table.doc, table.sentences
        section = doc.section_at(sents[i][0])
        if i > 0 and doc.section_at(sents[i - 1][0]) is section:
            lo = sents[i - 1][0]
        if j < len(sents) and doc.section_at(sents[j][0]) is section:
            hi = sents[j][1]
    elif length == "passage":
        found = passage_for(table, start, end)
        if found is not None:
            lo, hi = min(lo, found[1].start), max(hi, found[1].end)
    return lo, hi


def to_quote(index: Index, table: DocTable, m: Match, length: str) -> dict:
    lo, hi = quote_span(table, m.start, m.end, length)
    marks = [[max(a, lo) - lo, min(b, hi) - lo] for a, b in m.marks if a < hi and b > lo]
    found = passage_for(table, m.start, m.end)
    qid = found[1].id if found else f"{m.doc_id}:{lo}-{hi}"
    return make_quote(table.doc, lo, hi, marks, m.score, qid).model_dump() | {"match": [m.start, m.end]}


# ---------------------------------------------------------------- the three modes


def _allowed(table: DocTable, start: int, end: int, window: tuple[int, int] | None) -> bool:
    if window and not (window[0] <= start and end <= window[1]):
        return False
    return not any(a < end and start < b for a, b in table.doc.unindexed)


def find_phrase(table: DocTable, phrase: str, window=None) -> list[Match]:
    """Every occurrence of the folded phrase, starting and ending on word boundaries."""
    hay = table.folded.text
    out: list[Match] = []
    at = hay.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        left_ok = not phrase[0].isalnum() or at == 0 or not hay[at - 1].isalnum()
        right_ok = not phrase[-1].isalnum() or end == len(hay) or not hay[end].isalnum()
        if left_ok and right_ok:
            s, e = table.folded.span(at, end)
            if _allowed(table, s, e, window):
                out.append(Match(table.doc.id, s, e, 0.0, [(s, e)]))
        at = hay.find(phrase, at + 1)
    return out


def find_words(table: DocTable, wanted: set[str], window=None) -> list[Match]:
    """Each sentence holding all the wanted words; the words are highlighted."""
    from assistant.index.lexical import _WORD  # the same word pattern BM25 uses

    text = table.doc.text
    out: list[Match] = []
    for s, e in table.sentences:
        if not _allowed(table, s, e, window):
            continue
        found = [(m.start() + s, m.end() + s, w) for m in _WORD.finditer(text[s:e]) for w in words(m.group(0))]
        if wanted <= {w for _, _, w in found}:
            marks = [(a, b) for a, b, w in found if w in wanted]
            density = len(marks) / max(1, len(found)) ** 0.5
            out.append(Match(table.doc.id, s, e, density, marks))
    return out


def find_meaning(index: Index, scored, windows) -> list[Match]:
    """Passages close in meaning, in retrieval order; each is quoted from its best sentence.

    ``scored`` is ``(query vector, [(hit, relevance)])`` for passages above the relevance
    bar (``Assistant.similar``: the same retrieval and bar as the chat's quotes)."""
    qvec, hits = scored
    out: list[Match] = []
    seen: set[tuple[str, int]] = set()
    for rank, (hit, relevance) in enumerate(hits):
        p = hit.passage
        window = windows.get(p.doc_id)
        if window and not (window[0] <= p.start < window[1]):
            continue
        scores = np.asarray(index.sentence_vectors[index.sentence_rows(p)]) @ qvec.reshape(-1)
        s, e = p.sentences[int(scores.argmax())]
        if (p.doc_id, s) in seen:  # overlapping passages share their best sentence
            continue
        seen.add((p.doc_id, s))
        out.append(Match(p.doc_id, s, e, round(float(relevance), 4), [(s, e)], hit.row, rank))
    return out


# ---------------------------------------------------------------- entry point


@dataclass
class Query:
    text: str
    mode: str = "phrase"
    document: str | None = None
    section: str | None = None  # "section-id" or "doc-id:section-id"
    order: str = "relevance"
    length: str = "sentence"
    limit: int = 50
    offset: int = 0
    within: set[str] | None = None  # a filter's documents (library.matching); None: all


def windows_for(index: Index, q: Query) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The documents to search and, when a section is chosen, the span to search in each."""
    docs = [d for d in index.documents if q.within is None or d in q.within]
    if q.document:
        if q.document not in index.documents:
            raise SearchError("There is no document with that id.")
        docs = [q.document] if q.within is None or q.document in q.within else []
    windows: dict[str, tuple[int, int]] = {}
    if q.section:
        doc_part, _, sec_part = q.section.rpartition(":")
        if doc_part:
            docs = [d for d in docs if d == doc_part]
        for d in docs:
            section = next((s for s in index.documents[d].sections if s.id == sec_part), None)
            if section is not None:
                windows[d] = (section.start, section.end)
        docs = [d for d in docs if d in windows]
        if not docs:
            raise SearchError("There is no section with that id in the chosen document.")
    return docs, windows


def search(index: Index, encoder, q: Query, similar=None) -> dict:
    """Run a search: ``{"query", "mode", "count", "results", ...}`` with exact quotes.

    ``similar(text, index, doc_ids)`` runs meaning search (``Assistant.similar``); a phrase
    search that finds nothing suggests words of the index's vocabulary (``suggestions``)."""
    if q.mode not in MODES or q.length not in LENGTHS or q.order not in ORDERS:
        raise SearchError("Unknown mode, length or order.")
    mode = Mode(q.mode)
    finder = FINDERS[mode]
    docs, windows = windows_for(index, q)
    tabs = tables(index)
    matches = finder.find(index, q, docs, windows, similar)
    if matches and q.order == "relevance" and not finder.ranked:
        _score_by_meaning(index, encoder, q.text, matches, tabs)
    if q.order == "position":
        matches.sort(key=lambda m: (tabs[m.doc_id].order, m.start))
    elif finder.ranked:
        matches.sort(key=lambda m: m.rank or 0)  # the retrieval's own order, as in the chat
    else:
        matches.sort(key=lambda m: (-m.score, tabs[m.doc_id].order, m.start))
    page = matches[q.offset : q.offset + q.limit]
    return {
        "query": q.text,
        "mode": mode.value,
        "order": q.order,
        "length": q.length,
        "count": len(matches),
        "offset": q.offset,
        "limit": q.limit,
        "results": [to_quote(index, tabs[m.doc_id], m, q.length) for m in page],
        "suggestions": suggest(index, q.text) if finder.suggests and not matches else [],
    }


Windows = dict[str, tuple[int, int]]


def _by_phrase(index: Index, q: Query, docs: list[str], windows: Windows, similar) -> list[Match]:
    phrase = fold_query(q.text)
    if not phrase:
        raise SearchError("Please type a phrase to search for.")
    tabs = tables(index)
    return [m for d in docs for m in find_phrase(tabs[d], phrase, windows.get(d))]


def _by_words(index: Index, q: Query, docs: list[str], windows: Windows, similar) -> list[Match]:
    wanted = set(words(q.text))
    if not wanted:
        raise SearchError("Please type at least one word to search for.")
    tabs = tables(index)
    return [m for d in docs for m in find_words(tabs[d], wanted, windows.get(d))]


def _by_meaning(index: Index, q: Query, docs: list[str], windows: Windows, similar) -> list[Match]:
    if similar is None:
        raise SearchError("Meaning search is not available here.")
    return find_meaning(index, similar(q.text, index, set(docs)), windows)


@dataclass(frozen=True)
class Finder:
    """One search mode: what the finder page calls it, and how it finds matches."""

    label: str
    find: Callable[[Index, Query, list[str], Windows, object], list[Match]]
    ranked: bool = False  # matches come ranked by retrieval, with their relevance (else scored by meaning)
    suggests: bool = False  # no match: "did you mean" respellings


FINDERS: dict[Mode, Finder] = {
    Mode.PHRASE: Finder("Exact phrase", _by_phrase, suggests=True),
    Mode.WORDS: Finder("All these words", _by_words),
    Mode.MEANING: Finder("Similar meaning", _by_meaning, ranked=True),
}


def browse(index: Index, q: Query) -> dict:
    """A document or section with no words: its passages in order, each once.

    Passages overlap by a sentence or two, so each result starts at the first sentence the
    one before did not show: together they quote the section's indexed text once, in order."""
    if q.length not in LENGTHS:
        raise SearchError("Unknown length.")
    if not q.document and not q.section:
        raise SearchError("Please type something to search for, or choose a document or section.")
    docs, windows = windows_for(index, q)
    tabs = tables(index)
    matches: list[Match] = []
    for d in docs:
        table, window = tabs[d], windows.get(d)
        shown = 0  # the end of the text already listed
        for row, p in table.passages:
            sents = [(a, b) for a, b in p.sentences if b > shown and _allowed(table, a, b, window)]
            if not sents:
                continue
            start, end = sents[0][0], sents[-1][1]
            matches.append(Match(d, start, end, 0.0, [], row))
            shown = end
    page = matches[q.offset : q.offset + q.limit]
    return {
        "query": "",
        "mode": "browse",
        "order": "position",
        "length": q.length,
        "count": len(matches),
        "offset": q.offset,
        "limit": q.limit,
        "results": [to_quote(index, tabs[m.doc_id], m, q.length) for m in page],
        "suggestions": [],
    }


SUGGEST_SCORE = 80  # rapidfuzz WRatio, 0-100: close enough to be a likely misspelling


def vocabulary(index: Index) -> list[str]:
    """Every word of the index's documents, lower-cased, once (kept on the loaded index)."""
    return index.derive(
        "vocabulary", lambda: sorted({w for d in index.documents.values() for w in words(d.text) if len(w) > 1})
    )


def suggest(index: Index, text: str, limit: int = 3) -> list[str]:
    """ "Did you mean": the phrase with each word the documents lack replaced by the closest
    word they hold (rapidfuzz, a maintained C++ edit-distance library), best first."""
    from rapidfuzz import fuzz, process

    vocab = vocabulary(index)
    known = set(vocab)
    typed = words(text)
    if not typed or all(w in known for w in typed):
        return []
    options: list[list[str]] = []
    for w in typed:
        if w in known or w.isdigit():
            options.append([w])
            continue
        near = process.extract(w, vocab, scorer=fuzz.ratio, limit=limit, score_cutoff=SUGGEST_SCORE)
        options.append([c for c, _, _ in near] or [w])
    out = []
    for i in range(limit):
        phrase = " ".join(o[min(i, len(o) - 1)] for o in options)
        if phrase not in out and phrase != " ".join(typed):
            out.append(phrase)
    return out


def _score_by_meaning(index: Index, encoder, text: str, matches: list[Match], tabs) -> None:
    """Relevance for word matches: how close their sentence is in meaning to the query."""
    qvec = encoder.encode_query(text).reshape(-1)
    for m in matches:
        i, j, _, _ = sentence_span(tabs[m.doc_id], m.start, m.end)
        rows = [index.sentence_keys[(m.doc_id, *s)] for s in tabs[m.doc_id].sentences[i:j]]
        sim = float((np.asarray(index.sentence_vectors[rows]) @ qvec).max()) if rows else 0.0
        m.score = round(sim + 0.01 * m.score, 6)
