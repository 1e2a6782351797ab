"""Request and response shapes of the JSON API (they are also the OpenAPI schema)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

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
        max_length=20,
        description="Earlier questions of this conversation, oldest first; nothing is stored on the server.",
    )


class DocumentInfo(BaseModel):
    id: str
    title: str
    source: str
    author: str = ""
    publisher: str = ""
    date: str = ""
    licence: str = ""
    format: str = ""
    edition: str = Field("", description="Short hash of the document text that start/end refer to.")


class QuoteOut(BaseModel):
    id: str = Field(..., description="The passage id (for /api/passages/{id}/context).")
    text: str = Field(..., description="An exact slice of the document's normalised text.")
    highlights: list[list[int]] = Field(..., description="[start, end] offsets in text of the best-matching sentences.")
    document: DocumentInfo
    section: str | None
    section_id: str | None
    page: str | None = Field(..., description="Printed page(s), e.g. '23' or '12–13'.")
    pdf_page: int | None
    start: int = Field(..., description="Offset of text in the document's normalised text.")
    end: int
    score: float
    citation: str
    link: str


class SignpostLink(BaseModel):
    text: str
    href: str = Field(..., description="An http(s) address.")


class Signpost(BaseModel):
    title: str
    text: str
    links: list[SignpostLink]


class AskResponse(BaseModel):
    question: str
    answered: bool
    message: str
    quotes: list[QuoteOut]
    interpreted_as: str | None = Field(None, description="The text searched when a follow-up was read with the previous question.")
    confidence: float
    missing: list[str] = Field(
        default_factory=list,
        description="Content words of the question that none of the quotes mentions (after stemming and the glossary); [] when all are covered.",
    )
    signpost: Signpost | None = Field(
        None, description="Where to get help now: set on every abstention and every question that reads as a worry about a child."
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
    passage: QuoteOut
    before: list[QuoteOut]
    after: list[QuoteOut]


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
