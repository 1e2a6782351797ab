"""Over HTTP: a real uvicorn server (a subprocess on loopback) and an asyncio httpx client here."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT, eval_questions, percentiles, process_peak_mb


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Servers compared in one run: label -> environment of `assistant serve`, or "naive" (bench/naive.py).
SERVERS = {
    "ours": {},  # the defaults: int8 ONNX question encoder, batching and cache on
    "ours, fp32, batching+cache off": {
        "ASSISTANT_ENCODER": "torch-fp32",
        "ASSISTANT_BATCHING": "false",
        "ASSISTANT_CACHE_SIZE": "0",
    },
    "naive": "naive",
}


@contextmanager
def server(index: Path, config):
    """A server on a free port; yields (base URL, process, seconds to first answer)."""
    import httpx

    port = _free_port()
    env = {
        **os.environ,
        "ASSISTANT_RATE_LIMIT": "10000000/minute",  # the load generator is one client
        "HF_HUB_OFFLINE": "1",
        **(config if isinstance(config, dict) else {}),
    }
    if config == "naive":
        cmd = [sys.executable, "-m", "bench.naive", str(index), str(port)]
    else:
        cmd = [
            sys.executable,
            "-c",
            "from assistant.cli import app; app()",
            "serve",
            "--no-build",
            "--index",
            str(index),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = started + 300  # a loaded machine starts slowly
        while True:
            if proc.poll() is not None:
                raise RuntimeError("server died: " + proc.stderr.read().decode()[-2000:])
            try:
                r = httpx.post(url + "/api/ask", json={"question": "Who chairs the Panel?"}, timeout=5)
                if r.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{cmd[2]} did not answer within 300 s")
            time.sleep(0.05)
        yield url, proc, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def workload(n: int, unique: bool, start: int = 0) -> list[dict]:
    """``n`` requests cycling through the evaluation questions (``unique``: each one distinct,
    numbered from ``start``, so that no cache has seen them)."""
    qs = eval_questions()
    out = []
    for i in range(n):
        q = qs[i % len(qs)]
        text = f"{q.question} ({start + i})" if unique else q.question
        out.append({"question": text, "history": q.history})
    return out


async def _load(url: str, jobs: list[dict], concurrency: int) -> tuple[list[float], float, int]:
    import httpx

    lat: list[float] = []
    errors = 0
    queue: asyncio.Queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def worker():
            nonlocal errors
            while not queue.empty():
                job = queue.get_nowait()
                t = time.perf_counter()
                r = await client.post("/api/ask", json=job)
                lat.append(time.perf_counter() - t)
                errors += r.status_code != 200

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - start
    return lat, wall, errors


def run(index: Path, levels: list[int], n: int, turns: int = 2) -> tuple[list[dict], dict]:
    """The servers (``SERVERS``) run side by side and take turns under load, ``turns`` times
    per concurrency level, so a busy machine slows them alike."""
    from contextlib import ExitStack

    configs = SERVERS
    rows, extra = [], {}
    with ExitStack() as stack:
        urls, procs = {}, {}
        for label, config in configs.items():  # one at a time, so cold starts don't compete
            urls[label], procs[label], cold = stack.enter_context(server(index, config))
            extra[f"cold start to first answer s ({label})"] = round(cold, 2)
        for c in levels:
            for unique in (False, True) if c in (1, max(levels)) else (False,):
                lat = {label: [] for label in configs}
                wall = dict.fromkeys(configs, 0.0)
                errors = dict.fromkeys(configs, 0)
                for turn in range(turns):
                    jobs = workload(n // turns, unique, start=(c * turns + turn) * n)  # no cache has seen them
                    for label in configs:
                        got, seconds, bad = asyncio.run(_load(urls[label], jobs, c))
                        lat[label] += got
                        wall[label] += seconds
                        errors[label] += bad
                work = "unique questions" if unique else "eval questions, repeating"
                for label in configs:
                    rows.append(
                        {
                            "server": label,
                            "concurrency": c,
                            "workload": work,
                            **percentiles(lat[label]),
                            "req/s": round(len(lat[label]) / wall[label], 1),
                            "errors": errors[label],
                        }
                    )
        for label in configs:
            extra[f"server peak MB ({label})"] = process_peak_mb(procs[label].pid)
    return rows, extra
