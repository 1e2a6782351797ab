"""The answering rules that need no model: which question words a reader is told are missing,
which are the question's verb, and the proper nouns a quote must name (issue: answers that hold
on documents nobody tuned them to). Every question and passage here is written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes, evidence, glossary


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("What will the Panel focus on over the next year?", "focus"),
        ("How many key messages does the chair highlight?", "highlight"),
        ("How did the pandemic affect services in 2020?", "affect"),
        ("How does domestic abuse affect children?", "affect"),
        ("Does serious harm include emotional development?", "include"),
        ("What counts as serious harm?", "counts"),
        ("How long have weak plans been holding back the work?", "holding"),
        ("Who should assess a non-mobile baby with bruising?", "assess"),
        ("Does the 2019 edition mention drift in long-term neglect?", "mention"),
        ("Which professions do Panel members come from?", "come"),
    ],
)
def test_the_verb_of_a_question_is_found(question, verb):
    assert verb in answertypes.verb_slots(question)


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How does domestic abuse affect children?", "abuse"),
        ("Does serious harm include emotional development?", "harm"),
        ("How many key messages does the chair highlight?", "chair"),
        ("What reviews were published in 2020?", "reviews"),
        ("Does the 2019 edition mention drift in long-term neglect?", "drift"),
        ("What is the deadline for a notification?", "deadline"),
    ],
)
def test_what_a_question_is_about_is_not_its_verb(question, noun):
    assert noun not in answertypes.verb_slots(question)


def test_the_verb_of_a_question_is_never_listed_missing(index, gloss):
    terms = evidence.question_terms("What will the lodger focus on?", index, gloss)
    assert evidence.missing(terms, ["Nothing about that here."], gloss) == ["lodger"]


def test_everyday_words_are_never_listed_missing(index, gloss):
    terms = evidence.question_terms(
        "Roughly how many reviews were kept between the years, going by its figures?", index, gloss
    )
    assert evidence.missing(terms, ["Nothing here."], gloss) == ["reviews", "figures"]


def test_a_hyphenated_word_is_not_missing_when_part_of_it_is_held(index, gloss):
    terms = evidence.question_terms("Is co-sleeping on a sofa dangerous?", index, gloss)
    assert evidence.missing(terms, ["Sleeping with a baby on a sofa is dangerous."], gloss) == []
    terms = evidence.question_terms("Which long-standing problems remain?", index, gloss)
    assert "standing" not in evidence.missing(terms, ["Problems remain."], gloss)


def test_a_place_named_elsewhere_in_the_documents_must_be_in_the_passage(assistant, index, gloss):
    """Northshire is in the index (its bulletin), but not in the Riverside review on curiosity."""
    from assistant.answering.retrieval import hybrid

    question = "How did Northshire practitioners show professional curiosity?"
    terms = evidence.question_terms(question, index, gloss)
    assert "northshir" in terms.propers
    found = evidence.assess(terms, hybrid(index, assistant.encoder.encode_query(question), question), index, gloss)
    curiosity = [c for c in found if "curiosity" in c.tokens or "curios" in c.tokens]
    assert curiosity and not any(c.admissible for c in curiosity)


@pytest.mark.parametrize(
    ("question", "verb"),
    [("Why didnt the DSL spot the pattern?", "spot"), ("Why don't schools share the plan?", "share")],
)
def test_a_negated_auxiliary_typed_any_way_still_finds_the_verb(question, verb):
    assert verb in answertypes.verb_slots(question)


def test_a_count_frame_is_how_it_asks(index, gloss):
    assert answertypes.kind("max number of places on the course") == "count"
    assert {"max", "number"} <= answertypes.asking_words("max number of places on the course")
    assert "proportion" in answertypes.asking_words("what proportion of families missed a contact?")
    assert answertypes.kind("phone number for the duty team") == ""


def test_a_word_typed_wrong_is_read_as_the_documents_word(index, gloss):
    terms = evidence.question_terms("What did the review say about profesional curiousity?", index, gloss)
    assert terms.words == {"profession": "profesional", "curios": "curiousity"}  # the reader's spelling
    assert set(terms.extra) & {"profession", "curios"}
    assert evidence.missing(terms, [index.documents["riverside-review"].text], gloss) == []


def test_a_name_is_never_respelt(index, gloss):
    """Riverbank is not Riverside: a town the documents do not name stays missing."""
    terms = evidence.question_terms("How many reviews did Riversid complete?", index, gloss)
    assert "riversid" in terms.words and "riversid" in terms.propers
