"""The question's terms: what a question asks about, in an index's stemmed vocabulary (``Terms``).

Its content words (stemmed, frame words like "what does the report say", idioms and what the
topic is set against dropped, misspellings of the index's words read as those words, glossary
phrases grouped), its numbers and years, the names in it, the kind of answer it asks for and
what it asks of the thing it names. Evidence (evidence.py) then weighs each candidate passage
against them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.answering import (
    answertypes,
    aspects,
    casing,
    figures,
    leadin,
    lists,
    meaning,
    people,
    periods,
    relatives,
    shorthand,
    subjects,
)
from assistant.answering.glossary import Glossary
from assistant.index.lexical import _stemmer, stopwords, token_set, tokenize, words

# Words that frame a question rather than say what it is about.
QUESTION_WORDS = frozenset(
    """
a about according am any anything are as ask asked at be been being can could describe detail
details did do does doing done explain find for from give given has have how i in is it know
list many me mean means mention mentioned mentions much my need of on or our please report
reports document documents say said says show should shown tell the there this to us was we
were what whats when where which who whom whose why will with would you your text
roughly approximately around nearly almost exactly precisely about overall total
called named titled entitled known name kind kinds sort sorts type types
till til until tho though although per
anyone anybody someone somebody everyone everybody nobody noone something everything nothing
""".split()
)

# "What does it/the briefing say about X?": "it" and "the briefing" are the documents; only X is asked about.
DOCUMENT_FRAME = re.compile(
    r"^\s*(?:(?:what|how|where|when|why)\s+)?(?:does|did|do|can|will|would)\s+(?:it|they|the (?P<doc>report|document|"
    r"documents|guidance|briefing|review|summary|leaflet|panel))\s+(?:say|says|said|mention|cover|tell(?: us| me)?|"
    r"talk|describe|recommend|define|explain|include|suggest|find)\b",
    re.I,
)
# "What is in the glossary *of the briefing*?", "... *in the annual report*?": the document the
# question ends by naming is where to look, not what is asked about (the glossary is).
DOCUMENT_TAIL = re.compile(
    r"\b(?:in|of|from)\s+(?:the|this|that)\s+(?:(?P<mod>annual)\s+)?(?P<doc>report|document|guidance|briefing|"
    r"summary|leaflet|newsletter|handout)\s*\??\s*$",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


@dataclass
class Terms:
    """What a question asks about, in the index's stemmed vocabulary."""

    words: dict[str, str]  # stem -> the question's own word
    weights: dict[str, float]  # stem -> idf in this index
    groups: list  # glossary matches in the question
    numbers: set[str]
    names: list[set[str]]  # runs of two or more capitalised words (people, organisations)
    count: bool  # the question asks how many or how much
    capitals: set[str]  # every capitalised content word, stemmed
    unseen: float  # idf-weighted share of words the index never holds
    extra: list[str] = field(default_factory=list)  # glossary expansion for BM25
    key: str = ""  # the stem the index holds that is rarest in general English (``key_of``)
    kind: str = ""  # "money", "count", "who", "date", "when", "name" or "" (answertypes.kind)
    target: set[str] = field(default_factory=set)  # stems a count question counts
    rung: str = ""  # stem of whom a phone question asks the number of ("the league chairman")
    propers: set[str] = field(default_factory=set)  # stems of single names (answertypes.proper_nouns)
    choices: list[frozenset[str]] = field(default_factory=list)  # names put as "A or B?": one must be held
    roles: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # a name's posts (people.name_roles)
    vectors: dict = field(default_factory=dict)  # stem -> vector of the question's word (meaning)
    pseudonyms: list[str] = field(default_factory=list)  # "Child T": the quote must name the same child
    versions: set[str] = field(default_factory=set)  # years asked, not only as a replaced version's date
    # stem -> passages of the index holding it (None: matching by meaning is not limited)
    df: Callable[[str], int] | None = None
    asking: set[str] = field(default_factory=set)  # words in the question's verb slot (answertypes.verb_slots)
    compounds: list[tuple[str, ...]] = field(default_factory=list)  # "co-sleeping" -> ("co", "sleeping")
    frames: set[str] = field(default_factory=set)  # words that say what kind of thing is asked (``frame_words``)
    equivalents: dict[str, frozenset[str]] = field(default_factory=dict)  # "12" of "12 months": "12 months"
    aspect: str = ""  # what the question asks of a thing it names (aspects.aspect): "findings", ...
    thing: str = ""  # the thing it is asked of ("Child T review", aspects.asked_of)
    polar: bool = False  # a yes-or-no question (answertypes.polar)
    succession: str = ""  # "Annie Hudson" of "who chaired ... before Annie Hudson?" (aspects.predecessor_of)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # ("adult", "social"): aspects.modified
    # stems of each X in "what does the report say about X (and Y)?"; one must be held together
    topic: list[set[str]] = field(default_factory=list)
    whom: bool = False  # "who do I tell?": asks whom to get in touch with (marking.asks_whom)
    sequel: bool = False  # "what happened after ...?": asks what followed (marking.asks_sequel)
    earlier: int = 0  # "and the year before that?": the year it is before, or -1 (marking.asks_earlier)
    reported: bool = False  # "did he ever say who ...?": asks what a person said (marking.asks_said)
    deontic: bool = False  # "can a carer sign it?": asks what may or must be done (marking.asks_leave)
    current: bool = False  # "is it still 72 hours?": asks how things stand now (periods.asks_now)
    gerunds: frozenset[str] = frozenset()  # "-ing" words used as nouns ("online bullying": meaning.gerund_nouns)
    measure: frozenset[str] = frozenset()  # "compare with England on private fostering" (figures.compared_on)
    given: frozenset[str] = frozenset()  # figures the question states itself (marking.marked_terms)
    labelled: dict[str, frozenset[str]] = field(default_factory=dict)  # "stage two": {"stage": {"2"}} (cues)
    role: str = ""  # the role a "who is the ...?" question asks to be named (aspects.role)
    speaker: list[str] = field(default_factory=list)  # whose words are asked for (aspects.speaker)
    names_asked: bool = False  # "what are the names of ...?" (aspects.asks_names)
    task: str = ""  # the verb of "how do I <verb> ...?" (aspects.task): the quotes must speak of it
    people: people.Asked | None = None  # what it asks of a person, a role or an agency (people.asked)
    listed: int = 0  # how many things "what are the N things?" asks to be named (lists.listed)
    timed: set[str] = field(default_factory=set)  # which thing a length of time is asked of (figures.timed)
    act: list[str] = field(default_factory=list)  # and of what act done to it ("kept")
    which: frozenset[str] | None = None  # words saying which things a count counts (figures.which_counted)
    part: frozenset[str] = frozenset()  # Y of "how many of the X were Y?" (figures.part_counted)
    acted: str = ""  # stem of what "can I <verb> ...?" acts on (subjects.acted_on)
    pairs_nn: list[tuple[str, str]] = field(default_factory=list)  # "council tax" (subjects.compound_modifiers)
    owners: list[str] = field(default_factory=list)  # stems of whose a document asked of is (subjects.owners)
    subject: list[str] = field(default_factory=list)  # stems of who "do the X <verb> ...?" asks of (subjects.subject)
    toward: str = ""  # stem of where a light verb takes its object: "on holiday" (subjects.complement)
    period: tuple[int, int] | None = None  # (month, year) of "at the end of March 2024" (periods.asked)
    season: tuple[str, int] | None = None  # ("autumn", 2027) of "in autumn 2027" (periods.season_asked)
    # "what does s47 mean?": the spelled-out forms of the word asked (shorthand.defining); one must be held
    defined: list[frozenset[str]] = field(default_factory=list)
    relatives: list[tuple[str, str]] = field(default_factory=list)  # ("Teasel", "sister"): relatives.asked
    second: frozenset[str] = frozenset()  # stems of a second ask after "and" (answertypes.second_ask)
    # stem of a number word -> the figures it is part of ("twenty", "four" of "twenty-four": "24"):
    # a passage writing the figure in digits holds the words (``spelled_held``)
    spelled: dict[str, frozenset[str]] = field(default_factory=dict)
    # stem -> what the evidence features weigh it by (``informative``); its idf when not given
    telling: dict[str, float] = field(default_factory=dict)
    ages: set[float] = field(default_factory=set)  # a child's ages the question gives (meaning.ages_asked)
    clock: bool = False  # "what time is ...?": a time of day answers (answertypes.asks_clock)
    negated: dict[str, str] = field(default_factory=dict)  # "not happy": happi -> unhappi (negated_stems)

    def __post_init__(self) -> None:
        self.telling = self.telling or dict(self.weights)

    def indexed(self) -> frozenset[str]:
        """The question's own words some document of the index holds."""
        return frozenset(w for s, w in self.words.items() if self.df is not None and self.df(s))


