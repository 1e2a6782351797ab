"""What in a sentence's structure says it is the one a question asks about (marking).

- A name the question gives that the document's title or section path holds (its town) is
  where every sentence is: it does not choose the sentence.
- A long sentence's opening condition ("If you have news of ..., email ...") restates the
  asker's case; what to do follows it.

- A row of a table is read with the table's header: "Q3 | 2,117 | 561" under "Quarter |
  Contacts | Referrals" holds "contacts" as its column heading, as a reader reads it.
- A count question ("how many X ...?") is answered by a figure of X, not by any figure: and not
  by a figure the question gives itself ("of the nine reviews, how many ...?" is not answered by
  "nine reviews were held"), nor by an ordinal ("in the third quarter" counts nothing).
- A numbered item the question names ("stage two", "level 2", "the second step") is answered by
  the sentence labelled with that number, not by its siblings ("Stage 1: ...", "Stage 3: ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering import answertypes, evidence, meaning

COUNTED_WEIGHT = 0.3  # a figure of what a count question counts, in the sentence (or its row)
LABEL_WEIGHT = 0.5  # the numbered item asked for: its label held, or a sibling's instead

_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
_NUMBER = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
# "stage two", "level 2 or 3", "step 4 and 5": a noun and the number that labels it
_AFTER = re.compile(r"\b([a-z]{3,})\s+" + _NUMBER + r"\b(?:\s*(?:,|or|and|to)\s*" + _NUMBER + r"\b)?", re.I)
# "the second stage", "the 3rd step"
_BEFORE = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))\s+([a-z]{3,})\b", re.I)
_ORDINAL = re.compile(r"\b(?:" + "|".join(_ORDINAL_WORDS) + r")\s+(?=[a-z])", re.I)


def _value(number: str) -> str:
    n = number.lower().rstrip("stndrh") if number[:1].isdigit() else number.lower()
    if n in _NUMBER_WORDS:
        return str(_NUMBER_WORDS.index(n) + 1)
    if n in _ORDINAL_WORDS:
        return str(_ORDINAL_WORDS.index(n) + 1)
    return n


def _stem(word: str) -> str:
    stems = evidence.word_stems(word)[1]
    return stems[0] if stems else word.lower()


def labels(text: str, nouns_only: bool = False) -> dict[str, set[str]]:
    """Stem of each labelling noun -> the numbers it labels in ``text`` ("Stage 2:" {"stage": {"2"}}).
    ``nouns_only``: a question's words, which must be able to be nouns ("level two" yes, "down
    one" of "I wrote down one" no), and which may name an item by its ordinal ("the second step"
    {"step": {"2"}}); a document labels its items by number, and its ordinals are about order or
    time ("in the first year")."""
    out: dict[str, set[str]] = {}
    for m in _AFTER.finditer(text):
        if nouns_only and "NOUN" not in meaning.word_classes(m.group(1).lower()):
            continue
        out.setdefault(_stem(m.group(1)), set()).update(_value(n) for n in m.groups()[1:] if n)
    for m in _BEFORE.finditer(text) if nouns_only else ():
        if "NOUN" not in meaning.word_classes(m.group(2).lower()):
            continue
        out.setdefault(_stem(m.group(2)), set()).add(_value(m.group(1)))
    return out


def asked_labels(question: str) -> dict[str, frozenset[str]]:
    """The numbered items a question names ("what's stage two?" {"stage": {"2"}})."""
    return {n: frozenset(v) for n, v in labels(question, nouns_only=True).items()}


def label_values(asked: dict[str, frozenset[str]], texts: list[str]) -> list[int]:
    """Per sentence: +1 when it is labelled with a number the question asks of the same noun
    ("stage two": "Stage 2: ..."), -1 when labelled by that noun with other numbers only (a
    sibling item), 0 otherwise; all 0 unless some sentence is the item asked for."""
    if not asked:
        return [0] * len(texts)
    out = []
    for text in texts:
        held = labels(text)
        same = [n for n in asked if n in held]
        if any(asked[n] & held[n] for n in same):
            out.append(1)
        else:
            out.append(-1 if same else 0)
    return out if 1 in out else [0] * len(texts)


def is_row(text: str) -> bool:
    """A row of a table, its cells parted by " | "."""
    return " | " in text


def headings(texts: list[str]) -> list[str]:
    """For each sentence that is a row of a table, the table's header row (the first row of its
    run of rows, when that holds no figure: a quote may begin below the header); else ""."""
    out, header, before = [], "", False
    for text in texts:
        if not is_row(text):
            out.append("")
            header, before = "", False
            continue
        if not before:
            header = "" if re.search(r"\d", text) else text
            out.append("")
        else:
            out.append(header)
        before = True
    return out


def given_figures(text: str) -> frozenset[str]:
    """The figures a question states itself ("of the nine reviews ..." {"9"})."""
    return frozenset(meaning.numbers_in(meaning.spelled_in_digits(text)))


# An age counts nothing: "a girl of 13, who ...", "aged 9", "a 16-year-old", "15 months old"
_AGE = re.compile(
    r"\baged?\s+\d{1,2}\b|\b\d{1,2}[- ](?:years?|months?|weeks?)[- ]old\b"
    r"|\bof\s+\d{1,2}(?=\s*(?:[,.;:)]|who\b|and\b|$))",
    re.I,
)


_FIGURE = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")


def without_given(text: str, given: frozenset[str]) -> str:
    """``text`` with its figures in digits, less the question's own figures, ordinals and ages."""
    text = _AGE.sub(" ", _ORDINAL.sub(" ", meaning.spelled_in_digits(text)))
    if not given:
        return text
    return _FIGURE.sub(lambda m: " " if m.group(0).replace(",", "") in given else m.group(0), text)


