"""Security: response headers (CSP with the partner allowlist), CORS for partners, no cookies."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

EMBED_PATHS = ("/embed",)


def content_security_policy(frame_ancestors: list[str]) -> str:
    """A strict policy: nothing inline, nothing from elsewhere."""
    ancestors = " ".join(frame_ancestors) if frame_ancestors else "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {ancestors}"
    )


class SecurityHeaders:
    """Adds the security headers to every response; /embed may be framed by allowlisted partners."""

    def __init__(self, app: ASGIApp, embed_origins: list[str]):
        self.app = app
        self.page_csp = content_security_policy([])
        self.embed_csp = content_security_policy(["'self'", *embed_origins])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = self.embed_csp if path.startswith(EMBED_PATHS) else self.page_csp

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"set-cookie"]
                names = {k.lower() for k, _ in headers}
                extra = {
                    b"content-security-policy": csp.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"no-referrer",
                    b"permissions-policy": b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
                    b"cross-origin-opener-policy": b"same-origin",
                }
                if not path.startswith(EMBED_PATHS):
                    extra[b"x-frame-options"] = b"DENY"
                headers += [(k, v) for k, v in extra.items() if k not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install(app, settings) -> None:
    """Wire the middleware; CORS lets exactly the allowlisted partner origins call /api/*."""
    app.add_middleware(SecurityHeaders, embed_origins=list(settings.embed_origins))
    if settings.embed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.embed_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            allow_credentials=False,
            max_age=600,
        )
