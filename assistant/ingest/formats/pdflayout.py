"""PDF page layout: words (with font size and position) -> lines in reading order.

pdfplumber gives words with their boxes and font sizes; this module groups them into
lines, reads two-column pages column by column, marks superscript footnote markers and
separates table cells. ``pdf.py`` then turns the lines into paragraphs and headings.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

_MARKER = re.compile(r"\d{1,3}|[*†‡§]")
BULLET_GLYPH = re.compile(r"[•●▪◦‣■□➢►–\-*]|\(cid:\d+\)")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float  # the line's main font size, rounded to 0.5pt
    bold: bool
    page: int  # 1-based PDF page index
    column: str = "F"  # L, R (two-column pages) or F (full width)
    cells: list[tuple[float, float, str]] = field(default_factory=list)  # (x0, x1, text) runs
    words: list[dict] = field(default_factory=list, repr=False)


def page_lines(words: list[dict], width: float, page: int) -> list[Line]:
    """The page's lines in reading order (two-column pages left column first, band by band)."""
    gutter = find_gutter(words, width)
    if gutter is None:
        return sorted(build_lines(words, page), key=lambda ln: (ln.top, ln.x0))
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    crossing = [w for w in words if w["x0"] < gutter < w["x1"]]
    # Words level with a full-width word belong to that full-width line.
    full = [w for w in words if w in crossing or any(_overlap(w, c) > 0.5 for c in crossing)]
    full_ids = {id(w) for w in full}
    lines_l = build_lines([w for w in left if id(w) not in full_ids], page, "L")
    lines_r = build_lines([w for w in right if id(w) not in full_ids], page, "R")
    lines_f = sorted(build_lines(full, page, "F"), key=lambda ln: ln.top)
    ordered: list[Line] = []
    upper = float("-inf")
    for boundary in [*lines_f, None]:
        lower = boundary.top if boundary else float("inf")
        for side in (lines_l, lines_r):
            ordered.extend(sorted((ln for ln in side if upper <= ln.top < lower), key=lambda ln: ln.top))
        if boundary:
            ordered.append(boundary)
            upper = boundary.top
    return ordered


