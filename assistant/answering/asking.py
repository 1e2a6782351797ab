"""The asking, not the asked: question words a reader need not be warned the quotes lack.

``evidence.missing`` lists the question's content words that no shown quote holds; that list
also decides refusals (``evidence.holds_too_little``) and is left as it is for that. What the
reader is shown (``Answer.missing``) drops the words that say how the question is asked rather
than what it asks about, because a warning that "slide" or "pls" is not in the quotes teaches
the reader to ignore the warnings that matter ("kinship" when the quotes speak of new carers):

* **Figures in words** given as a guess or a choice ("roughly fifteen hundred", "between twenty
  and twenty-five", "a year or eighteen months"), or that the quotes hold in digits ("nine":
  9): the asker's estimate, not a word of the topic ("under five" with no 5 shown stays).
* **The asker's errand**: the medium they found or will use the text in ("poster", "slide",
  "page", "pics"), the form of the answer they want ("exact", "figure", "wording", "result",
  "tip", "findings"), how they came to ask ("reading", "upset"), and texting shorthand ("pls",
  "loads"). Read by meaning: a word at least ``SEED_MATCH`` close to one of the ``ERRAND`` seeds
  (the shipped encoder, one word at a time, as meaning.py does), so "slides", "photos" and
  "webpage" are caught without listing them, while topic words stay far ("boyfriend" 0.44 at
  most, "kinship" 0.28).
  A word right before one of them names its kind ("*reflective* questions"). Never the topic a
  question asks the documents about ("what does the report say about *nosy questions*").
* **A conjunction, a preposition, a pronoun or an interjection** ("whether", "beside", "myself",
  "round here", "versus", "yeah", "alright"), and
  a general noun of speech ("the first *bit*", "the *ones* on the page"): closed classes of
  English, so listed.
* **An adjective of emphasis** ("a *proper* review") when the quotes hold the word it qualifies.
* **Who the asker is** ("I'm a childminder", "childminder here", people.asker_words): their
  role, not what they ask about.
* **A verb done again in a "how often" question** ("*redo* the training") answered by a frequency.
* **Words around a count**: for "how many X", only the words that say which X are shown
  (figures.which_counted, the same words that decide a refusal): not who asks ("as a practice
  *nurse*"), where to look ("in the 2020 annual report *cases*") or a clause saying when
  ("before anyone joined the *dots*").
* **A particle of a phrasal verb** ("come *round*", "pop *over*"): the verb is the asking.
* **The event's verb in a when or where question** ("what time does the course start and
  *finish*", "where is the training *taking* place", "what span does the review *cover*"): a verb
  of something happening in time (``EVENT_VERBS``, a closed class) frames the time or place
  asked for; it is not shown when the question asks when and the quotes give a time, or asks where.
* **A word the shown quotes hold by meaning, read in context** ("dads": father, "toddler": young
  child): see inquotes.py. Only for quotes given as the answer: a refusal shows none to hold it.
* **A word the quotes hold by its class**, for quotes given as the answer: a family word that
  says a person's sex held by the same relation said without it ("mum": parents, "boyfriend" or
  "stepdad": a mother's partner; ``KIN``), and the general word for people at work
  ("professionals", "practitioners", "staff") held by a worker's title ("the social worker"),
  and a child named by where they are ("pupil") held by a child in a quote that names the place;
  a word for a child that says their sex, age or family place ("boy", "lad", "grandson") held by
  the general word ("child", "young people"), and a worker's title ("receptionists",
  "supervisor") held by the word for everyone at work ("all staff": a rule for all holds for each).
  Closed classes, because the encoder cannot tell a class from a rival: in context near misses'
  "police" sits 0.51 from "officer" and "doctor" 0.47 from "practitioner", while "mum" is 0.44
  from "parents". Aunts, uncles, nieces and nephews have no such word ("relatives" is anyone's).
* **A typing slip** ("nieghbour", spelling.py): a word English does not know, one slip from one
  it knows well, that no document holds.
* **An abbreviation the quotes spell out**: by initials, plurals too ("hvs": health visitors),
  skipping the little words of a title ("TSD": Training, Support and Development standards).
"""

