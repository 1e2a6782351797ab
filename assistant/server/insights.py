"""Insights: what goes unanswered, as counts of ordinary words, never the questions.

Off unless ``ASSISTANT_INSIGHTS=on``. When on, the routes call ``count_answer``,
``count_search`` and ``count_feedback`` once an answer is made; each adds to per-day counts:

- ``abstained`` / ``weak``: the words an answer listed as ``missing`` (no answer / a partial one);
- ``finder``: the words of a quotation-finder search that found nothing;
- ``useful`` / ``not useful``: "Was this useful?" per quote id.

A word is counted only if it survives the question log's redaction (names by capital letter,
title or cue, dates, addresses...) and is an everyday English word (``wordfreq``) or a glossary
word. Counts live in a SQLite file (WAL, so several worker processes add to it safely) in the
index folder; days older than ``ASSISTANT_INSIGHTS_DAYS`` are deleted, and counts under
``MIN_SHOWN`` are never shown. A request only adds to a counter in memory: a writer thread
per process puts it on disk, so a slow or locked file never slows an answer.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import logging
import os
import sqlite3
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("assistant.server.insights")

FILE = "insights.sqlite3"
MIN_SHOWN = 3  # a count under this could point at one person's questions: never shown
MIN_ZIPF = 3.0  # wordfreq's scale: about once per million words of general English, or more often
FLUSH_DELAY = 0.5  # seconds the writer waits to gather counts into one transaction
KINDS = {
    "abstained": "Words missing when the documents did not answer",
    "weak": "Words missing from partial answers",
    "finder": "Words of finder searches that found nothing",
    "useful": "Quotes marked useful",
    "not useful": "Quotes marked not useful",
}
WORD_KINDS = ("abstained", "weak", "finder")
SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (day, kind, item)
) WITHOUT ROWID
"""


def path_for(settings) -> Path:
    return Path(settings.insights_file or Path(settings.index) / FILE)


def today() -> str:
    return _dt.datetime.now(_dt.UTC).date().isoformat()


def first_day(days: int, now: str | None = None) -> str:
    """The oldest day still kept: today and the ``days - 1`` before it."""
    return (_dt.date.fromisoformat(now or today()) - _dt.timedelta(days=days - 1)).isoformat()


def everyday(word: str) -> bool:
    """A word of general English (wordfreq's list), not a rare string such as a made-up name."""
    from wordfreq import zipf_frequency

    return word.isalpha() and zipf_frequency(word, "en") >= MIN_ZIPF


BUSY_SECONDS = 5.0  # how long a writer waits for another worker's lock


def _wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode. Switching takes an exclusive lock that SQLite does not wait for
    (no busy handler), so workers opening a new store at the same moment retry for a while
    ("database is locked" in CI with four processes on a loaded machine)."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Store:
    """The counts file: one row per day, kind and item."""

    def __init__(self, path: Path, days: int):
        self.path, self.days = Path(path), days

    @contextmanager
    def connect(self):
        """An open connection to the file (made, mode 600, on first use), closed after use."""
        if not self.path.exists():  # readable by the operator only, from the first byte
            self.path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        _wal(db)  # readers never block the writers of other workers
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA secure_delete=ON")  # expired counts are overwritten, not left in free pages
        try:
            db.execute(SCHEMA)
            yield db
        finally:
            db.close()

    def add(self, counts: Counter, now: str | None = None) -> None:
        """Add ``{(day, kind, item): n}`` and drop the days that have expired, in one transaction."""
        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT INTO counts VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
                [(*key, n) for key, n in counts.items()],
            )
            db.execute("DELETE FROM counts WHERE day < ?", (first_day(self.days, now),))
            db.commit()

    def totals(self, now: str | None = None) -> dict[str, list[tuple[str, int]]]:
        """Each kind's items with their counts over the kept days, largest first; under MIN_SHOWN left out."""
        out: dict[str, list[tuple[str, int]]] = {k: [] for k in KINDS}
        if not self.path.exists():
            return out
        with self.connect() as db:
            rows = db.execute(
                "SELECT kind, item, SUM(n) AS total FROM counts WHERE day >= ? GROUP BY kind, item "
                "HAVING total >= ? ORDER BY total DESC, item",
                (first_day(self.days, now), MIN_SHOWN),
            ).fetchall()
        for kind, item, total in rows:
            out.setdefault(kind, []).append((item, total))
        return out


