"""How people speak a question: self-corrections, guesses offered with it, asides after it.

Said aloud (or typed as said), a question carries more than what it asks:

- a **self-correction** ("about missed jabs, sorry, immunisations"; "and if it's, sorry, if it's
  the evening"): the words before the editing term ("sorry", "I mean", "or rather") are replaced
  by the words after it; a restart ("if it's, sorry, if it's ...") replaces the clause begun;
- a **guess** offered after an open question ("how many referrals last year, sixty-something
  was it?", "after how many missed ones, is it two? two in a row?", "who chaired it, was it the
  scrutineer?"): the asker's candidate answer, which a passage need not hold; the open question
  is what is asked;
- an **aside** after the question ("..., I wrote down one and three", "..., I didn't catch it"):
  the asker's own situation, context and not a requirement;
- a **pro-form** ("the 2020 one", "missed ones", "one of the findings") stands for a noun said
  elsewhere: a passage never needs to hold "one".

All of it is still searched (the whole text is); only what a passage must hold is read without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# An editing term between commas: what comes after it corrects what came before.
# "like" does so when it restarts a phrase ("write it in the notes, like in the dental record").
_EDIT = re.compile(
    r"\s*,\s*(?:(?:sorry|i mean|or rather|no wait)\s*,|(?P<like>like)(?=\s+(?:in|on|at|for|from|with|by|about)\b))\s*",
    re.I,
)
# A clause of its own after the editing term ("sorry, what was that review about", "sorry, I
# wrote down one and three"): an apology or a new start, not a word put right.
_NEW_CLAUSE = re.compile(
    r"^(?:what|when|who|whom|whose|where|which|why|how|is|are|was|were|do|does|did|can|could|should|will|would|"
    r"has|have)\b|^(?:i|we|you|he|she|they)(?:['’](?:ve|m|d|re|ll))?\s+[a-z]+",
    re.I,
)
# Words that open a phrase: a corrected noun is the words after the last of them ("about *missed
# jabs*", "on *reception*").
_OPENS_PHRASE = frozenset(
    """a an the this that these those my our your his her their its of on in at to for from with by about
