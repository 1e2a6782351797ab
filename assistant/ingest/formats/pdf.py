"""PDF reader: pdfplumber for the text layer (words, font sizes, positions), pypdf for
encryption checks, page labels and the document information dictionary.

Per page: running headers and footers and bare page numbers are removed and the printed
page number is taken from /PageLabels or else from the margins (``pdfpages.py``); cover,
contents and licence pages are kept for reading but never indexed; hyphenated line ends
are rejoined; headings are found by font size, weight, numbering and shape (a paragraph
set in bold is no heading); and a paragraph that runs over a page break is continued,
not split.
"""

from __future__ import annotations

import bisect
import io
import re
import statistics
from collections import Counter

from assistant.ingest.formats.base import Block, DocumentError, ReadLimits, join_wrapped, vocabulary
from assistant.ingest.formats.metadata import junk_author, junk_title
from assistant.ingest.formats.pdflayout import Line, build_lines, page_lines, table_rows
from assistant.ingest.formats.pdfpages import (
    LEADER_LINE,
    LICENCE_LINE,
    at_edge,
    bare_number,
    body_size,
    cover_details,
    front_matter,
    is_contents,
    printed_numbers,
    running_lines,
)
from assistant.ingest.formats.pdfstreams import check_unpacked

_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")
_BULLET = re.compile(r"^(?:[•●▪◦‣■□➢►]\s*|\(cid:\d+\)\s*|[–\-*]\s+)")  # "-5%" is no bullet
_CID = re.compile(r"\(cid:\d+\)")
_DATE = re.compile(
    r"(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}|\d{4}",
    re.I,
)  # a cover's "May 2021" is never a heading
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_END = tuple('.!?:;"”’)…')


