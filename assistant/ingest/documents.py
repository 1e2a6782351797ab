"""Documents: load source files into normalised text with sections, pages and metadata.

Each format reader (``assistant.ingest.formats``) turns a file into a list of ``Block``s
(``assistant.ingest.formats.base``, which the readers import, so imports run one way).
``assemble`` joins the blocks into one normalised text and records where every
heading and page starts, so any passage can later be cited by section and page.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Defined in formats/base.py (the readers import them from there); re-exported for callers.
from assistant.ingest import backmatter
from assistant.ingest.formats import registry
from assistant.ingest.formats.base import Block, DocumentError, clean_line, clean_meta, join_lines  # noqa: F401


@dataclass
class Section:
    id: str
    title: str
    level: int
    path: list[str]
    start: int  # offset of the heading in the document text
    end: int  # end of the section's content (next heading of the same or a higher level)
    page: int | None = None
    page_label: str | None = None
    back_matter: str = ""  # "references", "glossary"...: a section never quoted as an answer


@dataclass
class Page:
    index: int  # 1-based PDF page index
    label: str | None  # printed page number
    start: int
    end: int


@dataclass
class DocumentMeta:
    id: str
    title: str
    author: str = ""
    publisher: str = ""
    place: str = ""  # of publication, for a reference list ("London")
    date: str = ""
    source_url: str = ""
    licence: str = ""
    kind: str = ""
    description: str = ""
    origin: dict[str, str] = field(default_factory=dict)  # where title, author, date came from ("cover")
    withdrawn: str = ""  # the publisher's withdrawal notice (GOV.UK), shown with every quote
    topics: str = ""  # comma-separated, for filtering (library.py)

    @property
    def year(self) -> str:
        match = re.match(r"\d{4}", self.date or "")
        return match.group(0) if match else "n.d."


@dataclass
class Document:
    meta: DocumentMeta
    text: str  # the normalised text every quote is a slice of
    format: str
    source: str  # path or URL it was read from
    sections: list[Section] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    unindexed: list[tuple[int, int]] = field(default_factory=list)  # spans never quoted
    back_matter: list[tuple[int, int, str]] = field(default_factory=list)  # spans never answers (backmatter.py)
    warnings: list[str] = field(
        default_factory=list
    )  # what ingest should tell the operator ("pages 3, 4 have no text")
    scanned: list[int] = field(default_factory=list)  # PDF pages whose text was recognised from a scan (OCR)
    content_hash: str = ""  # of the normalised text: unchanged text is never re-embedded
    source_hash: str = ""  # of the raw file (and its sidecar): tells when a source changed
    publication: str = ""  # the page it was found through (a GOV.UK publication), if any
    ingested_at: str = ""  # when this version was read (UTC, ISO 8601)
    # The PDF as read, until the index keeps its copy (index.save); never in documents.jsonl.
    original: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.meta.id

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("original")
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        # Titles stored before ingest cleaned them are cleaned as they load (they hold no offsets).
        meta: dict[str, Any] = {
            k: clean_meta(v) if isinstance(v, str) and k != "id" else v for k, v in data["meta"].items()
        }
        return cls(
            meta=DocumentMeta(**meta),
            text=data["text"],
            format=data["format"],
            source=data["source"],
            sections=[
                Section(**{**s, "title": clean_meta(s["title"]), "path": [clean_meta(t) for t in s["path"]]})
                for s in data.get("sections", [])
            ],
            pages=[Page(**p) for p in data.get("pages", [])],
            unindexed=[tuple(u) for u in data.get("unindexed", [])],
            back_matter=[tuple(b) for b in data.get("back_matter", [])],
            warnings=list(data.get("warnings", [])),
            scanned=list(data.get("scanned", [])),
            content_hash=data.get("content_hash", ""),
            source_hash=data.get("source_hash", ""),
            publication=data.get("publication", ""),
            ingested_at=data.get("ingested_at", ""),
        )

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose heading comes at or before ``offset``."""
        found = None
        for section in self.sections:
            if section.start <= offset:
                found = section
            else:
                break
        return found

    def pages_for(self, start: int, end: int) -> list[Page]:
        # In page order: a PDF footnote placed after a paragraph's tail on the next page
        # repeats its own page, and a quote over both must still cite "pp. 22–23".
        found = [p for p in self.pages if p.start < max(end, start + 1) and p.end > start]
        return sorted(found, key=lambda p: p.index)


