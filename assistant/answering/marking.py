"""Marking: the sentence of a quote that answers, and the window of text quoted around it.

The answering sentence is chosen by the same evidence as the passage: its meaning (cosine of
question and sentence), the question's words it holds (by stem, the glossary or meaning) and
whether it holds the kind of answer asked for (a figure for "how many", a person for "who", a
date for "when"). What the question asks steers it: a yes-or-no question is decided where its
rarest word is, not by its verb; a sentence that itself asks is not an answer; a follow-up is
marked by its own kind of answer; a "when" is a point on the calendar. One sentence is marked;
a second only when it is the next or previous one and scores nearly as well, and never so that
more than ``MAX_SHARE`` of the quote is marked. A lead-in ending in ":" whose list the quote
does not hold is never the answer on its own. When the answering sentence sits at the edge of
the passage, the quote takes in the neighbouring sentence of the same section (sentence-window
retrieval), so that what is cited is the answer with its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from assistant.answering import answertypes, cues, evidence, figures, meaning, periods, relatives
from assistant.index.lexical import token_set, tokenize

WORDS_WEIGHT = 0.5  # a sentence holding every question word gains half a cosine's range
KIND_WEIGHT = 0.1  # and one holding the kind of answer asked for, a little more
KEY_WEIGHT = 0.5  # a yes-or-no question's rarest word held: half a cosine's range
CALENDAR_WEIGHT = 0.2  # "when did it come out?": a year, a month or a weekday, more than a span
VERB_PENALTY = 1.0  # a sentence without the question's verb, when another holds it, loses this
VERB_WEIGHT = 2.0  # the question's verb counts as two of its words in choosing the sentence
OTHER_CASE_PENALTY = 1.0  # a sentence about other named children than the one asked about loses this
# A sentence only about how things were, for a question asking how they stand now, loses more than
# holding every word of the question gains (WORDS_WEIGHT): "Last year the social worker held the
# interview." is not the answer to "is it still the social worker who does it?"
BEFORE_PENALTY = 0.6
MAX_SHARE = 0.6  # of a quote's characters, at most, are marked
WINDOW_CHARS = 1200  # a quote widened around its answer stays this short
LIST_SENTENCES = 6  # sentences (list items) a lead-in ending in ":" takes in


@dataclass
class Sentence:
    start: int  # offsets in the document
    end: int
    text: str
    similarity: float


def visible(text: str) -> int:
    """Characters a reader sees (not spaces or line breaks): what the marked share is of."""
    return sum(not c.isspace() for c in text)


def with_second_ask(sentences: list[Sentence], picked: list[int], terms: evidence.Terms, quote_chars: int) -> list[int]:
    """One marked sentence, and the sentence answering the question's second ask when the first
    holds none of its words ("How many contacts did CADS receive, and how many of them were from
    schools?": the total, then "Schools made 27% of all contacts"), both within ``MAX_SHARE``."""
    asked = terms.second
    if len(picked) != 1 or not asked or token_set(sentences[picked[0]].text) & asked:
        return picked
    held = [sum(terms.weights[s] for s in token_set(x.text) & asked) for x in sentences]
    best = max(range(len(sentences)), key=lambda j: held[j])
    chars = sum(sentences[k].end - sentences[k].start for k in (picked[0], best))
    return sorted({picked[0], best}) if held[best] > 0 and chars < MAX_SHARE * quote_chars else picked


def within_share(sentences: list[Sentence], picked: list[int], values: list[float], quote: str) -> list[int]:
    """The marked sentences, kept to ``MAX_SHARE`` of the quote in the characters a reader sees
    (the share reported, evalmetrics.marked_share): spaces and line breaks between paragraphs
    lengthen a quote but are not seen, so two sentences that fit by length may not by sight;
    then the better scored one alone is marked."""
    if len(picked) < 2 or sum(visible(sentences[i].text) for i in picked) <= MAX_SHARE * visible(quote):
        return picked
    return [max(picked, key=lambda i: values[i])]


def asked_in(terms: evidence.Terms, question: str, query: str | None) -> evidence.Terms:
    """The terms a follow-up's quote is marked by: a follow-up read with the question before it
    ("and since when?" after "what did they change?") is about that question's subject, but
    what it asks is its own: when it asks for a kind of answer (a time, a person, a figure), its
    kind and its verbs replace the earlier question's, which no longer say what the answer holds,
    and so do the words saying which things a count of its own counts, and whose relative it
    asks about (relatives.py)."""
    own = answertypes.kind(question)
    kin = relatives.asked(question) if query else terms.relatives
    if kin != terms.relatives:  # "and how many ... was he offered?" after "did Wrenna's mum ...": his own
        terms = replace(terms, relatives=kin)
    if query and asks_earlier(question):
        named = [int(y) for y in _YEAR.findall(query.replace(question, " "))]
        terms = replace(terms, earlier=max(named) if named else -1)
    if asks_said(question):
        terms = replace(terms, reported=True)
    if asks_leave(question):
        terms = replace(terms, deontic=True)
    if periods.asks_now(question):
        terms = replace(terms, current=True)
    if asks_whom(question) or asks_sequel(question):
        terms = replace(terms, whom=asks_whom(question), sequel=asks_sequel(question))
    if not query or not (own or asks_own(question)):
        return terms
    terms = replace(terms, kind=own, asking=answertypes.asking_words(question), polar=False)
    if own in ("count", "money"):  # "and how much of every pound goes on families?": which, its own too
        terms = replace(terms, which=figures.which_counted(question), part=figures.part_counted(question))
    return terms


# "and once it's logged, where does it go?": a word of asking with its own verb, after
# a clause setting the scene, asks a question of its own ("what about ...", "what if ..." do not).
_OWN_ASKING = re.compile(
    r"\b(?:what|who|where|how|why|which)\s+(?:do|does|did|is|are|was|were|will|would|should|can|could|happens?)\b",
    re.I,
)


def asks_own(question: str) -> bool:
    """Does a follow-up ask its own question, with no kind of answer named ("what do they do
    then?")? Its kind is then its own (none), not the earlier question's figure or date."""
    return bool(_OWN_ASKING.search(question))


def marked_terms(terms: evidence.Terms, question: str, query: str | None) -> evidence.Terms:
    """The terms a quote's sentence is marked by (``asked_in``), with the figures the question
    states itself and the numbered items it names (``cues``). A follow-up read with the question
    before it ("and q2?" after "how many contacts in q3?") names what it asks now: its own words
    weigh as much as the earlier question's together, so the row or sentence of what it names is
    marked, not the one that answered before."""
    terms = asked_in(terms, question, query)
    labelled = cues.asked_labels(question) or (cues.asked_labels(query) if query else {})
    terms = replace(terms, given=cues.given_figures(query or question), labelled=labelled)
    if not query:
        return terms
    own = {s for s in set(evidence.word_stems(question)[1]) & set(terms.weights) if not meaning.common(terms.words[s])}
    rest = sum(w for s, w in terms.weights.items() if s not in own)
    mine = sum(terms.weights[s] for s in own)
    if not own or not rest or not mine or mine >= rest:
        return terms
    return replace(terms, weights={s: w * (rest / mine if s in own else 1.0) for s, w in terms.weights.items()})


# "and the year before that?", "what about the previous year?", "and before that?"
_EARLIER = re.compile(
    r"\b(?:year|month|quarter|time|one)\s+before\b|\bprevious\s+(?:year|month|quarter|one)\b"
    r"|\byear\s+(?:prior|earlier)\b|^\W*(?:and\s+)?(?:what\s+about\s+)?before\s+that\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def asks_earlier(question: str) -> bool:
    """Does a follow-up ask for the period before the one just asked about ("and the year
    before that?")? Its answer is the figure of the earlier year the quote gives."""
    return bool(_EARLIER.search(question))


def toward_earlier(terms: evidence.Terms, text: str) -> evidence.Terms:
    """For a follow-up asking the period before (``terms.earlier``: the year asked before, or -1
    when none was named and the latest the quote gives was the answer), the latest year of
    ``text`` before it becomes the word that decides the mark, outweighing the rest together: the
    clause or row "up from 41 in 2023", not the one that answered the question before."""
    if not terms.earlier:
        return terms
    years = sorted({int(y) for y in _YEAR.findall(text)})
    ref = terms.earlier if terms.earlier > 0 else (years[-1] if years else 0)
    before = [y for y in years if y < ref]
    if not before:
        return terms
    year = str(before[-1])
    weight = sum(terms.weights.values()) or 1.0
    return replace(terms, words={**terms.words, year: year}, weights={**terms.weights, year: weight})


# "did the boy ever say who ...", "what did his mum tell the nurse", "has she disclosed anything"
_SAID = re.compile(
    r"\b(?:did|does|do|has|have|had|would|will)\s+(?P<who>(?:[\w'’]+\s+){1,4}?)(?:ever\s+|actually\s+|even\s+)?"
    r"(?:say|said|tell|told|mention|disclose|disclosed)\b",
    re.I,
)
# Who "says" in a document question: the text itself ("does *the policy* say", "did *it* mention"),
# or the asker asking what to do ("do *I* tell the parents?").
_TEXTS = frozenset(
    "i we you it this that they report document documents guidance guide briefing review summary leaflet panel policy "
    "plan procedure page website poster".split()
)
# Reported speech: words in quotation marks, or a verb of saying.
_SPEECH = re.compile(r"[\"“][^\"”]{3,}[\"”]|\b(?:said|says|told|tells|disclosed|mentioned)\b", re.I)
SPEECH_WEIGHT = 0.3  # a sentence reporting what was said, for a question asking what someone said


# "can a teacher ...", "are we allowed to ...", "do we have to ...", "is it ok to ...", "should I ..."
_LEAVE = re.compile(
    r"(?:^|[,.;?!]\s*)(?:so\s+|and\s+)?(?:can|may|could|should|must|is\s+it\s+(?:ok|okay|alright|allowed|fine)|"
    r"are\s+(?:we|they|you|staff)\s+allowed|(?:do|does)\s+(?:\w+\s+){1,3}?(?:have|need)\s+to)\b",
    re.I,
)
# A rule: what may, must or must never be done.
_RULE = re.compile(
    r"\b(?:must|mustn['’]t|never|always|may|may not|can|cannot|can['’]t|should|shouldn['’]t|allowed|"
    r"not allowed|need to|do not need|don['’]t need|required|only)\b",
    re.I,
)
RULE_WEIGHT = 0.1  # a sentence stating a rule, for a question asking what may or must be done


def asks_leave(question: str) -> bool:
    """Does the question ask what may or must be done ("can a teacher use her own phone?")?"""
    return bool(_LEAVE.search(question))


def asks_said(question: str) -> bool:
    """Does the question ask what a person said ("did the little girl ever say who hurt her?"),
    not what a document says ("does the policy say anything about ...")?"""
    m = _SAID.search(question)
    return m is not None and not set(m.group("who").lower().split()) & _TEXTS


# "who do I tell?", "who should we ring about it?", "who can you report it to?"
_WHOM = re.compile(
    r"\bwhom?\s+(?:\w+\s+){0,2}?(?:do|should|can|could|must|would|shall|will)\s+(?:i|we|you)\s+"
    r"(?:\w+\s+){0,2}(?:tell|contact|ring|call|phone|email|e-mail|report|inform|notify|alert|refer|speak|talk|go)\b",
    re.I,
)


# "what happened after the meeting?", "what happened next to her?"
_SEQUEL = re.compile(
    r"\bwhat\s+(?:happened|happens|was\s+done|did\s+(?:\w+\s+){1,3}do)\b(?:\s+\w+){0,4}?\s+(?:after|next|then)\b", re.I
)


def asks_sequel(question: str) -> bool:
    """Does the question ask what followed an event ("what happened to her after the visit?")?
    The sentence naming the event is not the answer; the one after it is."""
    return bool(_SEQUEL.search(question))


def then_next(sentences: list[Sentence], picked: list[int], terms: evidence.Terms, quote_chars: int) -> list[int]:
    """For "what happened after X?", the sentence after the one about X is marked (with it when
    both fit in ``MAX_SHARE`` of the quote), across a paragraph break: a narrative's next
    paragraph is often what came next."""
    if not terms.sequel or len(picked) != 1 or picked[0] + 1 >= len(sentences):
        return picked
    a, b = sentences[picked[0]], sentences[picked[0] + 1]
    return (
        picked + [picked[0] + 1] if (a.end - a.start) + (b.end - b.start) < MAX_SHARE * quote_chars else [picked[0] + 1]
    )


def asks_whom(question: str) -> bool:
    """Does the question ask whom the asker should get in touch with ("who do I tell about it?",
    "who should we ring?")? Its answer is a contact: a team and its number, not whoever the
    passage names; not "who reports to the board?", which asks for a person."""
    return bool(_WHOM.search(question))


def sentence_weights(terms: evidence.Terms) -> dict[str, float]:
    """idf of each question word, the question's verb counted twice: the passage as a whole is
    about the question's topic; the sentence that answers states what is asked of it ("who
    *chairs* the panel": "Its chair is ...", not the sentence describing the panel)."""
    verbs = terms.asking - ASKS_FIGURE  # "figures" asks for a figure, it is no verb
    return {s: w * (VERB_WEIGHT if terms.words.get(s) in verbs else 1.0) for s, w in terms.weights.items()}


def words_share(
    terms: evidence.Terms, text: str, soft: dict[str, str], glossary, held: set[str] | None = None, heading: str = ""
) -> float:
    """Weighted share of the question's words a sentence holds (stem, glossary or meaning). A
    row of a table ("Deputy DSL | Ann Lee, nurse | Ext 214") is about its first cell, its label:
    a word held only in its other cells, its values ("deputy head" as someone's job), counts half.
    ``held``: what ``holds_words`` gives for ``text``, when the caller has it already.
    ``heading``: the header row of the table ``text`` is a row of: its words are the row's column
    headings, held as its label is ("Q3 | 2,117" under "Quarter | Contacts" holds "contacts")."""
    weights = sentence_weights(terms)
    total = sum(weights.values())
    if not total:
        return 0.0
    headed = holds_words(terms, heading, soft, glossary) if heading else set()
    held = (holds_words(terms, text, soft, glossary) if held is None else held) | headed
    share = sum(weights[s] for s in held if s in weights) / total
    cells = text.strip().strip("|").split(" | ")
    if len(cells) < 3:
        return share
    label = sum(weights[s] for s in holds_words(terms, cells[0], soft, glossary) | headed if s in weights) / total
    return (share + label) / 2


def lead_in_without_list(sentences: list[Sentence], i: int) -> bool:
    """A sentence ending in ":" with nothing after it in the quote."""
    return sentences[i].text.rstrip().endswith(":") and i == len(sentences) - 1


def scores(
    sentences: list[Sentence], terms: evidence.Terms, soft: dict[str, str], glossary, lead_ins: bool = False
) -> list[float]:
    """How well each sentence answers; a lead-in without its list scores -1 unless ``lead_ins``."""
    out = []
    # by stem or glossary only: a word near in meaning may be its opposite ("dangerous": "safe")
    written = [evidence.covered(terms, set(evidence.word_stems(s.text)[1]), glossary) for s in sentences]
    heads = cues.headings([s.text for s in sentences])  # a table's row is read with its header
    holding = [holds_words(terms, s.text, soft, glossary) for s in sentences]  # by meaning too
    keys = rarest_held(terms, written) if terms.polar else set()
    labelled = cues.label_values(terms.labelled, [s.text for s in sentences])  # "stage two": "Stage 2:"
    for i, s in enumerate(sentences):
        ws, _ = evidence.word_stems(s.text)
        kind_ok = bool(terms.kind) and answertypes.satisfied(terms.kind, s.text, list(ws))
        kind_ok = kind_ok and not cues.only_given(terms, s.text)  # "of the nine reviews": not "nine reviews"
        if not lead_ins and lead_in_without_list(sentences, i) and not (terms.kind == "count" and kind_ok):
            out.append(-1.0)  # "...six themes:" says how many there are, not what they are
            continue
        # A yes-or-no question is decided by the sentence about its most specific thing ("was anyone
        # from *probation* there?": "Apologies: ... (head of probation)"), not the one sharing its setting.
        key = bool(keys & written[i])
        share = words_share(terms, s.text, soft, glossary, holding[i], heads[i])
        value = s.similarity + WORDS_WEIGHT * share + KIND_WEIGHT * kind_ok + cues.LABEL_WEIGHT * labelled[i]
        value += cues.COUNTED_WEIGHT * cues.counted(terms, s.text, heads[i], soft, glossary)
        calendar = asks_calendar(terms) and answertypes.has_date(list(ws))
        calendar = calendar or (asks_length(terms) and gives_length(terms, s.text, soft))  # "for eleven days"
        value -= OTHER_CASE_PENALTY * other_case(terms, s.text)
        value += SPEECH_WEIGHT * (terms.reported and bool(_SPEECH.search(s.text)))
        value += RULE_WEIGHT * (terms.deontic and bool(_RULE.search(s.text)))
        value -= BEFORE_PENALTY * (terms.current and periods.before_only(s.text))  # "Last year they paid £35."
        out.append(value + KEY_WEIGHT * key + CALENDAR_WEIGHT * calendar)
    # The sentence that answers states what is asked ("who *chairs* the panel?": "Its chair is
    # ..."), however closely the sentences around it describe the topic: when some sentence
    # holds the question's verb, the others come after it.
    verbs = {st for st, w in terms.words.items() if w in terms.asking - ASKS_FIGURE} | asked_verbs(terms)
    asks = [is_question(x.text) for x in sentences]
    held = [h | set(evidence.word_stems(x.text)[1]) for h, x in zip(holding, sentences, strict=False)]
    holds = [(bool(verbs & h) or n > 0) and not q for h, q, n in zip(held, asks, labelled, strict=False)]
    if any(holds) and not all(holds) and not terms.polar:  # a yes-or-no question asks its whole statement
        out = [v - VERB_PENALTY if v >= 0 and not h else v for v, h in zip(out, holds, strict=False)]
    if not all(asks):  # a question in the text (an interview, a FAQ, a quiz) asks; what follows answers it
        out = answers_after_questions(out, asks)
    return out


def answers_after_questions(values: list[float], asks: list[bool]) -> list[float]:
    """A question in the text scores -1; the sentence right after a run of them ("Q. I made a
    referral in March. Who do I chase?" then "A. Call the Gateway.") at least as well as the best
    of the run, since it answers it."""
    out, run = [], -1.0
    for v, q in zip(values, asks, strict=True):
        out.append(-1.0 if q else max(v, run))
        run = max(run, v) if q else -1.0
    return out


def other_case(terms: evidence.Terms, text: str) -> bool:
    """Does a sentence name only other children than the one the question names ("is there a
    review of Baby N?": "Two other reviews, of Baby U and of Child O, ...")? It is about them."""
    if not terms.pseudonyms:
        return False
    named = answertypes.pseudonyms(text)
    return bool(named) and not any(answertypes.names_pseudonym(text, p) for p in terms.pseudonyms)


def asks_calendar(terms: evidence.Terms) -> bool:
    """A "when" question asks for a point on the calendar ("First published 1 July 2022"), not a
    span or a condition ("within five working days of learning of it"); "how long", "how soon"
    and "how often" ask for the span or the frequency instead."""
    return terms.kind in ("when", "date") and not set(terms.words.values()) & answertypes.HOW_TIME


def asks_length(terms: evidence.Terms) -> bool:
    """ "How long was she in care?" asks for a span ("for six weeks"), not a point on the calendar."""
    return terms.kind == "when" and "long" in {w.lower() for w in terms.words.values()}


def gives_length(terms: evidence.Terms, text: str, soft: dict[str, str]) -> bool:
    """A span of time ("for eleven days", "within 15 working days") said of the act the question
    times ("how long was he *missing*?"), when it names one."""
    return bool(figures.LENGTH.search(text)) and figures.timed_together(set(), terms.act, text, soft, frozenset())


def rarest_held(terms: evidence.Terms, held: list[set[str]]) -> set[str]:
    """The question's rarest word(s) that some sentence of the quote holds ("LCSPR", held as
    "local child safeguarding practice review"), from what each sentence holds (``held``)."""
    have = set().union(*held) & set(terms.weights) if held else set()
    if not have:
        return set()
    top = max(terms.weights[s] for s in have)
    rarest = {s for s in have if terms.weights[s] >= top - 1e-9}
    # Of equally rare words, the one fewest sentences hold says which sentence is about the
    # question's specific thing ("do *trainees* do the same training?": not "training", held by all).
    fewest = min(sum(s in h for h in held) for s in rarest)
    return {s for s in rarest if sum(s in h for h in held) == fewest}


def is_question(text: str) -> bool:
    """A sentence that asks ("TESSA: What did you change?"), not one that answers."""
    if _QUESTION_SIDE.match(text):  # "Q. I made a referral in March and have not heard back."
        return True
    return text.rstrip().rstrip("\"')»”’*_").endswith("?")  # "**4. How long ...?**": Markdown bold too


_QUESTION_SIDE = re.compile(r"^\W*(?:Q|Question)\s*[.:]\s", re.I)


def asked_verbs(terms: evidence.Terms) -> set[str]:
    """Stems of the question's verbs, frame words too ("what does the form *ask* for?")."""
    from assistant.index.lexical import _stemmer

    frame = {"say", "do", "be", "have", "mean", "tell", "number"} | set(_stemmer().stemWords(sorted(ASKS_FIGURE)))
    return set(_stemmer().stemWords(sorted(terms.asking))) - frame


# "what *share* of the contacts came from schools?": the word asks for a figure, it is not a verb a
# sentence must hold ("Schools made 38 per cent of the contacts" answers it).
SHARE_WORDS = frozenset({"share", "proportion", "percentage", "fraction", "rate"})
# Words that ask for a figure ("what are the *figures* for ...?"): no verb a sentence must hold.
ASKS_FIGURE = SHARE_WORDS | answertypes.FIGURE_WORDS


def holds_words(terms: evidence.Terms, text: str, soft: dict[str, str], glossary) -> set[str]:
    """The question's stems a sentence holds (stem, glossary, meaning, or the numbered label of
    an ordinal: "the *first* finding" in "Finding 1.")."""
    ws, stems = evidence.word_stems(text)
    present = set(ws)
    ordinals = {s: ORDINALS[w.lower()] for s, w in terms.words.items() if w.lower() in ORDINALS}
    labels = set(_LABEL.findall(text)) if ordinals else set()  # no ordinal asked (most questions): no label wanted
    numbered = {s for s, n in ordinals.items() if n in labels}
    quarter = (
        {s for s, w in terms.words.items() if w.lower() in ("quarter", "quarters")} if _QUARTER.search(text) else set()
    )
    held = evidence.covered(terms, set(stems), glossary) | {s for s, w in soft.items() if w in present}
    return held | numbered | quarter | acronyms_held(terms, text, glossary) | parts_held(terms, text)


def parts_held(terms: evidence.Terms, text: str) -> set[str]:
    """A question's "percentage" (proportion, share) is held by a figure in per cent ("46%")."""
    asked = cues.parts_given(list(terms.words.values()), [text])
    return {s for s, w in terms.words.items() if w in asked}


_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")


def acronyms_held(terms: evidence.Terms, text: str, glossary) -> set[str]:
    """The question's words a sentence holds through an acronym it uses: "Deputy DSL" holds
    "safeguarding" (DSL: designated safeguarding lead), as a question's own acronyms are read."""
    found = _ACRONYM.findall(text) if getattr(glossary, "groups", None) else []
    if not found:
        return set()
    spelled = _spelled(glossary)
    out: set[str] = set()
    for acronym in found:
        out |= spelled.get(tuple(tokenize(acronym)), frozenset())
    return out & set(terms.words)


_SPELLED: dict[int, tuple[object, dict]] = {}  # id(glossary) -> (glossary, phrase -> its groups' words)


def _spelled(glossary) -> dict:
    """Each glossary phrase's groups' words, made once per glossary (sentences are checked many
    times a question; a glossary is widened per question, so only the last few are kept)."""
    got = _SPELLED.get(id(glossary))
    if got is not None and got[0] is glossary:
        return got[1]
    table: dict[tuple, frozenset[str]] = {}
    for phrases in glossary.groups:
        words = frozenset(t for p in phrases for t in p)
        for p in phrases:
            table[p] = table.get(p, frozenset()) | words
    if len(_SPELLED) > 8:
        _SPELLED.clear()
    _SPELLED[id(glossary)] = (glossary, table)
    return table


_QUARTER = re.compile(r"\bQ[1-4]\b")  # "Q2 2024-25" is a quarter, as a question's "q2" is (shorthand.quarters)


ORDINALS = {
    w: str(i) for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)
}
# A numbered label: "Finding 1.", "Recommendation 2:", "Stage 3)" (not "on 9 February", "4.1").
_LABEL = re.compile(r"\b[A-Za-z]{3,}\s+(\d{1,2})(?=[.:)](?!\d)|\s*$)")


def choose(sentences: list[Sentence], values: list[float], margin: float, quote_chars: int) -> list[int]:
    """The best sentence, and its neighbour when that scores within ``margin`` and the two
    stay within ``MAX_SHARE`` of the quote."""
    if not sentences:
        return []
    best = int(np.argmax(values))
    picked = [best]
    for j in sorted((best - 1, best + 1), key=lambda j: -values[j] if 0 <= j < len(values) else 1):
        if not 0 <= j < len(values) or values[j] < values[best] - margin or values[j] < 0:
            continue
        chars = sum(sentences[k].end - sentences[k].start for k in picked + [j])
        if chars < MAX_SHARE * quote_chars:
            picked.append(j)
        break
    return sorted(picked)


VALUE_REACH = 2  # sentences after the best (one before) where the value it lacks may be


def with_value(sentences: list[Sentence], picked: list[int], terms: evidence.Terms, quote_chars: int) -> list[int]:
    """The marked sentences, made to give the time or the contact asked for: the sentence
    that names the topic often leaves the value to the next ("...a shared approach to children
    not brought." "To be in place by June 2024."). When none of ``picked`` gives it, the
    nearest sentence that does is marked with the best one, or alone when both would mark more
    than ``MAX_SHARE`` of the quote."""
    gives = evidence.value_wanted(terms)
    if gives is not None and "often" in terms.frames | terms.asking | set(terms.words.values()):
        gives = gives_frequency  # "how often": "at every annual review" is the answer, not a date
    reach = VALUE_REACH
    if gives is None and terms.whom:  # "who do I tell?": the quote's contact, wherever it is
        gives, reach = evidence.gives_contact, len(sentences)
    if gives is None or not picked or any(gives(sentences[i].text) for i in picked):
        return picked
    best = picked[0] if len(picked) == 1 else max(picked, key=lambda i: sentences[i].similarity)
    steps = (1, -1, *range(2, reach + 1)) if reach == VALUE_REACH else sorted(range(-reach, reach + 1), key=abs)
    near = [best + d for d in steps if d and 0 <= best + d < len(sentences)]
    found = next((j for j in near if gives(sentences[j].text)), None)
    if found is None:
        return picked
    chars = sum(sentences[k].end - sentences[k].start for k in (best, found))
    return sorted({best, found}) if chars < MAX_SHARE * quote_chars else [found]


_FREQUENCY = re.compile(
    r"\b(?:every|each|annual|annually|yearly|monthly|weekly|daily|fortnightly|quarterly|whenever|"
    r"once|twice|times a|a year|a month|a week)\b",
    re.I,
)


def gives_frequency(text: str) -> bool:
    """How often something happens: "every six weeks", "at each annual review", "twice a year"."""
    return bool(_FREQUENCY.search(text)) or evidence.gives_time(text)


def gives_answer(terms: evidence.Terms, text: str) -> bool:
    """Does a sentence give the kind of answer asked for, plainly: a name for "who", a time for
    "when", a figure for "how many", an amount for "how much" (False for other questions)."""
    if terms.kind == "who":
        return bool(answertypes._NAME.search(text))
    if terms.kind == "when":
        return evidence.gives_time(text)
    if terms.kind in ("count", "money"):
        return answertypes.satisfied(terms.kind, text, list(evidence.word_stems(text)[0]))
    return False


def with_next(
    sentences: list[Sentence], picked: list[int], terms: evidence.Terms, text: str, quote_chars: int
) -> list[int]:
    """One marked sentence and the next of its paragraph, when both fit in ``MAX_SHARE`` of the
    quote and the first does not give the kind of answer asked for itself: the sentence closest
    to a question most often names its topic in the question's own words, and what answers it
    follows ("The protocol was not used. Staff said they had read it as guidance for others.")."""
    if len(picked) != 1 or picked[0] + 1 >= len(sentences):
        return picked
    a, b = sentences[picked[0]], sentences[picked[0] + 1]
    if gives_answer(terms, a.text):
        return picked
    if "\n\n" in text[a.end : b.start] or text[a.start : a.end].rstrip().endswith(":"):
        return picked
    return [picked[0], picked[0] + 1] if (a.end - a.start) + (b.end - b.start) < MAX_SHARE * quote_chars else picked


def doc_sentences(index, doc_id: str) -> list[tuple[int, int]]:
    """Every sentence span of a document, in order (made once per index, kept on it)."""
    spans = index.derived.get("doc_sentences")
    if spans is None:
        spans = {}
        for d, s, e in index.sentence_keys:
            spans.setdefault(d, []).append((s, e))
        for v in spans.values():
            v.sort()
        index.derived["doc_sentences"] = spans
    return spans.get(doc_id, [])


def widen(index, doc_id: str, start: int, end: int, best: tuple[int, int], section) -> tuple[int, int]:
    """Take in the sentence before or after ``best`` when it sits at the edge of [start, end),
    within the same section; a lead-in ending in ":" takes in what follows it."""
    spans = doc_sentences(index, doc_id)
    at = spans.index(best) if best in spans else -1
    if at < 0:
        return start, end
    doc = index.documents[doc_id]
    text = doc.text
    pages = {p.index for p in doc.pages_for(start, end)}

    def same_pages(a: int, b: int) -> bool:
        # A neighbour on another page would turn "p. N" into "pp. N–N+1" for an answer wholly on N.
        return {p.index for p in doc.pages_for(a, b)} <= pages if pages else True

    lo_limit = section.start if section else 0
    hi_limit = section.end if section else len(text)
    if best[0] <= start and at > 0 and spans[at - 1][0] >= lo_limit:
        if end - spans[at - 1][0] <= WINDOW_CHARS and same_pages(spans[at - 1][0], end):
            start = min(start, spans[at - 1][0])
    follow = at + 1
    wants_list = text[best[0] : best[1]].rstrip().endswith(":")
    taken = 0
    while (best[1] >= end or wants_list) and follow < len(spans) and taken < LIST_SENTENCES:
        nxt = spans[follow]
        if nxt[1] > hi_limit or nxt[1] - start > WINDOW_CHARS or not (wants_list or same_pages(start, nxt[1])):
            break
        end, follow, taken = max(end, nxt[1]), follow + 1, taken + 1
        if not wants_list:
            break
    return start, end


# Words by which a question says which child of a case it means ("that little boy, Child D").
CHILD_WORDS = frozenset(
    "child children boy boys girl girls baby babies toddler toddlers infant kid kids son daughter "
    "teenager lad little young".split()
)


def without_the_case(terms: evidence.Terms, text: str) -> evidence.Terms:
    """A quote about a case ("Child D, a boy of four, ...") is all about that child: the words
    that say which child the question means (its pseudonym, "the little boy") chose the passage
    and do not choose the sentence, or the sentence introducing the child is marked whatever is
    asked of it ("was anyone from health on the call for the little boy?")."""
    named = answertypes.pseudonyms(text)
    if not named:
        return terms
    from assistant.index.lexical import _stemmer

    letters = {p.rsplit(None, 1)[-1].lower() for p in named}
    case = set(_stemmer().stemWords(sorted(CHILD_WORDS | letters)))
    drop = {s for s, w in terms.words.items() if s in case or w.lower() in CHILD_WORDS | letters}
    if not drop or drop >= set(terms.words):  # nothing else asked: the child is the subject
        return terms
    words = {s: w for s, w in terms.words.items() if s not in drop}
    return replace(terms, words=words, weights={s: v for s, v in terms.weights.items() if s not in drop})


def mark(index, chosen, terms, qvec, soft: dict[str, str], glossary, margin: float):
    """(start, end, highlights, listless) of a chosen span: widened around its answering
    sentence, with that sentence (and at most one neighbour) marked, offsets relative to
    ``start``. ``listless``: what answers best is a lead-in whose list the documents do not
    hold there ("...six practice themes:" for "what are the themes?"), so nothing here does."""
    doc = index.documents[chosen.doc]

    def sentences_of(start: int, end: int) -> list[Sentence]:
        spans = [(s, e) for s, e in doc_sentences(index, chosen.doc) if s >= start and e <= end]
        rows = [index.sentence_keys[(chosen.doc, s, e)] for s, e in spans]
        sims = np.asarray(index.sentence_vectors[rows]) @ qvec.reshape(-1) if rows else []
        return [Sentence(s, e, doc.text[s:e], float(v)) for (s, e), v in zip(spans, sims, strict=False)]

    start, end = chosen.start, chosen.end
    sentences = sentences_of(start, end)
    if not sentences:
        return start, end, [], False
    terms = cues.without_the_setting(terms, evidence.context_text(index, chosen.doc, start))
    terms = toward_earlier(without_the_case(terms, doc.text[start:end]), doc.text[start:end])
    if lead_in_without_list(sentences, len(sentences) - 1):  # bring its list in first
        last = sentences[-1]
        start, end = widen(index, chosen.doc, start, end, (last.start, last.end), doc.section_at(start))
        sentences = sentences_of(start, end)
    values = scores(sentences, terms, soft, glossary)
    top = sentences[int(np.argmax(values))]
    if top is sentences[0] or top is sentences[-1] or top.text.rstrip().endswith(":"):
        start, end = widen(index, chosen.doc, start, end, (top.start, top.end), doc.section_at(start))
        sentences = sentences_of(start, end)
        values = scores(sentences, terms, soft, glossary)
    picked = choose(sentences, values, margin, end - start)
    picked = with_value(sentences, picked, terms, end - start)
    picked = then_next(sentences, picked, terms, end - start)
    picked = with_next(sentences, picked, terms, doc.text, end - start)
    picked = with_second_ask(sentences, picked, terms, end - start)
    picked = within_share(sentences, picked, values, doc.text[start:end])
    marks = [[sentences[i].start - start, sentences[i].end - start] for i in picked]
    if len(picked) == 1 and marks[0][1] - marks[0][0] > MAX_SHARE * (end - start):
        one = sentences[picked[0]]
        limit = int(MAX_SHARE * (end - start))
        row = best_row(one.text, terms, soft, glossary, limit)
        a, b = row if row else best_clauses(one.text, terms, soft, glossary, limit)
        marks = [[one.start - start + a, one.start - start + b]]
    raw = scores(sentences, terms, soft, glossary, lead_ins=True)
    listless = values[int(np.argmax(raw))] < 0
    return start, end, marks, listless


# Where one row of a table ends and the next begins, in a table read as one sentence
# ("| Calls | 12 | 14 | | Visits | 3 | 5 |").
_ROW_BREAK = re.compile(r"\|[ \t]*\n?[ \t]*(?=\|)")
_RULE_ROW = re.compile(r"^[\s|:-]*$")  # "| --- | --- |"


def best_row(text: str, terms, soft: dict[str, str], glossary, limit: int) -> tuple[int, int] | None:
    """The row of a table (a quote that is one long sentence of rows) that answers, each row read
    with the table's header ("| Measure | Q1 | Q2 |"): a figure is found by its row's label and
    its column's heading together, and one row is marked, not a run of rows that holds the
    question's words only between them. None when ``text`` is not a table of three rows or more,
    or no row holds a question word. (start, end) in ``text``."""
    cuts = [0, *(m.end() for m in _ROW_BREAK.finditer(text)), len(text)]
    rows = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]
    if len(rows) < 3:
        return None
    header = text[rows[0][0] : rows[0][1]]
    best, span = 0.0, None
    for a, b in rows[1:]:
        piece = text[a:b].rstrip()
        if _RULE_ROW.match(piece) or len(piece) > limit:
            continue
        pws, _ = evidence.word_stems(piece)
        value = words_share(terms, header + " " + piece, soft, glossary)
        value += KIND_WEIGHT * (bool(terms.kind) and answertypes.satisfied(terms.kind, piece, list(pws)))
        if value > best + 1e-9 or (span and abs(value - best) <= 1e-9 and len(piece) > span[1] - span[0]):
            best, span = value, (a, a + len(piece))
    return span if span and words_share(terms, text[span[0] : span[1]], soft, glossary) > 0 else None


