"""Privacy: no question text in any log at any level (API, pages, errors, crashes, a real
server with its access log on), aggregate counters only, and the opt-in redacting question log."""

from __future__ import annotations

import json
import logging
import os
import stat

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.answering import privacy

CANARY = "Zebulon Quartermain"  # a "child's name" that must never reach a log
QUESTIONS = [
    f"What happened to {CANARY} after the review?",
    f"and what about {CANARY}?",
]


class Capture(logging.Handler):
    """Everything logged anywhere in the process, formatted as a handler would write it."""

    def __init__(self):
        super().__init__(logging.NOTSET)  # uvicorn's TRACE (5) too
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))

    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def logs():
    """Capture at every level on the root logger and on the loggers that do not propagate (uvicorn's)."""
    cap = Capture()
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "assistant")]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(cap)
        lg.setLevel(1)
    yield cap
    for lg, level in saved:
        lg.removeHandler(cap)
        lg.setLevel(level)


def assert_clean(cap: Capture):
    text = cap.text()
    assert "Zebulon" not in text and "Quartermain" not in text, text[-2000:]


def test_api_pages_and_errors_never_log_the_question(client, logs):
    for q in QUESTIONS:
        assert client.post("/api/ask", json={"question": q, "history": QUESTIONS[:1]}).status_code == 200
    assert client.post("/api/ask", json={"question": CANARY + " " * 2 + "x" * 2000}).status_code == 422
    assert client.post("/api/ask", json={"question": 5, "k": CANARY}).status_code == 422
    assert client.post("/api/ask", json={"question": CANARY, "extra": CANARY}).status_code == 422
    assert (
        client.post(
            "/api/ask", content=f'{{"question": "{CANARY}'.encode(), headers={"content-type": "application/json"}
        ).status_code
        < 500
    )
    assert client.post("/", data={"question": QUESTIONS[0]}).status_code == 200
    assert client.get("/api/search", params={"q": CANARY}).status_code < 500
    assert client.get("/quotes", params={"q": CANARY}).status_code < 500
    assert client.get("/metrics").status_code == 200
    assert CANARY not in client.get("/metrics").text
    assert_clean(logs)


def test_an_exception_quoting_the_question_is_logged_without_it(make_app, corpus_index, logs):
    app = make_app(corpus_index)

    def leaky_ask(question, **kwargs):
        raise RuntimeError(f"could not answer {question!r}") from KeyError(question)

    app.state.assistant.ask = leaky_ask
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/ask", json={"question": QUESTIONS[0]})
    assert r.status_code == 500 and CANARY not in r.text
    assert "RuntimeError" in logs.text()
    assert_clean(logs)


def test_any_library_logging_an_exception_or_a_url_is_cleaned(logs):
    from assistant.server.logguard import install_log_guard

    install_log_guard()  # as the app does when it starts (this test may run before any app exists)
    lib = logging.getLogger("some.library")
    try:
        raise ValueError(f"bad input {CANARY}")
    except ValueError:
        lib.exception("failed")
        lib.debug("retrying", exc_info=True)
    lib.info("GET /quotes?q=%s HTTP/1.1", CANARY.replace(" ", "+"))
    lib.warning("fetched https://example.org/search?q=Zebulon")
    assert "ValueError: <message withheld" in logs.text()
    assert "/quotes?<query withheld>" in logs.text()
    assert_clean(logs)


def test_a_real_server_with_access_log_on_logs_no_question(app, logs):
    """Even if an operator turns uvicorn's access log on, query strings are withheld."""
    import threading

    import uvicorn

    from tests.conftest import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="trace", access_log=True))
    # uvicorn configured its loggers afresh: capture again.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).addHandler(logs)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as http:
            assert http.post("/api/ask", json={"question": QUESTIONS[0]}).status_code == 200
            http.get("/quotes", params={"q": CANARY})
            http.get("/api/search", params={"q": CANARY})
            http.post("/", data={"question": QUESTIONS[1]})
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert "GET /quotes?<query withheld>" in logs.text()
    assert "'query_string': b'<query withheld>'" in logs.text()  # uvicorn's TRACE scope dump
    assert_clean(logs)


# ---------------------------------------------------------------- redaction and the question log


@pytest.mark.parametrize(
    "text, gone, kept",
    [
        ("My son Tom Jones was born on 12/03/2015", ["Tom", "Jones", "12/03/2015"], ["My son", "born on"]),
        ("she was born 3rd March 2016, is that a risk?", ["3rd March 2016"], ["she was born"]),
        ("we live at 14 Acacia Avenue, Leeds LS1 4AB", ["14 Acacia", "Avenue", "Leeds", "LS1 4AB"], ["we live at"]),
        ("call 07700 900123 or +44 20 7946 0958", ["07700", "900123", "7946"], ["call"]),
        ("email jo.bloggs@example.co.uk please", ["jo.bloggs", "example.co.uk"], ["email", "please"]),
        ("a boy called jamie and Mrs smith", ["jamie", "smith"], ["a boy called", "and"]),
        (
            "What does the Panel say about the voice of the child?",
            [],
            ["What does the Panel say about the voice of the child?"],
        ),
        ("How did COVID-19 affect NHS services in England?", [], ["COVID-19", "NHS", "England"]),
    ],
)
def test_redaction(text, gone, kept):
    out = privacy.redact(text)
    for word in gone:
        assert word not in out, out
    for word in kept:
        assert word in out, out


def test_question_log_is_off_by_default(assistant):
    assert assistant.settings.question_log is None
    assert assistant.question_log is None


def test_question_log_when_on_warns_loudly_and_writes_redacted_lines(make_assistant, corpus_index, tmp_path, caplog):
    path = tmp_path / "questions.jsonl"
    with caplog.at_level(logging.WARNING, logger="assistant.answering.privacy"):
        helper = make_assistant(corpus_index, question_log=path)
    assert any("QUESTION LOG IS ON" in r.getMessage() and r.levelno >= logging.WARNING for r in caplog.records)
    helper.ask(f"My daughter {CANARY} was born on 01/02/2016, email zq@example.com: what is the voice of the child?")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and set(rows[0]) == {"hour", "question", "answered", "confidence"}
    assert "voice of the child" in rows[0]["question"]
    for secret in ("Zebulon", "Quartermain", "01/02/2016", "zq@example.com"):
        assert secret not in rows[0]["question"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_counters_hold_numbers_only(make_assistant, corpus_index):
    helper = make_assistant(corpus_index)
    helper.ask("What is the voice of the child?")
    helper.ask("What is the capital of Mongolia?")
    c = helper.counters
    assert c.questions == 2 and c.answered + c.abstained == 2
    text = c.prometheus()
    assert "voice" not in text and "Mongolia" not in text
    assert f"assistant_answer_seconds_count {c.questions}" in text
