"""The learned worry reader (worrymodel.py): its arithmetic, its shipped file and its fit, without
the model."""

from __future__ import annotations

import json

import numpy as np

from assistant.answering import worrymodel
from assistant.answering.calibration import logistic


def test_probability_is_a_logistic_of_the_vector_and_the_margin():
    model = worrymodel.from_weights(np.array([2.0, 0.0, 0.0, 1.0, -1.0]), 0.2, {})
    assert abs(model.probability([0, 0, 0], 0.0) - 1 / (1 + np.e)) < 1e-6  # the bias alone
    assert abs(model.probability([0, 0, 0], 1.0) - 0.5) < 1e-6  # the margin weighs 1 against the bias -1
    assert model.agrees([1, 0, 0], 0.0) and not model.agrees([-1, 0, 0], 0.0)


def test_the_shipped_file_is_a_model_of_the_shipped_vectors():
    from bench.fit_default import FIT_SETS, set_digest

    model = worrymodel.shipped()
    assert model is not None and model.weights.shape == (384,)
    assert 0 < model.threshold < 0.5  # a veto: the threshold sits below the urgent questions
    assert model.fitted_on["sets"] == ",".join(FIT_SETS)
    assert model.fitted_on["set_sha256"] == set_digest(), "a development set changed: python -m bench.fit_worry"


def test_without_a_readable_file_the_prototypes_stand_alone(tmp_path):
    assert worrymodel.shipped(tmp_path / "none.json") is None
    bad = tmp_path / "worry.json"
    bad.write_text(json.dumps({"weights": [1.0]}), encoding="utf-8")
    assert worrymodel.shipped(bad) is None
    assert worrymodel.agrees(np.zeros(7, dtype=np.float32), 0.1)  # a vector of another size: no veto


def test_the_fit_learns_the_side_that_separates_the_classes():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] > 0.2).astype(int)
    w = logistic(X, y, 1e-4)
    assert w[0] > 5 * max(abs(w[1]), abs(w[2]))
    model = worrymodel.from_weights(np.r_[w[:2], w[2], w[3]], 0.5, {})
    agreed = [model.agrees(x[:2], x[2]) for x in X]
    assert np.mean(np.array(agreed) == y.astype(bool)) > 0.9
