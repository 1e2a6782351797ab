"""Over HTTP: real uvicorn servers (subprocesses on loopback) driven by wrk.

The load generator is wrk (C, Debian's package; bench/setup.sh installs it) with a Lua
script that posts the evaluation questions. It was an asyncio httpx client in this
process before: that client took 2.5-4 ms of CPU per request, a third of what the
assistant's server takes, on the same two cores, so it slowed the faster server most.
wrk takes about a tenth of that. Each server's CPU time per request is read from /proc.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT, eval_questions, family_stats, tree_peak_mb


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
    # Two processes: the rules are Python, so one process answers on one core at a time (the GIL);
    # on a 2-core machine a second worker uses the other (docs/operations.md, several workers).
    "ours, 2 workers": {"ASSISTANT_WORKERS": "2"},
    "naive": "naive",
}


@contextmanager
def server(index: Path, config):
    """A server on a free port; yields (base URL, process, seconds to first answer)."""
    import httpx

    port = _free_port()
    env = {
        **os.environ,
        # The load generator is one client: a limit would throttle it, and a huge one makes the
        # moving window (a list of every hit in the last minute) the costliest part of a request.
        "ASSISTANT_RATE_LIMIT": "",
        "HF_HUB_OFFLINE": "1",
        **(config if isinstance(config, dict) else {}),
    }
    if config == "naive":
        cmd = [sys.executable, "-m", "bench.naive", str(index), str(port)]
    else:
        cmd = [sys.executable, "-m", "assistant", "serve", "--no-build", "--index", str(index)]
        cmd += ["--host", "127.0.0.1", "--port", str(port)]
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


# Unseen questions are the evaluation questions in other words: a frame before and after
# them made only of words the assistant sets aside as framing ("please tell me", "according
# to the report"), so each one is new to every cache yet asks the same thing. (Appending a
# number, as this did before, made every question ask about a figure no passage holds: they
# were all refused, which is cheaper than an answer.)
PREFIXES = [
    "", "Please, ", "Please tell me: ", "Can you tell me: ", "Could you tell me: ", "I need to know: ",
    "Tell me: ", "Please explain: ", "Can you find: ", "Could you show me: ", "Please can you tell me: ",
    "Explain please: ", "Tell us: ", "Can you show us: ", "Could you explain: ", "Please find: ",
]  # fmt: skip
SUFFIXES = [
    "", " Please.", " According to the report.", " In the report.", " Please tell me.", " From the documents.",
    " Can you tell me?", " Please explain.", " Tell me please.", " Could you say?", " In the documents.", " Please!",
]  # fmt: skip
ENDINGS = ["?", "", "??"]
BLOCK = 6000  # unseen questions per run: runs of one server never share one


def lua_script(unique: bool, block: int) -> str:
    """A wrk script posting the evaluation questions in turn (``unique``: each in other words
    no earlier run of this server used, from ``block``); ``done`` prints the counts and
    latency percentiles as one JSON line."""
    items = []
    for q in eval_questions():
        text = json.dumps(q.question.rstrip("?"), ensure_ascii=False)[1:-1]
        history = json.dumps(q.history, ensure_ascii=False)
        items.append("{[==[" + text + "]==], [==[" + history + "]==]}")  # Lua long strings: no escapes
    lua_list = lambda xs: "{" + ", ".join(json.dumps(x) for x in xs) + "}"  # noqa: E731 - ASCII only
    return (
        "local items = {" + ",\n".join(items) + "}\n"
        f"local prefixes, suffixes, endings = {lua_list(PREFIXES)}, {lua_list(SUFFIXES)}, {lua_list(ENDINGS)}\n"
        f"local unique, n = {'true' if unique else 'false'}, {block * BLOCK if unique else 0}\n"
        """
request = function()
  local it = items[(n % #items) + 1]
  local text = it[1] .. "?"
  if unique then
    local v = math.floor(n / #items)
    local e = v % #endings
    v = math.floor(v / #endings)
    local s = v % #suffixes
    local p = math.floor(v / #suffixes) % #prefixes
    text = prefixes[p + 1] .. it[1] .. endings[e + 1] .. suffixes[s + 1]
  end
  n = n + 1
  local body = '{"question": "' .. text .. '", "history": ' .. it[2] .. '}'
  return wrk.format("POST", "/api/ask", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "us": %d, "bad": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
    )


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children so far."""
    fields = family_stats(pid).values()
    return sum(int(f[11]) + int(f[12]) for f in fields) / os.sysconf("SC_CLK_TCK")


def load(url: str, pid: int, concurrency: int, seconds: float, unique: bool, block: int) -> dict:
    """``concurrency`` connections posting questions for ``seconds``; wrk's figures."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed: run bash bench/setup.sh (it installs Debian's wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua_script(unique, block))
    try:
        before = cpu_seconds(pid)
        out = subprocess.run(
            [wrk, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "60s", "-s", fh.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        cpu = cpu_seconds(pid) - before
    finally:
        os.unlink(fh.name)
    got = json.loads(out.strip().splitlines()[-1])
    return {**got, "cpu": cpu}


def run(index: Path, levels: list[int], seconds: float, turns: int = 2) -> tuple[list[dict], dict]:
    """The servers (``SERVERS``) run side by side and take turns under load, ``turns`` times
    per concurrency level (``seconds`` each), so a busy machine slows them alike."""
    from contextlib import ExitStack

    configs = SERVERS
    rows, extra = [], {}
    block = 0  # unseen questions: each run of a server gets its own block of them
    with ExitStack() as stack:
        urls, procs = {}, {}
        for label, config in configs.items():  # one at a time, so cold starts don't compete
            urls[label], procs[label], cold = stack.enter_context(server(index, config))
            extra[f"cold start to first answer s ({label})"] = round(cold, 2)
        for c in levels:
            for unique in (False, True) if c in (1, max(levels)) else (False,):
                runs = {label: [] for label in configs}
                for _ in range(turns):
                    block += unique
                    for label in configs:
                        runs[label].append(load(urls[label], procs[label].pid, c, seconds, unique, block))
                work = "unique questions" if unique else "eval questions, repeating"
                for label, got in runs.items():
                    requests = sum(r["requests"] for r in got)
                    rows.append(
                        {
                            "server": label,
                            "concurrency": c,
                            "workload": work,
                            # wrk's percentiles of each turn, averaged over the turns by their requests
                            **{
                                p: round(sum(r[p] * r["requests"] for r in got) / max(requests, 1) / 1000, 2)
                                for p in ("p50", "p95", "p99")
                            },
                            "req/s": round(requests / (sum(r["us"] for r in got) / 1e6), 1),
                            "server CPU ms/req": round(1000 * sum(r["cpu"] for r in got) / max(requests, 1), 2),
                            "errors": sum(r["bad"] for r in got),
                        }
                    )
        for label in configs:
            extra[f"server peak MB ({label})"] = tree_peak_mb(procs[label].pid)
    return rows, extra
