"""Evidence: what a candidate passage has of the question, as features for the abstention model.

Per question: its terms (terms.py: content words, numbers and years, names, the kind of answer
asked). Per candidate passage: how much of that it holds (``features``), whether it can be an answer
at all (``admissible``: every number and every multi-word name must be in the passage or
in its section or document title) and which words no shown quote mentions (``missing``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from assistant.answering import (
    answertypes,
    aspects,
    figures,
    lists,
    meaning,
    people,
    periods,
    relatives,
    subjects,
)
from assistant.answering.glossary import Glossary

# The question's side is terms.py; the names of it that callers reach through evidence are
# re-exported (F401).
from assistant.answering.terms import (  # noqa: F401
    DOCUMENT_FRAME,
    DOCUMENT_TAIL,
    QUESTION_WORDS,
    Terms,
    figures_in,
    form_stems,
    frame_words,
    informative,
    key_of,
    negated_stems,
    question_terms,
)
from assistant.index.lexical import _stemmer, stopwords, token_set, words

if TYPE_CHECKING:
    from assistant.answering.retrieval import Hit

FEATURES = (
    "coverage",
    "coverage_text",
    "gap",
    "key_missing",
    "agreement",
    "similarity",
    "bm25",
    "names",
    "unseen",
    "margin",
)


def times_spanned(terms: Terms, text: str, as_figures: bool = False) -> set[str]:
    """The question's times of day ("3am") that a span of ``text`` holds ("between 5pm and
    9am"): their stems, or the figures they are read as (meaning.in_a_span)."""
    out: set[str] = set()
    for stem, word in terms.words.items():
        for read, hhmm in meaning.clock_times(word) if any(c.isdigit() for c in word) else []:
            if meaning.in_a_span(hhmm, text):
                out |= read if as_figures else {stem}
    return out


def figures_lacking(terms: Terms, figures: frozenset[str] | set[str]) -> list[str]:
    """The question's figures that ``figures`` (figures_in) does not hold, in any writing."""
    return sorted(n for n in terms.numbers if n not in figures and not terms.equivalents.get(n, frozenset()) & figures)


def spelled_held(terms: Terms, figures: frozenset[str]) -> set[str]:
    """The question's number words whose figure a text holds however written ("twenty-four
    hours" asked, "open 24 hours" shown): held as words too, for coverage and the gap."""
    return {s for s, spelled in terms.spelled.items() if spelled & figures}


def covered(terms: Terms, have: set[str] | frozenset[str], glossary: Glossary) -> set[str]:
    """The question's stems a text holds, word for word (a noun in either number: "men" is held
    by "man") or through a glossary phrase."""
    out = {s for s, w in terms.words.items() if s in have or form_stems(w) & have}
    out |= {s for s, negative in terms.negated.items() if negative in have}  # "not happy": "unhappy"
    for m in terms.groups:
        if glossary.covered_by(m.group, have):
            out |= m.tokens & set(terms.words)
    return out


def own_heading(index, doc_id: str, start: int) -> str:
    """The heading of the section a passage is in, unless it is its document's first heading."""
    doc = index.documents[doc_id]
    section = doc.section_at(start)
    return section.title if section is not None and doc.sections and section is not doc.sections[0] else ""


def context_text(index, doc_id: str, start: int) -> str:
    """What a quote is shown with: its document's title and author, and its section path."""
    doc = index.documents[doc_id]
    section = doc.section_at(start)
    meta = doc.meta
    return " ".join([meta.title, meta.author, meta.publisher, " ".join(section.path) if section else ""])


@dataclass
class Candidate:
    """A retrieved passage with the evidence that it answers: features for the calibration,
    and whether it may answer at all (right names, numbers and kind of answer: ``admissible``).

    Whether it may answer is judged when first asked (``judge``), then kept: an answer asks it
    only of the passages whose score could be shown or could be its confidence."""

    hit: Hit
    tokens: frozenset[str]  # the passage's stems
    context: frozenset[str]  # stems of its title, date and section path
    features: dict[str, float]
    judged: bool | None  # whether it may answer; None until ``admissible`` is first asked
    score: float = 0.0
    soft: dict[str, str] = field(default_factory=dict)  # question stem -> passage word of the same meaning
    judge: Callable[[], bool] | None = field(default=None, repr=False, compare=False)

    @property
    def admissible(self) -> bool:
        if self.judged is None:
            self.judged = self.judge() if self.judge is not None else False
            self.judge = None  # what it was judged on is no longer needed
        return self.judged


SOFT_CANDIDATES = 6  # candidates (in retrieval order) whose words are matched by meaning
WARM_CHARS = 5_000_000  # the first this many characters of an index give the words encoded at load
WARM_WORDS = 5_000  # at most this many, the most frequent first (about 5 s of encoding at most)
NEW_WORDS = 64  # passage words a question may encode; the rest wait for a later question


