"""Passages: sentences found with pysbd, grouped into overlapping runs inside one section.

No passage is longer than ``passage_max_chars``: a line longer than that is cut into pieces
before pysbd sees it (pysbd's time grows with the square of a run without sentence ends), at
the last sentence end in reach, else at a space, else -- a run with neither -- right at the cap.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from assistant.ingest import backmatter
from assistant.ingest.documents import Document
from assistant.settings import PASSAGE_MAX_CHARS, PASSAGE_MAX_WORDS, PASSAGE_OVERLAP_SENTENCES


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Passage:
    id: str
    doc_id: str
    start: int
    end: int
    sentences: list[tuple[int, int]]  # absolute offsets of each sentence
    section_id: str | None
    seq: int = 0  # position among the document's passages
    back: str = ""  # back matter ("references", "licence"...): shown by the finder, never an answer

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Passage:
        # Indexes built before unused fields (section, page_start...) were dropped still load.
        data = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        data["sentences"] = [tuple(s) for s in data["sentences"]]
        return cls(**data)


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str, start: int, end: int, max_chars: int = PASSAGE_MAX_CHARS) -> list[Sentence]:
    """Sentence offsets in ``text[start:end]``; sentences never cross a paragraph break
    and are at most ``max_chars`` long."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text[start:end]):
        p_start = start + para.start()
        chunk = para.group(0)
        # Each line of a list or table is a unit of its own.
        lines = chunk.split("\n")
        offset = p_start
        for line in lines:
            for at, piece in _pieces(line, max_chars):
                out.extend(_sentences_in_line(text, piece, offset + at))
            offset += len(line) + 1
    return out


# A sentence end: a stop, then any closing quotes or brackets, then a space.
_STOP = re.compile(r"[.!?…;:][\"'”’)\]]*\s")


def _pieces(line: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) cutting ``line`` into pieces of at most ``size`` characters.

    Each cut is in the second half of its window, so the work is linear in the line's length.
    """
    out: list[tuple[int, str]] = []
    at = 0
    while len(line) - at > size:
        window = line[at : at + size]
        half = size // 2
        cut = max((m.end() for m in _STOP.finditer(window, half)), default=0)
        if not cut:
            space = window.rfind(" ", half)
            cut = space + 1 if space > 0 else size
        out.append((at, line[at : at + cut]))
        at += cut
    out.append((at, line[at:]))
    return out


def _sentences_in_line(text: str, line: str, offset: int) -> list[Sentence]:
    cursor = 0
    found: list[Sentence] = []
    for piece in _segmenter().segment(line):
        piece = piece.strip()
        at = line.find(piece, cursor) if piece else -1
        if at < 0:  # the segmenter changed the text; the rest stays one sentence
            break
        if found and not any(c.isalnum() for c in piece):
            found[-1].end = offset + at + len(piece)  # a stray closing quote or bracket
        else:
            found.append(Sentence(offset + at, offset + at + len(piece)))
        cursor = at + len(piece)
    rest = line[cursor:]
    if rest.strip():
        at = cursor + len(rest) - len(rest.lstrip())
        found.append(Sentence(offset + at, offset + len(line.rstrip())))
    return found


def _indexable_ranges(doc: Document) -> list[tuple[int, int, str | None]]:
    """(start, end, section id) for each section body, minus headings and unindexed text."""
    cuts = sorted({0, len(doc.text), *(s.start for s in doc.sections)})
    ranges = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        section = doc.section_at(a)
        if section is not None and section.start == a:
            head_end = doc.text.find("\n", a, b)
            a = b if head_end < 0 else head_end  # skip the heading line itself
        for lo, hi in _subtract(a, b, doc.unindexed):
            if doc.text[lo:hi].strip():
                ranges.append((lo, hi, section.id if section else None))
    return ranges


def _subtract(a: int, b: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(a, b)]
    for h0, h1 in holes:
        nxt = []
        for lo, hi in pieces:
            if h1 <= lo or h0 >= hi:
                nxt.append((lo, hi))
                continue
            if lo < h0:
                nxt.append((lo, h0))
            if h1 < hi:
                nxt.append((h1, hi))
        pieces = nxt
    return pieces


def make_passages(
    doc: Document,
    max_words: int = PASSAGE_MAX_WORDS,
    overlap: int = PASSAGE_OVERLAP_SENTENCES,
    max_chars: int = PASSAGE_MAX_CHARS,
) -> list[Passage]:
    """Group whole sentences into passages of at most ``max_words`` words and ``max_chars``
    characters (one sentence at least, and no sentence is longer than ``max_chars``)."""
    passages: list[Passage] = []
    for lo, hi, section_id in _indexable_ranges(doc):
        sentences = split_sentences(doc.text, lo, hi, max_chars)
        words = [len(doc.text[s.start : s.end].split()) for s in sentences]
        i = 0
        while i < len(sentences):
            j, total = i, 0
            while j < len(sentences) and (
                j == i or (total + words[j] <= max_words and sentences[j].end - sentences[i].start <= max_chars)
            ):
                total += words[j]
                j += 1
            group = sentences[i:j]
            passages.append(_passage(doc, group, section_id, len(passages)))
            if j >= len(sentences):
                break
            i = max(i + 1, j - overlap)
    return passages


def _passage(doc: Document, group: list[Sentence], section_id, seq: int) -> Passage:
    start, end = group[0].start, group[-1].end
    return Passage(
        id=f"{doc.id}:{seq}",
        doc_id=doc.id,
        start=start,
        end=end,
        sentences=[(s.start, s.end) for s in group],
        section_id=section_id,
        seq=seq,
        back=backmatter.kind_at(doc.back_matter, start, end),
    )
