"""What speech-to-text writes for a question spoken into a phone or a laptop, read as typed.

Dictation software writes what it hears, and a question dictated on the move carries its marks:

- **spoken punctuation** ("... back this time question mark", "... in the first place new line"):
  the mark, not two words a passage must hold;
- **letters spelled one by one** ("the p r u", "a d b s check", "a dee bee ess check"): the
  abbreviation they spell, when the documents or the glossary use it;
- **a name split in two** ("stone chat house" for Stonechat House): the one word the documents
  hold, when they hold neither half alone;
- **a spoken year** ("last year twenty twenty five"): the year in digits, a figure like any other;
- **homophones of small words** around figures ("is it for or five", "how many where asked"):
  "four or five", "how many were asked".

``known(phrase)`` says whether the index holds some content word of a phrase (answers._known_to);
without it, only the punctuation, the years and the homophones are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering import meaning
from assistant.index.lexical import stopwords

# A mark said ends what was said, or comes before the next sentence: "there's a question mark over
# his care" and "a new line of enquiry" are words.
_SAID_END = (
    r"(?=\s*$|\s+(?:and|so|but|what|when|where|who|why|how|which|is|are|do|does|did|can|could|should|will|would|"
    r"has|have|i|we|my|our|the|a|it)\b)"
)
_SPOKEN_MARKS = (
    (re.compile(r"\s*\bquestion\s+mark\b" + _SAID_END, re.I), "?"),
    (re.compile(r"\s*\bexclamation\s+(?:mark|point)\b" + _SAID_END, re.I), "!"),
    (re.compile(r"\s*\bfull\s+stop\b" + _SAID_END, re.I), "."),
    (re.compile(r"\s*\bnew\s+(?:line|paragraph)\b" + _SAID_END, re.I), "."),
    (re.compile(r"\s*\bcomma\b(?=\s+\w)", re.I), ","),
)
# Two to five single letters in a row ("p r u", "d b s"): not "a" or "i" opening it, English words.
_LETTERS = re.compile(r"(?<![\w'’])(?![ai]\s)([b-z](?:\s+[a-z]){1,4})(?![\w'’])", re.I)
# Letters said by name ("dee bee ess", "en ar em"): read as the letters, then as letters spelled
_LETTER_NAMES = {
    "ay": "a", "bee": "b", "see": "c", "cee": "c", "dee": "d", "ee": "e", "eff": "f", "gee": "g",
    "aitch": "h", "haitch": "h", "jay": "j", "kay": "k", "el": "l", "ell": "l", "em": "m", "en": "n",
    "oh": "o", "pee": "p", "cue": "q", "queue": "q", "ar": "r", "are": "r", "ess": "s", "tee": "t",
    "you": "u", "vee": "v", "ex": "x", "why": "y", "zed": "z", "zee": "z",
}  # fmt: skip
_NAMED_LETTERS = re.compile(
    r"(?<![\w'’])(?:(?:" + "|".join(_LETTER_NAMES) + r")\s+){1,4}(?:" + "|".join(_LETTER_NAMES) + r")(?![\w'’])", re.I
)
_FIGURE_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
# "for or five", "to or three": a figure's homophone beside "or" and a figure
_FOR_FOUR = re.compile(rf"\b(for|to|too)(?=\s+or\s+{_FIGURE_WORD}\b)", re.I)
_HOMOPHONE_FIGURES = {"for": "four", "to": "two", "too": "two"}
_WHERE_WERE = re.compile(r"\b(how\s+many(?:\s+of\s+(?:them|those|us))?\s+)where\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")


def written(text: str, known: Callable[[str], bool] | None = None) -> str:
    """``text`` as it would have been typed (see the module docstring)."""
    out = text
    for pattern, mark in _SPOKEN_MARKS:
        out = pattern.sub(mark, out)
    out = meaning.years_in_digits(out)
    out = _FOR_FOUR.sub(lambda m: _HOMOPHONE_FIGURES[m.group(1).lower()], out)
    out = _WHERE_WERE.sub(lambda m: m.group(1) + "were", out)
    if known is not None:
        out = _NAMED_LETTERS.sub(lambda m: _abbreviation(m.group(0), known, _LETTER_NAMES), out)
        out = _LETTERS.sub(lambda m: _abbreviation(m.group(1), known), out)
        out = joined(out, known)
    return out


def _abbreviation(said: str, known: Callable[[str], bool], names: dict[str, str] | None = None) -> str:
    """The letters ``said`` (single letters, or their ``names``) as one abbreviation, when known."""
    word = "".join(names[w.lower()] if names else w for w in said.split())
    return word.upper() if known(word) else said


def joined(text: str, known: Callable[[str], bool]) -> str:
    """Two words written as one where the documents hold the one word and neither half
    ("stone chat house": "stonechat house")."""
    words = list(_WORD.finditer(text))
    stop = stopwords()  # "the board" is never "theboard"
    out, last = [], 0
    i = 0
    while i < len(words) - 1:
        a, b = words[i], words[i + 1]
        gap = text[a.end() : b.start()]
        one = a.group() + b.group().lower()
        halves = {a.group().lower(), b.group().lower()}
        everyday = halves & stop or any(map(meaning.common, halves))  # "grown up" is two words
        if gap == " " and len(one) >= 6 and not everyday and known(one) and not any(map(known, halves)):
            out.append(text[last : a.start()] + one)
            last = b.end()
            i += 2
            continue
        i += 1
    return "".join(out) + text[last:]
