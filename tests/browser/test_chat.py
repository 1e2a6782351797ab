"""The chat in Debian's Chromium against a real server: keyboard, copy, context, follow-up, no-JS, axe."""

from __future__ import annotations

import pytest

from assistant.answering.answers import ABSTAINED

pytestmark = pytest.mark.browser


QUESTION = "What does the Panel say about weak information sharing?"


def tab_to(page, element_id: str, limit: int = 40) -> None:
    """Press Tab until the element has focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} never got focus by Tab")


def ask_by_keyboard(page, question: str, n: int) -> None:
    tab_to(page, "question")
    page.keyboard.type(question)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Ask"
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'answer-{n}'")


def fits(page, width: int) -> None:
    """Reflow: nothing scrolls sideways at this width."""
    page.set_viewport_size({"width": width, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_ask_by_keyboard_and_read_the_quote(page, live_server, axe, screenshots):
    page.goto(live_server + "/")
    axe(page)  # the empty state
    ask_by_keyboard(page, QUESTION, 1)
    turn = page.locator("#answer-1").locator("xpath=..")
    assert "These passages from the report" in turn.locator(".turn__message").inner_text()
    first = turn.locator("article.quote").first
    assert "information sharing" in first.locator("blockquote").inner_text()
    assert first.locator("mark").count() >= 1
    assert "quote" in page.locator("#chat-status").text_content()
    assert page.locator("#thread").get_attribute("role") == "log"
    axe(page)  # the answered state
    page.screenshot(path=str(screenshots / "answered-desktop.png"), full_page=True)
    # Visible focus and target sizes on the controls of the answer.
    first.locator("button[data-action=copy]").focus()
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + "
        "getComputedStyle(document.activeElement).backgroundColor"
    )
    assert outline.startswith("solid") and "255, 221, 0" in outline
    for box in page.locator("main button, .nav a, .quote__source").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])"
    ):
        assert box[0] >= 24 and box[1] >= 24, box
    fits(page, 640)  # 200% zoom of a 1280 px window
    fits(page, 320)
    axe(page)
    page.screenshot(path=str(screenshots / "answered-320.png"), full_page=True)


def test_copy_with_citation(clipboard_page, live_server):
    page = clipboard_page
    page.goto(live_server + "/")
    page.fill("#question", QUESTION)
    page.click("form.ask button[type=submit]")
    card = page.locator("#answer-1").locator("xpath=..").locator("article.quote").first
    card.locator("button[data-action=copy]").click()
    page.wait_for_function("() => document.getElementById('chat-status').textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    quote = card.locator("blockquote").text_content()
    assert copied.startswith("“" + quote + "”")
    assert "National Safeguarding Practice Review Panel – 2020 Annual Report" in copied
    assert "*" not in copied and "https://" in copied


def test_show_context(page, live_server):
    page.goto(live_server + "/")
    page.fill("#question", "voice of the child")
    page.click("form.ask button[type=submit]")
    card = page.locator("#answer-1").locator("xpath=..").locator("article.quote").first
    button = card.locator("button[data-action=context]")
    button.click()
    region = card.locator(".quote__context")
    region.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert (
        region.locator(".context__passage--quote").inner_text().replace("The quote: ", "")
        in card.locator("blockquote").inner_text() + " " + region.inner_text()
    )
    assert region.locator(".context__passage").count() >= 2  # the quote and at least one neighbour
    button.click()
    assert region.is_hidden() and button.get_attribute("aria-expanded") == "false"


def test_follow_up_sends_the_history(page, live_server):
    page.goto(live_server + "/")
    page.fill("#question", QUESTION)
    page.click("form.ask button[type=submit]")
    page.wait_for_selector("#answer-1")
    with page.expect_request("**/fragments/turns") as request:
        page.fill("#question", "and professional curiosity?")
        page.keyboard.press("Enter")  # Enter asks (Shift+Enter is a new line)
    sent = request.value.post_data_json
    assert sent["questions"] == [QUESTION, "and professional curiosity?"] and sent["first"] == 1
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'answer-2'")
    assert "Searched as: “" in page.locator("#latest .turn__interpreted").inner_text()
    assert page.locator("#thread article.turn").count() == 2
    assert page.locator("#examples").count() == 0


def test_abstained_state(page, live_server, axe, screenshots):
    page.goto(live_server + "/")
    page.fill("#question", "What is the boiling point of mercury in kelvin?")
    page.click("form.ask button[type=submit]")
    page.wait_for_selector("#answer-1")
    assert page.locator("#latest .notice").inner_text() == ABSTAINED
    assert page.locator("#latest article.quote").count() == 0
    axe(page)
    page.screenshot(path=str(screenshots / "abstained-desktop.png"), full_page=True)
    fits(page, 320)
    page.screenshot(path=str(screenshots / "abstained-320.png"), full_page=True)


def test_error_state(page, live_server, axe):
    page.goto(live_server + "/")
    page.fill("#question", "x" * 1001)
    page.click("form.ask button[type=submit]")
    error = page.locator("#question-error")
    error.wait_for(state="visible")
    assert "too long" in error.inner_text()
    assert page.locator("#question").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "question"
    assert "problem" in page.locator("#chat-status").text_content()
    axe(page)


@pytest.mark.parametrize("path", ["/about", "/embed", "/embed-help", "/no-such-page"])
def test_other_pages_pass_axe(page, live_server, axe, path):
    page.goto(live_server + path)
    axe(page)
    fits(page, 320)


def test_without_javascript(nojs_page, live_server):
    page = nojs_page
    page.goto(live_server + "/")
    assert page.locator("button[data-action=copy]").count() == 0  # nothing shows that needs a script
    page.locator("#examples button").nth(2).click()
    page.wait_for_selector("#latest article.quote")
    assert "information sharing" in page.locator("#latest h2").inner_text()
    assert page.url.endswith("#latest")
    page.fill("#question", "and professional curiosity?")
    page.click("form.ask button[type=submit]")
    page.wait_for_selector("#answer-2")
    # Each answer is a page of its own (asked by GET, read after the one before): Back shows the last.
    assert page.locator("#thread article.turn").count() == 1
    assert page.locator("#latest .turn__interpreted").count() == 1
    assert page.locator("button[data-action=copy]").first.is_hidden()
    page.go_back()
    page.wait_for_selector("#answer-1")
    assert "information sharing" in page.locator("#latest h2").inner_text()
