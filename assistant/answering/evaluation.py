"""Evaluation: run a question set as users get it, fit a calibration on it, and measure that fit
on documents it never saw (leave one document out). The figures come from evalmetrics.py."""

from __future__ import annotations

import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from assistant.answering import evalmetrics
from assistant.answering.evalmetrics import ANSWERABLE, URGENT, auc, metrics
from assistant.errors import SetProblem  # noqa: F401  (raised here; importable from here too)
from assistant.settings import PACKAGE_DIR, SHIPPED_EVAL_SET

DEFAULT_QUESTIONS = SHIPPED_EVAL_SET
QUESTIONS_FILE = "questions.toml"  # a set given as a folder holds its questions here
POOR_AUC = 0.9  # below this, answerable and unanswerable questions overlap too much
NEGATIVES_PER_QUESTION = 5  # candidates of an unanswerable question the model learns to refuse
FOLDS = 5  # held-out folds of a set about a single document
# The sets of a source checkout, by name (`assistant eval --set fit`); an installed package has no tests/.
NAMED_SETS = {
    "own": "eval/questions.toml",
    "realistic": "eval/realistic.toml",
    "heldout": "eval_heldout",
    "held-out": "eval_heldout",
    "fit": "eval_fit",
    "unseen": "eval_unseen",  # report only: never tuned on
    "unseen2": "eval_unseen2",  # report only
    "unseen3": "eval_unseen3",  # report only
    "unseen4": "eval_unseen4",  # report only
    "unseen5": "eval_unseen5",  # report only
    "unseen6": "eval_unseen6",  # report only
    "unseen7": "eval_unseen7",  # report only
    "unseen8": "eval_unseen8",  # report only
    "unseen9": "eval_unseen9",  # report only
    "unseen10": "eval_unseen10",  # report only
    "unseen11": "eval_unseen11",  # report only
    "unseen12": "eval_unseen12",  # report only
    "unseen13": "eval_unseen13",  # report only
}
SETS_DIR = PACKAGE_DIR.parent / "tests"


@dataclass
class EvalQuestion:
    question: str
    expect: list[str]  # substrings of the document text that a right quote contains
    history: list[str]
    category: str = ANSWERABLE
    answer: list[str] = field(default_factory=list)  # what the marked sentence holds ([]: use expect)
    doc: str | None = None  # the document it is about, for leave-one-document-out
    why: str = ""  # for a near miss: how it misses

    @property
    def answerable(self) -> bool:
        return bool(self.expect)

    @property
    def scored(self) -> bool:
        """Counted for answers and refusals (an urgent question is judged by its signpost only)."""
        return self.category != URGENT


