"""Would matching a "missing" word in context rescue it safely? ``python -m bench.context_missing``.

An experiment, not on the answer path. When ``evidence.missing`` still lists words, each one is
looked for IN CONTEXT: the shipped model's token embeddings of the question (the word's word
pieces, mean-pooled; question backend) against those of the shown quotes (fp32, each word's
pieces pooled, and with ``PHRASE`` spans of one to three words), BERTScore-style max cosine.
A word is taken as held when the best passage word (or span) reaches the bar, unless that word
is a question word already held by stem (a word's context echoes its neighbours: "domestic" of
"domestic abuse" lands on the quote's "abuse") or a word for a person of the opposite sex.
Token matrices are cached per text (bounded LRU). Prints, per bar and set, the right answers
listing missing words, the near misses refused and every near miss whose list or outcome
changed, and the CPU the check adds per question that pays for it. Uses the sets' indexes
(built once under IDX, default /tmp/dev: idx-fit, idx-heldout, idx-bundled, idx-realistic).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SETS = {  # name: (folder of bench.eval_sets.builder, or None for the bundled corpus; questions)
    "fit": ("eval_fit", "tests/eval_fit"),
    "heldout": ("eval_heldout", "tests/eval_heldout"),
    "bundled": (None, "tests/eval/questions.toml"),
    "realistic": ("eval", "tests/eval/realistic.toml"),
}
CACHE = 512  # passages whose token matrices are kept


class InContext:
    """Question words matched against the shown quotes' token embeddings."""

    def __init__(self, embedder, bar: float, phrase: bool, specific: bool = False):
        import numpy as np

        from assistant.encoding.encoders import tokenizer

        self.np, self.embedder, self.bar, self.phrase, self.specific = np, embedder, bar, phrase, specific
        self.tok = tokenizer()
        self.cache: OrderedDict[str, tuple[list[str], object]] = OrderedDict()
        self.cpu, self.calls = 0.0, 0

    def _hidden(self, backend, text: str):
        e = self.tok.encode(text)
        h = backend.hidden(self.np.array([e.ids]), self.np.array([e.attention_mask]))[0]
        return e, h

    def _unit(self, v):
        return v / max(float(self.np.linalg.norm(v)), 1e-9)

    def _spans(self, text: str):
        """Each word (and 2-3 word span) of ``text``: its words and its pooled unit vector."""
        found = self.cache.get(text)
        if found is not None:
            self.cache.move_to_end(text)
            return found
        e, h = self._hidden(self.embedder.fp32_model, text)
        groups: dict[int, list[int]] = {}
        for i, w in enumerate(e.word_ids):
            if w is not None:
                groups.setdefault(w, []).append(i)
        ws = [groups[k] for k in sorted(groups)]
        names, rows = [], []
        for n in range(1, (3 if self.phrase else 1) + 1):
            for a in range(len(ws) - n + 1):
                idx = [i for g in ws[a : a + n] for i in g]
                names.append(text[e.offsets[idx[0]][0] : e.offsets[idx[-1]][1]])
                rows.append(self._unit(h[idx].mean(0)))
        found = (names, self.np.stack(rows) if rows else self.np.zeros((0, 384), self.np.float32))
        self.cache[text] = found
        while len(self.cache) > CACHE:
            self.cache.popitem(last=False)
        return found

    def rescued(self, question: str, terms, left: list[str], texts: list[str]) -> set[str]:
        from assistant.answering import aspects, evidence, meaning
        from assistant.index.lexical import _stemmer, words

        start = time.process_time()
        eligible = {w for s, w in terms.words.items() if w in left and evidence.soft_eligible(terms, s)}
        eligible = {w for w in eligible if re.search(r"\b" + re.escape(w) + r"\b", question, re.I)}
        out: set[str] = set()
        if eligible:
            self.calls += 1
            e, h = self._hidden(self.embedder.model, question)
            held = set(terms.words) - {s for s, w in terms.words.items() if w in left}
            for w in eligible:
                m = re.search(r"\b" + re.escape(w) + r"\b", question, re.I)
                idx = [
                    i
                    for i, (a, b) in enumerate(e.offsets)
                    if e.word_ids[i] is not None and a < m.end() and b > m.start()
                ]
                qv = self._unit(h[idx].mean(0))
                for t in texts:
                    names, rows = self._spans(t)
                    sims = rows @ qv
                    for j in self.np.argsort(-sims):
                        if sims[j] < self.bar:
                            break
                        span = words(names[j])
                        echo = set(_stemmer().stemWords(span)) & held
                        if not span or echo or any(aspects.opposite_sex(w, x) for x in span):
                            continue
                        if self.specific and min(meaning.zipf(x) for x in span) > meaning.zipf(w):
                            continue  # more general than the question's word ("child" for "babies")
                        out.add(w)
                        break
                    if w in out:
                        break
        self.cpu += time.process_time() - start
        return out


