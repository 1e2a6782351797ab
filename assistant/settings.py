"""One settings object for the CLI and the web app (env prefix ``ASSISTANT_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    """Find a resource folder next to the package (wheel) or beside it (source checkout)."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


WEB_DIR = _resource_dir("web")
BUNDLED_CORPUS = _resource_dir("corpus")
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
FETCH_TIMEOUT = 30.0  # seconds, for http(s) sources at ingest
FETCH_MAX_BYTES = 50 * 1024 * 1024
ENCODER = "onnx-int8"  # question encoder backend (assistant/encoders.py; chosen by bench, docs/performance.md)


class Settings(BaseSettings):
    """Every option of the assistant; each CLI flag falls back to one of these."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    index: Path = Field(Path("index"), description="Folder holding the built index.")
    corpus: list[str] = Field(
        default_factory=lambda: [str(BUNDLED_CORPUS)],
        description="Files, folders or URLs to ingest (default: the bundled corpus).",
    )
    web_dir: Path = Field(WEB_DIR, description="Templates and static files.")

    # Fetching http(s) sources at ingest.
    fetch_timeout: float = Field(FETCH_TIMEOUT, gt=0, description="Seconds to wait for a URL source before reporting it.")
    fetch_max_bytes: int = Field(FETCH_MAX_BYTES, gt=0, description="Largest URL source read, in bytes.")

    # Chunking: passages are runs of whole sentences inside one section.
    passage_max_words: int = 80
    passage_overlap_sentences: int = 1

    # Retrieval and answers.
    k: int = Field(3, ge=1, le=10)
    candidates: int = Field(20, ge=1, description="Results taken from each retriever before fusion.")
    fusion: str = Field("linear", pattern="^(linear|rrf)$", description="How dense and BM25 rankings are fused.")
    bm25_weight: float = Field(0.5, ge=0, le=1, description="Weight of BM25 in linear fusion.")
    rrf_k: int = 60
    # Calibrated on tests/eval (see README, "How abstention is calibrated").
    min_confidence: float = 0.27
    highlight_margin: float = 0.08

    # Web server.
    host: str = "127.0.0.1"
    port: int = 8000
    max_question_chars: int = 1000
    max_body_bytes: int = 32_768
    embed_origins: list[str] = Field(
        default_factory=list,
        description="Partner origins allowed to frame /embed and call /api/* (e.g. https://partner.example).",
    )
    rate_limit: str = Field("60/minute", description="Per-client limit on /api/* and POSTs (limits syntax, e.g. 60/minute).")
    trusted_proxies: list[str] = Field(default_factory=list)
    request_timeout: float = 20.0
    reload_poll_seconds: float = Field(2.0, ge=0, description="How often to look for a new index build (0: never).")

    # Query encoding (see bench/ for how these were tuned).
    batching: bool = Field(True, description="Micro-batch concurrent question embeddings (off: one at a time).")
    batch_window_ms: float = 2.0
    batch_max: int = 32
    cache_size: int = 1024
    torch_threads: int = 0  # 0: let the encoder decide from the cores available

    # Encoder backends (performance, issue 17): which runtime and precision encode questions;
    # passages are always fp32. The ONNX files are exported from the installed weights on first use.
    encoder: str = Field(
        ENCODER, pattern="^(onnx|torch)-(fp32|int8)$",
        description="Question encoder: onnx-int8, onnx-fp32, torch-int8 or torch-fp32.",
    )
    encoder_cache: Path | None = Field(
        None, description="Folder for the exported ONNX models (default: ~/.cache/safeguarding-assistant/encoders)."
    )

    question_log: Path | None = Field(
        None, description="Opt-in, redacted question log for evaluation. Off by default."
    )