def find_gutter(words: list[dict], width: float) -> float | None:
    """The x of an empty vertical strip near the middle that splits the page into two columns."""
    if len(words) < 40:
        return None
    best: tuple[int, float] | None = None
    run: list[float] = []
    x = width * 0.3
    while x <= width * 0.7:
        crossing = sum(1 for w in words if w["x0"] - 1 < x < w["x1"] + 1)
        if crossing <= max(1, len(words) // 200):
            run.append(x)
        else:
            if len(run) * 2 >= 8 and (best is None or len(run) > best[0]):
                best = (len(run), run[len(run) // 2])
            run = []
        x += 2
    if len(run) * 2 >= 8 and (best is None or len(run) > best[0]):
        best = (len(run), run[len(run) // 2])
    if best is None:
        return None
    gutter = best[1]
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    if len(left) < 20 or len(right) < 20:
        return None
    # Real columns are wide; a table's columns are not.
    for side in (left, right):
        widths = [ln.x1 - ln.x0 for ln in build_lines(side, 0)]
        if statistics.median(widths) < width * 0.2:
            return None
    return gutter


def _overlap(a: dict, b: dict) -> float:
    """Vertical overlap of two boxes, as a share of the smaller one's height."""
    inter = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    smaller = max(min(a["bottom"] - a["top"], b["bottom"] - b["top"]), 0.1)
    return inter / smaller


def build_lines(words: list[dict], page: int, column: str = "F") -> list[Line]:
    """Group words into lines; the biggest words anchor a line so raised markers join it."""
    groups: list[tuple[dict, list[dict]]] = []
    for w in sorted(words, key=lambda w: (-round(w["size"], 1), w["top"])):
        for anchor, members in groups:
            if _overlap(w, anchor) >= 0.5:
                members.append(w)
                break
        else:
            groups.append((w, [w]))
    return [make_line(sorted(m, key=lambda w: w["x0"]), page, column) for _, m in groups]


def make_line(words: list[dict], page: int, column: str) -> Line:
    sizes = [round(w["size"] * 2) / 2 for w in words for _ in w["text"]]
    size = statistics.mode(sizes)
    base = max(w["bottom"] for w in words if round(w["size"] * 2) / 2 >= size)
    segments: list[list] = []  # [x0, x1, text]: runs of words split at wide gaps (table cells)
    gaps: list[float] = []
    prev = None
    for w in words:
        word = w["text"]
        raised = w["bottom"] < base - 0.1 * size and w["size"] <= 0.85 * size
        if raised and _MARKER.fullmatch(word):
            # A footnote marker: keep it apart from the word it is glued to.
            word = f"[{word}]" if prev is not None else f"[{word}] "
            glue = ""
        else:
            glue = "" if prev is not None and w["x0"] - prev["x1"] < 0.08 * size else " "
        after_bullet = prev is not None and len(segments) == 1 and BULLET_GLYPH.fullmatch(segments[0][2])
        if prev is not None and not raised and not after_bullet:
            gaps.append(w["x0"] - prev["x1"])
        if prev is None or (w["x0"] - prev["x1"] > 0.9 * size and not raised and not after_bullet):
            segments.append([w["x0"], w["x1"], word])
        else:
            seg = segments[-1]
            seg[2] = (seg[2] if seg[2].endswith(" ") else seg[2] + glue) + word
            seg[1] = w["x1"]
        prev = w
    bold = all(_BOLD.search(w.get("fontname", "")) for w in words if w["text"].strip())
    cells = [(x0, x1, text.strip()) for x0, x1, text in segments]
    if len(gaps) >= 2 and max(gaps) - min(gaps) < 1.5:
        cells = [(cells[0][0], cells[-1][1], " ".join(c[2] for c in cells))]  # justified text, not cells
    return Line(
        text=" ".join(text for _, _, text in cells),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        size=size,
        bold=bold,
        page=page,
        column=column,
        cells=cells,
        words=words,
    )


def aligned(a: Line, b: Line) -> bool:
    """Two lines whose wide-gap cells start or end at the same places: rows of one table."""
    if len(a.cells) < 2 or len(b.cells) < 2:
        return False
    shared = sum(1 for x0, x1, _ in a.cells if any(abs(x0 - y0) < 3 or abs(x1 - y1) < 3 for y0, y1, _ in b.cells))
    return shared >= 2


def heads(a: Line, b: Line) -> bool:
    """``a`` is the header row of the table whose first row is ``b``: close above it, each
    cell over its column (labels are often centred over right-aligned numbers), as many
    cells or one fewer when the row labels' column has no header."""
    if a.page != b.page or a.column != b.column or not 0 <= b.top - a.bottom < 2 * b.size:
        return False
    full = len(a.cells) == len(b.cells)
    columns = b.cells if full else b.cells[1:]
    if len(a.cells) < 2 or len(a.cells) != len(columns) or (not full and a.x0 < b.cells[0][1]):
        return False
    return all(x0 < y1 and y0 < x1 for (x0, x1, _), (y0, y1, _) in zip(a.cells, columns, strict=False))


def table_rows(lines: list[Line]) -> set[int]:
    """Indexes of lines that form tables with a neighbour, header rows included (a header
    without a label over the first column gets an empty first cell)."""
    rows: set[int] = set()
    for j in range(len(lines) - 1):
        if aligned(lines[j], lines[j + 1]):
            rows.update((j, j + 1))
    for j in sorted(rows):
        if j - 1 >= 0 and j - 1 not in rows and heads(lines[j - 1], lines[j]):
            rows.add(j - 1)
            header, first = lines[j - 1], lines[j]
            if len(header.cells) < len(first.cells):
                header.cells.insert(0, (first.cells[0][0], first.cells[0][0], ""))
    return rows
