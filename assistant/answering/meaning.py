"""Meaning: whether a passage holds a question's word by meaning, not only by its stem.

Each word is encoded on its own by the model we already ship (all-MiniLM-L6-v2, fp32,
mean-pooled): "dads" lands near "fathers" (cosine 0.76), "called" near "named", "weekend" near
"Saturday", while "dads" and "panel" stay far apart (0.18). A question word is matched by meaning
when some word of the passage reaches ``MATCH``; names and figures never match this way (a town
is not another town, 2021 is not 2020). Word vectors depend only on the word, so they are cached
for the whole process and shared by every index: the words of the passages that come back as
candidates are encoded once, in one batch, the first time they are seen.

Numbers are normalised here too: "2021/22", "2021-22", "2021–2022" and "2021 to 2022" are the
same period, and stand for both of their years.

Words common in general English (``wordfreq``'s Zipf frequency of at least ``COMMON_ZIPF``:
"its", "some", "between", "get", "going") are never reported as missing: they say nothing about
what the question is about. ``wordfreq`` ships its frequency lists inside its wheel (offline).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

# A question word is matched by a passage word at least this close (cosine of the two words'
# vectors, each encoded alone). Paraphrases sit at 0.7-0.9 (dads/fathers 0.76, weekend/Saturday
# 0.82, kids/children 0.86, notified/notification 0.85); below about 0.65 the nearest word of
# a passage is most often only related (before/after 0.64, one/three 0.65, book/learning 0.51),
# and everyday words (Zipf >= COMMON_ZIPF: "from", "time", "get") match nearly anything, so
# they are left to their stems on both sides.
MATCH = 0.65
# A passage word more general than the question's word must come closer: "children" does not
# answer a question about "babies" (cosine 0.73), though "infants" does (0.87). Generality is
# read from frequency (a word ten times more frequent in general English is one Zipf unit
# more general; information content, as in Resnik's measure): each unit raises the bar by this.
GENERAL_PENALTY = 0.1
COMMON_ZIPF = 5.5  # about once in 300,000 words of general English, or more often
# A question word the documents use themselves is matched by meaning only where they use the
# other word at least this many times as often (one order of magnitude, like a Zipf unit):
# co-hyponyms ("mothers"/"fathers" 0.66, "boys"/"girls" 0.74, "town"/"city" 0.77) are as close
# as synonyms ("dads"/"fathers" 0.75), but documents that mean mothers say "mothers".
PREFERRED = 10
MATRICES = 2048  # passages whose stacked word vectors are kept (about 40 KB each: 80 MB at most)
CACHE_WORDS = 200_000  # word vectors kept (384 floats each: about 300 MB at most)

_PERIOD = re.compile(r"(?<![\w.])((?:19|20)\d\d)\s*(?:-|–|—|/|to|until|till|and)\s*((?:19|20)\d\d|\d\d)(?![\w])", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _second_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_YEAR_WORDS = re.compile(
    r"\b(nineteen|twenty)[ -](" + "|".join(_TEENS) + r"|twenty(?:[ -](?:" + "|".join(_UNITS[1:]) + r"))?)\b", re.I
)


def _spoken_year(m: re.Match) -> str:
    """ "twenty twenty-one" -> "2021", "nineteen ninety"... is left alone (only 1910-2029)."""
    century = "19" if m.group(1).lower() == "nineteen" else "20"
    rest = m.group(2).lower().replace("-", " ").split()
    if rest[0] in _TEENS:
        return century + str(10 + _TEENS.index(rest[0]))
    return century + str(20 + (_UNITS.index(rest[1]) if len(rest) > 1 else 0))


def years_in_digits(text: str) -> str:
    """ "in twenty twenty-one" -> "in 2021"."""
    return _YEAR_WORDS.sub(_spoken_year, text)


def numbers_in(text: str) -> set[str]:
    """Numbers without thousands separators; a period counts as both of its years; a year
    in words ("twenty twenty") is the year."""
    text = years_in_digits(text)
    text = _PERIOD.sub(lambda m: f"{m.group(1)} {_second_year(m.group(1), m.group(2))}", text)
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def common(word: str) -> bool:
    """A word of everyday English that says nothing of a question's topic."""
    return zipf(word) >= COMMON_ZIPF


@lru_cache(maxsize=65536)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech -> lemmas of an English word ("holding": NOUN holding, VERB hold), from
    LemmInflect's lexicon (shipped in its wheel); empty for a word it does not know."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word)) if word else {}


