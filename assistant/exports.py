"""Quote basket exports: Markdown, plain text, CSV, HTML handout and Word (DOCX).

The browser sends only (doc_id, start, end) per quote; the text is sliced again from
the index here, so an export always holds the exact words of the report, escaped for
the format it is written in.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant import citations
from assistant.citations import Citation
from assistant.index import Index

FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}
STYLES = citations.STYLES
MAX_ITEMS = 150  # a full basket, editions included, still fits the server's 32 KB body limit
MAX_CHARS = 5000  # one quote; a passage is well under this
TITLE = "Quotations"
MAX_TITLE = 120
# One column per fact (docs/quotes.md): "section" is empty when a document has no section of its own.
CSV_HEADER = ["quote", "document", "document kind", "section", "page", "citation", "source URL", "accessed"]


class ExportError(ValueError):
    """An item that does not name a real slice of a document."""


@dataclass
class Item:
    text: str
    citation: Citation  # rendered in the handout's style by each writer


@dataclass
class Handout:
    """What surrounds the quotes: an editable title, the date, the organisation, the sources."""

    title: str = TITLE
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
        page = citations.page_text((pages[0].label, pages[-1].label)) if pages else None
        parts = Citation.of(doc, section.path if section else None, page, pages[0].index if pages else None)
        out.append(Item(text=doc.text[start:end].strip(), citation=parts))
    return out


def available(item: Item, h: Handout) -> str:
    """Harvard's online-source ending, "Available at: URL (Accessed: 30 November 2026)"; plain: the URL."""
    url = item.citation.url
    if not url:
        return ""
    return f" Available at: {url} (Accessed: {h.accessed})." if h.style == "harvard" else f" {url}"


def sources(items: list[Item]) -> list[str]:
    """One line per document, in the order they first appear: the handout's list of sources."""
    seen: dict[str, str] = {}
    for i in items:
        seen.setdefault(i.citation.title, citations.source_line(i.citation))
    return list(seen.values())


def compiled(items: list[Item], h: Handout) -> str:
    by = f" by {h.organisation}" if h.organisation else ""
    n = len(items)
    return f"{n} quotation{'s' if n != 1 else ''} compiled{by} on {h.accessed}."


# ---------------------------------------------------------------- text formats

# Markdown needs escaping only where a character would start markup: emphasis, code, links,
# HTML and entities inline, and headings, lists, rules or quotes at the start of a line.
# Full stops, brackets and dashes inside a sentence are left alone, so the file reads as text.
_MD_INLINE = re.compile(r"([\\`*_<>])")
_MD_LINK_END = re.compile(r"\](?=[(\[:])")  # "[a](b)" would be a link; "[news item]" alone is text
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)](?:\s|$)))")


def md_escape(text: str) -> str:
    text = _MD_LINK_END.sub(r"\\]", _MD_ENTITY.sub("&amp;", _MD_INLINE.sub(r"\\\1", text)))
    return "\n".join(_md_line(line) for line in text.split("\n"))


def _md_line(line: str) -> str:
    m = _MD_LINE_START.match(line)
    if not m:
        return line
    if m.group(2)[0].isdigit():  # "2021. " would start a numbered list: escape its full stop
        n = m.end()
        return line[:n] + "\\" + line[n:]
    return m.group(1) + "\\" + line[m.end(1) :]


def to_markdown(items: list[Item], h: Handout) -> str:
    parts = [f"# {md_escape(h.title)}", "", md_escape(compiled(items, h)), ""]
    for item in items:
        parts += ["> " + line if line else ">" for line in md_escape(item.text).split("\n")]
        cite_md = citations.markdown(item.citation, h.style, md_escape)
        url = item.citation.url
        if url and h.style == "harvard":
            tail = f" Available at: <{url}> (Accessed: {h.accessed})."
        else:
            tail = f" <{url}>" if url else ""
        parts += ["", f"— {cite_md}{tail}", ""]
    parts += ["## Sources", ""] + [f"- {md_escape(line)}" for line in sources(items)] + [""]
    return "\n".join(parts)


def to_text(items: list[Item], h: Handout) -> str:
    parts = [h.title, compiled(items, h), ""]
    for item in items:
        parts += [f"“{item.text}”", f"— {citations.plain(item.citation, h.style)}{available(item, h)}"]
        parts.append("")
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
        cited = citations.plain(c, h.style)
        row = [i.text, c.title, c.kind, c.section or "", c.pages or "", cited, c.url, h.today.isoformat()]
        writer.writerow([csv_cell(v) for v in row])
    return "\ufeff" + buf.getvalue()  # the BOM tells spreadsheet programs it is UTF-8


