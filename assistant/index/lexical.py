"""Lexical side of the index: one tokenizer for BM25 and word search, and the BM25 model."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


_local = threading.local()


def _stemmer():
    """One stemmer per thread: PyStemmer objects (and their word caches) are not thread-safe,
    and questions are tokenized on the server's worker threads."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def words(text: str) -> list[str]:
    """Lower-cased words, with curly and straight apostrophes treated alike."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def tokenize(text: str) -> list[str]:
    """Stemmed content words, as BM25 sees them."""
    stop = stopwords()
    kept = [w for w in words(text) if w not in stop]
    return _stemmer().stemWords(kept) if kept else []


@lru_cache(maxsize=4096)
def token_set(text: str) -> frozenset[str]:
    """The distinct stems of a passage or its heading, remembered: the same passages come back
    as candidates question after question, and tokenizing them was a third of a question's
    Python time (bench: profile of /api/ask under load)."""
    return frozenset(tokenize(text))


class BM25:
    """A thin wrapper over bm25s that scores every passage for a query."""

    def __init__(self, retriever):
        self.retriever = retriever
        # idf by token, made on first use: a question weighs its words against every candidate
        # passage (about 140 look-ups a question). Only tokens of the vocabulary are kept (a
        # bounded table); every other token has the idf of a token no passage holds.
        self._idf: dict[str, float] = {}
        self._df: dict[str, int] = {}
        self._unseen_idf: float | None = None

    @classmethod
    def build(cls, texts: list[str]) -> BM25:
        import bm25s

        tokens = [tokenize(t) or [""] for t in texts]
        retriever = bm25s.BM25()
        retriever.index(tokens, show_progress=False)
        return cls(retriever)

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path, mmap: bool = False) -> BM25:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=mmap))

    @property
    def size(self) -> int:
        return int(self.retriever.scores["num_docs"])

    def df(self, token: str) -> int:
        """How many passages hold the token."""
        found = self._df.get(token)
        if found is not None:
            return found
        tid = self.retriever.vocab_dict.get(token)
        if tid is None:
            return 0
        indptr = self.retriever.scores["indptr"]
        found = 0 if tid + 1 >= len(indptr) else int(indptr[tid + 1] - indptr[tid])
        self._df[token] = found  # a token of the vocabulary: the table stays bounded
        return found

    def idf(self, token: str) -> float:
        """BM25's idf, from the number of passages holding the token; unseen tokens weigh most."""
        found = self._idf.get(token)
        if found is not None:
            return found
        df = self.df(token)
        if df == 0 and self._unseen_idf is not None:
            return self._unseen_idf
        found = self._idf_of(df)
        if df:
            self._idf[token] = found
        else:
            self._unseen_idf = found
        return found

    def _idf_of(self, df: int) -> float:
        n = self.size
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def coverage(self, query_tokens: list[str], passage_text: str) -> float:
        """Share of the question's content words (weighted by idf) that the passage contains."""
        return self.coverage_of(query_tokens)(passage_text)

    def coverage_of(self, query_tokens: list[str]) -> Callable[[str], float]:
        """``coverage`` of one question, for many passages: the words' idf weighed once, not
        again for each candidate (the same sums, in the same order)."""
        wanted = set(query_tokens)
        weights = {t: self.idf(t) for t in wanted}
        total = sum(weights.values())
        if not wanted or not total:
            return lambda passage_text: 0.0
        items = tuple(weights.items())

        def share(passage_text: str) -> float:
            have = token_set(passage_text)
            return sum(w for t, w in items if t in have) / total

        return share

    def scores(self, query: str | list[str], extra: list[str] | tuple = ()) -> np.ndarray:
        """BM25 of every passage for a query (text, or its tokens); ``extra`` stemmed tokens
        widen it (glossary)."""
        tokens = tokenize(query) if isinstance(query, str) else list(query)
        ids = self.retriever.get_tokens_ids(tokens + list(extra))
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.retriever.get_scores_from_ids(ids), dtype=np.float32)
