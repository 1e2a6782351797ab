"""The multi-replica recipe of docs/operations.md, for real: two `assistant serve` processes on
one shared index folder, a real redis-server holding one shared rate limit, and a reverse
proxy in front (a small Python proxy here: it forwards like nginx's proxy_pass with
X-Forwarded-For, and keeps the test to what scripts/setup.sh --test installs)."""

from __future__ import annotations

import http.client
import itertools
import json
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from test_connections import start_server, stop_server

from tests.conftest import ARTIFACTS, child_env, free_port

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
OLD = "Kites\n\nThe red kite flies over the valley every spring. Farmers watch the red kite circle above the hills.\n"
NEW = "Lighthouses\n\nThe lighthouse keeper climbed the spiral stairs each night to light the lamp.\n"
LIMIT = 30


class ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "x-forwarded-for"}

    def log_message(self, *args):  # quiet: URLs would carry search words
        pass

    def forward(self):
        server = self.server
        with server.lock:
            port = next(server.cycle)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in self.HOP}
        chain = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{chain}, {self.client_address[0]}" if chain else self.client_address[0]
        upstream = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            reply = upstream.getresponse()
            data = reply.read()
        finally:
            upstream.close()
        self.send_response(reply.status)
        for k, v in reply.getheaders():
            if k.lower() not in self.HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Upstream", str(port))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_HEAD = forward


def start_proxy(ports: list[int]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ProxyHandler)
    server.daemon_threads = True
    server.cycle, server.lock = itertools.cycle(ports), threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def start_redis(port: int | None = None) -> tuple[subprocess.Popen, str]:
    """A real redis-server on a free port (or ``port``), answering: (process, redis:// URL)."""
    port = port or free_port()
    proc = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, f"redis://127.0.0.1:{port}"


def stop_redis(proc: subprocess.Popen) -> None:
    import signal

    if proc.poll() is None:
        proc.send_signal(signal.SIGCONT)  # a test may have left it stopped
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def redis_url():
    proc, url = start_redis()
    yield url
    stop_redis(proc)


def test_two_replicas_share_one_limit_and_one_index(build_index, tmp_path, redis_url):
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir(), new_dir.mkdir()
    (old_dir / "kites.txt").write_text(OLD, encoding="utf-8")
    (new_dir / "lighthouses.txt").write_text(NEW, encoding="utf-8")
    root = tmp_path / "shared-index"
    shutil.copytree(build_index([old_dir], "replica-old"), root)
    ports = [free_port(), free_port()]
    settings = dict(
        rate_limit=f"{LIMIT}/minute",
        rate_limit_storage=redis_url,
        trusted_proxies='["127.0.0.1"]',
        reload_poll_seconds=0.5,
    )
    replicas = []
    proxy = None
    try:
        for n, port in enumerate(ports):
            replicas.append(start_server(root, tmp_path / f"replica{n}.log", port, **settings))
        proxy, base = start_proxy(ports)

        # Load held: 20 clients (distinct addresses, each under the limit) through the proxy.
        def one(n: int) -> tuple[int, float, str]:
            client = f"198.51.100.{n % 20 + 1}"
            started = time.perf_counter()
            if n % 2:
                r = httpx.post(
                    base + "/api/ask",
                    json={"question": "Where does the red kite fly?"},
                    headers={"X-Forwarded-For": client},
                    timeout=120,
                )
            else:
                r = httpx.get(
                    base + "/api/search", params={"q": "red kite"}, headers={"X-Forwarded-For": client}, timeout=120
                )
            return r.status_code, time.perf_counter() - started, r.headers.get("x-upstream", "")

        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(one, range(400)))
        elapsed = time.perf_counter() - started
        latencies = sorted(t for _, t, _ in results)
        figures = {
            "requests": len(results),
            "concurrency": 8,
            "seconds": round(elapsed, 2),
            "requests_per_second": round(len(results) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(0.95 * len(latencies)) - 1] * 1000, 1),
            "errors": sum(1 for s, _, _ in results if s != 200),
            "per_replica": {u: sum(1 for _, _, x in results if x == u) for u in map(str, ports)},
        }
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "replicas.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print("replica load:", figures)
        assert figures["errors"] == 0, figures
        assert all(v > 0 for v in figures["per_replica"].values())

        # One shared limit: one client's requests, spread over both replicas, stop at LIMIT.
        codes, upstreams = [], set()
        for _ in range(LIMIT + 15):
            r = httpx.post(
                base + "/api/ask",
                json={"question": "Where does the red kite fly?"},
                headers={"X-Forwarded-For": "203.0.113.77"},
                timeout=60,
            )
            codes.append(r.status_code)
            upstreams.add(r.headers["x-upstream"])
        assert len(upstreams) == 2
        assert codes.count(200) == LIMIT and codes.count(429) == 15, codes

        # A new build in the shared folder: both replicas pick it up.
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "ingest", str(new_dir), "--index", str(root)],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        new_build = (root / "CURRENT").read_text(encoding="utf-8").strip()
        deadline = time.time() + 20
        seen = set()
        while time.time() < deadline and len(seen) < 2:
            seen = {
                p for p in ports if httpx.get(f"http://127.0.0.1:{p}/healthz", timeout=5).json()["build"] == new_build
            }
            time.sleep(0.3)
        assert seen == set(ports)
        for _ in range(2):
            r = httpx.post(
                base + "/api/ask",
                json={"question": "What did the lighthouse keeper climb?"},
                headers={"X-Forwarded-For": "203.0.113.78"},
                timeout=60,
            )
            assert r.status_code == 200 and "lighthouse" in r.json()["quotes"][0]["text"]
    finally:
        if proxy is not None:
            proxy.shutdown()
        for proc in replicas:
            stop_server(proc)
