"""Back matter: reference lists, endnotes, sources, acknowledgements, glossaries and licence
or imprint text. They are full of the body's own topic words, so they would rank first for
topical questions, yet they answer none: ingest marks them (``Document.back_matter``,
``Passage.back``) and answers skip them; the finder and the document page still show them.

Found three ways: a section whose heading names it ("References", "5. Glossary of terms"),
a run of lines shaped like citations (whatever the heading), and a short paragraph of
licence or imprint wording ("You may copy and share this briefing free of charge")."""

from __future__ import annotations

import re

_HEADINGS = {
    "references": "references",
    "reference list": "references",
    "bibliography": "references",
    "works cited": "references",
    "sources": "references",
    "sources and further reading": "references",
    "further reading": "references",
    "references and further reading": "references",
    "notes": "endnotes",
    "endnotes": "endnotes",
    "end notes": "endnotes",
    "footnotes": "endnotes",
    "acknowledgements": "acknowledgements",
    "acknowledgments": "acknowledgements",
    "thanks": "acknowledgements",
    "glossary": "glossary",
    "glossary of terms": "glossary",
    "abbreviations": "glossary",
    "acronyms": "glossary",
    "abbreviations and acronyms": "glossary",
    "licence": "licence",
    "license": "licence",
    "copyright": "licence",
    "copyright and licence": "licence",
    "imprint": "licence",
    "about this publication": "licence",
}
LABELS = {
    "references": "reference list",
    "endnotes": "endnotes",
    "acknowledgements": "acknowledgements",
    "glossary": "glossary",
    "licence": "licence or imprint",
}
_NUMBERING = re.compile(
    r"^(?:(?:appendix|annex|chapter|part|section)\s+\w{1,4}[:.]?\s*[-–:]?\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?", re.I
)
_CITATION = re.compile(
    r"^(?:\[?\d{1,3}[\].]?\s+)?(?:[A-Z][\w'’-]+,?\s+(?:[A-Z]\.\s?){1,3}|[A-Z][\w&'’ -]{2,80}?)"  # who
    r"[^\n]{0,80}?\(?(?:19|20)\d{2}[a-z]?\)?[.,:]"  # (year).
)
_CITATION_MARKS = re.compile(
    r"available (?:at|from)|retrieved|accessed|https?://|www\.|doi[:.]|\bISBN\b|\bvol\.|\bpp?\.\s?\d|"
    r"journal|press\b|publishing|london:|\bed(?:s)?\.|\bin:|gov\.uk",
    re.I,
)
_LICENCE = re.compile(
    r"you (?:may|can|are free to) (?:copy|share|re-?use|reproduce|print|download|distribute)[^.]{0,120}"
    r"(?:free of charge|without (?:charge|permission|asking)|any format)|licensed under|open government licen[cs]e|"
    r"creative commons|all rights reserved|^©|\(c\) crown|crown copyright|\bISBN\b|registered charity (?:no|number)|"
    r"reproduced? (?:free of charge|without (?:formal )?permission)",
    re.I,
)


def heading_kind(title: str) -> str:
    """The kind of back matter a heading names ("references"), or ""."""
    name = _NUMBERING.sub("", title.strip()).strip().rstrip(":.").lower()
    return _HEADINGS.get(name, "")


def citation_like(line: str) -> bool:
    """A line shaped like an entry of a reference list: who, (year), and a title, place or link."""
    line = line.strip()
    if len(line) > 600:
        return False  # a paragraph, not an entry
    return len(line.split()) >= 4 and bool(_CITATION.match(line)) and bool(_CITATION_MARKS.search(line))


def find(doc) -> list[tuple[int, int, str]]:
    """(start, end, kind) spans of ``doc.text`` that are back matter, in order, not overlapping."""
    text = doc.text
    spans: list[tuple[int, int, str]] = []
    for section in doc.sections:
        kind = heading_kind(section.title)
        if kind:
            section.back_matter = kind
            spans.append((section.start, section.end, kind))
    spans.extend(_citation_runs(text))
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        words = len(para.group(0).split()) if len(para.group(0)) < 2000 else 1000
        if words <= 90 and _LICENCE.search(para.group(0)):
            spans.append((para.start(), para.end(), "licence"))
    return _merge(spans)


def _citation_runs(text: str) -> list[tuple[int, int, str]]:
    """Three or more lines in a row (blank lines aside) shaped like references."""
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if citation_like(line.group(0)):
            run.append((line.start(), line.end()))
            continue
        if len(run) >= 3:
            out.append((run[0][0], run[-1][1], "references"))
        run = []
    if len(run) >= 3:
        out.append((run[0][0], run[-1][1], "references"))
    return out


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, kind))
    return out


def kind_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The kind of back matter a passage lies in (most of it), or ""."""
    for a, b, kind in spans:
        inside = min(b, end) - max(a, start)
        if inside > 0 and inside * 2 >= end - start:
            return kind
    return ""
