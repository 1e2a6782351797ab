"""Evidence: what a candidate passage has of the question, as features for the abstention model.

Per question: its content words (stemmed, frame words like "what does the report say"
dropped, glossary phrases grouped), its numbers and years, and the names in it. Per
candidate passage: how much of that it holds (``features``), whether it can be an answer
at all (``admissible``: every number and every multi-word name must be in the passage or
in its section or document title) and which words no shown quote mentions (``missing``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.glossary import Glossary
from assistant.lexical import _stemmer, stopwords, token_set, tokenize, words

# Words that frame a question rather than say what it is about.
QUESTION_WORDS = frozenset(
    """
a about according am any anything are as ask asked at be been being can could describe detail
details did do does doing done explain find for from give given has have how i in is it know
list many me mean means mention mentioned mentions much my need of on or our please report
reports document documents say said says show should shown tell the there this to us was we
were what whats when where which who whom whose why will with would you your text
""".split()
)

_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
# A question asking for a count is answered only by a passage that gives one.
_COUNT = re.compile(r"\bhow (many|much)\b|\bwhat (number|percentage|proportion|share)\b", re.I)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands
million dozen half third quarter most majority minority few several""".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")

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
    key: str = ""  # the rarest stem the index holds


def _norm_number(n: str) -> str:
    return n.replace(",", "").rstrip(".")


def numbers_in(text: str) -> set[str]:
    return {_norm_number(n) for n in _NUMBER.findall(text)}


@lru_cache(maxsize=4096)
def figures_in(text: str) -> tuple[frozenset[str], bool]:
    """A passage's numbers, and whether it words a figure ("six", "most"); remembered like
    its stems (lexical.token_set): candidates recur from question to question."""
    return frozenset(numbers_in(text)), bool(set(words(text)) & _NUMBER_WORDS)


def _uncontract(word: str) -> str:
    """ "what's" -> "what", "I'm" -> "i"; "don't" -> "" (a negated auxiliary says nothing of the topic)."""
    base, _, suffix = word.partition("'")
    if suffix == "t":
        return ""
    return base if suffix in ("s", "m", "re", "ve", "ll", "d") else word


def _names(question: str, stop: frozenset) -> tuple[list[set[str]], set[str]]:
    """Runs of two or more capitalised words ("Annie Hudson"), and every capitalised word.
    The first word is skipped: questions open with a capital ("What", "Who")."""
    runs: list[list[str]] = [[]]
    capitals: set[str] = set()
    prev_end = 0
    for m in _CAPITALISED.finditer(question):
        word = m.group(0)
        if m.start() == 0 or word.lower() in stop:
            runs.append([])
            continue
        capitals |= set(tokenize(word))
        if not (runs[-1] and question[prev_end : m.start()].strip() in ("", "-", "–")):
            runs.append([])
        runs[-1].append(word)
        prev_end = m.end()
    names = [set(tokenize(" ".join(r))) for r in runs if len(r) > 1]
    return [n for n in names if n], capitals


def question_terms(question: str, index, glossary: Glossary) -> Terms:
    """What ``question`` asks about, weighed against ``index``'s vocabulary."""
    stop = stopwords() | QUESTION_WORDS
    kept = [w for w in map(_uncontract, words(question)) if w and w not in stop and not w.isdigit()]
    stems = _stemmer().stemWords(kept) if kept else []
    first: dict[str, str] = {}
    for s, w in zip(stems, kept, strict=False):
        first.setdefault(s, w)
    tokens = tokenize(question)
    groups = glossary.matches(tokens)
    weights = {s: index.bm25.idf(s) for s in first}
    df = {s: index.bm25.df(s) for s in first}
    seen_groups = {m.group for m in groups if any(all(index.bm25.df(t) for t in p) for p in glossary.groups[m.group])}
    unseen_w = sum(
        w for s, w in weights.items() if not df[s] and not any(s in m.tokens and m.group in seen_groups for m in groups)
    )
    total = sum(weights.values())
    names, capitals = _names(question, stop)
    return Terms(
        words=first,
        weights=weights,
        groups=groups,
        numbers=numbers_in(question),
        names=[n for n in names if n],
        count=bool(_COUNT.search(question)),
        capitals=capitals - {""},
        unseen=unseen_w / total if total else 0.0,
        key=min((s for s in first if df[s]), key=lambda s: (df[s], s), default=""),
        extra=[t for t in glossary.expand(tokens) if _rare(index, t)],
    )


