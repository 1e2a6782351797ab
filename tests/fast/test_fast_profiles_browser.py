"""A scoped widget in Chromium (fake encoder): a partner page on another origin whose profile
holds the Riverside documents tries to widen its own filter (data-documents naming another
document, a form posted into a frame with other filters, a script calling /api/ask, a frame
of the unscoped chat) and never sees a quote outside its profile; the profile's title, accent
and suggested questions show, axe finds nothing, and the phone layout is screenshotted."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
from test_fast_profiles import CURIOSITY, NEGLECT, PROFILE, RIVERSIDE

pytestmark = pytest.mark.browser

OPEN = "https://open.example"  # another allowed origin, without a profile

PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Safeguarding Partnership</title></head>
<body><main><h1>Riverside Safeguarding Partnership</h1><p>Our learning reviews.</p></main>
<script src="{assistant}/widget.js" defer data-open="true" data-title="Page title" {attributes}></script>
</body></html>"""


def partner_app(target: dict) -> Starlette:
    """A partner site: its page carries the widget, with the data attributes the test asks for."""

    def page(request):
        attributes = request.query_params.get("attributes", "")
        return Response(PAGE.format(assistant=target["url"], attributes=attributes), media_type="text/html")

    return Starlette(routes=[Route("/page.html", page)])


@pytest.fixture(scope="module")
def sites(serve, make_app, corpus_index, tmp_path_factory):
    """(partner URL, assistant URL): the partner's profile is PROFILE, written for its origin."""
    target: dict = {}
    partner = serve(partner_app(target))
    path = tmp_path_factory.mktemp("browser-profiles") / "profiles.toml"
    path.write_text(PROFILE.replace("https://riverside.example", partner), encoding="utf-8")
    target["url"] = serve(make_app(corpus_index, embed_origins=[partner, OPEN], widget_profiles=path))
    return partner, target["url"]


def chat_frame(page, assistant: str):
    page.wait_for_function("() => document.querySelector('safeguarding-assistant')?.shadowRoot.querySelector('iframe')")
    for _ in range(200):
        frame = next((f for f in page.frames if f.url.startswith(assistant + "/embed")), None)
        if frame:
            frame.wait_for_selector("#question")
            # Enter asks only once chat.js (deferred) has run; before that it is a newline.
            frame.wait_for_function("() => document.readyState === 'complete'")
            return frame
        page.wait_for_timeout(50)
    raise AssertionError("the chat frame did not load")


def ask(frame, question: str) -> None:
    frame.fill("#question", question)
    frame.press("#question", "Enter")
    frame.wait_for_function("() => document.activeElement && document.activeElement.id.startsWith('answer-')")


def quoted(frame) -> set[str]:
    hrefs = frame.eval_on_selector_all(
        "article.quote a[href^='/documents/']", "links => links.map(a => a.getAttribute('href'))"
    )
    return {h.split("/")[2].split("?")[0].split("#")[0] for h in hrefs}


