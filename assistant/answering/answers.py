"""Answers: the Assistant and its rules: verbatim quotes with highlights, or a plain abstention.

The shapes it returns are in models.py, their citations in citations.py."""

from __future__ import annotations

import dataclasses
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answering import (
    adjacent,
    answertypes,
    asking,
    calibration,
    evidence,
    glossary,
    initials,
    leadin,
    marking,
    meaning,
    metrics,
    privacy,
    signpost,
    urgency,
)
from assistant.answering.retrieval import Hit, hybrid, imprint, retrieval
from assistant.index.lexical import stopwords, tokenize, words
from assistant.index.store import Index
from assistant.ingest import library
from assistant.ingest.passages import Passage
from assistant.quoting.models import Answer, Signpost, make_quote

if TYPE_CHECKING:
    from assistant.encoding.embeddings import QueryEncoder

ANSWERED = (
    "These passages from the report match your question. They are quoted exactly, "
    "with where they come from; read them in context before relying on them."
)
PARTIAL = (
    "These are the closest passages, but they do not mention every word of your question "
    "(see what is missing). They are quoted exactly, with where they come from; read them in "
    "context before relying on them."
)
ABSTAINED = (
    "The report does not seem to cover this. Try rephrasing your question with the "
    "words the report might use, or browse the report's sections."
)

# A follow-up leans on the question before it: it opens like a continuation, refers back
# with a pronoun, or has too few words of its own to search.
_FOLLOW_UP_START = re.compile(
    r"^(and|but|or|so|also|then|what about|how about|what of|same for|what if|for|as for|and what)\b", re.I
)
_PRONOUN = re.compile(r"\b(it|its|they|them|their|he|she|him|his|her|hers|those|these)\b", re.I)
# "it" that only tells the time: "it's 3am", "it is Sunday", "it's the weekend", "it's late".
_TIME_IT = re.compile(
    r"it(?:['’]s|\s+is|\s+was)\s+(?:now\s+)?(?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b|midnight\b|late\b|"
    r"(?:a\s+|the\s+)?(?:weekend|evening|night|morning|afternoon|bank\s+holiday|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)s?\b)",
    re.I,
)
MIN_OWN_WORDS = 2  # content words a question needs to be searched on its own
SHOW_SHARE = 0.4  # an answer shows passages scoring at least this share of the threshold
RANK_FUSION = 0.25  # weight of the retrieval fusion score in the order of the quotes shown (shown_order)
RANK_COVERAGE = 0.25  # weight of the share of the question a passage holds, in that order
GLOSSARY_RECHECK_S = 1.0  # how often a question may look for edits to the glossary files


