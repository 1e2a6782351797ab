"""Markdown outputs stay text: a document whose title, section or canonical URL carries HTML or a
``javascript:`` link is rendered by a CommonMark renderer (markdown-it-py, HTML allowed) with no raw
HTML and no script link, in the API's ``citation`` string and in the Markdown export."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

TITLE = '"><script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>'
SECTION = "<script>alert(4)</script> [y](javascript:alert(5)) &#106;avascript"
URL = 'https://example.org/report"><script>alert(6)</script>[z](javascript:alert(7))'

BODY = f"""# Hostile metadata

## {SECTION}

The kestrel hovers above the motorway verge while it hunts for voles in the long grass.
"""

META = f"""id = "hostile"
title = {TITLE!r}
author = "An [author](javascript:alert(8)) <b>bold</b>"
date = "2031-01-01"
source_url = {URL!r}
"""

# What CommonMark may produce from escaped text and our own markup; anything else is raw HTML.
ALLOWED_TAGS = {"h1", "h2", "p", "em", "blockquote", "ul", "li", "a"}


@pytest.fixture(scope="module")
def hostile_client(build_index, make_app, tmp_path_factory):
    from fastapi.testclient import TestClient

    folder = tmp_path_factory.mktemp("hostile-docs")
    (folder / "hostile.md").write_text(BODY, encoding="utf-8")
    (folder / "hostile.meta.toml").write_text(META, encoding="utf-8")
    with TestClient(make_app(build_index([folder], "hostile-index"))) as c:
        yield c


def render(markdown: str) -> BeautifulSoup:
    from markdown_it import MarkdownIt

    return BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser")


def assert_inert(page: BeautifulSoup) -> None:
    tags = {t.name for t in page.find_all(True)}
    assert tags <= ALLOWED_TAGS, tags
    for a in page.find_all("a"):
        assert a["href"].startswith("https://example.org/"), a["href"]
        assert not set('"<> ()') & set(a["href"]), a["href"]
    assert "javascript:" not in " ".join(a["href"] for a in page.find_all("a"))


def test_the_api_citation_string_renders_as_text(hostile_client):
    r = hostile_client.get("/api/search", params={"q": "kestrel hovers"})
    assert r.status_code == 200, r.text
    quote = r.json()["results"][0]
    assert quote["citation_parts"]["title"] == TITLE  # the data stays as it is; only renderings escape
    page = render(quote["citation"])
    assert_inert(page)
    assert page.select_one("em").get_text() == TITLE  # the title, shown exactly, in italics
    assert SECTION in page.get_text()
    assert quote["link"].startswith("https://example.org/report%22%3E%3Cscript%3E")
    assert quote["document"]["source"] == quote["link"]


@pytest.mark.parametrize("style", ["harvard", "plain"])
def test_the_markdown_export_renders_as_text(hostile_client, style):
    found = hostile_client.get("/api/search", params={"q": "kestrel hovers"}).json()["results"][0]
    item = {"doc_id": found["document"]["id"], "start": found["start"], "end": found["end"]}
    r = hostile_client.post(
        "/api/export", json={"items": [item], "format": "md", "style": style, "title": "<b>[t](javascript:x)</b>"}
    )
    assert r.status_code == 200, r.text
    page = render(r.content.decode("utf-8"))
    assert_inert(page)
    assert page.select_one("h1").get_text() == "<b>[t](javascript:x)</b>"
    links = page.find_all("a")
    assert [a["href"] for a in links] == [found["link"]]  # the one source link, percent-encoded
    assert TITLE in page.get_text() and SECTION in page.get_text()


@pytest.mark.parametrize(
    "url,shown",
    [
        ("javascript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        (" JAVASCRIPT:alert(1)", ""),
        ("https://example.org/a b?c=<d>#e", "https://example.org/a%20b?c=%3Cd%3E#e"),
        ("https://user:secret@example.org/x", "https://example.org/x"),
        ("https://exa mple.org/", ""),
        ("https://example.org:99999/", ""),
        ("https://example.org/ok\n<script>", ""),
    ],
)
def test_links_are_http_only_and_percent_encoded(url, shown):
    from assistant.quoting.citations import md_link, safe_url

    assert safe_url(url) == shown
    assert md_link(url) == (f"<{shown}>" if shown else "")
    if shown:
        assert_inert(render(f"See {md_link(url)}."))
