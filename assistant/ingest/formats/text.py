"""Plain text and Markdown: paragraphs split on blank lines, headings by markup or shape.

What the file says about itself is its metadata: Markdown front matter (``title:``,
``author:``, ``date:``), the first ``# Title`` or a text file's title-like first line, and
"Published: 3 March 2022", "Updated: ..." or "From: ..." lines (kept for reading, never
quoted)."""

from __future__ import annotations

import re

from assistant.ingest.formats.base import (
    Block,
    DocumentError,
    ReadLimits,
    join_lines,
    join_wrapped,
    over_cap,
    vocabulary,
)
from assistant.ingest.formats.metadata import iso_date, labelled

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


def read_text_file(data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
    """A plain text file (the registry's reader)."""
    return parse(decode_capped(data, name, limits))


def read_markdown_file(data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
    """A Markdown file (the registry's reader)."""
    return parse(decode_capped(data, name, limits), markdown=True)


def decode_capped(data: bytes, name: str, limits: ReadLimits) -> str:
    if len(data) > 4 * limits.max_text_chars:  # no encoding spends more than 4 bytes on a character
        cap = f"{limits.max_text_chars:,} characters"
        raise over_cap(f"the text file is {len(data):,} bytes", cap, "max_text_chars")
    return decode(data, name)


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


def read(text: str, markdown: bool = False) -> list[Block]:
    return parse(text, markdown)[0]


def parse(text: str, markdown: bool = False) -> tuple[list[Block], dict]:
    """The blocks, and the metadata the file gives about itself."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict = {"origin": {}}
    if markdown:
        text = _front_matter(text, meta)
    plain, hyphenated = vocabulary(text.split("\n"))
    paragraphs = re.split(r"\n\s*\n", text)
    blocks: list[Block] = []
    for para in paragraphs:
        raw_lines = [line for line in para.split("\n") if line.strip()]
        if not raw_lines:
            continue
        rows = table_rows(raw_lines)
        if rows:
            blocks.extend(Block(row, "table_row") for row in rows)
            continue
        if markdown:
            blocks.extend(_markdown_blocks(raw_lines, plain, hyphenated))
            continue
        lines = join_lines(raw_lines, plain, hyphenated)
        if len(lines) == 1 and looks_like_heading(lines[0]):
            blocks.append(Block(lines[0], "heading", 1))
        elif len(lines) == 1:
            blocks.append(Block(lines[0]))
        else:
            blocks.extend(Block(line, "list_item") for line in lines)
    # A trailing "heading" with nothing under it is just a short closing line.
    if blocks and blocks[-1].kind == "heading":
        blocks[-1].kind, blocks[-1].level = "paragraph", 0
    _found(blocks, meta, markdown)
    return blocks, meta


_RULE_CELL = re.compile(r"^:?-{2,}:?$")  # a Markdown table's line under its header: |---|:---:|


def table_rows(lines: list[str]) -> list[str]:
    """The rows of a table typed with pipes ("Week beginning | Manager on call", or a Markdown
    table with its ``|---|---|`` line), each cell cut of its padding and joined with " | " as a
    DOCX or HTML table's row is; empty when the lines are not all rows of one table. A wrapped
    paragraph joins its rows into one line, and quotes a row with its neighbours'."""
    if len(lines) < 2 or not all("|" in line for line in lines):
        return []
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    ruled = [row for row in cells if not all(_RULE_CELL.match(c) for c in row)]
    if len(ruled) == len(cells) and len({len(row) for row in cells}) > 1:
        return []  # pipes in prose, not a table: a Markdown table has its rule line, a typed one even columns
    return [" | ".join(row) for row in ruled if any(row)]


def _front_matter(text: str, meta: dict) -> str:
    """Read and remove a YAML front matter block (``---`` lines) at the top of a Markdown file."""
    found = re.match(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.S)
    if not found:
        return text
    import yaml

    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return text  # not front matter after all: keep it as text
    if not isinstance(data, dict):
        return text
    data = {str(k).lower(): v for k, v in data.items()}
    author = data.get("author") or data.get("authors")
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    when = data.get("date") or data.get("published")
    for key, value in (
        ("title", data.get("title")),
        ("author", author),
        ("date", iso_date(str(when)) or str(when)[:10] if when else ""),
        ("publisher", data.get("publisher")),
        ("description", data.get("description") or data.get("summary")),
    ):
        if value and str(value).strip():
            meta[key] = str(value).strip()
            meta["origin"][key] = "front matter"
    return text[found.end() :]


def _found(blocks: list[Block], meta: dict, markdown: bool) -> None:
    """Title from the first heading (``# Title``, or a text file's title-like first line), and
    the date and author from labelled lines, which are kept for reading but never quoted."""
    first = next((b for b in blocks if b.text.strip()), None)
    if "title" not in meta and first is not None and first.kind == "heading" and first.level == 1:
        meta["title"] = first.text.strip()
        meta["origin"]["title"] = "first heading" if markdown else "first line"
    updated = ""
    for b in blocks[:12]:  # publishing details stand near the top
        found = labelled(b.text) if "\n" not in b.text and b is not first else None
        if not found:
            continue
        kind, value = found
        b.kind, b.level, b.indexed = "paragraph", 0, False  # "Updated: 12 January 2023" is no heading
        if kind == "updated":
            updated = updated or value
        elif kind not in meta:
            meta[kind] = value
            meta["origin"][kind] = "Published line" if kind == "date" else "From line"
    if updated and "date" not in meta:
        meta["date"] = updated
        meta["origin"]["date"] = "Updated line"


def _markdown_blocks(lines: list[str], plain: set[str], hyphenated: set[str]) -> list[Block]:
    out: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            # In Markdown every line of a paragraph is a soft wrap.
            text = pending[0].strip()
            for line in pending[1:]:
                text = join_wrapped(text, line.strip(), plain, hyphenated)
            out.append(Block(text))
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
