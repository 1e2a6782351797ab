"""HTML reader: the page's main content only, with h1-h6 as sections.

BeautifulSoup (lxml parser) picks the main content from the page's own structure
(<main>, role="main", <article>) after dropping navigation, cookie banners, forms,
asides and footers. On a page without such landmarks, trafilatura (which finds the
article by text density) decides which of those blocks are the article.
"""

from __future__ import annotations

import re

from assistant.formats.base import Block, DocumentError

_DROP_TAGS = ["script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button",
              "iframe", "object", "select", "dialog", "menu"]
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|skip-?link|breadcrumb|share|social|newsletter|related|sidebar|site-?header|"
    r"site-?footer|masthead|menu|nav\b|navbar|promo|advert|subscribe",
    re.I,
)
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot",
          "tr", "div", "section", "article", "main", "blockquote", "pre", "figure", "figcaption", "dl",
          "dt", "dd", "header", "footer", "address", "hr", "details", "summary", "caption"}


def read(data: bytes) -> tuple[list[Block], dict]:
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as exc:  # noqa: BLE001 - a parser failure means an unreadable page
        raise DocumentError(f"the HTML could not be parsed ({exc.__class__.__name__})") from exc
    meta = metadata(soup)
    landmark = soup.find("main") or soup.find(attrs={"role": "main"}) or _largest_article(soup)
    root = landmark or soup.body or soup
    _strip_boilerplate(root)
    blocks: list[Block] = []
    _walk(root, blocks)
    if landmark is None:
        blocks = _keep_main(blocks, data)
    if not blocks:
        raise DocumentError("the HTML page has no readable text in its main content")
    return blocks, meta


def _largest_article(soup):
    articles = soup.find_all("article")
    return max(articles, key=lambda a: len(a.get_text(" ", strip=True)), default=None)


def _keep_main(blocks: list[Block], data: bytes) -> list[Block]:
    """Without landmarks, trafilatura (text density) decides which blocks are the article;
    our own blocks keep the structure (headings, lists, tables) it flattens."""
    import trafilatura

    main = trafilatura.extract(data, include_tables=True, include_comments=False, include_links=False)
    if not main:
        return blocks
    main = re.sub(r"\s+", " ", main)
    kept = [b for b in blocks if b.kind == "heading" or re.sub(r"\s+", " ", b.text)[:80] in main]
    # A heading stays only if some text of the article follows it before the next heading of its rank.
    out: list[Block] = []
    for i, b in enumerate(kept):
        if b.kind == "heading":
            rest = kept[i + 1 :]
            stop = next((j for j, n in enumerate(rest) if n.kind == "heading" and n.level <= b.level), len(rest))
            if not any(n.kind != "heading" for n in rest[:stop]):
                continue
        out.append(b)
    return out


def _strip_boilerplate(root) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    total = len(root.get_text(" ", strip=True)) or 1
    for tag in root.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        role = (tag.get("role") or "").lower()
        marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        hidden = tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or re.search(
            r"display\s*:\s*none", tag.get("style") or ""
        )
        chrome = tag.name in ("header", "footer") and not tag.find(re.compile(r"^h[1-6]$"))
        # A class name alone never removes most of the page (a "sidebar-layout" wrapper).
        named = bool(marks.strip() and _BOILERPLATE.search(marks)) and len(tag.get_text(" ", strip=True)) < total / 2
        if role in _DROP_ROLES or hidden or chrome or named:
            tag.decompose()


def _text(tag) -> str:
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", re.sub(r"[ \t\r\f\v\u00a0]+", " ", tag.get_text(""))).strip()


def _walk(node, out: list[Block]) -> None:
    """Emit blocks in document order; inline text between blocks becomes a paragraph."""
    from bs4 import NavigableString, Tag

    inline: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(inline)).strip()
        if text:
            out.append(Block(text))
        inline.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "ProcessingInstruction", "Declaration", "CData"):
                continue
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in _BLOCK:
            inline.append(_text(child) if child.name != "br" else "\n")
            continue
        flush()
        name = child.name
        if re.fullmatch(r"h[1-6]", name):
            text = re.sub(r"\s+", " ", _text(child))
            if text:
                out.append(Block(text, "heading", int(name[1])))
        elif name == "li":
            nested = child.find_all(["ul", "ol"])
            for sub in nested:
                sub.extract()
            text = re.sub(r"\s+", " ", _text(child))
            if text:
                out.append(Block(text, "list_item"))
            for sub in nested:
                _walk(sub, out)
        elif name == "tr":
            cells = [re.sub(r"\s+", " ", _text(c)) for c in child.find_all(["td", "th"])]
            if any(cells):
                out.append(Block(" | ".join(cells), "table_row"))
        elif name in ("p", "pre", "dt", "dd", "figcaption", "caption", "summary", "address"):
            text = _text(child)
            if text:
                out.append(Block(text))
        else:
            _walk(child, out)
    flush()


def metadata(soup) -> dict:
    """Title, author, publisher, date, description, source URL and licence from meta tags."""

    def meta(*names: str) -> str:
        for name in names:
            tag = soup.find("meta", attrs={"name": re.compile(f"^{re.escape(name)}$", re.I)}) or soup.find(
                "meta", attrs={"property": re.compile(f"^{re.escape(name)}$", re.I)}
            )
            if tag and (tag.get("content") or "").strip():
                return tag["content"].strip()
        return ""

    found = {
        "title": meta("og:title", "dc.title", "dcterms.title", "citation_title", "twitter:title"),
        "author": meta("author", "dc.creator", "dcterms.creator", "article:author", "citation_author"),
        "publisher": meta("og:site_name", "dc.publisher", "dcterms.publisher", "publisher"),
        "date": meta("article:published_time", "dc.date", "dcterms.issued", "dcterms.created", "date",
                     "citation_publication_date", "govuk:first-published-at"),
        "description": meta("description", "og:description", "dc.description", "dcterms.description"),
        "source_url": meta("og:url"),
        "licence": meta("dc.rights", "dcterms.license", "dcterms.rights", "license"),
    }
    if not found["title"] and soup.title and soup.title.string:
        found["title"] = soup.title.string.strip()
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href", "").startswith("http"):
        found["source_url"] = canonical["href"]
    licence = soup.find(["a", "link"], rel="license")
    if licence and not found["licence"]:
        found["licence"] = licence.get_text(" ", strip=True) or licence.get("href", "")
    if not found["date"]:
        time = soup.find("time", attrs={"datetime": True})
        found["date"] = time["datetime"] if time else ""
    found["date"] = found["date"][:10]
    return {k: v for k, v in found.items() if v}
