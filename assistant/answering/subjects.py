"""Subjects: what a question is about, where a passage can hold its words and not that.

* **A place named elsewhere** (``named_elsewhere``): "It does not cover children in Pellingbrook,
  whose partnership has its own procedure" names the place only to send the reader elsewhere.
* **What the asker acts on** (``acted_on``): the object of "can I / how do we <verb> ...?"
  ("can I get my *bins* collected?"). When no passage of the index holds it and the passage holds
  nothing of its meaning, the passage is about something else.
* **Where a light verb takes its object** (``complement``): "can I take my foster child *on
  holiday*?": with "take", "get" or "put" the object says little; where it goes is asked.
* **Whom the question asks of** (``subject``): "do the *ambulance crews* flag ...?". When no
  document names them in any of their words, a passage on other staff near in meaning (the
  emergency department's) does not say what they do (evidence.admissible).
* **Whose document** (``owners``): "what does the *nursery* guidance say ...?" asks of the
  nursery's own document; a passage naming a nursery in a case it tells is not it.
* **A thing no document names** (``compound_modifiers``): "which *council* tax band ...?" with no
  document speaking of tax: "council" alone, the only word of the question held, is not it.
"""

from __future__ import annotations

import re

from assistant.answering import answertypes
from assistant.answering.aspects import _SENTENCE_END, FEMALE, LIGHT_VERBS, MALE, has_names

# "whose partnership has *its own* procedure", "publishes *their own* figures": what is asked of the
# place is kept somewhere else.
_OWN = re.compile(r"\b(?:its|their|his|her)\s+own\b|\w['’]s\s+own\b", re.I)  # "call Elderby's own service"
_GIVES = re.compile(r"\d")  # a figure, a time, a phone number


def named_elsewhere(
    names: set[str] | frozenset[str], text: str, asked: set[str] | frozenset[str] = frozenset()
) -> bool:
    """Is each of ``names`` (stems of single names: a place, an organisation) named in ``text``
    only in sentences saying it has its own (procedure, dashboard, team), or sending its people
    elsewhere ("If you live in Sowerby, contact Sowerby Council instead") with nothing else the
    question asks (``asked``: its stems)? "It does not cover children in Pellingbrook, whose
    partnership has its own procedure" names Pellingbrook and says nothing of Pellingbrook's
    procedure. False when no name is asked, one is named as itself, or the sentence gives its own
    thing there (a figure, a person's name other than the place's own: "Marrowfield has its own
    lead, Ann Hale"); a yes-or-no question about the place's cover is the caller's to exempt."""
    from assistant.index.lexical import token_set

    if not names:
        return False
    naming = [s for s in _SENTENCE_END.split(text) if names & token_set(s)]

    def elsewhere(sentence: str) -> bool:
        # the place's own name ("Sowerby Cross Council") is not a person's, nor something asked of it
        rest = _CAPITALS.sub(lambda m: "" if names & token_set(m.group(0)) else m.group(0), sentence)
        if _GIVES.search(_NUMBERED.sub("", sentence)) or has_names(rest):
            return False
        return bool(_OWN.search(sentence)) or bool(_INSTEAD.search(sentence) and not asked & token_set(rest))

    return bool(naming) and all(elsewhere(s) for s in naming)


_NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)*\s")  # "2.7 Wessmoor Police ...": a paragraph's number, no figure


def another_s(names, pairs: list[tuple[str, str]], text: str, asked: set[str]) -> bool:
    """Is the place (``named_elsewhere``) or the group-and-thing (``group_elsewhere``) asked about
    named in ``text`` only as having its own?"""
    return named_elsewhere(names, text, asked) or group_elsewhere(pairs, text)


def group_elsewhere(pairs: list[tuple[str, str]], text: str) -> bool:
    """Is a group-and-thing the question names ("adult social care") said in ``text`` to have its
    own ("adult social care has its own out of hours service"), so the passage's is another's?"""
    for who, head in pairs:
        own = re.compile(
            rf"\b{re.escape(who)}\w*\s+{re.escape(head)}\w*(?:\s+\w+){{0,3}}?\s+(?:has|have|runs?|keeps?)\s+"
            r"(?:its|their)\s+own\b",
            re.I,
        )
        if own.search(text):
            return True
    return False


