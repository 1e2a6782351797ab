"""Insights: counts of the everyday words that go unanswered, never questions or names."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.server import insights
from tests.conftest import child_env

TOKEN = "operator-token-123"
# A made-up name (capitalised, then typed in lower case) beside ordinary words the kestrel
# document does not hold: each question is unanswerable.
QUESTIONS = (
    "What did Zorblax say about trampoline safety inspections?",
    "what did zorblax write about trampoline safety inspections",
    "How did Zorblax handle trampoline safety inspections at the leisure centre?",
)


def store_bytes(path: Path) -> bytes:
    """The store as it lies on disk: the file and its write-ahead log."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


# ---------------------------------------------------------------- the store (no model)


def test_counts_under_three_are_hidden_and_old_days_expire(tmp_path):
    store = insights.Store(tmp_path / "i.sqlite3", days=7)
    store.add(Counter({("2026-01-01", "abstained", "trampoline"): 2}), now="2026-01-01")
    assert store.totals(now="2026-01-01")["abstained"] == []  # 2: not shown
    store.add(Counter({("2026-01-03", "abstained", "trampoline"): 1}), now="2026-01-03")
    assert store.totals(now="2026-01-03")["abstained"] == [("trampoline", 3)]  # summed over the days kept
    assert store.totals(now="2026-01-08")["abstained"] == []  # the 1st is past 7 days: 1 left
    store.add(Counter({("2026-01-09", "finder", "verge"): 1}), now="2026-01-09")  # writing drops expired days
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT day FROM counts ORDER BY day").fetchall() == [("2026-01-03",), ("2026-01-09",)]
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def _add_many(path: str) -> None:
    store = insights.Store(Path(path), days=30)
    for _ in range(25):
        store.add(Counter({(insights.today(), "abstained", "trampoline"): 1}))


def test_several_worker_processes_add_to_one_store(tmp_path):
    """Eight workers open a new store at once, three times: switching it to WAL takes a lock
    SQLite does not wait for, which failed with "database is locked" before the retry."""
    for round_ in range(3):
        path = tmp_path / f"i{round_}.sqlite3"
        with ProcessPoolExecutor(8) as pool:
            list(pool.map(_add_many, [str(path)] * 8))
        assert insights.Store(path, 30).totals()["abstained"] == [("trampoline", 200)]


# ---------------------------------------------------------------- through the real app


@pytest.fixture
def token(tmp_path) -> Path:
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def own_index(kestrel_index, tmp_path) -> Path:
    """A copy of the kestrel index, so its folder's insights file is this test's alone."""
    copy = tmp_path / "index"
    shutil.copytree(kestrel_index, copy)
    return copy


def ask_everywhere(c: TestClient, times: int = 3) -> None:
    """Each question asked ``times`` times, by the API, the chat without JavaScript and its script."""
    for _ in range(times):
        for q in QUESTIONS:
            answer = c.post("/api/ask", json={"question": q}).json()
            assert not answer["answered"] and "trampoline" in answer["missing"]
        assert c.post("/", data={"question": QUESTIONS[0]}).status_code == 200
        assert c.post("/fragments/turns", json={"questions": [QUESTIONS[1]]}).status_code == 200
        assert c.get("/quotes", params={"q": "Zorblax greenhouse"}).status_code == 200
    # Asked twice only: below the floor of three.
    for _ in range(2):
        c.post("/api/ask", json={"question": "What about the allotment?"})


