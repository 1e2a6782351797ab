"""Request and response shapes of the JSON API (they are also the OpenAPI schema).

An answer, its quotes and documents are the core's own models (assistant/models.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from assistant.models import DocumentInfo, Quote


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(..., description="The question, in plain words (at most 1,000 characters by default).")
    k: StrictInt | None = Field(None, ge=1, le=10, description="How many quotes at most (default 3).")
    history: list[StrictStr] = Field(
        default_factory=list,
        max_length=20,
        description="Earlier questions of this conversation, oldest first; nothing is stored on the server.",
    )


class ErrorResponse(BaseModel):
    detail: str


class DocumentText(BaseModel):
    id: str
    title: str
    content_hash: str
    text: str


class DocumentSummary(BaseModel):
    document: DocumentInfo
    passages: int
    sections: list[dict]


class ContextResponse(BaseModel):
    passage: Quote
    before: list[Quote]
    after: list[Quote]


class Health(BaseModel):
    status: str
    documents: int
    passages: int
    build: str


ERRORS = {
    400: {"model": ErrorResponse},
    404: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    429: {"model": ErrorResponse},
}
