"""Meaning: whether a passage holds a question's word by meaning, not only by its stem.

Each word is encoded on its own by the model we already ship (all-MiniLM-L6-v2, fp32,
mean-pooled): "dads" lands near "fathers" (cosine 0.76), "called" near "named", "weekend" near
"Saturday", while "dads" and "panel" stay far apart (0.18). A question word is matched by meaning
when some word of the passage reaches ``MATCH``; names and figures never match this way (a town
is not another town, 2021 is not 2020). Word vectors depend only on the word, so they are cached
for the whole process and shared by every index: the words of the passages that come back as
candidates are encoded once, in one batch, the first time they are seen.

Numbers are normalised here too: "2021/22", "2021-22", "2021–2022" and "2021 to 2022" are the
same period, and stand for both of their years; a passage holds a figure however it writes it
(``figures_of``: "eleven", "one year" for "12 months", "one in five" for "20%", "16:00" for "4pm").

Words common in general English (``wordfreq``'s Zipf frequency of at least ``COMMON_ZIPF``:
"its", "some", "between", "get", "going") are never reported as missing: they say nothing about
what the question is about. ``wordfreq`` ships its frequency lists inside its wheel (offline).
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

# A question word is matched by a passage word at least this close (cosine of the two words'
# vectors, each encoded alone). Paraphrases sit at 0.7-0.9 (dads/fathers 0.76, weekend/Saturday
# 0.82, kids/children 0.86, notified/notification 0.85); below about 0.65 the nearest word of
# a passage is most often only related (before/after 0.64, one/three 0.65, book/learning 0.51),
# and everyday words (Zipf >= COMMON_ZIPF: "from", "time", "get") match nearly anything, so
# they are left to their stems on both sides.
MATCH = 0.65
# A passage word more general than the question's word must come closer: "children" does not
# answer a question about "babies" (cosine 0.73), though "infants" does (0.87). Generality is
# read from frequency (a word ten times more frequent in general English is one Zipf unit
# more general; information content, as in Resnik's measure): each unit raises the bar by this.
GENERAL_PENALTY = 0.1
COMMON_ZIPF = 5.5  # about once in 300,000 words of general English, or more often
# A question word the documents use themselves is matched by meaning only where they use the
# other word at least this many times as often (one order of magnitude, like a Zipf unit):
# co-hyponyms ("mothers"/"fathers" 0.66, "boys"/"girls" 0.74, "town"/"city" 0.77) are as close
# as synonyms ("dads"/"fathers" 0.75), but documents that mean mothers say "mothers".
PREFERRED = 10
MATRICES = 2048  # passages whose stacked word vectors are kept (about 40 KB each: 80 MB at most)
CACHE_WORDS = 200_000  # word vectors kept (384 floats each: about 300 MB at most)

_PERIOD = re.compile(r"(?<![\w.])((?:19|20)\d\d)\s*(?:-|–|—|/|to|until|till|and)\s*((?:19|20)\d\d|\d\d)(?![\w])", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
# A date written the continental way ("14.05.2021", "04.2024"): its year is the figure it names.
_DOTTED_DATE = re.compile(r"(?<![\w.])(?:(?:[0-2]?\d|3[01])\.)?(?:0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)(?![\w.]\d)")


def _second_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_YEAR_WORDS = re.compile(
    r"\b(nineteen|twenty)[ -](" + "|".join(_TEENS) + r"|twenty(?:[ -](?:" + "|".join(_UNITS[1:]) + r"))?)\b", re.I
)


def _spoken_year(m: re.Match) -> str:
    """ "twenty twenty-one" -> "2021", "nineteen ninety"... is left alone (only 1910-2029)."""
    century = "19" if m.group(1).lower() == "nineteen" else "20"
    rest = m.group(2).lower().replace("-", " ").split()
    if rest[0] in _TEENS:
        return century + str(10 + _TEENS.index(rest[0]))
    return century + str(20 + (_UNITS.index(rest[1]) if len(rest) > 1 else 0))


def years_in_digits(text: str) -> str:
    """ "in twenty twenty-one" -> "in 2021"."""
    return _YEAR_WORDS.sub(_spoken_year, text)


def numbers_in(text: str) -> set[str]:
    """Numbers without thousands separators; a period counts as both of its years; a year
    in words ("twenty twenty") is the year."""
    text = _DOTTED_DATE.sub(r"\g<year>", years_in_digits(text))  # "04.2024–03.2025": 2024–2025
    text = _PERIOD.sub(lambda m: f"{m.group(1)} {_second_year(m.group(1), m.group(2))}", text)
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SPELLED = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[ -](" + "|".join(_UNITS[1:]) + r"))?|(" + "|".join(_UNITS + _TEENS) + r"))\b",
    re.I,
)


# Figures in other words: "the second review", "twice in a row" (2 of them), "a dozen".
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.I)
_MULTIPLES = {"once": "1", "twice": "2", "thrice": "3", "dozen": "12"}
_MULTIPLE = re.compile(r"\b(once|twice|thrice|dozen)\b", re.I)
# "the under-fives" (made plural), "s47" or "s.47" (section 47), "Y6" (glued to letters).
_PLURAL_NUMBER = re.compile(r"\b(" + "|".join(_UNITS[2:] + _TEENS) + r")s\b", re.I)
_PREFIXED = re.compile(r"(?<=[A-Za-z])\.?(\d+)\b")


def _spelled_number(m: re.Match) -> str:
    if m.group(3):
        word = m.group(3).lower()
        return str(_UNITS.index(word) if word in _UNITS else 10 + _TEENS.index(word))
    tens = 20 + 10 * _TENS.index(m.group(1).lower())
    return str(tens + (_UNITS.index(m.group(2).lower()) if m.group(2) else 0))


def spelled_numbers(text: str) -> list[tuple[list[str], str]]:
    """Each number a text writes in words, as its words (lower case) and its digits: "open
    twenty-four hours" -> [(["twenty", "four"], "24")] (a year in words is a year: "2020")."""
    out = []
    for m in _SPELLED.finditer(years_in_digits(text)):
        out.append((re.split(r"[ -]", m.group(0).lower()), _spelled_number(m)))
    return out


