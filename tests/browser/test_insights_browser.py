"""The operator's insights page in a browser: reached by keyboard with the token, axe-clean, readable on a phone."""

from __future__ import annotations

import shutil

import httpx

from tests.test_insights import QUESTIONS, TOKEN


def test_the_operator_page_by_keyboard(page, nojs_page, kestrel_index, make_app, serve, tmp_path, axe, screenshots):
    own_index = tmp_path / "index"
    shutil.copytree(kestrel_index, own_index)
    token = tmp_path / "token"
    token.write_text(TOKEN, encoding="utf-8")
    token.chmod(0o600)
    app = make_app(own_index, insights=True, reload_token_file=token, reload_poll_seconds=0)
    base = serve(app)
    for _ in range(3):
        for q in QUESTIONS:
            httpx.post(f"{base}/api/ask", json={"question": q}, timeout=60)

    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{base}/-/insights")
    axe(page)
    for _ in range(20):  # by keyboard: Tab to the token field, type, Enter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "token":
            break
    page.keyboard.type(TOKEN)
    page.keyboard.press("Enter")
    page.wait_for_selector("table")
    assert page.locator("table").first.is_visible()
    text = page.locator("main").inner_text()
    assert "trampoline" in text and "9" in text and "zorblax" not in text.lower()
    axe(page)

    nojs_page.goto(f"{base}/-/insights")  # the form needs no script
    nojs_page.locator("#token").fill(TOKEN)
    nojs_page.locator("#token").press("Enter")
    nojs_page.wait_for_selector("table")
    assert "trampoline" in nojs_page.locator("main").inner_text()
    page.screenshot(path=str(screenshots / "insights-375.png"), full_page=True)
