"""The web app: ``create_app(settings)`` builds the FastAPI application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import __version__
from assistant.errors import AssistantError
from assistant.server import security
from assistant.settings import Settings, readable_errors

log = logging.getLogger("assistant")


def readable(errors: Sequence[Any]) -> str:
    """One sentence from pydantic's errors, naming fields but never echoing their values."""
    return readable_errors(errors) or "The request is not valid."


STALE_POINTER_SECONDS = 60  # a .CURRENT.* file this old at start was left by a killed ingest


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Build what the index derives, sweep a killed ingest's leftovers, then watch index/CURRENT
    and listen for SIGHUP while serving (reload.py)."""
    from assistant.index import store as index_mod
    from assistant.server import reload
    from assistant.server.logguard import ensure_log_output

    ensure_log_output()
    settings = app.state.settings
    index_mod.sweep_pointers(settings.index, older_than=STALE_POINTER_SECONDS)
    reloader, poll = app.state.reloader, settings.reload_poll_seconds
    # Built in the background: requests that come first wait for this one build (Index.derive).
    warming = asyncio.create_task(asyncio.to_thread(reloader.warm, app.state.assistant.index))
    watcher = asyncio.create_task(reloader.watch(poll)) if poll > 0 else None
    hup = reload.install_sighup(reloader)
    try:
        yield
    finally:
        warming.cancel()
        if watcher is not None:
            watcher.cancel()
        if hup:
            reload.remove_sighup()


def handle_errors(app: FastAPI) -> None:
    """Every error as a readable page or ``{"detail": ...}``: the status of an ``AssistantError``
    comes from its kind (assistant/errors.py); only a 4xx shows the message."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        # A page for a browser (e.g. /quotes?page=abc), JSON for the API.
        return security.error_response(request.scope, 422, readable(exc.errors()))

    @app.exception_handler(StarletteHTTPException)  # also the router's own 404 and 405
    async def http_error(request: Request, exc: StarletteHTTPException):
        return security.error_response(request.scope, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(AssistantError)
    async def explained(request: Request, exc: AssistantError):
        if exc.http_status < 500:
            return security.error_response(request.scope, exc.http_status, str(exc))
        return await crash(request, exc, exc.http_status)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception, status: int = 500):
        # Log the type only: the message could quote the question.
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return security.error_response(request.scope, status, "Something went wrong on the server. Please try again.")


def page_templates(settings: Settings) -> Jinja2Templates:
    """The pages' templates, with what every page may use."""
    from assistant.quoting import citations, exports, models
    from assistant.server.routes.pages import privacy_text

    templates = Jinja2Templates(directory=str(settings.web_dir / "templates"))
    templates.env.globals["privacy"] = privacy_text(settings)  # every page says what is really done
    templates.env.globals.update(  # the quote's pieces, for partials/quote_parts.html
        citation_runs=citations.html_runs, citation_text=citations.text_of, segments=models.segments
    )
    templates.env.globals["exporters"] = list(exports.EXPORTERS.values())  # the basket's choices
    templates.env.globals["url_for"] = static_paths_remembered()
    return templates


STATIC_PATHS = 256  # static files' paths remembered per app (the templates name a few dozen)


def static_paths_remembered():
    """The templates' ``url_for``, as starlette's (an absolute URL on the request's own base),
    with the path of a static file remembered: starlette finds a name by trying every route
    in turn, and that was a fifth of drawing the chat page (five static files a page)."""
    from jinja2 import pass_context

    paths: dict[tuple, Any] = {}

    @pass_context
    def url_for(context, name: str, /, **path_params: Any):
        request: Request = context["request"]
        router = request.scope.get("router") or request.scope.get("app")
        if name != "static" or router is None:
            return request.url_for(name, **path_params)
        key = (id(router), tuple(sorted(path_params.items())))
        found = paths.get(key)
        if found is None or found[0] is not router:
            found = (router, router.url_path_for(name, **path_params))
            if len(paths) < STATIC_PATHS:
                paths[key] = found
        return found[1].make_absolute_url(base_url=request.base_url)

    return url_for


def create_app(settings: Settings | None = None, assistant=None) -> FastAPI:
    settings = settings or Settings()
    if assistant is None:
        from assistant.answering.answers import load_assistant

        assistant = load_assistant(settings)
    from assistant.server.logguard import install_log_guard
    from assistant.server.reload import Reloader

    install_log_guard()  # no log record, from any library, may carry a question
    app = FastAPI(
        title="Safeguarding report assistant",
        version=__version__,
        description="Quotes the Child Safeguarding Practice Review Panel's Annual Report 2020; never writes new text.",
        docs_url=None,  # Swagger UI and ReDoc come from a CDN: /docs is our own page (routes/apidocs.py)
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.assistant = assistant
    from assistant.quoting import quotes
    from assistant.server import profiles

    # Checked when the settings were made; a profile naming a document not in the index matches nothing.
    app.state.profiles = profiles.load(settings.widget_profiles) if settings.widget_profiles else {}
    app.state.reloader = Reloader(assistant, settings.index, quotes.prepare)
    app.state.templates = page_templates(settings)
    handle_errors(app)

    from assistant.server.routes import (
        api,
        apidocs,
        browse,
        downloads,
        embed,
        facets,
        finder,
        health,
        operator,
        pages,
        search,
        viewer,
    )

    security.install(app, settings, assistant.counters)
    routers = (api, health, apidocs, pages, embed, search, finder, downloads, browse, viewer, facets, operator)
    for module in routers:
        app.include_router(module.router)
    static = settings.web_dir / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
