"""Synthetic corpora for scale runs: 10k, 100k or 1M passages of text, or their vectors.

Text: sentences of Zipf-distributed words (the bundled report's words plus made-up ones),
so BM25 sees realistic posting-list lengths. Vectors: embedding 1M passages with the real
model would take hours on two cores, so vectors are mixtures of a few thousand *real*
embeddings (of synthetic and report sentences) plus noise, normalised. They keep the
uneven, clustered shape of real embeddings that approximate search depends on, unlike
uniform random vectors, which no index can search well.

    python -m bench.corpus_gen 100000 --out /tmp/corpus   # text files for `assistant ingest`
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from bench.common import ROOT

SYLLABLES = (
    "ba be bi bo bu ca ce ci co da de di do fa fe fi ga go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no "
    "pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we ya yo za"
).split()


def vocabulary(size: int = 40_000, seed: int = 0) -> list[str]:
    """The report's own words first (most frequent), then pronounceable made-up words."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt"))
    words = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)))
    rng = np.random.default_rng(seed)
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES, rng.integers(2, 5)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def passages(n: int, seed: int = 0, words_per_passage: int = 70) -> list[str]:
    """``n`` passages of 3 to 5 sentences each, words drawn by Zipf's law."""
    vocab = np.array(vocabulary(seed=seed))
    rng = np.random.default_rng(seed + 1)
    ranks = (rng.zipf(1.15, size=n * words_per_passage) - 1) % len(vocab)  # fold the long tail back in
    tokens = vocab[ranks].reshape(n, words_per_passage)
    out = []
    for row in tokens:
        cuts = np.sort(rng.choice(np.arange(8, words_per_passage - 8), 3, replace=False))
        parts = np.split(row, cuts)
        out.append(" ".join(" ".join(p).capitalize() + "." for p in parts if len(p)))
    return out


def write_documents(texts: list[str], folder: Path, per_doc: int = 200) -> list[Path]:
    """Text files of ``per_doc`` passages each (one paragraph per passage) for ingest runs."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(0, len(texts), per_doc):
        path = folder / f"synthetic-{i // per_doc:05d}.txt"
        path.write_text("\n\n".join(texts[i : i + per_doc]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def anchors(embedder, count: int = 2000, seed: int = 0) -> np.ndarray:
    """Real embeddings to mix: synthetic sentences and the report's sentences."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt"))
    report = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
    synthetic = [p.split(". ")[0] for p in passages(max(count - len(report), 1), seed=seed + 7)]
    return embedder.encode(report + synthetic, batch_size=64)


def vectors(n: int, base: np.ndarray, seed: int = 0, noise: float = 0.35, chunk: int = 100_000) -> np.ndarray:
    """``n`` unit vectors, each a weighted mix of two anchors plus Gaussian noise."""
    rng = np.random.default_rng(seed)
    dim = base.shape[1]
    out = np.empty((n, dim), dtype=np.float32)
    for lo in range(0, n, chunk):
        m = min(chunk, n - lo)
        a, b = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
        w = rng.uniform(0.6, 1.0, (m, 1)).astype(np.float32)
        x = w * base[a] + (1 - w) * base[b] + noise * rng.standard_normal((m, dim), dtype=np.float32) / np.sqrt(dim)
        out[lo : lo + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, choices=[10_000, 100_000, 1_000_000], help="passages")
    parser.add_argument("--out", type=Path, required=True, help="folder for the text files")
    args = parser.parse_args()
    paths = write_documents(passages(args.n), args.out)
    print(f"wrote {args.n:,} passages in {len(paths)} files to {args.out}")


if __name__ == "__main__":
    main()
