"""The embeddable chat: /embed (framed by allowlisted partners), /widget.js and /embed-help.

``/embed`` is the chat page without the site's header and footer. The widget passes the
partner page's origin (``?origin=``); it is echoed into the page only when it is on the
allowlist, and the page then posts messages (close, resize) to that exact origin only.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from assistant.routes.pages import EXAMPLES, chat_post, coverage, read_form, render

router = APIRouter()

DEFAULT_TITLE = "Ask the safeguarding report"
DEFAULT_PLACEHOLDER = ""
MAX_TITLE, MAX_PLACEHOLDER = 80, 120


def options(request: Request, values) -> dict:
    """Embed options from the query string or the posted form, trimmed and checked."""
    title = (values.get("title") or "").strip()[:MAX_TITLE] or DEFAULT_TITLE
    placeholder = (values.get("placeholder") or "").strip()[:MAX_PLACEHOLDER] or DEFAULT_PLACEHOLDER
    origin = values.get("origin") or ""
    origin = origin if origin in request.app.state.settings.embed_origins else ""
    query = urlencode({k: v for k, v in (("title", title), ("placeholder", placeholder), ("origin", origin)) if v})
    return {
        "title": title,
        "placeholder": placeholder,
        "parent_origin": origin,
        "compact": True,
        "action": "/embed",
        "restart": "/embed" + (f"?{query}" if query else ""),
        "coverage": coverage(request),
    }


@router.get("/embed", response_class=HTMLResponse, include_in_schema=False)
def embed(request: Request) -> HTMLResponse:
    return render(
        request,
        "embed.html",
        thread=[],
        history=[],
        question="",
        error=None,
        examples=EXAMPLES,
        **options(request, request.query_params),
    )


@router.post("/embed", response_class=HTMLResponse, include_in_schema=False)
async def embed_form(request: Request) -> HTMLResponse:
    _, _, fields = await read_form(request)
    return await chat_post(request, "embed.html", **options(request, fields))


@router.get("/widget.js", include_in_schema=False)
def widget(request: Request) -> FileResponse:
    path = request.app.state.settings.web_dir / "static" / "widget.js"
    return FileResponse(
        path, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "public, max-age=3600"}
    )


@router.get("/embed-help", response_class=HTMLResponse, include_in_schema=False)
def embed_help(request: Request) -> HTMLResponse:
    # ASSISTANT_PUBLIC_URL; else this request's (its Host passed TrustedHostMiddleware). No allowlist is shown.
    base = (request.app.state.settings.public_url or str(request.base_url)).rstrip("/")
    return render(request, "embed_help.html", active="embed-help", base=base, title=DEFAULT_TITLE)
