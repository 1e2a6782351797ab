"""What every format reader produces and raises: Blocks of text, DocumentError, the caps on
what a file may cost, and the line normalising they share. It imports nothing of the package
but the settings, so readers and ``assistant.ingest.documents`` both depend on it and never on each other."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.errors import DocumentError  # noqa: F401  (raised here; importable from here too)


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
    docx_max_parts: int
    pdf_max_unpacked_bytes: int
    html_max_depth: int
    html_max_tags: int
    ocr: bool = True  # read PDF pages without a text layer with tesseract (formats/ocr.py)

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


def join_lines(lines: list[str], plain: set[str] | None = None, hyphenated: set[str] | None = None) -> list[str]:
    """Rejoin lines broken mid-sentence; keep short list-like lines apart.

    A line break is a soft wrap when the next line starts in lower case, or when the
    line is long and does not end a sentence. Short capitalised lines (names, list
    entries) stay on their own line. Wrapped words, addresses and URLs come back whole
    (``join_wrapped``); ``plain`` and ``hyphenated`` are the words the document spells.
    """
    out: list[str] = []
    for line in (clean_line(raw) for raw in lines):
        if not line:
            continue
        if out:
            prev = out[-1]
            soft = line[0].islower() or line[0] in ",;)" or (len(prev) >= 50 and not prev.endswith(_SENTENCE_END))
            if soft or _url_joins(prev, line):
                out[-1] = join_wrapped(prev, line, plain or set(), hyphenated or set())
                continue
        out.append(line)
    return out


# ---------------------------------------------------------------- rejoining wrapped lines

# Words whose hyphen at a line end is usually real ("multi-agency", "well-being"): the line
# is joined without it only when the joined word is a common word ("overall", "review").
_PREFIXES = frozenset(
    """multi inter cross non co self well pre post anti sub semi over under long short high low full part half
    ex re mid out one two three four five year age child family front after""".split()
)
COMMON_ZIPF = 3.6  # wordfreq's scale: 3.6 is about 4 in a million words ("wellbeing" is 3.5, "overall" 4.9)
WORD_ZIPF = 1.0  # a word at all ("safeguarding" 3.2, "childfocused" 0)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S*$|\S+@\S*$", re.I)
_ADDRESS_CONT = re.compile(r"^[a-z0-9][\w~%&=+#-]*[./@?=][\w./~%&=+#?@-]*", re.I)


_HYPHENATED = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,40}-[A-Za-z]{1,40}(?![A-Za-z])")


def vocabulary(lines) -> tuple[set[str], set[str]]:
    """Words and hyphenated words seen inside lines, to decide how to rejoin a line-end hyphen."""
    plain: set[str] = set()
    hyphenated: set[str] = set()
    for line in lines:
        inner = line.removesuffix("-")
        plain.update(w.lower() for w in re.findall(r"[A-Za-z]+", inner))
        # Anchored at word starts, so a run of letters without a hyphen is read once, not once a letter.
        hyphenated.update(w.lower() for w in _HYPHENATED.findall(inner))
    return plain, hyphenated


def _url_joins(prev: str, nxt: str) -> bool:
    """``prev`` ends inside a web or e-mail address that ``nxt`` carries on."""
    tail = _ADDRESS.search(prev[-300:])  # only the end of a line that may be long
    if not tail or not nxt:
        return False
    if tail.group(0).endswith(("/", "-", "_", "?", "=", "&", "#", "%", "~", "@")):
        return not nxt[0].isspace()
    if tail.group(0).endswith(".") and nxt[0].isupper():
        return False  # the address ended a sentence
    return bool(_ADDRESS_CONT.match(nxt))  # "publications/annual-report", "gov.uk"


def zipf(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale; 0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def join_wrapped(prev: str, nxt: str, plain: set[str], hyphenated: set[str]) -> str:
    """Join two wrapped lines: an address broken over them comes back whole, a word split by a
    hyphen too when the joined word is a word, and a real hyphen ("multi-agency") stays."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    end = prev[-100:]  # the rules look at the end of the line only: a long paragraph costs no more
    if _url_joins(prev, nxt):
        return prev + nxt
    if prev.endswith("-") and len(prev) > 1 and nxt:
        before = prev[-2]
        if before.isdigit() and nxt[0].isdigit():
            return prev + nxt  # "2020-21"
        if before.isalpha() and nxt[0].isalpha():
            head_m = re.search(r"[A-Za-z]+$", end[:-1])
            tail_m = re.match(r"[A-Za-z]+", nxt[:100])
            head, tail = (head_m.group(0) if head_m else ""), (tail_m.group(0) if tail_m else "")
            whole = (head + tail).lower()
            if nxt[0].isupper() or (f"{head}-{tail}".lower() in hyphenated and whole not in plain):
                return prev + nxt  # "North-East", or spelt with its hyphen elsewhere in the document
            if whole in plain:
                return prev[:-1] + nxt
            common = zipf(whole)
            needed = COMMON_ZIPF if head.lower() in _PREFIXES else WORD_ZIPF
            return prev[:-1] + nxt if common >= needed else prev + nxt
    return prev + " " + nxt
