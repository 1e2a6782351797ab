"""The readable formats: one row per format, with the file suffixes and media types that name it
and the reader that reads it. Everything that asks "can this be read, and how" (local files,
downloads, GOV.UK attachments, the docs) asks this table, so a new format is one reader module
in this folder and one row here.

It imports nothing, so any stage may read it without pulling in a reader's libraries."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.ingest.formats.base import Block, ReadLimits


@dataclass(frozen=True)
class Format:
    """One readable format."""

    name: str  # recorded with each document (``Document.format``)
    label: str  # for people, in the docs
    what: str  # in messages: "the server sent an HTML page"
    suffixes: tuple[str, ...]  # the first is given to a download served with one of ``media_types``
    media_types: tuple[str, ...]
    reader: str  # "module:function" in this folder, called as function(data, name, limits)
    kind: str  # what ``sources.sniff`` calls this format's bytes: pdf, docx, html or text
    accepts: tuple[str, ...]  # sniffed kinds read as this format when a server declares it
    attachment: bool = False  # read when a GOV.UK publication lists it (prose, not a data file)

    def read(self, data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
        """The blocks and the metadata the file gives about itself (the reader imported on first use)."""
        module, _, function = self.reader.partition(":")
        reader = getattr(importlib.import_module(f"assistant.ingest.formats.{module}"), function)
        return reader(data, name, limits)


# Plain text comes before Markdown: text of unknown shape is read as plain text.
FORMATS: tuple[Format, ...] = (
    Format(
        name="pdf",
        label="PDF",
        what="a PDF",
        suffixes=(".pdf",),
        media_types=("application/pdf", "application/x-pdf"),
        reader="pdf:read_file",
        kind="pdf",
        accepts=("pdf",),
        attachment=True,
    ),
    Format(
        name="html",
        label="HTML",
        what="an HTML page",
        suffixes=(".html", ".htm"),
        media_types=("text/html", "application/xhtml+xml"),
        reader="html:read_file",
        kind="html",
        accepts=("html", "text"),
        attachment=True,
    ),
    Format(
        name="docx",
        label="Word (DOCX)",
        what="a Word document",
        suffixes=(".docx",),
        media_types=("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        reader="docx:read_file",
        kind="docx",
        accepts=("docx",),
    ),
    Format(
        name="text",
        label="Plain text",
        what="plain text",
        suffixes=(".txt", ".text"),
        media_types=("text/plain",),
        reader="text:read_text_file",
        kind="text",
        accepts=("text", "html"),
    ),
    Format(
        name="markdown",
        label="Markdown",
        what="plain text",
        suffixes=(".md", ".markdown"),
        media_types=("text/markdown", "text/x-markdown"),
        reader="text:read_markdown_file",
        kind="text",
        accepts=("text", "html"),
    ),
)

SUFFIXES: frozenset[str] = frozenset(s for f in FORMATS for s in f.suffixes)
_BY_SUFFIX = {s: f for f in FORMATS for s in f.suffixes}
_BY_MEDIA_TYPE = {m: f for f in FORMATS for m in f.media_types}


def by_suffix(suffix: str) -> Format | None:
    """The format a file suffix names (".PDF" too), or None."""
    return _BY_SUFFIX.get(suffix.lower())


def by_media_type(media_type: str) -> Format | None:
    """The format a Content-Type names (its parameters ignored), or None."""
    return _BY_MEDIA_TYPE.get(media_type.split(";")[0].strip().lower())


def by_kind(kind: str) -> Format | None:
    """The first format whose bytes ``sources.sniff`` calls ``kind``, or None."""
    return next((f for f in FORMATS if f.kind == kind), None)


def by_name(name: str) -> Format:
    return next(f for f in FORMATS if f.name == name)


def markdown_table() -> str:
    """The table of formats docs/ingest.md shows (a test keeps the two the same)."""
    rows = ["| Format | Suffixes | Media types | Reader |", "|---|---|---|---|"]
    for f in FORMATS:
        suffixes = ", ".join(f"`{s}`" for s in f.suffixes)
        types = ", ".join(f"`{m}`" for m in f.media_types)
        rows.append(f"| {f.label} | {suffixes} | {types} | `formats/{f.reader.partition(':')[0]}.py` |")
    return "\n".join(rows)
