"""The quotation finder in Debian's Chromium against a real server: search, filter, lengths,
the basket, exports (real downloads), copy all, browse, no-JS, axe."""

from __future__ import annotations

import csv
import io
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


def search_by_keyboard(page, text: str) -> None:
    page.locator("#q").focus()
    page.keyboard.type(text)
    page.keyboard.press("Enter")  # submits the GET form
    page.wait_for_selector("#results-title")


def visible_quote(result) -> str:
    return result.locator(".variant:visible blockquote").inner_text()


def test_search_filter_and_quote_length(page, base, axe):
    page.goto(base + "/quotes")
    axe(page)  # the empty state
    search_by_keyboard(page, "Professional Curiosity")
    assert page.locator("#results-title").inner_text().startswith("9 matches")
    assert page.locator(".result").count() == 9
    assert page.locator(".result mark").first.inner_text().lower() == "professional curiosity"
    axe(page)  # with results
    # Filter to one section, keep the phrase; the form remembers every choice.
    page.select_option("#section", "training:in-supervision")
    page.select_option("#order", "position")
    page.locator("form.quote-search button[type=submit]").click()
    page.wait_for_selector("#results-title")
    assert page.locator("#results-title").inner_text().startswith("1 match")
    assert page.locator("#section").input_value() == "training:in-supervision"
    result = page.locator(".result").first
    assert visible_quote(result) == "Supervisors can model professional curiosity in every meeting."
    # Choose a longer quote for this result by keyboard: the arrow keys move along the radios.
    result.locator("input.len-sentence").focus()
    page.keyboard.press("ArrowRight")
    assert result.locator("input.len-context").is_checked()
    longer = visible_quote(result)
    assert longer.startswith("Supervisors can model") and "Multi-agency meetings" in longer
    assert result.locator(".variant:visible").count() == 1
    # Read it in context: the link opens the document at its section.
    result.locator("a", has_text="Read in context").click()
    page.wait_for_url("**/documents/training#section-in-supervision")
    assert page.evaluate("document.querySelector(':target').id") == "section-in-supervision"


def test_section_list_follows_the_chosen_document(page, base):
    page.goto(base + "/quotes")
    groups = page.locator("#section optgroup")
    ids = groups.evaluate_all("gs => gs.map(g => g.dataset.document)")
    assert "training" in ids and len(ids) >= 2  # two documents with sections
    enabled = "gs => gs.filter(g => !g.disabled && !g.hidden).map(g => g.dataset.document)"
    assert groups.evaluate_all(enabled) == ids  # all documents: every section
    page.select_option("#document", "training")
    assert groups.evaluate_all(enabled) == ["training"]
    page.select_option("#section", "training:in-supervision")
    other = next(i for i in ids if i != "training")
    page.select_option("#document", other)  # the chosen section belonged to the other document
    assert groups.evaluate_all(enabled) == [other]
    assert page.locator("#section").input_value() == ""
    page.select_option("#document", "")
    assert groups.evaluate_all(enabled) == ids


def test_basket_collect_export_and_copy(page, base, axe, screenshots):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.goto(base + "/quotes?q=professional+curiosity&document=training&order=position")
    basket = page.locator("[data-basket]")
    assert basket.is_visible() and "empty" in basket.inner_text()
    results = page.locator(".result")
    results.nth(0).locator("[data-basket-add]").click()
    second = results.nth(2)
    second.locator("label", has_text="Whole passage").click()
    second.locator("[data-basket-add]").click()
    second.locator("[data-basket-add]").click()  # twice: kept once
    expected = [visible_quote(results.nth(0)), visible_quote(second)]
    expect(page.locator("[data-basket-live]")).to_have_text(re.compile("^This quote is already"))
    # The basket survives going elsewhere and coming back (localStorage on this site, no cookie).
    page.goto(base + "/quotes?q=model+professional+curiosity&length=context")
    items = page.locator("[data-basket-list] li")
    assert items.count() == 2
    assert [items.nth(i).locator("blockquote").inner_text() for i in range(2)] == expected
    assert page.context.cookies() == []
    axe(page)  # with a full basket
    page.locator("#basket").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "quotes-basket.png"), full_page=True)

    page.fill("#export-title", "Neglect training")
    page.select_option("#export-format", "csv")
    with page.expect_download() as info:
        page.locator("[data-basket-export] button[type=submit]").click()
    download = info.value
    import datetime

    assert download.suggested_filename == f"neglect-training-{datetime.date.today().isoformat()}.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == expected
    assert [r[5] for r in rows[1:]] == [
        "(Example Partnership, 2030)",
        "(Example Partnership, 2030, section “Professional curiosity”)",
    ]
    assert all(r[8].startswith("Example Partnership (2030) Learning for trainers. Available at: ") for r in rows[1:])

    page.select_option("#export-format", "docx")
    page.select_option("#export-style", "plain")
    with page.expect_download() as info:
        page.locator("[data-basket-export] button[type=submit]").click()
    import docx

    document = docx.Document(info.value.path())
    quoted = "\n".join(p.text for p in document.paragraphs if p.style.name == "Quote")
    assert all(f"“{e.split(chr(10))[0]}" in quoted for e in expected)
    assert document.paragraphs[0].text == "Neglect training"

    page.locator("[data-basket-copy]").click()
    expect(page.locator("[data-basket-live]")).to_have_text(re.compile("^Copied 2 quotes"))
    copied = page.evaluate("navigator.clipboard.readText()")
    title, quotes_part = copied.split("\n\n", 1)  # the handout's title and date, then the quotes
    assert title.startswith("Neglect training\n") and "2 quotations compiled" in title  # the typed title
    assert quotes_part.startswith(f"“{expected[0]}” — Example Partnership (2030) Learning for trainers")

    # Remove one by keyboard, then empty the basket.
    page.locator("[data-basket-remove]").first.focus()
    page.keyboard.press("Enter")
    assert items.count() == 1
    page.locator("[data-basket-clear]").click()
    assert items.count() == 0
    assert page.locator("[data-basket-export] button[type=submit]").is_disabled()
    page.locator("[data-basket-undo]").click()  # emptied by mistake: put back
    assert items.count() == 1


