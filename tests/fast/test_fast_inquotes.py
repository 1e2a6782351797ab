"""Missing words the shown quotes hold by meaning in context (inquotes.py) and the event verbs
of when and where questions (asking.event_verbs). Questions and passages are written for these
tests; word vectors are hand-made (no model is loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answering import asking, inquotes

pytestmark = pytest.mark.fast

# Each word's hand-made vector in context: words of one group are close, the rest orthogonal.
GROUPS = {"mums": 0, "dads": 1, "father": 1, "grandad": 1, "mother": 1, "domestic": 2, "violence": 2, "budget": 3}


def vector(word: str) -> np.ndarray:
    v = np.zeros(8, dtype=np.float32)
    v[GROUPS.get(word, 4 + len(word) % 4)] = 1.0
    return v


@pytest.fixture
def hand_made(monkeypatch):
    monkeypatch.setattr(inquotes, "in_context", lambda backend, text: [(w, vector(w)) for w in text.lower().split()])
    inquotes._cache.clear()
    yield object()
    inquotes._cache.clear()


def test_a_word_held_by_meaning_is_held(hand_made):
    assert inquotes.held(hand_made, "why do dads matter", ["dads"], ["a father can protect"]) == {"dads"}


def test_a_word_for_the_other_sex_never_holds_it(hand_made):
    assert inquotes.held(hand_made, "why do dads matter", ["dads"], ["a mother can protect"]) == set()


def test_a_phrase_with_a_word_of_the_question_holds_nothing_more(hand_made):
    q = "how does domestic violence harm babies"
    assert inquotes.held(hand_made, q, ["domestic"], ["violence at home"]) == set()


def test_names_and_words_far_from_the_quotes_stay(hand_made):
    q = "what was the Tarrow budget"
    assert inquotes.held(hand_made, q, ["budget", "Tarrow"], ["the course dates for spring"]) == set()


def test_two_word_phrases_are_candidates(hand_made):
    units = [u for u, _ in inquotes.phrases(hand_made, "named grandad volunteers")]
    assert "grandad volunteers" in units and "grandad" in units


def test_only_quotes_given_as_the_answer_hold_a_word(hand_made):
    class Vectors:  # what for_reader reads of meaning.WordVectors: its embedder's question backend
        embedder = type("E", (), {"model": hand_made})()

        def of(self, words):
            return {w: vector(w) for w in words}

    q, quotes = "why do dads matter to workers", ["a father can protect"]
    assert asking.for_reader(q, ["dads"], quotes, Vectors(), quoted=True) == []
    assert asking.for_reader(q, ["dads"], quotes, Vectors()) == ["dads"]  # a refusal's words stay


def test_an_event_verb_frames_a_when_question_the_quotes_answer():
    q = "what time does the first aid course start and finish"
    assert asking.event_verbs(q, ["finish", "course"], ["The course runs 9.30am to 1pm."]) == {"finish"}
    assert asking.event_verbs(q, ["finish"], ["The course covers bandaging."]) == set()  # no time given


def test_an_event_verb_frames_a_where_question():
    q = "where is the first aid course taking place"
    assert asking.event_verbs(q, ["taking", "aid"], ["Held at the Mill Lane hall."]) == {"taking"}
    assert asking.event_verbs("why are courses taking longer", ["taking"], ["Demand rose."]) == set()
