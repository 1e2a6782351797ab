"""Missing words held by meaning in context (inquotes.py) with the shipped encoder: sentences
written for these tests about a fictional partnership."""

from __future__ import annotations

import pytest

from assistant.answering import inquotes


@pytest.fixture(scope="module")
def backend():
    from assistant.encoding.embeddings import shared_embedder

    return shared_embedder().model


@pytest.mark.parametrize(
    ("question", "word", "quote"),
    [
        (
            "Why should health visitors talk to dads?",
            "dads",
            "Health visitors should ask about the father and any male carer in the household.",
        ),
        (
            "What are the signs of neglect in a toddler?",
            "toddler",
            "A young child who is often hungry may be neglected.",
        ),
    ],
)
def test_a_word_the_quote_holds_by_meaning_is_held(backend, question, word, quote):
    assert inquotes.held(backend, question, [word], [quote]) == {word}


@pytest.mark.parametrize(
    ("question", "word", "quote"),
    [
        ("What is the partnership's budget for training?", "budget", "Training runs every spring in the town hall."),
        ("Who is the named doctor in Wexby?", "doctor", "The named nurse leads safeguarding supervision in Wexby."),
        ("What did the boy's mum tell the social worker?", "mum", "His father told the social worker he was worried."),
    ],
)
def test_a_word_the_quote_lacks_is_not_held(backend, question, word, quote):
    assert inquotes.held(backend, question, [word], [quote]) == set()
