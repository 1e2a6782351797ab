"""Operations: /healthz (alive), /readyz (index loaded, model warm), /metrics, and the
loopback-only reload hook that ``assistant reload`` calls."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel

from assistant.server import security
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.schemas import Health

ADD_REPORT = (
    "The index does not hold the full Annual Report 2020: download it from GOV.UK and add it with "
    "`assistant ingest corpus/ annual-report-2020.pdf` (docs/ingest.md)."
)

router = APIRouter()
log = logging.getLogger("assistant.health")

TOKEN_HEADER = "X-Assistant-Reload-Token"


class Ready(BaseModel):
    ready: bool
    index: bool
    model: bool
    build: str | None
    limits: bool = True  # the rate-limit store answers (always, for memory://)


class Reloaded(BaseModel):
    status: str
    build: str
    detail: str = ""


def model_warm(encoder) -> bool:
    """True once the sentence model is in memory (load_assistant warms it up before serving)."""
    embedder = getattr(encoder, "embedder", None)
    return embedder is None or getattr(embedder, "loaded", True)


@router.get("/healthz", response_model=Health, tags=["health"])
def healthz(index: IndexDep) -> dict:
    """Alive, with the index counts."""
    from assistant.server.routes.pages import lacks_report

    return {
        "status": "ok",
        "documents": len(index.documents),
        "passages": len(index.passages),
        "build": index.build,
        # Operator instructions live here, in the CLI and in docs/, never on public pages.
        "notes": [ADD_REPORT] if lacks_report(index) else [],
    }


@router.get("/readyz", response_model=Ready, responses={503: {"model": Ready}}, tags=["health"])
def readyz(request: Request, assistant: AssistantDep):
    """Ready to answer: an index is loaded, the model is warm and the rate-limit store answers
    (503 otherwise; a store that is down only counts when the policy is to fail closed)."""
    index = getattr(assistant, "index", None)
    has_index = index is not None and len(index.passages) > 0 and index_folder_present(request, index)
    warm = assistant is not None and model_warm(assistant.encoder)
    limiter = request.app.state.limiter
    limits = limiter.available()
    body = {
        "ready": has_index and warm and (limits or limiter.fail_open),
        "index": has_index,
        "model": warm,
        "build": index.build if index else None,
        "limits": limits,
    }
    return JSONResponse(body, status_code=200 if body["ready"] else 503)


@router.get("/metrics", response_class=PlainTextResponse, tags=["health"])
def metrics(assistant: AssistantDep) -> str:
    """Aggregate counters in Prometheus' text format: no question text, ever."""
    return assistant.counters.prometheus()


def index_folder_present(request: Request, index) -> bool:
    """The serving build's folder is still on disk; its loss is logged once (until it returns)."""
    state = request.app.state  # remembers, across requests, which lost build was already logged
    present = Path(index.path).is_dir()
    if not present and getattr(state, "index_gone", None) != index.build:
        log.error(
            "The index folder of build %s is gone from %s: not ready until it is rebuilt.",
            index.build,
            state.settings.index,
        )
    state.index_gone = None if present else index.build
    return present


def reload_token(path: Path | None) -> str | None:
    """The operator's token (``ASSISTANT_RELOAD_TOKEN_FILE``), or None when unset or unreadable."""
    if path is None:
        return None
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    return token or None


def token_matches(request: Request, settings) -> bool:
    token = reload_token(settings.reload_token_file)
    given = request.headers.get(TOKEN_HEADER, "")
    return token is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def from_loopback(request: Request) -> bool:
    """A direct connection from this machine by a program such as ``assistant reload``: not
    through a proxy (which would add its headers), and not a web page's form or script, which
    a browser on this machine could be made to send by any site it visits."""
    if security.proxied(request.scope) or security.from_browser(request.scope):
        return False
    try:
        return ipaddress.ip_address((request.scope.get("client") or ("", 0))[0]).is_loopback
    except ValueError:
        return False


@router.post("/-/reload", response_model=Reloaded, include_in_schema=False)
async def reload(request: Request, settings: SettingsDep) -> dict:
    """Load the build index/CURRENT names now (``assistant reload`` calls this)."""
    if not (from_loopback(request) or token_matches(request, settings)):
        raise HTTPException(
            403, "Reloading is only allowed from the server's own machine, or with the operator's token."
        )
    outcome = await request.app.state.reloader.acheck(force=True)
    return {"status": outcome.status, "build": outcome.build, "detail": outcome.detail}
