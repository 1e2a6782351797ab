"""Ninth round: words that name no topic in everyday English (an idiom, a verb with its particle)
are never asked of a passage or never shown missing. Every question and passage is written for
these tests, about made-up places."""

from __future__ import annotations

import pytest

from assistant.answering import asking, evidence, leadin

# ---------------------------------------------------------------- idioms name no topic


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("roughly how many volunteer mentors have they got on the books", {"books"}),
        ("what if one of ours drops out last minute?", {"minute"}),
        ("who is the lead at the moment", {"moment"}),
        ("how many volunteer mentors are there", set()),
        ("which books does the library lend", set()),
    ],
)
def test_an_idioms_words_are_found(question, words):
    assert leadin.idiom_words(question) == words


def test_an_idioms_words_are_never_asked_of_a_passage(index, gloss):
    terms = evidence.question_terms("how many volunteer mentors have they got on the books", index, gloss)
    assert "book" not in terms.words and {"volunt", "mentor"} <= set(terms.words)
    assert terms.key != "book"


def test_the_same_word_outside_the_idiom_is_asked(index, gloss):
    terms = evidence.question_terms("how many books did the toy library lend", index, gloss)
    assert "book" in terms.words


@pytest.fixture(scope="module")
def gloss():
    from assistant.answering import glossary

    return glossary.load()


# ---------------------------------------------------------------- a verb with its particle


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("how quickly are the meetings held, and who turns up?", {"turns"}),
        ("what if one of ours drops out?", {"drops"}),
        ("can coaches go in the changing rooms to hurry the kids up", {"hurry"}),
        ("who sends those attendance letters out?", set()),  # "letters" is a noun: no verb before the particle
        ("is the plan checked by the manager?", set()),  # "by" names who does it
        ("who checks the plan?", set()),
        ("do I write it down?", {"write"}),
    ],
)
def test_a_verb_with_its_particle_is_found(question, verbs):
    assert asking.phrasal_verbs(question) == verbs


def test_a_shown_answer_does_not_list_the_verb_of_a_phrasal_verb():
    quote = "Strategy discussions are held within one working day; police, health and the social worker attend."
    left = asking.for_reader("who turns up to the strategy discussion?", ["turns"], [quote], None, True)
    assert left == []


def test_a_refusal_still_lists_it():
    closest = "Strategy discussions are held within one working day."
    assert asking.for_reader("who turns up to the strategy discussion?", ["turns"], [closest], None, False) == ["turns"]


# ---------------------------------------------------------------- a school year group is no figure


@pytest.mark.parametrize(
    ("question", "incidental"),
    [
        ("I teach year 10 and wondered what the trust does about teenagers harmed outside the home", {"10"}),
        ("a Y9 girl told me she is scared to go home", {"9"}),
        ("what happens in year 2 of the plan?", set()),  # a period of something, not a class
        ("how many year 11 pupils were excluded?", set()),  # which pupils are counted
        ("what is in the 10 year plan?", set()),
    ],
)
def test_a_school_year_group_is_no_figure_a_passage_must_hold(question, incidental):
    from assistant.answering import meaning

    assert meaning.incidental_numbers(question) & {"2", "9", "10", "11"} == incidental


def test_a_school_year_is_not_asked_of_a_passage(index, gloss):
    terms = evidence.question_terms(
        "I teach year 10: what does the trust do about harm outside the home?", index, gloss
    )
    assert "10" not in terms.numbers


# ---------------------------------------------------------------- a hyphenated noun counted


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("taking 20 swimmers to camp - how many grown-ups do I need to bring?", ["grown", "ups"]),
        ("how many looked-after children moved school?", ["looked", "after", "children"]),
        ("how many went on to a full review?", ["full", "review"]),  # a verb alone still says what they went on to
    ],
)
def test_a_hyphenated_noun_is_what_a_count_counts(question, counted):
    from assistant.answering import answertypes
    from assistant.index.lexical import stopwords

    assert answertypes.count_target(question, stopwords() | {"do"})[: len(counted)] == counted