def spelled_in_digits(text: str) -> str:
    """ "eleven times", "twenty-two practitioners" -> "11 times", "22 practitioners" (years in
    words first: "twenty twenty" is 2020, not 20 20)."""
    return _SPELLED.sub(_spelled_number, years_in_digits(text))


# Abbreviations of English dictionaries, typed for the word in a hurry ("2 yr check", "missed appts").
ABBREVIATIONS = {"yr": "year", "yrs": "years", "mth": "month", "mths": "months", "wk": "week", "wks": "weeks"}
ABBREVIATIONS |= {"hr": "hour", "hrs": "hours", "appt": "appointment", "appts": "appointments"}
ABBREVIATIONS |= {"comms": "communications"}

# A length of time, whichever unit it is written in: "12 months", "one year" and "a year" are
# the same length, as are "a fortnight", "two weeks" and "14 days". Years and months are one
# scale (a month is not a whole number of weeks), weeks, days and hours the other.
_UNIT_SIZE = {"year": (12, "months"), "month": (1, "months"), "fortnight": (336, "hours"), "week": (168, "hours")}
_UNIT_SIZE |= {"day": (24, "hours"), "hour": (1, "hours")}
_DURATION = re.compile(
    r"(?<![\w.])(?:(?P<n>\d+(?:\.\d+)?|an?)(?P<half>\s+and\s+a\s+half)?|(?P<halfa>half\s+an?))[\s-]+"
    r"(?P<unit>year|month|fortnight|week|day|hour)s?(?P<tail>\s+and\s+a\s+half)?(?!\w)",
    re.I,
)


_MONTH_DAYS = 365.25 / 12


def in_months(length: str) -> str | None:
    """A length in days or weeks that people also say in months ("90 days": "3 months", "52
    weeks": "12 months"), within a day or 3%; None for other lengths ("28 days", "4 weeks":
    not a month). The two scales meet only here, for the readers who write either."""
    n, _, scale = length.partition(" ")
    days = float(n) / 24 if scale == "hours" else 0.0
    months = round(days / _MONTH_DAYS)
    if months < 1 or abs(days - months * _MONTH_DAYS) > 1 + 0.03 * months * _MONTH_DAYS:
        return None
    return f"{months} months"


def durations(text: str) -> dict[str, str]:
    """The lengths of time a text gives, each in its scale's smallest unit ("one year" ->
    "12 months", "a fortnight" -> "336 hours"): the words as written -> that length."""
    return _durations(spelled_in_digits(text))


def _durations(spelled: str) -> dict[str, str]:
    out = {}
    for m in _DURATION.finditer(spelled):
        n = 0.5 if m.group("halfa") else 1.0 if m.group("n").lower() in ("a", "an") else float(m.group("n"))
        n += 0.5 if m.group("half") or m.group("tail") else 0.0
        size, scale = _UNIT_SIZE[m.group("unit").lower()]
        out[m.group(0)] = f"{n * size:g} {scale}"
    return out


