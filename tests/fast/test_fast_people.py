"""Questions about a person, a role or an agency (answering/people.py), and a review's findings
stated where it is named (aspects.stated_where_named). Every question and passage is written for
these tests."""

from __future__ import annotations

import pytest

from assistant.answering import aspects, people
from assistant.index.lexical import token_set


def fits(question: str, text: str, kind: str = "") -> bool:
    stems = set(token_set(question))
    return people.fits(people.asked(question, kind, stems), text, set(token_set(text)), {}, set())


def test_a_role_of_several_words_must_stand_together():
    q = "who is the lead paediatrician at Dunmore hospital"
    assert people.asked(q, "who", set(token_set(q))).role == ["lead", "paediatrician"]
    roll = "Attending: Ola Brant (lead nurse, ward 4), Dr Kit Mensah (consultant paediatrician)."
    assert not fits(q, roll, "who")
    assert fits(q, "The lead paediatrician for the hospital is Dr Kit Mensah.", "who")


def test_no_role_read_from_a_question_about_someone_doing_something():
    q = "who was the man staying with Dot and her gran"
    assert people.asked(q, "who", set(token_set(q))).role == []


@pytest.mark.parametrize(
    ("question", "kind"),
    [("Who is the duty manager at Dunmore, by name?", "who"), ("what is the name of Ted's key worker", "")],
)
def test_a_name_asked_for_needs_a_persons_name(question, kind):
    assert people.asked(question, kind, set(token_set(question))).by_name
    assert not fits(question, "The duty manager and the key worker answer calls about placements.", kind)
    assert not fits(question, "Dunmore Council runs the duty desk for the key worker team.", kind)
    assert fits(question, "Calls go to Priya Sandhu, the duty manager, or to the key worker.", kind)


def test_the_name_of_a_thing_is_no_persons_name():
    q = "what is the name of the summer campaign"
    assert not people.asked(q, "", set(token_set(q))).by_name


def test_a_body_named_after_a_place_is_no_person():
    assert not people.personal_name("Fees are paid by Dunmore Council and Brightwater Partners.")
    assert people.personal_name("The notes were taken by Priya Sandhu.")
    assert people.personal_name("Dr Mensah chaired it.")


def test_an_agency_asked_of_must_be_there_and_doing_it():
    q = "what did probation tell the Harbour Lane panel"
    asked = people.asked(q, "", set(token_set(q)))
    assert (asked.actor, asked.verb) == ("probat", "tell")
    assert not fits(q, "The panel heard from the head of the nursery about sleep.")
    assert not fits(q, "Apologies: Sam Oyelaran (probation).")  # there, but tells nothing
    assert fits(q, "The probation service reported a rise in referrals.")


def test_the_agency_must_be_the_one_acting():
    q = "when must the police tell the school"
    assert not fits(q, "Do not tell the school that the call came from the police.")
    assert fits(q, "The police tell the school before nine the next morning.")
    assert fits(q, "The school is told by the police the same day.")


def test_the_agency_told_must_be_the_one_asked():
    q = "how soon must the police tell social care about a missing child"
    assert people.asked(q, "when", set(token_set(q))).recipient == "social"
    assert not fits(q, "The police tell the nursery about a missing child the next morning.")
    assert fits(q, "The police inform children's services about a missing child within a day.")


def test_an_agency_that_hears_is_told_in_any_order():
    q = "when does the school hear about a night call-out"
    assert fits(q, "Night call-outs are sent to every school by noon.")


def test_a_school_as_a_place_is_not_asked_of():
    q = "what happened to Dot after school on Friday"
    assert people.asked(q, "", set(token_set(q))).agencies == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # the learning is the other reviews'; the named one is only dated
        ("Four reviews were held. Their learning is in section 3.\n\nThe review of Child Z is due in May.", False),
        ("1.1 This review concerns Child Z, aged four.\n\n1.2 The review found nobody saw Child Z alone.", True),
        ("The review of Child Z found that the nursery was not told.", True),
        ("Our review of Child Z said the same.\n\nMARY: Nobody found the letters.", False),
    ],
)
def test_a_review_s_findings_are_stated_where_it_is_named(text, stated):
    assert aspects.stated_where_named("findings", "Child Z review", text) is stated


def test_guidance_to_its_reader_is_the_reader_acting():
    q = "how quickly should the school refer a new worry to social care"
    assert fits(q, "If the pupil says more, follow your usual steps and refer to social care the same day.")
    assert fits(q, "Refer to social care the same day if the pupil says more.")
    assert not fits(q, "The nurse will refer to social care the same day.")  # someone else acts


def test_who_did_a_deed_needs_the_deed_in_the_passage_not_only_its_heading():
    q = "who kept the notes at the Dunmore panel in May"
    assert people.asked(q, "who", set(token_set(q))).deed is not None
    header = "Meeting held on 4 May at Dunmore Library, Room 3."  # the heading says "Notes of the panel"
    assert not fits(q, header, "who")
    assert not fits(q, "Ola Brant said waiting lists had grown.", "who")
    roll = "Present: Ola Brant (chair), Kit Mensah (panel officer, notes), Dr Ade Rowe."
    assert fits(q, roll, "who")


def test_the_deed_is_held_by_its_verb_in_any_form():
    q = "Who runs the parenting course?"
    assert fits(q, "The course is run by two family support workers.", "who")
    assert not fits(q, "Kit Mensah said families liked it.", "who")


