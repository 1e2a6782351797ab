"""Index: build, save and load a versioned folder of plain files with a checked manifest.

Layout::

    index/CURRENT                  name of the live build (swapped atomically)
    index/builds/<build>/manifest.json, documents.jsonl, passages.jsonl, sentences.jsonl,
                         passage_vectors.npy, sentence_vectors.npy, dense.faiss, bm25/

A build is written beside the live one and only then named in CURRENT, so a crash
mid-ingest leaves the previous index untouched. Builds are never modified once written.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import numpy as np

from assistant import __version__
from assistant.errors import IndexProblem  # noqa: F401  (raised here; importable from here too)
from assistant.index import vectors
from assistant.index.lexical import BM25
from assistant.index.vectors import VectorStore
from assistant.ingest import backmatter, library
from assistant.ingest.documents import Document
from assistant.ingest.formats import registry
from assistant.ingest.passages import Passage, make_passages
from assistant.settings import PASSAGE_MAX_CHARS, PASSAGE_MAX_WORDS, PASSAGE_OVERLAP_SENTENCES

if TYPE_CHECKING:
    from assistant.encoding.embeddings import Encoder

FORMAT_VERSION = 1
KEEP_BUILDS = 3  # the live build and two before it, for servers still reading them


@dataclass
class Index:
    """A loaded, read-only index."""

    path: Path
    manifest: dict
    documents: dict[str, Document]
    passages: list[Passage]
    passage_vectors: np.ndarray
    sentence_keys: dict[tuple[str, int, int], int]  # (doc, start, end) -> row
    sentence_vectors: np.ndarray
    dense: VectorStore  # over passage_vectors
    bm25: BM25
    by_id: dict[str, int] = field(default_factory=dict)
    # Documents an operator took down: kept in the build (never lost) but without passages,
    # and outside ``documents``, so no answer, finder or page can show them.
    hidden: dict[str, Document] = field(default_factory=dict)
    # Values derived from this read-only index on first use (the finder's tables, its
    # vocabulary, the glossary and calibration): they live and die with the index, so a
    # reload brings fresh ones and no module attaches attributes of its own.
    derived: dict = field(default_factory=dict, repr=False)
    _deriving: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def __post_init__(self):
        self.by_id = {p.id: i for i, p in enumerate(self.passages)}

    def derive(self, key: str, make):
        """``derived[key]``, made by ``make()`` once: callers that arrive while it is being made
        wait for that one build instead of each making their own (and their own memory)."""
        value = self.derived.get(key)
        if value is None:
            with self._deriving:
                value = self.derived.get(key)
                if value is None:
                    value = self.derived[key] = make()
        return value

    @property
    def build(self) -> str:
        return self.manifest["build"]

    def passage(self, pid: str) -> Passage | None:
        i = self.by_id.get(pid)
        return None if i is None else self.passages[i]

    def neighbours(self, pid: str, before: int = 1, after: int = 1) -> list[Passage]:
        """The passage with the ones around it in the same document, in order."""
        i = self.by_id[pid]
        doc = self.passages[i].doc_id
        lo = i
        while lo > 0 and i - lo < before and self.passages[lo - 1].doc_id == doc:
            lo -= 1
        hi = i
        while hi + 1 < len(self.passages) and hi - i < after and self.passages[hi + 1].doc_id == doc:
            hi += 1
        return self.passages[lo : hi + 1]

    def sentence_rows(self, passage: Passage) -> list[int]:
        return [self.sentence_keys[(passage.doc_id, s, e)] for s, e in passage.sentences]


# ---------------------------------------------------------------- building


@dataclass
class ChunkSettings:
    """How documents are cut into passages; recorded in the manifest, so a change means a rebuild."""

    passage_max_words: int = PASSAGE_MAX_WORDS
    passage_overlap_sentences: int = PASSAGE_OVERLAP_SENTENCES
    passage_max_chars: int = PASSAGE_MAX_CHARS

    @classmethod
    def from_settings(cls, settings) -> ChunkSettings:
        return cls(settings.passage_max_words, settings.passage_overlap_sentences, settings.passage_max_chars)

    def as_dict(self) -> dict:
        import pysbd

        return {
            "passage_max_words": self.passage_max_words,
            "passage_overlap_sentences": self.passage_overlap_sentences,
            "passage_max_chars": self.passage_max_chars,
            "segmenter": f"pysbd {getattr(pysbd, '__version__', '?')}",
        }


def embedding_input(doc: Document, passage: Passage) -> str:
    """What the model reads for a passage: its innermost heading (when informative) and text."""
    text = doc.text[passage.start : passage.end]
    section = doc.section_at(passage.start)
    if section and section.title != doc.meta.title:
        return f"{section.title}: {text}"
    return text


@dataclass(frozen=True)
class BuildStats:
    """What a build had to embed, and what it could reuse."""

    documents_reused: int = 0
    documents_embedded: int = 0
    passages_embedded: int = 0
    sentences_embedded: int = 0


@dataclass
class Built:
    """A build's records and vectors, ready to save: what ``build`` makes and ``save`` writes."""

    documents: list[Document]
    passages: list[Passage]
    sentences: list[tuple[str, int, int]]  # (doc, start, end), one row each in sentence_vectors
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray
    chunking: dict  # ChunkSettings.as_dict()
    model: str
    dimensions: int
    vectors: dict | None = None  # which encoder made the passage and sentence vectors
    takedowns: dict[str, dict] = field(default_factory=dict)  # id -> reason and time
    folders: list[str] = field(default_factory=list)  # recorded folders: a refresh adds their new files
    excluded: list[str] = field(default_factory=list)  # ... except those removed by id


