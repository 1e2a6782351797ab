"""The web app: ``create_app(settings)`` builds the FastAPI application."""

from __future__ import annotations

import logging

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from assistant import __version__
from assistant.settings import Settings

log = logging.getLogger("assistant")


def readable(errors: list[dict]) -> str:
    """One sentence from pydantic's errors, naming fields but never echoing their values."""
    parts = []
    for err in errors:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body",)) or "request body"
        parts.append(f"{loc}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "The request is not valid."


def create_app(settings: Settings | None = None, assistant=None) -> FastAPI:
    settings = settings or Settings()
    if assistant is None:
        from assistant.answers import load_assistant

        assistant = load_assistant(settings)
    app = FastAPI(
        title="Safeguarding report assistant",
        version=__version__,
        description="Quotes the Child Safeguarding Practice Review Panel's Annual Report 2020; never writes new text.",
    )
    app.state.settings = settings
    app.state.assistant = assistant
    app.state.templates = Jinja2Templates(directory=str(settings.web_dir / "templates"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return JSONResponse({"detail": readable(exc.errors())}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        # Log the type only: the message could quote the question.
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return JSONResponse({"detail": "Something went wrong on the server. Please try again."}, status_code=500)

    from assistant import security
    from assistant.routes import api, embed, pages, quotes

    security.install(app, settings)
    for module in (api, pages, embed, quotes):
        app.include_router(module.router)
    static = settings.web_dir / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