_CAPITALS = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_INSTEAD = re.compile(r"\binstead\b", re.I)  # "... contact Sowerby Council instead": sent elsewhere


# "can I get *my bins* collected?", "how do we renew *a permit*?": what the asker acts on.
_ACTED_ON = re.compile(
    r"^\W*(?:(?:how|where|when)\s+)?(?:do|does|can|could|may|should|must|will|would|shall)\s+(?:i|we|you|they)\s+"
    r"(?:(?:have|need|ought)\s+to\s+)?(?P<verb>[a-z]+)\s+(?:(?:a|an|the|my|our|your|their|his|her|this|that|these|those|some|any)\s+)?"
    r"(?P<np>[a-z]+(?:['’]s)?(?:\s+[a-z]+(?:['’]s)?){0,2})",
    re.I,
)


def acted_on(question: str) -> str:
    """The head noun of the object of "can I / how do we <verb> ...?" ("bins" of "can I get my
    bins collected?"): the nouns after the verb, up to the first word that cannot be one; "" when
    there is no such object, the verb takes a preposition ("apply for"), or the object is a
    person ("should I tell mum ...?": someone dealt with, not what the question is about)."""
    from assistant.answering import meaning

    m = _ACTED_ON.search(question)
    if not m or "VERB" not in meaning.word_classes(m.group("verb").lower()):
        return ""
    head = ""
    for w in m.group("np").lower().split():
        if w[-2:] in ("'s", "’s"):  # "a resident's permit": whose it is, then the thing
            head = ""
            continue
        if "NOUN" not in meaning.word_classes(w) and not w.endswith("ing"):  # "a *fishing* licence"
            break
        head = w
    return "" if head in answertypes.PEOPLE or head in MALE or head in FEMALE or head in _GENERAL else head


# Nouns that stand for whatever is meant ("can I share *stuff* with ...", "the *things* they
# post"): no thing a document must speak of.
_GENERAL = frozenset("stuff thing things something anything everything bits info information details".split())


def complement(question: str) -> str:
    """The noun a light verb's object is taken or put on or into ("holiday" of "can I take my
    foster child on holiday?", "storage" of "do we put the files into storage?"): with a light verb
    (``LIGHT_VERBS``) the object says little, and where it goes is what is asked. "" when the verb
    is not light or no such preposition follows the object ("of" belongs to the object: "photos
    of the room")."""
    from assistant.answering import meaning

    m = _ACTED_ON.search(question)
    verb = m.group("verb").lower() if m else ""
    if not m or not set(meaning.word_lemmas(verb).get("VERB", ())) & LIGHT_VERBS:
        return ""
    after = [w.strip(",.?!;:") for w in question[m.start("np") :].lower().split()]
    for i, w in enumerate(after):
        if w in _TO_PLACE and i:
            rest = [x for x in after[i + 1 : i + 3] if x not in _OBJECT_DETERMINERS]
            return rest[0] if rest and "NOUN" in meaning.word_classes(rest[0]) else ""
        if w[-2:] in ("'s", "’s") or w in _OBJECT_DETERMINERS:
            continue
        if not {"NOUN", "ADJ"} & meaning.word_classes(w) and not w.endswith("ing"):
            return ""
    return ""


# Where a light verb's object is taken or put ("on holiday", "into care"). Not "to": it names
# whom a thing is given or sent to as often ("make a notification to the Panel").
_TO_PLACE = frozenset("on into onto".split())
_OBJECT_DETERMINERS = frozenset("the a an my our your their his her this that these those".split())


