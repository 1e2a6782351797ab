"""Evaluation: hit@1, hit@3, MRR, abstention per category, and the per-index calibration."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.settings import PACKAGE_DIR

DEFAULT_QUESTIONS = PACKAGE_DIR.parent / "tests" / "eval" / "questions.toml"
ANSWERABLE = "answerable"
POOR_AUC = 0.9  # below this, answerable and unanswerable questions overlap too much
NEGATIVES_PER_QUESTION = 5  # candidates of an unanswerable question the model learns to refuse


@dataclass
class EvalQuestion:
    question: str
    expect: list[str]  # substrings of the document text that a right quote contains
    history: list[str]
    category: str = ANSWERABLE

    @property
    def answerable(self) -> bool:
        return bool(self.expect)


def load_questions(path: Path) -> list[EvalQuestion]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for item in data.get("question", []):
        expect = item.get("expect", [])
        expect = [expect] if isinstance(expect, str) else list(expect)
        category = item.get("category", ANSWERABLE if expect else "unanswerable")
        out.append(EvalQuestion(item["q"], expect, item.get("history", []), category))
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


def training_examples(assistant, q: EvalQuestion) -> list[tuple[dict, int]]:
    """(features, label) for the calibration. Answerable: the passage that answers (1) and
    the passages ranked above it that do not (0). Unanswerable: its top candidates (0).
    Inadmissible candidates (wrong number or name) are skipped: they are never shown."""
    _, _, _, found = assistant.candidates(q.question, q.history)
    found = [c for c in found if c.admissible]
    if not q.answerable:
        return [(c.features, 0) for c in found[:NEGATIVES_PER_QUESTION]]
    docs = assistant.index.documents
    above: list[dict[str, float]] = []
    for c in found:
        p = c.hit.passage
        if contains_expected(docs[p.doc_id].text, p.start, p.end, q):
            return [(c.features, 1)] + [(f, 0) for f in above]
        above.append(c.features)
    return []


def evaluate(assistant, questions: list[EvalQuestion], k: int = 3, recall: float | None = None) -> dict:
    """Run every question as users get it; fit a calibration on the same questions."""
    rows, examples, candidates = [], [], []
    documents = assistant.index.documents
    for q in questions:
        answer = assistant.ask(q.question, k=k, history=q.history)
        rows.append(
            {
                "question": q.question,
                "category": q.category,
                "answerable": q.answerable,
                "answered": answer.answered,
                "confidence": answer.confidence,
                "missing": answer.missing,
                "rank": rank_of_expected(answer, q, documents) if q.answerable else None,
            }
        )
        examples += training_examples(assistant, q)
        candidates.append([c.features for c in assistant.candidates(q.question, q.history)[3] if c.admissible])
    recall = recall or assistant.settings.answerable_recall
    fitted = fit_calibration(rows, examples, candidates, recall)
    _, current = assistant.evidence_for(assistant.index)
    return {
        "rows": rows,
        **metrics(rows),
        "threshold": current.threshold,
        "calibration": current.method,
        "calibrated": fitted.threshold,
        "fitted": fitted,
        "auc": auc(rows),
    }


def fit_calibration(rows, examples, candidates, recall: float):
    """A logistic model on the examples; its threshold keeps ``recall`` of answerable questions."""
    from assistant import calibration

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


def auc(rows: list[dict]) -> float:
    """How often an answerable question outscores an unanswerable one (1.0: fully separated)."""
    pos = [r["confidence"] for r in rows if r["answerable"]]
    neg = [r["confidence"] for r in rows if not r["answerable"]]
    if not pos or not neg:
        return 1.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def metrics(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    other = [r for r in rows if not r["answerable"]]
    hit = lambda r, n: r["rank"] is not None and r["rank"] <= n  # noqa: E731
    abstained = [r for r in rows if not r["answered"]]
    correct_abstentions = [r for r in abstained if not r["answerable"]]
    n = max(len(answerable), 1)
    return {
        "answerable": len(answerable),
        "unanswerable": len(other),
        "hit@1": sum(hit(r, 1) for r in answerable) / n,
        "hit@3": sum(hit(r, 3) for r in answerable) / n,
        "mrr": sum(1 / r["rank"] for r in answerable if r["rank"]) / n,
        "answerable_recall": sum(r["answered"] for r in answerable) / n,
        "abstention_precision": len(correct_abstentions) / len(abstained) if abstained else 1.0,
        "abstention_recall": len(correct_abstentions) / len(other) if other else 1.0,
        "unanswerable_answered": sum(r["answered"] for r in other),
        "confusion": confusion(rows),
        "categories": per_category(rows),
    }


def confusion(rows: list[dict]) -> dict:
    """Counts of (answerable?, answered?)."""
    return {
        "answerable_answered": sum(r["answerable"] and r["answered"] for r in rows),
        "answerable_abstained": sum(r["answerable"] and not r["answered"] for r in rows),
        "unanswerable_answered": sum(not r["answerable"] and r["answered"] for r in rows),
        "unanswerable_abstained": sum(not r["answerable"] and not r["answered"] for r in rows),
    }


def per_category(rows: list[dict]) -> dict:
    """Per category: how many, how many handled right (answered if answerable, else abstained),
    recall, and precision. Answerable: right answers among all answers. An unanswerable kind:
    its abstentions among its own and the answerable questions' abstentions."""
    out = {}
    answered = sum(r["answered"] for r in rows)
    wrongly_refused = sum(r["answerable"] and not r["answered"] for r in rows)
    for cat in dict.fromkeys(r["category"] for r in rows):
        mine = [r for r in rows if r["category"] == cat]
        right = sum(r["answered"] == r["answerable"] for r in mine)
        decided = answered if mine[0]["answerable"] else right + wrongly_refused
        out[cat] = {
            "n": len(mine),
            "right": right,
            "recall": right / len(mine),
            "precision": right / decided if decided else 1.0,
        }
    return out


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
    return out