numbers_in = meaning.numbers_in


@lru_cache(maxsize=4096)
def figures_in(text: str) -> frozenset[str]:
    """A passage's figures however written (meaning.figures_of), remembered like its stems
    (lexical.token_set): candidates recur from question to question."""
    return frozenset(meaning.figures_of(text))


def _read(words_: list[str], glossary: Glossary) -> list[str]:
    """Words read as the question's other words are: "wks" is weeks, "strat" strategy."""
    return [glossary.readings.get(w, meaning.ABBREVIATIONS.get(w, w)) for w in words_]


def _uncontract(word: str) -> str:
    """ "what's" -> "what", "I'm" -> "i"; "don't" -> "" (a negated auxiliary says nothing of
    the topic), also typed without its apostrophe ("didnt", "arent")."""
    base, _, suffix = word.partition("'")
    if suffix == "t":
        return ""
    if not suffix and word.endswith("nt") and meaning.zipf(word[:-2] + "n't") > meaning.zipf(word):
        return ""
    return base if suffix in ("s", "m", "re", "ve", "ll", "d") else word


SPELLING_CUTOFF = 0.8  # difflib's ratio: one letter wrong, missing or swapped in a word of five or more


def respelt(index, word: str, stem: str) -> str:
    """The index's stem for a word typed wrong ("safegaurding", "neglet", "apointments"): a
    word neither LemmInflect's English lexicon nor the index knows, matched to the closest
    stem of the index's vocabulary with the same first letter; ``stem`` when none. Names are
    never respelt (the caller leaves capitalised words alone): Selby is not Selvey."""
    if len(word) < 5 or not word.isalpha() or index.bm25.df(stem) or meaning.word_classes(word):
        return stem
    from difflib import get_close_matches

    def by_letter() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for token in getattr(index.bm25.retriever, "vocab_dict", {}):
            if isinstance(token, str) and token.isalpha():
                out.setdefault(token[0], []).append(token)
        return out

    buckets = index.derive("vocabulary_by_letter", by_letter)

    found = get_close_matches(stem, buckets.get(stem[0], []), n=1, cutoff=SPELLING_CUTOFF)
    return found[0] if found else stem


