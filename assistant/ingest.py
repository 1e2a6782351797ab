"""Ingest: read sources into documents, then build and save a new index build.

The index owns its sources: every document records where it came from (path or URL, hashes,
when it was read, the GOV.UK page it was found through), so ``refresh`` -- what ``assistant
serve`` runs -- brings an index up to date from its own records and never drops a document.
"""

from __future__ import annotations

import datetime as _dt
import fcntl
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant import index as index_mod
from assistant.documents import Document, DocumentError, discover, source_hash
from assistant.index import BuildStats, ChunkSettings, progress_bar
from assistant.sources import FetchLimits, is_url, read_source

__all__ = ["FetchLimits", "IngestReport", "SourceCheck", "check_sources", "ingest", "refresh", "stale_reason"]


@dataclass
class IngestReport:
    build: Path | None = None
    documents: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    kept: list[str] = field(default_factory=list)  # failed now, previous version kept
    removed: list[str] = field(default_factory=list)
    stats: BuildStats = field(default_factory=BuildStats)


@contextmanager
def ingest_lock(root: Path):
    """One ingest at a time per index folder."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DocumentError(f"another ingest is already writing {root}; try again when it ends") from None
        yield


def previous_index(root: Path, embedder) -> index_mod.Index | None:
    try:
        return index_mod.load(root, embedder.name, embedder.dimensions)
    except index_mod.IndexProblem:
        return None  # nothing usable to reuse: embed everything


def ingest(
    sources: list[str],
    root: Path,
    embedder,
    chunking: ChunkSettings,
    add: bool = False,
    remove: list[str] | None = None,
    progress: bool = False,
    limits: FetchLimits = FetchLimits(),
) -> IngestReport:
    """Make the index hold ``sources`` (plus what it had, with ``add``), reusing unchanged embeddings.

    A source that fails is reported and, if the index already held it, its previous version
    is kept. Nothing is written unless at least one document remains.
    """
    report = IngestReport()
    drop = set(remove or [])
    with ingest_lock(root):
        previous = previous_index(root, embedder)
        # Documents of a build made by another version or model are kept too (re-embedded).
        held = previous.documents if previous else index_mod.stored_documents(root)
        files, report.problems = discover(sources)
        fresh, failed = _read_all(files, limits, progress, report.problems)
        renewed = {d.source for d in fresh}
        kept: dict[str, Document] = {}
        for doc_id, old in held.items():
            if doc_id in drop or old.source in renewed:
                continue
            if old.source in failed or old.publication in failed:
                kept[doc_id] = old
                report.kept.append(doc_id)
            elif add:
                kept[doc_id] = old
        docs: dict[str, Document] = {}
        for doc in fresh:
            doc.meta.id = _unique_id(doc.meta.id, {**kept, **docs}, doc.source)
            docs[doc.meta.id] = _stamp(doc, held.get(doc.meta.id))
        docs.update(kept)
        for doc_id in drop:
            docs.pop(doc_id, None)
        report.removed = [doc_id for doc_id in held if doc_id not in docs]
        if not docs:
            raise DocumentError("nothing to index: no source could be read" + _why(report))
        data, report.stats = index_mod.build(list(docs.values()), embedder, chunking, previous, progress)
        report.build = index_mod.save(data, root)
        report.documents = list(docs)
    return report


def _read_all(
    files: list[str], limits: FetchLimits, progress: bool, problems: list[tuple[str, str]]
) -> tuple[list[Document], set[str]]:
    """Read every source; a source that fails, for whatever reason, is a problem, never the end."""
    fresh: list[Document] = []
    failed: set[str] = set()
    with progress_bar(len(files), "Reading", "source", progress) as bar:
        for source in files:
            try:
                docs, partial = read_source(source, limits)
            except DocumentError as exc:
                docs, partial = [], [(source, str(exc))]
            except Exception as exc:  # noqa: BLE001 - a reader bug on one file must not stop the others
                docs, partial = (
                    [],
                    [(source, f"the reader failed ({type(exc).__name__}: {' '.join(str(exc).split())[:300]})")],
                )
            fresh.extend(docs)
            problems.extend(partial)
            failed.update(src for src, _ in partial)
            bar.update(1)
    return fresh, failed


def _stamp(doc: Document, old: Document | None) -> Document:
    """When this version was read: kept from the index when the source is byte for byte the same."""
    same = old is not None and old.source == doc.source and old.source_hash == doc.source_hash
    doc.ingested_at = old.ingested_at if old is not None and same and old.ingested_at else now()
    return doc


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _unique_id(doc_id: str, docs: dict[str, Document], source: str) -> str:
    candidate, n = doc_id, 2
    while candidate in docs and docs[candidate].source != source:
        candidate, n = f"{doc_id}-{n}", n + 1
    return candidate


def _why(report: IngestReport) -> str:
    return "".join(f"\n  {src}: {reason}" for src, reason in report.problems)


# ---------------------------------------------------------------- keeping an index up to date


@dataclass
class SourceCheck:
    """How an index's own recorded sources compare with what is on disk now."""

    rebuild: str | None = None  # why every document must be chunked and embedded again
    changed: list[str] = field(default_factory=list)  # local files that changed: read them again
    missing: list[str] = field(default_factory=list)  # local files gone: the indexed version stays
    local: list[str] = field(default_factory=list)  # local files still there
    urls: list[str] = field(default_factory=list)  # URL sources (or their GOV.UK page): never fetched here

    @property
    def reason(self) -> str | None:
        if self.rebuild:
            return self.rebuild
        if len(self.changed) == 1:
            return f"{self.changed[0]} changed"
        return f"{len(self.changed)} sources changed" if self.changed else None