EMBED_SLICE = 256  # texts per model call while a progress bar is shown


def progress_bar(total: int, desc: str, unit: str, show: bool):
    """One tqdm bar on stderr with counts, drawn only when asked and stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=f" {unit}", disable=None if show and total else True, leave=True)


@dataclass
class _Rows:
    """What a build collects, in order: passages and sentences, each row's vector None until embedded."""

    passages: list[Passage] = field(default_factory=list)
    sentences: list[tuple[str, int, int]] = field(default_factory=list)
    p_rows: list[np.ndarray | None] = field(default_factory=list)
    s_rows: list[np.ndarray | None] = field(default_factory=list)
    todo_p: list[tuple[int, str]] = field(default_factory=list)  # (position in passages, text to embed)
    # (position in sentences, passage in todo_p, span in its text)
    todo_s: list[tuple[int, int, int]] = field(default_factory=list)
    spans: list[list[tuple[int, int]]] = field(default_factory=list)  # new sentences' spans in each todo_p text

    def reuse(self, doc: Document, old_ps: list[Passage], base: Index) -> None:
        """Keep an unchanged document's passages and their vectors from the ``base`` build."""
        for p in old_ps:
            p.back = backmatter.kind_at(doc.back_matter, p.start, p.end)  # the rules may have changed
            self.passages.append(p)
            self.p_rows.append(base.passage_vectors[base.by_id[p.id]])
        seen = set()
        for p in old_ps:
            for s, e in p.sentences:
                if (s, e) not in seen:
                    seen.add((s, e))
                    self.sentences.append((doc.id, s, e))
                    self.s_rows.append(base.sentence_vectors[base.sentence_keys[(doc.id, s, e)]])

    def add(self, doc: Document, chunking: ChunkSettings) -> None:
        """Cut a new or changed document into passages, to be embedded with their sentences."""
        seen = set()
        for p in make_passages(
            doc, chunking.passage_max_words, chunking.passage_overlap_sentences, chunking.passage_max_chars
        ):
            text = embedding_input(doc, p)
            shift = len(text) - (p.end - p.start)  # the heading put before the passage's text
            self.spans.append([])
            self.todo_p.append((len(self.passages), text))
            self.passages.append(p)
            self.p_rows.append(None)
            for s, e in p.sentences:
                if (s, e) not in seen:
                    seen.add((s, e))
                    self.todo_s.append((len(self.sentences), len(self.todo_p) - 1, len(self.spans[-1])))
                    self.spans[-1].append((s - p.start + shift, e - p.start + shift))
                    self.sentences.append((doc.id, s, e))
                    self.s_rows.append(None)

    def embed(self, embedder: Encoder, progress: bool) -> None:
        """Fill every missing row: passages and sentences in one length-sorted stream per slice
        (embeddings.encode_passages)."""
        if not self.todo_p:
            return
        done: dict[int, np.ndarray] = {}  # sentence vectors of each todo_p passage
        bars = (
            progress_bar(len(self.todo_p), "Embedding passages", "passage", progress),
            progress_bar(len(self.todo_s), "Embedding sentences", "sentence", progress),
        )
        with bars[0] as p_bar, bars[1] as s_bar:
            for at in range(0, len(self.todo_p), EMBED_SLICE):
                part = self.todo_p[at : at + EMBED_SLICE]
                p_vecs, s_parts = embedder.encode_passages([t for _, t in part], self.spans[at : at + EMBED_SLICE])
                for (pos, _), vec in zip(part, p_vecs, strict=False):
                    self.p_rows[pos] = vec
                for k, vecs in enumerate(s_parts):
                    done[at + k] = vecs
                p_bar.update(len(part))
                s_bar.update(sum(len(v) for v in s_parts))
        for pos, passage, j in self.todo_s:
            self.s_rows[pos] = done[passage][j]


