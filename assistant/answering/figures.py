"""Figures: where a figure must sit to answer a question asking for one.

"How many X" or "what percentage of X" is answered by a figure said *of X*: in the sentence
that names X, not a figure of the sentence before it ("ring 101. Tell the fostering service")
nor one that only sits a few words away across a full stop. A figure in one sentence and the
thing asked about in the next are two statements, and the reader cannot join them.

Likewise a length of time ("how long should a rapid review report be kept?") is said of the
thing and the act asked, in one sentence (``timed``, ``timed_together``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering import answertypes, meaning
from assistant.index.lexical import stopwords, token_set, words

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


def is_table(sentence: str) -> bool:
    """A block of table rows (cells split by " | "), as ``sentences`` keeps one together."""
    rows = [line for line in sentence.splitlines() if line.strip()]
    return bool(rows) and all(" | " in line for line in rows)


def tables_led(text: str, names: Callable[[str], bool]) -> set[str]:
    """The tables of ``text`` (``sentences`` that are table rows) whose lead-in, the sentence
    before, ``names`` what is asked about (or that ``names`` holds of themselves)."""
    said = sentences(text)
    return {s for i, s in enumerate(said) if is_table(s) and ((i > 0 and names(said[i - 1])) or names(s))}


def said_of(asked: dict[str, str], target: set[str], named: set[str]) -> set[str]:
    """What "what percentage of X were Y" asks of X: the stems of Y, the question's words
    (``asked``: stem -> word, in order) after what it counts (``target``) that can name a thing
    or an act ("exploited", "looked after *children*"; not one of the ``named``, nor "after").
    A part of the missing children is not the part exploited."""
    order = list(asked)
    last = max((i for i, s in enumerate(order) if s in target), default=-1)
    if last < 0:
        return set()
    return {
        s for s in order[last + 1 :] if s not in named and {"NOUN", "VERB"} & meaning.word_classes(asked[s].lower())
    }


# "how many *of the* referrals were ...": a count of a part of the things named.
_PART_OF = re.compile(r"^\s*of\s+(?:the|those|these|all|our|your|their)\b", re.I)
_LINKING = frozenset("is are was were be been had have has got came come went did do does".split())


_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|but\s+not|and\s+not)\b", re.I)


def part_counted(question: str) -> frozenset[str]:
    """What makes the part a partitive count asks for: the words of Y in "how many of the X
    were Y?" ("neglect", "ones"), or its verb and what follows ("died" of "how many of the
    children died?"); empty for any other question. A figure of all the X is not the part."""
    m = answertypes.count_frame(question)
    rest = question[m.end() :] if m else ""
    if not _PART_OF.match(rest):
        return frozenset()
    end = _clause_end(rest)
    contrast = _CONTRAST.search(rest, 0, end)  # "were Y rather than Z": Z is what the part is not
    toks = words(rest[: contrast.start() if contrast else end])
    for i, w in enumerate(toks[2:], start=2):
        if w in _LINKING:
            return frozenset(toks[i + 1 :])
        if w.endswith("ed") and "VERB" in meaning.word_classes(w):
            return frozenset(toks[i:])
    return frozenset()


def which_held(
    which: set[str], held: set[str] | frozenset[str], otherwise: Callable[[set[str]], set[str]] | None = None
) -> bool:
    """Does a passage hold (``held``: by stem, glossary or meaning, in it or its heading; or
    ``otherwise``, which gives those of the rest held in another form) every word saying which
    things a count counts (``which``)? "How many of the referrals were about neglect?" is not
    answered by the number of all referrals: what makes them the ones counted must be there."""
    left = set(which) - set(held)
    if left and otherwise is not None:
        left -= otherwise(left)
    return not left


def holds_some(stems: set[str], sentence: str, soft: dict[str, str]) -> bool:
    """Does ``sentence`` hold one of ``stems``, word for word or by a word of the same meaning
    (``soft``: question stem -> the passage's word, evidence.soft_matches)? True when none asked."""
    if not stems:
        return True
    if stems & token_set(sentence):
        return True
    shown = set(words(sentence))
    return any(soft.get(s) in shown for s in stems)