# "rang 999", "call 112": the emergency services' number is how someone was called, not a figure.
_EMERGENCY = re.compile(
    r"\b(?:ring|rings|rang|rung|ringing|call|calls|called|calling|phone|phones|phoned|phoning|"
    r"dial|dials|dialled|dialed|dialling|dialing)\s+(?:the\s+)?(999|112)\b|\b(999|112)\s+call",
    re.I,
)
_FROM_ZERO = re.compile(r"(?<![\w.])0\s*(?:-|–|to)\s*\d", re.I)


# A child's age in the asker's case ("a 14 yr old", "16yo", "a 7 month old", "aged 15"): the
# documents give ages as ranges ("11 to 17", "under 16"), so the age itself is no figure to hold.
_NOT_AGES = r"hours?|minutes?|mins?|days?|times?|pounds?|miles?|p|am|pm"  # "she was 2 hours late"
_CHILD_WORDS = (
    r"(?:bab(?:y|ies)|sons?|daughters?|child|children|kids?|boys?|girls?|grand(?:son|daughter)s?|nieces?|nephews?)"
)
_AGE = re.compile(
    r"(?<![\w.])(?P<n>\d{1,2})\s*-?\s*(?P<unit>yrs?|years?|months?|mths?|weeks?|wks?)\s*-?\s*olds?\b"
    r"|(?<![\w.])(?P<yo>\d{1,2})\s*yo\b|\baged\s+(?P<aged>\d{1,2})\b"
    # "the under 9s", "U12s": an age group; "im 15", "I'm only 14": the asker's own age
    r"|\b(?:under[- ]?|u)(?P<grp>\d{1,2})s\b"
    r"|\b(?:i['’]?m|i\s+am)\s+(?:only\s+|just\s+)?(?P<me>\d{1,2})(?:\s+years?\s+old)?"
    r"(?![\w%:/]|[.,]\d)(?!\s*(?:" + _NOT_AGES + r"|weeks?|months?|%)\b)"
    # "our baby's only 4 months", "my son is 9": a child's age said of the child
    r"|\b(?:bab(?:y|ies)|son|daughter|child|kid|boy|girl|grand(?:son|daughter)|niece|nephew|he|she)"
    r"(?:['’]s|\s+is|\s+was|\s+turned)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?(?P<cop>\d{1,2})"
    r"(?:\s*(?P<cunit>months?|mths?|weeks?|wks?|years?|yrs?)(?:\s+old)?)?(?![\w%:/]|[.,]\d)"
    r"(?!\s*(?:" + _NOT_AGES + r")\b)"
    # "my daughter has 11 years", "I have 14 years" (an age said as in French, Spanish, Polish or
    # Arabic), and "came alone from Sudan, 15 years.": an age put after the child
    r"|\b(?:" + _CHILD_WORDS + r"|i|he|she)\s+(?:has|have|had)\s+(?P<has>\d{1,2})\s+(?:years?|yrs?)\b"
    r"(?!\s+(?:of|in|at|since|ago|now|experience|to)\b)"
    r"|\b(?:" + _CHILD_WORDS + r"|he|she|him|her)\b[^.?!,\n]{0,60},\s*(?P<app>\d{1,2})\s+(?:years?|yrs?)"
    r"(?:\s+old)?\s*(?=[.;!]|$)",
    re.I,
)


def without_ages(text: str) -> str:
    """``text`` without the ages of the asker's case ("my 7 month old", "a 16yo"): the age is
    checked against the ranges a passage states (``ages_outside``); its words ("month", "old")
    are not what the question is about."""
    # of "my son is 9" only "9" goes: the son is what the question is about
    return _AGE.sub(_keep_who, text)


def _keep_who(m: re.Match) -> str:
    """The child of "my son is 9", "my daughter has 11 years" stays; the age goes."""
    who = next((g for g in ("cop", "has", "app") if m.group(g)), None)
    return (m.group(0)[: m.start(who) - m.start()] if who else "") + " "


# The number of the asker's own slide ("slide 4 (national picture)"): no document's figure.
_SLIDE = re.compile(r"\bslides?\s*(?:no\.?\s*)?(\d{1,3})\b", re.I)
# "not 100% sure", "a hundred per cent certain": how sure, no figure
_SURE = re.compile(r"\b(100)\s*(?:%|per\s*cent|percent)\s+(?:sure|certain|confident|positive)\b", re.I)
# A school year group ("I teach year 10", "a Y9 girl", "my yr 6 class"): who is asked about, no
# figure. Not "year 2 of the plan", a period of something counted.
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(1[0-3]|[1-9])\b(?!\s*(?:of|olds?\b|-old|years?)\b)", re.I)


# A figure offered as an estimate ("roughly 200", "around 60", "nearly 500"): the passage gives
# the real one, which is what is asked. Not "about" before a year ("about 2020" is a topic).
_ESTIMATE = re.compile(
    r"\b(?:roughly|around|approximately|approx\.?|nearly|almost|circa|about)\s+(?!(?:19|20)\d\d\b)(\d[\d,]*)",
    re.I,
)


