"""What judging evidence by meaning adds to a question: ``python -m bench.meaning_cost``.

Builds the realistic set (tests/eval/build_set.py) into a temporary index, then asks 50 of its
questions in process (their encodings cached, so the figures are the rest of the question
path) three ways: by stems only (no word vectors), by meaning with the index's words encoded at
load but every question word new, and by meaning with every word seen before. Wall and CPU
time per question; rounds alternate so that a busy machine weighs on each alike.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main(rounds: int = 3) -> None:
    from assistant.answering import meaning
    from assistant.answering.answers import load_assistant
    from assistant.answering.evaluation import load_questions
    from assistant.encoding.embeddings import shared_embedder
    from assistant.settings import Settings
    from bench.abstention import ROOT, build

    embedder = shared_embedder()
    with tempfile.TemporaryDirectory() as tmp:
        index, questions = build(Path(tmp), embedder)["realistic"]
        helper = load_assistant(Settings(index=index), embedder)
        qs = [q.question for q in load_questions(questions)][:50]
        for q in qs:
            helper.encoder.encode_query(q)
        times: dict[str, list[tuple[float, float]]] = {}

        def run(label: str, vectors, repeat: int = 1) -> None:
            helper.vectors = vectors
            for _ in range(repeat):
                for q in qs:
                    w, c = time.perf_counter(), time.process_time()
                    helper.ask(q)
                    times.setdefault(label, []).append((time.perf_counter() - w, time.process_time() - c))

        run("warm-up", None)
        for _ in range(rounds):
            run("stems only", None)
            fresh = helper.vectors = meaning.WordVectors(embedder)
            t = time.perf_counter()
            words = helper.warm_words(helper.index)
            times.setdefault("load: index words encoded", []).append((time.perf_counter() - t, words))
            run("by meaning, question words new", fresh)
            run("by meaning, every word seen", fresh)
        print(f"realistic set ({ROOT.name}): {len(qs)} questions, {rounds} rounds")
        for label, rows in times.items():
            if label == "warm-up":
                continue
            if label.startswith("load"):
                print(f"{label}: {sum(r[0] for r in rows) / len(rows):.2f} s for {rows[-1][1]} words")
                continue
            wall = sorted(r[0] * 1000 for r in rows)
            cpu = sorted(r[1] * 1000 for r in rows)
            print(
                f"{label}: wall p50 {wall[len(wall) // 2]:.2f} ms p90 {wall[int(len(wall) * 0.9)]:.2f} ms;"
                f" CPU p50 {cpu[len(cpu) // 2]:.2f} ms mean {sum(cpu) / len(cpu):.2f} ms"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
