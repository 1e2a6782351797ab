"""Names typed in lower case get their capitals back from how the documents write them
(answering/casing.py), so the rules about names hold for phone-typed questions too. Every
text here is written for these tests."""

from __future__ import annotations

from assistant.answering import answertypes, casing, evidence

DOCS = [
    "Marlow Cross partnership news. In Marlow Cross the Pellingham team met twice. Pellingham staff "
    "reviewed the case of Child Q with Dr Ansel Threwe. See www.pellingham.gov.uk for more.",
    "Neglect was the main concern. Our neglect strategy was agreed in May.",
]


def test_words_english_does_not_know_and_the_documents_capitalise_are_names():
    names = casing.written_capitalised(DOCS)
    assert names.get("pellingham") == "Pellingham"  # its lower-case web address does not count
    assert names.get("threwe") == "Threwe"
    assert "neglect" not in names  # an English word a sentence opens with
    assert "may" not in names


def test_a_lower_case_question_gets_its_names_back():
    names = casing.written_capitalised(DOCS)
    pseudo = casing.pseudonyms_written(DOCS)
    assert casing.recased("pellingham neglect figures", names, pseudo) == "Pellingham neglect figures"
    assert casing.recased("what did the child m review find", names, pseudo) == "what did the Child M review find"
    # a letter or a short word that is an English word of its own stays as typed
    assert casing.recased("is the baby a boy", names, pseudo) == "is the baby a boy"
    assert casing.recased("how do i help a child in care", names, pseudo) == "how do i help a child in care"


def test_a_restored_first_word_is_a_name_the_passage_must_hold():
    q, cased = "pellingham neglect figures", "Pellingham neglect figures"
    assert casing.restored_first(q, cased)
    assert answertypes.proper_nouns(cased, frozenset(), first=True) == ["pellingham"]
    assert answertypes.proper_nouns("Pellingham neglect figures", frozenset()) == []


def test_an_abbreviation_in_a_name_is_held_when_the_passage_spells_it_out():
    text = "Out of hours, ring the emergency duty team."
    assert evidence.spelled_out({"edt"}, text, "Pellingham fostering") == {"edt"}
    assert evidence.spelled_out({"edt"}, "Ring the duty team.", "") == set()


def test_a_hyphenated_word_with_an_english_part_is_no_name():
    docs = ["Bed-sharing is risky. Bed-sharing after alcohol is worse."]
    assert "bed-sharing" not in casing.written_capitalised(docs)
