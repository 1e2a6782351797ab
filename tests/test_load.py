"""A bounded load test on loopback: a real `assistant serve` process, 32 concurrent clients for
LOAD_SECONDS (default 60), stopping by itself. Zero errors; memory growth under a stated bound.
It prints its figures (docs/operations.md quotes them). Then SIGHUP swaps the index live.

Resident memory alone cannot tell a leak from warm-up in a minute: the per-thread malloc arenas
keep growing for about 100 s (16,000 requests) before they level off (docs/operations.md has a
240 s soak). So a second test looks for leaks where they would come from, the Python heap,
with tracemalloc over hundreds of requests through the real app."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import httpx
import psutil

from tests.conftest import child_env, free_port
from tests.conftest import run_coroutine as run

SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "32"))
GROWTH_BOUND_MB = 128  # resident growth from warm-up to the end of the run (measured: +40 to +65)
HEAP_GROWTH_BOUND_KB = 256  # Python heap growth over HEAP_REQUESTS requests once warm (measured: +7 to +78;
# +159 to +171 since the missing words are matched against each answer's own quotes: the bounded cache of
# stacked word vectors then churns entries of 10-100 KB, so which ones are resident moves the total)
HEAP_REQUESTS = 600
QUESTIONS = [
    "What are the three important messages in the report?",
    "Why does the voice of the child matter?",
    "What does the Panel say about information sharing?",
    "Which perennial problems does the Panel want to address?",
    "How are reviews changing the way the system learns?",
    "What did Annie Hudson say about the pandemic?",
    "What is critical thinking and challenge?",
    "How many serious incident notifications were there?",
    "What is the weather in Paris?",  # abstains
    "and for babies?",
]


def start_server(index: Path, port: int, log: Path) -> subprocess.Popen:
    env = child_env(ASSISTANT_RATE_LIMIT="1000000/minute", ASSISTANT_RELOAD_POLL_SECONDS="0")
    cmd = [sys.executable, "-m", "assistant", "serve", "--no-build", "--index", str(index)]
    cmd += ["--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def wait_ready(base: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        assert proc.poll() is None, "the server exited during start-up"
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise AssertionError("the server never became ready")


async def load(base: str, seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.perf_counter() + seconds

    async def client(n: int, http: httpx.AsyncClient) -> None:
        i = 0
        while time.perf_counter() < stop_at:
            i += 1
            q = QUESTIONS[(n + i) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                if i % 10 == 0:
                    r = await http.get("/healthz")
                elif i % 2:  # half are new questions, so the encoder's cache cannot answer them all
                    r = await http.post("/api/ask", json={"question": f"{q} ({n}-{i})", "history": QUESTIONS[:1]})
                else:
                    r = await http.post("/api/ask", json={"question": q})
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:100]}")
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            latencies.append(time.perf_counter() - started)

    # The client lets an idle connection go after 2 s, before the server's 5 s keep-alive ends it:
    # otherwise a request sent just as the server closes an idle socket meets a reset (ReadError),
    # the ordinary keep-alive race that a client, or a proxy, avoids the same way.
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return {"latencies": latencies, "errors": errors}


def test_bounded_load_then_sighup_reload(corpus_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(corpus_index, index)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(index, port, tmp_path / "server.log")
    try:
        wait_ready(base, proc)
        server = psutil.Process(proc.pid)
        run(load(base, min(5.0, SECONDS), CLIENTS))  # warm-up: caches, thread pools, allocator
        rss_start = server.memory_info().rss
        samples: list[float] = []  # resident MB every 5 s: growth that levels off is warm-up, not a leak
        done = threading.Event()
        sampler = threading.Thread(
            target=lambda: [
                samples.append(round(server.memory_info().rss / 2**20, 1)) for _ in iter(lambda: done.wait(5), True)
            ],
            daemon=True,
        )
        sampler.start()
        started = time.perf_counter()
        result = run(load(base, SECONDS, CLIENTS))
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join(timeout=10)
        rss_end = server.memory_info().rss
        lat = sorted(result["latencies"])
        q = statistics.quantiles(lat, n=100)
        growth_mb = (rss_end - rss_start) / 2**20
        figures = {
            "seconds": round(elapsed, 1),
            "clients": CLIENTS,
            "requests": len(lat),
            "throughput_rps": round(len(lat) / elapsed, 1),
            "errors": len(result["errors"]),
            "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1),
            "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(lat[-1] * 1000, 1),
            "rss_start_mb": round(rss_start / 2**20, 1),
            "rss_end_mb": round(rss_end / 2**20, 1),
            "rss_growth_mb": round(growth_mb, 1),
            "growth_bound_mb": GROWTH_BOUND_MB,
            "rss_every_5s_mb": samples,
        }
        print("\nLOAD TEST " + json.dumps(figures))
        assert result["errors"] == [], result["errors"][:10]
        assert len(lat) > SECONDS  # it really ran: more than one request a second
        assert growth_mb < GROWTH_BOUND_MB, figures
        # Still answering correctly after the load.
        answer = httpx.post(base + "/api/ask", json={"question": QUESTIONS[1]}, timeout=30).json()
        assert answer["answered"] and answer["quotes"]

        # SIGHUP: name a new build (a copy under a new name) and signal the server.
        current = (index / "CURRENT").read_text().strip()
        new = "build-99999999T999999-sighup"
        shutil.copytree(index / "builds" / current, index / "builds" / new)
        manifest = json.loads((index / "builds" / new / "manifest.json").read_text())
        (index / "builds" / new / "manifest.json").write_text(json.dumps({**manifest, "build": new}))
        (index / "CURRENT").write_text(new + "\n")
        time.sleep(0.5)
        assert httpx.get(base + "/healthz").json()["build"] == current  # polling is off: only a signal swaps
        proc.send_signal(signal.SIGHUP)
        deadline = time.time() + 20
        while httpx.get(base + "/healthz").json()["build"] != new:
            assert time.time() < deadline, "SIGHUP did not reload the index"
            time.sleep(0.2)
        assert proc.poll() is None, "SIGHUP must reload, not stop, the server"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    log = (tmp_path / "server.log").read_text()
    assert "Now serving index build build-99999999T999999-sighup" in log
    # The server's own fixed wording (an operator note about the index) may share short words with a
    # question; what must never appear is a question or any of its longer words.
    asked = {w for q in QUESTIONS for w in q.rstrip("?").split() if len(w) > 6}
    assert not any(q in log for q in QUESTIONS) and not asked & set(log.replace(".", " ").split()), (
        "no question text in the server's output"
    )


def test_python_heap_does_not_grow_with_requests(make_app, corpus_index, monkeypatch):
    """Every bounded structure (encoder cache, stemmer caches, rate-limit window) is filled first;
    after that, hundreds more mixed requests must not grow the Python heap: a leak of half a
    kilobyte a question fails (checked once by planting a 700-byte leak: +353 KB). The encoder
    cache is made small so that it fills quickly and then churns."""
    import random

    from fastapi.testclient import TestClient

    from assistant.answering import inquotes, meaning

    # The passages' stacked word vectors are a bounded cache too: made small here so it fills in the warm-up,
    # as are the shown quotes' words in context (inquotes, 512 quotes in use). Bounded by count, its entries
    # differ in size (20-140 KB: the missing-word check stacks the words of every quote shown), so one entry
    # is kept: with 16, which entries a run replaced moved the heap by up to ~450 KB with nothing leaking.
    monkeypatch.setattr(meaning, "MATRICES", 1)
    monkeypatch.setattr(inquotes, "PASSAGES", 8)
    app = make_app(corpus_index, cache_size=64, rate_limit="1000000/second")
    rng = random.Random(7)
    words = (
        "information sharing risk assessment professional curiosity children families review "
        "learning panel safeguarding voice child neglect babies fathers pandemic notifications"
    ).split()

    def requests(client: TestClient, n: int) -> None:
        for i in range(n):
            q = " ".join(rng.sample(words, 4)) + "?"  # ~2.8M orderings: the encoder cache keeps missing
            kind = i % 5
            if kind == 0:
                r = client.post("/api/ask", json={"question": q, "history": [QUESTIONS[1]]})
            elif kind == 1:
                mode = ("words", "meaning", "phrase")[i % 3]
                r = client.get("/api/search", params={"q": " ".join(rng.sample(words, 2)), "mode": mode})
            elif kind == 2:
                r = client.post("/", data={"question": q})
            else:
                r = client.post("/api/ask", json={"question": q})
            assert r.status_code == 200, r.text[:200]

    def heap_growth_kb(client: TestClient) -> float:
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        requests(client, HEAP_REQUESTS)
        gc.collect()
        return (tracemalloc.get_traced_memory()[0] - before) / 1024

    with TestClient(app) as client:
        requests(client, 300)  # warm: caches full, threads started
        logging.disable(logging.INFO)  # pytest keeps every captured record: that is not the app's heap
        tracemalloc.start()
        try:
            heap_growth_kb(client)  # the traced run's own first allocations
            growth = heap_growth_kb(client)
        finally:
            tracemalloc.stop()
            logging.disable(logging.NOTSET)
    print(f"\nHEAP TEST +{growth:.0f} KB over {HEAP_REQUESTS} requests")
    assert growth < HEAP_GROWTH_BOUND_KB, f"the Python heap grew {growth:.0f} KB over {HEAP_REQUESTS} requests"
