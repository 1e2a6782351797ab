"""HTML reader: the page's main content only, with h1-h6 as sections.

BeautifulSoup (lxml parser) picks the main content from the page's own structure
(<main>, role="main", <article>) after dropping navigation, cookie banners, forms,
asides and footers. On a page without such landmarks, trafilatura (which finds the
article by text density) decides which of those blocks are the article.

Publishing chrome inside the content goes too: a format label over the title ("Press
release"), "From:"/"Published" lines, share links, "Is this page useful?", related links
and an in-page contents list. Footnote markers (``<sup>1</sup>``) are written ``[1]``,
as the PDF reader writes them, so "2020.<sup>1</sup>" never reads "2020.1".

Every step is linear in the page's size: a page with more tags, or deeper nesting, than the
caps is refused before the work that grows with them.
"""

from __future__ import annotations

import re

from assistant.ingest.formats.base import Block, DocumentError, ReadLimits, over_cap
from assistant.ingest.formats.htmlmeta import metadata

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "aside",
    "form",
    "button",
    "iframe",
    "object",
    "select",
    "dialog",
    "menu",
]
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|skip-?link|breadcrumb|share|social|newsletter|related|sidebar|site-?header|"
    r"site-?footer|masthead|menu|nav\b|navbar|promo|advert|subscribe|metadata|byline|entry-meta|post-meta|"
    # A page's own "feedback from families" section stays: only feedback widgets go.
    r"gem-c-feedback|page-?feedback|feedback-?(?:form|banner|survey)|title__context|caption-(?:xl|l|m)\b",
    re.I,
)
# Headings of page furniture: the heading and what follows it up to the next heading of its rank go.
_CHROME_HEADINGS = {
    "is this page useful?",
    "was this page helpful?",
    "share this page",
    "related content",
    "related links",
    "related posts",
    "related articles",
    "explore the topic",
    "contents",
    "on this page",
    "in this section",
    "help us improve gov.uk",
    "get emails about this page",
    "print this page",
    "cookies on gov.uk",
}
# GOV.UK's format labels, shown over a page's title.
_FORMAT_LABELS = {
    "press release",
    "guidance",
    "statutory guidance",
    "news story",
    "policy paper",
    "research and analysis",
    "independent report",
    "corporate report",
    "official statistics",
    "statistics",
    "speech",
    "notice",
    "correspondence",
    "transparency data",
    "consultation outcome",
    "open consultation",
    "collection",
    "form",
    "decision",
    "promotional material",
    "impact assessment",
    "detailed guide",
    "statement",
}
_METADATA_TERMS = {
    "from",
    "published",
    "first published",
    "last updated",
    "updated",
    "applies to",
    "part of",
    "organisation",
    "organisations",
    "date",
    "type",
    "author",
    "posted",
    "posted on",
}
_DATE_WORDS = r"\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
_DATELINE = re.compile(
    rf"^(?:from:.{{0,120}}|(?:published|last updated|updated|first published|posted(?: on)?|date published)"
    rf"\s*:?\s*(?:on\s+)?(?:{_DATE_WORDS})\.?)$",
    re.I,
)
_FOOTNOTE_MARK = re.compile(r"\[?(?:footnote|note|fn)?\s*(\d{1,3}|[*†‡§])\]?", re.I)
_BLOCK = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "address",
    "hr",
    "details",
    "summary",
    "caption",
}


def read_file(data: bytes, name: str, limits: ReadLimits) -> tuple[list[Block], dict]:
    """An HTML page (the registry's reader)."""
    return read(data, limits)


def read(data: bytes, limits: ReadLimits | None = None) -> tuple[list[Block], dict]:
    from bs4 import BeautifulSoup

    limits = limits or ReadLimits.from_settings()
    tags = data.count(b"<")  # every tag opens with one; a page's text writes "&lt;"
    if tags > limits.html_max_tags:
        raise over_cap(f"the HTML page has about {tags:,} tags", f"{limits.html_max_tags:,}", "html_max_tags")
    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as exc:  # noqa: BLE001 - a parser failure means an unreadable page
        raise DocumentError(f"the HTML could not be parsed ({exc.__class__.__name__})") from exc
    depth = _depth(soup, limits.html_max_depth)
    if depth > limits.html_max_depth:
        raise over_cap("the HTML page nests elements too deep", f"{limits.html_max_depth:,} levels", "html_max_depth")
    meta = metadata(soup, data)
    landmark = soup.find("main") or soup.find(role="main") or _largest_article(soup)
    root = landmark or soup.body or soup
    _strip_boilerplate(root)
    _mark_footnotes(root)
    blocks: list[Block] = []
    _walk(root, blocks)
    blocks = _drop_chrome(blocks)
    if landmark is None:
        blocks = _keep_main(blocks, data)
    if not blocks:
        raise DocumentError("the HTML page has no readable text in its main content")
    return blocks, meta


