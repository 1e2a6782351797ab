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
CACHE_WORDS = 200_000  # word vectors kept (384 floats each: about 300 MB at most)

_PERIOD = re.compile(r"(?<![\w.])((?:19|20)\d\d)\s*(?:-|–|—|/|to|until|till|and)\s*((?:19|20)\d\d|\d\d)(?![\w])", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _second_year(first: str, second: str) -> str:
    return second if len(second) == 4 else first[:2] + second


def periods_in(text: str) -> set[str]:
    """Year ranges, written any way, as "YYYY-YYYY"."""
    return {f"{a}-{_second_year(a, b)}" for a, b in _PERIOD.findall(text) if _second_year(a, b) > a}


def numbers_in(text: str) -> set[str]:
    """Numbers without thousands separators; a period counts as both of its years."""
    text = _PERIOD.sub(lambda m: f"{m.group(1)} {_second_year(m.group(1), m.group(2))}", text)
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def common(word: str) -> bool:
    """A word of everyday English that says nothing of a question's topic."""
    return zipf(word) >= COMMON_ZIPF


class WordVectors:
    """Unit vectors of single words, from the shipped model, cached across questions."""

    def __init__(self, embedder, size: int = CACHE_WORDS):
        self.embedder = embedder
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

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


def best_matches(question: dict[str, np.ndarray], passage: dict[str, np.ndarray]) -> dict[str, tuple[str, float]]:
    """For each question word, the passage word closest in meaning and their cosine, less the
    penalty for a passage word more general than the question's (``GENERAL_PENALTY``)."""
    if not question or not passage:
        return {}
    qs, ps = list(question), list(passage)
    sims = np.stack([question[w] for w in qs]) @ np.stack([passage[w] for w in ps]).T
    general = np.array([zipf(w) for w in ps])[None, :] - np.array([zipf(w) for w in qs])[:, None]
    sims = sims - GENERAL_PENALTY * np.maximum(general, 0.0)
    best = sims.argmax(axis=1)
    return {q: (ps[int(j)], float(sims[i, j])) for i, (q, j) in enumerate(zip(qs, best, strict=False))}


def matched(question: dict[str, np.ndarray], passage: dict[str, np.ndarray], bar: float = MATCH) -> dict[str, float]:
    """Question words some passage word matches by meaning, with the (penalised) cosine."""
    return {q: s for q, (_, s) in best_matches(question, passage).items() if s >= bar}
