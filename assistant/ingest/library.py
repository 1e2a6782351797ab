"""The library: each document's facts for filtering (kind, publisher, year, topics), the one
``Filters`` model every route and command takes, and facet counts.

Facts are detected from the document and its source (the GOV.UK document type and
organisation, title words such as "Local child safeguarding practice review" or "7-minute
briefing"), then overridden by the sidecar (``kind``, ``publisher``, ``year``, ``topics`` in
``.meta.toml``) and last by ``assistant documents --set`` (``library.json`` beside CURRENT,
plain data that survives every rebuild).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Annotated, Literal, cast

import numpy as np
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from assistant.errors import UnknownDocument  # noqa: F401  (raised here; importable from here too)

KINDS = {
    "annual-report": "Annual report",
    "national-review": "National review",
    "local-review": "Local review (LCSPR/SCR)",
    "briefing": "Briefing",
    "guidance": "Guidance",
    "news": "News item",
    "other": "Other",
}
KIND_WORDS = {  # other spellings people and sources use for a kind
    "annual report": "annual-report",
    "national review": "national-review",
    "national case review": "national-review",
    "local review": "local-review",
    "lcspr": "local-review",
    "scr": "local-review",
    "serious case review": "local-review",
    "local child safeguarding practice review": "local-review",
    "7-minute briefing": "briefing",
    "seven minute briefing": "briefing",
    "statutory guidance": "guidance",
    "news item": "news",
    "news story": "news",
    "news article": "news",
    "press release": "news",
}
OVERRIDES = "library.json"  # beside CURRENT: never inside a build, so a rebuild keeps it
FACT_KEYS = ("kind", "publisher", "year", "topics")

# Title words, most specific first: a "7-minute briefing on a local review" is a briefing.
_TITLE_RULES = (
    ("briefing", re.compile(r"\b(?:7|seven)[- ]minute briefing\b|\bbriefing\b", re.I)),
    (
        "local-review",
        re.compile(r"\blocal child safeguarding practice review\b|\bserious case review\b|\b(?:LCSPR|SCR)\b", re.I),
    ),
    ("annual-report", re.compile(r"\bannual report\b", re.I)),
    ("national-review", re.compile(r"\bnational (?:case |child safeguarding practice )?review\b", re.I)),
    ("guidance", re.compile(r"\bguidance\b|\bworking together to safeguard\b", re.I)),
)


def kind_value(value: object) -> str | None:
    """The kind a word names ("Local review (LCSPR/SCR)", "local_review", "SCR"), or None."""
    text = re.sub(r"[\s_]+", " ", str(value or "")).strip().lower()
    if not text:
        return None
    slug = text.replace(" ", "-")
    if slug in KINDS:
        return slug
    for slug, label in KINDS.items():
        if text == label.lower():
            return slug
    return KIND_WORDS.get(text)


def _kinds(values: object) -> object:
    """Kinds as given, each read as its slug when it names one (others fail validation)."""
    if isinstance(values, str):
        values = [values]
    if isinstance(values, list):
        return [kind_value(v) or v for v in values]
    return values


def _strings(values: object) -> object:
    return [values] if isinstance(values, str) else values


def _text(value: str) -> str:
    """Text that can be written out again: no lone surrogates (half an emoji)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains characters that are not valid text") from None
    return value


Name = Annotated[str, Field(max_length=300), AfterValidator(_text)]


Kind = Literal["annual-report", "national-review", "local-review", "briefing", "guidance", "news", "other"]
Year = Annotated[int, Field(ge=1000, le=9999)]


