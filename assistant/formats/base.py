"""What every format reader produces and raises: Blocks of text, DocumentError, and the
line normalising they share. It imports nothing of the package, so readers and
``assistant.documents`` both depend on it and never on each other."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class DocumentError(Exception):
    """A source that cannot be read; the message names the reason."""


@dataclass
class Block:
    """One unit of source text, as a format reader found it."""

    text: str
    kind: str = "paragraph"  # paragraph | heading | list_item | table_row
    level: int = 0  # heading level, 1 = top
    page: int | None = None  # PDF page index, 1-based
    page_label: str | None = None  # printed page number
    continues: bool = False  # continues the previous block across a page break
    indexed: bool = True  # False for text kept for reading but never quoted (e.g. contents)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_SENTENCE_END = tuple('.!?:;"”’)…')


def clean_line(line: str) -> str:
    """Collapse stray whitespace and drop control characters inside one line."""
    line = _CONTROL.sub("", line)  # first, so NFC sees the characters that end up side by side
    line = unicodedata.normalize("NFC", line)
    return _SPACES.sub(" ", line).strip()


def join_lines(lines: list[str]) -> list[str]:
    """Rejoin lines broken mid-sentence; keep short list-like lines apart.

    A line break is a soft wrap when the next line starts in lower case, or when the
    line is long and does not end a sentence. Short capitalised lines (names, list
    entries) stay on their own line.
    """
    out: list[str] = []
    for line in (clean_line(raw) for raw in lines):
        if not line:
            continue
        if out:
            prev = out[-1]
            soft = line[0].islower() or line[0] in ",;)" or (len(prev) >= 50 and not prev.endswith(_SENTENCE_END))
            if soft:
                if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[0].islower():
                    out[-1] = prev[:-1] + line  # a word hyphenated across the wrap
                else:
                    out[-1] = prev + " " + line
                continue
        out.append(line)
    return out
