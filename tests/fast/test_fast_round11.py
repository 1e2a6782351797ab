"""Eleventh round: rules read from the development sets' rows, each tested on questions written
here, about made-up people and places."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The scene told first is not what is asked: "mobile number" names no number to ring here.
        ("my son's tutor asked for his mobile number so she can text him. is she allowed to do that?", ""),
        ("my lad said something odd at practice tonight. nothing urgent. who should i tell?", "who"),
        ("The girl we host came alone, 14 years. When she will see the doctor?", "when"),
        # Asked in the sentence itself: still read.
        ("what is the mobile number for the welfare officer?", "phone"),
        ("I need to ring them. What number do I call?", "phone"),
    ],
)
def test_the_kind_is_read_from_the_asked_sentence(question, expected):
    assert answertypes.kind(question) == expected


def _marks(tokens, *targets):
    return [t in targets for t in tokens]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        # How often, not a count of the noun after it.
        ("last spring the childminder rang the front door twice about marks on his legs", ("rang",)),
        ("the school nurse visited the family five times", ("visited",)),
        # An amount written with its unit.
        ("for each pound given, 91p went straight to the families", ("pound",)),
    ],
)
def test_a_figure_of_how_often_or_an_amount_is_found(sentence, targets):
    tokens = sentence.replace(",", "").split()
    assert answertypes.figure_near(tokens, _marks(tokens, *targets))


def test_a_figure_that_counts_a_thing_of_its_own_is_still_not_it():
    tokens = "the childminder made 3 referrals about 4 children".split()
    assert answertypes.counts_another(tokens, 3, _marks(tokens, "childminder", "made"))


def test_a_follow_up_counts_what_either_question_asks_its_own_first():
    from assistant.index.lexical import stopwords

    merged = "How many times the childminder rang about the marks? and the school nurse, how many visits she made?"
    assert answertypes.count_target(merged, stopwords())[0] == "visits"
    assert "childminder" in answertypes.count_target(merged, stopwords())
    assert answertypes.count_target("how many referrals were made?", stopwords())[0] == "referrals"
