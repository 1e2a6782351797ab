"""Which passages may answer at all (evidence._candidate's admissibility: names, figures and the
kind of answer) and when quotes hold too little to answer: right answers written in other words
must pass, near misses must still be refused. Every question and passage is written for these
tests, about a fictional partnership."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import answertypes, evidence, glossary, meaning


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def admissible(question: str, passage: str, index, gloss, heading: str = "") -> bool:
    """Whether ``passage`` (under ``heading``) may answer ``question``, judged by stems alone."""
    terms = evidence.question_terms(question, index, gloss)
    hit = SimpleNamespace(similarity=0.5, bm25=1.0)
    return evidence._candidate(terms, hit, passage, heading, gloss, None, None, 0.0).admissible


# ---------------------------------------------------------------- days and months


@pytest.mark.parametrize("word", ["Saturday", "Sundays", "Tuesday's", "March", "October"])
def test_a_day_or_a_month_is_a_time_not_a_name(word):
    assert answertypes.calendar_word(word)
    question = f"Who answers the phone on {word} in Kestrel Bay?"
    assert answertypes.proper_nouns(question, frozenset()) == ["kestrel", "bay"]


def test_a_passage_need_not_name_the_day_a_question_names(index, gloss):
    question = "Who runs the drop-in for parents on a Sunday?"
    terms = evidence.question_terms(question, index, gloss)
    assert not terms.propers and "sunday" not in terms.capitals
    assert admissible(question, "The family hub staff run the parents' drop-in at weekends.", index, gloss)


def test_a_place_a_question_names_is_still_required(index, gloss):
    question = "Who runs the drop-in for parents in Kestrel Bay on a Sunday?"
    assert not admissible(question, "The family hub staff run the parents' drop-in at weekends.", index, gloss)


# ---------------------------------------------------------------- figures written another way


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The course names three kinds of harm.", "3"),
        ("Practitioners saw the boy fourteen times.", "14"),
        ("the reviewer spoke with thirty-one staff", "31"),
        ("Two in five parents said so.", "5"),
    ],
)
def test_a_number_in_words_is_a_figure_the_passage_holds(text, figure):
    assert figure in meaning.figures_of(text)


def test_a_figure_a_question_names_is_held_in_words(index, gloss):
    question = "What are the 3 stages of the escalation policy?"
    assert admissible(question, "The escalation policy has three stages: talk, write, refer.", index, gloss)
    assert not admissible(question, "The escalation policy has stages: talk, write, refer.", index, gloss)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("12 months", "one year"),
        ("12 months", "a year"),
        ("24 months", "two years"),
        ("6 months", "half a year"),
        ("18 months", "a year and a half"),
        ("2 weeks", "a fortnight"),
        ("14 days", "two weeks"),
        ("48 hours", "2 days"),
    ],
)
def test_a_length_of_time_is_the_same_in_any_unit(one, other):
    assert set(meaning.durations(one).values()) == set(meaning.durations(other).values())


def test_a_length_the_question_gives_is_held_in_another_unit(index, gloss):
    question = "Must the minutes be kept for 24 months?"
    assert admissible(question, "Minutes of the meeting are kept for two years.", index, gloss)
    assert not admissible(question, "Minutes of the meeting are kept for one year.", index, gloss)
    assert not admissible(question, "Minutes of the meeting are kept until the review ends.", index, gloss)


def test_a_year_the_question_names_is_still_required(index, gloss):
    question = "How many referrals did the hub take in 2031?"
    assert not admissible(question, "The hub took 912 referrals in 2030, a year of change.", index, gloss)


# ---------------------------------------------------------------- the emergency number


def test_calling_999_is_how_help_came_not_a_figure(index, gloss):
    question = "Who phoned 999 when the toddler fell down the stairs?"
    assert "999" not in evidence.question_terms(question, index, gloss).numbers
    assert admissible(question, "A neighbour called an ambulance after the toddler fell down the stairs.", index, gloss)


def test_999_as_a_figure_is_still_required(index, gloss):
    question = "Were 999 children on plans in Kestrel Bay?"
    assert "999" in evidence.question_terms(question, index, gloss).numbers
