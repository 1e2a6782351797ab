"""Eleventh round, through the fast assistant: quotes that lack three words the reader asked are
not an answer. The corpus is tests/fast/fastcorpus.py's, written for these tests."""

from __future__ import annotations

from assistant.answering.answers import MISSING_REFUSES


def test_quotes_lacking_three_asked_words_are_not_an_answer(assistant):
    near = assistant.ask("Where are the knife amnesty bins for the Riverside training day delegates?")
    assert not near.answered
    assert len(near.missing) >= MISSING_REFUSES
    right = assistant.ask("What did delegates at the Riverside training day ask for?")
    assert right.answered