def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English word can be ("holding": NOUN and VERB)."""
    return frozenset(word_lemmas(word))


def how_not_what(word: str) -> bool:
    """A word that can only be a verb or an adverb ("meant", "wrote", "closely", "listen"): it
    says how a question asks, not what it is about, so it is never reported missing."""
    classes = word_classes(word)
    return bool(classes) and classes <= {"VERB", "ADV", "AUX"}


def lemmas_of(word: str) -> set[str]:
    """The word and its lemmas of any part of speech ("commonest": common; "children": child),
    only those that keep its first letters: "worst" is not "ill"."""
    found = {lemma for forms in word_lemmas(word).values() for lemma in forms}
    return {word} | {lemma for lemma in found if lemma[:3] == word[:3]}


def spelled_by_initials(word: str, words: list[str]) -> bool:
    """Is ``word`` an abbreviation that a run of ``words`` spells out by their initials ("ehe":
    elective home education; "icb": integrated care board)? Only for a word the English lexicon
    does not know: a word of English ("ear", "map") is itself, not an abbreviation."""
    n = len(word)
    if not 2 <= n <= 6 or not word.isalpha() or word_classes(word):
        return False
    initials = "".join(w[0] for w in words)
    at = initials.find(word)
    while at >= 0:
        if all(w.isalpha() for w in words[at : at + n]):
            return True
        at = initials.find(word, at + 1)
    return False


def same_root(a: str, b: str) -> bool:
    """Do two stems share a root, one the start of the other ("visit", "visitor")?"""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def warm_up() -> None:
    """Load the frequency lists and the lexicon now (0.2-0.3 s each), not on a first question."""
    zipf("panel")
    word_classes("panel")


class WordVectors:
    """Unit vectors of single words, from the shipped model, cached across questions."""

    def __init__(self, embedder, size: int = CACHE_WORDS):
        self.embedder = embedder
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._matrices: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def known(self, words: list[str], budget: int = 64):
        """Encode at most ``budget`` of ``words`` not yet known, and return a filter that keeps
        the known ones of a tuple of words: a question on a large index never pays for more
        than ``budget`` new words (the rest are matched by stem until a later question)."""
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if new:
            self.of(new[:budget])
        if len(new) <= budget:
            return lambda ws: ws
        with self._lock:
            cached = set(self._cache)
        return lambda ws: tuple(w for w in ws if w in cached)

    def matrix(self, words: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The words' vectors stacked, and their Zipf frequencies (kept: a passage's words
        come back question after question)."""
        with self._lock:
            found = self._matrices.get(words)
        if found is None:
            vecs = self.of(words)
            rows = np.stack([vecs[w] for w in words]) if words else np.zeros((0, 1), np.float32)
            found = (rows, np.array([zipf(w) for w in words], dtype=np.float32))
            with self._lock:
                self._matrices[words] = found
                while len(self._matrices) > MATRICES:
                    self._matrices.popitem(last=False)
        return found

    def of(self, words) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(words))
        with self._lock:
            out = {w: self._cache[w] for w in wanted if w in self._cache}
        todo = [w for w in wanted if w not in out]
        if todo:
            encode = getattr(self.embedder, "encode_fp32", None) or self.embedder.encode
            vecs = encode(todo, batch_size=256)
            with self._lock:
                for w, v in zip(todo, vecs, strict=False):
                    self._cache[w] = out[w] = np.asarray(v, dtype=np.float32)
                while len(self._cache) > self.size:
                    self._cache.popitem(last=False)
        return out


_shared: dict[int, WordVectors] = {}
_shared_lock = threading.Lock()


def shared(embedder) -> WordVectors:
    """One word cache per model in a process: every index and assistant reads the same words."""
    with _shared_lock:
        found = _shared.get(id(embedder))
        if found is None or found.embedder is not embedder:
            found = _shared[id(embedder)] = WordVectors(embedder)
        return found


def best_matches(
    question: dict[str, np.ndarray], words: tuple[str, ...], rows: np.ndarray, freqs: np.ndarray
) -> dict[str, tuple[str, float]]:
    """For each question word, the closest of ``words`` (vectors ``rows``, Zipf frequencies
    ``freqs``) and their cosine, less the penalty for a word more general than the question's."""
    if not question or not words:
        return {}
    qs = list(question)
    sims = np.stack([question[w] for w in qs]) @ rows.T
    general = freqs[None, :] - np.array([zipf(w) for w in qs], dtype=np.float32)[:, None]
    sims = sims - GENERAL_PENALTY * np.maximum(general, 0.0)
    best = sims.argmax(axis=1)
    return {q: (words[int(j)], float(sims[i, j])) for i, (q, j) in enumerate(zip(qs, best, strict=False))}
