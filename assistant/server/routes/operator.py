"""The operator's insights page, /-/insights: counts of what goes unanswered (assistant/server/insights.py).

It is shown only with the operator's token (the reload hook's, ``ASSISTANT_RELOAD_TOKEN_FILE``):
sent in the ``X-Assistant-Reload-Token`` header, or typed into the page's form, which is posted
so the token never appears in an address, a history or a log.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from assistant.server import insights
from assistant.server.routes.deps import IndexDep, SettingsDep
from assistant.server.routes.health import TOKEN_HEADER, reload_token
from assistant.server.routes.pages import posted_form, render

router = APIRouter()
NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


def show(request: Request, settings, index, given: str | None) -> HTMLResponse | JSONResponse:
    """The report when ``given`` is the operator's token; the token form (with why) otherwise."""
    token = reload_token(settings.reload_token_file)
    context = {"active": "", "days": settings.insights_days, "min_shown": insights.MIN_SHOWN, "sections": None}
    status = 200
    if not settings.insights:
        context["problem"], status = "Insights are off. Set ASSISTANT_INSIGHTS=on to count what goes unanswered.", 404
    elif token is None:
        context["problem"], status = "No operator token is set: set ASSISTANT_RELOAD_TOKEN_FILE to use this page.", 403
    elif given is None:
        context["problem"] = ""
    elif not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8")):
        context["problem"], status = "That is not the operator’s token.", 403
    else:
        rec = insights.recorder(request)
        assert rec is not None  # insights are on (checked above)
        rec.flush()  # this process's latest counts; other workers write theirs within a second
        context["sections"] = insights.report(rec.store, index)
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse(context["sections"], headers=NO_STORE)
    response = render(request, "insights.html", status, **context)
    response.headers.update(NO_STORE)
    return response


@router.get("/-/insights", response_class=HTMLResponse, include_in_schema=False)
def insights_page(request: Request, settings: SettingsDep, index: IndexDep):
    return show(request, settings, index, request.headers.get(TOKEN_HEADER))


@router.post("/-/insights", response_class=HTMLResponse, include_in_schema=False)
async def insights_form(request: Request, settings: SettingsDep, index: IndexDep):
    form = await posted_form(request)
    given = form.get("token")
    return show(request, settings, index, given.strip() if isinstance(given, str) else "")
