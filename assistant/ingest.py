"""Ingest: read sources into documents, then build and save a new index build."""

from __future__ import annotations

import fcntl
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant import index as index_mod
from assistant.documents import Document, DocumentError, discover, load_document
from assistant.formats import fetch


@dataclass
class IngestReport:
    build: Path | None = None
    documents: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    kept: list[str] = field(default_factory=list)  # failed now, previous version kept
    removed: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FetchLimits:
    """How long to wait for, and how much to read of, an http(s) source."""

    timeout: float = fetch.TIMEOUT
    max_bytes: int = fetch.MAX_BYTES


def load_source(source: str, limits: FetchLimits = FetchLimits()) -> Document:
    if re.match(r"https?://", source, re.I):
        return fetch.load_url(source, limits.timeout, limits.max_bytes)
    return load_document(Path(source))


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
    chunking: index_mod.ChunkSettings,
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
    with ingest_lock(root):
        previous = previous_index(root, embedder)
        files, report.problems = discover(sources)
        docs: dict[str, Document] = {}
        by_source = {d.source: d for d in previous.documents.values()} if previous else {}
        for source in _progress(files, progress):
            try:
                doc = load_source(source, limits)
            except DocumentError as exc:
                report.problems.append((source, str(exc)))
                old = by_source.get(source)
                if old is not None:
                    docs[old.id] = old
                    report.kept.append(old.id)
                continue
            doc.meta.id = _unique_id(doc.meta.id, docs, doc.source)
            docs[doc.meta.id] = doc
        if previous:
            for doc_id, old in previous.documents.items():
                if doc_id in docs:
                    continue
                if add and doc_id not in (remove or []):
                    docs[doc_id] = old
                else:
                    report.removed.append(doc_id)
        for doc_id in remove or []:
            docs.pop(doc_id, None)
        if not docs:
            raise DocumentError("nothing to index: no source could be read" + _why(report))
        data, report.stats = index_mod.build(list(docs.values()), embedder, chunking, previous, progress)
        report.build = index_mod.save(data, root)
        report.documents = list(docs)
    return report


def _unique_id(doc_id: str, docs: dict[str, Document], source: str) -> str:
    candidate, n = doc_id, 2
    while candidate in docs and docs[candidate].source != source:
        candidate, n = f"{doc_id}-{n}", n + 1
    return candidate


def _why(report: IngestReport) -> str:
    return "".join(f"\n  {src}: {reason}" for src, reason in report.problems)


def _progress(items: list[str], show: bool):
    if not show or len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="Reading", unit="file")


def stale_reason(sources: list[str], root: Path, chunking: index_mod.ChunkSettings, model: str) -> str | None:
    """Why the index must be (re)built for ``sources``, or None when it is up to date."""
    from assistant.documents import source_hash

    try:
        manifest = index_mod.read_manifest(index_mod.current_build(root))
    except index_mod.IndexProblem as exc:
        return str(exc)
    if manifest.get("format_version") != index_mod.FORMAT_VERSION or manifest.get("model") != model:
        return "the index was built by another version or model"
    if manifest.get("chunking") != chunking.as_dict():
        return "the chunking settings changed"
    files, _ = discover(sources)
    indexed = {d["source"]: d.get("source_hash") for d in manifest.get("documents", {}).values()}
    for f in files:
        if re.match(r"https?://", f, re.I):
            if f not in indexed:
                return f"{f} is not in the index"
            continue
        if f not in indexed:
            return f"{f} is new"
        if indexed[f] != source_hash(Path(f)):
            return f"{f} changed"
    if set(indexed) - set(files):
        return "a document was removed from the corpus"
    return None
