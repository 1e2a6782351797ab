"""The widget on a partner page served from a second origin, in Chromium."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from assistant.settings import WEB_DIR

pytestmark = pytest.mark.browser


DEMO = WEB_DIR / "demo"
DEFAULT_ASSISTANT = "http://127.0.0.1:8000"  # what web/demo/partner.html points at


def demo_app(assistant: dict) -> Starlette:
    """Serves web/demo as a partner site would, with the widget pointing at the test assistant."""

    def page(request):
        html = (DEMO / "partner.html").read_text(encoding="utf-8").replace(DEFAULT_ASSISTANT, assistant["url"])
        if request.query_params.get("variant") == "options":
            html = html.replace(
                'data-accent="#4c2c92" data-position="bottom-right"',
                'data-accent="#ffdd00" data-position="bottom-left" data-open="true"',
            )
        return Response(html, media_type="text/html")

    def css(request):
        return Response((DEMO / "partner.css").read_bytes(), media_type="text/css")

    return Starlette(routes=[Route("/partner.html", page), Route("/partner.css", css)])


@pytest.fixture(scope="module")
def origins(serve, make_app, corpus_index):
    """(allowed partner URL, other partner URL, assistant URL): three origins on 127.0.0.1."""
    target: dict = {}
    allowed = serve(demo_app(target))
    other = serve(demo_app(target))
    target["url"] = serve(make_app(corpus_index, embed_origins=[allowed]))
    return allowed, other, target["url"]


def shadow(page, script: str):
    return page.evaluate(
        f"() => {{ const root = document.querySelector('safeguarding-assistant').shadowRoot; {script} }}"
    )


def launcher_focused(page) -> bool:
    return shadow(
        page,
        "return document.activeElement.tagName === 'SAFEGUARDING-ASSISTANT' && root.activeElement === "
        "root.querySelector('.launcher');",
    )


def chat_frame(page, assistant: str):
    page.wait_for_function("() => document.querySelector('safeguarding-assistant').shadowRoot.querySelector('iframe')")
    for _ in range(100):
        frame = next((f for f in page.frames if f.url.startswith(assistant + "/embed")), None)
        if frame:
            return frame
        page.wait_for_timeout(50)
    raise AssertionError("the chat frame did not load")


def test_widget_by_keyboard_on_an_allowed_partner(page, origins, axe):
    allowed, _, assistant = origins
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(allowed + "/partner.html")
    page.wait_for_function("() => window.SafeguardingAssistant && document.querySelector('safeguarding-assistant')")
    assert not any("/embed" in u or "/static/" in u for u in requests), "the widget loaded something before opening"
    assert shadow(page, "return root.querySelector('.launcher').textContent;") == "Ask the safeguarding report"
    for _ in range(20):
        page.keyboard.press("Tab")
        if launcher_focused(page):
            break
    assert launcher_focused(page)
    page.keyboard.press("Enter")
    frame = chat_frame(page, assistant)
    frame.wait_for_selector("#question")
    frame.wait_for_function("() => document.readyState === 'complete'")  # chat.js has run
    page.wait_for_function("() => true")
    frame.wait_for_function("() => document.hasFocus() && document.activeElement.id === 'question'")
    assert frame.get_attribute("#question", "placeholder").startswith("For example")
    wanted = "parseInt(document.querySelector('safeguarding-assistant').shadowRoot.querySelector('.panel').style.getPropertyValue('--content-height'), 10)"
    page.wait_for_function(f"() => {wanted} > 0")
    height = page.evaluate(f"() => {wanted}")
    page.keyboard.type("What does the Panel say about information sharing?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    frame.wait_for_function("() => document.activeElement.id === 'answer-1'")
    assert "information sharing" in frame.locator("#latest article.quote").first.inner_text()
    # The frame reported its new height (postMessage "resize") and the panel took it (up to the window).
    page.wait_for_function(f"() => {wanted} > {height}")
    frame.locator("#latest button[data-action=copy]").first.click()
    frame.wait_for_function("() => document.getElementById('chat-status').textContent.includes('copied')")
    page.keyboard.press("Shift+Tab")  # axe also sees a focused control in the frame
    axe(page)  # the partner page with the widget open
    axe(frame)  # the chat inside it
    page.keyboard.press("Escape")
    page.wait_for_function(
        "() => document.querySelector('safeguarding-assistant').shadowRoot.querySelector('.panel').hidden"
    )
    assert launcher_focused(page)
    assert shadow(page, "return root.querySelector('.launcher').getAttribute('aria-expanded');") == "false"
    assert page.context.cookies() == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_partner_css_does_not_reach_the_widget(page, origins):
    allowed, _, _ = origins
    page.goto(allowed + "/partner.html")
    page.wait_for_selector("safeguarding-assistant")
    look = "const b = root.querySelector('.launcher'); const s = getComputedStyle(b); const r = b.getBoundingClientRect(); return [s.fontFamily, s.backgroundColor, s.color, s.borderRadius, s.fontSize, r.width, r.height, r.right, r.bottom];"
    before = shadow(page, look)
    assert "Georgia" not in before[0] and before[1] == "rgb(76, 44, 146)" and before[3] == "0px"
    page.add_style_tag(
        content="""
        * { all: unset !important; font: 40px/3 serif !important; color: red !important; }
        button, div, iframe { display: none !important; background: lime !important; border-radius: 50% !important; }
        safeguarding-assistant { display: none !important; position: static !important; }"""
    )
    assert shadow(page, look) == before
    shadow(page, "root.querySelector('.launcher').click();")
    border = shadow(page, "return getComputedStyle(root.querySelector('iframe')).borderTopStyle;")
    assert border == "none"


def test_focus_on_the_partner_page_is_never_hidden(page, origins):
    allowed, _, _ = origins
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(allowed + "/partner.html")
    page.wait_for_selector("safeguarding-assistant")
    page.evaluate("() => SafeguardingAssistant.open()")
    # Put a partner control right under the open panel, then focus it.
    page.evaluate("""() => { const b = document.createElement('button'); b.id = 'under'; b.textContent = 'Partner';
        b.style.position = 'fixed'; b.style.right = '40px'; b.style.bottom = '200px'; document.body.append(b); b.focus(); }""")
    assert shadow(page, "return root.querySelector('.panel').hidden;") is True


def test_narrow_screen_opens_full_screen(page, origins):
    allowed, _, _ = origins
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(allowed + "/partner.html")
    page.wait_for_selector("safeguarding-assistant")
    page.evaluate("() => SafeguardingAssistant.open()")
    box = shadow(
        page,
        "const r = root.querySelector('.panel').getBoundingClientRect(); return [r.left, r.top, r.width, r.height];",
    )
    assert box == [0, 0, 320, 640]


def test_other_origin_cannot_frame_or_call_the_api(page, origins):
    allowed, other, assistant = origins
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(other + "/partner.html")
    page.wait_for_function("() => window.SafeguardingAssistant")
    page.wait_for_timeout(1000)
    assert page.locator("safeguarding-assistant").count() == 0  # no launcher at all
    assert any("not shown on " + other in m for m in messages)
    # A frame added by hand is still refused by the browser (frame-ancestors).
    page.evaluate(
        "(src) => { const f = document.createElement('iframe'); f.src = src; document.body.append(f); }",
        assistant + "/embed",
    )
    page.wait_for_timeout(1500)
    loaded = [f for f in page.frames if f is not page.main_frame]
    assert [f.url for f in loaded] == ["chrome-error://chromewebdata/"]
    assert any("frame-ancestors" in m and "blocked" in m for m in messages)
    for frame in loaded:
        assert frame.evaluate("() => document.getElementById('question')") is None
    call = """async (url) => { try { const r = await fetch(url + '/api/ask', {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({question: 'voice of the child'})});
        return r.status; } catch (e) { return 'blocked'; } }"""
    assert page.evaluate(call, assistant) == "blocked"
    page.goto(allowed + "/partner.html")
    assert page.evaluate(call, assistant) == 200


def test_options_open_on_load_left_and_readable_accent(page, origins):
    allowed, _, assistant = origins
    page.goto(allowed + "/partner.html?variant=options")
    frame = chat_frame(page, assistant)
    frame.wait_for_selector("#question")
    frame.wait_for_function("() => document.readyState === 'complete'")  # chat.js has run
    look = shadow(
        page,
        "const b = root.querySelector('.launcher'); const s = getComputedStyle(b); return "
        "[root.querySelector('.panel').hidden, b.getAttribute('aria-expanded'), s.backgroundColor, s.color, b.getBoundingClientRect().left];",
    )
    assert look[:4] == [False, "true", "rgb(255, 221, 0)", "rgb(11, 12, 12)"]  # dark text on a light accent
    assert look[4] < 100