from __future__ import annotations

import re

from assistant.answering import (
    answertypes,
    aspects,
    cues,
    evidence,
    figures,
    inquotes,
    leadin,
    marking,
    meaning,
    people,
    relatives,
    spelling,
)
from assistant.index.lexical import stopwords, words

NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions dozen dozens".split()
)
# Pronouns, a closed class ("I'm beside *myself*"): they name no topic a quote could lack.
PRONOUNS = meaning.PRONOUNS
# General nouns of speech (Halliday and Hasan's "general nouns"): they stand in for something
# named elsewhere ("the first *bit*", "the *ones* on the page", "the hoarding *thing*", "the house
# *stuff*", "the afternoons-off *arrangement*") and name no topic of their own; a closed class of
# English, so listed.
GENERAL_NOUNS = frozenset(
    "bit bits ones thing things stuff sort sorts kind kinds matter matters business affair affairs situation "
    "situations arrangement arrangements setup".split()
)
# Prepositions figures.PREPOSITIONS leaves out (it reads counts): "kids *round* here".
MORE_PREPOSITIONS = frozenset(
    "round amongst amid via throughout toward despite alongside beneath underneath versus vs".split()
)
# Interjections and answers to a yes-or-no ("... till I'm eighteen *yeah*", "did they do *alright*"):
# the asker's voice, no topic; a closed class of English.
INTERJECTIONS = frozenset("yeah yes yep yup no nope okay ok alright aye hey hi hello cheers thanks".split())
# Contractions typed without their apostrophe ("after *ive* been missing", "*im* not sure"): a
# pronoun or an auxiliary, a closed class ("ill", "wed", "well" and "hell" are words, so not here).
TYPED_CONTRACTIONS = frozenset(
    "ive im youre theyre weve youve theyve dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt "
    "hadnt couldnt shouldnt wouldnt thats whats hes shes theres".split()
)
# Comparatives and superlatives used as the question's verdict ("is it *worse* than it was?", "are its
# hours any *longer*?", "*dearer* or cheaper?"): how the question weighs what the quotes state (a
# figure, "up from", "fell"), not a thing they lack. Before a noun ("*older* children") they say which.
_COMPARED = frozenset("worse worst better best more most less least fewer fewest further farther".split())
# Adjectives of obligation and leave ("is it *obligatory* to ask the parents?", "is *possible* to
# speak with the chair alone?"): what the question asks of a rule the quotes state, a closed class.
# Before a noun ("the *legal* age") they say which thing.
DEONTIC = frozenset(
    "obligatory compulsory mandatory necessary required permitted allowed possible legal illegal forbidden "
    "acceptable essential optional".split()
)
# Adjectives of emphasis: "a *proper* review", "the *whole* report" ask for the thing itself, held
# when the quotes hold the word they qualify (the next word of the question); a closed class.
EMPHASIS = frozenset("proper real actual whole full complete total entire genuine true".split())
# Subordinating conjunctions: a closed class of English, so listed ("whether the plans were closed").
CONJUNCTIONS = frozenset("whether unless although though whereas whilst while since because".split())
# Seeds of the asker's errand (see the module docstring); a word is read as one of them by meaning.
ERRAND = (
    "poster slide page photos website leaflet handout essay "  # where the text is, or will go
    "exact actual precise wording figure result tip findings questions "  # the form of the answer wanted
    "reading upset please lots loads"  # how the asker came to ask; texting and casual speech
).split()
# Cosine of two words each encoded alone: inflections and near-synonyms of a seed sit above 0.7
# ("slides", "photographs" 0.89, "webpage" 0.75); topic words of safeguarding questions below 0.6.
SEED_MATCH = 0.7
# A word the English lexicon does not know (LemmInflect) is shorthand when it comes this close to a
# seed: the encoder puts "pls" at 0.48 from "please" and "pics" at 0.65 from "photos", while unknown
# topic words ("stepdads", "sleepover", "inspectorate") stay near 0.3 from every seed.
SHORTHAND_MATCH = 0.45
# Verbs of something happening in time: in "when does it start", "where is it held", they say
# that the event happens, not what it is about (by lemma: "taking", "runs", "lasted").
EVENT_VERBS = frozenset("happen occur take start begin finish end run last cover hold open close".split())
_WHERE = re.compile(r"^\s*(?:\w+\s+){0,2}where\b", re.I)
_PHRASAL = re.compile(
    r"\b(?:come|comes|came|coming|pop|pops|popped|popping|drop|drops|dropped|dropping|go|goes|going|went)"
    r"\s+(round|over|by|along)\b",
    re.I,
)
# A verb with its particle ("turns *up*", "drops *out*", "kicked *off*", "hurry them *up*"): the pair
# means something else than the verb alone (attends, withdraws, began, makes haste), so a quote
# holding the meaning does not hold the verb: when an answer is shown, the verb is not listed.
_VERB_PARTICLE = re.compile(
    r"(?:\b([a-z]+)\s+)?\b(?!(?:it|them|him|her|things)\b)([a-z]+)\s+(?:(?:it|them|him|her|the\s+kids|things)\s+)?"
    r"(?:up|out|off|down|away|back|round|around)\b",
    re.I,
)
_DETERMINERS = frozenset("the a an this that these those my our your their his her its each every".split())
# An abbreviation is rare in general English ("hvs" 1.9, "tsd" 2.2); "goes" (5.4) is a word.
ABBREVIATION_ZIPF = 4.0
# The little words a title's initials skip: "Training, Support *and* Development".
_SKIPPED = frozenset("and of the for in on to a an".split())


