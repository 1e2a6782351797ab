"""Near misses asking for a statistic no passage gives (eighth near-miss round): an average or a
median asked, where a passage gives only a count of the same things. Every question and passage is
written for these tests, about made-up places."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import evidence, glossary


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def admissible(question: str, passage: str, index, gloss, heading: str = "") -> bool:
    terms = evidence.question_terms(question, index, gloss)
    hit = SimpleNamespace(similarity=0.5, bm25=1.0)
    return evidence._candidate(terms, hit, passage, heading, gloss, None, None, 0.0).admissible


COUNT_ONLY = "In 2032 the partnership received 40 referrals from schools."
AVERAGE_GIVEN = "Schools made an average of 3 referrals to the partnership each month in 2032."
MEDIAN_GIVEN = "In 2032 the median number of referrals from schools in a month was 3."


@pytest.mark.parametrize("stat", ["average", "median"])
def test_a_statistic_asked_is_not_a_count_of_the_same_things(stat, index, gloss):
    question = f"what was the {stat} number of referrals from schools each month?"
    assert not admissible(question, COUNT_ONLY, index, gloss)


def test_a_statistic_said_as_such_answers(index, gloss):
    question = "what was the average number of referrals from schools each month?"
    assert admissible(question, AVERAGE_GIVEN, index, gloss)
    assert admissible(question.replace("average", "median"), MEDIAN_GIVEN, index, gloss)


def test_a_count_not_asking_a_statistic_is_unchanged(index, gloss):
    assert admissible("how many referrals from schools did the partnership receive?", COUNT_ONLY, index, gloss)
