"""Build: read sources into documents, then build and save a new index build.

The index owns its sources: every document records where it came from (path or URL, hashes,
when it was read, the GOV.UK page it was found through), so ``refresh`` -- what ``assistant
serve`` runs -- brings an index up to date from its own records and never drops a document.
"""

from __future__ import annotations

import datetime as _dt
import fcntl
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.index import store as index_mod
from assistant.index import takedowns as takedowns_mod
from assistant.index.store import BuildStats, ChunkSettings, progress_bar
from assistant.ingest import summary
from assistant.ingest.documents import Document, DocumentError, discover, source_hash
from assistant.ingest.fetching import redact
from assistant.ingest.sources import FetchLimits, is_url, read_source

__all__ = [
    "FetchLimits",
    "IngestReport",
    "SourceCheck",
    "check_sources",
    "ingest",
    "refresh",
    "restore",
    "take_down",
]


@dataclass
class IngestReport:
    build: Path | None = None
    documents: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    kept: list[str] = field(default_factory=list)  # failed now, previous version kept
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # new to the index
    updated: list[str] = field(default_factory=list)  # read again, and their text changed
    flagged: list[str] = field(default_factory=list)  # newly withdrawn by their publisher: kept, flagged
    stats: BuildStats = field(default_factory=BuildStats)
    summaries: list[summary.Summary] = field(default_factory=list)  # one per document read


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
    skip_unchanged: bool = False,
) -> IngestReport:
    """Make the index hold ``sources`` (plus what it had, with ``add``), reusing unchanged embeddings.

    A source that fails is reported and, if the index already held it, its previous version
    is kept. Nothing is written unless at least one document remains (nor, with
    ``skip_unchanged``, when every document read is exactly what the index holds).
    """
    with ingest_lock(root):
        return _ingest(sources, root, embedder, chunking, add, remove, progress, limits, skip_unchanged)


def _ingest(sources, root, embedder, chunking, add, remove, progress, limits, skip_unchanged=False) -> IngestReport:
    report = IngestReport()
    drop = set(remove or [])
    previous = previous_index(root, embedder)
    # Documents of a build made by another version or model are kept too (re-embedded);
    # so are the ones taken down, which a loaded index keeps apart.
    held = {**previous.documents, **previous.hidden} if previous else index_mod.stored_documents(root)
    takedowns = takedowns_mod.read(root)
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
            if old.publication in files:  # read again, and this attachment is not on it any more
                report.problems.append((old.source, f"no longer listed by {old.publication}; kept as indexed"))
    docs: dict[str, Document] = {}
    for doc in fresh:
        doc.meta.id = _unique_id(doc.meta.id, {**kept, **docs}, doc.source)
        docs[doc.meta.id] = _stamp(doc, held.get(doc.meta.id))
        _compare(doc, held.get(doc.meta.id), report)
    docs.update(kept)
    for doc in docs.values():
        _scrub(doc)
    for doc_id in drop:
        docs.pop(doc_id, None)
    report.removed = [doc_id for doc_id in held if doc_id not in docs]
    if not docs:
        raise DocumentError("nothing to index: no source could be read" + _why(report))
    report.documents = list(docs)
    folders = _folders(sources, root if add else None)
    # Files removed by id stay out of a refresh's "new files in a recorded folder" until named again.
    excluded = (set(_recorded(root, "excluded")) if add else set()) | {held[d].source for d in drop if d in held}
    excluded -= set(files)
    if skip_unchanged and previous and _same(docs, held, previous.manifest, folders, takedowns):
        return report  # no build written: the live one already holds exactly this
    data, report.stats = index_mod.build(list(docs.values()), embedder, chunking, previous, progress, takedowns)
    data.folders, data.excluded = folders, sorted(excluded)
    report.build = index_mod.save(data, root)
    per_doc = Counter(p.doc_id for p in data.passages)
    report.summaries = [summary.of(d, per_doc[d.id]) for d in fresh if docs.get(d.id) is d]
    return report


def _compare(doc: Document, old: Document | None, report: IngestReport) -> None:
    """Note what a fresh read changed: a new document, new text, a new withdrawal notice."""
    if old is None:
        report.added.append(doc.id)
    elif old.content_hash != doc.content_hash:
        report.updated.append(doc.id)
    if doc.meta.withdrawn and not (old and old.meta.withdrawn):
        report.flagged.append(doc.id)


def _same(docs: dict[str, Document], held: dict[str, Document], manifest: dict, folders, takedowns) -> bool:
    """True when writing a build would change nothing the live build holds."""
    hidden = {d for d, info in manifest.get("documents", {}).items() if info.get("takedown")}
    return (
        docs.keys() == held.keys()
        and all(docs[d].to_dict() == held[d].to_dict() for d in docs)
        and manifest.get("folders", []) == folders
        and hidden == {d for d in docs if d in takedowns}
    )