def test_search_and_browse_without_javascript(nojs_page, base):
    page = nojs_page
    page.goto(base + "/quotes")
    page.fill("#q", "‘multi – agency’")
    page.check("#mode-phrase")
    page.locator("form.quote-search button[type=submit]").click()
    page.wait_for_selector("#results-title")
    assert page.locator("#results-title").inner_text().startswith("0 matches")  # no quotation marks there
    page.fill("#q", "multi – agency")
    page.select_option("#document", "training")
    page.locator("form.quote-search button[type=submit]").click()
    page.wait_for_selector("#results-title")
    assert page.locator("#results-title").inner_text().startswith("3 matches")
    assert page.locator("[data-basket]").is_hidden() and page.locator("[data-basket-add]").first.is_hidden()
    # The quote-length radios still work without JavaScript (CSS only).
    first = page.locator(".result").first
    first.locator("label", has_text="Whole passage").click()
    assert "Supervisors can model" in visible_quote(first)
    # Browse: the list, a document, its contents.
    page.goto(base + "/documents")
    page.locator(".doc-list__title a", has_text="Annual Review 2031").click()
    page.locator(".toc a", has_text="Working with fathers").click()
    assert page.url.endswith("#section-working-with-fathers")
    assert page.locator("#section-working-with-fathers").is_visible()


def test_documents_pages_pass_axe_and_reflow(page, base, axe, screenshots):
    page.goto(base + "/documents")
    axe(page)
    for doc in ("review", "training"):
        page.goto(base + f"/documents/{doc}")
        assert page.locator("h1").count() == 1
        axe(page)
    page.screenshot(path=str(screenshots / "document-desktop.png"), full_page=True)
    # Reflow at 320 px (400% zoom): nothing scrolls sideways, on a document and on results.
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("/documents/review", "/quotes?q=professional+curiosity&length=passage"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    axe(page)
    page.screenshot(path=str(screenshots / "quotes-320.png"), full_page=True)


def test_add_a_chat_quote_to_the_basket(page, live_server):
    page.goto(live_server + "/")
    page.locator("#question").fill("What does the Panel say about weak information sharing?")
    page.locator("form.ask button[type=submit]").click()
    page.wait_for_selector("#answer-1", state="attached")
    card = page.locator("article.quote").first
    add = card.locator("[data-basket-add]")
    expect(add).to_be_visible()
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-basket-live]")).to_have_text(re.compile("^Added to the basket: 1 quote"))
    text = card.locator("blockquote").inner_text()
    page.goto(live_server + "/quotes")
    assert page.locator("[data-basket-list] li blockquote").inner_text() == text
    citation = page.locator("[data-basket-list] .quote__citation")
    assert citation.inner_text().startswith("Croydon Safeguarding Children Partnership (2021)")
    # The title stays in <cite> (from the runs the basket read off the card), and no asterisk shows.
    assert citation.locator("cite").inner_text().startswith("National Safeguarding Practice Review Panel")
    assert "*" not in citation.inner_text()
    # A basket saved before runs were kept (a Markdown citation) still shows its title in <cite>.
    page.evaluate("""() => localStorage.setItem("quote-basket-v1", JSON.stringify([{doc_id: "x", start: 0, end: 5,
        text: "Older", citation: "Some Body (2020) *An older title*, p. 2"}]))""")
    page.reload()
    expect(citation.locator("cite")).to_have_text("An older title")
    assert citation.inner_text() == "Some Body (2020) An older title, p. 2"
