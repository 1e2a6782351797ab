"""Scale: the dense index chosen by size at 10k/100k/1M vectors, exact search beside it, and BM25."""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import corpus_gen
from bench.common import percentiles, timer


def _latencies(index, queries: np.ndarray, k: int = 10) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        index.search(q.reshape(1, -1), k)
        out.append(time.perf_counter() - t)
    return out


def dense(embedder, sizes: list[int], n_queries: int = 200) -> list[dict]:
    """One row per size: type chosen, build time, memory, query latency, recall@10 vs exact."""
    import faiss

    from assistant.index import vectors

    base = corpus_gen.anchors(embedder)
    rows = []
    for n in sizes:
        data = corpus_gen.vectors(n + n_queries, base, seed=n)
        x, queries = data[:n], data[n:]  # held-out queries from the same distribution
        exact = faiss.IndexFlatIP(x.shape[1])
        exact.add(x)
        flat_lat = percentiles(_latencies(exact, queries[:50]))
        spec = vectors.choose(n)
        with timer() as t:
            index = vectors.make_dense(x, spec) if spec["type"] != "flat-ip" else exact
        lat = percentiles(_latencies(index, queries))
        recall = vectors.recall_at_k(index, x, queries) if index is not exact else 1.0
        rows.append(
            {
                "passages": f"{n:,}",
                "index": spec["type"] + (f" nlist={spec['nlist']} nprobe={spec['nprobe']}" if "nlist" in spec else ""),
                "build s": round(t["s"], 1) if index is not exact else 0.0,
                "vector MB": round(vectors.memory_bytes(index) / 2**20, 1),
                "MB per 1M": round(vectors.memory_bytes(index) / 2**20 * 1_000_000 / n, 0),
                "query p50 ms": lat["p50"],
                "query p95 ms": lat["p95"],
                "recall@10": round(recall, 3),
                "exact p50 ms": flat_lat["p50"],
            }
        )
        del data, x, queries, exact, index
        gc.collect()
    return rows


def bm25(sizes: list[int], n_queries: int = 50) -> list[dict]:
    """BM25 (bm25s) over synthetic passages: build, save, load memory-mapped, query."""
    from assistant.index.lexical import BM25

    rows = []
    for n in sizes:
        texts = corpus_gen.passages(n, seed=n)
        rng = np.random.default_rng(n)
        queries = [" ".join(rng.choice(t.split(), 6)) for t in rng.choice(texts, n_queries)]
        with timer() as t:
            model = BM25.build(texts)
        folder = Path(tempfile.mkdtemp(prefix="bench-bm25-"))
        model.save(folder / "bm25")
        size = sum(f.stat().st_size for f in (folder / "bm25").rglob("*") if f.is_file())
        del model, texts
        gc.collect()
        loaded = BM25.load(folder / "bm25", mmap=True)
        lat = []
        for q in queries:
            s = time.perf_counter()
            scores = loaded.scores(q)
            np.argpartition(-scores, 20)[:20]
            lat.append(time.perf_counter() - s)
        p = percentiles(lat)
        rows.append(
            {
                "passages": f"{n:,}",
                "build s": round(t["s"], 1),
                "on disk MB": round(size / 2**20, 1),
                "loaded": "mmap",
                "query p50 ms": p["p50"],
                "query p95 ms": p["p95"],
            }
        )
        del loaded
        shutil.rmtree(folder, ignore_errors=True)
    return rows
