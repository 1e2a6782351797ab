"""Questions as speech-to-text writes them (dictation.py): spoken punctuation, letters spelled one
by one, a name split in two, a spoken year, homophones of small words around figures. Every
question is written for these tests, about made-up places."""

from __future__ import annotations

import pytest

from assistant.answering import dictation, leadin

KNOWN = {"pru", "dbs", "larkspur", "nrm"}


def known(phrase: str) -> bool:
    return any(w.lower() in KNOWN for w in phrase.split())


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("how many schools sent theirs back question mark", "how many schools sent theirs back?"),
        ("how many were asked full stop", "how many were asked."),
        ("how many were asked new line", "how many were asked."),
        ("so comma what did the audit find", "so, what did the audit find"),
        ("how many lines were closed in twenty twenty five", "how many lines were closed in 2025"),
        ("is it for or five children", "is it four or five children"),
        ("how many where asked in the first place", "how many were asked in the first place"),
        ("where are the minutes kept", "where are the minutes kept"),  # "where" asking where
        ("I went for a walk", "I went for a walk"),
    ],
)
def test_what_speech_to_text_writes_is_read_as_typed(said, written):
    assert dictation.written(said) == written


def test_letters_spelled_one_by_one_are_the_abbreviation_the_documents_use():
    assert dictation.written("how often did he go to the p r u", known) == "how often did he go to the PRU"
    assert dictation.written("do i need a d b s check", known) == "do i need a DBS check"
    assert dictation.written("is it a b c or d", known) == "is it a b c or d"  # no such word in the documents
    assert dictation.written("can i a b test it", known) == "can i a b test it"


def test_a_name_split_in_two_is_the_one_word_the_documents_hold():
    assert dictation.written("can I visit him at lark spur house", known) == "can I visit him at larkspur house"
    both = {"stone", "wall", "stonewall"}
    assert (
        dictation.joined("a stone wall", lambda p: p.lower() in both) == "a stone wall"
    )  # both halves are words of it


def test_the_question_is_read_as_typed_before_anything_else():
    assert leadin.unspoken("um, how many where asked question mark", known) == "how many were asked?"


def test_letters_said_by_name_are_the_abbreviation_the_documents_use():
    assert (
        dictation.written("what dee bee ess check do receptionists get", known) == "what DBS check do receptionists get"
    )
    assert dictation.written("see you at the pee ar you", known) == "see you at the PRU"
    assert dictation.written("are you sure why are you here", known) == "are you sure why are you here"


@pytest.mark.parametrize(
    "typed",
    [
        "there's a question mark over his care, what did the review say",
        "is there a new line of enquiry",
        "the practice came to a full stop in may",
    ],
)
def test_the_names_of_marks_inside_a_sentence_are_words(typed):
    assert dictation.written(typed) == typed
