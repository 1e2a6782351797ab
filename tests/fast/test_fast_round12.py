"""Twelfth round: rules read from the development sets' rows, each tested on questions written
here, about made-up people and places."""

from __future__ import annotations

from assistant.answering import leadin, signpost


def test_a_case_name_that_is_also_a_word_is_a_name_the_quotes_give():
    quoted = "Child Heron is what the review calls a boy of three."
    assert signpost.names_quoted("what happened to the heron family after?", quoted)
    assert not signpost.names_quoted("what happened to the family after?", quoted)
    assert signpost.names_quoted("what about Esko's dad?", "The review says Esko was four when he was found.")


def test_a_general_claim_told_is_left_out_of_what_the_asker_tells():
    said = "My neighbour at the allotment says the law lets kids stay home alone from age 11. Is that the law?"
    assert leadin.without_told_claims(said) == "Is that the law?"
    assert not signpost.is_urgent(said)
    # A claim about someone in particular is a disclosure, not a rumour: kept.
    told = "My niece told me that her stepdad locks her in her room. Is that allowed?"
    assert leadin.without_told_claims(told) == told
    # Nothing is checked: nothing is left out.
    plain = "My neighbour says the boy next door is left alone every night."
    assert leadin.without_told_claims(plain) == plain


def test_a_question_about_that_reads_with_the_one_before():
    from assistant.answering.answers import effective_query

    before = ["How many children did the Ashgrove hub work with in 2025?"]
    for then in ("is that more than the year before, and by how much?", "How does that compare with 2024?"):
        assert effective_query(then, before) == f"{before[0]} {then}"
    # "that" inside a question of its own points at its own words.
    assert effective_query("Which form do I use so that the hub gets the referral?", before) is None


def test_the_answer_after_a_quiz_question_is_marked_by_that_question():
    from meaning_docs import terms_for

    from assistant.answering import glossary, marking

    terms = terms_for({"long": "long", "inspect": "inspection", "take": "take"}, asking={"take"})
    sentences = [
        marking.Sentence(0, 45, "**3. How long does a Bramble inspection take?**", 0.62),
        marking.Sentence(46, 70, "Answer: two full days.", 0.20),
        marking.Sentence(71, 130, "The inspection looks at how long children wait for help.", 0.55),
    ]
    assert marking.is_question(sentences[0].text)
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert values[0] < 0 and marking.choose(sentences, values, 0.05, 130) == [1]


def test_figures_told_before_the_sentence_asked_are_the_askers():
    from assistant.answering.terms import told_figures

    said = "It's four in 30 days now. In Linden's case, how many times had he run off before the meeting?"
    assert told_figures(said) == {"30"}
    assert told_figures("We had 12 last year. How many in 2026?") == {"12"}
    # A figure asked about, and a year told (it says which period), stay.
    assert told_figures("I was told 45. Is it 45 now?") == set()
    assert told_figures("In 2024 we had a new form. How many used it?") == set()


def test_when_staff_work_does_not_make_them_another_kind_of_staff():
    from meaning_docs import terms_for

    from assistant.answering import evidence

    known = {"staff": 4, "ambul": 0, "night": 0}.get
    night = terms_for({"night": "night", "staff": "staff"}, subject=["night", "staff"], df=lambda s: known(s, 0))
    assert not evidence.another_of_kind(night, got={"staff"})
    other = terms_for({"ambul": "ambulance", "staff": "staff"}, subject=["ambul", "staff"], df=lambda s: known(s, 0))
    assert evidence.another_of_kind(other, got={"staff"})


def test_the_other_side_of_a_comparison_is_not_which_things_are_counted():
    from assistant.answering import figures

    which = figures.which_counted("How many visitors did Oxleigh get compared with last spring?")
    assert "visitors" in which and not which & {"compared", "with", "last", "spring"}
    assert "last" not in figures.which_counted("how many more exclusions than last year?")
    assert "2024" not in (figures.which_counted("how many fires were there this year against 2024?") or set())
    # "against" naming what is counted stays.
    assert "children" in figures.which_counted("how many offences against children were recorded?")


