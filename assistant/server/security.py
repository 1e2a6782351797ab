"""Security middleware: headers (strict CSP), no cookies, body size cap, rate limit, timeouts.

Every piece is a small pure-ASGI middleware so that it also covers the error responses
the others produce. From the outside in::

    SecurityHeaders (CSP and co., strips Set-Cookie, turns any crash into a quiet 500)
    TrustedHost (Starlette's: unknown Host headers get a 400)  ->  HeadAsGet  ->  ProxyHeaders
    (uvicorn's: the client address from trusted proxies)  ->  CORS (partner origins only)  ->  Timeout
    ->  RateLimit (ratelimit.py)  ->  BodyLimit  ->  the app

Connection-level limits (idle sockets, slow request heads) live in serving.py.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections.abc import Mapping

from fastapi import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.server.ratelimit import Limiter, LimitsUnavailable, client_ip, limited_request  # noqa: F401 - client_ip for callers

log = logging.getLogger("assistant.server.security")

EMBED_PATHS = ("/embed",)
PERMISSIONS = b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def check_origin(value: str) -> str:
    """An embed origin is ``scheme://host[:port]``: no path, wildcard, query or ';'.

    One trailing slash is normalised away (browsers send origins without it)."""
    from urllib.parse import urlsplit

    origin = value.strip()
    origin = origin[:-1] if origin.endswith("/") and not origin.endswith("//") else origin
    parts = urlsplit(origin)
    bad = any(c in origin for c in "*; ,\"'") or parts.path or parts.query or parts.fragment or parts.username
    if parts.scheme not in ("http", "https") or not parts.hostname or bad:
        raise ValueError(f"{value!r} is not an origin: write scheme://host[:port], e.g. https://partner.example")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise ValueError(f"{value!r} has a bad port") from exc
    return origin.lower()


def check_http_url(value: str) -> str:
    """An absolute http(s) URL with a host (public URL, signpost links)."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c in value for c in " ;\"'<>"):
        raise ValueError(f"{value!r} is not an http(s) URL, e.g. https://assistant.example")
    return value.strip()


LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def allowed_hosts(settings) -> list[str]:
    """The Host headers served: the public URL's host, ``allowed_hosts``, loopback, and the
    address ``serve`` listens on when it is a name or a specific address."""
    from urllib.parse import urlsplit

    hosts = list(LOOPBACK_HOSTS) + list(settings.allowed_hosts)
    if settings.public_url:
        hosts.append(urlsplit(settings.public_url).hostname)
    if settings.host not in ("0.0.0.0", "::", ""):
        hosts.append(settings.host)
    return list(dict.fromkeys(h.lower() for h in hosts if h))


def content_security_policy(frame_ancestors: list[str]) -> str:
    """A strict policy: nothing inline, nothing from elsewhere."""
    ancestors = " ".join(frame_ancestors) if frame_ancestors else "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {ancestors}"
    )


# Fixed headings for the error page a browser gets (the no-JavaScript chat posts forms).
HEADINGS = {
    400: "The form could not be read",
    404: "Page not found",
    413: "Your question is too long to send",
    422: "Please check your question",
    429: "Too many questions at once",
    503: "The server is busy",
}
PAGES_WITH_FORMS = ("/", "/embed", "/quotes")
PLAIN = {
    "Not Found": "There is no page at this address.",
    "Method Not Allowed": "This address does not accept that kind of request.",
}


def wants_page(scope: Scope) -> bool:
    """A browser asking for a page (for example the no-JavaScript chat's form post), not the API."""
    if scope.get("path", "").startswith("/api/"):
        return False
    accept = b",".join(v for k, v in scope.get("headers", []) if k.lower() == b"accept")
    return b"text/html" in accept


