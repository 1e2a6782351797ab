"""A library the size of the national case review repository, questioned within filters:
``bash bench/run.sh --library`` (about 1,400 reports, 0.5M passages).

The index is built as in ``bench/scale_e2e.py`` (a real ``index.save`` / ``index.load`` build
of synthetic text and vectors); each report gets a kind, a publisher and a year drawn to look
like the repository (mostly local reviews from ~150 partnerships, a few national reviews and
annual reports from the Panel). Each question goes the whole path: the filter resolved to its
documents (``library.matching``), ``Assistant.ask`` with those documents (the filter applied
inside FAISS and BM25), and the JSON. Unfiltered questions run beside them.
"""

from __future__ import annotations

import gc
import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import eval_questions, peak_rss_mb, percentiles, query_text, timer
from bench.scale_e2e import _rss_mb, make_data

REPORTS = 1_400
PASSAGES = 500_000
KIND_SHARES = {  # of the reports: the repository is mostly local reviews
    "local review": 0.85,
    "7-minute briefing": 0.08,
    "national review": 0.02,
    "annual report": 0.01,
    "guidance": 0.02,
    "news item": 0.02,
}
PANEL = "Child Safeguarding Practice Review Panel"


def give_facts(docs, seed: int = 24) -> None:
    """A kind, a publisher and a date for each generated report (in place)."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(list(KIND_SHARES), size=len(docs), p=list(KIND_SHARES.values()))
    years = rng.integers(2012, 2026, size=len(docs))
    partners = rng.integers(0, 150, size=len(docs))
    for doc, kind, year, partner in zip(docs, kinds, years, partners, strict=False):
        doc.meta.kind = str(kind)
        doc.meta.publisher = PANEL if kind in ("national review", "annual report") else f"Partnership {partner:03d}"
        doc.meta.date = f"{year}-06-01"


FILTERS = {
    "no filter": None,
    "national reviews since 2020": {"kinds": ["national-review"], "year_from": 2020},
    "one partnership": {"publishers": ["Partnership 007"]},
    "one report": {"documents": ["synthetic-00042"]},
    "local reviews 2018 to 2025 (most of the library)": {"kinds": ["local-review"], "year_from": 2018},
}


def run(embedder, n: int = PASSAGES, reports: int = REPORTS, reps: int = 2) -> tuple[list[dict], list[dict]]:
    """Build, load and question a library of ``reports`` reports and ``n`` passages; (figures, rows)."""
    from assistant.answering.answers import load_assistant
    from assistant.index import store as index_mod
    from assistant.ingest import library
    from assistant.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="bench-library-"))
    try:
        data, times = make_data(n, embedder, work, per_doc=-(-n // reports))
        give_facts(data.documents)
        with timer() as t:
            index_mod.save(data, work / "index")
        times["index.save s"] = t["s"]
        counts = (len(data.documents), len(data.passages))
        del data
        gc.collect()
        before = _rss_mb()
        with timer() as t:
            helper = load_assistant(Settings(index=work / "index", batching=False, cache_size=0), embedder)
        times["load s"] = t["s"]
        loaded = _rss_mb()
        texts = [query_text(q) for q in eval_questions()]
        helper.ask(texts[0], threshold=-1.0)  # first touch of the memory-mapped files
        rows, sizes = [], {}
        for name, given in FILTERS.items():
            filters = library.Filters(**given) if given else None
            ids = library.matching(helper.index, filters)
            sizes[name] = "all" if ids is None else len(ids)
            took, outside = [], 0
            for _ in range(reps):
                for text in texts:
                    a = time.perf_counter()
                    allowed = library.matching(helper.index, filters)
                    answer = helper.ask(text, threshold=-1.0, doc_ids=allowed)
                    json.dumps(answer.to_dict())
                    took.append(time.perf_counter() - a)
                    outside += sum(1 for q in answer.quotes if allowed is not None and q.document.id not in allowed)
            rows.append({"filter": name, "documents": sizes[name], **percentiles(took), "quotes outside": outside})
        figures = [
            {"figure": "reports / passages", "value": f"{counts[0]:,} / {counts[1]:,}"},
            *({"figure": f"build: {k}", "value": round(v, 1)} for k, v in times.items()),
            {"figure": "memory per replica: RSS after load MB (model + memory-mapped index)", "value": loaded},
            {"figure": "RSS before load MB (bench process with the model, after the build)", "value": before},
            {"figure": "RSS after the questions MB", "value": _rss_mb()},
            {"figure": "bench process peak MB (includes the build)", "value": peak_rss_mb()},
            {"figure": "dense index", "value": json.dumps(helper.index.manifest.get("dense"))},
        ]
        return figures, rows
    finally:
        shutil.rmtree(work, ignore_errors=True)