_CLAUSE_END = re.compile(r"[,;:–—]\s+|\s+(?=(?:and|but|or|which|who|where|while|because|as well as)\s)")
# Phrase edges inside a clause: a quote that is one long sentence is marked by its phrases.
# A subject and its predicate, parted before a form of "be" ("Worries about an adult | are covered by ...").
_PHRASE_END = re.compile(
    r"\s+(?=(?:on|for|to|by|from|with|about|after|before|including|such as|within|in|of|that"
    r"|is|are|was|were)\s)"
)


def best_clauses(text: str, terms, soft: dict[str, str], glossary, limit: int) -> tuple[int, int]:
    """The run of clauses (or, failing that, phrases) of a long sentence (the quote's only
    one) that fits in ``limit`` characters and holds the most of the question: as much as the
    whole sentence when some run does, else the most any run holds (the longest of equals).
    (start, end) in ``text``; the whole sentence when nothing shorter holds a question word."""
    ws, _ = evidence.word_stems(text)
    whole = words_share(terms, text, soft, glossary)
    whole += KIND_WEIGHT * (bool(terms.kind) and answertypes.satisfied(terms.kind, text, list(ws)))
    for pattern in (_CLAUSE_END, _PHRASE_END):
        cuts = sorted({0, len(text), *(m.end() for m in _CLAUSE_END.finditer(text))})
        if pattern is _PHRASE_END:
            cuts = sorted(set(cuts) | {m.end() for m in _PHRASE_END.finditer(text)})
        best, span = 0.0, (0, len(text))
        for i in range(len(cuts) - 1):
            for j in range(i + 1, len(cuts)):
                a, b = cuts[i], cuts[j]
                piece = text[a:b].rstrip(" ,;:–—")
                if len(piece) > limit:
                    break
                if not piece.strip():
                    continue
                pws, _ = evidence.word_stems(piece)
                value = words_share(terms, piece, soft, glossary)
                value += KIND_WEIGHT * (bool(terms.kind) and answertypes.satisfied(terms.kind, piece, list(pws)))
                longer = span == (0, len(text)) or len(piece) > span[1] - span[0]
                if value > best + 1e-9 or (abs(value - best) <= 1e-9 and value > 0 and longer):
                    best, span = value, (a, a + len(piece))
        if best >= whole - 1e-6 or (pattern is _PHRASE_END and best > 0):
            clauses = sorted({0, len(text), *(m.end() for m in _CLAUSE_END.finditer(text))})
            return cues.past_the_condition(text, span, clauses, limit, lambda t: words_share(terms, t, soft, glossary))
    return 0, len(text)
