"""A part of a whole asked for: "what share (percentage, proportion) of X" asks for a part of
X, so the frame word is no word of X, and a verb of coming or having in the count's clause ("comes")
says how X is had, not which X. Questions written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import evidence, figures, glossary


@pytest.mark.parametrize("frame", ["share", "percentage", "proportion"])
def test_the_part_asked_for_is_no_word_of_the_question(index, frame):
    terms = evidence.question_terms(f"what {frame} of the Ashby budget is paid by schools", index, glossary.load())
    said = set(terms.words.values())
    assert frame not in said
    assert {"budget", "schools"} <= said


def test_a_verb_of_coming_does_not_say_which_things_are_counted():
    which = figures.which_counted("what share of the Ashby grant comes from the health board")
    assert which is not None
    assert "comes" not in which
    assert {"grant", "health", "board"} <= which


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("how many families get help from the hub", "help"),  # a noun as often as a verb
        ("how many children were excluded from school", "excluded"),  # says which children
        ("how many babies were seen by a health visitor", "seen"),
    ],
)
def test_other_words_of_the_clause_still_say_which(question, word):
    which = figures.which_counted(question)
    assert which is not None and word in which
