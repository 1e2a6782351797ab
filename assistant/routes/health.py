"""Operations: /healthz (alive), /readyz (index loaded, model warm), /metrics, and the
loopback-only reload hook that ``assistant reload`` calls."""

from __future__ import annotations

import ipaddress

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel

from assistant.routes.schemas import Health

router = APIRouter()

PROXY_HEADERS = (b"x-forwarded-for", b"x-real-ip", b"forwarded")


class Ready(BaseModel):
    ready: bool
    index: bool
    model: bool
    build: str | None


class Reloaded(BaseModel):
    status: str
    build: str
    detail: str = ""


def model_warm(encoder) -> bool:
    """True once the sentence model is in memory (load_assistant warms it up before serving)."""
    embedder = getattr(encoder, "embedder", None)
    return embedder is None or getattr(embedder, "_model", True) is not None


@router.get("/healthz", response_model=Health, tags=["health"])
def healthz(request: Request) -> dict:
    """Alive, with the index counts."""
    index = request.app.state.assistant.index
    return {
        "status": "ok",
        "documents": len(index.documents),
        "passages": len(index.passages),
        "build": index.build,
    }


@router.get("/readyz", response_model=Ready, responses={503: {"model": Ready}}, tags=["health"])
def readyz(request: Request):
    """Ready to answer: an index is loaded and the model is warm (503 otherwise)."""
    assistant = getattr(request.app.state, "assistant", None)
    index = getattr(assistant, "index", None)
    has_index = index is not None and len(index.passages) > 0
    warm = assistant is not None and model_warm(assistant.encoder)
    body = {"ready": has_index and warm, "index": has_index, "model": warm, "build": index.build if index else None}
    return JSONResponse(body, status_code=200 if body["ready"] else 503)


@router.get("/metrics", response_class=PlainTextResponse, tags=["health"])
def metrics(request: Request) -> str:
    """Aggregate counters in Prometheus' text format: no question text, ever."""
    return request.app.state.assistant.counters.prometheus()


def from_loopback(request: Request) -> bool:
    """A direct connection from this machine: not through a proxy, which would add its headers."""
    if any(k.lower() in PROXY_HEADERS for k, _ in request.scope.get("headers", [])):
        return False
    try:
        return ipaddress.ip_address((request.scope.get("client") or ("", 0))[0]).is_loopback
    except ValueError:
        return False


@router.post("/-/reload", response_model=Reloaded, include_in_schema=False)
async def reload(request: Request) -> dict:
    """Load the build index/CURRENT names now (``assistant reload`` calls this)."""
    if not from_loopback(request):
        raise HTTPException(403, "Reloading is only allowed from the server's own machine.")
    outcome = await request.app.state.reloader.acheck(force=True)
    return {"status": outcome.status, "build": outcome.build, "detail": outcome.detail}