def _stacked(rows: list[np.ndarray | None], dim: int) -> np.ndarray:
    # Every None was filled by _Rows.embed: each row is a vector now.
    return np.vstack(cast(list[np.ndarray], rows)).astype(np.float32) if rows else np.zeros((0, dim), np.float32)


def build(
    docs: list[Document],
    embedder: Encoder,
    chunking: ChunkSettings,
    previous: Index | None = None,
    progress: bool = False,
    takedowns: dict[str, dict] | None = None,
) -> tuple[Built, BuildStats]:
    """Chunk and embed ``docs``; reuse vectors of documents whose content and settings are unchanged.

    Documents in ``takedowns`` (id -> reason and time) are kept without passages.
    """
    given = takedowns or {}
    takedowns = {d.id: given[d.id] for d in docs if d.id in given}
    chunk_info = chunking.as_dict()
    vectors_info = {"passages": getattr(embedder, "passage_encoder", "torch-fp32"), "sentences": "each alone"}
    reusable = (
        previous is not None
        and previous.manifest.get("chunking") == chunk_info
        and (previous.manifest.get("model") == embedder.name and previous.manifest.get("vectors") == vectors_info)
    )
    base = previous if reusable else None  # the build whose vectors are reused
    old_by_doc: dict[str, list[Passage]] = {}
    for p in base.passages if base is not None else []:
        old_by_doc.setdefault(p.doc_id, []).append(p)
    rows = _Rows()
    reused = embedded = 0
    for doc in (d for d in docs if d.id not in takedowns):
        old = base.documents.get(doc.id) if base is not None else None
        if base is not None and old is not None and old.content_hash == doc.content_hash:
            rows.reuse(doc, old_by_doc.get(doc.id, []), base)
            reused += 1
        else:
            rows.add(doc, chunking)
            embedded += 1
    rows.embed(embedder, progress)
    dim = embedder.dimensions
    p_vecs, s_vecs = _stacked(rows.p_rows, dim), _stacked(rows.s_rows, dim)
    built = Built(docs, rows.passages, rows.sentences, p_vecs, s_vecs, chunk_info, embedder.name, dim, vectors_info)
    built.takedowns = takedowns
    return built, BuildStats(reused, embedded, len(rows.todo_p), len(rows.todo_s))


