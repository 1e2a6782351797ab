"""'Where can I read X?' asks where a text is kept (answertypes.asks_source): a passage saying
where (a website, an address, "available from") answers it; one only about X does not.
Questions and passages are written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes


@pytest.mark.parametrize(
    "question",
    [
        "where can i read the full serious case review",
        "Where do parents download the leaflet?",
        "Where can we find the escalation policy?",
        "where is the annual report published",
    ],
)
def test_where_to_read_a_text_asks_for_a_place_it_is_kept(question):
    assert answertypes.kind(question) == "source"
    assert answertypes.widened(question)


@pytest.mark.parametrize(
    "question",
    [
        "Where can I find help with my son's behaviour?",  # a service, not a text
        "did he say where he got the phone?",
        "Where is the training held?",
        "Who wrote the review?",
    ],
)
def test_other_where_questions_are_not_about_a_text(question):
    assert answertypes.kind(question) != "source"
    assert not answertypes.widened(question)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("The whole report can be read on the council website.", True),
        ("Copies are available from the safeguarding office.", True),
        ("See www.example.org.uk/reviews for the full text.", True),
        ("The review of Baby Q was published in May and made six recommendations.", False),
    ],
)
def test_a_place_a_text_is_kept(text, holds):
    tokens = text.lower().split()
    assert answertypes.satisfied("source", text, tokens) is holds
