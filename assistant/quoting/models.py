"""What an answer is made of: Quote, Answer and DocumentInfo, the same models from the core
to the API's ``response_model`` (so the OpenAPI schema is the shape the code builds)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field

from assistant.ingest.documents import Document, page_text
from assistant.ingest.library import Scope
from assistant.quoting import citations
from assistant.quoting.citations import Citation
from assistant.settings import SignpostLink


class DocumentInfo(BaseModel):
    id: str
    title: str
    source: str = Field(..., description="An http(s) address, or empty.")
    author: str = ""
    publisher: str = ""
    date: str = ""
    licence: str = ""
    format: str = ""
    edition: str = Field("", description="Short hash of the document text that start/end refer to.")
    withdrawn: str = Field("", description="The publisher's withdrawal notice, when it withdrew the document.")

    @classmethod
    def of(cls, doc: Document) -> DocumentInfo:
        m = doc.meta
        return cls(
            id=m.id,
            title=m.title,
            source=citations.safe_url(m.source_url),
            author=m.author,
            publisher=m.publisher,
            date=m.date,
            licence=m.licence,
            format=doc.format,
            # Which edition of the text offsets refer to: a basket export checks it.
            edition=doc.content_hash[:12],
            withdrawn=m.withdrawn,
        )


class Quote(BaseModel):
    id: str = Field(..., description="The passage id (for /api/passages/{id}/context).")
    text: str = Field(..., description="An exact slice of the document's normalised text.")
    highlights: list[list[int]] = Field(..., description="[start, end] offsets in text of the best-matching sentences.")
    document: DocumentInfo
    section_path: list[str] = Field(
        default_factory=list, description="Headings from the outermost to the quote's section."
    )
    section_id: str | None
    page: str | None = Field(..., description="Printed page(s), e.g. '23' or '12–13'.")
    pdf_page: int | None
    start: int = Field(..., description="Offset of text in the document's normalised text.")
    end: int
    score: float
    citation: str = Field(
        ..., description="The Harvard citation in Markdown (the title in *asterisks*); see citation_parts."
    )
    citation_parts: Citation = Field(..., description="The citation as data, to render without parsing `citation`.")
    link: str
    notes: list[str] = Field(
        default_factory=list,
        description="What a reader should know about the text: 'text recognised from a scan', 'reference list'.",
    )

    @computed_field(description="section_path for display, joined with ' › '.")  # type: ignore[prop-decorator]
    @property
    def section(self) -> str | None:
        return " › ".join(self.section_path) or None


class Signpost(BaseModel):
    title: str
    text: str
    links: list[SignpostLink]


class Answer(BaseModel):
    model_config = ConfigDict(validate_assignment=True)  # the signpost is set as a dict by signpost.py

    question: str
    answered: bool
    message: str
    quotes: list[Quote] = Field(default_factory=list)
    interpreted_as: str | None = Field(
        None, description="The text searched when a follow-up was read with the previous question."
    )
    confidence: float = 0.0
    missing: list[str] = Field(  # filled by the scoring (evidence.missing)
        default_factory=list,
        description=(
            "Content words of the question that none of the quotes holds by stem, the glossary or meaning "
            "(words of everyday English never appear), and any number or pseudonym the quotes lack; "
            "[] when all are covered."
        ),
    )
    signpost: Signpost | None = Field(
        None,
        description=(
            "Where to get help now: set on every abstention and every question that reads as a worry about a child."
        ),
    )
    scope: Scope | None = Field(None, description="The filter the question was asked within (absent: all documents).")

    def __init__(self, *args, **data):
        # The answering rules build an answer positionally: question, answered, message, quotes...
        super().__init__(**dict(zip(type(self).model_fields, args, strict=False)), **data)

    def to_dict(self) -> dict:
        return self.model_dump()


def segments(text: str, highlights: list[list[int]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, highlighted) runs: the one highlight routine of every page."""
    out, pos = [], 0
    for a, b in sorted(highlights):
        a = max(a, pos)
        if b > a:
            out += [(text[pos:a], False), (text[a:b], True)]
            pos = b
    out.append((text[pos:], False))
    return [s for s in out if s[0]]


def make_quote(doc: Document, start: int, end: int, highlights, score: float, qid: str) -> Quote:
    """A quote is always the exact slice ``doc.text[start:end]``."""
    section = doc.section_at(start)
    pages = doc.pages_for(start, end)
    page = page_text((pages[0].label, pages[-1].label)) if pages else None
    path = list(section.path) if section else []
    pdf_page = pages[0].index if pages else None
    parts = Citation.of(doc, path, page, pdf_page)
    return Quote(
        id=qid,
        text=doc.text[start:end],
        highlights=highlights,
        document=DocumentInfo.of(doc),
        section_path=path,
        section_id=section.id if section else None,
        page=page,
        pdf_page=pdf_page,
        start=start,
        end=end,
        score=round(float(score), 4),
        citation=citations.markdown(parts),
        citation_parts=parts,
        link=parts.url,
        notes=quote_notes(doc, start, end, pages),
    )


SCANNED = "text recognised from a scan"


def quote_notes(doc: Document, start: int, end: int, pages) -> list[str]:
    """Notes for a quote: from a page read by OCR, or from back matter (shown by the finder, labelled)."""
    from assistant.ingest import backmatter

    notes = [SCANNED] if any(p.index in doc.scanned for p in pages) else []
    kind = backmatter.kind_at(doc.back_matter, start, end)
    return notes + ([backmatter.LABELS[kind]] if kind else [])
