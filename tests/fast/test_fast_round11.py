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
