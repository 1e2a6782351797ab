"""Privacy: redaction and the opt-in question log.

``QuestionLog`` is off unless ``ASSISTANT_QUESTION_LOG`` names a file; it warns loudly when on
and redacts names, dates, addresses, phone numbers and emails before writing. The log guard
lives in logguard.py, the aggregate counters in metrics.py. ``insights_notice`` is what every page
says while the opt-in insights (insights.py: counts of everyday words, never questions) are on.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import threading
from pathlib import Path

log = logging.getLogger("assistant.answering.privacy")

# ---------------------------------------------------------------- redaction

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_PATTERNS = [
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)),
    ("[phone]", re.compile(r"(?<![\w])(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,5}\)?[\s-]?){2,4}\d{3,4}\b")),
    (
        "[date]",
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ /.-](?:\d{{1,2}}|{_MONTHS})[ /.,-]+\d{{2,4}}\b"
            rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b"
            rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
            re.I,
        ),
    ),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)),
    (
        "[address]",
        re.compile(
            r"\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}"
            r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|place|pl|terrace|gardens|grove|square|hill|park|mews|row|walk)\b\.?",
            re.I,
        ),
    ),
    ("[name]", re.compile(r"\b(?i:mr|mrs|ms|miss|mx|dr|master)\.?\s+[A-Za-z][\w'-]+(?:\s+[A-Z][\w'-]+)*")),
]
_CUED_NAME = re.compile(r"\b(called|named|name is|name's|known as)\s+[A-Za-z][\w'-]*(?-i:\s+[A-Z][\w'-]*)*", re.I)
# Capitalised words a question about the report uses that are not names.
_KEEP = set(
    """
i i'm i've i'd a an the what why how when where who which whose is are was were do does did can could should would
will may might must in on of for to and or but not no yes if about with from by at as it its this that these those
there their they we our you your my me he she his her him them child children child's panel panel's review reviews
reviews' safeguarding practice annual report local national england english government department education health
nhs police ofsted covid covid-19 coronavirus lockdown partnership partnerships authority authorities council
councils serious incident incidents notification notifications chair chair's annie hudson lscp lscps dfe csc csprp
rapid lessons learned learning voice key message messages section page chapter foreword introduction summary
january february march april june july august september october november december monday tuesday wednesday
thursday friday saturday sunday
""".split()
)


def redact(text: str) -> str:
    """Replace personal details with placeholders; err on the side of removing too much.

    Emails, dates (of birth or otherwise), phone numbers, UK postcodes and street
    addresses go by pattern; names go by title ("Mrs Smith"), by cue ("called Jo") and,
    because names cannot be listed, every capitalised word that is not a common word of
    the report's subject is replaced too.
    """
    for label, pattern in _PATTERNS:
        text = pattern.sub(label, text)
    text = _CUED_NAME.sub(lambda m: f"{m.group(1)} [name]", text)

    def name(match: re.Match) -> str:
        word = match.group(0)
        return word if word.lower() in _KEEP or word.isupper() and len(word) <= 6 else "[name]"

    return re.sub(r"(?<![\[\w])[A-Z][\w'’-]*", name, text)


class QuestionLog:
    """Opt-in evaluation log: one JSON line per question, redacted, with the outcome."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        log.warning(
            "QUESTION LOG IS ON: redacted questions are being written to %s. Questions may hold personal "
            "data about children; turn this off (unset ASSISTANT_QUESTION_LOG) unless you are evaluating, "
            "and delete the file when done.",
            self.path,
        )

    @classmethod
    def from_settings(cls, settings) -> QuestionLog | None:
        return cls(settings.question_log) if settings.question_log else None

    def write(self, question: str, answered: bool, confidence: float) -> None:
        row = {
            "hour": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:00Z"),
            "question": redact(question),
            "answered": answered,
            "confidence": confidence,
        }
        line = json.dumps(row, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(line)


def record(counters, question_log: QuestionLog | None, answer, seconds: float) -> None:
    """Count an answer and, when the operator opted in, log it redacted."""
    counters.answer(answer.answered, seconds)
    if question_log is not None:
        question_log.write(answer.question, answer.answered, answer.confidence)


def insights_notice(days: int) -> str:
    """The sentence every page shows while insights are on (``ASSISTANT_INSIGHTS``)."""
    return (
        "To show what the documents do not answer, this server counts the everyday words of questions it "
        f"could not fully answer (never whole questions, names or other identifying words), for {days} "
        f"day{'s' if days != 1 else ''}."
    )
