"""Filters as query parameters (the GET routes and the forms), and GET /api/facets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import ValidationError

from assistant.ingest import library
from assistant.ingest.library import Facets, Filters, Scope
from assistant.server.routes.deps import IndexDep
from assistant.server.routes.schemas import ERRORS
from assistant.settings import readable_errors

router = APIRouter()


def make_filters(**fields) -> Filters:
    """A Filters from loose values (query parameters, form fields); bad values are a readable 422."""
    fields = {k: v for k, v in fields.items() if v not in (None, "", [])}
    for key in ("year_from", "year_to"):
        if isinstance(fields.get(key), str):
            fields[key] = fields[key].strip() or None
    try:
        return Filters(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        problems = readable_errors(exc.errors(), positions=False, whole="filter")
        raise HTTPException(422, f"The filter is not valid ({problems}).") from None


def filters_query(
    documents: list[str] = Query([], description="Only these documents (ids; repeat the parameter)."),
    kinds: list[str] = Query([], description="Only these kinds: " + ", ".join(library.KINDS) + "."),
    publishers: list[str] = Query([], description="Only these publishers."),
    # Text, so a form's empty year field means "any year" rather than an error.
    year_from: str | None = Query(None, description="Published in or after this year (four digits)."),
    year_to: str | None = Query(None, description="Published in or before this year (four digits)."),
) -> Filters:
    return make_filters(
        documents=[d for d in documents if d],
        kinds=[k for k in kinds if k],
        publishers=[p for p in publishers if p],
        year_from=year_from,
        year_to=year_to,
    )


FiltersDep = Annotated[Filters, Depends(filters_query)]


def scope_of(index, filters: Filters | None) -> tuple[set[str] | None, Scope | None]:
    """The documents a filter allows and the scope to report with the answer; an unknown
    document id is a readable 422."""
    try:
        ids = library.matching(index, filters)
    except library.UnknownDocument as exc:
        raise HTTPException(exc.http_status, str(exc)) from None
    if ids is None:
        return None, None
    return ids, Scope(filters=filters, documents=len(ids))


@router.get("/api/facets", response_model=Facets, responses=ERRORS, tags=["documents"])
def facets(index: IndexDep, filters: FiltersDep, request: Request) -> Facets:
    """How many documents of each kind, publisher and year the library holds under the filter."""
    from assistant.server import profiles

    ids, _ = scope_of(index, profiles.narrow(request, filters))
    return library.facets(library.table(index), ids)


def form_filters(fields: Mapping) -> Filters | None:
    """The "Search in" choices of a posted form (one value each; empty means all)."""
    names = ("documents", "kinds", "publishers", "year_from", "year_to")
    if not any(str(fields.get(n) or "").strip() for n in names):
        return None
    return make_filters(**{n: str(fields.get(n) or "").strip() for n in names})


def summary(index, filters: Filters | None) -> str:
    """The filter in words, for the page: "all documents" or "local reviews, 2020 to 2023"."""
    if filters is None or not filters.active:
        return "all documents"
    parts = [index.documents[d].meta.title for d in filters.documents if d in index.documents]
    parts += [library.KINDS[k] for k in filters.kinds]
    parts += filters.publishers
    years = (filters.year_from, filters.year_to)
    if all(years):
        parts.append(f"{years[0]} to {years[1]}")
    elif years[0]:
        parts.append(f"from {years[0]}")
    elif years[1]:
        parts.append(f"up to {years[1]}")
    return ", ".join(parts)


def query_string(filters: Filters | None) -> str:
    """The filter as query parameters ("&kinds=briefing&year_from=2020"), for links that keep it."""
    from urllib.parse import urlencode

    if filters is None or not filters.active:
        return ""
    data = filters.model_dump(exclude_defaults=True)
    pairs = [(k, v) for k, vs in data.items() for v in (vs if isinstance(vs, list) else [vs])]
    return "&" + urlencode(pairs)


def search_in(index, filters: Filters | None, by_document: bool = True) -> dict:
    """What the "Search in" fieldset shows: the choices with their counts, and the current filter."""
    counts = library.facets(library.table(index))
    ids = None
    if filters is not None and filters.active:
        try:
            ids = library.matching(index, filters)
        except library.UnknownDocument:
            filters = None
    return {
        "filters": filters or Filters(),
        "query": query_string(filters),
        "summary": summary(index, filters),
        "matched": None if ids is None else len(ids),
        "documents": [{"id": d.id, "title": d.meta.title} for d in index.documents.values()] if by_document else [],
        "kinds": counts.kinds,
        "publishers": counts.publishers,
    }
