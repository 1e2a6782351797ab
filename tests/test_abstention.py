"""Abstention that holds across corpora: the realistic evaluation set (four documents of
different kinds, near misses labelled by kind), the per-index calibration, `missing`,
the glossary and the bundled-corpus questions the news item does not answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answering import calibration, glossary
from assistant.answering.answers import ABSTAINED, ANSWERED, PARTIAL
from assistant.answering.evaluation import evaluate, load_questions

EVAL = Path(__file__).resolve().parent / "eval"
REALISTIC = load_questions(EVAL / "realistic.toml")
sys.path.insert(0, str(EVAL))

import build_set  # noqa: E402


def figures(result: dict) -> dict:
    keep = (
        "hit@1",
        "hit@3",
        "mrr",
        "answerable_recall",
        "abstention_recall",
        "abstention_precision",
        "threshold",
        "auc",
    )
    return {k: round(result[k], 3) for k in keep} | {"categories": result["categories"]}


@pytest.fixture(scope="module")
def realistic_index(build_index, tmp_path_factory):
    return build_index([build_set.build(tmp_path_factory.mktemp("realistic-docs"))], "realistic-index")


@pytest.fixture(scope="module")
def calibrated(realistic_index, make_assistant):
    """The realistic index after `assistant eval --calibrate`'s fit, and the fit's figures."""
    helper = make_assistant(realistic_index)
    first = evaluate(helper, REALISTIC)
    first["fitted"].save(realistic_index)
    helper = make_assistant(realistic_index)  # a fresh load reads calibration.json
    return helper, evaluate(helper, REALISTIC)


def test_realistic_set_is_big_and_labelled():
    answerable = [q for q in REALISTIC if q.answerable]
    other = [q for q in REALISTIC if not q.answerable]
    near = [q for q in other if q.category not in ("off_topic", "unanswerable")]
    assert len(answerable) >= 60 and len(other) >= 40 and len(near) >= 20
    assert {q.category for q in near} == {
        "wrong_year",
        "wrong_person",
        "adjacent_topic",
        "not_covered",
        "missing_section",
    }


def test_realistic_targets_after_calibration(calibrated):
    helper, result = calibrated
    print("realistic set, calibrated:", figures(result))
    assert result["calibration"].startswith("logistic regression")
    assert result["abstention_recall"] >= 0.90, figures(result)
    assert result["answerable_recall"] >= 0.95, figures(result)
    assert result["hit@3"] >= 0.95, figures(result)
    assert result["auc"] >= 0.95


def test_calibration_is_stored_in_the_index_folder(calibrated, realistic_index):
    data = json.loads((realistic_index / calibration.FILE).read_text(encoding="utf-8"))
    assert set(data["weights"]) <= set(calibration.FEATURES) and 0 < data["threshold"] < 1
    assert data["fitted_on"]["answerable"] >= 60
    assert calibration.load(realistic_index).threshold == data["threshold"]
    (realistic_index / "broken").mkdir(exist_ok=True)
    (realistic_index / "broken" / calibration.FILE).write_text("{not json", encoding="utf-8")
    assert calibration.load(realistic_index / "broken") is calibration.DEFAULT


@pytest.mark.parametrize(
    "question",
    [
        "How many serious incident notifications did the Panel receive in 2021?",  # the wrong year
        "What did Gavin Williamson say about the annual report?",
        "What do the documents say about female genital mutilation?",
    ],
)
def test_near_misses_abstain(calibrated, question):
    answer = calibrated[0].ask(question)
    assert not answer.answered and answer.message == ABSTAINED and answer.quotes == []


def test_the_right_year_is_quoted(calibrated):
    for year, figure in (
        ("2020", "482 serious incident notifications"),
        ("2019", "391 serious incident notifications"),
    ):
        answer = calibrated[0].ask(f"How many serious incident notifications were received in {year}?")
        assert answer.answered and figure in answer.quotes[0].text


def test_glossary_acronyms_find_their_long_form(calibrated):
    answer = calibrated[0].ask("When should I contact the MASH about a baby?")
    assert answer.answered and "multi-agency safeguarding hub" in answer.quotes[0].text
    assert "mash" not in [w.lower() for w in answer.missing]  # covered through the glossary


def test_cli_eval_prints_confusion_and_categories_and_calibrates(realistic_index, tmp_path):
    import shutil

    index = tmp_path / "index"
    shutil.copytree(realistic_index, index)
    (index / calibration.FILE).unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", str(EVAL / "realistic.toml"), "--index", str(index), "--calibrate"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    values = dict(
        line.split(None, 1)
        for line in lines
        if line and not line.startswith((" ", "WARNING")) and len(line.split()) == 2
    )
    assert int(values["answerable"]) >= 60 and 0 <= float(values["hit@3"]) <= 1
    assert any(line.startswith("confusion") for line in lines)
    assert any(line.strip().startswith("wrong_year") for line in lines)
    assert (index / calibration.FILE).is_file() and "Wrote the calibration" in out.stderr


# ---------------------------------------------------------------- the bundled corpus


@pytest.mark.parametrize("topic", ["neglect", "babies", "online harm", "child sexual exploitation"])
def test_bundled_topics_the_news_item_lacks_abstain_or_show_missing(assistant, topic):
    answer = assistant.ask(f"What does the report say about {topic}?")
    if answer.answered:
        assert answer.missing and answer.message == PARTIAL
        assert "match your question" not in answer.message
    else:
        assert answer.message == ABSTAINED
    assert answer.missing  # the words the closest passages lack, even when abstaining


def test_missing_lists_uncovered_words_and_is_empty_when_all_are_covered(assistant):
    assert assistant.ask("What does the report say about neglect?").missing == ["neglect"]
    covered = assistant.ask("What does the report say about professional curiosity?")
    assert covered.answered and covered.missing == [] and covered.message == ANSWERED


def test_api_answers_carry_missing(client):
    data = client.post("/api/ask", json={"question": "What does the report say about neglect?"}).json()
    assert data["missing"] == ["neglect"]
    data = client.post("/api/ask", json={"question": "What does the report say about professional curiosity?"}).json()
    assert data["missing"] == [] and data["answered"] is True


def test_operator_glossary_extends_the_shipped_one(tmp_path, corpus_index, make_assistant):
    own = tmp_path / "glossary.toml"
    own.write_text('[[group]]\nterms = ["nosy questions", "professional curiosity"]\n', encoding="utf-8")
    plain = glossary.load()
    extended = glossary.load(own)
    assert len(extended.groups) == len(plain.groups) + 1
    helper = make_assistant(corpus_index, glossary=own)
    answer = helper.ask("What does the report say about nosy questions?")
    assert answer.answered and "professional curiosity" in answer.quotes[0].text
    assert answer.missing == []
    bad = tmp_path / "bad.toml"
    bad.write_text("[[group]\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryProblem):
        glossary.load(bad)


def test_follow_up_that_stands_alone_is_searched_alone(assistant):
    answer = assistant.ask("what did Annie Hudson say", history=["what are the six themes"])
    assert answer.interpreted_as is None
    merged = assistant.ask(
        "and professional curiosity?", history=["What does the Panel say about information sharing?"]
    )
    assert merged.interpreted_as == "What does the Panel say about information sharing? and professional curiosity?"


def test_glossary_in_the_index_folder_is_used(tmp_path, corpus_index, make_assistant):
    import shutil

    index = tmp_path / "index"
    shutil.copytree(corpus_index, index)
    question = "What does the report say about nosy questions?"
    assert make_assistant(index).ask(question).missing  # not yet a synonym
    (index / glossary.FILE).write_text(
        '[[group]]\nterms = ["nosy questions", "professional curiosity"]\n', encoding="utf-8"
    )
    answer = make_assistant(index).ask(question)
    assert answer.answered and answer.missing == [] and "professional curiosity" in answer.quotes[0].text
