"""The marked sentence: of equally rare words a yes-or-no question holds, the one fewest
sentences hold decides; a follow-up asking for the year before marks the earlier year's figure.
Questions and passages are written for these tests; no model is loaded."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import glossary, marking

pytestmark = pytest.mark.fast


def test_of_equally_rare_words_the_one_fewest_sentences_hold_is_the_key():
    # "do apprentices get the same first aid course as the crew?": "course" is as rare as
    # "apprentice" by idf, but every sentence holds it; only one names the apprentices.
    terms = terms_for({"apprentic": "apprentices", "cours": "course", "crew": "crew"}, polar=True)
    terms.weights.update({"apprentic": 3.0, "cours": 3.0, "crew": 1.5})
    held = [{"cours", "crew"}, {"cours"}, {"apprentic", "cours"}]
    assert marking.rarest_held(terms, held) == {"apprentic"}
    sentences = [
        marking.Sentence(0, 60, "Every crew member repeats the first aid course each spring.", 0.70),
        marking.Sentence(61, 110, "Managers take a longer course in autumn.", 0.40),
        marking.Sentence(111, 170, "Apprentices join the spring course in their first month.", 0.35),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 170) == [2]


@pytest.mark.parametrize(
    ("question", "earlier"),
    [
        ("and the year before that?", True),
        ("what about the previous year", True),
        ("and before that?", True),
        ("what happened before the visit?", False),
        ("and last year?", False),
    ],
)
def test_a_follow_up_asking_the_period_before_is_told(question, earlier):
    assert marking.asks_earlier(question) is earlier


def test_the_year_before_marks_the_earlier_figure():
    before = "how many calls did the helpline take last year"
    terms = terms_for({"call": "calls", "helplin": "helpline", "year": "year"}, kind="count")
    own = marking.asked_in(terms, "and the year before that?", before + " and the year before that?")
    assert own.earlier == -1  # no year was named: the latest the quote gives was the answer
    text = "In 2022 the helpline took 310 calls, up from 260 in 2021 and 200 in 2020."
    marked = marking.toward_earlier(own, text)
    assert "2021" in marked.words and "2020" not in marked.words
    start, end = marking.best_clauses(text, marked, {}, glossary.Glossary(), int(0.6 * len(text)))
    assert "260 in 2021" in text[start:end] and "310" not in text[start:end]
    # a year named before: the year before that one
    named = marking.asked_in(terms, "and the year before?", "how many calls in 2021 and the year before?")
    assert "2020" in marking.toward_earlier(named, text).words


def test_no_follow_up_no_change():
    terms = terms_for({"call": "calls"}, kind="count")
    assert marking.toward_earlier(terms, "In 2022 there were 310 calls and 260 in 2021.") is terms


def test_a_sentence_about_other_named_children_is_not_the_answer():
    # "is there to be a review of Child K?": the sentence naming only Child M and Baby R is about them
    terms = terms_for({"review": "review", "child": "Child"}, polar=True, pseudonyms=["Child K"])
    sentences = [
        marking.Sentence(0, 60, "The partnership decided a full practice review is needed.", 0.40),
        marking.Sentence(61, 140, "Reviews of Child M and of Baby R are also under way, not reported here.", 0.60),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 140) == [0]
    assert marking.other_case(terms, "Child M was seen.") and not marking.other_case(terms, "Child K and Child M met.")
    assert not marking.other_case(terms, "The review is needed.")


def test_the_share_marked_is_counted_in_visible_characters():
    # two sentences of 50 visible characters each: in a quote of 180 characters of which 80 are
    # line breaks and indentation between paragraphs, both fit by length but not by sight
    a = marking.Sentence(0, 50, "x" * 50, 0.5)
    b = marking.Sentence(130, 180, "y" * 50, 0.49)
    quote = a.text + "\n" * 80 + b.text
    assert marking.visible(quote) == 100
    assert marking.choose([a, b], [0.5, 0.49], 0.05, len(quote)) == [0, 1]
    assert marking.within_share([a, b], [0, 1], [0.5, 0.49], quote) == [0]
    assert marking.within_share([a, b], [0, 1], [0.5, 0.49], quote + "z" * 100) == [0, 1]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("did the girl ever tell anyone who took her", True),
        ("has her brother disclosed anything", True),
        ("does the leaflet say anything about ferries", False),
        ("what did it mention about ferries", False),
        ("do we tell the school first", False),
    ],
)
def test_a_question_about_what_a_person_said_is_told_from_one_about_the_text(question, said):
    assert marking.asks_said(question) is said


def test_what_a_person_said_is_answered_by_reported_speech():
    terms = marking.asked_in(
        terms_for({"girl": "girl", "took": "took"}, polar=True), "did the girl ever tell anyone who took her", None
    )
    sentences = [
        marking.Sentence(0, 50, "The girl was found at the ferry port in May.", 0.45),
        marking.Sentence(51, 110, 'The girl told a teacher that "the van man" drove her there.', 0.30),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 200) == [1]


@pytest.mark.parametrize(
    ("question", "leave"),
    [
        ("can a volunteer drive the minibus", True),
        ("are we allowed to text a parent", True),
        ("do drivers have to carry a badge", True),
        ("so is it ok to film the match", True),
        ("when was the minibus bought", False),
        ("who drives the minibus", False),
    ],
)
def test_a_question_asking_what_may_or_must_be_done_is_told(question, leave):
    assert marking.asks_leave(question) is leave


def test_what_may_be_done_is_answered_by_the_rule():
    terms = marking.asked_in(
        terms_for({"volunt": "volunteer", "minibus": "minibus"}, polar=True), "can a volunteer drive the minibus", None
    )
    sentences = [
        marking.Sentence(0, 50, "Volunteers who help on trips sign in at the minibus.", 0.50),
        marking.Sentence(51, 110, "Volunteers never drive the minibus.", 0.45),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.01, 200) == [1]


def test_a_long_sentence_is_parted_between_its_subject_and_a_predicate_with_be():
    # "is it insured under the fleet scheme?": the predicate holding the answer is marked whole
    terms = terms_for({"insur": "insured", "fleet": "fleet"}, polar=True)
    text = "Trips in the school minibus with volunteers driving are insured by the county's fleet insurance scheme."
    start, end = marking.best_clauses(text, terms, {}, glossary.Glossary(), int(0.6 * len(text)))
    assert text[start:end].startswith("are insured by the county's fleet insurance")
