"""What each PDF page is: its running heads and printed page number (in the top and bottom
margins), and whether it is a cover, contents or licence page (kept for reading, never
sections or passages). ``pdf.py`` reads the rest of the page."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from assistant.ingest.formats.metadata import date_line, iso_date, labelled, organisation
from assistant.ingest.formats.pdflayout import Line

MARGIN = 0.09  # top and bottom share of a page where running headers and footers live
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(rf"(?:page\s+)?(\d{{1,4}}|{_ROMAN})(?:\s+of\s+\d{{1,4}})?", re.I)
LEADER_LINE = re.compile(r"(?:(?:\.\s?){3,}|…+)\s*\d{1,4}$")
_LICENCE = re.compile(
    r"©|\(c\) crown|crown copyright|open government licen[cs]e|licensed under|creative commons|"
    r"all rights reserved|\bISBN\b|enquiries regarding this publication|permission from the copyright",
    re.I,
)
LICENCE_LINE = re.compile(
    r"^(?:©|\(c\)\s|crown copyright\b)[^.]{0,80}$|^this (?:publication|document|report) "
    r"is licensed under",
    re.I,
)


def at_edge(word: dict, height: float) -> bool:
    return word["top"] < height * MARGIN or word["bottom"] > height * (1 - MARGIN)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def body_size(raw: list[tuple[list[dict], float, float]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for words, _, _ in raw:
        for w in words:
            sizes[round(w["size"] * 2) / 2] += len(w["text"])
    return sizes.most_common(1)[0][0]


def bare_number(line: Line) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(line.text.strip()))


def running_lines(
    edges: list[list[Line]], heights: list[float], body: float, words: list[list[dict]] | None = None
) -> set[int]:
    """ids of the running heads and footers among the margin lines.

    By repetition: a line whose text (digits aside) repeats in the same band (top or bottom)
    on 3+ pages, or on 2 pages when it is set smaller than the body text or the document
    is short (heads that alternate between left and right pages repeat only on every other
    page). By position: any short margin line set at the same height and size as such a
    line, whatever its alignment, is running too, so a chapter's name that heads one page
    only ("Working with schools  21" on the right, opposite "20  Study notes" on the left)
    goes with the others. And by position alone: short lines at the same height and size
    on 3+ pages (and a fifth of them) are heads when set smaller than the body text, or
    when they stand well apart from the text on every page (``words``). A heading or the
    first line of text at the top of a page has neither small type nor that distance.
    """

    def band(ln: Line, i: int) -> tuple[str, str]:
        return ("top" if ln.top < heights[i] / 2 else "bottom", _key(ln.text))

    pages_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, lines in enumerate(edges):
        for ln in lines:
            pages_of[band(ln, i)].add(i)
    needed = 2 if len(edges) <= 5 else 3
    found: set[int] = set()
    slots: list[Line] = []
    for i, lines in enumerate(edges):
        for ln in lines:
            seen = len(pages_of[band(ln, i)])
            if not any(c.isalnum() for c in _key(ln.text)):
                continue
            if seen >= needed or (seen >= 2 and ln.size < body * 0.95):
                found.add(id(ln))
                if ln.size < body * 0.95:
                    slots.append(ln)
    for lines in edges:
        for ln in lines:
            if id(ln) not in found and _short(ln) and ln.size < body * 0.95 and any(_same_height(ln, s) for s in slots):
                found.add(id(ln))
    found |= _by_position(edges, heights, body, words, found)
    return found


def _short(ln: Line) -> bool:
    """Short enough to be a head or a footer, and neither a sentence nor a footnote."""
    text = ln.text.strip()
    if re.match(r"^\[?\d{1,3}\]?\s+(?:\S+\s+){5,}", text):
        return False  # "3 The figures for 2020 were revised in May": a footnote at the foot
    return len(re.sub(r"\d+", "", text).split()) <= 12 and not text.endswith((".", ",", ";"))


def _same_height(a: Line, b: Line) -> bool:
    return abs(a.top - b.top) <= 1.5 and abs(a.size - b.size) <= 0.6


def _by_position(
    edges: list[list[Line]], heights: list[float], body: float, words: list[list[dict]] | None, found: set[int]
) -> set[int]:
    """Margin lines that share a height and size with lines on many other pages."""
    groups: list[list[tuple[int, Line]]] = []
    for i, lines in enumerate(edges):
        for ln in lines:
            if id(ln) in found or not _short(ln) or ln.size > body * 1.05 or not any(c.isalpha() for c in ln.text):
                continue
            group = next((g for g in groups if _same_height(g[0][1], ln)), None)
            if group is None:
                groups.append([(i, ln)])
            else:
                group.append((i, ln))
    pages_with_text = sum(1 for lines in edges if lines) or 1
    out: set[int] = set()
    for group in groups:
        pages = {i for i, _ in group}
        if len(pages) < 3 or len(pages) * 5 < pages_with_text:
            continue
        small = all(ln.size < body * 0.95 for _, ln in group)
        if small or (words is not None and all(_apart(ln, words[i], heights[i]) for i, ln in group)):
            out.update(id(ln) for _, ln in group)
    return out


def _apart(ln: Line, words: list[dict], height: float) -> bool:
    """Twice its own size or more between the line and the nearest text towards the middle of the page."""
    own = {id(w) for w in ln.words}
    if ln.top < height / 2:
        gaps = [w["top"] - ln.bottom for w in words if id(w) not in own and w["top"] > ln.bottom - 0.5]
    else:
        gaps = [ln.top - w["bottom"] for w in words if id(w) not in own and w["bottom"] < ln.top + 0.5]
    return not gaps or min(gaps) >= 2 * ln.size


def printed_numbers(edges: list[list[Line]], running: set[int]) -> dict[int, str]:
    """Printed page numbers from bare numbers in the margins or a number that changes in a running line."""
    found: dict[int, str] = {}
    numbers: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for i, lines in enumerate(edges, start=1):
        for ln in lines:
            bare = _PAGE_NUMBER.fullmatch(ln.text.strip())
            if bare:
                found[i] = bare.group(1)
            elif id(ln) in running and "#" in _key(ln.text):
                numbers[_key(ln.text)][i] = re.findall(r"\d+", ln.text)
    for per_page in numbers.values():
        positions = max(len(nums) for nums in per_page.values())
        for pos in range(positions):
            values = {p: nums[pos] for p, nums in per_page.items() if len(nums) > pos}
            if len(set(values.values())) > 1:  # changes from page to page: the page number
                for p, v in values.items():
                    found.setdefault(p, v)
                break
    # A running line seen once (a chapter's own head) shows no change: take the number in it
    # that keeps the distance between PDF index and printed number seen on the other pages.
    offsets = Counter(int(v) - p for p, v in found.items() if v.isdigit())
    if offsets:
        offset = offsets.most_common(1)[0][0]
        for per_page in numbers.values():
            for p, nums in per_page.items():
                if p not in found and str(p + offset) in nums:
                    found[p] = str(p + offset)
    return found


# ---------------------------------------------------------------- front matter


def is_contents(lines: list[Line]) -> bool:
    leaders = sum(1 for ln in lines if LEADER_LINE.search(ln.text))
    titled = any(ln.text.strip().lower() in ("contents", "table of contents") for ln in lines)
    numbered = sum(1 for ln in lines if re.search(r"\D\s\d{1,3}$", ln.text))
    return leaders >= 3 or (titled and (leaders >= 1 or (numbered >= 3 and numbered * 2 >= len(lines))))


def front_matter(pages: list[list[Line]], printed: dict[int, str], body: float) -> set[int]:
    """Indexes of the cover and licence pages: kept for reading, never sections or passages."""
    found = set()
    if len(pages) >= 3 and 1 not in printed and _is_cover(pages[0], body):
        found.add(0)
    for i in {*range(min(3, len(pages))), *range(max(0, len(pages) - 2), len(pages))}:
        marked = [ln for ln in pages[i] if _LICENCE.search(ln.text)]
        marks = {m.group(0).lower() for ln in marked for m in _LICENCE.finditer(ln.text)}
        words = sum(len(ln.text.split()) for ln in pages[i])
        # Mostly licence text: a "© 2021 ... All rights reserved" footer does not make a licence page.
        if (
            len(pages) >= 2
            and len(marks) >= 2
            and words <= 300
            and len(marked) >= 2
            and len(marked) * 3 >= len(pages[i])
        ):
            found.add(i)
    return found


def _is_cover(lines: list[Line], body: float) -> bool:
    """A first page of a few lines, none of them a line of body text."""
    words = sum(len(ln.text.split()) for ln in lines)
    body_lines = [ln for ln in lines if abs(ln.size - body) < 0.6]
    prose = any(len(ln.text) > 70 for ln in body_lines) or (
        len(body_lines) >= 5 and sum(len(ln.text.split()) for ln in body_lines) > 40
    )  # a paragraph, even in narrow columns
    return 0 < words <= 120 and not prose


# ---------------------------------------------------------------- what the cover says


def _title_run(lines: list[Line], size: float) -> list[Line]:
    """The first block of lines set in ``size`` (a date is never part of it)."""
    run: list[Line] = []
    for ln in lines:
        if ln.size == size and not date_line(ln.text):
            if run and ln.top - run[-1].bottom > ln.size * 1.2:
                break  # a second block in the same type is not the title
            run.append(ln)
        elif run:
            break
    return run


def cover_details(pages: list[list[Line]], body: float) -> dict[str, str]:
    """Title, organisation and date from the first page: the title is the largest type (when
    clearly larger than the body text), the organisation and the "Month Year" are read only
    from a cover, and a "Published: ..." line on either of the first two pages dates it."""
    out: dict = {"is_cover": bool(pages) and _is_cover(pages[0], body)}
    first = [ln for ln in (pages[0] if pages else []) if any(c.isalpha() for c in ln.text)]
    if not first:
        return out
    title: list[Line] = []
    for size in sorted({ln.size for ln in first if ln.size >= body * 1.3}, reverse=True)[:2]:
        title = _title_run(first, size)
        text = " ".join(ln.text.strip() for ln in title)
        if organisation(text) and "author" not in out:
            out["author"] = organisation(text)  # the publisher's name set largest, above the title
            continue
        if 1 <= len(text.split()) <= 25:
            out["title"] = text
        break
    cover = out["is_cover"]
    for n, lines in enumerate(pages[:2]):
        for ln in lines:
            text = ln.text.strip()
            found = labelled(text)
            if found and found[0] in ("date", "author") and found[0] not in out:
                out[found[0]] = found[1]
            elif n == 0 and cover and ln not in title and len(text.split()) <= 15:
                when = date_line(text) or (iso_date(text) if re.search(r"\bpublished\b", text, re.I) else "")
                if when and "date" not in out:
                    out["date"] = when
                org = organisation(text)
                if org and "author" not in out:
                    out["author"] = org
    return out
