"""Request and response shapes of the JSON API (they are also the OpenAPI schema).

An answer, its quotes and documents are the core's own models (assistant/quoting/models.py)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

from assistant.ingest.library import Facts, Filters
from assistant.quoting.models import DocumentInfo, Quote
from assistant.settings import API_HISTORY

UNREADABLE = "contains characters that are not valid text (for example half of an emoji); please type it again"


def is_text(value: str) -> bool:
    """Text that can be encoded as UTF-8: no lone surrogates (JSON's "\\ud800" or raw bytes ED A0 80),
    which would make the tokenizer fail for every question batched with it."""
    try:
        value.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def readable_text(value: str) -> str:
    if not is_text(value):
        raise ValueError(UNREADABLE)
    return value


Text = Annotated[StrictStr, AfterValidator(readable_text)]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: Text = Field(..., description="The question, in plain words (at most 1,000 characters by default).")
    k: StrictInt | None = Field(None, ge=1, le=10, description="How many quotes at most (default 3).")
    history: list[Text] = Field(
        default_factory=list,
        max_length=API_HISTORY,
        description="Earlier questions of this conversation, oldest first; nothing is stored on the server.",
    )
    filters: Filters | None = Field(None, description="Search only these documents (absent: all of them).")


class ErrorResponse(BaseModel):
    detail: str


class DocumentText(BaseModel):
    id: str
    title: str
    content_hash: str
    text: str


class DocumentSummary(BaseModel):
    document: DocumentInfo
    facts: Facts = Field(..., description="Kind, publisher, year and topics: what filters and facets use.")
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
    notes: list[str] = Field(default_factory=list, description="For operators: what the index lacks, and how to fix it")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse},
    404: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    429: {"model": ErrorResponse},
}
