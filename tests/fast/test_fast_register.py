"""Everyday words for people the glossary pairs with the documents' words ("grown-ups": adults),
as it does "gran" with "grandmother". Written for these tests."""

from __future__ import annotations

from assistant.answering import glossary
from assistant.index.lexical import token_set, tokenize


def test_grown_ups_are_adults():
    gloss = glossary.load()
    found = gloss.matches(tokenize("who are the grown-ups in the flat"))
    assert found and gloss.covered_by(found[0].group, token_set("Every adult in the flat is named."))
