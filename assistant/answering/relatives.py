"""A relative of a named person: "what happened to Teasel's big sister?", "marrams older brother",
"the mother of Opal" ask about the relative, not about the person named. A passage that names
the person but never the relative (by its word, another everyday word for the same relative, or
the general word: "sibling", "parent") tells the named person's story, not the relative's, and
does not answer. The kin words are a closed class of English.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each relative -> the words that name the same relative (its forms, then the general word).
_SAME = {
    "mother": "mother mothers mum mums mom moms mam mummy parent parents",
    "father": "father fathers dad dads daddy parent parents",
    "sister": "sister sisters sibling siblings",
    "brother": "brother brothers sibling siblings",
    "stepfather": "stepfather stepfathers stepdad stepdads partner partners",
    "stepmother": "stepmother stepmothers stepmum stepmums partner partners",
    "grandmother": "grandmother grandmothers gran grandma nan nana granny grandparent grandparents",
    "grandfather": "grandfather grandfathers grandad granddad grandpa grandparent grandparents",
    "aunt": "aunt aunts auntie aunty",
    "uncle": "uncle uncles",
    "cousin": "cousin cousins",
    "son": "son sons",
    "daughter": "daughter daughters",
    "grandson": "grandson grandsons grandchild grandchildren",
    "granddaughter": "granddaughter granddaughters grandchild grandchildren",
    "niece": "niece nieces",
    "nephew": "nephew nephews",
    "boyfriend": "boyfriend boyfriends partner partners",
    "girlfriend": "girlfriend girlfriends partner partners",
}
_NAMES_FOR = {kin: frozenset(forms.split()) for kin, forms in _SAME.items()}
_FORMS = {
    "mum": "mother", "mom": "mother", "mam": "mother", "mummy": "mother",
    "dad": "father", "daddy": "father", "stepdad": "stepfather", "stepmum": "stepmother",
    "gran": "grandmother", "grandma": "grandmother", "nan": "grandmother", "nana": "grandmother",
    "granny": "grandmother", "grandad": "grandfather", "granddad": "grandfather", "grandpa": "grandfather",
    "auntie": "aunt", "aunty": "aunt",
}  # fmt: skip
_KIN = "|".join(sorted(set(_SAME) | set(_FORMS), key=len, reverse=True))
_BEFORE = r"(?:(?:big|little|older|younger|elder|eldest|youngest|baby|twin|half|step|new|birth|real)[\s-]+){0,2}"
# "Teasel's big sister", "marrams older brother" (dictation drops the apostrophe), "Child T's mum"
_OF_NAMED = re.compile(
    r"\b(?:(?:child|baby)\s+)?(?P<name>[A-Za-z][a-z]*?)(?:['’]s|s['’]|s)\s+" + _BEFORE + rf"(?P<kin>{_KIN})\b", re.I
)
# "the older sister of Teasel", "the mother of child T"
_NAMED_AFTER = re.compile(
    rf"\bthe\s+{_BEFORE}(?P<kin>{_KIN})\s+of\s+(?:(?:child|baby)\s+)?(?P<name>[A-Za-z][a-z]*)\b", re.I
)


_ANY_KIN = frozenset(w for forms in _SAME.values() for w in forms.split()) | frozenset(_FORMS)


def is_kin(word: str) -> bool:
    """Is ``word`` (or its stem: "mother", "mum", "grandmoth") a word for a relative?"""
    return word in _ANY_KIN or word in _kin_stems()


@lru_cache(maxsize=1)
def _kin_stems() -> frozenset[str]:
    from assistant.index.lexical import tokenize

    return frozenset(tokenize(" ".join(_ANY_KIN)))


def asked(question: str) -> list[tuple[str, str]]:
    """(name, relative) pairs the question asks about: the name as typed, the relative's word."""
    out = []
    for pattern in (_OF_NAMED, _NAMED_AFTER):
        for m in pattern.finditer(question or ""):
            kin = m.group("kin").lower()
            out.append((m.group("name"), _FORMS.get(kin, kin)))
    return out


def _named(name: str, text: str) -> bool:
    """Does ``text`` name this person: the name with its capital, and never as a word in lower case?"""
    title = name[:1].upper() + name[1:].lower()
    return bool(re.search(rf"\b{re.escape(title)}\b", text)) and not re.search(rf"\b{re.escape(title.lower())}\b", text)


def another_relative(pairs: list[tuple[str, str]], text: str) -> bool:
    """Does ``text`` name a person the question asks a relative of, and never that relative?"""
    for name, kin in pairs:
        everyday = name.islower() and _everyday(name)  # "the boy's dad": any boy's, named or not
        if everyday and is_kin(name.lower()):  # "my sister's grandson": the asker's own family
            continue
        if len(name) < 2 and not re.search(rf"\b(?:Child|Baby)\s+{re.escape(name.upper())}\b", text):
            continue
        if len(name) >= 2 and not everyday and not _named(name, text):
            continue
        if not _NAMES_FOR[kin] & set(re.findall(r"[a-z]+", text.lower())):
            return True
    return False


EVERYDAY_ZIPF = 3.5  # a word of English most readers know (wordfreq): "mate", "boy", not "marram", "teasel"


def _everyday(word: str) -> bool:
    from assistant.answering import meaning

    return meaning.zipf(word) >= EVERYDAY_ZIPF


def possessors(question: str) -> set[str]:
    """Whose relative is asked about, when that is an everyday word, not a name ("my *mates*
    mum", "the boys dad"): the asker's situation, not a word the quotes need hold."""

    out = set()
    for m in _OF_NAMED.finditer(question or ""):
        name = m.group("name")
        if name.islower() and _everyday(name):
            out |= {name, m.group(0).split()[0].rstrip("'’")}
    return out
