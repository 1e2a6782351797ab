"""Which sentence of a quote is marked as the answer, without the model: a yes-or-no question
is decided by the sentence about its most specific thing, a question quoted in the text is not
an answer, and a follow-up marks by what it asks itself. Every question and passage here is
written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import answertypes, glossary, marking


@pytest.mark.parametrize(
    ("question", "polar"),
    [
        ("did the school tell the nurse?", True),
        ("Can a foster carer sign the trip form?", True),
        ("so is there a review planned or not", True),
        ("Wasn't the GP told?", True),
        ("who signs the trip form?", False),
        ("what did the nurse do next?", False),
        ("when was the plan closed?", False),
        ("Does the plan say how many visits there were?", False),  # it asks a figure
    ],
)
def test_a_yes_or_no_question_is_told_from_one_that_asks_for_a_thing(question, polar):
    assert answertypes.polar(question) is polar


def yes_no_terms(**kw):
    words = {"kennel": "kennels", "club": "club", "meet": "meeting", "attend": "attend"}
    terms = terms_for(words, asking={"attend"}, **kw)
    terms.weights.update({"kennel": 4.0, "club": 1.5, "meet": 1.5, "attend": 2.0})
    terms.key = "kennel"
    return terms


def test_a_yes_or_no_question_is_marked_where_its_rarest_word_is():
    # "Did anyone from the kennels attend the club meeting?": the sentence naming the kennels
    # decides it, although the sentence about who attended shares more of its setting.
    sentences = [
        marking.Sentence(0, 70, "Those who attend the club meeting sign in at the desk on arrival.", 0.45),
        marking.Sentence(71, 110, "Sent regrets: Ana Ruiz (kennels).", 0.40),
    ]
    values = marking.scores(sentences, yes_no_terms(polar=True), {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 110) == [1]
    # asked for the person who attends, the sentence holding the verb answers instead
    values = marking.scores(sentences, yes_no_terms(polar=False, kind="who"), {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 110) == [0]


def test_the_rarest_word_counts_when_held_by_stem_or_glossary_not_by_a_near_meaning():
    # "is it risky to leave a toddler near a pond?": "safe" is near "risky" in meaning but says
    # the opposite; the sentence naming the pond decides it.
    terms = terms_for({"riski": "risky", "toddler": "toddler", "pond": "pond"}, polar=True)
    terms.weights.update({"riski": 5.0, "toddler": 2.0, "pond": 4.0})
    sentences = [
        marking.Sentence(0, 50, "Toddlers are safe indoors with the door shut.", 0.50),
        marking.Sentence(51, 110, "A toddler can drown in a garden pond within seconds.", 0.45),
    ]
    values = marking.scores(sentences, terms, {"riski": "safe"}, glossary.Glossary())
    assert marking.rarest_held(terms, [{"toddler"}, {"toddler", "pond"}]) == {"pond"}
    assert marking.choose(sentences, values, 0.05, 110) == [1]


def test_a_question_in_the_text_is_not_the_answer():
    terms = terms_for({"chang": "change", "rota": "rota"}, asking={"change"})
    sentences = [
        marking.Sentence(0, 40, "HOST: What did you change in the rota?", 0.6),
        marking.Sentence(41, 100, "GUEST: Weekend shifts now have two staff on the rota.", 0.5),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert values[0] < 0 and marking.choose(sentences, values, 0.05, 100) == [1]


def test_a_follow_up_marks_by_its_own_kind_of_answer():
    earlier = terms_for({"chang": "change", "rota": "rota", "sinc": "since"}, asking={"change"}, kind="")
    own = marking.asked_in(earlier, "and since when", "what did they change in the rota and since when")
    assert own.kind == "when" and own.asking == set() and own.words == earlier.words
    # a follow-up with no kind of its own keeps the earlier question's ask
    assert marking.asked_in(earlier, "and the night rota?", "what did they change ... and the night rota?") is earlier
    # a question read on its own is marked by its own terms
    assert marking.asked_in(earlier, "when did the rota change?", None) is earlier


def test_a_when_question_is_marked_at_a_point_on_the_calendar_not_a_span():
    # "when did the handbook first appear?": the line giving its date answers, not the rule
    # inside it that happens to name a span of days.
    terms = terms_for({"handbook": "handbook", "first": "first", "appear": "appear"}, kind="when")
    sentences = [
        marking.Sentence(0, 40, "First issued 3 March 2031.", 0.30),
        marking.Sentence(41, 120, "The handbook says a carer must report an injury within two days.", 0.42),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 120) == [0]
    assert marking.asks_calendar(terms)
    # "how long" asks for the span itself
    assert not marking.asks_calendar(terms_for({"long": "long", "handbook": "handbook"}, kind="when"))


def test_an_ordinal_in_the_question_is_held_by_the_numbered_label():
    # "what is the second step?": "Step 2." is the label of the answer; a "2" in a date is not.
    terms = terms_for({"second": "second", "step": "step"})
    assert marking.holds_words(terms, "Step 2.", {}, glossary.Glossary()) == {"second", "step"}
    assert "second" not in marking.holds_words(terms, "The step was taken on 2 May.", {}, glossary.Glossary())
    fourth = terms_for({"fourth": "fourth", "step": "step"})
    assert "fourth" not in marking.holds_words(fourth, "See step 4.2 below.", {}, glossary.Glossary())
    assert "fourth" in marking.holds_words(fourth, "Step 4: agree the plan.", {}, glossary.Glossary())
