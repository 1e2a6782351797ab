"""Run the benchmark suite and print its tables: ``python -m bench [--quick] [--write-docs]``.

Stages: question encoders (torch/ONNX, fp32/int8: speed, agreement, eval quality), ingest
methods, in-process latency, quality against baselines (BM25 only, dense only, txtai
hybrid), HTTP against the naive server, and scale (dense index by size up to 1M vectors,
BM25 memory-mapped). ``--scale`` instead runs only the whole question path over a real
1M-passage index (10-20 minutes). Results go to bench/results/; ``--write-docs`` also
puts them into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench import common, corpus_gen, encoders_bench, http_bench, ingest_bench, inproc, peer, scale  # noqa: E402

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
SCALE_BEGIN, SCALE_END = "<!-- bench-scale:begin -->", "<!-- bench-scale:end -->"
LIBRARY_BEGIN, LIBRARY_END = "<!-- bench-library:begin -->", "<!-- bench-library:end -->"
METRICS = ("hit@1", "hit@3", "abstention_precision", "abstention_recall")


def assistant_for(index: Path, embedder, **kw):
    from assistant.answering.answers import load_assistant
    from assistant.settings import Settings

    return load_assistant(Settings(index=index, **kw), embedder)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller runs (a few minutes)")
    ap.add_argument(
        "--skip", nargs="*", default=[], choices=["encoders", "ingest", "inproc", "quality", "http", "scale"]
    )
    ap.add_argument("--scale", action="store_true", help="only the whole question path over a real 1M-passage index")
    ap.add_argument("--scale-passages", type=int, default=1_000_000)
    ap.add_argument(
        "--library", action="store_true", help="only filtered questions over a 1,400-report, 0.5M-passage library"
    )
    ap.add_argument("--library-passages", type=int, default=500_000)
    ap.add_argument("--name", default="latest", help="results file name in bench/results/")
    ap.add_argument("--bm25-1m", action="store_true", help="also build BM25 over 1M passages (about 10 more minutes)")
    ap.add_argument("--write-docs", action="store_true", help="put the tables into docs/performance.md")
    args = ap.parse_args(argv)
    quick = args.quick
    out: list[str] = []
    data: dict = {
        "quick": quick,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        "load at start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }

    def show(title, rows):
        text = common.table(title, rows)
        print(text, flush=True)
        out.append(text)
        data[title] = rows

    from assistant.encoding.embeddings import shared_embedder

    embedder = shared_embedder()
    data["machine"] = common.machine()
    print(f"Machine: {data['machine']}\n", flush=True)
    targets: list[tuple[str, bool]] = []
    if args.library:
        from bench import library_scale

        figures, rows = library_scale.run(embedder, args.library_passages)
        show(
            f"Filtered questions over {args.library_passages:,} passages, whole path (ms; in process, "
            "no cache, no abstention)",
            rows,
        )
        show("Library of that size: build, memory", figures)
        return _write(args, data, out, "library", LIBRARY_BEGIN, LIBRARY_END)
    if args.scale:
        from bench import scale_e2e

        figures, rows = scale_e2e.run(embedder, args.scale_passages)
        show(f"Whole question path at {args.scale_passages:,} passages (ms; in process, no cache, no abstention)", rows)
        show("Index of that size: build, disk, memory", figures)
        return _write(args, data, out, "scale", SCALE_BEGIN, SCALE_END)
    index, build_s = common.bundled_index(embedder)
    summary = {"bundled corpus ingest s (incl. model load)": round(build_s, 2)}

    if "encoders" not in args.skip:
        from assistant.encoding.encoders import ENCODERS
        from assistant.settings import Settings

        chosen = Settings().encoder
        encs = encoders_bench.embedders(ENCODERS)
        rows = encoders_bench.speed(encs, reps=2 if quick else 4)
        show("Question encoders: one question, a batch, agreement with fp32 (eval questions, taking turns)", rows)
        quality = encoders_bench.quality(index, encs)
        show("Quality by question encoder (assistant.answering.evaluation on tests/eval, passages fp32)", quality)
        mine = next(r for r in rows if r["encoder"] == chosen)
        ref = next(r for r in quality if r["question encoder"] == "torch-fp32")
        got = next(r for r in quality if r["question encoder"] == chosen)
        targets.append(
            (f"{chosen}: one question <= 4 ms ({mine['one question p50 ms']} ms p50)", mine["one question p50 ms"] <= 4)
        )
        targets.append(
            (
                f"{chosen}: min cosine to fp32 >= 0.99 on the eval questions ({mine['min cosine to fp32']})",
                mine["min cosine to fp32"] >= 0.99,
            )
        )
        targets.append(
            (
                f"{chosen}: hit@1, hit@3, abstention within 0.01 of fp32",
                all(abs(got[m] - ref[m]) <= 0.01 for m in METRICS),
            )
        )

    if "ingest" not in args.skip:
        from assistant.encoding.embeddings import Embedder
        from assistant.settings import BUNDLED_CORPUS

        methods = {
            "before: sentence-transformers fp32, passages then each sentence": encoders_bench.Before(
                Embedder(0, "torch-fp32")
            ),
            "ours: ONNX fp32, passages and sentences in one length-sorted stream": embedder,
            "late chunking: one pass per passage (ONNX fp32)": encoders_bench.LateChunking(embedder),
        }
        rows, built = encoders_bench.ingest_methods([str(BUNDLED_CORPUS)], "bundled corpus", methods, keep=True)
        qrows = [
            {"ingest": name, **inproc.full_eval(assistant_for(root, embedder, batching=False, cache_size=0))}
            for name, root in built.items()
        ]
        folder = Path(tempfile.mkdtemp(prefix="bench-text-"))
        corpus_gen.write_documents(corpus_gen.passages(100 if quick else 300), folder / "text")
        pages = 10 if quick else 60
        ingest_bench.make_pdf(folder / "report.pdf", pages)
        more, _ = encoders_bench.ingest_methods(
            [str(folder / "text")], f"synthetic text, {100 if quick else 300} paragraphs", methods
        )
        pdf, _ = encoders_bench.ingest_methods([str(folder / "report.pdf")], f"generated PDF, {pages} pages", methods)
        rows += more + pdf
        for root in [*built.values(), folder]:
            shutil.rmtree(root, ignore_errors=True)
        show("Ingest by method (same run, same inputs)", rows)
        show(
            "Quality by ingest method (bundled corpus, assistant.answering.evaluation, question encoder as chosen)",
            qrows,
        )
        names = list(methods)
        rate = {r["method"]: r["passages/s"] for r in more}
        ratio = round(rate[names[1]] / rate[names[0]], 2)
        summary[f"{pages}-page generated PDF ingest s (ours / before)"] = (
            f"{pdf[1]['seconds']} / {pdf[0]['seconds']} ({pdf[1]['passages']} passages)"
        )
        targets.append((f"ingest passages/s >= 3x before ({ratio}x on synthetic text)", ratio >= 3))
        targets.append(
            (
                "ingest quality equal to before (hit@1, hit@3, abstention within 0.01)",
                all(abs(qrows[1][m] - qrows[0][m]) <= 0.01 for m in METRICS),
            )
        )

    on = assistant_for(index, embedder)  # the defaults: int8 one question at a time, the cache on
    off = assistant_for(index, embedder, batching=False, cache_size=0)
    if "inproc" not in args.skip:
        reps = 2 if quick else 6
        rows = []
        # int8 questions are encoded one at a time (a vector must not depend on its batch-mates),
        # so micro-batching is measured with the fp32 encoder it exists for.
        fp32 = shared_embedder(encoder="onnx-fp32")
        batched = assistant_for(index, fp32, cache_size=0)
        # The cache only helps repeated questions; these passes repeat them, so the
        # cached assistant is measured on its own row and the others without a cache.
        for c in (1, 8, 32):
            helpers = {"ours: int8, one at a time, no cache": off, "onnx-fp32, batching, no cache": batched}
            if c == 32:
                helpers["ours + cache (repeats hit it)"] = on
            for name, r in inproc.compare(helpers, c, reps).items():
                rows.append({"encoder": name, "concurrency": c, **r})
        summary["in-process ask p50 ms (c=1, int8, no cache)"] = rows[0]["p50"]
        summary["in-process ask p50 ms (c=1, onnx-fp32 batching)"] = rows[1]["p50"]
        targets.append((f"in-process ask p50 < 15 ms (c=1, no cache: {rows[0]['p50']} ms)", rows[0]["p50"] < 15))
        show("In-process ask latency (ms) and throughput", rows)
        show("Query encoder cost by batch size (onnx-fp32; int8 runs one question at a time)", inproc.encode_cost(fp32))
        show(
            "Tuning: collection window and batch cap (in process, onnx-fp32, concurrency 32, no cache)",
            inproc.window_sweep(index, fp32, reps=1 if quick else 2),
        )
        batched.encoder.close()

    if "quality" not in args.skip:
        rows = []
        full = inproc.full_eval(off)
        others = {}
        if peer.available():
            from assistant.index.store import embedding_input

            idx = off.index
            search, peer_index_s = peer.index([embedding_input(idx.documents[p.doc_id], p) for p in idx.passages])
            others[f"peer: txtai {peer.version()} hybrid"] = search
            summary["txtai index build s (bundled corpus)"] = round(peer_index_s, 2)
        ranked = inproc.rank_modes(off, ["hybrid", "dense", "bm25"], reps=1 if quick else 3, others=others)
        names = {"hybrid": "ours: hybrid", "dense": "dense only", "bm25": "BM25 only"}
        for key, (rankings, lat) in ranked.items():
            p = common.percentiles(lat)
            rows.append(
                {
                    "system": names.get(key, key),
                    **inproc.quality(off.index, rankings),
                    "query p50 ms": p["p50"],
                    "query p95 ms": p["p95"],
                }
            )
        if not others:
            rows.append({"system": "peer: txtai (not installed: bash bench/setup.sh)"})
        ours = rows[0]["query p50 ms"]
        for r in rows:
            if r.get("query p50 ms"):
                r["latency vs ours"] = f"{r['query p50 ms'] / ours:.2f}x"
        show("Retrieval quality on tests/eval (top passages, no abstention) and per-query latency", rows)
        base = [r for r in rows[1:] if "hit@1" in r]
        targets.append(
            (
                "retrieval quality >= every baseline (hit@1 and hit@3)",
                all(rows[0][m] >= r[m] for r in base for m in ("hit@1", "hit@3")),
            )
        )
        peers = [r for r in rows if r["system"].startswith("peer") and "query p50 ms" in r]
        if peers:
            targets.append(
                (
                    f"faster per query than the peer (p50 {ours} vs {peers[0]['query p50 ms']} ms)",
                    ours < peers[0]["query p50 ms"],
                )
            )
        show("The assistant as users get it (quotes merged, abstention on)", [{"system": "ours", **full}])

    if "http" not in args.skip:
        rows, extra = http_bench.run(index, [1, 8, 32], 4 if quick else 8)
        show("Over HTTP (uvicorn, loopback, wrk; seconds per turn: two turns each)", rows)
        summary.update(extra)
        by = {(r["server"], r["concurrency"], r["workload"]): r for r in rows}
        ratios = []
        for c in (1, 32):
            for work in ("eval questions, repeating", "unique questions"):
                ours, naive = by[("ours", c, work)], by[("naive", c, work)]
                ratios.append(
                    {
                        "concurrency": c,
                        "workload": work,
                        "ours p50 ms": ours["p50"],
                        "naive p50 ms": naive["p50"],
                        "p50 saved ms": round(naive["p50"] - ours["p50"], 2),
                        "ours req/s": ours["req/s"],
                        "naive req/s": naive["req/s"],
                        "throughput ratio": round(ours["req/s"] / naive["req/s"], 2),
                        "ours CPU ms/req": ours["server CPU ms/req"],
                        "naive CPU ms/req": naive["server CPU ms/req"],
                    }
                )
        show("Ours vs the naive server (same run)", ratios)
        one, many = ratios[1], ratios[3]  # unique questions: no cache helps
        targets.append(
            (
                f"HTTP c=1 p50 >= 5 ms below naive (unique questions: {one['ours p50 ms']} vs "
                f"{one['naive p50 ms']} ms)",
                one["p50 saved ms"] >= 5,
            )
        )
        targets.append(
            (
                f"HTTP c=32 throughput >= 4x naive (unique questions: {many['throughput ratio']}x)",
                many["throughput ratio"] >= 4,
            )
        )
        two = by[("ours, 2 workers", 32, "unique questions")]["req/s"] / by[("naive", 32, "unique questions")]["req/s"]
        targets.append((f"HTTP c=32 throughput >= 4x naive with --workers 2 (unique questions: {two:.2f}x)", two >= 4))

    if "scale" not in args.skip:
        sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
        dense_rows = scale.dense(embedder, sizes)
        show("Dense index by size (synthetic vectors, 200 held-out queries, k=10)", dense_rows)
        big = dense_rows[-1]
        targets.append(
            (f"at {big['passages']}: query < 20 ms ({big['query p95 ms']} ms p95)", big["query p95 ms"] < 20)
        )
        targets.append((f"at {big['passages']}: recall@10 >= 0.95 ({big['recall@10']})", big["recall@10"] >= 0.95))
        targets.append((f"at {big['passages']}: vector memory < 1 GB ({big['vector MB']} MB)", big["vector MB"] < 1024))
        show(
            "BM25 at scale (bm25s, loaded memory-mapped)",
            scale.bm25([10_000] if quick else [10_000, 100_000] + ([1_000_000] if args.bm25_1m else [])),
        )

    summary["bench process peak MB"] = common.peak_rss_mb()
    show("Summary", [{"figure": k, "value": v} for k, v in summary.items()])
    show("Targets", [{"target": t, "met": "yes" if ok else "NO"} for t, ok in targets])
    return _write(args, data, out, args.name, BEGIN, END)


def _write(args, data: dict, out: list[str], name: str, begin: str, end: str) -> int:
    """bench/results/NAME.{md,json}, and with --write-docs between the markers of docs/performance.md."""
    data["load average at the end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    text = (
        f"Measured {data['when']}{' (--quick)' if args.quick else ''} on: {data['machine']}; "
        f"load average (1, 5, 15 min) at the start {data['load at start']}, at the end "
        f"{data['load average at the end']}\n" + "".join(out)
    )
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    (common.RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    (common.RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    if args.write_docs:
        doc = common.ROOT / "docs" / "performance.md"
        body = doc.read_text(encoding="utf-8")
        if begin in body and end in body:
            head, rest = body.split(begin, 1)
            doc.write_text(head + begin + "\n" + text + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
