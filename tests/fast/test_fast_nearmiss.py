"""Near misses that a passage close in wording still does not answer (answering/aspects.py):
the names asked are of other people, the year is only the issue date of the document, a
heading's "learning" is not the named review's. Every question and passage is written for these
tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import aspects, evidence
from assistant.index.lexical import token_set


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What are the names of the trainers on the Marlow Cross course?", "trainers"),
        ("what are the names of the two nurses", "nurses"),
        ("What are the names of the children in the review?", "children"),
    ],
)
def test_the_people_whose_names_are_asked(question, head):
    assert aspects.role(question) == head


def test_names_of_other_people_hold_too_little():
    t = terms_for({"name": "names", "trainer": "trainers", "cours": "course"}, role="trainers", names_asked=True)
    # "Read the notes on Ellis Brand, aged four, and his sister": a child is named, no trainer
    assert evidence.holds_too_little(t, ["trainers"])
    assert not evidence.holds_too_little(t, [])


@pytest.mark.parametrize(
    ("context", "year", "kept"),
    [
        ("Marlow Cross partnership news, spring 2023 › Figures", "2023", False),
        ("Practice note 4, November 2022 › What we found", "2022", False),
        ("Annual report 2022 › Notifications", "2022", True),
        ("Audit of plans, April 2021 to March 2022", "2022", True),
        ("Audit of plans, April 2021 to March 2022", "2021", True),
        ("Plans between June 2020 and May 2021", "2020", True),
    ],
)
def test_a_title_s_issue_date_is_not_the_period_a_count_is_for(context, year, kept):
    assert (year in evidence.figures_in(aspects.without_issue_dates(context))) is kept


def test_a_heading_states_a_review_s_findings_only_when_it_names_that_review():
    text = "The Child Q review, about a boy of nine, will be published in the summer."
    heading = "Marlow Cross partnership news › Learning from our reviews"
    own = "Child Q local review › What we learned"
    args = ("findings", "Child Q review", text)
    assert not aspects.states_of(*args, heading, token_set(text), token_set(heading))
    assert aspects.states_of(*args, own, token_set(text), token_set(own))
    found = "The Child Q review found that the school's concerns were never passed on."
    assert aspects.states_of("findings", "Child Q review", found, heading, token_set(found), token_set(heading))
    # a capitalised title rather than a pseudonym
    assert aspects.states_of("findings", "Quiet Harbour", "", "Quiet Harbour › Lessons", set(), token_set("lessons"))
    assert aspects.asked_of("What did the Child Q review find about the nursery?") == ("findings", "Child Q review")


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What was the methodology of the Marlow Cross audit?", "methodology"),
        ("What is the remit of the board?", "remit"),
        ("What is the deadline for a notification?", "deadline"),  # a kind of value: held by a date
        ("What does the audit say about bruising?", ""),
    ],
)
def test_the_thing_a_what_is_the_x_of_question_asks_for(question, head):
    assert aspects.role(question) == head


def test_quotes_that_never_speak_of_the_thing_asked_for_hold_too_little():
    t = terms_for({"methodolog": "methodology", "audit": "audit"}, role="methodology")
    assert evidence.holds_too_little(t, ["methodology"])  # "the audit will be published in June"
    assert not evidence.holds_too_little(t, [])


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Who chaired the board before Priya Nandra?", "Priya Nandra"),
        ("who took over after Dr Tate", "Dr Tate"),
        ("Who replaced Owen Tate as chair?", "Owen Tate"),
        ("Who should I tell before Monday?", ""),  # a time
        ("Who saw Child Q after Christmas?", ""),
        ("Who looked after Child Q?", ""),  # a child, not a holder of a role
    ],
)
def test_the_person_a_who_before_question_starts_from(question, name):
    assert aspects.predecessor_of(question) == name


def test_who_came_before_someone_needs_another_person_named():
    assert not aspects.names_another("Priya Nandra", "Priya Nandra chairs the safeguarding board.")
    assert aspects.names_another("Priya Nandra", "Owen Tate chaired the board until Priya Nandra took over.")
    assert aspects.names_another("", "The board meets monthly.")


def test_the_document_a_question_ends_by_naming_is_not_what_it_asks_about():
    for question in ("What is in the glossary of the briefing?", "What are the key dates in the annual report?"):
        tail = evidence.DOCUMENT_TAIL.search(question)
        assert tail and tail.group("doc") in ("briefing", "report")
    assert not evidence.DOCUMENT_TAIL.search("What does the briefing say about bruising in babies?")


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Can partners appeal against the board's decision?", "appeal"),
        ("can I close a case when the family moves away", "close"),
        ("Can you translate this into Welsh?", "translate"),
        ("Can someone from the school attend?", ""),  # not a pronoun or a word for people
    ],
)
def test_the_task_of_a_can_question(question, verb):
    assert aspects.task(question) == verb


def test_a_task_verb_is_reported_missing_though_it_is_only_a_verb():
    t = terms_for({"complain": "complain", "social": "social", "worker": "worker"}, task="complain")
    assert evidence.worth_reporting(t, "complain")  # "complain" is only a verb, yet it is what is asked
    assert not evidence.worth_reporting(terms_for(t.words), "complain")
    assert evidence.holds_too_little(t, ["complain"])  # quotes on reporting a concern to a social worker


def test_a_service_for_another_group_is_not_the_one_asked_about():
    stop = frozenset({"how", "do", "i", "an", "at", "to", "the", "a"})
    pairs = aspects.modified("How do I refer an adult at risk to adult social care?", stop)
    assert ("adult", "social") in pairs
    children = "Practitioners should refer to children's social care the same day."
    assert aspects.qualified_otherwise(pairs, children, set())
    assert not aspects.qualified_otherwise(pairs, "Refer to adult social care online.", {"adult"})
    assert not aspects.qualified_otherwise(pairs, "Social care takes referrals by phone.", set())
    # one group however written: "child" and "children"
    own = aspects.modified("Who runs children's services?", stop)
    assert not aspects.qualified_otherwise(own, "The director of child services runs them.", set())
    # whose it is: the school's lead is not the police's
    lead = aspects.modified("Who is the police safeguarding lead?", stop)
    assert aspects.qualified_otherwise(lead, "The school safeguarding lead is Ms Amadi.", set())


def test_a_topic_of_several_words_is_held_in_one_sentence():
    assert aspects.topic("What does the leaflet say about online bullying?", True) == ["online bullying"]
    # a person's words are not the documents': "online bullying" need not be one phrase there
    assert aspects.topic("What did the head teacher say about online bullying?", False) == []
    # Two topics joined are two things: each must be held together, the pair need not be.
    two = aspects.topic("What does the leaflet say about bullying and exam stress?", True)
    assert two == ["bullying", "exam stress"]
    wanted = {"onlin", "bulli"}
    apart = "Most lessons moved online in the spring. Bullying in the playground fell."
    assert not aspects.together(wanted, apart, {})
    assert aspects.together(wanted, "Online bullying is rising among pupils in Year 7.", {})
    # a word of the same meaning, or the heading, holds a part
    assert aspects.together(wanted, "Cyberbullying is rising.", {"bulli": "cyberbullying", "onlin": "cyberbullying"})
    assert aspects.together(wanted, "Bullying by message is rising.", {}, token_set("Keeping safe online"))
    assert aspects.together({"neglect"}, "Anything at all.", {})  # one word: the other rules judge it
