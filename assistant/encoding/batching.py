"""Query encoding for many concurrent requests: micro-batching and an LRU cache.

One embedding of a question costs about as much as a batch of several, so concurrent
requests are collected for a short window (``window_ms``, at most ``max_batch`` of them)
and encoded together by one worker thread. Recent questions are answered from an LRU
cache. FastAPI runs the sync routes in its thread pool, so callers simply block in
``encode_query``; async code can await ``submit()`` with ``asyncio.wrap_future``. Either
way the model never runs on the event loop.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from typing import TYPE_CHECKING

import numpy as np

from assistant.settings import default

if TYPE_CHECKING:
    from cachetools import LRUCache

    from assistant.encoding.embeddings import Encoder


class LRU:
    """A thread-safe LRU map of question -> read-only vector (cachetools' LRUCache, a lock, counts)."""

    def __init__(self, size: int):
        from cachetools import LRUCache

        self.size = size
        self._data: LRUCache[str, np.ndarray] = LRUCache(maxsize=max(size, 1))
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> np.ndarray | None:
        if self.size <= 0:
            return None
        with self._lock:
            vec = self._data.get(key)
            if vec is None:
                self.misses += 1
            else:
                self.hits += 1
            return vec

    def put(self, key: str, vec: np.ndarray) -> None:
        if self.size > 0:
            with self._lock:
                self._data[key] = vec

    def __len__(self) -> int:
        return len(self._data) if self.size > 0 else 0


class BatchingEncoder:
    """``encode_query(text) -> unit vector``, batched across threads and cached.

    ``batching=False`` encodes each question on its own in the caller's thread (the
    baseline the benchmark compares against); ``cache_size=0`` turns the cache off.
    """

    def __init__(
        self,
        embedder: Encoder,
        window_ms: float = default("batch_window_ms"),
        max_batch: int = default("batch_max"),
        cache_size: int = default("cache_size"),
        batching: bool = default("batching"),
    ):
        self.embedder = embedder
        self.window = max(window_ms, 0.0) / 1000.0
        self.max_batch = max(int(max_batch), 1)
        self.batching = batching and self.max_batch > 1
        self.cache = LRU(cache_size)
        self._queue: queue.SimpleQueue[tuple[str, Future] | None] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.batches = 0  # encoder calls made by the worker (for tests and the benchmark)
        self.batched = 0  # questions encoded by the worker
        self._last_size = 0

    # ------------------------------------------------------------ public

    def encode_query(self, text: str) -> np.ndarray:
        cached = self.cache.get(text)
        if cached is not None:
            return cached
        if not self.batching:
            return self._remember(text, self.embedder.encode([text])[0])
        return self.submit(text).result()

    def submit(self, text: str) -> Future:
        """A future of the vector; cached questions resolve at once."""
        future: Future = Future()
        cached = self.cache.get(text)
        if cached is not None:
            future.set_result(cached)
            return future
        self._ensure_worker()
        self._queue.put((text, future))
        return future

    def warm_up(self) -> None:
        """Load the model and run it at the batch sizes the worker will use (first calls are slow)."""
        self.embedder.encode(["warm up"])
        if self.batching:
            self.embedder.encode(["warm up"] * min(self.max_batch, 8))
            self._ensure_worker()

    def close(self) -> None:
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join(timeout=5)
            self._worker = None

    # ------------------------------------------------------------ worker

    def _remember(self, text: str, vec: np.ndarray) -> np.ndarray:
        vec = np.ascontiguousarray(vec, dtype=np.float32)
        vec.setflags(write=False)  # shared between callers and the cache
        self.cache.put(text, vec)
        return vec

    def _ensure_worker(self) -> None:
        if self._worker is None:
            with self._start_lock:
                if self._worker is None:
                    self._worker = threading.Thread(target=self._run, name="query-encoder", daemon=True)
                    self._worker.start()

    def _collect(self, first: tuple[str, Future]) -> tuple[list[tuple[str, Future]], bool]:
        """The first request plus whatever arrives within the window, up to the cap.

        The window is only waited while requests come together (the last batch had more
        than one): a lone request at low load is encoded at once, without the wait.
        """
        batch = [first]
        deadline = time.perf_counter() + (self.window if self._last_size > 1 or not self._queue.empty() else 0.0)
        while len(batch) < self.max_batch:
            remaining = deadline - time.perf_counter()
            try:
                item = self._queue.get(timeout=remaining) if remaining > 0 else self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return batch, True
            batch.append(item)
        return batch, False

    def _run(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is None:
                return
            batch, stop = self._collect(first)
            texts = list(dict.fromkeys(t for t, _ in batch))  # one row per distinct question
            self._last_size = len(batch)
            outcomes = self._encode_isolated(texts)
            for text, future in batch:
                result = outcomes[text]
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    def _encode_isolated(self, texts: list[str]) -> dict[str, np.ndarray | BaseException]:
        """Vectors by text; when the batch fails, its halves are retried, down to single texts,
        so one bad question fails only its own caller (never the others batched with it)."""
        try:
            vecs = self.embedder.encode(texts, batch_size=len(texts))
        except BaseException as exc:  # noqa: BLE001 - handed to the callers, not raised here
            if len(texts) == 1:
                return {texts[0]: exc}
            half = len(texts) // 2  # bisect: a few calls find the bad one in a full batch
            return {**self._encode_isolated(texts[:half]), **self._encode_isolated(texts[half:])}
        self.batches += 1
        self.batched += len(texts)
        return {t: self._remember(t, v) for t, v in zip(texts, vecs, strict=False)}
