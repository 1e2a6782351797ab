"""Citations: where a quote comes from, kept as data, and the one way each output renders it.

A :class:`Citation` holds the facts (author, year, title, kind, pages, section, url). Every
output starts from :func:`runs`, the citation in a style cut into (text, italic) runs: plain
text joins them, Markdown wraps the italic run in asterisks, the HTML macro
(web/templates/partials/quote_parts.html) in ``<cite>``, and DOCX in italic runs. No code ever
parses a rendered citation back.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.ingest.documents import Document

STYLES = ("harvard", "plain")


class Citation(BaseModel):
    author: str = Field("", description="The author, or the publisher when no author is known.")
    year: str = Field("", description="Year of publication, or 'n.d.'.")
    title: str
    kind: str = Field("", description="'report', 'news item'...; only kinds other than a report are shown.")
    pages: str | None = Field(None, description="Printed page(s), e.g. '23' or '12–13'.")
    section: str | None = Field(None, description="The innermost section, unless it is the document's own title.")
    url: str = Field("", description="An http(s) link to the source (at the PDF page when known), or empty.")
    publisher: str = Field("", description="The publisher, for a reference list.")
    place: str = Field("", description="The place of publication, for a reference list.")

    @classmethod
    def of(
        cls, doc: Document, section_path: list[str] | None, pages: str | None, pdf_page: int | None = None
    ) -> Citation:
        meta = doc.meta
        inner = section_path[-1] if section_path else None
        return cls(
            author=meta.author or meta.publisher or "",
            year=str(meta.year or ""),
            title=meta.title,
            kind=meta.kind or "",
            pages=pages,
            section=None if inner == meta.title else inner,
            url=source_link(doc, pdf_page),
            publisher=meta.publisher or "",
            place=meta.place or "",
        )


def runs(c: Citation, style: str = "harvard") -> list[tuple[str, bool]]:
    """Harvard-like: Author (Year) *Title* [kind], p. 23, “Section”.
    Plain: Author (Year) Title [kind], p. 4, Section."""
    pages = _pages(c)
    kind = _kind(c)
    if style == "plain":
        head = f"{c.author} ({c.year}) {c.title}" if c.author else f"{c.title} ({c.year})"
        return [(", ".join(x for x in (head + kind, pages, c.section) if x), False)]
    tail = "".join(f", {x}" for x in (pages, f"“{c.section}”" if c.section else None) if x)
    if c.author:
        return [(f"{c.author} ({c.year}) ", False), (c.title, True), (kind + tail, False)]
    return [(c.title, True), (f" ({c.year}){kind}{tail}", False)]


def place(c: Citation) -> str | None:
    """Where in its document a quote is: "p. 23", "pp. 12–13", or the section of a document without pages."""
    return _pages(c) or (f"section “{c.section}”" if c.section else None)


def _pages(c: Citation) -> str | None:
    return None if not c.pages else (f"pp. {c.pages}" if "–" in c.pages else f"p. {c.pages}")


def _kind(c: Citation) -> str:
    return f" [{c.kind}]" if c.kind and c.kind != "report" else ""  # a news item is not to be credited as the report


# Handout runs are (text, kind): kind "" is plain text, "title" is set in italics, "url" is a link.
TITLE, LINK = "title", "url"


def in_text(c: Citation, style: str = "harvard") -> list[tuple[str, str]]:
    """What follows each quote in a handout. Harvard (Cite Them Right): (Author, Year, p. 23), the
    section standing in for a page the document does not have; plain: the whole citation line."""
    if style == "plain":
        return [("— " + plain(c, "plain"), "")]
    where = place(c)
    if c.author:
        return [("(" + ", ".join(x for x in (c.author, c.year, where) if x) + ")", "")]
    return [("(", ""), (c.title, TITLE), ("".join(f", {x}" for x in (c.year, where) if x) + ")", "")]


def reference(c: Citation, accessed: str, style: str = "harvard") -> list[tuple[str, str]]:
    """A reference-list entry (Cite Them Right Harvard): Author (Year) *Title*. Place: Publisher.
    Available at: URL (Accessed: 5 December 2026). Plain: the same words without italics."""
    title = TITLE if style == "harvard" else ""
    if c.author:
        out = [(f"{c.author} ({c.year}) ", ""), (c.title, title)]
        stop = "" if c.title.endswith((".", "?", "!")) and not _kind(c) else "."
        out.append((_kind(c) + stop, ""))
    else:
        out = [(c.title, title), (f" ({c.year}){_kind(c)}.", "")]
    # A web page by the body that published it names it once; "Place: Publisher" keeps both.
    publisher = c.publisher if c.place or c.publisher != c.author else ""
    where = ": ".join(x for x in (c.place, publisher) if x)
    if where:
        out.append((f" {where}.", ""))
    url = c.url.split("#page=")[0]  # the document, not the page one quote came from
    if url:
        out += [(" Available at: ", ""), (url, LINK), (f" (Accessed: {accessed}).", "")]
    return out


def plain(c: Citation, style: str = "harvard") -> str:
    """The citation as plain text (copying, CSV, text exports, the CLI)."""
    return "".join(text for text, _ in runs(c, style))


def markdown(c: Citation, style: str = "harvard") -> str:
    """The citation in Markdown: the title in *asterisks*, every part escaped (the API's
    ``citation`` string and the Markdown export), so a title can never become markup."""
    return "".join(f"*{md_escape(t)}*" if italic else md_escape(t) for t, italic in runs(c, style) if t)


def md_link(url: str) -> str:
    """A link for Markdown: ``<url>`` (an autolink) for a checked http(s) URL, else nothing."""
    url = safe_url(url)
    return f"<{url}>" if url else ""


# Markdown needs escaping only where a character would start markup: emphasis, code, links,
# HTML and entities inline, and headings, lists, rules or quotes at the start of a line.
# Full stops, brackets and dashes inside a sentence are left alone, so the file reads as text.
_MD_INLINE = re.compile(r"([\\`*_<>])")
_MD_LINK_END = re.compile(r"\](?=[(\[:])")  # "[a](b)" would be a link; "[news item]" alone is text
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)](?:\s|$)))")


def md_escape(text: str) -> str:
    """Text that CommonMark shows as itself: no HTML, link, emphasis or block starts."""
    text = _MD_LINK_END.sub(r"\\]", _MD_ENTITY.sub("&amp;", _MD_INLINE.sub(r"\\\1", text)))
    return "\n".join(_md_line(line) for line in text.split("\n"))


def _md_line(line: str) -> str:
    m = _MD_LINE_START.match(line)
    if not m:
        return line
    if m.group(2)[0].isdigit():  # "2021. " would start a numbered list: escape its full stop
        n = m.end()
        return line[:n] + "\\" + line[n:]
    return m.group(1) + "\\" + line[m.end(1) :]


def html_runs(parts: Citation | dict, style: str = "harvard") -> list[tuple[str, bool]]:
    """:func:`runs` for the HTML macro, which may hold a quote as a dict (``model_dump``)."""
    return runs(Citation.model_validate(parts), style)


def text_of(parts: Citation | dict, style: str = "harvard") -> str:
    """:func:`plain` for templates: the ``data-citation`` that copy and the basket use."""
    return plain(Citation.model_validate(parts), style)


def source_line(c: Citation) -> str:
    """A document as a list of sources gives it: author (year) title [kind]."""
    head = f"{c.author} ({c.year}) {c.title}" if c.author else c.title
    return head + _kind(c)


# Characters left as they are in the path, query and fragment of a URL; everything else is
# percent-encoded, so no quote, parenthesis, space or angle bracket can end a link in HTML or Markdown.
_URL_SAFE = "/?%@!$&+,;=~-._"  # ":" too is encoded: no "javascript:" even inside a path
_HOST = re.compile(r"[\w.\-]+|\[[0-9a-fA-F:.]+\]")


def safe_url(url: str | None) -> str:
    """Only http(s) links with a host leave the server, percent-encoded and without credentials:
    a ``javascript:`` or ``data:`` source, or one that does not parse, becomes no link."""
    from urllib.parse import quote, urlsplit, urlunsplit

    url = (url or "").strip()
    if not re.match(r"https?://", url, re.I) or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when it is not a number
        host = parts.netloc.rsplit("@", 1)[-1].rsplit(":", 1)[0] if port else parts.netloc.rsplit("@", 1)[-1]
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except (ValueError, UnicodeError):
        return ""
    if not host or not _HOST.fullmatch(host):
        return ""
    netloc = f"{host}:{port}" if port else host
    path, query, fragment = (quote(x, safe=_URL_SAFE) for x in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme.lower(), netloc, path, query, fragment))


def source_link(doc: Document, pdf_page: int | None) -> str:
    url = safe_url(doc.meta.source_url)
    if url and doc.format == "pdf" and pdf_page:
        return f"{url.split('#')[0]}#page={pdf_page}"
    return url
