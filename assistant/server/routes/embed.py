"""The embeddable chat: /embed (framed by allowlisted partners), /widget.js, its config and
theme, and /embed-help.

``/embed`` is the chat page without the site's header and footer. The widget passes the
partner page's origin (``?origin=``); it is echoed into the page only when it is on the
allowlist, and the page then posts messages (close, resize) to that exact origin only.

Before it shows anything, widget.js asks ``/widget/config``: the answer says whether the page's
origin (its ``Origin`` header, sent by the browser) may embed the assistant, and why not. Any
origin may read that answer (it says nothing about other sites), so a refused widget can say so
clearly in the console instead of the browser's bare CORS error; the frame-ancestors policy and
CORS on /api/* still do the enforcing.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from assistant.ingest import library
from assistant.ingest.library import Filters
from assistant.server import profiles
from assistant.server.branding import check_accent, ink
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.facets import make_filters
from assistant.server.routes.pages import EXAMPLES, chat_get, chat_post, coverage, posted_form, render
from assistant.server.security import content_security_policy

router = APIRouter()

DEFAULT_TITLE = "Ask the safeguarding report"
DEFAULT_PLACEHOLDER = ""
MAX_TITLE, MAX_PLACEHOLDER = 80, 120


def accent_of(value: str | None, settings) -> str:
    """A partner's accent when it is a usable colour, else the operator's (settings.embed_accent)."""
    try:
        return check_accent(value) if value else settings.embed_accent
    except ValueError:
        return settings.embed_accent


WIDGET_FILTERS = ("documents", "kinds", "publishers")


def widget_filters(values) -> Filters:
    """The widget's own narrowing (data-documents, data-kinds, data-publishers): comma-separated
    values, possibly repeated (the thread's forms carry one value a field)."""
    many = values.getlist if hasattr(values, "getlist") else (lambda k: [values.get(k) or ""])
    fields = {n: [v.strip() for raw in many(n) if isinstance(raw, str) for v in raw.split(",")] for n in WIDGET_FILTERS}
    return make_filters(**{n: [v for v in vs if v] for n, vs in fields.items()})


def referrer(request: Request) -> str:
    """The origin of the page that opened /embed (a plain frame with no ``?origin=``), from its
    Referer; it can only narrow (a profile), and the frame-ancestors policy then names it."""
    from urllib.parse import urlsplit

    if request.method != "GET":
        return ""
    parts = urlsplit(request.headers.get("referer", ""))
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme in ("http", "https") and parts.netloc else ""


def options(request: Request, values, settings, index) -> dict:
    """Embed options from the query string or the posted form, trimmed and checked, and the
    partner's profile applied (its filter, title, accent and questions win over the page's)."""
    named = values.get("origin") or ""
    declared = named or (referrer(request) if referrer(request) in profiles.of(request) else "")
    origin = declared if declared in settings.embed_origins else ""
    try:
        asked, problem = widget_filters(values), None
    except HTTPException as exc:  # a bad data-kinds: said in the page, and nothing is searched
        asked, problem = Filters(), str(exc.detail)
    scoped = profiles.narrow(request, asked, origin)
    profile = profiles.of(request).get(request.state.partner or "")
    # The page names the partner whose profile it was given (its Origin may differ from the one
    # declared): the frame's own requests then carry that partner, and only it may frame the page.
    origin = request.state.partner or origin
    title = (values.get("title") or "").strip()[:MAX_TITLE] or DEFAULT_TITLE
    title = profile.title if profile and profile.title else title
    placeholder = (values.get("placeholder") or "").strip()[:MAX_PLACEHOLDER] or DEFAULT_PLACEHOLDER
    accent = profile.accent if profile and profile.accent else accent_of(values.get("accent"), settings)
    carried = {n: ",".join(getattr(asked, n)) for n in WIDGET_FILTERS if getattr(asked, n)}
    fields = (("title", title), ("placeholder", placeholder), ("origin", origin), ("accent", accent), *carried.items())
    query = urlencode({k: v for k, v in fields if v})
    return {
        "title": title,
        "placeholder": placeholder,
        "parent_origin": origin,
        "plain_frame": not named,  # no widget around it: nothing to close
        "accent": accent,
        "widget_filters": carried,
        "compact": True,
        "action": "/embed",
        "restart": "/embed" + (f"?{query}" if query else ""),
        "coverage": coverage(index, scoped),
        "examples": profile.questions if profile and profile.questions else EXAMPLES,
        "filters": scoped or Filters(),
        "problem": problem,
    }


def framed(request: Request, response: Response) -> Response:
    """Only the partner whose profile was applied may frame this page (unscoped: no profiled one)."""
    ancestors = profiles.frame_ancestors(request, request.state.partner)
    response.headers["content-security-policy"] = content_security_policy(ancestors)
    return response


@router.get("/embed", response_class=HTMLResponse, include_in_schema=False)
async def embed(request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep) -> Response:
    context = options(request, request.query_params, settings, index)
    return framed(request, await chat_get(request, assistant, settings, "embed.html", **context))


@router.post("/embed", response_class=HTMLResponse, include_in_schema=False)
async def embed_form(request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep) -> Response:
    form = await posted_form(request)  # every value of a field (read_form keeps the last)
    context = options(request, form, settings, index)
    return framed(request, await chat_post(request, assistant, settings, "embed.html", **context))


@router.get("/embed/theme.css", include_in_schema=False)
def theme(settings: SettingsDep, accent: str = "") -> Response:
    """The panel's colours (heading bar, Ask button) as a stylesheet: the page's policy allows no inline style."""
    colour = accent_of(accent, settings)
    text = ink(colour)
    css = (
        f":root{{--accent:{colour};--accent-ink:{text}}}"
        ".embed .embed__bar{background:var(--accent);color:var(--accent-ink);border-bottom-color:var(--accent)}"
        ".embed .embed__bar .embed__title{color:var(--accent-ink)}"
        ".embed .ask button.primary{background:var(--accent);color:var(--accent-ink);box-shadow:0 2px 0 #0b0c0c}"
        ".embed .ask button.primary:hover{background:var(--accent);text-decoration:underline}"
        ".embed .ask button.primary:focus-visible{background:#ffdd00;color:#0b0c0c}"
    )
    return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


def origin_verdict(origin: str, settings) -> tuple[bool, str]:
    """Whether ``origin`` may embed the assistant, and why, in words for a webmaster."""
    from urllib.parse import urlsplit

    from assistant.server.security import check_origin

    parts = urlsplit(origin)
    if parts.scheme in ("http", "https") and parts.netloc and (parts.path not in ("", "/") or parts.query):
        origin = f"{parts.scheme}://{parts.netloc}"  # a page's address: its origin is what counts
    try:
        origin = check_origin(origin)
    except ValueError as exc:
        return False, str(exc)
    if origin in settings.embed_origins:
        return True, f"{origin} is on this assistant's list of allowed sites: the widget and the frame will show there."
    if not settings.embed_origins:
        return False, (
            f"{origin} is not allowed: this assistant allows no other website yet. Ask its operator to add your "
            "site's origin."
        )
    near = [o for o in settings.embed_origins if o.split("://", 1)[-1] == origin.split("://", 1)[-1]]
    why = " The same site is allowed with the other scheme (http or https): the scheme must match too." if near else ""
    return False, (
        f"{origin} is not on this assistant's list of allowed sites, so browsers will not show the widget there."
        f"{why} Ask its operator to add the exact origin (scheme, host and port)."
    )


@router.get("/widget/config", include_in_schema=False)
def widget_config(request: Request, settings: SettingsDep) -> JSONResponse:
    """What widget.js needs before it shows a launcher: may this page's origin embed, the accent,
    and the title and accent of its profile (which win over the page's data-title and data-accent)."""
    origin = request.headers.get("origin", "")
    allowed, reason = origin_verdict(origin, settings) if origin else (False, "The request named no origin.")
    body: dict = {"allowed": allowed, "reason": reason, "accent": settings.embed_accent}
    profile = profiles.of(request).get(profiles.partner(request) or "") if allowed else None
    if profile is not None:
        body["profile"] = {"title": profile.title, "accent": profile.accent}
    headers = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", "Vary": "Origin"}
    return JSONResponse(body, headers=headers)


@router.get("/widget.js", include_in_schema=False)
def widget(settings: SettingsDep) -> FileResponse:
    path = settings.web_dir / "static" / "widget.js"
    return FileResponse(
        path, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "public, max-age=3600"}
    )


@router.get("/embed-help", response_class=HTMLResponse, include_in_schema=False)
def embed_help(request: Request, settings: SettingsDep, site: str | None = None) -> HTMLResponse:
    """How to embed; ``?site=`` checks whether an origin may embed (the whole list is never shown)."""
    # ASSISTANT_PUBLIC_URL; else this request's (its Host passed TrustedHostMiddleware). No allowlist is shown.
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    check = None
    if site is not None:
        if len(site) > 300:
            raise HTTPException(422, "That address is too long to be a website's origin.")
        allowed, reason = origin_verdict(site.strip(), settings) if site.strip() else (False, "Type a site's origin.")
        check = {"site": site, "allowed": allowed, "reason": reason}
    return render(
        request,
        "embed_help.html",
        active="embed-help",
        base=base,
        title=DEFAULT_TITLE,
        accent=settings.embed_accent,
        kinds=list(library.KINDS),
        check=check,
    )