# An age range a passage states: "aged 11 to 17", "11-18 year olds", "under 16s", "over 13".
_AGE_RANGE = re.compile(
    r"\b(?:aged|ages|age)\s+(\d{1,2})\s*(?:to|-|–|and)\s*(\d{1,2})\b"
    r"|(?<![\w.])(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\s*-?\s*(?:year|yr)s?[- ]?olds?\b"
    r"|\bunder[- ](\d{1,2})s?\b|\bover[- ](\d{1,2})s?\b",
    re.I,
)


_AGE_GROUPS = ("n", "yo", "aged", "cop", "grp", "me", "has", "app")  # the figure of each way of saying an age


def _age_figure(m: re.Match) -> str:
    return next(m.group(g) for g in _AGE_GROUPS if m.group(g))


# A child's age said by the stage of life: a baby is in its first year, a toddler one to three, a
# teenager 13 to 19. Not a pseudonym ("Baby N", "baby n"): a review's name for one child.
_AGE_STAGE = re.compile(
    r"\b(?P<stage>new-?borns?|bab(?:y|ies)|infants?|toddlers?|teen(?:ager)?s?)\b(?!\s+[a-z]\b)", re.I
)
_STAGE_AGES = {"new": (0.0,), "bab": (0.5,), "inf": (0.5,), "tod": (1.0, 2.0, 3.0), "tee": tuple(range(13, 20))}


def ages_asked(text: str) -> set[float]:
    """The ages a question gives a child, in years ("a 14 yr old" 14, "a 6 month old" 0.5, "a
    baby" 0.5, "a teenager" each of 13 to 19)."""
    out = {float(a) for m in _AGE_STAGE.finditer(text) for a in _STAGE_AGES[m.group("stage")[:3].lower()]}
    for m in _AGE.finditer(text):
        n, unit = int(_age_figure(m)), (m.group("unit") or m.group("cunit") or "y").lower()
        n -= 1 if m.group("grp") else 0  # an under-9 is 8 at most
        out.add(n / 12 if unit.startswith("m") else n / 52 if unit.startswith("w") else float(n))
    return out


def ages_outside(ages: set[float], text: str) -> bool:
    """Does ``text`` state age ranges none of which holds an asked age (a guide "for young people
    aged 11 to 18" asked about a 9 year old)? False when it states none."""
    spans = []
    for m in _AGE_RANGE.finditer(text):
        lo, hi, under, over = m.group(1) or m.group(3), m.group(2) or m.group(4), m.group(5), m.group(6)
        spans.append((int(lo), int(hi) + 1) if lo else (0, int(under)) if under else (int(over) + 1, 99))
    return bool(spans) and not any(lo <= age < hi for age in ages for lo, hi in spans)


def incidental_numbers(text: str) -> set[str]:
    """Numbers of a question that are not figures a passage must hold: the emergency number
    (999, or 112) where someone called it, the 0 of an age range ("0-5s": the under-sixes), a
    child's age in the asker's case, a school year group, "100% sure" and a figure offered as an
    estimate."""
    out = {m.group(1) or m.group(2) for m in _EMERGENCY.finditer(text)}
    out |= {_age_figure(m) for m in _AGE.finditer(text)}
    out |= {m.group(1) for m in _SLIDE.finditer(text)}
    out |= {m.group(1) for m in _SURE.finditer(text)}
    if not _HOW_MANY.search(text):  # "how many year 11 pupils": which pupils are counted
        out |= {m.group(1) for m in _SCHOOL_YEAR.finditer(text)}
    out |= {m.group(1).replace(",", "") for m in _ESTIMATE.finditer(text)}
    out |= party_figures(text)
    return out | ({"0"} if _FROM_ZERO.search(text) else set())


# A clause of its own before the question ("bringing 12 cubs to camp - how many leaders ...?"):
# ended by a dash, a colon, a semicolon or a full stop, with no word of asking in it.
_SCENE_END = re.compile(r"\s+[-–—]\s+|[:;]\s+|[.!?]\s+")
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.I)
_PARTY = re.compile(r"(?<![\w.,])(\d[\d,]*)\s+(?P<noun>[a-z]+s)\b", re.I)
_MEASURES = frozenset(
    "years yrs months weeks wks days hours hrs minutes mins seconds times pounds miles pence percent".split()
)


_NOT_COUNTED = frozenset(
    "of were was are is do did does have has had will would can could should more fewer less".split()
)


