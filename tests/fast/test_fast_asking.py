"""The missing words a reader is shown (asking.py) and the signpost on questions about the
documents (signpost.reads_documents). Questions and passages are written for these tests,
about a fictional partnership; no model is loaded (vectors=None: lemma and rule paths only)."""

from __future__ import annotations

import pytest

from assistant.answering import asking, glossary, signpost
from assistant.index.lexical import tokenize

pytestmark = pytest.mark.fast


def test_rough_figures_in_words_are_not_listed():
    q = "about three hundred carers went on the course, what is the real count"
    assert asking.for_reader(q, ["three", "hundred"], ["The course trained 312 carers."]) == []


def test_a_figure_in_words_the_quotes_lack_stays():
    q = "how many of the Marlow children were under seven"
    assert asking.for_reader(q, ["seven"], ["Twelve children were under four."]) == ["seven"]


def test_a_figure_in_words_held_in_digits_is_not_listed():
    q = "of the eight audits which were late"
    assert asking.for_reader(q, ["eight"], ["All 8 audits were finished by May."]) == []


def test_the_asker_errand_is_not_listed_but_topic_words_are():
    q = "for my leaflet, what does the exact wording say about stepfathers"
    got = asking.for_reader(q, ["leaflet", "exact", "wording", "stepfathers"], ["Men in the home must be seen."])
    assert got == ["stepfathers"]


def test_phrasal_particle_and_conjunction_are_not_listed():
    q = "does the nurse pop over and check whether the cot is safe"
    assert asking.for_reader(q, ["over", "whether"], ["The nurse visits within a week."]) == []


def test_abbreviation_spelled_out_by_initials():
    shown = ["School nurses and family support workers meet monthly."]
    assert asking.for_reader("do fsws meet the school team", ["fsws"], shown) == []
    shown = ["Carers finish the Induction, Skills and Practice Award in a year."]
    assert asking.for_reader("when do carers finish the ISP award", ["isp"], shown) == []


def test_a_common_word_is_not_read_as_an_abbreviation():
    assert not asking.spelled_out("goes", ["great old estate sales"])


def test_reading_or_a_named_person_of_the_quotes_is_about_the_documents():
    quoted = "In 2022 Tamsin was seen by the school nurse three times."
    assert signpost.reads_documents("did tamsin's dad ever come to the meetings", quoted)
    assert signpost.reads_documents("It made me sad reading that the boy slept in a car, why?")
    assert not signpost.reads_documents("my neighbour's boy sleeps in a car every night", quoted)


def test_explicit_emergency_wording_still_signposts_a_named_case():
    class S:
        signpost_title, signpost_text, signpost_links = "Help", "Call 999", []

    quoted = "Tamsin was seen by the school nurse three times."
    assert signpost.for_answer(S, "Tamsin is in danger right now, who do I call", True, None, None, quoted)


def test_a_frequency_answers_how_often():
    from assistant.answering import marking

    assert marking.gives_frequency("The plan is gone through again at each yearly check.")
    assert marking.gives_frequency("Visits happen twice a month.")
    assert not marking.gives_frequency("The plan lists who can babysit.")


def test_the_topic_asked_about_is_never_the_errand():
    # "questions" is an errand noun ("some reflective questions for supervision"), but here it
    # is what the documents are asked about: a refusal must say "awkward" was not found.
    passage = ["Supervisors should make time for reflection each month."]
    framed = "What does the guidance say about awkward questions?"
    assert asking.for_reader(framed, ["awkward"], passage) == ["awkward"]
    errand = "for supervision, are there reflective questions on neglect"
    assert asking.for_reader(errand, ["reflective"], passage) == []


def test_a_family_word_is_held_by_its_relation_said_without_the_sex():
    q = "should the nurse ring mum about the new boyfriend"
    shown = ["Tell the parents first. A parent's new partner is seen at the next visit."]
    assert asking.for_reader(q, ["mum", "boyfriend"], shown, quoted=True) == []
    # Not for a refusal's closest passages, and never by a word for another relation.
    assert asking.for_reader(q, ["mum", "boyfriend"], shown) == ["mum", "boyfriend"]
    assert asking.for_reader("what did the stepdads say", ["stepdads"], ["The partners spoke."], quoted=True) == []
    assert asking.for_reader("did her gran know", ["gran"], ["The parents knew."], quoted=True) == ["gran"]
    assert asking.for_reader("did her niece know", ["niece"], ["Relatives knew."], quoted=True) == ["niece"]


