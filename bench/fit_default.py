"""Re-fit the shipped default calibration on the fit set, and only on it:
``python -m bench.fit_default [--dry-run] [--force]``.

Builds tests/eval_fit into a temporary index with the shipped model, runs its questions as
``assistant eval`` does, fits the logistic model and its threshold on them (the
``answerable_recall`` setting, 0.97 by default), prints the fit's leave-one-document-out figures
and stability, and rewrites ``DEFAULT`` in assistant/answering/calibration.py, recording in
``fitted_on`` the set it was fit on. tests/eval (regression) and tests/eval_heldout (report) are
never read here. A degenerate fit (threshold 0, abstention off) is not written without
``--force``; an unstable one is written with the warning `assistant eval` gives. Re-run it
after any change to the evidence features, then ``python -m bench.eval_sets`` for the report.
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
FIT_SET = "eval_fit"
SHOWN = ("hit@3", "right_answers_refused", "near_misses_refused", "off_topic_refused", "right_answers_listing_missing")


def set_digest(folder: Path = ROOT / "tests" / FIT_SET) -> str:
    """A short hash of the fit set's questions and documents: the default names what it was fit on."""
    import hashlib

    h = hashlib.sha256()
    for name in ("questions.toml", "build_set.py"):
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:16]


def default_source(model) -> str:
    """The ``DEFAULT = Calibration(...)`` block of calibration.py for ``model``, as ruff formats it."""
    weights = "".join(f'        "{k}": {v!r},\n' for k, v in model.weights.items())
    fitted_on = "".join(f'        "{k}": {v!r},\n'.replace("'", '"') for k, v in model.fitted_on.items())
    return (
        "DEFAULT = Calibration(\n"
        f"    weights={{\n{weights}    }},\n"
        f"    bias={model.bias!r},\n"
        f"    threshold={model.threshold!r},\n"
        '    method="shipped default",\n'
        f"    fitted_on={{\n{fitted_on}    }},\n"
        ")\n"
    )


def rewrite_default(source: str, model) -> str:
    """``source`` (calibration.py's text) with its DEFAULT block replaced by ``model``'s."""
    start = source.index("DEFAULT = Calibration(\n")
    end = source.index("\n)\n", start) + len("\n)\n")
    return source[:start] + default_source(model) + source[end:]


def fit(dry_run: bool = False, force: bool = False) -> int:
    from assistant.answering.answers import load_assistant
    from assistant.answering.evalmetrics import fraction
    from assistant.answering.evaluation import evaluate, load_questions, warnings
    from assistant.encoding.embeddings import shared_embedder
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings
    from assistant.settings import Settings

    sys.path.insert(0, str(ROOT / "tests"))
    import importlib.util

    spec = importlib.util.spec_from_file_location("fit_build_set", ROOT / "tests" / FIT_SET / "build_set.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    questions = load_questions(ROOT / "tests" / FIT_SET)
    settings = Settings()
    embedder = shared_embedder()
    with tempfile.TemporaryDirectory() as tmp:
        docs = builder.build(Path(tmp) / "docs")
        index = Path(tmp) / "index"
        ingest([str(docs)], index, embedder, ChunkSettings(), progress=False)
        result = evaluate(load_assistant(Settings(index=index), embedder), questions)
    model = result["fitted"]
    model.method = "shipped default"
    model.fitted_on = {
        "set": FIT_SET,
        "set_sha256": set_digest(),
        "questions": sum(q.category != "urgent" for q in questions),
        **model.fitted_on,
        "encoder": settings.encoder,
    }
    held = result["leave_one_document_out"]["report"]
    print(f"fit on tests/{FIT_SET}: threshold {model.threshold:.4f}, bias {model.bias}, weights {model.weights}")
    print("held out one document at a time, by fits without it (what the fit promises on new documents):")
    for key in SHOWN:
        print(f"  {key:32} {fraction(held[key])}")
    s = result["stability"]
    print(f"  bootstrap refits change a median {s['flips_median']:g} (p90 {s['flips_p90']:g}) decisions")
    problems = warnings(result)
    for line in problems:
        print(line)
    degenerate = model.threshold <= 0  # abstention off: never shipped by accident
    if dry_run or (degenerate and not force):
        print("Not written" + (" (threshold 0 turns abstention off; --force writes it)." if degenerate else "."))
        return 1 if degenerate and not dry_run else 0
    path = ROOT / "assistant" / "answering" / "calibration.py"  # this checkout's, whatever is installed
    path.write_text(rewrite_default(path.read_text(encoding="utf-8"), model), encoding="utf-8")
    print(f"Wrote the shipped default to {path}; now run python -m bench.eval_sets for the report.")
    return 0


if __name__ == "__main__":
    sys.exit(fit("--dry-run" in sys.argv, "--force" in sys.argv))
