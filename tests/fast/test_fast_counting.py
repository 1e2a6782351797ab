"""Which words of a count question say which things it counts (figures.which_counted): a quote
lacking one of those is a figure of something else; one lacking a word of who asks, of where to
look or of when is still the figure asked for. Questions written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import evidence, figures, glossary


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # who asks and why, before the count
        (
            "As a school librarian, how many pupils joined the reading club?",
            {"pupils", "reading", "club"},
            {"librarian"},
        ),
        ("For my handout: how many foster homes opened in Ashby?", {"foster", "homes", "ashby"}, {"handout"}),
        # when, in a clause of its own
        ("how many calls did the line take before the helpers were trained", {"calls", "line"}, {"helpers", "trained"}),
        # where to look: a phrase naming the documents
        ("how many families moved away in the 2031 yearly report cases", {"families", "moved"}, {"cases", "yearly"}),
        # how: the verb after a pronoun, the counted things being its object
        ("how many warnings it needs before the club acts", {"warnings"}, {"needs", "acts"}),
        # what is asked of them stays: "were about bullying"
        ("How many of the club's complaints were about bullying?", {"complaints", "bullying"}, set()),
        # a partitive lead names them before the frame
        ("Of the pupils in the choir, how many were under ten?", {"pupils", "choir", "ten"}, set()),
    ],
)
def test_the_words_saying_which_things_a_count_counts(question, said, not_said):
    which = figures.which_counted(question)
    assert which is not None
    assert said <= which
    assert not (not_said & which)


def test_a_question_counting_nothing_has_no_such_words():
    assert figures.which_counted("Who runs the reading club?") is None


def test_a_count_lacking_a_word_of_who_asks_is_still_answered(index, gloss):
    terms = evidence.question_terms("As a school librarian, how many pupils joined the reading club?", index, gloss)
    assert not evidence.holds_too_little(terms, ["librarian"])
    assert evidence.holds_too_little(terms, ["club"])  # the figure is of another club's pupils


def test_a_count_lacking_a_word_of_the_document_phrase_is_still_answered(index, gloss):
    terms = evidence.question_terms("how many families moved away in the 2031 yearly report cases", index, gloss)
    assert not evidence.holds_too_little(terms, ["cases"])
    assert evidence.holds_too_little(terms, ["families"])


def test_the_key_word_is_what_is_asked_about_not_a_figure_in_words_or_an_adverb():
    """The key (the rarest word the index holds) is weighed as what the question is about."""
    first = {"seven": "seven", "hundr": "hundred", "visit": "visits", "quick": "quickly"}
    df = {"seven": 1, "hundr": 1, "visit": 9, "quick": 2}
    assert evidence.key_of(first, df) == "visit"
    assert evidence.key_of({"seven": "seven"}, {"seven": 1}) == "seven"  # nothing else to weigh
    # an everyday word that can be no noun ("after") is not the topic; an everyday noun can be
    assert evidence.key_of({"after": "after", "club": "club"}, {"after": 1, "club": 5}) == "club"
    assert evidence.key_of({"half": "half", "term": "term"}, {"half": 1, "term": 5}) == "half"


def test_looked_after_is_no_clause_of_time():
    which = figures.which_counted("what share of the club's members were looked after children")
    assert which is not None and {"looked", "after", "children"} <= which


@pytest.mark.parametrize(
    ("question", "lead", "counted"),
    [
        ("For young carers, how many breaks were booked?", {"young", "carers"}, True),
        ("In the choir, how many pupils sang?", {"choir"}, True),
        ("For my poster: how many breaks were booked?", {"poster"}, False),
    ],
)
def test_a_leading_phrase_with_a_comma_names_the_counted_a_label_with_a_colon_does_not(question, lead, counted):
    which = figures.which_counted(question)
    assert which is not None
    assert (lead <= which) is counted


def test_before_a_period_says_which_before_a_clause_says_when():
    assert "holidays" in figures.which_counted("how many calls came in before the holidays")
    assert "helpers" not in figures.which_counted("how many calls came in before they trained helpers")


def test_an_ordinal_of_the_unit_counted_answers_how_many_of_it():
    from assistant.answering import answertypes as at
    from assistant.answering.evidence import word_stems

    def holds(sentence: str, unit: str) -> bool:
        tokens = list(word_stems(sentence)[0])
        return at.satisfied("count", sentence, tokens, [t == unit for t in tokens], 10)

    assert holds("The review meeting takes place by the 12th week of the placement.", "week")
    assert holds("Visits continue until the third month.", "month")
    assert not holds("The 3rd review looked at every week of the placement.", "week")


def test_what_is_counted_is_read_as_its_other_words_are(index, gloss):
    terms = evidence.question_terms("for a looked after child, how many wks until the review", index, gloss)
    assert "week" in terms.target
