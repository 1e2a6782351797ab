"""The library in Chromium: "Search in" by keyboard with and without JavaScript keeps quotes
inside the filter; the Documents page browses by facets; axe finds nothing; phone width."""

from __future__ import annotations

import pytest

from tests.test_library import QUESTION, library_app, library_docs, library_index  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def library_server(serve, library_app):  # noqa: F811 - the fixture imported above
    return serve(library_app)


def quoted_docs(page) -> set[str]:
    return set(page.locator("#thread article.quote").evaluate_all("els => els.map(e => e.dataset.doc)"))


def choose_kind_by_keyboard(page, label: str) -> None:
    page.locator(".search-in summary").focus()
    page.keyboard.press("Enter")  # opens the fieldset
    page.locator("#filter-kinds").focus()
    page.locator("#filter-kinds").select_option(label=label)


def test_search_in_with_javascript_keeps_to_the_filter(page, library_server, axe, screenshots):
    page.goto(library_server + "/")
    choose_kind_by_keyboard(page, "Briefing (1)")
    axe(page)  # the chat with "Search in" open
    page.locator("#question").focus()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'answer-1'")
    assert quoted_docs(page) == {"baby-k-briefing"}
    assert "Searched only in 1 document" in page.locator("#thread").inner_text()
    assert page.locator("[data-search-in-summary]").inner_text() == "Briefing (1)"
    assert page.locator("label[for=filter-documents]").inner_text() == "Document"
    assert page.locator("label[for=question]").inner_text() == "Ask a follow-up or a new question"
    axe(page)
    page.set_viewport_size({"width": 375, "height": 667})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.locator(".search-in").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "library-search-in-phone.png"))


def test_search_in_without_javascript_keeps_to_the_filter(nojs_page, library_server, axe):
    page = nojs_page
    page.goto(library_server + "/")
    page.locator(".search-in summary").click()
    page.locator("#filter-documents").select_option("invisible-risks")
    page.locator("#question").fill(QUESTION)
    page.locator("form.ask button[type=submit]").first.click()
    page.wait_for_load_state()
    assert quoted_docs(page) == {"invisible-risks"}
    assert page.locator("#filter-documents").input_value() == "invisible-risks"  # kept for the next question


def test_documents_page_browses_by_facets(page, library_server, axe, screenshots):
    page.goto(library_server + "/documents")
    axe(page)
    page.get_by_role("link", name="Local review (LCSPR/SCR)").click()
    page.wait_for_load_state()
    titles = page.locator(".doc-list__title").all_inner_texts()
    assert titles == ["Local child safeguarding practice review: Baby K"]
    assert page.get_by_role("link", name="Local review (LCSPR/SCR)").get_attribute("aria-current") == "true"
    axe(page)
    page.set_viewport_size({"width": 375, "height": 667})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(screenshots / "library-documents-phone.png"), full_page=True)
    page.get_by_role("link", name="Ask within these").click()
    page.wait_for_load_state()
    assert page.locator("#filter-kinds").input_value() == "local-review"