def test_unanswered_words_are_counted_never_the_name_or_the_question(make_app, own_index, token):
    app = make_app(own_index, insights=True, insights_days=30, reload_token_file=token, reload_poll_seconds=0)
    path = own_index / insights.FILE
    with TestClient(app) as c:
        assert "everyday words" in c.get("/about").text  # the privacy text says so while on
        ask_everywhere(c)
        pid = next(iter(app.state.assistant.index.passages)).id
        for useful in ("no", "no", "no", "yes"):
            c.post("/feedback", data={"useful": useful, "quote": pid})
        assert c.get("/-/insights").status_code == 200 and "Operator token" in c.get("/-/insights").text
        wrong = c.post("/-/insights", data={"token": "guess"})
        assert wrong.status_code == 403 and "trampoline" not in wrong.text
        page = c.post("/-/insights", data={"token": TOKEN})
        shown = c.get("/-/insights", headers={"X-Assistant-Reload-Token": TOKEN, "Accept": "application/json"}).json()
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    words = {s["kind"]: {r["item"]: r["count"] for r in s["rows"]} for s in shown}
    # 3 API questions + the chat + its script, three times over: 15 abstentions missing "trampoline".
    assert words["abstained"]["trampoline"] == 15 and words["abstained"]["inspections"] == 15
    assert words["abstained"]["leisure"] == 3
    assert words["finder"] == {"greenhouse": 3}
    assert "allotment" not in words["abstained"]  # asked twice: hidden
    assert list(words["not useful"].values()) == [3] and words["useful"] == {}  # one "yes": hidden
    for text in (page.text.lower(), json.dumps(shown).lower()):
        assert "zorblax" not in text and "trampoline" in text
    stored = store_bytes(path)
    assert b"trampoline" in stored
    assert b"zorblax" not in stored.lower()
    for q in (*QUESTIONS, "What about the allotment?", "Zorblax greenhouse"):
        assert q.encode() not in stored and q.lower().encode() not in stored.lower()
        for a, b in zip(q.split(), q.split()[1:], strict=False):  # not even two words of it in a row
            assert f"{a} {b}".lower().encode() not in stored.lower()

    # The operator's command reads the same counts.
    cli = subprocess.run(
        [sys.executable, "-m", "assistant", "insights", "--index", str(own_index)],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )
    assert cli.returncode == 0, cli.stderr
    assert "trampoline" in cli.stdout and "15" in cli.stdout and "greenhouse" in cli.stdout
    assert "zorblax" not in cli.stdout.lower() and "allotment" not in cli.stdout


def test_glossary_words_count_though_no_word_list_has_them(make_app, own_index):
    app = make_app(own_index, insights=True, reload_poll_seconds=0)
    with TestClient(app) as c:
        for _ in range(3):
            c.post("/api/ask", json={"question": "What did the LCSPR find about trampoline nets?"})
        app.state.insights.flush()
    totals = insights.Store(own_index / insights.FILE, 30).totals()["abstained"]
    assert ("lcspr", 3) in totals and ("trampoline", 3) in totals


def test_with_insights_off_nothing_is_counted_or_stored(make_app, own_index, token):
    app = make_app(own_index, reload_token_file=token, reload_poll_seconds=0)
    with TestClient(app) as c:
        ask_everywhere(c)
        assert "everyday words" not in c.get("/about").text
        off = c.post("/-/insights", data={"token": TOKEN})
    assert off.status_code == 404 and "Insights are off" in off.text
    assert getattr(app.state, "insights", None) is None
    assert not list(own_index.glob(insights.FILE + "*"))


def test_two_worker_processes_count_into_one_store(own_index):
    """`assistant serve --workers 2` as an operator runs it: both processes add to one file."""
    import time

    import httpx

    from tests.conftest import free_port

    port = free_port()
    env = child_env(ASSISTANT_INSIGHTS="on", ASSISTANT_RATE_LIMIT="10000/minute")
    cmd = [sys.executable, "-m", "assistant"]
    server = subprocess.Popen(
        [*cmd, "serve", "--no-build", "--workers", "2", "--port", str(port), "--index", str(own_index)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                assert server.poll() is None, "the server stopped"
            time.sleep(0.5)
        for _ in range(8):  # a new connection each: the two processes share them out
            with httpx.Client(timeout=60) as c:
                assert c.post(f"{base}/api/ask", json={"question": QUESTIONS[2]}).status_code == 200

        def counted() -> dict:
            out = subprocess.run(
                [*cmd, "insights", "--json", "--index", str(own_index)], capture_output=True, text=True, env=env
            )
            sections = json.loads(out.stdout) if out.stdout.startswith("[") else []
            return {r["item"]: r["count"] for s in sections if s["kind"] == "abstained" for r in s["rows"]}

        while time.time() < deadline and counted().get("trampoline") != 8:
            time.sleep(0.5)
        # "handle" is the question's verb, never listed as missing (docs/answers.md, `missing`).
        assert counted() == {"trampoline": 8, "safety": 8, "inspections": 8, "leisure": 8, "centre": 8}
    finally:
        server.terminate()
        server.wait(timeout=30)
