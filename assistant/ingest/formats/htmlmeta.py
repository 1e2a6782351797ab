"""HTML page metadata: title, author, publisher, date, description, source URL and licence,
from meta tags first, then what the page prints ("Published 14 May 2021"), so that a
citation carries a year rather than "(n.d.)"."""

from __future__ import annotations

import re

# Meta tags read for each field, the first one present wins.
TAGS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "dc.title", "dcterms.title", "citation_title", "twitter:title"),
    "author": ("author", "dc.creator", "dcterms.creator", "article:author", "citation_author"),
    "publisher": ("og:site_name", "dc.publisher", "dcterms.publisher", "publisher"),
    "date": (
        "article:published_time",
        "govuk:first-published-at",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "dcterms.date",
        "date",
        "citation_publication_date",
        "govuk:public-updated-at",
        "article:modified_time",
        "dcterms.modified",
    ),
    "description": ("description", "og:description", "dc.description", "dcterms.description"),
    "source_url": ("og:url",),
    "licence": ("dc.rights", "dcterms.license", "dcterms.rights", "license"),
}


def _meta(soup, *names: str) -> str:
    for name in names:
        tag = soup.find("meta", attrs={"name": re.compile(f"^{re.escape(name)}$", re.I)}) or soup.find(
            "meta", attrs={"property": re.compile(f"^{re.escape(name)}$", re.I)}
        )
        if tag and (tag.get("content") or "").strip():
            return tag["content"].strip()
    return ""


def _page_title(soup, found: dict[str, str]) -> None:
    """The <title> when no tag gives one; "Title | Site name" gives the page's own title (its
    h1) and the site as publisher."""
    found["title"] = soup.title.string.strip()
    h1 = soup.find("h1")
    heading = re.sub(r"\s+", " ", h1.get_text(" ", strip=True)) if h1 else ""
    site = re.fullmatch(rf"{re.escape(heading)}\s+[-|–—:]\s+(.{{1,80}})", found["title"]) if heading else None
    if site:
        found["title"] = heading
        found["publisher"] = found["publisher"] or site.group(1).strip()


def metadata(soup, data: bytes = b"") -> dict:
    """Title, author, publisher, date, description, source URL and licence from meta tags."""
    found = {field: _meta(soup, *names) for field, names in TAGS.items()}
    tagged = {k for k in ("title", "author", "date") if found[k]}
    if not found["title"] and soup.title and soup.title.string:
        _page_title(soup, found)
    origin = {k: "meta tags" for k in tagged}
    if not found["author"]:
        found["author"] = _from_line(soup)  # GOV.UK's "From: <organisation>"
        origin["author"] = "From line"
    if found["title"] and "title" not in origin:
        origin["title"] = "page title"
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href", "").startswith("http"):
        found["source_url"] = canonical["href"]
    licence = soup.find(["a", "link"], rel="license")
    if licence and not found["licence"]:
        found["licence"] = licence.get_text(" ", strip=True) or licence.get("href", "")
    if not found["date"]:
        time = soup.find("time", attrs={"datetime": True})
        found["date"] = time["datetime"] if time else ""
        origin["date"] = "time tag"
    if not found["date"]:
        found["date"] = _labelled_date(soup)
        origin["date"] = "Published line"
    if not found["date"] and data:
        found["date"] = _date_in_text(data)
        origin["date"] = "page text"
    found["date"] = found["date"][:10]
    kept: dict[str, str | dict[str, str]] = {k: v for k, v in found.items() if v}
    kept["origin"] = {k: v for k, v in origin.items() if kept.get(k)}
    return kept


def _from_line(soup) -> str:
    """The organisation on a "From:" line (GOV.UK's ``<dt>From:</dt><dd>...</dd>``)."""
    for term in soup.find_all(["dt", "span", "p", "div"], string=re.compile(r"^\s*From:?\s*$", re.I)):
        value = term.find_next_sibling(["dd", "span", "a", "div"]) if term.name != "dt" else term.find_next("dd")
        text = re.sub(r"\s+", " ", value.get_text(" ", strip=True)) if value else ""
        if 0 < len(text) <= 150:
            return text
    return ""


_LABELLED = re.compile(
    r"\b(first published|published|last updated|updated|posted on|date published)\s*:?\s*(?:on\s+)?"
    r"(\d{1,2}\s+[A-Za-z]+\s+\d{4}|[A-Za-z]+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})",
    re.I,
)


_LABEL_START = re.compile(r"^\s*(?:first published|published|last updated|updated|posted on|date published)\b", re.I)


def _labelled_date(soup) -> str:
    """ISO date of a short line that starts "Published" (preferred: it dates the work) or
    "Last updated"; a date named in the body text ("the report, published on ...") is not it."""
    from datetime import datetime

    lines = []
    for string in soup.find_all(string=_LABEL_START):
        tag = string.parent
        text = re.sub(r"\s+", " ", tag.get_text(" ", strip=True))
        if tag.name == "dt" and tag.find_next_sibling("dd"):
            text += " " + tag.find_next_sibling("dd").get_text(" ", strip=True)  # <dt>Published</dt><dd>date</dd>
        if len(text) <= 80:
            lines.append(text)
    found: dict[bool, datetime] = {}
    for label, when in (m.groups() for m in map(_LABELLED.match, lines) if m):
        for fmt in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d"):
            try:
                found.setdefault("updated" not in label.lower(), datetime.strptime(when.replace(",", ""), fmt))
                break
            except ValueError:
                continue
    best = found.get(True) or found.get(False)
    return best.date().isoformat() if best else ""


def _date_in_text(data: bytes) -> str:
    """A date the page prints ("Published 14 May 2021", "Last updated: 24 May 2021"), found by
    htmldate (trafilatura's date finder) without guessing from arbitrary dates in the text."""
    from htmldate import find_date

    try:
        return find_date(data.decode("utf-8", "replace"), original_date=True, extensive_search=False) or ""
    except Exception:  # noqa: BLE001 - a date is a nicety; a page without one still reads
        return ""