# ---------------------------------------------------------------- assembling


def slugify(text: str, fallback: str = "section") -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or fallback


def assemble(blocks: list[Block], meta: DocumentMeta, fmt: str, source: str) -> Document:
    """Join blocks into the document text, recording sections, pages and unindexed spans."""
    parts: list[str] = []
    length = 0
    outline = _Outline()
    pages: list[Page] = []
    unindexed: list[tuple[int, int]] = []
    prev: Block | None = None

    for block in blocks:
        text = "\n".join(clean_line(t) for t in block.text.split("\n") if clean_line(t))
        if not text:
            continue
        sep = _separator(prev, block)
        parts.append(sep)
        length += len(sep)
        start, end = length, length + len(text)
        parts.append(text)
        length = end
        if block.page is not None:
            if pages and pages[-1].index == block.page:
                pages[-1].end = end
            else:
                if pages:
                    pages[-1].end = start - len(sep) if not block.continues else start
                pages.append(Page(block.page, block.page_label, start, end))
        if not block.indexed:
            unindexed.append((start, end))
        if block.kind == "heading":
            outline.add(block, text, start)
        prev = block

    full = "".join(parts)
    sections = outline.sections
    for i, section in enumerate(sections):
        section.end = next((s.start for s in sections[i + 1 :] if s.level <= section.level), len(full))
    if pages:
        pages[-1].end = len(full)
    doc = Document(meta, full, fmt, source, sections, pages, unindexed)
    doc.back_matter = backmatter.find(doc)
    doc.content_hash = hashlib.sha256(full.encode("utf-8")).hexdigest()
    return doc


def _separator(prev: Block | None, block: Block) -> str:
    """What stands between two blocks in the text: a space within a paragraph broken over a
    page, a line between items of one list or table, a blank line otherwise."""
    if prev is None:
        return ""
    if block.continues:
        return " "
    if block.kind == prev.kind and block.kind in ("list_item", "table_row"):
        return "\n"
    return "\n\n"


