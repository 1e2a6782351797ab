"""The quotation finder page: /quotes, a search form and its results rendered on the server.

It is a GET page, so it works without JavaScript; ``web/static/basket.js`` adds the quote
basket, kept in the browser only.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from assistant.quoting import quotes
from assistant.server import insights
from assistant.server.routes.api import check_text
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.facets import FiltersDep, scope_of, search_in
from assistant.server.routes.pages import render
from assistant.server.routes.search import PAGE_SIZE, run_search

router = APIRouter()

MODE_LABELS = {mode.value: finder.label for mode, finder in quotes.FINDERS.items()}
LENGTH_LABELS = {"sentence": "Sentence", "context": "With the sentences around it", "passage": "Whole passage"}


def with_variants(index, result: dict) -> dict:
    """A result with its three lengths, each ready to show (the page lets you pick per result)."""
    table = quotes.tables(index)[result["document"]["id"]]
    s, e = result["match"]
    marks = [(result["start"] + a, result["start"] + b) for a, b in result["highlights"]]
    match = quotes.Match(table.doc.id, s, e, result["score"], marks)
    variants = {}
    for length in quotes.LENGTHS:
        v = result if length == result.get("length") else quotes.to_quote(index, table, match, length)
        variants[length] = v
    return dict(result, variants=variants)


def section_choices(index) -> list[dict]:
    return [
        {
            "id": d.id,
            "title": d.meta.title,
            "sections": [{"value": f"{d.id}:{s.id}", "title": s.title, "level": s.level} for s in d.sections],
        }
        for d in index.documents.values()
    ]


def browsed_title(index, document: str, section: str) -> str:
    """What is being browsed, for the heading: "Section" in "Document", or the document's title."""
    doc_part, _, sec_part = section.rpartition(":")
    doc = index.documents.get(doc_part or document)
    if doc is None:
        return ""
    found = next((s for s in doc.sections if s.id == sec_part), None) if section else None
    return f"“{found.title}” in {doc.meta.title}" if found else doc.meta.title


def _show(context: dict[str, Any], index, found: dict, length: str) -> None:
    for r in found["results"]:
        r["length"] = length
    context["results"] = [with_variants(index, r) for r in found["results"]]
    context["found"] = found


def _find(context: dict[str, Any], request: Request, assistant, settings, index, filters, form: dict, page: int) -> int:
    """The results for the page's words, found as the API finds them; the status to answer with."""
    try:
        found = run_search(
            assistant,
            settings,
            index,
            form["q"],
            form["mode"],
            form["document"],
            form["section"],
            form["order"],
            form["length"],
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
            filters,
        )
        _show(context, index, found, form["length"])
        insights.count_search(request, form["q"], found)
    except HTTPException as exc:
        context["error"] = str(exc.detail)
        return exc.status_code
    return 200


def _browse(context: dict[str, Any], index, filters, form: dict, page: int) -> int:
    """The chosen document or section in order, a page of it; the status to answer with."""
    document, section = form["document"], form["section"]
    try:
        check_text("section", document, section)
        within, _ = scope_of(index, filters)
        query = quotes.Query(
            "", document=document or None, section=section or None, length=form["length"], within=within
        )
        query.limit, query.offset = PAGE_SIZE, (page - 1) * PAGE_SIZE
        _show(context, index, quotes.browse(index, query), form["length"])
        context["browsing"] = browsed_title(index, document, section)
    except (HTTPException, quotes.SearchError) as exc:
        context["error"] = str(exc.detail if isinstance(exc, HTTPException) else exc)
        return exc.status_code if isinstance(exc, HTTPException) else exc.http_status
    return 200


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(
    request: Request,
    assistant: AssistantDep,
    settings: SettingsDep,
    index: IndexDep,  # one snapshot for the whole page, even while a new build is swapped in
    filters: FiltersDep,
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
    context: dict[str, Any] = {
        "form": form,
        "error": None,
        "found": None,
        "results": [],
        "page": page,
        "browsing": None,
    }
    status = 200
    if q.strip():
        status = _find(context, request, assistant, settings, index, filters, form, page)
    elif document or section:  # no words: browse the chosen part in order
        status = _browse(context, index, filters, form, page)
    return render(
        request,
        "quotes.html",
        status,
        active="quotes",
        page_size=PAGE_SIZE,
        modes=MODE_LABELS,
        lengths=LENGTH_LABELS,
        choices=section_choices(index),
        search_in=search_in(index, filters, by_document=False),
        **context,
    )
