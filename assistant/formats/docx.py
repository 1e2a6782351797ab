"""DOCX reader (python-docx): Heading N styles become sections, lists and tables stay readable,
core properties give the metadata."""

from __future__ import annotations

import io
import re

from assistant.formats.base import Block, DocumentError

_HEADING = re.compile(r"^heading\s*(\d)$", re.I)


def read(data: bytes) -> tuple[list[Block], dict]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors all mean "damaged"
        raise DocumentError(f"the DOCX file is damaged or not a Word document ({exc.__class__.__name__})") from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if item.__class__.__name__ == "Table":
            blocks.extend(_table(item))
        else:
            block = _paragraph(item)
            if block:
                blocks.append(block)
    return blocks, _metadata(document.core_properties)


def _style_level(style) -> tuple[str, int]:
    """(kind, level) from the paragraph style or the style it is based on."""
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return "heading", 1
        match = _HEADING.match(name)
        if match:
            return "heading", max(1, int(match.group(1)))
        if "list" in name.lower():
            return "list_item", 0
        style = style.base_style
    return "paragraph", 0


def _paragraph(paragraph) -> Block | None:
    text = paragraph.text.strip()
    if not text:
        return None
    kind, level = _style_level(paragraph.style)
    if kind == "paragraph" and paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        kind = "list_item"  # numbered or bulleted by direct formatting
    if kind == "paragraph" and paragraph.paragraph_format.element.pPr is not None:
        outline = paragraph._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
        if outline is not None:
            kind, level = (
                "heading",
                int(outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "0")) + 1,
            )
    return Block(text, kind, level)


def _table(table) -> list[Block]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen = None
        for cell in row.cells:
            if cell._tc is seen:
                continue  # a merged cell is listed once for every column it spans; write it once
            seen = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(Block(" | ".join(cells), "table_row"))
    return rows


def _metadata(core) -> dict:
    when = core.created or core.modified
    return {
        k: v
        for k, v in {
            "title": (core.title or "").strip(),
            "author": (core.author or "").strip(),
            "date": when.date().isoformat() if when else "",
            "description": (core.subject or core.comments or "").strip(),
        }.items()
        if v and "python-docx" not in v  # the defaults of python-docx's own template
    }