# "How long should a rapid review report be kept ...?", "how quickly must the home ed team ...?": a
# length of time asked of a thing named in several words.
_HOW_LONG = re.compile(
    r"^\s*how\s+(?:long|soon|quickly)\s+(?:should|must|does|do|did|will|can|would|could|is|are|was|were)\s+"
    r"(?:(?:a|an|the|this|that|its|their|our|your)\s+)?(?P<rest>.+)$",
    re.I,
)


# "how long do we have to keep the records?", "(does it say) how long you keep minutes for?": a
# person does the act timed, and the thing timed is its object.
_HOW_LONG_DONE = re.compile(
    r"\bhow\s+(?:long|soon|quickly)\s+(?:(?:do|does|did|should|must|can|will|would|could)\s+)?(?:we|you|i|they)\s+"
    r"(?:(?:have|need|ought)\s+to\s+|(?:should|must|can|will|would|could|need)\s+)?(?P<verb>[a-z]+)\s+"
    r"(?:(?:a|an|the|this|that|these|those|its|their|our|your|my)\s+)?(?P<rest>.+)$",
    re.I,
)


PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beside between beyond by "
    "during for from in inside into near of off on onto out over past since through to towards under until "
    "up upon with within without".split()
)


def timed(question: str, stop: frozenset[str] | set[str]) -> tuple[list[str], list[str]]:
    """Which thing a "how long should X be kept?" question times, as the words before its head
    noun (["rapid", "review"] of "a rapid review report"; [] for a thing of one word), and the acts
    timed (["kept"]; none for a verb that says nothing of it: "take", "have", "last"). ([], []) for
    any other question. The subject runs to the first stop word, preposition, verb or adverb."""
    done = _HOW_LONG_DONE.search(question)  # a person does it: the thing timed is the object
    if done:
        return _done(done, stop)
    m = _HOW_LONG.match(question)
    if not m:
        return [], []
    subject, at, rest = _subject(m.group("rest"), stop)
    acts: list[str] = []  # "be finished and published": either is the act
    for w in rest[at:] if subject else []:
        low = w.lower()
        if low in _BARE or (acts and low in ("and", "or")):
            continue
        verb = meaning.word_lemmas(low).get("VERB", ())
        if not verb or low in stop or low in PREPOSITIONS or set(verb) & _BARE:
            break
        acts.append(low)
    return (subject[:-1] if len(subject) > 1 else []), acts


def _subject(text: str, stop: frozenset[str] | set[str]) -> tuple[list[str], int, list[str]]:
    """The noun phrase ``text`` opens with (its words, lower-cased), where it ends, and the words
    of ``text``: it runs to the first stop word, preposition, verb or adverb."""
    subject: list[str] = []
    rest = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
    at = len(rest)
    for i, w in enumerate(rest):
        low = w.lower()
        classes = meaning.word_classes(low)
        if low in stop or low in PREPOSITIONS or not w.isalpha() or (classes and not {"NOUN", "ADJ"} & classes):
            at = i
            break
        if subject and "NOUN" not in classes and classes:  # "the home ed team *see*": not a noun
            at = i
            break
        subject.append(low)
    return subject, at, rest


# Verbs that say only that something is done ("get my training done", "make a referral"), not how.
_DOING = frozenset("be have come go get do make take give put".split())


def _done(m: re.Match, stop: frozenset[str] | set[str]) -> tuple[list[str], list[str]]:
    """``timed`` of "how long do we have to keep the records?": the object's words before its
    head, and the verb as the act, unless it is a light verb that says nothing of it ("get
    my training done", "take"); nothing when the verb has no object ("how long do we wait?")."""
    verb = m.group("verb").lower()
    lemmas = set(meaning.word_lemmas(verb).get("VERB", ()))
    if not lemmas or verb in _BARE:
        return [], []
    subject = _subject(m.group("rest"), stop)[0]
    if not subject:  # "how long do we have to wait (for a decision)?": no thing the act is done to
        return [], []
    acts = [] if lemmas & _DOING else [verb]
    return (subject[:-1] if len(subject) > 1 else []), acts