def _depth(soup, cap: int) -> int:
    """How deep elements nest, counted up to one past ``cap`` (walked without recursion)."""
    from bs4 import Tag

    deepest = 0
    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > cap:
            break
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return deepest


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
    kept = [
        b
        for b in blocks
        # A footnote's number (added by _walk) is not in trafilatura's text.
        if b.kind == "heading" or re.sub(r"^\d{1,3} ", "", re.sub(r"\s+", " ", b.text))[:80] in main
    ]
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


def _drop_chrome(blocks: list[Block]) -> list[Block]:
    """Drop format labels, "Published ..." lines and furniture sections ("Is this page useful?",
    "Related content", an in-page "Contents") found by their words."""
    out: list[Block] = []
    skipping = False  # under a furniture heading: its links and short lines, up to the next heading
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if b.kind == "heading":
            skipping = text.lower().rstrip(":") in _CHROME_HEADINGS
            if skipping:
                continue
        elif skipping and (b.kind != "paragraph" or len(text.split()) <= 15):
            continue
        else:
            skipping = False  # prose is never furniture
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "paragraph" and text.lower() in _FORMAT_LABELS and nxt is not None and nxt.kind == "heading":
            continue
        if b.kind != "heading" and _DATELINE.match(text):
            continue
        out.append(b)
    return out


def _mark_footnotes(root) -> None:
    """Write footnote markers ``[1]`` apart from the word they follow; drop the notes' back-links."""
    for sup in root.find_all("sup"):
        mark = _FOOTNOTE_MARK.fullmatch(sup.get_text("", strip=True))
        if mark:
            sup.replace_with(f"[{mark.group(1)}]")
    for a in root.find_all("a"):
        href = a.get("href") or ""
        if a.get_text("", strip=True) in ("↩", "↑", "^", "↩︎") or re.match(r"#fnref|#ref", href, re.I):
            a.decompose()


def _strip_boilerplate(root) -> None:
    """Remove page furniture, deciding from the outside in: a removed element's insides are
    never looked at, and text sizes are counted once for the whole tree."""
    from bs4 import Tag

    sizes = _text_sizes(root)
    total = sizes[id(root)][0] or 1
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if tag.name in _DROP_TAGS or _furniture(tag, sizes, total):
            tag.decompose()
        else:
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))


def _furniture(tag, sizes: dict[int, tuple[int, bool]], total: int) -> bool:
    role = (tag.get("role") or "").lower()
    marks = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("aria-label") or ""])
    hidden = (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or re.search(r"display\s*:\s*none", tag.get("style") or "")
    )
    chars, has_heading = sizes[id(tag)]
    chrome = (tag.name in ("header", "footer") and not has_heading) or _link_list(tag) or _metadata_list(tag)
    # A class name alone never removes most of the page (a "sidebar-layout" wrapper).
    named = bool(marks.strip() and _BOILERPLATE.search(marks)) and chars < total / 2
    return bool(role in _DROP_ROLES or hidden or chrome or named)


def _text_sizes(root) -> dict[int, tuple[int, bool]]:
    """(characters of text, holds a heading) for every element, leaves first: one pass.
    The text of elements that are always dropped is not counted."""
    from bs4 import CData, NavigableString, Tag

    sizes: dict[int, tuple[int, bool]] = {}
    for tag in reversed([root, *root.find_all(True)]):  # every element after all its descendants
        chars, heading = 0, False
        if tag.name not in _DROP_TAGS:
            for child in tag.contents:
                if isinstance(child, Tag):
                    n, h = sizes[id(child)]
                    chars, heading = chars + n, heading or h or bool(_HEADING_TAG.fullmatch(child.name))
                elif type(child) in (NavigableString, CData):
                    chars += len(child.strip())
        sizes[id(tag)] = (chars, heading)
    return sizes


_HEADING_TAG = re.compile(r"h[1-6]")


def _link_list(tag) -> bool:
    """A list of links to places in the same page: an in-page contents list."""
    if tag.name not in ("ul", "ol"):
        return False
    items = tag.find_all("li", recursive=False)
    links = [li.find_all("a") for li in items]
    return bool(items) and all(
        len(a) == 1
        and (a[0].get("href") or "").startswith("#")
        and a[0].get_text(strip=True) == li.get_text(strip=True)
        for li, a in zip(items, links, strict=False)
    )


def _metadata_list(tag) -> bool:
    """A definition list of publishing details only: "From:", "Published", "Last updated"..."""
    if tag.name != "dl":
        return False
    terms = [dt.get_text(" ", strip=True).lower().rstrip(":") for dt in tag.find_all("dt")]
    return bool(terms) and all(t in _METADATA_TERMS for t in terms)


def _text(tag) -> str:
    """The tag's text: source line breaks are spaces, ``<br>`` is a line break."""
    for br in tag.find_all("br"):
        br.replace_with("\x00")
    text = re.sub(r"\s+", " ", tag.get_text("").replace("\u00a0", " "))
    return re.sub(r" *\x00 *", "\n", text).strip()


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
            note = re.fullmatch(r"(?:fn|footnote|note)[:\-_]?(\d{1,3})", str(child.get("id") or ""), re.I)
            if text and note:
                text = f"{note.group(1)} {text}"  # a footnote, numbered as its marker [1]
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