# ---------------------------------------------------------------- what the topic is set against


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("how much of every pound goes on the families and not on admin?", {"and", "not", "on", "admin"}),
        ("what share of the young people were CSE rather than CCE?", {"rather", "than", "cce"}),
        ("is there a group for dads, not mums?", {"not", "mums"}),
        ("is it not on the website?", set()),  # a negated question, no contrast
        ("who do I tell if it is not urgent?", set()),
    ],
)
def test_what_the_question_sets_its_topic_against_is_found(question, words):
    assert leadin.contrast_words(question) == words


def test_what_the_topic_is_set_against_is_not_asked_of_a_passage(index, gloss):
    terms = evidence.question_terms("is there a group for dads, not mums?", index, gloss)
    assert not {"mum", "mums"} & set(terms.words)


# ---------------------------------------------------------------- a follow-up's own count


def test_a_follow_up_counting_its_own_thing_says_which_by_its_own_words(index, gloss):
    from assistant.answering import marking

    before = "how much money did they raise last year from ordinary people like me?"
    follow = "and how much of every pound goes on the families?"
    query = f"{before} {follow}"
    terms = marking.asked_in(evidence.question_terms(query, index, gloss), follow, query)
    assert terms.kind in ("count", "money") and "ordinary" not in (terms.which or ())
    assert "families" in (terms.which or ())


# ---------------------------------------------------------------- a time of day asked


@pytest.mark.parametrize(
    ("question", "clock"),
    [
        ("what time is the carol service at the chapel", True),
        ("wat time do i ring the nursery by", True),
        ("what time span does the review cover?", False),
        ("when is the carol service?", False),
    ],
)
def test_a_time_of_day_is_asked(question, clock):
    from assistant.answering import answertypes

    assert answertypes.asks_clock(question) is clock


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The toddler group meets every Tuesday from 9.30 to 11.", True),
        ("Sunday Club meets on Sunday mornings in the hall.", True),
        ("Ring the office by 9am.", True),
        ("Everyone is welcome at our holiday club in August.", False),
    ],
)
def test_a_time_of_day_is_given(text, gives):
    from assistant.answering import answertypes

    assert answertypes.gives_clock(text) is gives


def test_a_passage_without_a_time_of_day_does_not_answer_what_time(index, gloss):
    terms = evidence.question_terms("what time is the carol service at the chapel", index, gloss)
    assert terms.kind == "when" and terms.clock
    assert not evidence.answers_kind(
        terms, "Everyone is welcome at our holiday club in August.", frozenset(), {}, gloss
    )
    assert evidence.answers_kind(terms, "The carol service starts at 6pm.", frozenset(), {}, gloss)


# ---------------------------------------------------------------- a parent's boyfriend is the documents' partner


def test_a_mums_boyfriend_is_her_partner_and_a_partner_agency_is_not(gloss):
    from assistant.index.lexical import tokenize

    (m,) = [m for m in gloss.matches(tokenize("did the mums boyfriend speak to the reviewer")) if len(m.tokens) == 2]
    assert ("mother", "partner") in gloss.groups[m.group]
    assert not any(("boyfriend",) in gloss.groups[x.group] for x in gloss.matches(tokenize("which partner agencies")))


# ---------------------------------------------------------------- who a wh-question asks of


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("what did the fire service get in the audit?", ["fire", "service"]),
        ("how do social workers decide?", ["social", "workers"]),
        ("what does the report say about fathers?", []),  # one word: a thing, left to other evidence
        ("why did the afternoons-off arrangement matter?", []),  # a thing described, not a kind of doer
        ("what is the threshold for a referral?", []),  # "is": no one doing anything
        ("do the ambulance crews flag children?", ["ambulance", "crews"]),  # the polar form, as before
    ],
)
def test_whom_a_question_word_asks_of(question, subject):
    from assistant.answering import subjects

    assert subjects.subject(question) == subject


def test_another_agency_of_a_kind_the_documents_know_is_not_held(index, gloss):
    terms = evidence.question_terms("what did the fire service get in the audit?", index, gloss)
    assert terms.subject == ["fire", "servic"]


