"""Server CPU per NEW question, in process: ``python -m bench.ask_cpu [INDEX] [QUESTIONS.toml ...]``.

At c=32 on two cores the HTTP bench's throughput is bounded by the server's CPU per request,
and a question nobody asked before costs the most (its vector is not cached). This asks N
questions that are each new to every cache (the evaluation questions in other words, framed
as bench/http_bench.py frames them) three ways, and prints the process CPU time
(``time.process_time``: all threads, far less noisy than wall time on a shared machine) per
question, median and mean:

* ``ask``: ``Assistant.ask`` alone (encoding, retrieval, evidence, marking, quotes);
* ``api``: POST /api/ask through the real app (middleware, validation, thread pool, JSON),
  driven as ASGI in this process (no sockets, so no HTTP parsing);
* ``form``: POST / (the page without JavaScript: form parsing and the jinja page);
* ``http``: POST /api/ask to a real ``assistant serve`` (a subprocess on loopback), one
  question at a time on one kept-alive connection; the server process's CPU from /proc.

Defaults: the realistic set's index built by the dev runner (/tmp/dev/idx-realistic) and
tests/eval/realistic.toml. ``N=`` sets how many questions per way (default 300), ``WAYS=`` which
ways (comma-separated), ``C=`` how many at once in process (default 1; the figure is then a mean).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
WAYS = ("ask", "api", "form", "http")


def new_questions(paths: list[Path], n: int, skip: int = 0) -> list[tuple[str, list[str]]]:
    """``n`` distinct (question, history) pairs: each set's questions in turn, framed in the
    ways of the HTTP bench; ``skip`` leaves out that many first (used by the warm-up)."""
    from assistant.answering.evaluation import load_questions
    from bench.http_bench import ENDINGS, PREFIXES, SUFFIXES

    items = [(q.question.rstrip("?"), q.history) for p in paths for q in load_questions(p)]
    out = []
    v = skip
    while len(out) < n:
        text, history = items[v % len(items)]
        w = v // len(items)
        e, w = w % len(ENDINGS), w // len(ENDINGS)
        s, p = w % len(SUFFIXES), (w // len(SUFFIXES)) % len(PREFIXES)
        out.append((PREFIXES[p] + text + ENDINGS[e] + SUFFIXES[s], list(history)))
        v += 1
    return out


async def call(app, method: str, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
    """One request through the ASGI app, as uvicorn would hand it on."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False
    status, chunks = 0, []

    async def receive():
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)  # the client never disconnects
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


def request_of(way: str, question: str, history: list[str]) -> tuple[str, str, bytes, str]:
    if way == "api":
        return "POST", "/api/ask", json.dumps({"question": question, "history": history}).encode(), "application/json"
    fields = [("question", question)] + [("history", h) for h in history]
    return "POST", "/", urlencode(fields).encode(), "application/x-www-form-urlencoded"


def measure(helper, app, way: str, questions, concurrency: int = 1) -> list[float]:
    """CPU ms of each question, asked one after another; with ``concurrency`` above 1, that
    many at once (as the HTTP bench's c=32), and one figure: the mean over all of them."""

    async def one(q: str, history: list[str]) -> None:
        if way == "ask":
            await asyncio.to_thread(helper.ask, q, None, history)
            return
        status, _ = await call(app, *request_of(way, q, history))
        if status != 200:
            raise RuntimeError(f"{way}: HTTP {status}")

    async def run() -> list[float]:
        out = []
        async with app.router.lifespan_context(app):
            if concurrency > 1:
                gate = asyncio.Semaphore(concurrency)

                async def gated(q: str, history: list[str]) -> None:
                    async with gate:
                        await one(q, history)

                c = time.process_time()
                await asyncio.gather(*(gated(q, h) for q, h in questions))
                return [(time.process_time() - c) * 1000 / len(questions)]
            for q, history in questions:
                c = time.process_time()
                await one(q, history)
                out.append((time.process_time() - c) * 1000)
        return out

    return asyncio.run(run())


def over_http(index: Path, questions, warm) -> list[float]:
    """The server's CPU ms per question (all of them over the count: /proc has 10 ms ticks)."""
    import http.client

    from bench.http_bench import cpu_seconds, server

    with server(index, {}) as (url, proc, _):
        conn = http.client.HTTPConnection(url.removeprefix("http://"))

        def post(batch) -> None:
            for q, history in batch:
                body = request_of("api", q, history)[2]
                conn.request("POST", "/api/ask", body, {"Content-Type": "application/json"})
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    raise RuntimeError(f"http: HTTP {r.status}")

        post(warm)
        before = cpu_seconds(proc.pid)
        post(questions)
        cpu = cpu_seconds(proc.pid) - before
        conn.close()
    return [cpu * 1000 / len(questions)]


def main(argv: list[str]) -> None:
    from assistant.answering.answers import load_assistant
    from assistant.server.app import create_app
    from assistant.settings import Settings

    index = Path(argv[0]) if argv else Path("/tmp/dev/idx-realistic")
    paths = [Path(a) for a in argv[1:]] or [ROOT / "tests/eval/realistic.toml"]
    n = int(os.environ.get("N", "300"))
    concurrency = int(os.environ.get("C", "1"))
    settings = Settings(index=index, rate_limit="")
    helper = load_assistant(settings)
    app = create_app(settings, helper)
    # Warm-up: imports, jinja, and every question's own words once (as the HTTP bench's repeats
    # do), so each way below pays only for what is new in a new framing: its vector, its path.
    from assistant.answering.evaluation import load_questions

    warm = new_questions(paths, sum(len(load_questions(p)) for p in paths), skip=10**6)
    measure(helper, app, "api", warm)
    print(f"index {index}, questions from {', '.join(p.name for p in paths)}; {n} new questions per way")
    ways = os.environ.get("WAYS", ",".join(WAYS)).split(",")
    for i, way in enumerate(ways):
        questions = new_questions(paths, n, skip=i * n)
        if way == "http":
            ms = over_http(index, questions, warm)
            print(f"http  CPU ms per new question: mean {ms[0]:.2f} (server process, from /proc)")
            continue
        if concurrency > 1:
            ms = measure(helper, app, way, questions, concurrency)
            print(f"{way:5s} CPU ms per new question at c={concurrency}: mean {ms[0]:.2f}")
            continue
        ms = measure(helper, app, way, questions)
        print(
            f"{way:5s} CPU ms per new question: median {statistics.median(ms):.2f}, mean {statistics.fmean(ms):.2f},"
            f" p90 {sorted(ms)[int(len(ms) * 0.9)]:.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
