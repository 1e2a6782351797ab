"""The quotation finder: /quotes and GET /api/search, the /documents browse pages, basket exports.

Search and browse are server-rendered GET pages, so they work without JavaScript;
``web/static/basket.js`` adds the quote basket, kept in the browser only.
"""

from __future__ import annotations

import json
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt

from assistant import exports, quotes
from assistant.answers import clean_question, document_info
from assistant.routes.api import check_text
from assistant.routes.schemas import ERRORS, QuoteOut, Text

router = APIRouter()

Mode = Literal["phrase", "words", "meaning"]
Length = Literal["sentence", "context", "passage"]
Order = Literal["relevance", "position"]
PAGE_SIZE = 50
MODE_LABELS = {"phrase": "Exact phrase", "words": "All these words", "meaning": "Similar meaning"}
LENGTH_LABELS = {"sentence": "Sentence", "context": "With the sentences around it", "passage": "Whole passage"}


class SearchResult(QuoteOut):
    match: list[int] = Field(..., description="[start, end] offsets of the matched words (or best sentence) in the document text.")


class SearchResponse(BaseModel):
    query: str
    mode: Mode
    order: Order
    length: Length
    count: int = Field(..., description="Every match (meaning: every passage above the relevance bar); results holds the page asked for (offset, limit).")
    offset: int
    limit: int
    results: list[SearchResult]
    suggestions: list[str] = Field(default_factory=list, description="Did you mean: an exact phrase with no match, respelled with the documents' own words.")


def _index(request: Request):
    return request.app.state.assistant.index


def run_search(request: Request, q: str, mode: str, document: str | None, section: str | None,
               order: str, length: str, limit: int, offset: int, index=None) -> dict:
    """Validate and run a search over ``index`` (the request's one snapshot); SearchError and
    bad input become a readable 422."""
    settings = request.app.state.settings
    check_text("q", q, document or "", section or "")
    if len(q) > settings.max_question_chars:
        raise HTTPException(422, f"The search is too long: please use at most {settings.max_question_chars} characters.")
    text = clean_question(q)
    if not text:
        raise HTTPException(422, "Please type something to search for.")
    assistant = request.app.state.assistant
    query = quotes.Query(text, mode, document or None, section or None, order, length, limit, offset)
    try:
        return quotes.search(index or assistant.index, assistant.encoder, query, assistant.similar)
    except quotes.SearchError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/api/search", response_model=SearchResponse, responses=ERRORS, tags=["quotes"])
