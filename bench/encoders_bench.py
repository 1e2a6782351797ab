"""Encoder backends and one-pass ingest: speed, agreement with fp32, and eval quality, in one run."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import eval_questions, percentiles, query_text, timer


class _Wrapped:
    def __init__(self, embedder):
        self.embedder = embedder
        self.name, self.dimensions = embedder.name, embedder.dimensions
        self.passage_encoder = embedder.passage_encoder

    def encode(self, texts, batch_size=32, progress=False):
        return self.embedder.encode(texts, batch_size, progress)


class Before(_Wrapped):
    """Ingest as it was: sentence-transformers in fp32 torch, the passages in one call and
    then every sentence in another (the same vectors as torch-fp32, to 1e-6)."""

    def encode_passages(self, texts, spans, batch_size=32, progress=False):
        from sentence_transformers import SentenceTransformer

        from assistant.encoding.encoders import model_dir

        if not hasattr(self, "st"):
            self.st = SentenceTransformer(str(model_dir()), device="cpu")
        sentences = [t[s:e] for t, ss in zip(texts, spans, strict=False) for s, e in ss]
        p = self.st.encode(texts, batch_size=batch_size, normalize_embeddings=True)
        s = self.st.encode(sentences, batch_size=batch_size, normalize_embeddings=True)
        cuts = np.cumsum([0] + [len(ss) for ss in spans])
        return p, [s[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=False)]


class LateChunking(_Wrapped):
    """One forward pass per passage; sentence vectors pooled from its token embeddings (measured
    and not kept, docs/performance.md: so it lives here, not in the package). A span whose tokens
    fell beyond the 256-token limit is encoded alone."""

    def encode_passages(self, texts, spans, batch_size=32, progress=False):
        from assistant.encoding.encoders import mean_pool, tokenizer

        tok = tokenizer()
        backend, dim = self.embedder.fp32_model, self.dimensions
        passages = np.zeros((len(texts), dim), dtype=np.float32)
        parts = [np.zeros((len(s), dim), np.float32) for s in spans]
        alone: list[tuple[int, int]] = []
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for at in range(0, len(order), batch_size):
            rows = order[at : at + batch_size]
            encodings = tok.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = backend.hidden(ids, mask)
            passages[rows] = mean_pool(hidden, mask)
            for b, (row, enc) in enumerate(zip(rows, encodings, strict=False)):
                offsets = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
                real = (np.asarray(enc.special_tokens_mask) == 0) & (mask[b] == 1)
                for j, (start, end) in enumerate(spans[row]):
                    inside = real & (offsets[:, 0] < end) & (offsets[:, 1] > start)
                    if inside.any():
                        parts[row][j] = mean_pool(hidden[b][None], inside[None].astype(np.int64))[0]
                    else:
                        alone.append((row, j))
        if alone:
            vecs = self.embedder.encode_fp32([texts[r][slice(*spans[r][j])] for r, j in alone], batch_size)
            for (r, j), v in zip(alone, vecs, strict=False):
                parts[r][j] = v
        return passages, parts


def embedders(names, threads: int = 0) -> dict:
    from assistant.encoding.embeddings import Embedder

    out = {}
    for name in names:
        out[name] = Embedder(threads, name)
        out[name].encode(["warm up"])  # export/quantise on first use, load, first-call costs
        out[name].encode(["warm up"] * 8)
    return out


def speed(encs: dict, reps: int = 3) -> list[dict]:
    """Per backend, taking turns (every eval question with one backend, then the next, ``reps``
    rounds): one question alone (p50/p95), a batch of 32 (ms per question), and the cosine to
    torch-fp32 over every eval question. Turns go by round, not by question: switching
    models between two questions evicts the small one's weights from the CPU caches, which
    a server running one model never does (it made int8 look 1.5x slower)."""
    texts = [query_text(q) for q in eval_questions()]
    ref = encs["torch-fp32"].encode(texts) if "torch-fp32" in encs else None
    lat = {n: [] for n in encs}
    batch = {n: [] for n in encs}
    for _ in range(reps):
        for n, e in encs.items():
            for t in texts:
                s = time.perf_counter()
                e.encode([t])
                lat[n].append(time.perf_counter() - s)
        for n, e in encs.items():
            s = time.perf_counter()
            e.encode(texts[:32], batch_size=32)
            batch[n].append((time.perf_counter() - s) / 32)
    rows = []
    for n, e in encs.items():
        p = percentiles(lat[n])
        row = {
            "encoder": n,
            "one question p50 ms": p["p50"],
            "p95 ms": p["p95"],
            "batch of 32, ms per question": round(float(np.median(batch[n])) * 1000, 2),
        }
        if ref is not None:
            cos = np.einsum("ij,ij->i", np.vstack([e.encode([t]) for t in texts]), ref)
            row["min cosine to fp32"] = round(float(cos.min()), 4)
            row["mean cosine"] = round(float(cos.mean()), 4)
        rows.append(row)
    return rows


def quality(index: Path, encs: dict) -> list[dict]:
    """The assistant as users get it (assistant.answering.evaluation), one row per question encoder."""
    from bench.__main__ import assistant_for
    from bench.inproc import full_eval

    rows = []
    for n, e in encs.items():
        helper = assistant_for(index, e, batching=False, cache_size=0)
        rows.append({"question encoder": n, **full_eval(helper)})
    return rows


def build(sources: list[str], embedder) -> tuple[Path, float, dict]:
    """Ingest ``sources`` into a fresh folder: (index, seconds, stats)."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings

    root = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    with timer() as t:
        report = ingest(sources, root, embedder, ChunkSettings())
    return root, t["s"], report.stats


def ingest_methods(sources: list[str], label: str, embedders: dict, keep: bool = False) -> tuple[list[dict], dict]:
    """Ingest the same sources with each method ({name: embedder}); rows and the indexes kept."""
    rows, kept = [], {}
    for name, emb in embedders.items():
        root, seconds, stats = build(sources, emb)
        n = stats.passages_embedded
        rows.append(
            {
                "input": label,
                "method": name,
                "seconds": round(seconds, 2),
                "passages": n,
                "sentences": stats.sentences_embedded,
                "passages/s": round(n / seconds, 1),
            }
        )
        if keep:
            kept[name] = root
        else:
            shutil.rmtree(root, ignore_errors=True)
    return rows, kept
