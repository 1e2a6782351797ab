"""Format readers: each turns a file's bytes into ``Block``s plus any metadata it carries."""

from __future__ import annotations

from assistant.ingest.formats.base import Block, DocumentError, ReadLimits, over_cap


def read(data: bytes, suffix: str, name: str, limits: ReadLimits | None = None) -> tuple[list[Block], dict, str]:
    """Dispatch on the file suffix; return (blocks, metadata found in the file, format name).

    A file over one of ``limits`` (default: the settings') is refused with a DocumentError.
    """
    limits = limits or ReadLimits.from_settings()
    blocks, found, fmt = _read(data, suffix, name, limits)
    chars = sum(len(b.text) for b in blocks)
    if chars > limits.max_text_chars:
        cap = f"{limits.max_text_chars:,} characters"
        raise over_cap(f"the document has {chars:,} characters of text", cap, "max_text_chars")
    return blocks, found, fmt


def _read(data: bytes, suffix: str, name: str, limits: ReadLimits) -> tuple[list[Block], dict, str]:
    if suffix in (".txt", ".text", ".md", ".markdown"):
        from assistant.ingest.formats import text

        fmt = "markdown" if suffix in (".md", ".markdown") else "text"
        if len(data) > 4 * limits.max_text_chars:  # no encoding spends more than 4 bytes on a character
            cap = f"{limits.max_text_chars:,} characters"
            raise over_cap(f"the text file is {len(data):,} bytes", cap, "max_text_chars")
        return (*text.parse(decode(data, name), markdown=fmt == "markdown"), fmt)
    if suffix == ".pdf":
        from assistant.ingest.formats import pdf

        return (*pdf.read(data, limits.ocr), "pdf")
    if suffix in (".html", ".htm"):
        from assistant.ingest.formats import html

        return (*html.read(data, limits), "html")
    if suffix == ".docx":
        from assistant.ingest.formats import docx
        from assistant.ingest.formats.metadata import junk_author, junk_title

        blocks, meta = docx.read(data, limits)
        if junk_title(meta.get("title", "")):
            meta.pop("title", None)
        if junk_author(meta.get("author", "")):
            meta.pop("author", None)  # a login name from the word processor
        meta["origin"] = {k: "document properties" for k in ("title", "author", "date") if meta.get(k)}
        return blocks, meta, "docx"
    raise DocumentError(f"unsupported file type {suffix or '(none)'}")


def decode(data: bytes, name: str) -> str:
    """Decode text as UTF-8 (with or without BOM), falling back to Windows-1252."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError("this looks like a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name} is not valid UTF-8 or Windows-1252 text")
