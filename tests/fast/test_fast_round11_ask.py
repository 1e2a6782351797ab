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


def test_the_month_of_a_claim_checked_is_the_askers(assistant):
    claim = "Someone told me the Riverside partnership finished nine rapid reviews in March 2032. Is that right?"
    assert assistant.candidates(claim, None).terms.period is None
    asked = assistant.candidates("How many rapid reviews did Riverside finish in March 2032?", None)
    assert asked.terms.period == (3, 2032)