# Words between a subject and the act timed ("be kept", "normally take"), and verbs that say
# nothing of the act: how long something takes, lasts or has is how long it is done.
_BARE = frozenset("be been being have has take takes last lasts normally usually typically generally".split())


LENGTH = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)"
    r"(?:\s+(?:working|school|calendar|clear))?\s+(?:hour|day|week|fortnight|month|year|minute)s?\b"
    r"|\b(?:immediately|straight away|straightaway|same day|promptly|as soon as)\b"
    # an end point gives the length too: "stays with them until they are at least 21", "up to the age of 25"
    r"|\b(?:until|till|up\s+to)\s+(?:they|he|she|the\s+(?:young\s+person|child))\s+(?:are|is|turns?|reach(?:es)?)"
    r"\s+(?:at\s+least\s+)?\d{1,2}\b|\b(?:until|till|up\s+to)\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b",
    re.I,
)


def timed_together(
    which: set[str], acts: list[str], text: str, soft: dict[str, str], heading: frozenset[str] | set[str]
) -> bool:
    """Is a length of time given in a sentence that says which thing it is the length of (the
    stems ``which``, each word for word, by meaning, ``soft``, or in the heading) and of what
    act (one of ``acts``, the question's words, in any form or by meaning; a verb of telling by
    any verb of telling)? "A published report should stay on the website for a year" is not how long a
    rapid review report is kept, nor "complete a rapid review within 15 working days"."""
    if not which and not acts:
        return True
    from assistant.answering.people import TELLING
    from assistant.index.lexical import _stemmer

    stem = _stemmer().stemWord
    forms = {f for w in acts for f in _verb_forms(w)}
    telling = {stem(f) for f in forms} & TELLING
    by_meaning = {soft.get(stem(w)) for w in acts} - {None}
    for sentence in sentences(text):
        if not LENGTH.search(sentence):
            continue
        stems, shown = token_set(sentence) | heading, set(words(sentence))
        if not all(s in stems or soft.get(s) in shown for s in which):
            continue
        if not acts or by_meaning & shown or (telling and TELLING & stems):
            return True
        if forms & {f for w in shown for f in _verb_forms(w)}:  # "kept" asked, "keep" shown
            return True
    return False


def _verb_forms(word: str) -> set[str]:
    """The word and its lemmas as a verb ("kept": keep)."""
    return {word} | set(meaning.word_lemmas(word).get("VERB", ()))


# Where the count's clause ends: a comma or a stop, or a clause saying when or on what condition
# ("...go missing *before* anyone joined the dots"): when is not which. Not "after" ("looked after"),
# nor "before" a noun: "before the pandemic" says which period is counted.
# A comparison's other side ("compared with last time", "than in 2023", "against the year before")
# is what the count is set against, not which things it counts.
_CLAUSE_END = re.compile(
    r"[,;:.?!](?:\s|$)|\b(?:when|whenever|while|because|if|unless)\b"
    r"|\b(?:compared\s+(?:with|to)|in\s+comparison|versus|vs|(?<!rather\s)than)\b"
    r"|\bagainst\s+(?=(?:last|this|that|the\s+(?:year|previous|last|national)|\d{4}|england)\b)",
    re.I,
)
_UNTIL = re.compile(r"\b(?:before|until|till)\b", re.I)
# A subject pronoun or an auxiliary after "before" makes a clause of what follows.
_FINITE = frozenset(
    "i we you they he she it anyone anybody someone somebody everyone nobody "
    "is are was were has have had do does did will would can could".split()
)