# ---------------------------------------------------------------- said straight on, without punctuation


def test_a_question_said_straight_after_the_topic_ends_it():
    from assistant.answering import aspects

    assert aspects.topic("what did it say about the PRU how often did he come in", True) == ["the PRU"]
    assert aspects.topic("what does the report say about how the police respond", True) == ["how the police respond"]


def test_how_the_count_is_taken_is_not_what_it_counts():
    from assistant.answering import answertypes
    from assistant.index.lexical import stopwords

    assert answertypes.count_target("and how many times all together", stopwords()) == []
    assert answertypes.count_target("how many visits in total", stopwords()) == ["visits"]


def test_a_modal_after_a_person_is_no_thing_of_theirs():
    from assistant.answering import aspects
    from assistant.index.lexical import stopwords

    assert aspects.modified("if the baby might be at risk", stopwords()) == []
    assert aspects.modified("what does adult social care do", stopwords()) == [("adult", "social")]


def test_a_rule_for_a_wider_group_is_the_rule_for_its_members():
    from assistant.answering import aspects

    assert aspects.includes("parent", "mums") and aspects.includes("children", "son")
    assert not aspects.includes("mum", "parent") and not aspects.includes("adult", "child")
    text = "You do not need a parent's consent to share information."
    assert not aspects.qualified_otherwise([("mums", "consent")], text, set())
    assert aspects.qualified_otherwise([("adult", "consent")], text, set())


def test_a_general_noun_is_no_thing_a_document_must_speak_of():
    from assistant.answering import subjects

    assert subjects.acted_on("can I share stuff with the surgery?") == ""
    assert subjects.acted_on("can I get my bins collected?") == "bins"


def test_a_spelled_abbreviation_the_glossary_knows_is_read_as_it(gloss):
    from assistant.answering.answers import _known_to

    class Bm25:
        @staticmethod
        def df(stem):
            return 0

    class Index:
        bm25 = Bm25()

    known = _known_to(Index(), gloss)
    assert known("pru") and not known("xyz")
    assert leadin.unspoken("how often did he go to the p r u", known) == "how often did he go to the PRU"


# ---------------------------------------------------------------- the asker's purpose, a GP's clinicians


def test_what_the_asker_needs_it_for_frames_the_question():
    assert {"need", "minutes"} <= leadin.quoting_words("how many came to the learning event I need it for the minutes")
    assert leadin.quoting_words("I need it for the minutes what did they find") == set()  # not the end: a topic


def test_a_gp_practices_clinicians_are_its_staff():
    from assistant.answering import people

    assert "clinician" in people._staff("gp")


def test_a_thing_named_first_then_pointed_back_to_is_what_is_asked_of():
    from assistant.answering import aspects

    assert aspects.asked_of("the Child Quince review, what did that one find?") == ("findings", "Child Quince review")
    assert aspects.asked_of("the Child Quince review what did it recommend") == (
        "recommendations",
        "Child Quince review",
    )
    assert aspects.asked_of("what did that one find") == ("", "")


def test_an_end_point_gives_how_long():
    from assistant.answering import figures

    assert figures.LENGTH.search("a personal adviser, who stays with them until they are at least 21.")
    assert figures.LENGTH.search("support up to the age of 25")
    assert not figures.LENGTH.search("until the end of the meeting")


def test_how_sure_the_asker_is_is_no_figure():
    from assistant.answering import meaning

    assert meaning.incidental_numbers("what if I'm not 100% sure that's what it is?") == {"100"}
    assert meaning.incidental_numbers("what share of places were 100% funded?") == set()


def test_a_reviews_independent_author_is_its_independent_reviewer(gloss):
    from assistant.index.lexical import tokenize

    (m,) = gloss.matches(tokenize("who was the independent author of the review"))
    assert ("independ", "review") in gloss.groups[m.group] or tuple(tokenize("independent reviewer")) in gloss.groups[
        m.group
    ]