def test_people_at_work_are_held_by_a_worker_title():
    q = "what did professionals miss"
    assert asking.for_reader(q, ["professionals"], ["The health visitor did not ask."], quoted=True) == []
    assert asking.for_reader(q, ["professionals"], ["The family did not ask."], quoted=True) == ["professionals"]


def test_kinship_carers_are_family_and_friends_carers():
    gloss = glossary.load()
    (match,) = gloss.matches(tokenize("training for kinship carers"))
    assert gloss.covered_by(match.group, set(tokenize("family and friends carers train within a year")))


def test_a_pupil_is_a_child_where_the_quotes_speak_of_school():
    q = "what happens when a pupil moves"
    assert asking.for_reader(q, ["pupil"], ["The file goes to the new school when the child moves."], quoted=True) == []
    assert asking.for_reader(q, ["pupil"], ["The file goes with the child when the family moves."], quoted=True) == [
        "pupil"
    ]


def test_function_words_are_never_listed():
    q = "I'm beside myself, who is told when a carer is accused"
    got = asking.for_reader(q, ["beside", "myself", "accused"], ["The duty officer is told the same day."])
    assert got == ["accused"]


def test_around_a_count_only_the_words_saying_which_are_listed():
    q = "as a school nurse I wondered, how many looked after children were seen by a dentist in the hub's report"
    passage = ["Of the 140 looked after children, 121 had a dental check."]
    got = asking.for_reader(q, ["nurse", "wondered", "seen", "dentist"], passage)
    assert got == ["seen", "dentist"]


def test_everyday_idioms_are_not_listed_but_the_topic_is():
    texts = ["Concerns about a volunteer go to the designated officer."]
    q = "quick one, who takes it at the moment and can we go straight to them or did it go wrong before"
    got = asking.for_reader(q, ["quick", "moment", "straight", "wrong", "volunteer"], texts)
    assert got == ["volunteer"]
    # the same words outside an idiom are the topic
    q = "what should a childminder do when a quick answer turns out wrong"
    assert asking.for_reader(q, ["quick", "wrong"], texts) == ["quick", "wrong"]


def test_a_noun_standing_for_a_question_word_is_not_listed():
    texts = ["Home visits are made by the family worker; clinic visits by the nurse."]
    q = "whats the difference between a home visit and a clinic visit, and the main reason for each"
    assert asking.for_reader(q, ["difference", "reason"], texts) == []
    q = "what's the rule on dogs at contact visits"
    assert asking.for_reader(q, ["rule", "dogs"], texts) == ["dogs"]


def test_a_figure_put_up_to_be_checked_and_the_asker_doing_are_not_listed():
    texts = ["The audit looked at 318 case files in 2022."]
    q = "over three hundred and twenty files in the audit - what was the actual number"
    assert asking.for_reader(q, ["twenty", "actual", "files"], texts) == ["files"]
    q = "I'm writing an essay on the audit, which year was it"
    assert asking.for_reader(q, ["writing", "essay"], texts) == []
    # a bound that is not a guess stays when the quotes lack it
    q = "how many files were over twenty pages"
    assert asking.for_reader(q, ["twenty"], texts) == ["twenty"]


def test_an_age_in_words_within_the_quotes_age_bound_is_held():
    q = "can my thirteen year old babysit her cousin"
    assert asking.for_reader(q, ["thirteen"], ["Nobody under 16 should look after a baby."], quoted=True) == []
    assert asking.for_reader(q, ["thirteen"], ["Children aged 14 to 17 may babysit."], quoted=True) == ["thirteen"]
    assert asking.for_reader(q, ["thirteen"], ["Nobody under 16 should look after a baby."]) == ["thirteen"]


def test_the_askers_own_role_is_not_listed_as_missing():
    q = "im a childminder, the mum seemed drunk at collection, what now"
    got = asking.for_reader(q, ["childminder", "drunk"], ["Keep the child with you and ring the duty team."])
    assert got == ["drunk"]
