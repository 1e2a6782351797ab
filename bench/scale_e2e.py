"""The whole question path over a real index of a million passages: ``bash bench/run.sh --scale``.

The index is a real build written by ``assistant.index.store.save`` (documents, passages,
sentences, IVF-SQ8 FAISS index, BM25, manifest) and loaded by ``assistant.index.store.load``;
only its content is synthetic: Zipf-distributed text (bench/corpus_gen.py) in documents of
``PER_DOC`` passages, and vectors mixed from real embeddings, because embedding a million
passages with the model would take hours on two cores. Questions are the evaluation
questions, encoded by the real encoder, through ``Assistant.ask`` (no cache, no
abstention, so every answer is highlighted and cited) and ``json.dumps``.
"""

from __future__ import annotations

import gc
import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import corpus_gen
from bench.common import eval_questions, peak_rss_mb, percentiles, query_text, timer

PER_DOC = 500  # passages per document: about a 60-page report (bench: ingest of a generated 60-page PDF)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def make_data(n: int, embedder, folder: Path, per_doc: int = PER_DOC):
    """The ``Built`` that ``index.save`` takes, for ``n`` synthetic passages; and timings."""
    from assistant.index.store import Built, ChunkSettings
    from assistant.ingest.documents import Document, DocumentMeta
    from assistant.ingest.passages import Passage

    times = {}
    with timer() as t:
        texts = corpus_gen.passages(n, seed=n)
    times["text s"] = t["s"]
    docs, passages, sentences = [], [], []
    with timer() as t:
        for d, lo in enumerate(range(0, n, per_doc)):
            doc_id = f"synthetic-{d:05d}"
            chunk = texts[lo : lo + per_doc]
            text = "\n\n".join(chunk)
            at = 0
            for seq, body in enumerate(chunk):
                spans, s = [], at
                for part in body.split(". "):
                    e = s + len(part) + (0 if part.endswith(".") else 1)
                    spans.append((s, e))
                    s = e + 1
                passages.append(Passage(f"{doc_id}:{seq}", doc_id, at, at + len(body), spans, None, seq=seq))
                sentences += [(doc_id, a, b) for a, b in spans]
                at += len(body) + 2
            docs.append(
                Document(
                    DocumentMeta(doc_id, f"Synthetic report {d}"),
                    text,
                    "txt",
                    f"synthetic://{doc_id}",
                    content_hash=str(d),
                )
            )
    del texts
    times["documents s"] = t["s"]
    with timer() as t:
        base = corpus_gen.anchors(embedder)
        p_vecs = corpus_gen.vectors(n, base, seed=1)
        # Sentence vectors go to a memory-mapped file: four per passage would be 6 GB in memory.
        s_vecs = np.lib.format.open_memmap(
            folder / "sentences.npy", mode="w+", dtype=np.float32, shape=(len(sentences), base.shape[1])
        )
        step = 1_000_000
        for lo in range(0, len(sentences), step):
            hi = min(lo + step, len(sentences))
            s_vecs[lo:hi] = corpus_gen.vectors(hi - lo, base, seed=2 + lo)
        s_vecs.flush()
    times["vectors s"] = t["s"]
    data = Built(
        docs,
        passages,
        sentences,
        p_vecs,
        s_vecs,
        ChunkSettings().as_dict(),
        embedder.name,
        embedder.dimensions,
        vectors={"passages": "synthetic (mixed real embeddings)", "sentences": "synthetic"},
    )
    return data, times


def run(embedder, n: int = 1_000_000, reps: int = 3) -> tuple[list[dict], list[dict]]:
    """Build, load and question an index of ``n`` passages; (figures, latency rows)."""
    from assistant.answering.answers import load_assistant
    from assistant.answering.retrieval import bm25_ranking, dense_ranking, hybrid
    from assistant.index import store as index_mod
    from assistant.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        data, times = make_data(n, embedder, work)
        with timer() as t:
            index_mod.save(data, work / "index")  # BM25, IVF-SQ8, files, checksums, manifest
        times["index.save s (BM25 + IVF + files)"] = t["s"]
        counts = (len(data.documents), len(data.passages), len(data.sentences))
        del data
        gc.collect()
        disk = sum(f.stat().st_size for f in (work / "index").rglob("*") if f.is_file())
        before = _rss_mb()
        with timer() as t:
            helper = load_assistant(Settings(index=work / "index", batching=False, cache_size=0), embedder)
        times["load s"] = t["s"]
        loaded = _rss_mb()
        s = helper.settings
        stages = {
            k: []
            for k in (
                "encode",
                "FAISS (IVF-SQ8)",
                "BM25",
                "hybrid search (all of it)",
                "ask: whole answer",
                "JSON",
                "whole question path",
            )
        }
        texts = [query_text(q) for q in eval_questions()]
        helper.ask(texts[0], threshold=-1.0)  # first touch of the memory-mapped files
        for _ in range(reps):
            for text in texts:
                a = time.perf_counter()
                q = embedder.encode([text])[0]
                b = time.perf_counter()
                dense_ranking(helper.index, q, s.candidates)
                c = time.perf_counter()
                bm25_ranking(helper.index, text, s.candidates)
                d = time.perf_counter()
                hybrid(helper.index, q, text, s.candidates, s.rrf_k, fusion=s.fusion, bm25_weight=s.bm25_weight)
                e = time.perf_counter()
                answer = helper.ask(text, threshold=-1.0)  # encode + search + merge + highlight + cite
                f = time.perf_counter()
                json.dumps(answer.to_dict())
                g = time.perf_counter()
                for key, secs in zip(stages, (b - a, c - b, d - c, e - d, f - e, g - f, g - e), strict=False):
                    stages[key].append(secs)
        rows = [{"stage": k, **percentiles(v)} for k, v in stages.items()]
        figures = [
            {"figure": "passages / sentences / documents", "value": f"{counts[1]:,} / {counts[2]:,} / {counts[0]:,}"},
            {"figure": "what that is", "value": f"about {counts[0]:,} reports of ~60 pages ({PER_DOC} passages each)"},
            *({"figure": f"build: {k}", "value": round(v, 1)} for k, v in times.items()),
            {"figure": "index on disk GB", "value": round(disk / 2**30, 2)},
            {"figure": "server memory: RSS after load MB (model + memory-mapped index)", "value": loaded},
            {"figure": "RSS before load MB (bench process, model)", "value": before},
            {"figure": "RSS after the questions MB", "value": _rss_mb()},
            {"figure": "bench process peak MB (includes the build)", "value": peak_rss_mb()},
            {"figure": "dense index", "value": json.dumps(helper.index.manifest.get("dense"))},
        ]
        return figures, rows
    finally:
        shutil.rmtree(work, ignore_errors=True)
