"""Who holds a post, a setting asked about, and a place's opening hours (answering/people.py).
Every question and passage is written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import people
from assistant.index.lexical import token_set

pytestmark = pytest.mark.fast


def asked(question: str, kind: str = "") -> people.Asked:
    return people.asked(question, kind, set(token_set(question)))


def fits(question: str, text: str, kind: str = "", soft: dict[str, str] | None = None) -> bool:
    return people.fits(asked(question, kind), text, set(token_set(text)) | set(soft or {}), soft or {}, set())


@pytest.mark.parametrize(
    "question",
    [
        "who is the council's school transport officer",
        "who's the head of service for early help in Dunmore",
        "who was the designated doctor in Dunmore last year",
    ],
)
def test_who_holds_a_post_asks_for_a_name(question):
    assert asked(question, "who").by_name


def test_a_post_only_spoken_of_names_nobody():
    q = "who is the council's school transport officer"
    assert asked(q, "who").role == ["school", "transport", "offic"]  # the council's is whose post it is
    assert not fits(q, "Late buses are reported to the council's school transport officer.", "who")
    assert fits(q, "The school transport officer is Mina Castell.", "who")


def test_a_post_ends_before_its_preposition():
    q = "what's the name of the duty nurse for the Harbour ward"
    assert asked(q).role == ["duti", "nurs"]


def test_a_name_given_for_another_post_is_no_answer():
    q = "who is the duty nurse in Dunmore"
    assert not fits(q, "Prepared by Ola Brant, data analyst, in May.", "who")


def test_someone_doing_something_is_no_post():
    q = "who was the man staying with Dot and her gran"
    assert not asked(q, "who").by_name


def test_a_setting_is_held_in_its_own_words():
    q = "how often do childminders renew their first aid certificate"
    assert asked(q).agencies == ["childmind"]
    school = "School staff renew their first aid certificate every three years."
    assert not fits(q, school, soft={"childmind": "school"})  # a school is near by meaning, not the same
    assert fits(q, "Childminders renew their first aid certificate every three years.")


def test_the_place_whose_hours_are_asked_must_be_there():
    q = "is the swimming baths open on easter sunday"
    assert asked(q).opening == ["swim", "bath"]
    assert not fits(q, "The drop-in centre is open on Sundays from ten until two.")
    assert fits(q, "The swimming baths are open every day except Christmas Day.")


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("where do we go to renew a parking permit", "renew"),
        ("where can I go to apply for a blue badge", "apply"),
        ("where should parents go to the drop-in", ""),  # a place gone to
        ("where can I read the full audit", ""),  # where a document is: no task
    ],
)
def test_the_task_of_where_do_i_go_to(question, verb):
    from assistant.answering import aspects

    assert aspects.task(question) == verb


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what happened in the Child W review", ("findings", "Child W review")),
        ("what happened in the Harbour Lane inquiry", ("findings", "Harbour Lane inquiry")),
        ("what happened in the Child W case", ("account", "Child W")),  # a case's story, not a review's findings
        ("what happened in the review", ("", "")),  # no review of its own named
    ],
)
def test_what_happened_in_a_named_review_asks_its_findings(question, asked):
    from assistant.answering import aspects

    assert aspects.asked_of(question) == asked
