"""The marked sentence, by structure: a table's row read with its header; a count answered by a
figure of what it counts (not the question's own figure, an ordinal or an age); the numbered item
a question names; a follow-up marked by its own words; "figures" asks for a figure, it is no
verb. Questions and passages are written for these tests; no model is loaded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from meaning_docs import terms_for

from assistant.answering import cues, glossary, marking

pytestmark = pytest.mark.fast


def sentences_of(texts: list[str], sims: list[float]) -> list[marking.Sentence]:
    out, at = [], 0
    for text, sim in zip(texts, sims, strict=True):
        out.append(marking.Sentence(at, at + len(text), text, sim))
        at += len(text) + 1
    return out


def test_a_row_is_read_with_its_header():
    texts = ["Term | Visits | Calls", "Autumn | 40 | 12", "Spring | 35 | 9", "Summer | 22 | 7"]
    assert cues.headings(texts) == ["", texts[0], texts[0], texts[0]]
    # a quote beginning below the header: its first row holds figures, it is no header
    assert cues.headings(["Autumn | 40 | 12", "Spring | 35 | 9"]) == ["", ""]
    assert cues.headings(["Visits went up.", "Term | Visits"]) == ["", ""]


def test_how_many_in_a_term_marks_that_terms_row_not_the_prose_about_it():
    # "how many visits in spring": the row under the "Visits" heading, not a sentence that
    # names visits and spring without a figure
    terms = terms_for({"visit": "visits", "spring": "spring"}, kind="count", target={"visit"})
    texts = [
        "Term | Visits | Calls",
        "Autumn | 40 | 12",
        "Spring | 35 | 9",
        "Visits were fewest in the spring, when the team was short of staff.",
    ]
    values = marking.scores(sentences_of(texts, [0.5, 0.4, 0.4, 0.55]), terms, {}, glossary.Glossary())
    assert max(range(4), key=lambda i: values[i]) == 2


def test_the_questions_own_figure_is_no_answer():
    # "of the twelve audits, how many found gaps": "twelve audits were done" restates it
    terms = terms_for({"audit": "audits", "gap": "gaps"}, kind="count", target={"gap"}, given=frozenset({"12"}))
    assert cues.only_given(terms, "Twelve audits were done in the year.")
    assert not cues.only_given(terms, "Five of them found gaps in recording.")
    assert cues.counted(terms, "Five of them found gaps in recording.", "", {}, glossary.Glossary())


def test_ordinals_and_ages_count_nothing():
    terms = terms_for({"visit": "visits"}, kind="count", target={"visit"})
    g = glossary.Glossary()
    assert not cues.counted(terms, "Visits peaked in the second month of the year.", "", {}, g)
    assert not cues.counted(terms, "The visit to a boy of 14, who lived alone, was late.", "", {}, g)
    assert cues.counted(terms, "The team made 14 visits that month.", "", {}, g)


def test_the_asked_count_beats_another_figure_of_the_quote():
    terms = terms_for({"inspect": "inspections", "year": "year"}, kind="count", target={"inspect"})
    texts = [
        "Each inspection must be written up within ten working days of the visit.",
        "This year the service completed six inspections, all on time.",
    ]
    values = marking.scores(sentences_of(texts, [0.5, 0.3]), terms, {}, glossary.Glossary())
    assert values[1] > values[0]


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        ("what happens at stage two?", {"stage": {"2"}}),
        ("remind me of step 3 or 4", {"step": {"3", "4"}}),
        ("what is the second phase", {"phase": {"2"}}),
        ("we visited two of them", {}),
    ],
)
def test_numbered_items_a_question_names(question, labels):
    assert {k: set(v) for k, v in cues.asked_labels(question).items()} == labels


def test_the_named_item_is_marked_not_its_siblings():
    terms = terms_for({"phase": "phase", "two": "two", "call": "call"}, asking={"call"})
    terms = replace(terms, labelled=cues.asked_labels("what is phase two, when do we call?"))
    texts = [
        "Phase 1: the keyworker visits the home and writes a plan.",
        "Phase 2: the keyworker meets the family with the school.",
        "Phase 3: the keyworker calls the duty team.",
    ]
    values = marking.scores(sentences_of(texts, [0.5, 0.4, 0.5]), terms, {}, glossary.Glossary())
    assert max(range(3), key=lambda i: values[i]) == 1
    # a document's ordinal is about order or time, not an item's label
    assert cues.label_values({"year": frozenset({"1"})}, ["In the first year the team grew.", "Other text."]) == [0, 0]


def test_a_follow_up_is_marked_by_its_own_words():
    terms = terms_for({"visit": "visits", "autumn": "autumn", "summer": "summer"})
    marked = marking.marked_terms(terms, "and summer?", "how many visits in autumn and summer?")
    assert marked.weights["summer"] >= marked.weights["visit"] + marked.weights["autumn"] - 1e-9
    alone = marking.marked_terms(terms, "how many visits in autumn and summer?", None)
    assert alone.weights == terms.weights


def test_figures_asks_for_a_figure_it_is_no_verb():
    # "deaths in 2019 panel figures": the sentence with the figure, not those saying "figures"
    terms = terms_for({"death": "deaths", "figur": "figures"}, kind="count", asking={"figures"}, target={"death"})
    texts = [
        "There were 31 deaths that year across the region.",
        "Our figures are not the same as the national figures.",
    ]
    values = marking.scores(sentences_of(texts, [0.5, 0.45]), terms, {}, glossary.Glossary())
    assert values[0] > values[1]


def test_a_figure_in_per_cent_holds_a_questions_percentage():
    terms = terms_for({"truanc": "truancy", "percentag": "percentage"})
    assert marking.parts_held(terms, "Truancy was the reason for 12% of them.") == {"percentag"}
    assert marking.parts_held(terms, "Truancy was the reason for twelve of them.") == set()
    texts = ["Truancy was the reason in 12 per cent of cases."]
    assert cues.parts_given(["percentage", "truancy"], texts) == {"percentage"}
    assert cues.parts_given(["percentage"], ["Truancy fell in the year."]) == set()


def test_the_town_of_the_document_does_not_choose_the_sentence():
    # "do nurses in Brackwell weigh babies at the two-year visit?", from a Brackwell document:
    # the one sentence repeating the town is not therefore the answer
    terms = terms_for({"nurs": "nurses", "brackwel": "brackwell", "weigh": "weigh"}, propers={"brackwel"})
    dropped = cues.without_the_setting(terms, "Brackwell health partnership annual report")
    assert set(dropped.words) == {"nurs", "weigh"} and "brackwel" not in dropped.weights
    assert cues.without_the_setting(terms, "A report from another town").words == terms.words
    alone = terms_for({"brackwel": "brackwell"}, propers={"brackwel"})
    assert cues.without_the_setting(alone, "Brackwell report").words == alone.words


def test_an_opening_condition_that_restates_the_case_is_not_the_answer():
    # "how do I report a lost laptop with pupil data?": the condition repeats the question,
    # what to do follows it
    text = (
        "If a laptop holding pupil data is lost, ring the data protection officer on extension 4410, "
        "and they will log it with the regulator if needed."
    )
    terms = terms_for({"laptop": "laptop", "pupil": "pupil", "data": "data", "lost": "lost"})
    a, b = marking.best_clauses(text, terms, {}, glossary.Glossary(), int(0.6 * len(text)))
    assert "extension 4410" in text[a:b] and not text[a:b].startswith("If")
    # a condition that is the definition asked for: the clause after it names the thing itself
    text = (
        "If a relative other than a parent looks after a child for more than a month, this is called "
        "kinship care, and the school should be told."
    )
    terms = terms_for({"kinship": "kinship", "care": "care"})
    a, b = marking.best_clauses(text, terms, {}, glossary.Glossary(), int(0.6 * len(text)))
    assert "kinship care" in text[a:b]


def test_a_follow_ups_everyday_words_are_not_what_it_names():
    # "what if she can't make it?": "she" and "make" name nothing; the earlier words stay
    terms = terms_for({"midwif": "midwife", "visit": "visit", "she": "she", "make": "make"})
    marked = marking.marked_terms(
        terms, "what if she can't make it?", "does the midwife visit? what if she can't make it?"
    )
    assert marked.weights == terms.weights
