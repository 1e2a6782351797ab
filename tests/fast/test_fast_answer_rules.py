"""The answering rules that need no model: which question words a reader is told are missing,
which are the question's verb, and the proper nouns a quote must name (issue: answers that hold
on documents nobody tuned them to). Every question and passage here is written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

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
    assert evidence.missing(terms, ["Nothing here."], gloss) == ["reviews"]  # a count's "figures": its answer


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
    assert answertypes.kind("phone number for the duty team") == "phone"  # a number to ring, not a count


def test_how_often_long_or_soon_is_how_it_asks_never_missing(index, gloss):
    for question, word in [
        ("How often did newly qualified social workers get supervision?", "often"),
        ("how long does a review take", "long"),
        ("How soon must the school be told?", "soon"),
    ]:
        terms = evidence.question_terms(question, index, gloss)
        assert word not in evidence.missing(terms, ["Nothing about that here."], gloss)


def test_a_word_typed_wrong_is_read_as_the_documents_word(index, gloss):
    terms = evidence.question_terms("What did the review say about profesional curiousity?", index, gloss)
    assert terms.words == {"profession": "profesional", "curios": "curiousity"}  # the reader's spelling
    assert set(terms.extra) & {"profession", "curios"}
    assert evidence.missing(terms, [index.documents["riverside-review"].text], gloss) == []


def test_a_name_is_never_respelt(index, gloss):
    """Riverbank is not Riverside: a town the documents do not name stays missing."""
    terms = evidence.question_terms("How many reviews did Riversid complete?", index, gloss)
    assert "riversid" in terms.words and "riversid" in terms.propers


def test_the_sentence_stating_what_is_asked_is_marked_not_the_one_describing_the_topic():
    from assistant.answering import marking

    terms = terms_for({"chair": "chairs", "nation": "national", "panel": "panel"}, asking={"chairs"}, kind="who")
    sentences = [
        marking.Sentence(0, 60, "An independent national panel that looks at serious cases.", 0.48),
        marking.Sentence(61, 88, "Its chair is Annie Hudson.", 0.27),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 88) == [1]


def test_a_lead_in_without_its_list_is_never_the_answer():
    from assistant.answering import marking

    terms = terms_for({"theme": "themes", "practic": "practice"})
    sentences = [
        marking.Sentence(0, 40, "Reviews were read closely this year.", 0.2),
        marking.Sentence(41, 90, "The reviews show six key practice themes:", 0.7),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert values[1] < 0 and marking.choose(sentences, values, 0.05, 90) == [0]


def test_a_quote_of_one_long_sentence_marks_at_most_sixty_per_cent_of_it():
    from assistant.answering import marking

    text = (
        "In 2032 the partnership ran twelve workshops for independent reviewers on writing short, "
        "readable reviews that families can understand."
    )
    terms = terms_for({"workshop": "workshops", "review": "reviewers"}, kind="count")
    a, b = marking.best_clauses(text, terms, {}, glossary.Glossary(), int(0.6 * len(text)))
    assert b - a <= 0.6 * len(text)
    assert "twelve workshops" in text[a:b]


def test_a_number_that_labels_is_not_a_count():
    tokens = "the level 2 course and edition 3 of the guide".split()
    assert not answertypes.any_figure(tokens)
    assert answertypes.any_figure("the course has 24 places".split())


def test_how_much_it_costs_is_answered_by_money_only():
    assert answertypes.kind("How much does the neglect training cost?") == "money"
    assert not answertypes.satisfied("money", "The level 2 course runs for 24 people.", [])
    assert answertypes.satisfied("money", "Places cost £45 for agencies outside the partnership.", [])
    assert answertypes.satisfied("money", "The course is free to partner agencies.", [])
    assert answertypes.kind("How many places are there?") == "count"
