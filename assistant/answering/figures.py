"""Figures: where a figure must sit to answer a question asking for one.

"How many X" or "what percentage of X" is answered by a figure said *of X*: in the sentence
that names X, not a figure of the sentence before it ("ring 101. Tell the fostering service")
nor one that only sits a few words away across a full stop. A figure in one sentence and the
thing asked about in the next are two statements, and the reader cannot join them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A sentence ends at a full stop, a question or exclamation mark followed by a space, or at a
# line break (a list item, a table row or a heading is a statement of its own). Decimal points
# ("9.30", "1.5") and thousands ("1,388") have no space after them and stay inside.
# Inside one sentence a count may sit further from what it counts than across sentences: "contacts
# to the front door rose by 13.5 per cent" says it of the contacts, seven words on.
SENTENCE_WINDOW = 10
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, none empty."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def in_one_sentence(text: str, holds: Callable[[str], bool]) -> bool:
    """Does one sentence of ``text`` hold the figure asked for (``holds``: a predicate of a
    sentence that looks for a figure of the right sort next to what is asked about)?"""
    return any(holds(s) for s in sentences(text))
