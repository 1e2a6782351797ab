"""Near misses asking for a statistic no passage gives (eighth near-miss round): an average or a
median asked, where a passage gives only a count of the same things. Every question and passage is
written for these tests, about made-up places."""

from __future__ import annotations

import pytest
from fastcorpus import admissible

from assistant.answering import glossary, periods


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


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


# ---------------------------------------------------------------- a season of a year asked


@pytest.mark.parametrize(
    ("question", "season"),
    [
        ("is the first aid day on again in autumn 2034?", ("autumn", 2034)),
        ("any places left for the Spring term 2033 sessions", ("spring", 2033)),
        ("what happened in the summer?", None),  # no year: any summer
        ("is it in spring 2033 or summer 2034?", None),  # two seasons: neither is the one asked
    ],
)
def test_a_season_of_a_year_is_read_from_the_question(question, season):
    assert periods.season_asked(question) == season


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The next day runs on Tuesday 12 October 2034 in the library.", True),
        ("Dates for the autumn term 2034 follow in June.", True),
        ("The day runs on 3 March 2034; further dates are not yet set.", False),
        ("The October day was in 2033.", False),  # another year's October
    ],
)
def test_a_season_is_held_by_a_date_in_it(text, held):
    assert periods.season_held(("autumn", 2034), text) is held


def test_a_course_dated_in_another_season_does_not_answer(index, gloss):
    question = "will the partnership publish a seven minute briefing on escalation in autumn 2033?"
    spring = "The partnership will publish a seven minute briefing on escalation by March 2033."
    autumn = "The partnership will publish a seven minute briefing on escalation by October 2033."
    assert not admissible(question, spring, index, gloss)
    assert admissible(question, autumn, index, gloss)


# ---------------------------------------------------------------- a topic asked, held nowhere


NEGLECT = "A chronology of small concerns shows a pattern that no single incident shows on its own."
LANTERN = "Lantern Trust guidance on neglect: Chronologies"


def test_what_a_document_says_about_a_topic_needs_the_topic_held(index, gloss):
    # the document is named, but nothing of the passage is the topic asked about
    question = "what does the Lantern Trust guidance say about alcohol?"
    assert not admissible(question, NEGLECT, index, gloss, LANTERN)
    assert admissible(question.replace("alcohol", "chronologies"), NEGLECT, index, gloss, LANTERN)


def test_one_part_of_a_topic_of_several_held_will_do(index, gloss):
    question = "what does the Lantern Trust guidance say about alcohol and chronologies?"
    assert admissible(question, NEGLECT, index, gloss, LANTERN)
