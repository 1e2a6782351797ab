"""Capitals a question typed in lower case has lost: "ormsgate neglect referrals", "the child n
review". Names are told apart from topics by their capitals (answertypes.proper_nouns,
terms._names, aspects.named), so a phone-typed question would lose every rule about names:
a place, a person or a review named in it must be in the quote or its heading.

A word gets its capital back when the index's documents write it capitalised inside their
sentences and never in lower case, and English does not know it as a word ("Ormsgate",
"Esme"; not "Neglect", which a heading may capitalise). A pseudonym ("child n", "baby l")
gets its capitals back when its letter cannot be an English word of its own ("a", "i"), or
when the documents name that child.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.answering import answertypes, meaning

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A word at the start of a sentence, a line or a heading is capitalised whatever it is.
_OPENING = re.compile(r"(?:^|[.!?:•|>\n]\s*|[\"“‘]\s*)$")
_LOWER_PSEUDONYM = re.compile(
    r"\b(child|baby|infant|sibling|young person|family|adult)(?:\s+group)?\s+([a-z]{1,2}|\d{1,2})\b(?![-'’]\w)", re.I
)
_LETTER_WORDS = frozenset({"a", "i"})  # a letter that is also a word: "is the baby a boy"
# Addresses write names in lower case ("www.ormsgate.gov.uk"): they say nothing of how a name is written.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\b\S+\.(?:uk|com|org|net|gov)\b\S*", re.I)
MIN_CAPITALISED = 2  # times the documents must write a name capitalised inside a sentence


def written_capitalised(texts: list[str]) -> dict[str, str]:
    """Lower-cased word -> the form the documents write it in, for words English does not know
    that they write in Title case, never in lower case, once inside a sentence or
    ``MIN_CAPITALISED`` times anywhere ("Ormsgate", "Oyelaran")."""
    inner: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    lower: set[str] = set()
    form: dict[str, str] = {}
    for text in texts:
        text = _ADDRESS.sub(" ", text)
        for m in _WORD.finditer(text):
            w = re.split(r"['’]", m.group(0), maxsplit=1)[0]
            key = w.lower()
            if w[0].islower():
                lower.add(key)
            elif w[1:] == w[1:].lower() and len(w) > 2:
                anywhere[key] += 1
                inner[key] += not _OPENING.search(text[max(0, m.start() - 3) : m.start()])
                form.setdefault(key, w)
    return {
        k: form[k]
        for k, n in anywhere.items()
        if (inner[k] or n >= MIN_CAPITALISED)
        and k not in lower
        and not any(meaning.word_classes(part) for part in k.split("-"))  # "Co-sleeping" opens sentences
        and not answertypes.calendar_word(k)
        and meaning.zipf(k) < answertypes.PROPER_ZIPF  # "Eight" opening every line of a list
    }


# Written as a person: "Baby Clover, a baby who ...", "Child Calico is the name ...", "Calico's"; not
# "Child Protection conference". A word as common as "protection" (zipf 4.9) is no name.
_AS_A_PERSON = re.compile(r"[’']s\b|\s*[,.;:!?)]|\s+(?:is|was|who|and|had|has|lived|died|survived)\b")
NAME_WORD_ZIPF = 4.0


def word_pseudonyms(index) -> dict[str, str]:
    """The pseudonyms by a made-up name the documents use ("Baby Clover", "Child Calico"), lower-cased
    -> as written (made once per index). An everyday word is a name here: the documents say so."""

    def make():
        found = (
            m.group(0)
            for d in index.documents.values()
            for m in answertypes.BY_NAME.finditer(d.text)
            if _AS_A_PERSON.match(d.text, m.end()) and meaning.zipf(m.group(1).lower()) < NAME_WORD_ZIPF
        )
        return {p.lower(): p for p in found}

    return index.derive("word_pseudonyms", make)


def pseudonyms_named(question: str, index) -> list[str]:
    """The documents' pseudonyms by name that ``question`` names, however typed ("the baby,
    clover", "child calico": "Baby Clover", "Child Calico")."""
    out = []
    for key, form in word_pseudonyms(index).items():
        head, tail = key.rsplit(None, 1)
        if re.search(rf"\b{re.escape(head)}\W{{1,3}}{re.escape(tail)}\b", question, re.I):
            out.append(form)
    return out


def pseudonyms_written(texts: list[str]) -> frozenset[str]:
    """The pseudonyms the documents name, lower-cased ("child n")."""
    return frozenset(m.group(0).lower() for t in texts for m in answertypes.PSEUDONYM.finditer(t))


def index_names(index) -> tuple[dict[str, str], frozenset[str]]:
    """``written_capitalised`` and ``pseudonyms_written`` of an index's documents (made once per index)."""

    def make():
        texts = [d.text + "\n" + d.meta.title for d in index.documents.values()]
        return written_capitalised(texts), pseudonyms_written(texts)

    return index.derive("written_capitalised", make)


def recased(question: str, names: dict[str, str], pseudonyms: frozenset[str] = frozenset()) -> str:
    """``question`` with the capitals of the names it typed in lower case put back."""

    def pseudonym(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        if head[0].isupper() and (tail.isupper() or tail.isdigit()):
            return m.group(0)
        lone = len(tail) == 1 and tail.isalpha() and tail.lower() not in _LETTER_WORDS
        if not lone and m.group(0).lower() not in pseudonyms:  # "a child in", "a child 2 years old"
            return m.group(0)
        return head[0].upper() + head[1:].lower() + m.group(0)[len(head) : -len(tail)] + tail.upper()

    question = _LOWER_PSEUDONYM.sub(pseudonym, question)

    def name(m: re.Match) -> str:
        w = m.group(0)
        base = re.split(r"['’]", w, maxsplit=1)[0]  # "esme's": the name is "esme"
        form = names.get(base.lower())
        return form + w[len(base) :] if form and base.islower() else w

    return _WORD.sub(name, question)


def restored_first(question: str, cased: str) -> bool:
    """Was the question's first word a name typed in lower case? (A question's first word is
    otherwise passed over as a name: every question opens with a capital.)"""
    first, first_cased = _WORD.match(question.lstrip()), _WORD.match(cased.lstrip())
    if first is None or first_cased is None:
        return False
    return first.group(0) != first_cased.group(0)