def _names(question: str, stop: frozenset, first: bool = False) -> tuple[list[set[str]], set[str]]:
    """Runs of two or more capitalised words ("Annie Hudson"), and every capitalised word.
    The first word is skipped (questions open with a capital: "What", "Who") unless ``first``
    (it is a name whose capital was put back, casing.restored_first)."""
    runs: list[list[str]] = [[]]
    capitals: set[str] = set()
    prev_end = 0
    for m in _CAPITALISED.finditer(question):
        word = m.group(0)
        if (m.start() == 0 and not first) or word.lower() in stop or answertypes.not_a_name(word, question):
            runs.append([])
            continue
        capitals |= set(tokenize(word))
        if not (runs[-1] and question[prev_end : m.start()].strip() in ("", "-", "–")):
            runs.append([])
        runs[-1].append(word)
        prev_end = m.end()
    names = [set(tokenize(" ".join(r))) for r in runs if len(r) > 1]
    return [n for n in names if n], capitals


def _names_asked(question: str, propers: set[str], names: list[set[str]]) -> dict:
    """The names a passage must hold: every one but those put as a choice, of which one."""
    choices = _named_choices(question, propers, names)
    chosen = set().union(*choices)
    kept = [n for n in names if n and not n & chosen]
    return {"names": _in_asked_sentence(kept, question), "propers": propers - chosen, "choices": choices}


def _named_choices(question: str, propers: set[str], names: list[set[str]]) -> list[frozenset[str]]:
    """Names put as a choice ("Dr Hesketh or Dr Tregear?"): the passage must hold one, not both."""
    named = propers.union(*names)
    found = [frozenset(tokenize(f"{a} {b}")) for a, b in leadin.choices(question)]
    return [c for c in found if len(c) == 2 and c <= named]


