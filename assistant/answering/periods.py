"""Periods: a month of a year asked ("at the end of March 2024") must be the passage's period.

A figure "at 30 September 2024" or a table of "Q2 2023-24 | Q1 2024-25" says nothing of March
2024. The passage (or its heading and title) must name that month with its year ("31 March
2024", "the year to March 2024"), or the financial year that holds it ("2023-24", "2023 to
2024"), on its own or as the quarter that holds it ("Q4 2023-24"): a financial year runs from
April to March, its first quarter April to June.
"""

from __future__ import annotations

import re

from assistant.answering.figures import sentences
from assistant.index.lexical import token_set

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
_QUARTER_BEFORE = re.compile(r"\b(?:q|quarter\s*)([1-4])\W{0,3}$", re.I)


def asked(question: str) -> tuple[int, int] | None:
    """The month (1-12) and year of the one month of a year the question names, if any."""
    found = {(_MONTHS.index(m.group(1).lower()) + 1, int(m.group(2))) for m in _MONTH_YEAR.finditer(question)}
    return found.pop() if len(found) == 1 else None


def held(period: tuple[int, int] | None, text: str, about: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does ``text`` name the month asked with its year, or a financial year or quarter holding it,
    in a sentence holding one of the stems ``about`` (what the question asks of that month; all
    sentences when none): "a review published in March 2024" is no figure for March 2024."""
    if period is None:
        return True
    return any(_names(period, s) for s in sentences(text) if not about or about & token_set(s))


def _names(period: tuple[int, int], text: str) -> bool:
    month, year = period
    name = _MONTHS[month - 1]
    if re.search(rf"\b{name}\W+(?:\d{{1,2}}\W+)?{year}\b", text, re.I):
        return True
    start = year if month >= 4 else year - 1
    end = start + 1
    label = re.compile(rf"\b{start}\s*(?:[-/–]\s*(?:{end}|{end % 100:02d})|\s+to\s+{end})\b")
    quarter = (month - 4) % 12 // 3 + 1
    for m in label.finditer(text):
        q = _QUARTER_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        if not q or int(q.group(1)) == quarter:
            return True
    return False


# A year written as the date of what a document replaced: "replacing version 2 of January 2022".
_REPLACED = re.compile(r"\b(?:replac(?:es|ed|ing)|supersed(?:es|ed|ing)|previous|former)\b[^.;:!?]*$", re.I)
# A question about the change itself ("what changed from the 2022 version?") is answered there.
_CHANGE = re.compile(r"\b(?:chang\w*|replac\w*|supersed\w*|differ\w*|new|updat\w*)\b", re.I)
_BEFORE_YEAR = 40  # characters before a year searched for the word replacing it


def replaced_only(years: set[str], text: str) -> bool:
    """Is a year the question asks about ("what did the 2022 version say ...?") written in
    ``text`` only as the date of what the document replaced ("Version 3, replacing version 2 of
    January 2022")? Then the passage is of another version and says nothing of that year's."""
    for year in years:
        found = list(re.finditer(rf"\b{year}\b", text))
        if found and all(_REPLACED.search(text[max(0, m.start() - _BEFORE_YEAR) : m.start()]) for m in found):
            return True
    return False


def of_versions(question: str, years: set[str]) -> set[str]:
    """The years a passage must hold as more than a replaced version's date: ``years``, unless
    the question asks about the change itself ("what changed from the 2022 version?")."""
    return set() if _CHANGE.search(question) else years


# The months a season may name, reading it both as a quarter of the year and as a school term
# (the autumn term runs to December, the spring term from January, the summer term from April):
# a passage dated in any of them may be the season asked.
_SEASONS = {
    "spring": (1, 2, 3, 4, 5),
    "summer": (4, 5, 6, 7, 8),
    "autumn": (9, 10, 11, 12),
    "fall": (9, 10, 11, 12),
}
_SEASON_YEAR = re.compile(r"\b(spring|summer|autumn|fall)\s+(?:term\s+)?(?:of\s+)?((?:19|20)\d\d)\b", re.I)


def season_asked(question: str) -> tuple[str, int] | None:
    """The one season of a year the question names ("in autumn 2027": ("autumn", 2027)), if any."""
    found = {(m.group(1).lower(), int(m.group(2))) for m in _SEASON_YEAR.finditer(question)}
    return found.pop() if len(found) == 1 else None


def season_held(season: tuple[str, int] | None, text: str) -> bool:
    """Does ``text`` name the season asked with its year ("autumn 2027", "autumn term 2027"), or a
    month of it with that year ("14 October 2027", "September 2027")? A programme dated only in
    spring 2027, or a course whose "dates are not yet set", says nothing of autumn 2027. True
    when none is asked."""
    if season is None:
        return True
    name, year = season
    if any(m.group(1).lower() == name and int(m.group(2)) == year for m in _SEASON_YEAR.finditer(text)):
        return True
    # "WINTER 2026-27": a year's label that another season names is that season's, not the year's
    text = _SEASON_LABEL.sub(lambda m: m.group(0) if m.group(1).lower() == name else " ", text)
    return any(_names((month, year), text) for month in _SEASONS[name])


_SEASON_LABEL = re.compile(
    r"\b(spring|summer|autumn|fall|winter)\s+(?:term\s+)?(?:19|20)\d\d\s*(?:[-/–]|\s+to\s+)\s*(?:19|20)?\d\d\b", re.I
)


# The asker asks how things stand now, often against before ("is it still 72 hours?", "is it any
# different now?", "dearer or cheaper this year?"); "when did it change?" asks when, not now.
_NOW = re.compile(
    r"\b(?:now|still|nowadays|these\s+days|currently|at\s+the\s+moment|this\s+(?:year|time)|any\s+more|anymore|"
    r"different)\b",
    re.I,
)
# A sentence about before only: a marker of before ("last year", "under version 3", "used to") and
# nothing of now (a present verb, "now", "this year", "from 1 June", "new").
# A dated past tense ("On 31 March 2026 Tessford was looking after 64") is the latest figure, not before.
_PAST = re.compile(
    r"\b(?:used\s+to|last\s+(?:year|time)|the\s+year\s+before|previously|formerly|in\s+the\s+past|old|"
    r"under\s+(?:the\s+)?(?:old|previous|version\s+\d+))\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|will|must|can|should|now|this\s+(?:year|time)|from|since|new|today|currently|still|"
    r"no\s+longer)\b",
    re.I,
)


def asks_now(question: str) -> bool:
    """Does the question ask how things stand now ("is it still ...?", "any different now?")?"""
    return bool(_NOW.search(question or ""))


def before_only(sentence: str) -> bool:
    """Does ``sentence`` tell only how things were ("Last year they paid £35.", "Under version 3 a
    strategy meeting was held when ...")?"""
    return bool(_PAST.search(sentence)) and not _PRESENT.search(sentence)
