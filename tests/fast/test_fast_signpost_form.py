"""The form of a question and the signpost (askform.py, signpost.py), without the model: a harm
or a worry supposed in an "if" clause, a question asking how to tell or what a rule says, a bare
next step read by the meaning, and a case's letter pseudonym named by the quotes. The questions
and passages are written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import askform, signpost

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("question", "supposed"),
    [
        ("who do we phone if we're concerned about a sports coach?", ["if we're concerned about a sports coach"]),
        ("what goes on the form when I'm worried, and who signs it?", ["when I'm worried"]),
        ("if a pupil is in danger on a home visit, do we wait or leave?", ["if a pupil is in danger on a home visit"]),
        # Real: a child the asker knows, or a time now.
        ("what do I do if my nephew is in danger?", []),
        ("who can help if the girl downstairs is alone tonight?", []),
        # Asking how to tell: even the asker's own child is supposed.
        ("how can I tell if my son is being bullied online?", ["if my son is being bullied online"]),
        # Asked without a question mark: the auxiliary before its subject ("should we") asks.
        (
            "if a pupil is in danger on a home visit should we wait or leave",
            ["if a pupil is in danger on a home visit should we wait or leave"],
        ),
        # A report, not a question, keeps its words.
        ("the lad says his uncle will hurt him if he goes back", []),
    ],
)
def test_only_a_questions_supposed_clauses_are_hypothetical(question, supposed):
    assert askform.supposed(question) == supposed


def test_rules_and_signs_are_asked_for_information():
    assert askform.asks_a_rule("she leaves them with a twelve year old, is that legal")
    assert askform.asks_a_rule("how old do they have to be to stay in alone")
    assert askform.asks_a_rule("a cousin has looked after him since June, does that count as fostering")
    assert askform.asks_how_to_tell("how would a parent know their child is being groomed")
    assert not askform.asks_a_rule("the baby upstairs has been alone since this morning")
    assert not askform.asks_how_to_tell("the baby upstairs has been alone since this morning")
    assert signpost.asks_for_information("how can I tell if my son is being bullied online?")


@pytest.mark.parametrize(
    "question",
    [
        "who do we phone if we're concerned about a sports coach?",
        "what goes on the form when I'm worried, and who signs it?",
        "if a pupil is in danger on a home visit, do we wait or leave?",
        "how can I tell if my son is being bullied online?",
        # A next step asked of a kind of child: procedure, even with an injury named.
        "what should we do about a scald on an infant who is not yet rolling over?",
    ],
)
def test_a_supposed_harm_or_worry_is_not_a_worry_now(question):
    assert not signpost.is_urgent(question)
    assert not signpost.is_urgent(question, worry_by_meaning=True)


@pytest.mark.parametrize(
    "question",
    [
        "what do I do if my nephew is in danger?",
        "who can I ring, the toddler downstairs is alone tonight",
        "I'm worried about a boy in my street, who do I tell?",
        "what should we do about a little girl who is locked in a car right now",
        "the lad says his uncle will hurt him if he goes back tonight",
        # The harm is supposed, but an injury to a child the asker knows is told beside it.
        "how can you tell if a child is being hurt? my granddaughter has burns on her arm",
    ],
)
def test_a_worry_told_now_still_signposts(question):
    assert signpost.is_urgent(question)
    assert signpost.is_urgent(question, worry_by_meaning=False)


def test_a_bare_next_step_is_read_by_meaning_when_there_is_a_vector():
    for question in ("who should I phone for advice on safeguarding", "how do we report neglect"):
        assert signpost.is_urgent(question)  # no vector: when in doubt, signpost
        assert signpost.is_urgent(question, worry_by_meaning=True)
        assert not signpost.is_urgent(question, worry_by_meaning=False)


def test_a_case_pseudonym_the_quotes_name_is_reading():
    quoted = "When W moved schools in March, nobody passed on the file. Child W was nine."
    assert signpost.reads_documents("child w, how old was she then", quoted)
    assert signpost.reads_documents("what school did baby w go to", quoted)
    assert not signpost.reads_documents("child w, how old was she then", "The family moved in March.")
    # Text-speak "r" (are) is not a pseudonym, even beside quotes that name R.
    assert not signpost.reads_documents("the kids r alone", "R was seen twice by the nurse.")


def test_an_abstention_always_carries_the_signpost():
    class S:
        signpost_title, signpost_text, signpost_links = "Help", "Call 999", []

    assert signpost.for_answer(S, "how can I tell if my son is being bullied online?", False) is not None
    assert signpost.for_answer(S, "how can I tell if my son is being bullied online?", True) is None


def test_asking_after_something_past_is_held_to_the_general_margin():
    from assistant.answering import urgency

    assert urgency.asks_what_was("the boy in the learning brief, how old was he")
    assert urgency.asks_what_was("so the foster carer, did anyone check her references?")
    assert urgency.asks_what_was("sorry, the flat, was it rented or owned")
    # A report that says "was" is not asking.
    assert not urgency.asks_what_was("the girl was the only one left in the house")
    assert not urgency.asks_what_was("toddler was alone on the landing an hour ago")


@pytest.mark.parametrize(
    ("question", "tells"),
    [
        ("is that legal? the twins upstairs are on their own again", True),
        ("how would I know if she's safe, her uncle has just collected her", True),
        ("a cousin has looked after him since June, does that count as fostering", True),
        ("how old do they have to be to stay in alone?", False),
        ("At what age can a nine year old walk to school alone?", False),
        ("how can I tell if my son is being bullied online?", False),
    ],
)
def test_a_part_told_beside_the_question_is_found(question, tells):
    assert askform.tells_apart(question) is tells


def test_asking_for_information_does_not_hide_a_situation_told_beside_it(monkeypatch):
    """The meaning is not blocked for a rule question that also tells something, or says now."""

    class S:
        signpost_title, signpost_text, signpost_links = "Help", "Call 999", []

    monkeypatch.setattr(signpost, "_readable", lambda qvec, embedder: True)
    monkeypatch.setattr(signpost, "urgent_by_meaning", lambda question, qvec, embedder, follow_up=False: True)
    for told in ("is that legal? the twins upstairs are on their own again", "is that allowed, he's there now"):
        assert signpost.for_answer(S, told, True, object(), object()) is not None, told
    for asked in ("how old do they have to be to stay in alone?", "how can I tell if my son is being bullied online?"):
        assert signpost.for_answer(S, asked, True, object(), object()) is None, asked


@pytest.mark.parametrize(
    "question",
    [
        "who should we ring if a youngster is in danger?",
        "where can I report it if a child is being hurt at home",
        "who do I tell if a little one is left alone in a flat",
    ],
)
def test_asking_whom_to_turn_to_with_danger_named_signposts_even_supposed(question):
    assert signpost.is_urgent(question, worry_by_meaning=False)


def test_asking_whom_to_turn_to_about_a_supposed_concern_without_danger_does_not():
    assert not signpost.is_urgent("who do we phone if we're concerned about a sports coach?", worry_by_meaning=False)
    assert not signpost.is_urgent("who do I tell if a parent misses a meeting?", worry_by_meaning=False)
