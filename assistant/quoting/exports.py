"""Quote basket exports: Markdown, plain text, CSV, HTML handout and Word (DOCX), cited in
Cite Them Right Harvard (citations.in_text after each quote, citations.reference once per source).
The formats are one table, ``EXPORTERS`` at the end: the API's choices, the basket's form and the
docs are built from it.

The browser sends only (doc_id, start, end) per quote; the text is sliced again from
the index here, so an export always holds the exact words of the report, escaped for
the format it is written in.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import html
import io
import itertools
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from assistant.errors import ExportError  # noqa: F401  (raised here; importable from here too)
from assistant.index.store import Index
from assistant.ingest.documents import page_text, slugify
from assistant.quoting import citations
from assistant.quoting.citations import LINK, TITLE, Citation, md_escape, md_link

STYLES = citations.STYLES
MAX_ITEMS = 150  # a full basket, editions included, still fits the server's 32 KB body limit
MAX_CHARS = 5000  # one quote; a passage is well under this
DEFAULT_TITLE = "Quotations"
MAX_TITLE = 120
# One column per fact (docs/quotes.md): "section" is empty when a document has no section of its own.
CSV_HEADER = [
    "quote",
    "document",
    "document kind",
    "section",
    "page",
    "citation",
    "source URL",
    "accessed",
    "reference",
]


@dataclass
class Item:
    text: str
    citation: Citation  # rendered in the handout's style by each writer
    doc_id: str = ""


@dataclass
class Handout:
    """What surrounds the quotes: an editable title, the date, the organisation, the sources."""

    title: str = DEFAULT_TITLE
    organisation: str = ""
    today: dt.date = field(default_factory=dt.date.today)
    style: str = "harvard"

    @property
    def accessed(self) -> str:
        return f"{self.today.day} {self.today:%B %Y}"


def resolve(index: Index, items: list[dict]) -> list[Item]:
    """Re-slice each (doc_id, start, end) from the index; ExportError names the bad one."""
    if not items:
        raise ExportError("The basket is empty.")
    if len(items) > MAX_ITEMS:
        raise ExportError(f"Too many quotes: at most {MAX_ITEMS} at a time.")
    out = []
    for n, raw in enumerate(items, start=1):
        doc = index.documents.get(str(raw.get("doc_id", "")))
        start, end = raw.get("start"), raw.get("end")
        if doc is None:
            raise ExportError(f"Quote {n}: there is no document with that id.")
        if not (type(start) is int and type(end) is int and 0 <= start < end <= len(doc.text)):
            raise ExportError(f"Quote {n}: start and end must be offsets inside the document text.")
        edition = raw.get("edition")
        if edition and not doc.content_hash.startswith(str(edition)):
            raise ExportError(
                f"Quote {n} was collected from an earlier edition of “{doc.meta.title}”: "
                "search for it again and add it anew."
            )
        if end - start > MAX_CHARS:
            raise ExportError(f"Quote {n}: a quote can be at most {MAX_CHARS} characters long.")
        section = doc.section_at(start)
        pages = doc.pages_for(start, end)
        page = page_text((pages[0].label, pages[-1].label)) if pages else None
        parts = Citation.of(doc, section.path if section else None, page, pages[0].index if pages else None)
        out.append(Item(text=doc.text[start:end].strip(), citation=parts, doc_id=doc.meta.id))
    return out


def quoted(text: str) -> list[str]:
    """The quote's paragraphs in quotation marks: an opening mark on each, the closing one on the last."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()] or [""]
    return [f"“{p}" for p in paras[:-1]] + [f"“{paras[-1]}”"]


@dataclass
class Source:
    """One document of the handout's reference list, and where its quotes are in it."""

    reference: list[tuple[str, str]]
    places: dict[str, int] = field(default_factory=dict)  # "p. 23": its quotes there, in the order quoted
    quotes: int = 0

    @property
    def quoted(self) -> str:
        """ "Quoted from p. 23 (2 quotations) and pp. 40–41.", or "1 quotation." when no place is known."""
        if not self.places:
            return f"{self.quotes} quotation{'s' if self.quotes != 1 else ''}."
        named = [f"{p} ({n} quotations)" if n > 1 else p for p, n in self.places.items()]
        return "Quoted from " + " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named) + "."


def sources(items: list[Item], h: Handout) -> list[Source]:
    """The reference list grouped by report: one entry per document, in the order the handout first
    quotes it, each with the pages (or sections) its quotes come from."""
    seen: dict[str, Source] = {}
    for i in items:
        source = seen.setdefault(i.doc_id, Source(citations.reference(i.citation, h.accessed, h.style)))
        source.quotes += 1
        where = citations.place(i.citation)
        if where:
            source.places[where] = source.places.get(where, 0) + 1
    return list(seen.values())


def text_of(runs: list[tuple[str, str]]) -> str:
    return "".join(t for t, _ in runs)