# "do the ambulance crews flag ...?", "are parents allowed to ...?", "- do our football coaches need
# ...?": an auxiliary opening a clause, then its subject and its verb.
_SUBJECT = re.compile(
    r"(?:^|[-–,;:.!?]\s*)\W*(?:(?:so|and|but|then|ok|okay)\s+)?(?P<aux>do|does|did|are|is|were|was|can|"
    r"could|must|should|will|would|may|might)\s+(?:(?:the|a|an|our|their|your|my|his|her|its|any|all)\s+)?"
    r"(?P<rest>[a-z&'’ -]+)",
    re.I,
)
# "what did the fire service get ...?", "how do the police decide ...?": a question word, then the
# auxiliary of a verb of doing (not "is": "what is the threshold" has no subject doing anything)
_WH_SUBJECT = re.compile(
    r"(?:^|[-–,;:.!?]\s*)\W*(?:(?:so|and|but|then|ok|okay)\s+)?(?:what|how|when|where|why|who|whom)\s+"
    r"(?P<aux>do|does|did|can|could|must|should|will|would|may|might)\s+"
    r"(?:(?:the|a|an|our|their|your|my|his|her|its|any|all)\s+)?(?P<rest>[a-z&'’ -]+)",
    re.I,
)
_PRONOUNS = frozenset(
    "i we you they he she it this that these those there anyone anybody someone somebody who which what".split()
)
_BE = frozenset("are is were was".split())
SUBJECT_WORDS = 3  # the most words a subject has here ("the ambulance crews", "our football coaches")


def subject(question: str) -> list[str]:
    """The words of the subject of a question opening a clause with its auxiliary ("ambulance
    crews" of "do the ambulance crews flag kids ...?"): the longest run of up to ``SUBJECT_WORDS``
    words English has as nouns or adjectives, ending in a noun, that a verb follows; [] when there
    is none or it is a pronoun."""
    m = _SUBJECT.search(question)
    told = None if _ASKING_WORD.search(question) else _TOLD.match(question)
    # "the bins move to Saturday?", "dentists have to flag children too. Is that one of the actions?":
    # a claim checked, asked of what it tells
    own = _subject_of(m) if m is not None else []
    if told and not own:
        return _told_subject(told.group("rest").lower().split())
    if m is None:  # after a question word, only a named kind of doer ("the fire service"): a thing
        # asked about ("why did the arrangement matter") is no one the documents must name
        found = _subject_of(_WH_SUBJECT.search(question))
        return found if len(found) > 1 and not any("-" in w for w in found) else []
    return own


# A statement asked ("the bins move to Saturday after the bank holiday?", what a claim checked
# leaves): it opens with its subject, not a word of asking.
_TOLD = re.compile(
    r"^\W*(?!(?:what|how|when|where|why|who|whom|which|whose|do|does|did|are|is|were|was|can|could|must|should|"
    r"will|would|may|might|has|have|had)\b)(?:that\s+)?(?:(?:the|a|an|our|their|your|my|his|her|its|all)\s+)?"
    r"(?P<rest>[a-z&'’ -]+)[^?]*\?\s*$",
    re.I,
)


_ASKING_WORD = re.compile(r"\b(?:what|whats|when|whens|where|why|who|whom|which|whose|how)\b", re.I)


def _told_subject(rest: list[str]) -> list[str]:
    """The subject of a statement: up to ``SUBJECT_WORDS`` nouns or adjectives ending in a noun,
    then a verb in a form of its own ("move", "closes", "made")."""
    from assistant.answering import meaning

    if not rest or rest[0] in _PRONOUNS:
        return []
    for n in range(min(SUBJECT_WORDS, len(rest) - 1), 0, -1):
        np, verb = rest[:n], rest[n]
        if "NOUN" not in meaning.word_classes(np[-1]) or "VERB" not in meaning.word_classes(verb):
            continue
        if all({"NOUN", "ADJ"} & meaning.word_classes(w) or not meaning.word_classes(w) for w in np):
            return np
    return []