def to_html(items: list[Item], h: Handout) -> str:
    esc = html.escape
    body = []
    for item in items:
        runs = citations.runs(item.citation, h.style)
        cite_html = "".join(f"<cite>{esc(t)}</cite>" if it else esc(t) for t, it in runs)
        paras = "".join(f"<p>{esc(p)}</p>" for p in item.text.split("\n\n"))
        url = item.citation.url
        if url and h.style == "harvard":
            link = f' Available at: <a href="{esc(url)}">{esc(url)}</a> (Accessed: {esc(h.accessed)}).'
        else:
            link = f' <a href="{esc(url)}">{esc(url)}</a>' if url else ""
        body.append(f"<figure><blockquote>{paras}</blockquote><figcaption>— {cite_html}{link}</figcaption></figure>")
    listed = "".join(f"<li>{esc(line)}</li>" for line in sources(items))
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{esc(h.title)}</title><style>body{{font-family:system-ui,Arial,sans-serif;max-width:40rem;"
        "margin:2rem auto;line-height:1.5}blockquote{border-left:4px solid #b1b4b6;margin:0;padding-left:1rem}"
        "figure{margin:0 0 2rem}</style></head>\n"
        f"<body><h1>{esc(h.title)}</h1>\n<p>{esc(compiled(items, h))}</p>\n"
        + "\n".join(body)
        + f"\n<h2>Sources</h2>\n<ul>{listed}</ul>\n</body></html>\n"
    )


# Characters no XML file may hold: ingest removes them, but an index built before it did, or an
# export title typed by a user, must still never make the Word file fail.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value):
    return _XML_INVALID.sub("", value) if isinstance(value, str) else value


def xml_safe(items: list[Item], h: Handout) -> tuple[list[Item], Handout]:
    """The basket and handout with every XML-invalid character removed."""
    items = [
        Item(_xml_text(i.text), i.citation.model_copy(update={k: _xml_text(v) for k, v in i.citation})) for i in items
    ]
    return items, dataclasses.replace(h, title=_xml_text(h.title), organisation=_xml_text(h.organisation))


def to_docx(items: list[Item], h: Handout) -> bytes:
    from docx import Document as Docx

    items, h = xml_safe(items, h)
    doc = Docx()
    props = doc.core_properties  # python-docx would otherwise say its own name and an old date
    props.title = h.title
    props.author = props.last_modified_by = h.organisation
    props.created = props.modified = dt.datetime.combine(h.today, dt.datetime.now().time()).replace(microsecond=0)
    props.comments = "Exact quotations with their citations."
    doc.add_heading(h.title, level=1)
    doc.add_paragraph(compiled(items, h))
    quote_style = doc.styles["Quote"]  # looked up once: by name it costs a scan per paragraph
    for item in items:
        doc.add_paragraph(item.text, style=quote_style)
        para = doc.add_paragraph("— ")
        for text, italic in citations.runs(item.citation, h.style):
            para.add_run(text).italic = italic
        if item.citation.url:
            para.add_run(available(item, h))
    doc.add_heading("Sources", level=2)
    for line in sources(items):
        doc.add_paragraph(line, style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


Writer = Callable[[list[Item], Handout], str | bytes]
WRITERS: dict[str, Writer] = {"md": to_markdown, "txt": to_text, "csv": to_csv, "html": to_html, "docx": to_docx}


def export(
    index: Index,
    items: list[dict],
    fmt: str,
    style: str = "harvard",
    title: str | None = None,
    organisation: str = "",
    today: dt.date | None = None,
) -> tuple[bytes, str, str]:
    """(content, media type, file name) for the basket in ``fmt``; the file name carries the date."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format: choose one of {', '.join(FORMATS)}.")
    if style not in STYLES:
        raise ExportError("Unknown citation style: choose harvard or plain.")
    today = today or dt.date.today()
    title = " ".join((title or "").split())[:MAX_TITLE] or f"{TITLE}, {today.day} {today:%B %Y}"
    handout = Handout(title=title, organisation=organisation, today=today, style=style)
    data = WRITERS[fmt](resolve(index, items), handout)
    media, ext = FORMATS[fmt]
    return (data if isinstance(data, bytes) else data.encode("utf-8")), media, f"quotes-{today.isoformat()}.{ext}"
