"""Lists: "what are the N things?" asks for the things, not for how many there are.

"What are the four kinds of neglect?" is answered by "the four kinds of neglect: physical,
emotional, medical and educational", not by "the group used its four kinds of neglect as a
checklist": that passage says there are four and names none. So a question that counts the
things it asks for needs a passage that goes on, after it counts them, to list as many: items
parted by commas, semicolons, "and"/"or", a colon, or lines (bullets, numbered paragraphs).
"""

from __future__ import annotations

import re

_COUNTS = ("two three four five six seven eight nine ten eleven twelve").split()
# "what are the six practice themes", "which were its 4 types of ...", "what are Tarnwick's three priorities"
_WHAT_ARE_N = re.compile(
    r"^\s*(?:what|which)\s+(?:are|were)\s+(?:(?:the|its|their|our|your|(?:[\w’'-]+\s+){0,2}[\w’'-]+['’]s)\s+)?"
    r"(?P<n>\d{1,2}|" + "|".join(_COUNTS) + r")\s+[a-z]",
    re.I,
)
# Where one item ends and the next begins.
_ITEM_BREAK = re.compile(r"[,;:•\n]+|\s(?:and|or)\s|\s[-–]\s", re.I)
# The most items a passage is asked for: a long list may run past the passage's end.
MOST = 5


def listed(question: str) -> int:
    """How many things a "what are the N things?" question asks to be named (6 of "what are
    the six practice themes"); 0 for any other question (and for one thing: "the one ...")."""
    m = _WHAT_ARE_N.search(question)
    if not m:
        return 0
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _COUNTS.index(n) + 2


def lists(n: int, text: str) -> bool:
    """Does ``text`` name ``n`` things (at most ``MOST``) after it counts them? The items are
    looked for after the count ("four", "4") where the passage gives it, or in the whole
    passage when only its heading counts them; a passage ending on the list's lead-in ("the six
    themes are:") is cut before its items."""
    if n < 2:
        return True
    words = {str(n)} | ({_COUNTS[n - 2]} if n - 2 < len(_COUNTS) else set())
    at = re.search(r"\b(?:" + "|".join(sorted(words)) + r")\b", text, re.I)
    after = text[at.end() :] if at else text
    if after.rstrip().endswith(":"):  # "... notes 6 key practice themes:": the list runs on past the passage
        return True
    items = [p for p in _ITEM_BREAK.split(after) if re.search(r"[^\W\d_]", p)]
    return len(items) >= min(n, MOST)