def _folders(sources: list[str], root: Path | None) -> list[str]:
    """The folders given as sources, and with ``root`` those the live build recorded: a refresh
    adds the new files it finds in them."""
    found = {str(Path(s).expanduser().resolve()) for s in sources if not is_url(s) and Path(s).expanduser().is_dir()}
    return sorted(found | set(_recorded(root, "folders") if root is not None else []))


def _recorded(root: Path, key: str) -> list[str]:
    """A list the live build's manifest records (``folders``, ``excluded``), or [] without one."""
    try:
        return list(index_mod.read_manifest(index_mod.current_build(root)).get(key, []))
    except index_mod.IndexProblem:
        return []


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
            partial = [(redact(src), why) for src, why in partial]
            problems.extend(partial)
            failed.update(src for src, _ in partial)
            bar.update(1)
    return fresh, failed


def _scrub(doc: Document) -> None:
    """No credentials are stored from any address: the source's, its page's or the document's own link."""
    doc.source, doc.publication, doc.meta.source_url = map(redact, (doc.source, doc.publication, doc.meta.source_url))


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
    urls: list[str] = field(default_factory=list)  # URL sources (or their GOV.UK page): fetched only when asked
    added: list[str] = field(default_factory=list)  # files new to a recorded folder: read them

    @property
    def reason(self) -> str | None:
        if self.rebuild:
            return self.rebuild
        said = [f"{self.changed[0]} changed"] if len(self.changed) == 1 else []
        said += [f"{len(self.changed)} sources changed"] if len(self.changed) > 1 else []
        said += [f"{len(self.added)} new file(s) in recorded folders"] if self.added else []
        return "; ".join(said) or None


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
    recorded = {info.get("source", "") for info in manifest.get("documents", {}).values()}
    files, _ = discover([f for f in manifest.get("folders", []) if Path(f).is_dir()])
    skip = recorded | set(manifest.get("excluded", []))
    check.added = [f for f in files if f not in skip]
    return check


def refresh(
    root: Path,
    embedder,
    chunking: ChunkSettings,
    progress: bool = False,
    limits: FetchLimits = FetchLimits(),
    fetch: bool = False,
) -> tuple[SourceCheck, IngestReport | None]:
    """Re-read the recorded local sources that changed (all of them when the build must be
    redone) and the new files of recorded folders, keeping every other document; None when
    the index is up to date. With ``fetch`` (``ingest --refresh``), every URL source and GOV.UK
    publication is fetched again too: what changed is re-read, a withdrawal is flagged, a source
    that is gone is reported and its document kept; no build is written when nothing changed."""
    check = check_sources(root, chunking, embedder.name)
    if not fetch and not check.rebuild and not check.changed and not check.added:
        return check, None
    sources = (check.local if check.rebuild else check.changed) + check.added + (check.urls if fetch else [])
    lost = ([] if fetch else check.urls) + check.missing
    if check.rebuild and lost and not index_mod.stored_documents(root):
        # Never fetched here (serve makes no outside calls), and never dropped without a word.
        raise DocumentError(
            f"the index must be rebuilt ({check.rebuild}) but its stored documents cannot be read, "
            f"so these sources would be lost: {', '.join(lost)}. "
            f"Rebuild it with: assistant ingest --index {root} SOURCES"
        )
    report = ingest(
        sources, root, embedder, chunking, add=True, progress=progress, limits=limits, skip_unchanged=not check.rebuild
    )
    return check, report


# ---------------------------------------------------------------- takedowns


def take_down(root: Path, doc_id: str, reason: str, embedder, chunking: ChunkSettings) -> IngestReport:
    """Hide ``doc_id`` from answers, the finder and the pages, in a new build and every later one.

    The document stays in the index (its text kept, listed by ``assistant documents``) so
    ``restore`` brings it back; the takedown is written before the build, so a crash between
    the two still hides it from the next build on.
    """
    with ingest_lock(root):
        if doc_id not in index_mod.stored_documents(root):
            raise DocumentError(f"there is no document {doc_id!r} in {root} (see: assistant documents)")
        entries = takedowns_mod.read(root)
        entries[doc_id] = {"reason": reason, "at": now()}
        takedowns_mod.write(root, entries)
        return _ingest([], root, embedder, chunking, True, None, False, FetchLimits())


def restore(root: Path, doc_id: str, embedder, chunking: ChunkSettings) -> IngestReport:
    """Undo a takedown: the document is chunked and embedded again into a new build."""
    with ingest_lock(root):
        entries = takedowns_mod.read(root)
        if entries.pop(doc_id, None) is None:
            raise DocumentError(f"{doc_id!r} is not taken down (see: assistant documents)")
        takedowns_mod.write(root, entries)
        return _ingest([], root, embedder, chunking, True, None, False, FetchLimits())
