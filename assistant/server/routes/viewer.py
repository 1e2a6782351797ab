"""Open in the report: the original PDF at the quote's page, the quoted words marked on it.

The index keeps a copy of every PDF it holds (``index.original_path``), so this works for
documents ingested from a URL and for files moved since. The page is drawn by pdf.js, vendored
from the npm registry by scripts/vendor-pdfjs.sh and served from /static; when the copy or pdf.js
is missing, or the document is not a PDF, the reader is sent to the text version instead.
"""

from __future__ import annotations

from urllib.parse import quote as urlquote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from assistant.index.store import original_path
from assistant.ingest.formats import registry
from assistant.quoting.models import DocumentInfo, make_quote
from assistant.server.routes.deps import IndexDep, SettingsDep
from assistant.server.routes.pages import render

PDF = registry.by_name("pdf")  # the original is served under the format's own suffix and media type

router = APIRouter()

PDFJS = ("vendor/pdfjs/pdf.min.mjs", "vendor/pdfjs/pdf.worker.min.mjs")


def viewer_ready(settings) -> bool:
    return all((settings.web_dir / "static" / f).is_file() for f in PDFJS)


def span(doc, start: str, end: str) -> tuple[int, int] | None:
    """Offsets into the text, or None when they are not a span of it (then no mark, not an error)."""
    a, b = (int(x) if x.isdigit() else -1 for x in (start, end))
    return (a, b) if 0 <= a < b <= len(doc.text) else None


def page_pieces(doc, a: int, b: int) -> list[dict]:
    """The quote cut by PDF page: what to find and mark on each page it spans."""
    out: dict[int, dict] = {}
    for p in doc.pages_for(a, b):
        piece = doc.text[max(a, p.start) : min(b, p.end)].strip()
        if piece:
            out.setdefault(p.index, {"page": p.index, "label": p.label, "pieces": []})["pieces"].append(piece)
    return list(out.values())


def text_link(doc_id: str, where: tuple[int, int] | None) -> str:
    base = f"/documents/{urlquote(doc_id)}"
    return f"{base}?start={where[0]}&end={where[1]}#passage" if where else base


@router.get("/documents/{doc_id}/report", response_class=HTMLResponse, include_in_schema=False)
def report_viewer(
    doc_id: str, request: Request, index: IndexDep, settings: SettingsDep, start: str = "", end: str = ""
) -> Response:
    doc = index.documents.get(doc_id)
    if doc is None:
        return render(request, "document_missing.html", 404, active="documents")
    where = span(doc, start, end)
    if doc.format != "pdf" or not original_path(index.path, doc.id).is_file() or not viewer_ready(settings):
        return RedirectResponse(text_link(doc.id, where), status_code=303)  # the text version instead
    quote = make_quote(doc, *where, [], 0.0, f"{doc.id}:{where[0]}-{where[1]}") if where else None
    pieces = page_pieces(doc, *where) if where else []
    return render(
        request,
        "viewer.html",
        active="documents",
        info=DocumentInfo.of(doc),
        quote=quote,
        pieces=pieces,
        first_page=pieces[0]["page"] if pieces else 1,
        text_url=text_link(doc.id, where),
        pdf_url=f"/documents/{urlquote(doc.id)}/report{PDF.suffixes[0]}",
    )


@router.get("/documents/{doc_id}/report" + PDF.suffixes[0], include_in_schema=False)
def report_pdf(doc_id: str, index: IndexDep) -> Response:
    """The index's copy of an ingested PDF; only ids the index holds, so no other file can be named."""
    doc = index.documents.get(doc_id)
    path = original_path(index.path, doc.id) if doc is not None and doc.format == "pdf" else None
    if doc is None or path is None or not path.is_file():
        raise HTTPException(404, "There is no PDF of that document.")
    headers = {
        "Content-Disposition": f'inline; filename="{doc.id}{PDF.suffixes[0]}"',
        "Cache-Control": "private, max-age=3600",
    }
    return FileResponse(path, media_type=PDF.media_types[0], headers=headers)
