"""Fetching: one http(s) GET with every hop checked, one deadline for the whole fetch, a size cap.

Built on httpcore (the connection layer under httpx) because it does none of what a hostile
server could steer: no automatic redirects, no credentials taken from a URL, no decompression.

- Redirects are followed here, at most ``MAX_REDIRECTS``, and every hop is checked before it
  is requested: http(s) only, no ``user:password@``, and its scheme, host and port must be one
  of the allowed origins (the source's own, plus GOV.UK's asset host for a GOV.UK page).
- Every connection is checked after DNS, on the address actually connected to: a private,
  loopback or link-local address is refused unless the origin itself was written as such an
  address (or ``localhost``), or the operator allows private hosts (an intranet).
- The deadline covers everything (connect, TLS, each read, each hop): every socket operation
  waits only for what is left of it, so a server trickling a byte at a time cannot stretch it.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from assistant.ingest.formats.base import DocumentError
from assistant.settings import FETCH_MAX_BYTES, FETCH_TIMEOUT

USER_AGENT = "safeguarding-report-assistant/0.1 (document ingest)"
MAX_REDIRECTS = 5
_PORTS = {"http": 80, "https": 443}
_REDIRECTS = {301, 302, 303, 307, 308}
Origin = tuple[str, str, int]  # (scheme, host, port)


@dataclass(frozen=True)
class FetchLimits:
    """How long to wait for, and how much to read of, an http(s) source."""

    timeout: float = FETCH_TIMEOUT  # seconds for the whole fetch, redirects included
    max_bytes: int = FETCH_MAX_BYTES
    allow_private: bool = False  # let host names resolve to private addresses (an intranet)


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    url: str  # after redirects


def has_userinfo(url: str) -> bool:
    return "@" in url.partition("//")[2].split("/")[0].split("?")[0].split("#")[0]


def redact(url: str) -> str:
    """``url`` without any ``user:password@``: what may be stored, logged or shown."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL urllib can split: cut anything up to an @ in the authority
        return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/?#]*@", r"\1", url, flags=re.I)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def origin(url: str) -> Origin:
    """(scheme, host, port) of an http(s) URL, the default port filled in."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise DocumentError(f"not a valid URL: {redact(url)}") from None
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        raise DocumentError(f"not a valid URL (bad port): {redact(url)}") from None
    if scheme not in _PORTS or not parts.hostname:
        raise DocumentError(f"only http(s) addresses are fetched, not {redact(url)}")
    return scheme, parts.hostname.lower(), port or _PORTS[scheme]


def own_origins(url: str) -> set[Origin]:
    """Where a fetch of ``url`` may go: its own origin, and https on the same host when it is plain http."""
    scheme, host, port = origin(url)
    found = {(scheme, host, port)}
    if scheme == "http" and port == 80:
        found.add(("https", host, 443))
    return found


def show(o: Origin) -> str:
    scheme, host, port = o
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}" + ("" if _PORTS[scheme] == port else f":{port}")


def check_hop(url: str, allowed: set[Origin]) -> None:
    """Refuse a URL with credentials, a scheme other than http(s), or an origin not allowed."""
    if has_userinfo(url):
        raise DocumentError(
            f"the address {redact(url)} carries a user name or password: credentials are never sent or stored"
        )
    if origin(url) not in allowed:
        raise DocumentError(
            f"{redact(url)} is not on an allowed origin ({', '.join(sorted(show(o) for o in allowed))})"
        )


def fetch(url: str, limits: FetchLimits = FetchLimits(), allowed: set[Origin] | None = None) -> Fetched:
    """GET ``url`` within ``limits``, following redirects only to ``allowed`` origins (default: its own)."""
    import httpcore

    allowed = allowed if allowed is not None else own_origins(url)
    deadline = time.monotonic() + limits.timeout
    backend = _backend_class()(deadline, limits.allow_private)
    current = url
    try:
        with httpcore.ConnectionPool(network_backend=backend, retries=0, max_connections=1) as pool:
            for _ in range(MAX_REDIRECTS + 1):
                check_hop(current, allowed)
                result = _get(pool, current, limits)
                if isinstance(result, Fetched):
                    return result
                try:
                    current = urljoin(current, result)
                except ValueError:
                    raise DocumentError(f"the server redirected to an invalid address: {redact(result)}") from None
    except httpcore.TimeoutException:
        raise DocumentError(f"the server did not answer in full within {limits.timeout:g} seconds") from None
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise DocumentError(f"could not fetch the URL ({type(exc).__name__}: {exc})") from None
    raise DocumentError(f"more than {MAX_REDIRECTS} redirects from {redact(url)}")


def _get(pool, url: str, limits: FetchLimits) -> Fetched | str:
    """One request: the body, or the Location of a redirect."""
    limit = f"{limits.max_bytes / 1_048_576:.0f} MB" if limits.max_bytes >= 1_048_576 else f"{limits.max_bytes} bytes"
    headers = [("User-Agent", USER_AGENT), ("Accept-Encoding", "identity")]
    timeouts = dict.fromkeys(("connect", "read", "write", "pool"), limits.timeout)
    with pool.stream("GET", url, headers=headers, extensions={"timeout": timeouts}) as response:
        head = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
        if response.status in _REDIRECTS:
            location = head.get("location", "").strip()
            if not location:
                raise DocumentError(f"the server answered {response.status} without a Location")
            return location
        if response.status >= 400:
            reason = response.extensions.get("reason_phrase", b"").decode("latin-1", "replace")
            raise DocumentError(f"the server answered {response.status} {reason}".rstrip())
        if response.status != 200:
            raise DocumentError(f"the server answered {response.status} instead of the document")
        declared = head.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise DocumentError(f"the document is larger than the {limit} limit")
        chunks, total = [], 0
        for chunk in response.iter_stream():
            total += len(chunk)
            if total > limits.max_bytes:
                raise DocumentError(f"the document is larger than the {limit} limit")
            chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise DocumentError("the server sent an empty document")
    return Fetched(data, head.get("content-type", ""), url)


def _private_literal(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


@functools.cache
def _backend_class():
    import httpcore

    class Stream(httpcore.NetworkStream):
        """A socket stream whose every wait ends at the fetch's deadline."""

        def __init__(self, inner, deadline: float):
            self.inner, self.deadline = inner, deadline

        def _left(self, timeout: float | None, error) -> float:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise error("the fetch's deadline passed")
            return left if timeout is None else min(timeout, left)

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self.inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            return self.inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

        def close(self) -> None:
            self.inner.close()

        def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            wrapped = self.inner.start_tls(ssl_context, server_hostname, self._left(timeout, httpcore.ConnectTimeout))
            return Stream(wrapped, self.deadline)

        def get_extra_info(self, info: str):
            return self.inner.get_extra_info(info)

    class Backend(httpcore.SyncBackend):
        """Connections bounded by the deadline, refused when they reach a private address unasked."""

        def __init__(self, deadline: float, allow_private: bool):
            self.deadline, self.allow_private = deadline, allow_private

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise httpcore.ConnectTimeout("the fetch's deadline passed")
            timeout = left if timeout is None else min(timeout, left)
            stream = Stream(super().connect_tcp(host, port, timeout, local_address, socket_options), self.deadline)
            if not (self.allow_private or _private_literal(host.lower())):
                peer = stream.get_extra_info("socket").getpeername()[0]
                if not ipaddress.ip_address(peer.split("%")[0]).is_global:
                    stream.close()
                    raise DocumentError(
                        f"{host} resolves to a private or loopback address ({peer}), which is not fetched "
                        "(set ASSISTANT_FETCH_ALLOW_PRIVATE=true for an intranet)"
                    )
            return stream

    return Backend


__all__ = ["FetchLimits", "Fetched", "check_hop", "fetch", "has_userinfo", "origin", "own_origins", "redact"]
