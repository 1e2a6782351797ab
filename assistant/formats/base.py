"""What every format reader produces and raises: Blocks of text, DocumentError, the caps on
what a file may cost, and the line normalising they share. It imports nothing of the package
but the settings, so readers and ``assistant.documents`` both depend on it and never on each other."""

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


# Separators inside a line (vertical tab, form feed, carriage return, line and paragraph
# separators) become spaces, so the words either side never run together.
@dataclass(frozen=True)
class ReadLimits:
    """Caps on what one file may cost to read; each is a setting (assistant/settings.py)."""

    max_text_chars: int
    docx_max_unzipped_bytes: int
    docx_max_ratio: float
    html_max_depth: int
    html_max_tags: int

    @classmethod
    def from_settings(cls, settings=None) -> ReadLimits:
        """The caps of ``settings``, or of the environment (ASSISTANT_*) and the defaults."""
        if settings is None:
            from assistant.settings import Settings

            settings = Settings()
        return cls(**{name: getattr(settings, name) for name in cls.__dataclass_fields__})


def over_cap(found: str, cap: str, setting: str) -> DocumentError:
    """The per-source message for a file over one of the caps, naming the setting that raises it."""
    return DocumentError(f"{found}, over the cap of {cap} (the setting ASSISTANT_{setting.upper()})")


def size(n: float) -> str:
    return f"{n / 1_048_576:,.1f} MB" if n >= 1_048_576 else f"{n:,.0f} bytes"


_SPACES = re.compile(r"[ \t\r\x0b\x0c\x1c-\x1f\x85\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
# Control characters, and characters no XML file may hold (a Word export would fail on them).
# Bidi embeddings, overrides and isolates (and the marks) go too: in a title or a quote they
# could show a name or a link reversed, and an English report needs none of them.
_CONTROL = re.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\ufeff\ufffe\uffff\ud800-\udfff"
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_SENTENCE_END = tuple('.!?:;"”’)…')


def clean_line(line: str) -> str:
    """Collapse stray whitespace and drop control characters inside one line."""
    line = _CONTROL.sub("", line)  # first, so NFC sees the characters that end up side by side
    line = unicodedata.normalize("NFC", line)
    return _SPACES.sub(" ", line).strip()


def clean_meta(value: str) -> str:
    """One line of metadata (a title, an author): cleaned like text, line breaks made spaces."""
    return clean_line(value.replace("\n", " "))


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
