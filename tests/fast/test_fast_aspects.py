"""What a question asks of the thing it names (answering/aspects.py): a review only named is no
answer about its findings, a nurse named is no answer about the doctor, and a day's date is not
the year a count is for. Every question and passage here is written for these tests."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import aspects, evidence
from assistant.index.lexical import token_set


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("What did the Child Q review find?", "findings"),
        ("what did the Child Q review in Marlow Cross find about the nursery", "findings"),
        ("What were the findings of the Harbour Lane review?", "findings"),
        ("What did Dame Ada Finch recommend?", "recommendations"),
        ("What were the recommendations of Still Waters Run Deep?", "recommendations"),
        ("Why was the Child Q review carried out?", "reason"),
        ("Why was the Baby M review commissioned?", "reason"),
        # the documents themselves: every passage is what they find
        ("What does the report find about neglect?", ""),
        ("What did the review find about bruising?", ""),
        ("What were the recommendations to government in the annual report?", ""),
        ("Who found the boy alone at home?", ""),
        ("Why was the meeting late?", ""),
    ],
)
def test_the_aspect_asked_of_a_named_thing(question, wanted):
    assert aspects.aspect(question) == wanted


def test_a_passage_that_only_names_a_review_does_not_state_its_findings():
    named_only = token_set("Our latest reviews concern Child Q (2022) and Child V (2023); both are online.")
    stated = token_set("The Child Q review found that nobody had asked who else lived in the flat.")
    assert not aspects.states("findings", named_only)
    assert aspects.states("findings", stated)
    assert aspects.states("recommendations", token_set("Health visitors should ask who lives in the home."))
    assert aspects.states("reason", token_set("It was commissioned after the baby was admitted with a fracture."))
    assert not aspects.states("reason", token_set("The Child Q review will be published in the spring."))
    assert aspects.states("", named_only)  # nothing asked of it


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Who is the designated doctor for safeguarding in Marlow Cross?", "doctor"),
        ("who is the named nurse", "nurse"),
        ("Who was the chair of the board in 2019?", "chair"),
        ("Who is the police contact for the scheme?", "contact"),
        ("Who is responsible for the action plan?", ""),
        ("Who chairs the board?", ""),
        ("who do I ring at the weekend", ""),
    ],
)
def test_the_role_a_who_question_asks_for(question, head):
    assert aspects.role(question) == head


def test_a_quote_naming_another_role_holds_too_little():
    t = terms_for({"design": "designated", "doctor": "doctor", "hospit": "hospital"}, kind="who", role="doctor")
    assert evidence.holds_too_little(t, ["doctor"])  # "Pat Lee is the hospital's designated nurse"
    assert not evidence.holds_too_little(t, [])
    assert not evidence.holds_too_little(terms_for(t.words, kind="who"), ["doctor"])


def test_a_day_s_date_is_not_the_year_a_count_is_for():
    text = "The board met on 3 March 2022. It heard that 41 children were subject to plans in 2021."
    only_date = "Published on 14 June 2022, the audit covers 41 children."
    assert "2021" in evidence.figures_in(aspects.without_dates(text))
    assert "2022" not in evidence.figures_in(aspects.without_dates(only_date))
    assert "2022" in evidence.figures_in(aspects.without_dates("In March 2022 there were 41 referrals."))
    assert "2022" in evidence.figures_in(aspects.without_dates("From 2021 to 2022, 41 referrals were made."))
    assert aspects.years({"2021", "41", "2"}) == {"2021"}


NEWSLETTER = """# Marlow Cross partnership news

## Reviews

Our latest reviews concern Child Q and Child V; both will be online in the spring.

## Child V

The Child V review found that nobody had asked who else lived in the flat, and that the health
visitor's notes were not shared with the nursery.

## Figures

