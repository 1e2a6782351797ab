"""In-process figures: ask latency at concurrency 1/8/32, and retrieval quality of ours vs baselines."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from bench.common import eval_questions, percentiles, query_text


def passage_hit(index, row: int, expect: list[str]) -> bool:
    p = index.passages[row]
    text = index.documents[p.doc_id].text[p.start : p.end]
    return any(w in text for w in expect)


def quality(index, rankings: dict[str, list[int]]) -> dict:
    """hit@1 / hit@3 over answerable questions from ranked passage rows ({question: rows})."""
    qs = [q for q in eval_questions() if q.answerable]
    h1 = h3 = 0
    for q in qs:
        rows = rankings.get(q.question, [])
        hits = [passage_hit(index, r, q.expect) for r in rows[:3]]
        h1 += bool(hits[:1] and hits[0])
        h3 += any(hits)
    return {"hit@1": round(h1 / len(qs), 3), "hit@3": round(h3 / len(qs), 3)}


def rank_modes(
    assistant, modes: list[str], reps: int = 3, others: dict | None = None
) -> dict[str, tuple[dict, list[float]]]:
    """Passage rankings and per-query latency of search.hybrid in each mode, and of
    ``others`` ({name: search(text) -> rows}, e.g. the peer library).

    Systems take turns question by question, so a busy machine slows them all alike.
    BM25 alone needs no embedding; the others pay for encoding the question every time.
    """
    others = others or {}
    import numpy as np

    from assistant.answering.retrieval import hybrid

    s = assistant.settings
    enc = assistant.encoder.embedder
    out = {m: ({}, []) for m in [*modes, *others]}
    for _ in range(reps):
        for q in eval_questions():
            text = query_text(q)
            for mode in modes:
                t = time.perf_counter()
                qvec = enc.encode([text])[0] if mode != "bm25" else np.zeros(enc.dimensions, np.float32)
                hits = hybrid(
                    assistant.index,
                    qvec,
                    text,
                    s.candidates,
                    s.rrf_k,
                    mode=mode,
                    fusion=s.fusion,
                    bm25_weight=s.bm25_weight,
                )
                out[mode][1].append(time.perf_counter() - t)
                out[mode][0][q.question] = [h.row for h in hits]
            for name, search in others.items():
                t = time.perf_counter()
                rows = search(text)
                out[name][1].append(time.perf_counter() - t)
                out[name][0][q.question] = rows
    return out


def full_eval(assistant) -> dict:
    """The assistant as users get it (quotes merged, abstention on): assistant.answering.evaluation."""
    from assistant.answering.evaluation import evaluate

    r = evaluate(assistant, eval_questions())
    keys = ("hit@1", "hit@3", "mrr", "abstention_precision", "abstention_recall")
    return {k: round(r[k], 3) for k in keys}


def ask_latency(assistant, concurrency: int, repeats: int) -> dict:
    """Latency of Assistant.ask per call, and calls per second, with ``concurrency`` threads."""
    return compare({"x": assistant}, concurrency, repeats)["x"]


def compare(helpers: dict, concurrency: int, repeats: int) -> dict[str, dict]:
    """``ask_latency`` for several assistants, taking turns pass by pass over the questions,
    so that a busy machine slows them all alike."""
    jobs = [(q.question, q.history) for q in eval_questions()]
    lat: dict[str, list[float]] = {name: [] for name in helpers}
    wall = dict.fromkeys(helpers, 0.0)
    for helper in helpers.values():  # untimed: the first pass warms caches all of them share
        for job in jobs:
            helper.ask(job[0], history=job[1])
    for _ in range(repeats):
        for name, helper in helpers.items():

            def one(job, helper=helper, sink=lat[name]):
                t = time.perf_counter()
                helper.ask(job[0], history=job[1])
                sink.append(time.perf_counter() - t)

            start = time.perf_counter()
            if concurrency == 1:
                for job in jobs:
                    one(job)
            else:
                with ThreadPoolExecutor(concurrency) as pool:
                    list(pool.map(one, jobs))
            wall[name] += time.perf_counter() - start
    return {
        name: {**percentiles(lat[name]), "req/s": round(len(lat[name]) / wall[name], 1), "n": len(lat[name])}
        for name in helpers
    }


def encode_cost(embedder, sizes=(1, 2, 4, 8, 16, 32), reps: int = 5) -> list[dict]:
    """Milliseconds per question when the model encodes ``size`` questions at once."""
    qs = [q.question for q in eval_questions()]
    rows = []
    for size in sizes:
        texts = (qs * (size // len(qs) + 1))[:size]
        embedder.encode(texts, batch_size=size)
        best = []
        for _ in range(reps):
            t = time.perf_counter()
            embedder.encode(texts, batch_size=size)
            best.append(time.perf_counter() - t)
        med = sorted(best)[len(best) // 2]
        rows.append(
            {"batch": size, "ms per batch": round(med * 1000, 2), "ms per question": round(med * 1000 / size, 2)}
        )
    return rows


def window_sweep(index, embedder, windows=(0.5, 2.0, 5.0), caps=(8, 32), reps: int = 2) -> list[dict]:
    """In-process throughput at concurrency 32 (no cache) for collection windows and batch caps."""
    from assistant.answering.answers import load_assistant
    from assistant.settings import Settings

    rows = []
    for cap in caps:
        for w in windows:
            helper = load_assistant(Settings(index=index, batch_window_ms=w, batch_max=cap, cache_size=0), embedder)
            r = ask_latency(helper, 32, reps)
            helper.encoder.close()
            rows.append({"window ms": w, "batch cap": cap, "p50": r["p50"], "p95": r["p95"], "req/s": r["req/s"]})
    return rows