def party_figures(question: str) -> set[str]:
    """The figures of the asker's own case in a scene set before a count asked of something else:
    the 12 of "bringing 12 cubs to camp - how many leaders must come?" is what the rule is
    applied to, not a figure the passage gives. Only a count of things (a figure before a plural
    noun, not a unit of time or money, not a year), in a clause of its own before "how many"."""
    asked = _HOW_MANY.search(question)
    counted = re.match(r"\s+([a-z]+)", question[asked.end() :], re.I) if asked else None
    if not asked or not counted or counted.group(1).lower() in _NOT_COUNTED:
        return set()  # "... How many were about neglect?": the scene's figure is of what is counted
    ends = [m for m in _SCENE_END.finditer(question, 0, asked.start())]
    if not ends:
        return set()
    scene = question[: ends[-1].start()]
    out = set()
    for m in _PARTY.finditer(scene):
        figure = m.group(1).replace(",", "")
        if m.group("noun").lower() in _MEASURES or re.fullmatch(r"(?:19|20)\d\d", figure):
            continue
        out.add(figure)
    return out


# A time of day however written: "9.30am", "9:30 am", "09:30" are "09:30"; "4pm" and "16:00" are "16:00".
_CLOCK = re.compile(r"(?<![\w.:])(\d{1,2})(?:[.:](\d\d))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\w:])", re.I)


def clock_times(text: str) -> list[tuple[set[str], str]]:
    """The times of day a text gives: (its figures as ``numbers_in`` reads them, "HH:MM")."""
    out = []
    for m in _CLOCK.finditer(text):
        hour, minutes, half = int(m.group(1)), m.group(2), (m.group(3) or "").lower().replace(".", "")
        if not (half or minutes) or hour > 23 or (half and not 1 <= hour <= 12):
            continue  # a bare number is not a time
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        out.append((numbers_in(m.group(0)), f"{hour:02d}:{minutes or '00'}"))
    return out


# A span of the clock: "between 5pm and 9am", "from 9.30am to 4pm", "8am-6pm", "6pm until 8am".
_SPAN = re.compile(
    r"(?P<a>\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?)\s*(?:and|to|until|till|-|–)\s*"
    r"(?P<b>\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?)(?![\w:])",
    re.I,
)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def in_a_span(asked: str, text: str) -> bool:
    """Does ``text`` give a span of the clock holding the time ``asked`` ("HH:MM", as
    ``clock_times`` reads it)? "Between 5pm and 9am" holds 3am: a span may run past midnight."""
    at = _minutes(asked)
    for m in _SPAN.finditer(text):
        ends = [clock_times(m.group("a")), clock_times(m.group("b"))]
        if not all(ends):
            continue
        start, end = _minutes(ends[0][0][1]), _minutes(ends[1][0][1])
        if start <= at <= end if start <= end else (at >= start or at <= end):
            return True
    return False


# A part of a whole however written: "one in five", "a fifth" and "20 per cent" are all "20%".
_PART = re.compile(
    r"(?<![\w.])(\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(\d+)(?![\w.])"
    r"|\b(a|one|two|three|four)[ -](half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b",
    re.I,
)
_PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_PARTS |= {"tenth": 10, "tenths": 10}


def proportions(text: str) -> set[str]:
    """The parts of a whole a text gives, as whole per cents ("one in three" -> "33%")."""
    return _proportions(text, spelled_in_digits(text))


def _proportions(text: str, spelled: str) -> set[str]:
    out = set()
    found = [(m.group(1), m.group(2)) for m in _PART.finditer(spelled) if m.group(1)]
    found += [(m.group(3), m.group(4)) for m in _PART.finditer(text) if m.group(3)]
    for part, whole in found:
        n = 1 if part.lower() in ("a", "one") else int(part) if part.isdigit() else _UNITS.index(part.lower())
        d = int(whole) if whole.isdigit() else _PARTS[whole.lower()]
        if 0 < n <= d:
            out.add(f"{round(100 * n / d)}%")
    return out


def figures_of(text: str) -> set[str]:
    """Every figure a passage holds, however written: its numbers (``numbers_in``), numbers
    in words ("eleven" -> "11"), its lengths of time (``durations``: "12 months"), times of
    day ("16:00") and parts of a whole ("20%")."""
    spelled = spelled_in_digits(text)
    lengths = set(_durations(spelled).values())
    out = numbers_in(text) | numbers_in(spelled) | lengths | {m for m in map(in_months, lengths) if m}
    out |= {str(_ORDINALS.index(m.group(1).lower()) + 1) for m in _ORDINAL.finditer(text)}
    out |= {_MULTIPLES[m.group(1).lower()] for m in _MULTIPLE.finditer(text)}
    out |= numbers_in(spelled_in_digits(_PLURAL_NUMBER.sub(lambda m: m.group(1), text)))
    times = {time for _, time in clock_times(text)}
    out |= times | {time[:2].lstrip("0") or "0" for time in times}  # "16:00" and its hour, "16"
    out |= _proportions(text, spelled)
    return out | set(_PREFIXED.findall(text)) | age_bounds(spelled)


