"""The marked sentence keeps the time or figure asked for: a time written as a point in a span
("by the 12th week") or as "the same day" is a time, and "what share of" asks for a figure, so
the word "share" is not a verb a sentence must hold. Every question and passage here is written
for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import evidence, glossary, marking


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("The review meeting is held by the 12th week of the placement.", True),
        ("Parents are phoned on the second working day of an absence.", True),
        ("The carer is told on the same day.", True),
        ("A decision follows the next working day.", True),
        ("The first time a carer calls, the duty worker answers.", False),  # not a span's unit
        ("Files are kept on the 3rd floor.", False),
        ("The same team visits again.", False),
    ],
)
def test_a_point_counted_in_a_span_is_a_time(text, time):
    assert evidence.gives_time(text) is time


def test_a_when_keeps_the_sentence_that_says_the_same_day():
    # "when is the carer told a placement has ended?": the best sentence says "the same day";
    # it must not be swapped for its neighbour's span of days.
    terms = terms_for({"carer": "carer", "told": "told", "placement": "placement"}, kind="when")
    sentences = [
        marking.Sentence(0, 60, "A placement review is held within ten working days of a move.", 0.4),
        marking.Sentence(61, 120, "When a placement ends, the carer is told on the same day.", 0.7),
    ]
    assert marking.with_value(sentences, [1], terms, 120) == [1]


def test_what_share_of_asks_for_a_figure_not_for_the_word_share():
    # "what share of March's calls came from GPs?"
    terms = terms_for({"march": "march", "call": "calls", "came": "came", "gp": "gps"}, kind="count", asking={"share"})
    sentences = [
        marking.Sentence(0, 55, "GPs made 21 per cent of the calls in March.", 0.7),
        marking.Sentence(56, 120, "The share of visits made within a week rose to 80 per cent.", 0.2),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 120) == [0]


@pytest.mark.parametrize(
    ("question", "whom"),
    [
        ("who do we ring about a missing pupil", True),
        ("Who should I contact?", True),
        ("who do I need to tell", True),
        ("who can you report it to", True),
        ("who reports to the trustees?", False),  # asks for a person
        ("who chairs the board", False),
    ],
)
def test_a_who_asking_whom_to_get_in_touch_with_is_told_apart(question, whom):
    assert marking.asks_whom(question) is whom


def test_who_do_i_tell_marks_the_quotes_contact_wherever_it_is():
    # "who do I tell about a lost key?": the sentence closest in words describes the topic; the
    # contact two sentences before it answers.
    terms = marking.asked_in(terms_for({"lost": "lost", "key": "key"}, kind="who"), "who do I tell about it", None)
    sentences = [
        marking.Sentence(0, 40, "Email the site team at site@example.org.", 0.3),
        marking.Sentence(41, 80, "Keys are signed out at reception.", 0.4),
        marking.Sentence(81, 200, "A lost key is a security risk for the whole building and is logged.", 0.7),
    ]
    assert marking.with_value(sentences, [2], terms, 200) == [0]
    asked = marking.asked_in(terms_for({"lost": "lost", "key": "key"}, kind="who"), "who logs a lost key", None)
    assert marking.with_value(sentences, [2], asked, 200) == [2]


def test_in_a_case_the_words_naming_the_child_do_not_choose_the_sentence():
    # "did the nurse visit the little girl, Child M?" in a quote about Child M
    terms = terms_for(
        {"nurs": "nurse", "visit": "visit", "littl": "little", "girl": "girl", "child": "child", "m": "m"}
    )
    terms.weights.update({"nurs": 2.0, "visit": 2.0, "littl": 4.0, "girl": 4.0, "child": 0.5, "m": 3.0})
    text = "Child M, a girl of two, lived with her aunt. The nurse visited twice in May."
    own = marking.without_the_case(terms, text)
    assert set(own.words) == {"nurs", "visit"} and set(own.weights) == {"nurs", "visit"}
    # a quote naming no child of a case keeps every word ("are babies seen at home?")
    assert marking.without_the_case(terms, "Babies are seen at home by the nurse.") is terms
    # a question asking only about the child keeps its words ("who is Child M?")
    only = terms_for({"child": "child", "m": "m"})
    assert marking.without_the_case(only, text) is only


@pytest.mark.parametrize(
    ("question", "sequel"),
    [
        ("what happened to the girl after the home visit", True),
        ("What did the nursery do next?", True),
        ("what happens after a strategy meeting?", True),
        ("what happened at the home visit", False),
        ("what did the audit find after all", False),
    ],
)
def test_a_question_about_what_followed_is_told_apart(question, sequel):
    assert marking.asks_sequel(question) is sequel


def test_what_happened_after_marks_the_sentence_after_the_event():
    terms = marking.asked_in(
        terms_for({"visit": "visit", "cancel": "cancelled"}), "what happened after the visit was cancelled", None
    )
    sentences = [
        marking.Sentence(0, 60, "The home visit on Monday was cancelled by the family at short notice.", 0.7),
        marking.Sentence(61, 120, "Two days later the girl was seen at the walk-in centre.", 0.3),
        marking.Sentence(121, 300, "The review found that nobody had followed the cancellation up. " * 2, 0.2),
    ]
    assert marking.then_next(sentences, [0], terms, 300) == [0, 1]
    assert marking.then_next(sentences, [0], terms, 150) == [1]  # both would mark too much of the quote
    plain = marking.asked_in(terms_for({"visit": "visit"}), "why was the visit cancelled", None)
    assert marking.then_next(sentences, [0], plain, 300) == [0]


TABLE = (
    "| Item | Q3 2023 | Q3 2024 | | --- | --- | --- | | Calls to the helpline | 410 | 455 | "
    "| Calls answered within a minute | 80% | 85% | | Home visits (end of quarter) | 61 | 66 | "
    "| Visits to the drop-in | 120 | 131 |"
)


def test_a_table_read_as_one_sentence_is_marked_by_one_row_read_with_its_header():
    # "how many calls this quarter against last year?": the header's "Q3" says quarter for
    # every row, so the calls row answers, not the row saying "end of quarter".
    terms = terms_for({"call": "calls", "quarter": "quarter", "year": "year"}, kind="count")
    terms.weights.update({"call": 1.5, "quarter": 2.5, "year": 2.0})
    a, b = marking.best_row(TABLE, terms, {}, glossary.Glossary(), 200)
    # both rows about calls hold every word; the longer of equals is marked, one row only
    assert TABLE[a:b] == "| Calls answered within a minute | 80% | 85% |"
    # not a table: left to the clauses
    assert marking.best_row("Calls rose, and visits fell.", terms, {}, glossary.Glossary(), 200) is None


def test_a_quarter_label_holds_the_word_quarter():
    terms = terms_for({"quarter": "quarter", "visit": "visits"})
    assert "quarter" in marking.holds_words(terms, "| Visits | Q1 | Q2 |", {}, glossary.Glossary())
    assert "quarter" not in marking.holds_words(terms, "Visits rose in Q5 of the plan.", {}, glossary.Glossary())


def test_an_acronym_in_a_sentence_holds_the_words_of_its_long_form():
    gloss = glossary.Glossary.from_groups([["LAC", "looked after child"]])
    terms = terms_for({"look": "looked", "nurs": "nurse"})
    assert marking.acronyms_held(terms, "LAC nurse | Pat Kim | Ext 12", gloss) == {"look"}
    assert marking.acronyms_held(terms, "The nurse | Pat Kim | Ext 12", gloss) == set()


def test_a_table_row_is_about_its_label():
    # "who are the assistant managers?": "Assistant manager | ..." answers, not the row whose
    # manager is somebody's assistant in its value cell.
    terms = terms_for({"assist": "assistant", "manag": "managers"}, kind="who")
    terms.weights.update({"assist": 2.0, "manag": 1.0})
    g = glossary.Glossary()
    label = marking.words_share(terms, "Assistant manager | Jo Park | Ext 3", {}, g)
    value = marking.words_share(terms, "Manager | Sam Lowe, assistant to the board | Ext 1", {}, g)
    assert label > value
    # not a row: every word counts in full
    assert marking.words_share(terms, "The manager's assistant is Sam Lowe.", {}, g) == pytest.approx(1.0)