def _clause_end(rest: str) -> int:
    """Where the count's clause ends in ``rest`` (the question after "how many")."""
    end = _CLAUSE_END.search(rest)
    stop = end.start() if end else len(rest)
    for m in _UNTIL.finditer(rest, 0, stop):  # "before anyone joined the dots", not "before the pandemic"
        after = words(rest[m.end() :])[:4]
        if any(w in _FINITE or meaning.how_not_what(w) for w in after):
            return m.start()
    return stop


# Nouns for the documents themselves: "in the 2020 annual report cases" says where to look.
DOCUMENTS = frozenset(
    "report reports document documents guidance briefing briefings summary leaflet newsletter handout minutes".split()
)
_DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
_PLACING = frozenset("in of from".split())  # "in the 2020 report", "of the annual report"
_PRONOUNS = frozenset("it we you they i he she".split())
# "Of the children on plans, how many...", "For looked after children, how many...": a leading
# phrase may name the counted things. One ending in a colon labels the message ("For a slide:").
_PARTITIVE = re.compile(r"^\W*(?:of|among|amongst|out of|for|in|within|across)\b(?P<lead>[^,:]*),", re.I)


# Verbs of being, having and coming: "how much money *comes* from the police", "how many families
# *get* a visit" say how the things counted are had, not which; "seen by a dentist" says which.
_CONNECTING = frozenset("be have come go get".split())


def _light_verb(word: str) -> bool:
    """A form of a verb of being, having or coming that can only be a verb there: "comes",
    "gets", "went", "get" (not "go", a noun as often)."""
    verb = meaning.word_lemmas(word).get("VERB", ())
    if not set(verb) & _CONNECTING:
        return False
    return word not in verb or "NOUN" not in meaning.word_classes(word)


def which_counted(question: str) -> frozenset[str] | None:
    """The words of a count question that say which things it counts: those of its own clause,
    from "how many" to a comma or a "before"/"when" clause ("how many *appointments* are
    *missed*"; not at "after", which may be a verb's: "*looked* *after* *children*"), and a
    leading phrase ("*of* *children* *on* *plans*, how many", "*for* *carers*, how many"). Not the words
    before it ("as a practice nurse, ..."), a phrase naming the documents ("in the 2020 annual
    report cases"), nor the verb after a pronoun ("how many appointments it *takes*") or a light
    verb ("what share of the money *comes* from ..."), which say who asks, where to look and how.
    None when the question counts nothing it names."""
    m = answertypes.count_frame(question)
    if m is None:
        return None
    rest = question[m.end() :]
    toks = words(rest[: _clause_end(rest)])
    out: set[str] = set()
    i = 0
    while i < len(toks):
        w = toks[i]
        if w in _PLACING:  # a phrase running on to a word for the documents is where to look
            j = i + 1
            while j < len(toks) and (toks[j] in _DETERMINERS or toks[j] not in stopwords() | _PLACING):
                j += 1
            if DOCUMENTS & set(toks[i + 1 : j]):
                i = j
                continue
        if w in _PRONOUNS and i and i + 1 < len(toks) and "VERB" in meaning.word_classes(toks[i + 1]):
            i += 2  # "it takes", "we made": the counted things are its object; the verb asks
            continue
        if _light_verb(w):  # "how much money *comes* from the police": it says how, the rest which
            i += 1
            continue
        out |= {w, w.split("'")[0]}  # "children's": the question's word is "children"
        i += 1
    lead = _PARTITIVE.match(question[: m.start()])
    if lead:
        out |= set(words(lead.group("lead")))
    return frozenset(out) if out else None


# "How does Harrowmere compare with England on private fostering notifications?": what is compared
# is the measure after "on" ("for", "in terms of"); the places or years compared are its frame.
_COMPARED_ON = re.compile(
    r"\bcompar\w*\b[^?.;]{0,60}?\b(?:on|for|in\s+terms\s+of|when\s+it\s+comes\s+to)\s+(?P<measure>[^?.,;]+)",
    re.I,
)


def compared_on(question: str) -> list[str]:
    """The words of the measure a comparison is made on, lower-cased ([] when it names none)."""
    m = _COMPARED_ON.search(question or "")
    return words(m.group("measure")) if m else []