# An age bound a passage sets: "children under 12", "under 18 if disabled", "aged 16 or over".
# Not a bound of age: "under 12 months" (a baby's), "over 10 days", "under 5%".
_NOT_AGE = r"(?![\d.,%:])(?!\s*(?:per|months?|weeks?|days?|hours?|minutes?|mins?|miles?|pounds?|times)\b)"
_OF_AGE = r"\s+(?:the\s+age\s+of\s+)?(\d{1,2})" + _NOT_AGE
_AGE_BELOW = re.compile(r"\b(?:under|below|younger\s+than)" + _OF_AGE, re.I)
_AGE_ABOVE = re.compile(r"\b(?:over|above|older\s+than)" + _OF_AGE, re.I)
_AGE_FROM = re.compile(r"\b(\d{1,2})\s+(?:and|or)\s+(?:over|above|older)\b|\b(\d{1,2})\+", re.I)
_AGE_UPTO = re.compile(r"\b(\d{1,2})\s+(?:and|or)\s+(?:under|younger|below)\b|\bup\s+to" + _OF_AGE, re.I)
# A child's age in a question: "my 11 year old", "a 17-year-old", "aged 14".
_AGE_ASKED = re.compile(r"(?<![\w.])(\d{1,2})[\s-]*(?:years?|yrs?)[\s-]*old\b|\baged\s+(\d{1,2})\b", re.I)
OLDEST = 25  # no bound in the sector's documents sets an age beyond this (care leavers: 25)


def age_bounds(text: str) -> set[str]:
    """The age bounds ``text`` sets, as "<12" (under 12), "<=18" (up to 18), ">16" (over 16) or
    ">=16" (16 and over): an age asked falls inside one or not (``equivalents``)."""
    out = {f"<{m.group(1)}" for m in _AGE_BELOW.finditer(text)}
    out |= {f">{m.group(1)}" for m in _AGE_ABOVE.finditer(text)}
    out |= {f">={m.group(1) or m.group(2)}" for m in _AGE_FROM.finditer(text)}
    return out | {f"<={m.group(1) or m.group(2)}" for m in _AGE_UPTO.finditer(text)}


def ages_within(age: int) -> set[str]:
    """Every bound (``age_bounds``) that takes in a child of ``age``: "11 year old" is under 12."""
    out = {f"<{n}" for n in range(age + 1, OLDEST + 1)} | {f"<={n}" for n in range(age, OLDEST + 1)}
    return out | {f">{n}" for n in range(age)} | {f">={n}" for n in range(age + 1)}


# A figure given as rough: "about 500", "around 250", "roughly 40": the exact figure near it answers.
_ROUGH = re.compile(
    r"\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|circa|some)\s+(\d{2,4})(?![\d.,%:/-])"
    r"(?!\s*(?:-|to)\s*\d)(?![\s-]*(?:years?|yrs?)[\s-]*old)",
    re.I,
)
# Two figures offered as alternatives ("1 contact or 3", "2 or 3 days"): one held answers which.
_EITHER = re.compile(r"(?<![\w.,])(\d+)(?:\s+[a-z]+){0,2}\s+or(?:\s+[a-z]+){0,2}\s+(\d+)(?![\w.,%])", re.I)
ROUGHLY = 0.1  # a rough figure is taken to be within a tenth of the exact one


def rough_figures(question: str) -> dict[str, set[str]]:
    """The question's rough figures ("about 500"), each with the whole numbers within ``ROUGHLY``
    of it. Only a round figure (ending in 0 or 5) is rough, never a year: "about 2020" is the year."""
    out: dict[str, set[str]] = {}
    for m in _ROUGH.finditer(question):
        n = int(m.group(1))
        if n % 5 or 1900 <= n <= 2100:
            continue
        slack = max(1, int(n * ROUGHLY))
        out[m.group(1)] = {str(k) for k in range(n - slack, n + slack + 1)}
    return out


_PER_CENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.I)
_SHORT_PERIOD = re.compile(r"(?<![\w./-])(\d\d)\s*[/–-]\s*(\d\d)(?![\w/.-])")