# ---------------------------------------------------------------- saving


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def save(data: Built, root: Path) -> Path:
    """Write a new build beside the live one, then point CURRENT at it atomically."""
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
    name = f"build-{stamp}-{uuid.uuid4().hex[:6]}"
    tmp = builds / f".tmp-{name}"
    tmp.mkdir()
    try:
        dense = _write_files(data, tmp, root)
        files = {
            str(f.relative_to(tmp)): {"bytes": f.stat().st_size, "sha256": _sha256(f)}
            for f in sorted(tmp.rglob("*"))
            if f.is_file()
        }
        manifest = _manifest(data, name, dense, files)
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        _fsync_tree(tmp)
        os.rename(tmp, builds / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _set_current(root, name)
    _prune(root, keep=name)
    return builds / name


def _write_files(data: Built, tmp: Path, root: Path) -> dict:
    """Records, vectors, the dense store and BM25 into the new build ``tmp``; the dense store's spec."""
    _write_jsonl(tmp / "documents.jsonl", (d.to_dict() for d in data.documents))
    _keep_originals(data.documents, tmp, root)
    _write_jsonl(tmp / "passages.jsonl", (p.to_dict() for p in data.passages))
    _write_jsonl(tmp / "sentences.jsonl", ({"doc_id": d, "start": s, "end": e} for d, s, e in data.sentences))
    np.save(tmp / "passage_vectors.npy", data.passage_vectors)
    np.save(tmp / "sentence_vectors.npy", data.sentence_vectors)
    dense = vectors.build_store(data.passage_vectors)
    dense.save(tmp)
    by_id = {d.id: d for d in data.documents}
    BM25.build([embedding_input(by_id[p.doc_id], p) for p in data.passages]).save(tmp / "bm25")
    return dense.spec()


def _manifest(data: Built, name: str, dense: dict, files: dict) -> dict:
    per_doc = Counter(p.doc_id for p in data.passages)
    return {
        "format_version": FORMAT_VERSION,
        "package_version": __version__,
        "build": name,
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "model": data.model,
        "dimensions": data.dimensions,
        "vectors": data.vectors,
        "chunking": data.chunking,
        "dense": dense,
        "counts": {"documents": len(data.documents), "passages": len(data.passages), "sentences": len(data.sentences)},
        "documents": {d.id: _document_entry(d, per_doc[d.id], data.takedowns.get(d.id)) for d in data.documents},
        "folders": data.folders,
        "excluded": data.excluded,
        "files": files,
    }


def _document_entry(d: Document, passages: int, takedown: dict | None) -> dict:
    """A document as the manifest lists it (``list_documents`` reads these)."""
    return {
        "title": d.meta.title,
        "source": d.source,
        "format": d.format,
        "content_hash": d.content_hash,
        "source_hash": d.source_hash,
        "publication": d.publication,
        "ingested_at": d.ingested_at,
        "pages": len({p.index for p in d.pages}),
        "passages": passages,
        "author": d.meta.author,
        "date": d.meta.date,
        "origin": d.meta.origin,
        "warnings": d.warnings,
        "scanned": d.scanned,
        "withdrawn_notice": d.meta.withdrawn,
        **({"takedown": takedown} if takedown is not None else {}),
        "facts": library.detect(d.meta, d.publication),  # for filters and facets
    }


ORIGINALS = "originals"


def original_path(folder: Path, doc_id: str) -> Path:
    """Where a build keeps its copy of a PDF document (ids are slugs, so no path escapes the folder)."""
    return folder / ORIGINALS / f"{doc_id}{registry.by_name('pdf').suffixes[0]}"


def _keep_originals(docs: list[Document], tmp: Path, root: Path) -> None:
    """A copy of each PDF in the build, so the report viewer needs neither the first file nor the
    network: the bytes just read, or the live build's copy of a document kept from it."""
    try:
        live = current_build(root)
    except IndexProblem:
        live = None
    for d in docs:
        if d.format != "pdf":
            continue
        target = original_path(tmp, d.id)
        target.parent.mkdir(exist_ok=True)
        if d.original is not None:
            target.write_bytes(d.original)
        elif live is not None and original_path(live, d.id).is_file():
            try:
                os.link(original_path(live, d.id), target)  # the same bytes: share them with the live build
            except OSError:
                shutil.copyfile(original_path(live, d.id), target)


def _fsync_tree(folder: Path) -> None:
    for f in folder.rglob("*"):
        if f.is_file():
            fd = os.open(f, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _set_current(root: Path, name: str) -> None:
    tmp = root / f".CURRENT.{uuid.uuid4().hex[:6]}"
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, root / "CURRENT")


def _prune(root: Path, keep: str) -> None:
    builds = sorted(
        (p for p in (root / "builds").iterdir() if p.is_dir() and p.name.startswith("build-")),
        key=lambda p: p.name,
    )
    for old in builds[:-KEEP_BUILDS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in (root / "builds").glob(".tmp-*"):
        # Leftovers of a killed ingest; a live one would hold the lock we hold now.
        shutil.rmtree(tmp, ignore_errors=True)
    sweep_pointers(root)


def sweep_pointers(root: Path, older_than: float = 0.0) -> int:
    """Remove ``.CURRENT.*`` files a killed ingest left between writing and renaming them.

    An ingest (holding the lock) sweeps them all; a server starting sweeps only those older
    than ``older_than`` seconds, so it never takes the file of an ingest that is running now."""
    import time

    removed = 0
    for tmp in Path(root).glob(".CURRENT.*"):
        try:
            if time.time() - tmp.stat().st_mtime >= older_than:
                tmp.unlink()
                removed += 1
        except OSError:  # gone already, or a read-only index folder: nothing to do
            pass
    return removed


# ---------------------------------------------------------------- loading


def current_build(root: Path) -> Path:
    pointer = root / "CURRENT"
    if not pointer.is_file():
        raise IndexProblem(f"No index found in {root}. Build it with: assistant ingest --index {root}")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        raise IndexProblem(
            f"The index in {root} has an unreadable CURRENT file. Rebuild it with: assistant ingest --index {root}"
        ) from None
    folder = root / "builds" / name
    if not name or "/" in name or not folder.is_dir():
        raise IndexProblem(
            f"The index in {root} names a build that is missing ({name!r}). "
            f"Rebuild it with: assistant ingest --index {root}"
        )
    return folder


def read_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexProblem(f"The index manifest in {folder} cannot be read ({exc}).") from exc


REQUIRED_FILES = {
    "documents.jsonl",
    "passages.jsonl",
    "sentences.jsonl",
    "passage_vectors.npy",
    "sentence_vectors.npy",
}  # and the dense store's own files (vectors.store_files)


def check_manifest(manifest: dict, folder: Path, model: str, dimensions: int, verify: bool = True) -> None:
    fix = f"Rebuild it with: assistant ingest --index {folder.parent.parent}"
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexProblem(
            f"The index was written in format {manifest.get('format_version')!r}; this version reads format "
            f"{FORMAT_VERSION}. {fix}"
        )
    if manifest.get("model") != model or manifest.get("dimensions") != dimensions:
        raise IndexProblem(
            f"The index was built with model {manifest.get('model')!r} ({manifest.get('dimensions')} dimensions), "
            f"but this assistant uses {model!r} ({dimensions}). {fix}"
        )
    files = manifest.get("files")
    required = REQUIRED_FILES | vectors.store_files(manifest.get("dense") or {})
    if not isinstance(files, dict) or not required <= set(files):
        raise IndexProblem(f"The index manifest in {folder} does not list its files, so they cannot be checked. {fix}")
    for rel, info in files.items():
        path = folder / rel
        if not path.is_file() or path.stat().st_size != info["bytes"]:
            raise IndexProblem(f"The index file {rel} is missing or has the wrong size. {fix}")
        if verify and info["bytes"] < 64 << 20 and _sha256(path) != info["sha256"]:
            raise IndexProblem(f"The index file {rel} is corrupt (checksum mismatch). {fix}")


def stored_documents(root: Path) -> dict[str, Document]:
    """The documents the live build holds, even when it was built by another version or model.

    They are what an ingest keeps when it cannot reuse the build's vectors; a build whose
    documents file fails its checksum gives nothing rather than damaged text.
    """
    try:
        folder = current_build(Path(root))
        expected = read_manifest(folder).get("files", {}).get("documents.jsonl", {}).get("sha256")
        path = folder / "documents.jsonl"
        if expected and _sha256(path) != expected:
            return {}
        return {d["meta"]["id"]: Document.from_dict(d) for d in _read_jsonl(path)}
    except (IndexProblem, OSError, ValueError, KeyError, TypeError):
        return {}


def list_documents(root: Path) -> list[dict]:
    """What the live build holds, from its manifest: id, title, source, format, pages, passages, when."""
    manifest = read_manifest(current_build(Path(root)))
    fields: tuple[str, ...] = (
        "title",
        "author",
        "date",
        "origin",
        "source",
        "publication",
        "format",
        "pages",
        "passages",
    )
    fields += ("ingested_at", "withdrawn_notice", "warnings", "scanned")
    rows = [
        {"id": doc_id, **{k: info.get(k) for k in fields}, "takedown": info.get("takedown")}
        for doc_id, info in manifest.get("documents", {}).items()
    ]
    stored = None  # a build from before facts were recorded: detect them from its documents
    extra = library.overrides(Path(root))
    for row in rows:
        detected = manifest["documents"][row["id"]].get("facts")
        if detected is None:
            stored = stored if stored is not None else stored_documents(Path(root))
            doc = stored.get(row["id"])
            detected = library.detect(doc.meta, doc.publication) if doc else library.detect(_bare(row))
        row.update(library.merged(detected, extra.get(row["id"], {})))
    return rows


def _bare(row: dict):
    from assistant.ingest.documents import DocumentMeta

    return DocumentMeta(id=row["id"], title=row.get("title") or "")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


MMAP_FROM = 200_000  # passages; above this, vectors and BM25 are memory-mapped, not read in


def load(root: Path, model: str, dimensions: int, mmap: bool | None = None) -> Index:
    """Load the live build, checking it against the manifest and the running model."""
    folder = current_build(Path(root))
    manifest = read_manifest(folder)
    check_manifest(manifest, folder, model, dimensions)
    if mmap is None:
        mmap = manifest.get("counts", {}).get("passages", 0) > MMAP_FROM
    fix = f"Rebuild it with: assistant ingest --index {root}"
    try:
        documents = {d["meta"]["id"]: Document.from_dict(d) for d in _read_jsonl(folder / "documents.jsonl")}
        passages = [Passage.from_dict(p) for p in _read_jsonl(folder / "passages.jsonl")]
        sentences = _read_jsonl(folder / "sentences.jsonl")
        mode: Literal["r"] | None = "r" if mmap else None
        p_vecs = np.load(folder / "passage_vectors.npy", mmap_mode=mode)
        s_vecs = np.load(folder / "sentence_vectors.npy", mmap_mode=mode)
        dense = vectors.load_store(folder, manifest.get("dense", {}))
        bm25 = BM25.load(folder / "bm25", mmap=mmap)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexProblem(f"The index in {folder} cannot be read ({exc}). {fix}") from exc
    counts = manifest.get("counts", {})
    if (
        len(passages) != counts.get("passages")
        or len(sentences) != counts.get("sentences")
        or p_vecs.shape != (len(passages), dimensions)
        or s_vecs.shape != (len(sentences), dimensions)
        or len(dense) != len(passages)
        or bm25.size != len(passages)
    ):
        raise IndexProblem(f"The index in {folder} is inconsistent (its files disagree on counts). {fix}")
    keys = {(s["doc_id"], s["start"], s["end"]): i for i, s in enumerate(sentences)}
    taken = {d for d, info in manifest.get("documents", {}).items() if info.get("takedown")}
    hidden = {d: documents.pop(d) for d in taken if d in documents}
    return Index(folder, manifest, documents, passages, p_vecs, keys, s_vecs, dense, bm25, hidden=hidden)