def _rare(index, token: str) -> bool:
    """Worth adding to the BM25 query: held by at most a tenth of the passages. Generic
    words of a long form ("child safeguarding practice review" for "the Panel") would
    only pull in passages that share them."""
    return index.bm25.df(token) <= max(1, 0.1 * index.bm25.size)


def covered(terms: Terms, have: set[str] | frozenset[str], glossary: Glossary) -> set[str]:
    """The question's stems a text holds, word for word or through a glossary phrase."""
    out = {s for s in terms.words if s in have}
    for m in terms.groups:
        if glossary.covered_by(m.group, have):
            out |= m.tokens & set(terms.words)
    return out


def context_text(index, doc_id: str, start: int) -> str:
    """What a quote is shown with: its document's title and author, and its section path."""
    doc = index.documents[doc_id]
    section = doc.section_at(start)
    meta = doc.meta
    return " ".join([meta.title, meta.author, meta.publisher, " ".join(section.path) if section else ""])


@dataclass
class Candidate:
    hit: object
    tokens: frozenset[str]  # the passage's stems
    context: frozenset[str]  # stems of its title, date and section path
    features: dict[str, float]
    admissible: bool
    score: float = 0.0


def assess(terms: Terms, hits: list, index, glossary: Glossary) -> list[Candidate]:
    """Features and admissibility of each candidate passage."""
    sims = sorted((h.similarity for h in hits), reverse=True)
    margin = sims[0] - sims[1] if len(sims) > 1 else (sims[0] if sims else 0.0)
    total = sum(terms.weights.values())
    out = []
    for h in hits:
        p = h.passage
        text = index.documents[p.doc_id].text[p.start : p.end]
        ctx_text = context_text(index, p.doc_id, p.start)
        have, ctx = token_set(text), token_set(ctx_text)
        got = covered(terms, have | ctx, glossary)
        share = lambda stems: sum(terms.weights[s] for s in stems) / total if total else 0.0  # noqa: E731
        coverage = share(got)
        # The weightiest question word the quote lacks: one rare word missing ("online",
        # "methodology") often means another topic, even when the rest matches.
        gap = max((terms.weights[s] / total for s in terms.words if s not in got), default=0.0) if total else 0.0
        both = have | ctx
        names_ok = all(n <= both for n in terms.names)
        (numbers, worded), (ctx_numbers, _) = figures_in(text), figures_in(ctx_text)
        numbers_ok = terms.numbers <= (numbers | ctx_numbers)
        if terms.count:  # a figure other than the question's own years and numbers
            numbers_ok = numbers_ok and bool((numbers - terms.numbers) or worded)
        caps = terms.capitals
        names_share = len(caps & (both | set(covered(terms, both, glossary)))) / len(caps) if caps else 1.0
        feats = {
            "coverage": coverage,
            "coverage_text": share(covered(terms, have, glossary)),
            "gap": gap,
            # The question's rarest word the index holds at all is the one it is about.
            "key_missing": float(bool(terms.key) and terms.key not in got),
            "agreement": coverage * h.similarity,  # wording and meaning must both agree
            "similarity": h.similarity,
            "bm25": min(1.5, h.bm25 / total) if total else 0.0,
            "names": names_share,
            "unseen": terms.unseen,
            "margin": margin,
        }
        out.append(Candidate(h, have, ctx, feats, names_ok and numbers_ok))
    return out


def shown_text(index, doc_id: str, start: int, end: int) -> str:
    """A quote as the reader sees it: its words, its section and its document's title."""
    return index.documents[doc_id].text[start:end] + "\n" + context_text(index, doc_id, start)


def missing(terms: Terms, texts: list[str], glossary: Glossary) -> list[str]:
    """The question's content words that none of ``texts`` holds (in the question's spelling)."""
    have: set[str] = set()
    for t in texts:
        have |= token_set(t)
    found = covered(terms, have, glossary)
    return [w for s, w in terms.words.items() if s not in found]
