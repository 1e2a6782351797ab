"""The search API: GET /api/search finds quotes by phrase, words or meaning."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from assistant.answering.answers import Assistant, clean_question
from assistant.ingest.library import Filters, Scope
from assistant.quoting import quotes
from assistant.quoting.models import Quote
from assistant.server import profiles
from assistant.server.routes.api import check_text
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.facets import FiltersDep, scope_of
from assistant.server.routes.schemas import ERRORS, Text
from assistant.settings import Settings

router = APIRouter()

if TYPE_CHECKING:
    Mode = str
else:
    Mode = Literal[quotes.MODES]  # the finder's modes (quotes.Mode): an enum in the OpenAPI document
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
    scope: Scope | None = Field(
        None, description="The filter searched within (absent: all documents); scope.documents 0: nothing matched it."
    )


class SearchRequest(BaseModel):
    """POST /api/search: the GET parameters as a JSON body, with ``filters`` as /api/ask takes them."""

    model_config = ConfigDict(extra="forbid")

    q: Text = Field(..., description="The phrase, words or question to search for.")
    mode: Mode = "phrase"
    document: StrictStr | None = None
    section: StrictStr | None = None
    order: Order = "relevance"
    length: Length = "sentence"
    limit: StrictInt = Field(PAGE_SIZE, ge=1, le=1000)
    offset: StrictInt = Field(0, ge=0)
    filters: Filters | None = None


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
    filters: Filters | None = None,
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
    within, scope = scope_of(index, filters)
    query = quotes.Query(text, mode, document or None, section or None, order, length, limit, offset, within)
    if within is not None and not within:
        return {**EMPTY, "query": text, "mode": mode, "order": order, "length": length, "limit": limit,
                "offset": offset, "scope": scope}  # fmt: skip
    try:
        return {**quotes.search(index, assistant.encoder, query, assistant.similar), "scope": scope}
    except quotes.SearchError as exc:
        raise HTTPException(exc.http_status, str(exc)) from exc  # the finder page shows it


EMPTY = {"count": 0, "results": [], "suggestions": []}


@router.get("/api/search", response_model=SearchResponse, responses=ERRORS, tags=["quotes"])
async def api_search(
    request: Request,
    assistant: AssistantDep,
    settings: SettingsDep,
    index: IndexDep,
    filters: FiltersDep,
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
    args = (q, mode, document, section, order, length, limit, offset)
    return await partner_search(request, assistant, settings, index, args, filters)


@router.post("/api/search", response_model=SearchResponse, responses=ERRORS, tags=["quotes"])
async def api_search_post(
    body: SearchRequest, request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep
) -> dict:
    """The same search with a JSON body, and ``filters`` shaped as /api/ask takes them."""
    b = body
    args = (b.q, b.mode, b.document, b.section, b.order, b.length, b.limit, b.offset)
    return await partner_search(request, assistant, settings, index, args, b.filters)


async def partner_search(request: Request, assistant, settings, index, args: tuple, filters: Filters | None) -> dict:
    """A search within the calling partner's profile (if any), counted against its daily cap."""
    from fastapi.concurrency import run_in_threadpool

    filters = profiles.narrow(request, filters)
    if request.state.partner:
        if args[2]:
            profiles.guard(request, index, args[2])  # ``document``: never one outside the profile
        await profiles.spend(request)
    q, mode, document, section, order, length, limit, offset = args
    return await run_in_threadpool(
        run_search, assistant, settings, index, q, mode, document, section, order, length, limit, offset, filters
    )
