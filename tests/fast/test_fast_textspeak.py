"""Text-speak written out for the search and the evidence (textspeak.py, via leadin.unspoken)."""

from __future__ import annotations

import pytest

from assistant.answering import leadin, textspeak

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("wat time does the hub shut", "what time does the hub shut"),
        ("wen do i hear back", "when do i hear back"),
        ("can u tell me if some1 will call", "can you tell me if someone will call"),
        ("r they open on sat", "are they open on sat"),
        ("is it ok tho", "is it ok though"),
    ],
)
def test_text_speak_is_read_written_out(typed, read):
    assert textspeak.written_out(typed) == read
    assert leadin.unspoken(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "why did r stop going to nursery",  # "r": a child's pseudonym typed in lower case
        "what happened to baby u",
        "What did the review of Child R find?",
        "wattage of the heaters in the flat",  # a word that starts like one
    ],
)
def test_pseudonyms_and_other_words_stay_as_typed(typed):
    assert textspeak.written_out(typed) == typed