def _subject_of(m: re.Match | None) -> list[str]:
    """The subject's words after the auxiliary ``m`` found (``subject``)."""
    from assistant.answering import meaning

    rest = m.group("rest").lower().split() if m else []
    if not rest or rest[0] in _PRONOUNS:
        return []
    be = m.group("aux").lower() in _BE if m else False
    # "is the ambulance service taking part": after "is", a participle is the verb ("taking"), not
    # the head of the subject, whatever else English lets the words be
    if be:
        for n in range(min(SUBJECT_WORDS, len(rest) - 1), 0, -1):
            np, verb = rest[:n], rest[n]
            if verb.endswith("ing") and not np[-1].endswith("ing") and "NOUN" in meaning.word_classes(np[-1]):
                if all({"NOUN", "ADJ"} & meaning.word_classes(w) or not meaning.word_classes(w) for w in np):
                    return np
    for n in range(min(SUBJECT_WORDS, len(rest) - 1), 0, -1):
        np, verb = rest[:n], rest[n]
        if "NOUN" not in meaning.word_classes(np[-1]) or set(np) & _PRONOUNS:
            continue
        # after "do" or "can" the verb's own form ("flag", not "kids"); after "are", a participle
        # or an adjective ("allowed", "open")
        lemmas = meaning.word_lemmas(verb).get("VERB", ())
        fits = verb.endswith(("ed", "en", "ing")) or "ADJ" in meaning.word_classes(verb) if be else verb in lemmas
        # the words before the head may be nouns, adjectives or words English does not know ("A&E")
        if fits and all({"NOUN", "ADJ"} & meaning.word_classes(w) or not meaning.word_classes(w) for w in np):
            return np
    return []


# "what does the nursery guidance say", "under the school's policy": a document named by whose it is.
_OWNED_TEXT = re.compile(r"\b(?P<owner>[a-z]+)(?:['’]s?)?\s+(?=(?P<text>[a-z]+)\b)")
# An agency acting, not owning: "what did probation report ...?", "did the police report it?".
_AUXILIARY = re.compile(r"\b(?:did|does|do|will|would|can|could|must|should|has|have|may)\s+(?:the\s+)?$")


def owners(question: str) -> list[str]:
    """The words naming whose a document the question asks of is ("nursery" of "what does the
    nursery guidance say?"): a word for an agency or a setting (people.ACTORS: a school, a nursery,
    the police) right before a word for a document (answertypes.TEXTS). Not a body whose report
    others quote ("the panel's report with 482 notifications"), nor an agency doing the verb the
    word can also be ("did the police report it?": no verb follows the word)."""
    from assistant.answering import meaning, people

    out = []
    for m in _OWNED_TEXT.finditer(question):
        owner, text = m.group("owner"), m.group("text")
        if text not in answertypes.TEXTS or owner not in people.ACTORS:
            continue
        after = question[m.end("text") :].split()
        verb_next = bool(after) and "VERB" in meaning.word_classes(after[0].strip("?,.!"))
        if _AUXILIARY.search(question[: m.start()]) and "VERB" in meaning.word_classes(text) and not verb_next:
            continue
        out.append(owner)
    return out


def compound_modifiers(question: str, stems: set[str] | frozenset[str]) -> list[tuple[str, str]]:
    """(modifier, head) stems of the noun compounds a question writes in lower case ("council
    tax", "school meals"): two content words in a row English has as nouns, the second not a
    verb's participle ("the hub running on Sundays")."""
    from assistant.answering import meaning
    from assistant.index.lexical import _stemmer

    toks = re.findall(r"[A-Za-z]+", question)
    out = []
    for a, b in zip(toks, toks[1:], strict=False):
        if not (a.islower() and b.islower()) or "NOUN" not in meaning.word_classes(a):
            continue
        if "NOUN" not in meaning.word_classes(b) or b.endswith(("ing", "ed")):  # "the hub running": a verb's
            continue
        sa, sb = _stemmer().stemWord(a), _stemmer().stemWord(b)
        if sa in stems and sb in stems and sa != sb:
            out.append((sa, sb))
    return out