def api_search(
    request: Request,
    q: str = Query(..., description="The phrase, words or question to search for."),
    mode: Mode = Query("phrase", description="phrase: exact wording; words: every word in one sentence; meaning: semantic."),
    document: str | None = Query(None, description="Only this document (its id)."),
    section: str | None = Query(None, description="Only this section: its id, or 'document-id:section-id'."),
    order: Order = Query("relevance"),
    length: Length = Query("sentence", description="Quote the sentence, the sentence with its neighbours, or the passage."),
    limit: int = Query(PAGE_SIZE, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict:
    """Find quotes: ``{"query", "mode", "count", "results"}``; each result is shaped like a quote of /api/ask."""
    return run_search(request, q, mode, document, section, order, length, limit, offset)


# ---------------------------------------------------------------- the /quotes page


def segments(text: str, highlights: list[list[int]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, highlighted) runs, for the template to escape and mark."""
    out, pos = [], 0
    for a, b in sorted(highlights):
        a = max(a, pos)
        if b > a:
            out += [(text[pos:a], False), (text[a:b], True)]
            pos = b
    out.append((text[pos:], False))
    return [s for s in out if s[0]]


def with_variants(index, result: dict) -> dict:
    """A result with its three lengths, each ready to show (the page lets you pick per result)."""
    table = quotes.tables(index)[result["document"]["id"]]
    s, e = result["match"]
    marks = [(result["start"] + a, result["start"] + b) for a, b in result["highlights"]]
    match = quotes.Match(table.doc.id, s, e, result["score"], marks)
    variants = {}
    for length in quotes.LENGTHS:
        v = result if length == result.get("length") else quotes.to_quote(index, table, match, length)
        variants[length] = dict(v, segments=segments(v["text"], v["highlights"]))
    return dict(result, variants=variants)


def section_choices(index) -> list[dict]:
    return [
        {"id": d.id, "title": d.meta.title,
         "sections": [{"value": f"{d.id}:{s.id}", "title": s.title, "level": s.level} for s in d.sections]}
        for d in index.documents.values()
    ]


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(
    request: Request,
    q: str = "",
    mode: str = "phrase",
    document: str = "",
    section: str = "",
    order: str = "relevance",
    length: str = "sentence",
    page: int = 1,
) -> HTMLResponse:
    """Search form and results, rendered on the server (GET), so it works without JavaScript."""
    # Unknown choices fall back to the defaults rather than failing the page.
    mode = mode if mode in quotes.MODES else "phrase"
    order = order if order in quotes.ORDERS else "relevance"
    length = length if length in quotes.LENGTHS else "sentence"
    page = max(1, min(page, 1000))
    form = {"q": q, "mode": mode, "document": document, "section": section, "order": order, "length": length}
    context = {"form": form, "error": None, "found": None, "results": [], "page": page}
    status = 200
    index = _index(request)  # one snapshot for the whole page, even while a new build is swapped in
    if q.strip():
        try:
            found = run_search(request, q, mode, document, section, order, length, PAGE_SIZE,
                               (page - 1) * PAGE_SIZE, index)
            for r in found["results"]:
                r["length"] = length
            context["results"] = [with_variants(index, r) for r in found["results"]]
            context["found"] = found
        except HTTPException as exc:
            status, context["error"] = exc.status_code, str(exc.detail)
    return render(request, "quotes.html", status, active="quotes", page_size=PAGE_SIZE,
                  modes=MODE_LABELS, lengths=LENGTH_LABELS, choices=section_choices(index), **context)


from assistant.routes.pages import render  # noqa: E402 - one render for every page


# ---------------------------------------------------------------- exports


class ExportItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc_id: Text
    start: StrictInt = Field(..., ge=0)
    end: StrictInt = Field(..., ge=1)
    edition: Text | None = Field(None, max_length=64, description="The document edition the offsets refer to.")


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[ExportItem] = Field(..., min_length=1, max_length=exports.MAX_ITEMS)
    format: Literal["md", "txt", "csv", "html", "docx"] = "md"
    style: Literal["harvard", "plain"] = "harvard"
    title: Text | None = Field(None, max_length=exports.MAX_TITLE, description="The handout's title (default: Quotations and the date).")


def export_response(request: Request, items: list[dict], fmt: str, style: str, title: str | None = None) -> Response:
    try:
        organisation = request.app.state.settings.organisation
        data, media, name = exports.export(_index(request), items, fmt, style, title, organisation)
    except exports.ExportError as exc:
        raise HTTPException(422, str(exc)) from exc
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(data, media_type=media, headers=headers)


@router.post("/api/export", tags=["quotes"], response_class=Response, responses=ERRORS)
def api_export(body: ExportRequest, request: Request) -> Response:
    """The basket as a file; the server re-slices each (doc_id, start, end) from the index."""
    return export_response(request, [i.model_dump() for i in body.items], body.format, body.style, body.title)


@router.post("/quotes/export", include_in_schema=False)
async def form_export(request: Request) -> Response:
    """The same export from a form post: basket.js fills ``items`` with JSON [doc_id, start, end] triples."""
    try:
        form = await request.form()
        raw = json.loads(str(form.get("items", "")))
        raw = [dict(zip(("doc_id", "start", "end", "edition"), i)) if isinstance(i, list) else i for i in raw]
        title = str(form.get("title") or "")[: exports.MAX_TITLE] or None
        body = ExportRequest(items=raw, format=str(form.get("format", "md")), style=str(form.get("style", "harvard")), title=title)
    except Exception as exc:  # malformed form or JSON: readable, never a traceback
        raise HTTPException(422, "The basket could not be read; please add the quotes again.") from exc
    return export_response(request, [i.model_dump() for i in body.items], body.format, body.style, body.title)


# ---------------------------------------------------------------- browse


def section_blocks(doc, mark: tuple[int, int] | None = None) -> tuple[list[dict], list[dict]]:
    """The document cut at each heading (text before the first heading, then each section's
    own text) and the table of contents as a tree. Heading levels follow the nesting, so they
    never skip a level (h2 for top sections, under the page's h1). ``mark`` (start, end) is a
    passage to highlight ("Read in context" from the chat)."""
    text = doc.text
    cuts = [s.start for s in doc.sections]
    blocks: list[dict] = []
    if not cuts or cuts[0] > 0:
        blocks.append({"section": None, "paragraphs": _paragraphs(text, 0, cuts[0] if cuts else len(text), mark)})
    toc: list[dict] = []
    stack: list[tuple[int, dict]] = []  # (level, node)
    for i, s in enumerate(doc.sections):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        head_end = text.find("\n", s.start, end)
        while stack and stack[-1][0] >= s.level:
            stack.pop()
        node = {"section": s, "children": []}
        (stack[-1][1]["children"] if stack else toc).append(node)
        stack.append((s.level, node))
        paragraphs = [] if head_end < 0 else _paragraphs(text, head_end, end, mark)
        blocks.append({"section": s, "heading": min(6, len(stack) + 1), "paragraphs": paragraphs})
    return blocks, toc


def _paragraphs(text: str, start: int, end: int, mark: tuple[int, int] | None) -> list[list[list[tuple[str, bool]]]]:
    """Paragraphs of ``text[start:end]`` as lines, each line as (piece, highlighted) runs."""
    out, para, pos = [], [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            a, b = pos, pos + len(line)
            para.append(segments(line, [[mark[0] - a, mark[1] - a]]) if mark and mark[0] < b and mark[1] > a else [(line, False)])
        elif para:
            out.append(para)
            para = []
        pos += len(line) + 1
    if para:
        out.append(para)
    return out


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request) -> HTMLResponse:
    docs = [dict(document_info(d), sections=len(d.sections), description=d.meta.description)
            for d in _index(request).documents.values()]
    return render(request, "documents.html", active="documents", documents=docs)


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(doc_id: str, request: Request, start: str = "", end: str = "") -> HTMLResponse:
    doc = _index(request).documents.get(doc_id)
    if doc is None:
        return render(request, "document_missing.html", 404, active="documents")
    # A passage to highlight; offsets that are not in the text are ignored, not an error.
    a, b = (int(x) if x.isdigit() else -1 for x in (start, end))
    mark = (a, b) if 0 <= a < b <= len(doc.text) else None
    blocks, toc = section_blocks(doc, mark)
    return render(request, "document.html", active="documents", doc=doc, info=document_info(doc),
                  blocks=blocks, toc=toc, mark=mark)
