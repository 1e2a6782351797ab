"""Eleventh round: rules read from the development sets' rows, each tested on questions written
here, about made-up people and places."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The scene told first is not what is asked: "mobile number" names no number to ring here.
        ("my son's tutor asked for his mobile number so she can text him. is she allowed to do that?", ""),
        ("my lad said something odd at practice tonight. nothing urgent. who should i tell?", "who"),
        ("The girl we host came alone, 14 years. When she will see the doctor?", "when"),
        # Asked in the sentence itself: still read.
        ("what is the mobile number for the welfare officer?", "phone"),
        ("I need to ring them. What number do I call?", "phone"),
    ],
)
def test_the_kind_is_read_from_the_asked_sentence(question, expected):
    assert answertypes.kind(question) == expected


def _marks(tokens, *targets):
    return [t in targets for t in tokens]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        # How often, not a count of the noun after it.
        ("last spring the childminder rang the front door twice about marks on his legs", ("rang",)),
        ("the school nurse visited the family five times", ("visited",)),
        # An amount written with its unit.
        ("for each pound given, 91p went straight to the families", ("pound",)),
    ],
)
def test_a_figure_of_how_often_or_an_amount_is_found(sentence, targets):
    tokens = sentence.replace(",", "").split()
    assert answertypes.figure_near(tokens, _marks(tokens, *targets))


def test_a_figure_that_counts_a_thing_of_its_own_is_still_not_it():
    tokens = "the childminder made 3 referrals about 4 children".split()
    assert answertypes.counts_another(tokens, 3, _marks(tokens, "childminder", "made"))


def test_a_follow_up_counts_what_either_question_asks_its_own_first():
    from assistant.index.lexical import stopwords

    merged = "How many times the childminder rang about the marks? and the school nurse, how many visits she made?"
    assert answertypes.count_target(merged, stopwords())[0] == "visits"
    assert "childminder" in answertypes.count_target(merged, stopwords())
    assert answertypes.count_target("how many referrals were made?", stopwords())[0] == "referrals"


def test_the_sentence_asked_is_read_apart_from_the_scene_told_before_it():
    q = "The Border Agency turned down my claim. The council still helps me or it is finish?"
    assert answertypes.asked_sentence(q) == "The council still helps me or it is finish?"
    assert answertypes.asked_sentence("Who chairs the panel?") == "Who chairs the panel?"
    assert answertypes.asked_sentence("I need the number. Call them now.") == "I need the number. Call them now."


def test_a_scene_told_in_a_sentence_of_its_own_is_the_askers_situation():
    from assistant.answering import asking

    told = asking.lead_in("The Border Agency turned down my claim. The council still helps me or it is finish?")
    assert {"turned", "claim"} <= told
    assert "council" not in told
    assert asking.lead_in("family hub opening times, do i need to book") == set()


def test_a_name_only_in_the_scene_told_is_not_asked_of_the_passage(index):
    from assistant.answering import evidence, glossary

    gloss = glossary.load()
    told = "The Border Agency turned down my claim. Does the council still help me?"
    scene = evidence.question_terms(told, index, gloss)
    asked = evidence.question_terms("Does the Border Agency still help me?", index, gloss)
    assert scene.names == []
    assert asked.names


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I do not agree with the plan. How I can appeal and until which date?", "when"),
        ("by what date must the report be sent?", "when"),
        ("which date was the review published?", "date"),
    ],
)
def test_a_deadline_is_answered_by_a_date_or_a_period(question, expected):
    assert answertypes.kind(question) == expected


def test_words_for_children_name_what_a_count_of_children_counts():
    from assistant.answering import evidence

    ws = "the cottage is a home for up to three young people aged 12 to 17".split()
    assert [w for w, hit in zip(ws, evidence.children_at(ws), strict=True) if hit] == ["young"]
    assert evidence.children_at(["six", "pupils", "and", "two", "staff"]) == [False, True, False, False, False]


def test_a_yes_or_no_follow_up_asks_its_own_kind_of_answer():
    from assistant.answering.answers import asked_text

    history = ["how many other children live at the cottage with her"]
    merged = asked_text("does she get any pocket money", history, "how many other children ... pocket money")
    assert merged.startswith("how many other children live at the cottage with her?")
    assert answertypes.kind(merged) == ""
    # A follow-up asking with a word of asking still leans on the question before it.
    leaning = asked_text("and who then?", ["who is the welfare lead and whats her number"], "who ... then")
    assert "?" not in leaning.split("number")[0]


@pytest.mark.parametrize("word", ["mum", "mother", "grandmoth", "sibl", "dad", "stepdad"])
def test_a_relative_is_known_by_its_word_or_stem(word):
    from assistant.answering import relatives

    assert relatives.is_kin(word)


@pytest.mark.parametrize("word", ["staff", "famili", "part", "coach"])
def test_other_words_are_not_relatives(word):
    from assistant.answering import relatives

    assert not relatives.is_kin(word)


@pytest.mark.parametrize(
    ("question", "whose"),
    [
        ("would my pals mum be in bother if I told you", {"pals", "pal"}),
        ("did the girls dad know", {"girls", "girl"}),
        ("what did Wrenna's big sister say", set()),  # a name, asked of the passage
        ("what happened to wrennas older brother", set()),  # a made-up name typed in lower case
    ],
)
def test_whose_relative_is_an_everyday_word_is_the_askers_situation(question, whose):
    from assistant.answering import relatives

    assert relatives.possessors(question) == whose


def test_a_length_of_time_is_not_refused_for_words_saying_which_things_are_counted(index):
    from assistant.answering import evidence, glossary

    gloss = glossary.load()
    length = evidence.question_terms(
        "for a boy alone from abroad, in how many days is a school place given?", index, gloss
    )
    assert not evidence.holds_too_little(length, ["alone", "abroad"])
    count = evidence.question_terms("how many boys alone from abroad were given a school place?", index, gloss)
    assert evidence.holds_too_little(count, ["alone", "abroad"])


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        (
            "what share of the hub's young people were exploited?",
            "The hub worked with 180 children; 29% were exploited.",
        ),
        ("how many other children live at the cottage?", "The cottage is a home for up to three young people."),
    ],
)
def test_children_and_young_people_hold_each_other(index, question, quote):
    from assistant.answering import evidence, glossary

    gloss = glossary.load()
    missing = evidence.missing(evidence.question_terms(question, index, gloss), [quote], gloss)
    assert not {"young", "children"} & set(missing)


def _enough(clause):
    return len(clause.split()) >= 2


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # A claim told, then checked: the claim is asked, without who told it or the check.
        (
            "I was told the number 7 bus no longer stops at the market. Is that so?",
            "that the number 7 bus no longer stops at the market?",
        ),
        ("And someone said the recycling moves to Friday. True?", "that the recycling moves to Friday?"),
        (
            "A neighbour told me that if you ring them they tell the family it was you. Is that true?",
            "that if you ring them they tell the family it was you?",
        ),
        (
            "My supervisor says we must always tell parents first, is that right?",
            "that we must always tell parents first?",
        ),
        (
            "The rumour at the bus stop is that the father got off with nothing. Is that true?",
            "that the father got off with nothing?",
        ),
        # Not a claim checked: asked as it stands.
        ("Is it true that the board meets in March?", "Is it true that the board meets in March?"),
        ("Who chairs the board?", "Who chairs the board?"),
    ],
)
def test_a_claim_checked_is_what_is_asked(question, asked):
    # "that" stands where who told it was, so the claim's first word may be a name ("Wales has ...")
    from assistant.answering import leadin

    assert leadin.asking_part(question, _enough) == asked


def test_a_claim_told_before_its_check_is_not_the_askers_situation():
    from assistant.answering import asking

    assert asking.lead_in("And someone said the recycling moves to Friday. True?") == set()
    assert asking.lead_in("my son's tutor asked for his number so she can text him. is she allowed to do that?")


@pytest.mark.parametrize(
    ("question", "checked"),
    [
        ("I was told we're auditing 40 closed cases. Is it 40?", {"40"}),
        ("A councillor claimed the hub got more than 9,000 calls last year. What's the real figure?", {"9000"}),
        ("I heard the review made 14 recommendations. Is that the right number?", {"14"}),
        # A year says which period is asked: it stays.
        ("My colleague says the 2019 report came out in June 2020. Is that the right date?", set()),
        # Not a check: the figure is asked of the passage.
        ("How many of the 40 cases were closed?", set()),
    ],
)
def test_the_figures_of_a_claim_put_up_to_be_checked_are_the_askers(question, checked):
    from assistant.answering import leadin

    assert leadin.checked_figures(question) == checked


def test_a_figure_checked_keeps_the_claim_as_what_is_asked():
    from assistant.answering import leadin

    asked = leadin.asking_part(
        "A councillor claimed the hub got more than 9,000 calls. What's the real figure?", _enough
    )
    assert asked.startswith("that the hub got more than 9,000 calls")


def test_a_relative_of_anyone_asked_about_must_be_named_by_the_passage():
    from assistant.answering import relatives

    pairs = relatives.asked("And the boy's dad? Someone said he was in prison.")
    assert pairs == [("boy", "father")]
    assert relatives.another_relative(pairs, "The boy lived with his mother and her partner in a flat.")
    assert not relatives.another_relative(pairs, "The boy's father was in prison for two years.")
    assert not relatives.another_relative(pairs, "Both parents were spoken to by the reviewer.")
    # A named person's relative, where the passage does not name the person: not about them at all.
    assert not relatives.another_relative([("Wrenna", "sister")], "The boy lived with his mother.")


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "I heard opticians have to flag children on plans too. Is that one of the actions?",
            "that opticians have to flag children on plans too. Is that",
        ),
        (
            "Someone said the hub closes at four now. Is this in the new leaflet?",
            "that the hub closes at four now. Is this in the new leaflet?",
        ),
    ],
)
def test_a_question_asked_of_what_was_told_keeps_it(question, asked):
    from assistant.answering import leadin

    assert leadin.asking_part(question, _enough).startswith(asked)


@pytest.mark.parametrize(
    ("asked", "subject"),
    [
        ("the recycling moves to Friday after the bank holiday?", ["recycling"]),
        ("opticians have to flag children on plans too?", ["opticians"]),
        # Questions keep their own reading.
        ("At what age can I leave my 11 year old at home alone?", []),
        ("Nobody knows when the deadline is?", []),
        ("we must always tell parents first?", []),
    ],
)
def test_the_subject_of_a_claim_checked_is_read(asked, subject):
    from assistant.answering import subjects

    assert subjects.subject(asked) == subject


def test_a_name_opening_a_claim_is_still_a_name(index):
    from assistant.answering import evidence, glossary, leadin

    asked = leadin.asking_part("A friend in Leeds says Yorkshire has its own week in May. Is that right?", _enough)
    assert "yorkshir" in evidence.question_terms(asked, index, glossary.load()).propers


def test_a_review_said_in_the_next_sentence_to_be_not_yet_done_holds_nothing_of_it():
    from assistant.answering import aspects

    told = "The board is also finishing local reviews of Child Heron and Baby Sorrel. They are not yet published."
    assert aspects.only_pending("Baby Sorrel", told)
    done = "The board published its review of Baby Sorrel in May. It found that nobody visited."
    assert not aspects.only_pending("Baby Sorrel", done)


@pytest.mark.parametrize(
    ("question", "checks"),
    [
        ("The slide I was given says the protocol has six stages. Is it five or six?", True),
        ("My colleague reckons the police are not part of it. Is he right?", True),
        ("My cousin's boy has lived with us since May. Is this private fostering?", False),
    ],
)
def test_more_ways_of_checking_a_claim(question, checks):
    from assistant.answering import leadin

    assert (leadin.asking_part(question, _enough).startswith("that ")) is checks


def test_a_claim_asked_of_by_a_pronoun_is_asked_of_its_own_subject():
    from assistant.answering import subjects

    assert subjects.subject("that opticians have to flag children too. Is that one of the actions?") == ["opticians"]


def test_the_wrong_choice_of_a_or_b_is_not_a_missing_word():
    from assistant.answering import asking

    q = "DBS: disclosure and barring service or disclosure and barring scheme? Which is it?"
    assert asking.other_choices(q, ["scheme"]) == {"scheme"}
    assert asking.other_choices(q, ["scheme", "service"]) == set()  # neither held: both stay
    assert asking.other_choices("is it four or five?", ["five"]) == {"five"}


def test_who_told_a_claim_may_say_where_before_that():
    from assistant.answering import leadin

    q = "A governor claimed at the board meeting that the school made 300 referrals. What's the real figure?"
    assert leadin.asking_part(q, _enough).startswith("that the school made 300 referrals")


def test_of_names_put_as_a_choice_the_passage_must_hold_one(index):
    from assistant.answering import evidence, glossary

    terms = evidence.question_terms("Which is right for the reviewer, Dr Pellow or Dr Quarrie?", index, glossary.load())
    assert terms.choices == [frozenset({"pellow", "quarri"})]
    assert not {"pellow", "quarri"} & terms.propers.union(*terms.names)


def test_the_askers_own_familys_relatives_are_not_asked_of_the_passage():
    from assistant.answering import relatives

    pairs = relatives.asked("I think that review might be about my sister's grandson. Did they talk to the family?")
    assert not relatives.another_relative(pairs, "The boy lived with his mother. Nobody asked him about home.")
    assert relatives.is_kin("granddaughter") and relatives.is_kin("nephews")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I heard the Child Heather review found the same problems", ["Child Heather"]),
        ("what did Baby Rose's case show", ["Baby Rose"]),
        ("Child Heather is a name no review gave", []),  # an everyday word, not named as a review's child
        ("the Child Protection plan", []),
    ],
)
def test_a_review_of_a_child_named_by_an_everyday_word_is_a_pseudonym(text, found):
    assert answertypes.pseudonyms(text) == found
