"""Evidence by meaning: word matching, normalised periods, `missing`, answer types, the marked
sentence, signposts on questions about cases and follow-ups that stand alone.

The first part feeds the evidence functions hand-made vectors and features (no model); the
second asks the real assistant about a small fictional partnership's documents, one test per
failure class of evidence judged by stems (tests/meaning_docs.py, written for these tests)."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from meaning_docs import terms_for

from assistant.answering import answertypes, evidence, marking, meaning, signpost
from assistant.answering.answers import ANSWERED, effective_query
from assistant.answering.glossary import Glossary

DIM = 256


def unit(*xs: float) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


def other(word: str) -> np.ndarray:
    """A word the table does not hold: a direction of its own, far from every other word."""
    v = np.zeros(DIM, dtype=np.float32)
    v[8 + zlib.crc32(word.encode()) % (DIM - 8)] = 1.0
    return v


class FakeVectors(meaning.WordVectors):
    """Word vectors from a table: the evidence functions without the model."""

    def __init__(self, table: dict[str, np.ndarray]):
        super().__init__(embedder=None)
        self.table = table

    def of(self, words):
        return {w: self.table.get(w, other(w)) for w in dict.fromkeys(words)}


TABLE = {  # cosines as the shipped model gives them
    "dads": unit(1, 0, 0, 0),
    "fathers": unit(0.76, 0.65, 0, 0),  # 0.76 with dads
    "mothers": unit(0.6, 0, 0.8, 0),  # 0.60 with dads
    "weekend": unit(0, 0, 0, 1),
    "saturday": unit(0, 0, 0, 0.82, 0.57),  # 0.82 with weekend
    "babies": unit(0, 0, 0, 0, 0, 1),
    "children": unit(0, 0, 0, 0, 0, 0.73, 0.68),  # 0.73 with babies, but ten times as frequent
    "infants": unit(0, 0, 0, 0, 0, 0.87, 0, 0.49),  # 0.87 with babies
}


# ---------------------------------------------------------------- numbers and periods


@pytest.mark.parametrize("written", ["2021/22", "2021-22", "2021–22", "2021 to 2022", "2021-2022", "2021 and 2022"])
def test_a_period_is_the_same_however_it_is_written(written):
    assert meaning.numbers_in(f"in {written} the group met") == {"2021", "2022"}


def test_a_year_in_words_is_the_year():
    assert meaning.numbers_in("the review of twenty twenty") == {"2020"}
    assert meaning.numbers_in("from twenty twenty-one to twenty twenty-two") == {"2021", "2022"}
    assert meaning.numbers_in("twenty children") == set()


def test_thousands_separators_do_not_matter():
    assert meaning.numbers_in("1,024 children") == meaning.numbers_in("1024 children") == {"1024"}


# ---------------------------------------------------------------- words matched by meaning


def test_a_paraphrase_matches_and_another_topic_does_not():
    vectors = FakeVectors(TABLE)
    terms = terms_for({"dad": "dads", "weekend": "weekend"})
    evidence.with_vectors(terms, vectors)
    found = evidence.soft_matches(terms, {"dad", "weekend"}, ("fathers", "saturday"), vectors)
    assert {s: w for s, (w, _) in found.items()} == {"dad": "fathers", "weekend": "saturday"}
    assert evidence.soft_matches(terms, {"dad"}, ("mothers",), vectors) == {}


def test_a_much_more_general_word_does_not_answer_a_specific_one():
    vectors = FakeVectors(TABLE)
    terms = terms_for({"babi": "babies"})
    evidence.with_vectors(terms, vectors)
    assert evidence.soft_matches(terms, {"babi"}, ("children",), vectors) == {}  # 0.73 less 0.1 a Zipf unit
    assert evidence.soft_matches(terms, {"babi"}, ("infants",), vectors)["babi"][0] == "infants"


def test_a_word_the_documents_use_themselves_is_matched_word_for_word():
    """Co-hyponyms are as close as synonyms: "towns" and "cities" (0.77) as "dads" and "fathers"."""
    vectors = FakeVectors(TABLE | {"towns": unit(0.76, 0.65, 0.1, 0), "cities": unit(0.76, 0.65, 0, 0)})
    df = {"town": 4, "citi": 6, "dad": 0}
    terms = terms_for({"town": "towns", "dad": "dads"}, df=lambda s: df.get(s, 0))
    evidence.with_vectors(terms, vectors)
    found = evidence.soft_matches(terms, {"town", "dad"}, ("cities", "fathers"), vectors)
    assert set(found) == {"dad"}  # the documents say "towns" when they mean towns
    df["citi"] = 40  # ... but where they say "cities" ten times as often, "towns" may be a paraphrase
    assert set(evidence.soft_matches(terms, {"town"}, ("cities",), vectors)) == {"town"}


def test_words_for_people_of_opposite_sex_never_match_by_meaning():
    vectors = FakeVectors(TABLE | {"mothers": unit(0.76, 0.65, 0.1, 0)})  # as close to fathers as dads are
    terms = terms_for({"mother": "mothers", "dad": "dads"}, df=lambda s: {"father": 40}.get(s, 0))
    evidence.with_vectors(terms, vectors)
    assert set(evidence.soft_matches(terms, {"mother", "dad"}, ("fathers",), vectors)) == {"dad"}


class CountingEmbedder:
    """Stands in for the model: counts the words it is asked to encode."""

    def __init__(self):
        self.seen: list[str] = []

    def encode_fp32(self, texts, batch_size=256):
        self.seen += texts
        return np.stack([other(t) for t in texts])


def test_word_vectors_are_encoded_once_and_a_question_pays_for_a_budget_of_new_words():
    model = CountingEmbedder()
    vectors = meaning.WordVectors(model)
    many = [f"word{i}" for i in range(100)]
    keep = vectors.known(many, 64)
    assert len(model.seen) == 64 and len(keep(tuple(many))) == 64  # the rest: by stem, this time
    keep = vectors.known(many, 64)
    assert len(model.seen) == 100 and keep(tuple(many)) == tuple(many)
    vectors.of(many)
    assert len(model.seen) == 100


def test_an_index_warms_the_words_of_its_documents():
    model = CountingEmbedder()
    assert evidence.warm_words(meaning.WordVectors(model), ["Fathers met at the hub.", "Dads met weekly."]) == 5
    assert set(model.seen) == {"fathers", "met", "hub", "dads", "weekly"}  # not "at", not "the"


def test_names_and_figures_are_never_matched_by_meaning():
    terms = terms_for({"northshir": "northshire", "six": "six"}, propers={"northshir"})
    assert not evidence.soft_eligible(terms, "northshir")
    assert not evidence.soft_eligible(terms, "six")


# ---------------------------------------------------------------- missing


def test_everyday_words_verbs_and_adverbs_are_never_missing():
    for word in ("its", "some", "between", "get", "going", "called", "meant", "wrote", "closely", "published"):
        assert not evidence.reportable(word), word
    for word in ("workshops", "methodology", "fathers", "online"):
        assert evidence.reportable(word), word


def test_missing_lists_only_words_no_quote_matches_by_meaning():
    terms = terms_for({"dad": "dads", "get": "get", "workshop": "workshops"})
    texts = ["The fathers' group met on Saturday."]
    assert evidence.missing(terms, texts, Glossary(), FakeVectors(TABLE)) == ["workshops"]
    assert evidence.missing(terms, texts, Glossary(), None) == ["dads", "workshops"]  # by stem only


def test_quotes_holding_too_little_of_what_is_asked_are_not_an_answer():
    terms = terms_for({"domest": "domestic", "abus": "abuse", "get": "get"})
    assert evidence.holds_too_little(terms, ["domestic", "abuse"])
    assert not evidence.holds_too_little(terms, ["domestic"])
    assert not evidence.holds_too_little(terms, [])


def test_the_document_a_question_names_is_not_its_topic():
    assert evidence.DOCUMENT_FRAME.match("What does the briefing say about domestic abuse?").group("doc") == "briefing"
    assert evidence.DOCUMENT_FRAME.match("What does the partnership do about abuse?") is None


def test_missing_names_a_pseudonym_and_a_year_as_asked():
    terms = terms_for({"t": "t", "happen": "happened"}, pseudonyms=["Child T"])
    terms.numbers = {"2019"}
    texts = ["In 2020 the review of Child S found that agencies did not share what they knew."]
    assert evidence.missing(terms, texts, Glossary()) == ["2019", "Child T"]  # "happened": only a verb
    assert answertypes.pseudonyms("What happened to Child T and Baby R?") == ["Child T", "Baby R"]
    assert answertypes.names_pseudonym("known here as baby R, who", "Baby R")
    assert not answertypes.names_pseudonym("Baby RJ was", "Baby R")


def test_hedges_frame_a_question():
    assert {"roughly", "approximately", "called", "named", "kind"} <= evidence.QUESTION_WORDS


# ---------------------------------------------------------------- answer types


def test_kinds_of_question():
    assert answertypes.kind("How many dads joined?") == "count"
    assert answertypes.kind("Who chairs the Panel?") == "who"
    assert answertypes.kind("When did the group start?") == "when"
    assert answertypes.kind("What is the review called?") == "name"
    assert answertypes.kind("Why were reviews weaker?") == ""


def test_a_count_needs_a_figure_next_to_what_it_counts():
    stop = evidence.QUESTION_WORDS
    assert answertypes.count_target("How many fathers joined the group in 2022?", stop) == ["fathers"]
    assert answertypes.count_target("How many times did health visitors see the family?", stop)[:2] == [
        "health",
        "visitors",
    ]
    dated = "In March 2022 the group for fathers moved to the family hub".lower().split()
    counted = "In 2022 63 fathers joined the group".lower().split()
    assert not answertypes.satisfied("count", "", dated, [w == "fathers" for w in dated])
    assert answertypes.satisfied("count", "", counted, [w == "fathers" for w in counted])
    elsewhere = "twelve workshops ran while the fathers met".split()
    assert answertypes.figure_near(elsewhere, [w == "fathers" for w in elsewhere], window=2) is False


def test_the_counted_thing_may_be_a_glossary_phrase_but_not_one_of_its_words():
    gloss = Glossary.from_groups([["LCSPR", "local child safeguarding practice review", "local review"]])
    terms = terms_for({"lcsprs": "lcsprs"}, kind="count", target={"lcsprs"})
    terms.groups = gloss.matches(["lcsprs"])
    assert evidence.answers_kind(terms, "Nine local reviews were published.", frozenset(), {}, gloss)
    assert not evidence.answers_kind(terms, "Most rapid reviews were on time.", frozenset(), {}, gloss)


def test_who_needs_a_person_and_when_a_time():
    text = "The lead for the programme is Priya Shah."
    assert answertypes.satisfied("who", text, text.lower().rstrip(".").split())
    assert not answertypes.satisfied("who", "Funding rose sharply.", ["funding", "rose", "sharply"])
    assert answertypes.satisfied("when", "", "the group meets every saturday".split())
    assert not answertypes.satisfied("when", "", "the group is popular".split())


def test_proper_nouns_are_names_not_everyday_words():
    found = answertypes.proper_nouns("How many fathers joined the group in Westbury?", evidence.QUESTION_WORDS)
    assert found == ["westbury"]
    assert answertypes.proper_nouns("What does the Report say?", evidence.QUESTION_WORDS) == []


# ---------------------------------------------------------------- the marked sentence


def sentences(*texts_and_sims) -> list[marking.Sentence]:
    out, at = [], 0
    for text, sim in texts_and_sims:
        out.append(marking.Sentence(at, at + len(text), text, sim))
        at += len(text) + 1
    return out


def test_the_sentence_naming_the_chair_is_marked_not_the_mission():
    terms = terms_for({"chair": "chairs", "panel": "panel"}, kind="who")
    ss = sentences(
        ("The panel works to improve how children are protected across the country.", 0.55),
        ("It publishes national reviews and an annual report on local learning.", 0.50),
        ("The panel is chaired by Priya Shah, appointed in 2020.", 0.52),
    )
    values = marking.scores(ss, terms, {}, Glossary())
    picked = marking.choose(ss, values, 0.08, ss[-1].end)
    assert [ss[i].text for i in picked] == [ss[2].text]


def test_a_lead_in_without_its_list_is_never_the_answer_alone():
    terms = terms_for({"prioriti": "priorities"})
    ss = sentences(("The group met four times.", 0.3), ("The partnership set three priorities:", 0.7))
    values = marking.scores(ss, terms, {}, Glossary())
    assert values[1] < 0 and marking.choose(ss, values, 0.08, ss[-1].end) == [0]
    counting = terms_for({"prioriti": "priorities"}, kind="count")  # "how many priorities?" it does answer
    assert marking.scores(ss, counting, {}, Glossary())[1] > 0


def test_at_most_two_sentences_and_sixty_percent_of_the_quote():
    terms = terms_for({"group": "group"})
    ss = sentences(("The group meets weekly.", 0.6), ("The group is free.", 0.59), ("The group is new.", 0.58))
    values = marking.scores(ss, terms, {}, Glossary())
    picked = marking.choose(ss, values, 0.5, ss[-1].end)
    assert len(picked) <= 2
    assert sum(ss[i].end - ss[i].start for i in picked) <= marking.MAX_SHARE * ss[-1].end


# ---------------------------------------------------------------- signposts and follow-ups


@pytest.mark.parametrize(
    "question",
    [
        "What happened to the baby in the review?",
        "What happened to Child T?",
        "Why was the baby not safe at home in the Eastmoor case?",
        "Do we know the child was being neglected, according to the review?",
        "According to the guidance, what should I do if a baby has a bruise?",
        'In the review, the girl told her teacher "he hits me". What did the school do?',
        # Supposed of any baby, not told of one now (askform.py): the procedure for a bruise.
        "What should I do if a baby has a bruise?",
    ],
)
def test_a_question_about_a_case_in_the_documents_is_not_a_crisis(question):
    assert not signpost.is_urgent(question)


@pytest.mark.parametrize(
    "question",
    [
        "the boy next door is not safe at home tonight",
        "my child I think is in danger right now",
        "I think a child in my class is being neglected, what does the guidance say?",
        "What should I do if my baby has a bruise?",
        "He hits me, what should I do?",
    ],
)
def test_a_worry_now_still_signposts(question):
    assert signpost.is_urgent(question)


def test_what_does_it_say_about_x_stands_alone():
    history = ["How many fathers joined the group?"]
    assert effective_query("What does it say about bruises?", history) is None
    assert effective_query("Does the briefing mention grandparents?", history) is None
    assert effective_query("What does it say about that?", history) == f"{history[0]} What does it say about that?"


# ---------------------------------------------------------------- the real assistant, our own documents


@pytest.fixture(scope="module")
def partnership(build_index, make_assistant, tmp_path_factory):
    import meaning_docs

    index = build_index([meaning_docs.build(tmp_path_factory.mktemp("partnership-docs"))], "partnership-index")
    return make_assistant(index)


def marked(answer) -> list[str]:
    q = answer.quotes[0]
    return [q.text[s:e] for s, e in q.highlights]


def test_paraphrase_and_period_are_answered_without_missing_words(partnership):
    answer = partnership.ask("How many dads joined the group in 2021-22?")
    assert answer.answered and answer.missing == [] and answer.message == ANSWERED
    assert any("63 fathers" in m for m in marked(answer))


def test_a_day_of_the_week_answers_the_weekend(partnership):
    answer = partnership.ask("Does the fathers' group meet at the weekend?")
    assert answer.answered and answer.missing == []
    assert any("Saturday" in m for m in marked(answer))


def test_everyday_words_do_not_show_as_missing(partnership):
    answer = partnership.ask("Roughly how many fathers joined the group between 2021 and 2022?")
    assert answer.answered and answer.missing == []


def test_a_place_the_documents_never_name_is_refused(partnership):
    answer = partnership.ask("How many fathers joined the group in Westbury?")
    assert not answer.answered and "westbury" in [w.lower() for w in answer.missing]
    assert answer.signpost is not None  # every abstention


def test_a_near_synonym_the_documents_use_for_something_else_is_refused(partnership):
    answer = partnership.ask("How many mothers joined the group in 2021-22?")
    assert not answer.answered and answer.missing == ["mothers"]


def test_a_topic_the_documents_lack_is_refused_not_quoted_by_its_frame(partnership):
    answer = partnership.ask("What does the briefing say about domestic abuse?")
    assert not answer.answered and answer.missing == ["domestic", "abuse"]


def test_a_child_the_documents_do_not_name_is_refused(partnership):
    answer = partnership.ask("What did the review of Baby S find?")
    assert not answer.answered and answer.missing == ["Baby S"]
    assert partnership.ask("What did the review of Baby R find?").answered


def test_a_year_in_words_is_asked_as_the_year(partnership):
    answer = partnership.ask("How many dads joined the group in twenty twenty-one to twenty twenty-two?")
    assert answer.answered and answer.missing == []


def test_how_many_times_is_answered_by_twice(partnership):
    answer = partnership.ask("How many times did health visitors see Baby R's family?")
    assert answer.answered and any("saw the family twice" in q.text for q in answer.quotes)


def test_a_count_is_not_answered_by_a_date(partnership):
    answer = partnership.ask("How many grandparents attended the sessions?")
    assert not answer.answered


def test_who_marks_the_sentence_naming_the_person(partnership):
    answer = partnership.ask("Who leads the work with fathers?")
    assert answer.answered
    assert marked(answer) == ["The lead for the programme is Priya Shah, the partnership's business manager."]
    q = answer.quotes[0]
    assert sum(e - s for s, e in q.highlights) <= marking.MAX_SHARE * len(q.text)


def test_a_lead_in_is_quoted_with_its_list(partnership):
    answer = partnership.ask("What are the partnership's three priorities after the review?")
    assert answer.answered
    assert "Health visitors should see both parents" in answer.quotes[0].text


def test_a_lead_in_whose_list_is_absent_is_not_offered_as_the_answer(partnership):
    assert not partnership.ask("What are the four questions for reflective practice?").answered
    counted = partnership.ask("How many questions for reflective practice does the briefing close with?")
    assert counted.answered and any("four questions" in m for m in marked(counted))


def test_a_question_about_a_case_gets_no_signpost(partnership):
    answer = partnership.ask("What happened to Baby R in the review?")
    assert answer.answered and answer.signpost is None


def test_a_standalone_follow_up_is_not_merged(partnership):
    answer = partnership.ask("What does it say about bruises?", history=["How many dads joined the group?"])
    assert answer.interpreted_as is None and answer.answered
    assert "dads" not in answer.missing


def test_a_count_lacking_a_word_of_what_it_counts_is_not_an_answer():
    terms = terms_for({"children": "children", "protect": "protection", "plan": "plans", "wale": "wales"}, kind="count")
    assert evidence.holds_too_little(terms, ["plans"])  # 514 children is not the number on plans
    assert not evidence.holds_too_little(terms, [])
