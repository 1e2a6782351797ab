"""A month of a year asked must be the passage's period (answering/periods.py). Every question
and passage is written for these tests."""

from __future__ import annotations

import pytest

from assistant.answering import periods

pytestmark = pytest.mark.fast

JUNE_2023 = periods.asked("how many families were waiting for early help in june 2023")


def test_the_month_and_year_asked():
    assert JUNE_2023 == (6, 2023)
    assert periods.asked("how many families were waiting") is None
    assert periods.asked("what changed between May 2022 and July 2023") is None  # two months: no one period


@pytest.mark.parametrize(
    "text",
    [
        "On 30 June 2023, 212 families were waiting for early help.",
        "Families waiting for early help: 212 in 2023-24.",  # the financial year holding June
        "| Measure | Q1 2023-24 | Q2 2023-24 |\n| Families waiting | 212 | 230 |",  # April to June
        "In the year 2023 to 2024, 212 families were waiting on average.",
    ],
)
def test_a_passage_of_that_period(text):
    assert periods.held(JUNE_2023, text, {"famili"})


@pytest.mark.parametrize(
    "text",
    [
        "On 31 December 2023, 230 families were waiting for early help.",  # another month
        "| Measure | Q3 2023-24 | Q4 2023-24 |\n| Families waiting | 230 | 241 |",  # other quarters
        "Families waiting for early help: 198 in 2022-23.",  # the year before
        # the month is there, but as a date of something else
        "A review was published in June 2023. Families waiting for early help: 241.",
    ],
)
def test_a_passage_of_another_period(text):
    assert not periods.held(JUNE_2023, text, {"famili"})


def test_no_month_asked_holds_anything():
    assert periods.held(None, "Families waiting: 241.")
