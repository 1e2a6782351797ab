"""A hostile corpus and hostile questions in Chromium: on every page, in the chat (with and
without JavaScript), the widget's frame, the API docs and the HTML export, no script runs and
no element is injected; the hostile text is shown as text."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.browser

PWN = "window.__pwned = (window.__pwned || 0) + 1"
HOSTILE_MD = f"""# Hostile <img src=x onerror="{PWN}"> heading

The attacker wrote <script>{PWN}</script> into the report about hostile markup and scripts.

A link [click me](javascript:{PWN}) and <a href="javascript:{PWN}">a raw link</a> sit in the hostile markup paragraph.

## Entities &lt;script&gt; &amp; more

Encoded entities like &lt;img src=x onerror=alert(1)&gt; and &#x3C;script&#x3E; stay text in the hostile markup. An <iframe src="javascript:{PWN}"></iframe> and <svg onload="{PWN}"></svg> too.
"""
HOSTILE_META = f'''id = "hostile"
title = "Hostile <script>{PWN}</script> title"
author = "<b onmouseover=\\"{PWN}\\">Mallory</b>"
date = "2021-05-14"
source_url = "javascript:{PWN}"
description = "<img src=x onerror=\\"{PWN}\\">"
'''
QUESTIONS = [
    f"<script>{PWN}</script> hostile markup scripts?",
    f'<img src=x onerror="{PWN}"> what about the hostile markup paragraph?',
    "&lt;script&gt; entities in the hostile markup &amp;",
]

INJECTED = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + '[' + a.name + ']');
            if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + '[' + a.name + '=javascript:]');
        }
    }
    for (const s of document.querySelectorAll('script')) {
        const src = s.getAttribute('src');
        if (!src || !new URL(src, location.href).pathname.startsWith('/static/')
            || new URL(src, location.href).origin !== location.origin) bad.push('script ' + (src || 'inline'));
    }
    for (const sel of ['iframe:not(#embed-preview)', 'svg[onload]', 'object', 'embed', 'img[src="x"]', 'base']) {
        if (document.querySelector(sel)) bad.push(sel);
    }
    // /embed-help's own preview: a frame of this server's /embed, nothing else.
    const preview = document.getElementById('embed-preview');
    if (preview && !(preview.tagName === 'IFRAME' && preview.src.startsWith(location.origin + '/embed?'))) bad.push('iframe');
    return bad;
}"""


@pytest.fixture(scope="module")
def hostile_server(build_index, make_app, serve, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-corpus")
    (folder / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (folder / "hostile.meta.toml").write_text(HOSTILE_META, encoding="utf-8")
    index = build_index([folder], "hostile-index")
    return serve(make_app(index, min_confidence=0.0, embed_origins=["http://127.0.0.1"]))


@pytest.fixture
def watched(page):
    """A page that records dialogs and CSP violations from before any of its own script runs."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.set_default_timeout(60_000)
    page.dialogs = dialogs
    return page


def assert_inert(page, where: str) -> None:
    assert page.evaluate("window.__pwned") is None, f"a hostile script ran on {where}"
    assert page.evaluate(INJECTED) == [], f"hostile elements were injected on {where}"
    assert page.evaluate("window.__csp || []") == [], f"CSP had to block something on {where}"
    assert page.dialogs == [], where


def html_pages(base: str) -> list[str]:
    """Every GET page the app has now, found in the app's routes by trying the known ones."""
    paths = [
        "/",
        "/about",
        "/quotes",
        "/quotes?q=hostile+markup",
        "/quotes?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E+markup",
        "/documents",
        "/documents/hostile",
        "/embed",
        "/embed-help",
        "/docs",
        "/no-such-page",
    ]
    return [p for p in paths if httpx.get(base + p).headers.get("content-type", "").startswith("text/html")]


def test_no_script_runs_on_any_page(watched, hostile_server):
    pages = html_pages(hostile_server)
    assert {"/", "/about", "/docs"} <= set(pages)
    for path in pages:
        watched.goto(hostile_server + path)
        assert_inert(watched, path)
    watched.goto(hostile_server + "/documents/hostile")
    if "hostile" in watched.url and watched.locator("main").count():
        body = watched.locator("main").inner_text()
        assert "<script>" in body or "&lt;script&gt;" in body  # shown as text


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_hostile_questions_and_answers_in_the_chat_and_the_widget_frame(watched, hostile_server, path):
    watched.goto(hostile_server + path)
    for n, question in enumerate(QUESTIONS, start=1):
        watched.fill("#question", question)
        watched.click("button.primary[type=submit]")
        watched.wait_for_function(f"() => document.querySelectorAll('#thread .turn').length >= {n}")
        watched.wait_for_timeout(300)
        assert_inert(watched, f"{path} after question {n}")
    thread = watched.locator("#thread").inner_text()
    assert "<script>" in thread  # the question and the corpus text are shown as text
    assert "hostile markup" in thread


def test_hostile_questions_without_javascript(browser, hostile_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(hostile_server + "/")
        page.fill("#question", QUESTIONS[1])
        page.click("button.primary[type=submit]")
        page.wait_for_load_state()
        assert "<img src=x" in page.locator("main").inner_text()
        bad = page.locator("img[src='x'], iframe, svg, a[href^='javascript:']").count()
        assert bad == 0
    finally:
        context.close()


def test_the_api_returns_hostile_text_as_inert_json(watched, hostile_server):
    r = httpx.post(hostile_server + "/api/ask", json={"question": QUESTIONS[0]}, timeout=30)
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    body = r.json()
    assert body["question"].startswith("<script>")  # data, returned exactly as asked
    assert body["answered"] and any("<script>" in q["text"] for q in body["quotes"])
    assert all(not q["link"].lower().startswith("javascript:") for q in body["quotes"])
    watched.goto(hostile_server + "/api/documents/hostile/text")
    assert_inert(watched, "the JSON view of the document")


def test_the_html_export_is_inert(watched, hostile_server):
    doc = httpx.get(hostile_server + "/api/documents/hostile/text").json()
    start = doc["text"].index("The attacker")
    items = [
        {"doc_id": "hostile", "start": start, "end": start + 120},
        {"doc_id": "hostile", "start": 0, "end": len(doc["text"])},
    ]
    r = httpx.post(hostile_server + "/api/export", json={"items": items, "format": "html"}, timeout=30)
    assert r.status_code == 200, r.text
    # Opened as a file would be: no CSP from our server protects it.
    watched.set_content(r.text)
    assert_inert(watched, "the HTML export")
    assert "<script>" in watched.locator("body").inner_text()
    assert 'href="javascript:' not in r.text.lower()


def test_the_api_reference_page_is_accessible(page, live_server, axe):
    """/docs replaces Swagger UI: it must meet the same bar as every other page."""
    page.goto(live_server + "/docs")
    assert page.locator("h1").inner_text() == "API reference"
    assert page.locator("a[href='#op-post-api-ask']").count() == 1
    axe(page)
