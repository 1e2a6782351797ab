"""A rate-limit store (a real redis-server) that stalls (SIGSTOP) or stops: limited routes answer
a quick 503 with Retry-After (a page for the browser and the no-JavaScript chat, JSON for the API),
/readyz says not ready, other pages keep working, and ``rate_limit_fail="open"`` lets requests through."""

from __future__ import annotations

import signal
import time

import pytest
from fastapi.testclient import TestClient
from test_replicas import start_redis, stop_redis

BROWSER = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture
def redis():
    proc, url = start_redis()
    yield proc, url
    stop_redis(proc)


def client(make_app, index, url: str, **settings) -> TestClient:
    app = make_app(index, rate_limit="1000/minute", rate_limit_storage=url, rate_limit_timeout=0.5, **settings)
    app.state.limiter.cooldown = 1  # the store is tried again after 1 s (5 s in service)
    return TestClient(app, client=("198.51.100.7", 4000), raise_server_exceptions=False)


def timed(call):
    started = time.perf_counter()
    r = call()
    return r, time.perf_counter() - started


def assert_outage_answers(c: TestClient) -> None:
    r, took = timed(lambda: c.get("/api/documents"))
    assert r.status_code == 503 and took < 2.5, (r.status_code, took)
    assert int(r.headers["retry-after"]) >= 1
    assert r.headers["content-type"].startswith("application/json")
    assert "try again" in r.json()["detail"]
    # Meanwhile the store is left alone: the next requests do not wait for it.
    r, took = timed(lambda: c.post("/", data={"question": "Where does the kestrel hunt?"}, headers=BROWSER))
    assert r.status_code == 503 and took < 0.5, (r.status_code, took)
    assert r.headers["content-type"].startswith("text/html") and "retry-after" in r.headers
    assert "try again" in r.text and "Traceback" not in r.text and "redis" not in r.text.lower()
    r = c.get("/quotes", params={"q": "kestrel hovers", "mode": "meaning"}, headers=BROWSER)
    assert r.status_code == 503 and r.headers["content-type"].startswith("text/html")
    # What costs no model call keeps working, and liveness stays up.
    assert c.get("/", headers=BROWSER).status_code == 200
    assert c.get("/healthz").status_code == 200
    ready, took = timed(lambda: c.get("/readyz"))
    assert ready.status_code == 503 and ready.json()["limits"] is False and took < 2.5, took


def recovers(c: TestClient) -> None:
    deadline = time.time() + 10
    while time.time() < deadline:
        if c.get("/api/documents").status_code == 200:
            break
        time.sleep(0.3)
    assert c.get("/api/documents").status_code == 200
    assert c.get("/readyz").json() | {"build": None} == {
        "ready": True,
        "index": True,
        "model": True,
        "build": None,
        "limits": True,
    }


def test_a_stalled_then_stopped_store_gets_quick_503s_when_failing_closed(make_app, kestrel_index, redis):
    proc, url = redis
    with client(make_app, kestrel_index, url) as c:
        assert c.get("/api/documents").status_code == 200
        assert c.get("/readyz").json()["limits"] is True

        proc.send_signal(signal.SIGSTOP)  # stalled: connections open, nothing answers
        try:
            assert_outage_answers(c)
        finally:
            proc.send_signal(signal.SIGCONT)
        recovers(c)

        proc.terminate()  # down: connections refused
        proc.wait(timeout=10)
        assert_outage_answers(c)


def test_failing_open_lets_requests_through_unlimited(make_app, kestrel_index, redis):
    proc, url = redis
    with client(make_app, kestrel_index, url, rate_limit_fail="open") as c:
        assert c.get("/api/documents").status_code == 200
        proc.send_signal(signal.SIGSTOP)
        try:
            codes = [c.get("/api/documents").status_code for _ in range(5)]
            assert codes == [200] * 5
            r = c.post("/", data={"question": "Where does the kestrel hunt?"}, headers=BROWSER)
            assert r.status_code == 200 and "kestrel" in r.text
            ready = c.get("/readyz")
            assert ready.status_code == 200 and ready.json()["limits"] is False  # said, but still serving
        finally:
            proc.send_signal(signal.SIGCONT)


def test_the_policy_is_a_setting_closed_by_default(monkeypatch):
    from pydantic import ValidationError

    from assistant.settings import Settings

    assert Settings().rate_limit_fail == "closed"
    monkeypatch.setenv("ASSISTANT_RATE_LIMIT_FAIL", "open")
    assert Settings().rate_limit_fail == "open"
    monkeypatch.setenv("ASSISTANT_RATE_LIMIT_FAIL", "sometimes")
    with pytest.raises(ValidationError):
        Settings()
