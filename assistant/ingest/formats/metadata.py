"""What a document says about itself: dates written in words, labelled lines ("Published:
3 March 2022", "From: ..."), and the titles and authors that tools write when nobody
named one ("Microsoft Word - report_final_v3.docx", a login name). Every reader uses it,
so a date or a junk title is recognised the same way in every format."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
DATE_WORDS = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS}|{_MONTHS_SHORT})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS}|{_MONTHS_SHORT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
)
_DATE_ONLY = re.compile(rf"^(?:(?:published|first published)\s*:?\s*(?:in|on)?\s*)?({DATE_WORDS})\.?$", re.I)
_LABEL = re.compile(
    r"^(published|first published|date published|publication date|date of publication|last updated|updated|"
    r"revised|date|from|author|authors|written by|by|prepared by)\s*:?\s+(.{2,120})$",
    re.I,
)
_DATE_LABELS = {"published", "first published", "date published", "publication date", "date of publication", "date"}
_UPDATE_LABELS = {"last updated", "updated", "revised"}
_AUTHOR_LABELS = {"from", "author", "authors", "written by", "by", "prepared by"}
_JUNK_TITLE = re.compile(
    r"\.(docx?|dotx?|indd|pdf|pptx?|odt|rtf|txt)$|^untitled\b|^unspecified$|^microsoft\s+(word|powerpoint)\b|"
    r"^(document|presentation)\d*$|^slide\s*\d+$",
    re.I,
)
_PLACEHOLDER_AUTHOR = re.compile(r"anonymous|unknown|user|admin(?:istrator)?|author|owner|windows user", re.I)
_ORGANISATION = re.compile(
    r"\b(panel|partnership|council|board|department|agency|trust|service|services|authority|commission|office|"
    r"nhs|foundation|society|charity|network|institute|centre|center|government|ministry|inspectorate|ofsted|"
    r"university|college|alliance|association|federation|police|constabulary|safeguarding children)\b",
    re.I,
)


def iso_date(text: str) -> str:
    """ISO date (or year-month) of a date written in words; "" when ``text`` holds none."""
    found = re.search(DATE_WORDS, text or "", re.I)
    if not found:
        return ""
    when = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", found.group(0)).replace(",", " ").replace(".", " ")
    when = re.sub(r"\s+", " ", when).strip().replace("Sept ", "Sep ")
    for fmt, shape in (
        ("%d %B %Y", "%Y-%m-%d"),
        ("%d %b %Y", "%Y-%m-%d"),
        ("%B %d %Y", "%Y-%m-%d"),
        ("%b %d %Y", "%Y-%m-%d"),
        ("%B %Y", "%Y-%m"),
        ("%b %Y", "%Y-%m"),
        ("%Y-%m-%d", "%Y-%m-%d"),
        ("%d/%m/%Y", "%Y-%m-%d"),  # British order
    ):
        try:
            return datetime.strptime(when, fmt).strftime(shape)
        except ValueError:
            continue
    return ""


def date_line(text: str) -> str:
    """The ISO date of a line that is only a date ("May 2021", "Published 14 May 2021")."""
    found = _DATE_ONLY.match(text.strip())
    return iso_date(found.group(1)) if found else ""


def labelled(text: str) -> tuple[str, str] | None:
    """("date" | "updated" | "author", value) for a short labelled line, else None.

    "Published: 3 March 2022" gives the date, "Last updated: ..." the update, "From: The
    Panel" or "By ..." the author. A sentence that merely mentions a date is no such line.
    """
    if len(text) > 300:
        return None
    line = re.sub(r"\s+", " ", text).strip()
    found = _LABEL.match(line)
    if not found or len(line) > 140:
        return None
    label, value = found.group(1).lower(), found.group(2).strip().rstrip(".")
    if label in _DATE_LABELS or label in _UPDATE_LABELS:
        when = iso_date(value)
        if not when or len(value.split()) > 5:
            return None
        return ("date" if label in _DATE_LABELS else "updated", when)
    if label in _AUTHOR_LABELS and len(value.split()) <= 12 and not found.group(2).strip().endswith((".", "?", "!")):
        if re.search(r"\d", value) or (label == "by" and (not value[:1].isupper() or len(value.split()) > 8)):
            return None  # "By March 2021 every partnership..." is a sentence
        if ":" not in found.group(0)[: len(label) + 2] and label in ("from", "author", "authors"):
            return None  # "From the start of..." is a sentence, "From: ..." a label
        return ("author", value)
    return None


def junk_title(title: str) -> bool:
    """A title a tool wrote: a file name, "Untitled", "Microsoft Word - ..."."""
    title = title.strip()
    if not title or _JUNK_TITLE.search(title):
        return True
    return " " not in title and ("_" in title or bool(re.search(r"\d", title)))  # "report_final_v3"


def junk_author(author: str) -> bool:
    """A placeholder or a login name ("jsmith01", "j.smith", "DOMAIN\\jsmith") rather than a person
    or an organisation."""
    author = author.strip()
    if not author or _PLACEHOLDER_AUTHOR.fullmatch(author):
        return True
    return "\\" in author or bool(re.fullmatch(r"[a-z0-9._-]+|[A-Za-z]+\d+", author))


def organisation(text: str) -> str:
    """The organisation a short cover line names ("Northshire Safeguarding Children Partnership"), or ""."""
    line = re.sub(r"\s+", " ", text).strip()
    line = re.split(rf",?\s+(?:published\s+)?(?:in\s+)?(?:{DATE_WORDS})", line, flags=re.I)[0].rstrip(" ,.")
    line = re.sub(r"^(?:published by|prepared by|from|by)\s*:?\s+", "", line, flags=re.I)
    words = line.split()
    if not 2 <= len(words) <= 12 or not _ORGANISATION.search(line) or not line[:1].isupper():
        return ""
    capitals = sum(1 for w in words if w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "&", "on"))
    return line if capitals == len(words) else ""
