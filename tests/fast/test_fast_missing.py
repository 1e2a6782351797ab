"""Which question words a reader is told are missing: only what the question is about and no
shown quote holds. Each class of word that was listed on right answers has a test here, with a
case where the word truly is missing and must stay listed. Every question and passage is
written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from meaning_docs import terms_for

from assistant.answering import evidence, glossary


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


class TableVectors:
    """Word vectors from a table (unit vectors; a word not in it is orthogonal to every other)."""

    def __init__(self, table: dict[str, list[float]]):
        self.table = {w: np.asarray(v, dtype=np.float32) / np.linalg.norm(v) for w, v in table.items()}
        self.size = 8

    def _vec(self, word: str) -> np.ndarray:
        if word not in self.table:
            v = np.zeros(self.size, dtype=np.float32)
            v[2 + len(self.table) % (self.size - 2)] = 1.0
            self.table[word] = v
        return self.table[word]

    def of(self, words) -> dict[str, np.ndarray]:
        return {w: self._vec(w) for w in words}

    def known(self, words, budget=64):
        return lambda ws: ws

    def matrix(self, words):
        return np.stack([self._vec(w) for w in words]), np.zeros(len(words), dtype=np.float32)


def test_an_abbreviation_the_quote_spells_out_is_not_missing(gloss):
    terms = terms_for({"ldo": "ldo", "visit": "visit"})
    shown = ["The local designated officer will visit the family within a week."]
    assert evidence.missing(terms, shown, gloss) == []
    assert evidence.missing(terms, ["An officer will visit the family."], gloss) == ["ldo"]


def test_an_english_word_is_never_read_as_an_abbreviation(gloss):
    terms = terms_for({"ear": "ear"})
    assert evidence.missing(terms, ["Every adult records it."], gloss) == ["ear"]


def test_another_form_of_the_same_word_is_not_missing(gloss):
    terms = terms_for({"largest": "largest", "group": "group"})
    assert evidence.missing(terms, ["Toddlers were a large group in the figures."], gloss) == []
    # A lemma of another shape ("worst": bad, ill) is another word.
    terms = terms_for({"worst": "worst"})
    assert evidence.missing(terms, ["The baby was ill."], gloss) == ["worst"]


def test_a_word_of_the_same_root_and_meaning_is_not_missing_whatever_the_documents_prefer(gloss):
    vectors = TableVectors({"visitors": [1, 0, 0, 0, 0, 0, 0, 0], "visiting": [0.8, 0.6, 0, 0, 0, 0, 0, 0]})
    # The documents use "visitors" often: matching by meaning alone would not take "visiting".
    terms = terms_for({"visitor": "visitors"}, df=lambda stem: 50)
    assert evidence.missing(terms, ["Every health visiting team runs a clinic."], gloss, vectors) == []
    # Same first letters, another meaning: "partners" are not a "part".
    terms = terms_for({"partner": "partners"}, df=lambda stem: 50)
    vectors = TableVectors({"partners": [1, 0, 0, 0, 0, 0, 0, 0], "part": [0, 1, 0, 0, 0, 0, 0, 0]})
    assert evidence.missing(terms, ["Only part of the record was read."], gloss, vectors) == ["partners"]


@pytest.mark.parametrize(
    ("words", "kind", "given", "absent"),
    [
        (
            {"deadlin": "deadline", "plan": "plan"},
            "",
            "The plan must be agreed within ten working days.",
            "The plan is agreed by the board.",
        ),
        (
            {"phone": "phone", "duti": "duty"},
            "",
            "Ring the duty desk on 01632 960 555.",
            "The duty desk answers calls.",
        ),
        (
            {"respons": "responsible", "plan": "plan"},
            "who",
            "The designated nurse owns the plan.",
            "The plan is written down.",
        ),
    ],
)
def test_the_kind_of_value_asked_for_is_held_by_a_value_of_that_kind(gloss, words, kind, given, absent):
    terms = terms_for(words, kind=kind)
    assert evidence.missing(terms, [given], gloss) == []
    assert evidence.missing(terms, [absent], gloss) == [next(iter(words.values()))]


def test_a_value_without_the_topic_is_still_too_little(gloss):
    """A quote with a date but nothing of what the deadline is for is refused, as before."""
    terms = terms_for({"deadlin": "deadline", "foster": "fostering"})
    missing = evidence.missing(terms, ["The board meets within ten working days."], gloss)
    assert missing == ["fostering"]
    assert evidence.holds_too_little(terms, missing)
    terms = terms_for({"phone": "phone"})
    missing = evidence.missing(terms, ["The duty desk answers calls."], gloss)
    assert missing == ["phone"] and evidence.holds_too_little(terms, missing)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Did anybody from the school see the boy?", "anybody"),
        ("What went wrong with the referral?", None),
        ("What was wrong with the referral?", "wrong"),
        ("What is different about the new form?", "different"),
        ("What happens when a family changes doctor?", "changes"),
        ("What else usually comes up in such cases?", "comes"),
        ("Which months does the audit of the clinic cover?", "cover"),
    ],
)
def test_words_that_say_how_a_question_asks_are_frame_words(question, word):
    frames = evidence.frame_words(question)
    assert (word in frames) if word else not frames


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("What does the leaflet say about babies?", "babies"),
        ("What are the school changes?", "changes"),
        ("What did the lodger say about services?", "services"),
        ("Who is the named nurse?", "named"),
        ("What does the partnership do about neglect?", "neglect"),
        ("What does the leaflet say about domestic abuse?", "abuse"),
    ],
)
def test_what_a_question_is_about_is_never_a_frame_word(question, noun):
    assert noun not in evidence.frame_words(question)


def test_frame_words_are_never_listed_missing_but_the_topic_is(index, gloss):
    terms = evidence.question_terms("Did anybody from the lodge see the boy's tutor?", index, gloss)
    missing = evidence.missing(terms, ["Nothing about that here."], gloss)
    assert "anybody" not in missing and "tutor" in missing and "lodge" in missing


# ---- the answering sentence


def sentences_of(parts: list[str], sims: list[float], seps: list[str] | None = None):
    """Sentences of a text made of ``parts`` joined by ``seps`` (a space each by default)."""
    from assistant.answering import marking

    seps = seps or [" "] * (len(parts) - 1)
    text, out = "", []
    for k, (part, sim) in enumerate(zip(parts, sims, strict=True)):
        text += seps[k - 1] if k else ""
        out.append(marking.Sentence(len(text), len(text) + len(part), part, sim))
        text += part
    return out, text


def test_a_deadline_is_marked_where_the_quote_gives_the_date():
    from assistant.answering import marking

    terms = terms_for({"deadlin": "deadline", "audit": "audit"})
    sents, text = sentences_of(
        [
            "The board should run a yearly audit of closed cases across all agencies in the area.",
            "Lead: the named nurse.",
            "It should be running by October 2031.",
            "Schools keep their own list of children who have left during the year, and check it every term.",
        ],
        [0.7, 0.2, 0.2, 0.1],
    )
    assert marking.with_value(sents, [0], terms, len(text)) == [0, 2]
    # No time anywhere: the best sentence stays the only one.
    terms = terms_for({"deadlin": "deadline", "audit": "audit"})
    assert marking.with_value(sents[:2], [0], terms, sents[1].end) == [0]


def test_the_sentence_after_the_one_naming_the_topic_is_marked_with_it():
    from assistant.answering import marking

    parts = [
        "Finding two.",
        "The sleep leaflet was never handed out.",
        "Midwives said they had thought it was for health visitors to give.",
        "Finding three.",
        "Nobody asked about the flat, which was cold and damp, or about who else stayed there at weekends.",
    ]
    sims = [0.0, 0.7, 0.2, 0.0, 0.1]
    terms = terms_for({"leaflet": "leaflet"})
    sents, text = sentences_of(parts, sims)
    assert marking.with_next(sents, [1], terms, text, len(text)) == [1, 2]
    # A new paragraph is another point.
    sents, text = sentences_of(parts, sims, [" ", "\n\n", " ", " "])
    assert marking.with_next(sents, [1], terms, text, len(text)) == [1]


def test_a_sentence_that_names_the_person_asked_for_is_marked_alone():
    from assistant.answering import marking

    sents, text = sentences_of(
        [
            "The clinic is run by Dr Amara Osei, the trust's named doctor.",
            "She sees families on Tuesdays.",
            "Referrals come through the health visiting team and the school nurses of the three towns.",
        ],
        [0.7, 0.3, 0.1],
    )
    terms = terms_for({"run": "runs", "clinic": "clinic"}, kind="who")
    assert marking.with_next(sents, [0], terms, text, len(text)) == [0]


def test_what_something_is_called_is_marked_where_it_is_named():
    from assistant.answering import marking

    sents, text = sentences_of(
        [
            "The partnership's yearly report, published in June 2030, puts the care of teenagers first.",
            "In May it began a local review called Nobody Asked Me.",
        ],
        [0.7, 0.4],
    )
    terms = terms_for({"review": "review", "local": "local"}, kind="name")
    # Both sentences are more than 60% of the quote: the one giving the name is marked alone.
    assert marking.with_value(sents, [0], terms, len(text)) == [1]


def test_the_unit_of_a_length_held_another_way_is_not_missing(gloss):
    # "12 months" asked, "a year" shown: the length is held, and its unit with it.
    terms = terms_for({"month": "months", "onlin": "online"}, equivalents={"12": frozenset({"12 months"})})
    terms.numbers = {"12"}
    shown = ["A published review stays online for at least a year."]
    assert evidence.missing(terms, shown, gloss) == []
    # Another length ("12 weeks") holds neither the figure's length nor its unit.
    assert evidence.missing(terms, ["A review stays online for 12 weeks."], gloss) == ["months"]
    # A length in the other scale ("a fortnight" for "14 days") holds the days.
    terms = terms_for({"day": "days", "notic": "notices"}, equivalents={"14": frozenset({"336 hours"})})
    terms.numbers = {"14"}
    assert evidence.missing(terms, ["Notices are sent within a fortnight."], gloss) == []
