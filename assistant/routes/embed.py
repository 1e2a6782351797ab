"""The embeddable chat: /embed (framed by allowlisted partners), /widget.js and /embed-help.

``/embed`` is the chat page without the site's header and footer. The widget passes the
partner page's origin (``?origin=``); it is echoed into the page only when it is on the
allowlist, and the page then posts messages (close, resize) to that exact origin only.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from assistant.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.routes.pages import EXAMPLES, chat_post, coverage, read_form, render

router = APIRouter()

DEFAULT_TITLE = "Ask the safeguarding report"
DEFAULT_PLACEHOLDER = ""
MAX_TITLE, MAX_PLACEHOLDER = 80, 120


def options(values, settings, index) -> dict:
    """Embed options from the query string or the posted form, trimmed and checked."""
    title = (values.get("title") or "").strip()[:MAX_TITLE] or DEFAULT_TITLE
    placeholder = (values.get("placeholder") or "").strip()[:MAX_PLACEHOLDER] or DEFAULT_PLACEHOLDER
    origin = values.get("origin") or ""
    origin = origin if origin in settings.embed_origins else ""
    query = urlencode({k: v for k, v in (("title", title), ("placeholder", placeholder), ("origin", origin)) if v})
    return {
        "title": title,
        "placeholder": placeholder,
        "parent_origin": origin,
        "compact": True,
        "action": "/embed",
        "restart": "/embed" + (f"?{query}" if query else ""),
        "coverage": coverage(index),
    }


@router.get("/embed", response_class=HTMLResponse, include_in_schema=False)
def embed(request: Request, settings: SettingsDep, index: IndexDep) -> HTMLResponse:
    return render(
        request,
        "embed.html",
        thread=[],
        history=[],
        question="",
        error=None,
        examples=EXAMPLES,
        **options(request.query_params, settings, index),
    )


@router.post("/embed", response_class=HTMLResponse, include_in_schema=False)
async def embed_form(request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep) -> HTMLResponse:
    _, _, fields = await read_form(request)
    return await chat_post(request, assistant, settings, "embed.html", **options(fields, settings, index))


@router.get("/widget.js", include_in_schema=False)
def widget(settings: SettingsDep) -> FileResponse:
    path = settings.web_dir / "static" / "widget.js"
    return FileResponse(
        path, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "public, max-age=3600"}
    )


@router.get("/embed-help", response_class=HTMLResponse, include_in_schema=False)
def embed_help(request: Request, settings: SettingsDep) -> HTMLResponse:
    # ASSISTANT_PUBLIC_URL; else this request's (its Host passed TrustedHostMiddleware). No allowlist is shown.
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    return render(request, "embed_help.html", active="embed-help", base=base, title=DEFAULT_TITLE)
