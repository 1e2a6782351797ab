"""The figures of docs/answers.md "How we measure": ``python -m bench.eval_sets [--json FILE]``.

Builds the evaluation sets into temporary indexes (the bundled news item with
tests/eval/questions.toml, the realistic set of tests/eval, the fit set, the held-out set of
tests/eval_heldout, the unseen set of tests/eval_unseen, the report-only second to thirteenth unseen sets of
tests/eval_unseen2, tests/eval_unseen3, tests/eval_unseen4, tests/eval_unseen5, tests/eval_unseen6,
tests/eval_unseen7, tests/eval_unseen8, tests/eval_unseen9, tests/eval_unseen10, tests/eval_unseen11,
tests/eval_unseen12 and tests/eval_unseen13)
and prints one Markdown row per set and way of measuring: the calibration in use (the shipped default), a
calibration fitted on the set and tested leave-one-document-out, and that fit tested on its own questions. Nothing
here changes a default.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
FIGURES = (
    "hit@1",
    "hit@3",
    "right_answers_refused",
    "near_misses_refused",
    "off_topic_refused",
    "urgent_signposted",
    "signposts_on_document_questions",
    "case_questions_signposted",
    "right_answers_listing_missing",
    "mark_contains_answer",
    "marks_over_limit",
)
WAYS = (("in use", None), ("fitted, held out", "leave_one_document_out"), ("fitted, own set", "fitted_own_set"))


def builder(folder: str):
    spec = importlib.util.spec_from_file_location(f"{folder}_build_set", ROOT / "tests" / folder / "build_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sets(tmp: Path) -> dict[str, tuple[list[str], Path]]:
    from assistant.settings import BUNDLED_CORPUS

    return {
        "bundled (own)": ([str(BUNDLED_CORPUS)], ROOT / "tests/eval/questions.toml"),
        "realistic (own)": ([str(builder("eval").build(tmp / "realistic"))], ROOT / "tests/eval/realistic.toml"),
        "fit": ([str(builder("eval_fit").build(tmp / "fit"))], ROOT / "tests/eval_fit"),
        "held-out": ([str(builder("eval_heldout").build(tmp / "heldout"))], ROOT / "tests/eval_heldout"),
        "unseen": ([str(builder("eval_unseen").build(tmp / "unseen"))], ROOT / "tests/eval_unseen"),
        "unseen2": ([str(builder("eval_unseen2").build(tmp / "unseen2"))], ROOT / "tests/eval_unseen2"),
        "unseen3": ([str(builder("eval_unseen3").build(tmp / "unseen3"))], ROOT / "tests/eval_unseen3"),
        "unseen4": ([str(builder("eval_unseen4").build(tmp / "unseen4"))], ROOT / "tests/eval_unseen4"),
        "unseen5": ([str(builder("eval_unseen5").build(tmp / "unseen5"))], ROOT / "tests/eval_unseen5"),
        "unseen6": ([str(builder("eval_unseen6").build(tmp / "unseen6"))], ROOT / "tests/eval_unseen6"),
        "unseen7": ([str(builder("eval_unseen7").build(tmp / "unseen7"))], ROOT / "tests/eval_unseen7"),
        "unseen8": ([str(builder("eval_unseen8").build(tmp / "unseen8"))], ROOT / "tests/eval_unseen8"),
        "unseen9": ([str(builder("eval_unseen9").build(tmp / "unseen9"))], ROOT / "tests/eval_unseen9"),
        "unseen10": ([str(builder("eval_unseen10").build(tmp / "unseen10"))], ROOT / "tests/eval_unseen10"),
        "unseen11": ([str(builder("eval_unseen11").build(tmp / "unseen11"))], ROOT / "tests/eval_unseen11"),
        "unseen12": ([str(builder("eval_unseen12").build(tmp / "unseen12"))], ROOT / "tests/eval_unseen12"),
        "unseen13": ([str(builder("eval_unseen13").build(tmp / "unseen13"))], ROOT / "tests/eval_unseen13"),
    }


def cell(figure) -> str:
    if isinstance(figure, dict):
        return "–" if not figure["of"] else f"{figure['n']}/{figure['of']}"
    return "–" if figure is None else f"{figure:.2f}"


def run(json_out: str | None = None) -> None:
    from assistant.answering.answers import load_assistant
    from assistant.answering.evaluation import evaluate, load_questions
    from assistant.encoding.embeddings import shared_embedder
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings
    from assistant.settings import Settings

    embedder = shared_embedder()
    print("| set | measured | " + " | ".join(FIGURES) + " | mark share | threshold |")
    print("|" + " --- |" * (len(FIGURES) + 4))
    dump = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (sources, questions) in sets(Path(tmp)).items():
            index = Path(tmp) / f"index-{len(dump)}"
            ingest(sources, index, embedder, ChunkSettings(), progress=False)
            result = evaluate(load_assistant(Settings(index=index), embedder), load_questions(questions))
            fitted = result.pop("fitted")
            dump[name] = {k: v for k, v in result.items() if k != "rows"}
            for way, key in WAYS:
                report = result[key]["report"] if key else result["report"]
                threshold = result["threshold"] if key is None else fitted.threshold
                cells = [cell(report[f]) for f in FIGURES] + [cell(report["mark_share_mean"]), f"{threshold:.3f}"]
                print(f"| {name} | {way} | " + " | ".join(cells) + " |")
            s = result["stability"]
            print(f"<!-- {name}: refits change a median {s['flips_median']} (p90 {s['flips_p90']}) decisions -->")
    if json_out:
        Path(json_out).write_text(json.dumps(dump, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    run(sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None)
