"""Missing words the shown quotes hold by meaning, read in context: shown to no reader.

``evidence.missing`` matches a question word to a quote's word by their vectors encoded one
word at a time (meaning.py): sure enough to decide refusals, but blind to sense. Alone, "pupil"
is nearest "refer" (an eye), "dads" 0.58 from "father" is under the bar that keeps "mothers"
from "fathers", and "council" never meets "local authority". The reader's warning only needs to
know whether the quotes speak of the thing at all, so it is read in context: each word's vector
is taken from the model's own pass over the whole question or quote (the mean of its word
pieces' hidden states, before pooling), and a quote's one- and two-word phrases of content
words ("male carers", "local authority") are set against the question word where it stands.
A missing word at least ``HELD_IN_CONTEXT`` close to one of them is not shown. Never counted: a
word for a person of the other sex ("dad", "mother": aspects.opposite_sex), and a phrase with a
word the question itself uses, which in context lends its meaning to its neighbours ("domestic"
sits 0.52 from "abuse" in "domestic abuse"; the quote holding "abuse" says nothing of "domestic").

Only what is shown changes: refusals were decided before, on every word.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

from assistant.answering import aspects, evidence, meaning
from assistant.index.lexical import stopwords

# Fitted on the fit set alone (docs/answers.md): the lowest bar that shows every
# word a refused near miss or a wrong answer lacked (the highest, "complain" to "report", 0.512),
# where right answers' words held by meaning sit at 0.52-0.70 ("toddler": young child 0.69).
HELD_IN_CONTEXT = 0.515
PASSAGES = 512  # quotes whose word vectors are kept (they come back question after question)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_cache: OrderedDict[tuple[int, str], list[tuple[str, np.ndarray]]] = OrderedDict()
_lock = threading.Lock()


def in_context(backend, text: str) -> list[tuple[str, np.ndarray]]:
    """(word, unit vector) for each word of ``text``, in order, from one pass of ``backend``."""
    enc = _tokenizer().encode(text)
    hidden = backend.hidden(np.array([enc.ids]), np.array([enc.attention_mask]))[0]
    spans = [(a, b, i) for i, (a, b) in enumerate(enc.offsets) if b > a]
    out = []
    for m in _WORD.finditer(text):
        rows = [i for a, b, i in spans if a >= m.start() and b <= m.end()]
        if rows:
            v = hidden[rows].mean(axis=0)
            out.append((bare(m.group()), v / max(float(np.linalg.norm(v)), 1e-12)))
    return out


_POSSESSIVE = re.compile(r"['’]s?$")


def bare(word: str) -> str:
    """A word as the missing list names it: lower case, without a possessive ("mum's": mum;
    "parents'": parents), so the question's "mum's boyfriend" is read for "mum"."""
    return _POSSESSIVE.sub("", word.lower()) or word.lower()


@lru_cache(maxsize=1)
def _tokenizer():
    from assistant.encoding.encoders import tokenizer

    return tokenizer()


def phrases(backend, text: str) -> list[tuple[str, np.ndarray]]:
    """A quote's content words and two-word phrases of them, with vectors in context (cached)."""
    key = (id(backend), text)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    stop = stopwords()
    ws = in_context(backend, text)
    keep = [w not in stop and evidence.meaningful(w) for w, _ in ws]
    out = []
    for i, (w, v) in enumerate(ws):
        if not keep[i]:
            continue
        out.append((w, v))
        if i + 1 < len(ws) and keep[i + 1]:
            pair = v + ws[i + 1][1]
            out.append((f"{w} {ws[i + 1][0]}", pair / max(float(np.linalg.norm(pair)), 1e-12)))
    with _lock:
        _cache[key] = out
        while len(_cache) > PASSAGES:
            _cache.popitem(last=False)
    return out


def closest(backend, question: str, missing: list[str], texts: list[str]) -> dict[str, tuple[str, float]]:
    """For each plain word of ``missing`` in ``question``: the shown phrase closest to it in
    context (opposite sexes apart) and their cosine."""
    plain = {w for w in missing if w.isalpha() and w.islower()}
    if not plain or not texts:
        return {}
    asked: dict[str, list[np.ndarray]] = {}
    said = in_context(backend, question)
    for w, v in said:
        if w in plain:
            asked.setdefault(w, []).append(v)
    own = {lemma for w, _ in said for lemma in meaning.lemmas_of(w) | {w}}
    units = [u for t in texts for u in phrases(backend, t)]
    if not asked or not units:
        return {}
    rows = np.stack([v for _, v in units])
    out = {}
    for w, vs in asked.items():
        v = np.mean(vs, axis=0)
        sims = rows @ (v / max(float(np.linalg.norm(v)), 1e-12))
        for j, (u, _) in enumerate(units):
            if any(aspects.opposite_sex(w, part) or (meaning.lemmas_of(part) | {part}) & own for part in u.split()):
                sims[j] = -1.0
        j = int(sims.argmax())
        out[w] = (units[j][0], float(sims[j]))
    return out


def held(backend, question: str, missing: list[str], texts: list[str], bar: float = HELD_IN_CONTEXT) -> set[str]:
    """The words of ``missing`` that the shown ``texts`` hold by meaning in context."""
    return {w for w, (_, s) in closest(backend, question, missing, texts).items() if s >= bar}
