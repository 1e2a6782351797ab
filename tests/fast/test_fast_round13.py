"""Thirteenth round: rules read from the development sets' rows, each tested on questions written
here, about made-up people and places."""

from __future__ import annotations

from assistant.answering import aspects


def test_an_adverb_after_a_person_says_when_not_whose():
    pairs = aspects.modified("Can my nephew of 15 mind his sister overnight?", frozenset({"of", "his"}))
    assert ("sister", "overnight") not in pairs
    rule = "Nobody under 16 should be left in charge of a younger child overnight."
    assert not aspects.qualified_otherwise(pairs, rule, set())
    assert not aspects.modified("Is it fine to leave her brother alone?", frozenset({"is", "it", "to", "her"}))
    # A noun after the person still says whose it is.
    assert aspects.modified("Where is the adult contact number?", frozenset({"the", "where", "is"})) == [
        ("adult", "contact")
    ]


def test_who_does_the_most_asks_for_a_figure_not_a_deed():
    from assistant.answering import people
    from assistant.index.lexical import token_set

    q = "Who sends the most referrals, the GPs or the nurseries?"
    assert people.asked(q, "who", set(token_set(q))).deed is None
    q = "Who sends the referrals to the hub?"
    assert people.asked(q, "who", set(token_set(q))).deed is not None


def test_where_a_claim_was_heard_is_no_word_to_find():
    from assistant.answering import asking, leadin

    q = "saw a reel saying only teachers can refer a child?? can a neighbour refer or not"
    assert {"saw", "reel", "saying"} <= leadin.attribution_words(q)
    shown = ["Anyone can tell the hub about a worry: a neighbour, a relative or the child."]
    assert not {"saw", "reel", "saying"} & set(asking.for_reader(q, ["saw", "reel", "saying"], shown, quoted=True))
    # A question about what someone said, a place the claim is about, and "cannot read" are no source.
    assert not leadin.attribution_words("What has the panel said about neglect?")
    assert "cornwall" not in leadin.attribution_words("A friend from Cornwall says their rule is five days.")
    assert not leadin.attribution_words("If the dad cannot read the plan, what happens?")


def test_a_place_or_group_said_to_have_its_own_is_another_s():
    from assistant.answering import subjects

    asked = {"brookby", "out", "hour", "number"}
    said = "For a child who lives in Brookby, call Brookby's own duty team."
    assert subjects.named_elsewhere({"brookbi"}, said, asked)
    # A paragraph's number is no figure given there; a police force is no person named there.
    covered = "4.2 Fenmoor Police also covers Brookby, which has its own LADO."
    assert subjects.named_elsewhere({"brookbi"}, covered, asked)
    assert not subjects.named_elsewhere({"brookbi"}, "Brookby's duty team: 01632 000 111.", asked)
    adults = [("adult", "social")]
    assert subjects.group_elsewhere(adults, "The team does not cover adults; adult social care has its own line.")
    assert not subjects.group_elsewhere(adults, "Ring adult social care on 01632 000 222.")
    assert not subjects.group_elsewhere([("police", "station")], "They chose their own place, not a police station.")


def test_a_body_s_name_is_no_person_s():
    assert not aspects.has_names("Fenmoor Police also covers it.")
    assert aspects.has_names("Ask Tomasz Wierzba.")


def test_a_search_for_a_service_s_number_asks_for_a_phone_number():
    from assistant.answering import answertypes

    for typed in ("lado number?", "out of hours number police", "kite project phone", "duty team tel"):
        assert answertypes.kind(typed) == "phone", typed
    # A plural counted, "number of", a figure checked, and "no" as a word are not a phone number.
    for typed in ("referrals number 2025", "number of contacts", "Is that the right number?", "allegation no employer"):
        assert answertypes.kind(typed) != "phone", typed


def test_a_timescale_or_a_phone_is_held_by_the_value_it_names():
    from meaning_docs import terms_for

    from assistant.answering import evidence

    terms = terms_for({"rhi": "rhi", "timescal": "timescale"})
    assert "timescal" in evidence.values_held(terms, "Every child is offered an interview within 72 hours.")
    assert not evidence.values_held(terms, "Every child is offered an interview.")
    assert evidence.values_held(terms_for({"duti": "duty", "phone": "phone"}), "Ring 01632 000 333.")
    # "term dates": which dates is the question, not held by any date
    assert not evidence.values_held(terms_for({"term": "term", "date": "dates"}), "Closed on 25 December 2026.")