def read_file(data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
    """A PDF file (the registry's reader)."""
    reader = _open(data)  # one pypdf reader for the checks and the metadata
    check_unpacked(reader, limits.pdf_max_unpacked_bytes)  # before pdfminer unpacks anything
    return read(data, reader, limits.ocr)


def read(data: bytes, reader, ocr: bool = True) -> tuple[list[Block], dict]:
    """Blocks and metadata; pages without a text layer are read with OCR when ``ocr`` is on."""
    labels, meta = _pypdf_info(reader)
    raw = _extract(data)
    meta["scanned"], meta["warnings"] = _recognise(data, raw, ocr)
    if not any(words for words, _, _ in raw):
        raise DocumentError(
            "the PDF has no text layer (it looks like scanned images) and "
            + (meta["warnings"][0] if meta["warnings"] else "no text was recognised")
        )
    body = body_size(raw)
    # Lines in the top and bottom margins, read whole (never split into columns) so that
    # running heads match from page to page.
    edges = [
        sorted(build_lines([w for w in words if at_edge(w, height)], n), key=lambda ln: ln.top)
        for n, (words, height, _) in enumerate(raw, start=1)
    ]
    running = running_lines(edges, [height for _, height, _ in raw], body, [words for words, _, _ in raw])
    printed = printed_numbers(edges, running)
    trivial = labels == [str(i) for i in range(1, len(raw) + 1)]
    if labels and not (trivial and printed and any(printed[p] != str(p) for p in printed)):
        # Page labels win, unless they only count PDF pages while the footers print other numbers.
        printed = {i + 1: label for i, label in enumerate(labels)}
    pages = []
    for n, ((words, _, width), edge) in enumerate(zip(raw, edges, strict=False), start=1):
        drop = {id(w) for ln in edge if id(ln) in running or bare_number(ln) for w in ln.words}
        pages.append(page_lines([w for w in words if id(w) not in drop], width, n))
    if len(raw) >= 3 and not running:
        meta["warnings"].append("no running heads found")
    return _blocks(pages, printed), _with_cover(meta, cover_details(pages, body))


def _with_cover(meta: dict, cover: dict) -> dict:
    """What the cover shows wins over the information dictionary, which tools fill with file
    names, login names and the day the file was saved."""
    origin = {k: "metadata" for k in ("title", "author", "date") if meta.get(k)}
    is_cover = cover.pop("is_cover", False)
    for key, value in cover.items():
        if key == "title" and meta.get("title") and not is_cover:
            continue  # the largest type on a first page of body text is its first heading
        meta[key] = value
        origin[key] = "cover" if is_cover or key == "title" else "first page"
    meta["origin"] = origin
    return meta


# ---------------------------------------------------------------- opening


def _open(data: bytes):
    """pypdf's reader of ``data``; DocumentError for encrypted, broken or empty files."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            opened: int  # a PasswordType, 0 when no password opened it
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure means we cannot open it
                opened = 0
            if not opened:
                raise DocumentError("the PDF is encrypted with a password; ingest an unprotected copy")
        count = len(reader.pages)
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error for damaged files
        raise DocumentError(f"the PDF is damaged or not a PDF ({exc.__class__.__name__})") from exc
    if count == 0:
        raise DocumentError("the PDF has no pages")
    return reader


def _pypdf_info(reader) -> tuple[list[str] | None, dict]:
    """Page labels (if the PDF defines them) and metadata; DocumentError for a broken file."""
    try:
        root = reader.root_object
        labels = list(reader.page_labels) if "/PageLabels" in root else None
        info: dict = reader.metadata or {}
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error for damaged files
        raise DocumentError(f"the PDF is damaged or not a PDF ({exc.__class__.__name__})") from exc
    meta = {}
    title = str(info.get("/Title") or "").strip()
    if not junk_title(title):
        meta["title"] = title
    author = str(info.get("/Author") or "").strip()
    if not junk_author(author):
        meta["author"] = author  # not the placeholder or login name a PDF tool writes
    if info.get("/Subject") and str(info["/Subject"]).strip().lower() != "unspecified":
        meta["description"] = str(info["/Subject"]).strip()
    date = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(info.get("/CreationDate") or ""))
    if date:
        meta["date"] = "-".join(p for p in date.groups() if p)
    return labels, meta


def _recognise(data: bytes, raw: list[tuple[list[dict], float, float]], ocr: bool) -> tuple[list[int], list[str]]:
    """Read the pages without a text layer with OCR, in place; (pages read so, warnings)."""
    from assistant.ingest.formats.ocr import OCRUnavailable, recognise

    empty = [n for n, (words, _, _) in enumerate(raw, start=1) if not words]
    if not empty:
        return [], []
    if not ocr:
        return [], [_no_text(empty, "OCR is off: ASSISTANT_OCR=true reads scanned pages")]
    text_sizes = [w["size"] for words, _, _ in raw for w in words]
    scanned, failed, why = [], [], ""
    for n in empty:
        try:
            words = recognise(data, n)
        except OCRUnavailable as exc:
            failed.append(n)
            why = str(exc)
            continue
        if not words:
            failed.append(n)
            continue
        if text_sizes:  # the page's usual line height stands for the body type of the other pages
            scale = statistics.median(text_sizes) / statistics.mode(w["size"] for w in words)
            for w in words:
                w["size"] = round(w["size"] * scale * 2) / 2
        raw[n - 1] = (words, raw[n - 1][1], raw[n - 1][2])
        scanned.append(n)
    if not failed:
        return scanned, []
    return scanned, [_no_text(failed, f"OCR failed: {why}" if why else "none recognised by OCR")]


def _no_text(numbers: list[int], reason: str) -> str:
    """ "page 3 has no text (...)", "3 pages without text: 3, 5, 7 (...)"."""
    if len(numbers) == 1:
        return f"page {numbers[0]} has no text ({reason})"
    return f"{len(numbers)} pages without text: {', '.join(map(str, numbers))} ({reason})"


def _extract(data: bytes) -> list[tuple[list[dict], float, float]]:
    """(words with size and font, page height, page width) for every page."""
    import pdfplumber

    out = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
                out.append(([w for w in words if w["text"].strip()], float(page.height), float(page.width)))
                page.close()
    except Exception as exc:  # noqa: BLE001 - pdfminer's errors for damaged files vary
        raise DocumentError(f"the PDF's text could not be read ({exc.__class__.__name__})") from exc
    return out


# ---------------------------------------------------------------- lines to blocks


def _vocabulary(pages: list[list[Line]]) -> tuple[set[str], set[str]]:
    return vocabulary(ln.text for lines in pages for ln in lines)


def _heading_candidate(ln: Line) -> bool:
    text = ln.text.strip()
    return (
        len(text) <= 150
        and any(c.isalpha() for c in text)
        and not LEADER_LINE.search(text)
        and not _BULLET.match(text)
        and not _DATE.fullmatch(text)
    )


def _heading_lines(lines: list[Line], body: float, rows: set[int]) -> set[int]:
    """Indexes of heading lines. Lines set alike and close together are judged as one run:
    a heading needs larger type, or bold or numbering on a short run without a final full
    stop. A whole paragraph in bold at body size (a "lead") is body text."""
    found: set[int] = set()
    j = 0
    while j < len(lines):
        k = j + 1
        while (
            k < len(lines)
            and k not in rows
            and _same_style(lines[k - 1], lines[k], 0.45)
            and not (lines[k - 1].x1 - lines[k - 1].x0 < 0.7 * (lines[k].x1 - lines[k].x0))
        ):  # a line that stops well short of the next one ends its run (a heading set tight)
            k += 1
        run = lines[j:k]
        if j not in rows and all(_heading_candidate(ln) for ln in run):
            text = " ".join(ln.text.strip() for ln in run)
            words = len(text.split())
            stop = text.endswith((".", ",", ";"))
            size, bold = run[0].size, all(ln.bold for ln in run)
            numbered = re.match(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\s+[A-Z]", text)
            if size >= body * 1.15:
                heading = len(run) <= 3 and words <= 25 and not (stop and words > 12)
            else:
                strong = (bold and size >= body * 0.95) or numbered
                heading = bool(strong) and len(run) <= 2 and words <= 14 and not stop
            if heading:
                found.update(range(j, k))
        j = k
    return found


def _blocks(pages: list[list[Line]], printed: dict[int, str]) -> list[Block]:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0]
    flow = _Flow(*_vocabulary(pages))
    contents = {i for i, lines in enumerate(pages) if is_contents(lines)}
    front = front_matter(pages, printed, body) - contents

    per_page: list[tuple[list[Block], list[Block]]] = []
    for i, lines in enumerate(pages):
        if i in front or i - 1 in front:
            flow.stop()  # nothing runs on into or out of a cover or licence page
        per_page.append(_page(flow, i + 1, lines, printed.get(i + 1), body, i in contents, i in front))

    for blocks, notes in per_page:
        for b in blocks + notes:
            if LICENCE_LINE.match(b.text):
                b.indexed = False  # a copyright line at the foot of a body page
    _set_levels([b for blocks, _ in per_page for b in blocks if b.kind == "heading"], flow.style_of)
    return _with_footnotes(per_page)


def _page(
    flow: _Flow, page: int, lines: list[Line], label: str | None, body: float, contents: bool, front: bool
) -> tuple[list[Block], list[Block]]:
    """One page's blocks and footnotes, lines running on from the page before through ``flow``."""
    notes_from = _footnote_start(lines, body)
    rows = table_rows(lines)
    headings = set() if front else _heading_lines(lines, body, rows)
    blocks: list[Block] = []
    notes: list[Block] = []
    for j, ln in enumerate(lines):
        text = ln.text.strip()
        if contents:
            blocks.append(Block(_LEADER.sub(" … ", text), "list_item", page=page, page_label=label, indexed=False))
            flow.stop()  # nothing runs on from a contents page
        elif j >= notes_from:
            if notes and not re.match(r"^\[?\d{1,3}\]?\s", text):
                notes[-1].text = join_wrapped(notes[-1].text, text, flow.plain, flow.hyphenated)
            else:
                notes.append(Block(text, "paragraph", page=page, page_label=label, indexed=not front))
        elif j in rows:
            flow.prev = Block(" | ".join(text for _, _, text in ln.cells), "table_row", page=page, page_label=label)
            blocks.append(flow.prev)
            flow.prev_line = ln
        elif j in headings:
            flow.heading(blocks, ln, text, page, label)
        else:
            flow.text(blocks, ln, text, page, label, indexed=not front)
    return blocks, notes


class _Flow:
    """Where the text stands while pages are read: the block a next line may run on into."""

    def __init__(self, plain: set[str], hyphenated: set[str]):
        self.plain, self.hyphenated = plain, hyphenated  # the document's words, to join wrapped lines
        self.prev: Block | None = None
        self.prev_line: Line | None = None
        self.item_x0 = 0.0  # where the current list item's bullet stands
        self.style_of: dict[int, tuple] = {}  # heading block id -> (size, bold), for their levels

    def stop(self) -> None:
        self.prev, self.prev_line = None, None

    def _new_page(self, ln: Line) -> bool:
        return self.prev_line is not None and self.prev_line.page != ln.page

    def heading(self, blocks: list[Block], ln: Line, text: str, page: int, label: str | None) -> None:
        prev = self.prev
        if prev is not None and prev.kind == "heading" and not self._new_page(ln) and _same_style(self.prev_line, ln):
            prev.text += " " + text  # a heading wrapped over two lines
        else:
            self.prev = Block(text, "heading", page=page, page_label=label)
            self.style_of[id(self.prev)] = (ln.size, ln.bold)
            blocks.append(self.prev)
        self.prev_line = ln

    def text(self, blocks: list[Block], ln: Line, text: str, page: int, label: str | None, indexed: bool) -> None:
        """A body line: a new list item or paragraph, or the continuation of the one before."""
        new_page = self._new_page(ln)
        bullet = _BULLET.match(text) and len(text) > 2
        if bullet:
            text = _BULLET.sub("", text, count=1)
        text = _CID.sub("", text).strip()  # glyphs without a Unicode mapping
        prev = self.prev
        if bullet:
            self.prev = Block(text, "list_item", page=page, page_label=label, indexed=indexed)
            blocks.append(self.prev)
            self.item_x0 = ln.x0
        elif (
            prev is not None
            and prev.kind in ("paragraph", "list_item")
            and _continues(self.prev_line, ln, prev, self.item_x0)
        ):
            if new_page:
                self.prev = Block(text, prev.kind, page=page, page_label=label, continues=True)
                blocks.append(self.prev)
            else:
                prev.text = join_wrapped(prev.text, text, self.plain, self.hyphenated)
        else:
            self.prev = Block(text, "paragraph", page=page, page_label=label, indexed=indexed)
            blocks.append(self.prev)
        self.prev_line = ln


def _footnote_start(lines: list[Line], body: float) -> int:
    """Index of the first footnote line: a trailing run of small lines that starts with a marker."""
    start = len(lines)
    for j in range(len(lines) - 1, -1, -1):
        if lines[j].size > body * 0.9:
            break
        start = j
    while start < len(lines) and not re.match(r"^\[?\d{1,3}\]?\s", lines[start].text):
        start += 1
    return start


def _same_style(a: Line | None, b: Line, gap: float = 1.0) -> bool:
    """Same size and weight, and no further apart than ``gap`` times the type size."""
    return (
        a is not None
        and a.size == b.size
        and a.bold == b.bold
        and a.page == b.page
        and a.column == b.column
        and -1 < b.top - a.bottom < gap * a.size
    )


def _continues(prev_line: Line | None, ln: Line, prev: Block, item_x0: float) -> bool:
    """Whether ``ln`` carries on the paragraph or list item before it."""
    if prev_line is None or abs(ln.size - prev_line.size) > 0.6:
        return False
    if prev_line.page != ln.page or prev_line.column != ln.column or ln.top < prev_line.top:
        # A new page or column: carry on only an unfinished sentence.
        return not prev.text.rstrip().endswith(_END)
    gap = ln.top - prev_line.bottom
    if gap > 0.45 * ln.size:
        return False  # paragraph spacing
    if prev.kind == "list_item":
        return ln.x0 > item_x0 + 2  # wrapped item text is indented past the bullet
    return ln.x0 < prev_line.x0 + 8 or not prev.text.rstrip().endswith(_END)


def _set_levels(headings: list[Block], style_of: dict[int, tuple]) -> None:
    """Bigger type ranks higher; bold body-size headings next; numbering depth splits a style.

    Styles seen only on the cover (page 1) do not get levels of their own: a huge cover
    title is level 1 like the chapter headings, not a parent of the whole report.
    """

    def key(b: Block) -> tuple:
        size, bold = style_of.get(id(b), (0.0, False))
        m = _NUMBERED.match(b.text)
        return (-size, not bold, m.group(1).count(".") + 1 if m else 1)

    inner = [b for b in headings if b.page != 1] or headings
    ranks = sorted({key(b) for b in inner})
    for b in headings:
        b.level = min(6, len(ranks), bisect.bisect_left(ranks, key(b)) + 1)


def _with_footnotes(per_page: list[tuple[list[Block], list[Block]]]) -> list[Block]:
    """Footnotes follow their page; after the paragraph's tail when it runs onto the next page."""
    out: list[Block] = []
    pending: list[Block] = []
    for blocks, notes in per_page:
        if blocks and blocks[0].continues and pending:
            out.append(blocks[0])
            out.extend(pending)
            out.extend(blocks[1:])
        else:
            out.extend(pending)
            out.extend(blocks)
        pending = notes
    out.extend(pending)
    return out
