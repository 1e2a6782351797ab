"""Near misses of the fifth round: a question that counts the things it asks for needs them
listed (answering/lists.py), a length of time is said of the thing and the act asked
(answering/figures.py), "what is X?" asks for X, a document named by its owner frames a topic,
and a task's verb is asked about unless it is a light verb (answering/aspects.py). Every
question and passage is written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import aspects, evidence, figures, lists
from assistant.index.lexical import stopwords


@pytest.mark.parametrize(
    ("question", "n"),
    [
        ("What are the five stages of the Marlow Cross pathway?", 5),
        ("what were the 3 aims of the audit", 3),
        ("What are Marlow Cross's four priorities?", 4),
        ("How many stages are there?", 0),  # asks the number, not the things
        ("Which of the five stages comes first?", 0),
        ("What are the stages?", 0),
    ],
)
def test_a_question_that_counts_the_things_it_asks_for(question, n):
    assert lists.listed(question) == n


def test_the_things_counted_must_be_listed_not_only_counted():
    counted = "The board adopted the five stages of the pathway as its audit tool last spring."
    listed = "The pathway has five stages: notice, ask, record, refer and review."
    bullets = "The pathway has five stages.\nNotice\nAsk\nRecord\nRefer\nReview"
    assert not lists.lists(5, counted)
    assert lists.lists(5, listed)
    assert lists.lists(5, bullets)
    # counted only in the heading: the passage's own items
    assert lists.lists(3, "Listen to the child, write it down, and tell the lead the same day.")
    assert lists.lists(0, counted)  # nothing counted in the question
    assert lists.lists(5, "Our audit tool has five stages:\n")  # the passage ends where the list begins


@pytest.mark.parametrize(
    ("question", "which", "acts"),
    [
        (
            "How long should a night shelter referral form be stored in the office?",
            ["night", "shelter", "referral"],
            ["stored"],
        ),
        ("How quickly must the duty team respond?", ["duty"], ["respond"]),
        ("How long do local audits normally take in Marlow Cross?", ["local"], []),  # "take" says nothing
        ("How soon should an audit be finished and shared?", [], ["finished", "shared"]),
        ("How long is the webinar?", [], []),
        ("When is the webinar?", [], []),
    ],
)
def test_the_thing_and_act_a_length_of_time_is_asked_of(question, which, acts):
    assert figures.timed(question, stopwords()) == (which, acts)


def test_a_length_of_time_is_said_of_the_thing_and_act_asked():
    which, acts = {"shelter"}, ["stored"]
    other_thing = "A completed form should be stored in the office for six months."
    other_act = "Night shelter referrals must be answered within two working days."
    right = "Night shelter forms are stored for twelve months, then shredded."
    assert not figures.timed_together(which, acts, other_thing, {}, frozenset())
    assert not figures.timed_together(which, acts, other_act, {}, frozenset())
    assert figures.timed_together(which, acts, right, {}, frozenset())
    # the act in another form ("keep" of "kept"), or any verb of telling for one
    assert figures.timed_together(set(), ["kept"], "Keep the log for one year.", {}, frozenset())
    assert figures.timed_together(set(), ["notify"], "Tell the board within five days.", {}, frozenset())
    assert figures.timed_together(set(), [], "Anything.", {}, frozenset())  # nothing asked of it


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What is elective home education in Marlow Cross?", "education"),
        ("what is contextual safeguarding", "safeguarding"),
        ("What is in the board's plan for next year?", ""),  # where to look, not a thing defined
        ("Who is responsible for the action plan?", ""),
    ],
)
def test_what_is_x_asks_for_x(question, head):
    assert aspects.role(question) == head


def test_a_definition_missing_what_it_defines_holds_too_little():
    t = terms_for({"elect": "elective", "home": "home", "educ": "education"}, role="education")
    assert evidence.holds_too_little(t, ["elective", "education"])  # "home visits fell in lockdown"
    assert not evidence.holds_too_little(t, [])


def test_a_document_named_by_its_owner_frames_a_topic():
    assert aspects.topic("What does Marlow Cross's annual report say about kinship care?", False) == ["kinship care"]
    assert aspects.topic("what did the board minutes say about exam stress", False) == ["exam stress"]
    assert aspects.topic("What did Priya Nandra say about exam stress?", False) == []


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("How do I change my dentist?", "change"),  # everyday, yet the task asked about
        ("How do I move my child to another nursery?", "move"),
        ("How do I make a referral?", ""),  # a light verb: the referral is what is asked about
        ("how do we get a say on the board", ""),
    ],
)
def test_any_verb_but_a_light_one_is_the_task(question, verb):
    assert aspects.task(question) == verb
