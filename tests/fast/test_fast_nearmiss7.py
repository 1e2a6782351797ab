"""Near misses asked of someone the passage is not about (seventh near-miss round): a baby of a
pathway for teenagers, a group no document names, a document named by whose it is, a task to be
talked through, a thing no document names, and an agency held only by its own title word. Every question and passage is
written for these tests, about made-up places."""

from __future__ import annotations

import pytest
from fastcorpus import admissible

from assistant.answering import aspects, glossary, meaning, people, subjects
from assistant.index.lexical import token_set


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


# ---------------------------------------------------------------- a stage of life is an age


@pytest.mark.parametrize(
    ("question", "ages"),
    [
        ("what about a graze on an infant?", {0.5}),
        ("my toddler keeps falling", {1.0, 2.0, 3.0}),
        ("is there anything for teens", set(map(float, range(13, 20)))),
        ("what happened to Baby Q?", set()),  # a pseudonym, not an age
        ("what did the review of baby q find", set()),
    ],
)
def test_a_stage_of_life_gives_the_ages_it_covers(question, ages):
    assert meaning.ages_asked(question) == ages


def test_a_title_saying_whom_a_pathway_is_for_rules_out_a_baby(index, gloss):
    heading = "Walk-in clinic pathway: young people aged 12 to 16"
    passage = "Babies and children under 12 follow the other pathway. Photograph any bruise and refer."
    assert not admissible("what does the pathway say about a graze on a baby?", passage, index, gloss, heading)
    assert admissible("what does the pathway say about a graze on a 14 year old?", passage, index, gloss, heading)
    # which pathway is theirs, it says
    assert admissible("is there a pathway for babies?", passage, index, gloss, heading)


# ---------------------------------------------------------------- a task talked through


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("talk me through appealing a decision", "appealing"),
        ("can you walk us through how to register a child", "register"),
        ("show me how to escalate a worry", "escalate"),
        ("talk me through the leaflet", ""),  # a thing, not a task
        ("walk me through making a complaint", ""),  # a light verb: the noun is the task
    ],
)
def test_talking_through_names_the_task(question, verb):
    assert aspects.task(question) == verb


# ---------------------------------------------------------------- an agency's title word


def test_a_title_word_the_question_puts_with_the_agency_is_not_the_agency():
    q = "what does the plan ask dental practices to do"
    stems = set(token_set(q))
    asked = people.asked(q, "", stems)
    asked.agencies = ["gp"]  # as "GP practices" is read
    text = "The plan follows the learning of the practice review of Child Y."
    got = {"practic", "plan"}
    assert not people.fits(asked, text, got, {}, set())
    # the agency's own people still hold it when the question does not say them
    assert people.fits(asked, "The family doctor should tell the school.", {"plan"}, {}, set())


# ---------------------------------------------------------------- whom a question asks of


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("do the harbour pilots log every boat?", ["harbour", "pilots"]),
        ("club helper here - do our hockey coaches need a check", ["hockey", "coaches"]),
        ("are grandparents allowed to collect?", ["grandparents"]),
        ("do the carers who visit need a badge?", []),  # "who" opens a clause, not a verb
        ("can we take photos?", []),  # a pronoun
        ("does it say anything about boats?", []),
    ],
)
def test_the_subject_of_an_inverted_question(question, subject):
    assert subjects.subject(question) == subject


def test_a_group_no_document_names_is_not_held_by_meaning(index, gloss):
    passage = "Supervisors check every referral before it is sent."
    assert not admissible("do the zeppelin stewards check every referral?", passage, index, gloss)
    assert admissible("do supervisors check every referral?", passage, index, gloss)


# ---------------------------------------------------------------- a document named by whose it is


@pytest.mark.parametrize(
    ("question", "owners"),
    [
        ("what does the nursery guidance say about biting?", ["nursery"]),
        ("does the school's policy cover trips", ["school"]),
        ("does the police report say who rang?", ["police"]),
        ("did the police report it to the council?", []),  # the police acting
        ("what did probation report to the board", []),
        ("what does the panel report say", []),  # a body whose report others quote
    ],
)
def test_whose_document_is_asked_of(question, owners):
    assert subjects.owners(question) == owners


def test_a_document_of_the_setting_is_asked_not_a_case_naming_one(index, gloss):
    question = "what does the nursery guidance say about biting?"
    case = "The boy went to a nursery, where staff saw bite marks twice."
    assert not admissible(question, case, index, gloss, heading="Review of Child W")
    own = "If a child bites, staff comfort both children and tell both families that day."
    assert admissible(question, own, index, gloss, heading="Little Acorns Nursery behaviour guidance")


# ---------------------------------------------------------------- a thing no document names


def test_compounds_are_read_from_lower_case_nouns():
    q = "which water rate band is a two bed flat in"
    stems = set(token_set(q))
    assert ("water", "rate") in subjects.compound_modifiers(q, stems)
    # a verb's participle after a noun is no compound: "the hub running on Sundays"
    assert subjects.compound_modifiers("why is the hub running late", {"hub", "run", "late"}) == []


def test_a_modifier_of_a_thing_no_document_names_is_not_what_is_asked(index, gloss):
    question = "which harbour berth fee applies to a twin gondola?"
    passage = "The harbour display team visits the partnership's open day each summer."
    assert not admissible(question, passage, index, gloss)
    # another word of the question held: the passage may answer
    other = "The harbour display team pays a berth fee for its gondola."
    assert admissible(question, other, index, gloss)
