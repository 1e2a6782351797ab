"""Running the server: uvicorn with connection hygiene, collapsed repeated log lines, N workers.

uvicorn has a keep-alive timeout but no limit on how long a new connection may take to send
its request head, and no cap on open connections (``limit_concurrency`` answers 503 to
requests, but idle sockets send none). ``GuardedH11Protocol`` adds both, as a small subclass
of uvicorn's own h11 protocol:

* a connection must send a complete request head within ``header_timeout`` seconds (also on a
  kept-alive connection that starts a new request), else it is closed without a word;
* at most ``max_connections`` are open per process (kept below the descriptor limit, so
  ``accept()`` never fails with EMFILE); a new connection over the cap evicts the oldest one
  that is waiting for a request head, so an idle flood cannot lock out /healthz.

Slow bodies are cut by ``security.BodyLimit`` (408 and the connection closed).
"""

from __future__ import annotations

import asyncio
import logging
import os
import resource
import socket
import threading
import time

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from assistant.settings import default

DESCRIPTOR_RESERVE = 128  # for the model, index files, logs and threads of each process
LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "asyncio", "assistant")


def connection_cap(wanted: int) -> int:
    """``wanted``, but below this process's open-file limit."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(16, min(wanted, soft - DESCRIPTOR_RESERVE))


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a request-head deadline and a connection cap (see above)."""

    header_timeout = default("header_timeout")  # run() sets both from the settings
    max_connections = default("max_connections")
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        send_at_once(transport)
        self._head_timer = None
        self._wait_for_head()
        waiting = self._waiting()
        if len(self.connections) > self.max_connections:
            # Evict the oldest connection still waiting for a request head (maybe this one).
            oldest = next(iter(waiting))
            oldest._drop()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._wait_for_head()  # part of a head, or a new request on a kept-alive connection
        else:
            self._head_arrived()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE:
            self._waiting()[self] = None  # kept alive and idle: first in line to be evicted

    def connection_lost(self, exc) -> None:
        self._head_arrived()
        super().connection_lost(exc)

    # ------------------------------------------------------------ internals

    def _waiting(self) -> dict:
        """Connections waiting for a request head, oldest first (shared by the server's connections)."""
        return vars(self.server_state).setdefault("waiting_for_head", {})

    def _wait_for_head(self) -> None:
        self._waiting().setdefault(self, None)
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._drop)

    def _head_arrived(self) -> None:
        self._waiting().pop(self, None)
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _drop(self) -> None:
        self._head_arrived()
        if not self.transport.is_closing():
            self.transport.close()


def send_at_once(transport) -> None:
    """Turn Nagle's algorithm off on a TCP connection, as asyncio does itself, except for
    sockets accepted from a listening socket made without ``IPPROTO_TCP``: uvicorn's
    ``--workers`` listen on such a socket. There a response written as head then body
    waited for the client's delayed ACK: 40 ms a request (measured 48 ms p50 at c=1 with
    two workers, against 1.5 ms with one process)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # the peer already went away
            pass


def guarded_protocol(header_timeout: float, max_connections: int) -> type[GuardedH11Protocol]:
    """The protocol class with this server's limits (set on the class: uvicorn instantiates it)."""
    GuardedH11Protocol.header_timeout = header_timeout
    GuardedH11Protocol.max_connections = max_connections
    return GuardedH11Protocol


# ---------------------------------------------------------------- logs


class RepeatFilter(logging.Filter):
    """Collapses identical records: the first passes; repeats within ``window`` seconds are
    counted and summed up in the next one that passes ("... [and 812 more like it]")."""

    def __init__(self, window: float = 10.0, max_keys: int = 1000):
        super().__init__()
        self.window, self.max_keys = window, max_keys
        self._seen: dict[tuple, list] = {}  # key -> [first time, suppressed count]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            key = (record.name, record.levelno, record.getMessage())
        except Exception:  # noqa: BLE001 - a bad record is logging's to report
            return True
        now = time.monotonic()
        with self._lock:
            entry = self._seen.get(key)
            if entry is not None and now - entry[0] < self.window:
                entry[1] += 1
                return False
            suppressed = entry[1] if entry else 0
            if len(self._seen) >= self.max_keys:
                self._seen.clear()
            self._seen[key] = [now, 0]
        if suppressed:
            record.msg, record.args = f"{record.getMessage()} [and {suppressed} more like it]", None
        return True


_FILTER = RepeatFilter()


def collapse_repeated_logs() -> None:
    """Attach the repeat filter to every handler that serves the server's loggers (idempotent)."""
    for name in LOGGERS:
        for handler in logging.getLogger(name).handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)


# ---------------------------------------------------------------- running


def app_from_env():
    """The app built from ASSISTANT_* settings: what each of ``--workers N`` processes runs."""
    from assistant.answering.answers import load_assistant
    from assistant.server.app import create_app
    from assistant.settings import Settings

    settings = Settings()
    guarded_protocol(settings.header_timeout, connection_cap(settings.max_connections))
    collapse_repeated_logs()
    return create_app(settings, load_assistant(settings))


def run(settings, application=None) -> None:
    """Serve ``application`` (one process), or ``settings.workers`` processes of ``app_from_env``."""
    import uvicorn

    cap = connection_cap(settings.max_connections)
    guarded_protocol(settings.header_timeout, cap)
    workers = settings.workers
    if workers > 1:
        # Each worker builds its own app from the environment: pass the resolved settings on.
        os.environ.update(
            ASSISTANT_INDEX=str(settings.index),
            ASSISTANT_HOST=settings.host,
            ASSISTANT_PORT=str(settings.port),
            ASSISTANT_WORKERS="1",
        )
    config = uvicorn.Config(
        "assistant.server.serving:app_from_env" if workers > 1 else application,
        factory=workers > 1,
        workers=workers if workers > 1 else None,
        host=settings.host,
        port=settings.port,
        log_level="info",
        # No access log (URLs can carry search words); proxy headers are read by security.py,
        # and only from the proxies named in ASSISTANT_TRUSTED_PROXIES.
        access_log=False,
        proxy_headers=False,
        server_header=False,
        http="assistant.server.serving:GuardedH11Protocol",
        timeout_keep_alive=settings.keep_alive,
        backlog=settings.backlog,
        limit_concurrency=cap + 8,  # requests beyond the connection cap get uvicorn's 503
    )
    collapse_repeated_logs()
    server = uvicorn.Server(config)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        sock = config.bind_socket()
        Multiprocess(config, sockets=[sock]).run()
    else:
        server.run()
