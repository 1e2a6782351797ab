"""Passages that hold the question's words but not what it asks: a count of all the things, not
the ones asked about (answering/figures.py); a case only named as the name of a review
(answering/aspects.py); an agency named but nothing recommended for it, and another place's
opening hours (answering/people.py); a length of time of another act (answering/figures.py); a
place named only as having its own, a thing no document speaks of, and where a light verb takes
its object (answering/subjects.py).
Every question and passage is written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import aspects, evidence, figures, people, subjects
from assistant.index.lexical import stopwords, token_set

pytestmark = pytest.mark.fast


# A partitive count: what makes the part the one asked about.


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("how many of the callouts last winter were about falls from ladders?", {"about", "falls", "from", "ladders"}),
        ("How many of those pupils moved school?", {"moved", "school"}),
        ("how many callouts were about falls?", set()),  # not a part of things named
        ("how many of the callouts", set()),
    ],
)
def test_the_part_a_partitive_count_asks_for(question, part):
    assert figures.part_counted(question) == part


def test_every_word_saying_which_part_is_counted_must_be_held():
    terms = terms_for(
        {"callout": "callouts", "fall": "falls", "ladder": "ladders"},
        kind="count",
        part=frozenset({"about", "falls", "from", "ladders"}),
        df=lambda stem: 3,
    )
    assert evidence.counted_by(terms) == {"fall", "ladder"}
    verb = terms_for({"hoard": "hoarding"}, kind="count", part=frozenset({"about", "hoarding"}), df=lambda s: 1)
    assert evidence.counted_by(verb) == {"hoard"}  # a verb's form says which part too
    # all the callouts are counted, not those about falls from ladders
    assert not figures.which_held(evidence.counted_by(terms), {"callout", "ladder"})
    assert figures.which_held(evidence.counted_by(terms), {"callout", "fall", "ladder"})
    # held in another form of the word (evidence.held_otherwise), not by stem
    assert figures.which_held({"callout", "fall"}, {"callout"}, lambda left: {"fall"} & left)


def test_a_part_the_index_never_names_is_asked_too_and_a_count_of_no_part_asks_nothing():
    unseen = terms_for(
        {"callout": "callouts", "zorbing": "zorbing", "fall": "falls"},
        kind="count",
        part=frozenset({"zorbing", "falls"}),
        df=lambda stem: 0 if stem == "zorbing" else 2,
    )
    assert evidence.counted_by(unseen) == {"fall", "zorbing"}  # counted nowhere unless said otherwise
    assert evidence.counted_by(terms_for({"fall": "falls"}, kind="count")) == set()


# A named case: what happened to it, not only that a review of it exists.


@pytest.mark.parametrize(
    ("question", "case"),
    [
        ("what happened to Child Q in the end?", "Child Q"),
        ("Infant R, what was that case about?", "Infant R"),
        ("what went wrong with Baby W", "Baby W"),
        ("tell me about Child Q", "Child Q"),  # the case as a whole
        ("what do we know about the Infant R case?", "Infant R"),
    ],
)
def test_a_question_asking_what_happened_to_a_named_case(question, case):
    assert aspects.asked_of(question) == ("account", case)


def test_no_account_is_asked_without_a_case_or_of_a_review_s_findings():
    assert aspects.asked_of("what happened at the hearing?") == ("", "")
    assert aspects.asked_of("when will the Child Q review be published?") == ("", "")  # one thing of it
    assert aspects.asked_of("what happened in the Child Q review?")[0] == "findings"


def test_a_case_named_only_as_the_name_of_a_review_has_no_account():
    listed = "Reviews of Child Q and of Infant R are still under way and are not described here."
    label = "The Child Q review will be finished in the spring."
    told = "Child Q was nine and lived with her aunt above the shop."
    found = "The review of Child Q found that no one asked the aunt who else stayed there."
    for case in ("Child Q", "Infant R"):
        assert not aspects.accounted(case, listed, "")
    assert not aspects.accounted("Child Q", label, "")
    assert aspects.accounted("Child Q", told, "")
    assert aspects.accounted("Child Q", found, "")
    # under a heading that names the case, the passage is about it
    assert aspects.accounted("Child Q", "She was moved to a new school twice that year.", "Learning from Child Q")


# An agency asked what was recommended for it.


def _fits(question: str, text: str, heading: str = "") -> bool:
    asked = people.asked(question, "", set(token_set(question)))
    return people.fits(asked, text, set(token_set(text)), {}, set(), heading)


def test_an_agency_only_named_has_nothing_recommended_for_it():
    q = "did the audit recommend anything for the police?"
    assert people.asked(q, "", set(token_set(q))).advised
    assert not _fits(q, "The police had no record of the family before the move.")
    assert _fits(q, "The police should share every callout at the address with the health visitor.")
    assert _fits(q, "3.2 The police will share every callout at the address with the health visitor.")  # agreed
    # a heading of recommendations over a passage naming the agency; a heading's "will" is no action agreed
    assert _fits(q, "Police: share callouts at the address with health visitors.", "Recommendations")
    assert not _fits(q, "Ask the police to attend, and make a referral.", "If a parent will not open the door")
    assert not people.asked("what did the audit say about the police?", "", {"audit", "polic"}).advised


def test_whom_recommendations_are_for_must_have_one():
    q = "what are the audit's recommendations to the housing board in the summary?"
    assert people.advisee(q, set(token_set(q))) == ["hous", "board"]  # up to its preposition
    assert not _fits(q, "The audit made four recommendations. The first is about training.")
    assert not _fits(q, "The housing board met twice in the year and received the audit.")
    assert _fits(q, "The housing board should check every repair request for a child at the address.")


# A place's opening hours, however the question says whose they are.


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("what are the museum's opening hours on a bank holiday?", ["museum"]),
        ("opening times of the swimming baths on Sundays", ["swim", "bath"]),
        ("when does the sports hall open", ["sport", "hall"]),
        ("is the museum open late on Thursdays", ["museum"]),
        ("what does the guide say about the front desk", []),
    ],
)
def test_the_place_whose_opening_is_asked(question, place):
    assert people.opening(question, set(token_set(question))) == place


def test_another_place_s_hours_do_not_answer():
    q = "what are the museum's opening hours on a bank holiday?"
    assert not _fits(q, "The advice line is open every day, bank holidays included, from eight.")
    assert _fits(q, "The museum is open on bank holidays from ten until four.")


# A length of time asked of what a person does to a thing.


@pytest.mark.parametrize(
    ("question", "which", "acts"),
    [
        ("does the leaflet say how long we have to store the consent forms?", ["consent"], ["store"]),
        ("how long do you keep visitor badges for", ["visitor"], ["keep"]),
        ("how long do I have to get my first aid course done", ["first", "aid"], []),  # no act: getting it done
        ("how long should I make the call for", [], []),
        ("how long do we have to wait for a decision", [], []),  # no thing the act is done to
    ],
)
def test_a_length_of_time_of_an_act_a_person_does(question, which, acts):
    assert figures.timed(question, stopwords()) == (which, acts)


def test_a_length_of_another_act_does_not_answer():
    acts = figures.timed("how long do we have to keep the attendance sheets?", stopwords())[1]
    assert not figures.timed_together(set(), acts, "Staff renew their first aid training every three years.", {}, set())
    assert figures.timed_together(set(), acts, "Attendance sheets are kept for two years, then shredded.", {}, set())


# A place named only as having its own: what is asked of it is somewhere else.


def test_a_place_named_only_as_having_its_own_is_named_elsewhere():
    own = "This guide covers Marlow Cross only. Families in Deneholt are served by their own team."
    itself = "In Deneholt the duty team rings back within the hour."
    assert subjects.named_elsewhere({"deneholt"}, own)
    assert not subjects.named_elsewhere({"deneholt"}, itself)
    assert not subjects.named_elsewhere({"deneholt"}, own + " " + itself)  # also named as itself
    assert not subjects.named_elsewhere(set(), own)
    given = "Families in Deneholt have their own duty line, 01632 960 777, open until eight."
    assert not subjects.named_elsewhere({"deneholt"}, given)  # its own, and given there
    assert not subjects.named_elsewhere({"deneholt"}, "Deneholt has its own lead, Ann Hale.")


# What the asker acts on: a thing no document speaks of.


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("can I get my hedge trimmed before Friday?", "hedge"),
        ("how do we renew a fishing licence", "licence"),
        ("how do I book a neighbour's skip", "skip"),  # whose it is, then the thing
        ("how do I apply for a grant", ""),  # a verb taking a preposition
        ("what is a fishing licence", ""),
        ("should I ring grandad before I go", ""),  # a person dealt with, not the subject
    ],
)
def test_what_the_asker_acts_on(question, head):
    assert subjects.acted_on(question) == head


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("can I take my stepson on holiday to France", "holiday"),
        ("do we have to put the consent forms into storage?", "storage"),
        ("how do I make a complaint to the council", ""),  # "to": whom it is made to
        ("can we take pictures of the garden", ""),  # "of" belongs to the object
        ("can I collect my niece on a weekday", ""),  # not a light verb
    ],
)
def test_where_a_light_verb_takes_its_object(question, where):
    assert subjects.complement(question) == where