and or but if when so what which who how is are was were do does did""".split()
)
_PREPOSITIONS = frozenset("of on in at to for from with by about after before during over under".split())
_PRONOUNS = frozenset("it they them he she him her this that".split())
_WORD = re.compile(r"[\w’'-]+")


# A correction long enough to be a clause of its own is taken as said, whatever words it uses.
_SHORT = 3


def _keeps_first(known: Callable[[str], bool] | None, wrong: str, right: str) -> bool:
    """Is a short correction ("front desk") to words the index never holds, none of them, from
    words it does ("reception"), better not taken? The documents' own word is the better reading.
    ``known(phrase)``: does the index hold some content word of the phrase."""
    short = len(_WORD.findall(right)) <= _SHORT and len(_WORD.findall(wrong)) <= _SHORT
    return known is not None and short and not known(right) and known(wrong)


def _repair_one(text: str, m: re.Match, known: Callable[[str], bool] | None) -> str:
    before, after = text[: m.start()], text[m.end() :]
    start = max(before.rfind(c) for c in ",?.!;") + 1  # the clause being said
    clause = before[start:]
    repair = re.match(r"[^,?.!;]*", after)
    assert repair is not None  # matches the empty string at least
    said = _WORD.findall(repair.group(0))
    if not said:
        return before + ", " + after
    tokens = list(_WORD.finditer(clause))
    # A restart: the correction begins again with a word of the clause ("if it's, sorry, if it's").
    again = [t for t in tokens if t.group(0).lower() == said[0].lower()]
    if again:
        cut = start + again[-1].start()
        if _keeps_first(known, before[cut:], repair.group(0)):
            return before + after[len(repair.group(0)) :]
        return before[:cut] + after
    if m.group("like") or _NEW_CLAUSE.match(after) or said[0].lower() in _PREPOSITIONS:
        return before + ", " + after  # an apology, a new start, or a phrase added ("..., I mean, on Fridays")
    # A word put right: as many words as the correction has, after the phrase's opening word; a
    # pronoun said last is what is put right ("who runs it, I mean, the hub").
    free = 0
    if tokens and tokens[-1].group(0).lower() in _PRONOUNS:
        free = 1
    else:
        for t in reversed(tokens):
            if t.group(0).lower() in _OPENS_PHRASE or free == len(said):
                break
            free += 1
    if not free:
        return before + ", " + after
    cut = start + tokens[len(tokens) - free].start()
    wrong, right = before[cut:], repair.group(0)
    # The documents' own word wins: a correction to words the index never holds, from words it
    # does ("reception, sorry, front desk"), keeps the first wording.
    if _keeps_first(known, wrong, right):
        return before + after[len(right) :]
    return before[:cut] + after


def repaired(text: str, known: Callable[[str], bool] | None = None) -> str:
    """``text`` with each self-correction applied. ``known(words)`` (optional) says whether the
    index holds some content word of a phrase: a short correction is not taken to words it lacks
    entirely from words it holds."""
    for _ in range(3):
        m = _EDIT.search(text)
        if not m:
            break
        text = _repair_one(text, m, known)
    return re.sub(r"\s+", " ", text).strip()


# An open question: it asks for something (a figure, a time, a person), after at most one word
# ("after how many ...", "so who ..."). "when", "where", "why" and "how" ask only with an
# auxiliary after them ("when did ...", "where's ..."): "when the report is out, is it sent to
# schools?" is a time clause and a yes-or-no question, with no guess in it.
_AUX = (
    r"(?:is|are|was|were|do|does|did|can|could|should|would|will|must|might|may|has|have|had)\b|['’](?:s|re|ve|d|ll)\b"
)
_OPEN = re.compile(
    r"^\s*(?:[\w’']+\s+)?(?:(?:what|who|whom|whose|which)\b|(?:when|where|why)(?:\s+|(?=['’]))(?:" + _AUX + r")"
    r"|how\s+(?:many|much|long|often|soon|quickly|old|far|big|late|early|" + _AUX + r"))",
    re.I,
)
# A tag that offers an answer: "is it two", "was it the year after", "or was it injuries",
# "sixty-something was it", "fifteen days or...".
_TAG = re.compile(
    r"^\s*(?:or\s+)?(?:is|was|are|were|isn['’]t|wasn['’]t)\s+(?:it|they|he|she)\b|\b(?:was|is)\s+it\W*$|\bor\W*$",
    re.I,
)
_FIGURE_WORDS = (
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"a\s+(?:couple|few|dozen|hundred|thousand)|half|a\s+quarter"
)
# A bare figure offered: "two in a row?", "about two hundred and fifty?", "every three years?".
_FIGURE_GUESS = re.compile(
    r"^\s*(?:about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|at\s+least|maybe|perhaps|"
    r"every|like)?\s*(?:" + _FIGURE_WORDS + r")",
    re.I,
)
# The asker's own situation after the question: "I wrote down one and three", "I didn't catch it".
_ASIDE = re.compile(r"^\s*(?:i|we)(?:['’](?:ve|m|d))?\s+(?!mean\b)[a-z]+", re.I)
_SEGMENT = re.compile(r"[^,?!;]+[,?!;]*")


# Typed without a comma: "when did it come out was it 2021" has its tag after the open clause.
_TAG_START = re.compile(r"\s(?=(?:or\s+)?(?:is|was|isn['’]t|wasn['’]t)\s+it\b)", re.I)


def _typed_tag(segment: str) -> list[str]:
    """An open segment split before a tag that comes four words or more after its start."""
    if not _OPEN.match(segment):
        return [segment]
    for m in _TAG_START.finditer(segment):
        if len(_WORD.findall(segment[: m.start()])) >= 4:
            return [segment[: m.start()], segment[m.start() :]]
    return [segment]


def _kind(segment: str) -> str:
    words = segment.strip(" ,?!;")
    if _TAG.search(words):
        return "tag"
    if _OPEN.match(words):
        return "open"
    if _FIGURE_GUESS.match(words):
        return "figure"
    return "aside" if _ASIDE.match(words) else ""


def without_guesses(text: str) -> str:
    """What an open question asks, without the guesses and asides said after it: from the first
    segment (between commas or question marks) after the open question that offers an answer
    ("is it two?", "sixty-something was it?") or tells the asker's situation ("I wrote down
    ..."), the rest is dropped, but for a further open question; a bare figure ("two in a row?",
    "about two hundred?") only when nothing but guesses follows it ("how many children, under
    five, are ..." restricts). A question with no open clause (a yes-or-no question, whose
    alternatives are what it asks) is kept whole."""
    segments = [part for seg in _SEGMENT.findall(text) for part in _typed_tag(seg)]
    kinds = [_kind(seg) for seg in segments]
    out, opened, dropping = [], False, False
    for i, (seg, kind) in enumerate(zip(segments, kinds, strict=True)):
        trailing = all(k in ("tag", "figure", "aside") for k in kinds[i + 1 :])
        if kind == "open":
            dropping = False
        elif opened and (kind in ("tag", "aside") or (kind == "figure" and trailing)):
            dropping = True
        if not dropping:
            out.append(seg)
        opened = opened or kind == "open"
    kept = re.sub(r"[\s,;]+$", "", "".join(out).strip())
    return kept + "?" if kept and not kept.endswith("?") and text.rstrip().endswith("?") else kept


# "one"/"ones" standing for a noun said elsewhere: after a determiner or a year and before a
# break ("the 2020 one,", "the other one?"), before "of" ("one of the findings"), and "ones" but
# for the idioms that mean children ("little ones", "young ones", "loved ones").
_PROFORM = re.compile(
    r"\b(?P<before>[\w’']+\s+)?(?P<one>ones?)\b(?P<after>\s+of\b|\s*(?:[,.?!;]|$))?",
    re.I,
)
_POINTING = re.compile(r"^(?:the|that|this|which|other|next|last|same|[12]\d\d\d)\s+$", re.I)
_NOT_PROFORM = frozenset("no any some little young loved".split())
# "what's stage two again?": "again" at a question's end asks to be reminded, not about anything.
_AGAIN = re.compile(r"\s+again(?=\s*(?:[,.?!;]|$))", re.I)


def _proform(m: re.Match) -> str:
    before, one, after = m.group("before") or "", m.group("one"), m.group("after")
    if before.strip().lower() in _NOT_PROFORM:
        return m.group(0)
    plural = one.lower() == "ones"
    if plural or (after and after.strip().lower() == "of") or (after is not None and _POINTING.match(before)):
        return before + (after or "")
    return m.group(0)


# "on the neglect page", "the sibling bit", "that section": a part of the documents pointed at is
# where to look; its modifier says what about, the head noun is no word a passage need hold. So
# with a placeholder noun ("the hoarding thing", "the house stuff"): its modifier is the topic.
_PART_POINTED_AT = re.compile(
    r"\b((?:the|that|this|these|those)\s+(?:[\w’'-]+\s+){0,2}?)(?:page|pages|bit|bits|sheet|section|thing|things|"
    r"stuff)\b",
    re.I,
)


def without_proforms(text: str) -> str:
    """``text`` without the pro-form "one"/"ones", a reminding "again" and the head noun of a
    part of the documents pointed at ("the neglect page")."""
    out = _PART_POINTED_AT.sub(r"\1", text)
    out = _PROFORM.sub(_proform, out)
    out = _AGAIN.sub("", out)
    return re.sub(r"\s+([,?.!;])", r"\1", re.sub(r"\s+", " ", out)).strip()