class Recorder:
    """A process's counts on their way to the store: kept in memory, written by one thread."""

    def __init__(self, store: Store):
        self.store = store
        self._pending: Counter = Counter()  # (day, kind, item, needs the word check) -> n
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._writer: threading.Thread | None = None
        self._flushing = threading.Lock()
        atexit.register(self.flush)

    def note(self, kind: str, items, checked: bool = False) -> None:
        day = today()
        with self._lock:
            for item in items:
                self._pending[(day, kind, item, checked)] += 1
            if self._writer is None:
                self._writer = threading.Thread(target=self._run, name="insights-writer", daemon=True)
                self._writer.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            time.sleep(FLUSH_DELAY)
            self._wake.clear()
            self.flush()

    def flush(self) -> None:
        """Write what is pending (the words checked against the word list here, off the request path)."""
        with self._flushing:
            with self._lock:
                pending, self._pending = self._pending, Counter()
            counts: Counter = Counter()
            for (day, kind, item, checked), n in pending.items():
                if checked or everyday(item):
                    counts[(day, kind, item)] += n
            if not counts:
                return
            try:
                self.store.add(counts)
            except (sqlite3.Error, OSError) as exc:  # counts are a help, never a reason to fail
                log.warning("Insights could not be written to %s (%s).", self.store.path, type(exc).__name__)


def recorder(request) -> Recorder | None:
    """The app's recorder, made on first use; None while insights are off (nothing is made)."""
    state = request.app.state
    settings = state.settings
    if not settings.insights:
        return None
    found = getattr(state, "insights", None)
    if found is None:
        found = state.insights = Recorder(Store(path_for(settings), settings.insights_days))
    return found


def glossary_words(request) -> frozenset[str]:
    """The stemmed tokens of every glossary phrase (the shipped, the operator's and the index's)."""
    from itertools import chain

    assistant = request.app.state.assistant
    gloss = assistant.evidence_for(assistant.index).glossary
    cached = getattr(request.app.state, "insights_glossary", None)
    if cached is None or cached[0] is not gloss:
        cached = request.app.state.insights_glossary = (gloss, frozenset(chain(*chain(*gloss.groups))))
    return cached[1]


def safe_words(request, candidates, text: str) -> tuple[list[str], list[str]]:
    """(glossary words, words still to check against the word list) among ``candidates``: only
    those left in ``text`` after redaction, so a name, a date or an address is never counted."""
    from assistant.answering.privacy import redact
    from assistant.index.lexical import tokenize, words

    left = set(words(redact(text)))
    terms = glossary_words(request)
    glossed: list[str] = []
    plain: list[str] = []
    for word in dict.fromkeys(candidates):
        if word not in left:
            continue
        tokens = tokenize(word)
        (glossed if tokens and set(tokens) <= terms else plain).append(word)
    return glossed, plain


def _field(answer, name: str):
    return answer[name] if isinstance(answer, dict) else getattr(answer, name)


def count_answer(request, answer) -> None:
    """Count the missing words of an abstention or a partial answer (an Answer or its dict)."""
    rec = recorder(request)
    missing = _field(answer, "missing") if rec else None
    if not missing:
        return
    kind = "weak" if _field(answer, "answered") else "abstained"
    read = _field(answer, "interpreted_as") or _field(answer, "question")
    glossed, plain = safe_words(request, missing, read)
    assert rec is not None  # missing is None without a recorder
    rec.note(kind, glossed, checked=True)
    rec.note(kind, plain)


def count_search(request, query: str, found: dict) -> None:
    """Count the words of a finder search that found nothing."""
    rec = recorder(request)
    if rec is None or found.get("count"):
        return
    from assistant.answering.evidence import QUESTION_WORDS
    from assistant.index.lexical import stopwords, words

    stop = stopwords() | QUESTION_WORDS
    glossed, plain = safe_words(request, [w for w in words(query) if w not in stop], query)
    rec.note("finder", glossed, checked=True)
    rec.note("finder", plain)


def count_feedback(request, quote_ids: list[str], useful: bool) -> None:
    """Count "Was this useful?" per quote id (ids of passages of the index, checked by the route)."""
    rec = recorder(request)
    if rec is not None:
        rec.note("useful" if useful else "not useful", quote_ids, checked=True)


def quote_label(index, passage_id: str) -> str:
    """Where a quote comes from, for the operator: document title and section."""
    passage = index.passage(passage_id) if index is not None else None
    if passage is None:
        return "(no longer in the index)" if index is not None else ""
    doc = index.documents[passage.doc_id]
    section = doc.section_at(passage.start)
    return f"{doc.meta.title}, “{section.title}”" if section else doc.meta.title


def report(store: Store, index=None) -> list[dict]:
    """The counts shown, per kind: ``{"kind", "title", "rows": [{"item", "count", "where"}]}``."""
    totals = store.totals()
    return [
        {
            "kind": kind,
            "title": title,
            "rows": [
                {"item": item, "count": n, "where": "" if kind in WORD_KINDS else quote_label(index, item)}
                for item, n in totals.get(kind, [])
            ],
        }
        for kind, title in KINDS.items()
    ]