def equivalents(question: str) -> dict[str, frozenset[str]]:
    """A figure of the question that a passage may hold another way: "12" of "12 months" is
    held by "one year" (the length "12 months"); a child's age by a bound that takes it in
    ("11 year old": "under 12"); a rough figure by an exact one near it ("about 500": 482)."""
    out: dict[str, set[str]] = {}
    for words_, length in durations(question).items():
        for n in numbers_in(words_):
            out.setdefault(n, set()).update(m for m in (length, in_months(length)) if m)
    for figures, time in clock_times(question):  # "9.30am": "09:30", however the passage writes it
        for n in figures:
            out.setdefault(n, set()).add(time)
    for m in _PER_CENT.finditer(question):  # "20%": "one in five", "a fifth"
        out.setdefault(m.group(1), set()).add(f"{round(float(m.group(1)))}%")
    for m in _AGE_ASKED.finditer(question):  # "my 11 year old": "children under 12"
        age = m.group(1) or m.group(2)
        out.setdefault(age, set()).update(ages_within(int(age)))
    for m in _EITHER.finditer(question):  # "is that 1 contact or 3": the passage says which
        out.setdefault(m.group(1), set()).add(m.group(2))
        out.setdefault(m.group(2), set()).add(m.group(1))
    for n, near in rough_figures(question).items():  # "about 500": 482
        out.setdefault(n, set()).update(near)
    for m in _SHORT_PERIOD.finditer(question):  # "in 21/22": the years 2021 and 2022
        first, second = m.group(1), m.group(2)
        if int(second) == int(first) + 1:
            out.setdefault(first, set()).add("20" + first)
            out.setdefault(second, set()).add("20" + second)
    return {n: frozenset(v) for n, v in out.items()}


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


# A passage is at most this many words (settings.PASSAGE_MAX_WORDS): how often a word of general
# English turns up in one passage of general English is what its frequency says of its weight.
GENERAL_PASSAGE_WORDS = 80


def general_idf(word: str) -> float:
    """The word's idf over passages of general English (``GENERAL_PASSAGE_WORDS`` words each),
    from its Zipf frequency: ``-ln(p)`` where ``p`` is the chance a passage holds it ("just"
    1.5, "thing" 3.2, "hoarding" 9.2; 0 for a word nearly every passage holds). A small index
    gives a word it never holds its highest idf, however common the word is; this says how much
    the word can tell at all."""
    share = GENERAL_PASSAGE_WORDS * 10 ** (zipf(word) - 9)  # a word English lacks (Zipf 0) tells most
    return -math.log(min(1.0, share))


def common(word: str) -> bool:
    """A word of everyday English that says nothing of a question's topic."""
    return zipf(word) >= COMMON_ZIPF


@lru_cache(maxsize=65536)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech -> lemmas of an English word ("holding": NOUN holding, VERB hold), from
    LemmInflect's lexicon (shipped in its wheel); empty for a word it does not know."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word)) if word else {}


def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English word can be ("holding": NOUN and VERB)."""
    return frozenset(word_lemmas(word))


def same_lemma(word: str, other: str) -> bool:
    """Two forms of one English word ("midwife", "midwives"; "child", "children")."""
    if not word or not other:
        return False
    mine = {lemma for lemmas in word_lemmas(word).values() for lemma in lemmas}
    return bool(mine & {lemma for lemmas in word_lemmas(other).values() for lemma in lemmas})


@lru_cache(maxsize=65536)
def noun_forms(word: str) -> frozenset[str]:
    """The other number of an English noun where it is irregular: "men" -> "man", "child" ->
    "children", "lives" -> "life" (LemmInflect's lexicon). Not a plural in "-s" or "-es" (the
    stemmer's own work, and "goes" is a verb before it is the plural of "a go"), and only forms
    that keep the word's first letter."""
    from lemminflect import getAllInflections

    lemmas = set(word_lemmas(word).get("NOUN", ()))
    forms = set(lemmas)
    for lemma in lemmas:
        forms |= {f for tag, fs in getAllInflections(lemma, upos="NOUN").items() for f in fs}
    regular = {word + "s", word + "es"} | {f for f in forms if word in (f + "s", f + "es")}
    return frozenset(f for f in forms - regular if f != word and f[:1] == word[:1])


# Personal and possessive pronouns: a closed class of English, never what a question is about.
PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its "
    "itself we us our ours ourselves they them their theirs themselves".split()
)


# An "-ing" form after a determiner, an adjective or a preposition names a thing ("about online
# *bullying*", "the *grooming*", "of *cuckooing*"), though the lexicon knows it only as a verb.
_GERUND_NOUN = re.compile(
    r"\b(?:about|of|for|on|in|with|against|from|the|a|an|any|some|this|that|no|online|cyber|peer|sexual|"
    r"criminal|child|private)\s+([a-z]{3,}ing)\b",
    re.I,
)


def gerund_nouns(question: str) -> frozenset[str]:
    """The "-ing" words ``question`` uses as nouns, lower-cased (``_GERUND_NOUN``)."""
    return frozenset(m.group(1).lower() for m in _GERUND_NOUN.finditer(question or ""))