# A family word that says the person's sex -> the same relation without it. A step-parent is
# also the parent's partner ("a mother's new partner").
KIN = {
    **dict.fromkeys("mother mum mom mummy father dad daddy".split(), ("parent",)),
    **dict.fromkeys("stepmother stepmum stepfather stepdad".split(), ("parent", "stepparent", "partner")),
    **dict.fromkeys("boyfriend girlfriend husband wife fiance fiancee".split(), ("partner", "spouse")),
    **dict.fromkeys("brother sister".split(), ("sibling",)),
    **dict.fromkeys("son daughter".split(), ("child",)),
    **dict.fromkeys(
        "grandmother gran grandma nan nana granny grandfather grandad granddad grandpa".split(), ("grandparent",)
    ),
}
# The general words for people at work, and the titles that name one of them in a quote.
WORKERS = frozenset("professional professionals practitioner practitioners staff".split())
TITLES = frozenset(
    "worker workers visitor visitors nurse nurses midwife midwives doctor doctors gp gps teacher teachers headteacher "
    "officer officers paediatrician paediatricians clinician clinicians paramedic paramedics consultant consultants "
    "therapist therapists".split()
)

# Titles of people at work a rule for all staff holds ("what check do receptionists get?").
STAFF_TITLES = TITLES | frozenset(
    "receptionist receptionists supervisor supervisors manager managers cleaner cleaners administrator "
    "administrators assistant assistants".split()
)

# General nouns for an adult (the human class of Halliday and Hasan's general nouns, with its
# everyday forms): in a "who" question ("was it the scrutineer *bloke*?") they stand for the person
# asked for, held by a quote that names one ("Gareth Linley"); a closed class of English.
ADULTS = frozenset("person man woman guy bloke chap fella fellow lady gentleman someone somebody".split())