def test_a_post_typed_with_name_asks_for_a_person_s_name():
    from assistant.answering import people
    from assistant.index.lexical import token_set

    for typed, role in (("hub team manager name", "manag"), ("designated nurse name?", "nurs")):
        got = people.asked(typed, "", set(token_set(typed)))
        assert got.by_name and role in got.role, typed
    assert not people.asked("school name", "", {"school", "name"}).by_name  # a school's name, not a person's
    # a word's possessive in a body's name is no person's name; a person's possessive still is
    assert not people.personal_name("Ring the Children's Advice and Screening Team on weekdays.")
    assert people.personal_name("Ask Olu Adeyemi's team.")


def test_a_year_s_label_another_season_names_is_that_season_s():
    from assistant.answering import periods

    assert not periods.season_held(("summer", 2026), "DUTY ROTA, WINTER 2026-27: 1 December 2026 to 28 February 2027")
    assert periods.season_held(("summer", 2026), "Annual report 2026-27")  # a financial year holds its summer
    assert periods.season_held(("summer", 2026), "Summer 2026-27 programme")


def test_a_step_s_label_and_an_age_count_nothing():
    from assistant.answering import answertypes

    table = "Month 1 | Shadow the duty desk | Team manager\nMonth 2 | Spend a day with the youth team | Team manager"
    assert "1" not in answertypes.without_phone_numbers(table)
    aged = "The weekly group for children aged 10 to 17 who go missing often."
    assert "10" not in answertypes.without_phone_numbers(aged)
    counted = "The youth team worked with 140 children in the year."
    assert "140" in answertypes.without_phone_numbers(counted)


def test_a_rate_typed_by_its_unit_asks_for_a_figure():
    from assistant.answering import answertypes

    assert answertypes.kind("hub referrals per month") == "count"
    assert answertypes.kind("what is the caseload per worker") == "count"
    assert answertypes.kind("Does the law stop a teacher helping a child?") != "count"


def test_what_a_search_asks_of_a_thing_comes_last():
    typed = "national panel annual report 2020 themes"
    assert aspects.asked_of(typed) == ("findings", "national panel annual report 2020")
    assert aspects.asked_of("Child Rowan recommendations") == ("recommendations", "Child Rowan")
    assert aspects.asked_of("safeguarding e-learning") == ("", "")
    named = "The e-learning is free. Staff briefings drew on the Panel's annual report 2020, published in May 2021."
    assert aspects.names_thing("panel annual report 2020", named)
    # named, but nothing found is said of it there: an e-learning course is no finding of the report
    assert not aspects.states_of(
        "findings", "panel annual report 2020", named, "", {"learn", "panel", "annual", "report"}, set()
    )


def test_a_learning_brief_named_tells_nothing_of_the_case():
    named = "Read the practice guide and the learning brief from the local review of Child R."
    assert not aspects.accounted("Child R", named, "")
    told = "The local review of Child R found that nobody asked the boy what he wanted."
    assert aspects.accounted("Child R", told, "")


def test_an_emergency_service_named_is_no_emergency():
    from assistant.answering import signpost

    assert not signpost.is_urgent("duty team emergency placement foster carers", None)
    # the duty team's number asked with a worry stays urgent (tests/test_signpost.py)
    assert signpost.is_urgent("it's an emergency, the baby isn't breathing", None)


def test_who_manages_is_said_by_a_named_manager():
    from assistant.answering import people
    from assistant.index.lexical import token_set

    q = "Who manages the out of hours team?"
    deed = people.asked(q, "who", set(token_set(q))).deed
    assert deed is not None
    assert people._does_deed(deed, "Issued by Ama Okafor, out of hours manager, 3 May 2026.", "", {})
    assert not people._does_deed(deed, "The out of hours manager is on call by telephone.", "", {})


def test_a_text_s_kind_after_a_word_is_no_unknown_thing():
    from meaning_docs import terms_for

    from assistant.answering import evidence

    known = {"homeless": 2, "council": 5}.get
    asked = terms_for(
        {"homeless": "homeless", "protocol": "protocol"}, pairs_nn=[("homeless", "protocol")], df=lambda s: known(s, 0)
    )
    assert not evidence.unknown_compound(asked, {"homeless"})
    tax = terms_for({"council": "council", "tax": "tax"}, pairs_nn=[("council", "tax")], df=lambda s: known(s, 0))
    assert evidence.unknown_compound(tax, {"council"})  # "council tax": no document speaks of tax


def test_a_search_refined_twice_leans_on_the_first():
    from assistant.answering.answers import effective_query

    history = ["fenmoor local review taxi driver", "learning points"]
    assert effective_query("recomendations", history) == f"{history[0]} {history[1]} recomendations"
    # a question of its own before it is what it leans on, alone
    asked = ["What did the Fenmoor review find?", "Who wrote the Fenmoor review?"]
    assert effective_query("when", asked) == "Who wrote the Fenmoor review? when"
