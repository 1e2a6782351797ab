"""The word a question is about (its key, weighed by ``key_missing``) is chosen by how rare it
is in English, not in one small index (evidence.key_of). Words written for these tests."""

from __future__ import annotations

from assistant.answering import evidence, meaning


def test_the_key_is_the_rarest_word_in_english_not_the_rarest_in_the_index():
    # "return" is the index's rarest word (one passage) but everyday English; "gerbil" is rare
    # in English, though the index holds it in many passages: the question is about the gerbil.
    first = {"return": "return", "gerbil": "gerbil", "cage": "cage"}
    df = {"return": 1, "gerbil": 12, "cage": 4}
    telling = {"return": 1.9, "gerbil": 8.7, "cage": 5.1}
    assert evidence.key_of(first, df) == "return"  # by the index alone
    assert evidence.key_of(first, df, telling) == "gerbil"


def test_the_key_is_still_a_word_the_index_holds_and_a_word_of_what_is_asked():
    # a word no passage holds cannot be missing from one passage more than another
    first = {"gerbil": "gerbil", "cage": "cage"}
    assert evidence.key_of(first, {"gerbil": 0, "cage": 3}, {"gerbil": 8.7, "cage": 5.1}) == "cage"
    # an adverb says how, not what, however rare
    first = {"hurriedly": "hurriedly", "cage": "cage"}
    assert evidence.key_of(first, {"hurriedly": 1, "cage": 3}, {"hurriedly": 9.0, "cage": 5.1}) == "cage"


def test_an_everyday_word_a_small_index_holds_seldom_is_not_the_key():
    # The index holds "back" in one passage and "kennel" in six: by its counts "back" is rarer,
    # but what a word tells is capped by its rarity in English (``informative``), and a
    # question asking when the dog comes back from the kennel is about the kennel.
    first = {"dog": "dog", "back": "back", "kennel": "kennel"}
    df = {"dog": 9, "back": 1, "kennel": 6}
    idf = {"dog": 1.0, "back": 4.4, "kennel": 2.6}  # as a small index gives them
    telling = evidence.informative(first, idf)
    assert telling["back"] < telling["kennel"]
    assert evidence.key_of(first, df) == "back"
    assert evidence.key_of(first, df, telling) == "kennel"
    assert meaning.general_idf("back") < meaning.general_idf("kennel")
