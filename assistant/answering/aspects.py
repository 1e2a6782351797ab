"""Aspects: what a question asks *of* the thing it is about, and what a passage needs to say it.

A passage that only names a review ("our recent reviews are about Child S and Child W") is
not an answer to "what did the Child S review find?": the question asks for one aspect of the
named thing (its findings, its recommendations, why it was done) and the passage must hold that
aspect in some form ("found", "concluded", "recommends", "should", "after", "because"). Where the
passage names it, that is looked for where it is named (``stated_where_named``), not in a
sentence on the other reviews around it. Only a question naming something of its own (a
pseudonym, a capitalised title or name) is held to this: "what does the report find about X?"
asks the documents themselves, so every passage of them is a finding.

What a named person said, told, felt or wanted is asked the same way: "what did Child K's dad
tell the reviewer?" needs a passage where the dad (not the mother) says something; one where he
is only mentioned, or where someone else speaks, is about another person.

Two more things a question asks of the passage, read the same way:

- **a role** ("who is the designated doctor for ...?"): the role's head noun must be among the
  quotes (by stem, glossary or meaning), or the person named is someone else;
- **the period of a count** ("how many ... in 2021?"): the year must be there as a period, not
  only inside a calendar date ("published on 14 May 2021" dates an event; it does not say what
  happened in 2021).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering import answertypes

# A search typed with no word of asking: what it asks of a thing comes last.
_TYPED = r"^(?!.*\b(?:what|how|who|whom|when|where|why|which|is|are|was|were|do|does|did)\b)\W*"
# "what did the Child T review find", "what were the findings of ...", "what did Sir X recommend"
_FINDINGS = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have)\s+(?P<a>.+?)\s+(?:find|conclude|show|reveal|learn|identify|highlight)\b"
    r"|\b(?:findings?|conclusions?|lessons?)\s+(?:of|from|in)\s+(?P<b>.+)"
    # "what happened in the Child G review": a review's account of what happened is what it found
    r"|\bwhat\s+happened\s+in\s+(?P<c>.+?\b(?:review|inquiry|audit)s?)\b"
    # typed as a search: "panel annual report 2020 themes", "child larch review learning"
    r"|" + _TYPED + r"(?P<d>.+?)\s+(?:findings?|conclusions?|lessons?|learning|themes?|key\s+messages)\W*$",
    re.I,
)
_RECOMMENDS = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have)\s+(?P<a>.+?)\s+recommend\b"
    r"|\brecommendations?\s+(?:of|from|in|made by)\s+(?P<b>.+)"
    r"|" + _TYPED + r"(?P<d>.+?)\s+recommendations?\W*$",
    re.I,
)
_REASON = re.compile(
    r"^\s*why\s+(?:was|were|is|has|had|did)\s+(?P<a>.+?)\s+"
    r"(?:carried out|commissioned|held|started|set up|done|undertaken|ordered|needed|begun|called|published)\b",
    re.I,
)
ASKS = (("findings", _FINDINGS), ("recommendations", _RECOMMENDS), ("reason", _REASON))
_SPEECH = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have|had)\s+(?P<a>.+?)\s+"
    r"(?:say|tell|think|feel|want|describe|explain|report|remember|recall|ask)\b",
    re.I,
)
# Stems of the words that report what a person said, felt or wanted, and quotation marks.
SPEECH = frozenset(
    "say said tell told describ explain report felt feel want wish ask recal rememb spoke speak thought think "
    "believ hope worri complain admit deni agre disagr accept insist claim".split()
)
_QUOTE_MARKS = re.compile(r"[“”\"]")
# English nouns (and pronouns) for people that say whether they are male or female. Two such words
# of opposite sex are never the same person, however close their vectors ("dad"/"mother" 0.71,
# "grandmother"/"grandfather" 0.80): a closed class of the language, not a list of our questions.
MALE = frozenset(
    "he him his man men male boy boys son sons father fathers dad dads daddy stepfather stepfathers stepdad "
    "stepdads brother brothers uncle uncles grandfather grandfathers grandad grandads granddad grandpa husband "
    "husbands boyfriend boyfriends nephew nephews mr sir gentleman gentlemen fiance king".split()
)
FEMALE = frozenset(
    "she her hers woman women female girl girls daughter daughters mother mothers mum mums mom moms mummy "
    "stepmother stepmothers stepmum stepmums sister sisters aunt aunts auntie grandmother grandmothers gran "
    "grans grandma nan nana granny wife wives girlfriend girlfriends niece nieces mrs ms miss lady ladies "
    "fiancee queen".split()
)
_PRONOUNS = frozenset("he she they him her them".split())
PERSONAL_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady professor prof".split())

# Stems (Snowball English) of the words that state each aspect. A finding is stated as found,
# concluded, learned, shown or identified; a recommendation as recommended, or as what should,
# must or ought to be done; a reason as because, after, following, due to, so that or prompted.
EVIDENCE = {
    "findings": frozenset(
        "find found conclud conclus learn lesson show shown identifi highlight reveal judg theme".split()
    ),
    "recommendations": frozenset("recommend should must ought action propos urg advis".split()),
    "reason": frozenset("becaus after follow due reason prompt led result concern aim purpos why sinc".split()),
}
_ROLE = re.compile(
    r"(?:(?:^\s*(?:who|what|which)\s+(?:is|was|are|were|'s|’s)(?!\s+the\s+(?:full\s+)?names\s+of)|\bnames\s+of)"
    r"\s+(?:the|a|an|our|their|your)\s+"
    # "what is persistent absence in ...?": the thing defined, with no article
    r"|^\s*what\s+(?:is|are|was|were)\s+(?!(?:the|a|an|our|their|your|names)\b)"
    r")"
    r"(?P<role>(?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s+(?:for|of|in|at|on|to|with|who|that|from)\b|\s*\??\s*$)",
    re.I,
)


# "what happened to Baby U?", "Child O, what was that review about?": an account of a named case.
_ACCOUNT = re.compile(
    r"\bwhat\s+(?:happened|went\s+(?:on|wrong))\b|\bwhat\s+(?:was|is|were)\s+(?:that|the|this|it)\s+(?:\w+\s+)?about\b",
    re.I,
)
# A case named only as the name of a review: "reviews of Baby U and of Child O", "the Child O review".
_REVIEW = r"(?:review|reviews|inquiry|inquiries|audit|audits|lcspr|lcsprs|cspr|csprs)"
_LABEL_BEFORE = re.compile(
    _REVIEW + r"\W*(?:(?:of|into|about|on|for)\s+\x00\W*(?:and|or)\s+)*(?:of|into|about|on|for)?\s*$", re.I
)
# The words naming a review just before the case it is of: "the local learning review of".
_LABEL_NAME = re.compile(r"(?:\b[\w-]+\s+){0,2}" + _REVIEW + r"\W*(?:of|into|about|on|for)?\s*$", re.I)
_LABEL_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[a-z]+\s+){0,2}?" + _REVIEW + r"\b", re.I)


def named(phrase: str) -> bool:
    """Does ``phrase`` name something of its own: a pseudonym, or a capitalised word that is
    not its first (the documents are "the report", a named review is "the Child T review"), or a year."""
    if answertypes.pseudonyms(phrase):
        return True
    if re.search(r"\b(?:19|20)\d\d\b", phrase):  # "the 2019 audit": one of its kind, by its year
        return True
    words = phrase.split()
    return any(w[:1].isupper() for w in words[1:]) or (bool(words) and words[0][:1].isupper() and words[0] != "I")


def aspect(question: str) -> str:
    """ "findings", "recommendations" or "reason" when the question asks that of something it
    names; "" otherwise."""
    return asked_of(question)[0]


def asked_of(question: str) -> tuple[str, str]:
    """The aspect asked (``aspect``) and the phrase naming the thing it is asked of ("Child T
    review"); ("", "") when the question asks no aspect of a thing it names. "What happened to
    Child O?" asks for an "account" of the case the question names (``accounted``)."""
    for name, pattern in ASKS:
        m = pattern.search(question)
        if m:
            groups = m.groupdict()
            thing = groups.get("a") or groups.get("b") or groups.get("c") or groups.get("d") or ""
            thing = _said_before(question, thing) if _PROFORM.fullmatch(thing.strip()) else thing
            thing = re.sub(r"^(?:the|a|an)\s+", "", thing.strip(), flags=re.I)
            if thing and named(thing):
                return name, thing
    cases = answertypes.pseudonyms(question)
    if cases and (_ACCOUNT.search(question) or _about_case(question, cases[0])):
        return "account", cases[0]
    return "", ""


# "the Child C review, what did that one find?": the thing named first, then pointed back to
_PROFORM = re.compile(r"(?:it|they|that|this|that\s+one|this\s+one|the\s+one)", re.I)
_NAMED_FIRST = re.compile(r"^\W*(?P<thing>[^?.!]+?)\s*[,;:-]?\s+(?:so\s+|and\s+)?(?:what|which)\b", re.I)


def _said_before(question: str, proform: str) -> str:
    """What a pro-form of the question's asking clause points back to: the phrase before it."""
    m = _NAMED_FIRST.match(question)
    return m.group("thing") if m else proform


def _about_case(question: str, case: str) -> bool:
    """Does the question end by asking about the case as a whole ("tell me about Child O", "what
    do we know about the Baby U case?")?"""
    head, tail = case.rsplit(None, 1)
    named = r"\s+".join(map(re.escape, head.split())) + r"\s+" + re.escape(tail)
    return bool(
        re.search(r"\babout\s+(?:the\s+)?(?i:" + named + r")(?:['’]s)?(?:\s+(?:case|review|story))?\W*$", question)
    )


# "the learning brief", "a learning review", "e-learning": a kind of text or course, nothing learned
_LEARNING_NAMED = re.compile(
    r"\be-learning\b|\blearning\s+(?:briefs?|reviews?|events?|summar(?:y|ies)|notes?|courses?|modules?)\b", re.I
)


def accounted(case: str, text: str, context: str) -> bool:
    """Does the passage give an account of the named ``case``, not only name a review of it?
    "Two other reviews, of Baby U and of Child O, are in progress" tells nothing of what
    happened to either. The case must be named in a sentence as itself (not only as the name of
    a review), or a sentence naming its review must say what that review found; a passage under
    a heading naming the case is about it."""
    from assistant.index.lexical import token_set

    if not answertypes.names_pseudonym(text, case):
        return answertypes.names_pseudonym(context, case)
    paragraphs = _PARAGRAPHS.split(text)
    for at, paragraph in enumerate(paragraphs):
        sentences = _SENTENCE_END.split(paragraph)
        for i, sentence in enumerate(sentences):
            spans = [m.span() for m in answertypes.pseudonym_matches(sentence)]
            mine = [(a, b) for a, b in spans if " ".join(sentence[a:b].lower().split()) == case.lower()]
            if not mine:
                continue
            if any(not _labels(sentence, a, b) for a, b in mine):
                return True
            if _PENDING.search(sentence[mine[0][0] :]):  # "the review of Family C is still in progress"
                continue
            # The review's own name says nothing it found: "the learning review of Child C".
            told = _LABEL_NAME.sub(" ", sentence[: mine[0][0]]) + sentence[mine[0][0] :]
            told = " ".join([told, *sentences[i + 1 :], *paragraphs[at + 1 : at + 2]])
            if states("findings", token_set(_LEARNING_NAMED.sub(" ", told))):
                return True
    return False


# A review said not to be done yet: what the sentence goes on to say is not what it found.
_PENDING = re.compile(
    r"\b(?:in\s+progress|under\s*way|ongoing|not\s+yet|yet\s+to\s+be|will\s+(?:be\s+)?(?:published|appear|report)"
    r"|due\s+to\s+(?:be\s+)?(?:published|report))\b",
    re.I,
)


def only_pending(case: str, text: str) -> bool:
    """Is the named ``case`` (a pseudonym) named in ``text`` only in sentences saying its review or
    brief is not done yet ("learning about teenagers will appear in a separate brief, Young Person
    M, in the autumn")? Such a passage says nothing of what it holds."""
    sentences = _SENTENCE_END.split(text)
    naming = [i for i, s in enumerate(sentences) if answertypes.names_pseudonym(s, case)]
    # "... completing local reviews of Child Tweed and Baby Muslin. They are not yet published."
    return bool(naming) and all(
        _PENDING.search(sentences[i]) or (i + 1 < len(sentences) and _THEY_PENDING.match(sentences[i + 1]))
        for i in naming
    )


# The next sentence says of it, by a pronoun, that it is not done ("They are not yet published").
_THEY_PENDING = re.compile(r"\W*(?:it|they|these|both|this|that)\b[^.?!]{0,40}?\b(?:not\s+yet|yet\s+to\s+be)\b", re.I)


def _labels(sentence: str, start: int, end: int) -> bool:
    """Is the pseudonym at ``start:end`` of ``sentence`` only the name of a review there?"""
    before = answertypes.PSEUDONYM.sub("\x00", sentence[:start])
    return bool(_LABEL_BEFORE.search(before) or _LABEL_AFTER.match(sentence[end:]))


def names_thing(thing: str, text: str) -> bool:
    """Does ``text`` name ``thing`` (its pseudonym letter for letter, or its capitalised words)?"""
    from assistant.index.lexical import token_set, tokenize

    found = answertypes.pseudonyms(thing)
    if found:
        return all(answertypes.names_pseudonym(text, p) for p in found)
    capitals = {t for w in thing.split() if w[:1].isupper() for t in tokenize(w)}
    if not capitals:  # typed in lower case ("panel annual report 2020"): its words and year
        from assistant.index.lexical import stopwords

        capitals = set(tokenize(thing)) - stopwords()
    return bool(capitals) and capitals <= token_set(text)


def states_of(aspect_: str, thing: str, text: str, context: str, stems, context_stems) -> bool:
    """Is the aspect stated of the thing: in the passage, or in a heading or title that names the
    thing itself ("Child T review: findings")? A heading "Learning from local reviews" over a
    passage that only says the Child T review will be published states nothing of Child T."""
    if aspect_ == "account":
        return accounted(thing, text, context)
    if thing and names_thing(thing, text) and states(aspect_, stems):
        # Named in the passage: stated where it is named, not of the other reviews around it.
        return stated_where_named(aspect_, thing, text) or (
            states(aspect_, context_stems) and names_thing(thing, context)
        )
    if states(aspect_, stems):
        return True
    return states(aspect_, context_stems) and (not thing or names_thing(thing, context))


_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def stated_where_named(aspect_: str, thing: str, text: str) -> bool:
    """Is the aspect stated in a sentence that names ``thing``, in one after it in the same
    paragraph, or in the paragraphs after that go on about it (``_GOES_ON``)? "The review of
    Child N was published in July" after a sentence on what other reviews learned states
    nothing of Child N."""
    from assistant.index.lexical import token_set

    paragraphs = _PARAGRAPHS.split(text)
    for at, paragraph in enumerate(paragraphs):
        sentences = _SENTENCE_END.split(paragraph)
        first = next((i for i, s in enumerate(sentences) if names_thing(thing, s)), None)
        if first is None:
            continue
        said = sentences[first:]
        for after in paragraphs[at + 1 :]:  # "The review found ...": a paragraph that goes on about it
            if not _GOES_ON.match(after):
                break
            said.append(after)
        if states(aspect_, token_set(" ".join(said))):
            return True
    return False


# A paragraph opening by pointing back at what was named ("It found", "The review concluded",
# "3.2 Its recommendations"), or with the aspect's own heading ("Findings").
_GOES_ON = re.compile(
    r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:it|its|this|these|they|their|the (?:review|reviewer|report|panel)|"
    r"findings?|recommendations?|learning|lessons?|conclusions?)\b",
    re.I,
)


# The last word of a body's name: a closed list of the kinds of organisation English names so.
_BODIES = frozenset(
    "police council trust service services team hospital partnership board constabulary authority agency "
    "school academy college university charity project hub unit centre center".split()
)
_CALENDAR = answertypes.MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NAMES_OF = re.compile(r"\b(?:what|which)\s+(?:are|were|is|was)\s+(?:the\s+)?(?:full\s+)?names\s+of\b", re.I)
_CAPITAL_RUN = re.compile(r"\b([A-Z][a-z'’]+)(?:[ -][A-Z][a-z'’-]+)+")


def asks_names(question: str) -> bool:
    """ "What are the names of the trainers?": people's names, not how many there are or what they do."""
    return bool(_NAMES_OF.search(question))


def has_names(text: str) -> bool:
    """A personal name: a title and a capitalised word ("Dr Okafor"), or two or three
    capitalised words in a row at least half of which English does not know as words ("Tom
    Eze", "Annie Hudson"; not "Fire Station", "Safeguarding Children Partnership", "The Panel")."""
    from assistant.answering import meaning

    for m in _CAPITAL_RUN.finditer(text):
        words = re.split(r"[ -]", m.group(0))
        if words[0].lower() in PERSONAL_TITLES:
            return True
        if words[-1].lower() in _BODIES:  # "Wessmoor Police", "Tarnbury Council": a body, no person
            continue
        bare = [re.sub(r"['’]s?$", "", w).lower() for w in words]  # "Children's Advice": a word's possessive
        unknown = [w for w in bare if not (meaning.word_classes(w) or meaning.common(w) or w in _CALENDAR)]
        if len(words) <= 3 and 2 * len(unknown) >= len(words):
            return True
    return False


def states(aspect_: str, stems: frozenset[str] | set[str]) -> bool:
    """Does a passage with these stems state the aspect asked for?"""
    return not aspect_ or bool(EVIDENCE[aspect_] & stems)


# English's light verbs: "how do I *make* a notification", "how do we *get* a say": the noun after
# them is the task. Any other verb is the task itself ("change" of "how do I change my GP?"), however
# everyday: a passage on the GP that never speaks of changing one answers another question.
LIGHT_VERBS = frozenset(
    "be do have make get give take go come put keep let set see know say find use help need want try".split()
)
_TASK = re.compile(
    r"^\s*(?:how\s+(?:do|does|can|could|should|would|will|must)|can|may|could)\s+(?:i|we|you|they|he|she|parents|carers|"
    r"schools|staff|practitioners|professionals|partners|someone|somebody|anyone|anybody|people|families|children|"
    r"(?:a|the)\s+(?:parent|carer|child|young\s+person|family))\s+(?P<verb>[a-z]+)\b",
    re.I,
)
# "where do I go to register a birth?": going is the frame, registering the task. "Where can I
# read ...?" is not: it asks where a document is.
_GO_TO = re.compile(
    r"^\s*where\s+(?:do|can|could|should|would|must)\s+(?:i|we|you|they|parents|carers)\s+go\s+to\s+"
    # a place gone to ("go to the hub", "go to school") is not a task
    r"(?!(?:the|a|an|my|your|our|their|his|her|this|that|school|hospital|court|work|college|church)\b)"
    r"(?P<verb>[a-z]+)\b",
    re.I,
)


# "talk me through filling in the form", "walk us through how to appeal", "show me how to refer":
# the verb after the frame is the task, as in "how do I ...?".
_THROUGH = re.compile(
    r"\b(?:(?:talk|walk|take)\s+(?:me|us)\s+through|(?:show|teach)\s+(?:me|us))\s+(?:how\s+(?:to|you|i|we)\s+)?"
    r"(?P<verb>[a-z]+)\b",
    re.I,
)


def task(question: str) -> str:
    """The verb of a "how do I ...?", "where do I go to ...?" or "can partners ...?" question ("complain" of "how do I
    complain about ...", "appeal" of "can partners appeal against ..."): the task asked about, so
    it is what the quotes must speak of, not a frame to pass over; "" when there is none or it is
    a light verb (``LIGHT_VERBS``: "make", "get", "find")."""
    from assistant.answering import meaning

    m = _THROUGH.search(question) or _TASK.search(question) or _GO_TO.search(question)
    verb = m.group("verb").lower() if m else ""
    if m and m.re is not _GO_TO and "VERB" not in meaning.word_classes(verb):
        return ""  # "talk me through the form": a thing, not a task; "can someone from ...": no verb
    lemmas = set(meaning.word_lemmas(verb).get("VERB", ())) if m and m.re is _THROUGH else set()
    return verb if verb and verb not in LIGHT_VERBS and not lemmas & LIGHT_VERBS else ""


def opposite_sex(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` words for people of opposite sex ("dad", "mother")?"""
    a, b = a.lower(), b.lower()
    return (a in MALE and b in FEMALE) or (a in FEMALE and b in MALE)


def speaker(question: str) -> list[str]:
    """Who a "what did X say/tell/feel/want ...?" question asks about, as the words that name
    them: a titled name or pseudonym ("Mr D", "Child K") or a word for a person that says their
    sex ("dad" of "Child K's dad"); [] for anyone else (the documents, an organisation, a role)."""
    m = _SPEECH.search(question)
    if not m:
        return []
    phrase = re.sub(r"^(?:the|a|an|his|her|their|our|my)\s+", "", m.group("a").strip(), flags=re.I)
    words = re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", phrase))
    if not words:
        return []
    head = words[-1]
    if head.lower() in _PRONOUNS:  # "a quote from the scrutineer - what did she say?": named before
        return []
    if head.lower() in MALE | FEMALE:  # "Child K's dad": the dad, whoever's he is
        return [head.lower()]
    if answertypes.pseudonyms(phrase) or words[0].lower() in PERSONAL_TITLES:
        return [w.lower() for w in words]
    return []  # a role ("the family doctor") has many names (the GP): left to the other evidence


def says(who: list[str], text: str, soft: set[str], held: bool = False) -> bool:
    """Does one sentence of ``text`` (with the one before it when it speaks of "he" or "she") name ``who`` and
    report speech (a verb of saying or feeling, or a quotation)? ``soft``: passage words that
    match ``who`` by meaning ("father" for "dad"); ``held``: the passage holds ``who`` through a
    glossary phrase ("the GP" for "family doctor"), which has no one word to find: then any
    reported speech in the passage will do."""
    if not who:
        return True
    from assistant.index.lexical import _stemmer, words

    stem = _stemmer().stemWord
    wanted = {stem(w) for w in who}
    by_meaning = {stem(w) for w in soft}
    previous: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        stems = {stem(w) for w in words(sentence)}
        spoken = bool(stems & SPEECH) or bool(_QUOTE_MARKS.search(sentence))
        here = stems | (previous if stems & _PRONOUNS else set())  # "She said ...": the one just named
        if spoken and (held or wanted <= here or (len(wanted) == 1 and by_meaning & here)):
            return True
        previous = stems
    return False


def role(question: str) -> str:
    """The thing a "who is the ...?", "what is the ... of ...?" or "what are the names of the
    ...?" question asks for, as its head noun (the last word before "for", "of", "in" ...):
    "designated doctor" -> "doctor", "the methodology of the review" -> "methodology", "the
    trainers on the course" -> "trainers"; "" for any other question. Quotes that never speak of
    it are about something else (the designated nurse, the review's timetable, a child named)."""
    m = _ROLE.search(question)
    return m.group("role").split()[-1].lower() if m else ""


_FULL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(sorted(answertypes.MONTHS)) + r")\s+(?:19|20)\d\d\b"
    r"|\b(?:" + "|".join(sorted(answertypes.MONTHS)) + r")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b",
    re.I,
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def without_dates(text: str) -> str:
    """``text`` with its calendar dates (day, month and year) left out: what is left holds the
    years it speaks of as periods ("in 2021", "2020 to 2021", "March 2021")."""
    return _FULL_DATE.sub(" ", text)


_ISSUE_DATE = re.compile(
    r"\b(?:(?:" + "|".join(sorted(answertypes.MONTHS)) + r"|spring|summer|autumn|fall|winter)\s+(?:19|20)\d\d)\b"
    r"(?!\s*(?:to\b|-|–|/|and\b))",
    re.I,
)
_RANGE_BEFORE = re.compile(r"(?:\bto|\band|\bfrom|\bbetween|-|–|/)\s*$", re.I)


def without_issue_dates(context: str) -> str:
    """A quote's title and headings with their issue dates left out: "Newsletter, winter 2021" and
    "briefing 7, October 2021" date the document, they are not the period it counts ("Annual
    Report 2020" and "2020 to 2021" are kept)."""
    context = without_dates(context)
    return _ISSUE_DATE.sub(lambda m: m.group(0) if _RANGE_BEFORE.search(context[: m.start()]) else " ", context)


def years(numbers: set[str]) -> set[str]:
    return {n for n in numbers if _YEAR.match(n)}


# "Who chaired the Panel before Annie Hudson?": the name is the point in a line of holders the
# question starts from; the answer is another person.
_SUCCESSION = re.compile(
    r"^\s*(?i:who)\b.*?\b(?i:before|after|until|since|instead\s+of|replaced|succeeded|preceded|followed)\s+"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Professor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)",
)


def predecessor_of(question: str) -> str:
    """The person a "who ... before/after <name>?" question starts from ("Annie Hudson"): the
    answer must name someone else; "" for any other question (a time, "after Christmas", or a
    child, "after Child K", is no holder of a role)."""
    m = _SUCCESSION.search(question)
    name = m.group("name") if m else ""
    return name if name and has_names(name) else ""  # a person's name: not "Christmas", not "Child K"


def names_another(name: str, text: str) -> bool:
    """Does ``text`` name a person other than ``name`` (``has_names`` with ``name`` left out)?"""
    if not name:
        return True
    return has_names(re.sub(re.escape(name), " ", text, flags=re.I))


# A pronoun before a word is its subject ("she takes", "he leaves"), never whom a thing is for.
_PRONOUNS_OF_PEOPLE = frozenset("he she they we you i someone anyone everyone".split())


_MODALS = frozenset("might may must will would can could should shall".split())
# Adverbs that follow a subject ("the night staff *still* fill in ...", "parents *usually* get"): the
# start of its verb phrase, not what the people are for.
_SUBJECT_ADVERBS = frozenset(
    "still also always never usually often sometimes just only already now then all both".split()
)


def modified(question: str, stop: frozenset[str] | set[str]) -> list[tuple[str, str]]:
    """Where the question says whom a service or a thing is for, or whose it is, by a word for
    people or an agency put before it: "adult social care" -> [("adult", "social")], "the police
    contact" -> [("police", "contact")] (that word as written, the next word as a stem)."""
    from assistant.index.lexical import _stemmer

    toks = re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", question))
    out = []
    for a, b in zip(toks, toks[1:], strict=False):
        person = a.lower() in answertypes.PEOPLE and a.lower() not in _PRONOUNS_OF_PEOPLE  # "she takes": her act
        thing = b.lower() not in stop | _PRONOUNS_OF_PEOPLE | _MODALS | _SUBJECT_ADVERBS and not b[:1].isupper()
        thing = thing and not _adverb_only(b.lower())  # "her brother overnight": when, not whose
        if person and thing and a.lower() not in stop:
            out.append((a.lower(), _stemmer().stemWord(b.lower())))
    return out


def _adverb_only(word: str) -> bool:
    """An adverb that is never a noun ("overnight", "alone", "again"): it says how or when."""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(word)
    return "ADV" in pos and "NOUN" not in pos


def one_group(a: str, b: str) -> bool:
    """Two words for the same people ("child", "children"): one stem or one lemma."""
    from assistant.answering import meaning
    from assistant.index.lexical import _stemmer

    return _stemmer().stemWord(a) == _stemmer().stemWord(b) or meaning.same_lemma(a, b)


# People a wider word includes: a rule for "a parent's consent" is the rule for the mum's.
_INCLUDES = {
    "parent": frozenset(
        "mum mums mother mothers mam mom dad dads father fathers daddy stepmum stepdad stepmother stepfather".split()
    ),
    "child": frozenset("son sons daughter daughters boy boys girl girls baby babies kid kids toddler toddlers".split()),
}


def includes(wider: str, word: str) -> bool:
    """Is ``word`` one of the people ``wider`` names ("parent": the mum; "child": the son)?"""
    from assistant.answering import meaning

    lemmas = {lemma for ls in meaning.word_lemmas(wider.lower()).values() for lemma in ls} | {wider.lower()}
    return any(word.lower() in _INCLUDES.get(lemma, ()) for lemma in lemmas)


@lru_cache(maxsize=4096)
def _letter_stems(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A passage's runs of letters, lower-cased (a possessive's "'s" dropped), and their stems,
    remembered: the same passages come back as candidates question after question."""
    from assistant.index.lexical import _stemmer

    toks = re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", text.lower()))
    return tuple(toks), tuple(_stemmer().stemWords(toks) if toks else [])


def qualified_otherwise(pairs: list[tuple[str, str]], text: str, held: set[str] | frozenset[str]) -> bool:
    """Is what the question asks of one group of people given for another, and never for the
    question's: "children's social care" for "adult social care", "adult services" for
    "children's services"? ``held``: question stems the passage holds in any form (stem,
    glossary, meaning). "child" and "children" are one group."""
    from assistant.index.lexical import _stemmer

    if not pairs:  # the question puts no group before a word (most questions)
        return False
    stem = _stemmer().stemWord
    toks, stems = _letter_stems(text)
    for who, head in pairs:
        if stem(who) in held:
            continue
        for i in range(1, len(stems)):
            other = toks[i - 1]
            if (
                stems[i] == head
                and other in answertypes.PEOPLE - _PRONOUNS_OF_PEOPLE
                and not one_group(other, who)
                and not includes(other, who)
            ):
                return True
    return False


_ABOUT = re.compile(r"\babout\s+(?P<topic>.+?)\s*\??\s*$", re.I)


_AND = re.compile(r"\s*(?:[,;&/]|\band\b|\bor\b|\bas well as\b|\bplus\b)\s*", re.I)


# "What does Tarnwick's annual report say about ...", "what did the board minutes say about ...": a
# document named by its kind, whoever's it is, as evidence.DOCUMENT_FRAME names "the report".
_DOCUMENT_SAYS = re.compile(
    r"^\s*(?:what|how)\s+(?:does|did|do)\s+(?:(?:the|this|that|their|our|your|[\w’'-]+['’]s)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?:report|review|document|documents|guidance|briefing|summary|leaflet|newsletter|"
    r"handout|note|minutes|poster|podcast|transcript|policy|procedure|faq)\s+"
    r"(?:say|says|said|mention|cover|tell|describe|explain)\b",
    re.I,
)


_CLAUSE_BREAK = re.compile(r"\s*(?:[?!.;:]|\s[-–—]\s|,)\s*")
# "did the inspectors say anything about ...?": whoever speaks, what they say of the topic is asked
# (not "the inspectors said something about ... - what was it?", which tells it in its own words).
_SAYS_ANYTHING = re.compile(
    r"\b(?:did|does|do|will|would|has|have)\b[^?]{0,40}?\b(?:say|mention|write)\s+(?:anything|much)\s+about\b", re.I
)


def topic(question: str, framed: bool) -> list[str]:
    """The topics of a question that asks what the documents say about them ("What does the
    report say about online harm?" -> ["online harm"]; "... about neglect and information
    sharing?" -> ["neglect", "information sharing"]: each is one thing, the pair is not); []
    for any other question (``framed``: it opens with such a frame, evidence.DOCUMENT_FRAME;
    a document named otherwise, "Tarnwick's annual report", frames it too)."""
    if not (framed or _DOCUMENT_SAYS.match(question)):
        ruled = _RULE_ON.search(question)
        if ruled:  # "what's the rule on smoking at the home?": smoking
            return [ruled.group("topic").strip()]
        said = _SAYS_ANYTHING.search(question)
        # of anyone's words, the topic up to the end of its clause ("about adults? like a ...")
        said_of = _CLAUSE_BREAK.split(question[said.end() :], maxsplit=1)[0] if said else ""
        return [part for part in _AND.split(said_of) if part.strip()]
    m = _ABOUT.search(question)
    about = _NEXT_QUESTION.split(m.group("topic"), maxsplit=1)[0] if m else ""
    about = _CASE_OF.sub(" ", re.split(r"\?\s+", about, maxsplit=1)[0])  # not "? need it for an exam"
    return [part for part in _AND.split(about) if part.strip()]


# "supervision in the Dunnock case", "in Teasel's review": which case, named by its pseudonym (held
# as a name of the question), not a word of the topic to find beside it
_CASE_OF = re.compile(
    r"\s+(?:in|of|from|for)\s+(?:the\s+)?(?:Child\s+|Baby\s+)?(?:[A-Z][\w-]*|[\w-]+['’]s)\s+(?:case|review)\b"
)


# "what's the rule on X", "what is your policy about X", "the guidance for X": X, a noun phrase of
# up to three words before any preposition, verb of its own or clause (a closed class of words).
_RULE_ON = re.compile(
    r"\b(?:rule|rules|policy|policies|procedure|guidance|advice|position|line)\s+(?:on|about|regarding|around)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<topic>(?:(?!(?:at|in|for|with|when|if|and|or|to|of|from|by|can|do|does|is|are|"
    r"should|must|may|will|would|what|who|how|where|why|please|the|a|an|first|now|then|again|still|ever|these|"
    r"after|before|during|until|since|about|this)\b)[a-z][\w'’-]*\s*){1,3})",
    re.I,
)


# A question said straight after the topic, unpunctuated ("about the PRU how often did he come
# in"): its question word and auxiliary end the topic.
_NEXT_QUESTION = re.compile(
    r"\s+(?=(?:how|what|when|where|why|who|which)\s+(?:\w+\s+)?(?:do|does|did|is|are|was|were|can|will|would|should|"
    r"has|have|had)\b)",
    re.I,
)


def together(wanted: set[str], text: str, soft: dict[str, str], heading: frozenset[str] = frozenset()) -> bool:
    """Does one sentence of ``text``, with its heading's stems (``heading``), hold every stem of
    ``wanted`` (or the passage word matching it by meaning, ``soft``)? "Online harm" is not held
    by "services moved online" in one sentence and "serious harm" in another: a topic of several
    words is one thing."""
    if len(wanted) < 2:
        return True
    from assistant.index.lexical import _stemmer, token_set

    stem = _stemmer().stemWord
    forms = {s: {s} | ({stem(soft[s])} if s in soft else set()) for s in wanted}
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", text):
        stems = token_set(sentence) | heading
        if all(f & stems for f in forms.values()):
            return True
    return False