def compiled(items: list[Item], h: Handout) -> str:
    by = f" by {h.organisation}" if h.organisation else ""
    n = len(items)
    return f"{n} quotation{'s' if n != 1 else ''} compiled{by} on {h.accessed}."


def file_name(title: str | None, today: dt.date, ext: str) -> str:
    """The handout's title and date, e.g. ``neglect-training-2026-12-05.docx``: ASCII letters, digits
    and hyphens only, so the name is safe in a header and on any disk."""
    return f"{slugify(title or '', 'quotations')}-{today.isoformat()}.{ext}"


# ---------------------------------------------------------------- text formats


def md_runs(runs: list[tuple[str, str]]) -> str:
    """Citation runs in Markdown: the title in *asterisks*, the link as <URL> (an http(s) URL only,
    percent-encoded: citations.md_link), every other part escaped."""
    return "".join(
        f"*{md_escape(t)}*" if k == TITLE else md_link(t) if k == LINK else md_escape(t) for t, k in runs if t
    )


def to_markdown(items: list[Item], h: Handout) -> str:
    parts = [f"# {md_escape(h.title)}", "", md_escape(compiled(items, h)), ""]
    for item in items:
        paras = [md_escape(p) for p in quoted(item.text)]
        paras[-1] += " " + md_runs(citations.in_text(item.citation, h.style))
        for n, para in enumerate(paras):
            parts += ([">"] if n else []) + ["> " + line if line else ">" for line in para.split("\n")]
        parts.append("")
    parts += ["## References", ""]
    for source in sources(items, h):
        parts += [md_runs(source.reference), "", "- " + md_escape(source.quoted), ""]
    return "\n".join(parts)


def to_text(items: list[Item], h: Handout) -> str:
    parts = [h.title, compiled(items, h), ""]
    for item in items:
        paras = quoted(item.text)
        paras[-1] += " " + text_of(citations.in_text(item.citation, h.style))
        parts += ["\n\n".join(paras), ""]
    parts += ["References", ""] + [f"{text_of(s.reference)}\n    {s.quoted}" for s in sources(items, h)] + [""]
    return "\n".join(parts)


def csv_cell(value: str) -> str:
    """Stop spreadsheets running a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(items: list[Item], h: Handout) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for i in items:
        c = i.citation
        cited = text_of(citations.in_text(c, h.style)).removeprefix("— ")
        ref = text_of(citations.reference(c, h.accessed, h.style))
        row = [i.text, c.title, c.kind, c.section or "", c.pages or "", cited, c.url, h.today.isoformat(), ref]
        writer.writerow([csv_cell(v) for v in row])
    return "\ufeff" + buf.getvalue()  # the BOM tells spreadsheet programs it is UTF-8


def html_runs(runs: list[tuple[str, str]]) -> str:
    esc = html.escape
    return "".join(
        f"<cite>{esc(t)}</cite>" if k == TITLE else f'<a href="{esc(t)}">{esc(t)}</a>' if k == LINK else esc(t)
        for t, k in runs
        if t
    )


def to_html(items: list[Item], h: Handout) -> str:
    esc = html.escape
    body = []
    for item in items:
        paras = [esc(p).replace("\n", "<br>") for p in quoted(item.text)]
        paras[-1] += f' <span class="in-text">{html_runs(citations.in_text(item.citation, h.style))}</span>'
        body.append("<blockquote>" + "".join(f"<p>{p}</p>" for p in paras) + "</blockquote>")
    listed = "\n".join(
        f'<p>{html_runs(s.reference)}</p>\n<ul class="quoted"><li>{esc(s.quoted)}</li></ul>' for s in sources(items, h)
    )
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{esc(h.title)}</title><style>body{{font-family:system-ui,Arial,sans-serif;max-width:40rem;"
        "margin:2rem auto;line-height:1.5}blockquote{border-left:4px solid #b1b4b6;margin:0 0 2rem;padding-left:1rem}"
        ".references p{padding-left:2rem;text-indent:-2rem;margin-bottom:0}.quoted{margin-top:0}</style></head>\n"
        f"<body><h1>{esc(h.title)}</h1>\n<p>{esc(compiled(items, h))}</p>\n"
        + "\n".join(body)
        + f'\n<section class="references"><h2>References</h2>\n{listed}\n</section>\n</body></html>\n'
    )


def docx_runs(para, runs: list[tuple[str, str]]) -> None:
    for text, kind in runs:
        para.add_run(text).italic = kind == TITLE


def a4_en_gb(doc) -> None:
    """A4 pages with 2.5 cm margins, and British English for the spelling checker."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2.5)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "en-GB")
    doc.core_properties.language = "en-GB"


# Characters no XML file may hold: ingest removes them, but an index built before it did, or an
# export title typed by a user, must still never make the Word file fail.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value):
    return _XML_INVALID.sub("", value) if isinstance(value, str) else value


