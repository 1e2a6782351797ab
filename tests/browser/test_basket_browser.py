"""The trainer's basket in Debian's Chromium: reorder by keyboard (announced), remove and empty
with Undo, a duplicate said in words, adding from the document page with the header count, and
browsing a section with no words; axe on each new state, reflow at 320 and 375 px."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_quotes import quotes_index  # noqa: E402,F401  (the same invented documents)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(serve, make_app, quotes_index):  # noqa: F811
    return serve(make_app(quotes_index))


def basket_texts(page) -> list[str]:
    return page.locator("[data-basket-list] li blockquote").all_inner_texts()


def focused(page, attr: str) -> str | None:
    return page.evaluate(f"document.activeElement.getAttribute('{attr}')")


def fill_basket(page, base) -> list[str]:
    """Three results of one search, added by keyboard; the third twice."""
    page.goto(base + "/quotes?q=professional+curiosity&document=training&order=position")
    results = page.locator(".result")
    for n in (0, 1, 2):
        results.nth(n).locator("[data-basket-add]").focus()
        page.keyboard.press("Enter")
    again = results.nth(2).locator("[data-basket-add]")
    again.click()
    expect(again).to_contain_text("Already in the basket")  # said on the button, not only to screen readers
    expect(page.locator("[data-basket-live]")).to_have_text("This quote is already in the basket, as quote 3 of 3.")
    return [results.nth(n).locator(".variant:visible blockquote").inner_text() for n in (0, 1, 2)]


def test_reorder_remove_undo_and_duplicates(page, base, axe, screenshots):
    a, b, c = fill_basket(page, base)
    assert basket_texts(page) == [a, b, c]
    live = page.locator("[data-basket-live]")
    assert page.locator("[data-basket-up='0']").is_disabled()
    assert page.locator("[data-basket-down='2']").is_disabled()

    # Move the first quote down by keyboard: focus follows it, the live region says where it went.
    page.locator("[data-basket-down='0']").focus()
    page.keyboard.press("Enter")
    assert basket_texts(page) == [b, a, c]
    expect(live).to_have_text(re.compile(r"^Moved “.+” down: now quote 2 of 3\.$"))
    assert focused(page, "data-basket-down") == "1"
    page.keyboard.press("Enter")  # again: now last, so focus moves to its Move up
    assert basket_texts(page) == [b, c, a]
    assert focused(page, "data-basket-up") == "2"
    page.keyboard.press("Enter")
    assert basket_texts(page) == [b, a, c]
    expect(live).to_have_text(re.compile(r"up: now quote 2 of 3\.$"))
    axe(page, "#basket")
    # The order is kept: a reload shows it, and the export form posts it.
    page.reload()
    assert basket_texts(page) == [b, a, c]

    # Remove with Undo: focus goes to Undo, which puts the quote back where it was.
    page.locator("[data-basket-remove='1']").focus()
    page.keyboard.press("Enter")
    assert basket_texts(page) == [b, c]
    undo = page.locator("[data-basket-undo]")
    expect(undo).to_be_visible()
    expect(undo).to_be_focused()
    expect(page.locator("[data-basket-undo-bar]")).to_contain_text("Removed “")
    axe(page, "#basket")
    page.set_viewport_size({"width": 375, "height": 667})
    undo.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "basket-undo-375.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.keyboard.press("Enter")
    assert basket_texts(page) == [b, a, c]
    expect(page.locator("[data-basket-undo-bar]")).to_be_hidden()
    assert focused(page, "data-basket-remove") == "1"
    expect(live).to_have_text("Put back. 3 quotes in the basket.")

    # Emptying the basket can be undone too.
    page.locator("[data-basket-clear]").click()
    assert basket_texts(page) == []
    expect(undo).to_be_focused()
    expect(page.locator("[data-basket-undo-bar]")).to_contain_text("Emptied the basket (3 quotes).")
    page.keyboard.press("Enter")
    assert basket_texts(page) == [b, a, c]
    # A new change ends the chance to undo the old one.
    page.locator("[data-basket-remove='0']").click()
    page.locator("[data-basket-down='0']").click()
    expect(page.locator("[data-basket-undo-bar]")).to_be_hidden()
    assert basket_texts(page) == [c, a]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_basket_controls_reflow(page, base, axe, screenshots, width):
    fill_basket(page, base)
    page.set_viewport_size({"width": width, "height": 667 if width < 1000 else 900})
    page.locator("[data-basket-remove='0']").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for name in ("data-basket-up", "data-basket-down", "data-basket-remove"):
        box = page.locator(f"[{name}='1']").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] >= 44
    axe(page)
    page.locator("#basket").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"basket-{width}.png"))


def test_add_the_passage_from_the_document_page(page, base, axe, screenshots):
    found = page.request.get(base + "/api/search?q=model+professional+curiosity").json()["results"][0]
    page.goto(base + f"/documents/training?start={found['start']}&end={found['end']}#passage")
    nav = page.locator("[data-basket-nav]")
    expect(nav).to_be_visible()  # the header's basket count, as on every page with the basket
    expect(page.locator("[data-basket-total]")).to_have_text("0")
    add = page.locator(".doc-passage-add [data-basket-add]")
    expect(add).to_be_visible()
    axe(page)
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-basket-total]")).to_have_text("1")
    expect(page.locator("[data-basket-live]")).to_have_text("Added to the basket: 1 quote.")
    expect(add).to_contain_text("Added to basket")
    expect(page.locator(".doc-passage-add a[data-basket-view]")).to_be_visible()
    axe(page)
    page.set_viewport_size({"width": 375, "height": 667})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(screenshots / "document-add-375.png"))
    # The same words from a search result are the same quote.
    page.goto(base + "/quotes?q=model+professional+curiosity")
    page.locator(".result [data-basket-add]").first.click()
    expect(page.locator("[data-basket-live]")).to_have_text(re.compile("^This quote is already in the basket"))
    assert basket_texts(page) == [found["text"]]


@pytest.mark.parametrize("width", [320, 1280])
def test_browse_a_section_with_no_words(page, base, axe, screenshots, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base + "/quotes")
    page.select_option("#document", "training")
    page.select_option("#section", "training:professional-curiosity")
    page.select_option("#order", "position")
    page.locator("#q").focus()
    page.keyboard.press("Enter")  # no words typed
    page.wait_for_selector("#results-title")
    heading = page.locator("#results-title").inner_text()
    assert re.fullmatch(r"\d+ passages in “Professional curiosity” in Learning for trainers", heading), heading
    texts = page.locator(".result .variant:visible blockquote").all_inner_texts()
    assert texts[0].startswith("Practitioners showed")
    assert any("Supervisors can model" in t for t in texts)  # its sub-section too, in order
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    axe(page)
    page.screenshot(path=str(screenshots / f"browse-section-{width}.png"), full_page=True)