def _in_asked_sentence(names: list[set[str]], question: str) -> list[set[str]]:
    """The names in the sentence asked: "The Home Office refused my asylum. Does the council
    still help me?" asks nothing of the Home Office; the scene told before it is the asker's."""
    asked_part = answertypes.asked_sentence(question)
    if asked_part == question.strip():
        return names
    in_asked = set(tokenize(asked_part))
    return [n for n in names if n & in_asked]


def told_figures(question: str) -> set[str]:
    """The figures of the scene told before the sentence asked, not in it ("It's three in 60 days
    now. In Bryony's case, how many times ...?"): the asker's, which no passage need hold. A
    year stays: it says which period is asked."""
    asked = answertypes.asked_sentence(question)
    told = question.strip()[: -len(asked)] if asked and asked != question.strip() else ""
    return leadin.claim_figures(told) - numbers_in(asked) if told else set()


def _own_words(question: str, glossary: Glossary) -> list[str]:
    """The question's words as read: "twenty twenty" is a year, not two words; "2 yr check" the
    year; "strat" strategy (shorthand.py); a child's age ("a 7 month old") none (meaning.without_ages)."""
    own = words(meaning.years_in_digits(meaning.without_ages(question)))
    own = [meaning.ABBREVIATIONS.get(w, w) for w in own]
    return [glossary.readings.get(w, w) for w in own]


def not_asked(question: str, frame) -> set[str]:
    """Words of the question that no passage need hold: how it is framed (framing_words), an
    everyday idiom ("on the *books*") and what its topic is set against ("and *not on admin*")."""
    return framing_words(question, frame) | leadin.idiom_words(question) | leadin.contrast_words(question)


def _cased(question: str, index) -> tuple[str, list[str]]:
    """``question`` with the capitals of the index's names it typed in lower case put back, and of
    its pseudonyms by a word ("child alder": Child Alder), with those pseudonyms (casing.pseudonyms_named)."""
    cased = casing.recased(question, *casing.index_names(index))
    named = casing.pseudonyms_named(question, index)
    for name in named:
        cased = re.sub(rf"\b{re.escape(name)}\b", name, cased, flags=re.I)
    return cased, named


def question_terms(question: str, index, glossary: Glossary) -> Terms:
    """What ``question`` asks about, weighed against ``index``'s vocabulary."""
    stop = stopwords() | QUESTION_WORDS
    # "ormsgate", "child n": names typed in lower case are read with their capitals (casing).
    cased, by_word = _cased(question, index)
    opens_named = casing.restored_first(question, cased)
    frame = DOCUMENT_FRAME.match(question)
    framing = not_asked(question, frame)
    own = _own_words(question, glossary)
    kept = [w for w in map(_uncontract, own) if w and w not in stop and not w.isdigit() and w not in framing]
    typed = _stemmer().stemWords(kept) if kept else []
    names, capitals = _names(cased, stop, opens_named)
    named = {w.lower() for w in _CAPITALISED.findall(cased)}
    tokens = tokenize(question)
    groups = glossary.matches(tokens)
    # A word the glossary reads ("strat": strategy) is not a misspelling of an index word ("start").
    glossed = {t for m in groups for t in m.tokens}
    stems = [s if w in named or s in glossed else respelt(index, w, s) for w, s in zip(kept, typed, strict=False)]
    respelling = {t: s for s, t in zip(stems, typed, strict=False) if s != t}
    first: dict[str, str] = {}
    for s, w in zip(stems, kept, strict=False):
        first.setdefault(s, w)
    weights = {s: index.bm25.idf(s) for s in first}
    negated = negated_stems(question, set(first))  # "not happy": held where "unhappy" is
    df = {s: index.bm25.df(s) or index.bm25.df(negated.get(s, s)) for s in first}
    telling = informative(first, weights)
    # A name (a town, a review, a pseudonym, an organisation) a passage lacks: it is about something else.
    propers = {s for s in _stemmer().stemWords(answertypes.proper_nouns(cased, stop, opens_named)) if s not in glossed}
    return Terms(
        words=first,
        weights=weights,
        telling=telling,
        groups=groups,
        numbers=numbers_in(question) - meaning.incidental_numbers(question) - told_figures(question),
        count=answertypes.kind(question) in ("count", "money"),
        capitals=capitals - {""},
        unseen=_unseen_share(index, glossary, groups, telling, df),
        key=key_of(first, df, telling),
        extra=[t for t in glossary.expand(tokens) + answertypes.widened(question) if _rare(index, t)]
        + list(respelling.values()),
        kind=answertypes.kind(question),
        polar=answertypes.polar(question),
        df=index.bm25.df,
        pseudonyms=list(dict.fromkeys(answertypes.pseudonyms(cased) + by_word)),
        target=_target(question, stop, glossary, respelling),
        rung=_rung(question, respelling),
        **_names_asked(cased, propers, names),
        asking=answertypes.asking_words(question) - {aspects.task(question)},
        compounds=[tuple(c.lower().split("-")) for c in _COMPOUND.findall(question)],
        frames=frame_words(question),
        equivalents=meaning.equivalents(question),
        which=figures.which_counted(question),
        part=figures.part_counted(question),
        period=periods.asked(question),
        season=periods.season_asked(question),
        negated=negated,
        **_named_things(question),
        defined=shorthand.defining(question, glossary),
        **asked(cased, stop, bool(frame), set(first)),
    )


