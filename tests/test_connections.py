"""Connection hygiene of the real `assistant serve` (issue 14): under a 1,024-descriptor limit,
1,000 idle sockets neither lock out /healthz nor flood the log, and are closed in time."""

from __future__ import annotations

import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import child_env, free_port, run_coroutine

HEADER_TIMEOUT = 3.0
IDLE = 1000


def limit_descriptors():
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


def start_server(index: Path, log: Path, port: int, preexec=None, **settings) -> subprocess.Popen:
    """`assistant serve` in a child process; waits until /healthz answers."""
    env = child_env(**{f"ASSISTANT_{k.upper()}": str(v) for k, v in settings.items()})
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--no-build", "--index", str(index), "--port", str(port)],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        preexec_fn=preexec,
    )
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def still_open(s: socket.socket) -> bool:
    s.setblocking(False)  # a socket with a timeout would poll for it first
    try:
        return s.recv(1, socket.MSG_DONTWAIT | socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def test_idle_sockets_under_a_descriptor_limit(corpus_index, tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < IDLE + 200:  # this test process holds the idle sockets
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    port, log = free_port(), tmp_path / "server.log"
    proc = start_server(corpus_index, log, port, preexec=limit_descriptors, header_timeout=HEADER_TIMEOUT)
    sockets: list[socket.socket] = []
    try:
        before = log.stat().st_size
        latencies = []
        opened_at = time.time()
        refused = 0
        for n in range(IDLE):
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect(("127.0.0.1", port))
            except OSError:
                s.close()
                refused += 1
                assert refused < 20, "the server stopped accepting connections"
                continue
            if n == 200:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # half a head: slowloris
            sockets.append(s)
            if n % 100 == 0:
                t = time.perf_counter()
                assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=3).status_code == 200
                latencies.append(time.perf_counter() - t)
        # With every idle socket still waiting, /healthz keeps answering within a second.
        for _ in range(5):
            t = time.perf_counter()
            assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
            latencies.append(time.perf_counter() - t)
            time.sleep(0.2)
        assert max(latencies) < 1.0, latencies
        # Every idle socket is closed by the server within the head deadline (plus slack).
        deadline = opened_at + HEADER_TIMEOUT + (time.time() - opened_at) + 3
        while time.time() < deadline and any(still_open(s) for s in sockets):
            time.sleep(0.2)
        open_left = sum(still_open(s) for s in sockets)
        assert open_left == 0, f"{open_left} idle sockets still open"
        assert proc.poll() is None
        # The log stays bounded: no line per socket, no flood of accept() errors.
        grown = log.stat().st_size - before
        assert grown < 20_000, log.read_text(errors="replace")[-3000:]
    finally:
        for s in sockets:
            s.close()
        stop_server(proc)


def test_a_kept_alive_connection_that_starts_a_head_and_stalls_is_closed(corpus_index, tmp_path):
    port, log = free_port(), tmp_path / "server.log"
    proc = start_server(corpus_index, log, port, header_timeout=1.5, keep_alive=30)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            first = b""
            while not first.endswith(b"}"):  # the whole JSON answer
                first += s.recv(65536)
            assert first.startswith(b"HTTP/1.1 200")
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            started = time.time()
            assert s.recv(65536) == b""
            assert time.time() - started < 5
    finally:
        stop_server(proc)


@pytest.mark.parametrize("workers", [2])
def test_serve_runs_several_workers(corpus_index, tmp_path, workers):
    port, log = free_port(), tmp_path / "server.log"
    proc = start_server(corpus_index, log, port, workers=workers)
    try:
        deadline = time.time() + 180  # the first worker answers while the others still load the model
        while (
            time.time() < deadline and log.read_text(errors="replace").count("Application startup complete") < workers
        ):
            time.sleep(0.5)
        text = log.read_text(errors="replace")
        assert text.count("Started server process") == workers, text[-2000:]
        builds = {httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).json()["build"] for _ in range(6)}
        assert len(builds) == 1
    finally:
        stop_server(proc)


def test_connections_of_workers_send_without_delay():
    """``--workers`` processes accept from a socket made without ``IPPROTO_TCP`` (uvicorn's
    bind_socket), and asyncio then leaves Nagle's algorithm on: each response on a kept-alive
    connection waited 40 ms for the client's delayed ACK. The guarded protocol turns it off."""
    import asyncio

    import uvicorn

    from assistant.server.serving import GuardedH11Protocol

    async def app(scope, receive, send):
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
            await send({"type": "http.response.body", "body": b"ok"})

    async def main() -> int:
        sock = socket.create_server(("127.0.0.1", 0))  # as a supervisor hands it to its workers
        assert sock.proto == 0
        server = uvicorn.Server(uvicorn.Config(app, http=GuardedH11Protocol, lifespan="off", log_level="warning"))
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            await asyncio.sleep(0.01)
        reader, writer = await asyncio.open_connection(*sock.getsockname())
        writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        await writer.drain()
        await reader.readuntil(b"ok")
        (conn,) = server.server_state.connections
        nodelay = conn.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        writer.close()
        server.should_exit = True
        await task
        return nodelay

    assert run_coroutine(main()) == 1