def check_sources(root: Path, chunking: ChunkSettings, model: str) -> SourceCheck:
    """Compare the live build with its recorded sources (IndexProblem when there is none)."""
    manifest = index_mod.read_manifest(index_mod.current_build(root))
    check = SourceCheck()
    if manifest.get("format_version") != index_mod.FORMAT_VERSION or manifest.get("model") != model:
        check.rebuild = "the index was built by another version or model"
    elif manifest.get("chunking") != chunking.as_dict():
        check.rebuild = "the chunking settings changed"
    for info in manifest.get("documents", {}).values():
        source = info.get("source", "")
        if is_url(source):
            check.urls.append(info.get("publication") or source)
            continue
        try:
            current = source_hash(Path(source))
        except OSError:
            check.missing.append(source)
            continue
        check.local.append(source)
        if current != info.get("source_hash"):
            check.changed.append(source)
    check.urls = list(dict.fromkeys(check.urls))
    return check


def stale_reason(root: Path, chunking: ChunkSettings, model: str) -> str | None:
    """Why the index must be (re)built from its own sources, or None when it is up to date."""
    try:
        return check_sources(root, chunking, model).reason
    except index_mod.IndexProblem as exc:
        return str(exc)


def refresh(
    root: Path, embedder, chunking: ChunkSettings, progress: bool = False, limits: FetchLimits = FetchLimits()
) -> tuple[SourceCheck, IngestReport | None]:
    """Re-read the recorded local sources that changed (all of them when the build must be
    redone), keeping every other document; None when the index is up to date."""
    check = check_sources(root, chunking, embedder.name)
    if not check.rebuild and not check.changed:
        return check, None
    sources = check.local if check.rebuild else check.changed
    lost = check.urls + check.missing
    if check.rebuild and lost and not index_mod.stored_documents(root):
        # Never fetched here (serve makes no outside calls), and never dropped without a word.
        raise DocumentError(
            f"the index must be rebuilt ({check.rebuild}) but its stored documents cannot be read, "
            f"so these sources would be lost: {', '.join(lost)}. "
            f"Rebuild it with: assistant ingest --index {root} SOURCES"
        )
    return check, ingest(sources, root, embedder, chunking, add=True, progress=progress, limits=limits)