def clean_question(text: str) -> str:
    """Drop control characters and collapse whitespace; keep every printable script and emoji."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf" or c in "\u200d")
    return re.sub(r"\s+", " ", text).strip()


def asked_before(history: list[str] | None) -> list[str]:
    """The earlier questions of ``history``, cleaned, without the empty ones."""
    return [q for q in map(clean_question, history or []) if q]


def own_words(question: str) -> int:
    """How many content words a question has (frame words like "what does it say" left out)."""
    stop = evidence.QUESTION_WORDS | stopwords()
    return len({w for w in words(question) if w not in stop})


def effective_query(question: str, history: list[str] | None) -> str | None:
    """The follow-up rule: a question that leans on the previous one is read with it.

    It is merged with the last question in ``history`` when it opens like a continuation
    ("and ...", "what about ..."), refers back with a pronoun ("it", "they", "those"), or has
    fewer than two content words. A self-contained question ("what did Annie Hudson say",
    "what does it say about neglect?", where "it" is the documents) is always searched on its own.
    """
    asked = asked_before(history)
    if not asked:
        return None
    previous = asked[-1]
    if len(asked) > 1 and _REFINING.fullmatch(previous):  # "lado contacts 2025/26", "% met threshold", "last year"
        previous = f"{asked[-2]} {previous}"
    frame = evidence.DOCUMENT_FRAME.match(question)
    if frame:  # stands alone when what it asks about is named in it
        rest = question[frame.end() :]
        return None if own_words(rest) >= 1 and not _PRONOUN.search(rest) else f"{previous} {question}"
    if _FOLLOW_UP_START.match(question) or refers_back(question) or own_words(question) < MIN_OWN_WORDS:
        return f"{previous} {question}"
    if _THAT_START.match(question):  # "is that more than the year before?": that, the answer before
        return f"{previous} {question}"
    return None


# A search refined in a few typed words, with no word of asking ("% met threshold", "learning points"):
# it leans on the search before it, and so does what follows it.
_REFINING = re.compile(
    r"(?!.*\b(?:what|who|whom|where|when|why|how|which|is|are|was|were|do|does|did|can|could|should|will|would)\b)"
    r"\W*(?:[\w%/'’-]+\W*){1,3}",
    re.I,
)


# A question whose subject is "that" or "this", with nothing before it, points at what was asked or
# answered before ("is that more than the year before, and by how much?", "how does that compare?").
_THAT_START = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:is|was|are|were|does|did|has|had|will|would|can|could)\s+(?:that|this)"
    r"|(?:how|what)\s+(?:does|did|do|is|was)\s+(?:that|this)\s+compare)\b",
    re.I,
)


_OWN_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|do|does|did|will|would|can|could|should|must|may|might|shall|has|have|had)\b"
    r"|\b(?:what|who|where|when|how|why|which|it|there|he|she|they|we|you|i)['’](?:s|re|ve|ll|d|m)\b",
    re.I,
)
_POINTS_BACK = re.compile(r"\b(?:that|this|those|these|there|then|same|such|one|ones)\b", re.I)


def _enough(clause: str) -> bool:
    return own_words(clause) >= MIN_OWN_WORDS


def asked_text(question: str, history: list[str] | None, query: str | None) -> str:
    """What a passage must hold: the asking part of the question (leadin.asking_part), and of
    a follow-up the asking part of the question it leans on too. Greetings, sign-offs and
    background sentences only help find the passage (the whole text is what is searched)."""
    own = leadin.asking_part(question, _enough)
    if query is None:
        return own
    # "and will I get the minutes afterwards?": a follow-up that is a clause of its own (a verb with
    # its auxiliary) naming what it asks, with no word pointing back ("and the year before that?"
    # has none of its own), is searched with the question before it but holds a passage to its
    # own words.
    if _OWN_CLAUSE.search(own) and _enough(own) and not refers_back(own) and not _POINTS_BACK.search(own):
        return own
    previous = (asked_before(history) or [""])[-1]
    before = leadin.asking_part(previous, _enough).rstrip()
    # "does he get any pocket money" after "how many other children live there": a yes-or-no
    # question asks no count; a question mark ends the earlier one, so its own kind is read
    ended = before.endswith(("?", ".", "!")) or not answertypes.opens_polar(own)
    # "... three in ninety days. and have the risk levels changed at all": typed without its "?", a
    # yes-or-no follow-up is still the sentence asked (answertypes.asked_sentence)
    closed = own if own.rstrip().endswith(("?", ".", "!")) or not answertypes.opens_polar(own) else f"{own.rstrip()}?"
    return f"{before}{'' if ended else '?'} {closed}"


# A pronoun that opens a clause of the question after its own subject ("what should
# practitioners do when *they* suspect neglect?", "how do schools share *their* concerns?")
# points inside the question, not back to the one before.
_INNER = re.compile(
    r"\b(?:when|if|whenever|because|while|after|before|until|so|and|that|who|where|once)\s+(?:they|he|she|it)\b"
    r"|\b\w+s\s+(?:\w+\s+)?their\b",
    re.I,
)


def refers_back(question: str) -> bool:
    """Does a pronoun of the question refer to something outside it? Not when its own words
    come first and the pronoun opens a clause about them."""
    for m in _PRONOUN.finditer(question):
        if _TIME_IT.match(question, m.start()):  # "it's 3am": the time now, nothing pointed back to
            continue
        before = question[: m.start()]
        inner = [i for i in _INNER.finditer(question) if i.start() <= m.start() < i.end()]
        if not (inner and own_words(before) >= 1):
            return True
    return False


def _known_to(index: Index, gloss: glossary.Glossary | None = None):
    """Whether ``index`` holds any content word of a phrase, or ``gloss`` knows it ("PRU") (a
    self-correction is not taken to words the documents never use: leadin.unspoken)."""

    def known(phrase: str) -> bool:
        tokens = tokenize(phrase)
        return any(index.bm25.df(s) for s in tokens) or bool(gloss is not None and gloss.matches(tokens))

    return known


@dataclass(frozen=True)
class Judging:
    """What an index's answers are judged with: its glossary and its calibration."""

    glossary: glossary.Glossary
    calibration: calibration.Calibration
    checked: float = 0.0  # time.monotonic() when the glossary files were last looked at


