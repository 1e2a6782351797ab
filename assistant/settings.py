"""One settings object for the CLI and the web app (env prefix ``ASSISTANT_``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.server.branding import DEFAULT_ACCENT

PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    """Find a resource folder next to the package (wheel) or beside it (source checkout)."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


WEB_DIR = _resource_dir("web")
BUNDLED_CORPUS = _resource_dir("corpus")
# The bundled corpus's evaluation questions: packaged in the wheel (pyproject.toml), else the
# source checkout's copy; tests/ itself is never read from an installed package.
_PACKAGED_EVAL_SET = PACKAGE_DIR / "evalsets" / "bundled.toml"
SHIPPED_EVAL_SET = (
    _PACKAGED_EVAL_SET if _PACKAGED_EVAL_SET.is_file() else PACKAGE_DIR.parent / "tests" / "eval" / "questions.toml"
)
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class Fusion(StrEnum):
    """How hybrid retrieval fuses the dense and BM25 rankings (answering/retrieval.py, FUSIONS)."""

    LINEAR = "linear"  # (1-w)·cosine + w·bm25/max bm25
    RRF = "rrf"  # reciprocal rank fusion


FETCH_TIMEOUT = 30.0  # seconds, for http(s) sources at ingest
FETCH_MAX_BYTES = 50 * 1024 * 1024
# Question encoder backends (assistant/encoding/encoders.py): runtime and precision, or no model.
Encoder = Literal["onnx-int8", "onnx-fp32", "torch-int8", "torch-fp32", "fake"]
ENCODER: Encoder = "onnx-int8"  # for questions, chosen by bench (docs/performance.md)
PASSAGE_MAX_WORDS = 80  # chunking: passages.py and index.ChunkSettings take these defaults from here
PASSAGE_OVERLAP_SENTENCES = 1
# Caps on what one file may cost at ingest (docs/operations.md, "Caps on what a file may cost").
PASSAGE_MAX_CHARS = 1000  # about what the model reads (256 word pieces); longer runs are cut
MAX_TEXT_CHARS = 10_000_000  # text of one document (the annual report is about 0.3 M)
DOCX_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
DOCX_MAX_RATIO = 100  # unpacked/packed size of any part over 1 MB; Word's own XML packs 5-20 times
DOCX_MAX_PARTS = 2_000  # a real report has tens of parts; tens of thousands only cost time to list
# What the content streams of a PDF's pages (and the forms they draw) may unpack to: a long report's
# pages unpack to tens of MB; pdfminer would need minutes and gigabytes for this much.
PDF_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
HTML_MAX_DEPTH = 256  # elements nested inside each other
HTML_MAX_TAGS = 200_000  # tags in one HTML file
# Conversations: the chat keeps (and re-draws without JavaScript) the last CHAT_TURNS turns;
# the API accepts up to API_HISTORY earlier questions (a follow-up is read with the last one or
# two, and "the bit after that" re-asks at most adjacent.MAX_STEPS of them, so a longer history
# costs nothing but is refused as a sign of a broken client).
CHAT_TURNS = 10
API_HISTORY = 2 * CHAT_TURNS


# Signposting: the national default, replaced per site by operators.
SIGNPOST_TITLE = "If you are worried about a child"
SIGNPOST_TEXT = (
    "If a child is in immediate danger, call 999. Otherwise, contact the children's social care team "
    "at the child's local council, or call the NSPCC helpline on 0808 800 5000."
)
SIGNPOST_LINKS = (
    {"text": "Call 999", "href": "tel:999"},
    {"text": "NSPCC 0808 800 5000", "href": "tel:08088005000"},
    {
        "text": "Report child abuse to a local council (GOV.UK)",
        "href": "https://www.gov.uk/report-child-abuse-to-local-council",
    },
    {"text": "NSPCC (nspcc.org.uk)", "href": "https://www.nspcc.org.uk/"},
)


