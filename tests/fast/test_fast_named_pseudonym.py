"""A review's pseudonym may be a made-up name rather than a letter ("Child Wren"): such a
case is a pseudonym like "Child T", so a passage that only says its review is still to
come gives no account of it. Every question and passage is written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes, aspects


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("what became of Child Wrenlow after the move?", ["Child Wrenlow"]),
        ("Young Person Talvane was seen twice at the clinic.", ["Young Person Talvane"]),
        ("Baby K and Child Ossery were siblings.", ["Baby K", "Child Ossery"]),
        # services and titles named by everyday words are no pseudonyms
        ("Is she on a Child Protection Plan?", []),
        ("the Child Safeguarding Practice Review Panel", []),
        ("ask the Family Hubs team", []),
        ("Child Exploitation Team referrals", []),
    ],
)
def test_a_made_up_name_after_child_is_a_pseudonym(text, found):
    assert answertypes.pseudonyms(text) == found


def test_a_named_case_only_said_to_be_under_review_gives_no_account():
    q = "what happened to Child Wrenlow and how old was he?"
    assert aspects.asked_of(q) == ("account", "Child Wrenlow")
    later = "A further review, of Child Wrenlow, has begun and will be published next year."
    assert not aspects.accounted("Child Wrenlow", later, "")
    told = "Child Wrenlow was twelve when he stopped going to school."
    assert aspects.accounted("Child Wrenlow", told, "")


def test_a_review_called_a_learning_review_has_not_found_anything_by_its_name():
    # "learning" names the kind of review; it is no finding of it
    policy = (
        "These steps are for children over ten. They were changed after the local learning review of "
        "Child Wrenlow.\n\n## What to do\n\n1. Ask who came with the child."
    )
    assert not aspects.accounted("Child Wrenlow", policy, "")
    assert aspects.accounted("Child Wrenlow", "The learning review of Child Wrenlow found that no one asked him.", "")
    assert aspects.accounted("Child T", "The review of Child T: lessons were drawn for every agency.", "")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what were the board's referral numbers for 2019?", "count"),
        ("What are the latest exclusion figures?", "count"),
        ("what were the statistics for 2022-23", "count"),
        # numbers to ring are no figures counted (a phone number asked for, since the tenth round)
        ("what are the phone numbers for the duty team?", "phone"),
        ("what are the contact numbers for out of hours?", ""),
    ],
)
def test_figures_asked_for_by_their_noun_are_a_count(question, kind):
    assert answertypes.kind(question) == kind


def test_a_review_known_by_its_year_needs_its_findings():
    from assistant.index.lexical import token_set

    q = "what did the board's 2019 audit of home visits conclude?"
    aspect, thing = aspects.asked_of(q)
    assert aspect == "findings" and "2019" in thing
    pointer = "Actions: the board should fund two more visitors. Its 2019 audit of home visits is a separate paper."
    assert not aspects.states_of(aspect, thing, pointer, "", set(token_set(pointer)), set())
    told = "The 2019 audit of home visits concluded that half the visits were missed."
    assert aspects.states_of(aspect, thing, told, "", set(token_set(told)), set())
    assert aspects.asked_of("what did the audit of home visits conclude?")[0] == ""  # no name, no year
