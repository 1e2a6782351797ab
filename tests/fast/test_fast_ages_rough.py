"""A child's age in a question is held by a bound that takes it in ("my 9 year old": "children
under 10"), and a rough figure ("about 300") by the exact figure near it (meaning.equivalents).
Questions and passages are written for these tests about a fictional borough."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import evidence, meaning

pytestmark = pytest.mark.fast


def lacking(question: str, passage: str) -> list[str]:
    terms = SimpleNamespace(numbers=meaning.numbers_in(question), equivalents=meaning.equivalents(question))
    return evidence.figures_lacking(terms, evidence.figures_in(passage))


def test_bounds_read_from_a_passage():
    text = meaning.spelled_in_digits("Young people under 16 (under 21 for care leavers), or aged 18 and over, up to 25")
    assert {"<16", "<21", ">=18", "<=25"} <= meaning.age_bounds(text)


def test_an_age_inside_a_bound_is_held_and_one_outside_is_not():
    passage = "Carers of children under 10 must arrange a sitter."
    assert lacking("can my 9 year old stay in alone", passage) == []
    assert lacking("can my 14-year-old stay in alone", passage) == ["14"]
    assert lacking("is a 19 yr old covered", "It applies to anyone aged 18 or over.") == []


def test_a_bare_number_is_not_an_age():
    assert lacking("how many of the 9 visits were late", "Carers of children under 10 must arrange a sitter.") == ["9"]


def test_a_rough_figure_is_held_by_the_exact_figure_near_it():
    passage = "The borough received 286 notifications in the year."
    assert lacking("it was about 300 notifications, what was the exact number", passage) == []
    assert lacking("it was about 400 notifications, what was the exact number", passage) == ["400"]
    assert lacking("were there 300 notifications", passage) == ["300"]  # not said to be rough


def test_a_year_or_an_unround_figure_is_never_rough():
    assert lacking("what happened around 2020", "In 2019 the borough changed its forms.") == ["2020"]
    assert lacking("about 297 notifications?", "The borough received 286 notifications.") == ["297"]


def test_a_bound_in_months_or_days_is_not_an_age_bound():
    assert not meaning.age_bounds("Babies under 12 months are seen weekly; visits over 10 days late are flagged.")
    assert lacking("can my 11 year old stay in alone", "Babies under 12 months are seen weekly.") == ["11"]


def test_one_of_two_figures_offered_as_alternatives_is_enough():
    passage = "A referral about twins counts as 2 referrals."
    assert lacking("twins: is that 1 referral or 2", passage) == []
    assert lacking("twins: is that 1 referral and 2 visits", passage) == ["1"]  # not offered as a choice
    # the figure's noun said again after "or" (round 14)
    which = "Level 3 is under which law? Section 17 or section 47?"
    assert lacking(which, "Level 3 is section 17 work.") == []
    assert lacking(which, "Level 3 is social care work.") == ["17", "47"]
