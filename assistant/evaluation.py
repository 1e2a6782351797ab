"""Evaluation: hit@1, hit@3, MRR and abstention precision/recall over a questions file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.settings import PACKAGE_DIR

DEFAULT_QUESTIONS = PACKAGE_DIR.parent / "tests" / "eval" / "questions.toml"


@dataclass
class EvalQuestion:
    question: str
    expect: list[str]  # substrings of the document text that a right quote contains
    history: list[str]

    @property
    def answerable(self) -> bool:
        return bool(self.expect)


def load_questions(path: Path) -> list[EvalQuestion]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for item in data.get("question", []):
        expect = item.get("expect", [])
        out.append(EvalQuestion(item["q"], [expect] if isinstance(expect, str) else list(expect), item.get("history", [])))
    return out


def rank_of_expected(answer, q: EvalQuestion, documents) -> int | None:
    """1-based rank of the first quote that contains one of the expected passages."""
    for rank, quote in enumerate(answer.quotes, start=1):
        text = documents[quote.document.id].text
        for wanted in q.expect:
            at = text.find(wanted)
            while at >= 0:
                if quote.start <= at and at + len(wanted) <= quote.end:
                    return rank
                at = text.find(wanted, at + 1)
    return None


def evaluate(assistant, questions: list[EvalQuestion], k: int = 3) -> dict:
    """Run every question as users get it, and once more without abstention for calibration."""
    rows = []
    for q in questions:
        answer = assistant.ask(q.question, k=k, history=q.history)
        raw = assistant.ask(q.question, k=k, history=q.history, threshold=-1.0)
        rows.append({
            "question": q.question,
            "answerable": q.answerable,
            "answered": answer.answered,
            "confidence": raw.confidence,
            "rank": rank_of_expected(answer, q, assistant.index.documents) if q.answerable else None,
            "rank_unfiltered": rank_of_expected(raw, q, assistant.index.documents) if q.answerable else None,
        })
    return {"rows": rows, **metrics(rows), "threshold": assistant.settings.min_confidence, "calibrated": calibrate(rows)}


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
        "abstention_precision": len(correct_abstentions) / len(abstained) if abstained else 1.0,
        "abstention_recall": len(correct_abstentions) / len(other) if other else 1.0,
        "unanswerable_answered": sum(r["answered"] for r in other),
    }


def calibrate(rows: list[dict]) -> float:
    """The threshold halfway between the most confident unanswerable question and the
    least confident answerable one above it: no unanswerable question answered, as few
    answerable ones refused as possible."""
    worst_other = max((r["confidence"] for r in rows if not r["answerable"]), default=0.0)
    above = sorted(r["confidence"] for r in rows if r["answerable"] and r["confidence"] > worst_other)
    if not above:
        return round(worst_other + 0.01, 3)
    return round((worst_other + above[0]) / 2, 3)