class _Outline:
    """The sections of a document as its headings come, each under the open ones of higher level."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self._open: list[Section] = []
        self._ids: set[str] = set()

    def add(self, block: Block, text: str, start: int) -> None:
        level = max(1, block.level or 1)
        while self._open and self._open[-1].level >= level:
            self._open.pop()
        base = slugify(text)
        sid, n = base, 2
        while sid in self._ids:
            sid, n = f"{base}-{n}", n + 1
        self._ids.add(sid)
        title = text.replace("\n", " ")
        section = Section(
            id=sid,
            title=title,
            level=level,
            path=[s.title for s in self._open] + [title],
            start=start,
            end=-1,
            page=block.page,
            page_label=block.page_label,
        )
        self._open.append(section)
        self.sections.append(section)


# ---------------------------------------------------------------- metadata and loading


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.toml")


def read_sidecar(path: Path) -> dict:
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        return tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DocumentError(f"metadata file {side.name} is not valid TOML: {exc}") from exc


def make_meta(path_or_name: str, sidecar: dict, found: dict | None = None) -> DocumentMeta:
    """Metadata from the sidecar first, then from the document itself, then the file name."""
    found = dict(found or {})
    origin = {k: v for k, v in found.pop("origin", {}).items() if found.get(k)}
    sidecar = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in sidecar.items()}
    if sidecar.get("year") and not sidecar.get("date"):
        sidecar["date"] = str(sidecar["year"])  # a year alone dates the document for filters and citations
    origin.update({k: "sidecar" for k, v in sidecar.items() if k in ("title", "author", "date") and v})
    stem = Path(path_or_name.split("?")[0].rstrip("/")).stem or "document"
    fields = {k: v for k, v in {**found, **sidecar}.items() if k in DocumentMeta.__dataclass_fields__}
    # Cleaned like the text: no control characters or bidi overrides in a title or an author.
    fields = {k: clean_meta(str(v)) for k, v in fields.items() if v and k != "origin"}
    fields = {k: v for k, v in fields.items() if v}
    fields.setdefault("id", slugify(stem, "document"))
    fields["id"] = slugify(fields["id"], "document")
    if "title" not in fields:
        fields["title"] = clean_meta(stem.replace("-", " ").replace("_", " ")) or "Untitled"
        origin["title"] = "file name"
    if not re.match(r"https?://", fields.get("source_url", ""), re.I):
        fields.pop("source_url", None)  # links are http(s) only: never javascript: or data:
    origin = {k: origin.get(k, "document") for k in ("title", "author", "date") if fields.get(k)}
    return DocumentMeta(**fields, origin=origin)


def trim_body(blocks: list[Block], sidecar: dict) -> list[Block]:
    """Keep only the article between ``body_starts_at`` and ``body_ends_before`` lines."""
    first, last = sidecar.get("body_starts_at"), sidecar.get("body_ends_before")
    if first:
        idx = next((i for i, b in enumerate(blocks) if clean_line(b.text).startswith(clean_line(first))), None)
        if idx is None:
            raise DocumentError(f"body_starts_at line not found: {first!r}")
        blocks = blocks[idx:]
    if last:
        idx = next((i for i, b in enumerate(blocks) if clean_line(b.text).startswith(clean_line(last))), None)
        if idx is None:
            raise DocumentError(f"body_ends_before line not found: {last!r}")
        blocks = blocks[:idx]
    return blocks


def load_document(path: Path) -> Document:
    """Read one local file into a Document, or raise DocumentError saying why."""
    from assistant.ingest import formats

    suffix = path.suffix.lower()
    if suffix not in registry.SUFFIXES:
        raise DocumentError(f"unsupported file type {suffix or '(none)'}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DocumentError("the file is empty")
    sidecar = read_sidecar(path)
    blocks, found, fmt = formats.read(data, suffix, path.name)
    doc = build_document(blocks, found, fmt, str(path), path.name, sidecar)
    doc.source_hash = source_hash(path)
    doc.original = data if fmt == "pdf" else None
    return doc


def source_hash(path: Path) -> str:
    """Hash of a file and its sidecar, to tell cheaply whether the index is stale."""
    digest = hashlib.sha256(path.read_bytes())
    side = sidecar_path(path)
    if side.is_file():
        digest.update(side.read_bytes())
    return digest.hexdigest()


def build_document(blocks: list[Block], found: dict, fmt: str, source: str, name: str, sidecar: dict) -> Document:
    blocks = trim_body(blocks, sidecar)
    if not any(b.text.strip() and b.indexed for b in blocks):
        raise DocumentError("no text found (is it a scanned image without a text layer?)")
    meta = make_meta(name, sidecar, found)
    doc = assemble(blocks, meta, fmt, source)
    doc.scanned, doc.warnings = list(found.get("scanned", [])), list(found.get("warnings", []))
    return doc


def discover(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Expand folders into the supported files inside them; report what does not exist."""
    found: list[str] = []
    problems: list[tuple[str, str]] = []
    for item in paths:
        if re.match(r"https?://", item, re.I):
            found.append(item)
            continue
        path = Path(item).expanduser().resolve()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in registry.SUFFIXES and not child.name.startswith("."):
                    if child.name.upper().startswith(("README", "PROVENANCE")):
                        continue  # notes about the corpus, not corpus
                    found.append(str(child))
        elif path.is_file():
            found.append(str(path))
        else:
            problems.append((item, "no such file or folder"))
    return found, problems


def page_text(labels: tuple[str | None, str | None]) -> str | None:
    """Printed page labels of a span as one text: "23" or "12–13"."""
    first, last = labels
    if not first:
        return None
    return first if not last or last == first else f"{first}–{last}"
