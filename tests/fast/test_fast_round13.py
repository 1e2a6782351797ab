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
