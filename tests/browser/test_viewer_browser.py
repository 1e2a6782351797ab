"""Open in the report in Debian's Chromium: pdf.js (served by us) draws the quote's PDF page with the
quoted words marked, from the index's copy of a file that has since moved; pages turn by keyboard;
no request leaves the server; axe 0; reflow at 320 and 375 px; without JavaScript the quote and
the text version are still there."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_viewer import moved  # noqa: E402,F401  (an index whose PDF was moved away after ingest)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(serve, make_app, moved):  # noqa: F811
    return serve(make_app(moved))


@pytest.fixture(scope="module")
def quote(base):
    import httpx

    found = httpx.get(base + "/api/search", params={"q": "fathers", "document": "review"}).json()["results"]
    return found[0]


def open_viewer(page, base, quote) -> list[str]:
    """Open the viewer from a finder result; returns every URL the page asked for."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base + "/quotes?q=fathers&document=review")
    page.locator(".result__actions a", has_text="Open in the report").first.click()
    page.wait_for_selector("[data-viewer-ready]")
    return asked


def marks_on_canvas(page) -> list[dict]:
    canvas = page.locator(".viewer__page canvas").bounding_box()
    boxes = [m.bounding_box() for m in page.locator(".viewer__mark").all()]
    for b in boxes:
        assert canvas["x"] - 1 <= b["x"] and b["x"] + b["width"] <= canvas["x"] + canvas["width"] + 1
        assert canvas["y"] - 1 <= b["y"] and b["y"] + b["height"] <= canvas["y"] + canvas["height"] + 1
    return boxes


def test_the_page_is_drawn_with_the_quote_marked(page, base, quote, axe, screenshots):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    asked = open_viewer(page, base, quote)
    assert page.url.endswith(f"/documents/review/report?start={quote['start']}&end={quote['end']}")
    status = page.locator("[data-viewer-status]")
    expect(status).to_have_text(
        re.compile(
            rf"^Page {quote['pdf_page']} of \d+ \(printed page {quote['page']}\), with the quote marked in yellow\.$"
        )
    )
    assert page.locator("[data-viewer-page]").get_attribute("aria-label") == status.inner_text()
    boxes = marks_on_canvas(page)
    assert boxes and all(b["width"] > 2 and b["height"] > 4 for b in boxes)
    # Drawn: the canvas holds more than blank paper.
    inked = page.evaluate(
        """() => { const c = document.querySelector('.viewer__page canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++; return n; }"""
    )
    assert inked > 1000
    # Everything came from this server: pdf.js, its worker and fonts, and the PDF itself.
    assert asked and all(u.startswith(base) for u in asked), [u for u in asked if not u.startswith(base)]
    assert any(u.endswith("/documents/review/report.pdf") for u in asked)
    assert not errors, errors
    axe(page)
    page.screenshot(path=str(screenshots / "viewer-desktop.png"), full_page=True)


def test_pages_turn_by_keyboard_and_come_back_to_the_quote(page, base, quote, axe):
    open_viewer(page, base, quote)
    status = page.locator("[data-viewer-status]")
    page.locator("[data-viewer-next]").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(
        re.compile(rf"^Page {quote['pdf_page'] + 1} of \d+.*\. The quote is on page {quote['pdf_page']}\.$")
    )
    expect(page.locator(".viewer__mark")).to_have_count(0)
    page.keyboard.press("Shift+Tab")
    expect(page.locator("[data-viewer-prev]")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(status).to_have_text(re.compile(rf"^Page {quote['pdf_page'] - 1} of"))
    page.locator("[data-viewer-quote]").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(re.compile("with the quote marked in yellow"))
    # Larger by keyboard: the page grows inside its own scrolling frame, which takes the keyboard too.
    width = page.locator(".viewer__page canvas").bounding_box()["width"]
    page.locator("[data-viewer-larger]").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(re.compile("with the quote marked in yellow"))
    page.wait_for_function(
        f"document.querySelector('.viewer__page canvas').getBoundingClientRect().width > {width + 10}"
    )
    assert page.locator("[data-viewer-frame]").get_attribute("tabindex") == "0"
    axe(page)


@pytest.mark.parametrize("size", [(320, 640), (375, 667)])
def test_the_viewer_reflows_on_a_phone(browser, base, quote, axe, screenshots, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_viewer(page, base, quote)
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
        canvas = page.locator(".viewer__page canvas").bounding_box()
        assert canvas["width"] <= size[0]
        marks_on_canvas(page)
        page.locator(".viewer__mark").first.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / f"viewer-{size[0]}.png"))
        axe(page)
    finally:
        context.close()


def test_without_javascript_the_quote_and_the_text_version_remain(nojs_page, base, quote):
    page = nojs_page
    page.goto(base + f"/documents/review/report?start={quote['start']}&end={quote['end']}")
    assert page.locator(".viewer__quote blockquote").inner_text() == quote["text"]
    assert page.locator("[data-viewer]").is_hidden()
    page.locator("a", has_text="Read this passage as text").click()
    page.wait_for_url(re.compile(r"/documents/review\?start=\d+&end=\d+#passage$"))
    assert page.locator("mark#passage").is_visible()


def test_a_quote_over_two_pages_is_marked_on_both(page, base, screenshots):
    import httpx

    q = httpx.get(base + "/api/search", params={"q": "another agency held the rest", "document": "review"}).json()
    q = q["results"][0]
    assert q["page"] == "22–23" and "[2]" in q["text"]  # over a page break, with a footnote mark
    page.goto(base + f"/documents/review/report?start={q['start']}&end={q['end']}")
    page.wait_for_selector("[data-viewer-ready]")
    status = page.locator("[data-viewer-status]")
    expect(status).to_have_text(re.compile(rf"^Page {q['pdf_page']} of .*with the quote marked in yellow\.$"))
    first = marks_on_canvas(page)
    assert len(first) >= 2  # two lines at the foot of the page
    page.locator(".viewer__mark").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "viewer-two-pages.png"))
    page.locator("[data-viewer-next]").click()
    expect(status).to_have_text(re.compile(rf"^Page {q['pdf_page'] + 1} of .*with the quote marked in yellow\.$"))
    assert marks_on_canvas(page)
