"""What a question word weighs in the evidence: its idf in the index, capped by its idf in
general English (meaning.general_idf, evidence.informative). A small index gives every word it
never holds its highest idf, so the everyday words of a spoken question ("just", "thing",
"well") would otherwise outweigh the words it is about."""

from __future__ import annotations

import pytest

from assistant.answering import evidence, glossary, meaning


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def test_everyday_words_tell_less_than_topical_ones():
    assert meaning.general_idf("just") < meaning.general_idf("thing") < meaning.general_idf("lantern")
    assert meaning.general_idf("the") == 0.0  # nearly every passage of English holds it
    assert meaning.general_idf("qzxwvbn") > meaning.general_idf("lantern")  # a word English lacks tells most


def test_informative_caps_only_what_general_english_says_is_common():
    first = {"just": "just", "lantern": "lantern"}
    weights = {"just": 4.6, "lantern": 4.6}  # a small index that holds neither word
    telling = evidence.informative(first, weights)
    assert telling["just"] < 2.0
    assert telling["lantern"] == 4.6  # a rare word keeps the index's own weight
    assert evidence.informative(first, {"just": 0.5, "lantern": 0.5}) == {"just": 0.5, "lantern": 0.5}


def test_a_filler_the_index_lacks_does_not_sink_the_coverage(index, gloss):
    terms = evidence.question_terms("Who just lived in the home?", index, gloss)
    stem = {w: s for s, w in terms.words.items()}
    assert terms.weights[stem["just"]] > terms.telling[stem["just"]]
    held = {stem["lived"], stem["home"]}
    by_idf = sum(terms.weights[s] for s in held) / sum(terms.weights.values())
    assert evidence._share(terms, held) > by_idf  # a passage holding the rest holds more of the question


def test_terms_made_without_telling_weigh_by_idf():
    terms = evidence.Terms(
        words={"panel": "panel"},
        weights={"panel": 2.0},
        groups=[],
        numbers=set(),
        names=[],
        count=False,
        capitals=set(),
        unseen=0.0,
    )
    assert terms.telling == {"panel": 2.0}


def test_number_words_are_held_by_the_figure_in_digits(index, gloss):
    terms = evidence.question_terms("Is the helpline open twenty-four hours?", index, gloss)
    stem = {w: s for s, w in terms.words.items()}
    assert terms.spelled[stem["twenty"]] == {"24"} and terms.spelled[stem["four"]] == {"24"}
    held = evidence.spelled_held(terms, evidence.figures_in("The helpline is open 24 hours a day."))
    assert held == {stem["twenty"], stem["four"]}
    assert not evidence.spelled_held(terms, evidence.figures_in("The helpline is open 4 hours on Sundays."))


def test_spelled_numbers_keep_their_words():
    assert meaning.spelled_numbers("open twenty four seven") == [(["twenty", "four"], "24"), (["seven"], "7")]
    assert meaning.spelled_numbers("no figures here") == []


@pytest.mark.parametrize(
    ("word", "other"),
    [("men", "man"), ("women", "woman"), ("children", "child"), ("child", "children"), ("wives", "wife")],
)
def test_a_noun_is_held_in_its_irregular_other_number(word, other):
    assert evidence._stemmer().stemWord(other) in evidence.form_stems(word)


@pytest.mark.parametrize("word", ["go", "goes", "policy", "hours", "kept", "found"])
def test_regular_plurals_and_verbs_gain_no_other_form(word):
    assert not evidence.form_stems(word)


def test_covered_reads_the_other_number(index, gloss):
    terms = evidence.question_terms("Were the men in the house seen?", index, gloss)
    stem = {w: s for s, w in terms.words.items()}
    have = set(evidence.word_stems("A man lived in the house.")[1])
    assert stem["men"] in evidence.covered(terms, have, gloss)
