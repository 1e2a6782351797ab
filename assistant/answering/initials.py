"""Abbreviations the glossary does not list, read as the phrase whose initials spell them.

A reader types "EDT", "rhi" or "DV" where the documents say "emergency duty team", "return
home interview" or "domestic violence". A word of two to six letters that English does not
know and that no passage of the index holds is looked for as the initials of a phrase: of a
glossary phrase first (the word joins that phrase's group: "DV" is then also "domestic
abuse"), else, for three letters or more, of a run of the documents' content words (a new
group of the word and that run). Two letters spell too many runs of an index's words to be
read that way. The widened glossary then does what the glossary does for any acronym: widens
the BM25 query, spells the word out for the sentence encoder and lets a quote holding the
phrase hold the word.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.answering import meaning, shorthand
from assistant.answering.glossary import Glossary
from assistant.answering.shorthand import index_initials
from assistant.index.lexical import stopwords, tokenize

_LETTERS = re.compile(r"[a-z]{2,6}")
_TYPED = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # as lexical.words, in the question's case
RARE_ZIPF = 4.0  # a lower-case word rarer than this in general English may be an abbreviation
MAX_PHRASES = 3  # distinct runs kept for one abbreviation (the commonest first)


def candidates(question: str, index) -> list[str]:
    """The question's words that can only be abbreviations: two to six letters, not English,
    held by no passage of the index, and typed in capitals ("EDT") or, in lower case, rare in
    English ("rhi": Zipf below ``RARE_ZIPF``; not "beside" or "info"). A word in Title case
    is a name ("Alan", "Leeds")."""
    stop = stopwords()
    out = []
    for typed in dict.fromkeys(_TYPED.findall(question)):
        w = typed.lower()
        # "ToR" typed so is an abbreviation even when English has the word ("tor", a hill)
        if not _LETTERS.fullmatch(w) or w in stop or (meaning.word_classes(w) and not mixed(typed)):
            continue
        if not (typed.isupper() or plural(typed) or mixed(typed) or (typed.islower() and meaning.zipf(w) < RARE_ZIPF)):
            continue
        stems = tokenize(w)
        if w not in out and not index.bm25.df(stems[0] if stems else w):
            out.append(w)
    return out


def plural(typed: str) -> bool:
    """An abbreviation's plural: capitals and a lower-case "s" ("PCSOs", "DSLs")."""
    return len(typed) >= 4 and typed.endswith("s") and typed[:-1].isupper()


def mixed(typed: str) -> bool:
    """An abbreviation whose small letters stand for small words: "ToR" (terms of reference),
    "SiE" (safeguarding in education), "DfE"."""
    capitals = sum(c.isupper() for c in typed)
    return 3 <= len(typed) <= 5 and typed[0].isupper() and capitals >= 2 and not typed.isupper() and not plural(typed)


# The small words an abbreviation's small letters stand for ("Terms of Reference", "Children in Need").
SMALL_WORDS = frozenset("of in for and on to at by the with".split())


def mixed_runs(typed: str, initials: str, kept: list[str]) -> list[str]:
    """The runs of the documents' words that a mixed-case abbreviation spells: a capital for a
    content word, a small letter for one of ``SMALL_WORDS`` starting with it, commonest first."""
    pattern = re.compile("".join(re.escape(shorthand.BREAK) if c.islower() else c.lower() for c in typed))
    found: Counter[str] = Counter()
    for m in pattern.finditer(initials):
        run = kept[m.start() : m.end()]
        if all(w[:1] == c.lower() and (c.isupper() or w in SMALL_WORDS) for w, c in zip(run, typed, strict=True)):
            found[" ".join(run)] += 1
    return [p for p, _ in found.most_common(MAX_PHRASES)]


def typed_as(word: str, question: str) -> str:
    """How ``word`` (lower case) was typed in ``question``: "ToR", "PCSOs" ("" when it is not there)."""
    typed = re.search(rf"\b{re.escape(word)}\b", question, re.I)
    return typed.group(0) if typed else ""


def letters_of(abbr: str, question: str) -> str:
    """The initials an abbreviation spells: without the "s" of a plural typed as one."""
    return abbr[:-1] if plural(typed_as(abbr, question)) else abbr


def runs_spelling(abbr: str, initials: str, kept: list[str]) -> list[str]:
    """The runs of content words whose initials are ``abbr``, commonest first."""
    found: Counter[str] = Counter()
    at = initials.find(abbr)
    while at >= 0:
        found[" ".join(kept[at : at + len(abbr)])] += 1
        at = initials.find(abbr, at + 1)
    return [p for p, _ in found.most_common(MAX_PHRASES)]


def widened(question: str, index, gloss: Glossary) -> tuple[Glossary, list[str]]:
    """``gloss`` with each abbreviation of ``question`` it lacks joined to the phrase its initials
    spell, and the long forms found (for the sentence encoder)."""
    asked = candidates(question, index)
    known = gloss.singles  # the glossary's one-word phrases
    # "strat", "s.47", "q2": a shortened word, a section of an Act, a quarter (shorthand.py).
    short = shorthand.truncations(question, index, known)
    acts = shorthand.sections(question) + shorthand.quarters(question)  # each group's third: spelled out
    asked = [a for a in asked if a not in {w for w, _ in short}]
    if not (asked or short or acts):
        return gloss, []
    groups = [list(g) for g in gloss.groups]
    longest = list(gloss.longest)
    spelled: list[str] = []
    for word, long in short:
        groups.append([tuple(tokenize(word)), tuple(tokenize(long))])
        longest.append(long)
        spelled.append(long)
    for writings in acts:
        groups.append(list(dict.fromkeys(tuple(tokenize(w)) for w in writings)))
        longest.append(writings[2])
        if writings[2] not in question.lower():
            spelled.append(writings[2])
    for word in asked:
        token, abbr = tuple(tokenize(word)), letters_of(word, question)
        if not token or token in known:
            continue
        gid = next(
            (i for i, g in enumerate(gloss.groups) for p in g if len(p) == len(abbr) > 1 and _initials(p) == abbr),
            None,
        )
        if gid is not None:
            groups[gid].append(token)
            spelled.append(longest[gid])
            continue
        typed = typed_as(word, question)
        if mixed(typed):
            runs = mixed_runs(typed, *index_initials(index))
        elif len(abbr) < 3:
            continue
        else:
            runs = runs_spelling(abbr, *index_initials(index))
        if runs:
            groups.append([token] + [tuple(tokenize(r)) for r in runs])
            longest.append(runs[0])
            spelled.append(runs[0])
    if not spelled and len(groups) == len(gloss.groups):
        return gloss, []
    return Glossary(groups, longest, dict(short)), spelled


def _initials(phrase: tuple[str, ...]) -> str:
    return "".join(t[0] for t in phrase)


def encoded_text(text: str, spelled: list[str]) -> str:
    """The text for the sentence encoder with the long forms found added (as the glossary adds
    an acronym's, which it does only for one typed in capitals)."""
    spelled = [s for s in dict.fromkeys(spelled) if s not in text]
    return f"{text} ({'; '.join(spelled)})" if spelled else text