# A child named by where they are: held by a word for a child with the place in the same quotes.
PLACED = {"pupil": "school", "pupils": "school", "schoolchild": "school", "schoolchildren": "school"}
CHILD = frozenset("child children kid kids".split())
# A word for a child that says their sex, age or family place ("boy", "lad", "grandson"): held
# by the general word for a child or young person in the quotes (a closed class of English).
YOUNG = frozenset(
    "boy boys girl girls lad lads lass lasses kid kids grandson grandsons granddaughter granddaughters teenager "
    "teenagers teen teens youngster youngsters".split()
)
YOUNG_HELD_BY = frozenset("child children youngster youngsters teenager teenagers pupil pupils".split())
# Family words ("my sister", "his nan"): held by "a relative", "any relative", said of any of them
# (a rule for anyone's); not "Relatives knew", which tells of some.
_ANY_RELATIVE = re.compile(r"\b(?:a|any|another|each|every)\s+(?:other\s+)?relative\b", re.I)
FAMILY = frozenset(KIN) | frozenset(
    "sister sisters brother brothers aunt aunts auntie uncle uncles cousin cousins niece nieces nephew "
    "nephews grandson grandsons granddaughter granddaughters grandparent grandparents".split()
)
# A worker's title ("receptionists", "a supervisor"): held by the word for everyone at work there.
STAFF_WORDS = frozenset("staff employees colleagues workforce".split())


def not_held_by_class(missing: list[str], texts: list[str], question: str = "") -> list[str]:
    """``missing`` without the words ``texts`` hold by their class."""
    held = held_by_class(missing, texts, question)
    return [w for w in missing if w not in held]


def held_by_class(missing: list[str], texts: list[str], question: str = "") -> set[str]:
    """The words of ``missing`` the ``texts`` hold by their class (see the module docstring)."""
    said = {w for t in texts for w in re.findall(r"[a-z]+", t.lower())}
    named = answertypes.kind(question) == "who" and any(answertypes._NAME.search(t) for t in texts)
    lemmas = said | {lemma for w in said for lemma in meaning.lemmas_of(w)}
    out = set()
    for w in missing:
        forms = {w.lower(), w.lower().removesuffix("s")} | meaning.lemmas_of(w.lower())  # "stepdads": unknown
        place = PLACED.get(w.lower())
        if (
            any(set(KIN.get(f, ())) & lemmas for f in forms)
            or (forms & WORKERS and said & TITLES)
            or (place and said & CHILD and place in lemmas)
            or (forms & YOUNG and (said & YOUNG_HELD_BY or ("young" in said and said & {"person", "people"})))
            or (forms & FAMILY and any(_ANY_RELATIVE.search(t) for t in texts))
            or (forms & STAFF_TITLES and said & STAFF_WORDS)
            or (named and forms & ADULTS)
        ):
            out.add(w)
    return out


_ROUGH = re.compile(
    r"\b(?:roughly|about|around|approximately|approx|something|or so|ish|between|or)\b"
    # the asker's figure put up to be checked: "over 250 ..., what was the actual number"
    r"|\b(?:actual|exact|real|precise|correct|right|true)\s+(?:number|figure|total|count)\b"
    r"|-odd\b",  # "four thousand-odd"
    re.I,
)
# Nouns that stand for a question word, as the head of what is asked ("what's the *difference*
# between ...": how they differ; "the main *reason* ...": why; "what's the *rule* on ...": what
# must be done; "the *definition* they use": what it is): the asking; the words after them are the topic.
_ASKING_NOUN = re.compile(
    r"\b(?:what(?:['’]?s| is| are| was| were)?|whats|the|main|any)\s+(?:main\s+|real\s+)?"
    r"(differences?|reasons?|rules?|definitions?|meanings?)\s+(?:between|for|on|about|why|that|\w+)",
    re.I,
)