def _named_things(question: str) -> dict:
    """The "-ing" words used as nouns, and the measure a comparison is made on."""
    return {"gerunds": meaning.gerund_nouns(question), "measure": frozenset(figures.compared_on(question))}


def informative(first: dict[str, str], weights: dict[str, float]) -> dict[str, float]:
    """What each question word weighs in the evidence (coverage, gap, unseen): its idf in the
    index, but no more than its idf in general English (meaning.general_idf). A small index
    gives its highest idf to every word it never holds, so "just", "thing" or "well" in a spoken
    question ("is it just kids?") would outweigh the words it is about, and a passage answering
    it in other words would seem to lack the most of the question."""
    return {s: min(w, meaning.general_idf(first[s])) for s, w in weights.items()}


def _target(question: str, stop, glossary: Glossary, respelling: dict[str, str]) -> set[str]:
    """The stems a count question counts (answertypes.count_target)."""
    target = _read(answertypes.count_target(question, stop), glossary)
    return {respelling.get(t, t) for t in _stemmer().stemWords(target)} if target else set()


def _rung(question: str, respelling: dict[str, str]) -> str:
    """The stem of whom a phone question asks the number of (answertypes.phone_whom)."""
    whom = answertypes.phone_whom(question) if answertypes.kind(question) == "phone" else ""
    return respelling.get(s, s) if whom and (s := _stemmer().stemWord(whom.lower())) else ""


def _unseen_share(index, glossary: Glossary, groups, weights: dict[str, float], df: dict[str, int]) -> float:
    """The share of the question's weight in words no passage holds, in itself or through a
    glossary group the index holds some phrase of."""
    seen_groups = {m.group for m in groups if any(all(index.bm25.df(t) for t in p) for p in glossary.groups[m.group])}
    unseen = sum(
        w for s, w in weights.items() if not df[s] and not any(s in m.tokens and m.group in seen_groups for m in groups)
    )
    total = sum(weights.values())
    return unseen / total if total else 0.0


def framing_words(question: str, frame: re.Match | None) -> set[str]:
    """Words that say where to look or how the asker came to ask, not what is asked: the
    document of "what does the briefing say ...?" or "... in the annual report?", and the
    asker's own verbs of a lead-in ("I keep hearing ..., so when ...?": leadin.asker_words)."""
    subject = (frame.group("doc") or "").lower() if frame else ""
    subject = "" if subject == "panel" else subject  # the Panel is also what many questions are about
    tail = DOCUMENT_TAIL.search(question)
    tail_words = {(tail.group("doc") or "").lower(), (tail.group("mod") or "").lower()} if tail else set()
    counted = {w for m in answertypes._COUNT.finditer(question) for w in m.group(0).lower().split()}
    return (
        {subject}
        | tail_words
        | leadin.asker_words(question)
        | leadin.request_words(question)
        | leadin.quoting_words(question)
        | (counted & answertypes.PROPORTION_FRAME)
        | {w for m in _ASKERS_NOW.finditer(question) for w in m.group(0).lower().split()}
    ) - {""}