Published on 14 June 2022, this issue reports that 41 children were on plans at the end of March.
In 2021 the partnership held 9 rapid reviews.
"""


@pytest.fixture(scope="module")
def newsletter(build_index, make_assistant, tmp_path_factory):
    folder = tmp_path_factory.mktemp("aspects-docs")
    (folder / "marlow-news.md").write_text(NEWSLETTER, encoding="utf-8")
    return make_assistant(build_index([folder], "aspects-index"))


def admissible_texts(assistant, question: str) -> dict[str, bool]:
    got = assistant.candidates(question)
    index = assistant.index
    return {
        index.documents[c.hit.passage.doc_id].text[c.hit.passage.start : c.hit.passage.end]: c.admissible
        for c in got.found
    }


def test_only_a_passage_stating_a_named_review_s_findings_may_answer_about_them(newsletter):
    for text, ok in admissible_texts(newsletter, "What did the Child Q review find?").items():
        assert not ok, text  # Child Q is only named
    found = admissible_texts(newsletter, "What did the Child V review find?")
    assert any(ok for text, ok in found.items() if "found that nobody" in text)
    assert not any(ok for text, ok in found.items() if "latest reviews" in text)


def test_a_count_for_a_year_needs_the_year_as_a_period(newsletter):
    for text, ok in admissible_texts(newsletter, "How many children were on plans in 2022?").items():
        assert not ok, text  # 2022 only dates the issue
    found = admissible_texts(newsletter, "How many rapid reviews were held in 2021?")
    assert any(ok for text, ok in found.items() if "9 rapid reviews" in text)


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("What did Child Q's dad tell the social worker?", ["dad"]),
        ("what did the gran say about the nursery", ["gran"]),
        ("What did Mrs Okonjo say about the visits?", ["mrs", "okonjo"]),
        ("What did Child Q want?", ["child", "q"]),
        ("What did the family doctor think?", []),  # a role has many names: left to the other evidence
        ("What does the report say about bruising?", []),
        ("What did the Panel say about fathers?", []),
    ],
)
def test_whose_words_a_question_asks_for(question, who):
    assert aspects.speaker(question) == who


def test_the_person_asked_about_must_be_the_one_who_speaks():
    mother_speaks = "Child Q lived with his mother. She told the reviewer that the flat was cold."
    father_named = "His father worked nights. The health visitor said the home was tidy."
    father_speaks = "His father met the reviewer once. He said that he had never been asked about the baby."
    assert not aspects.says(["dad"], mother_speaks, set())
    assert not aspects.says(["dad"], father_named, {"father"})  # named, but the health visitor speaks
    assert aspects.says(["dad"], father_speaks, {"father"})
    assert aspects.says(["mrs", "okonjo"], 'Mrs Okonjo met us. "Nobody listened," she said.', set())
    assert aspects.says(["gran"], "The records were incomplete. The reviewer spoke to staff.", set(), held=True)
    assert aspects.says([], "Anything at all.", set())


@pytest.mark.parametrize(
    ("a", "b", "opposite"),
    [
        ("dad", "mother", True),
        ("grandmother", "grandfather", True),
        ("Boyfriend", "girlfriend", True),
        ("dad", "father", False),
        ("mum", "mother", False),
        ("carer", "mother", False),
        ("kids", "children", False),
    ],
)
def test_words_for_people_of_opposite_sex_are_never_the_same_person(a, b, opposite):
    assert aspects.opposite_sex(a, b) is opposite


def test_a_question_for_names_needs_a_personal_name():
    assert aspects.asks_names("What are the names of the trainers on the course?")
    assert not aspects.asks_names("How many trainers run the course?")
    assert not aspects.has_names("The course is run by two trainers, one from health and one from education.")
    assert not aspects.has_names("The Panel met in March. In April the Board agreed.")
    assert aspects.has_names("The course is run by Priya Nandra and Dr Owen Tate.")
    assert aspects.has_names("Tom Eze leads the health group.")
    assert not aspects.has_names("Marlow Cross Safeguarding Children Partnership runs it at Marlow Fire Station.")


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("How do I complain about a nursery?", "complain"),
        ("how can we appeal the decision", "appeal"),
        ("How should schools refer a pupil?", "refer"),
        ("How do I make a referral?", ""),  # an everyday verb: the referral is what is asked about
        ("What should I do if a baby is not brought?", ""),
    ],
)
def test_the_task_of_a_how_do_i_question(question, verb):
    assert aspects.task(question) == verb


def test_quotes_that_never_speak_of_the_task_hold_too_little():
    t = terms_for({"complain": "complain", "nurseri": "nursery"}, task="complain")
    assert evidence.holds_too_little(t, ["complain"])  # quotes about the nursery, none on complaining
    assert not evidence.holds_too_little(t, [])
