"""Whether a candidate may answer is judged when first asked (evidence.Candidate.admissible), and
an answer asks it only of the passages it could show or take its confidence from: judged late,
in any order, a candidate is judged as it is judged at once, and every answer is the same as
when every candidate is judged up front. The documents are written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import evidence
from assistant.answering.answers import best_eligible

FOSTERING_MD = """# Larkmoor Fostering Service: annual report 2034

## Carers

In 2034 the Larkmoor service approved 27 new foster carers. Of these, 9 were family and friends carers.

## Training

Every foster carer finished the safer caring course within six months of approval. Carers in Dunmere
attended a refresher day in October 2034.

## Placements

Placements that ended without a plan fell from 31 in 2033 to 18 in 2034. Sibling groups were kept together
in most cases.

## Support

Each carer has a supervising social worker, who visits at least every six weeks and calls in between.
"""
FOSTERING_META = """id = "larkmoor-fostering"
title = "Larkmoor Fostering Service annual report"
author = "Larkmoor Council"
"""
QUESTIONS = [
    "How many new foster carers were approved in 2034?",
    "How many foster carers were approved in 2029?",
    "What training did carers in Dunmere attend?",
    "What training did carers in Ashvale attend?",
    "How often does the supervising social worker visit?",
    "Who visits foster carers in Larkmoor?",
    "How many placements ended without a plan in 2033?",
    "What does the report say about sibling groups?",
]


@pytest.fixture(scope="module")
def helper(tmp_path_factory, build_index, make_assistant):
    folder = tmp_path_factory.mktemp("larkmoor-docs")
    (folder / "larkmoor.md").write_text(FOSTERING_MD, encoding="utf-8")
    (folder / "larkmoor.meta.toml").write_text(FOSTERING_META, encoding="utf-8")
    return make_assistant(build_index([folder], "larkmoor-index"))


def eager_assess(monkeypatch) -> None:
    """Judge every candidate as soon as it is assessed (as every candidate once was)."""
    lazy = evidence.assess

    def assess(*args, **kwargs):
        found = lazy(*args, **kwargs)
        for c in found:
            assert c.admissible in (True, False)
        return found

    monkeypatch.setattr(evidence, "assess", assess)


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_candidate_judged_late_is_judged_as_one_judged_at_once(helper, question):
    at_once = [c.admissible for c in helper.candidates(question).found]
    late = helper.candidates(question).found
    in_reverse = [c.admissible for c in reversed(late)][::-1]
    assert in_reverse == at_once
    assert [c.judge for c in late] == [None] * len(late)  # what it was judged on is let go


def test_the_questions_reach_passages_that_may_not_answer(helper):
    judged = [c.admissible for q in QUESTIONS for c in helper.candidates(q).found]
    assert True in judged and False in judged


@pytest.mark.parametrize("threshold", [None, 0.0, 0.05])
def test_every_answer_is_the_same_when_every_candidate_is_judged_up_front(helper, monkeypatch, threshold):
    lazy = [helper.ask(q, k=3, threshold=threshold).model_dump_json() for q in QUESTIONS]
    eager_assess(monkeypatch)
    assert [helper.ask(q, k=3, threshold=threshold).model_dump_json() for q in QUESTIONS] == lazy


def counted(score: float, admissible: bool, asked: list[float]) -> evidence.Candidate:
    def judge() -> bool:
        asked.append(score)
        return admissible

    return evidence.Candidate(SimpleNamespace(), frozenset(), frozenset(), {}, None, score=score, judge=judge)  # type: ignore[arg-type]


def test_the_best_candidate_that_may_answer_is_found_best_score_first():
    asked: list[float] = []
    found = [counted(s, ok, asked) for s, ok in [(0.2, True), (0.9, False), (0.5, True), (0.7, False)]]
    best = best_eligible(found, gated=True)
    assert best is found[2] and asked == [0.9, 0.7, 0.5]  # the one at 0.2 is never judged
    asked.clear()
    assert best_eligible(found, gated=False) is found[1] and asked == []  # abstention off: none judged
    assert best_eligible([counted(0.4, False, asked)], gated=True) is None
