"""Document browsing: /documents lists the documents, /documents/{id} shows one, sections and all."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from assistant.ingest import library
from assistant.ingest.library import Filters
from assistant.quoting.models import DocumentInfo, make_quote, segments
from assistant.server.routes.deps import IndexDep
from assistant.server.routes.facets import FiltersDep, query_string, scope_of, search_in
from assistant.server.routes.pages import render

router = APIRouter()


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
            para.append(
                segments(line, [[mark[0] - a, mark[1] - a]])
                if mark and mark[0] < b and mark[1] > a
                else [(line, False)]
            )
        elif para:
            out.append(para)
            para = []
        pos += len(line) + 1
    if para:
        out.append(para)
    return out


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, index: IndexDep, filters: FiltersDep) -> HTMLResponse:
    """The library, browsed by kind, publisher and year (the facets of /api/facets)."""
    ids, _ = scope_of(index, filters)
    facts = library.table(index)
    counts = passage_counts(index)
    docs = [
        dict(
            DocumentInfo.of(d).model_dump(),
            sections=len(d.sections),
            description=d.meta.description,
            facts=facts[d.id],
            kind_label=library.KINDS[facts[d.id]["kind"]],
            passages=counts.get(d.id, 0),
        )
        for d in index.documents.values()
        if ids is None or d.id in ids
    ]
    return render(
        request,
        "documents.html",
        active="documents",
        documents=docs,
        facets=facet_links(index, facts, filters),
        search_in=search_in(index, filters),
    )


def passage_counts(index) -> dict[str, int]:
    return index.derive("passage_counts", lambda: dict(Counter(p.doc_id for p in index.passages)))


def facet_links(index, facts: dict, filters: Filters) -> list[dict]:
    """Each facet's values as links that narrow the current filter by that value. A group is
    counted under the filter without its own choice, so another kind (or year) stays one click away."""

    def link(**change) -> str:
        return "/documents?" + query_string(filters.model_copy(update=change)).lstrip("&")

    def counts(**without) -> library.Facets:
        return library.facets(facts, library.matching(index, filters.model_copy(update=without)))

    kinds = counts(kinds=[]).kinds
    publishers = counts(publishers=[]).publishers
    years = counts(year_from=None, year_to=None).years
    groups = [
        ("Kind", [(c, link(kinds=[c.value]), c.value in filters.kinds) for c in kinds]),
        ("Publisher", [(c, link(publishers=[c.value]), c.value in filters.publishers) for c in publishers if c.value]),
        (
            "Year",
            [
                (c, link(year_from=y, year_to=y), filters.year_from == filters.year_to == y)
                for c in years
                if c.value
                for y in [int(c.value)]
            ],
        ),
    ]
    return [{"title": t, "values": [{"count": c, "href": h, "current": on} for c, h, on in vs]} for t, vs in groups]


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(doc_id: str, request: Request, index: IndexDep, start: str = "", end: str = "") -> HTMLResponse:
    doc = index.documents.get(doc_id)
    if doc is None:
        return render(request, "document_missing.html", 404, active="documents")
    # A passage to highlight; offsets that are not in the text are ignored, not an error.
    a, b = (int(x) if x.isdigit() else -1 for x in (start, end))
    mark = (a, b) if 0 <= a < b <= len(doc.text) else None
    blocks, toc = section_blocks(doc, mark)
    # The highlighted passage as a quote, so it can go into the basket with its citation.
    passage = make_quote(doc, *mark, [], 0.0, f"{doc.id}:{mark[0]}-{mark[1]}") if mark else None
    return render(
        request,
        "document.html",
        active="documents",
        doc=doc,
        info=DocumentInfo.of(doc),
        blocks=blocks,
        toc=toc,
        mark=mark,
        passage=passage,
    )
