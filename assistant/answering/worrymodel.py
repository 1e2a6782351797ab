"""The learned half of urgency by meaning: a logistic reader of the question's vector.

The prototype rule (urgency.py) also reads many questions *about procedure* from someone close
to a child ("a mum has cancelled her little boy three times, what are we meant to do?", "can my
grandson keep his phone at the home?") as a worry: they share its words of people and harm, and
the margin between a handful of prototypes cannot tell them apart. The development sets label
about a hundred questions urgent and over a thousand not; a linear model of the same 384 numbers
(and the prototype margin) learns what separates them. It only **vetoes**: a question reads as a
worry by meaning when the prototypes say so *and* this model gives it at least ``threshold``,
set far below the lowest urgent question of any set left out of the fit (so a new way of asking
keeps its urgent questions signposted) and above most questions about procedure.

It is fit by ``python -m bench.fit_worry`` (numpy Newton steps, calibration.logistic) and kept in
``worry.json`` beside this module; without that file the prototype rule stands alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

FILE = Path(__file__).with_name("worry.json")


@dataclass(frozen=True)
class WorryModel:
    weights: np.ndarray  # one per vector dimension
    gap_weight: float  # the prototype margin's weight
    bias: float
    threshold: float
    fitted_on: dict

    def probability(self, qvec, gap: float) -> float:
        z = float(np.asarray(qvec, dtype=np.float32).reshape(-1) @ self.weights) + self.gap_weight * gap + self.bias
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    def agrees(self, qvec, gap: float) -> bool:
        return self.probability(qvec, gap) >= self.threshold

    def to_json(self) -> str:
        data = {
            "threshold": self.threshold,
            "bias": round(self.bias, 6),
            "gap_weight": round(self.gap_weight, 6),
            "fitted_on": self.fitted_on,
            "weights": [round(float(w), 6) for w in self.weights],
        }
        return json.dumps(data, indent=1) + "\n"


def from_weights(w: np.ndarray, threshold: float, fitted_on: dict) -> WorryModel:
    """A model from logistic weights over (vector..., gap, bias)."""
    return WorryModel(np.asarray(w[:-2], dtype=np.float32), float(w[-2]), float(w[-1]), threshold, fitted_on)


@lru_cache(maxsize=1)
def shipped(path: Path = FILE) -> WorryModel | None:
    """The shipped model, or None when its file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = np.asarray(data["weights"], dtype=np.float32)
        return WorryModel(
            weights, float(data["gap_weight"]), float(data["bias"]), float(data["threshold"]), data["fitted_on"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def agrees(qvec, gap: float) -> bool:
    """Does the learned reader agree that the question is a worry (True without a usable model)?"""
    model = shipped()
    if model is None or model.weights.shape != np.asarray(qvec).reshape(-1).shape:
        return True
    return model.agrees(qvec, gap)