@lru_cache(maxsize=4096)
def word_stems(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's lower-cased words and their stems, position by position (remembered)."""
    ws = tuple(words(text))
    return ws, tuple(_stemmer().stemWords(list(ws))) if ws else ()


@lru_cache(maxsize=4096)
def content_words(text: str) -> tuple[str, ...]:
    """The distinct words of a text that can match a question word by meaning."""
    stop = stopwords()
    return tuple(dict.fromkeys(w for w in words(text) if meaningful(w) and w not in stop))


def warm_words(vectors, texts: list[str]) -> int:
    """Encode the words of ``texts`` that questions may match by meaning (the most frequent
    ``WARM_WORDS`` of the first ``WARM_CHARS`` characters): a first question about them then
    pays nothing (a cold word costs about 1 ms). Rarer words of a larger index are encoded as
    their passages come up (``NEW_WORDS`` a question at most)."""
    from collections import Counter

    sample, size = [], 0
    for t in texts:
        if size >= WARM_CHARS:
            break
        sample.append(t[: WARM_CHARS - size])
        size += len(sample[-1])
    counts = Counter(w for t in sample for w in words(t) if meaningful(w))
    todo = [w for w, _ in counts.most_common(WARM_WORDS) if w not in stopwords()]
    for at in range(0, len(todo), 1024):
        vectors.of(todo[at : at + 1024])
    return len(todo)


def meaningful(word: str) -> bool:
    """A word that can be matched by meaning: not a figure, not a word of everyday English."""
    return word.isalpha() and len(word) > 1 and word not in answertypes.NUMBER_WORDS and not meaning.common(word)


def soft_eligible(terms: Terms, stem: str) -> bool:
    """Names and figures are matched word for word only."""
    return (
        stem not in terms.propers
        and stem not in terms.capitals
        and stem in terms.words
        and meaningful(terms.words[stem])
    )


def soft_matches(
    terms: Terms, wanted: set[str], words_: tuple[str, ...], vectors, bar: float = meaning.MATCH
) -> dict[str, tuple[str, float]]:
    """Question stems in ``wanted`` that one of ``words_`` matches by meaning: stem -> (that
    word, cosine). The question's question words are those in ``terms.vectors`` (with_vectors)."""
    q = {s: terms.vectors[s] for s in wanted if s in terms.vectors}
    if not q or not words_ or vectors is None:
        return {}
    rows, freqs = vectors.matrix(words_)
    found = meaning.best_matches({terms.words[s]: v for s, v in q.items()}, words_, rows, freqs)
    return {
        s: found[terms.words[s]]
        for s in q
        if found[terms.words[s]][1] >= bar
        and preferred(terms, s, found[terms.words[s]][0])
        and not aspects.opposite_sex(terms.words[s], found[terms.words[s]][0])
    }


def preferred(terms: Terms, stem: str, word: str) -> bool:
    """Is ``word`` the documents' own word for the question's ``stem``? A question word the
    documents use as often is matched word for word: "mothers" is not "fathers" (cosine 0.66)
    where the documents speak of both. It is matched by meaning only when the documents use
    the other word at least ``meaning.PREFERRED`` times as often (passages holding each)."""
    if terms.df is None or meaning.same_lemma(terms.words.get(stem, ""), word):
        return True  # "midwives" is the plural of "midwife", whatever the stemmer makes of it
    mine = terms.df(stem)
    return not mine or terms.df(_stemmer().stemWord(word)) >= meaning.PREFERRED * mine


def with_vectors(terms: Terms, vectors) -> None:
    """Vectors of the question's words that may be matched by meaning, kept on ``terms``."""
    if vectors is None or terms.vectors:
        return
    qwords = {s: w for s, w in terms.words.items() if soft_eligible(terms, s)}
    vecs = vectors.of(list(qwords.values()))
    terms.vectors = {s: vecs[w] for s, w in qwords.items()}


def assess(terms: Terms, hits: list[Hit], index, glossary: Glossary, vectors=None) -> list[Candidate]:
    """Features and admissibility of each candidate passage. ``vectors`` (meaning.WordVectors)
    lets a question word be matched by a passage word of the same meaning; without it, by stem."""
    sims = sorted((h.similarity for h in hits), reverse=True)
    margin = sims[0] - sims[1] if len(sims) > 1 else (sims[0] if sims else 0.0)
    texts = []
    for h in hits:
        p = h.passage
        texts.append((index.documents[p.doc_id].text[p.start : p.end], context_text(index, p.doc_id, p.start)))
    # The passage's own section heading says what it is about ("6. Police update"); the document's
    # first heading, like its title, names every passage of it (people.deed).
    asked_of = terms.people
    wanted = bool(asked_of and (asked_of.deed or asked_of.advised or asked_of.advisee))
    own = [partial(own_heading, index, h.passage.doc_id, h.passage.start) if wanted else "" for h in hits]
    with_vectors(terms, vectors)
    if terms.propers:  # "if Priya is off": the post a table row gives her ("Safeguarding lead | Dr Priya ...")
        roles = people.name_roles(index)
        terms.roles = {p: roles[p] for p in terms.propers if p in roles}
    known = None
    if terms.vectors:
        known = vectors.known(
            [w for t in texts[:SOFT_CANDIDATES] for part in t for w in content_words(part)], NEW_WORDS
        )
    return [
        _candidate(terms, h, *texts[i], glossary, vectors if i < SOFT_CANDIDATES else None, known, margin, own[i])
        for i, h in enumerate(hits)
    ]


def _share(terms: Terms, stems, soft=None) -> float:
    """idf share of the question held: a word matched by meaning counts by its cosine."""
    total = sum(terms.telling.values())
    soft = {s: sim for s, (_, sim) in (soft or {}).items() if s not in stems}
    held = sum(terms.telling[s] for s in stems) + sum(terms.telling[s] * sim for s, sim in soft.items())
    return held / total if total else 0.0


def _candidate(
    terms: Terms,
    h: Hit,
    text: str,
    ctx_text: str,
    glossary: Glossary,
    vectors,
    known,
    margin: float,
    heading: str | Callable[[], str] = "",
):
    """One passage judged: what of the question it holds (``vectors``: by meaning too), as the
    features the calibration weighs, and whether its names, numbers and kind of answer fit
    (``admissible``, judged when first asked; ``heading`` may be a function giving it)."""
    have, ctx = token_set(text), token_set(ctx_text)
    exact_text = covered(terms, have, glossary) | spelled_held(terms, figures_in(text)) | times_spanned(terms, text)
    exact_text |= values_held(terms, text)  # "rhi timescale": "within 72 hours" holds the timescale
    exact = covered(terms, have | ctx, glossary) | exact_text | spelled_held(terms, figures_in(ctx_text))
    soft_text = soft_ctx = {}
    if vectors is not None and known is not None:
        in_text, in_ctx = known(content_words(text)), known(content_words(ctx_text))
        soft_text = soft_matches(terms, set(terms.words) - exact_text, in_text, vectors)
        soft_ctx = soft_matches(terms, set(terms.words) - exact - set(soft_text), in_ctx, vectors)
    got = exact | set(soft_text) | set(soft_ctx)
    both = have | ctx
    caps = terms.capitals
    names_share = len(caps & (both | set(covered(terms, both, glossary)))) / len(caps) if caps else 1.0
    feats = features(terms, h, exact, exact_text, soft_text, soft_ctx, got, names_share, margin)
    soft = {s: w for s, (w, _) in {**soft_ctx, **soft_text}.items()}

    def judge() -> bool:
        own = heading() if callable(heading) else heading
        return admissible(terms, text, ctx_text, glossary, have, ctx, exact, exact_text, soft_text, got, own)

    return Candidate(h, have, ctx, feats, None, soft=soft, judge=judge)


def admissible(
    terms: Terms, text: str, ctx_text: str, glossary: Glossary, have, ctx, exact, exact_text, soft_text, got, heading
) -> bool:
    """May the passage answer at all: its names, numbers, period, kind of answer, what is asked
    of the thing named, and the long form of an abbreviation asked about (``_candidate``)."""
    both = have | ctx
    # A name's words in the passage, or an acronym of it through the glossary ("Child K LCSPR").
    if not all(n <= both | exact | spelled_out(n - both - exact, text, ctx_text) for n in terms.names):
        return False
    held = both | exact  # every single name; of "Dr Hesketh or Dr Tregear?", one
    if not terms.propers <= held | people.held_by_post(terms.roles, both) or not all(c & held for c in terms.choices):
        return False
    # "Pellingbrook has its own procedure", "adult social care has its own line": another's.
    if not terms.polar and subjects.another_s(terms.propers - ctx, terms.pairs, text, set(terms.words)):
        return False
    if not all(answertypes.names_pseudonym(text + "\n" + ctx_text, p) for p in terms.pseudonyms):
        return False
    if not (terms.polar or terms.kind in ("date", "when")) and any(
        aspects.only_pending(p, text) and not answertypes.names_pseudonym(ctx_text, p) for p in terms.pseudonyms
    ):
        return False  # "a separate brief, Young Person M, will appear in the autumn" holds nothing of it
    if figures_lacking(terms, figures_in(text) | figures_in(ctx_text) | times_spanned(terms, text, True)):
        return False
    # a guide "for young people aged 11 to 18", asked about a 9 year old
    if terms.ages and meaning.ages_outside(terms.ages, f"{text}\n{ctx_text}"):
        return False
    # a pathway whose title says whom it is for ("young people aged 11 to 17") answers for a baby only
    # which pathway is theirs ("babies follow pathway 3"), not what to do about the baby's bruise
    if terms.ages and meaning.ages_outside(terms.ages, ctx_text) and not set(terms.words) <= got:
        return False
    if terms.period:  # March 2024, not September, and said of what is asked, not a review's publication
        about = set(terms.words) - terms.propers - set(token_set(" ".join(answertypes.MONTHS)))
        if not periods.held(terms.period, f"{text}\n{ctx_text}", about):
            return False
    if not periods.season_held(terms.season, f"{text}\n{ctx_text}"):  # autumn 2027: a date in it
        return False
    # "what did the 2022 version say": a passage naming 2022 only as the version it replaced
    if terms.kind not in ("date", "when") and not terms.polar:
        if periods.replaced_only(terms.versions, f"{text}\n{ctx_text}"):
            return False
    if terms.kind in ("count", "money"):  # the year counted, as a period: not a day's date
        counted = figures_in(aspects.without_dates(text)) | figures_in(aspects.without_issue_dates(ctx_text))
        if not aspects.years(terms.numbers) <= counted:
            return False
    # Teasel's, not his sister's
    if subject_elsewhere(terms, exact, got) or relatives.another_relative(terms.relatives, f"{text}\n{ctx_text}"):
        return False
    # "what does the nursery guidance say ...?": a passage of the nursery's document (its title,
    # author or section names it), not one naming a nursery in a case it tells
    if not set(terms.owners) <= ctx | exact - exact_text:
        return False
    # "the number for the league chairman": a passage of the welfare officer's number is another's
    if unknown_compound(terms, got) or only_names_held(terms, got) or terms.rung in set(terms.words) - got - ctx:
        return False
    # What an abbreviation means is its long form: a passage only using "s47" does not say it.
    if terms.defined and not any(p <= both for p in terms.defined):
        return False
    return answers_kind(terms, text, ctx, {s: w for s, (w, _) in soft_text.items()}, glossary) and asked_of_it(
        terms, text, ctx_text, have, ctx, soft_text, exact_text, got, heading, glossary
    )


def subject_elsewhere(terms: Terms, exact, got) -> bool:
    """Is whom the question asks of not the people the passage speaks of? "Do the ambulance crews
    flag ...?": when no document names them in any of its words, not the staff a passage speaks
    of, however near in meaning; or another of a kind the documents know (``another_of_kind``).
    A relative ("my mate's mum") is held by the general word ("parents"): relatives.py judges it."""
    if terms.subject and relatives.is_kin(terms.subject[-1]):
        return False
    if terms.subject and terms.df is not None and not any(terms.df(s) for s in terms.subject):
        if not set(terms.subject) & exact:
            return True
    return another_of_kind(terms, got)


def another_of_kind(terms: Terms, got) -> bool:
    """ "Is the ambulance service taking part?": a word no document has, modifying a head of the
    subject the documents know ("service"), names another of its kind (another agency's); a
    passage without it (by meaning too) is about the others. An unknown head ("a lunchtime
    supervisor") may be any staff, and is left to the other evidence."""
    if len(terms.subject) < 2 or terms.df is None or not terms.df(terms.subject[-1]):
        return False
    # "my night staff", "the weekend team": when they work, not another of their kind
    return not {s for s in terms.subject[:-1] if not terms.df(s) and s not in WORKING_TIMES} <= got


WORKING_TIMES = frozenset("night day weekend evening morn afternoon overnight late earli shift".split())  # stems


def unknown_compound(terms: Terms, got) -> bool:
    """Is the question about a thing no document names, held only by a word that modifies it?
    "Which council tax band ...?": no document speaks of tax, so "council" of "the council and its
    partners" is not the council of council tax; with no other word of the question held, the
    passage is about something else."""
    if terms.df is None:
        return False
    # "the homeless protocol": a text's kind names how the asker knows the thing, not another thing
    genre = {s for s, w in terms.words.items() if w.lower() in answertypes.TEXTS}
    loose = {m for m, head in terms.pairs_nn if m in got and not terms.df(head) and head not in genre}
    plain = {s for s, w in terms.words.items() if w.islower()} - terms.propers - loose
    return bool(loose) and not plain & got


def only_names_held(terms: Terms, got) -> bool:
    """Is nothing of the question held but the names of where it is? "pothole report tarnbury":
    every other word is one no document holds, nor any word of the passage by meaning."""
    if not terms.propers or terms.df is None:
        return False
    rest = set(terms.words) - terms.propers - terms.capitals
    return bool(rest) and not rest & got and not any(terms.df(s) for s in rest)


def spelled_out(stems: set[str], text: str, ctx_text: str) -> set[str]:
    """The abbreviations among ``stems`` that the passage or its heading spells out by their
    initials ("EDT" of "Fellbridge EDT": the emergency duty team)."""
    if not stems:
        return set()
    shown = words(text + "\n" + ctx_text)
    return {s for s in stems if meaning.spelled_by_initials(s, shown)}


def asked_of_it(
    terms: Terms, text: str, ctx_text: str, have, ctx, soft_text, exact_text, got, heading="", glossary=None
) -> bool:
    """Does the passage give what the question asks of the thing it names (aspects)?"""
    # A review only named tells nothing of its findings; a heading's "learning" is not the review's.
    if not aspects.states_of(terms.aspect, terms.thing, text, ctx_text, have, ctx):
        return False
    said_by = {w for s, (w, _) in soft_text.items() if terms.words.get(s, "").lower() in terms.speaker}
    by_gloss = len(terms.speaker) == 1 and terms.speaker[0] in {terms.words[s].lower() for s in exact_text}
    if by_gloss and glossary is not None:  # "dad" held as "father": a word to find, as any other
        words_for = glossary.one_word_synonyms(terms.speaker[0])
        said_by, by_gloss = (said_by | words_for, False) if words_for else (said_by, by_gloss)
    if not aspects.says(terms.speaker, text, said_by, by_gloss):  # the dad speaks, not the mother
        return False
    if terms.names_asked and not aspects.has_names(text):
        return False
    by_meaning = {s: w for s, (w, _) in soft_text.items()}
    glossed = set(exact_text) - have
    return (
        aspects.names_another(terms.succession, text)  # not the chair the question starts from
        and not aspects.qualified_otherwise(terms.pairs, text, got)  # children's social care, not adults'
        # "online harm" is one thing; of "neglect and information sharing" one part will do. A
        # word held only through a glossary phrase ("nosy questions": "professional curiosity") is
        # held as that phrase, so it is not looked for word by word.
        and (
            not any(terms.topic)  # "... about online bullying ... anything about it": "it" names no part
            or any(
                part and part <= got and aspects.together(part - glossed, text, by_meaning, ctx) for part in terms.topic
            )
        )
        and people.fits(terms.people, text, got, by_meaning, glossed, heading, ctx)  # the role, the name, the agency
        and lists.lists(terms.listed, text)  # "what are the six themes?": the themes, not their number
        # "can I get my bins collected?": a thing no document speaks of, held by no word of the passage
        and (not terms.acted or terms.acted in got or terms.df is None or terms.df(terms.acted) > 0)
        and (not terms.toward or terms.toward in got)  # "take my child on holiday": the holiday
        # "how many of the referrals were about neglect?": a figure of all referrals is not it
        and figures.which_held(counted_by(terms), got, lambda left: held_otherwise(terms, left, [text, ctx_text]))
        # a length of time, of the thing asked (in the words the index knows: not "ed" of "home ed")
        and figures.timed_together(
            {s for s in terms.timed - glossed if terms.df is None or terms.df(s)}, terms.act, text, by_meaning, ctx
        )
    )


def counted_by(terms: Terms) -> set[str]:
    """The stems of the words saying which part a partitive count counts (figures.part_counted)
    that are not everyday English: each must be in the passage or its heading (by stem, glossary
    or meaning) for its figure to be the part asked. A part the index never names ("hoarding")
    is counted nowhere, unless a passage says it in other words."""
    if terms.kind not in ("count", "money") or not terms.part:
        return set()
    values = set().union(*VALUE_WORDS.values())
    return {
        s
        for s, w in terms.words.items()
        if w in terms.part
        and not meaning.common(w)  # "hoarding", a verb's form, says which part as much as a noun
        and w not in values
        and s not in terms.asking
    }


def features(
    terms: Terms, h: Hit, exact, exact_text, soft_text, soft_ctx, got, names_share: float, margin: float
) -> dict[str, float]:
    """The evidence the calibration weighs, one number per name in ``FEATURES``."""
    total, idf_total = sum(terms.telling.values()), sum(terms.weights.values())
    coverage = _share(terms, exact, {**soft_ctx, **soft_text})
    # The weightiest question word the quote lacks: one rare word missing ("online",
    # "methodology") often means another topic, even when the rest matches.
    gap = max((terms.telling[s] / total for s in terms.words if s not in got), default=0.0) if total else 0.0
    return {
        "coverage": coverage,
        "coverage_text": _share(terms, exact_text, soft_text),
        "gap": gap,
        # The question's rarest word the index holds at all is the one it is about.
        "key_missing": float(bool(terms.key) and terms.key not in got),
        "agreement": coverage * h.similarity,  # wording and meaning must both agree
        "similarity": h.similarity,
        "bm25": min(1.5, h.bm25 / idf_total) if idf_total else 0.0,  # BM25 weighs by the index's idf
        "names": names_share,
        "unseen": terms.unseen,
        "margin": margin,
    }


def target_marks(terms: Terms, text: str, soft: dict[str, str], glossary: Glossary) -> list[bool]:
    """Which words of ``text`` are the thing a count question counts: by stem, by meaning, or
    a whole glossary phrase of the same group ("local review" for "LCSPRs")."""
    ws, stems = word_stems(text)
    by_meaning = {soft[s] for s in terms.target if s in soft}
    marks = [st in terms.target or w in by_meaning for w, st in zip(ws, stems, strict=False)]
    for m in terms.groups:
        if not m.tokens & terms.target:
            continue
        for phrase in glossary.groups[m.group]:
            n = len(phrase)
            for i in range(len(stems) - n + 1):
                if tuple(stems[i : i + n]) == phrase:
                    marks[i : i + n] = [True] * n
    if terms.target & _CHILD_STEMS:  # "how many other children live there": "four young people"
        marks = [m or c for m, c in zip(marks, children_at(ws), strict=True)]
    return marks


def children_at(ws) -> list[bool]:
    """Which of the words ``ws`` name children: "children", "pupils", "young people"."""
    return [
        w in _CHILDREN or (w == "young" and tuple(ws[i + 1 : i + 2]) in (("people",), ("person",)))
        for i, w in enumerate(ws)
    ]


# Words for children, which count what "how many children / kids" asks (a closed class of English).
_CHILD_STEMS = frozenset({"child", "children", "kid"})
_CHILDREN = frozenset("children child kids boys girls pupils teenagers youngsters".split())


def answers_kind(terms: Terms, text: str, ctx: frozenset[str], soft: dict[str, str], glossary: Glossary) -> bool:
    """Does the passage hold the kind of answer asked for (answertypes)? A count needs a
    figure next to what it counts, unless that is named only in the heading."""
    if terms.kind in ("", "name"):
        return True
    if terms.kind == "when" and terms.clock and not answertypes.gives_clock(text):
        return False  # "what time is the Christmas service?": a passage with no time of day
    text = answertypes.without_clause_numbers(text)
    if terms.kind in ("count", "money"):
        text = answertypes.without_phone_numbers(text)
    if terms.kind == "count" and not states_statistic(terms, text, soft):
        return False
    proportion = terms.kind == "count" and bool(terms.asking & answertypes.PROPORTION_FRAME)
    text = text.replace("%", " per cent") if proportion else text
    ws, _ = word_stems(text)
    marks = None
    if terms.kind == "count" and terms.target:
        marks = target_marks(terms, text, soft, glossary)
        if not any(marks) and not (terms.target & ctx):
            marks = [False] * len(ws)  # what it counts is nowhere: no figure can be attached to it
        elif not any(marks):
            marks = None  # named in the heading: any figure of the passage
    asked = "proportion" if proportion else terms.kind
    if marks is not None and any(marks):  # a figure said of what it counts: in the sentence naming it
        of = (
            figures.said_of(terms.words, terms.target, terms.propers | terms.capitals) if proportion else set()
        )  # and of what is asked of it
        # A table's figures are of what its heading or its lead-in names ("The service saw 240 young
        # people ...", then "Bullying | 120 | 50%"): its rows need not name it again.
        named = bool(terms.target & ctx)
        led = figures.tables_led(text, lambda s: named or any(target_marks(terms, s, soft, glossary)))
        return figures.in_one_sentence(
            text,
            lambda s: (
                answertypes.satisfied(
                    asked,
                    s,
                    list(word_stems(s)[0]),
                    None if s in led else target_marks(terms, s, soft, glossary),
                    figures.SENTENCE_WINDOW,
                )
                and figures.holds_some(of, s, soft)
            ),
        )
    return answertypes.satisfied(asked, text, list(ws), marks)


def states_statistic(terms: Terms, text: str, soft: dict[str, str]) -> bool:
    """Does ``text`` give a figure of the kind of statistic the question asks for (an average, a
    median: answertypes.STATISTICS), in a sentence naming it (by stem or meaning)? "47 children
    were waiting" is a count, not the average wait. True when the question asks for none."""
    kinds = set(terms.words) & answertypes.STATISTICS
    if not kinds:
        return True
    return figures.in_one_sentence(
        text, lambda s: figures.holds_some(kinds, s, soft) and answertypes.any_figure(list(word_stems(s)[0]))
    )


def shown_text(index, doc_id: str, start: int, end: int) -> str:
    """A quote as the reader sees it: its words, its section and its document's title."""
    return index.documents[doc_id].text[start:end] + "\n" + context_text(index, doc_id, start)


def reportable(word: str) -> bool:
    """Worth telling a reader it is missing: not a word of everyday English, and a word that
    can name what is asked about (not only a verb or an adverb)."""
    return not meaning.common(word) and not meaning.how_not_what(word) and word.lower() not in meaning.PRONOUNS


def worth_reporting(terms: Terms, word: str) -> bool:
    """A question word a reader should be told is missing: ``reportable``, not the question's
    verb ("what will the Panel *focus* on?" asks about the Panel's plans, not about focus),
    not the frame of a "when" question ("how *often*"), and not a fragment of a hyphenated word
    ("co" of "co-sleeping")."""
    if terms.task and word == terms.task:  # "how do I *complain*": a verb, but the task asked about
        return True
    frame = terms.kind == "when" and word in answertypes.HOW_TIME
    named = word.lower() in terms.gerunds and not meaning.common(word)  # "online bullying": a thing
    return (reportable(word) or named) and word not in terms.asking | terms.frames and not frame and len(word) > 2


def holds_too_little(terms: Terms, missing_words: list[str]) -> bool:
    """Are the quotes about something else? They lack (by stem, the glossary and meaning)
    every word of the question worth reporting (a kind of value they give, "deadline", is not
    what the question is about), or, for "how many X", any word that says which X: a figure of
    all children is not the number of children on plans. Words around the count (who asks,
    where to look: figures.which_counted) do not say which."""
    # A value the quotes give ("within five days" for a deadline) says nothing of what it is about.
    value_words = set().union(*VALUE_WORDS.values()) - set(missing_words)
    asked = [w for w in terms.words.values() if worth_reporting(terms, w) and w not in value_words]
    lacking = [w for w in asked if w in missing_words]
    if terms.role and terms.role in missing_words:  # "who is the designated doctor?": a nurse is named
        return True
    if terms.task and terms.task in missing_words:  # "how do I complain ...?": quotes on reporting a concern
        return True
    # "compare with England on private fostering notifications": the measure is what is asked; most
    # of its words lacking, the quotes compare something else
    measure = [w for w in asked if w.lower() in terms.measure]
    if measure and 2 * sum(w in missing_words for w in measure) >= len(measure):
        return True
    which = [w for w in lacking if terms.which is None or w in terms.which]
    # "in how many days do they give a school place": a length of time, not which things are counted
    counts = terms.kind == "count" and not (terms.target and terms.target <= answertypes.TIME_UNIT_STEMS)
    return bool(asked) and (len(lacking) == len(asked) or (counts and bool(which)))


# Nouns that name the kind of value a question asks for, not what it is about: "what is the
# *deadline* for...", "the *phone* number of...", "who is *responsible* for...". Held when a quote
# holds a value of that kind (a time, a phone number or an email address, a person or role).
VALUE_WORDS = {
    "time": frozenset(
        "date dates deadline deadlines time times timescale timescales timeframe timeframes period periods "
        "span duration quick quickly fast soon".split()
    ),
    "contact": frozenset("phone telephone number numbers email address".split()),
    "person": frozenset("responsible accountable person".split()),
}
_CONTACT = re.compile(r"\b\d[\d ]{5,}\d\b|\S+@\S+\.\w+")


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# A time a sentence gives: a clock time ("9.30am"), a year, or a span counted in units of time
# ("within five working days", "40 minutes").
_TIME_VALUE = re.compile(
    r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b|\b(?:19|20)\d\d\b|\b(?:\d+|"
    + "|".join(sorted(answertypes.NUMBER_WORDS))
    + r")(?:\s+working|\s+school|\s+calendar)?\s+(?:day|week|month|year|hour|minute)s?\b"
    # a point counted in a span: "by the 28th week of pregnancy", "on the third working day"
    + r"|\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    + r"twelfth|twentieth|thirtieth)(?:\s+working|\s+school|\s+calendar)?\s+(?:day|week|month|year|birthday)\b"
    + r"|\b(?:the\s+)?(?:same|next|following)\s+(?:working\s+|school\s+|calendar\s+)?day\b",
    re.I,
)


def gives_time(text: str) -> bool:
    """A date, a day, a clock time or a span of time: what a deadline or a "when" is answered by
    (not only a word of time: "in a year" gives none)."""
    return bool(_TIME_VALUE.search(text)) or bool(set(words(text)) & (answertypes.MONTHS | _WEEKDAYS))


def gives_contact(text: str) -> bool:
    """A phone number or an email address."""
    return bool(_CONTACT.search(text))


_NAMING = re.compile(r"\b(?:called|named|titled|entitled|known as)\b", re.I)


def gives_name(text: str) -> bool:
    """A naming: "a national review called ...", "known as ..."."""
    return bool(_NAMING.search(text))


def value_wanted(terms: Terms):
    """What a sentence must give to answer a question asking for a time, a contact or what
    something is called (a predicate of a text), or None."""
    asked = set(terms.words.values())
    if terms.kind == "when" or asked & VALUE_WORDS["time"]:
        return gives_time
    if asked & VALUE_WORDS["contact"]:
        return gives_contact
    if terms.kind == "name":
        return gives_name
    return None


def value_given(terms: Terms, word: str, texts: list[str]) -> bool:
    """Is ``word`` the name of the kind of value asked for, and do the quotes hold such a value?"""
    text = "\n".join(texts)
    if word in VALUE_WORDS["time"]:
        return answertypes.has_time(list(word_stems(text)[0])) or gives_time(text)
    if word in VALUE_WORDS["contact"]:
        return gives_contact(text)
    if word in VALUE_WORDS["person"]:
        return terms.kind == "who" and answertypes.has_person(text, list(word_stems(text)[0]))
    return False


# The value words a passage holds by giving such a value ("date" and "time" say which: "term dates").
_HELD_BY_VALUE = (
    (VALUE_WORDS["time"] - {"date", "dates", "time", "times"}, gives_time),
    (VALUE_WORDS["contact"], gives_contact),
)


def values_held(terms: Terms, text: str) -> set[str]:
    """The question's stems naming a kind of time or contact value ("timescale", "deadline",
    "phone") that ``text`` gives: a span, date or clock time, a phone number or an email address.
    The text is read only when the question names such a value (most do not)."""
    out: set[str] = set()
    for named, gives in _HELD_BY_VALUE:
        asked = {s for s, w in terms.words.items() if w.lower() in named}
        if asked and gives(text):
            out |= asked
    return out


def held_otherwise(terms: Terms, left: set[str], texts: list[str], vectors=None) -> set[str]:
    """Question stems in ``left`` the quotes hold in another form: an abbreviation spelled out
    ("EHE": elective home education), another form of the same word ("commonest": common), or
    a word of the same root and meaning ("visitors": visiting), whatever the documents prefer."""
    shown = [w for t in texts for w in words(t)]
    forms = frozenset().union(*(lemma_forms(t) for t in texts))
    out = set()
    children_shown = any(children_at(shown))
    for s in left:
        w = terms.words[s]
        if meaning.spelled_by_initials(w, shown) or meaning.lemmas_of(w) & forms:
            out.add(s)
        elif s in _CHILD_STEMS | {"young"} and children_shown:  # "children": "four young people"
            out.add(s)
    rest = {s for s in left - out if s in terms.vectors} if vectors is not None else set()
    if rest:
        # Each quote's words and stems are remembered on their own: a key joining the quotes
        # would be new for every answer, and the cache would fill with copies of them.
        stems = {w: st for t in texts for w, st in zip(*word_stems(t), strict=False)}
        kin = {s: [x for x, st in stems.items() if meaning.same_root(s, st) and meaningful(x)] for s in rest}
        vecs = vectors.of([x for xs in kin.values() for x in xs])
        for s, xs in kin.items():
            if any(float(terms.vectors[s] @ vecs[x]) >= meaning.MATCH for x in xs):
                out.add(s)
    return out


@lru_cache(maxsize=64)
def lemma_forms(text: str) -> frozenset[str]:
    """The lemmas of every word of a text (remembered for the last quotes shown: a quote's
    lemmas are some kilobytes, so few are kept; tests/test_load.py's heap test holds it)."""
    return frozenset(lemma for w in set(words(text)) if w.isalpha() for lemma in meaning.lemmas_of(w))


# The units of each scale of length (meaning.durations): years and months, or weeks, days and hours.
_SCALE_UNITS = {
    "months": frozenset("year years month months".split()),
    "hours": frozenset("fortnight fortnights week weeks day days hour hours".split()),
}


def units_held(terms: Terms, figures: set[str] | frozenset[str]) -> frozenset[str]:
    """The unit words of a length the quotes hold however they write it: "12 months" asked and
    "one year" shown holds "months" too (the length is one thing, its unit is part of it)."""
    lengths = {v for vs in terms.equivalents.values() for v in vs if v in figures}
    return frozenset().union(*(_SCALE_UNITS.get(v.rsplit(None, 1)[-1], frozenset()) for v in lengths))


def missing(terms: Terms, texts: list[str], glossary: Glossary, vectors=None) -> list[str]:
    """The question's content words that none of ``texts`` holds, word for word, through the
    glossary or by meaning (in the question's spelling); everyday words, the question's verb
    and the parts of a hyphenated word of which some part is held are never listed."""
    have: set[str] = set()
    for t in texts:
        have |= token_set(t)
    found = covered(terms, have, glossary) | {s for t in texts for s in times_spanned(terms, t)}
    left = {s for s in terms.words if s not in found and worth_reporting(terms, terms.words[s])}
    if left and vectors is not None:
        with_vectors(terms, vectors)
        shown = tuple(dict.fromkeys(w for t in texts for w in content_words(t)))
        shown = vectors.known(list(shown), NEW_WORDS)(shown)
        found |= set(soft_matches(terms, left, shown, vectors))
    left = {s for s in left if s not in found}
    if left:
        found |= held_otherwise(terms, left, texts, vectors)
    held_words = {w for s, w in terms.words.items() if s in found}
    # "co-sleeping", "long-standing": one word, not missing when a part of it is held, and an
    # everyday part ("long") makes it a modifier, not what is asked about ("peer-on-peer" stays).
    stop = stopwords()
    partial = {
        p
        for c in terms.compounds
        if held_words & set(c) or any(meaning.common(p) and p not in stop for p in c)
        for p in c
    }
    out = [w for s, w in terms.words.items() if s not in found and worth_reporting(terms, w) and w not in partial]
    out = [w for w in out if not value_given(terms, w, texts)]
    shown_numbers: set[str] = set().union(*(figures_in(t) | times_spanned(terms, t, True) for t in texts))
    out = [w for w in out if w not in units_held(terms, shown_numbers)]
    out += figures_lacking(terms, shown_numbers)  # "2019" asked, only 2020 shown
    for p in terms.pseudonyms:  # "Child T", not "t"
        if not any(answertypes.names_pseudonym(t, p) for t in texts):
            tail = p.rsplit(None, 1)[1].lower()
            out = [w for w in out if w != tail] + [p]
    return out
