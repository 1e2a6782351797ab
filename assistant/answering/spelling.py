"""A typing slip: a word English does not know that is one slip (a letter dropped, added,
changed or two swapped) from a word it knows well ("nieghbour"), or a rare word of the lists
one classic slip (a doubled letter, two swapped) from a far commoner one ("grandaughter"). Shown in a
"Missing:" list it only tells the reader they mistyped; the word meant is often the asker's
situation anyway. Short words are left alone (too many English words sit one slip from them),
and so are capitalised names ("Selvey" is no slip of "selves").
"""

from __future__ import annotations

from functools import lru_cache
from string import ascii_lowercase

from assistant.answering import meaning

MIN_LENGTH = 6  # a slip of a shorter word is too often another word, or a name
KNOWN_ZIPF = 3.0  # the word meant must be an everyday word of English (a few per million words)
RARE_ZIPF = 2.0  # a word this rare may be a common slip itself ("grandaughter" is in the lists)...
MORE_COMMON = 1.5  # ...when the word one slip away is this much more common (Zipf is a log10 scale)


def _one_slip(word: str) -> set[str]:
    """Every string one slip from ``word`` (Norvig's edits, with a swap of neighbours)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
    added = {a + c + b for a, b in splits for c in ascii_lowercase}
    return dropped | swapped | changed | added


def _doubled_or_swapped(word: str) -> set[str]:
    """A doubled letter written once or a letter written twice ("grandaughter"), or two neighbours
    swapped: the slips a word list also holds, unlike a letter lost at the end ("teasel": tease)."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word))]
    doubled = {a + a[-1] + b for a, b in splits}
    undoubled = {a + b[1:] for a, b in splits if b[0] == a[-1]}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return doubled | undoubled | swapped


@lru_cache(maxsize=4096)
def slip_of(word: str) -> str | None:
    """The everyday English word ``word`` is a slip of, or None (a known word, a name, too short)."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word.islower():
        return None
    own = meaning.zipf(word)
    if own >= RARE_ZIPF:
        return None
    slips = _one_slip(word) if own == 0 else _doubled_or_swapped(word)  # a listed rare word: only classic slips
    best = max(slips - {word}, key=meaning.zipf, default=word)
    return best if meaning.zipf(best) >= max(KNOWN_ZIPF, own + MORE_COMMON) else None