class Filters(BaseModel):
    """Which documents a question or search looks in; every part left empty means all."""

    model_config = ConfigDict(extra="forbid")

    documents: Annotated[list[Name], BeforeValidator(_strings)] = Field(
        default_factory=list, max_length=200, description="Document ids."
    )
    kinds: Annotated[list[Kind], BeforeValidator(_kinds)] = Field(
        default_factory=list, description="Kinds of document: " + ", ".join(KINDS) + "."
    )
    publishers: Annotated[list[Name], BeforeValidator(_strings)] = Field(
        default_factory=list, max_length=50, description="Publishers, as `assistant documents` lists them."
    )
    year_from: Year | None = Field(None, description="Published in or after this year.")
    year_to: Year | None = Field(None, description="Published in or before this year.")

    # A bound the filter never goes past (a partner's widget profile), kept out of what it says of itself.
    _within: Filters | None = PrivateAttr(None)

    def within(self, outer: Filters) -> Filters:
        """This filter, never wider than ``outer``: a document must pass both."""
        narrowed = self.model_copy()
        narrowed._within = outer if self._within is None else self._within.within(outer)
        return narrowed

    @property
    def active(self) -> bool:
        own = bool(self.documents or self.kinds or self.publishers or self.year_from or self.year_to)
        return own or (self._within is not None and self._within.active)

    def allows(self, doc_id: str, facts: dict) -> bool:
        if self._within is not None and not self._within.allows(doc_id, facts):
            return False
        if self.documents and doc_id not in self.documents:
            return False
        if self.kinds and facts["kind"] not in self.kinds:
            return False
        if self.publishers and facts["publisher"].casefold() not in {p.casefold() for p in self.publishers}:
            return False
        year = facts["year"]
        if (self.year_from or self.year_to) and year is None:
            return False
        if self.year_from and year < self.year_from:
            return False
        return not (self.year_to and year > self.year_to)


class Facts(BaseModel):
    """What a document is, for filters: as ``assistant documents`` lists it."""

    kind: Kind
    publisher: str
    year: int | None
    topics: list[str]


class Scope(BaseModel):
    """The filter an answer was given, and how many documents it left."""

    filters: Filters
    documents: int = Field(..., description="Documents the filter matches; 0 means nothing was searched.")


NO_MATCH = "No document matches this filter, so nothing was searched. Widen the filter or search all documents."


# ---------------------------------------------------------------- facts


def detect(meta, publication: str = "") -> dict:
    """Facts from the document and its source: kind, publisher, year and topics."""
    kind = kind_value(meta.kind) if meta.kind and meta.kind != "report" else None
    if kind is None:
        kind = next((k for k, rule in _TITLE_RULES if rule.search(meta.title or "")), None)
    if kind is None:
        source_kind = (meta.kind or "").lower()
        publisher = (meta.publisher or meta.author or "").lower()
        if "news" in source_kind or "press" in source_kind:
            kind = "news"
        elif "guidance" in source_kind:
            kind = "guidance"
        elif source_kind.endswith("report") and "practice review panel" in publisher:
            kind = "national-review"  # the Panel publishes its national reviews as reports
        else:
            kind = "other"
    year = meta.year
    topics = getattr(meta, "topics", "") or ""
    return {
        "kind": kind,
        "publisher": meta.publisher or meta.author or "",
        "year": int(year) if year.isdigit() else None,
        "topics": [t.strip() for t in topics.split(",") if t.strip()] if isinstance(topics, str) else list(topics),
    }


def check_key(key: str) -> None:
    if key not in FACT_KEYS:
        raise ValueError(f"unknown fact {key!r}; use one of: {', '.join(FACT_KEYS)}")


def clean_fact(key: str, value: object) -> object:
    """A fact as stored; a ValueError says why a value cannot be one."""
    if key == "kind":
        kind = kind_value(value)
        if kind is None:
            raise ValueError(f"unknown kind {value!r}; use one of: {', '.join(KINDS)}")
        return kind
    if key == "year":
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"a year is four digits, not {value!r}")
        return int(text)
    if key == "topics":
        items = value.split(",") if isinstance(value, str) else list(cast(list, value or []))
        return [str(t).strip() for t in items if str(t).strip()]
    check_key(key)
    return str(value).strip()