@dataclass
class Retrieved:
    """What ``Assistant.candidates`` hands on to the answer, the finder and the evaluation."""

    query: str | None  # the question merged with the one before it (a follow-up), else None
    terms: evidence.Terms
    qvec: np.ndarray
    found: list[evidence.Candidate]  # assessed and scored, in retrieval order
    glossary: glossary.Glossary | None = None  # the index's, with the question's abbreviations (initials)


@dataclass
class Chosen:
    """A span picked for the answer: one or more overlapping passages of one section."""

    doc: str
    start: int
    end: int
    section: str | None  # section id
    sentences: list[tuple[int, int]]
    score: float
    row: int  # of the first passage, in the index's vectors
    id: str  # of the first passage


def only_names_document(c: evidence.Candidate, terms: evidence.Terms, index: Index) -> bool:
    """Is ``c`` an imprint (retrieval.imprint) that holds the question's words only because it
    names its document? An imprint answers when a document was issued or is due for review
    ("when", "what date"), who issued or wrote it (a "who" question whose verb it holds), and a
    figure it holds ("counted 482 notifications" in a summary's short first paragraph)."""
    if not imprint(index, c.hit.passage) or terms.kind in ("when", "date"):
        return False
    if terms.kind in ("count", "proportion", "money"):
        return False  # it holds a figure of the kind asked (evidence.answers_kind), not only names
    p = c.hit.passage
    if terms.kind != "who" or not terms.asking:
        return True
    held = set(words(index.documents[p.doc_id].text[p.start : p.end]))  # "wrote" is held by "written by"
    return not any(meaning.same_lemma(verb, w) for verb in terms.asking for w in held)


def shown_order(candidates: list[evidence.Candidate], terms: evidence.Terms, index: Index) -> list[evidence.Candidate]:
    """The order an answer shows its passages in. The probability that a passage answers is fit
    to answer or refuse, not to rank, and it flattens out near 1: passages of close probability
    are told apart by how well retrieval matched them (``RANK_FUSION`` of the fusion score) and
    how much of the question they hold (``RANK_COVERAGE`` of the coverage feature). An imprint
    that only names its document comes after passages of the body."""

    def rank(c: evidence.Candidate) -> float:
        return c.score + RANK_FUSION * c.hit.fused + RANK_COVERAGE * c.features.get("coverage", 0.0)

    return sorted(candidates, key=lambda c: (only_names_document(c, terms, index), -rank(c)))


def best_eligible(candidates: list[evidence.Candidate], gated: bool) -> evidence.Candidate | None:
    """The best-scoring candidate that may answer (any, when abstention is off): whether a
    passage may answer is judged best score first, and no further than the first that may."""
    ranked = sorted(candidates, key=lambda c: -c.score)
    return next((c for c in ranked if not gated or c.admissible), None)


def select(
    hits: list[Hit],
    index: Index,
    k: int,
    scores: dict[int, float],
    max_chars: int = 900,
    admits: Callable[[Hit], bool] | None = None,
) -> list[Chosen]:
    """Merge overlapping passages of one section (up to ``max_chars``), drop near-duplicates; keep ``k``.

    A hit ``admits`` refuses is passed over as if it were not there; it is asked only of a hit
    that would be kept or merged (what a passage passed over does to the others is nothing)."""
    chosen: list[Chosen] = []
    for hit in hits:
        p: Passage = hit.passage
        into: Chosen | None = None  # the passage shown that it overlaps, when it would be merged into it
        absorbed = False
        for c in chosen:
            if c.doc == p.doc_id and p.start < c.end and p.end > c.start:
                lo, hi = min(c.start, p.start), max(c.end, p.end)
                into = c if c.section == p.section_id and hi - lo <= max_chars else None
                absorbed = True  # merged, or overlapping text already shown
                break
            if float(index.passage_vectors[c.row] @ index.passage_vectors[hit.row]) > 0.97:
                absorbed = True  # the same words in another document or edition
                break
        if (absorbed and into is None) or (not absorbed and len(chosen) >= k):
            continue
        if admits is not None and not admits(hit):
            continue
        if into is not None:
            into.start, into.end = min(into.start, p.start), max(into.end, p.end)
            into.sentences = sorted(set(into.sentences) | set(p.sentences))
            continue
        chosen.append(Chosen(p.doc_id, p.start, p.end, p.section_id, list(p.sentences), scores[hit.row], hit.row, p.id))
    return chosen


