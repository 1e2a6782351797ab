"""Evidence features and the calibration model on their own, over the fake index's vocabulary."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from assistant.answering import calibration, evidence, glossary, meaning
from assistant.answering.retrieval import hybrid
from assistant.index.lexical import words

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands million dozen half third "
    "quarter most majority minority few several"
)


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def terms_of(question, index, gloss):
    return evidence.question_terms(question, index, gloss)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("nine reviews in 2032", {"2032"}),
        ("482 notifications about 514 children", {"482", "514"}),
        ("1,234 cases and 3.5 per cent", {"1234", "3.5"}),
        ("no figures here", set()),
        ("version v2.1 is not a number", set()),
    ],
)
def test_numbers_are_read_without_separators(text, numbers):
    assert meaning.numbers_in(text) == numbers


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What does the report say about professional curiosity?", {"professional", "curiosity"}),
        ("Please tell me about neglect", {"neglect"}),
        ("What's the risk of co-sleeping?", {"risk", "co", "sleeping"}),
    ],
)
def test_frame_words_are_dropped_from_a_question(index, gloss, question, words):
    assert set(terms_of(question, index, gloss).words.values()) <= words | {"co-sleeping"}
    assert set(terms_of(question, index, gloss).words.values()) & words


@pytest.mark.parametrize(
    ("question", "count"),
    [("How many rapid reviews were there?", True), ("What number of reviews?", True), ("What is neglect?", False)],
)
def test_count_questions_are_recognised(index, gloss, question, count):
    assert terms_of(question, index, gloss).count is count


def test_names_are_runs_of_capitalised_words(index, gloss):
    terms = terms_of("What did Lantern Trust say about Riverside?", index, gloss)
    assert len(terms.names) == 1 and len(next(iter(terms.names))) == 2


def test_words_the_index_never_holds_are_unseen(index, gloss):
    assert terms_of("sourdough bread recipes", index, gloss).unseen == pytest.approx(1.0)
    assert terms_of("neglect chronology", index, gloss).unseen == 0.0


def test_the_key_is_the_rarest_word_the_index_holds(index, gloss):
    terms = terms_of("reviews about lodger", index, gloss)
    assert terms.words[terms.key] == "lodger"


def test_covered_and_missing(index, gloss):
    terms = terms_of("neglect and sourdough", index, gloss)
    text = index.documents["neglect-guidance"].text
    assert evidence.missing(terms, [text], gloss) == ["sourdough"]
    assert evidence.missing(terms, [], gloss) == ["neglect", "sourdough"]


def candidates_for(question, assistant, index, gloss):
    qvec = assistant.encoder.encode_query(question)
    terms = terms_of(question, index, gloss)
    hits = hybrid(index, qvec, question)
    return terms, evidence.assess(terms, hits, index, gloss)


@pytest.mark.parametrize(
    "question",
    ["What is neglect?", "How many rapid reviews did Riverside complete?", "Tell me about sourdough bread"],
)
def test_every_candidate_has_every_feature_in_range(assistant, index, gloss, question):
    _, found = candidates_for(question, assistant, index, gloss)
    for c in found:
        assert set(c.features) == set(evidence.FEATURES)
        assert all(math.isfinite(v) for v in c.features.values())
        assert 0.0 <= c.features["coverage"] <= 1.0 + 1e-9
        assert 0.0 <= c.features["names"] <= 1.0


def test_a_count_question_admits_only_passages_with_a_figure(assistant, index, gloss):
    _, found = candidates_for("How many rapid reviews did Riverside complete?", assistant, index, gloss)
    figures = 0
    for c in found:
        p = c.hit.passage
        text = index.documents[p.doc_id].text[p.start : p.end]
        worded = set(words(text)) & set(NUMBER_WORDS.split())
        figures += bool(meaning.numbers_in(text) or worded)
        if not (meaning.numbers_in(text) or worded):
            assert not c.admissible, text
    assert 0 < figures < len(found)


def test_a_year_the_passage_lacks_makes_it_inadmissible(assistant, index, gloss):
    _, found = candidates_for("What did the Riverside reviews find in 1999?", assistant, index, gloss)
    assert found and not any(c.admissible for c in found)


def test_the_passage_holding_every_word_covers_the_question(assistant, index, gloss):
    _, found = candidates_for("chronology of small concerns", assistant, index, gloss)
    best = max(found, key=lambda c: c.features["coverage"])
    assert best.features["coverage"] == pytest.approx(1.0)
    assert best.features["key_missing"] == 0.0


# ---------------------------------------------------------------- calibration


def test_the_score_is_a_probability_rising_with_positive_weights():
    cal = calibration.DEFAULT
    base = dict.fromkeys(evidence.FEATURES, 0.5)
    for name, weight in cal.weights.items():
        more = dict(base, **{name: 0.9})
        if weight > 0:
            assert cal.score(more) > cal.score(base)
        elif weight < 0:
            assert cal.score(more) < cal.score(base)
    assert 0.0 < cal.score(base) < 1.0


@pytest.mark.parametrize("z", [-1e9, -60.0, 0.0, 60.0, 1e9])
def test_the_score_never_overflows(z):
    cal = calibration.Calibration({"coverage": 1.0}, 0.0, 0.5)
    assert 0.0 <= cal.score({"coverage": z}) <= 1.0


def test_saved_calibration_loads_back(tmp_path):
    cal = calibration.Calibration({"coverage": 1.5, "gap": -0.5}, -1.0, 0.42, "test", {"set": "x"})
    cal.save(tmp_path)
    assert calibration.load(tmp_path) == cal


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"weights": {}}', '{"weights": 1, "bias": 0, "threshold": 0.5}', '{"bias": "x"}'],
)
def test_an_unreadable_calibration_falls_back_to_the_shipped_one(tmp_path, content):
    (tmp_path / calibration.FILE).write_text(content)
    assert calibration.load(tmp_path) is calibration.DEFAULT


def test_a_missing_calibration_is_the_shipped_one(tmp_path):
    assert calibration.load(tmp_path) is calibration.DEFAULT


def test_unknown_features_in_a_file_are_ignored(tmp_path):
    data = {"weights": {"coverage": 1.0, "shoe_size": 9.0}, "bias": 0.0, "threshold": 0.5}
    (tmp_path / calibration.FILE).write_text(json.dumps(data))
    assert calibration.load(tmp_path).weights == {"coverage": 1.0}


def test_fit_separates_separable_classes():
    rng = np.random.default_rng(7)
    rows, labels = [], []
    for _ in range(60):
        good = int(rng.random() < 0.5)
        row = {k: float(rng.random() * 0.2) for k in evidence.FEATURES}
        row["coverage"] = 0.7 + 0.3 * rng.random() if good else 0.3 * rng.random()
        rows.append(row)
        labels.append(good)
    weights, bias = calibration.fit(rows, labels)
    cal = calibration.Calibration(weights, bias, 0.5)
    assert weights["coverage"] > 0
    assert all((cal.score(r) > 0.5) == bool(y) for r, y in zip(rows, labels, strict=True))


def test_fit_weighs_the_classes_equally():
    rows = [dict.fromkeys(evidence.FEATURES, 0.0) for _ in range(40)]
    weights, bias = calibration.fit(rows, [1] * 4 + [0] * 36)
    assert abs(bias) < 0.05  # nothing tells them apart: even odds, whatever the class sizes


@pytest.mark.parametrize(
    ("answerable", "unanswerable", "recall", "threshold"),
    [
        ([0.9, 0.8, 0.7], [0.2, 0.1], 1.0, 0.45),
        ([0.9, 0.8, 0.7, 0.3], [0.2], 0.75, 0.5),
        ([0.9], [], 1.0, 0.45),
        ([], [0.3], 0.97, 0.5),
    ],
)
def test_the_threshold_keeps_the_share_of_answerable_questions_asked_for(answerable, unanswerable, recall, threshold):
    assert calibration.choose_threshold(answerable, unanswerable, recall) == pytest.approx(threshold)


def test_the_assistant_uses_the_index_calibration(make_assistant, build_index, corpus_dir):
    root = build_index([corpus_dir], "calibrated")
    calibration.Calibration({"coverage": 1.0}, 0.0, 0.99).save(root)
    strict = make_assistant(root)
    assert strict.threshold(strict.index) == pytest.approx(0.99)
    assert strict.ask("What is neglect?").answered is False  # no candidate reaches 0.99
