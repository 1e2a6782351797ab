"""Plain text and Markdown: paragraphs split on blank lines, headings by markup or shape."""

from __future__ import annotations

import re

from assistant.formats.base import Block, join_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TERMINAL = tuple('.!?:;,"”’)…')


def looks_like_heading(line: str) -> bool:
    """A short capitalised line that does not end like a sentence."""
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 100
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith(_TERMINAL)
        and any(c.isalpha() for c in line)
    )


def read(text: str, markdown: bool = False) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = re.split(r"\n\s*\n", text)
    blocks: list[Block] = []
    for para in paragraphs:
        raw_lines = [line for line in para.split("\n") if line.strip()]
        if not raw_lines:
            continue
        if markdown:
            blocks.extend(_markdown_blocks(raw_lines))
            continue
        lines = join_lines(raw_lines)
        if len(lines) == 1 and looks_like_heading(lines[0]):
            blocks.append(Block(lines[0], "heading", 1))
        elif len(lines) == 1:
            blocks.append(Block(lines[0]))
        else:
            blocks.extend(Block(line, "list_item") for line in lines)
    # A trailing "heading" with nothing under it is just a short closing line.
    if blocks and blocks[-1].kind == "heading":
        blocks[-1].kind, blocks[-1].level = "paragraph", 0
    return blocks


def _markdown_blocks(lines: list[str]) -> list[Block]:
    out: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            # In Markdown every line of a paragraph is a soft wrap.
            out.append(Block(" ".join(line.strip() for line in pending)))
            pending.clear()

    for line in lines:
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            out.append(Block(heading.group(2), "heading", len(heading.group(1))))
        elif _MD_BULLET.match(line):
            flush()
            out.append(Block(_MD_BULLET.sub("", line, count=1), "list_item"))
        elif out and out[-1].kind == "list_item" and line[:1].isspace():
            out[-1].text += " " + line.strip()  # a wrapped list item
        else:
            pending.append(line)
    flush()
    return out
