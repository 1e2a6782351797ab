"""A number to ring and a time of day count nothing (answertypes.without_phone_numbers): a
count question is not answered by a contact line. Text written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import answertypes
from assistant.index.lexical import words

pytestmark = pytest.mark.fast


def test_a_contact_line_holds_no_count():
    line = "Dunmore front door (children's services): 01234 567 890, Monday to Friday 9am to 4.30pm, 17:00 on Fridays."
    assert answertypes.any_figure(list(words(line)))
    assert not answertypes.any_figure(list(words(answertypes.without_phone_numbers(line))))


@pytest.mark.parametrize(
    "text",
    ["There were 2,915 calls in May.", "101 children were seen.", "Ring 999 or 101.", "It rose by 12.5 per cent."],
)
def test_counts_and_short_numbers_stay(text):
    assert answertypes.without_phone_numbers(text) == text