def overrides(root: Path) -> dict[str, dict]:
    """The operator's ``--set`` values: {doc id: {fact: value}}."""
    try:
        data = json.loads((Path(root) / OVERRIDES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def set_fact(root: Path, doc_id: str, key: str, value: str) -> object:
    """Store one override (an empty value removes it); written whole and renamed into place."""
    check_key(key)
    data = overrides(root)
    entry = data.setdefault(doc_id, {})
    if value.strip():
        entry[key] = clean_fact(key, value)
    else:
        entry.pop(key, None)
    data = {k: v for k, v in data.items() if v}
    path = Path(root) / OVERRIDES
    tmp = path.with_name(f".{OVERRIDES}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return entry.get(key)


def merged(detected: dict, override: dict) -> dict:
    out = dict(detected)
    for key in FACT_KEYS:
        if key in override:
            try:
                out[key] = clean_fact(key, override[key])
            except ValueError:
                pass  # a hand-edited bad value is ignored, not fatal
    return out


def table(index) -> dict[str, dict]:
    """Every document's facts (detected at build time, then overridden), kept on the loaded
    index and made again when ``library.json`` changes."""
    root = Path(index.path).parent.parent
    try:
        stamp = (root / OVERRIDES).stat().st_mtime_ns
    except OSError:
        stamp = 0
    cached = index.derived.get("library")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    stored = index.manifest.get("documents", {})
    extra = overrides(root)
    facts = {
        doc_id: merged(stored.get(doc_id, {}).get("facts") or detect(doc.meta, doc.publication), extra.get(doc_id, {}))
        for doc_id, doc in index.documents.items()
    }
    index.derived["library"] = (stamp, facts)
    return facts


# ---------------------------------------------------------------- filtering and facets


def matching(index, filters: Filters | None) -> set[str] | None:
    """The ids of the documents a filter allows (None: no filter, every document)."""
    if filters is None or not filters.active:
        return None
    unknown = [d for d in filters.documents if d not in index.documents]
    if unknown:
        raise UnknownDocument(f"There is no document with the id {unknown[0]!r}.")
    facts = table(index)
    return {d for d in index.documents if filters.allows(d, facts[d])}


def row_mask(index, doc_ids: set[str]) -> np.ndarray:
    """A boolean per passage row: True where the passage belongs to one of ``doc_ids`` (a table
    lookup by each row's document number: one pass, however many documents are allowed)."""
    codes, names = index.derive("doc_codes", lambda: _doc_codes(index))
    allowed = np.zeros(len(names) + 1, dtype=bool)
    allowed[[names[d] for d in doc_ids if d in names]] = True
    return allowed[codes]


def _doc_codes(index) -> tuple[np.ndarray, dict[str, int]]:
    names = {d: i for i, d in enumerate(index.documents)}
    return np.fromiter((names[p.doc_id] for p in index.passages), dtype=np.int32, count=len(index.passages)), names


class FacetCount(BaseModel):
    value: str
    label: str
    count: int


class Facets(BaseModel):
    documents: int = Field(..., description="Documents under the filter.")
    kinds: list[FacetCount]
    publishers: list[FacetCount]
    years: list[FacetCount]


def facets(facts: dict[str, dict], doc_ids: set[str] | None = None) -> Facets:
    """Counts of documents by kind, publisher and year among ``doc_ids`` (None: all)."""
    kinds: dict[str, int] = {}
    publishers: dict[str, int] = {}
    years: dict[str, int] = {}
    n = 0
    for doc_id, f in facts.items():
        if doc_ids is not None and doc_id not in doc_ids:
            continue
        n += 1
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
        publishers[f["publisher"]] = publishers.get(f["publisher"], 0) + 1
        year = str(f["year"]) if f["year"] else ""
        years[year] = years.get(year, 0) + 1
    return Facets(
        documents=n,
        kinds=[FacetCount(value=k, label=KINDS[k], count=kinds[k]) for k in KINDS if k in kinds],
        publishers=[
            FacetCount(value=p, label=p or "Publisher not known", count=c)
            for p, c in sorted(publishers.items(), key=lambda x: (-x[1], x[0]))
        ],
        years=[
            FacetCount(value=y, label=y or "Year not known", count=c)
            for y, c in sorted(years.items(), key=lambda x: x[0] or "0", reverse=True)
        ],
    )
