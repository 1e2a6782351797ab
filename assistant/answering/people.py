"""People: what a question about a person, a role or an agency needs of a passage.

* **A role of several words** ("who is the designated nurse?"): the role's words must stand
  together in one sentence (a few words apart at most). A list of people holding "designated
  doctor" in one place and "chief nurse" in another names no designated nurse.
* **A name asked for** ("who is the LADO, by name?", "what's the name of her social worker?"):
  a sentence must give a person's name (``personal_name``), with the role there too when the
  passage speaks of it. A passage that only says what the role does names nobody.
* **Who holds a post** ("who's the head of service?"): asks for a person's name, as "by name"
  does; whose post it is ("the council's ...") is no word of it. A passage that never holds the
  post does not answer with another person's name.
* **A setting** ("nursery", "childminder"): held by its own words; a school is not a nursery.
* **Who asks** ("I'm a childminder, ...", "childminder here, ...", "as a nurse, ..."): an agency
  named only to say who is asking is not asked about; the passage need not hold it.
* **Either of two** ("was it the nursery or a childminder?"): one of the agencies will do.
* **A place's opening** ("is the library open on Sundays?"): the place must be in the passage.
* **An agency the question names** ("the police", "probation", "Ofsted"): the passage must hold
  it, in its words, a glossary phrase, by meaning, or by the title of one of its people
  ("Detective Superintendent Baig said"). A passage on what the school does says nothing of
  what the police must do. A title the question itself puts with the agency ("GP *practices*")
  does not hold it alone: any "practice" (a "practice review") would.
* **An agency as the actor** ("how soon must the police visit ...?", "what did probation
  report?"): one sentence must have the agency (or one of its people) do the asked thing: the
  agency, then the verb (by stem or meaning) within a few words, or the verb, then "by" and the
  agency. For a verb of telling ("tell", "report", "inform") any verb of telling will do, and
  the agency told, when the question names one, must be in that sentence too: "Do not tell the
  parents the information came from the police" does not have the police telling anyone, "the
  police tell the school" does not tell children's social care. An agency that hears ("when
  does the school hear?") needs only a sentence with it and a verb of telling, in any order.
  A verb of saying ("does the school say anything about phones?") is done by a document the
  agency issued (its title or author names it): what the school's own bulletin says, it says.
  Guidance to its reader ("follow your procedure and refer ...", "Refer ...") has the reader
  acting, unless the agency asked is named in that sentence in another part.
* **A deed asked of someone** ("who took the minutes?", "who chairs the review panel?"): the
  passage itself or its own section heading must name the deed: the verb in any form
  ("delivered" for "delivers") or the head of its object ("minutes"); the document's title and
  first heading name every passage of it, so they do not. A list of those present gives each
  role beside its name ("Hannah Coyle (business manager, minutes)"); a passage that only names
  the meeting, or names people doing other things, does not say who did it. A deed done to a
  document ("who produced the handout?") is also said by its imprint ("Edition 3", "Issued by"),
  and so is a deed done to what the document's title names ("who puts the dashboard together?"
  of "Front door dashboard": "Prepared by ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.answering import answertypes, aspects, meaning
from assistant.index.lexical import tokenize

# Words that name one agency and nothing else: the passage must hold them. A school, a hospital
# or a court is also a place ("after school", "took him to hospital"): it is asked of only as the
# actor of a verb (``ACTORS``). "Council" is left out: the documents say "local authority" as often.
# A nursery or a childminder is a setting of its own: a school's policy is not the nursery's, though
# a school is the nearest thing to a nursery by meaning, so a setting is held by its own words.
SETTINGS = frozenset("nursery nurseries childminder childminders".split())
AGENCIES = frozenset("police probation nhs gp gps ofsted cafcass".split()) | SETTINGS
ACTORS = AGENCIES | frozenset("school schools hospital hospitals court courts".split())
# "children's social care", "adult social care": an agency of two words, also called children's
# services, social services, or spoken of through its social workers.
_SOCIAL_CARE_HELD = re.compile(r"\bsocial\s+(?:care|services?|work|workers?)\b|\bchildren['’]s\s+services\b", re.I)
# Words for people who are not an agency: a role a name can be asked of ("her social worker").
PERSONS = (
    answertypes.PEOPLE
    - AGENCIES
    - frozenset(
        "panel board partnership partnerships agency agencies authority authorities council councils service services "
        "government team teams family families".split()
    )
)
# Verbs of telling: "must the police tell ...", "what did probation report ...".
TELLING = frozenset("tell told report inform notifi share sent send say said updat brief alert".split())
# Verbs of saying: a document says what its issuer says ("does the school say anything about ...").
SAYING = frozenset("say said mention state write wrote written".split())
# Verbs of being told: "when does the school hear?" is answered by "... are sent to schools".
HEARING = frozenset("hear heard learn learnt receiv".split())
ROLE_WINDOW = 2  # extra words allowed between the words of a role ("designated safeguarding nurse")
FIRST_PERSON = frozenset({"i", "we"})  # how a policy's author speaks of itself ("I will tell the LADO")
ACTOR_WINDOW = 6  # words between an agency and its verb ("the police will usually visit")
# "who is the designated nurse?" asks who holds the post: a person's name, as "by name" does.
_WHO_HOLDS = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)?who(?:['’]s|\s+is|\s+was)\s+(?:the|a|an|our|their|your)\s+", re.I
)
# Whose post it is ("the council's ... officer") is not a word of the post.
_POSSESSOR = re.compile(r"\b(the|a|an)\s+[a-z]+['’]s\s+", re.I)
# "is the library open on Sundays?", "the library's opening hours", "opening times of the pool",
# "when does the tip open?", "what time does the library shut?": the place whose hours are asked,
# in each way English says whose they are.
_OPEN = re.compile(
    r"\b(?:is|are|does|do)\s+(?:the\s+|a\s+|an\s+|your\s+|our\s+)?(?P<np>(?:[a-z]+\s+){0,3}?[a-z]+)\s+(?:open|shut|close)\b"
    r"|\b(?P<owner>(?:[a-z]+\s+){0,2}?[a-z]+)(?:['’]s?)?\s+(?:opening|closing)\s+(?:hours|times)\b"
    r"|\b(?:opening|closing)\s+(?:hours|times)\s+(?:of|at|for)\s+(?:the\s+|a\s+|an\s+|your\s+|our\s+)?"
    r"(?P<of>(?:[a-z]+\s+){0,2}[a-z]+)\b",
    re.I,
)
_OWNER_START = frozenset("the a an your our my their what when is are".split())
_RECOMMEND = re.compile(r"\brecommend(?:s|ed|ing|ations?)?\b", re.I)
# "recommendations to government", "what is recommended for the leaving care team": whom they are for.
_RECOMMENDED_TO = re.compile(
    r"\brecommend(?:s|ed|ing|ations?)?\s+(?:(?:made|given|are|were)\s+)?(?:to|for)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<np>[a-z]+(?:\s+[a-z]+){0,2})",
    re.I,
)


def advisee(question: str, stems: set[str]) -> list[str]:
    """The stems of whom a recommendation is asked for ("govern" of "what are the recommendations
    to government in the annual report?"), up to a preposition; [] when none is named."""
    m = _RECOMMENDED_TO.search(question)
    if not m:
        return []
    np: list[str] = []
    for w in m.group("np").split():
        if w.lower() in _NP_END:
            break
        np.append(w)
    return [s for s in dict.fromkeys(map(_stem, np)) if s in stems]


_BY_NAME = re.compile(r"\bby name\b|\bwhat(?:['’]s| is| was) (?:his|her|their) name\b", re.I)
_NAME_OF = re.compile(r"\bname\s+of\s+(?:the\s+|a\s+|an\s+|[\w’']+['’]s\s+)?(?P<phrase>(?:[a-z-]+\s*){1,3})", re.I)
# typed as a search: "kite project manager name", "designated nurse name?" (no word of asking)
_NAME_TYPED = re.compile(
    r"^(?!.*\b(?:how|what|which|who|whom|when|where|why|is|are|was|were|do|does|did)\b).*?"
    r"\b(?P<phrase>(?:[a-z-]+\s+){0,2}[a-z-]+)\s+names?\W*$",
    re.I,
)
_ACTOR = re.compile(
    r"\b(?:must|should|shall|did|does|do|will|would|can|could|has|have|may|might)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<agency>[a-z]+)\s+(?:(?:not|also|usually|always|still|then)\s+)?(?P<verb>[a-z]+)\b",
    re.I,
)
# An agency is also held by the titles of its people: "Detective Superintendent Baig said" is the
# police speaking, "the head teacher" the school's.
STAFF = {
    "police": "officer officers detective constable sergeant inspector superintendent",
    "probation": "offender",
    "school": "teacher teachers headteacher head dsl",
    "schools": "teacher teachers headteacher heads dsl dsls",
    "hospital": "ward consultant paediatrician paediatricians nurse nurses",
    "hospitals": "ward consultant paediatrician paediatricians nurse nurses",
    "court": "judge magistrate magistrates",
    "courts": "judge judges magistrate magistrates",
    "gp": "doctor practice surgery clinician clinicians",
    "gps": "doctors practices surgeries",
    "ofsted": "inspector inspectors inspection",
}


@lru_cache(maxsize=64)
def _staff(agency: str) -> frozenset[str]:
    """The stems of the titles of an agency's people (``agency`` a stem)."""
    return frozenset({_stem(w) for a, ws in STAFF.items() if _stem(a) == agency for w in ws.split()})


# Whom an agency tells: the words after the verb of telling ("... tell children's social care").
_RECIPIENT = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:children['’]?s\s+|adult\s+)?(?P<agency>[a-z]+)\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A word's stem, remembered: every candidate's every word is stemmed, question after question."""
    from assistant.index.lexical import _stemmer

    return _stemmer().stemWord(word.lower().replace("’", "'").split("'")[0])


_SETTING_STEMS = frozenset(map(_stem, SETTINGS))


@dataclass
class Asked:
    """What a question asks of people (stems, in the index's stemmer)."""

    role: list[str] = field(default_factory=list)  # the role's words ("designated", "nurse")
    by_name: bool = False  # a person's name is asked for
    agencies: list[str] = field(default_factory=list)  # each agency named (``AGENCIES``)
    actor: str = ""  # the agency the question makes do something
    verb: str = ""  # what it does (the question's word)
    recipient: str = ""  # whom it tells: "social" of "must the police tell children's social care"
    # "who <verb> the <noun>": the verb's lemmas, the noun's stem, and whether it is a document
    deed: tuple[frozenset[str], str, bool] | None = None
    opening: list[str] = field(default_factory=list)  # the place whose opening is asked ("librari")
    advised: bool = False  # what is recommended for the agencies named ("what did it recommend for probation?")
    advisee: list[str] = field(default_factory=list)  # whom "recommendations to government" are for (stems)
    either: list[frozenset[str]] = field(default_factory=list)  # "the nursery or a childminder": one will do


# The asker saying who they are before asking: "I'm a childminder", "as a nurse", "childminder
# here", "I work at a nursery". The words after it (up to three) name their role or workplace.
_ASKER = re.compile(
    r"\b(?:i['’]?m|i\s+am|as)\s+(?:a|an|the)\s+(?P<np>(?:[a-z'’-]+\s+){0,2}[a-z'’-]+)"
    r"|^\W*(?:(?:hi|hello|hey)\W+)?(?P<here>(?:[a-z'’-]+\s+){0,2}[a-z'’-]+)\s+here\b"
    r"|\bi\s+work\s+(?:at|in|for)\s+(?:a|an|the)\s+(?P<work>(?:[a-z'’-]+\s+){0,2}[a-z'’-]+)",
)
# Two agencies offered as a choice: "a nursery or a childminder", "police or probation".
_EITHER = re.compile(r"\b(?P<a>[a-z]+)\s+or\s+(?:a|an|the|their|his|her)?\s*(?P<b>[a-z]+)\b")


def asker_words(low: str) -> set[str]:
    """The words (of lower-case ``low``) by which the asker says who they are: their role or
    workplace, not what they ask about."""
    out: set[str] = set()
    for m in _ASKER.finditer(low):
        out |= set(_WORD.findall(m.group("np") or m.group("here") or m.group("work") or ""))
    return out


def either(low: str) -> list[tuple[str, str]]:
    """Pairs of agencies the question offers as a choice ("the nursery or a childminder")."""
    return [
        (m.group("a"), m.group("b"))
        for m in _EITHER.finditer(low)
        if m.group("a") in AGENCIES and m.group("b") in AGENCIES and m.group("a") != m.group("b")
    ]


def _agencies(low: str, words_: list[str]) -> tuple[list[str], list[frozenset[str]]]:
    """The agencies (stems) the question asks about, each needed, and the pairs of which one
    will do: not an agency named only to say who asks ("I'm a childminder, ...")."""
    asker = asker_words(low)
    said = [_stem(w) for w in words_]
    named = [w for w in dict.fromkeys(words_) if w in AGENCIES and not (w in asker and said.count(_stem(w)) == 1)]
    pairs = either(low)
    alone = dict.fromkeys(_stem(w) for w in named if not any(w in pair for pair in pairs))
    return list(alone), [frozenset(_stem(w) for w in pair) for pair in pairs]


def asked(question: str, kind: str, stems: set[str]) -> Asked:
    """What ``question`` asks of a person, a role or an agency; ``stems``: its content stems."""
    out = Asked()
    low = question.lower()
    m = _NAME_OF.search(question)
    named_person = m is not None and bool(set(m.group("phrase").lower().split()) & PERSONS)
    typed = _NAME_TYPED.search(question) if m is None else None
    if typed and typed.group("phrase").split()[-1].lower() in PERSONS - ACTORS:  # not "school name"
        m, named_person = typed, True
    out.by_name = named_person or (kind == "who" and bool(_BY_NAME.search(question)))
    phrase = ""
    own = _POSSESSOR.sub(r"\1 ", re.sub(r"\bwho['’]s\b", "who is", question, flags=re.I))
    if kind == "who" or named_person:
        r = aspects._ROLE.search(own)
        phrase = m.group("phrase") if named_person and m else (r.group("role") if r else "")
    role = _WORD.findall(phrase)
    while role and role[-1].lower() in _NP_END:  # "named nurse for": the post ends before its preposition
        role.pop()
    if role and role[-1].lower() in PERSONS:  # a post ("designated nurse"), not "the man living with"
        if len(role) > 1 and role[-1].lower() in answertypes.VAGUE_HEADS:
            role.pop()  # "the welfare person": whoever holds the welfare post ("Club welfare officer")
        out.role = [s for s in dict.fromkeys(map(_stem, role)) if s in stems]
        out.by_name = out.by_name or (kind == "who" and bool(_WHO_HOLDS.match(own)))
    out.opening = opening(question, stems)
    words_ = [w.lower() for w in _WORD.findall(low)]
    out.agencies, out.either = _agencies(low, words_)
    out.advised = bool(out.agencies) and bool(_RECOMMEND.search(question))
    out.advisee = advisee(question, stems)
    if kind == "who":
        out.deed = deed(question, stems)
    a = _ACTOR.search(question)
    # "do school *staff* have to ...": a word for people after the agency is the subject's head
    # noun, the agency only says whose staff; the question asks nothing the school does.
    if a and a.group("agency").lower() in ACTORS and a.group("verb").lower() not in PERSONS:
        verb = a.group("verb").lower()
        told_or_telling = _stem(verb) in TELLING | HEARING
        if verb in meaning.word_lemmas(verb).get("VERB", ()) and not meaning.common(verb) or told_or_telling:
            out.actor, out.verb = _stem(a.group("agency")), verb
            after = question[a.end() :]
            told = _RECIPIENT.match(after)
            if _stem(verb) in TELLING and told and told.group("agency").lower() in ACTORS | {"social"}:
                out.recipient = _stem(told.group("agency"))
    return out


def opening(question: str, stems: set[str]) -> list[str]:
    """The stems of the place whose opening is asked ("is the library open", "the pool's opening
    times", "library opening times sunday", "opening hours of the tip"); [] when none is. A
    possessor's run starts after its article ("what are *the* library's ..."), and a word the
    question only frames with is no place."""
    o = _OPEN.search(question)
    if not o:
        return []
    np = o.group("np") or o.group("of") or o.group("owner") or ""
    place = _WORD.findall(np)
    if o.group("owner"):
        while place and place[0].lower() in _OWNER_START:
            place = place[1:]
    if o.group("of"):  # "opening times of the tip on Sundays": the place ends at its preposition
        cut = next((i for i, w in enumerate(place) if w.lower() in _NP_END), len(place))
        place = place[:cut]
    return [s for s in dict.fromkeys(map(_stem, place)) if s in stems]


_DEED = re.compile(
    r"^\W*(?i:(?:(?:so|and|but|ok|okay|then)\W+)?who\s+(?P<verb>[a-z]+)\s+)"
    # an article, or a name in its place ("who chairs Fellbridge partnership")
    r"(?:(?i:(?:the|a|an|their|its|his|her|our|your)\s+)|(?=[A-Z]))"
    r"(?P<np>[^?.,;!]*)"
)
_NP_END = frozenset("at in on of for from with to before after during by about when while since".split())
_AUX = frozenset(
    "do does did is are was were has have had will would can could should must may might shall am be".split()
)


# The particles of English phrasal verbs ("put together", "write up", "sign off"): never the object.
_PARTICLES = frozenset("up out down off together back over away along".split())


def _particle(word: str) -> bool:
    """A phrasal verb's particle, or a word English knows only as other than a noun."""
    classes = meaning.word_classes(word)
    return word in _PARTICLES or bool(classes) and "NOUN" not in classes


# Quantities before the object: "who makes *the most* referrals?" asks which has the largest figure
# (a table of sources answers it), not who does the deed; a closed class.
_COUNTED = frozenset("most more least less fewest fewer".split())


def deed(question: str, stems: set[str]) -> tuple[frozenset[str], str, bool] | None:
    """The verb's lemmas and the object's head noun (a stem) of "who <verb> the <noun> ...?",
    and whether that noun is a document ("handout", "briefing")."""
    m = _DEED.search(question)
    verb = m.group("verb").lower() if m else ""
    lemmas = meaning.word_lemmas(verb).get("VERB", ()) if m else ()
    if not m or verb in _AUX or not lemmas:
        return None
    np: list[str] = []
    for w in _WORD.findall(m.group("np")):
        if w.lower() in _NP_END:
            break
        np.append(w)
    while np and _particle(np[-1].lower()):  # "who puts the dashboard *together*": the verb's particle
        np.pop()
    if _COUNTED & {w.lower() for w in np}:  # "who makes the most referrals": which has most, a figure
        return None
    head = _stem(np[-1]) if np else ""
    document = bool(np) and np[-1].lower() in answertypes.TEXTS
    return frozenset(lemmas) | {verb}, head if head in stems else "", document


# How an imprint says who issued a document ("Issued by ...", "Published May 2021", "Edition 3").
_ISSUED = re.compile(
    r"\b(?:published|issued|produced|written|prepared)\s+(?:on\s+|in\s+)?(?:by\b|\d)|\b(?:edition|issue)\s+\d+", re.I
)


def _deed_said(deed_, text: str, heading: str, soft: dict[str, str], titled) -> bool:
    """``_does_deed`` of the passage and its own heading; a deed done to what the document's
    title names ("who puts the dashboard together?") is said by an imprint saying who made it
    ("Prepared by ..."), not by a date of publication ("published on 14 May")."""
    if deed_[1] in titled and _IMPRINT.search(text):
        return True
    return _does_deed(deed_, text, heading, soft)


# An imprint saying who made a thing, not when something came out: "Edition 3", "Issued by ...".
_IMPRINT = re.compile(
    r"\b(?:published|issued|produced|written|prepared|compiled|collated|edited|drawn up|put together)\s+by\b"
    r"|\b(?:edition|issue)\s+\d+",
    re.I,
)


_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _without(sentence: str, stems: set[str]) -> str:
    """``sentence`` with every run of capitalised words holding one of ``stems`` blanked (the
    thing's own name: "Voicebox Calderholme", "Brackley Youth Forum")."""
    return _CAPITAL_RUN.sub(
        lambda m: " " if {_stem(w) for w in _WORD.findall(m.group(0))} & stems else m.group(0), sentence
    )


def _does_deed(deed_: tuple[frozenset[str], str, bool], text: str, heading: str, soft: dict[str, str]) -> bool:
    """Does the passage itself (or its own heading) name the deed done to the thing asked: its verb
    in any form, not done there to something else ("the Panel was chaired by X", "the chair of
    governors" do not say who chairs the partnership), or its object in a sentence with a
    person's name or an agent ("Hannah Coyle (business manager, minutes)", "decisions on the plan
    are made by the DSL")? A deed done to a document ("who
    produced the handout?") or a thing an imprint names ("Level 2 training. Edition 3") is also
    said by the imprint, in words of its own."""
    lemmas, noun, document = deed_
    nouns = _forms(noun, soft) if noun else set()
    if document and _ISSUED.search(text):
        return True
    if nouns & {_stem(w) for w in _WORD.findall(text)} and _IMPRINT.search(text):
        return True  # an imprint of the thing asked ("Level 2 training. Edition 3"), not "published in 2026"
    if nouns & {_stem(w) for w in _WORD.findall(heading)} and personal_name(text):
        return True  # "5. Health update" over "Dr Ade Rowe said ...": the heading names the deed
    doers = {f"{lemma.rstrip('e')}{end}" for lemma in lemmas for end in ("er", "or")}  # "manages": a manager
    for sentence in _SENTENCES.split(f"{text}\n{heading}"):
        words = [w.lower() for w in _WORD.findall(sentence)]
        # the thing's own name is no person's ("Voicebox Calderholme provides ...")
        if nouns & {_stem(w) for w in words} and ("by" in words or personal_name(_without(sentence, nouns))):
            return True
        if not noun and doers & set(words) and personal_name(sentence):  # "Gideon Wrathall, OHCS manager"
            return True
        for i, w in enumerate(words):
            if any(w[:2] == lemma[:2] for lemma in lemmas) and meaning.lemmas_of(w) & lemmas:
                other = _object_of(words, i)
                if not other or not nouns or nouns & {_stem(o) for o in other}:
                    return True
    return False


_ARTICLE = re.compile(r"^(?:The|A|An)\s+")  # "The Pellingford network": a run's article is no name
_COPULA = frozenset("is was are were been be being".split())
_POINTING = frozenset("it they this these that those which who what".split())  # "it is run by": the thing asked
_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())


def _object_of(words: list[str], at: int) -> list[str]:
    """The noun phrase the verb at ``at`` is done to in its own words, or []: the subject of a
    passive ("the *panel* was chaired by"), or the nouns after "of" or an article ("the chair of
    *governors*", "chairs the *review panel*")."""
    if at >= 2 and words[at - 1] in _COPULA and words[at + 1 : at + 2] == ["by"]:
        head = words[at - 2]
        return [head] if "NOUN" in meaning.word_classes(head) and head not in _POINTING else []
    rest = words[at + 1 : at + 7]
    if rest[:1] == ["of"]:
        rest = rest[1:]
    elif not rest[:1] or rest[0] not in _DETERMINERS:
        return []
    np: list[str] = []
    for w in rest:
        if w in _DETERMINERS and not np:
            continue
        classes = meaning.word_classes(w)
        if not ("NOUN" in classes or w.endswith("ing") or (not classes and not np)):
            break
        np.append(w)
    return np


def personal_name(sentence: str) -> bool:
    """A person's name: ``aspects.has_names``, but not a place or a body named after one
    ("Fellbridge Council", "Quillhaven Police", "Fosterline Partners": the last word is a word
    for an agency or a group of people)."""
    for m in aspects._CAPITAL_RUN.finditer(sentence):
        run = _ARTICLE.sub("", m.group(0))  # "The Pellingford network": an article opening a sentence
        last = re.split(r"[ -]", run)[-1].lower()
        if last in answertypes.PEOPLE and run.split()[0].lower() not in aspects.PERSONAL_TITLES:
            continue
        if aspects.has_names(run):
            return True
    return False


def _positions(tokens: Sequence[str], forms: set[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t in forms]


def _forms(stem: str, soft: dict[str, str]) -> set[str]:
    """A question stem and the passage word matched to it by meaning, as stems."""
    return {stem} | ({_stem(soft[stem])} if stem in soft else set())


def _role_together(role: list[str], tokens: Sequence[str], soft: dict[str, str]) -> bool:
    at = [_positions(tokens, _forms(s, soft)) for s in role]
    if not all(at):
        return False
    span = len(role) - 1 + ROLE_WINDOW
    return any(all(any(abs(p - q) <= span for q in ps) for ps in at) for p in at[0])


def _verbs(verb: str, tokens: Sequence[str], soft: dict[str, str]) -> list[int]:
    """Where this sentence's stems say the verb: by stem, by meaning, or any verb of telling."""
    wanted = TELLING if _stem(verb) in TELLING else _forms(_stem(verb), soft)
    return [i for i, t in enumerate(tokens) if t in wanted]


def _acts(actor: str, verb: str, tokens: Sequence[str], soft: dict[str, str], own: bool = False) -> bool:
    """Does the agency (``actor``) do the verb in this sentence's stems? In its ``own`` document
    (a childminder's policy) it speaks as "I" or "we"."""
    verbs = _verbs(verb, tokens, soft)
    agents = _positions(tokens, _forms(actor, soft) | _staff(actor) | (FIRST_PERSON if own else set()))
    before = any(0 < v - a <= ACTOR_WINDOW for a in agents for v in verbs)
    passive = any(0 < a - v <= ACTOR_WINDOW and "by" in tokens[v + 1 : a] for a in agents for v in verbs)
    # Guidance to its reader ("... follow your procedure and refer to children's services"): the
    # reader is the one acting, unless the agency asked is named there in another part.
    opening = next((i for i, t in enumerate(tokens) if not t.isdigit()), -1)
    reader = not agents and any(v == opening or {"you", "your"} & set(tokens[:v]) for v in verbs)
    return before or passive or reader


def _holds_setting(agency: str, got: set[str], shown: set[str], soft: dict[str, str]) -> bool:
    """Does the passage hold ``agency`` (a stem): by its words or its people, and a setting by its
    own words, not by meaning (a school is not a nursery)?"""
    if agency in _SETTING_STEMS and agency in soft and agency not in shown:
        return False
    return agency in got or bool(_staff(agency) & shown)


def fits(
    asked_: Asked | None,
    text: str,
    got: set[str],
    soft: dict[str, str],
    glossed: set[str],
    heading: str = "",
    titled: frozenset[str] | set[str] = frozenset(),
) -> bool:
    """Does the passage ``text`` give what the question asks of people (module docstring)?
    ``got``: question stems the passage or its heading holds (stem, glossary, meaning);
    ``soft``: question stem -> passage word of the same meaning; ``glossed``: stems held only
    through a glossary phrase (no one word to find in a sentence); ``heading``: the passage's own
    section heading (``evidence.own_heading``), where a deed may be named too; ``titled``: the stems
    of the document's title, author and section path (whose document it is)."""
    if asked_ is None or not (
        asked_.agencies
        or asked_.either
        or len(asked_.role) > 1
        or asked_.by_name
        or asked_.actor
        or asked_.deed
        or asked_.opening
        or asked_.advisee
    ):
        return True  # nothing asked of people (most questions): no sentence to look at
    if not all(s in got for s in asked_.opening):  # family hubs' hours are not the library's
        return False
    raw, sentences = _sentences(text)
    shown = {t for toks in sentences for t in toks}
    # A title the question itself puts with the agency ("GP *practices*") is not the agency when
    # alone: any "practice" (a "practice review") would hold it.
    if not all(a in got or (_staff(a) - got) & shown for a in asked_.agencies):
        return False
    if not all(any(_holds_setting(a, got, shown, soft) for a in pair) for pair in asked_.either):
        return False
    if asked_.advised and not advised_for(asked_.agencies, sentences, heading):
        return False
    if asked_.advisee and not (set(asked_.advisee) <= got and advised_for(asked_.advisee, sentences, heading)):
        return False
    if any(a in _SETTING_STEMS and a in soft and a not in shown for a in asked_.agencies):
        return False  # a school, held by meaning, is not the nursery asked about
    role = [s for s in asked_.role if s not in glossed]
    if len(role) > 1 and not any(_role_together(role, toks, soft) for toks in sentences):
        return False
    if asked_.by_name:  # a person's name, in the sentence that speaks of the role when one does
        head = role[-1:] if role else []
        in_text = bool(head) and any(set(head) <= set(t) for t in sentences)
        if head and not in_text and not set(head) <= got:  # a name, but of someone in another post
            return False
        if not any(
            personal_name(s) and (not in_text or set(head) <= set(toks))
            for s, toks in zip(raw, sentences, strict=False)
        ):
            return False
    if asked_.deed and not _deed_said(asked_.deed, text, heading, soft, titled):
        return False
    if asked_.actor and asked_.actor not in glossed and not (_stem(asked_.verb) in SAYING and asked_.actor in titled):
        return _actor_does_it(asked_, raw, sentences, soft, asked_.actor in titled)
    return True


def _actor_does_it(
    asked_: Asked, raw: Sequence[str], sentences: Sequence[Sequence[str]], soft: dict[str, str], own: bool = False
) -> bool:
    """Does one sentence have the agency asked of do the asked thing (to the agency told, if any)?
    ``own``: the passage is of the agency's own document, which says "I" or "we" for it."""
    acting = [
        toks
        for s, toks in zip(raw, sentences, strict=False)
        if not asked_.recipient or asked_.recipient in toks or _told(asked_.recipient, s)
    ]
    if _stem(asked_.verb) in HEARING:  # "when does the school hear": it is told, in whatever order
        agents = {asked_.actor} | _staff(asked_.actor) | (FIRST_PERSON if own else set())
        return any(agents & set(toks) and set(toks) & (TELLING | HEARING) for toks in acting)
    return any(_acts(asked_.actor, asked_.verb, toks, soft, own) for toks in acting)


def name_roles(index) -> dict[str, tuple[frozenset[str], ...]]:
    """For each word of a person's name in a table row of the documents, the stems of the post
    the row gives them in its first cell ("Deputy safeguarding lead | Martin Oduya, practice
    manager | ..."): made once per loaded index."""

    def make() -> dict[str, tuple[frozenset[str], ...]]:
        out: dict[str, set[frozenset[str]]] = {}
        for doc in index.documents.values():
            for line in doc.text.splitlines():
                cells = [c.strip() for c in line.split("|")] if " | " in line else []
                post = frozenset(tokenize(cells[0])) if cells else frozenset()
                for cell in cells[1:] if post else []:
                    for m in aspects._CAPITAL_RUN.finditer(cell if personal_name(cell) else ""):
                        for w in re.split(r"[ -]", m.group(0)):
                            out.setdefault(_stem(w), set()).add(post)
        return {name: tuple(posts) for name, posts in out.items()}

    return index.derive("name_roles", make)


def held_by_post(roles: dict[str, tuple[frozenset[str], ...]], held: set[str] | frozenset[str]) -> set[str]:
    """The names (stems) a passage holds through the post the documents give the person: "the
    deputy safeguarding lead" speaks of the person a table row names as that lead."""
    return {name for name, posts in roles.items() if any(post <= held for post in posts)}


def advised_for(agencies: list[str], sentences: Sequence[Sequence[str]], heading: str = "") -> bool:
    """Is something recommended for one of ``agencies``: a sentence naming it (or one of its
    people) that says what should or will be done (aspects.EVIDENCE: "recommend", "should",
    "must"; and an action agreed: "the police will tell ..."), or a passage naming it under a
    heading of recommendations? A table row saying probation had no record of the family names
    probation; it recommends nothing for it."""
    wanted = aspects.EVIDENCE["recommendations"]
    named = [toks for toks in sentences if any(a in toks or _staff(a) & set(toks) for a in agencies)]
    if any((wanted | _AGREED) & set(toks) for toks in named):
        return True
    # a heading's "will" is no action agreed: "If a parent will not let you in"
    return bool(named) and bool(wanted & {_stem(w) for w in _WORD.findall(heading)})


# An action agreed is said in the future or as a need: "the police will tell ...", "the GP needs to ...".
_AGREED = frozenset("will shall need".split())


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A passage's sentences and each one's stems, remembered: the same passages come back as
    candidates question after question."""
    raw = tuple(_SENTENCES.split(text))
    return raw, tuple(tuple(_stem(w) for w in _WORD.findall(s)) for s in raw)


def _told(recipient: str, sentence: str) -> bool:
    """Is social care (``recipient`` "social") told in this sentence under another of its names?"""
    return recipient == "social" and bool(_SOCIAL_CARE_HELD.search(sentence))
