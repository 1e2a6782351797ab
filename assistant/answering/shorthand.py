"""Shortened words and sections of an Act, read as the documents write them.

Practitioners write "strat", "conf", "info" for "strategy", "conference", "information",
"s47", "s.47" or "section 47" for one section of the Children Act, and "q2" for "quarter 2".
Each becomes a glossary group for that question (``initials.widened`` adds it), so the BM25
query gains the long form, the sentence encoder reads it and a quote holding the long form holds
the short one; a shortened word is also read as its long form where the question's words are
weighed (``evidence.question_terms``), as "wks" is read as "weeks".

A word is read as a truncation only when English does not know it (LemmInflect's lexicon: not
"bus", "disc", "con"), no passage holds it, it has four letters or more and the index's words it
begins are, nearly all, forms of one word. A word English knows ("disc") is read so only after
a word cut short, when the documents follow that word's long form with its long form, three
times or more ("strat disc": "strategy discussion"): the pair is a shortened phrase of theirs.

"What does X mean?" asks for X spelled out (``defining``): a passage only using X does not say it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from assistant.answering import meaning
from assistant.index.lexical import stopwords, tokenize, words

MIN_LETTERS = 4  # "med", "rep" begin too many words to say which
# For a word of English ("disc"), the uses of the long word after the long form of the word
# before it: a pair the documents write once or twice may be chance.
MIN_PAIRS = 3
DOMINANT = 0.8  # its share of the uses of all the index's words the short one begins
_WORD = re.compile(r"[A-Za-z]+")
# "s47", "s.47", "S. 17", "sec 47", "section 47" (not "she's 13": a plain "s" must touch the number
# or its dot)
_SECTION = re.compile(r"(?<![\w'’])(?:s\.?\s?|s|sec\.?\s|sections?\s)(\d{1,3})([a-z]?)s?\b", re.I)


BREAK = "#"  # a stop word, a number or a sentence's end: no initials run through it
_SENTENCE_END = re.compile(r"[.!?;:|\n]")


def index_initials(index) -> tuple[str, list[str]]:
    """The first letters of the index's words in order (``BREAK`` for a stop word, a number or
    a sentence's end) and the words themselves, made once per index (for ``vocabulary`` here and
    for initials.py, which reads abbreviations from them)."""

    def make():
        stop = stopwords()
        letters: list[str] = []
        kept: list[str] = []
        for doc in index.documents.values():
            for sentence in _SENTENCE_END.split(doc.text):
                for w in words(sentence):
                    plain = w.isalpha() and w not in stop
                    letters.append(w[0] if plain else BREAK)
                    kept.append(w)
                letters.append(BREAK)
                kept.append("")
        return "".join(letters), kept

    return index.derive("word_initials", make)


def vocabulary(index) -> tuple[list[str], Counter[str], str]:
    """The index's alphabetic words, sorted; their uses; and its text as one lower-case line of
    words (for a pair's look-up), made once per index."""

    def make():
        _, kept = index_initials(index)
        uses = Counter(w for w in kept if w.isalpha())
        return sorted(uses), uses, " " + " ".join(kept) + " "

    return index.derive("word_vocabulary", make)


def completion(short: str, index, after: str | None = None) -> str | None:
    """The index word ``short`` shortens, if one word (by stem) holds ``DOMINANT`` of the uses of
    those it begins; with ``after``, only words that follow ``after`` in the documents count,
    ``MIN_PAIRS`` times or more."""
    vocab, uses, line = vocabulary(index)
    if after is not None:  # one pass over the text: the words beginning with ``short`` after ``after``
        uses = Counter(re.findall(rf" {re.escape(after)} ({re.escape(short)}[a-z]+)(?= )", line))
    at = bisect_left(vocab, short)
    by_stem: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    while at < len(vocab) and vocab[at].startswith(short):
        word = vocab[at]
        at += 1
        if len(word) < len(short) + 2:  # "disco" is not "disc" shortened
            continue
        n = uses[word]
        if n:
            stem = (tokenize(word) or [word])[0]
            by_stem[stem] += n
            forms.setdefault(stem, Counter())[word] += n
    if not by_stem:
        return None
    stem, n = by_stem.most_common(1)[0]
    if n < (MIN_PAIRS if after else 1) or n < DOMINANT * sum(by_stem.values()):
        return None
    word = forms[stem].most_common(1)[0][0]
    lemma = meaning.word_lemmas(word).get("NOUN", (word,))[0]  # "conferences": "conference"
    return lemma if lemma.startswith(short) else word


def truncations(question: str, index, known: set | frozenset) -> list[tuple[str, str]]:
    """(short word, the index word it shortens) for the question's truncated words; ``known`` are
    the glossary's one-word phrases (an acronym it holds is not a truncation)."""
    stop = stopwords()
    out: list[tuple[str, str]] = []
    previous: str | None = None
    for i, typed in enumerate(_WORD.findall(question)):
        w = typed.lower()
        reading = w
        stems = tokenize(w)
        if (
            (typed.islower() or (i == 0 and typed.istitle()))  # "Pell" inside a question is a name
            and len(w) >= MIN_LETTERS
            and w not in stop
            and stems
            and tuple(stems) not in known
            and not index.bm25.df(stems[0])
        ):
            long = None
            english = bool(meaning.word_classes(w))
            for short in (w, w[:-1]) if w.endswith("s") and not english else (w,):  # "strats", not "class"
                if not meaning.word_classes(short):
                    long = completion(short, index)
                elif previous:  # a word of English: only after a word cut short ("strat disc")
                    long = completion(short, index, previous)
                if long:
                    break
            if long:
                out.append((w, long))
                reading = long
        previous = reading if reading != w else None
    return out


_QUARTER = re.compile(r"(?<![\w])q([1-4])(?![\w])", re.I)
_ORDINAL = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


def quarters(question: str) -> list[list[str]]:
    """The ways of writing each quarter of a year the question names ("q2": "quarter 2", "the
    second quarter"), one group per quarter, as the first writing of each is typed."""
    groups = []
    for m in _QUARTER.finditer(question):
        n = m.group(1)
        group = [f"q{n}", f"quarter {n}", f"{_ORDINAL[n]} quarter"]
        if group not in groups:
            groups.append(group)
    return groups


def sections(question: str) -> list[list[str]]:
    """The ways of writing each section of an Act the question names ("s47s", "s.47",
    "section 47"): one group per section, to be read as one glossary group."""
    groups = []
    for m in _SECTION.finditer(question):
        n = m.group(1) + ("" if m.group(2).lower() == "s" else m.group(2).lower())  # "s47s": plural
        group = [f"s{n}", f"s{n}s", f"section {n}", f"sections {n}", f"s {n}", f"ss {n}"]
        if group not in groups:
            groups.append(group)
    return groups


# "what does s47 mean?", "what's LADO stand for", "what is strat short for": one word asked of
_DEFINE = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay)\W+)?what(?:\s+(?:does|do|did|is)|['’]?s)\s+(?:an?\s+|the\s+)?([\w.]+)\s+"
    r"(?:mean|means|stand\s+for|stands\s+for|short\s+for)\W*$",
    re.I,
)


def defining(question: str, gloss) -> list[frozenset[str]]:
    """For "what does X mean?" with X in a glossary group: the group's spelled-out phrases (a
    word of three letters or more that is not a form of X: "section 47", "multi-agency
    safeguarding hub"), one of which a passage must hold to say what X means."""
    m = _DEFINE.match(question)
    token = tuple(tokenize(m.group(1))) if m else ()
    if len(token) != 1:
        return []
    asked = token[0]
    out: list[frozenset[str]] = []
    for phrases in gloss.groups:
        if token in phrases:
            out += [
                frozenset(p)
                for p in phrases
                if any(len(t) >= 3 and not t.isdigit() and not t.startswith(asked) for t in p)
            ]
    return out
