"""Calibration: a small logistic model over the evidence features, and its threshold.

``p = sigmoid(bias + Σ weight·feature)`` says how likely a candidate passage answers the
question. It is fit per index on an evaluation set (``assistant eval --calibrate``) with
numpy (Newton steps, L2-regularised, classes weighted equally): a handful of features
does not need scikit-learn, and a logistic model degrades gracefully when the classes
overlap, where a midpoint between them does not exist. The threshold is then the highest
one that still answers ``answerable_recall`` of the answerable questions.

The result is ``calibration.json`` in the index folder, beside ``CURRENT``; without one the
shipped default below applies. It is fit on the development sets (tests/eval_fit and the unseen
sets already reported), pooled, and on no other (tests/eval is for regression, tests/eval_heldout
and the newest unseen set for the report): ``python -m bench.fit_default`` re-fits it and
rewrites the ``DEFAULT`` block, recording the sets in ``fitted_on``.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from assistant.answering.evidence import FEATURES

FILE = "calibration.json"


@dataclass
class Calibration:
    weights: dict[str, float]
    bias: float
    threshold: float
    method: str = "logistic regression over evidence features (numpy)"
    fitted_on: dict = field(default_factory=dict)

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def save(self, root: Path) -> Path:
        path = Path(root) / FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
        return path


# Written by `python -m bench.fit_default` (fit on the development sets only); do not edit by hand.
DEFAULT = Calibration(
    weights={
        "coverage": 2.0109,
        "coverage_text": 0.2634,
        "gap": -0.5976,
        "key_missing": -0.4366,
        "agreement": 1.4908,
        "similarity": 4.6436,
        "bm25": 0.2294,
        "names": 0.3675,
        "unseen": 0.2362,
        "margin": 1.8717,
    },
    bias=-3.7517,
    threshold=0.3576,
    method="shipped default",
    fitted_on={
        "sets": "eval_fit,eval_unseen,eval_unseen2,eval_unseen3,eval_unseen4,eval_unseen5,eval_unseen6,eval_unseen7,eval_unseen8,eval_unseen9,eval_unseen10,eval_unseen11,eval_unseen12,eval_unseen13",
        "set_sha256": "564c1addbcec0ec3",
        "questions": 1706,
        "answerable": 1242,
        "unanswerable": 464,
        "answerable_recall": 0.93,
        "encoder": "onnx-int8",
    },
)


def load(root: Path) -> Calibration:
    """The index's calibration, or the shipped default when it has none (or it is unreadable)."""
    path = Path(root) / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Calibration(
            {k: float(v) for k, v in data["weights"].items() if k in FEATURES},
            float(data["bias"]),
            float(data["threshold"]),
            str(data.get("method", "")),
            dict(data.get("fitted_on", {})),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return DEFAULT


def fit(
    rows: list[dict[str, float]], labels: list[int], l2: float = 0.001, steps: int = 50
) -> tuple[dict[str, float], float]:
    """Logistic regression over the evidence features; each class carries half the total weight."""
    X = np.array([[r[k] for k in FEATURES] for r in rows], dtype=float)
    w = logistic(X, labels, l2, steps)
    return {k: round(float(v), 4) for k, v in zip(FEATURES, w[:-1], strict=False)}, round(float(w[-1]), 4)


def logistic(X: np.ndarray, labels, l2: float, steps: int = 50) -> np.ndarray:
    """Weights (the bias last) by Newton's method, L2-regularised, each class half the weight."""
    y = np.asarray(labels, dtype=float)
    X = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])
    n_pos, n_neg = max(y.sum(), 1), max((1 - y).sum(), 1)
    sw = np.where(y == 1, 0.5 / n_pos, 0.5 / n_neg)
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -50, 50)))
        grad = X.T @ (sw * (p - y)) + reg * w
        hess = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        delta = np.linalg.solve(hess, grad)
        w -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return w


def choose_threshold(answerable: list[float], unanswerable: list[float], recall: float) -> float:
    """The highest threshold that still answers ``recall`` of the answerable questions.

    Scores are the best admissible candidate's probability (0 when none is admissible).
    """
    if not answerable:
        return 0.5
    ranked = sorted(answerable, reverse=True)
    keep = max(1, math.ceil(recall * len(ranked)))
    lowest_kept = ranked[keep - 1]
    # Halfway into the gap below the lowest answerable score kept.
    below = [s for s in answerable + unanswerable if s < lowest_kept]
    return round((lowest_kept + max(below, default=0.0)) / 2, 4)