def test_the_passages_own_heading_may_name_the_deed():
    q = "who gave the health update"
    said = "Dr Ade Rowe said a second nurse had been funded."
    assert not fits(q, said, "who")
    asked = people.asked(q, "who", set(token_set(q)))
    assert people.fits(asked, said, set(token_set(said)), {}, set(), heading="5. Health update")


def test_a_deed_done_to_a_document_is_said_by_its_imprint():
    q = "who produced the carers' handout"
    imprint = "Dunmore Fostering Service. Edition 2, March 2024."
    assert fits(q, imprint, "who")
    assert not fits(q, "Carers meet monthly at Dunmore Library.", "who")


@pytest.mark.parametrize("question", ["who is the chair", "Who do I ring at night?", "who did the review speak to"])
def test_no_deed_read_from_a_question_without_one(question):
    assert people.asked(question, "who", set(token_set(question))).deed is None


def test_a_word_for_people_after_an_agency_is_the_subject_not_a_deed():
    assert people.asked("how often do nursery staff have to refresh first aid", "when", set()).actor == ""
    assert people.asked("should the police visit the family first", "", set()).actor == "polic"


# Who asks, a choice of two agencies, and a document speaking for its issuer (written for these tests).


@pytest.mark.parametrize(
    "question",
    [
        "I'm a nursery manager, a dad turned up unsteady on his feet, do I hand the girl over?",
        "nursery here - can we ring the duty team without asking mum first",
        "as a childminder what do I do when a parent is late again",
        "I work at a nursery, who checks the register",
    ],
)
def test_the_setting_the_asker_works_in_is_not_asked_about(question):
    asked = people.asked(question, "", set(token_set(question)))
    assert asked.agencies == []
    advice = "Keep the girl with you and ring the duty team; you do not need to ask her mother first."
    assert fits(question, advice)


def test_the_setting_asked_about_again_after_saying_who_asks_is_still_asked():
    q = "I'm a childminder, what must childminders tell Ofsted?"
    assert "childmind" in people.asked(q, "", set(token_set(q))).agencies
    assert not fits(q, "Schools must tell Ofsted about any allegation.")


def test_either_of_two_settings_will_do():
    q = "was it the nursery or a childminder that saw the bruise"
    asked = people.asked(q, "", set(token_set(q)))
    assert asked.agencies == [] and asked.either == [frozenset({"nurseri", "childmind"})]
    assert fits(q, "Her childminder saw a bruise on her arm in May and wrote it down.")
    assert fits(q, "Nursery staff saw the bruise at lunch.")
    assert not fits(q, "The school saw the bruise at lunch.")


def test_a_document_the_agency_issued_says_what_the_agency_says():
    q = "does the police say anything about posting pictures"
    asked = people.asked(q, "", set(token_set(q)))
    assert (asked.actor, asked.verb) == ("polic", "say")
    text = "A picture of a child posted without consent can be an offence."
    stems = set(token_set(text)) | {"polic"}  # held through the title
    assert not people.fits(asked, text, stems, {}, set())  # nobody's document: the police say nothing here
    titled = set(token_set("Online safety advice from Brackmoor Police"))
    assert people.fits(asked, text, stems, {}, set(), "", titled)


def test_a_deed_done_to_what_the_title_names_is_said_by_the_imprint():
    q = "who draws the monthly tracker up"
    asked = people.asked(q, "who", set(token_set(q)))
    assert asked.deed is not None and asked.deed[1] == "tracker"  # not the particle "up"
    imprint = "Brackmoor Partnership. Compiled by Lena Hoult, data officer, and issued on 3 May 2025."
    held = set(token_set(imprint))
    assert not people.fits(asked, imprint, held, {}, set())  # a tracker of no document
    titled = set(token_set("Brackmoor monthly tracker, April 2025"))
    assert people.fits(asked, imprint, held | {"tracker"}, {}, set(), "", titled)


class _Doc:
    def __init__(self, text: str):
        self.text = text


class _Index:
    """Just enough of an index for people.name_roles: documents and a derive cache."""

    def __init__(self, *texts: str):
        self.documents = {str(i): _Doc(t) for i, t in enumerate(texts)}
        self.derived: dict = {}

    def derive(self, key, make):
        return self.derived.setdefault(key, make())


def test_a_person_named_in_a_table_row_is_spoken_of_by_the_post_it_gives():
    rota = (
        "Post | Who | Where\n"
        "Lead for safeguarding | Dr Ines Varga, senior vet | Room 2\n"
        "Deputy lead for safeguarding | Tom Achebe, office manager | Front desk\n"
        "Out of hours | Duty vet | 01234 567 890"
    )
    roles = people.name_roles(_Index(rota, "Ines Varga joined in 2019."))
    (ines,) = token_set("Ines")
    assert roles[ines] == (frozenset(token_set("Lead for safeguarding")),)
    both_away = set(token_set("When the lead and the deputy for safeguarding are away, ring the duty team."))
    wanted = {k: roles[k] for k in token_set("Tom Achebe")}
    assert set(wanted) == people.held_by_post(wanted, both_away)
    assert people.held_by_post(wanted, set(token_set("Ring the duty team at night."))) == set()
    assert "duti" not in roles  # "Duty vet" is a post, not a person's name
