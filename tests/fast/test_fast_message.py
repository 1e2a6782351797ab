"""A message, not a bare question: its greeting, sign-off, self-introduction and background are
context, the sentence that asks is what a passage must hold (leadin.asking_part); a follow-up is
held to the asking parts of both questions (answers.asked_text); a request's verb ("could you
confirm") frames the question; an abbreviation's plural spells its phrase; and the signpost's
readings of a denied emergency, a meeting's time, a role's present holder and a question of what
the asker may do. Messages written for these tests, about a fictional county."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import glossary, initials, leadin, signpost
from assistant.answering.answers import _enough, asked_text
from assistant.index.lexical import tokenize


def asked(text: str) -> str:
    return leadin.asking_part(text, _enough)


@pytest.mark.parametrize(
    ("message", "part"),
    [
        (
            "Hello, I run the breakfast club at Oakmere. Two brothers arrive hungry most days. "
            "When should a school start an early help assessment? Many thanks, Jo (Oakmere Primary)",
            "When should a school start an early help assessment?",
        ),
        (
            "Dear all, how long do we keep attendance records? Our new office manager asked me. Best wishes",
            "how long do we keep attendance records?",
        ),
        (
            "my nephew has been sleeping at his friend's flat since christmas, "
            "does that count as a private fostering arrangement",
            "does that count as a private fostering arrangement",
        ),
    ],
)
def test_the_sentence_that_asks_is_what_is_asked(message, part):
    assert asked(message) == part


@pytest.mark.parametrize(
    "message",
    [
        "In the Thornby review, what did the panel find about the school?",  # a phrase that restricts it
        "If a pupil comes in with a burn, who records it on the system?",  # a condition of the question
        "The board said the audit was late, so when was it published?",  # points back to the lead-in
        "the leaflet says something like ring early, which number is that?",  # the lead-in quotes a document
        "around three hundred referrals came in last spring, what was the exact count?",  # a figure asked of
        "How long is the assessment?",  # nothing around it
    ],
)
def test_a_lead_in_that_says_what_is_asked_about_stays(message):
    assert asked(message) == message


def test_a_self_introduction_says_who_the_asker_is():
    message = "Hi, I'm a school nurse at Oakmere. Would I be invited to the review meeting?"
    assert asked(message) == "Would I be invited to the review meeting? (school nurse)"
    # The role is context only when the question is asked of the asker.
    assert asked("Hi, I'm a school nurse. When is the review meeting held?") == "When is the review meeting held?"


def test_a_follow_up_is_held_to_the_asking_parts_of_both():
    before = "Good morning, I'm a childminder in Deepdale. How do I register with the council?"
    text = asked_text("and how long does it take", [before], f"{before} and how long does it take")
    assert text == "How do I register with the council? (childminder) and how long does it take"
    assert asked_text("how long does registration take", [before], None) == "how long does registration take"


def test_a_request_to_the_assistant_frames_the_question():
    assert leadin.request_words("Could you confirm the fees for 2023 - how much was paid?") == {"confirm"}
    assert leadin.request_words("Please check which form the panel uses") == {"check"}
    assert not leadin.request_words("Could you foster a teenager over the summer?")  # the topic's verb


def test_an_abbreviations_plural_spells_its_phrase():
    docs = ["Night response units answer calls out of hours.", "Staff meet each day."]
    held = [set(tokenize(t)) for t in docs]
    derived: dict = {}
    index = SimpleNamespace(
        documents={str(i): SimpleNamespace(text=t) for i, t in enumerate(docs)},
        bm25=SimpleNamespace(df=lambda s: sum(s in h for h in held)),
        derive=lambda key, make: derived[key] if key in derived else derived.setdefault(key, make()),
    )
    wide, spelled = initials.widened("what do NRUs do at night", index, glossary.load())
    assert spelled == ["night response units"]
    assert ("nrus",) in wide.groups[-1]
    assert not initials.plural("Bus") and not initials.plural("NRU") and initials.plural("NRUs")


@pytest.mark.parametrize(
    "question",
    [
        "how soon is a review held if it isn't an emergency",
        "when it's not an emergency who chairs the meeting",
        "I'm joining a core group meeting by video this afternoon, what should the plan say?",
        "and who is that at the moment",
        "who's the chair right now",
    ],
)
def test_procedure_questions_are_not_a_worry_now(question):
    assert not signpost.is_urgent(question)


@pytest.mark.parametrize(
    "question",
    [
        "it's an emergency, my son's friend has taken something and won't wake up",
        "emergency, the baby upstairs has stopped crying after a bang",
        "my little sister is not safe at home tonight",
        "who is hurting the girl next door right now, I can hear her",
    ],
)
def test_a_worry_now_still_signposts(question):
    assert signpost.is_urgent(question)


@pytest.mark.parametrize(
    ("question", "allowed"),
    [
        ("is it okay to let my twelve year old walk to school alone", True),
        ("a parent asked me to keep it quiet, can I agree to that", True),
        ("what happens after I make a referral, do they visit", True),
        ("can I call someone now, my neighbour's baby is alone", False),  # asking for help
        ("my neighbour's toddler is alone on the balcony", False),
    ],
)
def test_asking_what_is_allowed_is_about_procedure(question, allowed):
    assert signpost.asks_what_is_allowed(question) is allowed


def test_a_sentence_whose_pronoun_points_back_keeps_the_sentences_before_it():
    message = "Hi. Our club keeps a register of volunteers. Is it shared with the council? Thanks"
    assert asked(message) == "Our club keeps a register of volunteers. Is it shared with the council?"
    # A demonstrative of the situation names what is asked after it.
    assert asked("My cousin's boy has lived with us since May. Is this private fostering?") == (
        "Is this private fostering?"
    )


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("um, so, is a cold flat, you know, enough to refer?", "is a cold flat, enough to refer?"),
        (
            "does the line take adults, or is it just, just children?",
            "does the line take adults, or is it just children?",
        ),
        ("what's the, er, the leaflet called", "what's the leaflet called"),
        ("what does the ER team do", "what does the ER team do"),
        ("what would the board like to see", "what would the board like to see"),
    ],
)
def test_the_fillers_of_speech_are_not_read(said, read):
    assert leadin.unspoken(said) == read