def phrasal_verbs(question: str) -> set[str]:
    """The verbs of the question's phrasal verbs (``_VERB_PARTICLE``), as typed."""
    out = set()
    for m in _VERB_PARTICLE.finditer(question or ""):
        before, verb = (m.group(1) or "").lower(), m.group(2).lower()
        # "those attendance *letters* out": a noun after a determiner or a noun is the thing moved
        classes = meaning.word_classes(before)
        # (a word of everyday English or a pronoun before it is no noun: the lexicon calls every
        # word it lacks a noun, "who" and "ours" too)
        content = before and not meaning.common(before) and before not in PRONOUNS
        noun_before = before in _DETERMINERS or bool(content and classes <= {"NOUN", "ADJ", "PROPN"})
        if "VERB" in meaning.word_classes(verb) and not noun_before:
            out.add(verb)
    return out


def idiom_words(question: str) -> set[str]:
    """The words of the question's everyday idioms (leadin.idiom_words) and question-word nouns (``_ASKING_NOUN``)."""
    out = set()
    for m in _ASKING_NOUN.finditer(question or ""):
        out |= {g.lower() for g in m.groups() if g}
    return leadin.idiom_words(question) | {w for g in out for w in g.split()}


_AGE_IN_WORDS = re.compile(r"\b([a-z]+(?:[- ][a-z]+)?)[- ](?:years?|yrs?)[- ]olds?\b", re.I)
_AGE_BOUND = re.compile(
    r"\b(?:under|below|younger than|over|above|older than|aged?)\s+(\d{1,2})\b|\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b",
    re.I,
)


def ages_held(question: str, texts: list[str]) -> set[str]:
    """The words of an age given in words ("my *fourteen* year old") within an age bound a
    quote gives ("no child under 16", "aged 13 to 17"): the quote speaks of that child."""
    out = set()
    for m in _AGE_IN_WORDS.finditer(question or ""):
        ages = meaning.numbers_in(meaning.spelled_in_digits(m.group(1)))
        if len(ages) != 1 or not next(iter(ages)).isdigit():
            continue
        age = int(next(iter(ages)))
        for t in texts:
            for b in _AGE_BOUND.finditer(t):
                if b.group(1):
                    bound, said = int(b.group(1)), b.group(0).lower()
                    if said.startswith(("under", "below", "younger")):
                        inside = age < bound
                    else:  # "over", "above", "older than"; "aged 14": that age
                        inside = age == bound if said.startswith("age") else age > bound
                else:
                    inside = int(b.group(2)) <= age <= int(b.group(3))
                if inside:
                    out |= {w for w in words(m.group(1)) if w in NUMBER_WORDS}
    return out


def rough_figures(question: str, texts: list[str]) -> frozenset[str]:
    """The question's number words that need no warning: all of them when it gives its figures
    as a guess or a choice ("roughly fifteen hundred", "between twenty and twenty-five", "a year
    or eighteen months", "six months? seven?" with seven held), else those whose figure the
    quotes hold ("nine" and "9")."""
    asked = {w for w in words(question or "") if w in NUMBER_WORDS}
    if not asked or _ROUGH.search(question or ""):
        return frozenset(asked)
    held = set().union(*(meaning.figures_of(t) for t in texts)) if texts else set()
    if offered_choice(question or "", held):  # "was it six months? seven?": a choice, one held
        return frozenset(asked)
    return frozenset(w for w in asked if meaning.numbers_in(meaning.spelled_in_digits(w)) <= held)


CHOICE_REACH = 3  # words apart, at most, two figures offered as a choice ("six months? seven?")


def offered_choice(question: str, held: set[str]) -> bool:
    """Does the question offer two figures a few words apart ("six months? seven?", "two, three
    visits") of which the quotes hold one: a choice, not two things asked?"""
    ws = words(question)
    at = [(i, meaning.numbers_in(meaning.spelled_in_digits(w))) for i, w in enumerate(ws) if w in NUMBER_WORDS]
    pairs = [(a, b) for i, a in at for j, b in at if 0 < j - i <= CHOICE_REACH and a and b and a != b]
    return any((a | b) & held for a, b in pairs)


