"""What ingest says about each document it read: pages, passages, sections, the title,
author and date with where each came from, and what an operator should check (pages
without text, no running heads, a reference list and where it is)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.ingest import backmatter
from assistant.ingest.documents import Document, page_text


@dataclass
class Place:
    """Where a stretch of back matter is (a reference list, licence text)."""

    kind: str
    label: str
    pages: str | None  # printed page labels, "23" or "12–13"
    section: str | None  # its section's title, when it starts with one


@dataclass
class Summary:
    """One document as read, for the terminal and ``ingest --json`` (``dataclasses.asdict``)."""

    id: str
    format: str
    source: str
    pages: int
    passages: int
    sections: int
    title: str
    author: str
    date: str
    origin: dict[str, str]  # field -> where it was found
    scanned: list[int]
    back_matter: list[Place]
    warnings: list[str]


def of(doc: Document, passages: int) -> Summary:
    """The summary of one document as read."""
    meta = doc.meta
    return Summary(
        id=doc.id,
        format=doc.format,
        source=doc.source,
        pages=len({p.index for p in doc.pages}),
        passages=passages,
        sections=len(doc.sections),
        title=meta.title,
        author=meta.author,
        date=meta.date,
        origin=dict(meta.origin),
        scanned=list(doc.scanned),
        back_matter=[_where(doc, start, end, kind) for start, end, kind in doc.back_matter],
        warnings=warnings(doc),
    )


def _where(doc: Document, start: int, end: int, kind: str) -> Place:
    pages = doc.pages_for(start, end)
    labels = (pages[0].label or str(pages[0].index), pages[-1].label or str(pages[-1].index)) if pages else None
    section = doc.section_at(start)
    return Place(
        kind,
        backmatter.LABELS[kind],
        page_text(labels) if labels else None,
        section.title if section and section.start <= start else None,
    )


def warnings(doc: Document) -> list[str]:
    """What the operator should know: the reader's own warnings, then what the result shows."""
    out = list(doc.warnings)
    if doc.scanned:
        pages = ", ".join(str(n) for n in doc.scanned)
        out.append(f"text recognised from a scan (OCR) on page{'s' if len(doc.scanned) > 1 else ''} {pages}")
    for start, end, kind in doc.back_matter:
        where = _where(doc, start, end, kind)
        if where.pages:
            place = f"page{'s' if '–' in where.pages else ''} {where.pages}"
        else:
            place = f"“{where.section}”" if where.section else "in the text"
        out.append(f"{where.label}: {place} (never quoted as an answer)")
    if meta_origin(doc, "title") == "file name":
        out.append("no title found in the document: titled from the file name")
    if not doc.meta.date:
        out.append("no date found: citations say (n.d.)")
    return out


def meta_origin(doc: Document, field: str) -> str:
    return doc.meta.origin.get(field, "")


def lines(s: Summary) -> list[str]:
    """The summary as a few lines of text."""
    counts = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in ((s.pages, "page"), (s.passages, "passage"), (s.sections, "section"))
        if n or word != "page"
    )
    out = [f"{s.id} ({s.format}): {counts}"]
    for field, value in (("title", s.title), ("author", s.author), ("date", s.date)):
        if value:
            out.append(f"  {field}: {value} ({s.origin.get(field, 'document')})")
    out.extend(f"  warning: {w}" for w in s.warnings)
    return out