def test_a_pronoun_or_an_emphasis_is_never_what_a_count_lacks():
    from meaning_docs import terms_for

    from assistant.answering import evidence
    from assistant.answering.answers import lacking_in

    assert not evidence.reportable("theirs") and evidence.reportable("caseload")
    count = terms_for({"pupil": "pupils", "actual": "actual"}, kind="count", target={"pupil"})
    question = "how many of them were actual pupils?"
    assert lacking_in(count, ["actual"], ["212 pupils took part."], question) == []


def test_asked_how_things_stand_now_the_sentence_about_before_is_not_marked():
    from meaning_docs import terms_for

    from assistant.answering import glossary, marking, periods

    assert periods.asks_now("Is it still £40 a head, or dearer this year?")
    assert not periods.asks_now("How much did it cost in 2024?")
    assert periods.before_only("Last year they paid £40.")
    assert periods.before_only("Under version 2 a review was held after four episodes.")
    assert not periods.before_only("Everyone else pays £55, down from £40 last year.")
    assert not periods.before_only("On 31 March 2026 the trust was looking after 58 children.")  # the latest figure
    terms = terms_for({"pay": "pay", "year": "year"}, current=True)
    sentences = [
        marking.Sentence(0, 25, "Last year they paid £40.", 0.62),
        marking.Sentence(26, 80, "Everyone else pays £55, down from £40 last year.", 0.58),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 80) == [1]


def test_a_yes_or_no_follow_up_typed_without_its_question_mark_asks_its_own_kind():
    from assistant.answering import answertypes
    from assistant.answering.answers import asked_text, effective_query

    before = ["How many times does a pupil have to be late now before a letter goes home? I had it as five."]
    then = "and have the letters changed at all or is it the same wording as before"
    merged = asked_text(then, before, effective_query(then, before))
    assert merged.endswith("as before?")
    assert answertypes.kind(merged) == ""
    assert answertypes.kind("How many letters went out? and how many came back?") == "count"


def test_a_comparative_verdict_or_a_typed_contraction_is_not_listed_missing():
    from assistant.answering import asking

    shown = ["Exclusions fell from 41 to 33, below the county average."]
    q = "are exclusions getting worse than they were, or any longer?"
    assert asking.for_reader(q, ["worse", "longer"], shown, None, True) == []
    # Before a noun it says which: "older pupils" is not "pupils".
    assert asking.for_reader("what about older pupils?", ["older"], shown, None, True) == ["older"]
    assert asking.for_reader("after ive been excluded can i go back", ["ive"], shown, None, True) == []
    assert not asking.comparative("number") and asking.comparative("dearer")


def test_the_obligation_asked_about_is_not_listed_missing():
    from assistant.answering import asking

    shown = ["You do not need the parents' consent to refer when a child may be at risk of significant harm."]
    assert asking.for_reader("is it obligatory to ask the parents first?", ["obligatory"], shown, None, True) == []
    assert asking.for_reader("is early help compulsory", ["compulsory"], shown, None, True) == []
    assert asking.for_reader("what is the legal age to babysit?", ["legal"], shown, None, True) == ["legal"]


def test_the_answer_after_a_faq_question_of_two_sentences_is_marked():
    from meaning_docs import terms_for

    from assistant.answering import glossary, marking

    terms = terms_for({"chase": "chase", "referr": "referral"}, asking={"chase"})
    sentences = [
        marking.Sentence(0, 50, "Q. I sent a referral to the hub in May and heard nothing.", 0.7),
        marking.Sentence(51, 70, "Who do I chase?", 0.6),
        marking.Sentence(71, 110, "A. Ring the Bridge team on 01632 555 010.", 0.3),
        marking.Sentence(111, 170, "Q. Can I still email a referral form?", 0.5),
    ]
    assert marking.is_question(sentences[0].text) and not marking.is_question(sentences[2].text)
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 170) == [2]