class Assistant:
    """The core object: an index, a query encoder and the answering rules."""

    def __init__(self, settings, index: Index, encoder: QueryEncoder):
        self.settings = settings
        self.index = index
        self.encoder = encoder
        embedder = getattr(encoder, "embedder", None)  # words are matched by meaning with the same model
        self.vectors = meaning.shared(embedder) if embedder is not None else None
        self.counters = metrics.Counters()  # aggregate figures only
        self.question_log = privacy.QuestionLog.from_settings(settings)  # None unless the operator opted in

    def ask(
        self,
        question: str,
        k: int | None = None,
        history: list[str] | None = None,
        threshold: float | None = None,
        doc_ids: set[str] | None = None,
    ) -> Answer:
        """Answer with quotes, or abstain below ``threshold`` (default: the calibrated setting);
        ``doc_ids`` (a filter's documents) is all it searches, and all it judges abstention by."""
        started = time.perf_counter()
        seen: dict[str, np.ndarray] = {}  # the question's own vector, when it was searched alone
        if doc_ids is not None and not doc_ids:
            answer = Answer(clean_question(question), False, library.NO_MATCH)
        else:
            answer = self._answer(question, k, history, threshold, doc_ids, seen)
        embedder = getattr(self.encoder, "embedder", None)
        qvec = seen.get("question")
        if qvec is None and answer.answered and urgency.usable(embedder):
            qvec = self.encoder.encode_query(answer.question)  # a follow-up was searched merged
        quoted = "\n".join(q.text for q in answer.quotes)
        merged = answer.interpreted_as  # a follow-up, read with the questions before it
        help_now = signpost.for_answer(
            self.settings, answer.question, answer.answered, qvec, embedder, quoted, merged is not None, merged or ""
        )
        answer.signpost = Signpost.model_validate(help_now) if help_now is not None else None
        privacy.record(self.counters, self.question_log, answer, time.perf_counter() - started)
        return answer

    def warm_words(self, index: Index) -> int:
        """Encode the words of a small index's documents now, so that no question pays for
        them (evidence.warm_words); returns how many were encoded."""
        meaning.warm_up()
        embedder = getattr(self.encoder, "embedder", None)
        if urgency.usable(embedder):
            urgency.prototypes(embedder)  # the signpost's prototypes, encoded once (about half a second)
        if self.vectors is None:
            return 0
        return evidence.warm_words(self.vectors, [d.text for d in index.documents.values()])

    def evidence_for(self, index: Index) -> Judging:
        """The glossary and calibration of ``index`` (kept on it: a reload brings new ones).

        The glossary files are looked at again at most once a second (an operator's edit
        shows within a second), not on every question."""
        now = time.monotonic()
        cached: Judging | None = index.derived.get("evidence")
        if cached is not None and now - cached.checked < GLOSSARY_RECHECK_S:
            return cached
        root = index.path.parent.parent  # the index folder, beside CURRENT
        gloss = glossary.load(self.settings.glossary, root / glossary.FILE)
        same = cached is not None and cached.glossary is gloss
        cal = cached.calibration if cached is not None and same else calibration.load(root)
        judging = index.derived["evidence"] = Judging(gloss, cal, now)
        return judging

    def candidates(
        self,
        question: str,
        history: list[str] | None = None,
        index: Index | None = None,
        doc_ids: set[str] | None = None,
    ) -> Retrieved:
        """Retrieve and assess the passages for a question (or a follow-up, read with ``history``).

        Retrieval follows the settings (fusion, bm25_weight, rrf_k, candidates); the chat and
        the finder's "Similar meaning" both come through here."""
        index = index or self.index
        judging = self.evidence_for(index)
        gloss, cal = judging.glossary, judging.calibration
        # "um, so, is it just, just kids?": what was said, without the fillers of speech
        known = _known_to(index, gloss)
        question, history = (
            leadin.unspoken(question, known),
            [leadin.unspoken(h, known) for h in history or []] or history,
        )
        query = effective_query(question, history)
        # "EDT", "rhi": an abbreviation the glossary lacks, read as the phrase its initials spell.
        gloss, spelled = initials.widened(query or question, index, gloss)
        qvec = self.encoder.encode_query(initials.encoded_text(gloss.spelled_out(query or question), spelled))
        terms = evidence.question_terms(asked_text(question, history, query), index, gloss)
        if leadin.claim_checked(query or question):  # "Is it 50?", "in March 2021?": the asker's, to correct
            checked = leadin.claim_figures(query or question)
            terms = dataclasses.replace(terms, numbers=terms.numbers - checked, period=None)
        if query is not None:  # "and in the evening, who then?": the kind of answer a follow-up asks is its own
            terms = marking.asked_in(terms, question, query)
            # "a new social worker every 5 minutes?" then "so will i get one who stays the whole year":
            # the earlier question's figures (but its years, which say which period) are not asked again
            earlier = leadin.claim_figures(query) - leadin.claim_figures(question)
            terms = dataclasses.replace(terms, numbers=terms.numbers - earlier)
        s = self.settings
        hits = hybrid(index, qvec, query or question, doc_ids=doc_ids, extra=terms.extra, **retrieval(s))
        found = evidence.assess(terms, hits, index, gloss, self.vectors)
        for c in found:
            c.score = cal.score(c.features)
        return Retrieved(query, terms, qvec, found, gloss)

    def threshold(self, index: Index) -> float:
        """The bar an answer must clear: the setting when given, else the index's calibration."""
        if self.settings.min_confidence is not None:
            return self.settings.min_confidence
        return self.evidence_for(index).calibration.threshold

    def similar(self, text: str, index: Index, doc_ids: set[str] | None = None) -> tuple[np.ndarray, list]:
        """Passages close enough in meaning to be shown (the bar of an answer's quotes), in
        retrieval order: (query vector, [(hit, relevance)])."""
        got = self.candidates(text, None, index, doc_ids)
        bar = self.threshold(index) * SHOW_SHARE
        return got.qvec, [(c.hit, c.score) for c in got.found if c.score >= bar and c.admissible]

    def _beside(self, question, k, history, threshold, doc_ids, step: int, index: Index) -> Answer | None:
        """ "The bit after that": the sentence beside the last answer's marked one (adjacent.py),
        quoted with its passage; None when the question before has no answer or it has no neighbour."""
        before = self._answer(history[-1], k, history[:-1], threshold, doc_ids)
        if not before.answered or not before.quotes:
            return None
        first = before.quotes[0]
        found = adjacent.beside(index, first.document.id, adjacent.marked_span(first), step)
        if found is None:
            return None
        start, end, s, e, pid = found
        quote = make_quote(index.documents[first.document.id], start, end, [[s - start, e - start]], first.score, pid)
        asked = f"{before.interpreted_as or before.question} {clean_question(question)}"
        return Answer(clean_question(question), True, ANSWERED, [quote], asked, before.confidence, [])

    def _answer(
        self,
        question: str,
        k: int | None,
        history: list[str] | None,
        threshold: float | None,
        doc_ids: set[str] | None = None,
        seen: dict[str, np.ndarray] | None = None,
    ) -> Answer:
        """The words beside the last answer when the question asks for them (``_beside``), else
        the passages found for it (``_searched``)."""
        earlier = asked_before(history)
        chained = earlier and adjacent.steps_back(earlier) < adjacent.MAX_STEPS
        step = adjacent.step_asked(clean_question(question)) if chained else 0
        beside = self._beside(question, k, earlier, threshold, doc_ids, step, self.index) if step else None
        return beside if beside is not None else self._searched(question, k, history, threshold, doc_ids, seen)

    def _searched(self, question: str, k: int | None, history, threshold, doc_ids, seen) -> Answer:
        question = clean_question(question)
        k = k or self.settings.k
        index = self.index  # one consistent index for the whole answer, even during a reload
        gloss = self.evidence_for(index).glossary
        if threshold is None:
            threshold = self.threshold(index)
        gated = threshold > 0  # a threshold of 0 or less turns abstention off (evaluation, tests)
        got = self.candidates(question, history, index, doc_ids)
        query, terms, qvec, candidates = got.query, got.terms, got.qvec, got.found
        gloss = got.glossary or gloss
        if seen is not None and query is None:
            seen["question"] = qvec  # reused to judge urgency by meaning (signpost.for_answer)
        best = best_eligible(candidates, gated)
        confidence = round(best.score, 4) if best is not None else 0.0

        def abstain() -> Answer:
            closest = [
                evidence.shown_text(index, c.hit.passage.doc_id, c.hit.passage.start, c.hit.passage.end)
                for c in candidates[:k]
            ]
            missing = evidence.missing(terms, closest, gloss, self.vectors)
            missing = asking.for_reader(question, missing, closest, self.vectors, False, query, terms.indexed())
            return Answer(question, False, ABSTAINED, [], query, confidence, missing)

        if best is None or best.score < threshold:
            return abstain()
        # Answer when one passage clears the bar; then show the passages that come near it (a
        # second passage often holds the words the first lacks), best first (shown_order). Whether
        # one may answer is asked only of those select would show or merge.
        strong = shown_order([c for c in candidates if c.score >= threshold * SHOW_SHARE], terms, index)
        quotes, by_row = [], {c.hit.row: c for c in strong}
        marked_by = marking.marked_terms(terms, question, query)  # a follow-up asks its own kind of answer
        admits = None if not gated else lambda h: by_row[h.row].admissible
        scores = {row: c.score for row, c in by_row.items()}
        for c in select([c.hit for c in strong], index, k, scores, admits=admits):
            start, end, marks, listless = marking.mark(
                index, c, marked_by, qvec, by_row[c.row].soft, gloss, self.settings.highlight_margin
            )
            if listless and gated:  # a lead-in without its list is never the answer
                continue
            quotes.append(make_quote(index.documents[c.doc], start, end, marks, c.score, c.id))
        if not quotes:
            return abstain()
        shown = [evidence.shown_text(index, q.document.id, q.start, q.end) for q in quotes]
        missing = evidence.missing(terms, shown, gloss, self.vectors)
        too_little = gated and evidence.holds_too_little(terms, lacking_in(terms, missing, shown, question))
        missing = asking.for_reader(question, missing, shown, self.vectors, not too_little, query, terms.indexed())
        too_little = too_little or (gated and len(missing) >= MISSING_REFUSES)  # "the knife amnesty bins"
        if too_little:  # quotes that hold too little of what is asked about are close in tone, not an answer
            return Answer(question, False, ABSTAINED, [], query, confidence, missing)
        return Answer(question, True, PARTIAL if missing else ANSWERED, quotes, query, confidence, missing)