def spelled_out(word: str, shown: list[str]) -> bool:
    """Is ``word`` an abbreviation the shown words spell out by their initials, in the plural
    ("hvs": health visitors) or skipping a title's little words ("tsd")?"""
    if (
        not 2 <= len(word) <= 5
        or not word.isalpha()
        or meaning.word_classes(word)
        or meaning.zipf(word) >= ABBREVIATION_ZIPF
    ):
        return False
    short = word[:-1] if word.endswith("s") and len(word) > 2 else word
    if meaning.spelled_by_initials(word, shown) or meaning.spelled_by_initials(short, shown):
        return True
    content = [w for w in shown if w not in _SKIPPED]
    return meaning.spelled_by_initials(word, content) or meaning.spelled_by_initials(short, content)


def errand_words(candidates: list[str], vectors) -> set[str]:
    """The candidates that are (by meaning) one of the ``ERRAND`` seeds."""
    out = {w for w in candidates if w in ERRAND or meaning.lemmas_of(w) & set(ERRAND)}
    rest = [w for w in candidates if w not in out and w.isalpha() and not meaning.common(w)]
    if rest and vectors is not None:
        vecs = vectors.of(rest + ERRAND)
        for w in rest:
            bar = SEED_MATCH if meaning.word_classes(w) else SHORTHAND_MATCH
            if max(float(vecs[w] @ vecs[s]) for s in ERRAND) >= bar:
                out.add(w)
    return out


def modifiers_of(question: str, errand: set[str]) -> set[str]:
    """Adjectives right before an errand noun in the question: "*reflective* questions" names
    the kind of errand, not the topic ("professionals *read*": a verb, says nothing of them)."""
    ws = words(question)
    nouns = {w for w in errand if "NOUN" in meaning.word_classes(w)}
    out = {ws[i - 1] for i in range(1, len(ws)) if ws[i] in nouns and "ADJ" in meaning.word_classes(ws[i - 1])}
    # the asker's own doing with it: "I'm *writing* an essay", "we're *making* a poster"
    for m in _DOING.finditer(question):
        if m.group(2).lower() in nouns:
            out.add(m.group(1).lower())
    return out


_DOING = re.compile(
    r"\b(?:i|we)(?:['’]m|['’]re| am| are)\s+(?:just\s+)?([a-z]+ing)\s+(?:an?|the|some|my|our)\s+([a-z]+)", re.I
)


def asked_about(question: str) -> set[str]:
    """The words of the topic a question asks the documents about ("What does the report say
    about *nosy questions*?"): never the asker's errand, however close to one they come."""
    framed = bool(evidence.DOCUMENT_FRAME.match(question))
    return {w for part in aspects.topic(question, framed) for w in words(part)}


def event_verbs(question: str, candidates: list[str], texts: list[str]) -> set[str]:
    """The ``EVENT_VERBS`` among ``candidates`` when the question asks where, or asks when and
    the quotes give a time."""
    when = answertypes.kind(question) in ("when", "date") and evidence.gives_time("\n".join(texts))
    if not (when or _WHERE.search(question)):
        return set()
    return {w for w in candidates if "VERB" in meaning.word_classes(w) and meaning.lemmas_of(w) & EVENT_VERBS}


def emphasis(question: str, missing: list[str]) -> set[str]:
    """The ``EMPHASIS`` words of ``missing`` whose next word in the question is not missing ("a
    *proper* review" when the quotes hold "review")."""
    ws = words(question or "")
    lacking = {w.lower() for w in missing}
    return {ws[i] for i in range(len(ws) - 1) if ws[i] in EMPHASIS and ws[i] in lacking and ws[i + 1] not in lacking}


_HOW_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b|\bhow\s+many\s+times\b", re.I)