class _Docs:
    """Just what casing reads of an index: its documents' text, and derive."""

    def __init__(self, *texts):
        from types import SimpleNamespace

        self.documents = {str(i): SimpleNamespace(text=t) for i, t in enumerate(texts)}
        self.derived = {}

    def derive(self, key, make):
        return self.derived.setdefault(key, make())


def test_a_childs_pseudonym_by_an_everyday_word_is_named_however_typed():
    from assistant.answering import casing

    index = _Docs(
        "The review of Baby Thistle, a baby who was hurt at home, is not yet published.",
        "Every Child Protection conference is chaired independently. Child Heron is what we call him.",
    )
    assert casing.pseudonyms_named("the one about the baby, thistle? what did it find", index) == ["Baby Thistle"]
    assert casing.pseudonyms_named("what happened to child heron's mum", index) == ["Child Heron"]
    # A service named by everyday words is no child: "Child Protection conference".
    assert casing.pseudonyms_named("who chairs a child protection conference?", index) == []


def test_a_topic_named_by_an_ing_word_must_be_held():
    from meaning_docs import terms_for

    from assistant.answering import evidence, meaning
    from assistant.index.lexical import token_set

    assert meaning.gerund_nouns("did anyone mention online bullying or the grooming of kids?") == {
        "bullying",
        "grooming",
    }
    words = {"bulli": "bullying", "onlin": "online", "survey": "survey"}
    terms = terms_for(words, gerunds=frozenset({"bullying"}), topic=[set(words), set()])
    assert evidence.worth_reporting(terms, "bullying")
    text = "People took part through an online survey and in youth clubs."
    args = (text, "", token_set(text), frozenset(), {}, set())
    # "... and did they do anything about it": the empty part "it" does not let any passage pass.
    assert not evidence.asked_of_it(terms, *args, {"onlin", "survey"})
    held = "In the online survey, 40 children said bullying had got worse."
    assert evidence.asked_of_it(terms, held, "", token_set(held), frozenset(), {}, set(), set(words))


def test_a_comparison_is_about_its_measure():
    from meaning_docs import terms_for

    from assistant.answering import evidence, figures

    q = "How does Oxleigh compare with Wales on youth custody rates?"
    assert figures.compared_on(q) == ["youth", "custody", "rates"]
    assert figures.compared_on("is it better compared to last year?") == []
    words = {"oxleigh": "Oxleigh", "wale": "Wales", "youth": "youth", "custodi": "custody", "rate": "rates"}
    terms = terms_for(words, measure=frozenset(figures.compared_on(q)))
    assert evidence.holds_too_little(terms, ["youth", "custody"])  # only "rates" and the places held
    assert not evidence.holds_too_little(terms, ["Wales"])


def test_an_adverb_after_the_people_is_not_whom_a_thing_is_for():
    from assistant.answering import aspects
    from assistant.index.lexical import stopwords

    assert aspects.modified("The night staff still fill in an ME1. Is that right?", stopwords()) == []
    assert aspects.modified("does adult social care take referrals?", stopwords()) == [("adult", "social")]


def test_a_sentence_about_before_holding_every_word_is_still_not_the_answer_about_now():
    from meaning_docs import terms_for

    from assistant.answering import glossary, marking

    words = {"social": "social", "worker": "worker", "interview": "interview"}
    terms = terms_for(words, current=True)
    sentences = [
        marking.Sentence(0, 70, "From 1 June every child is offered a talk with an independent worker.", 0.45),
        marking.Sentence(71, 130, "Last year the child's own social worker held the interview.", 0.55),
    ]
    values = marking.scores(sentences, terms, {}, glossary.Glossary())
    assert marking.choose(sentences, values, 0.05, 130) == [0]
