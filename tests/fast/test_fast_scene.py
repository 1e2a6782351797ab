"""What a question says of the asker's own case is not what a passage must hold, and a figure
may be given where the passage's structure says what it is of: a child's age ("my 5 month old")
is no word of the topic; a party's size set before a count asked of something else ("bringing 12
cubs to camp - how many leaders ...?") is no figure to find; a follow-up that asks its own
question after a clause setting the scene asks for its own kind of answer; a table's rows give
figures of what its lead-in names; "X rather than Y" asks for the part X; the time now ("it's
2am") is held by a span of the clock holding it and points back to nothing, and "tonight" says
when the asker asks, not what about; "not happy" is held by "unhappy"; a scene with no verb of
its own ("night porter here, ...") is background. Every question and
passage here is written for these tests, about a fictional scout group and youth service."""

from __future__ import annotations

import pytest
from meaning_docs import terms_for

from assistant.answering import answers, evidence, figures, glossary, leadin, marking, meaning

pytestmark = pytest.mark.fast


@pytest.fixture(scope="module")
def gloss():
    return glossary.load()


# ---------------------------------------------------------------- ages


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        ("my 5 month old has a rash, which leaflet covers rashes?", {"month", "old"}),
        ("a 15yo was seen at the den - who do we ring?", {"15yo"}),
        ("is the camp open to a 9 year old?", {"year", "old"}),
    ],
)
def test_the_words_of_a_child_s_age_are_not_the_topic(question, gone, index, gloss):
    terms = evidence.question_terms(question, index, gloss)
    assert not gone & set(terms.words.values())


def test_how_old_with_no_age_keeps_its_words(index, gloss):
    terms = evidence.question_terms("how old was the girl in the Heron review?", index, gloss)
    assert "old" in terms.words.values()


# ---------------------------------------------------------------- a party's size


@pytest.mark.parametrize(
    ("question", "figures_"),
    [
        ("bringing 12 cubs to camp - how many leaders must come?", {"12"}),
        ("we run 3 groups: how many helpers does each need?", {"3"}),
        ("out of 60 referrals, how many were about neglect?", set()),  # no clause of its own
        ("There were 90 contacts. How many were about neglect?", set()),  # counts the scene's own
        ("how many of the 40 leaders are trained?", set()),
        ("in 2021 - how many leaders were trained?", set()),  # a year is a period asked
        ("for 4 weeks - how many leaders were trained?", set()),  # a length of time
    ],
)
def test_a_party_set_before_a_count_of_something_else(question, figures_):
    assert meaning.party_figures(question) == figures_


def test_a_party_s_size_is_no_figure_a_passage_must_hold(index, gloss):
    terms = evidence.question_terms("bringing 12 cubs to camp - how many leaders must come?", index, gloss)
    assert "12" not in terms.numbers


# ---------------------------------------------------------------- a follow-up's own question


@pytest.mark.parametrize(
    ("follow_up", "own"),
    [
        ("and once it's logged, what do they do with it?", True),
        ("and when it's sent, where does it go?", True),
        ("what about the year before?", False),
        ("and in 2019?", False),
        ("what if she says no?", False),
    ],
)
def test_a_follow_up_asks_its_own_question(follow_up, own):
    assert marking.asks_own(follow_up) is own


def test_its_own_question_drops_the_earlier_figure_asked():
    earlier = terms_for({"leader": "leaders", "log": "logged"}, kind="count")
    query = "how many leaders are logged? and once it's logged, what do they do with it?"
    follow_up = "and once it's logged, what do they do with it?"
    assert marking.asked_in(earlier, follow_up, query).kind == ""
    assert marking.asked_in(earlier, "and in 2019?", "how many leaders are logged? and in 2019?").kind == "count"


# ---------------------------------------------------------------- tables


SERVICE = (
    "The youth service saw 240 young people in 2024, up from 200 the year before.\n\n"
    "Young people seen in 2024 | Number | Share\n"
    "Bullying | 120 | 50%\n"
    "Online harm | 72 | 30%\n"
    "Other | 48 | 20%"
)


def test_a_table_s_rows_are_of_what_its_lead_in_names():
    said = figures.sentences(SERVICE)
    led = figures.tables_led(SERVICE, lambda s: "youth service" in s)
    assert led == {said[1]}
    assert not figures.tables_led(SERVICE, lambda s: "scout" in s)


def test_a_share_of_the_service_is_found_in_its_table(index, gloss):
    question = "what share of the youth service's cases were bullying?"
    heading = "The youth service"
    terms = evidence.question_terms(question, index, gloss)
    ctx = frozenset(evidence.token_set(heading))
    assert evidence.answers_kind(terms, SERVICE, ctx, {}, gloss)
    alone = SERVICE.split("\n\n")[0]  # the lead-in without its table: no share of the cases
    assert not evidence.answers_kind(terms, alone.replace("240", "many"), ctx, {}, gloss)


