"""Near misses that hold the question's words and not what it asks (sixth near-miss round).
Every question and passage is written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import people
from assistant.index.lexical import token_set


def fits(question: str, text: str, heading: str = "") -> bool:
    stems = set(token_set(question))
    asked = people.asked(question, "who", stems)
    return people.fits(asked, text, set(token_set(text)) | set(token_set(heading)), {}, set(), heading)


def test_a_deed_is_read_when_a_name_stands_for_the_article():
    q = "who runs Brackley youth forum"
    deed = people.asked(q, "who", set(token_set(q))).deed
    assert deed is not None and deed[1] == "forum"


@pytest.mark.parametrize(
    "passage",
    [
        "The Brackley arts festival is run by Pat Lowe.",  # a passive done to the festival
        "Ask at reception: the manager of the cafe runs the rota.",  # runs the rota
    ],
)
def test_a_deed_done_to_something_else_says_nothing_of_who_does_it_here(passage):
    assert not fits("who runs Brackley youth forum", passage)


@pytest.mark.parametrize(
    "passage",
    [
        "The Brackley youth forum is run by Pat Lowe.",
        "Pat Lowe runs the youth forum on Tuesdays.",
        "The youth forum meets at the hall. It is run by two volunteers.",  # the verb done to no noun of its own
        "Present: Pat Lowe (forum lead), Dee Marsh.",  # the object beside a name
    ],
)
def test_a_deed_done_to_the_thing_asked_still_answers(passage):
    assert fits("who runs Brackley youth forum", passage)


def test_a_title_naming_the_thing_asked_is_not_who_does_it():
    assert not fits("who runs Brackley youth forum", "Brackley Youth Forum. For young people aged 11 to 18.")
    # an imprint saying who made it is
    assert fits("who runs Brackley youth forum", "Brackley youth forum, spring programme. Edition 4, 2025.")
    assert not fits("who runs the youth forum", "Young people at the forum said it will be published in 2026.")


def test_a_pseudonym_for_a_group_of_children_is_a_pseudonym():
    from assistant.answering import answertypes, casing

    assert answertypes.pseudonyms("what did the Sibling Group C review find") == ["Sibling Group C"]
    assert answertypes.pseudonyms("tell me about Family Group 2") == ["Family Group 2"]
    assert casing.recased("what happened in sibling group c", {}) == "what happened in Sibling group C"


@pytest.mark.parametrize(
    "passage",
    [
        "A third review, of Sibling Group C, is still in progress; its learning will be shared next year.",
        "The reviews of Baby F and Sibling Group C will be published in the spring, with lessons for schools.",
    ],
)
def test_a_review_not_yet_done_gives_no_account_of_its_case(passage):
    from assistant.answering import aspects

    assert aspects.asked_of("what happened in Sibling Group C")[0] == "account"
    assert not aspects.accounted("Sibling Group C", passage, "")


def test_a_review_done_still_gives_an_account():
    from assistant.answering import aspects

    done = "The review of Sibling Group C found that the school's worries were never shared."
    assert aspects.accounted("Sibling Group C", done, "")
    assert aspects.accounted("Sibling Group C", "Sibling Group C were three brothers living with their aunt.", "")


def test_an_article_opening_a_sentence_does_not_make_a_place_a_person():
    assert not people.personal_name("The Brackley youth forum meets on Tuesdays.")
    assert people.personal_name("The forum is led by Pat Lowe.")
    q = "whats the name of Child F's tutor"
    asked = people.asked(q, "", set(token_set(q)))
    assert asked.by_name
    lines = "Tutors meet at the hall.\nThe Brackley tutors' group meets monthly."
    assert not people.fits(asked, lines, set(token_set(lines)), {}, set())
    named = "Child F's tutor was Pat Lowe."
    assert people.fits(asked, named, set(token_set(named)), {}, set())


def test_a_place_named_only_to_send_its_people_elsewhere():
    from assistant.answering import subjects

    name = {"haddow"}
    asked = {"haddow", "green", "exclus"}  # "haddow green exclusions"
    own = "Our neighbours in Haddow Green keep their own records, which are not shown here."
    sent = "If the pupil lives in Haddow Green, ring Haddow Green Council instead."
    assert subjects.named_elsewhere(name, own, asked)  # the place's own two words are no person
    assert subjects.named_elsewhere(name, sent, asked)
    # a sentence sending elsewhere that speaks of what is asked answers it ("where do I ring ...?")
    assert not subjects.named_elsewhere(name, sent, {"haddow", "green", "ring"})
    # a sentence giving the thing there is about the place
    assert not subjects.named_elsewhere(name, "Haddow Green has its own lead, Ola Brant.", asked)
    assert not subjects.named_elsewhere(name, "Haddow Green excluded 14 pupils instead of 20.", asked)


def test_a_year_held_only_as_the_date_of_a_replaced_version():
    from assistant.answering import periods

    imprint = "Edition 4, in use from May 2025, replacing edition 3 of March 2021."
    assert periods.replaced_only({"2021"}, imprint)
    assert not periods.replaced_only({"2025"}, imprint)
    both = imprint + " In 2021 the panel met six times."
    assert not periods.replaced_only({"2021"}, both)  # the year said of something else too
    assert periods.of_versions("what did the 2021 edition say about fees", {"2021"}) == {"2021"}
    assert periods.of_versions("what changed from the 2021 edition", {"2021"}) == set()


def test_a_case_named_only_as_a_brief_still_to_come():
    from assistant.answering import aspects

    later = "Our learning on exploitation will be published in a second brief, Young Person D, next spring."
    assert aspects.only_pending("Young Person D", later)
    told = later + " Young Person D was fifteen and had left care."
    assert not aspects.only_pending("Young Person D", told)
    assert not aspects.only_pending("Young Person D", "The brief on Young Person D found three missed chances.")