def run(name: str, helper, matcher, question_of):
    from assistant.answering import evalmetrics
    from assistant.answering.evaluation import load_questions, row_of
    from bench.eval_sets import ROOT

    rows = []
    for q in load_questions(ROOT / SETS[name][1]):
        question_of[0] = q.question
        rows.append(row_of(q, helper.ask(q.question, k=3, history=q.history), helper.index.documents))
    return rows, evalmetrics.report(rows)


def built(name: str, root: Path, embedder) -> Path:
    """The set's index under ``root`` (idx-<name>), built once."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings
    from assistant.settings import BUNDLED_CORPUS
    from bench.eval_sets import builder

    index, folder = root / f"idx-{name}", SETS[name][0]
    if not (index / "CURRENT").exists():
        src = BUNDLED_CORPUS if folder is None else builder(folder).build(root / f"src-{name}")
        ingest([str(src)], index, embedder, ChunkSettings(), progress=False)
    return index


def _frac(rep: dict, key: str) -> str:
    return f"{rep[key]['n']}/{rep[key]['of']}"


def _changes(name: str, base: list[dict], rows: list[dict]) -> list[str]:
    """Rows whose missing words or outcome changed: right answers rescued, and any near miss or
    off-topic question (CHANGED: must not lose the absent thing, nor become answered)."""
    out = []
    for before, after in zip(base, rows, strict=True):
        if before["category"] == "urgent":
            continue
        if before["missing"] != after["missing"] or before["answered"] != after["answered"]:
            tag = "rescued" if before["answerable"] else "CHANGED"
            out.append(
                f"  {tag} {name} {before['category']}: {before['question'][:70]!r} {before['missing']} -> "
                f"{after['missing']} answered {before['answered']} -> {after['answered']}"
            )
    return out


def main() -> None:
    from assistant.answering import evidence
    from assistant.answering.answers import load_assistant
    from assistant.encoding.embeddings import shared_embedder
    from assistant.settings import Settings

    embedder = shared_embedder()
    idx = Path(os.environ.get("IDX", "/tmp/dev"))
    helpers = {n: load_assistant(Settings(index=built(n, idx, embedder)), embedder) for n in SETS}
    strict = evidence.missing
    question_of = [""]
    bars = [float(b) for b in os.environ.get("BARS", "0.5 0.55 0.6").split()]
    setups: list = [("main", None)]
    for specific in (False, True):
        for b in bars:
            for p in (False, True):
                label = f"bar {b} {'phrase' if p else 'word'}{' no more general' if specific else ''}"
                setups.append((label, (b, p, specific)))
    base: dict[str, list[dict]] = {}
    for label, setup in setups:
        matcher = InContext(embedder, *setup) if setup else None

        def missing(terms, texts, glossary, vectors=None, matcher=matcher):
            out = strict(terms, texts, glossary, vectors)
            if matcher is None or not out:
                return out
            got = matcher.rescued(question_of[0], terms, out, texts)
            return [w for w in out if w not in got]

        evidence.missing = missing
        try:
            lines = []
            for name in SETS:
                rows, rep = run(name, helpers[name], matcher, question_of)
                lines.append(
                    f"{name}: right answers listing missing {_frac(rep, 'right_answers_listing_missing')}, near misses "
                    f"refused {_frac(rep, 'near_misses_refused')}, off-topic refused {_frac(rep, 'off_topic_refused')}"
                )
                lines += _changes(name, base[name], rows) if name in base else []
                base.setdefault(name, rows)
        finally:
            evidence.missing = strict
        cost = (
            f" (CPU {1000 * matcher.cpu / max(matcher.calls, 1):.1f} ms a question, {matcher.calls} paid)"
            if matcher
            else ""
        )
        print(f"== {label}{cost}")
        print("\n".join(lines))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