def how_not_what(word: str) -> bool:
    """A word that can only be a verb or an adverb ("meant", "wrote", "closely", "listen"): it
    says how a question asks, not what it is about, so it is never reported missing."""
    classes = word_classes(word)
    return bool(classes) and classes <= {"VERB", "ADV", "AUX"}


def lemmas_of(word: str) -> set[str]:
    """The word and its lemmas of any part of speech ("commonest": common; "children": child),
    only those that keep its first letters: "worst" is not "ill"."""
    found = {lemma for forms in word_lemmas(word).values() for lemma in forms}
    return {word} | {lemma for lemma in found if lemma[:3] == word[:3]}


def spelled_by_initials(word: str, words: list[str]) -> bool:
    """Is ``word`` an abbreviation that a run of ``words`` spells out by their initials ("ehe":
    elective home education; "icb": integrated care board)? Only for a word the English lexicon
    does not know: a word of English ("ear", "map") is itself, not an abbreviation."""
    n = len(word)
    if not 2 <= n <= 6 or not word.isalpha() or word_classes(word):
        return False
    initials = "".join(w[0] for w in words)
    at = initials.find(word)
    while at >= 0:
        if all(w.isalpha() for w in words[at : at + n]):
            return True
        at = initials.find(word, at + 1)
    return False


def same_root(a: str, b: str) -> bool:
    """Do two stems share a root, one the start of the other ("visit", "visitor")?"""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def warm_up() -> None:
    """Load the frequency lists and the lexicon now (0.2-0.3 s each), not on a first question."""
    zipf("panel")
    word_classes("panel")


class WordVectors:
    """Unit vectors of single words, from the shipped model, cached across questions."""

    def __init__(self, embedder, size: int = CACHE_WORDS):
        self.embedder = embedder
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._matrices: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def known(self, words: list[str], budget: int = 64):
        """Encode at most ``budget`` of ``words`` not yet known, and return a filter that keeps
        the known ones of a tuple of words: a question on a large index never pays for more
        than ``budget`` new words (the rest are matched by stem until a later question)."""
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if new:
            self.of(new[:budget])
        if len(new) <= budget:
            return lambda ws: ws
        with self._lock:
            cached = set(self._cache)
        return lambda ws: tuple(w for w in ws if w in cached)

    def matrix(self, words: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The words' vectors stacked, and their Zipf frequencies (kept: a passage's words
        come back question after question)."""
        with self._lock:
            found = self._matrices.get(words)
        if found is None:
            vecs = self.of(words)
            rows = np.stack([vecs[w] for w in words]) if words else np.zeros((0, 1), np.float32)
            found = (rows, np.array([zipf(w) for w in words], dtype=np.float32))
            with self._lock:
                self._matrices[words] = found
                while len(self._matrices) > MATRICES:
                    self._matrices.popitem(last=False)
        return found

    def of(self, words) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(words))
        with self._lock:
            out = {w: self._cache[w] for w in wanted if w in self._cache}
        todo = [w for w in wanted if w not in out]
        if todo:
            encode = getattr(self.embedder, "encode_fp32", None) or self.embedder.encode
            vecs = encode(todo, batch_size=256)
            with self._lock:
                for w, v in zip(todo, vecs, strict=False):
                    self._cache[w] = out[w] = np.asarray(v, dtype=np.float32)
                while len(self._cache) > self.size:
                    self._cache.popitem(last=False)
        return out


_shared: dict[int, WordVectors] = {}
_shared_lock = threading.Lock()


def shared(embedder) -> WordVectors:
    """One word cache per model in a process: every index and assistant reads the same words."""
    with _shared_lock:
        found = _shared.get(id(embedder))
        if found is None or found.embedder is not embedder:
            found = _shared[id(embedder)] = WordVectors(embedder)
        return found


def best_matches(
    question: dict[str, np.ndarray], words: tuple[str, ...], rows: np.ndarray, freqs: np.ndarray
) -> dict[str, tuple[str, float]]:
    """For each question word, the closest of ``words`` (vectors ``rows``, Zipf frequencies
    ``freqs``) and their cosine, less the penalty for a word more general than the question's."""
    if not question or not words:
        return {}
    qs = list(question)
    sims = np.stack([question[w] for w in qs]) @ rows.T
    general = freqs[None, :] - np.array([zipf(w) for w in qs], dtype=np.float32)[:, None]
    sims = sims - GENERAL_PENALTY * np.maximum(general, 0.0)
    best = sims.argmax(axis=1)
    return {q: (words[int(j)], float(sims[i, j])) for i, (q, j) in enumerate(zip(qs, best, strict=False))}
