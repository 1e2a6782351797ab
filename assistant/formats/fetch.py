"""URL ingestion: fetch one http(s) document with httpx and read it like a local file.

The content type picks the reader (the URL's extension, then the first bytes, when the
server says only ``application/octet-stream``). Every failure -- refused connection,
timeout, 4xx/5xx, too large, unsupported type -- is a DocumentError with a clear reason.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from assistant.documents import Document, DocumentError, build_document
from assistant.settings import FETCH_MAX_BYTES as MAX_BYTES
from assistant.settings import FETCH_TIMEOUT as TIMEOUT
USER_AGENT = "safeguarding-report-assistant/0.1 (document ingest)"

_TYPES = {
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
_SUFFIXES = {".pdf", ".html", ".htm", ".docx", ".txt", ".text", ".md", ".markdown"}


def load_url(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Document:
    """Fetch ``url`` and read it into a Document (DocumentError says why it could not)."""
    from assistant import formats

    data, content_type, final_url = fetch(url, timeout, max_bytes)
    suffix = pick_suffix(content_type, final_url, data)
    name = _name(final_url)
    blocks, found, fmt = formats.read(data, suffix, name + suffix)
    found.setdefault("source_url", final_url)
    doc = build_document(blocks, found, fmt, url, name + suffix, {})
    doc.source_hash = hashlib.sha256(data).hexdigest()
    return doc


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[bytes, str, str]:
    """(body, content type, final URL after redirects), read in chunks up to ``max_bytes``."""
    import httpx

    limit = f"{max_bytes / 1_048_576:.0f} MB" if max_bytes >= 1_048_576 else f"{max_bytes} bytes"
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise DocumentError(
                        f"the server answered {response.status_code} {response.reason_phrase}".rstrip()
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise DocumentError(f"the document is larger than the {limit} limit")
                chunks, total = [], 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise DocumentError(f"the document is larger than the {limit} limit")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                final_url = str(response.url)
    except httpx.TimeoutException:
        raise DocumentError(f"no answer from the server within {timeout:g} seconds") from None
    except httpx.InvalidURL as exc:
        raise DocumentError(f"not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise DocumentError(f"could not fetch the URL ({exc.__class__.__name__}: {exc})") from None
    data = b"".join(chunks)
    if not data.strip():
        raise DocumentError("the server sent an empty document")
    return data, content_type, final_url


def pick_suffix(content_type: str, url: str, data: bytes) -> str:
    """The reader to use: the declared type, else the URL's extension, else the first bytes."""
    mime = content_type.split(";")[0].strip().lower()
    if mime in _TYPES:
        return _TYPES[mime]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if mime in ("", "application/octet-stream", "binary/octet-stream") or mime.startswith("text/"):
        if suffix in _SUFFIXES:
            return suffix
        if data.startswith(b"%PDF"):
            return ".pdf"
        if data.startswith(b"PK") and b"word/" in data[:4096]:
            return ".docx"
        if re.match(rb"\s*(<!doctype html|<html)", data[:512], re.I):
            return ".html"
    raise DocumentError(f"unsupported content type {mime or '(none)'}")


def _name(url: str) -> str:
    """A file-like name for the document id: the last path segment, else the host."""
    parts = urlsplit(url)
    segment = unquote(PurePosixPath(parts.path.rstrip("/")).name)
    return PurePosixPath(segment).stem or parts.hostname or "document"
