"""JSON API: ask, documents, passage context (health checks are in routes/health.py)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from assistant.answering.answers import Assistant, clean_question
from assistant.ingest import library
from assistant.ingest.library import Filters
from assistant.quoting.models import Answer, DocumentInfo, Quote, make_quote
from assistant.server import insights, profiles
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.facets import scope_of
from assistant.server.routes.schemas import (
    ERRORS,
    UNREADABLE,
    AskRequest,
    ContextResponse,
    DocumentSummary,
    DocumentText,
)
from assistant.settings import Settings

router = APIRouter()


def check_text(field: str, *values: str) -> None:
    """A readable 422 for text that is not valid Unicode (a lone surrogate), before any work."""
    from assistant.server.routes.schemas import is_text

    if not all(is_text(v) for v in values):
        raise HTTPException(422, f"{field}: {UNREADABLE}.")


def validate_question(settings: Settings, question: str, history: list[str] | None = None) -> str:
    """Clean a question and check its length; raise a readable 422 otherwise."""
    limit = settings.max_question_chars
    check_text("question", question)
    check_text("history", *(history or []))
    if len(question) > limit:
        raise HTTPException(422, f"The question is too long: please use at most {limit} characters.")
    if any(len(h) > limit for h in history or []):
        raise HTTPException(422, f"An earlier question in history is too long (at most {limit} characters).")
    cleaned = clean_question(question)
    if not cleaned:
        raise HTTPException(422, "Please type a question.")
    return cleaned


def run_ask(
    assistant: Assistant,
    settings: Settings,
    question: str,
    k: int | None,
    history: list[str],
    filters: Filters | None = None,
) -> Answer:
    question = validate_question(settings, question, history)
    doc_ids, scope = scope_of(assistant.index, filters)
    answer = assistant.ask(question, k=k, history=history, doc_ids=doc_ids)
    answer.scope = scope
    return answer


@router.post("/api/ask", response_model=Answer, responses=ERRORS, tags=["answers"])
async def ask(body: AskRequest, request: Request, assistant: AssistantDep, settings: SettingsDep) -> Response:
    """Quote the passages of the report that answer a question, or say that it does not."""
    from fastapi.concurrency import run_in_threadpool

    filters = profiles.narrow(request, body.filters)  # a partner's page: never wider than its profile
    validate_question(settings, body.question, body.history)  # a bad question costs no part of the cap
    await profiles.spend(request)

    def answer_and_count() -> Answer:  # one trip to the thread pool, as a plain ``def`` route had
        answer = run_ask(assistant, settings, body.question, body.k, body.history, filters)
        insights.count_answer(request, answer)
        return answer

    answer = await run_in_threadpool(answer_and_count)
    # Serialised by the model itself: the answer was built as an Answer, so FastAPI's second
    # validation against response_model (a tenth of a request's time under load) is skipped.
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get("/api/documents", response_model=list[DocumentSummary], tags=["documents"])
def documents(index: IndexDep) -> list[dict]:
    """The documents in the index, with their sections."""
    return summaries(index)


def summaries(index) -> list[dict]:
    """Each document of ``index`` with its passage count and sections."""
    counts: dict[str, int] = {}
    for p in index.passages:
        counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
    facts = library.table(index)
    return [
        {
            "document": DocumentInfo.of(doc),
            "facts": facts[doc_id],
            "passages": counts.get(doc_id, 0),
            "sections": [
                {"id": s.id, "title": s.title, "level": s.level, "page": s.page_label, "pdf_page": s.page}
                for s in doc.sections
            ],
        }
        for doc_id, doc in index.documents.items()
    ]


@router.get("/api/documents/{doc_id}/text", response_model=DocumentText, responses=ERRORS, tags=["documents"])
def document_text(doc_id: str, index: IndexDep, request: Request) -> dict:
    """The normalised text of a document: every quote is a slice of it."""
    profiles.guard(request, index, doc_id)
    doc = index.documents.get(doc_id)
    if doc is None:
        raise HTTPException(404, "No document with that id.")
    return {"id": doc.id, "title": doc.meta.title, "content_hash": doc.content_hash, "text": doc.text}


@router.get("/api/passages/{passage_id}/context", response_model=ContextResponse, responses=ERRORS, tags=["documents"])
def passage_context(
    passage_id: str,
    index: IndexDep,
    request: Request,
    before: int = Query(1, ge=0, le=5),
    after: int = Query(1, ge=0, le=5),
) -> dict:
    """A passage with the passages around it, for reading a quote in context."""
    passage = index.passage(passage_id)
    if passage is None:
        raise HTTPException(404, "No passage with that id.")
    profiles.guard(request, index, passage.doc_id)
    doc = index.documents[passage.doc_id]
    around = index.neighbours(passage_id, before, after)

    def as_quote(start: int, end: int, pid: str) -> Quote:
        # Trim the shared sentence of overlapping neighbours, and surrounding whitespace.
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        return make_quote(doc, start, end, [], 0.0, pid)

    i = next(n for n, p in enumerate(around) if p.id == passage_id)
    return {
        "passage": as_quote(passage.start, passage.end, passage.id),
        "before": [as_quote(p.start, min(p.end, passage.start), p.id) for p in around[:i] if p.start < passage.start],
        "after": [as_quote(max(p.start, passage.end), p.end, p.id) for p in around[i + 1 :] if p.end > passage.end],
    }
