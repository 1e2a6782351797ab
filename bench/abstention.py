"""Abstention figures for docs/answers.md: ``python -m bench.abstention``.

Builds the bundled corpus and the realistic set (tests/eval/build_set.py) into temporary
indexes, then prints, for each set: the figures under the shipped default calibration,
after `assistant eval --calibrate` (fit and tested on the same questions), and held out
(two folds: fit on half the questions, measured on the other half). The shipped
``calibration.DEFAULT`` is no longer fit on these sets (they are for regression):
``python -m bench.fit_default`` fits it on the development sets.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("hit@1", "hit@3", "mrr", "answerable_recall", "abstention_recall", "abstention_precision")


def build(tmp: Path, embedder) -> dict[str, tuple[Path, Path]]:
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings
    from assistant.settings import BUNDLED_CORPUS

    sys.path.insert(0, str(ROOT / "tests" / "eval"))
    import build_set

    sets = {
        "bundled": ([BUNDLED_CORPUS], ROOT / "tests/eval/questions.toml"),
        "realistic": ([build_set.build(tmp / "docs")], ROOT / "tests/eval/realistic.toml"),
    }
    out = {}
    for name, (sources, questions) in sets.items():
        ingest([str(s) for s in sources], tmp / name, embedder, ChunkSettings(), progress=False)
        out[name] = (tmp / name, questions)
    return out


def measure(helper, questions) -> dict:
    from assistant.answering.evaluation import evaluate

    r = evaluate(helper, questions, held_out=False)
    return {k: round(r[k], 3) for k in KEYS} | {"threshold": round(r["threshold"], 3), "fitted": r["fitted"]}


def run() -> None:
    from assistant.answering import calibration
    from assistant.answering.answers import load_assistant
    from assistant.answering.evaluation import load_questions
    from assistant.encoding.embeddings import shared_embedder
    from assistant.settings import Settings

    embedder = shared_embedder()
    with tempfile.TemporaryDirectory() as tmp:
        sets = build(Path(tmp), embedder)
        for name, (index, path) in sets.items():
            questions = load_questions(path)
            helper = load_assistant(Settings(index=index), embedder)
            shipped = measure(helper, questions)
            shipped.pop("fitted").save(index)
            calibrated = measure(load_assistant(Settings(index=index), embedder), questions)
            calibrated.pop("fitted")
            print(f"{name}: shipped default {shipped}")
            print(f"{name}: calibrated on itself {calibrated}")
            held = []
            for fold in (0, 1):
                train = [q for i, q in enumerate(questions) if i % 2 == fold]
                test = [q for i, q in enumerate(questions) if i % 2 != fold]
                (index / calibration.FILE).unlink(missing_ok=True)
                measure(load_assistant(Settings(index=index), embedder), train)["fitted"].save(index)
                r = measure(load_assistant(Settings(index=index), embedder), test)
                r.pop("fitted")
                held.append((r, len(test)))
            total = sum(n for _, n in held)
            print(
                f"{name}: held out (2 folds) "
                + str({k: round(sum(r[k] * n for r, n in held) / total, 3) for k in KEYS})
            )


if __name__ == "__main__":
    run()