def xml_safe(items: list[Item], h: Handout) -> tuple[list[Item], Handout]:
    """The basket and handout with every XML-invalid character removed."""
    items = [
        dataclasses.replace(
            i, text=_xml_text(i.text), citation=i.citation.model_copy(update={k: _xml_text(v) for k, v in i.citation})
        )
        for i in items
    ]
    return items, dataclasses.replace(h, title=_xml_text(h.title), organisation=_xml_text(h.organisation))


def to_docx(items: list[Item], h: Handout) -> bytes:
    from docx import Document as Docx

    items, h = xml_safe(items, h)
    doc = Docx()
    a4_en_gb(doc)
    props = doc.core_properties  # python-docx would otherwise say its own name and an old date
    props.title = h.title
    props.author = props.last_modified_by = h.organisation
    props.created = props.modified = dt.datetime.combine(h.today, dt.datetime.now().time()).replace(microsecond=0)
    props.comments = "Exact quotations with their citations."
    doc.add_heading(h.title, level=1)
    doc.add_paragraph(compiled(items, h))
    quote_style = doc.styles["Quote"]  # looked up once: by name it costs a scan per paragraph
    for item in items:
        paras = quoted(item.text)
        for para in paras[:-1]:
            doc.add_paragraph(para, style=quote_style)
        last = doc.add_paragraph(paras[-1] + " ", style=quote_style)
        docx_runs(last, citations.in_text(item.citation, h.style))
    doc.add_heading("References", level=2)
    bullet = doc.styles["List Bullet"]
    for source in sources(items, h):
        docx_runs(doc.add_paragraph(), source.reference)
        doc.add_paragraph(source.quoted, style=bullet)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# Word files are built in a few threads of their own: every thread that builds one keeps a malloc
# arena the size of its XML tree, so a burst spread over the server's 40 worker threads kept up to
# 40 of them (docs/operations.md, "Memory under bursts").
DOCX_AT_ONCE = 2
COLLECT_EVERY = 4
_built = itertools.count(1)


def build_apart(writer, items: list[Item], h: Handout):
    """``writer(items, h)`` in a builder thread. python-docx's parts and XML trees refer to each
    other, so a finished file's megabytes wait for a full garbage collection, which a big heap
    puts off for hundreds of files: one runs every COLLECT_EVERY files."""
    try:
        return writer(items, h)
    finally:
        if next(_built) % COLLECT_EVERY == 0:
            gc.collect()


Writer = Callable[[list[Item], Handout], str | bytes]


@dataclass(frozen=True)
class Exporter:
    """One export format."""

    name: str  # the API's ``format`` and the form's value
    label: str  # for people: "Word document"
    suffix: str  # of the file name
    media_type: str
    writer: Writer
    apart: bool = False  # built in BUILDER's threads (python-docx: see DOCX_AT_ONCE)

    @property
    def choice(self) -> str:
        """What the basket's form offers: "Word document (.docx)"."""
        return f"{self.label} (.{self.suffix})"


# In the order the basket's form offers them: a Word document first, what trainers most often want.
EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "docx",
            "Word document",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            to_docx,
            apart=True,
        ),
        Exporter("html", "Handout web page", "html", "text/html; charset=utf-8", to_html),
        Exporter("md", "Markdown", "md", "text/markdown; charset=utf-8", to_markdown),
        Exporter("txt", "Plain text", "txt", "text/plain; charset=utf-8", to_text),
        Exporter("csv", "Spreadsheet", "csv", "text/csv; charset=utf-8", to_csv),
    )
}
NAMES = tuple(EXPORTERS)
BUILDER = ThreadPoolExecutor(DOCX_AT_ONCE, thread_name_prefix="docx-export")


def markdown_table() -> str:
    """The table of exports docs/quotes.md shows (a test keeps the two the same)."""
    rows = ["| `format` | Basket form | File | Media type |", "|---|---|---|---|"]
    rows += [f"| `{e.name}` | {e.choice} | `.{e.suffix}` | `{e.media_type}` |" for e in EXPORTERS.values()]
    return "\n".join(rows)


def export(
    index: Index,
    items: list[dict],
    fmt: str,
    style: str = "harvard",
    title: str | None = None,
    organisation: str = "",
    today: dt.date | None = None,
) -> tuple[bytes, str, str]:
    """(content, media type, file name) for the basket in ``fmt``; the file name is the title's and the date."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ExportError(f"Unknown format: choose one of {', '.join(NAMES)}.")
    if style not in STYLES:
        raise ExportError("Unknown citation style: choose harvard or plain.")
    today = today or dt.date.today()
    typed = " ".join((title or "").split())[:MAX_TITLE]
    title = typed or f"{DEFAULT_TITLE}, {today.day} {today:%B %Y}"
    handout = Handout(title=title, organisation=organisation, today=today, style=style)
    quotes, write = resolve(index, items), exporter.writer
    data = BUILDER.submit(build_apart, write, quotes, handout).result() if exporter.apart else write(quotes, handout)
    name = file_name(typed, today, exporter.suffix)
    return (data if isinstance(data, bytes) else data.encode("utf-8")), exporter.media_type, name
