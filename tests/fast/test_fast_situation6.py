"""The asker's situation told beside the question (sixth round, after the fifth unseen set was
measured), without the model: a dash parts it as a comma does, a child's age and an estimate are no
figures a passage must hold, an age is held against the ranges a passage states, a vague head noun
("the welfare person") leaves the post to its modifier, and a child telling of coercion now is
signposted. Questions and passages are written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import leadin, meaning, people, signpost
from assistant.index.lexical import token_set

pytestmark = pytest.mark.fast


def _enough(clause: str) -> bool:
    return len(clause.split()) >= 4


@pytest.mark.parametrize("dash", [" - ", " – ", " — "])
def test_a_dash_parts_the_situation_from_the_question_as_a_comma_does(dash):
    text = f"a lad is asleep in the bus shelter{dash}what does the protocol say about a place of safety?"
    assert leadin.asking_part(text, _enough) == "what does the protocol say about a place of safety?"
    # a hyphen inside a word ("part-time") parts nothing
    assert leadin.asking_part("is the part-time lead on duty?", _enough) == "is the part-time lead on duty?"


@pytest.mark.parametrize(
    ("question", "incidental"),
    [
        ("a 15 yr old turned up at the desk, who do we call?", {"15"}),
        ("what do I do with a 16yo who won't give a name?", {"16"}),
        ("is the infant pathway right for a 9 month old?", {"9"}),
        ("the boy, aged 12, says he is fine", {"12"}),
        ("I make it roughly 1,400 contacts, is that right?", {"1400"}),
        ("around 60 referrals from dentists, was it?", {"60"}),
    ],
)
def test_a_childs_age_and_an_estimate_are_no_figures_to_hold(question, incidental):
    assert meaning.incidental_numbers(question) == incidental


def test_a_year_or_a_plain_figure_is_still_held():
    assert meaning.incidental_numbers("what does the plan say about 2023?") == set()
    assert meaning.incidental_numbers("how many of the 40 reviews were late?") == set()


def test_an_age_is_held_against_the_ranges_a_passage_states():
    assert meaning.ages_asked("my 8 year old and a 6 month old") == {8.0, 0.5}
    assert meaning.ages_outside({8.0}, "This booklet is for pupils aged 12 to 16.")
    assert not meaning.ages_outside({13.0}, "This booklet is for pupils aged 12 to 16.")
    assert not meaning.ages_outside({0.5}, "Health visitors see under 5s at home.")
    assert meaning.ages_outside({17.0}, "A clinic for 11-15 year olds.")
    assert not meaning.ages_outside({9.0}, "The clinic is open on Tuesdays.")  # no range: nothing to hold against


def test_a_vague_head_noun_leaves_the_post_to_its_modifier():
    q = "who's the welfare person at the rowing club?"
    assert people.asked(q, "who", set(token_set(q))).role == ["welfar"]
    q = "who is the named nurse for the ward?"
    assert people.asked(q, "who", set(token_set(q))).role == ["name", "nurs"]


@pytest.mark.parametrize(
    "question",
    [
        "they make me carry bags for them and i cant go home",
        "he makes me keep his phone at mine",
        "i'm scared to go home tonight",
    ],
)
def test_a_child_telling_of_coercion_or_fear_now_is_signposted(question):
    assert signpost.is_urgent(question, worry_by_meaning=False)


def test_coercion_told_of_another_child_in_general_is_not():
    assert not signpost.is_urgent(
        "what should a school do if a pupil says they cannot go home?", worry_by_meaning=False
    )
