"""Abbreviations the glossary lacks, read as the phrase whose initials spell them (initials.py).
The documents and questions are written for these tests, about a fictional council."""

from __future__ import annotations

import pytest
from fastcorpus import text_index as fake_index

from assistant.answering import evidence, glossary, initials
from assistant.index.lexical import token_set, tokenize

DOCS = [
    "Out of office hours, phone the night response unit on 01632 000 111.",
    "After a child comes back, offer a return visit plan within three days. "
    "Return visit plans are drawn up by a worker the child trusts.",
    "Staff meet each day. Then the team plans visits.",
]


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def test_an_abbreviation_in_capitals_is_the_run_of_words_it_spells(gloss):
    index = fake_index(DOCS)
    wide, spelled = initials.widened("greyford NRU phone number", index, gloss)
    assert spelled == ["night response unit"]
    group = wide.groups[-1]
    assert ("nru",) in group and tuple(tokenize("night response unit")) in group


def test_an_abbreviation_typed_in_lower_case_is_read_too(gloss):
    index = fake_index(DOCS)
    wide, spelled = initials.widened("rvp how soon", index, gloss)
    assert spelled[0].startswith("return visit plan")
    assert initials.encoded_text("rvp how soon", spelled).endswith(f"({spelled[0]})")


def test_a_glossary_phrase_spelling_it_brings_its_group(gloss, index):
    wide, spelled = initials.widened("do schools hear about DV call-outs", index, gloss)
    assert spelled and "dv" not in token_set(" ".join(d.text for d in index.documents.values()))
    terms = evidence.question_terms("do schools hear about DV call-outs", index, wide)
    held = evidence.covered(terms, token_set("a domestic abuse incident"), wide)
    assert "dv" in held


@pytest.mark.parametrize(
    "question",
    [
        "where is the map",  # an English word is itself
        "what does sdt mean",  # no run of content words spells it
        "who are the tp staff",  # two letters: only a glossary phrase may spell them
        "when do smtv meet",  # "meet each day. Then the team...": a stop word or a sentence's end breaks a run
    ],
)
def test_words_that_are_not_abbreviations_of_the_documents_leave_the_glossary_alone(gloss, question):
    index = fake_index(DOCS)
    wide, spelled = initials.widened(question, index, gloss)
    assert wide is gloss and spelled == []


def test_a_word_the_index_holds_is_not_read_as_initials(gloss):
    index = fake_index(DOCS + ["The NRU answers within the hour."])
    wide, spelled = initials.widened("greyford NRU phone number", index, gloss)
    assert wide is gloss and spelled == []


@pytest.mark.parametrize(
    "question",
    [
        "what did Nru say",  # Title case: a name
        "is the unit open beside the station",  # a lower-case word common in English is itself
    ],
)
def test_names_and_common_words_are_not_read_as_initials(gloss, question):
    assert initials.candidates(question, fake_index(DOCS)) == []