def error_response(scope: Scope, status: int, detail: str, headers: Mapping[str, str] | None = None):
    """An error as a page in the site's layout for a browser, ``{"detail": ...}`` for everyone else."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse

    if wants_page(scope):
        try:
            path = scope.get("path", "/")
            return scope["app"].state.templates.TemplateResponse(
                Request(scope),
                "error.html",
                {
                    "heading": HEADINGS.get(status, "Something went wrong"),
                    "detail": PLAIN.get(detail, detail),
                    "back": path if path in PAGES_WITH_FORMS else "/",
                },
                status_code=status,
                headers=headers,
            )
        except Exception:  # noqa: BLE001 - an error page must never fail: JSON instead
            pass
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def send_error(
    scope: Scope, receive: Receive, send: Send, status: int, detail: str, headers: Mapping[str, str] | None = None
) -> None:
    """Answer with ``error_response`` from inside a middleware."""
    await error_response(scope, status, detail, headers)(scope, receive, send)


class SecurityHeaders:
    """Adds the security headers to every response; /embed may be framed by allowlisted partners.

    It is the outermost middleware, so it also catches any exception the app lets through:
    it logs the exception's type only (its message could quote the question) and answers a
    plain 500, instead of letting the server print a traceback with the message.
    """

    def __init__(self, app: ASGIApp, embed_origins: list[str], counters=None):
        self.app = app
        self.counters = counters
        # The headers of each kind of response, made once (this runs on every request).
        self.extra = {
            (embed, private): self._headers(embed, private, embed_origins)
            for embed in (False, True)
            for private in (False, True)
        }

    @staticmethod
    def _headers(embed: bool, private: bool, embed_origins: list[str]) -> dict[bytes, bytes]:
        csp = content_security_policy(["'self'", *embed_origins] if embed else [])
        extra = {
            b"content-security-policy": csp.encode(),
            b"x-content-type-options": b"nosniff",
            b"referrer-policy": b"no-referrer",
            b"permissions-policy": PERMISSIONS,
            b"cross-origin-opener-policy": b"same-origin",
        }
        if not embed:
            extra[b"x-frame-options"] = b"DENY"
        if private:
            extra[b"cache-control"] = b"no-store"
        return extra

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        # Answers and searches echo the question: no cache (browser or proxy) may keep them.
        private = path.startswith("/api/") or scope.get("method") == "POST" or echoes_search(scope)
        extra = self.extra[(path in EMBED_PATHS, private)]  # exact: /embed-help is not frameable
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if self.counters is not None:
                    self.counters.http(message["status"])
                drop = (b"set-cookie", b"cache-control") if private else (b"set-cookie",)
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in drop]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in extra.items() if k not in names]
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            log.error("internal error on %s %s: %s", scope.get("method"), path, type(exc).__name__)
            if not started:
                await send_error(
                    scope, receive, send_with_headers, 500, "Something went wrong on the server. Please try again."
                )


# ---------------------------------------------------------------- client address


# Headers a proxy or CDN adds to name the real client (Forwarded, Via, X-Forwarded-*, X-Real-IP,
# Cloudflare's, Akamai's and others'): a request carrying any of them did not come straight from
# this machine, whatever its peer address says.
PROXY_HEADERS = (
    b"forwarded",
    b"via",
    b"x-forwarded",
    b"x-real-ip",
    b"x-original-",
    b"client-ip",
    b"x-client-ip",
    b"true-client-ip",
    b"cf-connecting-ip",
    b"x-cluster-client-ip",
    b"fastly-client-ip",
    b"x-proxyuser-ip",
)
# Headers only a browser sends: Fetch Metadata, Origin (every cross-site POST has one) and Referer.
BROWSER_HEADERS = (b"origin", b"referer", b"sec-fetch-")
FORM_TYPES = (b"application/x-www-form-urlencoded", b"multipart/form-data", b"text/plain")


def proxied(scope: Scope) -> bool:
    """Any header a proxy adds (the list above)."""
    return any(k.lower().startswith(PROXY_HEADERS) for k, _ in scope.get("headers", []))


def from_browser(scope: Scope) -> bool:
    """Sent by a web page (a form post or a script), not by a command line client: a page on
    another site can make a browser post to a loopback server, but it cannot hide these."""
    for k, v in scope.get("headers", []):
        k = k.lower()
        if k.startswith(BROWSER_HEADERS) and not (k == b"sec-fetch-site" and v.strip().lower() == b"none"):
            return True
        if k == b"content-type" and v.split(b";")[0].strip().lower() in FORM_TYPES:
            return True
    return False


def echoes_search(scope: Scope) -> bool:
    """A page whose address carries a search (``?q=``), which it shows back."""
    from urllib.parse import parse_qs

    query = scope.get("query_string") or b""
    return b"q=" in query and "q" in parse_qs(query.decode("latin-1"), keep_blank_values=True)


def check_networks(items: list[str]) -> list[str]:
    """Trusted proxies as addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8")."""
    for item in items:
        try:
            ipaddress.ip_network(item.strip())
        except ValueError:
            raise ValueError(f"{item!r} is not an address or CIDR range (e.g. 10.0.0.0/8)") from None
    return [item.strip() for item in items]