# Quotes lacking three words the reader asked ("where are the knife amnesty bins in ...") are about
# something near it, not an answer: no right first answer on the development sets lacks three.
MISSING_REFUSES = 3


def lacking_in(terms: evidence.Terms, missing: list[str], shown: list[str], question: str) -> list[str]:
    """What a refusal is judged on: every missing word but those the quotes hold by their class
    ("my sister": "a relative"); a count's words say which things it counts, and a class holds none.
    An adjective of emphasis ("the *actual* children") says nothing of which (asking.emphasis)."""
    missing = [w for w in missing if w not in asking.emphasis(question, missing)]
    return missing if terms.kind in ("count", "money") else asking.not_held_by_class(missing, shown, question)


def load_assistant(settings, embedder=None) -> Assistant:
    """Load the index named by ``settings`` with the shared model (IndexProblem if unusable)."""
    from assistant.encoding.batching import BatchingEncoder
    from assistant.encoding.embeddings import shared_embedder
    from assistant.index import store as index_mod

    embedder = embedder or shared_embedder(settings.torch_threads)
    index = index_mod.load(settings.index, embedder.name, embedder.dimensions)
    encoder = BatchingEncoder(
        embedder,
        settings.batch_window_ms,
        settings.batch_max,
        settings.cache_size,
        settings.batching and not getattr(embedder, "per_row", False),
    )
    encoder.warm_up()  # the first request should not pay for loading the model
    helper = Assistant(settings, index, encoder)
    helper.warm_words(index)
    return helper
