"""Sources: where documents come from -- local files, http(s) URLs and GOV.UK publications.

A source is read into one or more Documents: a GOV.UK publication page gives one per PDF or
HTML attachment, with its metadata taken from the GOV.UK Content API. Every failure is a
DocumentError whose message says why (and names the URL that failed).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from assistant.ingest.documents import Document, DocumentError, build_document, load_document, slugify
from assistant.ingest.fetching import FetchLimits, Origin, check_hop, fetch, has_userinfo, own_origins, redact
from assistant.ingest.formats import registry

CROWN_LICENCE = "© Crown copyright, Open Government Licence v3.0"
# Any host, so that tests (and mirrors) can speak the same JSON from their own origin.
_PUBLICATION = re.compile(r"^/government/publications/[^/]+/?$")
# GOV.UK serves attachment files from its asset host, not from the page's own host.
_ASSET_ORIGINS = {"www.gov.uk": {("https", "assets.publishing.service.gov.uk", 443)}}

# What sniff() finds that no format reads; each format names its own bytes (formats/registry.py).
_WHAT = {"zip": "a zip archive", "binary": "binary data"} | {f.kind: f.what for f in registry.FORMATS}
_HTML = re.compile(r"<(!doctype html|html|head|body|title|meta|div|p|article|main|h[1-6])[\s>/]")


Problems = list[tuple[str, str]]  # (source, reason)


def is_url(source: str) -> bool:
    return bool(re.match(r"https?://", source, re.I))


def is_publication(url: str) -> bool:
    """A GOV.UK publication page (``/government/publications/<slug>``), on any host."""
    return is_url(url) and bool(_PUBLICATION.match(urlsplit(url).path))


def read_source(source: str, limits: FetchLimits = FetchLimits()) -> tuple[list[Document], Problems]:
    """Read one source into documents, with the parts of it that could not be read."""
    if is_url(source) and has_userinfo(source):
        raise DocumentError("the address carries a user name or password: credentials are never sent or stored")
    if not is_url(source):
        return [load_document(Path(source))], []
    if is_publication(source):
        return read_publication(source, limits)
    return [load_url(source, limits)], []


# ---------------------------------------------------------------- URLs


def load_url(
    url: str,
    limits: FetchLimits = FetchLimits(),
    meta: dict | None = None,
    allowed: set[Origin] | None = None,
    expect: str = "",
) -> Document:
    """Fetch ``url`` and read it into a Document; ``meta`` wins over what the file says.
    ``expect``: a suffix of the format the page that links it names (a PDF, an HTML page); anything else is refused."""
    from assistant.ingest import formats

    fetched = fetch(url, limits, allowed)
    data, final_url = fetched.data, fetched.url
    suffix = pick_suffix(fetched.content_type, final_url, data)
    listed, sent = registry.by_suffix(expect), _format(suffix)
    if expect and (listed is None or listed.kind != sent.kind):
        said = listed.what if listed else expect
        raise DocumentError(f"the publication lists it as {said} but the server sent {sent.what}: not read")
    name = _name(final_url)
    blocks, found, fmt = formats.read(data, suffix, name + suffix)
    found.setdefault("source_url", final_url)
    doc = build_document(blocks, found, fmt, url, name + suffix, meta or {})
    doc.source_hash = hashlib.sha256(data).hexdigest()
    doc.original = data if fmt == "pdf" else None
    return doc


def pick_suffix(content_type: str, url: str, data: bytes) -> str:
    """The reader to use, from the declared type checked against the bytes.

    A declared type the bytes contradict (a PDF served as text/html, an HTML login page
    served as a PDF) is refused rather than guessed: either the server is misconfigured or
    it is not the document that was asked for. Undeclared types are read as sniffed.
    """
    mime = content_type.split(";")[0].strip().lower()
    found = sniff(data)
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    named = registry.by_suffix(suffix)  # what the address's extension says
    text = _format_of_kind("text")
    declared = registry.by_media_type(mime)
    picked = declared.suffixes[0] if declared else None
    if declared is None and mime.startswith("text/"):
        picked = suffix if named else _format_of_kind("html" if found == "html" else "text").suffixes[0]
    if declared is None and mime in ("", "application/octet-stream", "binary/octet-stream"):
        sniffed = registry.by_kind(found)
        if sniffed is None:
            raise DocumentError(f"unsupported content: the bytes are {_WHAT[found]}")
        if sniffed.kind == "text":
            picked = suffix if named and named.kind == "text" else text.suffixes[0]
        else:
            picked = sniffed.suffixes[0]
            if named and found not in named.accepts:
                raise DocumentError(f"the address ends {suffix} but the bytes are {_WHAT[found]}: not read")
    if picked is None:
        raise DocumentError(f"unsupported content type {mime or '(none)'}")
    if found not in _format(picked).accepts:
        raise DocumentError(f"the server calls it {mime or picked} but the bytes are {_WHAT[found]}: not read")
    return picked


def _format(suffix: str) -> registry.Format:
    fmt = registry.by_suffix(suffix)
    if fmt is None:  # pick_suffix returns only a readable suffix
        raise DocumentError(f"unsupported file type {suffix or '(none)'}")
    return fmt


def _format_of_kind(kind: str) -> registry.Format:
    fmt = registry.by_kind(kind)
    if fmt is None:
        raise DocumentError(f"no format reads {_WHAT.get(kind, kind)}")
    return fmt


def sniff(data: bytes) -> str:
    """What the bytes are: pdf, docx, zip, html, text or binary."""
    if b"%PDF-" in data[:1024]:  # PDF readers accept the header anywhere in the first 1 KB
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()  # the central directory only
        except (zipfile.BadZipFile, ValueError):
            return "binary"
        return "docx" if "word/document.xml" in names else "zip"
    if b"\x00" in data[:8192]:
        return "binary"
    head = data[:4096].decode("utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()
    if _HTML.search(head):
        return "html"
    return "text"


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
    allowed = allowed_origins(page)
    for attachment in attachments:
        url = urljoin(page, str(attachment.get("url") or ""))
        mime = str(attachment.get("content_type") or "").split(";")[0].strip().lower()
        fmt = registry.by_media_type(mime) if mime else registry.by_suffix(PurePosixPath(urlsplit(url).path).suffix)
        if not attachment.get("url") or not is_url(url):
            problems.append((page, f"an attachment has no usable URL ({attachment.get('title') or 'untitled'})"))
        elif fmt is None or not fmt.attachment:
            continue  # spreadsheets, data files: not prose to quote
        else:
            try:
                check_hop(url, allowed)  # before any download: the attachment is where the page allows
                doc = load_url(url, limits, _attachment_meta(item, attachment, url), allowed, fmt.suffixes[0])
            except DocumentError as exc:
                problems.append((redact(url), str(exc)))
                continue
            doc.publication = page
            docs.append(doc)
    if not docs:
        readable = " or ".join(f.what for f in registry.FORMATS if f.attachment)
        reasons = "; ".join(f"{src}: {why}" for src, why in problems) or f"none is {readable}"
        raise DocumentError(f"no readable attachment in the publication ({reasons})")
    return docs, problems


def allowed_origins(page: str) -> set[Origin]:
    """Where a publication's attachments may come from: the page's own origin, and GOV.UK's asset host."""
    return own_origins(page) | _ASSET_ORIGINS.get(urlsplit(page).hostname or "", set())


def _content_item(page: str, limits: FetchLimits) -> dict:
    api = content_api_url(page)
    try:
        data = fetch(api, limits).data
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
        "withdrawn": withdrawal(item),
    }


def withdrawal(item: dict) -> str:
    """The content item's withdrawal notice as one plain sentence, or "" when it stands."""
    notice = item.get("withdrawn_notice")
    if not isinstance(notice, dict) or not (notice.get("explanation") or notice.get("withdrawn_at")):
        return ""
    from bs4 import BeautifulSoup

    text = " ".join(BeautifulSoup(str(notice.get("explanation") or ""), "html.parser").get_text(" ").split())
    text = re.sub(r" ([.,;:!?)])", r"\1", text)  # the space get_text put after a link
    when = str(notice.get("withdrawn_at") or "")[:10]
    try:
        day = _dt.date.fromisoformat(when)
        when = f"{day.day} {day:%B %Y}"
    except ValueError:
        when = ""
    said = "The publisher withdrew this document" + (f" on {when}" if when else "")
    return f"{said}: {text}" if text else f"{said}."
