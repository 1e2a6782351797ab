"""Memory and latency of a real server under bursts that used to multiply work: 12 concurrent
first finder requests after start (each built the finder's tables itself) and 12 concurrent
Word exports of a full basket. Figures go to docs/operations.md.

    python -m bench.concurrency --index /tmp/index [--out bench/results/concurrency.json]

``--pythonpath`` runs the server from another checkout (for a before/after comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import http_bench
from bench.common import ROOT, process_peak_mb

BURST = 12


def rss_mb(pid: int) -> float:
    import psutil

    return round(psutil.Process(pid).memory_info().rss / 2**20, 1)


def burst(call, n: int = BURST) -> tuple[list[int], list[float]]:
    barrier = threading.Barrier(n)

    def one(i: int):
        barrier.wait()
        t = time.perf_counter()
        code = call(i)
        return code, time.perf_counter() - t

    with ThreadPoolExecutor(n) as pool:
        results = list(pool.map(one, range(n)))
    return [c for c, _ in results], [t for _, t in results]


def sampled_peak(pid: int, stop: threading.Event, out: list[float]) -> None:
    """RSS sampled every 20 ms (VmHWM cannot be reset between phases)."""
    while not stop.is_set():
        try:
            out.append(rss_mb(pid))
        except Exception:  # noqa: BLE001 - the process may be gone
            return
        time.sleep(0.02)


def phase(pid: int, call) -> dict:
    stop, samples = threading.Event(), []
    sampler = threading.Thread(target=sampled_peak, args=(pid, stop, samples))
    before = rss_mb(pid)
    sampler.start()
    codes, seconds = burst(call)
    stop.set()
    sampler.join()
    return {
        "rss_before_mb": before,
        "rss_peak_mb": max(samples + [before]),
        "rss_after_mb": rss_mb(pid),
        "p50_s": round(statistics.median(seconds), 2),
        "max_s": round(max(seconds), 2),
        "errors": sum(1 for c in codes if c != 200),
    }


def rare_words(index: Path, n: int = BURST) -> list[str]:
    """``n`` words that occur once in the live build's documents."""
    import re
    from collections import Counter

    build = index / "builds" / (index / "CURRENT").read_text(encoding="utf-8").strip()
    counts: Counter = Counter()
    with (build / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            counts.update(re.findall(r"[a-z]{6,}", json.loads(line)["text"].lower()))
    return sorted(w for w, c in counts.items() if c == 1)[:n]


def run(index: Path, pythonpath: str) -> dict:
    import httpx

    config = {
        "PYTHONPATH": pythonpath,
        "ASSISTANT_RELOAD_POLL_SECONDS": "0",
        "ASSISTANT_REQUEST_TIMEOUT": "120",
    }
    with http_bench.server(index, config) as (base, proc, _):
        words = rare_words(index)
        # Rare words: each request finds a quote or two, so building the tables is most of its work.
        paths = ("/quotes", "/api/search")
        first = phase(
            proc.pid, lambda i: httpx.get(base + paths[i % 2], params={"q": words[i]}, timeout=300).status_code
        )
        found = httpx.get(base + "/api/search", params={"q": "the", "limit": 150}, timeout=300).json()["results"]
        items = [{"doc_id": r["document"]["id"], "start": r["start"], "end": r["end"]} for r in found][:150]
        body = {"items": items, "format": "docx"}
        # Four bursts of 12: what one export leaves behind shows as it adds up.
        export = lambda i: httpx.post(base + "/api/export", json=body, timeout=300).status_code  # noqa: E731
        rounds = [phase(proc.pid, export) for _ in range(4)]
        docx = rounds[0] | {
            "rss_after_4_bursts_mb": rounds[-1]["rss_after_mb"],
            "rss_peak_4_bursts_mb": max(r["rss_peak_mb"] for r in rounds),
        }
        return {
            "first_requests": first,
            "docx_exports": docx | {"quotes_per_export": len(items)},
            "vm_hwm_mb": process_peak_mb(proc.pid),
        }


def tables_burst(index: Path) -> dict:
    """In this process (run it with PYTHONPATH naming the checkout): 12 threads ask for the
    finder's tables of a freshly loaded index at once. RSS and wall time of that first use."""
    from assistant.encoding.embeddings import DIMENSIONS
    from assistant.index import store as index_mod
    from assistant.quoting import quotes
    from assistant.settings import MODEL_NAME

    loaded = index_mod.load(index, MODEL_NAME, DIMENSIONS)
    me = os.getpid()
    stop, samples = threading.Event(), []
    sampler = threading.Thread(target=sampled_peak, args=(me, stop, samples))
    before = rss_mb(me)
    sampler.start()
    started = time.perf_counter()
    got = burst(lambda i: id(quotes.tables(loaded)))[0]
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    return {
        "characters": sum(len(d.text) for d in loaded.documents.values()),
        "tables_built": len(set(got)),  # distinct results: more than one means each caller built its own
        "wall_s": round(wall, 2),
        "rss_before_mb": before,
        "rss_peak_mb": max(samples + [before]),
        "rss_after_mb": rss_mb(me),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--pythonpath", default=str(ROOT), help="the checkout to serve from")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "concurrency.json")
    parser.add_argument("--tables-only", action="store_true", help="only the in-process burst on the tables")
    args = parser.parse_args()
    if args.tables_only:
        figures = {"tables": tables_burst(args.index)}
    else:
        figures = run(args.index, args.pythonpath) | {"checkout": args.pythonpath}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
