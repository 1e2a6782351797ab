"""Words of how a question is said, not of what it asks, kept off the reader's missing list
(asking.py, inquotes.bare). Questions and passages are written for these tests; no model."""

from __future__ import annotations

import pytest

from assistant.answering import asking, inquotes

pytestmark = pytest.mark.fast

SHOWN = ["Foster carers meet their link worker every six weeks."]


def test_general_nouns_of_speech_are_not_listed():
    q = "what was the carer bit, the ones about visits, and that thing with link workers"
    assert asking.for_reader(q, ["bit", "ones", "thing"], SHOWN) == []


def test_a_topic_word_beside_a_general_noun_stays():
    q = "what's the respite bit about"
    assert asking.for_reader(q, ["respite", "bit"], SHOWN) == ["respite"]


def test_round_here_is_a_preposition_not_a_topic():
    q = "do carers round here meet a link worker"
    assert asking.for_reader(q, ["round"], SHOWN) == []


def test_a_definition_asked_for_is_the_asking():
    q = "what's the definition they give for a link worker"
    assert asking.for_reader(q, ["definition"], SHOWN) == []


def test_emphasis_goes_when_its_noun_is_held_and_stays_when_not():
    assert asking.for_reader("is there a proper meeting with the link worker", ["proper"], SHOWN) == []
    got = asking.for_reader("is there a proper inspection", ["proper", "inspection"], SHOWN)
    assert got == ["proper", "inspection"]


def test_doing_again_in_a_how_often_question_answered_by_a_frequency():
    q = "how often do carers have to redo the meeting"
    assert asking.for_reader(q, ["redo"], SHOWN) == []
    # no frequency in the quote: the word stays
    assert asking.for_reader(q, ["redo"], ["Carers meet their link worker."]) == ["redo"]
    # not a how-often question: stays
    assert asking.for_reader("can carers redo the meeting", ["redo"], SHOWN) == ["redo"]


def test_a_possessive_is_read_as_its_word():
    assert inquotes.bare("Mum's") == "mum"
    assert inquotes.bare("parents'") == "parents"
    assert inquotes.bare("carer") == "carer"


def test_figures_offered_as_a_choice_one_of_them_held():
    q = "was the visit after nine days? ten?"
    assert asking.for_reader(q, ["nine"], ["The nurse visited after 10 days."]) == []
    # two figures asked apart, one held: the other stays
    q = "how many carers were under thirty and how many visits were over twelve"
    assert asking.for_reader(q, ["thirty"], ["Twelve visits were made."]) == ["thirty"]
    # a single figure the quotes lack stays
    assert asking.for_reader("was it nine days", ["nine"], ["The nurse visited after 10 days."]) == ["nine"]


def test_the_askers_own_situation_before_the_question_is_not_listed():
    q = "so my niece has got braces on, is a missed check-up counted as neglect?"
    shown = ["A missed check-up on its own is not neglect."]
    assert asking.for_reader(q, ["braces"], shown, quoted=True) == []
    # a refusal's closest passages are not an answer: the words stay
    assert asking.for_reader(q, ["braces"], shown, quoted=False) == ["braces"]


def test_a_place_or_a_topic_put_first_stays():
    shown = ["The hub is open Monday to Friday."]
    assert asking.for_reader("I work in Quarrowby, is the hub open?", ["quarrowby"], shown, quoted=True) == [
        "quarrowby"
    ]
    assert asking.for_reader("pool opening times, is it open?", ["pool"], shown, quoted=True) == ["pool"]
    assert asking.lead_in("is the hub open on fridays") == set()


def test_a_general_word_for_an_adult_in_a_who_question_is_held_by_a_name():
    shown = ["The panel was chaired by Morwenna Tebbit, the independent reviewer."]
    q = "who chaired the panel, was it the reviewer guy?"
    assert asking.for_reader(q, ["guy"], shown, quoted=True) == []
    # no person named: it stays; nor is it held outside a "who" question
    assert asking.for_reader(q, ["guy"], ["The panel met twice."], quoted=True) == ["guy"]
    assert asking.for_reader("did the reviewer guy visit", ["guy"], shown, quoted=True) == ["guy"]


def test_a_follow_up_lists_only_the_words_it_asks_now():
    # Searched with the question before it, a follow-up's answer does not list again the earlier
    # question's words ("rota" was told with the first answer); its own still are.
    query = "which carers are on the weekend rota and when do they start, and if it's a holiday week, is it still her?"
    assert asking.asked_now("and if it's a holiday week, is it still her?", query, ["rota", "holiday"]) == ["holiday"]
    assert asking.asked_now("and the holidays?", query, ["holiday"]) == ["holiday"]  # by stem
    # A question searched alone keeps every word.
    assert asking.asked_now("who is on the weekend rota?", None, ["rota"]) == ["rota"]
