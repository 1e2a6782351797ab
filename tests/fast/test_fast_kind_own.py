"""What a question asks for is read from the question itself: a follow-up read with the one
before it asks for its own kind of answer, and "where did they find her" asks for a place, not
for where a text is kept. Questions are written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("merged", "kind"),
    [
        ("When did the Wren inquiry report? which teams gave evidence to it?", ""),
        ("Who chaired the panel? how many meetings did it hold?", "count"),
        ("How many families were seen? when was that?", "when"),
    ],
)
def test_a_follow_up_with_its_own_asking_word_asks_its_own_kind(merged, kind):
    assert answertypes.kind(merged) == kind


def test_a_question_without_a_second_asking_word_keeps_its_kind():
    assert answertypes.kind("When did the Wren inquiry report? and the one before?") == "when"


@pytest.mark.parametrize(
    "question",
    [
        "where did the officers find the girl from the Wren inquiry?",
        "Where was the toddler in the briefing found by the neighbour?",
    ],
)
def test_a_text_after_a_preposition_only_says_which_one_was_found(question):
    assert answertypes.kind(question) != "source"


@pytest.mark.parametrize(
    "question",
    ["where can I find a copy of the inquiry report?", "where can staff find the lone working policy?"],
)
def test_finding_a_text_still_asks_where_it_is_kept(question):
    assert answertypes.kind(question) == "source"
