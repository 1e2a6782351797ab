"""How people speak a question (speech.py, leadin, answers.asked_text): a self-correction is
read as corrected, a guess or an aside said after an open question is not what a passage must
hold, a pro-form "one" is no word to look for, and a follow-up that is a clause of its own holds
a passage to its own words. Questions written for these tests, about a fictional borough."""

from __future__ import annotations

import pytest

from assistant.answering import leadin, speech
from assistant.answering.answers import _enough, asked_text


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a word put right: the correction takes the place of as many words before it
        (
            "when does the clinic check the missed jabs, sorry, vaccinations?",
            "when does the clinic check the missed vaccinations?",
        ),
        # a restart: the clause begun again replaces the clause begun
        ("and if it's, sorry, if it's a Sunday, who answers?", "and if it's a Sunday, who answers?"),
        ("who runs it, I mean, the toy library, on Fridays?", "who runs the toy library, on Fridays?"),
        # "like" restarting a phrase with the same preposition
        ("where do I log it, in the diary, like in the incident book?", "where do I log it, in the incident book?"),
        # an apology or a new question after "sorry" corrects nothing
        ("Family K, sorry, what was that audit about?", "Family K, what was that audit about?"),
        ("which step comes second, sorry, I missed it", "which step comes second, I missed it"),
    ],
)
def test_a_self_correction_is_read_as_corrected(said, read):
    assert speech.repaired(said) == read


def test_a_correction_to_words_the_documents_never_use_keeps_the_first_wording():
    def known(phrase: str) -> bool:  # a stand-in index: it knows "porters", no word of "door staff"
        return "door" not in phrase

    said = "and the lads on porters, sorry, door staff, which course do they take?"
    assert speech.repaired(said, known) == "and the lads on porters, which course do they take?"
    assert speech.repaired(said) == "and the lads on door staff, which course do they take?"
    assert leadin.unspoken(said, known) == "and the lads on porters, which course do they take?"
    # a correction the documents use some word of ("board", not "trustees") is taken
    said = "who chooses the, er, rota, sorry, the board trustees?"
    assert (
        leadin.unspoken(said, lambda phrase: "board" in phrase or "rota" in phrase) == "who chooses the board trustees?"
    )
    # and one that runs on as a clause of its own is taken as said
    said = "did the, er, rota, sorry, the number of door staff go up"
    assert leadin.unspoken(said, known) == "did the number of door staff go up"


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        (
            "how many visits did the wardens log in May, ninety-odd was it?",
            "how many visits did the wardens log in May?",
        ),
        (
            "after how many no-shows do we write to the family, is it three? three running?",
            "after how many no-shows do we write to the family?",
        ),
        ("how long does the panel have, about ten days?", "how long does the panel have?"),
        ("who signs the form, was it the warden, the senior one?", "who signs the form?"),
        ("which step comes second, I missed it", "which step comes second"),
        ("how long do they have, was it a month or...?", "how long do they have?"),
        # typed without a comma: the tag still follows the open question
        ("when did the levy start was it 2019", "when did the levy start"),
        ("who runs the rota is it still the vicar?", "who runs the rota?"),
    ],
)
def test_a_guess_or_an_aside_after_an_open_question_is_not_asked(said, asked):
    assert speech.without_guesses(said) == asked


@pytest.mark.parametrize(
    "said",
    [
        "is the hub open on Sundays, or is it just weekdays?",  # a yes-or-no question: both are asked
        "how many pupils, aged ten, moved school?",  # a figure in the middle restricts
        "the old pool, was it shut in 2019?",  # no open question: the guess is the question
        "when is it open, and who runs it?",
        "when the audit is out, is it sent to parents?",  # a time clause, then a yes-or-no question
        "how many pupils was it in total that moved?",  # a cleft question, not a tag
    ],
)
def test_what_is_not_a_guess_stays(said):
    assert speech.without_guesses(said) == said


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("when did it come out, the 2019 one?", "when did it come out, the 2019?"),
        ("was that one of the outcomes?", "was that of the outcomes?"),
        ("after how many missed ones do we write?", "after how many missed do we write?"),
        ("what's step two again?", "what's step two?"),
        # a part of the documents pointed at: where to look, not a word to hold
        ("on the transport page, who do we ring?", "on the transport, who do we ring?"),
        ("what did it say, the allotment bit?", "what did it say, the allotment?"),
        ("I'm a bit lost, who do we ring?", "I'm a bit lost, who do we ring?"),
        # a placeholder noun: its modifier is the topic
        ("the curfew thing, is that in the guide?", "the curfew, is that in the guide?"),
        # a number and the idioms for children stay
        ("is there a check for babies under one?", "is there a check for babies under one?"),
        ("who looks after the little ones?", "who looks after the little ones?"),
        ("does no one check?", "does no one check?"),
    ],
)
def test_a_pro_form_one_is_no_word_of_the_question(said, read):
    assert speech.without_proforms(said) == read


def test_a_lead_in_that_asks_is_the_question_not_its_background():
    # the clause after the comma ("when ...") restricts the question, it is not the question
    part = leadin.asking_part("what should we put on the form, like on the green one, when a child is absent?", _enough)
    assert part.startswith("what should we put on the form")


def test_a_follow_up_that_is_a_clause_of_its_own_holds_a_passage_to_its_own_words():
    before = "Hello, I've been asked to sit on a case conference tomorrow. What do I need to prepare?"
    merged = f"{before} and will I be sent the notes afterwards"
    assert asked_text("and will I be sent the notes afterwards", [before], merged) == (
        "and will I be sent the notes afterwards"
    )
    # an elliptical follow-up, or one that points back, still leans on the question before it
    earlier = "how many families did the hub see last spring?"
    assert asked_text("and the spring before that?", [earlier], f"{earlier} and the spring before that?") == (
        "how many families did the hub see last spring? and the spring before that?"
    )
    assert asked_text("and who pays for it?", [earlier], f"{earlier} and who pays for it?").startswith("how many")
    # a question word with a contracted auxiliary is a clause of its own too
    merged = f"{before} and what's the dress code"
    assert asked_text("and what's the dress code", [before], merged) == "and what's the dress code"
    review = "what is a case review?"
    assert asked_text("and can a school ask for one", [review], f"{review} and can a school ask for one").startswith(
        "what is a case review?"
    )


def test_on_its_own_does_not_point_back_to_the_lead_in():
    said = "my daughter has a few warts, is a skin rash on its own a reason to see the nurse?"
    assert leadin.asking_part(said, _enough) == "is a skin rash on its own a reason to see the nurse?"
    # a pronoun that does point back keeps the lead-in
    said = "my daughter has a skin rash, is it a reason to see the nurse?"
    assert leadin.asking_part(said, _enough) == said


def test_a_guess_stays_when_the_open_question_has_too_few_words_without_it():
    assert leadin.asking_part("how many visits did the wardens log, ninety-odd was it?", _enough) == (
        "how many visits did the wardens log?"
    )
    assert leadin.asking_part("who is it, was it the warden?", _enough) == "who is it, was it the warden?"
