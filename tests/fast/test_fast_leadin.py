"""The asker's own verbs (leadin.asker_words): a first-person lead-in before the clause that asks
says how the asker came to ask, and its verbs of finding out are not words of the question.
And two glossary groups: a police force named a constabulary, a return home interview (RHI).
Questions written for these tests, about a fictional partnership."""

from __future__ import annotations

import pytest

from assistant.answering import evidence, glossary, leadin
from assistant.index.lexical import token_set


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        (
            "People keep saying the Ashby ombudsman is retiring, so I wanted to check, when did she start?",
            {"wanted", "check"},
        ),
        ("I keep hearing the helpline is closing, so how long will it stay open?", {"keep", "hearing"}),
        ("We were told the audit was late, so when was it published?", {"told"}),
        ("I've been asked to join the panel, so who chairs it?", {"asked"}),
    ],
)
def test_the_askers_verbs_in_a_lead_in_frame_the_question(question, framing):
    assert leadin.asker_words(question) == framing


@pytest.mark.parametrize(
    "question",
    [
        "Who should I tell if a pupil discloses abuse?",  # the asker is the subject of the question
        "What should I ask the family about who lives at home?",
        "I can hear shouting next door and I just heard a crash",  # what was heard is the matter
        "I foster two boys, so who pays for their school trips?",  # a verb of the topic, not the asking
        "When were the new checks brought in?",  # no lead-in: "checks" is the topic
    ],
)
def test_verbs_outside_an_askers_lead_in_stay(question):
    assert not leadin.asker_words(question)


def test_the_lead_in_keeps_what_was_heard(index):
    question = "I keep hearing the Ashby ombudsman is about to leave, so I wanted to check, when was she appointed?"
    terms = evidence.question_terms(question, index, glossary.load())
    said = set(terms.words.values())
    assert {"ombudsman", "leave", "appointed"} <= said
    assert not said & {"keep", "hearing", "wanted", "check"}


def test_a_constabulary_is_the_police(index):
    """A police force is named a constabulary: a passage on what "the constabulary" paid holds
    the police of the question (through the glossary, not by meaning: the documents say
    "police" too, so matching by meaning would not prefer the rarer word)."""
    gloss = glossary.load()
    terms = evidence.question_terms("How much do the police put into the Ashby partnership?", index, gloss)
    held = evidence.covered(terms, token_set("Ashby Constabulary put in a fifth of the budget."), gloss)
    assert "polic" in held
    assert "polic" not in evidence.covered(terms, token_set("The council put in a fifth."), gloss)


def test_an_rhi_is_a_return_home_interview(index):
    gloss = glossary.load()
    terms = evidence.question_terms("rhi deadline ashby", index, gloss)
    held = evidence.covered(terms, token_set("Offer every child a return home interview within three days."), gloss)
    assert "rhi" in held
