"""Exports: the quote basket as a file (Markdown, text, CSV, HTML or Word), re-sliced from the index."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt

from assistant.quoting import exports
from assistant.server.routes.deps import IndexDep, SettingsDep
from assistant.server.routes.schemas import ERRORS, Text
from assistant.settings import Settings

router = APIRouter()

if TYPE_CHECKING:
    ExportName = str
else:
    ExportName = Literal[exports.NAMES]  # the exporter table's names: an enum in the OpenAPI document


class ExportItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc_id: Text
    start: StrictInt = Field(..., ge=0)
    end: StrictInt = Field(..., ge=1)
    edition: Text | None = Field(None, max_length=64, description="The document edition the offsets refer to.")


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ExportItem] = Field(..., min_length=1, max_length=exports.MAX_ITEMS)
    format: ExportName = "md"
    style: Literal["harvard", "plain"] = "harvard"
    title: Text | None = Field(
        None,
        max_length=exports.MAX_TITLE,
        description="The handout's title, which also names the file (default: Quotations and the date).",
    )


def export_response(
    index, settings: Settings, items: list[dict], fmt: str, style: str, title: str | None = None
) -> Response:
    try:
        data, media, name = exports.export(index, items, fmt, style, title, settings.organisation)
    except exports.ExportError as exc:
        raise HTTPException(exc.http_status, str(exc)) from exc
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(data, media_type=media, headers=headers)


@router.post("/api/export", tags=["quotes"], response_class=Response, responses=ERRORS)
def api_export(body: ExportRequest, index: IndexDep, settings: SettingsDep, request: Request) -> Response:
    """The basket as a file; the server re-slices each (doc_id, start, end) from the index."""
    from assistant.server import profiles

    profiles.guard(request, index, *(i.doc_id for i in body.items))
    return export_response(index, settings, [i.model_dump() for i in body.items], body.format, body.style, body.title)


@router.post("/quotes/export", include_in_schema=False)
async def form_export(request: Request, index: IndexDep, settings: SettingsDep) -> Response:
    """The same export from a form post: basket.js fills ``items`` with JSON [doc_id, start, end] triples."""
    try:
        form = await request.form()
        raw = json.loads(str(form.get("items", "")))
        raw = [
            dict(zip(("doc_id", "start", "end", "edition"), i, strict=False)) if isinstance(i, list) else i for i in raw
        ]
        title = str(form.get("title") or "")[: exports.MAX_TITLE] or None
        body = ExportRequest(
            items=raw, format=str(form.get("format", "md")), style=str(form.get("style", "harvard")), title=title
        )
    except Exception as exc:  # malformed form or JSON: readable, never a traceback
        raise HTTPException(422, "The basket could not be read; please add the quotes again.") from exc
    from assistant.server import profiles

    profiles.guard(request, index, *(i.doc_id for i in body.items))  # posted by a partner's page: its profile only
    return export_response(index, settings, [i.model_dump() for i in body.items], body.format, body.style, body.title)