def _strings(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def resolve_set(path: Path) -> Path:
    """The questions file of a set given as a file, a folder holding questions.toml, or a name (NAMED_SETS)."""
    path = Path(path)
    if not path.exists() and str(path) in NAMED_SETS:
        path = SETS_DIR / NAMED_SETS[str(path)]
    if path.is_dir():
        path = path / QUESTIONS_FILE
    if not path.is_file():
        raise SetProblem(f"No questions file at {path}.")
    return path


def load_questions(path: Path) -> list[EvalQuestion]:
    """The questions of a set (a TOML file, or a folder holding questions.toml)."""
    path = resolve_set(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out = []
        for item in data.get("question", []):
            expect = _strings(item.get("expect"))
            category = item.get("category", ANSWERABLE if expect else "unanswerable")
            out.append(
                EvalQuestion(
                    item["q"],
                    expect,
                    _strings(item.get("history")),
                    category,
                    _strings(item.get("answer")),
                    item.get("doc"),
                    item.get("why", ""),
                )
            )
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise SetProblem(f"{path} is not a readable questions file ({type(exc).__name__}: {exc}).") from None
    if not out:
        raise SetProblem(f"{path} holds no [[question]] entries.")
    return out


def contains_expected(doc_text: str, start: int, end: int, q: EvalQuestion) -> bool:
    for wanted in q.expect:
        at = doc_text.find(wanted)
        while at >= 0:
            if start <= at and at + len(wanted) <= end:
                return True
            at = doc_text.find(wanted, at + 1)
    return False


def rank_of_expected(answer, q: EvalQuestion, documents) -> int | None:
    """1-based rank of the first quote that contains one of the expected passages."""
    for rank, quote in enumerate(answer.quotes, start=1):
        if contains_expected(documents[quote.document.id].text, quote.start, quote.end, q):
            return rank
    return None


def row_of(q: EvalQuestion, answer, documents) -> dict:
    """One question as the user got it (see evalmetrics for what each field is for)."""
    rank = rank_of_expected(answer, q, documents) if q.answerable else None
    mark_has_answer = mark_share = None
    if rank == 1:
        # The marked sentences are the quote's highlights: the spans a reader's eye goes to.
        first = answer.quotes[0]
        mark_has_answer = evalmetrics.marks_answer(first.text, first.highlights, q.answer or q.expect)
        mark_share = evalmetrics.marked_share(first.text, first.highlights)
    return {
        "question": q.question,
        "category": q.category,
        "why": q.why,
        "answerable": q.answerable,
        "answered": answer.answered,
        "confidence": answer.confidence,
        "missing": answer.missing,
        "rank": rank,
        "signposted": answer.signpost is not None,
        "mark_has_answer": mark_has_answer,
        "mark_share": mark_share,
    }


def document_of(q: EvalQuestion, documents) -> str | None:
    """The document a question is about: its label, else the first holding an expected passage."""
    if q.doc:
        return q.doc
    for doc_id, doc in documents.items():
        if any(wanted in doc.text for wanted in q.expect):
            return doc_id
    return None


def groups(questions: list[EvalQuestion], documents) -> list[str]:
    """A leave-one-document-out group per question; a question about no one document (off the
    subject, urgent) is dealt to the groups in turn, so that every question is tested once.
    A set about one document is held out in fifths of its questions instead."""
    found = [document_of(q, documents) for q in questions]
    known = sorted({d for d in found if d})
    if len(known) < 2:  # one document: hold out interleaved fifths of the questions instead
        return [f"questions {i % FOLDS + 1} of {FOLDS}" for i in range(len(questions))]
    dealt = iter(range(len(questions)))
    return [d if d else known[next(dealt) % len(known)] for d in found]


@contextmanager
def calibrated_with(assistant, model):
    """Answer with ``model`` instead of the index's calibration, for the duration."""
    judging = replace(assistant.evidence_for(assistant.index), calibration=model)
    assistant.evidence_for = lambda index: judging
    try:
        yield
    finally:
        del assistant.evidence_for


def examples_of(found, q: EvalQuestion, documents) -> list[tuple[dict, int]]:
    """(features, label) for the calibration from a question's admissible candidates. Answerable:
    the passage that answers (1) and the passages ranked above it that do not (0). Unanswerable:
    its top candidates (0). Inadmissible candidates (wrong number or name) are never shown."""
    if not q.answerable:
        return [(c.features, 0) for c in found[:NEGATIVES_PER_QUESTION]]
    above: list[dict[str, float]] = []
    for c in found:
        p = c.hit.passage
        if contains_expected(documents[p.doc_id].text, p.start, p.end, q):
            return [(c.features, 1)] + [(f, 0) for f in above]
        above.append(c.features)
    return []


def collect(assistant, questions: list[EvalQuestion], k: int = 3) -> tuple[list[dict], list, list]:
    """Each question asked as users ask it: its row, its calibration examples, and the features
    of its admissible candidates (what a fit needs)."""
    rows, examples, candidates = [], [], []
    documents = assistant.index.documents
    for q in questions:
        rows.append(row_of(q, assistant.ask(q.question, k=k, history=q.history), documents))
        found = [c for c in assistant.candidates(q.question, q.history).found if c.admissible]
        examples.append(examples_of(found, q, documents) if q.scored else [])
        candidates.append([c.features for c in found])
    return rows, examples, candidates


def evaluate(
    assistant, questions: list[EvalQuestion], k: int = 3, recall: float | None = None, held_out: bool = True
) -> dict:
    """Run every question as users get it; fit a calibration on the same questions; with
    ``held_out``, measure the fitting on each document with a fit made without its questions
    (leave one document out), the fit on its own questions, and how stable the fit is."""
    rows, examples, candidates = collect(assistant, questions, k)
    documents = assistant.index.documents
    recall = recall or assistant.settings.answerable_recall
    scored = [i for i, q in enumerate(questions) if q.scored]

    def fit(indices: list[int]):
        chosen = [e for i in indices for e in examples[i]]
        return fit_calibration([rows[i] for i in indices], chosen, [candidates[i] for i in indices], recall)

    fitted = fit(scored)
    current = assistant.evidence_for(assistant.index).calibration
    result = {
        "rows": rows,
        **metrics(rows),
        "threshold": current.threshold,
        "calibration": current.method,
        "calibrated": fitted.threshold,
        "fitted": fitted,
        "auc": auc(rows),
        "report": evalmetrics.report(rows),
    }
    result["misses_targets"] = evalmetrics.misses(result["report"])
    if not held_out:
        return result
    keys = groups(questions, documents)
    left_out: list[dict | None] = [None] * len(questions)
    folds: list[dict] = []
    for doc in sorted(set(keys)):
        model = fit([i for i in scored if keys[i] != doc])
        test = [i for i, key in enumerate(keys) if key == doc]
        with calibrated_with(assistant, model):
            for i in test:
                q = questions[i]
                left_out[i] = row_of(q, assistant.ask(q.question, k=k, history=q.history), documents)
        folds.append({"document": doc, "questions": len(test), "threshold": model.threshold, "method": model.method})
    with calibrated_with(assistant, fitted):
        own = [row_of(q, assistant.ask(q.question, k=k, history=q.history), documents) for q in questions]
    result["leave_one_document_out"] = {
        "report": evalmetrics.report(cast("list[dict]", left_out)),
        "folds": folds,
        "rows": left_out,
    }
    result["fitted_own_set"] = {"report": evalmetrics.report(own)}
    result["stability"] = evalmetrics.stability(
        lambda picks: fit([scored[i] for i in picks]), len(scored), fitted, [candidates[i] for i in scored]
    )
    return result


def fit_calibration(rows, examples, candidates, recall: float):
    """A logistic model on the examples; its threshold keeps ``recall`` of answerable questions."""
    from assistant.answering import calibration

    if not examples or len({y for _, y in examples}) < 2:
        return calibration.DEFAULT
    weights, bias = calibration.fit([f for f, _ in examples], [y for _, y in examples])
    model = calibration.Calibration(weights, bias, 0.5)
    best = [max((model.score(f) for f in feats), default=0.0) for feats in candidates]
    pos = [s for s, r in zip(best, rows, strict=False) if r["answerable"]]
    neg = [s for s, r in zip(best, rows, strict=False) if not r["answerable"]]
    model.threshold = calibration.choose_threshold(pos, neg, recall)
    model.fitted_on = {"answerable": len(pos), "unanswerable": len(neg), "answerable_recall": recall}
    return model


def warnings(result: dict) -> list[str]:
    """Plain-language warnings when the figures say abstention cannot be trusted on this index."""
    out = []
    if result["auc"] < POOR_AUC:
        out.append(
            "WARNING: poor separation: answerable and unanswerable questions overlap (AUC "
            f"{result['auc']:.2f} < {POOR_AUC})."
        )
    if result["answerable"] and result["answerable_recall"] < 0.9:
        out.append(f"WARNING: the threshold refuses {1 - result['answerable_recall']:.0%} of answerable questions.")
    if result["unanswerable"] and result["abstention_recall"] < 0.9:
        out.append(f"WARNING: {result['unanswerable_answered']} unanswerable question(s) get quotes.")
    if result["calibrated"] <= 0:
        out.append(
            "WARNING: the fitted threshold is 0, which turns abstention off: some answerable questions have no "
            "admissible passage at all (a number or name rule rejects every candidate), so no threshold keeps "
            "the wanted share of them. Do not store this fit."
        )
    s = result.get("stability")
    if s and s["unstable"]:
        out.append(
            f"WARNING: unstable fit: refitting on resampled questions changes a median of {s['flips_median']:g} "
            f"answer-or-refuse decisions (more than one question's worth; threshold {s['threshold_p10']:.3f} to "
            f"{s['threshold_p90']:.3f}). Add questions, near misses above all, before relying on --calibrate."
        )
    return out
