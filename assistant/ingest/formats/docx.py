"""DOCX reader (python-docx): Heading N styles become sections, lists and tables stay readable,
core properties give the metadata.

A DOCX is a zip: before python-docx opens it, the sizes its parts say they unpack to, how
many times their packed size that is, and the bytes they really unpack to are all checked
against the caps, so a zip bomb is refused after reading its directory, not its contents.
"""

from __future__ import annotations

import io
import re

from assistant.ingest.formats.base import Block, DocumentError, ReadLimits, over_cap, size

_HEADING = re.compile(r"^heading\s*(\d)$", re.I)
_RATIO_FROM = 1_048_576  # smaller parts may pack as tightly as they like: they cost little


def read_file(data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
    """A Word document (the registry's reader): its blocks, and the title, author and date of its
    properties unless they are a word processor's placeholder or a login name."""
    from assistant.ingest.formats.metadata import junk_author, junk_title

    blocks, meta = read(data, limits)
    if junk_title(meta.get("title", "")):
        meta.pop("title", None)
    if junk_author(meta.get("author", "")):
        meta.pop("author", None)  # a login name from the word processor
    meta["origin"] = {k: "document properties" for k in ("title", "author", "date") if meta.get(k)}
    return blocks, meta


def read(data: bytes, limits: ReadLimits | None = None) -> tuple[list[Block], dict]:
    import docx

    check_package(data, limits or ReadLimits.from_settings())
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


def check_package(data: bytes, limits: ReadLimits) -> None:
    """Refuse a zip that would unpack past the caps: by its directory, then by what it unpacks to."""
    import zipfile

    cap = limits.docx_max_unzipped_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > limits.docx_max_parts:
                raise over_cap(
                    f"the DOCX file holds {len(parts):,} parts", f"{limits.docx_max_parts:,}", "docx_max_parts"
                )
            declared = sum(p.file_size for p in parts)
            if declared > cap:
                raise over_cap(f"the DOCX file would unpack to {size(declared)}", size(cap), "docx_max_unzipped_bytes")
            for part in parts:
                ratio = part.file_size / max(part.compress_size, 1)
                if part.file_size > _RATIO_FROM and ratio > limits.docx_max_ratio:
                    raise over_cap(
                        f"the DOCX part {part.filename[:80]} unpacks to {ratio:,.0f} times its packed size "
                        "(a zip bomb?)",
                        f"{limits.docx_max_ratio:g} times",
                        "docx_max_ratio",
                    )
            # What a part says it unpacks to can lie; count what it really does, a chunk at a time.
            total = 0
            for part in parts:
                with archive.open(part) as fh:
                    while chunk := fh.read(1_048_576):
                        total += len(chunk)
                        if total > cap:
                            raise over_cap("the DOCX file unpacks to more", size(cap), "docx_max_unzipped_bytes")
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken zip, a bad CRC, an unsupported method: all "damaged"
        raise DocumentError(f"the DOCX file is damaged or not a Word document ({exc.__class__.__name__})") from exc


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