# When the asker asks, not what about: "... after the match tonight?", "is it open right now?"
_ASKERS_NOW = re.compile(r"\b(?:tonight|today|tomorrow|right now|this (?:morning|afternoon|evening))\b", re.I)


def key_of(first: dict[str, str], df: dict[str, int], telling: dict[str, float] | None = None) -> str:
    """The question's rarest stem the index holds, among the words that can name what it is
    about: not a figure in words ("four hundred and eighty", which says how much, not of what),
    a word that is only a verb or an adverb ("differently"), nor an everyday word that is no
    noun ("after"); any word the index holds when none can. Rarest in general English when
    ``telling`` gives it (``informative``): the index's own rarest word is often an everyday one
    it happens to use seldom ("back", "take", "money"); else rarest in the index."""
    held = [s for s in first if df[s]]
    topical = [s for s in held if _topical(first[s])]
    if telling is None:
        return min(topical or held, key=lambda s: (df[s], s), default="")
    return min(topical or held, key=lambda s: (-telling[s], df[s], s), default="")


_MULTIPLIERS = frozenset("hundred hundreds thousand thousands million millions".split())


def _topical(word: str) -> bool:
    if word in _MULTIPLIERS or figures_in(word) or meaning.how_not_what(word):  # not "half term"
        return False
    return not meaning.common(word) or "NOUN" in meaning.word_classes(word)


def _topic_stems(part: str, stems: set[str]) -> set[str]:
    """A topic's stems that name it: an everyday word beside a rarer one ("naming *people*",
    "*things* like bullying") is not looked for beside it; a topic of everyday words keeps them."""
    ws = words(part)
    named = [w for w in ws if not meaning.common(w)] or ws
    return {s for s in _stemmer().stemWords(named) if s in stems}


def asked(question: str, stop, framed: bool, stems: set[str]) -> dict:
    """What the question asks of the thing it names (aspects), as ``Terms`` fields."""
    about = aspects.topic(question, framed)
    return {
        "task": aspects.task(question),
        "aspect": aspects.aspect(question),
        "thing": aspects.asked_of(question)[1],
        "succession": aspects.predecessor_of(question),
        "pairs": aspects.modified(question, stop),
        "topic": [_topic_stems(part, stems) for part in about],
        "role": aspects.role(question),
        "acted": next((s for s in _stemmer().stemWords([subjects.acted_on(question)]) if s in stems), ""),
        "pairs_nn": subjects.compound_modifiers(question, stems),
        "owners": [s for s in _stemmer().stemWords(subjects.owners(question.lower())) if s in stems],
        "subject": [s for s in _stemmer().stemWords(subjects.subject(question)) if s in stems],
        "toward": next((s for s in _stemmer().stemWords([subjects.complement(question)]) if s in stems), ""),
        "speaker": aspects.speaker(question),
        "names_asked": aspects.asks_names(question),
        "people": people.asked(question, answertypes.kind(question), stems),
        "listed": lists.listed(question),
        "versions": periods.of_versions(question, aspects.years(numbers_in(question))),
        # its subject read with English's stop words only: "report" frames "what does the report say",
        # but "a rapid review report" is the thing timed
        "timed": {s for s in _stemmer().stemWords(figures.timed(question, stopwords())[0]) if s in stems},
        "act": figures.timed(question, stopwords())[1],
        "spelled": spelled_stems(question, stems),
        "ages": meaning.ages_asked(question),
        "clock": answertypes.asks_clock(question),
        "relatives": relatives.asked(question),
        "second": frozenset(token_set(answertypes.second_ask(question))) & stems,
    }


_NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+(?:very\s+|really\s+|at\s+all\s+)?([a-z]+)\b", re.I)


def negated_stems(question: str, stems: set[str]) -> dict[str, str]:
    """A word the question negates, with the stem of its negative form: "not happy" is said
    "unhappy", "isn't safe" "unsafe", so a passage holding that form holds the word."""
    out = {}
    for m in _NEGATED.finditer(question):
        word = m.group(1).lower()
        stem = _stemmer().stemWord(word)
        if stem in stems and not word.startswith("un"):
            out[stem] = _stemmer().stemWord("un" + word)
    return out


