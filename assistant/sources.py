"""Sources: where documents come from -- local files, http(s) URLs and GOV.UK publications.

A source is read into one or more Documents: a GOV.UK publication page gives one per PDF or
HTML attachment, with its metadata taken from the GOV.UK Content API. Every failure is a
DocumentError whose message says why (and names the URL that failed).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from assistant.documents import Document, DocumentError, build_document, load_document, slugify
from assistant.settings import FETCH_MAX_BYTES, FETCH_TIMEOUT

USER_AGENT = "safeguarding-report-assistant/0.1 (document ingest)"
CROWN_LICENCE = "© Crown copyright, Open Government Licence v3.0"
# Any host, so that tests (and mirrors) can speak the same JSON from their own origin.
_PUBLICATION = re.compile(r"^/government/publications/[^/]+/?$")
# GOV.UK serves attachment files from its asset host, not from the page's own host.
_ASSET_HOSTS = {"www.gov.uk": {"assets.publishing.service.gov.uk"}}

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


@dataclass(frozen=True)
class FetchLimits:
    """How long to wait for, and how much to read of, an http(s) source."""

    timeout: float = FETCH_TIMEOUT
    max_bytes: int = FETCH_MAX_BYTES


Problems = list[tuple[str, str]]  # (source, reason)


def is_url(source: str) -> bool:
    return bool(re.match(r"https?://", source, re.I))


def is_publication(url: str) -> bool:
    """A GOV.UK publication page (``/government/publications/<slug>``), on any host."""
    return is_url(url) and bool(_PUBLICATION.match(urlsplit(url).path))


def read_source(source: str, limits: FetchLimits = FetchLimits()) -> tuple[list[Document], Problems]:
    """Read one source into documents, with the parts of it that could not be read."""
    if not is_url(source):
        return [load_document(Path(source))], []
    if is_publication(source):
        return read_publication(source, limits)
    return [load_url(source, limits.timeout, limits.max_bytes)], []


# ---------------------------------------------------------------- URLs


def load_url(
    url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES, meta: dict | None = None
) -> Document:
    """Fetch ``url`` and read it into a Document; ``meta`` wins over what the file says."""
    from assistant import formats

    data, content_type, final_url = fetch(url, timeout, max_bytes)
    suffix = pick_suffix(content_type, final_url, data)
    name = _name(final_url)
    blocks, found, fmt = formats.read(data, suffix, name + suffix)
    found.setdefault("source_url", final_url)
    doc = build_document(blocks, found, fmt, url, name + suffix, meta or {})
    doc.source_hash = hashlib.sha256(data).hexdigest()
    doc.original = data if fmt == "pdf" else None
    return doc


def fetch(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES) -> tuple[bytes, str, str]:
    """(body, content type, final URL after redirects), read in chunks up to ``max_bytes``."""
    import httpx

    limit = f"{max_bytes / 1_048_576:.0f} MB" if max_bytes >= 1_048_576 else f"{max_bytes} bytes"
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise DocumentError(f"the server answered {response.status_code} {response.reason_phrase}".rstrip())
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


# ---------------------------------------------------------------- GOV.UK publications


def content_api_url(page: str) -> str:
    """The Content API address of a GOV.UK page: ``/api/content`` + the page's path, same origin."""
    parts = urlsplit(page)
    return f"{parts.scheme}://{parts.netloc}/api/content{parts.path.rstrip('/')}"


def read_publication(page: str, limits: FetchLimits = FetchLimits()) -> tuple[list[Document], Problems]:
    """Every PDF and HTML attachment of a GOV.UK publication, cited as the content item says."""
    item = _content_item(page, limits)
    attachments = [a for a in (item.get("details") or {}).get("attachments") or [] if isinstance(a, dict)]
    if not attachments:
        raise DocumentError(f"the publication lists no attachments (GOV.UK Content API: {content_api_url(page)})")
    docs: list[Document] = []
    problems: Problems = []
    allowed = allowed_hosts(page)
    for attachment in attachments:
        url = urljoin(page, str(attachment.get("url") or ""))
        mime = str(attachment.get("content_type") or "").split(";")[0].strip().lower()
        kind = _TYPES.get(mime) if mime else PurePosixPath(urlsplit(url).path).suffix.lower()
        if not attachment.get("url") or not is_url(url):
            problems.append((page, f"an attachment has no usable URL ({attachment.get('title') or 'untitled'})"))
        elif kind not in (".pdf", ".html", ".htm"):
            continue  # spreadsheets, data files: not prose to quote
        elif urlsplit(url).hostname not in allowed:
            problems.append((url, f"the attachment is on another host than the publication page {page}"))
        else:
            try:
                doc = load_url(url, limits.timeout, limits.max_bytes, _attachment_meta(item, attachment, url))
            except DocumentError as exc:
                problems.append((url, str(exc)))
                continue
            doc.publication = page
            docs.append(doc)
    if not docs:
        reasons = "; ".join(f"{src}: {why}" for src, why in problems) or "none is a PDF or an HTML page"
        raise DocumentError(f"no readable attachment in the publication ({reasons})")
    return docs, problems


def allowed_hosts(page: str) -> set[str]:
    """Hosts a publication's attachments may come from: the page's own, and GOV.UK's asset host."""
    host = urlsplit(page).hostname or ""
    return {host} | _ASSET_HOSTS.get(host, set())


def _content_item(page: str, limits: FetchLimits) -> dict:
    api = content_api_url(page)
    try:
        data, _, _ = fetch(api, limits.timeout, limits.max_bytes)
    except DocumentError as exc:
        raise DocumentError(f"the GOV.UK Content API at {api}: {exc}") from None
    try:
        item = json.loads(data)
    except ValueError:
        item = None
    if not isinstance(item, dict):
        raise DocumentError(f"the GOV.UK Content API at {api} did not answer with a JSON content item")
    return item


def _attachment_meta(item: dict, attachment: dict, url: str) -> dict:
    """Citation fields for one attachment: its title, the item's organisations, date and description."""
    links = item.get("links") or {}
    orgs = [str(o.get("title")) for o in links.get("organisations") or [] if isinstance(o, dict) and o.get("title")]
    title = str(attachment.get("title") or item.get("title") or "")
    published = str(item.get("first_published_at") or item.get("public_updated_at") or "")
    # "corporate_report", "independent_report"...: cited as the report itself, without a [kind].
    kind = str(item.get("document_type") or "publication").replace("_", " ")
    return {
        "id": slugify(title, "") or _name(url),
        "title": title,
        "author": ", ".join(orgs),
        "publisher": ", ".join(orgs),
        "date": published[:10] if re.match(r"\d{4}-\d{2}-\d{2}", published) else "",
        "source_url": url,
        "licence": CROWN_LICENCE,
        "kind": "report" if kind.endswith("report") else kind,
        "description": str(item.get("description") or ""),
    }