def done_again(question: str, candidates: list[str], texts: list[str]) -> set[str]:
    """In a "how often" question the quotes answer with a frequency ("every three years"), a
    verb that is a common verb done again ("*redo* the training", "*retake* it": re- and the
    verb) asks that frequency itself: the quote saying how often it is done holds it."""
    if not _HOW_OFTEN.search(question or "") or not any(marking.gives_frequency(t) for t in texts):
        return set()
    return {
        w
        for w in candidates
        if w.startswith("re")
        and "VERB" in meaning.word_classes(w)
        and any("VERB" in meaning.word_classes(root) and meaning.common(root) for root in {w[2:], *_roots(w[2:])})
    }


def _roots(stem: str) -> set[str]:
    """The verb lemmas of a word ("done": do), for ``done_again``."""
    return set(meaning.word_lemmas(stem).get("VERB", ()))


# Where a clause starts asking: a question word or an auxiliary put first ("is tooth decay ...").
_ASKS = re.compile(
    r"(?:^|[,.;:!?]\s*|\s[-–—]\s*)(?:so\s+|and\s+|but\s+)?"
    r"(?:what|whats|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|can|could|should|"
    r"would|will|has|have|had|must|may|might|shall)\b",
    re.I,
)


def lead_in(question: str) -> set[str]:
    """The words of a statement the asker makes of themselves before asking ("so my son's got a
    few fillings needed, *is* tooth decay neglect?"): their situation, not what the quotes are
    asked. Words the English lexicon does not know (a place, a name: "I work in Bracklow") are
    never among them, nor a topic put first ("family hub opening times, do I need to book")."""
    start = _asking_starts(question or "")
    if not start or "?" in question[:start]:
        return set()
    said = words(question[:start])
    # "family hub opening times, do i need to book": the topic; "16yo with a stab wound, won't say
    # what happened - do I ...?": a scene told, with a verb of its own
    if not set(said) & _SPEAKING and not _FINITE.search(question[:start]):
        return set()
    return {w for w in said if meaning.word_classes(w)}


# A finite verb of a statement (auxiliaries and modals, with their negatives): a closed class.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|did|will|would|can|could|keeps|says|said|won['’]?t|can['’]?t|"
    r"isn['’]?t|aren['’]?t|wasn['’]?t|doesn['’]?t|didn['’]?t|hasn['’]?t|haven['’]?t)\b",
    re.I,
)


# The asker or theirs, in a statement about their situation ("*my* son's got ...", "*I* keep hearing").
_SPEAKING = frozenset("i i'm im i've ive i'd i'll my me we we're we've we'd we'll our us".split())


def _asking_starts(question: str) -> int:
    """Where the asking starts: at its first word of asking, or after the sentences told before
    it ("The Home Office refused my asylum. The council still helps me?"); at the start when the
    sentence asked checks the claim told before it ("Is that true?")."""
    m = _ASKS.search(question)
    asked = answertypes.asked_sentence(question)
    if leadin.checks_a_claim(asked):  # "someone said the bins move to Saturday. True?": the claim is asked
        return 0
    return m.start() if m and m.start() else len(question) - len(asked)


def _after_lead_in(question: str) -> str:
    return question[_asking_starts(question or "") :]


def asked_now(question: str, query: str | None, missing: list[str]) -> list[str]:
    """Of a follow-up searched with the question before it (``query``), the missing words the
    reader asked now: the earlier question's were told with its own answer, and listing them
    again under this one says the new question was not answered when it was."""
    if not query or not missing:
        return missing
    typed, stems = evidence.word_stems((question or "").lower())
    own = set(typed) | set(stems)
    return [w for w in missing if w.lower() in own or set(evidence.word_stems(w.lower())[1]) <= own]


def other_choices(question: str, missing: list[str]) -> set[str]:
    """The choices of "A or B?" (leadin.choices) that are missing when the other is not: the one
    the quotes do not bear out is the wrong choice, not a word they lack."""
    out = set()
    for a, b in leadin.choices(question):
        if (a in missing) != (b in missing):
            out.add(a if a in missing else b)
    return out


