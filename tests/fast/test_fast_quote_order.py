"""The order an answer shows its quotes in (answers.shown_order), and imprints (retrieval.imprint):
the short first passage that says who issued a document and when."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import evidence, glossary
from assistant.answering.answers import RANK_COVERAGE, RANK_FUSION, shown_order
from assistant.answering.retrieval import imprint

BRIEFING_MD = """# Operation Lantern: telling schools about incidents at home

Issued by Brindleford Police and Brindleford Council, March 2031.

## What the scheme is

1.1 When officers attend an incident at home where a child of school age lives, they tell the child's school
before the next school day, so that a trusted adult is ready to notice how the child is.

## What schools do

2.1 The designated safeguarding lead records each message on the child's safeguarding file and decides who in
school needs to know. Questions about the scheme go to the police safeguarding hub.
"""
BRIEFING_META = """id = "lantern-briefing"
title = "Operation Lantern: joint police and schools briefing"
author = "Brindleford Police and Brindleford Council"
"""
# The same wording of an imprint in the body of a page is an answer like any other.
FAQ_MD = """# Questions about local reviews

## Are reviews published?

Yes. Published reviews stay on the website for twelve months from May 2031, and the Panel keeps a library of them.

## Who writes a review?

An independent reviewer writes it with the partnership, and speaks with the family where they agree.
"""
# A colophon at the end of a leaflet is an imprint too.
LEAFLET_MD = """# Worried about a child in Brindleford?

## Who to call

Ring the children's advice line on any day, at any hour, and say what you have seen or heard.

## What happens next

A social worker reads every call the same day and decides with you what to do.

## About this leaflet

Printed by Brindleford Council, June 2031. Ask for it in large print or another language.
"""


@pytest.fixture(scope="module")
def imprint_index(build_index, tmp_path_factory):
    from assistant.index import store

    folder = tmp_path_factory.mktemp("imprint-docs")
    (folder / "lantern-briefing.md").write_text(BRIEFING_MD, encoding="utf-8")
    (folder / "lantern-briefing.meta.toml").write_text(BRIEFING_META, encoding="utf-8")
    (folder / "reviews-faq.md").write_text(FAQ_MD, encoding="utf-8")
    (folder / "leaflet.md").write_text(LEAFLET_MD, encoding="utf-8")
    root = build_index([folder], name="imprint-index")
    from assistant.encoding.embeddings import shared_embedder

    fake = shared_embedder(encoder="fake")
    return store.load(root, fake.name, fake.dimensions)


def passage_with(index, words: str):
    return next(p for p in index.passages if words in index.documents[p.doc_id].text[p.start : p.end])


def test_the_issuing_line_is_an_imprint_and_the_body_is_not(imprint_index):
    assert imprint(imprint_index, passage_with(imprint_index, "Issued by Brindleford Police"))
    assert not imprint(imprint_index, passage_with(imprint_index, "When officers attend"))
    # "Published ... May 2031" inside a page's answers is not the page's imprint.
    assert not imprint(imprint_index, passage_with(imprint_index, "Published reviews stay"))
    assert imprint(imprint_index, passage_with(imprint_index, "Printed by Brindleford Council"))
    assert not imprint(imprint_index, passage_with(imprint_index, "A social worker reads"))


def candidate(index, words: str, score: float, fused: float, coverage: float = 0.5):
    p = passage_with(index, words)
    row = index.passages.index(p)
    hit = SimpleNamespace(passage=p, fused=fused, row=row)
    feats = {"coverage": coverage}
    return evidence.Candidate(hit, frozenset(), frozenset(), feats, True, score=score)  # type: ignore[arg-type]


def order(index, question: str, cands) -> list[str]:
    terms = evidence.question_terms(question, index, glossary.load())
    got = shown_order(cands, terms, index)
    text = index.documents["lantern-briefing"].text
    return [text[c.hit.passage.start : c.hit.passage.end][:12] for c in got]


def test_an_imprint_that_only_names_the_document_comes_after_the_body(imprint_index):
    cands = [
        candidate(imprint_index, "Issued by Brindleford", 0.9, 0.8),  # names Operation Lantern, says nothing of it
        candidate(imprint_index, "When officers attend", 0.5, 0.2),
    ]
    assert order(imprint_index, "what is operation lantern", cands)[0].startswith("1.1 When")
    # A "who" question whose verb the imprint does not hold is not about who issued it.
    assert order(imprint_index, "who is the police contact for Operation Lantern", cands)[0].startswith("1.1 When")


def test_an_imprint_still_answers_when_and_who_issued(imprint_index):
    cands = [
        candidate(imprint_index, "When officers attend", 0.5, 0.2),
        candidate(imprint_index, "Issued by Brindleford", 0.9, 0.8),
    ]
    assert order(imprint_index, "When was the Operation Lantern briefing issued?", cands)[0].startswith("Issued by")
    assert order(imprint_index, "Who issued the Operation Lantern briefing?", cands)[0].startswith("Issued by")


def test_close_probabilities_are_told_apart_by_retrieval(imprint_index):
    gap = 0.05  # probabilities this close: the better retrieval match goes first
    cands = [
        candidate(imprint_index, "When officers attend", 0.60 + gap, 0.30),
        candidate(imprint_index, "2.1 The designated", 0.60, 0.30 + 2 * gap / RANK_FUSION),
    ]
    assert order(imprint_index, "what do schools do with the messages", cands)[0].startswith("2.1 The")
    # A clearly likelier passage keeps its place whatever the fusion score.
    cands[0].score = 0.95
    assert order(imprint_index, "what do schools do with the messages", cands)[0].startswith("1.1 When")


def test_close_probabilities_are_told_apart_by_what_of_the_question_is_held(imprint_index):
    gap = 0.05
    cands = [
        candidate(imprint_index, "When officers attend", 0.90 + gap, 0.5, coverage=0.4),
        candidate(imprint_index, "2.1 The designated", 0.90, 0.5, coverage=0.4 + 2 * gap / RANK_COVERAGE),
    ]
    assert order(imprint_index, "what do schools do with the messages", cands)[0].startswith("2.1 The")