def counted(terms: evidence.Terms, text: str, heading: str, soft: dict[str, str], glossary) -> bool:
    """Does a sentence give a figure of what a count question counts (other than a figure the
    question gives)? A row of a table does when its row or its heading names what is counted
    and the row holds a figure."""
    if terms.kind != "count" or not terms.target:
        return False
    if is_row(text) and not heading and not re.search(r"\d", text):
        return False  # a table's header names what its rows count
    text = without_given(text, terms.given)
    if heading:
        ws, _ = evidence.word_stems(text)
        named = any(evidence.target_marks(terms, heading + " " + text, soft, glossary))
        return named and answertypes.any_figure(list(ws))
    return evidence.answers_kind(terms, text, frozenset(), soft, glossary)


def only_given(terms: evidence.Terms, text: str) -> bool:
    """Are a sentence's only figures those the question gives itself?"""
    if not terms.given:
        return False
    ws, _ = evidence.word_stems(without_given(text, terms.given))
    return not answertypes.any_figure(list(ws))


_PER_CENT = re.compile(r"\d\s?%|\bper\s?cent\b", re.I)


def in_per_cent(text: str) -> bool:
    """Does ``text`` give a figure in per cent ("46%", "12 per cent")?"""
    return bool(_PER_CENT.search(text))


def parts_given(words: list[str], texts: list[str]) -> set[str]:
    """Of ``words``, those asking for a part of a whole ("percentage", "proportion") when some
    text gives a figure in per cent: the quote holds what they ask for ("46% of them")."""
    if not any(in_per_cent(t) for t in texts):
        return set()
    return {w for w in words if w.lower() in answertypes.PROPORTION_FRAME}


def without_the_setting(terms: evidence.Terms, context: str) -> evidence.Terms:
    """A name the question gives (a town, an organisation: "do health visitors in Ormsgate ...")
    that the quote's document names in its title or section path is where every sentence of it
    is: it chose the passage and does not choose the sentence, or the one sentence repeating the
    town is marked whatever is asked of it."""
    setting = terms.propers & set(evidence.word_stems(context)[1])
    if not setting or setting >= set(terms.words):
        return terms
    words = {s: w for s, w in terms.words.items() if s not in setting}
    return replace(terms, words=words, weights={s: v for s, v in terms.weights.items() if s not in setting})


# "If you have a worry about X, ...", "When a child is missing, ...": what the rest applies to
_CONDITION = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:if|when|whenever|where|once)\b", re.I)


# A clause that opens with its subject and a verb: the main clause after a condition.
_MAIN_CLAUSE = re.compile(
    r"\s*(?:I|we|you|they|he|she|it|this|that|there)\s+(?:will|would|must|should|can|could|may|might|need|needs|"
    r"have|has|had|are|is|was|were|do|does|did)\b",
    re.I,
)


def past_the_condition(text: str, span: tuple[int, int], cuts: list[int], limit: int, share) -> tuple[int, int]:
    """A long sentence's opening condition ("If you have news of a child in a review, email
    the team at ...") holds the question's words, as it restates the asker's case; what to do
    is the clause after it, which holds fewer of them (``share``: of the question's words a
    text holds). When the run chosen is that condition alone, the clauses after it (as many as
    fit in ``limit`` characters; ``cuts``: where its clauses begin) are marked instead. A clause
    after it that holds as much of the question ("If ..., this is called kinship care") makes
    the condition the answer."""
    a, b = span
    if a != 0 or not _CONDITION.match(text) or b >= len(text.rstrip()) or text[b : b + 2].strip() not in (",", ""):
        return span
    after = next((c for c in cuts if c > b), None)
    # the condition alone: its clauses ("If anyone makes an allegation against me, my assistant or
    # anyone who lives in my home,"), none of them a main clause ("..., you must tell us, ...")
    if after is None or any(_MAIN_CLAUSE.match(text, c) for c in cuts if 0 < c < b):
        return span
    ends = [c for c in cuts if after < c <= after + limit]
    if not ends or share(text[after : min(ends)]) >= share(text[a:b]):
        return span
    return after, after + len(text[after : max(ends)].rstrip(" ,;:–—"))