# ---------------------------------------------------------------- limits


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"The request is too large: at most {limit} bytes are accepted.")


class BodyLimit:
    """Reads the whole body before the app runs (it is small): over ``max_bytes`` is a 413,
    chunked or not, and a body slower than ``seconds`` is a 408; both close the connection."""

    def __init__(self, app: ASGIApp, max_bytes: int, seconds: float = 10.0):
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        close = {"Connection": "close"}
        length = next((v for k, v in scope.get("headers", []) if k.lower() == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await send_error(scope, receive, send, 413, BodyTooLarge(self.max_bytes).detail, close)
            return
        chunks, seen, more = [], 0, True
        try:
            async with asyncio.timeout(self.seconds):
                while more:
                    message = await receive()
                    if message["type"] != "http.request":
                        return  # the client left
                    seen += len(message.get("body", b""))
                    if seen > self.max_bytes:
                        await send_error(scope, receive, send, 413, BodyTooLarge(self.max_bytes).detail, close)
                        return
                    chunks.append(message.get("body", b""))
                    more = message.get("more_body", False)
        except TimeoutError:
            await send_error(scope, receive, send, 408, "The request arrived too slowly. Please try again.", close)
            return
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        await self.app(scope, replay, send)


def too_many(retry: int) -> tuple[int, str, dict[str, str]]:
    return 429, f"Too many requests: please wait {retry} seconds and try again.", {"Retry-After": str(retry)}


class RateLimit:
    """Charges one unit per limited request: 429 + Retry-After over the limit, 503 + Retry-After
    when the shared store is down and the policy is to fail closed."""

    def __init__(self, app: ASGIApp, limiter: Limiter):
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and limited_request(scope):
            try:
                retry = await self.limiter.hit(scope)
            except LimitsUnavailable as down:
                await send_error(scope, receive, send, down.status_code, down.detail, down.headers)
                return
            if retry is not None:
                await send_error(scope, receive, send, *too_many(retry))
                return
        await self.app(scope, receive, send)


class HeadAsGet:
    """HEAD is answered like GET without the body (FastAPI's routes list GET only)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app(dict(scope, method="GET"), receive, headers_only)


class Timeout:
    """No request holds its client longer than ``seconds``: past that it gets a 503.

    The request runs as its own task so the answer does not wait for a worker thread that
    cannot be interrupted; whatever it sends afterwards is dropped.
    """

    def __init__(self, app: ASGIApp, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.seconds or self.seconds <= 0:
            await self.app(scope, receive, send)
            return
        started = timed_out = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if timed_out:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if task in done:
            task.result()  # re-raise what the app raised
            return
        timed_out = True
        task.cancel()
        # Its eventual outcome is of no interest; fetch it so asyncio does not log it.
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        log.warning("request timed out after %.1f s: %s %s", self.seconds, scope.get("method"), scope.get("path"))
        if not started:
            await send_error(
                scope,
                receive,
                send,
                503,
                "The server took too long to answer. Please try again.",
                {"Retry-After": "5", "Connection": "close"},
            )


def install(app, settings, counters=None) -> None:
    """Wire the middleware, innermost first (Starlette puts the last one added outermost)."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    app.state.limiter = Limiter(
        settings.rate_limit, settings.rate_limit_storage, settings.rate_limit_timeout, settings.rate_limit_fail
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, seconds=settings.body_timeout)
    app.add_middleware(RateLimit, limiter=app.state.limiter)
    app.add_middleware(Timeout, seconds=settings.request_timeout)
    if settings.embed_origins:
        # CORS lets exactly the allowlisted partner origins call /api/*.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.embed_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            allow_credentials=False,
            max_age=600,
        )
    if settings.trusted_proxies:
        # The client's address from X-Forwarded-For, only when the peer is a trusted proxy.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    app.add_middleware(HeadAsGet)
    # No redirect or absolute URL may name a host the operator did not name.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(settings), www_redirect=False)
    app.add_middleware(SecurityHeaders, embed_origins=list(settings.embed_origins), counters=counters)