# One model for the operator's setting and the API's answer: only these three kinds of address,
# so no javascript: or data: link can reach a page.
class SignpostLink(BaseModel):
    """A signpost link: a web address, a phone number or an email address."""

    text: str = Field(..., min_length=1, max_length=120)
    href: str = Field(
        ..., max_length=500, description="An http(s) address, a phone number (tel:) or an email address (mailto:)."
    )

    @field_validator("href")
    @classmethod
    def web_address(cls, value: str) -> str:
        import re

        value = value.strip()
        if re.match(r"tel:", value, re.I):
            number = re.sub(r"[\s().-]", "", value[4:])  # "0808 800 5000" is dialled as 08088005000
            if not re.fullmatch(r"\+?[0-9]{3,15}", number):
                raise ValueError("a tel: link must be a phone number, such as tel:08088005000 or tel:+448088005000")
            return "tel:" + number
        if re.match(r"mailto:", value, re.I):
            if not re.fullmatch(r"mailto:[^\s@:/?#]+@[^\s@:/?#]+\.[^\s@:/?#]+", value, re.I):
                raise ValueError("a mailto: link must be one email address, such as mailto:mash@council.example")
            return value
        if not re.match(r"https?://[^\s/]+", value, re.I):
            raise ValueError(
                "a signpost link must be a web address starting with https:// or http://, "
                "a phone number (tel:) or an email address (mailto:)"
            )
        return value


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
    fetch_timeout: float = Field(
        FETCH_TIMEOUT, gt=0, description="Seconds a URL source may take in all (redirects and every read included)."
    )
    fetch_max_bytes: int = Field(FETCH_MAX_BYTES, gt=0, description="Largest URL source read, in bytes.")
    ocr: bool = Field(True, description="Read PDF pages without a text layer with OCR (tesseract-ocr).")
    fetch_allow_private: bool = Field(
        False, description="Fetch URL sources whose host name resolves to a private address (an intranet)."
    )

    # Chunking: passages are runs of whole sentences inside one section.
    passage_max_words: int = Field(PASSAGE_MAX_WORDS, ge=1, description="Words per passage at most.")
    passage_overlap_sentences: int = Field(
        PASSAGE_OVERLAP_SENTENCES, ge=0, description="Sentences a passage shares with the one before it."
    )
    passage_max_chars: int = Field(
        PASSAGE_MAX_CHARS, ge=100, description="Characters per passage at most; longer sentences are cut."
    )

    # Caps on what one file may cost to read; a file over a cap is reported and skipped.
    max_text_chars: int = Field(MAX_TEXT_CHARS, ge=1, description="Characters of text in one document at most.")
    docx_max_unzipped_bytes: int = Field(
        DOCX_MAX_UNZIPPED_BYTES, ge=1, description="Bytes a DOCX file may unpack to at most."
    )
    docx_max_ratio: float = Field(
        DOCX_MAX_RATIO, ge=1, description="How many times larger than packed a DOCX part over 1 MB may unpack."
    )
    docx_max_parts: int = Field(
        DOCX_MAX_PARTS, ge=10, description="Parts (files inside the zip) a DOCX file may hold at most."
    )
    pdf_max_unpacked_bytes: int = Field(
        PDF_MAX_UNPACKED_BYTES,
        ge=1,
        description="Bytes the content of a PDF's pages (and the forms they draw, not images) may unpack to at most.",
    )
    html_max_depth: int = Field(HTML_MAX_DEPTH, ge=8, le=500, description="How deep HTML elements may nest.")
    html_max_tags: int = Field(HTML_MAX_TAGS, ge=1, description="Tags in one HTML file at most.")

    # Retrieval and answers.
    k: int = Field(3, ge=1, le=10, description="Quotes at most.")
    candidates: int = Field(20, ge=1, description="Results taken from each retriever before fusion.")
    fusion: Fusion = Field(Fusion.LINEAR, description="How dense and BM25 rankings are fused.")
    bm25_weight: float = Field(0.5, ge=0, le=1, description="Weight of BM25 in linear fusion.")
    rrf_k: int = Field(60, ge=1, description="The constant of reciprocal rank fusion (with fusion=rrf).")
    # Abstention and glossary (docs/answers.md, "How abstention works"): the threshold comes
    # from the index's calibration.json (`assistant eval --calibrate`); this overrides it.
    min_confidence: float | None = Field(
        None, ge=0, le=1, description="Override the calibrated answer threshold (a probability)."
    )
    answerable_recall: float = Field(
        0.97, gt=0, le=1, description="Share of answerable eval questions the calibrated threshold keeps."
    )
    eval_set: Path = Field(
        SHIPPED_EVAL_SET,
        description="Evaluation set for `assistant eval`: a questions TOML, or a folder holding questions.toml "
        "(default: the bundled corpus's questions).",
    )
    glossary: Path | None = Field(None, description="A glossary TOML extending the shipped one (acronyms, synonyms).")
    highlight_margin: float = Field(
        0.08, ge=0, description="How close to the best sentence a sentence must score to be marked too."
    )

    # Web server.
    host: str = Field("127.0.0.1", description="Address to listen on.")
    port: int = Field(8000, description="Port to listen on.")
    max_question_chars: int = Field(1000, ge=1, description="Longest question accepted (longer: a readable 422).")
    max_body_bytes: int = Field(32_768, ge=1, description="Largest request body accepted (larger: 413).")
    embed_origins: list[str] = Field(
        default_factory=list,
        description="Partner origins allowed to frame /embed and call /api/* (e.g. https://partner.example).",
    )
    embed_accent: str = Field(
        DEFAULT_ACCENT,
        description="The widget's colour (#rrggbb): launcher, heading bar and Ask button; data-accent overrides it.",
    )
    widget_profiles: Path | None = Field(
        None,
        description="A TOML file giving allowed partner origins a widget profile: documents or filter, title, "
        "accent, suggested questions, daily question cap (enforced on the server).",
    )
    rate_limit: str = Field(
        "60/minute", description="Per-client limit on /api/* and POSTs (limits syntax, e.g. 60/minute)."
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="Addresses or CIDR ranges of reverse proxies whose forwarding headers are read.",
    )
    request_timeout: float = Field(20.0, gt=0, description="Seconds before a request is answered 503.")
    reload_poll_seconds: float = Field(2.0, ge=0, description="How often to look for a new index build (0: never).")

    # Query encoding (see bench/ for how these were tuned).
    batching: bool = Field(True, description="Micro-batch concurrent question embeddings (off: one at a time).")
    batch_window_ms: float = Field(
        2.0, ge=0, description="Milliseconds concurrent questions wait to share a batch (fp32)."
    )
    batch_max: int = Field(32, ge=1, description="Questions in one batch at most.")
    cache_size: int = Field(1024, ge=0, description="Question vectors remembered (LRU).")
    torch_threads: int = Field(
        0, ge=0, description="Threads for the torch encoder (0: decided from the cores available)."
    )

    # Encoder backends : which runtime and precision encode questions;
    # passages are always fp32. The ONNX files are exported from the installed weights on first use.
    encoder: Encoder = Field(
        ENCODER,
        description="Question encoder: onnx-int8, onnx-fp32, torch-int8 or torch-fp32 (fake: no model, for tests).",
    )
    encoder_cache: Path | None = Field(
        None, description="Folder for the exported ONNX models (default: ~/.cache/safeguarding-assistant/encoders)."
    )

    question_log: Path | None = Field(None, description="Opt-in, redacted question log for evaluation. Off by default.")

    # Chat UI: signpost, privacy wording, exports.
    signpost_title: str = Field(
        SIGNPOST_TITLE,
        min_length=1,
        max_length=120,
        description="Heading of the signpost shown to someone worried about a child.",
    )
    signpost_text: str = Field(
        SIGNPOST_TEXT, min_length=1, max_length=1000, description="Text of the signpost: your local front door."
    )
    signpost_links: list[SignpostLink] = Field(
        default_factory=lambda: [SignpostLink(**link) for link in SIGNPOST_LINKS],
        max_length=6,
        description='Signpost links, JSON: [{"text": "...", "href": "https://..."}] (https:, http:, tel: or mailto:).',
    )
    question_log_days: int | None = Field(
        None, ge=1, description="How many days you keep the question log: said on every page while it is on."
    )
    # What goes unanswered (assistant/server/insights.py): counts of everyday words, never questions.
    insights: bool = Field(
        False, description="Count the everyday words that go unanswered (on/off); said on every page while on."
    )
    insights_days: int = Field(30, ge=1, le=366, description="Days the insight counts are kept (per-day counts).")
    insights_file: Path | None = Field(
        None, description="The insight counts' SQLite file (default: insights.sqlite3 in the index folder)."
    )
    organisation: str = Field(
        "Safeguarding report assistant",
        min_length=1,
        max_length=120,
        description="Your organisation's name: the author of exported Word documents.",
    )

    # Hostile traffic and replicas (serving.py, security.py, routes/health.py).
    public_url: str | None = Field(
        None,
        description=(
            "The address users reach, e.g. https://assistant.example; drives absolute URLs and the allowed Host."
        ),
    )
    allowed_hosts: list[str] = Field(
        default_factory=list, description="Host names accepted besides the public URL's and loopback."
    )
    rate_limit_storage: str = Field(
        "memory://", description="Where rate-limit counters live: memory:// or redis://host:port (shared by replicas)."
    )
    rate_limit_fail: Literal["open", "closed"] = Field(
        "closed",
        description="When the rate-limit store (Redis) is down: closed refuses limited requests with a 503, "
        "open lets them through unlimited.",
    )
    rate_limit_timeout: float = Field(
        0.5, gt=0, le=10, description="Seconds to wait for the rate-limit store before treating it as down."
    )
    reload_token_file: Path | None = Field(
        None, description="File holding a token that lets POST /-/reload in from anywhere (mode 600)."
    )
    workers: int = Field(1, ge=1, le=64, description="Server processes for `assistant serve`.")
    max_connections: int = Field(
        1000, ge=1, description="Open connections per process at most (capped below the descriptor limit)."
    )
    backlog: int = Field(1024, ge=1, description="Connections the kernel queues before they are accepted.")
    header_timeout: float = Field(5.0, gt=0, description="Seconds a connection has to send a complete request head.")
    body_timeout: float = Field(10.0, gt=0, description="Seconds a request has to send its whole body.")
    keep_alive: int = Field(5, ge=1, description="Seconds an idle keep-alive connection stays open.")

    @field_validator("embed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        from assistant.server.security import check_origin

        return [check_origin(v) for v in value]

    @field_validator("embed_accent")
    @classmethod
    def _accent(cls, value: str) -> str:
        from assistant.server.branding import check_accent

        return check_accent(value)

    @field_validator("widget_profiles")
    @classmethod
    def _profiles(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        from assistant.server.profiles import InvalidProfile, load

        if value is not None:
            try:
                load(value, info.data.get("embed_origins", []))  # read again by the app; checked here for every command
            except InvalidProfile as exc:
                raise ValueError(f"{exc.where}: {readable_errors(exc.errors, whole='the table')}") from None
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, value: list[str]) -> list[str]:
        from assistant.server.security import check_networks

        return check_networks(value)

    @field_validator("reload_token_file")
    @classmethod
    def _token_file(cls, value: Path | None) -> Path | None:
        if value is not None:
            if not value.is_file():
                raise ValueError(f"{value} is not a file")
            if value.stat().st_mode & 0o077:
                raise ValueError(f"{value} may be read by others: chmod 600 it")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        from assistant.server.security import check_http_url

        return check_http_url(value).rstrip("/") if value else None


def readable_errors(errors: Iterable[Mapping[str, Any]], positions: bool = True, whole: str = "request body") -> str:
    """pydantic's errors as one phrase, "field: message; field: message": the fields named, never a
    value echoed (a value may be a question). ``positions=False`` names a list (``kinds``), not its
    item (``kinds.0``); ``whole`` names an error about no one field."""
    parts = []
    for err in errors:
        loc = [x for x in err.get("loc", ()) if x != "body" and (positions or not isinstance(x, int))]
        parts.append(f"{'.'.join(map(str, loc)) or whole}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts)


def default(name: str):
    """The default of one setting, for signatures and CLI options that fall back to it."""
    return Settings.model_fields[name].get_default(call_default_factory=True)
