"""The search API: GET /api/search finds quotes by phrase, words or meaning."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from assistant import quotes
from assistant.answers import Assistant, clean_question
from assistant.models import Quote
from assistant.routes.api import check_text
from assistant.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.routes.schemas import ERRORS
from assistant.settings import Settings

router = APIRouter()

Mode = Literal["phrase", "words", "meaning"]
Length = Literal["sentence", "context", "passage"]
Order = Literal["relevance", "position"]
PAGE_SIZE = 50


class SearchResult(Quote):
    match: list[int] = Field(
        ..., description="[start, end] offsets of the matched words (or best sentence) in the document text."
    )


class SearchResponse(BaseModel):
    query: str
    mode: Mode
    order: Order
    length: Length
    count: int = Field(
        ...,
        description=(
            "Every match (meaning: every passage above the relevance bar); results holds the page "
            "asked for (offset, limit)."
        ),
    )
    offset: int
    limit: int
    results: list[SearchResult]
    suggestions: list[str] = Field(
        default_factory=list,
        description="Did you mean: an exact phrase with no match, respelled with the documents' own words.",
    )


def run_search(
    assistant: Assistant,
    settings: Settings,
    index,
    q: str,
    mode: str,
    document: str | None,
    section: str | None,
    order: str,
    length: str,
    limit: int,
    offset: int,
) -> dict:
    """Validate and run a search over ``index`` (the request's one snapshot); SearchError and
    bad input become a readable 422."""
    check_text("q", q, document or "", section or "")
    if len(q) > settings.max_question_chars:
        raise HTTPException(
            422, f"The search is too long: please use at most {settings.max_question_chars} characters."
        )
    text = clean_question(q)
    if not text:
        raise HTTPException(422, "Please type something to search for.")
    query = quotes.Query(text, mode, document or None, section or None, order, length, limit, offset)
    try:
        return quotes.search(index, assistant.encoder, query, assistant.similar)
    except quotes.SearchError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/api/search", response_model=SearchResponse, responses=ERRORS, tags=["quotes"])
def api_search(
    assistant: AssistantDep,
    settings: SettingsDep,
    index: IndexDep,
    q: str = Query(..., description="The phrase, words or question to search for."),
    mode: Mode = Query(
        "phrase", description="phrase: exact wording; words: every word in one sentence; meaning: semantic."
    ),
    document: str | None = Query(None, description="Only this document (its id)."),
    section: str | None = Query(None, description="Only this section: its id, or 'document-id:section-id'."),
    order: Order = Query("relevance"),
    length: Length = Query(
        "sentence", description="Quote the sentence, the sentence with its neighbours, or the passage."
    ),
    limit: int = Query(PAGE_SIZE, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict:
    """Find quotes: ``{"query", "mode", "count", "results"}``; each result is shaped like a quote of /api/ask."""
    return run_search(assistant, settings, index, q, mode, document, section, order, length, limit, offset)
