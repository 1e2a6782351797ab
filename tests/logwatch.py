"""Log capture during every test: no question sent through the ``client`` fixture may appear
in any log record, at any level (imported by conftest.py; its fixture is autouse)."""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

import pytest

MIN_LENGTH = 8  # shorter strings ("hi", "why") occur in ordinary log lines by chance
_sent: set[str] = set()


def remember(request) -> None:
    """httpx request hook: note the questions (and search words) a test sends."""
    found = parse_qs(request.url.query.decode() if isinstance(request.url.query, bytes) else request.url.query).get(
        "q", []
    )
    try:
        body = request.content
    except Exception:  # noqa: BLE001 - a streamed body: nothing to note
        body = b""
    ctype = request.headers.get("content-type", "")
    try:
        if "json" in ctype and body:
            data = json.loads(body)
            if isinstance(data, dict):
                found += [data.get("question")] + list(data.get("history") or [])
        elif "form" in ctype and body:
            form = parse_qs(body.decode("utf-8", "replace"))
            found += form.get("question", []) + form.get("history", [])
    except (ValueError, TypeError):
        pass
    _sent.update(q.strip() for q in found if isinstance(q, str) and len(q.strip()) >= MIN_LENGTH)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.NOTSET)
        self.texts: list[str] = []

    def emit(self, record):
        try:
            self.texts.append(record.getMessage() + (record.exc_text or ""))
        except Exception:  # noqa: BLE001
            pass


@pytest.fixture(autouse=True)
def no_question_in_logs():
    root = logging.getLogger()
    capture, level = _Capture(), root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    _sent.clear()
    yield
    root.removeHandler(capture)
    root.setLevel(level)
    logged = "\n".join(capture.texts)
    leaked = [q for q in _sent if q in logged]
    assert not leaked, f"question text appeared in the logs: {leaked[:3]}"
