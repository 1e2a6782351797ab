"""A question asking for a figure is answered by a figure said of what it asks about
(figures.py, answertypes.asks_amount): in the sentence that names it, of the right sort, and for
"what percentage of X were Y" said of Y too. Every question and passage is written for these
tests, about a fictional hub."""

from __future__ import annotations

import pytest
from fastcorpus import admissible

from assistant.answering import answertypes, evidence, figures, glossary


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def test_a_sentence_ends_at_a_full_stop_not_inside_a_figure():
    text = "Calls rose to 2,417. The rise was 12.5 per cent.\nTable row | 7 | 9"
    assert figures.sentences(text) == ["Calls rose to 2,417.", "The rise was 12.5 per cent.", "Table row | 7 | 9"]


def test_a_line_wrapped_mid_sentence_is_one_sentence_and_a_paragraph_is_not():
    assert figures.sentences("The hub took 912\nreferrals in the year.") == ["The hub took 912\nreferrals in the year."]
    assert figures.sentences("Staffing\n\n41 posts were filled") == ["Staffing", "41 posts were filled"]


def test_a_figure_in_the_sentence_before_counts_nothing_of_the_next(index, gloss):
    question = "how many childminders does the hub register"
    passage = "If a child is lost, phone the police on 101. Always tell the childminding team too."
    assert not admissible(question, passage, index, gloss)
    assert admissible(question, "The hub registers 214 childminders across the district.", index, gloss)


def test_a_figure_further_along_its_own_sentence_is_said_of_it(index, gloss):
    question = "how much did calls to the advice line go up by"
    assert admissible(question, "Calls to the advice line for parents rose by 12.5 per cent.", index, gloss)


def test_a_part_of_a_whole_must_be_said_of_what_the_question_asks_of_it(index, gloss):
    question = "What percentage of runaway teenagers were being groomed online?"
    other = "Runaway episodes doubled. Two in five episodes involved teenagers placed out of the district."
    assert not admissible(question, other, index, gloss)
    assert admissible(question, "One in five runaway teenagers had been groomed online.", index, gloss)


@pytest.mark.parametrize(
    "question",
    [
        "What was the hub's budget for 2031 to 2032?",
        "what was the hub budget last year",
        "What is the cost of the parenting course?",
        "what's the budget?",
    ],
)
def test_a_question_whose_subject_is_money_asks_for_an_amount(question):
    assert answertypes.kind(question) == "money"


@pytest.mark.parametrize(
    "question",
    ["What is the extra money in the hub budget paying for?", "What is the funding formula?"],
)
def test_money_that_only_qualifies_the_subject_asks_for_no_amount(question):
    assert answertypes.kind(question) != "money"


def test_a_budget_is_answered_by_an_amount_for_the_year_asked(index, gloss):
    question = "What was the hub's budget for 2031 to 2032?"
    assert admissible(question, "The hub's budget for 2031/32 was £2.4 million.", index, gloss)
    assert not admissible(question, "The minutes of 4 May 2031 and 2032 plans were agreed.", index, gloss)
    assert not admissible(question, "The hub's budget for 2029/30 was £2.1 million.", index, gloss)


def test_an_ordinal_ranks_what_follows_a_fraction_is_a_part():
    tokens = "after the third unexplained bruise in a month".split()
    assert answertypes.ordinal(tokens, 2) and not answertypes.is_proportion(tokens, 2)
    for part in ("a third of the carers", "a third were new", "a fifth in the spring"):
        assert answertypes.is_proportion(part.split(), 1), part


def test_how_many_after_a_ranked_figure(index, gloss):
    question = "after how many unexplained bruises should a paediatrician see the baby"
    assert admissible(
        question, "After a second or third unexplained bruise, a paediatrician sees the baby.", index, gloss
    )


def test_how_many_followed_by_a_verb_counts_what_comes_after_it(index, gloss):
    stop = evidence.stopwords() | evidence.QUESTION_WORDS
    question = "of the twelve audits how many went on to an action plan"
    assert answertypes.count_target(question, stop) == ["action", "plan"]
    assert answertypes.count_target("how many died in 2031", stop) == ["died"]
    assert admissible(question, "Twelve audits were held. Five led to an action plan.", index, gloss)


def test_a_length_in_days_is_also_said_in_months():
    from assistant.answering import meaning

    assert "3 months" in meaning.figures_of("within 90 days of the referral")
    assert "12 months" in meaning.figures_of("for 52 weeks")
    assert "3 months" in meaning.equivalents("in ninety days")["90"]
    assert not {"1 months"} & meaning.figures_of("within 28 days or 4 weeks")