# ---------------------------------------------------------------- a contrast


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("how many of the cases were bullying rather than online harm?", {"bullying"}),
        ("how many of the cases were bullying instead of theft?", {"bullying"}),
        ("how many of the cases were bullying?", {"bullying"}),
    ],
)
def test_a_contrast_names_what_the_part_is_not(question, part):
    assert figures.part_counted(question) == part


# ---------------------------------------------------------------- the time now


@pytest.mark.parametrize(
    ("text", "at", "held"),
    [
        ("Between 6pm and 8am, ring the night duty team.", "02:00", True),
        ("Between 6pm and 8am, ring the night duty team.", "13:00", False),
        ("The office is open 9.30am to 4pm.", "10:15", True),
        ("The office is open 9.30am to 4pm.", "17:00", False),
        ("Rooms 5 to 9 are on the first floor.", "07:00", False),  # no clock: no span of the day
    ],
)
def test_a_span_of_the_clock_holds_a_time_asked(text, at, held):
    assert meaning.in_a_span(at, text) is held


def test_a_time_in_a_span_is_no_figure_lacking(index, gloss):
    question = "it's 2am, who do we ring about a referral?"
    terms = evidence.question_terms(question, index, gloss)
    night = "Between 6pm and 8am, ring the night duty team about a referral."
    assert not evidence.figures_lacking(terms, evidence.figures_in(night) | evidence.times_spanned(terms, night, True))
    day = "Ring the office about a referral between 9am and 5pm."
    assert evidence.figures_lacking(terms, evidence.figures_in(day) | evidence.times_spanned(terms, day, True))
    assert "2am" not in evidence.missing(terms, [night], gloss)


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("it's 2am, who do we ring about a referral?", False),
        ("it is Sunday, is the duty team open?", False),
        ("it's the weekend, who answers the helpline?", False),
        ("is it open on Sundays?", True),
        ("who runs it?", True),
    ],
)
def test_it_that_tells_the_time_points_back_to_nothing(question, back):
    assert answers.refers_back(question) is back


# ---------------------------------------------------------------- when the asker asks


def test_when_the_asker_asks_is_no_word_of_the_question(index, gloss):
    terms = evidence.question_terms("can I walk a cub home after the jamboree tonight?", index, gloss)
    assert "tonight" not in terms.words.values() and "jamboree" in terms.words.values()
    terms = evidence.question_terms("is the den open this evening?", index, gloss)
    assert "evening" not in terms.words.values()
    terms = evidence.question_terms("what does the guide say about evening sessions?", index, gloss)
    assert "evening" in terms.words.values()  # a time the question is about


# ---------------------------------------------------------------- a word negated


def test_a_word_negated_is_held_by_its_negative_form(index, gloss):
    terms = evidence.question_terms("I'm not happy with the leader's reply, who else can I ask?", index, gloss)
    happy = next(s for s, w in terms.words.items() if w == "happy")
    unhappy = evidence.token_set("Parents who are unhappy may write to the chair.")
    assert happy in evidence.covered(terms, unhappy, gloss)
    assert happy not in evidence.covered(terms, evidence.token_set("Parents may write to the chair."), gloss)
    plain = evidence.question_terms("who do I ask if I'm happy with it?", index, gloss)
    assert not plain.negated


@pytest.mark.parametrize(
    ("question", "negated"),
    [
        ("the hall isn't safe, who do we tell?", {"safe": "unsaf"}),
        ("we are not happy with the reply", {"happi": "unhappi"}),
        ("is it unsafe?", {}),
    ],
)
def test_the_negative_form_of_a_word_negated(question, negated):
    stems = set(evidence._stemmer().stemWords(evidence.words(question)))
    assert evidence.negated_stems(question, stems) == negated


# ---------------------------------------------------------------- a scene with no verb of its own


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "night porter here, 15 yr old found in the stairwell with three phones - "
            "does the protocol want him sent to the ward?",
            "does the protocol want him sent to the ward?",
        ),
        (
            "youth leader here, writing to the parents about the bus stop - "
            "what's the detached youth team called and when does it meet?",
            "what's the detached youth team called and when does it meet?",
        ),
    ],
)
def test_a_scene_with_no_verb_of_its_own_is_background(text, asked):
    assert leadin.asking_part(text, answers._enough) == asked


@pytest.mark.parametrize(
    "text",
    [
        "about 300 contacts was it, what's the exact number?",  # a figure to check
        "three phones were found - how many phones is that per child?",  # a figure asked of them
        "I keep hearing the warden is leaving, so when were they appointed?",  # a pointer with no words before
        "in the winter newsletter - what did it say about the den?",  # a document named
    ],
)
def test_a_lead_in_the_question_needs_stays(text):
    assert leadin.asking_part(text, answers._enough) == text
