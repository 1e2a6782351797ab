"""Rate limiting: per-client moving-window counts of model work and searches, in memory or in a
shared store (Redis), with a policy for when that store is down (docs/operations.md)."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from typing import Any

from fastapi import HTTPException
from starlette.types import Scope

log = logging.getLogger("assistant.server.security")  # one logger for the middleware, as operators know it


def client_ip(scope: Scope) -> str:
    """The client's address. Behind trusted proxies, uvicorn's ProxyHeadersMiddleware (installed
    outside the limiter) has already put the nearest untrusted X-Forwarded-For address here."""
    return (scope.get("client") or ("unknown", 0))[0]


def limited_request(scope: Scope) -> bool:
    """What costs a model call or a search: the JSON API, any form post, a meaning search."""
    path, method = scope.get("path", ""), scope.get("method")
    if path.startswith("/api/") or method == "POST":
        return True
    if path == "/quotes" and scope.get("query_string"):
        from urllib.parse import parse_qs

        query = parse_qs(scope["query_string"].decode("latin-1"))
        return "meaning" in query.get("mode", ()) and any(q.strip() for q in query.get("q", ()))
    return False


class LimitsUnavailable(HTTPException):
    """The shared rate-limit store (Redis) does not answer and the policy is to fail closed: a
    503 with Retry-After (raised in a route, the app's handler makes it a page or JSON)."""

    def __init__(self, retry: int):
        super().__init__(
            503,
            f"The service is unavailable for a moment: please try again in {retry} seconds.",
            {"Retry-After": str(retry)},
        )


OUTAGE_RETRY_SECONDS = 5  # after a failure the store is left alone this long, and clients told to wait


class Limiter:
    """Per-client moving-window counts (the ``limits`` library, as used by slowapi), kept in
    ``storage`` (``memory://``, or ``redis://host:port`` to share one limit between replicas).

    A shared store that fails or stalls is waited for ``timeout`` seconds at most (socket
    timeouts, no retries), then left alone for ``OUTAGE_RETRY_SECONDS``: meanwhile requests
    are let through (``fail="open"``) or refused with a 503 (``"closed"``), without waiting on it.
    """

    def __init__(self, rate: str, storage: str = "memory://", timeout: float = 0.5, fail: str = "closed"):
        from limits import parse_many, strategies
        from limits import storage as storages

        self.items = parse_many(rate) if rate else []
        self.local = storage.startswith("memory://")
        options: dict[str, Any] = {}
        if not self.local:
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            options = {
                "socket_timeout": timeout,
                "socket_connect_timeout": timeout,
                "retry": Retry(NoBackoff(), 0),  # redis-py retries 3 times by default: 4 timeouts per hit
            }
        self.storage = storages.storage_from_string(storage, **options)
        self.limiter = strategies.MovingWindowRateLimiter(self.storage)
        self.fail_open = fail == "open"
        self.cooldown = OUTAGE_RETRY_SECONDS
        self.down_until = 0.0  # monotonic time until which the store is not asked

    def _hit(self, key: str, cost: int) -> int | None:
        for item in self.items:
            if not self.limiter.hit(item, "client", key, cost=cost):
                reset = self.limiter.get_window_stats(item, "client", key).reset_time
                return max(1, math.ceil(reset - time.time()))
        return None

    async def hit(self, scope: Scope, cost: int = 1) -> int | None:
        """Count ``cost`` units of work; the seconds to wait when over the limit, else None.

        LimitsUnavailable when the shared store is down and the policy is to fail closed."""
        if not self.items or cost <= 0:
            return None
        key = client_ip(scope)
        if self.local:
            return self._hit(key, cost)
        if time.monotonic() < self.down_until:
            self._outage()  # raises when failing closed
            return None
        try:
            retry = await asyncio.to_thread(self._hit, key, cost)
        except Exception as exc:  # noqa: BLE001 - redis' errors, socket errors: the store is not answering
            if time.monotonic() >= self.down_until:
                log.error(
                    "The rate-limit store is not answering (%s): failing %s for %d s.",
                    type(exc).__name__,
                    "open" if self.fail_open else "closed",
                    self.cooldown,
                )
            self.down_until = time.monotonic() + self.cooldown
            self._outage()  # raises when failing closed
            return None
        if self.down_until:
            log.warning("The rate-limit store answers again.")
            self.down_until = 0.0
        return retry

    def _outage(self) -> None:
        if self.fail_open:
            return None
        raise LimitsUnavailable(max(1, math.ceil(self.down_until - time.monotonic())))

    def available(self) -> bool:
        """The store answers now (readiness); memory always does."""
        return self.local or bool(self.storage.check())