def test_a_page_that_widens_its_widget_gets_no_quote_outside_its_profile(page, sites):
    partner, assistant = sites
    attributes = 'data-documents="neglect-guidance" data-kinds="guidance"'
    page.goto(partner + "/page.html?attributes=" + quote(attributes))
    frame = chat_frame(page, assistant)
    ask(frame, NEGLECT)
    assert quoted(frame) == set()
    assert "No document matches this filter" in frame.inner_text("#latest")
    # The same page posts a form straight into a frame of its own, asking for the guidance and
    # naming another allowed origin: its Origin header is what counts.
    page.evaluate(
        """([url, question, other]) => {
            const f = document.createElement('iframe'); f.name = 'forced'; f.title = 'forced'; document.body.append(f);
            const form = document.createElement('form'); form.method = 'post'; form.action = url + '/embed';
            form.target = 'forced';
            for (const [k, v] of [['question', question], ['documents', 'neglect-guidance'], ['origin', other]]) {
                const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; form.append(i);
            }
            document.body.append(form); form.submit(); }""",
        [assistant, NEGLECT, OPEN],
    )
    forced = None
    for _ in range(200):
        forced = next((f for f in page.frames if f.name == "forced" and f.url.startswith(assistant)), None)
        if forced:
            break
        page.wait_for_timeout(50)
    assert forced is not None
    forced.wait_for_selector("article.turn")
    assert quoted(forced) == set() and "No document matches this filter" in forced.inner_text("#latest")
    assert forced.evaluate("() => document.body.dataset.parentOrigin") == partner  # not the origin it named
    # Its own script calls the API (CORS lets it read the answer) with the wider filter, or none.
    call = """async ([url, body]) => { const r = await fetch(url + '/api/ask', {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}); return await r.json(); }"""
    for filters in ({"documents": ["neglect-guidance"]}, {}, {"kinds": ["guidance"]}):
        data = page.evaluate(call, [assistant, {"question": NEGLECT, "filters": filters}])
        assert {q["document"]["id"] for q in data["quotes"]} <= RIVERSIDE, json.dumps(data)[:300]
    # A plain frame of the chat, added by hand, is scoped by the page's referrer...
    frame_of = (
        "([src, policy]) => { const f = document.createElement('iframe'); f.src = src; f.title = 'plain';"
        " f.referrerPolicy = policy; document.body.append(f); }"
    )
    page.evaluate(frame_of, [assistant + "/embed?q=" + quote(NEGLECT), "strict-origin-when-cross-origin"])
    plain = None
    for _ in range(200):
        plain = next((f for f in page.frames if f.url.startswith(assistant + "/embed?q=")), None)
        if plain:
            break
        page.wait_for_timeout(50)
    assert plain is not None
    plain.wait_for_selector("article.turn")
    assert quoted(plain) <= RIVERSIDE and "neglect-guidance" not in quoted(plain)
    # ...and without one it is the unscoped chat, which the browser refuses to show here (frame-ancestors).
    page.evaluate(frame_of, [assistant + "/embed?q=" + quote(CURIOSITY), "no-referrer"])
    page.wait_for_timeout(1500)
    bare = [f for f in page.frames if f.url.startswith(assistant + "/embed?q=" + quote(CURIOSITY)[:10])]
    assert bare == [], "the unscoped chat showed inside a profiled partner's page"
    assert any(f.url == "chrome-error://chromewebdata/" for f in page.frames)  # refused, not merely slow


def test_the_scoped_widget_shows_its_profile_and_passes_axe(browser, sites, axe, screenshots):
    partner, assistant = sites
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(partner + "/page.html")
        frame = chat_frame(page, assistant)
        assert frame.inner_text("h1.embed__title") == "Ask Riverside's reviews"
        label = page.evaluate(
            "() => document.querySelector('safeguarding-assistant').shadowRoot.querySelector('.launcher')"
            ".getAttribute('aria-label')"
        )
        assert label == "Ask Riverside's reviews"
        bar = frame.eval_on_selector(".embed__bar", "e => getComputedStyle(e).backgroundColor")
        assert bar == "rgb(0, 112, 60)"  # the profile's #00703c
        suggestions = frame.locator("#examples button[name=q]")
        assert suggestions.all_inner_texts() == [
            "How many rapid reviews did the partnership complete?",
            "What did delegates ask for?",
        ]
        for b in suggestions.all():
            assert b.is_visible()
        page.screenshot(path=str(screenshots / "scoped-widget-375.png"))
        axe(page)
        axe(frame)
        ask(frame, CURIOSITY)
        found = quoted(frame)
        assert "riverside-review" in found and found <= RIVERSIDE
        page.screenshot(path=str(screenshots / "scoped-widget-375-answer.png"))
        axe(frame)
    finally:
        context.close()


def test_embed_help_writes_the_narrowing_attributes(page, sites, axe):
    _, assistant = sites
    page.goto(assistant + "/embed-help")
    page.fill("#opt-documents", "riverside-review, training-notes")
    page.fill("#opt-kinds", "local-review")
    page.wait_for_function("() => document.getElementById('snippet-script').textContent.includes('data-kinds')")
    snippet = page.locator("#snippet-script").inner_text()
    assert 'data-documents="riverside-review,training-notes" data-kinds="local-review"' in snippet
    assert (
        "documents=riverside-review%2Ctraining-notes&amp;kinds=local-review"
        in page.locator("#snippet-frame").inner_text()
    )
    rows = page.locator("table code").all_inner_texts()
    assert {"data-documents", "data-kinds", "data-publishers"} <= set(rows)
    axe(page)
