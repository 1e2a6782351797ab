"""Format readers: each turns a file's bytes into ``Block``s plus any metadata it carries.
Which reader reads which file is the table in ``registry.py``."""

from __future__ import annotations

from assistant.ingest.formats import registry
from assistant.ingest.formats.base import Block, DocumentError, ReadLimits, over_cap


def read(data: bytes, suffix: str, name: str, limits: ReadLimits | None = None) -> tuple[list[Block], dict, str]:
    """Dispatch on the file suffix; return (blocks, metadata found in the file, format name).

    A file over one of ``limits`` (default: the settings') is refused with a DocumentError.
    """
    fmt = registry.by_suffix(suffix)
    if fmt is None:
        raise DocumentError(f"unsupported file type {suffix or '(none)'}")
    limits = limits or ReadLimits.from_settings()
    blocks, found = fmt.read(data, name, limits)
    chars = sum(len(b.text) for b in blocks)
    if chars > limits.max_text_chars:
        cap = f"{limits.max_text_chars:,} characters"
        raise over_cap(f"the document has {chars:,} characters of text", cap, "max_text_chars")
    return blocks, found, fmt.name
