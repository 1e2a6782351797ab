"""Shorthand read as the documents write it (shorthand.py): a shortened word, a section of an
Act, a quarter, "no of". The documents and questions are written for these tests, about a
fictional council."""

from __future__ import annotations

import pytest
from fastcorpus import text_index as fake_index

from assistant.answering import answertypes, evidence, glossary, initials, shorthand
from assistant.index.lexical import token_set, tokenize

DOCS = [
    "Every placement is checked by the fostering team. A placement review follows within a month. "
    "Placements out of the county need the head of service's agreement.",
    "The family meeting agrees a plan. Recommendations from the family meeting go to the "
    "panel. The panel reads the recommendations and the recommendation log.",
    "A welfare discussion is held when a carer is worried. The welfare discussion record is kept. "
    "Each welfare discussion has a chair. Lunch is served in the dining hall.",
    "Confidential notes stay locked. Confidential records are destroyed after six years. "
    "A confidential file is never emailed. Each conference has a chair, and the conference "
    "notes go out within a week; conferences are held in the town hall.",
]


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


def test_a_word_cut_short_is_the_one_index_word_it_begins():
    index = fake_index(DOCS)
    assert shorthand.truncations("how long does a plac review take", index, set()) == [("plac", "placement")]
    assert shorthand.truncations("who sees the recoms", index, set()) == [("recoms", "recommendation")]


def test_a_start_shared_by_two_words_of_the_index_is_left_alone():
    index = fake_index(DOCS)  # "conf": "confidential" (3 uses) and "conference" (3 uses)
    assert shorthand.truncations("where are conf notes kept", index, set()) == []


@pytest.mark.parametrize(
    "question",
    [
        "what is on the disc",  # an English word, after no word the documents follow with "discussion"
        "is the dining hall open",  # a word the index holds is itself
        "who chairs a welfare disc",  # an English word, after a word that is not cut short
        "what does plc mean",  # three letters begin too many words to say which
    ],
)
def test_words_that_are_not_cut_short(question):
    assert shorthand.truncations(question, fake_index(DOCS), set()) == []


def test_an_english_word_is_read_short_after_a_word_cut_short_in_a_pair_of_the_documents():
    index = fake_index(DOCS)
    got = shorthand.truncations("who chairs a welf disc", index, set())
    assert got == [("welf", "welfare"), ("disc", "discussion")]


def test_an_english_word_ending_in_s_is_not_a_plural_cut_short():
    index = fake_index(DOCS + ["The classroom door is locked at night."])
    assert shorthand.truncations("is my class open late", index, set()) == []  # "clas": "classroom"


def test_a_word_the_glossary_holds_is_not_read_as_cut_short():
    index = fake_index(DOCS)
    assert shorthand.truncations("ask the plac", index, {("plac",)}) == []


def test_the_reading_widens_the_glossary_and_holds_the_question_s_word(gloss):
    index = fake_index(DOCS)
    wide, spelled = initials.widened("how long does a plac review take", index, gloss)
    assert spelled == ["placement"] and wide.readings == {"plac": "placement"}
    group = wide.groups[-1]
    assert ("plac",) in group and tuple(tokenize("placement")) in group


@pytest.mark.parametrize("written", ["s17", "S17", "s.17", "s. 17", "section 17", "sec 17", "s17s", "S17s"])
def test_a_section_of_an_act_is_one_group_however_written(written):
    groups = shorthand.sections(f"who starts a {written} assessment")
    assert len(groups) == 1 and {"s17", "section 17"} <= set(groups[0])


@pytest.mark.parametrize("question", ["she's 15 and scared", "the class 17 register", "cases 12"])
def test_a_number_after_an_s_that_ends_a_word_is_no_section(question):
    assert shorthand.sections(question) == []


def test_a_passage_saying_section_holds_the_question_s_s_number(gloss):
    index = fake_index(DOCS)
    wide, spelled = initials.widened("who leads an s17 assessment", index, gloss)
    assert "section 17" in spelled
    group = wide.groups[-1]
    assert wide.covered_by(len(wide.groups) - 1, token_set("Under section 17 of the Act")) and ("s17",) in group


def test_a_quarter_is_one_group_however_written():
    assert shorthand.quarters("referrals in Q3 2023-24") == [["q3", "quarter 3", "third quarter"]]
    assert shorthand.quarters("the q5 figure and fq2") == []


@pytest.mark.parametrize("question", ["no of referrals last year", "the no. of visits in May"])
def test_no_of_asks_for_a_count(question):
    assert answertypes.kind(question) == "count"


@pytest.mark.parametrize("question", ["there is no of course about it", "no, of course not"])
def test_no_that_is_not_number_asks_for_no_count(question):
    assert answertypes.kind(question) != "count"


def test_sector_abbreviations_are_in_the_glossary(gloss):
    pairs = [("CP", "child protection"), ("ICPC", "initial child protection conference"), ("SW", "social worker")]
    for short, long in pairs:
        assert any(tuple(tokenize(short)) in g and tuple(tokenize(long)) in g for g in gloss.groups)


@pytest.fixture(scope="module")
def plans(build_index, make_assistant, tmp_path_factory):
    folder = tmp_path_factory.mktemp("shorthand-docs")
    (folder / "plans.md").write_text(
        "# Plans\n\nA plan starts when the team agrees it. The start date is written down. "
        "The strategy for the plan is reviewed each month, and the strategy meeting records it. "
        "A strategy is shared.\n",
        encoding="utf-8",
    )
    return make_assistant(build_index([folder], "shorthand-index")).index


def test_a_glossed_word_is_not_respelt_as_a_word_of_the_index(plans):
    # "strat" is one letter swap from "start"; read through the glossary it is "strategy".
    plain = evidence.question_terms("when does the strat end", plans, glossary.Glossary())
    wide, _ = initials.widened("when does the strat end", plans, glossary.Glossary())
    terms = evidence.question_terms("when does the strat end", plans, wide)
    assert "strat" not in plain.words  # respelt as "start"
    grouped = glossary.Glossary.from_groups([["strat", "strategy"]])
    assert "strat" in evidence.question_terms("when does the strat end", plans, grouped).words
    assert wide.readings == {"strat": "strategy"} and tokenize("strategy")[0] in terms.words


def test_what_an_abbreviation_means_is_said_only_by_a_passage_spelling_it_out(gloss):
    wide, _ = initials.widened("what does s17 mean?", fake_index(DOCS), gloss)
    spelled = shorthand.defining("what does s17 mean?", wide)
    assert spelled and any(p <= token_set("Help under section 17 of the Act is offered.") for p in spelled)
    assert not any(p <= token_set("The s17 assessment is booked for May.") for p in spelled)
    assert shorthand.defining("whats MASH stand for", gloss)


@pytest.mark.parametrize(
    "question",
    [
        "what does neglect mean",  # no glossary group: asked of the documents as any question is
        "what does keeping an open mind mean here",  # a phrase, not an abbreviation
        "what does the MASH do",  # asks what it does, not what it stands for
    ],
)
def test_other_questions_ask_for_no_spelling_out(gloss, question):
    assert shorthand.defining(question, gloss) == []


def test_a_word_in_title_case_inside_a_question_is_a_name_not_a_word_cut_short():
    index = fake_index(DOCS)
    assert shorthand.truncations("has Plac rung the team", index, set()) == []
    assert shorthand.truncations("Plac review dates", index, set()) == [("plac", "placement")]  # the first word
