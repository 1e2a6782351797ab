"""The dense store: nearest passages by inner product over unit vectors, behind ``VectorStore``.

FAISS lives here and nowhere else in the package: ``index.store`` builds, saves and loads a
store through ``build_store`` and ``load_store``, and retrieval only calls ``search``.
The FAISS index is chosen by corpus size.

Below ``FLAT_MAX`` passages an exact inner-product scan is fast enough (see
docs/performance.md for the measurement behind the threshold) and nothing beats exact.
Above it an inverted file with 8-bit scalar-quantised vectors (IVF-SQ8) keeps a query to
a few milliseconds and a million 384-dimensional vectors to about 400 MB (a quarter of
float32), at a recall@10 against exact search that the benchmark reports. IVF was chosen
over HNSW because it builds in minutes rather than tens of minutes on two cores and
needs no graph memory on top of the codes.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

FLAT_MAX = 50_000  # measured (bench scale): exact search takes ~0.7 ms at 10k, ~5 ms at 50k, ~11 ms at 100k
TRAIN_PER_LIST = 40  # k-means training points per inverted list (faiss warns below 39)
NPROBE_FRACTION = 0.02  # share of the lists scanned per query (recall >= 0.95 in bench vectors)


def choose(n: int) -> dict:
    """The index spec for ``n`` vectors: exact below the threshold, IVF-SQ8 above."""
    if n <= FLAT_MAX:
        return {"type": "flat-ip"}
    nlist = int(min(max(4 * math.sqrt(n), 256), 16384))
    nprobe = int(max(16, round(nlist * NPROBE_FRACTION)))
    return {"type": "ivf-sq8", "nlist": nlist, "nprobe": nprobe}


def make_dense(vectors: np.ndarray, spec: dict | None = None, seed: int = 1234):
    """Build the FAISS index for unit ``vectors`` (inner product = cosine similarity)."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n, dim = vectors.shape
    spec = spec or choose(n)
    index: faiss.Index
    if spec["type"] == "flat-ip":
        index = faiss.IndexFlatIP(dim)
    elif spec["type"] == "ivf-sq8":
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, spec["nlist"], faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        sample = min(n, spec["nlist"] * TRAIN_PER_LIST)
        rows = np.random.default_rng(seed).choice(n, sample, replace=False) if sample < n else slice(None)
        index.train(vectors[rows])
    else:
        raise ValueError(f"unknown dense index type {spec['type']!r}")
    if n:
        index.add(vectors)
    tune(index, spec)
    return index


def tune(index, spec: dict) -> None:
    """Set the search-time knobs a loaded index needs (faiss does not keep all of them)."""
    import faiss

    if spec.get("type") == "ivf-sq8":
        faiss.extract_index_ivf(index).nprobe = int(spec["nprobe"])


def describe(index) -> dict:
    """The spec of a built index, for the manifest (``dense`` entry)."""
    import faiss

    try:
        ivf = faiss.extract_index_ivf(index)
    except RuntimeError:
        return {"type": "flat-ip"}
    return {"type": "ivf-sq8", "nlist": int(ivf.nlist), "nprobe": int(ivf.nprobe)}


def memory_bytes(index) -> int:
    """Bytes the index holds in memory (measured by serialising it)."""
    import faiss

    return int(faiss.serialize_index(index).nbytes)


def recall_at_k(index, vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
    """Share of the exact top ``k`` (by brute force over ``vectors``) that ``index`` finds."""
    import faiss

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(np.ascontiguousarray(vectors, dtype=np.float32))
    _, truth = exact.search(queries, k)
    _, found = index.search(queries, k)
    return float(np.mean([len(set(t) & set(f)) / k for t, f in zip(truth, found, strict=False)]))


# ---------------------------------------------------------------- the store


@runtime_checkable
class VectorStore(Protocol):
    """What the index and retrieval need of a dense store over the passages' vectors (row i is passage i)."""

    def __len__(self) -> int: ...

    def search(self, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The rows (int64) and inner products (float32) of the ``n`` rows closest to ``query``, best
        first; ``allowed`` (a boolean mask over rows) admits only those rows."""
        ...

    def save(self, folder: Path) -> None:
        """Write the store into a build folder (the file the manifest checks)."""
        ...

    def spec(self) -> dict:
        """What the manifest records (its ``dense`` entry), for ``load_store`` to read it back."""
        ...


NONE = (np.zeros(0, np.int64), np.zeros(0, np.float32))


class FaissStore:
    """A FAISS index: exact inner product (flat) or IVF-SQ8, as ``choose`` picks."""

    FILE = "dense.faiss"

    def __init__(self, index) -> None:
        self.index = index

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, len(self))
        if n <= 0:
            return NONE
        q = np.asarray(query, dtype=np.float32).reshape(1, -1)
        params = None if allowed is None else self._only(allowed)
        scores, rows = self.index.search(q, n, params=params)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def _only(self, allowed: np.ndarray):
        """Search parameters that admit only the ``allowed`` rows (a bitmap, one bit a row)."""
        import faiss

        bits = np.packbits(allowed, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
        try:
            ivf = faiss.extract_index_ivf(self.index)
        except RuntimeError:
            params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        else:
            params = faiss.SearchParametersIVF(sel=selector, nprobe=ivf.nprobe)  # type: ignore[call-arg]
        params._keep = (bits, selector)  # type: ignore[attr-defined]  # the selector reads these arrays: keep them alive for the search
        return params

    def save(self, folder: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(Path(folder) / self.FILE))

    def spec(self) -> dict:
        return describe(self.index)


def store_files(spec: dict) -> set[str]:
    """The files a build's dense store is kept in, by its spec (the manifest checks them)."""
    return {FaissStore.FILE}


def build_store(vectors: np.ndarray) -> VectorStore:
    """The store for a new build's passage vectors."""
    return FaissStore(make_dense(vectors))


def load_store(folder: Path, spec: dict) -> VectorStore:
    """The store a build folder holds, as its manifest's ``dense`` entry describes it."""
    import faiss

    index = faiss.read_index(str(Path(folder) / FaissStore.FILE))
    tune(index, spec)
    return FaissStore(index)
