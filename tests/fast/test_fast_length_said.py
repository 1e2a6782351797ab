"""A length of time said in words ("for thirteen days", "seventeen weeks") is a length like
"15 days"; and "how long was she away?" marks the sentence giving the span of that act, not
one with a date or another act's span. Every question and passage here is written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import figures, glossary, marking

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    "text",
    [
        "The girl was absent from home for thirteen days.",
        "The placement lasted seventeen weeks.",
        "He stayed away for twenty-one days in all.",
    ],
)
def test_a_length_in_words_is_a_length(text):
    assert figures.timed_together(set(), ["absent", "lasted", "stayed"], text, {}, frozenset())


def test_a_count_in_words_is_no_length():
    assert not figures.timed_together(set(), ["absent"], "She was absent thirteen times.", {}, frozenset())


def test_how_long_marks_the_span_of_the_act_asked():
    terms = terms_for({"long": "long", "absent": "absent"}, kind="when", act=["absent"])
    sentences = [
        marking.Sentence(0, 60, "In June 2023 she was absent again, the school said.", 0.6),
        marking.Sentence(61, 110, "A meeting was called two weeks after her return.", 0.55),
        marking.Sentence(111, 150, "She was absent for thirteen days.", 0.5),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert max(range(3), key=values.__getitem__) == 2