def comparative(word: str) -> bool:
    """ "worse", "longer", "dearer": a comparative or superlative of an adjective or adverb."""
    if word in _COMPARED:
        return True
    lemmas = meaning.word_lemmas(word)
    if not word.endswith(("er", "est")) or word in lemmas.get("NOUN", ()):  # "number", "manager"
        return False
    return any(lemma != word for lemma in (*lemmas.get("ADJ", ()), *lemmas.get("ADV", ())))


def verdict(word: str, question: str) -> bool:
    """Is ``word`` a comparative the question weighs by, or the obligation it asks about ("is it
    obligatory?"), not one saying which thing ("older children", "the legal age")?"""
    if not comparative(word.lower()) and word.lower() not in DEONTIC:
        return False
    ws = words(question)
    after = [ws[i + 1] for i, w in enumerate(ws[:-1]) if w == word.lower()]
    return not after or not any("NOUN" in meaning.word_classes(a) and a not in _NOT_A_THING for a in after)


_NOT_A_THING = frozenset("than or and now then this that it one ones".split())


def for_reader(
    question: str,
    missing: list[str],
    texts: list[str],
    vectors=None,
    quoted: bool = False,
    query: str | None = None,
    indexed: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """The words of ``missing`` worth showing a reader (see the module docstring); ``quoted``:
    ``texts`` are shown as the answer (a refusal's closest passages are not: its words stay);
    ``query``: the follow-up merged with the question before it (``asked_now``); ``indexed``: the
    question's words some document holds (never read as a typing slip, spelling.py)."""
    missing = [w for w in asked_now(question, query, missing) if w in indexed or spelling.slip_of(w) is None]
    missing = [w for w in missing if w not in other_choices(question, missing)]
    if not missing:
        return missing
    particles = {m.group(1).lower() for m in _PHRASAL.finditer(question or "")}
    if quoted:
        particles |= phrasal_verbs(question)
    shown = [w for t in texts for w in words(t)]
    stop = stopwords()
    rough = rough_figures(question, texts) | idiom_words(question) | (ages_held(question, texts) if quoted else set())
    left = [
        w for w in missing if w.lower() not in rough | CONJUNCTIONS | particles and not spelled_out(w.lower(), shown)
    ]
    plain = [w for w in left if w.islower() and w not in stop]
    errand = errand_words(plain, vectors)
    question_words = set(words(question or ""))
    errand |= modifiers_of(question or "", errand | errand_words([w for w in question_words if w not in stop], vectors))
    errand -= asked_about(question or "")  # "what does it say about nosy questions": the topic itself
    left = [w for w in left if w not in errand | event_verbs(question or "", plain, texts)]
    closed = figures.PREPOSITIONS | MORE_PREPOSITIONS | PRONOUNS | GENERAL_NOUNS | INTERJECTIONS | TYPED_CONTRACTIONS
    left = [w for w in left if w.lower() not in closed and not (quoted and verdict(w, question or ""))]
    left = [w for w in left if w not in emphasis(question, left) | done_again(question, plain, texts)]
    left = [w for w in left if w not in people.asker_words((question or "").lower())]  # "I'm a childminder": who asks
    left = [w for w in left if w not in relatives.possessors(question or "")]  # "my mates mum": whose
    left = [w for w in left if w.lower() not in leadin.attribution_words(question)]  # "saw a tiktok saying"
    which = figures.which_counted(question or "")
    if which is not None:  # "as a practice nurse, how many ... before anyone joined the dots": who asks, and when
        left = [w for w in left if not (w.isalpha() and w.islower()) or w in which]
    if quoted:
        left = [w for w in left if w not in cues.parts_given(left, texts)]  # "percentage": "46% of them"
        aside = lead_in(question) - set(words(_after_lead_in(question)))
        left = [w for w in left if w not in held_by_class(left, texts, question) and w not in aside]
    backend = getattr(getattr(vectors, "embedder", None), "model", None)
    if quoted and left and backend is not None:
        left = [w for w in left if w not in inquotes.held(backend, question or "", left, texts)]
    return left
