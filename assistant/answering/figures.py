"""Figures: where a figure must sit to answer a question asking for one.

"How many X" or "what percentage of X" is answered by a figure said *of X*: in the sentence
that names X, not a figure of the sentence before it ("ring 101. Tell the fostering service")
nor one that only sits a few words away across a full stop. A figure in one sentence and the
thing asked about in the next are two statements, and the reader cannot join them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.answering import meaning
from assistant.index.lexical import token_set, words

if TYPE_CHECKING:
    from assistant.answering.evidence import Terms

# Inside one sentence a count may sit further from what it counts than across sentences: "contacts
# to the front door rose by 13.5 per cent" says it of the contacts, seven words on.
SENTENCE_WINDOW = 10

# A sentence ends at a full stop, a question or exclamation mark followed by a space or a line
# break, or at a blank line (a paragraph). A single line break after no stop keeps the sentence
# going: text from a PDF wraps mid-sentence, and a lead-in, a heading line or a table's rows run
# on into what they introduce. Decimal points ("9.30", "1.5") and thousands ("1,388") have no
# space after them and stay inside.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n[ \t]*\n\s*")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, none empty."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def in_one_sentence(text: str, holds: Callable[[str], bool]) -> bool:
    """Does one sentence of ``text`` hold the figure asked for (``holds``: a predicate of a
    sentence that looks for a figure of the right sort next to what is asked about)?"""
    return any(holds(s) for s in sentences(text))


def said_of(terms: Terms) -> set[str]:
    """What "what percentage of X were Y" asks of X: the stems of Y, the question's words after
    what it counts that can name a thing or an act ("exploited", "looked after *children*";
    not a name, nor "after"). A part of the missing children is not the part exploited."""
    order = list(terms.words)
    last = max((i for i, s in enumerate(order) if s in terms.target), default=-1)
    if last < 0:
        return set()
    named = terms.propers | terms.capitals
    return {
        s
        for s in order[last + 1 :]
        if s not in named and {"NOUN", "VERB"} & meaning.word_classes(terms.words[s].lower())
    }


def holds_some(stems: set[str], sentence: str, soft: dict[str, str]) -> bool:
    """Does ``sentence`` hold one of ``stems``, word for word or by a word of the same meaning
    (``soft``: question stem -> the passage's word, evidence.soft_matches)? True when none asked."""
    if not stems:
        return True
    if stems & token_set(sentence):
        return True
    shown = set(words(sentence))
    return any(soft.get(s) in shown for s in stems)
