"""Shared benchmark helpers: timing, percentiles, tables, the machine, the bundled index."""

from __future__ import annotations

import os
import platform
import resource
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def percentiles(seconds: list[float]) -> dict:
    """p50/p95/p99 in milliseconds."""
    ms = np.asarray(seconds, dtype=float) * 1000
    if not len(ms):
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    return {f"p{q}": round(float(np.percentile(ms, q)), 2) for q in (50, 95, 99)}


@contextmanager
def timer():
    box = {}
    start = time.perf_counter()
    yield box
    box["s"] = time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def process_peak_mb(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of another process, while it runs."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def family_stats(pid: int) -> dict[int, list[str]]:
    """The fields of /proc/<pid>/stat (after the command) of a process and its children."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(stat.parent.name) == pid or fields[1] == str(pid):
            out[int(stat.parent.name)] = fields
    return out


def tree_peak_mb(pid: int) -> float | None:
    """Peak resident memory of a process and its children, summed (a server's worker processes)."""
    known = [p for p in map(process_peak_mb, family_stats(pid)) if p is not None]
    return round(sum(known), 1) if known else None


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import faiss
    import torch

    return (
        f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, torch {torch.__version__} ({torch.get_num_threads()} threads), "
        f"faiss {faiss.__version__}"
    )


def table(title: str, rows: list[dict]) -> str:
    """A Markdown table (printed, and pasted into docs/performance.md)."""
    if not rows:
        return f"\n### {title}\n\n(no rows)\n"
    cols = list(dict.fromkeys(k for r in rows for k in r))

    def fmt(v) -> str:
        if isinstance(v, float):  # shares and cosines below 1 keep four decimals
            return f"{v:.4f}".rstrip("0").rstrip(".") if 0 < abs(v) < 1 else f"{v:,.2f}"
        return "" if v is None else str(v)

    lines = [f"\n### {title}\n", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(fmt(r.get(c)) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def bundled_index(embedder) -> tuple[Path, float]:
    """Build the bundled corpus into a fresh folder; (index path, seconds)."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings
    from assistant.settings import BUNDLED_CORPUS, Settings

    s = Settings()
    root = Path(tempfile.mkdtemp(prefix="bench-index-"))
    with timer() as t:
        ingest([str(BUNDLED_CORPUS)], root, embedder, ChunkSettings.from_settings(s))
    return root, t["s"]


def eval_questions():
    from assistant.answering.evaluation import DEFAULT_QUESTIONS, load_questions

    return load_questions(DEFAULT_QUESTIONS)


def query_text(q) -> str:
    """The text every system searches for: the question, read with its history (follow-ups)."""
    from assistant.answering.answers import clean_question, effective_query

    question = clean_question(q.question)
    return effective_query(question, q.history) or question