def spelled_stems(question: str, stems: set[str]) -> dict[str, frozenset[str]]:
    """The question's number words (stems it weighs) and the figures they spell."""
    out: dict[str, set[str]] = {}
    for ws, figure in meaning.spelled_numbers(question):
        for stem in _stemmer().stemWords(ws):
            if stem in stems:
                out.setdefault(stem, set()).add(figure)
    return {s: frozenset(v) for s, v in out.items()}


# Pronouns that stand for someone or something unnamed: a question asking whether *anyone*
# saw the child is about the child, and a quote never needs the pronoun.
INDEFINITE = frozenset(
    "anyone anybody someone somebody everyone everybody noone nobody anything something everything nothing "
    "whoever whatever".split()
)
# "What was *wrong* with...", "who is *responsible* for...": an adjective right after the
# question's "be" says what is asked of the topic (a fault, an owner), not the topic itself.
_PREDICATE = re.compile(r"^\s*(?:what|who|which)(?:['’]s|\s+(?:is|are|was|were|will be|would be))\s+([a-z]+)\b", re.I)
# "...when a pupil *changes* school", "what often *goes* on": a verb's present form after its
# subject (a noun after a determiner) or after an adverb.
_DETERMINER = frozenset("a an the this that his her their its my our your each every one".split())


def frame_words(question: str) -> set[str]:
    """The question's words that say how it asks, read from their place in it: an adjective
    after "what is"/"who was", an indefinite pronoun, and a verb's "-s" form after its subject
    or after a wh-word and adverbs (LemmInflect's word classes tell what each word can be)."""
    out = {w for w in words(question) if w in INDEFINITE}
    m = _PREDICATE.match(question)
    if m and "ADJ" in meaning.word_classes(m.group(1).lower()):
        out.add(m.group(1).lower())
    toks = words(question)
    for i in range(1, len(toks)):
        w, before = toks[i], toks[i - 1]
        verb = meaning.word_lemmas(w).get("VERB", ())
        if not (w.endswith("s") and verb and w not in verb):
            continue
        # "what (else) often goes on": only adverbs between the wh-word, its subject, and the verb
        adverb = (
            i > 1
            and toks[0] in ("what", "who", "which")
            and all(
                "ADV" in meaning.word_classes(x) and not {"NOUN", "VERB"} & meaning.word_classes(x) for x in toks[1:i]
            )
        )
        subject = (
            0 < i - 1 < len(toks) - 2  # an object follows: "the school changes?" is a noun
            and toks[i - 2] in _DETERMINER
            and before in meaning.word_lemmas(before).get("NOUN", ())
        )
        if adverb or subject:
            out.add(w)
    # "what period does the review *cover*?": after "does" and its subject, a question's last
    # word is its verb when it can be one and follows a noun (not "...do about *neglect*").
    aux = [i for i, t in enumerate(toks[:4]) if t in ("do", "does", "did")]
    if aux and len(toks) > aux[0] + 2:
        last, before = toks[-1], toks[-2]
        between = toks[aux[0] + 1 : -1]  # its subject only: "...say about domestic *abuse*" has a preposition
        plain = all(
            w in _DETERMINER or "NOUN" in meaning.word_classes(w) or not meaning.word_classes(w) for w in between
        )
        plain = plain and not set(between) & answertypes.asking_words(question)
        if plain and last in meaning.word_lemmas(last).get("VERB", ()) and "NOUN" in meaning.word_classes(before):
            out.add(last)
    return out


def _rare(index, token: str) -> bool:
    """Worth adding to the BM25 query: held by at most a tenth of the passages. Generic
    words of a long form ("child safeguarding practice review" for "the Panel") would
    only pull in passages that share them."""
    return index.bm25.df(token) <= max(1, 0.1 * index.bm25.size)


@lru_cache(maxsize=4096)
def form_stems(word: str) -> frozenset[str]:
    """Stems of a noun's other number that its own stem does not reach ("men": "man";
    "children": "child"): the stemmer cuts regular endings, not irregular plurals."""
    own = _stemmer().stemWord(word)
    return frozenset(_stemmer().stemWords(sorted(meaning.noun_forms(word)))) - {own}
