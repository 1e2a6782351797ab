"""Log guard: no question text in any log record, from any library, at any level.

Questions may hold details about a real child. The code never logs them; ``install_log_guard()``
makes sure nothing else does either: it wraps Python's log record factory, so every record is
cleaned as it is made: exception messages are withheld (the traceback's frames stay) and query
strings are cut from logged URLs.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback

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

        guarded.assistant_guard = True  # type: ignore[attr-defined]  # a marker on the function: installed once
        logging.setLogRecordFactory(guarded)
