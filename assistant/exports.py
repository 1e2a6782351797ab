"""Quote basket exports: Markdown, plain text, CSV, HTML handout and Word (DOCX).

The browser sends only (doc_id, start, end) per quote; the text is sliced again from
the index here, so an export always holds the exact words of the report, escaped for
the format it is written in.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass

from assistant.answers import cite, page_text, source_link
from assistant.index import Index

FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}
STYLES = ("harvard", "plain")
MAX_ITEMS = 150  # a full basket, editions included, still fits the server's 32 KB body limit
MAX_CHARS = 5000  # one quote; a passage is well under this
TITLE = "Quotations"
CSV_HEADER = ["quote", "document", "section", "page", "citation", "source URL"]


class ExportError(ValueError):
    """An item that does not name a real slice of a document."""


@dataclass
class Item:
    text: str
    title: str  # document title
    section: str
    page: str
    citation: str  # Harvard titles are wrapped in *asterisks*
    url: str


def resolve(index: Index, items: list[dict], style: str) -> list[Item]:
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
        section_path = " › ".join(section.path) if section else None
        pages = doc.pages_for(start, end)
        page = page_text((pages[0].label, pages[-1].label)) if pages else None
        out.append(Item(
            text=doc.text[start:end].strip(),
            title=doc.meta.title,
            section=section.title if section else "",
            page=page or "",
            citation=cite(doc, section_path, page, style),
            url=source_link(doc, pages[0].index if pages else None),
        ))
    return out


def plain_citation(item: Item) -> str:
    """The citation without the Markdown asterisks around the title."""
    return item.citation.replace(f"*{item.title}*", item.title)


def _title_parts(item: Item) -> list[tuple[str, bool]]:
    """The citation split into (text, italic) runs."""
    marked = f"*{item.title}*"
    if marked not in item.citation:
        return [(item.citation, False)]
    before, after = item.citation.split(marked, 1)
    return [(before, False), (item.title, True), (after, False)]


# ---------------------------------------------------------------- text formats

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(items: list[Item]) -> str:
    parts = [f"# {TITLE}", ""]
    for item in items:
        parts += ["> " + line if line else ">" for line in md_escape(item.text).split("\n")]
        cite_md = "".join(f"*{md_escape(t)}*" if it else md_escape(t) for t, it in _title_parts(item))
        parts += ["", f"— {cite_md}" + (f" <{item.url}>" if item.url else ""), ""]
    return "\n".join(parts)


def to_text(items: list[Item]) -> str:
    parts = []
    for item in items:
        parts += [f"“{item.text}”", f"— {plain_citation(item)}"]
        parts += [f"Source: {item.url}"] if item.url else []
        parts.append("")
    return "\n".join(parts)


def csv_cell(value: str) -> str:
    """Stop spreadsheets running a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(items: list[Item]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for i in items:
        row = [i.text, i.title, i.section, i.page, plain_citation(i), i.url]
        writer.writerow([csv_cell(v) for v in row])
    return "\ufeff" + buf.getvalue()  # the BOM tells spreadsheet programs it is UTF-8


def to_html(items: list[Item]) -> str:
    esc = html.escape
    body = []
    for item in items:
        cite_html = "".join(f"<cite>{esc(t)}</cite>" if it else esc(t) for t, it in _title_parts(item))
        paras = "".join(f"<p>{esc(p)}</p>" for p in item.text.split("\n\n"))
        link = f' <a href="{esc(item.url)}">{esc(item.url)}</a>' if item.url else ""
        body.append(f"<figure><blockquote>{paras}</blockquote><figcaption>— {cite_html}{link}</figcaption></figure>")
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title><style>body{{font-family:system-ui,Arial,sans-serif;max-width:40rem;"
        "margin:2rem auto;line-height:1.5}blockquote{border-left:4px solid #b1b4b6;margin:0;padding-left:1rem}"
        "figure{margin:0 0 2rem}</style></head>\n<body><h1>" + TITLE + "</h1>\n"
        + "\n".join(body) + "\n</body></html>\n"
    )


def to_docx(items: list[Item]) -> bytes:
    from docx import Document as Docx

    doc = Docx()
    doc.add_heading(TITLE, level=1)
    quote_style = doc.styles["Quote"]  # looked up once: by name it costs a scan per paragraph
    for item in items:
        doc.add_paragraph(item.text, style=quote_style)
        para = doc.add_paragraph("— ")
        for text, italic in _title_parts(item):
            para.add_run(text).italic = italic
        if item.url:
            para.add_run(f" {item.url}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


WRITERS = {"md": to_markdown, "txt": to_text, "csv": to_csv, "html": to_html, "docx": to_docx}


def export(index: Index, items: list[dict], fmt: str, style: str = "harvard") -> tuple[bytes, str, str]:
    """(content, media type, file name) for the basket in ``fmt``."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format: choose one of {', '.join(FORMATS)}.")
    if style not in STYLES:
        raise ExportError("Unknown citation style: choose harvard or plain.")
    data = WRITERS[fmt](resolve(index, items, style))
    media, ext = FORMATS[fmt]
    return (data if isinstance(data, bytes) else data.encode("utf-8")), media, f"quotes.{ext}"
