"""Privacy: no question text in logs, aggregate counters only, an opt-in redacted question log.

Questions may hold details about a real child. The code never logs them; this module makes
sure nothing else does either:

* ``install_log_guard()`` wraps Python's log record factory, so EVERY record, from any
  library and at any level, is cleaned as it is made: exception messages are withheld
  (the traceback's frames stay) and query strings are cut from logged URLs.
* ``Counters`` keeps numbers only: requests, answered, abstained, latency.
* ``QuestionLog`` is off unless ``ASSISTANT_QUESTION_LOG`` names a file; it warns loudly
  when on and redacts names, dates, addresses, phone numbers and emails before writing.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import threading
import traceback
from pathlib import Path

log = logging.getLogger("assistant.privacy")

WITHHELD = "<message withheld: it may contain personal data>"
# A '?' followed by anything but whitespace starts a query string: cut to the next whitespace.
# Linear (no backtracking over the path before it) and blind to quotes inside the query.
_URL_QUERY = re.compile(r"\?\S+")

# ---------------------------------------------------------------- logs


_SCOPE_QUERY = re.compile(r"""(query_string['"]?\s*[:=]\s*b?)(['"])(?:\\.|(?!\2).)*\2""")


def scrub_text(text: str) -> str:
    """Drop the query string of any URL or path, or ASGI scope, in a log message (search words live there)."""
    if "query_string" in text:
        text = _SCOPE_QUERY.sub(r"\1'<query withheld>'", text)
    return _URL_QUERY.sub("?<query withheld>", text) if "?" in text else text


def strip_query(target: str) -> str:
    """A request target without its query string (uvicorn's access log passes it whole)."""
    path, mark, _ = target.partition("?")
    return path + "?<query withheld>" if mark else path


def safe_traceback(exc_info) -> str:
    """The traceback's frames (code, not data) with every exception message withheld."""
    _, exc, _ = exc_info
    parts: list[str] = []
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        parts.append(f"Traceback (most recent call last):\n{frames}{type(exc).__qualname__}: {WITHHELD}")
        exc = exc.__cause__ or exc.__context__
    return "\n\nWhile handling:\n".join(reversed(parts))


def clean_record(record: logging.LogRecord) -> logging.LogRecord:
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = safe_traceback(record.exc_info)
        record.exc_info = None
    if record.name == "uvicorn.access" and isinstance(record.args, tuple):
        # Its formatter unpacks (client, method, path with query, version, status).
        record.args = tuple(strip_query(a) if isinstance(a, str) else a for a in record.args)
    elif record.args:
        # Format now so arguments of any type (URL objects too) are scrubbed as text.
        try:
            record.msg, record.args = record.getMessage(), None
        except Exception:  # noqa: BLE001 - a bad format string is logging's to report
            return record
    if isinstance(record.msg, str):
        record.msg = scrub_text(record.msg)
    return record


def ensure_log_output() -> None:
    """Show the assistant's INFO lines (reloads, refusals) when nothing else configured logging,
    e.g. under plain ``uvicorn --factory``; ``assistant serve`` and pytest configure their own."""
    ours = logging.getLogger("assistant")
    if not logging.getLogger().handlers and not ours.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
        ours.addHandler(handler)
        ours.setLevel(logging.INFO)


_guard_lock = threading.Lock()


def install_log_guard() -> None:
    """Clean every log record of the process as it is created (idempotent)."""
    with _guard_lock:
        factory = logging.getLogRecordFactory()
        if getattr(factory, "assistant_guard", False):
            return

        def guarded(*args, **kwargs):
            return clean_record(factory(*args, **kwargs))

        guarded.assistant_guard = True
        logging.setLogRecordFactory(guarded)


# ---------------------------------------------------------------- counters

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Counters:
    """Aggregate, anonymous figures for /metrics; nothing here can say what was asked."""

    def __init__(self):
        self._lock = threading.Lock()
        self.questions = self.answered = self.abstained = 0
        self.latency_sum = 0.0
        self.latency_buckets = [0] * len(LATENCY_BUCKETS)
        self.responses: dict[str, int] = {}
        self.useful: dict[tuple[str, bool], int] = {}  # (quote id, useful) -> count; nothing else

    def answer(self, answered: bool, seconds: float) -> None:
        with self._lock:
            self.questions += 1
            self.answered += answered
            self.abstained += not answered
            self.latency_sum += seconds
            for i, bound in enumerate(LATENCY_BUCKETS):
                if seconds <= bound:
                    self.latency_buckets[i] += 1

    def feedback(self, quote_ids: list[str], useful: bool) -> None:
        """"Was this useful?": one more yes or no for each quote of the answer."""
        with self._lock:
            for qid in quote_ids:
                self.useful[(qid, useful)] = self.useful.get((qid, useful), 0) + 1

    def http(self, status: int) -> None:
        key = f"{status // 100}xx" if status not in (413, 422, 429, 503) else str(status)
        with self._lock:
            self.responses[key] = self.responses.get(key, 0) + 1

    def prometheus(self) -> str:
        """The counters in Prometheus' text format."""
        with self._lock:
            lines = [
                "# HELP assistant_questions_total Questions answered or abstained.",
                "# TYPE assistant_questions_total counter",
                f"assistant_questions_total {self.questions}",
                "# TYPE assistant_answered_total counter",
                f"assistant_answered_total {self.answered}",
                "# TYPE assistant_abstained_total counter",
                f"assistant_abstained_total {self.abstained}",
                "# HELP assistant_answer_seconds Time to answer a question.",
                "# TYPE assistant_answer_seconds histogram",
            ]
            for bound, count in zip(LATENCY_BUCKETS, self.latency_buckets):
                lines.append(f'assistant_answer_seconds_bucket{{le="{bound}"}} {count}')
            lines += [
                f'assistant_answer_seconds_bucket{{le="+Inf"}} {self.questions}',
                f"assistant_answer_seconds_sum {self.latency_sum:.6f}",
                f"assistant_answer_seconds_count {self.questions}",
                "# TYPE assistant_http_responses_total counter",
            ]
            lines += [f'assistant_http_responses_total{{status="{k}"}} {v}' for k, v in sorted(self.responses.items())]
            lines += [
                "# HELP assistant_feedback_total Answers marked useful or not, per quote id (no question, no identifier).",
                "# TYPE assistant_feedback_total counter",
            ]
            lines += [
                f'assistant_feedback_total{{quote="{_label(q)}",useful="{"yes" if u else "no"}"}} {v}'
                for (q, u), v in sorted(self.useful.items())
            ]
        return "\n".join(lines) + "\n"


def _label(value: str) -> str:
    """A Prometheus label value, escaped."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


# ---------------------------------------------------------------- redaction

_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_PATTERNS = [
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)),
    ("[phone]", re.compile(r"(?<![\w])(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,5}\)?[\s-]?){2,4}\d{3,4}\b")),
    ("[date]", re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ /.-](?:\d{{1,2}}|{_MONTHS})[ /.,-]+\d{{2,4}}\b"
        rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b"
        rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b", re.I)),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)),
    ("[address]", re.compile(
        r"\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}"
        r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|place|pl|terrace|gardens|grove|square|hill|park|mews|row|walk)\b\.?",
        re.I)),
    ("[name]", re.compile(
        r"\b(?i:mr|mrs|ms|miss|mx|dr|master)\.?\s+[A-Za-z][\w'-]+(?:\s+[A-Z][\w'-]+)*")),
]
_CUED_NAME = re.compile(r"\b(called|named|name is|name's|known as)\s+[A-Za-z][\w'-]*(?-i:\s+[A-Z][\w'-]*)*", re.I)
# Capitalised words a question about the report uses that are not names.
_KEEP = set("""
i i'm i've i'd a an the what why how when where who which whose is are was were do does did can could should would
will may might must in on of for to and or but not no yes if about with from by at as it its this that these those
there their they we our you your my me he she his her him them child children child's panel panel's review reviews
reviews' safeguarding practice annual report local national england english government department education health
nhs police ofsted covid covid-19 coronavirus lockdown partnership partnerships authority authorities council
councils serious incident incidents notification notifications chair chair's annie hudson lscp lscps dfe csc csprp
rapid lessons learned learning voice key message messages section page chapter foreword introduction summary
january february march april june july august september october november december monday tuesday wednesday
thursday friday saturday sunday
""".split())


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
    def from_settings(cls, settings) -> "QuestionLog | None":
        path = getattr(settings, "question_log", None)
        return cls(path) if path else None

    def write(self, question: str, answered: bool, confidence: float) -> None:
        row = {
            "hour": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:00Z"),
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


def record(assistant, answer, seconds: float) -> None:
    """Count an answer and, when the operator opted in, log it redacted."""
    counters = getattr(assistant, "counters", None)
    if counters is not None:
        counters.answer(answer.answered, seconds)
    qlog = getattr(assistant, "question_log", None)
    if qlog is not None:
        qlog.write(answer.question, answer.answered, answer.confidence)
