"""Glossary: sector acronyms and synonyms, as groups of phrases that mean the same thing.

The shipped ``glossary.toml`` is extended by the operator's file (``ASSISTANT_GLOSSARY``)
and by a ``glossary.toml`` in the index folder. A group matched in a question widens the
BM25 query with the other phrases of the group, and a quote holding any phrase of the
group covers the question's words of that phrase (``missing``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import GlossaryProblem  # noqa: F401  (raised here; importable from here too)
from assistant.index.lexical import tokenize

FILE = "glossary.toml"
SHIPPED = Path(__file__).resolve().parent / FILE


def read_groups(path: Path) -> list[list[str]]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        groups = [[str(t) for t in g["terms"]] for g in data.get("group", [])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GlossaryProblem(f"The glossary {path} cannot be read ({exc}).") from exc
    return [g for g in groups if len(g) > 1]


@dataclass
class Match:
    tokens: set[str]  # the question's stemmed tokens this phrase accounts for
    group: int


@dataclass
class Glossary:
    groups: list[list[tuple[str, ...]]] = field(default_factory=list)  # stemmed phrases per group
    longest: list[str] = field(default_factory=list)  # each group's longest phrase, as written
    # A question's shortened words and the index words they stand for ("strat": "strategy"),
    # read as those words (shorthand.py); set only on a glossary widened for one question.
    readings: dict[str, str] = field(default_factory=dict)
    # Made once from ``groups``: every question looks its groups up, and every candidate passage
    # and sentence is checked against them (dozens of times a question).
    _longest_first: list[list[tuple[str, ...]]] = field(init=False, repr=False, compare=False)
    _phrase_sets: list[list[frozenset[str]]] = field(init=False, repr=False, compare=False)
    # token -> the groups with a phrase holding it (most groups share no word with a question)
    _by_token: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    _always: set[int] = field(init=False, repr=False, compare=False)  # groups with an empty phrase
    singles: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)  # one-word phrases

    def __post_init__(self) -> None:
        self._longest_first = [sorted(phrases, key=len, reverse=True) for phrases in self.groups]
        self._phrase_sets = [[frozenset(p) for p in phrases] for phrases in self.groups]
        self._by_token = {}
        for gid, phrases in enumerate(self.groups):
            for token in dict.fromkeys(t for p in phrases for t in p):
                self._by_token.setdefault(token, []).append(gid)
        self._always = {gid for gid, phrases in enumerate(self.groups) if any(not p for p in phrases)}
        self.singles = frozenset(p for phrases in self.groups for p in phrases if len(p) == 1)

    @classmethod
    def from_groups(cls, groups: list[list[str]]) -> Glossary:
        stemmed, longest = [], []
        for g in groups:
            # An acronym's plural ("LCSPRs") is the acronym too; the stemmer does not know it.
            g = g + [t + "s" for t in g if t.isupper() and " " not in t]
            phrases = list(dict.fromkeys(tuple(tokenize(t)) for t in g))
            phrases = [p for p in phrases if p]
            if len(phrases) > 1:
                stemmed.append(phrases)
                longest.append(max(g, key=lambda t: len(t.split())))
        return cls(stemmed, longest)

    def matches(self, tokens: list[str]) -> list[Match]:
        """Groups whose phrases occur (as a contiguous run) in ``tokens``, longest phrase first."""
        out: list[Match] = []
        present = set(tokens)  # most groups have no word in the question: only those with one are read
        for gid in sorted({g for t in present for g in self._by_token.get(t, ())} | self._always):
            for phrase in self._longest_first[gid]:
                if not present.issuperset(phrase):
                    continue
                n = len(phrase)
                if any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
                    out.append(Match(set(phrase), gid))
                    break
        return out

    def expand(self, tokens: list[str]) -> list[str]:
        """Tokens of the other phrases of every group the question mentions (for BM25)."""
        extra: list[str] = []
        for m in self.matches(tokens):
            for phrase in self.groups[m.group]:
                extra += [t for t in phrase if t not in tokens and t not in extra]
        return extra

    def spelled_out(self, question: str) -> str:
        """The question with each acronym's long form added ("SUDI" gains "sudden unexpected
        death in infancy"), for the sentence encoder, which does not know the sector's acronyms."""
        extra = []
        for acronym in re.findall(r"\b[A-Z]{2,}s?\b", question):
            token = tuple(tokenize(acronym))
            for gid, phrases in enumerate(self.groups):
                if token in phrases and self.longest[gid] not in extra:
                    extra.append(self.longest[gid])
        return f"{question} ({'; '.join(extra)})" if extra else question

    def one_word_synonyms(self, word: str) -> set[str]:
        """The one-word phrases (stems) of the groups holding ``word`` ("dad": father, fathers, ...)."""
        stems = tuple(tokenize(word))
        return {p[0] for phrases in self.groups if stems in phrases for p in phrases if len(p) == 1 and p != stems}

    def covered_by(self, group: int, have: set[str] | frozenset[str]) -> bool:
        for phrase in self._phrase_sets[group]:  # a loop, not any(): called dozens of times a question
            if phrase <= have:
                return True
        return False


_cache: dict[tuple, Glossary] = {}


def load(*extra: Path | None) -> Glossary:
    """The shipped glossary extended by each existing file in ``extra`` (cached by path and mtime)."""
    paths = [SHIPPED] + [Path(p) for p in extra if p and Path(p).is_file()]
    key = tuple((str(p), p.stat().st_mtime_ns) for p in paths)
    if key not in _cache:
        groups: list[list[str]] = []
        for p in paths:
            groups += read_groups(p)
        _cache[key] = Glossary.from_groups(groups)
    return _cache[key]
