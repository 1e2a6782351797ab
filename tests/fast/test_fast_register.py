"""Everyday words for people the glossary pairs with the documents' words ("grown-ups": adults),
as it does "gran" with "grandmother". Written for these tests."""

from __future__ import annotations

from assistant.answering import glossary
from assistant.index.lexical import token_set, tokenize


def test_grown_ups_are_adults():
    gloss = glossary.load()
    found = gloss.matches(tokenize("who are the grown-ups in the flat"))
    assert found and gloss.covered_by(found[0].group, token_set("Every adult in the flat is named."))


def test_a_lad_is_a_boy_and_a_lass_a_girl():
    gloss = glossary.load()
    found = gloss.matches(tokenize("has the little lad been seen"))
    assert found and gloss.covered_by(found[0].group, token_set("The boy was seen at home."))
    found = gloss.matches(tokenize("the lass from next door"))
    assert found and gloss.covered_by(found[0].group, token_set("A girl of nine lives there."))
